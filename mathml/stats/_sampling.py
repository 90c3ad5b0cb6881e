"""Random variates from uniform draws only: the samplers behind the distributions' `rvs`.

Every sampler takes a ``numpy.random.Generator`` and uses only its uniform draws
(``rng.random``): the point is to show how a normal, gamma, Poisson or binomial variate is
made from U(0, 1). References: L. Devroye, *Non-Uniform Random Variate Generation*
(Springer, 1986); Marsaglia & Tsang, ACM TOMS 26 (2000).
"""
from __future__ import annotations

import math
import numbers
import operator
from typing import Any
from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

__all__: list[str] = []  # private: the public face is each distribution's `rvs`


#: A cap on every redraw loop: each round succeeds with probability ≥ 0.95, so 1000
#: rounds are never all needed — the cap only bounds the loop.
MAX_ROUNDS = 1000

#: What `generator` returns; the samplers call only its uniform method ``random``.
RNG = np.random.Generator | np.random.RandomState


def generator(random_state: Any) -> RNG:
    """SciPy's random_state convention (``scipy._lib._util.check_random_state``): None (or
    the module ``numpy.random``) is NumPy's global RandomState, an int seeds a new
    ``RandomState``, and a ``RandomState`` or ``Generator`` is used as is (so successive
    calls continue its stream). The samplers call only its uniform method ``random``, which
    both classes have: a distribution whose sampler is the one SciPy uses (uniform, expon,
    bernoulli) draws SciPy's very numbers from the same seed."""
    if random_state is None or random_state is np.random:
        return np.random.mtrand._rand
    if isinstance(random_state, (numbers.Integral, np.integer)):
        return np.random.RandomState(int(random_state))
    if isinstance(random_state, (np.random.RandomState, np.random.Generator)):
        return random_state
    raise ValueError(f"'{random_state}' cannot be used to seed a numpy.random.RandomState "
                     f"instance")


def shape_of_size(size: Any) -> tuple[int, ...]:
    """`size` (an int or a tuple of ints) as a shape, refused as NumPy refuses it: a float,
    a bool or a string raises TypeError, a negative entry ValueError."""
    shape = []
    for s in np.atleast_1d(size):
        if isinstance(s, (bool, np.bool_)):
            raise TypeError("an integer is required")
        try:
            n = operator.index(s)
        except TypeError:
            kind = type(s).__name__
            raise TypeError(f"'numpy.{kind}' object cannot be interpreted as an integer") from None
        if n < 0:
            raise ValueError("negative dimensions are not allowed")
        shape.append(n)
    return tuple(shape)


def uniform_open(rng: RNG, shape: tuple) -> NDArray[np.float64]:
    """U(0, 1) strictly inside (0, 1): rng.random draws from [0, 1), so 1 − U is in (0, 1]
    and excluding an exact 0 only means one more draw with probability 2⁻⁵³."""
    u = 1.0 - rng.random(shape)
    for _ in range(MAX_ROUNDS):  # 1 − 0 = 1: redraw those (probability 2⁻⁵³ each)
        bad = u >= 1.0
        if not bad.any():
            break
        u[bad] = 1.0 - rng.random(int(bad.sum()))
    return u


def standard_normal(rng: RNG, shape: tuple) -> NDArray[np.float64]:
    """N(0, 1) by the Box–Muller transform: for U1, U2 uniform on (0, 1),
    R = √(−2 log U1) and Θ = 2π U2 give two independent normals R cos Θ, R sin Θ
    (Devroye §V.4.1)."""
    n = int(np.prod(shape, dtype=np.int64))
    m = (n + 1) // 2
    R = np.sqrt(-2.0 * np.log(uniform_open(rng, (m,))))
    theta = 2.0 * math.pi * rng.random(m)
    z = np.concatenate([R * np.cos(theta), R * np.sin(theta)])[:n]
    return z.reshape(shape)


def standard_gamma(rng: RNG, a: NDArray, shape: tuple) -> NDArray[np.float64]:
    """Gamma(a, 1) variates (see `log_standard_gamma`)."""
    return np.exp(log_standard_gamma(rng, a, shape))


def log_standard_gamma(rng: RNG, a: NDArray, shape: tuple) -> NDArray[np.float64]:
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


#: A cap on the sequential search's steps: it starts at the normal approximation's
#: quantile, whose error is O(1) steps, so the cap is never reached in practice; the entries
#: that reach it are finished by the caller's bisection (`quantile`).
MAX_WALK = 1000


def discrete_inversion(U: NDArray, start: NDArray, cdf: Callable[[NDArray], NDArray],
                       pmf: Callable[[NDArray], NDArray],
                       ratio_up: Callable[[NDArray], NDArray],
                       ratio_down: Callable[[NDArray], NDArray],
                       upper: NDArray,
                       quantile: Callable[[NDArray, NDArray], NDArray]) -> NDArray:
    """Inversion by sequential search (Devroye §III.2, §X.3): the variate for a uniform U
    is the smallest k with F(k) ≥ U. From a start k₀ (each entry's own, here the normal
    approximation's quantile, so that the walk is short for small and huge means alike):
    if U ≤ F(k) step down while U ≤ F(k − 1), else step up while U > F(k); the pmf is
    carried along by its ratios p(k+1)/p(k) = ratio_up(k), p(k−1)/p(k) = ratio_down(k).
    Exact in distribution (up to the rounding of F). Both walks stop after MAX_WALK steps;
    the entries still walking then are finished by ``quantile(U, mask)``, a bisection."""
    k = np.asarray(start, dtype=float).copy()
    F = cdf(k)  # F(k)
    p = pmf(k)  # p(k)
    top = np.broadcast_to(upper, k.shape)
    down = U <= F
    # Down: while U ≤ F(k − 1) = F(k) − p(k), move to k − 1.
    active = down & (k > 0)
    for _ in range(MAX_WALK):
        if not active.any():
            break
        F_below = F - p
        step = active & (U <= F_below)
        F = np.where(step, F_below, F)
        p = np.where(step, p * ratio_down(k), p)
        k = np.where(step, k - 1, k)
        active = step & (k > 0)
    unfinished = active
    # Up: while U > F(k), move to k + 1 (F(k + 1) = F(k) + p(k + 1)).
    active = ~down & (k < top) & (U > F)
    for _ in range(MAX_WALK):
        if not active.any():
            break
        p_next = p * ratio_up(k)
        k = np.where(active, k + 1, k)
        p = np.where(active, p_next, p)
        F = np.where(active, F + p_next, F)
        active = active & (U > F) & (k < top) & (p_next > 0)
    unfinished = unfinished | active
    if unfinished.any():
        k[unfinished] = quantile(U, unfinished)
    return k



def poisson_ptrs(rng: RNG, lam: NDArray, log_factorial: Callable[[NDArray], NDArray]
                 ) -> NDArray[np.float64]:
    """Poisson(λ) variates for large λ by Hörmann's transformed rejection with squeeze
    (PTRS; W. Hörmann, "The transformed rejection method for generating Poisson random
    variables", Insurance: Mathematics and Economics 12, 1993) — NumPy's method for λ ≥ 10,
    here vectorised as a rejection loop over uniform draws only. With U uniform on
    (−½, ½), V on [0, 1) and u_s = ½ − |U|, the candidate is k = ⌊(2a/u_s + b)U + λ + 0.43⌋;
    it is accepted at once in the squeeze (u_s ≥ 0.07, V ≤ v_r), else when
    log V + log(1/α) − log(a/u_s² + b) ≤ −λ + k log λ − log k!. The work per variate is
    O(1) whatever λ (≥ 88% of the candidates are accepted); every round is capped."""
    slam, loglam = np.sqrt(lam), np.log(lam)
    b = 0.931 + 2.53 * slam
    a = -0.059 + 0.02483 * b
    log_inv_alpha = np.log(1.1239 + 1.1328 / (b - 3.4))
    vr = 0.9277 - 3.6224 / (b - 2.0)
    k = np.full(lam.shape, np.nan)
    todo = np.ones(lam.shape, dtype=bool)
    for _ in range(MAX_ROUNDS):
        if not todo.any():
            break
        n = int(todo.sum())
        U = rng.random(n) - 0.5
        V = rng.random(n)
        us = 0.5 - np.abs(U)
        at = (a[todo], b[todo], lam[todo], loglam[todo])
        with np.errstate(all="ignore"):
            kk = np.floor((2.0 * at[0] / us + at[1]) * U + at[2] + 0.43)
            squeeze = (us >= 0.07) & (V <= vr[todo])
            test = ((kk >= 0) & ~((us < 0.013) & (V > us))
                    & (np.log(V) + log_inv_alpha[todo] - np.log(at[0] / (us * us) + at[1])
                       <= -at[2] + kk * at[3] - log_factorial(np.maximum(kk, 0.0))))
        ok = squeeze | test
        idx = np.flatnonzero(todo)[ok]
        k.flat[idx] = kk[ok]
        todo.flat[idx] = False
    return k
