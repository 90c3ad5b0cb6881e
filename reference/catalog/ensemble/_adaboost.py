"""Catalog entries for AdaBoost (docs/concepts.md §9): `mathml.ensemble.AdaBoostClassifier`
vs scikit-learn's, compared bit for bit.

A case is ``case(X, y, X_test, **hyperparameters)``; the reserved keyword ``sample_weight=``
goes to ``fit``, and ``estimator=Tree(max_depth=2)`` stands for each backend's own
``DecisionTreeClassifier(max_depth=2)`` (a case is shared by both backends, a tree object is
not). `run` returns the fitted attributes, every stage's tree (its seed and scikit-learn's
node arrays), every prediction method and staged method on X_test, and the scores.
"""
from __future__ import annotations

import importlib

import numpy as np
from hypothesis import strategies as st

from .._core import Bench, Concept, bad, case
from .._estimators import classification_data, estimator_bad

ATTRIBUTES = ("classes_", "n_classes_", "estimator_weights_", "estimator_errors_",
              "feature_importances_", "n_features_in_")
METHODS = ("predict", "predict_proba", "predict_log_proba", "decision_function")
STAGED = ("staged_predict", "staged_predict_proba", "staged_decision_function")
TREE_ARRAYS = ("feature", "threshold", "children_left", "children_right", "value",
               "n_node_samples", "weighted_n_node_samples")


class Tree:
    """A weak learner as data: each backend builds its own ``tree.DecisionTreeClassifier``
    with these hyperparameters."""

    def __init__(self, **params):
        self.params = params

    def build(self, backend: str):
        tree = importlib.import_module(f"{backend}.tree")
        return tree.DecisionTreeClassifier(**self.params)

    def __repr__(self) -> str:
        return f"DecisionTreeClassifier({', '.join(f'{k}={v!r}' for k, v in self.params.items())})"


def _tree(G) -> dict:
    """One stage: its seed and its nodes (scikit-learn's arrays)."""
    out = {"random_state": G.random_state}
    out.update((name, np.asarray(getattr(G.tree_, name))) for name in TREE_ARRAYS)
    return out


def run(cls, c):
    X, y, X_test = c.args
    params = dict(c.kwargs)
    sample_weight = params.pop("sample_weight", None)
    if isinstance(params.get("estimator"), Tree):
        params["estimator"] = params["estimator"].build(cls.__module__.split(".")[0])
    model = cls(**params).fit(X, y, sample_weight=sample_weight)
    out = {a: getattr(model, a) for a in ATTRIBUTES}
    out["estimators_"] = tuple(_tree(G) for G in model.estimators_)
    with np.errstate(divide="ignore"):  # log 0 = −inf in predict_log_proba, in both
        out.update((m, getattr(model, m)(X_test)) for m in METHODS)
    out.update((m, np.array(list(getattr(model, m)(X_test)))) for m in STAGED)
    out["staged_score"] = np.array(list(model.staged_score(X, y, sample_weight)))
    out["score"] = model.score(X, y)
    return out


def _data(seed: int, n: int = 120, p: int = 4, k: int = 2, grid: bool = False):
    """Overlapping classes (so boosting runs its stages); with `grid`, features rounded to
    halves: tied values and tied split candidates."""
    X, y, X_test = classification_data(seed, n=n, p=p, k=k)
    X_test = np.vstack([X_test, X[:5]])
    if grid:
        X, X_test = np.round(2 * X) / 2, np.round(2 * X_test) / 2
    return X, y, X_test


def _separable():
    """One feature separates the classes: the first stump is perfect, boosting stops."""
    X = np.linspace(0, 1, 20).reshape(-1, 1)
    return X, (X[:, 0] > 0.45).astype(int), np.array([[0.1], [0.5], [0.9]])


def _stuck(n_per_value: int):
    """One feature with two values, the minority class of each value weighing, after one
    stage of reweighting, as much as the majority: no stump beats a guess any more, and
    boosting stops (with 3 per value the second error rounds to just below 1/2 and gets a
    vote of ~2e-16 first)."""
    X = np.repeat([0.0, 1.0], n_per_value).reshape(-1, 1)
    y = np.r_[np.zeros(n_per_value - 1), 1, np.ones(n_per_value - 1), 0].astype(int)
    return X, y, np.array([[0.0], [1.0]])


def _generated():
    @st.composite
    def draw(d):
        seed = d(st.integers(0, 2**31 - 1))
        k = d(st.integers(2, 5))
        X, y, X_test = _data(seed, n=d(st.integers(10 * k, 150)), p=d(st.integers(1, 5)), k=k,
                             grid=d(st.booleans()))
        params = dict(n_estimators=d(st.integers(1, 30)),
                      learning_rate=d(st.sampled_from((1.0, 0.5, 1.7))), random_state=seed % 1000)
        if d(st.booleans()):
            params["sample_weight"] = np.random.default_rng(seed).uniform(0, 3, len(y))
        if d(st.integers(0, 3)) == 0:
            params["estimator"] = Tree(max_depth=2)
        return case(X, y, X_test, **params)
    return draw()


class _NoWeights:
    """A classifier whose fit takes no sample_weight (AdaBoost needs one)."""

    def fit(self, X, y):
        return self

    def predict(self, X):
        return np.zeros(len(X))


def _bad():
    X, y, X_test = _data(0, n=40)
    constant = np.ones((8, 2))
    return estimator_bad(X, y, X_test, classifier=True, invalid=dict(learning_rate=0.0)) + (
        bad(X, y, X_test, n_estimators=0, raises=ValueError,
            match=r"The 'n_estimators' parameter of AdaBoostClassifier must be an int in the "
                  r"range \[1, inf\)", label="n_estimators = 0"),
        bad(X, y, X_test, estimator="stump", raises=ValueError,
            match="The 'estimator' parameter of AdaBoostClassifier must be an object "
                  "implementing 'fit' and 'predict' or None", label="estimator not a classifier"),
        bad(X, y, X_test, estimator=_NoWeights(), raises=ValueError,
            match="_NoWeights doesn't support sample_weight", label="fit without sample_weight"),
        bad(X, y, X_test, sample_weight=np.r_[-1.0, np.ones(39)], raises=ValueError,
            match="Negative values in data passed to `sample_weight`", label="negative weight"),
        bad(X, y, X_test, sample_weight=np.zeros(40), raises=ValueError,
            match="Sample weights must contain at least one non-zero number",
            label="all weights zero"),
        bad(X, y, X_test, sample_weight=np.ones(3), raises=ValueError,
            match=r"sample_weight.shape == \(3,\), expected \(40,\)!",
            label="sample_weight of the wrong length"),
        bad(constant, np.arange(8) % 4, constant[:2], raises=ValueError,
            match="BaseClassifier in AdaBoostClassifier ensemble is worse than random, "
                  "ensemble can not be fit", label="first stage no better than guessing"),
        bad(X, y, X_test, learning_rate=1e10, warns=UserWarning,
            match="Sample weights have reached infinite values, at iteration 0",
            label="weights overflow: boosting stops"),
    )


def _bench(n, rng):
    X, y, X_test = _data(int(rng.integers(1 << 30)), n=n, p=10, k=2)
    return case(X, y, X_test, n_estimators=100, random_state=0)


_X, _y, _T = _data(0)
_X3, _y3, _T3 = _data(1, n=150, k=3)
_X5, _y5, _T5 = _data(2, n=200, p=5, k=5)
_XG, _yG, _TG = _data(3, n=90, k=3, grid=True)
_W = np.random.default_rng(4).uniform(0.0, 2.0, 120)
_W[:6] = 0.0

CONCEPTS = (
    Concept(
        name="ensemble.AdaBoostClassifier",
        reference_call="sklearn.ensemble.AdaBoostClassifier",
        comparison="exact", tolerance="bitwise",
        cases=(case(_X, _y, _T, random_state=0, label="binary, 50 stumps"),
               case(_X3, _y3, _T3, random_state=1, label="3 classes"),
               case(_X5, _y5, _T5, n_estimators=30, random_state=2, label="5 classes"),
               case(_X3, _y3, _T3, learning_rate=0.25, random_state=3,
                    label="learning_rate 0.25"),
               case(_X, _y, _T, learning_rate=2.5, n_estimators=20, random_state=4,
                    label="learning_rate 2.5"),
               case(_X, _y, _T, n_estimators=1, random_state=5, label="one stage"),
               case(*_separable(), random_state=6, label="perfect first stump: stops at 1"),
               case(*_stuck(4), n_estimators=10, random_state=0,
                    label="second stage no better than guessing: stops at 1"),
               case(*_stuck(3), n_estimators=10, random_state=0,
                    label="second error rounds below 1/2: stops at 2"),
               case(_X, _y, _T, sample_weight=_W, random_state=7,
                    label="sample weights, six of them 0"),
               case(_X3, _y3, _T3, estimator=Tree(max_depth=2), n_estimators=20,
                    random_state=8, label="estimator=DecisionTreeClassifier(max_depth=2)"),
               case(_XG, _yG, _TG, n_estimators=40, random_state=9,
                    label="features on a grid of halves: tied values"),
               case(_X, _y + 3, _T, n_estimators=10, random_state=10,
                    label="labels 3 and 4")),
        strategy=_generated,
        bad=_bad(),
        bench=Bench(1000, _bench),
        run=run,
        note="the same random_state gives each stage's tree the same seed, so the trees are "
             "identical; the weighted errors, votes and weight updates are formed with "
             "scikit-learn's numpy operations, so every number agrees to the last bit"),
)
