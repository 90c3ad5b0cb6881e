"""The fitted tree as scikit-learn's parallel arrays, and the two ways of growing it:
depth first (a stack, left child first) and best first (a priority queue on the impurity
improvement, for ``max_leaf_nodes``)."""
from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from ._splitter import DISTINCT_NODE, DISTINCT_SUBTREE, Splitter

__all__ = ["Tree", "TREE_LEAF", "TREE_UNDEFINED", "build_depth_first", "build_best_first"]

TREE_LEAF = -1
TREE_UNDEFINED = -2
EPSILON = float(np.finfo(np.float64).eps)


class Tree:
    """Nodes in preorder (left child first): ``children_left/right`` (−1 at a leaf),
    ``feature``/``threshold`` (−2 at a leaf), ``value`` (n_nodes, n_outputs, max_n_classes),
    ``impurity``, ``n_node_samples``, ``weighted_n_node_samples``; ``max_depth``."""

    def __init__(self, n_features: int, n_classes: NDArray[np.intp], n_outputs: int):
        self.n_features, self.n_outputs = n_features, n_outputs
        self.n_classes = np.asarray(n_classes, dtype=np.intp)
        self.max_n_classes = int(self.n_classes.max())
        # while growing, one flat list per array (numbers only: thousands of small lists
        # kept alive would set off Python's full garbage collections, a cost per node)
        self._columns: tuple[list, ...] = ([], [], [], [], [], [], [])
        self._values: list = []
        self.max_depth = 0

    # --- growing ---------------------------------------------------------------------------
    def _add_node(self, parent: int, is_left: bool, is_leaf: bool, feature: int,
                  threshold: float, impurity: float, n: int, wn: float,
                  value: NDArray | list | float) -> int:
        """Append a node (`value`: its value array, or one output's mean as a number)."""
        left, right, features, thresholds, impurities, ns, wns = self._columns
        node_id = len(left)
        if parent != TREE_UNDEFINED:
            (left if is_left else right)[parent] = node_id
        if is_leaf:
            feature, threshold = TREE_UNDEFINED, float(TREE_UNDEFINED)
        left.append(TREE_LEAF)
        right.append(TREE_LEAF)
        features.append(feature)
        thresholds.append(threshold)
        impurities.append(impurity)
        ns.append(n)
        wns.append(wn)
        self._values.append(value)
        return node_id

    def _make_leaf(self, node_id: int) -> None:
        left, right, features, thresholds = self._columns[:4]
        left[node_id] = right[node_id] = TREE_LEAF
        features[node_id], thresholds[node_id] = TREE_UNDEFINED, float(TREE_UNDEFINED)

    def _finalise(self) -> None:
        left, right, features, thresholds, impurities, ns, wns = self._columns
        self.children_left = np.array(left, dtype=np.intp)
        self.children_right = np.array(right, dtype=np.intp)
        self.feature = np.array(features, dtype=np.intp)
        self.threshold = np.array(thresholds, dtype=np.float64)
        self.impurity = np.array(impurities, dtype=np.float64)
        self.n_node_samples = np.array(ns, dtype=np.intp)
        self.weighted_n_node_samples = np.array(wns, dtype=np.float64)
        shape = (len(left), self.n_outputs, self.max_n_classes)
        values = self._values
        if shape[1:] == (1, 1):  # one output, one value: read the numbers (quicker)
            self.value = np.fromiter((v if isinstance(v, float) else v[0][0] for v in values),
                                     np.float64, shape[0]).reshape(shape)
        else:
            self.value = np.array(values, dtype=np.float64).reshape(shape) if values \
                else np.zeros(shape)
        self.node_count = len(left)
        self.capacity = self.node_count
        self.n_leaves = int(np.sum(self.children_left == TREE_LEAF))
        del self._columns, self._values

    # --- using ----------------------------------------------------------------------------
    def apply(self, X: NDArray[np.float32]) -> NDArray[np.intp]:
        """The leaf of each row: go left while x_feature ≤ threshold (x in float32, compared
        in float64)."""
        node = np.zeros(X.shape[0], dtype=np.intp)
        active = np.flatnonzero(self.children_left[node] != TREE_LEAF)
        while len(active):
            nd = node[active]
            x = X[active, self.feature[nd]].astype(np.float64)
            node[active] = np.where(x <= self.threshold[nd], self.children_left[nd],
                                    self.children_right[nd])
            active = active[self.children_left[node[active]] != TREE_LEAF]
        return node

    def predict(self, X: NDArray[np.float32]) -> NDArray[np.float64]:
        return self.value[self.apply(X)]

    def decision_path(self, X: NDArray[np.float32]) -> NDArray[np.int64]:
        """Dense indicator (n_samples, node_count): 1 where the row passes through the node
        (scikit-learn returns the same matrix as a sparse CSR)."""
        path = np.zeros((X.shape[0], self.node_count), dtype=np.int64)
        node = np.zeros(X.shape[0], dtype=np.intp)
        rows = np.arange(X.shape[0])
        path[rows, node] = 1
        active = rows[self.children_left[node] != TREE_LEAF]
        while len(active):
            nd = node[active]
            x = X[active, self.feature[nd]].astype(np.float64)
            node[active] = np.where(x <= self.threshold[nd], self.children_left[nd],
                                    self.children_right[nd])
            path[active, node[active]] = 1
            active = active[self.children_left[node[active]] != TREE_LEAF]
        return path

    def compute_feature_importances(self, normalize: bool = True) -> NDArray[np.float64]:
        """Σ over the nodes split on each feature of w_t·i_t − w_L·i_L − w_R·i_R, over w_root,
        normalised to sum to one."""
        importances = np.zeros(self.n_features)
        for t in range(self.node_count):  # in node order: the additions of the C loop
            left, right = self.children_left[t], self.children_right[t]
            if left != TREE_LEAF:
                importances[self.feature[t]] += (
                    self.weighted_n_node_samples[t] * self.impurity[t]
                    - self.weighted_n_node_samples[left] * self.impurity[left]
                    - self.weighted_n_node_samples[right] * self.impurity[right])
        importances /= self.weighted_n_node_samples[0]
        if normalize:
            normalizer = np.sum(importances)
            if normalizer > 0.0:
                importances /= normalizer
        return importances


def _value(splitter: Splitter, tree: Tree) -> NDArray | list | float:
    """The node's value: class fractions per output (padded), or the mean of each output."""
    v = splitter.node_value()
    if isinstance(v, list):  # the means of a small node, as Python floats
        return v[0] if len(v) == 1 else [[mean] for mean in v]
    if splitter.criterion.is_classification:
        out = np.zeros((tree.n_outputs, tree.max_n_classes))
        off = splitter.criterion.offsets
        for k in range(tree.n_outputs):
            out[k, : tree.n_classes[k]] = v[off[k]: off[k + 1]]
        return out
    return v[:, None]


def build_depth_first(tree: Tree, splitter: Splitter, *, max_depth: int,
                      min_samples_split: int, min_samples_leaf: int,
                      min_weight_leaf: float, min_impurity_decrease: float) -> None:
    """Grow the tree from a stack: pop a node, decide leaf or split, push right then left
    (so the left subtree is numbered first). A node of distinct values takes its whole
    subtree at once (`grow_distinct`)."""

    def stops(n: int, depth: int, wn: float, impurity: float) -> bool:
        """Step 1: the stopping rules."""
        return (depth >= max_depth or n < min_samples_split or n < 2 * min_samples_leaf
                or wn < 2 * min_weight_leaf or impurity <= EPSILON)

    def grow_distinct(S: list, depth: int, parent: int, is_left: bool, impurity: float,
                      total: float, wn: float, sq: float) -> int:
        """The node of samples `S` (a list, all values distinct: `Splitter.split_distinct`)
        and its subtree, left child first, as the stack would number them (nothing else is
        popped until the subtree is done). Returns the deepest depth reached."""
        n = len(S)
        split = None
        if not stops(n, depth, wn, impurity):
            split = splitter.split_distinct(S, total, wn, sq, impurity)
            if split is not None and split[2] + EPSILON < min_impurity_decrease:
                split = None
        if split is None:
            add_node(parent, is_left, True, 0, 0.0, impurity, n, wn, total / wn)
            return depth
        f, threshold, _, left, right = split
        node_id = add_node(parent, is_left, False, f, threshold, impurity, n, wn, total / wn)
        deepest = depth + 1
        for child, child_is_left in ((left, True), (right, False)):
            S_c, imp_c, total_c, wn_c, sq_c = child
            if len(S_c) == 1:  # a leaf (min_samples_split ≥ 2)
                add_node(node_id, child_is_left, True, 0, 0.0, imp_c, 1, wn_c, total_c / wn_c)
            else:
                deepest = max(deepest, grow_distinct(S_c, depth + 1, node_id, child_is_left,
                                                     imp_c, total_c, wn_c, sq_c))
        return deepest

    add_node = tree._add_node
    distinct_ok = splitter.distinct_ok
    splitter.distinct_checked = distinct_ok
    lo, hi = DISTINCT_NODE
    stack = [(0, len(splitter.samples), 0, TREE_UNDEFINED, False, np.inf, 0, None, False)]
    max_depth_seen = -1
    first = True
    while stack:
        start, end, depth, parent, is_left, impurity, n_constant, totals, distinct = stack.pop()
        n = end - start
        splitter.node_reset(start, end, totals)
        wn = splitter.weighted_n_node
        if first:
            impurity = splitter.node_impurity()
            first = False
        # a node known distinct (its parent was) of up to DISTINCT_SUBTREE samples, or one
        # of DISTINCT_NODE sizes found distinct, grows its subtree at once
        if distinct_ok and 2 <= n and ((distinct and n <= DISTINCT_SUBTREE) or (
                lo <= n <= hi and splitter.is_distinct(start, end))):
            deepest = grow_distinct(splitter.samples[start:end].tolist(), depth, parent,
                                    is_left, impurity, float(splitter.sum_total[0]), wn,
                                    splitter.sq_sum_total)
            max_depth_seen = max(max_depth_seen, deepest)
            continue
        is_leaf = stops(n, depth, wn, impurity)
        # Step 2: the best split, kept only if it decreases the impurity enough
        if not is_leaf:
            split, n_constant = splitter.node_split(impurity, n_constant)
            is_leaf = split.pos >= end or split.improvement + EPSILON < min_impurity_decrease
        node_id = tree._add_node(parent, is_left, is_leaf,
                                 split.feature if not is_leaf else 0,
                                 split.threshold if not is_leaf else 0.0,
                                 impurity, n, wn, _value(splitter, tree))
        if not is_leaf:
            left, right = splitter.child_totals or (None, None)
            distinct = splitter.node_distinct  # then so are its children
            stack.append((split.pos, end, depth + 1, node_id, False, split.impurity_right,
                          n_constant, right, distinct))
            stack.append((start, split.pos, depth + 1, node_id, True, split.impurity_left,
                          n_constant, left, distinct))
        max_depth_seen = max(max_depth_seen, depth)
    tree.max_depth = max_depth_seen
    tree._finalise()


# --- best first: libstdc++'s push_heap / pop_heap on the improvement -------------------------

def _push_heap(heap: list, rec: dict) -> None:
    heap.append(rec)
    hole = len(heap) - 1
    value = rec
    parent = (hole - 1) // 2
    while hole > 0 and heap[parent]["improvement"] < value["improvement"]:
        heap[hole] = heap[parent]
        hole = parent
        parent = (hole - 1) // 2
    heap[hole] = value


def _adjust_heap(heap: list, hole: int, length: int, value: dict) -> None:
    top = hole
    child = hole
    while child < (length - 1) // 2:
        child = 2 * (child + 1)
        if heap[child]["improvement"] < heap[child - 1]["improvement"]:
            child -= 1
        heap[hole] = heap[child]
        hole = child
    if (length & 1) == 0 and child == (length - 2) // 2:
        child = 2 * (child + 1)
        heap[hole] = heap[child - 1]
        hole = child - 1
    parent = (hole - 1) // 2
    while hole > top and heap[parent]["improvement"] < value["improvement"]:
        heap[hole] = heap[parent]
        hole = parent
        parent = (hole - 1) // 2
    heap[hole] = value


def _pop_heap(heap: list) -> dict:
    """std::pop_heap then pop_back: the record of largest improvement (ties as libstdc++)."""
    last = len(heap) - 1
    if last > 0:
        value = heap[last]
        heap[last] = heap[0]
        _adjust_heap(heap, 0, last, value)
    return heap.pop()


def build_best_first(tree: Tree, splitter: Splitter, *, max_depth: int,
                     min_samples_split: int, min_samples_leaf: int, min_weight_leaf: float,
                     min_impurity_decrease: float, max_leaf_nodes: int) -> None:
    """Grow the tree by always expanding the leaf whose split improves the impurity most,
    until `max_leaf_nodes` leaves."""

    def add_split_node(start, end, depth, parent, is_left, impurity, first):
        splitter.node_reset(start, end)
        wn = splitter.weighted_n_node
        if first:
            impurity = splitter.node_impurity()
        n = end - start
        is_leaf = (depth >= max_depth or n < min_samples_split or n < 2 * min_samples_leaf
                   or wn < 2 * min_weight_leaf or impurity <= EPSILON)
        if not is_leaf:
            split, _ = splitter.node_split(impurity, 0)  # no constants carried here
            is_leaf = split.pos >= end or split.improvement + EPSILON < min_impurity_decrease
        node_id = tree._add_node(parent, is_left, is_leaf,
                                 split.feature if not is_leaf else 0,
                                 split.threshold if not is_leaf else 0.0,
                                 impurity, n, wn, _value(splitter, tree))
        rec = dict(node_id=node_id, start=start, end=end, depth=depth, impurity=impurity)
        if is_leaf:
            rec.update(pos=end, is_leaf=True, improvement=0.0, impurity_left=impurity,
                       impurity_right=impurity)
        else:
            rec.update(pos=split.pos, is_leaf=False, improvement=split.improvement,
                       impurity_left=split.impurity_left, impurity_right=split.impurity_right)
        return rec

    max_split_nodes = max_leaf_nodes - 1
    heap: list = []
    _push_heap(heap, add_split_node(0, len(splitter.samples), 0, TREE_UNDEFINED, True,
                                    np.inf, True))
    max_depth_seen = -1
    while heap:
        rec = _pop_heap(heap)
        if rec["is_leaf"] or max_split_nodes <= 0:
            tree._make_leaf(rec["node_id"])
        else:
            max_split_nodes -= 1
            left = add_split_node(rec["start"], rec["pos"], rec["depth"] + 1, rec["node_id"],
                                  True, rec["impurity_left"], False)
            right = add_split_node(rec["pos"], rec["end"], rec["depth"] + 1, rec["node_id"],
                                   False, rec["impurity_right"], False)
            _push_heap(heap, left)
            _push_heap(heap, right)
        max_depth_seen = max(max_depth_seen, rec["depth"])
    tree.max_depth = max_depth_seen
    tree._finalise()
