"""The estimator plumbing (`mathml.base`) against scikit-learn's (`sklearn.base`,
`sklearn.utils._param_validation`): the same hyperparameter access, cloning, repr, fitted
check and constraint messages, on the same toy estimators written on each base class."""
from __future__ import annotations

import pickle
from numbers import Integral, Real

import numpy as np
import pytest
from sklearn import base as skbase
from sklearn.exceptions import NotFittedError as SkNotFittedError
from sklearn.utils import _param_validation as skparams
from sklearn.utils.validation import check_is_fitted as sk_check_is_fitted

from mathml import base as mlbase
from mathml.exceptions import InvalidParameterError, NotFittedError
from mathml.preprocessing import StandardScaler


def _toy(base):
    class Toy(base):
        def __init__(self, *, alpha=1.0, kernel="rbf", inner=None, sizes=(1, 2)):
            self.alpha = alpha
            self.kernel = kernel
            self.inner = inner
            self.sizes = sizes

        def fit(self, X, y=None):
            self.coef_ = np.asarray(X).sum(axis=0)
            return self
    return Toy


MLToy, SkToy = _toy(mlbase.BaseEstimator), _toy(skbase.BaseEstimator)


def _pair(**params):
    """The same toy on both bases; a nested estimator is built on the same base."""
    inner = params.pop("inner", None)
    ours = MLToy(**params, inner=None if inner is None else MLToy(**inner))
    theirs = SkToy(**params, inner=None if inner is None else SkToy(**inner))
    return ours, theirs


def _plain(params: dict) -> dict:
    """Nested estimators replaced by their class name, to compare across frameworks."""
    return {k: type(v).__name__ if hasattr(v, "get_params") else v for k, v in params.items()}


@pytest.mark.parametrize("params", [{}, {"alpha": 2.0, "kernel": "linear"},
                                    {"inner": {"alpha": 3.0}}, {"sizes": (3,)}])
def test_get_params_and_repr(params):
    ours, theirs = _pair(**params)
    for deep in (True, False):
        assert _plain(ours.get_params(deep=deep)) == _plain(theirs.get_params(deep=deep))
    assert repr(ours) == repr(theirs)


def test_set_params_reaches_nested_estimators():
    ours, theirs = _pair(inner={})
    for est in (ours, theirs):
        assert est.set_params(alpha=5.0, inner__kernel="poly") is est
    assert _plain(ours.get_params()) == _plain(theirs.get_params())


def test_set_params_refuses_unknown_names():
    ours, theirs = _pair()
    with pytest.raises(ValueError, match="Invalid parameter 'beta' for estimator"):
        ours.set_params(beta=1)
    with pytest.raises(ValueError, match="Invalid parameter 'beta' for estimator"):
        theirs.set_params(beta=1)


def test_clone_is_unfitted_with_equal_but_new_hyperparameters():
    ours = MLToy(alpha=2.0, inner=MLToy(alpha=4.0)).fit(np.ones((2, 2)))
    copy = mlbase.clone(ours)
    assert copy is not ours and copy.inner is not ours.inner
    assert _plain(copy.get_params()) == _plain(ours.get_params())
    assert not hasattr(copy, "coef_")
    assert [type(c) for c in mlbase.clone([ours, ours])] == [MLToy, MLToy]
    for clone in (mlbase.clone, skbase.clone):
        with pytest.raises(TypeError, match="does not implement a 'get_params' method"):
            clone(object())


def test_check_is_fitted_message_is_scikit_learns():
    messages = []
    for check, toy, error in ((mlbase.check_is_fitted, MLToy, NotFittedError),
                              (sk_check_is_fitted, SkToy, SkNotFittedError)):
        with pytest.raises(error) as info:
            check(toy())
        messages.append(str(info.value))
        check(toy().fit(np.ones((2, 2))))  # fitted: no error
    assert messages[0] == messages[1]


# --- hyperparameter constraints ----------------------------------------------------------------

CONSTRAINTS = [
    ("Interval(Real, 0, None, closed='left')",
     mlbase.Interval(Real, 0, None, closed="left"),
     skparams.Interval(Real, 0, None, closed="left")),
    ("Interval(Real, 0, 1, closed='both')",
     mlbase.Interval(Real, 0, 1, closed="both"), skparams.Interval(Real, 0, 1, closed="both")),
    ("Interval(Integral, 1, None, closed='left')",
     mlbase.Interval(Integral, 1, None, closed="left"),
     skparams.Interval(Integral, 1, None, closed="left")),
    ("Interval(Real, None, 0.5, closed='neither')",
     mlbase.Interval(Real, None, 0.5, closed="neither"),
     skparams.Interval(Real, None, 0.5, closed="neither")),
    ("StrOptions({'auto'})", mlbase.StrOptions({"auto"}), skparams.StrOptions({"auto"})),
]
VALUES = [-1, 0, 0.5, 1, 1.0, 2, np.inf, np.nan, True, "auto", None, np.int64(3), 1e300]


@pytest.mark.parametrize("ours, theirs", [pytest.param(o, t, id=n) for n, o, t in CONSTRAINTS])
def test_constraints_read_and_decide_like_scikit_learns(ours, theirs):
    assert str(ours) == str(theirs)
    for value in VALUES:
        assert ours.is_satisfied_by(value) == theirs.is_satisfied_by(value), value




@pytest.mark.parametrize("constraints", [
    [mlbase.Interval(Real, 0, None, closed="left")],
    [mlbase.Interval(Integral, 1, None, closed="left"), None],
    ["boolean"],
    [mlbase.StrOptions({"auto"}), Real],
    [tuple],
], ids=["non-negative real", "positive integer or None", "boolean", "'auto' or real",
        "tuple"])
@pytest.mark.parametrize("value", [-1, "x", 0.5, None, (1, 2)], ids=repr)
def test_invalid_parameter_message_is_scikit_learns(constraints, value):
    translate = {mlbase.Interval: lambda c: skparams.Interval(c.type, c.left, c.right,
                                                             closed=c.closed),
                 mlbase.StrOptions: lambda c: skparams.StrOptions(c.options)}
    theirs_constraints = [translate[type(c)](c) if type(c) in translate else c
                          for c in constraints]
    outcomes = []
    for validate, cs, error in (
            (mlbase._validate_parameter_constraints, constraints, InvalidParameterError),
            (skparams.validate_parameter_constraints, theirs_constraints,
             skparams.InvalidParameterError)):
        try:
            validate({"p": cs}, {"p": value}, caller_name="Toy")
            outcomes.append(None)
        except error as exc:
            outcomes.append(str(exc))
    assert outcomes[0] == outcomes[1]


def test_validate_hyperparameters_names_the_estimator():
    class Ridge(mlbase.BaseEstimator):
        _parameter_constraints = {"alpha": [mlbase.Interval(Real, 0, None, closed="left")]}

        def __init__(self, *, alpha=1.0):
            self.alpha = alpha

    with pytest.raises(InvalidParameterError) as info:
        Ridge(alpha=-1)._validate_hyperparameters()
    assert str(info.value) == ("The 'alpha' parameter of Ridge must be a float in the range "
                               "[0.0, inf). Got -1 instead.")


# --- mixins --------------------------------------------------------------------------------------

def test_mixins_score_and_fit_transform():
    class Constant(mlbase.ClassifierMixin, mlbase.BaseEstimator):
        def fit(self, X, y):
            return self

        def predict(self, X):
            return np.zeros(len(X), dtype=int)

    class Mean(mlbase.RegressorMixin, mlbase.BaseEstimator):
        def fit(self, X, y):
            return self

        def predict(self, X):
            return np.full(len(X), 2.0)

    X = np.ones((4, 1))
    assert Constant().score(X, [0, 0, 1, 0]) == 0.75
    assert Constant._estimator_type == "classifier" and Mean._estimator_type == "regressor"
    assert Mean().score(X, [1.0, 2.0, 3.0, 2.0]) == 0.0  # R² of the mean is 0
    Z = StandardScaler().fit_transform(np.array([[1.0], [3.0]]))
    assert Z.tolist() == [[-1.0], [1.0]]


def test_fitted_estimator_pickles():
    scaler = StandardScaler().fit(np.array([[1.0, 2.0], [3.0, 5.0]]))
    again = pickle.loads(pickle.dumps(scaler))
    assert np.array_equal(again.transform([[2.0, 2.0]]), scaler.transform([[2.0, 2.0]]))
