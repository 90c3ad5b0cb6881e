"""Root finding through SciPy: the reference for `mathml.optimize`'s root finders.

Thin wrappers with the signatures of `mathml.optimize`, calling ``scipy.optimize`` as it
is: its results (``RootResults`` with the same fields as `mathml`'s) and its errors are
already the contract's (docs/contract.md §3: RuntimeError for a zero derivative or no
convergence in `newton`, ValueError without a sign change in `bisect` / `brentq`). One
check first: the ends a, b of `bisect` and `brentq` must be real numbers (SciPy's compiled
code answers anything else with "RuntimeError: Unable to parse arguments", which names
neither the argument nor the problem): TypeError for None, a string or a complex number,
ValueError for an array, as `mathml` and `quad`.
"""
from __future__ import annotations

from typing import Any
from collections.abc import Callable

import scipy.optimize
from numpy.typing import ArrayLike

from ._inputs import real_number

__all__ = ["newton", "bisect", "brentq"]

_XTOL = 2e-12
_RTOL = 8.881784197001252e-16  # 4·eps, SciPy's default and smallest allowed rtol
_ITER = 100


def newton(func: Callable, x0: ArrayLike, fprime: Callable | None = None, args: tuple = (),
           tol: float = 1.48e-08, maxiter: int = 50, fprime2: Callable | None = None,
           x1: float | None = None, rtol: float = 0.0, full_output: bool = False,
           disp: bool = True) -> Any:
    return scipy.optimize.newton(func, x0, fprime=fprime, args=args, tol=tol, maxiter=maxiter,
                                 fprime2=fprime2, x1=x1, rtol=rtol, full_output=full_output,
                                 disp=disp)


def bisect(f: Callable, a: float, b: float, args: tuple = (), xtol: float = _XTOL,
           rtol: float = _RTOL, maxiter: int = _ITER, full_output: bool = False,
           disp: bool = True) -> Any:
    real_number(a, "a", "bisect"), real_number(b, "b", "bisect")
    return scipy.optimize.bisect(f, a, b, args=args, xtol=xtol, rtol=rtol, maxiter=maxiter,
                                 full_output=full_output, disp=disp)


def brentq(f: Callable, a: float, b: float, args: tuple = (), xtol: float = _XTOL,
           rtol: float = _RTOL, maxiter: int = _ITER, full_output: bool = False,
           disp: bool = True) -> Any:
    real_number(a, "a", "brentq"), real_number(b, "b", "brentq")
    return scipy.optimize.brentq(f, a, b, args=args, xtol=xtol, rtol=rtol, maxiter=maxiter,
                                 full_output=full_output, disp=disp)
