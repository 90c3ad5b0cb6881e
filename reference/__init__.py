"""`reference`: the concepts of `mathml` through NumPy, SciPy, scikit-learn and SymPy.

``import reference as ml`` and ``import mathml as ml`` are interchangeable: the same modules,
names and signatures. This package also holds what compares the two: the concept catalog
(`reference.catalog`), the tolerance table and agreement function (`reference.compare`),
the checker for your own code (`reference.check`, `reference.assert_agrees`) and the
`mathml` command (`reference.cli`).
"""
from . import autodiff, differentiate, exceptions, integrate, linalg, optimize
from .check import CheckReport, assert_agrees, check

__all__ = ["linalg", "differentiate", "autodiff", "integrate", "optimize", "exceptions",
           "check", "assert_agrees", "CheckReport"]
