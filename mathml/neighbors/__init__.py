"""k-nearest-neighbour search (brute force or a k-d tree, vectorised), classification and
regression.

The estimators choose the search as scikit-learn's ``algorithm='auto'`` does: a k-d tree
(`KDTree`) unless there are more than 15 features, n_neighbors ≥ n_samples // 2, or the
metric is one the tree cannot search (cosine, Minkowski with p < 1). The tree computes
distances as scikit-learn's (feature by feature, the root last), so its neighbours and
distances are scikit-learn's; brute force as below.

Metrics: Minkowski ``d(x, z) = (Σ_j |x_j − z_j|^p)^{1/p}`` (p = 1 'manhattan', 2
'euclidean', ∞ 'chebyshev' = max_j) and 'cosine' ``1 − x·z / (‖x‖ ‖z‖)``. Brute force, as
scikit-learn's: for the Euclidean metric from ``‖x‖² + (‖z‖² − 2 x·z)`` (one matrix
product; since ‖x‖² is common to a query's candidates, the neighbours are chosen on the
bracket and ‖x‖² is added to the k chosen only); other Minkowski metrics on the reduced
distance Σ_j |x_j − z_j|^p, summed feature by feature, the root taken of the k chosen;
cosine from the unit-length rows and one matrix product.

``kneighbors()`` without X gives each training point's neighbours other than itself;
``kneighbors_graph`` is a dense matrix (scikit-learn's is sparse CSR: mathml has no sparse
matrices, compare with its ``.toarray()``).

Ties: the neighbours of a point are the training points sorted by distance with a *stable*
sort, so among equal distances the lower training index comes first (for the Euclidean
brute force, equal values of ‖z‖² − 2x·z, the quantity compared). scikit-learn's k-d tree
and its brute force (its ``ArgKmin``) keep a max-heap per query, filled in their visiting
order, then sort it with an introsort that is not stable (and the tree's nodes come from
C++'s ``nth_element``, whose order among equal coordinates is the standard library's): on
data with tied distances the two may order tied neighbours differently, or choose different
ones across the k-th, and that order is not reproduced here. For 'cosine' scikit-learn
takes numpy's ``argpartition`` and ``argsort`` of all the distances, and so does mathml:
there the order among ties is the same. The catalog's inputs are continuous (ties have
probability 0).
"""
from ._kd_tree import KDTree
from ._knn import KNeighborsClassifier, KNeighborsRegressor
from ._knn import _k_smallest  # noqa: F401  (tests/test_neighbors.py)

__all__ = ["KDTree", "KNeighborsClassifier", "KNeighborsRegressor"]
