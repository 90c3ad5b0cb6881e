"""Impurity criteria: Gini, entropy and squared error, evaluated at every candidate split of
a sorted node at once.

A criterion keeps running sums of the per-sample statistics (weighted class counts, or
weighted targets) left of the split position. scikit-learn moves the position forward one
sample at a time, or, when the jump is longer than what remains, rebuilds the left sums
from the node total by subtracting from the right end; the floating-point sums are
reproduced exactly by the same additions in the same order (sequential `np.cumsum`, never a
pairwise `np.sum`).
"""
from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

__all__ = ["Criterion", "sequential_sum", "left_sums"]

LN2 = math.log(2.0)


def sequential_sum(A: NDArray) -> NDArray:
    """Σ over the rows of A added one row after the other (as a C loop), per column."""
    if A.shape[0] == 0:
        return np.zeros(A.shape[1:])
    return np.cumsum(A, axis=0)[-1]


def left_sums(A: NDArray, P: NDArray, total: NDArray) -> NDArray:
    """The left sums Σ_{q<p} A[q] at each update position p of P (ascending), as the
    criterion's ``update`` computes them: forward from the previous position, or, when the
    jump p − pos exceeds n − p, as ``total − A[n−1] − … − A[p]``."""
    n = A.shape[0]
    out = np.empty((len(P), A.shape[1]))
    if len(P) == 0:
        return out
    prev = np.concatenate(([0], P[:-1]))
    backward = np.flatnonzero((P - prev) > (n - P))
    starts = np.concatenate(([0], backward)) if (len(backward) == 0 or backward[0] != 0) \
        else backward
    ends = np.append(starts[1:], len(P))
    for k0, k1 in zip(starts.tolist(), ends.tolist()):
        if k0 == 0 and not (len(backward) and backward[0] == 0):
            base, base_pos, first = np.zeros(A.shape[1]), 0, k0
        else:  # rebuilt from the right end
            p = int(P[k0])
            base = np.cumsum(np.vstack((total[None, :], -A[p:][::-1])), axis=0)[-1]
            base_pos, first = p, k0 + 1
            out[k0] = base
        if first < k1:
            C = np.cumsum(np.vstack((base[None, :], A[base_pos:P[k1 - 1]])), axis=0)
            out[first:k1] = C[P[first:k1] - base_pos]
    return out


def _log2(x: NDArray) -> NDArray:
    # scikit-learn's log(x) = ln(x)/ln(2) through libm: numpy's vectorised log differs from
    # libm in the last bit for about 0.3 % of arguments, so math.log it is.
    return np.fromiter(map(math.log, x.tolist()), float, len(x)) / LN2


class Criterion:
    """The statistics of one kind of impurity.

    ``stats(y, w)`` gives the per-sample contributions A (columns: one per class and output
    for a classifier, one per output for a regressor) that are summed; the impurity of a node
    with sums s and weight w_n is a function of (s, w_n) alone (plus Σ w y² for squared
    error).
    """

    def __init__(self, name: str, n_outputs: int, n_classes: NDArray[np.intp] | None):
        self.name, self.n_outputs = name, n_outputs
        self.n_classes = n_classes
        self.is_classification = n_classes is not None
        if n_classes is not None:
            self.offsets = np.concatenate(([0], np.cumsum(n_classes)))

    # --- per-sample statistics ------------------------------------------------------------
    def stats(self, y: NDArray, w: NDArray) -> NDArray:
        """A[i] = w_i · onehot(y_i) (classifier) or w_i · y_i (regressor), shape (n, m)."""
        if not self.is_classification:
            return w[:, None] * y
        A = np.zeros((y.shape[0], int(self.offsets[-1])))
        rows = np.arange(y.shape[0])
        for k in range(self.n_outputs):
            A[rows, self.offsets[k] + y[:, k].astype(np.intp)] = w
        return A

    # --- impurities -------------------------------------------------------------------------
    def impurity(self, s: NDArray, wn: NDArray, sq: NDArray | None = None) -> NDArray:
        """Impurity of nodes with sums s (rows) and weights wn; `sq` = Σ w y² (squared error).

        Gini: 1 − Σ_c s_c² / w²;  entropy: −Σ_c (s_c/w) log₂(s_c/w);
        squared error: Σ w y² / w − Σ_k (s_k / w)²; averaged over the outputs.
        """
        total = np.zeros(len(wn))
        if self.name == "squared_error":
            total = sq / wn
            for k in range(self.n_outputs):
                mean = s[:, k] / wn
                total = total - mean * mean
            return total / self.n_outputs
        for k in range(self.n_outputs):
            cols = range(int(self.offsets[k]), int(self.offsets[k + 1]))
            if self.name == "gini":
                sq_count = np.zeros(len(wn))
                for c in cols:
                    sq_count = sq_count + s[:, c] * s[:, c]
                total = total + (1.0 - sq_count / (wn * wn))
            else:  # entropy
                for c in cols:
                    count = s[:, c]
                    term = np.zeros(len(wn))
                    live = count > 0.0
                    if live.any():
                        frac = count[live] / wn[live]
                        term[live] = frac * _log2(frac)
                    total = total - term
        return total / self.n_outputs

    def impurity_of(self, s: list[float], wn: float, sq: float | None = None) -> float:
        """The impurity of one node, in Python floats (the same IEEE operations as
        `impurity`, without the cost of arrays of one)."""
        total = 0.0
        if self.name == "squared_error":
            assert sq is not None  # Σ w y², given for squared error
            total = sq / wn
            for k in range(self.n_outputs):
                mean = s[k] / wn
                total -= mean * mean  # Cython's `** 2.0` is a product (libm's pow is not)
            return total / self.n_outputs
        for k in range(self.n_outputs):
            counts = s[int(self.offsets[k]): int(self.offsets[k + 1])]
            if self.name == "gini":
                sq_count = 0.0
                for count in counts:
                    sq_count += count * count
                total += 1.0 - sq_count / (wn * wn)
            else:
                for count in counts:
                    if count > 0.0:
                        frac = count / wn
                        total -= frac * (math.log(frac) / LN2)
        return total / self.n_outputs

    def proxy(self, sl: NDArray, sr: NDArray, wl: NDArray, wr: NDArray,
              sq_left: NDArray | None = None) -> NDArray:
        """The split score that ranks candidates: −w_R·i_R − w_L·i_L, which for squared
        error reduces to Σ_k s_Lk²/w_L + Σ_k s_Rk²/w_R (constant terms dropped)."""
        if self.name == "squared_error":
            pl, pr = np.zeros(len(wl)), np.zeros(len(wl))
            for k in range(self.n_outputs):
                pl = pl + sl[:, k] * sl[:, k]
                pr = pr + sr[:, k] * sr[:, k]
            return pl / wl + pr / wr
        return -wr * self.impurity(sr, wr) - wl * self.impurity(sl, wl)


# --- absolute error: weighted medians kept in a Fenwick tree --------------------------------

class _FenwickTree:
    """Prefix sums of weights w and of w·y over ranks (scikit-learn's WeightedFenwickTree;
    its additions in its order, so the sums round as its do)."""

    def __init__(self, size: int):
        self.size = size
        self.tree_w = [0.0] * (size + 1)
        self.tree_wy = [0.0] * (size + 1)
        self.total_w = self.total_wy = 0.0
        p = 1
        while p <= size:
            p <<= 1
        self.max_pow2 = p >> 1

    def add(self, idx: int, y: float, w: float) -> None:
        wy = w * y
        i = idx + 1
        while i <= self.size:
            self.tree_w[i] += w
            self.tree_wy[i] += wy
            i += i & -i
        self.total_w += w
        self.total_wy += wy

    def search(self, target: float) -> tuple[int, int, float, float]:
        """(smallest rank whose cumulative weight exceeds `target`, the rank before it when
        the cumulative weight hits `target` exactly, Σw and Σwy before the rank)."""
        tw, twy = self.tree_w, self.tree_wy
        current, cw, cwy, bit = 0, 0.0, 0.0, self.max_pow2
        equal_bit, equal_target = 0, 0.0
        while bit:
            nxt = current + bit
            if nxt <= self.size:
                node = tw[nxt]
                if target == node:
                    equal_target, equal_bit = target, bit
                    break
                if target > node:
                    target -= node
                    current = nxt
                    cw += node
                    cwy += twy[nxt]
            bit >>= 1
        if bit == 0:
            return current, current, cw, cwy
        prev = current
        while bit:
            nxt = prev + bit
            if nxt <= self.size and target > tw[nxt]:
                target -= tw[nxt]
                prev = nxt
            bit >>= 1
        bit, target = equal_bit, equal_target
        while bit:
            nxt = current + bit
            if nxt <= self.size and target >= tw[nxt]:
                target -= tw[nxt]
                current = nxt
                cw += tw[nxt]
                cwy += twy[nxt]
            bit >>= 1
        return current, prev, cw, cwy


def absolute_errors(y_sorted: list[float], ranks: list[int], w: list[float],
                    order: range) -> tuple[dict[int, float], dict[int, float]]:
    """Σ w_i |y_i − m| and the weighted median m of the growing prefix of samples taken in
    `order` (positions), as scikit-learn's ``precompute_absolute_errors``:
    the median is where the cumulative weight crosses half the total."""
    tree = _FenwickTree(len(y_sorted))
    errors, medians = {}, {}
    for p in order:
        rank = ranks[p]
        tree.add(rank, y_sorted[rank], w[p])
        median_rank, prev_rank, w_left, wy_left = tree.search(0.5 * tree.total_w)
        if median_rank != prev_rank:
            median = (y_sorted[prev_rank] + y_sorted[median_rank]) / 2
        else:
            median = y_sorted[median_rank]
        w_right = tree.total_w - w_left
        wy_right = tree.total_wy - wy_left
        errors[p] = (wy_right - median * w_right) + (median * w_left - wy_left)
        medians[p] = median
    return errors, medians
