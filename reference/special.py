"""Special functions through SciPy: the reference for `mathml.special`.

Thin wrappers with the signatures of `mathml.special`: the arguments go to SciPy as given,
so its result types (float32 in, float32 out; a scalar of that type for scalar input) and
its errors for strings, dates, objects and None (the ufuncs' TypeError "ufunc ... not
supported for the input types") are the reference's. Where SciPy's behaviour differs from
the contract (CONTRACT.md §3) a wrapper says so in one comment and adjusts:

- Complex input: SciPy computes complex erf, gamma, expit, …; `mathml` is real-valued, so
  the wrappers refuse complex input with TypeError.
- softmax and log_softmax fail inside NumPy on input that is not numeric (UFuncTypeError,
  AttributeError or TypeError depending on what it is); the wrappers raise the TypeError
  they have in common, first.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import scipy.special
from numpy.typing import ArrayLike, NDArray

__all__ = ["erf", "erfc", "erfinv", "gamma", "gammaln", "beta", "gammainc", "gammaincc",
           "betainc", "expit", "logit", "softmax", "log_softmax", "logsumexp", "xlogy"]


def _real(*args: ArrayLike) -> tuple[Any, ...]:
    """The contract's check (see the module docstring): complex input refused; the
    arguments are passed on unchanged."""
    for a in args:
        if np.iscomplexobj(a):
            raise TypeError("complex input is not supported: pass a real array")
    return args


def _numeric(x: ArrayLike, name: str) -> ArrayLike:
    """softmax's and log_softmax's check (see the module docstring)."""
    arr = np.asarray(x)
    if arr.dtype.kind not in "biufc":
        raise TypeError(f"{name} is not supported for input of type {arr.dtype}: pass an "
                        "array of real numbers")
    return x


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
    return scipy.special.softmax(*_real(_numeric(x, "softmax")), axis=axis)


def log_softmax(x: ArrayLike, axis: int | tuple[int, ...] | None = None) -> NDArray[np.float64]:
    return scipy.special.log_softmax(*_real(_numeric(x, "log_softmax")), axis=axis)


def logsumexp(a: ArrayLike, axis: int | tuple[int, ...] | None = None,
              b: ArrayLike | None = None, keepdims: bool = False,
              return_sign: bool = False) -> Any:
    _real(a, b)
    return scipy.special.logsumexp(a, axis=axis, b=b, keepdims=keepdims,
                                   return_sign=return_sign)


def xlogy(x: ArrayLike, y: ArrayLike) -> Any:
    return scipy.special.xlogy(*_real(x, y))
