"""Descriptive statistics through NumPy and SciPy: the reference for `mathml.stats`' descriptive
statistics.

Thin wrappers with `mathml`'s signatures (the libraries' leading parameters), returning the
libraries' own results: NumPy's values and SciPy's result objects (``ModeResult``,
``PearsonRResult``, ``SignificanceResult``), warnings and small-sample behaviour included (an
empty sample gives nan with NumPy's RuntimeWarning or SciPy's SmallSampleWarning).
Adjustments to the contract, each also marked where it happens:

- complex input is refused with TypeError (docs/contract.md: real statistics only; NumPy
  would average complex numbers, SciPy mixes ValueError and silent results);
- `quantile`/`percentile` of an empty sample raise ValueError (NumPy crashes with an
  IndexError), accept only method='linear', the one `mathml` implements, and real q (NumPy
  raises TypeError for most complex q, ValueError for some);
- `zscore(None)` and `pearsonr(None, y)` raise TypeError (SciPy crashes with an AxisError or
  an AttributeError), `pearsonr` and `spearmanr` take two 1-D samples of one length (SciPy
  broadcasts or stacks others), of numbers (SciPy's spearmanr would rank text);
- text given to `histogram` raises TypeError (NumPy raises a private subclass of it), and
  its `bins` is a number or edges: NumPy's estimators ('auto', 'fd', ...) are not implemented;
- the floating types are the libraries' (float32 in, float32 out: NumPy's and SciPy's rule;
  `mathml` computes in float64 and rounds once at the end).
"""
from __future__ import annotations

from typing import Any

import numpy as np
import scipy.stats
from numpy.typing import ArrayLike

__all__ = ["mean", "median", "mode", "var", "std", "quantile", "percentile", "skew",
           "kurtosis", "zscore", "cov", "corrcoef", "pearsonr", "spearmanr", "histogram"]


def _sample(a: ArrayLike, name: str = "a") -> Any:
    """`a` as an array; None as it is (the libraries refuse it, each with its class)."""
    if a is None:
        return None
    x = np.asarray(a)
    if np.iscomplexobj(x):  # contract: real input only
        raise TypeError(f"`{name}`: complex input is not supported: pass a real array")
    return x


def _no_text(x: Any, name: str, cls: type[Exception] = TypeError) -> Any:
    # the library fails inside NumPy, with a private subclass of TypeError
    if x is not None and x.dtype.kind in "USV":
        raise cls(f"`{name}` must be an array of numbers, got text (dtype {x.dtype})")
    return x


def _not_none(a: ArrayLike, name: str) -> None:
    if a is None:  # SciPy crashes on None (AxisError, AttributeError): refuse it first
        raise TypeError(f"`{name}` must be an array of numbers, got NoneType")


def _real_q(q: ArrayLike) -> ArrayLike:
    p = np.asarray(q)
    # contract: real probabilities (NumPy raises TypeError for most complex q, ValueError
    # for some); text raises NumPy's private subclass of TypeError
    if np.iscomplexobj(p) or p.dtype.kind in "USV":
        raise TypeError(f"`q` must be a real number or an array of them, got {p.dtype}")
    return q


def _linear_only(method: str) -> None:
    # contract: mathml implements NumPy's default method only; both refuse the others
    if method != "linear":
        raise ValueError(f"method {method!r} is not implemented: use method='linear'")


def mean(a: ArrayLike, axis: int | None = None, *, keepdims: bool = False):
    return np.mean(_sample(a), axis=axis, keepdims=keepdims)


def median(a: ArrayLike, axis: int | None = None, *, keepdims: bool = False):
    return np.median(_sample(a), axis=axis, keepdims=keepdims)


def mode(a: ArrayLike, axis: int | None = 0, *, keepdims: bool = False):
    return scipy.stats.mode(_sample(a), axis=axis, keepdims=keepdims)


def var(a: ArrayLike, axis: int | None = None, *, ddof: float = 0, keepdims: bool = False):
    return np.var(_sample(a), axis=axis, ddof=ddof, keepdims=keepdims)


def std(a: ArrayLike, axis: int | None = None, *, ddof: float = 0, keepdims: bool = False):
    return np.std(_sample(a), axis=axis, ddof=ddof, keepdims=keepdims)


def _quantile_sample(a: ArrayLike, axis: int | None) -> np.ndarray:
    x = _sample(a)
    if x is not None and x.dtype.kind in "biuf" and (x.size == 0 if axis is None else np.shape(x)[axis] == 0):
        # contract: NumPy crashes with an IndexError on an empty sample
        raise ValueError("the sample is empty: pass at least one observation")
    return x


def quantile(a: ArrayLike, q: ArrayLike, axis: int | None = None, *, method: str = "linear",
             keepdims: bool = False):
    _linear_only(method)
    return np.quantile(_quantile_sample(a, axis), _real_q(q), axis=axis, method=method,
                       keepdims=keepdims)


def percentile(a: ArrayLike, q: ArrayLike, axis: int | None = None, *, method: str = "linear",
               keepdims: bool = False):
    _linear_only(method)
    return np.percentile(_quantile_sample(a, axis), _real_q(q), axis=axis, method=method,
                         keepdims=keepdims)


def skew(a: ArrayLike, axis: int | None = 0, bias: bool = True, *, keepdims: bool = False):
    return scipy.stats.skew(_sample(a), axis=axis, bias=bias, keepdims=keepdims)


def kurtosis(a: ArrayLike, axis: int | None = 0, fisher: bool = True, bias: bool = True, *,
             keepdims: bool = False):
    return scipy.stats.kurtosis(_sample(a), axis=axis, fisher=fisher, bias=bias,
                                keepdims=keepdims)


def zscore(a: ArrayLike, axis: int | None = 0, ddof: int = 0):
    _not_none(a, "a")
    return scipy.stats.zscore(_sample(a), axis=axis, ddof=ddof)


def cov(m: ArrayLike, y: ArrayLike | None = None, rowvar: bool = True, bias: bool = False,
        ddof: int | None = None):
    return np.cov(_sample(m, "m"), None if y is None else _sample(y, "y"), rowvar=rowvar,
                  bias=bias, ddof=ddof)


def corrcoef(x: ArrayLike, y: ArrayLike | None = None, rowvar: bool = True):
    return np.corrcoef(_sample(x, "x"), None if y is None else _sample(y, "y"), rowvar=rowvar)


def _pair(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    if x.ndim != 1 or y.ndim != 1:
        raise ValueError("x and y must be one-dimensional")
    # SciPy broadcasts (pearsonr) or stacks (spearmanr) unequal inputs: refuse them first,
    # with one message for both
    if x.shape != y.shape:
        raise ValueError(f"x and y must have the same length: got {x.shape[0]} and {y.shape[0]}")
    return x, y


def pearsonr(x: ArrayLike, y: ArrayLike):
    _not_none(x, "x"), _not_none(y, "y")
    # integers and text to float64, as SciPy converts them (text it cannot read: ValueError)
    X, Y = (v if v.dtype.kind == "f" else v.astype(np.float64)
            for v in (_sample(x, "x"), _sample(y, "y")))
    return scipy.stats.pearsonr(*_pair(X, Y))


def spearmanr(a: ArrayLike, b: ArrayLike):
    # SciPy: a number is a sample of one (the result is nan)
    # contract: numbers only (SciPy would rank text too)
    A = np.atleast_1d(_no_text(_sample(a, "a"), "a", ValueError))
    B = np.atleast_1d(_no_text(_sample(b, "b"), "b", ValueError))
    if A.dtype.kind in "biuf" and B.dtype.kind in "biuf":  # (None: SciPy's ValueError)
        A, B = _pair(A.astype(np.float64), B.astype(np.float64))
    return scipy.stats.spearmanr(A, B)


def histogram(a: ArrayLike, bins: int | ArrayLike = 10,
              range: tuple[float, float] | None = None,
              density: bool | None = None):
    return np.histogram(_no_text(_sample(a), "a"), bins=bins, range=range, density=density)
