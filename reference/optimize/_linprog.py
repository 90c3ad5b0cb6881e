"""Linear programming through SciPy: the reference for `mathml.optimize.linprog`.

``scipy.optimize.linprog`` with HiGHS (SciPy ≥ 1.11 has no simplex method of its own). The
wrapper keeps `mathml`'s signature, where ``method='simplex'`` names mathml's algorithm:
here it stands for "SciPy's solver", HiGHS. Where SciPy's behaviour differs from the
contract the wrapper says so and adjusts.
"""
from __future__ import annotations

from typing import Any
from collections.abc import Callable

import numpy as np
import scipy.optimize
from numpy.typing import ArrayLike

__all__ = ["linprog"]

_FIELDS = ("x", "fun", "slack", "con", "success", "status", "message", "nit")


def linprog(c: ArrayLike, A_ub: ArrayLike | None = None, b_ub: ArrayLike | None = None,
            A_eq: ArrayLike | None = None, b_eq: ArrayLike | None = None,
            bounds: Any = (0, None), method: str = "simplex", callback: Callable | None = None,
            options: dict | None = None, x0: ArrayLike | None = None,
            integrality: ArrayLike | None = None) -> scipy.optimize.OptimizeResult:
    # Contract: one method name in both backends; the reference solves it with HiGHS.
    if method != "simplex":
        raise ValueError(f"Unknown solver {method!r}: linprog's only method is 'simplex'")
    # Contract: mathml solves continuous problems only; HiGHS would branch and bound.
    if integrality is not None and np.any(np.asarray(integrality) != 0):
        raise ValueError("integrality: linprog solves continuous problems only; pass None "
                         "or zeros")
    # Contract: only 'maxiter' is shared; SciPy would pass unknown options on with a warning.
    unknown = set(options or {}) - {"maxiter"}
    if unknown:
        raise ValueError(f"Unknown options {sorted(unknown)}: linprog accepts 'maxiter' only")
    # Contract: complex data is refused (SciPy would drop the imaginary parts with a
    # ComplexWarning and solve another problem); a 0-d A_ub/A_eq is SciPy's shape error
    # (it would fail on `A.shape[1]` with an IndexError).
    if c is None:  # SciPy's TypeError has no message
        raise TypeError("Invalid input for linprog: c must be a 1-D array of numerical "
                        "coefficients, not None")
    for name, value in (("c", c), ("A_ub", A_ub), ("b_ub", b_ub), ("A_eq", A_eq),
                        ("b_eq", b_eq)):
        _refuse_complex(name, value)
        if name.startswith("A") and value is not None and _ndim(value) == 0 \
                and np.asarray(value).dtype.kind in "biuf":
            raise ValueError(f"Invalid input for linprog: {name} must have exactly two "
                             f"dimensions, and the number of columns in {name} must be equal "
                             "to the size of c")
    if bounds is not None and _holds_complex(bounds):
        raise TypeError("Invalid input for linprog: bounds must be real; complex input is "
                        "not supported")
    # x0 is not used by either backend; SciPy would warn that HiGHS ignores it.
    problem = dict(A_ub=A_ub, b_ub=b_ub, A_eq=A_eq, b_eq=b_eq, bounds=bounds, method="highs",
                   callback=callback, integrality=integrality)
    res = scipy.optimize.linprog(c, options=options, **problem)
    # HiGHS's presolve occasionally declares a feasible, unbounded LP infeasible (HiGHS
    # issues #1530, #2511; 2 of 3000 small random LPs here): confirm without presolve.
    if res.status == 2:
        res = scipy.optimize.linprog(c, options={**(options or {}), "presolve": False},
                                     **problem)
    # Contract: mathml's fields only (HiGHS adds marginals and MIP statistics); the
    # message is HiGHS's own.
    return scipy.optimize.OptimizeResult({k: res.get(k) for k in _FIELDS})


def _ndim(value: Any) -> int:
    try:
        return np.ndim(value)
    except ValueError:  # ragged: SciPy's own TypeError follows
        return -1


def _holds_complex(value: Any) -> bool:
    try:
        return np.iscomplexobj(value) or any(
            isinstance(v, (complex, np.complexfloating))
            for v in np.asarray(value, dtype=object).flat)
    except ValueError:
        return False


def _refuse_complex(name: str, value: Any) -> None:
    if value is not None and _holds_complex(value):
        raise TypeError(f"Invalid input for linprog: {name} must be real; complex input is "
                        "not supported")
