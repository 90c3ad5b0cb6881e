"""Data preparation: scaling features, polynomial features, one-hot encoding.

Each transformer learns its parameters in ``fit`` (stored in attributes ending in ``_``,
with scikit-learn's names) and applies them in ``transform``; ``inverse_transform`` undoes
``transform`` where that is possible. Inputs are validated as scikit-learn validates them
(``mathml._validation.validate_data``) and computed in float64.

Checked against ``reference.preprocessing`` → ``sklearn.preprocessing``.
"""
from __future__ import annotations

from typing import ClassVar

from collections.abc import Iterable
from itertools import chain, combinations, combinations_with_replacement
from numbers import Integral

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validation import check_array, check_n_features, validate_data
from .base import (BaseEstimator, Interval, OneToOneFeatureMixin, StrOptions, TransformerMixin,
                   _check_input_features, check_is_fitted)

__all__ = ["StandardScaler", "MinMaxScaler", "PolynomialFeatures", "OneHotEncoder"]

EPS = np.finfo(np.float64).eps


def _handle_zeros_in_scale(scale: NDArray[np.float64],
                           constant: NDArray[np.bool_]) -> NDArray[np.float64]:
    """Scales of constant features set to 1, so that they are shifted but not divided by ~0."""
    return np.where(constant, 1.0, scale)


class StandardScaler(OneToOneFeatureMixin, TransformerMixin, BaseEstimator):
    r"""Standardise features: subtract the mean, divide by the standard deviation.

    .. math::

        z_{ij} = \frac{x_{ij} - \mu_j}{\sigma_j}, \qquad
        \mu_j = \frac1n \sum_i x_{ij}, \qquad
        \sigma_j^2 = \frac1n \sum_i (x_{ij} - \mu_j)^2

    (the population variance, ``ddof = 0``).

    Parameters
    ----------
    with_mean : bool, default=True
        Subtract :math:`\mu_j`.
    with_std : bool, default=True
        Divide by :math:`\sigma_j`.

    Attributes
    ----------
    mean_ : ndarray of shape (n_features,) or None
        :math:`\mu`; None when neither ``with_mean`` nor ``with_std``.
    var_ : ndarray of shape (n_features,) or None
        :math:`\sigma^2`; None when not ``with_std``.
    scale_ : ndarray of shape (n_features,) or None
        :math:`\sigma`, with 1 for (numerically) constant features; None when not ``with_std``.
    n_samples_seen_ : numpy.float64, or numpy.int64 when nothing is computed
        The number of samples, typed as scikit-learn types it.
    n_features_in_ : int

    Raises
    ------
    ValueError
        NaN or inf, 1-D, empty or complex X; X in ``transform`` with another number of
        features than in ``fit``.
    TypeError
        Sparse X.
    NotFittedError
        ``transform`` before ``fit``.

    Notes
    -----
    *Algorithm* (``fit``)

    1. :math:`\mu = \frac1n \sum_i x_i`.
    2. Corrected two-pass variance (Chan, Golub & LeVeque):
       :math:`\sigma^2 = \frac1n\big(\sum_i (x_i-\mu)^2 - \frac1n(\sum_i (x_i-\mu))^2\big)`;
       the correction term removes the rounding error of :math:`\mu` to first order.
    3. Features with :math:`\sigma^2 \le n\,\varepsilon\,\sigma^2 + (n\,\mu\,\varepsilon)^2`
       are constant up to rounding: their scale is 1, so they map to 0 rather than to noise.

    ``partial_fit`` (``fit`` is one from nothing) pools a new batch B with what was seen
    (Chan, Golub & LeVeque): :math:`n = n_a + n_b`, :math:`\mu = (n_a\mu_a + \sum_B x)/n`,
    and the sums of squared deviations :math:`S = S_a + S_b + \frac{n_a n_b}{n}
    (\mu_a - \mu_b)^2`, :math:`S_b` by step 2 on the batch; then step 3.

    *Complexity*: O(n·p) time and memory.

    *Numerical stability*: the two-pass formula avoids the cancellation of
    :math:`E[x^2] - E[x]^2` for features with a large mean.

    Scikit-learn also lets NaN through as missing values; mathml refuses NaN (docs/contract.md §3)
    and the reference wrapper checks first.

    References
    ----------
    Chan, Golub & LeVeque, "Algorithms for computing the sample variance", The American
    Statistician 37(3), 1983. Hastie, Tibshirani & Friedman, The Elements of Statistical
    Learning, 2nd ed., §3.4 (standardised inputs).

    Checked against ``reference.preprocessing.StandardScaler`` →
    ``sklearn.preprocessing.StandardScaler``: the same operations, so the same numbers to a
    few ulps.

    Examples
    --------
    >>> X = np.array([[0.0, 1.0], [2.0, 1.0], [4.0, 1.0]])
    >>> scaler = StandardScaler().fit(X)
    >>> scaler.mean_, scaler.scale_
    (array([2., 1.]), array([1.63299316, 1.        ]))
    >>> np.round(scaler.transform(X), 4)
    array([[-1.2247,  0.    ],
           [ 0.    ,  0.    ],
           [ 1.2247,  0.    ]])
    """

    _parameter_constraints = {"with_mean": ["boolean"], "with_std": ["boolean"]}
    n_samples_seen_: np.int64 | np.float64  # set by fit

    def __init__(self, *, with_mean: bool = True, with_std: bool = True) -> None:
        self.with_mean = with_mean
        self.with_std = with_std

    def _reset(self) -> None:
        for name in ("mean_", "var_", "scale_", "n_samples_seen_"):
            self.__dict__.pop(name, None)

    def fit(self, X: ArrayLike, y: object = None) -> StandardScaler:
        """Learn :math:`\\mu` and :math:`\\sigma` of each column of `X` (n_samples, n_features):
        a `partial_fit` from nothing."""
        self._reset()
        return self.partial_fit(X, y)

    def partial_fit(self, X: ArrayLike, y: object = None) -> StandardScaler:
        """Update :math:`\\mu`, :math:`\\sigma^2` and the count with one more batch `X`
        (Chan, Golub & LeVeque's pairwise update, scikit-learn's order of operations)."""
        self._validate_hyperparameters()
        first = not hasattr(self, "n_samples_seen_")
        X = validate_data(self, X, reset=first)
        n_new = X.shape[0]
        if not (self.with_mean or self.with_std):
            # nothing to compute but the count, an integer as in scikit-learn
            self.mean_ = self.var_ = self.scale_ = None
            self.n_samples_seen_ = np.int64(n_new if first else self.n_samples_seen_ + n_new)
            return self
        # scikit-learn's count is a float once its running-mean routine has run; kept alike
        n_past = np.float64(0.0 if first else self.n_samples_seen_)
        n_total = n_past + n_new
        # Step 1: the batch's sum and the pooled mean (scikit-learn keeps it even when
        # only scaling).
        past_sum = (0.0 if first else self.mean_) * n_past
        new_sum = X.sum(axis=0)
        self.mean_ = (past_sum + new_sum) / n_total
        self.n_samples_seen_ = n_total
        if not self.with_std:
            self.var_ = self.scale_ = None
            return self
        # Step 2: the batch's corrected two-pass sum of squared deviations ...
        D = X - new_sum / n_new
        new_ssd = (D ** 2).sum(axis=0) - D.sum(axis=0) ** 2 / n_new
        if first:
            self.var_ = new_ssd / n_total
        else:
            # ... pooled with the past one: S = S_past + S_new + (n_past n_new / n)(μ_past − μ_new)²,
            # the last term written as scikit-learn writes it
            ratio = n_past / n_new
            ssd = (self.var_ * n_past + new_ssd
                   + ratio / n_total * (past_sum / ratio - new_sum) ** 2)
            self.var_ = ssd / n_total
        # Step 3: constant features keep scale 1.
        n, mu = self.n_samples_seen_, self.mean_
        constant = self.var_ <= n * EPS * self.var_ + (n * mu * EPS) ** 2
        self.scale_ = _handle_zeros_in_scale(np.sqrt(self.var_), constant)
        return self

    def transform(self, X: ArrayLike) -> NDArray[np.float64]:
        """:math:`(X - \\mu) / \\sigma`, shape (n_samples, n_features)."""
        check_is_fitted(self)
        Z = validate_data(self, X, reset=False)
        if self.with_mean:
            Z = Z - self.mean_
        if self.with_std:
            Z = Z / self.scale_
        return Z

    def inverse_transform(self, X: ArrayLike) -> NDArray[np.float64]:
        """:math:`Z\\sigma + \\mu`, shape (n_samples, n_features)."""
        check_is_fitted(self)
        X_arr = validate_data(self, X, reset=False)
        if self.with_std:
            X_arr = X_arr * self.scale_
        if self.with_mean:
            X_arr = X_arr + self.mean_
        return X_arr


class MinMaxScaler(OneToOneFeatureMixin, TransformerMixin, BaseEstimator):
    r"""Scale each feature linearly onto ``feature_range`` = (a, b).

    .. math::

        z_{ij} = x_{ij}\, s_j + m_j, \qquad
        s_j = \frac{b - a}{\max_i x_{ij} - \min_i x_{ij}}, \qquad
        m_j = a - s_j \min_i x_{ij}

    Parameters
    ----------
    feature_range : tuple (a, b), default=(0, 1)
        The range of the transformed training data; a < b.
    clip : bool, default=False
        Clip transformed values of new data to [a, b].

    Attributes
    ----------
    data_min_, data_max_, data_range_ : ndarray of shape (n_features,)
        Per-feature minimum, maximum and their difference in the training data.
    scale_ : ndarray of shape (n_features,)
        :math:`s`; a constant feature has range 1 in the denominator.
    min_ : ndarray of shape (n_features,)
        :math:`m`.
    n_samples_seen_ : int
    n_features_in_ : int

    Raises
    ------
    ValueError
        feature_range with a ≥ b; bad X as :class:`StandardScaler`.
    InvalidParameterError
        feature_range not a tuple, clip not a bool.

    Notes
    -----
    *Algorithm*

    1. The per-feature extremes of X (``partial_fit``: of X and of the batches before).
    2. :math:`s` and :math:`m` as above (a zero range counts as 1).
    3. ``transform``: :math:`x s + m`, then clipped when ``clip``.

    *Complexity*: O(n·p).

    *Numerical stability*: one multiply-add per entry; the training extremes map to a and b
    within a few ulps.

    References
    ----------
    Géron, Hands-On Machine Learning, 3rd ed., ch. 2 (feature scaling).

    Checked against ``reference.preprocessing.MinMaxScaler`` →
    ``sklearn.preprocessing.MinMaxScaler``: the same operations.

    Examples
    --------
    >>> X = np.array([[1.0, -1.0], [3.0, 0.0], [5.0, 1.0]])
    >>> MinMaxScaler().fit_transform(X)
    array([[0. , 0. ],
           [0.5, 0.5],
           [1. , 1. ]])
    """

    _parameter_constraints = {"feature_range": [tuple], "clip": ["boolean"]}

    def __init__(self, *, feature_range: tuple = (0, 1), clip: bool = False) -> None:
        self.feature_range = feature_range
        self.clip = clip

    def fit(self, X: ArrayLike, y: object = None) -> MinMaxScaler:
        """Learn the per-feature extremes of `X` (n_samples, n_features): a `partial_fit`
        from nothing."""
        for name in ("scale_", "min_", "n_samples_seen_", "data_min_", "data_max_",
                     "data_range_"):
            self.__dict__.pop(name, None)
        return self.partial_fit(X, y)

    def partial_fit(self, X: ArrayLike, y: object = None) -> MinMaxScaler:
        """Update the per-feature extremes with one more batch `X`."""
        self._validate_hyperparameters()
        a, b = self.feature_range
        if a >= b:
            raise ValueError("Minimum of desired feature range must be smaller than maximum. "
                             f"Got {self.feature_range!r}.")
        first = not hasattr(self, "n_samples_seen_")
        X = validate_data(self, X, reset=first)
        # Step 1: the extremes, of this batch and of the ones before.
        data_min, data_max = X.min(axis=0), X.max(axis=0)
        if first:
            self.n_samples_seen_ = X.shape[0]
        else:
            data_min = np.minimum(self.data_min_, data_min)
            data_max = np.maximum(self.data_max_, data_max)
            self.n_samples_seen_ += X.shape[0]
        self.data_min_, self.data_max_ = data_min, data_max
        self.data_range_ = data_max - data_min
        # Step 2: scale and offset; a zero range would divide by zero.
        self.scale_ = (b - a) / _handle_zeros_in_scale(self.data_range_,
                                                       self.data_range_ < 10 * EPS)
        self.min_ = a - self.data_min_ * self.scale_
        return self

    def transform(self, X: ArrayLike) -> NDArray[np.float64]:
        """:math:`X s + m` (clipped to the range when ``clip``), shape (n_samples, n_features)."""
        check_is_fitted(self)
        X = validate_data(self, X, reset=False)
        # Step 3: the affine map.
        Z = X * self.scale_ + self.min_
        return np.clip(Z, *self.feature_range) if self.clip else Z

    def inverse_transform(self, X: ArrayLike) -> NDArray[np.float64]:
        """:math:`(Z - m) / s`, shape (n_samples, n_features)."""
        check_is_fitted(self)
        Z = validate_data(self, X, reset=False)
        return (Z - self.min_) / self.scale_


class PolynomialFeatures(TransformerMixin, BaseEstimator):
    r"""All monomials of the features up to a degree, in scikit-learn's column order.

    .. math::

        \phi(x) = \Big(\prod_{j} x_j^{\,p_{kj}}\Big)_{k}, \qquad
        p_k \in \{p \in \mathbb N^{d} : \max(1, \text{min}) \le |p| \le \text{max}\}

    plus the constant 1 first (``include_bias``); with ``interaction_only`` each
    :math:`p_{kj} \le 1`. Monomials come by total degree, then in the order of
    ``itertools.combinations_with_replacement`` (``combinations`` for interactions).

    Parameters
    ----------
    degree : int or tuple (min, max), default=2
        The largest total degree (min = 0), or the range of total degrees kept (the bias
        column still comes first with ``include_bias``). Positional, as scikit-learn's.
    interaction_only : bool, default=False
    include_bias : bool, default=True
    order : {'C', 'F'}, default='C'
        Memory layout of the output.

    Attributes
    ----------
    powers_ : ndarray of shape (n_output_features_, n_features_in_)
        :math:`p_{kj}`, the exponent of feature j in output column k.
    n_output_features_ : int
    n_features_in_ : int

    Raises
    ------
    InvalidParameterError
        degree neither a non-negative int nor array-like.
    ValueError
        Bad X as :class:`StandardScaler`; degree 0 without bias (no column at all); a
        degree tuple that is not (min, max) with 0 ≤ min ≤ max.

    Notes
    -----
    *Algorithm*

    1. ``fit``: the exponent rows, each the bincount of one index combination.
    2. ``transform``: column k is the product of the columns of X in the k-th index
       combination (i1 ≤ … ≤ id), computed as x_{i1} times the column of (i2, …, id), over
       all rows at once (a loop over the output columns and the lower-degree ones).

    *Complexity*: O(n·K·degree) for K output columns (K = C(d + degree, degree) with bias).

    *Numerical stability*: a product of at most ``degree`` factors, relative error ≤
    degree·ε.

    References
    ----------
    Hastie, Tibshirani & Friedman, The Elements of Statistical Learning, 2nd ed., §5.1
    (basis expansions).

    Checked against ``reference.preprocessing.PolynomialFeatures`` →
    ``sklearn.preprocessing.PolynomialFeatures``: same columns in the same order, the same
    products.

    Examples
    --------
    >>> PolynomialFeatures(2).fit_transform(np.array([[2.0, 3.0]]))
    array([[1., 2., 3., 4., 6., 9.]])
    >>> PolynomialFeatures((2, 2), include_bias=False).fit_transform(np.array([[2.0, 3.0]]))
    array([[4., 6., 9.]])
    """

    _parameter_constraints = {"degree": [Interval(Integral, 0, None, closed="left"),
                                         "array-like"],
                              "interaction_only": ["boolean"], "include_bias": ["boolean"],
                              "order": [StrOptions({"C", "F"})]}

    def __init__(self, degree: int | tuple[int, int] = 2, *, interaction_only: bool = False,
                 include_bias: bool = True, order: str = "C") -> None:
        self.degree = degree
        self.interaction_only = interaction_only
        self.include_bias = include_bias
        self.order = order

    def _degrees(self) -> tuple[int, int]:
        """(min_degree, max_degree) from ``degree``, checked with scikit-learn's messages."""
        if isinstance(self.degree, Integral):
            if self.degree == 0 and not self.include_bias:
                raise ValueError("Setting degree to zero and include_bias to False would "
                                 "result in an empty output array.")
            return 0, int(self.degree)
        if isinstance(self.degree, Iterable) and len(self.degree) == 2:
            low, high = self.degree
            if not (isinstance(low, Integral) and isinstance(high, Integral)
                    and 0 <= low <= high):
                raise ValueError("degree=(min_degree, max_degree) must be non-negative "
                                 "integers that fulfil min_degree <= max_degree, got "
                                 f"{self.degree}.")
            if high == 0 and not self.include_bias:
                raise ValueError("Setting both min_degree and max_degree to zero and "
                                 "include_bias to False would result in an empty output "
                                 "array.")
            return int(low), int(high)
        raise ValueError("degree must be a non-negative int or tuple (min_degree, "
                         f"max_degree), got {self.degree}.")

    def _combinations(self, d: int):
        """The index combinations: the empty one (bias), then degrees max(1, min) … max."""
        choose = combinations if self.interaction_only else combinations_with_replacement
        low, high = self._min_degree, self._max_degree
        bias = [()] if self.include_bias else []
        return chain(bias, chain.from_iterable(choose(range(d), k)
                                               for k in range(max(1, low), high + 1)))

    def fit(self, X: ArrayLike, y: object = None) -> PolynomialFeatures:
        """Learn the exponents for the number of columns of `X` (n_samples, n_features)."""
        self._validate_hyperparameters()
        X = validate_data(self, X, reset=True)
        self._min_degree, self._max_degree = self._degrees()
        d = X.shape[1]
        # Step 1: one row of exponents per index combination.
        rows = [np.bincount(np.array(c, dtype=np.intp), minlength=d)
                for c in self._combinations(d)]
        self.powers_ = np.array(rows, dtype=np.int64).reshape(-1, d)
        self.n_output_features_ = self.powers_.shape[0]
        return self

    def transform(self, X: ArrayLike) -> NDArray[np.float64]:
        """The monomials, shape (n_samples, n_output_features_)."""
        check_is_fitted(self)
        X = validate_data(self, X, reset=False)
        # Step 2: one column per monomial; x_{i1} x_{i2} ⋯ x_{id} (i1 ≤ i2 ≤ …) is x_{i1} times
        # the column of x_{i2} ⋯ x_{id}, one degree lower — scikit-learn's order of products,
        # each lower column computed once.
        done: dict[tuple[int, ...], NDArray[np.float64]] = {(): np.ones(X.shape[0])}

        def column(c: tuple[int, ...]) -> NDArray[np.float64]:
            if c not in done:
                done[c] = X[:, c[0]] if len(c) == 1 else X[:, c[0]] * column(c[1:])
            return done[c]

        columns = [column(c) for c in self._combinations(X.shape[1])]
        return np.asarray(np.column_stack(columns), order=self.order)

    def get_feature_names_out(self, input_features: ArrayLike | None = None
                              ) -> NDArray[np.object_]:
        """One name per monomial: its factors with their powers (``"1"``, ``"x0"``,
        ``"x0^2"``, ``"x0 x1"``), from `input_features` or ``x0, x1, …``."""
        check_is_fitted(self)
        names = _check_input_features(self, input_features)
        out = [" ".join(names[j] if k == 1 else f"{names[j]}^{k}"
                        for j, k in enumerate(row) if k) or "1" for row in self.powers_]
        return np.asarray(out, dtype=object)


def _sorted_categories(x: np.ndarray) -> np.ndarray:
    """The distinct values of one column, sorted; values that cannot be ordered together
    (strings with numbers) are refused with scikit-learn's message."""
    try:
        return np.unique(x)
    except TypeError:
        kinds = sorted({type(v).__name__ for v in x})
        raise TypeError("Encoders require their input argument must be uniformly strings or "
                        f"numbers. Got {kinds}") from None


class OneHotEncoder(TransformerMixin, BaseEstimator):
    r"""Encode each categorical feature as one indicator column per category.

    .. math::

        \big(\phi(x)\big)_{j,c} = [\,x_j = c\,], \qquad c \in \text{categories}_j

    Dense output only: mathml has no sparse matrices, so there is no ``sparse_output``
    (the reference wrapper passes scikit-learn ``sparse_output=False``).

    Parameters
    ----------
    categories : 'auto' or list of array-like, default='auto'
        'auto': the sorted distinct values of each column; else the categories per column.
    drop : {None, 'first', 'if_binary'}, default=None
        Leave out the first category of each feature ('first'), or only of features with
        exactly two categories ('if_binary').
    handle_unknown : {'error', 'ignore'}, default='error'
        A category unseen in ``fit`` raises ValueError, or encodes as all zeros.

    Attributes
    ----------
    categories_ : list of ndarray, one per feature
    drop_idx_ : ndarray of shape (n_features,) (object) or None
        Index in ``categories_[j]`` of the dropped category (None: none dropped).
    n_features_in_ : int

    Raises
    ------
    ValueError
        Unknown categories in ``fit`` (given ``categories``) or in ``transform``
        (``handle_unknown='error'``); NaN, 1-D, empty or complex X.
    TypeError
        Sparse X.

    Notes
    -----
    *Algorithm*

    1. ``fit``: the sorted distinct values of each column (``np.unique``).
    2. ``transform``: per feature, the index of each value among its categories
       (``np.searchsorted``), compared against the category indices to form the indicators.
    3. Dropped columns are removed; unknown values (ignored) give a row of zeros.

    *Complexity*: O(n·p·log c) for c categories per feature, O(n·Σc) output.

    *Numerical stability*: exact (comparisons only).

    References
    ----------
    Hastie, Tibshirani & Friedman, The Elements of Statistical Learning, 2nd ed., §2.3
    (dummy variables for qualitative inputs).

    Checked against ``reference.preprocessing.OneHotEncoder`` →
    ``sklearn.preprocessing.OneHotEncoder(sparse_output=False)``; scikit-learn also treats
    NaN as a category, mathml refuses NaN (docs/contract.md §3) and the wrapper checks first.

    Examples
    --------
    >>> enc = OneHotEncoder().fit(np.array([["red"], ["green"], ["red"]]))
    >>> enc.categories_
    [array(['green', 'red'], dtype='<U5')]
    >>> enc.transform(np.array([["red"], ["green"]]))
    array([[0., 1.],
           [1., 0.]])
    """

    # the tags scikit-learn declares for its OneHotEncoder
    _sklearn_tags: ClassVar[dict[str, object]] = {"input_tags.categorical": True}

    _parameter_constraints = {"categories": [StrOptions({"auto"}), list],
                              "drop": [StrOptions({"first", "if_binary"}), None],
                              "handle_unknown": [StrOptions({"error", "ignore"})]}

    def __init__(self, *, categories: str | list = "auto", drop: str | None = None,
                 handle_unknown: str = "error") -> None:
        self.categories = categories
        self.drop = drop
        self.handle_unknown = handle_unknown

    def _check_X(self, X: ArrayLike, reset: bool) -> np.ndarray:
        # dtype=None keeps strings; a float NaN is refused by check_array, and one among
        # objects here (NaN is the one value unequal to itself)
        X = check_array(X, dtype=None, estimator=self, input_name="X")
        if X.dtype == object and (X != X).any():
            raise ValueError("Input contains NaN")  # scikit-learn's wording for objects
        check_n_features(self, X, reset=reset)
        return X

    def fit(self, X: ArrayLike, y: object = None) -> OneHotEncoder:
        """Learn the categories of each column of `X` (n_samples, n_features)."""
        self._validate_hyperparameters()
        X = self._check_X(X, reset=True)
        if self.categories != "auto" and len(self.categories) != X.shape[1]:
            raise ValueError("Shape mismatch: if categories is an array, it has to be of "
                             "shape (n_features,).")
        # Step 1: sorted distinct values, or the given categories (every value must be one).
        self.categories_ = []
        for j in range(X.shape[1]):
            if self.categories == "auto":
                self.categories_.append(_sorted_categories(X[:, j]))
                continue
            cats = np.asarray(self.categories[j], dtype=X.dtype if X.dtype != object else None)
            self._raise_unknown(X[:, j], cats, j, "fit")
            self.categories_.append(cats)
        self.drop_idx_ = self._drop_indices()
        return self

    def _drop_indices(self):
        if self.drop is None:
            return None
        keep_all = [self.drop == "if_binary" and len(c) != 2 for c in self.categories_]
        return np.array([None if skip else 0 for skip in keep_all], dtype=object)

    @staticmethod
    def _positions(x: np.ndarray, cats: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Index of each value of `x` among the sorted `cats`, and whether it is one of them."""
        order = np.argsort(cats, kind="stable")
        pos = np.searchsorted(cats[order], x).clip(0, len(cats) - 1)
        return order[pos], cats[order][pos] == x

    def _raise_unknown(self, x, cats, j, when) -> None:
        _, known = self._positions(x, cats)
        if not known.all():
            raise ValueError(f"Found unknown categories {list(np.unique(x[~known]))} in "
                             f"column {j} during {when}")

    def transform(self, X: ArrayLike) -> NDArray[np.float64]:
        """The indicator columns, shape (n_samples, Σ_j n_categories_j − dropped)."""
        check_is_fitted(self)
        X = self._check_X(X, reset=False)
        blocks = []
        for j, cats in enumerate(self.categories_):
            # Step 2: indicators from the positions among the categories.
            index, known = self._positions(X[:, j], cats)
            if self.handle_unknown == "error" and not known.all():
                self._raise_unknown(X[:, j], cats, j, "transform")
            block = (index[:, None] == np.arange(len(cats))) & known[:, None]
            # Step 3: drop the reference category.
            if self.drop_idx_ is not None and self.drop_idx_[j] is not None:
                block = np.delete(block, self.drop_idx_[j], axis=1)
            blocks.append(block)
        return np.hstack(blocks).astype(np.float64)

    def get_feature_names_out(self, input_features: ArrayLike | None = None
                              ) -> NDArray[np.object_]:
        """One name per indicator column, ``<feature>_<category>`` (the dropped ones left
        out), from `input_features` or ``x0, x1, …``."""
        check_is_fitted(self)
        names = _check_input_features(self, input_features)
        out = []
        for j, cats in enumerate(self.categories_):
            if self.drop_idx_ is not None and self.drop_idx_[j] is not None:
                cats = np.delete(cats, self.drop_idx_[j])
            out += [f"{names[j]}_{c}" for c in cats]
        return np.asarray(out, dtype=object)

    def inverse_transform(self, X: ArrayLike) -> np.ndarray:
        """The categories back from indicator rows, shape (n_samples, n_features); an
        all-zero block is the dropped category, or None when nothing was dropped."""
        check_is_fitted(self)
        X = check_array(X, estimator=self, input_name="X")
        columns, start = [], 0
        for j, cats in enumerate(self.categories_):
            dropped = self.drop_idx_ is not None and self.drop_idx_[j] is not None
            kept = np.delete(np.arange(len(cats)), 0) if dropped else np.arange(len(cats))
            block = X[:, start:start + len(kept)]
            start += len(kept)
            values = cats[kept][block.argmax(axis=1)].astype(object)
            values[block.sum(axis=1) == 0] = cats[0] if dropped else None
            columns.append(values)
        out = np.column_stack(columns)
        dtypes = {c.dtype for c in self.categories_}
        nothing_missing = not any(v is None for v in out.flat)
        return out.astype(dtypes.pop()) if len(dtypes) == 1 and nothing_missing else out
