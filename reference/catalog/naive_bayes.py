"""Catalog entries for naive Bayes (docs/concepts.md §7): `mathml.naive_bayes` vs scikit-learn."""
from __future__ import annotations

import re

import numpy as np

from ._core import Bench, Concept, bad, case
from ._estimators import classification_data, estimator_bad, estimator_run, seeded

METHODS = ("predict", "predict_proba", "predict_log_proba", "score")
COUNTS = ("classes_", "class_count_", "feature_count_", "feature_log_prob_", "class_log_prior_",
          "n_features_in_")


BATCHES = "_batches"  # a case keyword: fit by partial_fit on this many consecutive row blocks


def _run(attributes, methods):
    """estimator_run, or with ``_batches=k``: ``partial_fit`` on k consecutive blocks of
    rows (``classes=`` the labels of the whole y on the first call) instead of ``fit``."""
    fitted = estimator_run(attributes, methods)

    def run(cls, c):
        if BATCHES not in c.kwargs:
            return fitted(cls, c)
        X, y, X_test = c.args
        params = dict(c.kwargs)
        k = params.pop(BATCHES)
        model = cls(**params)
        classes = np.unique(y)
        for i, rows in enumerate(np.array_split(np.arange(len(y)), k)):
            model.partial_fit(X[rows], y[rows], classes=classes if i == 0 else None)
        out = {a: getattr(model, a) for a in attributes}
        out.update((m, getattr(model, m)(X_test)) for m in methods if m != "score")
        out["score"] = model.score(X, y)
        return out
    return run


def _batched(counts=False, **params):
    """partial_fit cases: batches of unequal sizes, a class missing from some batches."""
    X, y, X_test = classification_data(3, n=23, k=3, counts=counts)
    return (case(X, y, X_test, _batches=3, label="partial_fit on 3 batches", **params),
            case(X[:17], y[:17], X_test, _batches=5,
                 label="partial_fit on 5 batches of 3-4 rows", **params),
            case(*classification_data(4, n=30, k=2, counts=counts), _batches=2,
                 label="partial_fit, 2 classes, 2 batches", **params))


def _cases(counts=False, **params):
    return tuple(case(*classification_data(s, n=n, k=k, counts=counts),
                      label=f"{k} classes, n={n}", **params)
                 for s, n, k in ((0, 40, 2), (1, 30, 3), (2, 9, 3)))


def _bench(counts=False):
    return Bench(10000, lambda n, rng: case(*classification_data(int(rng.integers(1 << 30)),
                                                                 n=max(n, 8), p=50, k=3,
                                                                counts=counts)))


CONCEPTS = (
    Concept(
        name="naive_bayes.GaussianNB", reference_call="sklearn.naive_bayes.GaussianNB",
        comparison="exact", tolerance="bitwise",
        cases=_cases() + (case(*classification_data(5, k=2), priors=np.array([0.3, 0.7]),
                               var_smoothing=1e-3, label="priors, smoothing"),)
        + _batched() + _batched(var_smoothing=1e-2, priors=np.array([0.2, 0.3, 0.5]))[:1],
        strategy=seeded(classification_data),
        bad=estimator_bad(*classification_data(0), classifier=True,
                          invalid={"var_smoothing": -1.0})
        + (bad(classification_data(0)[0], None, classification_data(0)[2], raises=ValueError,
               match="This GaussianNB estimator requires y to be passed, but the target y "
                     "is None.", label="y None (checked first)"),),
        bench=_bench(),
        run=_run(("classes_", "class_count_", "class_prior_", "theta_", "var_",
                  "epsilon_", "n_features_in_"), METHODS),
        note="fit and partial_fit (ε from the latest batch, as scikit-learn) follow "
             "scikit-learn's order of operations"),
    Concept(
        name="naive_bayes.MultinomialNB", reference_call="sklearn.naive_bayes.MultinomialNB",
        comparison="exact", tolerance="bitwise",
        cases=_cases(counts=True) + _cases(counts=True, alpha=0.5, fit_prior=False)
        + (case(*classification_data(6, counts=True), class_prior=np.array([0.2, 0.8]),
                label="class_prior"),
           case(*classification_data(7, counts=True), alpha=[0.5, 1.0, 2.0],
                label="one alpha per feature"))
        + _batched(counts=True) + _batched(counts=True, alpha=0.5, fit_prior=False)[:1],
        strategy=seeded(lambda s: classification_data(s, counts=True)),
        bad=estimator_bad(*classification_data(0, counts=True), classifier=True,
                          invalid={"alpha": -1.0})
        + (bad(*classification_data(0, counts=True), alpha=[1.0, 2.0], raises=ValueError,
               match="When alpha is an array, it should contains `n_features`. Got 2 elements "
                     "instead of 3.", label="alpha per feature, one too few"),
           bad(*classification_data(0, counts=True), alpha=[1.0, -2.0, 1.0], raises=ValueError,
               match="All values in alpha must be greater than 0.",
               label="a negative alpha among the features")),
        bench=_bench(counts=True),
        run=_run(COUNTS, METHODS)),
    Concept(
        name="naive_bayes.BernoulliNB", reference_call="sklearn.naive_bayes.BernoulliNB",
        comparison="exact", tolerance="bitwise",
        cases=_cases() + _cases(alpha=0.3, binarize=0.5) + _batched(binarize=0.5)
        + (case(*classification_data(8), alpha=[0.5, 1.0, 2.0],
                label="one alpha per feature (the reference broadcasts 2α over the features)"),),
        strategy=seeded(classification_data),
        bad=estimator_bad(*classification_data(0), classifier=True, invalid={"alpha": -1.0})
        + (bad(*classification_data(0), binarize=-1.0, raises=ValueError,
               match=re.escape("The 'binarize' parameter of BernoulliNB must be None or a "
                               "float in the range [0.0, inf). Got -1.0 instead."),
               label="negative binarize (InvalidParameterError)"),),
        bench=_bench(),
        run=_run(COUNTS, METHODS)),
)
