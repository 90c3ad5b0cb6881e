"""Catalog entries for automatic differentiation (docs/concepts.md §2): `mathml.autodiff` (reverse
mode on a graph of NumPy arrays) vs `reference.autodiff` (the same `f` traced with SymPy
symbols, differentiated exactly, lambdified).

The functions of the cases are `Source`s: the text of an ``f`` written against the autodiff
API through the name ``ad``. A run binds ``ad`` to the module of the implementation under
test (``mathml.autodiff``, ``reference.autodiff``, or the module of your own engine when you
``mathml check`` it), so both backends run literally the same `f` — the interchangeability
the contract promises. Bound functions are cached, so the reference traces each
(function, argument shapes) once and then only evaluates its lambdified derivative.

How the seeds appear: 000 computes the gradient of x² + 2xy + y² symbolically, (2x + 2y,
2x + 2y); the first case of `grad` evaluates it at (1, 2), where it is (6, 6). 004 explains
backpropagation through the chain rule without numbers; its case is the gradient of a
two-layer network's squared loss with respect to both weight matrices (first case of
`value_and_grad`, second of `grad`).
"""
from __future__ import annotations

import functools
import sys
from dataclasses import dataclass
from types import ModuleType
from typing import Any
from collections.abc import Callable

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from ._core import Bench, Case, Concept, bad, case

SEED_GRADIENT = "000"
SEED_BACKPROP = "004"
TOLERANCE = "autodiff"


# --- functions written once, run by every backend ------------------------------------------------

@dataclass(frozen=True)
class Source:
    """``f`` as source text using ``ad`` (the autodiff module) and ``np``."""

    text: str

    def bind(self, ad: ModuleType) -> Callable:
        return _compile(self.text, ad)

    def __repr__(self) -> str:  # Case.describe shows the function, pasteable
        return f"Source({self.text!r})"


@functools.cache
def _compile(text: str, ad: ModuleType) -> Callable:
    return eval(text, {"ad": ad, "np": np})  # noqa: S307 (the catalog's own source text)


def _module_of(implementation: Any) -> ModuleType:
    """The autodiff module an implementation belongs to: its grad, Tensor, exp, ... are used
    together (your own engine is checked through the module defining the function)."""
    return sys.modules[implementation.__module__]


def _run_transform(transform: Callable, c: Case) -> Any:
    """``grad(f, argnums)(*point)`` or ``value_and_grad(f, argnums)(*point)``."""
    f = c.args[0].bind(_module_of(transform))
    return transform(f, **c.kwargs)(*c.args[1:])


def _run_tensor(cls: type, c: Case) -> tuple:
    """Leaves ``cls(a)``, the output ``f(*leaves)``, ``backward`` (``backward_calls`` times,
    with ``gradient`` when given): the output's value and the leaves' ``grad``."""
    f = c.args[0].bind(_module_of(cls))
    leaves = [cls(a) for a in c.args[1:]]
    y = f(*leaves)
    gradient = c.kwargs.get("gradient")
    for _ in range(c.kwargs.get("backward_calls", 1)):
        if gradient is None:
            y.backward()
        else:
            y.backward(gradient)
    return y.value, tuple(leaf.grad for leaf in leaves)


@functools.cache
def _summed(func: Callable, **kwargs: Any) -> Callable:
    """``x ↦ Σ func(x)``: its gradient is func's derivative, entry by entry."""
    ad = _module_of(func)
    return lambda x: ad.sum(func(x, **kwargs))


@functools.cache
def _summed_squares(func: Callable, **kwargs: Any) -> Callable:
    """``(x, ...) ↦ Σ func(x, ...)²``: every entry of the result reaches the gradient."""
    ad = _module_of(func)
    return lambda *xs: ad.sum(func(*xs, **kwargs) ** 2)


def _run_elementwise(func: Callable, c: Case) -> Any:
    return _module_of(func).value_and_grad(_summed(func))(*c.args)


def _run_reduction(func: Callable, c: Case) -> Any:
    f = _summed_squares(func, **c.kwargs)
    return _module_of(func).value_and_grad(f)(*c.args)


def _run_matmul(func: Callable, c: Case) -> Any:
    return _module_of(func).value_and_grad(_summed_squares(func), argnums=(0, 1))(*c.args)


# --- strategies ----------------------------------------------------------------------------------

#: Shapes kept tiny: every new (function, shapes) costs the reference a SymPy trace.
SHAPES = st.sampled_from([(), (2,), (3,), (2, 2)])

#: One-argument building blocks; relu only ever sees the argument itself, so its kink is
#: met only where both backends see exactly 0 (a composite could round to either side).
UNARY = ("ad.exp({})", "ad.sin({})", "ad.cos({})", "ad.tanh({})", "ad.sigmoid({})",
         "ad.log(1 + ({}) ** 2)", "({}) ** 3", "({0}) * ({0})", "1 / (1 + ({}) ** 2)", "-({})",
         "2.5 ** ({})")
BINARY = ("({}) + ({})", "({}) * ({})", "({}) - ({})", "({}) / (2 + ad.cos({}))")
LEAVES = ("x", "ad.relu(x)", "ad.sigmoid(-x)", "x[..., :1]")
REDUCE = ("ad.sum({})", "ad.mean({})", "ad.sum(({}) ** 2)", "ad.mean(ad.tanh({}))")


def _expressions(depth: int) -> st.SearchStrategy[str]:
    if depth == 0:
        return st.sampled_from(LEAVES)
    inner = _expressions(depth - 1)
    return st.one_of(
        inner,
        st.tuples(st.sampled_from(UNARY), inner).map(lambda t: t[0].format(t[1])),
        st.tuples(st.sampled_from(BINARY), inner, inner).map(lambda t: t[0].format(*t[1:])))


def _points(shape: tuple[int, ...], lo: float = -1.5, hi: float = 1.5):
    return arrays(np.float64, shape, elements=st.floats(lo, hi, allow_nan=False, width=64))


@st.composite
def _one_argument(draw) -> tuple[Source, np.ndarray]:
    """A composed f(x) (depth ≤ 2, arguments of tanh bounded so that 1 − tanh² does not
    cancel) and a point in [−1.5, 1.5]^shape."""
    shape = draw(SHAPES)
    body = draw(_expressions(2))
    if shape == ():
        body = body.replace("x[..., :1]", "x")
    f = draw(st.sampled_from(REDUCE)).format(body)
    return Source(f"lambda x: {f}"), draw(_points(shape))


NETWORK = Source("lambda X, W, b: ad.mean(ad.tanh(X @ W + b) ** 2)")


@st.composite
def _network(draw) -> Case:
    """One layer and a loss, with the weights W and the bias b differentiated."""
    m, k, h = draw(st.tuples(*(st.integers(1, 2),) * 3))
    X, W, b = draw(_points((m, k))), draw(_points((k, h))), draw(_points((h,)))
    return case(NETWORK, X, W, b, argnums=(1, 2))


def _transform_cases() -> st.SearchStrategy[Case]:
    single = _one_argument().map(lambda fx: case(fx[0], fx[1]))
    return st.one_of(single, _network())


def _tensor_cases() -> st.SearchStrategy[Case]:
    return st.tuples(_one_argument(), st.integers(1, 2)).map(
        lambda t: case(t[0][0], t[0][1], backward_calls=t[1]))


def _array_cases(lo: float, hi: float, **kwargs: Any) -> Callable:
    return lambda: st.sampled_from([(), (3,), (2, 3)]).flatmap(
        lambda shape: _points(shape, lo, hi)).map(lambda x: case(x, **kwargs))


def _reduction_cases() -> st.SearchStrategy[Case]:
    axes = st.sampled_from([None, 0, 1, -1, (0, 1)])
    return st.tuples(_points((2, 3)), axes, st.booleans()).map(
        lambda t: case(t[0], axis=t[1], keepdims=t[2]))


def _matmul_cases() -> st.SearchStrategy[Case]:
    def operands(dims):
        n, k, m, shape = dims
        left = (k,) if shape in ("vector @ matrix", "vector @ vector") else (n, k)
        right = (k,) if shape in ("matrix @ vector", "vector @ vector") else (k, m)
        return st.tuples(_points(left), _points(right))
    kinds = st.sampled_from(["matrix @ matrix", "vector @ matrix", "matrix @ vector",
                             "vector @ vector"])
    dims = st.tuples(st.integers(1, 2), st.integers(1, 3), st.integers(1, 2), kinds)
    return dims.flatmap(operands).map(lambda ab: case(*ab))


# --- benchmarks ----------------------------------------------------------------------------------

MLP = Source("lambda x, W1, w2, y: (ad.tanh(x @ W1) @ w2 - y) ** 2")


def _bench_mlp(n: int, rng: np.random.Generator, **kwargs: Any) -> Case:
    """A two-layer network on one sample: n inputs, n hidden units, weights W1 (n×n), w2."""
    x, y = rng.uniform(-1, 1, n), rng.uniform(-1, 1)
    W1, w2 = rng.uniform(-1, 1, (n, n)) / np.sqrt(n), rng.uniform(-1, 1, n) / np.sqrt(n)
    return case(MLP, x, W1, w2, y, **kwargs)


def _bench_mlp_grad(n: int, rng: np.random.Generator) -> Case:
    return _bench_mlp(n, rng, argnums=(1, 2))


def _bench_array(n: int, rng: np.random.Generator) -> Case:
    return case(rng.uniform(0.5, 1.5, n))


# --- the concepts --------------------------------------------------------------------------------

QUADRATIC = Source("lambda x, y: x**2 + 2*x*y + y**2")
X4, W1_4, W2_4, Y4 = (np.array([[0.5, -1.0], [1.5, 0.25], [-0.75, 2.0]]),
                      np.array([[0.2, -0.4, 0.6], [0.8, 0.1, -0.3]]),
                      np.array([1.0, -0.5, 0.25]), np.array([0.5, -1.0, 1.0]))
BACKPROP = Source("lambda X, W1, w2, y: ad.mean((ad.tanh(X @ W1) @ w2 - y) ** 2)")
SIGMOID_LOSS = Source("lambda w, X, y: -ad.mean(y * ad.log(ad.sigmoid(X @ w)) "
                      "+ (1 - y) * ad.log(ad.sigmoid(-(X @ w))))")
X_LOGISTIC = np.array([[1.0, 2.0], [-1.0, 0.5], [3.0, -2.0]])
Y_LOGISTIC = np.array([1.0, 0.0, 1.0])
CONTROL_FLOW = Source("lambda x: x if x > 0 else -x")


def _transform_bad() -> tuple:
    return (
        bad(Source("lambda x: x * 2"), np.ones(3), raises=TypeError, match="scalar",
            label="f returns a vector"),
        bad(QUADRATIC, 1.0, 2.0, argnums=2, raises=TypeError, match="argnums",
            label="argnums names a missing argument"),
        bad(QUADRATIC, 1.0, 2.0, argnums=1.5, raises=TypeError, match="argnums",
            label="argnums not an int"),
        bad(CONTROL_FLOW, 1.0, raises=TypeError, match="branch on values",
            label="f branches on a value"),
        bad(Source("lambda x: np.sum(np.exp(x))"), np.ones(2), raises=TypeError,
            match="numpy.exp", label="f calls a NumPy function"),
        bad(Source("lambda x: ad.sum(ad.log(x))"), np.array([1.0, -1.0]),
            warns=RuntimeWarning, label="log of a negative number: nan, as NumPy"),
        bad(QUADRATIC, 1j, 2.0, raises=TypeError, match="complex", label="complex point"),
    )


CONCEPTS = (
    Concept(
        "autodiff.grad", "sympy.diff of the traced f, lambdified", "exact", TOLERANCE,
        cases=(case(QUADRATIC, 1.0, 2.0, argnums=(0, 1), seed=SEED_GRADIENT,
                    expected=(6.0, 6.0), label="seed 000: ∇(x² + 2xy + y²) at (1, 2)"),
               case(BACKPROP, X4, W1_4, W2_4, Y4, argnums=(1, 2), seed=SEED_BACKPROP,
                    label="seed 004: backpropagation through a two-layer network"),
               case(SIGMOID_LOSS, np.array([0.3, -0.2]), X_LOGISTIC, Y_LOGISTIC,
                    label="logistic loss through sigmoid"),
               case(Source("lambda x: ad.sigmoid(x)"), -30.0, label="sigmoid far left"),
               case(Source("lambda x: x * x * x + ad.sin(x) * x"), 0.7,
                    label="a reused node (x appears four times)"),
               case(Source("lambda x: ad.sum(ad.exp(x)[np.array([0, 0, 1])])"),
                    np.array([0.1, 0.2]), label="indexing with a repeated index"),
               case(Source("lambda x, b: ad.sum(ad.tanh(x + b) * x)"), np.ones((2, 3)) * 0.5,
                    np.array([0.1, -0.2, 0.3]), argnums=(0, 1), label="broadcast bias"),
               case(Source("lambda x, y: 3.0"), 1.0, 2.0, label="f does not depend on x")),
        strategy=_transform_cases,
        bad=_transform_bad(),
        bench=Bench(10, _bench_mlp_grad),
        seeds=(SEED_GRADIENT, SEED_BACKPROP),
        run=_run_transform,
        note="f is written once against the autodiff API (`ad.`) and run by both backends. "
             "The reference traces f once per argument shapes (SymPy: seconds for the "
             "benchmark's 10×10 network) and then evaluates the cached lambdified "
             "derivative: the benchmark times that evaluation."),
    Concept(
        "autodiff.value_and_grad", "sympy.diff of the traced f, lambdified", "exact",
        TOLERANCE,
        cases=(case(BACKPROP, X4, W1_4, W2_4, Y4, argnums=(1, 2), seed=SEED_BACKPROP,
                    label="seed 004: forward pass and backpropagation, two-layer network"),
               case(QUADRATIC, 1.0, 2.0, argnums=(0, 1), seed=SEED_GRADIENT,
                    expected=(9.0, (6.0, 6.0)), label="seed 000: x² + 2xy + y² at (1, 2)"),
               case(SIGMOID_LOSS, np.array([0.3, -0.2]), X_LOGISTIC, Y_LOGISTIC,
                    label="logistic loss through sigmoid"),
               case(Source("lambda x: ad.sum(ad.log(x))"), np.array([1.0, -1.0]),
                    label="log of a negative number: nan value, the gradient still exact")),
        strategy=_transform_cases,
        bad=_transform_bad(),
        bench=Bench(10, _bench_mlp_grad),
        seeds=(SEED_BACKPROP, SEED_GRADIENT),
        run=_run_transform),
    Concept(
        "autodiff.Tensor", "sympy.diff of the traced expression", "exact", TOLERANCE,
        cases=(case(Source("lambda x: x * x + x"), 3.0,
                    label="x used twice: x*x + x, d/dx = 2x + 1"),
               case(Source("lambda x: x * x + x"), 3.0, backward_calls=2,
                    label="backward twice accumulates: 2·(2x + 1)"),
               case(Source("lambda x: (lambda a: a * ad.exp(a) + a)(2 * x)"), 0.5,
                    label="a diamond: a = 2x feeds two branches"),
               case(Source("lambda x, b: ad.sum((x + b) ** 2)"), np.array([[1.0], [2.0]]),
                    np.array([0.5, -1.0, 2.0]), label="broadcasting (2,1) + (3,)"),
               case(Source("lambda x: x[np.array([0, 2, 0])] * 3"), np.array([1.0, 2.0, 3.0]),
                    gradient=np.array([1.0, 10.0, 100.0]),
                    label="vector output with a gradient; repeated index"),
               case(Source("lambda W, x: ad.sum(ad.relu(W @ x - 1))"),
                    np.array([[1.0, 2.0], [0.5, -1.0]]), np.array([1.0, 0.5]),
                    label="relu'(0) = 0: the first unit sits at the kink")),
        strategy=_tensor_cases,
        bad=(bad(Source("lambda x: x * 2"), np.ones(3), raises=TypeError, match="scalar",
                 label="backward of a vector without a gradient"),
             bad(Source("lambda x: x * 2"), np.ones(3), gradient=np.ones(2), raises=ValueError,
                 match="shape", label="gradient of the wrong shape"),
             bad(CONTROL_FLOW, 1.0, raises=TypeError, match="branch on values",
                 label="branching on a value"),
             bad(Source("lambda x: x"), np.array([1j]), raises=TypeError, match="complex",
                 label="complex value")),
        bench=Bench(4, _bench_mlp),
        run=_run_tensor,
        note="Leaves keep grad; a second backward adds the same gradient again (PyTorch)."),
    *(Concept(
        f"autodiff.{name}", f"sympy.{sympy_name}, differentiated", "exact", TOLERANCE,
        cases=cases,
        strategy=_array_cases(lo, hi),
        bad=(bad(np.array([1j]), raises=TypeError, match="complex", label="complex"),
             *extra_bad),
        bench=Bench(100, _bench_array),
        run=_run_elementwise,
        note=note)
      for name, sympy_name, lo, hi, cases, extra_bad, note in (
        ("exp", "exp", -5.0, 5.0, (case(np.array([0.0, 1.0, -2.0]), label="e^x"),), (), ""),
        ("log", "log", 0.1, 10.0, (case(np.array([0.5, 1.0, 4.0]), label="1/x"),),
         (bad(np.array([-1.0]), warns=RuntimeWarning, label="negative: nan, as NumPy"),), ""),
        ("sin", "sin", -4.0, 4.0, (case(np.array([0.0, np.pi / 3, 2.0]), label="cos x"),), (), ""),
        ("cos", "cos", -4.0, 4.0, (case(np.array([0.0, np.pi / 3, 2.0]), label="-sin x"),),
         (), ""),
        ("tanh", "tanh", -3.0, 3.0, (case(np.array([0.0, 0.5, -2.0]), label="1 - tanh²"),), (),
         "1 − tanh²x cancels for large |x| in both backends alike (the same formula)."),
        ("sigmoid", "exp (1/(1 + exp(-x)))", -30.0, 30.0,
         (case(np.array([0.0, 2.0, -2.0]), label="σ(x)σ(−x)"),
          case(np.array([-30.0, 30.0]), label="both tails")), (),
         "mathml is stable for all x; the reference's formula overflows beyond |x| ≈ 709."),
        ("relu", "Max(x, 0) (Heaviside with H(0) = 0)", -2.0, 2.0,
         (case(np.array([-1.0, 0.0, 2.0]), label="relu'(0) = 0"),), (),
         "relu'(0) = 0 as PyTorch and JAX; SymPy's Heaviside(0) = 1/2 is replaced."),
    )),
    Concept(
        "autodiff.sum", "sympy.Add", "exact", TOLERANCE,
        cases=(case(np.arange(6.0).reshape(2, 3), label="all"),
               case(np.arange(6.0).reshape(2, 3), axis=0, label="axis 0"),
               case(np.arange(6.0).reshape(2, 3), axis=1, keepdims=True, label="keepdims")),
        strategy=_reduction_cases,
        bad=(bad(np.ones((2, 3)), axis=2, raises=ValueError, label="axis out of range"),),
        bench=Bench(10, lambda n, rng: case(rng.uniform(-1, 1, (n, n)), axis=0)),
        run=_run_reduction),
    Concept(
        "autodiff.mean", "sympy.Add / N", "exact", TOLERANCE,
        cases=(case(np.arange(6.0).reshape(2, 3), label="all"),
               case(np.arange(6.0).reshape(2, 3), axis=(0, 1), label="both axes"),
               case(np.arange(6.0).reshape(2, 3), axis=-1, keepdims=True, label="last axis")),
        strategy=_reduction_cases,
        bad=(bad(np.ones((2, 3)), axis=2, raises=ValueError, label="axis out of range"),),
        bench=Bench(10, lambda n, rng: case(rng.uniform(-1, 1, (n, n)), axis=1)),
        run=_run_reduction),
    Concept(
        "autodiff.matmul", "numpy.matmul of SymPy expressions", "exact", TOLERANCE,
        cases=(case(np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[0.5], [-1.0]]),
                    label="matrix @ column"),
               case(np.array([1.0, -2.0]), np.array([[1.0, 0.5, 0.0], [2.0, 1.0, -1.0]]),
                    label="vector @ matrix"),
               case(np.array([1.0, -2.0]), np.array([0.5, 3.0]), label="vector @ vector")),
        strategy=_matmul_cases,
        bad=(bad(np.ones((2, 3)), np.ones((2, 3)), raises=ValueError,
                 label="inner sizes differ"),
             bad(2.0, np.ones((2, 2)), raises=ValueError, label="scalar operand")),
        bench=Bench(6, lambda n, rng: case(rng.uniform(-1, 1, (n, n)),
                                           rng.uniform(-1, 1, (n, n)))),
        run=_run_matmul),
)
