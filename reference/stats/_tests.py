"""Hypothesis tests through SciPy: the reference for `mathml.stats`' t-tests and chi-square test.

Thin wrappers with `mathml`'s signatures (SciPy's leading parameters; ``nan_policy``,
``keepdims``, ``trim``, ``method``, ``lambda_`` are not part of the contract). Adjustments:

- too few observations raise ValueError (docs/contract.md §3: an empty sample); SciPy returns nan
  with a warning, so the wrapper checks first;
- the results are the named tuples `mathml` returns (SciPy's carry a confidence interval
  method as well).
"""
from __future__ import annotations

from typing import NamedTuple

import numpy as np
import scipy.stats
from numpy.typing import ArrayLike, NDArray

__all__ = ["ttest_1samp", "ttest_ind", "chi2_contingency"]


class TtestResult(NamedTuple):
    statistic: NDArray[np.float64]
    pvalue: NDArray[np.float64]
    df: NDArray


class Chi2ContingencyResult(NamedTuple):
    statistic: float
    pvalue: float
    dof: int
    expected_freq: NDArray[np.float64]


def _count(x: np.ndarray, axis: int | None) -> int:
    if np.iscomplexobj(x):
        raise TypeError("complex input is not supported: pass a real array")
    # contract: an empty sample is refused (SciPy returns nan)
    if x.size == 0:
        raise ValueError("the sample is empty: pass at least one observation")
    return x.size if axis is None else x.shape[axis]


def ttest_1samp(a: ArrayLike, popmean: ArrayLike, axis: int | None = 0, *,
                alternative: str = "two-sided") -> TtestResult:
    x = np.asarray(a, dtype=np.float64) if not np.iscomplexobj(a) else np.asarray(a)
    if _count(x, axis) < 2:  # SciPy: nan with a warning
        raise ValueError("the t-test needs at least 2 observations")
    res = scipy.stats.ttest_1samp(x, popmean, axis=axis, alternative=alternative)
    return TtestResult(res.statistic, res.pvalue, res.df)


def ttest_ind(a: ArrayLike, b: ArrayLike, *, axis: int | None = 0, equal_var: bool = True,
              alternative: str = "two-sided") -> TtestResult:
    x1, x2 = np.asarray(a), np.asarray(b)
    n1, n2 = _count(x1, axis), _count(x2, axis)
    if (n1 + n2 < 3) if equal_var else (min(n1, n2) < 2):  # SciPy: nan with a warning
        raise ValueError("too few observations for the t-test: "
                         + ("n1 + n2 must be at least 3" if equal_var else
                            "Welch's test needs at least 2 in each sample"))
    res = scipy.stats.ttest_ind(x1.astype(np.float64), x2.astype(np.float64), axis=axis,
                                equal_var=equal_var, alternative=alternative)
    return TtestResult(res.statistic, res.pvalue, res.df)


def chi2_contingency(observed: ArrayLike, correction: bool = True) -> Chi2ContingencyResult:
    res = scipy.stats.chi2_contingency(observed, correction=correction)
    return Chi2ContingencyResult(float(res.statistic), float(res.pvalue), int(res.dof),
                                 np.asarray(res.expected_freq, dtype=np.float64))
