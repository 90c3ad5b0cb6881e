"""Least squares and ridge regression: `LinearRegression` (Householder QR) and `Ridge`
(Cholesky of XᵀX + αI)."""
from __future__ import annotations

from numbers import Real
from typing import ClassVar

import numpy as np
from numpy.typing import ArrayLike

from ..base import Interval
from ..exceptions import LinAlgError
from ._base import _center, _cholesky_solve, _least_squares, _LinearRegressor

__all__ = ["LinearRegression", "Ridge"]


class LinearRegression(_LinearRegressor):
    """Ordinary least squares.

    .. math::

        \\hat w, \\hat b = \\arg\\min_{w, b} \\lVert y - X w - b \\mathbf 1 \\rVert_2^2

    Parameters
    ----------
    fit_intercept : bool, default True
        Fit b (by centring); otherwise b = 0.

    Attributes
    ----------
    coef_ : ndarray of shape (n_features,) or (n_targets, n_features)
    intercept_ : float or ndarray of shape (n_targets,)
    n_features_in_ : int

    Raises
    ------
    ValueError
        scikit-learn's input checks (NaN/inf, 1-D X, length mismatch, wrong feature count).

    Notes
    -----
    *Algorithm*: 1. centre X and y; 2. QR of the centred [X | y], whose triangular factor
    holds R and Qᵀy, then w = R⁻¹Qᵀy (SVD minimum-norm fallback when R is numerically
    singular, or when n ≤ p); 3. b = ȳ − x̄ᵀw.
    *Complexity*: O(n p²).
    *Numerical stability*: Householder QR is backward stable; the error in w is
    ~κ(X)·eps + κ(X)²·eps·‖r‖/(‖X‖‖w‖) (no κ² from forming XᵀX).

    References
    ----------
    Golub & Van Loan, Matrix Computations, 4th ed., §5.3.

    Checked against ``reference.linear_model.LinearRegression`` →
    ``sklearn.linear_model.LinearRegression`` (SVD-based gelsd): equal within the
    least-squares conditioning bound.

    Examples
    --------
    >>> X = np.array([[1], [2], [3], [4], [5]]); y = np.array([2, 4, 5, 4, 5])
    >>> model = LinearRegression().fit(X, y)
    >>> print(f"Slope: {model.coef_[0]:.2f}, Intercept: {model.intercept_:.2f}")
    Slope: 0.60, Intercept: 2.20
    """

    # the tags scikit-learn declares for its LinearRegression
    _sklearn_tags: ClassVar[dict[str, object]] = {"target_tags.multi_output": True}

    _parameter_constraints = {"fit_intercept": ["boolean"]}

    def __init__(self, *, fit_intercept: bool = True) -> None:
        self.fit_intercept = fit_intercept

    def fit(self, X: ArrayLike, y: ArrayLike) -> LinearRegression:
        """Fit by least squares; returns self."""
        X, y = self._fit_data(X, y, multi_output=True)
        # Step 1: centre.
        Xc, yc, x_bar, y_bar = _center(X, y, self.fit_intercept)
        # Step 2: min ‖yc − Xc w‖ by QR.
        w = _least_squares(Xc, yc)
        # Step 3: intercept.
        self._set_intercept(w.T, x_bar, y_bar)
        return self


class Ridge(_LinearRegressor):
    """Least squares with an L2 penalty on the coefficients (not on the intercept).

    .. math::

        \\hat w = \\arg\\min_w \\lVert y_c - X_c w \\rVert_2^2 + \\alpha \\lVert w \\rVert_2^2
        = (X_c^\\mathsf T X_c + \\alpha I)^{-1} X_c^\\mathsf T y_c, \\qquad
        \\hat b = \\bar y - \\bar x^\\mathsf T \\hat w

    Parameters
    ----------
    alpha : float ≥ 0, default 1.0
    fit_intercept : bool, default True

    Attributes
    ----------
    coef_ : ndarray of shape (n_features,) or (n_targets, n_features)
    intercept_ : float or ndarray of shape (n_targets,)
    n_features_in_ : int

    Raises
    ------
    InvalidParameterError
        alpha < 0.
    ValueError
        scikit-learn's input checks.

    Notes
    -----
    *Algorithm*: 1. centre; 2. Cholesky of XᵀX + αI, two triangular solves (α = 0 or a
    singular system: the least-squares solution); 3. b = ȳ − x̄ᵀw.
    *Complexity*: O(n p² + p³).
    *Numerical stability*: forming XᵀX squares the condition number, which α bounds:
    κ(XᵀX + αI) ≤ (σ₁² + α)/α.

    References
    ----------
    Hastie, Tibshirani & Friedman, The Elements of Statistical Learning, 2nd ed., §3.4.1.

    Checked against ``reference.linear_model.Ridge`` → ``sklearn.linear_model.Ridge``
    (solver 'cholesky').

    Examples
    --------
    >>> X = np.array([[0.0], [1.0], [2.0]]); y = np.array([0.0, 1.0, 2.0])
    >>> np.round(Ridge(alpha=2.0).fit(X, y).coef_, 6)
    array([0.5])
    """

    # the tags scikit-learn declares for its Ridge
    _sklearn_tags: ClassVar[dict[str, object]] = {"target_tags.multi_output": True}

    _parameter_constraints = {"alpha": [Interval(Real, 0, None, closed="left")],
                              "fit_intercept": ["boolean"]}

    def __init__(self, alpha: float = 1.0, *, fit_intercept: bool = True) -> None:
        self.alpha = alpha
        self.fit_intercept = fit_intercept

    def fit(self, X: ArrayLike, y: ArrayLike) -> Ridge:
        """Fit the penalised least-squares problem; returns self."""
        X, y = self._fit_data(X, y, multi_output=True)
        # Step 1: centre.
        Xc, yc, x_bar, y_bar = _center(X, y, self.fit_intercept)
        # Step 2: (XᵀX + αI) w = Xᵀy.
        A = Xc.T @ Xc + self.alpha * np.eye(X.shape[1])
        try:
            w = _cholesky_solve(A, Xc.T @ yc) if self.alpha > 0 else _least_squares(Xc, yc)
        except LinAlgError:
            w = _least_squares(Xc, yc)
        # Step 3: intercept.
        self._set_intercept(w.T, x_bar, y_bar)
        return self
