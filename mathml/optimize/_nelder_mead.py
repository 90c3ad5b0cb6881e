"""The Nelder–Mead simplex method, with SciPy's coefficients and initial simplex."""
from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

from ._result import OptimizeResult

__all__: list[str] = []

# reflection ρ, expansion χ, contraction ψ, shrink σ (the standard choice, Lagarias et al.)
_RHO, _CHI, _PSI, _SIGMA = 1.0, 2.0, 0.5, 0.5
# the initial simplex: x0 with each coordinate in turn stretched by 5% (0.00025 if it is 0)
_NONZDELT, _ZDELT = 0.05, 0.00025

_MESSAGES = {0: "Optimization terminated successfully.",
             1: "Maximum number of function evaluations has been exceeded.",
             2: "Maximum number of iterations has been exceeded."}


class _MaxFev(Exception):
    """The evaluation budget is spent."""


def _minimize_neldermead(objective: Any, x0: NDArray, callback: Any, lb: NDArray,
                         ub: NDArray, *, maxiter: float | None = None,
                         maxfev: float | None = None, xatol: float = 1e-4,
                         fatol: float = 1e-4) -> OptimizeResult:
    r"""Nelder–Mead: move the worst vertex of a simplex of n + 1 points.

    Algorithm (Lagarias, Reeds, Wright & Wright 1998; SciPy's implementation):

    1. The initial simplex (5% perturbations), clipped to the bounds (a vertex beyond an
       upper bound is reflected into it first); vertices sorted by f.
    2. Stop when max |x_i − x_0| ≤ xatol and max |f_i − f_0| ≤ fatol.
    3. With x̄ the centroid of the best n vertices, reflect the worst:
       x_r = x̄ + ρ(x̄ − x_{n}); if f_r < f_0 try the expansion x̄ + ρχ(x̄ − x_n); if
       f_r ≥ f_{n−1}, contract outside (f_r < f_n) or inside, and if the contraction fails
       shrink every vertex towards the best by σ. Every trial point is clipped to bounds.
    4. Sort and repeat, within maxiter iterations and maxfev evaluations (200n each).
    """
    n = x0.size
    maxiter, maxfev = _budgets(maxiter, maxfev, n)
    bounded = bool(np.isfinite(lb).any() or np.isfinite(ub).any())
    clip = (lambda x: np.clip(x, lb, ub)) if bounded else (lambda x: x)
    # Step 1: the initial simplex.
    sim = _initial_simplex(clip(x0))
    if bounded:
        sim = np.clip(np.where(sim > ub, 2 * ub - sim, sim), lb, ub)
    fsim = np.full(n + 1, np.inf)
    count = [0]

    def f(x: NDArray) -> float:
        if count[0] >= maxfev:
            raise _MaxFev
        count[0] += 1
        return objective.value(x)

    try:
        for k in range(n + 1):
            fsim[k] = f(sim[k])
    except _MaxFev:
        pass
    sim, fsim = _sorted(sim, fsim)
    iterations = 1
    while count[0] < maxfev and iterations < maxiter:
        # Step 2: converged when the simplex is small in x and in f.
        if (np.max(np.abs(sim[1:] - sim[0])) <= xatol
                and np.max(np.abs(fsim[0] - fsim[1:])) <= fatol):
            break
        try:
            _step(sim, fsim, f, clip)
            iterations += 1
        except _MaxFev:
            pass
        # Step 4: order the vertices again.
        sim, fsim = _sorted(sim, fsim)
        if callback(sim[0], fsim[0]):
            break
    status = 1 if count[0] >= maxfev else 2 if iterations >= maxiter else 0
    return OptimizeResult(fun=np.min(fsim), nit=iterations, nfev=count[0], status=status,
                          success=status == 0, message=_MESSAGES[status], x=sim[0],
                          final_simplex=(sim, fsim))


def _budgets(maxiter: float | None, maxfev: float | None, n: int) -> tuple[float, float]:
    """SciPy's defaults: 200n of each; one given alone leaves the other unlimited.
    A budget is an int or ``np.inf``."""
    if maxiter is None:
        if maxfev is None:
            return 200 * n, 200 * n
        return (200 * n if maxfev == np.inf else np.inf), maxfev
    if maxfev is None:
        return maxiter, (200 * n if maxiter == np.inf else np.inf)
    return maxiter, maxfev


def _initial_simplex(x0: NDArray) -> NDArray:
    n = x0.size
    sim = np.tile(x0, (n + 1, 1))
    diagonal = sim[np.arange(1, n + 1), np.arange(n)]
    sim[np.arange(1, n + 1), np.arange(n)] = np.where(diagonal != 0,
                                                      (1 + _NONZDELT) * diagonal, _ZDELT)
    return sim


def _sorted(sim: NDArray, fsim: NDArray) -> tuple[NDArray, NDArray]:
    order = np.argsort(fsim)
    return np.take(sim, order, 0), np.take(fsim, order, 0)


def _step(sim: NDArray, fsim: NDArray, f: Any, clip: Any) -> None:
    """Step 3: one reflection / expansion / contraction / shrink, in place."""
    n = sim.shape[1]
    xbar = np.add.reduce(sim[:-1], 0) / n
    xr = clip((1 + _RHO) * xbar - _RHO * sim[-1])
    fxr = f(xr)
    if fxr < fsim[0]:
        xe = clip((1 + _RHO * _CHI) * xbar - _RHO * _CHI * sim[-1])
        fxe = f(xe)
        sim[-1], fsim[-1] = (xe, fxe) if fxe < fxr else (xr, fxr)
    elif fxr < fsim[-2]:
        sim[-1], fsim[-1] = xr, fxr
    elif fxr < fsim[-1]:
        xc = clip((1 + _PSI * _RHO) * xbar - _PSI * _RHO * sim[-1])
        fxc = f(xc)
        if fxc <= fxr:
            sim[-1], fsim[-1] = xc, fxc
        else:
            _shrink(sim, fsim, f, clip)
    else:
        xcc = clip((1 - _PSI) * xbar + _PSI * sim[-1])
        fxcc = f(xcc)
        if fxcc < fsim[-1]:
            sim[-1], fsim[-1] = xcc, fxcc
        else:
            _shrink(sim, fsim, f, clip)


def _shrink(sim: NDArray, fsim: NDArray, f: Any, clip: Any) -> None:
    for j in range(1, sim.shape[0]):
        sim[j] = clip(sim[0] + _SIGMA * (sim[j] - sim[0]))
        fsim[j] = f(sim[j])
