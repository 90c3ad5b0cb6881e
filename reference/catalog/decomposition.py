"""Catalog entries for decomposition (docs/concepts.md §7)."""
from __future__ import annotations

CONCEPTS: tuple = ()
