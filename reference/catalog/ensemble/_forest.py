"""Catalog entries for random forests (docs/concepts.md §9): `mathml.ensemble` vs scikit-learn,
tree for tree.

A case is ``case(X, y, X_test, **hyperparameters)``; reserved keywords: ``sample_weight=``
goes to ``fit``; ``then_n_estimators=`` fits once, then sets that many trees and fits again
(with ``warm_start=True``: the trees added to the first ones); ``y_test=`` adds the seed's
held-out results (the confusion matrix of a classifier, the negated mean squared error of a
regressor), each computed with its own backend's metrics. `run` returns every tree's arrays
(``tree_``'s children, features, thresholds, values, impurities and node counts), the seeds
the trees were given, the fitted attributes, the out-of-bag results and every method on
X_test.
"""
from __future__ import annotations

import importlib
import warnings

import numpy as np
from hypothesis import strategies as st
from sklearn.datasets import make_classification, make_regression
from sklearn.model_selection import train_test_split

from .._core import Bench, Concept, bad, case
from .._estimators import estimator_bad

SEED = "002"  # RandomForestClassifier's confusion matrix; RandomForestRegressor's learning curve

TREE_ARRAYS = ("children_left", "children_right", "feature", "threshold", "value", "impurity",
               "n_node_samples", "weighted_n_node_samples")
#: warnings the small cases raise on purpose (a fraction giving few rows, the
#: deprecated alias, refits)
QUIET = ("Using the fractional value", "Value `\"friedman_mse\"`",
         "Warm-start fitting without increasing", "class_weight presets")


def _backend(cls):
    return cls.__module__.split(".")[0]


def run(cls, c):
    X, y, X_test = c.args
    params = dict(c.kwargs)
    sample_weight = params.pop("sample_weight", None)
    then = params.pop("then_n_estimators", None)
    y_test = params.pop("y_test", None)
    model = cls(**params)
    with warnings.catch_warnings():
        for message in QUIET:
            warnings.filterwarnings("ignore", message=message)
        model.fit(X, y, sample_weight=sample_weight)
        if then is not None:
            model.set_params(n_estimators=then).fit(X, y, sample_weight=sample_weight)
    trees = tuple({a: np.asarray(getattr(t.tree_, a)) for a in TREE_ARRAYS}
                  for t in model.estimators_)
    out = {"tree_seeds": np.array([t.random_state for t in model.estimators_]),
           "trees": trees, "n_outputs_": model.n_outputs_,
           "n_features_in_": model.n_features_in_,
           "feature_importances_": model.feature_importances_,
           "predict": model.predict(X_test), "apply": model.apply(X_test)}
    classifier = hasattr(model, "classes_")
    if classifier:
        with np.errstate(divide="ignore"):  # log 0 = −inf, in both libraries
            log_proba = model.predict_log_proba(X_test)
        out.update(classes_=model.classes_, n_classes_=model.n_classes_,
                   predict_proba=model.predict_proba(X_test), predict_log_proba=log_proba)
    for a in ("oob_score_", "oob_decision_function_", "oob_prediction_"):
        if hasattr(model, a):
            out[a] = getattr(model, a)
    if not (classifier and np.ndim(y) == 2):  # no accuracy for multilabel y in mathml.metrics
        out["score"] = model.score(X, y)
    if y_test is not None:
        metrics = importlib.import_module(f"{_backend(cls)}.metrics")
        y_pred = model.predict(X_test)
        if classifier:
            out["confusion_matrix"] = metrics.confusion_matrix(y_test, y_pred)
        else:
            out["neg_mean_squared_error"] = -metrics.mean_squared_error(y_test, y_pred)
    return out


# --- data ------------------------------------------------------------------------------------

def data(seed: int, n: int = 60, p: int = 4, k: int | None = 2, ties: bool = False,
         constant: bool = False):
    """(X, y, X_test): uniform X in [-2, 2]^p (with `ties`, rounded to halves: tied values and
    tied improvements; with `constant`, column 1 constant); y = a noisy linear signal, cut
    into k classes (k None: continuous)."""
    rng = np.random.default_rng(seed)
    X, X_test = rng.uniform(-2, 2, (n, p)), rng.uniform(-2, 2, (9, p))
    if ties:
        X, X_test = np.round(2 * X) / 2, np.round(2 * X_test) / 2
    if constant:
        X[:, 1], X_test[:, 1] = 0.75, 0.75
    signal = X @ rng.uniform(-2, 2, p) + rng.normal(0, 0.7, n)
    if k is None:
        return X, signal, X_test
    return X, np.searchsorted(np.quantile(signal, np.arange(1, k) / k), signal), X_test


def _seed_classification():
    """Seed 002: make_classification(1000, 20 features, 2 informative, 10 redundant), split
    80/20 by train_test_split(test_size=0.2, random_state=42)."""
    X, y = make_classification(n_samples=1000, n_features=20, n_informative=2,
                               n_redundant=10, random_state=42)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)
    return case(X_train, y_train, X_test, y_test=y_test, n_estimators=100, random_state=42,
                seed=SEED, label="seed 002: 100 trees on make_classification, the confusion "
                "matrix of the 20% test split")


def _seed_regression():
    """Seed 002's learning curve (make_regression(1000, 10, noise=0.1), cv=5, MSE): its first
    point in the first fold (KFold without shuffling: the first 10% = 80 rows of rows
    200–999, scored on rows 0–199). tests/test_forest.py runs the seed's call."""
    X, y = make_regression(n_samples=1000, n_features=10, noise=0.1, random_state=42)
    return case(X[200:280], y[200:280], X[:200], y_test=y[:200], n_estimators=100,
                random_state=42, seed=SEED, label="seed 002: 100 trees, the learning curve's "
                "first point (first fold, 80 rows)")


_C, _Y, _CT = data(0, k=3)
_T = data(1, ties=True)
_K = data(2, constant=True, k=2)
_W = np.random.default_rng(3).uniform(0.1, 3.0, 60)
_R, _RY, _RT = data(4, k=None)
_RTIE = data(5, k=None, ties=True)

CLASSIFIER_CASES = (
    _seed_classification(),
    case(_C, _Y, _CT, n_estimators=5, random_state=0, label="3 classes, continuous X"),
    case(*_T, n_estimators=6, random_state=1, label="tied values (halves)"),
    case(*_K, n_estimators=5, random_state=2, label="a constant feature"),
    case(*_T, n_estimators=5, max_features=None, random_state=3,
         label="all features tried, tied improvements"),
    case(_C, _Y, _CT, n_estimators=5, bootstrap=False, random_state=4, label="no bootstrap"),
    case(_C, _Y, _CT, n_estimators=5, max_samples=25, random_state=5, label="max_samples=25"),
    case(_C, _Y, _CT, n_estimators=5, max_samples=0.4, random_state=6,
         label="max_samples=0.4"),
    case(_C, _Y, _CT, n_estimators=10, oob_score=True, random_state=7, label="oob_score"),
    case(_C, _Y, _CT, n_estimators=5, class_weight="balanced", random_state=8,
         label="class_weight='balanced'"),
    case(_C, _Y, _CT, n_estimators=5, class_weight="balanced_subsample", oob_score=True,
         random_state=9, label="class_weight='balanced_subsample', oob_score"),
    case(_C, _Y, _CT, n_estimators=5, class_weight={0: 1.0, 1: 3.0, 2: 0.5},
         bootstrap=False, random_state=10, label="class_weight dict, no bootstrap"),
    case(_C, _Y, _CT, n_estimators=5, sample_weight=_W, random_state=11,
         label="sample weights (weighted bootstrap draws)"),
    case(_C, _Y, _CT, n_estimators=4, warm_start=True, then_n_estimators=7, random_state=12,
         label="warm start: 4 trees, then 3 more"),
    case(*_T, n_estimators=5, criterion="entropy", max_depth=3, min_samples_leaf=3,
         random_state=13, label="entropy, max_depth=3, min_samples_leaf=3"),
    case(_C, _Y, _CT, n_estimators=5, criterion="log_loss", max_leaf_nodes=6,
         min_impurity_decrease=0.01, random_state=14,
         label="log_loss, max_leaf_nodes=6, min_impurity_decrease"),
    case(_C, np.c_[_Y == 0, _Y == 1].astype(int), _CT, n_estimators=5, random_state=16,
         label="two outputs (multilabel)"),
)

REGRESSOR_CASES = (
    _seed_regression(),
    case(_R, _RY, _RT, n_estimators=5, random_state=0, label="continuous X"),
    case(*_RTIE, n_estimators=6, random_state=1, label="tied values (halves)"),
    case(*data(6, k=None, constant=True), n_estimators=5, random_state=2,
         label="a constant feature"),
    case(_R, _RY, _RT, n_estimators=5, bootstrap=False, max_features=2, random_state=3,
         label="no bootstrap, max_features=2"),
    case(_R, _RY, _RT, n_estimators=5, max_samples=0.5, random_state=4,
         label="max_samples=0.5"),
    case(_R, _RY, _RT, n_estimators=10, oob_score=True, random_state=5, label="oob_score"),
    case(_R, _RY, _RT, n_estimators=5, sample_weight=_W, random_state=6,
         label="sample weights"),
    case(_R, _RY, _RT, n_estimators=3, warm_start=True, then_n_estimators=6, random_state=7,
         label="warm start: 3 trees, then 3 more"),
    case(*_RTIE, n_estimators=5, max_features="sqrt", min_samples_split=6, random_state=8,
         label="max_features='sqrt', min_samples_split=6"),
    case(_R, _RY, _RT, n_estimators=4, criterion="friedman_mse", max_depth=4,
         random_state=9, label="'friedman_mse' (scikit-learn 1.9's alias), max_depth=4"),
    case(_R, np.c_[_RY, _RY ** 2], _RT, n_estimators=5, oob_score=True, random_state=10,
         label="two outputs, oob_score"),
    case(*_RTIE, n_estimators=4, criterion="absolute_error", max_depth=5, random_state=11,
         label="'absolute_error' (weighted medians), tied features"),
)


def _generated(classifier: bool):
    """Drawn data (sometimes tied, sometimes with a constant feature) and a small forest
    with drawn hyperparameters; random_state is the seed."""
    @st.composite
    def draw(d):
        seed = d(st.integers(0, 2**31 - 1))
        X, y, X_test = data(seed, n=d(st.integers(8, 80)), p=d(st.integers(1, 5)),
                            k=d(st.integers(2, 4)) if classifier else None,
                            ties=d(st.booleans()), constant=False)
        params = dict(n_estimators=d(st.integers(1, 6)), random_state=seed,
                      bootstrap=d(st.booleans()),
                      max_features=d(st.sampled_from(["sqrt", "log2", None, 1, 0.5])),
                      max_depth=d(st.sampled_from([None, 2, 5])),
                      min_samples_leaf=d(st.integers(1, 3)))
        return case(X, y, X_test, **params)
    return draw()


def _bad(cls_name: str, classifier: bool):
    X, y, X_test = data(0, k=2 if classifier else None)
    return estimator_bad(X, y, X_test, classifier=classifier,
                         invalid={"n_estimators": 0}) + (
        bad(X, y, X_test, max_samples=10, bootstrap=False, raises=ValueError,
            match="`max_sample` cannot be set if `bootstrap=False`",
            label="max_samples without bootstrap"),
        bad(X, y, X_test, oob_score=True, bootstrap=False, raises=ValueError,
            match="Out of bag estimation only available if bootstrap=True",
            label="oob_score without bootstrap"),
        bad(X, y, X_test, n_estimators=5, warm_start=True, then_n_estimators=3,
            raises=ValueError, match=r"n_estimators=3 must be larger or equal to "
            r"len\(estimators_\)=5 when warm_start==True", label="warm start, fewer trees"),
        bad(X, y, X_test, max_samples=-1, raises=ValueError,
            match=f"The 'max_samples' parameter of {cls_name} must be",
            label="max_samples ≤ 0"),
        bad(X, y, X_test, max_depth=0, raises=ValueError,
            match=f"The 'max_depth' parameter of {cls_name} must be",
            label="a tree's hyperparameter (max_depth=0)"),
        bad(X, y, X_test, n_estimators=2, oob_score=True, random_state=0, warns=UserWarning,
            match="Some inputs do not have OOB scores", label="too few trees for out-of-bag"),
        bad(X, np.array(y[0]), X_test, raises=TypeError,
            match=r"Input should have at least 1 dimension i.e. satisfy `len\(x.shape\) > 0`",
            label="0-d y: no samples (after X's checks)"),
    )


def _bench(classifier: bool):
    def make(n, rng):
        seed = int(rng.integers(1 << 30))
        if classifier:
            X, y = make_classification(n_samples=n, n_features=20, random_state=seed)
        else:
            X, y = make_regression(n_samples=n, n_features=20, noise=1.0, random_state=seed)
        return case(X, y, X[:100], n_estimators=100, random_state=0)
    return Bench(1000, make)


NOTE = ("the same random_state gives the same seeds (one randint(2³¹ − 1) per tree), the same "
        "bootstraps (from each tree's seed, passed as counts) and the same trees node for "
        "node (mathml.tree reproduces scikit-learn's splitter); the trees' outputs are summed "
        "in the same order, so predictions agree to the last bit. scikit-learn's forests "
        "accept NaN, the contract refuses it (the wrapper checks first)")

CONCEPTS = (
    Concept(
        name="ensemble.RandomForestClassifier",
        reference_call="sklearn.ensemble.RandomForestClassifier",
        comparison="exact", tolerance="bitwise",
        cases=CLASSIFIER_CASES,
        strategy=lambda: _generated(True),
        bad=_bad("RandomForestClassifier", True),
        bench=_bench(True),
        seeds=(SEED,),
        run=run,
        note=NOTE),
    Concept(
        name="ensemble.RandomForestRegressor",
        reference_call="sklearn.ensemble.RandomForestRegressor",
        comparison="exact", tolerance="bitwise",
        cases=REGRESSOR_CASES,
        strategy=lambda: _generated(False),
        bad=_bad("RandomForestRegressor", False),
        bench=_bench(False),
        seeds=(SEED,),
        run=run,
        note=NOTE),
)
