"""Sequential quadratic programming: what ``minimize(method='SLSQP')`` runs.

The method of Han, Powell and Kraft (SciPy's SLSQP): at each iterate a quadratic model of
the Lagrangian, with a damped-BFGS Hessian, is minimised subject to the linearised
constraints; the step is shortened until an L1 merit function decreases enough.

The quadratic subproblem is solved as Kraft and Lawson & Hanson do: with B = L Lᵀ it becomes
a least-distance problem ``min ‖z‖ s.t. linear constraints``; equalities are eliminated
through an orthonormal basis of their null space (an SVD), and the remaining least-distance
problem with inequalities is solved by one nonnegative least-squares problem (NNLS).
"""
from __future__ import annotations

import warnings
from typing import Any
from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..linalg import cholesky, lstsq, solve, svd
from ._constrained import FD_STEP, Problem, as_x0, parse_bounds
from ._result import OptimizeResult

__all__: list[str] = []

#: SciPy's SLSQP exit modes (the subset this implementation can reach).
MESSAGES = {
    0: "Optimization terminated successfully",
    2: "More equality constraints than independent variables",
    4: "Inequality constraints incompatible",
    6: "Singular matrix C in LSQ subproblem",
    8: "Positive directional derivative for linesearch",
    9: "Iteration limit reached",
}
_NONFINITE = " (the objective, its gradient or a constraint is NaN or inf)"


def _minimize_slsqp(fun: Callable, x0: ArrayLike, args: tuple = (),
                    jac: Callable | bool | None = None,
                    bounds: Any = None, constraints: Any = (), tol: float | None = None,
                    callback: Callable | None = None, maxiter: int = 100, ftol: float = 1e-6,
                    eps: float = FD_STEP, disp: bool = False, iprint: int = 1,
                    finite_diff_rel_step: float | None = None,
                    **unknown_options: Any) -> OptimizeResult:
    r"""Minimise f(x) subject to equality, inequality and bound constraints by SQP.

    .. math::

        \min_x f(x) \ \text{s.t.}\ c_E(x) = 0,\ c_I(x) \ge 0,\ l \le x \le u;
        \qquad
        d_k = \arg\min_d \nabla f_k^\top d + \tfrac12 d^\top B_k d
        \ \text{s.t.}\ c_E + A_E d = 0,\ c_I + A_I d \ge 0,\ l \le x_k + d \le u

    with :math:`B_k \approx \nabla^2_{xx} L`, :math:`L = f - \lambda^\top c_E - \mu^\top c_I`.

    Parameters
    ----------
    fun : callable ``fun(x, *args) -> float``
    x0 : array_like, shape (n,)
        The starting point (clipped into the bounds, as SciPy).
    args : tuple
        Extra arguments of `fun` and `jac`.
    jac : callable ``jac(x, *args) -> (n,)``, optional
        The gradient; forward differences with step `eps` when None.
    bounds : sequence of n (lo, hi) pairs (None for no bound), optional
    constraints : dict or sequence of dicts
        SciPy's ``{'type': 'eq' | 'ineq', 'fun': c, 'jac': optional, 'args': optional}``;
        ``'ineq'`` means c(x) ≥ 0.
    tol : float, optional
        Sets `ftol` when given (as ``minimize``).
    callback : callable ``callback(xk, fk) -> bool``, optional
        Called once per iteration, as SciPy: with the new iterate after each step, and at
        the iterate where the test before the line search ends the run (so it is called
        ``nit`` times); True stops the run. `minimize` passes the user's callback wrapped
        (``callback(xk)`` or ``callback(intermediate_result)``, StopIteration → status 99).
    maxiter : int
        The largest number of SQP iterations (100).
    ftol : float
        The accuracy goal: stop when |f_{k+1} − f_k| or ‖d_k‖ is below ftol with the
        constraints violated by less than ftol in total (1e-6).
    eps : float
        The relative forward-difference step (√eps).
    disp, iprint, finite_diff_rel_step
        Accepted for SciPy's signature; `finite_diff_rel_step` replaces `eps` when given.

    Returns
    -------
    OptimizeResult
        ``x`` (n,), ``fun``, ``jac`` (n,), ``nit``, ``nfev``, ``njev``, ``success``, ``status``
        and ``message`` with SciPy's SLSQP codes: 0 success, 2 more equalities than
        variables, 4 incompatible constraints, 6 NaN or inf met, 8 positive directional
        derivative in the line search, 9 iteration limit.

    Raises
    ------
    ValueError
        x0 not one-dimensional, bounds of the wrong length or with lo > hi, an unknown
        constraint type.

    Notes
    -----
    *Algorithm* (Nocedal & Wright, Algorithm 18.3, with Kraft's choices)

    1. Clip x0 into the bounds; B₀ = I; evaluate f, ∇f, the constraints and their Jacobians.
    2. Solve the quadratic subproblem for the step d and the multipliers (λ, μ); when the
       linearised constraints are incompatible, stop with status 4.
    3. Stop when the predicted change |∇fᵀd| + Σ|λᵢcᵢ| and the violation are below ftol.
    4. Raise the merit weights ρᵢ ← max(|λᵢ|, (ρᵢ + |λᵢ|)/2) (Powell) and backtrack on the
       L1 merit φ(x) = f + Σρᵢ|c_E,i| + Σρⱼ max(0, −c_I,j), α ← max(quadratic
       interpolation, α/10), until φ decreases by 0.1·α·Dφ(d) (at most 10 trials).
    5. Stop when |Δf| < ftol or ‖αd‖ < ftol, with the violation below ftol.
    6. Update B with the damped BFGS formula (Powell; N&W Procedure 18.2), which keeps B
       positive definite: y = ∇ₓL(x₊, λ₊) − ∇ₓL(x, λ₊).

    *Complexity*: per iteration, n + 1 evaluations of f for a finite-difference gradient,
    O(n³ + (n + m)·n²) for the Cholesky factor and the null-space SVD, and an NNLS problem
    with one column per inequality (at most 3·m passes).

    *Numerical stability*: the subproblem is solved through orthogonal transformations and
    least squares (never the normal equations); damped BFGS keeps B's Cholesky factor
    defined. Finite-difference gradients limit the attainable accuracy to about √eps·|f''|.

    References
    ----------
    Nocedal & Wright, Numerical Optimization, 2nd ed., ch. 18 (SQP; §18.3 the L1 merit
    function, Procedure 18.2 damped BFGS). Kraft, A software package for sequential
    quadratic programming, DFVLR-FB 88-28 (1988). Lawson & Hanson, Solving Least Squares
    Problems (1974), ch. 23 (NNLS and least-distance programming).

    Checked against ``reference.optimize.minimize`` → ``scipy.optimize.minimize(
    method='SLSQP')``. The optimum agrees, and on the catalog's solved problems so do
    ``nit``, ``nfev`` and ``njev`` (f at every trial point of the line search, ∇f at the
    accepted iterates, as SciPy; the callback once per iteration). Infeasible problems
    differ: SciPy's LSQ solver relaxes incompatible linearised constraints with an extra
    variable and keeps going (usually ending with status 8 or 9), this one stops with
    status 4 at once.

    Examples
    --------
    The seed's problem: minimise x² + y² subject to x + y = 1.

    >>> res = _minimize_slsqp(lambda x: x[0]**2 + x[1]**2, [0, 0],
    ...                       constraints={'type': 'eq', 'fun': lambda x: x[0] + x[1] - 1})
    >>> print(np.round(res.x, 8), res.success)
    [0.5 0.5] True
    """
    if unknown_options:  # as SciPy's OptimizeWarning (a UserWarning), then ignored
        warnings.warn(f"Unknown solver options: {', '.join(sorted(unknown_options))}",
                      UserWarning, stacklevel=3)
    problem = Problem(fun, jac, args, constraints,
                      eps if finite_diff_rel_step is None else finite_diff_rel_step)
    ftol = ftol if tol is None else tol
    # Step 1: SciPy clips x0 into the bounds; B₀ = I as Kraft's code
    x = as_x0(x0)
    lo, hi = parse_bounds(bounds, x.size)
    x = np.clip(x, lo, hi)
    state = _evaluate(problem, x, lo, hi)
    if state["c_E"].size > x.size:
        return _result(problem, state, 1, 2)
    B, rho = np.eye(x.size), np.zeros(state["c"].size)
    for k in range(1, maxiter + 1):
        if not state["finite"]:
            return _result(problem, state, k, 6)
        # Step 2: the quadratic subproblem (None: the linearisation is infeasible)
        qp = _solve_qp(B, state["g"], state["A_E"], state["c_E"], state["A_I"], state["c_I"])
        if qp is None:
            return _result(problem, state, k, 4)
        d, lam = qp
        # Step 3: Kraft's test before the line search: nothing left to gain
        predicted = abs(state["g"] @ d) + np.abs(lam) @ np.abs(state["c"])
        if predicted < ftol and _l1_violation(state) < ftol:
            if callback is not None:
                callback(state["x"].copy(), state["f"])
            return _result(problem, state, k, 0)
        # Step 4: Powell's merit weights, then backtracking on the L1 merit
        rho = np.maximum(np.abs(lam), (rho + np.abs(lam)) / 2)
        new, alpha = _merit_line_search(problem, state, d, rho, lo, hi)
        if new is None:
            return _result(problem, state, k, 8)
        new = _with_derivatives(problem, new, lo, hi)
        if callback is not None and callback(new["x"].copy(), new["f"]):
            return _result(problem, new, k, 0)
        # Step 5: Kraft's test after the step
        step_small = np.sqrt((alpha * d) @ (alpha * d)) < ftol
        if (abs(new["f"] - state["f"]) < ftol or step_small) and _l1_violation(new) < ftol:
            return _result(problem, new, k, 0 if new["finite"] else 6)
        # Step 6: damped BFGS keeps B positive definite for the next Cholesky
        B = _damped_bfgs(B, new["x"] - state["x"], _lagrangian_gradient(new, lam)
                         - _lagrangian_gradient(state, lam))
        state = new
    return _result(problem, state, maxiter, 9)


def _evaluate(problem: Problem, x: NDArray[np.float64], lo, hi,
              derivatives: bool = True) -> dict[str, Any]:
    """f and the constraints at x, finite bounds as rows of c_I (x − l, u − x); with
    `derivatives`, ∇f and the constraint Jacobians too (the line search's trial points go
    without: as SciPy, gradients are evaluated at the accepted iterates only)."""
    f = problem.value(x)
    c_E, c_I = problem.values(problem.eq, x), problem.values(problem.ineq, x)
    c_I = np.concatenate([c_I, (x - lo)[np.isfinite(lo)], (hi - x)[np.isfinite(hi)]])
    c = np.concatenate([c_E, c_I])
    state = dict(x=x, f=f, c_E=c_E, c_I=c_I, c=c,
                 finite=bool(np.isfinite(f) and np.isfinite(c).all()))
    return _with_derivatives(problem, state, lo, hi) if derivatives else state


def _with_derivatives(problem: Problem, state: dict[str, Any], lo, hi) -> dict[str, Any]:
    """`state` with ∇f, A_E and A_I (the bound rows ±e_j) at its x."""
    x, f = state["x"], state["f"]
    g = problem.grad(x, f) if np.isfinite(f) else np.full(x.size, np.nan)
    n = x.size
    A_E = problem.jacobian(problem.eq, x)
    A_I = np.vstack([problem.jacobian(problem.ineq, x), np.eye(n)[np.isfinite(lo)],
                     -np.eye(n)[np.isfinite(hi)]])
    finite = bool(state["finite"] and np.isfinite(g).all() and np.isfinite(A_E).all()
                  and np.isfinite(A_I).all())
    return {**state, "g": g, "A_E": A_E, "A_I": A_I, "finite": finite}


def _l1_violation(state: dict[str, Any]) -> float:
    return float(np.abs(state["c_E"]).sum() + np.maximum(0.0, -state["c_I"]).sum())


def _lagrangian_gradient(state: dict[str, Any], lam: NDArray[np.float64]) -> NDArray[np.float64]:
    """∇ₓL = ∇f − [A_E; A_I]ᵀ [λ; μ]."""
    return state["g"] - np.vstack([state["A_E"], state["A_I"]]).T @ lam


def _merit_line_search(problem: Problem, state: dict[str, Any], d: NDArray[np.float64],
                       rho: NDArray[np.float64], lo, hi) -> tuple[dict | None, float]:
    """Backtracking on the L1 merit function (Kraft's rule): None when d is not a descent
    direction of the merit function."""
    m_E = state["c_E"].size

    def merit(s):
        viol = np.concatenate([np.abs(s["c_E"]), np.maximum(0.0, -s["c_I"])])
        return s["f"] + rho @ viol if s["finite"] else np.inf

    # the directional derivative of φ along an SQP step: ∇fᵀd − Σρᵢ·violationᵢ (N&W (18.29))
    viol0 = np.concatenate([np.abs(state["c_E"]), np.maximum(0.0, -state["c_I"])])
    D = state["g"] @ d - rho @ viol0
    if D >= 0 and m_E + state["c_I"].size and np.abs(d).max() > 0:
        return None, 0.0
    phi0, alpha = merit(state), 1.0
    for _ in range(10):
        new = _evaluate(problem, np.clip(state["x"] + alpha * d, lo, hi), lo, hi,
                        derivatives=False)
        phi = merit(new)
        if phi <= phi0 + 0.1 * alpha * D:
            break
        curvature = (phi - phi0 - D * alpha) / alpha**2 if np.isfinite(phi) else np.inf
        alpha = max(-D / (2 * curvature) if curvature > 0 else 0.0, 0.1 * alpha)
    return new, alpha


def _damped_bfgs(B: NDArray[np.float64], s: NDArray[np.float64],
                 y: NDArray[np.float64]) -> NDArray[np.float64]:
    """Powell's damped BFGS update: r = θy + (1 − θ)Bs with θ chosen so that sᵀr ≥ 0.2·sᵀBs,
    which keeps B positive definite (N&W Procedure 18.2)."""
    Bs = B @ s
    sBs, sy = s @ Bs, s @ y
    if sBs <= 0:
        return B
    theta = 1.0 if sy >= 0.2 * sBs else 0.8 * sBs / (sBs - sy)
    r = theta * y + (1 - theta) * Bs
    return B - Bs[:, None] * Bs[None, :] / sBs + r[:, None] * r[None, :] / (s @ r)


def _result(problem: Problem, state: dict[str, Any], nit: int, status: int) -> OptimizeResult:
    message = MESSAGES[status] + (_NONFINITE if status == 6 else "")
    return OptimizeResult(x=state["x"], fun=state["f"], jac=state["g"], nit=nit,
                          nfev=problem.nfev, njev=problem.njev, status=status,
                          success=status == 0, message=message)


# --- the quadratic subproblem ----------------------------------------------------------------

def _solve_qp(B, g, A_E, c_E, A_I, c_I) -> tuple[NDArray, NDArray] | None:
    """min ½dᵀBd + gᵀd s.t. A_E d + c_E = 0, A_I d + c_I ≥ 0, for B positive definite.

    Returns (d, [λ; μ]) with Bd + g = A_Eᵀλ + A_Iᵀμ, μ ≥ 0, or None when infeasible."""
    # With B = LLᵀ and W = L⁻ᵀ: d = d₀ + Wz, d₀ = −B⁻¹g, and the objective is ½‖z‖² + const.
    L = cholesky(B)
    W = solve(L, np.eye(B.shape[0])).T
    d0 = -W @ (W.T @ g)
    # equalities: (A_E W) z = −(A_E d₀ + c_E); z = z_E + Z w with Z a basis of the null space
    z_E, Z = _equality_split(A_E @ W, -(A_E @ d0 + c_E))
    if z_E is None:
        return None
    # inequalities: (A_I W Z) w ≥ −(A_I d₀ + c_I) − A_I W z_E, least distance in w
    P = A_I @ W @ Z
    q = -(A_I @ d0 + c_I) - A_I @ W @ z_E
    ldp = _least_distance(P, q)
    if ldp is None:
        return None
    w, mu = ldp
    d = d0 + W @ (z_E + Z @ w)
    # λ from stationarity: A_Eᵀλ = Bd + g − A_Iᵀμ (consistent, so least squares is exact)
    lam = lstsq(A_E.T, B @ d + g - A_I.T @ mu)[0] if A_E.size else np.zeros(0)
    return d, np.concatenate([lam, mu])


def _equality_split(C: NDArray[np.float64], r: NDArray[np.float64]):
    """(z_E, Z): the least-norm solution of C z = r and an orthonormal basis Z of null(C),
    from the SVD; (None, None) when C z = r has no solution."""
    n = C.shape[1]
    if C.shape[0] == 0:
        return np.zeros(n), np.eye(n)
    U, S, Vh = svd(C, full_matrices=True)
    rank = int(np.sum(S > max(C.shape) * np.finfo(float).eps * S.max())) if S.size else 0
    z_E = Vh[:rank].T @ ((U[:, :rank].T @ r) / S[:rank])
    if np.abs(C @ z_E - r).max() > 1e-8 * max(1.0, np.abs(r).max()):
        return None, None
    return z_E, Vh[rank:].T


def _least_distance(P: NDArray[np.float64], q: NDArray[np.float64]):
    """min ½‖w‖² s.t. Pw ≥ q, with its multipliers μ ≥ 0 (w = Pᵀμ), by one NNLS problem
    (Lawson & Hanson, Algorithm 23.27): u = argmin_{u≥0} ‖[Pᵀ; qᵀ]u − e_{p+1}‖, r = residual,
    w = −r[:p]/r[p]; r = 0 means the constraints are incompatible. None when they are."""
    p = P.shape[1]
    if P.shape[0] == 0:
        return np.zeros(p), np.zeros(0)
    M = np.vstack([P.T, q[None, :]])
    e = np.zeros(p + 1)
    e[p] = 1.0
    u = _nnls(M, e)
    r = M @ u - e
    if -r[p] <= 1e3 * np.finfo(float).eps * (1 + np.abs(q) @ u):
        return None
    return -r[:p] / r[p], u / -r[p]


def _nnls(M: NDArray[np.float64], e: NDArray[np.float64]) -> NDArray[np.float64]:
    """argmin_{u ≥ 0} ‖Mu − e‖ by Lawson & Hanson's active-set method (Algorithm 23.10):
    free variables enter by the largest gradient entry, leave when they would go negative."""
    m = M.shape[1]
    u, passive = np.zeros(m), np.zeros(m, dtype=bool)
    tol = 10 * np.finfo(float).eps * max(M.shape) * max(1.0, np.abs(M).max())
    for _ in range(3 * m + 3):
        gradient = M.T @ (e - M @ u)
        if passive.all() or gradient[~passive].max() <= tol:
            break
        passive[np.argmax(np.where(passive, -np.inf, gradient))] = True
        u, passive = _nnls_inner(M, e, u, passive)
    return u


def _nnls_inner(M, e, u, passive):
    """Solve least squares on the passive set; while that makes a variable ≤ 0, step back
    to the boundary and drop it."""
    while True:
        z = np.zeros_like(u)
        z[passive] = lstsq(M[:, passive], e)[0]
        if (z[passive] > 0).all():
            return z, passive
        shrink = passive & (z <= 0)
        ratio = np.full(u.shape, np.inf)
        ratio[shrink] = u[shrink] / (u[shrink] - z[shrink])
        j = int(np.argmin(ratio))
        u = u + ratio[j] * (z - u)
        u[j] = 0.0  # exactly on the boundary, whatever the rounding
        passive = passive & (u > 0)
        u[~passive] = 0.0
        if not passive.any():
            return u, passive
