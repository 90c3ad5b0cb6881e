"""Eigenvalues and eigenvectors of a general real matrix: LAPACK's ``dgeev`` from scratch.

The pipeline is LAPACK's, step for step — same balancing, same reflectors, same shifts and
deflation tests, same eigenvector normalisation — so that for N ≤ 75 (where LAPACK runs
the same double-shift iteration) eigenvalues come out in NumPy's order and eigenvectors
with NumPy's signs, up to decisions that fall at rounding level:

1. ``_balance`` (``dgebal``): permute to isolate eigenvalues, scale by powers of 2.
2. ``_hessenberg`` (``dgehrd`` + ``dorghr``): H = Qᵀ A Q by Householder reflectors.
3. ``_real_schur`` drives H to real Schur form T = Zᵀ H Z: blocks of order ≤ 100 by
   ``_francis_qr`` (``dlahqr``), the Francis implicit double-shift QR iteration; larger
   ones first by small-bulge multishift sweeps with aggressive early deflation (``dlaqr0``,
   its bulge chase vectorised in ``_hessenberg_qr``). ``_standardize_2x2`` (``dlanv2``)
   puts each 2×2 block of a complex-conjugate pair in standard form.
4. ``_schur_eigenvectors`` (``dtrevc3``): back substitution on T, for all eigenvectors at
   once, then multiplied by Z.
5. ``_unbalance`` (``dgebak``) and ``_normalise`` (the end of ``dgeev``).

The module opens with ``_textbook_eig``, the algorithm as a textbook writes it;
`eig` is LAPACK's arrangement of the same steps, with eigenvectors (see its Notes).
"""
from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..exceptions import LinAlgError
from ._input import matrix
from ._householder import _householder_vector
from ._hessenberg_qr import _multishift_sweep
from ._qr import _form_q, _reflect_left, _reflect_rows

__all__ = ["eig", "eigvals"]


def _textbook_eig(A: ArrayLike) -> NDArray:
    r"""Eigenvalues of a general real matrix as a textbook finds them: Hessenberg form, then
    Francis double-shift QR steps.

    .. math::

        H = Q^\mathsf{T} A Q \;(h_{ij} = 0 \text{ for } i > j + 1), \qquad
        (H - \mu I)(H - \bar\mu I) = H^2 - s H + t I = Z R, \;
        H \leftarrow Z^\mathsf{T} H Z,

    with μ, μ̄ the eigenvalues of the trailing 2×2 block (s = μ + μ̄, t = μμ̄, both real),
    until H is block upper triangular with 1×1 and 2×2 diagonal blocks.

    Parameters
    ----------
    A : (N, N) array_like
        Real square matrix.

    Returns
    -------
    w : (N,) ndarray
        The eigenvalues, in the order they stand on the diagonal of the final
        (quasi-triangular) H; float64 if all are real, complex128 otherwise, conjugate
        pairs adjacent. Eigenvectors are not
        computed here (`eig` gets them by back substitution on the Schur form).

    Raises
    ------
    numpy.linalg.LinAlgError
        If a block has not deflated after 30·N steps (this sketch has no exceptional
        shifts, so a few contrived matrices, e.g. some permutations, never converge).

    Notes
    -----
    *Algorithm* (Golub & Van Loan, 4th ed., Algorithms 7.4.2, 7.5.1 and 7.5.2):

    1. Hessenberg reduction: for each column k, the reflector P of ``H[k+1:, k]``
       (`_householder_vector`) applied from both sides, ``H ← P H P``.
    2. Deflate: a subdiagonal entry below eps(|h_i−1,i−1| + |h_ii|) is set to zero; the
       last unreduced block is ``H[lo:hi+1, lo:hi+1]``. A 1×1 block is a real eigenvalue;
       a 2×2 block gives two roots of its characteristic polynomial
       λ² − (a + d)λ + (ad − bc).
    3. A Francis step on a larger block: the first column of H² − sH + tI has three
       nonzeros (x, y, z); a 3×3 reflector maps it onto e₁, and further reflectors chase
       the bulge it creates down the subdiagonal, back to Hessenberg form. Back to step 2.

    *Complexity*: 10n³/3 flops for step 1; about two Francis steps per eigenvalue, each
    O(n²) on the whole H: O(n³) in all.
    """
    H = np.array(A, dtype=np.float64)
    n = H.shape[0]
    # Step 1: H = Qᵀ A Q, upper Hessenberg.
    for k in range(n - 2):
        v, beta, alpha = _householder_vector(H[k + 1:, k])
        H[k + 1:, k + 1:] -= (beta * v)[:, None] * (v @ H[k + 1:, k + 1:])
        H[:, k + 1:] -= (H[:, k + 1:] @ v)[:, None] * (beta * v)
        H[k + 1, k], H[k + 2:, k] = alpha, 0.0  # P maps the column onto α e₁
    w: list[complex] = []
    hi, steps = n - 1, 0
    while hi >= 0:
        # Step 2: find the last unreduced block H[lo:hi+1, lo:hi+1].
        lo = hi
        while lo > 0 and abs(H[lo, lo - 1]) > _EPS * (abs(H[lo - 1, lo - 1]) + abs(H[lo, lo])):
            lo -= 1
        if lo > 0:
            H[lo, lo - 1] = 0.0
        if hi - lo <= 1:
            w = _block_eigenvalues(H[lo:hi + 1, lo:hi + 1]) + w
            hi, steps = lo - 1, 0
            continue
        steps += 1
        if steps > 30 * n:
            raise LinAlgError("Eigenvalues did not converge")
        # Step 3: one Francis double-shift step on the block.
        s = H[hi - 1, hi - 1] + H[hi, hi]
        t = H[hi - 1, hi - 1] * H[hi, hi] - H[hi - 1, hi] * H[hi, hi - 1]
        x = H[lo, lo] * H[lo, lo] + H[lo, lo + 1] * H[lo + 1, lo] - s * H[lo, lo] + t
        y = H[lo + 1, lo] * (H[lo, lo] + H[lo + 1, lo + 1] - s)
        z = H[lo + 1, lo] * H[lo + 2, lo + 1]
        for k in range(lo, hi):
            rows = slice(k, min(k + 3, hi + 1))  # 3 rows, 2 for the last reflector
            v, beta, _ = _householder_vector(np.array([x, y, z])[:rows.stop - k])
            H[rows, :] -= (beta * v)[:, None] * (v @ H[rows, :])
            H[:, rows] -= (H[:, rows] @ v)[:, None] * (beta * v)
            # the bulge below the subdiagonal of column k is the next (x, y, z)
            x = H[k + 1, k]
            y = H[k + 2, k] if k + 2 <= hi else 0.0
            z = H[k + 3, k] if k + 3 <= hi else 0.0
    W = np.array(w, dtype=complex)
    return W.real if not np.any(W.imag) else W


def _block_eigenvalues(B: NDArray[np.float64]) -> list[complex]:
    """The eigenvalues of a 1×1 or 2×2 block: the roots of λ² − (a + d)λ + (ad − bc)."""
    if B.shape[0] == 1:
        return [complex(B[0, 0])]
    (a, b), (c, d) = B
    mean, disc = 0.5 * (a + d), (0.5 * (a - d)) ** 2 + b * c
    root = complex(math.sqrt(disc), 0.0) if disc >= 0 else complex(0.0, math.sqrt(-disc))
    return [mean + root, mean - root]

_EPS = float(np.finfo(np.float64).eps)                 # dlamch('P') = 2⁻⁵²
_SAFMIN = float(np.finfo(np.float64).tiny)             # dlamch('S')
# dgeev scales A when its largest entry lies outside [_SMALLNUM, _BIGNUM].
_SMALLNUM = math.sqrt(_SAFMIN) / _EPS
_BIGNUM = 1.0 / _SMALLNUM
# dlahqr: exceptional shifts every _KEXSH iterations without deflation, built from these.
_KEXSH = 10
# Blocks up to this order go to dlahqr's double-shift iteration; larger ones get
# multishift sweeps. (LAPACK's nmin is 75; here a double-shift step costs less, relative
# to a vectorised multishift step, so the crossover, measured, is higher.)
_NMIN = 100
# A multishift sweep uses at least this many shifts (two per bulge).
_MIN_SHIFTS = 4
# After this many multishift iterations without a deflation, dlahqr (with its
# exceptional shifts) takes over the block.
_MAX_STALLED = 10
# Columns per panel of the blocked Hessenberg reduction (for blocks above _NMIN).
_PANEL = 32
# The first sweeps on a fresh Hessenberg matrix take the eigenvalues of the trailing 2×2
# blocks as shifts (free), not a window's: early deflation finds nothing converged yet.
_WARMUP_SWEEPS = 2
_DAT1, _DAT2 = 0.75, -0.4375
# dgebal: scaling factors are powers of _RADIX; a column is rescaled only when that
# lowers its row+column norm below _FACTOR times its old value.
_RADIX, _FACTOR = 2.0, 0.95
# dlarfg rescales a reflector whose β is below this (dlamch('S') / dlamch('E')).
_TINY_BETA = _SAFMIN / (_EPS / 2)
# Back substitution rescales an eigenvector whose entries would pass this size.
_GROWTH_LIMIT = 1e150


class EigResult(NamedTuple):
    """Eigenvalues and right eigenvectors (columns) of a square matrix (NumPy's fields)."""

    eigenvalues: NDArray
    eigenvectors: NDArray


# ---------------------------------------------------------------------------------------
# Public functions
# ---------------------------------------------------------------------------------------

def eig(a: ArrayLike) -> EigResult:
    r"""Eigenvalues and right eigenvectors of a general real square matrix.

    .. math::

        A v_j = \lambda_j v_j, \qquad \|v_j\|_2 = 1, \qquad j = 1, \dots, n.

    Parameters
    ----------
    a : (N, N) array_like
        Real square matrix (integers are converted to float64).

    Returns
    -------
    EigResult(eigenvalues, eigenvectors)
        eigenvalues : (N,) ndarray — float64 if all are real, else complex128, with each
        complex-conjugate pair adjacent, positive imaginary part first.
        eigenvectors : (N, N) ndarray of the same dtype — column j belongs to
        eigenvalue j, has unit 2-norm and, when complex, its largest component real.

    Raises
    ------
    LinAlgError
        If `a` is not 2-D or not square, or the QR iteration does not converge.
    ValueError
        If `a` contains NaN or inf.
    TypeError
        If `a` is complex, float16 or long double (as NumPy), or not numbers.

    Notes
    -----
    *Algorithm* (LAPACK's ``dgeev``)

    1. Scale A by a constant if its largest entry is near under- or overflow.
    2. Balance (``dgebal``): permute A to isolate eigenvalues that can be read off, then
       scale rows and columns by powers of 2 to even out their norms: B = D⁻¹PᵀAPD.
    3. Reduce B to upper Hessenberg form H = QᵀBQ by Householder reflectors (``dgehrd``),
       and form Q (``dorghr``).
    4. QR iteration on H, accumulating the transformations into Z (which starts as Q),
       until H is in real Schur form T = ZᵀBZ: upper triangular but for 2×2 blocks
       ``[[a, b], [c, a]]`` (bc < 0), each holding a conjugate pair a ± i√(−bc). A block
       of order ≤ 100 gets Francis double-shift steps (``dlahqr``); a larger one first
       gets multishift sweeps — a chain of many double-shift bulges chased together,
       with the eigenvalues of a trailing window as shifts — and aggressive early
       deflation, which splits off the converged eigenvalues of that window (``dlaqr0``).
    5. Eigenvectors of T by back substitution (``dtrevc3``): for λ_k on T's diagonal,
       solve (T − λ_k I) x = 0 with x_k = 1 (x = 0 below); v = Z x.
    6. Undo the balancing (v ← P D v) and normalise each v to unit 2-norm; rotate a
       complex v so that its largest component is real, with the sign its real part had.
    7. Undo the scaling of step 1 on the eigenvalues.

    *The textbook algorithm* `_textbook_eig` is steps 3–4 stripped to the mathematics:
    the same Hessenberg reflectors and Francis double-shift steps with the same kind of
    deflation test, applied to the whole matrix, for the eigenvalues only. This fast path
    is LAPACK's arrangement of it: balancing first, reflectors restricted to the active
    window, exceptional shifts, standardised 2×2 blocks, the Schur vectors accumulated,
    and eigenvectors by back substitution on the Schur form.

    *Complexity*: about 25 N³ flops with eigenvectors, 10 N³ without (Golub & Van Loan
    §7.5.6); the iteration takes O(1) sweeps per eigenvalue. The double-shift bulge
    chase runs one Python step per reflector (O(N²) steps, each a few vector
    operations); a multishift sweep moves its whole chain of bulges one row per step,
    so that large matrices need O(N²/ns) steps for ns shifts per sweep.

    *Numerical stability*: backward stable: the computed Schur form is that of A + E with
    ‖E‖ = O(ε‖A‖). An eigenvalue's forward error is about ε‖A‖ times its condition number
    1/|yᴴx| (y, x its unit left and right eigenvectors), which is 1 for normal matrices
    and can be huge for defective ones (a Jordan block of size k perturbs by ε^{1/k}).

    *Order and signs*: eigenvalues appear in the order in which they stand on the diagonal
    of the Schur form, as LAPACK leaves them (it does not sort): isolated eigenvalues where
    balancing put them, the others where the deflations left them. For N ≤ 75 NumPy's
    LAPACK runs this same iteration (``dlahqr``), so on typical inputs the order is
    NumPy's, and so is the sign of each eigenvector (x_k = 1 before normalisation). A
    deflation decided at rounding level — common for a converging complex pair, and for
    the clustered interior eigenvalues of symmetric matrices — can take one sweep more or
    less than NumPy's, which flips the sign of a Schur vector or reorders eigenvalues.
    For N > 75 LAPACK runs the multishift QR with aggressive early deflation
    (``dlaqr0``), which orders the eigenvalues differently; so does this function's own
    multishift iteration for N > 100, in yet another order.

    References
    ----------
    Golub & Van Loan, Matrix Computations, 4th ed., §7.4 (Hessenberg reduction, Francis
    QR step, Alg. 7.5.1–7.5.2), §7.6.4 (eigenvectors from the Schur form), §7.5.7
    (balancing). Demmel, Applied Numerical Linear Algebra, §4.4. Anderson et al., LAPACK
    Users' Guide, 3rd ed. (``dgeev``, ``dgebal``, ``dlahqr``, ``dlanv2``, ``dtrevc3``).

    Checked against ``reference.linalg.eig`` → ``numpy.linalg.eig``. May legitimately
    differ: the order of eigenvalues (N > 75, or rounding-level deflations), the sign of an
    eigenvector (of a complex one: the sign after making its largest entry real; also when
    two entries have nearly equal modulus), and any eigenvector of a repeated eigenvalue
    (only the eigenspace is determined).

    Examples
    --------
    >>> import numpy as np
    >>> from mathml.linalg._eig import eig
    >>> w, V = eig([[2, 1], [1, 2]])
    >>> print(w)
    [3. 1.]
    >>> print(V)
    [[ 0.70710678 -0.70710678]
     [ 0.70710678  0.70710678]]
    >>> w, V = eig([[0.0, -1.0], [1.0, 0.0]])
    >>> print(w)
    [0.+1.j 0.-1.j]
    """
    A, dtype = matrix(a, square=True)
    n = A.shape[0]
    if n == 0:
        return EigResult(np.zeros(0, dtype), np.zeros((0, 0), dtype))
    # Step 1: bring the largest entry into range.
    A, factor = _scale_into_range(A)
    # Step 2: balance.
    B, ilo, ihi, swaps, D = _balance(A)
    # Step 3: Hessenberg form and its orthogonal factor.
    H, Q = _hessenberg(B, ilo, ihi, want_q=True)
    # Step 4: real Schur form T (in H) and Schur vectors Z (kept as Zᵀ).
    Zt = np.ascontiguousarray(Q.T)
    wr, wi = _real_schur(H, Zt, ilo, ihi, want_t=True)
    # Step 5: eigenvectors of T, mapped back by Z (one column per eigenvalue).
    V = _schur_eigenvectors(H, wr, wi, Zt.T)
    # Step 6: undo the balancing, then normalise.
    V = _unbalance(V, ilo, ihi, swaps, D)
    V = _normalise(V, wi)
    # Step 7: undo the scaling.
    wr, wi = wr * factor, wi * factor
    # (in the answer's dtype: float32 input gives float32, or complex64, as NumPy)
    if np.all(wi == 0.0):
        return EigResult(wr.astype(dtype, copy=False), V.astype(dtype, copy=False))
    complex_dtype = np.result_type(dtype, np.complex64)
    return EigResult((wr + 1j * wi).astype(complex_dtype, copy=False),
                     V.astype(complex_dtype, copy=False))


def eigvals(a: ArrayLike) -> NDArray:
    r"""Eigenvalues of a general real square matrix (no eigenvectors: cheaper than `eig`).

    .. math::

        \det(A - \lambda I) = 0.

    Parameters
    ----------
    a : (N, N) array_like
        Real square matrix.

    Returns
    -------
    w : (N,) ndarray
        float64 if all eigenvalues are real, else complex128 (conjugate pairs adjacent,
        positive imaginary part first), in the order of `eig`.

    Raises
    ------
    LinAlgError
        If `a` is not 2-D or not square, or the QR iteration does not converge.
    ValueError
        If `a` contains NaN or inf.
    TypeError
        If `a` is complex, float16 or long double (as NumPy), or not numbers.

    Notes
    -----
    *Algorithm*: steps 1–4 and 7 of `eig`, with two savings (LAPACK's ``dhseqr('E', 'N')``):
    no Schur vectors are accumulated, and each QR sweep transforms only the active
    (not yet deflated) diagonal block rather than all of H.

    1. Scale A into range.
    2. Balance.
    3. Reduce to Hessenberg form.
    4. QR iteration (double-shift, or multishift with early deflation for blocks of
       order > 100) on the active block until every eigenvalue has deflated.
    5. Undo the scaling.

    *Complexity*: about 10 N³ flops.

    *Numerical stability*: backward stable, as `eig`; each eigenvalue's error is about
    ε‖A‖ times its condition number.

    References
    ----------
    Golub & Van Loan, Matrix Computations, 4th ed., §7.5 (Alg. 7.5.2).

    Checked against ``reference.linalg.eigvals`` → ``numpy.linalg.eigvals``; the order may
    differ for N > 75 (NumPy then uses a multishift iteration) or after rounding-level
    deflations (see `eig`).

    Examples
    --------
    >>> from mathml.linalg._eig import eigvals
    >>> print(eigvals([[2, 0, 0], [0, 3, 4], [0, 4, 9]]))
    [11.  1.  2.]
    """
    A, dtype = matrix(a, square=True)
    n = A.shape[0]
    if n == 0:
        return np.zeros(0, dtype)
    # Step 1: bring the largest entry into range.
    A, factor = _scale_into_range(A)
    # Step 2: balance.
    B, ilo, ihi, _, _ = _balance(A)
    # Step 3: Hessenberg form (no Q).
    H, _ = _hessenberg(B, ilo, ihi, want_q=False)
    # Step 4: QR iteration, transforming the active block only.
    wr, wi = _real_schur(H, None, ilo, ihi, want_t=False)
    # Step 5: undo the scaling.
    wr, wi = wr * factor, wi * factor
    if np.all(wi == 0.0):
        return wr.astype(dtype, copy=False)
    return (wr + 1j * wi).astype(np.result_type(dtype, np.complex64), copy=False)


# ---------------------------------------------------------------------------------------
# Step 1–2: scaling and balancing
# ---------------------------------------------------------------------------------------

def _scale_into_range(A: NDArray[np.float64]) -> tuple[NDArray[np.float64], float]:
    """Scale A so its largest |entry| is in [_SMALLNUM, _BIGNUM]; return it and the undo factor."""
    anrm = float(np.max(np.abs(A)))
    if 0.0 < anrm < _SMALLNUM:
        return A * (_SMALLNUM / anrm), anrm / _SMALLNUM
    if anrm > _BIGNUM:
        return A * (_BIGNUM / anrm), anrm / _BIGNUM
    return A, 1.0


def _balance(A: NDArray[np.float64]):
    r"""Permute and scale A as LAPACK's ``dgebal('B')`` (LAPACK ≥ 3.12).

    Returns ``B = D⁻¹ Pᵀ A P D``, ``ilo``, ``ihi`` (0-based, inclusive: B is upper
    triangular outside rows/columns ilo..ihi), the list of row/column interchanges in the
    order applied, and D (1 outside ilo..ihi).

    Notes
    -----
    A row whose off-diagonal entries (within the leading block) are all zero isolates an
    eigenvalue: it is swapped to the bottom. A column likewise goes to the left. Then
    each column/row pair of the remaining block is scaled by a power of 2 until their
    2-norms are within a factor 2 of each other, sweeping until nothing changes
    (Parlett & Reinsch 1969; Golub & Van Loan §7.5.7). Powers of 2 make it exact.
    """
    B = np.array(A, dtype=np.float64, order="C", copy=True)
    n = B.shape[0]
    swaps: list[tuple[int, int]] = []
    k, l = _isolate_eigenvalues(B, swaps)
    D = np.ones(n)
    if k < l:
        _equilibrate(B, k, l, D)
    return B, k, l, swaps, D


def _swap(B: NDArray[np.float64], i: int, j: int, swaps: list[tuple[int, int]]) -> None:
    """Symmetric permutation: exchange rows i, j and columns i, j; record it."""
    swaps.append((i, j))
    if i != j:
        B[:, [i, j]] = B[:, [j, i]]
        B[[i, j], :] = B[[j, i], :]


def _isolate_eigenvalues(B: NDArray[np.float64], swaps: list[tuple[int, int]]) -> tuple[int, int]:
    """dgebal's permutation phase: push isolating rows down, then isolating columns left."""
    n = B.shape[0]
    k, l = 0, n - 1
    offdiag = B != 0.0
    np.fill_diagonal(offdiag, False)
    changed = True
    while changed:
        changed = False
        for i in range(l, -1, -1):           # the bounds are fixed when the loop starts
            if not offdiag[i, :l + 1].any():
                _swap(B, i, l, swaps)
                offdiag[:, [i, l]] = offdiag[:, [l, i]]
                offdiag[[i, l], :] = offdiag[[l, i], :]
                changed = True
                if l == 0:
                    return 0, 0
                l -= 1
    changed = True
    while changed:
        changed = False
        for j in range(k, l + 1):
            if not offdiag[k:l + 1, j].any():
                _swap(B, j, k, swaps)
                offdiag[:, [j, k]] = offdiag[:, [k, j]]
                offdiag[[j, k], :] = offdiag[[k, j], :]
                changed = True
                k += 1
    return k, l


def _equilibrate(B: NDArray[np.float64], k: int, l: int, D: NDArray[np.float64]) -> None:
    """dgebal's scaling phase on rows/columns k..l, in place; accumulates D."""
    sfmin1 = _SAFMIN / _EPS
    sfmax1 = 1.0 / sfmin1
    sfmin2 = sfmin1 * _RADIX
    sfmax2 = 1.0 / sfmin2
    while True:
        # A sweep changes nothing while every column/row pair is already within a factor
        # 2 (or empty); find the first pair that is not, vectorised, and sweep from it.
        block = B[k:l + 1, k:l + 1]
        c = np.sqrt(np.einsum("ij,ij->j", block, block))
        r = np.sqrt(np.einsum("ij,ij->i", block, block))
        balanced = (c == 0) | (r == 0) | ((c >= r / _RADIX) & (c / _RADIX < r))
        unbalanced = np.flatnonzero(~balanced)
        if unbalanced.size == 0:
            return
        noconv = False
        for i in range(k + int(unbalanced[0]), l + 1):
            f = _balancing_factor(B, i, k, l, sfmin2, sfmax2)
            if f == 1.0:
                continue
            if f < 1.0 and D[i] < 1.0 and f * D[i] <= sfmin1:
                continue
            if f > 1.0 and D[i] > 1.0 and D[i] >= sfmax1 / f:
                continue
            D[i] *= f
            noconv = True
            B[i, k:] *= 1.0 / f
            B[:l + 1, i] *= f
        if not noconv:
            return


def _balancing_factor(B: NDArray[np.float64], i: int, k: int, l: int,
                      sfmin2: float, sfmax2: float) -> float:
    """The power of 2 by which dgebal scales column i (and row i by its inverse), or 1."""
    col, row = B[k:l + 1, i], B[i, k:l + 1]
    c = math.sqrt(float(np.vdot(col, col)))
    r = math.sqrt(float(np.vdot(row, row)))
    if c == 0.0 or r == 0.0:
        return 1.0
    ca = float(np.max(np.abs(B[:l + 1, i])))
    ra = float(np.max(np.abs(B[i, k:])))
    g, f, s = r / _RADIX, 1.0, c + r
    while c < g and max(f, c, ca) < sfmax2 and min(r, g, ra) > sfmin2:
        f, c, ca = f * _RADIX, c * _RADIX, ca * _RADIX
        r, g, ra = r / _RADIX, g / _RADIX, ra / _RADIX
    g = c / _RADIX
    while g >= r and max(r, ra) < sfmax2 and min(f, c, g, ca) > sfmin2:
        f, c, g, ca = f / _RADIX, c / _RADIX, g / _RADIX, ca / _RADIX
        r, ra = r * _RADIX, ra * _RADIX
    if c + r >= _FACTOR * s:
        return 1.0
    return f


def _unbalance(V: NDArray, ilo: int, ihi: int, swaps: list[tuple[int, int]],
               D: NDArray[np.float64]) -> NDArray:
    """Eigenvectors of A from those of the balanced B: v ← P D v (LAPACK's ``dgebak``)."""
    V = V * D[:, np.newaxis]
    for i, j in reversed(swaps):
        if i != j:
            V[[i, j], :] = V[[j, i], :]
    return V


# ---------------------------------------------------------------------------------------
# Step 3: Hessenberg reduction
# ---------------------------------------------------------------------------------------

def _hessenberg(B: NDArray[np.float64], ilo: int, ihi: int, *, want_q: bool):
    r"""H = Qᵀ B Q upper Hessenberg, by reflectors on rows/columns ilo..ihi (``dgehd2``).

    Reflector i (for i = ilo, …, ihi−2) zeroes ``H[i+2:ihi+1, i]``; it is applied from the
    right to columns i+1..ihi and from the left to rows i+1..ihi, each one rank-1 update
    (``dlarf``, with its skipping of zeros, so that exact zeros keep LAPACK's signs).
    Returns H (entries below the subdiagonal exactly zero) and Q (or None); Q is the
    identity outside rows/columns ilo+1..ihi (``dorghr``).

    Blocks of order > _NMIN are reduced by the same reflectors in panels of _PANEL
    columns (`_hessenberg_panel`, ``dgehrd``): most of the work becomes matrix products,
    at the price of a different rounding (their eigenvalues come out in another order
    than NumPy's anyway).
    """
    H = B
    n = H.shape[0]
    size = ihi - ilo                        # order of the orthogonal block of Q
    Vt = np.zeros((size, size))
    tau = np.zeros(size)
    if ihi - ilo + 1 > _NMIN:               # large: blocked (same reflectors, other rounding)
        for j0 in range(ilo, ihi - 1, _PANEL):
            _hessenberg_panel(H, ilo, ihi, j0, min(_PANEL, ihi - 1 - j0), Vt, tau)
        return H, _form_hessenberg_q(Vt, tau, n, ilo, ihi) if want_q else None
    for i in range(ilo, ihi - 1):
        v, t, H[i + 1, i] = _householder_vector(H[i + 1:ihi + 1, i])
        H[i + 2:ihi + 1, i] = 0.0
        j = i - ilo
        Vt[j, j + 1:] = v[1:]
        tau[j] = t
        if t == 0.0:
            continue
        # Right: H[:, cols] (I − τ v vᵀ); left: (I − τ v vᵀ) H[rows, i+1:] (dlarf, twice).
        _reflect_rows(H[:ihi + 1, i + 1:ihi + 1], v, t)
        _reflect_left(H[i + 1:ihi + 1, i + 1:], v, t)
    if not want_q:
        return H, None
    return H, _form_hessenberg_q(Vt, tau, n, ilo, ihi)


def _form_hessenberg_q(Vt: NDArray[np.float64], tau: NDArray[np.float64], n: int, ilo: int,
                       ihi: int) -> NDArray[np.float64]:
    """Q of the Hessenberg reduction: the identity but for rows/columns ilo+1..ihi."""
    Q = np.eye(n)
    size = ihi - ilo
    if size > 0:
        Q[ilo + 1:ihi + 1, ilo + 1:ihi + 1] = _form_q(Vt, tau, size)
    return Q


def _hessenberg_panel(H: NDArray[np.float64], ilo: int, ihi: int, j0: int, nb: int,
                      Vt: NDArray[np.float64], tau: NDArray[np.float64]) -> None:
    r"""Reflectors for columns j0..j0+nb−1 of H, then their update of the rest, by ``@``.

    The blocked Hessenberg reduction of LAPACK's ``dgehrd``/``dlahr2``, in our words. The
    panel's reflectors multiply to ``P = I − V T Vᵀ`` (compact WY form, T upper
    triangular), and ``Pᵀ A P = (I − V Tᵀ Vᵀ)(A − Y Vᵀ)`` with ``Y = A V T``, A the matrix
    at the start of the panel. Column j of the panel needs the previous reflectors of the
    panel applied from both sides before its own is computed — from the right, through
    Y's columns so far; from the left, through V and T — and each new reflector v adds
    a column to A V (one matrix-vector product with the still untouched columns right
    of j) and one to T. The columns right of the panel are
    then updated by two products: ``A ← A − Y Vᵀ`` and ``A ← (I − V Tᵀ Vᵀ) A``.
    Fills the rows j0−ilo.. of Vt and tau, in `_hessenberg`'s layout.
    """
    rows = slice(0, ihi + 1)
    V = np.zeros((ihi + 1, nb))                  # reflector jj: rows j0+jj+1..ihi
    T = np.zeros((nb, nb))
    AV = np.zeros((ihi + 1, nb))                 # A V, so that Y = A V T
    below = slice(j0 + 1, ihi + 1)
    for jj in range(nb):
        j = j0 + jj
        col = H[rows, j].copy()
        if jj:
            col -= AV[:, :jj] @ (T[:jj, :jj] @ V[j, :jj])        # from the right: Y Vᵀ
            w = T[:jj, :jj].T @ (V[below, :jj].T @ col[below])  # from the left
            col[below] -= V[below, :jj] @ w
        v, t, alpha = _householder_vector(col[j + 1:])
        col[j + 1], col[j + 2:] = alpha, 0.0
        H[rows, j] = col
        V[j + 1:, jj] = v
        Vt[j - ilo, j - ilo + 1:] = v[1:]
        tau[j - ilo] = t
        T[:jj, jj] = -t * (T[:jj, :jj] @ (V[below, :jj].T @ V[below, jj]))
        T[jj, jj] = t
        AV[:, jj] = H[rows, j + 1:ihi + 1] @ v
    # The rest: columns j0+nb.. (the panel's columns are done).
    right = slice(j0 + nb, ihi + 1)
    H[rows, right] -= (AV @ T) @ V[right].T
    W = T.T @ (V[below].T @ H[below, j0 + nb:])
    H[below, j0 + nb:] -= V[below] @ W


# ---------------------------------------------------------------------------------------
# Step 4: Francis double-shift QR iteration (dlahqr)
# ---------------------------------------------------------------------------------------

def _francis_qr(H: NDArray[np.float64], Zt: NDArray[np.float64] | None, ilo: int, ihi: int,
                *, want_t: bool) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    r"""Drive the Hessenberg H to real Schur form in place; return (wr, wi).

    A port of LAPACK's ``dlahqr`` (0-based, ilo..ihi inclusive), whose choices — the
    deflation test, the shifts, the exceptional shifts, where a sweep starts — fix the
    order of the eigenvalues on the diagonal. With ``want_t`` the whole of H is
    transformed (T = Zᵀ H Z in H), and Z too if given — as its transpose `Zt` (only with
    ``want_t``); without ``want_t``, only the active block.

    Notes
    -----
    Each iteration works on the active block l..i (H[l, l−1] negligible, rows below i
    converged): it looks for a negligible subdiagonal entry from the bottom up (the
    Ahues–Tisseur test), and when a 1×1 or 2×2 block has split off at the bottom records
    its eigenvalues. Otherwise one double-shift sweep with the eigenvalues of the trailing
    2×2 as shifts (every 10th and 20th iteration without deflation, exceptional shifts):
    the first column of (H − σ₁I)(H − σ₂I) defines a 3×3 reflector, which makes a bulge
    that 3×3 reflectors chase down the diagonal (Golub & Van Loan Alg. 7.5.1).

    Layout: a reflector acts on rows k..k+2 of H and on columns k..k+2 of H and Z, i.e.
    on rows k..k+2 of Zᵀ. Working on ``C = [H | Zᵀ]`` makes the row updates of H and Zᵀ
    one product on contiguous memory, so each bulge-chasing step costs two ``@``.
    """
    n = H.shape[0]
    wr, wi = np.diag(H).copy(), np.zeros(n)
    if ilo == ihi:
        return wr, wi
    C = np.hstack([H, Zt]) if Zt is not None else H
    Hc = C[:, :n]
    Hc[ilo:ihi + 1, ilo:ihi + 1] = np.triu(Hc[ilo:ihi + 1, ilo:ihi + 1], -1)
    nh = ihi - ilo + 1
    smlnum = _SAFMIN * (nh / _EPS)
    itmax = 30 * max(10, nh)
    i1, row_end = 0, C.shape[1]          # rows i1.. and columns ..row_end−1 are transformed
    kdefl = 0
    i = ihi
    while i >= ilo:
        l = ilo
        for _ in range(itmax + 1):
            l = _find_split(Hc, l, i, ilo, ihi, smlnum)
            if l > ilo:
                Hc[l, l - 1] = 0.0
            if l >= i - 1:
                break
            kdefl += 1
            if not want_t:
                i1, row_end = l, i + 1
            shifts = _shifts(Hc, l, i, kdefl)
            m, v = _sweep_start(Hc, l, i, shifts)
            _double_shift_sweep(C, Hc, l, m, i, v, i1, row_end)
        else:
            raise LinAlgError("Eigenvalues did not converge")
        if l == i:
            wr[i], wi[i] = Hc[i, i], 0.0
        elif l == i - 1:
            # Without want_t LAPACK rotates nothing outside the 2×2 block itself.
            _deflate_2x2(C, Hc, i, i1 if want_t else i - 1, row_end if want_t else i + 1, wr, wi)
        kdefl = 0
        i = l - 1
    if Zt is not None:
        H[...] = Hc
        Zt[...] = C[:, n:]
    return wr, wi


def _real_schur(H: NDArray[np.float64], Zt: NDArray[np.float64] | None, ilo: int, ihi: int,
                *, want_t: bool) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    r"""Real Schur form of the Hessenberg H in place, as `_francis_qr` (same arguments).

    Blocks of order ≤ _NMIN go to `_francis_qr` (``dlahqr``). A larger active block is
    worked on as LAPACK's ``dlaqr0`` does, from the bottom:

    1. Aggressive early deflation (`_early_deflation`) on a trailing window of order
       nw: its converged eigenvalues split off; the others are the next shifts.
    2. One small-bulge multishift sweep (``_hessenberg_qr._multishift_sweep``) with ns
       of those shifts. (The first _WARMUP_SWEEPS sweeps use the eigenvalues of the
       trailing 2×2 blocks instead: a window of a fresh Hessenberg matrix rarely deflates,
       and its eigenvalues cost as much as a sweep.)
    3. Zero the negligible subdiagonal entries; once the bottom block is of order
       ≤ _NMIN, `_francis_qr` finishes it, and the next block up is taken.

    Why: a Francis double-shift sweep is one Python step per row for two shifts; a
    multishift sweep is one (vectorised) step per row for ns shifts, and early deflation
    finds converged eigenvalues sweeps before a subdiagonal entry becomes negligible.
    """
    n = H.shape[0]
    if ihi - ilo + 1 <= _NMIN:
        return _francis_qr(H, Zt, ilo, ihi, want_t=want_t)
    Hn, Zn = H, Zt
    Hn[...] = np.triu(Hn, -1)
    wr, wi = np.diag(H).copy(), np.zeros(n)
    smlnum = _SAFMIN * ((ihi - ilo + 1) / _EPS)
    i, stalled, last = ihi, 0, (-1, -1)
    warmup = _WARMUP_SWEEPS
    while i >= ilo:
        l = _split_all(Hn, ilo, i, smlnum)
        stalled = stalled + 1 if (l, i) == last else 0
        last = (l, i)
        if i - l + 1 <= _NMIN or stalled >= _MAX_STALLED:
            wr_b, wi_b = _francis_qr(Hn, Zn, l, i, want_t=want_t)
            wr[l:i + 1], wi[l:i + 1] = wr_b[l:i + 1], wi_b[l:i + 1]
            i = l - 1
            continue
        nh = i - l + 1
        ns = _shift_count(nh)
        if warmup:
            sr, si = _trailing_2x2_shifts(Hn, i, ns)
        else:
            nw = min(nh - 1, _window_size(nh))
            i, (sr, si) = _early_deflation(Hn, Zn, l, i, nw, want_t, wr, wi, smlnum)
            if i - l + 1 <= _NMIN or sr.size < 2:
                continue
        warmup = max(warmup - 1, 0)
        shifts = _pair_shifts(sr[-ns:], si[-ns:])
        row_start, col_end = (0, n) if want_t else (l, i + 1)
        _multishift_sweep(Hn, Zn, l, i, shifts, row_start, col_end)
    return wr, wi


def _split_all(H: NDArray[np.float64], ilo: int, i: int, smlnum: float) -> int:
    """Zero every negligible subdiagonal entry of rows ilo+1..i; return where the bottom
    unreduced block starts (the tests of `_find_split`, for all entries at once)."""
    d = H.diagonal()
    sub = H.diagonal(-1)[ilo:i]                             # H[k, k−1], k = ilo+1..i
    sup = H.diagonal(1)[ilo:i]                              # H[k−1, k]
    hkk1, hk1k = np.abs(sub), np.abs(sup)
    dk1, dk = d[ilo:i], d[ilo + 1:i + 1]
    ab, ba = np.maximum(hkk1, hk1k), np.minimum(hkk1, hk1k)
    gap = np.abs(dk1 - dk)
    aa, bb = np.maximum(np.abs(dk), gap), np.minimum(np.abs(dk), gap)
    s = aa + ab
    s = np.where(s == 0.0, 1.0, s)
    small = (hkk1 <= smlnum) | (ba * (ab / s) <= np.maximum(smlnum, _EPS * (bb * (aa / s))))
    small &= hkk1 <= np.maximum(_EPS * (np.abs(dk1) + np.abs(dk)), smlnum)
    k = np.flatnonzero(small)
    if k.size == 0:
        return ilo
    H[ilo + 1 + k, ilo + k] = 0.0
    return ilo + 1 + int(k[-1])


def _early_deflation(H: NDArray[np.float64], Zt: NDArray[np.float64] | None, l: int, i: int,
                     nw: int, want_t: bool, wr: NDArray[np.float64], wi: NDArray[np.float64],
                     smlnum: float):
    r"""Aggressive early deflation (Braman, Byers & Mathias 2002; LAPACK's ``dlaqr3``).

    The trailing nw×nw window H[k:i+1, k:i+1] (k = i − nw + 1) is brought to real Schur
    form, T = Vᵀ H_w V. In the similarity diag(I, V) the single entry s = H[k, k−1] that
    couples the window to the rest becomes the "spike" s·Vᵀe₁ in column k−1; an
    eigenvalue at the bottom of T whose spike entries are below ulp·|λ| is then
    converged even though no subdiagonal entry of H is small, and deflates. (This
    version deflates from the bottom until the first eigenvalue that does not; LAPACK
    also reorders the Schur form to try the ones above it.) If any deflate, the rest of
    the window, with its spike, is reduced back to Hessenberg form and the window's
    orthogonal transformation is applied to the rest of H (and Z) with ``@``.

    Returns the new bottom row i of the active block, and the undeflated eigenvalues of
    the window (real and imaginary parts), the shifts for the next sweep.
    """
    k = i - nw + 1
    s = float(H[k, k - 1])
    T = H[k:i + 1, k:i + 1].copy()
    Vt = np.eye(nw)
    try:
        tr, ti = _real_schur(T, Vt, 0, nw - 1, want_t=True)
    except LinAlgError:
        return i, (np.zeros(0), np.zeros(0))
    spike = s * Vt[:, 0]
    # Deflation test, from the bottom: one 1×1 or 2×2 block of T at a time.
    j = nw - 1
    while j >= 0:
        top = j - 1 if j > 0 and T[j, j - 1] != 0.0 else j
        size = abs(T[j, j]) + (math.sqrt(abs(T[j, j - 1])) * math.sqrt(abs(T[j - 1, j]))
                               if top < j else 0.0)
        if size == 0.0:
            size = abs(s)
        if max(abs(spike[top]), abs(spike[j])) > max(smlnum, _EPS * size):
            break
        j = top - 1
    m = j + 1                                      # undeflated: T[:m, :m]
    if m == nw:
        return i, (tr, ti)
    spike[m:] = 0.0
    if m > 1:
        # Back to Hessenberg form: the reflectors of [spike | T11] (row 0 is a dummy).
        M = np.zeros((m + 1, m + 1))
        M[1:, 0], M[1:, 1:] = spike[:m], T[:m, :m]
        M, Q = _hessenberg(M, 0, m, want_q=True)
        Q = Q[1:, 1:]
        spike[:m], T[:m, :m] = M[1:, 0], M[1:, 1:]
        T[:m, m:] = Q.T @ T[:m, m:]
        Vt[:m] = Q.T @ Vt[:m]
    H[k:i + 1, k:i + 1] = np.triu(T, -1)
    H[k:i + 1, k - 1] = spike
    row_start, col_end = (0, H.shape[1]) if want_t else (l, i + 1)
    H[k:i + 1, i + 1:col_end] = Vt @ H[k:i + 1, i + 1:col_end]
    H[row_start:k, k:i + 1] = H[row_start:k, k:i + 1] @ Vt.T
    if Zt is not None:
        Zt[k:i + 1] = Vt @ Zt[k:i + 1]
    wr[k + m:i + 1], wi[k + m:i + 1] = tr[m:], ti[m:]
    if m > 0:
        H[k + m, k + m - 1] = 0.0
    return k + m - 1, (tr[:m], ti[:m])


def _trailing_2x2_shifts(H: NDArray[np.float64], i: int, ns: int):
    """ns shifts for a warm-up sweep: the eigenvalues of the diagonal 2×2 blocks of the
    trailing ns rows, ending at row i (the roots of λ² − (a + d)λ + (ad − bc) for each),
    as (real parts, imaginary parts)."""
    j = np.arange(i, i - ns + 1, -2)
    a, b, c, d = H[j - 1, j - 1], H[j - 1, j], H[j, j - 1], H[j, j]
    mean = 0.5 * (a + d)
    disc = (0.5 * (a - d)) ** 2 + b * c
    root = np.sqrt(np.abs(disc))
    real = disc >= 0
    sr, si = np.empty(2 * j.size), np.empty(2 * j.size)
    sr[0::2] = np.where(real, mean + root, mean)
    sr[1::2] = np.where(real, mean - root, mean)
    si[0::2] = np.where(real, 0.0, root)
    si[1::2] = np.where(real, 0.0, -root)
    return sr, si


def _pair_shifts(sr: NDArray[np.float64], si: NDArray[np.float64]) -> NDArray[np.float64]:
    """Shifts as (nb, 4) pairs (Re σ₁, Im σ₁, Re σ₂, Im σ₂): conjugates together, the
    reals two by two (a lone real, or half a pair cut off at the front, is dropped)."""
    if si.size and si[0] < 0.0:
        sr, si = sr[1:], si[1:]
    cplx = np.flatnonzero(si > 0.0)
    real = np.flatnonzero(si == 0.0)
    if real.size % 2:
        real = real[1:]
    pairs = np.empty((cplx.size + real.size // 2, 4))
    pairs[:cplx.size] = np.column_stack([sr[cplx], si[cplx], sr[cplx], -si[cplx]])
    pairs[cplx.size:] = np.column_stack([sr[real[0::2]], np.zeros(real.size // 2),
                                         sr[real[1::2]], np.zeros(real.size // 2)])
    return pairs


def _window_size(nh: int) -> int:
    """Order of the deflation window for an active block of order nh (after ``iparmq``)."""
    return _shift_count(nh)


def _shift_count(nh: int) -> int:
    """Number of shifts per multishift sweep on a block of order nh (after ``iparmq``)."""
    return max(_MIN_SHIFTS, 2 * int(1.5 * nh / (2 * max(1.0, math.log2(nh)))))


def _find_split(H: NDArray[np.float64], l: int, i: int, ilo: int, ihi: int,
                smlnum: float) -> int:
    """Largest k in l+1..i with H[k, k−1] negligible (dlahqr's loop 30), else l.

    A cheap vectorised screen keeps only entries below ulp·(|H[k−1,k−1]| + |H[k,k]|)
    (or below smlnum); those are then tested bottom-up with Ahues & Tisseur's criterion,
    which also asks the perturbation to be small relative to the 2×2 block it sits in.
    """
    ad = np.abs(H.diagonal()[l:i + 1])
    h = np.abs(H.diagonal(-1)[l:i])                         # |H[k, k-1]|, k = l+1..i
    tst = ad[:-1] + ad[1:]
    if not tst.all():
        for j in np.flatnonzero(tst == 0.0):
            k = l + 1 + int(j)
            if k - 2 >= ilo:
                tst[j] += abs(H[k - 1, k - 2])
            if k + 1 <= ihi:
                tst[j] += abs(H[k + 1, k])
    candidates = np.nonzero(h <= np.maximum(_EPS * tst, smlnum))[0]
    for j in candidates[::-1]:
        k = l + 1 + int(j)
        hkk1 = abs(H[k, k - 1])
        if hkk1 <= smlnum:
            return k
        hk1k = abs(H[k - 1, k])
        ab, ba = max(hkk1, hk1k), min(hkk1, hk1k)
        gap = abs(H[k - 1, k - 1] - H[k, k])
        aa, bb = max(abs(H[k, k]), gap), min(abs(H[k, k]), gap)
        s = aa + ab
        if ba * (ab / s) <= max(smlnum, _EPS * (bb * (aa / s))):
            return k
    return l


def _shifts(H: NDArray[np.float64], l: int, i: int,
            kdefl: int) -> tuple[float, float, float, float]:
    """The double shift (rt1r, rt1i, rt2r, rt2i): eigenvalues of the trailing 2×2 block.

    Two real eigenvalues are replaced by the one closer to H[i, i], used twice. Every
    _KEXSH iterations without deflation an ad hoc "exceptional" 2×2 is used instead, to
    break cycles (from the bottom after 2·_KEXSH, from the top after _KEXSH).
    """
    if kdefl % (2 * _KEXSH) == 0:
        s = abs(H[i, i - 1]) + abs(H[i - 1, i - 2])
        h11 = _DAT1 * s + H[i, i]
        h12, h21, h22 = _DAT2 * s, s, h11
    elif kdefl % _KEXSH == 0:
        s = abs(H[l + 1, l]) + abs(H[l + 2, l + 1])
        h11 = _DAT1 * s + H[l, l]
        h12, h21, h22 = _DAT2 * s, s, h11
    else:
        h11, h21, h12, h22 = H[i - 1, i - 1], H[i, i - 1], H[i - 1, i], H[i, i]
    h11, h12, h21, h22 = float(h11), float(h12), float(h21), float(h22)
    s = abs(h11) + abs(h12) + abs(h21) + abs(h22)
    if s == 0.0:
        return 0.0, 0.0, 0.0, 0.0
    h11, h21, h12, h22 = h11 / s, h21 / s, h12 / s, h22 / s
    tr = (h11 + h22) / 2.0
    det = (h11 - tr) * (h22 - tr) - h12 * h21
    rtdisc = math.sqrt(abs(det))
    if det >= 0.0:
        return tr * s, rtdisc * s, tr * s, -rtdisc * s
    rt1r, rt2r = tr + rtdisc, tr - rtdisc
    rt = rt1r * s if abs(rt1r - h22) <= abs(rt2r - h22) else rt2r * s
    return rt, 0.0, rt, 0.0


def _sweep_start(H: NDArray[np.float64], l: int, i: int, shifts: tuple[float, float, float, float]
                 ) -> tuple[int, tuple[float, float, float]]:
    r"""Row m where the sweep starts and the scaled first column (v1, v2, v3) of (H−σ₁)(H−σ₂).

    The sweep may start at m > l when H[m, m−1] is so small that the bulge would leave it
    negligible (two consecutive small subdiagonals); all candidates are evaluated at once
    and the lowest qualifying m taken, as dlahqr's loop 50 finds it.
    """
    rt1r, rt1i, rt2r, rt2i = shifts
    d = H.diagonal()
    sub = H.diagonal(-1)
    hmm, hm1m1 = d[l:i - 1], d[l + 1:i]                     # H[m,m], H[m+1,m+1]
    h21 = sub[l:i - 1]                                      # H[m+1,m]
    s = np.abs(hmm - rt2r) + abs(rt2i) + np.abs(h21)
    h21s = h21 / s
    v1 = h21s * H.diagonal(1)[l:i - 1] + (hmm - rt1r) * ((hmm - rt2r) / s) - rt1i * (rt2i / s)
    v2 = h21s * (hmm + hm1m1 - rt1r - rt2r)
    v3 = h21s * sub[l + 1:i]
    s = np.abs(v1) + np.abs(v2) + np.abs(v3)
    v1, v2, v3 = v1 / s, v2 / s, v3 / s
    # Test m = l+1..i-2: |H[m,m-1]|(|v2|+|v3|) ≤ ulp |v1| (|H[m-1,m-1]|+|H[m,m]|+|H[m+1,m+1]|)
    lhs = np.abs(sub[l:i - 2]) * (np.abs(v2[1:]) + np.abs(v3[1:]))
    ad = np.abs(d[l:i])
    rhs = _EPS * np.abs(v1[1:]) * (ad[:-2] + ad[1:-1] + ad[2:])
    hits = np.nonzero(lhs <= rhs)[0]
    j = int(hits[-1]) + 1 if hits.size else 0
    return l + j, (float(v1[j]), float(v2[j]), float(v3[j]))


def _reflector3(alpha: float, x2: float, x3: float) -> tuple[float, float, float, float]:
    """dlarfg for a vector of length ≤ 3 in scalars: (beta, tau, v2, v3), v = (1, v2, v3)."""
    xnorm = math.hypot(x2, x3)
    if xnorm == 0.0:
        return alpha, 0.0, x2, x3
    beta = -math.copysign(math.hypot(alpha, xnorm), alpha)
    if abs(beta) < _TINY_BETA:             # rare: dlarfg's exact rescaling by powers of 2
        v, tau, beta = _householder_vector(np.array([alpha, x2, x3]))
        return beta, tau, float(v[1]), float(v[2])
    scal = 1.0 / (alpha - beta)
    return beta, (beta - alpha) / beta, x2 * scal, x3 * scal


def _double_shift_sweep(C: NDArray[np.float64], H: NDArray[np.float64], l: int, m: int,
                        i: int, v: tuple[float, float, float], i1: int, row_end: int) -> None:
    """Chase the bulge from row m to the bottom of the active block l..i (dlahqr loop 130).

    Step k computes a reflector G = I − τ u uᵀ, u = (1, v2, v3), that restores column k−1
    (at k = m: that introduces the bulge) and applies it to rows k..k+2 of C (columns
    k..row_end−1: H's and, when C = [H | Zᵀ], Zᵀ's) and to columns k..k+2 of H (rows
    i1..min(k+3, i)), each one ``@``. The Python work per step is kept to scalars, since
    a sweep has up to N steps.
    """
    G = np.empty((3, 3))
    G_entries = G.reshape(-1)              # filled in one assignment per step
    for k in range(m, i - 1):              # 3×3 reflectors; the last step (k = i−1) is 2×2
        if k > m:
            alpha, x2, x3 = H[k:k + 3, k - 1].tolist()
        else:
            alpha, x2, x3 = v
        xnorm = math.hypot(x2, x3)
        beta = -math.copysign(math.hypot(alpha, xnorm), alpha)
        if xnorm != 0.0 and abs(beta) >= _TINY_BETA:
            # dlarfg, inlined: this loop runs O(N²) times.
            scal = 1.0 / (alpha - beta)
            t1, v2, v3 = (beta - alpha) / beta, x2 * scal, x3 * scal
        else:
            beta, t1, v2, v3 = _reflector3(alpha, x2, x3)
        if k > m:
            H[k, k - 1] = beta
            H[k + 1, k - 1] = H[k + 2, k - 1] = 0.0
        elif m > l:
            # Not −H[k, k−1]: stays right when v2 and v3 underflow (LAPACK's comment).
            H[k, k - 1] *= 1.0 - t1
        if t1 == 0.0:
            continue
        t2, t3 = t1 * v2, t1 * v3
        G_entries[:] = (1.0 - t1, -t2, -t3,
                        -t2, 1.0 - t2 * v2, -t2 * v3,
                        -t3, -t3 * v2, 1.0 - t3 * v3)
        rows = C[k:k + 3, k:row_end]
        rows[...] = G @ rows
        cols = H[i1:min(k + 3, i) + 1, k:k + 3]
        cols[...] = cols @ G
    k = i - 1
    if k > m:
        alpha, x2 = H[k:k + 2, k - 1].tolist()
    else:
        alpha, x2 = v[0], v[1]
    beta, t1, v2, _ = _reflector3(alpha, x2, 0.0)
    if k > m:
        H[k:k + 2, k - 1] = (beta, 0.0)
    elif m > l:
        H[k, k - 1] *= 1.0 - t1
    if t1 != 0.0:
        t2 = t1 * v2
        G2 = np.array([[1.0 - t1, -t2], [-t2, 1.0 - t2 * v2]])
        C[k:k + 2, k:row_end] = G2 @ C[k:k + 2, k:row_end]
        H[i1:i + 1, k:k + 2] = H[i1:i + 1, k:k + 2] @ G2


def _deflate_2x2(C: NDArray[np.float64], H: NDArray[np.float64], i: int, i1: int,
                 row_end: int, wr: NDArray[np.float64], wi: NDArray[np.float64]) -> None:
    """Standardise the converged 2×2 block at rows i−1..i and rotate the rest of H (and Z).

    The rotation acts on rows i−1, i of C right of the block (columns ..row_end−1) and on
    columns i−1, i of H above it (rows i1..i−2).
    """
    a, b, c, d, rt1r, rt1i, rt2r, rt2i, cs, sn = _standardize_2x2(
        float(H[i - 1, i - 1]), float(H[i - 1, i]), float(H[i, i - 1]), float(H[i, i]))
    H[i - 1, i - 1], H[i - 1, i], H[i, i - 1], H[i, i] = a, b, c, d
    wr[i - 1], wi[i - 1], wr[i], wi[i] = rt1r, rt1i, rt2r, rt2i
    R = np.array([[cs, -sn], [sn, cs]])          # columns (x, y) ← (c x + s y, c y − s x)
    C[i - 1:i + 1, i + 1:row_end] = R.T @ C[i - 1:i + 1, i + 1:row_end]
    H[i1:i - 1, i - 1:i + 1] = H[i1:i - 1, i - 1:i + 1] @ R


def _standardize_2x2(a: float, b: float, c: float, d: float):
    r"""Schur factorisation of a real 2×2 matrix in standard form (LAPACK's ``dlanv2``).

    .. math::

        \begin{bmatrix} a & b \\ c & d \end{bmatrix} =
        \begin{bmatrix} cs & -sn \\ sn & cs \end{bmatrix}
        \begin{bmatrix} aa & bb \\ cc & dd \end{bmatrix}
        \begin{bmatrix} cs & sn \\ -sn & cs \end{bmatrix}

    where either cc = 0 (two real eigenvalues aa, dd) or aa = dd and bb·cc < 0 (the pair
    aa ± i√(−bb·cc)). Returns (aa, bb, cc, dd, rt1r, rt1i, rt2r, rt2i, cs, sn), rt1i ≥ 0.
    Fortran's SIGN(1, x) is ``math.copysign(1.0, x)`` (it follows the sign bit).
    """
    sign = math.copysign
    if c == 0.0:
        cs, sn = 1.0, 0.0
    elif b == 0.0:
        cs, sn = 0.0, 1.0
        a, d, b, c = d, a, -c, 0.0
    elif a - d == 0.0 and sign(1.0, b) != sign(1.0, c):
        cs, sn = 1.0, 0.0
    else:
        temp = a - d
        p = 0.5 * temp
        bcmax = max(abs(b), abs(c))
        bcmis = min(abs(b), abs(c)) * sign(1.0, b) * sign(1.0, c)
        scale = max(abs(p), bcmax)
        z = (p / scale) * p + (bcmax / scale) * bcmis
        if z >= 4.0 * _EPS:
            # Real eigenvalues: compute a and d without cancellation.
            z = p + sign(math.sqrt(scale) * math.sqrt(z), p)
            a = d + z
            d = d - (bcmax / z) * bcmis
            tau = math.hypot(c, z)
            cs, sn = z / tau, c / tau
            b, c = b - c, 0.0
        else:
            # Complex or nearly equal real eigenvalues: make the diagonal entries equal.
            sigma = b + c
            tau = math.hypot(sigma, temp)
            cs = math.sqrt(0.5 * (1.0 + abs(sigma) / tau))
            sn = -(p / (tau * cs)) * sign(1.0, sigma)
            aa, bb = a * cs + b * sn, -a * sn + b * cs
            cc, dd = c * cs + d * sn, -c * sn + d * cs
            a, b = aa * cs + cc * sn, bb * cs + dd * sn
            c, d = -aa * sn + cc * cs, -bb * sn + dd * cs
            temp = 0.5 * (a + d)
            a = d = temp
            if c != 0.0:
                if b != 0.0:
                    if sign(1.0, b) == sign(1.0, c):
                        # Real after all: reduce to upper triangular form.
                        sab, sac = math.sqrt(abs(b)), math.sqrt(abs(c))
                        p = sign(sab * sac, c)
                        tau = 1.0 / math.sqrt(abs(b + c))
                        a, d = temp + p, temp - p
                        b, c = b - c, 0.0
                        cs1, sn1 = sab * tau, sac * tau
                        cs, sn = cs * cs1 - sn * sn1, cs * sn1 + sn * cs1
                else:
                    b, c = -c, 0.0
                    cs, sn = -sn, cs
    if c == 0.0:
        rt1i = rt2i = 0.0
    else:
        rt1i = math.sqrt(abs(b)) * math.sqrt(abs(c))
        rt2i = -rt1i
    return a, b, c, d, a, rt1i, d, rt2i, cs, sn


# ---------------------------------------------------------------------------------------
# Step 5: eigenvectors of the Schur form (dtrevc3)
# ---------------------------------------------------------------------------------------

def _schur_eigenvectors(T: NDArray[np.float64], wr: NDArray[np.float64],
                        wi: NDArray[np.float64], Z: NDArray[np.float64]) -> NDArray:
    r"""Right eigenvectors V = Z X of ``A = Z T Zᵀ``, T in real Schur form (``dtrevc3``).

    For each eigenvalue λ_p at diagonal position p (a real one, or the first of a pair at
    rows p, p+1 with Im λ_p > 0), x solves (T − λ_p I) x = 0 with x zero below p (p+1)
    and, as dtrevc3 normalises it: x_p = 1 for a real λ; for a pair, the 2×2 block's own
    eigenvector with a unit entry where dtrevc3 puts it. Rows above are found by back
    substitution over the diagonal blocks of T, from the bottom up — for all eigenvectors
    at once: at block J, every x whose p lies below J gets
    ``x_J = (T_JJ − λ I)⁻¹ (−T[J, below] x_below)``, one ``@`` for all of them.

    Real eigenvectors are computed in real arithmetic; complex ones as separate real and
    imaginary parts (so every product is a real ``@``). Returns V (N, N), real when all
    eigenvalues are real, else complex with a pair's second column the conjugate of its
    first.
    """
    n = T.shape[0]
    T = np.triu(T, -1)
    is_second = np.zeros(n, dtype=bool)
    is_second[1:] = np.diagonal(T, -1) != 0.0
    p_real = np.flatnonzero(~is_second & (wi == 0.0))
    p_cplx = np.flatnonzero(wi > 0.0)
    Xr, Xre, Xim = _initial_vectors(T, p_real, p_cplx, wi)
    lam_r = wr[p_real]
    lam_c = wr[p_cplx] + 1j * wi[p_cplx]
    # dtrevc3's perturbation for (near-)repeated eigenvalues: |pivot| ≥ smin.
    floor = _SAFMIN * (n / _EPS)
    smin_r = np.maximum(_EPS * np.abs(lam_r), floor)
    smin_c = np.maximum(_EPS * (np.abs(lam_c.real) + np.abs(lam_c.imag)), floor)
    j = n - 1
    while j >= 0:
        top = j - 1 if is_second[j] else j
        J, below = slice(top, j + 1), slice(j + 1, None)
        r0 = int(np.searchsorted(p_real, j + 1))          # eigenvectors with p > j
        c0 = int(np.searchsorted(p_cplx, j + 1))
        if r0 < len(p_real):
            b = -(T[J, below] @ Xr[below, r0:])
            Xr[J, r0:] = _solve_shifted(T[J, J], lam_r[r0:], b, smin_r[r0:], Xr[:, r0:]).real
        if c0 < len(p_cplx):
            b = -(T[J, below] @ Xre[below, c0:]) - 1j * (T[J, below] @ Xim[below, c0:])
            x = _solve_shifted(T[J, J], lam_c[c0:], b, smin_c[c0:], (Xre[:, c0:], Xim[:, c0:]))
            Xre[J, c0:], Xim[J, c0:] = x.real, x.imag
        j = top - 1
    return _assemble(Z @ Xr, Z @ Xre, Z @ Xim, p_real, p_cplx, n)


def _initial_vectors(T: NDArray[np.float64], p_real: NDArray[np.intp], p_cplx: NDArray[np.intp],
                     wi: NDArray[np.float64]):
    """X's entries at each eigenvector's own 1×1 or 2×2 block, as dtrevc3 sets them.

    For the pair at rows p, p+1 (eigenvalue wr + i·wi, wi > 0): x = (1, i·wi/T[p,p+1])
    when |T[p,p+1]| ≥ |T[p+1,p]|, else (−wi/T[p+1,p], i).
    """
    n = T.shape[0]
    Xr = np.zeros((n, len(p_real)))
    Xr[p_real, np.arange(len(p_real))] = 1.0
    Xre, Xim = np.zeros((n, len(p_cplx))), np.zeros((n, len(p_cplx)))
    cols = np.arange(len(p_cplx))
    b, c, w = T[p_cplx, p_cplx + 1], T[p_cplx + 1, p_cplx], wi[p_cplx]
    upper = np.abs(b) >= np.abs(c)
    Xre[p_cplx, cols] = np.where(upper, 1.0, -w / np.where(upper, 1.0, c))
    Xim[p_cplx + 1, cols] = np.where(upper, w / np.where(upper, b, 1.0), 1.0)
    return Xr, Xre, Xim


def _solve_shifted(Tjj: NDArray[np.float64], lam: NDArray, b: NDArray, smin: NDArray,
                   X) -> NDArray[np.complex128]:
    """Solve (T_JJ − λ I) x = b for a 1×1 or 2×2 diagonal block and each eigenvalue λ.

    As dlaln2: a pivot smaller than smin is replaced by smin, so a repeated eigenvalue
    still gives a finite vector (2×2 blocks: Cramer's rule with the determinant kept
    ≥ smin·largest entry). Where x would pass _GROWTH_LIMIT, that eigenvector (held in
    `X`, one array or a (real, imag) pair, with b) is first scaled so that |x| ≈ 1 —
    only its direction matters — as dtrevc3 does against overflow.
    """
    if Tjj.shape[0] == 1:
        den = Tjj[0, 0] - lam
        den = np.where(np.abs(den.real) + np.abs(den.imag) < smin, smin, den)

        def solve(rhs):
            return rhs / den
        size = np.abs(den)
    else:
        t12, t21 = float(Tjj[0, 1]), float(Tjj[1, 0])
        a11, a22 = Tjj[0, 0] - lam, Tjj[1, 1] - lam
        cmax = np.maximum(np.maximum(np.abs(a11), np.abs(a22)), max(abs(t12), abs(t21)))
        floor = smin * np.maximum(cmax, smin)
        det = a11 * a22 - t12 * t21
        det = np.where(np.abs(det) < floor, floor, det)

        def solve(rhs):
            return np.stack([a22 * rhs[0] - t12 * rhs[1], a11 * rhs[1] - t21 * rhs[0]]) / det
        size = np.abs(det) / cmax
    x = solve(b)
    grow = ~(np.max(np.abs(x), axis=0) <= _GROWTH_LIMIT)
    if grow.any():
        bmax = np.max(np.abs(b), axis=0)
        s = np.where(grow, size / np.where(grow, bmax, 1.0), 1.0)
        for part in (X if isinstance(X, tuple) else (X,)):
            part *= s
        x = solve(b * s)
    return x


def _assemble(Vr: NDArray[np.float64], Vre: NDArray[np.float64], Vim: NDArray[np.float64],
              p_real: NDArray[np.intp], p_cplx: NDArray[np.intp], n: int) -> NDArray:
    """One column per eigenvalue: real ones as they are, each pair as v and conj(v)."""
    if len(p_cplx) == 0:
        V = np.empty((n, n))
        V[:, p_real] = Vr
        return V
    V = np.empty((n, n), dtype=np.complex128)
    V[:, p_real] = Vr
    V[:, p_cplx] = Vre + 1j * Vim
    V[:, p_cplx + 1] = Vre - 1j * Vim
    return V


# ---------------------------------------------------------------------------------------
# Step 6: normalisation (end of dgeev)
# ---------------------------------------------------------------------------------------

def _normalise(V: NDArray, wi: NDArray[np.float64]) -> NDArray:
    """Unit 2-norm columns; a complex column is rotated so its largest entry is real.

    The rotation is dgeev's: k is the first index of largest |v_k|, and v is multiplied by
    ``sign(Re v_k)·conj(v_k)/|v_k|`` (sign(0) = +1, as ``dlartg``), so v_k becomes real
    with the sign its real part had. The second column of a pair is then, bit for bit,
    the conjugate of the first.
    """
    if not np.iscomplexobj(V):
        return V / np.sqrt(np.einsum("ij,ij->j", V, V))
    V = V / np.sqrt(np.einsum("ij,ij->j", V.real, V.real) + np.einsum("ij,ij->j", V.imag, V.imag))
    firsts = np.flatnonzero(wi > 0.0)
    W = V[:, firsts]
    cols = np.arange(firsts.size)
    k = np.argmax(W.real ** 2 + W.imag ** 2, axis=0)
    vk = W[k, cols]
    sign = np.where(vk.real < 0.0, -1.0, 1.0)
    W = W * (sign * vk.conj() / np.abs(vk))
    W[k, cols] = W[k, cols].real
    V[:, firsts] = W
    V[:, firsts + 1] = W.conj()
    return V
