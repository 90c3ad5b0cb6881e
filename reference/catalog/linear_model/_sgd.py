"""Catalog entries for the stochastic-gradient linear models (issue 14): `SGDRegressor` and
`SGDClassifier` against scikit-learn's, bit for bit.

A case is ``case(X, y, X_test, **hyperparameters)`` with three reserved keywords:
``sample_weight=`` goes to ``fit``; ``partial_fit=k`` replaces ``fit`` by k calls of
``partial_fit`` (the classifier's first with ``classes``); ``refit=True`` fits twice (with
``warm_start``, the second fit starts from the first's coefficients). `run` returns the
fitted coefficients, intercept, epochs and step count, and every prediction method on X_test.
"""
from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from .._core import Bench, Concept, bad, case
from .._estimators import classification_data, estimator_bad, regression_data
from ._linear import X5, Y5, _grid, _seed_X, _seed_y

SEED = "002"  # the seed's linear regression and classification data

NOTE = ("the same per-sample steps in scikit-learn's order: its xorshift shuffle seeded from "
        "the same RandomState draws, sequential dot products, the weights as scale × vector, "
        "the averaging's BLAS axpy as a fused multiply-add; coefficients, intercepts, n_iter_ "
        "and t_ agree to the bit")


def _sgd_run(cls, c):
    X, y, X_test = c.args
    params = dict(c.kwargs)
    sample_weight = params.pop("sample_weight", None)
    partial, refit = params.pop("partial_fit", 0), params.pop("refit", False)
    classifier = hasattr(cls, "decision_function")
    model = cls(**params)
    if partial:
        for _ in range(partial):
            extra = {"classes": np.unique(y)} if classifier else {}
            model.partial_fit(X, y, sample_weight=sample_weight, **extra)
    else:
        for _ in range(2 if refit else 1):
            model.fit(X, y, sample_weight=sample_weight)
    out = {a: getattr(model, a) for a in ("coef_", "intercept_", "n_iter_", "t_",
                                           "n_features_in_")}
    out["predict"] = model.predict(X_test)
    out["score"] = model.score(X, y)
    if classifier:
        out["classes_"] = model.classes_
        out["decision_function"] = model.decision_function(X_test)
        if hasattr(model, "predict_proba"):
            out["predict_proba"] = model.predict_proba(X_test)
    return out


_XR, _YR, _TR = regression_data(0, n=40, p=3)
_XC, _YC, _TC = classification_data(0, n=40, p=3, k=2)
_X3, _Y3, _T3 = classification_data(1, n=45, p=3, k=3)
_W = np.random.default_rng(5).uniform(0.2, 2.0, 40)
_YS = np.array([-3, 7])[_YC]


def _regression_case(seed: int):
    """Uniform data, random_state = the seed, a drawn loss, penalty and schedule."""
    rng = np.random.default_rng(seed)
    X, y, X_test = regression_data(seed, n=int(rng.integers(5, 50)), p=int(rng.integers(1, 5)))
    params = dict(loss=str(rng.choice(["squared_error", "huber", "epsilon_insensitive",
                                       "squared_epsilon_insensitive"])),
                  penalty=[None, "l2", "l1", "elasticnet"][int(rng.integers(4))],
                  learning_rate=str(rng.choice(["constant", "optimal", "invscaling",
                                                "adaptive"])),
                  alpha=float(rng.choice([1e-4, 1e-2])), max_iter=50,
                  average=bool(rng.uniform() < 0.3), random_state=seed % 10000)
    return case(X, y, X_test, **params)


def _classification_case(seed: int):
    rng = np.random.default_rng(seed)
    X, y, X_test = classification_data(seed, n=int(rng.integers(6, 50)),
                                       p=int(rng.integers(1, 5)), k=int(rng.integers(2, 4)))
    params = dict(loss=str(rng.choice(["hinge", "log_loss", "modified_huber", "squared_hinge",
                                       "perceptron"])),
                  penalty=[None, "l2", "l1", "elasticnet"][int(rng.integers(4))],
                  learning_rate=str(rng.choice(["optimal", "invscaling", "adaptive"])),
                  alpha=float(rng.choice([1e-4, 1e-2])), max_iter=50,
                  average=bool(rng.uniform() < 0.3), random_state=seed % 10000)
    return case(X, y, X_test, **params)


def _bench(classifier: bool):
    def make(n, rng):
        s = int(rng.integers(1 << 30))
        if classifier:
            return case(*classification_data(s, n=n, p=50), random_state=0)
        return case(*regression_data(s, n=n, p=50), random_state=0)
    return Bench(10000, make)


def _regressor_bad():
    X, y, X_test = regression_data(0)
    return estimator_bad(X, y, X_test, classifier=False, invalid={"alpha": -1.0}) + (
        bad(X, y, X_test, learning_rate="schedule", raises=ValueError,
            match="The 'learning_rate' parameter of SGDRegressor must be",
            label="unknown learning rate"),
        bad(X, y, X_test, learning_rate="optimal", alpha=0.0, raises=ValueError,
            match="alpha must be > 0 since learning_rate is 'optimal'",
            label="'optimal' needs alpha > 0"),
        bad(X, y, X_test, penalty="elasticnet", l1_ratio=None, raises=ValueError,
            match="l1_ratio must be set when penalty is 'elasticnet'",
            label="elasticnet without l1_ratio"),
        bad(X, y, X_test, learning_rate="pa1", raises=ValueError,
            match="Learning rate 'pa1' only works with loss 'epsilon_insensitive'",
            label="pa1 with the squared error"),
        bad(X, y, X_test, early_stopping=True, partial_fit=1, raises=ValueError,
            match="early_stopping should be False with partial_fit",
            label="early_stopping with partial_fit"),
        bad(X, y, X_test, max_iter=2, random_state=0, warns=UserWarning,
            match="Maximum number of iteration reached", label="max_iter reached: "
            "ConvergenceWarning (each library's own class, both UserWarnings)"),
        bad(X * 1e200, y, X_test, learning_rate="constant", eta0=1.0, random_state=0,
            raises=ValueError, match="Floating-point under-/overflow occurred at epoch #1",
            label="overflow"))


def _classifier_bad():
    X, y, X_test = classification_data(0)
    return estimator_bad(X, y, X_test, classifier=True, invalid={"alpha": -1.0}) + (
        bad(X, np.zeros(len(y)), X_test, raises=ValueError,
            match="The number of classes has to be greater than one; got 1 class",
            label="a single class"),
        bad(X, y, X_test, class_weight="balanced", partial_fit=1, raises=ValueError,
            match="class_weight 'balanced' is not supported for partial_fit",
            label="'balanced' with partial_fit"),
        bad(X, y, X_test, class_weight={0: 1.0, 5: 2.0}, raises=ValueError,
            match=r"The classes, \[1\], are not in class_weight",
            label="class_weight naming an absent class"),
        bad(X, y, X_test, learning_rate="pa2", loss="log_loss", raises=ValueError,
            match="Learning rate 'pa2' only works with loss 'hinge'",
            label="pa2 with log_loss"),
        bad(X, y, X_test, max_iter=1, random_state=0, warns=UserWarning,
            match="Maximum number of iteration reached", label="max_iter reached: "
            "ConvergenceWarning (each library's own class, both UserWarnings)"))


CONCEPTS = (
    Concept(
        name="linear_model.SGDRegressor",
        reference_call="sklearn.linear_model.SGDRegressor",
        comparison="exact", tolerance="bitwise",
        cases=(case(X5, Y5, X5, random_state=0, seed=SEED,
                    label="seed 002's data, defaults (invscaling, squared error, l2)"),
               case(_XR, _YR, _TR, random_state=1, label="defaults"),
               case(_XR, _YR, _TR, loss="huber", epsilon=0.5, random_state=2, label="huber"),
               case(_XR, _YR, _TR, loss="epsilon_insensitive", random_state=3,
                    label="epsilon_insensitive"),
               case(_XR, _YR, _TR, loss="squared_epsilon_insensitive", epsilon=0.2,
                    random_state=4, label="squared_epsilon_insensitive"),
               case(_XR, _YR, _TR, penalty="l1", alpha=0.05, random_state=5,
                    label="l1: the cumulative truncated gradient"),
               case(_XR, _YR, _TR, penalty="elasticnet", alpha=0.05, l1_ratio=0.4,
                    random_state=6, label="elasticnet"),
               case(_XR, _YR, _TR, penalty=None, learning_rate="constant", eta0=0.02,
                    random_state=7, label="no penalty, constant rate"),
               case(_XR, _YR, _TR, learning_rate="optimal", alpha=0.01, random_state=8,
                    label="'optimal' rate with its t₀ heuristic"),
               case(_XR, _YR, _TR, learning_rate="adaptive", eta0=0.05, random_state=9,
                    label="adaptive rate (η/5 on each plateau)"),
               case(_XR, _YR, _TR, power_t=0.4, eta0=0.05, random_state=10,
                    label="invscaling with power_t = 0.4"),
               case(_XR, _YR, _TR, average=True, random_state=11, label="averaged SGD"),
               case(_XR, _YR, _TR, average=30, random_state=12,
                    label="averaging from step 30"),
               case(_XR, _YR, _TR, early_stopping=True, validation_fraction=0.2,
                    n_iter_no_change=3, random_state=13, label="early stopping"),
               case(_XR, _YR, _TR, shuffle=False, label="no shuffling"),
               case(_XR, _YR, _TR, tol=None, max_iter=12, random_state=14,
                    label="tol=None: exactly max_iter epochs"),
               case(_XR, _YR, _TR, fit_intercept=False, random_state=15, label="no intercept"),
               case(_XR, _YR, _TR, sample_weight=_W, random_state=16, label="sample weights"),
               case(_XR, _YR, _TR, warm_start=True, refit=True, random_state=17,
                    label="warm_start: a second fit from the first's coefficients"),
               case(_XR, _YR, _TR, partial_fit=3, random_state=18, label="3 × partial_fit"),
               case(_XR, _YR, _TR, learning_rate="pa1", loss="epsilon_insensitive", eta0=0.5,
                    random_state=19, label="passive-aggressive (pa1)")),
        strategy=lambda: st.integers(0, 2 ** 31 - 1).map(_regression_case),
        bad=_regressor_bad(),
        bench=_bench(classifier=False),
        seeds=(SEED,),
        run=_sgd_run,
        note=NOTE),
    Concept(
        name="linear_model.SGDClassifier",
        reference_call="sklearn.linear_model.SGDClassifier",
        comparison="exact", tolerance="bitwise",
        cases=(case(_seed_X, _seed_y, _grid, random_state=42, seed=SEED,
                    label="seed 002: make_classification(random_state=42), hinge"),
               case(_XC, _YC, _TC, random_state=1, label="defaults: hinge, optimal, l2"),
               case(_XC, _YC, _TC, loss="log_loss", random_state=2, label="log_loss (0/1 labels)"),
               case(_XC, _YC, _TC, loss="modified_huber", random_state=3,
                    label="modified_huber"),
               case(_XC, _YC, _TC, loss="squared_hinge", max_iter=30, random_state=4,
                    label="squared_hinge (stopped by max_iter)"),
               case(_XC, _YC, _TC, loss="perceptron", penalty=None, random_state=5,
                    label="perceptron"),
               case(_XC, _YC, _TC, loss="huber", random_state=6, label="a regression loss"),
               case(_X3, _Y3, _T3, random_state=7, label="3 classes: one-vs-all"),
               case(_X3, _Y3, _T3, loss="log_loss", penalty="elasticnet", l1_ratio=0.5,
                    random_state=8, label="3 classes, log_loss, elasticnet"),
               case(_X3, _Y3, _T3, loss="modified_huber", average=True, random_state=9,
                    label="3 classes, modified_huber, averaged"),
               case(_XC, _YC, _TC, penalty="l1", alpha=0.01, random_state=10, label="l1"),
               case(_XC, _YC, _TC, class_weight="balanced", random_state=11,
                    label="class_weight='balanced'"),
               case(_X3, _Y3, _T3, class_weight={0: 3.0, 2: 0.5}, random_state=12,
                    label="class_weight dict, 3 classes"),
               case(_XC, _YC, _TC, learning_rate="invscaling", eta0=0.1, random_state=13,
                    label="invscaling"),
               case(_XC, _YC, _TC, learning_rate="constant", eta0=0.05, random_state=14,
                    label="constant"),
               case(_XC, _YC, _TC, learning_rate="adaptive", eta0=0.1, random_state=15,
                    label="adaptive"),
               case(_X3, _Y3, _T3, early_stopping=True, n_iter_no_change=2, random_state=16,
                    label="early stopping (stratified validation split)"),
               case(_XC, _YC, _TC, early_stopping=True, random_state=17,
                    label="early stopping, two classes"),
               case(_XC, _YS, _TC, loss="log_loss", average=10, random_state=18,
                    label="labels −3 and 7, averaging from step 10"),
               case(_XC, _YC, _TC, sample_weight=_W, random_state=19, label="sample weights"),
               case(_X3, _Y3, _T3, warm_start=True, refit=True, random_state=20,
                    label="warm_start"),
               case(_X3, _Y3, _T3, partial_fit=2, loss="log_loss", random_state=21,
                    label="2 × partial_fit, 3 classes"),
               case(_X3, _Y3, _T3, partial_fit=3, average=True, random_state=23,
                    label="3 × partial_fit, averaged, 3 classes (scikit-learn's intercepts "
                          "once averaging has started)"),
               case(_XC, _YC, _TC, partial_fit=2, average=True, loss="log_loss",
                    random_state=24, label="2 × partial_fit, averaged, 2 classes"),
               case(_XC, _YC, _TC, learning_rate="pa2", eta0=0.5, random_state=22,
                    label="passive-aggressive (pa2)"),
               case(_XC, _YC, _TC, shuffle=False, fit_intercept=False,
                    label="no shuffling, no intercept")),
        strategy=lambda: st.integers(0, 2 ** 31 - 1).map(_classification_case),
        bad=_classifier_bad(),
        bench=_bench(classifier=True),
        seeds=(SEED,),
        run=_sgd_run,
        note=NOTE),
)
