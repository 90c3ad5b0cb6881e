"""The Rosenbrock function through SciPy: the reference for `mathml.optimize.rosen*`.

SciPy's results as they are (the input's floating or complex type kept, IndexError for too
few coordinates, ValueError for strings). One check first: None, or an object array
holding None, is a TypeError naming x (SciPy's is "'NoneType' object is not subscriptable",
or an operand error deep in the formula), as the contract asks of bad input.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import scipy.optimize
from numpy.typing import ArrayLike

__all__ = ["rosen", "rosen_der", "rosen_hess"]


def _check(x: Any, function: str) -> None:
    if x is None:
        raise TypeError(f"{function}: x must be an array of numbers, not None")
    a = np.asarray(x) if isinstance(x, (list, tuple, np.ndarray)) else None
    if a is not None and a.dtype == object and any(v is None for v in a.flat):
        raise TypeError(f"{function}: x must be an array of numbers; it holds None")


def rosen(x: ArrayLike):
    _check(x, "rosen")
    return scipy.optimize.rosen(x)


def rosen_der(x: ArrayLike):
    _check(x, "rosen_der")
    return scipy.optimize.rosen_der(x)


def rosen_hess(x: ArrayLike):
    _check(x, "rosen_hess")
    return scipy.optimize.rosen_hess(x)
