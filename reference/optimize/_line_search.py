"""The strong-Wolfe line search through SciPy: the reference for
`mathml.optimize.line_search` (``scipy.optimize.line_search`` is ``line_search_wolfe2``,
Nocedal & Wright's Algorithms 3.5 and 3.6)."""
from __future__ import annotations

from collections.abc import Callable

import scipy.optimize
from numpy.typing import ArrayLike

__all__ = ["line_search"]


def line_search(f: Callable, myfprime: Callable, xk: ArrayLike, pk: ArrayLike,
                gfk: ArrayLike | None = None, old_fval: float | None = None,
                old_old_fval: float | None = None, args: tuple = (), c1: float = 1e-4,
                c2: float = 0.9, amax: float | None = None,
                extra_condition: Callable | None = None, maxiter: int = 10) -> tuple:
    return scipy.optimize.line_search(f, myfprime, xk, pk, gfk=gfk, old_fval=old_fval,
                                      old_old_fval=old_old_fval, args=args, c1=c1, c2=c2,
                                      amax=amax, extra_condition=extra_condition,
                                      maxiter=maxiter)
