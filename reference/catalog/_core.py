"""What a concept declares: the records of the catalog.

A concept named ``"module.name"`` pairs ``mathml.module.name`` with ``reference.module.name``
(resolved from the name, so the two cannot drift apart) and carries everything the tests,
the command, the user checker and the benchmarks need to know about it.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

import numpy as np

from .. import compare

__all__ = ["Case", "case", "Bad", "bad", "Bench", "Concept", "COMPARE_KINDS"]

COMPARE_KINDS = ("exact", "sign", "perm", "optimum", "stat", "property")


@dataclass(frozen=True)
class Case:
    """One input: positional and keyword arguments, a label, and where a seed prints the
    answer, that printed answer (``expected``), which both backends must reproduce."""

    args: tuple = ()
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    label: str = ""
    expected: Any = None
    seed: str = ""

    def call(self, func: Callable) -> Any:
        return func(*self.args, **self.kwargs)

    def describe(self) -> str:
        """The arguments as Python source, for reports that let a reader rerun the case."""
        parts = [_source(a) for a in self.args]
        parts += [f"{k}={_source(v)}" for k, v in self.kwargs.items()]
        return ", ".join(parts)


def case(*args: Any, label: str = "", expected: Any = None, seed: str = "", **kwargs: Any) -> Case:
    """Shorthand: ``case(A, b, label="2x2")``."""
    return Case(tuple(args), dict(kwargs), label, expected, seed)


@dataclass(frozen=True)
class Bad:
    """An invalid input and what both backends must do with it: raise the exception class
    ``raises``, or (where the contract says so, e.g. a divergent integral) return and emit
    a warning of class ``warns``.

    ``match`` is a regular expression both messages must contain, when the contract fixes
    the wording."""

    case: Case
    raises: type[BaseException] | None = None
    match: str | None = None
    warns: type[Warning] | None = None

    def __post_init__(self) -> None:
        if (self.raises is None) == (self.warns is None):
            raise ValueError("a bad case either raises or warns")

    @property
    def expects(self) -> type[BaseException]:
        return self.raises if self.raises is not None else self.warns


def bad(*args: Any, raises: type[BaseException] | None = None, match: str | None = None,
        label: str = "", warns: type[Warning] | None = None, **kwargs: Any) -> Bad:
    """Shorthand: ``bad(np.ones(3), raises=LinAlgError, label="1-D")``."""
    return Bad(Case(tuple(args), dict(kwargs), label), raises, match, warns)


@dataclass(frozen=True)
class Bench:
    """The benchmark input: ``make(size, rng)`` returns a Case of the given size."""

    size: int
    make: Callable[[int, np.random.Generator], Case]

    def case(self, seed: int = 0) -> Case:
        return self.make(self.size, np.random.default_rng(seed))


@dataclass(frozen=True)
class Concept:
    """One concept of docs/concepts.md and everything checked about it.

    Parameters
    ----------
    name : "module.function"; the mathml and reference callables are found from it.
    reference_call : the library call the reference wraps, for display ("numpy.linalg.inv").
    kind : how the two are compared (one of COMPARE_KINDS).
    tolerance : a key of ``reference.compare.TOLERANCES``.
    cases : fixed examples, a seed's example first where a seed has one.
    strategy : a zero-argument function returning a Hypothesis strategy of `Case`s.
    bad : invalid inputs and the exception both backends raise.
    bench : the benchmark input size and maker.
    seeds : the seed files that ask for the concept.
    canon : maps an answer to its canonical representative before comparing.
    invariants : ``invariants(case, result) -> {name: (value, bound)}``, defining properties
        any correct answer satisfies (residuals, orthogonality); checked for each backend.
    run : how to apply an implementation to a case (default: call it with the arguments).
    comparison : ``comparison(got, expected, case) -> Agreement`` replacing the tolerance
        comparison, for kinds where equal numbers are not the criterion ('stat': a seeded
        statistical test; 'optimum': same minimiser and minimum).
    note : what a reader should know when comparing (shown by ``mathml show``).
    """

    name: str
    reference_call: str
    kind: str
    tolerance: str
    cases: tuple[Case, ...]
    strategy: Callable[[], Any]
    bad: tuple[Bad, ...]
    bench: Bench
    seeds: tuple[str, ...] = ()
    canon: Callable[[Any, tuple], Any] | None = None
    invariants: Callable[[Case, Any], dict[str, tuple[float, float]]] | None = None
    run: Callable[[Callable, Case], Any] | None = None
    comparison: Callable[[Any, Any, Case], compare.Agreement] | None = None
    note: str = ""

    def __post_init__(self) -> None:
        if self.kind not in COMPARE_KINDS:
            raise ValueError(f"{self.name}: kind {self.kind!r} is not one of {COMPARE_KINDS}")
        if self.tolerance not in compare.TOLERANCES:
            raise ValueError(f"{self.name}: tolerance {self.tolerance!r} is not in the table")
        if not self.cases:
            raise ValueError(f"{self.name}: a concept needs at least one example case")

    @property
    def area(self) -> str:
        return self.name.split(".")[0]

    @property
    def function_name(self) -> str:
        return self.name.split(".", 1)[1]

    def implementation(self, backend: str) -> Callable:
        """``mathml.<area>.<name>`` or ``reference.<area>.<name>``."""
        module = importlib.import_module(f"{backend}.{self.area}")
        return getattr(module, self.function_name)

    @property
    def mathml(self) -> Callable:
        return self.implementation("mathml")

    @property
    def reference(self) -> Callable:
        return self.implementation("reference")

    def apply(self, func: Callable, c: Case) -> Any:
        return self.run(func, c) if self.run is not None else c.call(func)

    def agree(self, got: Any, expected: Any, c: Case) -> compare.Agreement:
        """The one agreement function, with this concept's tolerance and canonicaliser."""
        if self.comparison is not None:
            return self.comparison(got, expected, c)
        return compare.agree(got, expected, self.tolerance, args=c.args, canon=self.canon)

    def check_invariants(self, c: Case, result: Any) -> list[str]:
        """Names and values of the invariants `result` violates (empty when all hold)."""
        if self.invariants is None:
            return []
        return [f"{name} = {value:.3g} > {bound:.3g}"
                for name, (value, bound) in self.invariants(c, result).items()
                if not value <= bound]


def _source(x: Any) -> str:
    if isinstance(x, np.ndarray):
        with np.printoptions(precision=17, threshold=10_000, linewidth=100_000):
            return f"np.array({x.tolist()!r})" if x.dtype != object else repr(x)
    return repr(x)
