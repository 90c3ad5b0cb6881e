"""Catalog entries for `mathml.metrics.pairwise` vs `sklearn.metrics.pairwise` (issue 12)."""
from __future__ import annotations

CONCEPTS: tuple = ()
