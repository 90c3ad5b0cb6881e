"""Catalog entries for numerical differentiation (docs/concepts.md §2): `mathml.differentiate`
vs ``scipy.differentiate``, and both against SymPy's exact derivatives.

Every function in the cases is a `SymFunction`: SymPy expressions, evaluated with NumPy in
SciPy's calling conventions and differentiated exactly by SymPy. Each concept is compared
two ways:

- against the reference (``scipy.differentiate``) through the catalog, with the tolerance
  'finite_difference';
- against SymPy's exact derivative at the same points, as an invariant of each backend:
  every entry that reports success must lie within √eps (SciPy's default rtol, the
  method's stopping tolerance) of the exact value, relative.

The function families are built so that no derivative asked for is 0 (signs of the
coefficients chosen to agree), because at an exact zero the default, purely relative,
tolerance cannot be met (SciPy's documentation says so) and both backends then stop on
rounding noise.

The seeds' calculus examples are symbolic; they are evaluated at the documented point
(x, y) = (1, 2), and (x, y, z) = (1, 2, 3) for the gradient of x² + y² + z².
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any
from collections.abc import Callable

import numpy as np
from hypothesis import strategies as st

from ._core import Bench, Concept, bad, case

SEEDS = ("000", "001")


# --- functions that carry their exact derivatives ---------------------------------------------

@cache
def _expression(text: str, variables: tuple[str, ...], key: tuple[int, ...]) -> Any:
    """The SymPy expression `text` differentiated by the variables listed in `key`."""
    import sympy as sp

    if not key:
        return sp.sympify(text)
    return sp.diff(_expression(text, variables, key[:-1]), sp.Symbol(variables[key[-1]]))


@cache
def _compiled(text: str, variables: tuple[str, ...], names: tuple[str, ...],
              key: tuple[int, ...]) -> Callable:
    """A NumPy function of (variables, names): `text` differentiated as `key` says."""
    import sympy as sp

    symbols = sp.symbols(variables + names)
    return sp.lambdify(symbols, _expression(text, variables, key), "numpy")


@dataclass(frozen=True, eq=False)
class SymFunction:
    """A function given by SymPy expressions.

    ``variables == ("x",)``: an elementwise function of one variable, ``f(x, *args)``
    (`derivative`, the root finders). Other variables (``x0``, or ``x y``, …): ``f(x)``
    with x of shape ``(m, ...)``, axis 0 the coordinates (`jacobian`, `hessian`, …); several expressions
    make a vector-valued function. ``arguments`` are symbols passed positionally after x
    (`derivative`'s ``args``); ``values`` bind the other parameters. ``root`` is a known
    root, for the root finders.
    """

    exprs: tuple[str, ...]
    variables: tuple[str, ...] = ("x",)
    values: tuple[tuple[str, float], ...] = ()
    arguments: tuple[str, ...] = ()
    root: float | None = None
    vector: bool = False

    def _eval(self, key: tuple, x: Any, args: tuple = ()) -> np.ndarray:
        """Output key[0], differentiated by the variables key[1:], at x."""
        if self.variables == ("x",):  # elementwise
            coords, shape = (x,), np.shape(x)
        else:
            x = np.asarray(x, dtype=np.float64)
            coords, shape = tuple(x), x.shape[1:]
        args = tuple(np.asarray(a, dtype=np.float64) for a in args)
        shape = np.broadcast_shapes(shape, *(a.shape for a in args))
        names = self.arguments + tuple(n for n, _ in self.values)
        g = _compiled(self.exprs[key[0]], self.variables, names, key[1:])
        values = np.asarray(g(*coords, *args, *(v for _, v in self.values)))
        return np.broadcast_to(values.astype(np.result_type(values, np.float64)), shape)

    def __call__(self, x: Any, *args: Any) -> Any:
        if not self.vector:
            return self._eval((0,), x, args)[()]
        return np.stack([self._eval((k,), x, args) for k in range(len(self.exprs))])

    # exact derivatives, evaluated where the numerical ones are
    def derivative(self, x: Any, *args: Any, order: int = 1) -> np.ndarray:
        """d^order f / dx^order of a function of one variable (output k for a vector f)."""
        return np.stack([self._eval((k,) + (0,) * order, x, args)
                         for k in range(len(self.exprs))]) if self.vector \
            else self._eval((0,) + (0,) * order, x, args)

    def jacobian(self, x: Any) -> np.ndarray:
        """(n, m, ...) for a vector f, the gradient (m, ...) for a scalar one."""
        m = len(self.variables)
        J = np.stack([np.stack([self._eval((k, i), x) for i in range(m)])
                      for k in range(len(self.exprs))])
        return J if self.vector else J[0]

    def hessian(self, x: Any) -> np.ndarray:
        m = len(self.variables)
        return np.stack([np.stack([self._eval((0, i, j), x) for j in range(m)])
                         for i in range(m)])

    def diff(self) -> SymFunction:
        """The derivative, as a SymFunction of its own (for `newton`'s fprime)."""
        text = str(_expression(self.exprs[0], self.variables, (0,)))
        return SymFunction((text,), self.variables, self.values, self.arguments)

    def __repr__(self) -> str:
        import sympy as sp

        subs = {sp.Symbol(n): sp.Float(v, 6) for n, v in self.values}
        texts = [str(sp.sympify(e).subs(subs)) for e in self.exprs]
        shown = texts[0] if not self.vector else "[" + ", ".join(texts) + "]"
        over = ", ".join(self.variables + self.arguments)
        return f"SymFunction(lambda {over}: {shown})"


def sym(*exprs: str, variables: str = "x", values: dict | None = None, arguments: str = "",
        root: float | None = None) -> SymFunction:
    """Shorthand: ``sym("x0**2 + x1**2", variables="x0 x1")``."""
    return SymFunction(tuple(exprs), tuple(variables.split()),
                       tuple((values or {}).items()), tuple(arguments.split()), root,
                       len(exprs) > 1)


class VectorExample:
    """SciPy's `preserve_shape` example: f(x) = [x0, sin 3x1, x2 + sin 10x2, sin(20x3)(x3−1)²]
    of x with shape (4,): each output a function of its own coordinate."""

    def __call__(self, x: Any) -> list:
        x0, x1, x2, x3 = x
        return [x0, np.sin(3 * x1), x2 + np.sin(10 * x2), np.sin(20 * x3) * (x3 - 1) ** 2]

    def __repr__(self) -> str:
        return "VectorExample()"


class ExpLinear:
    """f(x) = exp(A x / m) + B x, A and B of shape (n, m) (n = 0: the scalar exp(a·x/m) +
    b·x): a smooth benchmark function of any size, vectorised over trailing axes."""

    def __init__(self, A: np.ndarray, B: np.ndarray, scalar: bool = False):
        self.A, self.B, self.scalar = A, B, scalar

    def __call__(self, x: Any) -> np.ndarray:
        x = np.asarray(x)
        y = np.exp(np.tensordot(self.A, x, axes=1) / x.shape[0]) + np.tensordot(self.B, x, axes=1)
        return y[0] if self.scalar else y

    def __repr__(self) -> str:
        return f"ExpLinear(A of shape {self.A.shape}, scalar={self.scalar})"


# --- the seeds' functions ----------------------------------------------------------------------

SEED_F = sym("x**2 + 2*x*y + y**2", variables="x y")         # seeds 000 and 001
SEED_G = sym("x**2 + y**2 + z**2", variables="x y z")         # seed 000
SEED_POINT = np.array([1.0, 2.0])                              # the documented point
SEED_POINT_3 = np.array([1.0, 2.0, 3.0])


# --- families whose derivatives never vanish ---------------------------------------------------

_ROUND = 3  # parameters rounded, so that a failing case prints short


def _coef(lo: float, hi: float):
    return st.floats(lo, hi, allow_nan=False).map(lambda v: round(v, _ROUND))


# f' = s·(positive): all terms of the derivative share one sign, so it is never 0 on [−2, 2].
_UNIVARIATE = (
    ("s*(a*exp(b*x) + c*x)", dict(a=(0.5, 2), b=(0.5, 1.5), c=(0.5, 2))),
    ("s*(a*x**3 + b*x + c*sin(x))", dict(a=(0.1, 1), b=(1.5, 3), c=(0, 1))),
    ("s*(log(1 + exp(a*x)) + b*x)", dict(a=(0.5, 2), b=(0.5, 2))),
    ("s*(tanh(a*x) + b*x)", dict(a=(0.5, 2), b=(0.5, 2))),
    ("s*(sqrt(x**2 + a) + b*x)", dict(a=(0.5, 2), b=(1.5, 3))),
    ("s*(sin(a*x) + (a + b)*x)", dict(a=(0.5, 2), b=(0.5, 1))),
)


@st.composite
def univariate(draw) -> SymFunction:
    template, ranges = draw(st.sampled_from(_UNIVARIATE))
    values = {name: draw(_coef(*r)) for name, r in ranges.items()}
    values["s"] = draw(st.sampled_from([1.0, -1.0]))
    return sym(template, values=values)


def _multivariate_template(kind: str, m: int) -> str:
    ax = " + ".join(f"a{i}*x{i}" for i in range(m))
    bx = " + ".join(f"b{i}*x{i}" for i in range(m))
    return {"exp": f"exp({ax}) + {bx}",
            "softplus": f"log(1 + exp({ax})) + {bx}",
            "cubic": f"({ax} + d)**3/3 + {bx}"}[kind]


@st.composite
def multivariate(draw, m: int, signs: np.ndarray | None = None) -> tuple[SymFunction, np.ndarray]:
    """A scalar function of m variables with ∂f/∂x_i of sign σ_i everywhere on [−1, 1]^m
    (a_i and b_i both of sign σ_i) and no zero entry in its Hessian; returns (f, σ)."""
    kind = draw(st.sampled_from(["exp", "softplus", "cubic"]))
    if signs is None:
        signs = np.array(draw(st.lists(st.sampled_from([1.0, -1.0]), min_size=m, max_size=m)))
    values = {}
    for i in range(m):
        values[f"a{i}"] = signs[i] * draw(_coef(0.3, 1.0))
        values[f"b{i}"] = signs[i] * draw(_coef(0.5, 2.0))
    if kind == "cubic":
        values["d"] = draw(_coef(5.0, 6.0))  # a·x + d > 0 on the cube: H_ij ≠ 0
    variables = " ".join(f"x{i}" for i in range(m))
    return sym(_multivariate_template(kind, m), variables=variables, values=values), signs


def _cube(m: int, k: int | None = None):
    shape = (m,) if k is None else (m, k)
    return st.lists(_coef(-1.0, 1.0), min_size=int(np.prod(shape)),
                    max_size=int(np.prod(shape))).map(lambda v: np.array(v).reshape(shape))


# --- comparing the rich results ------------------------------------------------------------------

def _fields(name: str):
    """Compare the derivative and how each entry ended (success, status). The error
    estimate is left out: it is a difference of two nearly equal estimates, rounding noise
    once converged; nit and nfev are checked in tests/test_differentiate.py."""
    def run(func, c):
        res = c.call(func)
        return {name: res[name], "success": res["success"], "status": res["status"]}
    return run


def _expected(name: str, value) -> dict:
    value = np.asarray(value, dtype=float)
    return {name: value, "success": np.ones(value.shape, dtype=bool),
            "status": np.zeros(value.shape, dtype=np.int32)}


# --- strategies ------------------------------------------------------------------------------------

_DERIVATIVE_OPTIONS = st.sampled_from([
    {}, {}, {"order": 4}, {"order": 6}, {"step_direction": 1}, {"step_direction": -1},
    {"initial_step": 0.25}, {"step_factor": 3.0}, {"tolerances": {"rtol": 1e-10}}])


def _derivative_cases():
    points = st.integers(1, 5).flatmap(
        lambda n: st.lists(_coef(-2.0, 2.0), min_size=n, max_size=n)).map(np.array)
    return st.tuples(univariate(), points, _DERIVATIVE_OPTIONS).map(
        lambda t: case(t[0], t[1], **t[2]))


def _jacobian_cases():
    @st.composite
    def build(draw):
        m, n = draw(st.integers(1, 4)), draw(st.integers(1, 3))
        members = [draw(multivariate(m))[0] for _ in range(n)]
        f = members[0] if n == 1 else _stack(members)
        k = draw(st.sampled_from([None, None, 2]))
        options = draw(st.sampled_from([{}, {}, {"step_direction": 1}, {"order": 6}]))
        return case(f, draw(_cube(m, k)), **options)
    return build()


def _stack(members: list[SymFunction]) -> SymFunction:
    """A vector-valued function from scalar ones, their parameters renamed apart."""
    import sympy as sp

    exprs, values = [], []
    for k, g in enumerate(members):
        rename = {sp.Symbol(n): sp.Symbol(f"{n}_{k}") for n, _ in g.values}
        exprs.append(str(sp.sympify(g.exprs[0]).subs(rename, simultaneous=True)))
        values += [(f"{n}_{k}", v) for n, v in g.values]
    return SymFunction(tuple(exprs), members[0].variables, tuple(values), (), None, True)


def _scalar_cases(make, max_m: int = 4):
    @st.composite
    def build(draw):
        m = draw(st.integers(1, max_m))
        f, signs = draw(multivariate(m))
        return make(draw, f, signs, m)
    return build()


def _hessian_cases():
    return _scalar_cases(lambda draw, f, s, m: case(f, draw(_cube(m))), max_m=3)


def _gradient_cases():
    return _scalar_cases(lambda draw, f, s, m: case(
        f, draw(_cube(m, draw(st.sampled_from([None, None, 3]))))))


def _partial_cases():
    return _scalar_cases(lambda draw, f, s, m: case(f, draw(_cube(m)),
                                                    draw(st.integers(-m, m - 1))))


def _directional_cases():
    # u_i of the sign of ∂f/∂x_i: every term of ∇f·û has one sign, so it is never 0.
    def make(draw, f, signs, m):
        u = signs * np.array(draw(st.lists(_coef(0.1, 2.0), min_size=m, max_size=m)))
        return case(f, draw(_cube(m)), u)
    return _scalar_cases(make)


# --- benchmarks --------------------------------------------------------------------------------

def _bench_derivative(n, rng):
    return case(sym("a*exp(b*x) + c*x", values=dict(a=1.3, b=0.7, c=0.4)),
                rng.uniform(-2, 2, n))


def _exp_linear(m, rng, n=None):
    A = rng.uniform(0.2, 1.0, (n or 1, m)) * rng.choice([-1, 1], (n or 1, m))
    B = np.sign(A) * rng.uniform(0.5, 2.0, A.shape)
    return ExpLinear(A, B, scalar=n is None)


def _bench_scalar(make_args):
    return lambda m, rng: case(_exp_linear(m, rng), rng.uniform(-1, 1, m), *make_args(m, rng))


# --- bad inputs ---------------------------------------------------------------------------------

EXP = sym("exp(x)")
SUM = sym("x + y", variables="x y")
PAIR = sym("x*y", "x + y", variables="x y")


# --- the concepts ---------------------------------------------------------------------------------

_SAME_STENCIL = (
    "Same nested stencil as SciPy (steps h/c^k, order 8, error = change of the estimate), so "
    "df agrees to rounding and status, nit and nfev agree. One difference: where f does not "
    "depend on x at all, our central differences are exactly 0 and converge at once (status "
    "0), while SciPy's weighted sums leave ~eps·|f|/h of noise that never meets the default "
    "atol (status -2).")

CONCEPTS = (
    Concept(
        "differentiate.derivative", "scipy.differentiate.derivative", "exact",
        "finite_difference",
        cases=(case(sym("exp(x)"), np.linspace(1, 2, 5), label="exp at 5 points"),
               case(sym("sin(x)"), 0.0, step_direction=1, label="sin at 0, one-sided"),
               case(sym("log(x)"), 1e-3, step_direction=1, initial_step=1e-3,
                    label="log near the edge of its domain, right steps only"),
               case(sym("x**3 - 2*x"), np.array([-1.0, 0.5, 2.0]), order=4, label="order 4"),
               case(sym("x**p", arguments="p"), np.arange(1.0, 5.0),
                    args=(np.arange(1.0, 4.0).reshape(-1, 1),), label="args broadcast"),
               case(VectorExample(), np.zeros(4), preserve_shape=True,
                    label="vector-valued f, preserve_shape"),
               case(sym("exp(x)"), 1.0, maxiter=1, label="maxiter 1: status -2"),
               case(sym("sqrt(x - 1)"), np.array([0.5, 2.0]),
                    label="f NaN at one point: status -3, df NaN")),
        strategy=_derivative_cases,
        bad=(bad(1.0, 1.0, raises=ValueError, match="callable", label="f not callable"),
             bad(EXP, 1.0, maxiter=0, raises=ValueError, match="maxiter", label="maxiter 0"),
             bad(EXP, 1.0, step_direction=1.0 + 1.0j, raises=ValueError,
                 match="step_direction", label="a complex step direction"),
             bad(EXP, 1.0, order=0, raises=ValueError, match="order", label="order 0"),
             bad(EXP, 1.0, tolerances={"atol": -1.0}, raises=ValueError,
                 match="non-negative", label="negative atol"),
             bad(EXP, 1.0, step_factor=1.0, raises=ValueError, match="step_factor",
                 label="step_factor 1"),
             bad(sym("x + I"), 1.0, raises=ValueError, match="real", label="complex f"),
             bad(SUM, SEED_POINT, raises=ValueError, match="shape",
                 label="f(x) of another shape than x")),
        bench=Bench(1000, lambda n, rng: _bench_derivative(n, rng)),
        run=_fields("df"), properties="derivative", note=_SAME_STENCIL),
    Concept(
        "differentiate.partial", "scipy.differentiate.jacobian(f, x).df[i]", "exact",
        "finite_difference",
        cases=(case(SEED_F, SEED_POINT, 0, seed="000", expected=6.0,
                    label="seed: ∂/∂x (x²+2xy+y²) = 2x+2y at (1, 2)"),
               case(SEED_F, SEED_POINT, 1, label="∂/∂y at (1, 2)"),
               case(SEED_G, SEED_POINT_3, -1, label="∂/∂z of x²+y²+z², negative index"),
               case(SEED_F, np.array([[1.0, 2.0, -1.0], [2.0, 0.5, 3.0]]), 0,
                    label="three points at once")),
        strategy=_partial_cases,
        bad=(bad(SEED_F, SEED_POINT, 2, raises=IndexError, match="out of bounds",
                 label="i out of range"),
             bad(SEED_F, SEED_POINT, 1.0, raises=TypeError, label="i not an integer"),
             bad(SEED_F, 1.0, 0, raises=ValueError, match="1-D", label="0-d x"),
             bad(PAIR, SEED_POINT, 0, raises=ValueError, match="one number per point",
                 label="vector-valued f")),
        bench=Bench(100, _bench_scalar(lambda m, rng: (m // 2,))),
        seeds=("000",), properties="partial",
        note="SciPy has no partial derivative: the reference takes entry i of "
             "scipy.differentiate.jacobian(f, x).df, mathml differentiates the one line "
             "through x along axis i. Plain numbers are returned (no status): use "
             "derivative or jacobian for those."),
    Concept(
        "differentiate.gradient", "scipy.differentiate.jacobian(f, x).df", "exact",
        "finite_difference",
        cases=(case(SEED_F, SEED_POINT, seed="000", expected=np.array([6.0, 6.0]),
                    label="seed: ∇(x²+2xy+y²) = (2x+2y, 2x+2y) at (1, 2)"),
               case(SEED_G, SEED_POINT_3, seed="000", expected=np.array([2.0, 4.0, 6.0]),
                    label="seed: ∇(x²+y²+z²) = (2x, 2y, 2z) at (1, 2, 3)"),
               case(SEED_G, np.array([[1.0, -1.0], [2.0, 0.5], [3.0, 2.0]]),
                    label="two points at once")),
        strategy=_gradient_cases,
        bad=(bad(PAIR, SEED_POINT, raises=ValueError, match="one number per point",
                 label="vector-valued f"),
             bad(SEED_F, 1.0, raises=ValueError, match="1-D", label="0-d x")),
        bench=Bench(50, _bench_scalar(lambda m, rng: ())),
        seeds=("000", "001"), properties="gradient",
        note="The gradient is the Jacobian of a scalar function: both backends take "
             "jacobian(f, x).df and refuse a vector-valued f. Plain arrays are returned."),
    Concept(
        "differentiate.jacobian", "scipy.differentiate.jacobian", "exact", "finite_difference",
        cases=(case(SEED_F, SEED_POINT, seed="000", expected=_expected("df", [6.0, 6.0]),
                    label="seed: the gradient of x²+2xy+y² at (1, 2)"),
               case(sym("x + 2*y + z", "x + y + 5*z", "x + 4*y**2 - 2*z", "x + y + z*sin(x)",
                        variables="x y z"),
                    np.array([0.3, 0.7, 0.2]), label="4 outputs of 3 variables"),
               case(sym("exp(x*y)", "x**2 + y", variables="x y"),
                    np.array([[0.5, 1.0, -0.5], [0.2, -0.3, 0.8]]), label="at 3 points"),
               case(sym("exp(x*y)", "x**2 + y", variables="x y"), np.array([0.5, 0.2]),
                    step_direction=np.array([1, -1]), label="one-sided, per coordinate")),
        strategy=_jacobian_cases,
        bad=(bad(SEED_F, 1.0, raises=ValueError, match="1-D", label="0-d x"),
             bad(SEED_F, SEED_POINT, maxiter=0, raises=ValueError, match="maxiter",
                 label="maxiter 0")),
        bench=Bench(20, lambda m, rng: case(_exp_linear(m, rng, n=m), rng.uniform(-1, 1, m))),
        seeds=("000",), run=_fields("df"), properties="jacobian", note=_SAME_STENCIL),
    Concept(
        "differentiate.hessian", "scipy.differentiate.hessian", "exact", "finite_difference",
        cases=(case(SEED_F, SEED_POINT, seed="001",
                    expected=_expected("ddf", [[2.0, 2.0], [2.0, 2.0]]),
                    label="seed: Hessian of x²+2xy+y² = [[2, 2], [2, 2]]"),
               case(sym("exp(x + 2*y) + x*y**2", variables="x y"), np.array([0.3, -0.4]),
                    label="exp(x+2y) + xy²"),
               case(sym("log(1 + x**2 + y**2 + z**2) + x*y*z", variables="x y z"),
                    np.array([0.5, 0.8, 1.2]), label="3 variables")),
        strategy=_hessian_cases,
        bad=(bad(SEED_F, 1.0, raises=ValueError, match="1-D", label="0-d x"),
             bad(SEED_F, SEED_POINT, tolerances={"rtol": 1e-15}, warns=RuntimeWarning,
                 match="rtol", label="rtol below 100·eps: warns")),
        bench=Bench(10, _bench_scalar(lambda m, rng: ())),
        seeds=SEEDS, run=_fields("ddf"), properties="hessian",
        note="The Jacobian of the gradient, as SciPy: the inner differences use rtol/100. "
             + _SAME_STENCIL),
    Concept(
        "differentiate.directional_derivative",
        "scipy.differentiate.derivative(lambda t: f(x + t·u/‖u‖), 0)", "exact",
        "finite_difference",
        cases=(case(SEED_F, SEED_POINT, np.array([1.0, 1.0]), seed="000",
                    expected=12 / np.sqrt(2),
                    label="seed: along (1, 1) at (1, 2): ∇f·(1,1)/√2 = 12/√2"),
               case(SEED_G, SEED_POINT_3, np.array([3.0, 0.0, 4.0]),
                    label="x²+y²+z² along (3, 0, 4)"),
               case(SEED_F, np.array([[1.0, 0.0], [2.0, 3.0]]), np.array([2.0, 1.0]),
                    label="two points at once")),
        strategy=_directional_cases,
        bad=(bad(SEED_F, SEED_POINT, np.ones(3), raises=ValueError, match=r"\(3,\).*\(2,\)",
                 label="u of the wrong length"),
             bad(SEED_F, SEED_POINT, np.zeros(2), raises=ValueError, match="nonzero",
                 label="u = 0")),
        bench=Bench(100, _bench_scalar(lambda m, rng: (rng.uniform(-1, 1, m),))),
        seeds=("000",), properties="directional",
        note="u is normalised: the result is the slope per unit length along u. The seed "
             "computes ∇f·(1, 1) with the unnormalised (1, 1), which is √2 times this "
             "(12 at (1, 2)); tests/test_differentiate.py reproduces it."),
)
