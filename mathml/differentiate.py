"""Numerical differentiation: the counterpart of ``scipy.differentiate``.

Every function here rests on one algorithm, `derivative`: central differences at a
geometric sequence of steps ``h, h/c, h/c², …``, combined by Richardson extrapolation into
a formula of high order, with the step reduced until two successive extrapolated estimates
agree. `jacobian` applies it to every coordinate at once, `hessian` to the Jacobian, and
`partial`, `gradient` and `directional_derivative` are the textbook special cases.

The callables follow SciPy's conventions, so the same ``f`` works in both backends:
`derivative` calls an elementwise ``f(x, *args)`` with arrays of abscissae; the
multivariate functions call ``f(x)`` with ``x`` of shape ``(m, ...)`` — the first axis holds
the m coordinates of a point, the remaining axes several points evaluated in one call.
"""
from __future__ import annotations

import operator
import warnings
from typing import Any
from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._result import RichResult

__all__ = ["derivative", "partial", "gradient", "jacobian", "hessian",
           "directional_derivative"]

# Termination statuses, SciPy's codes.
_ECONVERGED = 0          # the error estimate met the tolerances
_EERRORINCREASE = -1     # the error estimate grew tenfold: rounding has taken over
_ECONVERR = -2           # maxiter iterations were not enough
_EVALUEERR = -3          # a non-finite value appeared
_ECALLBACK = -4          # the callback raised StopIteration
_EINPROGRESS = 1         # still iterating (seen by the callback only)

_EPS = float(np.finfo(np.float64).eps)
_TINY = float(np.finfo(np.float64).smallest_normal)


class DerivativeResult(RichResult):
    """The result of `derivative`, `jacobian` and `hessian`, with SciPy's field names.

    A dictionary whose entries are also attributes (``res.df`` is ``res["df"]``), like the
    ``_RichResult`` SciPy returns. Each field has the shape of the derivative: entry ``i``
    of ``nfev`` counts the evaluations spent on entry ``i`` of ``df``.
    """


# --- derivative ------------------------------------------------------------------------------

def derivative(f: Callable, x: ArrayLike, *, args: tuple = (), tolerances: dict | None = None,
               maxiter: int = 10, order: int = 8, initial_step: ArrayLike = 0.5,
               step_factor: float = 2.0, step_direction: ArrayLike = 0,
               preserve_shape: bool = False, callback: Callable | None = None,
               ) -> DerivativeResult:
    r"""Derivative of an elementwise function by extrapolated finite differences.

    .. math::

        D(h) = \frac{f(x+h) - f(x-h)}{2h} = f'(x) + a_1 h^2 + a_2 h^4 + \dots,
        \qquad T_{j,l} = T_{j,l-1} + \frac{T_{j,l-1} - T_{j-1,l-1}}{c^{2l} - 1},

    with ``T_{j,0} = D(h/c^j)``: each column of the Richardson tableau cancels the next
    power of ``h``, so ``T_{n-1,n-1}`` built from ``n = order/2`` steps is exact for
    polynomials of degree ``order``.

    Parameters
    ----------
    f : callable
        ``f(xi, *argsi) -> ndarray``, elementwise: ``f(xi)[j] == f(xi[j])``. It is called
        with arrays of shape ``shape + (p,)``, p abscissae per element (once, first, with
        shape ``shape``); see `preserve_shape`.
    x : array_like of float
        Points at which to differentiate; broadcast with `args`, `initial_step` and
        `step_direction` to ``shape``.
    args : tuple of array_like, optional, keyword-only
        Further arguments of ``f``, broadcastable with `x`.
    tolerances : dict, optional, keyword-only
        ``atol`` (default: the smallest normal float, 2.2e-308) and ``rtol`` (default:
        √eps ≈ 1.5e-8): an element stops when ``error < atol + rtol·|df|``.
    maxiter : int, default 10, keyword-only
        Iterations: the first evaluates ``order`` points, each further one 2 points.
    order : int, default 8, keyword-only
        Order of the formula; odd orders are rounded up to the next even one.
    initial_step : array_like, default 0.5, keyword-only
        The first (largest) step ``h``; a step ≤ 0 gives NaN.
    step_factor : float, default 2.0, keyword-only
        ``c``: each iteration divides the step by it (``c < 1`` makes steps grow).
    step_direction : array_like of int, default 0, keyword-only
        0: central differences; > 0: steps ``x + h``; < 0: steps ``x − h`` only (for
        points at the edge of the domain of ``f``).
    preserve_shape : bool, default False, keyword-only
        If True, ``f`` may return an array of a larger shape than `x` (a vector-valued
        function of `x`); the result takes the broadcast shape, and ``f`` is always called
        with `x`'s own shape (plus the trailing axis of abscissae).
    callback : callable, optional, keyword-only
        Called as ``callback(res)`` before the first iteration and after each, with the
        current `DerivativeResult` (status 1 where still iterating); raising
        ``StopIteration`` stops the iteration (status −4).

    Returns
    -------
    res : DerivativeResult
        Fields, each of shape ``shape`` (NumPy scalars when it is ``()``):
        ``success`` (bool, status 0), ``status`` (int32: 0 converged, −1 error estimate
        increased, −2 maxiter reached, −3 non-finite value, −4 stopped by the callback),
        ``df`` (float64), ``error`` (float64: ``|df − previous estimate|``), ``nit``
        (int32), ``nfev`` (int32), ``x`` (float64, the broadcast abscissae).

    Raises
    ------
    ValueError
        If `f` or `callback` is not callable, a tolerance or `step_factor` is negative or
        NaN, `step_factor` is 1, `maxiter` or `order` is not a positive integer, the shape of ``f(x)`` is not
        the broadcast shape, or `x` or ``f(x)`` is complex.

    Notes
    -----
    *Algorithm*:

    1. Evaluate ``f(x)`` once: it fixes the shape of the result and anchors one-sided
       stencils.
    2. Evaluate ``f`` at the new abscissae: first ``x ± h/c^j`` for ``j < n``, then each
       iteration the one pair ``x ± h/c^(n−1)`` for the current ``h`` (one-sided:
       ``x + s·h/d^j``, ``d = √c``, ``j < 2n``, then two points per iteration).
    3. Turn them into first-level estimates: central differences ``D(h_j)``, or forward /
       backward differences ``F(h_j) = (f(x + s h_j) − f(x)) / (s h_j)``.
    4. Richardson-extrapolate the latest ``n`` central levels (ratio ``c²`` per level), or
       the latest ``2n`` one-sided levels (ratio ``d``, since their error has every power
       of ``h``).
    5. Estimate the error as the change from the previous estimate, stop each element
       that converged, met a non-finite value or whose error grew tenfold, and divide
       the step by ``c``.

    Nested steps make each iteration cost 2 evaluations: the formula of iteration k uses
    the levels ``k … k+n−1``, of which only the last is new. This is SciPy's stencil; the
    tableau yields the same formula as SciPy's precomputed weights, so the two backends
    differ by rounding only.

    *Complexity*: ``order + 1 + 2·(nit − 1)`` evaluations of ``f`` per element, all
    elements in one call of ``f`` per iteration; O(order²) array operations per iteration.

    *Numerical stability*: the truncation error falls as ``h^order`` while the rounding
    error of the differences grows as ``eps·|f|/h``; the tenfold-increase test stops the
    iteration once rounding dominates. The extrapolation is done on the differences, not
    with large alternating weights, so it adds little rounding of its own. At a point
    where the derivative is exactly 0 the default (purely relative) tolerance cannot be
    met: give ``atol``.

    References
    ----------
    Burden & Faires, *Numerical Analysis*, 9th ed., §4.1 (three- and five-point formulas)
    and §4.2 (Richardson's extrapolation); Press et al., *Numerical Recipes*, 3rd ed.,
    §5.7 (Ridders' extrapolated differences and the choice of step).

    Checked against ``reference.differentiate.derivative`` →
    ``scipy.differentiate.derivative``: the same stencils and stopping rule, so ``df``,
    ``status``, ``nit`` and ``nfev`` agree; ``df`` and ``error`` differ by rounding.
    SciPy keeps float32 inputs in float32; here everything is float64.

    Examples
    --------
    >>> res = derivative(np.exp, [0.0, 1.0])
    >>> res.df.round(10), res.success, res.nit
    (array([1.        , 2.71828183]), array([ True,  True]), array([2, 2], dtype=int32))
    >>> float(derivative(np.sin, 0.0, step_direction=1).df.round(12))
    1.0
    """
    (x, args, h, s, atol, rtol, maxiter, n, c) = _derivative_arguments(
        f, x, args, tolerances, maxiter, order, initial_step, step_factor, step_direction,
        preserve_shape, callback)
    # Step 1: f(x) once, for the shape and as the anchor of one-sided differences.
    f_x, evaluate = _first_evaluation(f, x, args, preserve_shape)
    x, h, s = (np.broadcast_to(a, f_x.shape) for a in (x, h, s))
    h = np.where(h > 0, h, np.nan)
    central = s == 0
    res = _start_result(f_x.shape, x)
    D = F = np.empty(f_x.shape + (0,))  # central and one-sided levels, finest last
    active = np.ones(f_x.shape, dtype=bool)
    halted = _halted_by(callback, res)
    for k in range(maxiter):
        if halted or not active.any():
            break
        # Step 2: one call of f at every new abscissa.
        hc, ho = _new_steps(h, k, n, c)
        f_t = evaluate(np.where(central[..., None],
                                x[..., None] + np.concatenate([-hc, hc], axis=-1),
                                x[..., None] + s[..., None] * ho))
        res["nfev"] += np.where(active, f_t.shape[-1], 0).astype(np.int32)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            # Step 3: first-level estimates (only one of the two is meaningful per element).
            q = hc.shape[-1]
            D = np.concatenate([D, (f_t[..., q:] - f_t[..., :q]) / (2 * hc)], axis=-1)
            F = np.concatenate([F, (f_t - f_x[..., None]) / (s[..., None] * ho)], axis=-1)
            # Step 4: extrapolate over the levels of this iteration's formula.
            df = np.where(central, _richardson(D[..., -n:], c ** 2),
                          _richardson(F[..., -2 * n:], c ** 0.5))
            # Step 5: error estimate, termination, smaller step.
            active = _update(res, active, df, x, k + 1, atol, rtol)
        h = h / c
        halted = _halted_by(callback, res)
    res["status"][active] = _ECALLBACK if halted else _ECONVERR
    return _finish(res)


_COMPLEX_DIRECTION = ("`step_direction` must be real: its sign chooses the stencil "
                      "(central, forward or backward)")


def _derivative_arguments(f, x, args, tolerances, maxiter, order, initial_step, step_factor,
                          step_direction, preserve_shape, callback):
    """Validate as SciPy does (same messages) and standardise the arguments."""
    if not callable(f):
        raise ValueError("`f` must be callable.")
    args = tuple(args) if np.iterable(args) else (args,)
    tolerances = {} if tolerances is None else tolerances
    atol, rtol = tolerances.get("atol"), tolerances.get("rtol")
    tols = np.asarray([1 if atol is None else atol, 1 if rtol is None else rtol, step_factor])
    if (not np.issubdtype(tols.dtype, np.number) or np.any(tols < 0)
            or np.any(np.isnan(tols)) or tols.shape != (3,)):
        raise ValueError("Tolerances and step parameters must be non-negative scalars.")
    if tols[2] == 1:
        raise ValueError("`step_factor` must not be 1: the steps of successive iterations "
                         "would coincide")
    if int(maxiter) != maxiter or maxiter <= 0:
        raise ValueError("`maxiter` must be a positive integer.")
    if int(order) != order or order <= 0:
        raise ValueError("`order` must be a positive integer.")
    if preserve_shape not in {True, False}:
        raise ValueError("`preserve_shape` must be True or False.")
    if callback is not None and not callable(callback):
        raise ValueError("`callback` must be callable.")
    x = np.asarray(x)
    if np.iscomplexobj(x):
        raise ValueError("Abscissae and function output must be real numbers.")
    if np.iscomplexobj(step_direction):
        raise ValueError(_COMPLEX_DIRECTION)
    x, s, h = np.broadcast_arrays(x.astype(np.float64), np.sign(step_direction),
                                  np.asarray(initial_step, dtype=np.float64))
    atol = _TINY if atol is None else float(atol)
    rtol = _EPS ** 0.5 if rtol is None else float(rtol)
    return x, args, h, s, atol, rtol, int(maxiter), (int(order) + 1) // 2, float(tols[2])


def _first_evaluation(f, x, args, preserve_shape):
    """``f(x)`` broadcast to the result's shape, and the function that evaluates ``f`` at an
    array of abscissae of shape ``result_shape + (p,)``."""
    x, *args = np.broadcast_arrays(x, *(np.asarray(a) for a in args))
    f_x = np.asarray(f(x, *args))
    shape = np.broadcast_shapes(f_x.shape, x.shape) if preserve_shape else x.shape
    if f_x.shape != shape:
        raise ValueError("When `preserve_shape=False`, the shape of the array returned by "
                         "`func` must be the same as the broadcasted shape of `x` and all "
                         "other `args`.")
    if np.iscomplexobj(f_x) or not np.issubdtype(f_x.dtype, np.number):
        raise ValueError("Abscissae and function output must be real numbers.")
    args = [a[..., None] for a in args]
    extra = len(shape) - x.ndim  # leading axes that f adds (vector-valued f)

    def evaluate(t: NDArray) -> NDArray:
        # Along the added axes the abscissae are all equal: pass f x's own shape.
        values = f(t[(0,) * extra], *args)
        return np.broadcast_to(np.asarray(values, dtype=np.float64), t.shape)

    return f_x.astype(np.float64), evaluate


def _new_steps(h: NDArray, k: int, n: int, c: float) -> tuple[NDArray, NDArray]:
    """Steps of the levels added in iteration k (h is the current step h0/c^k): central
    ``h/c^j`` for ``j < n`` then ``h/c^(n−1)``; one-sided ``h/d^j`` for ``j < 2n`` then
    ``h/c^(n−1)`` and ``h/(d c^(n−1))``, ``d = √c``: both sequences shrink by c per
    iteration, so the formula slides down by one level pair at a time."""
    d = c ** 0.5
    if k == 0:
        return h[..., None] / c ** np.arange(n), h[..., None] / d ** np.arange(2 * n)
    return h[..., None] / c ** (n - 1), np.stack([h, h / d], axis=-1) / c ** (n - 1)


def _richardson(T: NDArray, r: float) -> NDArray:
    """Neville's tableau over the last axis (levels with steps h, h/ρ, h/ρ², …, where
    ``r = ρ^p`` for an error expansion in ``h^p, h^2p, …``): column l cancels ``h^(lp)``."""
    for l in range(1, T.shape[-1]):
        T = T[..., 1:] + (T[..., 1:] - T[..., :-1]) / (r ** l - 1)
    return T[..., 0]


def _start_result(shape: tuple, x: NDArray) -> dict:
    return {"success": np.zeros(shape, dtype=bool),
            "status": np.full(shape, _EINPROGRESS, dtype=np.int32),
            "df": np.full(shape, np.nan), "error": np.full(shape, np.nan),
            "nit": np.zeros(shape, dtype=np.int32), "nfev": np.ones(shape, dtype=np.int32),
            "x": np.array(x, dtype=np.float64)}


def _update(res: dict, active: NDArray, df: NDArray, x: NDArray, nit: int, atol: float,
            rtol: float) -> NDArray:
    """Record this iteration's estimate for the active elements and stop those that are
    done, in SciPy's order of tests; return the elements still active."""
    error = np.abs(df - res["df"])
    converged = error < atol + rtol * np.abs(df)
    not_finite = ~converged & ~(np.isfinite(x) & np.isfinite(df))
    # Smaller steps only add rounding error once the error estimate starts to grow.
    worse = ~converged & ~not_finite & (error > 10 * res["error"])
    status = np.select([converged, not_finite, worse],
                       [_ECONVERGED, _EVALUEERR, _EERRORINCREASE], _EINPROGRESS)
    res["df"][active] = np.where(not_finite, np.nan, df)[active]
    res["error"][active] = error[active]
    res["status"][active] = status[active]
    res["nit"][active] = nit
    return active & (status == _EINPROGRESS)


def _halted_by(callback: Callable | None, res: dict) -> bool:
    if callback is None:
        return False
    try:
        callback(_finish(res, copy=True))
    except StopIteration:
        return True
    return False


def _finish(res: dict, copy: bool = False) -> DerivativeResult:
    """The result object: ``success`` from ``status``; 0-d fields become NumPy scalars."""
    out = DerivativeResult((k, v.copy() if copy else v) for k, v in res.items())
    out["success"] = out["status"] == _ECONVERGED
    for k, v in out.items():
        out[k] = v[()] if v.ndim == 0 else v
    return out


# --- jacobian and hessian ----------------------------------------------------------------------

def jacobian(f: Callable, x: ArrayLike, *, tolerances: dict | None = None, maxiter: int = 10,
             order: int = 8, initial_step: ArrayLike = 0.5, step_factor: float = 2.0,
             step_direction: ArrayLike = 0) -> DerivativeResult:
    r"""Jacobian matrix of a function of several variables by extrapolated differences.

    .. math::

        J_{ij}(x) = \frac{\partial f_i}{\partial x_j}(x)
                  = \frac{d}{dt} f_i(x + t\,e_j)\Big|_{t=0}.

    Parameters
    ----------
    f : callable
        ``f(xi) -> ndarray``: ``xi`` of shape ``(m, ...)`` (axis 0 the m coordinates,
        further axes several points), returning shape ``(n, ...)``, or ``(...)`` for a
        scalar function.
    x : (m, ...) array_like of float
        The point (or, with more axes, the points); at least 1-D.
    tolerances, maxiter, order, initial_step, step_factor, step_direction
        As in `derivative` (keyword-only); `initial_step` and `step_direction` may differ
        per coordinate.

    Returns
    -------
    res : DerivativeResult
        ``df`` of shape ``(n, m, ...)`` (``(m, ...)``: the gradient, for a scalar ``f``),
        and ``success``, ``status``, ``error``, ``nit``, ``nfev`` of the same shape, entry
        by entry.

    Raises
    ------
    ValueError
        If `x` is 0-d ("Argument `x` must be at least 1-D."), or as `derivative`.

    Notes
    -----
    *Algorithm*:

    1. Build the m lines through x along the coordinate axes: ``X[:, j] = x`` with its
       coordinate j replaced by the abscissa ``t_j``.
    2. Differentiate ``t ↦ f(X(t))`` with `derivative` (``preserve_shape=True``): all
       m·n partial derivatives in one vectorised iteration, each entry with its own
       convergence test.

    *Complexity*: ``m·(order + 1 + 2(nit − 1))`` points in ``1 + nit`` calls of ``f``.

    *Numerical stability*: as `derivative`, entry by entry.

    References
    ----------
    Nocedal & Wright, *Numerical Optimization*, 2nd ed., §8.1 (finite-difference
    approximations of gradients and Jacobians).

    Checked against ``reference.differentiate.jacobian`` → ``scipy.differentiate.jacobian``:
    the same construction; the entries differ by rounding.

    Examples
    --------
    >>> f = lambda x: np.stack([x[0] * x[1], np.sin(x[0])])
    >>> jacobian(f, [0.0, 2.0]).df.round(10)
    array([[2., 0.],
           [1., 0.]])
    """
    x0 = np.asarray(x)
    x0 = x0.astype(np.float64) if not np.iscomplexobj(x0) else x0
    if x0.ndim < 1:
        raise ValueError("Argument `x` must be at least 1-D.")
    m = x0.shape[0]
    i = np.arange(m)

    def along_each_axis(t: NDArray) -> Any:
        # Step 1: X[:, j] is x with coordinate j replaced by t[j] (and a trailing axis of
        # abscissae when t has one).
        trailing = (1,) * (t.ndim - x0.ndim)
        X = np.array(np.broadcast_to(x0[:, None].reshape((m, 1) + x0.shape[1:] + trailing),
                                     (m, m) + t.shape[1:]))
        X[i, i] = t
        return f(X)

    # Step 2: all partial derivatives at once.
    res = derivative(along_each_axis, x0, tolerances=tolerances, maxiter=maxiter, order=order,
                     initial_step=initial_step, step_factor=step_factor,
                     step_direction=step_direction, preserve_shape=True)
    del res.x  # the broadcast abscissae mean nothing to the caller
    return res


def hessian(f: Callable, x: ArrayLike, *, tolerances: dict | None = None, maxiter: int = 10,
            order: int = 8, initial_step: ArrayLike = 0.5,
            step_factor: float = 2.0) -> DerivativeResult:
    r"""Hessian matrix of a scalar function: the Jacobian of its gradient.

    .. math::

        H_{ij}(x) = \frac{\partial^2 f}{\partial x_i \partial x_j}(x)
                  = \frac{\partial}{\partial x_j}\Big(\frac{\partial f}{\partial x_i}\Big)(x).

    Parameters
    ----------
    f : callable
        ``f(xi) -> ndarray``: ``xi`` of shape ``(m, ...)``, returning shape ``(...)``.
    x : (m, ...) array_like of float
        The point (or points); at least 1-D.
    tolerances, maxiter, order, initial_step, step_factor
        As in `derivative` (keyword-only), for both the outer and the inner differences;
        the inner ``rtol`` is 100 times smaller.

    Returns
    -------
    res : DerivativeResult
        ``ddf`` of shape ``(m, m, ...)``, and ``success``, ``status``, ``error``, ``nfev``
        (all evaluations of ``f``, inner ones included) of the same shape. The status is
        that of the outer differentiation.

    Raises
    ------
    ValueError
        As `jacobian`.

    Warns
    -----
    RuntimeWarning
        If ``0 < rtol < 100·eps``: the inner tolerance would be below rounding level, so
        it is raised to ``eps`` (the outer one is kept), as SciPy does.

    Notes
    -----
    *Algorithm*:

    1. Check the requested rtol against the rounding level of the inner differences.
    2. The inner function: the gradient by `jacobian`, with rtol/100 so that its error is
       negligible in the outer differences; record its evaluations.
    3. The outer `jacobian` of that gradient; ``nfev`` adds up the inner evaluations made
       up to each entry's last outer iteration.

    *Complexity*: each of the m² entries costs about ``(order + 1 + 2(nit − 1))²``
    evaluations of ``f`` (121 for order 8 and two iterations inside and out), made in a
    few dozen vectorised calls.

    *Numerical stability*: the inner gradient is computed to rtol/100, so that its error,
    divided by the outer step, stays below the outer tolerance: the entries are accurate
    to about the outer rtol (√eps by default), usually far better. H is not exactly
    symmetric (``H_ij`` and ``H_ji`` come from different stencils); use ``(H + Hᵀ)/2`` if
    symmetry matters.

    References
    ----------
    Nocedal & Wright, *Numerical Optimization*, 2nd ed., §8.1 (approximating the Hessian
    by differencing gradients).

    Checked against ``reference.differentiate.hessian`` → ``scipy.differentiate.hessian``:
    the same nesting; the entries differ by rounding.

    Examples
    --------
    >>> f = lambda x: x[0] ** 2 + 2 * x[0] * x[1] + x[1] ** 2
    >>> hessian(f, [1.0, 2.0]).ddf.round(8)
    array([[2., 2.],
           [2., 2.]])
    """
    tolerances = {} if tolerances is None else tolerances
    atol, rtol = tolerances.get("atol"), tolerances.get("rtol")
    steps: dict[str, Any] = dict(maxiter=maxiter, order=order, initial_step=initial_step,
                 step_factor=step_factor)
    # Step 1: the inner rtol (rtol/100) must stay above rounding level.
    rtol = _EPS ** 0.5 if rtol is None else rtol
    rtol_min = _EPS * 100
    if 0 < rtol < rtol_min:
        warnings.warn(f"The specified `rtol={rtol}`, but error estimates are likely to be "
                      f"unreliable when `rtol < {rtol_min}`.", RuntimeWarning, stacklevel=2)
        rtol = rtol_min
    inner_nfev: list[NDArray] = []

    def gradient_of_f(X: NDArray) -> NDArray:
        # Step 2: the gradient at every outer abscissa (summed over them after the first call).
        inner = jacobian(f, X, tolerances=dict(rtol=rtol / 100, atol=atol), **steps)
        inner_nfev.append(inner.nfev if not inner_nfev else inner.nfev.sum(axis=-1))
        return inner.df

    # Step 3: differentiate the gradient.
    res = jacobian(gradient_of_f, x, tolerances=tolerances, **steps)
    spent = np.cumsum(np.stack(inner_nfev), axis=0)
    nfev = np.take_along_axis(spent, np.asarray(res.nit)[None, ...].astype(np.int64), axis=0)[0]
    return DerivativeResult(success=res.success, status=res.status, ddf=res.df,
                            error=res.error, nfev=nfev)


# --- the textbook special cases: plain arrays -----------------------------------------------

def partial(f: Callable, x: ArrayLike, i: int, *, tolerances: dict | None = None,
            maxiter: int = 10, order: int = 8, initial_step: ArrayLike = 0.5,
            step_factor: float = 2.0, step_direction: ArrayLike = 0) -> NDArray[np.float64]:
    r"""Partial derivative of a function of several variables with respect to one of them.

    .. math::

        \frac{\partial f}{\partial x_i}(x) = \frac{d}{dt} f(x_1, \dots, x_{i-1}, t,
        x_{i+1}, \dots, x_m)\Big|_{t = x_i}.

    Parameters
    ----------
    f : callable
        ``f(xi) -> ndarray``: ``xi`` of shape ``(m, ...)``, returning shape ``(...)``.
    x : (m, ...) array_like of float
        The point (or points); at least 1-D.
    i : int
        The coordinate, ``-m <= i < m`` (negative counts from the end).
    tolerances, maxiter, order, initial_step, step_factor, step_direction
        As in `derivative` (keyword-only).

    Returns
    -------
    d : float64 or ndarray of shape ``x.shape[1:]``
        The partial derivative (NaN where ``f`` gave a non-finite value). Only the number:
        for the status and error estimate, call `derivative` or `jacobian`.

    Raises
    ------
    IndexError
        If `i` is out of range (NumPy's wording).
    TypeError
        If `i` is not an integer.
    ValueError
        If ``f`` is vector-valued (use `jacobian`), if `x` is 0-d, or as `derivative`.

    Notes
    -----
    *Algorithm*:

    1. Check `i` and build the line through x along axis i: ``X(t)`` is x with coordinate
       i replaced by t.
    2. Differentiate ``t ↦ f(X(t))`` at ``t = x_i`` with `derivative`.

    *Complexity*: that of one `derivative` along one axis: ``order + 1 + 2·(nit − 1)``
    evaluations of ``f`` per point, O(order²) array operations per iteration —
    m times fewer than the whole gradient. *Numerical stability*: that of `derivative`.

    References
    ----------
    Burden & Faires, *Numerical Analysis*, 9th ed., §4.1–4.2; Nocedal & Wright,
    *Numerical Optimization*, 2nd ed., §8.1.

    Checked against ``reference.differentiate.partial`` →
    ``scipy.differentiate.jacobian(f, x).df[i]``: the same stencil along axis i; SciPy has
    no partial of its own.

    Examples
    --------
    >>> f = lambda x: x[0] ** 2 + 2 * x[0] * x[1] + x[1] ** 2
    >>> float(partial(f, [1.0, 2.0], 0).round(10)), float(partial(f, [1.0, 2.0], 1).round(10))
    (6.0, 6.0)
    """
    x0 = _points(x)
    # Step 1: coordinate i, numpy's rules for a valid index.
    i = _axis_index(i, x0.shape[0])

    def along_axis_i(t: NDArray) -> Any:
        trailing = (1,) * (t.ndim - x0.ndim + 1)
        X = np.array(np.broadcast_to(x0.reshape(x0.shape + trailing), x0.shape[:1] + t.shape))
        X[i] = t
        return f(X)

    # Step 2: one derivative along the line.
    d = derivative(along_axis_i, x0[i], tolerances=tolerances, maxiter=maxiter, order=order,
                   initial_step=initial_step, step_factor=step_factor,
                   step_direction=step_direction, preserve_shape=True).df
    _check_scalar_valued(d, x0.shape[1:])
    return d


def gradient(f: Callable, x: ArrayLike, *, tolerances: dict | None = None, maxiter: int = 10,
             order: int = 8, initial_step: ArrayLike = 0.5, step_factor: float = 2.0,
             step_direction: ArrayLike = 0) -> NDArray[np.float64]:
    r"""Gradient of a scalar function of several variables.

    .. math::

        \nabla f(x) = \Big(\frac{\partial f}{\partial x_1}(x), \dots,
        \frac{\partial f}{\partial x_m}(x)\Big).

    Parameters
    ----------
    f : callable
        ``f(xi) -> ndarray``: ``xi`` of shape ``(m, ...)``, returning shape ``(...)``
        (one number per point).
    x : (m, ...) array_like of float
        The point (or points); at least 1-D.
    tolerances, maxiter, order, initial_step, step_factor, step_direction
        As in `derivative` (keyword-only).

    Returns
    -------
    g : ndarray of float64, shape ``x.shape``
        The gradient (NaN where ``f`` gave a non-finite value). Only the numbers: for
        status and error estimates call `jacobian`.

    Raises
    ------
    ValueError
        If ``f`` is vector-valued (use `jacobian`), if `x` is 0-d, or as `derivative`.

    Notes
    -----
    *Algorithm*:

    1. The Jacobian of a scalar function is its gradient: `jacobian` differentiates along
       all m axes at once.
    2. Refuse a vector-valued ``f``, whose Jacobian has an extra leading axis.

    *Complexity*: that of `jacobian` with one output: ``m·(order + 1 + 2(nit − 1))``
    evaluations of ``f`` per point, O(m) times the cost of one `derivative`, made in
    ``1 + nit`` vectorised calls. *Numerical stability*: that of `jacobian`.

    References
    ----------
    Nocedal & Wright, *Numerical Optimization*, 2nd ed., §8.1.

    Checked against ``reference.differentiate.gradient`` →
    ``scipy.differentiate.jacobian(f, x).df``: the same stencils; differences are rounding.

    Examples
    --------
    >>> f = lambda x: x[0] ** 2 + x[1] ** 2 + x[2] ** 2
    >>> gradient(f, [1.0, 2.0, 3.0]).round(10)
    array([2., 4., 6.])
    """
    x0 = _points(x)
    # Step 1: all partial derivatives at once.
    df = jacobian(f, x0, tolerances=tolerances, maxiter=maxiter, order=order,
                  initial_step=initial_step, step_factor=step_factor,
                  step_direction=step_direction).df
    # Step 2: one number per point, or it was not a gradient.
    _check_scalar_valued(df, x0.shape)
    return df


def directional_derivative(f: Callable, x: ArrayLike, u: ArrayLike, *,
                           tolerances: dict | None = None, maxiter: int = 10, order: int = 8,
                           initial_step: ArrayLike = 0.5, step_factor: float = 2.0,
                           step_direction: ArrayLike = 0) -> NDArray[np.float64]:
    r"""Rate of change of a scalar function along a direction, per unit length.

    .. math::

        D_{\hat u} f(x) = \frac{d}{dt} f(x + t\,\hat u)\Big|_{t=0}
                        = \nabla f(x) \cdot \hat u, \qquad \hat u = \frac{u}{\lVert u \rVert_2}.

    `u` is normalised: the result is the slope per unit distance, whatever the length of
    `u`. (``∇f(x)·u`` for an unnormalised u — what some texts compute — is
    ``‖u‖ · directional_derivative(f, x, u)``.)

    Parameters
    ----------
    f : callable
        ``f(xi) -> ndarray``: ``xi`` of shape ``(m, ...)``, returning shape ``(...)``.
    x : (m, ...) array_like of float
        The point (or points); at least 1-D.
    u : (m,) array_like of float
        The direction; any nonzero length.
    tolerances, maxiter, order, initial_step, step_factor, step_direction
        As in `derivative` (keyword-only); steps are along û.

    Returns
    -------
    d : float64 or ndarray of shape ``x.shape[1:]``
        The directional derivative (NaN where ``f`` gave a non-finite value).

    Raises
    ------
    ValueError
        If `u` does not have shape ``(m,)`` (the message names both shapes), if `u` is the
        zero vector, if `x` is 0-d, or as `derivative`.

    Notes
    -----
    *Algorithm*:

    1. Normalise: ``û = u / √(u·u)``.
    2. Differentiate ``t ↦ f(x + t û)`` at 0 with `derivative`: one derivative,
       whatever m, instead of the m of ``∇f·û``.

    *Complexity*: O(m) to normalise u, then one `derivative`:
    ``order + 1 + 2·(nit − 1)`` evaluations of ``f`` per point, whatever m (the
    gradient route would cost m times as many). *Numerical stability*: that of one
    `derivative`; the step is along û, so its size is the distance moved.

    References
    ----------
    Stewart, *Calculus*, 8th ed., §14.6 (directional derivatives and the gradient);
    Burden & Faires, *Numerical Analysis*, 9th ed., §4.2.

    Checked against ``reference.differentiate.directional_derivative`` →
    ``scipy.differentiate.derivative(lambda t: f(x + t·u/‖u‖), 0)``, the derivative along the
    same line: differences are rounding.

    Examples
    --------
    >>> f = lambda x: x[0] ** 2 + 2 * x[0] * x[1] + x[1] ** 2
    >>> d = directional_derivative(f, [1.0, 2.0], [1.0, 1.0])
    >>> float(d.round(8)), float((d * np.sqrt(2)).round(8))  # per unit length, and ∇f·(1, 1)
    (8.48528137, 12.0)
    """
    x0 = _points(x)
    u_hat = _unit_direction(u, x0.shape)

    def along_u(t: NDArray) -> Any:
        trailing = (1,) * (t.ndim - x0.ndim + 1)  # the axis of abscissae, when t has one
        return f(x0.reshape(x0.shape + trailing) + u_hat.reshape((-1,) + (1,) * t.ndim) * t)

    # Step 2: one derivative along the line x + t û.
    return derivative(along_u, np.zeros(x0.shape[1:]), tolerances=tolerances, maxiter=maxiter,
                      order=order, initial_step=initial_step, step_factor=step_factor,
                      step_direction=step_direction, preserve_shape=True).df


def _points(x: ArrayLike) -> NDArray[np.float64]:
    x0 = np.asarray(x)
    if np.iscomplexobj(x0):
        raise ValueError("Abscissae and function output must be real numbers.")
    if x0.ndim < 1:
        raise ValueError("Argument `x` must be at least 1-D.")
    return x0.astype(np.float64)


def _axis_index(i: int, m: int) -> int:
    i = operator.index(i)
    if not -m <= i < m:
        raise IndexError(f"index {i} is out of bounds for axis 0 with size {m}")
    return i % m


def _check_scalar_valued(df: NDArray, shape: tuple) -> None:
    if np.shape(df) != shape:
        raise ValueError(f"f must return one number per point: its derivative has shape "
                         f"{np.shape(df)} where {shape} was expected; use jacobian for a "
                         f"vector-valued f")


def _unit_direction(u: ArrayLike, shape: tuple) -> NDArray[np.float64]:
    # Step 1: û = u / ‖u‖, one entry per coordinate of x (of shape `shape`).
    u = np.asarray(u, dtype=np.float64)
    if u.shape != shape[:1]:
        raise ValueError(f"u has shape {u.shape} but x has shape {shape}: u needs one entry "
                         f"per coordinate of x")
    length = np.sqrt(u @ u)
    if not length > 0:
        raise ValueError("u must be a nonzero vector: the zero vector has no direction")
    return u / length
