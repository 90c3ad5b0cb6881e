"""Least squares and ridge regression: `LinearRegression` (Householder QR) and `Ridge`, the
one penalised problem solved six ways (Cholesky, SVD, conjugate gradients, LSQR, SAG, SAGA;
L-BFGS-B under a sign constraint), so that a learner can set them side by side."""
from __future__ import annotations

import warnings
from numbers import Integral, Real
from collections.abc import Callable
from typing import Any, ClassVar

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._validation import FLOAT_DTYPES, check_random_state
from ..base import Interval, StrOptions
from ..exceptions import ConvergenceWarning, LinAlgError
from ..linalg import svd
from ..optimize import minimize
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
    intercept_ : numpy.float64 or ndarray of shape (n_targets,)
        0.0 without an intercept.
    rank_ : int
        Numerical rank of the centred X: the singular values above 1e-6·σ₁ (scikit-learn's
        default ``tol``, its cutoff for ``scipy.linalg.lstsq``).
    singular_ : ndarray of shape (min(n_samples, n_features),)
        Singular values of the centred X, descending.
    n_features_in_ : int

    Raises
    ------
    ValueError
        scikit-learn's input checks (NaN/inf, 1-D X, length mismatch, wrong feature count).

    Notes
    -----
    *Algorithm*: 1. centre X and y; 2. the singular values of the centred X give its rank;
    at full column rank, QR of the centred [X | y], whose triangular factor holds R and Qᵀy,
    then w = R⁻¹Qᵀy; otherwise (or when n ≤ p) the SVD's minimum-norm solution over the
    σ > 1e-6·σ₁, as scikit-learn; 3. b = ȳ − x̄ᵀw.
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
        # Step 2: min ‖yc − Xc w‖ by QR (minimum norm by the SVD when rank deficient).
        w, self.rank_, singular = _least_squares(Xc, yc)
        self.singular_: NDArray = singular.astype(self._out_dtype, copy=False)
        # Step 3: intercept.
        self._set_intercept(w.T, x_bar, y_bar)
        return self


# ---------------------------------------------------------------------------------------
# Ridge: one problem, min_w ‖y − Xw‖² + α‖w‖² on centred data, and its solvers. Each takes
# the centred X (n, p), the targets Y (n, t) and one penalty per target α (t,), and returns
# W (p, t) and the iteration counts (None for the direct methods).
# ---------------------------------------------------------------------------------------

def _ridge_cholesky(X: NDArray, Y: NDArray, alpha: NDArray, **_: Any) -> tuple[NDArray, None]:
    """The normal equations (XᵀX + αI) w = Xᵀy by Cholesky. When p > n, the dual form
    w = Xᵀ(XXᵀ + αI)⁻¹y (the push-through identity) solves an n × n system instead."""
    n, p = X.shape
    dual = p > n
    K, B = (X @ X.T, Y) if dual else (X.T @ X, X.T @ Y)
    I = np.eye(K.shape[0])
    W = np.empty((K.shape[0], Y.shape[1]))
    for a in np.unique(alpha):
        # one factorisation per distinct penalty, all of its targets at once
        k = alpha == a
        W[:, k] = _cholesky_solve(K + a * I, B[:, k])
    return (X.T @ W if dual else W), None


def _ridge_svd(X: NDArray, Y: NDArray, alpha: NDArray, **_: Any) -> tuple[NDArray, None]:
    """X = U diag(s) Vᵀ makes the normal equations diagonal: w = V diag(s/(s² + α)) Uᵀy, a
    filter s/(s² + α) that damps the directions of small singular values. s ≤ 1e-15 counts
    as 0 (scikit-learn's and scipy.linalg.pinv's cut-off)."""
    U, s, Vt = svd(X, full_matrices=False)
    s = s[:, None]
    d = np.where(s > 1e-15, s / (s ** 2 + alpha), 0.0)   # (k, t): one filter per target
    return Vt.T @ (d * (U.T @ Y)), None


def _conjugate_gradient(matvec: Any, b: NDArray, rtol: float,
                        max_iter: int) -> tuple[NDArray, int, bool]:
    """Hestenes–Stiefel CG for A x = b, A symmetric positive definite, from x = 0; stops at
    ‖r‖ ≤ rtol·‖b‖ (scipy.sparse.linalg.cg's rule). Returns x, the steps, converged."""
    x, r = np.zeros_like(b), b.copy()
    d, rr = r.copy(), r @ r
    target = rtol * np.sqrt(rr)
    k = 0
    while np.sqrt(rr) > target and k < max_iter:
        Ad = matvec(d)
        step = rr / (d @ Ad)                      # exact line search along d
        x += step * d
        r -= step * Ad
        rr, rr_old = r @ r, rr
        d = r + (rr / rr_old) * d                 # A-conjugate to every previous direction
        k += 1
    return x, k, bool(np.sqrt(rr) <= target)


def _ridge_sparse_cg(X: NDArray, Y: NDArray, alpha: NDArray, *, tol: float,
                     max_iter: int | None, **_: Any) -> tuple[NDArray, None]:
    """Conjugate gradients on the normal equations, touching X only through products (as
    scikit-learn, on the n × n dual system (XXᵀ + αI)z = y, w = Xᵀz, when p > n)."""
    n, p = X.shape
    dual = p > n
    W = np.empty((p, Y.shape[1]))
    for k, a in enumerate(alpha):
        if dual:
            z, it, ok = _conjugate_gradient(lambda v, a=a: X @ (X.T @ v) + a * v, Y[:, k],
                                            tol, max_iter or 10 * n)
            W[:, k] = X.T @ z
        else:
            W[:, k], it, ok = _conjugate_gradient(lambda v, a=a: X.T @ (X @ v) + a * v,
                                                  X.T @ Y[:, k], tol, max_iter or 10 * p)
        if not ok:
            warnings.warn(f"sparse_cg did not converge after {it} iterations.",
                          ConvergenceWarning, stacklevel=4)
    return W, None   # scikit-learn reports no n_iter_ for sparse_cg


def _lsqr(A: NDArray, b: NDArray, damp: float, tol: float,
          iter_lim: int) -> tuple[NDArray, int]:
    """Paige & Saunders' LSQR for min ‖Ax − b‖² + damp²‖x‖².

    Golub–Kahan bidiagonalisation builds orthonormal U, V with A V_k = U_{k+1} B_k (B_k
    lower bidiagonal); Givens rotations turn B_k, stacked on damp·I, into an upper
    bidiagonal R_k, and x_k = V_k R_k⁻¹ f_k is updated by one short recurrence per step.
    Stopped as scipy's lsqr with atol = btol = tol: ‖r‖ ≤ tol(‖b‖ + ‖A‖‖x‖) (S1) or
    ‖Aᵀr − damp²x‖ ≤ tol‖A‖‖r‖ (S2), or either reached to machine precision.
    """
    x = np.zeros(A.shape[1])
    beta = float(np.sqrt(b @ b))
    if beta == 0.0:
        return x, 0
    u = b / beta
    v = A.T @ u
    alpha = float(np.sqrt(v @ v))
    if alpha == 0.0:
        return x, 0
    v = v / alpha
    w = v.copy()
    phibar, rhobar, bnorm = beta, alpha, beta
    anorm2 = res2 = xxnorm = z = sn2 = 0.0
    cs2 = -1.0
    for itn in range(1, iter_lim + 1):
        # Step 1: the next column pair of the bidiagonalisation, β u = A v − α u,
        # α v = Aᵀu − β v.
        u = A @ v - alpha * u
        beta = float(np.sqrt(u @ u))
        if beta > 0.0:
            u /= beta
            anorm2 += alpha ** 2 + beta ** 2 + damp ** 2
            v = A.T @ u - beta * v
            alpha = float(np.sqrt(v @ v))
            if alpha > 0.0:
                v /= alpha
        # Step 2: a rotation folds the damping row into the bidiagonal.
        rhobar1 = np.hypot(rhobar, damp)
        cs1, sn1 = rhobar / rhobar1, damp / rhobar1
        psi, phibar = sn1 * phibar, cs1 * phibar
        # Step 3: a rotation removes β below the diagonal: R_k and f_k gain one entry.
        rho = np.hypot(rhobar1, beta)
        cs, sn = rhobar1 / rho, beta / rho
        theta, rhobar = sn * alpha, -cs * alpha
        phi, phibar = cs * phibar, sn * phibar
        # Step 4: x_k = x_{k−1} + (φ/ρ) w,  w ← v − (θ/ρ) w.
        x += (phi / rho) * w
        w = v - (theta / rho) * w
        # Step 5: the estimates ‖x‖, ‖A‖, ‖r‖, ‖Aᵀr‖ the stopping rules need.
        delta, gambar = sn2 * rho, -cs2 * rho
        rhs = phi - delta * z
        xnorm = np.sqrt(xxnorm + (rhs / gambar) ** 2)
        gamma = np.hypot(gambar, theta)
        cs2, sn2, z = gambar / gamma, theta / gamma, rhs / gamma
        xxnorm += z ** 2
        anorm = np.sqrt(anorm2)
        res2 += psi ** 2
        rnorm = np.sqrt(phibar ** 2 + res2)
        arnorm = alpha * abs(sn * phi)
        test1 = rnorm / bnorm
        test2 = arnorm / (anorm * rnorm) if rnorm > 0 else 0.0
        t1 = test1 / (1 + anorm * xnorm / bnorm)
        if (test1 <= tol + tol * anorm * xnorm / bnorm or test2 <= tol
                or 1 + t1 <= 1 or 1 + test2 <= 1):
            return x, itn
    return x, iter_lim


def _ridge_lsqr(X: NDArray, Y: NDArray, alpha: NDArray, *, tol: float,
                max_iter: int | None, **_: Any) -> tuple[NDArray, NDArray]:
    """LSQR on [X; √α I] w ≈ [y; 0], one target at a time (damp = √α)."""
    W, n_iter = np.empty((X.shape[1], Y.shape[1])), np.empty(Y.shape[1], dtype=np.int32)
    for k, a in enumerate(alpha):
        W[:, k], n_iter[k] = _lsqr(X, Y[:, k], np.sqrt(a), tol, max_iter or 2 * X.shape[1])
    return W, n_iter


def _xorshift32(state: int) -> int:
    """scikit-learn's ``our_rand_r``: Marsaglia's 32-bit xorshift (13, 17, 5)."""
    state ^= (state << 13) & 0xFFFFFFFF
    state ^= state >> 17
    state ^= (state << 5) & 0xFFFFFFFF
    return state


def _sag(X: NDArray, y: NDArray, alpha: float, *, tol: float, max_iter: int,
         random_state: Any, saga: bool) -> tuple[NDArray, int]:
    """Stochastic average gradient (Schmidt, Le Roux & Bach) on the squared loss, or SAGA
    (Defazio, Bach & Lacoste-Julien), for min (1/n)Σ ½(x_iᵀw − y_i)² + ½(α/n)‖w‖².

    Each step draws a sample i, replaces its remembered gradient g_i = x_iᵀw − y_i in the
    running sum S = Σ_j g_j x_j, and steps along the average:
    SAG   w ← (1 − ηα/n) w − η S/m,
    SAGA  w ← (1 − ηα/n) w − η ((g_i − g_i^old) x_i + S_old/m)
    over the m samples seen so far, with scikit-learn's step η = 1/L (SAG) or
    1/(2L + min(2α, L)) (SAGA), L = max_i ‖x_i‖² + α/n, its sample draws (xorshift seeded
    by ``random_state.randint(1, 2³¹ − 1)``, index = draw mod n) and its stopping rule
    (after each epoch, max|Δw| ≤ tol·max|w|). scikit-learn applies the same updates lazily
    (a scale factor and cumulative sums), which changes only the rounding.
    """
    n, p = X.shape
    alpha_n = alpha / n
    L = float(np.max(np.einsum("ij,ij->i", X, X))) + alpha_n
    eta = 1.0 / (2 * L + min(2 * n * alpha_n, L)) if saga else 1.0 / L
    state = int(check_random_state(random_state).randint(1, np.iinfo(np.int32).max))
    w, S = np.zeros(p), np.zeros(p)
    memory, seen, m = np.zeros(n), np.zeros(n, dtype=bool), 0
    for epoch in range(1, max_iter + 1):
        w_start = w.copy()
        for _ in range(n):
            # Step 1: draw a sample as scikit-learn's SequentialDataset.random.
            state = _xorshift32(state)
            i = (state & 0x7FFFFFFF) % n
            if not seen[i]:
                seen[i], m = True, m + 1
            # Step 2: its new gradient replaces the remembered one in the sum.
            g = X[i] @ w - y[i]
            correction = (g - memory[i]) * X[i]
            S += correction
            memory[i] = g
            # Step 3: shrink by the L2 penalty and step along the average gradient.
            w *= 1.0 - eta * alpha_n
            if saga:
                w -= eta * (1.0 - 1.0 / m) * correction
            w -= (eta / m) * S
        change, size = np.abs(w - w_start).max(), np.abs(w).max()
        if (size != 0 and change / size <= tol) or (size == 0 and change == 0):
            return w, epoch
    warnings.warn("The max_iter was reached which means the coef_ did not converge",
                  ConvergenceWarning, stacklevel=4)
    return w, max_iter


def _ridge_sag(X: NDArray, Y: NDArray, alpha: NDArray, *, tol: float, max_iter: int | None,
               random_state: Any, solver: str, **_: Any) -> tuple[NDArray, NDArray]:
    """SAG or SAGA, one target at a time (each draws its own seed from random_state)."""
    W, n_iter = np.empty((X.shape[1], Y.shape[1])), np.empty(Y.shape[1], dtype=np.int32)
    for k, a in enumerate(alpha):
        W[:, k], n_iter[k] = _sag(X, Y[:, k], float(a), tol=tol, max_iter=max_iter or 1000,
                                  random_state=random_state, saga=solver == "saga")
    return W, n_iter


def _ridge_lbfgs(X: NDArray, Y: NDArray, alpha: NDArray, *, tol: float,
                 max_iter: int | None, **_: Any) -> tuple[NDArray, None]:
    """w ≥ 0: ½‖y − Xw‖² + ½α‖w‖² under bounds, by `mathml.optimize.minimize`'s L-BFGS-B
    (a projected quasi-Newton method: the same point satisfying the bound KKT conditions
    as SciPy's L-BFGS-B, by another path)."""
    W = np.empty((X.shape[1], Y.shape[1]))
    options = {} if max_iter is None else {"maxiter": max_iter}
    for k, a in enumerate(alpha):
        def objective(w, y=Y[:, k], a=a):
            r = X @ w - y
            return 0.5 * (r @ r) + 0.5 * a * (w @ w), X.T @ r + a * w
        result = minimize(objective, np.zeros(X.shape[1]), method="L-BFGS-B", jac=True,
                          bounds=[(0, np.inf)] * X.shape[1], tol=tol, options=options)
        if not result.success:
            warnings.warn("The lbfgs solver did not converge. Try increasing max_iter or "
                          f"tol. Currently: max_iter={max_iter} and tol={tol}",
                          ConvergenceWarning, stacklevel=4)
        W[:, k] = result.x
    return W, None


_RIDGE_SOLVERS: dict[str, Callable[..., tuple[NDArray, Any]]] = {
    "cholesky": _ridge_cholesky, "svd": _ridge_svd, "sparse_cg": _ridge_sparse_cg,
    "lsqr": _ridge_lsqr, "sag": _ridge_sag, "saga": _ridge_sag, "lbfgs": _ridge_lbfgs}


class Ridge(_LinearRegressor):
    """Least squares with an L2 penalty on the coefficients (not on the intercept).

    .. math::

        \\hat w = \\arg\\min_w \\lVert y_c - X_c w \\rVert_2^2 + \\alpha \\lVert w \\rVert_2^2
        = (X_c^\\mathsf T X_c + \\alpha I)^{-1} X_c^\\mathsf T y_c, \\qquad
        \\hat b = \\bar y - \\bar x^\\mathsf T \\hat w

    Parameters
    ----------
    alpha : float ≥ 0 or array-like of shape (n_targets,), default 1.0
        The penalty; an array gives each target its own.
    fit_intercept : bool, default True
    max_iter : int ≥ 1 or None, default None
        For the iterative solvers: None is scikit-learn's per-solver default (LSQR 2p,
        conjugate gradients 10·(system size), SAG/SAGA 1000 epochs, L-BFGS-B 15000).
    tol : float ≥ 0, default 1e-4
        The iterative solvers' stopping tolerance (each solver's own rule, as scikit-learn's).
    solver : {'auto', 'svd', 'cholesky', 'lsqr', 'sparse_cg', 'sag', 'saga', 'lbfgs'}
        The same minimiser reached seven ways:

        - 'cholesky': the normal equations (XᵀX + αI)w = Xᵀy by Cholesky, O(np² + p³); when
          p > n the dual (XXᵀ + αI)z = y, w = Xᵀz, O(n²p + n³). A singular system (α = 0)
          falls back to 'svd', as scikit-learn.
        - 'svd': w = V diag(s/(s² + α)) Uᵀy from the thin SVD of X, O(np·min(n, p)); the
          most stable, and it shows ridge as a filter on the singular directions.
        - 'sparse_cg': conjugate gradients on the normal equations (X touched only through
          products), O(np) per step, stopped at ‖r‖ ≤ tol·‖b‖.
        - 'lsqr': Paige & Saunders' LSQR on the stacked problem [X; √αI]w ≈ [y; 0]
          (Golub–Kahan bidiagonalisation), O(np) per step, with scipy's stopping rules.
        - 'sag', 'saga': stochastic average gradient and SAGA, one sample per step and
          O(p) per step, with scikit-learn's step size and sample draws; stopped when an
          epoch moves w by at most tol·max|w|.
        - 'lbfgs': L-BFGS-B (`mathml.optimize.minimize`), only with ``positive=True``.
        - 'auto': 'lbfgs' when positive, otherwise 'cholesky' (scikit-learn's choice for
          dense input).
    positive : bool, default False
        Constrain w ≥ 0 (solved by 'lbfgs').
    random_state : int, RandomState or None, default None
        Seeds the sample draws of 'sag' and 'saga'.

    Attributes
    ----------
    coef_ : ndarray of shape (n_features,) or (n_targets, n_features)
    intercept_ : float or ndarray of shape (n_targets,)
    n_iter_ : None or ndarray of shape (n_targets,)
        Iterations of 'lsqr' (steps), 'sag' and 'saga' (epochs); None for the others.
    solver_ : str
        The solver that ran ('auto' resolved, a singular 'cholesky' become 'svd').
    n_features_in_ : int

    Raises
    ------
    InvalidParameterError
        alpha < 0, an unknown solver.
    ValueError
        scikit-learn's input checks; as many penalties as targets; 'lbfgs' without
        ``positive``, ``positive`` with another solver than 'auto' or 'lbfgs'.

    Notes
    -----
    *Algorithm*: 1. centre X and y (the intercept is then ȳ − x̄ᵀw and unpenalised);
    2. solve for w with the chosen solver, one target (or one distinct penalty) at a time
    where the solver needs it; 3. b = ȳ − x̄ᵀw.
    *Complexity*: per solver, above; the direct solvers dominate for p ≲ 10³, the
    iterative ones when X is large and only its products are cheap.
    *Numerical stability*: forming XᵀX squares the condition number, which α bounds:
    κ(XᵀX + αI) ≤ (σ₁² + α)/α; 'svd' and 'lsqr' never form it.

    References
    ----------
    Hastie, Tibshirani & Friedman, The Elements of Statistical Learning, 2nd ed., §3.4.1;
    Paige & Saunders, LSQR, ACM TOMS 8 (1982); Schmidt, Le Roux & Bach, Minimizing finite
    sums with the stochastic average gradient, Math. Prog. 162 (2017); Defazio, Bach &
    Lacoste-Julien, SAGA, NeurIPS 2014.

    Checked against ``reference.linear_model.Ridge`` → ``sklearn.linear_model.Ridge`` with
    the same solver: 'cholesky' and 'svd' within the least-squares conditioning bound, the
    iterative solvers by optimum at a tight tol (their iterates and counts round
    differently: scikit-learn's SAG updates lazily).

    Examples
    --------
    >>> X = np.array([[0.0], [1.0], [2.0]]); y = np.array([0.0, 1.0, 2.0])
    >>> np.round(Ridge(alpha=2.0).fit(X, y).coef_, 6)
    array([0.5])
    >>> np.round(Ridge(alpha=2.0, solver="svd").fit(X, y).coef_, 6)
    array([0.5])
    """

    # the tags scikit-learn declares for its Ridge
    _sklearn_tags: ClassVar[dict[str, object]] = {"target_tags.multi_output": True}

    _fit_dtype = FLOAT_DTYPES
    _parameter_constraints = {
        "alpha": [Interval(Real, 0, None, closed="left"), "array-like"],
        "fit_intercept": ["boolean"],
        "max_iter": [Interval(Integral, 1, None, closed="left"), None],
        "tol": [Interval(Real, 0, None, closed="left")],
        "solver": [StrOptions({"auto", "svd", "cholesky", "lsqr", "sparse_cg", "sag", "saga",
                               "lbfgs"})],
        "positive": ["boolean"],
        "random_state": ["random_state"]}

    def __init__(self, alpha: float | ArrayLike = 1.0, *, fit_intercept: bool = True,
                 max_iter: int | None = None, tol: float = 1e-4, solver: str = "auto",
                 positive: bool = False, random_state: Any = None) -> None:
        self.alpha = alpha
        self.fit_intercept = fit_intercept
        self.max_iter = max_iter
        self.tol = tol
        self.solver = solver
        self.positive = positive
        self.random_state = random_state

    def _resolve_solver(self) -> str:
        """scikit-learn's choice and its checks of the solver against ``positive``."""
        if self.solver == "lbfgs" and not self.positive:
            raise ValueError("'lbfgs' solver can be used only when positive=True. "
                             "Please use another solver.")
        if self.positive and self.solver not in ("auto", "lbfgs"):
            raise ValueError(f"solver='{self.solver}' does not support positive fitting. "
                             "Please set the solver to 'auto' or 'lbfgs', or set "
                             "`positive=False`")
        if self.solver == "auto":
            return "lbfgs" if self.positive else "cholesky"
        return self.solver

    def _penalties(self, n_targets: int) -> NDArray:
        """One α per target: a scalar is repeated, an array must have n_targets entries."""
        alpha = np.asarray(self.alpha, dtype=float).ravel()
        if alpha.shape[0] not in (1, n_targets):
            raise ValueError("Number of targets and number of penalties do not correspond: "
                             f"{alpha.shape[0]} != {n_targets}")
        return np.broadcast_to(alpha, (n_targets,)).copy()

    def fit(self, X: ArrayLike, y: ArrayLike) -> Ridge:
        """Fit the penalised least-squares problem; returns self."""
        solver = self._resolve_solver()
        X, y = self._fit_data(X, y, multi_output=True)
        # Step 1: centre.
        Xc, yc, x_bar, y_bar = _center(X, y, self.fit_intercept)
        Y = yc.reshape(X.shape[0], -1)
        alpha = self._penalties(Y.shape[1])
        # Step 2: the chosen solver (a singular Cholesky system falls back to the SVD).
        if solver == "cholesky":
            try:
                W, n_iter = _ridge_cholesky(Xc, Y, alpha)
            except LinAlgError:
                solver = "svd"
        if solver != "cholesky":
            W, n_iter = _RIDGE_SOLVERS[solver](
                Xc, Y, alpha, tol=self.tol, max_iter=self.max_iter,
                random_state=self.random_state, solver=solver)
        w = W[:, 0] if yc.ndim == 1 else W.T
        self.n_iter_, self.solver_ = n_iter, solver
        # Step 3: intercept.
        self._set_intercept(w, x_bar, y_bar)
        return self
