"""Catalog entries: hierarchical clustering (`linkage`, `fcluster`, `AgglomerativeClustering`)
against `scipy.cluster.hierarchy` and scikit-learn.

Inputs by construction: separated blobs; integer grids, whose many tied distances test the
tie-breaks of Prim's algorithm, the nearest-neighbour chain and the heap; repeated points
(distance 0); condensed distance vectors of integers (ties, and non-Euclidean distances for
centroid/median/ward, where SciPy's square roots may see negative numbers).
"""
from __future__ import annotations

import numpy as np
import scipy.cluster.hierarchy as sch
from hypothesis import strategies as st

from .._core import Bench, Concept, bad, case

METHODS = ("single", "complete", "average", "weighted", "centroid", "median", "ward")
LINKAGES = ("ward", "complete", "average", "single")


# --- inputs ------------------------------------------------------------------------------------

def blobs(seed: int, n: int = 30, p: int = 2, k: int = 3) -> np.ndarray:
    """k separated Gaussian blobs in the unit-spaced plane (continuous: no ties)."""
    rng = np.random.default_rng(seed)
    centres = rng.uniform(-10, 10, (k, p))
    return centres[np.arange(n) % k] + rng.normal(0, 1, (n, p))


def grid(seed: int, n: int = 24, p: int = 2, m: int = 4) -> np.ndarray:
    """n points on the integer grid {0..m−1}^p: tied distances and repeated points."""
    return np.random.default_rng(seed).integers(0, m, (n, p)).astype(float)


def duplicated(seed: int, n: int = 20, p: int = 3) -> np.ndarray:
    """Blobs in which every third point is repeated (merges at height 0)."""
    X = blobs(seed, n, p)
    return np.vstack([X, X[::3]])


def condensed(seed: int, n: int = 12, high: int = 6) -> np.ndarray:
    """A condensed distance vector of integers in [1, high): many ties, not Euclidean."""
    return np.random.default_rng(seed).integers(1, high, n * (n - 1) // 2).astype(float)


def _data(seed: int, kind: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    n, p = int(rng.integers(2, 30)), int(rng.integers(1, 4))
    return (blobs, grid, duplicated)[kind](seed, n, p)


def _linkage_cases():
    def make(seed, method, kind):
        if kind == 3:
            return case(condensed(seed, int(np.random.default_rng(seed).integers(2, 16))),
                        method=method)
        return case(_data(seed, kind), method=method)
    return st.builds(make, st.integers(0, 2 ** 31 - 1), st.sampled_from(METHODS),
                     st.integers(0, 3))


def _tree(X, method):
    """An input linkage matrix (SciPy's: the tree to be cut is an input here)."""
    return sch.linkage(X, method=method)


def _nan_index(Z):
    """A linkage matrix whose first merge names cluster NaN: SciPy's validation lets it
    through to C code that reads out of bounds (the interpreter dies)."""
    Z = Z.copy()
    Z[0, 0] = np.nan
    return Z


def _fcluster_cases():
    criteria = ("maxclust", "distance", "inconsistent")

    def make(seed, method, criterion):
        X = _data(seed, seed % 3)
        Z = _tree(X, method)
        rng = np.random.default_rng(seed)
        if criterion == "maxclust":
            return case(Z, int(rng.integers(1, len(X) + 2)), "maxclust")
        if criterion == "inconsistent":  # coefficients lie in [0, √(k − 1)]: t up to 2
            return case(Z, float(rng.choice([0.0, 0.5, 0.7, 1.0, 1.2, 2.0])), "inconsistent",
                        depth=int(rng.integers(1, 5)))
        t = float(rng.choice(Z[:, 2])) if rng.integers(2) else float(rng.uniform(0, Z[:, 2].max()))
        return case(Z, t, "distance")
    return st.builds(make, st.integers(0, 2 ** 31 - 1), st.sampled_from(METHODS),
                     st.sampled_from(criteria))


def _inconsistent_cases():
    def make(seed, method, d):
        return case(_tree(_data(seed, seed % 3), method), d)
    return st.builds(make, st.integers(0, 2 ** 31 - 1), st.sampled_from(METHODS),
                     st.integers(0, 5))


# --- AgglomerativeClustering -------------------------------------------------------------------

ATTRIBUTES = ("labels_", "children_", "distances_", "n_clusters_", "n_leaves_",
              "n_connected_components_", "n_features_in_")


def agglomerative_run(cls, c):
    """Fit on X = c.args[0] with the case's hyperparameters; the fitted attributes (those
    the model has) and ``fit_predict`` on the same data."""
    X = c.args[0]
    model = cls(**c.kwargs).fit(X)
    out = {a: getattr(model, a) for a in ATTRIBUTES if hasattr(model, a)}
    out["fit_predict"] = cls(**c.kwargs).fit_predict(X)
    return out


def _distances(X):
    return np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2))


def _agglomerative_cases():
    def make(seed, linkage, kind, threshold):
        X = _data(seed, kind)
        if len(X) < 2:
            X = np.vstack([X, X + 1.0])
        if threshold:
            return case(X, n_clusters=None, linkage=linkage,
                        distance_threshold=float(np.random.default_rng(seed).uniform(0, 5)))
        k = int(np.random.default_rng(seed).integers(1, len(X) + 1))
        return case(X, n_clusters=k, linkage=linkage, compute_distances=True)
    return st.builds(make, st.integers(0, 2 ** 31 - 1), st.sampled_from(LINKAGES),
                     st.integers(0, 2), st.booleans())


# --- the entries --------------------------------------------------------------------------------

_X = blobs(0)
_GRID = grid(1)
_Y = condensed(2)
_INVERTED = np.array([[0.0, 0.0], [2.0, 0.0], [1.0, 1.9], [8.0, 8.0], [8.5, 7.0]])  # 2 > 1.9

SEED = "004"  # "K-means and hierarchical clustering are popular clustering algorithms"
NOTE = ("SciPy's algorithms ported with their tie-breaks (Prim from point 0, the "
        "nearest-neighbour chain from the lowest live cluster preferring its previous "
        "element, the generic algorithm's binary heap), the stable sort by height and the "
        "union-find relabelling; Lance–Williams updates in SciPy's order of operations, "
        "pdist's sequential sums: identical Z, heights to the bit")

CONCEPTS = (
    Concept(
        name="cluster.linkage",
        reference_call="scipy.cluster.hierarchy.linkage",
        comparison="exact", tolerance="identical",
        cases=tuple(case(_X, method=m, seed=SEED,
                         label=f"seed 004: hierarchical clustering of blobs, {m}" if m == "ward"
                         else f"blobs, {m}")
                    for m in ("ward",) + tuple(x for x in METHODS if x != "ward"))
        + tuple(case(_GRID, method=m, label=f"integer grid (ties), {m}") for m in METHODS)
        + tuple(case(duplicated(3), method=m, label=f"repeated points, {m}")
                for m in ("single", "complete", "average", "ward"))
        + tuple(case(_Y, method=m, label=f"condensed integers, {m}") for m in METHODS)
        + (case(_INVERTED, method="centroid", label="centroid inversion"),
           case(_INVERTED, method="median", label="median inversion"),
           case(_GRID, method="complete", metric="cityblock", label="cityblock, complete"),
           case(_X, method="average", metric="chebyshev", label="chebyshev, average"),
           case(np.array([[0.0, 0.0], [3.0, 4.0]]), method="ward", label="two points")),
        strategy=_linkage_cases,
        bad=(bad(_X[:1], raises=ValueError, match="The number of observations cannot be "
                 "determined on an empty distance matrix", label="one observation"),
             bad(np.where(np.arange(60).reshape(30, 2) == 7, np.nan, _X), raises=ValueError,
                 match="must contain only finite values", label="NaN"),
             bad(_X, method="centre", raises=ValueError, match="Invalid method: centre",
                 label="invalid method"),
             bad(_X, metric="euclidian", raises=ValueError,
                 match="Unknown Distance Metric: euclidian", label="unknown metric"),
             bad(_X, method="ward", metric="cityblock", raises=ValueError,
                 match="requires the distance metric to be Euclidean", label="ward, cityblock"),
             bad(np.ones(5), raises=ValueError, match="must be a binomial coefficient",
                 label="condensed length not n(n-1)/2"),
             bad(np.ones((2, 2, 2)), raises=ValueError, match="must be 1 or 2 dimensional",
                 label="3-D"),
             # both warn with a ClusterWarning (each library's class: compared by name)
             bad(np.array([[0.0, 1.0, 2.0], [1.0, 0.0, 3.0], [2.0, 3.0, 0.0]]), warns=UserWarning,
                 match="looks suspiciously like an uncondensed distance matrix",
                 label="a square distance matrix passed as observations")),
        bench=Bench(1000, lambda n, rng: case(rng.normal(size=(n, 10)), method="average")),
        seeds=(SEED,),
        note=NOTE),
    Concept(
        name="cluster.fcluster",
        reference_call="scipy.cluster.hierarchy.fcluster",
        comparison="exact", tolerance="identical",
        cases=tuple(case(_tree(_X, "average"), t, "maxclust", label=f"blobs, maxclust {t}")
                    for t in (1, 2, 3, 7, 30, 31))
        + tuple(case(_tree(_GRID, m), 3, "maxclust", label=f"integer grid, {m}, maxclust 3")
                for m in ("single", "complete", "centroid"))
        + (case(_tree(_X, "ward"), 5.0, "distance", label="blobs, distance 5"),
           case(_tree(_GRID, "complete"), 1.0, "distance",
                label="integer grid, at a merge height (≤ includes it)"),
           case(_tree(_INVERTED, "centroid"), 1.95, "distance", label="centroid inversion"),
           case(_tree(_INVERTED, "centroid"), 2, "maxclust", label="centroid inversion, 2"),
           case(_tree(_X, "single"), 0.0, "distance", label="distance 0: singletons"),
           case(_tree(_X, "average"), 1.0, label="inconsistent (the default), depth 2"),
           case(_tree(_X, "ward"), 0.8, "inconsistent", depth=3, label="inconsistent, depth 3"),
           case(_tree(_GRID, "single"), 0.5, "inconsistent",
                label="integer grid: ties, zero deviations"),
           case(_tree(_X, "average"), 0.9, "inconsistent",
                R=sch.inconsistent(_tree(_X, "average"), 4), label="R given")),
        strategy=_fcluster_cases,
        bad=(bad(_tree(_X, "single")[:, :3], 2, "maxclust", raises=ValueError,
                 match="must have 4 columns", label="3 columns"),
             bad(_tree(_X, "single") * np.array([1, 1, -1, 1]), 2, "maxclust",
                 raises=ValueError, match="contains negative distances",
                 label="negative heights"),
             bad(np.zeros((0, 4)), 2, "maxclust", raises=ValueError,
                 match="at least two observations", label="empty"),
             bad(_tree(_X, "single"), 2, "inconsistency", raises=ValueError,
                 match="Invalid cluster formation criterion", label="invalid criterion"),
             bad(_tree(_X, "single"), 1.0, "inconsistent", R=np.ones((29, 3)), raises=ValueError,
                 match="must have 4 columns", label="R with 3 columns"),
             bad(_nan_index(_tree(_X, "single")), 2, "maxclust", raises=ValueError,
                 match="non-finite cluster indices", label="NaN index (SciPy crashes)")),
        bench=Bench(2000, lambda n, rng: case(_tree(rng.normal(size=(n, 10)), "ward"), 8,
                                              "maxclust")),
        note="the cut's depth-first numbering of SciPy's cluster_monocrit, ported"),
    Concept(
        name="cluster.inconsistent",
        reference_call="scipy.cluster.hierarchy.inconsistent",
        comparison="exact", tolerance="identical",
        cases=(case(_tree(_X, "average"), label="blobs, average, depth 2"),
               case(_tree(_X, "ward"), 4, label="blobs, ward, depth 4"),
               case(_tree(_X, "single"), 1, label="depth 1: the merge alone"),
               case(_tree(_X, "single"), 0, label="depth 0"),
               case(_tree(_GRID, "complete"), 3, label="integer grid: equal heights"),
               case(_tree(_INVERTED, "centroid"), 2, label="centroid inversion")),
        strategy=_inconsistent_cases,
        bad=(bad(_tree(_X, "single")[:, :3], raises=ValueError, match="must have 4 columns",
                 label="3 columns"),
             bad(_tree(_X, "single"), -1, raises=ValueError, match="nonnegative integer",
                 label="negative depth"),
             bad(_tree(_X, "single"), 1.5, raises=ValueError, match="nonnegative integer",
                 label="fractional depth"),
             bad(_nan_index(_tree(_X, "single")), raises=ValueError,
                 match="non-finite cluster indices", label="NaN index (SciPy crashes)")),
        bench=Bench(2000, lambda n, rng: case(_tree(rng.normal(size=(n, 10)), "ward"), 2)),
        note="heights summed children first (left, right, then the merge), the deviation as "
             "SciPy forms it: identical to the bit"),
    Concept(
        name="cluster.AgglomerativeClustering",
        reference_call="sklearn.cluster.AgglomerativeClustering",
        comparison="exact", tolerance="identical",
        cases=tuple(case(_X, n_clusters=3, linkage=m, compute_distances=True,
                         seed=SEED if m == "ward" else "",
                         label=f"seed 004: hierarchical clustering of blobs, {m}"
                         if m == "ward" else f"blobs, {m}")
                    for m in LINKAGES)
        + tuple(case(_GRID, n_clusters=4, linkage=m, compute_distances=True,
                     label=f"integer grid (ties), {m}") for m in LINKAGES)
        + (case(duplicated(3), n_clusters=5, label="repeated points, ward"),
           case(_X, n_clusters=None, distance_threshold=4.0, linkage="average",
                label="distance_threshold"),
           case(_GRID, n_clusters=None, distance_threshold=1.0, linkage="single",
                label="distance_threshold at a merge height (≥ counts it)"),
           case(_distances(_X), n_clusters=3, metric="precomputed", linkage="complete",
                label="precomputed, complete"),
           case(_distances(_GRID), n_clusters=3, metric="precomputed", linkage="single",
                label="precomputed, single (SciPy's ordered pairs)"),
           case(_GRID, n_clusters=3, metric="manhattan", linkage="average",
                label="manhattan, average"),
           case(_X, n_clusters=1, label="one cluster"),
           case(_X, n_clusters=30, label="n_clusters = n")),
        strategy=_agglomerative_cases,
        bad=(bad(np.where(np.arange(60).reshape(30, 2) == 7, np.nan, _X), raises=ValueError,
                 match="Input X contains NaN", label="NaN in X"),
             bad(_X[:1], raises=ValueError, match="minimum of 2 is required",
                 label="one sample"),
             bad(_X[:, 0], raises=ValueError, match="Expected 2D array", label="1-D X"),
             bad(_X[:5], n_clusters=6, raises=ValueError,
                 match="Cannot extract more clusters than samples: 6 clusters were given for "
                       "a tree with 5 leaves", label="k > n"),
             bad(_X, linkage="centroid", raises=ValueError,
                 match="The 'linkage' parameter of AgglomerativeClustering must be",
                 label="invalid hyperparameter"),
             bad(_X, distance_threshold=1.0, raises=ValueError,
                 match="Exactly one of n_clusters and distance_threshold has to be set",
                 label="n_clusters and distance_threshold"),
             bad(_X, metric="manhattan", raises=ValueError,
                 match="Ward can only work with euclidean distances", label="ward, manhattan"),
             bad(_X[:, :2].repeat(2, axis=1)[:5], metric="precomputed", linkage="average",
                 raises=ValueError, match="Distance matrix should be square",
                 label="precomputed, not square")),
        bench=Bench(2000, lambda n, rng: case(rng.normal(size=(n, 10)), n_clusters=8)),
        run=agglomerative_run,
        seeds=(SEED,),
        note="scikit-learn's trees (SciPy's for ward/complete/average, its own Prim with "
             "unordered pairs for single) and _hc_cut's heap numbering, ported: labels "
             "identical, not up to a permutation"),
)
