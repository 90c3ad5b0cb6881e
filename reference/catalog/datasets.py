"""Catalog entries for synthetic data sets (docs/concepts.md §6): `mathml.datasets` vs scikit-learn.

The arrays are compared exactly (to rounding): mathml rebuilds RandomState's normal draws
from its uniform stream by the same polar method.
"""
from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from ._core import Bench, Concept, bad, case

SEED = "002"  # make_classification(n_samples=100, n_features=2, ..., random_state=42)

_seeds = st.integers(0, 2 ** 31 - 1)

CONCEPTS = (
    Concept(
        name="datasets.make_classification",
        reference_call="sklearn.datasets.make_classification",
        comparison="exact", tolerance="bitwise",
        cases=(case(n_samples=100, n_features=2, n_informative=2, n_redundant=0,
                    n_clusters_per_class=1, random_state=42, seed=SEED,
                    label="seed 002's data"),
               case(random_state=0, label="defaults"),
               case(n_samples=57, n_features=9, n_informative=3, n_redundant=2, n_repeated=2,
                    n_classes=3, weights=[0.2, 0.3], flip_y=0.2, shift=None, scale=None,
                    hypercube=False, random_state=3, label="every option"),
               case(n_samples=30, n_features=40, n_informative=35, n_redundant=0,
                    random_state=1, label="> 30 informative features")),
        strategy=lambda: _seeds.map(lambda s: case(n_samples=50, n_features=5, random_state=s)),
        bad=(bad(n_features=3, n_informative=3, n_redundant=2, raises=ValueError,
                 label="too many features asked"),
             bad(n_samples=0, raises=ValueError, label="n_samples=0")),
        bench=Bench(1000, lambda n, rng: case(n_samples=n, n_features=10, random_state=0)),
        seeds=(SEED,)),
    Concept(
        name="datasets.make_blobs", reference_call="sklearn.datasets.make_blobs",
        comparison="exact", tolerance="bitwise",
        cases=(case(random_state=0, label="defaults"),
               case(n_samples=7, n_features=3, centers=4, cluster_std=[1, 2, .5, 3],
                    random_state=1, return_centers=True, label="stds, centres"),
               case(n_samples=11, centers=np.array([[0, 0.], [5, 5]]), shuffle=False,
                    random_state=2, label="given centres")),
        strategy=lambda: _seeds.map(lambda s: case(n_samples=31, random_state=s)),
        bad=(bad(centers=2, cluster_std=[1.0, 2.0, 3.0], random_state=0, raises=ValueError,
                 label="cluster_std length"),),
        bench=Bench(1000, lambda n, rng: case(n_samples=n, random_state=0))),
    Concept(
        name="datasets.make_regression", reference_call="sklearn.datasets.make_regression",
        comparison="exact", tolerance="bitwise",
        cases=(case(random_state=0, label="defaults"),
               case(n_samples=13, n_features=5, n_informative=3, n_targets=2, bias=3,
                    noise=2.0, coef=True, random_state=4, label="noise, 2 targets"),
               case(n_samples=1000, n_features=10, noise=0.1, random_state=42,
                    label="seed 003's learning-curve data")),
        strategy=lambda: _seeds.map(lambda s: case(n_samples=20, n_features=4, noise=1.0,
                                                   random_state=s)),
        bad=(bad(n_samples=-1, raises=ValueError, label="negative n_samples"),),
        bench=Bench(1000, lambda n, rng: case(n_samples=n, n_features=20, noise=1.0,
                                              random_state=0))),
)
