"""`reference`: the concepts of `mathml` through NumPy, SciPy, scikit-learn and SymPy.

``import reference as ml`` and ``import mathml as ml`` are interchangeable: the same modules,
names and signatures. This package also holds what compares the two: the concept catalog
(`reference.catalog`), the tolerance table and agreement function (`reference.compare`),
the checker for your own code (`reference.check`, `reference.assert_agrees`) and the
`mathml` command (`reference.cli`).
"""
from . import (autodiff, cluster, datasets, decomposition, differentiate, ensemble, exceptions,
               information, integrate, linalg, linear_model, metrics, mixture, model_selection,
               naive_bayes, neighbors, optimize, preprocessing, probability, special, stats, tree,
               svm, kernel_ridge, neural_network, nn)
from .check import CheckReport, assert_agrees, check

__all__ = ["linalg", "differentiate", "autodiff", "integrate", "optimize", "special", "stats",
           "probability", "information", "preprocessing", "metrics", "model_selection",
           "datasets", "linear_model", "naive_bayes", "neighbors", "cluster", "decomposition",
           "mixture", "tree", "ensemble", "svm", "kernel_ridge", "neural_network", "nn",
           "exceptions", "check", "assert_agrees", "CheckReport"]
