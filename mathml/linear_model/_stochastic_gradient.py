"""Stochastic gradient descent for linear models: `SGDRegressor` and `SGDClassifier`.

A linear model f(x) = wᵀx + b is fitted by minimising the regularised empirical risk

    E(w, b) = (1/n) Σ_i L(y_i, wᵀx_i + b) + α R(w),

R(w) = ½‖w‖² (l2), ‖w‖₁ (l1) or ρ‖w‖₁ + (1−ρ)½‖w‖² (elasticnet). Instead of the full
gradient, each step looks at a single sample, taken in a shuffled order, one pass over the
data per *epoch*:

    w ← (1 − η_t α(1−ρ)) w − η_t L'(y_i, p_i) x_i,    b ← b − η_t L'(y_i, p_i),

with p_i = wᵀx_i + b and L' = ∂L/∂p, the loss's derivative in the prediction (the losses'
table is in each estimator's docstring), multiplied by the sample's weight and its
class's weight. The step size η_t at step t = 1, 2, … (counted over all epochs):

- 'constant': η₀;
- 'optimal': 1/(α(t₀ + t − 1)), the 1/(αt) rate of a strongly convex problem, with t₀ set
  so that η₁ = τ/max(1, L'(1, −τ)) for a typical weight τ = α^(−1/4) (Bottou's heuristic);
- 'invscaling': η₀/t^power_t;
- 'adaptive': η₀, divided by 5 each time n_iter_no_change epochs in a row do not improve.

The L1 part of the penalty has no gradient at 0, so it is not a step: after each step,
every weight moves towards 0 by the L1 shrinkage it is owed (the total Σ η_t α ρ so far
minus what it already received) and stops at 0 — Tsuruoka et al.'s cumulative penalty,
which leaves exact zeros. With ``average``, the fit is the mean of the iterates (ASGD).

The module opens with ``_textbook_SGDRegressor``, the algorithm in a few lines. The
estimators are the same mathematics in scikit-learn's order of operations (its
``_plain_sgd``): the weights stored as a scale times a vector (so that the L2 shrinkage
costs O(1)), sums taken in the same order, the same xorshift generator for the shuffle and
the same draws from ``random_state``, so that the same ``random_state`` gives bit-for-bit
scikit-learn's coefficients.
"""
from __future__ import annotations

import itertools
import math
import warnings
from fractions import Fraction
from numbers import Integral, Real
from typing import Any
from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._docstrings import fill_doc
from .._validation import (FLOAT_DTYPES, check_classification_targets, check_random_state,
                           check_sample_weight, float_dtype_of, validate_data)
from ..base import (BaseEstimator, ClassifierMixin, Interval, RegressorMixin, StrOptions,
                    check_is_fitted)
from ..exceptions import ConvergenceWarning
from ..model_selection import _stratified_split

__all__ = ["SGDRegressor", "SGDClassifier"]

#: Seeds are drawn below this bound (a C long, 32-bit signed on Windows).
MAX_INT = 2 ** 31 - 1
#: The loss derivative is clipped to ±MAX_DLOSS before a step.
MAX_DLOSS = 1e12
#: Below this scale the weight vector w = s·v is rescaled to s = 1 (v ← s·v).
WSCALE_RESET = 1e-9

_PENALTIES = {None: 0, "l1": 1, "l2": 2, "elasticnet": 3}
_RATES = {"constant": 1, "optimal": 2, "invscaling": 3, "adaptive": 4, "pa1": 5, "pa2": 6}
NONE, L1, L2, ELASTICNET = 0, 1, 2, 3
CONSTANT, OPTIMAL, INVSCALING, ADAPTIVE, PA1, PA2 = 1, 2, 3, 4, 5, 6


def _textbook_SGDRegressor(X: ArrayLike, y: ArrayLike, alpha: float = 1e-4, eta0: float = 0.01,
                           power_t: float = 0.25, n_epochs: int = 5, seed: int | None = 0
                           ) -> tuple[NDArray[np.float64], float]:
    """Least squares with an L2 penalty by SGD, as a textbook writes it.

    .. math::

        \\eta_t = \\eta_0 / t^{p}, \\quad
        w \\leftarrow (1 - \\eta_t\\alpha)\\, w - \\eta_t (w^\\top x_i + b - y_i)\\, x_i, \\quad
        b \\leftarrow b - \\eta_t (w^\\top x_i + b - y_i)

    Each epoch visits the samples in a fresh random order (seed None: in their order).
    `SGDRegressor` does the same (with scikit-learn's generator and order of operations,
    and its stopping rule; tests/test_sgd.py compares the two without shuffling).
    """
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    rng = np.random.default_rng(seed)
    w, b, t = np.zeros(X.shape[1]), 0.0, 1
    for _ in range(n_epochs):
        for i in (rng.permutation(len(y)) if seed is not None else range(len(y))):
            eta = eta0 / t ** power_t
            g = w @ X[i] + b - y[i]
            w = (1 - eta * alpha) * w - eta * g * X[i]
            b -= eta * g
            t += 1
    return w, b


# ---------------------------------------------------------------------------------------
# The losses: L(y, p) and its derivative in the prediction p
# ---------------------------------------------------------------------------------------

class _Loss:
    """L(y, p) and ∂L/∂p for one sample (y the target, p = wᵀx + b the prediction)."""

    def loss(self, y: float, p: float) -> float:
        raise NotImplementedError

    def dloss(self, y: float, p: float) -> float:
        raise NotImplementedError

    def losses(self, y: NDArray, p: NDArray) -> NDArray[np.float64]:
        """`loss` of each pair (the same operations, entry by entry)."""
        return np.array(list(map(self.loss, y.tolist(), p.tolist())), dtype=np.float64)

    def dlosses(self, y: NDArray, p: NDArray) -> NDArray[np.float64] | None:
        """`dloss` of each pair in array operations (the same ones), or None where
        they would differ (a vectorised exp is not the C library's)."""
        return None

    def may_move(self, y: NDArray, p: NDArray) -> NDArray[np.bool_]:
        """True at least wherever `dloss` is not 0 (NaN included), for a loss with
        `dlosses`."""
        gradient = self.dlosses(y, p)
        assert gradient is not None
        return gradient != 0.0


class _Hinge(_Loss):
    """max(0, θ − yp): the SVM's loss (θ = 1) or the perceptron's (θ = 0); y ∈ {−1, 1}."""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold

    def loss(self, y, p):
        z = p * y
        return self.threshold - z if z <= self.threshold else 0.0

    def dloss(self, y, p):
        return -y if p * y <= self.threshold else 0.0

    def losses(self, y, p):
        z = p * y
        return np.where(z <= self.threshold, self.threshold - z, 0.0)

    def dlosses(self, y, p):
        return np.where(p * y <= self.threshold, -y, 0.0)

    def may_move(self, y, p):
        return p * y <= self.threshold


class _SquaredHinge(_Loss):
    """max(0, 1 − yp)²; y ∈ {−1, 1}."""

    def loss(self, y, p):
        z = 1.0 - p * y
        return z * z if z > 0 else 0.0

    def dloss(self, y, p):
        z = 1.0 - p * y
        return -2 * y * z if z > 0 else 0.0

    def dlosses(self, y, p):
        z = 1.0 - p * y
        return np.where(z > 0, -2 * y * z, 0.0)


class _ModifiedHuber(_Loss):
    """max(0, 1 − yp)² for yp ≥ −1, −4yp below: the squared hinge with linear tails."""

    def loss(self, y, p):
        z = p * y
        if z >= 1.0:
            return 0.0
        return (1.0 - z) * (1.0 - z) if z >= -1.0 else -4.0 * z

    def dloss(self, y, p):
        z = p * y
        if z >= 1.0:
            return 0.0
        return 2.0 * (1.0 - z) * -y if z >= -1.0 else -4.0 * y

    def dlosses(self, y, p):
        z = p * y
        return np.where(z >= 1.0, 0.0, np.where(z >= -1.0, 2.0 * (1.0 - z) * -y, -4.0 * y))


class _HalfBinomial(_Loss):
    """log(1 + eᵖ) − yp with y ∈ {0, 1} (logistic regression); ∂L/∂p = σ(p) − y."""

    def loss(self, y, p):
        if p <= -37:
            lse = math.exp(p)
        elif p <= -2:
            lse = math.log1p(math.exp(p))
        elif p <= 18:
            lse = math.log(1.0 + math.exp(p))
        else:
            lse = p + math.exp(-p) if p <= 33.3 else p
        return lse - y * p

    def dloss(self, y, p):
        if p > -37:
            e = math.exp(-p)
            return ((1 - y) - y * e) / (1 + e)  # σ(p) − y without overflow
        return math.exp(p) - y


class _HalfSquared(_Loss):
    """½(p − y)²."""

    def loss(self, y, p):
        return 0.5 * (p - y) * (p - y)

    def dloss(self, y, p):
        return p - y

    def losses(self, y, p):
        return 0.5 * (p - y) * (p - y)

    def dlosses(self, y, p):
        return p - y


class _Huber(_Loss):
    """½r² for |r| ≤ ε, ε(|r| − ε/2) beyond (r = p − y): squared near, linear far."""

    def __init__(self, epsilon: float) -> None:
        self.epsilon = epsilon

    def loss(self, y, p):
        r = abs(y - p)
        return 0.5 * r ** 2 if r <= self.epsilon else self.epsilon * (r - 0.5 * self.epsilon)

    def dloss(self, y, p):
        r = p - y
        if abs(r) <= self.epsilon:
            return r
        return self.epsilon if r >= 0 else -self.epsilon


class _EpsilonInsensitive(_Loss):
    """max(0, |y − p| − ε) (support vector regression's loss)."""

    def __init__(self, epsilon: float) -> None:
        self.epsilon = epsilon

    def loss(self, y, p):
        r = abs(y - p) - self.epsilon
        return r if r > 0 else 0.0

    def dloss(self, y, p):
        if y - p > self.epsilon:
            return -1.0
        return 1.0 if p - y > self.epsilon else 0.0

    def dlosses(self, y, p):
        return np.where(y - p > self.epsilon, -1.0, np.where(p - y > self.epsilon, 1.0, 0.0))


class _SquaredEpsilonInsensitive(_Loss):
    """max(0, |y − p| − ε)²."""

    def __init__(self, epsilon: float) -> None:
        self.epsilon = epsilon

    def loss(self, y, p):
        r = abs(y - p) - self.epsilon
        return r * r if r > 0 else 0.0

    def dloss(self, y, p):
        z = y - p
        if z > self.epsilon:
            return -2 * (z - self.epsilon)
        return 2 * (-z - self.epsilon) if z < -self.epsilon else 0.0


def _make_loss(name: str, epsilon: float) -> _Loss:
    return {"hinge": lambda: _Hinge(1.0), "perceptron": lambda: _Hinge(0.0),
            "squared_hinge": _SquaredHinge, "modified_huber": _ModifiedHuber,
            "log_loss": _HalfBinomial, "squared_error": _HalfSquared,
            "huber": lambda: _Huber(epsilon),
            "epsilon_insensitive": lambda: _EpsilonInsensitive(epsilon),
            "squared_epsilon_insensitive": lambda: _SquaredEpsilonInsensitive(epsilon)}[name]()


_REGRESSION_LOSSES = ("squared_error", "huber", "epsilon_insensitive",
                      "squared_epsilon_insensitive")
_CLASSIFICATION_LOSSES = ("hinge", "log_loss", "modified_huber", "squared_hinge", "perceptron",
                          *_REGRESSION_LOSSES)


# ---------------------------------------------------------------------------------------
# The SGD loop (scikit-learn's _plain_sgd on dense data)
# ---------------------------------------------------------------------------------------

def _row_sums(A: NDArray) -> NDArray[np.float64]:
    """Each row of A summed left to right, as a C loop sums (numpy's sum is pairwise): a
    running sum along the rows for a few rows, a column at a time for many (faster)."""
    if A.shape[0] < 128 or A.shape[1] == 0:
        return np.add.accumulate(A, axis=1)[:, -1] if A.shape[1] else np.zeros(A.shape[0])
    total = A[:, 0].copy()
    for j in range(1, A.shape[1]):
        total += A[:, j]
    return total


def _backwards(A: NDArray) -> NDArray:
    """A, each row stored back to front and seen front to back: a copy, viewed with a
    negative stride along the last axis (the same values, in the same order).

    Why: numpy hands a dot product of positive-stride vectors to BLAS, whose ddot keeps
    interleaved partial sums (with fused multiply-adds). BLAS cannot take a negative stride;
    then numpy runs its own loop s ← s + aⱼbⱼ, j = 0, 1, … from s = 0 — the loop and the
    order of scikit-learn's ``WeightVector.dot``. So ``np.vecdot(rows, v)`` with `rows` from
    here gives each row's scikit-learn dot product in one call (`_row_dots`)."""
    return np.ascontiguousarray(A[..., ::-1])[..., ::-1]


def _vecdot_is_sequential() -> bool:
    """Whether `np.vecdot` on `_backwards` rows sums left to right without fused multiply-adds
    (the C loop above), checked once on rows where any other order or fusing changes bits."""
    if not hasattr(np, "vecdot"):
        return False
    rng = np.random.default_rng(0)
    rows = rng.uniform(-1.0, 1.0, (16, 67)) * 10.0 ** rng.integers(-8, 9, (16, 67))
    v = rng.uniform(-1.0, 1.0, 67)
    expected = [math.nan] * 16
    for i, row in enumerate(rows.tolist()):
        total = 0.0
        for a, b in zip(row, v.tolist()):
            total += a * b
        expected[i] = total
    found = np.vecdot(_backwards(rows), v)
    return found.tolist() == expected and float(np.vecdot(_backwards(rows)[3], v)) == expected[3]


_SEQUENTIAL_VECDOT = _vecdot_is_sequential()


def _row_dots(rows: NDArray, v: NDArray) -> NDArray[np.float64]:
    """rowᵢ · v for each row (rows as `_backwards` gives them), summed left to right."""
    if _SEQUENTIAL_VECDOT:
        return np.vecdot(rows, v)
    return _row_sums(rows * v)


def _fused_multiply_add(a: float, x: NDArray, y: NDArray) -> NDArray:
    """a·x + y with one rounding per entry: BLAS daxpy's kernel uses fused multiply-add
    instructions, and exact rational arithmetic rounded once reproduces them."""
    if not (math.isfinite(a) and np.isfinite(x).all() and np.isfinite(y).all()):
        return a * x + y
    fa = Fraction(a)
    return np.array([float(fa * Fraction(xi) + Fraction(yi))
                     for xi, yi in zip(x.tolist(), y.tolist())])


def _logistic(scores: NDArray) -> NDArray[np.float64]:
    """σ(s) = 1/(1 + e^(−s)) entry by entry with the C library's exp (scipy's ``expit``
    writes it so; numpy's vectorised exp can differ in the last bit)."""
    def sigma(s: float) -> float:
        return 1.0 / (1.0 + math.exp(-s)) if s > -709.0 else 1.0 / (1.0 + math.inf)
    return np.array([sigma(s) for s in scores.ravel().tolist()]).reshape(scores.shape)


def _shuffle(index: list, seed: int) -> None:
    """Fisher–Yates with scikit-learn's xorshift generator ``our_rand_r`` started from
    `seed` (passed by value: every epoch starts again from the same seed, applied to the
    order the previous epoch left).

    The generator is `tree._splitter.RandR`'s, written inline (a method call per draw costs
    more than the draw): the 32-bit state s goes through s ^= s << 13, s ^= s >> 17,
    s ^= s << 5, and the draw is s mod 2³¹. A zero seed is replaced by 1; a nonzero state
    never becomes 0 (each xor-shift is invertible)."""
    mask = 0xFFFFFFFF
    state = (int(seed) & mask) or 1
    n = len(index)
    for i in range(n - 1):
        state ^= (state << 13) & mask
        state ^= state >> 17
        state ^= (state << 5) & mask
        j = i + (state & 0x7FFFFFFF) % (n - i)
        index[i], index[j] = index[j], index[i]


def _epoch_permutation(n: int, seed: int) -> NDArray[np.intp]:
    """The positions `_shuffle` moves: every epoch starts the generator from the same seed,
    so every epoch applies the same permutation P to the order the previous one left
    (order ← order[P]); drawn once instead of once per epoch."""
    positions = list(range(n))
    _shuffle(positions, seed)
    return np.array(positions, dtype=np.intp)


#: Steps per block: the block's rows, step sizes and weights' snapshots are arrays ...
_BLOCK = 16384
#: ... of at most this many entries (rows × features) each.
_BLOCK_ENTRIES = 1 << 20
#: The most dot products taken ahead at once (while v does not change).
_AHEAD = 256
#: Up to this many features, the steps' vector arithmetic runs on lists of Python floats
#: (where that was found faster than numpy's calls): with every step updating, ...
_FEW_FEATURES = 6
#: ... in the plain loop's single steps (runs of at least _RUN_ON_LISTS steps without an
#: update still taken together in numpy), ...
_FEW_FEATURES_PLAIN = 8
_RUN_ON_LISTS = 8
#: ... while at least one step in _UPDATES_ON_LISTS updates (in the last block), ...
_UPDATES_ON_LISTS = 10
#: ... in the general loop (averaging, passive-aggressive rates), ...
_FEW_FEATURES_GENERAL = 10
#: ... and with the L1 part (a numpy step makes a dozen calls for it).
_FEW_FEATURES_L1 = 32


def _step(loss: _Loss, y: float, p: float, eta: float, norm2: float, learning_rate: int,
          eta0: float, is_hinge: bool) -> float | None:
    """One sample's step u along x, before its weight (w ← w + u·x, b ← b + u).

    Gradient steps: u = −η·L'(y, p), the derivative clipped to ±MAX_DLOSS. The
    passive-aggressive rates (Crammer et al.): the loss over ‖x‖², capped at C = eta0 (PA-I)
    or over ‖x‖² + 1/(2C) (PA-II), signed towards y. None where PA-I meets a zero row (no
    step is taken). Written once for the general loops of `_plain_sgd` and
    `_general_steps_on_lists`, in scikit-learn's arithmetic."""
    if learning_rate >= PA1:
        if learning_rate == PA1:
            if norm2 == 0:
                return None
            update = min(eta0, loss.loss(y, p) / norm2)
        else:
            update = loss.loss(y, p) / (norm2 + 0.5 / eta0)
        if is_hinge:
            return update * y
        return -update if y - p < 0 else update
    gradient = loss.dloss(y, p)
    if gradient < -MAX_DLOSS:
        gradient = -MAX_DLOSS
    elif gradient > MAX_DLOSS:
        gradient = MAX_DLOSS
    return -eta * gradient


def _average_scalars(num_iter: float, scale: float, intercept: float, average_a: float,
                     average_b: float, average_intercept: float) -> tuple[float, float, float]:
    """The scalars of Bottou's averaged weights ā = (v_a + a·v)/b after step `num_iter` of
    the average (its vector part v_a already moved): b ← b/(1 − μ), a ← a + μ·b·scale with
    μ = 1/num_iter, and the averaged intercept ← + (b − its value)/num_iter."""
    mu = 1.0 / num_iter
    if num_iter > 1:
        average_b /= (1.0 - mu)
    average_a += mu * average_b * scale
    average_intercept += (intercept - average_intercept) / num_iter
    return average_a, average_b, average_intercept


def _plain_sgd(coef: NDArray, intercept: float, average_coef: NDArray | None,
               average_intercept: float, loss: _Loss, penalty: int, alpha: float,
               l1_ratio: float, X: NDArray, y: NDArray, sample_weight: NDArray,
               validation_mask: NDArray, score, n_iter_no_change: int, max_iter: int,
               tol: float, fit_intercept: bool, shuffle: bool, seed: int, weight_pos: float,
               weight_neg: float, learning_rate: int, eta0: float, power_t: float, t: float,
               average: int) -> tuple[NDArray, float, NDArray | None, float, int]:
    """Epochs of per-sample steps on (X, y) from (coef, intercept); returns
    (coef, intercept, average_coef, average_intercept, epochs run).

    The weights are w = scale·v: the L2 shrinkage w ← c·w multiplies the scale only (O(1)),
    and the averaged weights of ASGD are kept in Bottou's form ā = (v_a + a·v)/b. The steps
    are sequential; what does not depend on the previous step is computed for a block of
    steps at once: the rows in the epoch's order, the step sizes η_t, the shrink factors,
    the weights (class × sample); and the objective that decides when to stop (the mean of
    L(y_i, p_i) + αR(w) over the epoch) is summed after the block from the recorded
    predictions and copies of v, in scikit-learn's order.

    The steps themselves run in one of three loops: `_updating_steps` (every step
    updates), `_plain_steps` (runs of steps without an update taken together) when there is
    no passive-aggressive rate, averaging or L1 part, and the general loop below otherwise.
    For few features the every-step-updates loop and the general loop run on lists of Python
    floats instead (`_updating_steps_on_lists`, `_general_steps_on_lists`): the same
    arithmetic without a numpy call's fixed cost per vector operation.
    """
    n_samples, n_features = X.shape
    early_stopping = score is not None
    track_objective = not early_stopping
    train = ~np.asarray(validation_mask, dtype=bool)
    train_count = int(np.count_nonzero(train))
    is_hinge = isinstance(loss, _Hinge)
    if penalty == L2:
        l1_ratio = 0.0
    elif penalty == L1:
        l1_ratio = 1.0
    # the objective's penalty α((1−ρ)½‖w‖² + ρ‖w‖₁) needs the norms of w
    penalised = track_objective and penalty > 0 and learning_rate < PA1
    shrinking = penalty >= L2
    passive_aggressive = learning_rate >= PA1
    cumulative_l1 = penalty in (L1, ELASTICNET)
    v, scale = coef, 1.0
    sq_norm = float(v @ v)  # ‖w‖², ‖w‖₁ as the objective sees them
    l1_norm = float(np.abs(v).sum())
    average_a, average_b = 0.0, 1.0
    averaged = average_coef if average_coef is not None else np.zeros(0)  # ā's vector
    q = np.zeros(n_features) if cumulative_l1 else None
    u = 0.0
    eta = eta0
    optimal_init = 0.0
    if learning_rate == OPTIMAL:
        # Bottou's heuristic: η_1 = typw/max(1, L'(1, −typw)) for a typical weight
        # typw = α^(−1/4), then η_t = 1/(α(t₀ + t − 1)) with t₀ making η_1 that value.
        typw = math.sqrt(1.0 / math.sqrt(alpha))
        initial_eta0 = typw / max(1.0, loss.dloss(1.0, -typw))
        optimal_init = 1.0 / (initial_eta0 * alpha)
    permutation = _epoch_permutation(n_samples, seed) if shuffle else None
    order = np.arange(n_samples)
    # X with its rows stored back to front, so that a block's rows are `_backwards` views
    X_stored_backwards = np.ascontiguousarray(X[:, ::-1])
    # runs of steps without an update can be taken together (they change only the scale)
    run_ahead = (loss.dlosses(np.zeros(0), np.zeros(0)) is not None and not passive_aggressive
                 and not average and not cumulative_l1)
    # the configuration `_plain_steps` takes: every step is a dot product, a scalar update
    # and one vector add (no passive-aggressive rate, no averaging, no L1 part)
    plain = _SEQUENTIAL_VECDOT and not passive_aggressive and not average and not cumulative_l1
    # few features: a step's vector arithmetic on lists of Python floats is the cheaper
    few = n_features <= _FEW_FEATURES
    # ... and in the general loop, but for the passive-aggressive classifier alone (its
    # rare updates leave runs of dot products that numpy takes at once)
    general_on_lists = not plain and (average > 0 or cumulative_l1 or not is_hinge) and \
        n_features <= (_FEW_FEATURES_L1 if cumulative_l1 else _FEW_FEATURES_GENERAL)
    plain_on_lists = n_features <= _FEW_FEATURES_PLAIN  # (updates are many at first)
    multiply, add, accumulate = np.multiply, np.add, np.add.accumulate
    product, partial_sums = np.empty(n_features), np.empty(n_features)
    block_size = max(1, min(_BLOCK, _BLOCK_ENTRIES // max(1, n_features)))
    # the copies of v after each add (for the objective's norms), one buffer for all blocks
    snapshot_rows = np.empty((min(block_size, n_samples), n_features)) if penalised else None
    scratch = np.empty_like(snapshot_rows) if snapshot_rows is not None else None
    row_buffer = np.empty((min(block_size, n_samples), n_features))
    best_objective, best_score = math.inf, -math.inf
    no_improvement = 0
    epoch = 0
    for epoch in range(max_iter):
        objective_sum = 0.0
        if permutation is not None:
            order = order[permutation]
        steps = order[train[order]]  # the validation set does not train
        for start in range(0, steps.shape[0], block_size):
            block = steps[start:start + block_size]
            m = block.shape[0]
            # X[block], as `_backwards` gives it, in one buffer for all blocks (the indices
            # are valid: mode 'clip' only spares numpy a check and a second buffer)
            rows = np.take(X_stored_backwards, block, axis=0, out=row_buffer[:m],
                           mode="clip")[:, ::-1]
            y_block = y[block]
            weight_array = np.where(y_block > 0.0, weight_pos, weight_neg) * sample_weight[block]
            if learning_rate == OPTIMAL:
                etas = 1.0 / (alpha * (optimal_init + (t + np.arange(m)) - 1))
            elif learning_rate == INVSCALING:
                # the C library's pow (as scikit-learn's; numpy's vectorised power can differ
                # in the last bit), each t by itself; the quotient in numpy (IEEE, as C's)
                etas = eta0 / np.array(list(map(math.pow, (t + np.arange(m)).tolist(),
                                                itertools.repeat(power_t))))
            else:
                etas = np.full(m, eta)
            # the L2 part of the penalty: w ← (1 − ηα(1−ρ)) w, never below 0
            shrink = (1.0 - l1_ratio) * etas * alpha
            shrink = np.where(1.0 - shrink > 0.0, 1.0 - shrink, 0.0)
            if passive_aggressive:
                row_sq_norms = _row_dots(rows, rows).tolist()
            # with the objective tracked: each step's prediction, each added-to v copied
            predictions: list[float] = []
            added: list[int] = []  # the steps whose update was added ...
            added_scales: list[float] = []  # ... and the scale at that moment
            skipped: list[int] = []  # pa1 steps on a zero row (no step, no t)
            snapshots = snapshot_rows[:m] if snapshot_rows is not None else None
            next_snapshot = iter(snapshots) if snapshots is not None else None
            steps_added: list[int] | NDArray
            step_predictions: list[float] | NDArray
            if plain and type(loss) in (_HalfSquared, _Huber):
                updating_steps = _updating_steps_on_lists if few else _updating_steps
                v, scale, intercept, step_predictions, steps_added, added_scales = \
                    updating_steps(loss, rows, y_block, weight_array, etas,
                                    shrink if shrinking else None, v, scale, intercept,
                                    snapshots, fit_intercept)
            elif plain:
                plain_steps = _plain_steps_on_lists if plain_on_lists else _plain_steps
                v, scale, intercept, step_predictions, steps_added, added_scales = plain_steps(
                    loss, rows, y_block, weight_array, etas, shrink if shrinking else None, v,
                    scale, intercept, snapshots, fit_intercept, run_ahead)
                # the next block on lists while updates are frequent (the steps that end
                # runs are then many, and cheaper on lists); in numpy while they are rare
                plain_on_lists = n_features <= _FEW_FEATURES_PLAIN and \
                    len(steps_added) * _UPDATES_ON_LISTS >= m
            if general_on_lists:
                (v, scale, intercept, t, average_a, average_b, average_intercept, u,
                 step_predictions, steps_added, added_scales, skipped) = \
                    _general_steps_on_lists(
                        loss, rows, y_block, weight_array, etas, shrink if shrinking else None,
                        v, scale, intercept, t, snapshots, fit_intercept, learning_rate, eta0,
                        average, average_coef, average_a, average_b, average_intercept, q, u,
                        l1_ratio, alpha)
                if track_objective:
                    objective_sum, sq_norm, l1_norm = _objective_sum(
                        objective_sum, loss, y_block, step_predictions, penalised, alpha,
                        l1_ratio, shrink if shrinking else None, skipped, steps_added,
                        added_scales, snapshots, scratch, sq_norm, l1_norm)
                continue
            if plain:
                t += m
                if track_objective:
                    objective_sum, sq_norm, l1_norm = _objective_sum(
                        objective_sum, loss, y_block, step_predictions, penalised, alpha,
                        l1_ratio, shrink if shrinking else None, skipped, steps_added,
                        added_scales, snapshots, scratch, sq_norm, l1_norm)
                continue
            ready: list[float] = []  # vᵀx of the coming steps, taken while v stays put
            n_ready = used = unchanged = last_run = 0
            eta_list, shrink_list = etas.tolist(), shrink.tolist()
            ys, weights = y_block.tolist(), weight_array.tolist()
            k = -1
            while k + 1 < m:
                k += 1
                x, yk, weight, eta_k, c = rows[k], ys[k], weights[k], eta_list[k], shrink_list[k]
                # vᵀx summed left to right. Steps without an update (most, once a
                # classifier fits) leave v as it is: when runs of such steps are seen,
                # the next products (as many as the longer of this run so far and the
                # last) are taken at once, each row summed as alone
                if used < n_ready:
                    dot = ready[used]
                    used += 1
                elif unchanged < 2 and last_run < 2:
                    multiply(v, x, out=product)
                    dot = accumulate(product, out=partial_sums).item(-1)
                else:
                    ahead = _row_dots(rows[k:k + min(max(unchanged, last_run), _AHEAD)], v)
                    n_ready, used = ahead.shape[0], 1
                    run = None
                    if run_ahead:
                        # ... and, where the derivative has an array form, the steps up to
                        # the next update (or rescaling) taken together: they only shrink
                        run = _steps_without_update(
                            loss, ahead, scale, intercept, y_block[k:k + n_ready],
                            etas[k:k + n_ready], weight_array[k:k + n_ready],
                            shrink[k:k + n_ready] if shrinking else None)
                    ready = ahead.tolist()
                    if run is not None:
                        n_run, run_predictions, scale = run
                        predictions.extend(run_predictions.tolist())
                        t += n_run
                        unchanged += n_run
                        used = n_run
                        k += n_run - 1
                        continue
                    dot = ready[0]
                unchanged += 1
                p = dot * scale + intercept
                if track_objective:
                    predictions.append(p)
                step = _step(loss, yk, p, eta_k, row_sq_norms[k] if passive_aggressive else 0.0,
                             learning_rate, eta0, is_hinge)
                if step is None:
                    skipped.append(k)
                    continue
                update = step * weight
                if shrinking:
                    scale *= c
                    if scale < WSCALE_RESET:  # fold the scale into v (and the average)
                        if average_coef is not None:
                            average_coef[:] = _fused_multiply_add(average_a, v, average_coef)
                            average_coef *= 1.0 / average_b
                            average_a, average_b = 0.0, 1.0
                        v = v * scale  # a new array: a snapshot of v stays as it was
                        unchanged = n_ready = 0
                        scale = 1.0
                if update != 0.0:
                    multiply(x, update / scale, out=product)  # w ← w + update·x
                    if next_snapshot is not None:
                        snapshot = next(next_snapshot)
                        add(v, product, out=snapshot)
                        v = snapshot
                        added.append(k)
                        added_scales.append(scale)
                    else:
                        add(v, product, out=v)
                    last_run, unchanged, n_ready = unchanged, 0, 0
                    if fit_intercept:
                        intercept += update
                if 0 < average <= t:
                    # ā ← ā + (w − ā)/num_iter, done even when the update is 0
                    num_iter = t - average + 1
                    multiply(x, average_a, out=product)
                    multiply(product, -update / scale, out=product)
                    add(averaged, product, out=averaged)
                    average_a, average_b, average_intercept = _average_scalars(
                        num_iter, scale, intercept, average_a, average_b, average_intercept)
                if q is not None:
                    # the L1 part: Tsuruoka et al.'s cumulative penalty — u is the total L1
                    # shrinkage each weight could have received so far, q what it did
                    # receive; each weight moves towards 0 by the difference, never across
                    u += l1_ratio * eta_k * alpha
                    z = v
                    v = np.where(scale * z > 0.0, np.maximum(0.0, z - (u + q) / scale),
                                 np.where(scale * z < 0.0, np.minimum(0.0, z + (u - q) / scale),
                                          z))
                    q += scale * (v - z)
                    unchanged = n_ready = 0
                t += 1
            if track_objective:
                objective_sum, sq_norm, l1_norm = _objective_sum(
                    objective_sum, loss, y_block, predictions, penalised, alpha, l1_ratio,
                    shrink if shrinking else None, skipped, added, added_scales, snapshots,
                    scratch, sq_norm, l1_norm)
        if not math.isfinite(intercept) or not np.isfinite(v).all():
            raise ValueError(f"Floating-point under-/overflow occurred at epoch #{epoch + 1}. "
                             "Scaling input data with StandardScaler or MinMaxScaler might "
                             "help.")
        if early_stopping:
            # scikit-learn scores the stored vector v, not w = scale·v (they differ only
            # while the scale is not 1, under the L2 penalty)
            current = score(v, intercept)
            no_improvement = no_improvement + 1 if tol > -math.inf and \
                current < best_score + tol else 0
            best_score = max(best_score, current)
        else:
            mean_objective = objective_sum / train_count
            no_improvement = no_improvement + 1 if tol > -math.inf and \
                mean_objective > best_objective - tol else 0
            best_objective = min(best_objective, mean_objective)
        if no_improvement >= n_iter_no_change:
            if learning_rate == ADAPTIVE and eta > 1e-6:
                eta = eta / 5
                no_improvement = 0
            else:
                break
    if average_coef is not None:
        average_coef[:] = _fused_multiply_add(average_a, v, average_coef)
        average_coef *= 1.0 / average_b
    return v * scale, intercept, average_coef, average_intercept, epoch + 1


def _plain_steps(loss: _Loss, rows: NDArray, y: NDArray, weights: NDArray, etas: NDArray,
                 shrink: NDArray | None, v: NDArray, scale: float, intercept: float,
                 snapshots: NDArray | None, fit_intercept: bool, run_ahead: bool
                 ) -> tuple[NDArray, float, float, NDArray, list, list]:
    """A block's steps in the plain configuration (no passive-aggressive rate, no averaging,
    no L1 part): the loop of `_plain_sgd` with only what it needs there. Returns (v, scale,
    intercept, the predictions, the steps whose update was added, the scale at each of
    them when there are snapshots).

    Each step is scikit-learn's, in its order of operations, written with as few numpy
    calls as the arithmetic allows (each costs more than its 50 multiplications):

    - p = (vᵀx)·scale + b, vᵀx in one `vecdot` (rows from `_backwards`: summed left to
      right, as scikit-learn's loop);
    - u = ((−η)·L'(y, p))·weight, with L' clipped to ±MAX_DLOSS (−η·g is (−η)·g in C too);
    - scale ← scale·c (the L2 shrinkage), v folded in below WSCALE_RESET;
    - v ← v + x·(u/scale): one multiply by the factor held in a 0-d array (numpy takes it
      faster than a Python float) and one add, into the next snapshot of v when the
      objective needs the norms of every v (the output array is the ufuncs' third
      argument: passed by position, it is parsed faster than ``out=``).

    Runs of steps without an update are taken together as in `_plain_sgd`.
    """
    m = rows.shape[0]
    # most steps are taken in runs: the single steps read their numbers one by one
    y_at, weight_at, eta_at = y.item, weights.item, etas.item
    shrink_at = shrink.item if shrink is not None else None
    finite = bool(np.isfinite(etas).all() and np.isfinite(weights).all())
    next_snapshot = iter(snapshots) if snapshots is not None else None
    predictions = np.empty(m)
    added: list[int] = []
    added_scales: list[float] = []
    product = np.empty(v.shape[0])
    factor = np.empty(())
    multiply, add, vecdot = np.multiply, np.add, np.vecdot
    squared = type(loss) is _HalfSquared  # L' = p − y, without a method call
    dloss = loss.dloss
    max_dloss = MAX_DLOSS
    ready = np.empty(0)  # vᵀx of the coming steps, taken while v stays put
    n_ready = used = unchanged = last_run = 0
    k = 0
    while k < m:
        if used < n_ready:
            dot = ready.item(used)
            used += 1
        elif unchanged < 2 and last_run < 2:
            dot = float(vecdot(rows[k], v))
        else:
            # _AHEAD of them: a call costs as much as a few hundred products taken in vain
            ready = vecdot(rows[k:k + _AHEAD], v)
            n_ready, used = ready.shape[0], 1
            if run_ahead:
                run = _steps_without_update(
                    loss, ready, scale, intercept, y[k:k + n_ready], etas[k:k + n_ready],
                    weights[k:k + n_ready], None if shrink is None else shrink[k:k + n_ready],
                    finite)
                if run is not None:
                    n_run, run_predictions, scale = run
                    predictions[k:k + n_run] = run_predictions
                    unchanged += n_run
                    used = n_run
                    k += n_run
                    continue
            dot = ready.item(0)
        unchanged += 1
        p = dot * scale + intercept
        predictions[k] = p
        yk = y_at(k)
        gradient = p - yk if squared else dloss(yk, p)
        if gradient < -max_dloss:
            gradient = -max_dloss
        elif gradient > max_dloss:
            gradient = max_dloss
        update = -eta_at(k) * gradient * weight_at(k)
        if shrink_at is not None:
            scale *= shrink_at(k)
            if scale < WSCALE_RESET:  # fold the scale into v
                v = v * scale  # a new array: a snapshot of v stays as it was
                scale = 1.0
                unchanged = n_ready = 0
        if update != 0.0:
            factor[()] = update / scale
            multiply(rows[k], factor, product)
            if next_snapshot is None:
                add(v, product, v)
            else:
                snapshot = next(next_snapshot)
                add(v, product, snapshot)
                v = snapshot
                added_scales.append(scale)
            added.append(k)
            last_run, unchanged, n_ready = unchanged, 0, 0
            if fit_intercept:
                intercept += update
        k += 1
    return v, scale, intercept, predictions, added, added_scales


def _plain_steps_on_lists(loss: _Loss, rows: NDArray, y: NDArray, weights: NDArray,
                          etas: NDArray, shrink: NDArray | None, v: NDArray, scale: float,
                          intercept: float, snapshots: NDArray | None, fit_intercept: bool,
                          run_ahead: bool) -> tuple[NDArray, float, float, NDArray, list, list]:
    """`_plain_steps` for few features: a single step on lists of Python floats (vᵀx
    summed left to right from 0, v ← v + x·(u/scale) entry by entry, as in
    `_updating_steps_on_lists`), and a run of steps without an update taken together (in
    numpy, as there) only once the current or the last run has lasted `_RUN_ON_LISTS`
    steps: a single step costs less than the numpy calls that look ahead. Returns what
    `_plain_steps` returns."""
    m = rows.shape[0]
    squared = type(loss) is _HalfSquared  # L' = p − y, without a method call
    hinge = type(loss) is _Hinge  # L' = −y where yp ≤ θ, else 0 (likewise)
    threshold = loss.threshold if isinstance(loss, _Hinge) else 0.0
    dloss = loss.dloss
    finite = bool(np.isfinite(etas).all() and np.isfinite(weights).all())
    # most steps are taken in runs: a single step reads its numbers one by one (its row
    # as a list)
    y_at, weight_at, eta_at = y.item, weights.item, etas.item
    shrink_at = shrink.item if shrink is not None else None
    predictions = np.empty(m)
    added: list[int] = []
    added_scales: list[float] = []
    added_vs: list[float] = []  # each v after an add, one after the other (the snapshots)
    keep = snapshots is not None
    max_dloss, wscale_reset, long_run = MAX_DLOSS, WSCALE_RESET, _RUN_ON_LISTS
    w = v.tolist()
    unchanged = last_run = 0
    k = 0
    while k < m:
        dot = None  # vᵀx of step k, when a look ahead has taken it already
        if run_ahead and (unchanged >= long_run or last_run >= long_run):
            # the coming steps up to the next update (or rescaling) together; the step
            # that ends the run follows as a single step
            ready = np.vecdot(rows[k:k + _AHEAD], np.array(w))
            n = ready.shape[0]
            run = _steps_without_update(
                loss, ready, scale, intercept, y[k:k + n], etas[k:k + n], weights[k:k + n],
                None if shrink is None else shrink[k:k + n], finite)
            n_run = 0
            if run is not None:
                n_run, run_predictions, scale = run
                predictions[k:k + n_run] = run_predictions
                unchanged += n_run
                k += n_run
                if k == m:
                    break
            if n_run < n:
                dot = ready.item(n_run)  # (the same sum: `vecdot` on `_backwards` rows)
        x, yk = rows[k].tolist(), y_at(k)
        if dot is None:
            dot = 0.0
            for xj, wj in zip(x, w):
                dot += xj * wj
        p = dot * scale + intercept
        predictions[k] = p
        unchanged += 1
        if hinge:
            gradient = -yk if p * yk <= threshold else 0.0
        else:
            gradient = p - yk if squared else dloss(yk, p)
        if gradient < -max_dloss:
            gradient = -max_dloss
        elif gradient > max_dloss:
            gradient = max_dloss
        update = -eta_at(k) * gradient * weight_at(k)
        if shrink_at is not None:
            scale *= shrink_at(k)
            if scale < wscale_reset:  # fold the scale into v
                w = [wj * scale for wj in w]
                scale = 1.0
                unchanged = 0
        if update != 0.0:
            f = update / scale
            w = [wj + xj * f for wj, xj in zip(w, x)]
            if keep:
                added_vs.extend(w)
                added_scales.append(scale)
            added.append(k)
            last_run, unchanged = unchanged, 0
            if fit_intercept:
                intercept += update
        k += 1
    if snapshots is not None and added_vs:
        snapshots[:len(added)] = np.array(added_vs).reshape(len(added), -1)
    return np.array(w), scale, intercept, predictions, added, added_scales


def _updating_steps(loss: _Loss, rows: NDArray, y: NDArray, weights: NDArray, etas: NDArray,
                    shrink: NDArray | None, v: NDArray, scale: float, intercept: float,
                    snapshots: NDArray | None, fit_intercept: bool
                    ) -> tuple[NDArray, float, float, list, NDArray, list]:
    """`_plain_steps` for the squared error (L' = p − y) and Huber's loss: every step (but
    one with p = y exactly) updates v, so there are no runs to take ahead and the loop is
    the step alone, over the block's lists in step. Returns what `_plain_steps` returns."""
    m = rows.shape[0]
    squared = type(loss) is _HalfSquared  # L' = p − y, without a method call
    dloss = loss.dloss
    shrinks = shrink.tolist() if shrink is not None else [1.0] * m  # ·1.0 changes nothing
    predictions: list[float] = []
    added_scales: list[float] = []
    not_added: list[int] = []  # the steps with update 0 (p = y): no add, no snapshot
    next_snapshot = iter(snapshots) if snapshots is not None else None
    product = np.empty(v.shape[0])
    factor = np.empty(())
    multiply, add, vecdot, record = np.multiply, np.add, np.vecdot, predictions.append
    max_dloss, wscale_reset = MAX_DLOSS, WSCALE_RESET
    for x, yk, neg_eta, weight, c in zip(rows, y.tolist(), (-etas).tolist(), weights.tolist(),
                                         shrinks):
        p = float(vecdot(x, v)) * scale + intercept
        record(p)
        gradient = p - yk if squared else dloss(yk, p)
        if gradient < -max_dloss:
            gradient = -max_dloss
        elif gradient > max_dloss:
            gradient = max_dloss
        update = neg_eta * gradient * weight
        scale *= c
        if scale < wscale_reset:
            v = v * scale
            scale = 1.0
        if update != 0.0:
            factor[()] = update / scale
            multiply(x, factor, product)
            if next_snapshot is None:
                add(v, product, v)
            else:
                snapshot = next(next_snapshot)
                add(v, product, snapshot)
                v = snapshot
                added_scales.append(scale)
            if fit_intercept:
                intercept += update
        else:
            not_added.append(len(predictions) - 1)
    added = np.ones(m, dtype=bool)
    added[not_added] = False
    return v, scale, intercept, predictions, np.flatnonzero(added), added_scales


def _updating_steps_on_lists(loss: _Loss, rows: NDArray, y: NDArray, weights: NDArray,
                             etas: NDArray, shrink: NDArray | None, v: NDArray, scale: float,
                             intercept: float, snapshots: NDArray | None, fit_intercept: bool
                             ) -> tuple[NDArray, float, float, list, NDArray, list]:
    """`_updating_steps` for few features: v and the rows as lists of Python floats. A numpy
    call costs about as much as a few dozen float operations in Python, so for a short
    vector the step is cheaper written out — in the same operations, in the same order:

    - vᵀx as scikit-learn's loop s ← s + xⱼvⱼ from s = 0, left to right (Python's ``sum``
      would not do: it compensates the rounding);
    - v ← v + x·(u/scale) entry by entry: one multiply and one add, each rounded (Python
      floats are IEEE doubles, with no fused multiply-add).

    Returns what `_updating_steps` returns; the snapshots of v are written after the loop."""
    m = rows.shape[0]
    squared = type(loss) is _HalfSquared  # L' = p − y, without a method call
    dloss = loss.dloss
    shrinks = shrink.tolist() if shrink is not None else [1.0] * m  # ·1.0 changes nothing
    predictions: list[float] = []
    added_scales: list[float] = []
    added_vs: list[float] = []  # each v after an add, one after the other (the snapshots)
    not_added: list[int] = []  # the steps with update 0 (p = y): no add, no snapshot
    keep = snapshots is not None
    record = predictions.append
    max_dloss, wscale_reset = MAX_DLOSS, WSCALE_RESET
    w = v.tolist()
    for x, yk, neg_eta, weight, c in zip(rows.tolist(), y.tolist(), (-etas).tolist(),
                                         weights.tolist(), shrinks):
        dot = 0.0
        for xj, wj in zip(x, w):
            dot += xj * wj
        p = dot * scale + intercept
        record(p)
        gradient = p - yk if squared else dloss(yk, p)
        if gradient < -max_dloss:
            gradient = -max_dloss
        elif gradient > max_dloss:
            gradient = max_dloss
        update = neg_eta * gradient * weight
        scale *= c
        if scale < wscale_reset:
            w = [wj * scale for wj in w]
            scale = 1.0
        if update != 0.0:
            f = update / scale
            w = [wj + xj * f for wj, xj in zip(w, x)]
            if keep:
                added_vs.extend(w)
                added_scales.append(scale)
            if fit_intercept:
                intercept += update
        else:
            not_added.append(len(predictions) - 1)
    if snapshots is not None and added_vs:
        snapshots[:len(added_scales)] = np.array(added_vs).reshape(len(added_scales), -1)
    added = np.ones(m, dtype=bool)
    added[not_added] = False
    return np.array(w), scale, intercept, predictions, np.flatnonzero(added), added_scales


def _general_steps_on_lists(loss: _Loss, rows: NDArray, y: NDArray, weights: NDArray,
                            etas: NDArray, shrink: NDArray | None, v: NDArray, scale: float,
                            intercept: float, t: float, snapshots: NDArray | None,
                            fit_intercept: bool, learning_rate: int, eta0: float,
                            average: int, average_coef: NDArray | None, average_a: float,
                            average_b: float, average_intercept: float, q: NDArray | None,
                            u: float, l1_ratio: float, alpha: float) -> tuple:
    """The general loop of `_plain_sgd` (passive-aggressive rates, averaging, the L1 part)
    for few features, on lists of Python floats: the same operations in the same order as
    there (and as scikit-learn), every step's vᵀx summed left to right from 0; the
    averaged vector ā's part v_a and the L1 part's q (updated in place) are lists too.

    Returns (v, scale, intercept, t, average_a, average_b, average_intercept, u, the
    predictions, the steps whose update was added, the scale at each, the skipped steps)."""
    m = rows.shape[0]
    passive_aggressive = learning_rate >= PA1
    is_hinge = isinstance(loss, _Hinge)
    wscale_reset = WSCALE_RESET
    row_sq_norms = _row_dots(rows, rows).tolist() if passive_aggressive else [0.0] * m
    shrinks = shrink.tolist() if shrink is not None else None
    averaged = average_coef.tolist() if average_coef is not None else []
    q_list = q.tolist() if q is not None else None
    predictions: list[float] = []
    added: list[int] = []
    added_scales: list[float] = []
    skipped: list[int] = []  # pa1 steps on a zero row (no step, no t)
    added_vs: list[float] = []  # each v after an add, one after the other (the snapshots)
    keep = snapshots is not None
    w = v.tolist()
    for k, (x, yk, eta_k, weight, norm2) in enumerate(zip(
            rows.tolist(), y.tolist(), etas.tolist(), weights.tolist(), row_sq_norms)):
        dot = 0.0
        for xj, wj in zip(x, w):
            dot += xj * wj
        p = dot * scale + intercept
        predictions.append(p)
        step = _step(loss, yk, p, eta_k, norm2, learning_rate, eta0, is_hinge)
        if step is None:
            skipped.append(k)
            continue
        update = step * weight
        if shrinks is not None:
            scale *= shrinks[k]
            if scale < wscale_reset:  # fold the scale into v (and the average)
                if average_coef is not None:
                    folded = _fused_multiply_add(average_a, np.array(w), np.array(averaged))
                    folded *= 1.0 / average_b
                    averaged = folded.tolist()
                    average_a, average_b = 0.0, 1.0
                w = [wj * scale for wj in w]
                scale = 1.0
        if update != 0.0:
            f = update / scale  # w ← w + update·x
            w = [wj + xj * f for wj, xj in zip(w, x)]
            if keep:
                added_vs.extend(w)
                added.append(k)
                added_scales.append(scale)
            if fit_intercept:
                intercept += update
        if 0 < average <= t:
            # ā ← ā + (w − ā)/num_iter, done even when the update is 0
            num_iter = t - average + 1
            g = -update / scale
            averaged = [aj + (xj * average_a) * g for aj, xj in zip(averaged, x)]
            average_a, average_b, average_intercept = _average_scalars(
                num_iter, scale, intercept, average_a, average_b, average_intercept)
        if q_list is not None:
            # the L1 part (Tsuruoka et al.'s cumulative penalty), weight by weight: towards
            # 0 by the shrinkage not yet received, never across (`0.0 if a < 0.0 else a`
            # is numpy's maximum(0, a), NaN included; likewise the minimum)
            u += l1_ratio * eta_k * alpha
            for j, (zj, qj) in enumerate(zip(w, q_list)):
                if scale * zj > 0.0:
                    a = zj - (u + qj) / scale
                    a = 0.0 if a < 0.0 else a
                elif scale * zj < 0.0:
                    a = zj + (u - qj) / scale
                    a = 0.0 if a > 0.0 else a
                else:
                    a = zj
                w[j] = a
                q_list[j] = qj + scale * (a - zj)
        t += 1
    if snapshots is not None and added_vs:
        snapshots[:len(added)] = np.array(added_vs).reshape(len(added), -1)
    if average_coef is not None:
        average_coef[:] = averaged
    if q is not None and q_list is not None:
        q[:] = q_list
    return (np.array(w), scale, intercept, t, average_a, average_b, average_intercept, u,
            predictions, added, added_scales, skipped)


def _steps_without_update(loss: _Loss, dots: NDArray, scale: float, intercept: float,
                          y: NDArray, etas: NDArray, weights: NDArray,
                          shrink: NDArray | None, finite: bool = False
                          ) -> tuple[int, NDArray, float] | None:
    """The coming steps while v stays: their predictions p = vᵀx·scale + b, derivatives and
    updates as the loop forms them, entry by entry. Returns (the number of steps before the
    first with an update or a rescaling, their predictions, the scale after them), or None
    when that number is 0.

    With `finite` step sizes and weights, a step with L' = 0 has update (−η·0)·weight = 0:
    only the steps where the loss `may_move` are candidates, each checked alone with the
    loop's own arithmetic until one updates (L' can be 0 there, or the update: a zero
    weight, an underflow). The shrink factors are in [0, 1], so the scales only fall: none
    falls below WSCALE_RESET in the run unless the last does."""
    n = dots.shape[0]
    if shrink is None:
        p = dots * scale + intercept
        scales = None
    else:
        scales = np.empty(n + 1)
        scales[0] = scale
        scales[1:] = shrink
        np.multiply.accumulate(scales, out=scales)
        p = dots * scales[:-1] + intercept
    first = n  # the first step with an update
    if finite:
        for k in np.flatnonzero(loss.may_move(y, p)).tolist():
            g = min(max(loss.dloss(y.item(k), p.item(k)), -MAX_DLOSS), MAX_DLOSS)  # clipped
            if -etas.item(k) * g * weights.item(k) != 0.0:  # (NaN too)
                first = k
                break
    else:
        gradient = loss.dlosses(y, p)
        assert gradient is not None
        # clipped to ±MAX_DLOSS (NaN stays NaN, as in the loop)
        gradient = np.minimum(np.maximum(gradient, -MAX_DLOSS), MAX_DLOSS)
        stop = (-etas * gradient) * weights != 0.0
        k = int(np.argmax(stop))
        if stop[k]:
            first = k
    if scales is not None and not scales[n] >= WSCALE_RESET:
        first = min(first, int(np.argmax(scales[1:] < WSCALE_RESET)))
    if first == 0:
        return None
    return first, p[:first], scale if scales is None else float(scales[first])


def _chain(start: float, factors: NDArray, resets: NDArray, reset_values: NDArray
           ) -> NDArray[np.float64]:
    """The states of the loop s ← s·factorₖ (k = 0 … m−1) from s = start, where after a
    step k in `resets` s is the matching reset value instead: the m + 1 values s takes,
    each product rounded left to right as the loop rounds it.

    Each run between resets is one sequential ``multiply.accumulate``: in place for a few
    runs; for many, runs of similar length share a padded matrix (padded with 1.0, which
    changes no product)."""
    m = factors.shape[0]
    starts = np.concatenate([[0], resets + 1])
    values = np.concatenate([[start], reset_values])
    lengths = np.append(starts[1:], m + 1) - starts  # ≥ 1 state per run
    states = np.empty(m + 1)
    if starts.shape[0] <= 100:  # few runs: each one accumulate, in place
        for first, length, value in zip(starts.tolist(), lengths.tolist(), values.tolist()):
            run = states[first:first + length]
            run[0] = value
            run[1:] = factors[first:first + length - 1]
            np.multiply.accumulate(run, out=run)
        return states
    size_class = np.frexp(lengths)[1]  # runs of length in [2^(c−1), 2^c) together
    for c in np.unique(size_class):
        chosen = size_class == c
        run_starts, run_lengths = starts[chosen], lengths[chosen]
        width = int(run_lengths.max())
        column = np.arange(width)
        inside = column < run_lengths[:, None]
        table = np.ones((run_starts.shape[0], width))
        table[:, 0] = values[chosen]
        steps = np.minimum(run_starts[:, None] + column[:-1], m - 1)
        table[:, 1:] = np.where(inside[:, 1:], factors[steps], 1.0)
        table = np.multiply.accumulate(table, axis=1)
        states[(run_starts[:, None] + column)[inside]] = table[inside]
    return states


def _objective_sum(total: float, loss: _Loss, ys: NDArray, predictions: list | NDArray,
                   penalised: bool, alpha: float, l1_ratio: float, shrink: NDArray | None,
                   skipped: list, added: list | NDArray, added_scales: list,
                   snapshots: NDArray | None, scratch: NDArray | None,
                   sq_norm: float, l1_norm: float) -> tuple[float, float, float]:
    """total + Σ_k [L(y_k, p_k) + α((1−ρ)½‖w_k‖² + ρ‖w_k‖₁)] left to right over a block's
    steps, w_k the weights before step k; returns (total, ‖w‖², ‖w‖₁ after the block).

    The norms follow scikit-learn's bookkeeping: a shrink by c multiplies ‖w‖² by c² and
    ‖w‖₁ by |c|; an add recomputes both from v (sequential sums, times the scale)."""
    losses = loss.losses(ys, np.array(predictions))
    m = losses.shape[0]
    if not penalised:
        return float(np.add.accumulate(np.concatenate([[total], losses]))[-1]), sq_norm, l1_norm
    assert snapshots is not None and scratch is not None
    n_added = len(added)
    scales = np.array(added_scales)
    done = snapshots[:n_added]
    # (for many rows, a column at a time is faster than `_row_dots`' sequential loops)
    sq_added = _row_sums(np.multiply(done, done, out=scratch[:n_added])) * (scales * scales)
    sq_factors = np.ones(m) if shrink is None else shrink * shrink
    sq_factors[skipped] = 1.0
    resets = np.array(added, dtype=np.intp)
    sq = _chain(sq_norm, sq_factors, resets, sq_added)
    # (1−ρ)½ · sqrt(‖w‖²)², as scikit-learn's ``w.norm() ** 2``: its compiled loop squares
    # the root by a multiplication (no pow call), and both roundings are IEEE's, as numpy's
    norms = np.sqrt(sq[:m])
    terms = np.empty(2 * m + 1)
    terms[0] = total
    terms[1::2] = losses
    terms[2::2] = (1 - l1_ratio) * 0.5 * (norms * norms)
    if l1_ratio == 0.0 and math.isfinite(l1_norm) and np.isfinite(sq_added).all():
        # ρ = 0 (the L2 penalty): ρ‖w‖₁ is 0·‖w‖₁ = +0, which adds nothing, as long as ‖w‖₁
        # is finite — and it is: each run of ‖w‖₁ starts from a finite value (the last
        # block's, or Σ|vⱼ|·scale with Σvⱼ² finite) and only shrinks. The block's ‖w‖₁
        # is then needed only as finite: 0.0 stands for it.
        l1_end = 0.0
    else:
        l1_added = _row_sums(np.abs(done)) * scales
        l1_factors = np.ones(m) if shrink is None else np.abs(shrink)
        l1_factors[skipped] = 1.0
        l1 = _chain(l1_norm, l1_factors, resets, l1_added)
        terms[2::2] += l1_ratio * l1[:m]
        l1_end = float(l1[m])
    terms[2::2] *= alpha
    return float(np.add.accumulate(terms)[-1]), float(sq[m]), l1_end


# ---------------------------------------------------------------------------------------
# The estimators
# ---------------------------------------------------------------------------------------

_COMMON_CONSTRAINTS: dict[str, list] = {
    "penalty": [StrOptions({"l2", "l1", "elasticnet"}), None],
    "alpha": [Interval(Real, 0, None, closed="left")],
    "l1_ratio": [Interval(Real, 0, 1, closed="both"), None],
    "fit_intercept": ["boolean"],
    "max_iter": [Interval(Integral, 1, None, closed="left")],
    "tol": [Interval(Real, 0, None, closed="left"), None],
    "shuffle": ["boolean"],
    "verbose": ["verbose"],
    "epsilon": [Interval(Real, 0, None, closed="left")],
    "random_state": ["random_state"],
    "learning_rate": [StrOptions(set(_RATES))],
    "eta0": [Interval(Real, 0, None, closed="neither")],
    "power_t": [Interval(Real, None, None, closed="neither")],
    "early_stopping": ["boolean"],
    "validation_fraction": [Interval(Real, 0, 1, closed="neither")],
    "n_iter_no_change": [Interval(Integral, 1, None, closed="left")],
    "warm_start": ["boolean"],
    "average": [Interval(Integral, 0, None, closed="neither"), "boolean"],
}


class _BaseSGD(BaseEstimator):
    """What the two estimators share: the checks beyond the constraints, the validation
    split, the loop's arguments."""

    loss: str
    penalty: str | None
    alpha: float
    l1_ratio: float | None
    fit_intercept: bool
    max_iter: int
    tol: float | None
    shuffle: bool
    epsilon: float
    random_state: object
    learning_rate: str
    eta0: float
    power_t: float
    early_stopping: bool
    validation_fraction: float
    n_iter_no_change: int
    warm_start: bool
    average: bool | int
    # fitted: the coefficients, and the iterates and averages that averaging keeps apart
    coef_: Any
    intercept_: Any
    classes_: Any
    t_: float
    n_iter_: int
    _standard_coef: Any
    _standard_intercept: Any
    _average_coef: Any
    _average_intercept: Any
    _partial_fit: Callable[..., Any]  # each estimator's one pass of the stopping rule

    def _partial_fit_in(self, X: ArrayLike, *args: Any) -> Any:
        """`_partial_fit` in float64, mathml's working precision, with ``coef_`` left in the
        data's floating type, as scikit-learn's (float32 for float32 X; the intercept and
        the predictions stay float64 there too)."""
        if getattr(self, "coef_", None) is not None:
            self.coef_ = np.asarray(self.coef_, dtype=np.float64)
        self._partial_fit(X, *args)
        self.coef_ = self.coef_.astype(float_dtype_of(X), copy=False)
        return self

    def _check_sgd_params(self, for_partial_fit: bool = False) -> None:
        self._validate_hyperparameters()
        if self.early_stopping and for_partial_fit:
            raise ValueError("early_stopping should be False with partial_fit")
        if self.learning_rate == "optimal" and self.alpha == 0:
            raise ValueError("alpha must be > 0 since learning_rate is 'optimal'. alpha is "
                             "used to compute the optimal learning rate.")
        if self.learning_rate in ("pa1", "pa2"):
            needed = "hinge" if isinstance(self, ClassifierMixin) else "epsilon_insensitive"
            if self.loss != needed:
                raise ValueError(f"Learning rate '{self.learning_rate}' only works with loss "
                                 f"'{needed}'.")
        if self.penalty == "elasticnet" and self.l1_ratio is None:
            raise ValueError("l1_ratio must be set when penalty is 'elasticnet'")

    def _validation_split(self, y: NDArray, sample_mask: NDArray, stratify: bool) -> NDArray:
        """True on the validation set: scikit-learn's (Stratified)ShuffleSplit with
        test_size=validation_fraction and this random_state, first split."""
        n = y.shape[0]
        mask = np.zeros(n, dtype=bool)
        if not self.early_stopping:
            return mask
        n_test = math.ceil(self.validation_fraction * n)
        n_train = n - n_test
        rs = check_random_state(self.random_state)
        if stratify:
            idx_train, idx_val = _stratified_split(y, n_train, n_test, rs)
        else:
            if n_train == 0:
                raise ValueError(f"With n_samples={n}, test_size={self.validation_fraction} "
                                 "and train_size=None, the resulting train set will be empty. "
                                 "Adjust any of the aforementioned parameters.")
            perm = rs.permutation(n)
            idx_train, idx_val = perm[n_test:n_test + n_train], perm[:n_test]
        if not np.any(sample_mask[idx_val]):
            raise ValueError("The sample weights for validation set are all zero, consider "
                             "using a different random state.")
        if idx_train.shape[0] == 0 or idx_val.shape[0] == 0:
            raise ValueError(
                f"Splitting {n} samples into a train set and a validation set with "
                f"validation_fraction={self.validation_fraction!r} led to an empty set "
                f"({idx_train.shape[0]} and {idx_val.shape[0]} samples). Please either change "
                "validation_fraction, increase number of samples, or disable early_stopping.")
        mask[idx_val] = True
        return mask

    def _run(self, coef, intercept, average_coef, average_intercept, loss, X, y,
             sample_weight, validation_mask, score, max_iter, seed, weight_pos, weight_neg):
        return _plain_sgd(
            coef, float(intercept), average_coef, float(average_intercept), loss,
            _PENALTIES[self.penalty], float(self.alpha),
            0.0 if self.l1_ratio is None else float(self.l1_ratio), X, y, sample_weight,
            validation_mask, score, int(self.n_iter_no_change), max_iter,
            -math.inf if self.tol is None else float(self.tol), bool(self.fit_intercept),
            bool(self.shuffle), seed, weight_pos, weight_neg, _RATES[self.learning_rate],
            float(self.eta0), float(self.power_t), self.t_, int(self.average))

    def _warn_if_unfinished(self) -> None:
        if self.tol is not None and self.n_iter_ == self.max_iter:
            warnings.warn("Maximum number of iteration reached before convergence. Consider "
                          "increasing max_iter to improve the fit.", ConvergenceWarning,
                          stacklevel=3)

    def _init_coef(self, shape: tuple, coef_init, intercept_init, n_intercepts: int,
                   what: str) -> None:
        if coef_init is not None:
            coef_init = np.array(coef_init, dtype=np.float64)
            coef_init = coef_init.ravel() if len(shape) == 1 else coef_init
            if coef_init.shape != shape:
                # scikit-learn's two messages (the multiclass one ends with a space)
                raise ValueError(f"Provided {what} does not match dataset."
                                 + (" " if what == "``coef_``" else ""))
            self.coef_ = coef_init
        else:
            self.coef_ = np.zeros(shape)
        if intercept_init is not None:
            intercept_init = np.array(intercept_init, dtype=np.float64)
            if intercept_init.size != n_intercepts:
                raise ValueError("Provided intercept_init does not match dataset.")
            self.intercept_ = intercept_init.reshape(n_intercepts)
        else:
            self.intercept_ = np.zeros(n_intercepts)
        if self.average > 0:
            self._standard_coef, self._standard_intercept = self.coef_, self.intercept_
            self._average_coef = np.zeros(self.coef_.shape)
            self._average_intercept = np.zeros(self.intercept_.shape)


_PARAMETERS = """
    penalty : {'l2', 'l1', 'elasticnet'} or None, default 'l2'
        R(w): ½‖w‖², ‖w‖₁ (by the cumulative truncated gradient), or ρ‖w‖₁ + (1−ρ)½‖w‖².
    alpha : float ≥ 0, default 1e-4
        The penalty's weight α (also sets the 'optimal' schedule).
    l1_ratio : float in [0, 1] or None, default 0.15
        ρ of the elastic net.
    fit_intercept : bool, default True
    max_iter : int ≥ 1, default 1000
        The most epochs (passes over the data).
    tol : float ≥ 0 or None, default 1e-3
        Stop after ``n_iter_no_change`` epochs whose mean objective (loss + penalty, over
        the epoch's steps) did not fall below the best by tol (with ``early_stopping``: whose
        validation score did not rise above the best by tol); None: run max_iter epochs.
    shuffle : bool, default True
        Shuffle the order before each epoch (scikit-learn's xorshift generator, seeded by
        a draw from ``random_state``).
    verbose : int, default 0
        Accepted for compatibility; nothing is printed.
    epsilon : float ≥ 0, default 0.1
        ε of 'huber', 'epsilon_insensitive' and 'squared_epsilon_insensitive'.
    random_state : None, int or numpy.random.RandomState
    learning_rate : {'constant', 'optimal', 'invscaling', 'adaptive', 'pa1', 'pa2'}
        η_t: η₀; 1/(α(t₀ + t − 1)); η₀/t^power_t; η₀ divided by 5 whenever
        n_iter_no_change epochs do not improve (stop when η ≤ 1e-6); the passive-aggressive
        steps min(η₀, L/‖x‖²) and L/(‖x‖² + 1/(2η₀)).
    eta0 : float > 0, default 0.01
"""  # the parameters both estimators share, as scikit-learn's


@fill_doc(parameters=_PARAMETERS)
class SGDRegressor(RegressorMixin, _BaseSGD):
    """Linear regression by stochastic gradient descent, as scikit-learn's.

    .. math::

        \\min_{w,b}\\ \\frac{1}{n}\\sum_i L(y_i, w^\\top x_i + b) + \\alpha R(w), \\qquad
        w \\leftarrow (1-\\eta_t\\alpha(1-\\rho))\\,w - \\eta_t\\,\\partial_p L(y_i, p_i)\\,x_i

    One sample per step, the samples in a shuffled order each epoch. The losses and their
    derivatives in the prediction p (r = p − y):

    - 'squared_error': ½r², ∂ = r;
    - 'huber': ½r² for |r| ≤ ε, ε|r| − ε²/2 beyond, ∂ = r clipped to [−ε, ε];
    - 'epsilon_insensitive': max(0, |r| − ε), ∂ = sign(r) outside the tube, 0 inside;
    - 'squared_epsilon_insensitive': max(0, |r| − ε)², ∂ = 2 sign(r)(|r| − ε) outside.

    Parameters
    ----------
    loss : str, default 'squared_error'
    {parameters}
    power_t : float, default 0.25
    early_stopping : bool, default False
        Hold out ``validation_fraction`` of the data (scikit-learn's ShuffleSplit
        with ``random_state``) and stop on its score.
    validation_fraction : float in (0, 1), default 0.1
    n_iter_no_change : int ≥ 1, default 5
    warm_start : bool, default False
        ``fit`` starts from the previous coefficients.
    average : bool or int, default False
        Return the average of the iterates w_t (ASGD) from step ``average`` on (True: 1).

    Attributes
    ----------
    coef_ : ndarray of shape (n_features,)
    intercept_ : ndarray of shape (1,)
    n_iter_ : int
        Epochs run.
    t_ : float
        1 + the number of steps taken (n_iter_ × n_samples per fit).
    n_features_in_ : int

    Raises
    ------
    InvalidParameterError, ValueError
        A hyperparameter out of range, 'optimal' with alpha = 0, 'elasticnet' without
        l1_ratio, an under/overflow; scikit-learn's input checks.

    Warns
    -----
    ConvergenceWarning
        max_iter epochs without meeting tol.

    Notes
    -----
    *Algorithm*: 1. draw the shuffle seed (and the dataset's) from ``random_state``;
    2. per epoch: shuffle, then for each sample the step above, the L1 part of the penalty
    by the cumulative penalty, the average if asked; 3. stop by the objective (or the
    validation score) as under ``tol``. The weights are stored as s·v: the L2 shrinkage
    multiplies s only.
    *Complexity*: O(n p) per epoch.
    *Numerical stability*: the loss derivative is clipped to ±1e12; a non-finite weight
    raises. Same order of operations as scikit-learn (sequential dot products, BLAS's fused
    multiply-add in the averaging), so the same coefficients to the bit — for float64
    input: mathml computes float32 input in float64, scikit-learn in float32. ``verbose``
    prints nothing.

    References
    ----------
    Bottou, "Stochastic Gradient Descent Tricks", Neural Networks: Tricks of the Trade, 2012.
    Tsuruoka, Tsujii & Ananiadou, "Stochastic gradient descent training for L1-regularized
    log-linear models with cumulative penalty", ACL 2009.

    Checked against ``reference.linear_model.SGDRegressor`` →
    ``sklearn.linear_model.SGDRegressor``: the same coefficients, intercept, n_iter_ and t_
    for the same random_state.

    Examples
    --------
    >>> X = np.array([[0.0], [1.0], [2.0], [3.0]]); y = np.array([1.0, 3.0, 5.0, 7.0])
    >>> model = SGDRegressor(learning_rate="constant", eta0=0.05, tol=None, max_iter=500,
    ...                      alpha=0.0, random_state=0).fit(X, y)
    >>> print(np.round(model.coef_, 3), np.round(model.intercept_, 3))
    [2.] [1.]
    """

    _parameter_constraints = {**_COMMON_CONSTRAINTS,
                              "loss": [StrOptions(set(_REGRESSION_LOSSES))]}

    def __init__(self, loss: str = "squared_error", *, penalty: str | None = "l2",
                 alpha: float = 0.0001, l1_ratio: float | None = 0.15,
                 fit_intercept: bool = True, max_iter: int = 1000, tol: float | None = 1e-3,
                 shuffle: bool = True, verbose: int = 0, epsilon: float = 0.1,
                 random_state=None, learning_rate: str = "invscaling", eta0: float = 0.01,
                 power_t: float = 0.25, early_stopping: bool = False,
                 validation_fraction: float = 0.1, n_iter_no_change: int = 5,
                 warm_start: bool = False, average: bool | int = False) -> None:
        self.loss = loss
        self.penalty = penalty
        self.alpha = alpha
        self.l1_ratio = l1_ratio
        self.fit_intercept = fit_intercept
        self.max_iter = max_iter
        self.tol = tol
        self.shuffle = shuffle
        self.verbose = verbose
        self.epsilon = epsilon
        self.random_state = random_state
        self.learning_rate = learning_rate
        self.eta0 = eta0
        self.power_t = power_t
        self.early_stopping = early_stopping
        self.validation_fraction = validation_fraction
        self.n_iter_no_change = n_iter_no_change
        self.warm_start = warm_start
        self.average = average

    def fit(self, X: ArrayLike, y: ArrayLike, coef_init: ArrayLike | None = None,
            intercept_init: ArrayLike | None = None,
            sample_weight: ArrayLike | None = None) -> SGDRegressor:
        """Run SGD epochs until the stopping rule (from zero, or warm); returns self."""
        self._check_sgd_params()
        if self.warm_start and getattr(self, "coef_", None) is not None:
            coef_init = self.coef_ if coef_init is None else coef_init
            intercept_init = self.intercept_ if intercept_init is None else intercept_init
        else:
            self.coef_ = None
            self.intercept_ = None
        self.t_ = 1.0
        self._partial_fit_in(X, y, self.max_iter, sample_weight, coef_init, intercept_init)
        self._warn_if_unfinished()
        return self

    def partial_fit(self, X: ArrayLike, y: ArrayLike,
                    sample_weight: ArrayLike | None = None) -> SGDRegressor:
        """One epoch over (X, y), continuing from the current coefficients; returns self."""
        if not hasattr(self, "coef_"):
            self._check_sgd_params(for_partial_fit=True)
        return self._partial_fit_in(X, y, 1, sample_weight, None, None)

    def _partial_fit(self, X, y, max_iter, sample_weight, coef_init, intercept_init):
        first_call = getattr(self, "coef_", None) is None
        X, y = validate_data(self, X, y, y_numeric=True, reset=first_call, dtype=FLOAT_DTYPES)
        X, y = np.ascontiguousarray(X, dtype=np.float64), np.asarray(y, dtype=np.float64)
        n_samples, n_features = X.shape
        sample_weight = check_sample_weight(sample_weight, n_samples)
        if first_call:
            self._init_coef((n_features,), coef_init, intercept_init, 1, "coef_init")
        elif n_features != self.coef_.shape[-1]:
            raise ValueError(f"Number of features {n_features} does not match previous data "
                             f"{self.coef_.shape[-1]}.")
        if self.average > 0 and getattr(self, "_average_coef", None) is None:
            self._average_coef = np.zeros(n_features)
            self._average_intercept = np.zeros(1)
        if not hasattr(self, "t_"):
            self.t_ = 1.0
        loss = _make_loss(self.loss, self.epsilon)
        # the draws in scikit-learn's order: the validation split (its own generator for an
        # int random_state), the shuffle seed, then the dataset's seed (unused by SGD)
        validation_mask = self._validation_split(y, sample_weight > 0, stratify=False)
        score = self._score_callback(X[validation_mask], y[validation_mask],
                                     sample_weight[validation_mask])
        random_state = check_random_state(self.random_state)
        seed = int(random_state.randint(0, MAX_INT))
        random_state.randint(1, MAX_INT)
        if self.average:
            coef, intercept = self._standard_coef, self._standard_intercept
            average_coef, average_intercept = self._average_coef, self._average_intercept[0]
        else:
            coef, intercept, average_coef, average_intercept = \
                self.coef_, self.intercept_, None, 0.0
        coef, b, average_coef, average_b, self.n_iter_ = self._run(
            coef.copy(), intercept[0], None if average_coef is None else average_coef.copy(),
            average_intercept, loss, X, y, sample_weight, validation_mask, score, max_iter,
            seed, 1.0, 1.0)
        self.t_ += self.n_iter_ * n_samples
        if self.average:
            self._standard_coef, self._average_coef = coef, average_coef
            self._standard_intercept = np.atleast_1d(b)
            self._average_intercept = np.atleast_1d(average_b)
            if self.average <= self.t_ - 1.0:
                self.coef_, self.intercept_ = average_coef, np.atleast_1d(average_b)
            else:
                self.coef_, self.intercept_ = coef, np.atleast_1d(b)
        else:
            self.coef_, self.intercept_ = coef, np.atleast_1d(b)
        return self

    def _score_callback(self, X_val, y_val, w_val):
        """The validation R² of (v, b) (weighted), for early stopping."""
        if not self.early_stopping:
            return None

        def score(v, b):
            residual = y_val - (X_val @ v + b)
            y_mean = np.average(y_val, weights=w_val)
            return 1.0 - (w_val * residual ** 2).sum() / (w_val * (y_val - y_mean) ** 2).sum()
        return score

    def predict(self, X: ArrayLike) -> NDArray[np.float64]:
        """wᵀx + b for each row of X."""
        check_is_fitted(self)
        X = validate_data(self, X, reset=False)
        return X @ self.coef_ + self.intercept_


@fill_doc(parameters=_PARAMETERS)
class SGDClassifier(ClassifierMixin, _BaseSGD):
    """Linear classifiers (SVM, logistic regression, perceptron, …) by stochastic gradient
    descent, as scikit-learn's.

    .. math::

        \\min_{w,b}\\ \\frac{1}{n}\\sum_i c_{y_i} s_i\\, L(y_i, w^\\top x_i + b) + \\alpha R(w),
        \\qquad y_i \\in \\{-1, +1\\}

    Two classes: one binary problem, the larger class +1. K > 2 classes: one-vs-all, K binary
    problems (class k against the rest), each with its own seed; ``predict`` takes the
    largest score. The losses and their derivatives in the prediction p (z = yp):

    - 'hinge': max(0, 1 − z), ∂ = −y when z ≤ 1 (a linear SVM); 'perceptron': max(0, −z);
    - 'squared_hinge': max(0, 1 − z)², ∂ = −2y(1 − z);
    - 'modified_huber': (1 − z)² on [−1, 1], −4z below, ∂ = −2y(1 − z) or −4y;
    - 'log_loss' (labels 0/1): log(1 + eᵖ) − yp, ∂ = σ(p) − y (logistic regression);
    - the regression losses of `SGDRegressor` on the ±1 labels.

    Parameters
    ----------
    loss : str, default 'hinge'
    {parameters}
    power_t : float, default 0.5
    early_stopping : bool, default False
        Hold out ``validation_fraction`` of the data (scikit-learn's ShuffleSplit
        stratified with ``random_state``) and stop on its score.
    validation_fraction : float in (0, 1), default 0.1
    n_iter_no_change : int ≥ 1, default 5
    warm_start : bool, default False
        ``fit`` starts from the previous coefficients.
    average : bool or int, default False
        Return the average of the iterates w_t (ASGD) from step ``average`` on (True: 1).
    n_jobs : int or None
        Accepted for compatibility; the one-vs-all problems run one after the other (their
        seeds are drawn before, in class order, so the order does not matter).
    class_weight : dict, 'balanced' or None
        c_k multiplies the steps of class k (one-vs-all: the positive class's weight for the
        positives, 1 for the rest); 'balanced': n/(K·n_k).

    Attributes
    ----------
    coef_ : ndarray of shape (1, n_features) or (n_classes, n_features)
    intercept_ : ndarray of shape (1,) or (n_classes,)
    classes_ : ndarray of shape (n_classes,)
    n_iter_ : int
        Epochs run (the largest over the one-vs-all problems).
    t_ : float
    n_features_in_ : int

    Raises
    ------
    InvalidParameterError, ValueError
        As `SGDRegressor`; a single class; 'balanced' in partial_fit; no classes on the
        first partial_fit.

    Warns
    -----
    ConvergenceWarning
        max_iter epochs without meeting tol.

    Notes
    -----
    *Algorithm*: per binary problem, the loop of `SGDRegressor` (see there) on labels ±1
    (0/1 for log_loss) with the class weights; 'optimal' is the default schedule,
    η_t = 1/(α(t₀ + t − 1)) with Bottou's t₀. ``predict_proba``: σ(score) (log_loss,
    one-vs-all normalised), (clip(score, −1, 1) + 1)/2 (modified_huber).
    *Complexity*: O(n p) per epoch and class.
    *Numerical stability*: as `SGDRegressor`.

    References
    ----------
    Zhang, "Solving large scale linear prediction problems using stochastic gradient
    descent algorithms", ICML 2004. Bottou, "Stochastic Gradient Descent Tricks", 2012.

    Checked against ``reference.linear_model.SGDClassifier`` →
    ``sklearn.linear_model.SGDClassifier``: the same coefficients, intercepts and n_iter_
    for the same random_state.

    Examples
    --------
    >>> X = np.array([[-2.0], [-1.0], [1.0], [2.0]]); y = np.array([0, 0, 1, 1])
    >>> SGDClassifier(random_state=0).fit(X, y).predict([[-3.0], [3.0]]).tolist()
    [0, 1]
    """

    _parameter_constraints = {**_COMMON_CONSTRAINTS,
                              "loss": [StrOptions(set(_CLASSIFICATION_LOSSES))],
                              "n_jobs": [Integral, None],
                              "class_weight": [StrOptions({"balanced"}), dict, None]}

    def __init__(self, loss: str = "hinge", *, penalty: str | None = "l2",
                 alpha: float = 0.0001, l1_ratio: float | None = 0.15,
                 fit_intercept: bool = True, max_iter: int = 1000, tol: float | None = 1e-3,
                 shuffle: bool = True, verbose: int = 0, epsilon: float = 0.1,
                 n_jobs: int | None = None, random_state=None,
                 learning_rate: str = "optimal", eta0: float = 0.01, power_t: float = 0.5,
                 early_stopping: bool = False, validation_fraction: float = 0.1,
                 n_iter_no_change: int = 5, class_weight=None, warm_start: bool = False,
                 average: bool | int = False) -> None:
        self.loss = loss
        self.penalty = penalty
        self.alpha = alpha
        self.l1_ratio = l1_ratio
        self.fit_intercept = fit_intercept
        self.max_iter = max_iter
        self.tol = tol
        self.shuffle = shuffle
        self.verbose = verbose
        self.epsilon = epsilon
        self.n_jobs = n_jobs
        self.random_state = random_state
        self.learning_rate = learning_rate
        self.eta0 = eta0
        self.power_t = power_t
        self.early_stopping = early_stopping
        self.validation_fraction = validation_fraction
        self.n_iter_no_change = n_iter_no_change
        self.class_weight = class_weight
        self.warm_start = warm_start
        self.average = average

    def fit(self, X: ArrayLike, y: ArrayLike, coef_init: ArrayLike | None = None,
            intercept_init: ArrayLike | None = None,
            sample_weight: ArrayLike | None = None) -> SGDClassifier:
        """Run SGD epochs (one-vs-all for K > 2 classes); returns self."""
        self._check_sgd_params()
        if hasattr(self, "classes_"):
            del self.classes_
        y_checked = np.asarray(y)
        if y_checked.ndim == 2 and y_checked.shape[1] == 1:
            y_checked = y_checked.ravel()
        classes = np.unique(y_checked)
        if self.warm_start and getattr(self, "coef_", None) is not None:
            coef_init = self.coef_ if coef_init is None else coef_init
            intercept_init = self.intercept_ if intercept_init is None else intercept_init
        else:
            self.coef_ = None
            self.intercept_ = None
        if self.average > 0:
            self._standard_coef, self._standard_intercept = self.coef_, self.intercept_
            self._average_coef = self._average_intercept = None
        self.t_ = 1.0
        self._partial_fit_in(X, y, self.max_iter, classes, sample_weight, coef_init,
                          intercept_init)
        self._warn_if_unfinished()
        return self

    def partial_fit(self, X: ArrayLike, y: ArrayLike, classes: ArrayLike | None = None,
                    sample_weight: ArrayLike | None = None) -> SGDClassifier:
        """One epoch over (X, y); ``classes`` (all the classes) is needed on the first
        call. Returns self."""
        if not hasattr(self, "classes_"):
            self._check_sgd_params(for_partial_fit=True)
            if self.class_weight == "balanced":
                raise ValueError(
                    "class_weight 'balanced' is not supported for partial_fit. In order to "
                    "use 'balanced' weights, use compute_class_weight('balanced', "
                    "classes=classes, y=y). In place of y you can use a large enough sample "
                    "of the full training set target to properly estimate the class "
                    "frequency distributions. Pass the resulting weights as the "
                    "class_weight parameter.")
        return self._partial_fit_in(X, y, 1, classes, sample_weight, None, None)

    def _partial_fit(self, X, y, max_iter, classes, sample_weight, coef_init, intercept_init):
        first_call = not hasattr(self, "classes_")
        X, y = validate_data(self, X, y, reset=first_call, dtype=FLOAT_DTYPES)
        check_classification_targets(y)
        X = np.ascontiguousarray(X, dtype=np.float64)
        n_samples, n_features = X.shape
        self._set_classes(classes)
        n_classes = self.classes_.shape[0]
        class_weights = self._class_weights(y)
        sample_weight = check_sample_weight(sample_weight, n_samples)
        if getattr(self, "coef_", None) is None or coef_init is not None:
            shape = (n_classes, n_features) if n_classes > 2 else (n_features,)
            self._init_coef(shape, coef_init, intercept_init, n_classes if n_classes > 2 else 1,
                            "``coef_``" if n_classes > 2 else "coef_init")
            if n_classes == 2:
                self.coef_ = self.coef_.reshape(1, -1)
                if self.average > 0:
                    self._standard_coef = self.coef_
                    self._average_coef = self._average_coef.reshape(1, -1)
        elif n_features != self.coef_.shape[-1]:
            raise ValueError(f"Number of features {n_features} does not match previous data "
                             f"{self.coef_.shape[-1]}.")
        self._loss = _make_loss(self.loss, self.epsilon)
        if not hasattr(self, "t_"):
            self.t_ = 1.0
        if n_classes > 2:
            self._fit_multiclass(X, y, class_weights, sample_weight, max_iter)
        elif n_classes == 2:
            self._fit_binary(X, y, class_weights, sample_weight, max_iter)
        else:
            raise ValueError(f"The number of classes has to be greater than one; got "
                             f"{n_classes} class")
        return self

    def _set_classes(self, classes) -> None:
        """scikit-learn's ``_check_partial_fit_first_call``."""
        if getattr(self, "classes_", None) is None and classes is None:
            raise ValueError("classes must be passed on the first call to partial_fit.")
        if classes is not None:
            classes = np.unique(np.asarray(classes))
            if getattr(self, "classes_", None) is not None:
                if not np.array_equal(self.classes_, classes):
                    raise ValueError(f"`classes={classes!r}` is not the same as on last call "
                                     f"to partial_fit, was: {self.classes_!r}")
            else:
                self.classes_ = classes

    def _class_weights(self, y: NDArray) -> NDArray[np.float64]:
        """The weight of each class (scikit-learn's ``compute_class_weight``)."""
        classes = self.classes_
        if self.class_weight is None or len(self.class_weight) == 0:
            return np.ones(len(classes))
        if self.class_weight == "balanced":
            if not np.isin(y, classes).all():
                raise ValueError("classes should include all valid labels that can be in y")
            counts = np.array([np.sum(y == c) for c in classes], dtype=np.float64)
            return len(y) / (len(classes) * counts)
        weight = np.ones(len(classes))
        unweighted = []
        for i, c in enumerate(classes):
            if c in self.class_weight:
                weight[i] = self.class_weight[c]
            else:
                unweighted.append(c)
        if unweighted and len(classes) - len(unweighted) != len(self.class_weight):
            raise ValueError(f"The classes, {np.array(unweighted).tolist()}, are not in "
                             "class_weight")
        return weight

    def _binary(self, i: int, X, y, pos_weight, neg_weight, sample_weight, max_iter,
                validation_mask, random_state):
        """Class i against the rest: labels +1/−1 (1/0 for log_loss), then the loop."""
        encode = isinstance(self._loss, _HalfBinomial)
        y_i = np.where(y == self.classes_[i], 1.0, 0.0 if encode else -1.0)
        row = 0 if len(self.classes_) == 2 else i
        if self.average:
            coef, intercept = self._standard_coef[row], self._standard_intercept[row]
            average_coef, average_intercept = \
                self._average_coef[row], self._average_intercept[row]
        else:
            coef, intercept = self.coef_[row], self.intercept_[row]
            average_coef, average_intercept = None, 0.0
        random_state = check_random_state(random_state)
        random_state.randint(1, MAX_INT)  # the dataset's seed (used by SAG, not by SGD)
        if validation_mask is None:
            validation_mask = self._validation_split(y_i, sample_weight > 0, stratify=True)
        score = None
        if self.early_stopping:
            X_val, y_val, w_val = \
                X[validation_mask], y_i[validation_mask], sample_weight[validation_mask]

            def score(v, b):  # accuracy of labels ±1 against y_val (as scikit-learn's)
                predicted = np.where(X_val @ v + b > 0, 1.0, -1.0)
                return float(np.average(predicted == y_val, weights=w_val))
        seed = int(random_state.randint(MAX_INT))
        result = self._run(coef.copy(), intercept,
                           None if average_coef is None else average_coef.copy(),
                           average_intercept, self._loss, X, y_i, sample_weight,
                           validation_mask, score, max_iter, seed, pos_weight, neg_weight)
        coef, b, average_coef, average_b, n_iter = result
        if self.average:
            self._standard_coef[row] = coef
            self._average_coef[row] = average_coef
            self._average_intercept[row] = average_b
        else:
            self.coef_[row] = coef
        return b, n_iter

    def _fit_binary(self, X, y, class_weights, sample_weight, max_iter) -> None:
        b, n_iter = self._binary(1, X, y, class_weights[1], class_weights[0], sample_weight,
                                 max_iter, None, self.random_state)
        self.t_ += n_iter * X.shape[0]
        self.n_iter_ = n_iter
        if self.average:
            if self.average <= self.t_ - 1.0:
                # averaging has started: the averages are the fit. Like scikit-learn, the
                # iterate's intercept is then not kept, so that a later partial_fit starts
                # the iterate from the intercept it had before averaging began
                self.coef_, self.intercept_ = self._average_coef, self._average_intercept
            else:
                self.coef_ = self._standard_coef
                self._standard_intercept = self.intercept_ = np.atleast_1d(b)
        else:
            self.intercept_ = np.atleast_1d(b)

    def _fit_multiclass(self, X, y, class_weights, sample_weight, max_iter) -> None:
        validation_mask = self._validation_split(y, sample_weight > 0, stratify=True)
        seeds = check_random_state(self.random_state).randint(MAX_INT, size=len(self.classes_))
        n_iter = 0
        for i, seed in enumerate(seeds):
            b, n_iter_i = self._binary(i, X, y, class_weights[i], 1.0, sample_weight, max_iter,
                                       validation_mask, int(seed))
            # in place, in whichever array intercept_ is: as scikit-learn, after averaging
            # has started that is the averages' array (so later partial_fits see iterates
            # there), before it the iterates' array
            self.intercept_[i] = b
            n_iter = max(n_iter, n_iter_i)
        self.t_ += n_iter * X.shape[0]
        self.n_iter_ = n_iter
        if self.average:
            if self.average <= self.t_ - 1.0:
                self.coef_, self.intercept_ = self._average_coef, self._average_intercept
            else:
                self.coef_ = self._standard_coef
                self._standard_intercept = self.intercept_ = np.atleast_1d(self.intercept_)

    def decision_function(self, X: ArrayLike) -> NDArray[np.float64]:
        """wₖᵀx + bₖ: shape (n_samples,) for two classes, (n_samples, n_classes) beyond."""
        check_is_fitted(self)
        X = validate_data(self, X, reset=False)
        scores = X @ self.coef_.T + self.intercept_
        return scores.ravel() if scores.shape[1] == 1 else scores

    def predict(self, X: ArrayLike) -> NDArray:
        """The class with the largest score (two classes: the second when score > 0)."""
        scores = self.decision_function(X)
        index = (scores > 0).astype(int) if scores.ndim == 1 else scores.argmax(axis=1)
        return self.classes_[index]

    def _check_proba(self) -> None:
        if self.loss not in ("log_loss", "modified_huber"):
            raise AttributeError(f"probability estimates are not available for loss={self.loss!r}")

    @property
    def predict_proba(self):
        """Class probabilities (log_loss and modified_huber only): σ(score) normalised over
        the one-vs-all problems, or (clip(score, −1, 1) + 1)/2 normalised."""
        self._check_proba()
        return self._predict_proba

    @property
    def predict_log_proba(self):
        """log of ``predict_proba``."""
        self._check_proba()
        return lambda X: np.log(self._predict_proba(X))

    def _predict_proba(self, X: ArrayLike) -> NDArray[np.float64]:
        scores = self.decision_function(X)
        if self.loss == "log_loss":
            prob = _logistic(scores)
            if prob.ndim == 1:
                return np.vstack([1 - prob, prob]).T
            return prob / prob.sum(axis=1).reshape((prob.shape[0], -1))
        prob = (np.clip(scores, -1, 1) + 1.0) / 2.0
        if scores.ndim == 1:
            return np.vstack([1 - prob, prob]).T
        total = prob.sum(axis=1)
        all_zero = total == 0
        prob[all_zero, :] = 1
        total[all_zero] = len(self.classes_)
        return prob / total.reshape((prob.shape[0], -1))
