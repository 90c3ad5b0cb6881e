"""Estimator plumbing: the scikit-learn estimator contract, written here from its rules.

An estimator's ``__init__`` only stores its keyword-only hyperparameters under their own
names; ``fit`` learns from data, sets fitted attributes whose names end in ``_`` and returns
``self``. Everything else follows from that convention:

- :meth:`BaseEstimator.get_params` reads the hyperparameter names off the ``__init__``
  signature, so :func:`clone` can build an unfitted copy and ``repr`` can show the
  non-default values;
- :meth:`BaseEstimator._validate_params` checks each hyperparameter against the class's
  ``_parameter_constraints`` (``Interval``, ``StrOptions``, types, ``None``) when ``fit``
  starts, raising :class:`~mathml.exceptions.InvalidParameterError` with scikit-learn's
  wording;
- :func:`check_is_fitted` recognises a fitted estimator by its trailing-underscore
  attributes and raises :class:`~mathml.exceptions.NotFittedError` otherwise.

Checked against scikit-learn's ``sklearn.base`` and ``sklearn.utils._param_validation``
(``tests/test_base.py``); ``mathml`` itself never imports scikit-learn.
"""
from __future__ import annotations

import copy
import inspect
import math
from numbers import Integral, Real
from typing import Any

import numpy as np

from .exceptions import InvalidParameterError, NotFittedError

__all__ = ["BaseEstimator", "ClassifierMixin", "RegressorMixin", "TransformerMixin",
           "clone", "check_is_fitted", "Interval", "StrOptions"]


# --- hyperparameter constraints (sklearn.utils._param_validation's vocabulary) ------------------

class Interval:
    """The numbers of type ``type`` (``numbers.Integral`` or ``numbers.Real``) between
    ``left`` and ``right`` (``None`` = unbounded); ``closed`` is 'left', 'right', 'both' or
    'neither'. A bool is an int (Python's rule), as in scikit-learn."""

    def __init__(self, type: type, left: float | None, right: float | None, *,
                 closed: str) -> None:
        if closed not in ("left", "right", "both", "neither"):
            raise ValueError(f"closed must be 'left', 'right', 'both' or 'neither'. Got {closed}")
        self.type, self.left, self.right, self.closed = type, left, right, closed

    def is_satisfied_by(self, value: Any) -> bool:
        if not isinstance(value, self.type):
            return False
        if not isinstance(value, Integral) and math.isnan(value):
            return False
        low = -math.inf if self.left is None else self.left
        high = math.inf if self.right is None else self.right
        above = value >= low if self.closed in ("left", "both") else value > low
        below = value <= high if self.closed in ("right", "both") else value < high
        return bool(above and below)

    def __str__(self) -> str:
        kind = "an int" if self.type is Integral else "a float"
        as_bound = (lambda b: b) if self.type is Integral else float
        left = "-inf" if self.left is None else as_bound(self.left)
        right = "inf" if self.right is None else as_bound(self.right)
        open_ = "[" if self.closed in ("left", "both") else "("
        close = "]" if self.closed in ("right", "both") else ")"
        return f"{kind} in the range {open_}{left}, {right}{close}"


class StrOptions:
    """One string among ``options``."""

    def __init__(self, options: set[str]) -> None:
        self.options = options

    def is_satisfied_by(self, value: Any) -> bool:
        return isinstance(value, str) and value in self.options

    def __str__(self) -> str:
        return f"a str among {{{', '.join(repr(o) for o in self.options)}}}"


class _InstancesOf:
    def __init__(self, type_: type) -> None:
        self.type = type_

    def is_satisfied_by(self, value: Any) -> bool:
        return isinstance(value, self.type)

    def __str__(self) -> str:
        t = self.type
        name = {Real: "float", Integral: "int"}.get(t) or (
            t.__qualname__ if t.__module__ == "builtins" else f"{t.__module__}.{t.__qualname__}")
        return f"an instance of {name!r}"


class _NoneConstraint:
    def is_satisfied_by(self, value: Any) -> bool:
        return value is None

    def __str__(self) -> str:
        return "None"


class _Booleans:
    def is_satisfied_by(self, value: Any) -> bool:
        return isinstance(value, (bool, np.bool_))

    def __str__(self) -> str:
        return "an instance of 'bool' or an instance of 'numpy.bool'"


class _ArrayLikes:
    def is_satisfied_by(self, value: Any) -> bool:
        return (hasattr(value, "__len__") or hasattr(value, "shape")
                or hasattr(value, "__array__")) and not np.isscalar(value)

    def __str__(self) -> str:
        return "an array-like"


def _make_constraint(constraint: Any):
    """A constraint object from the shorthand of ``_parameter_constraints``."""
    if constraint is None:
        return _NoneConstraint()
    if constraint == "boolean":
        return _Booleans()
    if constraint == "array-like":
        return _ArrayLikes()
    if isinstance(constraint, type):
        return _InstancesOf(constraint)
    return constraint


def _validate_parameter_constraints(constraints: dict[str, list], params: dict[str, Any],
                                    caller_name: str) -> None:
    """Raise InvalidParameterError for the first parameter no constraint of its list accepts."""
    for name, value in params.items():
        if name not in constraints:
            continue
        options = [_make_constraint(c) for c in constraints[name]]
        if any(c.is_satisfied_by(value) for c in options):
            continue
        described = (str(options[0]) if len(options) == 1 else
                     f"{', '.join(str(c) for c in options[:-1])} or {options[-1]}")
        raise InvalidParameterError(
            f"The {name!r} parameter of {caller_name} must be {described}. "
            f"Got {value!r} instead.")


# --- the estimator base class -------------------------------------------------------------------

class BaseEstimator:
    """Hyperparameter access from the ``__init__`` signature, cloning, ``repr``,
    hyperparameter validation.

    Subclasses declare every hyperparameter as a keyword-only argument of ``__init__``,
    store it unchanged under its own name, and list its valid values in the class
    attribute ``_parameter_constraints``.
    """

    _parameter_constraints: dict[str, list] = {}

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
        params = {}
        for name in self._get_param_names():
            value = getattr(self, name)
            if deep and hasattr(value, "get_params") and not isinstance(value, type):
                params.update((f"{name}__{k}", v) for k, v in value.get_params().items())
            params[name] = value
        return params

    def set_params(self, **params: Any) -> "BaseEstimator":
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

    def _validate_params(self) -> None:
        """Check every hyperparameter against ``_parameter_constraints`` (called by ``fit``)."""
        _validate_parameter_constraints(self._parameter_constraints,
                                        self.get_params(deep=False), type(self).__name__)


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
        raise NotFittedError(
            f"This {type(estimator).__name__} instance is not fitted yet. Call 'fit' with "
            "appropriate arguments before using this estimator.")


# --- mixins -------------------------------------------------------------------------------------

class ClassifierMixin:
    """``score`` is the accuracy of ``predict``."""

    _estimator_type = "classifier"

    def score(self, X, y, sample_weight=None) -> float:
        """Mean accuracy of ``self.predict(X)`` against ``y``."""
        from .metrics import accuracy_score
        return accuracy_score(y, self.predict(X), sample_weight=sample_weight)


class RegressorMixin:
    """``score`` is the coefficient of determination R² of ``predict``."""

    _estimator_type = "regressor"

    def score(self, X, y, sample_weight=None) -> float:
        """R² of ``self.predict(X)`` against ``y``."""
        from .metrics import r2_score
        return r2_score(y, self.predict(X), sample_weight=sample_weight)


class TransformerMixin:
    """``fit_transform`` = ``fit`` then ``transform`` (overridden where one pass does both)."""

    def fit_transform(self, X, y=None, **fit_params):
        """Fit to `X`, then transform it."""
        if y is None:
            return self.fit(X, **fit_params).transform(X)
        return self.fit(X, y, **fit_params).transform(X)
