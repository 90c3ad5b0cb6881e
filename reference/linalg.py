"""Linear algebra through NumPy and SciPy: the reference for `mathml.linalg`.

Thin wrappers with the signatures of `mathml.linalg`. Where the libraries' behaviour differs
from the contract (docs/contract.md §3) a wrapper says so in one comment and adjusts:

- NaN or inf entering a factorisation: NumPy is silent or wrong (``inv`` of a matrix with
  inf returns a finite answer), so the wrappers check first and raise ValueError.
- Stacks of matrices: NumPy accepts (..., M, M); `mathml` works on 2-D matrices only, so
  the wrappers refuse more dimensions with NumPy's own error class and wording.
- Complex input: `mathml` works on real matrices, so the wrappers refuse complex input
  with TypeError rather than computing what `mathml` cannot.
- Entries that are not numbers (strings, objects): NumPy fails with its own TypeError
  (``UFuncTypeError``) in most functions, but `qr` converts an object array and SciPy's
  `lu` converts objects and raises ValueError on strings; the wrappers refuse them all with
  TypeError, before the library sees them. `matrix_rank` of ``None`` or of a string is 1
  in NumPy (a "vector" that is not all zero): refused the same way; so is a vector with
  NaN or inf (NumPy: rank 1), as NaN entering linear algebra is everywhere else, and a
  stack of matrices (NumPy: an array of ranks), as everywhere else.
- float16 and long double: NumPy refuses them ("array type float16 is unsupported in
  linalg"); the wrappers check in NumPy's order (shape first, then dtype) so that the
  refusal comes before the finiteness check. SciPy's `lu` takes them (float16 → float32,
  long double → float64) and so does this wrapper. The answer's dtype is the library's:
  float32 in, float32 out (NumPy computes in double and rounds; SciPy in single).
- Shape mismatches of a right-hand side: `solve` raises NumPy's ValueError and `lstsq`
  NumPy's LinAlgError ("Incompatible dimensions", a ValueError too), each naming both
  shapes; a `b` with 0 or more than 2 dimensions is refused the same way (NumPy's `lstsq`
  raises IndexError on a 0-d `b`, its `solve` broadcasts stacks of right-hand sides).
- Thresholds (`rcond`, `tol`, `rtol`) must be real numbers (TypeError naming them): NumPy
  broadcasts arrays of them over stacks of matrices and fails on strings or ragged lists
  with assorted classes.
"""
from __future__ import annotations

import numbers

import numpy as np
import scipy.linalg
from numpy.linalg import LinAlgError
from numpy.typing import ArrayLike, NDArray

__all__ = ["add", "scale", "dot", "outer", "norm", "matmul", "transpose", "trace",
           "matrix_power", "det", "slogdet", "inv", "solve", "lu", "cholesky", "qr",
           "eigh", "eigvalsh", "eig", "eigvals", "svd", "pinv", "lstsq", "matrix_rank",
           "cond"]


def _real(a: ArrayLike, name: str = "a") -> NDArray:
    try:
        A = np.asarray(a)
    except (ValueError, TypeError) as exc:  # a ragged list: NumPy's words, and which argument
        raise type(exc)(f"{name} is not an array: {exc}") from None
    if np.iscomplexobj(A):
        raise TypeError("complex input is not supported: pass a real array")
    return A


def _numbers(A: NDArray, *, half: bool = False, name: str = "") -> NDArray:
    """NumPy's dtype refusals (float16, long double; with ``half`` SciPy's, which has none),
    and entries that are not numbers (see the module docstring)."""
    which = f"{name}: " if name else ""
    if A.dtype.kind not in "biuf":
        raise TypeError(f"{which}array type {A.dtype.name} is unsupported in linalg: "
                        "pass an array of numbers")
    if A.dtype.kind == "f" and A.dtype not in (np.float32, np.float64) and not half:
        raise TypeError(f"{which}array type {A.dtype.name} is unsupported in linalg")
    return A


def _matrix(a: ArrayLike, *, square: bool = False, finite: bool = True,
            half: bool = False, name: str = "a") -> NDArray:
    """The input checks of the contract, in NumPy's words and order (see the module
    docstring): complex, then the shape, the dtype, and NaN or inf."""
    A = _real(a, name)
    if A.ndim != 2:
        raise LinAlgError(f"{A.ndim}-dimensional array given. Array must be two-dimensional")
    if square and A.shape[0] != A.shape[1]:
        raise LinAlgError("Last 2 dimensions of the array must be square")
    _numbers(A, half=half)
    return np.asarray_chkfinite(A) if finite else A


def _right_hand_side(b: ArrayLike, A: NDArray, function: str,
                     error: type[Exception] = ValueError) -> NDArray:
    """`b` of ``A x = b``: (M,) or (M, K), else `error` naming both shapes (see the module
    docstring); then the checks of `_matrix`."""
    B = _real(b, "b")
    M = A.shape[0]
    if B.ndim not in (1, 2):
        raise error(f"{function}: a has shape {A.shape} but b has shape {B.shape}; b must be "
                    "1-D (one right-hand side) or 2-D (one right-hand side per column)")
    if B.shape[0] != M:
        raise error(f"{function}: a has shape {A.shape} but b has shape {B.shape}; "
                    f"b must have {M} rows")
    return np.asarray_chkfinite(_numbers(B, name="b"))


# --- arithmetic: NumPy as it is --------------------------------------------------------------

def add(x1: ArrayLike, x2: ArrayLike) -> NDArray:
    return np.add(x1, x2)


def scale(alpha: float, x: ArrayLike) -> NDArray:
    # np.multiply would broadcast an array alpha; scalar multiplication needs a scalar.
    if np.ndim(alpha) != 0:
        raise ValueError(f"alpha must be a scalar, got an array of shape {np.shape(alpha)}")
    return np.multiply(alpha, x)


def dot(a: ArrayLike, b: ArrayLike) -> NDArray:
    return np.dot(a, b)


def outer(a: ArrayLike, b: ArrayLike) -> NDArray:
    return np.outer(a, b)


def matmul(x1: ArrayLike, x2: ArrayLike) -> NDArray:
    A, B = np.asarray(x1), np.asarray(x2)
    if {A.dtype.kind, B.dtype.kind} & set("USV"):
        # NumPy's UFuncTypeError ("no loop"), a private subclass: a plain TypeError here
        raise TypeError(f"matmul: operands must hold numbers, got dtypes {A.dtype} and "
                        f"{B.dtype}")
    return np.matmul(A, B)


def transpose(a: ArrayLike, axes: tuple[int, ...] | None = None) -> NDArray:
    return np.transpose(a, axes)


def trace(a: ArrayLike, offset: int = 0, axis1: int = 0, axis2: int = 1) -> NDArray:
    return np.trace(a, offset, axis1, axis2)


def norm(x: ArrayLike, ord: float | str | None = None, axis: int | tuple[int, int] | None = None,
         keepdims: bool = False) -> NDArray:
    if np.iscomplexobj(x):  # NumPy takes the modulus; mathml works on real arrays
        raise TypeError("complex input is not supported: pass a real array")
    if isinstance(ord, (complex, np.complexfloating)):
        # NumPy: a UFuncTypeError from |x|**ord for vectors, "Invalid norm order" for
        # matrices; one TypeError here
        raise TypeError(f"ord must be a real number, 'fro', 'f' or 'nuc', got {ord!r}")
    nd = np.ndim(x)
    # (axes out of bounds are NumPy's AxisError, raised before the finiteness check)
    matrix_norm = (axis is None and nd == 2) or (
        isinstance(axis, tuple) and len(axis) == 2 and all(-nd <= ax < nd for ax in axis))
    if matrix_norm and ord in (2, -2, "nuc"):
        # the spectral norms go through the SVD, a factorisation: refuse NaN/inf first
        np.asarray_chkfinite(x)
    return np.linalg.norm(x, ord, axis, keepdims)


def matrix_power(a: ArrayLike, n: int) -> NDArray:
    # NumPy computes complex powers and keeps strings for n = 0 and 1: shape and numbers
    # first (float16 is NumPy's for n >= 0, and refused by its inv for n < 0)
    A = _matrix(a, square=True, finite=False, half=True)
    if isinstance(n, (int, np.integer)) and n < 0:
        _matrix(A, square=True)  # a negative power inverts: a factorisation
    return np.linalg.matrix_power(A, n)


# --- factorisations and solvers --------------------------------------------------------------

def det(a: ArrayLike) -> np.float64:
    return np.linalg.det(_matrix(a, square=True))


def slogdet(a: ArrayLike):
    return np.linalg.slogdet(_matrix(a, square=True))


def inv(a: ArrayLike) -> NDArray:
    return np.linalg.inv(_matrix(a, square=True))


def solve(a: ArrayLike, b: ArrayLike) -> NDArray:
    A = _matrix(a, square=True)
    # NumPy says "mismatch in its core dimension" of a gufunc; name both shapes instead
    return np.linalg.solve(A, _right_hand_side(b, A, "solve"))


def lu(a: ArrayLike, permute_l: bool = False):
    return scipy.linalg.lu(_matrix(a, half=True), permute_l=permute_l)


def cholesky(a: ArrayLike, /, *, upper: bool = False) -> NDArray:
    return np.linalg.cholesky(_matrix(a, square=True), upper=upper)


def qr(a: ArrayLike, mode: str = "reduced"):
    return np.linalg.qr(_matrix(a), mode=mode)


def _uplo(UPLO) -> str:
    # NumPy calls UPLO.upper(): anything but a string is an AttributeError there
    if not isinstance(UPLO, str) or UPLO.upper() not in ("L", "U"):
        raise ValueError("UPLO argument must be 'L' or 'U'")
    return UPLO


def eigh(a: ArrayLike, UPLO: str = "L"):
    uplo = _uplo(UPLO)  # first, as NumPy
    return np.linalg.eigh(_matrix(a, square=True), UPLO=uplo)


def eigvalsh(a: ArrayLike, UPLO: str = "L") -> NDArray:
    uplo = _uplo(UPLO)  # first, as NumPy
    return np.linalg.eigvalsh(_matrix(a, square=True), UPLO=uplo)


def eig(a: ArrayLike):
    return np.linalg.eig(_matrix(a, square=True))


def eigvals(a: ArrayLike) -> NDArray:
    return np.linalg.eigvals(_matrix(a, square=True))


def svd(a: ArrayLike, full_matrices: bool = True, compute_uv: bool = True,
        hermitian: bool = False):
    return np.linalg.svd(_matrix(a), full_matrices, compute_uv, hermitian)


def _real_parameter(value, name: str):
    # NumPy broadcasts arrays of thresholds over stacks of matrices (which mathml does not
    # have) and fails on the rest in various ways: a real number or None, else TypeError
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value[()]
    if value is not None and not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {value!r}")
    return value


def pinv(a: ArrayLike, rcond: float | None = None, hermitian: bool = False, *,
         rtol: float | None = None) -> NDArray:
    rcond, rtol = _real_parameter(rcond, "rcond"), _real_parameter(rtol, "rtol")
    if rcond is not None and rtol is not None:  # NumPy's check comes before the matrix's
        raise ValueError("`rtol` and `rcond` can't be both set.")
    # mathml's rtol=None stands for NumPy's "not given" sentinel
    extra = {} if rtol is None else {"rtol": rtol}
    return np.linalg.pinv(_matrix(a), rcond, hermitian, **extra)


def lstsq(a: ArrayLike, b: ArrayLike, rcond: float | None = None):
    rcond = _real_parameter(rcond, "rcond")
    A = _matrix(a)
    # NumPy's class and words ("Incompatible dimensions"), and both shapes
    b = _right_hand_side(b, A, "Incompatible dimensions in lstsq", LinAlgError)
    return np.linalg.lstsq(A, b, rcond=rcond)


def matrix_rank(A: ArrayLike, tol: float | None = None, hermitian: bool = False, *,
                rtol: float | None = None) -> int:
    tol, rtol = _real_parameter(tol, "tol"), _real_parameter(rtol, "rtol")
    if tol is not None and rtol is not None:  # NumPy's check comes before the matrix's
        raise ValueError("`tol` and `rtol` can't be both set.")
    A = _real(A, "A")
    if A.ndim < 2:  # NumPy compares with 0 (float16 included), whatever the entries
        np.asarray_chkfinite(_numbers(A, half=True))
    else:  # stacks of matrices refused, as everywhere (module docstring)
        _matrix(A)
    return np.linalg.matrix_rank(A, tol, hermitian, rtol=rtol)


def cond(x: ArrayLike, p: float | str | None = None) -> np.float64:
    A = _matrix(x, square=p not in (None, 2, -2), name="x")
    try:
        return np.linalg.cond(A, p)
    except LinAlgError:
        if p != "nuc" or A.size == 0:
            raise
        # NumPy's inverse of a singular matrix is all inf and NaN, whose nuclear norm
        # "did not converge"; every other norm gives inf, as NumPy's docstring promises
        return (np.float32 if A.dtype == np.float32 else np.float64)(np.inf)
