"""Root finding of a scalar function of one variable.

Root finding of a scalar function of one variable: `newton` (Newton–Raphson, the secant
method, Halley's method) starts from a guess; `bisect` and `brentq` start from a bracket
``[a, b]`` where ``f`` changes sign and never leave it. Same signatures, defaults, results
(``RootResults``) and errors as SciPy. (Minimisation follows in this module.)
"""
from __future__ import annotations

import math
import operator
import warnings
from collections import namedtuple
from typing import Any
from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike

from ._inputs import real_number
from ._result import OptimizeResult

__all__ = ["newton", "bisect", "brentq"]

# SciPy's defaults for the bracketing methods: xtol, and rtol = 4·eps, the smallest
# relative tolerance a bracket of floating-point numbers can honour.
_XTOL = 2e-12
_RTOL = 4 * float(np.finfo(np.float64).eps)
_ITER = 100

# Termination flags, as SciPy's codes and words.
_ECONVERGED, _ECONVERR = 0, -2
_FLAGS = {_ECONVERGED: "converged", _ECONVERR: "convergence error"}


class RootResults(OptimizeResult):
    """How a scalar root finder ended: SciPy's ``RootResults`` fields ``root``,
    ``iterations``, ``function_calls``, ``converged``, ``flag`` ("converged" or
    "convergence error") and ``method``."""

    def __init__(self, root: Any, iterations: int, function_calls: int, flag: int,
                 method: str) -> None:
        super().__init__(converged=flag == _ECONVERGED, flag=_FLAGS.get(flag, flag),
                         function_calls=function_calls, iterations=iterations, root=root,
                         method=method)


def _result(full_output: bool, x: Any, function_calls: int, iterations: int, flag: int,
            method: str) -> Any:
    if full_output:
        return x, RootResults(x, iterations, function_calls, flag, method)
    return x


# --- newton ----------------------------------------------------------------------------------

def newton(func: Callable, x0: ArrayLike, fprime: Callable | None = None, args: tuple = (),
           tol: float = 1.48e-08, maxiter: int = 50, fprime2: Callable | None = None,
           x1: float | None = None, rtol: float = 0.0, full_output: bool = False,
           disp: bool = True) -> Any:
    r"""A root of a scalar function by Newton's method, the secant method or Halley's method.

    .. math::

        x_{k+1} = x_k - \frac{f(x_k)}{f'(x_k)} \quad\text{(Newton)}, \qquad
        x_{k+1} = x_k - f(x_k)\,\frac{x_k - x_{k-1}}{f(x_k) - f(x_{k-1})} \quad\text{(secant)},

        x_{k+1} = x_k - \frac{f(x_k)/f'(x_k)}{1 - \tfrac{1}{2} f(x_k) f''(x_k)/f'(x_k)^2}
        \quad\text{(Halley)}.

    Parameters
    ----------
    func : callable
        ``func(x, *args) -> float``.
    x0 : float or array_like
        The starting point. An array solves one problem per entry (``func`` vectorised).
    fprime : callable, optional
        ``fprime(x, *args)``, the derivative: Newton's method. Without it: the secant
        method.
    args : tuple, optional
        Extra arguments of ``func``, ``fprime``, ``fprime2``.
    tol : float, default 1.48e-8
        Absolute tolerance on the step; must be positive.
    maxiter : int, default 50
        Maximum number of iterations; at least 1.
    fprime2 : callable, optional
        The second derivative: with `fprime`, Halley's method.
    x1 : float, optional
        The second starting point of the secant method (default: ``x0`` moved by about
        1e-4 relative).
    rtol : float, default 0.0
        Relative tolerance on the step.
    full_output : bool, default False
        Also return a `RootResults` (scalar `x0`), or the converged and zero-derivative
        masks (array `x0`).
    disp : bool, default True
        Raise RuntimeError when the method fails (scalar `x0`); otherwise warn for a zero
        derivative and report the failure in `RootResults`.

    Returns
    -------
    root : float64, or ndarray of the shape of `x0`
        The last iterate.
    r : RootResults
        With ``full_output`` and a scalar `x0`: ``root``, ``iterations``,
        ``function_calls``, ``converged``, ``flag``, ``method`` ("newton", "secant",
        "halley").
    converged, zero_der : ndarray of bool
        With ``full_output`` and an array `x0`, as a namedtuple ``(root, converged,
        zero_der)``.

    Raises
    ------
    ValueError
        If ``tol <= 0``, ``maxiter < 1`` or ``x1 == x0``.
    RuntimeError
        With ``disp=True``: "Derivative was zero." (Newton), "Tolerance of … reached."
        (secant: two equal function values), "Failed to converge after … iterations";
        for an array `x0`, when every entry fails to converge.

    Warns
    -----
    RuntimeWarning
        A zero derivative with ``disp=False``; for an array `x0`, zero derivatives or some
        entries not converged.

    Notes
    -----
    *Algorithm* (scalar `x0`; an array `x0` runs the same steps on all entries at once):

    1. Newton / Halley: evaluate ``f`` (stop if it is exactly 0) and ``f'`` (a zero
       derivative is a failure); take the Newton step ``f/f'``, shortened by Halley's
       factor ``1/(1 − ½·step·f''/f')`` when that factor's correction is below 1.
    2. Secant: start from ``x0`` and ``x1``, the one with the smaller ``|f|`` last; a
       step needs two different function values (two equal ones are a failure).
    3. Stop when ``|x_{k+1} − x_k| ≤ tol + rtol·|x_k|``; fail after `maxiter` steps.

    Convergence is quadratic (Newton), cubic (Halley) or of order 1.618 (secant) at a
    simple root, but only *linear* at a multiple root: at a double root Newton halves the
    error each step and the secant method multiplies it by about 0.618. The stopping test
    bounds the last step, not the error: at a double root the error is then about as
    large as `tol` (the last step times 1 or 1.6). Worse, ``f`` near a double root r is
    ``≈ c(x − r)²``, below the rounding of ``f`` for ``|x − r| ≲ √eps``: no method
    locates a double root better than about 1e-8.

    *Complexity*: 2 evaluations per Newton step (3 for Halley), 1 per secant step.

    *Numerical stability*: the secant step divides by the larger of the two function
    values, so the ratio it forms is at most 1 and cannot overflow.

    References
    ----------
    Burden & Faires, *Numerical Analysis*, 9th ed., §2.3 (Newton's and the secant method)
    and §2.4 (error analysis; multiple roots converge linearly); Press et al., *Numerical
    Recipes*, 3rd ed., §9.4 (Newton–Raphson, Halley).

    Checked against ``reference.optimize.newton`` → ``scipy.optimize.newton``: the same
    iteration, step for step, so the same root, counts and failures.

    Examples
    --------
    >>> float(newton(lambda x: x ** 3 - 1, 1.5, fprime=lambda x: 3 * x ** 2))
    1.0
    >>> root, r = newton(lambda x: x ** 2 + 2 * x + 1, 0, full_output=True)  # double root
    >>> bool(abs(root + 1) < 2e-8), r.method, r.converged
    (True, 'secant', True)
    """
    if tol <= 0:
        raise ValueError(f"tol too small ({tol:g} <= 0)")
    maxiter = operator.index(maxiter)
    if maxiter < 1:
        raise ValueError("maxiter must be greater than 0")
    if np.size(x0) > 1:
        return _newton_array(func, x0, fprime, args, tol, maxiter, fprime2, full_output)
    # A NumPy scalar (float or complex): x0 * 1.0 keeps a complex start complex.
    x0 = np.asarray(x0)[()] * 1.0
    if fprime is not None:
        outcome = _newton_steps(func, x0, fprime, fprime2, args, tol, rtol, maxiter, disp)
    else:
        outcome = _secant_steps(func, x0, x1, args, tol, rtol, maxiter, disp)
    return _result(full_output, *outcome)


def _close(p: Any, p0: Any, rtol: float, tol: float) -> bool:
    """The stopping test on the step, as ``numpy.isclose(p, p0, rtol, atol=tol)``."""
    return bool(np.isclose(p, p0, rtol=rtol, atol=tol))


def _newton_steps(func, x, fprime, fprime2, args, tol, rtol, maxiter, disp):
    """Steps 1 and 3 for Newton and Halley: (root, calls, iterations, flag, method)."""
    calls, method = 0, "newton"
    for k in range(maxiter):
        fx = func(x, *args)
        calls += 1
        if fx == 0:
            return x, calls, k, _ECONVERGED, method
        dfx = fprime(x, *args)
        calls += 1
        if dfx == 0:
            message = "Derivative was zero."
            if disp:
                raise RuntimeError(f"{message} Failed to converge after {k + 1} iterations, "
                                   f"value is {x}.")
            warnings.warn(message, RuntimeWarning, stacklevel=3)
            return x, calls, k + 1, _ECONVERR, method
        step = fx / dfx
        if fprime2 is not None:
            d2fx = fprime2(x, *args)
            calls += 1
            method = "halley"
            # Halley's correction, only while it stays a moderate change of Newton's step
            # (far from the root it could reverse the direction).
            adj = step * d2fx / dfx / 2
            if np.abs(adj) < 1:
                step /= 1.0 - adj
        x_new = x - step
        if _close(x_new, x, rtol, tol):
            return x_new, calls, k + 1, _ECONVERGED, method
        x = x_new
    return _newton_failed(disp, x_new, calls, maxiter, method)


def _secant_steps(func, x0, x1, args, tol, rtol, maxiter, disp):
    """Steps 2 and 3 for the secant method: (root, calls, iterations, flag, method)."""
    if x1 is not None:
        if x1 == x0:
            raise ValueError("x1 and x0 must be different")
        p1 = x1
    else:
        # A second point 1e-4 away (relative, and absolute for x0 = 0).
        p1 = x0 * (1 + 1e-4)
        p1 += 1e-4 if p1 >= 0 else -1e-4
    p0, q0, q1 = x0, func(x0, *args), func(p1, *args)
    calls = 2
    if abs(q1) < abs(q0):
        p0, p1, q0, q1 = p1, p0, q1, q0
    for k in range(maxiter):
        if q1 == q0:
            return _secant_flat(p0, p1, calls, k, disp)
        # p = p1 − q1 (p1 − p0)/(q1 − q0), written so that the ratio of the two function
        # values it forms is at most 1 in magnitude.
        if abs(q1) > abs(q0):
            p = (-q0 / q1 * p1 + p0) / (1 - q0 / q1)
        else:
            p = (-q1 / q0 * p0 + p1) / (1 - q1 / q0)
        if _close(p, p1, rtol, tol):
            return p, calls, k + 1, _ECONVERGED, "secant"
        p0, q0 = p1, q1
        p1 = p
        q1 = func(p1, *args)
        calls += 1
    return _newton_failed(disp, p, calls, maxiter, "secant")


def _secant_flat(p0, p1, calls, k, disp):
    """Two equal function values: the secant is horizontal and gives no step."""
    if p1 != p0:
        message = f"Tolerance of {p1 - p0} reached."
        if disp:
            raise RuntimeError(f"{message} Failed to converge after {k + 1} iterations, "
                               f"value is {p1}.")
        warnings.warn(message, RuntimeWarning, stacklevel=4)
    return (p1 + p0) / 2.0, calls, k + 1, _ECONVERR, "secant"


def _newton_failed(disp, x, calls, iterations, method):
    """Step 3's failure: maxiter steps without meeting the tolerance."""
    if disp:
        raise RuntimeError(f"Failed to converge after {iterations} iterations, value is {x}.")
    return x, calls, iterations, _ECONVERR, method


def _newton_array(func, x0, fprime, args, tol, maxiter, fprime2, full_output):
    """All entries of an array `x0` at once: steps 1–3 on arrays, entries that are done
    (converged, or with a zero derivative) left in place."""
    p = np.array(x0, copy=True)
    failures = np.ones_like(p, dtype=bool)
    nonzero = np.ones_like(failures)
    if fprime is not None:
        p, failures, nonzero = _newton_array_steps(func, p, fprime, fprime2, args, tol,
                                                   maxiter, failures, nonzero)
    else:
        p, p1, failures, nonzero = _secant_array_steps(func, p, args, tol, maxiter,
                                                       failures, nonzero)
    zero_der = ~nonzero & failures
    if zero_der.any():
        if fprime is None:
            moved = zero_der & (p1 != p)
            if moved.any():
                rms = math.sqrt(sum((p1[moved] - p[moved]) ** 2))
                warnings.warn(f"RMS of {rms:g} reached", RuntimeWarning, stacklevel=3)
        else:
            which = "all" if zero_der.all() else "some"
            warnings.warn(f"{which} derivatives were zero", RuntimeWarning, stacklevel=3)
    elif failures.any():
        which = "all" if failures.all() else "some"
        message = f"{which} failed to converge after {maxiter:d} iterations"
        if failures.all():
            raise RuntimeError(message)
        warnings.warn(message, RuntimeWarning, stacklevel=3)
    if full_output:
        return namedtuple("result", ("root", "converged", "zero_der"))(p, ~failures, zero_der)
    return p


def _newton_array_steps(func, p, fprime, fprime2, args, tol, maxiter, failures, nonzero):
    for _ in range(maxiter):
        fval = np.asarray(func(p, *args))
        if not fval.any():
            failures = fval.astype(bool)
            break
        fder = np.asarray(fprime(p, *args))
        nonzero = fder != 0
        if not nonzero.any():
            break
        step = fval[nonzero] / fder[nonzero]
        if fprime2 is not None:
            fder2 = np.asarray(fprime2(p, *args))
            step = step / (1.0 - 0.5 * step * fder2[nonzero] / fder[nonzero])
        p = np.asarray(p, dtype=np.result_type(p, step, np.float64))
        p[nonzero] -= step
        failures[nonzero] = np.abs(step) >= tol
        if not failures[nonzero].any():
            break
    return p, failures, nonzero


def _secant_array_steps(func, p, args, tol, maxiter, failures, nonzero):
    dx = float(np.finfo(float).eps) ** 0.33
    p1 = p * (1 + dx) + np.where(p >= 0, dx, -dx)
    q0, q1 = np.asarray(func(p, *args)), np.asarray(func(p1, *args))
    active = np.ones_like(p, dtype=bool)
    for _ in range(maxiter):
        nonzero = q1 != q0
        if not nonzero.any():
            p = (p1 + p) / 2.0
            break
        step = (q1 * (p1 - p))[nonzero] / (q1 - q0)[nonzero]
        p = np.asarray(p, dtype=np.result_type(p, p1, step, np.float64))
        p[nonzero] = p1[nonzero] - step
        flat = ~nonzero & active
        p[flat] = (p1 + p)[flat] / 2.0
        active &= nonzero
        failures[nonzero] = np.abs(step) >= tol
        if not failures[nonzero].any():
            break
        p1, p = p, p1
        q0, q1 = q1, np.asarray(func(p1, *args))
    return p, p1, failures, nonzero


# --- bracketing methods ------------------------------------------------------------------------

def bisect(f: Callable, a: float, b: float, args: tuple = (), xtol: float = _XTOL,
           rtol: float = _RTOL, maxiter: int = _ITER, full_output: bool = False,
           disp: bool = True) -> Any:
    r"""A root of a continuous function in a bracket where it changes sign, by bisection.

    .. math::

        m = \tfrac{1}{2}(a + b), \qquad [a, b] \leftarrow
        \begin{cases} [m, b] & \operatorname{sign} f(m) = \operatorname{sign} f(a) \\
                      [a, m] & \text{otherwise} \end{cases}

    Parameters
    ----------
    f : callable
        ``f(x, *args) -> float``, continuous on ``[a, b]``.
    a, b : float
        The bracket: ``f(a)`` and ``f(b)`` of opposite signs (either order).
    args : tuple, optional
        Extra arguments of ``f`` (a non-tuple is one argument).
    xtol : float, default 2e-12
        Absolute tolerance, positive.
    rtol : float, default 4·eps ≈ 8.9e-16
        Relative tolerance, at least its default.
    maxiter : int, default 100
        Maximum number of halvings, ≥ 0.
    full_output : bool, default False
        Also return a `RootResults`.
    disp : bool, default True
        Raise RuntimeError when `maxiter` is reached.

    Returns
    -------
    root : float
        Within ``xtol + rtol·|root|`` of a root of ``f`` in the bracket.
    r : RootResults
        With ``full_output``: ``root``, ``iterations``, ``function_calls``, ``converged``,
        ``flag``, ``method`` ("bisect").

    Raises
    ------
    ValueError
        "f(a) and f(b) must have different signs"; a NaN value of ``f`` ("The function
        value at x=… is NaN; solver cannot continue."); ``xtol <= 0``, ``rtol < 4·eps`` or
        ``maxiter < 0``.
    RuntimeError
        "Failed to converge after … iterations." when `disp` and `maxiter` is reached.

    Notes
    -----
    *Algorithm*:

    1. Evaluate both ends: a zero is returned at once, equal signs are an error.
    2. Halve the bracket: its midpoint replaces the end whose ``f`` has the same sign
       (the sign bit, so that ``-0.0`` and ``+0.0`` are told apart as SciPy does).
    3. Stop when ``f(m) = 0`` or the half-width is below ``xtol + rtol·|m|``: the root is
       within that distance of m.

    *Complexity*: ``⌈log₂(|b − a| / xtol)⌉`` evaluations: one bit per step.

    *Numerical stability*: the midpoint is ``a + (b − a)/2``, which stays inside the
    bracket; only the sign of ``f`` is used, so any ``f`` whose sign is right works.

    References
    ----------
    Burden & Faires, *Numerical Analysis*, 9th ed., §2.1 (the bisection method).

    Checked against ``reference.optimize.bisect`` → ``scipy.optimize.bisect``: the same
    halvings, so the same root.

    Examples
    --------
    >>> bisect(lambda x: x ** 2 - 1, 0, 2)
    1.0
    >>> round(bisect(lambda x: x ** 2 - 2, 0, 2), 10)
    1.4142135624
    """
    f, args, maxiter = _bracket_arguments(f, args, xtol, rtol, maxiter)
    # Step 1: the ends.
    a, b = real_number(a, "a", "bisect"), real_number(b, "b", "bisect")
    fa, fb = f(a, *args), f(b, *args)
    if fa == 0:
        return _result(full_output, a, 2, 0, _ECONVERGED, "bisect")
    if fb == 0:
        return _result(full_output, b, 2, 0, _ECONVERGED, "bisect")
    if math.copysign(1, fa) == math.copysign(1, fb):
        raise ValueError("f(a) and f(b) must have different signs")
    half = b - a
    for k in range(maxiter):
        # Step 2: halve; keep the end a whose f has the sign f(a) had.
        half *= 0.5
        m = a + half
        fm = f(m, *args)
        if math.copysign(1, fm) == math.copysign(1, fa):
            a = m
        # Step 3: the root is within |half| of m.
        if fm == 0 or abs(half) < xtol + rtol * abs(m):
            return _result(full_output, m, 3 + k, k + 1, _ECONVERGED, "bisect")
    return _not_converged(full_output, disp, a, 2 + maxiter, maxiter, "bisect")


def brentq(f: Callable, a: float, b: float, args: tuple = (), xtol: float = _XTOL,
           rtol: float = _RTOL, maxiter: int = _ITER, full_output: bool = False,
           disp: bool = True) -> Any:
    r"""A root of a continuous function in a bracket where it changes sign, by Brent's method.

    Inverse quadratic interpolation through the last three points (the secant when only
    two are distinct), safeguarded by bisection: each step keeps a bracket ``[b, c]``
    with ``f(b) f(c) < 0`` and ``|f(b)| ≤ |f(c)|``, and tries

    .. math::

        x = \frac{a\, f_b f_c}{(f_a - f_b)(f_a - f_c)} + \frac{b\, f_a f_c}{(f_b - f_a)(f_b - f_c)}
          + \frac{c\, f_a f_b}{(f_c - f_a)(f_c - f_b)},

    the value at y = 0 of the quadratic x(y) through the three points
    ``(f_a, a), (f_b, b), (f_c, c)`` (Lagrange's form).

    Parameters
    ----------
    f, a, b, args, xtol, rtol, maxiter, full_output, disp
        As in `bisect`.

    Returns
    -------
    root : float
        Within ``xtol + rtol·|root|`` of a root of ``f`` in the bracket.
    r : RootResults
        With ``full_output`` (method "brentq").

    Raises
    ------
    ValueError, RuntimeError
        As `bisect`.

    Notes
    -----
    *Algorithm* (Brent 1973, procedure *zero*):

    1. Evaluate both ends: a zero is returned at once, equal signs are an error.
    2. Keep ``b`` the best point, ``c`` the other end of the bracket, ``a`` the previous
       ``b``: a sign change restarts ``c = a``; swap so that ``|f(b)| ≤ |f(c)|``.
    3. Stop when ``f(b) = 0`` or the half-bracket ``|c − b|/2`` is below
       ``δ = (xtol + rtol·|b|)/2``: the root is within ``2δ`` of b.
    4. Interpolate (inverse quadratic through a, b, c, or the secant through b and a when
       a = c), and accept the step only if it lands well inside the bracket (less than
       ¾ of the way to c) and is less than half the step before last: otherwise bisect.
       That guard makes two steps at least halve the bracket.
    5. Move b by the step, or by δ at least, and evaluate.

    *Complexity*: superlinear (order ≈ 1.84) near a simple root, never more than about
    twice the evaluations of bisection.

    *Numerical stability*: the interpolation is written as a correction ``p/q`` to b, and
    a step is never smaller than δ, so rounding cannot stall it.

    References
    ----------
    Brent, *Algorithms for Minimization without Derivatives*, Prentice-Hall 1973, ch. 4;
    Press et al., *Numerical Recipes*, 3rd ed., §9.3 (Van Wijngaarden–Dekker–Brent).

    Checked against ``reference.optimize.brentq`` → ``scipy.optimize.brentq``: both return
    a point within ``xtol + rtol·|x|`` of the root, so they agree within twice that; the
    iterates, and so ``iterations`` and ``function_calls``, differ (SciPy runs a variant
    of Brent's method by C. Harris).

    Examples
    --------
    >>> brentq(lambda x: x ** 2 - 1, 0, 2)
    1.0
    >>> round(brentq(lambda x: np.cos(x) - x, 0, 1), 12)
    0.739085133215
    """
    f, args, maxiter = _bracket_arguments(f, args, xtol, rtol, maxiter)
    # Step 1: the ends.
    a, b = real_number(a, "a", "brentq"), real_number(b, "b", "brentq")
    fa, fb = f(a, *args), f(b, *args)
    if np.sign(fa) * np.sign(fb) > 0:
        raise ValueError("f(a) and f(b) must have different signs")
    if fa == 0:
        return _result(full_output, a, 2, 0, _ECONVERGED, "brentq")
    if fb == 0:
        return _result(full_output, b, 2, 0, _ECONVERGED, "brentq")
    c, fc = a, fa
    d = e = b - a  # the last step and the one before
    for k in range(maxiter):
        # Step 2: [b, c] brackets the root and b is the best point.
        if np.sign(fb) == np.sign(fc):
            c, fc = a, fa
            d = e = b - a
        if abs(fc) < abs(fb):
            a, b, c, fa, fb, fc = b, c, b, fb, fc, fb
        # Step 3: converged?
        delta = (xtol + rtol * abs(b)) / 2
        m = (c - b) / 2
        if fb == 0 or abs(m) <= delta:
            return _result(full_output, b, 2 + k, k + 1, _ECONVERGED, "brentq")
        # Step 4: interpolate, or bisect.
        d, e = _brent_step(a, b, c, fa, fb, fc, d, e, m, delta)
        # Step 5: a step of at least delta.
        a, fa = b, fb
        b += d if abs(d) > delta else math.copysign(delta, m)
        fb = f(b, *args)
    return _not_converged(full_output, disp, b, 2 + maxiter, maxiter, "brentq")


def _brent_step(a, b, c, fa, fb, fc, d, e, m, delta):
    """Step 4: the next step d (and the previous one, e) from b: interpolation when it is
    safe, else bisection ``d = e = m``."""
    if abs(e) < delta or abs(fa) <= abs(fb):
        return m, m  # the previous step was tiny, or a was no better than b
    s = fb / fa
    if a == c:  # two distinct points: the secant
        p, q = 2 * m * s, 1 - s
    else:  # inverse quadratic interpolation through a, b, c
        q, r = fa / fc, fb / fc
        p = s * (2 * m * q * (q - r) - (b - a) * (r - 1))
        q = (q - 1) * (r - 1) * (s - 1)
    p, q = (p, -q) if p > 0 else (-p, q)  # the step is p/q with p ≥ 0
    # Accept: inside ¾ of the bracket, and shorter than half the step before last.
    if 2 * p < 3 * m * q - abs(delta * q) and p < abs(e * q / 2):
        return p / q, d
    return m, m


def _bracket_arguments(f, args, xtol, rtol, maxiter):
    """Validation as SciPy's, and `f` wrapped to refuse NaN (bisection cannot compare it)."""
    if not isinstance(args, tuple):
        args = (args,)
    maxiter = operator.index(maxiter)
    if xtol <= 0:
        raise ValueError(f"xtol too small ({xtol:g} <= 0)")
    if rtol < _RTOL:
        raise ValueError(f"rtol too small ({rtol:g} < {_RTOL:g})")
    if maxiter < 0:
        raise ValueError("maxiter must be >= 0")

    def f_checked(x: float, *args: Any) -> float:
        fx = float(f(x, *args))
        if math.isnan(fx):
            raise ValueError(f"The function value at x={x} is NaN; solver cannot continue.")
        return fx

    return f_checked, args, maxiter


def _not_converged(full_output, disp, x, function_calls, iterations, method):
    if disp:
        raise RuntimeError(f"Failed to converge after {iterations} iterations.")
    return _result(full_output, x, function_calls, iterations, _ECONVERR, method)
