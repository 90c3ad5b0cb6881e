"""`minimize` through SciPy: the reference for `mathml.optimize.minimize`.

SciPy's results and failures are the contract's (an objective returning NaN ends with
``success=False``, an unknown method or an x0 that is not 1-D raise ValueError), with one
exception adjusted below: bounds of the wrong length.
"""
from __future__ import annotations

from typing import Any
from collections.abc import Callable, Sequence

import numpy as np
import scipy.optimize
from numpy.typing import ArrayLike

__all__ = ["minimize"]


def minimize(fun: Callable, x0: ArrayLike, args: tuple = (), method: str | None = None,
             jac: Callable | bool | None = None, hess: Callable | None = None,
             hessp: Callable | None = None, bounds: Sequence | None = None,
             constraints: Any = (), tol: float | None = None, callback: Callable | None = None,
             options: dict | None = None) -> scipy.optimize.OptimizeResult:
    # SciPy broadcasts a sequence of fewer (lo, hi) pairs than variables without a word;
    # the contract asks for a ValueError naming the problem, so the wrapper checks first.
    if bounds is not None and not hasattr(bounds, "lb"):
        n = np.atleast_1d(np.asarray(x0)).size
        if len(bounds) != n:
            raise ValueError(f"The number of bounds ({len(bounds)}) is not compatible with "
                             f"the length of `x0` ({n}): give one (lo, hi) pair per variable.")
    return scipy.optimize.minimize(fun, x0, args=args, method=method, jac=jac, hess=hess,
                                   hessp=hessp, bounds=bounds, constraints=constraints,
                                   tol=tol, callback=callback, options=options)
