"""Catalog entries: _adaboost."""
from __future__ import annotations

CONCEPTS: tuple = ()
