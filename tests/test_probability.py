"""Probability beyond the catalog's comparisons: the seed's products and the textbook
examples, as exact fractions — both backends."""
from fractions import Fraction

import numpy as np
import pytest

import mathml.probability as mp
import reference.probability as rp

BACKENDS = [pytest.param(mp, id="mathml"), pytest.param(rp, id="reference")]


def near(got, exact: Fraction, rel: float = 4e-16) -> bool:
    # a few correctly rounded operations: within a few ulps of the exact rational
    return abs(Fraction(got) - exact) <= rel * abs(exact) + Fraction(1, 10**300)


@pytest.mark.parametrize("backend", BACKENDS)
def test_seed_joint_and_chain_rule(backend):
    assert near(backend.joint_independent(0.4, 0.6), Fraction(0.4) * Fraction(0.6))
    assert near(backend.chain_rule([0.4, 0.8]), Fraction(0.4) * Fraction(0.8))
    assert round(backend.joint_independent(0.4, 0.6), 8) == 0.24
    assert round(backend.chain_rule([0.4, 0.8]), 8) == 0.32


@pytest.mark.parametrize("backend", BACKENDS)
def test_bayes_rare_condition(backend):
    exact = Fraction(0.9) * Fraction(0.01) / Fraction(0.05)
    # a product and a quotient, each correctly rounded: ≤ 2·(eps/2) ≈ 2.2e-16 relative
    assert near(backend.bayes(0.9, 0.01, 0.05), exact, rel=1e-15)
    # Bayes' theorem agrees with conditioning on the joint probability
    assert near(backend.conditional(0.9 * 0.01, 0.05), exact, rel=1e-15)  # as above


@pytest.mark.parametrize("backend", BACKENDS)
def test_fair_die(backend):
    x, p = np.arange(1.0, 7.0), np.full(6, 1 / 6)
    # sums of 6 products of fractions 1/6: a few roundings of numbers of size ~1
    assert near(backend.expectation(x, p), Fraction(7, 2), rel=1e-15)
    assert near(backend.variance(x, p), Fraction(35, 12), rel=1e-15)  # as above


@pytest.mark.parametrize("backend", BACKENDS)
def test_marginals_and_independence_of_the_seed_table(backend):
    joint = np.array([[0.3, 0.1], [0.2, 0.4]])
    # each marginal is a sum of two entries: one rounding (≤ eps/2 relative)
    assert np.allclose(backend.marginal(joint, axis=0), [0.4, 0.6], rtol=1e-15, atol=0)
    assert np.allclose(backend.marginal(joint, axis=1), [0.5, 0.5], rtol=1e-15, atol=0)  # same
    assert backend.are_independent(joint) is False  # 0.3 ≠ 0.4 × 0.5
    product = np.array([0.4, 0.6])[:, None] * np.array([0.5, 0.5])[None, :]
    assert backend.are_independent(product) is True


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("call", [
    lambda b: b.joint_independent(-0.1, 0.5), lambda b: b.conditional(0.2, 0.0),
    lambda b: b.marginal(np.array([[0.5, 0.6]])), lambda b: b.expectation([1.0], [0.9]),
    lambda b: b.bayes(float("nan"), 0.5, 0.5)], ids=["negative", "P(B)=0", "sum", "sum",
                                                     "nan"])
def test_bad_input_raises_value_error(backend, call):
    with pytest.raises(ValueError):
        call(backend)
