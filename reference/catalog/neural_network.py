"""Catalog entries for `mathml.neural_network` (being built)."""
from __future__ import annotations

CONCEPTS: tuple = ()
