"""Catalog entries for elementary probability (docs/concepts.md §4): `mathml.probability` vs
``sympy.stats``, exact.

The seed (000) computes a joint probability of independent events, P(A)·P(B) = 0.4 × 0.6,
and the chain rule P(A)·P(B | A) = 0.4 × 0.8: the first cases of `joint_independent`
(expected 0.24) and `chain_rule` (expected 0.32), values the seed implies in decimals.

Probabilities are drawn on a grid of hundredths or as normalised small integer weights, so
consistent inputs are built by construction (P(A ∩ B) ≤ P(B), the four cells of (A, B)
nonnegative). SymPy's exact arithmetic is slow for large tables: tables stay ≤ 3×3 in the
generated cases (~40 ms each).
"""
from __future__ import annotations

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from ._core import Bench, Concept, bad, case

SEED = "000"

_P = st.integers(0, 100).map(lambda k: k / 100)
_WEIGHTS = st.integers(0, 9)
_TABLE = np.array([[0.3, 0.1], [0.2, 0.4]])


@st.composite
def _table(draw, max_side: int = 3):
    shape = (draw(st.integers(1, max_side)), draw(st.integers(1, max_side)))
    w = draw(arrays(np.int64, shape, elements=_WEIGHTS)).astype(np.float64)
    w[0, 0] += 1.0
    return w / w.sum()


@st.composite
def _independent_or_not(draw):
    if draw(st.booleans()):  # a product table p_x p_yᵀ, entries as decimals
        p_x = draw(arrays(np.int64, draw(st.integers(1, 3)), elements=_WEIGHTS)) + 1.0
        p_y = draw(arrays(np.int64, draw(st.integers(1, 3)), elements=_WEIGHTS)) + 1.0
        return case(p_x[:, None] * p_y[None, :] / (p_x.sum() * p_y.sum()))
    return case(draw(_table()))


@st.composite
def _conditional_cases(draw):
    p_b = draw(st.integers(1, 100)) / 100
    return case(p_b * draw(_P), p_b)


@st.composite
def _bayes_cases(draw):
    """P(A), P(B), P(B | A) from the four cells of (A, B), with P(A' ∩ B) > 0 and
    P(A' ∩ B') > 0 so that rounding cannot push the inputs across a consistency bound."""
    ab, a_only, b_only, neither = (draw(_WEIGHTS) for _ in range(4))
    a_total = ab + a_only + 1
    w = np.array([ab, a_only + 1, b_only + 1, neither + 1], dtype=float)
    w /= w.sum()
    p_a, p_b = w[0] + w[1], w[0] + w[2]
    return case(ab / a_total, p_a, p_b)


@st.composite
def _finite_variable(draw):
    n = draw(st.integers(1, 8))
    x = draw(arrays(np.float64, (n,), elements=st.integers(-80, 80).map(lambda k: k / 8)))
    w = draw(arrays(np.int64, (n,), elements=_WEIGHTS)).astype(np.float64)
    w[0] += 1.0
    return case(x, w / w.sum())


_OUT_OF_RANGE = bad(1.2, 0.5, raises=ValueError, match="not a probability",
                    label="probability above 1")
_TABLE_BAD = (bad(np.array([[0.5, 0.6], [0.1, 0.1]]), raises=ValueError, match="sum to 1",
                  label="does not sum to 1"),
              bad(np.array([[1.5, -0.5], [0.0, 0.0]]), raises=ValueError, match="outside",
                  label="entries outside [0, 1]"),
              bad(np.array([0.5, 0.5]), raises=ValueError, match="2-D", label="1-D"),
              bad(None, raises=TypeError, match="joint must be an array of numbers",
                  label="None (issue 16: a TypeError naming the argument)"))
_VARIABLE_BAD = (bad(np.array([1.0, 2.0]), np.array([0.5, 0.6]), raises=ValueError,
                     match="sum to 1", label="does not sum to 1"),
                 bad(np.array([1.0, 2.0, 3.0]), np.array([0.5, 0.5]), raises=ValueError,
                     match="same length", label="lengths differ"),
                 bad(np.array([1.0, 2.0]), np.array([1.5, -0.5]), raises=ValueError,
                     match="outside", label="negative probability"),
                 bad(None, np.array([0.5, 0.5]), raises=TypeError,
                     match="values must be an array of numbers", label="values None"),
                 bad(np.array([1.0, 2.0]), None, raises=TypeError,
                     match="probs must be an array of numbers", label="probs None"),
                 bad(np.array([]), np.array([]), raises=ValueError, match="empty",
                     label="empty"))


def _bench_table(n, rng):
    w = rng.uniform(size=(n, n))
    return case(w / w.sum())


def _bench_variable(n, rng):
    p = rng.uniform(size=n)
    return case(rng.uniform(-10, 10, n), p / p.sum())


CONCEPTS = (
    Concept(
        "probability.joint_independent", "sympy.stats.P(Eq(A, 1) & Eq(B, 1)), A, B Bernoulli",
        "exact", "exact",
        cases=(case(0.4, 0.6, seed=SEED, expected=0.24, label="seed: P(A)·P(B) = 0.4 × 0.6"),
               case(1.0, 0.3, label="a sure event"), case(0.0, 0.7, label="an impossible event")),
        strategy=lambda: st.tuples(_P, _P).map(lambda t: case(*t)),
        bad=(_OUT_OF_RANGE, bad(0.5, -0.1, raises=ValueError, match="not a probability",
                                label="negative probability")),
        bench=Bench(1, lambda n, rng: case(0.4, 0.6)), seeds=(SEED,),
        note="One correctly rounded product against SymPy's exact value, rounded once."),
    Concept(
        "probability.conditional", "sympy.stats.P(A, given=B)", "exact", "exact",
        cases=(case(0.32, 0.4, label="P(B | A) of the seed: 0.32 / 0.4"),
               case(0.0, 0.5, label="disjoint: 0"), case(0.3, 0.3, label="A ⊇ B: 1")),
        strategy=lambda: _conditional_cases(),
        bad=(_OUT_OF_RANGE, bad(0.1, 0.0, raises=ValueError, match="impossible",
                                label="P(B) = 0"),
             bad(0.5, 0.4, raises=ValueError, match="subset", label="P(A ∩ B) > P(B)")),
        bench=Bench(1, lambda n, rng: case(0.32, 0.4))),
    Concept(
        "probability.marginal", "sympy.stats.P of each row/column event", "exact", "exact",
        cases=(case(_TABLE, axis=0, label="the seed's joint table: p(x)"),
               case(_TABLE, axis=1, label="p(y)")),
        strategy=lambda: st.tuples(_table(), st.sampled_from([0, 1])).map(
            lambda t: case(t[0], axis=t[1])),
        bad=_TABLE_BAD + (bad(_TABLE, axis=2, raises=ValueError, match="axis",
                              label="axis 2"),
                          bad(_TABLE, axis=np.array(1.0), raises=TypeError,
                              label="a float axis (NumPy's TypeError)")),
        bench=Bench(4, _bench_table)),
    Concept(
        "probability.bayes", "sympy.stats.P(A, given=B)", "exact", "exact",
        cases=(case(0.9, 0.01, 0.05, label="a rare condition, a sensitive test"),
               case(0.8, 0.4, 0.5, label="the seed's P(B | A) = 0.8, P(A) = 0.4"),
               case(0.5, 0.5, 0.25, label="B ⊆ A: 1")),
        strategy=lambda: _bayes_cases(),
        bad=(bad(0.9, 1.01, 0.5, raises=ValueError, match="not a probability",
                 label="prior above 1"),
             bad(0.9, 0.5, 0.0, raises=ValueError, match="impossible", label="P(B) = 0"),
             bad(0.9, 0.5, 0.3, raises=ValueError, match="inconsistent",
                 label="P(B | A)P(A) > P(B)"),
             bad(0.1, 0.9, 0.9, raises=ValueError, match="inconsistent",
                 label="P(A ∪ B) > 1")),
        bench=Bench(1, lambda n, rng: case(0.9, 0.01, 0.05))),
    Concept(
        "probability.chain_rule", "sympy.stats.P(A_1 & ... & A_n)", "exact", "exact",
        cases=(case([0.4, 0.8], seed=SEED, expected=0.32,
                    label="seed: P(A)·P(B | A) = 0.4 × 0.8"),
               case([0.5, 0.5, 0.5, 0.5], label="four fair coins"),
               case([0.9], label="one event")),
        strategy=lambda: st.lists(_P, min_size=1, max_size=6).map(lambda p: case(p)),
        bad=(bad([0.4, 1.5], raises=ValueError, match="outside", label="above 1"),
             bad([], raises=ValueError, match="non-empty", label="empty"),
             bad(None, raises=TypeError, match="probs must be an array of numbers", label="None"),
             bad(np.array([0.5 + 0j, 0.4]), raises=TypeError, match="complex",
                 label="complex (the reference used to drop the imaginary part)")),
        bench=Bench(6, lambda n, rng: case(rng.uniform(size=n))), seeds=(SEED,)),
    Concept(
        "probability.are_independent", "sympy.stats.P(cell) vs P(row)·P(column)",
        "exact", "identical",
        cases=(case(np.array([[0.12, 0.28], [0.18, 0.42]]), label="independent (decimals)"),
               case(_TABLE, label="the seed's table: dependent"),
               case(np.array([[1.0]]), label="one cell")),
        strategy=lambda: _independent_or_not(), bad=_TABLE_BAD,
        bench=Bench(3, _bench_table),
        note="Cells compared within atol (1e-9): a decimal table is not an exact product "
             "in binary floating point."),
    Concept(
        "probability.expectation", "sympy.stats.E(FiniteRV)", "exact", "finite_moment",
        cases=(case(np.arange(1.0, 7.0), np.full(6, 1 / 6), label="a fair die: 3.5"),
               case(np.array([-1.0, 1.0]), np.array([0.5, 0.5]), label="symmetric: 0"),
               case(np.array([2.0, 2.0, 5.0]), np.array([0.25, 0.25, 0.5]),
                    label="a repeated value")),
        strategy=lambda: _finite_variable(), bad=_VARIABLE_BAD,
        bench=Bench(8, _bench_variable)),
    Concept(
        "probability.variance", "sympy.stats.variance(FiniteRV)", "exact", "finite_moment",
        cases=(case(np.arange(1.0, 7.0), np.full(6, 1 / 6), label="a fair die: 35/12"),
               case(np.array([3.0]), np.array([1.0]), label="a constant: 0"),
               case(np.array([0.0, 1.0]), np.array([0.7, 0.3]), label="Bernoulli: pq")),
        strategy=lambda: _finite_variable(), bad=_VARIABLE_BAD,
        bench=Bench(8, _bench_variable)),
)
