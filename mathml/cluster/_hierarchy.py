"""Hierarchical (agglomerative) clustering: SciPy's `linkage` and `fcluster`, scikit-learn's
`AgglomerativeClustering`.

Agglomerative clustering starts from n singleton clusters and merges, n − 1 times, the two
clusters at the smallest distance. After merging x and y, the distance from the new cluster
to every other cluster i follows from d(x, i), d(y, i) and d(x, y) alone (Lance & Williams):

    single    min(d_xi, d_yi)                 complete  max(d_xi, d_yi)
    average   (n_x d_xi + n_y d_yi)/(n_x+n_y)  weighted  (d_xi + d_yi)/2
    centroid  √((n_x d_xi² + n_y d_yi² − n_x n_y d_xy²/(n_x+n_y))/(n_x+n_y))
    median    √(d_xi²/2 + d_yi²/2 − d_xy²/4)
    ward      √(((n_i+n_x) d_xi² + (n_i+n_y) d_yi² − n_i d_xy²)/(n_i+n_x+n_y))

The textbook loop (find the global minimum, merge, update) costs O(n³). SciPy, and so this
module, computes the same hierarchy with three faster algorithms (Müllner 2011), each ported
with SciPy's tie-breaks so that the linkage matrix is identical, row order and ids included:

- single: Prim's minimum spanning tree (the single-linkage hierarchy is the MST's edges
  sorted by length), O(n²);
- complete, average, weighted, ward: the nearest-neighbour chain, O(n²); it merges
  reciprocal nearest neighbours, which these four "reducible" methods allow in any order;
- centroid, median (not reducible: a merge can bring clusters closer): the generic
  algorithm, which keeps a lower bound of each cluster's nearest-neighbour distance in a
  binary heap and merges in the textbook's order.

The first two produce the merges out of order: they are sorted by height (stably) and the
clusters renumbered n, n+1, ... in row order with a union-find (`_sort_and_label`).

Distances are stored as a square matrix so that a cluster's distances are one row: each
scan and each update is a numpy operation over O(n) entries, the merges a Python loop.
"""
from __future__ import annotations

import heapq
import warnings
from numbers import Integral, Real

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._validation import validate_data
from ..base import BaseEstimator, ClusterMixin, Interval, StrOptions
from ..exceptions import ClusterWarning

__all__ = ["linkage", "fcluster", "inconsistent", "AgglomerativeClustering"]

METHODS = ("single", "complete", "average", "centroid", "median", "ward", "weighted")
_EUCLIDEAN_METHODS = ("centroid", "median", "ward")
_NN_CHAIN_METHODS = ("complete", "average", "weighted", "ward")
METRICS = ("euclidean", "cityblock", "chebyshev")


# --- distances ---------------------------------------------------------------------------------

def _pairwise_distances(X: NDArray, metric: str, block: int = 64) -> NDArray[np.float64]:
    """All distances between the rows of X as an n × n matrix, each entry accumulated
    feature by feature as `scipy.spatial.distance.pdist` does (so they round alike):
    euclidean √(Σ_k (x_k − z_k)²), cityblock Σ_k |x_k − z_k|, chebyshev max_k |x_k − z_k|.

    The upper triangle is computed in blocks of rows (the block stays in cache while the
    features are added) and mirrored."""
    if metric not in METRICS:
        raise ValueError(f"Unknown Distance Metric: {metric}")
    n, p = X.shape
    Xt = np.ascontiguousarray(X.T)
    D = np.empty((n, n))
    for i0 in range(0, n, block):
        i1 = min(n, i0 + block)
        acc = np.zeros((i1 - i0, n - i0))
        diff = np.empty_like(acc)
        for k in range(p):
            np.subtract(Xt[k, i0:i1, None], Xt[k, None, i0:], out=diff)
            if metric == "euclidean":
                acc += np.multiply(diff, diff, out=diff)
            elif metric == "cityblock":
                acc += np.abs(diff, out=diff)
            else:
                np.maximum(acc, np.abs(diff, out=diff), out=acc)
        if metric == "euclidean":
            np.sqrt(acc, out=acc)
        D[i0:i1, i0:] = acc
        D[i0:, i0:i1] = acc.T
    return D


def _square_form(y: NDArray) -> NDArray[np.float64]:
    """The n × n symmetric matrix of a condensed distance vector (row-major upper triangle)."""
    n = _num_obs(y)
    D = np.zeros((n, n))
    i, j = np.triu_indices(n, k=1)
    D[i, j] = y
    D[j, i] = y
    return D


def _num_obs(y: NDArray) -> int:
    """n such that len(y) = n(n − 1)/2, as `scipy.spatial.distance.num_obs_y`."""
    m = y.shape[0]
    if m == 0:
        raise ValueError("The number of observations cannot be determined on an empty "
                         "distance matrix.")
    n = int(np.ceil(np.sqrt(m * 2)))
    if n * (n - 1) // 2 != m:
        raise ValueError("Invalid condensed distance matrix passed. Must be some k where "
                         "k=(n choose 2) for some n >= 2.")
    return n


def _lance_williams(method: str, d_xi: NDArray, d_yi: NDArray, d_xy: float, n_x: int,
                    n_y: int, n_i: NDArray) -> NDArray[np.float64]:
    """d(x ∪ y, i) for every cluster i at once, in SciPy's order of operations
    (`_hierarchy_distance_update.pxi`), so that the heights agree to the bit."""
    if method == "single":
        return np.minimum(d_xi, d_yi)
    if method == "complete":
        return np.maximum(d_xi, d_yi)
    if method == "average":
        return (n_x * d_xi + n_y * d_yi) / (n_x + n_y)
    if method == "weighted":
        return 0.5 * (d_xi + d_yi)
    # the square roots: the callers silence numpy's warning on a negative argument (NaN,
    # as SciPy, possible for centroid/median/ward on non-Euclidean input)
    if method == "centroid":
        return np.sqrt(((n_x * d_xi * d_xi + n_y * d_yi * d_yi)
                        - n_x * n_y * d_xy * d_xy / (n_x + n_y)) / (n_x + n_y))
    if method == "median":
        return np.sqrt(0.5 * (d_xi * d_xi + d_yi * d_yi) - 0.25 * d_xy * d_xy)
    t = 1.0 / (n_x + n_y + n_i)  # ward
    return np.sqrt((n_i + n_x) * t * d_xi * d_xi + (n_i + n_y) * t * d_yi * d_yi
                   - n_i * t * d_xy * d_xy)


def _first_min(row: NDArray) -> int:
    """The first index of the smallest entry, NaN never being smaller than anything (the
    strict `<` of SciPy's scans)."""
    i = int(row.argmin())
    if row[i] != row[i]:  # NaN
        i = int(np.where(np.isnan(row), np.inf, row).argmin())
    return i


# --- the three algorithms ------------------------------------------------------------------------

def _prim_mst(D: NDArray) -> NDArray[np.float64]:
    """The n − 1 edges (x, y, d) of a minimum spanning tree, in the order Prim's algorithm
    adds them, starting from point 0; among equal distances the lowest index joins first."""
    n = len(D)
    edges = np.empty((n - 1, 3))
    in_tree = np.zeros(n, dtype=bool)
    d = np.full(n, np.inf)  # distance of each point to the tree
    x = 0
    for k in range(n - 1):
        in_tree[x] = True
        np.minimum(d, D[x], out=d)
        d[in_tree] = np.inf
        y = int(d.argmin())
        edges[k] = x, y, d[y]
        x = y
    return edges


@np.errstate(invalid="ignore")  # √(negative) = NaN, as SciPy
def _nn_chain(D: NDArray, method: str) -> NDArray[np.float64]:
    """The merges (x, y, d_xy, n_x + n_y), x < y, in the order the nearest-neighbour chain
    finds them; cluster ids are slots (the merged cluster takes slot y).

    For a reducible method (d(x ∪ y, i) ≥ min(d(x, i), d(y, i))) reciprocal nearest
    neighbours may be merged in any order and the rest of the chain stays valid, so the
    chain is kept across merges: O(n) scans in all."""
    n = len(D)
    D = D.copy()
    np.fill_diagonal(D, np.inf)  # a cluster is not its own neighbour; merged ones are at ∞
    size = np.ones(n)  # float: exact for counts, and no int→float casts in the updates
    Z = np.empty((n - 1, 4))
    chain: list[int] = []
    for k in range(n - 1):
        # Step 1: an empty chain restarts from the lowest live cluster.
        if not chain:
            chain.append(int(np.flatnonzero(size)[0]))
        # Step 2: follow nearest neighbours until two are each other's nearest.
        while True:
            x = chain[-1]
            y = _first_min(D[x])
            if len(chain) > 1 and not D[x, y] < D[x, chain[-2]]:
                y = chain[-2]  # on a tie the previous element wins: no cycles
                break
            chain.append(y)
        del chain[-2:]
        x, y = min(x, y), max(x, y)
        d_xy, n_x, n_y = D[x, y], int(size[x]), int(size[y])
        Z[k] = x, y, d_xy, n_x + n_y
        # Step 3: the union takes slot y; Lance–Williams gives its distances.
        size[x], size[y] = 0, n_x + n_y
        _merge_rows(D, x, y, method, d_xy, n_x, n_y, size)
    return Z


def _merge_rows(D: NDArray, x: int, y: int, method: str, d_xy: float, n_x: int, n_y: int,
                size: NDArray) -> None:
    """Cluster y becomes x ∪ y: its row and column by Lance–Williams, x's set to ∞.

    The update runs over whole rows: a merged-away cluster i has d_xi = d_yi = ∞ and stays
    at ∞, the live ones get SciPy's value."""
    D[y] = _lance_williams(method, D[x], D[y], d_xy, n_x, n_y, size)
    D[y, y] = np.inf  # (single linkage would give min(d_xy, ∞) = d_xy)
    D[:, y] = D[y]
    D[x] = np.inf
    D[:, x] = np.inf


class _IndexedHeap:
    """A binary min-heap of values[key], key = 0..m−1, whose values can change (SciPy's
    `Heap` of `_structures.pxi`: the same sifts, so the same minimum among ties)."""

    def __init__(self, values: NDArray) -> None:
        self.values = [float(v) for v in values]
        self.key_at = list(range(len(self.values)))
        self.index_of = list(range(len(self.values)))
        self.size = len(self.values)
        for i in reversed(range(self.size // 2)):
            self._sift_down(i)

    def min(self) -> tuple[int, float]:
        return self.key_at[0], self.values[0]

    def remove_min(self) -> None:
        self._swap(0, self.size - 1)
        self.size -= 1
        self._sift_down(0)

    def change(self, key: int, value: float) -> None:
        i = self.index_of[key]
        old, self.values[i] = self.values[i], value
        if value < old:
            self._sift_up(i)
        else:
            self._sift_down(i)

    def _sift_up(self, i: int) -> None:
        """Move the entry at i up past every larger parent (swaps, done as a moving hole)."""
        v, key = self.values[i], self.key_at[i]
        while i > 0 and self.values[(i - 1) >> 1] > v:
            self._put(i, self.values[(i - 1) >> 1], self.key_at[(i - 1) >> 1])
            i = (i - 1) >> 1
        self._put(i, v, key)

    def _sift_down(self, i: int) -> None:
        """Move the entry at i down past every smaller child (the smaller child first)."""
        v, key = self.values[i], self.key_at[i]
        child = 2 * i + 1
        while child < self.size:
            if child + 1 < self.size and self.values[child + 1] < self.values[child]:
                child += 1
            if not v > self.values[child]:
                break
            self._put(i, self.values[child], self.key_at[child])
            i, child = child, 2 * child + 1
        self._put(i, v, key)

    def _swap(self, i: int, j: int) -> None:
        vi, ki = self.values[i], self.key_at[i]
        self._put(i, self.values[j], self.key_at[j])
        self._put(j, vi, ki)

    def _put(self, i: int, value: float, key: int) -> None:
        self.values[i], self.key_at[i] = value, key
        self.index_of[key] = i


def _nearest_above(D: NDArray, x: int) -> tuple[int, float]:
    """The nearest live cluster to x among the higher indices (the first on a tie)."""
    row = D[x, x + 1:]  # merged-away clusters are at ∞
    j = _first_min(row)
    if not row[j] < np.inf:
        raise ValueError("find_min_dist cannot find any neighbors closer than inf away. "
                         "Check that distances contain no negative/infinite/NaN entries. ")
    return x + 1 + j, float(row[j])


@np.errstate(invalid="ignore")  # √(negative) = NaN, as SciPy
def _generic(D: NDArray, method: str) -> NDArray[np.float64]:
    """Müllner's generic algorithm: the merges in increasing order of the (possibly
    non-monotone) heights, cluster ids n, n+1, ... already final."""
    n = len(D)
    D = D.copy()
    np.fill_diagonal(D, np.inf)
    size = np.ones(n)  # float: exact for counts, and no int→float casts in the updates
    cluster_id = np.arange(n)
    Z = np.empty((n - 1, 4))
    # Step 1: each cluster's nearest neighbour among higher indices, and a heap of them.
    neighbor = np.empty(n - 1, dtype=np.intp)
    min_dist = np.empty(n - 1)
    for x in range(n - 1):
        neighbor[x], min_dist[x] = _nearest_above(D, x)
    heap = _IndexedHeap(min_dist)
    for k in range(n - 1):
        # Step 2: the heap's minimum is a lower bound; it is exact when the recorded
        # neighbour is still at that distance, else recompute and retry.
        for _ in range(n - k):
            x, d_xy = heap.min()
            y = int(neighbor[x])
            if d_xy == D[x, y]:
                break
            y, d_xy = _nearest_above(D, x)
            neighbor[x], min_dist[x] = y, d_xy
            heap.change(x, d_xy)
        heap.remove_min()
        n_x, n_y = int(size[x]), int(size[y])
        Z[k] = min(cluster_id[x], cluster_id[y]), max(cluster_id[x], cluster_id[y]), d_xy, \
            n_x + n_y
        # Step 3: merge into slot y; Lance–Williams updates.
        size[x], size[y], cluster_id[y] = 0, n_x + n_y, n + k
        _merge_rows(D, x, y, method, d_xy, n_x, n_y, size)
        # Step 4: repair the neighbour candidates and lower bounds that involve x or y.
        pointed = np.flatnonzero((size[:x] > 0) & (neighbor[:x] == x))
        neighbor[pointed] = y
        for z in np.flatnonzero(D[y, :y] < min_dist[:y]).tolist():  # merged-away z: D = ∞
            neighbor[z], min_dist[z] = y, D[y, z]
            heap.change(z, float(D[y, z]))
        if y < n - 1:
            z, d = _nearest_above(D, y)
            neighbor[y], min_dist[y] = z, d
            heap.change(y, d)
    return Z


def _sort_and_label(merges: NDArray, n: int, *, ordered: bool = True) -> NDArray[np.float64]:
    """The linkage matrix from merges of slots or points: rows stably sorted by height, each
    pair replaced by the ids of the clusters that contain them (union-find), the new cluster
    of row i numbered n + i. `ordered` puts the smaller id first (SciPy; scikit-learn's
    single linkage keeps the pair's order)."""
    Z = np.zeros((n - 1, 4))
    Z[:, :3] = merges[np.argsort(merges[:, 2], kind="mergesort"), :3]
    parent = np.arange(2 * n - 1)
    size = np.ones(2 * n - 1, dtype=np.intp)

    def find(a: int) -> int:
        root = a
        while parent[root] != root:
            root = parent[root]
        while parent[a] != root:  # path compression
            parent[a], a = root, parent[a]
        return int(root)

    for i in range(n - 1):
        a, b = find(int(Z[i, 0])), find(int(Z[i, 1]))
        if ordered and b < a:
            a, b = b, a
        size[n + i] = size[a] + size[b]
        parent[a] = parent[b] = n + i
        Z[i] = a, b, Z[i, 2], size[n + i]
    return Z


# --- the public functions --------------------------------------------------------------------------

def linkage(y: ArrayLike, method: str = "single", metric: str = "euclidean"
            ) -> NDArray[np.float64]:
    r"""Agglomerative hierarchical clustering: the n − 1 merges, as SciPy's linkage matrix.

    .. math::

        d(x \cup y,\, i) = \alpha_x\, d(x, i) + \alpha_y\, d(y, i) + \beta\, d(x, y)
                           + \gamma\, \lvert d(x, i) - d(y, i) \rvert

    (Lance–Williams), with, for clusters of sizes :math:`n_x, n_y, n_i`:
    single :math:`\alpha = \tfrac12, \gamma = -\tfrac12`; complete
    :math:`\alpha = \tfrac12, \gamma = \tfrac12`; average :math:`\alpha_x = n_x/(n_x+n_y)`;
    weighted :math:`\alpha = \tfrac12`; and on squared Euclidean distances, centroid
    :math:`\alpha_x = n_x/(n_x+n_y),\ \beta = -n_x n_y/(n_x+n_y)^2`; median
    :math:`\alpha = \tfrac12, \beta = -\tfrac14`; ward
    :math:`\alpha_x = (n_i+n_x)/T,\ \beta = -n_i/T,\ T = n_x+n_y+n_i`.

    Parameters
    ----------
    y : array_like, shape (n·(n−1)/2,) or (n, p)
        A condensed distance matrix (the upper triangle row by row, as ``pdist`` returns) or
        n observations in p dimensions.
    method : {'single', 'complete', 'average', 'weighted', 'centroid', 'median', 'ward'}
    metric : {'euclidean', 'cityblock', 'chebyshev'}, default 'euclidean'
        For observations; centroid, median and ward require 'euclidean' (a condensed matrix
        is taken to hold Euclidean distances, as SciPy does).

    Returns
    -------
    Z : ndarray, shape (n − 1, 4)
        Row i merges clusters ``Z[i, 0] < Z[i, 1]`` at height ``Z[i, 2]`` into cluster
        n + i of ``Z[i, 3]`` points; clusters 0..n−1 are the observations.

    Raises
    ------
    ValueError
        An unknown method, a non-Euclidean metric for centroid/median/ward, fewer than two
        observations, a condensed vector of invalid length, non-finite distances.

    Notes
    -----
    *Algorithm*:

    1. Distances: ``pdist`` of the observations, or the condensed matrix, as an n × n array.
    2. Merges: single — Prim's minimum spanning tree from point 0 (the next point is the
       first at the smallest distance to the tree); complete/average/weighted/ward — the
       nearest-neighbour chain: from the lowest live cluster, step to the nearest neighbour
       (the previous chain element on a tie) until two clusters are reciprocal nearest
       neighbours, merge them (the union takes the higher slot), update its distances by
       Lance–Williams; centroid/median — the generic algorithm, merging the globally
       closest pair found through a heap of lower bounds.
    3. For Prim and the chain: sort the merges by height (stable) and renumber the clusters
       in row order with a union-find, the smaller id first.

    *Complexity*: O(n²) time for single and the chain methods (O(n) numpy work per merge),
    O(n²) to O(n³) for the generic algorithm (usually close to O(n²)); O(n²) memory.

    *Numerical stability*: the updates are evaluated in SciPy's order of operations; for
    centroid and median the heights need not increase (inversions), and on non-Euclidean
    input the square roots can receive a negative number (NaN, as SciPy).

    References
    ----------
    D. Müllner, "Modern hierarchical, agglomerative clustering algorithms",
    arXiv:1109.2378 (2011), §2–3. Lance & Williams, Computer Journal 9(4), 1967.

    Checked against ``reference.cluster.linkage`` → ``scipy.cluster.hierarchy.linkage``,
    identical (row order, ids, heights to the bit), ties included.

    Examples
    --------
    >>> linkage([[0.0], [1.0], [5.0]], method="average").tolist()
    [[0.0, 1.0, 1.0, 2.0], [2.0, 3.0, 4.5, 3.0]]
    """
    # Step 1: the distances between the observations (or the given ones), n × n.
    D = _distance_matrix(y, method, metric)
    n = len(D)
    # Step 2–3: the merges, sorted and labelled.
    if method == "single":
        return _sort_and_label(_prim_mst(D), n)
    if method in _NN_CHAIN_METHODS:
        return _sort_and_label(_nn_chain(D, method), n)
    return _generic(D, method)


def _distance_matrix(y: ArrayLike, method: str, metric: str) -> NDArray[np.float64]:
    """`linkage`'s input checks (SciPy's order and messages), then the square distance
    matrix of the observations or of the condensed vector."""
    y = np.asarray(y, dtype=np.float64)
    if method not in METHODS:
        raise ValueError(f"Invalid method: {method}")
    if method in _EUCLIDEAN_METHODS and metric != "euclidean" and y.ndim == 2:
        raise ValueError(f"`method={method}` requires the distance metric to be Euclidean")
    if y.ndim == 1:
        m = y.shape[0]
        k = int(np.ceil(np.sqrt(m * 2)))
        if k * (k - 1) // 2 != m:
            raise ValueError("Length n of condensed distance matrix 'y' must be a binomial "
                             "coefficient, i.e. there must be a k such that (k \\choose 2)=n)!")
        finite = np.all(np.isfinite(y))
    elif y.ndim == 2:
        if _looks_like_distances(y):
            warnings.warn("The symmetric non-negative hollow observation matrix looks "
                          "suspiciously like an uncondensed distance matrix", ClusterWarning,
                          stacklevel=3)
        D = _pairwise_distances(y, metric)
        finite = np.all(np.isfinite(D))
    else:
        raise ValueError("`y` must be 1 or 2 dimensional.")
    if not finite:
        raise ValueError("The condensed distance matrix must contain only finite values.")
    if y.ndim == 1:
        return _square_form(y)
    if len(y) < 2:
        raise ValueError("The number of observations cannot be determined on an empty "
                         "distance matrix.")
    return D


def _looks_like_distances(y: NDArray) -> bool:
    """Square, symmetric, non-negative, zero diagonal (to numpy's isclose tolerances)."""
    return (y.shape[0] == y.shape[1] and bool(np.all(np.isclose(np.diagonal(y), 0)))
            and bool(np.all(y >= 0)) and bool(np.all(np.isclose(y, y.T))))


@np.errstate(invalid="ignore")  # √(negative) = NaN, as SciPy
def _textbook_linkage(D: NDArray, method: str) -> NDArray[np.float64]:
    """The textbook algorithm, O(n³): merge the closest pair of live clusters (the first in
    row-major order), update by Lance–Williams, repeat. The same hierarchy as `linkage`
    for the reducible methods and generic inputs (no ties); the heights may differ in the
    last bit, the updates being made in another order (tests/test_hierarchy.py)."""
    n = len(D)
    D = D.copy()
    np.fill_diagonal(D, np.inf)
    size = np.ones(n)  # float: exact for counts, and no int→float casts in the updates
    cluster_id = np.arange(n)
    Z = np.empty((n - 1, 4))
    for k in range(n - 1):
        x, y = divmod(int(D.argmin()), n)  # D symmetric: the first minimum has x < y
        d_xy, n_x, n_y = D[x, y], int(size[x]), int(size[y])
        Z[k] = min(cluster_id[x], cluster_id[y]), max(cluster_id[x], cluster_id[y]), d_xy, \
            n_x + n_y
        size[x], size[y], cluster_id[y] = 0, n_x + n_y, n + k
        _merge_rows(D, x, y, method, d_xy, n_x, n_y, size)
    return Z


def _check_linkage(Z: NDArray) -> None:
    """SciPy's `is_valid_linkage(Z, throw=True, name='Z')`."""
    if Z.ndim != 2:
        raise ValueError("Linkage matrix 'Z' must have shape=2 (i.e. be two-dimensional).")
    if Z.shape[1] != 4:
        raise ValueError("Linkage matrix 'Z' must have 4 columns.")
    m = Z.shape[0]
    if m == 0:
        raise ValueError("Linkage must be computed on at least two observations.")
    left, right = Z[:, 0], Z[:, 1]
    indices = np.concatenate((left, right))          # contiguous: the checks read it fast
    if not (np.isfinite(indices).all() and (indices == np.rint(indices)).all()):
        # SciPy's check passes NaN indices on to C code that reads out of bounds (a crash of
        # the interpreter); both backends refuse them here
        raise ValueError("Linkage 'Z' contains non-integer or non-finite cluster indices.")
    if m < 2:
        return
    # SciPy's checks in its order, each evaluated only if those before it pass (the
    # duplicate count relies on them: indices are then integers in 0..2m-1)
    problems = ((lambda: (indices < 0).any(), "contains negative indices."),
                (lambda: (Z[:, 2] < 0).any(), "contains negative distances."),
                (lambda: (Z[:, 3] < 0).any(), "contains negative counts."),
                (lambda: (Z[:, 3] > m + 1).any(), "contains excessive observations in a cluster"),
                (lambda: (np.maximum(left, right) >= np.arange(m + 1, 2 * m + 1)).any(),
                 "uses non-singleton cluster before it is formed."),
                (lambda: np.bincount(indices.astype(np.intp)).max() > 1,
                 "uses the same cluster more than once."))
    for bad, message in problems:
        if bad():
            raise ValueError(f"Linkage 'Z' {message}")


def _max_height_below(Z: NDArray, n: int, values: NDArray | None = None) -> NDArray[np.float64]:
    """For each cluster n + i, the largest merge height in its subtree (heights of centroid
    and median trees need not increase, so this is not Z[i, 2] itself), or the largest of
    `values` (one per merge: inconsistency coefficients) when given. Children come before
    their parent in Z, so one pass in row order suffices.

    Fast path: where no merge is below a child merge (no inversions: single, complete,
    average, weighted, ward), each subtree's largest value is its root's, M = the values."""
    values = Z[:, 2] if values is None else np.asarray(values, dtype=np.float64)
    child = Z[:, :2].astype(np.intp) - n
    below = np.where(child >= 0, values[np.maximum(child, 0)], -np.inf)
    if (values >= np.maximum(below[:, 0], below[:, 1])).all():   # (False for any NaN)
        return values.copy()
    M = values.tolist()
    for i, (a, b) in enumerate(Z[:, :2].astype(np.intp).tolist()):
        M[i] = max(M[i], M[a - n] if a >= n else M[i], M[b - n] if b >= n else M[i])
    return np.array(M)


def _checked_inconsistency(R: ArrayLike) -> NDArray[np.float64]:
    """SciPy's `is_valid_im(R, throw=True, name='R')`."""
    R = np.asarray(R, dtype=np.float64)
    if R.ndim != 2:
        raise ValueError("Inconsistency matrix 'R' must have shape=2 (i.e. be two-dimensional).")
    if R.shape[1] != 4:
        raise ValueError("Inconsistency matrix 'R' must have 4 columns.")
    if R.shape[0] < 1:
        raise ValueError("Inconsistency matrix 'R' must have at least one row.")
    if (R[:, 0] < 0).any():
        raise ValueError("Inconsistency matrix 'R' contains negative link height means.")
    if (R[:, 1] < 0).any():
        raise ValueError("Inconsistency matrix 'R' contains negative link height standard "
                         "deviations.")
    if (R[:, 2] < 0).any():
        raise ValueError("Inconsistency matrix 'R' contains negative link counts.")
    return R


def inconsistent(Z: ArrayLike, d: int = 2) -> NDArray[np.float64]:
    r"""Inconsistency statistics of each merge: how much higher it is than the merges just
    below it.

    .. math::

        \bar h_i = \frac1k \sum_{j \in S_i} h_j, \qquad
        s_i = \sqrt{\frac{\sum_{j} h_j^2 - (\sum_j h_j)^2 / k}{k - 1}}, \qquad
        c_i = \frac{h_i - \bar h_i}{s_i}

    over the k merges :math:`S_i` within `d` levels below merge i (itself included).

    Parameters
    ----------
    Z : array_like, shape (n − 1, 4)
        A linkage matrix (`linkage`).
    d : int, default=2
        The number of levels: 1 is the merge alone.

    Returns
    -------
    R : ndarray, shape (n − 1, 4)
        Per merge: the mean and standard deviation of the heights, their count k, and the
        inconsistency coefficient (0 where the deviation is 0).

    Raises
    ------
    ValueError
        An invalid linkage matrix (SciPy's messages), or d < 0.

    Notes
    -----
    *Algorithm*: for each merge, walk its subtree down to depth d, children before their
    parent (left, then right), adding h and h² as met; then the mean, the sample standard
    deviation by the formula above (SciPy's, in its order, so the numbers agree to the
    bit) and the coefficient. All the merges walk at once: one array operation per place
    in the walk.

    *Complexity*: O(n·min(2^d, n)) time.

    References
    ----------
    Jain & Dubes, *Algorithms for Clustering Data* (1988), §3.2.5; SciPy's `inconsistent`.

    Checked against ``reference.cluster.inconsistent`` →
    ``scipy.cluster.hierarchy.inconsistent``, identical.

    Examples
    --------
    >>> Z = linkage([[0.0], [1.0], [5.0], [6.5]], method="single")
    >>> inconsistent(Z)[-1].round(4).tolist()
    [2.1667, 1.6073, 3.0, 1.1406]
    """
    Z = np.asarray(Z, dtype=np.float64)
    _check_linkage(Z)
    # np.floor, as SciPy: an array d is then numpy's ValueError (its truth value), not ours
    if d != np.floor(d) or d < 0:
        raise ValueError("The second argument d must be a nonnegative integer value.")
    d = int(d)  # as SciPy: d = inf passes the check and is an OverflowError here
    n = Z.shape[0] + 1
    heights = Z[:, 2]
    children = Z[:, :2].astype(np.intp)
    total, squares = np.zeros(n - 1), np.zeros(n - 1)
    count = np.zeros(n - 1, dtype=np.intp)
    # All merges walk their subtrees together, children before parents (left, then
    # right): an entry of the stack is a set of (merge i, node below i) pairs at the same
    # place of every walk, so each i adds its heights in its own walk's order.
    stack = [(np.arange(n - 1), np.arange(n - 1), 1, False)]
    while stack:
        rows, nodes, level, children_done = stack.pop()
        if children_done or level >= d:
            h = heights[nodes]
            total[rows] += h
            squares[rows] += h * h
            count[rows] += 1
            continue
        stack.append((rows, nodes, level, True))
        for side in (1, 0):  # pushed right first: the left subtree is walked first
            child = children[nodes, side]
            merge = child >= n
            if merge.any():
                stack.append((rows[merge], child[merge] - n, level + 1, False))
    k = count.astype(np.float64)
    mean = total / k
    with np.errstate(divide="ignore", invalid="ignore"):
        variance = (squares - total * total / k) / (k - 1)
        std = np.where(count > 1, np.sqrt(np.where(0.0 > variance, 0.0, variance)), 0.0)
        coefficient = np.where(std > 0, (heights - mean) / std, 0.0)
    return np.column_stack([mean, std, k, coefficient])


_OPEN, _CLOSE, _LEADER = 0, 1, 2


def _flat_clusters(Z: NDArray, M: NDArray, cutoff: float, n: int) -> NDArray[np.int32]:
    """Cut the tree where M ≤ cutoff: every highest cluster with M ≤ cutoff is one flat
    cluster, every other point a singleton; numbered 1, 2, ... in SciPy's depth-first order
    (left subtree, right subtree, then a node's own leaf children).

    1. The walk from the root stops at each highest merge with M ≤ cutoff (a *leader*:
       its number is the next one when the walk reaches it); at a merge above the cut it
       walks the left subtree, the right one, then numbers its leaf children (singletons).
       Only the merges above the cut are visited. (Python lists: one entry at a time.)
    2. Every point under a leader takes the leader's number: each node points to its
       parent, a leader to itself, and pointer doubling (p ← p[p], O(log depth) passes)
       takes every point to its highest ancestor that is a leader, if any."""
    children = Z[:, :2].astype(np.intp)
    child_list = children.tolist()
    below = (np.asarray(M) <= cutoff).tolist()
    T = np.zeros(n, dtype=np.int32)
    root = 2 * n - 2
    leaders: list[int] = []                       # in the order met: numbered 1, 2, ...
    numbers: list[int] = []
    count = 0
    # Step 1: the walk over the merges above the cut.
    stack = [(root, _LEADER if below[root - n] else _OPEN)]
    while stack:
        node, state = stack.pop()
        if state == _LEADER:                      # a flat cluster starts here
            count += 1
            leaders.append(node)
            numbers.append(count)
            continue
        left, right = child_list[node - n]
        if state == _OPEN:                        # its subtrees first (left on top)
            stack.append((node, _CLOSE))
            for child in (right, left):
                if child >= n:
                    stack.append((child, _LEADER if below[child - n] else _OPEN))
            continue
        for leaf in (left, right):                # then its own leaves: singletons
            if leaf < n:
                count += 1
                T[leaf] = count
    # Step 2: the points under each leader.
    if leaders:
        up = np.empty(2 * n - 1, dtype=np.intp)
        up[children.ravel()] = np.repeat(np.arange(n, 2 * n - 1), 2)
        up[root] = root
        number = np.zeros(2 * n - 1, dtype=np.int32)  # a leader's number, 0 elsewhere
        number[leaders] = numbers
        up[leaders] = leaders
        while True:
            jumped = up[up]
            if np.array_equal(jumped, up):
                break
            up = jumped
        under = number[up[:n]]
        T = np.where(under > 0, under, T)
    return T


def fcluster(Z: ArrayLike, t: float, criterion: str = "inconsistent", depth: int = 2,
             R: ArrayLike | None = None) -> NDArray[np.int32]:
    r"""Flat clusters from a linkage matrix: a cut where no merge below is inconsistent, at
    height t, or into at most t clusters.

    .. math::

        M(c) = \max_{c' \subseteq c} h(c'), \qquad
        \text{flat clusters} = \text{the maximal } c \text{ with } M(c) \le \tau

    with :math:`\tau = t` ('distance') or the smallest :math:`M(c)` that leaves at most t
    clusters ('maxclust'); for 'inconsistent', M(c) is the largest inconsistency
    coefficient in c's subtree instead of the largest height (`inconsistent`).

    Parameters
    ----------
    Z : array_like, shape (n − 1, 4)
        A linkage matrix (`linkage`).
    t : float or int
        The height ('distance') or the largest number of clusters ('maxclust').
    criterion : {'inconsistent', 'distance', 'maxclust'}, default='inconsistent'
    depth : int, default=2
        For 'inconsistent': the levels of merges `inconsistent` compares each merge with.
    R : array_like, shape (n − 1, 4), optional
        For 'inconsistent': the inconsistency matrix; computed from Z and depth if None.

    Returns
    -------
    T : ndarray of int32, shape (n,)
        The flat cluster (1, 2, ...) of each observation.

    Raises
    ------
    ValueError
        An invalid linkage matrix or criterion (SciPy's messages); 'maxclust' with t < 1
        (where SciPy's result is undefined: it reads past the end of an array).

    Notes
    -----
    *Algorithm*:

    1. M(c), the largest height in each subtree, in row order (children come first).
    2. 'maxclust': binary search over the thresholds M(c) for the smallest whose cut has at
       most t clusters (the count: the nodes with M ≤ τ whose parent has M > τ, leaves
       having M = −∞); t ≥ n gives every point its own cluster.
    3. Depth-first from the root (left, right, then the node's own leaves): the first node
       met with M ≤ τ opens a flat cluster holding its subtree; each point not under one is
       a singleton; clusters are numbered in the order they are met.

    *Complexity*: O(n) for a cut, O(n log n) for 'maxclust'.

    References
    ----------
    Müllner (2011) §2 (the dendrogram); SciPy's `fcluster` documentation.

    Checked against ``reference.cluster.fcluster`` → ``scipy.cluster.hierarchy.fcluster``,
    identical.

    Examples
    --------
    >>> Z = linkage([[0.0], [1.0], [5.0], [6.0]], method="single")
    >>> fcluster(Z, 2, criterion="maxclust").tolist()
    [1, 1, 2, 2]
    """
    Z = np.asarray(Z, dtype=np.float64)
    _check_linkage(Z)
    n = Z.shape[0] + 1
    # Step 1: the largest height below each cluster.
    if criterion == "inconsistent":
        R = inconsistent(Z, depth) if R is None else _checked_inconsistency(R)
        return _flat_clusters(Z, _max_height_below(Z, n, R[:, 3]), float(t), n)
    M = _max_height_below(Z, n)
    if criterion == "distance":
        return _flat_clusters(Z, M, float(t), n)
    if criterion != "maxclust":
        raise ValueError(f"Invalid cluster formation criterion: {criterion}")
    if t >= n:
        return np.arange(1, n + 1, dtype=np.int32)
    if t < 1:  # SciPy reads past the end of its threshold array here (undefined result)
        raise ValueError(f"maxclust needs at least one cluster, got t={t}")
    # Step 2: the number of clusters of each cut, by binary search over the thresholds.
    children = Z[:, :2].astype(np.intp)
    parent = np.full(2 * n - 1, -1)
    parent[children.ravel()] = np.repeat(np.arange(n, 2 * n - 1), 2)
    M_node = np.concatenate([np.full(n, -np.inf), M])
    M_parent = np.where(parent >= 0, M_node[np.maximum(parent, 0)], np.inf)

    def clusters_at(tau: float) -> int:
        return int(np.count_nonzero((M_node <= tau) & (M_parent > tau)))

    lower, upper = -1, n - 1
    while upper - lower > 1:
        i = (lower + upper) >> 1
        if clusters_at(M[i]) > t:
            lower = i
        else:
            upper = i
    # Step 3: the cut.
    return _flat_clusters(Z, M, M[upper], n)


# --- the estimator ------------------------------------------------------------------------------------

def _cut_tree(n_clusters: int, children: NDArray, n_leaves: int) -> NDArray[np.intp]:
    """scikit-learn's `_hc_cut`: split the highest node n_clusters − 1 times (a heap of
    negated ids, so the largest id first); label each remaining node's leaves by the node's
    position in the heap list."""
    if n_clusters > n_leaves:
        raise ValueError("Cannot extract more clusters than samples: "
                         f"{n_clusters} clusters were given for a tree with {n_leaves} leaves.")
    nodes = [-(int(max(children[-1])) + 1)]
    for _ in range(n_clusters - 1):
        left, right = children[-nodes[0] - n_leaves]
        heapq.heappush(nodes, -int(left))
        heapq.heappushpop(nodes, -int(right))
    node_label = np.full(2 * n_leaves - 1, -1, dtype=np.intp)
    node_label[[-node for node in nodes]] = np.arange(len(nodes))
    for k in reversed(range(n_leaves - 1)):  # parents before children: top down
        if node_label[n_leaves + k] >= 0:
            node_label[children[k]] = node_label[n_leaves + k]
    return node_label[:n_leaves]


class AgglomerativeClustering(ClusterMixin, BaseEstimator):
    r"""Agglomerative clustering: the hierarchy of `linkage`, cut into n_clusters clusters.

    Or cut where the merges reach distance_threshold.

    .. math::

        d_{\text{ward}}(A, B) = \sqrt{\frac{2\,|A|\,|B|}{|A| + |B|}}\;
                                \lVert \bar x_A - \bar x_B \rVert, \quad
        d_{\text{complete}} = \max_{a, b} d(a, b), \quad
        d_{\text{average}} = \operatorname*{mean}_{a, b} d(a, b), \quad
        d_{\text{single}} = \min_{a, b} d(a, b)

    Parameters
    ----------
    n_clusters : int ≥ 1 or None, default 2
        None exactly when distance_threshold is set.
    metric : {'euclidean', 'l2', 'l1', 'manhattan', 'cityblock', 'precomputed'}
        'precomputed': X is an n × n distance matrix. Ward requires 'euclidean' or 'l2'.
    linkage : {'ward', 'complete', 'average', 'single'}, default 'ward'
    distance_threshold : float ≥ 0 or None
        Merges at a distance ≥ this are not made: n_clusters_ = #{distances ≥ t} + 1.
    compute_distances : bool, default False
        Keep the merge heights in ``distances_`` (always kept with distance_threshold).

    Attributes
    ----------
    labels_ : ndarray of shape (n_samples,)
    children_ : ndarray of shape (n_samples − 1, 2)
        Row i merges two nodes into node n_samples + i (ids < n_samples are samples).
    distances_ : ndarray of shape (n_samples − 1,)
    n_clusters_, n_leaves_, n_connected_components_, n_features_in_ : int

    Raises
    ------
    ValueError
        Both or neither of n_clusters and distance_threshold, ward with another metric,
        n_clusters > n_samples, a non-square precomputed matrix, scikit-learn's input checks.

    Notes
    -----
    *Algorithm*:

    1. The tree: `linkage` of X (ward: SciPy's ward; complete/average: SciPy's linkage with
       the metric; single: Prim's tree, labelled without ordering each pair, as
       scikit-learn's own single linkage); ``children_`` are its first two columns.
    2. The number of clusters: n_clusters, or #{heights ≥ distance_threshold} + 1.
    3. The cut: start from the root and split, n_clusters − 1 times, the node of largest id
       (a heap); label the leaves under the i-th node of the heap list i.

    *Complexity*: O(n² p) for the distances, O(n²) for the tree (see `linkage`), O(n) for
    the cut; O(n²) memory.

    References
    ----------
    Hastie, Tibshirani & Friedman, The Elements of Statistical Learning, 2nd ed., §14.3.12.

    Checked against ``reference.cluster.AgglomerativeClustering`` →
    ``sklearn.cluster.AgglomerativeClustering``, identical labels and children (the same
    numbering, not a permutation), heights to the bit.

    Examples
    --------
    >>> X = np.array([[1, 2], [1, 4], [1, 0], [4, 2], [4, 4], [4, 0]])
    >>> AgglomerativeClustering().fit(X).labels_.tolist()
    [1, 1, 1, 0, 0, 0]
    """

    _parameter_constraints = {
        "n_clusters": [Interval(Integral, 1, None, closed="left"), None],
        "metric": [StrOptions({"euclidean", "l2", "l1", "manhattan", "cityblock",
                               "precomputed"})],
        "linkage": [StrOptions({"ward", "complete", "average", "single"})],
        "distance_threshold": [Interval(Real, 0, None, closed="left"), None],
        "compute_distances": ["boolean"],
    }

    def __init__(self, n_clusters: int | None = 2, *, metric: str = "euclidean",
                 linkage: str = "ward", distance_threshold: float | None = None,
                 compute_distances: bool = False) -> None:
        self.n_clusters = n_clusters
        self.metric = metric
        self.linkage = linkage
        self.distance_threshold = distance_threshold
        self.compute_distances = compute_distances

    def fit(self, X: ArrayLike, y: object = None) -> AgglomerativeClustering:
        """Build the tree and cut it; returns self."""
        self._validate_hyperparameters()
        X = validate_data(self, X, ensure_min_samples=2)
        if not ((self.n_clusters is None) ^ (self.distance_threshold is None)):
            raise ValueError("Exactly one of n_clusters and distance_threshold has to be set, "
                             "and the other needs to be None.")
        if self.linkage == "ward" and self.metric not in ("euclidean", "l2"):
            raise ValueError(f"{self.metric} was provided as metric. Ward can only work with "
                             "euclidean distances (i.e. 'euclidean' and 'l2').")
        # Step 1: the tree.
        Z = self._tree(np.asarray(X, dtype=np.float64))
        self.children_ = Z[:, :2].astype(np.intp)
        self.n_connected_components_, self.n_leaves_ = 1, X.shape[0]
        if self.distance_threshold is not None or self.compute_distances:
            self.distances_ = Z[:, 2]
        # Step 2: how many clusters.
        if self.distance_threshold is not None:
            self.n_clusters_ = int(np.count_nonzero(self.distances_ >= self.distance_threshold)
                                   ) + 1
        else:
            assert self.n_clusters is not None  # exactly one of the two is set (checked above)
            self.n_clusters_ = self.n_clusters
        # Step 3: the cut.
        self.labels_ = _cut_tree(self.n_clusters_, self.children_, self.n_leaves_)
        return self

    def _tree(self, X: NDArray) -> NDArray[np.float64]:
        """The linkage matrix scikit-learn's tree builders produce for this metric."""
        metric = {"l2": "euclidean", "l1": "cityblock", "manhattan": "cityblock"}.get(
            self.metric, self.metric)
        if metric == "precomputed":
            if X.shape[0] != X.shape[1]:
                raise ValueError(f"Distance matrix should be square, got matrix of shape "
                                 f"{X.shape}")
            return linkage(X[np.triu_indices(X.shape[0], k=1)], method=self.linkage)
        if self.linkage == "single":
            # scikit-learn's own Prim and union-find: the same tree, pairs in MST order.
            D = _pairwise_distances(X, metric)
            return _sort_and_label(_prim_mst(D), len(X), ordered=False)
        return linkage(X, method=self.linkage, metric=metric)
