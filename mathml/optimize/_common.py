"""What the gradient methods share (BFGS, nonlinear CG, Newton-CG): SciPy's status
messages and its order of verdicts, the strong-Wolfe line search taken quietly, and the
gradient norm of a chosen order that the stopping tests read."""
from __future__ import annotations

import warnings
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ._line_search import LineSearchWarning, line_search

__all__: list[str] = []

STATUS_MESSAGE = {0: "Optimization terminated successfully.",
                  1: "Maximum number of iterations has been exceeded.",
                  2: "Desired error not necessarily achieved due to precision loss.",
                  3: "NaN result encountered."}


def wolfe_step(objective: Any, xk: NDArray, pk: NDArray, gfk: NDArray, old_fval: float,
               old_old_fval: float | None, c1: float, c2: float,
               extra_condition: Any = None) -> tuple | None:
    """The strong-Wolfe `line_search` along pk, quietly: (alpha, f(x_new), f(xk),
    ∇f(x_new)), or None when it fails (the solver then stops with status 2)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LineSearchWarning)
        alpha, _, _, new_fval, old_fval, gfkp1 = line_search(
            objective.value, objective.grad, xk, pk, gfk, old_fval, old_old_fval, c1=c1, c2=c2,
            amax=1e100, extra_condition=extra_condition)
    if alpha is None:
        return None
    if gfkp1 is None:   # the bracketing ran out of steps: its last step stands, as SciPy
        gfkp1 = objective.grad(xk + alpha * pk)
    return alpha, new_fval, old_fval, gfkp1


def final_status(stopped_by_line_search: bool, k: int, maxiter: int, gnorm: float,
                 fval: float, xk: NDArray) -> int:
    """SciPy's order of verdicts: line-search failure, maxiter, NaN, success."""
    if stopped_by_line_search:
        return 2
    if k >= maxiter:
        return 1
    if np.isnan(gnorm) or np.isnan(fval) or np.isnan(xk).any():
        return 3
    return 0


def gradient_norm(g: NDArray, order: float) -> float:
    """‖g‖ of the given order (inf: the largest magnitude, SciPy's default for gtol)."""
    if order == np.inf:
        return float(np.max(np.abs(g)))
    if order == -np.inf:
        return float(np.min(np.abs(g)))
    return float(np.sum(np.abs(g) ** order) ** (1.0 / order))
