"""Gradient descent: the seeds' first optimiser, with a fixed step or Armijo backtracking."""
from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._inputs import starting_point
from ._line_search import _backtracking_armijo
from ._result import OptimizeResult

__all__ = ["gradient_descent"]

_MESSAGES = {0: "Optimization terminated successfully.",
             1: "Maximum number of iterations has been exceeded.",
             2: "The line search found no step with sufficient decrease.",
             3: "NaN result encountered."}


def gradient_descent(fun: Callable, x0: ArrayLike, jac: Callable | None = None,
                     learning_rate: float = 0.1, max_iter: int = 100,
                     tol: float | None = None, line_search: str | None = None) -> OptimizeResult:
    r"""Minimise f by steps against the gradient.

    .. math::

        x_{k+1} = x_k - \alpha_k \nabla f(x_k),

    with :math:`\alpha_k` = `learning_rate` (fixed step) or, with
    ``line_search='armijo'``, the first of 1, 1/2, 1/4, … that gives sufficient decrease
    :math:`f(x_{k+1}) \le f(x_k) - c_1 \alpha_k \|\nabla f(x_k)\|^2`, :math:`c_1 = 10^{-4}`.

    Parameters
    ----------
    fun : callable ``fun(x) -> float``
        The objective; x has the shape of `x0`, 1-D.
    x0 : array_like, shape (n,)
        The starting point (a scalar is taken as n = 1).
    jac : callable ``jac(x) -> ndarray, shape (n,)``, optional
        The gradient; by default central differences
        ``(f(x + h e_i) − f(x − h e_i)) / 2h``, h = eps^(1/3)·max(1, |x_i|).
    learning_rate : float
        The fixed step α (ignored with ``line_search='armijo'``).
    max_iter : int
        The number of steps at most.
    tol : float, optional
        Stop when ‖∇f(x_k)‖_∞ ≤ tol (success), and report failure (status 1) when
        `max_iter` steps do not get there. None (default): the seeds' loop, exactly
        `max_iter` steps, success unless a NaN appears.
    line_search : {None, 'armijo'}
        The step rule.

    Returns
    -------
    res : OptimizeResult
        ``x`` (shape (n,)), ``fun``, ``jac``, ``nit``, ``nfev``, ``njev``, ``success``,
        ``status`` (0 success, 1 max_iter reached before tol, 2 no Armijo step, 3 NaN),
        ``message``.

    Raises
    ------
    ValueError
        `x0` not 1-D, `learning_rate` or `max_iter` not positive, an unknown `line_search`.

    Notes
    -----
    *Algorithm*:

    1. g_k = ∇f(x_k); stop when ‖g_k‖_∞ ≤ tol, or when f or g is NaN (status 3).
    2. The step α_k: fixed, or Armijo backtracking (Nocedal & Wright, Algorithm 3.1).
    3. x_{k+1} = x_k − α_k g_k.

    With a fixed step on an L-smooth convex f the iteration converges for α < 2/L; on the
    quadratic (x − 3)² of the examples, x_k = 3(1 − (1 − 2α)^k).
    *Complexity*: one gradient (and, with Armijo, a few values of f) per step; the rate is
    linear with ratio (κ − 1)/(κ + 1) at best, κ the condition number of the Hessian.
    *Numerical stability*: the iteration is self-correcting; rounding only limits the
    attainable accuracy to about eps·cond.

    References
    ----------
    Nocedal & Wright, Numerical Optimization, 2nd ed., §3.1–3.3 (steepest descent,
    backtracking); Boyd & Vandenberghe, Convex Optimization, §9.3.

    Checked against ``reference.optimize.gradient_descent`` →
    ``scipy.optimize.minimize(method='BFGS')``, which has no gradient descent: compared by
    optimum — gradient descent run to convergence reaches the same minimiser. Iterates,
    counts and the path differ by design.

    Examples
    --------
    >>> import numpy as np
    >>> from mathml.optimize import gradient_descent
    >>> res = gradient_descent(lambda x: (x[0] - 3) ** 2, 0.0, jac=lambda x: 2 * (x - 3))
    >>> np.round(res.x, 8), res.nit        # 3·(1 − 0.8¹⁰⁰)
    (array([3.]), 100)
    """
    xk = starting_point(x0, "gradient_descent")
    _check(xk, learning_rate, max_iter, line_search)
    counts = {"f": 0, "g": 0}
    f = _counted(lambda x: float(np.asarray(fun(x), dtype=float).reshape(())), counts, "f")
    grad = _counted(jac if jac is not None else _central_difference(fun), counts, "g")
    fk, status, k = f(xk), None, 0
    while status is None:
        # Step 1: the gradient and the stopping tests.
        gk = np.asarray(grad(xk), dtype=float).reshape(xk.shape)
        if np.isnan(fk) or np.isnan(gk).any():
            status = 3
        elif tol is not None and np.max(np.abs(gk)) <= tol:
            status = 0
        elif k >= max_iter:
            status = 0 if tol is None else 1
        if status is not None:
            break
        # Step 2: the step length.
        if line_search == "armijo":
            alpha, f_new = _backtracking_armijo(lambda a: f(xk - a * gk), fk, -(gk @ gk))
            if alpha is None:
                status = 2
                break
        else:
            alpha = learning_rate
        # Step 3: the step.
        xk = xk - alpha * gk
        fk = f_new if line_search == "armijo" else f(xk)
        k += 1
    return OptimizeResult(x=xk, fun=fk, jac=gk, nit=k, nfev=counts["f"], njev=counts["g"],
                          status=status, success=status == 0, message=_MESSAGES[status])


def _check(xk: NDArray, learning_rate: float, max_iter: int, line_search: str | None) -> None:
    if xk.ndim != 1:
        raise ValueError(f"'x0' must only have one dimension; got shape {xk.shape}.")
    if not learning_rate > 0:
        raise ValueError(f"learning_rate must be positive; got {learning_rate}.")
    if not (isinstance(max_iter, (int, np.integer)) and max_iter >= 0):
        raise ValueError(f"max_iter must be a nonnegative integer; got {max_iter!r}.")
    if line_search not in (None, "armijo"):
        raise ValueError(f"Unknown line_search {line_search!r}: use None or 'armijo'.")


def _counted(func: Callable, counts: dict, key: str) -> Callable:
    def counted(x: NDArray):
        counts[key] += 1
        return func(x)
    return counted


def _central_difference(fun: Callable) -> Callable:
    """∇f by central differences, h_i = eps^(1/3)·max(1, |x_i|), which balances the
    O(h²) truncation error against the O(eps/h) rounding error."""
    def grad(x: NDArray) -> NDArray:
        h = np.finfo(float).eps ** (1 / 3) * np.maximum(1.0, np.abs(x))
        E = np.diag(h)
        return np.array([(fun(x + E[i]) - fun(x - E[i])) / (2 * h[i]) for i in range(x.size)])
    return grad
