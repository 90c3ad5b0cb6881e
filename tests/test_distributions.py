"""mathml.stats distributions beyond the catalog: the identities the base classes promise,
the random_state convention, samplers built on uniform draws only, and the MLE equations."""
import math

import numpy as np
import pytest
import scipy.special
import scipy.stats

from mathml import stats

CONTINUOUS = [(stats.norm, (), {"loc": 1.0, "scale": 2.0}, 3.0),
              (stats.uniform, (), {"loc": -1.0, "scale": 3.0}, 0.7),
              (stats.expon, (), {"loc": 0.5, "scale": 2.0}, 2.0),
              (stats.gamma, (2.5,), {"scale": 2.0}, 4.0),
              (stats.beta, (2.0, 3.0), {}, 0.3)]


@pytest.mark.parametrize("dist, shapes, kw, x", CONTINUOUS)
def test_loc_and_scale_are_derived_from_the_standard_form(dist, shapes, kw, x):
    loc, scale = kw.get("loc", 0.0), kw.get("scale", 1.0)
    frozen, standard = dist(*shapes, **kw), dist(*shapes)
    z = (x - loc) / scale
    few_ulps = 1e-14  # the same formula with loc and scale applied in another order
    assert frozen.pdf(x) == pytest.approx(standard.pdf(z) / scale, rel=few_ulps)
    assert frozen.cdf(x) == pytest.approx(standard.cdf(z), rel=few_ulps)
    assert frozen.ppf(0.3) == pytest.approx(loc + scale * standard.ppf(0.3), rel=few_ulps)
    assert frozen.entropy() == pytest.approx(standard.entropy() + math.log(scale), rel=few_ulps)


@pytest.mark.parametrize("dist, shapes, kw, x", CONTINUOUS)
def test_pdf_is_exp_logpdf_and_cdf_sf_ppf_agree(dist, shapes, kw, x):
    d = dist(*shapes, **kw)
    assert d.pdf(x) == math.exp(d.logpdf(x))
    # cdf + sf = 1 up to the rounding of the two (≤ eps each)
    assert d.cdf(x) + d.sf(x) == pytest.approx(1.0, abs=1e-15)
    inverse = 1e-12  # the root finder's tolerance in mathml's quantiles (the 'quantile' entry)
    assert d.ppf(d.cdf(x)) == pytest.approx(x, rel=inverse)
    assert d.isf(d.sf(x)) == pytest.approx(x, rel=inverse)
    assert dist.pdf(x, *shapes, **kw) == d.pdf(x)  # the unfrozen call


@pytest.mark.parametrize("dist, shapes", [(stats.bernoulli, (0.3,)), (stats.binom, (12, 0.4)),
                                          (stats.poisson, (3.5,))])
def test_discrete_cdf_is_a_sum_of_the_pmf(dist, shapes):
    d = dist(*shapes)
    k = np.arange(0, 13)
    # a running sum of ≤ 13 terms: ≤ 13 roundings, far below 1e-13 relative
    assert np.allclose(np.cumsum(d.pmf(k)), d.cdf(k), rtol=1e-13, atol=0)
    assert np.all(d.ppf(d.cdf(k[:2])) == k[:2])


def test_invalid_parameters_give_nan_and_rvs_raises():
    assert np.isnan(stats.norm(scale=-1.0).pdf(0.0))
    assert np.isnan(stats.binom(3.5, 0.2).pmf(1))
    assert np.isnan(stats.gamma(-1.0).mean())
    with pytest.raises(ValueError, match="Domain error"):
        stats.poisson(-1.0).rvs(size=3, random_state=0)


def test_random_state_convention():
    """SciPy's check_random_state: an int seeds a RandomState, a RandomState or Generator is
    used as is (its stream continues), None is NumPy's global RandomState."""
    a = stats.norm.rvs(size=5, random_state=42)
    b = stats.norm.rvs(size=5, random_state=np.random.RandomState(42))
    assert np.array_equal(a, b)
    rng = np.random.default_rng(1)
    first, second = stats.expon.rvs(size=3, random_state=rng), stats.expon.rvs(size=3, random_state=rng)
    assert not np.array_equal(first, second)  # a Generator continues its stream
    np.random.seed(3)  # noqa: NPY002 (None means the global RandomState, as SciPy)
    c = stats.uniform.rvs(size=2)
    np.random.seed(3)  # noqa: NPY002 (None means the global RandomState, as SciPy)
    assert np.array_equal(c, stats.uniform.rvs(size=2, random_state=None))
    with pytest.raises(ValueError, match="cannot be used to seed"):
        stats.norm.rvs(random_state="seed")
    with pytest.raises(ValueError, match="cannot be used to seed"):
        stats.norm.rvs(random_state=1.5)


@pytest.mark.parametrize("name, args", [("uniform", {"loc": -1.0, "scale": 3.0}),
                                        ("expon", {"loc": 0.5, "scale": 2.0}),
                                        ("bernoulli", {"p": 0.3}), ("bernoulli", {"p": 0.7})])
@pytest.mark.parametrize("seed", [0, 12345])
def test_samplers_that_are_scipys_draw_scipys_numbers(name, args, seed):
    """uniform (loc + scale·U), expon (−log(1 − U)) and bernoulli (NumPy's inversion of
    binomial(1, p)) are the samplers NumPy's RandomState uses: the same seed, the same
    variates, bit for bit; also from a RandomState given (issue 16: it was refused)."""
    ours = getattr(stats, name)(**args).rvs(size=50, random_state=np.random.RandomState(seed))
    theirs = getattr(scipy.stats, name)(**args).rvs(size=50, random_state=np.random.RandomState(seed))
    assert np.array_equal(ours, theirs) and ours.dtype == theirs.dtype
    assert np.array_equal(getattr(stats, name)(**args).rvs(size=50, random_state=seed), theirs)


def test_multivariate_normal_rvs_takes_a_random_state():
    mvn = stats.multivariate_normal([0.0, 1.0], [[1.0, 0.3], [0.3, 2.0]])
    x = mvn.rvs(size=4, random_state=np.random.RandomState(0))
    assert x.shape == (4, 2)
    assert np.array_equal(x, mvn.rvs(size=4, random_state=0))


@pytest.mark.parametrize("size, error, match", [
    (2.5, TypeError, "'numpy.float64' object cannot be interpreted as an integer"),
    ((2, 2.5), TypeError, "cannot be interpreted as an integer"),
    (True, TypeError, "an integer is required"),
    ("3", TypeError, "cannot be interpreted as an integer"),
    (-1, ValueError, "negative dimensions are not allowed")])
def test_size_is_refused_as_numpy_refuses_it(size, error, match):
    """Issue 16: size=2.5 and size=True were truncated to ints."""
    for dist in (stats.norm, scipy.stats.norm):
        with pytest.raises(error, match=match):
            dist.rvs(size=size, random_state=0)


@pytest.mark.parametrize("frozen, reference", [
    (stats.poisson(1.0), scipy.stats.poisson(1.0)), (stats.binom(5, 0.5), scipy.stats.binom(5, 0.5)),
    (stats.bernoulli(0.5), scipy.stats.bernoulli(0.5)), (stats.norm(), scipy.stats.norm()),
    (stats.gamma(2.0), scipy.stats.gamma(2.0)), (stats.beta(2.0, 3.0), scipy.stats.beta(2.0, 3.0)),
    (stats.uniform(), scipy.stats.uniform()), (stats.expon(), scipy.stats.expon())])
def test_one_variate_has_scipys_type(frozen, reference):
    """Issue 16: a discrete variate is a Python int (was np.int64), a continuous one a
    numpy float64; with a size, an int64 or float64 array."""
    assert type(frozen.rvs(random_state=0)) is type(reference.rvs(random_state=0))
    assert frozen.rvs(size=1, random_state=0).dtype == reference.rvs(size=1, random_state=0).dtype


def test_scale_zero_gives_loc_and_loc_is_not_a_parameter_check():
    """Issue 16: rvs with scale 0 returns loc (SciPy); an infinite loc moves every point to
    one end (norm(loc=inf).pdf(0) = 0, was nan)."""
    assert np.array_equal(stats.norm.rvs(loc=3.0, scale=0.0, size=3, random_state=0), [3.0] * 3)
    assert stats.norm(loc=np.inf).pdf(0.0) == 0.0
    assert stats.norm(loc=np.inf).cdf(0.0) == 0.0 and stats.norm(loc=-np.inf).cdf(0.0) == 1.0
    assert stats.norm(scale=np.inf).cdf(1.0) == 0.5
    assert np.isnan(stats.norm(loc=np.nan).pdf(0.0)) and np.isnan(stats.norm(loc=np.nan).mean())


def test_binom_rvs_refuses_a_float_n_as_scipy():
    for dist in (stats.binom, scipy.stats.binom):
        with pytest.raises(TypeError, match="Cannot cast scalar"):
            dist.rvs(10.0, 0.3, random_state=0)
    assert 0 <= stats.binom.rvs(10, 0.3, random_state=0) <= 10


def test_huge_parameters_take_bounded_work():
    """Issue 16: the entropy sums grew with the parameter (poisson(inf) raised)."""
    import time
    t = time.perf_counter()
    assert stats.poisson.entropy(np.inf) == np.inf
    # ½ log(2πeμ) − 1/(12μ) − …: the asymptotic series, exact to rounding here
    assert stats.poisson.entropy(1e12) == pytest.approx(0.5 * math.log(2 * math.pi * math.e * 1e12),
                                                        rel=1e-15)
    assert stats.binom.entropy(10**12, 0.3) == pytest.approx(
        0.5 * math.log(2 * math.pi * math.e * 10**12 * 0.21), rel=1e-15)
    x = stats.poisson.rvs(1e12, size=10_000, random_state=0)  # PTRS: O(1) per variate
    # the mean within 4.89 standard errors (false-alarm probability 1e-6)
    assert abs(x.mean() - 1e12) <= 4.89 * math.sqrt(1e12 / x.size)
    assert time.perf_counter() - t < 5.0


def test_beta_entropy_at_extreme_shapes_against_mpmath():
    """Issue 16: beta.entropy(5, 1e50) was 0.0 (cancellation of terms ~1e52)."""
    import mpmath
    with mpmath.workdps(120):  # terms ~1e52 cancel to ~1e2: 50 digits go
        def h(a, b):
            a, b = mpmath.mpf(a), mpmath.mpf(b)
            return float(mpmath.log(mpmath.beta(a, b)) - (a - 1) * mpmath.digamma(a)
                         - (b - 1) * mpmath.digamma(b) + (a + b - 2) * mpmath.digamma(a + b))
        # the grouped Stirling forms: every term O(1), so a few ulps of the O(1) terms
        for a, b in [(5.0, 1e50), (5.0, 1e10), (1e10, 1e10), (0.5, 1e15), (1e15, 1e15), (150.0, 3.0)]:
            assert stats.beta.entropy(a, b) == pytest.approx(h(a, b), rel=1e-13), (a, b)


class UniformOnly(np.random.Generator):
    """A Generator whose non-uniform samplers are forbidden."""

    def __init__(self, seed):
        super().__init__(np.random.PCG64(seed))

    def _forbidden(self, *args, **kwargs):
        raise AssertionError("a sampler used a non-uniform draw of NumPy's")

    normal = standard_normal = gamma = standard_gamma = poisson = binomial = beta = _forbidden
    exponential = standard_exponential = multivariate_normal = _forbidden


@pytest.mark.parametrize("frozen", [stats.norm(), stats.expon(), stats.gamma(0.4), stats.gamma(3.0),
                                    stats.beta(2.0, 0.5), stats.bernoulli(0.7), stats.binom(30, 0.2),
                                    stats.poisson(2.0), stats.poisson(500.0),
                                    stats.multivariate_normal([0.0, 1.0], [[1.0, 0.3], [0.3, 2.0]])])
def test_samplers_use_uniform_draws_only(frozen):
    x = frozen.rvs(size=2000, random_state=UniformOnly(3))
    assert np.all(np.isfinite(x))


def test_seed_000_bernoulli_mean_within_standard_errors():
    # np.random.binomial(1, 0.7, 1000): the mean within 4.89 standard errors of 0.7
    # (false-alarm probability 1e-6).
    x = stats.bernoulli(0.7).rvs(size=1000, random_state=0)
    assert set(np.unique(x)) <= {0, 1}
    assert abs(x.mean() - 0.7) <= 4.89 * math.sqrt(0.7 * 0.3 / 1000)


def test_gamma_fit_solves_the_score_equation():
    x = np.random.default_rng(0).gamma(2.5, 1.5, size=300)
    a, loc, scale = stats.gamma.fit(x)
    s = math.log(x.mean()) - np.log(x).mean()
    # Newton is run to a step of ~eps: the score equation holds to rounding of log and ψ
    assert math.log(a) - scipy.special.digamma(a) == pytest.approx(s, rel=1e-13)
    assert (loc, scale) == (0.0, pytest.approx(x.mean() / a, rel=1e-14))  # one division


def test_beta_fit_solves_the_score_equations():
    x = np.random.default_rng(0).beta(2.0, 5.0, size=300)
    a, b, loc, scale = stats.beta.fit(x)
    psi = scipy.special.digamma
    score = 1e-12  # the score equations hold to the rounding of ψ differences (cancellation)
    assert psi(a) - psi(a + b) == pytest.approx(np.log(x).mean(), rel=score)
    assert psi(b) - psi(a + b) == pytest.approx(np.log1p(-x).mean(), rel=score)
    assert (loc, scale) == (0.0, 1.0)


def test_multivariate_normal_refuses_a_covariance_that_is_not_positive_definite():
    for cov in ([[1.0, 2.0], [2.0, 1.0]], [[1.0, 1.0], [1.0, 1.0]]):
        with pytest.raises(ValueError):
            stats.multivariate_normal([0.0, 0.0], cov)


def test_multivariate_normal_matches_the_closed_form_in_one_dimension():
    mvn = stats.multivariate_normal([1.0], [[4.0]])
    # the same closed form through Cholesky: a few ulps
    assert mvn.pdf([2.0]) == pytest.approx(scipy.stats.norm(1.0, 2.0).pdf(2.0), rel=1e-14)


def test_infinite_shape_variates_do_not_hang():
    """Issue 16: Gamma(∞) variates are ∞ as NumPy's (the rejection loop never accepted),
    Beta(∞, 1) variates are nan (NumPy's ∞/(∞ + Y)); every redraw loop is capped."""
    assert np.all(stats.gamma(np.inf).rvs(size=3, random_state=0) == np.inf)
    assert np.all(np.isnan(stats.beta(np.inf, 1.0).rvs(size=3, random_state=0)))


def test_multivariate_normal_allow_singular_and_shapes():
    """Issue 16: allow_singular as SciPy (the density on the support, 0 off it), an empty
    x raises SciPy's ValueError (was IndexError), x of shape (..., d) gives shape (...)."""
    mvn = stats.multivariate_normal([0.0, 0.0], [[1.0, 1.0], [1.0, 1.0]], allow_singular=True)
    # N(0, 2) along (1, 1)/√2: at 0 the density 1/√(2π·2) (one-dimensional support)
    assert mvn.pdf([0.0, 0.0]) == pytest.approx(1.0 / math.sqrt(4.0 * math.pi), rel=1e-14)
    assert mvn.pdf([1.0, 0.0]) == 0.0
    with pytest.raises(ValueError):
        stats.multivariate_normal([0.0, 0.0]).logpdf(np.empty(0))
    assert stats.multivariate_normal([0.0, 0.0]).pdf(np.zeros((2, 3, 2))).shape == (2, 3)


@pytest.mark.parametrize("corr", [[0.5], [0.3, 0.2, 0.4], [-0.9]])
def test_multivariate_normal_cdf_at_the_orthant(corr):
    """Genz's integration against the closed-form orthant probabilities
    P(X ≤ 0) = 1/4 + asin ρ/(2π) (d = 2) and 1/8 + Σ asin ρ_ij/(4π) (d = 3)."""
    d = 2 if len(corr) == 1 else 3
    C = np.eye(d)
    C[np.triu_indices(d, 1)] = corr
    C = np.triu(C) + np.triu(C, 1).T
    exact = (0.25 + math.asin(corr[0]) / (2 * math.pi) if d == 2
             else 0.125 + sum(math.asin(r) for r in corr) / (4 * math.pi))
    # the lattice rule's error with 10 × 10⁴ points: ≲ 2e-6 measured; 1e-5 is SciPy's abseps
    assert stats.multivariate_normal(np.zeros(d), C).cdf(np.zeros(d)) == pytest.approx(exact, abs=1e-5)
