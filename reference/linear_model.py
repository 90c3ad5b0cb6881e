"""Linear models through scikit-learn: the reference for `mathml.linear_model`.

Each class is scikit-learn's, with the `__init__` of `mathml.linear_model` (the
hyperparameters mathml offers); the others are fixed at the values that make the two the
same model, each said in a comment.
"""
from __future__ import annotations

import numpy as np
from sklearn.utils.validation import check_X_y
import sklearn.linear_model as sk
from sklearn.base import BaseEstimator, RegressorMixin

__all__ = ["LinearRegression", "Ridge", "Lasso", "ElasticNet", "GradientDescentRegressor",
           "SGDRegressor", "SGDClassifier", "LogisticRegression", "lasso_path", "enet_path"]


class LinearRegression(sk.LinearRegression):
    def __init__(self, *, fit_intercept=True):
        super().__init__(fit_intercept=fit_intercept)


class Ridge(sk.Ridge):
    # copy_X is fixed at True (mathml never writes into X)
    def __init__(self, alpha=1.0, *, fit_intercept=True, max_iter=None, tol=1e-4,
                 solver="auto", positive=False, random_state=None):
        super().__init__(alpha=alpha, fit_intercept=fit_intercept, max_iter=max_iter, tol=tol,
                         solver=solver, positive=positive, random_state=random_state)


class ElasticNet(sk.ElasticNet):
    # copy_X is fixed at True (mathml never writes into X)
    def __init__(self, alpha=1.0, *, l1_ratio=0.5, fit_intercept=True, precompute=False,
                 max_iter=1000, tol=1e-4, warm_start=False, positive=False, random_state=None,
                 selection="cyclic"):
        super().__init__(alpha=alpha, l1_ratio=l1_ratio, fit_intercept=fit_intercept,
                         precompute=precompute, max_iter=max_iter, tol=tol,
                         warm_start=warm_start, positive=positive, random_state=random_state,
                         selection=selection)


class Lasso(sk.Lasso):
    # copy_X is fixed at True, as ElasticNet
    def __init__(self, alpha=1.0, *, fit_intercept=True, precompute=False, max_iter=1000,
                 tol=1e-4, warm_start=False, positive=False, random_state=None,
                 selection="cyclic"):
        super().__init__(alpha=alpha, fit_intercept=fit_intercept, precompute=precompute,
                         max_iter=max_iter, tol=tol, warm_start=warm_start, positive=positive,
                         random_state=random_state, selection=selection)


def _one_target(y):
    """mathml's paths take one target (scikit-learn's 2-D y is the multi-task problem); any
    other bad y (None, a string, 0-d, 3-D, ragged) fails in scikit-learn's own checks."""
    try:
        two_d = np.ndim(y) == 2
    except ValueError:  # ragged
        two_d = False
    if two_d:
        raise ValueError("mathml's enet_path fits one target: y must be 1-D (scikit-learn "
                         "runs the multi-task elastic net for a 2-D y)")


def enet_path(X, y, *, l1_ratio=0.5, eps=1e-3, n_alphas="deprecated", alphas="warn",
              precompute="auto", coef_init=None, return_n_iter=False, positive=False,
              **params):
    # Xy, copy_X, verbose and check_input are left at scikit-learn's defaults
    _one_target(y)
    return sk.enet_path(X, y, l1_ratio=l1_ratio, eps=eps, n_alphas=n_alphas, alphas=alphas,
                        precompute=precompute, coef_init=coef_init,
                        return_n_iter=return_n_iter, positive=positive, **params)


def lasso_path(X, y, *, eps=1e-3, n_alphas="deprecated", alphas="warn", precompute="auto",
               coef_init=None, return_n_iter=False, positive=False, **params):
    _one_target(y)
    return sk.lasso_path(X, y, eps=eps, n_alphas=n_alphas, alphas=alphas,
                         precompute=precompute, coef_init=coef_init,
                         return_n_iter=return_n_iter, positive=positive, **params)


class GradientDescentRegressor(RegressorMixin, BaseEstimator):
    """mathml's GradientDescentRegressor is full-batch gradient descent; its limit is the exact minimiser
    of ½·mean((Xw + b − y)²) + ½α‖w‖², i.e. Ridge with penalty n·α (LinearRegression at
    α = 0): the reference computes that limit directly. scikit-learn's own SGDRegressor
    samples one point per step and stops far from the minimiser, so it is not comparable."""

    def __init__(self, *, alpha=0.0, fit_intercept=True, max_iter=100000, tol=1e-10, eta0=None):
        self.alpha = alpha
        self.fit_intercept = fit_intercept
        self.max_iter = max_iter
        self.tol = tol
        self.eta0 = eta0

    def fit(self, X, y):
        # the hyperparameters the limit does not depend on are still checked, as mathml does
        if self.eta0 is not None and not self.eta0 > 0:
            from sklearn.utils._param_validation import InvalidParameterError
            raise InvalidParameterError("The 'eta0' parameter of GradientDescentRegressor must be a float "
                                        f"in the range (0.0, inf) or None. Got {self.eta0!r} "
                                        "instead.")
        # the data checked as mathml's fit checks it (one target, numeric)
        X, y = check_X_y(X, y, y_numeric=True, estimator=self)
        n = X.shape[0]
        model = sk.Ridge(alpha=self.alpha * n, fit_intercept=self.fit_intercept).fit(X, y) \
            if self.alpha > 0 else sk.LinearRegression(fit_intercept=self.fit_intercept).fit(X, y)
        self.coef_, self.intercept_ = model.coef_, model.intercept_  # scikit-learn's types
        self.n_features_in_ = model.n_features_in_
        self._model = model
        return self

    def predict(self, X):
        return self._model.predict(X)


class SGDRegressor(sk.SGDRegressor):
    """scikit-learn's, with its own signature: mathml offers every hyperparameter."""


class SGDClassifier(sk.SGDClassifier):
    """scikit-learn's, with its own signature (``n_jobs`` runs the one-vs-all problems in
    threads; each has its own seed, drawn before, so the result does not depend on it)."""


class LogisticRegression(sk.LogisticRegression):
    # dual=False (mathml solves the primal), verbose=0 and n_jobs=None (no effect since 1.8)
    def __init__(self, penalty="deprecated", *, C=1.0, l1_ratio=0.0, tol=1e-4,
                 fit_intercept=True, intercept_scaling=1, class_weight=None, random_state=None,
                 solver="lbfgs", max_iter=100, warm_start=False):
        super().__init__(penalty=penalty, C=C, l1_ratio=l1_ratio, tol=tol,
                         fit_intercept=fit_intercept, intercept_scaling=intercept_scaling,
                         class_weight=class_weight, random_state=random_state, solver=solver,
                         max_iter=max_iter, warm_start=warm_start)
