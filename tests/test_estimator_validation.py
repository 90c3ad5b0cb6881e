"""Same failures (docs/contract.md §3, the estimator row) for the estimator plumbing itself.

A toy classifier is written twice, once on mathml's plumbing (`mathml.base`,
`mathml._validation`) and once on scikit-learn's (`sklearn.utils.validation`,
`sklearn.utils.multiclass`, `sklearn.utils._param_validation`); each bad input of the
contract must fail both the same way: the same exception class name and the same message
(for NaN in X, the same first line: scikit-learn appends a paragraph of advice). The
estimators' own rows are catalog bad cases (preprocessing, metrics, the models).
"""
from __future__ import annotations

import warnings
from numbers import Real

import numpy as np
import pytest
import scipy.sparse
from sklearn import base as skbase
from sklearn.utils import _param_validation as skparams
from sklearn.utils import multiclass as skmulticlass
from sklearn.utils import validation as skvalidation

from mathml import _validation as mlvalidation
from mathml import base as mlbase
from mathml.exceptions import DataConversionWarning


def _toy_classes():
    """The same classifier on each framework's plumbing, both called ``Toy``."""

    class Toy(mlbase.ClassifierMixin, mlbase.BaseEstimator):
        _parameter_constraints = {"alpha": [mlbase.Interval(Real, 0, None, closed="left")]}

        def __init__(self, *, alpha=1.0):
            self.alpha = alpha

        def fit(self, X, y):
            self._validate_hyperparameters()
            X, y = mlvalidation.validate_data(self, X, y, reset=True)
            mlvalidation.check_classification_targets(y)
            self.classes_ = np.unique(y)
            return self

        def predict(self, X):
            mlbase.check_is_fitted(self)
            X = mlvalidation.validate_data(self, X, reset=False)
            return np.full(X.shape[0], self.classes_[0])

    ours = Toy

    class Toy(skbase.ClassifierMixin, skbase.BaseEstimator):
        _parameter_constraints = {"alpha": [skparams.Interval(Real, 0, None, closed="left")]}

        def __init__(self, *, alpha=1.0):
            self.alpha = alpha

        def fit(self, X, y):
            self._validate_params()
            X, y = skvalidation.validate_data(self, X, y, reset=True)
            skmulticlass.check_classification_targets(y)
            self.classes_ = np.unique(y)
            return self

        def predict(self, X):
            skvalidation.check_is_fitted(self)
            X = skvalidation.validate_data(self, X, reset=False)
            return np.full(X.shape[0], self.classes_[0])

    return ours, Toy


MATHML_TOY, SKLEARN_TOY = _toy_classes()

X = np.array([[0.0, 1.0], [1.0, 0.5], [2.0, 2.0], [3.0, 1.5]])
y = np.array([0, 1, 0, 1])


def _with(A, i, j, value):
    A = A.astype(complex if isinstance(value, complex) else float)
    A[i, j] = value
    return A


# (label, hyperparameters, fit arguments or None, predict argument or None)
BAD = [
    ("NaN in X", {}, (_with(X, 0, 0, np.nan), y), None),
    ("inf in X", {}, (_with(X, 1, 1, np.inf), y), None),
    ("NaN in y", {}, (X, np.array([0.0, np.nan, 1.0, 0.0])), None),
    ("inf in y", {}, (X, np.array([0.0, np.inf, 1.0, 0.0])), None),
    ("1-D X", {}, (X[:, 0], y), None),
    ("scalar X", {}, (np.float64(3.0), y), None),
    ("3-D X", {}, (X[None], y), None),
    ("empty X", {}, (np.empty((0, 2)), np.empty(0)), None),
    ("no features", {}, (np.empty((4, 0)), y), None),
    ("complex X", {}, (_with(X, 0, 0, 1 + 1j), y), None),
    ("sparse X", {}, (scipy.sparse.csr_matrix(X), y), None),
    ("strings in X", {}, (np.array([["a", "b"], ["c", "d"]]), y[:2]), None),
    ("length mismatch", {}, (X, y[:3]), None),
    ("y is None", {}, (X, None), None),
    ("2-D y", {}, (X, np.c_[y, y]), None),
    ("continuous y for a classifier", {}, (X, np.array([0.5, 1.5, 0.25, 2.0])), None),
    ("wrong number of features", {}, (X, y), X[:, :1]),
    ("1-D X in predict", {}, (X, y), X[0]),
    ("predict before fit", {}, None, X),
    ("invalid hyperparameter", {"alpha": -1}, (X, y), None),
    ("hyperparameter of the wrong type", {"alpha": "big"}, (X, y), None),
]


def _outcome(cls, params, fit_args, predict_X):
    try:
        estimator = cls(**params)
        if fit_args is not None:
            estimator.fit(*fit_args)
        if predict_X is not None:
            estimator.predict(predict_X)
    except Exception as exc:
        return type(exc).__name__, str(exc)
    return None, ""


def _comparable(message: str) -> str:
    if "does not accept missing values" in message:
        return message.split("\n")[0]  # scikit-learn's advice paragraph follows
    return message


@pytest.mark.parametrize("params, fit_args, predict_X",
                         [pytest.param(*row[1:], id=row[0]) for row in BAD])
def test_bad_input_fails_as_scikit_learn(params, fit_args, predict_X):
    ours = _outcome(MATHML_TOY, params, fit_args, predict_X)
    theirs = _outcome(SKLEARN_TOY, params, fit_args, predict_X)
    assert theirs[0] is not None, "scikit-learn accepts this input: not a bad input"
    assert ours[0] == theirs[0], f"mathml raised {ours}, scikit-learn {theirs}"
    assert _comparable(ours[1]) == _comparable(theirs[1])


def test_exception_classes_have_scikit_learns_bases():
    from sklearn.exceptions import NotFittedError
    from mathml.exceptions import InvalidParameterError, NotFittedError as MLNotFittedError
    assert MLNotFittedError.__mro__[1:3] == NotFittedError.__mro__[1:3]
    assert InvalidParameterError.__mro__[1:3] == skparams.InvalidParameterError.__mro__[1:3]


def test_column_vector_y_warns_and_is_raveled():
    caught = {}
    for name, cls in (("mathml", MATHML_TOY), ("sklearn", SKLEARN_TOY)):
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            estimator = cls().fit(X, y[:, None])
        caught[name] = [(type(x.message).__name__, str(x.message)) for x in w]
        assert estimator.classes_.tolist() == [0, 1]
    assert caught["mathml"] == caught["sklearn"]
    assert caught["mathml"][0][0] == DataConversionWarning.__name__


def test_n_features_in_is_set_by_fit():
    assert MATHML_TOY().fit(X, y).n_features_in_ == SKLEARN_TOY().fit(X, y).n_features_in_ == 2


# --- the checks one by one against scikit-learn's functions -------------------------------------

TARGETS = [
    [0, 1, 1], [1.0, 2.0, 3.0], [0.5, 1.0], ["a", "b"], ["a", "b", "c"], [[1, 0], [0, 1]],
    [[1.5, 2.0], [1.0, 2.0]], [[1, 2], [3, 1]], [True, False], np.array([[1], [2], [3]]),
    np.array([1, 2, 2], dtype=np.uint8), [[]], np.zeros((2, 2, 2)), [-1, 1, -1],
]


@pytest.mark.parametrize("target", TARGETS, ids=repr)
def test_type_of_target(target):
    assert mlvalidation.type_of_target(target) == skmulticlass.type_of_target(target)


@pytest.mark.parametrize("target", TARGETS, ids=repr)
def test_check_classification_targets(target):
    outcomes = []
    for check in (mlvalidation.check_classification_targets,
                  skmulticlass.check_classification_targets):
        try:
            check(target)
            outcomes.append(None)
        except ValueError as exc:
            outcomes.append(str(exc))
    assert outcomes[0] == outcomes[1]


@pytest.mark.parametrize("arrays", [([1, 2], [1, 2, 3]), ([1, 2, 3], None, np.ones((3, 2))),
                                    (np.ones((4, 1)), [1, 2], [1])], ids=repr)
def test_check_consistent_length(arrays):
    outcomes = []
    for check in (mlvalidation.check_consistent_length, skvalidation.check_consistent_length):
        try:
            check(*arrays)
            outcomes.append(None)
        except ValueError as exc:
            outcomes.append(str(exc))
    assert outcomes[0] == outcomes[1]


def test_check_random_state():
    assert mlvalidation.check_random_state(3).rand() == skvalidation.check_random_state(3).rand()
    rs = np.random.RandomState(0)
    assert mlvalidation.check_random_state(rs) is rs
    assert mlvalidation.check_random_state(None) is skvalidation.check_random_state(None)
    with pytest.raises(ValueError, match="cannot be used to seed"):
        mlvalidation.check_random_state("seed")
    # a bool is an int, as in scikit-learn's check
    assert mlvalidation.check_random_state(True).rand() == \
        skvalidation.check_random_state(True).rand()


def test_check_array_converts_to_float64():
    A = mlvalidation.check_array([[1, 2], [3, 4]])
    assert A.dtype == np.float64
    B = mlvalidation.check_array(np.array([["a"]], dtype=object), dtype=None)
    assert B.dtype == object


TARGETS = [
    [0, 1, 1], [1, 2, 3], [0.5, 1.5], [1.0, 2.0, 1.0], ["a", "b"], ["a", "b", "c"], [],
    [[0, 1], [1, 0]], [[1, 2], [2, 1]], [[1, 2, 3], [3, 2, 1]], [[0.5, 1.5], [1.0, 2.0]],
    [[1], [2], [1]], np.ones((2, 2, 2)), np.float64(1.0), [0, None, 1], ["a", 1],
    np.array([["a", "b"], ["c", "d"]], dtype=object), [[0, 1], [1], [0]], [b"a", b"b"],
    [0.0, np.nan], [0.0, np.inf], "abc", 5, [True, False],
]


@pytest.mark.parametrize("y", TARGETS, ids=[repr(t)[:30] for t in TARGETS])
def test_type_of_target_as_scikit_learn(y):
    """The kind of target, or the same exception class and message."""
    outcomes = []
    for type_of_target in (mlvalidation.type_of_target, skmulticlass.type_of_target):
        try:
            outcomes.append(type_of_target(y, input_name="y"))
        except (TypeError, ValueError) as exc:
            outcomes.append((type(exc).__name__, str(exc)))
    assert outcomes[0] == outcomes[1]
