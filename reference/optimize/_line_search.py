"""The strong-Wolfe line search through SciPy: the reference for
`mathml.optimize.line_search` (``scipy.optimize.line_search`` is ``line_search_wolfe2``,
Nocedal & Wright's Algorithms 3.5 and 3.6). xk and pk are checked first (TypeError for
None, strings and complex numbers, ValueError for more than one dimension): SciPy's own
errors there are accidents of its arithmetic ("The truth value of an array … is
ambiguous", a string-multiply ufunc error)."""
from __future__ import annotations

from collections.abc import Callable

import scipy.optimize
from numpy.typing import ArrayLike

from ._inputs import real_vector

__all__ = ["line_search"]


def line_search(f: Callable, myfprime: Callable, xk: ArrayLike, pk: ArrayLike,
                gfk: ArrayLike | None = None, old_fval: float | None = None,
                old_old_fval: float | None = None, args: tuple = (), c1: float = 1e-4,
                c2: float = 0.9, amax: float | None = None,
                extra_condition: Callable | None = None, maxiter: int = 10) -> tuple:
    real_vector(xk, "xk", "line_search"), real_vector(pk, "pk", "line_search")
    return scipy.optimize.line_search(f, myfprime, xk, pk, gfk=gfk, old_fval=old_fval,
                                      old_old_fval=old_old_fval, args=args, c1=c1, c2=c2,
                                      amax=amax, extra_condition=extra_condition,
                                      maxiter=maxiter)
