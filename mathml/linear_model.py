"""Linear models: least squares, ridge, lasso, elastic net, gradient descent, logistic regression.

Every model centres X and y when it fits an intercept, solves for the coefficients on the
centred data, and recovers the intercept as ``b = ȳ − x̄ᵀw`` — which is why the penalties
never touch the intercept (scikit-learn's convention).

Solvers, each written with `mathml.linalg`:

- `LinearRegression`: Householder QR of the centred X (condition number κ, not κ² as the
  normal equations); a rank-deficient X falls back to the SVD's minimum-norm solution,
  which is what scikit-learn's ``scipy.linalg.lstsq`` (LAPACK gelsd, SVD-based) always
  returns. QR costs 2np² − 2p³/3 flops against the SVD's ~4np² + 8p³ and is as accurate when
  X has full column rank; only on (near) rank-deficient X do the two differ, and there the
  fallback makes them agree.
- `Ridge`: Cholesky of XᵀX + αI (positive definite for α > 0), as scikit-learn's 'cholesky'.
- `Lasso`, `ElasticNet`: cyclic coordinate descent with soft thresholding, stopped by
  scikit-learn's duality gap.
- `SGDRegressor`: full-batch gradient descent on the squared error (the seeds' algorithm).
- `LogisticRegression`: Newton's method (IRLS) with a backtracking line search.
"""
from __future__ import annotations

import warnings
from numbers import Integral, Real

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validation import check_classification_targets, validate_data
from .base import (BaseEstimator, ClassifierMixin, Interval, RegressorMixin, StrOptions,
                   check_is_fitted)
from .exceptions import ConvergenceWarning, LinAlgError
from .linalg import cholesky, lstsq, qr
from .linalg._lu import _solve_triangular

__all__ = ["LinearRegression", "Ridge", "Lasso", "ElasticNet", "SGDRegressor",
           "LogisticRegression"]

EPS = float(np.finfo(np.float64).eps)


# ---------------------------------------------------------------------------------------
# Shared plumbing
# ---------------------------------------------------------------------------------------

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

    def _fit_data(self, X, y, multi_output: bool = False):
        self._validate_params()
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


# ---------------------------------------------------------------------------------------
# LinearRegression
# ---------------------------------------------------------------------------------------

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

    _parameter_constraints = {"fit_intercept": ["boolean"]}

    def __init__(self, *, fit_intercept: bool = True) -> None:
        self.fit_intercept = fit_intercept

    def fit(self, X: ArrayLike, y: ArrayLike) -> "LinearRegression":
        """Fit by least squares; returns self."""
        X, y = self._fit_data(X, y, multi_output=True)
        # Step 1: centre.
        Xc, yc, x_bar, y_bar = _center(X, y, self.fit_intercept)
        # Step 2: min ‖yc − Xc w‖ by QR.
        w = _least_squares(Xc, yc)
        # Step 3: intercept.
        self._set_intercept(w.T, x_bar, y_bar)
        return self


# ---------------------------------------------------------------------------------------
# Ridge
# ---------------------------------------------------------------------------------------

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

    _parameter_constraints = {"alpha": [Interval(Real, 0, None, closed="left")],
                              "fit_intercept": ["boolean"]}

    def __init__(self, alpha: float = 1.0, *, fit_intercept: bool = True) -> None:
        self.alpha = alpha
        self.fit_intercept = fit_intercept

    def fit(self, X: ArrayLike, y: ArrayLike) -> "Ridge":
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


# ---------------------------------------------------------------------------------------
# Lasso and ElasticNet: coordinate descent
# ---------------------------------------------------------------------------------------

def _duality_gap(X: NDArray, y: NDArray, w: NDArray, l1: float, l2: float) -> float:
    """scikit-learn's gap for ½‖y − Xw‖² + l1‖w‖₁ + ½ l2‖w‖²: a dual point from the residual
    scaled into the dual feasible set, gap = primal − dual ≥ 0."""
    R = y - X @ w
    XtA = X.T @ R - l2 * w
    dual_norm = np.abs(XtA).max(initial=0.0)
    R_norm2 = R @ R
    const = l1 / dual_norm if dual_norm > l1 else 1.0
    gap = 0.5 * R_norm2 * (1 + const ** 2) if dual_norm > l1 else R_norm2
    return float(gap + l1 * np.abs(w).sum() - const * (R @ y)
                 + 0.5 * l2 * (1 + const ** 2) * (w @ w))


def _coordinate_descent(X: NDArray, y: NDArray, l1: float, l2: float, max_iter: int,
                        tol: float) -> tuple[NDArray, float, int]:
    """Minimise ½‖y − Xw‖² + l1‖w‖₁ + ½ l2‖w‖² one coordinate at a time (cyclic).

    Each step is exact: w_j ← S(ρ_j, l1)/(‖x_j‖² + l2) with ρ_j = x_jᵀ(r + x_j w_j) and
    S the soft threshold. The Gram form (G = XᵀX, q = Xᵀy) makes a step O(p).
    """
    p = X.shape[1]
    G, q = X.T @ X, X.T @ y
    g = np.diag(G).copy()
    w = np.zeros(p)
    Gw = np.zeros(p)
    tol_scaled = tol * float(y @ y)
    gap = np.inf
    for n_iter in range(1, max_iter + 1):
        w_max = dw_max = 0.0
        for j in range(p):
            if g[j] == 0.0:
                continue
            w_old = w[j]
            rho = q[j] - Gw[j] + g[j] * w_old
            w[j] = np.sign(rho) * max(abs(rho) - l1, 0.0) / (g[j] + l2)
            if w[j] != w_old:
                Gw += (w[j] - w_old) * G[:, j]
            dw_max, w_max = max(dw_max, abs(w[j] - w_old)), max(w_max, abs(w[j]))
        # Stop on the duality gap, checked once the coefficients barely move.
        if w_max == 0.0 or dw_max / w_max < tol or n_iter == max_iter:
            gap = _duality_gap(X, y, w, l1, l2)
            if gap <= tol_scaled:
                return w, gap, n_iter
    warnings.warn(f"Objective did not converge. You might want to increase the number of "
                  f"iterations. Duality gap: {gap:.3e}, tolerance: {tol_scaled:.3e}",
                  ConvergenceWarning, stacklevel=3)
    return w, gap, max_iter


class ElasticNet(_LinearRegressor):
    """Linear regression with a combined L1 and L2 penalty, by coordinate descent.

    .. math::

        \\min_w \\frac{1}{2n} \\lVert y - X w \\rVert_2^2 + \\alpha\\rho \\lVert w \\rVert_1
        + \\frac{\\alpha (1 - \\rho)}{2} \\lVert w \\rVert_2^2, \\qquad \\rho = \\text{l1\\_ratio}

    Parameters
    ----------
    alpha : float ≥ 0, default 1.0
    l1_ratio : float in [0, 1], default 0.5
    fit_intercept : bool, default True
    max_iter : int, default 1000
        Sweeps over the coordinates.
    tol : float, default 1e-4
        Stop when the duality gap ≤ tol·‖y‖².

    Attributes
    ----------
    coef_ : ndarray of shape (n_features,)
    intercept_ : float
    dual_gap_ : float
    n_iter_ : int
    n_features_in_ : int

    Raises
    ------
    InvalidParameterError
        A hyperparameter out of range.
    ValueError
        scikit-learn's input checks.

    Warns
    -----
    ConvergenceWarning
        The gap is still above the tolerance after max_iter sweeps.

    Notes
    -----
    *Algorithm*: 1. centre; 2. cyclic coordinate descent on n × the objective
    (l1 = nαρ, l2 = nα(1−ρ)), the gap checked when max|Δw|/max|w| < tol; 3. b = ȳ − x̄ᵀw.
    *Complexity*: O(n p²) for the Gram matrix, then O(p²) per sweep.
    *Numerical stability*: each coordinate step is an exact one-dimensional minimisation;
    the objective decreases monotonically.

    References
    ----------
    Friedman, Hastie & Tibshirani, "Regularization paths for generalized linear models via
    coordinate descent", J. Stat. Software 33 (2010); Hastie, Tibshirani & Friedman, ESL §3.8.

    Checked against ``reference.linear_model.ElasticNet`` →
    ``sklearn.linear_model.ElasticNet``: both stop within the same duality gap, so the
    coefficients agree to the optimisation tolerance (not to rounding); ``n_iter_`` may differ
    (the Gram form visits the same iterates but rounds differently).

    Examples
    --------
    >>> X = np.array([[0.0], [1.0], [2.0]]); y = np.array([0.0, 1.0, 2.0])
    >>> np.round(ElasticNet(alpha=0.1, l1_ratio=1.0, tol=1e-10).fit(X, y).coef_, 6)
    array([0.85])
    """

    _parameter_constraints = {"alpha": [Interval(Real, 0, None, closed="left")],
                              "l1_ratio": [Interval(Real, 0, 1, closed="both")],
                              "fit_intercept": ["boolean"],
                              "max_iter": [Interval(Integral, 1, None, closed="left")],
                              "tol": [Interval(Real, 0, None, closed="left")]}

    def __init__(self, alpha: float = 1.0, *, l1_ratio: float = 0.5, fit_intercept: bool = True,
                 max_iter: int = 1000, tol: float = 1e-4) -> None:
        self.alpha = alpha
        self.l1_ratio = l1_ratio
        self.fit_intercept = fit_intercept
        self.max_iter = max_iter
        self.tol = tol

    def _l1_ratio(self) -> float:
        return self.l1_ratio

    def fit(self, X: ArrayLike, y: ArrayLike) -> "ElasticNet":
        """Fit by coordinate descent; returns self."""
        X, y = self._fit_data(X, y)
        # Step 1: centre.
        Xc, yc, x_bar, y_bar = _center(X, y, self.fit_intercept)
        # Step 2: coordinate descent on n × the objective.
        n, rho = X.shape[0], self._l1_ratio()
        w, self.dual_gap_, self.n_iter_ = _coordinate_descent(
            Xc, yc, n * self.alpha * rho, n * self.alpha * (1 - rho), self.max_iter, self.tol)
        self.dual_gap_ /= n
        # Step 3: intercept.
        self._set_intercept(w, x_bar, y_bar)
        return self


class Lasso(ElasticNet):
    """Linear regression with an L1 penalty (ElasticNet with l1_ratio = 1).

    .. math::

        \\min_w \\frac{1}{2n} \\lVert y - X w \\rVert_2^2 + \\alpha \\lVert w \\rVert_1

    Parameters
    ----------
    alpha : float ≥ 0, default 1.0
    fit_intercept : bool, default True
    max_iter : int, default 1000
    tol : float, default 1e-4
        Stop when the duality gap ≤ tol·‖y‖².

    Attributes
    ----------
    coef_, intercept_, dual_gap_, n_iter_, n_features_in_ : as `ElasticNet`.

    Raises
    ------
    InvalidParameterError, ValueError
        As `ElasticNet`.

    Notes
    -----
    *Algorithm*: that of `ElasticNet` with l2 = 0: each coordinate step soft-thresholds.
    *Complexity*: O(n p²) + O(p²) per sweep.
    *Numerical stability*: as `ElasticNet`.

    References
    ----------
    Tibshirani, "Regression shrinkage and selection via the lasso", JRSS B 58 (1996).

    Checked against ``reference.linear_model.Lasso`` → ``sklearn.linear_model.Lasso``:
    agreement to the optimisation tolerance.

    Examples
    --------
    >>> X = np.array([[0.0], [1.0], [2.0]]); y = np.array([0.0, 1.0, 2.0])
    >>> np.round(Lasso(alpha=0.1, tol=1e-10).fit(X, y).coef_, 6)
    array([0.85])
    """

    _parameter_constraints = {k: v for k, v in ElasticNet._parameter_constraints.items()
                              if k != "l1_ratio"}

    def __init__(self, alpha: float = 1.0, *, fit_intercept: bool = True, max_iter: int = 1000,
                 tol: float = 1e-4) -> None:
        self.alpha = alpha
        self.fit_intercept = fit_intercept
        self.max_iter = max_iter
        self.tol = tol

    def _l1_ratio(self) -> float:
        return 1.0


# ---------------------------------------------------------------------------------------
# SGDRegressor: full-batch gradient descent
# ---------------------------------------------------------------------------------------

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


class SGDRegressor(_LinearRegressor):
    """Linear regression by (full-batch) gradient descent on the squared error.

    .. math::

        \\min_{w,b} \\frac{1}{2n} \\lVert X w + b - y \\rVert_2^2 + \\frac{\\alpha}{2}\\lVert w\\rVert_2^2,
        \\qquad w \\leftarrow w - \\eta \\nabla_w, \\quad b \\leftarrow b - \\eta \\nabla_b

    The name and hyperparameter names are scikit-learn's; the algorithm is the seeds'
    gradient descent: every step uses all samples (no sampling, no shuffling), so the result
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
    tol. Differences from scikit-learn's SGDRegressor: full batch instead of one sample per
    step, constant step (its ``learning_rate='constant'``), ½-scaled squared error, alpha
    default 0, no ``shuffle``/``random_state``/``loss``/``penalty`` choices.
    *Complexity*: O(n p) per step; the number of steps grows with κ(Hessian)·log(1/tol).
    *Numerical stability*: with η ≤ 1/L every step decreases the objective.

    References
    ----------
    Nocedal & Wright, Numerical Optimization, 2nd ed., §3.3 (steepest descent rate).

    Checked against ``reference.linear_model.SGDRegressor`` → the exact minimiser
    (``sklearn.linear_model.Ridge``/``LinearRegression``): agreement to the tolerance of
    the stopping rule.

    Examples
    --------
    >>> X = np.array([[1], [2], [3], [4], [5]]); y = np.array([2, 4, 5, 4, 5])
    >>> model = SGDRegressor().fit(X, y)
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

    def fit(self, X: ArrayLike, y: ArrayLike) -> "SGDRegressor":
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
        self.coef_, self.intercept_ = w, float(b)
        return self


# ---------------------------------------------------------------------------------------
# LogisticRegression: Newton / IRLS
# ---------------------------------------------------------------------------------------

def _log_softmax(Z: NDArray) -> NDArray:
    """log softmax through log-sum-exp (shifted by the row maximum: no overflow)."""
    Z = Z - Z.max(axis=1, keepdims=True)
    return Z - np.log(np.exp(Z).sum(axis=1, keepdims=True))


def _scores(W: NDArray, X1: NDArray) -> NDArray:
    """Class scores X1 Wᵀ; a single row of W (two classes) scores class 1 against a class 0
    fixed at 0, the sigmoid model as a two-class softmax."""
    Z = X1 @ W.T
    return np.hstack([np.zeros((Z.shape[0], 1)), Z]) if W.shape[0] == 1 else Z


def _logistic_objective(W: NDArray, X1: NDArray, T: NDArray, C: float, D: NDArray) -> float:
    """C·Σ_i −log softmax(scores)[i, y_i] + ½ Σ D∘W² (D masks the intercepts out)."""
    return float(-C * (T * _log_softmax(_scores(W, X1))).sum() + 0.5 * (D * W * W).sum())


def _newton_step(W: NDArray, X1: NDArray, T: NDArray, C: float, D: NDArray
                 ) -> tuple[NDArray, NDArray]:
    """(gradient, Newton direction) of the objective in W (K × (p+1), K = 1 for two classes).

    ∇_k = C·X1ᵀ(P_k − T_k) + D∘W_k;  H_kl = C·X1ᵀ diag(P_k(δ_kl − P_l)) X1 + δ_kl diag(D).
    With K ≥ 3 the objective is invariant along W → W + 1·cᵀ (adding c to every class)
    wherever D is 0, so H is singular there; the gradient is orthogonal to that direction,
    and adding (J_K/K)⊗I to H leaves the step unchanged while making H positive definite.
    """
    K, m = W.shape
    P = np.exp(_log_softmax(_scores(W, X1)))
    if K == 1:
        P, T = P[:, 1:], T[:, 1:]
    G = C * (P - T).T @ X1 + D * W
    H = np.empty((K, m, K, m))
    for k in range(K):
        for l in range(k, K):
            s = P[:, k] * ((k == l) - P[:, l])
            H[k, :, l, :] = H[l, :, k, :] = C * (X1.T * s) @ X1
    H = H.reshape(K * m, K * m)
    if K > 1:
        H += np.tile(np.eye(m), (K, K)) / K  # (J_K/K) ⊗ I_m
    H[np.diag_indices(K * m)] += D.ravel()
    return G, _cholesky_solve(H, G.ravel()).reshape(K, m)


def _fit_logistic(X1: NDArray, T: NDArray, C: float, D: NDArray, tol: float,
                  max_iter: int) -> tuple[NDArray, int]:
    """Minimise the penalised multinomial log-loss by damped Newton from W = 0."""
    K = T.shape[1] if T.shape[1] > 2 else 1
    W = np.zeros((K, X1.shape[1]))
    f = _logistic_objective(W, X1, T, C, D)
    scale = C * X1.shape[0]
    for k in range(1, max_iter + 1):
        G, step = _newton_step(W, X1, T, C, D)
        # Converged: the gradient of the per-sample objective is below tol/1000.
        if np.abs(G).max() <= 1e-3 * tol * scale:
            return W, k - 1
        # Backtracking (Armijo) line search; the full Newton step is accepted near the optimum.
        t, slope = 1.0, -float((G * step).sum())
        while True:
            W_new = W - t * step
            f_new = _logistic_objective(W_new, X1, T, C, D)
            if f_new <= f + 1e-4 * t * slope or t < 1e-10:
                break
            t /= 2
        if np.abs(W_new - W).max() <= 4 * EPS * (1 + np.abs(W).max()):
            return W_new, k
        W, f = W_new, f_new
    warnings.warn("Newton's method did not converge. Increase the number of iterations "
                  "(max_iter).", ConvergenceWarning, stacklevel=3)
    return W, max_iter


class LogisticRegression(ClassifierMixin, BaseEstimator):
    """Logistic regression (binary and multinomial) with an optional L2 penalty.

    .. math::

        \\min_{W, b}\\ C \\sum_{i=1}^n -\\log \\frac{e^{w_{y_i}^\\mathsf T x_i + b_{y_i}}}
        {\\sum_k e^{w_k^\\mathsf T x_i + b_k}} + \\frac12 \\lVert W \\rVert_F^2

    (no penalty term with ``penalty=None``; the intercepts b are never penalised). For two
    classes the model is the sigmoid one: a single w, b scoring class 1 against class 0
    (scored 0), and the penalty is ½‖w‖², as scikit-learn's.

    Parameters
    ----------
    penalty : {'l2', None}, default 'l2'
    C : float > 0, default 1.0
        Inverse regularisation strength.
    fit_intercept : bool, default True
    tol : float, default 1e-4
        Stop when the gradient of the per-sample objective is below tol/1000 (Newton's
        quadratic convergence makes the extra digits cheap).
    max_iter : int, default 100

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
    coef_ : ndarray of shape (1, n_features) (binary) or (n_classes, n_features)
    intercept_ : ndarray of shape (1,) or (n_classes,)
    n_iter_ : ndarray of shape (1,)
    n_features_in_ : int

    Raises
    ------
    InvalidParameterError
        Bad penalty or C.
    ValueError
        A continuous target ("Unknown label type"), one class only, scikit-learn's input checks.

    Warns
    -----
    ConvergenceWarning
        max_iter Newton steps without convergence.

    Notes
    -----
    *Algorithm*: 1. encode the classes one-hot; 2. damped Newton (IRLS) on the multinomial
    objective (two classes: one score against a class fixed at 0, the sigmoid model), the Hessian
    solved by Cholesky; 3. store coef_ and intercept_.
    *Complexity*: per step O(n K² p²) for the Hessian and O((Kp)³) for its factorisation.
    *Numerical stability*: softmax through log-sum-exp; the line search guarantees descent.

    References
    ----------
    Hastie, Tibshirani & Friedman, The Elements of Statistical Learning, 2nd ed., §4.4.1;
    Nocedal & Wright, Numerical Optimization, 2nd ed., §3.1, §6.

    Checked against ``reference.linear_model.LogisticRegression`` →
    ``sklearn.linear_model.LogisticRegression`` (lbfgs, run at a tight tolerance):
    the same minimiser, predict_proba within 1e-6.

    Examples
    --------
    >>> X = np.array([[0.0], [1.0], [2.0], [3.0]]); y = np.array([0, 0, 1, 1])
    >>> LogisticRegression().fit(X, y).predict([[0.5], [2.5]]).tolist()
    [0, 1]
    """

    _parameter_constraints = {"penalty": [StrOptions({"l2"}), None],
                              "C": [Interval(Real, 0, None, closed="neither")],
                              "fit_intercept": ["boolean"],
                              "tol": [Interval(Real, 0, None, closed="left")],
                              "max_iter": [Interval(Integral, 0, None, closed="left")]}

    def __init__(self, penalty: str | None = "l2", *, C: float = 1.0, fit_intercept: bool = True,
                 tol: float = 1e-4, max_iter: int = 100) -> None:
        self.penalty = penalty
        self.C = C
        self.fit_intercept = fit_intercept
        self.tol = tol
        self.max_iter = max_iter

    def fit(self, X: ArrayLike, y: ArrayLike) -> "LogisticRegression":
        """Fit by Newton's method; returns self."""
        self._validate_params()
        X, y = validate_data(self, X, y, dtype="numeric")
        check_classification_targets(y)
        # Step 1: classes, one-hot targets, the design with a column of ones.
        self.classes_, y_index = np.unique(y, return_inverse=True)
        K = len(self.classes_)
        if K < 2:
            raise ValueError("This solver needs samples of at least 2 classes in the data, but "
                             f"the data contains only one class: {self.classes_[0]!r}")
        T = np.eye(K)[y_index]
        X1 = np.hstack([X, np.ones((X.shape[0], 1))]) if self.fit_intercept else X
        D = np.ones((K if K > 2 else 1, X1.shape[1]))
        if self.fit_intercept:
            D[:, -1] = 0.0
        if self.penalty is None:
            D[:] = 0.0
        # Step 2: Newton.
        W, n_iter = _fit_logistic(X1, T, float(self.C), D, self.tol, self.max_iter)
        # Step 3: the fitted attributes.
        self.coef_ = W[:, :X.shape[1]]
        self.intercept_ = W[:, -1] if self.fit_intercept else np.zeros(W.shape[0])
        self.n_iter_ = np.array([n_iter])
        return self

    def decision_function(self, X: ArrayLike) -> NDArray[np.float64]:
        """Scores X wᵀ + b: shape (n_samples,) for two classes, else (n_samples, n_classes)."""
        check_is_fitted(self)
        X = validate_data(self, X, reset=False)
        Z = X @ self.coef_.T + self.intercept_
        return Z.ravel() if Z.shape[1] == 1 else Z

    def predict_proba(self, X: ArrayLike) -> NDArray[np.float64]:
        """Class probabilities, shape (n_samples, n_classes): the sigmoid (binary) or softmax."""
        Z = self.decision_function(X)
        if Z.ndim == 1:
            Z = np.stack([np.zeros_like(Z), Z], axis=1)
        return np.exp(_log_softmax(Z))

    def predict_log_proba(self, X: ArrayLike) -> NDArray[np.float64]:
        """Logarithm of `predict_proba`, computed stably."""
        Z = self.decision_function(X)
        return _log_softmax(np.stack([np.zeros_like(Z), Z], axis=1) if Z.ndim == 1 else Z)

    def predict(self, X: ArrayLike) -> NDArray:
        """The class of largest score."""
        Z = self.decision_function(X)
        index = (Z > 0).astype(int) if Z.ndim == 1 else Z.argmax(axis=1)
        return self.classes_[index]
