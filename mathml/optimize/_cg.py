"""Nonlinear conjugate gradients, Polak–Ribière+ (Nocedal & Wright §5.2)."""
from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

from ._common import STATUS_MESSAGE, final_status, gradient_norm, wolfe_step
from ._result import OptimizeResult

__all__: list[str] = []

#: a new direction must descend at least this much, p·∇f ≤ −σ₃‖∇f‖², or the line
#: search looks further (SciPy's safeguard, which makes PR+ globally convergent)
_SIGMA_3 = 0.01


def _minimize_cg(objective: Any, x0: NDArray, callback: Any, *, gtol: float = 1e-5,
                 norm: float = np.inf, maxiter: int | None = None, c1: float = 1e-4,
                 c2: float = 0.4) -> OptimizeResult:
    r"""Polak–Ribière+ conjugate gradients with a strong-Wolfe line search.

    Algorithm (Nocedal & Wright, Algorithm 5.4 with the PR+ choice (5.45)):

    1. p₀ = −∇f₀.
    2. A strong-Wolfe step α_k along p_k (c2 = 0.4 as SciPy, for conjugacy), accepted only
       if the next direction below is a descent direction, p_{k+1}·∇f_{k+1} ≤ −σ₃‖∇f_{k+1}‖².
       If no such step is found, restart along p_k = −∇f_k and search again (SciPy
       instead first tries MINPACK's Moré–Thuente search, then this one, then stops).
    3. β_{k+1} = max(0, ∇f_{k+1}ᵀ(∇f_{k+1} − ∇f_k) / ‖∇f_k‖²), and
       p_{k+1} = −∇f_{k+1} + β_{k+1} p_k (β = 0 restarts along −∇f).
    4. Stop when ‖∇f‖_norm ≤ gtol.
    """
    maxiter = 200 * x0.size if maxiter is None else maxiter
    xk = x0.copy()
    old_fval = objective.value(xk)
    gfk = objective.grad(xk)
    old_old_fval = old_fval + np.sqrt(gfk @ gfk) / 2
    # Step 1: steepest descent first.
    pk = -gfk
    gnorm = gradient_norm(gfk, norm)
    k, failed = 0, False
    while gnorm > gtol and k < maxiter:
        deltak = gfk @ gfk
        cache: dict[str, tuple] = {}

        def next_direction(alpha: float, gfkp1: NDArray) -> tuple:
            # Step 3: the PR+ direction from the new gradient.
            beta = max(0.0, (gfkp1 - gfk) @ gfkp1 / deltak)
            return alpha, xk + alpha * pk, -gfkp1 + beta * pk, gfkp1, gradient_norm(gfkp1, norm)

        def descends(alpha: float, x: NDArray, f: float, g: NDArray) -> bool:
            cache["step"] = next_direction(alpha, g)
            _, _, p_next, g_next, g_norm = cache["step"]
            return bool(g_norm <= gtol or p_next @ g_next <= -_SIGMA_3 * (g_next @ g_next))

        # Step 2: the line search with the descent safeguard; where it fails along a
        # conjugate direction, restart along −∇f (N&W §5.2) before giving up
        step = wolfe_step(objective, xk, pk, gfk, old_fval, old_old_fval, c1, c2, descends)
        if step is None and not np.array_equal(pk, -gfk):
            pk = -gfk
            cache.clear()
            step = wolfe_step(objective, xk, pk, gfk, old_fval, old_old_fval, c1, c2,
                              descends)
        if step is None:
            failed = True
            break
        alpha_k, old_fval, old_old_fval, gfkp1 = step
        if "step" in cache and cache["step"][0] == alpha_k:
            _, xk, pk, gfk, gnorm = cache["step"]
        else:
            _, xk, pk, gfk, gnorm = next_direction(alpha_k, gfkp1)
        k += 1
        if callback(xk, old_fval):
            break
    status = final_status(failed, k, maxiter, gnorm, old_fval, xk)
    return OptimizeResult(fun=old_fval, jac=gfk, nfev=objective.nfev, njev=objective.ngev,
                          status=status, success=status == 0, message=STATUS_MESSAGE[status],
                          x=xk, nit=k)
