"""Hypothesis strategies of valid inputs, built by construction rather than filtered.

A matrix with a chosen condition number is ``U diag(s) Vᵀ`` with U, V orthogonal and the
singular values s spread between 1 and the condition number; an SPD matrix is
``Q diag(λ) Qᵀ`` with λ > 0; a symmetric matrix with well separated eigenvalues is
``Q diag(λ) Qᵀ`` with a minimum gap between the λ. The orthogonal factors come from
the QR factorisation of a drawn matrix, which is orthogonal for *any* draw (even all
zeros, where it is the identity), so shrinking a failing example stays valid.
"""
from __future__ import annotations

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

__all__ = ["orthogonal", "conditioned", "integer_nonsingular", "spd", "symmetric_separated",
           "general_separated", "vectors", "reals"]

_UNIT = st.floats(-1.0, 1.0, allow_nan=False, width=64)


def reals(lo: float = -10.0, hi: float = 10.0) -> st.SearchStrategy[float]:
    """Finite floats in [lo, hi], without subnormals: below 2.2e-308 a float keeps only an
    absolute precision of 4.9e-324, which a solve turns into arbitrary relative error —
    a property of the format, outside what the tolerance table compares."""
    return st.floats(lo, hi, allow_nan=False, allow_infinity=False, allow_subnormal=False,
                     width=64)


def vectors(n: int, lo: float = -10.0, hi: float = 10.0) -> st.SearchStrategy[np.ndarray]:
    return arrays(np.float64, (n,), elements=reals(lo, hi))


@st.composite
def orthogonal(draw, n: int) -> np.ndarray:
    """An n×n orthogonal matrix: Q of the QR factorisation of a drawn matrix, signs fixed."""
    G = draw(arrays(np.float64, (n, n), elements=_UNIT))
    Q, R = np.linalg.qr(G)
    d = np.sign(np.diag(R))
    return Q * np.where(d == 0, 1.0, d)


@st.composite
def _spread(draw, k: int, cond: float) -> np.ndarray:
    """k values in [1, cond] (log-uniform), descending, the largest exactly 1·scale."""
    t = draw(arrays(np.float64, (k,), elements=st.floats(0.0, 1.0, width=64)))
    return np.sort(cond ** -t)[::-1]


@st.composite
def conditioned(draw, m: int, n: int | None = None, cond: float = 1e3,
                scale_exp: tuple[int, int] = (-2, 2), distinct: bool = False) -> np.ndarray:
    """An m×n matrix U diag(s) Vᵀ with singular values in [σ/cond, σ], σ = 10^k.

    With ``distinct=True`` consecutive singular values differ by a relative gap of a few
    percent, so the singular vectors are determined up to sign (what an SVD comparison
    needs); otherwise they may coincide (an orthogonal matrix when all are equal)."""
    n = m if n is None else n
    k = min(m, n)
    U = draw(orthogonal(m))[:, :k]
    V = draw(orthogonal(n))[:, :k]
    if distinct:  # log-spaced with gaps: s = cond^(-t), t ∈ [0, 1] separated
        s = cond ** (-(draw(_separated(k))[::-1] + 1.0) / 2.0)
    else:
        s = draw(_spread(k, cond))
    s = s * 10.0 ** draw(st.integers(*scale_exp))
    return (U * s) @ V.T


@st.composite
def integer_nonsingular(draw, n: int, entries: int = 3) -> np.ndarray:
    """A nonsingular integer matrix P L U: integer unit-lower L, integer upper U with a
    nonzero diagonal, and a row permutation P, so row exchanges are sometimes needed."""
    ints = st.integers(-entries, entries)
    L = np.tril(draw(arrays(np.int64, (n, n), elements=ints)), -1) + np.eye(n, dtype=np.int64)
    U = np.triu(draw(arrays(np.int64, (n, n), elements=ints)), 1)
    diag = draw(arrays(np.int64, (n,), elements=st.integers(1, entries)))
    signs = draw(arrays(np.int64, (n,), elements=st.sampled_from([1, -1])))
    U = U + np.diag(diag * signs)
    perm = draw(st.permutations(range(n)))
    return (L @ U)[list(perm)]


@st.composite
def spd(draw, n: int, cond: float = 1e3) -> np.ndarray:
    """A symmetric positive definite matrix Q diag(λ) Qᵀ with λ in [1/cond, 1]·10^k."""
    Q = draw(orthogonal(n))
    lam = draw(_spread(n, cond)) * 10.0 ** draw(st.integers(-2, 2))
    A = (Q * lam) @ Q.T
    return (A + A.T) / 2


@st.composite
def _separated(draw, n: int, gap: float = 0.05) -> np.ndarray:
    """n values in [-1, 1] whose consecutive gaps are at least gap·2/n, ascending."""
    if n == 0:
        return np.zeros(0)
    steps = draw(arrays(np.float64, (n,), elements=st.floats(0.0, 1.0, width=64)))
    lam = np.cumsum(steps + gap * 2.0)
    lam = (lam - lam[0]) / max(lam[-1] - lam[0], 1.0) * 2.0 - 1.0 if n > 1 else lam * 0
    return lam


@st.composite
def symmetric_separated(draw, n: int) -> np.ndarray:
    """A symmetric matrix Q diag(λ) Qᵀ whose eigenvalues are separated (relative gap ≥ 5%
    of 2/n), so its eigenvectors are well determined."""
    Q = draw(orthogonal(n))
    lam = draw(_separated(n)) * 10.0 ** draw(st.integers(-2, 2))
    A = (Q * lam) @ Q.T
    return (A + A.T) / 2


@st.composite
def general_separated(draw, n: int) -> np.ndarray:
    """A nonsymmetric real matrix X B X⁻¹, B block-diagonal with separated real eigenvalues
    and 2×2 rotation-scaling blocks [[a, b], [−b, a]] (the complex pairs a ± ib), X with
    condition number ≤ 10."""
    lam = draw(_separated(n))
    n_pairs = draw(st.integers(0, n // 2))
    B = np.diag(lam)
    for p in range(n_pairs):  # blocks on the first 2·n_pairs indices
        i = 2 * p
        a = (lam[i] + lam[i + 1]) / 2
        b = 0.5 + abs(lam[i + 1] - lam[i])
        B[i:i + 2, i:i + 2] = [[a, b], [-b, a]]
    X = draw(conditioned(n, cond=10.0, scale_exp=(0, 0)))
    return X @ B @ np.linalg.inv(X)
