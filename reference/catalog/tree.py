"""Catalog entries for decision trees (docs/concepts.md §9)."""
from __future__ import annotations

CONCEPTS: tuple = ()
