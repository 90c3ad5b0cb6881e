"""k-nearest-neighbour search (brute force or a k-d tree, vectorised), classification and
regression.

The estimators choose the search as scikit-learn's ``algorithm='auto'`` does for these
metrics: a k-d tree (`KDTree`) unless there are more than 15 features or n_neighbors ≥
n_samples // 2. The tree computes distances as scikit-learn's (feature by feature, the root
last), so its neighbours and distances are scikit-learn's; brute force as below.

Distances are Minkowski: ``d(x, z) = (Σ_j |x_j − z_j|^p)^{1/p}``. For p = 2 they come from
``‖x‖² + (‖z‖² − 2 x·z)`` (one matrix product), and since ‖x‖² is common to a query's
candidates, the neighbours are chosen on the bracket and ‖x‖² is added to the k chosen only;
other p from the differences directly.

Ties: the neighbours of a point are the training points sorted by distance with a *stable*
sort, so among equal distances the lower training index comes first (for p = 2, equal
values of ‖z‖² − 2x·z, the quantity compared). scikit-learn's
tree and brute-force searches do not promise an order among ties, so on data with tied
distances across the k-th neighbour the two may choose different neighbours; the catalog's
inputs are continuous (ties have probability 0).
"""
from ._kd_tree import KDTree
from ._knn import KNeighborsClassifier, KNeighborsRegressor
from ._knn import _k_smallest  # noqa: F401  (tests/test_neighbors.py)

__all__ = ["KDTree", "KNeighborsClassifier", "KNeighborsRegressor"]
