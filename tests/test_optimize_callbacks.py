"""`minimize`'s callbacks, line-search limits and SLSQP's counts against SciPy's.

The catalog compares what the minimisers find; these tests compare how they report their
progress: how many times the callback is called (relative to ``nit``) and with what,
StopIteration, L-BFGS-B's ``maxls``, and SLSQP's ``nit``/``nfev``/``njev``, which follow
SciPy's evaluation pattern (gradients at the accepted iterates only).
"""
from __future__ import annotations

import numpy as np
import pytest

import mathml.optimize as mo
import reference.optimize as ro

METHODS = ["Nelder-Mead", "BFGS", "CG", "Newton-CG", "L-BFGS-B", "SLSQP"]


def _run(lib, method, x0, **kwargs):
    calls = []
    res = lib.minimize(ro.rosen, x0, jac=ro.rosen_der, method=method,
                       callback=lambda xk: calls.append(np.array(xk, copy=True)), **kwargs)
    return res, calls


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("x0", [[-1.2, 1.0], [1.0, 1.0]], ids=["start", "at the minimum"])
def test_callback_called_as_scipy_calls_it(method, x0):
    """The callback count relative to nit is SciPy's (nit itself may differ with the
    path), the last call sees the returned x."""
    (res, calls), (ref, ref_calls) = (_run(lib, method, x0) for lib in (mo, ro))
    assert len(calls) - res.nit == len(ref_calls) - ref.nit
    if ref_calls:
        np.testing.assert_array_equal(calls[-1], res.x)
        np.testing.assert_array_equal(ref_calls[-1], ref.x)


@pytest.mark.parametrize("method", METHODS)
def test_intermediate_result_and_stop_iteration(method):
    """callback(intermediate_result) gets an OptimizeResult with x and fun; StopIteration
    on the third call ends the run with status 99, nit 3 (Nelder-Mead: 4), in both."""
    out = []
    for lib in (mo, ro):
        seen = []

        def callback(intermediate_result):
            seen.append(sorted(intermediate_result.keys()))
            if len(seen) == 3:
                raise StopIteration

        res = lib.minimize(ro.rosen, [-1.2, 1.0], jac=ro.rosen_der, method=method,
                           callback=callback)
        out.append((res.status, res.success, res.message, res.nit, len(seen), seen[0]))
    assert out[0] == out[1]
    assert out[0][0] == 99 and out[0][4] == 3 and out[0][5] == ["fun", "x"]


@pytest.mark.parametrize("maxls", [0, -1, np.nan])
def test_lbfgsb_maxls_not_positive_refused(maxls):
    for lib in (mo, ro):
        with pytest.raises(ValueError, match="maxls must be positive"):
            lib.minimize(ro.rosen, [-1.2, 1.0], method="L-BFGS-B", options={"maxls": maxls})


@pytest.mark.parametrize("x0, jac", [([-1.2, 1.0], None), (np.linspace(-1, 1, 5), ro.rosen_der)],
                         ids=["2-D, differences", "5-D, gradient"])
def test_lbfgsb_maxls_1_fails_as_scipy(x0, jac):
    """One evaluation per line search: the first step that needs a second trial ends the
    run 'ABNORMAL' (status 2) at the same iteration as SciPy's."""
    res, ref = (lib.minimize(ro.rosen, x0, jac=jac, method="L-BFGS-B", options={"maxls": 1})
                for lib in (mo, ro))
    assert (res.status, res.success, res.message, res.nit) == \
        (ref.status, ref.success, ref.message, ref.nit) == (2, False, "ABNORMAL: ", ref.nit)


SLSQP_PROBLEMS = {
    "Rosenbrock": dict(x0=[-1.2, 1.0]),
    "Rosenbrock in the unit disk": dict(x0=[0.0, 0.0], constraints={
        "type": "ineq", "fun": lambda x: 1 - x[0] ** 2 - x[1] ** 2}),
    "x² + y², x + y = 1": dict(x0=[0.0, 0.0], constraints={
        "type": "eq", "fun": lambda x: x[0] + x[1] - 1}, fun=lambda x: x[0] ** 2 + x[1] ** 2),
    "Rosenbrock in a box": dict(x0=[0.0, 0.0], bounds=[(-1, 0.5), (-1, 0.5)]),
    "at the minimum": dict(x0=[1.0, 1.0]),
}


@pytest.mark.parametrize("name", SLSQP_PROBLEMS)
def test_slsqp_counts_as_scipy(name):
    """Finite-difference gradients at the accepted iterates only, as SciPy: the same nit,
    nfev and njev, and one callback per iteration."""
    problem = dict(SLSQP_PROBLEMS[name])
    fun = problem.pop("fun", ro.rosen)
    out = []
    for lib in (mo, ro):
        calls = []
        res = lib.minimize(fun, method="SLSQP", callback=calls.append, **problem)
        out.append((res.status, res.nit, res.nfev, res.njev, len(calls)))
    assert out[0] == out[1]
    assert out[0][1] == out[0][4]


def test_slsqp_has_no_maxls_option():
    """SciPy's SLSQP takes no maxls: both warn (OptimizeWarning is a UserWarning) and
    ignore it, so the run is the default one."""
    out = []
    for lib in (mo, ro):
        with pytest.warns(UserWarning, match="Unknown solver options: maxls"):
            res = lib.minimize(ro.rosen, [-1.2, 1.0], method="SLSQP", options={"maxls": 1})
        out.append((res.status, res.nit))
    assert out[0] == out[1]
