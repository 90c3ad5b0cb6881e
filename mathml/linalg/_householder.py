r"""Householder reflections: the one reflector that QR, tridiagonalisation, Hessenberg
reduction and bidiagonalisation are all built from.

In Golub & Van Loan's notation (*Matrix Computations*, 4th ed., Algorithm 5.1.1) a
reflector is

.. math::

    P = I - \beta v v^\mathsf{T}, \qquad v_0 = 1, \qquad \beta = 2 / v^\mathsf{T} v,

chosen so that ``P x = α e₁`` with ``|α| = ‖x‖₂``. P is symmetric and orthogonal (a
mirror through the hyperplane orthogonal to v).

Private helpers other modules may import:

- ``_householder_vector(x) -> (v, beta, alpha)``: the reflector of one vector.
- ``_householder_into(x, out) -> (beta, alpha)``: the same, v written into `out`.
- ``_wy_factor(V, beta) -> T``: ``H₀ H₁ ⋯ H_{k−1} = I − V T Vᵀ`` (compact WY form).
- ``_apply_reflectors(V, beta, C) -> H₀ H₁ ⋯ H_{k−1} C``, through the compact WY form.
- ``_apply_reflectors_transposed(V, beta, C) -> H_{k−1} ⋯ H₁ H₀ C``, the same transposed.
- ``_orthonormal_basis(X, complete=False, *, polar=False) -> Q``: an orthonormal basis of
  span(X), by Householder QR (R's diagonal ≥ 0) or, for nearly orthonormal X, by its
  polar factor.
- ``_norm2(x)``: the Euclidean norm without overflow or underflow.
"""
from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

__all__: list[str] = []

# dlamch('S') / dlamch('E'): below this a reflector's α is rescaled before use (dlarfg).
_SAFMIN = float(np.finfo(np.float64).tiny / (np.finfo(np.float64).eps / 2))
# x·x is trusted for ‖x‖₂ between these bounds; outside them it may over- or underflow.
_SUMSQ_LOW, _SUMSQ_HIGH = 1e-290, 1e290
# Reflectors per block of the compact WY form in `_apply_reflectors`.
_PANEL = 32
# Newton–Schulz steps at most in `_polar_factor`; from the ≤ 1e-3 departure from
# orthogonality that `_svd` allows, three reach rounding level.
_POLAR_ITERATIONS = 8


def _norm2(x: NDArray[np.float64]) -> float:
    """Euclidean norm of a vector without overflow or underflow (scaled only when needed)."""
    s = float(np.vdot(x, x))  # vdot, unlike @, does not warn when x·x overflows
    if _SUMSQ_LOW < s < _SUMSQ_HIGH:
        return math.sqrt(s)
    scale = float(np.max(np.abs(x))) if x.size else 0.0
    if scale == 0.0:
        return 0.0
    y = x / scale
    return scale * math.sqrt(float(np.vdot(y, y)))


def _householder_vector(x: NDArray[np.float64]) -> tuple[NDArray[np.float64], float, float]:
    r"""The reflector ``P = I − β v vᵀ`` that maps `x` onto ``α e₁``.

    .. math::

        P x = \alpha e_1, \qquad \alpha = -\operatorname{sign}(x_0)\,\lVert x \rVert_2,
        \qquad v = \frac{x - \alpha e_1}{x_0 - \alpha}, \qquad
        \beta = \frac{2}{v^\mathsf{T} v} = \frac{\alpha - x_0}{\alpha}.

    Parameters
    ----------
    x : (L,) ndarray of float64, L ≥ 1
        Not modified.

    Returns
    -------
    v : (L,) ndarray of float64
        A new array with ``v[0] == 1``.
    beta : float
        β ∈ [1, 2], or 0 when the tail ``x[1:]`` is already zero (then P = I, nothing is
        reflected, and α = x₀ keeps its sign).
    alpha : float
        The entry that replaces x₀ (a diagonal entry of R in QR, an off-diagonal entry of
        the tridiagonal, Hessenberg or bidiagonal form).

    Notes
    -----
    *Sign convention*: α = −sign(x₀)‖x‖₂, LAPACK's ``dlarfg`` (its "beta" is our α, its
    "tau" our β). Golub & Van Loan's Algorithm 5.1.1 sends x to +‖x‖₂ e₁ and computes
    v₀ = x₀ − ‖x‖ by a cancellation-free formula; taking α opposite in sign to x₀ makes
    x₀ − α a sum of like-signed numbers directly (§5.1.3), and is what makes our factors
    equal NumPy's with their signs. sign is Fortran's SIGN, which follows the sign bit:
    x₀ = −0.0 gives α > 0.

    The arithmetic is ``dlarfg``'s, in its order (‖x₁:‖ first, then
    α = −sign(x₀)·hypot(x₀, ‖x₁:‖), β = (α − x₀)/α, v₁: = x₁: · (1/(x₀ − α))), so that QR
    and the Hessenberg reduction keep LAPACK's rounding. When |α| is below
    ``dlamch('S')/dlamch('E')`` the vector is rescaled by powers of two (exact) and the
    norm recomputed, as ``dlarfg`` does, so that tiny columns keep their relative accuracy.

    References
    ----------
    Golub & Van Loan, *Matrix Computations*, 4th ed., §5.1.2–5.1.3, Algorithm 5.1.1.
    """
    v = np.empty_like(x, dtype=np.float64)
    beta, alpha = _householder_into(x, v)
    return v, beta, alpha


def _householder_into(x: NDArray[np.float64], out: NDArray[np.float64]) -> tuple[float, float]:
    """`_householder_vector` writing v into `out` (a view of x's length, which may be x
    itself): returns (beta, alpha). The same arithmetic, without allocating v, for the
    column loops of the blocked reductions, which keep their reflectors in a work array."""
    x0 = float(x[0])
    tail = x[1:]
    tail_norm = _norm2(tail)
    if tail_norm == 0.0:
        out[1:] = tail                   # zeros, kept as they were (dlarfg leaves x alone)
        out[0] = 1.0
        return 0.0, x0
    alpha = -math.copysign(math.hypot(x0, tail_norm), x0)
    rescalings = 0
    if abs(alpha) < _SAFMIN:
        # α may be inaccurate: scale up by 1/safmin (a power of 2) until it is not.
        tail = tail.copy()
        while True:
            rescalings += 1
            tail *= 1.0 / _SAFMIN
            alpha *= 1.0 / _SAFMIN
            x0 *= 1.0 / _SAFMIN
            if abs(alpha) >= _SAFMIN or rescalings >= 20:
                break
        alpha = -math.copysign(math.hypot(x0, _norm2(tail)), x0)
    beta = (alpha - x0) / alpha
    np.multiply(tail, 1.0 / (x0 - alpha), out=out[1:])
    out[0] = 1.0
    for _ in range(rescalings):
        alpha *= _SAFMIN
    return beta, alpha


def _wy_factor(V: NDArray[np.float64], beta: NDArray[np.float64]) -> NDArray[np.float64]:
    """Upper-triangular T with ``H₀ H₁ ⋯ H_{k−1} = I − V T Vᵀ`` (compact WY form).

    V holds the reflector vectors v_j as columns, beta their β_j (Golub & Van Loan §5.1.6;
    Schreiber & Van Loan 1989): LAPACK's ``dlarft`` (forward, columnwise). The inner
    products ``Vᵀ V`` are computed once, by one ``@``.

    Column by column, (I − V T Vᵀ)(I − β v vᵀ) adds the column −β T (Vᵀ v) and the
    diagonal entry β. The same T is built here by doubling: two consecutive blocks of
    reflectors with factors T₁ and T₂ combine into

        T = [[T₁, −T₁ (V₁ᵀ V₂) T₂], [0, T₂]],

    so blocks of 1, 2, 4, … reflectors are paired, every pair of a level at once (stacked
    matrix products): log₂ k steps of a few numpy calls instead of k.
    """
    k = beta.size
    size = 1 << max(k - 1, 0).bit_length()       # k padded to a power of 2 (β = 0: inert)
    S = np.zeros((size, size))
    S[:k, :k] = V.T @ V
    T = np.zeros((size, size))
    T[np.arange(k), np.arange(k)] = beta
    b = 1
    while b < size:
        # the pairs of diagonal b×b blocks (block i of T4 = T's rows and columns ib…ib+b−1)
        m = size // b
        first, second = np.arange(0, m, 2), np.arange(1, m, 2)
        T4, S4 = T.reshape(m, b, m, b), S.reshape(m, b, m, b)
        T1, T2 = T4[first, :, first, :], T4[second, :, second, :]
        T4[first, :, second, :] = -(T1 @ S4[first, :, second, :] @ T2)
        b *= 2
    return T[:k, :k]


def _apply_reflectors(V: NDArray[np.float64], beta: NDArray[np.float64],
                      C: NDArray[np.float64]) -> NDArray[np.float64]:
    """``H₀ H₁ ⋯ H_{k−1} C`` with ``H_j = I − β_j v_j v_jᵀ`` (v_j = column j of V)."""
    C = np.array(C, dtype=np.float64)
    # panels of reflectors, last panel first; each panel is three matrix products instead
    # of _PANEL rank-1 updates. (One panel for all k would be faster, but T can grow
    # large when many reflectors are nearly parallel, and then C loses orthogonality.)
    # Each panel acts only on the rows from its first nonzero one on (the reflectors of a
    # factorisation are zero above their own row): fewer flops for the later panels.
    for p in reversed(range(0, beta.size, _PANEL)):
        Vp = V[:, p:p + _PANEL]
        r = int(np.argmax(np.any(Vp != 0.0, axis=1)))
        Vp = Vp[r:]
        C[r:] -= Vp @ (_wy_factor(Vp, beta[p:p + _PANEL]) @ (Vp.T @ C[r:]))
    return C


def _apply_reflectors_transposed(V: NDArray[np.float64], beta: NDArray[np.float64],
                                 C: NDArray[np.float64]) -> NDArray[np.float64]:
    """``(H₀ H₁ ⋯ H_{k−1})ᵀ C = H_{k−1} ⋯ H₀ C``: `_apply_reflectors` transposed, panels in
    order, each ``I − V Tᵀ Vᵀ`` (so Qᵀb costs matrix-vector products, Q is never formed)."""
    C = np.array(C, dtype=np.float64)
    for p in range(0, beta.size, _PANEL):
        Vp = V[:, p:p + _PANEL]
        r = int(np.argmax(np.any(Vp != 0.0, axis=1)))
        Vp = Vp[r:]
        C[r:] -= Vp @ (_wy_factor(Vp, beta[p:p + _PANEL]).T @ (Vp.T @ C[r:]))
    return C


def _orthonormal_basis(X: NDArray[np.float64], complete: bool = False, *,
                       polar: bool = False) -> NDArray[np.float64]:
    """An orthonormal basis of span(X) (m×k), completed to all of ℝᵐ if `complete`.

    Two choices of basis, both column for column tied to X:

    - ``polar=False``: Q of the Householder QR ``X = Q R`` with R's diagonal ≥ 0. Column
      j of Q is column j of X made orthogonal to the columns before it (the Gram–Schmidt
      order, computed stably). Reflectors are made a panel at a time; each panel then
      updates the columns to its right at once.
    - ``polar=True``, for X whose columns are already nearly orthogonal (computed singular
      vectors): the orthogonal polar factor of X with unit columns, the orthonormal matrix
      nearest to it, by Newton–Schulz steps ``X ← X (I − ½(XᵀX − I))``. The correction is
      symmetric, so each column changes only by multiples of the others, and it converges
      quadratically from a small departure; past a departure of 0.1 the QR basis is used.

    With ``complete=True`` the result is m×m: its last m − k columns are an orthonormal
    basis of the complement of span(X), from the QR of the basis.
    """
    if polar:
        Q = _polar_factor(X)
        if not complete or Q.shape[1] == Q.shape[0]:
            return Q
        return np.concatenate((Q, _orthonormal_basis(Q, complete=True)[:, Q.shape[1]:]),
                              axis=1)
    m, k = X.shape
    p = min(m, k)
    R = np.array(X, dtype=np.float64)
    V = np.zeros((m, p))
    beta = np.zeros(p)
    sign = np.ones(p)
    for p0 in range(0, p, _PANEL):
        p1 = min(p0 + _PANEL, p)
        for i in range(p0, p1):
            v, b, alpha = _householder_vector(R[i:, i])
            if b:
                R[i:, i + 1:p1] -= (b * v)[:, None] * (v @ R[i:, i + 1:p1])
            V[i:, i], beta[i] = v, b
            sign[i] = -1.0 if alpha < 0 else 1.0
        # (H_p0 ⋯ H_p1−1)ᵀ = I − V Tᵀ Vᵀ on the remaining columns
        Vp = V[:, p0:p1]
        R[:, p1:] -= Vp @ (_wy_factor(Vp, beta[p0:p1]).T @ (Vp.T @ R[:, p1:]))
    Q = _apply_reflectors(V, beta, np.eye(m, m if complete else p))
    # a negative R_ii would have pointed column i of Q against column i of X
    Q[:, :p] *= sign
    return Q


def _polar_factor(X: NDArray[np.float64]) -> NDArray[np.float64]:
    """X (m×k, nearly orthogonal columns) normalised, then made orthonormal (Newton–Schulz)."""
    X = X / np.sqrt(np.einsum("ij,ij->j", X, X))
    k = X.shape[1]
    for _ in range(_POLAR_ITERATIONS):
        G = X.T @ X
        G.flat[::k + 1] -= 1.0                               # XᵀX − I
        departure = max(float(np.max(G, initial=0.0)), -float(np.min(G, initial=0.0)))
        if departure > 0.1:  # too far from orthogonal for Newton–Schulz: plain QR
            return _orthonormal_basis(X)
        correction = X @ G                                   # (in place: X is our own)
        correction *= 0.5
        X -= correction
        if departure < 1e-8:  # the step just taken left ~1e-16
            break
    return X
