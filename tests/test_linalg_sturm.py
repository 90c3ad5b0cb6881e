"""The fast paths under eigh, eigvalsh and svd (issue 17), each against a plain reference:
Sturm counts from both ends, Newton's steps, the counts of the Golub–Kahan matrix from BᵀB,
the twisted solves, and the blocked reductions written into one work array."""
import numpy as np
import pytest

from mathml.linalg import _eigh, _householder, _svd

EPS = np.finfo(np.float64).eps


def _cases():
    """Tridiagonal matrices (d, e) without zero off-diagonal entries: Wilkinson's (close
    pairs), glued blocks (tight clusters), a Golub–Kahan form of a graded bidiagonal,
    graded entries, 1-2-1, random; odd and even sizes (the twist row differs)."""
    rng = np.random.default_rng(170)
    m = 25
    yield "wilkinson", np.abs(np.arange(-m, m + 1)) / m, np.full(2 * m, 1.0 / m)
    glued = np.tile(np.abs(np.arange(-5.0, 6.0)), 4)
    yield "glued", glued, np.where(np.arange(glued.size - 1) % 11 == 10, 1e-12, 1.0)
    off = np.empty(79)
    off[0::2], off[1::2] = np.geomspace(1, 1e-12, 40), 1e-3 * rng.uniform(0.5, 1.0, 39)
    yield "golub-kahan, graded", np.zeros(80), off
    yield "graded", np.geomspace(1, 1e-15, 61), np.geomspace(0.1, 1e-16, 60)
    yield "1-2-1", np.full(64, 2.0), np.ones(63)
    yield "random, even", rng.uniform(-1, 1, 40), rng.uniform(-1, 1, 39)
    yield "random, odd", rng.uniform(-1, 1, 41), rng.uniform(-1, 1, 40)
    yield "smallest two-sided", rng.uniform(-1, 1, 16), rng.uniform(0.1, 1, 15)


CASES = [pytest.param(d, e, id=name) for name, d, e in _cases()]


def _one_sided_counts(d, e, sigma):
    """The textbook Sturm count: pivots from the top, one shift at a time, in Python."""
    counts = []
    d, e2 = d.tolist(), (e * e).tolist()
    for s in sigma.tolist():
        q = d[0] - s
        below = int(q < 0)
        for i in range(1, len(d)):
            q = d[i] - s - e2[i - 1] / (q if q != 0.0 else 1e-300)
            below += q < 0
        counts.append(below)
    return np.array(counts)


def _shifts(d, e):
    """Shifts on the eigenvalues, just beside them, and spread over Gershgorin's interval."""
    w = np.linalg.eigvalsh(np.diag(d) + np.diag(e, 1) + np.diag(e, -1))
    tnorm = np.max(np.abs(d) + np.r_[np.abs(e), 0] + np.r_[0, np.abs(e)])
    spread = np.linspace(-1.1 * tnorm, 1.1 * tnorm, 37)
    return w, np.concatenate((w, w - 1e-9 * tnorm, w + 1e-9 * tnorm, spread))


@pytest.mark.parametrize("d, e", CASES)
def test_counts_from_both_ends_are_the_sturm_counts(d, e):
    w, sigma = _shifts(d, e)
    tnorm = np.max(np.abs(w))
    got = _eigh._TwoSided(d, e).counts(sigma)
    # away from the eigenvalues (by 1e-9‖T‖, far above rounding) the count is exact
    clear = np.min(np.abs(sigma[:, None] - w[None, :]), axis=1) > 1e-10 * tnorm
    np.testing.assert_array_equal(got[clear], np.searchsorted(w, sigma[clear]))
    # and on them it is a count the one-sided recurrence can give too (±1 at most)
    assert np.all(np.abs(got - _one_sided_counts(d, e, sigma)) <= 1)
    # the dispatcher gives the same counts, whichever engine the number of shifts picks
    sturm = _eigh._Sturm(d, e)
    np.testing.assert_array_equal(sturm.counts(sigma)[clear], got[clear])


@pytest.mark.parametrize("d, e", CASES)
def test_newton_steps_from_both_ends(d, e):
    """−f/f′ of f(σ) = det(T − σI) is 1/Σ_i 1/(λ_i − σ); the counts come along."""
    w, _ = _shifts(d, e)
    tnorm = np.max(np.abs(w))
    gaps = np.diff(w)
    sigma = w[:-1] + 0.37 * gaps           # between eigenvalues, away from both
    sigma = sigma[gaps > 1e-6 * tnorm]
    want = 1.0 / np.sum(1.0 / (w[:, None] - sigma[None, :]), axis=0)
    for engine in (_eigh._TwoSided(d, e).counts_and_steps, _eigh._Sturm(d, e).counts_and_steps):
        counts, steps = engine(sigma)
        np.testing.assert_array_equal(counts, np.searchsorted(w, sigma))
        np.testing.assert_allclose(steps, want, rtol=1e-6)


def test_sturm_counts_of_a_split_matrix():
    """Zero off-diagonal entries: the one-sided recurrence restarts at each block."""
    d = np.array([3.0, 1.0, 2.0, -1.0, 0.5, 0.25] * 4)
    e = np.tile([0.5, 0.0, 0.3, 0.2, 0.0, 0.1], 4)[:-1]
    w, sigma = _shifts(d, e)
    clear = np.min(np.abs(sigma[:, None] - w[None, :]), axis=1) > 1e-10
    sturm = _eigh._Sturm(d, e)
    assert sturm.two_sided is None
    np.testing.assert_array_equal(sturm.counts(sigma)[clear], np.searchsorted(w, sigma[clear]))


@pytest.mark.parametrize("d, e", CASES)
def test_pivots_both_ways_and_the_twisted_solve(d, e):
    w, _ = _shifts(d, e)
    w = w + 1e-7 * np.max(np.abs(w))       # (no pivot exactly 0: 1-2-1 has exact eigenvalues)
    q, p = _eigh._pivots_both_ways(d, e, w)
    q, p = q.copy(), p.copy()
    np.testing.assert_array_equal(q, _eigh._sturm_pivots(d, e)(w))
    np.testing.assert_array_equal(p, _eigh._sturm_pivots(d[::-1], e[::-1])(w)[::-1])
    # z_r = 1 and the bidiagonal recurrences on each side of r, one column at a time
    rng = np.random.default_rng(1)
    r = rng.integers(0, d.size, w.size)
    Z = _eigh._twisted_solve(e, q, p, r)
    for j in range(w.size):
        z = np.zeros(d.size)
        z[r[j]] = 1.0
        for i in range(r[j] - 1, -1, -1):
            z[i] = -e[i] / q[i, j] * z[i + 1]
        for i in range(r[j] + 1, d.size):
            z[i] = -e[i - 1] / p[i, j] * z[i - 1]
        np.testing.assert_allclose(Z[:, j], z, rtol=1e-14, atol=0)


@pytest.mark.parametrize("singular_values", [
    pytest.param(np.geomspace(1, 1e-3, 60), id="geometric"),
    pytest.param(np.geomspace(1, 1e-300, 60), id="graded to 1e-300"),
    pytest.param(np.r_[np.ones(30), np.zeros(30)], id="rank-deficient"),
    pytest.param(np.r_[np.full(30, 0.5), np.full(30, 0.5 + 1e-12)], id="clustered")])
def test_counts_from_the_normal_matrix_are_right_to_their_margin(singular_values):
    """`_normal_counts`' count at σ lies between the Golub–Kahan matrix's own counts at
    σ ∓ margin, and the margin is far below the bisection's target width."""
    rng = np.random.default_rng(2)
    n = singular_values.size
    U, _ = np.linalg.qr(rng.standard_normal((n, n)))
    V, _ = np.linalg.qr(rng.standard_normal((n, n)))
    d, f, _, _ = _svd._bidiagonalize((U * singular_values) @ V.T)
    B = np.diag(d) + np.diag(f, 1)
    s = np.sort(np.linalg.svd(B, compute_uv=False))
    counts, margin, floor = _svd._normal_counts(d, f)
    assert floor == 0.0 and np.all(counts(np.array([-margin, 0.0])) <= n)  # no σ below 0
    assert margin <= 1e-6 * s[-1]
    sigma = np.concatenate((s, -s, s + 3 * margin, s - 3 * margin, np.linspace(-1.2, 1.2, 25) * s[-1]))
    got = counts(sigma)
    eigenvalues = np.sort(np.concatenate((-s, s)))
    # the Golub–Kahan matrix's count, with an allowance for the rounding of its own values
    slack = 4 * n * EPS * s[-1]
    low = np.searchsorted(eigenvalues, sigma - margin - slack, side="left")
    high = np.searchsorted(eigenvalues, sigma + margin + slack, side="right")
    assert np.all((low <= got) & (got <= high))


@pytest.mark.parametrize("x", [
    np.array([3.0, 4.0, 0.0]), np.array([-2.0, 1e-3, 5.0, -1.0]), np.array([7.0]),
    np.array([1.0, 0.0, 0.0]), np.array([1e-310, 2e-310, -3e-310]),
    np.array([-0.0, 1.0])], ids=["simple", "negative x0", "length 1", "zero tail",
                                  "subnormal (rescaled)", "x0 = -0"])
def test_householder_into_is_householder_vector(x):
    v, beta, alpha = _householder._householder_vector(x)
    out = np.full(x.size, np.nan)
    got = _householder._householder_into(x, out)
    assert got == (beta, alpha)
    np.testing.assert_array_equal(out, v)
    # in place: out may be x itself
    y = x.copy()
    assert _householder._householder_into(y, y) == (beta, alpha)
    np.testing.assert_array_equal(y, v)


@pytest.mark.parametrize("n", [1, 2, 3, 16, 17, 18, 33, 70])
def test_tridiagonalisation_reconstructs_a(n):
    """Panel boundaries (16 columns) and the smallest sizes."""
    rng = np.random.default_rng(n)
    A = rng.standard_normal((n, n))
    A = A + A.T
    d, e, V, beta = _eigh._tridiagonalize(A)
    Q = _householder._apply_reflectors(V, beta, np.eye(n))
    T = np.diag(d) + np.diag(e, 1) + np.diag(e, -1)
    scale = np.abs(A).max()
    assert np.abs(Q @ T @ Q.T - A).max() <= 10 * n * EPS * scale
    assert np.abs(Q.T @ Q - np.eye(n)).max() <= 10 * n * EPS
    np.testing.assert_allclose(np.sort(np.linalg.eigvalsh(T)), np.linalg.eigvalsh(A),
                               rtol=0, atol=10 * n * EPS * scale)


@pytest.mark.parametrize("shape", [(1, 1), (2, 1), (2, 2), (3, 2), (32, 32), (33, 33),
                                   (65, 64), (100, 31), (200, 40)])
def test_bidiagonalisation_reconstructs_a(shape):
    """Panel boundaries (32 columns), tall matrices and the smallest sizes."""
    M, N = shape
    rng = np.random.default_rng(M * N)
    A = rng.standard_normal(shape)
    d, f, (VL, betaL), (VR, betaR) = _svd._bidiagonalize(A)
    U = _householder._apply_reflectors(VL, betaL, np.eye(M))
    V = _householder._apply_reflectors(VR, betaR, np.eye(N)) if N > 2 else np.eye(N)
    B = np.zeros(shape)
    B[:N, :N] = np.diag(d) + np.diag(f, 1)
    scale = np.abs(A).max()
    assert np.abs(U @ B @ V.T - A).max() <= 10 * max(shape) * EPS * scale
    assert np.abs(U.T @ U - np.eye(M)).max() <= 10 * M * EPS


@pytest.mark.parametrize("k", [1, 2, 3, 5, 17, 32, 33])
def test_wy_factor_is_the_product_of_the_reflectors(k):
    """I − V T Vᵀ = H₀ H₁ ⋯ H_{k−1}, the product formed one reflector at a time; a β = 0
    (nothing to reflect) in the middle, and sizes that are not powers of 2."""
    rng = np.random.default_rng(k)
    m = 80
    V, beta = np.zeros((m, k)), np.zeros(k)
    R = rng.standard_normal((m, k))
    for j in range(k):
        V[j:, j], beta[j], _ = _householder._householder_vector(R[j:, j])
        R[j:, j:] -= beta[j] * np.outer(V[j:, j], V[j:, j] @ R[j:, j:])
    if k >= 5:
        beta[k // 2] = 0.0
    product = np.eye(m)
    for j in range(k):
        product = product - beta[j] * np.outer(product @ V[:, j], V[:, j])
    T = _householder._wy_factor(V, beta)
    assert np.array_equal(T, np.triu(T))
    assert np.abs(np.eye(m) - V @ T @ V.T - product).max() <= 20 * k * EPS


def test_newton_steps_one_sided_below_the_two_sided_size():
    """Fewer than `_TWO_SIDED_SIZE` rows: counts and Newton's steps from the top only."""
    rng = np.random.default_rng(12)
    d, e = rng.uniform(-1, 1, 12), rng.uniform(0.1, 1, 11)
    w = np.linalg.eigvalsh(np.diag(d) + np.diag(e, 1) + np.diag(e, -1))
    sigma = w[:-1] + 0.37 * np.diff(w)
    sturm = _eigh._Sturm(d, e)
    assert sturm.two_sided is None
    counts, steps = sturm.counts_and_steps(sigma)
    np.testing.assert_array_equal(counts, np.arange(1, 12))
    np.testing.assert_allclose(steps, 1.0 / np.sum(1.0 / (w[:, None] - sigma[None, :]), axis=0),
                               rtol=1e-9)
