r"""The multishift QR sweep on an upper Hessenberg matrix: many small bulges chased together.

`eig` and `eigvals` (in ``_eig``) drive a large Hessenberg matrix to real Schur form with
the *small-bulge multishift* QR algorithm (Braman, Byers & Mathias 2002; LAPACK's
``dlaqr0``/``dlaqr5``). A Francis double-shift step makes one 3×3 "bulge" below the
subdiagonal and chases it down one row at a time: for a matrix of order n that is n Python
steps per two shifts. Here a sweep uses ``2·nb`` shifts at once: nb bulges follow each
other down the diagonal, 4 rows apart, and each Python step moves *every* bulge of the
chain one row — their 3×3 reflectors are computed and applied together, as batched
products on arrays of shape (nb, 3, ·) (views of the rows and columns involved). The
number of Python steps per sweep is about n + 4·nb instead of nb·n. The steps run inside
a window a few chains long (LAPACK's ``dlaqr5``): each step touches only the window, and
the rest of H (and Z) receives the window's accumulated orthogonal factor with one ``@``
per side, so a step's cost does not grow with n.

What it buys, measured (one BLAS thread): a multishift step costs several times a
double-shift step (≈ 45 µs for 19 bulges against ≈ 4.5 µs for one: about half the cost
per bulge moved), and the shifts — the eigenvalues of a trailing window, found by early
deflation — cost a double-shift iteration on the window; the balance favours the
multishift iteration only for blocks of order above ~100 (``_eig._NMIN``). At n = 200
the time of `eigvals` is about a third in multishift sweeps, a third in the early
deflation windows and a third in the double-shift iteration on the last block of order
≤ 100 — each a few thousand sequential numpy steps.

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
- ``_multishift_sweep(H, Zt, l, i, shifts, row_start, col_end)``: one sweep on the
  active block l..i.
"""
from __future__ import annotations

import math

import numpy as np
from numpy.lib.stride_tricks import as_strided
from numpy.typing import NDArray

from ._householder import _householder_vector

__all__: list[str] = []

# x·x loses no precision to underflow (nor overflows) when ‖x‖ is between these.
_SQUARES_SAFE_LOW, _SQUARES_SAFE_HIGH = 1e-145, 1e145
# Rows between consecutive bulges of a chain (see the module docstring).
_SPACING = 4
# A sweep's steps are taken in runs of this many per bulge, each inside one window.
_WINDOW_STEPS = 3
_IDENTITY3 = np.eye(3)
# Steps with at most this many bulges compute their reflectors in Python floats.
_SCALAR_BULGES = 8
# dlarfg rescales a reflector whose β is below this (dlamch('S') / dlamch('E')).
_TINY_BETA = float(np.finfo(np.float64).tiny) / (float(np.finfo(np.float64).eps) / 2)


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


def _reflector_matrices(X: NDArray[np.float64]):
    r"""The 3×3 reflectors ``G = I − τ u uᵀ`` of `_reflectors3`, as matrices (k, 3, 3).

    With v = x − β e₁ (so u = v / (α − β)) and τ = (β − α)/β, ``τ u uᵀ = −v vᵀ / (β (α − β))``:
    G is one outer product away from the identity, and applying all k of them to their
    three rows is one batched ``@``. Returns (β, G).
    """
    alpha = X[:, 0]
    norm = np.sqrt(np.einsum("ij,ij->i", X, X))
    if not (norm.min() >= _SQUARES_SAFE_LOW and norm.max() <= _SQUARES_SAFE_HIGH):
        beta, u, tu = _reflectors3_careful(X)
        return beta, _IDENTITY3 - tu[:, :, None] * u[:, None, :]
    beta = -np.copysign(norm, alpha)
    v = X.copy()
    v[:, 0] -= beta
    G = np.einsum("ki,kj->kij", v / (beta * (alpha - beta))[:, None], v)
    G += _IDENTITY3
    return beta, G


def _few_reflector_matrices(X: NDArray[np.float64]):
    """`_reflector_matrices` for a few rows, in Python floats (``dlarfg`` as in ``dlahqr``):
    for k ≲ 8 this costs less than the dozen numpy calls of the vectorised version."""
    betas, Gs = [], []
    for alpha, x2, x3 in X.tolist():
        xnorm = math.hypot(x2, x3)
        beta = -math.copysign(math.hypot(alpha, xnorm), alpha)
        if xnorm == 0.0 or abs(beta) < _TINY_BETA or abs(beta) > _SQUARES_SAFE_HIGH:
            return _reflector_matrices(X)
        scal = 1.0 / (alpha - beta)
        t1, v2, v3 = (beta - alpha) / beta, x2 * scal, x3 * scal
        t2, t3 = t1 * v2, t1 * v3
        betas.append(beta)
        Gs.append(((1.0 - t1, -t2, -t3), (-t2, 1.0 - t2 * v2, -t2 * v3),
                   (-t3, -t3 * v2, 1.0 - t3 * v3)))
    return np.array(betas), np.array(Gs)


def _multishift_sweep(H: NDArray[np.float64], Zt: NDArray[np.float64] | None, l: int, i: int,
                      shifts: NDArray[np.float64], row_start: int, col_end: int) -> None:
    r"""One small-bulge multishift QR sweep on the active block ``H[l:i+1, l:i+1]``, in place.

    Parameters
    ----------
    H : (n, n) ndarray
        Upper Hessenberg with ``H[l, l−1] = 0``.
    Zt : (n, n) ndarray or None
        The Schur vectors, transposed: each reflector also acts on its rows.
    l, i : int
        The active block, inclusive, of order ≥ 4.
    shifts : (nb, 4) ndarray
        One pair of shifts per bulge (see `_first_columns`), the first pair introduced
        first.
    row_start, col_end : int
        The reflectors act on H's rows row_start.. (from the right) and columns
        ..col_end−1 (from the left): the whole of H for the Schur form T, the active
        block only for eigenvalues alone.

    Notes
    -----
    Step t moves bulge b (introduced at step 4b) to row p = l + t − 4b: the 3×3 reflector
    G_b that maps H[p:p+3, p−1] onto (β, 0, 0) — at p = l the first column of
    (H − σ₁I)(H − σ₂I), which creates the bulge — is applied as
    ``H[p:p+3, :] ← G_b H[p:p+3, :]`` and ``H[:, p:p+3] ← H[:, p:p+3] G_b``. At p = i − 1
    the bulge leaves through a 2×2 reflector.

    The steps are taken _WINDOW_STEPS·nb at a time (LAPACK's ``dlaqr5``). Over such a run
    the bulges touch only rows and columns w0..w1−1 (from one row above the rearmost to
    three below the frontmost) — except that their reflectors also act on the rows above
    w0 and the columns right of w1, which see nothing but those reflectors. So the run
    works on a copy of the window ``H[w0:w1, w0:w1]``, next to an identity Uᵀ whose rows
    every left update also transforms; at the end Uᵀ is the product of the run's
    reflectors, and the rest of H (and Zᵀ) gets it in one ``@`` per side:
    ``H[w0:w1, w1:] ← Uᵀ H[w0:w1, w1:]``, ``H[:w0, w0:w1] ← H[:w0, w0:w1] U``,
    ``Zᵀ[w0:w1] ← Uᵀ Zᵀ[w0:w1]`` — the same products as row by row, grouped differently.
    """
    nb = shifts.shape[0]
    steps = i - l + _SPACING * (nb - 1)
    run = max(_WINDOW_STEPS * nb, _SPACING)
    for t0 in range(0, steps, run):
        t1 = min(t0 + run, steps)
        # Rows of the rearmost bulge at step t0 and of the frontmost at step t1 − 1.
        p_lo = max(l, l + t0 - _SPACING * (nb - 1))
        p_hi = min(i - 1, l + t1 - 1)
        w0, w1 = max(l, p_lo - 1), min(i, p_hi + 3) + 1
        Ut = _chase_window(H[w0:w1, w0:w1], l - w0, i - w0, shifts, t0, t1)
        if w1 < col_end:
            H[w0:w1, w1:col_end] = Ut @ H[w0:w1, w1:col_end]
        if row_start < w0:
            H[row_start:w0, w0:w1] = H[row_start:w0, w0:w1] @ Ut.T
        if Zt is not None:
            Zt[w0:w1] = Ut @ Zt[w0:w1]


def _chase_window(Hw: NDArray[np.float64], l: int, i: int, shifts: NDArray[np.float64],
                  t0: int, t1: int) -> NDArray[np.float64]:
    r"""Steps t0..t1−1 of a sweep (see `_multishift_sweep`) on the window Hw, in place;
    returns Uᵀ, the product of their reflectors (Hw ← Uᵀ Hw U).

    l and i are the active block's bounds in the window's coordinates (l may be
    negative: the block starts above the window); every row and column the steps touch
    lies in the window.

    Layout: ``C = [0 | H_w 0 | Uᵀ]`` — a zero column, the window padded with 4·nb zero
    rows and columns, then Uᵀ (starting as I). Three strided views of C, made once, give
    every step's operands without copying:

    - ``rows[p, j]``: the three rows p+4j.. p+4j+2 of C (bulge j of a step whose
      rearmost bulge is at row p), so the left update of all of a step's bulges is one
      batched ``@`` on ``rows[p, :k]``;
    - ``cols[p, j]``: the three columns p+4j.. of H_w (the right update; G is symmetric);
    - ``spike[p, j]``: H_w[p+4j : p+4j+3, p+4j−1], the column each reflector restores
      (the zero column makes it exist for p = 0).

    Bulges are 4 rows apart so that no reflector of a step touches what another one of
    the same step reads or writes (left and right updates overlap only where they
    commute): applying them together is applying them one after the other. The left
    update of rows p..p+2 needs H_w's columns from p−1 on and Uᵀ's columns up to
    p+4k+1 (row r of Uᵀ is zero right of r+2: reflectors only move down): one range of C.
    """
    nb = shifts.shape[0]
    w = Hw.shape[0]
    pad = _SPACING * nb
    C = np.zeros((w + pad, 1 + w + pad + w))
    u0 = 1 + w + pad                                      # Uᵀ's first column in C
    C[:w, 1:w + 1] = Hw
    C[:w, u0:] = np.eye(w)
    H = C[:, 1:u0]
    r, e = C.strides[0], C.itemsize
    rows = as_strided(C, (w, nb, 3, C.shape[1]), (r, _SPACING * r, r, e), writeable=True)
    cols = as_strided(H, (w, nb, w + pad, 3), (e, _SPACING * e, r, e), writeable=True)
    spike = as_strided(C, (w, nb, 3), (r + e, _SPACING * (r + e), r), writeable=True)
    for t in range(t0, t1):
        # Bulges b_lo..b_hi are at rows p = l + t − 4b in l..i−2 (3×3 reflectors).
        b_hi = min(nb - 1, t // _SPACING)
        b_lo = max(0, -((i - 2 - l - t) // _SPACING))
        if b_lo <= b_hi:
            k = b_hi - b_lo + 1
            p0 = l + t - _SPACING * b_hi                # the rearmost bulge's row
            src = spike[p0, :k]                          # (k, 3): (α, x₂, x₃) each
            if p0 == l:                                  # bulge b_hi is new: its first column
                src = src.copy()
                x, y, z = _first_columns(H, l, shifts[b_hi:b_hi + 1])
                src[0] = x[0], y[0], z[0]
            if k <= _SCALAR_BULGES:
                beta, G = _few_reflector_matrices(src)
            else:
                beta, G = _reflector_matrices(src)
            # Left: rows p..p+2 of H_w (columns p0−1..) and of Uᵀ (columns ..p0+4k+1).
            R = rows[p0, :k, :, p0:u0 + min(p0 + _SPACING * k + 2, w)]
            np.matmul(G, R, out=R)
            # Right: columns p..p+2 of H_w, rows 0..min(max p + 3, i).
            K = cols[p0, :k, :min(p0 + _SPACING * (k - 1) + 3, i) + 1]
            K[...] = K @ G
            # The restored columns p−1 become (β, 0, 0) exactly (not a new bulge's: p = l).
            done = spike[p0, 1 if p0 == l else 0:k]
            done[:, 0], done[:, 1:] = beta[k - done.shape[0]:], 0.0
        b_out = t - (i - 1 - l)
        if b_out >= 0 and b_out % _SPACING == 0 and b_out // _SPACING < nb:
            _leave(C, H, i, u0)
    Hw[...] = H[:w, :w]
    return C[:w, u0:]


def _leave(C: NDArray[np.float64], H: NDArray[np.float64], i: int, u0: int) -> None:
    """The last step of a bulge: a 2×2 reflector on rows/columns i−1, i of the window
    (and rows i−1, i of Uᵀ, which starts at column u0 of C)."""
    k = i - 1
    x = np.array([[H[k, k - 1], H[k + 1, k - 1], 0.0]])
    if x[0, 1] != 0.0:
        beta, u, tu = _reflectors3(x)
        G = np.eye(2) - tu[0, :2, None] * u[0, None, :2]
        C[k:k + 2, k:] = G @ C[k:k + 2, k:]
        H[:i + 1, k:k + 2] = H[:i + 1, k:k + 2] @ G
        H[k, k - 1], H[k + 1, k - 1] = beta[0], 0.0
