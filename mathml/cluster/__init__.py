"""Clustering, written from scratch: k-means (Lloyd's iterations after k-means++ seeding),
hierarchical clustering (SciPy's `linkage` and `fcluster`, scikit-learn's
`AgglomerativeClustering`) and DBSCAN. Mirrors `sklearn.cluster` and `scipy.cluster.hierarchy`.
"""
from ._dbscan import DBSCAN
from ._hierarchy import AgglomerativeClustering, fcluster, inconsistent, linkage
from ._kmeans import KMeans, kmeans_plusplus

__all__: list[str] = ["KMeans", "kmeans_plusplus", "linkage", "fcluster", "inconsistent",
                      "AgglomerativeClustering", "DBSCAN"]
