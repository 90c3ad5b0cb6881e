"""Catalog entries: _kmeans."""
from __future__ import annotations

CONCEPTS: tuple = ()
