"""Clustering, written from scratch: k-means (Lloyd's iterations after k-means++ seeding),
hierarchical clustering (SciPy's `linkage` and `fcluster`, scikit-learn's
`AgglomerativeClustering`) and DBSCAN. Mirrors `sklearn.cluster` and `scipy.cluster.hierarchy`.
"""
__all__: list[str] = []

from ._dbscan import DBSCAN  # noqa: E402

__all__ += ["DBSCAN"]
