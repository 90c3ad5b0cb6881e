"""A peer's test suite (docs/contract.md §4): scikit-learn's own estimator checks on every mathml
estimator.

Each mathml estimator class is run through ``parametrize_with_checks`` as an adapter class
``X(<sklearn mixin>, sklearn.base.BaseEstimator, mathml.X)``: scikit-learn's mixin and base
class come first, so the checks see scikit-learn's tags, ``get_params``, ``clone`` and
``score``, while ``fit``/``predict``/``transform`` are mathml's. The adapter changes nothing
else than translating mathml's ``NotFittedError`` into scikit-learn's (mathml defines its
own class, with the same bases, because it never imports scikit-learn).

The estimators are discovered: every class with ``fit`` in ``__all__`` of each mathml
estimator module that exists, so a new estimator is checked as soon as it is public.
Hyperparameters for the checks (smaller iteration counts, say) go in ``CHECK_PARAMS``, and
any check expected to fail is listed in ``EXPECTED_FAILURES`` with its reason.
"""
from __future__ import annotations

import functools
import importlib
import os

import pytest
from sklearn import base as skbase
from sklearn.exceptions import NotFittedError as SkNotFittedError
from sklearn.utils.estimator_checks import parametrize_with_checks

from mathml import base as mlbase
from mathml.exceptions import NotFittedError

# scikit-learn's array-API check skips itself unless this is set; with NumPy, the only
# namespace mathml takes, it runs (and must pass) like every other check.
os.environ["SCIPY_ARRAY_API"] = "1"

ESTIMATOR_MODULES = ("preprocessing", "linear_model", "naive_bayes", "neighbors", "cluster",
                     "decomposition", "mixture", "tree", "ensemble", "svm", "kernel_ridge",
                     "neural_network")

#: Hyperparameters to build an estimator with for the checks (default: none).
CHECK_PARAMS: dict[str, dict] = {
    # the checks transform new continuous data: every value is a category never seen in fit
    "OneHotEncoder": {"handle_unknown": "ignore"},
    # fewer stages or trees, as scikit-learn's own settings for the checks (utils/_test_common)
    **{name: {"n_estimators": 5}
       for name in ("AdaBoostClassifier", "GradientBoostingClassifier",
                    "GradientBoostingRegressor", "RandomForestClassifier",
                    "RandomForestRegressor")},
}

#: Further instances to check, one per set of hyperparameters (each neighbour search).
EXTRA_INSTANCES: dict[str, list[dict]] = {
    "KNeighborsClassifier": [{"algorithm": "kd_tree"}, {"algorithm": "brute"}],
    "KNeighborsRegressor": [{"algorithm": "kd_tree"}, {"algorithm": "brute"}],
}

#: {class name: {tag path: value}} — scikit-learn estimator tags the checks must know, as
#: the corresponding scikit-learn estimator declares them (e.g. MultinomialNB needs
#: non-negative X: "input_tags.positive_only"; an estimator accepting 2-D y:
#: "target_tags.multi_output"; one taking strings: "input_tags.string").
TAGS: dict[str, dict[str, object]] = {
    "OneHotEncoder": {"input_tags.string": True, "input_tags.categorical": True},
    "MultinomialNB": {"input_tags.positive_only": True, "classifier_tags.poor_score": True},
    "BernoulliNB": {"classifier_tags.poor_score": True},
    "LinearRegression": {"target_tags.multi_output": True},
    "Ridge": {"target_tags.multi_output": True},
    "DecisionTreeClassifier": {"target_tags.multi_output": True},
    "DecisionTreeRegressor": {"target_tags.multi_output": True},
    "RandomForestClassifier": {"target_tags.multi_output": True,
                               "classifier_tags.multi_label": True},
    "RandomForestRegressor": {"target_tags.multi_output": True},
}

#: {class name: {check name: reason}} — checks known to fail, each with why.
EXPECTED_FAILURES: dict[str, dict[str, str]] = {
    # scikit-learn's own KMeans is listed with this failure (utils/_test_common): the seeding
    # draws depend on the number of rows, so repeating a sample is not weighting it
    "KMeans": {"check_sample_weight_equivalence_on_dense_data":
               "sample_weight is not equivalent to removing/repeating samples"},
    # scikit-learn lists the same for its own gradient boosting: the trees' min_samples_split
    # and min_samples_leaf count rows, not weight, and without weights the initial median or
    # quantile interpolates (np.percentile) where with weights it is the inverted CDF
    **{name: {"check_sample_weight_equivalence_on_dense_data":
              "sample_weight is not equivalent to removing/repeating samples"}
       for name in ("GradientBoostingClassifier", "GradientBoostingRegressor")},
    # scikit-learn's forests are listed with this failure (utils/_test_common): a bootstrap
    # of n rows out of n weighted rows is not one out of Σw repeated rows
    "RandomForestClassifier": {"check_sample_weight_equivalence_on_dense_data":
                               "sample_weight is not equivalent to removing/repeating samples"},
    "RandomForestRegressor": {"check_sample_weight_equivalence_on_dense_data":
                              "sample_weight is not equivalent to removing/repeating samples"},
    # scikit-learn lists the same for its own SVC and SVR (libsvm scales C per sample, but
    # the solver stops at tol on a different problem size, and shrinking sees other rows)
    **{name: {"check_sample_weight_equivalence_on_dense_data":
              "sample_weight is not equivalent to removing/repeating samples"}
       for name in ("SVC", "SVR")},
}

# methods that may raise NotFittedError; wrapped by the adapter to translate it
_METHODS = ("predict", "predict_proba", "predict_log_proba", "decision_function",
            "transform", "inverse_transform", "score_samples", "kneighbors", "score",
            "fit_transform", "fit_predict")


def _estimator_classes() -> list[type]:
    classes = []
    for name in ESTIMATOR_MODULES:
        try:
            module = importlib.import_module(f"mathml.{name}")
        except ModuleNotFoundError:
            continue  # the area is not written yet
        classes += [obj for obj in (getattr(module, n) for n in module.__all__)
                    if isinstance(obj, type) and hasattr(obj, "fit")]
    return classes


def _translating(method):
    """The mathml method, raising scikit-learn's NotFittedError instead of mathml's."""
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except NotFittedError as exc:
            raise SkNotFittedError(str(exc)) from exc
    return wrapper


def _with_tags(overrides: dict[str, object]):
    """``__sklearn_tags__`` returning scikit-learn's default tags with `overrides` set."""
    def __sklearn_tags__(self):
        tags = super(type(self), self).__sklearn_tags__()
        for path, value in overrides.items():
            *parents, leaf = path.split(".")
            target = functools.reduce(getattr, parents, tags)
            setattr(target, leaf, value)
        return tags
    return __sklearn_tags__


@functools.cache
def adapter(cls: type) -> type:
    """``class X(<sklearn mixin>, sklearn BaseEstimator, mathml X)`` translating NotFittedError."""
    mixins = []
    if issubclass(cls, mlbase.ClassifierMixin):
        mixins.append(skbase.ClassifierMixin)
    if issubclass(cls, mlbase.RegressorMixin):
        mixins.append(skbase.RegressorMixin)
    if getattr(cls, "_estimator_type", None) == "clusterer":
        mixins.append(skbase.ClusterMixin)
    if getattr(cls, "_estimator_type", None) == "DensityEstimator":
        mixins.append(skbase.DensityMixin)
    if issubclass(cls, mlbase.TransformerMixin):
        mixins.append(skbase.TransformerMixin)
    namespace = {name: _translating(getattr(cls, name)) for name in _METHODS
                 if hasattr(cls, name) and not any(hasattr(m, name) for m in mixins)}
    if skbase.DensityMixin in mixins:  # scikit-learn's DensityMixin.score is a stub: keep ours
        namespace["score"] = _translating(cls.score)
    # Both base classes define `_validate_params`; scikit-learn's reads its own constraint
    # objects, so the mathml class keeps its own (a name clash, not a change of behaviour).
    namespace["_validate_params"] = mlbase.BaseEstimator._validate_params
    namespace["__sklearn_tags__"] = _with_tags(TAGS.get(cls.__name__, {}))
    namespace["__module__"] = __name__
    namespace["__qualname__"] = cls.__name__
    adapted = type(cls.__name__, (*mixins, skbase.BaseEstimator, cls), namespace)
    globals()[cls.__name__] = adapted  # pickling finds a class by its module and name
    return adapted


def _instances() -> list:
    return [adapter(cls)(**params) for cls in _estimator_classes()
            for params in (CHECK_PARAMS.get(cls.__name__, {}), *EXTRA_INSTANCES.get(cls.__name__, ()))]


def _expected_failures(estimator) -> dict[str, str]:
    return EXPECTED_FAILURES.get(type(estimator).__name__, {})


def test_estimators_are_discovered():
    names = {cls.__name__ for cls in _estimator_classes()}
    assert {"StandardScaler", "MinMaxScaler", "PolynomialFeatures", "OneHotEncoder"} <= names


def test_adapter_translates_not_fitted_error():
    Scaler = adapter(importlib.import_module("mathml.preprocessing").StandardScaler)
    with pytest.raises(SkNotFittedError, match="not fitted yet"):
        Scaler().transform([[1.0]])


@parametrize_with_checks(_instances(), expected_failed_checks=_expected_failures)
def test_sklearn_compatible_estimator(estimator, check):
    check(estimator)
