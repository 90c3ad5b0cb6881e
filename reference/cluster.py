"""Clustering through scikit-learn and `scipy.cluster.hierarchy`: the reference for
`mathml.cluster`."""
from __future__ import annotations

__all__: list[str] = []
