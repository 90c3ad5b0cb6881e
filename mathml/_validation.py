"""Input checks shared by every `mathml` module.

Each check raises the exception the contract (CONTRACT.md §3) names for it, with NumPy's
wording where NumPy has one, so that both backends fail the same way.
"""
from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .exceptions import LinAlgError

__all__ = ["as_float_array", "check_finite", "as_matrix", "as_square_matrix"]

FINITE_MESSAGE = "array must not contain infs or NaNs"


def as_float_array(a: ArrayLike) -> NDArray[np.float64]:
    """Return `a` as a float64 array; complex input is refused rather than truncated."""
    arr = np.asarray(a)
    if np.iscomplexobj(arr):
        raise TypeError("complex input is not supported: pass a real array")
    if arr.dtype == object:
        raise TypeError("input must be a numeric array, not an array of objects")
    return arr.astype(np.float64, copy=False)


def check_finite(a: NDArray) -> NDArray:
    """Raise ValueError if `a` holds a NaN or an infinity (NumPy's `asarray_chkfinite` wording)."""
    if not np.isfinite(a).all():
        raise ValueError(FINITE_MESSAGE)
    return a


def as_matrix(a: ArrayLike, *, finite: bool = True) -> NDArray[np.float64]:
    """Return `a` as a 2-D float64 array, or raise `LinAlgError` as NumPy does."""
    A = as_float_array(a)
    if A.ndim != 2:
        raise LinAlgError(
            f"{A.ndim}-dimensional array given. Array must be two-dimensional")
    if finite:
        check_finite(A)
    return A


def as_square_matrix(a: ArrayLike, *, finite: bool = True) -> NDArray[np.float64]:
    """Return `a` as a square 2-D float64 array, or raise `LinAlgError` as NumPy does."""
    A = as_matrix(a, finite=finite)
    if A.shape[0] != A.shape[1]:
        raise LinAlgError("Last 2 dimensions of the array must be square")
    return A
