"""`LogisticRegression`: binary and multinomial, L2 or no penalty, by Newton's method (IRLS)."""
from __future__ import annotations

import warnings
from numbers import Integral, Real

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._validation import check_classification_targets, validate_data
from ..base import BaseEstimator, ClassifierMixin, Interval, StrOptions, check_is_fitted
from ..exceptions import ConvergenceWarning
from ..special import log_softmax
from ._base import EPS, _cholesky_solve

__all__ = ["LogisticRegression"]


def _scores(W: NDArray, X1: NDArray) -> NDArray:
    """Class scores X1 Wᵀ; a single row of W (two classes) scores class 1 against a class 0
    fixed at 0, the sigmoid model as a two-class softmax."""
    Z = X1 @ W.T
    return np.hstack([np.zeros((Z.shape[0], 1)), Z]) if W.shape[0] == 1 else Z


def _logistic_objective(W: NDArray, X1: NDArray, T: NDArray, C: float, D: NDArray) -> float:
    """C·Σ_i −log softmax(scores)[i, y_i] + ½ Σ D∘W² (D masks the intercepts out)."""
    return float(-C * (T * log_softmax(_scores(W, X1), axis=1)).sum() + 0.5 * (D * W * W).sum())


def _newton_step(W: NDArray, X1: NDArray, T: NDArray, C: float, D: NDArray
                 ) -> tuple[NDArray, NDArray]:
    """(gradient, Newton direction) of the objective in W (K × (p+1), K = 1 for two classes).

    ∇_k = C·X1ᵀ(P_k − T_k) + D∘W_k;  H_kl = C·X1ᵀ diag(P_k(δ_kl − P_l)) X1 + δ_kl diag(D).
    With K ≥ 3 the objective is invariant along W → W + 1·cᵀ (adding c to every class)
    wherever D is 0, so H is singular there; the gradient is orthogonal to that direction,
    and adding (J_K/K)⊗I to H leaves the step unchanged while making H positive definite.
    """
    K, m = W.shape
    P = np.exp(log_softmax(_scores(W, X1), axis=1))
    if K == 1:
        P, T = P[:, 1:], T[:, 1:]
    G = C * (P - T).T @ X1 + D * W
    H: NDArray[np.float64] = np.empty((K, m, K, m))  # blocks H[k, :, l, :], then (Km, Km)
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
    ``sklearn.linear_model.LogisticRegression`` (lbfgs), run at a tight tolerance:
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

    def fit(self, X: ArrayLike, y: ArrayLike) -> LogisticRegression:
        """Fit by Newton's method; returns self."""
        self._validate_hyperparameters()
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
        return np.exp(log_softmax(Z, axis=1))

    def predict_log_proba(self, X: ArrayLike) -> NDArray[np.float64]:
        """Logarithm of `predict_proba`, computed stably."""
        Z = self.decision_function(X)
        Z = np.stack([np.zeros_like(Z), Z], axis=1) if Z.ndim == 1 else Z
        return log_softmax(Z, axis=1)

    def predict(self, X: ArrayLike) -> NDArray:
        """The class of largest score."""
        Z = self.decision_function(X)
        index = (Z > 0).astype(int) if Z.ndim == 1 else Z.argmax(axis=1)
        return self.classes_[index]
