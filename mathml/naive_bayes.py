"""Naive Bayes classifiers: Gaussian, multinomial and Bernoulli likelihoods.

All three predict with Bayes' rule under the assumption that the features are independent
given the class:

    log P(c | x) = log P(c) + Σ_j log P(x_j | c) − log Σ_c' P(c') Π_j P(x_j | c'),

the normaliser computed with log-sum-exp so that tiny likelihoods do not underflow.
"""
from __future__ import annotations

from numbers import Real
from typing import ClassVar

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validation import (check_classification_targets, column_or_1d, float_dtype_of,
                          validate_data)
from .base import BaseEstimator, ClassifierMixin, Interval, check_is_fitted
from .special import logsumexp

__all__ = ["GaussianNB", "MultinomialNB", "BernoulliNB"]


class _BaseNB(ClassifierMixin, BaseEstimator):
    """Prediction from the joint log-likelihood ``_joint_log_likelihood(X)`` (n × K)."""

    # parameters of the subclasses that use _class_log_prior (MultinomialNB, BernoulliNB)
    class_prior: ArrayLike | None
    fit_prior: bool

    def _fit_data(self, X: ArrayLike, y: ArrayLike) -> tuple[NDArray, NDArray]:
        self._validate_hyperparameters()
        X, y = validate_data(self, X, y)
        check_classification_targets(y)
        self.classes_, y_index = np.unique(y, return_inverse=True)
        return X, np.eye(len(self.classes_))[y_index]

    def _first_partial_fit(self, classes: ArrayLike | None) -> bool:
        """scikit-learn's rule for `partial_fit`: `classes` (all the labels there will be)
        is required on the first call and must be the same on later ones; True on the
        first call, which sets ``classes_``."""
        known = getattr(self, "classes_", None)
        if known is None and classes is None:
            raise ValueError("classes must be passed on the first call to partial_fit.")
        if classes is None:
            return False
        check_classification_targets(classes)
        given = np.unique(np.asarray(classes))
        if known is not None:
            if not np.array_equal(known, given):
                raise ValueError(f"`classes={classes!r}` is not the same as on last call to "
                                 f"partial_fit, was: {known!r}")
            return False
        self.classes_ = given
        return True

    def _joint_log_likelihood(self, X: ArrayLike) -> NDArray:
        """log P(c) + log P(x | c), shape (n_samples, n_classes): each subclass's own."""
        raise NotImplementedError

    def _class_log_prior(self, class_count: NDArray) -> NDArray:
        if self.class_prior is not None:
            prior = np.asarray(self.class_prior, dtype=float)
            if prior.shape != class_count.shape:
                raise ValueError("Number of priors must match number of classes.")
            return np.log(prior)
        if self.fit_prior:
            with np.errstate(divide="ignore"):  # a class not seen yet (partial_fit): log 0
                return np.log(class_count) - np.log(class_count.sum())
        return np.full(len(class_count), -np.log(len(class_count)))

    def predict_log_proba(self, X: ArrayLike) -> NDArray[np.floating]:
        """log P(c | x), shape (n_samples, n_classes), in the type of the joint
        log-likelihood (normalised in float64)."""
        jll = self._joint_log_likelihood(X)
        jll64 = jll.astype(np.float64)
        return (jll64 - logsumexp(jll64, axis=1, keepdims=True)).astype(jll.dtype, copy=False)

    def predict_proba(self, X: ArrayLike) -> NDArray[np.floating]:
        """P(c | x), shape (n_samples, n_classes)."""
        return np.exp(self.predict_log_proba(X))

    def predict(self, X: ArrayLike) -> NDArray:
        """The class of largest posterior."""
        jll = self._joint_log_likelihood(X)  # first: it checks that the model is fitted
        return self.classes_[jll.argmax(axis=1)]

    def _checked(self, X: ArrayLike) -> NDArray:
        check_is_fitted(self)
        return validate_data(self, X, reset=False)


def _variance(X: NDArray) -> NDArray:
    """Per-column population variance, two-pass: the mean of squared deviations from the
    mean (numpy's own sums and divisions, so the numbers are ``np.var``'s)."""
    n = X.shape[0]
    D = X - X.sum(axis=0) / n
    return (D * D).sum(axis=0) / n


def _update_mean_variance(n_past: float, mu: NDArray, var: NDArray, X: NDArray
                          ) -> tuple[NDArray, NDArray]:
    """Mean and variance of the past n_past points (mu, var) and the rows of X together
    (Chan, Golub & LeVeque): the means weighted by their counts, and the sums of squared
    deviations S = S_past + S_new + (n_new n_past / n)(μ_past − μ_new)², in scikit-learn's
    order of operations."""
    n_new = X.shape[0]
    if n_new == 0:
        return mu, var
    new_mu, new_var = X.sum(axis=0) / n_new, _variance(X)
    if n_past == 0:
        return new_mu, new_var
    n_total = float(n_past + n_new)
    total_mu = (n_new * new_mu + n_past * mu) / n_total
    total_ssd = n_past * var + n_new * new_var + (n_new * n_past / n_total) * (mu - new_mu) ** 2
    return total_mu, total_ssd / n_total


class GaussianNB(_BaseNB):
    """Naive Bayes with a Gaussian likelihood per feature and class.

    .. math::

        \\log P(x \\mid c) = -\\frac12 \\sum_j \\Big[\\log(2\\pi\\sigma^2_{cj})
        + \\frac{(x_j - \\theta_{cj})^2}{\\sigma^2_{cj}}\\Big], \\qquad
        \\sigma^2_{cj} = \\operatorname{Var}(x_j \\mid c) + \\epsilon, \\quad
        \\epsilon = \\text{var\\_smoothing} \\cdot \\max_j \\operatorname{Var}(x_j)

    Parameters
    ----------
    priors : array_like of shape (n_classes,), optional
        Class priors (default: the class frequencies).
    var_smoothing : float ≥ 0, default 1e-9

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
    class_count_, class_prior_ : ndarray of shape (n_classes,)
    theta_, var_ : ndarray of shape (n_classes, n_features)
    epsilon_ : float
    n_features_in_ : int

    Raises
    ------
    ValueError
        Priors that do not sum to 1 or are negative, scikit-learn's input checks.

    Notes
    -----
    *Algorithm*: 1. per class, the sample mean and the (ddof 0) variance of each feature
    (``partial_fit``: pooled with those of the earlier batches, Chan, Golub & LeVeque:
    :math:`S = S_a + S_b + \\frac{n_a n_b}{n}(\\mu_a - \\mu_b)^2` for the sums of squared
    deviations); 2. add ε to every variance, ε from the latest batch's largest feature
    variance (scikit-learn's rule; before pooling it takes the *new* ε off the stored
    variances, kept for the same numbers); 3. predict with the joint log-likelihood.
    *Complexity*: O(n p) to fit, O(m K p) to predict.
    *Numerical stability*: variances as means of squared deviations (two-pass, not
    E[x²] − E[x]²); posteriors through log-sum-exp.

    References
    ----------
    Hastie, Tibshirani & Friedman, The Elements of Statistical Learning, 2nd ed., §6.6.3.

    Checked against ``reference.naive_bayes.GaussianNB`` → ``sklearn.naive_bayes.GaussianNB``.

    Examples
    --------
    >>> X = np.array([[0.0], [1.0], [10.0], [11.0]]); y = np.array([0, 0, 1, 1])
    >>> GaussianNB().fit(X, y).predict([[2.0], [9.0]]).tolist()
    [0, 1]
    """

    _parameter_constraints = {"priors": ["array-like", None],
                              "var_smoothing": [Interval(Real, 0, None, closed="left")]}

    theta_: NDArray[np.floating]
    var_: NDArray[np.floating]
    class_count_: NDArray[np.floating]
    class_prior_: NDArray[np.floating]

    def __init__(self, *, priors: ArrayLike | None = None, var_smoothing: float = 1e-9) -> None:
        self.priors = priors
        self.var_smoothing = var_smoothing

    def fit(self, X: ArrayLike, y: ArrayLike) -> GaussianNB:
        """Estimate the class means and variances: a `partial_fit` from nothing with all
        the classes of `y`; returns self."""
        self._validate_hyperparameters()
        if y is None:  # scikit-learn checks y alone first
            raise ValueError(f"This {type(self).__name__} estimator requires y to be passed, "
                             "but the target y is None.")
        y = column_or_1d(y, warn=True)
        check_classification_targets(y)
        self.__dict__.pop("classes_", None)  # start over
        return self._partial_fit(X, y, classes=np.unique(y))

    def partial_fit(self, X: ArrayLike, y: ArrayLike,
                    classes: ArrayLike | None = None) -> GaussianNB:
        """Update the class means and variances with one more batch; `classes` (every label
        there will be) is required on the first call. Returns self."""
        self._validate_hyperparameters()
        return self._partial_fit(X, y, classes)

    def _partial_fit(self, X: ArrayLike, y: ArrayLike, classes: ArrayLike | None) -> GaussianNB:
        first = self._first_partial_fit(classes)
        # scikit-learn keeps the types of the first batch: float32 for float32 X (mathml
        # computes in float64 and stores the results in that type)
        batch_type = float_dtype_of(X)
        X, y = validate_data(self, X, y, reset=first)
        # Step 2's ε from this batch alone (as scikit-learn: its variance, not the pooled one).
        epsilon = self.var_smoothing * _variance(X).max()
        self.epsilon_ = batch_type(epsilon)
        if first:
            K, p = len(self.classes_), X.shape[1]
            fit_type: type = batch_type
            theta, var, count = np.zeros((K, p)), np.zeros((K, p)), np.zeros(K)
            prior = np.zeros(K) if self.priors is None else self._priors()
        else:
            fit_type = self.theta_.dtype.type
            theta, var, count, prior = (np.array(a, dtype=np.float64) for a in
                                        (self.theta_, self.var_, self.class_count_,
                                         self.class_prior_))
            # scikit-learn takes the *new* ε off the stored variances before pooling (it
            # added the previous batch's): kept, so that the numbers are the same
            var -= epsilon
        seen = np.unique(y)
        unknown = ~np.isin(seen, self.classes_)
        if unknown.any():
            raise ValueError(f"The target label(s) {seen[unknown]} in y do not exist in the "
                             f"initial classes {self.classes_}")
        # Step 1: per class, pool the batch's mean and variance with the stored ones.
        for i in np.searchsorted(self.classes_, seen):
            X_c = X[y == self.classes_[i]]
            theta[i], var[i] = _update_mean_variance(count[i], theta[i], var[i], X_c)
            count[i] += X_c.shape[0]
        var += epsilon
        if self.priors is None:
            prior = count / count.sum()
        self.theta_, self.var_ = theta.astype(fit_type), var.astype(fit_type)
        self.class_count_, self.class_prior_ = count.astype(fit_type), prior.astype(fit_type)
        return self

    def _priors(self) -> NDArray:
        if self.priors is None:
            return self.class_count_ / self.class_count_.sum()
        priors = np.asarray(self.priors, dtype=float)
        if len(priors) != len(self.classes_):
            raise ValueError("Number of priors must match number of classes.")
        if not np.isclose(priors.sum(), 1.0):
            raise ValueError("The sum of the priors should be 1.")
        if (priors < 0).any():
            raise ValueError("Priors must be non-negative.")
        return priors

    def _joint_log_likelihood(self, X: ArrayLike) -> NDArray:
        # Step 3: log P(c) − ½ Σ_j [log 2πσ² + (x − θ)²/σ²].
        jll_type = np.result_type(float_dtype_of(X), getattr(self, "theta_", np.empty(0)))
        X = self._checked(X)
        theta, var, prior = (np.asarray(a, dtype=np.float64) for a in
                             (self.theta_, self.var_, self.class_prior_))
        log_norm = -0.5 * np.log(2.0 * np.pi * var).sum(axis=1)
        quad = ((X[:, None, :] - theta[None]) ** 2 / var[None]).sum(axis=2)
        # float64 arithmetic, scikit-learn's type: float32 when X and the fit are
        return (np.log(prior) + (log_norm - 0.5 * quad)).astype(jll_type, copy=False)


class _BaseDiscreteNB(_BaseNB):
    """Counting naive Bayes: ``fit`` and ``partial_fit`` add the batch's counts per class
    (``_count``), then smooth them into log-probabilities (``_update_feature_log_prob``)."""

    alpha: float | ArrayLike

    def _count(self, X: NDArray, Y: NDArray) -> None:
        raise NotImplementedError

    def _alpha(self) -> float | NDArray:
        """α, a number or one per feature (an array of n_features non-negative values),
        checked with scikit-learn's messages."""
        if isinstance(self.alpha, Real):
            return float(self.alpha)
        alpha = np.asarray(self.alpha, dtype=np.float64)
        p = self.feature_count_.shape[1]
        if alpha.shape[0] != p:
            raise ValueError("When alpha is an array, it should contains `n_features`. "
                             f"Got {alpha.shape[0]} elements instead of {p}.")
        if alpha.min() < 0:
            raise ValueError("All values in alpha must be greater than 0.")
        return alpha

    def _update_feature_log_prob(self) -> None:
        raise NotImplementedError

    def _start_counts(self, n_classes: int, n_features: int) -> None:
        self.class_count_ = np.zeros(n_classes)
        self.feature_count_ = np.zeros((n_classes, n_features))

    def fit(self, X: ArrayLike, y: ArrayLike) -> _BaseDiscreteNB:
        """Count and smooth; returns self."""
        X, Y = self._fit_data(X, y)
        self._start_counts(Y.shape[1], X.shape[1])
        self._count(X, Y)
        self._update_feature_log_prob()
        self.class_log_prior_ = self._class_log_prior(self.class_count_)
        return self

    def partial_fit(self, X: ArrayLike, y: ArrayLike,
                    classes: ArrayLike | None = None) -> _BaseDiscreteNB:
        """Add one more batch's counts and smooth again; `classes` (every label there will
        be) is required on the first call. Returns self."""
        self._validate_hyperparameters()
        X, y = validate_data(self, X, y, reset=not hasattr(self, "classes_"))
        if self._first_partial_fit(classes):
            self._start_counts(len(self.classes_), X.shape[1])
        # one indicator column per class (a label outside `classes` counts for none)
        Y = (y[:, None] == self.classes_[None, :]).astype(np.float64)
        self._count(X, Y)
        self._update_feature_log_prob()
        self.class_log_prior_ = self._class_log_prior(self.class_count_)
        return self


class MultinomialNB(_BaseDiscreteNB):
    """Naive Bayes with a multinomial likelihood (count features), Lidstone smoothing.

    .. math::

        \\log P(x \\mid c) = \\sum_j x_j \\log \\hat\\theta_{cj}, \\qquad
        \\hat\\theta_{cj} = \\frac{N_{cj} + \\alpha}{N_c + \\alpha p}

    Parameters
    ----------
    alpha : float ≥ 0 or array-like of shape (n_features,), default 1.0
        Additive smoothing, one for all features or one per feature (used as given,
        scikit-learn's ``force_alpha=True``).
    fit_prior : bool, default True
        Learn the class priors (else uniform).
    class_prior : array_like of shape (n_classes,), optional

    Attributes
    ----------
    classes_, class_count_, class_log_prior_ : ndarray of shape (n_classes,)
    feature_count_, feature_log_prob_ : ndarray of shape (n_classes, n_features)
    n_features_in_ : int

    Raises
    ------
    ValueError
        Negative entries in X ("Negative values in data passed to MultinomialNB"), scikit-learn's
        input checks.

    Notes
    -----
    *Algorithm*: 1. count features per class (Yᵀ X; ``partial_fit`` adds each batch's
    counts); 2. smooth and normalise in logs;
    3. predict with X log θᵀ + log prior.
    *Complexity*: O(n K p). *Numerical stability*: probabilities kept as logarithms.

    References
    ----------
    Manning, Raghavan & Schütze, Introduction to Information Retrieval, 2008, §13.2.

    Checked against ``reference.naive_bayes.MultinomialNB`` →
    ``sklearn.naive_bayes.MultinomialNB(force_alpha=True)``.

    Examples
    --------
    >>> X = np.array([[3, 0], [2, 1], [0, 3], [1, 2]]); y = np.array([0, 0, 1, 1])
    >>> MultinomialNB().fit(X, y).predict([[4, 0], [0, 4]]).tolist()
    [0, 1]
    """

    # the tags scikit-learn declares for its MultinomialNB
    _sklearn_tags: ClassVar[dict[str, object]] = {"input_tags.positive_only": True,
                                                  "classifier_tags.poor_score": True}

    _parameter_constraints = {"alpha": [Interval(Real, 0, None, closed="left"), "array-like"],
                              "fit_prior": ["boolean"], "class_prior": ["array-like", None]}

    def __init__(self, *, alpha: float = 1.0, fit_prior: bool = True,
                 class_prior: ArrayLike | None = None) -> None:
        self.alpha = alpha
        self.fit_prior = fit_prior
        self.class_prior = class_prior

    def _check_non_negative(self, X: NDArray) -> None:
        if (X < 0).any():
            raise ValueError(f"Negative values in data passed to {type(self).__name__} "
                             "(input X).")

    def _count(self, X: NDArray, Y: NDArray) -> None:
        # Step 1: counts (added to those of earlier batches).
        self._check_non_negative(X)
        self.feature_count_ += Y.T @ X
        self.class_count_ += Y.sum(axis=0)

    def _update_feature_log_prob(self) -> None:
        # Step 2: log θ = log(N_cj + α) − log(N_c + αp).
        smoothed = self.feature_count_ + self._alpha()
        self.feature_log_prob_ = np.log(smoothed) - np.log(smoothed.sum(axis=1, keepdims=True))

    def _joint_log_likelihood(self, X: ArrayLike) -> NDArray:
        # Step 3: X log θᵀ + log prior.
        X = self._checked(X)
        self._check_non_negative(X)
        return X @ self.feature_log_prob_.T + self.class_log_prior_


class BernoulliNB(_BaseDiscreteNB):
    """Naive Bayes with a Bernoulli likelihood (binary features).

    .. math::

        \\log P(x \\mid c) = \\sum_j \\big[x_j \\log \\hat\\theta_{cj}
        + (1 - x_j)\\log(1 - \\hat\\theta_{cj})\\big],
        \\qquad \\hat\\theta_{cj} = \\frac{N_{cj} + \\alpha}{N_c + 2\\alpha}

    Parameters
    ----------
    alpha : float ≥ 0 or array-like of shape (n_features,), default 1.0
        Additive smoothing, one for all features or one per feature (used as given,
        scikit-learn's ``force_alpha=True``).
    binarize : float in [0, inf) or None, default 0.0
        Threshold: x_j > binarize counts as 1; None when X is already binary.
    fit_prior : bool, default True
    class_prior : array_like of shape (n_classes,), optional

    Attributes
    ----------
    classes_, class_count_, class_log_prior_ : ndarray of shape (n_classes,)
    feature_count_, feature_log_prob_ : ndarray of shape (n_classes, n_features)
    n_features_in_ : int

    Raises
    ------
    ValueError
        scikit-learn's input checks.

    Notes
    -----
    *Algorithm*: 1. binarise; 2. count (``partial_fit``: added batch by batch) and smooth;
    3. predict with
    X (log θ − log(1−θ))ᵀ + Σ_j log(1−θ) + log prior.
    *Complexity*: O(n K p). *Numerical stability*: probabilities kept as logarithms.

    References
    ----------
    Manning, Raghavan & Schütze, Introduction to Information Retrieval, 2008, §13.3.

    Checked against ``reference.naive_bayes.BernoulliNB`` →
    ``sklearn.naive_bayes.BernoulliNB(force_alpha=True)``.

    Examples
    --------
    >>> X = np.array([[1, 0], [1, 0], [0, 1], [0, 1]]); y = np.array([0, 0, 1, 1])
    >>> BernoulliNB().fit(X, y).predict([[1, 0], [0, 1]]).tolist()
    [0, 1]
    """

    # the tags scikit-learn declares for its BernoulliNB
    _sklearn_tags: ClassVar[dict[str, object]] = {"classifier_tags.poor_score": True}

    _parameter_constraints = {"alpha": [Interval(Real, 0, None, closed="left"), "array-like"],
                              "binarize": [None, Interval(Real, 0, None, closed="left")],
                              "fit_prior": ["boolean"], "class_prior": ["array-like", None]}

    def __init__(self, *, alpha: float = 1.0, binarize: float | None = 0.0,
                 fit_prior: bool = True, class_prior: ArrayLike | None = None) -> None:
        self.alpha = alpha
        self.binarize = binarize
        self.fit_prior = fit_prior
        self.class_prior = class_prior

    def _binary(self, X: NDArray) -> NDArray:
        return X if self.binarize is None else (X > self.binarize).astype(float)

    def _count(self, X: NDArray, Y: NDArray) -> None:
        # Step 1: binarise; count (added to those of earlier batches).
        X = self._binary(X)
        self.feature_count_ += Y.T @ X
        self.class_count_ += Y.sum(axis=0)

    def _update_feature_log_prob(self) -> None:
        # Step 2: θ = (N_cj + α)/(N_c + 2α), in logs.
        # (per-feature α_j: θ_cj = (N_cj + α_j)/(N_c + 2α_j); scikit-learn adds 2α to the
        # class counts without broadcasting over features, an error unless p = n_classes)
        alpha = self._alpha()
        self.feature_log_prob_ = (np.log(self.feature_count_ + alpha)
                                  - np.log(self.class_count_[:, None] + 2 * alpha))

    def _joint_log_likelihood(self, X: ArrayLike) -> NDArray:
        # Step 3: X (log θ − log(1−θ))ᵀ + Σ_j log(1−θ) + log prior.
        X = self._binary(self._checked(X))
        log_not = np.log(1 - np.exp(self.feature_log_prob_))
        # summed in scikit-learn's order, so that exactly tied classes tie the same way
        return X @ (self.feature_log_prob_ - log_not).T \
            + (self.class_log_prior_ + log_not.sum(axis=1))
