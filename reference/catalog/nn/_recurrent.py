"""Catalog entries for `mathml.nn` (being built)."""
from __future__ import annotations

CONCEPTS: tuple = ()
