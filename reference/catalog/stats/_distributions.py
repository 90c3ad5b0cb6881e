"""Catalog entries for distributions (docs/concepts.md §4): `mathml.stats` vs ``scipy.stats``.

One concept per public name (``stats.norm``, …). A case names the method it exercises:
``case(method, params, *arguments, **keywords)`` runs ``dist(**params).method(*arguments,
**keywords)`` on both backends; ``"fit"`` runs ``dist.fit(data)`` and ``"unfrozen.<m>"`` the
unfrozen form ``dist.<m>(x, **params)``. Every method of every distribution appears in the
example cases, and the generated cases draw a method and its arguments.

Comparisons (`_comparison`):
- pdf/pmf, cdf, sf, ppf, isf, mean, var, std, entropy and the closed-form fits: 'exact';
- logpdf, logpmf, logcdf, entropy: 'log_density' (a relative error of a density is an
  absolute error of its logarithm, which may be near 0; entropy is a mean of −log f);
- the multivariate normal's pdf/logpdf: 'gaussian_density' (grows with κ(Σ) and the
  Mahalanobis distance of the points);
- the Newton fits of gamma and beta against SciPy's solvers: 'mle_newton';
- ppf, isf: 'quantile' (the error of the inverted probability, amplified by 1/f(x); a
  discrete quantile may differ by one where q lies on a step of the cdf);
- rvs: statistically ('sampling'): the mathml sample and the SciPy sample are each tested
  against SciPy's cdf (Kolmogorov–Smirnov for continuous, chi-square for discrete
  distributions, per coordinate after whitening for the multivariate normal) and their
  means against the exact mean, each check with a false-alarm probability of 1e-6.

How the seed appears (000: ``np.random.normal(0, 1, 1000)`` and
``np.random.binomial(1, 0.7, 1000)``): `norm`'s first case draws 1000 standard normal
variates, `bernoulli`'s and `binom`'s (n = 1) 1000 variates with p = 0.7 — random output,
so nothing is printed to reproduce: they are compared statistically.
"""
from __future__ import annotations

from dataclasses import replace

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from .._core import Bench, Case, Concept, bad, case

SEED = "000"
N_STAT = 10_000


#: How each method's answers are compared: (strategy, tolerance). A case is given its
#: method's pair when it is built (`_by_method`); a distribution's exceptions follow.
BY_METHOD = {
    **dict.fromkeys(("pdf", "pmf", "cdf", "sf", "mean", "var", "std", "fit"), ("exact", "exact")),
    **dict.fromkeys(("logpdf", "logpmf", "logcdf", "entropy"), ("exact", "log_density")),
    **dict.fromkeys(("ppf", "isf"), ("quantile", "quantile")),
    "rvs": ("sampling", "sampling"),
}
#: gamma and beta fit by Newton's method, SciPy by its root finders
NEWTON_FIT = {"fit": ("exact", "mle_newton")}
#: log F(k) of a discrete distribution: subnormal probabilities carry no relative precision
LOG_TAIL = {"logcdf": ("log_tail_probability", "log_density"),
            "cdf": ("tail_probability", "exact")}
#: SciPy's binomial variance n·p − n·p² cancels as p → 1 (mathml: n·p·(1 − p))
BINOMIAL_VARIANCE = {**LOG_TAIL, "var": ("binomial_variance", "exact"),
                     "std": ("binomial_variance", "exact")}
MULTIVARIATE = {"pdf": ("gaussian_density", "gaussian_density"),
                "logpdf": ("gaussian_log_density", "gaussian_density"),
                "cdf": ("exact", "genz"), "logcdf": ("exact", "genz_log"),
                "rvs": ("sampling_multivariate", "sampling")}


def _by_method(cases, exceptions=None):
    """Each case compared as its method says (`BY_METHOD`, then `exceptions`), its label
    opening with the method so that ``pytest -k "stats.norm and ppf"`` selects it."""
    table = {**BY_METHOD, **(exceptions or {})}

    def one(c: Case) -> Case:
        method = c.args[0]
        label = c.label if c.label.startswith(method) else f"{method}: {c.label}".rstrip(": ")
        if method == "rvs" and np.all(np.asarray(c.args[1].get("scale", 1.0)) == 0):
            return replace(c, label=label).compared("exact", "exact")  # no randomness: loc
        if c.args[1].get("allow_singular") and method in ("pdf", "logpdf"):
            # the 'gaussian_density' bound needs a Cholesky factor; Σ = [[1, 1], [1, 1]] has
            # none: compared as a closed form (an eigendecomposition in both backends)
            return replace(c, label=label).compared("exact", "exact")
        return replace(c, label=label).compared(*table[method.split(".")[-1]])
    return one(cases) if isinstance(cases, Case) else tuple(one(c) for c in cases)


# --- running a case -----------------------------------------------------------------------

def _run(dist, c):
    method, params, *args = c.args
    if method == "fit":
        return dist.fit(*args)
    if method.startswith("unfrozen."):
        return getattr(dist, method.split(".", 1)[1])(*args, **params, **c.kwargs)
    return getattr(dist(**params), method)(*args, **c.kwargs)


# --- strategies ---------------------------------------------------------------------------

def _reals(lo, hi):
    return st.floats(lo, hi, allow_nan=False, allow_infinity=False, allow_subnormal=False,
                     width=64)


def _points(lo, hi, n=5):
    return arrays(np.float64, (n,), elements=_reals(lo, hi))


#: Probabilities for ppf/isf: not below 1e-100 (the incomplete gamma function enters the
#: subnormal range near 1e-300, where neither backend's tail quantile is accurate).
_PROBS = arrays(np.float64, (5,), elements=st.one_of(_reals(1e-100, 1.0), st.just(0.5)))
#: For discrete quantiles, not below 1e-12: SciPy's poisson.isf returns nan for q ≲ 1e-30
#: (poisson(4.5).isf(1e-30)) and binom.isf returns n (binom(50, 0.01).isf(1e-30) = 50,
#: where the smallest k with sf(k) ≤ 1e-30 is far below): quirks of its inverse functions.
_PROBS_DISCRETE = arrays(np.float64, (5,), elements=st.one_of(_reals(1e-12, 1.0), st.just(0.5)))
_CONT_METHODS = ("pdf", "logpdf", "cdf", "logcdf", "sf", "ppf", "isf", "mean", "var", "std",
                 "entropy", "rvs", "unfrozen.pdf", "unfrozen.cdf")
_DISC_METHODS = ("pmf", "logpmf", "cdf", "logcdf", "sf", "ppf", "isf", "mean", "var", "std",
                 "entropy", "rvs", "unfrozen.pmf", "unfrozen.cdf")


def _strategy(params_strategy, points, methods, rvs_params=lambda p: p, probs=None):
    """Cases of one distribution: parameters, a method, its arguments. `rvs_params` adjusts
    the parameters of rvs cases where float rounding would put ties into a sample that the
    KS test assumes continuous (see the gamma and beta entries)."""
    @st.composite
    def draw_case(draw):
        params = draw(params_strategy)
        method = draw(st.sampled_from(methods))
        name = method.split(".")[-1]
        if name in ("ppf", "isf"):
            return case(method, params, draw(probs if probs is not None else
                                              _PROBS_DISCRETE if methods is _DISC_METHODS
                                              else _PROBS))
        if name in ("mean", "var", "std", "entropy"):
            return case(method, params)
        if name == "rvs":
            return case(method, rvs_params(params), size=N_STAT,
                        random_state=draw(st.integers(0, 2**32 - 1)))
        return case(method, params, draw(points(params)))
    return draw_case()


#: For beta quantiles, not below 1e-20: with a = 0.1, ppf(1e-100) ≈ 1e-1000 underflows
#: (mathml returns 0, SciPy the smallest normal number 2.2e-308).
_PROBS_BETA = arrays(np.float64, (5,), elements=st.one_of(_reals(1e-20, 1.0), st.just(0.5)))


#: Success probabilities: 0, 1, or not below 1e-10 (SciPy's binom.entropy raises Boost's
#: OverflowError at p = 2.2e-308).
_P = st.one_of(st.just(0.0), st.just(1.0), _reals(1e-10, 1.0))


def _gamma_rvs_params(p):
    """loc = 0 for rvs: with a small shape a, a fraction ≈ (eps·|loc|/scale)^a / Γ(a + 1) of
    the variates (2.5% for a = 0.1, loc/scale = 10) is below the rounding of loc + scale·z
    and lands exactly on loc — in SciPy's samples as in mathml's — and these ties fail the
    KS test, which assumes a continuous sample. loc is derived once in the base class and
    checked exactly by every other method."""
    return {**p, "loc": 0.0}


def _beta_rvs_params(p):
    """Shapes ≥ 1/2 for rvs: for b = 0.1 about (eps)^b/(b·B(a, b)) ≈ 2% of the variates
    round to exactly 1 (SciPy's as mathml's), ties the KS test cannot take."""
    return {"a": max(p["a"], 0.5), "b": max(p["b"], 0.5)}


def _located(loc_scale=True):
    return st.fixed_dictionaries({"loc": _reals(-10, 10), "scale": _reals(0.1, 10)})


def _around(params, width=8.0):
    loc, scale = params.get("loc", 0.0), params.get("scale", 1.0)
    return _points(loc - width * scale, loc + width * scale)


def _integers_around(lo, hi):
    return st.one_of(arrays(np.float64, (5,), elements=st.integers(int(lo) - 1, int(hi) + 1)
                            .map(float)),
                     _points(lo - 1, hi + 1))


def _bench(params, lo, hi):
    return Bench(10_000, lambda n, rng: case("pdf", params, rng.uniform(lo, hi, size=n)))


def _bench_discrete(params, hi):
    return Bench(10_000, lambda n, rng: case("pmf", params,
                                             rng.integers(0, hi + 1, size=n).astype(float)))


def _every_method(params, x, q, discrete=False):
    density = ("pmf", "logpmf") if discrete else ("pdf", "logpdf")
    return (tuple(case(m, params, x, label=f"{m} {params}") for m in density + ("cdf", "logcdf", "sf"))
            + tuple(case(m, params, q, label=f"{m} {params}") for m in ("ppf", "isf"))
            + tuple(case(m, params, label=f"{m} {params}") for m in ("mean", "var", "std", "entropy"))
            + (case("rvs", params, size=N_STAT, random_state=1, label=f"rvs {params}"),))


def _invalid(params, point=0.5):
    return (case("pdf" if "p" not in params and "mu" not in params else "pmf", params,
                 np.array([point]), label=f"invalid parameters {params}: nan"),
            case("cdf", params, np.array([point]), label=f"invalid parameters {params}: cdf nan"),
            case("mean", params, label=f"invalid parameters {params}: mean nan"))


def _edge_quantiles(params):
    """Quantiles at invalid or non-finite parameters: nan inside (0, 1), SciPy's ends at
    q = 0 and 1 where the parameters are valid (issue 16: the bracket search hung)."""
    q = np.array([0.0, 0.5, 1.0])
    return (case("ppf", params, q, label=f"ppf at {params}: no search on this bulk"),
            case("isf", params, q, label=f"isf at {params}: no search on this bulk"))


def _infinite_loc_scale(params):
    """Issue 16: loc is not a parameter check in SciPy (an infinite loc moves every point to
    one end: norm(loc=inf).pdf(0) = 0, was nan), an infinite scale is valid (z = 0), and a
    NaN loc gives nan."""
    x = np.array([0.0, 1.0, np.inf, -np.inf, np.nan])
    q = np.array([0.0, 0.3, 1.0])
    out = ()
    for loc, scale in ((np.inf, 1.0), (-np.inf, 1.0), (0.0, np.inf), (np.nan, 1.0)):
        p = {**params, "loc": loc, "scale": scale}
        out += tuple(case(m, p, x, label=f"{m} at loc={loc}, scale={scale}")
                     for m in ("pdf", "logpdf", "cdf", "logcdf", "sf"))
        out += tuple(case(m, p, q, label=f"{m} at loc={loc}, scale={scale}") for m in ("ppf", "isf"))
        out += tuple(case(m, p, label=f"{m} at loc={loc}, scale={scale}")
                     for m in ("mean", "var", "entropy"))
    return out


def _rvs_edges(params, discrete=False):
    """Issue 16: scale 0 gives loc (SciPy; mathml raised), a RandomState is accepted (was
    refused), size must be an integer as NumPy's (2.5 and True were truncated)."""
    out = (case("rvs", params, size=N_STAT, random_state=np.random.RandomState(4),
                label="rvs from a RandomState"),)
    if not discrete:
        out += (case("rvs", {**params, "loc": 3.0, "scale": 0.0}, size=4, random_state=0,
                     label="rvs with scale 0: loc (no draw)"),)
    return out


def _size_bad(params):
    return (bad("rvs", params, size=2.5, random_state=0, raises=TypeError,
                match="cannot be interpreted as an integer", label="rvs with size=2.5"),
            bad("rvs", params, size=True, random_state=0, raises=TypeError,
                match="an integer is required", label="rvs with size=True"),
            bad("rvs", params, size=-1, random_state=0, raises=ValueError,
                match="negative dimensions", label="rvs with size=-1"),
            bad("rvs", params, size=3, random_state=1.5, raises=ValueError,
                match="cannot be used to seed", label="rvs with random_state=1.5"))


Q = np.array([0.0, 1e-100, 1e-10, 0.01, 0.3, 0.5, 0.9, 1 - 1e-10, 1.0, -0.5, 1.5])
QD = np.array([0.0, 0.001, 0.1, 0.3, 0.5, 0.77, 0.999, 1.0, -0.5])
_data = np.random.default_rng(7)
FIT_NORMAL = _data.normal(3.0, 2.0, size=200)
FIT_GAMMA = _data.gamma(2.5, 1.5, size=200)
FIT_BETA = _data.beta(2.0, 5.0, size=200)
FIT_EXPON = 1.0 + _data.exponential(2.0, size=200)
FIT_UNIFORM = _data.uniform(-1.0, 3.0, size=200)


def _rvs_bad(params):
    return bad("rvs", params, size=10, random_state=0, raises=ValueError,
               label=f"rvs with invalid parameters {params}")


def _empty_fit():
    return bad("fit", {}, np.array([]), raises=ValueError, match="empty", label="fit on an empty sample")


_NORM_X = np.array([-40.0, -10.0, -1.0, 0.0, 0.5, 2.0, 10.0, 40.0, np.inf, -np.inf, np.nan])

_ENTRIES: tuple[Concept, ...] = (
    Concept(
        "stats.norm", "scipy.stats.norm", "exact", "exact",
        cases=(case("rvs", {"loc": 0.0, "scale": 1.0}, size=1000, random_state=0, seed=SEED,
                    label="seed 000: normal(0, 1, 1000)"),)
        + _every_method({"loc": 1.0, "scale": 2.0}, _NORM_X, Q)
        + (case("unfrozen.pdf", {"loc": 1.0, "scale": 2.0}, _NORM_X, label="unfrozen pdf"),
           case("unfrozen.ppf", {}, Q, label="unfrozen ppf, standard"),
           case("fit", {}, FIT_NORMAL, label="fit (MLE, closed form)"))
        + _invalid({"loc": 0.0, "scale": -1.0})
        + _infinite_loc_scale({}) + _rvs_edges({"loc": 1.0, "scale": 2.0}),
        strategy=lambda: _strategy(_located(), _around, _CONT_METHODS + ("fit",)).map(
            lambda c: c if c.args[0] != "fit" else case("fit", {}, FIT_NORMAL * c.args[1]["scale"]
                                                        + c.args[1]["loc"])),
        bad=(_rvs_bad({"scale": -1.0}), _empty_fit(),
             bad("fit", {}, None, raises=TypeError, label="fit of None (SciPy's TypeError)"),
             bad("fit", {}, np.array(["1.0", "2.0"]), raises=TypeError,
                 label="fit of strings (SciPy's TypeError; mathml converted them)"))
        + _size_bad({}),
        bench=_bench({"loc": 0.0, "scale": 1.0}, -5, 5),
        run=_run,
        seeds=(SEED,),
        note="rvs draws by Box–Muller (SciPy: NumPy's ziggurat): compared statistically; "
             "logcdf in the far left tail comes from the log of erfc's continued fraction"),
    Concept(
        "stats.uniform", "scipy.stats.uniform", "exact", "exact",
        cases=_every_method({"loc": -1.0, "scale": 3.0}, np.array([-2.0, -1.0, 0.0, 1.5, 2.0, 3.0]), Q)
        + (case("unfrozen.cdf", {"loc": 2.0, "scale": 4.0}, np.array([3.0]), label="unfrozen cdf"),
           case("fit", {}, FIT_UNIFORM, label="fit (min, max − min)"))
        + _invalid({"loc": 0.0, "scale": 0.0})
        + _infinite_loc_scale({}) + _rvs_edges({"loc": -1.0, "scale": 3.0}),
        strategy=lambda: _strategy(_located(), lambda p: _around(p, 1.5), _CONT_METHODS),
        bad=(_rvs_bad({"scale": -1.0}), _empty_fit()),
        bench=_bench({"loc": 0.0, "scale": 1.0}, -0.5, 1.5),
        run=_run),
    Concept(
        "stats.expon", "scipy.stats.expon", "exact", "exact",
        cases=_every_method({"loc": 0.5, "scale": 2.0}, np.array([-1.0, 0.5, 0.5001, 1.0, 5.0, 100.0]), Q)
        + (case("unfrozen.sf", {"scale": 2.0}, np.array([1.0, 3.0]), label="unfrozen sf"),
           case("fit", {}, FIT_EXPON, label="fit (min, mean − min)"))
        + _invalid({"loc": 0.0, "scale": -2.0})
        + _infinite_loc_scale({}) + _rvs_edges({"loc": 0.5, "scale": 2.0}),
        strategy=lambda: _strategy(_located(), lambda p: _points(p["loc"] - p["scale"],
                                                                 p["loc"] + 40 * p["scale"]),
                                   _CONT_METHODS),
        bad=(_rvs_bad({"scale": -2.0}), _empty_fit()),
        bench=_bench({"loc": 0.0, "scale": 1.0}, 0, 10),
        run=_run),
    Concept(
        "stats.gamma", "scipy.stats.gamma", "exact", "exact",
        cases=_every_method({"a": 2.5, "loc": 0.0, "scale": 2.0},
                            np.array([-1.0, 0.0, 0.01, 1.0, 5.0, 30.0, 200.0]), Q)
        + _every_method({"a": 0.3}, np.array([0.0, 1e-10, 0.5, 3.0, 50.0]), Q[1:-3])
        + (case("unfrozen.cdf", {"a": 5.0, "scale": 0.5}, np.array([1.0, 2.5, 10.0]),
                label="unfrozen cdf"),
           case("fit", {}, FIT_GAMMA, label="fit (a by Newton on the digamma equation)"))
        + _invalid({"a": -1.0})
        + (case("entropy", {"a": -np.inf}, label="a = −inf: nan (ψ's recurrence hung)"),
           case("entropy", {"a": 1e-300}, label="a = 1e-300: ψ's recurrence, 10 steps"),
           case("entropy", {"a": 1e20}, label="a = 1e20: the asymptotic series (terms ~1e21 "
                "cancelled to 0 before)"),
           case("entropy", {"a": np.inf}, label="a = inf: inf"),
           case("ppf", {"a": np.inf}, np.array([0.0, 0.3, 1.0]), label="a = inf: nan inside"))
        + _infinite_loc_scale({"a": 2.5}) + _rvs_edges({"a": 2.5}),
        strategy=lambda: _strategy(
            st.fixed_dictionaries({"a": _reals(0.1, 50), "loc": _reals(-5, 5),
                                   "scale": _reals(0.1, 10)}),
            lambda p: _points(p["loc"] - p["scale"], p["loc"] + p["scale"] * (3 * p["a"] + 30)),
            _CONT_METHODS, rvs_params=_gamma_rvs_params),
        bad=(_rvs_bad({"a": 0.0}), _empty_fit(),
             bad("fit", {}, np.array([1.0, -2.0, 3.0]), raises=ValueError,
                 label="fit with data outside the support")),
        bench=_bench({"a": 2.5}, 0, 20),
        run=_run,
        note="fit fixes loc = 0 (the reference passes floc=0); rvs by Marsaglia–Tsang"),
    Concept(
        "stats.beta", "scipy.stats.beta", "exact", "exact",
        cases=_every_method({"a": 2.0, "b": 3.0}, np.array([-0.1, 0.0, 0.2, 0.5, 0.999, 1.0, 1.1]), Q)
        + _every_method({"a": 0.5, "b": 0.7, "loc": 1.0, "scale": 2.0},
                        np.array([1.0, 1.5, 2.9, 3.0]), Q[2:-3])
        + (case("unfrozen.pdf", {"a": 2.0, "b": 5.0}, np.array([0.1, 0.3]), label="unfrozen pdf"),
           case("fit", {}, FIT_BETA, label="fit (Newton on the two score equations)"),
           case("ppf", {"a": 2.4217185716135092, "b": 2.4217185716135092}, np.array([0.5, 0.3]),
                label="a = b: ppf(0.5) = 0.5 by symmetry; SciPy's inverse gives 0.49999999976, "
                      "judged by its own cdf"),
           case("isf", {"a": 0.25, "b": 1.03125}, np.array([1e-20, 0.3]),
                label="isf(1e-20) is 1.0 to double precision; SciPy returns nan, judged by "
                      "its sf at the neighbouring doubles"),
           case("ppf", {"a": 0.5, "b": 0.5}, np.array([0.9999999999, 0.999, 1e-10]),
                label="near q = 1 the sf's rounding of 1 − z stalls Newton above 4 eps: it "
                      "stops on a step that no longer shrinks (was ~100 steps, seconds)"),
           case("isf", {"a": 50.0, "b": 0.1}, np.array([1e-10, 0.5, 0.9999999999]),
                label="the same stop, in the isf"))
        + _invalid({"a": 1.0, "b": -1.0})
        + (case("entropy", {"a": -np.inf, "b": 1.0}, label="a = −inf: nan (ψ's recurrence hung)"),
           case("entropy", {"a": np.nan, "b": 2.0}, label="a = nan: nan"),
           case("entropy", {"a": 5.0, "b": 1e50}, label="beta.entropy(5, 1e50) = −112.98 "
                "(was 0.0: terms ~1e52 cancelled); grouped Stirling differences"),
           case("entropy", {"a": 0.5, "b": 1e15}, label="one shape large (was −32.0)"),
           case("logpdf", {"a": 1e10, "b": 1e10}, np.array([0.3]),
                label="log B(a, b) directly (B underflowed: logpdf was +inf); where the "
                      "density's terms cancel to O(1), as at x = 0.5, both backends keep only "
                      "~eps·1e10: not compared there"),
           case("pdf", {"a": np.inf, "b": np.inf}, np.array([0.3]), label="a = b = inf"))
        + _infinite_loc_scale({"a": 2.0, "b": 3.0}) + _rvs_edges({"a": 2.0, "b": 3.0}),
        strategy=lambda: _strategy(
            st.fixed_dictionaries({"a": _reals(0.1, 50), "b": _reals(0.1, 50)}),
            # SciPy (Boost's ibeta_derivative) raises OverflowError on x near the smallest
            # normal float, e.g. beta(2, 4).pdf(2.2e-308): such points are moved to 0
            lambda p: _points(-0.1, 1.1).map(lambda x: np.where(np.abs(x) < 1e-300, 0.0, x)),
            _CONT_METHODS, rvs_params=_beta_rvs_params,
            probs=_PROBS_BETA),
        bad=(_rvs_bad({"a": 1.0, "b": 0.0}), _empty_fit(),
             bad("fit", {}, np.array([0.2, 1.5]), raises=ValueError,
                 label="fit with data outside (0, 1)")),
        bench=_bench({"a": 2.0, "b": 3.0}, 0, 1),
        run=_run,
        note="fit fixes loc = 0, scale = 1 (the reference passes floc=0, fscale=1); rvs as "
             "X/(X + Y) of two gamma variates"),
    Concept(
        "stats.bernoulli", "scipy.stats.bernoulli", "exact", "exact",
        cases=(case("rvs", {"p": 0.7}, size=1000, random_state=0, seed=SEED,
                    label="seed 000: binomial(1, 0.7, 1000)"),)
        + _every_method({"p": 0.7}, np.array([-1.0, 0.0, 0.5, 1.0, 2.0]), QD, discrete=True)
        + _every_method({"p": 0.0}, np.array([0.0, 1.0]), QD, discrete=True)[:3]
        + (case("unfrozen.pmf", {"p": 0.3}, np.array([0.0, 1.0]), label="unfrozen pmf"),)
        + _invalid({"p": 1.5}) + _rvs_edges({"p": 0.3}, discrete=True)
        + (case("rvs", {"p": 0.3}, random_state=0, label="one variate: a Python int"),),
        strategy=lambda: _strategy(st.fixed_dictionaries({"p": _P}),
                                   lambda p: _integers_around(0, 1), _DISC_METHODS),
        bad=(_rvs_bad({"p": -0.1}),),
        bench=_bench_discrete({"p": 0.7}, 1),
        run=_run,
        seeds=(SEED,),
        note="rvs by inversion (1 when U < p): compared with SciPy's distribution by a "
             "chi-square test and the mean within 4.9 standard errors"),
    Concept(
        "stats.binom", "scipy.stats.binom", "exact", "exact",
        cases=(case("rvs", {"n": 1, "p": 0.7}, size=1000, random_state=0, seed=SEED,
                    label="seed 000: binomial(1, 0.7, 1000)"),)
        + _every_method({"n": 20, "p": 0.3}, np.arange(-1.0, 23.0), QD, discrete=True)
        + _every_method({"n": 150, "p": 0.02, "loc": 3}, np.array([3.0, 5.0, 9.5, 20.0]), QD,
                        discrete=True)
        + (case("unfrozen.cdf", {"n": 10, "p": 0.5}, np.array([4.0, 5.0]), label="unfrozen cdf"),
           case("logcdf", {"n": 110, "p": 0.9991993182784583}, np.array([4.0, 5.0, 8.0, 30.0]),
                label="deep lower tail: F(4) = 3.4e-322 is subnormal (SciPy 0, mathml keeps "
                      "it); at F(8) ≈ 1e-304 SciPy is off by 1.5e-5, judged by mpmath"),
           case("var", {"n": 5, "p": 1 - 2e-13},
                label="p = 1 − 2e-13: SciPy's n·p − n·p² keeps 3 digits, mathml's n·p·(1 − p) all"))
        + _invalid({"n": 3.5, "p": 0.2}) + _invalid({"n": 5, "p": 1.2})
        + _invalid({"n": np.nan, "p": 0.4}) + _edge_quantiles({"n": np.nan, "p": 0.4})
        + _edge_quantiles({"n": np.inf, "p": 0.4}) + _edge_quantiles({"n": -1.0, "p": 0.4})
        + (case("cdf", {"n": np.inf, "p": 0.4}, np.array([3.0]), label="n = inf: cdf nan"),
           case("sf", {"n": np.inf, "p": 0.4}, np.array([3.0]), label="n = inf: sf nan"),
           case("pmf", {"n": np.inf, "p": 0.4}, np.array([3.0]), label="n = inf: pmf nan"),
           case("entropy", {"n": 10**6, "p": 0.3}, label="npq = 2.1e5: the asymptotic series "
                "(SciPy sums over 0…n: at n = 1e12 it cannot allocate, mathml's work is bounded)"),
           case("pmf", {"n": 5, "p": 0.3, "loc": np.inf}, np.array([0.0, np.inf]),
                label="loc = inf: 0 and nan as SciPy"),
           case("rvs", {"n": 10**6, "p": 0.3}, size=N_STAT, random_state=2,
                label="rvs, large n (the search starts at the Cornish–Fisher quantile)"))
        + _rvs_edges({"n": 20, "p": 0.3}, discrete=True),
        strategy=lambda: _strategy(
            st.fixed_dictionaries({"n": st.integers(0, 200), "p": _P}),
            lambda p: _integers_around(0, p["n"]), _DISC_METHODS),
        bad=(_rvs_bad({"n": 5, "p": 1.5}),
             bad("rvs", {"n": np.inf, "p": 0.4}, size=3, random_state=0, raises=TypeError,
                 match="Cannot cast scalar", label="rvs with n = inf (NumPy's int64 cast)"),
             bad("rvs", {"n": 10.0, "p": 0.4}, size=3, random_state=0, raises=TypeError,
                 match="Cannot cast scalar", label="rvs with a float n, even 10.0 (SciPy)"))
        + _size_bad({"n": 5, "p": 0.3}),
        bench=_bench_discrete({"n": 100, "p": 0.3}, 100),
        run=_run,
        seeds=(SEED,),
        note="rvs by inversion with a sequential search from the mode (exact in "
             "distribution); SciPy uses NumPy's BTPE"),
    Concept(
        "stats.poisson", "scipy.stats.poisson", "exact", "exact",
        cases=_every_method({"mu": 4.5}, np.arange(-1.0, 30.0), QD, discrete=True)
        + _every_method({"mu": 80.0, "loc": -2}, np.array([50.0, 78.0, 120.5]), QD, discrete=True)
        + (case("rvs", {"mu": 1000.0}, size=N_STAT, random_state=3, label="rvs, large mean"),
           case("rvs", {"mu": 0.0}, size=100, random_state=3, label="rvs, mean 0"),
           case("unfrozen.pmf", {"mu": 3.0}, np.array([2.0]), label="unfrozen pmf"))
        + _invalid({"mu": -1.0}) + _invalid({"mu": np.nan})
        + _edge_quantiles({"mu": -1.0}) + _edge_quantiles({"mu": np.nan})
        + _edge_quantiles({"mu": np.inf})
        # mu = 1e308: only the ends. Inside, SciPy's ppf(0.5) is inf, but F(1e308) =
        # gammaincc(1e308 + 1, 1e308) = 0.5 (SciPy's own gammaincc agrees, Temme's
        # expansion in both since issue 16): mathml's 1e308 is the quantile
        + (case("ppf", {"mu": 1e308}, np.array([0.0, 1.0]), label="ppf at mu = 1e308: the ends"),
           case("isf", {"mu": 1e308}, np.array([0.0, 1.0]), label="isf at mu = 1e308: the ends"))
        + (case("entropy", {"mu": -1.0}, label="mu < 0: nan (the support sum failed)"),
           case("entropy", {"mu": np.nan}, label="mu nan: nan"),
           case("rvs", {"mu": 1e6}, size=N_STAT, random_state=2,
                label="rvs, mean 1e6 (the search starts at the Cornish–Fisher quantile)"),
           case("rvs", {"mu": 2.0}, random_state=0, label="one variate: a Python int"))
        + _rvs_edges({"mu": 4.5}, discrete=True),
        strategy=lambda: _strategy(st.fixed_dictionaries({"mu": _reals(1e-3, 100.0)}),
                                   lambda p: _integers_around(0, 2 * p["mu"] + 10), _DISC_METHODS),
        bad=(_rvs_bad({"mu": -1.0}),
             bad("rvs", {"mu": np.inf}, size=3, random_state=0, raises=ValueError,
                 match="lam value too large", label="rvs with mu = inf"),
             bad("rvs", {"mu": 1e308}, size=3, random_state=0, raises=ValueError,
                 match="lam value too large", label="rvs with mu = 1e308")),
        bench=_bench_discrete({"mu": 10.0}, 40),
        run=_run,
        note="rvs by inversion with a sequential search from the mode, for small and large "
             "means alike; SciPy uses NumPy's PTRS for large means. SciPy's quantiles at "
             "mu = 0 and for q ≲ 1e-30 are nan (its inverse fails); mathml returns the "
             "smallest k with F(k) ≥ q (S(k) ≤ q): those inputs are left out of the "
             "generated cases. Deliberately not followed: SciPy's entropy for μ ≳ 1e5 (its "
             "generic sum stops after 1000 terms: 2.77 at μ = 1e6 for 8.33, 0.0 at 1e12 and "
             "at inf); mathml's asymptotic series ½ log(2πeμ) − 1/(12μ) − … is right there "
             "(tests/test_distributions.py checks it)"),
    Concept(
        "stats.multivariate_normal", "scipy.stats.multivariate_normal", "exact", "exact",
        cases=(case("pdf", {"mean": np.array([1.0, 2.0]), "cov": np.array([[2.0, 0.5], [0.5, 1.0]])},
                    np.array([[1.0, 2.0], [0.0, 0.0], [3.0, -1.0]]), label="pdf, three points"),
               case("logpdf", {"mean": np.array([1.0, 2.0]), "cov": np.array([[2.0, 0.5], [0.5, 1.0]])},
                    np.array([0.5, 2.5]), label="logpdf, one point"),
               case("pdf", {"mean": np.zeros(3), "cov": np.array([1.0, 2.0, 3.0])},
                    np.ones(3), label="cov given as variances"),
               case("entropy", {"mean": np.zeros(2), "cov": np.array([[2.0, 0.5], [0.5, 1.0]])},
                    label="entropy"),
               case("rvs", {"mean": np.array([1.0, -1.0, 0.0]),
                            "cov": np.array([[2.0, 0.5, 0.1], [0.5, 1.0, 0.2], [0.1, 0.2, 0.5]])},
                    size=N_STAT, random_state=5, label="rvs through the Cholesky factor"),
               case("unfrozen.logpdf", {"mean": np.zeros(2), "cov": 2.0}, np.array([1.0, 1.0]),
                    label="unfrozen logpdf, scalar cov"),
               case("pdf", {"mean": np.zeros(2), "cov": np.array([[1.0, 1.0], [1.0, 1.0]]),
                            "allow_singular": True}, np.array([[0.0, 0.0], [1.0, 1.0], [1.0, 0.0]]),
                    label="allow_singular: 0.282 on the support, 0 off it (issue 16)"),
               case("entropy", {"mean": np.zeros(3), "cov": np.diag([1.0, 2.0, 0.0]),
                                "allow_singular": True}, label="allow_singular entropy (pseudo-det)"),
               case("pdf", {"mean": np.array([1.0, 2.0]), "cov": np.array([[2.0, 0.5], [0.5, 1.0]])},
                    np.ones((2, 3, 2)), label="x of shape (2, 3, 2): densities of shape (2, 3)"),
               case("pdf", {"mean": np.array([np.inf, 0.0]), "cov": np.eye(2)}, np.zeros(2),
                    label="an infinite mean: density 0 (was refused)"),
               case("cdf", {"mean": np.zeros(2), "cov": np.array([[1.0, 0.5], [0.5, 1.0]])},
                    np.zeros(2), label="cdf: the orthant 1/3 (Genz's method in both)"),
               case("cdf", {"mean": np.array([1.0, 2.0]), "cov": np.array([[2.0, 0.5], [0.5, 1.0]])},
                    np.array([[0.0, 0.0], [3.0, 1.0]]), label="cdf, two points"),
               case("cdf", {"mean": np.zeros(3), "cov": np.array([[1.0, 0.3, 0.2], [0.3, 1.0, 0.4],
                                                                  [0.2, 0.4, 1.0]])},
                    np.array([0.5, -0.2, 1.0]), label="cdf in three dimensions"),
               case("logcdf", {"mean": np.zeros(2), "cov": np.array([[1.0, -0.9], [-0.9, 1.0]])},
                    np.array([1.0, 1.5]), label="logcdf, strong negative correlation"),
               case("rvs", {"mean": np.zeros(2), "cov": np.array([[2.0, 0.5], [0.5, 1.0]])},
                    size=N_STAT, random_state=np.random.RandomState(7),
                    label="rvs from a RandomState (was refused)")),
        strategy=lambda: _mvn_strategy(),
        bad=(bad("pdf", {"mean": np.zeros(2), "cov": np.array([[1.0, 2.0], [2.0, 1.0]])},
                 np.zeros(2), raises=ValueError, label="indefinite covariance"),
             bad("pdf", {"mean": np.zeros(2), "cov": np.array([[1.0, 1.0], [1.0, 1.0]])},
                 np.zeros(2), raises=ValueError, label="singular covariance"),
             bad("logpdf", {"mean": np.zeros(2), "cov": np.eye(2)}, np.empty(0),
                 raises=ValueError, label="an empty x: SciPy's ValueError (was IndexError)"),
             bad("pdf", {"mean": np.zeros(2), "cov": np.eye(2)}, np.ones((1, 3)),
                 raises=ValueError, label="points of the wrong dimension")),
        bench=Bench(10_000, lambda n, rng: case(
            "logpdf", {"mean": np.zeros(3), "cov": np.diag([1.0, 2.0, 3.0])},
            rng.normal(size=(n, 3)))),
        run=_run,
        note="cdf/logcdf by Genz's quasi-Monte Carlo integration in both (compared within "
             "the two methods' errors, 'genz'); allow_singular through the eigendecomposition "
             "as SciPy (the cdf of a singular one is not implemented); a covariance that is not "
             "positive definite raises ValueError in both (SciPy's singular case raises its "
             "LinAlgError, a ValueError: the reference re-raises); mathml also refuses a "
             "non-symmetric covariance, which SciPy silently symmetrises"),
)


@st.composite
def _mvn_case(draw):
    d = draw(st.integers(1, 4))
    Q_, _ = np.linalg.qr(draw(arrays(np.float64, (d, d), elements=_reals(-1, 1))) + 2 * np.eye(d))
    lam = draw(arrays(np.float64, (d,), elements=_reals(0.1, 5.0)))
    params = {"mean": draw(arrays(np.float64, (d,), elements=_reals(-5, 5))),
              "cov": (Q_ * lam) @ Q_.T}
    params["cov"] = (params["cov"] + params["cov"].T) / 2
    method = draw(st.sampled_from(["pdf", "logpdf", "entropy", "rvs"]))
    if method == "entropy":
        return case(method, params)
    if method == "rvs":
        return case(method, params, size=N_STAT, random_state=draw(st.integers(0, 2**32 - 1)))
    return case(method, params, draw(arrays(np.float64, (3, d), elements=_reals(-8, 8))))


def _mvn_strategy():
    return _mvn_case()


#: The distributions whose methods are compared otherwise than `BY_METHOD` says.
_EXCEPTIONS = {"stats.gamma": NEWTON_FIT, "stats.beta": NEWTON_FIT,
               "stats.binom": BINOMIAL_VARIANCE, "stats.bernoulli": BINOMIAL_VARIANCE,
               "stats.poisson": LOG_TAIL,
               "stats.multivariate_normal": MULTIVARIATE}


def _compared_by_method(concept: Concept) -> Concept:
    """The entry with every case, fixed or generated, compared as its method says."""
    exceptions = _EXCEPTIONS.get(concept.name)
    return replace(concept, cases=_by_method(concept.cases, exceptions),
                   strategy=lambda: concept.strategy().map(lambda c: _by_method(c, exceptions)))


CONCEPTS: tuple[Concept, ...] = tuple(_compared_by_method(c) for c in _ENTRIES)
