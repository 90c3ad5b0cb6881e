"""Pairwise distances and kernels between the rows of two matrices (issue 12)."""
from __future__ import annotations

__all__: list[str] = []
