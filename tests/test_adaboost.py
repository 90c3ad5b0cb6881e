"""AdaBoost-SAMME beyond the catalog: the boosting arithmetic on its own (on scikit-learn's
trees, so that only the SAMME steps are compared), the defining properties of the votes and
the reweighting, the early stops, the per-stage seeds, and the textbook form."""
from __future__ import annotations

import warnings

import numpy as np
import pytest
from sklearn.ensemble import AdaBoostClassifier as SkAdaBoost
from sklearn.tree import DecisionTreeClassifier as SkTree

from mathml.base import clone
from mathml.ensemble import AdaBoostClassifier
from mathml.ensemble._weight_boosting import (_reweight, _textbook_AdaBoostClassifier,
                                              _weighted_error)
from reference.compare import TOLERANCES

EXACT = TOLERANCES["exact"].rtol


def _data(seed: int, n: int = 200, p: int = 5, k: int = 3):
    rng = np.random.default_rng(seed)
    y = np.arange(n) % k
    X = rng.uniform(-1, 1, (k, p))[y] + rng.uniform(-1.5, 1.5, (n, p))
    return X, y, rng.uniform(-2, 2, (30, p))


def _fit_quietly(model, X, y, **fit_params):
    with warnings.catch_warnings():  # zero weights: scikit-learn's log(0) warns, ours not
        warnings.simplefilter("ignore", RuntimeWarning)
        return model.fit(X, y, **fit_params)


# --- the SAMME arithmetic alone, on scikit-learn's own trees ---------------------------------

@pytest.mark.parametrize("k, learning_rate, depth, weighted", [
    (2, 1.0, 1, False), (3, 1.0, 1, True), (4, 0.3, 2, False), (6, 1.7, 1, True),
    (9, 1.0, 3, True)])
def test_boosting_arithmetic_is_scikit_learns_bit_for_bit(k, learning_rate, depth, weighted):
    """Given the same trees (scikit-learn's, as `estimator`), every number the boosting
    forms — errors, votes, decision functions, probabilities, importances, each stage — is
    scikit-learn's to the last bit: the SAMME steps are reproduced operation for operation."""
    X, y, X_test = _data(k, k=k)
    w = None
    if weighted:
        w = np.random.default_rng(k).uniform(0, 2, len(y))
        w[:4] = 0.0
    params = dict(estimator=SkTree(max_depth=depth), n_estimators=40,
                  learning_rate=learning_rate, random_state=k)
    ours = _fit_quietly(AdaBoostClassifier(**params), X, y, sample_weight=w)
    theirs = _fit_quietly(SkAdaBoost(**params), X, y, sample_weight=w)
    assert len(ours) == len(theirs)
    assert [G.random_state for G in ours] == [G.random_state for G in theirs]
    for name in ("estimator_weights_", "estimator_errors_", "feature_importances_",
                 "classes_"):
        np.testing.assert_array_equal(getattr(ours, name), getattr(theirs, name), name)
    for name in ("decision_function", "predict_proba", "predict"):
        np.testing.assert_array_equal(getattr(ours, name)(X_test),
                                      getattr(theirs, name)(X_test), name)
    for name in ("staged_decision_function", "staged_predict_proba", "staged_predict"):
        for a, b in zip(getattr(ours, name)(X_test), getattr(theirs, name)(X_test),
                        strict=True):
            np.testing.assert_array_equal(a, b, name)
    assert list(ours.staged_score(X, y, w)) == list(theirs.staged_score(X, y, w))


def test_weighted_error_is_numpys_weighted_average():
    """`_weighted_error` spells out np.average(miss, weights=w) (a sum of products over a
    sum of weights, both numpy sums): the same number, bit for bit."""
    rng = np.random.default_rng(0)
    for n in (1, 7, 8, 9, 130, 1000, 4097):
        miss = rng.uniform(size=n) < 0.3
        w = rng.uniform(size=n) * 10.0 ** rng.integers(-5, 5, n)
        assert _weighted_error(miss, w) == np.mean(np.average(miss, weights=w, axis=0))


# --- defining properties of SAMME -------------------------------------------------------------

def test_vote_is_log_odds_plus_log_k_minus_1():
    """One mistake in four equal weights: err = 1/4, α = log 3 + log(K − 1)."""
    X = np.array([[0.0], [1.0], [2.0], [3.0]])
    for y, K in (([0, 0, 1, 0], 2), ([0, 0, 1, 2], 3)):
        clf = AdaBoostClassifier(estimator=SkTree(max_depth=1), n_estimators=1).fit(X, y)
        # the best stump gets one sample wrong (with K = 3 it can predict only two classes)
        assert clf.estimator_errors_[0] == 0.25
        assert clf.estimator_weights_[0] == pytest.approx(np.log(3.0) + np.log(K - 1.0),
                                                          rel=EXACT)


@pytest.mark.parametrize("K", [2, 3, 5])
def test_reweighting_makes_the_last_learner_a_random_guess(K):
    """After w_i ← w_i e^{α [miss_i]} with α = log((1 − err)/err) + log(K − 1), the learner
    just added has weighted error exactly (K − 1)/K: no better than guessing among K
    classes, so the next learner must find something new (the defining property of the
    AdaBoost update)."""
    rng = np.random.default_rng(K)
    w = rng.uniform(0.1, 1.0, 500)
    w /= w.sum()
    miss = rng.uniform(size=500) < 0.2
    err = _weighted_error(miss, w)
    alpha = np.log((1 - err) / err) + np.log(K - 1)
    assert _weighted_error(miss, _reweight(w, miss, alpha)) == pytest.approx((K - 1) / K,
                                                                             rel=EXACT)


def test_zero_weights_stay_zero():
    w = np.array([0.0, 0.25, 0.25, 0.5])
    out = _reweight(w, np.array([True, True, False, False]), 2.0)
    assert out[0] == 0.0 and out[1] == pytest.approx(0.25 * np.exp(2.0), rel=EXACT)


def test_decision_is_a_sum_zero_code_and_proba_its_softmax():
    """f_k sums to 0 over the classes (each h codes the class as 1 and the others as
    −1/(K − 1)); the probabilities are softmax(f/(K − 1)), rows summing to 1, and their
    argmax is the prediction."""
    X, y, X_test = _data(1, k=4)
    clf = AdaBoostClassifier(estimator=SkTree(max_depth=1), n_estimators=30,
                             random_state=0).fit(X, y)
    f = clf.decision_function(X_test)
    np.testing.assert_allclose(f.sum(axis=1), 0.0, atol=EXACT)
    P = clf.predict_proba(X_test)
    E = np.exp(f / 3)
    np.testing.assert_allclose(P, E / E.sum(axis=1, keepdims=True), rtol=EXACT)
    np.testing.assert_allclose(P.sum(axis=1), 1.0, rtol=EXACT)
    np.testing.assert_array_equal(clf.classes_[P.argmax(axis=1)], clf.predict(X_test))
    np.testing.assert_array_equal(np.log(P), clf.predict_log_proba(X_test))


def test_binary_decision_is_the_difference_of_the_two_classes():
    X, y, X_test = _data(2, k=2)
    clf = AdaBoostClassifier(estimator=SkTree(max_depth=1), n_estimators=20,
                             random_state=0).fit(X, y)
    d = clf.decision_function(X_test)
    assert d.shape == (len(X_test),)
    P = clf.predict_proba(X_test)
    np.testing.assert_allclose(P[:, 1], 1 / (1 + np.exp(-d)), rtol=EXACT)
    np.testing.assert_array_equal(clf.predict(X_test), clf.classes_[(d > 0).astype(int)])


def test_last_stage_is_the_ensemble():
    X, y, X_test = _data(3, k=3)
    clf = AdaBoostClassifier(estimator=SkTree(max_depth=1), n_estimators=25,
                             random_state=1).fit(X, y)
    *_, last = clf.staged_decision_function(X_test)
    np.testing.assert_allclose(last, clf.decision_function(X_test), rtol=EXACT, atol=EXACT)
    *_, last_pred = clf.staged_predict(X_test)
    np.testing.assert_array_equal(last_pred, clf.predict(X_test))
    assert len(list(clf.staged_score(X, y))) == len(clf) == 25
    assert list(clf.staged_score(X, y))[-1] == clf.score(X, y)


# --- early stops, seeds, the estimator API ----------------------------------------------------

def test_perfect_first_stump_stops_with_vote_one():
    X = np.linspace(0, 1, 20).reshape(-1, 1)
    y = (X[:, 0] > 0.45).astype(int)
    clf = AdaBoostClassifier(estimator=SkTree(max_depth=1), n_estimators=10).fit(X, y)
    assert len(clf) == 1
    np.testing.assert_array_equal(clf.estimator_weights_, np.r_[1.0, np.zeros(9)])
    np.testing.assert_array_equal(clf.estimator_errors_, np.r_[0.0, np.ones(9)])
    np.testing.assert_array_equal(clf.predict(X), y)


def test_useless_first_learner_is_an_error():
    X = np.ones((8, 2))
    with pytest.raises(ValueError, match="worse than random"):
        AdaBoostClassifier(estimator=SkTree(max_depth=1)).fit(X, np.arange(8) % 4)


def test_each_stage_gets_the_next_seed_of_random_state():
    """scikit-learn's rule: one draw randint(2³¹ − 1) per `random_state` hyperparameter of
    the estimator, per stage, from the ensemble's generator."""
    X, y, _ = _data(4, k=2)
    clf = AdaBoostClassifier(estimator=SkTree(max_depth=1), n_estimators=10,
                             random_state=42).fit(X, y)
    rs = np.random.RandomState(42)
    assert [G.random_state for G in clf] == [rs.randint(2**31 - 1) for _ in range(len(clf))]


def test_nested_hyperparameters_and_clone():
    clf = AdaBoostClassifier(estimator=SkTree(max_depth=1), n_estimators=7)
    clf.set_params(estimator__max_depth=3)
    assert clf.get_params()["estimator__max_depth"] == 3
    twin = clone(clf)
    assert twin.estimator is not clf.estimator and twin.estimator.max_depth == 3
    assert repr(AdaBoostClassifier(n_estimators=7)) == "AdaBoostClassifier(n_estimators=7)"


# --- the textbook form (needs mathml's own trees) ---------------------------------------------

@pytest.mark.parametrize("seed, k, learning_rate", [(0, 2, 1.0), (1, 3, 1.0), (2, 4, 0.5)])
def test_textbook_predicts_as_the_class(seed, k, learning_rate):
    """The few-line SAMME of `_textbook_AdaBoostClassifier` (argmax of Σ α [G(x) = k]) and
    the class (scikit-learn's coded decision function) predict the same classes."""
    X, y, X_test = _data(seed, k=k)
    clf = AdaBoostClassifier(n_estimators=30, learning_rate=learning_rate,
                             random_state=seed).fit(X, y)
    textbook = _textbook_AdaBoostClassifier(X, y, X_test, n_estimators=30,
                                            learning_rate=learning_rate, random_state=seed)
    np.testing.assert_array_equal(textbook, clf.predict(X_test))
