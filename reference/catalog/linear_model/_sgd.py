"""Catalog entries for the stochastic-gradient linear models (issue 14)."""
from __future__ import annotations

CONCEPTS: tuple = ()
