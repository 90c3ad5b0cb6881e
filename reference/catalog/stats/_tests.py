"""Catalog entries for hypothesis tests (docs/concepts.md §4): `mathml.stats` vs ``scipy.stats``.

Statistic and p-value agree to rtol 1e-10 ('hypothesis_test'): both p-values are incomplete
beta/gamma tails (mathml's from `mathml.special`). Samples are multiples of 1/8 (exact), a
shift moves the mean away from the null so that tails down to ~1e-30 are exercised.
"""
from __future__ import annotations

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from .._core import Bench, Concept, bad, case

_VALUES = st.integers(-80, 80).map(lambda k: k / 8)
_ALTERNATIVE = st.sampled_from(["two-sided", "less", "greater"])


@st.composite
def _one_sample(draw):
    n, cols = draw(st.integers(2, 30)), draw(st.sampled_from([None, 1, 3]))
    x = draw(arrays(np.float64, (n,) if cols is None else (n, cols), elements=_VALUES))
    x = x + draw(st.sampled_from([0.0, 2.0, 20.0]))
    axis = 0 if cols is None else draw(st.sampled_from([0, None]))
    return case(x, draw(st.integers(-8, 8)) / 4, axis=axis, alternative=draw(_ALTERNATIVE))


@st.composite
def _two_samples(draw):
    n1, n2 = draw(st.integers(2, 25)), draw(st.integers(2, 25))
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

CONCEPTS = (
    Concept(
        "stats.ttest_1samp", "scipy.stats.ttest_1samp", "exact", "hypothesis_test",
        cases=(case(np.array([1.0, 2.0, 3.0, 5.0]), 2.0, label="small sample"),
               case(_X, 5.0, alternative="greater", label="one-sided"),
               case(_X + 30, 0.0, label="far tail: p ≈ 1e-11"),
               case(np.stack([_X, _X[::-1] * 2]).T, np.array([5.0, 11.0]), axis=0,
                    label="columns, popmean per column")),
        strategy=lambda: _one_sample(),
        bad=(bad(np.array([1.0]), 0.0, raises=ValueError, match="at least 2",
                 label="one observation"),
             bad(np.array([]), 0.0, raises=ValueError, match="empty", label="empty sample"),
             bad(_X, 0.0, alternative="bigger", raises=ValueError, match="alternative",
                 label="unknown alternative")),
        bench=Bench(1_000_000, lambda n, rng: case(rng.uniform(size=n), 0.5)),
        note="p = I_{ν/(ν+t²)}(ν/2, 1/2) through special.betainc; SciPy uses its own stdtr."),
    Concept(
        "stats.ttest_ind", "scipy.stats.ttest_ind", "exact", "hypothesis_test",
        cases=(case(_X, _Y, label="pooled variance"),
               case(_X, _Y, equal_var=False, label="Welch: non-integer df"),
               case(_X, _Y * 3, equal_var=False, alternative="less", label="Welch, one-sided"),
               case(np.array([1.0, 2.0]), np.array([3.0]), label="pooled with n2 = 1")),
        strategy=lambda: _two_samples(),
        bad=(bad(np.array([1.0, 2.0]), np.array([3.0]), equal_var=False, raises=ValueError,
                 match="at least 2", label="Welch with one observation"),
             bad(np.array([]), _Y, raises=ValueError, match="empty", label="empty sample")),
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
             bad(np.zeros((0, 2)), raises=ValueError, match="size 0", label="empty table")),
        bench=Bench(1000, lambda n, rng: case(rng.integers(1, 100, (n, n))))),
)
