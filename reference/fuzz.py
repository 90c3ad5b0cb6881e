"""Bad input at the edges: every concept's first example with one argument replaced by a
hostile value, run through both backends.

The catalog's bad cases say what the contract fixes by hand; this module asks the same
question of every argument of every concept mechanically. An argument is replaced, one at
a time, by NaN, inf, an empty array, a 0-d array, a 3-D array, a ragged list, a string,
None or a complex value (`MUTATIONS`), and each backend's outcome is recorded under a time
limit: the value it returned, the exception it raised, or that it ran out of time.

The two outcomes then agree (`verdict`) when

* neither backend hangs: mathml must finish within the limit whatever the reference does;
* both raise, and the exception classes have the same name (CONTRACT.md section 3);
* both return, and the values agree under the concept's own comparison;

and mathml never lets an ``IndexError``, ``ZeroDivisionError``, ``UnboundLocalError`` or
``KeyError`` escape where the reference does not raise the same class: those are an
implementation falling over, not a message to a user.
"""
from __future__ import annotations

import contextlib
import signal
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from .catalog import Case, Concept

__all__ = ["MUTATIONS", "Outcome", "mutants", "outcome", "public_class", "verdict",
           "fuzz_concept", "smallest_case",
           "as_float32", "floating_types", "dtype_difference"]

#: Exception classes that mean an implementation fell over rather than refused an input.
CRASHES = ("IndexError", "ZeroDivisionError", "UnboundLocalError", "KeyError")


def _with_first(x: np.ndarray, value: Any) -> np.ndarray:
    """A copy of `x` whose first entry is `value` (floating, or complex for a complex value)."""
    kind = np.complex128 if isinstance(value, complex) else np.result_type(x.dtype, np.float64)
    y = np.array(x, dtype=kind)
    if y.size:
        y.flat[0] = value
    return y


def _three_d(x: np.ndarray) -> np.ndarray:
    """`x` with leading axes added until it has three (one more axis when it has three)."""
    return x.reshape((1,) * max(3 - x.ndim, 1) + x.shape)


#: name -> how to make the hostile value from a numeric array argument.
_ARRAY_MUTATIONS: dict[str, Callable[[np.ndarray], Any]] = {
    "nan": lambda x: _with_first(x, np.nan),
    "inf": lambda x: _with_first(x, np.inf),
    "empty": lambda x: np.empty((0,) + x.shape[1:], dtype=x.dtype),
    "0-d": lambda x: np.array(x.flat[0] if x.size else 1.0),
    "3-D": _three_d,
    "ragged": lambda x: [[1.0, 2.0], [3.0]],
    "string": lambda x: "abc",
    "None": lambda x: None,
    "complex": lambda x: _with_first(x, 1.0 + 1.0j),
}

#: name -> the hostile value for a number argument (a size, a parameter, a point).
_SCALAR_MUTATIONS: dict[str, Any] = {
    "nan": np.nan,
    "inf": np.inf,
    "empty": np.empty(0),
    "0-d": np.array(1.0),
    "3-D": np.ones((2, 2, 2)),
    "ragged": [[1.0, 2.0], [3.0]],
    "string": "abc",
    "None": None,
    "complex": 1.0 + 1.0j,
}

MUTATIONS: tuple[str, ...] = tuple(_ARRAY_MUTATIONS)

#: Keywords whose None means "draw fresh random numbers": not a hostile value.
_SEEDS = ("random_state", "seed")


def _numeric_array(x: Any) -> bool:
    return isinstance(x, np.ndarray) and x.dtype.kind in "biufc"


def _number(x: Any) -> bool:
    return isinstance(x, (int, float, np.number)) and not isinstance(x, (bool, np.bool_))


def _numeric_list(x: Any) -> bool:
    if not isinstance(x, (list, tuple)) or not x:
        return False
    try:
        return np.asarray(x).dtype.kind in "iuf"
    except ValueError:
        return False


def _mutations_of(x: Any) -> dict[str, Any]:
    """The hostile replacements of argument `x`, by mutation name; none for an argument
    that is not numeric (a function, a method name, an estimator)."""
    if _numeric_array(x):
        return {name: make(x) for name, make in _ARRAY_MUTATIONS.items()}
    if _numeric_list(x):
        return {name: make(np.asarray(x)) for name, make in _ARRAY_MUTATIONS.items()}
    if _number(x):
        return dict(_SCALAR_MUTATIONS)
    return {}


def mutants(c: Case) -> Iterator[tuple[str, Case]]:
    """``(label, case)`` for every hostile replacement of one argument of `c`.

    Labels read ``arg0:nan`` (a positional argument), ``alpha:None`` (a keyword) or
    ``arg1.scale:inf`` (an entry of a parameter dictionary, as the distributions take)."""
    for i, arg in enumerate(c.args):
        for where, value in _replacements(f"arg{i}", arg):
            args = c.args[:i] + (value,) + c.args[i + 1:]
            yield where, replace(c, args=args, expected=None, label=where)
    for key, arg in c.kwargs.items():
        for where, value in _replacements(key, arg):
            if key in _SEEDS and value is None:  # unseeded: nothing to compare
                continue
            yield where, replace(c, kwargs={**c.kwargs, key: value}, expected=None, label=where)


def _replacements(name: str, arg: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(arg, dict):
        for key, value in arg.items():
            for kind, hostile in _mutations_of(value).items():
                yield f"{name}.{key}:{kind}", {**arg, key: hostile}
        return
    for kind, hostile in _mutations_of(arg).items():
        yield f"{name}:{kind}", hostile


@dataclass(frozen=True)
class Outcome:
    """What one backend did with one input."""

    value: Any = None
    error: BaseException | None = None
    timed_out: bool = False
    seconds: float = 0.0

    def describe(self) -> str:
        if self.timed_out:
            return f"ran out of time ({self.seconds:.1f} s)"
        if self.error is not None:
            return f"raised {type(self.error).__name__}: {str(self.error)[:160]}"
        return f"returned {_short(self.value)}"


def _short(value: Any) -> str:
    text = repr(value).replace("\n", " ")
    return text if len(text) <= 80 else text[:77] + "..."


class _OutOfTime(BaseException):
    """Raised by the alarm; a BaseException so that no ``except Exception`` swallows it."""


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    def alarm(signum: int, frame: Any) -> None:
        raise _OutOfTime

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def outcome(concept: Concept, backend: str, c: Case, seconds: float) -> Outcome:
    """Run `c` through `backend` within `seconds` (warnings silenced: only the value, the
    exception or the hang is judged here)."""
    start = time.perf_counter()
    try:
        with _time_limit(seconds), warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            value = concept.apply(concept.implementation(backend), c)
    except _OutOfTime:
        return Outcome(timed_out=True, seconds=time.perf_counter() - start)
    except Exception as exc:  # the outcome being judged
        return Outcome(error=exc, seconds=time.perf_counter() - start)
    return Outcome(value=value, seconds=time.perf_counter() - start)


def public_class(exc: BaseException) -> str:
    """The name of the exception's class as a user catches it: NumPy's private classes
    (``numpy._core._exceptions._UFuncNoLoopError``, shown as UFuncTypeError) count as their
    first public base (TypeError)."""
    for cls in type(exc).__mro__:
        if not cls.__module__.startswith("numpy._"):
            return cls.__name__
    return type(exc).__name__


def _identical(a: Any, b: Any) -> bool:
    """The same value in both: equal arrays of any dtype (NaN equal to NaN), or equal
    Python values; the concept's own comparison judges everything else."""
    if isinstance(a, np.ndarray) and isinstance(b, np.ndarray):
        if a.dtype != b.dtype or a.shape != b.shape:
            return False
        if a.dtype.kind in "fc":
            return bool(np.array_equal(a, b, equal_nan=True))
        return bool(np.array_equal(a, b)) if a.dtype != object else repr(a) == repr(b)
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return False
    if type(a) is not type(b):
        return False
    if isinstance(a, (float, np.floating)) and np.isnan(a):
        return bool(np.isnan(b))
    try:
        return bool(a == b)
    except Exception:
        return False


def verdict(concept: Concept, c: Case, mine: Outcome, ref: Outcome) -> str:
    """Empty when mathml's outcome is the reference's, else what differs."""
    if mine.timed_out:
        return f"mathml {mine.describe()}; the reference {ref.describe()}"
    if ref.timed_out:  # nothing to compare with, but mathml must not crash
        crashed = mine.error is not None and type(mine.error).__name__ in CRASHES
        return f"mathml {mine.describe()}" if crashed else ""
    if mine.error is not None or ref.error is not None:
        if mine.error is not None and ref.error is not None \
                and public_class(mine.error) == public_class(ref.error):
            return ""
        return f"mathml {mine.describe()}; the reference {ref.describe()}"
    if _identical(mine.value, ref.value):
        return ""
    try:
        agreement = concept.agree(mine.value, ref.value, c)
    except Exception as exc:  # a comparison that cannot read the values is a difference
        return (f"the values could not be compared ({type(exc).__name__}: {exc}): "
                f"mathml {mine.describe()}; the reference {ref.describe()}")
    if agreement.ok:
        return ""
    return f"the values differ ({agreement.detail}): mathml {mine.describe()}; " \
           f"the reference {ref.describe()}"


def _size(c: Case) -> int:
    def size(x: Any) -> int:
        if isinstance(x, dict):
            return sum(map(size, x.values()))
        if isinstance(x, np.ndarray):
            return x.size
        return sum(map(size, x)) if isinstance(x, (list, tuple)) else 1
    return sum(map(size, c.args)) + sum(map(size, c.kwargs.values()))


def smallest_case(concept: Concept) -> Case:
    """The concept's example with the fewest numbers in it: the fuzz's starting point (the
    hostile value is what matters, and a forest on 200 samples would only cost time)."""
    return min(concept.cases, key=_size)


def fuzz_concept(concept: Concept, seconds: float = 30.0) -> dict[str, str]:
    """Every mutant of the concept's smallest example, by label, with what differs (only
    the mutants where mathml's outcome is not the reference's)."""
    found = {}
    for label, c in mutants(smallest_case(concept)):
        ref = outcome(concept, "reference", c, seconds)
        mine = outcome(concept, "mathml", c, seconds)
        problem = verdict(concept, c, mine, ref)
        if problem:
            found[label] = problem
    return found


# --- the dtype rule --------------------------------------------------------------------------

def as_float32(c: Case) -> Case | None:
    """`c` with every float64 array argument (also inside a parameter dictionary) cast to
    float32; None when it has none."""
    cast = False

    def to32(x: Any) -> Any:
        nonlocal cast
        if isinstance(x, np.ndarray) and x.dtype == np.float64:
            cast = True
            return x.astype(np.float32)
        if isinstance(x, list) and _numeric_list(x) and np.asarray(x).dtype == np.float64:
            cast = True
            return np.asarray(x, dtype=np.float32)
        if isinstance(x, dict):
            return {k: to32(v) for k, v in x.items()}
        return x

    args = tuple(to32(a) for a in c.args)
    kwargs = {k: to32(v) for k, v in c.kwargs.items()}
    return replace(c, args=args, kwargs=kwargs, expected=None, label="float32") if cast else None


def floating_types(value: Any, path: str = "result", depth: int = 0) -> dict[str, str]:
    """Where in `value` a floating number or array sits, and its type: ``{"result[0]":
    "ndarray float32", "result.fun": "float"}``; what a user sees of the dtype rule."""
    if isinstance(value, np.ndarray):
        return {path: f"ndarray {value.dtype}"} if value.dtype.kind in "fc" else {}
    if isinstance(value, (float, complex, np.floating, np.complexfloating)):
        return {path: type(value).__name__}
    if depth >= 4:
        return {}
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, (tuple, list)):
        items = enumerate(value)  # type: ignore[assignment]
    elif hasattr(value, "__dict__") and not callable(value):
        items = vars(value).items()
    else:
        return {}
    found: dict[str, str] = {}
    for key, item in items:
        found.update(floating_types(item, f"{path}[{key!r}]", depth + 1))
    return found


def dtype_difference(concept: Concept, seconds: float = 20.0) -> str:
    """Empty when float32 input comes back with the reference's floating types (or the
    concept takes no floating array), else where they differ. The input is the first
    example with a floating array, cast to float32."""
    c = next(filter(None, map(as_float32, concept.cases)), None)
    if c is None:
        return ""
    ref = outcome(concept, "reference", c, seconds)
    mine = outcome(concept, "mathml", c, seconds)
    if ref.timed_out or mine.timed_out or ref.error is not None or mine.error is not None:
        if mine.error is not None and ref.error is not None \
                and public_class(mine.error) == public_class(ref.error):
            return ""
        return f"float32 input: mathml {mine.describe()}; the reference {ref.describe()}"
    want, got = floating_types(ref.value), floating_types(mine.value)
    differ = [f"{p}: mathml {got.get(p, 'nothing')}, the reference {want.get(p, 'nothing')}"
              for p in sorted(set(want) | set(got)) if want.get(p) != got.get(p)]
    return "; ".join(differ)
