"""Multilayer perceptrons trained by backpropagation, as `sklearn.neural_network` (issue 13)."""
from __future__ import annotations

__all__: list[str] = []
