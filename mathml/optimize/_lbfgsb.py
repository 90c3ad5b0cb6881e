"""L-BFGS-B, as a projected limited-memory BFGS method with an active set.

Not Byrd–Lu–Nocedal–Zhu's algorithm (SciPy's, with the generalized Cauchy point and a
subspace minimisation), but the simpler projected quasi-Newton method of Bertsekas
(Nonlinear Programming, §2.3) with L-BFGS directions (Nocedal & Wright §7.2): both find
the same point satisfying the first-order conditions for bounds, by different paths.
"""
from __future__ import annotations

import warnings
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ._line_search import LineSearchWarning, line_search
from ._result import OptimizeResult

__all__: list[str] = []

EPS = float(np.finfo(np.float64).eps)

_MESSAGES = {"pgtol": "CONVERGENCE: NORM OF PROJECTED GRADIENT <= PGTOL",
             "ftol": "CONVERGENCE: RELATIVE REDUCTION OF F <= FACTR*EPSMCH",
             "maxiter": "STOP: TOTAL NO. OF ITERATIONS REACHED LIMIT",
             "maxfun": "STOP: TOTAL NO. OF f AND g EVALUATIONS EXCEEDS LIMIT",
             "abnormal": "ABNORMAL: "}


def _minimize_lbfgsb(objective: Any, x0: NDArray, callback: Any, lb: NDArray, ub: NDArray,
                     *, maxcor: int = 10, ftol: float = 2.220446049250313e-09,
                     gtol: float = 1e-5, maxfun: int = 15000, maxiter: int = 15000,
                     maxls: int = 20) -> OptimizeResult:
    r"""Projected L-BFGS for min f(x) subject to lb ≤ x ≤ ub.

    Algorithm (P denotes the projection onto the box, clip(x, lb, ub)):

    1. x₀ ← P(x₀). Stop when the projected gradient ‖P(x − ∇f) − x‖_∞ ≤ gtol.
    2. The active set: variables at a bound whose gradient pushes outwards. The direction
       is −H∇f on the free variables by the two-loop recursion (Nocedal & Wright
       Alg. 7.4) over the last `maxcor` pairs (s, y) restricted to them, H₀ = γI with
       γ = sᵀy / yᵀy; 0 on the active ones. If it is not a descent direction, the memory is
       dropped and the projected steepest descent taken (also at the start, scaled to
       length 1 as SciPy's first step, and after a failed line search, as L-BFGS-B
       does, before it gives up).
    3. If the full step stays inside the box: a strong-Wolfe line search (c1 = 1e-3,
       c2 = 0.9, as L-BFGS-B's) with α ≤ the distance to the boundary. Otherwise (or if
       it fails): backtracking along the projection arc x(α) = P(x + αp) until
       f(x(α)) ≤ f(x) + c1 ∇fᵀ(x(α) − x), α from 1 to the minimiser of the quadratic
       interpolant, kept within [α/10, α/2]. The two searches together
       evaluate f at most `maxls` times (SciPy's limit per line search; ``maxls ≤ 0`` is
       refused as there); a step not found within them fails the line search.
    4. Keep (s, y) when sᵀy > eps·yᵀy (curvature positive enough for H to stay positive
       definite). Stop when (f_k − f_{k+1}) ≤ ftol·max(|f_k|, |f_{k+1}|, 1) (SciPy's factr
       test) or at the limits.

    Status: 0 converged, 1 maxiter or maxfun, 2 abnormal (no acceptable step, or a
    non-finite f). ``hess_inv`` is the limited-memory H as a dense (n, n) array (SciPy
    returns it as a LinearOperator, ``LbfgsInvHessProduct``; ``.todense()`` compares).
    """
    if not maxls > 0:
        raise ValueError("maxls must be positive.")
    xk = np.clip(x0, lb, ub)
    fk, gk = objective.value(xk), objective.grad(xk)
    S: list[NDArray] = []
    Y: list[NDArray] = []
    k, status, reason = 0, None, ""
    while status is None:
        # Step 1: first-order optimality for bounds.
        if not np.isfinite(fk):
            status, reason = 2, "abnormal"
        elif np.max(np.abs(np.clip(xk - gk, lb, ub) - xk), initial=0.0) <= gtol:
            status, reason = 0, "pgtol"
        elif k >= maxiter:
            status, reason = 1, "maxiter"
        elif objective.nfev >= maxfun:
            status, reason = 1, "maxfun"
        if status is not None:
            break
        # Step 2: the search direction on the free variables.
        free = ~(((xk <= lb) & (gk > 0)) | ((xk >= ub) & (gk < 0)))
        pk = _direction(gk, S, Y, free)
        if not pk @ gk < 0:
            S, Y = [], []
            pk = _direction(gk, S, Y, free)
        # Step 3: the step.
        step = _step(objective, xk, fk, gk, pk, lb, ub, maxls)
        if step is None and S:
            # as L-BFGS-B: a failed line search with curvature pairs in memory drops
            # them and retries along the projected steepest descent
            S, Y = [], []
            pk = _direction(gk, S, Y, free)
            step = _step(objective, xk, fk, gk, pk, lb, ub, maxls)
        if step is None:
            status, reason = 2, "abnormal"
            break
        x_new, f_new, g_new = step
        # Step 4: the memory and the relative-reduction test.
        sk, yk = x_new - xk, g_new - gk
        if sk @ yk > EPS * (yk @ yk):
            S, Y = (S + [sk])[-maxcor:], (Y + [yk])[-maxcor:]
        reduction = fk - f_new
        xk, fk, gk, k = x_new, f_new, g_new, k + 1
        if callback(xk, fk):
            status, reason = 0, "pgtol"
        elif reduction <= ftol * max(abs(fk + reduction), abs(fk), 1.0):
            status, reason = 0, "ftol"
    return OptimizeResult(fun=fk, jac=gk, nfev=objective.nfev, njev=objective.ngev, nit=k,
                          status=status, message=_MESSAGES[reason], x=xk,
                          success=status == 0, hess_inv=_dense_inverse_hessian(S, Y, xk.size))


def _direction(g: NDArray, S: list, Y: list, free: NDArray) -> NDArray:
    """−H g on the free variables by the two-loop recursion; steepest descent of length 1
    when the memory is empty."""
    q = np.where(free, g, 0.0)
    free_pairs = [(s * free, y * free) for s, y in zip(S, Y)]
    pairs = [(s, y, 1.0 / (y @ s)) for s, y in free_pairs if y @ s > 0]
    if not pairs:
        norm = np.sqrt(q @ q)
        return -q / norm if norm > 0 else -q
    alphas = []
    for s, y, rho in reversed(pairs):      # newest first
        alpha = rho * (s @ q)
        q = q - alpha * y
        alphas.append(alpha)
    s, y, _ = pairs[-1]
    r = (s @ y) / (y @ y) * q              # H₀ = γI, γ = sᵀy / yᵀy
    for (s, y, rho), alpha in zip(pairs, reversed(alphas)):   # oldest first
        beta = rho * (y @ r)
        r = r + (alpha - beta) * s
    return -r


def _step(objective: Any, xk: NDArray, fk: float, gk: NDArray, pk: NDArray, lb: NDArray,
          ub: NDArray, maxls: int) -> tuple | None:
    """Step 3: (x_new, f_new, g_new) by a Wolfe search inside the box, else by projected
    backtracking; None when neither finds a step."""
    with np.errstate(divide="ignore", invalid="ignore"):
        room = np.where(pk > 0, (ub - xk) / pk, np.where(pk < 0, (lb - xk) / pk, np.inf))
    alpha_max = float(np.min(room, initial=np.inf))
    budget = maxls            # evaluations of f this step may spend, both searches together
    if alpha_max >= 1.0:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", LineSearchWarning)
            alpha, used, _, f_new, _, g_new = line_search(
                objective.value, objective.grad, xk, pk, gk, fk, None, c1=1e-3, c2=0.9,
                amax=alpha_max if np.isfinite(alpha_max) else None, maxiter=maxls)
        if used <= budget and alpha is not None and g_new is not None and np.isfinite(f_new):
            return np.clip(xk + alpha * pk, lb, ub), f_new, g_new
        budget -= used
    return _projected_backtracking(objective, xk, fk, gk, pk, lb, ub, budget)


def _projected_backtracking(objective: Any, xk: NDArray, fk: float, gk: NDArray,
                            pk: NDArray, lb: NDArray, ub: NDArray, maxls: int) -> tuple | None:
    """Armijo backtracking along the projection arc x(α) = P(x + αp) (Bertsekas §2.3).

    When the decrease asked for, c1·|∇fᵀ(x(α) − x)|, is below the rounding error of f
    (eps·|f|), no evaluation can confirm it: a step that leaves f unchanged to rounding
    (within 2·eps·|f|) is then accepted, and the relative-reduction test ends the
    iteration (as L-BFGS-B accepts a step when rounding errors prevent progress)."""
    c1, alpha = 1e-4, 1.0
    for _ in range(maxls):
        x_new = np.clip(xk + alpha * pk, lb, ub)
        f_new = objective.value(x_new)
        decrease = gk @ (x_new - xk)
        undecidable = -c1 * decrease <= EPS * abs(fk) and f_new <= fk + 2 * EPS * abs(fk)
        if decrease < 0 and (f_new <= fk + c1 * decrease or undecidable):
            return x_new, f_new, objective.grad(x_new)
        # the minimiser of the quadratic through f(x), its slope and f(x(α)), kept within
        # [α/10, α/2] (Nocedal & Wright §3.5): one trial short of the step is often enough
        excess = f_new - fk - decrease
        trial = -decrease * alpha / (2 * excess) if decrease < 0 and excess > 0 else 0.5 * alpha
        alpha = min(max(trial, 0.1 * alpha), 0.5 * alpha)
    return None


def _dense_inverse_hessian(S: list, Y: list, n: int) -> NDArray:
    """The limited-memory H applied to each unit vector (H = I with no memory)."""
    everywhere = np.ones(n, dtype=bool)
    return np.column_stack([-_direction(e, S, Y, everywhere) for e in np.eye(n)])
