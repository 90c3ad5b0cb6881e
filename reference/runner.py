"""Running a concept's cases through both backends: one code path for the tests, the
`mathml report` and `mathml show` commands.
"""
from __future__ import annotations

import math
import re
import warnings
from dataclasses import dataclass, field
from typing import Any

from .catalog import Bad, Case, Concept
from .compare import Agreement

__all__ = ["CaseResult", "BadResult", "ConceptResult", "run_case", "run_bad", "run_concept"]


@dataclass
class CaseResult:
    """The two backends on one valid input."""

    case: Case
    agreement: Agreement
    broken: dict[str, list[str]] = field(default_factory=dict)  # backend -> invariants violated
    error: str = ""  # a backend raised on a valid input
    mathml_result: Any = None
    reference_result: Any = None

    @property
    def ok(self) -> bool:
        return self.agreement.ok and not self.error and not any(self.broken.values())

    def explain(self) -> str:
        if self.error:
            return self.error
        parts = [] if self.agreement.ok else [self.agreement.detail]
        parts += [f"{backend} violates {b}" for backend, bs in self.broken.items() for b in bs]
        return "; ".join(parts)


@dataclass
class BadResult:
    """The two backends on one invalid input: both must raise the same class."""

    bad: Bad
    ok: bool
    detail: str


@dataclass
class ConceptResult:
    concept: Concept
    cases: list[CaseResult]
    bad: list[BadResult]

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.cases) and all(b.ok for b in self.bad)

    @property
    def worst(self) -> Agreement:
        worst = Agreement(True)
        for c in self.cases:
            worst = worst.worse(c.agreement)
        return worst

    def failures(self) -> list[str]:
        out = [f"case {c.case.label!r}: {c.explain()}" for c in self.cases if not c.ok]
        out += [f"bad input {b.bad.case.label!r}: {b.detail}" for b in self.bad if not b.ok]
        return out


def run_case(concept: Concept, case: Case) -> CaseResult:
    """Both backends on `case`, compared with the concept's tolerance, and each checked
    against the concept's defining properties."""
    results = {}
    for backend in ("reference", "mathml"):
        try:
            # warnings are checked where a case expects one (the bad inputs, `run_bad`);
            # a regular case that warns on purpose (an EM stopped at max_iter) stays quiet
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                results[backend] = concept.apply(concept.implementation(backend), case)
        except Exception as exc:
            return CaseResult(case, Agreement(False, math.inf, math.inf),
                              error=f"{backend} raised {type(exc).__name__}: {exc}")
    agreement = concept.agree(results["mathml"], results["reference"], case)
    broken = {backend: concept.check_properties(case, result) for backend, result in results.items()}
    return CaseResult(case, agreement, broken, "", results["mathml"], results["reference"])


def run_bad(concept: Concept, b: Bad) -> BadResult:
    """Both backends on an invalid input: each must raise `b.raises` (or, for a case that
    warns, return and emit `b.warns`), the same class by name in both, with a message
    matching `b.match` when the contract fixes the wording."""
    raised = {}
    for backend in ("mathml", "reference"):
        outcome = _outcome(concept, backend, b)
        if outcome is None:
            verb = "raised" if b.raises is not None else "warned"
            return BadResult(b, False, f"{backend} {verb} nothing (expected {b.expects.__name__})")
        raised[backend] = outcome
    problems = []
    for backend, exc in raised.items():
        if not isinstance(exc, b.expects):
            problems.append(f"{backend} raised {type(exc).__name__}: {exc} "
                            f"(expected {b.expects.__name__})")
        elif b.match and not re.search(b.match, str(exc)):
            problems.append(f"{backend}'s message {str(exc)!r} does not match {b.match!r}")
    names = {type(e).__name__ for e in raised.values()}
    if not problems and len(names) > 1:
        problems.append(f"the classes differ: {sorted(names)}")
    return BadResult(b, not problems, "; ".join(problems))


def run_concept(concept: Concept) -> ConceptResult:
    return ConceptResult(concept, [run_case(concept, c) for c in concept.cases],
                         [run_bad(concept, b) for b in concept.bad])


def _outcome(concept: Concept, backend: str, b: Bad) -> BaseException | None:
    """The exception raised, or for a warning case the first warning of the expected class
    (else the first warning at all); None when nothing happened."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            concept.apply(concept.implementation(backend), b.case)
        except Exception as exc:
            return exc
    if b.warns is None or not caught:
        return None
    matching = [w.message for w in caught if isinstance(w.message, b.warns)]
    return matching[0] if matching else caught[0].message
