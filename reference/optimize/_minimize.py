"""`minimize` through SciPy: the reference for `mathml.optimize.minimize`.

SciPy's results and failures are the contract's (an objective returning NaN ends with
``success=False``, an unknown method or an x0 that is not 1-D raise ValueError), with three
exceptions adjusted below: bounds of the wrong length, a complex x0 or a complex tolerance
option (refused with TypeError: the minimisers work over real numbers, and SciPy compares
a complex gtol as if real), and SLSQP given a float32 (or any
non-float64 floating) x0, which SciPy 1.17 passes on to its compiled core uncast and
which then fails ("All inputs to slsqp must be of type numpy.float64"): the wrapper casts
x0 to float64 there, so SLSQP returns float64 as its core computes (mathml likewise).
"""
from __future__ import annotations

from typing import Any
from collections.abc import Callable, Sequence

import numpy as np
import scipy.optimize
from numpy.typing import ArrayLike

__all__ = ["minimize"]

#: The methods' tolerance options (a complex value is refused, as mathml refuses it).
_TOLERANCES = ("xatol", "fatol", "gtol", "xtol", "ftol")


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
    # Contract: x is real; SciPy would iterate in complex arithmetic from a complex x0.
    if np.iscomplexobj(x0):
        raise TypeError("x0 must be real")
    for name, value in (options or {}).items():
        if name in _TOLERANCES and np.iscomplexobj(value):
            raise TypeError(f"minimize: the option {name} must be a real number, got {value!r}")
    method_name = method if method is not None else (
        "SLSQP" if constraints else "L-BFGS-B" if bounds is not None else "BFGS")
    if isinstance(method_name, str) and method_name.lower() == "slsqp":
        x0 = np.asarray(x0)
        if np.issubdtype(x0.dtype, np.floating):
            x0 = x0.astype(np.float64)
    return scipy.optimize.minimize(fun, x0, args=args, method=method, jac=jac, hess=hess,
                                   hessp=hessp, bounds=bounds, constraints=constraints,
                                   tol=tol, callback=callback, options=options)
