"""Elementary probability through ``sympy.stats``: the reference for `mathml.probability`.

Each function builds the finite random variables the question is about, asks
``sympy.stats`` (``P``, ``E``, ``variance``, conditioning with ``given``) in exact rational
arithmetic — every float converted to the rational it represents exactly — and rounds the
answer to a float once, at the end.

Adjustment to the contract (docs/contract.md §3): sympy takes any numbers as probabilities, so the
wrapper validates first, with `mathml`'s rules and messages (a probability outside [0, 1],
a table or distribution not summing to 1 within 1e-9, inconsistent probabilities).
"""
from __future__ import annotations

import operator

import numpy as np
import sympy
from numpy.typing import ArrayLike
from sympy import stats

__all__ = ["joint_independent", "conditional", "marginal", "bayes", "chain_rule",
           "are_independent", "expectation", "variance"]

_SUM_TOL = 1e-9


def _q(p: float) -> sympy.Rational:
    """The float's exact rational value."""
    return sympy.Rational(float(p))


def _numeric(a: ArrayLike, name: str) -> np.ndarray:
    """`a` as a float64 array; None, strings and other objects, and complex numbers, are a
    TypeError naming the argument (a ragged list is NumPy's ValueError)."""
    arr = np.asarray(a)
    if np.iscomplexobj(arr):
        raise TypeError(f"{name}: complex input is not supported: pass a real array")
    if arr.dtype.kind not in "biuf":
        raise TypeError(f"{name} must be an array of numbers, got {type(a).__name__}")
    return arr.astype(np.float64)


def _probability(p: float, name: str) -> float:
    value = float(p)
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{name} = {p!r} is not a probability: it must lie in [0, 1]")
    return value


def _probabilities(p: ArrayLike, name: str) -> np.ndarray:
    P = _numeric(p, name)
    if not np.isfinite(P).all():
        raise ValueError("array must not contain infs or NaNs")
    if P.size == 0:
        raise ValueError(f"{name} is empty: pass at least one probability")
    if np.any((P < 0) | (P > 1)):
        raise ValueError(f"{name} has entries outside [0, 1]")
    if abs(float(np.sum(P)) - 1.0) > _SUM_TOL:
        raise ValueError(f"{name} must sum to 1 (sums to {float(np.sum(P))!r})")
    return P


def _table(joint: ArrayLike) -> np.ndarray:
    P = _probabilities(joint, "joint")
    if P.ndim != 2:
        raise ValueError(f"joint must be a 2-D table p(x, y), got {P.ndim} dimensions")
    return P


def _cells(P: np.ndarray):
    """A finite variable Z over the cells k = i·n_y + j of a table, P(Z = k) = p(i, j)."""
    return stats.FiniteRV("Z", {k: _q(p) for k, p in enumerate(P.ravel())})


def _event(Z, cells) -> sympy.Basic:
    return sympy.Or(*[sympy.Eq(Z, int(k)) for k in cells])


def joint_independent(p_a: float, p_b: float) -> float:
    p_a, p_b = _probability(p_a, "p_a"), _probability(p_b, "p_b")
    A, B = stats.Bernoulli("A", _q(p_a)), stats.Bernoulli("B", _q(p_b))  # independent
    return float(stats.P(sympy.And(sympy.Eq(A, 1), sympy.Eq(B, 1))))


def conditional(p_a_and_b: float, p_b: float) -> float:
    p_ab, p_b = _probability(p_a_and_b, "p_a_and_b"), _probability(p_b, "p_b")
    if p_b == 0:
        raise ValueError("p_b is 0: conditioning on an impossible event is undefined")
    if p_ab > p_b:
        raise ValueError(f"p_a_and_b = {p_ab} exceeds p_b = {p_b}: A ∩ B is a subset of B")
    # outcomes: 0 = A ∩ B, 1 = B without A, 2 = not B
    X = stats.FiniteRV("X", {0: _q(p_ab), 1: _q(p_b) - _q(p_ab), 2: 1 - _q(p_b)})
    return float(stats.P(sympy.Eq(X, 0), X <= 1))


def marginal(joint: ArrayLike, axis: int = 0) -> np.ndarray:
    P = _table(joint)
    axis = operator.index(axis)  # an integer, as NumPy's axes: 1.0 is a TypeError
    if axis not in (0, 1):
        raise ValueError(f"axis must be 0 (rows, X) or 1 (columns, Y), got {axis!r}")
    Z, index = _cells(P), np.arange(P.size).reshape(P.shape)
    groups = index if axis == 0 else index.T
    return np.array([float(stats.P(_event(Z, g))) for g in groups])


def bayes(p_b_given_a: float, p_a: float, p_b: float) -> float:
    p_ba, p_a, p_b = (_probability(p_b_given_a, "p_b_given_a"), _probability(p_a, "p_a"),
                      _probability(p_b, "p_b"))
    if p_b == 0:
        raise ValueError("p_b is 0: conditioning on an impossible event is undefined")
    p_ab = p_ba * p_a
    if p_ab > p_b or p_a + p_b - p_ab > 1.0 + _SUM_TOL:
        raise ValueError(f"inconsistent probabilities: no distribution has P(A) = {p_a}, "
                         f"P(B) = {p_b} and P(A ∩ B) = P(B | A) P(A) = {p_ab}")
    ab = _q(p_ba) * _q(p_a)
    # the four outcomes of (A, B): 0 = A∩B, 1 = A∩B', 2 = A'∩B, 3 = A'∩B'
    X = stats.FiniteRV("X", {0: ab, 1: _q(p_a) - ab, 2: _q(p_b) - ab,
                             3: 1 - _q(p_a) - _q(p_b) + ab})
    A, B = X <= 1, sympy.Or(sympy.Eq(X, 0), sympy.Eq(X, 2))
    return float(stats.P(A, B))


def chain_rule(probs: ArrayLike) -> float:
    p = _numeric(probs, "probs")
    if p.ndim != 1 or p.size == 0:
        raise ValueError("probs must be a non-empty 1-D sequence of probabilities")
    if not np.isfinite(p).all():
        raise ValueError("array must not contain infs or NaNs")
    if np.any((p < 0) | (p > 1)):
        raise ValueError("probs has entries outside [0, 1]")
    # Z = the number of leading events that occur: A_k = {Z >= k}, so that
    # P(A_{k+1} | A_1 ∩ … ∩ A_k) = P(Z >= k+1 | Z >= k) = p[k]
    n, q = p.size, [_q(v) for v in p]
    reach = [sympy.Mul(*q[:k]) for k in range(n + 1)]  # P(Z >= k)
    density = {k: reach[k] * (1 - q[k]) for k in range(n)}
    density[n] = 1 - sum(density.values(), sympy.Integer(0))
    Z = stats.FiniteRV("Z", density)
    return float(stats.P(sympy.And(*[Z >= k for k in range(1, n + 1)])))


def are_independent(joint: ArrayLike, *, atol: float = 1e-9) -> bool:
    P = _table(joint)
    Z, index = _cells(P), np.arange(P.size).reshape(P.shape)
    p_x = [stats.P(_event(Z, row)) for row in index]
    p_y = [stats.P(_event(Z, col)) for col in index.T]
    return all(abs(stats.P(sympy.Eq(Z, int(index[i, j]))) - p_x[i] * p_y[j]) <= _q(atol)
               for i in range(P.shape[0]) for j in range(P.shape[1]))


def _finite_variable(values: ArrayLike, probs: ArrayLike):
    x = _numeric(values, "values")
    if not np.isfinite(x).all():
        raise ValueError("array must not contain infs or NaNs")
    p = _probabilities(probs, "probs")
    if x.ndim != 1 or p.ndim != 1 or x.shape != p.shape:
        raise ValueError(f"values and probs must be 1-D of the same length, got shapes "
                         f"{x.shape} and {p.shape}")
    density: dict = {}
    for v, w in zip(x, p):  # repeated values: their probabilities add up
        density[_q(v)] = density.get(_q(v), 0) + _q(w)
    return stats.FiniteRV("X", density)


def expectation(values: ArrayLike, probs: ArrayLike) -> float:
    return float(stats.E(_finite_variable(values, probs)))


def variance(values: ArrayLike, probs: ArrayLike) -> float:
    return float(stats.variance(_finite_variable(values, probs)))
