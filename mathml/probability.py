"""Elementary probability from scratch: events, joint tables and finite random variables.

The rules a learner meets first — the product rule for independent events, conditional
probability, marginals, Bayes' theorem, the chain rule, independence, and the mean and
variance of a finite discrete variable — as plain functions of probabilities (floats),
joint tables (arrays summing to 1) and (values, probabilities) pairs.

Every function validates its input the same way (docs/contract.md §3): a probability outside
[0, 1], a table or distribution not summing to 1 (within 1e-9), or probabilities that no
distribution can have (P(A ∩ B) > P(B)) raise ValueError. The reference computes each
with ``sympy.stats`` in exact rational arithmetic.
"""
from __future__ import annotations

import operator

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validation import check_finite

__all__ = ["joint_independent", "conditional", "marginal", "bayes", "chain_rule",
           "are_independent", "expectation", "variance"]

_SUM_TOL = 1e-9


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
    """`p` as a float in [0, 1]."""
    value = float(p)
    if not 0.0 <= value <= 1.0:  # also refuses nan
        raise ValueError(f"{name} = {p!r} is not a probability: it must lie in [0, 1]")
    return value


def _probabilities(p: ArrayLike, name: str) -> NDArray[np.float64]:
    """An array of probabilities in [0, 1] summing to 1, not empty."""
    P = check_finite(_numeric(p, name))
    if P.size == 0:
        raise ValueError(f"{name} is empty: pass at least one probability")
    if np.any((P < 0) | (P > 1)):
        raise ValueError(f"{name} has entries outside [0, 1]")
    if abs(float(np.sum(P)) - 1.0) > _SUM_TOL:
        raise ValueError(f"{name} must sum to 1 (sums to {float(np.sum(P))!r})")
    return P


def _table(joint: ArrayLike) -> NDArray[np.float64]:
    P = _probabilities(joint, "joint")
    if P.ndim != 2:
        raise ValueError(f"joint must be a 2-D table p(x, y), got {P.ndim} dimensions")
    return P


def joint_independent(p_a: float, p_b: float) -> float:
    r"""Probability that two independent events both occur (the product rule).

    .. math:: P(A \cap B) = P(A)\, P(B) \quad (A, B \text{ independent})

    Parameters
    ----------
    p_a, p_b : float
        P(A) and P(B), in [0, 1].

    Returns
    -------
    float

    Raises
    ------
    ValueError
        A probability outside [0, 1].

    Notes
    -----
    *Algorithm*: 1. validate; 2. multiply.
    *Complexity*: O(1). *Numerical stability*: one correctly rounded product.

    References
    ----------
    Blitzstein & Hwang, Introduction to Probability, 2nd ed., §2.5 (independence).

    Checked against ``reference.probability.joint_independent`` →
    ``sympy.stats.P(Eq(A, 1) & Eq(B, 1)), A, B Bernoulli`` (independent), exact.

    Examples
    --------
    >>> round(joint_independent(0.4, 0.6), 8)
    0.24
    """
    # Step 1-2
    return _probability(p_a, "p_a") * _probability(p_b, "p_b")


def conditional(p_a_and_b: float, p_b: float) -> float:
    r"""Conditional probability of A given B.

    .. math:: P(A \mid B) = \frac{P(A \cap B)}{P(B)}, \quad P(B) > 0

    Parameters
    ----------
    p_a_and_b : float
        P(A ∩ B), at most P(B).
    p_b : float
        P(B), positive.

    Returns
    -------
    float
        In [0, 1].

    Raises
    ------
    ValueError
        A probability outside [0, 1]; P(B) = 0 (conditioning on an impossible event);
        P(A ∩ B) > P(B).

    Notes
    -----
    *Algorithm*: 1. validate (P(A ∩ B) ≤ P(B) since A ∩ B ⊆ B); 2. divide.
    *Complexity*: O(1). *Numerical stability*: one correctly rounded quotient.

    References
    ----------
    Blitzstein & Hwang, Introduction to Probability, 2nd ed., §2.2.

    Checked against ``reference.probability.conditional`` → ``sympy.stats.P(A, given=B)``
    on a finite variable with P(A ∩ B) and P(B) as specified.

    Examples
    --------
    >>> round(conditional(0.32, 0.4), 8)
    0.8
    """
    # Step 1
    p_ab, p_b = _probability(p_a_and_b, "p_a_and_b"), _probability(p_b, "p_b")
    if p_b == 0:
        raise ValueError("p_b is 0: conditioning on an impossible event is undefined")
    if p_ab > p_b:
        raise ValueError(f"p_a_and_b = {p_ab} exceeds p_b = {p_b}: A ∩ B is a subset of B")
    # Step 2
    return p_ab / p_b


def marginal(joint: ArrayLike, axis: int = 0) -> NDArray[np.float64]:
    r"""Marginal distribution of one variable of a joint probability table.

    .. math:: p_X(x) = \sum_y p(x, y) \ (\text{axis}=0), \qquad
              p_Y(y) = \sum_x p(x, y) \ (\text{axis}=1)

    Parameters
    ----------
    joint : array_like, shape (n_x, n_y)
        p(x, y): entries in [0, 1] summing to 1; rows index X, columns Y.
    axis : {0, 1}
        The variable whose distribution is returned: 0 for X (the rows), 1 for Y.

    Returns
    -------
    ndarray, shape (n_x,) or (n_y,)

    Raises
    ------
    ValueError
        Not 2-D, entries outside [0, 1], not summing to 1, axis not 0 or 1.

    Notes
    -----
    *Algorithm*: 1. validate; 2. sum out the other variable (the law of total
    probability).
    *Complexity*: O(n_x n_y). *Numerical stability*: sums of nonnegative terms.

    References
    ----------
    Blitzstein & Hwang, Introduction to Probability, 2nd ed., §7.1 (joint, marginal and
    conditional distributions).

    Checked against ``reference.probability.marginal`` → ``sympy.stats.P`` of each
    row/column event of a finite variable over the cells, exact.

    Examples
    --------
    >>> marginal([[0.3, 0.1], [0.2, 0.4]], axis=0)
    array([0.4, 0.6])
    """
    # Step 1
    P = _table(joint)
    axis = operator.index(axis)  # an integer, as NumPy's axes: 1.0 is a TypeError
    if axis not in (0, 1):
        raise ValueError(f"axis must be 0 (rows, X) or 1 (columns, Y), got {axis!r}")
    # Step 2: the variable kept is `axis`; the other one is summed out
    return np.sum(P, axis=1 - axis)


def bayes(p_b_given_a: float, p_a: float, p_b: float) -> float:
    r"""Bayes' theorem: the posterior P(A | B) from the likelihood, prior and evidence.

    .. math:: P(A \mid B) = \frac{P(B \mid A)\, P(A)}{P(B)}

    Parameters
    ----------
    p_b_given_a : float
        The likelihood P(B | A).
    p_a : float
        The prior P(A).
    p_b : float
        The evidence P(B), positive.

    Returns
    -------
    float
        In [0, 1].

    Raises
    ------
    ValueError
        A probability outside [0, 1]; P(B) = 0; inconsistent inputs — P(A ∩ B) =
        P(B | A) P(A) exceeding P(B), or P(A ∪ B) = P(A) + P(B) − P(A ∩ B) exceeding 1
        (no distribution has them).

    Notes
    -----
    *Algorithm*: 1. validate; 2. P(A ∩ B) = P(B | A) P(A) (the product rule); 3. check that
    some distribution has these P(A), P(B), P(A ∩ B); 4. divide by P(B).
    *Complexity*: O(1). *Numerical stability*: two roundings.

    References
    ----------
    Blitzstein & Hwang, Introduction to Probability, 2nd ed., §2.3 (Bayes' rule).

    Checked against ``reference.probability.bayes`` → ``sympy.stats.P(A, given=B)`` on the
    four outcomes of (A, B) with the probabilities implied, exact.

    Examples
    --------
    >>> round(bayes(0.9, 0.01, 0.05), 8)  # a test with 90% sensitivity, a rare condition
    0.18
    """
    # Step 1
    p_ba, p_a, p_b = (_probability(p_b_given_a, "p_b_given_a"), _probability(p_a, "p_a"),
                      _probability(p_b, "p_b"))
    if p_b == 0:
        raise ValueError("p_b is 0: conditioning on an impossible event is undefined")
    # Step 2
    p_ab = p_ba * p_a
    # Step 3
    if p_ab > p_b or p_a + p_b - p_ab > 1.0 + _SUM_TOL:
        raise ValueError(f"inconsistent probabilities: no distribution has P(A) = {p_a}, "
                         f"P(B) = {p_b} and P(A ∩ B) = P(B | A) P(A) = {p_ab}")
    # Step 4
    return p_ab / p_b


def chain_rule(probs: ArrayLike) -> float:
    r"""Probability that all of a sequence of events occur, by the chain rule.

    .. math:: P(A_1 \cap \dots \cap A_n) = P(A_1)\, P(A_2 \mid A_1) \cdots
              P(A_n \mid A_1 \cap \dots \cap A_{n-1})

    Parameters
    ----------
    probs : array_like, shape (n,)
        ``probs[0]`` = P(A₁) and ``probs[k]`` = P(A_{k+1} | A₁ ∩ … ∩ A_k), each in [0, 1].

    Returns
    -------
    float

    Raises
    ------
    ValueError
        Empty, not 1-D, or an entry outside [0, 1].

    Notes
    -----
    *Algorithm*: 1. validate; 2. multiply the factors in order.
    *Complexity*: O(n). *Numerical stability*: n − 1 correctly rounded products: relative
    error ≤ (n − 1)·eps.

    References
    ----------
    Blitzstein & Hwang, Introduction to Probability, 2nd ed., §2.2 (Theorem 2.2.6).

    Checked against ``reference.probability.chain_rule`` →
    ``sympy.stats.P(A_1 & ... & A_n)`` for events A_k = {Z ≥ k} of a finite variable Z whose conditionals
    P(A_{k+1} | A_k) are the given ones, exact.

    Examples
    --------
    >>> round(chain_rule([0.4, 0.8]), 8)  # P(A) P(B | A)
    0.32
    """
    # Step 1
    p = check_finite(_numeric(probs, "probs"))
    if p.ndim != 1 or p.size == 0:
        raise ValueError("probs must be a non-empty 1-D sequence of probabilities")
    if np.any((p < 0) | (p > 1)):
        raise ValueError("probs has entries outside [0, 1]")
    # Step 2
    return float(np.prod(p))


def are_independent(joint: ArrayLike, *, atol: float = 1e-9) -> bool:
    r"""Whether the two variables of a joint probability table are independent.

    .. math:: X \perp Y \iff p(x, y) = p_X(x)\, p_Y(y) \ \ \forall x, y

    checked as ``|p(x, y) − p_X(x) p_Y(y)| ≤ atol`` in every cell.

    Parameters
    ----------
    joint : array_like, shape (n_x, n_y)
        p(x, y): entries in [0, 1] summing to 1.
    atol : float
        Absolute tolerance per cell: a table entered in decimals (0.12 = 0.3 × 0.4) is not
        an exact product in binary floating point.

    Returns
    -------
    bool

    Raises
    ------
    ValueError
        Not 2-D, entries outside [0, 1], not summing to 1.

    Notes
    -----
    *Algorithm*: 1. the marginals; 2. the product table p_X(x) p_Y(y) (a broadcast
    product); 3. compare cell by cell.
    *Complexity*: O(n_x n_y). *Numerical stability*: marginals and products carry errors
    ~n·eps, far below any sensible atol.

    References
    ----------
    Blitzstein & Hwang, Introduction to Probability, 2nd ed., §7.1 (Definition 7.1.11).

    Checked against ``reference.probability.are_independent`` →
    ``sympy.stats.P(cell)`` vs ``P(row)·P(column)`` for each cell of a finite variable,
    exact, compared with the same atol.

    Examples
    --------
    >>> are_independent([[0.12, 0.28], [0.18, 0.42]]), are_independent([[0.3, 0.1], [0.2, 0.4]])
    (True, False)
    """
    P = _table(joint)
    # Step 1
    p_x, p_y = np.sum(P, axis=1), np.sum(P, axis=0)
    # Step 2-3
    return bool(np.all(np.abs(P - p_x[:, None] * p_y[None, :]) <= atol))


def _finite_variable(values: ArrayLike, probs: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    x = check_finite(_numeric(values, "values"))
    p = _probabilities(probs, "probs")
    if x.ndim != 1 or p.ndim != 1 or x.shape != p.shape:
        raise ValueError(f"values and probs must be 1-D of the same length, got shapes "
                         f"{x.shape} and {p.shape}")
    return x, p


def expectation(values: ArrayLike, probs: ArrayLike) -> float:
    r"""Expected value of a finite discrete random variable.

    .. math:: E[X] = \sum_i x_i\, P(X = x_i)

    Parameters
    ----------
    values : array_like, shape (n,)
        The values x_i (repeats allowed: their probabilities add up).
    probs : array_like, shape (n,)
        P(X = x_i), in [0, 1], summing to 1.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        Lengths that differ, empty, probabilities outside [0, 1] or not summing to 1.

    Notes
    -----
    *Algorithm*: 1. validate; 2. the probability-weighted sum (a dot product).
    *Complexity*: O(n). *Numerical stability*: error ≤ n·eps·Σ|x_i| p_i.

    References
    ----------
    Blitzstein & Hwang, Introduction to Probability, 2nd ed., §4.1.

    Checked against ``reference.probability.expectation`` → ``sympy.stats.E(FiniteRV)``,
    exact.

    Examples
    --------
    >>> round(expectation([1, 2, 3, 4, 5, 6], [1/6] * 6), 8)  # a fair die
    3.5
    """
    # Step 1
    x, p = _finite_variable(values, probs)
    # Step 2
    return float(x @ p)


def variance(values: ArrayLike, probs: ArrayLike) -> float:
    r"""Variance of a finite discrete random variable.

    .. math:: \operatorname{Var}[X] = E\big[(X - E[X])^2\big] = \sum_i p_i (x_i - \mu)^2,
              \quad \mu = E[X]

    Parameters
    ----------
    values : array_like, shape (n,)
        The values x_i.
    probs : array_like, shape (n,)
        P(X = x_i), in [0, 1], summing to 1.

    Returns
    -------
    float
        ≥ 0.

    Raises
    ------
    ValueError
        Lengths that differ, empty, probabilities outside [0, 1] or not summing to 1.

    Notes
    -----
    *Algorithm*: 1. μ = E[X]; 2. the weighted mean square deviation (two passes, not
    E[X²] − μ², which cancels catastrophically when the spread is small against |μ|).
    *Complexity*: O(n). *Numerical stability*: all terms ≥ 0; relative error O(n·eps)
    plus the effect of μ's own error, which is second order.

    References
    ----------
    Blitzstein & Hwang, Introduction to Probability, 2nd ed., §4.6; Chan, Golub & LeVeque
    (1983) on the two-pass formula.

    Checked against ``reference.probability.variance`` →
    ``sympy.stats.variance(FiniteRV)``, exact.

    Examples
    --------
    >>> round(variance([1, 2, 3, 4, 5, 6], [1/6] * 6), 8)  # 35/12
    2.91666667
    """
    x, p = _finite_variable(values, probs)
    # Step 1
    mu = x @ p
    # Step 2
    d = x - mu
    return float((d * d) @ p)
