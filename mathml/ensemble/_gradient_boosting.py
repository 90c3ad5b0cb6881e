"""Gradient boosting: an additive model of regression trees, fitted stage by stage down the
negative gradient of a loss.

The model is F_M(x) = F_0(x) + ν Σ_m h_m(x): F_0 is a constant (the loss's best constant),
each h_m a small regression tree and ν ∈ (0, 1] the learning rate (shrinkage). Stage m
computes the *pseudo-residuals* r_i = −∂L(y_i, F)/∂F at F = F_{m−1}(x_i), fits a tree to
them by least squares (its leaves are the regions R_jm), then replaces each leaf's value by
the step γ_jm that decreases the loss in that region the most (a line search, one per leaf):

    γ_jm = argmin_γ Σ_{x_i ∈ R_jm} w_i L(y_i, F_{m−1}(x_i) + γ),
    F_m(x) = F_{m−1}(x) + ν γ_jm  for x ∈ R_jm.

For the squared error the pseudo-residuals are the ordinary residuals y − F and the tree's
leaf means are already the best steps; for the absolute error the best step is the median of
the residuals in the leaf; for the log loss it has no closed form and one Newton step is
taken. (Friedman, "Greedy function approximation: a gradient boosting machine", 2001.)

The module opens with ``_textbook_GradientBoostingRegressor`` (the squared error, in a few
lines). `GradientBoostingRegressor` and `GradientBoostingClassifier` are the same
mathematics with every loss, sample weights, subsampling, and scikit-learn's order of
operations and random draws, so that the same ``random_state`` gives the same trees and
bit-for-bit the same predictions as ``sklearn.ensemble``.
"""
from __future__ import annotations

import math
import warnings
from collections.abc import Iterator
from numbers import Integral, Real
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._docstrings import fill_doc
from .._param_validation import _validate_parameter_constraints
from .._validation import (check_classification_targets, check_random_state,
                           check_sample_weight, column_or_1d, refuse_scalar_y,
                           validate_data)
from ..base import (BaseEstimator, ClassifierMixin, Interval, RegressorMixin, StrOptions,
                    check_is_fitted)
from ..tree import DecisionTreeRegressor

__all__ = ["GradientBoostingClassifier", "GradientBoostingRegressor"]


def _textbook_GradientBoostingRegressor(X: ArrayLike, y: ArrayLike, *, n_estimators: int = 100,
                                        learning_rate: float = 0.1, max_depth: int = 3,
                                        random_state=None) -> tuple[float, list]:
    """Gradient boosting for the squared error, as a textbook writes it.

    Returns F_0 and the trees; the prediction is F_0 + ν Σ_m h_m(x).

    .. math::

        F_0 = \\bar y, \\qquad r_i = y_i - F_{m-1}(x_i) = -\\frac{\\partial}{\\partial F}
        \\tfrac12 (y_i - F)^2, \\qquad F_m = F_{m-1} + \\nu\\, h_m

    with h_m the least-squares tree fitted to the r_i (its leaf means are already the best
    steps for this loss). `GradientBoostingRegressor(loss='squared_error')` computes the same
    thing (tests/test_gradient_boosting.py compares them), with the other losses, weights,
    subsampling and scikit-learn's float32 view of X.
    """
    X = np.asarray(X, dtype=np.float32)
    y = np.asarray(y, dtype=float)
    rng = check_random_state(random_state)
    F0 = y.mean()
    F = np.full(y.shape, F0)
    trees = []
    for _ in range(n_estimators):
        r = y - F                                                 # Step 1: pseudo-residuals
        h = DecisionTreeRegressor(max_depth=max_depth, random_state=rng).fit(X, r)   # Step 2: fit
        F = F + learning_rate * h.predict(X)                      # Step 3: shrunken step
        trees.append(h)
    return F0, trees


# --- the arithmetic of scikit-learn's Cython losses -----------------------------------------
# The losses and gradients are computed by C's exp/log/log1p, one sample at a time; numpy's
# vectorised exp and log1p round differently in about 5% of entries, so these call the C
# library through `math`, entry by entry.

def _c(f, x: NDArray) -> NDArray[np.float64]:
    """f (a `math` function, i.e. C's) applied entry by entry."""
    x = np.asarray(x, dtype=float)
    return np.fromiter(map(f, x.ravel()), float, x.size).reshape(x.shape)


def _expit(F: NDArray) -> NDArray[np.float64]:
    """1/(1 + e^{−F}), as SciPy's expit evaluates it."""
    return 1.0 / (1.0 + _c(math.exp, -F))


def _logit(p: NDArray) -> NDArray[np.float64]:
    """log(p/(1−p)); near p = 1/2 (0.3 ≤ p ≤ 0.65) as log1p(s) − log1p(−s), s = 2(p − 1/2),
    as SciPy's logit evaluates it."""
    s = 2 * (p - 0.5)
    with np.errstate(divide="ignore"):
        outer = _c(math.log, np.where((p < 0.3) | (p > 0.65), p / (1 - p), 1.0))
    centre = _c(math.log1p, s) - _c(math.log1p, -s)
    return np.where((p < 0.3) | (p > 0.65), outer, centre)


def _log1pexp(F: NDArray) -> NDArray[np.float64]:
    """log(1 + e^F) without overflow, by the cutoffs of Mächler's note (−37, −2, 18, 33.3)."""
    e = _c(math.exp, np.clip(F, None, 33.3))
    out = np.where(F <= -37, e, 0.0)
    mid = (F > -37) & (F <= -2)
    out[mid] = _c(math.log1p, e[mid])
    mid = (F > -2) & (F <= 18)
    out[mid] = _c(math.log, 1.0 + e[mid])
    mid = (F > 18) & (F <= 33.3)
    out[mid] = F[mid] + _c(math.exp, -F[mid])
    return np.where(F > 33.3, F, out)


def _average(a: NDArray, w: NDArray) -> float:
    """Σ w a / Σ w, summed as numpy's ``average`` sums."""
    return (a * w).sum() / w.sum()


def _lerp(a: float, b: float, t: float) -> float:
    """a + t(b − a), from the nearer end (numpy's percentile interpolation)."""
    return b - (b - a) * (1 - t) if t >= 0.5 else a + (b - a) * t


def _percentile(a: NDArray, q: float) -> float:
    """The q-th percentile (0 ≤ q ≤ 100) by linear interpolation between order statistics:
    position (n − 1) q/100 in the sorted values."""
    v = np.sort(a)
    h = (len(v) - 1) * (q / 100)
    lo = int(math.floor(h))
    hi = min(lo + 1, len(v) - 1)
    return float(_lerp(v[lo], v[hi], h - lo))


def _weighted_percentile(a: NDArray, w: NDArray, q: float) -> float:
    """The smallest a_(j) (sorted) whose cumulative weight reaches q/100 of the total: the
    inverted CDF of the weighted sample (nan when every weight is 0)."""
    if np.all(w == 0):
        return math.nan
    order = np.argsort(a)
    cdf = np.cumsum(w[order])
    target = q / 100 * cdf[-1]
    if target == 0:                         # rank 0 skips leading zero weights
        target = np.nextafter(target, target + 1)
    j = min(int(np.searchsorted(cdf, target)), len(a) - 1)
    return float(a[order[j]])


def _safe_divide(numerator: float, denominator: float) -> float:
    """numerator/denominator, 0 when the denominator (a Hessian) vanishes."""
    if abs(denominator) < 1e-150:
        return 0.0
    result = float(numerator) / float(denominator)
    if math.isinf(result):
        warnings.warn("overflow encountered in _safe_divide", RuntimeWarning, stacklevel=3)
    return result


# --- losses: value, negative gradient, leaf step ------------------------------------------
# `loss` is the per-sample loss; `score` the weighted mean that train_score_ records
# (scikit-learn keeps the factor 2 of its older deviances for the squared error and the
# binary log loss); `leaf_step` the line search of one leaf, given the leaf's targets y,
# pseudo-residuals r, current scores F and weights w.

class _Loss:
    factor = 1.0
    n_trees = 1

    def loss(self, y, F) -> NDArray[np.float64]:
        raise NotImplementedError

    def negative_gradient(self, y, F) -> NDArray[np.float64]:
        raise NotImplementedError

    def leaf_step(self, y, r, F, w) -> float:
        raise NotImplementedError

    def link(self, p) -> NDArray[np.float64]:
        raise NotImplementedError

    def predict_proba(self, F) -> NDArray[np.float64]:
        raise NotImplementedError

    def score(self, y, F, w) -> float:
        return self.factor * _average(self.loss(y, F), w)


class _SquaredError(_Loss):
    """L = ½(y − F)²; −∂L/∂F = y − F; the tree's leaf means are already the best steps."""
    factor = 2.0

    def loss(self, y, F):
        d = F[:, 0] - y
        return 0.5 * d * d

    def negative_gradient(self, y, F):
        return -(F[:, 0] - y)


class _AbsoluteError(_Loss):
    """L = |y − F|; −∂L/∂F = sign(y − F) (+1 on ties); γ = the weighted median of y − F."""

    def loss(self, y, F):
        return np.abs(F[:, 0] - y)

    def negative_gradient(self, y, F):
        return -np.where(F[:, 0] > y, 1.0, -1.0)

    def leaf_step(self, y, r, F, w):
        return _weighted_percentile(y - F, w, 50)


class _Quantile(_Loss):
    """L = α(y − F) for y ≥ F, (1 − α)(F − y) below; −∂L/∂F = α or −(1 − α);
    γ = the weighted α-quantile of y − F."""

    def __init__(self, alpha: float) -> None:
        self.alpha = alpha

    def loss(self, y, F):
        F = F[:, 0]
        return np.where(y >= F, self.alpha * (y - F), (1.0 - self.alpha) * (F - y))

    def negative_gradient(self, y, F):
        return -np.where(y >= F[:, 0], -self.alpha, 1.0 - self.alpha)

    def leaf_step(self, y, r, F, w):
        return _weighted_percentile(y - F, w, 100 * self.alpha)


class _Huber(_Loss):
    """L = ½d² for |d| ≤ δ, δ(|d| − δ/2) beyond (d = y − F), δ the α-quantile of |d|
    at the start of each stage; −∂L/∂F = d clipped to [−δ, δ];
    γ = m + mean(sign(d − m) min(δ, |d − m|)), m the weighted median of d (one step of
    Friedman's algorithm 4)."""

    def __init__(self, alpha: float) -> None:
        self.alpha = alpha
        # scikit-learn's starting δ: the out-of-bag loss before the first stage uses it.
        self.delta = 0.5

    def set_delta(self, y, F, w) -> None:
        self.delta = _weighted_percentile(np.abs(y - F[:, 0]), w, 100 * self.alpha)

    def loss(self, y, F):
        d = np.abs(y - F[:, 0])
        return np.where(d <= self.delta, 0.5 * d * d, self.delta * (d - 0.5 * self.delta))

    def negative_gradient(self, y, F):
        res = F[:, 0] - y
        clipped = np.where(res >= 0, self.delta, -self.delta)
        return -np.where(np.abs(res) <= self.delta, res, clipped)

    def leaf_step(self, y, r, F, w):
        d = y - F
        m = _weighted_percentile(d, w, 50)
        term = np.sign(d - m) * np.minimum(self.delta, np.abs(d - m))
        return m + _average(term, w)


class _BinomialLogLoss(_Loss):
    """p = expit(F); L = log(1 + e^F) − yF; −∂L/∂F = y − p;
    γ = Σ w(y − p) / Σ w p(1 − p), one Newton step (means of both sums)."""
    factor = 2.0

    def loss(self, y, F):
        return _log1pexp(F[:, 0]) - y * F[:, 0]

    def negative_gradient(self, y, F):
        e = _c(math.exp, -F[:, 0])
        return -(((1 - y) - y * e) / (1 + e))

    def leaf_step(self, y, r, F, w):
        p = y - r
        return _safe_divide(_average(r, w), _average(p * (1 - p), w))

    def link(self, p):
        return _logit(p)

    def predict_proba(self, F):
        p1 = _expit(F[:, 0])
        return np.column_stack([1 - p1, p1])


class _MultinomialLogLoss(_Loss):
    """p_k = softmax(F)_k; L = log Σ_k e^{F_k} − F_y; −∂L/∂F_k = 1[y = k] − p_k;
    γ = (K−1)/K · Σ w r / Σ w p(1 − p) per class (Friedman's algorithm 6)."""

    def __init__(self, K: int) -> None:
        self.n_trees = self.K = K

    def _exp_shifted(self, F):
        m = F.max(axis=1)
        e = _c(math.exp, F - m[:, None])
        s = e[:, 0].copy()
        for k in range(1, self.K):               # C's sequential sum over the classes
            s += e[:, k]
        return m, e, s

    def loss(self, y, F):
        m, _, s = self._exp_shifted(F)
        return _c(math.log, s) + m - F[np.arange(len(y)), y.astype(np.intp)]

    def negative_gradient(self, y, F):
        _, e, s = self._exp_shifted(F)
        return -(e / s[:, None] - (y[:, None] == np.arange(self.K)))

    def leaf_step(self, y, r, F, w):
        p = y - r
        numerator = _average(r, w) * ((self.K - 1) / self.K)
        return _safe_divide(numerator, _average(p * (1 - p), w))

    def link(self, p):
        # Symmetric: log p_k minus the mean of the log p (the log of the geometric mean).
        gm = np.exp(np.log(p).mean(axis=1))
        return np.log(p / gm[:, None])

    def predict_proba(self, F):
        e = np.exp(F - F.max(axis=1)[:, None])
        return e / e.sum(axis=1)[:, None]


class _ExponentialLoss(_Loss):
    """L = y e^{−F} + (1 − y) e^{F} (AdaBoost's loss, y ∈ {0, 1}); p = expit(2F);
    γ = Σ w r / Σ w |r|, one Newton step (the Hessian equals |r|)."""

    def loss(self, y, F):
        t = _c(math.exp, F[:, 0])
        return y / t + (1 - y) * t

    def negative_gradient(self, y, F):
        t = _c(math.exp, F[:, 0])
        return -(-y / t + (1 - y) * t)

    def leaf_step(self, y, r, F, w):
        hessian = np.where(y == 0, -r, r)
        return _safe_divide(_average(r, w), _average(hessian, w))

    def link(self, p):
        return 0.5 * _logit(p)

    def predict_proba(self, F):
        p1 = _expit(2 * F[:, 0])
        return np.column_stack([1 - p1, p1])


# --- the constant first stage F_0 ---------------------------------------------------------

class _Prior(BaseEstimator):
    """F_0 of a classifier: the (weighted) class frequencies, as probabilities."""

    def fit(self, X, y, sample_weight=None):
        counts = np.bincount(y.astype(np.intp), weights=sample_weight)
        self.class_prior_ = counts / counts.sum()
        return self

    def predict_proba(self, X):
        return np.ones((len(X), 1)) * self.class_prior_


class _Constant(BaseEstimator):
    """F_0 of a regressor: the (weighted) mean, or the q-quantile (median for q = 0.5)."""

    def __init__(self, *, quantile: float | None = None) -> None:
        self.quantile = quantile

    def fit(self, X, y, sample_weight=None):
        if self.quantile is None:
            self.constant_ = (y.mean() if sample_weight is None
                              else _average(y, sample_weight))
        elif sample_weight is None:
            self.constant_ = _percentile(y, self.quantile * 100.0)
        else:
            self.constant_ = _weighted_percentile(y, sample_weight, self.quantile * 100.0)
        return self

    def predict(self, X):
        return np.full(len(X), self.constant_)


# --- hyperparameter vocabulary that mathml.base does not have -----------------------------

class _RealNotInt(Real):
    """The reals that are not ints (a float fraction rather than a count)."""


_RealNotInt.register(float)


class _HasMethods:
    def __init__(self, methods: list[str]) -> None:
        self.methods = methods

    def is_satisfied_by(self, value: Any) -> bool:
        return all(callable(getattr(value, m, None)) for m in self.methods)

    def __str__(self) -> str:
        names = [repr(m) for m in self.methods]
        return f"an object implementing {', '.join(names[:-1])} and {names[-1]}"


class _Criterion:
    """'squared_error' (the documented value), 'friedman_mse' and 'deprecated' (hidden)."""

    def is_satisfied_by(self, value: Any) -> bool:
        return isinstance(value, str) and value in {"squared_error", "friedman_mse",
                                                    "deprecated"}

    def __str__(self) -> str:
        return "a str among {'squared_error'}"


def _selection_sample(n: int, n_inbag: int, rng: np.random.RandomState) -> NDArray[np.bool_]:
    """A uniformly random subset of n_inbag of n samples, in one pass (Knuth's algorithm S):
    sample i is kept with probability (still needed)/(still left), u_i (n − i) < needed."""
    u = rng.uniform(size=n)
    mask = np.zeros(n, dtype=bool)
    needed = n_inbag
    for i in range(n):
        if u[i] * (n - i) < needed:
            mask[i] = True
            needed -= 1
    return mask


def _fixed_step(loss: _Loss) -> bool:
    """The squared error keeps the tree's leaf means: they are its line search already."""
    return isinstance(loss, _SquaredError)


class _BaseGradientBoosting(BaseEstimator):
    """fit (the stages), the staged raw scores F_m and the fitted attributes shared by the
    classifier and the regressor."""

    # hyperparameters (set by the subclasses' __init__) and fitted attributes
    loss: str
    learning_rate: float
    n_estimators: int
    subsample: float
    criterion: str
    max_depth: int | None
    min_samples_split: int | float
    min_samples_leaf: int | float
    min_weight_fraction_leaf: float
    min_impurity_decrease: float
    max_features: int | float | str | None
    max_leaf_nodes: int | None
    init: Any
    random_state: Any
    warm_start: bool
    n_iter_no_change: int | None
    validation_fraction: float
    tol: float
    ccp_alpha: float
    estimators_: NDArray[np.object_]
    train_score_: NDArray[np.float64]
    oob_scores_: NDArray[np.float64]
    oob_improvement_: NDArray[np.float64]
    n_features_in_: int

    _parameter_constraints: dict = {
        "learning_rate": [Interval(Real, 0.0, None, closed="left")],
        "n_estimators": [Interval(Integral, 1, None, closed="left")],
        "criterion": [_Criterion()],
        "subsample": [Interval(Real, 0.0, 1.0, closed="right")],
        "min_samples_split": [Interval(Integral, 2, None, closed="left"),
                              Interval(_RealNotInt, 0.0, 1.0, closed="right")],
        "min_samples_leaf": [Interval(Integral, 1, None, closed="left"),
                             Interval(_RealNotInt, 0.0, 1.0, closed="neither")],
        "min_weight_fraction_leaf": [Interval(Real, 0.0, 0.5, closed="both")],
        "max_depth": [Interval(Integral, 1, None, closed="left"), None],
        "min_impurity_decrease": [Interval(Real, 0.0, None, closed="left")],
        "random_state": ["random_state"],
        "max_features": [Interval(Integral, 1, None, closed="left"),
                         Interval(_RealNotInt, 0.0, 1.0, closed="right"),
                         StrOptions({"sqrt", "log2"}), None],
        "verbose": ["verbose"],
        "max_leaf_nodes": [Interval(Integral, 2, None, closed="left"), None],
        "warm_start": ["boolean"],
        "validation_fraction": [Interval(Real, 0.0, 1.0, closed="neither")],
        "n_iter_no_change": [Interval(Integral, 1, None, closed="left"), None],
        "tol": [Interval(Real, 0.0, None, closed="left")],
        "ccp_alpha": [Interval(Real, 0.0, None, closed="left")],
    }

    # -- fit --------------------------------------------------------------------------------

    def fit(self, X: ArrayLike, y: ArrayLike, sample_weight: ArrayLike | None = None,
            monitor=None):
        """Fit F_0, then the stages (see the class docstring); returns self.

        `monitor`, if given, is called as ``monitor(i, self, locals())`` after stage i and
        stops the fit by returning True."""
        _validate_parameter_constraints(self._parameter_constraints, self.get_params(deep=False),
                                        type(self).__name__)
        if not self.warm_start:
            self._clear_state()
        if self.criterion != "deprecated":
            warnings.warn("The parameter `criterion` is deprecated and will be removed in 1.11. "
                          "It has no effect. Leave it to its default value to avoid this "
                          "warning.", FutureWarning, stacklevel=2)
        refuse_scalar_y(self, X, y, dtype=np.float32)
        # scikit-learn's trees split float32 features: the same thresholds need the same view.
        X, y = validate_data(self, X, y, dtype=np.float32, multi_output=True)
        y = column_or_1d(y, warn=True)  # scikit-learn's order: targets checked, then 1-D
        w_given = sample_weight is not None
        w = check_sample_weight(sample_weight, X.shape[0])
        y = self._encode_y(y, w if w_given else None)
        self._loss = self._make_loss()
        self.max_features_ = self._max_features(X.shape[1])
        if self.n_iter_no_change is not None:
            X, y, w, X_val, y_val, w_val = self._validation_split(X, y, w)
        else:
            X_val = y_val = w_val = None
        if not self._is_fitted():
            self._init_state()
            F = self._fit_initial(X, y, w if w_given else None)
            begin = 0
            self._rng = check_random_state(self.random_state)
        else:
            if self.n_estimators < self.estimators_.shape[0]:
                raise ValueError(f"n_estimators={self.n_estimators} must be larger or equal to "
                                 f"estimators_.shape[0]={self.estimators_.shape[0]} when "
                                 "warm_start==True")
            begin = self.estimators_.shape[0]
            F = self._raw_predict(X)
            self._resize_state()
        n_stages = self._fit_stages(X, y, w, F, begin, X_val, y_val, w_val, monitor)
        if n_stages != self.estimators_.shape[0]:
            self.estimators_ = self.estimators_[:n_stages]
            self.train_score_ = self.train_score_[:n_stages]
            if hasattr(self, "oob_improvement_"):
                self.oob_improvement_ = self.oob_improvement_[:n_stages]
                self.oob_scores_ = self.oob_scores_[:n_stages]
                self.oob_score_ = self.oob_scores_[-1]
        self.n_estimators_ = n_stages
        return self

    def _max_features(self, p: int) -> int:
        m = self.max_features
        if m == "sqrt":
            return max(1, int(np.sqrt(p)))
        if m == "log2":
            return max(1, int(np.log2(p)))
        if m is None:
            return p
        return int(m) if isinstance(m, Integral) else max(1, int(m * p))

    def _validation_split(self, X, y, w):
        from ..model_selection import train_test_split
        stratify = y if isinstance(self, ClassifierMixin) else None
        X, X_val, y, y_val, w, w_val = train_test_split(
            X, y, w, random_state=self.random_state, test_size=self.validation_fraction,
            stratify=stratify)
        if stratify is not None and self.n_classes_ != np.unique(y).shape[0]:
            raise ValueError("The training data after the early stopping split is missing "
                             "some classes. Try using another random seed.")
        return X, y, w, X_val, y_val, w_val

    def _init_state(self) -> None:
        self.init_ = self.init if self.init is not None else self._default_init()
        self.n_trees_per_iteration_ = self._loss.n_trees
        self.estimators_ = np.empty((self.n_estimators, self._loss.n_trees), dtype=object)
        self.train_score_ = np.zeros(self.n_estimators)
        if self.subsample < 1.0:
            self.oob_improvement_ = np.zeros(self.n_estimators)
            self.oob_scores_ = np.zeros(self.n_estimators)
            self.oob_score_ = np.nan

    def _clear_state(self) -> None:
        for name in ("estimators_", "train_score_", "oob_improvement_", "oob_scores_",
                     "oob_score_", "init_", "_rng"):
            if hasattr(self, name):
                delattr(self, name)

    def _resize_state(self) -> None:
        M = self.n_estimators
        self.estimators_ = np.resize(self.estimators_, (M, self._loss.n_trees))
        self.train_score_ = np.resize(self.train_score_, M)
        if self.subsample < 1 or hasattr(self, "oob_improvement_"):
            if hasattr(self, "oob_improvement_"):
                self.oob_improvement_ = np.resize(self.oob_improvement_, M)
                self.oob_scores_ = np.resize(self.oob_scores_, M)
            else:
                self.oob_improvement_ = np.zeros(M)
                self.oob_scores_ = np.zeros(M)
            self.oob_score_ = np.nan

    def _encode_y(self, y, w) -> NDArray[np.float64]:
        raise NotImplementedError

    def _make_loss(self) -> _Loss:
        raise NotImplementedError

    def _default_init(self) -> Any:
        raise NotImplementedError

    def _is_fitted(self) -> bool:
        return len(getattr(self, "estimators_", [])) > 0

    def _fit_initial(self, X, y, w):
        """F_0 on the training samples: the init estimator's predictions in link scale."""
        if isinstance(self.init_, str) and self.init_ == "zero":
            return np.zeros((X.shape[0], self._loss.n_trees))
        if w is None:
            self.init_.fit(X, y)
        else:
            try:
                self.init_.fit(X, y, sample_weight=w)
            except TypeError as e:
                if "unexpected keyword argument 'sample_weight'" in str(e):
                    raise ValueError(f"The initial estimator {type(self.init_).__name__} does "
                                     "not support sample weights.") from e
                raise
        return self._initial_scores(X)

    def _initial_scores(self, X) -> NDArray[np.float64]:
        if isinstance(self.init_, str) and self.init_ == "zero":
            return np.zeros((X.shape[0], self._loss.n_trees))
        if isinstance(self, ClassifierMixin):
            p = self.init_.predict_proba(X)
            if self._loss.n_trees == 1:
                p = p[:, 1]
            eps = np.finfo(np.float64).eps
            p = np.clip(p, eps, 1 - eps, dtype=np.float64)
            F = self._loss.link(p)
        else:
            F = self.init_.predict(X).astype(np.float64)
        return F.reshape(-1, 1) if F.ndim == 1 else F

    def _fit_stages(self, X, y, w, F, begin, X_val, y_val, w_val, monitor) -> int:
        """Stages begin … n_estimators − 1; returns how many stages the model has."""
        n = X.shape[0]
        do_oob = self.subsample < 1.0
        inbag = np.ones(n, dtype=bool)
        n_inbag = max(1, int(self.subsample * n))
        if self.n_iter_no_change is not None:
            history = np.full(self.n_iter_no_change, np.inf)
            F_val_stages = self._staged_raw(X_val)
        i = begin
        for i in range(begin, self.n_estimators):
            if do_oob:
                inbag = _selection_sample(n, n_inbag, self._rng)
                oob = ~inbag
                if i == 0:
                    initial_oob = self._loss.score(y[oob], F[oob], w[oob])
            F = self._fit_stage(i, X, y, w, F, inbag)
            if do_oob:
                self.train_score_[i] = self._loss.score(y[inbag], F[inbag], w[inbag])
                self.oob_scores_[i] = self._loss.score(y[oob], F[oob], w[oob])
                previous = initial_oob if i == 0 else self.oob_scores_[i - 1]
                self.oob_improvement_[i] = previous - self.oob_scores_[i]
                self.oob_score_ = self.oob_scores_[-1]
            else:
                self.train_score_[i] = self._loss.score(y, F, w)
            if monitor is not None and monitor(i, self, locals()):
                break
            if self.n_iter_no_change is not None:
                # Stop once the validation loss has not beaten any of the last few by tol.
                val = self._loss.score(y_val, next(F_val_stages), w_val)
                if np.any(val + self.tol < history):
                    history[i % len(history)] = val
                else:
                    break
        return i + 1

    def _fit_stage(self, i, X, y, w, F, inbag):
        """One stage: pseudo-residuals, one tree per score, each leaf's line search."""
        loss = self._loss
        if isinstance(loss, _Huber):
            loss.set_delta(y, F, w)
        # Step 1: the pseudo-residuals r = −∂L/∂F at the current scores.
        r = loss.negative_gradient(y, F).reshape(len(y), -1)
        if self.subsample < 1.0:
            w = w * inbag
        for k in range(loss.n_trees):
            y_k = (y == k).astype(np.float64) if loss.n_trees > 1 else y
            # Step 2: a least-squares regression tree on the pseudo-residuals.
            tree = self._new_tree().fit(X, r[:, k], sample_weight=w, check_input=False)
            leaves = tree.apply(X, check_input=False)
            # Step 3: each leaf's value becomes the loss's step γ on its in-bag samples.
            if not _fixed_step(loss):
                self._line_search(tree.tree_, leaves, inbag, y_k, r[:, k], F[:, k], w)
            # Step 4: the shrunken step, in-bag and out-of-bag alike.
            F[:, k] += self.learning_rate * tree.tree_.value[:, 0, 0].take(leaves)
            self.estimators_[i, k] = tree
        return F

    def _line_search(self, tree_, leaves, inbag, y, r, F, w) -> None:
        in_leaf = np.where(inbag, leaves, -1)
        for leaf in np.nonzero(tree_.children_left == -1)[0]:
            idx = np.nonzero(in_leaf == leaf)[0]
            tree_.value[leaf, 0, 0] = self._loss.leaf_step(y[idx], r[idx], F[idx], w[idx])

    def _new_tree(self):
        return DecisionTreeRegressor(
            criterion="squared_error", splitter="best", max_depth=self.max_depth,
            min_samples_split=self.min_samples_split, min_samples_leaf=self.min_samples_leaf,
            min_weight_fraction_leaf=self.min_weight_fraction_leaf,
            min_impurity_decrease=self.min_impurity_decrease, max_features=self.max_features,
            max_leaf_nodes=self.max_leaf_nodes, random_state=self._rng,
            ccp_alpha=self.ccp_alpha)

    # -- scores -----------------------------------------------------------------------------

    def _check_X(self, X) -> NDArray[np.float32]:
        check_is_fitted(self, ["estimators_"])
        return validate_data(self, X, reset=False, dtype=np.float32)

    def _raw_predict(self, X) -> NDArray[np.float64]:
        """F_M(x) = F_0(x) + ν Σ_m h_m(x), stage by stage (so that it rounds as fitting did)."""
        F = self._initial_scores(X)
        for stage in self.estimators_:
            self._add_stage(stage, X, F)
        return F

    def _add_stage(self, stage, X, F) -> None:
        for k, tree in enumerate(stage):
            leaves = tree.apply(X, check_input=False)
            F[:, k] += self.learning_rate * tree.tree_.value[:, 0, 0].take(leaves)

    def _staged_raw(self, X) -> Iterator[NDArray[np.float64]]:
        F = self._initial_scores(X)
        for stage in self.estimators_:
            self._add_stage(stage, X, F)
            yield F.copy()

    def apply(self, X: ArrayLike) -> NDArray[np.float64]:
        """The leaf of every sample in every tree: shape (n_samples, n_estimators, K)."""
        X = self._check_X(X)
        M, K = self.estimators_.shape
        leaves = np.zeros((X.shape[0], M, K))
        for i in range(M):
            for k in range(K):
                leaves[:, i, k] = self.estimators_[i, k].apply(X, check_input=False)
        return leaves

    @property
    def feature_importances_(self) -> NDArray[np.float64]:
        """Mean over the trees (those with a split) of each feature's total weighted impurity
        decrease per unit root weight, normalised to sum to 1."""
        check_is_fitted(self, ["estimators_"])
        trees = [t.tree_ for stage in self.estimators_ for t in stage if t.tree_.node_count > 1]
        if not trees:
            return np.zeros(self.n_features_in_)
        mean = np.mean([_impurity_decrease(t, self.n_features_in_) for t in trees], axis=0,
                       dtype=np.float64)
        return np.asarray(mean / np.sum(mean))


def _impurity_decrease(tree_, p: int) -> NDArray[np.float64]:
    """Σ over the splits on each feature of N_t i(t) − N_L i(L) − N_R i(R), over N_root."""
    left, right = tree_.children_left, tree_.children_right
    split = np.nonzero(left != -1)[0]
    Nw, imp = tree_.weighted_n_node_samples, tree_.impurity
    l, r = left[split], right[split]
    decrease = Nw[split] * imp[split] - Nw[l] * imp[l] - Nw[r] * imp[r]
    importances = np.zeros(p)
    np.add.at(importances, tree_.feature[split], decrease)
    return importances / Nw[0]


#: The parameters both estimators share: the stages, their trees and early stopping.
_STAGE_PARAMS = """
subsample : float in (0, 1], default=1.0
    The fraction of samples each stage draws (without replacement) to fit its tree;
    below 1 gives stochastic gradient boosting and the out-of-bag scores.
criterion : {'squared_error'}, default='deprecated'
    No effect, as in scikit-learn 1.9 (a FutureWarning when set): every tree splits by
    the squared error of the pseudo-residuals.
min_samples_split, min_samples_leaf, min_weight_fraction_leaf, max_depth, \
min_impurity_decrease, max_features, max_leaf_nodes, ccp_alpha
    Each stage's `mathml.tree.DecisionTreeRegressor`, as there (max_depth=3 by default).
random_state : int, RandomState or None, default=None
    One RandomState for the whole fit: each stage draws its subsample from it, then its
    trees draw their seeds from it, in that order.
verbose : int, default=0
    Accepted for scikit-learn's signature; nothing is printed.
warm_start : bool, default=False
    Keep the fitted stages and add stages up to `n_estimators`.
validation_fraction : float in (0, 1), default=0.1
    The held-out fraction for early stopping.
n_iter_no_change : int or None, default=None
    Stop when the held-out loss has not beaten any of the last n_iter_no_change
    values by more than `tol`.
tol : float, default=1e-4
    See `n_iter_no_change`.
"""


@fill_doc(stage_params=_STAGE_PARAMS)
class GradientBoostingRegressor(RegressorMixin, _BaseGradientBoosting):
    """Gradient boosting for regression: F_M = F_0 + ν Σ_m h_m, a sum of shrunken trees.

    Each tree h_m is fitted to the negative gradient of the loss at F_{m−1} and its leaves
    are set by a line search.

    .. math::

        r_{im} = -\\left.\\frac{\\partial L(y_i, F)}{\\partial F}\\right|_{F = F_{m-1}(x_i)},
        \\qquad
        \\gamma_{jm} = \\arg\\min_\\gamma \\sum_{x_i \\in R_{jm}} w_i\\,
        L\\bigl(y_i, F_{m-1}(x_i) + \\gamma\\bigr),
        \\qquad F_m(x) = F_{m-1}(x) + \\nu \\sum_j \\gamma_{jm} 1[x \\in R_{jm}]

    ================  =========================  ==================  =======================
    loss              L(y, F)                    r = −∂L/∂F          leaf step γ
    ================  =========================  ==================  =======================
    'squared_error'   ½(y − F)²                  y − F               mean of r (the tree's)
    'absolute_error'  |y − F|                    sign(y − F)         median of y − F
    'huber'           ½d² if |d| ≤ δ,            d clipped to ±δ     median m of d plus the
                      δ(|d| − δ/2) beyond                            mean of (d − m) clipped
    'quantile'        α d⁺ + (1 − α) d⁻          α or −(1 − α)       α-quantile of y − F
    ================  =========================  ==================  =======================

    (d = y − F; for 'huber' δ is the α-quantile of |d| at the start of each stage; medians
    and quantiles are weighted, by the inverted CDF.) F_0 is the loss's best constant: the
    mean, the median, or the α-quantile (linear interpolation when no weights are given).

    Parameters
    ----------
    loss : {'squared_error', 'absolute_error', 'huber', 'quantile'}, default='squared_error'
    learning_rate : float ≥ 0, default=0.1
        The shrinkage ν.
    n_estimators : int ≥ 1, default=100
        The number of stages M.
    init : estimator, 'zero' or None, default=None
        F_0: None for the loss's constant, 'zero' for F_0 = 0, or an estimator with `fit`
        and `predict`.
    alpha : float in (0, 1), default=0.9
        The quantile of 'quantile' and of Huber's δ.
    {stage_params}

    Attributes
    ----------
    estimators_ : ndarray of DecisionTreeRegressor, shape (n_estimators_, 1)
    init_ : the fitted F_0 estimator (or 'zero').
    train_score_ : ndarray of shape (n_estimators_,)
        The loss on the (in-bag) training samples after each stage (twice the mean
        ½(y − F)² for the squared error, as scikit-learn).
    oob_scores_, oob_improvement_, oob_score_ : the out-of-bag loss after each stage, its
        decrease, and the last one (only when subsample < 1).
    n_estimators_ : int, the number of stages fitted (fewer with early stopping).
    feature_importances_ : ndarray of shape (n_features,)
    max_features_, n_features_in_ : int

    Raises
    ------
    ValueError
        For NaN or infinite X or y, mismatched lengths, fewer than one sample, or n_estimators
        below the fitted count with warm_start; InvalidParameterError for a bad hyperparameter.

    Notes
    -----
    *Algorithm* (``fit``)

    1. Pseudo-residuals r = −∂L/∂F at the current scores F (for 'huber', δ first).
    2. A least-squares regression tree on (X, r) with the sample weights (zero weight for
       the samples a subsample leaves out).
    3. Each leaf's value becomes the loss's step γ on its in-bag samples (skipped for the
       squared error, whose leaf means are the step already).
    4. F += ν γ(leaf of x) for every training sample; the loss after the stage is recorded.

    Predictions repeat step 4 from F_0, stage by stage. Scores are float64; the trees see X
    as float32, as scikit-learn's.

    *Complexity*: O(M · tree fit) = O(M p n log n) for depth-limited trees, plus O(M n) for
    the residuals and leaf steps (O(n log n) per stage for the medians).

    *Numerical stability*: the losses and gradients are evaluated with the C library's exp
    and log, one sample at a time, as scikit-learn's Cython does.

    References
    ----------
    Friedman, "Greedy function approximation: a gradient boosting machine", Ann. Statist.
    29 (2001), algorithms 1–4; Hastie, Tibshirani & Friedman, The Elements of Statistical
    Learning, §10.10.

    Checked against ``reference.ensemble.GradientBoostingRegressor`` →
    ``sklearn.ensemble.GradientBoostingRegressor``: the same trees and bit-for-bit the same
    scores for the same random_state.

    Examples
    --------
    >>> import numpy as np
    >>> from mathml.ensemble import GradientBoostingRegressor
    >>> X = np.arange(8.0).reshape(-1, 1)
    >>> y = np.array([0.0, 0, 1, 1, 4, 4, 9, 9])
    >>> model = GradientBoostingRegressor(n_estimators=50, max_depth=1, random_state=0)
    >>> print(np.round(model.fit(X, y).predict([[0.0], [7.0]]), 3))
    [0.135 8.87 ]
    """

    _parameter_constraints: dict = {
        **_BaseGradientBoosting._parameter_constraints,
        "loss": [StrOptions({"squared_error", "absolute_error", "huber", "quantile"})],
        "init": [StrOptions({"zero"}), None, _HasMethods(["fit", "predict"])],
        "alpha": [Interval(Real, 0.0, 1.0, closed="neither")],
    }

    def __init__(self, *, loss: str = "squared_error", learning_rate: float = 0.1,
                 n_estimators: int = 100, subsample: float = 1.0, criterion: str = "deprecated",
                 min_samples_split: int | float = 2, min_samples_leaf: int | float = 1,
                 min_weight_fraction_leaf: float = 0.0, max_depth: int | None = 3,
                 min_impurity_decrease: float = 0.0, init: Any = None, random_state=None,
                 max_features: int | float | str | None = None, alpha: float = 0.9,
                 verbose: int = 0, max_leaf_nodes: int | None = None, warm_start: bool = False,
                 validation_fraction: float = 0.1, n_iter_no_change: int | None = None,
                 tol: float = 1e-4, ccp_alpha: float = 0.0) -> None:
        self.loss = loss
        self.learning_rate = learning_rate
        self.n_estimators = n_estimators
        self.subsample = subsample
        self.criterion = criterion
        self.min_samples_split = min_samples_split
        self.min_samples_leaf = min_samples_leaf
        self.min_weight_fraction_leaf = min_weight_fraction_leaf
        self.max_depth = max_depth
        self.min_impurity_decrease = min_impurity_decrease
        self.init = init
        self.random_state = random_state
        self.max_features = max_features
        self.alpha = alpha
        self.verbose = verbose
        self.max_leaf_nodes = max_leaf_nodes
        self.warm_start = warm_start
        self.validation_fraction = validation_fraction
        self.n_iter_no_change = n_iter_no_change
        self.tol = tol
        self.ccp_alpha = ccp_alpha

    def _encode_y(self, y, w):
        return column_or_1d(y).astype(np.float64)

    def _make_loss(self) -> _Loss:
        if self.loss == "absolute_error":
            return _AbsoluteError()
        if self.loss == "huber":
            return _Huber(self.alpha)
        if self.loss == "quantile":
            return _Quantile(self.alpha)
        return _SquaredError()

    def _default_init(self):
        if self.loss in ("absolute_error", "huber"):
            return _Constant(quantile=0.5)
        if self.loss == "quantile":
            return _Constant(quantile=self.alpha)
        return _Constant()

    def predict(self, X: ArrayLike) -> NDArray[np.float64]:
        """F_M(x) for each row of X: shape (n_samples,)."""
        return self._raw_predict(self._check_X(X)).ravel()

    def staged_predict(self, X: ArrayLike) -> Iterator[NDArray[np.float64]]:
        """F_m(x) after each stage m = 1 … n_estimators_."""
        for F in self._staged_raw(self._check_X(X)):
            yield F.ravel()

    def apply(self, X: ArrayLike) -> NDArray[np.float64]:
        """The leaf of every sample in every tree: shape (n_samples, n_estimators_)."""
        leaves = super().apply(X)
        return leaves.reshape(leaves.shape[0], self.estimators_.shape[0])


@fill_doc(stage_params=_STAGE_PARAMS)
class GradientBoostingClassifier(ClassifierMixin, _BaseGradientBoosting):
    """Gradient boosting for classification: class scores F_M = F_0 + ν Σ_m h_m.

    One score (K = 1) for two classes, one per class otherwise; each tree is fitted to the
    negative gradient of the log loss (or the exponential loss) and its leaves set by one
    Newton step.

    .. math::

        p = \\operatorname{expit}(F), \\quad L = \\log(1 + e^{F}) - yF, \\quad
        r = -\\frac{\\partial L}{\\partial F} = y - p, \\quad
        \\gamma_{j} = \\frac{\\sum_{R_j} w\\, r / \\sum_{R_j} w}
                            {\\sum_{R_j} w\\, p(1 - p) / \\sum_{R_j} w}

    For K > 2 classes (multinomial log loss) p = softmax(F), r_k = 1[y = k] − p_k, one tree
    per class and stage, and the Newton step is multiplied by (K − 1)/K (Friedman's
    algorithm 6). For loss='exponential' (binary only) L = y e^{−F} + (1 − y) e^{F}, r its
    negative derivative, γ = Σ w r / Σ w |r| and p = expit(2F). A step whose denominator is
    below 1e-150 is 0. F_0 is the link of the (weighted) class frequencies, clipped to
    [eps, 1 − eps]: logit p₁ (½ logit p₁ for the exponential loss) or log p_k minus the mean
    of the log p.

    Parameters
    ----------
    loss : {'log_loss', 'exponential'}, default='log_loss'
    learning_rate : float ≥ 0, default=0.1
        The shrinkage ν.
    n_estimators : int ≥ 1, default=100
        The number of stages M.
    init : estimator, 'zero' or None, default=None
        F_0: None for the class frequencies, 'zero' for F_0 = 0, or an estimator with `fit`
        and `predict_proba`.
    {stage_params}

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,); n_classes_ : int
    estimators_ : ndarray of DecisionTreeRegressor, shape (n_estimators_, K), K = 1 for two
        classes, else n_classes.
    init_, train_score_, oob_scores_, oob_improvement_, oob_score_, n_estimators_,
    feature_importances_, max_features_, n_features_in_ : as `GradientBoostingRegressor`
        (train_score_ is twice the mean binary log loss, the mean multinomial or
        exponential loss).

    Raises
    ------
    ValueError
        For a continuous target, fewer than two classes (after zero weights), the
        exponential loss with more than two classes, or NaN/infinite X.

    Notes
    -----
    *Algorithm* (``fit``)

    1. Pseudo-residuals r = −∂L/∂F (all K columns) at the current scores F.
    2. For each class column k, a least-squares regression tree on (X, r_k).
    3. Each leaf's value becomes its Newton step γ on its in-bag samples.
    4. F_k += ν γ(leaf of x); the loss after the stage is recorded.

    ``predict`` takes F ≥ 0 (binary) or the largest F_k; ``predict_proba`` the inverse
    link of F.

    *Complexity*: O(M K p n log n) for depth-limited trees.

    *Numerical stability*: the gradients and losses through C's exp and log sample by
    sample, as scikit-learn's Cython; log(1 + e^F) by cutoffs that never overflow; softmax
    with the row maximum subtracted.

    References
    ----------
    Friedman, "Greedy function approximation", Ann. Statist. 29 (2001), algorithms 5–6;
    Friedman, Hastie & Tibshirani, "Additive logistic regression", Ann. Statist. 28 (2000).

    Checked against ``reference.ensemble.GradientBoostingClassifier`` →
    ``sklearn.ensemble.GradientBoostingClassifier``: the same trees and bit-for-bit the same
    scores and probabilities for the same random_state.

    Examples
    --------
    >>> import numpy as np
    >>> from mathml.ensemble import GradientBoostingClassifier
    >>> X = np.array([[0.0], [1], [2], [3], [4], [5]])
    >>> model = GradientBoostingClassifier(n_estimators=20, random_state=0)
    >>> print(model.fit(X, [0, 0, 0, 1, 1, 1]).predict([[0.5], [4.5]]))
    [0 1]
    """

    _parameter_constraints: dict = {
        **_BaseGradientBoosting._parameter_constraints,
        "loss": [StrOptions({"log_loss", "exponential"})],
        "init": [StrOptions({"zero"}), None, _HasMethods(["fit", "predict_proba"])],
    }

    def __init__(self, *, loss: str = "log_loss", learning_rate: float = 0.1,
                 n_estimators: int = 100, subsample: float = 1.0, criterion: str = "deprecated",
                 min_samples_split: int | float = 2, min_samples_leaf: int | float = 1,
                 min_weight_fraction_leaf: float = 0.0, max_depth: int | None = 3,
                 min_impurity_decrease: float = 0.0, init: Any = None, random_state=None,
                 max_features: int | float | str | None = None, verbose: int = 0,
                 max_leaf_nodes: int | None = None, warm_start: bool = False,
                 validation_fraction: float = 0.1, n_iter_no_change: int | None = None,
                 tol: float = 1e-4, ccp_alpha: float = 0.0) -> None:
        self.loss = loss
        self.learning_rate = learning_rate
        self.n_estimators = n_estimators
        self.subsample = subsample
        self.criterion = criterion
        self.min_samples_split = min_samples_split
        self.min_samples_leaf = min_samples_leaf
        self.min_weight_fraction_leaf = min_weight_fraction_leaf
        self.max_depth = max_depth
        self.min_impurity_decrease = min_impurity_decrease
        self.init = init
        self.random_state = random_state
        self.max_features = max_features
        self.verbose = verbose
        self.max_leaf_nodes = max_leaf_nodes
        self.warm_start = warm_start
        self.validation_fraction = validation_fraction
        self.n_iter_no_change = n_iter_no_change
        self.tol = tol
        self.ccp_alpha = ccp_alpha

    def _encode_y(self, y, w):
        check_classification_targets(y)
        self.classes_, encoded = np.unique(y, return_inverse=True)
        self.n_classes_ = len(self.classes_)
        present = self.n_classes_ if w is None else np.count_nonzero(np.bincount(encoded, w))
        if present < 2:
            raise ValueError(f"y contains {present} class after sample_weight trimmed classes "
                             "with zero weights, while a minimum of 2 classes are required.")
        return encoded.astype(np.float64)

    def _make_loss(self) -> _Loss:
        if self.loss == "exponential":
            if self.n_classes_ > 2:
                raise ValueError(f"loss='{self.loss}' is only suitable for a binary "
                                 f"classification problem, you have n_classes="
                                 f"{self.n_classes_}. Please use loss='log_loss' instead.")
            return _ExponentialLoss()
        return _BinomialLogLoss() if self.n_classes_ == 2 else _MultinomialLogLoss(
            self.n_classes_)

    def _default_init(self):
        return _Prior()

    def decision_function(self, X: ArrayLike) -> NDArray[np.float64]:
        """The scores F_M(x): shape (n_samples,) for two classes, else (n_samples, K)."""
        F = self._raw_predict(self._check_X(X))
        return F.ravel() if F.shape[1] == 1 else F

    def staged_decision_function(self, X: ArrayLike) -> Iterator[NDArray[np.float64]]:
        """The scores after each stage, each of shape (n_samples, K)."""
        yield from self._staged_raw(self._check_X(X))

    def _classes_of(self, F) -> NDArray:
        encoded = (F[:, 0] >= 0).astype(int) if F.shape[1] == 1 else np.argmax(F, axis=1)
        return self.classes_.take(encoded, axis=0)

    def predict(self, X: ArrayLike) -> NDArray:
        """The class of each row of X: F ≥ 0 (two classes) or the largest F_k."""
        return self._classes_of(self._raw_predict(self._check_X(X)))

    def staged_predict(self, X: ArrayLike) -> Iterator[NDArray]:
        """The predicted classes after each stage."""
        for F in self._staged_raw(self._check_X(X)):
            yield self._classes_of(F)

    def predict_proba(self, X: ArrayLike) -> NDArray[np.float64]:
        """The class probabilities (the inverse link of F): shape (n_samples, n_classes)."""
        F = self._raw_predict(self._check_X(X))
        return self._loss.predict_proba(F)

    def predict_log_proba(self, X: ArrayLike) -> NDArray[np.float64]:
        """log predict_proba(X)."""
        return np.log(self.predict_proba(X))

    def staged_predict_proba(self, X: ArrayLike) -> Iterator[NDArray[np.float64]]:
        """The class probabilities after each stage."""
        for F in self._staged_raw(self._check_X(X)):
            yield self._loss.predict_proba(F)
