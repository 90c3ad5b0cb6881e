"""The SMO solver of libsvm (Fan, Chen & Lin 2005), written as the mathematics it solves.

Both `SVC` and `SVR` reduce to one quadratic programme over a vector α ∈ ℝˡ:

.. math::

    \\min_\\alpha \\; f(\\alpha) = \\tfrac12 \\alpha^\\top Q \\alpha + p^\\top \\alpha
    \\quad\\text{s.t.}\\quad y^\\top \\alpha = 0, \\quad 0 \\le \\alpha_t \\le C_t,

with labels y_t ∈ {+1, −1} and Q_tu = y_t y_u K(x_t, x_u). Its gradient is
G = ∇f(α) = Qα + p. Sequential minimal optimisation moves two coordinates at a time (the
least that keeps yᵀα = 0): along the direction d with d_i = y_i, d_j = −y_j the objective is
a parabola in the step, minimised in closed form and clipped to the box.

**Optimality (KKT).** With I_up = {t : y_t = +1, α_t < C_t, or y_t = −1, α_t > 0} (the
coordinates that may move so that y_tα_t grows) and I_low the mirror set, α is optimal iff

.. math::

    m(\\alpha) = \\max_{t \\in I_{up}} -y_t G_t \\;\\le\\;
    M(\\alpha) = \\min_{t \\in I_{low}} -y_t G_t ,

and libsvm stops when the maximal violation m − M = Gmax + Gmax2 falls below ``tol``.

**Working-set selection (WSS3, second order).** i is the most violating index of I_up
(the *last* maximiser of −y_tG_t, as libsvm scans with ``>=``); j is the index of I_low
with −y_jG_j < −y_iG_i that promises the largest decrease of f after the step,
−b_ij²/a_ij with b_ij = −y_iG_i + y_jG_j and a_ij = K_ii + K_jj − 2K_ij (the *last*
minimiser, ``<=``); a non-positive a_ij (a non-PD kernel) is replaced by τ = 1e-12.

**Precision.** libsvm keeps kernel columns in float32 (``Qfloat``) and only the diagonal
K_ii in float64; its dot products are BLAS ``ddot`` calls. This module computes each kernel
value the same way (a row-by-row ``ddot`` through a stacked `numpy.matmul`), rounds the
columns to float32, and updates the float64 gradient in libsvm's order, so on the same data
it takes the same working sets, the same number of iterations and the same α.

**Shrinking.** Every min(l, 1000) iterations, coordinates at a bound whose gradient says
they will stay there are set aside (moved past ``active_size``); the gradient of those is
rebuilt from Ḡ (the gradient contribution of the variables at their upper bound) before the
final check. Shrinking changes the order in which libsvm scans indices, hence which index
wins a tie, so it is reproduced as libsvm does it, swaps included.
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

__all__ = ["TAU", "Solution", "solve"]

TAU = 1e-12
LOWER, UPPER, FREE = 0, 1, 2


class Solution:
    """What `solve` returns: α (in the problem's original order), ρ (the bias is −ρ), the
    iteration count and whether ``max_iter`` stopped the solver."""

    def __init__(self, alpha: NDArray[np.float64], rho: float, n_iter: int,
                 timed_out: bool) -> None:
        self.alpha, self.rho, self.n_iter, self.timed_out = alpha, rho, n_iter, timed_out


class _State:
    """libsvm's solver arrays, in its working order (``active_set[t]`` is the original
    index of position t); shrinking permutes all of them together.

    The gradient is kept as ``yG`` = y∘G (y_t G_t), the quantity the optimality conditions
    and the working-set selection read, and the columns of Q as y∘Q_t = y_t K_t (so a step
    updates y∘G directly); multiplying by y_t = ±1 is exact, so these are libsvm's numbers
    up to sign. The bound status is also kept as two additive masks (0 or −∞): ``up`` for
    I_up and ``low`` for I_low, so that a maximum over a set is one ``max`` of a sum."""

    def __init__(self, p: NDArray, y: NDArray, C: NDArray, QD: NDArray,
                 column: Callable[[int], NDArray[np.float32]], capacity: int) -> None:
        l = len(p)
        self.l, self.active_size = l, l
        self.p, self.y, self.C, self.QD = p.copy(), y.astype(np.float64), C.copy(), QD.copy()
        self.alpha = np.zeros(l)
        self.status = np.full(l, LOWER, dtype=np.int8)
        self.yG = self.y * p                    # α = 0: G = Qα + p = p
        self.G_bar = np.zeros(l)
        self.active_set = np.arange(l)
        self.identity = True                    # active_set is still 0..l-1
        self.up = np.zeros(l)                   # α = 0: every t is in I_up or I_low by y
        self.up[self.y < 0] = -np.inf
        self.low = np.where(self.y > 0, -np.inf, 0.0)
        self._column = column                   # original index -> float32 Q column
        self._y = self.y.copy()                 # y in the original order
        # The cache, by original index t: [generation, y∘Q_t, a_t or None], the vectors in
        # the working order of the generation (number of permutations) they were last
        # brought up to; a_t (the curvatures of WSS3) is added when t is first an i. Each
        # vector counts against the capacity, so it bounds the memory as before.
        self._cache: dict[int, list] = {}
        self._capacity = max(1, capacity // 2)
        self._orders: list[NDArray[np.intp]] = []   # the permutations applied, in turn

    def _entry(self, t: int) -> list:
        """The cache entry of original index t, in the current working order (a vector
        cached before a permutation is permuted when next asked for, so that the solver
        reads positions 0..n-1 as a slice, not a gather)."""
        generation = len(self._orders)
        entry = self._cache.get(t)
        if entry is None:
            Q_t = self._column(t) * self._y
            if not self.identity:
                Q_t = Q_t[self.active_set]
            if len(self._cache) >= self._capacity:
                del self._cache[next(iter(self._cache))]
            entry = self._cache[t] = [generation, Q_t, None]
        elif entry[0] != generation:
            for order in self._orders[entry[0]:]:
                entry[1] = entry[1][order]
                if entry[2] is not None:
                    entry[2] = entry[2][order]
            entry[0] = generation
        return entry

    def yQ(self, i: int, length: int) -> NDArray[np.float64]:
        """y∘Q_i, column i of Q times y, over working positions 0..length-1."""
        return self._entry(int(self.active_set[i]))[1][:length]

    def yQ_and_curvature(self, i: int, length: int) -> tuple[NDArray, NDArray]:
        """y∘Q_i and a_ij = K_ii + K_jj − 2K_ij (τ where not positive) over positions
        0..length-1; a depends on i alone, so it is computed once per cached column."""
        entry = self._entry(int(self.active_set[i]))
        a = entry[2]
        if a is None:
            # 2K_ij = 2 y_i (y_j Q_ij): exact (signs, a power of 2); libsvm's order of sums
            a = self.QD[i] + self.QD
            a -= (2.0 * float(self.y[i])) * entry[1]
            a[~(a > 0)] = TAU                     # (NaN too, as libsvm's `> 0` test)
            entry[2] = a
        return entry[1][:length], a[:length]

    def set_status(self, t: int, a_t: float, C_t: float, positive: bool) -> int:
        """Record α_t = a_t (bound C_t, y_t > 0 if `positive`) and its bound status."""
        self.alpha[t] = a_t
        status = UPPER if a_t >= C_t else LOWER if a_t <= 0 else FREE
        self.status[t] = status
        # I_up: y = +1 below C, or y = −1 above 0; I_low the mirror
        self.up[t] = 0.0 if status == FREE or (status == LOWER) == positive else -np.inf
        self.low[t] = 0.0 if status == FREE or (status == UPPER) == positive else -np.inf
        return status

    def permute(self, order: list[int]) -> None:
        self.identity = False
        self._orders.append(np.array(order, dtype=np.intp))
        for name in ("p", "y", "C", "QD", "alpha", "status", "yG", "G_bar", "active_set",
                     "up", "low"):
            setattr(self, name, getattr(self, name)[order])


def _last_argmax(v: NDArray) -> int:
    """Index of the last maximum (libsvm scans with ``>=``)."""
    return len(v) - 1 - int(v[::-1].argmax())


def _select_working_set(s: _State, eps: float) -> tuple[int, int, NDArray] | None:
    """WSS3: (i, j, column i of Q), or None when the maximal violation is below eps."""
    n = s.active_size
    if n == 0:
        return None                               # everything shrunk: check the whole problem
    # Step 1: i maximises −y_t G_t over I_up (−∞ elsewhere): the last maximum.
    minus_yG = s.up[:n] - s.yG[:n]
    i = n - 1 - int(minus_yG[::-1].argmax())
    Gmax = float(minus_yG[i])
    # Step 2: over j ∈ I_low, Gmax2 = max y_j G_j and b_ij = Gmax + y_j G_j (−∞ outside).
    b = s.yG[:n] + s.low[:n]
    Gmax2 = float(b[int(b.argmax())])             # (a NaN is found as max would find it)
    b += Gmax
    if Gmax + Gmax2 < eps or not Gmax2 > -Gmax:
        return None                               # optimal, or no j with b_ij > 0
    # a_ij = K_ii + K_jj − 2K_ij (cached with column i)
    yQi, a = s.yQ_and_curvature(i, n)
    # the largest decrease b²/a over b > 0 (the last one, libsvm's `<=` on −b²/a)
    np.maximum(b, 0.0, out=b)
    b *= b
    b /= a
    j = n - 1 - int(b[::-1].argmax())
    if not b[j] > 0:                              # every b²/a underflowed: rare, exact path
        b = Gmax + (s.yG[:n] + s.low[:n])
        with np.errstate(over="ignore"):
            decrease = np.where(b > 0, -(b * b) / a, np.inf)
        j = _last_argmax(-decrease)
    return i, j, yQi


def _two_variable_step(s: _State, i: int, j: int, yQi: NDArray, yQj: NDArray) -> None:
    """Minimise f along the pair (i, j) in closed form and clip to the box (libsvm's
    update, case by case, so the clipped values are its to the last bit)."""
    # (the scalars as Python floats: `item`)
    C_i, C_j = s.C.item(i), s.C.item(j)
    old_i, old_j = s.alpha.item(i), s.alpha.item(j)
    a_i, a_j = old_i, old_j
    y_i, y_j = s.y.item(i), s.y.item(j)
    G_i, G_j = y_i * s.yG.item(i), y_j * s.yG.item(j)
    Q_ij = y_j * yQi.item(j)
    QD_i, QD_j = s.QD.item(i), s.QD.item(j)
    if y_i != y_j:
        # α_i − α_j is conserved
        quad = QD_i + QD_j + 2 * Q_ij
        quad = quad if quad > 0 else TAU
        delta = (-G_i - G_j) / quad
        diff = a_i - a_j
        a_i += delta
        a_j += delta
        if diff > 0:
            if a_j < 0:
                a_j, a_i = 0.0, diff
        elif a_i < 0:
            a_i, a_j = 0.0, -diff
        if diff > C_i - C_j:
            if a_i > C_i:
                a_i, a_j = C_i, C_i - diff
        elif a_j > C_j:
            a_j, a_i = C_j, C_j + diff
    else:
        # α_i + α_j is conserved
        quad = QD_i + QD_j - 2 * Q_ij
        quad = quad if quad > 0 else TAU
        delta = (G_i - G_j) / quad
        total = a_i + a_j
        a_i -= delta
        a_j += delta
        if total > C_i:
            if a_i > C_i:
                a_i, a_j = C_i, total - C_i
        elif a_j < 0:
            a_j, a_i = 0.0, total
        if total > C_j:
            if a_j > C_j:
                a_j, a_i = C_j, total - C_j
        elif a_i < 0:
            a_i, a_j = 0.0, total
    # Step 4: G ← G + Q_i Δα_i + Q_j Δα_j over the active set (times y: y∘G += …).
    n = s.active_size
    step = yQi * (a_i - old_i)
    step += yQj * (a_j - old_j)
    s.yG[:n] += step
    # Step 5: the bound status, and Ḡ = Σ_{t at upper bound} C_t Q_t when it changes.
    was_upper_i, was_upper_j = s.status.item(i) == UPPER, s.status.item(j) == UPPER
    upper_i = s.set_status(i, a_i, C_i, y_i > 0) == UPPER
    upper_j = s.set_status(j, a_j, C_j, y_j > 0) == UPPER
    if was_upper_i != upper_i:
        s.G_bar += (-C_i if was_upper_i else C_i) * (s.y * s.yQ(i, s.l))
    if was_upper_j != upper_j:
        s.G_bar += (-C_j if was_upper_j else C_j) * (s.y * s.yQ(j, s.l))


def _reconstruct_gradient(s: _State) -> None:
    """The gradient of the shrunk coordinates, from Ḡ + p and the free variables'
    columns, accumulated in libsvm's order (free index by free index)."""
    n, l = s.active_size, s.l
    if n == l:
        return
    s.yG[n:] = s.y[n:] * (s.G_bar[n:] + s.p[n:])
    for t in np.flatnonzero(s.status[:n] == FREE).tolist():
        s.yG[n:] += s.alpha[t] * s.yQ(t, l)[n:]


def _do_shrinking(s: _State, eps: float, unshrink: bool) -> bool:
    """Set aside the bounded coordinates that cannot enter a violating pair; returns the
    new ``unshrink`` flag (the gradient is rebuilt once, when close to optimal)."""
    n = s.active_size
    Gmax1 = float(np.maximum.reduce(s.up[:n] - s.yG[:n]))       # max over I_up of −yG
    Gmax2 = float(np.maximum.reduce(s.low[:n] + s.yG[:n]))      # max over I_low of yG
    if not unshrink and Gmax1 + Gmax2 <= eps * 10:
        unshrink = True
        _reconstruct_gradient(s)
        s.active_size = n = s.l
    y, yG, status = s.y[:n], s.yG[:n], s.status[:n]
    # a coordinate at a bound is shrunk when its −y_tG_t cannot reach the violating pair:
    # at the bound that keeps it out of I_up, −y_tG_t > Gmax1; out of I_low, y_tG_t > Gmax2
    out_of_up = np.where(y > 0, status == UPPER, status == LOWER)
    shrunk = np.where(status == FREE, False,
                      np.where(out_of_up, -yG > Gmax1, yG > Gmax2)).tolist()
    order = list(range(s.l))
    # libsvm's two-pointer partition: a shrunk position takes the last unshrunk one's place
    t = 0
    while t < n:
        if shrunk[t]:
            n -= 1
            while n > t:
                if not shrunk[n]:
                    order[t], order[n] = order[n], order[t]
                    shrunk[t], shrunk[n] = shrunk[n], shrunk[t]
                    break
                n -= 1
        t += 1
    s.permute(order)
    s.active_size = n
    return unshrink


def _calculate_rho(s: _State) -> float:
    """ρ = the mean of y_tG_t over the free variables (where the KKT conditions make it
    exact); with none free, the midpoint of the interval the bounded ones allow."""
    n = s.active_size
    y, yG, status = s.y[:n], s.yG[:n], s.status[:n]
    free = status == FREE
    if free.any():
        # a sequential sum, as libsvm's loop
        return float(np.cumsum(yG[free])[-1]) / int(free.sum())
    to_ub = np.where(status == UPPER, y < 0, y > 0)
    ub = float(np.min(yG, where=to_ub, initial=np.inf))
    lb = float(np.max(yG, where=~to_ub, initial=-np.inf))
    return (ub + lb) / 2


def solve(p: NDArray[np.float64], y: NDArray, C: NDArray[np.float64],
          QD: NDArray[np.float64], column: Callable[[int], NDArray[np.float32]], *,
          tol: float, shrinking: bool, max_iter: int, capacity: int = 1000) -> Solution:
    """Minimise ½αᵀQα + pᵀα subject to yᵀα = 0, 0 ≤ α ≤ C, from α = 0.

    Parameters
    ----------
    p, C, QD : ndarray of shape (l,)
        The linear term, the upper bounds and the diagonal Q_tt = K_tt (float64).
    y : ndarray of shape (l,)
        ±1.
    column : callable
        ``column(t)`` is column t of Q (float32, length l, original order).
    tol, shrinking, max_iter
        Stopping tolerance on the maximal violation, libsvm's shrinking, the iteration cap
        (−1: none).
    capacity : int
        How many columns (as float64) to keep.

    Returns
    -------
    Solution
    """
    s = _State(p, y, C, QD, column, capacity)
    eps = float(tol)
    unshrink, timed_out = False, False
    n_iter = 0
    counter = min(s.l, 1000) + 1
    while True:
        if max_iter != -1 and n_iter >= max_iter:
            timed_out = True
            break
        counter -= 1
        if counter == 0:
            counter = min(s.l, 1000)
            if shrinking:
                unshrink = _do_shrinking(s, eps, unshrink)
        # Step 1–2: the working set, or the optimality check on the whole problem.
        pair = _select_working_set(s, eps)
        if pair is None:
            _reconstruct_gradient(s)
            s.active_size = s.l
            pair = _select_working_set(s, eps)
            if pair is None:
                break
            counter = 1             # shrink again at the next iteration
        n_iter += 1
        i, j, yQi = pair
        # Step 3: the two-variable subproblem.
        _two_variable_step(s, i, j, yQi, s.yQ(j, s.active_size))
    rho = _calculate_rho(s)
    alpha = np.empty(s.l)
    alpha[s.active_set] = s.alpha
    return Solution(alpha, rho, n_iter, timed_out)
