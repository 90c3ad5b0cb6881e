"""Pairwise distances and kernels through `sklearn.metrics.pairwise`: the reference for
`mathml.metrics.pairwise` (issue 12)."""
from __future__ import annotations

__all__: list[str] = []
