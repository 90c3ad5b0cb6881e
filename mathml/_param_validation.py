"""The vocabulary of hyperparameter constraints, as scikit-learn's
``utils/_param_validation.py``: ``Interval``, ``StrOptions``, ``Options``, the shorthands of
``_parameter_constraints`` (``None``, ``"boolean"``, ``"array-like"``, ``"sparse matrix"``,
``"nan"``, a type), the check that raises :class:`~mathml.exceptions.InvalidParameterError`
with scikit-learn's wording, and ``validate_params``, the decorator that checks every
argument of a public function before its body runs.

Its own module because both the estimators (`mathml.base`) and the metric functions
(`mathml.metrics`) validate their parameters with it, and metrics must not depend on the
estimators (``score`` in `mathml.base` calls the metrics).
"""
from __future__ import annotations

import functools
import inspect
import math
from collections.abc import Callable
from numbers import Integral, Real
from typing import Any, TypeVar

import numpy as np

from .exceptions import InvalidParameterError

__all__ = ["Interval", "StrOptions", "Options", "Hidden", "RealNotInt", "validate_params"]


class RealNotInt(Real):
    """The real numbers that are not ints (float and numpy's floats), scikit-learn's type of
    the same name: an ``Interval`` of them refuses 1 where it accepts 1.0."""


RealNotInt.register(float)


class Interval:
    """The numbers of type ``type`` (``numbers.Integral`` or ``numbers.Real``) between
    ``left`` and ``right`` (``None`` = unbounded); ``closed`` is 'left', 'right', 'both' or
    'neither'. A bool is an int (Python's rule), as in scikit-learn."""

    def __init__(self, type: type[Any], left: float | None, right: float | None, *,
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
    """One string among ``options`` (or among ``hidden``: accepted, not named in the message,
    as scikit-learn's ``Hidden(StrOptions(...))`` for a deprecated default)."""

    def __init__(self, options: set[str], *, hidden: frozenset[str] = frozenset()) -> None:
        self.options = options
        self.hidden = hidden

    def is_satisfied_by(self, value: Any) -> bool:
        return isinstance(value, str) and (value in self.options or value in self.hidden)

    def __str__(self) -> str:
        return f"a str among {{{', '.join(repr(o) for o in self.options)}}}"


class Options:
    """One value of type ``type`` among ``options`` (scikit-learn's ``Options``), e.g. the
    floats {0.0, 1.0} of ``zero_division``."""

    def __init__(self, type: type[Any], options: set) -> None:
        self.type, self.options = type, options

    def is_satisfied_by(self, value: Any) -> bool:
        return isinstance(value, self.type) and value in self.options

    def __str__(self) -> str:
        name = _InstancesOf(self.type).type_name()
        return f"a {name} among {{{', '.join(repr(o) for o in self.options)}}}"


class Hidden:
    """A constraint that accepts as ``constraint`` does but is left out of the message
    (scikit-learn's ``Hidden``: a deprecated default such as ``n_alphas='deprecated'``)."""

    def __init__(self, constraint: Any) -> None:
        self.constraint = constraint

    def is_satisfied_by(self, value: Any) -> bool:
        return _make_constraint(self.constraint).is_satisfied_by(value)


class _InstancesOf:
    def __init__(self, type_: type) -> None:
        self.type = type_

    def is_satisfied_by(self, value: Any) -> bool:
        return isinstance(value, self.type)

    def type_name(self) -> str:
        t = self.type
        names: dict[type, str] = {Real: "float", Integral: "int"}
        return names.get(t) or (
            t.__qualname__ if t.__module__ == "builtins" else f"{t.__module__}.{t.__qualname__}")

    def __str__(self) -> str:
        return f"an instance of {self.type_name()!r}"


class _NoneConstraint:
    def is_satisfied_by(self, value: Any) -> bool:
        return value is None

    def __str__(self) -> str:
        return "None"


class _Nan:
    """The float NaN (shorthand ``"nan"``), e.g. ``zero_division=np.nan``."""

    def is_satisfied_by(self, value: Any) -> bool:
        return isinstance(value, Real) and not isinstance(value, Integral) and math.isnan(value)

    def __str__(self) -> str:
        return "numpy.nan"


class _SparseMatrices:
    """A SciPy sparse matrix or array (shorthand ``"sparse matrix"``), recognised without
    importing SciPy. Accepted here so that the message is scikit-learn's; the array checks
    that follow refuse it (mathml computes on dense arrays only)."""

    def is_satisfied_by(self, value: Any) -> bool:
        return hasattr(value, "toarray") and hasattr(value, "format") and hasattr(value, "nnz")

    def __str__(self) -> str:
        return "a sparse array or matrix"


class _Booleans:
    def is_satisfied_by(self, value: Any) -> bool:
        return isinstance(value, (bool, np.bool_))

    def __str__(self) -> str:
        return "an instance of 'bool' or an instance of 'numpy.bool'"


class _Verbose:
    """scikit-learn's "verbose": a non-negative int or a boolean, named as three options."""

    def is_satisfied_by(self, value: Any) -> bool:
        return (isinstance(value, (bool, np.bool_))
                or (isinstance(value, Integral) and int(value) >= 0))

    def __str__(self) -> str:
        return "an int in the range [0, inf), an instance of 'bool' or an instance of 'numpy.bool'"


class _Callables:
    """The constraint "a callable" (shorthand: the builtin ``callable``)."""

    def is_satisfied_by(self, value: Any) -> bool:
        return callable(value)

    def __str__(self) -> str:
        return "a callable"


class _RandomStates:
    """scikit-learn's "random_state": a seed in [0, 2³² − 1], a RandomState or None."""

    def __init__(self) -> None:
        self._options: list[Any] = [Interval(Integral, 0, 2**32 - 1, closed="both"),
                                    _InstancesOf(np.random.RandomState), _NoneConstraint()]

    def is_satisfied_by(self, value: Any) -> bool:
        return any(c.is_satisfied_by(value) for c in self._options)

    def __str__(self) -> str:
        return f"{', '.join(str(c) for c in self._options[:-1])} or {self._options[-1]}"


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
    if constraint == "sparse matrix":
        return _SparseMatrices()
    if constraint == "nan":
        return _Nan()
    if constraint == "verbose":
        return _Verbose()
    if constraint == "random_state":
        return _RandomStates()
    if constraint is callable:
        return _Callables()
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
        options = [c for c in options if not isinstance(c, Hidden)]
        described = (str(options[0]) if len(options) == 1 else
                     f"{', '.join(str(c) for c in options[:-1])} or {options[-1]}")
        raise InvalidParameterError(
            f"The {name!r} parameter of {caller_name} must be {described}. "
            f"Got {value!r} instead.")


F = TypeVar("F", bound=Callable[..., Any])


def validate_params(constraints: dict[str, list]) -> Callable[[F], F]:
    """Decorate a public function so that each call first checks its arguments (defaults
    included, in the signature's order) against `constraints`, as scikit-learn's
    ``validate_params``: the first argument no constraint accepts raises
    InvalidParameterError naming the function."""
    def decorate(func: F) -> F:
        signature = inspect.signature(func)

        @functools.wraps(func)
        def checked(*args: Any, **kwargs: Any) -> Any:
            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()
            _validate_parameter_constraints(constraints, bound.arguments, func.__qualname__)
            return func(*args, **kwargs)

        checked._parameter_constraints = constraints  # type: ignore[attr-defined]
        return checked  # type: ignore[return-value]
    return decorate
