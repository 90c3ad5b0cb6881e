"""`mathml`: the mathematics of machine learning, written from scratch with NumPy.

Each module mirrors its namesake in SciPy or scikit-learn (`mathml.linalg` ↔ `numpy.linalg`,
`mathml.integrate` ↔ `scipy.integrate`, …), and `reference` wraps those libraries behind
the same names, so ``import mathml as ml`` and ``import reference as ml`` are
interchangeable.
"""
from . import autodiff, differentiate, exceptions, integrate, linalg, optimize

__all__ = ["linalg", "differentiate", "autodiff", "integrate", "optimize", "exceptions"]
__version__ = "0.1.0"
