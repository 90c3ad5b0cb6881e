"""`penalty` and `barrier`: constrained minimisation as a sequence of unconstrained ones.

Both replace the constrained problem by an unconstrained function with a parameter μ, and
follow its minimiser x(μ) as μ moves: the quadratic penalty makes leaving the feasible set
ever more expensive (μ → ∞), the logarithmic barrier keeps the iterates strictly inside it
and lets them approach its boundary (μ → 0). Each inner minimisation starts from the
previous one's answer and is a BFGS iteration with a backtracking (Armijo) line search,
self-contained here so that the methods can be read on their own.
"""
from __future__ import annotations

import math
from typing import Any
from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._constrained import Problem, violation
from ._inputs import starting_point
from ._result import OptimizeResult

__all__ = ["penalty", "barrier"]

_EPS = float(np.finfo(float).eps)
_MESSAGES = {
    0: "Optimization terminated successfully",
    1: "Maximum number of outer iterations reached",
    2: "The objective or a constraint returned NaN or inf",
}


def penalty(fun: Callable, x0: ArrayLike, constraints: Any = (), args: tuple = (),
            jac: Callable | None = None, mu0: float = 1.0, rho: float = 10.0,
            tol: float = 1e-8, maxiter: int = 30) -> OptimizeResult:
    r"""Minimise f(x) subject to constraints by the quadratic penalty method.

    .. math::

        Q(x; \mu) = f(x) + \frac{\mu}{2} \sum_{i \in E} c_i(x)^2
                  + \frac{\mu}{2} \sum_{i \in I} \min(0, c_i(x))^2,
        \qquad x(\mu) = \arg\min_x Q(x; \mu) \to x^* \ (\mu \to \infty)

    Parameters
    ----------
    fun : callable ``fun(x, *args) -> float``
    x0 : array_like, shape (n,)
        The starting point (need not be feasible).
    constraints : dict or sequence of dicts
        SciPy's ``{'type': 'eq' | 'ineq', 'fun': c, 'jac': optional, 'args': optional}``;
        ``'ineq'`` means c(x) ≥ 0.
    args : tuple
        Extra arguments of `fun` and `jac`.
    jac : callable ``jac(x, *args) -> (n,)``, optional
        ∇f; forward differences when None (also for constraints without ``'jac'``).
    mu0, rho : float
        The first penalty parameter and the factor it grows by (1, 10).
    tol : float
        Stop when the largest constraint violation is at most tol (1e-8).
    maxiter : int
        The largest number of penalty parameters tried (30).

    Returns
    -------
    OptimizeResult
        ``x`` (n,), ``fun`` = f(x), ``jac`` = ∇f(x) (n,), ``nit`` (outer iterations), ``nfev``,
        ``njev``, ``success``, ``status`` (0 success, 1 maxiter reached, 2 NaN or inf met),
        ``message``, and ``mu`` (the last μ) and ``maxcv`` (the largest violation at x).

    Raises
    ------
    ValueError
        x0 not one-dimensional, an unknown constraint type.

    Notes
    -----
    *Algorithm* (Nocedal & Wright, Framework 17.1)

    1. Start from x0 with μ = mu0.
    2. Minimise Q(·; μ) from the current x (and the last BFGS matrix) by BFGS;
       ∇Q = ∇f + μ Σ cᵢ∇cᵢ is assembled from ∇f and the constraint Jacobian (never
       differenced through μ, which would amplify the rounding error by μ).
    3. Stop when the violation is at most tol; else μ ← ρ·μ and repeat from step 2.

    At x(μ), −μ·cᵢ(x(μ)) → λᵢ* (N&W Theorem 17.2), so the violation is |λᵢ*|/μ: reaching
    tol takes μ ≈ |λ*|/tol, and x(μ) lies O(1/μ) from x*, at a distance ≈ cond·tol.

    *Complexity*: about log_ρ(|λ*|/(mu0·tol)) inner minimisations, each of O(n²) work per
    BFGS step plus n + 1 evaluations for a finite-difference gradient.

    *Numerical stability*: the Hessian of Q has eigenvalues of order μ along the constraint
    normals — condition ≈ μ‖∇c‖²/λ_min(∇²f) — which is why μ is raised gradually and every
    inner solve is warm-started; this ill-conditioning is the method's known weakness and
    the reason for augmented Lagrangian and SQP methods (N&W §17.1, §17.3).

    References
    ----------
    Nocedal & Wright, Numerical Optimization, 2nd ed., §17.1 (quadratic penalty method).

    Checked against ``reference.optimize.penalty`` →
    ``scipy.optimize.minimize(method='SLSQP')`` on the same problem: the same minimiser and minimum within the
    penalty's O(1/μ) error (both compared to 1e-6); iterations and evaluations differ.

    Examples
    --------
    The seed's problem, minimise x² + y² subject to x + y = 1:

    >>> res = penalty(lambda x: x[0]**2 + x[1]**2, [0, 0],
    ...               constraints={'type': 'eq', 'fun': lambda x: x[0] + x[1] - 1})
    >>> print(np.round(res.x, 6), res.success)
    [0.5 0.5] True
    """
    problem = Problem(fun, jac, args, constraints)
    # Step 1: x0 need not be feasible
    x, mu = starting_point(x0, "penalty"), float(mu0)

    eq, ineq = problem.eq, problem.ineq

    # (An absent kind of constraint adds an exact 0 to the sums: its terms are skipped.)
    def objective(z, mu):
        squares = 0.0
        if eq:
            c_E = _values(eq, z)
            squares = c_E @ c_E
        if ineq:
            c_violated = np.minimum(0.0, _values(ineq, z))  # only violated ones
            squares = squares + c_violated @ c_violated
        return problem.value(z) + mu / 2 * squares

    def gradient(z, mu):
        normals = None
        if eq:
            c_E = _values(eq, z)
            normals = _jacobian(problem, eq, z).T @ c_E
        if ineq:
            c_violated = np.minimum(0.0, _values(ineq, z))
            term = _jacobian(problem, ineq, z).T @ c_violated
            normals = term if normals is None else normals + term
        return problem.grad(z) + mu * normals if normals is not None else problem.grad(z)

    H = None
    for k in range(1, maxiter + 1):  # noqa: B007  (k, the iterations, is reported after)
        # Step 2: warm start from the previous minimiser, which lies O(1/μ) from x(ρμ),
        # and the previous inverse Hessian, which differs by ~ρ along the normals only
        x, q, H = _bfgs(lambda z: objective(z, mu), lambda z: gradient(z, mu), x, H)
        # Step 3: −μ·c → λ*, so the violation falls like 1/μ
        maxcv = _maxcv(problem, x)
        if maxcv <= tol or not np.isfinite(maxcv + q):  # NaN: give up
            break
        mu *= rho
    return _result(problem, x, k, maxcv, tol, mu=mu)


def barrier(fun: Callable, x0: ArrayLike, constraints: Any = (), args: tuple = (),
            jac: Callable | None = None, mu0: float = 1.0, rho: float = 10.0,
            tol: float = 1e-8, maxiter: int = 50) -> OptimizeResult:
    r"""Minimise f(x) subject to inequality constraints by the logarithmic barrier method.

    .. math::

        P(x; \mu) = f(x) - \mu \sum_{i \in I} \log c_i(x), \qquad
        x(\mu) = \arg\min_{c(x) > 0} P(x; \mu) \to x^* \ (\mu \to 0)

    Parameters
    ----------
    fun : callable ``fun(x, *args) -> float``
    x0 : array_like, shape (n,)
        A strictly feasible starting point: every cᵢ(x0) > 0.
    constraints : dict or sequence of dicts
        SciPy's dictionaries, all of type ``'ineq'`` (c(x) ≥ 0).
    args : tuple
        Extra arguments of `fun` and `jac`.
    jac : callable ``jac(x, *args) -> (n,)``, optional
        ∇f; forward differences when None (also for constraints without ``'jac'``).
    mu0, rho : float
        The first barrier parameter and the factor it shrinks by (1, 10).
    tol : float
        Stop when m·μ ≤ tol, m the number of constraints (1e-8).
    maxiter : int
        The largest number of barrier parameters tried (50).

    Returns
    -------
    OptimizeResult
        ``x`` (n,), ``fun`` = f(x), ``jac`` = ∇f(x) (n,), ``nit`` (outer iterations), ``nfev``,
        ``njev``, ``success``, ``status`` (0 success, 1 maxiter reached, 2 NaN or inf met),
        ``message``, ``mu`` (the last μ) and ``maxcv`` (0: the iterates stay feasible).

    Raises
    ------
    ValueError
        An equality constraint (a barrier needs an interior), x0 not strictly feasible,
        x0 not one-dimensional, an unknown constraint type.

    Notes
    -----
    *Algorithm* (Boyd & Vandenberghe §11.3.1, with t = 1/μ)

    1. Check that x0 is strictly feasible; μ = mu0.
    2. Minimise P(·; μ) from the current x (and the last BFGS matrix) by BFGS; points
       with some cᵢ ≤ 0 count as P = +∞, so the line search keeps every iterate strictly
       feasible. ∇P = ∇f − μ Σ ∇cᵢ / cᵢ. From the second μ on, BFGS starts instead from
       the extrapolation x + (x − x_prev)/ρ along the central path (x(μ) ≈ x* + μ·v)
       when P is lower there.
    3. Stop when m·μ ≤ tol; else μ ← μ/ρ and repeat from step 2.

    The multipliers are estimated by λᵢ = μ/cᵢ(x(μ)), and for a convex problem x(μ) is
    feasible with f(x(μ)) − f* ≤ m·μ (the duality gap, B&V §11.2.2): the stopping rule
    bounds the error in the objective by tol.

    *Complexity*: log_ρ(m·mu0/tol) inner minimisations, each O(n²) per BFGS step plus
    n + 1 evaluations for a finite-difference gradient.

    *Numerical stability*: near the boundary the Hessian of P grows like μ/cᵢ² ≈ λᵢ²/μ
    along the active normals: the same ill-conditioning as the penalty method, met by
    warm starts; primal–dual interior-point methods (N&W §19) avoid it.

    References
    ----------
    Boyd & Vandenberghe, Convex Optimization (2004), §11.2–11.3 (the barrier method);
    Nocedal & Wright, Numerical Optimization, 2nd ed., §19.6 (the log-barrier function).

    Checked against ``reference.optimize.barrier`` →
    ``scipy.optimize.minimize(method='SLSQP')`` on the same problem: the same minimiser and minimum within the
    barrier's O(μ) error (both compared to 1e-6); iterations and evaluations differ.

    Examples
    --------
    The seed's inequality: minimise (x − 1)² + (y − 1)² subject to x + y ≤ 1, i.e.
    1 − x − y ≥ 0, from the interior point (0, 0):

    >>> res = barrier(lambda x: (x[0] - 1)**2 + (x[1] - 1)**2, [0, 0],
    ...               constraints={'type': 'ineq', 'fun': lambda x: 1 - x[0] - x[1]})
    >>> print(np.round(res.x, 6), res.success)
    [0.5 0.5] True
    """
    problem = Problem(fun, jac, args, constraints)
    # Step 1: the barrier is +∞ outside the interior, so x0 must be inside
    x, mu = starting_point(x0, "barrier"), float(mu0)
    _check_interior(problem, x)
    m = max(1, sum(np.atleast_1d(con.fun(x, *con.args)).size for con in problem.ineq))

    ineq = problem.ineq

    def objective(z, mu):
        c_I = _values(ineq, z)
        if c_I.size and c_I.min() <= 0:  # (a NaN passes, as it passes `c ≤ 0`: P is NaN)
            return np.inf
        return problem.value(z) - mu * np.log(c_I).sum()

    def gradient(z, mu):  # (no equality constraints: _check_interior refused them)
        c_I, A_I = _values(ineq, z), _jacobian(problem, ineq, z)
        return problem.grad(z) - mu * (A_I.T @ (1.0 / c_I))

    H, x_before = None, None
    for k in range(1, maxiter + 1):  # noqa: B007  (k, the iterations, is reported after)
        # Step 2: warm start: x(μ) is strictly feasible and O(μ) from x(μ/ρ); the inverse
        # Hessian changes by ~ρ along the active normals only. From the second μ on, the
        # start is the better (lower P) of x(ρμ) and its extrapolation along the central
        # path, x(μ) ≈ x* + μ·v: x(ρμ) + (x(ρμ) − x(ρ²μ))/ρ (+∞ if outside the interior).
        start, q_start = x, objective(x, mu)
        if x_before is not None:
            guess = x + (x - x_before) / rho
            q_guess = objective(guess, mu)
            if q_guess < q_start:
                start, q_start = guess, q_guess
        x_before = x
        x, q, H = _bfgs(lambda z: objective(z, mu), lambda z: gradient(z, mu), start, H,
                        q=q_start)
        # Step 3: m·μ bounds f − f* for a convex problem (the duality gap)
        if m * mu <= tol or not problem.ineq or np.isnan(q):
            break
        mu /= rho
    return _result(problem, x, k, _maxcv(problem, x), 0.0, mu=mu,
                   converged=m * mu <= tol or not problem.ineq)


def _values(group: list, z: NDArray[np.float64]) -> NDArray[np.float64]:
    """`Problem.values` (the constraints of `group` at z, one vector), without stacking
    when the group is a single constraint: the inner loops evaluate it at every step."""
    if len(group) == 1:
        con = group[0]
        value = con.fun(z, *con.args)
        if isinstance(value, (float, np.floating)):  # one real number: a vector of one
            return np.array((value,), dtype=float)
        return np.atleast_1d(value).astype(float).ravel()
    return Problem.values(group, z)


def _jacobian(problem: Problem, group: list, z: NDArray[np.float64]) -> NDArray[np.float64]:
    """`problem.jacobian(group, z)`, likewise without stacking a single constraint's given
    Jacobian (read, never written: it may be the array the callable returned)."""
    if len(group) == 1 and callable(group[0].jac):
        con = group[0]
        return np.atleast_2d(np.asarray(con.jac(z, *con.args), dtype=float)).reshape(-1, z.size)
    return problem.jacobian(group, z)


def _check_interior(problem: Problem, x: NDArray[np.float64]) -> None:
    if problem.eq:
        raise ValueError("barrier handles inequality constraints only ('ineq'); use penalty "
                         "or minimize(method='SLSQP') for equality constraints")
    c_I = problem.values(problem.ineq, x)
    if not np.all(c_I > 0):
        raise ValueError(f"x0 must be strictly feasible for a barrier method (every "
                         f"'ineq' constraint > 0); the smallest is {c_I.min():.3g}")


def _maxcv(problem: Problem, x: NDArray[np.float64]) -> float:
    return violation(problem.values(problem.eq, x), problem.values(problem.ineq, x))


def _result(problem: Problem, x, nit: int, maxcv: float, tol: float, mu: float,
            converged: bool | None = None) -> OptimizeResult:
    f = problem.value(x)
    g = problem.grad(x, f) if np.isfinite(f) else np.full(x.size, np.nan)
    if not (np.isfinite(f) and np.isfinite(g).all() and np.isfinite(maxcv)):
        status = 2
    else:
        status = 0 if (maxcv <= tol if converged is None else converged) else 1
    return OptimizeResult(x=x, fun=f, jac=g, nit=nit, nfev=problem.nfev, njev=problem.njev,
                          status=status, success=status == 0, message=_MESSAGES[status],
                          mu=mu, maxcv=maxcv)


def _bfgs(Q: Callable, grad: Callable, x: NDArray[np.float64], H: NDArray | None = None,
          gtol: float = 1e-10, maxiter: int = 1000,
          q: float | None = None) -> tuple[NDArray[np.float64], float, NDArray]:
    """An approximate minimiser of Q from x, with Q there and the last inverse Hessian
    approximation H: BFGS from H (I when None) with an Armijo backtracking line search
    (N&W Algorithm 6.1). `q`, when given, is Q(x), already evaluated.

    Stops when ‖∇Q‖∞ ≤ gtol·max(1, |Q|); when the predicted decrease −∇Qᵀp = ∇QᵀH∇Q is
    below the rounding error of Q (4·eps·|Q|), when no step decreases Q, or when three steps
    in a row decrease it by less than that rounding error — all mean the gradient is at its
    noise floor (finite differences, or μ times the rounding of c); or after maxiter steps.
    H₀ = I rather than N&W's scaled (6.20): the first step of a penalty or barrier
    subproblem is dominated by the stiff constraint directions, and a scaling learnt there
    would make the steps along the soft ones tiny. The later subproblems start from the
    previous one's H: the Hessian changes by about the factor ρ along the few constraint
    normals only, which the line search and one update absorb, where a restart from I
    spent ~30 halvings of the step and ~12 iterations on each (3–4× the evaluations)."""
    # (scalars as Python floats: the same IEEE arithmetic, without NumPy's scalar overhead)
    q = float(Q(x) if q is None else q)
    g = grad(x)
    H, stalled = (np.eye(x.size) if H is None else H), 0
    for _ in range(maxiter):
        g_max = float(np.abs(g).max())  # inf or NaN if some entry of g is
        if not (math.isfinite(q) and math.isfinite(g_max)) or g_max <= gtol * max(1.0, abs(q)):
            break
        p = -(H @ g)
        slope = float(g @ p)  # ∇Qᵀp = −∇QᵀH∇Q
        if slope >= 0:  # H lost positive definiteness to rounding: restart along −∇Q
            H, p = np.eye(x.size), -g
            slope = -float(g @ g)
        noise = 4 * _EPS * max(1.0, abs(q))  # the rounding error of Q
        if -slope <= noise:
            break
        alpha, q_new = _armijo(Q, x, q, p, slope)
        stalled = stalled + 1 if q - q_new <= noise else 0
        if alpha == 0.0 or stalled == 3:
            break
        s = alpha * p
        x_new = x + s
        g_new = grad(x_new)
        y = g_new - g
        if float(y @ s) > 1e-14 * math.sqrt(float(y @ y) * float(s @ s)):
            H = _bfgs_inverse_update(H, s, y)
        x, q, g = x_new, q_new, g_new
    return x, q, H


def _armijo(Q: Callable, x, q: float, p, slope: float,
            c1: float = 1e-4) -> tuple[float, float]:
    """The first α in 1, ½, ¼, … with Q(x + αp) ≤ Q(x) + c1·α·∇Qᵀp; (0, Q(x)) if none."""
    alpha = 1.0
    for _ in range(40):
        q_new = float(Q(x + alpha * p))
        if q_new <= q + c1 * alpha * slope:
            return alpha, q_new
        alpha /= 2
    return 0.0, q


def _bfgs_inverse_update(H, s, y):
    """H₊ = (I − ρsyᵀ) H (I − ρysᵀ) + ρssᵀ, ρ = 1/yᵀs (N&W (6.17))."""
    rho = 1.0 / float(y @ s)
    Hy = H @ y
    s_Hy = s[:, None] * Hy  # s Hyᵀ; its transpose is Hy sᵀ (the same products)
    return H - rho * (s_Hy + s_Hy.T) + ((rho**2 * float(y @ Hy) + rho) * s)[:, None] * s
