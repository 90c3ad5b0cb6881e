"""k-nearest-neighbour classification and regression on brute force or the k-d tree (the
module docstring of `mathml.neighbors` gives the search, the auto rule and the ties)."""
from __future__ import annotations

import os
import warnings
from numbers import Integral, Real

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._validation import check_classification_targets, column_or_1d, validate_data
from ..base import (BaseEstimator, ClassifierMixin, Interval, RegressorMixin, StrOptions,
                    check_is_fitted)
from ._kd_tree import KDTree, _metric_exponent, _rdist_to_dist, _reduced_distances

__all__ = ["KNeighborsClassifier", "KNeighborsRegressor"]


def _cosine_distances(X: NDArray, Z: NDArray) -> NDArray:
    """1 − cos∠(x, z) for the rows of X (m × d) and Z (n × d), shape (m, n), clipped to
    [0, 2]: the rows scaled to unit length (a zero row stays zero), then one matrix product
    (scikit-learn's operations: the same numbers). When X is Z, the product U Uᵀ of one
    array (numpy then computes it as a symmetric product, as it does for scikit-learn) and
    a zero diagonal."""
    def unit(A: NDArray) -> NDArray:
        norms = np.sqrt(np.einsum("ij,ij->i", A, A))
        return A / np.where(norms == 0.0, 1.0, norms)[:, None]
    U = unit(X)
    S = U @ (U if X is Z else unit(Z)).T
    S *= -1
    S += 1
    S = np.clip(S, 0.0, 2.0)
    if X is Z:
        np.fill_diagonal(S, 0.0)
    return S


#: The number of column groups whose minima bound the k-th smallest entry of a row (see
#: `_kth_smallest_bound`): enough that the k nearest rarely share a group, few enough that
#: ranking the group minima costs little against one pass over the row.
_GROUPS = 64


def _kth_smallest_bound(D: NDArray, k: int) -> NDArray:
    """Per row of D, a value τ ≥ its k-th smallest entry (NaN counted as the largest), close
    to it, at the cost of about one pass over D.

    The columns are dealt into g groups (column j into group j mod g, up to a multiple of g)
    and each row's minimum over each group taken. The k-th smallest of the g minima is a
    bound: k different groups each hold an entry ≤ τ, so the row has at least k entries
    ≤ τ. It is the k-th smallest entry itself unless two of the k nearest share a group.
    Dealing by j mod g (not by blocks of consecutive columns) keeps near neighbours with
    near indices, as in ordered data, in different groups. With fewer than 2g columns the
    k-th smallest entry itself is taken (a partition of the row).
    """
    m, n = D.shape
    g = max(_GROUPS, 2 * k)
    per_group = n // g
    if per_group < 2:
        return np.partition(D, k - 1, axis=1)[:, k - 1]
    minima = D[:, :per_group * g].reshape(m, per_group, g).min(axis=1)
    return np.partition(minima, k - 1, axis=1)[:, k - 1]


def _sorted_prefix(D: NDArray, k: int) -> tuple[NDArray[np.intp], NDArray[np.bool_]]:
    """The plain way to `_k_smallest_with_ties`: each row sorted in full, stably, and its
    first k; tied when two of them are equal or the k-th value occurs again further on."""
    index = np.argsort(D, axis=1, kind="stable")[:, :k]
    chosen = np.take_along_axis(D, index, axis=1)
    d_k = chosen[:, -1:]
    tied = (np.diff(chosen, axis=1) == 0).any(axis=1) | (
        (D == d_k).sum(axis=1) > (chosen == d_k).sum(axis=1))
    return index, tied


def _k_smallest_with_ties(D: NDArray, k: int) -> tuple[NDArray[np.intp], NDArray[np.bool_]]:
    """Per row, the indices of the k smallest entries ordered by (value, index) — what a
    stable full sort would give (`_sorted_prefix`) — and whether equal values decided them
    (two equal among the k, or the k-th equal to an entry left out).

    The rows are not sorted: each row's entries ≤ τ (`_kth_smallest_bound`, a value at
    least the k-th smallest) are its candidates, k or a few more; all of them (row, value,
    column) are sorted at once, and each row's first k are the answer — the entries left
    out are larger than τ, so a sort of the whole row places none of them among its k.
    (That holds for any τ that leaves a row k candidates: the bound's tightness decides the
    cost only. A row left fewer — its NaN entries, which τ does not bound — is sorted in
    full.) The tie flags read the sorted candidates: the entry after the k-th, if any, is
    the smallest left out.
    """
    m, n = D.shape
    if k == n:
        return _sorted_prefix(D, k)
    # Step 1: the candidates of each row, in row-major order (rows ascending, then columns).
    flat = np.flatnonzero(D <= _kth_smallest_bound(D, k)[:, None])
    rows, cols = np.divmod(flat, n)
    values = D[rows, cols]
    # Step 2: sorted by row, then value, then column (lexsort: the last key first).
    order = np.lexsort((cols, values, rows))
    cols, values = cols[order], values[order]
    # Step 3: each row's first k candidates (rows with fewer, from NaN: sorted in full).
    counts = np.bincount(rows, minlength=m)
    starts = np.cumsum(counts) - counts
    full = counts >= k
    index = np.empty((m, k), dtype=np.intp)
    tied = np.empty(m, dtype=bool)
    take = starts[full, None] + np.arange(k)
    index[full], chosen = cols[take], values[take]
    # tied: two equal among the k, or the next candidate (where there is one) equal to the k-th
    following = values[np.minimum(starts[full] + k, len(values) - 1)]
    tied[full] = (np.diff(chosen, axis=1) == 0).any(axis=1) | (
        (counts[full] > k) & (following == chosen[:, -1]))
    if not full.all():
        index[~full], tied[~full] = _sorted_prefix(D[~full], k)
    return index, tied


def _k_smallest(D: NDArray, k: int) -> NDArray[np.intp]:
    """Per row, the indices of the k smallest entries ordered by (value, index) — what a
    stable full sort would give — in about two passes over the row (`_k_smallest_with_ties`)."""
    return _k_smallest_with_ties(D, k)[0]


# --- scikit-learn's order among tied distances (brute force) ------------------------------------
# scikit-learn's brute-force search (its ArgKmin) keeps, per query, a max-heap of k
# (distance, index) pairs: the training points are pushed in index order (a point equal to
# the heap's largest is not taken), chunk by chunk, and with the 'parallel_on_Y' strategy
# through one heap per thread, merged into the final heap entry by entry; the heap is then
# sorted by an introsort that is not stable. Rows with no tied distances among their k nearest
# come out as a plain sort gives them; rows with ties are replayed below, step by step.

_DBL_MAX = np.finfo(np.float64).max
_CHUNK = 256  # scikit-learn's pairwise_dist_chunk_size


def _openmp_threads() -> int:
    """The thread count scikit-learn's OpenMP loops use: OMP_NUM_THREADS, else the CPUs
    this process may run on."""
    if os.environ.get("OMP_NUM_THREADS"):
        return int(os.environ["OMP_NUM_THREADS"])
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)


def _heap_push(values: list, indices: list, value: float, index: int) -> None:
    """Push (value, index) onto the fixed-size max-heap (values[0] the largest) unless
    value is not smaller than the largest; sift the new root down."""
    if value >= values[0]:
        return
    size, i = len(values), 0
    while True:
        left = 2 * i + 1
        if left >= size:
            break
        right = left + 1
        if right >= size or values[left] >= values[right]:
            child = left
        else:
            child = right
        if not value < values[child]:
            break
        values[i], indices[i] = values[child], indices[child]
        i = child
    values[i], indices[i] = value, index


def _swap(values: list, indices: list, i: int, j: int) -> None:
    values[i], values[j] = values[j], values[i]
    indices[i], indices[j] = indices[j], indices[i]


def _sift_down(values: list, indices: list, root: int, end: int) -> None:
    while True:
        child, largest = 2 * root + 1, root
        if child < end and values[largest] < values[child]:
            largest = child
        if child + 1 < end and values[largest] < values[child + 1]:
            largest = child + 1
        if largest == root:
            return
        _swap(values, indices, root, largest)
        root = largest


def _introsort(values: list, indices: list, lo: int, n: int, depth: int) -> None:
    """Sort values[lo:lo+n] (indices alongside) as scikit-learn's simultaneous_sort:
    quicksort with a median-of-three pivot while more than 15 entries remain, heapsort
    below the depth limit, insertion sort at the end."""
    while n > 15:
        if depth <= 0:  # heapsort of the slice
            part_v, part_i = values[lo:lo + n], indices[lo:lo + n]
            for start in range((n - 2) // 2, -1, -1):
                _sift_down(part_v, part_i, start, n)
            for end in range(n - 1, 0, -1):
                _swap(part_v, part_i, 0, end)
                _sift_down(part_v, part_i, 0, end)
            values[lo:lo + n], indices[lo:lo + n] = part_v, part_i
            return
        depth -= 1
        mid, last = lo + n // 2, lo + n - 1
        if values[lo] > values[last]:
            _swap(values, indices, lo, last)
        if values[last] > values[mid]:
            _swap(values, indices, last, mid)
            if values[lo] > values[last]:
                _swap(values, indices, lo, last)
        pivot = values[last]
        i, j = lo + 1, lo + n - 2
        while True:
            while i <= j and values[i] < pivot:
                i += 1
            while i <= j and values[j] > pivot:
                j -= 1
            if i >= j:
                break
            _swap(values, indices, i, j)
            i, j = i + 1, j - 1
        _swap(values, indices, i, last)
        _introsort(values, indices, lo, i - lo, depth)
        n -= i - lo + 1
        lo = i + 1
    for i in range(lo + 1, lo + n):  # insertion sort
        v, x, j = values[i], indices[i], i
        while j > lo and values[j - 1] > v:
            values[j], indices[j] = values[j - 1], indices[j - 1]
            j -= 1
        values[j], indices[j] = v, x


def _argkmin_row(row: NDArray, k: int, on_y: bool, threads: int) -> list:
    """The k nearest of one query as scikit-learn's ArgKmin returns them (indices)."""
    values, indices = [_DBL_MAX] * k, [0] * k
    n = len(row)
    if not on_y:
        for j in range(n):
            _heap_push(values, indices, row[j], j)
    else:
        # chunks of 256 training points, split into contiguous runs among the threads
        # (OpenMP's static schedule); each thread's heap, then merged thread by thread
        n_chunks = -(-n // min(n, _CHUNK))
        used = min(n_chunks, threads)
        base, extra = divmod(n_chunks, used)
        first = 0
        for t in range(used):
            count = base + (t < extra)
            t_values, t_indices = [_DBL_MAX] * k, [-1] * k
            for j in range(first * _CHUNK, min((first + count) * _CHUNK, n)):
                _heap_push(t_values, t_indices, row[j], j)
            first += count
            for v, x in zip(t_values, t_indices):
                _heap_push(values, indices, v, x)
    _introsort(values, indices, 0, k, 2 * (k.bit_length() - 1))  # 2⌊log2 k⌋
    return indices


def _scikit_learn_ties(R: NDArray, index: NDArray[np.intp], tied: NDArray[np.bool_],
                       k: int, n_queries: int) -> NDArray[np.intp]:
    """`index` (the k smallest of each row of R by (value, index)) with the rows where
    tied values decide (`tied`, from `_k_smallest_with_ties`) replaced by scikit-learn's
    brute-force order; R is a block of the `n_queries` rows of the search (the count
    decides scikit-learn's strategy)."""
    rows = np.flatnonzero(tied)
    if rows.size:
        n_train = R.shape[1]
        threads = _openmp_threads()
        on_y = not (n_train < n_queries or 4 * _CHUNK * threads < n_queries)
        index = index.copy()
        for r in rows:
            index[r] = _argkmin_row(R[r], k, on_y, threads)
    return index


def _neighbor_weights(dist: NDArray, weights) -> NDArray:
    """Uniform weights (also for None), 1/d, or a callable's weights of the distances;
    for 1/d a point at distance 0 takes all the weight of its row (shared equally among
    such points), as scikit-learn."""
    if weights is None or (isinstance(weights, str) and weights == "uniform"):
        return np.ones_like(dist)
    if callable(weights):
        return np.asarray(weights(dist), dtype=np.float64)
    with np.errstate(divide="ignore"):
        w = 1.0 / dist
    exact = np.isinf(w)
    rows = exact.any(axis=1)
    w[rows] = exact[rows]
    return w


#: About how many distances the brute-force search holds at a time (`_row_blocks`).
_BLOCK_ENTRIES = 1 << 20


def _row_blocks(m: int, n: int) -> list[slice]:
    """The m query rows of a brute-force search against n training points, in near-equal
    consecutive blocks of about 2²⁰ distances each (8 MiB: the passes over a block find it
    in cache, and memory stays bounded for large m·n). For the Minkowski distances summed
    feature by feature: each entry is computed by the same operations in any block."""
    count = max(1, min(m, -(-m * n // _BLOCK_ENTRIES)))
    edges = [m * i // count for i in range(count + 1)]
    return [slice(a, b) for a, b in zip(edges[:-1], edges[1:])]


#: The metrics offered (scikit-learn's names); all but 'cosine' are Minkowski distances,
#: which the k-d tree also searches.
METRICS = frozenset({"minkowski", "euclidean", "l2", "manhattan", "cityblock", "l1",
                     "chebyshev", "infinity", "cosine"})
_MINKOWSKI_NAMES = {1: "manhattan", 2: "euclidean", np.inf: "chebyshev"}
#: Which of them scikit-learn accepts with each algorithm (its VALID_METRICS: the trees have
#: no cosine, its brute force does not know the name 'infinity').
_VALID_METRICS = {"kd_tree": METRICS - {"cosine"}, "ball_tree": METRICS - {"cosine"},
                  "brute": METRICS - {"infinity"}}


def _effective_metric(metric: str, p: float) -> tuple[str, float | None]:
    """The metric the search uses and its Minkowski exponent (None for cosine), as
    scikit-learn's ``effective_metric_``: 'minkowski' with p = 1, 2, ∞ is named for what
    it is."""
    if metric == "cosine":
        return metric, None
    if metric == "minkowski":
        return _MINKOWSKI_NAMES.get(p, "minkowski"), float(p)
    return metric, _metric_exponent(metric, None)


def _choose_algorithm(algorithm: str, shape: tuple[int, int], n_neighbors: int | None,
                      metric: str = "minkowski", p: float | None = 2.0) -> str:
    """scikit-learn's 'auto' rule: brute force when there are more than 15 features,
    n_neighbors ≥ n_samples // 2, a Minkowski exponent below 1 or a metric the k-d tree
    cannot search (cosine); the k-d tree otherwise. (Its ball tree is chosen only for
    weighted Minkowski or metrics mathml does not offer.)"""
    if algorithm != "auto":
        return algorithm
    n_samples, n_features = shape
    if n_features > 15 or (n_neighbors is not None and n_neighbors >= n_samples // 2):
        return "brute"
    if p is None or p < 1:
        return "brute"
    return "kd_tree"



class _KNeighbors(BaseEstimator):
    """Storage of the training set and the neighbour search."""

    # scikit-learn's constraints also let n_neighbors and p be None: n_neighbors None passes
    # fit (scikit-learn shares the constraint with its radius neighbours) and fails at the
    # first query, p None fails at fit with the Minkowski metric (TypeErrors, as there)
    _parameter_constraints = {"n_neighbors": [Interval(Integral, 1, None, closed="left"), None],
                              "weights": [StrOptions({"uniform", "distance"}), callable, None],
                              "algorithm": [StrOptions({"auto", "kd_tree", "brute"})],
                              "leaf_size": [Interval(Integral, 1, None, closed="left")],
                              "p": [Interval(Real, 0, None, closed="right"), None],
                              "metric": [StrOptions(set(METRICS))]}

    def __init__(self, n_neighbors: int = 5, *, weights: str = "uniform",
                 algorithm: str = "auto", leaf_size: int = 30, p: float = 2,
                 metric: str = "minkowski") -> None:
        self.n_neighbors = n_neighbors
        self.weights = weights
        self.algorithm = algorithm
        self.leaf_size = leaf_size
        self.p = p
        self.metric = metric

    def _store(self, X, y, classifier: bool):
        self._validate_hyperparameters()
        # checked as scikit-learn's (multi-output) targets, then one output only
        X, y = validate_data(self, X, y, multi_output=True)
        y = column_or_1d(y, warn=True)
        if classifier:
            check_classification_targets(y)
            self.classes_, y = np.unique(y, return_inverse=True)
            self.outputs_2d_ = False  # y is 1-D here (multi-output is not supported)
        # scikit-learn's check of the metric against the algorithm (for 'auto', against
        # its ball tree's metrics when it has the metric, else brute force's)
        checked = self.algorithm
        if checked == "auto":
            checked = "brute" if self.metric == "cosine" else "ball_tree"
        if self.metric not in _VALID_METRICS[checked]:
            raise ValueError(f"Metric '{self.metric}' not valid. Use "
                             f"sorted(sklearn.neighbors.VALID_METRICS['{checked}']) to get "
                             "valid options. Metric can also be a callable function.")
        self.effective_metric_, self._p = _effective_metric(self.metric, self.p)
        self.effective_metric_params_ = ({"p": self.p, "w": None}
                                         if self.effective_metric_ == "minkowski" else {})
        self._fit_X, self._y = X, y
        self.n_samples_fit_ = X.shape[0]
        self._fit_method = _choose_algorithm(self.algorithm, X.shape, self.n_neighbors,
                                             self.effective_metric_, self._p)
        if self._p is not None and self._p < 1:
            # below 1, Σ|x_j − z_j|^p breaks the triangle inequality the tree relies on
            if self._fit_method != "brute":
                raise ValueError(f'algorithm="{self._fit_method}" does not support 0 < p < 1 '
                                 "for the Minkowski metric. To resolve this problem either "
                                 'set p >= 1 or algorithm="brute".')
            warnings.warn("Mind that for 0 < p < 1, Minkowski metrics are not distance "
                          "metrics. Continuing the execution with `algorithm='brute'`.",
                          stacklevel=3)
        self._tree = (KDTree(X, self.leaf_size, metric="minkowski", p=float(self._p or 2))
                      if self._fit_method == "kd_tree" else None)
        return self

    def _search(self, X: NDArray, k: int) -> tuple[NDArray[np.float64], NDArray[np.intp]]:
        """(distances, indices) of the k nearest training points of each row of X."""
        Z = self._fit_X
        if self._tree is not None:
            return self._tree.query(X, k)
        m = X.shape[0]
        if self.effective_metric_ == "euclidean":
            # ‖x − z‖² = ‖x‖² + (‖z‖² − 2x·z): ‖x‖² is the same for every candidate z of a
            # row, so the nearest are found on the bracket alone and ‖x‖² added to k of them.
            # (One matrix product for all the queries: the BLAS may round a row of it in
            # the last bit differently when the rows are multiplied in other blocks.)
            key = X @ (-2.0 * Z).T
            key += (Z * Z).sum(axis=1)
            index = _scikit_learn_ties(key, *_k_smallest_with_ties(key, k), k, m)
            d2 = np.take_along_axis(key, index, axis=1) + (X * X).sum(axis=1)[:, None]
            return np.sqrt(np.maximum(d2, 0.0)), index
        if self.effective_metric_ == "cosine":
            # all distances, then numpy's partition and (unstable) sort, as scikit-learn's
            # generic brute force: the same order among ties
            D = _cosine_distances(X, Z)
            rows = np.arange(D.shape[0])[:, None]
            index = np.argpartition(D, k - 1, axis=1)[:, :k]
            index = index[rows, np.argsort(D[rows, index])]
            return D[rows, index], index
        # other Minkowski distances: the k smallest reduced distances Σ|x_j − z_j|^p
        # (feature by feature), the root taken of those k only
        p = float(self._p)  # type: ignore[arg-type]  # a Minkowski metric has its exponent
        dist, index = np.empty((m, k)), np.empty((m, k), dtype=np.intp)
        for block in _row_blocks(m, Z.shape[0]):
            R = _reduced_distances(X[block].T[:, :, None], Z.T[:, None, :], p)
            index[block] = _scikit_learn_ties(R, *_k_smallest_with_ties(R, k), k, m)
            dist[block] = _rdist_to_dist(np.take_along_axis(R, index[block], axis=1), p)
        return dist, index

    def kneighbors(self, X: ArrayLike | None = None, n_neighbors: int | None = None,
                   return_distance: bool = True):
        """(distances, indices) of the k nearest training points, each of shape (m, k),
        nearest first (ties: see the module docstring); the indices alone when not
        `return_distance`. Without X, the neighbours of each training point other than
        itself."""
        check_is_fitted(self)
        if n_neighbors is None:
            k = self.n_neighbors
        elif n_neighbors <= 0:
            raise ValueError(f"Expected n_neighbors > 0. Got {n_neighbors}")
        elif not isinstance(n_neighbors, Integral):
            raise TypeError(f"n_neighbors does not take {type(n_neighbors)} value, enter "
                            "integer value")
        else:
            k = int(n_neighbors)
        query_is_train = X is None
        if X is None:
            X_arr, k = self._fit_X, k + 1  # one more: each point finds itself
        else:
            X_arr = validate_data(self, X, reset=False)
        if k > self.n_samples_fit_:
            shown, sign = (k - 1, "<") if query_is_train else (k, "<=")
            raise ValueError(f"Expected n_neighbors {sign} n_samples_fit, but n_neighbors = "
                             f"{shown}, n_samples_fit = {self.n_samples_fit_}, n_samples = "
                             f"{X_arr.shape[0]}")
        dist, index = self._search(X_arr, k)
        if query_is_train:
            # drop each point itself; a duplicate may have come first, then drop the first
            keep = index != np.arange(X_arr.shape[0])[:, None]
            keep[keep.all(axis=1), 0] = False
            dist = dist[keep].reshape(-1, k - 1)
            index = index[keep].reshape(-1, k - 1)
        return (dist, index) if return_distance else index

    def kneighbors_graph(self, X: ArrayLike | None = None, n_neighbors: int | None = None,
                         mode: str = "connectivity") -> NDArray[np.float64]:
        """The k-nearest-neighbour graph as a dense matrix of shape (m, n_samples_fit):
        A[i, j] = 1 ('connectivity') or d(x_i, z_j) ('distance') when z_j is one of the k
        nearest of x_i, else 0. (scikit-learn returns it as a sparse CSR matrix: mathml
        has no sparse matrices.)"""
        check_is_fitted(self)
        k = self.n_neighbors if n_neighbors is None else n_neighbors
        if mode == "connectivity":
            index = self.kneighbors(X, k, return_distance=False)
            values = np.ones(index.shape)
        elif mode == "distance":
            values, index = self.kneighbors(X, k, return_distance=True)
        else:
            raise ValueError('Unsupported mode, must be one of "connectivity", or "distance" '
                             f'but got "{mode}" instead')
        A = np.zeros((index.shape[0], self.n_samples_fit_))
        np.put_along_axis(A, index, values, axis=1)
        return A


class KNeighborsClassifier(ClassifierMixin, _KNeighbors):
    """Classification by a (weighted) vote of the k nearest training points.

    .. math::

        P(c \\mid x) = \\frac{\\sum_{i \\in N_k(x)} w_i [y_i = c]}{\\sum_{i \\in N_k(x)} w_i},
        \\qquad w_i = 1 \\text{ (uniform) or } 1/d(x, x_i) \\text{ (distance)}

    Parameters
    ----------
    n_neighbors : int ≥ 1 or None, default 5
        None passes `fit` (as in scikit-learn) and is a TypeError at the first query.
    weights : {'uniform', 'distance'}, callable or None, default 'uniform'
        None is 'uniform'; a callable maps the array of distances to weights of its shape.
    algorithm : {'auto', 'kd_tree', 'brute'}, default 'auto'
        The neighbour search ('auto': scikit-learn's rule, see the module docstring).
        No 'ball_tree': mathml has no ball tree (for these metrics scikit-learn's 'auto'
        never picks one).
    leaf_size : int ≥ 1, default 30
        Of the k-d tree.
    p : float > 0, default 2
        Minkowski exponent of ``metric='minkowski'`` (1 Manhattan, 2 Euclidean, inf
        Chebyshev); below 1 not a metric: brute force only, with a warning.
    metric : {'minkowski', 'euclidean', 'manhattan', 'chebyshev', 'cosine', 'l2', 'l1',
        'cityblock', 'infinity'}, default 'minkowski'
        d(x, z); 'cosine' is 1 − cos∠(x, z) (brute force only).

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
    effective_metric_ : str
        The metric searched ('minkowski' with p = 1, 2, ∞ is 'manhattan', 'euclidean',
        'chebyshev').
    effective_metric_params_ : dict
        ``{'p': p}`` for a Minkowski exponent other than those.
    n_features_in_, n_samples_fit_ : int

    Raises
    ------
    ValueError
        n_neighbors > n_samples_fit at prediction, p < 1 with a tree, 'cosine' with the
        k-d tree, a continuous target, scikit-learn's input checks.

    Notes
    -----
    *Algorithm*: 1. distances to the training points (all of them, or those of the
    k-d tree's candidate leaves); 2. the k nearest (a partition, then a sort of the k;
    ties as scikit-learn's brute force, by the lower index in the tree: see the module
    docstring); 3. weighted class frequencies; predict their argmax (the
    first class on a tie).
    *Complexity*: brute force O(m n d) for the distances, O(m n + m k log k) for the
    selection; the tree about O(m (log n + leaf_size) d) in low dimension.
    *Numerical stability*: the Euclidean shortcut loses relative accuracy for distances much
    smaller than the norms (cancellation in ‖x‖² − 2x·z + ‖z‖², clipped at 0).

    References
    ----------
    Hastie, Tibshirani & Friedman, The Elements of Statistical Learning, 2nd ed., §13.3.

    Checked against ``reference.neighbors.KNeighborsClassifier`` →
    ``sklearn.neighbors.KNeighborsClassifier``; with the k-d tree, neighbours among tied
    distances may differ (see the module docstring).

    Examples
    --------
    >>> X = np.array([[0.0], [1.0], [2.0], [10.0], [11.0]]); y = np.array([0, 0, 0, 1, 1])
    >>> KNeighborsClassifier(n_neighbors=3).fit(X, y).predict([[1.5], [10.5]]).tolist()
    [0, 1]
    """

    def fit(self, X: ArrayLike, y: ArrayLike) -> KNeighborsClassifier:
        """Store the training set; returns self."""
        return self._store(X, y, classifier=True)

    def predict_proba(self, X: ArrayLike) -> NDArray[np.float64]:
        """Weighted neighbour class frequencies, shape (n_samples, n_classes)."""
        # Step 1–2: the neighbours.
        dist, index = self.kneighbors(X)
        # Step 3: weighted votes per class.
        w = _neighbor_weights(dist, self.weights)
        votes = np.zeros((index.shape[0], len(self.classes_)))
        rows = np.repeat(np.arange(index.shape[0]), index.shape[1])
        np.add.at(votes, (rows, self._y[index].ravel()), w.ravel())
        return votes / votes.sum(axis=1, keepdims=True)

    def predict(self, X: ArrayLike) -> NDArray:
        """The class of largest (weighted) vote."""
        proba = self.predict_proba(X)  # first: it checks that the model is fitted
        return self.classes_[proba.argmax(axis=1)]


class KNeighborsRegressor(RegressorMixin, _KNeighbors):
    """Regression by the (weighted) mean of the k nearest training targets.

    .. math::

        \\hat y(x) = \\frac{\\sum_{i \\in N_k(x)} w_i y_i}{\\sum_{i \\in N_k(x)} w_i}

    Parameters
    ----------
    n_neighbors : int ≥ 1 or None, default 5
        None passes `fit` (as in scikit-learn) and is a TypeError at the first query.
    weights : {'uniform', 'distance'}, callable or None, default 'uniform'
        None is 'uniform'; a callable maps the array of distances to weights of its shape.
    algorithm : {'auto', 'kd_tree', 'brute'}, default 'auto'
    leaf_size : int ≥ 1, default 30
    p : float > 0, default 2
    metric : str, default 'minkowski'
        As `KNeighborsClassifier`.

    Attributes
    ----------
    effective_metric_ : str
    effective_metric_params_ : dict
    n_features_in_, n_samples_fit_ : int

    Raises
    ------
    ValueError
        n_neighbors > n_samples_fit at prediction, p < 1 with a tree, 'cosine' with the
        k-d tree, scikit-learn's input checks.

    Notes
    -----
    *Algorithm*: 1. distances (brute force or the k-d tree's candidates); 2. the k
    nearest (partition, sort of the k; ties as `KNeighborsClassifier`); 3. the weighted mean.
    *Complexity*: O(m n d + m k log k).
    *Numerical stability*: as `KNeighborsClassifier`.

    References
    ----------
    Hastie, Tibshirani & Friedman, The Elements of Statistical Learning, 2nd ed., §2.3.2.

    Checked against ``reference.neighbors.KNeighborsRegressor`` →
    ``sklearn.neighbors.KNeighborsRegressor``.

    Examples
    --------
    >>> X = np.array([[0.0], [1.0], [2.0], [3.0]]); y = np.array([0.0, 1.0, 2.0, 3.0])
    >>> KNeighborsRegressor(n_neighbors=2).fit(X, y).predict([[0.4]]).tolist()
    [0.5]
    """

    def fit(self, X: ArrayLike, y: ArrayLike) -> KNeighborsRegressor:
        """Store the training set; returns self."""
        self._store(X, y, classifier=False)
        self._y_dtype = self._y.dtype  # the targets' type, for the prediction's
        self._y = self._y.astype(float)
        return self

    def predict(self, X: ArrayLike) -> NDArray[np.floating]:
        """Weighted mean of the neighbours' targets, shape (n_samples,); computed in float64,
        returned in float32 for float32 targets and uniform weights (scikit-learn's type)."""
        dist, index = self.kneighbors(X)
        w = _neighbor_weights(dist, self.weights)
        y_hat = (w * self._y[index]).sum(axis=1) / w.sum(axis=1)
        # scikit-learn's type: the plain mean of floating targets keeps their type, the
        # distance-weighted mean is float64 (the weights are)
        keep = self.weights == "uniform" and self._y_dtype.kind == "f"
        return y_hat.astype(self._y_dtype if keep else np.float64, copy=False)
