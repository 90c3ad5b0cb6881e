"""Multilayer perceptrons trained by backpropagation, as `sklearn.neural_network` (issue 13)."""
from __future__ import annotations

from ._multilayer_perceptron import MLPClassifier, MLPRegressor

__all__: list[str] = ["MLPClassifier", "MLPRegressor"]
