"""Catalog entries for optimisation (CONCEPTS.md §2–3), one private module per family."""
from ._root import CONCEPTS as _ROOT

CONCEPTS = _ROOT
