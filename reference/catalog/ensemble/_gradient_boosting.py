"""Catalog entries for gradient boosting (docs/concepts.md §9): `mathml.ensemble` vs
scikit-learn.

A case is ``case(X, y, X_test, **hyperparameters)`` (the reserved keyword ``sample_weight``
goes to ``fit``): `run` fits and returns every tree's arrays (the structure and the leaf
values after the line search), the recorded losses, the feature importances and every
prediction method on X_test, the staged ones stacked stage by stage.
"""
from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from ...linear_model import LinearRegression
from ...naive_bayes import GaussianNB
from .._core import Bench, Concept, bad, case
from .._estimators import estimator_bad

#: scikit-learn's check_array counting the samples of a 0-d y (after X's checks)
NO_SAMPLES = (r"Input should have at least 1 dimension i.e. satisfy `len\(x.shape\) > 0`, "
              r"got scalar `array\(")

TREE_ARRAYS = ("children_left", "children_right", "feature", "threshold", "value",
               "impurity", "n_node_samples", "weighted_n_node_samples")
ATTRIBUTES = ("n_estimators_", "train_score_", "oob_scores_", "oob_improvement_",
              "oob_score_", "feature_importances_", "n_features_in_", "max_features_")
CLASSIFIER_ATTRIBUTES = ("classes_", "n_classes_")
METHODS = ("predict", "apply")
CLASSIFIER_METHODS = ("decision_function", "predict_proba", "predict_log_proba")
STAGED = ("staged_predict",)
CLASSIFIER_STAGED = ("staged_decision_function", "staged_predict_proba")


def run(cls, c):
    X, y, X_test = c.args
    params = dict(c.kwargs)
    sample_weight = params.pop("sample_weight", None)
    model = cls(**params).fit(X, y, sample_weight=sample_weight)
    classifier = hasattr(model, "classes_")
    trees = [t.tree_ for t in model.estimators_.ravel()]
    out = {"trees_" + a: np.concatenate([np.asarray(getattr(t, a)).ravel() for t in trees])
           for a in TREE_ARRAYS}
    out["node_counts"] = np.array([t.node_count for t in trees])
    out.update((a, getattr(model, a)) for a in
               ATTRIBUTES + (CLASSIFIER_ATTRIBUTES if classifier else ()) if hasattr(model, a))
    out.update((m, getattr(model, m)(X_test)) for m in
               METHODS + (CLASSIFIER_METHODS if classifier else ()))
    out.update((m, np.stack(list(getattr(model, m)(X_test)))) for m in
               STAGED + (CLASSIFIER_STAGED if classifier else ()))
    out["score"] = model.score(X, y)
    return out


def regression(seed: int, n: int = 120, p: int = 4, ties: bool = False):
    """A smooth nonlinear signal plus uniform noise (and an outlier in ten, for the robust
    losses); with `ties`, X rounded to one decimal (tied feature values and thresholds)."""
    rng = np.random.default_rng(seed)
    X = rng.uniform(-2, 2, (n, p))
    if ties:
        X = np.round(X, 1)
    y = np.sin(2 * X[:, 0]) + X[:, 1 % p] ** 2 - X[:, 2 % p] + 0.3 * rng.uniform(-1, 1, n)
    y[::10] += rng.uniform(-6, 6, len(y[::10]))
    return X, y, rng.uniform(-2, 2, (9, p))


def classification(seed: int, n: int = 120, p: int = 4, k: int = 2, labels=None,
                   ties: bool = False):
    """Overlapping classes around k centres (so that the probabilities stay inside (0, 1));
    `labels` renames the classes 0 … k−1; with `ties`, X rounded to integers and a
    constant last feature."""
    rng = np.random.default_rng(seed)
    y = np.arange(n) % k
    X = rng.uniform(-1, 1, (k, p))[y] + rng.uniform(-1.5, 1.5, (n, p))
    if ties:
        X = np.round(2 * X)
        X[:, -1] = 1.0
    if labels is not None:
        y = np.asarray(labels)[y]
    return X, y, rng.uniform(-2, 2, (9, p))


def _weights(seed: int, n: int = 120):
    return np.random.default_rng(seed + 1000).uniform(0.2, 3.0, n)


def _label(kw):
    return ", ".join(f"{k}={v}" for k, v in kw.items() if k != "sample_weight") + \
        (", sample_weight" if "sample_weight" in kw else "")


def _regressor_case(seed, ties=False, **kw):
    return case(*regression(seed, ties=ties), n_estimators=kw.pop("n_estimators", 25),
                random_state=seed, **kw, label=_label(kw) + (", tied X" if ties else ""))


def _classifier_case(seed, k=2, labels=None, ties=False, **kw):
    return case(*classification(seed, k=k, labels=labels, ties=ties),
                n_estimators=kw.pop("n_estimators", 25), random_state=seed, **kw,
                label=f"{k} classes, " + _label(kw) + (", tied X, a constant feature"
                                                        if ties else ""))


REGRESSOR_CASES = (
    _regressor_case(0),
    _regressor_case(1, loss="absolute_error"),
    _regressor_case(2, loss="huber", alpha=0.8),
    _regressor_case(3, loss="quantile", alpha=0.25),
    _regressor_case(4, subsample=0.6, learning_rate=0.3),
    _regressor_case(5, loss="huber", subsample=0.7, max_depth=2),
    _regressor_case(6, loss="quantile", subsample=0.5, alpha=0.9),
    _regressor_case(7, max_depth=5, learning_rate=0.05, n_estimators=15),
    _regressor_case(8, init="zero", loss="absolute_error"),
    _regressor_case(9, sample_weight=_weights(9), loss="huber"),
    _regressor_case(10, sample_weight=_weights(10), loss="quantile", alpha=0.6),
    _regressor_case(11, max_features="sqrt", max_leaf_nodes=5),
    _regressor_case(12, ties=True, min_samples_leaf=4),
    _regressor_case(13, n_iter_no_change=3, validation_fraction=0.2, n_estimators=60),
    # an estimator as F_0 (the same fitted model for both backends: its predictions start F)
    _regressor_case(14, init=LinearRegression(), loss="huber"),
)

CLASSIFIER_CASES = (
    _classifier_case(0),
    _classifier_case(1, loss="exponential"),
    _classifier_case(2, k=3),
    _classifier_case(3, k=4, subsample=0.7, max_depth=2),
    _classifier_case(4, subsample=0.5, learning_rate=0.5),
    _classifier_case(5, loss="exponential", subsample=0.8, init="zero"),
    _classifier_case(6, k=3, init="zero", learning_rate=0.2),
    _classifier_case(7, sample_weight=_weights(7)),
    _classifier_case(8, k=3, sample_weight=_weights(8), max_features=2),
    _classifier_case(9, labels=[-1, 3], max_depth=1, n_estimators=40),
    _classifier_case(10, k=3, n_iter_no_change=2, n_estimators=60),
    _classifier_case(11, k=3, init=GaussianNB()),
    _classifier_case(12, init=GaussianNB(), sample_weight=_weights(12)),
    _classifier_case(13, k=3, ties=True, max_features=2, subsample=0.7),
    _classifier_case(14, ties=True, loss="exponential", max_leaf_nodes=6),
)


def _generated(make, **fixed):
    """Drawn seed, shape, loss, subsample and depth."""
    @st.composite
    def draw(d):
        seed = d(st.integers(0, 2**31 - 1))
        n, p = d(st.integers(20, 80)), d(st.integers(1, 5))
        kw = {k: d(v) for k, v in fixed.items()}
        X, y, X_test = make(seed, n=n, p=p, **kw.pop("_data", {}))
        return case(X, y, X_test, n_estimators=d(st.integers(1, 12)),
                    max_depth=d(st.integers(1, 4)),
                    subsample=d(st.sampled_from((1.0, 0.7))),
                    learning_rate=d(st.sampled_from((0.1, 0.5))), random_state=seed % 1000,
                    **kw)
    return draw


def _regressor_generated():
    return _generated(regression, loss=st.sampled_from(
        ("squared_error", "absolute_error", "huber", "quantile")),
        _data=st.fixed_dictionaries({"ties": st.booleans()}))()


def _classifier_generated():
    return _generated(classification,
                      _data=st.fixed_dictionaries({"k": st.integers(2, 4),
                                                   "ties": st.booleans()}))()


def _regressor_bad():
    X, y, X_test = regression(0, n=30)
    return estimator_bad(X, y, X_test, classifier=False, invalid={"loss": "banana"}) + (
        bad(X, y, X_test, alpha=1.0, loss="quantile", raises=ValueError,
            match="The 'alpha' parameter of GradientBoostingRegressor must be",
            label="alpha = 1"),
        bad(X, y, X_test, subsample=0.0, raises=ValueError,
            match="The 'subsample' parameter of GradientBoostingRegressor must be",
            label="subsample = 0"),
        bad(X, np.array(y[0]), X_test, raises=TypeError, match=NO_SAMPLES, label="0-d y"),
        bad(X, y, X_test, criterion="friedman_mse", n_estimators=2, warns=FutureWarning,
            label="criterion set: deprecated, no effect"),
    )


def _classifier_bad():
    X, y, X_test = classification(0, n=30, k=3)
    return estimator_bad(X, y, X_test, classifier=True, invalid={"loss": "deviance"}) + (
        bad(X, y, X_test, loss="exponential", raises=ValueError,
            match="loss='exponential' is only suitable for a binary classification problem, "
                  "you have n_classes=3", label="exponential loss, 3 classes"),
        bad(X, np.zeros(30, dtype=int), X_test, raises=ValueError,
            match="y contains 1 class after sample_weight trimmed classes with zero weights",
            label="one class"),
        bad(X, y, X_test, init="prior", raises=ValueError,
            match="The 'init' parameter of GradientBoostingClassifier must be",
            label="init a string other than 'zero'"),
        bad(X, "abc", X_test, raises=TypeError, match=NO_SAMPLES, label="y a string"),
    )


def _bench_regressor(n, rng):
    X, y, X_test = regression(int(rng.integers(1 << 30)), n=n, p=10)
    return case(X, y, X_test, n_estimators=100, random_state=0)


def _bench_classifier(n, rng):
    X, y, X_test = classification(int(rng.integers(1 << 30)), n=n, p=10)
    return case(X, y, X_test, n_estimators=100, random_state=0)


NOTE = ("the same random_state gives the same trees and the same numbers bit for bit: the "
        "subsample of each stage and each tree's seed are drawn from one RandomState in "
        "scikit-learn's order, the losses and gradients use C's exp and log sample by sample "
        "as scikit-learn's Cython, each leaf's line search sums as numpy's average does, and "
        "the scores add stage by stage")


CONCEPTS = (
    Concept(
        name="ensemble.GradientBoostingRegressor",
        reference_call="sklearn.ensemble.GradientBoostingRegressor",
        comparison="exact", tolerance="bitwise",
        cases=REGRESSOR_CASES, strategy=_regressor_generated, bad=_regressor_bad(),
        bench=Bench(1000, _bench_regressor), run=run, note=NOTE),
    Concept(
        name="ensemble.GradientBoostingClassifier",
        reference_call="sklearn.ensemble.GradientBoostingClassifier",
        comparison="exact", tolerance="bitwise",
        cases=CLASSIFIER_CASES, strategy=_classifier_generated, bad=_classifier_bad(),
        bench=Bench(1000, _bench_classifier), run=run, note=NOTE),
)
