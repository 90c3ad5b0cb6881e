"""Model selection: train/test splits, K-fold cross-validation, learning curves.

The random splits draw from ``numpy.random.RandomState`` exactly as scikit-learn does
(``permutation``, ``shuffle``, ``choice`` — all uniform-based), so the same ``random_state``
gives the same split.
"""
from __future__ import annotations

import math
import numbers
import traceback
import warnings
from collections import Counter
from typing import Any, cast
from collections.abc import Callable, Iterator

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._param_validation import Interval, StrOptions, _validate_parameter_constraints
from ._validation import _num_samples, check_consistent_length, check_random_state, type_of_target
from .base import clone
from .exceptions import FitFailedWarning, InvalidParameterError
from .metrics import accuracy_score, mean_absolute_error, mean_squared_error, r2_score

__all__ = ["train_test_split", "KFold", "StratifiedKFold", "cross_val_score", "learning_curve"]


class _HasMethods:
    """The constraint "an object implementing the methods ``names``" (scikit-learn's
    ``HasMethods``)."""

    def __init__(self, *names: str) -> None:
        self.names = names

    def is_satisfied_by(self, value: Any) -> bool:
        return all(callable(getattr(value, n, None)) for n in self.names)

    def __str__(self) -> str:
        quoted = [repr(n) for n in self.names]
        listed = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} and {quoted[-1]}"
        return f"an object implementing {listed}"


class _IterablesNotString:
    def is_satisfied_by(self, value: Any) -> bool:
        return hasattr(value, "__iter__") and not isinstance(value, str)

    def __str__(self) -> str:
        return "an iterable"


# scikit-learn's "cv_object": a number of folds ≥ 2, a splitter, an iterable of splits or None.
_CV_OBJECT = [Interval(numbers.Integral, 2, None, closed="left"),
              _HasMethods("split", "get_n_splits"), _IterablesNotString(), None]


# ---------------------------------------------------------------------------------------
# train_test_split
# ---------------------------------------------------------------------------------------

def _split_sizes(n: int, test_size, train_size, default_test_size: float = 0.25
                 ) -> tuple[int, int]:
    """(n_train, n_test): a float is a fraction (test rounded up, train down), an int a count."""
    for name, value in (("test_size", test_size), ("train_size", train_size)):
        if value is None:
            continue
        is_int = isinstance(value, numbers.Integral) and not isinstance(value, bool)
        is_float = isinstance(value, numbers.Real) and not is_int and not isinstance(value, bool)
        if not (is_int and value >= 1) and not (is_float and 0 < value < 1):
            raise InvalidParameterError(
                f"The '{name}' parameter of train_test_split must be a float in the range "
                f"(0.0, 1.0), an int in the range [1, inf) or None. Got {value!r} instead.")
        if is_int and value >= n:
            raise ValueError(f"{name}={value} should be either positive and smaller than the "
                             f"number of samples {n} or a float in the (0, 1) range")
    if test_size is None and train_size is None:
        test_size = default_test_size
    as_count = lambda s, rnd: rnd(s * n) if isinstance(s, float) else int(s)  # noqa: E731
    # At least one size is given now; a missing one is the rest of the samples.
    if train_size is None:
        n_test = as_count(test_size, math.ceil)
        n_train = n - n_test
    elif test_size is None:
        n_train = as_count(train_size, math.floor)
        n_test = n - n_train
    else:
        n_test = as_count(test_size, math.ceil)
        n_train = as_count(train_size, math.floor)
    if n_train + n_test > n:
        raise ValueError(f"The sum of train_size and test_size = {n_train + n_test}, should be "
                         f"smaller than the number of samples {n}. Reduce test_size and/or "
                         "train_size.")
    if n_train == 0:
        raise ValueError(f"With n_samples={n}, test_size={test_size} and train_size="
                         f"{train_size}, the resulting train set will be empty. Adjust any of "
                         "the aforementioned parameters.")
    return int(n_train), int(n_test)


def _approximate_mode(counts: NDArray[np.intp], n_draws: int,
                      rs: np.random.RandomState) -> NDArray[np.intp]:
    """How many of `n_draws` to take from each class: the proportional share rounded down,
    the remaining draws to the largest remainders (ties broken at random)."""
    share = counts / counts.sum() * n_draws
    taken = np.floor(share)
    missing = int(n_draws - taken.sum())
    remainder = share - taken
    for value in np.sort(np.unique(remainder))[::-1]:
        if missing <= 0:
            break
        (tied,) = np.where(remainder == value)
        add_now = min(len(tied), missing)
        taken[rs.choice(tied, size=add_now, replace=False)] += 1
        missing -= add_now
    return taken.astype(int)


def _stratified_split(y: ArrayLike, n_train: int, n_test: int,
                      rs: np.random.RandomState) -> tuple[NDArray, NDArray]:
    """Train and test indices holding each class in proportion (scikit-learn's
    ``StratifiedShuffleSplit``, first split)."""
    classes, y_index, counts = np.unique(np.asarray(y), return_inverse=True, return_counts=True)
    if counts.min() < 2:
        raise ValueError("The least populated classes in y have only 1 member, which is too "
                         "few. The minimum number of groups for any class cannot be less than"
                         f" 2. Classes with too few members are: "
                         f"{classes[counts < 2].tolist()}")
    if n_train < len(classes) or n_test < len(classes):
        which, size = ("train", n_train) if n_train < len(classes) else ("test", n_test)
        raise ValueError(f"The {which}_size = {size} should be greater or equal to the number "
                         f"of classes = {len(classes)}")
    members = np.split(np.argsort(y_index, kind="stable"), np.cumsum(counts)[:-1])
    n_i = _approximate_mode(counts, n_train, rs)
    t_i = _approximate_mode(counts - n_i, n_test, rs)
    train: list[int] = []
    test: list[int] = []
    for k in range(len(classes)):
        shuffled = members[k][rs.permutation(counts[k])]
        train.extend(shuffled[:n_i[k]])
        test.extend(shuffled[n_i[k]:n_i[k] + t_i[k]])
    return rs.permutation(train), rs.permutation(test)


def train_test_split(*arrays: ArrayLike, test_size: float | int | None = None,
                     train_size: float | int | None = None, random_state=None,
                     shuffle: bool = True, stratify: ArrayLike | None = None) -> list:
    """Split arrays into random train and test subsets.

    .. math::

        \\pi = \\text{a uniform random permutation of } \\{0, …, n-1\\}, \\quad
        \\text{test} = \\pi_{0:n_{test}}, \\quad \\text{train} = \\pi_{n_{test}:n_{test}+n_{train}}

    Parameters
    ----------
    *arrays : array_like, each with n_samples rows
    test_size, train_size : float in (0, 1), int ≥ 1, or None
        Fractions (test rounded up, train down) or counts; default test 0.25, train the rest.
    random_state : None, int or numpy.random.RandomState
    shuffle : bool, default True
        Without shuffling, the first n_train rows train and the next n_test test.
    stratify : array_like of shape (n_samples,), optional
        Class labels to keep in proportion in both subsets.

    Returns
    -------
    list of arrays
        ``[a_train, a_test]`` for each input array, in order (NumPy arrays; shapes
        (n_train, …) and (n_test, …)).

    Raises
    ------
    ValueError
        No arrays, inconsistent lengths, sizes that do not fit, a class with a single member
        when stratifying, stratify with shuffle=False.
    InvalidParameterError
        A size that is neither a fraction in (0, 1) nor a positive count; a shuffle that is
        not a bool, a random_state that is not a seed or RandomState.
    TypeError
        A 0-d array, or None among the arrays (it passes the length check, as in
        scikit-learn, but cannot be split).

    Notes
    -----
    *Algorithm*: 1. sizes from the fractions; 2. the indices: a prefix of a random permutation
    (stratified: per class, a proportional share of a per-class permutation, the leftover
    draws by largest remainder); 3. index every array.
    *Complexity*: O(n).
    *Numerical stability*: no arithmetic on the data.

    References
    ----------
    Hastie, Tibshirani & Friedman, The Elements of Statistical Learning, 2nd ed., §7.2.

    Checked against ``reference.model_selection.train_test_split`` →
    ``sklearn.model_selection.train_test_split``: the same split for the same `random_state`
    (both use ``RandomState.permutation``).

    Examples
    --------
    >>> X_train, X_test = train_test_split(np.arange(10), test_size=0.2, random_state=42)
    >>> X_train.tolist(), X_test.tolist()
    ([5, 0, 7, 2, 9, 4, 3, 6], [8, 1])
    """
    if not arrays:
        raise ValueError("At least one array required as input")
    # None passes the length check (scikit-learn's rule) but cannot be split (step 3).
    arrs = tuple(None if a is None else np.asarray(a) for a in arrays)
    check_consistent_length(*arrs)
    if arrs[0] is None:
        raise TypeError("Expected sequence or array-like, got <class 'NoneType'>")
    # Step 1: sizes.
    n_train, n_test = _split_sizes(arrs[0].shape[0], test_size, train_size)
    _validate_parameter_constraints(
        {"random_state": ["random_state"], "shuffle": ["boolean"],
         "stratify": ["array-like", None]},
        {"random_state": random_state, "shuffle": shuffle, "stratify": stratify},
        "train_test_split")
    # Step 2: the indices.
    if not shuffle:
        if stratify is not None:
            raise ValueError("Stratified train/test split is not implemented for shuffle=False")
        train, test = np.arange(n_train), np.arange(n_train, n_train + n_test)
    elif stratify is not None:
        train, test = _stratified_split(stratify, n_train, n_test, check_random_state(random_state))
    else:
        pi = check_random_state(random_state).permutation(arrs[0].shape[0])
        train, test = pi[n_test:n_test + n_train], pi[:n_test]
    # Step 3: index.
    for i, a in enumerate(arrs):
        if a is None:
            raise TypeError(f"Array {i} of train_test_split is None: 'NoneType' object is "
                            "not subscriptable")
    return [part for a in arrs if a is not None for part in (a[train], a[test])]


# ---------------------------------------------------------------------------------------
# K-fold splitters
# ---------------------------------------------------------------------------------------

class _KFoldBase:
    """Shared plumbing: hyperparameter checks, ``get_n_splits``, ``split`` from test masks."""

    n_splits: int
    shuffle: bool
    random_state: Any  # None, an int or a RandomState (see check_random_state)
    _needs_y = False   # whether the folds depend on y (then y=None is an error)

    def __init__(self, n_splits: int = 5, *, shuffle: bool = False, random_state=None) -> None:
        if not isinstance(n_splits, numbers.Integral) or isinstance(n_splits, bool):
            raise ValueError(f"The number of folds must be of Integral type. {n_splits!r} of "
                             f"type {type(n_splits)} was passed.")
        if n_splits <= 1:
            raise ValueError("k-fold cross-validation requires at least one train/test split "
                             f"by setting n_splits=2 or more, got n_splits={n_splits}.")
        if not isinstance(shuffle, bool):
            raise TypeError(f"shuffle must be True or False; got {shuffle}")
        if not shuffle and random_state is not None:
            raise ValueError("Setting a random_state has no effect since shuffle is False. "
                             "You should leave random_state to its default (None), or set "
                             "shuffle=True.")
        self.n_splits, self.shuffle, self.random_state = int(n_splits), shuffle, random_state

    def get_n_splits(self, X=None, y=None, groups=None) -> int:
        """The number of folds."""
        return self.n_splits

    def split(self, X: ArrayLike, y: ArrayLike | None = None, groups=None
              ) -> Iterator[tuple[NDArray[np.intp], NDArray[np.intp]]]:
        """Yield (train indices, test indices) for each fold, in fold order."""
        if self._needs_y:
            y = np.asarray(y)                    # None becomes a 0-d array, refused below
        check_consistent_length(X, y, groups)
        n = _num_samples(X)
        if self.n_splits > n:
            raise ValueError(f"Cannot have number of splits n_splits={self.n_splits} greater "
                             f"than the number of samples: n_samples={n}.")
        indices = np.arange(n)
        for test in self._test_indices(n, y):
            mask = np.zeros(n, dtype=bool)
            mask[test] = True
            yield indices[~mask], indices[mask]

    def _test_indices(self, n: int, y) -> Iterator[NDArray[np.intp]]:
        """The test indices of each fold (each subclass's own rule)."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return (f"{type(self).__name__}(n_splits={self.n_splits}, "
                f"random_state={self.random_state!r}, shuffle={self.shuffle})")


class KFold(_KFoldBase):
    """K-fold cross-validation: consecutive folds, optionally after a shuffle.

    .. math::

        |F_k| = \\lfloor n / K \\rfloor + [k < n \\bmod K], \\qquad k = 0, …, K-1

    Parameters
    ----------
    n_splits : int, default 5
        K ≥ 2.
    shuffle : bool, default False
        Shuffle the indices once before cutting them into folds.
    random_state : None, int or numpy.random.RandomState
        Only with ``shuffle=True``.

    Raises
    ------
    ValueError
        n_splits < 2 or greater than n_samples; random_state without shuffle; X, y (and
        groups) of different lengths in ``split``.

    Notes
    -----
    *Algorithm*: 1. (shuffle) the indices; 2. cut them into K consecutive folds, the first
    n mod K one longer; 3. each fold is a test set, the rest its training set.
    *Complexity*: O(n·K). *Numerical stability*: no arithmetic on the data.

    References
    ----------
    Hastie, Tibshirani & Friedman, The Elements of Statistical Learning, 2nd ed., §7.10.

    Checked against ``reference.model_selection.KFold`` → ``sklearn.model_selection.KFold``:
    the same folds.

    Examples
    --------
    >>> [test.tolist() for _, test in KFold(3).split(np.zeros((5, 1)))]
    [[0, 1], [2, 3], [4]]
    """

    def _test_indices(self, n: int, y) -> Iterator[NDArray[np.intp]]:
        # Step 1: shuffle.
        indices = np.arange(n)
        if self.shuffle:
            check_random_state(self.random_state).shuffle(indices)
        # Step 2: consecutive folds.
        sizes = np.full(self.n_splits, n // self.n_splits)
        sizes[:n % self.n_splits] += 1
        bounds = np.concatenate([[0], np.cumsum(sizes)])
        # Step 3: (split) the complement of each fold trains.
        for k in range(self.n_splits):
            yield indices[bounds[k]:bounds[k + 1]]


class StratifiedKFold(_KFoldBase):
    """Stratified K-fold: each fold holds every class in about its overall proportion.

    .. math::

        n_{k,c} = \\#\\{ i \\equiv k \\pmod K : \\text{the } i\\text{-th of the sorted labels is } c \\}

    Parameters
    ----------
    n_splits : int, default 5
    shuffle : bool, default False
        Shuffle each class's fold assignment.
    random_state : None, int or numpy.random.RandomState

    Raises
    ------
    ValueError
        A non-class target; n_splits greater than every class's count. (A class smaller than
        n_splits only warns, UserWarning.)

    Notes
    -----
    *Algorithm*: 1. encode the classes in order of first appearance; 2. deal the sorted
    labels round robin to the folds, which gives each fold's count per class; 3. assign each
    class's samples to folds in blocks of those counts (shuffled when asked).
    *Complexity*: O(n·K). *Numerical stability*: no arithmetic on the data.

    References
    ----------
    Kohavi, "A study of cross-validation and bootstrap for accuracy estimation and model
    selection", IJCAI 1995.

    Checked against ``reference.model_selection.StratifiedKFold`` →
    ``sklearn.model_selection.StratifiedKFold``: the same folds.

    Examples
    --------
    >>> y = np.array([0, 0, 0, 1, 1, 1])
    >>> [test.tolist() for _, test in StratifiedKFold(3).split(np.zeros((6, 1)), y)]
    [[0, 3], [1, 4], [2, 5]]
    """

    _needs_y = True

    def _test_indices(self, n: int, y) -> Iterator[NDArray[np.intp]]:
        folds = self._test_folds(y)
        for k in range(self.n_splits):
            yield np.flatnonzero(folds == k)

    def _test_folds(self, y: ArrayLike) -> NDArray[np.intp]:
        y = np.asarray(y)
        kind = type_of_target(y)
        if kind not in ("binary", "multiclass"):
            raise ValueError(f"Supported target types are: ('binary', 'multiclass'). Got "
                             f"{kind!r} instead.")
        y = y.ravel()
        # Step 1: classes numbered by first appearance.
        _, first, inverse = np.unique(y, return_index=True, return_inverse=True)
        _, rank = np.unique(first, return_inverse=True)
        y_encoded = rank[inverse]
        counts = np.bincount(y_encoded)
        if np.all(self.n_splits > counts):
            raise ValueError(f"n_splits={self.n_splits} cannot be greater than the number of "
                             "members in each class.")
        if self.n_splits > counts.min():
            import warnings
            warnings.warn(f"The least populated class in y has only {counts.min()} members, "
                          f"which is less than n_splits={self.n_splits}.", UserWarning, stacklevel=2)
        # Step 2: round robin over the sorted labels gives the per-fold class counts.
        y_sorted = np.sort(y_encoded)
        allocation = np.array([np.bincount(y_sorted[k::self.n_splits], minlength=len(counts))
                               for k in range(self.n_splits)])
        # Step 3: blocks of fold numbers per class.
        rs = check_random_state(self.random_state)
        folds = np.empty(len(y), dtype=np.intp)
        for c in range(len(counts)):
            folds_c = np.repeat(np.arange(self.n_splits), allocation[:, c])
            if self.shuffle:
                rs.shuffle(folds_c)
            folds[y_encoded == c] = folds_c
        return folds


# ---------------------------------------------------------------------------------------
# Cross-validated scores
# ---------------------------------------------------------------------------------------

class _GivenSplits:
    """An iterable of (train, test) index pairs used as a splitter (scikit-learn's
    ``_CVIterableWrapper``)."""

    def __init__(self, splits) -> None:
        self.splits = list(splits)

    def get_n_splits(self, X=None, y=None, groups=None) -> int:
        return len(self.splits)

    def split(self, X=None, y=None, groups=None):
        # each split unpacked: one that is not a (train, test) pair is a ValueError
        yield from ((train, test) for train, test in self.splits)


def _check_cv(cv, y, classifier: bool):
    """scikit-learn's ``check_cv``: an int (default 5) is StratifiedKFold for a classifier
    on a class target, else KFold; a splitter is used as it is; an iterable of (train, test)
    pairs gives those splits."""
    cv = 5 if cv is None else cv
    if isinstance(cv, numbers.Integral):
        n_splits = cast(int, cv)  # mypy does not treat numbers.Integral as int
        if classifier and y is not None and type_of_target(y) in ("binary", "multiclass"):
            return StratifiedKFold(n_splits)
        return KFold(n_splits)
    if not hasattr(cv, "split"):
        return _GivenSplits(cv)
    return cv


def _check_cv_inputs(caller: str, estimator, X, y, cv, extra: dict[str, tuple[list, Any]]
                     ) -> tuple[NDArray, NDArray | None]:
    """The checks of scikit-learn's ``validate_params`` for `caller`, then X and y as arrays
    of the same number of samples."""
    constraints: dict[str, list] = {"estimator": [_HasMethods("fit")], "X": ["array-like"],
                   "y": ["array-like", None], "cv": _CV_OBJECT}
    params = {"estimator": estimator, "X": X, "y": y, "cv": cv}
    for name, (constraint, value) in extra.items():
        constraints[name], params[name] = constraint, value
    _validate_parameter_constraints(constraints, params, caller)
    check_consistent_length(X, y)
    return np.asarray(X), None if y is None else np.asarray(y)


def _scorer(scoring) -> Callable[[Any, NDArray, NDArray | None], float]:
    """The score of a fitted estimator on (X, y): its own ``score`` (None), a callable
    ``scoring(estimator, X, y)``, or a named metric (negated errors: larger is better)."""
    if scoring is None:
        return lambda est, X, y: float(est.score(X, y))
    if callable(scoring):
        return scoring
    # the metrics themselves, so that a NaN or infinite target is refused as scikit-learn's
    # scorers refuse it (and the fold then scores error_score)
    metrics = {
        "accuracy": lambda y, p: float(accuracy_score(y, p)),
        "r2": lambda y, p: float(r2_score(y, p)),
        "neg_mean_squared_error": lambda y, p: -float(mean_squared_error(y, p)),
        "neg_mean_absolute_error": lambda y, p: -float(mean_absolute_error(y, p)),
    }
    if scoring not in metrics:
        raise InvalidParameterError(f"The 'scoring' parameter must be a str among "
                                    f"{sorted(metrics)}, a callable or None. Got {scoring!r} "
                                    "instead.")
    metric = metrics[scoring]
    return lambda est, X, y: metric(np.asarray(y), est.predict(X))


def _is_classifier(estimator) -> bool:
    return getattr(estimator, "_estimator_type", None) == "classifier"


_INDEX_MESSAGE = ("No valid specification of the columns. Only a scalar, list or slice of all "
                  "integers or all strings, or boolean mask is allowed")


def _rows(X: NDArray, y: NDArray | None, indices: Any) -> tuple[NDArray, NDArray | None]:
    """The rows `indices` (integers or a boolean mask) of X and y; any other index is
    scikit-learn's ValueError, raised before the fit (not an error_score)."""
    key = np.asarray(indices)
    if key.size == 0:
        key = key.astype(np.intp)
    elif key.dtype.kind not in "iub":
        raise ValueError(_INDEX_MESSAGE)
    return X[key], None if y is None else y[key]


def _fit(estimator, X: NDArray, y: NDArray | None, error_score) -> tuple[Any, str | None]:
    """(a fitted clone, None), or (None, the failure's traceback) when the fit raises and
    error_score is a number (scikit-learn's default np.nan) rather than 'raise'."""
    try:
        return clone(estimator).fit(X, y), None
    except Exception:
        if isinstance(error_score, str) and error_score == "raise":
            raise
        return None, traceback.format_exc()


def _score(score, model, X: NDArray, y: NDArray | None, error_score) -> float:
    """score(model, X, y), or error_score (with a UserWarning) when scoring raises."""
    try:
        return score(model, X, y)
    except Exception:
        if isinstance(error_score, str) and error_score == "raise":
            raise
        warnings.warn("Scoring failed. The score on this train-test partition for these "
                      f"parameters will be set to {error_score}. Details: \n"
                      f"{traceback.format_exc()}", UserWarning, stacklevel=3)
        return error_score


def _warn_or_raise_about_fit_failures(fit_errors: list[str | None], error_score) -> None:
    """ValueError when every fit failed; FitFailedWarning when some did (scikit-learn's
    wording, with each distinct traceback once)."""
    failed = [e for e in fit_errors if e is not None]
    if not failed:
        return
    delimiter = "-" * 80 + "\n"
    summary = "\n".join(f"{delimiter}{n} fits failed with the following error:\n{error}"
                        for error, n in Counter(failed).items())
    if len(failed) == len(fit_errors):
        raise ValueError(f"\nAll the {len(fit_errors)} fits failed.\nIt is very likely that "
                         "your model is misconfigured.\nYou can try to debug the error by "
                         "setting error_score='raise'.\n\nBelow are more details about the "
                         f"failures:\n{summary}")
    warnings.warn(f"\n{len(failed)} fits failed out of a total of {len(fit_errors)}.\nThe "
                  f"score on these train-test partitions for these parameters will be set to "
                  f"{error_score}.\nIf these failures are not expected, you can try to debug "
                  "them by setting error_score='raise'.\n\nBelow are more details about the "
                  f"failures:\n{summary}", FitFailedWarning, stacklevel=3)


#: scikit-learn's constraint on error_score.
_ERROR_SCORE = (StrOptions({"raise"}), numbers.Real)


def cross_val_score(estimator, X: ArrayLike, y: ArrayLike | None = None, *, cv=None,
                    scoring=None, error_score: float | str = np.nan) -> NDArray[np.float64]:
    """Score an estimator on each fold of a cross-validation.

    .. math::

        s_k = \\text{score}\\big(\\hat f_{-k}, X_{F_k}, y_{F_k}\\big), \\qquad
        \\hat f_{-k} = \\text{fit on all folds but } F_k

    Parameters
    ----------
    estimator : estimator with fit and predict (or score)
        Cloned for each fold; not modified.
    X : array_like of shape (n_samples, n_features)
    y : array_like of shape (n_samples,), optional
    cv : int, splitter or None
        Number of folds (default 5; stratified for a classifier) or a KFold/StratifiedKFold.
    scoring : None, str or callable
        None: ``estimator.score``; 'accuracy', 'r2', 'neg_mean_squared_error',
        'neg_mean_absolute_error'; or ``scoring(estimator, X, y)``.
    error_score : 'raise' or float, default np.nan
        The score of a fold whose fit or scoring raises (with a FitFailedWarning or a
        UserWarning); 'raise' lets the error through.

    Returns
    -------
    scores : ndarray of shape (n_splits,)

    Raises
    ------
    ValueError
        X and y of different lengths; every fit failed; split indices that are neither
        integers nor a boolean mask; as the splitter.
    IndexError
        cv an iterable of no splits (scikit-learn's class).
    InvalidParameterError
        cv neither an int ≥ 2, a splitter, an iterable of splits nor None; an estimator
        without ``fit``.

    Notes
    -----
    *Algorithm*: 1. choose the splitter; 2. for each fold, fit a clone on its complement and
    score it on the fold (a failure scores `error_score`, NaN by default, as in
    scikit-learn: NaN or infinity in the data gives NaN scores and a warning, not an
    error, unless every fit fails).
    *Complexity*: K fits on about n(K − 1)/K samples each and K scorings on about n/K,
    plus O(n) to build the folds; for least squares (the catalog's estimator) O(K n p²).
    *Numerical stability*: that of the estimator.

    References
    ----------
    Hastie, Tibshirani & Friedman, The Elements of Statistical Learning, 2nd ed., §7.10.

    Checked against ``reference.model_selection.cross_val_score`` →
    ``sklearn.model_selection.cross_val_score(LinearRegression())``, the catalog's
    estimator: the same folds, hence the same scores for any deterministic estimator (up to
    the estimator's own tolerance).

    Examples
    --------
    >>> from mathml.linear_model import LinearRegression
    >>> X = np.arange(10.0).reshape(-1, 1)
    >>> np.round(cross_val_score(LinearRegression(), X, 2 * X.ravel() + 1, cv=2,
    ...                          scoring="neg_mean_squared_error"), 6) + 0.0
    array([0., 0.])
    """
    X, y = _check_cv_inputs("cross_val_score", estimator, X, y, cv,
                            {"error_score": (list(_ERROR_SCORE), error_score)})
    # Step 1: the splitter.
    splitter = _check_cv(cv, y, _is_classifier(estimator))
    score = _scorer(scoring)
    # Step 2: fit and score per fold.
    scores, fit_errors = [], []
    for train, test in splitter.split(X, y):
        (X_train, y_train), (X_test, y_test) = _rows(X, y, train), _rows(X, y, test)
        model, fit_error = _fit(estimator, X_train, y_train, error_score)
        fit_errors.append(fit_error)
        scores.append(error_score if model is None else
                      _score(score, model, X_test, y_test, error_score))
    if not scores:
        # scikit-learn reads the first fold's results: an IndexError, kept as its class
        raise IndexError("list index out of range: cv gave no (train, test) splits")
    _warn_or_raise_about_fit_failures(fit_errors, error_score)
    return np.array(scores, dtype=float)


def learning_curve(estimator, X: ArrayLike, y: ArrayLike | None = None, *,
                   train_sizes: ArrayLike = (0.1, 0.325, 0.55, 0.775, 1.0), cv=None, scoring=None,
                   shuffle: bool = False, random_state=None, n_jobs=None,
                   error_score: float | str = np.nan
                   ) -> tuple[NDArray[np.intp], NDArray[np.float64], NDArray[np.float64]]:
    """Training and validation scores for growing training sets.

    .. math::

        \\text{train}_{jk} = \\text{score}(\\hat f_{jk}, T_k^{(m_j)}), \\quad
        \\text{test}_{jk} = \\text{score}(\\hat f_{jk}, F_k), \\quad
        \\hat f_{jk} = \\text{fit on the first } m_j \\text{ of fold } k\\text{'s training set } T_k

    Parameters
    ----------
    estimator : estimator
    X : array_like of shape (n_samples, n_features)
    y : array_like of shape (n_samples,), optional
    train_sizes : array_like
        Fractions in (0, 1] of the largest training set (floats) or counts (ints).
    cv : int, splitter or None
        As in :func:`cross_val_score`.
    scoring : None, str or callable
        As in :func:`cross_val_score`.
    shuffle : bool, default False
        Shuffle each training set before taking its prefixes.
    random_state : None, int or numpy.random.RandomState
        For ``shuffle``.
    n_jobs : int or None
        Accepted for scikit-learn's API; the fits run one after the other.
    error_score : 'raise' or float, default np.nan
        As in :func:`cross_val_score`: the train and test scores of a failed fit, the score
        of a failed scoring.

    Returns
    -------
    train_sizes_abs : ndarray of shape (n_ticks,)
        The distinct training-set sizes used (integers).
    train_scores, test_scores : ndarray of shape (n_ticks, n_splits)

    Raises
    ------
    ValueError
        Sizes outside (0, 1] (fractions) or (0, n_max] (counts); X and y of different lengths;
        every fit failed; a split that is not a (train, test) pair.
    IndexError
        cv an iterable of no splits; a 0-d train_sizes (scikit-learn's class).
    InvalidParameterError
        cv as in :func:`cross_val_score`; shuffle not a bool; a bad random_state or n_jobs.

    Notes
    -----
    *Algorithm*: 1. the splits; 2. the sizes, as integers, deduplicated; 3. for each split
    and size, fit a clone on the prefix and score it on the prefix and on the fold (a
    failure scores `error_score`, as in :func:`cross_val_score`).
    *Complexity*: n_ticks·K fits, on at most n(K − 1)/K samples each, and twice as many
    scorings; for least squares (the catalog's estimator) O(n_ticks K n p²).
    *Numerical stability*: that of the estimator.

    References
    ----------
    Hastie, Tibshirani & Friedman, The Elements of Statistical Learning, 2nd ed., §7.

    Checked against ``reference.model_selection.learning_curve`` →
    ``sklearn.model_selection.learning_curve(LinearRegression())``, the catalog's estimator
    (its ``groups``, ``verbose`` and
    incremental options left out; ``n_jobs`` accepted): the same sizes and splits.

    Examples
    --------
    >>> from mathml.linear_model import LinearRegression
    >>> X = np.arange(20.0).reshape(-1, 1)
    >>> sizes, train, test = learning_curve(LinearRegression(), X, 3 * X.ravel(), cv=4,
    ...                                     train_sizes=[0.5, 1.0])
    >>> sizes.tolist(), train.shape
    ([7, 15], (2, 4))
    """
    X, y = _check_cv_inputs(
        "learning_curve", estimator, X, y, cv,
        {"train_sizes": (["array-like"], train_sizes), "shuffle": (["boolean"], shuffle),
         "random_state": (["random_state"], random_state),
         "n_jobs": ([numbers.Integral, None], n_jobs),
         "error_score": (list(_ERROR_SCORE), error_score)})
    # Step 1: splits.
    splits = list(_check_cv(cv, y, _is_classifier(estimator)).split(X, y))
    # Step 2: sizes.
    sizes = _training_sizes(np.asarray(train_sizes), len(splits[0][0]))
    if shuffle:
        rs = check_random_state(random_state)
        splits = [(rs.permutation(train), test) for train, test in splits]
    # Step 3: fit and score each prefix.
    score = _scorer(scoring)
    train_scores = np.empty((len(sizes), len(splits)))
    test_scores = np.empty((len(sizes), len(splits)))
    fit_errors = []
    for k, (train, test) in enumerate(splits):
        for j, m in enumerate(sizes):
            (X_part, y_part), (X_test, y_test) = _rows(X, y, train[:m]), _rows(X, y, test)
            model, fit_error = _fit(estimator, X_part, y_part, error_score)
            fit_errors.append(fit_error)
            if model is None:
                train_scores[j, k] = test_scores[j, k] = error_score
                continue
            train_scores[j, k] = _score(score, model, X_part, y_part, error_score)
            test_scores[j, k] = _score(score, model, X_test, y_test, error_score)
    _warn_or_raise_about_fit_failures(fit_errors, error_score)
    return sizes, train_scores, test_scores


def _training_sizes(train_sizes: NDArray, n_max: int) -> NDArray[np.intp]:
    """Fractions of n_max (or counts) as distinct integer sizes in [1, n_max]."""
    if train_sizes.ndim == 0:
        # scikit-learn counts the ticks as train_sizes.shape[0]: an IndexError, kept as its class
        raise IndexError("tuple index out of range: train_sizes must be a 1-D array-like")
    low, high = train_sizes.min(), train_sizes.max()
    if np.issubdtype(train_sizes.dtype, np.floating):
        if low <= 0.0 or high > 1.0:
            raise ValueError("train_sizes has been interpreted as fractions of the maximum "
                             "number of training samples and must be within (0, 1], but is "
                             f"within [{low:f}, {high:f}].")
        train_sizes = np.clip((train_sizes * n_max).astype(int), 1, n_max)
    elif low <= 0 or high > n_max:
        raise ValueError("train_sizes has been interpreted as absolute numbers of training "
                         f"samples and must be within (0, {n_max}], but is within "
                         f"[{low}, {high}].")
    return np.unique(train_sizes)
