"""Integration beyond the catalog's comparisons: SymPy-exact values (the seed's 1/3, the
rules' known errors, Gauss–Legendre nodes to 30 digits), the Gauss–Kronrod constants, how
`quad` calls and reports, and the statistics of `monte_carlo` over many seeds."""
import math
import warnings

import numpy as np
import pytest
import scipy.integrate
import sympy
from sympy.integrals.quadrature import gauss_legendre

import mathml.integrate as mi
import reference.integrate as ri
from mathml.exceptions import IntegrationWarning
from mathml.integrate import _GAUSS, _KRONROD, _NODES, _gauss_legendre
from reference.catalog.integrate import Integrand

EPS = np.finfo(float).eps
x = sympy.Symbol("x", real=True)
BACKENDS = [pytest.param(mi, id="mathml"), pytest.param(ri, id="reference")]


# --- the seed: ∫₀¹ x² dx = 1/3 ----------------------------------------------------------------

@pytest.mark.parametrize("backend", BACKENDS)
def test_seed_integral_is_sympys_one_third(backend):
    exact = sympy.integrate(x**2, (x, 0, 1))
    assert exact == sympy.Rational(1, 3)
    y, abserr = backend.quad(lambda t: t**2, 0, 1)
    assert abs(y - float(exact)) <= 1.49e-8 and abserr <= 1.49e-8  # quad's default epsabs
    # the rules exact for quadratics give it to rounding
    grid = np.linspace(0, 1, 5)
    # exact rules: only the rounding of a weighted sum of ≤ 5 terms (4 eps relative)
    assert backend.simpson(grid**2, x=grid) == pytest.approx(1 / 3, rel=4 * EPS)
    two_point = backend.fixed_quad(lambda t: t**2, 0, 1, n=2)[0]
    assert two_point == pytest.approx(1 / 3, rel=4 * EPS)  # as above


# --- the rules' own errors, exactly -----------------------------------------------------------

@pytest.mark.parametrize("N", [2, 3, 11, 50])
def test_trapezoid_error_is_h_squared_over_six_for_x_squared(N):
    """For f = x² on [0, 1] the trapezoid rule's error (b − a) h² f''/12 is exactly h²/6."""
    h = sympy.Rational(1, N - 1)
    exact = sympy.integrate(x**2, (x, 0, 1)) + h**2 / 6
    grid = np.linspace(0, 1, N)
    # the same sum of ≤ 50 terms: errors of a few ulps, 10 eps relative
    assert mi.trapezoid(grid**2, grid) == pytest.approx(float(exact), rel=10 * EPS)


@pytest.mark.parametrize("N", [3, 5, 9, 21])
def test_simpson_is_exact_for_cubics_with_an_odd_number_of_equal_spacings(N):
    p = 3 * x**3 - 2 * x**2 + x - 5
    exact = float(sympy.integrate(p, (x, -1, 2)))
    grid = np.linspace(-1, 2, N)
    values = sympy.lambdify(x, p, "numpy")(grid)
    # exact for cubics: rounding of a ≤ 21-term weighted sum with cancellation (1e-14)
    assert mi.simpson(values, x=grid) == pytest.approx(exact, rel=1e-14)


@pytest.mark.parametrize("N", [4, 6, 7, 10])
def test_simpson_is_exact_for_quadratics_on_any_grid(N):
    """Uneven spacing, odd or even N (Cartwright's last interval is a parabola too)."""
    grid = np.sort(np.random.default_rng(N).uniform(-1, 2, N))
    grid[0], grid[-1] = -1.0, 2.0
    p = 4 * x**2 - x + 2
    exact = float(sympy.integrate(p, (x, -1, 2)))
    values = sympy.lambdify(x, p, "numpy")(grid)
    # exact for quadratics; uneven spacing forms the weights from ratios of close
    # spacings, which costs more rounding than equal spacing (1e-13)
    assert mi.simpson(values, x=grid) == pytest.approx(exact, rel=1e-13)


def test_simpson_even_number_of_samples_is_scipys_rule():
    grid = np.array([0.0, 0.2, 0.7, 1.1, 1.5, 2.4])
    y = np.exp(grid)
    # the same rule, its weights formed in another order: rounding only
    assert mi.simpson(y, x=grid) == pytest.approx(scipy.integrate.simpson(y, x=grid),
                                                  rel=1e-14)


# --- Gauss–Legendre and Gauss–Kronrod ---------------------------------------------------------

@pytest.mark.parametrize("n", [1, 2, 5, 20, 40])
def test_gauss_legendre_nodes_and_weights_match_sympy_to_30_digits(n):
    nodes, weights = gauss_legendre(n, 30)
    x_n, w_n = _gauss_legendre(n)
    # nodes in [−1, 1] to 2 ulps of 1; weights by a Newton iteration whose rounding grows
    # with n (n·1e-15)
    np.testing.assert_allclose(x_n, np.array(nodes, dtype=float), rtol=0, atol=2 * EPS)
    np.testing.assert_allclose(w_n, np.array(weights, dtype=float), rtol=n * 1e-15)  # above


@pytest.mark.parametrize("n", [1, 3, 8])
def test_fixed_quad_is_exact_to_degree_2n_minus_1(n):
    p = sum((k + 1) * x**k for k in range(2 * n))
    exact = float(sympy.integrate(p, (x, -0.5, 1.5)))
    f = sympy.lambdify(x, p, "numpy")
    # exact rule: rounding of a weighted sum of ≤ 8 terms of size ≤ 16·1.5¹⁵ relative to it
    assert mi.fixed_quad(f, -0.5, 1.5, n=n)[0] == pytest.approx(exact, rel=1e-14)


def test_kronrod_constants_integrate_polynomials_to_their_degree():
    """K21 is exact to degree 31 = 3·10 + 1, its embedded G10 to degree 19, and G10's nodes
    and weights are those of the 10-point Gauss–Legendre rule."""
    for k in range(0, 34, 2):  # odd powers integrate to 0 by symmetry, whatever the degree
        exact = 2 / (k + 1)
        kronrod, gauss = _KRONROD @ _NODES**k, _GAUSS @ _NODES**k
        assert (abs(kronrod - exact) <= 1e-15) == (k <= 31), k
        assert (abs(gauss - exact) <= 1e-15) == (k <= 19), k
    x10, w10 = _gauss_legendre(10)
    # stored constants vs computed: 2 ulps of 1 for nodes, 1e-14 (n·1e-15, n = 10) for weights
    np.testing.assert_allclose(_NODES[_GAUSS > 0], x10, atol=2 * EPS)
    np.testing.assert_allclose(_GAUSS[_GAUSS > 0], w10, rtol=1e-14)  # as above


# --- quad: exact values, how it calls func, what it reports -----------------------------------

EXACT = [  # (integrand, a, b): SymPy's definite integral, computed here independently
    (sympy.exp(-x**2), 1, sympy.oo),
    (1 / (1 + x**2), -sympy.oo, sympy.oo),
    (x**3 * sympy.exp(-x), 0, sympy.oo),
    (sympy.sqrt(x), 0, 2),
    (sympy.log(x), 0, 1),
    (sympy.cos(20 * x) * sympy.exp(-x), 0, 3),
    (sympy.exp(x), -sympy.oo, 0),
]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("expr, a, b", EXACT, ids=[str(e[0]) for e in EXACT])
def test_quad_meets_its_tolerance_against_sympy(backend, expr, a, b):
    exact = float(sympy.integrate(expr, (x, a, b)))
    f = sympy.lambdify(x, expr, "numpy")
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)  # no IntegrationWarning: it converged
        y, abserr = backend.quad(f, float(a), float(b))
    tolerance = max(1.49e-8, 1.49e-8 * abs(exact))
    assert abserr <= tolerance
    assert abs(y - exact) <= tolerance


def test_catalog_integrands_exact_values_are_sympys():
    """The catalog's `Integrand.exact` (antiderivatives, limits, inclusion–exclusion)
    against SymPy's definite integral computed directly."""
    c = sympy.Symbol("c", positive=True)
    for expression, a, b, params in [("exp(-c*x**2)", 0.5, math.inf, {"c": 1.5}),
                                     ("log(x)", 0.0, 2.0, {}),
                                     ("1/(1 + c*x**2)", -math.inf, 1.0, {"c": 0.5})]:
        expr = sympy.sympify(expression, locals={"x": x, "c": c}).subs(c, params.get("c", 1))
        lo = -sympy.oo if a == -math.inf else sympy.nsimplify(a)
        hi = sympy.oo if b == math.inf else sympy.nsimplify(b)
        exact = float(sympy.integrate(expr, (x, lo, hi)))
        # SymPy's antiderivative evaluated in floating point: cancellation of F(b) − F(a)
        assert Integrand(expression, **params).exact(a, b) == pytest.approx(exact, rel=1e-13)
    x0, x1 = sympy.symbols("x0 x1", real=True)
    box = float(sympy.integrate(sympy.exp(-(x0**2 + x1**2)) + x0 * x1, (x0, -1, 2), (x1, 0, 1)))
    f = Integrand("exp(-(x0**2 + x1**2)) + x0*x1", ("x0", "x1"))
    assert f.exact([-1, 0], [2, 1]) == pytest.approx(box, rel=1e-13)  # as above


def test_quad_calls_a_vectorised_func_with_arrays_and_a_scalar_func_with_floats():
    seen = []

    def vectorised(t):
        seen.append(np.shape(t))
        return np.cos(t)

    mi.quad(vectorised, 0, 1)
    assert seen and all(shape in [(1, 21), (2, 21)] for shape in seen)
    floats = []

    def scalar_only(t):
        floats.append(type(t))
        return math.cos(t)  # raises TypeError on an array

    y, _ = mi.quad(scalar_only, 0, 1)
    assert y == pytest.approx(math.sin(1), rel=1e-14)  # Gauss–Kronrod on a smooth f: rounding
    # one try with the array of nodes, then one float at a time
    assert floats[0] is np.ndarray and set(floats[1:]) == {float}


def test_quad_constant_function_returning_one_number():
    # the 21 weights sum to 2 up to an ulp or two
    assert mi.quad(lambda t: 2.5, -1, 3)[0] == pytest.approx(10.0, rel=1e-15)


@pytest.mark.parametrize("backend", BACKENDS)
def test_divergent_integral_warns_and_returns_the_estimate(backend):
    with pytest.warns(UserWarning) as record:
        y, abserr = backend.quad(lambda t: 1 / t, 0, 1)
    assert [type(w.message).__name__ for w in record] == ["IntegrationWarning"]
    assert math.isfinite(y) and abserr > 1.49e-8 * abs(y)  # an estimate, flagged unreliable


def test_mathml_warning_class_is_mathmls():
    with pytest.warns(IntegrationWarning):
        mi.quad(lambda t: 1 / t, 0, 1)
    assert issubclass(IntegrationWarning, UserWarning)


@pytest.mark.parametrize("backend", BACKENDS)
def test_nan_integrand_gives_nan_and_warns(backend):
    with pytest.warns(UserWarning, match="(?i)nan|roundoff"):
        y, abserr = backend.quad(lambda t: np.nan * t, 0, 1)
    assert math.isnan(y) and math.isnan(abserr)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("a, b", [(np.nan, 1.0), (0.0, np.nan), (np.nan, np.inf),
                                  (-np.inf, np.nan)])
def test_nan_limit_gives_nan_and_the_roundoff_warning(backend, a, b):
    # SciPy's quad(f, nan, 1) (issue 16); quad(f, 0, nan) gives 0 in SciPy only because its
    # min/max ordering of the limits drops the NaN, which the reference wrapper undoes
    with pytest.warns(UserWarning, match="roundoff"):
        y, abserr = backend.quad(lambda t: t**2, a, b)
    assert math.isnan(y) and math.isnan(abserr)
    y, abserr, _, message = backend.quad(lambda t: t**2, a, b, full_output=1)
    assert math.isnan(y) and math.isnan(abserr) and "roundoff" in message


@pytest.mark.parametrize("backend", BACKENDS)
def test_full_output_returns_the_message_instead_of_warning(backend):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        y, abserr, info, message = backend.quad(lambda t: 1 / t, 0, 1, full_output=1)
        y2, abserr2, info2 = backend.quad(np.exp, 0, 1, full_output=1)
    assert "maximum number of subdivisions (50)" in message or "roundoff" in message
    for d in (info, info2):
        assert {"neval", "last", "iord", "alist", "blist", "rlist", "elist"} <= set(d)
        assert d["alist"].shape == (50,)
    last = info2["last"]
    assert math.fsum(info2["rlist"][:last]) == pytest.approx(y2, rel=1e-15)  # a sum, rounded


def test_full_output_subintervals_tile_the_range():
    _, _, info = mi.quad(lambda t: np.abs(t - 0.3), 0, 1, full_output=1, points=[0.3])
    last = info["last"]
    a, b = info["alist"][:last], info["blist"][:last]
    assert a[0] == 0 and b[-1] == 1 and np.array_equal(a[1:], b[:-1])
    assert 0.3 in a
    assert info["neval"] == 21 * (2 * last - 2)  # two initial pieces, each halved or not


def test_quad_argument_errors_as_scipy():
    for kwargs, match in [({"limit": 0}, "limit"), ({"epsabs": 0, "epsrel": 0}, "epsrel"),
                          ({"points": np.linspace(0.01, 0.99, 50)}, "break points")]:
        for backend in (mi, ri):
            with pytest.raises(ValueError, match=match):
                backend.quad(np.exp, 0, 1, **kwargs)


# --- monte_carlo: statistics over many seeds --------------------------------------------------

def test_monte_carlo_is_reproducible_with_a_seed():
    f = Integrand("exp(-x**2)")
    assert mi.monte_carlo(f, -1, 2, random_state=7) == mi.monte_carlo(f, -1, 2, random_state=7)
    generator = np.random.default_rng(7)
    assert mi.monte_carlo(f, -1, 2, random_state=generator) == \
        mi.monte_carlo(f, -1, 2, random_state=7)


def test_monte_carlo_confidence_intervals_cover_the_exact_value():
    """Î ± 1.96·ŝe covers SymPy's exact value in 95% of seeded runs: over 400 seeds the
    coverage lies within 4 binomial standard errors of 0.95 (deterministic: fixed seeds)."""
    f = Integrand("x0*exp(-x1**2)", ("x0", "x1"))
    a, b = np.array([0.0, -1.0]), np.array([2.0, 1.0])
    exact = f.exact(a, b)
    covered = [abs(r.integral - exact) <= 1.96 * r.standard_error
               for r in (mi.monte_carlo(f, a, b, n=2000, random_state=s) for s in range(400))]
    assert abs(np.mean(covered) - 0.95) <= 4 * math.sqrt(0.95 * 0.05 / 400)


def test_monte_carlo_standard_error_falls_like_one_over_root_n():
    f = Integrand("sin(3*x)")
    se = [mi.monte_carlo(f, 0, 2, n=n, random_state=1).standard_error for n in (4000, 64000)]
    assert se[0] / se[1] == pytest.approx(4.0, rel=0.05)  # √16, up to the noise in ŝe


def test_monte_carlo_standard_error_matches_the_exact_variance():
    """ŝe² · n / V² estimates Var f(U); for f = x² on [0, 1] that is 1/5 − 1/9 = 4/45."""
    exact_variance = float(sympy.integrate(x**4, (x, 0, 1)) - sympy.integrate(x**2, (x, 0, 1))**2)
    n = 200_000
    res = mi.monte_carlo(lambda t: t**2, 0, 1, n=n, random_state=3)
    # the sample variance's relative standard error is about sqrt(Var(f²)…/n) ≪ 1%
    assert res.standard_error**2 * n == pytest.approx(exact_variance, rel=0.02)


def test_monte_carlo_wrong_shape_from_func():
    with pytest.raises(ValueError, match="one per point"):
        mi.monte_carlo(lambda t: np.stack([t, t], axis=-1), 0, 1)
    with pytest.raises(ValueError, match="one per point"):
        ri.monte_carlo(lambda t: np.stack([t, t], axis=-1), 0, 1)
