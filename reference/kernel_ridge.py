"""The reference for `mathml.kernel_ridge` (being built)."""
from __future__ import annotations

__all__: list[str] = []
