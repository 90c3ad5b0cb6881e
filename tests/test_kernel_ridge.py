"""Specifics of `mathml.kernel_ridge.KernelRidge` beyond the catalog: the dual form is ridge
regression (linear kernel), the textbook two lines, what sample weights and per-target
penalties mean, and the least-squares fallback."""
from __future__ import annotations

import warnings

import numpy as np
import pytest

from mathml.kernel_ridge import KernelRidge, _textbook_KernelRidge
from mathml.linear_model import Ridge
from reference.catalog._estimators import regression_data
from reference.compare import TOLERANCES

# closed forms solved in other orders on well-conditioned data (κ ≤ ~10²): normwise 1e-12
CLOSED = TOLERANCES["estimator_closed_form"].rtol


def _close(a, b):
    np.testing.assert_allclose(a, b, rtol=0, atol=CLOSED * np.abs(b).max())


@pytest.mark.parametrize("alpha", [0.5, 3.0])
def test_linear_kernel_is_ridge_without_intercept(alpha):
    """The dual solution a of (XXᵀ + αI) a = y gives the primal w = Xᵀa of
    (XᵀX + αI) w = Xᵀy: the same predictions."""
    X, y, X_test = regression_data(0, n=25, p=4)
    krr = KernelRidge(alpha=alpha, kernel="linear").fit(X, y)
    ridge = Ridge(alpha=alpha, fit_intercept=False).fit(X, y)
    _close(X.T @ krr.dual_coef_, ridge.coef_)
    _close(krr.predict(X_test), ridge.predict(X_test))


def test_textbook_form_is_the_same_model():
    X, y, X_test = regression_data(1, n=20, p=3)

    def rbf(x, z, gamma=0.4):
        return float(np.exp(-gamma * ((x - z) ** 2).sum()))

    _close(KernelRidge(alpha=0.7, kernel="rbf", gamma=0.4).fit(X, y).predict(X_test),
           _textbook_KernelRidge(X, y, X_test, alpha=0.7, kernel=rbf))
    _close(KernelRidge(alpha=2.0).fit(X, y).predict(X_test),
           _textbook_KernelRidge(X, y, X_test, alpha=2.0))


def test_integer_sample_weight_is_repeating_the_sample():
    """Σ s_i (y_i − f(x_i))² + α‖f‖²: a weight of 2 is the sample counted twice."""
    X, y, X_test = regression_data(2, n=15, p=2)
    w = np.ones(15)
    w[[0, 4]] = 2.0
    rows = np.r_[np.arange(15), 0, 4]
    weighted = KernelRidge(alpha=1.0, kernel="rbf").fit(X, y, sample_weight=w)
    repeated = KernelRidge(alpha=1.0, kernel="rbf").fit(X[rows], y[rows])
    _close(weighted.predict(X_test), repeated.predict(X_test))


def test_one_alpha_per_target_is_separate_fits():
    X, y, X_test = regression_data(3)
    Y = np.c_[y, y ** 2]
    both = KernelRidge(alpha=[0.3, 4.0], kernel="rbf").fit(X, Y)
    for j, alpha in enumerate((0.3, 4.0)):
        one = KernelRidge(alpha=alpha, kernel="rbf").fit(X, Y[:, j])
        _close(both.dual_coef_[:, j], one.dual_coef_)
        _close(both.predict(X_test)[:, j], one.predict(X_test))


def test_singular_system_falls_back_to_the_minimum_norm_solution():
    """Two equal samples, α = 0: K = [[1, 1, 0], [1, 1, 0], [0, 0, 1]] is singular; the
    least-squares solution of least norm splits the two targets' mean between them."""
    X = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = KernelRidge(alpha=0.0).fit(X, [1.0, 2.0, 3.0])
    assert any("Singular matrix in solving dual problem" in str(w.message) for w in caught)
    _close(model.dual_coef_, np.array([0.75, 0.75, 3.0]))


def test_penalties_fewer_than_targets_are_refused():
    X, y, _ = regression_data(4)
    with pytest.raises(ValueError, match="number of penalties"):
        KernelRidge(alpha=[1.0, 2.0]).fit(X, np.c_[y, y, y])
