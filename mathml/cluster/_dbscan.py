"""DBSCAN: density-based clustering with noise (Ester, Kriegel, Sander & Xu, 1996)."""
from __future__ import annotations

from numbers import Integral, Real

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._param_validation import _validate_parameter_constraints
from .._validation import check_sample_weight, validate_data
from ..base import BaseEstimator, ClusterMixin, Interval, StrOptions
from ..neighbors._kd_tree import KDTree, _dist_to_rdist, _metric_exponent, _reduced_distances
from ..neighbors._knn import _choose_algorithm

__all__ = ["DBSCAN"]

_CHUNK = 512  # query rows per block of the brute-force search (bounds its memory)


def _brute_neighborhoods(X: NDArray, eps: float, p: float):
    """Every pair with d(x_i, x_j) ≤ eps by brute force, as CSR (indptr, indices), indices
    ascending. For p = 2 scikit-learn's brute force compares ‖x‖² − 2x·z + ‖z‖² (a matrix
    product) with eps²; other p compare ρ = Σ|x_j − z_j|^p with eps^p."""
    sq = (X * X).sum(axis=1)
    rows, cols = [], []
    for start in range(0, X.shape[0], _CHUNK):
        Q = X[start:start + _CHUNK]
        if p == 2:
            R = np.maximum(sq[start:start + _CHUNK, None] - 2.0 * (Q @ X.T) + sq, 0.0)
        else:
            R = _reduced_distances(Q.T[:, :, None], X.T[:, None, :], p)
        i, j = np.nonzero(R <= _dist_to_rdist(np.asarray(eps, dtype=float), p))
        rows.append(i + start)
        cols.append(j)
    rows_, indices = np.concatenate(rows), np.concatenate(cols)
    indptr = np.zeros(X.shape[0] + 1, dtype=np.intp)
    np.cumsum(np.bincount(rows_, minlength=X.shape[0]), out=indptr[1:])
    return indptr, indices


def _components(core: NDArray[np.bool_], indptr: NDArray, indices: NDArray) -> NDArray:
    """For each point, the smallest index of a core point connected to it through core
    points (its own index for a non-core point): minimum-label propagation along the
    core–core edges, with pointer jumping, until nothing changes."""
    n = len(core)
    label = np.arange(n)
    while True:
        # each core point takes the smallest label among itself and its core neighbours
        values = np.where(core[indices], label[indices], n)
        new = np.where(core, np.minimum(label, np.minimum.reduceat(values, indptr[:-1])), label)
        new = new[new]  # jump: a label is a core point of the same component
        if np.array_equal(new, label):
            return label
        label = new


class DBSCAN(ClusterMixin, BaseEstimator):
    """Density-based spatial clustering of applications with noise.

    .. math::

        N_\\varepsilon(x_i) = \\{x_j : d(x_i, x_j) \\le \\varepsilon\\}, \\qquad
        x_i \\text{ core} \\iff \\sum_{x_j \\in N_\\varepsilon(x_i)} w_j \\ge
        \\text{min\\_samples}

    A cluster is a maximal set of core points linked by ε-neighbourhoods, together with the
    non-core (border) points in their neighbourhoods; the other points are noise.

    Parameters
    ----------
    eps : float > 0, default 0.5
        The neighbourhood radius (a point at distance exactly eps is a neighbour).
    min_samples : int ≥ 1, default 5
        Neighbours (or total weight) a core point needs, the point itself included.
    metric : {'euclidean', 'manhattan', 'chebyshev', 'minkowski'}, default 'euclidean'
    metric_params : dict or None, default None
        Only ``{'p': value}`` for 'minkowski'.
    algorithm : {'auto', 'kd_tree', 'brute'}, default 'auto'
        The neighbour search; 'auto' is scikit-learn's rule (a k-d tree unless there are
        more than 15 features or fewer than 12 samples).
    leaf_size : int ≥ 1, default 30
    p : float ≥ 1 or None, default None
        The exponent of 'minkowski' (None: 2).
    n_jobs : int or None
        Accepted for scikit-learn's signature; mathml runs in one process.

    Attributes
    ----------
    labels_ : ndarray of shape (n_samples,)
        The cluster of each point, −1 for noise.
    core_sample_indices_ : ndarray of shape (n_core,)
        Ascending.
    components_ : ndarray of shape (n_core, n_features)
        The core points (shape (0, n_features) when there are none), float32 for float32 X.
    n_features_in_ : int

    Raises
    ------
    ValueError
        scikit-learn's input checks (NaN, 1-D X, no samples), an invalid hyperparameter,
        p < 1, a sample_weight of the wrong shape.

    Notes
    -----
    *Algorithm*: 1. the ε-neighbourhood of every point (a k-d tree query of radius ε, or
    brute force); 2. the core points: neighbourhood weight ≥ min_samples; 3. the connected
    components of the core points; a cluster's number is the rank of its lowest-index
    core point — what scikit-learn's scan gives, which starts a cluster at each
    unlabelled core point in index order and grows it depth first; 4. a border point
    joins the lowest-numbered cluster among its core neighbours (the first cluster to
    grow reaches it first); the rest is noise.
    *Complexity*: the neighbour search, O(n log n) with the tree in low dimension (O(n²)
    brute force), plus O(n + Σ|N_ε|) per propagation sweep, O(log n) sweeps with
    pointer jumping on most graphs.
    *Numerical stability*: membership is a comparison with ε; the tree compares
    ρ = Σ|x_j − z_j|^p, summed in feature order, with ε^p exactly as scikit-learn, so
    neighbourhoods are identical; brute-force Euclidean compares ‖x‖² − 2x·z + ‖z‖² with
    ε², whose last bits depend on the matrix product, so distances within rounding of ε
    may fall on either side.

    References
    ----------
    Ester, Kriegel, Sander & Xu (1996), A density-based algorithm for discovering
    clusters in large spatial databases with noise, KDD-96.

    Checked against ``reference.cluster.DBSCAN`` → ``sklearn.cluster.DBSCAN``: identical
    labels, core indices and components (the brute-force Euclidean search only on inputs
    with no distance within rounding of eps).

    Examples
    --------
    >>> X = np.array([[1, 2], [2, 2], [2, 3], [8, 7], [8, 8], [25, 80]])
    >>> DBSCAN(eps=3, min_samples=2).fit(X).labels_.tolist()
    [0, 0, 0, 1, 1, -1]
    """

    _parameter_constraints = {
        "eps": [Interval(Real, 0.0, None, closed="neither")],
        "min_samples": [Interval(Integral, 1, None, closed="left")],
        "metric": [StrOptions({"euclidean", "manhattan", "chebyshev", "minkowski"})],
        "metric_params": [dict, None],
        "algorithm": [StrOptions({"auto", "kd_tree", "brute"})],
        "leaf_size": [Interval(Integral, 1, None, closed="left")],
        "p": [Interval(Real, 0.0, None, closed="left"), None],
        "n_jobs": [Integral, None],
    }

    def __init__(self, eps: float = 0.5, *, min_samples: int = 5, metric: str = "euclidean",
                 metric_params: dict | None = None, algorithm: str = "auto",
                 leaf_size: int = 30, p: float | None = None, n_jobs: int | None = None) -> None:
        self.eps = eps
        self.min_samples = min_samples
        self.metric = metric
        self.metric_params = metric_params
        self.algorithm = algorithm
        self.leaf_size = leaf_size
        self.p = p
        self.n_jobs = n_jobs

    def _neighborhoods(self, X: NDArray):
        """Step 1: the ε-neighbourhoods as CSR (indptr, indices)."""
        p = self.p if self.p is not None else (self.metric_params or {}).get("p")
        p = _metric_exponent(self.metric, p)
        method = _choose_algorithm(self.algorithm, X.shape, 5)  # NearestNeighbors' default k
        if method == "kd_tree":
            tree = KDTree(X, self.leaf_size, metric="minkowski", p=p)
            indptr, indices, _ = tree._radius_pairs(X, self.eps)
            return indptr, indices
        return _brute_neighborhoods(X, self.eps, p)

    def fit(self, X: ArrayLike, y: object = None,
            sample_weight: ArrayLike | None = None) -> DBSCAN:
        """Cluster the rows of X; returns self."""
        self._validate_hyperparameters()
        # the core points are rows of X: returned in X's own floating type (scikit-learn's)
        X_type = np.float32 if np.asarray(X).dtype == np.float32 else np.float64
        X = validate_data(self, X)
        # scikit-learn's DBSCAN takes p = 0, the NearestNeighbors it searches with does not
        _validate_parameter_constraints({"p": [Interval(Real, 0, None, closed="right"), None]},
                                        {"p": self.p}, "NearestNeighbors")
        n = X.shape[0]
        # Step 1: neighbourhoods (each point is its own neighbour).
        indptr, indices = self._neighborhoods(X)
        # Step 2: core points.
        if sample_weight is None:
            weight = np.diff(indptr).astype(float)
        else:
            w = check_sample_weight(sample_weight, n)
            weight = np.bincount(np.repeat(np.arange(n), np.diff(indptr)), weights=w[indices],
                                 minlength=n)
        core = weight >= self.min_samples
        # Step 3: clusters of core points, numbered by their lowest-index core point.
        root = _components(core, indptr, indices)
        labels = np.full(n, -1, dtype=np.intp)
        labels[core] = np.unique(root[core], return_inverse=True)[1]
        # Step 4: a border point joins the lowest-numbered cluster among its core neighbours.
        values = np.where(core[indices], labels[indices], n)
        nearest = np.minimum.reduceat(values, indptr[:-1])
        border = ~core & (nearest < n)
        labels[border] = nearest[border]
        self.labels_ = labels
        self.core_sample_indices_ = np.flatnonzero(core)
        self.components_ = X[self.core_sample_indices_].astype(X_type)
        return self
