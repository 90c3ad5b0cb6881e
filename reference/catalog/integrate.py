"""Catalog entries for integration (docs/concepts.md §2): `mathml.integrate` vs SciPy and SymPy.

The integrands are `Integrand`s: expressions SymPy parses, called with NumPy arrays (or
floats, as ``scipy.integrate.quad`` calls them), whose exact integral SymPy computes. The
comparisons of `quad` and `monte_carlo` use that exact value as a third opinion.

How the seed (000: ``sp.integrate(x**2, (x, 0, 1))`` = 1/3) appears: `quad`'s first case
integrates x² over [0, 1] and expects ``(1/3, 0.0)`` — the value, and an error estimate
that prints as 0.00000000 to 8 decimals; `simpson` (an odd number of samples) and
`fixed_quad` (n ≥ 2) are exact for x², so they reproduce 1/3 too. tests/test_integrate.py
checks the same value against SymPy's exact Rational(1, 3).
"""
from __future__ import annotations

import functools
import math
from typing import Any

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from ._core import Bench, Concept, bad, case
from .strategies import reals

SEED = "000"
#: mathml's and SciPy's IntegrationWarning are twin classes (same name, both UserWarnings),
#: not one class: bad cases expect the common base, and the runner checks that both
#: backends' warnings have the same class name.
INTEGRATION_WARNING = UserWarning


# --- integrands with a known exact integral ---------------------------------------------------

class Integrand:
    """An integrand given as a SymPy expression in `variables`, with numeric `params`.

    Called like the integrators call it: with an array of points (vectorised; for several
    variables, an array of shape (d, n), one row per variable) or with a float.
    ``exact(a, b)`` is SymPy's integral over [a, b] (a box for several variables; ±inf
    allowed for one variable). The parameters are SymPy symbols assumed positive while
    integrating; families whose antiderivative is a polynomial identity (polynomial
    coefficients) may still take any sign.
    """

    def __init__(self, expression: str, variables: tuple[str, ...] = ("x",), **params: float):
        self.expression = expression
        self.variables = tuple(variables)
        self.params = {k: float(v) for k, v in params.items()}

    def __call__(self, x: Any) -> Any:
        points = tuple(x) if len(self.variables) > 1 else (x,)
        return _numeric(self.expression, self.variables, tuple(self.params))(
            *points, **self.params)

    def exact(self, a: Any, b: Any) -> float:
        d = len(self.variables)
        a, b = (np.broadcast_to(np.asarray(v, dtype=float), (d,)) for v in (a, b))
        G = _antiderivative(self.expression, self.variables, tuple(self.params))
        if d == 1:  # the limits approached from inside [a, b]
            up, down = ("-", "+") if b[0] >= a[0] else ("+", "-")
            return _end_value(self, b[0], G, up) - _end_value(self, a[0], G, down)
        total = 0.0  # inclusion–exclusion over the 2^d corners of the box
        for corner in np.ndindex(*(2,) * d):
            point = np.where(np.array(corner) == 1, b, a)
            total += (-1) ** (d - sum(corner)) * float(G(*point, **self.params))
        return total

    def __repr__(self) -> str:
        parts = [repr(self.expression)]
        if self.variables != ("x",):
            parts.append(f"variables={self.variables!r}")
        parts += [f"{k}={v!r}" for k, v in self.params.items()]
        return f"Integrand({', '.join(parts)})"


def _symbols(variables: tuple[str, ...], names: tuple[str, ...]):
    import sympy
    xs = [sympy.Symbol(v, real=True) for v in variables]
    ps = [sympy.Symbol(p, positive=True) for p in names]
    return sympy, xs, ps


@functools.cache
def _expression(expression: str, variables: tuple[str, ...], names: tuple[str, ...]):
    sympy, xs, ps = _symbols(variables, names)
    return sympy.sympify(expression, locals={s.name: s for s in xs + ps})


@functools.cache
def _numeric(expression: str, variables: tuple[str, ...], names: tuple[str, ...]):
    sympy, xs, ps = _symbols(variables, names)
    return sympy.lambdify(xs + ps, _expression(expression, variables, names), "numpy")


@functools.cache
def _antiderivative_expression(expression: str, variables: tuple[str, ...],
                               names: tuple[str, ...]):
    sympy, xs, _ = _symbols(variables, names)
    G = _expression(expression, variables, names)
    for x in xs:
        G = sympy.integrate(G, x)
    return G


@functools.cache
def _antiderivative(expression: str, variables: tuple[str, ...], names: tuple[str, ...]):
    sympy, xs, ps = _symbols(variables, names)
    G = _antiderivative_expression(expression, variables, names)
    return sympy.lambdify(xs + ps, G, ["scipy", "numpy"])


@functools.cache
def _limit_at(expression: str, names: tuple[str, ...], point: float, direction: str):
    """The antiderivative's limit at `point` (±inf, or a finite point where it evaluates to
    NaN, like x log x at 0), as a function of the parameters."""
    sympy, (x,), ps = _symbols(("x",), names)
    G = _antiderivative_expression(expression, ("x",), names)
    where = sympy.oo if point == math.inf else -sympy.oo if point == -math.inf \
        else sympy.nsimplify(point)
    return sympy.lambdify(ps, sympy.limit(G, x, where, direction), ["scipy", "numpy"])


def _end_value(f: Integrand, end: float, G, direction: str) -> float:
    with np.errstate(all="ignore"):
        value = float(G(end, **f.params)) if math.isfinite(end) else math.nan
    if math.isfinite(value):
        return value
    return float(_limit_at(f.expression, tuple(f.params), float(end), direction)(**f.params))


def _exact(c) -> float | None:
    f = c.args[0]
    return f.exact(c.args[1], c.args[2]) if isinstance(f, Integrand) else None


# --- strategies -------------------------------------------------------------------------------

#: Smooth integrands of one variable: (expression, parameter ranges, infinite ranges where
#: the integral converges: "right" [a, ∞), "left" (−∞, b], "both" (−∞, ∞)).
FAMILIES = (
    ("c0 + c1*x + c2*x**2 + c3*x**3", {"c0": (-3, 3), "c1": (-3, 3), "c2": (-3, 3),
                                      "c3": (-3, 3)}, ()),
    ("exp(-c*x**2)", {"c": (0.2, 3)}, ("right", "left", "both")),
    ("exp(-c*x)", {"c": (0.2, 2)}, ("right",)),
    ("sin(k*x) + cos(x)", {"k": (0.5, 5)}, ()),
    ("1/(1 + c*x**2)", {"c": (0.2, 3)}, ("right", "left", "both")),
    ("x*exp(-c*x**2)", {"c": (0.2, 3)}, ("right", "left", "both")),
)
#: Integrands over boxes: (expression, variables, parameter ranges).
BOX_FAMILIES = (
    ("x0*x1 + c*x0**2", ("x0", "x1"), {"c": (-2, 2)}),
    ("exp(-c*(x0**2 + x1**2))", ("x0", "x1"), {"c": (0.2, 2)}),
    ("cos(x0) + x1*x2", ("x0", "x1", "x2"), {}),
)


def _params(draw, ranges: dict) -> dict:
    return {k: draw(st.floats(lo, hi, allow_nan=False)) for k, (lo, hi) in ranges.items()}


@st.composite
def _integral(draw, infinite: bool = True):
    """(Integrand, a, b) for one variable: a finite interval, either orientation, or where
    the family allows, a half-line or the whole line."""
    expression, ranges, tails = draw(st.sampled_from(FAMILIES))
    f = Integrand(expression, **_params(draw, ranges))
    a = draw(reals(-3.0, 3.0))
    b = a + draw(st.floats(0.1, 5.0))
    kind = draw(st.sampled_from(("finite", "finite") + (tails if infinite else ())))
    if kind == "finite":
        return (f, b, a) if draw(st.booleans()) else (f, a, b)
    return {"right": (f, a, math.inf), "left": (f, -math.inf, a),
            "both": (f, -math.inf, math.inf)}[kind]


def _sampled_cases(minimum: int):
    """(y, x or dx, axis) for the sampled-data rules: 1-D or 2-D y, equal spacing dx, sorted
    or unsorted 1-D x, or an x broadcasting to y."""
    @st.composite
    def build(draw):
        N = draw(st.integers(minimum, 12))
        rows = draw(st.sampled_from([None, 1, 3]))
        axis = draw(st.sampled_from([0, -1])) if rows else -1
        shape = (N,) if rows is None else ((N, rows) if axis == 0 else (rows, N))
        y = draw(arrays(np.float64, shape, elements=reals(-10.0, 10.0)))
        spacing = draw(st.sampled_from(["dx", "sorted", "unsorted", "broadcast"]))
        if spacing == "dx":
            return case(y, dx=draw(st.floats(0.05, 3.0)), axis=axis)
        steps = draw(arrays(np.float64, (N,), elements=st.floats(0.05, 2.0)))
        x = np.cumsum(steps) if spacing != "unsorted" else \
            draw(arrays(np.float64, (N,), elements=reals(-5.0, 5.0)))
        if spacing == "broadcast" and rows:
            x = x.reshape((N, 1) if axis == 0 else (1, N))
        return case(y, x, axis=axis)
    return build()


def _quad_cases():
    tolerances = st.sampled_from([{}, {"epsabs": 1e-11, "epsrel": 1e-11}])
    return st.tuples(_integral(), tolerances).map(lambda t: case(*t[0], **t[1]))


def _fixed_quad_cases():
    return st.tuples(_integral(infinite=False), st.integers(1, 60)).map(
        lambda t: case(*t[0], n=t[1]))


@st.composite
def _monte_carlo_case(draw):
    n = draw(st.integers(1000, 20_000))
    seed = draw(st.integers(0, 2**32 - 1))
    if draw(st.booleans()):
        f, a, b = draw(_integral(infinite=False))
        return case(f, a, b, n=n, random_state=seed)
    expression, variables, ranges = draw(st.sampled_from(BOX_FAMILIES))
    d = len(variables)
    a = draw(arrays(np.float64, (d,), elements=reals(-2.0, 2.0)))
    b = a + draw(arrays(np.float64, (d,), elements=st.floats(0.1, 3.0)))
    return case(Integrand(expression, variables, **_params(draw, ranges)), a, b, n=n,
                random_state=seed)


# --- benchmark inputs -------------------------------------------------------------------------

def _bench_samples(n, rng):
    x = np.sort(rng.uniform(0.0, 10.0, n))
    return case(np.sin(x), x, label=f"sin at {n} random points")


def _bench_fixed_quad(n, rng):
    return case(Integrand("exp(-c*x**2)", c=1.0), -1.0, 2.0, n=n)


def _bench_quad(k, rng):
    # about 10k/(2π) oscillations, each needing an interval or two of its own
    return case(Integrand("exp(-x/5)*cos(k*x)", k=float(k)), 0.0, 10.0, limit=4 * k + 50)


def _bench_monte_carlo(n, rng):
    return case(Integrand("cos(x0) + x1*x2", ("x0", "x1", "x2")), np.zeros(3), np.ones(3),
                n=n, random_state=0)


# --- bad inputs -------------------------------------------------------------------------------

def _sampled_bad(*extra):
    return (bad(np.ones(4), np.arange(3.0), raises=ValueError, match="shape",
                label="x shorter than y"),
            bad(np.ones((2, 4)), np.ones((3, 4)), raises=ValueError, match="shape",
                label="x does not broadcast to y"),
            bad(np.array([1 + 1j, 2.0]), raises=TypeError, match="complex", label="complex y"),
            bad(np.array(2.0), raises=ValueError, match="scalar", label="scalar y"),
            bad(None, raises=ValueError, match="scalar", label="y None"),
            bad(np.arange(5.0), np.float64(1.0), raises=ValueError,
                match=r"x of shape \(\) does not fit y", label="scalar x"),
            bad(np.ones((2, 5)), np.float64(1.0), raises=ValueError,
                match=r"x of shape \(\) does not fit y", label="scalar x, 2-D y"),
            *extra)


NAN_HALF = Integrand("sqrt(x - 1/2)")  # NaN on [0, 1/2)


# --- the concepts -----------------------------------------------------------------------------

X5 = np.linspace(0.0, 1.0, 5)
X_UNEVEN = np.array([0.0, 0.3, 0.5, 1.1, 1.4, 2.0, 2.2])

CONCEPTS = (
    Concept(
        "integrate.trapezoid", "scipy.integrate.trapezoid", "weighted_sum", "weighted_sum",
        cases=(case(np.linspace(0.0, 1.0, 50) ** 2, np.linspace(0.0, 1.0, 50), seed=SEED,
                    label="x² at 50 points of [0, 1] (the seed's integral, 1/3 + h²/6)"),
               case(np.array([1, 2, 3]), label="[1, 2, 3] (SciPy's docstring)"),
               case(np.array([1, 2, 3]), np.array([8, 6, 4]),
                    label="decreasing x integrates backwards"),
               case(np.array([1, 2, 3]), dx=2, label="integers with dx = 2"),
               case(np.arange(6.0).reshape(2, 3), axis=0, label="2-D along axis 0"),
               case(np.arange(6.0).reshape(2, 3), np.array([[0.0, 1.0, 3.0]]),
                    label="x broadcasting to y"),
               case(np.array([1.0, np.nan, 3.0]), label="a NaN sample gives NaN"),
               case(np.array([]), label="no samples: 0"),
               case(np.array([5.0]), label="one sample: 0")),
        strategy=lambda: _sampled_cases(0),
        bad=_sampled_bad(),
        bench=Bench(1_000_000, _bench_samples),
        seeds=(SEED,),
        note="Compared relative to Σ|w_i y_i| (the condition of a sum), so samples of mixed "
             "sign that cancel are judged fairly."),
    Concept(
        "integrate.simpson", "scipy.integrate.simpson", "weighted_sum", "weighted_sum",
        cases=(case(X5**2, X5, seed=SEED, expected=1 / 3,
                    label="seed: x² at 5 points of [0, 1] — exact for quadratics: 1/3"),
               case(np.arange(10), x=np.arange(10),
                    label="10 samples of y = x (SciPy's docstring)"),
               case(np.arange(10) ** 3, x=np.arange(10),
                    label="x³ at 10 samples: even N, Cartwright's last interval"),
               case(np.exp(X_UNEVEN), X_UNEVEN, label="uneven spacing, odd N"),
               case(np.exp(X_UNEVEN[:6]), X_UNEVEN[:6], label="uneven spacing, even N"),
               case(np.array([1.0, 2.0]), label="two samples: the trapezoid"),
               case(np.array([1.0]), label="one sample: 0"),
               case(np.arange(12.0).reshape(4, 3), np.array([0.0, 0.5, 2.0, 3.0]), axis=0,
                    label="2-D along axis 0, uneven x"),
               case(np.array([1.0, 2.0, 4.0, 3.0, 5.0]), np.array([0.0, 1.0, 1.0, 2.0, 3.0]),
                    label="a repeated x (zero spacing)"),
               case(np.array([0.0, 1.0, 0.0, 0.0]), np.array([1.0, 0.0, -5.0, 1.0]),
                    label="a weight that cancels to 0: SciPy leaves 8.9e-16, mathml 0")),
        strategy=lambda: _sampled_cases(1),
        bad=_sampled_bad(bad(np.zeros(0), raises=ValueError, match="at least one sample",
                             label="no samples")),
        bench=Bench(1_000_000, _bench_samples),
        seeds=(SEED,),
        note="With an even number of samples both use SciPy ≥ 1.11's rule: Simpson on the "
             "first N − 1 samples, and the last interval from the parabola through the "
             "last three points (Cartwright's correction)."),
    Concept(
        "integrate.fixed_quad", "scipy.integrate.fixed_quad", "fixed_quad", "gauss_legendre",
        cases=(case(Integrand("x**2"), 0.0, 1.0, n=2, seed=SEED, expected=(1 / 3, None),
                    label="seed: x² on [0, 1], exact for n ≥ 2: 1/3"),
               case(Integrand("x**8"), 0.0, 1.0, n=4, label="x⁸, n = 4 (SciPy's docstring)"),
               case(Integrand("x**8"), 0.0, 1.0, n=5, label="x⁸, n = 5: exact (degree ≤ 9)"),
               case(np.cos, 0.0, np.pi / 2, n=4, label="cos on [0, π/2], n = 4"),
               case(np.power, 0.0, 2.0, (3,), n=3, label="args: x³ through np.power(x, 3)"),
               case(Integrand("exp(x)"), 1.0, 0.0, n=10, label="reversed limits"),
               case(Integrand("exp(-x**2)"), -2.0, 3.0, n=1, label="n = 1: the midpoint rule"),
               case(Integrand("1/(1 + x**2)"), -5.0, 5.0, n=100, label="n = 100"),
               case(NAN_HALF, 0.0, 1.0, label="f NaN at some nodes gives NaN"),
               case(np.cos, np.nan, 1.0, label="a NaN limit gives NaN, as SciPy")),
        strategy=_fixed_quad_cases,
        bad=(bad(np.cos, 0.0, 1.0, n=0, raises=ValueError, match="positive integer",
                 label="n = 0"),
             bad(np.cos, 0.0, 1.0, n=2.5, raises=ValueError, match="positive integer",
                 label="n = 2.5"),
             bad(np.cos, 0.0, np.inf, raises=ValueError, match="finite limits",
                 label="an infinite limit"),
             bad(np.cos, None, 1.0, raises=TypeError, match="a must be a real number",
                 label="a None"),
             bad(np.cos, 0.0, 1.0 + 1.0j, raises=TypeError, match="b must be a real number",
                 label="a complex limit (SciPy would integrate along the complex segment)"),
             bad(np.cos, np.zeros(2), 1.0, raises=ValueError, match="a must be a real number",
                 label="an array limit"),
             bad(np.cos, 0.0, 1.0, n=None, raises=TypeError, label="n None")),
        bench=Bench(100, _bench_fixed_quad),
        seeds=(SEED,),
        note="Nodes by Newton's method on P_n (mathml) and by Golub–Welsch plus a Newton "
             "polish (SciPy) agree to an ulp; SciPy's eigenvector weights are good to "
             "~n²·eps, hence the n-dependent tolerance."),
    Concept(
        "integrate.quad", "scipy.integrate.quad", "quad", "quadrature",
        cases=(case(Integrand("x**2"), 0.0, 1.0, seed=SEED, expected=(1 / 3, 0.0),
                    label="seed: ∫₀¹ x² dx = 1/3 (error estimate 0 to 8 decimals)"),
               case(Integrand("exp(-x**2)"), -np.inf, np.inf,
                    label="Gaussian on (−∞, ∞): √π"),
               case(Integrand("exp(-x)"), 0.0, np.inf, label="e^(−x) on [0, ∞)"),
               case(Integrand("1/(1 + x**2)"), -np.inf, 0.0,
                    label="1/(1+x²) on (−∞, 0]: π/2"),
               case(Integrand("exp(x)"), 1.0, 0.0, label="reversed limits"),
               case(Integrand("x**2"), 1.0, 1.0, label="a = b: 0"),
               case(Integrand("sqrt(x)"), 0.0, 1.0, label="√x: a singular derivative at 0"),
               case(Integrand("log(x)"), 0.0, 1.0, label="log x: an integrable singularity"),
               case(Integrand("1/sqrt(x)"), 0.0, 1.0, limit=100,
                    label="1/√x with limit=100 (without extrapolation 51 intervals)"),
               case(Integrand("Abs(x - 3/10)"), 0.0, 1.0, points=[0.3],
                    label="a kink, given as a break point"),
               case(Integrand("sin(x)"), 0.0, np.pi, epsabs=1e-13, epsrel=1e-13,
                    label="tight tolerance 1e-13"),
               case(Integrand("exp(-x/5)*cos(k*x)", k=20.0), 0.0, 10.0, limit=100,
                    label="oscillatory, 30 periods"),
               case(np.power, 0.0, 2.0, (3,), label="args: x³ through np.power(x, 3)"),
               case(math.sin, 0.0, math.pi,
                    label="a scalar-only function (math.sin), called point by point")),
        strategy=_quad_cases,
        bad=(bad(Integrand("1/x"), 0.0, 1.0, warns=INTEGRATION_WARNING,
                 label="divergent ∫₀¹ dx/x: IntegrationWarning"),
             bad(Integrand("1/x"), 1.0, np.inf, warns=INTEGRATION_WARNING,
                 label="divergent ∫₁^∞ dx/x: IntegrationWarning"),
             bad(NAN_HALF, 0.0, 1.0, warns=INTEGRATION_WARNING,
                 label="f returns NaN: IntegrationWarning"),
             bad(Integrand("x"), 0.0, 1.0, limit=0, raises=ValueError, match="limit",
                 label="limit < 1"),
             bad(Integrand("x"), None, 1.0, raises=TypeError, match="a must be a real number",
                 label="a None"),
             bad(Integrand("x"), 0.0, "1", raises=TypeError, match="b must be a real number",
                 label="b a string"),
             bad(Integrand("x"), np.zeros(2), 1.0, raises=ValueError,
                 match="a must be a real number", label="an array limit"),
             bad(Integrand("x"), 0.0, 1.0, limit=50.0, raises=TypeError,
                 label="a float limit (QUADPACK's count of subintervals is an int)"),
             bad(Integrand("x"), 0.0, np.inf, points=[1.0], raises=ValueError,
                 match="Infinity", label="break points with an infinite limit"),
             bad(Integrand("x**2"), np.nan, 1.0, warns=INTEGRATION_WARNING, match="roundoff",
                 label="NaN lower limit: (nan, nan) and IntegrationWarning"),
             bad(Integrand("x**2"), 0.0, np.nan, warns=INTEGRATION_WARNING, match="roundoff",
                 label="NaN upper limit: (nan, nan) and IntegrationWarning"),
             bad(Integrand("x**2"), np.nan, 1.0, points=[0.5], warns=INTEGRATION_WARNING,
                 match="roundoff", label="NaN limit with break points")),
        bench=Bench(50, _bench_quad),
        seeds=(SEED,),
        properties="quad",
        note="mathml runs QUADPACK's QAG (global adaptive G10–K21, a priority queue of "
             "subintervals); SciPy runs QAGS, which also extrapolates with Wynn's "
             "ε-algorithm. Both meet the requested tolerance, so the values agree to "
             "twice it and each lies within it of SymPy's exact integral; the error "
             "estimates differ. Endpoint singularities cost mathml more subintervals "
             "(1/√x on [0, 1] needs 51, SciPy 6)."),
    Concept(
        "integrate.monte_carlo", "scipy.integrate.qmc_quad", "monte_carlo", "monte_carlo",
        cases=(case(Integrand("x**2"), 0.0, 1.0, n=10_000, random_state=0,
                    label="x² on [0, 1] (the seed's integral, 1/3)"),
               case(Integrand("x0*x1", ("x0", "x1")), np.array([0.0, 0.0]),
                    np.array([1.0, 2.0]), n=20_000, random_state=1,
                    label="x·y on [0, 1]×[0, 2]: 1"),
               case(Integrand("cos(x0) + x1*x2", ("x0", "x1", "x2")), np.zeros(3),
                    np.ones(3), n=50_000, random_state=2, label="a 3-D box"),
               case(Integrand("x**2"), 1.0, 0.0, n=10_000, random_state=3,
                    label="reversed bounds: −1/3"),
               case(Integrand("3 + 0*x"), 0.0, 2.0, n=1000, random_state=4,
                    label="a constant: zero variance")),
        strategy=_monte_carlo_case,
        bad=(bad(Integrand("x"), 0.0, 1.0, n=1, raises=ValueError, match="n ≥ 2",
                 label="n = 1"),
             bad(Integrand("x0*x1", ("x0", "x1")), np.zeros(2), np.ones(3), raises=ValueError,
                 match="shape", label="bounds of different shapes"),
             bad(Integrand("exp(-x)"), 0.0, np.inf, raises=ValueError, match="finite",
                 label="an infinite bound"),
             bad(Integrand("x"), np.zeros((2, 2)), np.ones((2, 2)), raises=ValueError,
                 match="shape", label="2-D bounds"),
             bad(Integrand("x"), None, 1.0, raises=TypeError, match="not None",
                 label="a None"),
             bad(Integrand("x"), 0.0, 1.0 + 1.0j, raises=TypeError, match="complex",
                 label="a complex bound"),
             bad(NAN_HALF, 0.0, 1.0, random_state=0, warns=INTEGRATION_WARNING,
                 label="f returns NaN: IntegrationWarning")),
        bench=Bench(1_000_000, _bench_monte_carlo),
        note="The reference is randomised quasi-Monte Carlo (scipy.integrate.qmc_quad, 16 "
             "scrambled Halton sequences), so the two estimates come from different points: "
             "each must lie within ~4.9 of its standard errors of SymPy's exact integral (a "
             "false-alarm rate of 1e-6; t-adjusted: the reference's error has 15 degrees of "
             "freedom)."),
)
