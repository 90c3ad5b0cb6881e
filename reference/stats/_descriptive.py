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
  IndexError) and accept only method='linear', the one `mathml` implements;
- `zscore(None)` and `pearsonr(None, y)` raise TypeError (SciPy crashes with an AxisError or
  an AttributeError), `pearsonr` and `spearmanr` take two 1-D samples of one length (SciPy
  broadcasts or stacks others), of numbers (SciPy's spearmanr would rank text);
- text given to `histogram` raises TypeError (NumPy raises a private subclass of it);
- numeric input is computed in float64 (float32 in gives float64 out, as `mathml` today).
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


def _float(a: ArrayLike, name: str = "a") -> Any:
    """Numbers as float64; anything else (text, None) as it is, for the library to refuse."""
    x = _sample(a, name)
    return x.astype(np.float64) if x is not None and x.dtype.kind in "biuf" else x


def _no_text(x: Any, name: str, cls: type[Exception] = TypeError) -> Any:
    # the library fails inside NumPy, with a private subclass of TypeError
    if x is not None and x.dtype.kind in "USV":
        raise cls(f"`{name}` must be an array of numbers, got text (dtype {x.dtype})")
    return x


def _not_none(a: ArrayLike, name: str) -> None:
    if a is None:  # SciPy crashes on None (AxisError, AttributeError): refuse it first
        raise TypeError(f"`{name}` must be an array of numbers, got NoneType")


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
    return np.var(_float(a), axis=axis, ddof=ddof, keepdims=keepdims)


def std(a: ArrayLike, axis: int | None = None, *, ddof: float = 0, keepdims: bool = False):
    return np.std(_float(a), axis=axis, ddof=ddof, keepdims=keepdims)


def _quantile_sample(a: ArrayLike, axis: int | None) -> np.ndarray:
    x = _float(a)
    if x is not None and x.dtype.kind == "f" and (x.size == 0 if axis is None else np.shape(x)[axis] == 0):
        # contract: NumPy crashes with an IndexError on an empty sample
        raise ValueError("the sample is empty: pass at least one observation")
    return x


def quantile(a: ArrayLike, q: ArrayLike, axis: int | None = None, *, method: str = "linear",
             keepdims: bool = False):
    _linear_only(method)
    return np.quantile(_quantile_sample(a, axis), q, axis=axis, method=method,
                       keepdims=keepdims)


def percentile(a: ArrayLike, q: ArrayLike, axis: int | None = None, *, method: str = "linear",
               keepdims: bool = False):
    _linear_only(method)
    return np.percentile(_quantile_sample(a, axis), q, axis=axis, method=method,
                         keepdims=keepdims)


def skew(a: ArrayLike, axis: int | None = 0, bias: bool = True, *, keepdims: bool = False):
    return scipy.stats.skew(_float(a), axis=axis, bias=bias, keepdims=keepdims)


def kurtosis(a: ArrayLike, axis: int | None = 0, fisher: bool = True, bias: bool = True, *,
             keepdims: bool = False):
    return scipy.stats.kurtosis(_float(a), axis=axis, fisher=fisher, bias=bias,
                                keepdims=keepdims)


def zscore(a: ArrayLike, axis: int | None = 0, ddof: int = 0):
    _not_none(a, "a")
    return scipy.stats.zscore(_float(a), axis=axis, ddof=ddof)


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
    X, Y = _sample(x, "x"), _sample(y, "y")
    if X.dtype.kind in "biufUS" and Y.dtype.kind in "biufUS":  # SciPy reads text as numbers
        X, Y = X.astype(np.float64), Y.astype(np.float64)
    if X.dtype.kind == "f" and Y.dtype.kind == "f":
        X, Y = _pair(X, Y)
    return scipy.stats.pearsonr(X, Y)


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
