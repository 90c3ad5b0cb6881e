"""Catalog entries for descriptive statistics (docs/concepts.md §4): `mathml.stats` vs NumPy and
``scipy.stats``.

The seed (000) computes ``np.mean([1, 2, 3, 4, 5])`` = 3 and ``np.std([1, 2, 3, 4, 5])`` =
√2 (the population standard deviation, ddof = 0): the first cases of `mean` and `std`,
with those closed-form values as ``expected``.

Samples are drawn as multiples of 1/8 in [−10, 10]: exactly representable, so ties occur
(what `median`, `mode`, `spearmanr` and `histogram` must handle) and a constant column
has a variance of exactly 0.

Small samples behave as the libraries: an empty sample is a `SMALL_SAMPLES` case (nan, or
an empty array) and a bad case for its warning — NumPy's RuntimeWarning ("Mean of empty slice", "Degrees
of freedom <= 0 for slice"), SciPy's SmallSampleWarning; a constant sample warns SciPy's
"Precision loss" RuntimeWarning (skew, kurtosis, zscore) or ConstantInputWarning
(pearsonr, spearmanr). A bad case that warns names the base class RuntimeWarning: the
runner checks that both warnings have the same class name (SciPy's classes and mathml's
are twins, not one class). None, text and ragged lists raise the library's class.
"""
from __future__ import annotations

import math

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from .._core import Bench, Case, Concept, bad, case

SEED = "000"

_VALUES = st.integers(-80, 80).map(lambda k: k / 8)


def _sample(min_n: int = 1, max_n: int = 30, ndim: int | None = None):
    """A 1-D or 2-D sample of multiples of 1/8."""
    dims = st.just(ndim) if ndim else st.sampled_from([1, 2])
    shapes = dims.flatmap(lambda d: st.tuples(*[st.integers(min_n, max_n if d == 1 else 8)] * d))
    return shapes.flatmap(lambda s: arrays(np.float64, s, elements=_VALUES))


def _axis(x: np.ndarray, allow_none: bool = True):
    choices = list(range(-x.ndim, x.ndim)) + ([None] if allow_none else [])
    return st.sampled_from(choices)


def _reduction(min_n: int = 1, extra=lambda: st.just({})):
    """Cases ``f(x, axis=…, keepdims=…, **extra)``."""
    @st.composite
    def build(draw):
        x = draw(_sample(min_n))
        kwargs = dict(axis=draw(_axis(x)), keepdims=draw(st.booleans()), **draw(extra()))
        return case(x, **kwargs)
    return build


def _vector(n, rng):
    return case(rng.uniform(-1, 1, n))


_COMPLEX = bad(np.array([1 + 1j, 2.0]), raises=TypeError, match="complex", label="complex")
_RAGGED = bad([[1.0, 2.0], [3.0]], raises=ValueError, label="ragged list")
_OBJECTS = bad([None, 1.0], raises=TypeError, label="a None among the numbers")


def _none(raises: type[Exception]):
    return bad(None, raises=raises, label=f"None: {raises.__name__}")


def _text(raises: type[Exception]):
    return bad(np.array(["1.5", "x"]), raises=raises, label=f"text: {raises.__name__}")


#: what NumPy's reductions do with things that are not numbers
_NOT_NUMBERS = (_none(TypeError), _text(TypeError), _RAGGED, _OBJECTS, _COMPLEX)
#: SciPy's skew, kurtosis and mode: None is a ValueError there
_NOT_NUMBERS_SCIPY = (_none(ValueError), _text(TypeError), _RAGGED, _OBJECTS, _COMPLEX)

_EMPTY_MEAN = bad(np.array([]), warns=RuntimeWarning, match="Mean of empty slice",
                  label="empty sample: nan and NumPy's RuntimeWarning")
_NO_DOF = bad(np.array([]), warns=RuntimeWarning, match=r"Degrees of freedom <= 0",
              label="empty sample: nan and NumPy's RuntimeWarning")
_ONE_DOF = bad(np.array([2.5]), ddof=1, warns=RuntimeWarning, match=r"Degrees of freedom <= 0",
               label="one observation, ddof 1: nan and NumPy's RuntimeWarning")
_TOO_SMALL = bad(np.array([]), warns=RuntimeWarning, match="too small",
                 label="empty sample: nan and SciPy's SmallSampleWarning")
_TOO_SMALL_2D = bad(np.empty((0, 3)), warns=RuntimeWarning, match="All axis-slices",
                    label="no rows: nan per column and SmallSampleWarning")
_PRECISION = bad(np.full(4, 0.1), warns=RuntimeWarning, match="Precision loss",
                 label="constant sample: nan and SciPy's precision-loss RuntimeWarning")


def _quantile_cases(scale: float):
    @st.composite
    def build(draw):
        x = draw(_sample())
        q = draw(st.one_of(st.integers(0, 100).map(lambda k: k / 100 * scale),
                           arrays(np.float64, st.integers(1, 4),
                                  elements=st.integers(0, 100).map(lambda k: k / 100 * scale))))
        return case(x, q, axis=draw(_axis(x)), keepdims=draw(st.booleans()))
    return build


def _quantile_bad(top: float):
    return (bad(np.array([]), 0.5 * top, raises=ValueError, match="empty", label="empty sample"),
            bad(np.arange(5.0), 1.5 * top, raises=ValueError, match="range", label="q too big"),
            bad(np.arange(5.0), -0.1, raises=ValueError, match="range", label="q negative"),
            bad(np.arange(5.0), 0.5 * top, method="lower", raises=ValueError,
                match="not implemented", label="method other than linear"),
            bad(np.empty((0, 3)), 0.5 * top, axis=0, raises=ValueError, match="empty",
                label="no rows"),
            bad(None, 0.5 * top, raises=TypeError, label="None"),
            bad(np.array(["1.5", "x"]), 0.5 * top, raises=TypeError, label="text"),
            bad([[1.0, 2.0], [3.0]], 0.5 * top, raises=ValueError, label="ragged list"),
            bad(np.array([1 + 1j, 2.0]), 0.5 * top, raises=TypeError, match="complex",
                label="complex"),
            bad(np.arange(5.0), np.full((1, 1, 2), 0.5 * top), raises=ValueError,
                match="q must be a scalar or 1d", label="3-D q"),
            bad(np.arange(5.0), "x", raises=TypeError, label="text q"),
            bad(np.array([True, False, True]), 0.5 * top, raises=TypeError, label="booleans"),
            bad(np.arange(5.0), np.empty((0, 2)), raises=ValueError,
                label="q of shape (0, 2): no probability"),
            bad(np.arange(5.0), np.array([0.5 * top + 1j]), raises=TypeError,
                label="complex q (contract: real; NumPy mixes TypeError and ValueError)"))


def _shape_cases(fisher: bool):
    @st.composite
    def build(draw):
        x = draw(_sample(min_n=1))
        kwargs = dict(axis=draw(_axis(x)), bias=draw(st.booleans()), keepdims=draw(st.booleans()))
        if fisher:
            kwargs["fisher"] = draw(st.booleans())
        return case(x, **kwargs)
    return build


@st.composite
def _zscore_cases(draw):
    x = draw(_sample(min_n=2))
    return case(x, axis=draw(_axis(x)), ddof=draw(st.sampled_from([0, 1])))


@st.composite
def _cov_cases(draw):
    x = draw(_sample(min_n=3, ndim=2))
    kwargs = dict(rowvar=draw(st.booleans()))
    kwargs.update(draw(st.sampled_from([{}, {"bias": True}, {"ddof": 0}, {"ddof": 2}])))
    if draw(st.booleans()):  # a second set of variables, the same observations
        n = x.shape[1] if kwargs["rowvar"] else x.shape[0]
        y = draw(arrays(np.float64, (n,), elements=_VALUES))
        return case(x, y, **kwargs)
    return case(x, **kwargs)


@st.composite
def _corrcoef_cases(draw):
    # distinct values per variable (a constant variable has no correlation: nan)
    p, n = draw(st.integers(1, 5)), draw(st.integers(3, 20))
    x = np.stack([draw(st.permutations(range(n))) for _ in range(p)]).astype(float)
    rowvar = draw(st.booleans())
    return case(x if rowvar else x.T, rowvar=rowvar)


@st.composite
def _paired(draw, ties: bool):
    """x with distinct values (ties allowed for ranks), y = β·x + noise with |r| well below 1
    (near |r| = 1 the p-value is ill-conditioned: p ∝ (1 − |r|)^(n/2 − 1))."""
    n = draw(st.integers(3, 30))
    x = np.array(draw(st.permutations(range(n))), dtype=float)
    if ties:
        x = np.floor(x / 2)
    noise = draw(arrays(np.float64, (n,), elements=st.integers(-40, 40).map(float)))
    beta = draw(st.sampled_from([-1.0, -0.25, 0.0, 0.25, 1.0]))
    return case(x, beta * x + noise + n * 0.5)


_PAIR_BAD = (bad(np.arange(4.0), np.arange(5.0), raises=ValueError, match="length",
                 label="lengths differ"),
             bad(np.array([1.0, 2.0, 3.0]), np.array([2.0, 2.0, 2.0]), warns=RuntimeWarning,
                 match="constant", label="constant y: nan and ConstantInputWarning"),
             bad(np.array(["1", "2", "x"]), np.arange(3.0), raises=ValueError,
                 label="text: ValueError (converted to float first)"),
             bad([[1.0, 2.0], [3.0]], np.arange(2.0), raises=ValueError, label="ragged list"),
             bad(np.array([1 + 1j, 2.0, 3.0]), np.arange(3.0), raises=TypeError,
                 match="complex", label="complex"))


#: 40 draws of a lognormal sample (skewed: the bin rules disagree)
_SKEWED = np.exp(np.random.RandomState(0).normal(size=40))


@st.composite
def _histogram_cases(draw):
    x = draw(_sample(min_n=1, ndim=1))
    kind = draw(st.sampled_from(["int", "range", "edges", "rule"]))
    if kind == "rule":
        rule = draw(st.sampled_from(["auto", "fd", "doane", "scott", "stone", "rice", "sturges",
                                     "sqrt"]))
        if draw(st.booleans()):
            return case(x, rule)
        lo = draw(_VALUES)
        return case(x, rule, range=(lo, lo + draw(st.integers(1, 80)) / 8))
    if kind == "edges":
        edges = np.unique(np.array(draw(st.lists(_VALUES, min_size=2, max_size=8))))
        if edges.size < 2:
            edges = np.array([edges[0], edges[0] + 1.0])
        return case(x, edges, density=draw(st.sampled_from([None, True])))
    bins = draw(st.integers(1, 12))
    if kind == "range":
        lo = draw(_VALUES)
        return case(x, bins, range=(lo, lo + draw(st.integers(1, 80)) / 8))
    return case(x, bins, density=draw(st.sampled_from([None, True])))


_X2 = np.array([[1.0, 4.0, 2.0, 8.0], [3.0, 3.0, 1.0, 0.5], [2.0, 7.0, 7.0, 1.0]])

#: Empty, 0-d and one-observation samples, compared as the cases are (tests/test_stats_tests.py)
#: but kept out of `cases`: the fuzz (reference/fuzz.py) starts from a concept's smallest case,
#: and an empty one would leave it nothing to put a NaN or an infinity into.
SMALL_SAMPLES: dict[str, tuple[Case, ...]] = {
    "stats.mean": (case(np.array([]), label="empty: nan"),
                   case(np.empty((0, 3)), axis=0, label="no rows: nan per column"),
                   case(np.empty((3, 0)), axis=0, label="no columns: an empty result")),
    "stats.median": (case(np.array([]), label="empty: nan"), case(3.5, label="0-d: the number")),
    "stats.mode": (case(np.array([]), label="empty: nan, count 0.0"),
                   case(np.empty((0, 2)), label="no rows: nan per column"),
                   case(np.empty((2, 0)), label="no columns: empty float arrays"),
                   case(2.5, label="0-d: a sample of one")),
    "stats.var": (case(np.array([]), label="empty: nan"),
                  case(np.array([2.5]), ddof=1, label="one observation, ddof 1: nan"),
                  case(np.array([1.0, 2.0]), ddof=3, label="ddof > n: Σd²/0 = inf, as NumPy")),
    "stats.std": (case(np.array([]), label="empty: nan"),),
    "stats.skew": (case(np.array([]), label="empty: nan"), case(3.0, label="0-d: nan"),
                   case(np.empty((0, 3)), label="no rows: nan per column")),
    "stats.kurtosis": (case(np.array([]), label="empty: nan"), case(3.0, label="0-d: nan")),
    "stats.zscore": (case(np.array([]), label="empty: empty, no warning"),
                     case(np.array([2.5]), label="one observation: nan")),
    "stats.cov": (case(np.array([]), label="empty: nan"),
                  case(np.array([2.5]), label="one observation: nan"),
                  case(np.empty((0, 3)), label="no variables: 0×0")),
    "stats.corrcoef": (case(np.array([]), label="empty: nan"),),
    "stats.spearmanr": (case(np.array([1.0]), np.array([2.0]), label="one observation: nan, nan"),
                        case(np.array([]), np.array([]), label="empty: nan, nan"),
                        case(3.0, 4.0, label="0-d: a sample of one, nan")),
}

CONCEPTS = (
    Concept(
        "stats.mean", "numpy.mean", "exact", "exact",
        cases=(case(np.array([1, 2, 3, 4, 5]), seed=SEED, expected=3.0,
                    label="seed: mean of 1..5"),
               case(_X2, axis=0, label="columns"), case(_X2, axis=1, keepdims=True,
                                                         label="rows, keepdims")),
        strategy=_reduction(min_n=0), bad=(_EMPTY_MEAN,) + _NOT_NUMBERS,
        bench=Bench(1_000_000, _vector),
        seeds=(SEED,), note="The same pairwise sum and division as NumPy."),
    Concept(
        "stats.median", "numpy.median", "exact", "exact",
        cases=(case(np.array([3, 1, 4, 1, 5, 9]), label="even n: mean of the middle two"),
               case(np.array([3, 1, 4, 1, 5]), label="odd n"),
               case(_X2, axis=1, label="rows"),
               case(np.array([1.0, np.nan, 3.0, 4.0]), label="a NaN propagates"),
               case(np.array([[1.0, np.nan], [3.0, 4.0]]), axis=1, label="NaN in one row")),
        strategy=_reduction(min_n=0), bad=(_EMPTY_MEAN,) + _NOT_NUMBERS,
        bench=Bench(1_000_000, _vector)),
    Concept(
        "stats.mode", "scipy.stats.mode", "exact", "identical",
        cases=(case(np.array([1, 2, 2, 3, 3]), label="tie: the smaller value"),
               case(np.array([[1, 3, 3], [2, 2, 3], [1, 2, 3]]), axis=0, label="columns"),
               case(np.array([[1, 3, 3], [2, 2, 3]]), axis=None, keepdims=True,
                    label="flattened, keepdims"),
               case(np.array([1.0, np.nan, np.nan]), label="NaNs count as one value: nan"),
               case(np.array([2.0, np.nan, 1.0, 1.0, np.nan]),
                    label="tie with the NaNs: the smaller number")),
        strategy=_reduction(), bad=(_TOO_SMALL, _TOO_SMALL_2D) + _NOT_NUMBERS_SCIPY,
        bench=Bench(100_000, lambda n, rng: case(rng.integers(0, 100, n))),
        note="Integer input gives an integer mode, as SciPy; count is int64."),
    Concept(
        "stats.var", "numpy.var", "exact", "exact",
        cases=(case(np.array([1, 2, 3, 4, 5]), label="population variance of 1..5: 2"),
               case(np.array([1, 2, 3, 4, 5]), ddof=1, label="sample variance: 2.5"),
               case(_X2, axis=1, ddof=1, label="rows, ddof 1")),
        strategy=_reduction(min_n=0, extra=lambda: st.sampled_from([{}, {"ddof": 1}])),
        bad=(_NO_DOF, _ONE_DOF) + _NOT_NUMBERS, bench=Bench(1_000_000, _vector),
        note="The same two passes as NumPy (deviations, then their mean square)."),
    Concept(
        "stats.std", "numpy.std", "exact", "exact",
        cases=(case(np.array([1, 2, 3, 4, 5]), seed=SEED, expected=math.sqrt(2),
                    label="seed: population std of 1..5 = √2"),
               case(np.array([1, 2, 3, 4, 5]), ddof=1, label="ddof 1: √2.5"),
               case(_X2, axis=0, keepdims=True, label="columns, keepdims")),
        strategy=_reduction(min_n=0, extra=lambda: st.sampled_from([{}, {"ddof": 1}])),
        bad=(_NO_DOF, _ONE_DOF) + _NOT_NUMBERS, bench=Bench(1_000_000, _vector),
        seeds=(SEED,)),
    Concept(
        "stats.quantile", "numpy.quantile(method='linear')", "exact", "exact",
        cases=(case(np.array([1, 2, 3, 4]), np.array([0.25, 0.5]), label="quartile and median"),
               case(_X2, 0.9, axis=1, label="rows"),
               case(_X2, np.array([[0.0, 1.0], [0.5, 0.3]]), axis=0, keepdims=True,
                    label="2-D q, keepdims"),
               case(_X2, np.empty(0), axis=1, keepdims=True, label="no q: an empty result"),
               case(np.array([1.0, np.nan, 3.0, 4.0]), np.array([0.2, 0.5]),
                    label="a NaN makes every quantile nan"),
               case(np.array([[1.0, np.nan], [3.0, 4.0]]), np.array([0.5, 0.1]), axis=0,
                    label="NaN in one column")),
        strategy=_quantile_cases(1.0), bad=_quantile_bad(1.0),
        bench=Bench(1_000_000, lambda n, rng: case(rng.uniform(size=n), np.array([0.1, 0.5, 0.9])))),
    Concept(
        "stats.percentile", "numpy.percentile(method='linear')", "exact", "exact",
        cases=(case(np.array([1, 2, 3, 4]), 50, label="median"),
               case(_X2, np.array([10.0, 90.0]), axis=0, label="columns"),
               case(np.array([1.0, np.nan, 3.0, 4.0]), 50, label="a NaN propagates")),
        strategy=_quantile_cases(100.0), bad=_quantile_bad(100.0),
        bench=Bench(1_000_000, lambda n, rng: case(rng.uniform(size=n), 37.5))),
    Concept(
        "stats.skew", "scipy.stats.skew", "exact", "standardised_moment",
        cases=(case(np.array([1.0, 2.0, 3.0, 10.0]), label="right-skewed"),
               case(_X2, axis=1, bias=False, label="rows, bias-adjusted"),
               case(np.ones(4), label="constant: nan")),
        strategy=_shape_cases(False),
        bad=(_TOO_SMALL, _TOO_SMALL_2D, _PRECISION) + _NOT_NUMBERS_SCIPY,
        bench=Bench(1_000_000, _vector),
        note="SciPy powers deviations by repeated squaring: last-bit differences, seen only "
             "near 0 (the absolute floor of 'standardised_moment')."),
    Concept(
        "stats.kurtosis", "scipy.stats.kurtosis", "exact", "standardised_moment",
        cases=(case(np.array([1.0, 2.0, 3.0, 4.0, 5.0]), label="uniform-like: −1.3"),
               case(_X2, axis=1, fisher=False, bias=False, label="Pearson's, bias-adjusted"),
               case(np.ones(4), label="constant: nan")),
        strategy=_shape_cases(True),
        bad=(_TOO_SMALL, _TOO_SMALL_2D, _PRECISION) + _NOT_NUMBERS_SCIPY,
        bench=Bench(1_000_000, _vector)),
    Concept(
        "stats.zscore", "scipy.stats.zscore", "exact", "standardised_moment",
        cases=(case(np.array([1.0, 2.0, 3.0])), case(_X2, axis=1, ddof=1, label="rows, ddof 1"),
               case(_X2, axis=None, label="whole array")),
        strategy=_zscore_cases,
        bad=(_PRECISION, _none(TypeError), _text(ValueError), _RAGGED, _OBJECTS, _COMPLEX),
        bench=Bench(1_000_000, _vector),
        note="zscore(None): SciPy fails with an AxisError (an IndexError), the reference "
             "wrapper refuses None with TypeError first."),
    Concept(
        "stats.cov", "numpy.cov", "exact", "products",
        cases=(case(np.array([[0.0, 1.0, 2.0], [2.0, 1.0, 0.0]]), label="anti-correlated"),
               case(_X2, rowvar=False, label="columns as variables"),
               case(_X2[0], _X2[1], label="x and y"), case(_X2[0], label="one variable: 0-d"),
               case(_X2, bias=True, label="bias: divide by N")),
        strategy=lambda: _cov_cases(),
        bad=(bad(np.arange(4.0), np.arange(5.0), raises=ValueError, match="dimensions",
                 label="observation counts differ"),
             bad(np.ones((2, 2, 2)), raises=ValueError, match="dimensions", label="3-D"),
             _EMPTY_MEAN,
             bad(np.array([2.5]), warns=RuntimeWarning, match=r"Degrees of freedom <= 0",
                 label="one observation: nan and NumPy's RuntimeWarning")) + _NOT_NUMBERS,
        bench=Bench(10_000, lambda n, rng: case(rng.uniform(-1, 1, (20, n)))),
        note="X_c X_cᵀ by BLAS in both: the product order may differ ('products')."),
    Concept(
        "stats.corrcoef", "numpy.corrcoef", "exact", "products",
        cases=(case(np.array([[0.0, 1.0, 2.0], [2.0, 1.0, 0.0]]), label="−1"),
               case(_X2, label="three variables"), case(_X2[0], _X2[2], label="x and y"),
               case(np.array([[1.0, 2.0, 3.0], [2.0, 2.0, 2.0]]),
                    label="a constant variable: nan")),
        strategy=lambda: _corrcoef_cases(),
        bad=(bad(np.arange(4.0), np.arange(5.0), raises=ValueError, match="dimensions",
                 label="observation counts differ"),
             bad(np.array([[1.0, 2.0, 3.0], [2.0, 2.0, 2.0]]), warns=RuntimeWarning,
                 match="invalid value", label="a constant variable: nan and a RuntimeWarning"),
             _EMPTY_MEAN) + _NOT_NUMBERS,
        bench=Bench(10_000, lambda n, rng: case(rng.uniform(-1, 1, (20, n))))),
    Concept(
        "stats.pearsonr", "scipy.stats.pearsonr", "exact", "hypothesis_test",
        cases=(case(np.array([1.0, 2, 3, 4, 5]), np.array([2.0, 4, 5, 4, 5]), label="r ≈ 0.77"),
               case(np.array([1.0, 2.0]), np.array([3.0, 1.0]), label="n = 2: r = −1, p = 1"),
               case(np.array([1.0, np.nan]), np.array([3.0, 1.0]), label="n = 2, a NaN: nan, nan"),
               case(np.arange(10.0), np.array([3, 1, 4, 1, 5, 9, 2, 6, 5, 3.0]),
                    label="weak"),
               case(np.array([2.0, 2.0, 2.0]), np.array([1.0, 2.0, 3.0]),
                    label="constant x: nan, nan")),
        strategy=lambda: _paired(False),
        bad=_PAIR_BAD + (
            bad(np.array([1.0]), np.array([2.0]), raises=ValueError,
                match="length at least 2", label="one observation"),
            bad(1.0 + np.array([0.0, 1e-13, 2e-13, 4e-13]), np.array([1.0, 2.0, 3.0, 5.0]),
                warns=RuntimeWarning, match="nearly constant",
                label="x constant to rounding: NearConstantInputWarning"),
            bad(None, np.arange(3.0), raises=TypeError,
                label="None: TypeError (SciPy: AttributeError, refused first)")),
        bench=Bench(100_000, lambda n, rng: case(*rng.uniform(size=(2, n)))),
        note="p from Beta(n/2−1, n/2−1) on [−1, 1] through special.betainc, as SciPy; "
             "SciPy's confidence interval is not part of the result."),
    Concept(
        "stats.spearmanr", "scipy.stats.spearmanr", "exact", "hypothesis_test",
        cases=(case(np.array([1.0, 2, 3, 4, 5]), np.array([5.0, 6, 7, 8, 7]), label="ties"),
               case(np.arange(10.0), np.array([3, 1, 4, 1, 5, 9, 2, 6, 5, 3.0]),
                    label="weak"),
               case(np.array([1.0, np.nan, 3, 4, 5]), np.array([2.0, 1, 4, 3, 5]),
                    label="a NaN propagates: nan, nan"),
               case(np.array([1.0, 1.0, 1.0, 1.0, 1.0]), np.array([1.0, 2.0, 3.0, 4.0, 5.0]),
                    label="constant a: nan, nan")),
        strategy=lambda: _paired(True),
        bad=_PAIR_BAD + (bad(None, np.arange(3.0), raises=ValueError, label="None: ValueError"),),
        bench=Bench(100_000, lambda n, rng: case(*rng.uniform(size=(2, n))))),
    Concept(
        "stats.histogram", "numpy.histogram", "exact", "exact",
        cases=(case(np.array([1.0, 2, 2, 3, 3, 3]), 3, label="3 bins"),
               case(np.array([0.5, 1.0, 1.5, 2.0, 7.0]), np.array([0.0, 1.0, 2.0, 5.0]),
                    label="edges; 2.0 on an inner edge goes right, 7 is outside"),
               case(np.array([2.0, 2.0]), 4, label="constant: range widened by ±0.5"),
               case(np.array([0.1, 0.2, 0.9]), 2, range=(0.0, 1.0), density=True,
                    label="density"),
               case(_SKEWED, "auto", label="'auto': the smaller of the Sturges and FD widths"),
               case(_SKEWED, "fd", label="'fd': 2·IQR·n^(-1/3)"),
               case(_SKEWED, "doane", label="'doane': Sturges corrected by the skewness"),
               case(_SKEWED, "stone", label="'stone': least cross-validated squared error"),
               case(np.array([1, 2, 2, 3, 3, 3, 9]), "scott",
                    label="'scott' on integers: no bin narrower than 1"),
               case(_SKEWED, "sqrt", range=(0.0, 2.0), label="a rule over the sample in range")),
        strategy=lambda: _histogram_cases(),
        bad=(bad(np.arange(5.0), 0, raises=ValueError, match="positive", label="0 bins"),
             bad(np.arange(5.0), np.array([0.0, 2.0, 1.0]), raises=ValueError,
                 match="monotonically", label="decreasing edges"),
             bad(np.array([1.0, np.nan, 3.0]), 3, raises=ValueError,
                 match=r"autodetected range of \[nan, nan\] is not finite",
                 label="NaN in the sample, bins autodetected"),
             bad(np.array([1.0, np.inf, 3.0]), 3, raises=ValueError,
                 match=r"autodetected range of \[1.0, inf\] is not finite",
                 label="inf in the sample, bins autodetected"),
             bad(np.array([1.0, 3.0]), 3, range=(0.0, np.inf), raises=ValueError,
                 match="supplied range of .* is not finite", label="infinite range"),
             bad(np.arange(5.0), 3.0, raises=TypeError, match="must be an integer",
                 label="3.0 bins: an integer or edges"),
             bad(np.arange(5.0), np.nan, raises=TypeError, match="must be an integer",
                 label="nan bins"),
             bad(np.arange(5.0), "freedman", raises=ValueError, match="not a valid estimator",
                 label="an unknown bin rule"),
             bad(np.arange(5.0), 10, range=(1.0, 1.0000000000000002), raises=ValueError,
                 match="Too many bins", label="more bins than floats in the range"),
             bad(np.arange(5.0), 3, range=(0.0,), raises=ValueError, label="range of one number"),
             bad(np.arange(5.0), 3, range=np.array([[0.0, 1.0], [2.0, 3.0]]), raises=ValueError,
                 label="range of two pairs"))
        + _NOT_NUMBERS,
        bench=Bench(1_000_000, lambda n, rng: case(rng.uniform(size=n), 50))),
)
