"""Catalog entries for optimisation (docs/concepts.md §2–3): `mathml.optimize` vs
``scipy.optimize``. So far the scalar root finders: `newton`, `bisect`, `brentq`.

The functions are `SymFunction`s with a known root, so each backend is also checked
against the true root as an invariant: a bracketing method's answer is within
``xtol + rtol·|x|`` of it (its guarantee), `newton`'s within ``2·(tol + rtol·|x|)`` (the
last step is below tol, and at a double root the error is at most φ ≈ 1.62 times the
last step). Derivatives for ``fprime`` and ``fprime2`` are SymPy's.
"""
from __future__ import annotations


import numpy as np
from hypothesis import strategies as st

from .._core import Bench, Concept, bad, case
from ..differentiate import SymFunction, sym

SEED = "000"

# The seed's `opt.newton(lambda x: x**2 + 2*x + 1, 0)`: a double root at −1.
SEED_F = sym("x**2 + 2*x + 1", root=-1.0)
#: What SciPy returns for the seed (and mathml, step for step): the secant method from 0
#: (and 1e-4) converges linearly (ratio 1/φ ≈ 0.618) at the double root and stops after 37
#: steps, when the step (1.0e-8) is below tol = 1.48e-8, 1.47e-8 short of the root. By
#: then f is at the rounding level of x² + 2x + 1 (2.2e-16 = eps): any x within √eps of −1
#: is a root to working precision.
SEED_ROOT = -0.9999999852953906

_XTOL, _RTOL, _TOL = 2e-12, 4 * float(np.finfo(float).eps), 1.48e-8


def _with_derivatives(f: SymFunction) -> tuple[SymFunction, SymFunction, SymFunction]:
    fprime = f.diff()
    return f, fprime, fprime.diff()


# --- function families with one, known root ------------------------------------------------------

_ROUND = 3


def _coef(lo: float, hi: float):
    return st.floats(lo, hi, allow_nan=False).map(lambda v: round(v, _ROUND))


# Monotone through the root (or, for the last, positive away from it): the only sign change
# of any bracket around r is at r.
_BRACKETED = ("s*(exp(k*(x - r)) - 1)", "s*tanh(k*(x - r))", "s*((x - r)**3 + k*(x - r))",
              "s*atan(k*(x - r))", "s*k*(x - r)*(1 + x**2)")
# Newton converges from near the root (convex on each side of it, or x³-like); the last
# has a double root, where convergence is linear.
_NEWTON = ("s*(exp(k*(x - r)) - 1)", "s*((x - r)**3 + k*(x - r))", "s*k*(x - r)**2")


@st.composite
def _rooted(draw, templates) -> SymFunction:
    r = draw(_coef(-10.0, 10.0))
    values = dict(r=r, k=draw(_coef(0.2, 5.0)), s=draw(st.sampled_from([1.0, -1.0])))
    return sym(draw(st.sampled_from(templates)), values=values, root=r)


def _bracket_cases():
    @st.composite
    def build(draw):
        f = draw(_rooted(_BRACKETED))
        a, b = f.root - draw(_coef(0.01, 5.0)), f.root + draw(_coef(0.01, 5.0))
        if draw(st.booleans()):
            a, b = b, a
        options = draw(st.sampled_from([{}, {}, {"xtol": 1e-14}, {"full_output": True}]))
        return case(f, a, b, **options)
    return build()


def _newton_cases():
    @st.composite
    def build(draw):
        f, fprime, fprime2 = _with_derivatives(draw(_rooted(_NEWTON)))
        # within 0.2 of the root: k·|x0 − r| ≤ 1 for every k ≤ 5 of the families, where
        # the secant method converges too (from the flat side of exp, further out, its
        # first step overshoots and it may need more than maxiter steps, in both backends)
        x0 = round(f.root + draw(_coef(-0.2, 0.2)), _ROUND)
        method = draw(st.sampled_from(["secant", "newton", "halley", "x1"]))
        options = {"secant": {}, "newton": {"fprime": fprime},
                   "halley": {"fprime": fprime, "fprime2": fprime2},
                   "x1": {"x1": round(x0 + 0.25, _ROUND)}}[method]
        options.update(draw(st.sampled_from([{}, {}, {"full_output": True},
                                             {"tol": 1e-12, "maxiter": 200}])))
        return case(f, x0, **options)
    return build()


# --- invariants: the distance to the true root -------------------------------------------------------

def _without_counts(func, c):
    """brentq's iterates may differ from SciPy's variant: compare the root and the verdict,
    not the counts."""
    result = c.call(func)
    if isinstance(result, tuple):
        x, r = result
        return x, {k: r[k] for k in ("converged", "flag", "method")}
    return result


# --- benchmarks ----------------------------------------------------------------------------------------

CUBE = sym("x**3 - a", arguments="a")


def _bench_newton(n, rng):
    a = rng.uniform(1.0, 100.0, n)
    return case(CUBE, np.cbrt(a) * rng.uniform(0.8, 1.25, n), fprime=CUBE.diff(), args=(a,))


def _bench_bracket(n, rng):
    r = float(np.round(rng.uniform(-1, 1), 3))
    return case(sym("exp(x - r) - 1 + (x - r)**3", values=dict(r=r)), r - 2.0, r + 3.0)


# --- the concepts ------------------------------------------------------------------------------------

CONSTANT = sym("1 + 0*x")
NAN = sym("sqrt(x - 2)")           # NaN on the whole bracket [0, 1] and around x0 = 1
NO_ROOT = sym("x**2 + 1")
LINEAR = sym("x - 0.3", root=0.3)
TRIPLE = sym("(x - 0.5)**3", root=0.5)

_SEED_F, _SEED_FP, _SEED_FPP = _with_derivatives(SEED_F)
_CUBIC, _CUBIC_P, _CUBIC_PP = _with_derivatives(sym("x**3 - 1", root=1.0))


def _bracket_bad():
    return (bad(NO_ROOT, -1.0, 2.0, raises=ValueError, match="different signs",
                label="no sign change"),
            bad(NAN, 0.0, 1.0, raises=ValueError, match="NaN", label="f returns NaN"),
            bad(LINEAR, 0.0, 1.0, maxiter=1, raises=RuntimeError, match="converge",
                label="maxiter too small"),
            bad(LINEAR, 0.0, 1.0, xtol=0.0, raises=ValueError, match="xtol", label="xtol 0"),
            bad(LINEAR, 0.0, 1.0, rtol=1e-16, raises=ValueError, match="rtol",
                label="rtol below 4·eps"),
            bad(LINEAR, 0.0, 1.0, maxiter=-1, raises=ValueError, match="maxiter",
                label="negative maxiter"),
            bad(LINEAR, None, 1.0, raises=TypeError, match="a must be a real number",
                label="a None (SciPy: RuntimeError 'Unable to parse arguments')"),
            bad(LINEAR, 0.0, 1.0 + 1.0j, raises=TypeError, match="b must be a real number",
                label="b complex"),
            bad(LINEAR, np.array([0.0, 0.5]), 1.0, raises=ValueError,
                match="a must be a real number", label="a an array"))


CONCEPTS = (
    Concept(
        "optimize.newton", "scipy.optimize.newton", "exact", "root_newton",
        cases=(case(SEED_F, 0, seed=SEED, expected=SEED_ROOT,
                    label="seed: x²+2x+1 from 0 (secant; double root −1)"),
               case(_SEED_F, 0.0, fprime=_SEED_FP, label="the seed with f': Newton, ratio 1/2"),
               case(_SEED_F, 0.0, fprime=_SEED_FP, fprime2=_SEED_FPP, full_output=True,
                    label="the seed with f' and f'': Halley, ratio 1/3"),
               case(_CUBIC, 1.5, fprime=_CUBIC_P, full_output=True, label="x³−1, Newton"),
               case(_CUBIC, 1.5, fprime=_CUBIC_P, fprime2=_CUBIC_PP, label="x³−1, Halley"),
               case(_CUBIC, 1.5, x1=2.0, label="x³−1, secant from 1.5 and 2"),
               case(NO_ROOT, 1.0, disp=False, full_output=True,
                    label="no root, disp=False: converged False"),
               case(_CUBIC, np.array([1.5, 0.5, 3.0]), fprime=_CUBIC_P, full_output=True,
                    label="array x0, Newton"),
               case(_CUBIC, np.array([1.5, 0.7, 2.0]), label="array x0, secant")),
        strategy=_newton_cases,
        bad=(bad(NO_ROOT, 0.0, fprime=NO_ROOT.diff(), raises=RuntimeError,
                 match="Derivative was zero", label="zero derivative"),
             bad(NO_ROOT, 1.0, raises=RuntimeError, match="Failed to converge",
                 label="no convergence (no real root)"),
             bad(CONSTANT, 1.0, raises=RuntimeError, match="Tolerance of",
                 label="secant on a constant: equal function values"),
             bad(NAN, 1.0, raises=RuntimeError, match="Failed to converge",
                 label="f returns NaN"),
             bad(NO_ROOT, 0.0, fprime=NO_ROOT.diff(), disp=False, warns=RuntimeWarning,
                 match="Derivative was zero", label="zero derivative, disp=False: warns"),
             bad(NO_ROOT, np.array([1.0, 2.0]), raises=RuntimeError, match="failed to converge",
                 label="array x0, none converges"),
             bad(LINEAR, 0.0, tol=0.0, raises=ValueError, match="tol", label="tol 0"),
             bad(LINEAR, 0.0, maxiter=0, raises=ValueError, match="maxiter", label="maxiter 0"),
             bad(LINEAR, 0.0, x1=0.0, raises=ValueError, match="different",
                 label="x1 equal to x0")),
        bench=Bench(1000, _bench_newton),
        seeds=(SEED,), properties="newton_root",
        note="The seed's x²+2x+1 has a double root at −1, where convergence is linear, not "
             "quadratic: the secant method shrinks the error by 1/φ ≈ 0.618 per step "
             "(Newton by 1/2, Halley by 1/3), so SciPy and mathml alike take 37 steps and "
             "stop 1.5e-8 short of −1, at −0.9999999852953906. No method can do much "
             "better there: within √eps ≈ 1.5e-8 of −1, x²+2x+1 is below the rounding "
             "error of evaluating it. Same iteration as SciPy, step for step."),
    Concept(
        "optimize.bisect", "scipy.optimize.bisect", "exact", "root_bracket",
        cases=(case(sym("x**2 - 1", root=1.0), 0, 2, label="x²−1 on [0, 2]: hits 1 exactly"),
               case(sym("x**2 - 2", root=float(np.sqrt(2))), 0, 2, full_output=True,
                    label="√2"),
               case(sym("cos(x) - x", root=0.7390851332151607), 1, 0, label="reversed bracket"),
               case(sym("x - a", arguments="a", root=0.25), 0.0, 1.0, args=0.25,
                    label="a non-tuple args"),
               case(LINEAR, 0.0, 1.0, maxiter=5, disp=False, full_output=True,
                    label="maxiter reached, disp=False")),
        strategy=_bracket_cases, bad=_bracket_bad(),
        bench=Bench(1, _bench_bracket),
        properties="bracketed_root",
        note="The same halvings as SciPy: the same root to the last bit."),
    Concept(
        "optimize.brentq", "scipy.optimize.brentq", "exact", "root_bracket",
        cases=(case(sym("x**2 - 1", root=1.0), 0, 2, label="x²−1 on [0, 2]"),
               case(sym("cos(x) - x", root=0.7390851332151607), 0, 1, full_output=True,
                    label="cos x = x"),
               case(sym("exp(x) - 2", root=float(np.log(2))), 3, -1, label="reversed bracket"),
               case(TRIPLE, 0, 1.3, maxiter=200, full_output=True,
                    label="triple root: interpolation crawls, 118 steps"),
               case(LINEAR, 0.0, 1.0, maxiter=1, disp=False, full_output=True,
                    label="maxiter reached, disp=False")),
        strategy=_bracket_cases,
        bad=_bracket_bad() + (bad(TRIPLE, 0, 1.3, raises=RuntimeError, match="100 iterations",
                                  label="triple root in the default 100 iterations"),),
        bench=Bench(1, _bench_bracket), run=_without_counts,
        properties="bracketed_root",
        note="Brent's procedure zero (1973); SciPy runs C. Harris's variant of it. Both "
             "keep a bracket and stop within xtol + rtol·|x| of the root, so they agree "
             "within twice that; iteration counts may differ and are not compared."),
)
