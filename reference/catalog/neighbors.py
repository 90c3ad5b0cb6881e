"""Catalog entries for nearest neighbours (docs/concepts.md §7): `mathml.neighbors` vs sklearn."""
from __future__ import annotations

from ._core import Bench, Concept, case
from ._estimators import (classification_data, estimator_bad, estimator_run, regression_data,
                          seeded)

NOTE = ("continuous inputs (no tied distances); among tied distances mathml takes the lower "
        "training index first (stable sort), scikit-learn's trees promise no order")
VARIANTS = ((3, "uniform", 2), (5, "distance", 2), (4, "uniform", 1), (2, "distance", 3))


def _bench(make):
    return Bench(1000, lambda n, rng: case(*make(int(rng.integers(1 << 30)), n=max(n, 8), p=5)))


CONCEPTS = (
    Concept(
        name="neighbors.KNeighborsClassifier",
        reference_call="sklearn.neighbors.KNeighborsClassifier",
        comparison="exact", tolerance="estimator_closed_form",
        cases=tuple(case(*classification_data(s, k=2 + s % 2), n_neighbors=k, weights=w, p=p,
                         label=f"k={k}, {w}, p={p}")
                    for s, (k, w, p) in enumerate(VARIANTS)),
        strategy=seeded(classification_data, weights="distance"),
        bad=estimator_bad(*classification_data(0), classifier=True,
                          invalid={"weights": "nearest"}),
        bench=_bench(classification_data),
        run=estimator_run(("classes_", "n_features_in_"),
                          ("predict", "predict_proba", "kneighbors", "score")),
        note=NOTE),
    Concept(
        name="neighbors.KNeighborsRegressor",
        reference_call="sklearn.neighbors.KNeighborsRegressor",
        comparison="exact", tolerance="estimator_closed_form",
        cases=tuple(case(*regression_data(s), n_neighbors=k, weights=w, p=p,
                         label=f"k={k}, {w}, p={p}") for s, (k, w, p) in enumerate(VARIANTS)),
        strategy=seeded(regression_data, weights="distance"),
        bad=estimator_bad(*regression_data(0), classifier=False, invalid={"n_neighbors": 0}),
        bench=_bench(regression_data),
        run=estimator_run(("n_features_in_",), ("predict", "kneighbors", "score")),
        note=NOTE),
)
