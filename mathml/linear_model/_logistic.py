"""`LogisticRegression`: binary and multinomial, with L2, L1 or elastic-net penalties, by six
solvers named as scikit-learn's (Newton–Cholesky, L-BFGS, Newton-CG, SAG, SAGA, and the
liblinear problem, whose intercept is a penalised feature)."""
from __future__ import annotations

import warnings
from numbers import Integral, Real
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._validation import (FLOAT_DTYPES, check_classification_targets, check_random_state,
                           float_dtype_of, validate_data)
from ..base import BaseEstimator, ClassifierMixin, Interval, StrOptions, check_is_fitted
from ..exceptions import ConvergenceWarning
from ..optimize import minimize
from ..special import expit, log_softmax
from ._base import EPS, _cholesky_solve
from ._least_squares import _xorshift32

__all__ = ["LogisticRegression"]


# ---------------------------------------------------------------------------------------
# The problem every solver below minimises, in W (K' × m: K' = 1 score row for two classes,
# K rows for K ≥ 3; m = p, plus 1 for the intercept column of X1):
#   F(W) = C Σ_i s_i ℓ_i(W) + ½ l2 ‖D∘W‖² + l1 ‖D∘W‖₁,
# ℓ_i the log-loss of sample i, s_i its weight (class_weight), D the penalty mask (0 on the
# intercepts, except in liblinear's problem). `fit` passes C = 1 with the penalty weights
# divided by the estimator's C (the same minimiser; no C·Σ s_i overflow for huge C).
# ---------------------------------------------------------------------------------------

def _scores(W: NDArray, X1: NDArray) -> NDArray:
    """Class scores X1 Wᵀ; a single row of W (two classes) scores class 1 against a class 0
    fixed at 0, the sigmoid model as a two-class softmax."""
    Z = X1 @ W.T
    return np.hstack([np.zeros((Z.shape[0], 1)), Z]) if W.shape[0] == 1 else Z


def _smooth_objective(W: NDArray, X1: NDArray, T: NDArray, s: NDArray, C: float, l2: float,
                      D: NDArray) -> tuple[float, NDArray]:
    """C·Σ s_i(−log softmax(scores)[i, y_i]) + ½ l2 Σ D∘W², and its gradient in W:
    ∇_k = C·X1ᵀ(s∘(P_k − T_k)) + l2 D∘W_k."""
    logP = log_softmax(_scores(W, X1), axis=1)
    R = s[:, None] * (np.exp(logP) - T)
    if W.shape[0] == 1:
        R = R[:, 1:]
    f = -C * float((s[:, None] * T * logP).sum()) + 0.5 * l2 * float((D * W * W).sum())
    return f, C * R.T @ X1 + l2 * D * W


def _hessian(W: NDArray, X1: NDArray, s: NDArray, C: float, l2: float, D: NDArray) -> NDArray:
    """H_kl = C·X1ᵀ diag(s∘P_k(δ_kl − P_l)) X1 + δ_kl l2 diag(D), as a (K'm × K'm) matrix.

    With K ≥ 3 the loss is invariant along W → W + 1·cᵀ (adding c to every class) wherever
    D is 0, so H is singular there; the gradient is orthogonal to that direction, and adding
    (J_K/K)⊗I to H leaves the Newton step unchanged while making H positive definite."""
    K, m = W.shape
    P = np.exp(log_softmax(_scores(W, X1), axis=1))
    if K == 1:
        P = P[:, 1:]
    H: NDArray[np.float64] = np.empty((K, m, K, m))  # blocks H[k, :, l, :], then (Km, Km)
    for k in range(K):
        for l in range(k, K):
            d = s * P[:, k] * ((k == l) - P[:, l])
            H[k, :, l, :] = H[l, :, k, :] = C * (X1.T * d) @ X1
    H = H.reshape(K * m, K * m)
    if K > 1:
        H += np.tile(np.eye(m), (K, K)) / K  # (J_K/K) ⊗ I_m
    H[np.diag_indices(K * m)] += l2 * D.ravel()
    return H


def _newton_cholesky(W: NDArray, X1: NDArray, T: NDArray, s: NDArray, C: float, l2: float,
                     D: NDArray, tol: float, max_iter: int, **_: Any) -> tuple[NDArray, int]:
    """Damped Newton (IRLS): solve H p = ∇F by Cholesky, backtrack along −p (Armijo)."""
    f, G = _smooth_objective(W, X1, T, s, C, l2, D)
    scale = C * s.sum()
    for k in range(1, max_iter + 1):
        # Converged: the gradient of the per-sample objective is below tol/1000 (Newton's
        # quadratic convergence makes the extra digits cheap).
        if np.abs(G).max() <= 1e-3 * tol * scale:
            return W, k - 1
        step = _cholesky_solve(_hessian(W, X1, s, C, l2, D), G.ravel()).reshape(W.shape)
        t, slope = 1.0, -float((G * step).sum())
        while True:
            W_new = W - t * step
            f_new, G_new = _smooth_objective(W_new, X1, T, s, C, l2, D)
            if f_new <= f + 1e-4 * t * slope or t < 1e-10:
                break
            # Near the optimum f changes only at its rounding level, where Armijo's test
            # cannot see progress: accept a step that shrinks the gradient (scikit-learn's
            # rule in its Newton line search).
            if abs(f_new - f) <= 16 * EPS * abs(f) and np.abs(G_new).sum() < np.abs(G).sum():
                break
            t /= 2
        if np.abs(W_new - W).max() <= 4 * EPS * (1 + np.abs(W).max()):
            return W_new, k
        W, f, G = W_new, f_new, G_new
    warnings.warn("Newton's method did not converge. Increase the number of iterations "
                  "(max_iter).", ConvergenceWarning, stacklevel=4)
    return W, max_iter


def _lbfgs(W: NDArray, X1: NDArray, T: NDArray, s: NDArray, C: float, l2: float,
           D: NDArray, tol: float, max_iter: int, **_: Any) -> tuple[NDArray, int]:
    """L-BFGS (`mathml.optimize.minimize`) on F/(C·Σs), the mean loss plus the scaled
    penalty, with scikit-learn's options: gtol = tol on that gradient, ftol = 64·eps."""
    shape, scale = W.shape, C * s.sum()

    def fun(w):
        f, G = _smooth_objective(w.reshape(shape), X1, T, s, C, l2, D)
        return f / scale, G.ravel() / scale

    result = minimize(fun, W.ravel(), method="L-BFGS-B", jac=True,
                      options={"maxiter": max_iter, "maxls": 50, "gtol": tol, "ftol": 64 * EPS})
    if not result.success:
        warnings.warn("lbfgs failed to converge. Increase the number of iterations (max_iter).",
                      ConvergenceWarning, stacklevel=4)
    return result.x.reshape(shape), int(result.nit)


def _newton_cg(W: NDArray, X1: NDArray, T: NDArray, s: NDArray, C: float, l2: float,
               D: NDArray, tol: float, max_iter: int, **_: Any) -> tuple[NDArray, int]:
    """Inexact Newton on F/(C·Σs): the Newton system H p = g solved only roughly, by
    conjugate gradients on Hessian-vector products stopped at the residual
    min(½, √‖g‖₁)·‖g‖₁ (scikit-learn's forcing term), then a backtracking line search.
    Stops when max|g| ≤ tol (scikit-learn's rule)."""
    scale = C * s.sum()
    f, G = _smooth_objective(W, X1, T, s, C, l2, D)
    f, g = f / scale, G.ravel() / scale
    for k in range(1, max_iter + 1):
        if np.abs(g).max() <= tol:
            return W, k - 1
        H = _hessian(W, X1, s, C, l2, D) / scale    # formed once; CG only multiplies by it
        g1 = np.abs(g).sum()
        p = _truncated_cg(H, g, min(0.5, np.sqrt(g1)) * g1)
        t, slope = 1.0, float(g @ p)
        while True:
            W_new = W - t * p.reshape(W.shape)
            f_new, G_new = _smooth_objective(W_new, X1, T, s, C, l2, D)
            if f_new / scale <= f + 1e-4 * t * -slope or t < 1e-10:
                break
            t /= 2
        W, f, g = W_new, f_new / scale, G_new.ravel() / scale
    if np.abs(g).max() <= tol:
        return W, max_iter
    warnings.warn("newton-cg failed to converge. Increase the number of iterations.",
                  ConvergenceWarning, stacklevel=4)
    return W, max_iter


def _truncated_cg(H: NDArray, g: NDArray, residual: float) -> NDArray:
    """Conjugate gradients for H p = g from p = 0, stopped once Σ|r| ≤ residual or on a
    direction of non-positive curvature (then the steepest-descent step g if no step yet)."""
    p, r = np.zeros_like(g), g.copy()
    d, rr = r.copy(), r @ r
    for _ in range(10 * len(g)):
        if np.abs(r).sum() <= residual:
            break
        Hd = H @ d
        curvature = d @ Hd
        if curvature <= 0:
            return g if not p.any() else p
        step = rr / curvature
        p += step * d
        r -= step * Hd
        rr, rr_old = r @ r, rr
        d = r + (rr / rr_old) * d
    return p


def _soft_threshold(x: NDArray, t: float) -> NDArray:
    """argmin_z ½(z − x)² + t|z|: shrink towards 0 by t, stopping at 0."""
    return np.sign(x) * np.maximum(np.abs(x) - t, 0.0)


def _sag_logistic(W: NDArray, X1: NDArray, T: NDArray, s: NDArray, C: float, l2: float,
                  D: NDArray, tol: float, max_iter: int, l1: float = 0.0, saga: bool = False,
                  random_state: Any = None, fit_intercept: bool = True,
                  **_: Any) -> tuple[NDArray, int]:
    """SAG or SAGA on (1/n)Σ s_i ℓ_i + ½(α/n)‖w‖² + (β/n)‖w‖₁, α = l2/C, β = l1/C (F/(C·n)).

    As `_least_squares._sag` for the squared loss, with the log-loss gradient
    g_i = s_i(softmax(z_i) − t_i) (one sigmoid for two classes), the intercept fitted
    directly (its own gradient sum, unpenalised), scikit-learn's step
    η = 1/L or 1/(2L + min(2α, L)) with L = ¼(max_i ‖x_i‖² + fit_intercept) + α/n, and, for
    SAGA, the proximal step w ← S_{ηβ/n}(w) (soft thresholding) after each gradient step.
    """
    X = X1[:, :-1] if fit_intercept else X1
    n, p = X.shape
    K = W.shape[0]
    w, b = W[:, :p].T.copy(), (W[:, p].copy() if fit_intercept else np.zeros(K))  # (p, K)
    alpha_n, beta_n = (l2 / C) / n, (l1 / C) / n
    L = 0.25 * (float(np.max(np.einsum("ij,ij->i", X, X))) + fit_intercept) + alpha_n
    eta = 1.0 / (2 * L + min(2 * n * alpha_n, L)) if saga else 1.0 / L
    state = int(check_random_state(random_state).randint(1, np.iinfo(np.int32).max))
    S, S_b = np.zeros((p, K)), np.zeros(K)
    memory, seen, m = np.zeros((n, K)), np.zeros(n, dtype=bool), 0
    targets = T[:, 1:] if K == 1 else T
    for epoch in range(1, max_iter + 1):
        w_start = w.copy()
        for _step in range(n):
            # Step 1: draw a sample (scikit-learn's xorshift stream).
            state = _xorshift32(state)
            i = (state & 0x7FFFFFFF) % n
            if not seen[i]:
                seen[i], m = True, m + 1
            # Step 2: its new gradient replaces the remembered one in the sums.
            z = X[i] @ w + b
            q = expit(z) if K == 1 else np.exp(log_softmax(z))
            g = s[i] * (q - targets[i])
            dg = g - memory[i]
            correction = X[i][:, None] * dg      # x_i (g_i − g_i^old)ᵀ, (p, K')
            S += correction
            S_b += dg
            memory[i] = g
            # Step 3: L2 shrink, the (SAGA-corrected) average-gradient step, L1 prox.
            w *= 1.0 - eta * alpha_n
            if saga:
                w -= eta * (1.0 - 1.0 / m) * correction
            w -= (eta / m) * S
            if saga and beta_n > 0:
                w = _soft_threshold(w, eta * beta_n)
            if fit_intercept:
                b -= (eta / m) * S_b + (eta * (1.0 - 1.0 / m) * dg if saga else 0.0)
        change, size = np.abs(w - w_start).max(), np.abs(w).max()
        if (size != 0 and change / size <= tol) or (size == 0 and change == 0):
            return _stack(w, b, fit_intercept), epoch
    warnings.warn("The max_iter was reached which means the coef_ did not converge",
                  ConvergenceWarning, stacklevel=4)
    return _stack(w, b, fit_intercept), max_iter


def _stack(w: NDArray, b: NDArray, fit_intercept: bool) -> NDArray:
    """W = [wᵀ | b] (K' × m), the layout of the other solvers."""
    return np.hstack([w.T, b[:, None]]) if fit_intercept else w.T.copy()


_SOLVERS = {"newton-cholesky": _newton_cholesky, "lbfgs": _lbfgs, "newton-cg": _newton_cg,
            "sag": _sag_logistic, "saga": _sag_logistic}


def _class_weights(class_weight: Any, classes: NDArray, y_index: NDArray) -> NDArray:
    """One weight per class: 'balanced' n/(K·n_k), a dict (absent classes weigh 1), or 1."""
    K = len(classes)
    if class_weight is None or len(class_weight) == 0:
        return np.ones(K)
    if isinstance(class_weight, str):  # 'balanced'
        counts = np.bincount(y_index, minlength=K)
        return counts.sum() / (K * counts)
    weight, missing = np.ones(K), []
    for k, c in enumerate(classes):
        key = int(c) if isinstance(c, (Integral, np.integer)) else str(c)
        if key in class_weight:
            weight[k] = class_weight[key]
        else:
            missing.append(key)
    if missing and K - len(missing) != len(class_weight):
        raise ValueError(f"The classes, {missing}, are not in class_weight")
    return weight


class LogisticRegression(ClassifierMixin, BaseEstimator):
    """Logistic regression (binary and multinomial) with an L2, L1 or elastic-net penalty.

    .. math::

        \\min_{W, b}\\ C \\sum_{i=1}^n s_i \\Bigl(-\\log \\frac{e^{w_{y_i}^\\mathsf T x_i + b_{y_i}}}
        {\\sum_k e^{w_k^\\mathsf T x_i + b_k}}\\Bigr)
        + \\frac{1 - \\rho}{2} \\lVert W \\rVert_F^2 + \\rho \\lVert W \\rVert_1

    with ρ = ``l1_ratio`` and s_i the weight of y_i's class (``class_weight``); no penalty
    when C = ∞. The intercepts b are never penalised, except by 'liblinear', which treats
    the intercept as the weight of an extra feature of value ``intercept_scaling`` and
    penalises it with the others (scikit-learn's liblinear problem). For two classes the
    model is the sigmoid one: a single w, b scoring class 1 against class 0 (scored 0).

    Parameters
    ----------
    penalty : {'l1', 'l2', 'elasticnet', None}, default 'deprecated'
        Deprecated in scikit-learn 1.8 in favour of ``l1_ratio`` and ``C``; setting it warns
        (FutureWarning) as scikit-learn does. None means no penalty.
    C : float > 0 (∞ allowed), default 1.0
        Inverse regularisation strength; ``C=np.inf`` is no penalty.
    l1_ratio : float in [0, 1] or None, default 0.0
        ρ: 0 is the L2 penalty, 1 the L1 penalty, between them the elastic net.
    tol : float ≥ 0, default 1e-4
        The solver's stopping tolerance (each solver's rule, below).
    fit_intercept : bool, default True
    intercept_scaling : float > 0, default 1
        'liblinear' only: the value of the synthetic intercept feature.
    class_weight : dict, 'balanced' or None, default None
        Multiplies each sample's loss by its class's weight; 'balanced' is n/(K·n_k).
    random_state : int, RandomState or None, default None
        Seeds the sample draws of 'sag' and 'saga' (scikit-learn's stream).
    solver : {'lbfgs', 'newton-cg', 'newton-cholesky', 'sag', 'saga', 'liblinear'}
        What each name runs in mathml (the same minimiser as scikit-learn's, by the path
        said here):

        - 'newton-cholesky': damped Newton (IRLS), the Hessian factored by Cholesky, a
          backtracking line search; stops when the mean gradient is below tol/1000.
        - 'lbfgs': `mathml.optimize.minimize`'s L-BFGS on the mean objective, with
          scikit-learn's options (gtol = tol, ftol = 64·eps, maxls = 50).
        - 'newton-cg': inexact Newton, the Newton system solved by truncated conjugate
          gradients with scikit-learn's forcing term, a backtracking line search (scikit-
          learn's: Wolfe); stops at max|∇(F/(C·Σs))| ≤ tol, as scikit-learn's.
        - 'sag', 'saga': stochastic average gradient and SAGA with scikit-learn's step size,
          sample draws and stopping rule; SAGA's proximal step handles the L1 part.
        - 'liblinear' (two classes): liblinear's problem (the intercept penalised); mathml
          solves it by Newton–Cholesky (L2) or SAGA (L1), not by liblinear's trust-region
          Newton and coordinate descent.

        'l1' needs 'saga' or 'liblinear'; 'elasticnet' needs 'saga'.
    max_iter : int ≥ 0, default 100
        Newton or quasi-Newton iterations; epochs for 'sag'/'saga'.
    warm_start : bool, default False
        Start from the previous fit's coef_ and intercept_.

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
        A bad penalty, C, l1_ratio, solver or class_weight.
    ValueError
        A continuous target ("Unknown label type"), one class only, a penalty the solver
        does not handle, 'liblinear' with three classes or more or without a penalty, a
        class_weight naming absent classes, scikit-learn's input checks.

    Warns
    -----
    ConvergenceWarning
        max_iter reached without convergence.
    FutureWarning
        ``penalty`` set (deprecated), ``l1_ratio=None``.

    Notes
    -----
    *Algorithm*: 1. encode the classes one-hot and weigh the samples by class; 2. resolve
    the penalty into (C, l2 = 1 − ρ, l1 = ρ) and check it against the solver; 3. minimise
    with the solver from W = 0 (or the previous fit); 4. store coef_ and intercept_.
    *Complexity*: Newton–Cholesky O(n K² p²) per step plus O((Kp)³) for the factorisation;
    L-BFGS O(nKp) per step; Newton-CG O(nKp) per Hessian product; SAG/SAGA O(Kp) per sample.
    *Numerical stability*: softmax through log-sum-exp, the sigmoid branching on the sign;
    the line searches guarantee descent.

    References
    ----------
    Hastie, Tibshirani & Friedman, The Elements of Statistical Learning, 2nd ed., §4.4.1;
    Nocedal & Wright, Numerical Optimization, 2nd ed., §3.1, §6, §7.2; Schmidt, Le Roux &
    Bach (2017), SAG; Defazio, Bach & Lacoste-Julien (2014), SAGA; Fan et al., LIBLINEAR,
    JMLR 9 (2008).

    Checked against ``reference.linear_model.LogisticRegression`` →
    ``sklearn.linear_model.LogisticRegression`` with the same solver, both at a tight
    tolerance: the same minimiser, predict_proba within 1e-6.

    Examples
    --------
    >>> X = np.array([[0.0], [1.0], [2.0], [3.0]]); y = np.array([0, 0, 1, 1])
    >>> LogisticRegression().fit(X, y).predict([[0.5], [2.5]]).tolist()
    [0, 1]
    """

    coef_: NDArray
    intercept_: NDArray

    _parameter_constraints = {
        "penalty": [StrOptions({"l1", "l2", "elasticnet"}, hidden=frozenset({"deprecated"})),
                    None],
        "C": [Interval(Real, 0, None, closed="right")],
        "l1_ratio": [Interval(Real, 0, 1, closed="both"), None],
        "tol": [Interval(Real, 0, None, closed="left")],
        "fit_intercept": ["boolean"],
        "intercept_scaling": [Interval(Real, 0, None, closed="neither")],
        "class_weight": [dict, StrOptions({"balanced"}), None],
        "random_state": ["random_state"],
        "solver": [StrOptions({"lbfgs", "liblinear", "newton-cg", "newton-cholesky", "sag",
                               "saga"})],
        "max_iter": [Interval(Integral, 0, None, closed="left")],
        "warm_start": ["boolean"]}

    def __init__(self, penalty: str | None = "deprecated", *, C: float = 1.0,
                 l1_ratio: float | None = 0.0, tol: float = 1e-4, fit_intercept: bool = True,
                 intercept_scaling: float = 1, class_weight: Any = None,
                 random_state: Any = None, solver: str = "lbfgs", max_iter: int = 100,
                 warm_start: bool = False) -> None:
        self.penalty = penalty
        self.C = C
        self.l1_ratio = l1_ratio
        self.tol = tol
        self.fit_intercept = fit_intercept
        self.intercept_scaling = intercept_scaling
        self.class_weight = class_weight
        self.random_state = random_state
        self.solver = solver
        self.max_iter = max_iter
        self.warm_start = warm_start

    def _resolve_penalty(self) -> tuple[str | None, float, float, float]:
        """scikit-learn 1.8+'s reading of penalty, l1_ratio and C, with its warnings and
        errors: (penalty, 1, l2, l1) of the objective Σ s_i ℓ_i + ½ l2‖w‖² + l1‖w‖₁, the
        problem C·Σ s_i ℓ_i + ½(1 − ρ)‖w‖² + ρ‖w‖₁ divided by C (the same minimiser). The
        division keeps huge C finite: C·Σ s_i overflows to inf for C = 1e308, (1 − ρ)/C is
        a tiny penalty."""
        l1_ratio = self.l1_ratio
        if self.penalty == "deprecated":
            if l1_ratio is None:
                warnings.warn("'l1_ratio=None' was deprecated in version 1.8 and will trigger "
                              "an error in 1.10. Use 0<=l1_ratio<=1 instead.", FutureWarning,
                              stacklevel=3)
            penalty: str | None = ("l2" if not l1_ratio else "l1" if l1_ratio == 1
                                   else "elasticnet")
            if self.C == np.inf:
                penalty = None
        else:
            penalty = self.penalty
            warnings.warn(
                "'penalty' was deprecated in version 1.8 and will be removed in 1.10. To avoid "
                "this warning, leave 'penalty' set to its default value and use 'l1_ratio' or "
                "'C' instead. Use l1_ratio=0 instead of penalty='l2', l1_ratio=1 instead of "
                "penalty='l1', l1_ratio set to a float between 0 and 1 instead of "
                "penalty='elasticnet', and C=np.inf instead of penalty=None.", FutureWarning,
                stacklevel=3)
        self._check_solver(penalty)
        if penalty != "elasticnet" and l1_ratio is not None and 0 < l1_ratio < 1:
            warnings.warn("l1_ratio parameter is only used when penalty is 'elasticnet'. Got "
                          f"(penalty={penalty})", UserWarning, stacklevel=3)
        if (self.penalty == "l2" and l1_ratio != 0) or (self.penalty == "l1" and l1_ratio != 1):
            warnings.warn(f"Inconsistent values: penalty={self.penalty} with "
                          f"l1_ratio={l1_ratio}. penalty is deprecated. Please use l1_ratio "
                          "only.", UserWarning, stacklevel=3)
        if penalty == "elasticnet" and l1_ratio is None:
            raise ValueError("l1_ratio must be specified when penalty is elasticnet.")
        if self.penalty is None and self.C != 1.0:
            warnings.warn("Setting penalty=None will ignore the C and l1_ratio parameters",
                          UserWarning, stacklevel=3)
        if penalty is None or self.C == np.inf:
            return penalty, 1.0, 0.0, 0.0         # the bare log-likelihood
        rho = {"l2": 0.0, "l1": 1.0}.get(penalty, l1_ratio or 0.0)
        return penalty, 1.0, (1.0 - rho) / float(self.C), rho / float(self.C)

    def _check_solver(self, penalty: str | None) -> None:
        """scikit-learn's `_check_solver`: which solver handles which penalty."""
        solver = self.solver
        if solver not in ("liblinear", "saga") and penalty not in ("l2", None):
            raise ValueError(f"Solver {solver} supports only 'l2' or None penalties, got "
                             f"{penalty} penalty.")
        if penalty == "elasticnet" and solver != "saga":
            raise ValueError(f"Only 'saga' solver supports elasticnet penalty, got "
                             f"solver={solver}.")
        if solver == "liblinear" and penalty is None:
            raise ValueError("C=np.inf as well as penalty=None is not supported for the "
                             "liblinear solver")

    def fit(self, X: ArrayLike, y: ArrayLike) -> LogisticRegression:
        """Fit with the chosen solver; returns self."""
        self._validate_hyperparameters()
        # Step 2 first, as scikit-learn: a bad penalty/solver pair fails before the data.
        _, C, l2, l1 = self._resolve_penalty()
        dtype = float_dtype_of(X)  # float32 data: float32 attributes, as scikit-learn
        X, y = validate_data(self, X, y, dtype=FLOAT_DTYPES)
        check_classification_targets(y)
        # Step 1: classes, one-hot targets, sample weights, the design with its intercept
        # column (liblinear: a penalised feature of value intercept_scaling).
        classes, y_index = np.unique(y, return_inverse=True)
        K = len(classes)
        liblinear = self.solver == "liblinear"
        if liblinear and K > 2:
            raise ValueError("The 'liblinear' solver does not support multiclass "
                             "classification (n_classes >= 3). Either use another solver or "
                             "wrap the estimator in a OneVsRestClassifier to keep applying a "
                             "one-versus-rest scheme.")
        if K < 2:
            raise ValueError("This solver needs samples of at least 2 classes in the data, but "
                             f"the data contains only one class: {classes[0]!r}")
        s = _class_weights(self.class_weight, classes, y_index)[y_index]
        T = np.eye(K)[y_index]
        bias = self.intercept_scaling if liblinear else 1.0
        X1 = np.hstack([X, np.full((X.shape[0], 1), bias)]) if self.fit_intercept else X
        D = np.ones((K if K > 2 else 1, X1.shape[1]))
        if self.fit_intercept and not liblinear:
            D[:, -1] = 0.0
        # Step 3: the solver, from zero or the previous fit.
        W = np.zeros(D.shape)
        previous: NDArray | None = getattr(self, "coef_", None) if self.warm_start else None
        if previous is not None and previous.shape == (D.shape[0], X.shape[1]):
            W[:, :X.shape[1]] = previous
            if self.fit_intercept:
                W[:, -1] = self.intercept_ / bias
        solver = self.solver
        if liblinear:
            solver = "saga" if l1 > 0 else "newton-cholesky"
        W, n_iter = _SOLVERS[solver](
            W, X1, T, s, C, l2, D, self.tol, self.max_iter, l1=l1, saga=solver == "saga",
            random_state=self.random_state,
            fit_intercept=self.fit_intercept and not liblinear)
        # Step 4: the fitted attributes.
        self.classes_ = classes
        self.coef_ = W[:, :X.shape[1]].astype(dtype)
        self.intercept_ = (bias * W[:, -1] if self.fit_intercept
                           else np.zeros(W.shape[0])).astype(dtype)
        self.n_iter_ = np.array([n_iter], dtype=np.int32)
        return self

    def _scores(self, X: ArrayLike) -> tuple[NDArray[np.float64], type]:
        """(X wᵀ + b in float64, the floating type to return: float32 for float32 data and
        a float32 fit, as scikit-learn)."""
        check_is_fitted(self)
        dtype = np.result_type(float_dtype_of(X), self.coef_.dtype).type
        X = validate_data(self, X, reset=False)
        Z = X @ self.coef_.T.astype(np.float64) + self.intercept_
        return (Z.ravel() if Z.shape[1] == 1 else Z), dtype

    def decision_function(self, X: ArrayLike) -> NDArray[np.float64]:
        """Scores X wᵀ + b: shape (n_samples,) for two classes, else (n_samples, n_classes)."""
        Z, dtype = self._scores(X)
        return Z.astype(dtype, copy=False)

    def predict_proba(self, X: ArrayLike) -> NDArray[np.float64]:
        """Class probabilities, shape (n_samples, n_classes): the sigmoid (binary) or softmax."""
        Z, dtype = self._scores(X)
        if Z.ndim == 1:
            Z = np.stack([np.zeros_like(Z), Z], axis=1)
        return np.exp(log_softmax(Z, axis=1)).astype(dtype, copy=False)

    def predict_log_proba(self, X: ArrayLike) -> NDArray[np.float64]:
        """Logarithm of `predict_proba`, computed stably."""
        Z, dtype = self._scores(X)
        Z = np.stack([np.zeros_like(Z), Z], axis=1) if Z.ndim == 1 else Z
        return log_softmax(Z, axis=1).astype(dtype, copy=False)

    def predict(self, X: ArrayLike) -> NDArray:
        """The class of largest score."""
        Z, _ = self._scores(X)
        index = (Z > 0).astype(int) if Z.ndim == 1 else Z.argmax(axis=1)
        return self.classes_[index]
