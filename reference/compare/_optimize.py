"""Strategies and defining properties of optimisation: roots, minimisers, line searches,
linear programmes and constrained problems.

Iterative methods are compared by what they find (the root, the minimiser and minimum, the
verdict), not by their paths: iteration and evaluation counts are shown by ``mathml show``,
not compared. The catalog's problems carry what is known exactly (``f.root``,
``f.minimiser``), which the properties check each backend against.
"""
from __future__ import annotations

import inspect
from typing import Any

import numpy as np

from .. import optimize as reference_optimize
from ._agree import Agreement, agree
from ._strategy import properties, strategy
from ._tolerances import EPS, TOLERANCES, Tolerance

#: the minimum: rtol 1e-9 (the contract's objective rule), atol 1e-10 for minima at 0
_FUN_RTOL, _FUN_ATOL = 1e-9, 1e-10


def _root_of(result: Any) -> tuple[Any, bool]:
    """(root, converged) of any result shape: a number, (x, RootResults), an array."""
    if isinstance(result, tuple) and hasattr(result, "converged"):  # array newton
        return result.root, np.asarray(result.converged)
    if isinstance(result, tuple):
        return result[0], result[1]["converged"]
    return result, True


def _distance_to_root(factor: float, tol_name: str, rtol_name: str, tol: float, rtol: float):
    """The distance of a converged answer to the function's known root (the catalog's
    functions carry it as ``f.root``), within `factor` times the stopping rule's width
    ``tol + rtol·|x|`` (the case's own tolerances, else the defaults)."""
    def check(c, result):
        f = c.args[0]
        if getattr(f, "root", None) is None:
            return {}
        x, converged = _root_of(result)
        if not np.all(converged):
            return {}
        bound = factor * (c.kwargs.get(tol_name, tol) + c.kwargs.get(rtol_name, rtol) * np.abs(x))
        return {f"|x − root| / ({factor:g}·({tol_name} + {rtol_name}·|x|))":
                (float(np.max(np.abs(x - f.root) / bound)), 1.0)}
    return check



#: newton at its default tol = 1.48e-8 (rtol 0): within twice the step tolerance (linear
#: convergence at a double root leaves up to φ·tol, see the 'root_newton' tolerance).
properties("newton_root")(_distance_to_root(2.0, "tol", "rtol", 1.48e-8, 0.0))
#: bisect and brentq keep a bracket narrower than xtol + rtol·|x| (SciPy's defaults).
properties("bracketed_root")(_distance_to_root(1.0, "xtol", "rtol", 2e-12, 4 * EPS))


@strategy("optimum", "optimum")
def _same_optimum(got: Any, expected: Any, c: Any, tol: Tolerance, concept: Any) -> Agreement:
    """Same success; then the same minimiser and minimum (successful runs) or the same
    status (failed runs: a NaN objective, precision loss).

    A failed *constrained* run (SLSQP on an infeasible problem) is compared on success
    alone: mathml's SQP stops at once with status 4 (the linearised constraints are
    incompatible), while SciPy's SLSQP iterates on and gives up with 8 or 9 depending on
    its path, so its code is not a property of the problem."""
    if bool(got["success"]) != bool(expected["success"]):
        return Agreement(False, np.inf, np.inf, detail=(
            f"success differs: mathml {got['success']} ({got.get('message')!r}), "
            f"reference {expected['success']} ({expected.get('message')!r})"))
    if not expected["success"] and c.kwargs.get("constraints"):
        return Agreement(True, 0.0, 0.0)
    if not expected["success"]:
        ok = got.get("status") == expected.get("status")
        return Agreement(ok, 0.0, 0.0, detail="" if ok else
                                 f"status differs: {got.get('status')} vs {expected.get('status')}")
    x = agree(np.asarray(got["x"], float), np.asarray(expected["x"], float), tol)
    fun = agree(float(got["fun"]), float(expected["fun"]),
                        Tolerance(_FUN_RTOL, _FUN_ATOL, "the minimum"))
    if not fun.ok:
        fun.detail = "fun: " + fun.detail
        return fun
    return x   # reported: the minimiser's error (a minimum of 0 has no relative error)


@strategy("slsqp_counts", "optimum")
def _same_optimum_and_counts(got: Any, expected: Any, c: Any, tol: Tolerance,
                             concept: Any) -> Agreement:
    """As 'optimum', and where both succeed the same nit, nfev and njev: mathml's SLSQP
    takes SciPy's steps on these problems and evaluates f and its gradient as SciPy does
    (values at every trial point of the line search, gradients at accepted iterates)."""
    verdict = _same_optimum(got, expected, c, tol, concept)
    if not (verdict.ok and expected["success"]):
        return verdict
    counts = {k: (got[k], expected[k]) for k in ("nit", "nfev", "njev")}
    if any(g != e for g, e in counts.values()):
        return Agreement(False, np.inf, np.inf, detail="counts (mathml, reference): "
                         + ", ".join(f"{k} {g} vs {e}" for k, (g, e) in counts.items()))
    return verdict


def _reaches_minimiser(c: Any, result: Any) -> dict:
    """Each backend's x against the closed-form minimiser, when the objective knows it
    and no bounds cut it off (or it is the minimiser within the bounds)."""
    f = c.args[0] if c.args else None
    if getattr(f, "minimiser", None) is None or not result["success"] \
            or (c.kwargs.get("bounds") is not None
                and not getattr(f, "minimiser_in_bounds", False)):
        return {}
    x = np.asarray(result["x"], float)
    tol = TOLERANCES["optimum"]
    bound = tol.atol + tol.rtol * np.max(np.abs(f.minimiser))
    return {"max|x − x*| / (1e-8 + 1e-6·max|x*|)":
            (float(np.max(np.abs(x - f.minimiser)) / bound), 1.0)}


def _within_bounds(c: Any, result: Any) -> dict:
    bounds = c.kwargs.get("bounds")
    if bounds is None or not result["success"]:
        return {}
    lo = np.array([-np.inf if b[0] is None else b[0] for b in bounds], float)
    hi = np.array([np.inf if b[1] is None else b[1] for b in bounds], float)
    x = np.asarray(result["x"], float)
    return {"bound violation": (float(max(np.max(lo - x), np.max(x - hi), 0.0)), 0.0)}


@properties("minimize")
def _minimize_properties(c, result):
    return {**_reaches_minimiser(c, result), **_within_bounds(c, result)}


@properties("line_search")
def _line_search_properties(c: Any, result: Any) -> dict:
    """The strong Wolfe conditions at the returned step, for the case's c1, c2."""
    alpha = result[0]
    if alpha is None or result[5] is None:
        return {}
    f, fprime, xk, pk = c.args[:4]
    c1, c2 = c.kwargs.get("c1", 1e-4), c.kwargs.get("c2", 0.9)
    phi0, derphi0 = f(xk), float(np.asarray(fprime(xk)) @ pk)
    phi, derphi = f(xk + alpha * pk), float(np.asarray(fprime(xk + alpha * pk)) @ pk)
    slack = 1e-12 * (abs(phi0) + abs(alpha * derphi0))   # rounding of the comparison
    return {"φ(α) − φ(0) − c1·α·φ'(0) (sufficient decrease)":
            (phi - phi0 - c1 * alpha * derphi0, slack),
            "|φ'(α)| / (c2·|φ'(0)|) (curvature)": (abs(derphi) / (c2 * abs(derphi0)), 1.0)}


@strategy("wolfe_step", "property")
def _wolfe_step(got: Any, expected: Any, c: Any, tol: Tolerance, concept: Any) -> Agreement:
    """Both find a step or both fail; which step satisfies the strong Wolfe conditions is
    not unique, so the steps themselves are checked by the 'line_search' properties (the
    simple cases, where both take the same step, are compared as 'exact')."""
    if (got[0] is None) != (expected[0] is None):
        return Agreement(False, np.inf, np.inf,
                         detail=f"step: mathml {got[0]}, reference {expected[0]}")
    return Agreement(True)



@strategy("linprog", "optimum")
def _linprog(got, expected, c, tol, concept) -> Agreement:
    """The same status and optimal value; where an optimum is found (status 0), the same x,
    slack and con too: the catalog's problems have a unique optimal vertex, except the cases
    compared by 'linprog_value'."""
    keys = ("status", "success", "fun") + (("x", "slack", "con") if expected["status"] == 0 else ())
    return agree({k: got[k] for k in keys}, {k: expected[k] for k in keys}, tol)


@strategy("linprog_value", "optimum")
def _linprog_value(got, expected, c, tol, concept) -> Agreement:
    """The same status and optimal value only: where a whole edge or face of the feasible set
    is optimal, each solver may return any point of it (each is checked for feasibility by
    the 'linprog' properties)."""
    keys = ("status", "success", "fun")
    return agree({k: got[k] for k in keys}, {k: expected[k] for k in keys}, tol)


def _problem(c):
    # the names of the arguments, from the signature both backends share
    bound = inspect.signature(reference_optimize.linprog).bind(*c.args, **c.kwargs)
    bound.apply_defaults()
    return bound.arguments


@properties("linprog")
def _feasible(c, result) -> dict:
    """x satisfies the constraints and bounds to within 1e-7 (the feasibility tolerance of
    both solvers: data rounded to 8 digits is feasible for both), and slack, con are the
    residuals at x."""
    if result["status"] != 0:
        return {}
    p, x = _problem(c), np.asarray(result["x"])
    n = x.shape[0]
    A_ub = np.zeros((0, n)) if p["A_ub"] is None else np.asarray(p["A_ub"], float)
    A_eq = np.zeros((0, n)) if p["A_eq"] is None else np.asarray(p["A_eq"], float)
    b_ub = np.zeros(0) if p["b_ub"] is None else np.asarray(p["b_ub"], float)
    b_eq = np.zeros(0) if p["b_eq"] is None else np.asarray(p["b_eq"], float)
    B = np.array(p["bounds"] if np.size(p["bounds"]) else (0, None), dtype=object)
    B = np.tile(B.reshape(1, 2), (n, 1)) if B.size == 2 else B
    lo = np.where(np.equal(B[:, 0], None), -np.inf, B[:, 0]).astype(float)
    hi = np.where(np.equal(B[:, 1], None), np.inf, B[:, 1]).astype(float)
    lo, hi = np.where(np.isnan(lo), -np.inf, lo), np.where(np.isnan(hi), np.inf, hi)
    scale = 1.0 + np.abs(np.concatenate([b_ub, b_eq, x])).max(initial=0.0)
    violation = max(np.max(A_ub @ x - b_ub, initial=0.0), np.max(np.abs(A_eq @ x - b_eq),
                    initial=0.0), np.max(lo - x, initial=0.0), np.max(x - hi, initial=0.0))
    residual = max(np.max(np.abs(result["slack"] - (b_ub - A_ub @ x)), initial=0.0),
                   np.max(np.abs(result["con"] - (b_eq - A_eq @ x)), initial=0.0))
    return {"constraint violation (both solvers' feasibility tolerance, HiGHS's 1e-7)":
            (violation, 1e-7),
            "|slack, con − residuals at x| / (1 + max|b, x|)": (residual / scale, 1e-9)}




@strategy("constrained_optimum", "optimum")
def _constrained_optimum(got, expected, c, tol, concept) -> Agreement:
    """The same success; where both succeed, the same x and fun within the concept's
    tolerance ('penalty_barrier')."""
    if got["success"] != expected["success"]:
        return Agreement(False, np.inf, np.inf, detail=(
            f"success {got['success']} where SLSQP reports {expected['success']}"))
    if not expected["success"]:
        return Agreement(True)
    return agree((got["x"], got["fun"]), (expected["x"], expected["fun"]), tol)




def _kkt(args) -> np.ndarray:
    Q, c, A, b = (np.asarray(v, dtype=float) for v in args)
    m = A.shape[0]
    return np.block([[(Q + Q.T) / 2, A.T], [A, np.zeros((m, m))]])


@strategy("kkt", "exact")
def _same_kkt_solution(got, expected, c, tol, concept) -> Agreement:
    """[x; λ] normwise within c·cond(K)·eps of SymPy's exact solution (the concept's
    tolerance, 'direct', with the condition number of the KKT matrix K, the matrix actually
    solved)."""
    shapes = agree(tuple(np.shape(v) for v in got), tuple(np.shape(v) for v in expected),
                           "identical")
    if not shapes.ok or type(got).__name__ != type(expected).__name__:
        return Agreement(False, np.inf, np.inf,
                                 detail=f"got {type(got).__name__} {shapes.detail}")
    return agree(np.concatenate(got), np.concatenate(expected), tol, args=(_kkt(c.args),))


@properties("kkt")
def _kkt_residual(c, result) -> dict:
    """The stationarity and feasibility residuals, relative to the data's size."""
    Q, cvec, A, b = (np.asarray(v, dtype=float) for v in c.args)
    x, lam = result
    Q = (Q + Q.T) / 2
    r = np.concatenate([Q @ x + cvec + A.T @ lam, A @ x - b])
    size = (np.abs(Q).max() * np.abs(x).max() + np.abs(cvec).max(initial=0)
            + np.abs(A).max() * (np.abs(lam).max(initial=0) + np.abs(x).max())
            + np.abs(b).max(initial=0))
    eps = np.finfo(float).eps
    size = max(size, np.finfo(float).tiny)  # all data 0: x = λ = 0 and the residual is 0
    return {"‖KKT residual‖∞ / (size·eps)": (float(np.abs(r).max() / (size * eps)),
                                               100.0 * _kkt(c.args).shape[0])}




#: SciPy evaluates the Rosenbrock formulas in the input's float32 arithmetic, mathml in
#: float64 rounded once to float32: the two differ by the float32 rounding of a handful of
#: operations on terms of the result's size, a few eps₃₂ ≈ 1.2e-7 each (8 of them allowed).
_SINGLE = Tolerance(8 * float(np.finfo(np.float32).eps), 1e-30,
                    "float32 arithmetic (SciPy) against float64 rounded to float32 (mathml): a "
                    "few float32 roundings, normwise", normwise=True)


@strategy("single_precision", "exact")
def _single_precision(got, expected, c, tol, concept) -> Agreement:
    """float32 in, float32 out, as SciPy: the same dtype exactly, and the values within a
    few float32 roundings (SciPy computes in float32, mathml in float64 rounded once)."""
    g, e = np.asarray(got), np.asarray(expected)
    if g.dtype != e.dtype:
        return Agreement(False, np.inf, np.inf,
                         detail=f"dtype {g.dtype} where the reference has {e.dtype}")
    return agree(g.astype(np.float64), e.astype(np.float64), _SINGLE)
