"""Catalog entries: _forest."""
from __future__ import annotations

CONCEPTS: tuple = ()
