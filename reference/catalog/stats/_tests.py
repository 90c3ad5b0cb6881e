"""Catalog entries for hypothesis tests (docs/concepts.md §4): `mathml.stats` vs ``scipy.stats``.

Statistic and p-value agree to rtol 1e-10 ('hypothesis_test'): both p-values are incomplete
beta/gamma tails (mathml's from `mathml.special`). Samples are multiples of 1/8 (exact), a
shift moves the mean away from the null so that tails down to ~1e-30 are exercised; the
generated samples start at one observation (t, p nan as SciPy).

The t-tests' results unpack to (statistic, pvalue) and carry ``df`` as an attribute, as
SciPy's ``TtestResult``: their cases compare all three (``run=_with_df``); the objects
themselves are compared with SciPy's in tests/test_stats_tests.py. Small samples as SciPy
(`SMALL_SAMPLES`): an empty sample gives nan and a SmallSampleWarning (a bad case naming the base class
RuntimeWarning: the runner checks that both warnings have the same class name).
"""
from __future__ import annotations

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from .._core import Bench, Case, Concept, bad, case


def _with_df(func, c):
    """The t-test's two tuple fields and its ``df`` attribute, compared together."""
    res = c.call(func)
    return {"statistic": res.statistic, "pvalue": res.pvalue, "df": res.df}


_VALUES = st.integers(-80, 80).map(lambda k: k / 8)
_ALTERNATIVE = st.sampled_from(["two-sided", "less", "greater"])


@st.composite
def _one_sample(draw):
    n, cols = draw(st.integers(1, 30)), draw(st.sampled_from([None, 1, 3]))
    x = draw(arrays(np.float64, (n,) if cols is None else (n, cols), elements=_VALUES))
    x = x + draw(st.sampled_from([0.0, 2.0, 20.0]))
    axis = 0 if cols is None else draw(st.sampled_from([0, None]))
    return case(x, draw(st.integers(-8, 8)) / 4, axis=axis, alternative=draw(_ALTERNATIVE))


@st.composite
def _two_samples(draw):
    n1, n2 = draw(st.integers(1, 25)), draw(st.integers(1, 25))
    x1 = draw(arrays(np.float64, (n1,), elements=_VALUES))
    x2 = draw(arrays(np.float64, (n2,), elements=_VALUES)) * draw(st.sampled_from([1.0, 3.0]))
    x2 = x2 + draw(st.sampled_from([0.0, 2.0, 20.0]))
    return case(x1, x2, equal_var=draw(st.booleans()), alternative=draw(_ALTERNATIVE))


@st.composite
def _tables(draw):
    """Tables of positive counts (no empty row or column: every expected frequency > 0)."""
    d = draw(st.sampled_from([2, 2, 2, 3]))
    shape = tuple(draw(st.integers(1 if d == 2 else 2, 4)) for _ in range(d))
    O = draw(arrays(np.int64, shape, elements=st.integers(1, 200)))
    return case(O, correction=draw(st.booleans()))


_X = np.array([5.1, 4.9, 6.2, 5.7, 6.0, 5.4, 5.2, 5.9])
_Y = np.array([6.4, 6.0, 7.1, 6.6, 6.9, 7.3])

#: Empty, 0-d and one-observation samples, compared as the cases are (with ``_with_df``, in
#: tests/test_stats_tests.py) but kept out of `cases`: the fuzz starts from a concept's
#: smallest case, and an empty one would leave it nothing to put a NaN or an infinity into.
SMALL_SAMPLES: dict[str, tuple[Case, ...]] = {
    "stats.ttest_1samp": (case(np.array([]), 0.0, label="empty: nan, nan, df nan"),
                          case(np.array([2.5]), 0.0, label="one observation: nan, nan, df 0"),
                          case(2.5, 0.0, label="0-d: a sample of one"),
                          case(np.empty((0, 2)), 0.0, label="no rows: nan per column"),
                          case(np.empty((2, 0)), 0.0, label="no columns: empty")),
    "stats.ttest_ind": (case(np.array([1.0]), np.array([3.0]),
                             label="pooled, n1 = n2 = 1: nan, df 0"),
                        case(np.array([]), np.array([]), label="empty: nan, nan, df nan"),
                        case(np.array([]), _Y, label="one empty sample: nan"),
                        case(2.5, 3.5, equal_var=False, label="0-d, Welch: nan, df 1")),
}

CONCEPTS = (
    Concept(
        "stats.ttest_1samp", "scipy.stats.ttest_1samp", "exact", "hypothesis_test",
        cases=(case(np.array([1.0, 2.0, 3.0, 5.0]), 2.0, label="small sample"),
               case(_X, 5.0, alternative="greater", label="one-sided"),
               case(_X + 30, 0.0, label="far tail: p ≈ 1e-11"),
               case(np.stack([_X, _X[::-1] * 2]).T, np.array([5.0, 11.0]), axis=0,
                    label="columns, popmean per column"),
               case(np.append(_X, np.nan), 5.0, label="a NaN propagates, to df too"),
               case(_X, np.nan, label="a NaN popmean: nan, df nan"),
               case(np.stack([_X, _X[::-1] * 2]).T, np.array([[5.0, 11.0]]), axis=0,
                    label="popmean with the axis of length 1")),
        strategy=lambda: _one_sample(), run=_with_df,
        bad=(bad(np.array([]), 0.0, warns=RuntimeWarning, match="too small",
                 label="empty sample: nan and SmallSampleWarning"),
             bad(np.empty((0, 2)), 0.0, warns=RuntimeWarning, match="All axis-slices",
                 label="no rows: nan per column and SmallSampleWarning"),
             bad(np.full(3, 0.1), 0.0, warns=RuntimeWarning, match="Precision loss",
                 label="constant sample: SciPy's precision-loss RuntimeWarning"),
             bad(_X, 0.0, alternative="bigger", raises=ValueError, match="alternative",
                 label="unknown alternative"),
             bad(_X, np.array([]), warns=RuntimeWarning, match="too small",
                 label="empty popmean: nan and SmallSampleWarning"),
             bad(_X, np.array([1.0, 2.0]), raises=ValueError, match=r"popmean.shape\[axis\]",
                 label="popmean with two entries along the axis"),
             bad(_X, np.array([[1.0, 2.0]]), raises=ValueError, match="incompatible",
                 label="popmean's shape does not broadcast"),
             bad(_X, "x", raises=ValueError, label="text popmean (converted to float first)"),
             bad(None, 0.0, raises=TypeError, label="None"),
             bad(np.array(["1.5", "x"]), 0.0, raises=TypeError, label="text"),
             bad([[1.0, 2.0], [3.0]], 0.0, raises=ValueError, label="ragged list"),
             bad(np.array([1 + 1j, 2.0]), 0.0, raises=TypeError, match="complex",
                 label="complex")),
        bench=Bench(1_000_000, lambda n, rng: case(rng.uniform(size=n), 0.5)),
        note="p = I_{ν/(ν+t²)}(ν/2, 1/2) through special.betainc; SciPy uses its own stdtr."),
    Concept(
        "stats.ttest_ind", "scipy.stats.ttest_ind", "exact", "hypothesis_test",
        cases=(case(_X, _Y, label="pooled variance"),
               case(_X, _Y, equal_var=False, label="Welch: non-integer df"),
               case(_X, _Y * 3, equal_var=False, alternative="less", label="Welch, one-sided"),
               case(np.array([1.0, 2.0]), np.array([3.0]), label="pooled with n2 = 1"),
               case(np.array([1.0, 2.0]), np.array([3.0]), equal_var=False,
                    label="Welch with n2 = 1: nan, df 1"),
               case(_X, np.append(_Y, np.nan), label="a NaN propagates, to df too"),
               case(np.append(_X, np.inf), _Y, label="an infinity: inf − inf, nan"),
               case(np.stack([_X[:5], _X[3:]]).T, _Y[:4, None],
                    label="two columns against one: b broadcast"),
               case(np.array([1.0, 2.0]), np.ones((1, 1, 1)),
                    label="dimensions aligned first (SciPy): a is one row of two columns")),
        strategy=lambda: _two_samples(), run=_with_df,
        bad=(bad(np.array([]), np.array([]), warns=RuntimeWarning, match="too small",
                 label="empty samples: nan and SmallSampleWarning"),
             bad(_X, np.array([]), warns=RuntimeWarning, match="too small",
                 label="one empty sample: nan and SmallSampleWarning"),
             bad(np.full(3, 0.1), _Y, warns=RuntimeWarning, match="Precision loss",
                 label="a constant sample: SciPy's precision-loss RuntimeWarning"),
             bad(_X, _Y, alternative="bigger", raises=ValueError, match="alternative",
                 label="unknown alternative"),
             bad(None, _Y, raises=TypeError, label="None"),
             bad(_X, None, raises=TypeError, label="None b (SciPy: AttributeError)"),
             bad(np.ones((3, 2)), np.ones((3, 3)), raises=ValueError, match="incompatible",
                 label="columns that do not broadcast"),
             bad(np.array(["1.5", "x"]), _Y, raises=ValueError,
                 label="text: ValueError (converted to float first)"),
             bad([[1.0, 2.0], [3.0]], _Y, raises=ValueError, label="ragged list"),
             bad(_X, np.array([1 + 1j, 2.0]), raises=TypeError, match="complex",
                 label="complex")),
        bench=Bench(1_000_000, lambda n, rng: case(rng.uniform(size=n), rng.uniform(size=n),
                                                   equal_var=False))),
    Concept(
        "stats.chi2_contingency", "scipy.stats.chi2_contingency", "exact", "hypothesis_test",
        cases=(case(np.array([[10, 20], [30, 25]]), label="2×2 with Yates' correction"),
               case(np.array([[10, 20], [30, 25]]), correction=False, label="2×2 uncorrected"),
               case(np.array([[10, 20, 5], [30, 25, 7]]), label="2×3: no correction"),
               case(np.array([[10, 20]]), label="one row: dof 0, p = 1"),
               case(np.array([[1000, 10], [10, 1000]]), label="far tail: p underflows to 0"),
               case(np.arange(1, 13).reshape(2, 3, 2), label="three-way table")),
        strategy=lambda: _tables(),
        bad=(bad(np.array([[1, -1], [2, 3]]), raises=ValueError, match="nonnegative",
                 label="negative count"),
             bad(np.array([[0, 0], [1, 2]]), raises=ValueError, match="zero element",
                 label="empty row: zero expected frequency"),
             bad(np.zeros((0, 2)), raises=ValueError, match="size 0", label="empty table"),
             bad(None, raises=TypeError, label="None"),
             bad(np.array([["1", "x"], ["2", "3"]]), raises=TypeError, label="text"),
             bad([[1, 2], [3]], raises=ValueError, label="ragged list"),
             bad(3.0, raises=TypeError, label="a number, not a table")),
        bench=Bench(1000, lambda n, rng: case(rng.integers(1, 100, (n, n))))),
)
