r"""The multishift QR sweep on an upper Hessenberg matrix: many small bulges chased together.

`eig` and `eigvals` (in ``_eig``) drive a large Hessenberg matrix to real Schur form with
the *small-bulge multishift* QR algorithm (Braman, Byers & Mathias 2002; LAPACK's
``dlaqr0``/``dlaqr5``). A Francis double-shift step makes one 3×3 "bulge" below the
subdiagonal and chases it down one row at a time: for a matrix of order n that is n Python
steps per two shifts. Here a sweep uses ``2·nb`` shifts at once: nb bulges follow each
other down the diagonal, 4 rows apart, and each Python step moves *every* bulge of the
chain one row — their 3×3 reflectors are computed and applied together, as batched
products on arrays of shape (nb, 3, ·) (views of the rows and columns involved). The
number of Python steps per sweep is about n + 4·nb instead of nb·n.

What it buys, measured (one BLAS thread): a multishift step costs several times a
double-shift step (it moves more data), and the shifts — the eigenvalues of a trailing
window, found by early deflation — cost a double-shift iteration on the window; the
balance favours the multishift iteration only for blocks of order above ~100
(``_eig._NMIN``), by ~10% at n = 200 and ~30% at n = 400 for `eigvals`.

Why 4 rows apart: the reflector of a bulge at row p acts on rows p..p+2 (from the left)
and columns p..p+2 (from the right, on rows up to p+3), and is computed from column p−1.
With a spacing of 4 no bulge's update touches the rows, the columns or the column p−1 that
another bulge of the same step reads or writes (left and right updates overlap only where
they commute), so doing all the reflectors of one step at once gives the same
transformation as doing them one after the other.

Private helpers for ``_eig``:

- ``_reflectors3(X) -> (beta, u, tau_u)``: LAPACK's ``dlarfg`` for many vectors of
  length 3 at once (the rows of X).
- ``_first_columns(H, l, shifts) -> (x, y, z)``: first column of (H − σ₁I)(H − σ₂I) at
  row l for each shift pair (``dlaqr1``), scaled.
- ``_multishift_sweep(C, H, l, i, shifts, row_start, col_end)``: one sweep on the active
  block l..i.
"""
from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from ._householder import _householder_vector

__all__: list[str] = []

# x·x loses no precision to underflow (nor overflows) when ‖x‖ is between these.
_SQUARES_SAFE_LOW, _SQUARES_SAFE_HIGH = 1e-145, 1e145
# Rows between consecutive bulges of a chain (see the module docstring).
_SPACING = 4


def _reflectors3(X: NDArray[np.float64]):
    r"""Reflectors ``G = I − τ u uᵀ``, u = (1, v₂, v₃), with ``G x = (β, 0, 0)ᵀ``, for each
    row x = (α, x₂, x₃) of X (k, 3).

    Vectorised ``dlarfg``: β = −sign(α)‖x‖, τ = (β − α)/β, (v₂, v₃) = (x₂, x₃)/(α − β).
    Where x₂ = x₃ = 0 this is still a reflector (τ = 2, β = −α: G flips the sign of the
    first row), except for the zero vector, which gets G = I. Returns (β, u, τu), u and
    τu as (k, 3) arrays.
    """
    alpha = X[:, 0]
    norm = np.sqrt(np.einsum("ij,ij->i", X, X))
    if not (norm.min() >= _SQUARES_SAFE_LOW and norm.max() <= _SQUARES_SAFE_HIGH):
        return _reflectors3_careful(X)
    beta = -np.copysign(norm, alpha)
    d = alpha - beta
    u = X / d[:, None]
    u[:, 0] = 1.0
    return beta, u, u * (-d / beta)[:, None]


def _reflectors3_careful(X: NDArray[np.float64]):
    """`_reflectors3` one by one with `_householder_vector` (zeros, under- and overflow)."""
    k = X.shape[0]
    beta, u, tu = np.empty(k), np.zeros((k, 3)), np.zeros((k, 3))
    for j in range(k):
        v, tau, beta[j] = _householder_vector(X[j].copy())
        u[j] = v
        tu[j] = tau * v
    return beta, u, tu


def _first_columns(H: NDArray[np.float64], l: int, shifts: NDArray[np.float64]):
    r"""``(H − σ₁I)(H − σ₂I) e_l`` for each shift pair, rows l..l+2, each scaled (``dlaqr1``).

    `shifts` is (nb, 4): (Re σ₁, Im σ₁, Re σ₂, Im σ₂) per bulge, each pair either complex
    conjugate or two reals, so that the product is real. Only rows l..l+2 are nonzero:

        x = (h₁₁ − σ₁)(h₁₁ − σ₂) + h₁₂h₂₁,  y = h₂₁(h₁₁ + h₂₂ − σ₁ − σ₂),  z = h₂₁h₃₂,

    computed after dividing by s = |h₁₁ − σ₂| + |h₂₁| against overflow.
    """
    sr1, si1, sr2, si2 = shifts.T
    h11, h21, h12, h22, h32 = H[l, l], H[l + 1, l], H[l, l + 1], H[l + 1, l + 1], H[l + 2, l + 1]
    s = np.abs(h11 - sr2) + np.abs(si2) + abs(h21)
    s = np.where(s == 0.0, 1.0, s)
    h21s = h21 / s
    x = h21s * h12 + (h11 - sr1) * ((h11 - sr2) / s) - si1 * (si2 / s)
    y = h21s * (h11 + h22 - sr1 - sr2)
    z = h21s * h32
    return x, y, z


def _multishift_sweep(C: NDArray[np.float64], H: NDArray[np.float64], l: int, i: int,
                      shifts: NDArray[np.float64], row_start: int, col_end: int) -> None:
    r"""One small-bulge multishift QR sweep on the active block ``H[l:i+1, l:i+1]``, in place.

    Parameters
    ----------
    C : (n + 4, ≥ n + 4) ndarray
        ``[H | Zᵀ]`` (or H alone) with 4 rows of zeros below (and H with 4 columns of
        zeros right of it), C-contiguous (the bulge columns are written through a flat
        view): the left (row) updates act on its columns l..col_end−1.
    H : (n + 4, n + 4) ndarray
        The view ``C[:, :n+4]``, upper Hessenberg with ``H[l, l−1] = 0``; the right
        (column) updates act on its rows row_start..
    l, i : int
        The active block, inclusive, of order ≥ 4.
    shifts : (nb, 4) ndarray
        One pair of shifts per bulge (see `_first_columns`), the first pair introduced
        first.

    Notes
    -----
    Step t moves bulge b (introduced at step 4b) to row p = l + t − 4b. There it is the
    3×3 reflector G_b that maps (α, x₂, x₃) = H[p:p+3, p−1] onto (β, 0, 0) — at p = l
    the first column of (H − σ₁I)(H − σ₂I), which creates the bulge — applied as
    ``H[p:p+3, :] ← G_b H[p:p+3, :]`` and ``H[:, p:p+3] ← H[:, p:p+3] G_b``. At p = i − 1
    the bulge leaves through a 2×2 reflector.

    The rows of the moving bulges, p, p+4, p+8, …, are rows p..p+4k−1 of C taken 4 at a
    time: the reshaped view ``C[p:p+4k].reshape(k, 4, ·)[:, :3]`` holds every bulge's
    three rows (the zero padding keeps p+4k within C), so each side's update is one
    batched product written in place.
    """
    nb = shifts.shape[0]
    x0, y0, z0 = _first_columns(H, l, shifts)
    # Flat positions in C of H[p, p−1], H[p+1, p−1], H[p+2, p−1] for the bulges at rows
    # p0, p0+4, …, relative to the first one's: the bulge columns in one gather.
    N = C.shape[1]
    Cf = C.reshape(-1)
    if not np.shares_memory(Cf, C):
        raise ValueError("_multishift_sweep needs a C-contiguous work array")
    bulge_cols = (_SPACING * (N + 1) * np.arange(nb))[:, None] + np.array([0, N, 2 * N])
    for t in range(i - l + _SPACING * (nb - 1)):
        # Bulges b_lo..b_hi are at rows p = l + t − 4b in l..i−2 (3×3 reflectors).
        b_hi = min(nb - 1, t // _SPACING)
        b_lo = max(0, -((i - 2 - l - t) // _SPACING))
        if b_lo <= b_hi:
            k = b_hi - b_lo + 1
            p0 = l + t - _SPACING * b_hi                # the rearmost bulge's row
            at = bulge_cols[:k] + (p0 * (N + 1) - 1)      # bulge b_hi − j: column p−1
            src = Cf[at]                                 # (k, 3): (α, x₂, x₃) each
            if p0 == l:                                  # bulge b_hi is new: its first column
                if b_hi > 0:
                    x0, y0, z0 = _first_columns(H, l, shifts)
                src[0] = x0[b_hi], y0[b_hi], z0[b_hi]
            beta, u, tu = _reflectors3(src)
            top, bottom = p0, p0 + _SPACING * k
            # Left: rows p..p+2 of C (H and Zᵀ), columns l..col_end−1.
            R = C[top:bottom, l:col_end].reshape(k, _SPACING, -1)[:, :3]
            R -= tu[:, :, None] * np.matmul(u[:, None, :], R)
            # The bulge columns p−1 become (β, 0, 0) exactly (not the new bulge's: p = l).
            src[:, 0], src[:, 1:] = beta, 0.0
            if p0 == l:
                at, src = at[1:], src[1:]
            Cf[at] = src
            # Right: columns p..p+2 of H, rows row_start..min(max p + 3, i).
            last = min(p0 + _SPACING * (k - 1) + 3, i) + 1
            K = H[row_start:last, top:bottom].T.reshape(k, _SPACING, -1)[:, :3]
            K -= tu[:, :, None] * np.matmul(u[:, None, :], K)
        b_out = t - (i - 1 - l)
        if b_out >= 0 and b_out % _SPACING == 0 and b_out // _SPACING < nb:
            _leave(C, H, l, i, row_start, col_end)


def _leave(C: NDArray[np.float64], H: NDArray[np.float64], l: int, i: int,
           row_start: int, col_end: int) -> None:
    """The last step of a bulge: a 2×2 reflector on rows/columns i−1, i."""
    k = i - 1
    x = np.array([[H[k, k - 1], H[k + 1, k - 1], 0.0]])
    if x[0, 1] != 0.0:
        beta, u, tu = _reflectors3(x)
        G = np.eye(2) - tu[0, :2, None] * u[0, None, :2]
        C[k:k + 2, l:col_end] = G @ C[k:k + 2, l:col_end]
        H[row_start:i + 1, k:k + 2] = H[row_start:i + 1, k:k + 2] @ G
        H[k, k - 1], H[k + 1, k - 1] = beta[0], 0.0
