"""Hypothesis tests through SciPy: the reference for `mathml.stats`' t-tests and chi-square test.

Thin wrappers with `mathml`'s signatures (SciPy's leading parameters; ``nan_policy``,
``keepdims``, ``trim``, ``method``, ``lambda_`` are not part of the contract), returning
SciPy's own result objects: ``TtestResult`` unpacks to (statistic, pvalue) and carries ``df``
as an attribute, ``Chi2ContingencyResult`` unpacks to its four fields. Small samples as SciPy:
an empty sample gives nan with a ``SmallSampleWarning``, one observation nan t and p.
Adjustments: complex input is refused with TypeError (docs/contract.md: real statistics
only); text given to `ttest_1samp` or `chi2_contingency` raises TypeError (SciPy raises
NumPy's subclasses of it), None a TypeError (SciPy's class, except where it crashes with an
AttributeError).
"""
from __future__ import annotations

import numpy as np
import scipy.stats
from numpy.typing import ArrayLike

__all__ = ["ttest_1samp", "ttest_ind", "chi2_contingency"]


def _real(a: ArrayLike, name: str, *, text_is_type_error: bool = True) -> np.ndarray:
    if a is None:  # SciPy crashes on some (an AttributeError): refuse None first
        raise TypeError(f"`{name}` must be an array of numbers, got NoneType")
    x = np.asarray(a)
    if np.iscomplexobj(x):  # contract: real input only
        raise TypeError(f"`{name}`: complex input is not supported: pass a real array")
    if text_is_type_error and x.dtype.kind in "USV":
        # SciPy fails inside NumPy here, with NumPy's subclasses of TypeError
        raise TypeError(f"`{name}` must be an array of numbers, got text (dtype {x.dtype})")
    return x.astype(np.float64) if x.dtype.kind in "biu" else x


def ttest_1samp(a: ArrayLike, popmean: ArrayLike, axis: int | None = 0, *,
                alternative: str = "two-sided"):
    mu = popmean if np.isscalar(popmean) and not np.iscomplexobj(popmean) else \
        _real(popmean, "popmean", text_is_type_error=False)  # SciPy reads text as numbers
    return scipy.stats.ttest_1samp(_real(a, "a"), mu, axis=axis, alternative=alternative)


def ttest_ind(a: ArrayLike, b: ArrayLike, *, axis: int | None = 0, equal_var: bool = True,
              alternative: str = "two-sided"):
    # text: SciPy converts to float first, and raises its own ValueError
    return scipy.stats.ttest_ind(_real(a, "a", text_is_type_error=False),
                                 _real(b, "b", text_is_type_error=False), axis=axis,
                                 equal_var=equal_var, alternative=alternative)


def chi2_contingency(observed: ArrayLike, correction: bool = True):
    return scipy.stats.chi2_contingency(_real(observed, "observed"), correction=correction)
