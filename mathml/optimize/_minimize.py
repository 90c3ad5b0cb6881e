"""`minimize`: one entry point over the local minimisers, as ``scipy.optimize.minimize``.

The dispatcher validates the problem once (x0, bounds, the method's name), wraps the
objective in an `_Objective` (counting evaluations, finite-difference gradients when no
``jac`` is given) and calls one private solver per method, each in its own module with
the textbook's names (xk, pk, sk, yk, Hk).
"""
from __future__ import annotations

import inspect
import warnings
from typing import Any
from collections.abc import Callable, Sequence

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._bfgs import _minimize_bfgs
from ._cg import _minimize_cg
from ._lbfgsb import _minimize_lbfgsb
from ._nelder_mead import _minimize_neldermead
from ._newton_cg import _minimize_newtoncg
from ._result import OptimizeResult
from ._slsqp import _minimize_slsqp

__all__ = ["minimize"]

EPS = float(np.finfo(np.float64).eps)
#: SciPy's default absolute step of the forward differences (option ``eps``): √eps, which
#: balances the truncation error (∝ h) against the rounding error (∝ eps/h) for |x| ~ 1;
#: L-BFGS-B's is 1e-8
_STEP = {"l-bfgs-b": 1e-8}
_SQRT_EPS = EPS ** 0.5

METHODS = ("Nelder-Mead", "CG", "BFGS", "Newton-CG", "L-BFGS-B", "SLSQP")

# which option `tol` sets for each method, as SciPy
_TOL_OPTIONS = {"nelder-mead": ("xatol", "fatol"), "cg": ("gtol",), "bfgs": ("gtol",),
                "newton-cg": ("xtol",), "l-bfgs-b": ("ftol", "gtol"), "slsqp": ("ftol",)}


def minimize(fun: Callable, x0: ArrayLike, args: tuple = (), method: str | None = None,
             jac: Callable | bool | None = None, hess: Callable | None = None,
             hessp: Callable | None = None, bounds: Sequence | None = None,
             constraints: Any = (), tol: float | None = None, callback: Callable | None = None,
             options: dict | None = None) -> OptimizeResult:
    r"""Minimise a scalar function of one or more variables.

    .. math::

        \min_{x \in \mathbb{R}^n} f(x) \quad \text{subject to} \quad
        l \le x \le u \ \text{(bounds)}, \ c_{eq}(x) = 0, \ c_{ineq}(x) \ge 0

    Parameters
    ----------
    fun : callable ``fun(x, *args) -> float``
        The objective; x has shape (n,).
    x0 : array_like, shape (n,)
        The starting point (a scalar is taken as n = 1).
    args : tuple
        Extra arguments of `fun`, `jac`, `hess` and `hessp`.
    method : str, optional
        One of ``'Nelder-Mead'``, ``'CG'``, ``'BFGS'``, ``'Newton-CG'``, ``'L-BFGS-B'``,
        ``'SLSQP'`` (case-insensitive). By default, as SciPy: SLSQP with constraints,
        L-BFGS-B with bounds, BFGS otherwise.
    jac : callable ``jac(x, *args) -> ndarray, shape (n,)``, True or None
        The gradient. True: `fun` returns ``(f, g)``. None: forward differences
        ``(f(x + h e_i) − f(x)) / h`` with SciPy's default absolute step h = √eps (1e-8
        for L-BFGS-B; the option ``eps``), so that values and evaluation counts compare.
    hess : callable ``hess(x, *args) -> ndarray, shape (n, n)``, optional
        The Hessian (Newton-CG).
    hessp : callable ``hessp(x, p, *args) -> ndarray, shape (n,)``, optional
        Hessian-vector products (Newton-CG).
    bounds : sequence of (lo, hi) pairs, or an object with ``lb`` and ``ub``, optional
        Bounds on each variable (None for no bound); L-BFGS-B, Nelder-Mead and SLSQP.
    constraints : dict or sequence of dicts, optional
        SciPy's ``{'type': 'eq' | 'ineq', 'fun': c, 'jac': …}`` (SLSQP).
    tol : float, optional
        Sets the method's tolerance as SciPy: ``gtol`` (BFGS, CG), ``xtol`` (Newton-CG),
        ``ftol`` and ``gtol`` (L-BFGS-B), ``xatol`` and ``fatol`` (Nelder-Mead), ``ftol``
        (SLSQP).
    callback : callable, optional
        ``callback(xk)`` after each iteration, or ``callback(intermediate_result)`` (an
        `OptimizeResult` with ``x`` and ``fun``); raising ``StopIteration`` stops the
        solver (status 99).
    options : dict, optional
        The method's options (``maxiter``, ``gtol``, ``disp``…, SciPy's names).

    Returns
    -------
    res : OptimizeResult
        ``x`` (shape (n,)), ``fun``, ``jac`` (gradient methods), ``hess_inv`` (BFGS and
        L-BFGS-B, shape (n, n)), ``nit``, ``nfev``, ``njev`` (``nhev`` for Newton-CG,
        ``final_simplex`` for Nelder-Mead), ``success``, ``status``, ``message``.

    Raises
    ------
    ValueError
        Unknown method; x0 not 1-D; bounds of the wrong length or with lo > hi;
        Newton-CG without `jac`.

    Notes
    -----
    *Algorithm*:

    1. Validate x0, the method and the bounds; choose the method when None.
    2. Translate `tol` into the method's option.
    3. Wrap `fun` (with `jac`, or finite differences) in a counting objective.
    4. Call the method's solver. A `fun` returning NaN does not raise: the solver stops
       with ``success=False`` (docs/contract.md §3), its status and message as SciPy's.

    The methods: BFGS (Nocedal & Wright Alg. 6.1), L-BFGS (two-loop recursion, Alg. 7.4)
    with projected steps for bounds, nonlinear CG (Polak–Ribière+, §5.2), Newton-CG (line
    search Newton with truncated CG, Alg. 7.1), Nelder–Mead (Lagarias et al. 1998, SciPy's
    coefficients) and SLSQP (in ``_constrained``). See each solver's module for its details.
    *Complexity*: per iteration O(n²) for BFGS, O(mn) for L-BFGS, O(n) for CG, plus the
    evaluations. *Numerical stability*: the BFGS update keeps H positive definite as long
    as the Wolfe curvature condition gives yᵀs > 0.

    References
    ----------
    Nocedal & Wright, Numerical Optimization, 2nd ed., Chapters 3, 5, 6, 7.

    Checked against ``reference.optimize.minimize`` → ``scipy.optimize.minimize`` by
    optimum: the same minimiser (rtol 1e-6) and minimum, the same success. Iteration and
    evaluation counts and paths differ where the algorithms differ (SciPy's L-BFGS-B is
    Byrd–Lu–Nocedal–Zhu's code with the generalized Cauchy point and the line search of
    Moré–Thuente; its BFGS tries MINPACK's line search first).

    Examples
    --------
    >>> import numpy as np
    >>> from mathml.optimize import minimize, rosen, rosen_der
    >>> res = minimize(rosen, [-1.2, 1.0], jac=rosen_der, method="BFGS")
    >>> res.success, np.round(res.x, 4)
    (True, array([1., 1.]))
    """
    # Step 1: validate, choose the method.
    dtype = _result_dtype(x0)
    x0 = _as_x0(x0)
    args = args if isinstance(args, tuple) else (args,)
    if method is None:
        method = "SLSQP" if constraints else "L-BFGS-B" if bounds is not None else "BFGS"
    meth = _method_key(method)
    _warn_unused(method, meth, jac, hess, hessp, bounds, constraints)
    options = dict(options or {})
    lb, ub = _as_bounds(bounds, x0.size)
    if meth == "newton-cg" and not (callable(jac) or jac is True):
        raise ValueError("Jacobian is required for Newton-CG method")
    # Step 2: tol becomes the method's tolerance.
    if tol is not None:
        for name in _TOL_OPTIONS[meth]:
            options.setdefault(name, tol)
    for name in _TOLERANCES & options.keys():
        _check_tolerance(name, options[name])
    if meth == "slsqp":
        stop = _Callback(callback)
        res = _minimize_slsqp(fun, x0, args, jac, bounds, constraints, tol,
                              None if callback is None else stop, **options)
        return _in_dtype(_after_callback_stop(res, stop), meth, dtype, jac)
    # Step 3: the counting objective.
    step = options.pop("eps", _STEP.get(meth, _SQRT_EPS)) if meth != "nelder-mead" else None
    objective = _Objective(fun, args, jac, lb, ub, step)
    if meth == "newton-cg":
        options["eps"] = step      # Newton-CG's step for Hessian-vector products
    # Step 4: the solver.
    stop = _Callback(callback)
    solver = _SOLVERS[meth]
    options = _known_options(solver, options)
    if meth == "nelder-mead":
        res = solver(objective, x0, stop, lb, ub, **options)
    elif meth == "newton-cg":
        res = solver(objective, x0, stop, *_with_args(args, hess, hessp), **options)
    elif meth == "l-bfgs-b":
        res = solver(objective, x0, stop, lb, ub, **options)
    else:
        res = solver(objective, x0, stop, **options)
    return _in_dtype(_after_callback_stop(res, stop), meth, dtype, jac)


_SOLVERS: dict[str, Callable[..., OptimizeResult]] = {
    "nelder-mead": _minimize_neldermead, "bfgs": _minimize_bfgs, "cg": _minimize_cg,
    "newton-cg": _minimize_newtoncg, "l-bfgs-b": _minimize_lbfgsb}


# --- validation -------------------------------------------------------------------------------

def _as_x0(x0: ArrayLike) -> NDArray[np.float64]:
    x = np.atleast_1d(np.asarray(x0))
    if x.ndim != 1:
        raise ValueError(f"'x0' must only have one dimension; got shape {x.shape}.")
    if np.iscomplexobj(x):
        raise TypeError("x0 must be real")
    return x.astype(float)


#: Every method's tolerance options.
_TOLERANCES = {name for names in _TOL_OPTIONS.values() for name in names}


def _check_tolerance(name: str, value: Any) -> None:
    """A tolerance is a real number: a ragged sequence fails in NumPy's conversion
    (ValueError, as in SciPy), a complex one is refused (TypeError)."""
    if np.iscomplexobj(np.asarray(value)):
        raise TypeError(f"minimize: the option {name} must be a real number, got {value!r}")


def _result_dtype(x0: ArrayLike) -> np.dtype:
    """The floating type SciPy's result keeps: x0's when it is floating, else float64."""
    dtype = np.asarray(x0).dtype
    return dtype if np.issubdtype(dtype, np.floating) else np.dtype(np.float64)


def _in_dtype(res: OptimizeResult, meth: str, dtype: np.dtype, jac: Any) -> OptimizeResult:
    """The result in SciPy's types. Every solver computes in float64; what they return is
    typed as SciPy's is. Nelder-Mead and Newton-CG keep x0's floating type for x (and the
    simplex); fun is the objective's value, a float64. SciPy's BFGS and CG promote x
    through their float64 step lengths (float32 x0 → float64 x once a step is taken;
    mathml always takes one where SciPy's float32 finite differences may stall at x0),
    and report the user's gradient in the type it returns for x0's type (a
    finite-difference gradient in float64); L-BFGS-B and SLSQP compute in float64 cores
    and return float64."""
    wide = np.result_type(dtype, np.float64)
    x_type = dtype if meth in ("nelder-mead", "newton-cg") else wide
    if meth in ("l-bfgs-b", "slsqp"):
        x_type = np.dtype(np.float64)
    res["x"] = np.asarray(res["x"]).astype(x_type, copy=False)
    if res.get("fun") is not None:   # the objective's value, evaluated in float64
        res["fun"] = np.float64(res["fun"])
    if res.get("jac") is not None and meth not in ("l-bfgs-b", "slsqp"):
        given = callable(jac) or jac is True
        res["jac"] = np.asarray(res["jac"]).astype(dtype if given else wide, copy=False)
    if meth == "nelder-mead" and res.get("final_simplex") is not None:
        sim, fsim = res["final_simplex"]
        res["final_simplex"] = (np.asarray(sim).astype(dtype, copy=False), fsim)
    return res


def _method_key(method: Any) -> str:
    if not isinstance(method, str) or method.lower() not in {m.lower() for m in METHODS}:
        raise ValueError(f"Unknown solver {method!r}: the methods are {', '.join(METHODS)}")
    return method.lower()


def _warn_unused(method: str, meth: str, jac: Any, hess: Any, hessp: Any, bounds: Any,
                 constraints: Any) -> None:
    """SciPy's RuntimeWarnings for information the method does not use."""
    unused = []
    if meth == "nelder-mead" and bool(jac):
        unused.append("does not use gradient information (jac)")
    if meth != "newton-cg" and hess is not None:
        unused.append("does not use Hessian information (hess)")
    if meth != "newton-cg" and hessp is not None:
        unused.append("does not use Hessian-vector product information (hessp)")
    if meth != "slsqp" and np.any(constraints):
        unused.append("cannot handle constraints")
    if meth not in ("nelder-mead", "l-bfgs-b", "slsqp") and bounds is not None:
        unused.append("cannot handle bounds")
    for what in unused:
        warnings.warn(f"Method {method} {what}.", RuntimeWarning, stacklevel=3)


def _as_bounds(bounds: Any, n: int) -> tuple[NDArray, NDArray]:
    """(lb, ub) arrays of length n, ±inf where unbounded. Accepts a sequence of (lo, hi)
    pairs (None for no bound) or an object with ``lb``/``ub`` (SciPy's `Bounds`)."""
    if bounds is None:
        return np.full(n, -np.inf), np.full(n, np.inf)
    if hasattr(bounds, "lb") and hasattr(bounds, "ub"):
        lb = np.broadcast_to(np.asarray(bounds.lb, dtype=float), (n,)).copy()
        ub = np.broadcast_to(np.asarray(bounds.ub, dtype=float), (n,)).copy()
    else:
        pairs = list(bounds)
        if len(pairs) != n:
            raise ValueError(f"The number of bounds ({len(pairs)}) is not compatible with "
                             f"the length of `x0` ({n}): give one (lo, hi) pair per variable.")
        lb = np.array([-np.inf if p[0] is None else p[0] for p in pairs], dtype=float)
        ub = np.array([np.inf if p[1] is None else p[1] for p in pairs], dtype=float)
    if np.any(lb > ub):
        raise ValueError("An upper bound is less than the corresponding lower bound.")
    return lb, ub


# --- the objective ---------------------------------------------------------------------------

class _Objective:
    """f and ∇f at x with evaluation counts (``nfev``, ``ngev``).

    The gradient is `jac`, or the second output of `fun` (``jac=True``), or forward
    differences ``g_i = (f(x + h e_i) − f(x)) / h`` with SciPy's absolute step h (the
    option ``eps``), flipped to −h where x + h e_i leaves the bounds, and replaced by
    √eps·max(1, |x_i|) where x_i + h rounds to x_i; those evaluations count in ``nfev``.
    As SciPy's ``ScalarFunction``, the values at the last point asked for are remembered,
    so asking again costs (and counts) nothing."""

    def __init__(self, fun: Callable, args: tuple, jac: Any, lb: NDArray, ub: NDArray,
                 step: float | None) -> None:
        self.fun, self.args, self.jac = fun, args, jac
        self.lb, self.ub, self.step = lb, ub, step
        self.nfev = self.ngev = 0
        self._f: tuple[NDArray, float] | None = None
        self._g: tuple[NDArray, NDArray] | None = None
        self._both: tuple[NDArray, tuple] | None = None

    def value(self, x: NDArray) -> float:
        if self._f is None or not np.array_equal(self._f[0], x):
            self.nfev += 1
            fx = self._pair(x)[0] if self.jac is True else self.fun(x, *self.args)
            self._f = (np.array(x, copy=True), float(np.asarray(fx, dtype=float).reshape(())))
        return self._f[1]

    def grad(self, x: NDArray) -> NDArray[np.float64]:
        if self._g is None or not np.array_equal(self._g[0], x):
            self.ngev += 1
            if self.jac is True:
                g = self._pair(x)[1]
            elif callable(self.jac):
                g = self.jac(x, *self.args)
            else:
                g = self._forward_difference(x)
            self._g = (np.array(x, copy=True), np.atleast_1d(np.asarray(g, dtype=float)))
        return self._g[1]

    def _pair(self, x: NDArray) -> tuple:
        """(f, ∇f) from a `fun` that returns both (``jac=True``): one call per point, as
        SciPy's MemoizeJac (the counts above are of values and gradients asked for)."""
        if self._both is None or not np.array_equal(self._both[0], x):
            self._both = (np.array(x, copy=True), self.fun(x, *self.args))
        return self._both[1]

    def _forward_difference(self, x: NDArray) -> NDArray[np.float64]:
        fx = self.value(x)
        h = np.full_like(x, self.step)
        relative = _SQRT_EPS * np.where(x >= 0, 1.0, -1.0) * np.maximum(1.0, np.abs(x))
        h = np.where((x + h) - x == 0, relative, h)    # x so large that x + h rounds to x
        h = np.where((x + h < self.lb) | (x + h > self.ub), -h, h)
        g = np.empty_like(x)
        for i in range(x.size):       # one evaluation per coordinate
            xh = x.copy()
            xh[i] += h[i]
            dx = xh[i] - x[i]         # the step actually taken, after rounding
            self.nfev += 1
            g[i] = (float(np.asarray(self.fun(xh, *self.args), dtype=float).reshape(()))
                    - fx) / dx
        return g


def _with_args(args: tuple, *funcs: Callable | None) -> list[Callable | None]:
    """Each of `funcs` with `args` bound after its own arguments (None stays None)."""
    def bind(func: Callable) -> Callable:
        return lambda *xs: np.asarray(func(*xs, *args), dtype=float)
    return [None if func is None else bind(func) for func in funcs]


class _Callback:
    """The user's callback, called as SciPy does; remembers a StopIteration."""

    def __init__(self, callback: Callable | None) -> None:
        self.callback, self.stopped = callback, False
        self.rich = False
        if callback is not None:
            try:
                self.rich = set(inspect.signature(callback).parameters) == {"intermediate_result"}
            except (TypeError, ValueError):
                self.rich = False

    def __call__(self, x: NDArray, f: float) -> bool:
        """Call back with the iterate; True when the solver must stop."""
        if self.callback is None:
            return False
        try:
            if self.rich:
                self.callback(intermediate_result=OptimizeResult(x=x.copy(), fun=f))
            else:
                self.callback(x.copy())
        except StopIteration:
            self.stopped = True
        return self.stopped


def _after_callback_stop(res: OptimizeResult, stop: _Callback) -> OptimizeResult:
    if stop.stopped:
        res.update(success=False, status=99, message="`callback` raised `StopIteration`.")
    return res


def _known_options(solver: Callable, options: dict) -> dict:
    """The options `solver` takes; the others are dropped with a warning, as SciPy's
    OptimizeWarning (a UserWarning)."""
    known = {name for name, p in inspect.signature(solver).parameters.items()
             if p.kind == p.KEYWORD_ONLY}
    unknown = sorted(set(options) - known)
    if unknown:
        warnings.warn(f"Unknown solver options: {', '.join(unknown)}", UserWarning,
                      stacklevel=3)
    return {k: v for k, v in options.items() if k in known}
