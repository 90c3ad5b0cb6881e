"""Named comparison strategies: how a concept's two answers are judged.

A strategy is one rule with one name; a concept names its strategy in the catalog and the
tests, ``mathml list``/``report``/``show`` and the checker all read the rule (and its kind)
from here, so the vocabulary cannot drift. Each strategy belongs to one of six *kinds*:

=========  ===============================================================================
exact      the numbers are compared entry by entry within the concept's tolerance
sign       compared after fixing a sign freedom (eigenvector and singular-vector signs)
perm       compared after fixing an order freedom (eigenvalue order, complex phases)
optimum    iterative methods: the same minimiser and minimum, not the same path
stat       random output: each backend's answer passes a seeded statistical test
property   answers that are not unique: each satisfies the defining properties
=========  ===============================================================================

A strategy receives both answers, the case, the concept's tolerance (a
:class:`~reference.compare.Tolerance` of the table) and the concept itself (for the
reference implementation's other methods, e.g. a distribution's pdf where a quantile's
error bound needs the slope). It never recomputes the reference answer: that is
``expected``.

*Properties* are the other half: the defining properties any correct answer satisfies
(P·L·U = A, QᵀQ = I, a feasible point), checked on each backend's answer separately. A
concept names its property set in the catalog; :data:`PROPERTIES` maps names to checks
``check(case, result) -> {description: (value, bound)}``.
"""
from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any
from collections.abc import Callable

from ._agree import Agreement, agree
from ._canon import canon_eig, canon_eigh, canon_svd
from ._tolerances import Tolerance

__all__ = ["KINDS", "Strategy", "STRATEGIES", "strategy", "canonical", "PROPERTIES", "properties"]

KINDS: dict[str, str] = {
    "exact": "the numbers entry by entry, within the tolerance",
    "sign": "after fixing a sign freedom (eigenvector and singular-vector signs)",
    "perm": "after fixing an order freedom (eigenvalue order, complex phases)",
    "optimum": "the same minimiser and minimum, not the same path",
    "stat": "random output: each backend passes a seeded statistical test",
    "property": "not unique: each answer satisfies the defining properties",
}

Compare = Callable[[Any, Any, Any, Tolerance, Any], Agreement]


@dataclass(frozen=True)
class Strategy:
    """A named comparison rule: its kind, why it is right, and the rule itself."""

    name: str
    kind: str
    reason: str
    compare: Compare

    @property
    def label(self) -> str:
        """What the command and the test ids call it: the kind, and the name where the
        strategy is a specific one (``exact``, ``sign: svd``, ``exact: lu``)."""
        return self.kind if self.name == self.kind else f"{self.kind}: {self.name}"


STRATEGIES: dict[str, Strategy] = {}
PROPERTIES: dict[str, Callable[[Any, Any], dict[str, tuple[float, float]]]] = {}


def strategy(name: str, kind: str) -> Callable[[Compare], Compare]:
    """Register ``compare(got, expected, case, tolerance, concept) -> Agreement`` under
    `name`; its docstring is the reason the command shows."""
    if kind not in KINDS:
        raise ValueError(f"strategy {name!r}: kind {kind!r} is not one of {list(KINDS)}")

    def register(func: Compare) -> Compare:
        if name in STRATEGIES:
            raise ValueError(f"strategy {name!r} is registered twice")
        STRATEGIES[name] = Strategy(name, kind, inspect.cleandoc(func.__doc__ or ""), func)
        return func
    return register


def properties(name: str) -> Callable:
    """Register ``check(case, result) -> {description: (value, bound)}`` under `name`."""
    def register(func):
        if name in PROPERTIES:
            raise ValueError(f"property set {name!r} is registered twice")
        PROPERTIES[name] = func
        return func
    return register


# --- the generic strategies ------------------------------------------------------------------

@strategy("exact", "exact")
def _exact(got, expected, c, tol, concept):
    """Both answers compared leaf by leaf (arrays, numbers, tuples, dicts): structure,
    shapes and dtype kinds exactly, numbers within the concept's tolerance, NaNs in the
    same places."""
    return agree(got, expected, tol, args=c.args)


def canonical(name: str, kind: str, canon: Callable, reason: str) -> None:
    """Register a strategy that maps both answers to a canonical representative (`canon`),
    then compares them as 'exact'."""
    def compare(got, expected, c, tol, concept):
        return agree(got, expected, tol, args=c.args, canon=canon)
    compare.__doc__ = reason + " " + inspect.cleandoc(canon.__doc__ or "")
    strategy(name, kind)(compare)


canonical("eigh", "sign", canon_eigh,
           "Eigenvectors of a symmetric matrix are unique only up to sign (distinct "
           "eigenvalues):")
canonical("svd", "sign", canon_svd,
           "Singular vector pairs (u_i, v_i) are unique only up to a common sign (distinct "
           "singular values):")
canonical("eig", "perm", canon_eig,
           "LAPACK returns the eigenvalues of a general matrix in the order its QR iteration "
           "deflates them, and complex eigenvectors up to a unit phase:")


@strategy("fitted_optimum", "optimum")
def _fitted_optimum(got, expected, c, tol, concept):
    """An iterative estimator (coordinate descent, Newton, lbfgs) and its reference minimise
    the same objective by other paths: their fitted attributes and predictions are compared
    leaf by leaf within the accuracy the stopping rules leave (the concept's tolerance), the
    same model, not the same iterates."""
    return agree(got, expected, tol, args=c.args)
