"""Symmetric eigenproblem: Householder tridiagonalisation, bisection, twisted factorisations.

``A = Q T Qᵀ`` (blocked Householder reflections, Q orthogonal, T tridiagonal), then the
eigenvalues of T by bisection on Sturm counts finished by Newton's (Ehrlich–Aberth) steps,
its eigenvectors
from twisted factorisations (inverse iteration where those are not accurate enough), then
``V = Q Z``. Every stage is vectorised across all eigenvalues at once: the Python loops run
over the rows of T (or the columns of A), never over eigenvalues. From 512 rows on, T's
eigenpairs come from divide and conquer instead (Cuppen's method with Gu & Eisenstat's
eigenvectors, all merges of a level at once: see the section "divide and conquer"), which
is faster there.

The module opens with ``_textbook_eigh``, the algorithm as a textbook writes it;
`eigh` makes the same reduction, then finds T's eigenpairs by bisection and twisted
factorisations instead of QR steps, vectorised across all eigenvalues (see its Notes).

Private helpers other modules may import:

- ``_tridiagonal_eigh(d, e, *, vectors=True, select=None, ...) -> (w, Z)``: the tridiagonal
  worker.
- ``_Sturm(d, e)``: Sturm counts (and Newton steps) of T(d, e) for many shifts at once.
- ``_largest_entry_positive(Z) -> signs``: the sign convention of the eigenvectors.
"""
from __future__ import annotations

import math
import threading
from collections.abc import Callable
from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..exceptions import LinAlgError
from ._input import matrix
from ._householder import (_apply_reflectors, _householder_into, _householder_vector,
                           _orthonormal_basis)

__all__ = ["eigh", "eigvalsh"]


def _textbook_eigh(A: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    r"""The symmetric eigenproblem as a textbook solves it: tridiagonalise, then QR steps.

    .. math::

        A = Q T Q^\mathsf{T} \;(T \text{ tridiagonal}), \qquad
        T - \mu I = G R, \; T \leftarrow R G + \mu I = G^\mathsf{T} T G
        \;\longrightarrow\; \Lambda, \qquad A = V \Lambda V^\mathsf{T}.

    Parameters
    ----------
    A : (N, N) array_like
        Real symmetric (all of it is used).

    Returns
    -------
    w : (N,) ndarray
        The eigenvalues, ascending.
    V : (N, N) ndarray
        Orthonormal eigenvectors (columns), signs as they come.

    Raises
    ------
    numpy.linalg.LinAlgError
        If the QR iteration has not converged after 30·N steps (it converges, in practice
        cubically, for every symmetric matrix).

    Notes
    -----
    *Algorithm* (Golub & Van Loan, 4th ed., Algorithms 8.3.1–8.3.3):

    1. Tridiagonalise: for each column k, the reflector P of ``T[k+1:, k]``
       (`_householder_vector`) applied from both sides, ``T ← P T P``, and ``Q ← Q P``.
    2. Deflate: an off-diagonal entry below eps‖A‖_F is set to zero; the last
       unreduced block is ``T[lo:hi+1, lo:hi+1]``.
    3. One implicit QR step on that block with Wilkinson's shift μ (the eigenvalue of
       its trailing 2×2 closer to t_hi,hi): the Givens rotation G that the first column
       of T − μI asks for, ``T ← Gᵀ T G``, then rotations that chase the bulge it makes
       down the diagonal; ``Q ← Q G`` each time. Back to step 2 until T is diagonal.
    4. Sort the diagonal (the eigenvalues) and the columns of Q (the eigenvectors).

    *Complexity*: 4n³/3 flops for step 1 (and as many for Q); about two QR steps per
    eigenvalue, each O(n) for T and 6n flops per rotation for Q.
    """
    T = np.array(A, dtype=np.float64)
    n = T.shape[0]
    Q = np.eye(n)
    # Step 1: T = Qᵀ A Q.
    for k in range(n - 2):
        v, beta, alpha = _householder_vector(T[k + 1:, k])
        T[k + 1:, k + 1:] -= (beta * v)[:, None] * (v @ T[k + 1:, k + 1:])
        T[k + 1:, k + 1:] -= (T[k + 1:, k + 1:] @ v)[:, None] * (beta * v)
        T[k + 1:, k] = T[k, k + 1:] = 0.0  # P x = α e₁, and symmetrically
        T[k + 1, k] = T[k, k + 1] = alpha
        Q[:, k + 1:] -= (Q[:, k + 1:] @ v)[:, None] * (beta * v)
    tol = _EPS * math.sqrt(float(np.sum(T * T)))
    hi, steps = n - 1, 0
    while hi > 0:
        # Step 2: deflation.
        if abs(T[hi, hi - 1]) <= tol:
            T[hi, hi - 1] = T[hi - 1, hi] = 0.0
            hi -= 1
            continue
        lo = hi - 1
        while lo > 0 and abs(T[lo, lo - 1]) > tol:
            lo -= 1
        steps += 1
        if steps > 30 * n:
            raise LinAlgError("Eigenvalues did not converge")
        # Step 3: Wilkinson's shift, then the bulge chase.
        d, e = 0.5 * (T[hi - 1, hi - 1] - T[hi, hi]), T[hi, hi - 1]
        mu = T[hi, hi] - e * e / (d + math.copysign(math.hypot(d, e), d))
        x, z = T[lo, lo] - mu, T[lo + 1, lo]
        for k in range(lo, hi):
            r = math.hypot(x, z)
            G = np.array([[x / r, -z / r], [z / r, x / r]])  # Gᵀ (x, z) = (r, 0)
            T[k:k + 2, :] = G.T @ T[k:k + 2, :]
            T[:, k:k + 2] = T[:, k:k + 2] @ G
            Q[:, k:k + 2] = Q[:, k:k + 2] @ G
            if k + 2 <= hi:
                x, z = T[k + 1, k], T[k + 2, k]
    # Step 4: ascending order.
    order = np.argsort(np.diagonal(T), kind="stable")
    return np.diagonal(T)[order], Q[:, order]

_EPS = float(np.finfo(np.float64).eps)
# Solves per eigenvector. With eigenvalues accurate to eps‖T‖ one solve nearly converges;
# LAPACK's dstein stops after one to five and then does two more.
_INVERSE_ITERATIONS = 3
# Eigenvalues closer than this fraction of ‖T‖ share a cluster whose vectors are
# re-orthogonalised: a vector's error is about eps‖T‖/gap, so outside clusters the loss of
# orthogonality stays below 1e3·eps (LAPACK dstein's ORTOL).
_CLUSTER_GAP = 1e-3
# Inside a cluster, shifts are kept at least this many eps‖T‖ apart (dstein's PERTOL).
_PERTOL = 10.0
# Inside a cluster, gaps above this fraction of ‖T‖ let inverse iteration resolve each
# vector on its own (mixing ≈ eps/1e-8 per solve); closer ones need `_refine_cluster`.
_RESOLVED_GAP = 1e-8
# Twisted-factorisation eigenvectors are kept if every residual is below this many
# √n·eps‖T‖ (about 1–4 in practice) and their Gram matrix within this of I.
_TWISTED_RESIDUAL = 8.0
_TWISTED_DEPARTURE = 1e-6
# Seed of inverse iteration's start vectors: fixed, so that results are reproducible.
_SEED = 20240607
# Columns per panel of the blocked tridiagonalisation (`_tridiagonalize`).
_TRIDIAGONAL_PANEL = 16
# The sign convention treats entries this close in magnitude as tied (the first one wins).
_SIGN_TIE = 1e-9


class EighResult(NamedTuple):
    """Eigenvalues (ascending) and orthonormal eigenvectors (columns), NumPy's fields."""

    eigenvalues: NDArray[np.float64]
    eigenvectors: NDArray[np.float64]


# ---------------------------------------------------------------------------------------
# Tridiagonalisation
# ---------------------------------------------------------------------------------------

def _tridiagonalize(A: NDArray[np.float64], scale: float = 1.0) -> tuple[NDArray[np.float64], ...]:
    """``scale·A = Q T Qᵀ``: T's diagonal d and off-diagonal e, and Q's reflectors (V, beta).

    Blocked as LAPACK's ``dsytrd``/``dlatrd``: the reflectors of a panel of `_TRIDIAGONAL_PANEL`
    columns are made one at a time, each from its column brought up to date with the panel's
    earlier rank-2 updates ``V Wᵀ + W Vᵀ`` (never applied to the rest of A); the trailing
    matrix then takes all of them in one matrix product, ``A22 ← A22 − V Wᵀ − W Vᵀ``.

    The panel's V and W are kept beside A in one work array,
    ``G = [[A, V, W], [Wᵀ, 0, 0], [Vᵀ, 0, 0]]``, so that ``V Wᵀ + W Vᵀ`` is the product of
    G's columns right of A with its rows below A, and one matrix-vector product with G gives
    ``A22 v`` together with ``Wᵀv`` and ``Vᵀv``. Columns of the panel not yet made are zero,
    so every product may use all of them.
    """
    n = A.shape[0]
    nb = _TRIDIAGONAL_PANEL
    G = np.zeros((n + 2 * nb, n + 2 * nb))
    np.multiply(A, scale, out=G[:n, :n])
    e = np.zeros(max(n - 1, 0))
    V = np.zeros((n, max(n - 2, 0)))
    beta = np.zeros(max(n - 2, 0))
    panel_columns, panel_rows = slice(n, n + 2 * nb), slice(n, n + 2 * nb)
    for k0 in range(0, n - 2, nb):
        k1 = min(k0 + nb, n - 2)
        G[:n, panel_columns] = 0.0
        G[panel_rows, :n] = 0.0
        for j, k in enumerate(range(k0, k1)):
            v_column, w_column = n + j, n + nb + j     # and rows n + j: wᵀ, n + nb + j: vᵀ
            column = G[k:n, k]
            if j:  # column k of (A − V Wᵀ − W Vᵀ), on rows k..n−1
                column -= G[k:n, panel_columns] @ G[panel_rows, k]
            b, e[k] = _householder_into(column[1:], G[k + 1:n, v_column])
            beta[k] = b
            if b == 0.0:
                continue
            v = G[n + nb + j, k + 1:n]             # vᵀ's row: v, contiguous
            v[...] = G[k + 1:n, v_column]
            # H A22 H = A22 − v wᵀ − w vᵀ with p = β A22 v and w = p − (β/2)(pᵀv) v,
            # where A22 is the trailing matrix with the panel's updates so far:
            # [A22 v; Wᵀv; Vᵀv] from one product with G, then p = β (A22 v − V Wᵀv − W Vᵀv)
            t = G[k + 1:, k + 1:n] @ v
            p = t[:n - k - 1]
            p -= G[k + 1:n, panel_columns] @ t[n - k - 1:]
            p *= b
            w = G[n + j, k + 1:n]                  # wᵀ's row, then W's column
            np.subtract(p, (0.5 * b * float(p.dot(v))) * v, out=w)
            G[k + 1:n, w_column] = w
        # the panel's reflectors, and the rest of A takes the panel's updates at once
        V[:, k0:k1] = G[:n, n:n + k1 - k0]
        G[k1:n, k1:n] -= G[k1:n, panel_columns] @ G[panel_rows, k1:n]
    if n >= 2:
        e[n - 2] = G[n - 1, n - 2]
    return np.diagonal(G)[:n].copy(), e, V, beta


# ---------------------------------------------------------------------------------------
# Tridiagonal eigenproblem: bisection for eigenvalues, inverse iteration for eigenvectors
# ---------------------------------------------------------------------------------------

#: Parts each bisection pass cuts an interval into (2 halvings per pass) on the way to
#: _NEWTON_WIDTH when all eigenvalues are wanted. A pass costs a fixed part per row plus a
#: part per shift: 4 parts (3 shifts per eigenvalue) took ≈ 10 % less time in all than 8
#: (7 shifts, 3 halvings) for eigvalsh and eigh at n = 200–800 (random, geometric and
#: clustered spectra).
_SECTIONS = 4
#: Width (relative to ‖T‖) to which bisection narrows the intervals before Newton's steps.
_NEWTON_WIDTH = 1e-4
#: Newton steps at most (from 1e-4‖T‖, quadratic convergence needs about four).
_NEWTON_STEPS = 8
#: Shifts per eigenvalue of the first bisection pass, spread evenly over Gershgorin's
#: interval, when all eigenvalues are wanted: 4n shifts leave cells of 2‖T‖/(4n + 1), from
#: which 4-part passes reach 1e-4‖T‖ in fewer passes (with _SECTIONS, measured ≈ 10 %
#: faster than n shifts and 8 parts).
_GRID = 4
#: Parts per pass for a selection, and for the eigenvalues bisected to eps‖T‖ at the end.
_REST_SECTIONS = 8
#: The same as _GRID for a selection (svd's positive half of the Golub–Kahan spectrum,
#: whose first passes count on BᵀB at half the cost, on a grid over [0, ‖T‖] only): 4k
#: shifts leave fewer eigenvalues sharing a cell, each of which costs the final bisection
#: about 13 passes (measured: 4k shifts ≈ 1.2–1.6× faster than k on 200×200 and 400×200).
_SELECTION_GRID = 4
#: From this many rows on, the eigenvectors come from divide and conquer (see its section),
#: and from _DIVIDE_AND_CONQUER_FALLBACK on where twisted factorisations cannot serve.
_DIVIDE_AND_CONQUER_SIZE = 512
_DIVIDE_AND_CONQUER_FALLBACK = 128


def _power_of_two_scale(amax: float) -> float:
    """2⁻ᵏ with amax·2⁻ᵏ in [0.5, 1): an exact rescaling that keeps squares in range.

    k is kept within ±1000 so that 2⁻ᵏ itself is finite (a subnormal amax then comes out
    near 2⁻⁶⁰, which is still far from under- or overflow).
    """
    if amax == 0.0 or not math.isfinite(amax):
        return 1.0
    return math.ldexp(1.0, min(max(-math.frexp(amax)[1], -1000), 1000))


#: Work arrays up to this size (4 MB: n up to a few hundred) are kept between calls, per
#: thread (`_Workspace`); some twenty names, so at most ≈ 80 MB held.
_KEPT_WORKSPACE_BYTES = 1 << 22
_kept_workspaces = threading.local()


class _Workspace:
    """A work array of R rows: for w columns, an (R, w) array (contiguous: the first R·w
    entries of a flat buffer), and its rows as a list of views (made once per width).

    The memory is reused: within a call (grown as needed), and between calls (per thread,
    by `name`, up to `_KEPT_WORKSPACE_BYTES`). Fresh memory costs a page fault per 4 kB
    when first written, which for the few passes over it of one call cost as much as the
    passes themselves. `owner` tells whether another object has written the named buffer
    since this one did (for contents kept from one call to the next).
    """

    def __init__(self, rows: int, name: str):
        self.rows, self.name = rows, name
        self.buffer = np.empty(0)
        self.views: dict[int, tuple[NDArray[np.float64], list]] = {}

    def get(self, width: int) -> tuple[NDArray[np.float64], list]:
        size = self.rows * width
        if size > self.buffer.size:
            kept = getattr(_kept_workspaces, self.name, None)
            if kept is None or kept.size < size:
                kept = np.empty(size)
                if kept.nbytes <= _KEPT_WORKSPACE_BYTES:
                    setattr(_kept_workspaces, self.name, kept)
            self.buffer = kept
            self.views = {}
        if width not in self.views:
            view = self.buffer[:size].reshape(self.rows, width)
            self.views[width] = (view, list(view))
        return self.views[width]

    @property
    def owner(self) -> object:
        return getattr(_kept_workspaces, self.name + " owner", None)

    @owner.setter
    def owner(self, token: object) -> None:
        setattr(_kept_workspaces, self.name + " owner", token)


def _sturm_pivots(d: NDArray[np.float64], e: NDArray[np.float64], k: int | None = None):
    r"""A function σ ↦ the pivots of ``T − σ_j I = L D Lᵀ`` for all shifts σ_j at once (n×k).

    .. math:: q_0 = d_0 - σ, \qquad q_i = d_i - σ - e_{i-1}^2 / q_{i-1}.

    By Sylvester's law of inertia the number of negative pivots in column j is the number
    of eigenvalues below σ_j. A pivot q = 0 makes the next one −inf and the one after that
    finite again: IEEE arithmetic then counts as if q were +0 perturbed upwards, which is
    a valid count for a nearby matrix (Demmel, Dhillon & Ren 1995). Where e_{i−1} = 0 the
    recurrence restarts, so T may be split into blocks.

    The returned array is a work array, overwritten by the next call (`k` is unused: any
    number of shifts per call).
    """
    # (each e² as a 0-d array, made once: a numpy call on a Python float converts it every
    # time, which costs a third of the loop; the rows of the work array as views)
    e2 = [np.array(x) for x in (e * e).tolist()]
    coupled = np.flatnonzero(e).tolist()
    q_work, tmp_work = _Workspace(d.size, "pivots"), _Workspace(1, "pivots_tmp")
    chains: dict[int, list] = {}
    divide, subtract = np.divide, np.subtract

    def pivots(sigma: NDArray[np.float64]) -> NDArray[np.float64]:
        q, rows = q_work.get(sigma.size)
        tmp = tmp_work.get(sigma.size)[0][0]
        if sigma.size not in chains or chains[sigma.size][0][0] is not rows[coupled[0]]:
            chains[sigma.size] = [(rows[i], rows[i + 1], e2[i]) for i in coupled]
        subtract(d[:, None], sigma, q)
        with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
            for previous, row, e2i in chains[sigma.size]:
                divide(e2i, previous, tmp)
                subtract(row, tmp, row)
        return q

    if not coupled:  # a diagonal T: the pivots are d − σ
        return lambda sigma: d[:, None] - sigma
    return pivots


def _negatives(q: NDArray[np.float64]) -> NDArray[np.intp]:
    """The number of negative entries of each column of q (the Sturm counts).

    Summed as bytes into 32-bit integers: the same count as ``np.count_nonzero(q < 0,
    axis=0)`` at half its cost (numpy's boolean reduction along axis 0 is slow)."""
    return np.add.reduce((q < 0).view(np.int8), axis=0, dtype=np.int32).astype(np.intp)


#: From this many rows on, and for T without zero off-diagonal entries, Sturm counts and
#: Newton steps come from twisted factorisations run from both ends at once (`_TwoSided`).
_TWO_SIDED_SIZE = 16
#: Above this many shifts per pass the one-sided recurrence is as fast (the work arrays of
#: both ends, couplings included, no longer stay in cache).
_TWO_SIDED_SHIFTS = 1000


class _TwoSided:
    r"""Sturm counts (and Newton steps) of an unreduced T from a twisted factorisation.

    .. math::

        T - σI = N_r Δ_r N_r^\mathsf{T}, \qquad
        Δ_r = \operatorname{diag}(q_0, …, q_{r-1}, γ_r, p_{r+1}, …, p_{n-1}),

        q_i = d_i - σ - e_{i-1}^2 / q_{i-1}, \qquad
        p_i = d_i - σ - e_i^2 / p_{i+1}, \qquad
        γ_r = d_r - σ - e_{r-1}^2 / q_{r-1} - e_r^2 / p_{r+1},

    with N_r unit lower bidiagonal above row r and unit upper bidiagonal below it (Parlett
    & Dhillon 1997). By Sylvester's law of inertia the negative entries of Δ_r count the
    eigenvalues below σ, exactly as the pivots of `_sturm_pivots` do; and
    det(T − σI) = Π Δ_r, so Newton's step is ``−1/Σ Δ_i'/Δ_i`` as in `_Sturm`'s
    one-sided form. Twisting in the middle (r = ⌊n/2⌋) lets the pivots from the top (q_i)
    and from the bottom (p_{n−1−i}) be computed side by side, one numpy call for both: half
    the calls per pass of the one-sided recurrence, whose cost is mostly the calls'. Each
    q_i and p_i is the one-sided recurrence's own, on its own rows, so the count is as
    backward stable (a valid count for a nearby matrix; a zero pivot turns into −inf for
    the next entry, as there).

    Layout: row i of the work arrays holds the k shifts of q_i, then the k shifts of
    p_{n−1−i}; the couplings e² are repeated to the same layout (a numpy call on a (2, 1)
    operand, or on a (2, k) view, is much slower than on one contiguous row).
    """

    def __init__(self, d: NDArray[np.float64], e: NDArray[np.float64]):
        n = d.size
        self.m = m = (n - 1) // 2              # rows from each end, side by side
        self.r = n - 1 - m                     # the twist (n even: one more row on top)
        self.d, self.e2 = d, e * e
        self.top_d, self.bottom_d = d[:m, None], d[::-1][:m, None]
        self.top_e2 = np.append(0.0, self.e2)[:m, None]             # e²_{i−1}
        self.bottom_e2 = np.append(0.0, self.e2[::-1])[:m, None]    # e²_{n−1−i}
        self.B, self.C, self.tmp = (_Workspace(m, "twisted"), _Workspace(m, "couplings"),
                                    _Workspace(1, "twisted_tmp"))
        self.dB, self.ratio, self.quotient = (_Workspace(m, "slopes"), _Workspace(m - 1, "ratio"),
                                              _Workspace(m, "quotient"))
        self.filled = 0                        # the width whose couplings C holds
        self.token = object()                  # (C's owner, while no other has written it)

    def _pivots(self, sigma: NDArray[np.float64]):
        """(B, q, p, γ): the pivots from both ends side by side, q_{r−1}, p_{r+1}, γ_r."""
        k, m, r = sigma.size, self.m, self.r
        B, rows = self.B.get(2 * k)
        C, couplings = self.C.get(2 * k)
        if self.filled != k or self.C.owner is not self.token:
            C[:, :k], C[:, k:] = self.top_e2, self.bottom_e2
            self.filled, self.C.owner = k, self.token
        tmp = self.tmp.get(2 * k)[0][0]
        np.subtract(self.top_d, sigma, out=B[:, :k])
        np.subtract(self.bottom_d, sigma, out=B[:, k:])
        divide, subtract = np.divide, np.subtract
        for i in range(1, m):
            divide(couplings[i], rows[i - 1], tmp)
            subtract(rows[i], tmp, rows[i])
        q, p = B[m - 1, :k], B[m - 1, k:]
        if r > m:  # the extra row on top
            q = self.d[m] - sigma - self.e2[m - 1] / q
        gamma = self.d[r] - sigma - self.e2[r - 1] / q - self.e2[r] / p
        return B, C, q, p, gamma

    def _count(self, B, q, gamma, k) -> NDArray[np.intp]:
        both = _negatives(B)                   # per column: q's shifts, then p's
        below = both[:k] + both[k:] + (gamma < 0)
        return below + (q < 0) if self.r > self.m else below

    def counts(self, sigma: NDArray[np.float64]) -> NDArray[np.intp]:
        """The number of eigenvalues below each σ_j."""
        with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
            B, _, q, _, gamma = self._pivots(sigma)
        return self._count(B, q, gamma, sigma.size)

    def counts_and_steps(self, sigma: NDArray[np.float64]) -> tuple[NDArray[np.intp], NDArray[np.float64]]:
        """The counts and Newton's steps on det(T − σ_j I), the derivatives by
        ``Δ_i' = −1 + (e²/Δ²_neighbour) Δ'_neighbour`` from each end (γ' from both)."""
        k, m, r = sigma.size, self.m, self.r
        with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
            B, C, q, p, gamma = self._pivots(sigma)
            dB, slopes = self.dB.get(2 * k)
            ratio, rates = self.ratio.get(2 * k)
            np.divide(C[1:], B[:-1], out=ratio)     # e²/Δ² of the neighbour, each row
            np.divide(ratio, B[:-1], out=ratio)
            dB[0] = -1.0
            multiply, subtract, one = np.multiply, np.subtract, np.array(1.0)
            for i in range(1, m):
                multiply(rates[i - 1], slopes[i - 1], slopes[i])
                subtract(slopes[i], one, slopes[i])
            total = np.sum(np.divide(dB, B, out=self.quotient.get(2 * k)[0]), axis=0)
            total = total[:k] + total[k:]
            dq, dp = dB[m - 1, :k], dB[m - 1, k:]
            if r > m:
                q_above = B[m - 1, :k]
                dq = -1.0 + self.e2[m - 1] / (q_above * q_above) * dq
                total += dq / q
            dgamma = -1.0 + self.e2[r - 1] / (q * q) * dq + self.e2[r] / (p * p) * dp
            steps = -1.0 / (total + dgamma / gamma)
        return self._count(B, q, gamma, k), steps


class _Sturm:
    """Sturm counts, and Newton steps on det(T − σI), of T(d, e) for many shifts at once.

    From `_TwoSided` for an unreduced T of `_TWO_SIDED_SIZE` rows or more (at most
    `_TWO_SIDED_SHIFTS` shifts per call), else from the one-sided pivots of `_sturm_pivots`.
    One object serves all the passes of `_bisect`, whatever their number of shifts.
    """

    def __init__(self, d: NDArray[np.float64], e: NDArray[np.float64]):
        self.d, self.e = d, e
        self.two_sided = (_TwoSided(d, e) if d.size >= _TWO_SIDED_SIZE and np.all(e != 0.0)
                          else None)
        self.one_sided: Callable[[NDArray[np.float64]], NDArray[np.float64]] | None = None
        # (`_sturm_pivots`, made when first needed)

    def pivots(self, sigma: NDArray[np.float64]) -> NDArray[np.float64]:
        """The one-sided pivots (`_sturm_pivots`) of T − σ_j I."""
        if self.one_sided is None:
            self.one_sided = pivots = _sturm_pivots(self.d, self.e)
            self.slopes = _Workspace(self.d.size, "one_sided_slopes")
            self.ratio = _Workspace(max(self.d.size - 1, 0), "one_sided_ratio")
            self.e2 = np.append(0.0, self.e * self.e)[:, None]
            self.coupled = np.flatnonzero(self.e).tolist()
        else:
            pivots = self.one_sided
        return pivots(sigma)

    def counts(self, sigma: NDArray[np.float64]) -> NDArray[np.intp]:
        """The number of eigenvalues below each σ_j."""
        if self.two_sided is not None and sigma.size <= _TWO_SIDED_SHIFTS:
            return self.two_sided.counts(sigma)
        return _negatives(self.pivots(sigma))

    def counts_and_steps(self, sigma: NDArray[np.float64]) -> tuple[NDArray[np.intp], NDArray[np.float64]]:
        r"""The counts and Newton's steps on det(T − σ_j I).

        .. math::

            f(σ) = \det(T - σI) = \prod_i q_i, \qquad
            q_i' = -1 + \frac{e_{i-1}^2}{q_{i-1}^2}\, q_{i-1}', \qquad
            -\frac{f}{f'} = -\Big(\sum_i \frac{q_i'}{q_i}\Big)^{-1},

        the pivots q_i of `_sturm_pivots`, then their derivatives in a second pass over T's
        rows (a linear recurrence: two numpy calls per row); or the same from both ends.
        """
        if self.two_sided is not None and sigma.size <= _TWO_SIDED_SHIFTS:
            return self.two_sided.counts_and_steps(sigma)
        k = sigma.size
        q = self.pivots(sigma)
        dq, rows = self.slopes.get(k)
        ratio, ratios = self.ratio.get(k)
        dq.fill(-1.0)
        multiply, subtract, one = np.multiply, np.subtract, np.array(1.0)
        with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
            np.divide(self.e2[1:], q[:-1], out=ratio)     # e²_{i−1}/q²_{i−1}, row i − 1
            np.divide(ratio, q[:-1], out=ratio)
            for i in self.coupled:
                multiply(ratios[i], rows[i], rows[i + 1])
                subtract(rows[i + 1], one, rows[i + 1])
            steps = -1.0 / np.sum(dq / q, axis=0)
        return _negatives(q), steps


def _multisect(counts, j: NDArray[np.intp], lo: NDArray[np.float64], hi: NDArray[np.float64],
               width: float, sections: int | None = None
               ) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """The intervals (lo_j, hi_j] ∋ λ_j cut down to `width` or less, all j at once.

    `counts` is T's `_Sturm.counts`.

    Each pass cuts every interval into sections equal parts and keeps the one holding λ_j,
    log2(sections) halvings for one pass over the rows of T (a pass costs numpy calls per
    row, nearly whatever the number of shifts).
    """
    sections = sections or _SECTIONS
    k = j.size
    widest = float(np.max(hi - lo)) if k else 0.0
    if widest <= width:
        return lo, hi
    fractions = np.arange(1, sections) / sections
    rows = np.arange(k)
    for _ in range(math.ceil(math.log2(widest / width) / math.log2(sections))):
        points = lo[:, None] + (hi - lo)[:, None] * fractions          # (k, S − 1)
        # more than j eigenvalues below a point ⇔ λ_j < point: the first such point is the
        # new upper end, the one before it the new lower end
        right = counts(points.ravel()).reshape(k, -1) > j[:, None]
        first = np.where(right.any(axis=1), np.argmax(right, axis=1), sections - 1)
        lo = np.where(first > 0, points[rows, np.maximum(first - 1, 0)], lo)
        hi = np.where(first < sections - 1, points[rows, np.minimum(first, sections - 2)], hi)
    return lo, hi


def _bisect(d: NDArray[np.float64], e: NDArray[np.float64], j: NDArray[np.intp],
            lower: float, upper: float, tnorm: float,
            coarse=None) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Intervals (lo_j, hi_j] of width ≤ eps‖T‖ holding the j-th eigenvalues, all j at once.

    Bisection (multisection) until the intervals are `_NEWTON_WIDTH`‖T‖ wide; then, if
    most eigenvalues are alone in their interval, safeguarded Newton steps on det(T − σI)
    for those, corrected for the other eigenvalues' current estimates (Ehrlich–Aberth:
    cubic convergence instead of a few halvings per pass), each step's
    Sturm count shrinking the interval too, and a step outside it replaced by its
    midpoint; a converged σ_j (its step below eps‖T‖/2, or the next one predicted so from
    the last two) gets the interval (σ_j − eps‖T‖/2, σ_j + eps‖T‖/2] if the
    Sturm counts at its ends confirm it. Every other eigenvalue is bisected to the end.

    `coarse`, optional: (counts, margin, floor), a cheaper Sturm count of T, right to
    within ±margin in σ (each count between T's own at σ − margin and at σ + margin), used
    for the bisection down to `_NEWTON_WIDTH`; the intervals are then widened by the
    margin, and everything after that uses T's own counts. No selected eigenvalue is below
    `floor` (−inf if unknown): the first grid starts there.
    """
    # one pass at g = _GRID·k evenly spaced points puts every eigenvalue in one of g + 1
    # cells (log2(g + 1) halvings for the price of one)
    # (a finer grid and fewer sections when all eigenvalues are wanted; see _GRID)
    k = j.size
    grid, sections = (_GRID, _SECTIONS) if k == d.size else (_SELECTION_GRID, _REST_SECTIONS)
    g = grid * k
    sturm = _Sturm(d, e)
    counts = sturm.counts
    first_counts = counts if coarse is None else coarse[0]
    start, base = lower, 0
    if coarse is not None and coarse[2] - coarse[1] > lower:
        # the selected eigenvalues are known to lie above coarse[2]: the grid need not
        # cover what is below (its count there is `base`, at most j)
        start = coarse[2] - coarse[1]
        base = int(first_counts(np.array([start]))[0])
    edges = start + (upper - start) * np.arange(g + 2) / (g + 1)
    below = first_counts(edges[1:-1])
    below = np.concatenate(([base], np.maximum.accumulate(np.maximum(below, base)),
                            [np.iinfo(np.intp).max]))
    cell = np.searchsorted(below, j, side="right")  # below[cell − 1] ≤ j < below[cell]
    lo, hi = _multisect(first_counts, j, edges[cell - 1], edges[cell],
                        _NEWTON_WIDTH * tnorm, sections)
    if coarse is not None:  # (equal intervals stay equal: "shared" below still holds)
        lo, hi = np.maximum(lo - coarse[1], lower), np.minimum(hi + coarse[1], upper)
    width = _EPS * tnorm
    # the intervals are cells of one grid: equal or disjoint; alone = unlike its neighbours'
    shared = np.zeros(k, dtype=bool)
    shared[1:] |= lo[1:] == lo[:-1]
    shared[:-1] |= lo[:-1] == lo[1:]
    active = np.flatnonzero(~shared)
    if 2 * active.size >= k:
        sigma = 0.5 * (lo + hi)
        newton = sturm.counts_and_steps
        live = active                            # the eigenvalues Newton still iterates
        previous = np.full(live.size, np.inf)    # |the last Newton step| (inf: bisected)
        for step_number in range(_NEWTON_STEPS):
            # (only the live shifts: once most have converged a pass costs little more
            # than its fixed part per row)
            s, l, h = sigma[live], lo[live], hi[live]
            count, step = newton(s)
            # Ehrlich–Aberth: Newton's step is 1/Σ_i 1/(λ_i − σ_j) over all eigenvalues;
            # the terms of the other eigenvalues Newton computes are taken out, at their
            # current estimates, leaving (nearly) the term of λ_j alone: 1/(λ_j − σ_j).
            # Close neighbours then no longer slow Newton down (cubic convergence). (Not
            # the shared intervals' midpoints: too rough, they would mislead the step.)
            with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
                gaps = sigma[active] - s[:, None]                   # σ_i − σ_j
                gaps[np.arange(live.size), np.searchsorted(active, live)] = np.inf  # i = j
                others = np.sum(np.reciprocal(gaps, out=gaps), axis=1)
                step = 1.0 / (1.0 / step - others)
            right = count > j[live]                  # λ_j < σ_j
            h = np.where(right, np.minimum(h, s), h)
            l = np.where(right, l, np.maximum(l, s))
            new = s + step
            inside = np.isfinite(new) & (new >= l - 0.5 * width) & (new <= h + 0.5 * width)
            # converged: a step below eps‖T‖/2, or one after which quadratic convergence
            # (error ≈ C·step², C ≈ |step|/|previous step|²) leaves less than eps‖T‖/4 —
            # one pass fewer; the Sturm counts below confirm it either way
            size = np.abs(step)
            with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
                predicted = size * (size / previous) ** 2
            converged = inside & ((size <= 0.5 * width)
                                  | ((size < previous) & (predicted <= 0.25 * width)
                                     & np.isfinite(previous)))
            sigma[live] = np.where(inside, new, 0.5 * (l + h))
            lo[live], hi[live] = l, h
            previous = np.where(inside, size, np.inf)[~converged]
            live = live[~converged]
            # stop when all have converged, or when Newton has stalled (a step costs a
            # pass over T's rows however few are left, as does a bisection pass)
            if live.size == 0 or (step_number >= 3 and np.count_nonzero(converged) < live.size):
                break
        # confirm σ_j by the Sturm counts at σ_j ∓ eps‖T‖/2 (whose difference may round
        # to a little more than eps‖T‖: confirmed is done)
        ends = np.concatenate((sigma - 0.5 * width, sigma + 0.5 * width))
        below = counts(ends)
        lo = np.where(below[:k] <= j, np.maximum(lo, ends[:k]), lo)
        hi = np.where(below[k:] > j, np.minimum(hi, ends[k:]), hi)
        done = (below[:k] <= j) & (below[k:] > j)
    else:
        done = np.zeros(k, dtype=bool)
    # everything else by multisection
    rest = np.flatnonzero(~done & (hi - lo > width))
    if rest.size:
        lo[rest], hi[rest] = _multisect(counts, j[rest], lo[rest], hi[rest], width,
                                        _REST_SECTIONS)
    return lo, hi


# A pivot that comes out exactly 0 in the scalar recurrences is replaced by this (+0
# perturbed upwards, the choice the vectorised pivots make through IEEE's −inf).
_TINY_PIVOT = 1e-300


def _scalar_count(d: list[float], e2: list[float], sigma: float) -> int:
    """The Sturm count of T − σI (eigenvalues below σ) in Python floats, one shift.

    `_sturm_pivots` for a single σ: a pass of numpy calls per row costs about 30 times this
    loop's work, so a few eigenvalues are cheaper found one shift at a time. e2[i] is
    e²_{i−1} (e2[0] = 0); where it is 0 the recurrence restarts.
    """
    below, q = 0, 1.0
    for di, e2i in zip(d, e2):
        q = di - sigma - e2i / q if e2i else di - sigma
        if q < 0.0:
            below += 1
        elif q == 0.0:
            q = _TINY_PIVOT
    return below


def _scalar_newton(d: list[float], e2: list[float], sigma: float) -> tuple[int, float]:
    """(Sturm count, Newton step −f/f′ on f(σ) = det(T − σI)) in Python floats, one shift.

    The recurrences of `_Sturm.counts_and_steps` in one loop; the step is nan or ±inf where a pivot
    underflows or is 0 (the caller then bisects).
    """
    below, q, dq, total = 0, 1.0, 0.0, 0.0
    for di, e2i in zip(d, e2):
        if e2i:
            r = e2i / q
            q, dq = di - sigma - r, r / q * dq - 1.0
        else:
            q, dq = di - sigma, -1.0
        if q < 0.0:
            below += 1
        elif q == 0.0:
            q = _TINY_PIVOT
        total += dq / q
    return below, (-1.0 / total if total else math.inf)


def _scalar_eigenvalue(d: list[float], e2: list[float], j: int, lower: float, upper: float,
                       tnorm: float) -> float:
    """λ_j of T (0-based, ascending) to within eps‖T‖, for a few j: `_bisect` one at a time.

    Bisection on Sturm counts until (lo, hi] ∋ λ_j is `_NEWTON_WIDTH`‖T‖ wide, then
    safeguarded Newton steps (each one's count shrinking the interval; a step outside it
    replaced by the midpoint) until a step is below eps‖T‖/2 and the counts at
    σ ∓ eps‖T‖/2 confirm σ; bisection to eps‖T‖ if Newton stalls (close eigenvalues).
    """
    lo, hi, width = lower, upper, _EPS * tnorm
    while hi - lo > _NEWTON_WIDTH * tnorm:
        mid = 0.5 * (lo + hi)
        if _scalar_count(d, e2, mid) > j:
            hi = mid
        else:
            lo = mid
    sigma = 0.5 * (lo + hi)
    for _ in range(_NEWTON_STEPS):
        below, step = _scalar_newton(d, e2, sigma)
        if below > j:
            hi = min(hi, sigma)
        else:
            lo = max(lo, sigma)
        new = sigma + step
        if not (math.isfinite(new) and lo - 0.5 * width <= new <= hi + 0.5 * width):
            sigma = 0.5 * (lo + hi)
            continue
        if abs(step) <= 0.5 * width:
            a, b = new - 0.5 * width, new + 0.5 * width
            if _scalar_count(d, e2, a) <= j < _scalar_count(d, e2, b):
                lo, hi = max(lo, a), min(hi, b)
            break
        sigma = new
    while hi - lo > width:
        mid = 0.5 * (lo + hi)
        if _scalar_count(d, e2, mid) > j:
            hi = mid
        else:
            lo = mid
    return 0.5 * (lo + hi)


def _owning_blocks(pivots, starts: NDArray[np.intp], j: NDArray[np.intp],
                   lo: NDArray[np.float64], hi: NDArray[np.float64]) -> NDArray[np.intp]:
    """The unreduced block of T that each eigenvalue λ_j ∈ (lo_j, hi_j] belongs to.

    Equal eigenvalues of different blocks share an interval; the (j − count(lo_j))-th
    eigenvalue in it is given to the blocks in row order, by their own Sturm counts.
    """
    below_lo = np.add.reduceat(pivots(lo) < 0, starts, axis=0, dtype=np.intp)
    below_hi = np.add.reduceat(pivots(hi) < 0, starts, axis=0, dtype=np.intp)
    inside = np.cumsum(below_hi - below_lo, axis=0)
    rank = j - below_lo.sum(axis=0)
    return np.argmax(inside > rank, axis=0)


def _tridiagonal_lu(d: NDArray[np.float64], e: NDArray[np.float64],
                    sigma: NDArray[np.float64], pivmin: float) -> tuple[NDArray, ...]:
    """Row-pivoted ``P (T − σ_j I) = L U`` for every shift at once (LAPACK's dlagtf).

    Returns (u0, u1, u2, l, swap), each n×k: U's diagonal and two superdiagonals, the
    multipliers, and whether rows i and i+1 were exchanged at step i.
    """
    n, k = d.size, sigma.size
    u0 = np.empty((n, k))
    u1, u2, l = np.zeros((n, k)), np.zeros((n, k)), np.zeros((n, k))
    swap = np.zeros((n, k), dtype=bool)
    e_next = np.append(e, 0.0)
    # the active row has entries p (column i) and q (column i + 1)
    p = d[0] - sigma
    q = np.full(k, e_next[0])
    for i in range(n - 1):
        a = d[i + 1] - sigma
        abs_p = np.abs(p)
        s = abs_p < abs(e[i])
        # exchange rows when the subdiagonal entry e_i is the larger pivot; otherwise
        # keep p, pushed out to ±pivmin if smaller (a backward error of eps‖T‖)
        pivot = np.where(s, e[i], np.copysign(np.maximum(abs_p, pivmin), p))
        swap[i], u0[i] = s, pivot
        u1[i] = np.where(s, a, q)
        u2[i] = np.where(s, e_next[i + 1], 0.0)
        l[i] = np.where(s, p, e[i]) / pivot
        p = np.where(s, q, a) - l[i] * u1[i]
        q = np.where(s, -l[i] * e_next[i + 1], e_next[i + 1])
    u0[n - 1] = np.copysign(np.maximum(np.abs(p), pivmin), p)
    return u0, u1, u2, l, swap


def _tridiagonal_lu_solve(factors: tuple[NDArray, ...], B: NDArray[np.float64]) -> NDArray[np.float64]:
    """Solve ``(T − σ_j I) x_j = b_j`` for every column j, from `_tridiagonal_lu`'s factors."""
    u0, u1, u2, l, swap = factors
    n = B.shape[0]
    Y = np.empty_like(B)
    r = B[0].copy()
    for i in range(n - 1):
        Y[i] = np.where(swap[i], B[i + 1], r)
        r = np.where(swap[i], r, B[i + 1]) - l[i] * Y[i]
    Y[n - 1] = r
    X = np.empty_like(B)
    X[n - 1] = Y[n - 1] / u0[n - 1]
    if n > 1:
        X[n - 2] = (Y[n - 2] - u1[n - 2] * X[n - 1]) / u0[n - 2]
    for i in range(n - 3, -1, -1):
        X[i] = (Y[i] - u1[i] * X[i + 1] - u2[i] * X[i + 2]) / u0[i]
    return X


def _clusters(w: NDArray[np.float64], block: NDArray[np.intp], gap: float) -> list[NDArray[np.intp]]:
    """Groups (size ≥ 2) of eigenvalues of one block, each within `gap` of the next."""
    order = np.lexsort((w, block))
    joined = (np.diff(block[order]) == 0) & (np.diff(w[order]) < gap)
    groups = np.split(order, np.flatnonzero(~joined) + 1)
    return [g for g in groups if g.size > 1]


def _cluster_shifts(w: NDArray[np.float64], clusters: list[NDArray[np.intp]],
                    tight: list[bool], tnorm: float) -> NDArray[np.float64]:
    """Shifts for inverse iteration: w itself, except inside clusters.

    Re-orthonormalising nearly parallel iterates magnifies their rounding errors, so the
    shifts of a cluster should weigh its directions evenly rather than pick the same
    dominant direction for every vector:

    - a tight cluster (narrower than 1e-8‖T‖, so at least 1e5 times narrower than its gap
      to the other eigenvalues) gets one shift just below it, at a distance of its width
      plus 10 eps‖T‖: every direction of the cluster is magnified within a factor of
      about 2 of the others, and the rest of the spectrum is left far behind;
    - a wider cluster keeps its own eigenvalues, pulled apart to at least 10 eps‖T‖
      (σ_i = max(w_i, σ_{i−1} + 10 eps‖T‖), as LAPACK's dstein does).
    """
    sigma = w.copy()
    for c, is_tight in zip(clusters, tight):
        if is_tight:
            sigma[c] = w[c[0]] - (w[c[-1]] - w[c[0]]) - _PERTOL * _EPS * tnorm
        else:
            step = _PERTOL * _EPS * tnorm * np.arange(c.size)
            sigma[c] = np.maximum.accumulate(w[c] - step) + step
    return sigma


def _inverse_iteration(d: NDArray[np.float64], e: NDArray[np.float64], w: NDArray[np.float64],
                       block: NDArray[np.intp], starts: NDArray[np.intp],
                       tnorm: float) -> NDArray[np.float64]:
    """Eigenvectors of T for the eigenvalues w, each living on its own block's rows."""
    n, k = d.size, w.size
    stops = np.append(starts[1:], n)
    row_block = np.repeat(np.arange(starts.size), stops - starts)
    # a random start has a nonzero component along the wanted vector (almost surely)
    X = np.random.default_rng(_SEED).uniform(-1.0, 1.0, (n, k))
    X = np.where(row_block[:, None] == block, X, 0.0)
    clusters = _clusters(w, block, _CLUSTER_GAP * tnorm)
    tight = [float(w[c[-1]] - w[c[0]]) < _RESOLVED_GAP * tnorm for c in clusters]
    factors = _tridiagonal_lu(d, e, _cluster_shifts(w, clusters, tight, tnorm), _EPS * tnorm)
    for _ in range(_INVERSE_ITERATIONS):
        with np.errstate(over="ignore", invalid="ignore"):
            X = _tridiagonal_lu_solve(factors, X)
        X /= np.max(np.abs(X), axis=0)
        # close eigenvalues give nearly parallel vectors: keep each cluster orthonormal
        for c in clusters:
            rows = slice(starts[block[c[0]]], stops[block[c[0]]])
            X[rows, c] = _orthonormal_basis(X[rows, c])
        X /= np.sqrt(np.sum(X * X, axis=0))
    for c, is_tight in zip(clusters, tight):
        if not _needs_refinement(w[c], is_tight, tnorm):
            continue
        b = block[c[0]]
        rows = slice(starts[b], stops[b])
        others = np.setdiff1d(np.flatnonzero(block == b), c) if not is_tight else c[:0]
        X[rows, c] = _refine_cluster(d[rows], e[starts[b]:stops[b] - 1], X[rows], c, others,
                                     w[c], tnorm)
    return X


def _pivots_both_ways(d: NDArray[np.float64], e: NDArray[np.float64],
                      sigma: NDArray[np.float64]) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """(q, p), n×k: the pivots of ``T − σ_j I`` from the top (`_sturm_pivots` of T) and from
    the bottom (those of T reversed, put back in row order), the two recurrences run side
    by side in one work array (row i: q_i's k shifts, then p_{n−1−i}'s), as in `_TwoSided`.
    T must be unreduced. The results are views of work arrays, valid until the next call.
    """
    n, k = d.size, sigma.size
    B, rows = _Workspace(n, "both_ways").get(2 * k)
    C, couplings = _Workspace(n, "both_ways_couplings").get(2 * k)
    tmp = _Workspace(1, "both_ways_tmp").get(2 * k)[0][0]
    e2 = e * e
    C[:, :k], C[:, k:] = np.append(0.0, e2)[:, None], np.append(0.0, e2[::-1])[:, None]
    np.subtract(d[:, None], sigma, out=B[:, :k])
    np.subtract(d[::-1, None], sigma, out=B[:, k:])
    divide, subtract = np.divide, np.subtract
    for i in range(1, n):
        divide(couplings[i], rows[i - 1], tmp)
        subtract(rows[i], tmp, rows[i])
    return B[:, :k], B[::-1, k:]


def _twisted_solve(e: NDArray[np.float64], q: NDArray[np.float64], p: NDArray[np.float64],
                   r: NDArray[np.intp]) -> NDArray[np.float64]:
    """Z (n×k) with z_r = 1, ``z_i = −(e_i/q_i) z_{i+1}`` above r and
    ``z_{i+1} = −(e_i/p_{i+1}) z_i`` below it, for each column's own r.

    The part above r (computed upwards from r) and the part below it (downwards) are two
    independent recurrences: they run side by side in one work array, row t holding the
    upper part's row n−1−t, then the lower part's row t (one numpy call for both), and are
    added at the end (each is zero on the other's side of r, both are 1 at r).
    """
    n, k = q.shape
    columns = np.arange(k)
    M, _ = _Workspace(n, "twisted_multipliers").get(2 * k)
    W, z_rows = _Workspace(n, "twisted_parts").get(2 * k)
    tmp = _Workspace(1, "twisted_parts_tmp").get(2 * k)[0][0]
    rows = np.arange(n - 1)[:, None]
    up, down = M[1:, :k][::-1], M[1:, k:]                   # up_i: row n−1−i of M
    np.divide(-e[:, None], q[:-1], out=up)
    np.divide(-e[:, None], p[1:], out=down)
    np.copyto(up, 0.0, where=rows >= r)                      # only above r
    np.copyto(down, 0.0, where=rows + 1 <= r)                # only below r
    W.fill(0.0)
    W[n - 1 - r, columns] = 1.0
    W[r, k + columns] = 1.0
    multiplier_rows = list(M)
    multiply, add = np.multiply, np.add
    for t in range(1, n):
        multiply(multiplier_rows[t], z_rows[t - 1], tmp)
        add(z_rows[t], tmp, z_rows[t])
    Z = W[::-1, :k] + W[:, k:]
    Z[r, columns] = 1.0
    return Z


def _twisted_vectors(d: NDArray[np.float64], e: NDArray[np.float64], w: NDArray[np.float64],
                     tnorm: float, polish: bool = True) -> NDArray[np.float64] | None:
    r"""Eigenvectors of an unreduced T from twisted factorisations, or None if not accurate.

    .. math::

        T - λI = L_+ D_+ L_+^\mathsf{T} = U_- D_- U_-^\mathsf{T}, \qquad
        γ_r = q_r + p_r - (d_r - λ), \qquad (T - λI)\, z = γ_r e_r,

    with q the pivots from the top (`_sturm_pivots`), p those from the bottom, and r the
    row of the smallest |γ_r| (where the eigenvector is large). With z_r = 1 the other
    entries follow from the bidiagonal factors, ``z_i = −(e_i/q_i) z_{i+1}`` above r and
    ``z_{i+1} = −(e_i/p_{i+1}) z_i`` below: one solve, no iteration, four numpy calls per
    row for all eigenvalues at once (Parlett & Dhillon 1997). The residual of each z is of
    order eps‖T‖, so its angle to the exact vector is eps‖T‖/gap; one Newton–Schulz step
    ``Z ← Z (I − ½(ZᵀZ − I))`` then makes Z orthonormal to rounding, mixing vectors i and j
    by about eps‖T‖/|λ_i − λ_j| and so keeping the residuals of order eps‖T‖.

    None (use `_inverse_iteration`) when eigenvalues are closer than 1e-8‖T‖, or a
    residual exceeds `_TWISTED_RESIDUAL`·√n·eps‖T‖, or Z is far from orthonormal.

    With ``polish=False`` a Z already within 1e-8 of orthonormal is returned without its
    Newton–Schulz step (`svd` takes such a step on the halves of Z instead).
    """
    n, k = d.size, w.size
    if k > 1 and float(np.min(np.diff(w))) <= _RESOLVED_GAP * tnorm:
        return None
    # (in place, in kept work arrays: n×k temporaries are as costly as the work on them)
    gamma, scratch = (_Workspace(n, name).get(k)[0] for name in ("gamma", "scratch"))
    with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
        q, p = _pivots_both_ways(d, e, w)
        np.subtract(d[:, None], w, out=gamma)   # γ_r = q_r + p_r − (d_r − λ)
        np.subtract(np.add(q, p, out=scratch), gamma, out=gamma)
        np.abs(gamma, out=gamma)
        gamma[np.isnan(gamma)] = np.inf
        r = np.argmin(gamma, axis=0)
        Z = _twisted_solve(e, q, p, r)
        Z /= np.sqrt(np.einsum("ij,ij->j", Z, Z))
        R = np.subtract(d[:, None], w, out=gamma)   # R = (T − λI) Z
        R *= Z
        np.multiply(Z[1:], e[:, None], out=scratch[:-1])
        R[:-1] += scratch[:-1]
        np.multiply(Z[:-1], e[:, None], out=scratch[:-1])
        R[1:] += scratch[:-1]
        residual = max(float(np.max(R, initial=0.0)), -float(np.min(R, initial=0.0)))
    if not residual <= _TWISTED_RESIDUAL * math.sqrt(n) * _EPS * tnorm:  # NaN fails too
        return None
    for _ in range(2):
        G = Z.T @ Z
        G.flat[::k + 1] -= 1.0                  # ZᵀZ − I
        departure = max(float(np.max(G, initial=0.0)), -float(np.min(G, initial=0.0)))
        if departure > _TWISTED_DEPARTURE:
            return None
        if departure < 1e-8 and not polish:
            break
        correction = np.matmul(Z, G, out=scratch)
        correction *= 0.5
        Z -= correction
        if departure < 1e-8:  # the step just taken left rounding errors only
            break
    return Z


def _needs_refinement(w: NDArray[np.float64], tight: bool, tnorm: float) -> bool:
    """Whether a cluster's vectors need `_refine_cluster` after inverse iteration.

    Not if every gap inside it exceeds 1e-8‖T‖ (each vector then converged on its own),
    nor if it is narrower than 10 eps‖T‖ (any orthonormal basis of its subspace then has
    residuals of that size).
    """
    width = float(w[-1] - w[0])
    if tight:
        return width > _PERTOL * _EPS * tnorm
    return float(np.min(np.diff(w))) <= _RESOLVED_GAP * tnorm


def _refine_cluster(d: NDArray[np.float64], e: NDArray[np.float64], X: NDArray[np.float64],
                    c: NDArray[np.intp], others: NDArray[np.intp], w: NDArray[np.float64],
                    tnorm: float) -> NDArray[np.float64]:
    """A cluster's vectors made orthogonal to the block's `others`, then Ritz vectors.

    In a wide cluster, orthonormalising the iterates of close eigenvalues can magnify
    their rounding errors in directions outside the cluster; projecting out the block's
    other (accurate) eigenvectors removes those. (A tight cluster, iterated with one
    shift, does not need it: `others` is then empty.) The vectors then span the right
    subspace but need not be matched to their own eigenvalues: the Rayleigh–Ritz step
    rotates them onto the Ritz vectors.
    """
    Xo = X[:, others]
    Q = _orthonormal_basis(X[:, c] - Xo @ (Xo.T @ X[:, c]))
    return _rayleigh_ritz(d, e, Q, w, tnorm)


def _rayleigh_ritz(d: NDArray[np.float64], e: NDArray[np.float64], Q: NDArray[np.float64],
                   w: NDArray[np.float64], tnorm: float) -> NDArray[np.float64]:
    """The Ritz vectors ``Q Y`` of T(d, e) in span(Q): ``(QᵀTQ − μI) Y = Y Θ``.

    The small symmetric problem is solved by `_symmetric_eigh` itself, shifted by the
    cluster's midpoint μ, so that its eigenvalues are spread relative to its own norm. A
    cluster as wide as half the spectrum is left as it is: its eigenvalues are resolved
    one by one, and the recursion would not get smaller.
    """
    spread = float(w[-1] - w[0])
    if spread > 0.5 * tnorm:
        return Q
    TQ = d[:, None] * Q
    TQ[:-1] += e[:, None] * Q[1:]
    TQ[1:] += e[:, None] * Q[:-1]
    H = Q.T @ TQ
    H = 0.5 * (H + H.T) - 0.5 * float(w[0] + w[-1]) * np.eye(w.size)
    _, Y = _symmetric_eigh(H)
    return Q @ Y


# ---------------------------------------------------------------------------------------
# Tridiagonal eigenproblem: divide and conquer (Cuppen; Gu & Eisenstat)
# ---------------------------------------------------------------------------------------
#
# *Divide.* Cut T between rows k and k + 1, where its off-diagonal entry is β:
#
#     T = [[T₁, 0], [0, T₂]] + |β| v vᵀ,   v = (0, …, 0, 1 | s, 0, …, 0),  s = sign(β),
#
# with T₁ and T₂ the two halves less |β| on the diagonal entry next to the cut ("tearing").
# Cutting every half again, down to 1×1 pieces, subtracts |e_i| from both neighbours of
# every off-diagonal entry at once: the leaves are the entries of d − |e| on both sides.
#
# *Conquer.* With the halves solved, T_i = Q_i Λ_i Q_iᵀ, the rotated problem is a diagonal
# plus a rank-one matrix:
#
#     T = Q (D + ρ z zᵀ) Qᵀ,   Q = diag(Q₁, Q₂),  D = diag(Λ₁, Λ₂),
#     z = Qᵀ v / ‖Qᵀ v‖ = (last row of Q₁, s·first row of Q₂) / √2,   ρ = 2|β|.
#
# The eigenvalues λ of D + ρ z zᵀ (the "poles" δ_i are D's entries) are the roots of the
# *secular equation*
#
#     f(λ) = 1 + ρ Σ_i z_i² / (δ_i − λ) = 0,
#
# one in each interval (δ_j, δ_{j+1}) and one in (δ_n, δ_n + ρ): f rises from −∞ to +∞
# between consecutive poles (f′ = ρ Σ z_i²/(δ_i − λ)² > 0). The eigenvector of λ_j is
# (D − λ_j I)⁻¹ z, i.e. u_ij ∝ z_i / (δ_i − λ_j), and T's eigenvectors are Q u_j.
#
# *Deflation.* If ρ|z_i| is below the rounding level tol = 8 eps max(|δ|, ρ), z_i is set
# to 0: δ_i is then an eigenvalue with eigenvector e_i (a perturbation of T of size tol).
# If poles δ_i ≤ … ≤ δ_l lie within tol of each other, one Householder reflection H of
# their components moves the whole of z's weight there onto the last of them (H z =
# (0, …, 0, α)); H D H differs from D by at most their spread, so the others deflate too.
# What is left has distinct poles and nonzero weights, so the roots are strictly
# interlaced. (Deflation is also what makes the method fast: in practice many poles go.)
#
# *Solving the secular equation* for all roots at once (vectorised, O(k²) per pass): each
# root λ_j = δ_o + τ_j is stored as an offset from its nearer pole δ_o (so δ_i − λ_j =
# (δ_i − δ_o) − τ_j keeps full relative accuracy next to that pole), and iterated by the
# "middle way" of Li (LAPACK's dlaed4): near λ, the two poles that bracket the root keep
# their own terms and the rest of f is fitted by its value and slope,
#
#     f(λ + η) ≈ c + s/(Δ_j − η) + S/(Δ_{j+1} − η),   Δ_i = δ_i − λ,
#     s = Δ_j² ψ′,  S = Δ_{j+1}² φ′,  c = f − Δ_j ψ′ − Δ_{j+1} φ′,
#
# (ψ: the sum over poles up to δ_j, φ: the rest), and η is the root of that quadratic in
# the interval. Convergence is quadratic; a step leaving the bracket that the signs of f
# have fixed is replaced by bisection. A root is done when |f| is below its rounding
# error, eps·(2 + Σ|terms| + |τ|f′)·8.
#
# *Orthogonal eigenvectors (Gu & Eisenstat 1995).* Vectors z_i/(δ_i − λ_j) built from
# slightly wrong roots need not be orthogonal when roots are close. Instead, the ẑ for
# which the computed λ_j are the *exact* eigenvalues of D + ρ ẑ ẑᵀ is computed (Löwner's
# formula), and the vectors are built from it:
#
#     ρ ẑ_i² = ∏_j (λ_j − δ_i) / ∏_{j≠i} (δ_j − δ_i),   u_ij ∝ ẑ_i / (δ_i − λ_j).
#
# Each factor is a difference computed to full relative accuracy, so the u_j are exact
# eigenvectors of a nearby matrix, orthogonal to rounding, however close the roots.
# (Paired as ratios (λ_j − δ_i)/(δ_j − δ_i) and (λ_j − δ_i)/(δ_{j+1} − δ_i), each between
# 0 and 1 by interlacing, the product neither overflows nor underflows.)
#
# *Batched.* The halves are split evenly (sizes ⌈k/2⌉ and ⌊k/2⌋), so the pieces of one
# level differ in size by at most one: all merges of a level run together, as stacks of
# k×k arrays padded with inert poles (z = 0, value _DC_PAD). The Python loops run over
# the log₂ n levels and the iterations of the secular equation, never over rows or
# eigenvalues.
#
# *When.* Each level costs a few hundred numpy calls and each merge O(k²) array work per
# iteration, against the bisection's few numpy calls per row and pass. Measured (one BLAS
# thread), divide and conquer wins for the eigenvectors from about 500 rows on (the
# Golub–Kahan matrix of `svd`: 1.3× faster at n = 300, 1.8× at n = 800) and loses below
# (1.25× slower at n = 200); for the eigenvalues alone bisection is faster at every size
# tried. `_tridiagonal_eigh` chooses accordingly (`_DIVIDE_AND_CONQUER_SIZE`).

#: Value of the padding poles of the batched merges (T is scaled so that ‖T‖ < 1: every
#: eigenvalue of a torn half lies below 2, and the padding sorts last).
_DC_PAD = 1e3
#: Iterations of the secular equation at most (bisection alone needs about 60).
_SECULAR_STEPS = 100
#: Deflation tolerance, in eps·max(|δ|, ρ) (LAPACK's dlaed2).
_DEFLATION = 8.0
#: From this many live poles on, a merge's product with diag(Q₁, Q₂) is done as two.
_SPLIT_PRODUCT = 48


def _level_sizes(n: int) -> list[NDArray[np.intp]]:
    """Sizes of the pieces at each level of the even halving: [n], [⌈n/2⌉, ⌊n/2⌋], … ≤ 1."""
    levels = [np.array([n], dtype=np.intp)]
    while levels[-1].max() > 1:
        k = levels[-1]
        halves = np.empty(2 * k.size, dtype=np.intp)
        halves[0::2], halves[1::2] = (k + 1) // 2, k // 2
        levels.append(halves)
    return levels


def _two_pole_root(c, aL, aR, s, S, beyond):
    r"""The root η of ``c + s/(aL − η) + S/(aR − η) = 0`` in (aL, aR), or above aR where
    `beyond` (the last root, whose model poles are both on its left).

    .. math:: c η^2 - \big(c(a_L + a_R) + s + S\big) η + c a_L a_R + s a_R + S a_L = 0,

    solved without cancellation: q = (B + sign(B)√(B² − 4cC))/2, roots q/c and C/q.
    """
    B = c * (aL + aR) + s + S
    C = c * aL * aR + s * aR + S * aL
    q = 0.5 * (B + np.copysign(np.sqrt(np.maximum(B * B - 4.0 * c * C, 0.0)), B))
    first, second = q / c, C / q
    inside = np.where(beyond, second > aR, (second > aL) & (second < aR))
    return np.where(inside, second, first)


def _secular_roots(poles: NDArray[np.float64], weights: NDArray[np.float64],
                   valid: NDArray[np.bool_]):
    """All roots of ``1 + Σ_i w_i/(δ_i − λ) = 0`` for each row (merge) at once.

    `poles` (m, P) ascending on the `valid` entries (the first p of each row), `weights`
    w = ρ z² > 0 there (0 elsewhere). Returns (origin, tau, offsets): root j of row r is
    ``origin[r, j] + tau[r, j]``, and ``offsets[r, j, i] − tau[r, j]`` is δ_i − λ_j.
    """
    m, P = poles.shape
    p = valid.sum(axis=1)
    j = np.arange(P)
    last = j == (p - 1)[:, None]
    left = poles
    right = np.where(last, poles + weights.sum(axis=1)[:, None],
                     np.concatenate((poles[:, 1:], poles[:, -1:]), axis=1))
    gap = right - left
    # the model's two poles: j and j + 1 around the root, p − 2 and p − 1 (both below)
    # for the last root; a single pole has none on its left
    mR = np.where(last, j, j + 1)
    single = mR == 0
    mL = np.maximum(mR - 1, 0)
    # the origin: the pole nearer to the root, told by the sign of f at the midpoint
    # (beyond the last pole: at its upper bound), f evaluated in offsets from the left
    # pole so that the test agrees with the bracket it sets, to the last bit
    half = np.where(last, gap, 0.5 * gap)
    w = weights[:, None, :]
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        f_at = 1.0 + np.sum(w / ((poles[:, None, :] - left[:, :, None]) - half[:, :, None]), axis=2)
    from_left = last | (f_at >= 0.0) | ~valid
    origin = np.where(from_left, left, right)
    offsets = poles[:, None, :] - origin[:, :, None]    # δ_i − origin_j, (m, P roots, P poles)
    at = np.where(from_left, half, -half)                # the midpoint, from the origin
    lo = np.where(from_left, 0.0, -half)
    hi = np.where(from_left, half, 0.0)
    # first guess: the model's two poles exactly, the other terms frozen at `at`
    wL = np.where(single, 0.0, np.take_along_axis(weights, mL, axis=1))
    wR = np.take_along_axis(weights, np.minimum(mR, P - 1), axis=1)
    aR = np.take_along_axis(offsets, np.minimum(mR, P - 1)[:, :, None], axis=2)[:, :, 0]
    aL = np.where(single, aR - 1.0, np.take_along_axis(offsets, mL[:, :, None], axis=2)[:, :, 0])
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        c = f_at - wL / (aL - at) - wR / (aR - at)
        tau = _two_pole_root(c, aL, aR, wL, wR, last)
    tau = np.where(np.isfinite(tau) & (tau > lo) & (tau < hi), tau, 0.5 * (lo + hi))
    result = tau.copy()
    # The iteration works on arrays (G, R, P): G groups of R roots sharing their poles
    # and weights (first the merges, R = P; once many roots have converged, the live
    # ones, R = 1). `live` holds their positions in the (m, P) arrays.
    live = np.flatnonzero(valid)
    D0, w0 = offsets, w
    group = live // P
    shape = (m, P)
    state = [x.ravel() for x in (tau, lo, hi, mL, np.minimum(mR, P - 1), last, single)]
    full = True
    for _ in range(_SECULAR_STEPS):
        if live.size == 0:
            break
        if full and live.size < 0.85 * m * P:  # gather the live roots
            D0 = D0.reshape(m * P, 1, P)[live]
            w0 = w0[group]
            state = [x[live] for x in state]
            shape, full = (live.size, 1), False
        t, lo, hi, iL, iR, la, si = (x.reshape(shape) for x in state)
        Delta = D0 - t[:, :, None]                                   # δ_i − λ
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            terms = w0 / Delta                                       # w_i/Δ_i
            slopes = terms / Delta                                   # w_i/Δ_i²
            below = np.minimum(terms, 0.0)                           # the poles below λ
            f, df = 1.0 + terms.sum(axis=2), slopes.sum(axis=2)
            psi, dpsi = below.sum(axis=2), (below / Delta).sum(axis=2)
            dR = np.take_along_axis(Delta, iR[:, :, None], axis=2)[:, :, 0]
        # ψ: the poles up to the model's left one, φ: the rest (for the last root, whose
        # poles are all below it, φ is the term of the model's right pole, the last)
        tR = np.take_along_axis(terms, iR[:, :, None], axis=2)[:, :, 0]
        psi = np.where(la, f - 1.0 - tR, psi)
        dpsi = np.where(la, df - tR / dR, dpsi)
        phi, dphi = f - 1.0 - psi, df - dpsi
        bound = _DEFLATION * _EPS * (2.0 + phi - psi + np.abs(t) * df)
        hi = np.where(f > 0, t, hi)
        lo = np.where(f < 0, t, lo)
        dL = np.where(si, dR - 1.0, np.take_along_axis(Delta, iL[:, :, None], axis=2)[:, :, 0])
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            eta = _two_pole_root(f - dL * dpsi - dR * dphi, dL, dR, dL * dL * dpsi,
                                 dR * dR * dphi, la)
            new = t + eta
        inside = np.isfinite(new) & (new > lo) & (new < hi)
        new = np.where(inside, new, 0.5 * (lo + hi))
        converged = (np.abs(f) <= bound) | (hi - lo <= 4.0 * _EPS * np.maximum(-lo, hi))
        small_step = inside & (np.abs(eta) <= 2.0 * _EPS * np.abs(new))
        done = (converged | small_step).ravel()
        if full:
            done = done[live]
            picked = (np.where(converged, t, new).ravel())[live]
        else:
            picked = np.where(converged, t, new).ravel()
        result.ravel()[live] = picked
        state = [x.ravel() for x in (new, lo, hi, iL, iR, la, si)]
        if full:
            live = live[~done]
            group = live // P
            # roots that are done stay in the full arrays (masked by `live`) until a gather
            continue
        go = ~done
        live = live[go]
        D0, w0 = D0[go], w0[go]
        state = [x[go] for x in state]
        shape = (live.size, 1)
    return origin, result, offsets


def _householder_deflation(d, z, deflated, tol):
    """Deflate groups of poles closer than `tol` (see the section's comment).

    Returns (G, z, deflated): G (m, k, k) the block-diagonal reflections (None if no
    group), z with each group's weight moved onto its last member, the others deflated.
    """
    m, k = d.shape
    index = np.arange(k)
    rows = np.arange(m)[:, None]
    # each live pole against the previous live one
    latest = np.maximum.accumulate(np.where(~deflated, index, -1), axis=1)
    previous = np.concatenate((np.full((m, 1), -1), latest[:, :-1]), axis=1)
    gap = d - d[rows, np.maximum(previous, 0)]
    close = ~deflated & (previous >= 0) & (gap <= tol[:, None])
    if not close.any():
        return None, z, deflated
    live = ~deflated
    start = live & ~close
    # a chain of close poles is cut into groups no wider than 4·tol
    first = np.maximum.accumulate(np.where(start, index, 0), axis=1)
    width = np.floor((d - d[rows, first]) / np.maximum(4.0 * tol, 1e-300)[:, None])
    key = np.where(live, np.cumsum(start, axis=1) * (k + 1.0) + width, -1.0 - index)
    same = key[:, :, None] == key[:, None, :]
    grouped = live & (same.sum(axis=2) >= 2)
    is_last = grouped & (index == np.max(np.where(same, index, -1), axis=2))

    def group_sum(x):
        return np.sum(np.where(same, x[:, None, :], 0.0), axis=2)

    # H = I − β v vᵀ with v = z_G − α e_last, α = −sign(z_last)‖z_G‖: H z_G = α e_last
    alpha = -np.copysign(np.sqrt(group_sum(z * z)), group_sum(np.where(is_last, z, 0.0)))
    v = np.where(grouped, z, 0.0) - np.where(is_last, alpha, 0.0)
    vv = group_sum(v * v)
    beta = np.where(grouped, 2.0 / np.where(vv > 0, vv, 1.0), 0.0)
    G = np.eye(k) - np.where(same, (beta * v)[:, :, None] * v[:, None, :], 0.0)
    z = np.where(grouped & ~is_last, 0.0, np.where(is_last, alpha, z))
    return G, z, deflated | (grouped & ~is_last)


def _lowner_vectors(poles, z, valid, offsets, tau):
    """Eigenvectors (rows) of ``diag(δ) + ρ z zᵀ`` from its computed roots (Gu–Eisenstat).

    Arguments as `_secular_roots` takes and returns them; invalid rows are unit vectors.
    Everything is laid out (merge, root j, pole i), so that the products over j are
    reductions along axis 1.
    """
    m, P = poles.shape
    j = np.arange(P)
    p = valid.sum(axis=1)
    # δ_i − λ_j, and −1 on the rows of invalid roots (whose factors must be 1)
    Delta = np.where(valid[:, :, None], offsets - tau[:, :, None], -1.0)
    # denominators of the paired ratios: δ_j − δ_i (j < i), δ_{j+1} − δ_i (j ≥ i), and 1 for
    # the last root and the invalid ones
    shifted = np.concatenate((poles, poles[:, -1:]), axis=1)
    differences = shifted[:, :, None] - poles[:, None, :]           # (m, P + 1, P)
    den = np.where(j[:, None] < j[None, :], differences[:, :P], differences[:, 1:])
    den[~valid | (j == (p - 1)[:, None])] = 1.0
    # ρ ẑ_i² = ∏_j (λ_j − δ_i)/den_ji, each ratio in (0, 1] by interlacing
    with np.errstate(divide="ignore", invalid="ignore"):
        zhat = np.sqrt(np.abs(np.prod(Delta / den, axis=1)))
    zhat = np.where(valid, np.copysign(zhat, z), 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        U = zhat[:, None, :] / Delta
    U[~valid] = 0.0
    norms = np.sqrt(np.einsum("mji,mji->mj", U, U))
    U /= np.where(valid, norms, 1.0)[:, :, None]
    r, i = np.nonzero(~valid)
    U[r, i, i] = 1.0
    return U


def _rank_one_merge(delta: NDArray[np.float64], z: NDArray[np.float64], rho: NDArray[np.float64],
                    padding: NDArray[np.bool_], Y: NDArray[np.float64],
                    split: NDArray[np.intp] | None = None):
    """Eigenvalues of ``diag(δ) + ρ z zᵀ`` for every row (merge) at once, and Uᵀ Y.

    Parameters
    ----------
    delta, z : (m, k) ndarray
        Poles and (unnormalised) weights of each merge; `padding` marks inert entries.
    rho : (m,) ndarray
        ρ ≥ 0 (ρ = 0: nothing couples, every pole is an eigenvalue).
    Y : (m, k, r) ndarray
        Row i belongs to pole i (Y = diag(Q₁, Q₂)ᵀ in `_divide_and_conquer`).
    split : (m,) int ndarray, optional
        With Y = diag(Q₁, Q₂)ᵀ, the column where Q₂'s rows start: the rows of Y of the
        first k/2 poles are zero from there on, the others before it.

    Returns
    -------
    lam : (m, k) ndarray
        The eigenvalues, ascending (the padding last).
    UY : (m, k, r) ndarray
        ``Uᵀ Y`` with U the eigenvectors (columns), row j for lam[:, j].
    """
    m, k = delta.shape
    rows = np.arange(m)[:, None]
    poles = np.where(padding, _DC_PAD, delta)
    order = np.argsort(poles, axis=1, kind="stable")
    d, z, padding = poles[rows, order], np.where(padding, 0.0, z)[rows, order], padding[rows, order]
    Y = Y[rows, order]
    # ρ z zᵀ with ‖z‖ = 1
    norm = np.sqrt(np.sum(z * z, axis=1))
    rho = rho * norm * norm
    z = z / np.where(norm > 0, norm, 1.0)[:, None]
    # deflation: negligible weights, then groups of close poles
    tol = _DEFLATION * _EPS * np.maximum(np.max(np.where(padding, 0.0, np.abs(d)), axis=1), rho)
    deflated = padding | (rho[:, None] * np.abs(z) <= tol[:, None])
    G, z, deflated = _householder_deflation(d, z, deflated, tol)
    if G is not None:  # (which mixes the rows of the two halves)
        Y, split = G @ Y, None
    # the live poles first (ascending), the deflated ones after them
    live_first = np.argsort(deflated, axis=1, kind="stable")
    lam, Y = d[rows, live_first], Y[rows, live_first]
    p = np.count_nonzero(~deflated, axis=1)
    P = int(p.max())
    if P:
        valid = np.arange(P) < p[:, None]
        poles = np.where(valid, lam[:, :P], 4.0 * _DC_PAD)
        zz = np.where(valid, z[rows, live_first[:, :P]], 0.0)
        origin, tau, offsets = _secular_roots(poles, rho[:, None] * zz * zz, valid)
        lam[:, :P] = np.where(valid, origin + tau, lam[:, :P])
        # the merge's eigenvectors as rows (root j, pole i): u_ji = ẑ_i/(δ_i − λ_j)
        U = _lowner_vectors(poles, zz, valid, offsets, tau)
        left = order[rows, live_first[:, :P]] < k // 2      # the live poles of the left half
        if split is None or P < _SPLIT_PRODUCT:
            Y[:, :P] = U @ Y[:, :P]
        else:  # each half's rows of Y are zero outside its own rows of T: two products
            for r in range(m):
                q, c, L = p[r], split[r], left[r, :p[r]]
                Yr = Y[r, :q]
                Y[r, :q] = np.concatenate((U[r, :q, :q][:, L] @ Yr[L, :c],
                                           U[r, :q, :q][:, ~L] @ Yr[~L, c:]), axis=1)
    ascending = np.argsort(lam, axis=1, kind="stable")
    return lam[rows, ascending], Y[rows, ascending]


def _divide_and_conquer(d: NDArray[np.float64],
                        e: NDArray[np.float64]) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Eigenvalues (ascending) and eigenvectors (columns) of T(d, e), ‖T‖ < 1.

    The levels of the even halving are merged bottom-up, all merges of a level at once;
    each piece keeps Qᵀ (rows: its eigenvectors, on the piece's own rows of T).
    """
    n = d.size
    levels = _level_sizes(n)
    # the leaves: d with |e| torn off both neighbours of every off-diagonal entry
    leaves = d.copy()
    leaves[:-1] -= np.abs(e)
    leaves[1:] -= np.abs(e)
    K = levels[-1]
    starts = np.concatenate(([0], np.cumsum(K)[:-1]))
    W = np.where(K == 1, leaves[np.minimum(starts, n - 1)], _DC_PAD)[:, None]
    Qt = (K == 1).astype(float)[:, None, None]        # Qᵀ of each piece
    for depth in range(len(levels) - 2, -1, -1):
        K, halves = levels[depth], levels[depth + 1]
        Kl, Kr = halves[0::2], halves[1::2]
        m, s, s_new = K.size, W.shape[1], int(K.max())
        starts = np.concatenate(([0], np.cumsum(K)[:-1]))
        beta = np.where(Kr > 0, e[np.clip(starts + Kl - 1, 0, max(n - 2, 0))] if n > 1 else 0.0,
                        0.0)
        # z: the last entries of the left half's vectors, s × the first of the right's
        z = np.concatenate((Qt[0::2][np.arange(m), :, np.maximum(Kl - 1, 0)],
                            np.copysign(1.0, beta)[:, None] * Qt[1::2][:, :, 0]), axis=1)
        cols = np.arange(s)
        padding = np.concatenate((cols >= Kl[:, None], cols >= Kr[:, None]), axis=1)
        # Qᵀ = diag(Q₁, Q₂)ᵀ, the rows of T of the right half after the left's
        Y = np.zeros((m, 2 * s, 2 * s))
        for size in np.unique(Kl):
            g = np.flatnonzero(Kl == size)
            Y[g, :s, :s] = Qt[2 * g]
            Y[g, s:, size:size + s] = Qt[2 * g + 1]
        # (z has norm √2 here: the merge normalises it, and ρ = |β| becomes 2|β|)
        lam, Y = _rank_one_merge(np.concatenate((W[0::2], W[1::2]), axis=1), z,
                                 np.abs(beta), padding, Y, Kl)
        W = np.where(np.arange(s_new) < K[:, None], lam[:, :s_new], _DC_PAD)
        Qt = Y[:, :s_new, :s_new]
    return W[0, :n], Qt[0, :n, :n].T


def _tridiagonal_eigh(d: ArrayLike, e: ArrayLike, *, vectors: bool = True, select=None,
                      divide_and_conquer: bool | None = None, coarse=None,
                      polish: bool = True
                      ) -> tuple[NDArray[np.float64], NDArray[np.float64] | None]:
    r"""Eigenvalues (ascending) and eigenvectors of the symmetric tridiagonal T(d, e).

    Parameters
    ----------
    d : (n,) array_like
        Diagonal of T.
    e : (n − 1,) array_like
        Off-diagonal of T.
    vectors : bool
        Compute the eigenvectors too.
    select : slice, int array or bool mask, optional
        Which eigenvalues, by position in ascending order (``np.arange(n)[select]``);
        all of them by default.
    divide_and_conquer : bool, optional
        For the eigenvectors: divide and conquer (True) or bisection and twisted
        factorisations or inverse iteration (False); by default divide and conquer from
        `_DIVIDE_AND_CONQUER_SIZE` rows on, and from `_DIVIDE_AND_CONQUER_FALLBACK` rows on
        where twisted factorisations cannot serve (blocks, close eigenvalues).
    coarse : (callable, float, float), optional
        A cheaper count of T's eigenvalues below each σ (an array), its accuracy in σ, and
        a lower bound of the selected eigenvalues, for the first bisection passes (see
        `_bisect`).
    polish : bool
        False: eigenvectors from twisted factorisations may be left within 1e-8 of
        orthonormal (see `_twisted_vectors`), for a caller that makes them orthonormal.

    Returns
    -------
    w : (k,) ndarray
        The selected eigenvalues, ascending, to an absolute accuracy of about eps‖T‖.
    Z : (n, k) ndarray or None
        Orthonormal eigenvectors (columns), unnormalised in sign; None if not `vectors`.

    Off-diagonal entries with |e_i| ≤ eps‖T‖ are set to zero, splitting T into unreduced
    blocks; each eigenvector is computed on the rows of its own block only, so that a
    diagonal T gives unit vectors (and a 1×1 block its diagonal entry, exactly).

    With a partial `select`, tight clusters are repaired against the selected vectors
    only (`_refine_cluster`): select whole clusters, or all eigenvalues, when their
    vectors must be accurate (`_bidiagonal_svd` takes all of them for that reason).
    """
    d = np.asarray(d, dtype=np.float64)
    e = np.asarray(e, dtype=np.float64)
    n = d.size
    j = np.sort(np.arange(n)[select if select is not None else slice(None)].reshape(-1))
    radius = np.zeros(n)
    radius[:-1] += np.abs(e)
    radius[1:] += np.abs(e)
    tnorm = float(np.max(np.abs(d) + radius)) if n else 0.0
    if tnorm == 0.0:  # the zero matrix (or n = 0)
        return np.zeros(j.size), (np.eye(n)[:, j] if vectors else None)
    # exact power-of-two scaling: e² can neither overflow nor underflow
    scale = _power_of_two_scale(tnorm)
    d, e, radius, tnorm = d * scale, e * scale, radius * scale, tnorm * scale
    e = np.where(np.abs(e) <= _EPS * tnorm, 0.0, e)
    starts = np.flatnonzero(np.concatenate(([True], e == 0.0)))
    # divide and conquer: for large T, and, from _DIVIDE_AND_CONQUER_FALLBACK rows on, where
    # twisted factorisations cannot serve (T splits into blocks, or close eigenvalues:
    # see below) and inverse iteration would follow, which is then slower
    fallback = divide_and_conquer is None and n >= _DIVIDE_AND_CONQUER_FALLBACK
    if divide_and_conquer is None:
        divide_and_conquer = n >= _DIVIDE_AND_CONQUER_SIZE or (fallback and starts.size > 1)
    if vectors and divide_and_conquer:  # all of them, then the selection
        values, vectors_of_t = _divide_and_conquer(d, e)
        return values[j] / scale, vectors_of_t[:, j]
    # Gershgorin's interval, widened so that the Sturm counts at its ends are 0 and n
    pad = 2.1 * n * _EPS * tnorm
    lower, upper = float(np.min(d - radius)) - pad, float(np.max(d + radius)) + pad
    if coarse is not None:  # (in the units of the scaled T; the scale is a power of 2)
        coarse_counts = coarse[0]
        coarse = (lambda sigma: coarse_counts(sigma / scale), coarse[1] * scale,
                  coarse[2] * scale)
    lo, hi = _bisect(d, e, j, lower, upper, tnorm, coarse)
    w = 0.5 * (lo + hi)
    # a 1×1 block is its own eigenvalue, exactly (diagonal matrices, exact zeros)
    if starts.size == 1:  # one unreduced block: it owns every eigenvalue
        block = np.zeros(j.size, dtype=np.intp)
    else:
        block = _owning_blocks(_sturm_pivots(d, e, j.size), starts, j, lo, hi)
    single = np.diff(np.append(starts, n))[block] == 1
    w[single] = d[starts[block[single]]]
    order = np.argsort(w, kind="stable")
    w, block = w[order], block[order]
    if not vectors:
        return w / scale, None
    Z = _twisted_vectors(d, e, w, tnorm, polish) if starts.size == 1 else None
    if Z is None and fallback:
        values, vectors_of_t = _divide_and_conquer(d, e)
        return values[j] / scale, vectors_of_t[:, j]
    if Z is None:
        Z = _inverse_iteration(d, e, w, block, starts, tnorm)
    return w / scale, Z


def _symmetric_eigh(A: NDArray[np.float64], vectors: bool = True):
    """Eigenvalues (ascending) and eigenvectors (or None) of a symmetric A: steps 2–6 of `eigh`."""
    # Step 2: exact rescaling.
    scale = _power_of_two_scale(max(float(np.max(A)), -float(np.min(A))))
    # Step 3: A = Q T Qᵀ.
    d, e, V, beta = _tridiagonalize(A, scale)
    # Steps 4 and 5: T = Z Λ Zᵀ (bisection, inverse iteration).
    w, Z = _tridiagonal_eigh(d, e, vectors=vectors)
    if not vectors:
        return w / scale, None
    assert Z is not None  # computed when vectors is True
    # Step 6: V = Q Z, one sign per column (+ 0.0 turns −0.0 into 0.0), unscaled eigenvalues.
    X = _apply_reflectors(V, beta, Z)
    return w / scale, X * _largest_entry_positive(X) + 0.0


# ---------------------------------------------------------------------------------------
# Public functions
# ---------------------------------------------------------------------------------------

def _largest_entry_positive(Z: NDArray[np.float64]) -> NDArray[np.float64]:
    """Signs (±1 per column) that make each column's largest-magnitude entry positive.

    Entries within a relative 1e-9 of the largest magnitude count as tied and the first
    of them decides, so that vectors like (1, −1)/√2 get a stable sign.
    """
    absZ = np.abs(Z)
    if Z.shape[0] == 0:
        return np.ones(Z.shape[1])
    first = np.argmax(absZ >= (1.0 - _SIGN_TIE) * np.max(absZ, axis=0), axis=0)
    return np.where(Z[first, np.arange(Z.shape[1])] < 0, -1.0, 1.0)


def _symmetric_from_triangle(a: ArrayLike, UPLO: str) -> tuple[NDArray[np.float64], np.dtype]:
    """The symmetric matrix stored in the lower ('L') or upper ('U') triangle of `a`, and
    the dtype of the answer (float32 for float32 input, as NumPy)."""
    uplo = UPLO.upper() if isinstance(UPLO, str) else UPLO
    if uplo not in ("L", "U"):
        raise ValueError("UPLO argument must be 'L' or 'U'")
    A, dtype = matrix(a, square=True)
    lower = np.tri(A.shape[0], dtype=bool)           # i ≥ j
    return (np.where(lower, A, A.T) if uplo == "L" else np.where(lower, A.T, A)), dtype


def eigh(a: ArrayLike, UPLO: str = "L") -> EighResult:
    r"""Eigenvalues and eigenvectors of a real symmetric matrix.

    .. math::

        A = V \Lambda V^\mathsf{T}, \qquad V^\mathsf{T} V = I, \qquad
        \Lambda = \operatorname{diag}(\lambda_1 \le \dots \le \lambda_n).

    Parameters
    ----------
    a : (N, N) array_like
        Real symmetric matrix; only the triangle named by `UPLO` is read.
    UPLO : {'L', 'U'}, optional
        Use the lower (default) or upper triangle of `a`.

    Returns
    -------
    EighResult
        ``eigenvalues`` : (N,) ndarray of float64, ascending.
        ``eigenvectors`` : (N, N) ndarray of float64, orthonormal columns; column i
        belongs to ``eigenvalues[i]``.

    Raises
    ------
    numpy.linalg.LinAlgError
        If `a` is not two-dimensional or not square.
    ValueError
        If `UPLO` is not 'L' or 'U', or `a` contains NaN or inf (anywhere, the unread
        triangle included).
    TypeError
        If `a` is complex, float16 or long double (as NumPy), or not numbers.

    Notes
    -----
    *Algorithm*:

    1. Build the symmetric matrix from the triangle named by `UPLO`.
    2. Scale it by a power of two (exactly) so that max |a_ij| is in [0.5, 1).
    3. Tridiagonalise, ``A = Q T Qᵀ``, with n − 2 Householder reflections applied from
       both sides; each is a symmetric rank-2 update of the trailing matrix. Within a
       panel of 16 reflectors each update reaches only the next column (and, implicitly,
       the products with A); the rest of A takes the panel's 16 updates at once, by one
       matrix product (LAPACK's dsytrd).
    4. Eigenvalues of T by bisection: the number of negative pivots of the LDLᵀ
       factorisation of T − σI counts the eigenvalues below σ (Sturm sequence); the
       pivots are run from the top and from the bottom at once, twisted in the middle
       (the same inertia, half the steps per pass). One pass at 4n evenly spaced shifts
       puts each eigenvalue in a cell of Gershgorin's interval; then all n cells are cut
       into 4 together (two halvings in one pass over T's rows, 3n shifts), until they
       are 1e-4‖T‖ wide. If most eigenvalues are then alone in their cell, Newton's steps
       on det(T − σI) (whose derivative is a second recurrence over the pivots),
       corrected for the other eigenvalues' current estimates (Ehrlich–Aberth), finish
       those, each step's Sturm count keeping the interval, and the counts at
       σ ∓ eps‖T‖/2 confirm the result; the others are cut into 8 until eps‖T‖ wide.
       Off-diagonal entries below eps‖T‖ split T into blocks first.
    5. Eigenvectors of T, all at once. For an unreduced T with no eigenvalues closer than
       1e-8‖T‖: from the twisted factorisation of T − λ_j I (pivots from the top and from
       the bottom, twisted at the row where the eigenvector is largest), one bidiagonal
       solve each, then one Newton–Schulz step for orthonormality; kept if every residual
       is of order eps‖T‖. Otherwise by inverse iteration: a pivoted LU of T − σ_j I for
       every j (vectorised over j), three solves from random starts, and after each a
       Householder QR inside every cluster of eigenvalues closer than 1e-3‖T‖, so that
       repeated eigenvalues still get orthonormal vectors. In clusters too tight for
       inverse iteration to tell the vectors apart (gaps below 1e-8‖T‖) the vectors are
       made orthogonal to the rest of their block and rotated onto Ritz vectors, whose
       small eigenproblem is solved by this same algorithm.
       For n ≥ 512, steps 4–5 are replaced by divide and conquer: T is torn into halves
       (down to 1×1), and each pair of solved halves is merged by solving the secular
       equation ``1 + ρ Σ z_i²/(δ_i − λ) = 0`` of a diagonal-plus-rank-one matrix for all
       its roots at once, after deflating negligible z_i and close poles; eigenvectors by
       Löwner's formula (Gu & Eisenstat), which keeps them orthogonal, then multiplied
       into the halves' eigenvectors (matrix products).
    6. Back-transform ``V = Q Z`` with the reflectors in compact WY form (matrix
       products), fix the signs and undo the scaling of step 2.

    *The textbook algorithm* `_textbook_eigh` makes the same reduction (step 3, with the
    same reflectors) and then diagonalises T by implicit QR steps with Wilkinson's shift,
    accumulating every rotation into Q. This fast path computes the same Λ and V (each
    column up to sign) with the work reordered: the reduction in panels with a matrix
    product for the trailing update; T's eigenvalues by bisection and Newton's steps and
    its eigenvectors by twisted factorisations, each vectorised across all eigenvalues
    instead of a chain of rotations followed one at a time; Q applied to them once, at the
    end, in compact WY form.

    Sign convention: eigenvectors are defined up to sign; each column's entry of largest
    magnitude is made positive (the first such entry if several are equal to within a
    relative 1e-9). No simple rule reproduces LAPACK's signs (NumPy's): on random matrices
    the largest, first or last entry is positive in about half of the columns.

    *Complexity*: 4n³/3 flops for step 3 and about 2n³ for step 6, plus 4n³ for the
    Newton–Schulz step of step 5; otherwise steps 4–5 are O(n²) flops (about four
    multisection and four Newton passes over n rows, then two pivot passes and two
    bidiagonal solves; with inverse iteration three solves), plus O(n c²) for each
    cluster of size c. Their Python loops over rows dominate the time for n below a few
    hundred. Divide and conquer costs O(n²) per level for the secular equations and at
    most about 4n³/3 flops of matrix products (less with deflation).

    *Numerical stability*: Householder reduction is backward stable; bisection returns
    each eigenvalue of T to within eps‖T‖; twisted factorisations and inverse iteration
    give residuals ‖T z − λ z‖ ≈ eps‖T‖. So ‖A V − V Λ‖ and ‖VᵀV − I‖ are of order n·eps‖A‖ and n·eps,
    and each eigenvalue is within a modest multiple of eps‖A‖ of the exact one (Weyl).
    Small eigenvalues are accurate relative to ‖A‖, not to themselves.

    References
    ----------
    Golub & Van Loan, *Matrix Computations*, 4th ed., §8.3.1 (Householder
    tridiagonalisation), §8.4.1 (Sturm sequences and bisection), §8.2.2 and §8.4.2
    (inverse iteration); Demmel, *Applied Numerical Linear Algebra*, §5.3.4; Parlett &
    Dhillon, "Fernando's solution to Wilkinson's problem", *Linear Algebra Appl.* 267
    (1997) (twisted factorisations).

    Checked against ``reference.linalg.eigh`` → ``numpy.linalg.eigh``: equal eigenvalues;
    eigenvectors equal up to the sign of each column (and, for repeated eigenvalues, up to
    the choice of basis of each eigenspace).

    Examples
    --------
    >>> w, V = eigh([[2, 1], [1, 2]])
    >>> np.round(w, 12)
    array([1., 3.])
    >>> np.round(V, 4)
    array([[ 0.7071,  0.7071],
           [-0.7071,  0.7071]])
    """
    # Step 1: the symmetric matrix that one triangle stands for.
    A, dtype = _symmetric_from_triangle(a, UPLO)
    if A.shape[0] == 0:
        return EighResult(np.zeros(0, dtype), np.zeros((0, 0), dtype))
    # Steps 2–6.
    w, V = _symmetric_eigh(A)
    return EighResult(w.astype(dtype, copy=False), V.astype(dtype, copy=False))


def eigvalsh(a: ArrayLike, UPLO: str = "L") -> NDArray[np.float64]:
    r"""Eigenvalues of a real symmetric matrix, ascending.

    .. math::

        \det(A - \lambda I) = 0, \qquad \lambda_1 \le \dots \le \lambda_n.

    Parameters
    ----------
    a : (N, N) array_like
        Real symmetric matrix; only the triangle named by `UPLO` is read.
    UPLO : {'L', 'U'}, optional
        Use the lower (default) or upper triangle of `a`.

    Returns
    -------
    w : (N,) ndarray of float64
        The eigenvalues, ascending.

    Raises
    ------
    numpy.linalg.LinAlgError
        If `a` is not two-dimensional or not square.
    ValueError
        If `UPLO` is not 'L' or 'U', or `a` contains NaN or inf.
    TypeError
        If `a` is complex, float16 or long double (as NumPy), or not numbers.

    Notes
    -----
    *Algorithm*:

    1. Build the symmetric matrix from the triangle named by `UPLO`.
    2. Scale it by a power of two (exactly) so that max |a_ij| is in [0.5, 1).
    3. Tridiagonalise, ``A = Q T Qᵀ``, with Householder reflections in panels (Q is not
       formed).
    4. Bisection on Sturm counts, finished by Newton's steps, for all eigenvalues of T
       at once (as in `eigh`).

    *Complexity*: 4n³/3 flops for step 3 and O(n²) for step 4; no eigenvectors, so
    about half the time of `eigh`.

    *Numerical stability*: each eigenvalue is within a modest multiple of eps‖A‖ of the
    exact one (backward-stable reduction, bisection to eps‖T‖).

    References
    ----------
    Golub & Van Loan, *Matrix Computations*, 4th ed., §8.3.1 and §8.4.1.

    Checked against ``reference.linalg.eigvalsh`` → ``numpy.linalg.eigvalsh``: equal to
    rounding relative to ‖A‖.

    Examples
    --------
    >>> np.round(eigvalsh([[2, 1], [1, 2]]), 12)
    array([1., 3.])
    """
    # Step 1: the symmetric matrix that one triangle stands for.
    A, dtype = _symmetric_from_triangle(a, UPLO)
    if A.shape[0] == 0:
        return np.zeros(0, dtype)
    # Steps 2–4, as in `eigh`.
    return _symmetric_eigh(A, vectors=False)[0].astype(dtype, copy=False)
