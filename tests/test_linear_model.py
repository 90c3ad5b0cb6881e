"""Specifics of `mathml.linear_model` beyond the catalog's agreement with scikit-learn."""
import warnings

import numpy as np
import pytest

from mathml import linear_model as ml
from mathml.exceptions import ConvergenceWarning

X5 = np.array([[1], [2], [3], [4], [5]])
Y5 = np.array([2, 4, 5, 4, 5])


def _seed_gradient_descent(X, y, learning_rate=0.01, n_iterations=1000):
    """Seed 002's CustomLinearRegression.fit, verbatim but for the class around it."""
    n_samples, n_features = X.shape
    weights, bias = np.zeros(n_features), 0
    for _ in range(n_iterations):
        y_predicted = np.dot(X, weights) + bias
        dw = (1 / n_samples) * np.dot(X.T, (y_predicted - y))
        db = (1 / n_samples) * np.sum(y_predicted - y)
        weights -= learning_rate * dw
        bias -= learning_rate * db
    return weights, bias


def test_sgd_reproduces_the_seeds_gradient_descent():
    """GradientDescentRegressor with the seed's step and iteration count takes the seed's steps."""
    weights, bias = _seed_gradient_descent(X5, Y5)
    model = ml.GradientDescentRegressor(eta0=0.01, max_iter=1000, tol=None).fit(X5, Y5)
    # the same 1000 steps, sums in another order: rounding only (1e-12 relative)
    np.testing.assert_allclose(model.coef_, weights, rtol=1e-12)
    np.testing.assert_allclose(model.intercept_, bias, rtol=1e-12)  # as above


def test_sgd_defaults_converge_to_least_squares():
    """The seed's data: slope 6/10 and intercept 4 − 3·0.6 in closed form (x̄ = 3, ȳ = 4,
    Sxy = 6, Sxx = 10)."""
    model = ml.GradientDescentRegressor().fit(X5, Y5)
    # stopped by the default tol = 1e-3 on the loss: observed relative error 2.7e-10
    np.testing.assert_allclose(model.coef_, [0.6], rtol=1e-9)
    np.testing.assert_allclose(model.intercept_, 2.2, rtol=1e-9)  # as above


def test_seed_slope_and_intercept():
    model = ml.LinearRegression().fit(X5, Y5)
    assert f"Slope: {model.coef_[0]:.2f}" == "Slope: 0.60"
    assert f"Intercept: {model.intercept_:.2f}" == "Intercept: 2.20"


def test_rank_deficient_least_squares_is_minimum_norm():
    """A duplicated column: the SVD fallback splits the weight equally, as gelsd does."""
    X = np.c_[X5, X5].astype(float)
    model = ml.LinearRegression().fit(X, Y5)
    np.testing.assert_allclose(model.coef_, [0.3, 0.3], rtol=1e-12)  # SVD: rounding only


def test_ridge_does_not_penalise_the_intercept():
    """Shifting y shifts only the intercept."""
    X = np.random.default_rng(0).uniform(size=(20, 3))
    y = X @ [1.0, 2.0, 3.0]
    a, b = ml.Ridge(alpha=5.0).fit(X, y), ml.Ridge(alpha=5.0).fit(X, y + 100.0)
    # centring removes the shift up to the rounding of y + 100 (~1e-14 relative)
    np.testing.assert_allclose(a.coef_, b.coef_, rtol=1e-12)
    np.testing.assert_allclose(b.intercept_ - a.intercept_, 100.0, rtol=1e-12)  # as above


@pytest.mark.parametrize("cls", [ml.Lasso, ml.ElasticNet])
def test_coordinate_descent_warns_when_it_stops_early(cls):
    X = np.random.default_rng(1).uniform(size=(30, 5))
    y = X @ np.arange(5.0)
    with pytest.warns(ConvergenceWarning):
        cls(alpha=1e-3, max_iter=1, tol=1e-12).fit(X, y)


def test_lasso_zeroes_all_coefficients_above_alpha_max():
    """α ≥ max|Xᵀ(y − ȳ)|/n makes w = 0 the optimum (the KKT condition at 0)."""
    rng = np.random.default_rng(2)
    X, y = rng.uniform(size=(25, 4)), rng.uniform(size=25)
    Xc = X - X.mean(axis=0)
    alpha_max = np.abs(Xc.T @ (y - y.mean())).max() / len(y)
    assert not ml.Lasso(alpha=alpha_max * 1.0001).fit(X, y).coef_.any()
    assert ml.Lasso(alpha=alpha_max * 0.9).fit(X, y).coef_.any()


def test_logistic_gradient_vanishes_at_the_fit():
    """The first-order condition of C·Σ loss + ½‖w‖² (intercept unpenalised)."""
    rng = np.random.default_rng(3)
    X = rng.uniform(-2, 2, (60, 3))
    y = (X[:, 0] + rng.uniform(-1, 1, 60) > 0).astype(int)
    model = ml.LogisticRegression(C=0.7, tol=1e-10, solver="newton-cholesky").fit(X, y)
    p = model.predict_proba(X)[:, 1]
    grad_w = 0.7 * X.T @ (p - y) + model.coef_.ravel()
    grad_b = 0.7 * (p - y).sum()
    assert np.abs(grad_w).max() < 1e-10 and abs(grad_b) < 1e-10


@pytest.mark.parametrize("solver", ["lbfgs", "newton-cg", "newton-cholesky", "sag", "saga"])
def test_logistic_fits_separable_data_at_huge_c(solver):
    """C = 1e308 on separable data (issue 16): C·Σs used to overflow to inf inside the
    solver. The fit has no finite optimum, so no reference values: every solver must return
    finite coefficients that separate the classes."""
    X = np.array([[0.0, 1], [1, 0], [2, 1], [3, 0], [4, 1], [5, 0]])
    y = np.array([0, 0, 0, 1, 1, 1])
    with np.errstate(over="raise", invalid="raise"), warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)   # sag/saga stop at max_iter
        model = ml.LogisticRegression(C=1e308, solver=solver).fit(X, y)
    assert np.isfinite(model.coef_).all() and np.isfinite(model.intercept_).all()
    assert (model.predict(X) == y).all()


def test_lasso_at_huge_alpha_is_zero_not_nan():
    """Lasso(alpha=1e308) (issue 16): n·alpha overflows to inf and inf·0 (the L2 weight at
    l1_ratio=1) was NaN; the solution is w = 0, b = mean(y), and the gap is 0."""
    rng = np.random.default_rng(0)
    X = rng.normal(size=(20, 3))
    y = X @ [1.0, 2.0, 3.0] + 1.0
    with np.errstate(over="raise", invalid="raise"):
        model = ml.Lasso(alpha=1e308).fit(X, y)
    assert (model.coef_ == 0.0).all() and model.intercept_ == pytest.approx(y.mean(), rel=1e-15)
    assert model.dual_gap_ == 0.0


def test_multinomial_probabilities_sum_to_one_and_intercepts_sum_to_zero():
    rng = np.random.default_rng(4)
    X = rng.uniform(-2, 2, (60, 2))
    y = np.arange(60) % 3
    model = ml.LogisticRegression().fit(X, y)
    # a softmax row sums to 1 up to 3 roundings
    np.testing.assert_allclose(model.predict_proba(X).sum(axis=1), 1.0, rtol=1e-14)
    assert abs(model.intercept_.sum()) < 1e-12  # the class-sum direction is not moved


def test_logistic_rejects_a_continuous_target():
    with pytest.raises(ValueError, match="Unknown label type"):
        ml.LogisticRegression().fit(X5, Y5 + 0.5)


@pytest.mark.parametrize("solver", ["sag", "saga"])
def test_sag_draws_scikit_learns_samples(solver):
    """The same seed, step size and stopping rule as scikit-learn's SAG/SAGA: the same
    number of epochs per target (a different draw sequence would stop elsewhere)."""
    from reference.linear_model import Ridge as RefRidge
    rng = np.random.default_rng(5)
    X = rng.uniform(-2, 2, (40, 4))
    Y = np.c_[X @ [1.0, -2.0, 0.5, 3.0], X @ [0.2, 0.1, -1.0, 2.0]] + rng.uniform(-1, 1, (40, 2))
    for seed in (0, 7, 123):
        params = dict(alpha=[0.5, 2.0], solver=solver, tol=1e-8, random_state=seed)
        got, expected = ml.Ridge(**params).fit(X, Y), RefRidge(**params).fit(X, Y)
        np.testing.assert_array_equal(got.n_iter_, expected.n_iter_)


def test_ridge_solvers_reach_one_minimiser():
    """Six solvers, one problem: the same w where the gradient Xᵀ(Xw − y) + αw vanishes."""
    rng = np.random.default_rng(6)
    X, y = rng.uniform(-2, 2, (50, 5)), rng.uniform(-1, 1, 50)
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    for solver in ("cholesky", "svd", "lsqr", "sparse_cg", "sag", "saga"):
        w = ml.Ridge(alpha=3.0, solver=solver, tol=1e-12, random_state=0).fit(X, y).coef_
        gradient = Xc.T @ (Xc @ w - yc) + 3.0 * w
        # the direct solvers to rounding (~1e-13); the iterative ones stop when a step
        # moves w by ≤ 1e-12 relatively, which leaves a gradient of the same order
        assert np.abs(gradient).max() < 1e-9, solver


def test_logistic_warm_start_resumes_from_the_previous_fit():
    """A second fit from the first one's optimum: Newton stops at once, at the same point."""
    rng = np.random.default_rng(7)
    X = rng.uniform(-2, 2, (50, 3))
    y = np.arange(50) % 3
    model = ml.LogisticRegression(solver="newton-cholesky", warm_start=True, tol=1e-8)
    first = model.fit(X, y).coef_.copy()
    assert model.fit(X, y).n_iter_[0] == 0
    np.testing.assert_array_equal(model.coef_, first)  # no step taken: the same numbers
    cold = ml.LogisticRegression(solver="newton-cholesky", tol=1e-8).fit(X, y)
    assert cold.n_iter_[0] > 0


def test_balanced_class_weight_is_sample_weight_n_over_k_nk():
    """'balanced' weighs class k by n/(K·n_k): the same fit as repeating rows that often."""
    rng = np.random.default_rng(8)
    X = rng.uniform(-2, 2, (30, 2))
    y = np.r_[np.zeros(20, int), np.ones(10, int)]          # weights 30/40 and 30/20
    balanced = ml.LogisticRegression(class_weight="balanced", C=0.75, solver="newton-cholesky",
                                     tol=1e-10).fit(X, y)
    # C·(¾·Σ₀ + 3/2·Σ₁) = (C·¾)·(Σ₀ + 2·Σ₁): class 1's rows twice at C·¾
    X_rep, y_rep = np.r_[X, X[y == 1]], np.r_[y, y[y == 1]]
    repeated = ml.LogisticRegression(C=0.75 * 0.75, solver="newton-cholesky",
                                     tol=1e-10).fit(X_rep, y_rep)
    # two Newton solves of one problem summed in another order: rounding only
    np.testing.assert_allclose(balanced.coef_, repeated.coef_, rtol=1e-9)


def test_random_selection_draws_scikit_learns_coordinates():
    """The same random_state, the same coordinate order: scikit-learn's sweep count (its
    gap-safe screening, which changes the set drawn from, acts only at gap checks, here
    at the end)."""
    from reference.linear_model import Lasso as RefLasso
    rng = np.random.default_rng(9)
    X = rng.uniform(-2, 2, (30, 6))
    y = X @ [1.0, -2.0, 0.0, 0.5, 0.0, 3.0] + rng.uniform(-1, 1, 30)
    for seed in (0, 1, 42):
        params = dict(alpha=0.05, selection="random", random_state=seed, tol=1e-10)
        assert ml.Lasso(**params).fit(X, y).n_iter_ == RefLasso(**params).fit(X, y).n_iter_


def test_lasso_warm_start_and_targets():
    """warm_start resumes at the optimum, which meets the gap before any sweep (scikit-learn's
    n_iter_ is 0 there too); two targets are two independent fits."""
    rng = np.random.default_rng(10)
    X = rng.uniform(-2, 2, (40, 4))
    Y = np.c_[X @ [1.0, 0.0, -1.0, 2.0], X @ [0.0, 3.0, 1.0, 0.0]] + rng.uniform(-1, 1, (40, 2))
    model = ml.Lasso(alpha=0.1, tol=1e-10, warm_start=True).fit(X, Y[:, 0])
    assert model.fit(X, Y[:, 0]).n_iter_ == 0
    both = ml.Lasso(alpha=0.1, tol=1e-10).fit(X, Y)
    for k in range(2):
        one = ml.Lasso(alpha=0.1, tol=1e-10).fit(X, Y[:, k])
        # the same steps; ȳ of a column of a 2-D y is summed in another order (rounding)
        np.testing.assert_allclose(both.coef_[k], one.coef_, rtol=1e-12)
        np.testing.assert_allclose(both.intercept_[k], one.intercept_, rtol=1e-12)


def test_positive_lasso_solves_the_constrained_kkt():
    """w ≥ 0: on the support x_jᵀr/n = α, off it x_jᵀr/n ≤ α (one-sided)."""
    rng = np.random.default_rng(11)
    X = rng.uniform(-2, 2, (50, 5))
    y = X @ [2.0, -3.0, 1.0, -1.0, 0.5] + rng.uniform(-1, 1, 50)
    model = ml.Lasso(alpha=0.2, positive=True, tol=1e-14, max_iter=100000).fit(X, y)
    assert (model.coef_ >= 0).all() and (model.coef_ == 0).any()
    Xc = X - X.mean(axis=0)
    c = Xc.T @ (y - y.mean() - Xc @ model.coef_) / len(y)
    on = model.coef_ > 0
    # coordinate descent to a duality gap of 1e-14·‖y‖²: the KKT residual ~1e-7
    np.testing.assert_allclose(c[on], 0.2, atol=1e-6)
    assert (c[~on] <= 0.2 + 1e-6).all()


def test_lasso_path_starts_at_alpha_max_with_zero():
    """The grid's first α is α_max = max|Xᵀy|/n, where every coefficient is 0."""
    rng = np.random.default_rng(12)
    X, y = rng.uniform(-1, 1, (30, 3)), rng.uniform(-1, 1, 30)
    alphas, coefs, _ = ml.lasso_path(X, y, alphas=5, tol=1e-12)
    assert alphas[0] == np.abs(X.T @ y).max() / 30
    assert not coefs[:, 0].any() and coefs[:, -1].all()
    np.testing.assert_allclose(alphas[-1] / alphas[0], 1e-3, rtol=1e-12)  # eps, to rounding


@pytest.mark.parametrize(("n", "p", "collinear"), [(30, 3, False), (30, 3, True), (5, 8, False)],
                         ids=["full rank", "kappa 1e8", "p > n"])
def test_linear_regression_rank_and_singular_values_as_scikit_learn(n, p, collinear):
    """rank_ at scikit-learn's cutoff (σ ≤ 1e-6·σ₁ is zero) and the singular values of the
    centred X, against scikit-learn's gelsd (relative 1e-12 on the σ, exact on the rank)."""
    from sklearn.linear_model import LinearRegression as Reference
    rng = np.random.default_rng(n + p)
    X = rng.uniform(-2, 2, (n, p))
    if collinear:
        X[:, 2] = X[:, 0] + 1e-8 * rng.uniform(-1, 1, n)
    y = X @ rng.uniform(-3, 3, p) + rng.uniform(-1, 1, n)
    ours, theirs = ml.LinearRegression().fit(X, y), Reference().fit(X, y)
    assert ours.rank_ == theirs.rank_ and type(ours.rank_) is type(theirs.rank_)
    np.testing.assert_allclose(ours.singular_, theirs.singular_, rtol=1e-12,
                               atol=1e-12 * theirs.singular_[0])
