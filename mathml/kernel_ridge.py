"""Kernel ridge regression: ridge regression in the feature space of a kernel (issue 12)."""
from __future__ import annotations

__all__: list[str] = []
