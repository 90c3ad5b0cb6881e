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
cosine from the unit-length rows and one matrix product. The k nearest of a query are
chosen without sorting its row: its entries at most τ, the k-th smallest of the minima of
64 groups of columns (so at least k entries are ≤ τ), are sorted by (distance, index)
and the first k taken (`_knn._k_smallest_with_ties`).

``kneighbors()`` without X gives each training point's neighbours other than itself;
``kneighbors_graph`` is a dense matrix (scikit-learn's is sparse CSR: mathml has no sparse
matrices, compare with its ``.toarray()``).

Ties. Brute force gives scikit-learn's neighbours and order also among equal distances:
scikit-learn's brute-force search keeps a max-heap of k per query (a point equal to the
heap's largest is not taken), fed in training-index order — by chunks of 256 points shared
among its OpenMP threads, one heap per thread merged at the end, when there are no more
queries than training points — and sorts it by an introsort that is not stable. Rows whose k
nearest involve no tied distance are the same as a plain sort; the others are replayed step
by step (`_knn._scikit_learn_ties`), with the thread count scikit-learn would use here
(OMP_NUM_THREADS, else the CPUs available; it matters only beyond 256 training points). For
'cosine' scikit-learn ranks all the distances with numpy's ``argpartition`` and ``argsort``,
and so does mathml. The k-d tree takes the lower training index first among equal distances;
scikit-learn's tree orders them by its own heap and node layout (its nodes are split by C++'s
``nth_element``, whose order among equal coordinates is the standard library's), which is not
reproduced: on tied data the two trees may order tied neighbours differently or choose
different ones across the k-th. (The Euclidean brute force compares ‖z‖² − 2x·z, whose
rounding may differ from scikit-learn's blocked matrix product in the last bit: exact ties
are the same only where both are exact, e.g. small integers.)
"""
from ._kd_tree import KDTree
from ._knn import KNeighborsClassifier, KNeighborsRegressor
from ._knn import _k_smallest  # noqa: F401  (tests/test_neighbors.py)

__all__ = ["KDTree", "KNeighborsClassifier", "KNeighborsRegressor"]
