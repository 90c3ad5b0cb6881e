"""`mathml`: the mathematics of machine learning, written from scratch with NumPy.

Each module mirrors its namesake in SciPy or scikit-learn (`mathml.linalg` ↔ `numpy.linalg`,
`mathml.integrate` ↔ `scipy.integrate`, `mathml.linear_model` ↔ `sklearn.linear_model`, …),
and `reference` wraps those libraries behind the same names, so ``import mathml as ml`` and
``import reference as ml`` are interchangeable.
"""
from . import (autodiff, cluster, datasets, decomposition, differentiate, ensemble, exceptions,
               information, integrate, linalg, linear_model, metrics, mixture, model_selection,
               naive_bayes, neighbors, optimize, preprocessing, probability, special, stats, tree,
               svm, kernel_ridge, neural_network, nn)

__all__ = ["linalg", "differentiate", "autodiff", "integrate", "optimize", "special", "stats",
           "probability", "information", "preprocessing", "metrics", "model_selection",
           "datasets", "linear_model", "naive_bayes", "neighbors", "cluster", "decomposition",
           "mixture", "tree", "ensemble", "svm", "kernel_ridge", "neural_network", "nn",
           "exceptions"]
__version__ = "0.1.0"
