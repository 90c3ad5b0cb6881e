"""The reference for `mathml.svm` (being built)."""
from __future__ import annotations

__all__: list[str] = []
