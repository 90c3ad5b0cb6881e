"""Special functions through SciPy: the reference for `mathml.special`.

Thin wrappers with the signatures of `mathml.special`. Where SciPy's behaviour differs from
the contract (docs/contract.md §3) a wrapper says so in one comment and adjusts:

- Complex input: SciPy computes complex erf, gamma, expit, …; `mathml` is real-valued, so
  the wrappers refuse complex input with TypeError.
- float32 input: SciPy's ufuncs keep float32; `mathml` computes in float64, so the
  wrappers convert the arguments to float64 first (the values are then SciPy's own).
"""
from __future__ import annotations

from typing import Any

import numpy as np
import scipy.special
from numpy.typing import ArrayLike, NDArray

__all__ = ["erf", "erfc", "erfinv", "gamma", "gammaln", "beta", "gammainc", "gammaincc",
           "betainc", "expit", "logit", "softmax", "log_softmax", "logsumexp", "xlogy"]


def _real(*arrays: ArrayLike) -> tuple[NDArray[np.float64], ...]:
    """The contract's check (see the module docstring): real input, as float64."""
    out = []
    for a in arrays:
        arr = np.asarray(a)
        if np.iscomplexobj(arr):
            raise TypeError("complex input is not supported: pass a real array")
        if arr.dtype == object:
            raise TypeError("input must be a numeric array, not an array of objects")
        out.append(arr.astype(np.float64, copy=False))
    return tuple(out)


def erf(z: ArrayLike) -> Any:
    return scipy.special.erf(*_real(z))


def erfc(x: ArrayLike) -> Any:
    return scipy.special.erfc(*_real(x))


def erfinv(y: ArrayLike) -> Any:
    return scipy.special.erfinv(*_real(y))


def gamma(z: ArrayLike) -> Any:
    return scipy.special.gamma(*_real(z))


def gammaln(x: ArrayLike) -> Any:
    return scipy.special.gammaln(*_real(x))


def beta(a: ArrayLike, b: ArrayLike) -> Any:
    return scipy.special.beta(*_real(a, b))


def gammainc(a: ArrayLike, x: ArrayLike) -> Any:
    return scipy.special.gammainc(*_real(a, x))


def gammaincc(a: ArrayLike, x: ArrayLike) -> Any:
    return scipy.special.gammaincc(*_real(a, x))


def betainc(a: ArrayLike, b: ArrayLike, x: ArrayLike) -> Any:
    return scipy.special.betainc(*_real(a, b, x))


def expit(x: ArrayLike) -> Any:
    return scipy.special.expit(*_real(x))


def logit(p: ArrayLike) -> Any:
    return scipy.special.logit(*_real(p))


def softmax(x: ArrayLike, axis: int | tuple[int, ...] | None = None) -> NDArray[np.float64]:
    return scipy.special.softmax(*_real(x), axis=axis)


def log_softmax(x: ArrayLike, axis: int | tuple[int, ...] | None = None) -> NDArray[np.float64]:
    return scipy.special.log_softmax(*_real(x), axis=axis)


def logsumexp(a: ArrayLike, axis: int | tuple[int, ...] | None = None,
              b: ArrayLike | None = None, keepdims: bool = False,
              return_sign: bool = False) -> Any:
    a, = _real(a)
    b = None if b is None else _real(b)[0]
    return scipy.special.logsumexp(a, axis=axis, b=b, keepdims=keepdims,
                                   return_sign=return_sign)


def xlogy(x: ArrayLike, y: ArrayLike) -> Any:
    return scipy.special.xlogy(*_real(x, y))
