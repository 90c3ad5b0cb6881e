"""Strategies of the distributions: quantiles, densities of the multivariate normal, and
the statistical comparison of random samples.

A distribution concept's cases name the method they exercise
(``case(method, params, *arguments)``), and the catalog gives each case the strategy and
tolerance of its method; the strategies here use the concept's reference distribution
(``concept.reference(**params)``) for what a bound needs (a density, a cdf), never to
recompute the answer.
"""
from __future__ import annotations

import math

import numpy as np
import scipy.stats

from ._agree import Agreement, agree
from ._strategy import strategy
from ._tolerances import EPS, Tolerance



@strategy("binomial_variance", "exact")
def _binomial_variance(got, expected, c, tol, concept) -> Agreement:
    """SciPy computes the binomial variance as n·p − n·p² (the Bernoulli one with n = 1),
    which cancels as p → 1: each term carries a rounding error of up to eps·n·p, so the
    difference is off by up to ~2·eps·n·p absolutely, a relative error ~eps/(1 − p). mathml
    computes n·p·(1 − p), where 1 − p is exact (Sterbenz), to a few ulps. The variance is
    compared with that absolute error of the reference on top of the tolerance, the
    standard deviation with its image Δσ = Δvar/(2σ)."""
    params = c.args[1]
    slack = 4 * EPS * params.get("n", 1) * params["p"]  # twice the bound, for the last ulps
    if c.args[0] == "std":  # |√a − √b| ≤ √|a − b|: the bound when SciPy's var rounds to 0
        slack = slack / (2 * expected) if expected > 0 else math.sqrt(slack)
    return agree(got, expected, Tolerance(tol.rtol, max(tol.atol, slack), tol.reason))


#: log of the smallest normal number: a probability below it keeps no relative precision
LOG_TINY = math.log(np.finfo(np.float64).tiny)


def _exact_log_cdf(concept, params: dict, x: float) -> float:
    """log F(x) of a discrete distribution in 40-digit arithmetic (mpmath): the arbiter where
    the two backends disagree deep in a tail."""
    import mpmath

    with mpmath.workdps(40):
        k = math.floor(x) - params.get("loc", 0)
        if concept.name == "stats.binom":
            n, p = params["n"], mpmath.mpf(params["p"])
            F = (mpmath.mpf(0) if k < 0 else mpmath.mpf(1) if k >= n
                 else mpmath.betainc(n - k, k + 1, 0, 1 - p, regularized=True))
        else:  # stats.poisson
            F = (mpmath.mpf(0) if k < 0
                 else mpmath.gammainc(k + 1, params["mu"], mpmath.inf, regularized=True))
        return float(mpmath.log(F)) if F > 0 else -math.inf


@strategy("log_tail_probability", "exact")
def _log_tail_probability(got, expected, c, tol, concept) -> Agreement:
    """A discrete distribution's logcdf is log F(k), F computed by an incomplete beta or
    gamma function (binomial, Poisson). Deep in the lower tail SciPy's (Boost's) functions
    lose relative accuracy: measured against 40-digit mpmath, binom(110, 0.9992).cdf(8) ≈
    1e-304 is off by 1.5e-5 relatively, and errors of 0.17 in the logarithm occur near
    1e-290, while mathml stays within 4e-13. So an entry that differs is judged by the exact
    value: it agrees if mathml's is within the tolerance of log F computed by mpmath.
    Below the smallest normal number 2.2e-308 neither keeps relative precision (a
    subnormal has fewer bits; Boost flushes some to 0, mathml keeps them): logarithms at or
    below log(2.2e-308) ≈ −708.4 in both backends, −inf included, count as equal."""
    got, expected = np.asarray(got, dtype=float), np.asarray(expected, dtype=float)
    both_tiny = (got <= LOG_TINY) & (expected <= LOG_TINY)
    got, expected = np.where(both_tiny, -np.inf, got), np.where(both_tiny, -np.inf, expected)
    verdict = agree(got, expected, tol)
    if verdict.ok or got.shape != expected.shape:
        return verdict
    rtol, atol = tol.effective()
    x = np.broadcast_to(np.asarray(c.args[2], dtype=float), got.shape)
    arbitrated = expected.copy()
    with np.errstate(invalid="ignore"):  # −inf − (−inf)
        close = (got == expected) | (np.isfinite(expected)
                                     & (np.abs(got - expected) <= atol + rtol * np.abs(expected)))
    for i in zip(*np.nonzero(~close)):
        exact = _exact_log_cdf(concept, c.args[1], float(x[i]))
        if np.isfinite(got[i]) and abs(got[i] - exact) <= atol + rtol * abs(exact):
            arbitrated[i] = got[i]  # mathml is right where the reference is not
    return agree(got, arbitrated, tol)


@strategy("tail_probability", "exact")
def _tail_probability(got, expected, c, tol, concept) -> Agreement:
    """A discrete distribution's cdf, judged as 'log_tail_probability' judges its logcdf:
    an entry that differs agrees if mathml's is within the tolerance of F computed by
    40-digit mpmath (binom(189, 0.984375).cdf(16) ≈ 1.7e-290: SciPy is off by 4e-10
    relatively, mathml by 8e-14)."""
    got, expected = np.asarray(got, dtype=float), np.asarray(expected, dtype=float)
    verdict = agree(got, expected, tol)
    if verdict.ok or got.shape != expected.shape or c.args[0].split(".")[-1] != "cdf":
        return verdict
    rtol, atol = tol.effective()
    x = np.broadcast_to(np.asarray(c.args[2], dtype=float), got.shape)
    arbitrated = expected.copy()
    with np.errstate(invalid="ignore"):
        close = (got == expected) | (np.abs(got - expected) <= atol + rtol * np.abs(expected))
    for i in zip(*np.nonzero(~close)):
        exact = math.exp(_exact_log_cdf(concept, c.args[1], float(x[i])))
        if abs(got[i] - exact) <= atol + rtol * abs(exact):
            arbitrated[i] = got[i]  # mathml is right where the reference is not
    return agree(got, arbitrated, tol)


@strategy("quantile", "exact")
def _quantile(got, expected, c, tol, concept) -> Agreement:
    """'quantile': a quantile inherits the error of the tail probability t = min(q, 1 − q)
    it inverts, amplified by the slope: |Δx| ≈ δ·t/f(x) for a relative error δ of t
    (continuous), so x is compared with atol = rtol·t/f(x) on top of rtol·|x|. A discrete
    quantile jumps where q equals F(k) (S(k) for isf): when q lies within rtol·q of that
    value, k and the neighbour are both correct, given the rounding of F. Where continuous
    quantiles still differ, mathml's is judged by its backward error: it is right if the
    reference's F at it equals q to rtol·t (plus F's rounding), as SciPy's inverse can be
    less accurate than its F."""
    method, params = c.args[0].split(".")[-1], c.args[1]
    ref = concept.reference(**params)
    entry = tol
    q = np.asarray(c.args[2], dtype=float)
    x = np.asarray(expected, dtype=float)
    if hasattr(ref, "pmf"):  # discrete
        g = np.asarray(got, dtype=float)
        k = np.fmin(g, x)
        inverted = {"ppf": ref.cdf, "isf": ref.sf}[method]  # the function the quantile inverts
        with np.errstate(all="ignore"):  # inf − inf where both quantiles are infinite
            step = inverted(k)
            tie = (np.abs(g - x) == 1) & (np.abs(step - q) <= entry.rtol * q)
        return agree(np.where(tie, x, g), x, "identical")
    t = np.minimum(q, 1.0 - q)
    with np.errstate(all="ignore"):
        slope_atol = entry.rtol * t / ref.pdf(x)
    atol = np.where(np.isfinite(slope_atol), slope_atol, 0.0)
    forward = Tolerance(entry.rtol, float(np.max(atol, initial=0.0)), entry.reason)
    verdict = agree(got, expected, forward)
    g = np.asarray(got, dtype=float)
    if verdict.ok or g.shape != x.shape:
        return verdict
    # Where they differ, a quantile is right if it solves its equation: the reference's own
    # F (or S) at mathml's answer equals q to the accuracy t is known to, plus F's rounding
    # (SciPy's Boost inverse loses digits where its F does not: beta(2.42, 2.42).ppf(0.5)
    # is 0.49999999976 in SciPy, 0.5 by symmetry, and F there is 0.5 to the last bit).
    inverted = {"ppf": ref.cdf, "isf": ref.sf}[method]
    with np.errstate(all="ignore"):
        solves = np.abs(inverted(g) - q) <= entry.rtol * t + 2 * EPS * q
        # or q lies between F at mathml's answer's two neighbouring doubles: the answer is
        # the double nearest the root (beta(0.25, 1.03).isf(1e-20) is 1.0 to double
        # precision, where SciPy returns nan)
        below, above = inverted(np.nextafter(g, -np.inf)), inverted(np.nextafter(g, np.inf))
        solves |= ((np.fmin(below, above) <= q * (1 + entry.rtol))
                   & (q * (1 - entry.rtol) <= np.fmax(below, above)))
    return agree(np.where(solves, x, g), x, forward)


def _gaussian_bound(c, tol) -> float:
    """log f = −½(d log 2π + log det Σ + Δ²) with Δ² = ‖L⁻¹(x − μ)‖²; a backward-stable
    Cholesky and triangular solve give |δ log f| ≤ c·d·κ(Σ)·eps·(1 + Δ²) (c = 10), an
    absolute error of log f and a relative error of f."""
    params = c.args[1]
    mean = np.atleast_1d(np.asarray(params.get("mean", 0.0), dtype=float))
    d = mean.size
    cov = np.asarray(params.get("cov", 1.0), dtype=float)
    cov = cov * np.eye(d) if cov.ndim == 0 else np.diag(cov) if cov.ndim == 1 else cov
    X = np.asarray(c.args[2], dtype=float).reshape(-1, d)
    L = np.linalg.cholesky(cov)
    maha = np.sum(np.linalg.solve(L, (X - mean).T) ** 2, axis=0).max()
    return max(tol.rtol, 10 * d * np.linalg.cond(cov) * EPS * (1.0 + maha))


@strategy("gaussian_density", "exact")
def _gaussian_density(got, expected, c, tol, concept) -> Agreement:
    """The multivariate normal's pdf, relatively within c·d·κ(Σ)·eps·(1 + Δ²) computed per
    case (see the 'gaussian_density' tolerance)."""
    return agree(got, expected, Tolerance(_gaussian_bound(c, tol), tol.atol, tol.reason))


@strategy("gaussian_log_density", "exact")
def _gaussian_log_density(got, expected, c, tol, concept) -> Agreement:
    """The multivariate normal's logpdf, absolutely within c·d·κ(Σ)·eps·(1 + Δ²) computed
    per case: the relative error of the pdf is the absolute error of its logarithm."""
    return agree(got, expected, Tolerance(tol.rtol, _gaussian_bound(c, tol), tol.reason))


def _sampling(got, expected, c, tol, p_value) -> Agreement:
    """Each backend's sample is tested against the reference distribution; the structure
    (shape, dtype kind) must be the same."""
    structure = agree(np.zeros(np.shape(got), dtype=np.asarray(got).dtype),
                              np.zeros(np.shape(expected), dtype=np.asarray(expected).dtype),
                              "identical")
    if not structure.ok:
        return structure
    params = c.args[1]
    problems, p_values = [], []
    false_alarm = tol.rtol
    for backend, sample in (("mathml", got), ("reference", expected)):
        p_min = p_value(params, np.asarray(sample, dtype=float))
        p_values.append(f"{backend} p = {p_min:.3g}")
        if not p_min > false_alarm:
            problems.append(f"{backend}'s sample fails the test against the reference "
                            f"with {params}: p = {p_min:.3g} ≤ {false_alarm:g}")
    if problems:
        return Agreement(False, math.inf, math.inf, rtol=false_alarm, detail="; ".join(problems))
    return Agreement(True, rtol=false_alarm, detail=", ".join(p_values))


@strategy("sampling", "stat")
def _sampling_univariate(got, expected, c, tol, concept) -> Agreement:
    """Random variates are never compared number by number (the backends use different
    algorithms): each sample is tested against the reference distribution —
    Kolmogorov–Smirnov (continuous) or Pearson's chi-square (discrete), and its mean within
    ~4.9 standard errors (a two-sided p-value) — and fails when the smallest p-value is ≤ the false-alarm rate
    (the 'sampling' tolerance's rtol). Several checks per sample are each compared with it:
    a Bonferroni-free but still ≤ 3× total false-alarm rate per sample. Seeded, so
    deterministic."""
    return _sampling(got, expected, c, tol,
                     lambda params, x: _p_value(concept.reference(**params), x))


@strategy("sampling_multivariate", "stat")
def _sampling_multivariate(got, expected, c, tol, concept) -> Agreement:
    """As 'sampling', for a multivariate normal: whitened by SciPy's Cholesky factor, a
    N(μ, Σ) sample is i.i.d. N(0, 1); each coordinate and their normalised sum is tested."""
    return _sampling(got, expected, c, tol, _p_multivariate)


def _p_value(ref, x) -> float:
    """The smallest p-value of the checks on one sample of the frozen distribution `ref`."""
    x = x.ravel()
    z = (np.mean(x) - ref.mean()) / (ref.std() / math.sqrt(x.size)) if ref.std() > 0 else 0.0
    p_mean = 2.0 * float(scipy.stats.norm.sf(abs(z))) if ref.std() > 0 else \
        (1.0 if np.all(x == ref.mean()) else 0.0)
    if hasattr(ref, "pmf"):  # discrete
        return min(p_mean, _p_chi_square(ref, x))
    return min(p_mean, float(scipy.stats.kstest(x, ref.cdf).pvalue))


def _p_chi_square(ref, k) -> float:
    """Pearson's chi-square over the support, tails merged so that every expected count
    is ≥ 5 (the condition for the chi-square approximation)."""
    lo, hi = ref.ppf(1e-9), ref.isf(1e-9)
    edges = np.arange(max(lo, ref.support()[0]), hi + 1)
    if edges.size <= 1:
        return 1.0 if np.all(k == edges[0]) else 0.0
    n = k.size
    probs = np.diff(np.concatenate([[0.0], ref.cdf(edges[:-1]), [1.0]]))
    counts = np.array([np.sum(k <= edges[0])] + [np.sum(k == e) for e in edges[1:-1]]
                      + [np.sum(k >= edges[-1])])
    merged_p, merged_c, acc_p, acc_c = [], [], 0.0, 0
    for p, cnt in zip(probs, counts):
        acc_p, acc_c = acc_p + p, acc_c + cnt
        if acc_p * n >= 5:
            merged_p.append(acc_p), merged_c.append(acc_c)
            acc_p, acc_c = 0.0, 0
    if merged_p:
        merged_p[-1] += acc_p
        merged_c[-1] += acc_c
    if len(merged_p) < 2:
        return 1.0
    expected = np.array(merged_p) * n
    return float(scipy.stats.chisquare(merged_c, expected * n / expected.sum()).pvalue)


def _p_multivariate(params, X) -> float:
    """Whitened by SciPy's Cholesky factor, a N(μ, Σ) sample is i.i.d. N(0, 1): KS per
    coordinate and for the normalised sum, each mean by its two-sided p-value."""
    mean = np.atleast_1d(np.asarray(params.get("mean", 0.0), dtype=float))
    cov = np.asarray(params.get("cov", 1.0), dtype=float)
    d = mean.size
    cov = cov * np.eye(d) if cov.ndim == 0 else np.diag(cov) if cov.ndim == 1 else cov
    L = np.linalg.cholesky(cov)
    Z = np.linalg.solve(L, (X.reshape(-1, d) - mean).T).T
    columns = [Z[:, i] for i in range(d)] + [Z.sum(axis=1) / math.sqrt(d)]
    return min(min(float(scipy.stats.kstest(z, "norm").pvalue),
                   2.0 * float(scipy.stats.norm.sf(abs(z.mean()) * math.sqrt(z.size))))
               for z in columns)


