"""Linear models through scikit-learn: the reference for `mathml.linear_model`.

Each class is scikit-learn's, with the `__init__` of `mathml.linear_model` (the
hyperparameters mathml offers); the others are fixed at the values that make the two the
same model, each said in a comment.
"""
from __future__ import annotations

import numpy as np
import sklearn.linear_model as sk
from sklearn.base import BaseEstimator, RegressorMixin

__all__ = ["LinearRegression", "Ridge", "Lasso", "ElasticNet", "SGDRegressor",
           "LogisticRegression"]


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
    def __init__(self, alpha=1.0, *, l1_ratio=0.5, fit_intercept=True, max_iter=1000, tol=1e-4):
        super().__init__(alpha=alpha, l1_ratio=l1_ratio, fit_intercept=fit_intercept,
                         max_iter=max_iter, tol=tol)


class Lasso(sk.Lasso):
    def __init__(self, alpha=1.0, *, fit_intercept=True, max_iter=1000, tol=1e-4):
        super().__init__(alpha=alpha, fit_intercept=fit_intercept, max_iter=max_iter, tol=tol)


class SGDRegressor(RegressorMixin, BaseEstimator):
    """mathml's SGDRegressor is full-batch gradient descent; its limit is the exact minimiser
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
            raise InvalidParameterError("The 'eta0' parameter of SGDRegressor must be a float "
                                        f"in the range (0.0, inf) or None. Got {self.eta0!r} "
                                        "instead.")
        n = np.shape(X)[0]
        model = sk.Ridge(alpha=self.alpha * n, fit_intercept=self.fit_intercept).fit(X, y) \
            if self.alpha > 0 else sk.LinearRegression(fit_intercept=self.fit_intercept).fit(X, y)
        self.coef_, self.intercept_ = model.coef_, float(model.intercept_)
        self.n_features_in_ = model.n_features_in_
        self._model = model
        return self

    def predict(self, X):
        return self._model.predict(X)


class LogisticRegression(sk.LogisticRegression):
    # scikit-learn ≥ 1.8 deprecates `penalty`: no penalty is C = inf, the L2 penalty l1_ratio = 0.
    def __init__(self, penalty="l2", *, C=1.0, fit_intercept=True, tol=1e-4, max_iter=100):
        self.penalty = penalty
        self.C = C
        self.fit_intercept = fit_intercept
        self.tol = tol
        self.max_iter = max_iter

    def fit(self, X, y):
        if self.penalty not in ("l2", None):
            from sklearn.utils._param_validation import InvalidParameterError
            raise InvalidParameterError(
                "The 'penalty' parameter of LogisticRegression must be a str among {'l2'} or "
                f"None. Got {self.penalty!r} instead.")
        model = sk.LogisticRegression(C=np.inf if self.penalty is None else self.C,
                                      fit_intercept=self.fit_intercept, tol=self.tol,
                                      max_iter=self.max_iter).fit(X, y)
        for name in ("classes_", "coef_", "intercept_", "n_iter_", "n_features_in_"):
            setattr(self, name, getattr(model, name))
        return self

    def __sklearn_tags__(self):
        # scikit-learn's tags read `solver`, a hyperparameter this signature leaves out
        return sk.LogisticRegression().__sklearn_tags__()
