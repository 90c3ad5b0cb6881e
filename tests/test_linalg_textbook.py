"""The textbook algorithms that open the linalg modules (`_textbook_<name>`) against the fast
public functions that follow them: the same mathematics, so the same answers after
canonicalisation, under the catalog's tolerances; and each textbook function on its own
satisfies the defining properties of its factorisation (the catalog's invariants)."""
import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from numpy.linalg import LinAlgError

import mathml.linalg as ml
from mathml.linalg._cholesky import _textbook_cholesky
from mathml.linalg._eig import _textbook_eig
from mathml.linalg._eigh import _textbook_eigh
from mathml.linalg._lu import _textbook_lu
from mathml.linalg._qr import _textbook_qr
from mathml.linalg._svd import _textbook_svd
from reference import catalog
from reference.catalog.strategies import (conditioned, general_separated, integer_nonsingular,
                                          spd, symmetric_separated)
from reference.compare import agree, canon_eig, canon_eigh, canon_qr, canon_svd

SIZES = st.integers(1, 6)
SHAPES = st.tuples(st.integers(1, 6), st.integers(1, 6))
RECTANGULAR = SHAPES.flatmap(lambda mn: conditioned(*mn))


def _assert_agrees(agreement):
    assert agreement.ok, agreement


def _assert_invariants(name, A, result, **kwargs):
    broken = catalog.get(name).check_properties(catalog.case(A, **kwargs), result)
    assert not broken, broken


# --- agreement with the fast path ---------------------------------------------------------

@given(st.one_of(RECTANGULAR, SIZES.flatmap(integer_nonsingular).map(lambda A: A * 1.0)))
# found by Hypothesis: a wide matrix of full rank whose fourth pivot is 1.7e-9 (cancellation):
# the multipliers below it carry rounding amplified ~10⁹ times
@example(np.array([
    [4.02833389e-17, -4.47213595e-01, -4.47213595e-01, -4.47213595e-01, 4.47213595e-01, -4.47213595e-01],
    [-8.66025404e-01, 1.11803399e-01, 1.11803399e-01, 1.11803399e-01, 4.47213595e-01, 1.11803399e-01],
    [2.88675135e-01, 3.47505659e-01, 3.47505659e-01, 3.47505659e-01, 4.47213595e-01, -5.95303382e-01],
    [2.88675135e-01, -4.69634056e-01, -7.22743492e-02, 5.23765212e-01, 4.47213595e-01, 4.65356789e-01],
    [2.88675135e-01, 4.57538594e-01, 6.01788865e-02, -5.35860674e-01, 4.47213595e-01, 4.65356789e-01]]))
def test_textbook_lu_agrees_with_lu(A):
    # The catalog's LU comparison: P, L, U under 'direct', except where a pivot choice is a
    # tie up to rounding (integer matrices have exact ties), decided differently by the two
    # orders of rounding: then the LU structure, and the invariant P L U = A.
    result = _textbook_lu(A)
    _assert_agrees(catalog.get("linalg.lu").agree(result, ml.lu(A), catalog.case(A)))
    _assert_invariants("linalg.lu", A, result)


@given(SIZES.flatmap(spd))
def test_textbook_cholesky_agrees_with_cholesky(A):
    _assert_agrees(agree(_textbook_cholesky(A), ml.cholesky(A), "direct", args=(A,)))


@given(RECTANGULAR)
# found by Hypothesis: a wide matrix whose fourth pivot r₃₃ is 3.6e-13 with ‖A‖ = 1: the last
# two rows of R are fixed by the data only to ~6e-4, so only the invariants can agree
@example(np.array([
    [0.015617376188860721, 0.9995120760870791, 0.015617376188860612, 0.015617376188860612,
     0.015617376188860612, 0.0],
    [0.44695174379232433, -0.02793448398701998, 0.44695174379232416, 0.44695174379232416,
     0.44695174379232416, 0.4473882201046214],
    [0.2192446284483495, 0.0036966612284870214, 0.21924462844834858, 0.2192446284483484,
     -0.8943202039682085, 0.23658631862316196],
    [-0.29198520940594846, 0.01347624043412209, -0.2919852094059984, -0.29198520940599837,
     0.013476240434121869, 0.8624793877838233],
    [0.47574946838977494, -5.4914196168158317e-17, 0.33679633041090234, -0.8125457988006567,
     1.9516571847025174e-16, -2.0420905078633975e-14]]))
def test_textbook_qr_agrees_with_qr(A):
    # The catalog's QR comparison: 'decomposition' after `canon_qr`, except for a wide
    # matrix whose leading block is numerically singular (QR is then not unique; both
    # answers must then have R upper triangular, and the invariants below).
    result = _textbook_qr(A)
    _assert_agrees(catalog.get("linalg.qr").agree(result, ml.qr(A), catalog.case(A)))
    _assert_invariants("linalg.qr", A, result)


@given(SIZES.flatmap(symmetric_separated))
def test_textbook_eigh_agrees_with_eigh(A):
    w, V = _textbook_eigh(A)
    expected = ml.eigh(A)
    _assert_agrees(agree(w, expected.eigenvalues, "spectrum", args=(A,)))
    _assert_agrees(agree((w, V), tuple(expected), "decomposition", args=(A,), canon=canon_eigh))


@given(SIZES.flatmap(general_separated))
def test_textbook_eig_agrees_with_eigvals(A):
    _assert_agrees(agree(_textbook_eig(A), ml.eigvals(A), "spectrum", args=(A,),
                         canon=canon_eig))


@given(SHAPES.flatmap(lambda mn: conditioned(*mn, distinct=True)))
def test_textbook_svd_agrees_with_svd(A):
    U, S, Vh = _textbook_svd(A)
    expected = ml.svd(A, full_matrices=False)
    _assert_agrees(agree(S, expected.S, "spectrum", args=(A,)))
    _assert_agrees(agree((U, S, Vh), tuple(expected), "decomposition", args=(A,),
                         canon=canon_svd))


def test_textbook_qr_has_lapacks_signs():
    """The shared reflector sends a column to −sign(a_kk)‖x‖ e₁: the signs of `qr`, unflipped."""
    A = np.arange(1.0, 13.0).reshape(4, 3) + np.eye(4, 3)
    got, expected = _textbook_qr(A), ml.qr(A)
    _assert_agrees(agree(got, tuple(expected), "decomposition", args=(A,)))
    _assert_agrees(agree(got, tuple(expected), "decomposition", args=(A,), canon=canon_qr))


# --- the defining properties, at sizes beyond the catalog's ------------------------------

def _random(m, n, seed):
    return np.random.default_rng(seed).uniform(-1, 1, (m, n))


@pytest.mark.parametrize("shape", [(1, 1), (7, 7), (30, 12), (12, 30)])
def test_textbook_lu_is_an_lu_factorisation(shape):
    A = _random(*shape, seed=1)
    P, L, U = _textbook_lu(A)
    k = min(shape)
    assert L.shape == (shape[0], k) and U.shape == (k, shape[1])
    assert np.all(np.tril(U, -1) == 0) and np.all(np.triu(L, 1) == 0)
    assert np.all(np.diag(L) == 1) and np.abs(L).max() <= 1.0  # partial pivoting
    _assert_invariants("linalg.lu", A, (P, L, U))


@pytest.mark.parametrize("n", [1, 7, 30])
def test_textbook_cholesky_is_a_cholesky_factor(n):
    B = _random(n, n, seed=2)
    A = B @ B.T + n * np.eye(n)
    L = _textbook_cholesky(A)
    assert np.all(np.triu(L, 1) == 0) and np.all(np.diag(L) > 0)
    _assert_invariants("linalg.cholesky", A, L)


@pytest.mark.parametrize("A", [-np.eye(2), np.array([[1.0, 2.0], [2.0, 1.0]]), np.zeros((3, 3))],
                         ids=["negative definite", "indefinite", "zero"])
def test_textbook_cholesky_rejects_what_is_not_positive_definite(A):
    with pytest.raises(LinAlgError, match="positive definite"):
        _textbook_cholesky(A)


@pytest.mark.parametrize("shape", [(1, 1), (7, 7), (30, 12), (12, 30)])
def test_textbook_qr_is_a_qr_factorisation(shape):
    A = _random(*shape, seed=3)
    Q, R = _textbook_qr(A)
    assert np.all(np.tril(R, -1) == 0)
    _assert_invariants("linalg.qr", A, (Q, R))


@pytest.mark.parametrize("n", [1, 2, 7, 30])
def test_textbook_eigh_is_an_eigendecomposition(n):
    B = _random(n, n, seed=4)
    A = (B + B.T) / 2
    w, V = _textbook_eigh(A)
    assert np.all(np.diff(w) >= 0)
    _assert_invariants("linalg.eigh", A, (w, V))


def test_textbook_eigh_of_repeated_eigenvalues():
    Q = np.linalg.qr(_random(5, 5, seed=5))[0]
    A = (Q * [1.0, 1.0, 1.0, 2.0, 2.0]) @ Q.T
    w, V = _textbook_eigh((A + A.T) / 2)
    _assert_agrees(agree(w, np.array([1.0, 1.0, 1.0, 2.0, 2.0]), "spectrum", args=(A,)))
    _assert_invariants("linalg.eigh", A, (w, V))


@pytest.mark.parametrize("A, expected", [
    (np.array([[0.0, -1.0], [1.0, 0.0]]), np.array([-1j, 1j])),
    (np.array([[1.0, 2.0, 3.0], [0.0, 4.0, 5.0], [0.0, 0.0, 6.0]]), np.array([1.0, 4.0, 6.0])),
    (np.array([[2.0, 0.0, 0.0], [0.0, 1.0, -2.0], [0.0, 2.0, 1.0]]),
     np.array([1 - 2j, 1 + 2j, 2.0 + 0j])),
], ids=["rotation", "triangular", "a real eigenvalue and a pair"])
def test_textbook_eig_known_spectra(A, expected):
    _assert_agrees(agree(_textbook_eig(A), expected, "spectrum", args=(A,), canon=canon_eig))


@pytest.mark.parametrize("n", [3, 12, 30])
def test_textbook_eig_on_a_larger_matrix(n):
    """Eigenvalues of X diag(λ) X⁻¹ with X well conditioned: the λ, to rounding."""
    lam = np.linspace(-1.0, 1.0, n) + 0.5
    X = np.linalg.qr(_random(n, n, seed=6))[0] + 0.1 * np.eye(n)
    A = X @ np.diag(lam) @ np.linalg.inv(X)
    _assert_agrees(agree(_textbook_eig(A), ml.eigvals(A), "spectrum", args=(A,),
                         canon=canon_eig))


@pytest.mark.parametrize("shape", [(1, 1), (7, 7), (30, 12), (12, 30)])
def test_textbook_svd_is_a_singular_value_decomposition(shape):
    A = _random(*shape, seed=7)
    U, S, Vh = _textbook_svd(A)
    k = min(shape)
    assert U.shape == (shape[0], k) and S.shape == (k,) and Vh.shape == (k, shape[1])
    assert np.all(np.diff(S) <= 0) and np.all(S >= 0)
    _assert_invariants("linalg.svd", A, (U, S, Vh), full_matrices=False)
