"""Catalog entries for naive Bayes (docs/concepts.md §7): `mathml.naive_bayes` vs scikit-learn."""
from __future__ import annotations

import numpy as np

from ._core import Bench, Concept, case
from ._estimators import classification_data, estimator_bad, estimator_run, seeded

METHODS = ("predict", "predict_proba", "predict_log_proba", "score")
COUNTS = ("classes_", "class_count_", "feature_count_", "feature_log_prob_", "class_log_prior_",
          "n_features_in_")


def _cases(counts=False, **params):
    return tuple(case(*classification_data(s, n=n, k=k, counts=counts),
                      label=f"{k} classes, n={n}", **params)
                 for s, n, k in ((0, 40, 2), (1, 30, 3), (2, 9, 3)))


def _bench(counts=False):
    return Bench(1000, lambda n, rng: case(*classification_data(int(rng.integers(1 << 30)),
                                                                n=max(n, 8), p=10, k=3,
                                                                counts=counts)))


CONCEPTS = (
    Concept(
        name="naive_bayes.GaussianNB", reference_call="sklearn.naive_bayes.GaussianNB",
        comparison="exact", tolerance="estimator_closed_form",
        cases=_cases() + (case(*classification_data(5, k=2), priors=np.array([0.3, 0.7]),
                               var_smoothing=1e-3, label="priors, smoothing"),),
        strategy=seeded(classification_data),
        bad=estimator_bad(*classification_data(0), classifier=True,
                          invalid={"var_smoothing": -1.0}),
        bench=_bench(),
        run=estimator_run(("classes_", "class_count_", "class_prior_", "theta_", "var_",
                           "epsilon_", "n_features_in_"), METHODS)),
    Concept(
        name="naive_bayes.MultinomialNB", reference_call="sklearn.naive_bayes.MultinomialNB",
        comparison="exact", tolerance="estimator_closed_form",
        cases=_cases(counts=True) + _cases(counts=True, alpha=0.5, fit_prior=False)
        + (case(*classification_data(6, counts=True), class_prior=np.array([0.2, 0.8]),
                label="class_prior"),),
        strategy=seeded(lambda s: classification_data(s, counts=True)),
        bad=estimator_bad(*classification_data(0, counts=True), classifier=True,
                          invalid={"alpha": -1.0}),
        bench=_bench(counts=True),
        run=estimator_run(COUNTS, METHODS)),
    Concept(
        name="naive_bayes.BernoulliNB", reference_call="sklearn.naive_bayes.BernoulliNB",
        comparison="exact", tolerance="estimator_closed_form",
        cases=_cases() + _cases(alpha=0.3, binarize=0.5),
        strategy=seeded(classification_data),
        bad=estimator_bad(*classification_data(0), classifier=True, invalid={"alpha": -1.0}),
        bench=_bench(),
        run=estimator_run(COUNTS, METHODS)),
)
