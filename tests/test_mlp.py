"""Multilayer perceptrons beyond the catalog: the constructor's positional parameter,
partial_fit against fit, backpropagation against finite differences, a decreasing loss,
the textbook algorithm, what the catalog's comparer cannot hold (string labels, a
multilabel y, warm starts) and the refused solver."""
from __future__ import annotations

import warnings

import numpy as np
import pytest
import sklearn.neural_network as sk
from sklearn.exceptions import ConvergenceWarning as SkConvergenceWarning

from mathml.exceptions import ConvergenceWarning, InvalidParameterError
from mathml.neural_network import MLPClassifier, MLPRegressor
from mathml.neural_network._multilayer_perceptron import _textbook_MLPClassifier
from reference.catalog.neural_network import mlp_data


def _same_weights(a, b) -> bool:
    return all(np.array_equal(u, v) for u, v in zip(a.coefs_ + a.intercepts_,
                                                    b.coefs_ + b.intercepts_))


def test_first_positional_parameter_of_the_regressor_is_loss():
    X, y, _ = mlp_data(0, regression=True)
    with pytest.raises(InvalidParameterError, match="The 'loss' parameter of MLPRegressor"):
        MLPRegressor(100).fit(X, y)
    assert MLPClassifier(100).hidden_layer_sizes == 100  # the classifier's first is the size


@pytest.mark.parametrize("solver", ["sgd", "adam"])
def test_partial_fit_is_one_epoch_of_fit(solver):
    """scikit-learn's partial_fit and fit(max_iter=1) give the same weights; so do ours,
    and they equal scikit-learn's."""
    X, y, _ = mlp_data(3, n=45, k=3)
    params = dict(hidden_layer_sizes=(7,), solver=solver, batch_size=10, random_state=4,
                  learning_rate_init=0.05)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        warnings.simplefilter("ignore", SkConvergenceWarning)
        ours_fit = MLPClassifier(max_iter=1, **params).fit(X, y)
        theirs_fit = sk.MLPClassifier(max_iter=1, **params).fit(X, y)
    ours = MLPClassifier(**params).partial_fit(X, y, classes=[0, 1, 2])
    theirs = sk.MLPClassifier(**params).partial_fit(X, y, classes=[0, 1, 2])
    assert _same_weights(theirs, theirs_fit)
    assert _same_weights(ours, ours_fit) and _same_weights(ours, theirs)
    assert ours.loss_curve_ == ours_fit.loss_curve_ == theirs.loss_curve_


def _numerical_gradient(model, X, Y, eps=1e-6):
    """Central differences of the minibatch loss in every weight and bias."""
    grads = []
    for P in model.coefs_ + model.intercepts_:
        G = np.zeros_like(P)
        for idx in np.ndindex(P.shape):
            saved = P[idx]
            P[idx] = saved + eps
            up = model._backprop(X, Y, None, [X] + [None] * (model.n_layers_ - 1))[0]
            P[idx] = saved - eps
            down = model._backprop(X, Y, None, [X] + [None] * (model.n_layers_ - 1))[0]
            P[idx] = saved
            G[idx] = (up - down) / (2 * eps)
        grads.append(G)
    return grads


@pytest.mark.parametrize("kind, activation, outputs", [
    ("binary", "logistic", 1), ("multiclass", "tanh", 1), ("multiclass", "identity", 1),
    ("squared_error", "relu", 1), ("squared_error", "tanh", 2), ("poisson", "tanh", 2)])
def test_backprop_matches_finite_differences(kind, activation, outputs):
    """Each (loss, output activation) pair's δ_L = A_L − Y and the backward pass through
    each hidden activation give the derivative of the loss (penalty included). With m
    squared-error outputs the loss is averaged over them but δ_L is not (scikit-learn's
    convention), so the data part of the gradient is m times the loss's: α = 0 there."""
    regression = kind in ("squared_error", "poisson")
    X, y, _ = mlp_data(5, n=12, p=3, k=3 if kind == "multiclass" else 2,
                       regression=regression, outputs=outputs)
    if kind == "poisson":
        y = np.abs(y)
    m = outputs if kind == "squared_error" else 1
    params = dict(hidden_layer_sizes=(4, 3), activation=activation,
                  alpha=0.3 if m == 1 else 0.0, max_iter=2, random_state=6,
                  learning_rate_init=0.01)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model = (MLPRegressor(kind, **params) if regression else MLPClassifier(**params)).fit(X, y)
    Y = (y if regression else model._label_binarizer.transform(y).astype(bool))
    Y = Y.reshape(len(X), -1)
    _, coef_grads, intercept_grads = model._backprop(X, Y, None,
                                                     [X] + [None] * (model.n_layers_ - 1))
    numerical = [m * G for G in _numerical_gradient(model, X, Y)]
    for analytic, approx in zip(coef_grads + intercept_grads, numerical):
        # central differences: truncation O(eps²) and rounding O(1e-16/eps) = O(1e-10)
        np.testing.assert_allclose(analytic, approx, rtol=1e-6, atol=1e-8)


def test_loss_decreases_under_full_batch_gradient_descent():
    X, y, _ = mlp_data(7, n=60, k=3)
    model = MLPClassifier(hidden_layer_sizes=(10,), activation="tanh", solver="sgd",
                          momentum=0.0, batch_size=60, learning_rate_init=0.1, max_iter=30,
                          n_iter_no_change=np.inf, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        curve = model.fit(X, y).loss_curve_
    assert np.all(np.diff(curve) < 0)  # a small enough step decreases J at every epoch
    assert curve[-1] < 0.9 * curve[0]


def test_textbook_form_is_the_estimator():
    """The textbook loop (one tanh layer, softmax, full-batch gradient descent) equals
    MLPClassifier with momentum 0, α = 0, one batch and no shuffling, up to rounding: the
    same draws, the same mathematics, other operation orders."""
    X, y, _ = mlp_data(8, n=40, k=3)
    params, losses = _textbook_MLPClassifier(X, y, n_hidden=6, learning_rate=0.2,
                                             n_epochs=25, random_state=3)
    model = MLPClassifier(hidden_layer_sizes=(6,), activation="tanh", solver="sgd",
                          momentum=0.0, alpha=0.0, batch_size=40, shuffle=False,
                          learning_rate_init=0.2, max_iter=25, n_iter_no_change=np.inf,
                          random_state=3)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(X, y)
    ours = [model.coefs_[0], model.intercepts_[0], model.coefs_[1], model.intercepts_[1]]
    for a, b in zip(params, ours):
        # 25 steps, each rounding differently (g/n then ·η against η·g/n): ~1e-15 per step
        np.testing.assert_allclose(a, b, rtol=1e-11, atol=1e-13)
    np.testing.assert_allclose(losses, model.loss_curve_, rtol=1e-12)


def test_string_labels_and_multilabel_are_bitwise_scikit_learns():
    X, y, X_test = mlp_data(9, k=3, labels=["ant", "bee", "cat"])
    Y = np.column_stack([X[:, 0] > 0, X[:, 1] + X[:, 2] > 0, X[:, 2] > 0.5]).astype(int)
    for target in (y, Y):
        params = dict(hidden_layer_sizes=(5,), max_iter=4, random_state=2,
                      learning_rate_init=0.05)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ours = MLPClassifier(**params).fit(X, target)
            theirs = sk.MLPClassifier(**params).fit(X, target)
        assert _same_weights(ours, theirs) and ours.loss_curve_ == theirs.loss_curve_
        assert np.array_equal(ours.classes_, theirs.classes_)
        assert np.array_equal(ours.predict(X_test), theirs.predict(X_test))
        assert np.array_equal(ours.predict_proba(X_test), theirs.predict_proba(X_test))


@pytest.mark.parametrize("early_stopping", [False, True])
def test_warm_start_continues_as_scikit_learns(early_stopping):
    X, y, _ = mlp_data(10, n=60, regression=True)
    params = dict(hidden_layer_sizes=(6,), max_iter=3, warm_start=True, random_state=5,
                  early_stopping=early_stopping, learning_rate_init=0.01)
    ours, theirs = MLPRegressor(**params), sk.MLPRegressor(**params)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in range(2):
            ours.fit(X, y)
            theirs.fit(X, y)
    assert _same_weights(ours, theirs) and ours.loss_curve_ == theirs.loss_curve_
    assert ours.t_ == theirs.t_ == 2 * ours.n_iter_ * (54 if early_stopping else 60)


def test_partial_fit_rejects_new_classes_and_lbfgs_is_refused():
    X, y, _ = mlp_data(11)
    model = MLPClassifier(hidden_layer_sizes=(3,)).partial_fit(X, y, classes=[0, 1])
    with pytest.raises(ValueError, match="`y` has classes not in `self.classes_`"):
        model.partial_fit(X, y + 1)
    with pytest.raises(NotImplementedError, match="solver='lbfgs' is not implemented"):
        MLPClassifier(solver="lbfgs").fit(X, y)
    with pytest.raises(AttributeError, match="partial_fit is only available for stochastic"):
        MLPClassifier(solver="lbfgs").partial_fit(X, y, classes=[0, 1])


def test_verbose_prints_scikit_learns_lines(capsys):
    X, y, _ = mlp_data(12, regression=True)
    params = dict(hidden_layer_sizes=(4,), solver="sgd", learning_rate="adaptive", tol=10.0,
                  n_iter_no_change=1, max_iter=3, random_state=0, verbose=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        MLPRegressor(**params).fit(X, y)
        ours = capsys.readouterr().out
        sk.MLPRegressor(**params).fit(X, y)
        theirs = capsys.readouterr().out
    assert ours == theirs and "Setting learning rate to" in ours


@pytest.mark.parametrize("regression", [False, True])
@pytest.mark.parametrize("batch_size", ["auto", 16])
def test_float32_data_is_trained_in_float32_as_scikit_learns(regression, batch_size):
    """scikit-learn computes in the data's precision: float32 X gives float32 weights and
    predictions; the losses are float32 too, except the classifier's (SciPy's xlogy of a
    boolean target is float64) and with a given batch_size (a float32 loss times NumPy's
    integer count is float64). The values are float32 rounding apart: the same operations,
    rounded to float32 at slightly different places (the logistic and the logarithms are
    evaluated in float64 here), a few ulps of float32 (eps 1.2e-7) after five epochs."""
    X, y, X_test = mlp_data(30, n=57, regression=regression)
    X32, X_test32 = X.astype(np.float32), X_test.astype(np.float32)
    y32 = y.astype(np.float32) if regression else y
    params = dict(hidden_layer_sizes=(6,), activation="logistic", batch_size=batch_size,
                  max_iter=5, random_state=0)
    ours, theirs = ((MLPRegressor if regression else MLPClassifier)(**params),
                    (sk.MLPRegressor if regression else sk.MLPClassifier)(**params))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ours.fit(X32, y32)
        theirs.fit(X32, y32)
    predict = "predict" if regression else "predict_proba"
    pairs = [*zip(ours.coefs_ + ours.intercepts_, theirs.coefs_ + theirs.intercepts_),
             (getattr(ours, predict)(X_test32), getattr(theirs, predict)(X_test32)),
             (ours.loss_, theirs.loss_), (ours.best_loss_, theirs.best_loss_),
             *zip(ours.loss_curve_, theirs.loss_curve_)]
    for got, expected in pairs:
        assert type(got) is type(expected) and np.asarray(got).dtype == np.asarray(expected).dtype
        np.testing.assert_allclose(got, expected, rtol=0,
                                   atol=4 * np.finfo(np.float32).eps * np.max(np.abs(expected)))
    assert ours.coefs_[0].dtype == np.float32
    # float64 test data on float32 weights: float64 out, as NumPy's promotion gives
    assert getattr(ours, predict)(X_test).dtype == getattr(theirs, predict)(X_test).dtype
