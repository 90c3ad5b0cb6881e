"""Random variates from uniform draws only: the samplers behind the distributions' `rvs`.

Every sampler takes a ``numpy.random.Generator`` and uses only its uniform draws
(``rng.random``): the point is to show how a normal, gamma, Poisson or binomial variate is
made from U(0, 1). References: L. Devroye, *Non-Uniform Random Variate Generation*
(Springer, 1986); Marsaglia & Tsang, ACM TOMS 26 (2000).
"""
from __future__ import annotations

import math
from typing import Any
from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

__all__: list[str] = []  # private: the public face is each distribution's `rvs`


#: A cap on every redraw loop: each round succeeds with probability ≥ 0.95, so 1000
#: rounds are never all needed — the cap only bounds the loop.
MAX_ROUNDS = 1000


def generator(random_state: Any) -> np.random.Generator:
    """The random_state convention: None (fresh entropy), an int seed, or a Generator
    (used as is, so successive calls continue its stream)."""
    if isinstance(random_state, np.random.Generator):
        return random_state
    if random_state is None or isinstance(random_state, (int, np.integer)):
        return np.random.default_rng(random_state)
    raise ValueError(f"random_state must be None, an int or a numpy.random.Generator, "
                     f"got {type(random_state).__name__}")


def uniform_open(rng: np.random.Generator, shape: tuple) -> NDArray[np.float64]:
    """U(0, 1) strictly inside (0, 1): rng.random draws from [0, 1), so 1 − U is in (0, 1]
    and excluding an exact 0 only means one more draw with probability 2⁻⁵³."""
    u = 1.0 - rng.random(shape)
    for _ in range(MAX_ROUNDS):  # 1 − 0 = 1: redraw those (probability 2⁻⁵³ each)
        bad = u >= 1.0
        if not bad.any():
            break
        u[bad] = 1.0 - rng.random(int(bad.sum()))
    return u


def standard_normal(rng: np.random.Generator, shape: tuple) -> NDArray[np.float64]:
    """N(0, 1) by the Box–Muller transform: for U1, U2 uniform on (0, 1),
    R = √(−2 log U1) and Θ = 2π U2 give two independent normals R cos Θ, R sin Θ
    (Devroye §V.4.1)."""
    n = int(np.prod(shape, dtype=np.int64))
    m = (n + 1) // 2
    R = np.sqrt(-2.0 * np.log(uniform_open(rng, (m,))))
    theta = 2.0 * math.pi * rng.random(m)
    z = np.concatenate([R * np.cos(theta), R * np.sin(theta)])[:n]
    return z.reshape(shape)


def standard_gamma(rng: np.random.Generator, a: NDArray, shape: tuple) -> NDArray[np.float64]:
    """Gamma(a, 1) variates (see `log_standard_gamma`)."""
    return np.exp(log_standard_gamma(rng, a, shape))


def log_standard_gamma(rng: np.random.Generator, a: NDArray, shape: tuple) -> NDArray[np.float64]:
    """log of Gamma(a, 1) variates by Marsaglia and Tsang's method, vectorised as a
    rejection loop.

    For a ≥ 1: d = a − 1/3, c = 1/√(9d); draw a normal Z and uniform U; with V = (1 + cZ)³,
    accept dV when V > 0 and log U < Z²/2 + d − dV + d log V. For a < 1 the boost
    Gamma(a) = Gamma(a + 1)·U^{1/a} (Marsaglia & Tsang §6), added in logs: for small a,
    U^{1/a} underflows to 0 (a = 0.01: whenever U < 8e-4), its logarithm log(U)/a does not."""
    a = np.broadcast_to(a, shape).astype(float)
    boost = a < 1.0
    d = np.where(boost, a + 1.0, a) - 1.0 / 3.0
    c = 1.0 / np.sqrt(9.0 * d)
    x = np.full(shape, np.nan)  # NaN only if MAX_ROUNDS ran out (probability < 0.05^1000)
    x[a == np.inf] = np.inf  # Gamma(∞) is ∞ (as NumPy); (1 + cZ)³ would give ∞ − ∞
    todo = np.isfinite(a) & (a > 0)
    for _ in range(MAX_ROUNDS):  # each round accepts ≥ 95% of the remaining draws
        if not todo.any():
            break
        k = int(todo.sum())
        Z = standard_normal(rng, (k,))
        U = uniform_open(rng, (k,))
        dk, ck = d[todo], c[todo]
        V = (1.0 + ck * Z) ** 3
        with np.errstate(invalid="ignore", divide="ignore"):
            ok = (V > 0) & (np.log(U) < 0.5 * Z * Z + dk - dk * V + dk * np.log(V))
        idx = np.flatnonzero(todo)[ok]
        x.flat[idx] = np.log(dk[ok] * V[ok])
        todo.flat[idx] = False
    if boost.any():
        U = uniform_open(rng, (int(boost.sum()),))
        x[boost] = x[boost] + np.log(U) / a[boost]
    return x


def discrete_inversion(rng: np.random.Generator, shape: tuple, mode: NDArray,
                       cdf_at_mode: NDArray, pmf_at_mode: NDArray,
                       ratio_up: Callable[[NDArray], NDArray],
                       ratio_down: Callable[[NDArray], NDArray],
                       upper: NDArray) -> NDArray[np.int64]:
    """Inversion by sequential search from the mode (Devroye §III.2, §X.3): draw U; if
    U ≤ F(m) step down from m while U ≤ F(k − 1), else step up while U > F(k); the pmf is
    carried along by its ratios p(k+1)/p(k) = ratio_up(k), p(k−1)/p(k) = ratio_down(k).
    Exact in distribution (up to the rounding of F), and the expected number of steps is
    the mean distance from the mode, O(standard deviation)."""
    U = rng.random(shape)
    k = np.broadcast_to(mode, shape).astype(float).copy()
    F = np.broadcast_to(cdf_at_mode, shape).astype(float).copy()  # F(k)
    p = np.broadcast_to(pmf_at_mode, shape).astype(float).copy()  # p(k)
    top = np.broadcast_to(upper, shape)
    down = U <= F
    # Down: while U ≤ F(k − 1) = F(k) − p(k), move to k − 1.
    active = down & (k > 0)
    while active.any():
        F_below = F - p
        step = active & (U <= F_below)
        if not step.any():
            break
        F = np.where(step, F_below, F)
        p = np.where(step, p * ratio_down(k), p)
        k = np.where(step, k - 1, k)
        active = step & (k > 0)
    # Up: while U > F(k), move to k + 1 (F(k + 1) = F(k) + p(k + 1)).
    active = ~down & (k < top)
    while active.any():
        p_next = p * ratio_up(k)
        k = np.where(active, k + 1, k)
        p = np.where(active, p_next, p)
        F = np.where(active, F + p_next, F)
        active = active & (U > F) & (k < top) & (p_next > 0)
    return k.astype(np.int64)
