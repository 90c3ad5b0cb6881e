"""The split search: which features a node looks at (scikit-learn's xorshift generator and
Fisher–Yates draw), the candidate thresholds of a sorted feature, and how the node's samples
are reordered (the sort, the partition) so that every later sum adds in the same order.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from ._criterion import Criterion, left_sums, sequential_sum

__all__ = ["RandR", "Splitter", "SplitRecord", "FEATURE_THRESHOLD"]

# Values closer than this (added in float32, so without effect once |x| ≥ 2) are one value.
FEATURE_THRESHOLD = np.float32(1e-7)
RAND_R_MAX = 2 ** 31 - 1
_MASK32 = 0xFFFFFFFF


class RandR:
    """scikit-learn's ``our_rand_r``: a 32-bit xorshift (13, 17, 5), reduced mod 2³¹."""

    def __init__(self, seed: int):
        self.state = int(seed) & _MASK32

    def rand_r(self) -> int:
        s = self.state or 1  # a zero state is replaced by DEFAULT_SEED = 1
        s ^= (s << 13) & _MASK32
        s ^= s >> 17
        s ^= (s << 5) & _MASK32
        self.state = s
        return s % (RAND_R_MAX + 1)

    def rand_int(self, low: int, high: int) -> int:
        """An integer in [low, high)."""
        return low + self.rand_r() % (high - low)

    def rand_uniform(self, low: float, high: float) -> float:
        """A float in [low, high)."""
        return ((high - low) * float(self.rand_r()) / float(RAND_R_MAX)) + low


@dataclass
class SplitRecord:
    feature: int = 0
    pos: int = 0
    threshold: float = 0.0
    improvement: float = -np.inf
    impurity_left: float = np.inf
    impurity_right: float = np.inf


# --- the order of a node's samples ---------------------------------------------------------

def _introsort_order(values: list, n: int) -> list[int]:
    """The permutation scikit-learn's ``simultaneous_sort`` (introsort, median-of-three
    pivot, three-way partition, insertion sort below 16, heapsort past depth 2⌊log₂ n⌋)
    applies: it decides the order of tied values, hence the order of later sums."""
    v = list(values)
    idx = list(range(n))

    def swap(i, j):
        v[i], v[j] = v[j], v[i]
        idx[i], idx[j] = idx[j], idx[i]

    def insertion(lo, m):
        for i in range(lo + 1, lo + m):
            tv, ti, j = v[i], idx[i], i
            while j > lo and v[j - 1] > tv:
                v[j], idx[j] = v[j - 1], idx[j - 1]
                j -= 1
            v[j], idx[j] = tv, ti

    def sift_down(lo, start, end):
        root = start
        while True:
            child = root * 2 + 1
            maxind = root
            if child < end and v[lo + maxind] < v[lo + child]:
                maxind = child
            if child + 1 < end and v[lo + maxind] < v[lo + child + 1]:
                maxind = child + 1
            if maxind == root:
                return
            swap(lo + root, lo + maxind)
            root = maxind

    def heapsort(lo, m):
        start = (m - 2) // 2
        while True:
            sift_down(lo, start, m)
            if start == 0:
                break
            start -= 1
        end = m - 1
        while end > 0:
            swap(lo, lo + end)
            sift_down(lo, 0, end)
            end -= 1

    def median3(lo, m):
        a, b, c = v[lo], v[lo + m // 2], v[lo + m - 1]
        if a < b:
            return b if b < c else (c if a < c else a)
        if b < c:
            return a if a < c else c
        return b

    def introsort(lo, m, maxd):
        while m > 15:
            if maxd <= 0:
                heapsort(lo, m)
                return
            maxd -= 1
            pivot = median3(lo, m)
            i = left = 0
            r = m
            while i < r:
                if v[lo + i] < pivot:
                    swap(lo + i, lo + left)
                    i += 1
                    left += 1
                elif v[lo + i] > pivot:
                    r -= 1
                    swap(lo + i, lo + r)
                else:
                    i += 1
            introsort(lo, left, maxd)
            lo += r
            m -= r
        insertion(lo, m)

    if n:
        introsort(0, n, 2 * int(np.log2(n)))
    return idx


def sort_order(fv: NDArray[np.float32], exact_sums: bool) -> NDArray[np.intp]:
    """The order in which scikit-learn's sort leaves the node's samples. Distinct values have
    one sorted order; tied values are ordered as introsort leaves them, which only matters
    when sums round (regression, fractional weights)."""
    order = np.argsort(fv, kind="stable")
    if exact_sums or len(fv) <= 15:  # up to 15 introsort is an insertion sort: stable
        return order
    s = fv[order]
    if not np.any(s[1:] == s[:-1]):
        return order
    return np.asarray(_introsort_order(fv.tolist(), len(fv)), dtype=np.intp)


def partition_order(left: NDArray[np.bool_]) -> NDArray[np.intp]:
    """The permutation of scikit-learn's in-place partition: scan from the front; a sample
    that goes right is swapped with the last unexamined one, which is examined next.

    Vectorised: the right-goers among the first n_L slots (the holes, ascending) are
    replaced by the left-goers among the last n − n_L (descending). The right-goers are laid
    from the end in the order they are met: hole k, then the right-goers read from the back
    before the k-th left-goer there, ...; last the unread middle, its first slot first.
    """
    n = len(left)
    n_left = int(left.sum())
    holes = np.flatnonzero(~left[:n_left])
    fillers = n_left + np.flatnonzero(left[n_left:])[::-1]
    h = len(holes)
    out = np.arange(n)
    out[holes] = fillers
    back = n_left + np.flatnonzero(~left[n_left:])
    last = fillers[-1] if h else n
    run = np.searchsorted(-fillers, -back, side="left")  # left-goers read before each
    tail = back < last
    major = np.concatenate((2 * np.arange(h), np.where(tail, 2 * h, 2 * run + 1)))
    minor = np.concatenate((np.zeros(h, dtype=np.intp),
                            np.where(tail & (back == n_left), -(n + 1), -back)))
    met = np.concatenate((holes, back))[np.lexsort((minor, major))]
    out[n_left:] = met[::-1]
    return out


# --- the splitter --------------------------------------------------------------------------

class Splitter:
    """Finds each node's split; owns the sample order, the feature order and the generator.

    ``samples`` holds the row indices; a node is a slice [start, end) of it, children are
    consecutive slices. ``features``/``constant_features`` carry the Fisher–Yates order and
    the known-constant features from node to node, as scikit-learn's arrays do.
    """

    def __init__(self, criterion: Criterion, X32: NDArray[np.float32], y: NDArray,
                 w: NDArray, *, max_features: int, min_samples_leaf: int,
                 min_weight_leaf: float, seed: int, exact_sums: bool, splitter: str):
        self.criterion = criterion
        self.Xt = np.ascontiguousarray(X32.T)  # one contiguous row per feature
        self.y = y
        self.w = w
        self.A = np.hstack((criterion.stats(y, w), w[:, None]))  # statistics, then weight
        if not criterion.is_classification:
            self.wyy = (w[:, None] * y) * y
        self.samples = np.flatnonzero(w != 0.0)  # zero-weight samples take no part
        self.weighted_n_samples = float(sequential_sum(w[:, None])[0])
        self.n_features = X32.shape[1]
        self.features = np.arange(self.n_features)
        self.constant_features = np.empty(self.n_features, dtype=np.intp)
        self.max_features, self.min_samples_leaf = max_features, min_samples_leaf
        self.min_weight_leaf = min_weight_leaf
        self.rng = RandR(seed)
        self.exact_sums = exact_sums
        self.random = splitter == "random"

    # the node's statistics (criterion.init): sums in the order the samples now lie
    def node_reset(self, start: int, end: int) -> None:
        S = self.samples[start:end]
        totals = sequential_sum(self.A[S])
        self.start, self.end = start, end
        self.sum_total, self.weighted_n_node = totals[:-1], totals[-1]
        if not self.criterion.is_classification:
            self.sq_sum_total = sequential_sum(self.wyy[S].reshape(-1, 1))[0]

    def node_impurity(self) -> float:
        sq = None if self.criterion.is_classification else np.array([self.sq_sum_total])
        return float(self.criterion.impurity(self.sum_total[None, :],
                                             np.array([self.weighted_n_node]), sq)[0])

    def node_value(self) -> NDArray:
        return self.sum_total / self.weighted_n_node

    def _totals(self):
        return np.append(self.sum_total, self.weighted_n_node)

    def _children(self, S: NDArray, pos: int, impurity: float, rec: SplitRecord) -> None:
        """After the partition: the left sums at `pos` (reset, then one update), the
        children's impurities and the improvement w_n/w · (i − w_R/w_n·i_R − w_L/w_n·i_L)."""
        crit = self.criterion
        sl = left_sums(self.A[S], np.array([pos]), self._totals())[0]
        wl = sl[-1]
        wr = self.weighted_n_node - wl
        sl, sr = sl[:-1][None, :], (self.sum_total - sl[:-1])[None, :]
        if crit.is_classification:
            il = crit.impurity(sl, np.array([wl]))[0]
            ir = crit.impurity(sr, np.array([wr]))[0]
        else:
            sq_left = sequential_sum(self.wyy[S[:pos]].reshape(-1, 1))[0] if pos else 0.0
            il = crit.impurity(sl, np.array([wl]), np.array([sq_left]))[0]
            ir = crit.impurity(sr, np.array([wr]), np.array([self.sq_sum_total - sq_left]))[0]
        wn = self.weighted_n_node
        rec.impurity_left, rec.impurity_right = float(il), float(ir)
        rec.improvement = float((wn / self.weighted_n_samples)
                                * (impurity - (wr / wn * ir) - (wl / wn * il)))

    def node_split(self, impurity: float, n_known_constants: int) -> tuple[SplitRecord, int]:
        """Step 2 of the builder: the best split of samples[start:end] over the features
        drawn, and the number of constant features known after this node."""
        start, end = self.start, self.end
        S = self.samples[start:end]  # a view: reordering it reorders the node
        n = end - start
        best = SplitRecord(pos=end)
        best_proxy = -np.inf
        features, constant = self.features, self.constant_features
        f_i = self.n_features
        n_visited = n_found = n_drawn = 0
        n_total = n_known_constants
        rng = self.rng
        totals = self._totals()
        last_f = -1
        while f_i > n_total and (n_visited < self.max_features
                                 or n_visited <= n_found + n_drawn):
            n_visited += 1
            # Fisher–Yates: draw among the features not yet drawn
            f_j = rng.rand_int(n_drawn, f_i - n_found)
            if f_j < n_known_constants:
                features[n_drawn], features[f_j] = features[f_j], features[n_drawn]
                n_drawn += 1
                continue
            f_j += n_found
            f = last_f = int(features[f_j])
            if self.random:
                found = self._random_candidate(S, f, n, totals, impurity)
            else:
                found = self._best_candidate(S, f, n, totals)
            if found is None:  # constant in this node
                features[f_j], features[n_total] = features[n_total], features[f_j]
                n_found += 1
                n_total += 1
                continue
            f_i -= 1
            features[f_i], features[f_j] = features[f_j], features[f_i]
            if found and found[0] > best_proxy:
                best_proxy = found[0]
                best = SplitRecord(feature=f, pos=start + found[1], threshold=found[2])
        if best.pos < end:
            # the random splitter left the samples partitioned by the last feature drawn
            if not (self.random and last_f == best.feature):
                go_left = self.Xt[best.feature][S].astype(np.float64) <= best.threshold
                S[:] = S[partition_order(go_left)]
            self._children(S, best.pos - start, impurity, best)
        # the known constants keep their order for the children; the new ones follow
        features[:n_known_constants] = constant[:n_known_constants]
        constant[n_known_constants:n_total] = features[n_known_constants:n_total]
        return best, n_total

    def _scores(self, S, P, totals):
        """Proxy scores at update positions P (relative), −inf where a child is too light."""
        crit = self.criterion
        SL = left_sums(self.A[S], P, totals)
        wl = SL[:, -1]
        wr = self.weighted_n_node - wl
        sl = SL[:, :-1]
        sr = self.sum_total[None, :] - sl
        ok = (wl >= self.min_weight_leaf) & (wr >= self.min_weight_leaf)
        scores = np.full(len(P), -np.inf)
        if ok.any():
            scores[ok] = crit.proxy(sl[ok], sr[ok], wl[ok], wr[ok])
        return scores

    def _best_candidate(self, S, f, n, totals):
        """Sort the node by feature f; None if constant, () if no admissible position, else
        (score, position, threshold) of the first best position."""
        fv = self.Xt[f][S]
        order = sort_order(fv, self.exact_sums)
        S[:] = S[order]
        fv = fv[order]
        if fv[-1] <= fv[0] + FEATURE_THRESHOLD:
            return None
        P = np.flatnonzero(fv[1:] > fv[:-1] + FEATURE_THRESHOLD) + 1
        msl = self.min_samples_leaf
        P = P[(P >= msl) & (n - P >= msl)]
        if len(P) == 0:
            return ()
        scores = self._scores(S, P, totals)
        j = int(np.argmax(scores))  # the first maximum: strict > keeps the earlier one
        if scores[j] == -np.inf:
            return ()
        p = int(P[j])
        threshold = float(fv[p - 1]) / 2.0 + float(fv[p]) / 2.0
        return (float(scores[j]), p, threshold)

    def _random_candidate(self, S, f, n, totals, impurity):
        """One threshold drawn uniformly between the node's min and max of feature f."""
        fv = self.Xt[f][S]
        lo, hi = fv.min(), fv.max()
        if hi <= lo + FEATURE_THRESHOLD:
            return None
        threshold = self.rng.rand_uniform(float(lo), float(hi))
        if threshold == float(hi):
            threshold = float(lo)
        go_left = fv.astype(np.float64) <= threshold
        S[:] = S[partition_order(go_left)]
        p = int(go_left.sum())
        msl = self.min_samples_leaf
        if p < msl or n - p < msl:
            return ()
        score = self._scores(S, np.array([p]), totals)[0]
        if score == -np.inf:
            return ()
        return (float(score), p, threshold)
