"""Linear algebra beyond the catalog's small cases: the defining properties at larger sizes,
the conventions reproduced exactly (LU's pivots, QR's signs, eig's dtype), and the hard
inputs (repeated eigenvalues, rank deficiency, extreme scaling)."""
import numpy as np
import pytest
import scipy.linalg

import mathml.linalg as ml
import reference.linalg as rl
from reference import catalog, compare

EPS = np.finfo(float).eps
SIZES = [1, 2, 7, 40, 130]


def _random(n, m=None, seed=0, cond=1e3):
    rng = np.random.default_rng(seed)
    m = n if m is None else m
    U, _ = np.linalg.qr(rng.uniform(-1, 1, (n, n)))
    V, _ = np.linalg.qr(rng.uniform(-1, 1, (m, m)))
    k = min(n, m)
    return (U[:, :k] * np.geomspace(1, 1 / cond, k)) @ V[:, :k].T


def _assert_invariants(name, case, result):
    broken = catalog.get(name).check_properties(case, result)
    assert not broken, broken


@pytest.mark.parametrize("n", SIZES)
def test_lu_pivots_exactly_as_scipy(n):
    A = np.random.default_rng(n).uniform(-1, 1, (n, n))
    P, L, U = ml.lu(A)
    P_ref, L_ref, U_ref = scipy.linalg.lu(A)
    np.testing.assert_array_equal(P, P_ref)
    np.testing.assert_allclose(L, L_ref, rtol=0, atol=1e-12 * n)
    np.testing.assert_allclose(U, U_ref, rtol=0, atol=1e-12 * n)


@pytest.mark.parametrize("shape", [(130, 40), (40, 130), (1, 5), (5, 1)])
def test_lu_rectangular(shape):
    A = np.random.default_rng(1).uniform(-1, 1, shape)
    P, L, U = ml.lu(A)
    k = min(shape)
    assert L.shape == (shape[0], k) and U.shape == (k, shape[1])
    np.testing.assert_array_equal(P, scipy.linalg.lu(A)[0])
    _assert_invariants("linalg.lu", catalog.case(A), (P, L, U))


@pytest.mark.parametrize("n", SIZES)
def test_inverse_and_solve_are_backward_stable(n):
    A = _random(n, seed=n)
    _assert_invariants("linalg.inv", catalog.case(A), ml.inv(A))
    b = np.random.default_rng(n).uniform(size=(n, 3))
    _assert_invariants("linalg.solve", catalog.case(A, b), ml.solve(A, b))


def test_inverse_of_an_ill_conditioned_matrix():
    """Hilbert(10), cond ≈ 1.6e13: the answer is inaccurate in both backends, but the
    backward error stays at the level of eps, the best a stable method promises."""
    H = scipy.linalg.hilbert(10)
    X = ml.inv(H)
    assert np.linalg.norm(H @ X - np.eye(10), 2) < 1e3 * EPS * np.linalg.cond(H)
    x = ml.solve(H, np.ones(10))
    assert np.linalg.norm(H @ x - 1) <= 10 * EPS * (np.linalg.norm(H, 2) * np.linalg.norm(x) + 1)


@pytest.mark.parametrize("n", SIZES)
def test_det_and_slogdet(n):
    A = _random(n, seed=n)
    assert ml.det(A) == pytest.approx(np.linalg.det(A), rel=1e-11)
    sign, logabs = ml.slogdet(A * 1e100)  # det overflows; its logarithm does not
    ref_sign, ref_logabs = np.linalg.slogdet(A * 1e100)
    assert sign == ref_sign and logabs == pytest.approx(ref_logabs, rel=1e-13)


@pytest.mark.parametrize("n", SIZES)
def test_cholesky_at_size(n):
    B = _random(n, seed=n)
    A = B @ B.T + n * np.eye(n)
    _assert_invariants("linalg.cholesky", catalog.case(A), ml.cholesky(A))
    np.testing.assert_allclose(ml.cholesky(A), np.linalg.cholesky(A), rtol=0, atol=1e-12 * n)


@pytest.mark.parametrize("shape", [(1, 1), (7, 7), (40, 40), (130, 40), (40, 130), (200, 200)])
def test_qr_reproduces_lapack_signs(shape):
    """Householder with LAPACK's sign rule gives numpy's Q and R, not only up to signs."""
    A = np.random.default_rng(2).uniform(-1, 1, shape)
    for mode in ("reduced", "complete"):
        Q, R = ml.qr(A, mode=mode)
        Q_ref, R_ref = np.linalg.qr(A, mode=mode)
        np.testing.assert_allclose(Q, Q_ref, rtol=0, atol=1e-12)
        np.testing.assert_allclose(R, R_ref, rtol=0, atol=1e-12 * max(shape))
        _assert_invariants("linalg.qr", catalog.case(A, mode=mode), (Q, R))


@pytest.mark.parametrize("n", SIZES)
def test_eigh_at_size(n):
    A = np.random.default_rng(n).uniform(-1, 1, (n, n))
    A = (A + A.T) / 2
    w, V = ml.eigh(A)
    np.testing.assert_allclose(w, np.linalg.eigvalsh(A), rtol=0, atol=1e-13 * n)
    np.testing.assert_allclose(ml.eigvalsh(A), w, rtol=0, atol=1e-13 * n)
    _assert_invariants("linalg.eigh", catalog.case(A), (w, V))


@pytest.mark.parametrize("A", [np.eye(5), np.diag([2.0, 2.0, 1.0, 2.0]), np.ones((6, 6)),
                               np.kron(np.eye(3), [[2.0, 1.0], [1.0, 2.0]])],
                         ids=["identity", "repeated diagonal", "rank one", "blocks"])
def test_eigh_repeated_eigenvalues_give_an_orthonormal_basis(A):
    w, V = ml.eigh(A)
    np.testing.assert_allclose(w, np.linalg.eigvalsh(A), atol=1e-13)
    _assert_invariants("linalg.eigh", catalog.case(A), (w, V))


def test_eigh_reads_one_triangle():
    A = np.array([[2.0, 100.0], [1.0, 2.0]])  # the upper triangle is ignored with UPLO='L'
    np.testing.assert_allclose(ml.eigvalsh(A), np.linalg.eigvalsh(A), atol=1e-14)
    np.testing.assert_allclose(ml.eigvalsh(A, UPLO="U"), np.linalg.eigvalsh(A, UPLO="U"),
                               atol=1e-13)


@pytest.mark.parametrize("shape", [(1, 1), (7, 7), (40, 40), (130, 40), (40, 130)])
def test_svd_at_size(shape):
    A = np.random.default_rng(3).uniform(-1, 1, shape)
    for full in (True, False):
        U, S, Vh = ml.svd(A, full_matrices=full)
        np.testing.assert_allclose(S, np.linalg.svd(A, compute_uv=False), rtol=0, atol=1e-13 * max(shape))
        _assert_invariants("linalg.svd", catalog.case(A), (U, S, Vh))


def test_svd_of_a_rank_deficient_matrix_completes_the_bases():
    A = np.outer([1.0, 2.0, 3.0, 4.0], [1.0, -1.0, 2.0])
    U, S, Vh = ml.svd(A)
    np.testing.assert_allclose(S, [np.linalg.norm(A), 0, 0], atol=1e-13)
    _assert_invariants("linalg.svd", catalog.case(A), (U, S, Vh))


@pytest.mark.parametrize("n", [1, 2, 7, 40, 100])
def test_eig_at_size(n):
    A = np.random.default_rng(n).uniform(-1, 1, (n, n))
    w, V = ml.eig(A)
    ref = np.linalg.eigvals(A)
    assert w.dtype == ref.dtype  # real when every eigenvalue is real, as NumPy
    np.testing.assert_allclose(np.sort_complex(w), np.sort_complex(ref), rtol=0, atol=1e-10)
    _assert_invariants("linalg.eig", catalog.case(A), (w, V))


@pytest.mark.parametrize("A, kind", [(np.array([[0.0, -1.0], [1.0, 0.0]]), np.complex128),
                                     (np.array([[2.0, 1.0], [1.0, 2.0]]), np.float64),
                                     (np.triu(np.ones((4, 4))), np.float64)])
def test_eig_dtype_follows_the_spectrum(A, kind):
    w, V = ml.eig(A)
    assert w.dtype == kind and V.dtype == kind
    assert ml.eigvals(A).dtype == kind


def test_eig_conjugate_pairs_are_adjacent_positive_imaginary_first():
    w = ml.eigvals(np.array([[0.0, -2.0, 0.0], [2.0, 0.0, 0.0], [0.0, 0.0, 1.0]]))
    pair = np.flatnonzero(w.imag != 0)
    assert len(pair) == 2 and pair[1] == pair[0] + 1
    assert w[pair[0]].imag > 0 and w[pair[1]] == np.conj(w[pair[0]])


def _orthogonal(n, seed):
    return np.linalg.qr(np.random.default_rng(seed).standard_normal((n, n)))[0]


def _farthest_eigenvalue(w, ref):
    """The largest distance from an eigenvalue of one list to the nearest of the other
    (both ways): an order-free comparison that repeated eigenvalues cannot confuse."""
    d = np.abs(np.asarray(w)[:, None] - np.asarray(ref)[None, :])
    return max(d.min(axis=0).max(), d.min(axis=1).max())


def _block_rotations(n):
    R = np.zeros((n, n))
    for j in range(0, n, 2):
        R[j:j + 2, j:j + 2] = [[1.0, 2.0], [-2.0, 1.0]] if j % 4 == 0 else 0.5 * np.eye(2)
    return R


_SYMMETRIC = np.random.default_rng(16).standard_normal((150, 150))
_SYMMETRIC = _SYMMETRIC + _SYMMETRIC.T
_JORDAN = (np.diag(np.repeat(np.arange(1.0, 61.0), 2))
           + np.diag(np.tile([1.0, 0.0], 60)[:-1], 1))
# Orders above 100 take the multishift iteration with early deflation (windowed sweeps).
LARGE_EIG = {
    "uniform, n=101": (np.random.default_rng(11).uniform(-1, 1, (101, 101)), 1e-12),
    "uniform, n=257": (np.random.default_rng(12).uniform(-1, 1, (257, 257)), 1e-12),
    "normal, n=400": (np.random.default_rng(13).standard_normal((400, 400)), 1e-11),
    "nonnegative, n=200": (np.random.default_rng(14).uniform(0, 1, (200, 200)), 1e-12),
    "integers, n=200": (np.random.default_rng(15).integers(-5, 6, (200, 200)), 1e-11),
    "symmetric, n=150": (_SYMMETRIC, 1e-11),
    # repeated complex pairs (a normal matrix: well conditioned)
    "repeated pairs, n=150": (_orthogonal(150, 1) @ _block_rotations(150) @ _orthogonal(150, 1).T,
                              1e-12),
    "huge scale, n=130": (np.random.default_rng(2).uniform(-1, 1, (130, 130)) * 1e300, 1e-12),
    "tiny scale, n=130": (np.random.default_rng(3).uniform(-1, 1, (130, 130)) * 1e-300, 1e-12),
    # the QR iteration's classic stall: needs exceptional shifts
    "cyclic permutation, n=120": (np.roll(np.eye(120), 1, axis=0), 1e-12),
    "triangular, n=140": (np.triu(np.random.default_rng(4).uniform(-1, 1, (140, 140))), 0.0),
    "zero, n=110": (np.zeros((110, 110)), 0.0),
    "Hessenberg, n=160": (np.triu(np.random.default_rng(6).uniform(-1, 1, (160, 160)), -1),
                          1e-10),
    # Jordan blocks of order 2: the eigenvalues move by about √(ε‖A‖) (Golub & Van Loan
    # §7.2), so only about half the digits are determined.
    "defective, n=120": (_orthogonal(120, 5) @ _JORDAN @ _orthogonal(120, 5).T, 1e-6),
}


@pytest.mark.parametrize("name", list(LARGE_EIG))
def test_eig_and_eigvals_of_large_and_hard_matrices(name):
    """The multishift path (order > 100): every eigenvalue within `tol`·max(1, |λ|max) of
    NumPy's, eigvals equal to eig's eigenvalues in value and dtype, and the eigenvectors'
    invariants (A V = V Λ, unit norms)."""
    A, tol = LARGE_EIG[name]
    ref = np.linalg.eigvals(A)
    w = ml.eigvals(A)
    wv, V = ml.eig(A)
    assert w.dtype == wv.dtype == ref.dtype
    largest = np.abs(ref).max()
    scale = largest if 0.0 < largest < 1e-100 else max(largest, 1.0)  # tiny scale: relative
    assert _farthest_eigenvalue(w, ref) <= tol * scale
    assert _farthest_eigenvalue(wv, ref) <= tol * scale
    _assert_invariants("linalg.eig", catalog.case(A), (wv, V))


def test_lstsq_matches_numpy_conventions():
    A = np.random.default_rng(4).uniform(size=(10, 3))
    b = np.random.default_rng(5).uniform(size=10)
    x, res, rank, s = ml.lstsq(A, b)
    x_ref, res_ref, rank_ref, s_ref = np.linalg.lstsq(A, b)
    np.testing.assert_allclose(x, x_ref, rtol=1e-12)
    assert res.shape == res_ref.shape and rank == rank_ref
    np.testing.assert_allclose(res, res_ref, rtol=1e-10)
    np.testing.assert_allclose(s, s_ref, rtol=1e-13)


def test_matmul_keeps_integers_and_transpose_is_a_view():
    C = ml.matmul(np.arange(6).reshape(2, 3), np.arange(6).reshape(3, 2))
    assert C.dtype == np.int64 and C.tolist() == [[10, 13], [28, 40]]
    A = np.arange(6.0).reshape(2, 3)
    T = ml.transpose(A)
    assert np.shares_memory(T, A) and T[2, 1] == A[1, 2]


@pytest.mark.parametrize("n", [0, 1, 2, 3, 10, -1, -3])
def test_matrix_power(n):
    A = np.array([[1.0, 2.0], [3.0, 4.0]])
    np.testing.assert_allclose(ml.matrix_power(A, n), np.linalg.matrix_power(A, n), rtol=1e-12)


# --- NumPy's dtype rule, and its refusals, for every function (issue 16) -----------------

SPD2 = np.array([[4.0, 1.0], [1.0, 3.0]])
CALLS = {  # every public function on a 2×2 matrix of the dtype under test
    "add": lambda A: (A, A), "scale": lambda A: (2.0, A), "dot": lambda A: (A, A),
    "outer": lambda A: (A[0], A[1]), "matmul": lambda A: (A, A), "transpose": lambda A: (A,),
    "trace": lambda A: (A,), "matrix_power": lambda A: (A, 3), "det": lambda A: (A,),
    "slogdet": lambda A: (A,), "inv": lambda A: (A,), "solve": lambda A: (A, A[:, 0]),
    "lu": lambda A: (A,), "cholesky": lambda A: (A,), "qr": lambda A: (A,),
    "eigh": lambda A: (A,), "eigvalsh": lambda A: (A,), "eig": lambda A: (A,),
    "eigvals": lambda A: (A,), "svd": lambda A: (A,), "pinv": lambda A: (A,),
    "lstsq": lambda A: (A, A[:, 0]), "matrix_rank": lambda A: (A,), "cond": lambda A: (A,),
    "norm": lambda A: (A,),
}
MORE = {"matrix_power, negative": ("matrix_power", lambda A: (A, -2)),
        "norm, spectral": ("norm", lambda A: (A, 2)), "norm, nuclear": ("norm", lambda A: (A, "nuc")),
        "cond, p=1": ("cond", lambda A: (A, 1)), "qr, r": ("qr", lambda A: (A, "r")),
        "svd, values": ("svd", lambda A: (A, True, False)),
        "solve, float64 b": ("solve", lambda A: (A, np.ones(2))),
        "lstsq, float64 b": ("lstsq", lambda A: (A, np.ones(2)))}
DTYPES = [np.float32, np.float64, np.int64, np.int32, np.int16, np.uint8, np.bool_, np.float16,
          np.longdouble]


def _outcome(func, args):
    """The dtypes of every array of the answer, or the class of the exception."""
    try:
        result = func(*args)
    except Exception as exc:
        return type(exc).__name__
    leaves = result if isinstance(result, tuple) else (result,)
    return tuple(np.asarray(x).dtype for x in leaves)


def test_every_public_function_is_swept():
    assert set(CALLS) == set(ml.__all__)


@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("name", [*CALLS, *MORE])
def test_dtype_of_the_answer_or_the_refusal_is_the_references(name, dtype):
    """float32 in, float32 out; integers and booleans float64 (SciPy's lu: float32 for the
    small ones); float16 and long double refused with TypeError where NumPy refuses them."""
    function, make_args = MORE.get(name, (name, CALLS.get(name)))
    args = make_args(SPD2.astype(dtype))
    assert _outcome(getattr(ml, function), args) == _outcome(getattr(rl, function), args)


def test_the_issues_reproducers():
    assert ml.inv(np.eye(2, dtype=np.float32)).dtype == np.float32
    with pytest.raises(TypeError, match="array type float16 is unsupported in linalg"):
        ml.inv(np.eye(2, dtype=np.float16))
    with pytest.raises(np.linalg.LinAlgError, match=r"Incompatible dimensions.*\(4, 2\).*\(5,\)"):
        ml.lstsq(np.ones((4, 2)), np.ones(5))


def test_float32_answers_are_the_float64_answers_rounded():
    """mathml computes in float64 and rounds once: the float32 answer is the rounding of
    the float64 one, entry by entry (NumPy does the same: LAPACK in double, then a cast)."""
    A = _random(5, seed=3).astype(np.float32)
    S = A @ A.T + np.eye(5, dtype=np.float32)
    for func, M in ((ml.inv, A), (ml.pinv, A), (ml.cholesky, S), (ml.eigvalsh, S)):
        np.testing.assert_array_equal(func(M), func(M.astype(np.float64)).astype(np.float32))


@pytest.mark.parametrize("strategy", ["exact", "lu", "qr", "eigh", "eig", "svd", "lstsq"])
def test_a_float32_case_fails_when_the_dtype_differs(strategy):
    """The '(dtype)' strategies compare dtypes exactly: equal values in float64 where the
    reference answers in float32 do not pass (the generic comparison checks only kinds)."""
    concept = {"exact": "linalg.inv", "lu": "linalg.lu", "qr": "linalg.qr", "eigh": "linalg.eigh",
               "eig": "linalg.eig", "svd": "linalg.svd", "lstsq": "linalg.lstsq"}[strategy]
    c = catalog.get(concept)
    case = next(k for k in c.cases if k.comparison == f"{strategy} (dtype)"
                and "float32" in k.label and "float64" not in k.label)
    expected = c.apply(c.reference, case)
    assert c.agree(c.apply(c.mathml, case), expected, case).ok
    leaves = expected if isinstance(expected, tuple) else (expected,)
    assert any(np.asarray(x).dtype == np.float32 for x in leaves)
    widened = tuple(np.asarray(x).astype(np.float64) if np.asarray(x).dtype == np.float32 else x
                    for x in leaves)
    widened = widened if isinstance(expected, tuple) else widened[0]
    verdict = compare.STRATEGIES[f"{strategy} (dtype)"].compare(
        widened, expected, case, compare.TOLERANCES[c.tolerance_of(case)], c)
    assert not verdict.ok and "dtype float64 where the reference has float32" in verdict.detail
    assert verdict.kinds_only  # the values agree: a learner's checker notes it, tests fail


EDGES = {"0×0": np.zeros((0, 0)), "0×2": np.zeros((0, 2)), "2×0": np.zeros((2, 0)),
         "1×1": np.ones((1, 1)), "0-d": np.array(0.0), "vector": np.array([0.0, 1.0])}


@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.int64], ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("shape", list(EDGES))
@pytest.mark.parametrize("name", [n for n in CALLS if n not in ("solve", "lstsq", "outer")])
def test_edge_shapes_give_the_references_dtype_or_refusal(name, shape, dtype):
    """Empty, 1×1, 0-d and 1-D inputs (SciPy's lu has a path of its own for 1×1, NumPy's
    matrix_rank for vectors and scalars): the same dtypes, or the same exception class."""
    args = CALLS[name](np.atleast_2d(EDGES[shape]).astype(dtype))
    if shape in ("0-d", "vector"):
        args = (EDGES[shape].astype(dtype),) + args[1:]
    assert _outcome(getattr(ml, name), args) == _outcome(getattr(rl, name), args)


@pytest.mark.parametrize("shapes", [((0, 0), (0, 0)), ((2, 0), (0, 3)), ((0,), (0,)),
                                    ((2, 0), (0,)), ((0, 2), (2, 0))])
def test_products_with_nothing_to_sum_are_numpys(shapes):
    """K = 0 (or no rows): dot and matmul give NumPy's zeros of the right shape (dot's
    reshape could not infer a −1 next to a 0)."""
    a, b = np.zeros(shapes[0]), np.zeros(shapes[1])
    for mine, ref in ((ml.dot, np.dot), (ml.matmul, np.matmul)):
        got, want = mine(a, b), ref(a, b)
        assert np.shape(got) == np.shape(want) and np.asarray(got).dtype == np.asarray(want).dtype
        np.testing.assert_array_equal(got, want)


# --- divide and conquer (the eigenvectors of large tridiagonal matrices, issue 17) --------

def _tridiagonal_cases():
    """Hard tridiagonal matrices (d, e): Wilkinson's (pairs of close eigenvalues), glued
    Wilkinson blocks (tight clusters), the zero-diagonal Golub–Kahan form of a bidiagonal
    with repeated and zero singular values, graded entries, decoupled blocks, 1-2-1."""
    rng = np.random.default_rng(17)
    m = 50
    yield "wilkinson", np.abs(np.arange(-m, m + 1)) / m, np.full(2 * m, 1.0 / m)
    glued = np.tile(np.abs(np.arange(-10.0, 11.0)), 6)
    yield "glued", glued, np.where(np.arange(glued.size - 1) % 21 == 20, 1e-14, 1.0)
    off = np.ones(79)
    off[1::2] = 1e-15 * rng.standard_normal(39)
    off[0::2][:10] = 0.0
    yield "golub-kahan, repeated and zero", np.zeros(80), off
    yield "graded", np.geomspace(1, 1e-15, 90), np.geomspace(0.1, 1e-16, 89)
    yield "blocks", np.repeat([1.0, 2.0, 3.0], 30), np.where(np.arange(89) % 30 == 29, 0.0, 1e-9)
    yield "1-2-1", np.full(100, 2.0), np.ones(99)
    yield "random", rng.uniform(-1, 1, 77), rng.uniform(-1, 1, 76)
    yield "one", np.array([3.0]), np.zeros(0)


@pytest.mark.parametrize("d, e", [pytest.param(d, e, id=name) for name, d, e in _tridiagonal_cases()])
def test_divide_and_conquer_is_accurate_and_orthogonal(d, e):
    from mathml.linalg._eigh import _divide_and_conquer
    n = d.size
    scale = 0.5 / max(np.abs(d).max() + 2 * np.abs(e).max(initial=0.0), 1e-300)
    d, e = d * scale, e * scale
    w, Z = _divide_and_conquer(d, e)
    T = np.diag(d) + np.diag(e, 1) + np.diag(e, -1)
    np.testing.assert_allclose(w, np.linalg.eigvalsh(T), rtol=0, atol=10 * n * EPS)
    assert np.abs(T @ Z - Z * w).max() <= 10 * n * EPS
    assert np.abs(Z.T @ Z - np.eye(n)).max() <= 10 * n * EPS


def _symmetric_with_repeats(n, seed=6):
    """Eigenvalues each repeated ten times, in a random basis."""
    rng = np.random.default_rng(seed)
    Q, _ = np.linalg.qr(rng.standard_normal((n, n)))
    return (Q * np.repeat(rng.standard_normal(n // 10 + 1), 10)[:n]) @ Q.T


@pytest.mark.parametrize("A", [
    pytest.param(_random(520, seed=5), id="eigh, n=520"),
    pytest.param(np.kron(np.eye(80), [[2.0, 1.0], [1.0, 2.0]]), id="eigh, blocks, n=160"),
    pytest.param(_symmetric_with_repeats(160), id="eigh, repeated, n=160")])
def test_eigh_by_divide_and_conquer(A):
    """Sizes and structures for which `eigh` takes T's eigenvectors from divide and conquer."""
    A = (A + A.T) / 2
    w, V = ml.eigh(A)
    np.testing.assert_allclose(w, np.linalg.eigvalsh(A), rtol=0, atol=1e-13 * A.shape[0])
    _assert_invariants("linalg.eigh", catalog.case(A), (w, V))


@pytest.mark.parametrize("shape", [(300, 300), (60, 40)])
def test_svd_by_divide_and_conquer(shape):
    """`svd` of a matrix with a singular value near 0 (σ and −σ in one cluster of the
    Golub–Kahan matrix): divide and conquer."""
    A = _random(*shape, seed=5, cond=1e6)
    U, S, Vh = ml.svd(A)
    np.testing.assert_allclose(S, np.linalg.svd(A, compute_uv=False), rtol=0, atol=1e-13 * max(shape))
    _assert_invariants("linalg.svd", catalog.case(A), (U, S, Vh))


@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.float16])
def test_norm_of_a_whole_array_at_the_edges(dtype):
    """The Euclidean and Frobenius norms of whole arrays (√(x·x), without rescaling, as
    NumPy): overflow to inf, underflow to 0, inf and NaN entries, empty, non-contiguous
    and 3-D input, keepdims; the dtype kept, the value NumPy's to a few ulps."""
    big, small = np.finfo(dtype).max / 4, np.finfo(dtype).tiny
    rng = np.random.default_rng(17)
    arrays = [np.array([big, big]), np.array([small, small]), np.array([np.inf, 1.0]),
              np.array([-np.inf, 1.0]), np.array([np.nan, np.inf]), np.zeros(0),
              np.zeros((0, 3)), rng.normal(size=(40, 30))[:, ::3],
              rng.normal(size=(3, 4, 5)), rng.normal(size=1000)]
    with np.errstate(over="ignore", under="ignore"):
        for x in arrays:
            x = x.astype(dtype)
            ords = [None] + ([2] if x.ndim == 1 else ["fro", "f"] if x.ndim == 2 else [])
            for ord in ords:
                for keepdims in (False, True):
                    got = ml.norm(x, ord, keepdims=keepdims)
                    expected = np.linalg.norm(x, ord, keepdims=keepdims)
                    assert np.shape(got) == np.shape(expected)
                    assert np.asarray(got).dtype == np.asarray(expected).dtype
                    np.testing.assert_allclose(got, expected, rtol=8 * np.finfo(dtype).eps)
