"""The concept catalog: the one registry the tests, the `mathml` command, the user checker
and the benchmarks all read.

Each area of CONCEPTS.md is a module of this package holding a tuple ``CONCEPTS``.
Adding a concept means writing the mathml function, the reference wrapper and one
`Concept` entry in its area's module; nothing else changes for it to be tested, listed,
shown, checked and benchmarked.
"""
from __future__ import annotations

import importlib
from functools import cache

from ._core import COMPARE_KINDS, Bad, Bench, Case, Concept, bad, case

__all__ = ["AREAS", "Concept", "Case", "Bad", "Bench", "case", "bad", "COMPARE_KINDS",
           "all_concepts", "get", "areas"]

#: The areas whose concepts are in the catalog, in the order of CONCEPTS.md.
AREAS: tuple[str, ...] = ("linalg",)


@cache
def _registry() -> dict[str, Concept]:
    registry: dict[str, Concept] = {}
    for area in AREAS:
        module = importlib.import_module(f"{__name__}.{area}")
        for concept in module.CONCEPTS:
            if concept.name in registry:
                raise ValueError(f"concept {concept.name} is registered twice")
            if concept.area != area:
                raise ValueError(f"concept {concept.name} is registered in area {area}")
            registry[concept.name] = concept
    return registry


def all_concepts(areas: list[str] | tuple[str, ...] | None = None) -> list[Concept]:
    """Every concept, in catalog order; only those of `areas` when given."""
    if areas:
        unknown = set(areas) - set(AREAS)
        if unknown:
            raise KeyError(f"unknown area(s) {sorted(unknown)}; the areas are {list(AREAS)}")
    return [c for c in _registry().values() if not areas or c.area in areas]


def get(name: str) -> Concept:
    """The concept called `name` (e.g. ``"linalg.inv"``)."""
    try:
        return _registry()[name]
    except KeyError:
        close = [n for n in _registry() if name.split(".")[-1] in n]
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise KeyError(f"no concept {name!r} in the catalog{hint}") from None


def areas() -> tuple[str, ...]:
    return AREAS
