"""Constrained optimisation: what the constrained solvers of `mathml.optimize` share.

A problem is ``min f(x)`` subject to SciPy's constraint dictionaries
``{'type': 'eq' | 'ineq', 'fun': c, 'jac': optional, 'args': optional}`` — ``'eq'`` means
``c(x) = 0`` and ``'ineq'`` means ``c(x) ≥ 0`` — and optional bounds ``lo ≤ x ≤ hi``.
This module turns that description into arrays: the constraint values ``c_E(x)``,
``c_I(x)`` and their Jacobians ``A_E(x)``, ``A_I(x)`` (forward differences where no
``jac`` is given), counting evaluations as SciPy does.

The solvers live in their own modules, which import this one (never the other way):

- `_slsqp`: `_minimize_slsqp`, sequential quadratic programming (what
  ``minimize(method='SLSQP')`` runs);
- `_penalty`: `penalty` (quadratic penalty) and `barrier` (logarithmic barrier);
- `_lagrange`: `lagrange`, an equality-constrained quadratic programme through its KKT system.
"""
from __future__ import annotations

from typing import Any, NamedTuple
from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

__all__: list[str] = []

#: SciPy's forward-difference step: √eps relative to max(1, |x|).
FD_STEP = float(np.sqrt(np.finfo(float).eps))


class _Constraint(NamedTuple):
    fun: Callable
    jac: Callable | None
    args: tuple


def parse_constraints(constraints: Any) -> tuple[list[_Constraint], list[_Constraint]]:
    """(equalities, inequalities) from a dictionary or a sequence of dictionaries,
    refusing what SciPy refuses with SciPy's exception classes and wording."""
    if isinstance(constraints, dict):
        constraints = (constraints,)
    eq: list[_Constraint] = []
    ineq: list[_Constraint] = []
    for i, con in enumerate(constraints):
        if not isinstance(con, dict):
            raise TypeError("Constraints must be defined using a dictionary.")
        if "type" not in con:
            raise KeyError(f"Constraint {i} has no type defined.")
        kind = str(con["type"]).lower()
        if kind not in ("eq", "ineq"):
            raise ValueError(f"Unknown constraint type '{con['type']}'.")
        if "fun" not in con:
            raise ValueError(f"Constraint {i} has no function ('fun') defined.")
        args = con.get("args", ())
        args = args if isinstance(args, tuple) else (args,)
        entry = _Constraint(con["fun"], con.get("jac"), args)
        (eq if kind == "eq" else ineq).append(entry)
    return eq, ineq


def parse_bounds(bounds: Any, n: int) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """(lo, hi) arrays of length n, ±inf where a side is unbounded (None)."""
    if bounds is None:
        return np.full(n, -np.inf), np.full(n, np.inf)
    if hasattr(bounds, "lb") and hasattr(bounds, "ub"):  # a scipy.optimize.Bounds-like object
        lo, hi = np.broadcast_to(bounds.lb, n), np.broadcast_to(bounds.ub, n)
    else:
        pairs = list(bounds)
        if len(pairs) != n:
            raise ValueError(f"bounds has {len(pairs)} (lo, hi) pairs but x0 has {n} entries")
        lo = np.array([-np.inf if p[0] is None else p[0] for p in pairs], dtype=float)
        hi = np.array([np.inf if p[1] is None else p[1] for p in pairs], dtype=float)
    lo, hi = np.asarray(lo, dtype=float), np.asarray(hi, dtype=float)
    if np.any(lo > hi):
        raise ValueError("An upper bound is less than the corresponding lower bound.")
    return lo, hi


def forward_difference(f: Callable, x: NDArray[np.float64], fx: NDArray[np.float64],
                       step: float = FD_STEP) -> NDArray[np.float64]:
    """Jacobian (m, n) of a vector function by forward differences, SciPy's '2-point' rule:
    h_j = step·sign(x_j)·max(1, |x_j|), truncation error O(h), rounding O(eps/h)."""
    h = step * np.where(x >= 0, 1.0, -1.0) * np.maximum(1.0, np.abs(x))
    J = np.empty((fx.size, x.size))
    for j in range(x.size):  # one evaluation per column
        xh = x.copy()
        xh[j] += h[j]
        J[:, j] = (np.atleast_1d(f(xh)).astype(float).ravel() - fx) / (xh[j] - x[j])
    return J


class Problem:
    """f, ∇f, c_E, A_E, c_I, A_I of one problem, with SciPy's evaluation counts.

    ``nfev`` counts evaluations of f (finite differences included, as SciPy), ``njev``
    gradient evaluations.
    """

    fun: Callable[..., Any]
    jac: Callable[..., Any] | None

    def __init__(self, fun: Callable, jac: Callable | bool | None, args: tuple, constraints: Any,
                 eps: float = FD_STEP) -> None:
        if jac is True:  # SciPy's convention: fun returns (f, ∇f)
            self.fun = lambda x, *a: fun(x, *a)[0]
            self.jac = lambda x, *a: np.asarray(fun(x, *a)[1], dtype=float)
        else:  # a callable, or None / '2-point' / '3-point' / 'cs': forward differences
            self.fun, self.jac = fun, jac if callable(jac) else None
        self.eps = eps
        self.args = args if isinstance(args, tuple) else (args,)
        self.eq, self.ineq = parse_constraints(constraints)
        self.nfev = self.njev = 0

    def value(self, x: NDArray[np.float64]) -> float:
        """f(x)."""
        self.nfev += 1
        return float(np.asarray(self.fun(x, *self.args)).reshape(()))

    def grad(self, x: NDArray[np.float64], fx: float | None = None) -> NDArray[np.float64]:
        """∇f(x): `jac`, or forward differences from f(x) = fx (evaluated when None)."""
        self.njev += 1
        if callable(self.jac):
            return np.asarray(self.jac(x, *self.args), dtype=float).reshape(x.shape)
        fx = self.value(x) if fx is None else fx
        self.nfev += x.size
        return forward_difference(lambda z: self.fun(z, *self.args), x, np.atleast_1d(fx),
                                  self.eps)[0]

    @staticmethod
    def values(group: list[_Constraint], x: NDArray[np.float64]) -> NDArray[np.float64]:
        parts = [np.atleast_1d(con.fun(x, *con.args)).astype(float).ravel() for con in group]
        return np.concatenate(parts) if parts else np.zeros(0)

    def jacobian(self, group: list[_Constraint], x: NDArray[np.float64]) -> NDArray[np.float64]:
        rows = []
        for con in group:
            if callable(con.jac):
                rows.append(np.atleast_2d(np.asarray(con.jac(x, *con.args), dtype=float))
                            .reshape(-1, x.size))
            else:
                cx = np.atleast_1d(con.fun(x, *con.args)).astype(float).ravel()
                rows.append(forward_difference(lambda z: con.fun(z, *con.args), x, cx, self.eps))
        return np.vstack(rows) if rows else np.zeros((0, x.size))

    def constraints_at(self, x: NDArray[np.float64]) -> tuple[NDArray[np.float64], ...]:
        """(c_E, A_E, c_I, A_I) at x."""
        return (self.values(self.eq, x), self.jacobian(self.eq, x),
                self.values(self.ineq, x), self.jacobian(self.ineq, x))


def violation(c_E: NDArray[np.float64], c_I: NDArray[np.float64]) -> float:
    """The largest constraint violation max(|c_E|, max(0, −c_I)), 0 when feasible."""
    return float(np.max(np.concatenate([np.abs(c_E), np.maximum(0.0, -c_I), [0.0]])))


def as_x0(x0: Any) -> NDArray[np.float64]:
    """x0 as a 1-D float array, refusing more dimensions as SciPy's `minimize`."""
    x = np.atleast_1d(np.asarray(x0, dtype=float))
    if x.ndim != 1:
        raise ValueError("'x0' must only have one dimension.")
    return x.copy()

