"""Catalog entries for synthetic data sets (docs/concepts.md §6): `mathml.datasets` vs scikit-learn.

The arrays are compared exactly (to rounding): mathml rebuilds RandomState's normal draws
from its uniform stream by the same polar method.
"""
from __future__ import annotations

import re

import numpy as np
from hypothesis import strategies as st

from ._core import Bench, Concept, bad, case

SEED = "002"  # make_classification(n_samples=100, n_features=2, ..., random_state=42)

_seeds = st.integers(0, 2 ** 31 - 1)

def _msg(caller: str, name: str, described: str, got: str) -> str:
    """scikit-learn's InvalidParameterError message, as an exact pattern."""
    return re.escape(f"The '{name}' parameter of {caller} must be {described}. "
                     f"Got {got} instead.")


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
             bad(n_samples=0, raises=ValueError, label="n_samples=0"),
             bad(n_samples=20, n_clusters_per_class=0, raises=ValueError,
                 match=_msg("make_classification", "n_clusters_per_class",
                            "an int in the range [1, inf)", "0"),
                 label="n_clusters_per_class=0 (InvalidParameterError)"),
             bad(n_samples=20, n_clusters_per_class=-1, raises=ValueError,
                 match=_msg("make_classification", "n_clusters_per_class",
                            "an int in the range [1, inf)", "-1"),
                 label="n_clusters_per_class=-1 (InvalidParameterError)"),
             bad(n_samples=20, n_redundant=-1, raises=ValueError,
                 match=_msg("make_classification", "n_redundant",
                            "an int in the range [0, inf)", "-1"),
                 label="n_redundant=-1 (InvalidParameterError)"),
             bad(n_samples=20, n_informative=0, raises=ValueError,
                 match=_msg("make_classification", "n_informative",
                            "an int in the range [1, inf)", "0"),
                 label="n_informative=0 (InvalidParameterError)"),
             bad(n_samples=20, flip_y=1.5, raises=ValueError,
                 match=_msg("make_classification", "flip_y", "a float in the range [0.0, 1.0]",
                            "1.5"), label="flip_y > 1 (InvalidParameterError)"),
             bad(n_samples=20, class_sep=0.0, raises=ValueError,
                 match=_msg("make_classification", "class_sep",
                            "a float in the range (0.0, inf)", "0.0"),
                 label="class_sep=0 (InvalidParameterError)"),
             bad(n_samples=20, scale=-1.0, raises=ValueError,
                 match=_msg("make_classification", "scale", "a float in the range (0.0, inf), "
                            "an array-like or None", "-1.0"),
                 label="negative scale (InvalidParameterError)"),
             bad(n_samples=20, hypercube=1, raises=ValueError,
                 match="The 'hypercube' parameter of make_classification must be an instance "
                 "of 'bool'", label="hypercube not a bool (InvalidParameterError)")),
        bench=Bench(1000, lambda n, rng: case(n_samples=n, n_features=10, random_state=0)),
        seeds=(SEED,)),
    Concept(
        name="datasets.make_blobs", reference_call="sklearn.datasets.make_blobs",
        comparison="exact", tolerance="bitwise",
        cases=(case(random_state=0, label="defaults"),
               case(n_samples=7, n_features=3, centers=4, cluster_std=[1, 2, .5, 3],
                    random_state=1, return_centers=True, label="stds, centres"),
               case(n_samples=11, centers=np.array([[0, 0.], [5, 5]]), shuffle=False,
                    random_state=2, label="given centres"),
               case(n_samples=[3, 4, 2], n_features=3, cluster_std=[1, 2, .5], random_state=1,
                    return_centers=True, label="points per centre"),
               case(n_samples=[5, 2], centers=np.array([[0, 0.], [5, 5]]), random_state=2,
                    label="points per given centre")),
        strategy=lambda: _seeds.map(lambda s: case(n_samples=31, random_state=s)),
        bad=(bad(centers=2, cluster_std=[1.0, 2.0, 3.0], random_state=0, raises=ValueError,
                 label="cluster_std length"),
             bad(n_samples=10, cluster_std=-1.0, raises=ValueError,
                 match=_msg("make_blobs", "cluster_std", "a float in the range [0.0, inf) or "
                            "an array-like", "-1.0"),
                 label="negative cluster_std (InvalidParameterError)"),
             bad(n_samples=10, centers=0, raises=ValueError,
                 match=_msg("make_blobs", "centers", "an int in the range [1, inf), an "
                            "array-like or None", "0"), label="centers=0 (InvalidParameterError)"),
             bad(n_samples=10, center_box=[0, 1], raises=ValueError,
                 match=_msg("make_blobs", "center_box", "an instance of 'tuple'", "[0, 1]"),
                 label="center_box a list (InvalidParameterError)"),
             bad(n_samples=[3, 4], centers=2, raises=ValueError,
                 match="Parameter `centers` must be array-like", label="counts per centre, "
                 "centers an int"),
             bad(n_samples=[3, 4], centers=np.zeros((3, 2)), raises=ValueError,
                 match="Length of `n_samples` not consistent with number of centers",
                 label="counts for 2 centres, 3 centres")),
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
        bad=(bad(n_samples=-1, raises=ValueError, label="negative n_samples"),
             bad(n_samples=20, noise=-1.0, raises=ValueError,
                 match=_msg("make_regression", "noise", "a float in the range [0.0, inf)",
                            "-1.0"), label="negative noise (InvalidParameterError)"),
             bad(n_samples=20, bias=np.inf, raises=ValueError,
                 match=_msg("make_regression", "bias", "a float in the range (-inf, inf)",
                            "inf"), label="infinite bias (InvalidParameterError)"),
             bad(n_samples=20, n_informative=-1, raises=ValueError,
                 match=_msg("make_regression", "n_informative", "an int in the range [0, inf)",
                            "-1"), label="negative n_informative (InvalidParameterError)")),
        bench=Bench(1000, lambda n, rng: case(n_samples=n, n_features=20, noise=1.0,
                                              random_state=0))),
)
