"""Vector and matrix arithmetic from the definitions: sums, products, transposes, powers.

These are the operations every later algorithm is built from. `matmul` and `dot` are
written as sums of products, without `@`; every other module of `mathml` may then use `@`
as the matrix-product primitive. Like NumPy, these operations keep integer dtypes and let
NaN and infinity propagate (IEEE arithmetic); only factorisations refuse non-finite input.
"""
from __future__ import annotations

import math
import operator
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._input import as_real, matrix
from ._lu import inv

__all__ = ["add", "scale", "dot", "outer", "matmul", "transpose", "trace", "matrix_power"]

# Largest temporary (in elements) that the blocked sum of products may allocate: about 32 MB.
_BLOCK_ELEMENTS = 1 << 22


def add(x1: ArrayLike, x2: ArrayLike) -> NDArray:
    r"""Vector (or matrix) addition, entry by entry.

    .. math:: (x + y)_i = x_i + y_i

    Parameters
    ----------
    x1, x2 : array_like
        Operands of the same shape, or shapes that broadcast (NumPy's rule).

    Returns
    -------
    ndarray
        The sum, of the broadcast shape and the common dtype (integers stay integers).

    Raises
    ------
    ValueError
        If the shapes do not broadcast; the message names both shapes.

    Notes
    -----
    *Algorithm*: one vectorised elementwise sum. *Complexity*: O(n) for n entries.

    Checked against ``reference.linalg.add`` → ``numpy.add``: identical.

    Examples
    --------
    >>> add([1, 2, 3], [4, 5, 6])
    array([5, 7, 9])
    """
    return np.asarray(x1) + np.asarray(x2)


def scale(alpha: float, x: ArrayLike) -> NDArray:
    r"""Scalar multiplication: stretch every entry of `x` by the same factor.

    .. math:: (\alpha x)_i = \alpha\, x_i

    Parameters
    ----------
    alpha : scalar
        The factor.
    x : array_like
        A vector or an array of any shape.

    Returns
    -------
    ndarray
        ``alpha * x``, of the shape of `x`.

    Raises
    ------
    ValueError
        If `alpha` is not a scalar.

    Notes
    -----
    *Algorithm*: one vectorised product of every entry with α (NumPy broadcasts the
    scalar). *Complexity*: O(n) for n entries, exact up to the one rounding per product.

    Checked against ``reference.linalg.scale`` → ``numpy.multiply``: identical.

    Examples
    --------
    >>> scale(2, [1, 2, 3])
    array([2, 4, 6])
    """
    if np.ndim(alpha) != 0:
        raise ValueError(
            f"alpha must be a scalar, got an array of shape {np.shape(alpha)}; "
            "use add/matmul for arrays")
    # alpha as given, not as an array: a Python number then takes x's precision (float32
    # stays float32), a NumPy scalar its own, as in np.multiply
    return alpha * np.asarray(x)


def dot(a: ArrayLike, b: ArrayLike) -> NDArray:
    r"""Dot product: the sum of the products of corresponding entries.

    .. math:: a \cdot b = \sum_{k} a_k b_k

    For arrays it follows ``numpy.dot``: a scalar operand multiplies; otherwise the last
    axis of `a` is summed against the only axis of a 1-D `b`, or the second-to-last axis
    of an N-D `b` (for 2-D operands this is the matrix product).

    Parameters
    ----------
    a : array_like, shape (..., K)
    b : array_like, shape (K,) or (..., K, N)

    Returns
    -------
    ndarray or scalar
        Shape ``a.shape[:-1] + b.shape[:-2] + b.shape[-1:]`` (a scalar for two vectors).

    Raises
    ------
    ValueError
        If the summed axes differ in length; the message names both shapes.

    Notes
    -----
    *Algorithm*:

    1. Reshape `a` to a matrix (P, K) and `b`, contracted axis first, to (K, Q).
    2. Sum the K products of columns of `a` with rows of `b` (``_sum_of_products``).
    3. Restore the shape NumPy gives.

    *Complexity*: O(P·K·Q). *Numerical stability*: the sum is accumulated in blocks of k;
    the result may differ from BLAS in the last bits (the usual bound is
    :math:`|fl(a\cdot b) - a\cdot b| \le K\,\epsilon\, |a|\cdot|b|`).

    Checked against ``reference.linalg.dot`` → ``numpy.dot``, to within that bound.

    Examples
    --------
    >>> dot([1, 2, 3], [4, 5, 6])
    np.int64(32)
    """
    a, b = np.asarray(a), np.asarray(b)
    if a.ndim == 0 or b.ndim == 0:
        return a * b
    K_a = a.shape[-1]
    K_b = b.shape[0] if b.ndim == 1 else b.shape[-2]
    if K_a != K_b:
        raise ValueError(
            f"shapes {a.shape} and {b.shape} not aligned: "
            f"{K_a} (dim {a.ndim - 1}) != {K_b} (dim {max(b.ndim - 2, 0)})")
    # Step 1: (P, K) times (K, Q)
    b_k_first = np.moveaxis(b, -2, 0) if b.ndim >= 2 else b
    rest_shape = b_k_first.shape[1:]
    # (sizes spelled out: with K = 0 a −1 could not be inferred)
    A = a.reshape(math.prod(a.shape[:-1]), K_a)
    B = b_k_first.reshape(K_a, math.prod(rest_shape))
    # Step 2 and Step 3
    C = _sum_of_products(A, B)
    out = C.reshape(a.shape[:-1] + rest_shape)
    return out[()] if out.ndim == 0 else out


def outer(a: ArrayLike, b: ArrayLike) -> NDArray:
    r"""Outer product of two vectors: every product :math:`a_i b_j`.

    .. math:: (a \otimes b)_{ij} = a_i\, b_j

    Parameters
    ----------
    a : array_like, shape (M,)
        Flattened if not already 1-D (as ``numpy.outer``).
    b : array_like, shape (N,)
        Flattened if not already 1-D.

    Returns
    -------
    ndarray, shape (M, N)

    Notes
    -----
    *Algorithm*: broadcast a column against a row. *Complexity*: O(MN), exact (one
    product per entry).

    Checked against ``reference.linalg.outer`` → ``numpy.outer``: identical.

    Examples
    --------
    >>> outer([1, 2], [3, 4, 5])
    array([[ 3,  4,  5],
           [ 6,  8, 10]])
    """
    a, b = np.ravel(a), np.ravel(b)
    return a[:, None] * b[None, :]


def matmul(x1: ArrayLike, x2: ArrayLike) -> NDArray:
    r"""Matrix product from the definition, batched over leading axes.

    .. math:: C_{ij} = \sum_{k=1}^{K} A_{ik} B_{kj}

    Parameters
    ----------
    x1 : array_like, shape (..., M, K) or (K,)
    x2 : array_like, shape (..., K, N) or (K,)
        Leading (batch) axes broadcast. A 1-D operand is a row (first) or a column
        (second) vector, and its axis is removed from the result, as ``numpy.matmul``.

    Returns
    -------
    ndarray, shape (..., M, N)
        A scalar when both operands are vectors.

    Raises
    ------
    ValueError
        On a 0-d operand, unequal K, or batch axes that do not broadcast.
    TypeError
        On operands of strings or bytes (NumPy has no matmul loop for them).

    Notes
    -----
    *Algorithm*:

    1. Promote 1-D operands to matrices.
    2. Check the inner dimensions and broadcast the batch axes.
    3. Accumulate C as a sum over k of the products :math:`A_{:,k} B_{k,:}` (rank-1
       terms), a block of k at a time (``_sum_of_products``).
    4. Remove the axes added in step 1.

    *Complexity*: O(MKN) per matrix of the batch; this is the textbook triple loop with
    the i and j loops vectorised, so it runs far slower than BLAS, which reorders the
    same sums for the cache. *Numerical stability*: entrywise error at most
    :math:`K\epsilon\,(|A||B|)_{ij}` (Higham, §3.5).

    References
    ----------
    Golub & Van Loan, *Matrix Computations*, 4th ed., §1.1.

    Checked against ``reference.linalg.matmul`` → ``numpy.matmul``, to within that bound.

    Examples
    --------
    >>> matmul([[1, 2], [3, 4]], [[5, 6], [7, 8]])
    array([[19, 22],
           [43, 50]])
    """
    A, B = np.asarray(x1), np.asarray(x2)
    if {A.dtype.kind, B.dtype.kind} & set("USV"):  # NumPy has no loop for these (TypeError)
        raise TypeError(f"matmul: operands must hold numbers, got dtypes {A.dtype} and "
                        f"{B.dtype}")
    if A.ndim == 0 or B.ndim == 0:
        raise ValueError("matmul: operands must be at least 1-D; use scale for a scalar")
    # Step 1
    row, col = A.ndim == 1, B.ndim == 1
    A = A[None, :] if row else A
    B = B[:, None] if col else B
    # Step 2
    if A.shape[-1] != B.shape[-2]:
        raise ValueError(
            f"matmul: shapes {np.shape(x1)} and {np.shape(x2)} do not match: "
            f"{A.shape[-1]} columns in x1 but {B.shape[-2]} rows in x2")
    try:
        np.broadcast_shapes(A.shape[:-2], B.shape[:-2])
    except ValueError:
        raise ValueError(f"matmul: batch axes of shapes {np.shape(x1)} and {np.shape(x2)} "
                         "do not broadcast") from None
    # Step 3
    C = _sum_of_products(A, B)
    # Step 4
    if col:
        C = C[..., 0]
    if row:
        C = C[..., 0, :] if not col else C[..., 0]
    return C[()] if C.ndim == 0 else C


def _sum_of_products(A: NDArray, B: NDArray) -> NDArray:
    """C[..., i, j] = sum_k A[..., i, k] * B[..., k, j], without `@`.

    The k axis is summed a block at a time so the (i, k, j) temporary stays below
    `_BLOCK_ELEMENTS` entries.
    """
    batch = np.broadcast_shapes(A.shape[:-2], B.shape[:-2])
    M, K = A.shape[-2:]
    N = B.shape[-1]
    dtype = np.result_type(A, B)
    logical = dtype.kind == "b"
    # booleans: the sum of products is "some k with a_ik and b_kj", NumPy's boolean
    # product; count the k, then ask whether there is one
    C = np.zeros(batch + (M, N), dtype=np.int64 if logical else dtype)
    kb = max(1, _BLOCK_ELEMENTS // max(1, math.prod(batch) * M * N))
    for k0 in range(0, K, kb):
        terms = A[..., :, k0:k0 + kb, None] * B[..., None, k0:k0 + kb, :]
        C += terms.sum(axis=-2)
    return C != 0 if logical else C


def transpose(a: ArrayLike, axes: tuple[int, ...] | None = None) -> NDArray:
    r"""Transpose: exchange rows and columns (in general, permute the axes).

    .. math:: (A^\top)_{ij} = A_{ji}

    Parameters
    ----------
    a : array_like
    axes : tuple of int, optional
        The permutation of the axes; reversed by default (for a matrix, rows ↔ columns).

    Returns
    -------
    ndarray
        A view of `a` (no data is copied), of shape ``[a.shape[i] for i in axes]``.

    Raises
    ------
    ValueError
        If `axes` is not a permutation of the axes of `a` (too many or too few, or one
        repeated).
    numpy.exceptions.AxisError
        If an axis is out of bounds (NumPy's error; an axis is never wrapped around).
    TypeError
        If an axis is not an integer.

    Notes
    -----
    *Algorithm*: an array is a block of memory plus, for each axis, a length and a
    *stride* (bytes to step to the next index). Permuting the (length, stride) pairs
    permutes the indices: entry ``[j, i]`` of the result is read where ``[i, j]`` of `a`
    lives. *Complexity*: O(1), nothing moves.

    Checked against ``reference.linalg.transpose`` → ``numpy.transpose``: identical.

    Examples
    --------
    >>> transpose([[1, 2], [3, 4]])
    array([[1, 3],
           [2, 4]])
    """
    a = np.asarray(a)
    axes = tuple(range(a.ndim))[::-1] if axes is None else _permutation(axes, a.ndim)
    shape = tuple(a.shape[ax] for ax in axes)
    strides = tuple(a.strides[ax] for ax in axes)
    return np.lib.stride_tricks.as_strided(a, shape=shape, strides=strides)


def _permutation(axes: Any, ndim: int) -> tuple[int, ...]:
    """`axes` as a permutation of range(ndim), refused in NumPy's order and words: each an
    integer (TypeError), as many as the axes, each in bounds (AxisError), none repeated."""
    items = tuple(axes) if isinstance(axes, (list, tuple, np.ndarray)) else (axes,)
    if any(isinstance(ax, (bool, np.bool_)) for ax in items):
        raise TypeError("an integer is required")
    items = tuple(operator.index(ax) for ax in items)
    if len(items) != ndim:
        raise ValueError("axes don't match array")
    for ax in items:
        if not -ndim <= ax < ndim:
            raise np.exceptions.AxisError(ax, ndim)
    normalised = tuple(ax % ndim for ax in items)
    if len(set(normalised)) != ndim:
        raise ValueError("repeated axis in transpose")
    return normalised


def trace(a: ArrayLike, offset: int = 0, axis1: int = 0, axis2: int = 1) -> NDArray:
    r"""Trace: the sum of the diagonal entries.

    .. math:: \operatorname{tr} A = \sum_i A_{i,\,i+\text{offset}}

    Parameters
    ----------
    a : array_like, at least 2-D
    offset : int, default 0
        Which diagonal: above the main one if positive, below if negative.
    axis1, axis2 : int
        The axes that index the matrices (for stacks of matrices).

    Returns
    -------
    scalar or ndarray
        The trace; an array of traces when `a` has more than two axes.

    Raises
    ------
    ValueError
        If `a` has fewer than two axes.

    Notes
    -----
    *Algorithm*: take the chosen diagonal (a strided view, no copy) and sum it.
    *Complexity*: O(min(M, N)). The trace equals the sum of the eigenvalues.

    Checked against ``reference.linalg.trace`` → ``numpy.trace``: identical for integers;
    for floats equal to rounding (the summation order may differ).

    Examples
    --------
    >>> trace([[1, 2], [3, 4]])
    np.int64(5)
    """
    a = np.asarray(a)
    if a.ndim < 2:
        raise ValueError(f"trace needs an array of at least two dimensions, got {a.ndim}")
    return np.diagonal(a, offset, axis1, axis2).sum(axis=-1)


def matrix_power(a: ArrayLike, n: int) -> NDArray:
    r"""Raise a square matrix to an integer power by repeated squaring.

    .. math:: A^n = \underbrace{A A \cdots A}_{n}, \quad A^0 = I, \quad A^{-n} = (A^{-1})^n

    Parameters
    ----------
    a : array_like, shape (M, M)
    n : int
        The exponent; negative exponents invert `a` first.

    Returns
    -------
    ndarray, shape (M, M)
        Of the dtype of `a` for n ≥ 0 (integer matrices stay integer); for n < 0 that of
        ``inv(a)`` (float32 for float32, float64 otherwise).

    Raises
    ------
    TypeError
        If `n` is not an integer; if `a` is complex or not numbers, or float16 or long
        double with n < 0 (`inv`'s refusal).
    LinAlgError
        If `a` is not square, or is singular and n < 0.
    ValueError
        If n < 0 and `a` contains NaN or inf (`inv`'s refusal).

    Notes
    -----
    *Algorithm* (binary exponentiation):

    1. For n < 0 replace A by its inverse and n by −n; for n = 0 return I.
    2. Walk the bits of n from the least significant: keep a running square
       :math:`A^{2^j}`, and multiply it into the result where bit j is set.

    *Complexity*: about 2·log₂ n matrix products instead of n − 1.
    *Numerical stability*: each product adds a relative error of order Mε.

    Checked against ``reference.linalg.matrix_power`` → ``numpy.linalg.matrix_power``.

    Examples
    --------
    >>> matrix_power([[1, 1], [1, 0]], 10)  # Fibonacci numbers
    array([[89, 55],
           [55, 34]])
    """
    a = as_real(a)
    matrix(a, square=True, finite=False, half=True)  # shape and numbers only, as NumPy
    try:
        n = operator.index(n)
    except TypeError:
        raise TypeError("exponent must be an integer") from None
    # Step 1 (the inverse in float32 for float32; refuses float16, NaN and inf, as NumPy's)
    if n < 0:
        a, n = inv(a), -n
    if n == 0:
        return np.eye(a.shape[0], dtype=a.dtype)
    # Step 2: the first factor is A^(2^j) itself, not I·A^(2^j): 0·inf would be NaN
    result: NDArray | None = None
    square = a
    while n > 0:
        if n & 1:
            result = square.copy() if result is None else result @ square
        n >>= 1
        if n:
            square = square @ square
    assert result is not None  # n > 0 has a bit set
    return result
