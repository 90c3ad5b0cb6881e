"""Newton-CG: line-search Newton with a truncated conjugate-gradient inner solve
(Nocedal & Wright §7.1, Algorithm 7.1)."""
from __future__ import annotations

from typing import Any
from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from ._common import STATUS_MESSAGE, wolfe_step
from ._result import OptimizeResult

__all__: list[str] = []

EPS = float(np.finfo(np.float64).eps)
_FD_STEP = EPS ** 0.5


def _minimize_newtoncg(objective: Any, x0: NDArray, callback: Any, hess: Callable | None,
                       hessp: Callable | None, *, xtol: float = 1e-5,
                       eps: float = _FD_STEP, maxiter: int | None = None, c1: float = 1e-4,
                       c2: float = 0.9) -> OptimizeResult:
    r"""Truncated Newton: solve ∇²f_k p = −∇f_k approximately by CG, then a Wolfe step.

    Algorithm (Nocedal & Wright, Algorithm 7.1, with SciPy's constants):

    1. b = −∇f_k; the forcing term η = min(0.5, √‖b‖₁): CG stops when ‖r‖₁ ≤ η‖b‖₁
       (superlinear convergence near the minimum).
    2. CG on ∇²f_k p = b from p = 0, at most 20n steps, with products ∇²f·d from `hess`
       (evaluated once per iteration), or `hessp`, or by the forward difference
       (∇f(x + h d) − ∇f(x)) / h, h = `eps` (√eps). ``nhev`` counts `hess` and `hessp` calls.
       On negative curvature dᵀ∇²f d < 0: stop with the current p, or, at the first
       step, take the steepest-descent direction scaled by ‖b‖²/|dᵀ∇²f d|.
    3. A strong-Wolfe step along p; stop when the update's 1-norm ≤ n·xtol.

    Status: 0 success, 1 maxiter, 2 line search failed, 3 NaN or CG not converging.
    """
    n = x0.size
    maxiter = 200 * n if maxiter is None else maxiter
    tol = n * xtol
    xk = x0.copy()
    old_fval = objective.value(xk)
    old_old_fval = None
    gfk = np.full(n, np.nan)
    update_norm, k = np.inf, 0
    nhev = [0]
    while update_norm > tol:
        if k >= maxiter:
            return _result(objective, xk, old_fval, gfk, k, nhev[0], 1)
        gfk = objective.grad(xk)
        # Steps 1 and 2: the truncated CG direction.
        Ap = _products(objective, xk, gfk, hess, hessp, nhev, eps)
        pk = _truncated_cg(Ap, -gfk, 20 * n)
        if pk is None:
            return _result(objective, xk, old_fval, gfk, k, nhev[0], 3,
                           "Warning: CG iterations didn't converge. The Hessian is not "
                           "positive definite.")
        # Step 3: the line search.
        step = wolfe_step(objective, xk, pk, gfk, old_fval, old_old_fval, c1, c2)
        if step is None:
            return _result(objective, xk, old_fval, gfk, k, nhev[0], 2)
        alpha_k, old_fval, old_old_fval, _ = step
        update = alpha_k * pk
        xk = xk + update
        k += 1
        if callback(xk, old_fval):
            return _result(objective, xk, old_fval, gfk, k, nhev[0], 5, "")
        update_norm = np.sum(np.abs(update))
    status = 3 if np.isnan(old_fval) or np.isnan(update_norm) else 0
    return _result(objective, xk, old_fval, gfk, k, nhev[0], status)


def _truncated_cg(A: Callable, b: NDArray, maxiter: int) -> NDArray | None:
    """CG on A p = b from p = 0 until ‖r‖₁ ≤ min(0.5, √‖b‖₁)·‖b‖₁, or at negative
    curvature; None when maxiter steps do not get there."""
    magnitude = np.sum(np.abs(b))
    termcond = min(0.5, np.sqrt(magnitude)) * magnitude
    p = np.zeros_like(b)
    r = -b                     # the residual A p − b at p = 0
    d = -r
    rr = r @ r
    for i in range(maxiter):
        if np.sum(np.abs(r)) <= termcond:
            return p
        Ad = np.asarray(A(d), dtype=float).reshape(-1)
        curvature = d @ Ad
        if 0 <= curvature <= 3 * EPS:
            return p
        if curvature < 0:
            # negative curvature: keep what CG has, or at the start go downhill
            return p if i > 0 else rr / (-curvature) * b
        alpha = rr / curvature
        p = p + alpha * d
        r = r + alpha * Ad
        rr_new = r @ r
        d = -r + (rr_new / rr) * d
        rr = rr_new
    return None


def _products(objective: Any, xk: NDArray, gfk: NDArray, hess: Callable | None,
              hessp: Callable | None, nhev: list, h: float) -> Callable:
    """d ↦ ∇²f(xk) d: from the Hessian (once per iteration), from `hessp`, or
    (∇f(x + h d) − ∇f(x)) / h with h = `eps` (√eps), as SciPy's approx_fhess_p."""
    if hess is not None:
        nhev[0] += 1
        H = hess(xk)
        return lambda d: H @ d
    if hessp is not None:
        def product(d: NDArray) -> NDArray:
            nhev[0] += 1
            return hessp(xk, d)
        return product
    return lambda d: (objective.grad(xk + h * d) - gfk) / h


def _result(objective: Any, xk: NDArray, fval: float, gfk: NDArray, k: int, nhev: int,
            status: int, message: str | None = None) -> OptimizeResult:
    if message is None:
        message = STATUS_MESSAGE[status] if status in (0, 3) else \
            "Warning: " + STATUS_MESSAGE[status]
    return OptimizeResult(fun=fval, jac=gfk, nfev=objective.nfev, njev=objective.ngev,
                          nhev=nhev, status=status, success=status == 0, message=message,
                          x=xk, nit=k)
