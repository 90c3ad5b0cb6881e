"""Catalog entries for `mathml.svm` (being built)."""
from __future__ import annotations

CONCEPTS: tuple = ()
