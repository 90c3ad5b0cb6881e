"""Constrained optimisation through SciPy and SymPy: the reference for `mathml.optimize`'s
`penalty`, `barrier` and `lagrange`.

`penalty` and `barrier` are educational methods SciPy does not have; their reference solves
the same problem with ``scipy.optimize.minimize(method='SLSQP')`` run to a tight tolerance,
and the two are compared by optimum (the same minimiser and minimum, the same success).
`lagrange` is SymPy solving the stationarity conditions of the Lagrangian exactly, in
rational arithmetic, rounded to floats at the end.
"""
from __future__ import annotations

from typing import Any, NamedTuple
from collections.abc import Callable

import numpy as np
import scipy.optimize
import sympy
from numpy.typing import ArrayLike, NDArray

from ._inputs import real_array, starting_point

__all__ = ["penalty", "barrier", "lagrange"]

#: SLSQP run to (nearly) its attainable accuracy, so that its optimum stands for the exact one:
#: it stops when |Δf| < ftol, which leaves x within about √ftol of x*.
_TIGHT = {"ftol": 1e-14, "maxiter": 500}
_DEFAULT = {"ftol": 1e-6, "maxiter": 500}


def _slsqp(fun, x0, args, jac, constraints) -> scipy.optimize.OptimizeResult:
    # SciPy 1.17's SLSQP fails on a float32 x0 ("All inputs to slsqp must be of type
    # numpy.float64"): its core computes in float64, so x0 is given to it in float64.
    x0 = np.asarray(x0)
    if np.issubdtype(x0.dtype, np.floating):
        x0 = x0.astype(np.float64)

    def run(options):
        return scipy.optimize.minimize(fun, x0, args=args, jac=jac, method="SLSQP",
                                       constraints=constraints, options=options)
    res = run(_TIGHT)
    if res.success:
        return res
    # At a tight ftol SLSQP may stop at the optimum itself with status 8 ("Positive
    # directional derivative for linesearch": its merit function cannot decrease below
    # rounding — at x* = (1.5, 0) exactly it does so for every ftol ≤ 1e-10). The verdict is
    # then SciPy's at its default ftol 1e-6, while x stays the tightly converged one; an
    # infeasible problem fails at both.
    verdict = run(_DEFAULT)
    res.success, res.status, res.message = verdict.success, verdict.status, verdict.message
    return res


def penalty(fun: Callable, x0: ArrayLike, constraints: Any = (), args: tuple = (),
            jac: Callable | None = None, mu0: float = 1.0, rho: float = 10.0,
            tol: float = 1e-8, maxiter: int = 30) -> scipy.optimize.OptimizeResult:
    # mu0, rho, tol and maxiter tune the penalty method's path, not the problem: SLSQP
    # solves the problem itself. None, complex or empty x0: refused first (_inputs).
    starting_point(x0, "penalty")
    return _slsqp(fun, x0, args, jac, constraints)


def barrier(fun: Callable, x0: ArrayLike, constraints: Any = (), args: tuple = (),
            jac: Callable | None = None, mu0: float = 1.0, rho: float = 10.0,
            tol: float = 1e-8, maxiter: int = 50) -> scipy.optimize.OptimizeResult:
    # A barrier method needs an interior: SLSQP would accept equality constraints and an
    # infeasible x0, so the wrapper refuses them first, as mathml does, with its wording.
    starting_point(x0, "barrier")
    _check_interior(constraints, np.atleast_1d(np.asarray(x0, dtype=float)))
    return _slsqp(fun, x0, args, jac, constraints)


def _check_interior(constraints: Any, x: NDArray[np.float64]) -> None:
    constraints = (constraints,) if isinstance(constraints, dict) else tuple(constraints)
    if any(isinstance(c, dict) and str(c.get("type", "")).lower() == "eq" for c in constraints):
        raise ValueError("barrier handles inequality constraints only ('ineq'); use penalty "
                         "or minimize(method='SLSQP') for equality constraints")
    values = [np.atleast_1d(c["fun"](x, *c.get("args", ()))) for c in constraints
              if isinstance(c, dict) and "fun" in c and str(c.get("type", "")).lower() == "ineq"]
    c_I = np.concatenate(values) if values else np.ones(1)
    if not np.all(c_I > 0):
        raise ValueError(f"x0 must be strictly feasible for a barrier method (every "
                         f"'ineq' constraint > 0); the smallest is {c_I.min():.3g}")


class LagrangeResult(NamedTuple):
    """The minimiser ``x`` and the Lagrange multipliers ``multipliers`` (one per row of A)."""

    x: NDArray[np.float64]
    multipliers: NDArray[np.float64]


def lagrange(Q: ArrayLike, c: ArrayLike, A: ArrayLike, b: ArrayLike) -> LagrangeResult:
    Q, c, A, b = _validated(Q, c, A, b)
    n, m = Q.shape[0], A.shape[0]
    # Floats become the rationals they exactly are, so SymPy's answer is exact.
    rational = np.vectorize(sympy.Rational, otypes=[object])
    Qs, cs, As, bs = (sympy.Matrix(rational(M)) for M in (Q, c[:, None], A, b[:, None]))
    x = sympy.Matrix(sympy.symbols(f"x0:{n}"))
    lam = sympy.Matrix(sympy.symbols(f"lambda0:{m}")) if m else sympy.zeros(0, 1)
    # L = ½xᵀQx + cᵀx + λᵀ(Ax − b); stationarity in x and in λ
    L = (x.T * Qs * x)[0] / 2 + (cs.T * x)[0] + ((lam.T * (As * x - bs))[0] if m else 0)
    unknowns = list(x) + list(lam)
    solutions = sympy.linsolve([sympy.diff(L, v) for v in unknowns], unknowns)
    # SymPy returns no solution or a family of them where the KKT matrix is singular; the
    # contract asks for numpy's LinAlgError, as mathml's LU raises.
    if not solutions or any(s.free_symbols for s in next(iter(solutions))):
        raise np.linalg.LinAlgError("Singular matrix")
    z = np.array([float(s) for s in next(iter(solutions))])
    return LagrangeResult(z[:n], z[n:])


def _validated(Q, c, A, b):
    # NumPy-style checks first (the contract's errors): 2-D, square, finite, shapes that fit;
    # before them, None (NaN once converted) and complex data (its imaginary part dropped)
    # are refused with mathml's TypeError.
    for name, value in (("Q", Q), ("c", c), ("A", A), ("b", b)):
        real_array(value, name, "lagrange")
        if np.asarray(value).dtype == object:
            raise TypeError("input must be a numeric array, not an array of objects")
    Q, A = np.asarray(Q, dtype=float), np.asarray(A, dtype=float)
    c, b = np.asarray(c, dtype=float), np.asarray(b, dtype=float)
    for M in (Q, A):
        if M.ndim != 2:
            raise np.linalg.LinAlgError(
                f"{M.ndim}-dimensional array given. Array must be two-dimensional")
    if Q.shape[0] != Q.shape[1]:
        raise np.linalg.LinAlgError("Last 2 dimensions of the array must be square")
    if not all(np.isfinite(M).all() for M in (Q, c, A, b)):
        raise ValueError("array must not contain infs or NaNs")
    n = Q.shape[0]
    if c.shape != (n,) or A.shape[1:] != (n,) or b.shape != (A.shape[0],):
        raise ValueError(f"shapes do not fit: Q {Q.shape} needs c ({n},) and A (m, {n}) with "
                         f"b (m,); got c {c.shape}, A {A.shape}, b {b.shape}")
    return (Q + Q.T) / 2, c, A, b
