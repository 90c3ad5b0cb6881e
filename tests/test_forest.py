"""Random forests beyond the catalog (reference/catalog/ensemble/_forest.py compares every
case tree for tree): the textbook version, the seed's whole learning curve, string labels,
warm start against one fit, and the properties of the averages."""
from __future__ import annotations

import os
import warnings

import numpy as np
import pytest
from sklearn.datasets import make_regression

import mathml.ensemble as ml
import mathml.model_selection as ml_ms
import reference.ensemble as ref
import reference.model_selection as ref_ms
from mathml.ensemble._forest import (_textbook_RandomForestClassifier,
                                     _textbook_RandomForestRegressor)
from reference.catalog.ensemble._forest import data


def _same_trees(a, b):
    assert len(a.estimators_) == len(b.estimators_)
    for s, t in zip(a.estimators_, b.estimators_):
        assert s.random_state == t.random_state
        for name in ("children_left", "children_right", "feature", "threshold", "value"):
            np.testing.assert_array_equal(getattr(s.tree_, name), getattr(t.tree_, name))


def test_textbook_forest_is_the_forest():
    X, y, X_test = data(0, n=50, k=3)
    forest = ml.RandomForestClassifier(n_estimators=6, random_state=1).fit(X, y)
    np.testing.assert_array_equal(
        _textbook_RandomForestClassifier(X, y, X_test, n_estimators=6, random_state=1),
        forest.predict_proba(X_test))
    X, y, X_test = data(1, n=50, k=None)
    forest = ml.RandomForestRegressor(n_estimators=4, random_state=2).fit(X, y)
    np.testing.assert_array_equal(
        _textbook_RandomForestRegressor(X, y, X_test, n_estimators=4, random_state=2),
        forest.predict(X_test))


def _seed_002_learning_curve(train_sizes, n_estimators=100):
    """Seed 002's call through both backends: (sizes, train scores, test scores) each."""
    X, y = make_regression(n_samples=1000, n_features=10, noise=0.1, random_state=42)
    # n_jobs=-1 as the seed, in mathml (accepted, sequential); scikit-learn's would start a
    # pool of processes (seconds) to compute the same fits
    return [m.learning_curve(cls(n_estimators=n_estimators, random_state=42), X, y, cv=5,
                             n_jobs=n_jobs, train_sizes=train_sizes,
                             scoring="neg_mean_squared_error")
            for m, cls, n_jobs in ((ml_ms, ml.RandomForestRegressor, -1),
                                   (ref_ms, ref.RandomForestRegressor, None))]


def test_seed_002_learning_curve_call():
    """The seed's call (n_jobs=-1 accepted) with 3 trees instead of 100 and its first two
    sizes, all five folds: the same scores to the last bit. The catalog's seed case is the
    first point with 100 trees; the whole curve is the next test."""
    got, expected = _seed_002_learning_curve(np.linspace(0.1, 1.0, 10)[:2], n_estimators=3)
    for a, b in zip(got, expected):
        np.testing.assert_array_equal(a, b)
    assert got[0].tolist() == [80, 160]


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("MATHML_SLOW"),
                    reason="about 4 minutes (50 forests of 100 mathml trees on up to 800 rows):"
                           " run with MATHML_SLOW=1")
def test_seed_002_learning_curve_is_reproduced():
    """Seed 002's call, whole: 10 sizes × 5 folds of 100-tree forests, the same scores."""
    got, expected = _seed_002_learning_curve(np.linspace(0.1, 1.0, 10))
    for a, b in zip(got, expected):
        np.testing.assert_array_equal(a, b)
    assert got[0].tolist() == list(range(80, 801, 80))


def test_string_labels_as_scikit_learn():
    X, y, X_test = data(2, k=3)
    labels = np.array(["b", "a", "c"])[y]
    a = ml.RandomForestClassifier(n_estimators=5, random_state=0).fit(X, labels)
    b = ref.RandomForestClassifier(n_estimators=5, random_state=0).fit(X, labels)
    np.testing.assert_array_equal(a.classes_, ["a", "b", "c"])
    np.testing.assert_array_equal(a.predict(X_test), b.predict(X_test))
    _same_trees(a, b)


@pytest.mark.parametrize("cls", [ml.RandomForestClassifier, ml.RandomForestRegressor])
def test_warm_start_grows_the_same_forest(cls):
    X, y, X_test = data(3, k=2 if cls is ml.RandomForestClassifier else None)
    grown = cls(n_estimators=3, warm_start=True, random_state=4).fit(X, y)
    first = list(grown.estimators_)
    grown.set_params(n_estimators=7).fit(X, y)
    assert grown.estimators_[:3] == first            # the first trees are kept
    _same_trees(grown, cls(n_estimators=7, random_state=4).fit(X, y))
    with pytest.warns(UserWarning, match="does not fit new trees"):
        grown.fit(X, y)


def test_n_jobs_changes_nothing():
    X, y, X_test = data(5, k=2)
    a = ml.RandomForestClassifier(n_estimators=4, random_state=0, n_jobs=-1).fit(X, y)
    b = ml.RandomForestClassifier(n_estimators=4, random_state=0).fit(X, y)
    np.testing.assert_array_equal(a.predict_proba(X_test), b.predict_proba(X_test))


def test_probabilities_are_the_mean_of_the_trees():
    X, y, X_test = data(6, k=3)
    forest = ml.RandomForestClassifier(n_estimators=5, random_state=2).fit(X, y)
    P = forest.predict_proba(X_test)
    # the trees are fitted on the class indices; their mean, as a learner writes it
    mean = np.mean([t.predict_proba(X_test) for t in forest.estimators_], axis=0)
    np.testing.assert_allclose(P, mean, rtol=1e-15, atol=1e-15)  # summation order only
    np.testing.assert_allclose(P.sum(axis=1), 1.0, rtol=1e-15)   # each tree's rows sum to 1
    np.testing.assert_array_equal(forest.predict(X_test), forest.classes_[P.argmax(axis=1)])


def test_feature_importances():
    X, y, _ = data(7, k=2)
    forest = ml.RandomForestClassifier(n_estimators=5, random_state=0).fit(X, y)
    assert forest.feature_importances_.sum() == pytest.approx(1.0, abs=1e-15)
    X_const = np.ones((10, 3))
    stumps = ml.RandomForestRegressor(n_estimators=3, random_state=0).fit(X_const, np.arange(10.0))
    np.testing.assert_array_equal(stumps.feature_importances_, np.zeros(3))  # no split at all


def test_out_of_bag_rows_are_the_rows_not_drawn():
    X, y, _ = data(8, n=30, k=2)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        forest = ml.RandomForestClassifier(n_estimators=30, oob_score=True,
                                           random_state=3).fit(X, y)
    i = 0
    voters = [t for t in forest.estimators_
              if np.random.RandomState(t.random_state).randint(0, 30, 30).tolist().count(i) == 0]
    expected = np.mean([t.predict_proba(X[[i]])[0] for t in voters], axis=0)
    np.testing.assert_allclose(forest.oob_decision_function_[i], expected, rtol=1e-15)
    assert forest.oob_score_ == np.mean(forest.oob_decision_function_.argmax(axis=1) == y)


def test_the_reference_refuses_nan():
    X, y, _ = data(9, k=2)
    X[4, 2] = np.nan
    for forest in (ref.RandomForestClassifier(), ml.RandomForestClassifier()):
        with pytest.raises(ValueError, match="Input X contains NaN"):
            forest.fit(X, y)
