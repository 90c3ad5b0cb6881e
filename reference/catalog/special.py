"""Catalog entries for special functions (docs/concepts.md §4): `mathml.special` vs
``scipy.special``.

How the seed appears: seed 002 plots the sigmoid ``1/(1 + exp(−x))`` on
``np.linspace(−10, 10, 100)``; `expit`'s first case is that input, expecting that closed form
(computed here with NumPy, the seed's own formula — it prints nothing itself).

Inputs are drawn on the domains each docstring states its accuracy for (e.g. a, x ≤ 100
for the incomplete gamma function); the tails a learner meets (erfc to 27, expit at ±1000,
erfinv next to ±1) are in the example cases.
"""
from __future__ import annotations

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from ._core import Bench, Concept, bad, case


def reals(lo: float, hi: float):
    """Floats in [lo, hi] without subnormals: SciPy's betainc, for one, loses accuracy on a
    subnormal x (betainc(0.5, 0.25, 2⁻¹⁰⁷⁴) is 2% off mpmath's value; mathml's is not), and
    subnormal inputs are outside the domains the docstrings state accuracy for."""
    return st.floats(lo, hi, allow_nan=False, allow_infinity=False, allow_subnormal=False,
                     width=64)

SEED = "002"
_X002 = np.linspace(-10, 10, 100)
SHAPES = st.sampled_from([(1,), (3,), (8,), (2, 3)])


def _arrays(lo: float, hi: float, n_args: int = 1):
    """Cases of `n_args` arrays of one shape with entries in [lo, hi] (a list of bounds
    per argument when they differ)."""
    bounds = [(lo, hi)] * n_args if not isinstance(lo, (list, tuple)) else list(zip(lo, hi))
    return SHAPES.flatmap(lambda shape: st.tuples(
        *(arrays(np.float64, shape, elements=reals(l, h)) for l, h in bounds))
    ).map(lambda xs: case(*xs))


def _scalar_cases(label_values):
    return tuple(case(*v, label=l) for l, v in label_values)


def _complex(n_args: int = 1, **kw):
    args = (np.array([1.0 + 1.0j]),) + tuple(np.array([0.5]) for _ in range(n_args - 1))
    return (bad(*args, raises=TypeError, match="complex", label="complex input", **kw),)


NO_LOOP = "not supported for the input types"


def _bad(n_args: int = 1):
    """The contract's complex refusal, and SciPy's ufunc errors: no loop for None, strings,
    dates or long double (TypeError "ufunc ... not supported for the input types"), NumPy's
    ValueError for a ragged list. Each in the last argument, the others valid."""
    def at_last(x, label, raises, match):
        args = tuple(np.array([0.5]) for _ in range(n_args - 1)) + (x,)
        return bad(*args, raises=raises, match=match, label=label)
    return _complex(n_args) + (
        at_last(None, "None", TypeError, NO_LOOP),
        at_last("0.5", "a string", TypeError, NO_LOOP),
        at_last(np.array(["2020-01-01"], dtype="datetime64[D]"), "dates", TypeError, NO_LOOP),
        at_last([[0.5, 0.5], [0.5]], "ragged list", ValueError, "inhomogeneous"))


def _f32(*xs):
    return tuple(np.asarray(x, dtype=np.float32) for x in xs)


def _bench(n_args: int, lo, hi):
    lo = lo if isinstance(lo, (list, tuple)) else [lo] * n_args
    hi = hi if isinstance(hi, (list, tuple)) else [hi] * n_args
    return Bench(10_000, lambda n, rng: case(*(rng.uniform(l, h, size=n) for l, h in zip(lo, hi))))


def _matrices(lo=-50.0, hi=50.0):
    return st.tuples(st.integers(1, 4), st.integers(1, 4)).flatmap(
        lambda s: arrays(np.float64, s, elements=reals(lo, hi)))


def _softmax_strategy():
    return st.tuples(_matrices(), st.sampled_from([None, 0, 1, -1, (0, 1)])).map(
        lambda xa: case(xa[0], axis=xa[1]))


@st.composite
def _logsumexp_case(draw):
    a = draw(_matrices(-700.0, 700.0))
    axis = draw(st.sampled_from([None, 0, 1, -1]))
    kwargs = {"axis": axis, "keepdims": draw(st.booleans())}
    if draw(st.booleans()):  # non-negative weights: no cancellation between terms
        kwargs["b"] = draw(arrays(np.float64, a.shape, elements=reals(0.0, 5.0)))
        kwargs["return_sign"] = draw(st.booleans())
    return case(a, **kwargs)


def _softmax_bad():
    """Complex (the contract), and what SciPy's softmax refuses: None, strings (no loop in
    NumPy's maximum), booleans (x − max(x) is a boolean subtraction NumPy refuses)."""
    return _complex() + (
        bad(None, raises=TypeError, label="None"),
        bad(np.array(["1.0", "2.0"]), raises=TypeError, label="strings"),
        bad(np.array([True, False]), raises=TypeError, match="boolean subtract",
            label="booleans"),
        bad([[0.5, 0.5], [0.5]], raises=ValueError, match="inhomogeneous", label="ragged list"))


def _bench_matrix(n, rng):
    return case(rng.normal(size=(max(n // 100, 1), 100)) * 10, axis=1)


M = np.array([[1.0, 2.0, 3.0], [-1.0, 0.0, 1000.0]])

CONCEPTS: tuple[Concept, ...] = (
    Concept(
        "special.erf", "scipy.special.erf", "same_type", "exact",
        cases=(case(np.linspace(-6, 6, 49), label="[-6, 6]"),
               case(np.array([0.0, -0.0, 1e-300, 1e-10, np.inf, -np.inf, np.nan]),
                    label="zero, tiny, infinities, nan"),
               case(0.5, label="scalar"),
               case(*_f32(np.linspace(-6, 6, 25)), label="float32: float32 out"),
               case(np.float32(0.5), label="a float32 scalar: a float32 scalar"),
               case(np.array([0.5, -2.0], dtype=np.float16), label="float16: float64 (no loop)"),
               case(np.array([0, 1, 2], dtype=np.int8), label="int8: float64"),
               case(np.array([True, False]), label="bool: float64")),
        strategy=lambda: _arrays(-6.0, 6.0),
        bad=_bad() + (bad(np.array([0.5], dtype=np.longdouble), raises=TypeError,
                          match=NO_LOOP, label="long double: no loop"),),
        bench=_bench(1, -5, 5)),
    Concept(
        "special.erfc", "scipy.special.erfc", "same_type", "exact",
        cases=(case(np.linspace(-6, 27, 67), label="[-6, 27]: the far tail"),
               case(np.array([0.0, 0.99999, 1.0, 2.0, 26.5, 30.0, np.inf, -np.inf, np.nan]),
                    label="branch points, underflow, infinities"),
               case(3.0, label="scalar"),
               case(*_f32([-3.0, 0.5, 2.0, 9.0]), label="float32: float32 out (9: the tail)"),
               case(np.float32(1.0), label="a float32 scalar")),
        strategy=lambda: _arrays(-6.0, 27.0),
        bad=_bad(),
        bench=_bench(1, -5, 10)),
    Concept(
        "special.erfinv", "scipy.special.erfinv", "same_type", "exact",
        cases=(case(np.linspace(-0.99, 0.99, 45), label="centre"),
               case(np.array([1 - 1e-16, 1 - 1e-12, 1 - 1e-6, -(1 - 1e-10), 1e-300, 0.0]),
                    label="next to ±1, tiny"),
               case(np.array([-1.0, 1.0, 1.5, -2.0, np.nan]), label="ends and outside: ±inf, nan"),
               case(np.array([-0.98, 0.98, -0.999, 0.7]), label="|y| > 1/2: the tail iteration"),
               case(*_f32([-0.9, 0.1, 0.5, 0.99]), label="float32: float32 out"),
               case(np.array([0.5, -0.25], dtype=np.float16),
                    label="float16: float32 (erfinv's float32 loop comes first)"),
               case(np.array([True, False]), label="bool: float32 as well"),
               case(1, label="a Python int: float64")),
        strategy=lambda: _arrays(-1.0, 1.0),
        bad=_bad(),
        bench=_bench(1, -1, 1)),
    Concept(
        "special.gamma", "scipy.special.gamma", "same_type", "exact",
        cases=(case(np.array([1.0, 2.0, 5.0, 0.5, 10.0, 100.5, 171.5]), label="positive"),
               case(np.array([-0.5, -1.5, -10.3, -19.99]), label="negative (reflection)"),
               case(np.array([0.0, -0.0, -1.0, -2.0, 172.0, np.inf, -np.inf, np.nan]),
                    label="poles, ±0, overflow, infinities"),
               case(np.arange(1.0, 171.0), label="integers: exact factorials"),
               case(*_f32([0.5, 5.0, -1.5, 30.0, 40.0]), label="float32: float32 out (Γ(40) overflows it)"),
               case(np.float32(5.0), label="a float32 scalar"),
               case(np.array([1, 2, 10], dtype=np.int64), label="integers: float64")),
        strategy=lambda: _arrays(-20.0, 171.0),
        bad=_bad(),
        bench=_bench(1, 0.1, 170)),
    Concept(
        "special.gammaln", "scipy.special.gammaln", "same_type", "log_gamma",
        cases=(case(np.array([0.5, 1.0, 2.0, 3.0, 10.0, 1e3, 1e7, 1e-10]), label="positive"),
               case(np.array([-0.5, -1.5, -10.3]), label="negative (reflection)"),
               case(np.array([0.0, -1.0, np.inf, -np.inf, np.nan]), label="poles, infinities"),
               case(*_f32([0.5, 3.0, 1e3, 1e30]), label="float32: float32 out")),
        strategy=lambda: _arrays(1e-3, 1e4),
        bad=_bad(),
        bench=_bench(1, 0.1, 1e3),
        note="near the zeros x = 1, 2 SciPy's gammaln is accurate only in absolute terms "
             "(gammaln(2 − 1e-15) is off by 30%); mathml's series keeps relative accuracy "
             "there (tests/test_special.py checks it against mpmath): compared with an "
             "absolute floor, tolerance 'log_gamma'"),
    Concept(
        "special.beta", "scipy.special.beta", "same_type", "exact",
        cases=(case(np.array([1.0, 2.0, 0.5, 10.0, 50.0]), np.array([1.0, 3.0, 0.5, 20.0, 80.0]),
                    label="positive"),
               case(np.array([-0.5, 1.5]), np.array([2.0, -2.5]), label="negative non-integer"),
               case(np.array([-1.0, -1.0, 0.0, 1.0, -0.5, 1e300, -200.5, 170.5]),
                    np.array([1.0, -1.0, 0.5, -1.0, 1e300, -0.5, 0.5, -0.5]),
                    label="poles (SciPy's limits along the integers), a negative argument"),
               case(np.array([np.inf, np.inf, -np.inf, np.inf, 0.0, np.nan]),
                    np.array([3.0, -0.5, 2.0, np.inf, np.nan, 0.0]),
                    label="infinities and nan: limits, −inf a pole"),
               case(2.0, 3.0, label="scalar"),
               case(np.array([1.0, 1.0, 2.0, 3.0, 10.0]), np.array([1.0, 2.0, 3.0, 4.0, 10.0]),
                    label="integers: exact 1/(n·C(n−1, a−1))"),
               case(np.array([1e-200, 1e-30, 1e-30, 1e-300]), np.array([1e-200, 3e154, 1.0, 5.0]),
                    label="tiny and huge arguments"),
               case(np.array([200.0, 1e10, 0.05]), np.array([0.5, 1e-3, 100.0]),
                    label="one large, one small argument"),
               case(*_f32([2.0, 0.5, 10.0], [3.0, 0.5, 20.0]), label="float32: float32 out"),
               case(np.float32(2.0), 3.0, label="float32 and a Python float: float64")),
        strategy=lambda: _arrays(0.05, 100.0, 2),
        bad=_bad(2),
        bench=_bench(2, 0.1, 100),
        note="where one argument is below 10 and the other above ~1e4 (beta(0.5, 1e6), "
             "beta(1e5, 3), beta(3e-5, 2e5)) SciPy's beta is off by up to ~1e-9 against "
             "mpmath, mathml's by ≤ ~1e-13; those points are checked against mpmath in "
             "tests/test_special.py, not compared here. At infinity mathml gives the limits "
             "(beta(inf, b) = 0 for b > 0) also for b ≳ 1e300, where SciPy's nan comes "
             "from its own overflow check"),
    Concept(
        "special.gammainc", "scipy.special.gammainc", "same_type", "exact",
        cases=(case(np.array([0.5, 1.0, 3.0, 10.0, 50.0, 100.0]),
                    np.array([0.1, 2.0, 3.0, 30.0, 49.0, 100.0]), label="series and fraction"),
               case(np.array([-1.0, 0.0, 0.0, 1.0, 1.0, 1.0, np.nan]),
                    np.array([1.0, 0.0, 1.0, -1.0, 0.0, np.inf, 1.0]),
                    label="outside the domain (nan) and edges"),
               case(2.0, 3.0, label="scalar"),
               case(np.array([6075028.295943889, 1e4, 1e4, 1e6, 5e5, 300.0]),
                    np.array([6075028.295943889, 1e4 + 50.0, 1e4 - 300.0, 1e6 + 1e3, 5e5 - 2e3, 310.0]),
                    label="large a near x: Temme's expansion"),
               case(np.array([1e-30, 1e-10, 1e-5, 0.5]), np.array([1e-5, 1e-3, 2.0, 1e-20]),
                    label="tiny a or x"),
               case(*_f32([0.5, 3.0, 50.0], [0.1, 3.0, 49.0]), label="float32: float32 out")),
        strategy=lambda: _arrays([0.01, 0.0], [100.0, 300.0], 2),
        bad=_bad(2),
        bench=_bench(2, [0.5, 0.0], [100, 150])),
    Concept(
        "special.gammaincc", "scipy.special.gammaincc", "same_type", "exact",
        cases=(case(np.array([0.5, 1.0, 3.0, 10.0, 2.0, 100.0]),
                    np.array([0.1, 2.0, 3.0, 30.0, 50.0, 100.0]), label="with the upper tail"),
               case(np.array([-1.0, 0.0, 0.0, 1.0, 1.0, 1.0]),
                    np.array([1.0, 0.0, 1.0, -1.0, 0.0, np.inf]),
                    label="outside the domain (nan) and edges"),
               case(np.array([6075028.295943889, 1e4, 1e4, 1e6, 5e5, 300.0]),
                    np.array([6075028.295943889, 1e4 + 50.0, 1e4 - 300.0, 1e6 + 1e3, 5e5 - 2e3, 310.0]),
                    label="large a near x: Temme's expansion"),
               case(np.array([1e-30, 1e-10, 1e-5, 1e-3, 0.5]),
                    np.array([1e-5, 1e-3, 2.0, 30.0, 1e-20]), label="tiny a: Q ≈ a·E₁(x)"),
               case(*_f32([0.5, 3.0, 2.0], [0.1, 3.0, 50.0]), label="float32: float32 out")),
        strategy=lambda: _arrays([0.01, 0.0], [100.0, 300.0], 2),
        bad=_bad(2),
        bench=_bench(2, [0.5, 0.0], [100, 150])),
    Concept(
        "special.betainc", "scipy.special.betainc", "same_type", "exact",
        cases=(case(np.array([2.0, 0.5, 5.0, 50.0, 54.35, 0.1]),
                    np.array([3.0, 0.5, 1.0, 40.0, 0.0857, 30.0]),
                    np.array([0.4, 0.1, 0.9, 0.55, 0.9833, 0.5]), label="both regions, small b"),
               case(np.array([0.0, 1.0, 1.0, -1.0, 1.0, 1.0, 0.0]),
                    np.array([1.0, 0.0, 1.0, 1.0, 1.0, 1.0, 0.0]),
                    np.array([0.5, 0.5, 1.5, 0.5, 0.0, 1.0, 0.5]),
                    label="edges and outside the domain (nan)"),
               # found by Hypothesis: b small, x near 1, I ≈ 0.43 (the direct fraction's
               # thousands of terms lost 1.5e-12; 1 − J loses a factor 1.35 only)
               case(np.array([1.5]), np.array([0.05078125]), np.array([0.99999]),
                    label="small b, x near 1"),
               case(np.array([1610.26, 100.0, 5.0]), np.array([0.00853168, 0.05, 0.1]),
                    np.array([1 - 1e-10, 1 - 1e-6, 1 - 1e-8]),
                    label="small b, x within 1e-6 of 1: 1 − J (the direct fraction would not "
                          "converge)"),
               case(np.array([np.inf, 0.0, 0.0, 1e300, 0.5, 2.0, np.inf]),
                    np.array([np.inf, 2.0, 2.0, 0.5, 1e300, 0.0, 1.0]),
                    np.array([0.5, 0.0, 0.5, 0.5, 0.5, 0.5, 0.5]),
                    label="infinite and huge parameters, x = 0 before a = 0"),
               case(np.array([300.0, 5e4, 1e4]), np.array([200.0, 5e4, 3e4]),
                    np.array([0.61, 0.502, 0.25]),
                    label="large a, b near the peak: the prefactor around a/(a + b)"),
               case(*_f32([2.0, 0.5, 5.0], [3.0, 0.5, 1.0], [0.4, 0.1, 0.9]),
                    label="float32: float32 out"),
               case(2, 3, np.float32(0.4), label="Python ints and a float32: float32 (loop order)"),
               case(np.array([2, 1], dtype=np.int16), np.array([3, 4], dtype=np.int8),
                    np.array([0.25, 0.5]), label="small integers with float64: float64")),
        strategy=lambda: _arrays([0.05, 0.05, 0.0], [100.0, 100.0, 1.0], 3),
        bad=_bad(3),
        bench=_bench(3, [0.5, 0.5, 0.0], [50, 50, 1])),
    Concept(
        "special.expit", "scipy.special.expit", "same_type", "exact",
        cases=(case(_X002, seed=SEED, label="seed 002: sigmoid on linspace(-10, 10, 100)",
                    expected=1.0 / (1.0 + np.exp(-_X002))),
               case(np.array([-1e3, -750.0, -40.0, 0.0, 40.0, 1e3, 1e308, -np.inf, np.inf]),
                    label="saturation: finite for both signs"),
               case(0.0, label="scalar"),
               case(np.float32(1), label="a float32 scalar: a float32 scalar"),
               case(*_f32([-80.0, -1.0, 0.0, 3.0, 100.0]), label="float32: float32 out"),
               case(np.array([0.5, -2.0], dtype=np.longdouble), label="long double: long double"),
               case(np.array([-1, 0, 1], dtype=np.int8), label="int8: float64")),
        strategy=lambda: _arrays(-1000.0, 1000.0),
        bad=_bad(),
        bench=_bench(1, -20, 20),
        seeds=(SEED,)),
    Concept(
        "special.logit", "scipy.special.logit", "same_type", "exact",
        cases=(case(np.linspace(0.0, 1.0, 41), label="[0, 1] with the ends (±inf)"),
               case(np.array([0.5 + 1e-12, 0.5 - 1e-9, 1e-300, 1 - 1e-16]), label="near 1/2, tiny"),
               case(np.array([-0.1, 1.1, np.nan]), label="outside [0, 1]: nan"),
               case(*_f32([0.1, 0.5, 0.75, 0.999]), label="float32: float32 out"),
               case(np.float32(0.25), label="a float32 scalar")),
        strategy=lambda: _arrays(0.0, 1.0),
        bad=_bad(),
        bench=_bench(1, 0, 1)),
    Concept(
        "special.softmax", "scipy.special.softmax", "same_type", "exact",
        cases=(case(np.array([1.0, 2.0, 3.0]), label="vector"),
               case(M, axis=1, label="rows, one entry 1000"),
               case(M, label="axis=None: the whole array"),
               case(M, axis=0, label="columns"),
               case(*_f32(M), axis=1, label="float32: float32 out"),
               case(np.array([1, 2, 3], dtype=np.int16), label="int16: float32, as NumPy's exp"),
               case(np.float32(2.0), label="a float32 scalar: a float32 scalar")),
        strategy=_softmax_strategy,
        bad=_softmax_bad(),
        bench=Bench(10_000, _bench_matrix)),
    Concept(
        "special.log_softmax", "scipy.special.log_softmax", "same_type", "exact",
        cases=(case(np.array([0.0, 1000.0]), label="no overflow, no log of 0"),
               case(M, axis=1, label="rows"),
               case(M, label="axis=None"),
               case(*_f32(M), axis=1, label="float32: float32 out"),
               case(np.array([1, 2, 3], dtype=np.int64), label="int64: float64")),
        strategy=_softmax_strategy,
        bad=_softmax_bad(),
        bench=Bench(10_000, _bench_matrix)),
    Concept(
        "special.logsumexp", "scipy.special.logsumexp", "same_type", "exact",
        cases=(case(np.array([1000.0, 1000.0]), label="no overflow"),
               case(M, axis=1, label="rows"),
               case(M, axis=0, keepdims=True, label="keepdims"),
               case(np.array([1.0, 2.0]), b=np.array([-1.0, 0.5]), return_sign=True,
                    label="signed weights, return_sign"),
               case(np.array([1.0, 2.0]), b=np.array([1.0, -1.0]), label="negative sum: nan"),
               case(np.array([-np.inf, -np.inf]), label="all -inf"),
               case(np.array([[0.0, 1.0], [2.0, 3.0]]), b=np.array([0.0, 2.0]),
                    axis=0, label="weights broadcast, a zero weight"),
               case(*_f32([1.0, 2.0, 3.0]), label="float32: a float32 scalar"),
               case(*_f32(M), axis=1, label="float32 rows: float32 out"),
               case(*_f32([1.0, 2.0]), b=np.array([1.0, -0.5]), return_sign=True,
                    label="float32 with float64 weights: float64"),
               case(np.array([1, 2, 3]), label="integers: float64"),
               case(np.array([0.5, 1.5], dtype=np.float16), label="float16: float16")),
        strategy=_logsumexp_case,
        bad=_complex() + (bad(None, raises=TypeError, label="None"),
                          bad([[0.5, 0.5], [0.5]], raises=ValueError, match="inhomogeneous",
                              label="ragged list"),
                          bad("x", raises=ValueError, match="could not convert",
                              label="a string that is not a number (SciPy parses strings)")),
        bench=Bench(10_000, _bench_matrix)),
    Concept(
        "special.xlogy", "scipy.special.xlogy", "same_type", "exact",
        cases=(case(np.array([0.0, 0.0, 1.0, 2.0, -3.0]), np.array([0.0, 5.0, 1.0, np.e, 0.5]),
                    label="0 log 0 = 0"),
               case(np.array([0.0, 1.0, 0.0]), np.array([np.nan, -1.0, -1.0]),
                    label="nan stays, negative y: nan unless x = 0"),
               case(*_f32([0.0, 1.0, 2.0], [0.0, 0.5, 3.0]), label="float32: float32 out"),
               case(np.float32(2.0), 3.0, label="float32 and a Python float: float64")),
        strategy=lambda: _arrays([-10.0, 0.0], [10.0, 100.0], 2),
        bad=_bad(2),
        bench=_bench(2, 0, 1)),
)
