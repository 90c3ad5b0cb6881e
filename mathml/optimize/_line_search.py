"""Line searches: along a descent direction p from x, a step α with enough decrease.

`line_search` finds a step satisfying the strong Wolfe conditions by Nocedal & Wright's
bracketing phase (Algorithm 3.5) and zoom (Algorithm 3.6), as SciPy's
``line_search_wolfe2``; `_backtracking_armijo` is the simpler backtracking search used by
`gradient_descent` and by the projected steps of L-BFGS-B.
"""
from __future__ import annotations

import math
import warnings
from typing import Any
from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike

from ._inputs import real_vector

__all__ = ["line_search"]


class LineSearchWarning(RuntimeWarning):
    """The line search found no step satisfying the Wolfe conditions (as SciPy's)."""


def line_search(f: Callable, myfprime: Callable, xk: ArrayLike, pk: ArrayLike,
                gfk: ArrayLike | None = None, old_fval: float | None = None,
                old_old_fval: float | None = None, args: tuple = (), c1: float = 1e-4,
                c2: float = 0.9, amax: float | None = None,
                extra_condition: Callable | None = None, maxiter: int = 10) -> tuple:
    r"""A step length satisfying the strong Wolfe conditions.

    With :math:`\phi(\alpha) = f(x_k + \alpha p_k)`, find :math:`\alpha > 0` such that

    .. math::

        \phi(\alpha) \le \phi(0) + c_1 \alpha \phi'(0)
        \quad\text{(sufficient decrease)}, \qquad
        |\phi'(\alpha)| \le c_2 |\phi'(0)| \quad\text{(curvature)},

    with :math:`0 < c_1 < c_2 < 1`.

    Parameters
    ----------
    f : callable ``f(x, *args) -> float``
        The objective.
    myfprime : callable ``myfprime(x, *args) -> ndarray, shape (n,)``
        Its gradient.
    xk : array_like, shape (n,)
        The current point.
    pk : array_like, shape (n,)
        The search direction; it must be a descent direction, ``∇f(xk)·pk < 0``.
    gfk : array_like, shape (n,), optional
        ``∇f(xk)``, computed when omitted.
    old_fval : float, optional
        ``f(xk)``, computed when omitted.
    old_old_fval : float, optional
        f at the previous point: the first trial step is then the one that would repeat the
        previous decrease, ``min(1, 1.01 · 2 (f(xk) − old_old_fval) / φ'(0))``.
    args : tuple
        Extra arguments of `f` and `myfprime`.
    c1, c2 : float
        The constants of the Wolfe conditions.
    amax : float, optional
        The largest step allowed.
    extra_condition : callable ``extra_condition(alpha, x, f, g) -> bool``, optional
        A further test a strong-Wolfe step must pass to be accepted.
    maxiter : int
        The largest number of bracketing steps.

    Returns
    -------
    alpha : float or None
        The step, or None when the search failed.
    fc, gc : int
        The number of evaluations of `f` and of `myfprime`.
    new_fval : float or None
        ``f(xk + alpha pk)``.
    old_fval : float
        ``f(xk)``.
    new_slope : ndarray, shape (n,), or None
        The gradient at the new point (as SciPy returns, despite its name).

    Raises
    ------
    ValueError
        If not ``0 < c1 < c2 < 1``.

    Warns
    -----
    LineSearchWarning
        (a ``RuntimeWarning``) when no step is found.

    Notes
    -----
    *Algorithm* (Nocedal & Wright, Algorithms 3.5 and 3.6):

    1. The first trial step α₁ = 1, or the step repeating the previous decrease.
    2. Bracketing: while φ(α_i) satisfies sufficient decrease and decreases, test the
       curvature condition (accept α_i), else if φ'(α_i) ≥ 0 the interval
       [α_i, α_{i−1}] brackets a step; otherwise double the step.
    3. Zoom: shrink the bracket [α_lo, α_hi] by the minimiser of the cubic through
       (α_lo, α_hi, and the previous end), falling back to the quadratic and then to
       bisection when the minimiser is within 20% (10%) of an end, until a step satisfies
       both conditions (at most 10 zoom steps).

    *Complexity*: a few evaluations of f and ∇f (at most ``maxiter`` bracketing and 10
    zoom steps), each costing what the problem costs, plus O(n) for the directional
    derivative φ'(α) = ∇f(x + αp)ᵀp of each trial.
    *Numerical stability*: the interpolants' minimisers are checked for overflow and
    safeguarded to stay inside the bracket.

    References
    ----------
    Nocedal & Wright, Numerical Optimization, 2nd ed., §3.5 (Algorithms 3.5, 3.6).

    Checked against ``reference.optimize.line_search`` → ``scipy.optimize.line_search``:
    both steps satisfy the strong Wolfe conditions; the same iteration as SciPy's, so the
    same step on the catalog's problems.

    Examples
    --------
    >>> import numpy as np
    >>> from mathml.optimize import line_search
    >>> f = lambda x: x @ x
    >>> grad = lambda x: 2 * x
    >>> alpha, fc, gc, new_f, old_f, g = line_search(f, grad, np.array([1.8, 1.7]),
    ...                                              np.array([-1.0, -1.0]))
    >>> alpha, fc, gc, round(float(new_f), 10), round(float(old_f), 10), g.tolist()
    (1.0, 2, 1, 1.13, 6.13, [1.6, 1.4])
    """
    xk, pk = real_vector(xk, "xk", "line_search"), real_vector(pk, "pk", "line_search")
    counts = {"f": 0, "g": 0}
    last: dict[str, Any] = {"alpha": None, "g": None}  # the last derphi evaluation

    def phi(alpha: float) -> float:
        counts["f"] += 1
        return f(xk + alpha * pk, *args)

    def derphi(alpha: float) -> float:
        counts["g"] += 1
        last["g"] = np.asarray(myfprime(xk + alpha * pk, *args))  # its own type, as SciPy
        last["alpha"] = alpha
        return float(last["g"] @ pk)

    if gfk is None:
        gfk = myfprime(xk, *args)
    accept = None
    if extra_condition is not None:
        def accept(alpha: float, phi_alpha: float) -> bool:
            if last["alpha"] != alpha:
                derphi(alpha)
            return extra_condition(alpha, xk + alpha * pk, phi_alpha, last["g"])

    alpha, phi_star, old_fval, derphi_star = _scalar_search_wolfe(
        phi, derphi, old_fval, old_old_fval, float(np.asarray(gfk, dtype=float) @ pk),
        c1, c2, amax, accept, maxiter)
    if derphi_star is None:
        warnings.warn("The line search algorithm did not converge", LineSearchWarning,
                      stacklevel=2)
        return alpha, counts["f"], counts["g"], phi_star, old_fval, None
    return alpha, counts["f"], counts["g"], phi_star, old_fval, last["g"]


def _scalar_search_wolfe(phi: Callable, derphi: Callable, phi0: float | None,
                         old_phi0: float | None, derphi0: float, c1: float, c2: float,
                         amax: float | None, accept: Callable | None,
                         maxiter: int) -> tuple[Any, Any, float | None, Any]:
    """Algorithm 3.5 on φ: (α*, φ(α*), φ(0), φ'(α*)); α* None on failure."""
    if not 0 < c1 < c2 < 1:
        raise ValueError("'c1' and 'c2' do not satisfy'0 < c1 < c2 < 1'.")
    accept = accept or (lambda alpha, phi_alpha: True)
    if phi0 is None:
        phi0 = phi(0.0)
    # Step 1: the first trial step.
    alpha0, alpha1 = 0.0, 1.0
    if old_phi0 is not None and derphi0 != 0:
        alpha1 = min(1.0, 1.01 * 2 * (phi0 - old_phi0) / derphi0)
        alpha1 = 1.0 if alpha1 < 0 else alpha1
    if amax is not None:
        alpha1 = min(alpha1, amax)
    phi_a0, phi_a1, derphi_a0 = phi0, phi(alpha1), derphi0
    # Step 2: bracketing, doubling the step.
    for i in range(maxiter):
        if alpha1 == 0 or (amax is not None and alpha0 > amax):
            warnings.warn("Rounding errors prevent the line search from converging"
                          if alpha1 == 0 else "The line search algorithm could not find a "
                          f"solution less than or equal to amax: {amax}",
                          LineSearchWarning, stacklevel=3)
            return None, phi0, old_phi0, None
        if phi_a1 > phi0 + c1 * alpha1 * derphi0 or (phi_a1 >= phi_a0 and i > 0):
            return _finish(_zoom(alpha0, alpha1, phi_a0, phi_a1, derphi_a0, phi, derphi,
                                 phi0, derphi0, c1, c2, accept), phi0)
        derphi_a1 = derphi(alpha1)
        if abs(derphi_a1) <= -c2 * derphi0 and accept(alpha1, phi_a1):
            return alpha1, phi_a1, phi0, derphi_a1
        if derphi_a1 >= 0:
            return _finish(_zoom(alpha1, alpha0, phi_a1, phi_a0, derphi_a1, phi, derphi,
                                 phi0, derphi0, c1, c2, accept), phi0)
        alpha0, alpha1 = alpha1, 2 * alpha1 if amax is None else min(2 * alpha1, amax)
        phi_a0, phi_a1, derphi_a0 = phi_a1, phi(alpha1), derphi_a1
    return alpha1, phi_a1, phi0, None


def _finish(zoomed: tuple, phi0: float) -> tuple:
    alpha, phi_alpha, derphi_alpha = zoomed
    return alpha, phi_alpha, phi0, derphi_alpha


def _zoom(a_lo: float, a_hi: float, phi_lo: float, phi_hi: float, derphi_lo: float,
          phi: Callable, derphi: Callable, phi0: float, derphi0: float, c1: float,
          c2: float, accept: Callable) -> tuple:
    """Algorithm 3.6: shrink [α_lo, α_hi] (α_lo the better end, with sufficient decrease)
    until a step satisfies both Wolfe conditions; (α, φ(α), φ'(α)), Nones after 10 steps."""
    # Step 3: zoom.
    delta1, delta2 = 0.2, 0.1     # how close to an end an interpolated step may come
    phi_rec, a_rec = phi0, 0.0    # the end dropped last: a third point for the cubic
    for i in range(11):
        dalpha = a_hi - a_lo
        a, b = (a_hi, a_lo) if dalpha < 0 else (a_lo, a_hi)
        a_j = _cubicmin(a_lo, phi_lo, derphi_lo, a_hi, phi_hi, a_rec, phi_rec) if i > 0 \
            else None
        if a_j is None or a_j > b - delta1 * dalpha or a_j < a + delta1 * dalpha:
            a_j = _quadmin(a_lo, phi_lo, derphi_lo, a_hi, phi_hi)
            if a_j is None or a_j > b - delta2 * dalpha or a_j < a + delta2 * dalpha:
                a_j = a_lo + 0.5 * dalpha
        phi_aj = phi(a_j)
        if phi_aj > phi0 + c1 * a_j * derphi0 or phi_aj >= phi_lo:
            phi_rec, a_rec = phi_hi, a_hi
            a_hi, phi_hi = a_j, phi_aj
            continue
        derphi_aj = derphi(a_j)
        if abs(derphi_aj) <= -c2 * derphi0 and accept(a_j, phi_aj):
            return a_j, phi_aj, derphi_aj
        if derphi_aj * (a_hi - a_lo) >= 0:
            phi_rec, a_rec = phi_hi, a_hi
            a_hi, phi_hi = a_lo, phi_lo
        else:
            phi_rec, a_rec = phi_lo, a_lo
        a_lo, phi_lo, derphi_lo = a_j, phi_aj, derphi_aj
    return None, None, None


def _cubicmin(a: float, fa: float, fpa: float, b: float, fb: float, c: float,
              fc: float) -> float | None:
    """The minimiser of the cubic through (a, fa) with slope fpa, (b, fb) and (c, fc);
    None when it does not exist or overflows."""
    C, db, dc = fpa, b - a, c - a
    denom = (db * dc) ** 2 * (db - dc)
    # [A, B] solves the 2×2 interpolation conditions; on a nearly quadratic φ, A is pure
    # cancellation, so it is formed by the same matrix product as SciPy's (same rounding,
    # same steps)
    D = np.array([[dc ** 2, -db ** 2], [-dc ** 3, db ** 3]])
    A, B = D @ np.array([fb - fa - C * db, fc - fa - C * dc])
    with np.errstate(all="ignore"):
        if not denom:
            return None
        A, B = float(A) / denom, float(B) / denom
        radical = B * B - 3 * A * C
        if not (math.isfinite(A) and math.isfinite(B)) or radical < 0 or A == 0:
            return None
        xmin = a + (-B + math.sqrt(radical)) / (3 * A)
    return xmin if math.isfinite(xmin) else None


def _quadmin(a: float, fa: float, fpa: float, b: float, fb: float) -> float | None:
    """The minimiser of the quadratic through (a, fa) with slope fpa and (b, fb)."""
    db = b - a
    with np.errstate(all="ignore"):
        B = (fb - fa - fpa * db) / (db * db) if db else math.inf
        if not math.isfinite(B) or B == 0:
            return None
        xmin = a - fpa / (2.0 * B)
    return xmin if math.isfinite(xmin) else None


def _backtracking_armijo(phi: Callable, phi0: float, derphi0: float, alpha0: float = 1.0,
                         c1: float = 1e-4, rho: float = 0.5,
                         maxiter: int = 50) -> tuple[float | None, float]:
    """Backtracking (Nocedal & Wright, Algorithm 3.1): halve α from `alpha0` until
    φ(α) ≤ φ(0) + c1 α φ'(0); (α, φ(α)), α None when `maxiter` halvings do not suffice."""
    alpha = alpha0
    for _ in range(maxiter):
        phi_alpha = phi(alpha)
        if phi_alpha <= phi0 + c1 * alpha * derphi0:
            return alpha, phi_alpha
        alpha *= rho
    return None, phi0
