"""`differentiate` beyond the catalog: the seeds' symbolic examples, the stencil shared with
SciPy, and the documented differences.

The catalog (tests/test_catalog.py) already compares every concept with
``scipy.differentiate`` and, as an invariant, with SymPy's exact derivative.
"""
import numpy as np
import pytest
import scipy.differentiate
import sympy as sp

import reference.differentiate
from mathml import differentiate
from reference import catalog

BACKENDS = [pytest.param(differentiate, id="mathml"),
            pytest.param(reference.differentiate, id="reference")]
EPS = np.finfo(float).eps

# Seed 000: the symbolic gradient, Hessian and directional derivative of x² + 2xy + y².
x, y = sp.symbols("x y")
F = x ** 2 + 2 * x * y + y ** 2
GRADIENT = sp.lambdify((x, y), [sp.diff(F, v) for v in (x, y)])
HESSIAN = sp.lambdify((x, y), sp.hessian(F, (x, y)))
SEED_DIRECTIONAL = sp.lambdify((x, y), sp.Matrix([sp.diff(F, v) for v in (x, y)])
                               .dot(sp.Matrix([1, 1])))  # the seed's unnormalised u = (1, 1)


def f(p):
    return p[0] ** 2 + 2 * p[0] * p[1] + p[1] ** 2


POINTS = [(1.0, 2.0), (-0.5, 3.0), (2.5, 0.25)]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("point", POINTS)
def test_seed_gradient_and_hessian_match_sympy(backend, point):
    p = np.array(point)
    exact_g = np.array(GRADIENT(*point), dtype=float)
    exact_H = np.array(HESSIAN(*point), dtype=float)
    stop = EPS ** 0.5  # √eps relative: the method's default stopping tolerance
    np.testing.assert_allclose(backend.gradient(f, p), exact_g, rtol=stop)
    np.testing.assert_allclose(backend.hessian(f, p).ddf, exact_H, rtol=stop)


@pytest.mark.parametrize("backend", BACKENDS)
def test_seed_directional_derivative_is_normalised(backend):
    """The seed computes ∇f·(1, 1) = 12 at (1, 2) with the unnormalised (1, 1); we
    normalise u, so the seed's value is √2 times ours."""
    d = backend.directional_derivative(f, np.array([1.0, 2.0]), np.array([1.0, 1.0]))
    seed_value = float(SEED_DIRECTIONAL(1.0, 2.0))
    assert seed_value == 12.0
    # √eps relative: the stopping tolerance of the extrapolation ('finite_difference')
    assert np.sqrt(2) * d == pytest.approx(seed_value, rel=EPS ** 0.5)
    assert d == pytest.approx(12 / np.sqrt(2), rel=EPS ** 0.5)  # the same √eps
    # and the length of u does not matter
    d_long = backend.directional_derivative(f, np.array([1.0, 2.0]), np.array([7.0, 7.0]))
    assert d_long == pytest.approx(d, rel=EPS ** 0.5)  # the same √eps stopping tolerance


RICH = [c for c in catalog.all_concepts(["differentiate"])
        if c.function_name in ("derivative", "jacobian", "hessian")]


@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # the catalog's case with NaN
@pytest.mark.parametrize("concept", RICH, ids=lambda c: c.name)
def test_same_stencil_same_counts(concept):
    """mathml uses SciPy's stencil and stopping rule: on every catalog case the iteration
    and evaluation counts are SciPy's exactly, entry by entry."""
    for c in concept.cases:
        ours, theirs = c.call(concept.mathml), c.call(concept.reference)
        for field in ("nit", "nfev"):
            if field in theirs:
                np.testing.assert_array_equal(ours[field], theirs[field],
                                              err_msg=f"{field} of case {c.label!r}")


@pytest.mark.parametrize("kwargs", [dict(), dict(order=4), dict(step_direction=1),
                                    dict(step_direction=-1, order=6), dict(step_factor=3.0)])
@pytest.mark.parametrize("maxiter", [1, 2, 3])
def test_same_formula_as_scipy_to_rounding(kwargs, maxiter):
    """With the stopping test switched off, every iteration's estimate is SciPy's up to
    rounding: the Richardson tableau and SciPy's precomputed weights are one formula."""
    x0 = np.linspace(-1.5, 1.5, 7)
    g = lambda t: np.exp(t) + np.sin(3 * t)  # noqa: E731
    # the stopping test off (tolerances 0): exactly maxiter iterations
    options = dict(tolerances=dict(atol=0, rtol=0), maxiter=maxiter, **kwargs)
    ours = differentiate.derivative(g, x0, **options).df
    theirs = scipy.differentiate.derivative(g, x0, **options).df
    # a few ulps of |f|/h, relative to a derivative of size ~1 (h ≥ 0.5/3³ here)
    np.testing.assert_allclose(ours, theirs, rtol=1e-12, atol=1e-12)


def test_extrapolation_order():
    """Each iteration divides the step by 2: the error of an order-4 formula falls by
    2⁴ = 16 (SciPy's documentation shows 0.0622 for the same experiment)."""
    exact = np.exp(1.0)
    errors = [abs(differentiate.derivative(np.exp, 1.0, maxiter=k, order=4,
                                           tolerances=dict(atol=0, rtol=0)).df - exact)  # off
              for k in (1, 2)]
    # 5%: the ratio is 1/16 up to the next term of the error series, O(h²) relative to it
    assert errors[1] / errors[0] == pytest.approx(1 / 16, rel=0.05)


def test_exactly_zero_derivative_is_where_we_differ_from_scipy():
    """A documented difference: where f does not depend on a coordinate at all, our
    central differences are exactly 0, which meets the default atol at once; SciPy's
    weighted sum leaves rounding noise that never does (status −2 after maxiter)."""
    g = lambda p: np.exp(p[0]) + 0 * p[1]  # noqa: E731
    ours = differentiate.jacobian(g, np.array([0.3, 0.7]))
    theirs = scipy.differentiate.jacobian(g, np.array([0.3, 0.7]))
    assert ours.df[1] == 0.0 and ours.status[1] == 0
    assert abs(theirs.df[1]) < 1e-9 and theirs.status[1] == -2
    # the same formula summed in another order: a few hundred ulps of an exp of size ~1
    assert ours.df[0] == pytest.approx(theirs.df[0], rel=1e-13)


@pytest.mark.parametrize("backend", BACKENDS)
def test_nan_is_a_status_not_an_exception(backend):
    """As SciPy: a NaN from f ends that entry with status −3 and df NaN; nothing is raised,
    and the other entries are unaffected."""
    with np.errstate(invalid="ignore"):
        res = backend.derivative(lambda t: np.sqrt(t - 1), np.array([0.5, 2.0]))
        # two points, (0.5, 2) where f is NaN and (2, 2) where it is not
        g = backend.gradient(lambda p: np.sqrt(p[0] - 1) + p[1],
                             np.array([[0.5, 2.0], [2.0, 2.0]]))
    assert np.isnan(res.df[0]) and res.status[0] == -3 and not res.success[0]
    # √eps relative: the default stopping tolerance of both backends
    assert res.df[1] == pytest.approx(0.5 / np.sqrt(1.0), rel=EPS ** 0.5) and res.success[1]
    assert np.isnan(g[:, 0]).all()
    np.testing.assert_allclose(g[:, 1], [0.5, 1.0], rtol=EPS ** 0.5)  # the same √eps


@pytest.mark.parametrize("backend", BACKENDS)
def test_callback_can_stop_the_iteration(backend):
    seen = []

    def callback(res):
        seen.append(np.array(res.status))
        if len(seen) == 2:
            raise StopIteration

    res = backend.derivative(np.exp, np.array([1.0, 2.0]), callback=callback,
                             tolerances=dict(rtol=1e-15))  # unreachable: the callback stops
    assert (seen[0] == 1).all()  # in progress before the first iteration
    assert (res.status == -4).all() and res.nit.tolist() == [1, 1]


def test_result_reads_as_attributes_and_keys():
    res = differentiate.derivative(np.exp, 1.0)
    assert res.df is res["df"]
    assert list(res) == ["success", "status", "df", "error", "nit", "nfev", "x"]
    assert isinstance(res.df, np.float64) and isinstance(res.success, np.bool_)
    assert "df" in repr(res)
    with pytest.raises(AttributeError):
        _ = res.ddf
