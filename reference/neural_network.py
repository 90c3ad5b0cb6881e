"""The reference for `mathml.neural_network` (being built)."""
from __future__ import annotations

__all__: list[str] = []
