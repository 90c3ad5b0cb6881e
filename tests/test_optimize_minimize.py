"""Specifics of `mathml.optimize`'s minimisers beyond the catalog: closed forms of the
seeds' gradient-descent loops, SciPy's conventions (statuses on a NaN objective, the
callback protocol, the evaluation counts in the result), and Nelder–Mead step for step.

Expected values come from closed forms or from SciPy, never from mathml.
"""
import warnings

import numpy as np
import pytest
import scipy.optimize

import mathml.optimize as mo
from mathml.optimize._line_search import LineSearchWarning

METHODS = ["BFGS", "L-BFGS-B", "CG", "Newton-CG", "Nelder-Mead"]
X0 = np.array([-1.2, 1.0])


def _jac(method):
    return None if method == "Nelder-Mead" else scipy.optimize.rosen_der


# --- gradient descent: the seeds' loops in closed form -----------------------------------------

def test_seed_000_fixed_step_is_the_closed_form():
    """x ← x − 0.1·2(x − 3) from 0: x_k = 3(1 − 0.8^k), exactly the seed's 100 steps."""
    res = mo.gradient_descent(lambda x: (x[0] - 3) ** 2, 0.0, jac=lambda x: 2 * (x - 3))
    assert res.nit == 100 and res.njev == 101 and res.success
    # 100 steps each rounding once, but contracting by 0.8: the errors do not accumulate
    np.testing.assert_allclose(res.x, [3 * (1 - 0.8 ** 100)], rtol=1e-15)


def test_seed_002_regression_after_1000_steps_is_the_closed_form():
    """Seed 002's CustomLinearRegression (lr 0.01, 1000 steps) is gradient descent on
    J(w, b) = (1/2n)‖Xw + b − y‖², a quadratic with Hessian H = [x 1]ᵀ[x 1]/n: the iterate
    is θ_k = θ* + (I − αH)^k (θ₀ − θ*), θ* the least-squares solution (NumPy's lstsq)."""
    x, y = np.array([1.0, 2, 3, 4, 5]), np.array([2.0, 4, 5, 4, 5])
    Z = np.column_stack([x, np.ones(5)])
    H = Z.T @ Z / 5
    theta_star = np.linalg.lstsq(Z, y, rcond=None)[0]
    expected = theta_star + np.linalg.matrix_power(np.eye(2) - 0.01 * H, 1000) @ -theta_star
    res = mo.gradient_descent(lambda t: np.mean((Z @ t - y) ** 2) / 2, np.zeros(2),
                              jac=lambda t: Z.T @ (Z @ t - y) / 5, learning_rate=0.01,
                              max_iter=1000)
    # 1000 contracting steps vs a matrix power: rounding only
    np.testing.assert_allclose(res.x, expected, rtol=1e-12)
    # the seed's loop stops short: more than 0.1% from θ* (a check that can fail)
    assert not np.allclose(res.x, theta_star, rtol=1e-3)


def test_gradient_descent_armijo_decreases_sufficiently():
    """Each Armijo step x_k → x_{k+1} = x_k − α g_k satisfies
    f(x_{k+1}) ≤ f(x_k) − 1e-4·α‖g_k‖², with α = ‖x_k − x_{k+1}‖/‖g_k‖ read off the path;
    on this quadratic the iteration then converges to x* = 0."""
    A = np.array([[3.0, 1.0], [1.0, 2.0]])
    f, grad = (lambda x: 0.5 * x @ A @ x), (lambda x: A @ x)
    path = [mo.gradient_descent(f, [1.0, -2.0], jac=grad, line_search="armijo",
                                max_iter=k).x for k in range(12)]
    for xk, xk1 in zip(path, path[1:]):
        g = grad(xk)
        alpha = np.linalg.norm(xk - xk1) / np.linalg.norm(g)
        assert alpha > 0 and f(xk1) <= f(xk) - 1e-4 * alpha * (g @ g)
    res = mo.gradient_descent(f, [1.0, -2.0], jac=grad, line_search="armijo", max_iter=200,
                              tol=1e-12)
    assert res.success
    # tol = 1e-12 on ‖g‖∞ = ‖Ax‖∞ and ‖A⁻¹‖∞ = 0.8: every |x_i| ≤ 8e-13
    np.testing.assert_allclose(res.x, [0.0, 0.0], atol=1e-11)


def test_gradient_descent_without_jac_uses_differences():
    res = mo.gradient_descent(lambda x: np.sum((x - [1.0, 2.0]) ** 2), np.zeros(2),
                              learning_rate=0.25, max_iter=200, tol=1e-8)
    assert res.success
    np.testing.assert_allclose(res.x, [1.0, 2.0], rtol=1e-8)  # tol = 1e-8 on the step


# --- minimize: SciPy's conventions -------------------------------------------------------------

@pytest.mark.parametrize("method", METHODS)
def test_nan_objective_fails_quietly_with_scipys_status(method):
    jac = (lambda x: np.zeros_like(x)) if method == "Newton-CG" else None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        ours = mo.minimize(lambda x: np.nan, np.zeros(2), method=method, jac=jac)
        theirs = scipy.optimize.minimize(lambda x: np.nan, np.zeros(2), method=method, jac=jac)
    assert not ours.success and not theirs.success
    assert ours.status == theirs.status
    assert ours.message == theirs.message


@pytest.mark.parametrize("method", METHODS)
def test_callback_stop_iteration(method):
    def stop(xk):
        raise StopIteration

    ours = mo.minimize(scipy.optimize.rosen, X0, method=method, jac=_jac(method), callback=stop)
    theirs = scipy.optimize.minimize(scipy.optimize.rosen, X0, method=method, jac=_jac(method),
                                     callback=stop)
    assert (ours.status, ours.success, ours.message, ours.nit) == \
        (theirs.status, theirs.success, theirs.message, theirs.nit)


def test_callback_receives_each_iterate_and_the_rich_form():
    seen, rich = [], []
    res = mo.minimize(scipy.optimize.rosen, X0, jac=scipy.optimize.rosen_der,
                      callback=lambda xk: seen.append(xk))
    assert len(seen) == res.nit
    np.testing.assert_array_equal(seen[-1], res.x)
    mo.minimize(scipy.optimize.rosen, X0, jac=scipy.optimize.rosen_der,
                callback=lambda intermediate_result: rich.append(intermediate_result))
    assert rich[-1].fun == scipy.optimize.rosen(rich[-1].x)


@pytest.mark.parametrize("method", METHODS)
def test_result_fields_are_scipys(method):
    """The fields SciPy reports (hess_inv of L-BFGS-B is a dense array here)."""
    kwargs = {"hess": scipy.optimize.rosen_hess} if method == "Newton-CG" else {}
    ours = mo.minimize(scipy.optimize.rosen, X0, method=method, jac=_jac(method), **kwargs)
    theirs = scipy.optimize.minimize(scipy.optimize.rosen, X0, method=method,
                                     jac=_jac(method), **kwargs)
    assert set(ours) == set(theirs)
    assert isinstance(ours, mo.OptimizeResult) and ours.nit == ours["nit"]


def test_nelder_mead_takes_scipys_steps():
    """The same simplex, coefficients and tie-breaking: identical iterates and counts."""
    for bounds in (None, [(-2.0, 0.5), (-2.0, 2.0)]):
        ours = mo.minimize(scipy.optimize.rosen, X0, method="Nelder-Mead", bounds=bounds)
        theirs = scipy.optimize.minimize(scipy.optimize.rosen, X0, method="Nelder-Mead",
                                         bounds=bounds)
        np.testing.assert_array_equal(ours.x, theirs.x)
        assert (ours.nit, ours.nfev) == (theirs.nit, theirs.nfev)


def test_bfgs_hess_inv_is_symmetric_positive_definite():
    res = mo.minimize(scipy.optimize.rosen, X0, jac=scipy.optimize.rosen_der)
    H = res.hess_inv
    # BFGS updates are symmetric in exact arithmetic; rounding of the rank-2 updates only
    np.testing.assert_allclose(H, H.T, rtol=1e-12, atol=1e-14)
    assert np.all(np.linalg.eigvalsh(H) > 0)


def test_tol_sets_the_methods_tolerance():
    a = mo.minimize(scipy.optimize.rosen, X0, method="CG", jac=scipy.optimize.rosen_der,
                    tol=1e-9)
    b = mo.minimize(scipy.optimize.rosen, X0, method="CG", jac=scipy.optimize.rosen_der,
                    options={"gtol": 1e-9})
    np.testing.assert_array_equal(a.x, b.x)


def test_method_none_chooses_as_scipy():
    bounded = mo.minimize(scipy.optimize.rosen, X0, bounds=[(-2, 2), (-2, 2)])
    assert bounded.message.startswith("CONVERGENCE")            # L-BFGS-B's words
    assert "hess_inv" in mo.minimize(scipy.optimize.rosen, X0)   # BFGS


def test_evaluation_counts_are_scipys():
    """Counts of values and gradients asked for at new points, as SciPy's ScalarFunction:
    forward differences cost n evaluations per gradient, jac=True one call per point. On a
    diagonal quadratic both backends take the same steps, so the counts are equal."""
    A = np.diag([1.0, 2.0, 3.0])
    for method in ("BFGS", "CG", "L-BFGS-B"):
        ours = mo.minimize(lambda x: 0.5 * x @ A @ x, np.ones(3), method=method, tol=1e-7)
        theirs = scipy.optimize.minimize(lambda x: 0.5 * x @ A @ x, np.ones(3), method=method,
                                         tol=1e-7)
        assert (ours.nit, ours.nfev, ours.njev) == (theirs.nit, theirs.nfev, theirs.njev)

    calls = []

    def both(x):
        calls.append(x.copy())
        return scipy.optimize.rosen(x), scipy.optimize.rosen_der(x)

    # BFGS asks for gradients only where it has asked for the value: one call per value
    res = mo.minimize(both, X0, jac=True)
    assert res.success and len(calls) == res.nfev >= res.njev


def test_unknown_option_warns():
    with pytest.warns(UserWarning, match="Unknown solver options: colour"):
        mo.minimize(scipy.optimize.rosen, X0, options={"colour": "red"})


def test_lbfgsb_keeps_iterates_feasible():
    bounds = [(0.0, 0.5), (-1.0, 0.2)]
    res = mo.minimize(scipy.optimize.rosen, X0, jac=scipy.optimize.rosen_der, bounds=bounds,
                      options={"gtol": 1e-10, "ftol": 1e-15})
    ref = scipy.optimize.minimize(scipy.optimize.rosen, X0, jac=scipy.optimize.rosen_der,
                                  bounds=bounds, options={"gtol": 1e-10, "ftol": 1e-15})
    # both run at gtol 1e-10: the minimiser is known to ~1e-8 (the 'optimum' entry, tighter)
    np.testing.assert_allclose(res.x, ref.x, rtol=1e-8, atol=1e-10)
    assert np.all(res.x >= [0.0, -1.0]) and np.all(res.x <= [0.5, 0.2])


# --- line search ---------------------------------------------------------------------------------

def test_line_search_matches_scipys_example():
    f, grad = (lambda x: x @ x), (lambda x: 2 * x)
    xk, pk = np.array([1.8, 1.7]), np.array([-1.0, -1.0])
    ours = mo.line_search(f, grad, xk, pk)
    theirs = scipy.optimize.line_search(f, grad, xk, pk)
    assert ours[:3] == theirs[:3]
    # the same evaluations at the same points: equal up to one rounding
    np.testing.assert_allclose(ours[3:5], theirs[3:5], rtol=1e-15)
    np.testing.assert_allclose(ours[5], theirs[5], rtol=1e-15)  # as above


def test_line_search_takes_scipys_trial_steps_on_rosenbrock():
    xk = np.array([0.3, -0.4])
    pk = -scipy.optimize.rosen_der(xk)
    trials = {}
    for name, search in (("ours", mo.line_search), ("theirs", scipy.optimize.line_search)):
        trials[name] = []
        def f(x, log=trials[name]):
            log.append(x.copy())
            return scipy.optimize.rosen(x)
        search(f, scipy.optimize.rosen_der, xk, pk)
    np.testing.assert_array_equal(np.array(trials["ours"]), np.array(trials["theirs"]))


def test_line_search_ascent_direction_warns_and_returns_none():
    with pytest.warns(LineSearchWarning):
        alpha, *_, slope = mo.line_search(lambda x: x @ x, lambda x: 2 * x, np.ones(2),
                                          np.ones(2))
    assert alpha is None and slope is None
