"""Statistics beyond the catalog's comparisons: closed forms for the seed's mean and standard
deviation, order statistics by hand, and the null distributions behind the p-values
(pearsonr's Beta(n/2 − 1, n/2 − 1), Student's t with 1 and 2 degrees of freedom, the
chi-square with 2) where they have elementary closed forms — both backends checked, with
the catalog's tolerances."""
import math
from fractions import Fraction

import numpy as np
import pytest

import mathml.stats as ms
import reference.stats as rs
from reference.compare import TOLERANCES

BACKENDS = [pytest.param(ms, id="mathml"), pytest.param(rs, id="reference")]
TEST = TOLERANCES["hypothesis_test"]


def close(got, exact, tol=TOLERANCES["exact"]):
    return abs(got - exact) <= tol.atol + tol.rtol * abs(exact)


# --- the seed: mean and std of 1..5 ------------------------------------------------------------

@pytest.mark.parametrize("backend", BACKENDS)
def test_seed_mean_and_std(backend):
    data = np.array([1, 2, 3, 4, 5])
    assert backend.mean(data) == 3.0
    # Σ(x − 3)² / 5 = 10/5 = 2: the population standard deviation is √2
    assert close(backend.std(data), math.sqrt(2))
    assert close(backend.std(data, ddof=1), math.sqrt(2.5))


@pytest.mark.parametrize("backend", BACKENDS)
def test_quantile_is_hyndman_fan_7_by_hand(backend):
    x = np.array([7.0, 1.0, 3.0, 5.0])  # sorted: 1 3 5 7; h = 3q
    for q, exact in [(0.0, 1.0), (0.25, 2.5), (0.5, 4.0), (0.9, 6.4), (1.0, 7.0)]:
        assert close(backend.quantile(x, q), exact)
    assert close(backend.percentile(x, 90), 6.4)
    assert backend.median(x) == 4.0


@pytest.mark.parametrize("n_q", [1, 3, 40, 200])  # a partition for few q, a sort for many
def test_quantile_order_statistics_by_hand(n_q):
    """Every quantile from the sorted sample by the definition (h = (n − 1)q, the order
    statistics ⌊h⌋ and ⌊h⌋ + 1), along each axis, with ties, a NaN in one row, and q = 0, 1."""
    rng = np.random.default_rng(17)
    x = rng.integers(0, 50, (3, 301)).astype(float)  # ties
    x[1, 17] = np.nan
    q = np.concatenate(([0.0, 1.0], rng.uniform(size=n_q)))
    got = ms.quantile(x, q, axis=1)
    assert got.shape == (len(q), 3)
    for row in (0, 2):
        s = sorted(x[row])
        for qi, p in zip(got[:, row], q):
            h = 300 * p
            k = math.floor(h)
            lo, hi = s[k], s[min(k + 1, 300)]
            assert close(qi, lo + (h - k) * (hi - lo))
    assert np.isnan(got[:, 1]).all()
    # along axis 0 and flattened: the same order statistics
    assert np.allclose(ms.quantile(x[[0, 2]].T, q, axis=0), got[:, [0, 2]], rtol=1e-15, atol=0)
    flat = np.sort(x[[0, 2]].ravel())
    h = (flat.size - 1) * q
    k = np.floor(h).astype(int)
    by_hand = flat[k] + (h - k) * (flat[np.minimum(k + 1, flat.size - 1)] - flat[k])
    assert np.allclose(ms.quantile(x[[0, 2]], q), by_hand, rtol=1e-15, atol=1e-13)


@pytest.mark.parametrize("backend", BACKENDS)
def test_mode_takes_the_smallest_of_the_most_frequent(backend):
    res = backend.mode(np.array([[3, 1], [1, 1], [3, 2]]), axis=0)
    assert res.mode.tolist() == [3, 1] and res.count.tolist() == [2, 2]


@pytest.mark.parametrize("backend", BACKENDS)
def test_skew_and_kurtosis_closed_forms(backend):
    x = np.array([0.0, 0.0, 0.0, 1.0])  # m2 = 3/16, m3 = 3/32, m4 = 21/256
    m2, m3, m4 = Fraction(3, 16), Fraction(3, 32), Fraction(21, 256)
    assert close(backend.skew(x), float(m3) / float(m2) ** 1.5, TOLERANCES["standardised_moment"])
    assert close(backend.kurtosis(x), float(m4 / m2**2) - 3, TOLERANCES["standardised_moment"])


@pytest.mark.parametrize("backend", BACKENDS)
def test_histogram_counts_by_brute_force(backend):
    rng = np.random.default_rng(3)
    x = rng.integers(0, 20, 200) / 4  # many values exactly on edges
    edges = np.array([0.0, 1.0, 1.25, 3.0, 4.75])
    counts, _ = backend.histogram(x, edges)
    expected = [np.count_nonzero((x >= a) & (x < b)) for a, b in zip(edges[:-2], edges[1:-1])]
    expected.append(np.count_nonzero((x >= edges[-2]) & (x <= edges[-1])))
    assert counts.tolist() == expected


@pytest.mark.parametrize("backend", BACKENDS)
def test_pearsonr_null_distribution_closed_forms(backend):
    # n = 4: R ~ Beta(1, 1) on [−1, 1], uniform, so p = 1 − |r|
    x, y = np.array([1.0, 2.0, 3.0, 4.0]), np.array([2.0, 1.0, 4.0, 3.0])
    r, p = backend.pearsonr(x, y)
    assert close(r, 0.6) and abs(p - (1 - abs(r))) <= TEST.atol + TEST.rtol * p
    # n = 3: Beta(1/2, 1/2), the arcsine law: p = 1 − (2/π) arcsin|r|
    r, p = backend.pearsonr(np.array([1.0, 2.0, 3.0]), np.array([1.0, 3.0, 2.0]))
    assert close(r, 0.5)
    assert abs(p - (1 - 2 / math.pi * math.asin(abs(r)))) <= TEST.atol + TEST.rtol * p


def _binomial_tail(a: int, x: Fraction) -> Fraction:
    """I_x(a, a) for an integer a, exactly: P(Bin(2a − 1, x) ≥ a), x = N/D, in integers."""
    N, D, m = x.numerator, x.denominator, 2 * a - 1
    return Fraction(sum(math.comb(m, j) * N**j * (D - N) ** (m - j) for j in range(a, m + 1)),
                    D**m)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("n", [102, 1002])
def test_pearsonr_pvalue_of_large_samples_exactly(backend, n):
    # n = 2a + 2 with a integer: p = 2·I_x(a, a), x = (1 − |r|)/2, a binomial tail in exact
    # rationals; the sizes exercise the Stirling form of the prefactor and long fractions
    rng = np.random.default_rng(n)
    x = rng.uniform(size=n)
    for beta in (0.0, 0.05, 0.3):
        r, p = backend.pearsonr(x, beta * x + rng.uniform(size=n))
        exact = float(2 * _binomial_tail(n // 2 - 1, (1 - Fraction(abs(float(r)))) / 2))
        assert abs(p - min(exact, 1.0)) <= TEST.atol + TEST.rtol * exact, (beta, p, exact)


def test_pearsonr_agrees_at_a_million_samples():
    # beyond the catalog's n ≤ 30: the fraction takes ~10³ terms near r = 0
    rng = np.random.default_rng(6)
    x = rng.uniform(size=10**6)
    for y in (rng.uniform(size=10**6), x + 300 * rng.uniform(size=10**6)):
        (r, p), (r_ref, p_ref) = ms.pearsonr(x, y), rs.pearsonr(x, y)
        assert abs(r - r_ref) <= TEST.atol + TEST.rtol * abs(r_ref)
        assert abs(p - p_ref) <= TEST.atol + TEST.rtol * p_ref


@pytest.mark.parametrize("backend", BACKENDS)
def test_t_tails_closed_forms(backend):
    # df = 1 (Cauchy): P(|T| ≥ t) = (2/π)·arctan(1/t), accurate far in the tail
    for sample in ([0.0, 1.0], [0.0, 1e-6], [10.0, 10.0 + 1e-9]):
        res = backend.ttest_1samp(np.array(sample), 0.0)
        t, p = res  # SciPy's TtestResult: two fields, df an attribute
        assert res.df == 1
        assert abs(p - 2 / math.pi * math.atan(1 / abs(t))) <= TEST.rtol * p
    # df = 2: P(|T| ≥ t) = 1 − |t|/√(2 + t²) = 2 / (√(2 + t²)(√(2 + t²) + |t|))
    res = backend.ttest_1samp(np.array([1.0, 2.0, 4.0]), -30.0)
    t, p = res
    s = math.sqrt(2 + t * t)
    assert res.df == 2 and abs(p - 2 / (s * (s + abs(t)))) <= TEST.rtol * p


@pytest.mark.parametrize("backend", BACKENDS)
def test_welch_degrees_of_freedom(backend):
    a, b = np.array([1.0, 2.0, 4.0]), np.array([1.0, 5.0, 9.0, 13.0])
    v1, v2 = Fraction(7, 3) / 3, Fraction(80, 3) / 4  # s²/n of each sample
    df = (v1 + v2) ** 2 / (v1**2 / 2 + v2**2 / 3)
    assert close(backend.ttest_ind(a, b, equal_var=False).df, float(df))
    assert backend.ttest_ind(a, b).df == 5.0


@pytest.mark.parametrize("backend", BACKENDS)
def test_chi2_two_degrees_of_freedom_tail(backend):
    # dof = 2: P(χ² ≥ x) = exp(−x/2), down to ~1e-40
    for table in ([[10, 20, 30], [30, 20, 10]], [[300, 20, 5], [5, 20, 300]]):
        res = backend.chi2_contingency(np.array(table))
        assert res.dof == 2
        assert abs(res.pvalue - math.exp(-res.statistic / 2)) <= TEST.rtol * res.pvalue


@pytest.mark.parametrize("backend", BACKENDS)
def test_yates_correction_by_hand(backend):
    O = np.array([[10, 20], [30, 25]])  # N = 85; E = row·col / N
    E = np.array([[30 * 40, 30 * 45], [55 * 40, 55 * 45]]) / 85
    res = backend.chi2_contingency(O)
    corrected = np.sum((np.abs(O - E) - 0.5) ** 2 / E)
    assert close(res.statistic, corrected) and res.dof == 1
    assert np.allclose(res.expected_freq, E, rtol=1e-14, atol=0)  # row·col/N: two roundings
