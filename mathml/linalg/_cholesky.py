"""Cholesky factorisation of a symmetric positive definite matrix: ``A = L Lᵀ``.

Blocked left-looking algorithm: bring a block of columns up to date with every finished
column in one ``@`` (where almost all of the n³/3 flops go), then finish the block column
by column with the defining formulas.

The module opens with ``_textbook_cholesky``, the algorithm as a textbook writes it;
`cholesky` computes the same mathematics, blocked or reordered for speed.
"""
from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..exceptions import LinAlgError
from ._input import matrix

__all__ = ["cholesky"]


def _textbook_cholesky(A: ArrayLike) -> NDArray[np.float64]:
    r"""The Cholesky factor as a textbook computes it: Cholesky–Banachiewicz, row by row.

    .. math::

        A = L L^\mathsf{T}, \qquad
        \ell_{ij} = \frac{1}{\ell_{jj}} \Big(a_{ij} - \sum_{k<j} \ell_{ik}\ell_{jk}\Big)
        \;(j < i), \qquad
        \ell_{ii} = \sqrt{a_{ii} - \sum_{k<i} \ell_{ik}^2}.

    Parameters
    ----------
    A : (N, N) array_like
        Symmetric positive definite; only the lower triangle is read.

    Returns
    -------
    L : (N, N) ndarray
        Lower triangular with a positive diagonal.

    Raises
    ------
    numpy.linalg.LinAlgError
        If a pivot ``a_ii − Σ ℓ_ik²`` is not positive: A is not positive definite.

    Notes
    -----
    *Algorithm* (Golub & Van Loan, 4th ed., §4.2.5): for each row i = 0, …, N − 1,

    1. the entries left of the diagonal, j = 0, …, i − 1, from the formula for ℓ_ij (row
       j of L is finished, so its ℓ_jk are known);
    2. the diagonal entry ℓ_ii from the rest of a_ii.

    *Complexity*: n³/3 flops, one inner product each.
    """
    A = np.asarray(A, dtype=np.float64)
    n = A.shape[0]
    L = np.zeros((n, n))
    for i in range(n):
        # Step 1: row i left of the diagonal.
        for j in range(i):
            L[i, j] = (A[i, j] - L[i, :j] @ L[j, :j]) / L[j, j]
        # Step 2: the diagonal entry.
        pivot = A[i, i] - L[i, :i] @ L[i, :i]
        if not pivot > 0.0:
            raise LinAlgError(NOT_POSITIVE_DEFINITE)
        L[i, i] = math.sqrt(pivot)
    return L

# Columns per block: a block is finished by a Python loop over its columns (each one a
# matrix-vector product), everything before it is applied with a single `@`.
_BLOCK = 64

NOT_POSITIVE_DEFINITE = "Matrix is not positive definite"


def cholesky(a: ArrayLike, /, *, upper: bool = False) -> NDArray[np.float64]:
    r"""Cholesky factor of a symmetric positive definite matrix.

    .. math::

        A = L L^\mathsf{T}, \qquad l_{jj} = \sqrt{a_{jj} - \sum_{k<j} l_{jk}^2}, \qquad
        l_{ij} = \Big(a_{ij} - \sum_{k<j} l_{ik} l_{jk}\Big) / l_{jj} \quad (i > j).

    Parameters
    ----------
    a : (N, N) array_like
        Symmetric positive definite, real and finite. Only one triangle is read, as in
        NumPy (LAPACK's ``potrf``): the lower one, or the upper one when ``upper=True``.
        The other triangle is ignored, and symmetry is not checked.
    upper : bool, optional, keyword-only
        If True, return the upper-triangular ``U = Lᵀ`` with ``A = Uᵀ U``.

    Returns
    -------
    L : (N, N) ndarray of float64
        Lower triangular with a positive diagonal (upper triangular ``U`` when
        ``upper=True``); zeros in the other triangle. 0×0 for a 0×0 matrix. float32
        for float32 input (NumPy's rule; computed in float64, rounded at the end).

    Raises
    ------
    numpy.linalg.LinAlgError
        If `a` is not two-dimensional or not square; "Matrix is not positive definite"
        if a pivot ``a_jj − Σ l_jk²`` is not positive (zero, negative, or NaN).
    ValueError
        If `a` contains NaN or inf.
    TypeError
        If `a` is complex, float16 or long double (as NumPy), or not numbers.

    Notes
    -----
    *Algorithm* (blocked left-looking, block size `_BLOCK`):

    1. Copy the triangle that is read into the lower triangle of ``L`` (for
       ``upper=True``, the upper triangle of A is the lower triangle of Aᵀ).
    2. For each block of columns ``k:e``:

       a. subtract the contribution of all finished columns at once,
          ``L[k:, k:e] −= L[k:, :k] L[k:e, :k]ᵀ`` (one ``@``);
       b. finish the block column by column with the formulas above: the sum over the
          block's earlier columns is one matrix–vector product, and a pivot that is not
          positive stops the factorisation. Below the diagonal block this is the
          triangular solve ``L21 = A21 L11⁻ᵀ``, done one column at a time.
    3. Zero the strictly upper triangle (it only ever held ignored entries); transpose
       for ``upper=True``.

    *The textbook algorithm* `_textbook_cholesky` (Cholesky–Banachiewicz) computes the
    same entries from the same formulas, row by row. This fast path reorders them column
    by column (left-looking) and blocks them: for a block of 64 columns, the sums over
    all earlier columns are one matrix product (step 2a), and only the sums inside the
    block are left to a loop.

    *Complexity*: n³/3 flops, almost all of them in step 2a; n square roots.

    *Numerical stability*: backward stable without any pivoting: the computed L
    satisfies ``L Lᵀ = A + E`` with ``|E| ≤ γ_{n+1} |L||Lᵀ|``, and since
    ``l_ij² ≤ a_ii`` no entry of L can grow (Higham, *Accuracy and Stability of
    Numerical Algorithms*, 2nd ed., Thm 10.3). A positive definite matrix that is nearly
    singular (cond ≳ 1/eps) may still be declared not positive definite when rounding
    drives a pivot to ≤ 0, as in LAPACK.

    References
    ----------
    Golub & Van Loan, *Matrix Computations*, 4th ed., §4.2 (Cholesky: the gaxpy,
    outer-product and block versions); Trefethen & Bau, *Numerical Linear Algebra*,
    Lecture 23.

    Checked against ``reference.linalg.cholesky`` → ``numpy.linalg.cholesky``: equal up to
    a relative error of order cond(A)·eps; the same triangle is read, the same error is
    raised.

    Examples
    --------
    >>> cholesky([[4, 2], [2, 3]]).round(4)
    array([[2.    , 0.    ],
           [1.    , 1.4142]])
    >>> cholesky([[4, 2], [2, 3]], upper=True).round(4)
    array([[2.    , 1.    ],
           [0.    , 1.4142]])
    """
    A, dtype = matrix(a, square=True)
    # Step 1: the triangle NumPy reads becomes the lower one; the other is never read.
    L = np.array(A.T if upper else A, order="C")
    n = L.shape[0]
    for k in range(0, n, _BLOCK):
        e = min(k + _BLOCK, n)
        # Step 2a: only lower-triangle entries of the finished columns are used.
        L[k:, k:e] -= L[k:, :k] @ L[k:e, :k].T
        # Step 2b: the diagonal block and everything below it, column by column.
        _cholesky_block_column(L[k:, k:e])
    # Step 3: clear what was left of the ignored triangle.
    L = np.tril(L).astype(dtype, copy=False)
    return np.ascontiguousarray(L.T) if upper else L


def _cholesky_block_column(P: NDArray[np.float64]) -> None:
    """Finish the block column `P` (its top square is the diagonal block) in place.

    Column j straight from the definition: its pivot and its entries subtract what the
    block's columns ``0..j-1`` contribute, each as one ``@``.
    """
    for j in range(P.shape[1]):
        pivot = P[j, j] - P[j, :j] @ P[j, :j]
        # `not pivot > 0` also catches NaN, as LAPACK's potrf does.
        if not pivot > 0.0:
            raise LinAlgError(NOT_POSITIVE_DEFINITE)
        l_jj = math.sqrt(pivot)
        P[j, j] = l_jj
        P[j + 1:, j] = (P[j + 1:, j] - P[j + 1:, :j] @ P[j, :j]) / l_jj
