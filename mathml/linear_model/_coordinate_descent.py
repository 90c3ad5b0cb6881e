"""Lasso and elastic net by coordinate descent, stopped by the duality gap, and their
regularisation paths (`lasso_path`, `enet_path`)."""
from __future__ import annotations

import warnings
from numbers import Integral, Real
from typing import Any, ClassVar

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._param_validation import Hidden, validate_params
from .._validation import FLOAT_DTYPES, check_array, check_random_state, float_dtype_of
from ..base import Interval, StrOptions
from ..exceptions import ConvergenceWarning
from ._base import _center, _LinearRegressor
from ._least_squares import _xorshift32

__all__ = ["ElasticNet", "Lasso", "enet_path", "lasso_path"]

RAND_R_MAX = 0x7FFFFFFF  # scikit-learn's bound for its xorshift draws (2³¹ − 1)


def _duality_gap(R: NDArray, XtR: NDArray, y: NDArray, w: NDArray, l1: float, l2: float,
                 positive: bool) -> float:
    """scikit-learn's gap for ½‖y − Xw‖² + l1‖w‖₁ + ½ l2‖w‖² at residual R = y − Xw:
    a dual point from R scaled into the dual feasible set, gap = primal − dual ≥ 0
    (with w ≥ 0 the feasible set is one-sided: max XᵀR, not max |XᵀR|)."""
    # A penalty weight may overflow to inf (alpha near the float maximum); the solution is
    # then w = 0 and each penalty term l·f(w) is 0, so only nonzero w enters a product.
    nonzero = w != 0.0
    XtA = XtR.copy()
    XtA[nonzero] -= l2 * w[nonzero]
    dual_norm = XtA.max(initial=0.0) if positive else np.abs(XtA).max(initial=0.0)
    R_norm2 = R @ R
    const = l1 / dual_norm if dual_norm > l1 else 1.0
    gap = 0.5 * R_norm2 * (1 + const ** 2) if dual_norm > l1 else R_norm2
    if nonzero.any():
        gap += l1 * np.abs(w).sum() + 0.5 * l2 * (1 + const ** 2) * (w @ w)
    return float(gap - const * (R @ y))


def _penalty_weights(n: int, alpha: float, l1_ratio: float) -> tuple[float, float]:
    """(l1, l2) = (n·α·ρ, n·α·(1 − ρ)), the weights of n × the objective. Formed as n·(α·ρ),
    not (n·α)·ρ: n·α overflows to inf for α near the float maximum, and inf·0 (ρ = 1, the
    lasso) is NaN; an overflow of a nonzero weight to inf is harmless (it forces w = 0)."""
    with np.errstate(over="ignore"):
        return float(n * (alpha * l1_ratio)), float(n * (alpha * (1 - l1_ratio)))


def _coordinate_order(p: int, random_state: Any, random: bool):
    """The coordinates of one sweep: 0, …, p−1 (cyclic), or scikit-learn's random draws —
    its xorshift seeded by ``random_state.randint(0, 2³¹ − 1)``, j = draw mod p, with
    replacement. A generator of sweeps."""
    if not random:
        while True:
            yield range(p)
    state = int(check_random_state(random_state).randint(0, RAND_R_MAX)) or 1  # 0 → 1, as C
    while True:
        sweep = []
        for _ in range(p):
            state = _xorshift32(state)
            sweep.append((state & RAND_R_MAX) % p)
        yield sweep


def _coordinate_descent(X: NDArray, y: NDArray, l1: float, l2: float, max_iter: int,
                        tol: float, *, w: NDArray | None = None, positive: bool = False,
                        gram: NDArray | None = None, random_state: Any = None,
                        random: bool = False) -> tuple[NDArray, float, int]:
    """Minimise ½‖y − Xw‖² + l1‖w‖₁ + ½ l2‖w‖² one coordinate at a time.

    Each step is exact: w_j ← S(ρ_j, l1)/(‖x_j‖² + l2), ρ_j = x_jᵀ(r + x_j w_j), S the soft
    threshold (with w ≥ 0: 0 when ρ_j < 0). ρ_j comes from the residual r = y − Xw (O(n)
    per step), or, given the Gram matrix G = XᵀX (``precompute``), from q − Gw with q = Xᵀy
    (O(p) per step, after O(np²) once): the same numbers, two bookkeepings.
    """
    p = X.shape[1]
    w = np.zeros(p) if w is None else np.array(w, dtype=float)
    if gram is not None:
        q, Gw = X.T @ y, gram @ w
        norms = np.diag(gram).copy()
    else:
        R = y - X @ w
        norms = np.einsum("ij,ij->j", X, X)
    tol_scaled = tol * float(y @ y)
    # A start that already meets the tolerance (a warm start along a path, a large tol) is
    # returned untouched after 0 sweeps, as scikit-learn checks before its first sweep.
    XtR = q - Gw if gram is not None else X.T @ R
    gap = _duality_gap(y - X @ w if gram is not None else R, XtR, y, w, l1, l2, positive)
    if gap <= tol_scaled:
        return w, gap, 0
    sweeps = _coordinate_order(p, random_state, random)
    for n_iter in range(1, max_iter + 1):
        w_max = dw_max = 0.0
        for j in next(sweeps):
            if norms[j] == 0.0:
                continue
            w_old = w[j]
            rho = (q[j] - Gw[j] if gram is not None else X[:, j] @ R) + norms[j] * w_old
            w[j] = 0.0 if positive and rho < 0 else \
                np.sign(rho) * max(abs(rho) - l1, 0.0) / (norms[j] + l2)
            if w[j] != w_old:
                if gram is not None:
                    Gw += (w[j] - w_old) * gram[:, j]
                else:
                    R -= (w[j] - w_old) * X[:, j]
            dw_max, w_max = max(dw_max, abs(w[j] - w_old)), max(w_max, abs(w[j]))
        # Stop on the duality gap, checked once the coefficients barely move.
        if w_max == 0.0 or dw_max / w_max <= tol or n_iter == max_iter:
            R_now = y - X @ w if gram is not None else R
            XtR = q - Gw if gram is not None else X.T @ R
            gap = _duality_gap(R_now, XtR, y, w, l1, l2, positive)
            if gap <= tol_scaled:
                return w, gap, n_iter
    warnings.warn(f"Objective did not converge. You might want to increase the number of "
                  f"iterations. Duality gap: {gap:.3e}, tolerance: {tol_scaled:.3e}",
                  ConvergenceWarning, stacklevel=4)
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
    precompute : bool or array-like of shape (n_features, n_features), default False
        Run the updates on the Gram matrix G = XᵀX (True, or G given) instead of on the
        residual: O(p) per coordinate step after O(np²) once, against O(n) per step.
        A given G with a fitted intercept is recomputed on the centred X (scikit-learn
        warns and does the same).
    max_iter : int, default 1000
        Sweeps over the coordinates.
    tol : float, default 1e-4
        Stop when the duality gap ≤ tol·‖y‖².
    warm_start : bool, default False
        Start from the previous fit's coef_.
    positive : bool, default False
        Constrain w ≥ 0 (a coordinate step with ρ_j < 0 sets w_j = 0).
    random_state : int, RandomState or None, default None
        Seeds the coordinate draws of ``selection='random'``.
    selection : {'cyclic', 'random'}, default 'cyclic'
        Visit the coordinates in order, or draw p of them (with replacement) per sweep from
        scikit-learn's stream (xorshift seeded by ``random_state.randint(0, 2³¹ − 1)``).

    Attributes
    ----------
    coef_ : ndarray of shape (n_features,) or (n_targets, n_features)
    intercept_ : float or ndarray of shape (n_targets,)
    dual_gap_ : float or ndarray of shape (n_targets,)
    n_iter_ : int or list of int (one per target)
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
    *Algorithm*: 1. centre; 2. for each target (independently, as scikit-learn), coordinate
    descent on n × the objective (l1 = nαρ, l2 = nα(1−ρ)), the gap checked when
    max|Δw|/max|w| ≤ tol; 3. b = ȳ − x̄ᵀw.
    *Complexity*: O(np) per sweep on the residual; with ``precompute``, O(np²) for the Gram
    matrix, then O(p²) per sweep.
    *Numerical stability*: each coordinate step is an exact one-dimensional minimisation;
    the objective decreases monotonically.

    References
    ----------
    Friedman, Hastie & Tibshirani, "Regularization paths for generalized linear models via
    coordinate descent", J. Stat. Software 33 (2010); Hastie, Tibshirani & Friedman, ESL §3.8.

    Checked against ``reference.linear_model.ElasticNet`` →
    ``sklearn.linear_model.ElasticNet``: both stop within the same duality gap, so the
    coefficients agree to the optimisation tolerance (not to rounding); ``n_iter_`` may
    differ: scikit-learn ≥ 1.8 also screens out coordinates that the gap proves are 0
    (gap-safe rules), and with ``selection='random'`` it draws from the screened set, so its
    coordinate order is mathml's only until the first screening.

    Examples
    --------
    >>> X = np.array([[0.0], [1.0], [2.0]]); y = np.array([0.0, 1.0, 2.0])
    >>> np.round(ElasticNet(alpha=0.1, l1_ratio=1.0, tol=1e-10).fit(X, y).coef_, 6)
    array([0.85])
    """

    # the tags scikit-learn declares for its ElasticNet
    _sklearn_tags: ClassVar[dict[str, object]] = {"target_tags.multi_output": True}

    _fit_dtype = FLOAT_DTYPES
    _parameter_constraints = {"alpha": [Interval(Real, 0, None, closed="left")],
                              "l1_ratio": [Interval(Real, 0, 1, closed="both")],
                              "fit_intercept": ["boolean"],
                              "precompute": ["boolean", "array-like"],
                              # None passes scikit-learn's check, then fails (TypeError)
                              "max_iter": [Interval(Integral, 1, None, closed="left"), None],
                              "tol": [Interval(Real, 0, None, closed="left")],
                              "warm_start": ["boolean"],
                              "positive": ["boolean"],
                              "random_state": ["random_state"],
                              "selection": [StrOptions({"cyclic", "random"})]}

    def __init__(self, alpha: float = 1.0, *, l1_ratio: float = 0.5, fit_intercept: bool = True,
                 precompute: bool | ArrayLike = False, max_iter: int = 1000, tol: float = 1e-4,
                 warm_start: bool = False, positive: bool = False, random_state: Any = None,
                 selection: str = "cyclic") -> None:
        self.alpha = alpha
        self.l1_ratio = l1_ratio
        self.fit_intercept = fit_intercept
        self.precompute = precompute
        self.max_iter = max_iter
        self.tol = tol
        self.warm_start = warm_start
        self.positive = positive
        self.random_state = random_state
        self.selection = selection

    def _l1_ratio(self) -> float:
        return self.l1_ratio

    def fit(self, X: ArrayLike, y: ArrayLike) -> ElasticNet:
        """Fit by coordinate descent; returns self."""
        self._validate_hyperparameters()  # before alpha is compared with 0
        if self.alpha == 0:
            warnings.warn("With alpha=0, this algorithm does not converge well. You are "
                          "advised to use the LinearRegression estimator", UserWarning,
                          stacklevel=2)
        X, y = self._fit_data(X, y, multi_output=True)
        if self.max_iter is None:
            raise TypeError("an integer is required: max_iter=None (scikit-learn's message)")
        # Step 1: centre.
        Xc, yc, x_bar, y_bar = _center(X, y, self.fit_intercept)
        gram = _gram(Xc, self.precompute, x_bar, self.fit_intercept)
        Y = yc.reshape(X.shape[0], -1)
        previous = getattr(self, "coef_", None) if self.warm_start else None
        W0 = np.zeros((Y.shape[1], X.shape[1])) if previous is None else \
            np.reshape(previous, (Y.shape[1], X.shape[1])).astype(np.float64)
        # Step 2: coordinate descent on n × the objective, one target at a time.
        n, rho = X.shape[0], self._l1_ratio()
        W, gaps, n_iter = np.empty_like(W0), np.empty(Y.shape[1]), []
        for k in range(Y.shape[1]):
            W[k], gaps[k], it = _coordinate_descent(
                Xc, Y[:, k], *_penalty_weights(n, self.alpha, rho), self.max_iter,
                self.tol, w=W0[k], positive=self.positive, gram=gram,
                random_state=self.random_state, random=self.selection == "random")
            n_iter.append(it)
        one = yc.ndim == 1
        self.dual_gap_ = np.float64(gaps[0] / n) if one else gaps / n
        self.n_iter_ = n_iter[0] if one else n_iter
        # Step 3: intercept.
        self._set_intercept(W[0] if one else W, x_bar, y_bar)
        return self


def _gram(Xc: NDArray, precompute: Any, x_bar: NDArray, fit_intercept: bool) -> NDArray | None:
    """The Gram matrix the updates run on, or None (residual form); scikit-learn's `_pre_fit`
    checks of a user's matrix."""
    if precompute is True or (isinstance(precompute, str) and precompute == "auto"
                              and Xc.shape[0] > Xc.shape[1]):
        return Xc.T @ Xc
    if precompute is False or isinstance(precompute, str):
        return None
    if not hasattr(precompute, "__array__"):
        raise ValueError("Precompute should be one of True, False, 'auto' or array-like. "
                         f"Got {precompute!r}")
    G = np.asarray(precompute, dtype=float)
    if fit_intercept and np.abs(x_bar).max(initial=0.0) > 1e-8:
        warnings.warn("Gram matrix was provided but X was centered to fit intercept: "
                      "recomputing Gram matrix.", UserWarning, stacklevel=4)
        return Xc.T @ Xc if Xc.shape[0] > Xc.shape[1] else None
    p = Xc.shape[1]
    if G.shape != (p, p):
        # scikit-learn indexes the matrix unchecked here (an IndexError): the shapes named
        raise ValueError(f"The precomputed Gram matrix should have shape {(p, p)} (n_features, "
                         f"n_features), got {G.shape}.")
    # one entry checked, as scikit-learn, against the product of two columns
    f1 = Xc.shape[1] // 2
    f2 = min(f1 + 1, Xc.shape[1] - 1)
    expected, actual = float(Xc[:, f1] @ Xc[:, f2]), float(G[f1, f2])
    if not abs(expected - actual) <= 1e-5 + 1e-7 * abs(actual):
        raise ValueError("Gram matrix passed in via 'precompute' parameter did not pass "
                         "validation when a single element was checked - please check that "
                         f"it was computed properly. For element ({f1},{f2}) we computed "
                         f"{expected} but the user-supplied value was {actual}.")
    return G


class Lasso(ElasticNet):
    """Linear regression with an L1 penalty (ElasticNet with l1_ratio = 1).

    .. math::

        \\min_w \\frac{1}{2n} \\lVert y - X w \\rVert_2^2 + \\alpha \\lVert w \\rVert_1

    Parameters
    ----------
    alpha : float ≥ 0, default 1.0
    fit_intercept, precompute, max_iter, tol, warm_start, positive, random_state, selection
        As `ElasticNet`.

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

    def __init__(self, alpha: float = 1.0, *, fit_intercept: bool = True,
                 precompute: bool | ArrayLike = False, max_iter: int = 1000, tol: float = 1e-4,
                 warm_start: bool = False, positive: bool = False, random_state: Any = None,
                 selection: str = "cyclic") -> None:
        self.alpha = alpha
        self.fit_intercept = fit_intercept
        self.precompute = precompute
        self.max_iter = max_iter
        self.tol = tol
        self.warm_start = warm_start
        self.positive = positive
        self.random_state = random_state
        self.selection = selection

    def _l1_ratio(self) -> float:
        return 1.0


def _alpha_grid(X: NDArray, y: NDArray, l1_ratio: float, eps: float, n_alphas: int,
                positive: bool) -> NDArray:
    """n_alphas values from α_max = max_j |x_jᵀy|/(nρ) (the smallest α whose solution is
    w = 0, by the KKT conditions at 0; one-sided with w ≥ 0) down to eps·α_max, evenly
    spaced in log scale (scikit-learn's grid)."""
    if l1_ratio == 0:
        raise ValueError("Automatic alpha grid generation is not supported for l1_ratio=0. "
                         "Please supply a grid by providing your estimator with the "
                         "appropriate `alphas=` argument.")
    Xy = X.T @ y
    top = max(0.0, float(Xy.max())) if positive else float(np.abs(Xy).max())
    alpha_max = top / (X.shape[0] * l1_ratio)
    resolution = float(np.finfo(np.float64).resolution)
    if alpha_max <= resolution:
        return np.full(n_alphas, resolution)
    # geometric spacing: exp of an arithmetic sequence in log α
    return np.exp(np.linspace(np.log(alpha_max), np.log(alpha_max * eps), n_alphas))


_PATH_CONSTRAINTS: dict[str, list] = {
    "X": ["array-like", "sparse matrix"], "y": ["array-like", "sparse matrix"],
    "l1_ratio": [Interval(Real, 0.0, 1.0, closed="both")],
    "eps": [Interval(Real, 0.0, None, closed="neither")],
    "n_alphas": [Interval(Integral, 1, None, closed="left"), Hidden(StrOptions({"deprecated"}))],
    "alphas": [Interval(Integral, 1, None, closed="left"), "array-like", None,
               Hidden(StrOptions({"warn"}))],
    "precompute": [StrOptions({"auto"}), "boolean", "array-like"],
    "coef_init": ["array-like", None], "return_n_iter": ["boolean"], "positive": ["boolean"]}


@validate_params(_PATH_CONSTRAINTS)
def enet_path(X: ArrayLike, y: ArrayLike, *, l1_ratio: float = 0.5, eps: float = 1e-3,
              n_alphas: Any = "deprecated", alphas: Any = "warn", precompute: Any = "auto",
              coef_init: ArrayLike | None = None, return_n_iter: bool = False,
              positive: bool = False, **params: Any) -> tuple:
    r"""Elastic-net solutions along a decreasing grid of penalties, each warm-started.

    .. math::

        \hat w(\alpha) = \arg\min_w \frac{1}{2n}\lVert y - X w\rVert_2^2
        + \alpha\rho\lVert w\rVert_1 + \frac{\alpha(1-\rho)}{2}\lVert w\rVert_2^2,
        \qquad \alpha_1 > \alpha_2 > \dots

    No intercept: centre X and y first to fit one (as `ElasticNet` does).

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    y : array_like, shape (n_samples,)
        One target (scikit-learn's 2-D y runs the multi-task elastic net, another problem,
        not offered here).
    l1_ratio : float in (0, 1], default 0.5
    eps : float > 0, default 1e-3
        The grid's α_min/α_max.
    n_alphas : int, deprecated
        scikit-learn 1.9's deprecated grid size (FutureWarning); use ``alphas=int``.
    alphas : int, array_like or None, default 100 values
        A grid size (from α_max down to eps·α_max) or the penalties themselves (sorted
        decreasing). None is deprecated (FutureWarning) and means 100.
    precompute : 'auto', bool or array_like, default 'auto'
        Run the updates on the Gram matrix ('auto': when n_samples > n_features).
    coef_init : array_like, shape (n_features,), optional
        The starting point of the first fit.
    return_n_iter : bool, default False
    positive : bool, default False
    **params
        ``tol`` (1e-4), ``max_iter`` (1000), ``random_state``, ``selection`` ('cyclic'),
        as `ElasticNet`.

    Returns
    -------
    alphas : ndarray, shape (n_alphas,)
    coefs : ndarray, shape (n_features, n_alphas)
    dual_gaps : ndarray, shape (n_alphas,)
    n_iters : list of int, only with ``return_n_iter``

    Raises
    ------
    ValueError
        Unexpected params, an unknown selection, l1_ratio = 0 with an automatic grid,
        2-D y, scikit-learn's input checks.

    Notes
    -----
    *Algorithm*: 1. the grid: α_max = max|Xᵀy|/(nρ), where w = 0 stops being optimal, down
    to eps·α_max geometrically; 2. for each α, coordinate descent from the previous
    solution (a warm start: neighbouring solutions are close, so each fit takes few sweeps).
    *Complexity*: O(n_alphas · sweeps · np) (O(p²) per sweep with the Gram matrix).
    *Numerical stability*: as `ElasticNet`.

    References
    ----------
    Friedman, Hastie & Tibshirani, "Regularization paths for generalized linear models via
    coordinate descent", J. Stat. Software 33 (2010), §2.5.

    Checked against ``reference.linear_model.enet_path`` →
    ``sklearn.linear_model.enet_path``: the same grid (to rounding), the coefficients by
    optimum at a tight tol (dual gaps are not compared: they measure where each stopped).

    Examples
    --------
    >>> X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]); y = np.array([1.0, 2.0, 3.0])
    >>> alphas, coefs, _ = enet_path(X, y, l1_ratio=1.0, alphas=[1.0, 0.01], tol=1e-12)
    >>> np.round(coefs[:, 0], 4).tolist(), np.round(coefs[:, 1], 4).tolist()
    ([0.0, 1.0], [0.99, 1.99])
    """
    tol, max_iter = params.pop("tol", 1e-4), params.pop("max_iter", 1000)
    random_state, selection = params.pop("random_state", None), params.pop("selection",
                                                                           "cyclic")
    if params:
        raise ValueError("Unexpected parameters in params", params.keys())
    dtype = float_dtype_of(X)  # float32 data: float32 coefficients, as scikit-learn
    X = check_array(X, dtype=FLOAT_DTYPES)
    y = check_array(y, ensure_2d=False, dtype=FLOAT_DTYPES)
    if y.ndim != 1:
        raise ValueError("mathml's enet_path fits one target: y must be 1-D (scikit-learn "
                         "runs the multi-task elastic net for a 2-D y)")
    if selection not in ("random", "cyclic"):
        raise ValueError("selection should be either random or cyclic.")
    grid = _path_grid(n_alphas, alphas)
    # Step 1: the grid (given penalties are sorted decreasing).
    if isinstance(grid, Integral):
        grid = _alpha_grid(X, y, l1_ratio, eps, int(grid), positive)
    else:
        grid = np.asarray(grid, dtype=float)
        if grid.ndim != 1:  # scikit-learn fails on it with a TypeError too
            raise TypeError("alphas must be an int or a 1-D sequence of penalties, got an array "
                            f"of shape {grid.shape}")
        grid = -np.sort(-grid)
    # as scikit-learn's compiled solver reads them: a NaN or infinite max_iter, or a tol that
    # is not one number, fail here (ValueError, OverflowError, TypeError); a string is refused
    # by its typed arguments (TypeError), not parsed
    for name, value in (("max_iter", max_iter), ("tol", tol)):
        if isinstance(value, (str, bytes)):
            raise TypeError(f"{name} must be a number, not {type(value).__name__}")
    max_iter, tol = int(max_iter), float(tol)
    # Step 2: coordinate descent at each α, warm-started.
    n, p = X.shape
    gram = _gram(X, precompute, np.zeros(p), False)
    w = np.zeros(p) if coef_init is None else np.asarray(coef_init, dtype=float)
    coefs, gaps, n_iters = np.empty((p, len(grid))), np.empty(len(grid)), []
    for i, alpha in enumerate(grid):
        w, gap, it = _coordinate_descent(X, y, *_penalty_weights(n, alpha, l1_ratio),
                                         max_iter, tol, w=w, positive=positive, gram=gram,
                                         random_state=random_state,
                                         random=selection == "random")
        coefs[:, i], gaps[i] = w, gap / n
        n_iters.append(it)
    coefs = coefs.astype(dtype, copy=False)
    return (grid, coefs, gaps, n_iters) if return_n_iter else (grid, coefs, gaps)


def _path_grid(n_alphas: Any, alphas: Any) -> Any:
    """scikit-learn 1.9's reading of ``n_alphas`` (deprecated) and ``alphas``."""
    grid = 100
    if not (isinstance(n_alphas, str) and n_alphas == "deprecated"):
        warnings.warn("'n_alphas' was deprecated in 1.9 and will be removed in 1.11. 'alphas' "
                      "now accepts an integer value which removes the need to pass "
                      "'n_alphas'. The default value of 'alphas' will change from None to "
                      "100 in 1.11. Pass an explicit value to 'alphas' and leave 'n_alphas' "
                      "to its default value to silence this warning.", FutureWarning,
                      stacklevel=3)
        grid = n_alphas
    if isinstance(alphas, str) and alphas == "warn":
        return grid
    if alphas is None:
        warnings.warn("'alphas=None' is deprecated and will be removed in 1.11, at which "
                      "point the default value will be set to 100. Set 'alphas=100' to "
                      "silence this warning.", FutureWarning, stacklevel=3)
        return grid
    return alphas


@validate_params({k: v for k, v in _PATH_CONSTRAINTS.items() if k != "l1_ratio"})
def lasso_path(X: ArrayLike, y: ArrayLike, *, eps: float = 1e-3, n_alphas: Any = "deprecated",
               alphas: Any = "warn", precompute: Any = "auto",
               coef_init: ArrayLike | None = None, return_n_iter: bool = False,
               positive: bool = False, **params: Any) -> tuple:
    r"""The lasso solutions along a decreasing grid of penalties: `enet_path` with ρ = 1.

    .. math::

        \hat w(\alpha) = \arg\min_w \frac{1}{2n}\lVert y - X w\rVert_2^2
        + \alpha\lVert w\rVert_1, \qquad \alpha_1 > \alpha_2 > \dots

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    y : array_like, shape (n_samples,)
    eps, n_alphas, alphas, precompute, coef_init, return_n_iter, positive, **params
        As `enet_path`.

    Returns
    -------
    alphas : ndarray, shape (n_alphas,)
    coefs : ndarray, shape (n_features, n_alphas)
    dual_gaps : ndarray, shape (n_alphas,)
    n_iters : list of int, only with ``return_n_iter``

    Raises
    ------
    ValueError
        As `enet_path`.

    Notes
    -----
    *Algorithm*: `enet_path`'s, each coordinate step a soft threshold. Along the path the
    active set grows as α falls: at α_max every coefficient is 0.
    *Complexity*: as `enet_path`.
    *Numerical stability*: as `enet_path`.

    References
    ----------
    Tibshirani, "Regression shrinkage and selection via the lasso", JRSS B 58 (1996);
    Friedman, Hastie & Tibshirani (2010), §2.5.

    Checked against ``reference.linear_model.lasso_path`` →
    ``sklearn.linear_model.lasso_path``: as `enet_path`.

    Examples
    --------
    >>> X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]); y = np.array([1.0, 2.0, 3.0])
    >>> alphas, coefs, _ = lasso_path(X, y, alphas=3)
    >>> np.round(alphas, 4).tolist()
    [1.6667, 0.0527, 0.0017]
    """
    return enet_path(X, y, l1_ratio=1.0, eps=eps, n_alphas=n_alphas, alphas=alphas,
                     precompute=precompute, coef_init=coef_init, return_n_iter=return_n_iter,
                     positive=positive, **params)
