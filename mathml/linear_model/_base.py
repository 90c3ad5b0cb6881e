"""Shared pieces of the linear models: centring, the least-squares and Cholesky solves,
and the regressors' ``predict``."""
from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._validation import validate_data
from ..base import BaseEstimator, RegressorMixin, check_is_fitted
from ..linalg import cholesky, lstsq, qr
from ..linalg._lu import _solve_triangular

EPS = float(np.finfo(np.float64).eps)


def _center(X: NDArray, y: NDArray, fit_intercept: bool):
    """(X − x̄, y − ȳ, x̄, ȳ); zero means without an intercept."""
    if not fit_intercept:
        return X, y, np.zeros(X.shape[1]), np.zeros(y.shape[1:])
    x_bar, y_bar = X.mean(axis=0), y.mean(axis=0)
    return X - x_bar, y - y_bar, x_bar, y_bar


def _cholesky_solve(A: NDArray, B: NDArray) -> NDArray:
    """Solve A X = B for symmetric positive definite A: A = LLᵀ, then two triangular solves."""
    L = cholesky(A)
    return _solve_triangular(L.T, _solve_triangular(L, B, lower=True), lower=False)


class _LinearRegressor(RegressorMixin, BaseEstimator):
    """``predict(X) = X wᵀ + b`` for the fitted ``coef_`` (w) and ``intercept_`` (b)."""

    fit_intercept: bool  # a parameter of every subclass

    def _fit_data(self, X: ArrayLike, y: ArrayLike,
                  multi_output: bool = False) -> tuple[NDArray, NDArray]:
        self._validate_hyperparameters()
        X, y = validate_data(self, X, y, y_numeric=True, multi_output=multi_output)
        return X, y

    def _set_intercept(self, w: NDArray, x_bar: NDArray, y_bar) -> None:
        self.coef_ = w
        self.intercept_ = (y_bar - x_bar @ w.T) if self.fit_intercept else \
            (0.0 if w.ndim == 1 else np.zeros(w.shape[0]))
        if np.ndim(self.intercept_) == 0:
            self.intercept_ = float(self.intercept_)

    def predict(self, X: ArrayLike) -> NDArray[np.float64]:
        """Predicted targets ``X wᵀ + b``, shape (n_samples,) or (n_samples, n_targets)."""
        check_is_fitted(self)
        X = validate_data(self, X, reset=False)
        return X @ self.coef_.T + self.intercept_


def _least_squares(X: NDArray, y: NDArray) -> NDArray:
    """argmin ‖y − Xw‖₂ by Householder QR, or the SVD's minimum-norm solution when X is
    (numerically) rank deficient, as LAPACK's gelsd."""
    n, p = X.shape
    if n > p > 0:
        # QR of [X | y]: its R is [[R, Qᵀy], [0, ·]], so Q is never formed.
        Y = y.reshape(n, -1)
        R_aug = qr(np.hstack([X, Y]), mode="r")
        R, Qty = R_aug[:p, :p], R_aug[:p, p:]
        d = np.abs(np.diag(R))
        if d.min() > max(n, p) * EPS * d.max():
            # R w = Qᵀ y
            return _solve_triangular(R, Qty, lower=False).reshape((p,) + y.shape[1:])
    return lstsq(X, y)[0]
