"""Data preparation: scaling features, polynomial features, one-hot encoding.

Each transformer learns its parameters in ``fit`` (stored in attributes ending in ``_``,
with scikit-learn's names) and applies them in ``transform``; ``inverse_transform`` undoes
``transform`` where that is possible. Inputs are validated as scikit-learn validates them
(``mathml._validation.validate_data``) and computed in float64.

Checked against ``reference.preprocessing`` → ``sklearn.preprocessing``.
"""
from __future__ import annotations

import warnings
from collections.abc import Iterable
from itertools import chain, combinations, combinations_with_replacement
from numbers import Integral, Real
from typing import ClassVar

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._param_validation import RealNotInt
from ._validation import (FLOAT_DTYPES, check_array, check_n_features, float_dtype_of,
                          validate_data)
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
    mean_: NDArray[np.float64] | None
    var_: NDArray[np.float64] | None

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
        X = validate_data(self, X, reset=first, dtype=FLOAT_DTYPES)
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
        past_sum = (0.0 if first or self.mean_ is None else self.mean_) * n_past
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
            assert self.var_ is not None  # set by the first batch (with_std)
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
        dtype = float_dtype_of(X)  # float32 in, float32 out (as scikit-learn)
        Z = validate_data(self, X, reset=False, dtype=FLOAT_DTYPES)
        if self.with_mean:
            Z = Z - self.mean_
        if self.with_std:
            Z = Z / self.scale_
        return Z.astype(dtype, copy=False)

    def inverse_transform(self, X: ArrayLike) -> NDArray[np.float64]:
        """:math:`Z\\sigma + \\mu`, shape (n_samples, n_features)."""
        check_is_fitted(self)
        dtype = float_dtype_of(X)
        X_arr = validate_data(self, X, reset=False, dtype=FLOAT_DTYPES)
        if self.with_std:
            X_arr = X_arr * self.scale_
        if self.with_mean:
            X_arr = X_arr + self.mean_
        return X_arr.astype(dtype, copy=False)


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
    data_min_: NDArray[np.float64]
    data_max_: NDArray[np.float64]

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
        dtype = float_dtype_of(X)
        first = not hasattr(self, "n_samples_seen_")
        X = validate_data(self, X, reset=first, dtype=FLOAT_DTYPES)
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
        # float32 data gives float32 statistics, as scikit-learn (computed in float64)
        for name in ("data_min_", "data_max_", "data_range_", "scale_", "min_"):
            setattr(self, name, getattr(self, name).astype(dtype, copy=False))
        return self

    def transform(self, X: ArrayLike) -> NDArray[np.float64]:
        """:math:`X s + m` (clipped to the range when ``clip``), shape (n_samples, n_features)."""
        check_is_fitted(self)
        dtype = float_dtype_of(X)
        X = validate_data(self, X, reset=False, dtype=FLOAT_DTYPES)
        # Step 3: the affine map.
        Z = X * self.scale_ + self.min_
        return (np.clip(Z, *self.feature_range) if self.clip else Z).astype(dtype, copy=False)

    def inverse_transform(self, X: ArrayLike) -> NDArray[np.float64]:
        """:math:`(Z - m) / s`, shape (n_samples, n_features)."""
        check_is_fitted(self)
        dtype = float_dtype_of(X)
        Z = validate_data(self, X, reset=False, dtype=FLOAT_DTYPES)
        return ((Z - self.min_) / self.scale_).astype(dtype, copy=False)


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
        dtype = float_dtype_of(X)  # float32 in, float32 out (as scikit-learn)
        X = validate_data(self, X, reset=False, dtype=FLOAT_DTYPES)
        # Step 2: one column per monomial; x_{i1} x_{i2} ⋯ x_{id} (i1 ≤ i2 ≤ …) is x_{i1} times
        # the column of x_{i2} ⋯ x_{id}, one degree lower — scikit-learn's order of products,
        # each lower column computed once.
        features = np.ascontiguousarray(X.T)  # feature j as a contiguous row
        done: dict[tuple[int, ...], NDArray[np.float64]] = {(): np.ones(X.shape[0])}

        def column(c: tuple[int, ...]) -> NDArray[np.float64]:
            if c not in done:
                done[c] = features[c[0]] if len(c) == 1 else features[c[0]] * column(c[1:])
            return done[c]

        columns = [column(c) for c in self._combinations(X.shape[1])]
        out: NDArray[np.float64] = np.column_stack(columns).astype(dtype, copy=False)
        return np.asfortranarray(out) if self.order == "F" else out

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
    """The distinct values of one column, sorted; for objects ``None`` comes last (it cannot
    be ordered among strings), as scikit-learn. Values that cannot be ordered together
    (strings with numbers) are refused with scikit-learn's message."""
    if x.dtype != object:
        return np.unique(x)
    try:
        values = set(x)
        has_none = None in values
        ordered = sorted(values - {None})
    except TypeError:  # unhashable or unorderable values
        kinds = sorted(t.__qualname__ for t in {type(v) for v in x})
        raise TypeError("Encoders require their input argument must be uniformly strings or "
                        f"numbers. Got {kinds}") from None
    return np.array(ordered + [None] * has_none, dtype=object)


def _encode(x: np.ndarray, cats: np.ndarray) -> tuple[NDArray[np.intp], NDArray[np.bool_]]:
    """The index of each value of `x` among `cats` (0 where unknown), and whether it is
    known. Objects (which may hold None) through a lookup table, other values by a binary
    search in the sorted categories."""
    if x.dtype == object or cats.dtype == object:
        table = {v: i for i, v in enumerate(cats)}
        index = np.array([table.get(v, -1) for v in x], dtype=np.intp)
        known = index >= 0
        return np.where(known, index, 0), known
    order = np.argsort(cats, kind="stable")
    pos = np.searchsorted(cats[order], x).clip(0, len(cats) - 1)
    known = cats[order][pos] == x
    return np.where(known, order[pos], 0), known


def _unknown_values(x: np.ndarray, known: np.ndarray) -> list:
    """The distinct unknown values of a column, for the error message (None last)."""
    return list(_sorted_categories(x[~known].astype(object)))


class OneHotEncoder(TransformerMixin, BaseEstimator):
    r"""Encode each categorical feature as one indicator column per category.

    .. math::

        \big(\phi(x)\big)_{j,c} = [\,x_j = c\,], \qquad c \in \text{categories}_j

    Rare categories may be pooled into one "infrequent" column (``min_frequency``,
    ``max_categories``), and one column per feature may be dropped (``drop``).
    Dense output only: mathml has no sparse matrices, so ``sparse_output`` defaults to
    False (scikit-learn's default is True) and True is refused.

    Parameters
    ----------
    categories : 'auto' or list of array-like, default='auto'
        'auto': the sorted distinct values of each column (objects: ``None`` last); else
        the categories per column (numeric ones sorted, no duplicates).
    drop : {None, 'first', 'if_binary'} or array-like of shape (n_features,), default=None
        Leave out the first category of each feature ('first'; a feature with a single
        category is left out entirely), only of features with exactly two (columns, after
        pooling: 'if_binary'), or the given category of each feature (array; not an
        infrequent one).
    sparse_output : bool, default=False
        Only False: True raises ValueError (dense-only, see above).
    dtype : number type, default=np.float64
        Of the output.
    handle_unknown : {'error', 'ignore', 'infrequent_if_exist', 'warn'}, default='error'
        A category unseen in ``fit``: ValueError; a row of zeros in its feature ('ignore');
        the infrequent column when the feature has one, else zeros ('infrequent_if_exist');
        as 'infrequent_if_exist' with a UserWarning naming the columns ('warn'). With
        ``drop``, 'ignore' and 'infrequent_if_exist' warn too.
    min_frequency : int ≥ 1 or float in (0, 1), default=None
        Categories seen fewer times (int) or in a smaller fraction of the samples (float)
        are infrequent.
    max_categories : int ≥ 1, default=None
        At most this many output columns per feature, the infrequent one included: the
        least frequent categories are pooled (ties: the earlier category is kept rarer,
        a stable sort of the counts).

    Attributes
    ----------
    categories_ : list of ndarray, one per feature
    drop_idx_ : ndarray of shape (n_features,) (object) or None
        Index in ``categories_[j]`` of the dropped category (None: none dropped).
    infrequent_categories_ : list of ndarray or None, one per feature
        The pooled categories (only with ``min_frequency`` or ``max_categories``).
    n_features_in_ : int

    Raises
    ------
    ValueError
        Unknown categories in ``fit`` (given ``categories``, ``handle_unknown='error'``) or in
        ``transform`` ('error'); unsorted numeric or duplicate given categories; a ``drop``
        value not among the categories or infrequent; ``sparse_output=True``; NaN, 1-D,
        empty or complex X.
    TypeError
        Sparse X; strings mixed with numbers.

    Notes
    -----
    *Algorithm*

    1. ``fit``: the sorted distinct values of each column and their counts.
    2. Infrequent categories: counts below ``min_frequency``; then, if more than
       ``max_categories`` columns would remain, all but the ``max_categories − 1`` most
       frequent; the frequent ones keep their order, the infrequent share the last column.
    3. The dropped column of each feature (an index after pooling).
    4. ``transform``: per feature, the index of each value among its categories (binary
       search, or a lookup table for objects), mapped through step 2's pooling; unknown
       values go to the infrequent column or nowhere; the dropped column is removed and
       the indicators are set.

    *Complexity*: O(n·p·log c) for c categories per feature, O(n·Σc) output.

    *Numerical stability*: exact (comparisons and counts only).

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
    >>> X = np.array([["a"], ["a"], ["a"], ["b"], ["c"]])
    >>> enc = OneHotEncoder(min_frequency=2, handle_unknown="infrequent_if_exist").fit(X)
    >>> enc.get_feature_names_out().tolist()
    ['x0_a', 'x0_infrequent_sklearn']
    >>> enc.transform(np.array([["c"], ["z"]]))
    array([[0., 1.],
           [0., 1.]])
    """

    # the tags scikit-learn declares for its OneHotEncoder
    _sklearn_tags: ClassVar[dict[str, object]] = {"input_tags.categorical": True}

    _parameter_constraints = {
        "categories": [StrOptions({"auto"}), list],
        "drop": [StrOptions({"first", "if_binary"}), "array-like", None],
        "sparse_output": ["boolean"],
        "handle_unknown": [StrOptions({"error", "ignore", "infrequent_if_exist", "warn"})],
        "min_frequency": [Interval(Integral, 1, None, closed="left"),
                          Interval(RealNotInt, 0, 1, closed="neither"), None],
        "max_categories": [Interval(Integral, 1, None, closed="left"), None]}

    def __init__(self, *, categories: str | list = "auto", drop: str | ArrayLike | None = None,
                 sparse_output: bool = False, dtype: type = np.float64,
                 handle_unknown: str = "error", min_frequency: float | None = None,
                 max_categories: int | None = None) -> None:
        self.categories = categories
        self.drop = drop
        self.sparse_output = sparse_output
        self.dtype = dtype
        self.handle_unknown = handle_unknown
        self.min_frequency = min_frequency
        self.max_categories = max_categories

    def _check_X(self, X: ArrayLike, reset: bool) -> np.ndarray:
        # dtype=None keeps strings and objects; a float NaN is refused by check_array, and one
        # among objects here (NaN is the one value unequal to itself)
        A = check_array(X, dtype=None, estimator=self, input_name="X")
        if not hasattr(X, "dtype") and A.dtype.kind == "U":
            # a list of strings becomes objects, each value its own type (scikit-learn's rule)
            A = check_array(X, dtype=object, estimator=self, input_name="X")
        X = A
        if X.dtype == object and (X != X).any():
            raise ValueError("Input contains NaN")  # scikit-learn's wording for objects
        check_n_features(self, X, reset=reset)
        return X

    # --- fit ----------------------------------------------------------------------------

    def fit(self, X: ArrayLike, y: object = None) -> OneHotEncoder:
        """Learn the categories of each column of `X` (n_samples, n_features), the
        infrequent ones and the dropped ones."""
        self._validate_hyperparameters()
        if self.sparse_output:
            raise ValueError("sparse_output=True is not supported: mathml has no sparse "
                             "matrices; use sparse_output=False (a dense ndarray).")
        self._infrequent_enabled = (self.max_categories is not None
                                    or self.min_frequency is not None)
        X = self._check_X(X, reset=True)
        if self.categories != "auto" and len(self.categories) != X.shape[1]:
            raise ValueError("Shape mismatch: if categories is an array, it has to be of "
                             "shape (n_features,).")
        # Step 1: sorted distinct values (or the given categories) and their counts.
        self.categories_, counts = [], []
        for j in range(X.shape[1]):
            cats = (_sorted_categories(X[:, j]) if self.categories == "auto"
                    else self._given_categories(X[:, j], j))
            index, known = _encode(X[:, j], cats)
            counts.append(np.bincount(index[known], minlength=len(cats)))
            self.categories_.append(cats)
        # Step 2: the infrequent categories and the pooling map of each feature.
        self._infrequent_indices: list = [None] * X.shape[1]
        self._default_to_infrequent_mappings: list = [None] * X.shape[1]
        if self._infrequent_enabled:
            for j, count in enumerate(counts):
                self._pool_infrequent(j, count, X.shape[0])
        # Step 3: the dropped columns.
        self._set_drop_idx()
        return self

    def _given_categories(self, x: np.ndarray, j: int) -> np.ndarray:
        """The user's categories of column j, checked as scikit-learn checks them."""
        cats = np.array(self.categories[j], dtype=object if x.dtype.kind == "U" else x.dtype)
        if cats.size != len(_sorted_categories(cats)):
            raise ValueError(f"In column {j}, the predefined categories contain duplicate "
                             "elements.")
        if x.dtype.kind not in "OUS" and (np.sort(cats) != cats).any():
            raise ValueError("Unsorted categories are not supported for numerical "
                             "categories")
        if self.handle_unknown == "error":
            _, known = _encode(x, cats)
            if not known.all():
                raise ValueError(f"Found unknown categories {_unknown_values(x, known)} in "
                                 f"column {j} during fit")
        return cats

    def _pool_infrequent(self, j: int, count: np.ndarray, n_samples: int) -> None:
        if isinstance(self.min_frequency, Integral):
            rare = count < self.min_frequency
        elif isinstance(self.min_frequency, Real):
            rare = count < n_samples * self.min_frequency
        else:
            rare = np.zeros(len(count), dtype=bool)
        n_columns = len(count) - rare.sum() + 1
        if self.max_categories is not None and self.max_categories < n_columns:
            keep = self.max_categories - 1
            if keep == 0:
                rare[:] = True
            else:
                rare[np.argsort(count, kind="stable")[:-keep]] = True
        if not rare.any():
            return
        # frequent categories keep their order (0, 1, …), the infrequent share the last index
        self._infrequent_indices[j] = np.flatnonzero(rare)
        mapping = np.empty(len(count), dtype=np.int64)
        mapping[~rare] = np.arange((~rare).sum())
        mapping[rare] = (~rare).sum()
        self._default_to_infrequent_mappings[j] = mapping

    @property
    def infrequent_categories_(self) -> list:
        """The infrequent categories of each feature (None: none)."""
        check_is_fitted(self)
        if not self._infrequent_enabled:
            raise AttributeError("'OneHotEncoder' object has no attribute "
                                 "'infrequent_categories_'")
        return [None if idx is None else cats[idx]
                for cats, idx in zip(self.categories_, self._infrequent_indices)]

    def _n_pooled(self, j: int) -> int:
        """The number of columns of feature j after pooling, before dropping."""
        idx = self._infrequent_indices[j]
        return len(self.categories_[j]) - (0 if idx is None else len(idx) - 1)

    def _set_drop_idx(self) -> None:
        """``drop_idx_`` (into ``categories_``) and ``_drop_after_pooling`` (into the
        pooled columns), as scikit-learn defines them."""
        p = len(self.categories_)
        if self.drop is None:
            self._drop_after_pooling = self.drop_idx_ = None
            return
        if isinstance(self.drop, str) and self.drop == "first":
            after = np.zeros(p, dtype=object)
        elif isinstance(self.drop, str):  # 'if_binary'
            after = np.array([0 if self._n_pooled(j) == 2 else None for j in range(p)],
                             dtype=object)
        else:
            values = np.asarray(self.drop, dtype=object)
            if len(values) != p:
                raise ValueError(f"`drop` should have length equal to the number of features "
                                 f"({p}), got {len(values)}")
            found, missing = [], []
            for j, (value, cats) in enumerate(zip(values, self.categories_)):
                where = np.flatnonzero(cats == value)
                if where.size:
                    found.append(self._pooled_index(j, int(where[0])))
                else:
                    missing.append((j, value))
            if missing:
                raise ValueError("The following categories were supposed to be dropped, but "
                                 "were not found in the training data.\n" + "\n".join(
                                     f"Category: {j}, Feature: {v}" for j, v in missing))
            after = np.array(found, dtype=object)
        self._drop_after_pooling = after
        # back to an index into categories_: the first category pooled into that column
        self.drop_idx_ = np.array(
            [d if d is None or m is None else int(np.flatnonzero(m == d)[0])
             for d, m in zip(after, self._default_to_infrequent_mappings)], dtype=object)

    def _pooled_index(self, j: int, i: int) -> int:
        mapping = self._default_to_infrequent_mappings[j]
        if mapping is None:
            return i
        if i in self._infrequent_indices[j]:
            raise ValueError(f"Unable to drop category {self.categories_[j][i].item()!r} "
                             f"from feature {j} because it is infrequent")
        return int(mapping[i])

    def _output_categories(self, j: int, remove_dropped: bool = True) -> np.ndarray:
        """The category of each output column of feature j: the frequent ones, then
        'infrequent_sklearn' for the pooled column (scikit-learn's name)."""
        cats = self.categories_[j]
        mapping = self._default_to_infrequent_mappings[j]
        if mapping is not None:
            cats = np.concatenate((cats[mapping < mapping.max()],
                                   np.array(["infrequent_sklearn"], dtype=object)))
        if remove_dropped and self._drop_after_pooling is not None \
                and self._drop_after_pooling[j] is not None:
            cats = np.delete(cats, self._drop_after_pooling[j])
        return cats

    # --- transform ------------------------------------------------------------------------

    def transform(self, X: ArrayLike) -> np.ndarray:
        """The indicator columns, shape (n_samples, Σ_j output columns of feature j)."""
        check_is_fitted(self)
        X = self._check_X(X, reset=False)
        if self.handle_unknown == "warn":
            warn, handle = True, "infrequent_if_exist"
        else:
            warn = self.drop is not None and self.handle_unknown in ("ignore",
                                                                     "infrequent_if_exist")
            handle = self.handle_unknown
        n, p = X.shape
        index = np.zeros((n, p), dtype=np.intp)
        present = np.ones((n, p), dtype=bool)  # does the row set a column of feature j?
        with_unknown = []
        for j, cats in enumerate(self.categories_):
            # Step 4: positions among the categories.
            index[:, j], known = _encode(X[:, j], cats)
            if not known.all():
                if handle == "error":
                    raise ValueError(f"Found unknown categories {_unknown_values(X[:, j], known)}"
                                     f" in column {j} during transform")
                with_unknown.append(j)
                present[:, j] = known
        if warn and with_unknown:
            where = ("encoded as the infrequent category" if handle == "infrequent_if_exist"
                     else "encoded as all zeros")
            warnings.warn(f"Found unknown categories in columns {with_unknown} during "
                          f"transform. These unknown categories will be {where}"
                          + ("." if handle == "infrequent_if_exist" else ""), UserWarning,
                          stacklevel=2)
        for j, mapping in enumerate(self._default_to_infrequent_mappings):
            if mapping is None:
                continue
            # ... through the pooling; unknown values to the infrequent column (if allowed)
            index[~present[:, j], j] = self._infrequent_indices[j][0]
            if handle in ("infrequent_if_exist", "warn"):
                present[:, j] = True
            index[:, j] = mapping[index[:, j]]
        widths = [self._n_pooled(j) for j in range(p)]
        if self._drop_after_pooling is not None:
            # the dropped column removed: later columns move one to the left
            for j, d in enumerate(self._drop_after_pooling):
                if d is None:
                    continue
                present[:, j] &= index[:, j] != d
                index[index[:, j] > d, j] -= 1
                widths[j] -= 1
        offsets = np.concatenate(([0], np.cumsum(widths)))
        out = np.zeros((n, offsets[-1]), dtype=self.dtype)
        rows, cols = np.nonzero(present)
        out[rows, index[rows, cols] + offsets[cols]] = 1
        return out

    def get_feature_names_out(self, input_features: ArrayLike | None = None
                              ) -> NDArray[np.object_]:
        """One name per output column, ``<feature>_<category>`` (the pooled column
        ``<feature>_infrequent_sklearn``; dropped ones left out), from `input_features` or
        ``x0, x1, …``."""
        check_is_fitted(self)
        names = _check_input_features(self, input_features)
        out = [f"{names[j]}_{c}" for j in range(len(self.categories_))
               for c in self._output_categories(j)]
        return np.asarray(out, dtype=object)

    def inverse_transform(self, X: ArrayLike) -> np.ndarray:
        """The categories back from indicator rows, shape (n_samples, n_features): the
        column set in each block (the infrequent one gives 'infrequent_sklearn'); an all-zero
        block is the dropped category, or None for an unknown value that was ignored."""
        check_is_fitted(self)
        X = check_array(X)  # scikit-learn checks it anonymously here (its messages)
        p = len(self.categories_)
        full = [self._output_categories(j, remove_dropped=False) for j in range(p)]
        kept = [self._output_categories(j) for j in range(p)]
        expected = sum(len(k) for k in kept)
        if X.shape[1] != expected:
            raise ValueError("Shape of the passed X data is not correct. Expected "
                             f"{expected} columns, got {X.shape[1]}.")
        out = np.empty((X.shape[0], p), dtype=np.result_type(*[c.dtype for c in full]))
        unknown_rows = {}
        start = 0
        for j in range(p):
            drop = None if self._drop_after_pooling is None else self._drop_after_pooling[j]
            block = X[:, start:start + len(kept[j])]
            start += len(kept[j])
            if len(kept[j]) == 0:  # a single category, dropped
                out[:, j] = self.categories_[j][drop]
                continue
            out[:, j] = kept[j][block.argmax(axis=1)]
            zero = block.sum(axis=1) == 0
            may_be_unknown = self.handle_unknown == "ignore" or (
                self.handle_unknown in ("infrequent_if_exist", "warn")
                and self._infrequent_indices[j] is None)
            if not zero.any():
                continue
            if may_be_unknown and drop is None:
                unknown_rows[j] = zero
            elif may_be_unknown:
                out[zero, j] = self.categories_[j][drop]
            elif drop is None:
                raise ValueError(f"Samples {np.flatnonzero(zero)} can not be inverted when "
                                 "drop=None and handle_unknown='error' because they contain "
                                 "all zeros")
            else:
                out[zero, j] = full[j][drop]
        if unknown_rows:
            out = out.astype(object)
            for j, rows in unknown_rows.items():
                out[rows, j] = None
        return out
