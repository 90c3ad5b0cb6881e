"""Catalog entries for k-means (docs/concepts.md §8): `mathml.cluster.KMeans` and
`kmeans_plusplus` vs scikit-learn, compared bit for bit.

A KMeans case is ``case(X, None, X_test, **hyperparameters)`` (no target; the reserved
keyword ``sample_weight=`` goes to ``fit``): `run` fits on X and returns the fitted
attributes, ``predict`` and ``transform`` on X_test and ``score`` on X. The inputs are built
by construction: separated blobs, points on an integer grid (tied distances), duplicate
points, a zero-variance feature, centres that leave a cluster empty.
"""
from __future__ import annotations

import warnings

import numpy as np
from hypothesis import strategies as st

from .._core import Bench, Concept, bad, case

SEED = "004"  # k-means: assign to the nearest centroid, move the centroids, repeat

NOTE = ("scikit-learn runs single-threaded (reference.cluster): its OpenMP threads would each "
        "sum a share of the samples, and that order moves the centres by ~1e-15")


def blobs(seed: int, n: int = 150, d: int = 2, centres: int = 3, spread: float = 1.0,
          grid: bool = False):
    """(X, X_test): n points around `centres` random centres in [-10, 10]^d, uniform noise
    of half-width `spread`; with `grid`, rounded to integers (tied distances, duplicates)."""
    rng = np.random.default_rng(seed)
    C = rng.uniform(-10, 10, (centres, d))
    X = C[rng.integers(0, centres, n)] + rng.uniform(-spread, spread, (n, d))
    X_test = rng.uniform(-12, 12, (9, d))
    return (np.round(X), np.round(X_test)) if grid else (X, X_test)


def _kmeans_run(cls, c):
    X, y, X_test = c.args
    params = dict(c.kwargs)
    sample_weight = params.pop("sample_weight", None)
    with warnings.catch_warnings():  # duplicate points warn (tests/test_kmeans.py checks it)
        warnings.filterwarnings("ignore", message="Number of distinct clusters")
        model = cls(**params).fit(X, y, sample_weight=sample_weight)
    return {"labels_": model.labels_, "n_iter_": model.n_iter_,
            "cluster_centers_": model.cluster_centers_, "inertia_": model.inertia_,
            "n_features_in_": model.n_features_in_, "predict": model.predict(X_test),
            "transform": model.transform(X_test),
            "score": model.score(X, sample_weight=sample_weight)}


def _kmeans_case(seed: int):
    """A generated case: blobs of 10–600 points in 1–6 dimensions (sometimes on an integer
    grid, sometimes with a constant feature), k ≤ 8, either seeding, 1–3 runs or 'auto',
    sometimes weights or few iterations; random_state is the seed."""
    rng = np.random.default_rng(seed)
    n, d = int(rng.integers(10, 600)), int(rng.integers(1, 7))
    X, X_test = blobs(seed, n, d, int(rng.integers(1, 7)), float(rng.uniform(0.3, 6)),
                      grid=rng.uniform() < 0.3)
    if d > 1 and rng.uniform() < 0.2:
        X[:, 0] = 3.0
    params = dict(n_clusters=int(rng.integers(1, 9)), init=str(rng.choice(["k-means++", "random"])),
                  n_init=[1, 2, 3, "auto"][int(rng.integers(4))], random_state=seed,
                  max_iter=int(rng.choice([300, 3])))
    if rng.uniform() < 0.3:
        params["sample_weight"] = rng.uniform(0.1, 3, n)
    return case(X, None, X_test, **params)


def _plusplus_case(seed: int):
    rng = np.random.default_rng(seed)
    X, _ = blobs(seed, int(rng.integers(10, 300)), int(rng.integers(1, 6)), 4, 2.0)
    return case(X, int(rng.integers(1, 9)), random_state=seed,
                sample_weight=rng.uniform(0.1, 3, len(X)) if rng.uniform() < 0.3 else None,
                n_local_trials=[None, 1, 4][int(rng.integers(3))])


def _bench_kmeans(n, rng):
    X, X_test = blobs(int(rng.integers(1 << 30)), n, 50, 8, 4.0)
    return case(X, None, X_test, n_clusters=8, random_state=0)


_X, _T = blobs(0)
_X5, _T5 = blobs(1, n=600, d=5, centres=5, spread=3.0)
_W = np.random.default_rng(2).uniform(0.1, 3.0, 600)
_GRID = np.array([[i, j] for i in range(5) for j in range(5)], dtype=float)
_DUP = np.array([[0.0, 0.0]] * 4 + [[1.0, 1.0]] * 3)
_FAR = np.array([[40.0, 40.0], [-40.0, 30.0], [0.0, 0.0]])  # two centres no sample is near
_CONST = np.column_stack([_X, np.full(len(_X), 2.5)])

CONCEPTS = (
    Concept(
        name="cluster.KMeans",
        reference_call="sklearn.cluster.KMeans",
        comparison="exact", tolerance="bitwise",
        cases=(case(_X, None, _T, n_clusters=3, random_state=0, seed=SEED,
                    label="seed 004: k-means++ then Lloyd on three blobs"),
               case(_X5, None, _T5, n_clusters=5, n_init=4, random_state=1,
                    label="600 × 5 (blocks of 256 and a remainder), 4 runs"),
               case(_X5, None, _T5, n_clusters=7, init="random", random_state=2,
                    label="random seeding, n_init='auto' = 10 runs"),
               case(_X5, None, _T5, n_clusters=4, sample_weight=_W, random_state=3,
                    label="sample weights"),
               case(_X, None, _T, n_clusters=3, init=_FAR, label="given centres, two "
                    "clusters empty at first (relocated to the farthest samples)"),
               case(_GRID, None, _GRID + 0.5, n_clusters=4, random_state=4,
                    label="5 × 5 integer grid: tied distances"),
               case(_DUP, None, _DUP, n_clusters=3, random_state=0,
                    label="duplicates: 2 distinct points, k = 3"),
               case(_X5, None, _T5, n_clusters=6, max_iter=2, random_state=5,
                    label="stopped by max_iter"),
               case(_X5, None, _T5, n_clusters=6, tol=0.05, random_state=6,
                    label="stopped by tol (then relabelled)"),
               case(_CONST, None, _T[:, [0, 1, 0]], n_clusters=2, random_state=7,
                    label="a zero-variance feature"),
               case(_X, None, _T, n_clusters=1, random_state=8, label="k = 1")),
        strategy=lambda: st.integers(0, 2 ** 31 - 1).map(_kmeans_case),
        bad=(bad(np.where(np.arange(20).reshape(10, 2) == 3, np.nan, 1.0), None, _T,
                 n_clusters=2, raises=ValueError, match="Input X contains NaN", label="NaN in X"),
             bad(_X[:, 0], None, _T, raises=ValueError, match="Expected 2D array", label="1-D X"),
             bad(_X[:2], None, _T, n_clusters=3, raises=ValueError,
                 match=r"n_samples=2 should be >= n_clusters=3\.", label="k > n"),
             bad(_X[:1], None, _T, n_clusters=2, raises=ValueError,
                 match=r"n_samples=1 should be >= n_clusters=2\.", label="one sample"),
             bad(_X, None, _T[:, :1], n_clusters=3, raises=ValueError,
                 match="X has 1 features, but KMeans is expecting 2 features as input",
                 label="wrong feature count at predict"),
             bad(_X, None, _T, n_clusters=0, raises=ValueError,
                 match="The 'n_clusters' parameter of KMeans must be an int in the range "
                       r"\[1, inf\)", label="invalid hyperparameter"),
             bad(_X, None, _T, init="kmeans", raises=ValueError,
                 match="The 'init' parameter of KMeans must be", label="unknown init"),
             bad(_X, None, _T, n_clusters=2, init=np.zeros((3, 2)), raises=ValueError,
                 match=r"The shape of the initial centers \(3, 2\) does not match the number "
                       "of clusters 2", label="initial centres of the wrong shape"),
             bad(_X, None, _T, sample_weight=np.ones(3), raises=ValueError,
                 match=r"sample_weight.shape == \(3,\), expected \(150,\)!",
                 label="sample_weight of the wrong length"),
             bad(_X, None, _T, sample_weight=np.r_[-1.0, np.ones(149)], raises=ValueError,
                 match="probabilities are not non-negative", label="a negative weight"),
             bad(_X, None, _T, n_clusters=3, init=_X[:3], n_init=2, warns=RuntimeWarning,
                 match="Explicit initial center position passed: performing only one init "
                       "in KMeans instead of n_init=2", label="given centres with n_init=2")),
        bench=Bench(10000, _bench_kmeans),
        seeds=(SEED,),
        run=_kmeans_run,
        note=NOTE),
    Concept(
        name="cluster.kmeans_plusplus",
        reference_call="sklearn.cluster.kmeans_plusplus",
        comparison="exact", tolerance="bitwise",
        cases=(case(_X, 3, random_state=0, label="three blobs"),
               case(_X5, 8, random_state=1, sample_weight=_W, label="weights, k = 8"),
               case(_X5, 5, random_state=2, n_local_trials=1, label="plain k-means++ "
                    "(one trial)"),
               case(_GRID, 6, random_state=3, label="integer grid: tied distances"),
               case(_DUP, 2, random_state=4, label="duplicate points")),
        strategy=lambda: st.integers(0, 2 ** 31 - 1).map(_plusplus_case),
        bad=(bad(_X[:2], 3, raises=ValueError, match=r"n_samples=2 should be >= n_clusters=3\.",
                 label="k > n"),
             bad(np.array([[0.0, np.nan], [1.0, 1.0]]), 1, raises=ValueError,
                 match="Input contains NaN", label="NaN in X"),
             bad(_X, 2, sample_weight=np.r_[-1.0, np.ones(149)], raises=ValueError,
                 match="probabilities are not non-negative", label="a negative weight"),
             bad(_X, 2, n_local_trials=0, raises=ValueError,
                 match="The 'n_local_trials' parameter of kmeans_plusplus must be",
                 label="invalid n_local_trials"),
             bad(_X, 2, x_squared_norms=np.ones(3), raises=ValueError,
                 match="The length of x_squared_norms 3 should be equal to the length of "
                       "n_samples 150", label="x_squared_norms of the wrong length"),
             bad(None, 2, raises=ValueError,
                 match="^The 'X' parameter of kmeans_plusplus must be an array-like or a "
                       "sparse array or matrix. Got None instead.$",
                 label="X None (InvalidParameterError)"),
             bad(_X, 2, sample_weight="abc", raises=ValueError,
                 match="The 'sample_weight' parameter of kmeans_plusplus must be an "
                       "array-like or None. Got 'abc' instead.",
                 label="sample_weight a string (InvalidParameterError)")),
        bench=Bench(10000, lambda n, rng: case(blobs(int(rng.integers(1 << 30)), n, 50, 8,
                                                     4.0)[0], 8, random_state=0)),
        run=None,
        note="the same draws as scikit-learn: the first centre by inverting the cumulative "
             "weights at a uniform draw (RandomState.choice's method), the candidates at "
             "uniform draws scaled by the potential"),
)
