"""Catalog entries for model evaluation (docs/concepts.md §6): `mathml.metrics` vs
scikit-learn, one module per family."""
from __future__ import annotations

from . import _pairwise, _scores

CONCEPTS = _scores.CONCEPTS + _pairwise.CONCEPTS
