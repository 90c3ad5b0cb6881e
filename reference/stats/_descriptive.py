"""Descriptive statistics through NumPy and SciPy: the reference for `mathml.stats`' descriptive
statistics.

Thin wrappers with `mathml`'s signatures (the libraries' leading parameters). Adjustments to
the contract, each also marked where it happens:

- an empty sample raises ValueError (docs/contract.md §3: "an empty sample"); NumPy and SciPy return
  nan with a RuntimeWarning, or raise IndexError (quantile), so the wrapper checks first;
- `pearsonr` and `spearmanr` return the named pairs (statistic, pvalue) that `mathml` does:
  SciPy's result objects carry more (a confidence interval, the inputs);
- `quantile`/`percentile` accept only method='linear', the one `mathml` implements.
"""
from __future__ import annotations

from typing import NamedTuple

import numpy as np
import scipy.stats
from numpy.typing import ArrayLike

__all__ = ["mean", "median", "mode", "var", "std", "quantile", "percentile", "skew",
           "kurtosis", "zscore", "cov", "corrcoef", "pearsonr", "spearmanr", "histogram"]


class ModeResult(NamedTuple):
    mode: np.ndarray
    count: np.ndarray


class PearsonRResult(NamedTuple):
    statistic: float
    pvalue: float


class SignificanceResult(NamedTuple):
    statistic: float
    pvalue: float


def _sample(a: ArrayLike) -> np.ndarray:
    x = np.asarray(a)
    if np.iscomplexobj(x):
        raise TypeError("complex input is not supported: pass a real array")
    # contract: NumPy/SciPy would return nan (with a warning) for an empty sample
    if x.size == 0:
        raise ValueError("the sample is empty: pass at least one observation")
    return x


def _linear_only(method: str) -> None:
    # contract: mathml implements NumPy's default method only; both refuse the others
    if method != "linear":
        raise ValueError(f"method {method!r} is not implemented: use method='linear'")


def mean(a: ArrayLike, axis: int | None = None, *, keepdims: bool = False):
    return np.mean(_sample(a), axis=axis, keepdims=keepdims)


def median(a: ArrayLike, axis: int | None = None, *, keepdims: bool = False):
    return np.median(_sample(a), axis=axis, keepdims=keepdims)


def mode(a: ArrayLike, axis: int | None = 0, *, keepdims: bool = False) -> ModeResult:
    res = scipy.stats.mode(_sample(a), axis=axis, keepdims=keepdims)
    return ModeResult(res.mode, res.count)


def var(a: ArrayLike, axis: int | None = None, *, ddof: float = 0, keepdims: bool = False):
    return np.var(_sample(a).astype(np.float64), axis=axis, ddof=ddof, keepdims=keepdims)


def std(a: ArrayLike, axis: int | None = None, *, ddof: float = 0, keepdims: bool = False):
    return np.std(_sample(a).astype(np.float64), axis=axis, ddof=ddof, keepdims=keepdims)


def quantile(a: ArrayLike, q: ArrayLike, axis: int | None = None, *, method: str = "linear",
             keepdims: bool = False):
    _linear_only(method)
    return np.quantile(_sample(a).astype(np.float64), q, axis=axis, method=method,
                       keepdims=keepdims)


def percentile(a: ArrayLike, q: ArrayLike, axis: int | None = None, *, method: str = "linear",
               keepdims: bool = False):
    _linear_only(method)
    return np.percentile(_sample(a).astype(np.float64), q, axis=axis, method=method,
                         keepdims=keepdims)


def skew(a: ArrayLike, axis: int | None = 0, bias: bool = True, *, keepdims: bool = False):
    return scipy.stats.skew(_sample(a).astype(np.float64), axis=axis, bias=bias,
                            keepdims=keepdims)


def kurtosis(a: ArrayLike, axis: int | None = 0, fisher: bool = True, bias: bool = True, *,
             keepdims: bool = False):
    return scipy.stats.kurtosis(_sample(a).astype(np.float64), axis=axis, fisher=fisher,
                                bias=bias, keepdims=keepdims)


def zscore(a: ArrayLike, axis: int | None = 0, ddof: int = 0):
    return scipy.stats.zscore(_sample(a).astype(np.float64), axis=axis, ddof=ddof)


def cov(m: ArrayLike, y: ArrayLike | None = None, rowvar: bool = True, bias: bool = False,
        ddof: int | None = None):
    _sample(m)
    return np.cov(m, y, rowvar=rowvar, bias=bias, ddof=ddof)


def corrcoef(x: ArrayLike, y: ArrayLike | None = None, rowvar: bool = True):
    _sample(x)
    return np.corrcoef(x, y, rowvar=rowvar)


def _pair(x: ArrayLike, y: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    X, Y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    if X.ndim != 1 or Y.ndim != 1:
        raise ValueError("x and y must be one-dimensional")
    # SciPy broadcasts (pearsonr) or stacks (spearmanr) unequal inputs: refuse them first,
    # with one message for both
    if X.shape != Y.shape:
        raise ValueError(f"x and y must have the same length: got {X.shape[0]} and {Y.shape[0]}")
    return X, Y


def pearsonr(x: ArrayLike, y: ArrayLike) -> PearsonRResult:
    res = scipy.stats.pearsonr(*_pair(x, y))
    # SciPy's PearsonRResult also holds a confidence interval: keep the contract's two fields
    return PearsonRResult(float(res.statistic), float(res.pvalue))


def spearmanr(a: ArrayLike, b: ArrayLike) -> SignificanceResult:
    X, Y = _pair(a, b)
    if X.shape[0] < 2:  # SciPy returns nan with a warning
        raise ValueError("x and y must have length at least 2.")
    res = scipy.stats.spearmanr(X, Y)
    return SignificanceResult(float(res.statistic), float(res.pvalue))


def histogram(a: ArrayLike, bins: int | ArrayLike = 10,
              range: tuple[float, float] | None = None,
              density: bool | None = None):
    return np.histogram(a, bins=bins, range=range, density=density)
