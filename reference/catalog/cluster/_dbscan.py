"""Catalog entries: DBSCAN (`mathml.cluster.DBSCAN` vs `sklearn.cluster.DBSCAN`).

A case is ``case(X, **hyperparameters)``, with ``sample_weight=`` passed to ``fit``."""
from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from .._core import Bench, Concept, bad, case


def blobs(seed: int, n: int = 90, d: int = 2, noise: int = 15, scale: float = 0.5):
    """Three Gaussian blobs and uniform noise around them (continuous: no distance within
    rounding of eps)."""
    rng = np.random.default_rng(seed)
    centres = rng.uniform(-5, 5, (3, d))
    X = centres[np.arange(n) % 3] + rng.normal(scale=scale, size=(n, d))
    return np.vstack([X, rng.uniform(-8, 8, (noise, d))])


def _run(cls, c):
    (X,) = c.args
    params = dict(c.kwargs)
    sample_weight = params.pop("sample_weight", None)
    model = cls(**params).fit(X, sample_weight=sample_weight)
    return {"labels_": model.labels_, "core_sample_indices_": model.core_sample_indices_,
            "components_": model.components_, "n_features_in_": model.n_features_in_}


# Two clusters, {0..4} and {20..24} on a line, and a point at 12 within eps = 8.4 of a core
# point of each (distance 8; 9 to the next ones) but itself not core (3 neighbours < 4):
# scikit-learn gives it to the cluster found first; reversing the rows flips the owner.
SHARED = np.array([[0.0], [1], [2], [3], [4], [12], [20], [21], [22], [23], [24]])
# Integer points at distance exactly 5 = eps (3-4-5 triangles): the distance is exact.
AT_EPS = np.array([[0.0, 0.0], [3, 4], [6, 8], [9, 12], [0, 20], [30, 30]])


def _generated(s: int):
    metric = ("euclidean", "manhattan", "chebyshev", "minkowski")[s % 4]
    extra = {"p": 3} if metric == "minkowski" else {}
    return case(blobs(s, n=30 + s % 90, d=1 + s % 3), eps=0.2 + (s % 7) / 10,
                min_samples=1 + s % 8, metric=metric, leaf_size=1 + s % 40, **extra)


def _bad():
    X = blobs(0)
    Xnan = X.copy()
    Xnan[4, 1] = np.nan
    return (bad(Xnan, raises=ValueError, match="Input X contains NaN", label="NaN in X"),
            bad(X[:, 0], raises=ValueError, match="Expected 2D array", label="1-D X"),
            bad(X[:0], raises=ValueError, match="Found array with 0 sample", label="no samples"),
            bad(X, eps=0.0, raises=ValueError,
                match="The 'eps' parameter of DBSCAN must be a float in the range",
                label="invalid hyperparameter (eps = 0)"),
            bad(X, min_samples=0, raises=ValueError,
                match="The 'min_samples' parameter of DBSCAN must be",
                label="invalid hyperparameter (min_samples = 0)"),
            bad(X, sample_weight=np.ones(3), raises=ValueError,
                match=r"sample_weight.shape == \(3,\), expected \(105,\)!",
                label="sample_weight of the wrong length"),
            bad(X, p=0, raises=ValueError,
                match=r"The 'p' parameter of NearestNeighbors must be a float in the range "
                      r"\(0.0, inf\] or None. Got 0 instead.",
                label="p = 0: DBSCAN's constraint takes it, its neighbour search does not"))


def _bench(n, rng):
    return case(blobs(int(rng.integers(1 << 30)), n=n, noise=n // 25), eps=0.3, min_samples=10)


NOTE = ("labels are compared identically: clusters numbered by their lowest-index core "
        "point, a shared border point going to the cluster found first; the k-d tree "
        "compares Σ|x_j − z_j|^p with eps^p as scikit-learn (a point at exactly eps is a "
        "neighbour); brute-force Euclidean uses the matrix-product formula, so its cases "
        "keep every distance away from eps by more than rounding")

CONCEPTS = (
    Concept(
        name="cluster.DBSCAN",
        reference_call="sklearn.cluster.DBSCAN",
        comparison="exact", tolerance="identical",
        cases=(case(blobs(0), eps=0.6, min_samples=5, label="blobs with noise"),
               case(SHARED, eps=8.4, min_samples=4, label="a border point shared by two "
                                                           "clusters goes to the first"),
               case(SHARED[::-1].copy(), eps=8.4, min_samples=4,
                    label="the same, rows reversed: the other cluster"),
               case(AT_EPS, eps=5.0, min_samples=2, label="points exactly at eps link"),
               case(AT_EPS, eps=5.0, min_samples=2, algorithm="brute",
                    label="points exactly at eps, brute force"),
               case(blobs(1), eps=0.05, min_samples=3, label="all noise"),
               case(blobs(2, d=3), eps=0.8, min_samples=6, metric="manhattan", leaf_size=4,
                    label="manhattan"),
               case(blobs(3), eps=0.5, min_samples=5, metric="chebyshev", label="chebyshev"),
               case(blobs(4), eps=0.6, min_samples=5, metric="minkowski", p=3,
                    label="minkowski p=3"),
               case(blobs(5), eps=0.6, min_samples=5, metric="minkowski",
                    label="minkowski, p=None (= 2)"),
               case(blobs(6), eps=0.6, min_samples=5, algorithm="brute", label="brute force"),
               case(blobs(7, d=17), eps=3.0, min_samples=4,
                    label="17 features: 'auto' takes brute force"),
               case(blobs(8), eps=0.5, min_samples=4, sample_weight=np.arange(105) % 3,
                    label="sample_weight (0, 1, 2)"),
               case(blobs(9, n=6, noise=2), eps=1.0, min_samples=2,
                    label="8 samples: 'auto' takes brute force")),
        strategy=lambda: st.integers(0, 2 ** 31 - 1).map(_generated),
        bad=_bad(),
        bench=Bench(5000, _bench),
        run=_run,
        note=NOTE),
)
