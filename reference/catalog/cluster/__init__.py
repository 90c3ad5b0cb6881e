"""Catalog entries for clustering (docs/concepts.md §8): `mathml.cluster` vs scikit-learn and
`scipy.cluster.hierarchy`, one module per family."""
from __future__ import annotations

from . import _dbscan, _hierarchy, _kmeans

CONCEPTS = _kmeans.CONCEPTS + _hierarchy.CONCEPTS + _dbscan.CONCEPTS
