"""The concept catalog: the one registry the tests, the `mathml` command, the user checker
and the benchmarks all read.

Each area of docs/concepts.md is a module of this package holding a tuple ``CONCEPTS``.
Adding a concept means writing the mathml function, the reference wrapper and one
`Concept` entry in its area's module; nothing else changes for it to be tested, listed,
shown, checked and benchmarked.
"""
from __future__ import annotations

import difflib
import importlib
from functools import cache
from pathlib import Path

from ._core import Bad, Bench, Case, Concept, bad, case

__all__ = ["AREAS", "Concept", "Case", "Bad", "Bench", "case", "bad",
           "all_concepts", "get", "areas"]

#: The areas of docs/concepts.md in its order; an area is in the catalog once its module exists.
_ORDER = ("linalg", "differentiate", "autodiff", "integrate", "optimize", "special", "stats",
          "probability", "information", "preprocessing", "metrics", "model_selection",
          "datasets", "linear_model", "naive_bayes", "neighbors", "cluster", "decomposition",
          "mixture", "tree", "ensemble", "svm", "kernel_ridge", "neural_network", "nn")
AREAS: tuple[str, ...] = tuple(a for a in _ORDER if (Path(__file__).parent / f"{a}.py").exists()
                               or (Path(__file__).parent / a / "__init__.py").exists())


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
        close = difflib.get_close_matches(name, _registry(), n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise KeyError(f"no concept {name!r} in the catalog{hint}") from None


def areas() -> tuple[str, ...]:
    return AREAS
