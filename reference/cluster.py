"""Clustering through scikit-learn and `scipy.cluster.hierarchy`: the reference for
`mathml.cluster`."""
from __future__ import annotations

import scipy.cluster.hierarchy as _sch
import sklearn.cluster as _skc

__all__: list[str] = ["linkage", "fcluster", "AgglomerativeClustering"]


# --- hierarchical clustering -------------------------------------------------------------------

def linkage(y, method="single", metric="euclidean"):
    return _sch.linkage(y, method=method, metric=metric)


def fcluster(Z, t, criterion):
    # mathml implements the 'distance' and 'maxclust' criteria only, so it has no default
    # (SciPy's is 'inconsistent'); the wrapper takes the same two.
    if criterion not in ("distance", "maxclust"):
        raise ValueError(f"Invalid cluster formation criterion: {criterion}")
    return _sch.fcluster(Z, t, criterion=criterion)


class AgglomerativeClustering(_skc.AgglomerativeClustering):
    """scikit-learn's class with mathml's `__init__` (no connectivity: the full tree).

    Without connectivity scikit-learn always builds the full tree, as mathml does; memory
    (caching) changes nothing computed."""

    def __init__(self, n_clusters=2, *, metric="euclidean", linkage="ward",
                 distance_threshold=None, compute_distances=False):
        super().__init__(n_clusters=n_clusters, metric=metric, linkage=linkage,
                         distance_threshold=distance_threshold,
                         compute_distances=compute_distances)
