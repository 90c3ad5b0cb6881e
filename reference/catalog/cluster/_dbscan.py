"""Catalog entries: _dbscan."""
from __future__ import annotations

CONCEPTS: tuple = ()
