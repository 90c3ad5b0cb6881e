"""Specifics of `mathml.cluster.KMeans` and `kmeans_plusplus`: bit-for-bit agreement with
scikit-learn (run single-threaded by the reference wrapper) on the paths the catalog's cases
may not all reach, the random draws, the warnings and the errors."""
from __future__ import annotations

import warnings

import numpy as np
import pytest

import mathml.cluster as ml
import reference.cluster as ref
from mathml.cluster._kmeans import (_draw_distinct, _draw_index, _is_same_clustering,
                                    _textbook_KMeans)
from mathml.exceptions import ConvergenceWarning


def _blobs(seed: int, n: int, d: int, centres: int, spread: float) -> np.ndarray:
    rng = np.random.default_rng(seed)
    C = rng.uniform(-10, 10, (centres, d))
    return C[rng.integers(0, centres, n)] + spread * rng.uniform(-1.7, 1.7, (n, d))


def _fit_both(X, sample_weight=None, **params):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the same warnings are tested below
        return (ml.KMeans(**params).fit(X, sample_weight=sample_weight),
                ref.KMeans(**params).fit(X, sample_weight=sample_weight))


def _assert_identical(got, expected, X, sample_weight=None):
    """Identical fitted attributes and method outputs: no tolerance at all."""
    np.testing.assert_array_equal(got.labels_, expected.labels_)
    assert got.n_iter_ == expected.n_iter_
    np.testing.assert_array_equal(got.cluster_centers_, expected.cluster_centers_)
    assert got.inertia_ == expected.inertia_
    np.testing.assert_array_equal(got.predict(X), expected.predict(X))
    np.testing.assert_array_equal(got.transform(X), expected.transform(X))
    assert got.score(X, sample_weight=sample_weight) == \
        expected.score(X, sample_weight=sample_weight)


@pytest.mark.parametrize("seed", range(24))
def test_bitwise_agreement_on_random_configurations(seed):
    """Sizes around the 256-sample blocks, k from 1 to 12, both inits, 1/3/'auto' runs,
    weights, and max_iter=4 (runs that stop on the iteration limit or on tol)."""
    rng = np.random.default_rng(1000 + seed)
    n = int(rng.choice([9, 60, 255, 256, 257, 700, 2000]))
    d = int(rng.integers(1, 13))
    k = int(rng.integers(1, 13))
    X = _blobs(seed, n, d, int(rng.integers(1, 10)), float(rng.uniform(0.2, 5)))
    w = rng.uniform(0.1, 3, n) if seed % 3 == 0 else None
    params = dict(n_clusters=k, init=("k-means++", "random")[seed % 2],
                  n_init=(1, 3, "auto")[seed % 3], max_iter=(300, 4)[seed % 4 == 0],
                  random_state=seed)
    got, expected = _fit_both(X, w, **params)
    _assert_identical(got, expected, X, w)


def test_given_centres_and_a_callable_init():
    X = _blobs(3, 500, 3, 4, 2.0)
    init = X[[0, 100, 200, 300]] + 0.5
    _assert_identical(*_fit_both(X, n_clusters=4, init=init), X)
    pick = lambda X, k, random_state: X[random_state.permutation(len(X))[:k]]  # noqa: E731
    _assert_identical(*_fit_both(X, n_clusters=4, init=pick, random_state=7), X)


def test_empty_cluster_is_given_the_farthest_sample():
    """A starting centre far from every sample has no sample: scikit-learn's relocation
    gives it the sample farthest from its centre, and the fit uses all k clusters."""
    X = _blobs(4, 300, 2, 3, 1.0)
    init = np.array([[100.0, 100.0], [-100.0, 50.0], *X[:2]])
    got, expected = _fit_both(X, n_clusters=4, init=init)
    _assert_identical(got, expected, X)
    assert len(np.unique(got.labels_)) == 4


def test_duplicates_fewer_distinct_points_than_clusters():
    """Two distinct values, k = 3: relocation cannot help (every distance is 0); the empty
    cluster takes the heaviest centre, and a ConvergenceWarning says so."""
    X = np.array([[0.0, 0.0]] * 4 + [[1.0, 1.0]] * 3)
    for model in (ml.KMeans, ref.KMeans):  # each library's own ConvergenceWarning
        with pytest.warns(UserWarning, match=r"Number of distinct clusters \(2\) found "
                          r"smaller than n_clusters \(3\)\. Possibly due to duplicate "
                          r"points in X\.") as caught:
            model(n_clusters=3, random_state=0).fit(X)
        assert {type(w.message).__name__ for w in caught} == {"ConvergenceWarning"}
    got, expected = _fit_both(X, n_clusters=3, random_state=0)
    _assert_identical(got, expected, X)
    # the empty cluster sits on the heaviest cluster's centre: the 4 points at 0
    np.testing.assert_array_equal(got.cluster_centers_, [[0, 0], [1, 1], [0, 0]])
    for seed in range(10):
        _assert_identical(*_fit_both(X, n_clusters=3, init="random", random_state=seed), X)


def test_identical_points_and_tied_grid():
    X = np.ones((5, 2))
    with pytest.warns(ConvergenceWarning, match=r"distinct clusters \(1\)"):
        ml.KMeans(n_clusters=2, random_state=0).fit(X)
    grid = np.array([[i, j] for i in range(4) for j in range(4)], dtype=float)
    for k in (2, 3, 4, 5):
        _assert_identical(*_fit_both(grid, n_clusters=k, random_state=k), grid)


def test_column_major_input():
    """scikit-learn copies X to row-major order in fit and predict (the row norms are summed
    in another order on a column-major array), and keeps the caller's layout in
    kmeans_plusplus: both are reproduced."""
    X = np.asfortranarray(_blobs(5, 400, 3, 3, 3.0))
    _assert_identical(*_fit_both(X, n_clusters=4, random_state=0), X)
    for a, b in zip(ml.kmeans_plusplus(X, 4, random_state=1),
                    ref.kmeans_plusplus(X, 4, random_state=1)):
        np.testing.assert_array_equal(a, b)


def test_kmeans_plusplus_matches():
    for seed in range(20):
        rng = np.random.default_rng(seed)
        X = rng.uniform(-1, 1, (150, 4))
        w = rng.uniform(0, 2, 150)
        trials = (None, 1, 5)[seed % 3]
        got = ml.kmeans_plusplus(X, 6, sample_weight=w, random_state=seed,
                                 n_local_trials=trials)
        expected = ref.kmeans_plusplus(X, 6, sample_weight=w, random_state=seed,
                                       n_local_trials=trials)
        np.testing.assert_array_equal(got[1], expected[1])
        np.testing.assert_array_equal(got[0], expected[0])


def test_draws_are_randomstate_choice():
    """The uniform-based draws reproduce RandomState.choice with p, with and without
    replacement (zero probabilities included)."""
    for seed in range(200):
        rng = np.random.default_rng(seed)
        n = int(rng.integers(1, 40))
        p = rng.uniform(0, 1, n) * (rng.uniform(0, 1, n) < 0.8)
        if p.sum() == 0:
            p[0] = 1.0
        p /= p.sum()
        a, b = np.random.RandomState(seed), np.random.RandomState(seed)
        assert _draw_index(a, p) == b.choice(n, p=p)
        k = int(rng.integers(1, np.count_nonzero(p) + 1))
        np.testing.assert_array_equal(_draw_distinct(a, p, k), b.choice(n, k, replace=False, p=p))
        assert a.random_sample() == b.random_sample()  # the streams stay in step


def test_is_same_clustering():
    assert _is_same_clustering(np.array([0, 0, 1, 2]), np.array([2, 2, 0, 1]))
    assert not _is_same_clustering(np.array([0, 0, 1, 2]), np.array([2, 1, 0, 1]))


def test_explicit_centres_force_one_run():
    X = _blobs(0, 40, 2, 2, 1.0)
    for model in (ml.KMeans, ref.KMeans):
        with pytest.warns(RuntimeWarning, match="Explicit initial center position passed: "
                          "performing only one init in KMeans instead of n_init=3"):
            model(n_clusters=2, init=X[:2], n_init=3).fit(X)


@pytest.mark.parametrize("params, X, match", [
    (dict(n_clusters=3), np.zeros((2, 2)), r"n_samples=2 should be >= n_clusters=3\."),
    (dict(n_clusters=2, init=np.zeros((3, 2))), np.arange(10.0).reshape(5, 2),
     r"The shape of the initial centers \(3, 2\) does not match the number of clusters 2\."),
    (dict(n_clusters=2, init=np.zeros((2, 3))), np.arange(10.0).reshape(5, 2),
     r"does not match the number of features of the data 2\."),
    (dict(n_clusters=0), np.zeros((2, 2)), r"The 'n_clusters' parameter of KMeans must be"),
    (dict(n_init=0), np.zeros((9, 2)), r"The 'n_init' parameter of KMeans must be"),
    (dict(tol=-1.0), np.zeros((9, 2)), r"The 'tol' parameter of KMeans must be"),
    (dict(algorithm="elkan"), np.zeros((9, 2)), r"The 'algorithm' parameter of KMeans must"),
    (dict(random_state="a"), np.zeros((9, 2)), r"The 'random_state' parameter of KMeans must "
     r"be an int in the range \[0, 4294967295\], an instance of "
     r"'numpy.random.mtrand.RandomState' or None"),
])
def test_errors_as_scikit_learn(params, X, match):
    for model in (ml.KMeans, ref.KMeans):
        with pytest.raises(ValueError, match=match):
            model(**params).fit(X)


def test_sample_weight_errors():
    X = np.arange(10.0).reshape(5, 2)
    for model in (ml.KMeans, ref.KMeans):
        with pytest.raises(ValueError, match=r"sample_weight.shape == \(4,\), expected \(5,\)!"):
            model(n_clusters=2).fit(X, sample_weight=np.ones(4))
        with pytest.raises(ValueError, match="at least one non-zero number"):
            model(n_clusters=2).fit(X, sample_weight=np.zeros(5))
    for plusplus in (ml.kmeans_plusplus, ref.kmeans_plusplus):
        with pytest.raises(ValueError, match=r"n_samples=5 should be >= n_clusters=6\."):
            plusplus(X, 6)
        with pytest.raises(ValueError, match="The 'n_local_trials' parameter of "
                           "kmeans_plusplus must be"):
            plusplus(X, 2, n_local_trials=0)


@pytest.mark.parametrize("seed", range(8))
def test_textbook_kmeans_is_the_same_algorithm(seed):
    """`mathml show cluster.KMeans` opens with `_textbook_KMeans` (plain k-means++, then
    assign and move until no label changes): from the same draws it picks the same seeds as
    kmeans_plusplus with one trial, and KMeans from those seeds (tol=0: run to a fixed point)
    ends at the same labels and, up to the order of the sums, the same centres."""
    X = _blobs(seed, 300, 3, 5, 2.5)
    k = 2 + seed % 4
    seeds, _ = ml.kmeans_plusplus(X, k, random_state=seed, n_local_trials=1)
    mu, labels = _textbook_KMeans(X, k, random_state=seed)
    model = ml.KMeans(n_clusters=k, init=seeds, tol=0.0).fit(X)
    np.testing.assert_array_equal(labels, model.labels_)
    # means of the same points summed in another order: a few ulps of max|x| ≈ 12
    np.testing.assert_allclose(mu, model.cluster_centers_, rtol=0, atol=1e-12)
