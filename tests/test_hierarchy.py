"""Hierarchical clustering beyond the catalog: the fast algorithms against the textbook one,
bitwise agreement with SciPy and scikit-learn on many tied inputs, the heap, the cuts."""
from __future__ import annotations


import numpy as np
import pytest
import scipy.cluster.hierarchy as sch
import sklearn.cluster as skc

from mathml.cluster import AgglomerativeClustering, fcluster, linkage
from mathml.cluster._hierarchy import (METHODS, _IndexedHeap, _pairwise_distances,
                                       _textbook_linkage)
from reference.catalog.cluster._hierarchy import blobs, condensed, grid
from reference.compare import TOLERANCES

EXACT = TOLERANCES["exact"]


@pytest.mark.parametrize("method", METHODS)
def test_fast_algorithms_agree_with_the_textbook_one(method):
    """Prim, the chain and the generic algorithm compute the textbook hierarchy: the same
    merges and ids on tie-free data; heights to rounding (the updates happen in another
    order, so the last bit may differ: MODELS.md measured 1.1e-16 for average)."""
    for seed in range(20):
        X = blobs(seed, n=25, p=3)
        fast = linkage(X, method)
        slow = _textbook_linkage(_pairwise_distances(X, "euclidean"), method)
        np.testing.assert_array_equal(fast[:, [0, 1, 3]], slow[:, [0, 1, 3]])
        np.testing.assert_allclose(fast[:, 2], slow[:, 2], rtol=EXACT.rtol, atol=EXACT.atol)


@pytest.mark.parametrize("method", METHODS)
def test_identical_to_scipy_on_tied_inputs(method):
    """Integer grids and integer condensed vectors are full of ties: the tie-breaks of each
    algorithm (and the stable sort) decide Z, which must be SciPy's to the bit."""
    for seed in range(40):
        rng = np.random.default_rng(seed)
        X = grid(seed, n=int(rng.integers(2, 40)), p=int(rng.integers(1, 4)))
        np.testing.assert_array_equal(linkage(X, method), sch.linkage(X, method))
        y = condensed(seed, n=int(rng.integers(2, 20)))
        np.testing.assert_array_equal(linkage(y, method), sch.linkage(y, method))


def test_the_textbook_order_differs_on_ties():
    """Why the ports matter: the naive global-minimum order does pick other merges on tied
    grids (MODELS.md: 80/200 trials for complete), so agreement above is not free."""
    differ = 0
    for seed in range(40):
        X = grid(seed, n=20)
        slow = _textbook_linkage(_pairwise_distances(X, "euclidean"), "complete")
        differ += not np.array_equal(slow, sch.linkage(X, "complete"))
    assert differ > 0


def test_repeated_points_merge_at_height_zero():
    X = np.array([[1.0, 2.0], [1.0, 2.0], [1.0, 2.0], [5.0, 5.0]])
    for method in METHODS:
        Z = linkage(X, method)
        np.testing.assert_array_equal(Z[:2, 2], [0.0, 0.0])
        np.testing.assert_array_equal(Z, sch.linkage(X, method))


def test_indexed_heap_keeps_the_minimum():
    """After any sequence of value changes and removals the heap's top is a smallest live
    value (compared with a plain sort)."""
    rng = np.random.default_rng(0)
    values = rng.integers(0, 5, 30).astype(float)
    heap = _IndexedHeap(values)
    live = dict(enumerate(values))
    for step in range(200):
        key = int(rng.choice(list(live)))
        live[key] = float(rng.integers(0, 5))
        heap.change(key, live[key])
        k, v = heap.min()
        assert v == min(live.values()) and live[k] == v
        if step % 10 == 9 and len(live) > 1:
            heap.remove_min()
            del live[k]


@pytest.mark.parametrize("method", METHODS)
def test_fcluster_identical_to_scipy(method):
    for seed in range(20):
        X = grid(seed, n=25) if seed % 2 else blobs(seed, n=25)
        Z = sch.linkage(X, method)
        for t in (1, 2, 3, 5, 24, 25, 26):
            np.testing.assert_array_equal(fcluster(Z, t, "maxclust"),
                                          sch.fcluster(Z, t, criterion="maxclust"))
        for t in np.concatenate([Z[::4, 2], Z[::5, 2] + 0.01]):
            np.testing.assert_array_equal(fcluster(Z, t, "distance"),
                                          sch.fcluster(Z, t, criterion="distance"))


@pytest.mark.parametrize("method", ["single", "centroid", "ward"])
def test_fcluster_identical_to_scipy_on_deep_trees_and_inconsistency(method):
    """A chain (single linkage of growing gaps: depth n − 1), inversions (centroid), and
    the inconsistency coefficients, whose subtree maxima are not the merges' own."""
    rng = np.random.default_rng(17)
    chain = np.cumsum(np.arange(1.0, 301.0))[:, None]
    for X in (chain, rng.normal(size=(300, 3)), np.round(rng.normal(size=(300, 2)))):
        Z = sch.linkage(X, method)
        for t in (1, 2, 7, 150, 299):
            np.testing.assert_array_equal(fcluster(Z, t, "maxclust"),
                                          sch.fcluster(Z, t, criterion="maxclust"))
        for t in np.quantile(Z[:, 2], [0.0, 0.3, 0.9, 1.0]):
            np.testing.assert_array_equal(fcluster(Z, t, "distance"),
                                          sch.fcluster(Z, t, criterion="distance"))
        for t, depth in ((0.5, 2), (1.0, 2), (0.8, 4)):
            np.testing.assert_array_equal(fcluster(Z, t, "inconsistent", depth),
                                          sch.fcluster(Z, t, "inconsistent", depth))


def test_fcluster_maxclust_is_the_coarsest_cut_within_t():
    Z = linkage(blobs(3, n=30), "average")
    for t in range(1, 31):
        T = fcluster(Z, t, "maxclust")
        assert T.dtype == np.int32 and len(np.unique(T)) == t  # distinct heights: exactly t


@pytest.mark.parametrize("link", ["ward", "complete", "average", "single"])
def test_agglomerative_labels_are_identical_not_permuted(link):
    for seed in range(20):
        X = grid(seed, n=30, p=2) if seed % 2 else blobs(seed, n=30)
        k = 1 + seed % 6
        ours = AgglomerativeClustering(n_clusters=k, linkage=link, compute_distances=True).fit(X)
        ref = skc.AgglomerativeClustering(n_clusters=k, linkage=link,
                                          compute_distances=True).fit(X)
        np.testing.assert_array_equal(ours.labels_, ref.labels_)
        np.testing.assert_array_equal(ours.children_, ref.children_)
        np.testing.assert_array_equal(ours.distances_, ref.distances_)


def test_single_linkage_children_keep_the_spanning_tree_order():
    """scikit-learn's single linkage does not order each pair (MODELS.md): our children_
    follow it, and on some input that order is not SciPy's."""
    unordered = 0
    for seed in range(20):
        X = blobs(seed, n=30)
        children = AgglomerativeClustering(n_clusters=2, linkage="single").fit(X).children_
        ref = skc.AgglomerativeClustering(n_clusters=2, linkage="single").fit(X).children_
        np.testing.assert_array_equal(children, ref)
        unordered += bool(np.any(children[:, 0] > children[:, 1]))
        np.testing.assert_array_equal(np.sort(children, axis=1),
                                      sch.linkage(X, "single")[:, :2])
    assert unordered > 0


def test_distance_threshold_counts_merges_at_or_above_it():
    X = grid(5, n=20)
    model = AgglomerativeClustering(n_clusters=None, distance_threshold=1.0,
                                    linkage="single").fit(X)
    assert model.n_clusters_ == np.count_nonzero(model.distances_ >= 1.0) + 1
    assert len(np.unique(model.labels_)) == model.n_clusters_
