"""Clustering through scikit-learn and `scipy.cluster.hierarchy`: the reference for
`mathml.cluster`."""
from __future__ import annotations

__all__: list[str] = []

# --- DBSCAN ---------------------------------------------------------------------------------------
import sklearn.cluster as _skc  # noqa: E402


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


__all__ += ["DBSCAN"]
