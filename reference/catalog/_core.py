"""What a concept declares: the records of the catalog.

A concept named ``"module.name"`` pairs ``mathml.module.name`` with ``reference.module.name``
(resolved from the name, so the two cannot drift apart) and carries everything the tests,
the command, the user checker and the benchmarks need to know about it.
"""
from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass, field, replace
from typing import Any
from collections.abc import Callable, Mapping

import numpy as np

from .. import compare

__all__ = ["Case", "case", "Bad", "bad", "Bench", "Concept"]


@dataclass(frozen=True)
class Case:
    """One input: positional and keyword arguments, a label, and where a seed prints the
    answer, that printed answer (``expected``), which both backends must reproduce.

    ``comparison`` and ``tolerance`` name a strategy and a tolerance for this case alone,
    where one concept's cases are compared differently (a distribution's ``pdf`` exactly,
    its ``ppf`` as a quantile, its ``rvs`` statistically); empty means the concept's."""

    args: tuple = ()
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    label: str = ""
    expected: Any = None
    seed: str = ""
    comparison: str = ""
    tolerance: str = ""

    def call(self, func: Callable) -> Any:
        return func(*self.args, **self.kwargs)

    def compared(self, comparison: str, tolerance: str = "") -> Case:
        """This case, compared by another strategy (and tolerance) than its concept's:
        ``case(A, label="...").compared("exact")``."""
        return replace(self, comparison=comparison, tolerance=tolerance)

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
    comparison : the name of a strategy of ``reference.compare.STRATEGIES`` (its kind is
        the concept's kind: exact, sign, perm, optimum, stat or property).
    tolerance : a key of ``reference.compare.TOLERANCES``.
    cases : fixed examples, a seed's example first where a seed has one.
    strategy : a zero-argument function returning a Hypothesis strategy of `Case`s.
    bad : invalid inputs and the exception both backends raise.
    bench : the benchmark input size and maker.
    seeds : the seed files that ask for the concept.
    properties : the name of a set of defining properties in
        ``reference.compare.PROPERTIES`` (residuals, orthogonality) that each backend's
        answer must satisfy; empty for none.
    run : how to apply an implementation to a case (default: call it with the arguments).
    note : what a reader should know when comparing (shown by ``mathml show``).
    """

    name: str
    reference_call: str
    comparison: str
    tolerance: str
    cases: tuple[Case, ...]
    strategy: Callable[[], Any]
    bad: tuple[Bad, ...]
    bench: Bench
    seeds: tuple[str, ...] = ()
    properties: str = ""
    run: Callable[[Callable, Case], Any] | None = None
    note: str = ""

    def __post_init__(self) -> None:
        for c in (None, *self.cases):
            comparison = c.comparison if c is not None and c.comparison else self.comparison
            tolerance = c.tolerance if c is not None and c.tolerance else self.tolerance
            if comparison not in compare.STRATEGIES:
                raise ValueError(f"{self.name}: no comparison strategy {comparison!r} in "
                                 f"reference.compare.STRATEGIES")
            if tolerance not in compare.TOLERANCES:
                raise ValueError(f"{self.name}: tolerance {tolerance!r} is not in the table")
        if self.properties and self.properties not in compare.PROPERTIES:
            raise ValueError(f"{self.name}: no property set {self.properties!r} in "
                             f"reference.compare.PROPERTIES")
        if not self.cases:
            raise ValueError(f"{self.name}: a concept needs at least one example case")

    @property
    def area(self) -> str:
        return self.name.split(".")[0]

    @property
    def function_name(self) -> str:
        return self.name.split(".", 1)[1]

    @property
    def figure(self) -> Callable[[], Any] | None:
        """A function drawing the concept's figure (both backends on one matplotlib
        `Figure`: `reference.figures`) where a picture teaches; None otherwise."""
        from .. import figures  # imported when asked: matplotlib only when a figure is drawn
        if not figures.has_figure(self.name):
            return None
        return functools.partial(figures.draw, self.name)

    def implementation(self, backend: str) -> Callable:
        """``mathml.<area>.<name>`` or ``reference.<area>.<name>``; the name may go through a
        submodule (``metrics.pairwise.rbf_kernel``)."""
        module = importlib.import_module(f"{backend}.{self.area}")
        return functools.reduce(getattr, self.function_name.split("."), module)

    @property
    def mathml(self) -> Callable:
        return self.implementation("mathml")

    @property
    def reference(self) -> Callable:
        return self.implementation("reference")

    def apply(self, func: Callable, c: Case) -> Any:
        return self.run(func, c) if self.run is not None else c.call(func)

    def strategy_of(self, c: Case | None = None) -> compare.Strategy:
        """The comparison strategy of case `c` (the concept's unless the case names one)."""
        return compare.STRATEGIES[c.comparison if c is not None and c.comparison
                                  else self.comparison]

    def tolerance_of(self, c: Case | None = None) -> str:
        """The name of the tolerance of case `c` (the concept's unless the case names one)."""
        return c.tolerance if c is not None and c.tolerance else self.tolerance

    @property
    def kind(self) -> str:
        """How the two are compared, derived from the strategies: the kind of the concept's
        strategy, or the kinds of its cases joined by "+" where they differ."""
        kinds = dict.fromkeys(self.strategy_of(c).kind for c in self.cases)
        return "+".join(kinds) if len(kinds) > 1 else self.strategy_of().kind

    @property
    def compared_by(self) -> str:
        """The strategy's label (``exact``, ``sign: svd``), with every label of its cases
        where they differ: the one vocabulary of the command, the tests and the checker."""
        labels = dict.fromkeys(self.strategy_of(c).label for c in self.cases)
        return ", ".join(labels) if len(labels) > 1 else self.strategy_of().label

    @property
    def tolerances(self) -> str:
        """The name of the tolerance, or the names of its cases' tolerances where they
        differ."""
        return ", ".join(dict.fromkeys(self.tolerance_of(c) for c in (None, *self.cases)))

    def agree(self, got: Any, expected: Any, c: Case) -> compare.Agreement:
        """The one agreement function: the case's strategy under its tolerance."""
        tolerance = compare.TOLERANCES[self.tolerance_of(c)]
        return self.strategy_of(c).compare(got, expected, c, tolerance, self)

    def check_properties(self, c: Case, result: Any) -> list[str]:
        """Names and values of the defining properties `result` violates (empty when all
        hold)."""
        if not self.properties:
            return []
        return [f"{name} = {value:.3g} > {bound:.3g}"
                for name, (value, bound) in compare.PROPERTIES[self.properties](c, result).items()
                if not value <= bound]


def _source(x: Any) -> str:
    if isinstance(x, np.ndarray):
        with np.printoptions(precision=17, threshold=10_000, linewidth=100_000):
            return f"np.array({x.tolist()!r})" if x.dtype != object else repr(x)
    return repr(x)
