"""Specifics of `mathml.neighbors.KDTree` and the `algorithm` of the k-neighbours estimators:
the tree's answers are brute force's (ties by index), its structure is scikit-learn's, and
'auto' chooses as scikit-learn does."""
import numpy as np
import pytest
import sklearn.neighbors as sk

from mathml.exceptions import InvalidParameterError
from mathml.neighbors import KDTree, KNeighborsClassifier, KNeighborsRegressor

P_VALUES = (1.0, 2.0, 3.0, np.inf)


def brute_rho(X, Z, p):
    """ρ = Σ_j |x_j − z_j|^p summed in feature order (max for p = ∞), one pair at a time."""
    out = np.empty((len(X), len(Z)))
    for a, x in enumerate(X):
        for b, z in enumerate(Z):
            t = np.abs(x - z)
            if np.isinf(p):
                out[a, b] = t.max()
            else:
                s = 0.0
                for tj in t:
                    s += tj * tj if p == 2 else tj ** p
                out[a, b] = s
    return out


def brute_neighbours(X, Q, k, p):
    """The k nearest by (ρ, index): a stable sort of ρ."""
    rho = brute_rho(Q, X, p)
    index = np.argsort(rho, axis=1, kind="stable")[:, :k]
    return np.take_along_axis(rho, index, axis=1), index


@pytest.mark.parametrize("p", P_VALUES)
@pytest.mark.parametrize("seed", range(6))
def test_query_is_brute_force_with_ties_by_index(seed, p):
    """On an integer grid (many tied distances) the k nearest are brute force's, the lower
    index first among ties, whatever the leaf size and k (also k above the leaf size)."""
    rng = np.random.default_rng(seed)
    n, d = int(rng.integers(5, 120)), int(rng.integers(1, 4))
    X = rng.integers(0, 4, (n, d)).astype(float)
    Q = rng.integers(-1, 5, (15, d)).astype(float)
    k = int(rng.integers(1, n + 1))
    tree = KDTree(X, leaf_size=int(rng.integers(1, 12)), metric="minkowski", p=p)
    dist, ind = tree.query(Q, k=k)
    rho, expected = brute_neighbours(X, Q, k, p)
    np.testing.assert_array_equal(ind, expected)
    root = np.sqrt(rho) if p == 2 else rho if p in (1, np.inf) else rho ** (1 / p)
    np.testing.assert_array_equal(dist, root)


@pytest.mark.parametrize("p", P_VALUES)
def test_query_radius_is_brute_force(p):
    rng = np.random.default_rng(7)
    X = rng.integers(0, 5, (80, 2)).astype(float)
    Q = rng.integers(0, 5, (12, 2)).astype(float)
    r = np.array([0.0, 1.0, 2.0, 3.0] * 3)  # one radius per query; integers: exact at r
    tree = KDTree(X, leaf_size=3, metric="minkowski", p=p)
    ind, dist = tree.query_radius(Q, r, return_distance=True)
    reduced = r if p in (1, np.inf) else r ** p
    rho = brute_rho(Q, X, p)
    for i in range(len(Q)):
        expected = np.flatnonzero(rho[i] <= reduced[i])  # ascending index: our order
        np.testing.assert_array_equal(ind[i], expected)
    np.testing.assert_array_equal(tree.query_radius(Q, r, count_only=True),
                                  [len(a) for a in ind])
    ind_s, dist_s = tree.query_radius(Q, r, return_distance=True, sort_results=True)
    for i in range(len(Q)):
        order = np.lexsort((ind[i], dist[i]))
        np.testing.assert_array_equal(ind_s[i], ind[i][order])
        np.testing.assert_array_equal(dist_s[i], dist[i][order])


def test_a_point_exactly_at_r_is_inside():
    X = np.array([[0.0, 0.0], [3.0, 4.0], [3.0, 4.000001]])
    assert KDTree(X, leaf_size=1).query_radius([[0.0, 0.0]], 5.0)[0].tolist() == [0, 1]


@pytest.mark.parametrize("n, leaf_size", [(1, 40), (10, 40), (100, 7), (1000, 30), (257, 1)])
def test_structure_is_scikit_learns(n, leaf_size):
    """As many levels as scikit-learn, leaves of leaf_size to 2·leaf_size points (or all
    n when n < leaf_size), boxes that hold their points, a permutation of the indices."""
    X = np.random.default_rng(n).normal(size=(n, 3))
    tree = KDTree(X, leaf_size=leaf_size)
    reference = sk.KDTree(X, leaf_size=leaf_size)
    assert 2 ** tree.n_levels - 1 == len(reference.get_arrays()[2])
    np.testing.assert_array_equal(np.sort(tree.idx_array), np.arange(n))
    sizes = tree._end[tree._leaves] - tree._start[tree._leaves]
    assert sizes.min() >= min(leaf_size, n) and sizes.max() <= max(2 * leaf_size, n)
    for i in range(len(tree._start)):
        points = X[tree.idx_array[tree._start[i]:tree._end[i]]]
        np.testing.assert_array_equal(tree.node_bounds[0, i], points.min(axis=0))
        np.testing.assert_array_equal(tree.node_bounds[1, i], points.max(axis=0))


def test_sort_results_needs_distances():
    tree = KDTree(np.eye(3))
    with pytest.raises(ValueError, match="return_distance must be True if sort_results"):
        tree.query_radius(np.eye(3), 1.0, sort_results=True)


@pytest.mark.parametrize("shape, k", [((100, 3), 5), ((100, 16), 5), ((100, 15), 5),
                                      ((20, 2), 10), ((21, 2), 10), ((11, 2), 5)])
def test_auto_chooses_as_scikit_learn(shape, k):
    X = np.random.default_rng(0).normal(size=shape)
    y = np.arange(shape[0]) % 2
    ours = KNeighborsClassifier(n_neighbors=k).fit(X, y)
    theirs = sk.KNeighborsClassifier(n_neighbors=k).fit(X, y)
    assert ours._fit_method == theirs._fit_method


@pytest.mark.parametrize("Model", [KNeighborsClassifier, KNeighborsRegressor])
@pytest.mark.parametrize("p", P_VALUES)
def test_every_algorithm_finds_the_same_neighbours(Model, p):
    rng = np.random.default_rng(3)
    X, y = rng.normal(size=(200, 3)), rng.integers(0, 3, 200)
    X_test = rng.normal(size=(40, 3))
    fitted = {a: Model(n_neighbors=4, algorithm=a, leaf_size=5, p=p).fit(X, y)
              for a in ("auto", "kd_tree", "brute")}
    assert fitted["auto"]._fit_method == "kd_tree"
    indices = {a: m.kneighbors(X_test)[1] for a, m in fitted.items()}
    np.testing.assert_array_equal(indices["kd_tree"], indices["brute"])
    np.testing.assert_array_equal(indices["auto"], indices["kd_tree"])


def test_ball_tree_is_not_offered():
    X, y = np.eye(4), [0, 1, 0, 1]
    with pytest.raises(InvalidParameterError, match="'algorithm' parameter"):
        KNeighborsClassifier(n_neighbors=1, algorithm="ball_tree").fit(X, y)
