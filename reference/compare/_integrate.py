"""Strategies and defining properties of integration (quadrature, weighted sums, Monte Carlo).

The integrands of the catalog's cases carry their exact integral (``f.exact(a, b)``,
computed by SymPy): `quad` and `monte_carlo` use it as a third opinion.
"""
from __future__ import annotations

import functools
import math

import numpy as np
import scipy.special
import scipy.stats

from ..integrate import N_ESTIMATES
from ._agree import Agreement, agree
from ._strategy import properties, strategy
from ._tolerances import EPS, Tolerance

#: SciPy's (and mathml's) default epsabs = epsrel of quad.
QUAD_EPS = 1.49e-8
#: The probability that a statistical check fails a correct estimator. docs/contract.md §2's
#: "within 4 standard errors" means 6.3e-5, harmless at a fixed seed but, over the generated
#: cases of the `deep` profile (thousands of seeds), a failure every few runs of a correct
#: implementation; 1e-6 (about 4.9 standard errors) keeps that below one in a thousand runs.
FALSE_ALARM = 1e-6


def _exact(c) -> float | None:
    """SymPy's exact integral of the case's integrand over its limits, where it has one."""
    f = c.args[0]
    exact = getattr(f, "exact", None)
    return exact(c.args[1], c.args[2]) if callable(exact) else None


@strategy("weighted_sum", "exact")
def _weighted_sum(got, expected, c, tol, concept) -> Agreement:
    """trapezoid, simpson: both are sums Σ w_i y_i, so they agree to rtol·Σ|w_i y_i| (the
    condition of a sum), not to rtol·|Σ w_i y_i|, which cancellation can make tiny; plus
    rtol·‖w‖₁·max|y_i| for the rounding of the weights themselves, which is relative to the
    size of the spacings they are formed from (‖w‖₁ ~ |b − a|), not to each weight: a
    weight that cancels to 0 (uneven spacing in Simpson's rule) is ~eps·‖w‖₁, not 0, and
    SciPy's formula and ours leave different such noise. The weights w_i are the reference
    rule applied to unit samples e_i."""
    rule = concept.reference
    y = np.asarray(c.args[0], dtype=float)
    axis = c.kwargs.get("axis", -1)
    scale = np.zeros(np.shape(expected))
    weights = np.zeros(np.shape(expected))
    for i in range(y.shape[axis]):
        unit = np.zeros(y.shape)
        np.moveaxis(unit, axis, -1)[..., i] = 1.0
        w_i = np.abs(rule(unit, *c.args[1:], **c.kwargs))
        term = w_i * np.abs(np.take(y, i, axis=axis))
        scale = scale + np.where(np.isfinite(term), term, 0.0)  # NaN samples: NaN sums
        weights = weights + np.where(np.isfinite(w_i), w_i, 0.0)
    finite_y = np.where(np.isfinite(y), np.abs(y), 0.0)
    largest_y = np.max(finite_y, axis=axis, initial=0.0)
    atol = tol.rtol * float(np.max(scale + weights * largest_y, initial=0.0))
    return agree(got, expected, Tolerance(tol.rtol, atol, tol.reason))


@strategy("fixed_quad", "exact")
def _fixed_quad(got, expected, c, tol, concept) -> Agreement:
    """Both sums (b − a)/2 Σ w_i f(x_i) with weights SciPy computes to ~n²·eps: agreement
    to rtol(n)·(|b − a|/2)·Σ w_i |f(x_i)|, rtol(n) = max(1e-12, 10·n²·eps)."""
    func, a, b = c.args[:3]
    n = c.kwargs.get("n", c.args[4] if len(c.args) > 4 else 5)
    args = c.kwargs.get("args", c.args[3] if len(c.args) > 3 else ())
    x, w = scipy.special.roots_legendre(n)
    with np.errstate(all="ignore"):
        fx = np.asarray(func((b - a) * (x + 1) / 2.0 + a, *args), dtype=float)
    terms = w * np.abs(fx)
    width = abs(b - a) / 2.0 if np.isfinite(b - a) else 0.0  # a NaN limit: NaN both
    scale = width * float(np.max(np.sum(np.where(np.isfinite(terms), terms, 0.0),
                                        axis=-1), initial=0.0))
    rtol = max(tol.rtol, 10 * n**2 * EPS)
    return agree(got, expected, Tolerance(rtol, rtol * scale, tol.reason))


def _quad_tolerances(c) -> tuple[float, float]:
    return c.kwargs.get("epsabs", QUAD_EPS), c.kwargs.get("epsrel", QUAD_EPS)


@strategy("quad", "exact")
def _quad(got, expected, c, tol, concept) -> Agreement:
    """Each backend's value lies within max(epsabs, epsrel·|I|) of the integral I when it
    reports success, so the two lie within twice that of each other ('quadrature'); each
    is also compared with SymPy's exact integral within its own requested tolerance."""
    epsabs, epsrel = _quad_tolerances(c)
    if not (isinstance(got, tuple) and len(got) == len(expected) == 2):
        return Agreement(False, math.inf, math.inf,
                         detail=f"expected a pair (y, abserr), got {type(got).__name__}")
    factor = tol.rtol / QUAD_EPS  # the entry is written for the default tolerances
    # The error estimates are only compared with the requested tolerance (the invariant),
    # not with each other: they are estimates, from different subdivisions.
    verdict = agree(got[0], expected[0], Tolerance(factor * epsrel, factor * epsabs, tol.reason))
    exact = _exact(c)
    if exact is None or not verdict.ok:
        return verdict
    for backend, result in (("mathml", got), ("reference", expected)):
        own = agree(result[0], exact, Tolerance(epsrel, epsabs, "requested tolerance"))
        if not own.ok:
            own.detail = f"{backend} vs SymPy's exact integral {exact!r}: {own.detail}"
        verdict = verdict.worse(own)
    return verdict


@properties("quad")
def _quad_properties(c, result) -> dict:
    """A converged answer's error estimate meets the requested tolerance."""
    epsabs, epsrel = _quad_tolerances(c)
    y, abserr = result[:2]
    return {"abserr / max(epsabs, epsrel·|y|)": (abserr / max(epsabs, epsrel * abs(y)),
                                                 1.0 + 1e-12)}


@functools.cache
def _multiplier(df: int) -> float:
    """The t quantile with the false-alarm rate FALSE_ALARM (4.89 for large df): a standard
    error estimated from df + 1 values is itself uncertain."""
    return float(scipy.stats.t.isf(FALSE_ALARM / 2, df))


@strategy("monte_carlo", "stat")
def _monte_carlo(got, expected, c, tol, concept) -> Agreement:
    """Statistical: each backend's estimate within ~4.9 of its standard errors (t-adjusted for
    the degrees of freedom of that error) of SymPy's exact integral, and the two within the
    sum of those bounds of each other; deterministic, because both are seeded."""
    n = c.kwargs.get("n", 10_000)
    bounds = {"mathml": (got, _multiplier(n - 1)),
              "reference": (expected, _multiplier(N_ESTIMATES - 1))}
    if not all(isinstance(r, tuple) and len(r) == 2 for r, _ in bounds.values()):
        return Agreement(False, math.inf, math.inf, detail="expected (integral, standard_error)")
    exact = _exact(c)
    floor = tol.rtol * max(abs(expected[0]), abs(got[0]), 1e-300)
    problems = []
    for backend, ((estimate, se), k) in bounds.items():
        if exact is not None and not abs(estimate - exact) <= k * se + floor:
            problems.append(f"{backend}'s estimate {estimate!r} is {abs(estimate - exact):.3g} "
                            f"from SymPy's exact {exact!r}, more than {k:.2f} standard "
                            f"errors ({se:.3g})")
    gap = abs(got[0] - expected[0])
    allowed = bounds["mathml"][1] * got[1] + bounds["reference"][1] * expected[1] + floor
    if not gap <= allowed:
        problems.append(f"the estimates {got[0]!r} and {expected[0]!r} differ by {gap:.3g} "
                        f"> {allowed:.3g}")
    rel = gap / abs(expected[0]) if expected[0] else (0.0 if gap == 0 else math.inf)
    return Agreement(not problems, gap, rel, 0.0, allowed, "; ".join(problems))


