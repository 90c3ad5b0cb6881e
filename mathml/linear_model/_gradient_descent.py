"""`GradientDescentRegressor`: linear regression by full-batch gradient descent (the seeds'
algorithm; scikit-learn's stochastic `SGDRegressor` is in `_stochastic_gradient`)."""
from __future__ import annotations

import warnings
from numbers import Integral, Real

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..base import Interval
from ..exceptions import ConvergenceWarning
from ._base import _LinearRegressor

__all__ = ["GradientDescentRegressor"]


def _largest_eigenvalue(A: NDArray, n_steps: int = 50) -> float:
    """λ_max of a symmetric positive semidefinite A by power iteration (an estimate from
    below, so the caller adds a margin)."""
    v = np.ones(A.shape[0]) / np.sqrt(A.shape[0])
    lam = 0.0
    for _ in range(n_steps):
        Av = A @ v
        lam = float(np.sqrt(Av @ Av))
        if lam == 0.0:
            return 0.0
        v = Av / lam
    return lam


def _gradient_descent(X: NDArray, y: NDArray, alpha: float, eta: float, max_iter: int,
                      tol: float | None, fit_intercept: bool) -> tuple[NDArray, float, int]:
    """Full-batch gradient descent on ½·mean((Xw + b − y)²) + ½α‖w‖², from w = 0, b = 0.

    ∇_w = Xᵀ(Xw + b − y)/n + αw,  ∇_b = mean(Xw + b − y); stop when ‖∇‖∞ ≤ tol."""
    n, p = X.shape
    w, b = np.zeros(p), 0.0
    for k in range(1, max_iter + 1):
        r = X @ w + b - y
        grad_w = X.T @ r / n + alpha * w
        grad_b = float(r.sum() / n) if fit_intercept else 0.0
        w -= eta * grad_w
        b -= eta * grad_b
        if tol is not None and max(np.abs(grad_w).max(initial=0.0), abs(grad_b)) <= tol:
            return w, b, k
    if tol is not None:
        warnings.warn("Maximum number of iteration reached before convergence. Consider "
                      "increasing max_iter to improve the fit.", ConvergenceWarning,
                      stacklevel=3)
    return w, b, max_iter


class GradientDescentRegressor(_LinearRegressor):
    """Linear regression by (full-batch) gradient descent on the squared error.

    .. math::

        \\min_{w,b} \\frac{1}{2n} \\lVert X w + b - y \\rVert_2^2 + \\frac{\\alpha}{2}\\lVert w\\rVert_2^2,
        \\qquad w \\leftarrow w - \\eta \\nabla_w, \\quad b \\leftarrow b - \\eta \\nabla_b

    The hyperparameter names are scikit-learn's; the algorithm is the seeds' gradient
    descent: every step uses all samples (no sampling, no shuffling), so the result
    is deterministic and converges to the penalised least-squares solution.

    Parameters
    ----------
    alpha : float ≥ 0, default 0.0
        L2 penalty (scikit-learn's default is 1e-4; 0 makes the limit `LinearRegression`).
    fit_intercept : bool, default True
    max_iter : int, default 100000
    tol : float or None, default 1e-10
        Stop when the largest gradient entry ≤ tol; None runs exactly max_iter steps.
    eta0 : float or None, default None
        Step size η; None takes η = 1/L with L the largest eigenvalue of the Hessian
        (estimated by power iteration, with a 1% margin), the largest step for which plain
        gradient descent is guaranteed to converge.

    Attributes
    ----------
    coef_ : ndarray of shape (n_features,)
    intercept_ : float
    n_iter_ : int
    n_features_in_ : int

    Raises
    ------
    InvalidParameterError, ValueError
        A hyperparameter out of range; scikit-learn's input checks.

    Warns
    -----
    ConvergenceWarning
        max_iter reached with tol set.

    Notes
    -----
    *Algorithm*: 1. the step size; 2. gradient steps from zero until the gradient is below
    tol. Differences from scikit-learn's SGDRegressor (mathml's `SGDRegressor`): full batch
    instead of one sample per step, constant step (its ``learning_rate='constant'``),
    ½-scaled squared error, alpha default 0, no ``shuffle``/``random_state``/``loss``/``penalty`` choices.
    *Complexity*: O(n p) per step; the number of steps grows with κ(Hessian)·log(1/tol).
    *Numerical stability*: with η ≤ 1/L every step decreases the objective.

    References
    ----------
    Nocedal & Wright, Numerical Optimization, 2nd ed., §3.3 (steepest descent rate).

    Checked against ``reference.linear_model.GradientDescentRegressor`` →
    ``sklearn.linear_model.Ridge / LinearRegression`` (the minimiser), solved exactly:
    agreement to the tolerance of the stopping rule.

    Examples
    --------
    >>> X = np.array([[1], [2], [3], [4], [5]]); y = np.array([2, 4, 5, 4, 5])
    >>> model = GradientDescentRegressor().fit(X, y)
    >>> print(f"{model.coef_[0]:.4f} {model.intercept_:.4f}")
    0.6000 2.2000
    """

    _parameter_constraints = {"alpha": [Interval(Real, 0, None, closed="left")],
                              "fit_intercept": ["boolean"],
                              "max_iter": [Interval(Integral, 1, None, closed="left")],
                              "tol": [Interval(Real, 0, None, closed="left"), None],
                              "eta0": [Interval(Real, 0, None, closed="neither"), None]}

    def __init__(self, *, alpha: float = 0.0, fit_intercept: bool = True,
                 max_iter: int = 100000, tol: float | None = 1e-10,
                 eta0: float | None = None) -> None:
        self.alpha = alpha
        self.fit_intercept = fit_intercept
        self.max_iter = max_iter
        self.tol = tol
        self.eta0 = eta0

    def fit(self, X: ArrayLike, y: ArrayLike) -> GradientDescentRegressor:
        """Run gradient descent; returns self."""
        X, y = self._fit_data(X, y)
        # Step 1: η = 1/L, L = λ_max([X 1]ᵀ[X 1]/n + αI).
        eta = self.eta0
        if eta is None:
            Z = np.hstack([X, np.ones((X.shape[0], 1))]) if self.fit_intercept else X
            L = _largest_eigenvalue(Z.T @ Z / X.shape[0]) + self.alpha
            eta = 1.0 / (1.01 * L) if L > 0 else 1.0
        # Step 2: descend.
        w, b, self.n_iter_ = _gradient_descent(X, y, self.alpha, eta, self.max_iter, self.tol,
                                               self.fit_intercept)
        self.coef_ = w.astype(self._out_dtype)
        self.intercept_ = self._out_dtype(b) if self.fit_intercept else 0.0
        return self
