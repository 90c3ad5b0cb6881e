"""The Rosenbrock function through SciPy: the reference for `mathml.optimize.rosen*`."""
from __future__ import annotations

import scipy.optimize
from numpy.typing import ArrayLike

__all__ = ["rosen", "rosen_der", "rosen_hess"]


def rosen(x: ArrayLike):
    return scipy.optimize.rosen(x)


def rosen_der(x: ArrayLike):
    return scipy.optimize.rosen_der(x)


def rosen_hess(x: ArrayLike):
    return scipy.optimize.rosen_hess(x)
