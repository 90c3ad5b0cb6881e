"""Clustering through scikit-learn and `scipy.cluster.hierarchy`: the reference for
`mathml.cluster`."""
from __future__ import annotations

import numpy as np
import scipy.cluster.hierarchy as _sch
import sklearn.cluster as _skc
from sklearn.utils._param_validation import StrOptions
from threadpoolctl import ThreadpoolController

__all__: list[str] = ["KMeans", "kmeans_plusplus", "linkage", "fcluster", "inconsistent",
                      "AgglomerativeClustering", "DBSCAN"]


# --- k-means ----------------------------------------------------------------------------------

# scikit-learn's Lloyd loop runs on OpenMP threads, each summing its share of the samples, and
# the order of those partial sums moves the centres by ~1e-15: the reference runs on one thread
# (the controller is made after sklearn.cluster has loaded its OpenMP runtime).
_THREADS = ThreadpoolController()


def _one_thread(method):
    def wrapped(self, *args, **kwargs):
        with _THREADS.limit(limits=1, user_api="openmp"):
            return method(self, *args, **kwargs)
    wrapped.__name__, wrapped.__doc__ = method.__name__, method.__doc__
    return wrapped


class KMeans(_skc.KMeans):
    # mathml implements Lloyd's algorithm only: 'elkan' is refused here too (same message)
    _parameter_constraints = {**_skc.KMeans._parameter_constraints,
                              "algorithm": [StrOptions({"lloyd"})]}

    def __init__(self, n_clusters=8, *, init="k-means++", n_init="auto", max_iter=300,
                 tol=1e-4, random_state=None, copy_x=True, algorithm="lloyd"):
        super().__init__(n_clusters=n_clusters, init=init, n_init=n_init, max_iter=max_iter,
                         tol=tol, random_state=random_state, copy_x=copy_x,
                         algorithm=algorithm)

    fit = _one_thread(_skc.KMeans.fit)
    predict = _one_thread(_skc.KMeans.predict)
    score = _one_thread(_skc.KMeans.score)


kmeans_plusplus = _skc.kmeans_plusplus


# --- hierarchical clustering -------------------------------------------------------------------

def linkage(y, method="single", metric="euclidean"):
    return _sch.linkage(y, method=method, metric=metric)


def _check_indices(Z):
    """SciPy's `is_valid_linkage` lets NaN and fractional cluster indices through to C code
    that then reads out of bounds and crashes the interpreter: refuse them first, with
    mathml's message."""
    Z = np.asarray(Z)
    if Z.ndim == 2 and Z.shape[1] == 4 and np.issubdtype(Z.dtype, np.number):
        indices = Z[:, :2]
        if not np.all(np.isfinite(indices) & (indices == np.round(indices))):
            raise ValueError("Linkage 'Z' contains non-integer or non-finite cluster indices.")


def fcluster(Z, t, criterion="inconsistent", depth=2, R=None):
    # mathml implements the 'inconsistent', 'distance' and 'maxclust' criteria (not SciPy's
    # 'monocrit' and 'maxclust_monocrit'); the wrapper takes the same three.
    if criterion not in ("inconsistent", "distance", "maxclust"):
        raise ValueError(f"Invalid cluster formation criterion: {criterion}")
    _check_indices(Z)
    return _sch.fcluster(Z, t, criterion=criterion, depth=depth, R=R)


def inconsistent(Z, d=2):
    _check_indices(Z)
    return _sch.inconsistent(Z, d)


class AgglomerativeClustering(_skc.AgglomerativeClustering):
    """scikit-learn's class with mathml's `__init__` (no connectivity: the full tree).

    Without connectivity scikit-learn always builds the full tree, as mathml does; memory
    (caching) changes nothing computed."""

    def __init__(self, n_clusters=2, *, metric="euclidean", linkage="ward",
                 distance_threshold=None, compute_distances=False):
        super().__init__(n_clusters=n_clusters, metric=metric, linkage=linkage,
                         distance_threshold=distance_threshold,
                         compute_distances=compute_distances)


# --- DBSCAN ----------------------------------------------------------------------------------

class DBSCAN(_skc.DBSCAN):
    """`sklearn.cluster.DBSCAN` restricted to mathml's metrics (euclidean, manhattan,
    chebyshev, minkowski). With metric='minkowski' and p=None scikit-learn 1.9 fails
    (its 'auto' rule compares None with 1) although it documents p=None as p=2: the
    wrapper passes p=2 then."""

    def __init__(self, eps=0.5, *, min_samples=5, metric="euclidean", metric_params=None,
                 algorithm="auto", leaf_size=30, p=None, n_jobs=None):
        super().__init__(eps=eps, min_samples=min_samples, metric=metric,
                         metric_params=metric_params, algorithm=algorithm,
                         leaf_size=leaf_size, p=p, n_jobs=n_jobs)

    def fit(self, X, y=None, sample_weight=None):
        if self.metric == "minkowski" and self.p is None and not (self.metric_params or {}):
            try:
                self.p = 2
                return super().fit(X, y, sample_weight)
            finally:
                self.p = None
        return super().fit(X, y, sample_weight)
