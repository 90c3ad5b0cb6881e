"""`mathml`: the mathematics of machine learning, written from scratch with NumPy.

Each module mirrors its namesake in SciPy or scikit-learn (`mathml.linalg` ↔ `numpy.linalg`,
`scipy.linalg`), and `reference` wraps those libraries behind the same names, so
``import mathml as ml`` and ``import reference as ml`` are interchangeable.
"""
from . import exceptions, linalg

__all__ = ["linalg", "exceptions"]
__version__ = "0.1.0"
