"""Catalog entries: _hierarchy."""
from __future__ import annotations

CONCEPTS: tuple = ()
