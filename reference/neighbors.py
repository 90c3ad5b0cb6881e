"""Nearest neighbours through scikit-learn: the reference for `mathml.neighbors`.

scikit-learn's classes with mathml's `__init__` (the metrics mathml offers; `algorithm` passed
through, 'ball_tree' excepted: mathml offers no ball tree, and for these metrics
scikit-learn's 'auto' never chooses one); `kneighbors_graph` dense (``.toarray()``), as
mathml has no sparse matrices.
"""
from __future__ import annotations

import numpy as np
import sklearn.neighbors as sk

__all__ = ["KDTree", "KNeighborsClassifier", "KNeighborsRegressor"]


class KDTree:
    """`sklearn.neighbors.KDTree` with `data` as an ndarray (scikit-learn keeps a memoryview)."""

    def __init__(self, X, leaf_size=40, metric="minkowski", **kwargs):
        self._tree = sk.KDTree(X, leaf_size=leaf_size, metric=metric, **kwargs)
        self.data = np.asarray(self._tree.data)
        self.leaf_size, self.metric = leaf_size, metric

    def query(self, X, k=1, return_distance=True):
        return self._tree.query(X, k=k, return_distance=return_distance)

    def query_radius(self, X, r, return_distance=False, count_only=False, sort_results=False):
        return self._tree.query_radius(X, r, return_distance=return_distance,
                                       count_only=count_only, sort_results=sort_results)


class _DenseGraph:
    def kneighbors_graph(self, X=None, n_neighbors=None, mode="connectivity"):
        # mathml has no sparse matrices: scikit-learn's CSR graph as a dense array
        return super().kneighbors_graph(X, n_neighbors, mode).toarray()


class KNeighborsClassifier(_DenseGraph, sk.KNeighborsClassifier):
    def __init__(self, n_neighbors=5, *, weights="uniform", algorithm="auto", leaf_size=30, p=2,
                 metric="minkowski"):
        super().__init__(n_neighbors=n_neighbors, weights=weights, algorithm=algorithm,
                         leaf_size=leaf_size, p=p, metric=metric)


class KNeighborsRegressor(_DenseGraph, sk.KNeighborsRegressor):
    def __init__(self, n_neighbors=5, *, weights="uniform", algorithm="auto", leaf_size=30, p=2,
                 metric="minkowski"):
        super().__init__(n_neighbors=n_neighbors, weights=weights, algorithm=algorithm,
                         leaf_size=leaf_size, p=p, metric=metric)
