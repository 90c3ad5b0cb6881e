"""Catalog entries for mixture (docs/concepts.md §7)."""
from __future__ import annotations

CONCEPTS: tuple = ()
