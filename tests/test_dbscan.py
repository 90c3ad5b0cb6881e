"""Specifics of `mathml.cluster.DBSCAN`: its vectorised labelling is scikit-learn's scan
(clusters started at core points in index order, grown depth first), also where border
points are shared and distances equal eps."""
import numpy as np
import pytest
import sklearn.cluster as skc

from mathml.cluster import DBSCAN


def scan_labels(X, eps, min_samples, p=2.0, sample_weight=None):
    """DBSCAN as scikit-learn's `_dbscan_inner` runs it, one point at a time: neighbours by
    brute force (ρ ≤ eps^p), a stack for the depth-first growth."""
    n = len(X)
    t = np.abs(X[:, None, :] - X[None, :, :])
    rho = t.max(axis=2) if np.isinf(p) else (t ** p).sum(axis=2)
    neighbours = [np.flatnonzero(row <= (eps if np.isinf(p) else eps ** p)) for row in rho]
    w = np.ones(n) if sample_weight is None else np.asarray(sample_weight, float)
    core = np.array([w[nb].sum() >= min_samples for nb in neighbours])
    labels = np.full(n, -1)
    label = 0
    for i in range(n):
        if labels[i] != -1 or not core[i]:
            continue
        stack = [i]
        while stack:
            j = stack.pop()
            if labels[j] != -1:
                continue
            labels[j] = label
            if core[j]:
                stack.extend(v for v in neighbours[j] if labels[v] == -1)
        label += 1
    return labels, np.flatnonzero(core)


def grid(seed, n=60, d=2, high=6):
    """Integer points: many tied distances, many exactly equal to an integer eps; every
    squared distance is an exact integer, so both libraries compare it exactly."""
    return np.random.default_rng(seed).integers(0, high, (n, d)).astype(float)


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("metric, p", [("euclidean", 2.0), ("manhattan", 1.0),
                                       ("chebyshev", np.inf)])
def test_labels_are_the_scan(seed, metric, p):
    X = grid(seed, n=40 + seed * 7, d=1 + seed % 3)
    eps, min_samples = 1.0 + seed % 3, 2 + seed % 5
    model = DBSCAN(eps=eps, min_samples=min_samples, metric=metric, leaf_size=1 + seed).fit(X)
    labels, core = scan_labels(X, eps, min_samples, p)
    np.testing.assert_array_equal(model.labels_, labels)
    np.testing.assert_array_equal(model.core_sample_indices_, core)


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("algorithm", ["kd_tree", "brute"])
def test_identical_to_scikit_learn_with_distances_at_eps(seed, algorithm):
    """Tied distances and distances exactly eps (integer grid, integer eps): the same labels
    as scikit-learn, shared border points included."""
    X = grid(seed, n=30 + seed * 11, d=1 + seed % 3)
    params = dict(eps=float(1 + seed % 3), min_samples=2 + seed % 6, algorithm=algorithm)
    ours, theirs = DBSCAN(**params).fit(X), skc.DBSCAN(**params).fit(X)
    np.testing.assert_array_equal(ours.labels_, theirs.labels_)
    np.testing.assert_array_equal(ours.core_sample_indices_, theirs.core_sample_indices_)


def test_shared_border_point_goes_to_the_first_cluster():
    """12 is within eps of 4 (core of the cluster {0..4}) and of 20 (core of {20..24}) but
    has 3 < 4 neighbours: it joins the cluster found first, which depends on row order."""
    X = np.array([[0.0], [1], [2], [3], [4], [12], [20], [21], [22], [23], [24]])
    labels = DBSCAN(eps=8.4, min_samples=4).fit(X).labels_
    assert labels.tolist() == [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1]
    reversed_labels = DBSCAN(eps=8.4, min_samples=4).fit(X[::-1]).labels_[::-1]
    assert reversed_labels.tolist() == [1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0]


def test_no_core_point():
    model = DBSCAN(eps=0.1, min_samples=2).fit(np.arange(6.0).reshape(3, 2))
    assert model.labels_.tolist() == [-1, -1, -1]
    assert model.components_.shape == (0, 2)
    assert model.core_sample_indices_.shape == (0,)


def test_sample_weight_counts_as_neighbours():
    X = np.array([[0.0], [10.0], [10.5], [30.0]])
    w = [5, 1, 1, 0.5]
    labels = DBSCAN(eps=1.0, min_samples=5).fit(X, sample_weight=w).labels_
    assert labels.tolist() == [0, -1, -1, -1]  # one point of weight 5 is a cluster alone
    np.testing.assert_array_equal(labels, scan_labels(X, 1.0, 5, sample_weight=w)[0])


def test_fit_predict_returns_the_labels():
    X = grid(3)
    model = DBSCAN(eps=1.0, min_samples=3)
    np.testing.assert_array_equal(model.fit_predict(X), model.fit(X).labels_)
