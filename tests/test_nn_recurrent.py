"""The recurrent layers beyond the catalog (which compares them with SciPy): the textbook LSTM
step against the fast one, Keras's gate order, the sequence against repeated cells, the
backward passes as autodiff rules."""
import numpy as np
import pytest

from mathml import autodiff
from mathml.nn import embedding, embedding_backward, lstm, lstm_backward, lstm_cell
from mathml.nn import lstm_cell_backward
from mathml.nn._recurrent import _textbook_lstm_cell
from reference.compare import agree


def _weights(rng, n_in, u, scale=1.0):
    return (rng.uniform(-scale, scale, (n_in, 4 * u)), rng.uniform(-scale, scale, (u, 4 * u)),
            rng.uniform(-scale, scale, 4 * u))


@pytest.mark.parametrize("n, n_in, u", [(1, 1, 1), (3, 4, 2), (5, 16, 8)])
def test_textbook_cell_agrees_with_the_fast_path(n, n_in, u):
    rng = np.random.default_rng(n * 100 + u)
    x, h, c = rng.normal(size=(n, n_in)), rng.normal(size=(n, u)), rng.normal(size=(n, u))
    W, U, b = _weights(rng, n_in, u)
    dh, dc = rng.normal(size=(n, u)), rng.normal(size=(n, u))
    (h_new, c_new), grads = _textbook_lstm_cell(x, h, c, W, U, b, dh, dc)
    # the same formulas; the textbook adds the products gate by gate and its sigmoid does
    # not branch on the sign: rounding apart, 'exact'
    assert agree(lstm_cell(x, h, c, W, U, b), (h_new, c_new), "exact").ok
    assert agree(lstm_cell_backward((dh, dc), x, h, c, W, U, b), grads, "exact").ok


def test_keras_gate_order_i_f_c_o():
    """Bias blocks in Keras's order: i shut (−50), f open (+50), candidate anything,
    o open (+50) keep the cell and read it out: c' = c, h' = tanh(c)."""
    u = 3
    b = np.concatenate([np.full(u, -50.0), np.full(u, 50.0), np.full(u, 0.7), np.full(u, 50.0)])
    c = np.array([[0.5, -1.0, 2.0]])
    h_new, c_new = lstm_cell(np.ones((1, 2)), np.zeros((1, u)), c, np.zeros((2, 4 * u)),
                             np.zeros((u, 4 * u)), b)
    np.testing.assert_allclose(c_new, c, rtol=1e-15, atol=1e-21)  # σ(−50) ≈ 2e-22
    np.testing.assert_allclose(h_new, np.tanh(c), rtol=1e-15)


@pytest.mark.parametrize("return_sequences", [False, True])
def test_sequence_is_the_cell_repeated(return_sequences):
    rng = np.random.default_rng(7)
    X = rng.normal(size=(3, 6, 4))
    W, U, b = _weights(rng, 4, 5)
    h = c = np.zeros((3, 5))
    hs = []
    for t in range(6):
        h, c = lstm_cell(X[:, t], h, c, W, U, b)
        hs.append(h)
    expected = np.stack(hs, axis=1) if return_sequences else h
    # xW + b for all steps first, then + hU: the sums in another order, 'exact'
    assert agree(lstm(X, W, U, b, return_sequences=return_sequences), expected, "exact").ok


def test_backward_through_time_of_the_last_state_is_the_sequence_case():
    rng = np.random.default_rng(8)
    X = rng.normal(size=(2, 5, 3))
    W, U, b = _weights(rng, 3, 4)
    dy = rng.normal(size=(2, 4))
    dH = np.zeros((2, 5, 4))
    dH[:, -1] = dy
    last = lstm_backward(dy, X, W, U, b)
    seq = lstm_backward(dH, X, W, U, b, return_sequences=True)
    for a, e in zip(last, seq):
        np.testing.assert_array_equal(a, e)  # the same operations (adding zeros)


def test_backward_through_time_against_finite_differences():
    """Central differences of ⟨ȳ, lstm⟩ in each weight (independent of the catalog's SciPy
    reference): h = 1e-6 leaves truncation ~h² and rounding ~eps·|L|/h ≈ 1e-10."""
    rng = np.random.default_rng(9)
    X = rng.normal(size=(2, 4, 2))
    params = list(_weights(rng, 2, 3))
    dy = rng.normal(size=(2, 4, 3))
    grads = lstm_backward(dy, X, *params, return_sequences=True)[1:]
    for p, g in zip(params, grads):
        numeric = np.zeros_like(p)
        for idx in np.ndindex(p.shape):
            old = p[idx]
            p[idx] = old + 1e-6
            up = np.sum(dy * lstm(X, *params, return_sequences=True))
            p[idx] = old - 1e-6
            down = np.sum(dy * lstm(X, *params, return_sequences=True))
            p[idx] = old
            numeric[idx] = (up - down) / 2e-6
        np.testing.assert_allclose(g, numeric, atol=1e-8)  # 100× the rounding above


def test_layers_are_autodiff_operations():
    rng = np.random.default_rng(10)
    k = rng.integers(0, 6, (2, 5))
    E = rng.normal(size=(6, 3))
    W, U, b = _weights(rng, 3, 2)

    def loss(E, W, U, b):
        return autodiff.sum(lstm(embedding(k, E), W, U, b))

    dE, dW, dU, db = autodiff.grad(loss, argnums=(0, 1, 2, 3))(E, W, U, b)
    X = embedding(k, E)
    dX, *expected = lstm_backward(np.ones((2, 2)), X, W, U, b)
    for got, e in zip((dW, dU, db), expected):
        np.testing.assert_array_equal(got, e)
    np.testing.assert_array_equal(dE, embedding_backward(dX, k, E))


def test_embedding_backward_adds_repeated_words():
    E = np.zeros((4, 2))
    dE = embedding_backward(np.arange(8.0).reshape(1, 4, 2), np.array([[3, 1, 3, 3]]), E)
    np.testing.assert_array_equal(dE, [[0, 0], [2, 3], [0, 0], [0 + 4 + 6, 1 + 5 + 7]])


@pytest.mark.parametrize("indices", [np.array([4]), np.array([-1])])
def test_embedding_refuses_ids_outside_the_vocabulary(indices):
    with pytest.raises(IndexError, match=r"\[0, 4\)"):
        embedding(indices, np.ones((4, 2)))
