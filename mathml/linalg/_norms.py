"""Norms, condition numbers and numerical rank: the quantities measured with the SVD.

`norm` (its 2, −2 and nuclear matrix norms), `cond` and `matrix_rank` need singular
values, and `cond` also needs `inv`; they sit above `_svd` and `_lu` so that imports flow
one way: ``_basic → _lu → _svd → _norms`` (each module imports only those before it, and
`_householder`, `_qr`, `_eigh`, `_eig` in between).
"""
from __future__ import annotations

import math
import operator
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._validation import FINITE_MESSAGE
from ._input import as_real, check_dtype, matrix, real_parameter
from ..exceptions import LinAlgError
from ._lu import inv
from ._svd import _golub_kahan_sturm, svd

__all__ = ["norm", "cond", "matrix_rank"]


def norm(x: ArrayLike, ord: float | str | None = None, axis: int | tuple[int, ...] | None = None,
         keepdims: bool = False) -> NDArray[np.float64]:
    r"""Vector and matrix norms.

    .. math::

        \|x\|_p = \Big(\sum_i |x_i|^p\Big)^{1/p}, \quad
        \|A\|_F = \sqrt{\textstyle\sum_{ij} A_{ij}^2}, \quad
        \|A\|_2 = \sigma_{\max}(A), \quad \|A\|_* = \sum_i \sigma_i(A)

    Parameters
    ----------
    x : array_like
        A vector or a matrix (or more axes when `axis` picks one or two of them).
    ord : {None, 'fro', 'nuc', inf, -inf, 0, 1, -1, 2, -2, float}, optional
        For vectors: None or 2 is Euclidean, inf is max |x_i|, -inf min |x_i|, 0 counts the
        non-zero entries, other p the p-norm. For matrices: None or 'fro' is Frobenius,
        1 / inf the largest absolute column / row sum (-1 / -inf the smallest), 2 / -2
        the largest / smallest singular value, 'nuc' the sum of singular values.
    axis : int or 2-tuple of int, optional
        The axis (vector norms) or axes (matrix norms) to reduce. None: the whole array,
        as a vector if 1-D and a matrix if 2-D (with ord=None any shape is flattened).
    keepdims : bool, default False
        Keep the reduced axes with length one.

    Returns
    -------
    float or ndarray
        Of the input's floating dtype (float32 stays float32, float16 float16), float64
        for integers, as NumPy.

    Raises
    ------
    ValueError
        For an ord that does not apply, or a number of axes other than one or two.
    numpy.exceptions.AxisError
        For an axis out of bounds (NumPy's error and message).
    TypeError
        For complex input (``mathml.linalg`` works on real arrays), None entries, or an
        axis that is neither an integer nor a tuple; for a float16 or long double matrix
        with ord 2, −2 or 'nuc' (an SVD: "array type float16 is unsupported in linalg").

    Notes
    -----
    *Algorithm*: the definitions above, as reductions over the chosen axes; the spectral
    and nuclear norms call :func:`mathml.linalg.svd`. *Complexity*: O(n) for the entrywise
    norms, O(MN·min(M, N)) for 2, -2 and 'nuc'. *Fast path*: the Euclidean norm of a
    whole vector and the Frobenius norm of a whole matrix are √(x·x), one dot product of
    the flattened entries (no squared copy), as NumPy computes them. *Numerical
    stability*: the Euclidean norm squares entries without rescaling, as NumPy, so it
    overflows past about 1e154.

    Checked against ``reference.linalg.norm`` → ``numpy.linalg.norm``.

    Examples
    --------
    >>> float(norm([3, 4]))
    5.0
    >>> float(norm([[1, -2], [3, 4]], ord=1))
    6.0
    """
    x = np.asarray(x)
    if np.iscomplexobj(x):
        raise TypeError("complex input is not supported: pass a real array")
    if isinstance(ord, (complex, np.complexfloating)):
        raise TypeError(f"ord must be a real number, 'fro', 'f' or 'nuc', got {ord!r}")
    if axis is None and ord is not None and x.ndim not in (1, 2):
        # NumPy's first check, before it reads any entry (None is a 0-d array of objects)
        raise ValueError("Improper number of dimensions to norm.")
    if x.dtype == object:  # convert entry by entry, so that None raises rather than turning NaN
        x = np.array([float(v) for v in x.flat]).reshape(x.shape)
    elif not np.issubdtype(x.dtype, np.inexact):
        x = x.astype(np.float64)
    if axis is None:
        if ord is None or (ord == 2 and x.ndim == 1) or (_is_frobenius(ord) and x.ndim == 2):
            # The Euclidean norm of all the entries (Frobenius for a matrix): ‖x‖² = x·x.
            out = np.sqrt(_sum_of_squares(x.ravel()))
            return out.reshape((1,) * x.ndim) if keepdims else out
        if x.ndim not in (1, 2):
            raise ValueError("Improper number of dimensions to norm.")
        axis = tuple(range(x.ndim))
    axes = _normalize_axes(axis, x.ndim, vector_ord=ord)
    if len(axes) == 1:
        out = _vector_norm(x, ord, axes[0])
    else:
        if axes[0] == axes[1]:
            raise ValueError("Duplicate axes given.")
        out = _matrix_norm(x, ord, (axes[0], axes[1]))
    if keepdims:
        out = np.expand_dims(out, axes)
    return out


def _is_frobenius(ord: Any) -> bool:
    """Whether `ord` names the Frobenius norm ('fro' or its alias 'f')."""
    return isinstance(ord, str) and ord in ("fro", "f")


def _sum_of_squares(v: NDArray) -> Any:
    """Σ v_i² of a 1-D array, as one dot product ``v @ v``.

    For float64 and float32 this is one BLAS call that reads v once and allocates
    nothing (squaring first would write a temporary as large as v); NumPy's own norm
    computes the same dot. Like the plain sum of squares it overflows to inf past
    about 1e154 (1e19 in float32) and flushes squares below the smallest float to
    0; inf and NaN entries propagate; an empty v gives 0. Other floating dtypes
    (float16, long double) square entry by entry, in their own precision.
    """
    if v.dtype in (np.float64, np.float32):
        return v @ v
    return (v * v).sum()


def _normalize_axes(axis: Any, ndim: int, vector_ord: Any) -> tuple[int, ...]:
    """`axis` as a tuple of non-negative axes, refused as NumPy refuses it (in its order: a
    named ord for one axis is refused before the axis is looked at)."""
    if not isinstance(axis, tuple):
        try:
            axis = (int(axis),)
        except Exception as err:
            raise TypeError("'axis' must be None, an integer or a tuple of integers") from err
    axes = tuple(operator.index(ax) for ax in axis)
    if len(axes) not in (1, 2):
        raise ValueError("Improper number of dimensions to norm.")
    if len(axes) == 1 and isinstance(vector_ord, str):
        raise ValueError(f"Invalid norm order '{vector_ord}' for vectors")
    for ax in axes:
        if not -ndim <= ax < ndim:
            raise np.exceptions.AxisError(ax, ndim)
    return tuple(ax % ndim for ax in axes)


def _vector_norm(x: NDArray, ord, axis: int) -> NDArray:
    if isinstance(ord, str):
        raise ValueError(f"Invalid norm order '{ord}' for vectors")
    if ord is None or ord == 2:  # |x_i|² = x_i²: no absolute values needed
        return np.sqrt((x * x).sum(axis=axis))
    absx = np.abs(x)
    if ord == np.inf:
        return absx.max(axis=axis, initial=0.0)  # max |x_i| ≥ 0: an empty vector has norm 0
    if ord == -np.inf:
        return absx.min(axis=axis)
    if ord == 0:
        return (x != 0).sum(axis=axis).astype(absx.dtype)
    if ord == 1:
        return absx.sum(axis=axis)
    return (absx ** ord).sum(axis=axis) ** (1.0 / ord)


def _matrix_norm(x: NDArray, ord, axes: tuple[int, int]) -> NDArray:
    row_axis, col_axis = axes
    if ord is None or _is_frobenius(ord):  # |a_ij|² = a_ij²
        return np.sqrt((x * x).sum(axis=axes))
    absx = np.abs(x)
    if ord in (1, -1):  # column sums: reduce the row axis first
        sums = absx.sum(axis=row_axis)
        axis = col_axis - (col_axis > row_axis)
        return sums.max(axis=axis, initial=0.0) if ord == 1 else sums.min(axis=axis)
    if ord in (np.inf, -np.inf):  # row sums
        sums = absx.sum(axis=col_axis)
        axis = row_axis - (row_axis > col_axis)
        return sums.max(axis=axis, initial=0.0) if ord == np.inf else sums.min(axis=axis)
    if ord in (2, -2, "nuc"):
        if ord != -2 and (x.shape[row_axis] == 0 or x.shape[col_axis] == 0):
            # no singular values: their largest and their sum are 0, as in NumPy
            return np.zeros(np.delete(x.shape, axes), dtype=absx.dtype)
        s = _singular_values(np.moveaxis(x, axes, (-2, -1)))
        if ord == "nuc":
            return s.sum(axis=-1)[()]
        return (s[..., 0] if ord == 2 else s[..., -1])[()]
    raise ValueError("Invalid norm order for matrices.")


def _singular_values(x: NDArray) -> NDArray:
    """Singular values (descending) of the trailing matrices of `x`."""
    stack = x.reshape((-1,) + x.shape[-2:])
    s = np.array([svd(m, compute_uv=False) for m in stack])
    return s.reshape(x.shape[:-2] + s.shape[-1:])


def matrix_rank(A: ArrayLike, tol: float | None = None, hermitian: bool = False, *,
                rtol: float | None = None):
    r"""Numerical rank: the number of singular values above a tolerance.

    .. math::

        \operatorname{rank}(A) = \#\{\, i : \sigma_i > \text{tol} \,\}, \qquad
        \text{tol} = \sigma_{\max} \cdot \max(M, N) \cdot \varepsilon \text{ by default.}

    Parameters
    ----------
    A : (M,) or (M, N) array_like
        A vector (rank 1 unless it is all zeros) or a matrix.
    tol : float, optional
        Absolute threshold; singular values ≤ tol count as zero.
    hermitian : bool, optional
        If True, `A` is taken to be symmetric and its singular values come from `eigvalsh`.
    rtol : float, optional
        Relative threshold: tol = rtol·σ_max (default max(M, N)·eps). Only one of `tol`
        and `rtol` may be given. (eps is float32's for a float32 matrix, as NumPy.)

    Returns
    -------
    rank : int
        The numerical rank (a Python int for a vector, a NumPy integer for a matrix, as
        in NumPy).

    Raises
    ------
    numpy.linalg.LinAlgError
        If `A` has more than two dimensions (stacks are not supported).
    ValueError
        If both `tol` and `rtol` are given, or `A` contains NaN or inf.
    TypeError
        If `A` is complex or not numbers, or a float16 or long double matrix (as NumPy;
        a float16 vector is counted).

    Notes
    -----
    *Algorithm*:

    1. A vector has rank 1 unless all its entries are 0.
    2. Singular values of A (`svd` with ``compute_uv=False``).
    3. Count those above tol (default σ_max·max(M, N)·eps).

    *Fast path* (what runs unless `hermitian`): steps 2–3 need only σ_max and the number
    of σ above tol. After `svd`'s bidiagonalisation ``A = U₁ B V₁ᵀ``, σ_max is the largest
    eigenvalue of B's Golub–Kahan matrix (bisection and Newton's steps for that one
    eigenvalue), and the count is 2·min(M, N) minus that matrix's Sturm count at tol
    (its eigenvalues are ±σ_i): one pass over its rows instead of every σ_i. Where the
    Golub–Kahan matrix splits into blocks (exact zeros), the path of steps 2–3 is taken.

    *Complexity*: that of the singular values, O(MN·min(M, N)).

    *Numerical stability*: the default tolerance is the size of the rounding errors of
    an SVD of A; it declares A rank-deficient when a column is within rounding of a
    combination of the others. Choose `tol` from the errors in your data when they are
    larger than rounding.

    References
    ----------
    Golub & Van Loan, *Matrix Computations*, 4th ed., §5.4.1 (numerical rank).

    Checked against ``reference.linalg.matrix_rank`` → ``numpy.linalg.matrix_rank``:
    equal, except for singular values within rounding of the tolerance.

    Examples
    --------
    >>> int(matrix_rank([[1, 2], [2, 4]])), int(matrix_rank(np.eye(3)))
    (1, 3)
    """
    tol, rtol = real_parameter(tol, "tol"), real_parameter(rtol, "rtol")
    if rtol is not None and tol is not None:
        raise ValueError("`tol` and `rtol` can't be both set.")
    # Step 1: a vector (NumPy takes float16 here: no SVD is involved).
    V = as_real(A, "A")
    if V.ndim < 2:
        check_dtype(V, half=True)
        if not np.isfinite(V.astype(np.float64)).all():
            raise ValueError(FINITE_MESSAGE)
        return int(not np.all(V == 0))
    X, dtype = matrix(V, name="A")
    # Steps 2–3 without the other singular values (see Notes), where they are not needed.
    gk = None if hermitian or min(X.shape) == 0 or (tol is not None and not tol > 0) \
        else _golub_kahan_sturm(X)
    if gk is not None:
        if tol is None:
            if rtol is None:
                rtol = max(X.shape) * np.finfo(dtype).eps
            tol = dtype.type(gk.sigma(2 * min(X.shape) - 1)) * rtol
        if tol > 0:
            return np.intp(gk.above(float(tol)))
    # Step 2: the singular values, in the answer's precision (float32 for float32, as
    # NumPy's svd returns them: the default threshold is then float32's eps)
    S = svd(X, compute_uv=False, hermitian=hermitian).astype(dtype, copy=False)
    # Step 3: count those above the threshold.
    if tol is None:
        if rtol is None:
            rtol = max(X.shape) * np.finfo(dtype).eps
        tol = np.max(S, initial=0.0) * rtol
    return np.count_nonzero(S > tol, axis=-1)


def cond(x: ArrayLike, p: float | str | None = None) -> np.float64:
    r"""Condition number of a matrix in the 2-norm or another matrix norm.

    .. math::

        \kappa_p(A) = \lVert A \rVert_p \, \lVert A^{-1} \rVert_p, \qquad
        \kappa_2(A) = \sigma_{\max} / \sigma_{\min}, \quad
        \kappa_{-2}(A) = \sigma_{\min} / \sigma_{\max}.

    Parameters
    ----------
    x : (M, N) array_like
        The matrix; square unless p is None, 2 or −2.
    p : {None, 2, -2, 'fro', 'nuc', 1, -1, inf, -inf}, optional
        The norm; None (default) and 2 use the singular values.

    Returns
    -------
    c : numpy.float64
        The condition number; inf for a singular matrix (as in NumPy, without warning);
        numpy.float32 for float32 input.

    Raises
    ------
    numpy.linalg.LinAlgError
        If `x` is empty, not two-dimensional, or not square for a p that needs the inverse.
    ValueError
        If `x` contains NaN or inf, or `p` is not a matrix norm order.
    TypeError
        If `x` is complex, float16 or long double (as NumPy), or not numbers.

    Notes
    -----
    *Algorithm*:

    1. For p in {None, 2, −2}: singular values (`svd`), then σ₁/σ_K (or σ_K/σ₁); 0/0
       (the zero matrix) is reported as inf.
    2. Otherwise ``norm(x, p) · norm(inv(x), p)``; a singular x (an exactly zero pivot
       in `inv`) gives inf.

    *Fast path* for step 1: only σ₁ and σ_K are computed, as the largest and the smallest
    non-negative eigenvalue of the Golub–Kahan matrix of `svd`'s bidiagonal B (bisection
    on Sturm counts, finished by Newton's steps, one eigenvalue at a time), not all K
    singular values; where that matrix splits into blocks (exact zeros) all of them are
    computed by `svd`.

    *Complexity*: an SVD, or an inverse (2n³) and two norms.

    *Numerical stability*: the computed σ_K has an absolute error of about eps·σ₁, so
    condition numbers beyond 1/eps are not resolved (they come out as large numbers
    of order 1/eps, or inf).

    References
    ----------
    Golub & Van Loan, *Matrix Computations*, 4th ed., §2.6.2 (condition), §2.4 (the SVD
    and the 2-norm); Higham, *Accuracy and Stability of Numerical Algorithms*, §6.

    Checked against ``reference.linalg.cond`` → ``numpy.linalg.cond``: equal to a
    relative error of order cond(A)·eps.

    Examples
    --------
    >>> A = [[1, 0, -1], [0, 1, 0], [1, 0, 1]]
    >>> round(float(cond(A)), 10), round(float(cond(A, 1)), 10)
    (1.4142135624, 2.0)
    """
    # square unless the singular values answer (the checks in the reference's order)
    A, dtype = matrix(x, square=p not in (None, 2, -2), name="x")
    if A.size == 0:
        raise LinAlgError("cond is not defined on empty arrays")
    if p is None or p in {2, -2}:  # (a set, as NumPy: an unhashable p is a TypeError)
        # Step 1: the ratio of extreme singular values.
        gk = _golub_kahan_sturm(A)
        if gk is None:
            s = svd(A, compute_uv=False)
        else:  # σ_max and σ_min alone (see Notes), in the answer's precision as svd's
            K = min(A.shape)
            s = np.array([gk.sigma(2 * K - 1), gk.sigma(K)]).astype(dtype)
        with np.errstate(all="ignore"):
            r = s[-1] / s[0] if p == -2 else s[0] / s[-1]
    else:
        # Step 2: through the inverse.
        if p not in {1, -1, np.inf, -np.inf, "fro", "f", "nuc"}:
            raise ValueError("Invalid norm order for matrices.")
        norm_A = norm(A, p)
        try:
            r = norm_A * norm(inv(A), p)
        except LinAlgError:
            r = np.inf
    # rounded once to the answer's dtype (float32 for float32 input, as NumPy)
    with np.errstate(over="ignore"):
        return dtype.type(np.inf) if math.isnan(r) else dtype.type(r)
