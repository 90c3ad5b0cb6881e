"""Shared pieces of the linear models: centring, the least-squares and Cholesky solves,
and the regressors' ``predict``."""
from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._validation import float_dtype_of, validate_data
from ..base import BaseEstimator, RegressorMixin, check_is_fitted
from ..linalg import cholesky, lstsq, qr, svd
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
    #: the dtype scikit-learn's fit checks the data with ("numeric", or float types)
    _fit_dtype: object = "numeric"

    def _fit_data(self, X: ArrayLike, y: ArrayLike,
                  multi_output: bool = False) -> tuple[NDArray, NDArray]:
        self._validate_hyperparameters()
        # float32 data gives float32 coefficients, as scikit-learn (computed in float64)
        self._out_dtype = float_dtype_of(X)
        X, y = validate_data(self, X, y, y_numeric=True, multi_output=multi_output,
                             dtype=self._fit_dtype)
        return X, y

    def _set_intercept(self, w: NDArray, x_bar: NDArray, y_bar) -> None:
        self.coef_ = w
        self.intercept_ = (y_bar - x_bar @ w.T) if self.fit_intercept else \
            (0.0 if w.ndim == 1 else np.zeros(w.shape[0]))
        dtype = getattr(self, "_out_dtype", np.float64)
        self.coef_ = np.asarray(self.coef_).astype(dtype, copy=False)
        if np.ndim(self.intercept_) == 0 and self.fit_intercept:
            # scikit-learn's type: a numpy scalar when fitted, the float 0.0 when not
            self.intercept_ = dtype(self.intercept_)
        elif np.ndim(self.intercept_) > 0:
            self.intercept_ = np.asarray(self.intercept_).astype(dtype, copy=False)

    def predict(self, X: ArrayLike) -> NDArray[np.float64]:
        """Predicted targets ``X wᵀ + b``, shape (n_samples,) or (n_samples, n_targets)."""
        check_is_fitted(self)
        dtype = np.result_type(float_dtype_of(X), self.coef_.dtype)
        X = validate_data(self, X, reset=False)
        return (X @ self.coef_.T + self.intercept_).astype(dtype, copy=False)


# scikit-learn's LinearRegression hands its tol (default 1e-6) to scipy.linalg.lstsq as
# ``cond``: singular values σ ≤ 1e-6·σ₁ count as zero.
RCOND = 1e-6


def _least_squares(X: NDArray, y: NDArray, rcond: float = RCOND) -> tuple[NDArray, int, NDArray]:
    """(w, rank, σ): argmin ‖y − Xw‖₂, the numerical rank of X at the cutoff rcond·σ₁ and
    its singular values, as LAPACK's gelsd. w by Householder QR when X has full column
    rank, else the SVD's minimum-norm solution over the σ above the cutoff."""
    n, p = X.shape
    if n <= p:
        w, _, rank, s = lstsq(X, y, rcond=rcond)   # its rank uses the same cutoff
        return w, int(rank), s
    # QR of [X | y]: its R is [[R, Qᵀy], [0, ·]], so Q is never formed. X = QR with Q
    # orthonormal, so X and the small p × p R have the same singular values.
    R_aug = qr(np.hstack([X, y.reshape(n, -1)]), mode="r")
    R, Qty = R_aug[:p, :p], R_aug[:p, p:]
    s = svd(R, compute_uv=False)
    rank = int(np.count_nonzero(s > rcond * s[0]))
    if rank == p:
        return _solve_triangular(R, Qty, lower=False).reshape((p,) + y.shape[1:]), rank, s
    return lstsq(X, y, rcond=rcond)[0], rank, s    # rank-deficient: the minimum-norm w
