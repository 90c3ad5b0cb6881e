"""AdaBoost for classification: SAMME, boosting weak classifiers by reweighting the samples.

Each stage fits a weak classifier (by default a decision stump, a tree of depth 1) to the
training data weighted by w, measures its weighted error err, gives it the vote
α = ν·(log((1 − err)/err) + log(K − 1)) and multiplies the weight of every sample it got
wrong by e^α, so that the next stage concentrates on them. The ensemble predicts the class
with the largest total vote. With K = 2 classes this is Freund and Schapire's AdaBoost; the
term log(K − 1) is what SAMME (Zhu, Zou, Rosset & Hastie 2009) adds so that a weak learner
only has to beat random guessing among K classes, err < 1 − 1/K, not err < 1/2.

The module opens with ``_textbook_AdaBoostClassifier``, the algorithm as a textbook writes it.
`AdaBoostClassifier` is the same mathematics with scikit-learn's bookkeeping: the same seed
drawn for each stage's tree, the weights clipped away from 0, the weighted error and the
reweighting formed with the same numpy operations (a sum of products divided by a sum; the
update as exp(log w + α·miss)), so that the same ``random_state`` gives bit for bit the same
trees, votes, errors and predictions as ``sklearn.ensemble.AdaBoostClassifier``.
"""
from __future__ import annotations

import inspect
import warnings
from collections.abc import Iterator
from numbers import Integral, Real
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._validation import _num_samples, check_array, check_random_state, validate_data
from ..base import BaseEstimator, ClassifierMixin, Interval, check_is_fitted, clone
from ..metrics import accuracy_score
from ..special import softmax

__all__ = ["AdaBoostClassifier"]

#: The seed each stage's estimator receives is drawn below this bound (scikit-learn's
#: ``np.iinfo(np.int32).max``, exclusive: seeds in [0, 2³¹ − 2]).
_MAX_SEED = np.iinfo(np.int32).max


def _stump(random_state: int | None):
    """A decision stump: a classification tree of depth 1 (imported here, not at the top, so
    that the module loads before `mathml.tree` does)."""
    from ..tree import DecisionTreeClassifier
    return DecisionTreeClassifier(max_depth=1, random_state=random_state)


def _textbook_AdaBoostClassifier(X: ArrayLike, y: ArrayLike, X_test: ArrayLike,
                                 n_estimators: int = 50, learning_rate: float = 1.0,
                                 random_state=None) -> NDArray:
    """SAMME as a textbook writes it (Hastie, Tibshirani & Friedman, Algorithm 10.1 with the
    log(K − 1) term of Zhu et al.): reweight, fit a stump, vote. Returns the predicted
    classes of X_test.

    .. math::

        \\mathrm{err}_m = \\frac{\\sum_i w_i [G_m(x_i) \\ne y_i]}{\\sum_i w_i}, \\quad
        \\alpha_m = \\nu \\Bigl(\\log\\frac{1 - \\mathrm{err}_m}{\\mathrm{err}_m}
                    + \\log(K - 1)\\Bigr), \\quad
        w_i \\leftarrow w_i \\, e^{\\alpha_m [G_m(x_i) \\ne y_i]},

        \\hat y(x) = \\arg\\max_k \\sum_m \\alpha_m [G_m(x) = k].

    `AdaBoostClassifier` computes the same stumps, votes and predictions
    (tests/test_adaboost.py compares them) with scikit-learn's order of operations.
    """
    X, y, X_test = np.asarray(X, dtype=float), np.asarray(y), np.asarray(X_test, dtype=float)
    classes = np.unique(y)
    K = len(classes)
    rng = check_random_state(random_state)
    w = np.full(len(y), 1 / len(y))
    votes = np.zeros((len(X_test), K))
    for _ in range(n_estimators):
        # Fit a weak learner G_m to the weighted samples (its seed drawn from random_state).
        G = _stump(rng.randint(_MAX_SEED)).fit(X, y, sample_weight=w)
        miss = G.predict(X) != y
        err = w[miss].sum() / w.sum()
        if err >= 1 - 1 / K:          # no better than guessing: G_m is dropped, stop
            break
        alpha = learning_rate * (np.log((1 - err) / err) + np.log(K - 1)) if err > 0 else 1.0
        votes += alpha * (G.predict(X_test)[:, None] == classes)
        if err == 0:                  # a perfect fit: nothing left to boost
            break
        # Up-weight the mistakes and renormalise.
        w = w * np.exp(alpha * miss)
        w = w / w.sum()
    return classes[np.argmax(votes, axis=1)]


class _HasMethods:
    """The constraint "an object implementing these methods" (scikit-learn's wording)."""

    def __init__(self, methods: list[str]) -> None:
        self.methods = methods

    def is_satisfied_by(self, value: Any) -> bool:
        return all(callable(getattr(value, m, None)) for m in self.methods)

    def __str__(self) -> str:
        names = [repr(m) for m in self.methods]
        listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        return f"an object implementing {listed}"




def _set_random_states(estimator, random_state: np.random.RandomState) -> None:
    """Give every ``random_state`` hyperparameter of `estimator` (nested ones included, in
    sorted order of their names) a seed drawn from `random_state`: scikit-learn's rule,
    which makes each stage's tree reproducible from the ensemble's one seed."""
    seeds = {key: random_state.randint(_MAX_SEED)
             for key in sorted(estimator.get_params(deep=True))
             if key == "random_state" or key.endswith("__random_state")}
    if seeds:
        estimator.set_params(**seeds)


def _check_weights(sample_weight: ArrayLike | None, n_samples: int) -> NDArray[np.float64]:
    """The sample weights as a new float64 array (ones for None), refused as scikit-learn
    refuses them: wrong shape, negative, all zero."""
    if sample_weight is None:
        return np.ones(n_samples)
    if isinstance(sample_weight, Real):
        w = np.full(n_samples, float(sample_weight))
    else:
        w = check_array(sample_weight, ensure_2d=False, input_name="sample_weight").copy()
        if w.ndim != 1:
            raise ValueError(f"Sample weights must be 1D array or scalar, got {w.ndim}D array. "
                             "Expected either a scalar value or a 1D array of length "
                             f"{n_samples}.")
        if w.shape != (n_samples,):
            raise ValueError(f"sample_weight.shape == {w.shape}, expected {(n_samples,)}!")
    if np.any(w < 0):
        raise ValueError("Negative values in data passed to `sample_weight`.")
    if np.all(w == 0):
        raise ValueError("Sample weights must contain at least one non-zero number.")
    return w


def _weighted_error(miss: NDArray[np.bool_], w: NDArray[np.float64]) -> float:
    """err = Σ_i w_i [miss_i] / Σ_i w_i: the sum of the products over the sum of the
    weights, both summed as numpy sums (what ``np.average`` computes)."""
    return float(np.multiply(miss, w).sum() / w.sum())


def _samme_alpha(err: float, K: int, learning_rate: float) -> float:
    """The vote of a stage, α = ν (log((1 − err)/err) + log(K − 1))."""
    return learning_rate * (np.log((1.0 - err) / err) + np.log(K - 1.0))


def _reweight(w: NDArray[np.float64], miss: NDArray[np.bool_], alpha: float) -> NDArray:
    """w_i e^{α [miss_i]} for the positive weights, as exp(log w + α·miss): scikit-learn's
    form (a zero weight stays 0: log 0 = −∞)."""
    with np.errstate(divide="ignore"):  # log 0 = −∞ is the intended value for a zero weight
        return np.exp(np.log(w) + alpha * miss * (w > 0))


class AdaBoostClassifier(ClassifierMixin, BaseEstimator):
    """AdaBoost-SAMME: a weighted vote of weak classifiers, each fitted to reweighted samples.

    Each stage's weak learner G_m is fitted with more weight on the samples its predecessors
    got wrong, and votes with weight α_m.

    SAMME fits the additive model f(x) = Σ_m α_m h_m(x) stage by stage to the multi-class
    exponential loss, with the class coded as the vector y_k = 1 for the true class and
    −1/(K − 1) for the others (so that Σ_k y_k = 0), and h_m(x) the same coding of the
    weak learner's prediction G_m(x):

    .. math::

        L(y, f) = \\exp\\Bigl(-\\frac{1}{K} y^\\top f(x)\\Bigr), \\qquad
        (\\alpha_m, G_m) = \\arg\\min_{\\alpha, G} \\sum_i w_i^{(m)}
            \\exp\\Bigl(-\\frac{1}{K} \\alpha \\, y_i^\\top h(x_i)\\Bigr),
        \\quad w_i^{(m)} = \\exp\\Bigl(-\\frac{1}{K} y_i^\\top f_{m-1}(x_i)\\Bigr).

    The product y_iᵀh(x_i) takes only two values, K/(K − 1) when G(x_i) = y_i and
    −K/(K − 1)² otherwise, so the loss is a weighted count of mistakes: G_m is the
    classifier of smallest weighted error err, and setting the derivative in α to 0 gives

    .. math::

        \\alpha_m = \\frac{(K - 1)^2}{K} \\Bigl(\\log\\frac{1 - \\mathrm{err}_m}
            {\\mathrm{err}_m} + \\log(K - 1)\\Bigr),

    positive exactly when err_m < 1 − 1/K — better than guessing among K classes, which is
    why log(K − 1) is there (with K = 2 it vanishes: AdaBoost.M1). The constant
    (K − 1)²/K multiplies every α alike and is dropped; the new weights are
    w_i^{(m+1)} ∝ w_i^{(m)} e^{α_m [G_m(x_i) ≠ y_i]}. The learning rate ν shrinks each α.

    Parameters
    ----------
    estimator : classifier or None, default None
        The weak learner, cloned at each stage; its ``fit`` must take ``sample_weight``.
        None is a decision stump, ``DecisionTreeClassifier(max_depth=1)``.
    n_estimators : int ≥ 1, default 50
        The largest number of stages (fewer after a perfect fit or a useless learner).
    learning_rate : float > 0, default 1.0
        ν, multiplying every vote α_m.
    random_state : None, int or numpy.random.RandomState
        Draws one seed per stage for the estimator's ``random_state`` hyperparameters.

    Attributes
    ----------
    estimator_ : the weak learner the stages are cloned from.
    estimators_ : list of fitted classifiers, one per stage kept.
    estimator_weights_ : ndarray of shape (n_estimators,)
        α_m (1.0 for a stage that fits perfectly; 0 for stages not run).
    estimator_errors_ : ndarray of shape (n_estimators,)
        err_m (1.0 for stages not run).
    classes_ : ndarray of shape (n_classes,)
    n_classes_ : int
    feature_importances_ : ndarray of shape (n_features,)
        The α-weighted mean of the stages' feature importances.
    n_features_in_ : int

    Raises
    ------
    ValueError
        Invalid hyperparameters (InvalidParameterError), an estimator whose ``fit`` takes no
        ``sample_weight``, a first stage no better than guessing ("worse than random"),
        scikit-learn's input checks (NaN, 1-D X, continuous y, negative weights, wrong
        feature count at predict).

    Warns
    -----
    UserWarning
        The sample weights overflowed (boosting stops; lower the learning rate).

    Notes
    -----
    *Algorithm*: w_i = sample_weight_i / Σ sample_weight; for m = 1 … M:
    1. clip the weights at eps = 2.2e-16 from below (a weight given as 0 stays 0) and fit a
    clone of the estimator, seeded from random_state, to (X, y, w);
    2. err_m = Σ w_i [G_m(x_i) ≠ y_i] / Σ w_i; if err_m = 0, keep G_m with α_m = 1 and stop;
    if err_m ≥ 1 − 1/K, drop G_m and stop (an error if it is the first stage);
    3. α_m = ν (log((1 − err_m)/err_m) + log(K − 1));
    4. w_i ← w_i e^{α_m [G_m(x_i) ≠ y_i]} (not after the last stage), then divide by Σ w
    (stop if the sum overflows).
    Prediction: the decision f_k(x) = Σ_m α_m h_mk(x) / Σ_m α_m with h_mk = 1 if G_m(x) = k,
    else −1/(K − 1); the class of largest f_k (for K = 2, the sign of f_2 − f_1 after
    scikit-learn's folding into one column); probabilities softmax(f/(K − 1)), the
    minimiser of the expected exponential loss (Zhu et al., eq. 15).
    *The textbook algorithm* `_textbook_AdaBoostClassifier` is steps 1–4 without the
    clipping; this implementation forms the same numbers in scikit-learn's order.
    *Complexity*: M stages of one weak-learner fit (O(d · n log n) for a stump) plus O(n).
    *Numerical stability*: the weights are renormalised after every stage, and updated as
    exp(log w + α·miss), so no product of many factors is formed; clipping at eps keeps a
    weight from underflowing to 0 and being lost for good.

    References
    ----------
    Zhu, Zou, Rosset & Hastie, "Multi-class AdaBoost", Statistics and its Interface 2 (2009);
    Hastie, Tibshirani & Friedman, The Elements of Statistical Learning, 2nd ed., §10.1–10.4.

    Checked against ``reference.ensemble.AdaBoostClassifier`` →
    ``sklearn.ensemble.AdaBoostClassifier``; the same random_state gives identical trees,
    bit-for-bit equal estimator_weights_, estimator_errors_, decision functions and
    probabilities. mathml computes in float64 and refuses sparse X.

    Examples
    --------
    >>> X = np.array([[0.], [1.], [2.], [3.], [4.], [5.]])
    >>> clf = AdaBoostClassifier(n_estimators=5, random_state=0).fit(X, [0, 0, 1, 1, 0, 0])
    >>> clf.predict([[0.5], [2.5], [4.5]]).tolist()
    [0, 1, 0]
    """

    _parameter_constraints = {
        "estimator": [_HasMethods(["fit", "predict"]), None],
        "n_estimators": [Interval(Integral, 1, None, closed="left")],
        "learning_rate": [Interval(Real, 0, None, closed="neither")],
        "random_state": ["random_state"],
    }

    def __init__(self, estimator=None, *, n_estimators: int = 50, learning_rate: float = 1.0,
                 random_state=None) -> None:
        self.estimator = estimator
        self.n_estimators = n_estimators
        self.learning_rate = learning_rate
        self.random_state = random_state

    # --- fitting ------------------------------------------------------------------------------

    def fit(self, X: ArrayLike, y: ArrayLike,
            sample_weight: ArrayLike | None = None) -> AdaBoostClassifier:
        """Boost `n_estimators` stages on (X, y), weighted by `sample_weight`; returns self."""
        self._validate_hyperparameters()
        X, y = validate_data(self, X, y)
        w = _check_weights(sample_weight, X.shape[0])
        w = w / w.sum()
        self._validate_estimator()
        self.estimators_: list = []
        self.estimator_weights_ = np.zeros(self.n_estimators)
        self.estimator_errors_ = np.ones(self.n_estimators)
        random_state = check_random_state(self.random_state)
        eps = np.finfo(np.float64).eps
        given_zero = w == 0.0
        for m in range(self.n_estimators):
            # Step 1: no weight below eps (those given as 0 stay 0), then a weak learner.
            w = np.clip(w, eps, None)
            w[given_zero] = 0.0
            G = self._fit_stage(X, y, w, random_state)
            if m == 0:
                self.classes_ = G.classes_
                self.n_classes_ = len(self.classes_)
            K = self.n_classes_
            # Step 2: its weighted error; stop on a perfect fit or a useless learner.
            miss = G.predict(X) != y
            err = _weighted_error(miss, w)
            if err <= 0:
                self.estimators_.append(G)
                self.estimator_weights_[m], self.estimator_errors_[m] = 1.0, 0.0
                break
            if err >= 1.0 - 1.0 / K:
                if m == 0:
                    raise ValueError("BaseClassifier in AdaBoostClassifier ensemble is worse "
                                     "than random, ensemble can not be fit.")
                break
            # Step 3: its vote.
            alpha = _samme_alpha(err, K, self.learning_rate)
            self.estimators_.append(G)
            self.estimator_weights_[m], self.estimator_errors_[m] = alpha, err
            if m == self.n_estimators - 1:
                break
            # Step 4: up-weight its mistakes, renormalise.
            w = _reweight(w, miss, alpha)
            total = np.sum(w)
            if not np.isfinite(total):
                warnings.warn(f"Sample weights have reached infinite values, at iteration {m}, "
                              "causing overflow. Iterations stopped. Try lowering the "
                              "learning rate.", stacklevel=2)
                break
            if total <= 0:
                break
            w /= total
        return self

    def _validate_estimator(self) -> None:
        """``estimator_``: the given estimator, or a stump; its fit must take sample_weight."""
        self.estimator_ = self.estimator if self.estimator is not None else _stump(None)
        if "sample_weight" not in inspect.signature(self.estimator_.fit).parameters:
            raise ValueError(f"{self.estimator.__class__.__name__} doesn't support "
                             "sample_weight.")

    def _fit_stage(self, X, y, w, random_state: np.random.RandomState):
        """Step 1: a clone of ``estimator_``, seeded from `random_state`, fitted to (X, y, w)."""
        G = clone(self.estimator_)
        _set_random_states(G, random_state)
        return G.fit(X, y, sample_weight=w)

    # --- prediction ---------------------------------------------------------------------------

    def _check_X(self, X: ArrayLike) -> NDArray[np.float64]:
        check_is_fitted(self)
        return validate_data(self, X, reset=False)

    def _votes(self, X: NDArray, G, alpha: float) -> NDArray[np.float64]:
        """α h(x) for one stage, shape (n_samples, K): α for the class G predicts, −α/(K − 1)
        for the others."""
        predicted = (G.predict(X) == self.classes_[:, np.newaxis]).T
        return np.where(predicted, alpha, -1 / (self.n_classes_ - 1) * alpha)

    def _folded(self, f: NDArray) -> NDArray:
        """The decision as returned: for K = 2 one column, f_2 − f_1 (f_1 = −f_2)."""
        if self.n_classes_ == 2:
            f[:, 0] *= -1
            return f.sum(axis=1)
        return f

    def decision_function(self, X: ArrayLike) -> NDArray[np.float64]:
        """f(x) = Σ_m α_m h_m(x) / Σ_m α_m, shape (n_samples, K), or (n_samples,) for K = 2
        (positive for classes_[1])."""
        X = self._check_X(X)
        if self.n_classes_ == 1:
            return np.zeros((X.shape[0], 1))
        f = sum(self._votes(X, G, alpha)
                for G, alpha in zip(self.estimators_, self.estimator_weights_))
        f /= self.estimator_weights_.sum()
        return self._folded(f)

    def staged_decision_function(self, X: ArrayLike) -> Iterator[NDArray[np.float64]]:
        """The decision function after each stage (the vote of the first m stages)."""
        X = self._check_X(X)
        f, norm = None, 0.0
        for alpha, G in zip(self.estimator_weights_, self.estimators_):
            norm += alpha
            votes = self._votes(X, G, alpha)
            f = votes if f is None else f + votes
            if self.n_classes_ == 2:  # folded after the division, as scikit-learn does
                folded = f.copy()
                folded[:, 0] *= -1
                yield (folded / norm).sum(axis=1)
            else:
                yield f / norm

    def _proba(self, decision: NDArray) -> NDArray[np.float64]:
        """softmax(f/(K − 1)) per sample; for K = 2 the folded decision d becomes (−d, d)/2."""
        if self.n_classes_ == 2:
            decision = np.vstack([-decision, decision]).T / 2
        else:
            decision /= self.n_classes_ - 1
        return softmax(decision, axis=1)

    def predict(self, X: ArrayLike) -> NDArray:
        """The class of largest decision, shape (n_samples,)."""
        f = self.decision_function(X)
        if self.n_classes_ == 2:
            return self.classes_.take(f > 0, axis=0)
        return self.classes_.take(np.argmax(f, axis=1), axis=0)

    def predict_proba(self, X: ArrayLike) -> NDArray[np.float64]:
        """P(class k | x) = softmax(f(x)/(K − 1))_k, shape (n_samples, n_classes)."""
        check_is_fitted(self)
        if self.n_classes_ == 1:
            return np.ones((_num_samples(X), 1))
        return self._proba(self.decision_function(X))

    def predict_log_proba(self, X: ArrayLike) -> NDArray[np.float64]:
        """log P(class k | x), shape (n_samples, n_classes)."""
        return np.log(self.predict_proba(X))

    def staged_predict(self, X: ArrayLike) -> Iterator[NDArray]:
        """The predictions after each stage."""
        X = self._check_X(X)
        for f in self.staged_decision_function(X):
            if self.n_classes_ == 2:
                yield self.classes_.take(f > 0, axis=0)
            else:
                yield self.classes_.take(np.argmax(f, axis=1), axis=0)

    def staged_predict_proba(self, X: ArrayLike) -> Iterator[NDArray[np.float64]]:
        """The class probabilities after each stage."""
        for f in self.staged_decision_function(X):
            yield self._proba(f)

    def staged_score(self, X: ArrayLike, y: ArrayLike,
                     sample_weight: ArrayLike | None = None) -> Iterator[float]:
        """The accuracy on (X, y) after each stage."""
        X = self._check_X(X)
        for y_pred in self.staged_predict(X):
            yield accuracy_score(y, y_pred, sample_weight=sample_weight)

    @property
    def feature_importances_(self) -> NDArray[np.float64]:
        """Σ_m α_m · (importances of G_m) / Σ_m α_m."""
        check_is_fitted(self)
        norm = self.estimator_weights_.sum()
        return sum(alpha * G.feature_importances_
                   for alpha, G in zip(self.estimator_weights_, self.estimators_)) / norm

    # --- the ensemble as a sequence of its stages --------------------------------------------

    def __len__(self) -> int:
        return len(self.estimators_)

    def __getitem__(self, index):
        return self.estimators_[index]

    def __iter__(self):
        return iter(self.estimators_)
