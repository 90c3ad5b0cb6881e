"""Singular value decomposition and what is built on it: pinv, lstsq.

``A = U₁ B V₁ᵀ`` by Golub–Kahan Householder bidiagonalisation, then the singular triplets
of the bidiagonal B from the symmetric tridiagonal eigenproblem of its Golub–Kahan matrix
(`_eigh._tridiagonal_eigh`: bisection and inverse iteration, vectorised across all singular
values; divide and conquer for the vectors when some σ is near 0), then ``U = U₁ U_B`` and
``V = V₁ V_B``.

The module opens with ``_textbook_svd``, the algorithm as a textbook writes it;
`svd` reaches the same decomposition by a finite reduction to bidiagonal form first
(see its Notes).

Private helpers other modules may import:

- ``_svd_tall(A, full_matrices=True, compute_uv=True) -> (U, S, Vh)``: the SVD of an M×N
  matrix with M ≥ N ≥ 1, signs not normalised.
- ``_bidiagonal_svd(d, f, compute_uv=True) -> (s, U_B, V_B)``: the SVD of an upper
  bidiagonal matrix with diagonal d and superdiagonal f.
"""
from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..exceptions import LinAlgError
from ._input import matrix, real_parameter, result_dtype, right_hand_side
from ._eigh import (_CLUSTER_GAP, _Sturm, _largest_entry_positive, _power_of_two_scale,
                    _scalar_count, _scalar_eigenvalue, _tridiagonal_eigh, eigh, eigvalsh)
from ._householder import (_apply_reflectors, _apply_reflectors_transposed, _householder_into,
                           _orthonormal_basis)

__all__ = ["svd", "pinv", "lstsq"]


def _textbook_svd(A: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.float64],
                                         NDArray[np.float64]]:
    r"""The thin SVD as a textbook computes it: one-sided Jacobi (Hestenes) rotations.

    .. math::

        A V = U \Sigma \;\Longleftrightarrow\; A = U \Sigma V^\mathsf{T}, \qquad
        V = J_1 J_2 \cdots \text{ (plane rotations)}, \qquad
        \sigma_j = \lVert (A V)_{:,j} \rVert_2, \quad u_j = (A V)_{:,j} / \sigma_j.

    Rotations from the right make the columns of ``W = A V`` mutually orthogonal; their
    lengths are then the singular values and their directions the left singular vectors.

    Parameters
    ----------
    A : (M, N) array_like
        Any real matrix; K = min(M, N). A wide A is done through Aᵀ.

    Returns
    -------
    U : (M, K) ndarray
        Left singular vectors (columns); a column whose σ is exactly 0 is left zero
        (this sketch does not complete the basis).
    S : (K,) ndarray
        Singular values, descending.
    Vh : (K, N) ndarray
        Right singular vectors (rows), signs as they come.

    Notes
    -----
    *Algorithm* (Golub & Van Loan, 4th ed., §8.6.3; Demmel, *Applied Numerical Linear
    Algebra*, Algorithm 5.5), for a tall A, W = A, V = I:

    1. Sweep over all pairs of columns p < q of W: with α = ‖w_p‖², β = ‖w_q‖² and
       γ = w_pᵀ w_q, the rotation J that diagonalises the 2×2 Gram matrix
       [[α, γ], [γ, β]] (the symmetric Schur decomposition: ζ = (β − α)/2γ,
       t = sign(ζ)/(|ζ| + √(1 + ζ²)), c = 1/√(1 + t²), s = t·c) makes w_p ⊥ w_q:
       ``W[:, (p, q)] ← W[:, (p, q)] J`` and ``V[:, (p, q)] ← V[:, (p, q)] J``.
       Pairs already orthogonal to rounding (|γ| ≤ eps √(αβ)) are skipped.
    2. Repeat sweeps until one rotates nothing (quadratic convergence: a handful).
    3. σ_j = ‖w_j‖, u_j = w_j / σ_j; sort by σ descending.

    *Complexity*: O(M N²) flops per sweep, a handful of sweeps. Jacobi is slower than
    bidiagonalisation, but accurate: each σ to high relative accuracy when A's columns
    are well scaled.
    """
    W = np.array(A, dtype=np.float64)
    M, N = W.shape
    if M < N:
        V, S, Uh = _textbook_svd(W.T)
        return Uh.T, S, V.T
    V = np.eye(N)
    for _ in range(_JACOBI_SWEEPS):
        # Step 1: one sweep of rotations.
        rotated = False
        for p in range(N - 1):
            for q in range(p + 1, N):
                alpha, beta = W[:, p] @ W[:, p], W[:, q] @ W[:, q]
                gamma = W[:, p] @ W[:, q]
                if abs(gamma) <= _EPS * math.sqrt(alpha * beta):
                    continue
                zeta = (beta - alpha) / (2.0 * gamma)
                t = math.copysign(1.0, zeta) / (abs(zeta) + math.hypot(1.0, zeta))
                c = 1.0 / math.hypot(1.0, t)
                J = np.array([[c, c * t], [-c * t, c]])
                W[:, [p, q]] = W[:, [p, q]] @ J
                V[:, [p, q]] = V[:, [p, q]] @ J
                rotated = True
        # Step 2: converged when a sweep finds every pair orthogonal.
        if not rotated:
            break
    # Step 3: lengths and directions, in descending order.
    S = np.sqrt(np.sum(W * W, axis=0))
    order = np.argsort(-S, kind="stable")
    U = np.divide(W, S, out=np.zeros_like(W), where=S > 0)
    return U[:, order], S[order], V[:, order].T

_EPS = float(np.finfo(np.float64).eps)
# Sweeps of `_textbook_svd` at most; one-sided Jacobi converges quadratically, in a
# handful of sweeps for the sizes a reader tries it on.
_JACOBI_SWEEPS = 30
# Singular values at most this many eps·σ_max are "small": the Golub–Kahan vector of a
# small σ mixes (v, u) with its partner (v, −u) of −σ by about eps‖B‖/σ, so its u and v
# halves are not trusted; those singular vectors come from the complement instead.
_SMALL_SIGMA = 1e3
# Columns per panel of the blocked bidiagonalisation (as LAPACK's dgebrd).
_PANEL_BRD = 32


class SVDResult(NamedTuple):
    """Left singular vectors, singular values (descending), right singular vectors (rows)."""

    U: NDArray[np.float64]
    S: NDArray[np.float64]
    Vh: NDArray[np.float64]


# ---------------------------------------------------------------------------------------
# Bidiagonalisation and the bidiagonal SVD
# ---------------------------------------------------------------------------------------

def _bidiagonalize(A: NDArray[np.float64]) -> tuple:
    """``A = U₁ B V₁ᵀ`` (M ≥ N): B's diagonal d and superdiagonal f, and the reflectors.

    Reflector k from the left zeroes column k below the diagonal; reflector k from the
    right zeroes row k beyond the superdiagonal. Returns (d, f, (VL, betaL), (VR, betaR))
    with ``U₁ = H₀ ⋯ H_{N−1}`` and ``V₁ = G₀ ⋯ G_{N−3}`` in the form of `_apply_reflectors`.

    Blocked, as LAPACK's ``dgebrd``/``dlabrd``: the reflectors of a panel of `_PANEL_BRD`
    columns are made one by one, but the matrix is not updated after each of them. The
    panel keeps L = [V X] and R = [Y U] (their columns interleaved) with

        (the panel's reflectors applied to A) = A − L Rᵀ = A − V Yᵀ − X Uᵀ,

    V the left reflectors' vectors and U the right ones' (as columns); column j of Y is
    β_j·Aᵀv_j and column j of X is β_j·A u_j, for the A of the moment. Column k and row k
    are brought up to date just before their reflectors are made (one product each), and
    the rest of the matrix receives the whole panel at once, by one matrix product.

    L and Rᵀ are kept beside A in one work array ``G = [[A, L], [Rᵀ, 0]]``, so that one
    matrix-vector product gives both ``Aᵀv`` and ``Lᵀv`` (the columns of G right of the
    diagonal block, against v), and one gives both ``A u`` and ``Rᵀu``: the product with
    the panel so far then costs a single small product more. The panel's columns not yet
    made are zero, so the products may use all of them.
    """
    M, N = A.shape
    nb = min(_PANEL_BRD, N)
    G = np.zeros((M + 2 * nb, N + 2 * nb))
    G[:M, :N] = A
    d, f = np.zeros(N), np.zeros(max(N - 1, 0))
    VL, betaL = np.zeros((M, N)), np.zeros(N)
    VR, betaR = np.zeros((N, max(N - 2, 0))), np.zeros(max(N - 2, 0))
    Lc, Rr = slice(N, N + 2 * nb), slice(M, M + 2 * nb)   # L's columns, Rᵀ's rows in G
    for p in range(0, N, nb):
        b = min(nb, N - p)
        G[:M, Lc] = 0.0
        G[Rr, :N] = 0.0
        for i in range(b):
            k, c = p + i, 2 * i
            vrow, urow = M + c, M + c + 1          # rows of Rᵀ: y_i, then u_i
            vcol, xcol = N + c, N + c + 1          # columns of L: v_i, then x_i
            # column k, then its reflector from the left: A[k:, k] −= L[k:] R[k]ᵀ
            column = G[k:M, k]
            if c:
                column -= G[k:M, N:N + c] @ G[M:M + c, k]
            betaL[k], d[k] = _householder_into(column, G[k:M, vcol])
            v = G[k:M, vcol]
            if k == N - 1:
                break
            # y = β (Aᵀv − R (Lᵀv)): [Aᵀv; Lᵀv] from one product with G
            t = v @ G[k:M, k + 1:N + c]
            y = G[vrow, k + 1:N]
            np.subtract(t[:N - k - 1], t[N - k - 1:] @ G[M:M + c, k + 1:N], out=y)
            y *= betaL[k]
            # row k, then its reflector from the right (none for the last superdiagonal)
            row = G[k, k + 1:N]
            row -= G[k, N:N + c + 1] @ G[M:M + c + 1, k + 1:N]
            if k == N - 2:
                f[k] = G[k, k + 1]
                continue
            betaR[k], f[k] = _householder_into(row, G[urow, k + 1:N])
            u = G[urow, k + 1:N]
            # x = β (A u − L (Rᵀu)): [A u; Rᵀu] from one product with G
            t = G[k + 1:M + c + 2, k + 1:N] @ u
            x = G[k + 1:M, xcol]
            np.subtract(t[:M - k - 1], G[k + 1:M, N:N + c + 2] @ t[M - k - 1:], out=x)
            x *= betaR[k]
        # the panel's reflectors (zero above their first row, as V and U hold them)
        q = p + b
        right = max(min(q, N - 2) - p, 0)
        VL[:, p:q] = G[:M, N:N + 2 * b:2]
        VR[:, p:p + right] = G[M + 1:M + 2 * right:2, :N].T
        # the rest of the matrix receives the whole panel
        if q < N:
            G[q:M, q:N] -= G[q:M, Lc] @ G[Rr, q:N]
    return d, f, (VL, betaL), (VR, betaR)


def _golub_kahan_offdiagonal(d: NDArray[np.float64], f: NDArray[np.float64]) -> NDArray[np.float64]:
    """Off-diagonal (d₁, f₁, d₂, f₂, …, d_N) of the Golub–Kahan matrix of B (zero diagonal).

    Ordering the unknowns as (v₁, u₁, v₂, u₂, …) turns [[0, B], [Bᵀ, 0]] into this
    tridiagonal matrix; its eigenvalues are ±σ_i with eigenvectors (v, ±u)/√2 interleaved.
    """
    off = np.empty(2 * d.size - 1)
    off[0::2], off[1::2] = d, f
    return off


def _bidiagonal_svd(d: NDArray[np.float64], f: NDArray[np.float64],
                    compute_uv: bool = True, floor: float = 0.0) -> tuple:
    """Singular values (descending) and vectors of the upper bidiagonal B(d, f).

    Returns (s, U_B, V_B) with ``B = U_B diag(s) V_Bᵀ``; U_B and V_B are None if not
    `compute_uv`. Singular triplets below `floor` (rounding level of the matrix this one
    came from) need no pairing.
    """
    N = d.size
    # The N largest eigenvalues of the Golub–Kahan matrix are the singular values.
    top = slice(N, 2 * N)
    off = _golub_kahan_offdiagonal(d, f)
    if compute_uv and not _partners_apart(off):
        # Some σ is so small that its partner −σ shares its cluster: inverse iteration on
        # the cluster would rely on the other eigenvectors of its block (`_refine_cluster`),
        # the partners included, so all 2N vectors would be needed. Divide and conquer,
        # which finds all of them anyway, is then faster (measured: 1.5× at N = 100,
        # 2× at N = 800).
        w, Z = _tridiagonal_eigh(np.zeros(2 * N), off, vectors=True, select=top,
                                 divide_and_conquer=True)
    else:  # (bisection and twisted factorisations are faster here, at every N measured)
        # (polish=False: the halves of Z are made orthonormal below, which makes a
        # Newton–Schulz step on Z itself redundant)
        w, Z = _tridiagonal_eigh(np.zeros(2 * N), off, vectors=compute_uv, select=top,
                                 divide_and_conquer=False, coarse=_normal_counts(d, f),
                                 polish=False)
    s = np.abs(w)
    order = np.argsort(-s, kind="stable")
    s = s[order]
    if not compute_uv:
        return s, None, None
    assert Z is not None  # computed when compute_uv is True
    # (the σ come ascending from the eigenvalues: reversed, a view, unless there are ties)
    Z = Z[:, ::-1] if np.array_equal(order, np.arange(N)[::-1]) else Z[:, order]
    # the halves of each (v, u)/√2, for the singular values that are not small
    g = int(np.count_nonzero(s > _SMALL_SIGMA * _EPS * s[0])) if s[0] > 0 else 0
    V_B = _orthonormal_basis(Z[0::2, :g], complete=True, polar=True)
    U_B = _orthonormal_basis(Z[1::2, :g], complete=True, polar=True)
    if 0 < g < N:
        _pair_small_singular_vectors(d, f, U_B, V_B, g, max(floor, _EPS * s[0]))
    return s, U_B, V_B


def _normal_counts(d: NDArray[np.float64], f: NDArray[np.float64]):
    r"""Sturm counts of the Golub–Kahan matrix from BᵀB, N rows instead of 2N, for the
    first passes of `_bisect`: (counts, margin, 0), 0 bounding the wanted eigenvalues (σ).

    BᵀB is tridiagonal (diagonal d_i² + f²_{i−1}, off-diagonal d_i f_i) with eigenvalues
    σ_i², so the Golub–Kahan matrix has N + #{σ_i² < σ²} eigenvalues below σ > 0 and
    N − #{σ_i² ≤ σ²} below −σ. Forming BᵀB and counting in floating point perturbs the σ_i²
    by a small multiple δ of eps‖BᵀB‖, which moves σ_i by at most √δ: the counts are right
    to within ``margin = √(64 eps ‖BᵀB‖)`` (≈ 1e-7‖B‖), far below the bisection's target
    `_NEWTON_WIDTH`‖T‖, and good enough for the first passes (see `_bisect`), at half the
    rows. (Not for the final digits: near σ = 0 they are lost in squaring.)
    """
    N = d.size
    a = d * d
    a[1:] += f * f
    b = d[:-1] * f
    radius = np.zeros(N)
    radius[:-1] += np.abs(b)
    radius[1:] += np.abs(b)
    norm = float(np.max(np.abs(a) + radius))
    b = np.where(np.abs(b) <= _EPS * norm, 0.0, b)   # (a perturbation of eps‖BᵀB‖)
    sturm = _Sturm(a, b)

    def counts(sigma: NDArray[np.float64]) -> NDArray[np.intp]:
        below = sturm.counts(sigma * sigma)
        return np.where(sigma > 0, N + below, N - below)

    return counts, math.sqrt(64.0 * _EPS * norm), 0.0


def _partners_apart(off: NDArray[np.float64]) -> bool:
    """Whether every σ is outside the cluster of its partner −σ in the Golub–Kahan matrix.

    Its eigenvalues come in pairs ±σ; `_tridiagonal_eigh` groups eigenvalues closer than
    ``_CLUSTER_GAP·‖T‖`` into clusters. When every σ is farther than that from −σ, the
    clusters of the positive half are the same whether or not the negative half is
    computed, and every −σ' is at least that far from every σ: inverse iteration leaves a
    vector of σ with a component of about eps‖T‖/(σ + σ') ≤ 1e3·eps along the vector of
    −σ', the accuracy it has everywhere outside clusters. The negative half (half of the
    bisection, half of the inverse iteration) can then be skipped.

    One Sturm count tells: all σ exceed x > 0 when exactly N of the 2N eigenvalues lie
    below x (the −σ and none of the σ). x is taken 1 % above half the cluster gap, for the
    rounding of the count.
    """
    radius = np.zeros(off.size + 1)
    radius[:-1] += np.abs(off)
    radius[1:] += np.abs(off)
    tnorm = float(np.max(radius))
    x = 0.505 * _CLUSTER_GAP * tnorm
    if not x > 0.0:
        return False
    # pivots of T − xI = L D Lᵀ, T with zero diagonal: q₀ = −x, q_i = −x − e²_{i−1}/q_{i−1}
    q, below = -x, 1
    for e in off.tolist():
        q = -x - e * e / q if q != 0.0 else -math.inf
        below += q < 0.0
    return below == (off.size + 1) // 2


def _pair_small_singular_vectors(d: NDArray[np.float64], f: NDArray[np.float64],
                                 U_B: NDArray[np.float64], V_B: NDArray[np.float64],
                                 g: int, floor: float) -> None:
    """Rotate columns g: of U_B and V_B (in place) into singular pairs of B.

    They are orthonormal bases of the complements of the trusted vectors; B maps the one
    complement into the other up to eps‖B‖, so the SVD of the small projected matrix
    ``C = U_restᵀ B V_rest`` (itself computed by `_svd_tall`) pairs them up — unless C
    is below `floor`, the rounding level of the top matrix, where any pairing will do.
    """
    B = np.diag(d) + np.diag(f, 1)
    C = U_B[:, g:].T @ B @ V_B[:, g:]
    if math.sqrt(float(np.sum(C * C))) <= floor:
        return
    Uc, _, Vch = _svd_tall(C, full_matrices=True, compute_uv=True, floor=floor)
    U_B[:, g:] = U_B[:, g:] @ Uc
    V_B[:, g:] = V_B[:, g:] @ Vch.T


def _svd_tall(A: NDArray[np.float64], full_matrices: bool = True, compute_uv: bool = True,
              floor: float = 0.0):
    """(U, S, Vh) of an M×N matrix with M ≥ N ≥ 1: steps 1–5 of `svd` (signs not fixed).

    U and Vh are None if not `compute_uv`. `floor`: see `_bidiagonal_svd`.
    """
    M, N = A.shape
    # Step 1: exact rescaling.
    scale = _power_of_two_scale(float(np.max(np.abs(A))))
    # Step 2: A = U₁ B V₁ᵀ.
    d, f, (VL, betaL), (VR, betaR) = _bidiagonalize(A * scale)
    # Steps 3 and 4: B = U_B Σ V_Bᵀ through the Golub–Kahan matrix.
    s, U_B, V_B = _bidiagonal_svd(d, f, compute_uv, floor * scale)
    if not compute_uv:
        return None, s / scale, None
    # Step 5: U = U₁ [[U_B, 0], [0, I]] (its first N columns unless full), V = V₁ V_B.
    P = np.eye(M, M if full_matrices else N)
    P[:N, :N] = U_B
    U = _apply_reflectors(VL, betaL, P)
    V = _apply_reflectors(VR, betaR, V_B)
    return U, s / scale, V.T


class _GolubKahanSturm(NamedTuple):
    """Single singular values and counts of an unreduced bidiagonal, for `cond` and
    `matrix_rank`, which need no vectors and only one or two singular values.

    The Golub–Kahan matrix of B (zero diagonal, off-diagonal d₁, f₁, d₂, …) has the
    eigenvalues ±σ_i, in Python floats (`_scalar_eigenvalue`): σ_max is its eigenvalue
    2N − 1 and σ_min its eigenvalue N (0-based, ascending), and the number of σ_i above
    t > 0 is 2N minus its Sturm count at t. Each is one to a few dozen passes of a Python
    loop over 2N rows instead of the bisection of all N singular values in numpy passes.
    """

    d: list[float]
    e2: list[float]
    lower: float
    upper: float
    tnorm: float
    scale: float  # Golub–Kahan matrix = scale · that of A

    def sigma(self, j: int) -> float:
        """The singular value that is the Golub–Kahan matrix's eigenvalue j, unscaled."""
        w = _scalar_eigenvalue(self.d, self.e2, j, self.lower, self.upper, self.tnorm)
        return abs(w) / self.scale

    def above(self, t: float) -> int:
        """The number of singular values above t > 0."""
        return len(self.d) - _scalar_count(self.d, self.e2, t * self.scale)


def _golub_kahan_sturm(A: NDArray[np.float64]) -> _GolubKahanSturm | None:
    """Steps 1–2 of `svd` for a non-empty finite A, then its bidiagonal as `_GolubKahanSturm`;
    None if that Golub–Kahan matrix splits into blocks (an off-diagonal entry below
    eps‖T‖, the zero matrix included), where `_tridiagonal_eigh` sets the eigenvalues of
    1×1 blocks exactly and the caller takes `svd`'s path to keep them so."""
    if A.shape[0] < A.shape[1]:
        A = A.T
    scale = _power_of_two_scale(float(np.max(np.abs(A))))
    d, f, _, _ = _bidiagonalize(A * scale)
    off = _golub_kahan_offdiagonal(d, f)
    radius = np.zeros(off.size + 1)
    radius[:-1] += np.abs(off)
    radius[1:] += np.abs(off)
    tnorm = float(np.max(radius))
    if tnorm == 0.0:
        return None
    # `_tridiagonal_eigh`'s exact rescaling and splitting rule
    rescale = _power_of_two_scale(tnorm)
    off, tnorm = off * rescale, tnorm * rescale
    if np.min(np.abs(off), initial=math.inf) <= _EPS * tnorm:
        return None
    pad = 2.1 * radius.size * _EPS * tnorm
    return _GolubKahanSturm([0.0] * radius.size, [0.0] + (off * off).tolist(),
                            -tnorm - pad, tnorm + pad, tnorm, scale * rescale)


def _empty_svd(M: int, N: int, full_matrices: bool, compute_uv: bool, dtype: np.dtype):
    """NumPy's shapes when min(M, N) = 0: an empty S, and identities for full U or Vh."""
    S = np.zeros(0, dtype)
    if not compute_uv:
        return S
    if full_matrices:
        return SVDResult(np.eye(M, dtype=dtype), S, np.eye(N, dtype=dtype))
    return SVDResult(np.zeros((M, 0), dtype), S, np.zeros((0, N), dtype))


def _hermitian_svd(a: ArrayLike, compute_uv: bool):
    """NumPy's ``hermitian=True`` path: |λ| sorted descending, the signs moved into Vh."""
    if not compute_uv:
        return np.sort(np.abs(eigvalsh(a)))[::-1]
    lam, u = eigh(a)
    sign = np.copysign(1.0, lam)
    order = np.argsort(np.abs(lam))[::-1]
    u = u[:, order]
    return SVDResult(u, np.abs(lam)[order], (u * sign[order]).T)


# ---------------------------------------------------------------------------------------
# Public functions
# ---------------------------------------------------------------------------------------

def svd(a: ArrayLike, full_matrices: bool = True, compute_uv: bool = True,
        hermitian: bool = False):
    r"""Singular value decomposition of a real matrix.

    .. math::

        A = U \Sigma V^\mathsf{T}, \qquad U^\mathsf{T} U = I, \quad V^\mathsf{T} V = I,
        \qquad \Sigma = \operatorname{diag}(\sigma_1 \ge \dots \ge \sigma_K \ge 0),
        \; K = \min(M, N).

    Parameters
    ----------
    a : (M, N) array_like
        Real matrix, any shape.
    full_matrices : bool, optional
        If True (default) U is M×M and Vh is N×N; otherwise U is M×K and Vh is K×N.
    compute_uv : bool, optional
        If False, return only the singular values.
    hermitian : bool, optional
        If True, `a` is taken to be symmetric (only its lower triangle is read) and the
        decomposition comes from `eigh`, as in NumPy.

    Returns
    -------
    SVDResult or ndarray
        ``U`` : (M, M) or (M, K) ndarray of float64, orthonormal columns.
        ``S`` : (K,) ndarray of float64, descending.
        ``Vh`` : (N, N) or (K, N) ndarray of float64, orthonormal rows.
        Only ``S`` when `compute_uv` is False. All float32 for float32 input (NumPy's
        rule; computed in float64, rounded at the end).

    Raises
    ------
    numpy.linalg.LinAlgError
        If `a` is not two-dimensional (or not square with `hermitian`).
    ValueError
        If `a` contains NaN or inf (NumPy raises LinAlgError or returns NaN instead).
    TypeError
        If `a` is complex, float16 or long double (as NumPy), or not numbers.

    Notes
    -----
    *Algorithm* (for M < N the same is done on Aᵀ):

    1. Scale A by a power of two (exactly) so that max |a_ij| is in [0.5, 1).
    2. Bidiagonalise, ``A = U₁ B V₁ᵀ``, with Householder reflections from the left and
       the right in turn (Golub–Kahan), blocked as LAPACK's ``dgebrd`` (each panel of 32
       columns updates the rest of A by one matrix product); B is upper bidiagonal with
       diagonal d and superdiagonal f.
    3. The Golub–Kahan matrix of B — [[0, B], [Bᵀ, 0]] with its unknowns interleaved — is
       symmetric tridiagonal with zero diagonal and off-diagonal (d₁, f₁, d₂, …, d_N);
       its eigenvalues are ±σ_i. Its N largest eigenvalues and their eigenvectors
       (v_i, u_i)/√2 come from bisection and twisted factorisations, as in `eigh`; the
       first bisection passes, down to 1e-4‖B‖, count on BᵀB (N rows instead of 2N;
       squaring costs those counts at most ≈ 1e-7‖B‖, by which the intervals are then
       widened), the rest on the Golub–Kahan matrix itself. When some σ_i is so close to
       0 that σ_i and −σ_i share a cluster, all 2N eigenpairs come from divide and conquer
       instead (as in `eigh` for large n).
    4. Split each eigenvector into u_i and v_i. For σ_i above 1e3·eps·σ_max these are
       trusted: normalised, then made orthonormal by a few Newton–Schulz steps (the
       polar factor; a symmetric correction that keeps B v_i ≈ σ_i u_i). The vectors of
       the small σ_i are orthonormal bases of the complements (Householder QR), paired
       by the SVD of ``U_restᵀ B V_rest``, computed recursively.
    5. Back-transform ``U = U₁ U_B`` and ``V = V₁ V_B`` (compact WY, matrix products);
       for `full_matrices` U₁ is applied to [[U_B, 0], [0, I]]. Undo the scaling.
    6. Fix the signs.

    *The textbook algorithm* `_textbook_svd` (one-sided Jacobi) orthogonalises the
    columns of A by plane rotations from the right, ``A V = U Σ``: the same decomposition
    by orthogonal transformations, iterated on the whole matrix. This fast path reorders
    the work: a finite reduction first (step 2, Householder reflections from both sides,
    most flops in matrix products), so that the iteration only meets the bidiagonal B;
    B's singular values are the eigenvalues of its Golub–Kahan matrix (step 3), found by
    bisection and inverse iteration vectorised across all σ.

    Sign convention: each pair (u_i, v_i) is flipped jointly so that the entry of v_i
    of largest magnitude is positive (the first such entry if several are equal to
    within a relative 1e-9), as scikit-learn's ``svd_flip(u_based_decision=False)``; the
    extra columns of a full U and rows of a full Vh follow the same rule on their own.
    LAPACK's (NumPy's) signs follow no simple rule.

    *Complexity*: 4MN² − 4N³/3 flops for step 2, about 4M²N + 4N³ for step 5, O(N³)
    matrix products for step 4 and O(N²) flops for step 3, whose Python loops over 2N
    rows dominate the time for N below a few hundred.

    *Numerical stability*: bidiagonalisation is backward stable and the singular values
    of B are found to an absolute accuracy of about eps‖A‖, so each σ_i is within a
    modest multiple of eps‖A‖ of the exact value; ‖A − U Σ Vᵀ‖ ≈ N·eps‖A‖ and U, V are
    orthonormal to about N·eps. Small singular values are accurate relative to ‖A‖,
    not to themselves, and their singular vectors are as ill-determined as their gaps
    make them.

    References
    ----------
    Golub & Van Loan, *Matrix Computations*, 4th ed., §5.4.8 (bidiagonalisation),
    §8.6.1 (the Golub–Kahan matrix), §8.6.3; Demmel, *Applied Numerical Linear Algebra*,
    §5.4; Willems, Lang & Vömel (2006), computing the bidiagonal SVD via the Golub–Kahan
    tridiagonal matrix.

    Checked against ``reference.linalg.svd`` → ``numpy.linalg.svd``: equal singular
    values; singular vectors equal up to a joint sign flip of each pair (u_i, v_i) (and,
    for repeated singular values, up to the choice of basis of each singular subspace).

    Examples
    --------
    >>> U, S, Vh = svd([[3, 0], [4, 5]])
    >>> np.round(S ** 2, 10)
    array([45.,  5.])
    >>> np.allclose(U * S @ Vh, [[3, 0], [4, 5]])
    True
    >>> np.round(svd([[1, 2], [2, 4]], compute_uv=False), 10)
    array([5., 0.])
    """
    if hermitian:
        return _hermitian_svd(a, compute_uv)
    A, dtype = matrix(a)
    M, N = A.shape
    if min(M, N) == 0:
        return _empty_svd(M, N, full_matrices, compute_uv, dtype)
    # Steps 1–5, on Aᵀ if A is wide (then U and V trade places).
    if M >= N:
        U, S, Vh = _svd_tall(A, full_matrices, compute_uv)
    else:
        V, S, Uh = _svd_tall(A.T, full_matrices, compute_uv)
        U, Vh = (None, None) if V is None else (Uh.T, V.T)
    if not compute_uv:
        return S.astype(dtype, copy=False)
    # Step 6: one sign per singular pair, then the completing vectors on their own
    # (S was unscaled in step 5; + 0.0 turns −0.0 into 0.0).
    # (in place: U and Vh are this call's own arrays, made C-ordered where a transpose)
    K = S.size
    U, Vh = np.ascontiguousarray(U), np.ascontiguousarray(Vh)
    sign = _largest_entry_positive(Vh[:K].T)
    U[:, K:] *= _largest_entry_positive(U[:, K:])
    U[:, :K] *= sign
    Vh[K:] *= _largest_entry_positive(Vh[K:].T)[:, None]
    Vh[:K] *= sign[:, None]
    U += 0.0
    Vh += 0.0
    # (the answer in the input's precision: float32 for float32, as NumPy)
    return SVDResult(U.astype(dtype, copy=False), S.astype(dtype, copy=False),
                     Vh.astype(dtype, copy=False))


def pinv(a: ArrayLike, rcond: float | None = None, hermitian: bool = False, *,
         rtol: float | None = None) -> NDArray[np.float64]:
    r"""Moore–Penrose pseudo-inverse, from the SVD with small singular values dropped.

    .. math::

        A^+ = V \Sigma^+ U^\mathsf{T}, \qquad
        \Sigma^+_{ii} = \begin{cases} 1/\sigma_i & \sigma_i > \text{rcond}\cdot\sigma_1 \\
        0 & \text{otherwise.} \end{cases}

    Parameters
    ----------
    a : (M, N) array_like
        Real matrix.
    rcond : float, optional
        Relative cutoff: singular values ≤ rcond·σ_max are treated as zero. Default
        1e-15 (NumPy's default).
    hermitian : bool, optional
        If True, `a` is taken to be symmetric and its SVD comes from `eigh`.
    rtol : float, optional
        The Array API name for `rcond`; only one of the two may be given. (NumPy's
        ``rtol=None``, which asks for max(M, N)·eps, is not available here: our
        ``rtol=None`` means "not given".)

    Returns
    -------
    B : (N, M) ndarray of float64
        The pseudo-inverse; float32 for float32 input (as NumPy).

    Raises
    ------
    numpy.linalg.LinAlgError
        If `a` is not two-dimensional (or not square with `hermitian`).
    ValueError
        If both `rcond` and `rtol` are given, or `a` contains NaN or inf.
    TypeError
        If `a` is complex, float16 or long double (as NumPy), or not numbers.

    Notes
    -----
    *Algorithm*:

    1. Resolve the cutoff ratio: `rcond`, else `rtol`, else 1e-15.
    2. Thin SVD ``A = U Σ Vᵀ`` (`svd`).
    3. Invert the singular values above rcond·σ_max, zero the others, and form
       ``V Σ⁺ Uᵀ``.

    *Complexity*: that of the SVD plus 2MNK flops for the product.

    *Numerical stability*: dropping singular values below the cutoff bounds ‖A⁺‖ by
    1/(rcond·σ_max); singular values just above the cutoff make A⁺ sensitive.

    References
    ----------
    Golub & Van Loan, *Matrix Computations*, 4th ed., §5.5.2 (the pseudo-inverse).

    Checked against ``reference.linalg.pinv`` → ``numpy.linalg.pinv``: equal to a
    relative error of order cond(A)·eps when no singular value is near the cutoff.

    Examples
    --------
    >>> np.round(pinv([[1, 2], [2, 4]]), 10)
    array([[0.04, 0.08],
           [0.08, 0.16]])
    """
    # Step 1: NumPy's rules for the two names of the cutoff.
    rcond, rtol = real_parameter(rcond, "rcond"), real_parameter(rtol, "rtol")
    if rcond is None:
        rcond = 1e-15 if rtol is None else rtol
    elif rtol is not None:
        raise ValueError("`rtol` and `rcond` can't be both set.")
    A, dtype = matrix(a)
    M, N = A.shape
    if A.size == 0:  # NumPy's: an empty array of the input's own dtype
        return np.zeros((N, M), np.asarray(a).dtype)
    # Step 2: the thin SVD (steps 1–5 of `svd`: its sign convention does not change
    # V Σ⁺ Uᵀ, each pair's two flips cancelling).
    if hermitian:
        U, s, Vh = svd(A, full_matrices=False, hermitian=True)
    elif M >= N:
        U, s, Vh = _svd_tall(A, full_matrices=False)
    else:
        V, s, Uh = _svd_tall(A.T, full_matrices=False)
        U, Vh = Uh.T, V.T
    # Step 3: invert only the singular values above the cutoff.
    large = s > rcond * np.max(s)
    s_plus = np.divide(1.0, s, out=np.zeros_like(s), where=large)
    return (Vh.T @ (s_plus[:, None] * U.T)).astype(dtype, copy=False)


def _tall_lstsq(A: NDArray[np.float64], B: NDArray[np.float64], rcond: float):
    """Steps 2 and 3 of `lstsq` for M ≥ N ≥ 1 without forming U or V: (x, s, r).

    With ``A = U₁ B V₁ᵀ`` (`_bidiagonalize`) and ``B = U_B Σ V_Bᵀ``, the solution
    ``x = V₁ V_B,r Σ_r⁻¹ U_B,rᵀ (U₁ᵀ b)₁:N`` needs the reflectors applied to b from the
    left (``U₁ᵀ b``) and to the N×K vector ``V_B y`` from the right: matrix-vector work
    instead of the two back-transformations of `svd`.
    """
    N = A.shape[1]
    scale = _power_of_two_scale(float(np.max(np.abs(A))))
    d, f, (VL, betaL), (VR, betaR) = _bidiagonalize(A * scale)
    s, U_B, V_B = _bidiagonal_svd(d, f, True)
    s = s / scale
    r = int(np.count_nonzero(~(s <= rcond * s[0])))
    c = _apply_reflectors_transposed(VL, betaL, B)[:N]
    y = (U_B[:, :r].T @ c) / s[:r, None]
    return _apply_reflectors(VR, betaR, V_B[:, :r] @ y), s, r


def lstsq(a: ArrayLike, b: ArrayLike, rcond: float | None = None):
    r"""Minimum-norm least-squares solution of ``A x ≈ b``, from the SVD.

    .. math::

        x = \arg\min_{x} \lVert A x - b \rVert_2 \text{ of least } \lVert x \rVert_2
          = \sum_{\sigma_i > \text{rcond}\,\sigma_1} \frac{u_i^\mathsf{T} b}{\sigma_i}\, v_i.

    Parameters
    ----------
    a : (M, N) array_like
        Coefficient matrix.
    b : (M,) or (M, K) array_like
        Right-hand side(s).
    rcond : float, optional
        Singular values ≤ rcond·σ_max are treated as zero. Default eps·max(M, N);
        outside (0, 1) it means LAPACK's unit roundoff eps/2 (``gelsd``'s rule, which
        NumPy inherits: rcond = 0, 1, −1 or inf all mean eps/2); NaN keeps every value.

    Returns
    -------
    x : (N,) or (N, K) ndarray of float64
        The least-squares solution(s), shaped like `b`.
    residuals : (1,), (K,) or (0,) ndarray of float64
        ‖b − A x‖² for each column of `b` (shape (1,) for a 1-D `b`); empty unless the
        rank is N and M > N.
    rank : numpy.int32
        The numerical rank of `a` (the number of singular values above the cutoff).
    s : (min(M, N),) ndarray of float64
        The singular values of `a`, descending. x, residuals and s are float32 when both
        `a` and `b` are float32 (NumPy's rule; computed in float64, rounded at the end).

    Raises
    ------
    numpy.linalg.LinAlgError
        If `a` is not two-dimensional, or `b` is not 1-D or 2-D or its rows do not match
        the rows of `a` (NumPy's "Incompatible dimensions", with both shapes; LinAlgError
        is a ValueError, the contract's class for a shape mismatch).
    ValueError
        If either contains NaN or inf.
    TypeError
        If `a` or `b` is complex, float16 or long double (as NumPy), or not numbers.

    Notes
    -----
    *Algorithm*:

    1. Check the shapes; view a 1-D b as one column.
    2. Thin SVD ``A = U Σ Vᵀ`` and the rank r = #{σ_i > rcond·σ_max}.
    3. ``x = V_r Σ_r⁻¹ U_rᵀ b`` with the first r singular triplets.
    4. Residual sums of squares ‖b − A x‖² per column when r = N < M.

    For M ≥ N, steps 2 and 3 never form U or V: with ``A = U₁ B V₁ᵀ`` and
    ``B = U_B Σ V_Bᵀ`` (steps 2–4 of `svd`), ``x = V₁ (V_B,r Σ_r⁻¹ U_B,rᵀ (U₁ᵀ b)₁:N)``,
    the reflectors of U₁ applied to b and those of V₁ to the N×K result.

    *Complexity*: that of the SVD plus O((M + N)·N·K) for the products.

    *Numerical stability*: the truncated SVD solution is the most stable way to solve a
    rank-deficient or ill-conditioned least-squares problem; its error grows like
    cond(A)·eps (and cond(A)²·eps for problems with a large residual).

    References
    ----------
    Golub & Van Loan, *Matrix Computations*, 4th ed., §5.5 (rank-deficient least
    squares, the SVD solution); Trefethen & Bau, Lecture 11.

    Checked against ``reference.linalg.lstsq`` → ``numpy.linalg.lstsq`` (LAPACK dgelsd):
    equal to a relative error of order cond(A)·eps; residuals equal to rounding.

    Examples
    --------
    >>> A = [[0, 1], [1, 1], [2, 1], [3, 1]]
    >>> x, residuals, rank, s = lstsq(A, [-1, 0.2, 0.9, 2.1])
    >>> np.round(x, 10), np.round(residuals, 10), int(rank)
    (array([ 1.  , -0.95]), array([0.05]), 2)
    """
    # Step 1: shapes, NumPy's LinAlgError ("Incompatible dimensions") naming both.
    rcond = real_parameter(rcond, "rcond")
    A, _ = matrix(a)
    B, b_arr = right_hand_side(b, A, function="Incompatible dimensions in lstsq",
                               error=LinAlgError)
    dtype = result_dtype(np.asarray(a), b_arr)
    B = B[:, None] if B.ndim == 1 else B
    M, N = A.shape
    if rcond is None:
        rcond = _EPS * max(M, N)
    elif rcond <= 0 or rcond >= 1:  # (NaN is neither)
        rcond = _EPS / 2  # LAPACK's gelsd: its unit roundoff
    # Step 2: the SVD and the numerical rank (σ_i ≤ rcond·σ_1 dropped: LAPACK's test, under
    # which a NaN rcond drops nothing).
    if M >= N > 0:
        x, s, r = _tall_lstsq(A, B, rcond)
    else:
        U, s, Vh = svd(A, full_matrices=False)
        r = int(np.count_nonzero(~(s <= rcond * s[0]))) if s.size else 0
        # Step 3: x = V_r Σ_r⁻¹ U_rᵀ b.
        x = Vh[:r].T @ ((U[:, :r].T @ B) / s[:r, None])
    # Step 4: residuals only for a full-rank overdetermined problem (LAPACK's convention).
    if r == N and M > N:
        residuals = np.sum((B - A @ x) ** 2, axis=0)
    else:
        residuals = np.zeros(0)
    if b_arr.ndim == 1:
        x = x[:, 0]
    return (x.astype(dtype, copy=False), residuals.astype(dtype, copy=False), np.int32(r),
            s.astype(dtype, copy=False))
