"""Specifics of `mathml.metrics.pairwise` beyond the catalog: the definitions the fast
formulas must agree with, the exact zero diagonal, the kernel trick made explicit, and the
callable path's evaluation order."""
from __future__ import annotations

import numpy as np
import pytest

from mathml.metrics import pairwise as ml
from reference.compare import EPS, TOLERANCES

EXACT = TOLERANCES["exact"].rtol


def _data(seed: int, n: int = 20, m: int = 15, p: int = 4, shift: float = 0.0):
    rng = np.random.default_rng(seed)
    return rng.uniform(-2, 2, (n, p)) + shift, rng.uniform(-2, 2, (m, p)) + shift


@pytest.mark.parametrize("squared", [False, True])
def test_diagonal_of_euclidean_distances_of_X_is_exactly_zero(squared):
    """Far from the origin ‖x‖² − 2xᵀx + ‖x‖² rounds to a nonzero number; with Y omitted
    (or the same array) the diagonal is set to 0, with Y a copy it is left as computed."""
    X, _ = _data(0, shift=1e4)
    assert np.all(np.diag(ml.euclidean_distances(X, squared=squared)) == 0.0)
    assert np.all(np.diag(ml.euclidean_distances(X, X, squared=squared)) == 0.0)
    assert np.any(np.diag(ml.euclidean_distances(X, X.copy(), squared=squared)) != 0.0)


def test_euclidean_distances_are_the_definition():
    """‖x − y‖ by the expansion vs the differences summed directly: the expansion's
    absolute error in d² is a few eps·(‖x‖² + ‖y‖²) (≤ 16·p = 64 here), hence the bound."""
    X, Y = _data(1)
    D2 = ml.euclidean_distances(X, Y, squared=True)
    direct = ((X[:, None, :] - Y[None, :, :]) ** 2).sum(axis=2)
    assert np.abs(D2 - direct).max() <= 10 * EPS * 64
    np.testing.assert_array_equal(ml.euclidean_distances(X, Y), np.sqrt(D2))


def test_manhattan_distances_are_the_definition():
    X, Y = _data(2)
    np.testing.assert_allclose(ml.manhattan_distances(X, Y),
                               np.abs(X[:, None, :] - Y[None, :, :]).sum(axis=2), rtol=EXACT)


def test_rbf_kernel_is_exp_of_minus_gamma_squared_distance():
    X, Y = _data(3)
    np.testing.assert_array_equal(
        ml.rbf_kernel(X, Y, gamma=0.7),
        np.exp(-0.7 * ml.euclidean_distances(X, Y, squared=True)))
    assert np.all(np.diag(ml.rbf_kernel(X)) == 1.0)  # the zero diagonal gives exp(0)


def test_gamma_defaults_to_one_over_n_features():
    X, Y = _data(4, p=5)
    for f in (ml.rbf_kernel, ml.polynomial_kernel, ml.sigmoid_kernel):
        np.testing.assert_array_equal(f(X, Y), f(X, Y, gamma=1 / 5))


def test_polynomial_kernel_is_an_inner_product_of_monomials():
    """The kernel trick for d = 2, p = 2: (xᵀy + 1)² = φ(x)ᵀφ(y) with
    φ(x) = (x₁², x₂², √2 x₁x₂, √2 x₁, √2 x₂, 1)."""
    X, Y = _data(5, p=2)

    def phi(A):
        a, b = A[:, 0], A[:, 1]
        r = np.sqrt(2)
        return np.c_[a * a, b * b, r * a * b, r * a, r * b, np.ones(len(A))]

    K = ml.polynomial_kernel(X, Y, degree=2, gamma=1.0, coef0=1.0)
    # φ(x)ᵀφ(y) adds terms of both signs: its rounding is relative to the largest entry
    np.testing.assert_allclose(K, phi(X) @ phi(Y).T, rtol=0, atol=EXACT * np.abs(K).max())
    np.testing.assert_array_equal(ml.polynomial_kernel(X, Y, degree=1, gamma=1.0, coef0=0.0),
                                  ml.linear_kernel(X, Y))


def test_cosine_similarity_of_a_row_with_itself_and_of_a_zero_row():
    X, _ = _data(6)
    X[3] = 0.0
    S = ml.cosine_similarity(X)
    np.testing.assert_allclose(np.delete(np.diag(S), 3), 1.0, rtol=EXACT)
    assert np.all(S[3] == 0.0) and np.all(S[:, 3] == 0.0)
    D = ml.pairwise_distances(X, metric="cosine")
    assert np.all(np.diag(D) == 0.0) and D.min() >= 0.0 and D.max() <= 2.0


def test_float32_in_float32_out_and_mixed_is_float64():
    X, Y = _data(7)
    for f in (ml.euclidean_distances, ml.linear_kernel, ml.rbf_kernel, ml.cosine_similarity):
        assert f(X.astype(np.float32), Y.astype(np.float32)).dtype == np.float32
        assert f(X.astype(np.float32), Y).dtype == np.float64
    # SciPy's cdist, which scikit-learn calls for manhattan, always answers in float64
    assert ml.manhattan_distances(X.astype(np.float32)).dtype == np.float64


def test_callable_with_Y_omitted_evaluates_the_upper_triangle_and_the_diagonal():
    X, _ = _data(8, n=6)
    calls = []

    def kernel(x, y):
        calls.append((x.copy(), y.copy()))
        return float(x @ y)

    K = ml.pairwise_kernels(X, metric=kernel)
    assert len(calls) == 6 * 7 // 2
    np.testing.assert_array_equal(K, K.T)
    np.testing.assert_allclose(K, X @ X.T, rtol=EXACT)


def test_filter_params_drops_what_the_kernel_does_not_take():
    X, Y = _data(9)
    with pytest.raises(TypeError):
        ml.pairwise_kernels(X, Y, metric="rbf", gamma=0.5, degree=2)
    np.testing.assert_array_equal(
        ml.pairwise_kernels(X, Y, metric="rbf", gamma=0.5, degree=2, filter_params=True),
        ml.rbf_kernel(X, Y, gamma=0.5))


def test_sklearn_metrics_level_names_are_the_pairwise_functions():
    import mathml.metrics as metrics
    assert metrics.euclidean_distances is ml.euclidean_distances
    assert metrics.pairwise_distances is ml.pairwise_distances
    assert metrics.pairwise_kernels is ml.pairwise_kernels
    assert "euclidean_distances" not in metrics.__all__
