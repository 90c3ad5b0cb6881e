"""LU factorisation with partial pivoting, and what it gives: `det`, `slogdet`, `inv`, `solve`.

Every function here rests on one factorisation, ``A[perm] = L @ U`` (Gaussian elimination
with partial pivoting), computed by `_lu_factor`, and on one triangular solver,
`_solve_triangular`. Both are written so that almost all of their floating-point work is a
matrix product ``@``: the factorisation recurses on halves of the columns (Toledo 1997) and
the solver works in blocks of rows, so only thin panels are left to Python loops.

The module opens with ``_textbook_lu``, the algorithm as a textbook writes it;
`lu` computes the same mathematics, blocked or reordered for speed.

Private helpers other modules may import:

- ``_lu_factor(A) -> (LU, perm)``: packed factors and the row permutation.
- ``_lu_solve(LU, perm, B) -> X``: solve ``A X = B`` from those factors.
- ``_solve_triangular(T, B, *, lower, unit_diagonal=False) -> X``: solve ``T X = B``.
- ``_permutation_sign(perm) -> ±1.0``: the sign (parity) of a permutation.
"""
from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..exceptions import LinAlgError
from ._input import matrix, result_dtype, right_hand_side

__all__ = ["lu", "det", "slogdet", "inv", "solve"]


def _textbook_lu(A: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.float64],
                                        NDArray[np.float64]]:
    r"""LU with partial pivoting as a textbook writes it: right-looking Gaussian elimination.

    .. math::

        A = P L U, \qquad
        \ell_{ik} = u_{ik} / u_{kk}, \qquad
        u_{ij} \leftarrow u_{ij} - \ell_{ik} u_{kj} \quad (i, j > k).

    Parameters
    ----------
    A : (M, N) array_like
        Any real matrix (rectangular allowed); K = min(M, N).

    Returns
    -------
    P : (M, M) ndarray, a permutation matrix
    L : (M, K) ndarray, unit lower trapezoidal, every |ℓ_ik| ≤ 1
    U : (K, N) ndarray, upper trapezoidal

    Notes
    -----
    *Algorithm* (Golub & Van Loan, 4th ed., Algorithm 3.4.1), for k = 0, …, K − 1:

    1. Pivot: p = the first row i ≥ k with the largest |u_ik|.
    2. Swap rows k and p of U, of the columns of L already computed, and of the record
       of the row order.
    3. Eliminate: the multipliers ℓ_ik = u_ik / u_kk go into column k of L, and the
       rank-1 update ``U[k+1:, k:] −= ℓ u_kᵀ`` zeroes column k below the pivot. A zero
       pivot (a column already zero below the diagonal) is left as it is.

    *Complexity*: 2n³/3 flops for a square matrix; every step rewrites the whole trailing
    matrix, which is what the blocked `lu` avoids.
    """
    U = np.array(A, dtype=np.float64)
    M, N = U.shape
    K = min(M, N)
    L = np.eye(M, K)
    perm = np.arange(M)
    for k in range(K):
        # Step 1: the pivot row.
        p = k + int(np.argmax(np.abs(U[k:, k])))
        # Step 2: the row exchange.
        U[[k, p]] = U[[p, k]]
        L[[k, p], :k] = L[[p, k], :k]
        perm[[k, p]] = perm[[p, k]]
        # Step 3: multipliers and the rank-1 update of the rows below.
        if U[k, k] != 0.0:
            L[k + 1:, k] = U[k + 1:, k] / U[k, k]
            U[k + 1:, k:] -= L[k + 1:, k:k + 1] @ U[k:k + 1, k:]
    P = np.eye(M)[:, perm]  # A[perm] = L U, so A = P L U with P[perm[i], i] = 1
    return P, L, np.triu(U[:K])

# Widest column block that `_lu_in_place` factors column by column instead of recursing:
# narrower leaves put more flops into matrix-matrix `@`, wider ones make fewer Python calls.
_LU_LEAF = 64
# Below this magnitude 1/pivot overflows (LAPACK's sfmin), so `_lu_unblocked` divides.
_SMALLEST_NORMAL = np.finfo(np.float64).tiny
# Rows of a triangle solved one by one (forward / back substitution) inside
# `_solve_triangular`; everything off these diagonal blocks is done with `@`.
_TRIANGULAR_BLOCK = 32


class SlogdetResult(NamedTuple):
    """Sign and natural logarithm of the absolute value of a determinant (NumPy's fields)."""

    sign: np.float64
    logabsdet: np.float64


# ---------------------------------------------------------------------------------------
# The factorisation
# ---------------------------------------------------------------------------------------

def _lu_factor(A: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.intp]]:
    r"""Factor ``A[perm] = L @ U`` by Gaussian elimination with partial pivoting.

    Parameters
    ----------
    A : (M, N) array_like
        Any real matrix; it is copied, never modified. Not checked for NaN or inf.

    Returns
    -------
    LU : (M, N) ndarray of float64
        L and U packed as LAPACK's ``getrf`` does: strictly below the diagonal, the
        multipliers of the unit lower-trapezoidal ``L = tril(LU, -1)[:, :K] + I`` (M×K);
        on and above it, the upper-trapezoidal ``U = triu(LU)[:K]`` (K×N), K = min(M, N).
    perm : (M,) ndarray of intp
        The row order: ``A[perm] == L @ U`` up to rounding. (LAPACK's ``ipiv`` instead lists
        the interchanges one by one; ``perm`` is the product of those interchanges.)

    Notes
    -----
    Never raises for a singular matrix: a column whose candidates are all exactly zero gives
    a zero pivot ``U[j, j] == 0`` and elimination carries on, as LAPACK does (its
    ``info > 0``). Callers check ``np.diagonal(LU) == 0``.

    The pivot of column j is the *first* entry of largest absolute value on or below the
    diagonal (LAPACK's ``idamax``), so ties break the way LAPACK, and SciPy, break them.
    """
    LU = np.array(A, dtype=np.float64, order="C", copy=True)
    perm = _lu_in_place(LU)
    return LU, perm


def _lu_in_place(A: NDArray[np.float64]) -> NDArray[np.intp]:
    """Overwrite the view `A` with its packed LU factors; return the row order `perm`.

    Recursive LU (Toledo 1997): factor the left half of the columns, update the right
    half with one triangular solve and one matrix product, then factor what is left.
    """
    m, n = A.shape
    k = min(m, n)
    if k <= _LU_LEAF:
        return _lu_unblocked(A)
    n1 = k // 2
    # Step 1: factor the left columns, [A11; A21][perm1] = [L11; L21] U11.
    perm1 = _lu_in_place(A[:, :n1])
    # Step 2: give the right columns the same row order, then U12 = L11⁻¹ A12.
    A[:, n1:] = A[perm1, n1:]
    A[:n1, n1:] = _solve_triangular(A[:n1, :n1], A[:n1, n1:], lower=True,
                                    unit_diagonal=True)
    # Step 3: the Schur complement A22 − L21 U12 — the bulk of the flops, as one `@`.
    A[n1:, n1:] -= A[n1:, :n1] @ A[:n1, n1:]
    # Step 4: factor the Schur complement; its row order also reorders L21.
    perm2 = _lu_in_place(A[n1:, n1:])
    A[n1:, :n1] = A[n1:, :n1][perm2]
    perm1[n1:] = perm1[n1:][perm2]
    return perm1


def _lu_unblocked(A: NDArray[np.float64]) -> NDArray[np.intp]:
    """Crout's elimination with partial pivoting, one column of L and one row of U a step.

    Step j delays all updates until they are needed: column j of L and row j of U are
    each finished by one matrix–vector product with the columns and rows already done.
    The same numbers as the textbook rank-1 updates (right-looking elimination), but as
    two `@` per step instead of an elementwise update of the whole panel — about 1.3×
    faster here — and in the dot-product order of LAPACK's own unblocked ``getf2``, so
    rounding, and with it the choice between pivots tied in exact arithmetic, comes
    closer to LAPACK's.
    """
    m, n = A.shape
    perm = np.arange(m)
    for j in range(min(m, n)):
        A[j:, j] -= A[j:, :j] @ A[:j, j]
        # The first entry of largest magnitude, as LAPACK's idamax: ties go to the top row.
        p = j + int(np.abs(A[j:, j]).argmax())
        if p != j:  # swap whole rows (the copy keeps row j once it is overwritten)
            A[j], A[p] = A[p], A[j].copy()
            perm[j], perm[p] = perm[p], perm[j]
        A[j, j + 1:] -= A[j, :j] @ A[:j, j + 1:]
        pivot = A[j, j]
        if abs(pivot) >= _SMALLEST_NORMAL:
            # LAPACK's getf2 multiplies by 1/pivot; rounding as it does keeps L, and the
            # pivots chosen later among values tied in exact arithmetic, closer to SciPy's.
            A[j + 1:, j] *= 1.0 / pivot
        elif pivot != 0.0:  # subnormal: 1/pivot would overflow
            A[j + 1:, j] /= pivot
        # pivot == 0: the column below is all zero too; U[j, j] = 0 is recorded, as LAPACK.
    return perm


# ---------------------------------------------------------------------------------------
# Triangular systems
# ---------------------------------------------------------------------------------------

def _solve_triangular(T: NDArray[np.float64], B: ArrayLike, *, lower: bool,
                      unit_diagonal: bool = False) -> NDArray[np.float64]:
    r"""Solve ``T X = B`` for triangular `T`, for all right-hand sides at once.

    Parameters
    ----------
    T : (K, K) ndarray
        Only the triangle named by `lower` is read (and not the diagonal when
        `unit_diagonal`), so the packed output of `_lu_factor` can be passed as is.
    B : (K,) or (K, R) array_like
        One right-hand side, or one per column.
    lower : bool
        True for forward substitution (lower triangle), False for back substitution.
    unit_diagonal : bool
        Take the diagonal of `T` to be all ones.

    Returns
    -------
    X : ndarray of float64, the shape of `B`
        A new array. Division by a zero diagonal entry gives inf/NaN, as LAPACK's ``trsm``.

    Notes
    -----
    Blocked substitution: for each block of `_TRIANGULAR_BLOCK` rows, first subtract the
    contribution of every row already solved with one ``@`` (the bulk of the n²·R flops),
    then substitute row by row inside the small diagonal block, vectorised across the R
    right-hand sides. Forward substitution is backward stable: the computed X solves
    (T + δT) X = B with |δT| ≤ n·eps·|T| (Higham, *Accuracy and Stability*, §8.1).
    """
    X = np.array(B, dtype=np.float64, copy=True)
    n = T.shape[0]
    starts = range(0, n, _TRIANGULAR_BLOCK)
    for k in (starts if lower else reversed(starts)):
        e = min(k + _TRIANGULAR_BLOCK, n)
        # Rows already solved lie before the block (lower) or after it (upper).
        done = slice(0, k) if lower else slice(e, n)
        X[k:e] -= T[k:e, done] @ X[done]
        _substitute(T[k:e, k:e], X[k:e], lower=lower, unit_diagonal=unit_diagonal)
    return X


def _substitute(T: NDArray[np.float64], X: NDArray[np.float64], *, lower: bool,
                unit_diagonal: bool) -> None:
    """Forward or back substitution on a small triangle, overwriting the rows of `X`."""
    n = T.shape[0]
    for i in (range(n) if lower else range(n - 1, -1, -1)):
        solved = slice(0, i) if lower else slice(i + 1, n)
        X[i] -= T[i, solved] @ X[solved]
        if not unit_diagonal:
            X[i] /= T[i, i]


def _lu_solve(LU: NDArray[np.float64], perm: NDArray[np.intp],
              B: NDArray[np.float64]) -> NDArray[np.float64]:
    """Solve ``A X = B`` from ``A[perm] = L U``: ``L Y = B[perm]``, then ``U X = Y``."""
    Y = _solve_triangular(LU, B[perm], lower=True, unit_diagonal=True)
    return _solve_triangular(LU, Y, lower=False)


def _permutation_sign(perm: NDArray[np.intp]) -> float:
    """Sign of a permutation, (−1)^(number of inversions), i.e. the determinant of P."""
    # An inversion is a pair i < j with perm[i] > perm[j]; O(n²) work, far below LU's O(n³).
    inversions = np.count_nonzero(np.triu(perm[:, np.newaxis] > perm[np.newaxis, :], 1))
    return -1.0 if inversions % 2 else 1.0


def _raise_if_singular(LU: NDArray[np.float64]) -> None:
    """Refuse factors with an exactly zero pivot, with NumPy's wording."""
    if (np.diagonal(LU) == 0.0).any():
        raise LinAlgError("Singular matrix")


# ---------------------------------------------------------------------------------------
# Public functions
# ---------------------------------------------------------------------------------------

def lu(a: ArrayLike, permute_l: bool = False) -> tuple[NDArray[np.float64], ...]:
    r"""LU decomposition with partial pivoting: ``A = P L U``.

    .. math::

        A = P L U, \qquad P \text{ a permutation}, \quad L \text{ unit lower
        trapezoidal } (M \times K), \quad U \text{ upper trapezoidal } (K \times N),
        \quad K = \min(M, N).

    Parameters
    ----------
    a : (M, N) array_like
        The matrix to factor; rectangular is allowed. Real, finite.
    permute_l : bool, optional
        If True, return ``(P @ L, U)`` instead of ``(P, L, U)``.

    Returns
    -------
    P : (M, M) ndarray of float64 or float32
        Permutation matrix (only when ``permute_l`` is False). All three factors have
        SciPy's dtype: float32 for float32, float16, boolean and 8- or 16-bit integer
        input, float64 otherwise (computed in float64, rounded at the end).
    L : (M, K) ndarray
        Unit lower trapezoidal; ``P @ L`` when ``permute_l`` is True. Every entry has
        absolute value at most 1 (the point of partial pivoting).
    U : (K, N) ndarray
        Upper trapezoidal.

    Raises
    ------
    numpy.linalg.LinAlgError
        If `a` is not two-dimensional.
    ValueError
        If `a` contains NaN or inf.
    TypeError
        If `a` is complex, or its entries are not numbers (strings, objects).

    Notes
    -----
    *Algorithm*:

    1. Factor ``A[perm] = L U`` with `_lu_factor`: Gaussian elimination where step j swaps
       up the row holding the first entry of largest magnitude in column j, on or below
       the diagonal; recursive on halves of the columns so the bulk is ``@``.
    2. Unpack L (below the diagonal, plus the unit diagonal) and U (on and above it).
    3. Build ``P`` with ``P[perm[i], i] = 1`` so that ``A = P L U``.

    A singular matrix is factored without complaint: its U has a zero on the diagonal.

    *The textbook algorithm* `_textbook_lu` (right-looking elimination, a rank-1 update
    of the whole trailing matrix per step) is the same mathematics, with the same pivot
    rule, so the same P, L, U in exact arithmetic. This fast path reorders it: it recurses
    on halves of the columns (Toledo), so that the trailing updates of many steps become
    one matrix product ``A22 − L21 U12``, and factors the narrow leaves in Crout's order
    (each column of L and row of U finished by one matrix–vector product, LAPACK's
    dot-product order) with multipliers ``u_ik · (1/u_kk)``, as LAPACK forms them.

    *Complexity*: ``M N K − (M + N) K²/2 + K³/3`` multiply–adds, 2n³/3 flops when square.

    *Numerical stability*: backward stable in practice: ``P L U = A + E`` with
    ``|E| ≤ γ_n |L||U|``, and partial pivoting keeps ``|L| ≤ 1``; the growth factor of U
    can reach 2ⁿ⁻¹ only on contrived matrices (Golub & Van Loan §3.4).

    References
    ----------
    Golub & Van Loan, *Matrix Computations*, 4th ed., §3.2 (LU), §3.4 (pivoting).
    Toledo, "Locality of reference in LU decomposition with partial pivoting",
    SIAM J. Matrix Anal. Appl. 18(4), 1997.

    Checked against ``reference.linalg.lu`` → ``scipy.linalg.lu``: P is identical (same
    pivot rule, ties to the first row); L and U agree to rounding. Only when two pivot
    candidates differ by a rounding error can the choice, and so P, differ. For empty
    input SciPy returns a 0×0 P whatever M is; this function does the same.

    Examples
    --------
    >>> P, L, U = lu([[1, 2], [3, 4]])
    >>> P
    array([[0., 1.],
           [1., 0.]])
    >>> np.round(L, 4)
    array([[1.    , 0.    ],
           [0.3333, 1.    ]])
    >>> np.round(U, 4)
    array([[3.    , 4.    ],
           [0.    , 0.6667]])
    """
    A, dtype = matrix(a, half=True)
    m, n = A.shape
    k = min(m, n)
    if k == 0:
        # SciPy's convention for empty input, P included (0×0 whatever M is).
        empty_LU = (np.zeros((m, k), dtype), np.zeros((k, n), dtype))
        return empty_LU if permute_l else (np.zeros((0, 0), dtype),) + empty_LU
    # Step 1: packed factors and row order.
    LU, perm = _lu_factor(A)
    # Step 2: unpack.
    L = np.tril(LU[:, :k], -1)
    np.fill_diagonal(L, 1.0)
    U = np.triu(LU[:k]).astype(dtype, copy=False)
    if permute_l:
        # (P L)[perm] = L, so P L is L with its rows sent back to their places.
        PL = np.empty_like(L, dtype=dtype)
        PL[perm] = L
        return PL, U
    # Step 3: the permutation matrix.
    P = np.zeros((m, m), dtype)
    P[perm, np.arange(m)] = 1.0
    return P, L.astype(dtype, copy=False), U


def det(a: ArrayLike) -> np.float64:
    r"""Determinant of a square matrix, from its LU factorisation.

    .. math::

        \det A = \det(P)\,\prod_{i=1}^{n} u_{ii}, \qquad A = P L U,\ \det L = 1,\
        \det P = \pm 1.

    Parameters
    ----------
    a : (N, N) array_like
        Square real matrix, finite.

    Returns
    -------
    det : numpy.float64
        The determinant; 0.0 for a singular matrix (no error), 1.0 for a 0×0 matrix.
        numpy.float32 for float32 input (NumPy's rule; computed in float64, rounded once).

    Raises
    ------
    numpy.linalg.LinAlgError
        If `a` is not two-dimensional or not square.
    ValueError
        If `a` contains NaN or inf.
    TypeError
        If `a` is complex, float16 or long double ("array type float16 is unsupported in
        linalg", as NumPy), or not numbers.

    Notes
    -----
    *Algorithm*:

    1. Factor ``A[perm] = L U`` (`_lu_factor`).
    2. Multiply the pivots ``u_ii``; a zero pivot means det A = 0.
    3. Multiply by det P, the sign of the permutation ``perm``.

    If the running product overflows or underflows although the determinant itself is
    representable (e.g. pivots 1e200, 1e200, 1e-300), it is recomputed as
    ``sign · exp(Σ log|u_ii|)`` from `slogdet`'s sum of logarithms.

    *Complexity*: 2n³/3 flops for the factorisation, O(n²) for the sign.

    *Numerical stability*: the computed value is the exact determinant of A + E with E
    small relative to |L||U| (backward stable LU); the determinant itself can still be
    far from det A when A is ill-conditioned, and it overflows easily for large n —
    `slogdet` is the tool for those.

    References
    ----------
    Golub & Van Loan, *Matrix Computations*, 4th ed., §3.2 (LU) and §3.4 (pivoting).

    Checked against ``reference.linalg.det`` → ``numpy.linalg.det``: equal to rounding
    (NumPy forms ``sign · exp(logabsdet)``, which rounds differently from a product).

    Examples
    --------
    >>> print(np.round(det([[1, 2], [3, 4]]), 10))
    -2.0
    >>> print(det([[1, 2], [2, 4]]))
    0.0
    """
    A, dtype = matrix(a, square=True)
    # Step 1: factor.
    LU, perm = _lu_factor(A)
    u = np.diagonal(LU)
    # Step 2: product of the pivots.
    if (u == 0.0).any():
        return dtype.type(0.0)
    with np.errstate(over="ignore", under="ignore"):
        product = np.prod(u)
    if product == 0.0 or not np.isfinite(product):
        sign, logabsdet = _slogdet_from_lu(LU, perm)
        value = sign * np.exp(logabsdet)
    else:
        # Step 3: the sign of the row permutation.
        value = _permutation_sign(perm) * product
    # rounded once, to the answer's dtype (a float32 determinant overflows to inf where
    # the float64 one does not, as NumPy's single-precision one does)
    with np.errstate(over="ignore"):
        return dtype.type(value)


def slogdet(a: ArrayLike) -> SlogdetResult:
    r"""Sign and logarithm of the absolute value of the determinant.

    .. math::

        \det A = \text{sign} \cdot e^{\text{logabsdet}}, \qquad
        \text{logabsdet} = \sum_{i=1}^{n} \log |u_{ii}|, \qquad
        \text{sign} = \det(P) \prod_{i=1}^{n} \operatorname{sign}(u_{ii}).

    Parameters
    ----------
    a : (N, N) array_like
        Square real matrix, finite.

    Returns
    -------
    SlogdetResult
        Named tuple ``(sign, logabsdet)`` of numpy.float64: ``sign`` is 1.0, -1.0, or 0.0
        for a singular matrix, whose ``logabsdet`` is ``-inf``. A 0×0 matrix gives (1, 0).
        numpy.float32 for float32 input.

    Raises
    ------
    numpy.linalg.LinAlgError
        If `a` is not two-dimensional or not square.
    ValueError
        If `a` contains NaN or inf.
    TypeError
        If `a` is complex, float16 or long double, or not numbers (see `det`).

    Notes
    -----
    *Algorithm*:

    1. Factor ``A[perm] = L U`` (`_lu_factor`); a zero pivot gives (0, -inf).
    2. Sum ``log|u_ii|``.
    3. Multiply the signs of the pivots by the sign of the permutation.

    *Complexity*: 2n³/3 flops for the factorisation, O(n) for the logarithms.

    *Numerical stability*: this is why slogdet exists. The determinant of an n×n matrix
    easily leaves the floating-point range (a 500×500 standard normal matrix has
    |det| ≈ 10⁵⁶⁷), so a product of pivots overflows or underflows; a sum of logarithms
    does not, and each term carries only a relative error of a few eps.

    References
    ----------
    Golub & Van Loan, *Matrix Computations*, 4th ed., §3.2 (LU) and §3.4 (pivoting).

    Checked against ``reference.linalg.slogdet`` → ``numpy.linalg.slogdet``: equal sign,
    logabsdet equal to rounding.

    Examples
    --------
    >>> sign, logabsdet = slogdet([[1, 2], [3, 4]])
    >>> print(sign, np.round(logabsdet, 6))
    -1.0 0.693147
    """
    A, dtype = matrix(a, square=True)
    # Step 1: factor.
    LU, perm = _lu_factor(A)
    sign, logabsdet = _slogdet_from_lu(LU, perm)
    return SlogdetResult(dtype.type(sign), dtype.type(logabsdet))


def _slogdet_from_lu(LU: NDArray[np.float64], perm: NDArray[np.intp]) -> tuple[float, float]:
    """(sign, log|det|) from packed LU factors (steps 2–3 of `slogdet`)."""
    u = np.diagonal(LU)
    if (u == 0.0).any():
        return 0.0, -np.inf
    # Step 2: logarithms are added, so no intermediate result can overflow.
    logabsdet = np.sum(np.log(np.abs(u)))
    # Step 3: each negative pivot flips the sign, and so does each odd permutation.
    negative_pivots = np.count_nonzero(u < 0.0)
    sign = _permutation_sign(perm) * (-1.0 if negative_pivots % 2 else 1.0)
    return sign, float(logabsdet)


def inv(a: ArrayLike) -> NDArray[np.float64]:
    r"""Inverse of a square matrix, by solving ``A X = I`` with the LU factors.

    .. math::

        A X = I, \qquad A[\text{perm}] = L U \;\Rightarrow\;
        X = U^{-1} L^{-1} I[\text{perm}].

    Parameters
    ----------
    a : (N, N) array_like
        Square real matrix, finite and nonsingular.

    Returns
    -------
    ainv : (N, N) ndarray of float64
        The inverse; 0×0 for a 0×0 matrix. float32 for float32 input (NumPy's rule;
        computed in float64 and rounded).

    Raises
    ------
    numpy.linalg.LinAlgError
        If `a` is not two-dimensional, not square, or singular (an exactly zero pivot:
        "Singular matrix"). A nearly singular matrix gives a large, inaccurate inverse
        and no error, as in NumPy.
    ValueError
        If `a` contains NaN or inf.
    TypeError
        If `a` is complex, float16 or long double, or not numbers (see `det`).

    Notes
    -----
    *Algorithm*:

    1. Factor ``A[perm] = L U`` (`_lu_factor`); refuse a zero pivot.
    2. Forward substitution ``L Y = I[perm]`` (the identity with its rows reordered).
    3. Back substitution ``U X = Y``.

    This is LAPACK's ``gesv`` with B = I, which is what NumPy does. (``getri``, which
    inverts U and then solves X L = U⁻¹, saves about a quarter of the flops.)

    *Complexity*: 2n³/3 for the factorisation plus 2n³ for the two triangular solves
    with n right-hand sides (the zeros of I are not exploited).

    *Numerical stability*: each column x_j of the computed inverse has a small residual
    ``‖A x_j − e_j‖ ≲ c n eps ‖A‖ ‖x_j‖``, so the relative error is about cond(A)·eps.
    To solve A x = b, call `solve`: it is cheaper and its residual is smaller than that
    of ``inv(A) @ b``.

    References
    ----------
    Golub & Van Loan, *Matrix Computations*, 4th ed., §3.1 (triangular systems),
    §3.4 (pivoting); Higham, *Accuracy and Stability of Numerical Algorithms*, 2nd ed.,
    §14 (matrix inversion).

    Checked against ``reference.linalg.inv`` → ``numpy.linalg.inv``: equal up to a
    relative error of order cond(A)·eps.

    Examples
    --------
    >>> np.round(inv([[1, 2], [3, 4]]), 10)
    array([[-2. ,  1. ],
           [ 1.5, -0.5]])
    """
    A, dtype = matrix(a, square=True)
    # Step 1: factor; an exactly zero pivot means no inverse.
    LU, perm = _lu_factor(A)
    _raise_if_singular(LU)
    # Steps 2 and 3: the two triangular solves, with I as the right-hand sides.
    return _lu_solve(LU, perm, np.eye(A.shape[0])).astype(dtype, copy=False)


def solve(a: ArrayLike, b: ArrayLike) -> NDArray[np.float64]:
    r"""Solve the linear system ``A x = b`` (one or many right-hand sides).

    .. math::

        A x = b, \qquad A[\text{perm}] = L U \;\Rightarrow\;
        L y = b[\text{perm}], \quad U x = y.

    Parameters
    ----------
    a : (M, M) array_like
        Square real coefficient matrix, finite and nonsingular.
    b : (M,) or (M, K) array_like
        One right-hand side, or K of them as columns (NumPy 2.x: a 1-D `b` is always one
        vector).

    Returns
    -------
    x : (M,) or (M, K) ndarray of float64
        The solution, of the shape of `b`; float32 when both `a` and `b` are float32.

    Raises
    ------
    numpy.linalg.LinAlgError
        If `a` is not two-dimensional, not square, or singular ("Singular matrix").
    ValueError
        If `b` is not 1-D or 2-D or its length differs from the order of `a` (the message
        names both shapes), or if `a` or `b` contains NaN or inf.
    TypeError
        If `a` or `b` is complex, float16 or long double, or not numbers (see `det`).

    Notes
    -----
    *Algorithm*:

    1. Check that `b` has as many rows as `a`.
    2. Factor ``A[perm] = L U`` (`_lu_factor`); refuse a zero pivot.
    3. Forward substitution ``L y = b[perm]``, then back substitution ``U x = y``.

    *Complexity*: 2M³/3 flops for the factorisation plus 2M²K for the solves.

    *Numerical stability*: backward stable in practice (Wilkinson): the computed x solves
    (A + δA) x = b with ‖δA‖ ≲ c M eps ‖A‖ unless the growth factor is large, so
    ‖A x − b‖ ≲ c eps (‖A‖ ‖x‖ + ‖b‖) and the forward error is about cond(A)·eps.

    References
    ----------
    Golub & Van Loan, *Matrix Computations*, 4th ed., §3.1–3.4; Trefethen & Bau,
    *Numerical Linear Algebra*, Lectures 20–22.

    Checked against ``reference.linalg.solve`` → ``numpy.linalg.solve``: equal up to a
    relative error of order cond(A)·eps. (NumPy also accepts stacks of right-hand sides,
    a b with more than 2 dimensions; here, as everywhere in `mathml`, inputs are 2-D.)

    Examples
    --------
    >>> solve([[3, 1], [1, 2]], [9, 8])
    array([2., 3.])
    """
    A, _ = matrix(a, square=True)
    # Step 1: one right-hand side per column, and as many rows as A.
    B, b = right_hand_side(b, A, function="solve")
    dtype = result_dtype(np.asarray(a), b)
    # Step 2: factor.
    LU, perm = _lu_factor(A)
    _raise_if_singular(LU)
    # Step 3: the two triangular solves.
    return _lu_solve(LU, perm, B).astype(dtype, copy=False)
