"""Catalog entries: _gradient_boosting."""
from __future__ import annotations

CONCEPTS: tuple = ()
