"""mathml.special beyond the catalog: accuracy against mpmath (the exact values computed
here, at 30 digits) where SciPy itself is not the best judge, tails, domains, identities."""
import warnings

import mpmath
import numpy as np
import pytest

from mathml import special

mpmath.mp.dps = 30


def rel(got, exact):
    return abs(float(got) - float(exact)) / abs(float(exact))


@pytest.mark.parametrize("x", [1.5, 3.0, 6.0, 10.0, 20.0, 26.0])
def test_erfc_far_tail_is_relatively_accurate(x):
    # 1 − erf(x) would be 0 from x ≈ 6 on; the continued fraction keeps ~x²·eps.
    assert rel(special.erfc(x), mpmath.erfc(x)) < 1e-13


@pytest.mark.parametrize("y", [1e-300, 0.3, 0.9, 1 - 1e-10, 1 - 2**-53, -(1 - 1e-15)])
def test_erfinv_to_the_ends(y):
    assert rel(special.erfinv(y), mpmath.erfinv(y)) < 1e-14


@pytest.mark.parametrize("x", [2 - 1e-15, 2 - 2**-51, 1 + 1e-12, 1 - 1e-14, 1e-300, 0.5, 170.5])
def test_gammaln_is_relatively_accurate_at_its_zeros(x):
    # SciPy's gammaln(2 − 1e-15) is 30% off; the ζ series is exact to a few ulps there.
    assert rel(special.gammaln(x), mpmath.loggamma(x)) < 1e-14


@pytest.mark.parametrize("x", [0.5, 7.3, 100.5, 170.9, -0.5, -10.3])
def test_gamma_against_mpmath(x):
    assert rel(special.gamma(x), mpmath.gamma(x)) < 1e-14


@pytest.mark.parametrize("a, x", [(0.5, 0.1), (10.0, 3.0), (50.0, 49.0), (100.0, 130.0),
                                  (14.87109375, 0.0078125), (0.0853, 1.229)])
def test_incomplete_gamma_against_mpmath(a, x):
    P = mpmath.gammainc(a, 0, x, regularized=True)
    Q = mpmath.gammainc(a, x, mpmath.inf, regularized=True)
    assert rel(special.gammainc(a, x), P) < 1e-13
    assert rel(special.gammaincc(a, x), Q) < 1e-13


@pytest.mark.parametrize("a, b, x", [(2.0, 3.0, 0.4), (54.35, 0.0857, 0.9833), (0.5, 0.25, 2.0**-1074),
                                     (30.0, 40.0, 0.45), (0.1, 30.0, 0.5)])
def test_betainc_against_mpmath(a, b, x):
    # (54.35, 0.0857, 0.9833): the symmetry would leave 1 − 0.976; computed directly.
    # x = 2⁻¹⁰⁷⁴ (subnormal): SciPy is 2% off here.
    exact = mpmath.betainc(a, b, 0, mpmath.mpf(x), regularized=True)
    assert rel(special.betainc(a, b, x), exact) < 1e-13


def test_expit_is_finite_and_silent_for_both_signs():
    x = np.array([-1e308, -1e3, -745.0, 0.0, 1e3, 1e308])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        y = special.expit(x)
    assert np.all(np.isfinite(y))
    assert y[0] == 0.0 and y[-1] == 1.0 and y[3] == 0.5


def test_logsumexp_keeps_relative_accuracy_near_zero():
    # log(e^{−11} + e^0) = log1p(e^{−11}) ≈ 1.67e-5: log(1 + tiny) would lose 5 digits.
    assert rel(special.logsumexp([-11.0, 0.0]), mpmath.log1p(mpmath.exp(-11))) < 1e-15


def test_logsumexp_sign_and_weights():
    res, sgn = special.logsumexp([1.0, 2.0], b=[1.0, -1.0], return_sign=True)
    assert sgn == -1.0
    assert rel(res, mpmath.log(mpmath.e**2 - mpmath.e)) < 1e-15
    assert np.isnan(special.logsumexp([1.0, 2.0], b=[1.0, -1.0]))


def test_logsumexp_tiny_weight_on_the_largest_a():
    # The largest a carries the weight 2**-1022: r/t_j overflows, the result is log 4.
    got = special.logsumexp([0.0, 0.0, 0.0], b=[2.0**-1022, 2.0, 2.0])
    assert rel(got, mpmath.log(4 + mpmath.mpf(2) ** -1022)) < 1e-15


def test_softmax_sums_to_one_without_overflow():
    s = special.softmax(np.array([[1000.0, 0.0], [-1000.0, -1000.0]]), axis=1)
    # each row sums two correctly rounded quotients: within 2 ulps of 1 (not np.allclose's
    # default 1e-5, which would hide a real error)
    assert np.allclose(s.sum(axis=1), 1.0, rtol=0, atol=2 * np.finfo(float).eps)
    assert np.all(np.isfinite(special.log_softmax([0.0, 1e4])))


def test_domain_errors_give_nan_not_exceptions():
    assert np.isnan(special.gammainc(-1.0, 1.0))
    assert np.isnan(special.betainc(1.0, 1.0, 1.5))
    assert np.isnan(special.logit(1.5))
    assert np.isnan(special.erfinv(2.0))


@pytest.mark.parametrize("f", [special.erf, special.gamma, special.expit])
def test_complex_input_is_refused(f):
    with pytest.raises(TypeError, match="complex"):
        f(1.0 + 1.0j)


def test_vectorised_continued_fraction_equals_entrywise():
    # Entries that converge fast must not collect rounding while slow ones continue.
    x = np.linspace(1.0, 26.0, 301)
    entrywise = np.array([special.erfc(v) for v in x])
    assert np.array_equal(special.erfc(x), entrywise)


def test_identities():
    a, x = np.array([0.5, 3.0, 40.0]), np.array([0.2, 5.0, 35.0])
    # P + Q = 1: each is computed to ~eps relative and the two sum to 1, so ~4 ulps of 1
    assert np.allclose(special.gammainc(a, x) + special.gammaincc(a, x), 1.0, rtol=0, atol=1e-15)
    # erf∘erfinv: erfinv is refined by Halley/Newton steps on erf to 2 eps, so ~an ulp
    assert np.allclose(special.erf(special.erfinv([-0.9, 0.1, 0.99])), [-0.9, 0.1, 0.99],
                       rtol=1e-15)  # as the comment above
    # logit∘expit at 7: 1 − σ(7) ≈ 9e-4 loses ~3 digits to cancellation, hence 1e-13
    assert np.allclose(special.logit(special.expit([-5.0, 0.3, 7.0])), [-5.0, 0.3, 7.0],
                       rtol=1e-13)  # as the comment above
