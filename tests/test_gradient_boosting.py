"""Specifics of `mathml.ensemble.GradientBoostingClassifier/Regressor`: the loss mathematics
(each negative gradient is the derivative of its loss, each leaf step minimises its loss,
every value bit for bit as scikit-learn's Cython losses), the random subsample, the
percentiles, and the estimator paths the catalog's cases do not reach (warm start, staged
outputs, the textbook form)."""
from __future__ import annotations

import numpy as np
import pytest
from sklearn._loss import loss as sk_loss
from sklearn.ensemble._gradient_boosting import _random_sample_mask
from sklearn.utils.stats import _weighted_percentile as sk_weighted_percentile

import mathml.ensemble as ml
import reference.ensemble as ref
from mathml.ensemble import _gradient_boosting as gb
from reference.catalog.ensemble._gradient_boosting import classification, regression

RNG = np.random.default_rng(20261204)
N = 2000
Y_REAL = RNG.normal(size=N) * 3
Y_BINARY = (RNG.random(N) < 0.4).astype(float)
F_WIDE = RNG.normal(size=N) * 8          # reaches every branch of log(1 + e^F)
F_WIDE[:4] = [-40.0, -20.0, 25.0, 40.0]
W = RNG.uniform(0.1, 2.0, N)

REGRESSION_LOSSES = [
    (gb._SquaredError(), sk_loss.HalfSquaredError()),
    (gb._AbsoluteError(), sk_loss.AbsoluteError()),
    (gb._Quantile(0.3), sk_loss.PinballLoss(quantile=0.3)),
    (gb._Huber(0.9), sk_loss.HuberLoss(quantile=0.9)),
]
BINARY_LOSSES = [
    (gb._BinomialLogLoss(), sk_loss.HalfBinomialLoss()),
    (gb._ExponentialLoss(), sk_loss.ExponentialLoss()),
]


def _pairs():
    for ours, theirs in REGRESSION_LOSSES:
        yield ours, theirs, Y_REAL, RNG.normal(size=N) * 3
    for ours, theirs in BINARY_LOSSES:
        yield ours, theirs, Y_BINARY, F_WIDE


@pytest.mark.parametrize("ours, theirs, y, F", list(_pairs()),
                         ids=lambda v: type(v).__name__ if hasattr(v, "loss") else "")
def test_loss_and_gradient_are_scikit_learns_bit_for_bit(ours, theirs, y, F):
    np.testing.assert_array_equal(ours.loss(y, F[:, None]), theirs.loss(y, F))
    np.testing.assert_array_equal(ours.negative_gradient(y, F[:, None]),
                                  -theirs.gradient(y, F))
    assert ours.score(y, F[:, None], W) == ours.factor * theirs(y, F, sample_weight=W)


def test_multinomial_loss_and_gradient_are_scikit_learns_bit_for_bit():
    K = 4
    y = RNG.integers(0, K, N).astype(float)
    F = RNG.normal(size=(N, K)) * 5
    ours, theirs = gb._MultinomialLogLoss(K), sk_loss.HalfMultinomialLoss(n_classes=K)
    np.testing.assert_array_equal(ours.loss(y, F), theirs.loss(y, F))
    np.testing.assert_array_equal(ours.negative_gradient(y, F), -theirs.gradient(y, F))
    np.testing.assert_array_equal(ours.predict_proba(F), theirs.predict_proba(F))
    p = RNG.dirichlet(np.ones(K), 50)
    np.testing.assert_array_equal(ours.link(p), theirs.link.link(p))


@pytest.mark.parametrize("ours, theirs", BINARY_LOSSES, ids=["log_loss", "exponential"])
def test_binary_link_and_probabilities_are_scikit_learns(ours, theirs):
    p = np.concatenate([RNG.random(500), [1e-12, 0.3, 0.65, 1 - 1e-12]])
    np.testing.assert_array_equal(ours.link(p), theirs.link.link(p))
    np.testing.assert_array_equal(ours.predict_proba(F_WIDE[:, None]),
                                  theirs.predict_proba(F_WIDE))


def _loss_at(loss, y, F):
    return loss.loss(y, np.atleast_1d(F)[:, None] * np.ones((len(y), 1)))


@pytest.mark.parametrize("loss", [gb._SquaredError(), gb._Quantile(0.3), gb._Huber(0.9),
                                  gb._AbsoluteError(), gb._BinomialLogLoss(),
                                  gb._ExponentialLoss()],
                         ids=lambda v: type(v).__name__)
def test_negative_gradient_is_minus_the_derivative_of_the_loss(loss):
    # central differences with h = 1e-6 on a smooth piece: truncation O(h²) ≈ 1e-12 and
    # cancellation ≈ eps·|L|/h ≈ 1e-9 relative; points within 1e-3 of a kink are left out
    y = Y_BINARY[:200] if hasattr(loss, "link") else Y_REAL[:200]
    F = RNG.normal(size=200)
    if isinstance(loss, gb._Huber):
        loss.set_delta(y, F[:, None], np.ones(200))
    h = 1e-6
    numeric = (loss.loss(y, (F + h)[:, None]) - loss.loss(y, (F - h)[:, None])) / (2 * h)
    away = np.abs(y - F) > 1e-3
    if isinstance(loss, gb._Huber):
        away &= np.abs(np.abs(y - F) - loss.delta) > 1e-3
    np.testing.assert_allclose(loss.negative_gradient(y, F[:, None])[away], -numeric[away],
                               rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize("loss", [gb._AbsoluteError(), gb._Quantile(0.25), gb._Quantile(0.8)],
                         ids=["absolute", "quantile 0.25", "quantile 0.8"])
def test_leaf_step_minimises_the_leaf_loss(loss):
    # the weighted α-quantile minimises Σ w ρ_α(d − γ); a convex piecewise-linear function
    # is minimal at a data point: none of the candidates does better
    y, F, w = Y_REAL[:41], RNG.normal(size=41), W[:41]
    gamma = loss.leaf_step(y, None, F, w)
    total = lambda g: float((w * loss.loss(y, (F + g)[:, None])).sum())  # noqa: E731
    assert all(total(gamma) <= total(c) + 1e-12 * abs(total(c)) for c in y - F)


def test_huber_leaf_step_is_one_step_from_the_median():
    y, F, w = Y_REAL[:51], RNG.normal(size=51), W[:51]
    loss = gb._Huber(0.9)
    loss.delta = 0.7
    d = y - F
    m = gb._weighted_percentile(d, w, 50)
    clipped = np.clip(d - m, -0.7, 0.7)
    assert loss.leaf_step(y, None, F, w) == pytest.approx(m + (w * clipped).sum() / w.sum(),
                                                          rel=1e-15)


def test_log_loss_leaf_step_is_a_newton_step():
    y, F, w = Y_BINARY[:30], F_WIDE[4:34] / 4, W[:30]
    loss = gb._BinomialLogLoss()
    r = loss.negative_gradient(y, F[:, None])
    p = 1 / (1 + np.exp(-F))
    newton = (w * (y - p)).sum() / (w * p * (1 - p)).sum()
    assert loss.leaf_step(y, r, F, w) == pytest.approx(newton, rel=1e-13)


def test_safe_divide_gives_zero_for_a_vanishing_hessian():
    assert gb._safe_divide(1.0, 1e-200) == 0.0
    assert gb._safe_divide(3.0, 2.0) == 1.5


@pytest.mark.parametrize("n", [1, 2, 7, 50, 301])
@pytest.mark.parametrize("q", [0.0, 10.0, 25.0, 50.0, 90.00000000000001, 100.0])
def test_percentiles_are_numpys_and_scikit_learns(n, q):
    a = np.round(RNG.normal(size=n), 1)          # ties included
    w = RNG.uniform(0, 2, n)
    w[::3] = 0.0
    w[-1] = 1.0
    assert gb._percentile(a, q) == np.percentile(a, q)
    assert gb._weighted_percentile(a, w, q) == sk_weighted_percentile(a, w, q)


@pytest.mark.parametrize("n, frac", [(10, 0.5), (100, 0.3), (1000, 0.8), (7, 0.99)])
def test_subsample_is_scikit_learns_draw(n, frac):
    n_inbag = max(1, int(frac * n))
    ours = gb._selection_sample(n, n_inbag, np.random.RandomState(n))
    theirs = _random_sample_mask(n, n_inbag, np.random.RandomState(n))
    np.testing.assert_array_equal(ours, theirs)
    assert ours.sum() == n_inbag


# --- the estimators (they need mathml.tree) ---------------------------------------------------

def _both(cls_name, X, y, **params):
    return (getattr(ml, cls_name)(**params).fit(X, y), getattr(ref, cls_name)(**params).fit(X, y))


def test_textbook_is_the_squared_error_regressor():
    X, y, X_test = regression(3)
    F0, trees = gb._textbook_GradientBoostingRegressor(X, y, n_estimators=20, random_state=5)
    F = F0 + sum(0.1 * t.predict(X_test.astype(np.float32)) for t in trees)
    model = ml.GradientBoostingRegressor(n_estimators=20, random_state=5).fit(X, y)
    # the textbook sums the stages in another order: a few ulps of the largest |F|
    np.testing.assert_allclose(F, model.predict(X_test), rtol=0, atol=1e-13 * np.abs(F).max())


def test_warm_start_adds_stages_as_one_fit_would():
    X, y, X_test = classification(4, k=3)
    model = ml.GradientBoostingClassifier(n_estimators=5, warm_start=True, random_state=1,
                                          subsample=0.8)
    model.fit(X, y).set_params(n_estimators=12).fit(X, y)
    expected = ref.GradientBoostingClassifier(n_estimators=5, warm_start=True, random_state=1,
                                              subsample=0.8)
    expected.fit(X, y).set_params(n_estimators=12).fit(X, y)
    assert model.estimators_.shape == (12, 3)
    np.testing.assert_array_equal(model.train_score_, expected.train_score_)
    np.testing.assert_array_equal(model.oob_scores_, expected.oob_scores_)
    np.testing.assert_array_equal(model.predict_proba(X_test), expected.predict_proba(X_test))
    with pytest.raises(ValueError, match="n_estimators=3 must be larger or equal to "
                                         "estimators_.shape\\[0\\]=12 when warm_start==True"):
        model.set_params(n_estimators=3).fit(X, y)


def test_staged_outputs_end_at_the_final_ones():
    X, y, X_test = regression(5)
    model = ml.GradientBoostingRegressor(n_estimators=7, loss="huber", random_state=0).fit(X, y)
    stages = list(model.staged_predict(X_test))
    assert len(stages) == 7
    np.testing.assert_array_equal(stages[-1], model.predict(X_test))
    Xc, yc, Xc_test = classification(6, k=3)
    clf = ml.GradientBoostingClassifier(n_estimators=4, random_state=0).fit(Xc, yc)
    np.testing.assert_array_equal(list(clf.staged_predict_proba(Xc_test))[-1],
                                  clf.predict_proba(Xc_test))
    np.testing.assert_array_equal(list(clf.staged_predict(Xc_test))[-1], clf.predict(Xc_test))


def test_init_estimator_and_sample_weight_refusal():
    X, y, _ = regression(7)

    class NoWeights:
        def fit(self, X, y):
            self.c = float(np.mean(y))
            return self

        def predict(self, X):
            return np.full(len(X), self.c)

    model = ml.GradientBoostingRegressor(n_estimators=3, init=NoWeights()).fit(X, y)
    assert model.init_.c == pytest.approx(y.mean(), rel=1e-15)
    with pytest.raises(ValueError, match="The initial estimator NoWeights does not support "
                                         "sample weights"):
        ml.GradientBoostingRegressor(n_estimators=3, init=NoWeights()).fit(
            X, y, sample_weight=np.ones(len(y)))


def test_zero_weight_class_is_refused():
    X, y, _ = classification(8)
    w = np.where(y == 1, 0.0, 1.0)
    for cls in (ml.GradientBoostingClassifier, ref.GradientBoostingClassifier):
        with pytest.raises(ValueError, match="y contains 1 class after sample_weight trimmed"):
            cls(n_estimators=2).fit(X, y, sample_weight=w)


def test_monitor_stops_the_fit():
    X, y, _ = regression(9)
    for cls in (ml.GradientBoostingRegressor, ref.GradientBoostingRegressor):
        model = cls(n_estimators=10, random_state=0).fit(X, y, monitor=lambda i, m, _: i == 3)
        assert model.n_estimators_ == 4 and model.estimators_.shape == (4, 1)
