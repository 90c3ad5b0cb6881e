"""The feed-forward layers of `mathml.nn` beyond the catalog: the fast convolution equals its
textbook loops, every backward pass equals finite differences of its forward pass
(``scipy.differentiate.jacobian``), the layers as autodiff operations (a small conv net's
gradient, reused nodes, backward twice), and the conventions (ties, padding, dropout)."""
import numpy as np
import pytest
from scipy.differentiate import jacobian

from mathml import autodiff as ad
from mathml import nn
from mathml.nn._layers import _textbook_conv2d
from reference import nn as ref
from reference.compare import TOLERANCES

RNG = np.random.default_rng(13)
# scipy.differentiate stops each entry once two Richardson estimates agree to √eps
FD = TOLERANCES["finite_difference"].rtol


def vjp_by_differences(f, x, dy, **kwargs):
    """ȳᵀ J with J = ∂f/∂x from scipy.differentiate.jacobian (f vectorised by a loop)."""
    def flat(v):  # v: (x.size, ...) -> (y.size, ...), one call of f per trailing index
        columns = v.reshape(v.shape[0], -1)
        out = np.stack([np.ravel(f(columns[:, i].reshape(x.shape)))
                        for i in range(columns.shape[1])], axis=-1)
        return out.reshape(out.shape[0], *v.shape[1:])
    J = jacobian(flat, np.ravel(x), **kwargs).df
    return (np.ravel(dy) @ J).reshape(x.shape)


def assert_close(got, expected, rtol):
    """Normwise: |got − expected| ≤ rtol·max|expected| (finite differences err normwise)."""
    np.testing.assert_allclose(got, expected, rtol=0, atol=rtol * np.abs(expected).max())


@pytest.mark.parametrize("stride", [1, 2, 3])
def test_conv2d_is_the_textbook_loop(stride):
    x, w, b = RNG.standard_normal((2, 3, 7, 6)), RNG.standard_normal((4, 3, 3, 2)), \
        RNG.standard_normal(4)
    # 'products': the same K = 18 products summed in BLAS's order and the loop's
    assert_close(nn.conv2d(x, w, b, stride=stride), _textbook_conv2d(x, w, b, stride),
                 TOLERANCES["products"].rtol)


@pytest.mark.parametrize("stride, padding", [(1, "valid"), (2, 1), (1, "same"), (3, 2)])
def test_conv2d_backward_is_the_derivative(stride, padding):
    x, w, b = RNG.standard_normal((2, 2, 4, 5)), RNG.standard_normal((2, 2, 2, 3)), \
        RNG.standard_normal(2)
    y = nn.conv2d(x, w, b, stride=stride, padding=padding)
    dy = RNG.standard_normal(y.shape)
    dx, dw, db = nn.conv2d_backward(dy, x, w, b, stride=stride, padding=padding)
    kw = dict(stride=stride, padding=padding)
    assert_close(dx, vjp_by_differences(lambda v: nn.conv2d(v, w, b, **kw), x, dy), FD)
    assert_close(dw, vjp_by_differences(lambda v: nn.conv2d(x, v, b, **kw), w, dy), FD)
    assert_close(db, vjp_by_differences(lambda v: nn.conv2d(x, w, v, **kw), b, dy), FD)


def test_linear_backward_is_the_derivative():
    x, W, b = RNG.standard_normal((3, 4)), RNG.standard_normal((4, 2)), RNG.standard_normal(2)
    dy = RNG.standard_normal((3, 2))
    dx, dW, db = nn.linear_backward(dy, x, W, b)
    assert_close(dx, vjp_by_differences(lambda v: nn.linear(v, W, b), x, dy), FD)
    assert_close(dW, vjp_by_differences(lambda v: nn.linear(x, v, b), W, dy), FD)
    assert_close(db, vjp_by_differences(lambda v: nn.linear(x, W, v), b, dy), FD)


@pytest.mark.parametrize("pool", [nn.max_pool2d, nn.avg_pool2d])
@pytest.mark.parametrize("size, stride", [(2, None), (3, 1), (2, 3)])
def test_pooling_backward_is_the_derivative(pool, size, stride):
    # distinct values 0.1 apart and steps below that: the maxima do not change under the
    # differences, where the function is linear
    x = RNG.permutation(2 * 2 * 6 * 7).reshape(2, 2, 6, 7) / 10.0
    y = pool(x, size, stride=stride)
    dy = RNG.standard_normal(y.shape)
    backward = nn.max_pool2d_backward if pool is nn.max_pool2d else nn.avg_pool2d_backward
    expected = vjp_by_differences(lambda v: pool(v, size, stride=stride), x, dy,
                                  initial_step=1e-3)
    assert_close(backward(dy, x, size, stride=stride), expected, FD)


@pytest.mark.parametrize("layer, x", [
    (nn.relu, RNG.standard_normal(7)), (nn.tanh, 3 * RNG.standard_normal((2, 3))),
    (nn.sigmoid, 5 * RNG.standard_normal(6)), (nn.softmax, 3 * RNG.standard_normal((2, 4))),
    (nn.log_softmax, 3 * RNG.standard_normal((3, 4))), (nn.flatten, RNG.standard_normal((2, 2, 3))),
])
def test_activation_backward_is_the_derivative(layer, x):
    dy = RNG.standard_normal(np.shape(layer(x)))
    backward = getattr(nn, f"{layer.__name__}_backward")
    assert_close(backward(dy, x), vjp_by_differences(layer, x, dy), FD)


def test_losses_backward_are_the_derivatives():
    z, t = 2 * RNG.standard_normal((5, 3)), np.array([0, 2, 1, 1, 0])
    assert_close(nn.softmax_cross_entropy_backward(1.5, z, t),
                 vjp_by_differences(lambda v: nn.softmax_cross_entropy(v, t), z, 1.5), FD)
    p, y = RNG.uniform(0.1, 0.9, 6), np.array([1.0, 0.0, 0.3, 1.0, 0.0, 0.5])
    assert_close(nn.binary_cross_entropy_backward(1.0, p, y),
                 vjp_by_differences(lambda v: nn.binary_cross_entropy(v, y), p, 1.0,
                                    initial_step=0.01), FD)


def test_tanh_backward_keeps_relative_accuracy_in_the_tails():
    x = np.array([-30.0, 10.0, 19.0, 40.0])
    # sech²x = 1/cosh²x, cosh accurate to an ulp (no overflow below |x| ≈ 355); 1 − tanh²x
    # would give 0 from |x| ≈ 19 on
    np.testing.assert_allclose(nn.tanh_backward(np.ones(4), x), 1 / np.cosh(x) ** 2,
                               rtol=TOLERANCES["exact"].rtol)


# --- the layers as autodiff operations ---------------------------------------------------------------

def small_cnn(x, labels):
    """conv(3×3, 'same') → relu → max-pool → conv(2×2) → tanh → flatten → dense →
    softmax cross-entropy: a scalar function of the weights."""
    def loss(w1, b1, w2, W3):
        h = nn.max_pool2d(nn.relu(nn.conv2d(x, w1, b1, padding="same")), 2)
        h = nn.tanh(nn.conv2d(h, w2, stride=1))
        return nn.softmax_cross_entropy(nn.linear(nn.flatten(h), W3), labels)
    return loss


def test_autodiff_grad_of_a_small_conv_net_is_the_derivative():
    x, labels = RNG.standard_normal((3, 2, 6, 6)), np.array([0, 2, 1])
    params = (RNG.standard_normal((4, 2, 3, 3)), RNG.standard_normal(4),
              RNG.standard_normal((3, 4, 2, 2)) / 2, RNG.standard_normal((12, 3)) / 3)
    loss = small_cnn(x, labels)
    grads = ad.grad(loss, argnums=(0, 1, 2, 3))(*params)
    for k, (p, g) in enumerate(zip(params, grads)):
        def along(v, k=k):
            return np.asarray(loss(*params[:k], v, *params[k + 1:]))
        assert g.shape == p.shape
        assert_close(g, vjp_by_differences(along, p, 1.0, initial_step=1e-3), FD)


def test_autodiff_reused_layer_and_backward_twice():
    """A weight used by two layers gets both contributions; backward twice adds twice."""
    x, w = RNG.standard_normal((1, 1, 4, 4)), ad.Tensor(RNG.standard_normal((1, 1, 2, 2)))
    y = nn.conv2d(x, w)
    loss = ad.sum(nn.relu(y)) + ad.sum(y * y)
    loss.backward()
    once = w.grad.copy()
    yv = nn.conv2d(x, w.value)
    dy = (yv > 0) + 2 * yv
    np.testing.assert_allclose(once, nn.conv2d_backward(dy, x, w.value)[1],
                               rtol=TOLERANCES["exact"].rtol)
    loss.backward()
    np.testing.assert_allclose(w.grad, 2 * once, rtol=TOLERANCES["exact"].rtol)


def test_autodiff_dropout_keeps_its_mask():
    """With a RandomState the mask is drawn once: the gradient is the forward's mask/(1−r)."""
    x = ad.Tensor(np.ones((3, 4)))
    y = nn.dropout(x, 0.5, random_state=np.random.RandomState(0))
    ad.sum(y).backward()
    np.testing.assert_array_equal(x.grad, y.value)


# --- conventions -----------------------------------------------------------------------------------

def test_max_pool_tie_goes_to_the_first_maximum():
    x = np.array([[[[1.0, 1.0], [1.0, 1.0]]]])
    np.testing.assert_array_equal(nn.max_pool2d_backward(np.array([[[[5.0]]]]), x),
                                  [[[[5.0, 0.0], [0.0, 0.0]]]])


@pytest.mark.parametrize("kernel", [(1, 1), (2, 2), (3, 3), (2, 3), (4, 1)])
def test_same_padding_keeps_the_size(kernel):
    x = RNG.standard_normal((1, 2, 5, 6))
    assert nn.conv2d(x, RNG.standard_normal((3, 2, *kernel)), padding="same").shape == (1, 3, 5, 6)


def test_dropout_is_inverted_and_seeded():
    x = np.ones(100_000)
    y = nn.dropout(x, 0.3, random_state=7)
    assert set(np.unique(y)) == {0.0, 1 / 0.7}
    # the kept fraction is binomial(n, 0.7): 6 standard deviations
    assert abs(np.mean(y != 0) - 0.7) < 6 * np.sqrt(0.7 * 0.3 / x.size)
    np.testing.assert_array_equal(y, nn.dropout(x, 0.3, random_state=7))
    np.testing.assert_array_equal(nn.dropout_backward(np.ones(100_000), x, 0.3, random_state=7), y)


def test_flatten_orders_channels_first():
    x = np.arange(2 * 3 * 2 * 2.0).reshape(2, 3, 2, 2)
    np.testing.assert_array_equal(nn.flatten(x)[1], x[1].ravel())


def test_reference_pooling_windows_start_at_the_corner():
    """ndimage's origin: the reference's window (i, j) is x[si:si+k, sj:sj+k]."""
    x = RNG.standard_normal((1, 1, 7, 7))
    for k in (2, 3):
        np.testing.assert_array_equal(ref.max_pool2d(x, k, stride=1)[0, 0, 1, 2],
                                      x[0, 0, 1:1 + k, 2:2 + k].max())


@pytest.mark.parametrize("layer, args, kwargs", [
    (nn.avg_pool2d, (RNG.standard_normal((1, 2, 5, 5)), 3), {"stride": 1}),
    (nn.sigmoid, (RNG.standard_normal(5),), {}),
    (nn.softmax, (RNG.standard_normal((2, 3)),), {"axis": 0}),
    (nn.log_softmax, (RNG.standard_normal((2, 3)),), {}),
    (nn.binary_cross_entropy, (RNG.uniform(0.1, 0.9, 4), np.array([0.0, 1.0, 1.0, 0.5])), {}),
])
def test_each_layer_as_an_autodiff_operation_uses_its_backward(layer, args, kwargs):
    y = layer(*args, **kwargs)
    c = RNG.standard_normal(np.shape(y))
    g = ad.grad(lambda x: ad.sum(layer(x, *args[1:], **kwargs) * c))(args[0])
    expected = getattr(nn, f"{layer.__name__}_backward")(c, *args, **kwargs)
    np.testing.assert_array_equal(g, expected)  # the same function, so the same numbers


@pytest.mark.parametrize("backend", [nn, ref], ids=["mathml", "reference"])
def test_an_empty_batch_or_no_filters_gives_an_empty_result(backend):
    """PyTorch's convention: N = 0 images (or O = 0 filters) pass through with the
    shapes the formulas give, and the gradients are empty or zero (nothing to add)."""
    x, w = RNG.standard_normal((0, 2, 5, 4)), RNG.standard_normal((3, 2, 2, 2))
    y = backend.conv2d(x, w, stride=2)
    assert y.shape == (0, 3, 2, 2)
    dx, dw, db = backend.conv2d_backward(np.zeros(y.shape), x, w, stride=2)
    assert dx.shape == x.shape and not dw.any() and not db.any()
    x1 = RNG.standard_normal((1, 2, 5, 4))
    assert backend.conv2d(x1, w[:0]).shape == (1, 0, 4, 3)
    assert not backend.conv2d_backward(np.zeros((1, 0, 4, 3)), x1, w[:0])[0].any()
    for pool in (backend.max_pool2d, backend.avg_pool2d):
        assert pool(x, 2).shape == (0, 2, 2, 2)
    assert backend.max_pool2d_backward(np.zeros((0, 2, 2, 2)), x, 2).shape == x.shape


@pytest.mark.parametrize("stride", [2, 3])
def test_an_infinite_weight_or_input_leaves_the_positions_it_never_meets_finite(stride):
    """x̄ at an input position sums ȳ·w over the windows covering it, w̄ sums ȳ·x over the
    positions each weight meets: an infinite w[0, 0, 0, 0] (or x[0, 0, 0, 0]) enters only
    those sums, and everything else stays as with a finite value in its place (the
    reference works by stride phases so as not to multiply inf by a zero of a dilation)."""
    x, w = RNG.standard_normal((1, 1, 7, 7)), RNG.standard_normal((1, 1, 2, 2))
    dy = RNG.standard_normal(nn.conv2d(x, w, stride=stride).shape)
    for backend in (nn, ref):
        w_inf, x_inf = w.copy(), x.copy()
        w_inf[0, 0, 0, 0] = x_inf[0, 0, 0, 0] = np.inf
        dx, _, _ = backend.conv2d_backward(dy, x, w_inf, stride=stride)
        finite_dx = nn.conv2d_backward(dy, x, w, stride=stride)[0]
        # the positions w[.., 0, 0] meets are the stride grid's corners (s·i, s·j)
        met = np.zeros(x.shape, dtype=bool)
        met[:, :, :stride * dy.shape[2]:stride, :stride * dy.shape[3]:stride] = True
        assert np.isinf(dx[met]).all()
        np.testing.assert_allclose(dx[~met], finite_dx[~met], rtol=1e-12, atol=1e-12)
        _, dw, _ = backend.conv2d_backward(dy, x_inf, w, stride=stride)
        assert np.isinf(dw[0, 0, 0, 0])  # only w[0, 0, 0, 0] meets x[0, 0, 0, 0]
        finite_dw = nn.conv2d_backward(dy, x, w, stride=stride)[1]
        np.testing.assert_allclose(dw.ravel()[1:], finite_dw.ravel()[1:], rtol=1e-12)
