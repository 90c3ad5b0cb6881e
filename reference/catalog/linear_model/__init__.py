"""Catalog entries for linear models (docs/concepts.md §7): `mathml.linear_model` vs
scikit-learn, one module per family."""
from __future__ import annotations

from . import _linear, _sgd

CONCEPTS = _linear.CONCEPTS + _sgd.CONCEPTS
