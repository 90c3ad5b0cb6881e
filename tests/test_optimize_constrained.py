"""Constrained optimisation: `minimize(method='SLSQP')` against SciPy's SLSQP by optimum,
and the properties of `penalty`, `barrier` and `lagrange` that the catalog's comparison does
not state (the rates of the theory, the sign of the multipliers, the failure codes).

Expected values come from closed forms (the seed's (0.5, 0.5), Nocedal & Wright's Example
16.2) or from SciPy run on the same problem — never from mathml.
"""
import numpy as np
import pytest
import scipy.optimize

import mathml.optimize as ml
from mathml.optimize._slsqp import _minimize_slsqp
from reference import optimize as ref

# docs/contract.md, "Tolerances" (iterative solvers): minimiser rtol ~1e-6, objective rtol ~1e-9,
# the same success flag.
X_RTOL, F_RTOL = 1e-6, 1e-9
TIGHT = {"ftol": 1e-12}


def objective(x):           # the seed's objective_function
    return x[0] ** 2 + x[1] ** 2


def constraint(x):          # the seed's constraint
    return x[0] + x[1] - 1


def rosen(x):
    return (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2


def rosen_der(x):
    return np.array([-2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] ** 2),
                     200 * (x[1] - x[0] ** 2)])


def hs71(x):
    return x[0] * x[3] * (x[0] + x[1] + x[2]) + x[2]


HS71_CONSTRAINTS = [{"type": "ineq", "fun": lambda x: np.prod(x) - 25},
                    {"type": "eq", "fun": lambda x: x @ x - 40}]

#: (label, fun, x0, keyword arguments of minimize)
PROBLEMS = [
    ("seed eq, default options", objective, [0, 0],
     dict(constraints={"type": "eq", "fun": constraint})),
    ("seed as inequality x+y-1 >= 0", objective, [0, 0],
     dict(constraints={"type": "ineq", "fun": constraint}, options=TIGHT)),
    ("seed's x+y <= 1, inactive", objective, [0.3, 0.1],
     dict(constraints={"type": "ineq", "fun": lambda x: -constraint(x)}, options=TIGHT)),
    ("bounds and an inequality", lambda x: (x[0] - 2) ** 2 + (x[1] - 1) ** 2, [0, 0],
     dict(bounds=[(0, 1.5), (0, 0.5)], options=TIGHT,
          constraints={"type": "ineq", "fun": lambda x: 1.8 - x[0] - x[1]})),
    ("three half-planes and x >= 0", lambda x: (x[0] - 1) ** 2 + (x[1] - 2.5) ** 2, [2, 0],
     dict(bounds=[(0, None), (0, None)], options=TIGHT,
          constraints=[{"type": "ineq", "fun": lambda x: x[0] - 2 * x[1] + 2},
                       {"type": "ineq", "fun": lambda x: -x[0] - 2 * x[1] + 6},
                       {"type": "ineq", "fun": lambda x: -x[0] + 2 * x[1] + 2}])),
    ("Rosenbrock in the unit disk, exact gradient", rosen, [-0.5, 0.5],
     dict(jac=rosen_der, options=TIGHT,
          constraints={"type": "ineq", "fun": lambda x: 1 - x @ x,
                       "jac": lambda x: -2 * x})),
    ("nonlinear equality: the unit circle", lambda x: np.exp(x[0]) + x[1] ** 2 + x[0] * x[1],
     [1.0, 1.0], dict(constraints={"type": "eq", "fun": lambda x: x @ x - 1}, options=TIGHT)),
    ("Hock-Schittkowski 71: bounds, inequality, equality", hs71, [1, 5, 5, 1],
     dict(bounds=[(1, 5)] * 4, constraints=HS71_CONSTRAINTS, options={"ftol": 1e-10})),
    ("jac=True: fun returns (f, gradient)", lambda x: (rosen(x), rosen_der(x)), [-0.5, 0.5],
     dict(jac=True, options=TIGHT, constraints={"type": "ineq", "fun": lambda x: 1 - x @ x})),
    ("args for the objective and the constraint", lambda x, a: (x - a) @ (x - a), [0, 0, 0],
     dict(args=(np.array([1.0, 2.0, 3.0]),), options=TIGHT,
          constraints={"type": "eq", "fun": lambda x, s: x.sum() - s, "args": (3.0,)})),
]


@pytest.mark.parametrize("label, fun, x0, kwargs", PROBLEMS, ids=[p[0] for p in PROBLEMS])
def test_slsqp_reaches_scipys_optimum(label, fun, x0, kwargs):
    got = ml.minimize(fun, x0, method="SLSQP", **kwargs)
    want = scipy.optimize.minimize(fun, x0, method="SLSQP", **kwargs)
    assert want.success and got.success == want.success, got.message
    scale = max(1.0, np.abs(want.x).max())
    # X_RTOL relative to the size of the minimiser as a whole (entries may be 0)
    np.testing.assert_allclose(got.x, want.x, rtol=0, atol=X_RTOL * scale)
    np.testing.assert_allclose(got.fun, want.fun, rtol=F_RTOL, atol=1e-12)  # atol: f* = 0


def test_seed_constrained_example():
    """Seed 000: opt.minimize(objective_function, x0=[0, 0], constraints={'type': 'eq',
    'fun': constraint}) — method None with constraints is SLSQP — gives (0.5, 0.5)."""
    for backend in (ml, ref):
        res = backend.minimize(objective, x0=[0, 0], constraints={"type": "eq", "fun": constraint})
        assert res.success
        # 1e-8: below the 8 decimals a seed prints, within SLSQP's default ftol = 1e-6 on f
        # (on this quadratic the error in x is far smaller than ftol)
        np.testing.assert_allclose(res.x, [0.5, 0.5], atol=1e-8)
        np.testing.assert_allclose(res.fun, 0.5, atol=1e-8)  # as above


INFEASIBLE = [
    ("x >= 2 and x <= 1", dict(constraints=[{"type": "ineq", "fun": lambda x: x[0] - 2},
                                            {"type": "ineq", "fun": lambda x: 1 - x[0]}])),
    ("x >= 2 with the bound x <= 1", dict(constraints={"type": "ineq", "fun": lambda x: x[0] - 2},
                                          bounds=[(None, 1), (None, None)])),
    ("x = 2 and x = 1", dict(constraints=[{"type": "eq", "fun": lambda x: x[0] - 2},
                                          {"type": "eq", "fun": lambda x: x[0] - 1}])),
]


@pytest.mark.parametrize("label, kwargs", INFEASIBLE, ids=[p[0] for p in INFEASIBLE])
def test_infeasible_constraints_are_reported_not_raised(label, kwargs):
    got = ml.minimize(objective, [0, 0], method="SLSQP", **kwargs)
    want = scipy.optimize.minimize(objective, [0, 0], method="SLSQP", **kwargs)
    assert got.success is False and want.success is False
    assert got.status != 0 and got.message


def test_more_equalities_than_variables_is_status_2_as_scipy():
    kwargs = dict(method="SLSQP", constraints=[{"type": "eq", "fun": lambda x: x - 2},
                                               {"type": "eq", "fun": lambda x: x[0] - 1}])
    got = ml.minimize(objective, [0, 0], **kwargs)
    want = scipy.optimize.minimize(objective, [0, 0], **kwargs)
    assert (got.success, got.status, got.message) == (want.success, want.status, want.message)


def test_nan_objective_fails_without_raising():
    kwargs = dict(method="SLSQP", constraints={"type": "eq", "fun": lambda x: x[0] - 2})
    got = ml.minimize(lambda x: np.nan, [0, 0], **kwargs)
    want = scipy.optimize.minimize(lambda x: np.nan, [0, 0], **kwargs)
    assert got.success is False and want.success is False
    assert "NaN" in got.message


def test_slsqp_callback_fields_and_counts():
    seen = []
    res = _minimize_slsqp(objective, [0, 0], constraints={"type": "eq", "fun": constraint},
                          callback=lambda x, f: seen.append(x))
    assert len(seen) == res.nit and all(x.shape == (2,) for x in seen)
    assert {"x", "fun", "jac", "nit", "nfev", "njev", "success", "status", "message"} <= set(res)
    assert res.nfev >= res.njev * 3  # forward differences: n + 1 = 3 evaluations a gradient


@pytest.mark.parametrize("bad, error", [
    (dict(constraints={"type": "equal", "fun": constraint}), ValueError),
    (dict(constraints=[constraint]), TypeError),
    (dict(bounds=[(2, 1), (0, 1)]), ValueError),
])
def test_slsqp_bad_input_raises_as_scipy(bad, error):
    for run in (lambda: _minimize_slsqp(objective, [0, 0], **bad),
                lambda: scipy.optimize.minimize(objective, [0, 0], method="SLSQP", **bad)):
        with pytest.raises(error):
            run()


# --- penalty and barrier: the rates of the theory -----------------------------------------------

def test_penalty_multiplier_estimate_converges_as_theorem_17_2():
    """At x(μ), −μ·c(x(μ)) → λ* (N&W Theorem 17.2): for the seed λ* = 1 in N&W's sign
    (L = f − λc), and x(μ) = μ/(2(1 + μ))·(1, 1) exactly, so the violation is 1/(1 + μ)."""
    res = ml.penalty(objective, [0, 0], constraints={"type": "eq", "fun": constraint})
    assert res.success and res.maxcv <= 1e-8
    # −μ·c(x(μ)) = μ/(1 + μ) = λ* − O(1/μ), μ = 1e8 at the end; an error δ of the inner
    # solve is multiplied by μ in the first, hence 1e-6; x itself is known to ~1e-8
    np.testing.assert_allclose(-res.mu * constraint(res.x), 1.0, rtol=1e-6)
    np.testing.assert_allclose(res.x, res.mu / (2 * (1 + res.mu)), rtol=1e-8)  # as above


def test_barrier_objective_gap_is_bounded_by_m_mu():
    """Convex problem, m constraints: f(x(μ)) − f* ≤ m·μ (Boyd & Vandenberghe §11.2.2), and
    every iterate is strictly feasible."""
    cons = [{"type": "ineq", "fun": constraint}, {"type": "ineq", "fun": lambda x: 2 - x[0]}]
    res = ml.barrier(objective, [1.0, 1.0], constraints=cons)
    assert res.success and res.maxcv == 0.0 and constraint(res.x) > 0
    assert 0 <= res.fun - 0.5 <= 2 * res.mu * (1 + 1e-6)


def test_penalty_on_infeasible_constraints_reports_failure():
    res = ml.penalty(objective, [0, 0], maxiter=8,
                     constraints=[{"type": "ineq", "fun": lambda x: x[0] - 2},
                                  {"type": "ineq", "fun": lambda x: 1 - x[0]}])
    assert res.success is False and res.status == 1
    np.testing.assert_allclose(res.maxcv, 0.5, atol=1e-3)  # the best compromise, x₀ = 1.5


def test_barrier_needs_an_interior_start():
    with pytest.raises(ValueError, match="strictly feasible"):
        ml.barrier(objective, [0, 0], constraints={"type": "ineq", "fun": constraint})
    with pytest.raises(ValueError, match="inequality constraints only"):
        ml.barrier(objective, [1, 1], constraints={"type": "eq", "fun": constraint})


# --- lagrange -----------------------------------------------------------------------------------

def test_lagrange_seed_and_sign_convention():
    """x² + y² s.t. x + y = 1: x = (0.5, 0.5); with L = f + λ(x + y − 1), ∇f = −λ∇c gives
    λ = −1."""
    x, lam = ml.lagrange(2 * np.eye(2), [0, 0], [[1, 1]], [1])
    # a 3×3 KKT solve whose answer is exact in binary: at most an ulp of rounding
    np.testing.assert_allclose(x, [0.5, 0.5], rtol=1e-15)
    np.testing.assert_allclose(lam, [-1.0], rtol=1e-15)  # as above


def test_lagrange_nocedal_wright_example_16_2():
    """N&W Example 16.2: x* = (2, −1, 1), λ* = (3, −2) in their sign, (−3, 2) in ours."""
    Q = np.array([[6.0, 2.0, 1.0], [2.0, 5.0, 2.0], [1.0, 2.0, 4.0]])
    A = np.array([[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]])
    for backend in (ml, ref):
        x, lam = backend.lagrange(Q, [-8.0, -3.0, -3.0], A, [3.0, 0.0])
        # a 5×5 KKT solve with a modest condition number: cond·eps ≪ 1e-13
        np.testing.assert_allclose(x, [2.0, -1.0, 1.0], rtol=1e-13)
        np.testing.assert_allclose(lam, [-3.0, 2.0], rtol=1e-13)  # as above


def test_lagrange_agrees_with_slsqp_on_a_qp():
    """The KKT solution is the minimiser SLSQP finds, and its multipliers SciPy's (which
    uses N&W's sign: opposite to ours)."""
    Q = np.array([[4.0, 1.0, 0.0], [1.0, 3.0, 0.5], [0.0, 0.5, 2.0]])
    c, A, b = np.array([1.0, -2.0, 0.5]), np.array([[1.0, 1.0, 1.0]]), np.array([1.0])
    x, lam = ml.lagrange(Q, c, A, b)
    res = scipy.optimize.minimize(lambda z: z @ Q @ z / 2 + c @ z, np.zeros(3),
                                  jac=lambda z: Q @ z + c, method="SLSQP", options=TIGHT,
                                  constraints={"type": "eq", "fun": lambda z: A @ z - b,
                                               "jac": lambda z: A})
    # SLSQP stops at ftol = 1e-12 on f: its x and multipliers are known to ~√ftol = 1e-6
    np.testing.assert_allclose(x, res.x, atol=1e-6)
    np.testing.assert_allclose(-lam, res.multipliers, atol=1e-6)  # as above


@pytest.mark.parametrize("method, x0, kind", [("penalty", [0, 0], "eq"), ("barrier", [1, 1], "ineq")])
def test_nan_objective_in_penalty_and_barrier_is_reported(method, x0, kind):
    res = getattr(ml, method)(lambda x: np.nan, x0, constraints={"type": kind, "fun": constraint})
    assert res.success is False and res.status == 2 and "NaN" in res.message
    assert res.nit == 1  # no point raising μ (or lowering it) on a NaN
