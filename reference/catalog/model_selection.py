"""Catalog entries for model selection (docs/concepts.md §6): `mathml.model_selection` vs sklearn"""
from __future__ import annotations

import importlib

import numpy as np
from hypothesis import strategies as st

from ._core import Bench, Concept, bad, case

SEED = "002"  # train_test_split(X, y, test_size=0.2, random_state=42); learning_curve
_rs = np.random.RandomState(42)  # seed 002's data: np.random.seed(42), then rand and randn
X_SEED = _rs.rand(100, 1)
Y_SEED = 2 * X_SEED + 1 + _rs.randn(100, 1) * 0.1
Y_CLASS = np.array([0, 1, 1, 2, 0, 0, 1, 1, 1, 0, 2, 2, 0, 1, 0, 1, 1, 0, 2, 1])
X20 = np.arange(40.0).reshape(20, 2)


def _folds(cls, c):
    """The splitter's folds as a list of (train, test) index arrays."""
    X, y = c.args
    return [tuple(f) for f in cls(**c.kwargs).split(X, y)]


def _with_estimator(func, c):
    """Call `func` with the same backend's LinearRegression (mathml's or the reference's)."""
    backend = func.__module__.split(".")[0]
    model = importlib.import_module(f"{backend}.linear_model").LinearRegression()
    return func(model, *c.args, **c.kwargs)


def _split_strategy():
    return st.tuples(st.integers(5, 40), st.integers(0, 2 ** 31 - 1),
                     st.sampled_from([0.2, 0.5, 3, None])).map(
        lambda t: case(np.arange(2.0 * t[0]).reshape(t[0], 2), np.arange(t[0]) % 2,
                       test_size=t[2], random_state=t[1]))


def _fold_strategy():
    return st.tuples(st.integers(15, 40), st.integers(2, 5), st.booleans(),
                     st.integers(0, 1000)).map(
        lambda t: case(np.zeros((t[0], 1)), np.arange(t[0]) % 3, n_splits=t[1], shuffle=t[2],
                       random_state=t[3] if t[2] else None))


def _cv_strategy():
    return st.integers(0, 2 ** 31 - 1).map(lambda s: case(*_reg(s), cv=3))


def _reg(s, n=24):
    rng = np.random.default_rng(s)
    X = rng.uniform(-1, 1, (n, 2))
    return X, X @ [1.0, -2.0] + 0.1 * rng.uniform(-1, 1, n)


INCONSISTENT = "Found input variables with inconsistent numbers of samples: \\[24, 23\\]"
_NAN_X = _reg(0)[0].copy()
_NAN_X[0, 0] = np.nan
FAILED = "fits failed out of a total of"
CV_MESSAGE = ("^The 'cv' parameter of {} must be an int in the range \\[2, inf\\), an object "
              "implementing 'split' and 'get_n_splits', an iterable or None. Got {} instead.$")

CONCEPTS = (
    Concept(
        name="model_selection.train_test_split",
        reference_call="sklearn.model_selection.train_test_split",
        comparison="exact", tolerance="identical",
        cases=(case(X_SEED, Y_SEED, test_size=0.2, random_state=42, seed=SEED,
                    label="seed 002: test_size=0.2, random_state=42"),
               case(X20, Y_CLASS, random_state=0, label="default 25%"),
               case(X20, Y_CLASS, train_size=0.5, test_size=7, random_state=3, label="sizes"),
               case(X20, Y_CLASS, shuffle=False, test_size=3, label="no shuffle"),
               case(X20, Y_CLASS, stratify=Y_CLASS, test_size=0.3, random_state=7,
                    label="stratified")),
        strategy=_split_strategy,
        bad=(bad(X20, Y_CLASS[:-1], raises=ValueError, label="inconsistent lengths"),
             bad(X20, test_size=1.5, raises=ValueError, label="test_size out of range"),
             bad(X20, Y_CLASS, stratify=np.arange(20), raises=ValueError,
                 label="stratify with single-member classes"),
             bad(X20, None, Y_CLASS, raises=TypeError, match="'NoneType' object is not "
                 "subscriptable", label="None among the arrays (scikit-learn 1.9 cannot index it)"),
             bad(None, raises=TypeError, match="Expected sequence or array-like",
                 label="None first"),
             bad(X20, np.float64(5.0), raises=TypeError, match="at least 1 dimension",
                 label="0-d array"),
             bad(X20, shuffle="yes", raises=ValueError,
                 match="The 'shuffle' parameter of train_test_split must be an instance of "
                 "'bool'", label="shuffle not a bool (InvalidParameterError)")),
        bench=Bench(10000, lambda n, rng: case(rng.uniform(size=(n, 3)), rng.uniform(size=n),
                                               test_size=0.2, random_state=42)),
        seeds=(SEED,)),
    Concept(
        name="model_selection.KFold", reference_call="sklearn.model_selection.KFold",
        comparison="exact", tolerance="identical",
        cases=(case(X20, Y_CLASS, n_splits=3, label="3 folds"),
               case(X20, Y_CLASS, n_splits=4, shuffle=True, random_state=2, label="shuffled")),
        strategy=_fold_strategy,
        bad=(bad(X20, Y_CLASS, n_splits=1, raises=ValueError, label="n_splits=1"),
             bad(X20[:3], Y_CLASS[:3], n_splits=4, raises=ValueError, label="more folds than samples"),
             bad(X20, Y_CLASS[:-1], n_splits=3, raises=ValueError,
                 match="inconsistent numbers of samples: \\[20, 19\\]", label="y shorter than X"),
             bad("abc", Y_CLASS, n_splits=3, raises=ValueError,
                 match="inconsistent numbers of samples: \\[3, 20\\]",
                 label="X a string: a sequence of 3 characters")),
        bench=Bench(10000, lambda n, rng: case(np.zeros((n, 1)), np.arange(n) % 3, n_splits=5,
                                               shuffle=True, random_state=0)),
        run=_folds),
    Concept(
        name="model_selection.StratifiedKFold",
        reference_call="sklearn.model_selection.StratifiedKFold",
        comparison="exact", tolerance="identical",
        cases=(case(X20, Y_CLASS, n_splits=3, label="3 folds"),
               case(X20, Y_CLASS, n_splits=3, shuffle=True, random_state=5, label="shuffled")),
        strategy=_fold_strategy,
        bad=(bad(X20, np.linspace(0, 1, 20), n_splits=3, raises=ValueError,
                 label="continuous y"),
             bad(X20[:-2], Y_CLASS, n_splits=3, raises=ValueError,
                 match="inconsistent numbers of samples: \\[18, 20\\]", label="X shorter than y"),
             bad(X20, None, n_splits=3, raises=TypeError, match="at least 1 dimension",
                 label="y None")),
        bench=Bench(10000, lambda n, rng: case(np.zeros((n, 1)), np.arange(n) % 3, n_splits=2,
                                               shuffle=True, random_state=0)),
        run=_folds),
    Concept(
        name="model_selection.cross_val_score",
        reference_call="sklearn.model_selection.cross_val_score(LinearRegression())",
        comparison="exact", tolerance="estimator_closed_form",
        cases=(case(*_reg(0), cv=3, label="R², 3 folds"),
               case(*_reg(1), cv=4, scoring="neg_mean_squared_error", label="MSE, 4 folds")),
        strategy=_cv_strategy,
        bad=(bad(*_reg(0), cv=3, scoring="bogus", raises=ValueError, label="unknown scoring"),
             bad(_reg(0)[0], _reg(0)[1][:23], cv=3, raises=ValueError, match=INCONSISTENT,
                 label="y shorter than X"),
             bad(_reg(0)[0][:23], _reg(0)[1], cv=3, raises=ValueError,
                 match="inconsistent numbers of samples: \\[23, 24\\]", label="X shorter than y"),
             bad(*_reg(0), cv=3.0, raises=ValueError, match=CV_MESSAGE.format(
                 "cross_val_score", "3.0"), label="cv a float (InvalidParameterError)"),
             bad(*_reg(0), cv=1, raises=ValueError, match=CV_MESSAGE.format(
                 "cross_val_score", "1"), label="cv=1 (InvalidParameterError)"),
             bad(_NAN_X, _reg(0)[1], cv=3, warns=RuntimeWarning, match=f"^\n2 {FAILED} 3",
                 label="NaN in X: the folds that fit on it score NaN (FitFailedWarning)"),
             bad(np.full((24, 2), np.nan), _reg(0)[1], cv=3, raises=ValueError,
                 match="All the 3 fits failed", label="every fit fails"),
             bad(_NAN_X, _reg(0)[1], cv=3, error_score="raise", raises=ValueError,
                 match="Input X contains NaN", label="NaN in X, error_score='raise'"),
             bad(*_reg(0), cv=[([0.0, 1.0], [2.0])], raises=ValueError,
                 match="No valid specification of the columns",
                 label="split indices that are floats"),
             bad(*_reg(0), cv=[], raises=IndexError,
                 label="cv an empty list of splits (scikit-learn's IndexError)")),
        bench=Bench(1000, lambda n, rng: case(*_reg(int(rng.integers(1000)), n=max(n, 10)),
                                              cv=5, scoring="neg_mean_squared_error")),
        run=_with_estimator,
        note="the estimator is each backend's own LinearRegression; the folds are identical."),
    Concept(
        name="model_selection.learning_curve",
        reference_call="sklearn.model_selection.learning_curve(LinearRegression())",
        comparison="exact", tolerance="estimator_closed_form",
        cases=(case(*_reg(2, n=40), cv=4, train_sizes=np.linspace(0.2, 1.0, 4),
                    scoring="neg_mean_squared_error", seed=SEED,
                    label="seed 002's call shape (MSE scoring)"),
               case(*_reg(3, n=30), cv=3, train_sizes=[5, 10, 20], shuffle=True,
                    random_state=0, scoring="neg_mean_squared_error", label="shuffled, counts")),
        strategy=lambda: st.integers(0, 2 ** 31 - 1).map(
            lambda s: case(*_reg(s, n=30), cv=3, train_sizes=[0.5, 1.0],
                           scoring="neg_mean_squared_error")),
        bad=(bad(*_reg(0), cv=3, train_sizes=[0.0, 1.0], raises=ValueError,
                 label="fraction 0"),
             bad(_reg(0)[0], _reg(0)[1][:23], cv=3, raises=ValueError, match=INCONSISTENT,
                 label="y shorter than X"),
             bad(*_reg(0), cv=3.0, raises=ValueError, match=CV_MESSAGE.format(
                 "learning_curve", "3.0"), label="cv a float (InvalidParameterError)"),
             bad(*_reg(0), cv=3, shuffle=1, raises=ValueError,
                 match="The 'shuffle' parameter of learning_curve",
                 label="shuffle not a bool (InvalidParameterError)"),
             bad(_NAN_X, _reg(0)[1], cv=3, train_sizes=[0.5, 1.0], warns=RuntimeWarning,
                 match=FAILED, label="NaN in X: the fits on it score NaN (FitFailedWarning)"),
             bad(*_reg(0), cv=3, train_sizes=np.array(1.0), raises=IndexError,
                 label="0-d train_sizes (scikit-learn's IndexError)"),
             bad(*_reg(0), cv=[(np.arange(12), np.arange(12, 24)), (np.arange(12),)],
                 raises=ValueError, match="not enough values to unpack",
                 label="a split that is not a (train, test) pair")),
        bench=Bench(1000, lambda n, rng: case(*_reg(int(rng.integers(1000)), n=max(n, 20)),
                                              cv=5, scoring="neg_mean_squared_error")),
        seeds=(SEED,),
        run=_with_estimator),
)
