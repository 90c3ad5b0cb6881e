"""The reference for `mathml.optimize.gradient_descent`: SciPy has no gradient descent, so
the reference is the minimiser itself, found by ``scipy.optimize.minimize(method='BFGS')``
at a tight tolerance; the catalog compares the optimum, not the path."""
from __future__ import annotations

from collections.abc import Callable

import numpy as np
import scipy.optimize
from numpy.typing import ArrayLike

from ._inputs import starting_point

__all__ = ["gradient_descent"]

#: BFGS's gradient tolerance when none is given (else `tol`): the minimiser to ~1e-10/λ_min
_GTOL = 1e-10


def gradient_descent(fun: Callable, x0: ArrayLike, jac: Callable | None = None,
                     learning_rate: float = 0.1, max_iter: int = 100,
                     tol: float | None = None,
                     line_search: str | None = None) -> scipy.optimize.OptimizeResult:
    # The step rule and the budget (learning_rate, max_iter, line_search) have no SciPy
    # counterpart: they are only validated, as the contract asks both backends to.
    starting_point(x0, "gradient_descent")  # None, complex, empty: refused first
    if not learning_rate > 0:
        raise ValueError(f"learning_rate must be positive; got {learning_rate}.")
    if not (isinstance(max_iter, (int, np.integer)) and max_iter >= 0):
        raise ValueError(f"max_iter must be a nonnegative integer; got {max_iter!r}.")
    if line_search not in (None, "armijo"):
        raise ValueError(f"Unknown line_search {line_search!r}: use None or 'armijo'.")
    return scipy.optimize.minimize(fun, x0, jac=jac, method="BFGS",
                                   options={"gtol": _GTOL if tol is None else tol})
