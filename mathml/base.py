"""Estimator plumbing: the scikit-learn estimator contract, written here from its rules.

An estimator's ``__init__`` only stores its keyword-only hyperparameters under their own
names; ``fit`` learns from data, sets fitted attributes whose names end in ``_`` and returns
``self``. Everything else follows from that convention:

- :meth:`BaseEstimator.get_params` reads the hyperparameter names off the ``__init__``
  signature, so :func:`clone` can build an unfitted copy and ``repr`` can show the
  non-default values;
- :meth:`BaseEstimator._validate_hyperparameters` checks each hyperparameter against the class's
  ``_parameter_constraints`` (``Interval``, ``StrOptions``, types, ``None``) when ``fit``
  starts, raising :class:`~mathml.exceptions.InvalidParameterError` with scikit-learn's
  wording;
- :func:`check_is_fitted` recognises a fitted estimator by its trailing-underscore
  attributes and raises :class:`~mathml.exceptions.NotFittedError` otherwise.

- :meth:`BaseEstimator.__sklearn_tags__` answers scikit-learn's tag protocol, so that a mathml
  estimator works inside scikit-learn's own tools (``Pipeline``, ``GridSearchCV``,
  ``cross_val_score``, ``check_estimator``) as scikit-learn's own estimator of that name.

Checked against scikit-learn's ``sklearn.base`` and ``sklearn.utils._param_validation``
(``tests/test_base.py``, ``tests/test_sklearn_tools.py``). ``mathml`` never imports
scikit-learn: only ``__sklearn_tags__``, which only scikit-learn calls, imports it then.

Under multiple inheritance with scikit-learn's ``BaseEstimator`` (``class GNB(ClassifierMixin,
BaseEstimator, mathml.naive_bayes.GaussianNB)``), the private names shared by the two base
classes behave the same (``_get_param_names``); mathml's own checking of hyperparameters has a
name scikit-learn's base does not use, so neither replaces the other.
"""
from __future__ import annotations

import copy
import functools
import html
import inspect
import math
import sys
from collections.abc import Callable
from typing import Any, ClassVar

import numpy as np

from ._param_validation import Interval, StrOptions, _validate_parameter_constraints
from .exceptions import NotFittedError
from .metrics import accuracy_score, r2_score

__all__ = ["BaseEstimator", "ClassifierMixin", "RegressorMixin", "TransformerMixin",
           "ClusterMixin", "DensityMixin", "OneToOneFeatureMixin",
           "ClassNamePrefixFeaturesOutMixin",
           "clone", "check_is_fitted", "Interval", "StrOptions"]


# --- the estimator base class -------------------------------------------------------------------

class BaseEstimator:
    """Hyperparameter access from the ``__init__`` signature, cloning, ``repr``,
    hyperparameter validation.

    Subclasses declare every hyperparameter as a keyword-only argument of ``__init__``,
    store it unchanged under its own name, and list its valid values in the class
    attribute ``_parameter_constraints``. A class whose scikit-learn namesake declares tags
    other than its kind's defaults lists them in ``_sklearn_tags`` as ``{"input_tags.
    positive_only": True}`` (a dotted path into scikit-learn's ``Tags``).
    """

    _parameter_constraints: dict[str, list] = {}
    _sklearn_tags: ClassVar[dict[str, object]] = {}

    @classmethod
    def _get_param_names(cls) -> list[str]:
        init = cls.__init__
        if init is object.__init__:
            return []
        parameters = inspect.signature(init).parameters.values()
        for p in parameters:
            if p.kind == p.VAR_POSITIONAL:
                raise RuntimeError(f"{cls.__name__} should not take *args in __init__ "
                                   "(hyperparameters are keyword-only)")
        return sorted(p.name for p in parameters if p.name != "self" and p.kind != p.VAR_KEYWORD)

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """The hyperparameters, by name; with ``deep``, also those of nested estimators
        as ``"<name>__<param>"``."""
        params: dict[str, Any] = {}
        for name in self._get_param_names():
            value = getattr(self, name)
            if deep and hasattr(value, "get_params") and not isinstance(value, type):
                params.update((f"{name}__{k}", v) for k, v in value.get_params().items())
            params[name] = value
        return params

    def set_params(self, **params: Any) -> BaseEstimator:
        """Set hyperparameters (``"<name>__<param>"`` reaches a nested estimator); returns self."""
        valid = self.get_params(deep=True)
        nested: dict[str, dict[str, Any]] = {}
        for key, value in params.items():
            name, _, sub = key.partition("__")
            if name not in valid:
                raise ValueError(
                    f"Invalid parameter {name!r} for estimator {self}. Valid parameters "
                    f"are: {sorted(self._get_param_names())!r}.")
            if sub:
                nested.setdefault(name, {})[sub] = value
            else:
                setattr(self, name, value)
                valid[name] = value
        for name, sub_params in nested.items():
            valid[name].set_params(**sub_params)
        return self

    def __repr__(self) -> str:
        defaults = {name: p.default for name, p in
                    inspect.signature(type(self).__init__).parameters.items()}
        shown = [f"{name}={value!r}" for name, value in self.get_params(deep=False).items()
                 if not _same_value(value, defaults.get(name, inspect.Parameter.empty))]
        return f"{type(self).__name__}({', '.join(shown)})"

    def _repr_html_(self) -> str:
        """The repr in a notebook: the estimator's ``repr``, escaped, in a monospaced box."""
        return (f'<pre class="mathml-estimator" style="display:inline-block; padding:0.3em '
                f'0.6em; border:1px solid #999; border-radius:4px">{html.escape(repr(self))}</pre>')

    def _validate_hyperparameters(self) -> None:
        """Check every hyperparameter against ``_parameter_constraints`` (called by ``fit``)."""
        _validate_parameter_constraints(self._parameter_constraints,
                                        self.get_params(deep=False), type(self).__name__)

    def __sklearn_tags__(self) -> Any:
        """scikit-learn's tags for this estimator: those its kind (classifier, regressor,
        transformer, clusterer, density estimator) has in scikit-learn, then the class's own
        ``_sklearn_tags``.

        Only scikit-learn calls this method, so only then is scikit-learn imported.
        """
        from sklearn.utils import (  # type: ignore[import-untyped]  # scratch: allow only scikit-learn calls it
            ClassifierTags, RegressorTags, Tags, TargetTags, TransformerTags)
        tags = Tags(estimator_type=None, target_tags=TargetTags(required=False),
                    transformer_tags=None, regressor_tags=None, classifier_tags=None)
        if isinstance(self, TransformerMixin):
            tags.transformer_tags = TransformerTags()
        if isinstance(self, ClassifierMixin):
            tags.estimator_type = "classifier"
            tags.classifier_tags = ClassifierTags()
            tags.target_tags.required = True
        if isinstance(self, RegressorMixin):
            tags.estimator_type = "regressor"
            tags.regressor_tags = RegressorTags()
            tags.target_tags.required = True
        if isinstance(self, ClusterMixin):
            tags.estimator_type = "clusterer"
            if tags.transformer_tags is not None:
                tags.transformer_tags.preserves_dtype = []
        if isinstance(self, DensityMixin):
            tags.estimator_type = "density_estimator"
        # a kernel or metric given as 'precomputed' makes X the square matrix of the pairs
        tags.input_tags.pairwise = "precomputed" in (getattr(self, "kernel", None),
                                                     getattr(self, "metric", None))
        for path, value in self._sklearn_tags.items():
            *parents, leaf = path.split(".")
            owner = tags
            for name in parents:
                owner = getattr(owner, name)
            setattr(owner, leaf, value)
        return tags


def _same_value(a: Any, b: Any) -> bool:
    """Whether a hyperparameter still has its default (NaN equals NaN; arrays compare whole)."""
    if a is b:
        return True
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    try:
        return bool(type(a) is type(b) and a == b)
    except (ValueError, TypeError):
        return False


def clone(estimator: Any, *, safe: bool = True) -> Any:
    """A new unfitted estimator with the same hyperparameters (each cloned in turn).

    Lists, tuples and sets of estimators are cloned element by element; other objects
    are deep-copied when ``safe`` is False, else they raise TypeError.
    """
    if isinstance(estimator, (list, tuple, set, frozenset)):
        return type(estimator)(clone(e, safe=safe) for e in estimator)
    if not hasattr(estimator, "get_params") or isinstance(estimator, type):
        if not safe:
            return copy.deepcopy(estimator)
        raise TypeError(f"Cannot clone object '{estimator!r}' (type {type(estimator)}): it "
                        "does not seem to be an estimator as it does not implement a "
                        "'get_params' method.")
    params = {name: clone(value, safe=False)
              for name, value in estimator.get_params(deep=False).items()}
    return type(estimator)(**params)


def check_is_fitted(estimator: Any, attributes: list[str] | None = None) -> None:
    """Raise NotFittedError unless `estimator` has been fitted.

    Fitted means: the named ``attributes`` exist, or (by default) some attribute ends in
    ``_`` without starting with ``__`` — the convention for what ``fit`` learns.
    """
    if attributes is not None:
        fitted = all(hasattr(estimator, a) for a in attributes)
    else:
        fitted = any(k.endswith("_") and not k.startswith("__") for k in vars(estimator))
    if not fitted:
        raise _not_fitted_error()(
            f"This {type(estimator).__name__} instance is not fitted yet. Call 'fit' with "
            "appropriate arguments before using this estimator.")


def _not_fitted_error() -> type[NotFittedError]:
    """mathml's NotFittedError; once scikit-learn is loaded, a subclass that is also
    scikit-learn's, so that ``except sklearn.exceptions.NotFittedError`` (in its
    ``Pipeline``, ``check_estimator``, a user's code) catches a mathml estimator's error too.
    Nothing is imported: the class is taken from ``sys.modules`` only if already there."""
    sklearn_exceptions = sys.modules.get("sklearn.exceptions")
    if sklearn_exceptions is None:
        return NotFittedError
    return _both_not_fitted_errors(sklearn_exceptions.NotFittedError)


@functools.cache
def _both_not_fitted_errors(sklearn_error: type) -> type[NotFittedError]:
    return type("NotFittedError", (NotFittedError, sklearn_error),
                {"__module__": NotFittedError.__module__, "__doc__": NotFittedError.__doc__})


# --- mixins -------------------------------------------------------------------------------------

class ClassifierMixin:
    """``score`` is the accuracy of ``predict``."""

    _estimator_type = "classifier"
    predict: Callable[..., Any]  # the estimator's own

    def score(self, X, y, sample_weight=None) -> float:
        """Mean accuracy of ``self.predict(X)`` against ``y``."""
        return accuracy_score(y, self.predict(X), sample_weight=sample_weight)


class RegressorMixin:
    """``score`` is the coefficient of determination R² of ``predict``."""

    _estimator_type = "regressor"
    predict: Callable[..., Any]  # the estimator's own

    def score(self, X, y, sample_weight=None) -> float:
        """R² of ``self.predict(X)`` against ``y``."""
        R2 = r2_score(y, self.predict(X), sample_weight=sample_weight)
        assert isinstance(R2, float)  # one number: multioutput is 'uniform_average'
        return R2


class ClusterMixin:
    """``fit_predict`` = ``fit`` then ``labels_`` (overridden where one pass does both)."""

    _estimator_type = "clusterer"
    labels_: Any  # set by the estimator's own fit

    def fit_predict(self, X, y=None, **fit_params):
        """Fit to `X` and return the cluster label of each sample."""
        self.fit(X, **fit_params)  # the estimator's own
        return self.labels_


class DensityMixin:
    """``score`` is the mean log-density of the samples (``score_samples``)."""

    _estimator_type = "DensityEstimator"
    score_samples: Callable[..., Any]  # the estimator's own

    def score(self, X, y=None) -> float:
        """Mean of ``self.score_samples(X)``."""
        return float(self.score_samples(X).mean())


class TransformerMixin:
    """``fit_transform`` = ``fit`` then ``transform`` (overridden where one pass does both)."""

    def fit_transform(self, X, y=None, **fit_params):
        """Fit to `X`, then transform it."""
        if y is None:
            return self.fit(X, **fit_params).transform(X)
        return self.fit(X, y, **fit_params).transform(X)


# --- names of output features -------------------------------------------------------------------

def _check_input_features(estimator: Any, input_features: Any) -> list[str]:
    """The input feature names: `input_features` if given (its length checked against
    ``n_features_in_``), else ``x0, x1, …`` as scikit-learn names unnamed columns."""
    check_is_fitted(estimator, ["n_features_in_"])
    p = estimator.n_features_in_
    if input_features is None:
        return [f"x{j}" for j in range(p)]
    names = [str(name) for name in input_features]
    if len(names) != p:
        raise ValueError(f"input_features should have length equal to number of features "
                         f"({p}), got {len(names)}")
    return names


class OneToOneFeatureMixin:
    """``get_feature_names_out`` for a transformer whose output column j is input column j."""

    def get_feature_names_out(self, input_features: Any = None) -> Any:
        """The input feature names, unchanged (``x0, x1, …`` when none are given)."""
        return np.asarray(_check_input_features(self, input_features), dtype=object)


class ClassNamePrefixFeaturesOutMixin:
    """``get_feature_names_out`` for a transformer with new output columns: the lower-case
    class name and the column number (``pca0, pca1, …``), as scikit-learn names them.
    The class sets ``_n_features_out`` (a property or attribute)."""

    @property
    def _n_features_out(self) -> int:
        raise NotImplementedError("the transformer says how many columns it outputs")

    def get_feature_names_out(self, input_features: Any = None) -> Any:
        """``<classname>0, <classname>1, …``, one per output column (`input_features`, if
        given, must name the n_features_in_ input features)."""
        _check_input_features(self, input_features)
        prefix = type(self).__name__.lower()
        return np.asarray([f"{prefix}{j}" for j in range(self._n_features_out)], dtype=object)
