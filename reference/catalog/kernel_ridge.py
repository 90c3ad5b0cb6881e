"""Catalog entries for `mathml.kernel_ridge` (being built)."""
from __future__ import annotations

CONCEPTS: tuple = ()
