"""The split search: which features a node looks at (scikit-learn's xorshift generator and
Fisher–Yates draw), the candidate thresholds of a sorted feature, and how the node's samples
are reordered (the sort, the partition) so that every later sum adds in the same order.

How a node is searched (each path performs scikit-learn's floating-point operations in its
order, so all of them grow the same tree bit for bit):

- a node of more than `SMALL_NODE` samples: the features examined are sorted at once and
  every position of every feature is scored at once (`_best_of`, `_batched_candidates`);
  equal values are put in introsort's order (`introsort_order`, vectorised) where sums
  round, and features whose criterion updates jump backwards are rescored (`left_sums`);
- a small squared-error node (up to `SMALL_NODE` samples): plain Python floats, one
  feature after the other (`_small_node_split`, introsort's order of ties on lists:
  `_introsort_lists`), since numpy's cost per call outweighs a few samples' work; a node
  of two samples has one position and two possible scores (`_pair_split`);
- a classifier whose weights are whole numbers (`order_free`): every class count is exact
  in any order, so no order of ties matters: each feature is sorted when the draw visits
  it, the node sorted by the feature chosen is its partition, and the Gini proxy of one
  output is computed in place from the counts (`_gini_proxy`); when fewer features are
  drawn than there are, a Gini node of up to `SMALL_GINI` samples is searched in plain
  Python (`_small_gini_split`);
- a squared-error node of one output and `DISTINCT_NODE` samples whose values are all more
  than 1e-7 apart in every feature (no constant, no tie, no backward update): every
  feature's prefix sums at once, without the general path's bookkeeping
  (`_distinct_split`; the children in Python floats, `_small_children`); grown depth first,
  such a node (and one of up to `DISTINCT_SUBTREE` samples whose parent was one) takes its
  whole subtree at once on Python lists (`split_distinct`), the draw a plain shuffle;
- absolute error: one feature after the other, its Fenwick-tree medians in Python.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from ._criterion import Criterion, absolute_errors, left_sums, sequential_sum

__all__ = ["RandR", "RandStream", "DISTINCT_NODE", "DISTINCT_SUBTREE", "Splitter", "SplitRecord",
           "FEATURE_THRESHOLD", "shared_features"]

# Values closer than this (added in float32, so without effect once |x| ≥ 2) are one value.
FEATURE_THRESHOLD = np.float32(1e-7)
RAND_R_MAX = 2 ** 31 - 1
# squared-error nodes up to this size take the plain-Python split search, introsort's order
# of ties on lists (`_introsort_lists`; up to 15 an insertion sort, stable as Python's)
SMALL_NODE = 64
# nodes of these sizes whose values are all distinct (one output) are scored all at once
DISTINCT_NODE = (6, 64)
# a node whose parent was distinct (so is it) grows its whole subtree on lists up to this size
# (`Splitter.split_distinct`; quicker than the general path there, measured)
DISTINCT_SUBTREE = 256
# distinct nodes are searched in plain Python (`split_distinct`) up to this many samples ×
# features visited (measured: then the numpy calls cost more than the Python loops)
PYTHON_DISTINCT = 40
# order-free Gini nodes (one output, a few features drawn) up to this size are searched in
# plain Python (`_small_gini_split`): below it numpy's cost per call outweighs the work
# (measured)
SMALL_GINI = 32
_MASK32 = 0xFFFFFFFF
# parts of a sort with ties shorter than this follow introsort on Python lists
# (`_introsort_lists`), longer ones by vectorised partitions (`_partition3`): measured, the
# lists are quicker up to several hundred values, and alike up to 1024
PYTHON_SORT = 512


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


# --- the generator's outputs, a block at a time ------------------------------------------
#
# Each xorshift step is linear over GF(2) (shifts and xors of bits), so the state k steps
# after any state s is the xor, over the bits b set in s, of the state k steps after 2^b.
# One table of those (a block of steps × 32 bits) turns the next block of outputs into one
# numpy xor-reduction: the same numbers as stepping one at a time, without Python's cost per
# step.
_BLOCK = 1024
_JUMPS: list = []  # [(_BLOCK, 32) uint32]: row k, column b = the state k + 1 steps after 2^b


def _jump_table() -> NDArray[np.uint32]:
    if not _JUMPS:
        s = np.left_shift(np.uint32(1), np.arange(32, dtype=np.uint32))
        rows = np.empty((_BLOCK, 32), dtype=np.uint32)
        for k in range(_BLOCK):  # the xorshift of `RandR.rand_r` (uint32 drops the carries)
            s = s ^ (s << np.uint32(13))
            s = s ^ (s >> np.uint32(17))
            s = s ^ (s << np.uint32(5))
            rows[k] = s
        _JUMPS.append(rows)
    return _JUMPS[0]


class RandStream(RandR):
    """`RandR` with its outputs computed ahead, a block at a time (`_jump_table`).

    ``out[i]`` is the last output drawn; ``out[i + 1]``, ``out[i + 2]``, … the next ones
    (`ahead(k)` makes k of them available). A hot loop reads them from the list and stores
    its index back in ``i``."""

    def __init__(self, seed: int):
        self.state = int(seed) & _MASK32

    @property
    def state(self) -> int:
        return self._states[self.i]

    @state.setter
    def state(self, value: int) -> None:
        self._states, self.out, self.i = [int(value)], [0], 0

    def ahead(self, k: int) -> None:
        while self.i + k >= len(self.out):
            s = self._states[-1] or 1  # a zero state is replaced by DEFAULT_SEED = 1
            bits = [b for b in range(32) if s >> b & 1]
            block = np.bitwise_xor.reduce(_jump_table()[:, bits], axis=1)
            self._states = self._states[self.i:] + block.tolist()
            self.out = self.out[self.i:] + (block & np.uint32(RAND_R_MAX)).tolist()
            self.i = 0

    def rand_r(self) -> int:
        self.ahead(1)
        self.i += 1
        return self.out[self.i]


@dataclass
class SplitRecord:
    feature: int = 0
    pos: int = 0
    threshold: float = 0.0
    improvement: float = -np.inf
    impurity_left: float = np.inf
    impurity_right: float = np.inf


# --- the order of a node's samples ---------------------------------------------------------

def _introsort_order(values: list, n: int, maxd: int | None = None) -> list[int]:
    """The permutation scikit-learn's ``simultaneous_sort`` (introsort, median-of-three
    pivot, three-way partition, insertion sort below 16, heapsort past depth 2⌊log₂ n⌋)
    applies: it decides the order of tied values, hence the order of later sums.
    (`maxd`: the depth budget left, when called on a part of a larger sort.)"""
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
        introsort(0, n, 2 * int(np.log2(n)) if maxd is None else maxd)
    return idx


def _introsort_lists(v: list, idx: list, lo: int, m: int, maxd: int) -> None:
    """`_introsort_order`'s sort of v[lo:lo + m] (and its positions idx) in place, quicker:
    only the parts with ties are partitioned (`_introsort_parts`), then one stable sort of
    the whole range sorts every other part as introsort does (see there)."""
    _introsort_parts(v, idx, lo, m, maxd)
    seg = v[lo:lo + m]
    ranks = sorted(range(m), key=seg.__getitem__)
    ids = idx[lo:lo + m]
    v[lo:lo + m] = [seg[k] for k in ranks]
    idx[lo:lo + m] = [ids[k] for k in ranks]


def _introsort_parts(v: list, idx: list, lo: int, m: int, maxd: int) -> None:
    """Introsort's three-way partitions of v[lo:lo + m] (and idx) in place, followed into
    the parts with ties only; the parts it leaves unsorted are those that a stable sort
    sorts as introsort does: at most 15 values (insertion sort, stable), no ties (one
    sorted order) or all equal (no partition moves them). A part reaching the depth
    budget is heapsorted (its own order of ties). Each part holds the values between two
    pivots, so one stable sort of the whole range afterwards sorts each part on its own:
    the range is then in introsort's order, ties and all."""
    while m > 15:
        seg = v[lo:lo + m]
        distinct = len(set(seg))
        if distinct == m or (distinct == 1 and maxd > 0):
            return
        if maxd <= 0:  # heapsort: its own order of ties
            ranks = _introsort_order(seg, m, 0)
            ids = idx[lo:lo + m]
            v[lo:lo + m] = [seg[k] for k in ranks]
            idx[lo:lo + m] = [ids[k] for k in ranks]
            return
        maxd -= 1
        a, b, c = seg[0], seg[m // 2], seg[m - 1]  # the median of three
        if a < b:
            pivot = b if b < c else (c if a < c else a)
        elif b < c:
            pivot = a if a < c else c
        else:
            pivot = b
        # three-way partition: [lo, left) smaller, [left, r) equal, [r, end) greater
        i = left = lo
        r = lo + m
        while i < r:
            x = v[i]
            if x < pivot:
                v[i] = v[left]
                v[left] = x
                idx[i], idx[left] = idx[left], idx[i]
                i += 1
                left += 1
            elif x > pivot:
                r -= 1
                v[i] = v[r]
                v[r] = x
                idx[i], idx[r] = idx[r], idx[i]
            else:
                i += 1
        if left - lo > 15:
            _introsort_parts(v, idx, lo, left - lo, maxd)
        m -= r - lo
        lo = r


def _median3(v: NDArray) -> float:
    m = len(v)
    a, b, c = v[0], v[m // 2], v[m - 1]
    if a < b:
        return b if b < c else (c if a < c else a)
    if b < c:
        return a if a < c else c
    return b


def _partition3(v: NDArray, pivot) -> tuple[NDArray[np.intp], int, int]:
    """The permutation of introsort's three-way partition of v about `pivot`, and the ends
    `left`, `r` of the block equal to the pivot.

    The scan examines the samples in the order of the two-way partition with "greater"
    going right (a greater sample is swapped with the last unexamined one, examined next),
    and lays the greater samples out as that partition does. A smaller sample is swapped to
    the front of the equal block, whose first sample moves to its end: the equal block is a
    queue rotated once per smaller sample met after its first member.
    """
    greater = v > pivot
    two_way = partition_order(~greater)
    n_ng = len(v) - int(greater.sum())
    met = two_way[:n_ng]  # the smaller and equal samples, in the order they were examined
    less = v[met] < pivot
    first = int(np.argmin(less))  # the first equal sample (there is one: the pivot)
    events = less[first:]
    # every event from the first equal one on appends one entry to the queue's history: an
    # equal sample itself, or (a smaller one) the entry popped from the front, the j-th pop
    # taking the j-th entry; the queue at the end is the history's last k entries
    t = np.arange(len(events))
    source = np.where(events, np.cumsum(events) - 1, t)
    while True:
        nxt = source[source]
        if np.array_equal(nxt, source):
            break
        source = nxt
    k = len(events) - int(events.sum())
    equal = met[first:][source[len(events) - k:]]
    perm = np.concatenate((met[less], equal, two_way[n_ng:]))
    left = int(less.sum())
    return perm, left, left + k


def introsort_order(values: NDArray) -> NDArray[np.intp]:
    """`_introsort_order` computed by following only the parts of the sort that hold tied
    values, as `_introsort_parts` does: the three-way partitions of the long parts with
    ties are vectorised (`_partition3`), those of parts shorter than `PYTHON_SORT` run on
    lists (`_introsort_parts`); every part left (short, without ties, or all equal) is
    then sorted by one stable argsort of the whole array. Exactly the same permutation."""
    v = np.asarray(values)

    def parts(v, maxd, tied):  # tied: the values that occur more than once in v
        m = len(v)
        if m <= 15 or not len(tied):  # insertion sort (stable), or nothing to follow
            return np.arange(m)
        if m < PYTHON_SORT or maxd <= 0:  # a short part, or heapsort (its own ties' order)
            il = list(range(m))
            _introsort_parts(v.tolist(), il, 0, m, maxd)
            return np.array(il, dtype=np.intp)
        pivot = _median3(v)
        perm, left, r = _partition3(v, pivot)
        w = v[perm]
        return np.concatenate((perm[:left][parts(w[:left], maxd - 1, tied[tied < pivot])],
                               perm[left:r],
                               perm[r:][parts(w[r:], maxd - 1, tied[tied > pivot])]))

    n = len(v)
    if n == 0:
        return np.zeros(0, dtype=np.intp)
    maxd = 2 * int(np.log2(n))
    if n < PYTHON_SORT:  # the lists find the parts without ties themselves
        il = list(range(n))
        _introsort_parts(v.tolist(), il, 0, n, maxd)
        perm = np.array(il, dtype=np.intp)
    else:
        s = np.sort(v)
        perm = parts(v, maxd, np.unique(s[1:][s[1:] == s[:-1]]))
    # the parts lie between pivots: one stable sort sorts each on its own
    return perm[np.argsort(v[perm], kind="stable")]


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
    return introsort_order(fv)


def partition_order(left: NDArray[np.bool_]) -> NDArray[np.intp]:
    """The permutation of scikit-learn's in-place partition: scan from the front; a sample
    that goes right is swapped with the last unexamined one, which is examined next.

    Vectorised: the right-goers among the first n_L slots (the holes, ascending) are
    replaced by the left-goers among the last n − n_L (descending). The right-goers are laid
    from the end in the order they are met: hole k, then the right-goers read from the back
    before the k-th left-goer there, ...; last the unread middle, its first slot first.
    """
    n = len(left)
    if n <= 256:  # small: the loop itself is quicker than the vectorised form (measured)
        s, start, end = list(range(n)), 0, n
        goes_left = left.tolist()
        while start < end:
            if goes_left[s[start]]:
                start += 1
            else:
                end -= 1
                s[start], s[end] = s[end], s[start]
        return np.array(s, dtype=np.intp)
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

_SHARED: dict = {}  # while a forest grows its trees on one X: what every tree derives from X


@contextmanager
def shared_features(X32: NDArray[np.float32]):
    """Within the block, trees grown on this very array X32 share its transpose and its
    Python lists (a forest's trees all split the same X, weighted differently)."""
    _SHARED.clear()
    _SHARED["X"] = X32
    try:
        yield
    finally:
        _SHARED.clear()


def _from_X(X32: NDArray[np.float32], key: str, make):
    """`make()`, made once per X while `shared_features` is on."""
    if _SHARED.get("X") is not X32:
        return make()
    if key not in _SHARED:
        _SHARED[key] = make()
    return _SHARED[key]


def _order_codes(Xt: NDArray[np.float32]) -> NDArray[np.uint32]:
    """uint32 codes in the order of the float32 values (IEEE bits, the sign bit set on
    the positive ones and every bit flipped on the negative ones, so that more negative
    is smaller); −0 is made +0 first (they compare equal)."""
    bits = (Xt + np.float32(0.0)).view(np.uint32)
    return np.where(bits >> np.uint32(31) == 1, ~bits, bits | np.uint32(0x80000000))


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
        self.X32 = X32
        self.Xt = _from_X(X32, "Xt", lambda: np.ascontiguousarray(X32.T))  # row per feature
        self.y = y
        self.w = w
        self.A = np.hstack((criterion.stats(y, w), w[:, None]))  # statistics, then weight
        if not criterion.is_classification:
            self.wyy = (w[:, None] * y) * y
        self.samples = np.flatnonzero(w != 0.0)  # zero-weight samples take no part
        self.weighted_n_samples = float(sequential_sum(w[:, None])[0])
        self.n_features = X32.shape[1]
        self.feature_index = np.arange(self.n_features)
        self.feature_list = list(range(self.n_features))
        self.features = list(range(self.n_features))
        self.constant_features = [0] * self.n_features
        self.max_features, self.min_samples_leaf = max_features, min_samples_leaf
        self.min_weight_leaf = min_weight_leaf
        self.rng = RandStream(seed)
        self.exact_sums = exact_sums
        # a classifier whose weights are whole numbers (exact_sums), none negative: every
        # class count is an exact integer whatever order it is summed in, so the order of a
        # node's samples decides nothing, and any sort or partition grows the same tree
        self.order_free = exact_sums and criterion.is_classification and bool((w >= 0.0).all())
        self.partitioned = False  # `_best_of` left the node partitioned (order_free)
        self.random = splitter == "random"
        # squared-error nodes of at most `small_node` samples are split in plain Python
        # (`_small_node_split`): below that size numpy's per-call cost outweighs the work
        # (measured; a classifier's Python impurities cost more than they save). Not for
        # weights so small, or so spread, that a child's weight could round to 0 (Python
        # would raise where numpy divides by zero).
        positive = w[w > 0.0]
        self.plain_weights = bool(len(positive) and positive.min() > 1e-100 and
                                  positive.min() > positive.max() * len(w) ** 2 * 1e-15)
        self.small_node = SMALL_NODE if (criterion.name == "squared_error"
                                         and self.plain_weights) else 0
        self._lists: tuple | None = None
        # order-free Gini nodes of one output up to `small_gini` samples: `_small_gini_split`
        # (measured: not when every feature is examined, whose batched sort is quicker)
        self.small_gini = SMALL_GINI if (self.order_free and criterion.name == "gini"
                                         and criterion.n_outputs == 1
                                         and max_features < X32.shape[1]) else 0
        self._rows: tuple | None = None
        self._codes: NDArray[np.uint32] | None = None
        self._paired: NDArray[np.complex128] | None = None
        self._distinct: tuple | None = None
        # nodes of distinct values (one output, squared error, the best splitter) are grown
        # a whole subtree at a time (`split_distinct`); `node_distinct` tells whether the
        # node just split by `node_split` was one, `distinct_checked` that the builder has
        # tested the nodes of `DISTINCT_NODE` sizes itself
        self.distinct_ok = bool(self.small_node) and criterion.n_outputs == 1 and not self.random
        self.node_distinct = self.distinct_checked = False
        self.child_totals: tuple | None = None

    # the node's statistics (criterion.init): sums in the order the samples now lie
    def node_reset(self, start: int, end: int, totals: tuple | None = None) -> None:
        """`totals`: (Σ statistics, Σ w, Σ w y²) of the node, when its parent's split has
        summed them already (in the node's order, as here)."""
        self.start, self.end = start, end
        if totals is not None:
            self.sum_total, self.weighted_n_node, self.sq_sum_total = totals
            return
        S = self.samples[start:end]
        sums = sequential_sum(self.A[S])
        self.sum_total, self.weighted_n_node = sums[:-1], float(sums[-1])
        if not self.criterion.is_classification:
            self.sq_sum_total = float(np.cumsum(self.wyy[S].ravel())[-1])

    def _mae_reset(self, S: NDArray) -> tuple[NDArray, NDArray, list[float]]:
        """Absolute error's ``reset``: for each output, rank the node's targets (introsort's
        order of ties), then Σ w|y − median| of every prefix (left) and suffix (right) of
        the node in its current order, and the node's weighted median."""
        n = len(S)
        w = self.w[S].tolist()
        left, right = np.zeros(n), np.zeros(n)
        medians = []
        for k in range(self.criterion.n_outputs):
            ys = self.y[S, k].tolist()
            order = _introsort_order(ys, n)
            ranks = [0] * n
            for i, q in enumerate(order):
                ranks[q] = i
            y_sorted = [ys[q] for q in order]
            err_l, _ = absolute_errors(y_sorted, ranks, w, range(n))
            err_r, med_r = absolute_errors(y_sorted, ranks, w, range(n - 1, -1, -1))
            left += np.array([err_l[q] for q in range(n)])
            right += np.array([err_r[q] for q in range(n)])
            medians.append(med_r[0])
        return left, right, medians

    def _mae_scores(self, S: NDArray, P: NDArray) -> tuple[NDArray, NDArray, NDArray, NDArray]:
        """Children impurities i_L = E_L/(w_L·K), i_R = E_R/(w_R·K) at positions P, and w_L,
        w_R (w_L summed forward: absolute error's update never runs backwards)."""
        left, right, _ = self._mae_reset(S)
        wl = np.cumsum(self.w[S])[P - 1]
        wr = self.weighted_n_node - wl
        K = self.criterion.n_outputs
        return left[P - 1] / (wl * K), right[P] / (wr * K), wl, wr

    def node_impurity(self) -> float:
        if self.criterion.name == "absolute_error":
            S = self.samples[self.start:self.end]
            return float(self._mae_reset(S)[1][0] / (self.weighted_n_node
                                                      * self.criterion.n_outputs))
        return self.criterion.impurity_of(self.sum_total.tolist(), self.weighted_n_node,
                                          getattr(self, "sq_sum_total", None))

    def node_value(self) -> NDArray | list:
        if self.criterion.name == "absolute_error":  # the weighted median of each output
            return np.array(self._mae_reset(self.samples[self.start:self.end])[2])
        if isinstance(self.sum_total, list):  # totals handed down by a small node's split
            wn = self.weighted_n_node
            return [s / wn for s in self.sum_total]
        return self.sum_total / self.weighted_n_node

    def _totals(self):
        return np.append(self.sum_total, self.weighted_n_node)

    def _children(self, S: NDArray, pos: int, impurity: float, rec: SplitRecord) -> None:
        """After the partition: the left sums at `pos` (reset, then one update), the
        children's impurities and the improvement w_n/w · (i − w_R/w_n·i_R − w_L/w_n·i_L)."""
        crit = self.criterion
        wn = self.weighted_n_node
        if crit.name == "absolute_error":
            il_, ir_, wl_, wr_ = self._mae_scores(S, np.array([pos]))
            il, ir, wl, wr = float(il_[0]), float(ir_[0]), float(wl_[0]), float(wr_[0])
            rec.impurity_left, rec.impurity_right = il, ir
            rec.improvement = (wn / self.weighted_n_samples) * (impurity - (wr / wn * ir)
                                                                - (wl / wn * il))
            self.child_totals = None
            return
        A = self.A[S]
        n = len(S)
        if self.order_free:  # exact counts: summed in any order, the same numbers
            left_total = np.add.reduce(A[:pos], axis=0)
            right_total = np.add.reduce(A[pos:], axis=0)
        else:  # each child's totals as its own reset will sum them (forward, in its order)
            left_total = np.cumsum(A[:pos], axis=0)[-1]
            right_total = np.cumsum(A[pos:], axis=0)[-1]
        if pos <= n - pos or self.order_free:
            sl = left_total
        else:  # rebuilt from the node total, subtracting from the right end
            sl = np.cumsum(np.vstack((self._totals()[None, :], -A[pos:][::-1])), axis=0)[-1]
        wl = float(sl[-1])
        wr = self.weighted_n_node - wl
        sl_list = sl[:-1].tolist()
        sr_list = (self.sum_total - sl[:-1]).tolist()
        sq_left = sq_right = None
        if crit.is_classification:
            il = crit.impurity_of(sl_list, wl)
            ir = crit.impurity_of(sr_list, wr)
        else:
            sq_left = float(np.cumsum(self.wyy[S[:pos]].ravel())[-1])
            sq_right = float(np.cumsum(self.wyy[S[pos:]].ravel())[-1])
            il = crit.impurity_of(sl_list, wl, sq_left)
            ir = crit.impurity_of(sr_list, wr, self.sq_sum_total - sq_left)
        self.child_totals = ((left_total[:-1], float(left_total[-1]), sq_left),
                             (right_total[:-1], float(right_total[-1]), sq_right))
        rec.impurity_left, rec.impurity_right = il, ir
        rec.improvement = (wn / self.weighted_n_samples) * (impurity - (wr / wn * ir)
                                                            - (wl / wn * il))

    def node_split(self, impurity: float, n_known_constants: int) -> tuple[SplitRecord, int]:
        """Step 2 of the builder: the best split of samples[start:end] over the features
        drawn, and the number of constant features known after this node."""
        start, end = self.start, self.end
        n = end - start
        self.node_distinct = False
        if self.small_node and not self.random and self.criterion.n_outputs == 1:
            if n == 2:
                return self._pair_split(impurity, n_known_constants)
            if DISTINCT_NODE[0] <= n <= DISTINCT_NODE[1] and not self.distinct_checked:
                found = self._distinct_split(impurity, n_known_constants)
                if found is not None:
                    return found
        if n <= self.small_node and not self.random:
            return self._small_node_split(impurity, n_known_constants)
        if n <= self.small_gini and not self.random:
            return self._small_gini_split(impurity, n_known_constants)
        S = self.samples[start:end]  # a view: reordering it reorders the node
        best = SplitRecord(pos=end)
        lazy = False
        if self.random:
            found_by: dict = {}
            totals = self._totals()

            def evaluate(f):
                found_by[f] = self._random_candidate(S, f, n, totals, impurity)
                return found_by[f] is None
        else:
            # the draw only needs to know which features are constant (max ≤ min + 1e-7)
            # in this node. When it examines them all, every feature is sorted at once
            # first (the constants read off the sorted values); when it examines a few,
            # max and min decide, and only the features it examined are sorted.
            sort_all = self.max_features >= self.n_features
            lazy = self.order_free and not sort_all
            if lazy:
                # order free (no tie's order matters): each feature is sorted when the draw
                # visits it (any sort), its constancy read off its sorted values, without
                # max and min over every feature of the node
                Xt, sorted_by, is_constant = self.Xt, {}, {}

                def evaluate(f):
                    x = Xt[f][S]
                    o = np.argsort(x)
                    v = x[o]
                    sorted_by[f] = (o, v)
                    is_constant[f] = constant = bool(v[-1] <= v[0] + FEATURE_THRESHOLD)
                    return constant
            elif sort_all:
                Xn = self.X32[S]
                order = self._stable_order(S, Xn)
                V = Xn[order, self.feature_index]
                is_constant = (V[-1] <= V[0] + FEATURE_THRESHOLD).tolist()
                col = columns = self.feature_list
                evaluate = is_constant.__getitem__
            else:
                Xn = self.X32[S]
                is_constant = (Xn.max(axis=0) <= Xn.min(axis=0) + FEATURE_THRESHOLD).tolist()
                evaluate = is_constant.__getitem__
        sorted_features, n_total = self._draw(n_known_constants, evaluate)
        if not self.random and sorted_features and not sort_all:
            col = [-1] * self.n_features  # feature → its column in order and V
            for j, f in enumerate(sorted_features):
                col[f] = j
            columns = sorted_features  # column → feature
        if not self.random and sorted_features and lazy:
            order = np.column_stack([sorted_by[f][0] for f in sorted_features])
            V = np.column_stack([sorted_by[f][1] for f in sorted_features])
        elif not self.random and sorted_features and not sort_all:
            Xn = Xn[:, sorted_features]
            order = self._stable_order(S, Xn, sorted_features)
            V = Xn[order, self.feature_index[: Xn.shape[1]]]
        if self.random:
            visited = [f for f in sorted_features if found_by[f] is not None]
        else:
            visited = [f for f in sorted_features if not is_constant[f]]
        if self.random:
            best_proxy = -np.inf
            for f in visited:
                found = found_by[f]
                if found and found[0] > best_proxy:
                    best_proxy = found[0]
                    best = SplitRecord(feature=f, pos=start + found[1], threshold=found[2])
        elif visited:
            best = self._best_of(S, sorted_features, visited, order, V, col, columns)
        if best.pos < end:
            # the random splitter left the samples partitioned by the last feature drawn
            if not (self.random and sorted_features[-1] == best.feature) and not (
                    self.order_free and not self.random and self.partitioned):
                go_left = self.Xt[best.feature][S].astype(np.float64) <= best.threshold
                S[:] = S[partition_order(go_left)]
            self._children(S, best.pos - start, impurity, best)
        return best, n_total

    def _stable_order(self, S: NDArray[np.intp], Xn: NDArray[np.float32],
                      features: list[int] | None = None) -> NDArray[np.intp]:
        """`np.argsort(Xn, axis=0, kind="stable")` for the node's values Xn of the features
        (all, or `features`). A large node sorts integer keys instead, 4× quicker: in the
        high 32 bits an order-preserving code of the value (`_order_codes`), in the low 32
        the sample's position in the node. The keys are distinct and equal values are
        ordered by position, so any sort of the keys gives the stable order."""
        n = len(S)
        if n <= 64:
            return np.argsort(Xn, axis=0, kind="stable")
        if self._codes is None:
            self._codes = _from_X(self.X32, "codes", lambda: _order_codes(self.Xt))
        codes = self._codes
        C = codes[:, S] if features is None else codes[np.array(features)[:, None], S]
        K = (C.astype(np.uint64) << np.uint64(32)) | np.arange(n, dtype=np.uint64)
        K.sort(axis=1)
        return (K & np.uint64(0xFFFFFFFF)).astype(np.intp).T

    def paired_stats(self) -> NDArray[np.complex128]:
        """One output's statistics w y (a classifier's: w·[y = class 0]) and w as the real
        and imaginary parts of one number: complex addition adds the parts separately,
        each rounding as the float addition would, so one cumsum of these makes both
        running sums (quicker than summing the two columns of A)."""
        if self._paired is None:
            self._paired = np.empty(len(self.w), dtype=np.complex128)
            self._paired.real = self.A[:, 0]
            self._paired.imag = self.A[:, -1]
        return self._paired

    def _python_lists(self) -> tuple:
        """X, X + 1e-7 (added in float32), the statistics and w·y² as Python lists, for
        `_small_node_split` (made once per fit, when the first small node comes)."""
        if self._lists is None:
            Xt = self.Xt

            def of_X():
                # the samples of each feature with another value at most 1e-7 above theirs
                # (or equal): a node holding none of them (its last sample aside) has a
                # threshold between any two consecutive samples
                order = np.argsort(Xt, axis=1, kind="stable")
                Xs = np.take_along_axis(Xt, order, axis=1)
                close = Xs[:, 1:] <= Xs[:, :-1] + FEATURE_THRESHOLD
                near = np.zeros(Xt.shape, dtype=bool)
                near[:, :-1] |= close
                near[:, 1:] |= Xs[:, 1:] == Xs[:, :-1]
                near_sets = [frozenset(o[m].tolist()) for o, m in zip(order, near)]
                return Xt.tolist(), (Xt + FEATURE_THRESHOLD).tolist(), near_sets

            X, plus, near = _from_X(self.X32, "lists", of_X)
            self._lists = (X, plus, self.A.tolist(), self.wyy.tolist(), near)
        return self._lists

    def _small_node_split(self, impurity: float, n_known_constants: int
                          ) -> tuple[SplitRecord, int]:
        """`node_split` for a small squared-error node, in plain Python floats: the same
        draw, the same stable sorts (introsort is an insertion sort below 16 samples), the
        criterion's updates one sample at a time (or rebuilt from the node total after a
        long jump), the same proxy, partition and children: the same IEEE operations in the
        same order as the vectorised path, without numpy's cost per call."""
        X, X_plus, A, wyy, near = self._python_lists()
        start, end = self.start, self.end
        n = end - start
        S = self.samples[start:end].tolist()
        msl, mwl = self.min_samples_leaf, self.min_weight_leaf
        wn = self.weighted_n_node
        total = self.sum_total if isinstance(self.sum_total, list) \
            else self.sum_total.tolist()
        m = len(total)
        best_score = -np.inf
        best: list = []  # feature, position, threshold

        def left_sums(order, pos, new, sums):
            return _python_left_sums(A, total, wn, order, pos, new, sums)

        def scan(P):
            """The first best (score, position) of the node in its present order, over
            the positions P the criterion is updated to."""
            top, top_p, pos = -np.inf, 0, 0
            if m == 1:  # one output: the two sums as plain floats
                t0 = total[0]
                sy = sw = 0.0
                for p in P:
                    if p - pos <= n - p:
                        for q in range(pos, p):
                            row = A[S[q]]
                            sy += row[0]
                            sw += row[1]
                    else:  # reverse reset, then subtract from the right end
                        sy, sw = t0, wn
                        for q in range(n - 1, p - 1, -1):
                            row = A[S[q]]
                            sy -= row[0]
                            sw -= row[1]
                    pos = p
                    wr = wn - sw
                    if sw < mwl or wr < mwl:
                        continue
                    b = t0 - sy
                    score = sy * sy / sw + b * b / wr
                    if score > top:
                        top, top_p = score, p
                return top, top_p
            sums = [0.0] * (m + 1)
            for p in P:
                sums = left_sums(S, pos, p, sums)
                pos = p
                wl = sums[m]
                wr = wn - wl
                if wl < mwl or wr < mwl:
                    continue
                pl = pr = 0.0
                for k in range(m):
                    a = sums[k]
                    b = total[k] - a
                    pl = pl + a * a
                    pr = pr + b * b
                score = pl / wl + pr / wr
                if score > top:
                    top, top_p = score, p
            return top, top_p

        # features that leave the node in the same order, with the same positions between
        # distinct values, score alike: in a node of a few samples most of them do
        scanned: dict = {}
        every_position = range(msl, n - msl + 1)
        maxd = 2 * (n.bit_length() - 1)  # introsort's depth budget, 2⌊log₂ n⌋

        def evaluate(f):  # sort the node by f; True if constant, else score its positions
            nonlocal best_score, best
            x, xp = X[f], X_plus[f]
            if n == 2:  # (then min_samples_leaf is 1) one position, if not constant
                if x[S[1]] < x[S[0]]:
                    S.reverse()
                if x[S[1]] <= xp[S[0]]:
                    return True
                P = [1]
                key: tuple = (S[0], S[1])
            else:
                if n > 15:  # introsort's partitions of the parts with ties (the samples
                    # moved along), then a stable sort finishes it (`_introsort_parts`)
                    _introsort_parts([x[s] for s in S], S, 0, n, maxd)
                S.sort(key=x.__getitem__)  # up to 15 an insertion sort: stable
                if x[S[-1]] <= xp[S[0]]:
                    return True
                if near[f].isdisjoint(S):  # every position admissible
                    P = every_position
                    key = tuple(S)
                else:
                    P = [p for p in range(msl, n - msl + 1) if x[S[p]] > xp[S[p - 1]]]
                    key = (*S, -1, *P)
            found = scanned.get(key)
            if found is None:
                found = scanned[key] = scan(P)
            if found[0] > best_score:
                best_score = found[0]
                p = found[1]
                best = [f, p, x[S[p - 1]] / 2.0 + x[S[p]] / 2.0]
            return False

        _, n_total = self._draw(n_known_constants, evaluate)
        if not best:
            self.samples[start:end] = S
            return SplitRecord(pos=end), n_total
        f, pos, threshold = best
        return self._small_children(S, f, pos, threshold, impurity), n_total

    def _small_gini_split(self, impurity: float, n_known_constants: int
                          ) -> tuple[SplitRecord, int]:
        """`node_split` for a small order-free Gini node (whole-number weights, one output)
        in plain Python floats: the class counts are exact integers in any order, so each
        feature visited is sorted by Python's sort, its counts run position by position
        and scored with `_gini_proxy`'s operations, the first best kept (features in the
        draw's order, positions ascending, as the batched argmax). The node sorted by the
        feature chosen is its partition; `_children` ends the split."""
        if self._rows is None:  # X, X + 1e-7 (in float32); per sample w·[y = c] …, w
            self._rows = (*_from_X(self.X32, "feature lists", lambda: (
                self.Xt.tolist(), (self.Xt + FEATURE_THRESHOLD).tolist())), self.A.tolist())
        X, X_plus, rows = self._rows
        start, end = self.start, self.end
        n = end - start
        S = self.samples[start:end].tolist()
        msl, mwl = self.min_samples_leaf, self.min_weight_leaf
        wn = self.weighted_n_node
        total = self.sum_total.tolist()
        m = len(total)
        best_score = -np.inf
        best: list = []  # feature, position, threshold

        def evaluate(f):  # sort the node by f; True if constant, else score its positions
            nonlocal best_score, best
            x, xp = X[f], X_plus[f]
            S.sort(key=x.__getitem__)
            if x[S[-1]] <= xp[S[0]]:
                return True
            top, top_p = best_score, 0
            if m == 2:  # two classes: class 0's count and the weight (class 1's: their
                # difference; every count an exact integer, so every product and sum is)
                t0, t1 = total
                c0 = wl = 0.0
                for p in range(1, n - msl + 1):
                    row = rows[S[p - 1]]
                    c0 += row[0]
                    wl += row[2]
                    if p < msl or not x[S[p]] > xp[S[p - 1]]:
                        continue
                    wr = wn - wl
                    if mwl > 0.0 and (wl < mwl or wr < mwl):
                        continue
                    c1 = wl - c0
                    r0 = t0 - c0
                    r1 = t1 - c1
                    score = (-((1.0 - (r0 * r0 + r1 * r1) / (wr * wr)) * wr)
                             - (1.0 - (c0 * c0 + c1 * c1) / (wl * wl)) * wl)
                    if score > top:
                        top, top_p = score, p
                if top_p:
                    best_score = top
                    best = [f, top_p, x[S[top_p - 1]] / 2.0 + x[S[top_p]] / 2.0]
                return False
            sums = [0.0] * (m + 1)
            for p in range(1, n - msl + 1):
                row = rows[S[p - 1]]
                for c in range(m + 1):
                    sums[c] += row[c]
                if p < msl or not x[S[p]] > xp[S[p - 1]]:
                    continue
                wl = sums[m]
                wr = wn - wl
                if mwl > 0.0 and (wl < mwl or wr < mwl):
                    continue
                sq_left = sq_right = 0.0
                for c in range(m):
                    a = sums[c]
                    b = total[c] - a
                    sq_left += a * a
                    sq_right += b * b
                # −w_R·i_R − w_L·i_L, i = 1 − Σ_c s_c²/w² (as `_gini_proxy`)
                score = -((1.0 - sq_right / (wr * wr)) * wr) - (1.0 - sq_left / (wl * wl)) * wl
                if score > top:
                    top, top_p = score, p
            if top_p:
                best_score = top
                best = [f, top_p, x[S[top_p - 1]] / 2.0 + x[S[top_p]] / 2.0]
            return False

        _, n_total = self._draw(n_known_constants, evaluate)
        if not best:
            return SplitRecord(pos=end), n_total
        f, pos, threshold = best
        S.sort(key=X[f].__getitem__)  # the first `pos` samples are those ≤ the threshold
        self.samples[start:end] = S
        # the children's totals (exact counts), impurities and the improvement (as
        # `_children` computes them)
        left, right = [0.0] * (m + 1), [0.0] * (m + 1)
        for q in range(n):
            row, into = rows[S[q]], (left if q < pos else right)
            for c in range(m + 1):
                into[c] += row[c]
        wl = left[m]
        wr = wn - wl
        il = self.criterion.impurity_of(left[:m], wl)
        ir = self.criterion.impurity_of([total[c] - left[c] for c in range(m)], wr)
        rec = SplitRecord(feature=f, pos=start + pos, threshold=threshold,
                          impurity_left=il, impurity_right=ir)
        rec.improvement = (wn / self.weighted_n_samples) * (impurity - (wr / wn * ir)
                                                            - (wl / wn * il))
        self.child_totals = ((np.array(left[:m]), wl, None), (np.array(right[:m]), right[m], None))
        return rec, n_total

    def _small_children(self, S: list, f: int, pos: int, threshold: float,
                        impurity: float) -> SplitRecord:
        """The end of a split in plain Python: partition the node's samples `S` (a list,
        in the order the search left them) by x_f ≤ threshold, then the children's sums,
        impurities and the improvement (the tail of `_children`)."""
        X, _, A, wyy, *_ = self._python_lists()
        start, end = self.start, self.end
        n = end - start
        crit = self.criterion
        wn = self.weighted_n_node
        total = self.sum_total if isinstance(self.sum_total, list) \
            else self.sum_total.tolist()
        m = len(total)

        def left_sums(order, pos, new, sums):
            return _python_left_sums(A, total, wn, order, pos, new, sums)

        _partition_list(S, X[f], threshold)
        self.samples[start:end] = S
        sl = left_sums(S, 0, pos, [0.0] * (m + 1))  # reset, then one update
        # each child's totals as its own reset will sum them (forward, in its order)
        left_total, right_total = [0.0] * (m + 1), [0.0] * (m + 1)
        for q in range(n):
            row, into = A[S[q]], (left_total if q < pos else right_total)
            for c in range(m + 1):
                into[c] += row[c]
        wl = sl[m]
        wr = wn - wl
        sr = [total[k] - sl[k] for k in range(m)]
        sq_left = sq_right = 0.0
        for q in range(n):
            for v in wyy[S[q]]:
                if q < pos:
                    sq_left += v
                else:
                    sq_right += v
        il = crit.impurity_of(sl[:m], wl, sq_left)
        ir = crit.impurity_of(sr, wr, self.sq_sum_total - sq_left)
        rec = SplitRecord(feature=f, pos=start + pos, threshold=threshold,
                          impurity_left=il, impurity_right=ir)
        rec.improvement = (wn / self.weighted_n_samples) * (impurity - (wr / wn * ir)
                                                            - (wl / wn * il))
        # a child past the small nodes' size takes the vectorised path: totals as arrays
        small = self.small_node
        self.child_totals = (
            (left_total[:m] if pos <= small else np.array(left_total[:m]),
             left_total[m], sq_left),
            (right_total[:m] if n - pos <= small else np.array(right_total[:m]),
             right_total[m], sq_right))
        return rec

    def _distinct_split(self, impurity: float, n_known_constants: int
                        ) -> tuple[SplitRecord, int] | None:
        """A node of one output whose samples' values are all more than 1e-7 apart in every
        feature (None otherwise, before anything is drawn): then no feature is constant,
        each sorts to one order whatever the previous sort left, every position is a
        candidate and every update moves forward by one sample, so all the features are
        scored at once by prefix sums (the same additions, in the same order, as the
        one-feature-at-a-time search), without the general path's ties and jumps."""
        start, end = self.start, self.end
        n = end - start
        S = self.samples[start:end]
        Xn = self.X32[S]
        order = np.argsort(Xn, axis=0)  # distinct values: one order, whatever the kind
        V = Xn[order, self.feature_index]
        if not (V[1:] > V[:-1] + FEATURE_THRESHOLD).all():
            return None
        examined, n_total = self._draw(n_known_constants, self._never_constant)
        if not examined:
            return SplitRecord(pos=end), n_total
        msl, mwl = self.min_samples_leaf, self.min_weight_leaf
        CS = np.cumsum(self.A[S[order[:, examined]]], axis=0)[msl - 1: n - msl]
        sl, wl = CS[..., 0], CS[..., 1]
        wr = self.weighted_n_node - wl
        sr = float(self.sum_total[0]) - sl
        scores = sl * sl / wl + sr * sr / wr
        if mwl > 0.0:
            scores[(wl < mwl) | (wr < mwl)] = -np.inf
        per_feature = scores.max(axis=0)
        k = int(np.argmax(per_feature))  # the first feature reaching the best score
        S_list = S[order[:, examined[-1]]].tolist()  # as the last feature's sort left it
        if not per_feature[k] > -np.inf:
            self.samples[start:end] = S_list
            return SplitRecord(pos=end), n_total
        f = examined[k]
        pos = int(np.argmax(scores[:, k])) + msl
        threshold = float(V[pos - 1, f]) / 2.0 + float(V[pos, f]) / 2.0
        return self._small_children(S_list, f, pos, threshold, impurity), n_total

    # --- whole subtrees of distinct values (`build_depth_first`'s `grow_distinct`) ------------
    #
    # In a node whose samples are more than 1e-7 apart in every feature, and in every node
    # below it (a subset of such values is such values), no feature is constant and none is
    # known constant (a feature constant above would be constant here), so the draw is the
    # plain Fisher–Yates shuffle of `max_features` steps; every feature sorts to one order
    # whatever the order before; every position is a candidate, reached by a forward update
    # of one sample. The nodes of such a subtree are split on Python lists of their samples,
    # without `node_reset`, the stack or the general path's bookkeeping.

    def is_distinct(self, start: int, end: int) -> bool:
        """Whether the samples of [start, end) are more than 1e-7 apart in every feature."""
        V = np.sort(self.X32[self.samples[start:end]], axis=0)
        return bool((V[1:] > V[:-1] + FEATURE_THRESHOLD).all())

    def _plain_draw(self) -> list[int]:
        """`_draw` when no feature is constant or known constant: each of the
        min(max_features, n_features) visits draws rand_int(0, f_i) and swaps the feature
        drawn to the end of the unvisited block (f_i − 1). The k-th feature visited lies
        at position n_features − 1 − k: the visited ones are the block's tail, reversed."""
        features, rng = self.features, self.rng
        f_i = n_features = self.n_features
        visits = min(self.max_features, f_i)
        rng.ahead(visits)
        i = rng.i
        for r in rng.out[i + 1: i + 1 + visits]:
            f_j = r % f_i
            f_i -= 1
            f = features[f_j]
            features[f_j] = features[f_i]
            features[f_i] = f
        rng.i = i + visits
        return features[n_features - visits:][::-1]

    def split_distinct(self, S: list, total: float, wn: float, sq: float,
                       impurity: float) -> tuple | None:
        """The best split of a node of distinct values (see above) whose samples are the
        list `S` (in the order they lie), with Σ w y = `total`, Σ w = `wn`, Σ w y² = `sq`.
        Returns None if no position is admissible, else (feature, threshold, improvement,
        and for the left then the right child: its samples in the order the partition
        leaves them, its impurity, Σ w y, Σ w, Σ w y²)."""
        examined = self._plain_draw()
        n = len(S)
        msl, mwl = self.min_samples_leaf, self.min_weight_leaf
        X, WY, W, Q = self._distinct_lists()
        best_score, best = -np.inf, None  # best: (feature, position, threshold)
        if n == 2:
            # one position (min_samples_leaf is 1): sorting by a feature puts the sample with
            # the smaller value left, and the score is that of the sample on the left. The
            # scores take two values, so the first feature reaching the larger one wins: the
            # first to put that sample left, else the first feature (the other score).
            a, b = S
            score = {}
            for lo in S:
                sy, sw = 0.0 + WY[lo], 0.0 + W[lo]
                wr = wn - sw
                r = total - sy
                score[lo] = -np.inf if sw < mwl or wr < mwl else sy * sy / sw + r * r / wr
            want, other = (a, b) if score[a] > score[b] else (b, a)
            f = examined[0]
            if score[want] > score[other]:
                f = next((g for g in examined if X[g][want] < X[g][other]), f)
            x = X[f]
            lo, hi = (a, b) if x[a] < x[b] else (b, a)
            if score[lo] == -np.inf:
                return None
            best = (f, 1, x[lo] / 2.0 + x[hi] / 2.0)
            S[:] = (lo, hi)
        elif n * len(examined) <= PYTHON_DISTINCT:  # feature after feature: sort, score
            scanned: dict = {}  # features that order the node alike score alike
            for f in examined:
                x = X[f]
                S.sort(key=x.__getitem__)
                key = tuple(S)
                found = scanned.get(key)
                if found is None:  # the criterion's forward updates, one sample each
                    top, top_p, sy, sw = -np.inf, 0, 0.0, 0.0
                    for q in range(n - msl):
                        s_q = S[q]
                        sy += WY[s_q]
                        sw += W[s_q]
                        if q + 1 < msl:
                            continue
                        wr = wn - sw
                        if sw < mwl or wr < mwl:
                            continue
                        r = total - sy
                        score_q = sy * sy / sw + r * r / wr
                        if score_q > top:
                            top, top_p = score_q, q + 1
                    found = scanned[key] = (top, top_p)
                if found[0] > best_score:
                    best_score, p = found
                    best = (f, p, x[S[p - 1]] / 2.0 + x[S[p]] / 2.0)
        else:  # every examined feature at once: sorted orders, then prefix sums
            Sa = np.array(S)
            Xe = self.Xt[np.array(examined)[:, None], Sa]  # row j: feature examined[j]
            order = np.argsort(Xe, axis=1)  # distinct values: one order, whatever the kind
            # the left sums of w y and w at p = msl … n − msl, with row j in the order of
            # feature examined[j] (`paired_stats`)
            CS = np.cumsum(self.paired_stats()[Sa[order]], axis=1)[:, msl - 1: n - msl]
            sl, wl = CS.real, CS.imag
            sr = total - sl
            scores = sl * sl
            scores /= wl
            sr *= sr
            sr /= wn - wl
            scores += sr  # s_L² / w_L + s_R² / w_R
            if mwl > 0.0:
                scores[(wl < mwl) | (wn - wl < mwl)] = -np.inf
            # row-major: the first feature reaching the best score, at its first best position
            k, p = divmod(int(scores.argmax()), scores.shape[1])
            S[:] = Sa[order[-1]].tolist()  # as the last feature's sort left the node
            if scores[k, p] > -np.inf:
                p += msl
                o = order[k]
                best = (examined[k], p, float(Xe[k, o[p - 1]]) / 2.0 + float(Xe[k, o[p]]) / 2.0)
        if best is None:
            return None
        f, pos, threshold = best
        _partition_list(S, X[f], threshold)
        # each child's totals as its own reset sums them (forward, in its order)
        L, R = S[:pos], S[pos:]
        ly = lw = lq = 0.0
        for s in L:
            ly += WY[s]
            lw += W[s]
            lq += Q[s]
        ry = rw = rq = 0.0
        for s in R:
            ry += WY[s]
            rw += W[s]
            rq += Q[s]
        # the left sums at `pos` as the criterion's reset and update make them: the same
        # forward sums, or, when the way from the right end is shorter, the node's totals
        # minus the samples right of `pos`, the last first
        sl_, wl_ = ly, lw
        if pos > n - pos:
            sl_, wl_ = total, wn
            for s in reversed(R):
                sl_ -= WY[s]
                wl_ -= W[s]
        wr = wn - wl_
        crit = self.criterion
        il = crit.impurity_of([sl_], wl_, lq)
        ir = crit.impurity_of([total - sl_], wr, sq - lq)
        improvement = (wn / self.weighted_n_samples) * (impurity - (wr / wn * ir)
                                                        - (wl_ / wn * il))
        return f, threshold, improvement, (L, il, ly, lw, lq), (R, ir, ry, rw, rq)

    def _distinct_lists(self) -> tuple:
        """X (a list per feature), w y, w and w y² as flat Python lists of numbers (no
        list per sample: thousands of those kept alive set off full garbage collections)."""
        if self._distinct is None:
            X = _from_X(self.X32, "X_lists", self.Xt.tolist)
            self._distinct = (X, self.A[:, 0].tolist(), self.w.tolist(),
                              self.wyy[:, 0].tolist())
        return self._distinct

    @staticmethod
    def _never_constant(f: int) -> bool:
        return False

    def _pair_split(self, impurity: float, n_known_constants: int
                    ) -> tuple[SplitRecord, int]:
        """`_small_node_split` for a node of two samples and one output: one position, so
        two possible scores (the node's order or its reverse), computed once; a feature
        only decides the order and the threshold, and the first feature reaching the
        higher score wins. The same operations as the general small-node path."""
        X, X_plus, A, wyy, _ = self._python_lists()
        start = self.start
        S = self.samples[start:start + 2].tolist()
        mwl, wn = self.min_weight_leaf, self.weighted_n_node
        t0 = self.sum_total[0] if isinstance(self.sum_total, list) \
            else float(self.sum_total[0])
        scores = {}
        for lo in S:  # the score with `lo` on the left: the criterion's update 0 → 1
            sy = 0.0 + A[lo][0]
            sw = 0.0 + A[lo][1]
            wr = wn - sw
            if sw < mwl or wr < mwl:
                scores[lo] = -np.inf
            else:
                r = t0 - sy
                scores[lo] = sy * sy / sw + r * r / wr
        best_score = -np.inf
        best: list = []

        def evaluate(f):  # order the pair by f; True if constant, else its score
            nonlocal best_score, best
            x = X[f]
            lo, hi = S
            if x[hi] < x[lo]:
                S.reverse()
                lo, hi = hi, lo
            if x[hi] <= X_plus[f][lo]:
                return True
            if scores[lo] > best_score:
                best_score = scores[lo]
                best = [f, x[lo] / 2.0 + x[hi] / 2.0]
            return False

        _, n_total = self._draw(n_known_constants, evaluate)
        if not best:
            self.samples[start:start + 2] = S
            return SplitRecord(pos=start + 2), n_total
        f, threshold = best
        x = X[f]
        if not x[S[0]] <= threshold:  # the partition: the pair's swap
            S.reverse()
        lo, hi = S
        self.samples[start:start + 2] = S
        sl, wl = 0.0 + A[lo][0], 0.0 + A[lo][1]
        sr, wr_ = 0.0 + A[hi][0], 0.0 + A[hi][1]
        wr = wn - wl
        sq_left, sq_right = 0.0 + wyy[lo][0], 0.0 + wyy[hi][0]
        crit = self.criterion
        il = crit.impurity_of([sl], wl, sq_left)
        ir = crit.impurity_of([t0 - sl], wr, self.sq_sum_total - sq_left)
        rec = SplitRecord(f, start + 1, threshold, (wn / self.weighted_n_samples) * (
            impurity - (wr / wn * ir) - (wl / wn * il)), il, ir)
        self.child_totals = (([sl], wl, sq_left), ([sr], wr_, sq_right))
        return rec, n_total

    def _draw(self, n_known_constants: int, is_constant) -> tuple[list[int], int]:
        """scikit-learn's Fisher–Yates draw of the features to visit: known constants are
        skipped, newly found ones move to the constant block; it stops after `max_features`
        visits unless all of them were constant. Returns the features examined (in order)
        and the number of constants known after this node."""
        features, constant = self.features, self.constant_features
        f_i = self.n_features
        max_features, rng, random = self.max_features, self.rng, self.random
        n_visited = n_found = n_drawn = 0
        n_total = n_known_constants
        examined: list[int] = []
        rng.ahead(2 * f_i + 1)  # at most one draw per feature (and the random threshold's)
        out, i = rng.out, rng.i
        while f_i > n_total and (n_visited < max_features or n_visited <= n_found + n_drawn):
            n_visited += 1
            i += 1  # rand_int(n_drawn, f_i − n_found), from the stream
            f_j = n_drawn + out[i] % (f_i - n_found - n_drawn)
            if f_j < n_known_constants:
                features[n_drawn], features[f_j] = features[f_j], features[n_drawn]
                n_drawn += 1
                continue
            f_j += n_found
            f = features[f_j]
            examined.append(f)
            if random:  # the random splitter draws its threshold in between
                rng.i = i
                constant_here = is_constant(f)
                rng.ahead(2 * f_i + 1)
                out, i = rng.out, rng.i
            else:
                constant_here = is_constant(f)
            if constant_here:
                features[f_j], features[n_total] = features[n_total], features[f_j]
                n_found += 1
                n_total += 1
                continue
            f_i -= 1
            features[f_i], features[f_j] = features[f_j], features[f_i]
        rng.i = i
        # the known constants keep their order for the children; the new ones follow
        features[:n_known_constants] = constant[:n_known_constants]
        constant[n_known_constants:n_total] = features[n_known_constants:n_total]
        return examined, n_total

    def _best_of(self, S, examined, visited, order, V, col, columns) -> SplitRecord:
        """The first best split over the visited features, all scored at once (absolute
        error: one feature after the other, in scikit-learn's order). `order` and `V` hold
        the sorted order and values of feature f in column col[f] (column j: feature
        columns[j])."""
        start = self.start
        n = len(S)
        # scikit-learn sorts the node by each feature examined in turn; a constant one
        # leaves the order as it is
        exactly_constant = (V[-1] == V[0]).tolist()
        reorders = [col[f] for f in examined if not exactly_constant[col[f]]]
        if self.criterion.name == "absolute_error":
            totals = self._totals()
            found = None
            best_proxy = -np.inf
            for f in examined:
                candidate = self._best_candidate(S, f, n, totals)
                if candidate and candidate[0] > best_proxy:
                    best_proxy = candidate[0]
                    found = (f,) + candidate[1:]
            if found is None:
                return SplitRecord(pos=self.end)
            return SplitRecord(feature=found[0], pos=start + found[1], threshold=found[2])
        if not self.exact_sums:
            self._order_ties(S, reorders, order, V, columns)
        F = np.array([col[f] for f in visited])
        distinct = V[1:, F] > V[:-1, F] + FEATURE_THRESHOLD  # positions between values
        # every feature visited, each with all values distinct: so are the children's
        self.node_distinct = (self.distinct_ok and len(visited) == self.n_features
                              and bool(distinct.all()))
        found = self._batched_candidates(S, order[:, F], V[:, F], distinct)
        self.partitioned = False
        if reorders and not (self.order_free and found is not None):
            S[:] = S[order[:, reorders[-1]]]  # the node is left sorted by the last feature
        if found is None:
            return SplitRecord(pos=self.end)
        k, p = found
        f = visited[k]
        j = col[f]
        if self.order_free:
            # sorted by the feature chosen, the first p samples are those ≤ the threshold
            # (V[p−1] ≤ V[p−1]/2 + V[p]/2 < V[p]): the order of a partition, as good as
            # scikit-learn's when the order decides nothing
            S[:] = S[order[:, j]]
            self.partitioned = True
        threshold = float(V[p - 1, j]) / 2.0 + float(V[p, j]) / 2.0
        return SplitRecord(feature=f, pos=start + p, threshold=threshold)

    def _order_ties(self, S, reorders, order, V, columns) -> None:
        """Where sums round, the order of equal values matters: give each feature with
        equal values in this node the order scikit-learn's introsort leaves them in, sorting
        from the order the previous feature's sort left (a feature without equal values has
        one sorted order, whatever it starts from). `reorders`: columns of order and V."""
        tied = (V[1:] == V[:-1]).any(axis=0).tolist()
        if not any(tied[j] for j in reorders):
            return
        previous = None  # positions in S, in the order the node lies before the sort
        for j in reorders:
            if tied[j]:
                f = columns[j]
                base = np.arange(len(S)) if previous is None else previous
                order[:, j] = base[introsort_order(self.Xt[f][S[base]])]
            previous = order[:, j]

    def _batched_candidates(self, S, O, V, distinct):
        """Score every position of every visited feature at once. The running sums are one
        cumsum per feature: the criterion's forward updates, except after a jump over tied
        positions longer than what remains, where scikit-learn rebuilds the left sums from
        the node total (those features, when the sums round, are rescored with
        `left_sums`). Returns (index of the feature, position) of the first best, or None."""
        n, q = O.shape
        msl = self.min_samples_leaf
        m = self.A.shape[1] - 1
        # one output, no weight that could round a child's to 0: the proxy inline
        inline = m == 1 and not self.criterion.is_classification and self.plain_weights
        # the Gini impurity of one output, from exact counts: `_gini_proxy`
        gini = self.order_free and self.criterion.name == "gini" and \
            self.criterion.n_outputs == 1
        if inline:  # left sums at p = 1 … n − 1 (`paired_stats`)
            CS = np.cumsum(self.paired_stats()[S[O]], axis=0)[:-1]
            sl, wl = CS.real, CS.imag
        elif gini and m == 2:  # two classes: the counts of class 0 and of both (`paired_stats`)
            CS = np.cumsum(self.paired_stats()[S[O]], axis=0)[:-1]
            wl = CS.imag
            counts = [CS.real, wl - CS.real]  # exact integers: exact differences
        else:
            CS = np.cumsum(self.A[S[O]], axis=0)[:-1]
            wl = CS[..., -1]
        updated = distinct.copy()  # the positions the criterion is moved to
        updated[: msl - 1] = False  # p ≥ min_samples_leaf and n − p ≥ min_samples_leaf
        updated[max(n - msl, 0):] = False
        wr = self.weighted_n_node - wl
        valid = updated
        if self.min_weight_leaf > 0.0:
            valid = updated & (wl >= self.min_weight_leaf) & (wr >= self.min_weight_leaf)
        if inline:
            sr = self.sum_total[0] - sl
            scores = sl * sl
            scores /= wl
            sr *= sr
            sr /= wr
            scores += sr  # s_L² / w_L + s_R² / w_R
        elif gini:
            if m != 2:
                counts = [CS[..., c] for c in range(m)]
            scores = self._gini_proxy(counts, wl, wr)
        else:
            sl = CS[..., :-1].reshape(-1, m)
            with np.errstate(divide="ignore", invalid="ignore"):
                scores = self.criterion.proxy(sl, self.sum_total[None, :] - sl, wl.ravel(),
                                              wr.ravel()).reshape(n - 1, q)
        scores[~valid] = -np.inf
        if not self.exact_sums and not distinct[msl - 1: n - msl].all():
            self._rescore_backward(S, O, updated, scores)
        per_feature = scores.max(axis=0)
        k = int(np.argmax(per_feature))  # the first feature reaching the best score
        if per_feature[k] == -np.inf:
            return None
        return k, int(np.argmax(scores[:, k])) + 1  # its first best position

    def _gini_proxy(self, counts: list[NDArray], wl: NDArray, wr: NDArray) -> NDArray:
        """`Criterion.proxy` for the Gini impurity of one output, −w_R·i_R − w_L·i_L with
        i = 1 − Σ_c s_c²/w², from the left class counts (`counts[c]`) and weights w_L, w_R
        (> 0: every sample weighs at least 1): the same IEEE operations, in place."""
        total = self.sum_total.tolist()
        sq_left = counts[0] * counts[0]
        right = total[0] - counts[0]
        sq_right = right * right
        for c in range(1, len(total)):  # Σ_c s_c², one class after the other
            left = counts[c]
            sq_left += left * left
            np.subtract(total[c], left, out=right)
            sq_right += right * right
        sq_left /= wl * wl
        np.subtract(1.0, sq_left, out=sq_left)  # i_L
        sq_right /= wr * wr
        np.subtract(1.0, sq_right, out=sq_right)  # i_R
        sq_right *= wr
        np.negative(sq_right, out=sq_right)
        sq_left *= wl
        sq_right -= sq_left
        return sq_right

    def _rescore_backward(self, S, O, updated, scores) -> None:
        """Rescore the features whose updates jump backwards somewhere: a jump from the
        previous position longer than n − p rebuilds the left sums from the node total."""
        n = len(S)
        pos = np.arange(1, n)[:, None]
        last = np.maximum.accumulate(np.where(updated, pos, 0), axis=0)
        jump = pos - np.vstack((np.zeros((1, last.shape[1]), dtype=last.dtype), last[:-1]))
        for j in np.flatnonzero((updated & (jump > n - pos)).any(axis=0)).tolist():
            P = np.flatnonzero(updated[:, j]) + 1
            scores[:, j] = self._scores(S[O[:, j]], P, self._totals(), positions=n - 1)

    def _scores(self, S, P, totals, positions=None):
        """Proxy scores at update positions P (relative), −inf where a child is too light
        (with `positions`: spread over all positions 1 … `positions`, −inf elsewhere)."""
        crit = self.criterion
        if crit.name == "absolute_error":
            il, ir, wl, wr = self._mae_scores(S, P)
            ok = (wl >= self.min_weight_leaf) & (wr >= self.min_weight_leaf)
            return np.where(ok, -wr * ir - wl * il, -np.inf)
        SL = left_sums(self.A[S], P, totals)
        wl = SL[:, -1]
        wr = self.weighted_n_node - wl
        sl = SL[:, :-1]
        sr = self.sum_total[None, :] - sl
        ok = (wl >= self.min_weight_leaf) & (wr >= self.min_weight_leaf)
        scores = np.full(len(P), -np.inf)
        if ok.any():
            scores[ok] = crit.proxy(sl[ok], sr[ok], wl[ok], wr[ok])
        if positions is not None:
            spread = np.full(positions, -np.inf)
            spread[P - 1] = scores
            return spread
        return scores

    def _best_candidate(self, S, f, n, totals):
        """Sort the node by feature f; None if constant, () if no admissible position, else
        (score, position, threshold) of the first best position."""
        fv = self.Xt[f][S]
        order = sort_order(fv, self.exact_sums)  # (absolute error's path)
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


def _partition_list(S: list, x: list, threshold: float) -> None:
    """Reorder the samples `S` in place as scikit-learn's partition does: from the front, a
    sample with x ≤ threshold stays, one going right is swapped with the last unexamined
    sample (the children's sample orders, which their sums and later sorts start from)."""
    i, j = 0, len(S)
    while i < j:
        if x[S[i]] <= threshold:
            i += 1
        else:
            j -= 1
            S[i], S[j] = S[j], S[i]


def _python_left_sums(A: list, total: list, wn: float, order: list, pos: int, new: int,
                      sums: list) -> list:
    """The small nodes' criterion update in Python floats, from position `pos` to `new` of
    the node's `order` (n samples; `sums`: the m weighted sums of y and the weight, m + 1
    entries). As scikit-learn's update: forward from `pos` when that is the shorter way,
    else reset to the node's totals and subtract the samples right of `new`."""
    n, m = len(order), len(total)
    if new - pos <= n - new:
        for q in range(pos, new):
            row = A[order[q]]
            for c in range(m + 1):
                sums[c] += row[c]
        return sums
    sums = total + [wn]
    for q in range(n - 1, new - 1, -1):
        row = A[order[q]]
        for c in range(m + 1):
            sums[c] -= row[c]
    return sums
