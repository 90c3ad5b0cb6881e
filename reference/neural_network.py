"""Multilayer perceptrons through scikit-learn: the reference for `mathml.neural_network`.

scikit-learn's classes, unchanged: mathml's `__init__` has the same signature (the
classifier's first positional parameters are hidden_layer_sizes and activation, the
regressor's is loss). mathml refuses solver='lbfgs' (NotImplementedError: it does not
reproduce SciPy's L-BFGS-B), so the catalog compares the stochastic solvers only.
"""
from __future__ import annotations

import sklearn.neural_network as sk

__all__ = ["MLPClassifier", "MLPRegressor"]


class MLPClassifier(sk.MLPClassifier):
    pass


class MLPRegressor(sk.MLPRegressor):
    pass
