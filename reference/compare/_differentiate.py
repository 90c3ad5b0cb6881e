"""Defining properties of numerical differentiation: each backend's derivative within √eps
(SciPy's default rtol) of SymPy's exact one.

The catalog's functions are ``SymFunction``s, which carry their exact derivatives
(``derivative``, ``jacobian``, ``hessian``, computed by SymPy); for other callables there is
no exact value to check against.
"""
from __future__ import annotations

import functools
from typing import Any

import numpy as np

from ._strategy import properties
from ._tolerances import EPS

#: the relative accuracy a successful estimate has: SciPy's default rtol, √eps
SQRT_EPS = EPS ** 0.5


def _quiet(check):
    """SymPy's derivatives evaluated where f is NaN warn as f does; the comparison skips
    those entries."""
    @functools.wraps(check)
    def wrapped(c, result):
        with np.errstate(invalid="ignore", divide="ignore"):
            return check(c, result)
    return wrapped


def _relative_to_exact(got: Any, exact: np.ndarray, ok: Any = True) -> dict:
    got, exact = np.asarray(got, dtype=float), np.asarray(exact, dtype=float)
    # A relative comparison needs a nonzero exact value (the families have no zeros).
    ok = np.broadcast_to(np.asarray(ok), exact.shape) & np.isfinite(exact) & (exact != 0)
    if not ok.any():
        return {}
    error = np.abs(got - exact)[ok] / (SQRT_EPS * np.abs(exact)[ok])
    return {"max |result − SymPy| / (√eps·|SymPy|)": (float(error.max()), 1.0)}


@properties("derivative")
@_quiet
def _exact_derivative(c, result):
    f = c.args[0]
    if not hasattr(f, "jacobian"):
        return {}
    exact = f.derivative(np.asarray(c.args[1], dtype=float), *c.kwargs.get("args", ()))
    return _relative_to_exact(result["df"], exact, result["success"])


@properties("jacobian")
def _exact_jacobian(c, result):
    f = c.args[0]
    if not hasattr(f, "jacobian"):
        return {}
    return _relative_to_exact(result["df"], f.jacobian(c.args[1]), result["success"])


@properties("hessian")
def _exact_hessian(c, result):
    f = c.args[0]
    if not hasattr(f, "jacobian"):
        return {}
    return _relative_to_exact(result["ddf"], f.hessian(c.args[1]), result["success"])


@properties("partial")
def _exact_partial(c, result):
    f, x, i = c.args
    return _relative_to_exact(result, f.jacobian(x)[i]) if hasattr(f, "jacobian") else {}


@properties("gradient")
def _exact_gradient(c, result):
    f, x = c.args
    return _relative_to_exact(result, f.jacobian(x)) if hasattr(f, "jacobian") else {}


@properties("directional")
def _exact_directional(c, result):
    f, x, u = c.args
    if not hasattr(f, "jacobian"):
        return {}
    u = np.asarray(u, dtype=float)
    u_hat = (u / np.sqrt(u @ u)).reshape((-1,) + (1,) * (np.ndim(x) - 1))
    return _relative_to_exact(result, np.sum(f.jacobian(x) * u_hat, axis=0))


