"""The k-d tree (`KDTree`) and distances as it computes them: the reduced distance
ρ(x, z) = Σ_j |x_j − z_j|^p accumulated feature by feature, as scikit-learn's DistanceMetric."""
from __future__ import annotations

import operator

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._validation import check_array

__all__ = ["KDTree"]


# --- distances as a k-d tree computes them -------------------------------------------------------
# The "reduced distance" ρ(x, z) = Σ_j |x_j − z_j|^p (max_j for p = ∞) orders points as the
# distance does and avoids the root; it is accumulated feature by feature, j = 0, 1, …, as
# scikit-learn's DistanceMetric does, so that the sums are bit for bit the same.

def _power(t: NDArray, p: float) -> NDArray:
    """|t|^p in place, with the exact forms for p = 1, 2 and ∞ (|t|)."""
    if p == 2:
        return np.multiply(t, t, out=t)
    np.abs(t, out=t)
    return t if p == 1 or np.isinf(p) else np.power(t, p, out=t)


def _reduced_distances(A: NDArray, B: NDArray, p: float) -> NDArray:
    """ρ between the points of A and B, given feature first (A[j], B[j] the j-th
    coordinates, arrays broadcastable against each other), summed in feature order (for
    p = ∞ the maximum)."""
    R = _power(A[0] - B[0], p)
    term = np.empty_like(R)
    for j in range(1, len(A)):
        _power(np.subtract(A[j], B[j], out=term), p)
        if np.isinf(p):
            np.maximum(R, term, out=R)
        else:
            R += term
    return R


def _rdist_to_dist(R: NDArray, p: float) -> NDArray:
    """d = ρ^{1/p} (√ρ for p = 2; ρ itself for p = 1 and p = ∞)."""
    if p == 2:
        return np.sqrt(R)
    return R if p == 1 or np.isinf(p) else R ** (1.0 / p)


def _dist_to_rdist(r: NDArray, p: float) -> NDArray:
    """ρ = r^p, the reduced form of a radius (r·r for p = 2)."""
    if p == 2:
        return r * r
    return r if p == 1 or np.isinf(p) else r ** p


def _box_rdist(X: NDArray, lower: NDArray, upper: NDArray, p: float) -> NDArray:
    """The smallest ρ from each row of X to the box [lower, upper] of the same row (all of
    shape (P, d)), shape (P,): per feature the gap max(lower − x, x − upper, 0). It never
    exceeds the ρ of a point in the box, also in floating point (rounding is monotone)."""
    gap = np.maximum(np.maximum(lower - X, X - upper), 0.0)
    return _reduced_distances(gap.T, np.zeros((X.shape[1], 1)), p)


_METRIC_P = {"euclidean": 2.0, "l2": 2.0, "manhattan": 1.0, "cityblock": 1.0, "l1": 1.0,
             "chebyshev": np.inf, "infinity": np.inf}


def _metric_exponent(metric: str, p: float | None) -> float:
    """The Minkowski exponent of a metric name (`p` for 'minkowski', 2 when None)."""
    if metric == "minkowski":
        p = 2.0 if p is None else float(p)
        if p < 1:
            raise ValueError("p must be greater or equal to one for minkowski metric")
        return p
    if metric not in _METRIC_P:
        raise ValueError(f"Unrecognized metric '{metric}'")
    return _METRIC_P[metric]


_BLOCK = 2048  # (query, leaf) pairs per block: the block's ρ stays in cache


class KDTree:
    """A k-d tree for k-nearest-neighbour and radius queries.

    The training points are split recursively at the median of their widest feature; each
    node remembers the bounding box of its points.

    .. math::

        \\rho(x, z) = \\sum_{j} |x_j - z_j|^p, \\qquad d(x, z) = \\rho(x, z)^{1/p},
        \\qquad \\rho(x, B) = \\sum_j \\max(l_j - x_j,\\; x_j - u_j,\\; 0)^p \\le \\rho(x, z)
        \\ \\forall z \\in B = [l, u]

    A query only examines the leaves whose box can hold a point nearer than the current
    bound: ρ(x, B) ≤ ρ_k (k nearest) or ρ(x, B) ≤ r^p (radius).

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
    leaf_size : int ≥ 1, default 40
        A node of fewer than 2·leaf_size points is not split (leaves hold between
        leaf_size and 2·leaf_size points, unless n_samples < leaf_size).
    metric : {'minkowski', 'euclidean', 'manhattan', 'chebyshev', 'l2', 'l1', 'cityblock',
        'infinity'}, default 'minkowski'
    p : float ≥ 1, default 2
        The exponent of 'minkowski'.

    Attributes
    ----------
    data : ndarray of shape (n_samples, n_features)
    idx_array : ndarray of shape (n_samples,)
        The points in tree order: node i holds ``idx_array[start_i:end_i]``.
    node_bounds : ndarray of shape (2, n_nodes, n_features)
        Lower and upper corners of each node's box; node i has children 2i+1 and 2i+2.

    Raises
    ------
    ValueError
        NaN or infinite X, an empty X, leaf_size < 1, an unknown metric, p < 1; at a query,
        another number of features or k > n_samples.
    TypeError
        leaf_size or k not an integer (a float, even 2.0, as scikit-learn's typed Cython).

    Notes
    -----
    *Algorithm* (build): 1. the number of levels 1 + ⌊log2((n − 1)/leaf_size)⌋ fixes a
    balanced tree of 2^levels − 1 nodes; 2. each node's points are split at their median
    (position ⌊n_node/2⌋) along the feature of largest spread, the lower half to the left
    child (the nodes of a level are split together, by one sort; scikit-learn partitions
    node by node, which gives the same halves up to ties at the median).
    (query, all query points together) 3. each query point is sent to the node of the
    deepest level whose nodes hold ≥ k points (its *home*); 4. per home node, the k-th
    smallest ρ among its points bounds each query's answer; 5. every leaf whose box is
    within that bound of some query of the group is a candidate; 6. ρ to all candidate
    points, the k smallest ordered by (ρ, index); d = ρ^{1/p} at the end.
    *Ties*: among equal distances the lower training index comes first (scikit-learn's
    order among ties is that of its heap and tree, unspecified).
    *Complexity*: build O(n log n); a query about O(log n + leaf_size) distances in low
    dimension, up to O(n d) each in high dimension (where brute force is better).
    *Numerical stability*: ρ is summed feature by feature in index order, as scikit-learn,
    so distances are identical; the box bound never exceeds a point's ρ after rounding,
    so pruning never loses a neighbour.

    References
    ----------
    Friedman, Bentley & Finkel (1977), An algorithm for finding best matches in
    logarithmic expected time, ACM TOMS 3(3).

    Checked against ``reference.neighbors.KDTree`` → ``sklearn.neighbors.KDTree``:
    identical neighbours and distances; the order among equal distances may differ.

    Examples
    --------
    >>> X = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 2.0], [5.0, 5.0]])
    >>> dist, ind = KDTree(X, leaf_size=1).query([[0.1, 0.0]], k=2)
    >>> ind.tolist(), dist.round(3).tolist()
    ([[0, 1]], [[0.1, 0.9]])
    """

    def __init__(self, X: ArrayLike, leaf_size: int = 40, metric: str = "minkowski",
                 **kwargs: float) -> None:
        X = check_array(X)
        if leaf_size < 1:
            raise ValueError("leaf_size must be greater than or equal to 1")
        operator.index(leaf_size)  # an integer: a float (NaN, inf, 2.0) is a TypeError
        self.data, self.leaf_size, self.metric = X, leaf_size, metric
        self.p = _metric_exponent(metric, kwargs.get("p"))
        self._build()

    # --- build ----------------------------------------------------------------------------
    def _build(self) -> None:
        X = self.data
        n, d = X.shape
        # Step 1: a balanced tree, each leaf holding leaf_size to 2·leaf_size points.
        self.n_levels = 1 + max(0, int(np.floor(np.log2((n - 1) / self.leaf_size)))) \
            if n > 1 else 1
        n_nodes = 2 ** self.n_levels - 1
        self.idx_array = np.arange(n)
        self._start = np.zeros(n_nodes, dtype=np.intp)
        self._end = np.zeros(n_nodes, dtype=np.intp)
        self.node_bounds = np.empty((2, n_nodes, d))
        self._end[0] = n
        for level in range(self.n_levels):  # all the nodes of a level at once
            nodes = np.arange(2 ** level - 1, 2 ** (level + 1) - 1)
            start, end = self._start[nodes], self._end[nodes]
            points = X[self.idx_array]  # in tree order: a node's points are contiguous
            self.node_bounds[0, nodes] = np.minimum.reduceat(points, start, axis=0)
            self.node_bounds[1, nodes] = np.maximum.reduceat(points, start, axis=0)
            if level == self.n_levels - 1:
                break
            # Step 2: split each node at the median of its widest feature: sort its points
            # on that feature (by node, then value), the lower half to the left child.
            j = np.argmax(self.node_bounds[1, nodes] - self.node_bounds[0, nodes], axis=1)
            node_of = np.repeat(np.arange(len(nodes)), end - start)
            order = np.lexsort((points[np.arange(n), j[node_of]], node_of))
            self.idx_array = self.idx_array[order]
            half = start + (end - start) // 2
            self._start[2 * nodes + 1], self._end[2 * nodes + 1] = start, half
            self._start[2 * nodes + 2], self._end[2 * nodes + 2] = half, end
        self._leaves = np.arange(n_nodes // 2, n_nodes)
        self._leaf_members = self._members(self._leaves)
        self._leaf_blocks = self._blocks(self._leaf_members)

    def _members(self, nodes: NDArray) -> NDArray[np.intp]:
        """The training indices of each node, one row per node, ascending, padded with n
        (one past the last point)."""
        size = self._end[nodes] - self._start[nodes]
        width = np.arange(size.max())
        pos = np.minimum(self._start[nodes][:, None] + width, len(self.idx_array) - 1)
        members = np.where(width < size[:, None], self.idx_array[pos], len(self.idx_array))
        return np.sort(members, axis=1)

    def _blocks(self, members: NDArray) -> NDArray:
        """The coordinates of padded member rows, shape (rows, d, width), contiguous."""
        # a pad takes the coordinates of its row's first point (finite: arithmetic with
        # infinities is slow); its ρ is set to ∞ by `_rho`
        filled = np.where(members < len(self.data), members, members[:, :1])
        return np.ascontiguousarray(self.data[filled].transpose(0, 2, 1))

    def _rho(self, X: NDArray, q: NDArray, blocks: NDArray, members: NDArray) -> NDArray:
        """ρ from each query X[q_i] to the points of blocks[i] (members[i]), shape
        (len(q), width), ∞ at the pads."""
        A = np.ascontiguousarray(X[q].T)[:, :, None]
        rho = _reduced_distances(A, blocks.transpose(1, 0, 2), self.p)
        rho[members == len(self.data)] = np.inf
        return rho

    def _home_bound(self, X: NDArray, k: int) -> NDArray:
        """Steps 3–4: the k-th smallest ρ within each query's home node (at the deepest
        level whose nodes hold ≥ k points), an upper bound of its k-th neighbour's ρ."""
        level = next(l for l in range(self.n_levels - 1, -1, -1)
                     if (self._end[2 ** l - 1:2 ** (l + 1) - 1]
                         - self._start[2 ** l - 1:2 ** (l + 1) - 1]).min() >= k)
        node = np.zeros(X.shape[0], dtype=np.intp)
        for _ in range(level):  # go down by each node's split: ≤ the left box's top → left
            left = 2 * node + 1
            j = np.argmax(self.node_bounds[1, node] - self.node_bounds[0, node], axis=1)
            x = X[np.arange(X.shape[0]), j]
            node = np.where(x <= self.node_bounds[1, left, j], left, left + 1)
        nodes = np.arange(2 ** level - 1, 2 ** (level + 1) - 1)
        if level == self.n_levels - 1:
            members, blocks = self._leaf_members, self._leaf_blocks
        else:
            members = self._members(nodes)
            blocks = self._blocks(members)
        bound = np.empty(X.shape[0])
        for start in range(0, X.shape[0], _BLOCK):
            rows = np.arange(start, min(start + _BLOCK, X.shape[0]))
            home = node[rows] - nodes[0]
            rho = self._rho(X, rows, blocks[home], members[home])
            bound[rows] = np.partition(rho, k - 1, axis=1)[:, k - 1]
        return bound

    def _within(self, X: NDArray, q: NDArray, leaf: NDArray, bound: NDArray):
        """Step 6 for (query, leaf) pairs, a cache-sized block of pairs at a time: the
        (query, index, ρ) of every point of the pair's leaf with ρ ≤ bound[query], in the
        order of the pairs."""
        parts = [(np.empty(0, dtype=np.intp), np.empty(0, dtype=np.intp), np.empty(0))]
        for start in range(0, len(q), _BLOCK):
            qs, ls = q[start:start + _BLOCK], leaf[start:start + _BLOCK]
            members = self._leaf_members[ls]
            rho = self._rho(X, qs, self._leaf_blocks[ls], members)
            i, j = np.nonzero(rho <= bound[qs, None])
            parts.append((qs[i], members[i, j], rho[i, j]))
        q_in, index, rho_in = (np.concatenate(a) for a in zip(*parts))
        return q_in, index, rho_in

    def _near_leaves(self, X: NDArray, bound: NDArray):
        """Step 5: the (query, leaf) pairs with ρ(x, box) ≤ bound, found level by level for
        all queries together (a node is opened only if its box is within the bound);
        sorted by query."""
        q = np.arange(X.shape[0])
        node = np.zeros(X.shape[0], dtype=np.intp)
        for level in range(self.n_levels):
            if level:
                q, node = np.repeat(q, 2), (2 * np.repeat(node, 2) + 1) + np.tile([0, 1], len(q))
            keep = _box_rdist(X[q], self.node_bounds[0, node], self.node_bounds[1, node],
                              self.p) <= bound[q]
            q, node = q[keep], node[keep]
        return q, node - self._leaves[0]

    def _check_query(self, X: ArrayLike) -> NDArray:
        X = check_array(X)
        if X.shape[1] != self.data.shape[1]:
            raise ValueError("query data dimension must match training data dimension")
        return X

    # --- queries --------------------------------------------------------------------------
    def query(self, X: ArrayLike, k: int = 1, return_distance: bool = True):
        """The k nearest training points of each row of X: (distances, indices), each of
        shape (n_queries, k), nearest first (indices only without `return_distance`)."""
        X = self._check_query(X)
        if self.data.shape[0] < k:
            raise ValueError("k must be less than or equal to the number of training points")
        k = operator.index(k)  # an integer: a float (NaN, 2.0) is a TypeError
        if k < 1:  # as scikit-learn: no neighbours for k = 0 (and numpy's error below 0)
            R, index = np.empty((X.shape[0], k)), np.empty((X.shape[0], k), dtype=np.intp)
            return (R, index) if return_distance else index
        bound = self._home_bound(X, k)
        q, leaf = self._near_leaves(X, bound)
        # Step 6: ρ to the points of each (query, leaf) pair; those within the bound, sorted
        # by (ρ, index): the first k of each query are its answer.
        q, index, rho = self._within(X, q, leaf, bound)
        slot = np.arange(len(q)) - np.searchsorted(q, np.arange(X.shape[0]))[q]
        R = np.full((X.shape[0], slot.max() + 1), np.inf)
        I = np.full(R.shape, self.data.shape[0])
        R[q, slot], I[q, slot] = rho, index
        best = _k_smallest_by(R, I, k)
        R, index = np.take_along_axis(R, best, 1), np.take_along_axis(I, best, 1)
        return (_rdist_to_dist(R, self.p), index) if return_distance else index

    def _radius_pairs(self, X: NDArray, r):
        """All (query, point) pairs with ρ ≤ r^p as CSR: (indptr, indices, ρ), in no
        particular order within a query."""
        m = X.shape[0]
        rr = _dist_to_rdist(np.broadcast_to(np.asarray(r, dtype=float), (m,)), self.p)
        q, leaf = self._near_leaves(X, rr)
        # the pairs come sorted by query, and so do the points within r
        rows, cols, rho = self._within(X, q, leaf, rr)
        indptr = np.zeros(m + 1, dtype=np.intp)
        np.cumsum(np.bincount(rows, minlength=m), out=indptr[1:])
        return indptr, cols, rho

    def query_radius(self, X: ArrayLike, r, return_distance: bool = False,
                     count_only: bool = False, sort_results: bool = False):
        """The training points within distance r (inclusive) of each row of X: an object
        array of index arrays (ascending index, or by distance with `sort_results`), with
        the distances when `return_distance`, or only their counts with `count_only`."""
        if count_only and return_distance:
            raise ValueError("count_only and return_distance cannot both be true")
        if sort_results and not return_distance:
            raise ValueError("return_distance must be True if sort_results is True")
        X = self._check_query(X)
        indptr, cols, rho = self._radius_pairs(X, r)
        if count_only:
            return np.diff(indptr)
        dist = _rdist_to_dist(rho, self.p)
        ind = np.empty(X.shape[0], dtype=object)
        dis = np.empty(X.shape[0], dtype=object)
        for i in range(X.shape[0]):
            c, dd = cols[indptr[i]:indptr[i + 1]], dist[indptr[i]:indptr[i + 1]]
            o = np.lexsort((c, dd)) if sort_results else np.argsort(c)
            ind[i], dis[i] = c[o], dd[o]
        return (ind, dis) if return_distance else ind


def _k_smallest_by(values: NDArray, labels: NDArray, k: int) -> NDArray[np.intp]:
    """Per row, the positions of the k smallest entries in the order (value, label): a
    partition, except for rows where the k-th value is tied across the boundary, which are
    sorted in full; then the k are ordered."""
    if k >= values.shape[1]:
        return np.lexsort((labels, values), axis=1)
    index = np.argpartition(values, k - 1, axis=1)[:, :k]
    v = np.take_along_axis(values, index, axis=1)
    v_k = v.max(axis=1, keepdims=True)
    crowded = np.flatnonzero((values == v_k).sum(axis=1) > (v == v_k).sum(axis=1))
    if len(crowded):
        index[crowded] = np.lexsort((labels[crowded], values[crowded]), axis=1)[:, :k]
        v[crowded] = np.take_along_axis(values[crowded], index[crowded], axis=1)
    order = np.lexsort((np.take_along_axis(labels, index, axis=1), v), axis=1)
    return np.take_along_axis(index, order, axis=1)
