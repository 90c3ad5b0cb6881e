"""What every linear-algebra function checks first, and the dtype it answers in.

NumPy's rules, shared with `reference.linalg` so that both backends refuse the same inputs
in the same order, with the same exception class:

1. complex entries: ``TypeError`` (`mathml` works on real matrices; the contract);
2. the shape: ``LinAlgError`` unless 2-D (and square where the function needs it);
3. the dtype: ``TypeError`` for entries that are not numbers (strings, objects, ``None``
   inside an array) and for the floating types LAPACK has no routines for, float16 and
   long double (NumPy's "array type float16 is unsupported in linalg");
4. NaN or infinity: ``ValueError("array must not contain infs or NaNs")``.

The answer's dtype is NumPy's too (``numpy.linalg._commonType``): float32 when every array
argument is float32, float64 otherwise (integers and booleans are computed as doubles).
`mathml` computes in float64 whatever the input, and rounds the answer to float32 at the
end: the result is then the correctly rounded float32 of a float64 computation, at least
as accurate as single-precision LAPACK's.
"""
from __future__ import annotations

import numbers
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._validation import FINITE_MESSAGE
from ..exceptions import LinAlgError

__all__ = ["matrix", "right_hand_side", "result_dtype", "lu_dtype", "check_dtype", "as_real",
           "real_parameter"]

COMPLEX_MESSAGE = "complex input is not supported: pass a real array"


def as_real(a: ArrayLike, name: str = "a") -> NDArray:
    """`a` as an array (its own dtype), refusing complex entries (step 1); NumPy's error
    for what is no array (ragged lists), with the argument's name."""
    try:
        A = np.asarray(a)
    except (ValueError, TypeError) as exc:
        raise type(exc)(f"{name} is not an array: {exc}") from None
    if np.iscomplexobj(A):
        raise TypeError(COMPLEX_MESSAGE)
    return A


def real_parameter(value: Any, name: str) -> float | None:
    """A threshold (rcond, tol, rtol) as a float, None kept: TypeError naming it unless a
    real number (NumPy also takes arrays of them, for stacks of matrices, which `mathml`
    does not have). NaN and inf pass: their meaning is the function's."""
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value[()]
    if value is None:
        return None
    if not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {value!r}")
    return float(value)


def check_dtype(A: NDArray, *, half: bool = False, name: str = "") -> None:
    """Step 3: TypeError unless the entries are booleans, integers, float32 or float64
    (float16 and long double too with ``half=True``: SciPy's `lu` takes them). `name`
    prefixes the message where a function takes two arrays."""
    which = f"{name}: " if name else ""
    if A.dtype.kind not in "biuf":
        raise TypeError(f"{which}array type {A.dtype.name} is unsupported in linalg: "
                        "pass an array of numbers")
    if A.dtype.kind == "f" and A.dtype not in (np.float32, np.float64) and not half:
        raise TypeError(f"{which}array type {A.dtype.name} is unsupported in linalg")


def result_dtype(*arrays: NDArray) -> np.dtype:
    """NumPy's result type of a linalg function of these (checked) arrays: float32 when all
    are float32, float64 otherwise."""
    single = all(A.dtype == np.float32 for A in arrays)
    return np.dtype(np.float32 if single else np.float64)


def lu_dtype(A: NDArray) -> np.dtype:
    """SciPy's result type of `lu`: the first of float32, float64 that A's dtype casts to
    safely (booleans, 8- and 16-bit integers and float16 give float32), long double float64."""
    return np.dtype(np.float32 if np.can_cast(A.dtype, np.float32) else np.float64)


def matrix(a: ArrayLike, *, square: bool = False, finite: bool = True,
           half: bool = False, name: str = "a") -> tuple[NDArray[np.float64], np.dtype]:
    """`a` checked (steps 1–4) and converted to float64, with the dtype of the answer."""
    A = as_real(a, name)
    if A.ndim != 2:
        raise LinAlgError(f"{A.ndim}-dimensional array given. Array must be two-dimensional")
    if square and A.shape[0] != A.shape[1]:
        raise LinAlgError("Last 2 dimensions of the array must be square")
    check_dtype(A, half=half)
    A64 = A.astype(np.float64, copy=False)
    if finite and not np.isfinite(A64).all():
        raise ValueError(FINITE_MESSAGE)
    return A64, (lu_dtype(A) if half else result_dtype(A))


def right_hand_side(b: ArrayLike, A: NDArray, *, function: str,
                    error: type[Exception] = ValueError) -> tuple[NDArray[np.float64], NDArray]:
    """The right-hand side `b` of ``A x = b`` checked (steps 1–4; its shape must be (M,) or
    (M, K) for A with M rows, else `error` naming both shapes) and converted to float64;
    returns ``(b as float64, b as given)``, the latter for `result_dtype`."""
    B = as_real(b, "b")
    M = A.shape[0]
    if B.ndim not in (1, 2):
        raise error(f"{function}: a has shape {A.shape} but b has shape {B.shape}; b must be "
                    "1-D (one right-hand side) or 2-D (one right-hand side per column)")
    if B.shape[0] != M:
        raise error(f"{function}: a has shape {A.shape} but b has shape {B.shape}; "
                    f"b must have {M} rows")
    check_dtype(B, name="b")
    B64 = B.astype(np.float64, copy=False)
    if not np.isfinite(B64).all():
        raise ValueError(FINITE_MESSAGE)
    return B64, B
