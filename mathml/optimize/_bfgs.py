"""BFGS: the quasi-Newton method with the inverse-Hessian update (Nocedal & Wright §6.1)."""
from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

from ._common import STATUS_MESSAGE, final_status, gradient_norm, wolfe_step
from ._result import OptimizeResult

__all__: list[str] = []

def _minimize_bfgs(objective: Any, x0: NDArray, callback: Any, *, gtol: float = 1e-5,
                   norm: float = np.inf, maxiter: int | None = None, xrtol: float = 0.0,
                   c1: float = 1e-4, c2: float = 0.9,
                   hess_inv0: NDArray | None = None) -> OptimizeResult:
    r"""BFGS with a strong-Wolfe line search.

    Algorithm (Nocedal & Wright, Algorithm 6.1), with H₀ = I (or `hess_inv0`):

    1. The direction p_k = −H_k ∇f_k.
    2. A step α_k satisfying the strong Wolfe conditions (c1, c2); the first trial step
       repeats the previous decrease, as SciPy (old_old_fval = f₀ + ‖∇f₀‖/2 at the start).
       If none is found, reset H_k = I and search along −∇f_k once more (SciPy instead
       first tries MINPACK's Moré–Thuente search, then this one, then stops).
    3. s_k = α_k p_k, y_k = ∇f_{k+1} − ∇f_k; stop when ‖∇f_{k+1}‖_norm ≤ gtol.
    4. The inverse update, ρ_k = 1/(y_kᵀ s_k):
       H_{k+1} = (I − ρ s yᵀ) H_k (I − ρ y sᵀ) + ρ s sᵀ.

    Status: 0 success, 1 maxiter, 2 line search failed (precision loss, or a non-finite
    f), 3 NaN.
    """
    n = x0.size
    maxiter = 200 * n if maxiter is None else maxiter
    xk = x0.copy()
    old_fval = objective.value(xk)
    gfk = objective.grad(xk)
    I = np.eye(n)
    Hk = I.copy() if hess_inv0 is None else np.asarray(hess_inv0, dtype=float)
    old_old_fval = old_fval + np.sqrt(gfk @ gfk) / 2
    k, failed = 0, False
    gnorm = gradient_norm(gfk, norm)
    while gnorm > gtol and k < maxiter:
        # Step 1: the quasi-Newton direction.
        pk = -(Hk @ gfk)
        # Step 2: the line search.
        step = wolfe_step(objective, xk, pk, gfk, old_fval, old_old_fval, c1, c2)
        if step is None and not np.array_equal(Hk, I):
            # no Wolfe step along the quasi-Newton direction: forget the curvature
            # information (H = I) and try steepest descent before giving up
            Hk, pk = I.copy(), -gfk
            step = wolfe_step(objective, xk, pk, gfk, old_fval, old_old_fval, c1, c2)
        if step is None:
            failed = True
            break
        alpha_k, new_fval, old_old_fval, gfkp1 = step
        old_fval = new_fval
        # Step 3: the step and the change of gradient.
        sk = alpha_k * pk
        xk = xk + sk
        yk = gfkp1 - gfk
        gfk = gfkp1
        k += 1
        if callback(xk, old_fval):
            break
        gnorm = gradient_norm(gfk, norm)
        if gnorm <= gtol or alpha_k * np.sqrt(pk @ pk) <= xrtol * (xrtol + np.sqrt(xk @ xk)):
            break
        if not np.isfinite(old_fval):
            failed = True
            break
        # Step 4: the inverse-Hessian update.
        Hk = _bfgs_update(Hk, sk, yk, I)
    status = final_status(failed, k, maxiter, gnorm, old_fval, xk)
    return OptimizeResult(fun=old_fval, jac=gfk, hess_inv=Hk, nfev=objective.nfev,
                          njev=objective.ngev, status=status, success=status == 0,
                          message=STATUS_MESSAGE[status], x=xk, nit=k)


def _bfgs_update(Hk: NDArray, sk: NDArray, yk: NDArray, I: NDArray) -> NDArray:
    """H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ; ρ = 1000 when yᵀs = 0, as SciPy."""
    ys = yk @ sk
    rhok = 1000.0 if ys == 0 else 1.0 / ys
    A1 = I - rhok * sk[:, None] * yk[None, :]
    A2 = I - rhok * yk[:, None] * sk[None, :]
    return A1 @ (Hk @ A2) + rhok * sk[:, None] * sk[None, :]
