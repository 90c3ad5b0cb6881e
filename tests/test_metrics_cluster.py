"""Clustering scores beyond the catalog: each against its definition written out directly,
and the invariances a clustering score must have."""
import itertools
import math

import numpy as np
import pytest

from mathml import metrics
from reference.catalog.metrics._scores import _blobs
from reference.compare import TOLERANCES

EXACT = TOLERANCES["exact"].rtol


@pytest.fixture(params=[(0, 20, 2, 3), (1, 35, 3, 4), (2, 12, 1, 2)],
                ids=lambda p: f"seed{p[0]}-n{p[1]}-k{p[3]}")
def blobs(request):
    seed, n, p, k = request.param
    return _blobs(seed, n, p, k, spread=2.0)


def test_silhouette_is_its_definition(blobs):
    """Rousseeuw's a_i, b_i and s_i, point by point, with distances by differences."""
    X, c = blobs
    expected = []
    for i, x in enumerate(X):
        d = np.sqrt(((X - x) ** 2).sum(axis=1))
        own = (c == c[i]) & (np.arange(len(X)) != i)
        if not own.any():
            expected.append(0.0)
            continue
        a = d[own].mean()
        b = min(d[c == other].mean() for other in set(c) - {c[i]})
        expected.append((b - a) / max(a, b))
    got = metrics.silhouette_samples(X, c)
    # the expansion ‖x‖² − 2xᵀy + ‖y‖² vs differences: |Δd| ≲ eps·‖x‖²/d; the blobs lie
    # within |x| ≤ 7 and no two points closer than ~1e-2, so 1e-9 absolute is ample
    assert np.abs(got - expected).max() < 1e-9
    assert metrics.silhouette_score(X, c) == pytest.approx(np.mean(expected), abs=1e-9)
    assert np.all((-1 <= got) & (got <= 1))


def test_ari_is_the_rand_index_adjusted_by_its_expectation():
    """ARI from the pair counts of its definition: agreements over all C(n, 2) pairs."""
    rng = np.random.default_rng(4)
    u, v = rng.integers(0, 3, 25), rng.integers(0, 4, 25)
    pairs = list(itertools.combinations(range(25), 2))
    same_u = np.array([u[i] == u[j] for i, j in pairs])
    same_v = np.array([v[i] == v[j] for i, j in pairs])
    index, a, b = (same_u & same_v).sum(), same_u.sum(), same_v.sum()
    expected_index = a * b / math.comb(25, 2)
    ari = (index - expected_index) / ((a + b) / 2 - expected_index)
    assert metrics.adjusted_rand_score(u, v) == pytest.approx(ari, rel=EXACT)


def test_scores_do_not_depend_on_the_label_names(blobs):
    X, c = blobs
    renamed = np.array(["z", "y", "x", "w"])[c]
    for score in (metrics.silhouette_score, metrics.calinski_harabasz_score,
                  metrics.davies_bouldin_score):
        # renaming reorders the clusters, so their sums are added in another order
        assert score(X, renamed) == pytest.approx(score(X, c), rel=EXACT)
    assert metrics.adjusted_rand_score(c, renamed) == 1.0


def test_ari_is_symmetric_and_one_only_for_the_same_partition():
    rng = np.random.default_rng(5)
    u, v = rng.integers(0, 3, 40), rng.integers(0, 3, 40)
    assert metrics.adjusted_rand_score(u, v) == metrics.adjusted_rand_score(v, u)
    assert metrics.adjusted_rand_score(u, v) < 1.0


def test_calinski_harabasz_is_the_variance_ratio(blobs):
    X, c = blobs
    mu = X.mean(axis=0)
    labels = np.unique(c)
    B = sum((c == j).sum() * ((X[c == j].mean(axis=0) - mu) ** 2).sum() for j in labels)
    W = sum(((X[c == j] - X[c == j].mean(axis=0)) ** 2).sum() for j in labels)
    n, k = len(X), len(labels)
    assert metrics.calinski_harabasz_score(X, c) == pytest.approx(B / (k - 1) / (W / (n - k)),
                                                                   rel=EXACT)


def test_davies_bouldin_is_its_definition(blobs):
    X, c = blobs
    labels = np.unique(c)
    mu = np.array([X[c == j].mean(axis=0) for j in labels])
    s = np.array([np.sqrt(((X[c == j] - mu[j]) ** 2).sum(axis=1)).mean() for j in labels])
    worst = [max((s[i] + s[j]) / np.sqrt(((mu[i] - mu[j]) ** 2).sum())
                 for j in labels if j != i) for i in labels]
    # spreads by the expansion vs by differences: see test_silhouette_is_its_definition
    assert metrics.davies_bouldin_score(X, c) == pytest.approx(np.mean(worst), abs=1e-9)
