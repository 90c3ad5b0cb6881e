"""Specifics of `mathml.neighbors`: the documented tie-breaking."""
import numpy as np

from mathml.neighbors import KNeighborsClassifier, _k_smallest


def test_k_smallest_is_a_stable_sort_prefix():
    rng = np.random.default_rng(0)
    for _ in range(500):
        m, n = rng.integers(1, 6), rng.integers(1, 30)
        k = int(rng.integers(1, n + 1))
        D = rng.integers(0, 4, (m, n)).astype(float)  # many ties
        np.testing.assert_array_equal(_k_smallest(D, k),
                                      np.argsort(D, axis=1, kind="stable")[:, :k])


def test_equidistant_neighbours_are_taken_by_training_index():
    """Two training points at distance 1 from the query, k = 1: the first one wins."""
    X = np.array([[-1.0], [1.0]])
    model = KNeighborsClassifier(n_neighbors=1).fit(X, ["left", "right"])
    assert model.predict([[0.0]]).tolist() == ["left"]
    model = KNeighborsClassifier(n_neighbors=1).fit(X[::-1], ["right", "left"])
    assert model.predict([[0.0]]).tolist() == ["right"]


def test_zero_distance_takes_all_the_weight():
    X = np.array([[0.0], [1.0], [2.0]])
    model = KNeighborsClassifier(n_neighbors=3, weights="distance").fit(X, [0, 1, 1])
    np.testing.assert_array_equal(model.predict_proba([[0.0]]), [[1.0, 0.0]])
