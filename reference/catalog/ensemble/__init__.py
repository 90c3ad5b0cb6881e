"""Catalog entries for ensembles (docs/concepts.md §9): `mathml.ensemble` vs scikit-learn, one
module per family."""
from __future__ import annotations

from . import _adaboost, _forest, _gradient_boosting

CONCEPTS = _forest.CONCEPTS + _gradient_boosting.CONCEPTS + _adaboost.CONCEPTS
