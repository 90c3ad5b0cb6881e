"""`mathml.nn.Sequential`: Keras's summary of the seeds' two models, gradients against finite
differences of the loss, training steps against the update rules, a decreasing loss.

The container is not a catalog concept (mathml/nn/_sequential.py says why); these tests are
its check."""
import numpy as np
import pytest

from mathml.nn import (LSTM, Activation, Conv2D, Dense, Embedding, Flatten, MaxPooling2D,
                       Sequential)
from mathml.optimize._first_order import _SGD, _Adam


def seed_cnn():
    """Seed 002's CNN, as Keras."""
    return Sequential([
        Conv2D(32, (3, 3), activation="relu", input_shape=(28, 28, 1)),
        MaxPooling2D((2, 2)),
        Conv2D(64, (3, 3), activation="relu"),
        MaxPooling2D((2, 2)),
        Conv2D(64, (3, 3), activation="relu"),
        Flatten(),
        Dense(64, activation="relu"),
        Dense(10, activation="softmax")])


def seed_lstm(vocab_size=15):
    """Seed 002's text model: its tokenizer gives 14 ids (13 words and <OOV>), plus 0."""
    return Sequential([
        Embedding(vocab_size, 16, input_length=10),
        LSTM(32),
        Dense(24, activation="relu"),
        Dense(1, activation="sigmoid")])


def _rows(model):
    lines = []
    model.summary(print_fn=lines.append)
    text = lines[0].splitlines()
    table = [line for line in text[4:] if line and line[0] not in "_="]
    return text, table


def test_seed_cnn_summary():
    text, table = _rows(seed_cnn())
    assert [int(row.split()[-1]) for row in table[:8]] == [320, 0, 18496, 0, 36928, 0, 36928,
                                                          650]
    shapes = [row[29:55].strip() for row in table[:8]]
    assert shapes == ["(None, 26, 26, 32)", "(None, 13, 13, 32)", "(None, 11, 11, 64)",
                      "(None, 5, 5, 64)", "(None, 3, 3, 64)", "(None, 576)", "(None, 64)",
                      "(None, 10)"]
    assert "Total params: 93,322" in text and "Non-trainable params: 0" in text
    assert table[0].startswith("conv2d (Conv2D)")
    assert table[3].startswith("max_pooling2d_1 (MaxPooling2 ")  # Keras cuts at column 29
    assert seed_cnn().count_params() == 93322


def test_seed_lstm_summary():
    text, table = _rows(seed_lstm())
    assert [int(row.split()[-1]) for row in table[:4]] == [240, 6272, 792, 25]
    assert [row[29:55].strip() for row in table[:4]] == ["(None, 10, 16)", "(None, 32)",
                                                         "(None, 24)", "(None, 1)"]
    assert "Total params: 7,329" in text
    assert seed_lstm().count_params() == 7329


def test_counts_match_the_built_weights():
    for model in (seed_cnn(), seed_lstm()):
        model.build(random_state=0)
        assert sum(w.size for w in model.weights) == model.count_params()


def _finite_difference_gradients(model, X, y, loss=None, h=1e-5):
    grads = []
    for w in model.weights:
        g = np.zeros_like(w)
        for idx in np.ndindex(w.shape):
            old = w[idx]
            w[idx] = old + h
            up = model.loss_and_gradients(X, y, loss)[0]
            w[idx] = old - h
            down = model.loss_and_gradients(X, y, loss)[0]
            w[idx] = old
            g[idx] = (up - down) / (2 * h)
        grads.append(g)
    return grads


def _small_models():
    rng = np.random.default_rng(0)
    cnn = Sequential([Conv2D(3, 3, activation="relu", padding="same", input_shape=(6, 6, 2)),
                      MaxPooling2D(2), Conv2D(4, (2, 2), activation="tanh"), Flatten(),
                      Dense(5, activation="relu"), Dense(3, activation="softmax")])
    text = Sequential([Embedding(7, 3, input_length=5), LSTM(4), Dense(3, activation="relu"),
                       Dense(1, activation="sigmoid")])
    dense = Sequential([Dense(4, input_shape=(3,)), Activation("tanh"), Dense(2)])
    return [
        pytest.param(cnn, rng.normal(size=(4, 6, 6, 2)), rng.integers(0, 3, 4), None,
                     id="cnn-softmax-cross-entropy"),
        pytest.param(text, rng.integers(0, 7, (6, 5)), rng.integers(0, 2, 6), None,
                     id="lstm-binary-cross-entropy"),
        pytest.param(dense, rng.normal(size=(5, 3)), rng.normal(size=(5, 2)), "mse",
                     id="dense-mse"),
        pytest.param(Sequential([Dense(3, activation="softmax", input_shape=(2,))]),
                     rng.normal(size=(4, 2)), np.eye(3)[[0, 2, 1, 2]],
                     "categorical_crossentropy", id="one-hot-categorical")]


@pytest.mark.parametrize("model, X, y, loss", _small_models())
def test_gradients_against_finite_differences_of_the_loss(model, X, y, loss):
    model.build(random_state=1)
    _, grads = model.loss_and_gradients(X, y, loss)
    numeric = _finite_difference_gradients(model, X, y, loss)
    scale = max(np.abs(g).max() for g in numeric)
    for g, n in zip(grads, numeric):
        # central differences at h = 1e-5: truncation ~h²·|L'''| ≈ 1e-10, rounding
        # ~eps·|L|/h ≈ 1e-11; 1e-7 of the largest gradient entry leaves a wide margin and
        # still catches any wrong term (a missing factor or transposed block is O(1))
        np.testing.assert_allclose(g, n, rtol=0, atol=1e-7 * scale)


def test_sgd_steps_follow_the_finite_difference_gradient():
    """Three full-batch SGD steps of fit are θ ← θ − η ∇L, ∇L by finite differences."""
    rng = np.random.default_rng(2)
    X, y = rng.integers(0, 7, (6, 5)), rng.integers(0, 2, 6)
    model = Sequential([Embedding(7, 3, input_length=5), LSTM(2), Dense(1, activation="sigmoid")])
    model.build(random_state=3)
    expected = model.get_weights()
    check = Sequential([Embedding(7, 3, input_length=5), LSTM(2),
                        Dense(1, activation="sigmoid")])
    check.build(random_state=3)
    for _ in range(3):
        for w, g in zip(expected, _finite_difference_gradients(check, X, y)):
            w -= 0.5 * g
        check.set_weights(expected)
    model.fit(X, y, epochs=3, batch_size=6, optimizer="sgd", learning_rate=0.5, shuffle=False)
    for got, e in zip(model.weights, expected):
        np.testing.assert_allclose(got, e, rtol=0, atol=1e-9)  # 3 steps of η·(FD error)


@pytest.mark.parametrize("optimizer, rule", [("adam", _Adam), ("sgd", _SGD)])
def test_fit_applies_the_update_rule_to_each_mini_batch(optimizer, rule):
    rng = np.random.default_rng(4)
    X, y = rng.normal(size=(10, 4)), rng.integers(0, 3, 10)

    def make():
        return Sequential([Dense(5, activation="tanh", input_shape=(4,)),
                           Dense(3, activation="softmax")])
    model, manual = make(), make()
    history = model.fit(X, y, epochs=2, batch_size=4, optimizer=optimizer,
                        learning_rate=0.05, random_state=5)
    state = np.random.RandomState(5)
    manual.build(X.shape[1:], state)
    update = (rule(manual.weights, 0.05) if optimizer == "adam"
              else rule(manual.weights, 0.05, momentum=0.0, nesterov=False))
    losses = []
    for _ in range(2):
        order, total = state.permutation(10), 0.0
        for start in range(0, 10, 4):  # batches of 4, 4 and the remainder 2
            batch = order[start:start + 4]
            value, grads = manual.loss_and_gradients(X[batch], y[batch])
            update.update(manual.weights, grads)
            total += value * len(batch)
        losses.append(total / 10)
    for got, e in zip(model.weights, manual.weights):
        np.testing.assert_array_equal(got, e)
    assert history.history["loss"] == losses and history.epoch == [0, 1]


def test_the_loss_decreases():
    rng = np.random.default_rng(6)
    X = rng.normal(size=(60, 5, 5, 1))
    y = (X[:, :, :, 0].mean(axis=(1, 2)) > 0).astype(int)
    model = Sequential([Conv2D(4, 3, activation="relu", input_shape=(5, 5, 1)), Flatten(),
                        Dense(2, activation="softmax")])
    history = model.fit(X, y, epochs=15, batch_size=16, learning_rate=0.01, random_state=0)
    loss = history.history["loss"]
    assert loss[-1] < 0.5 * loss[0]
    assert model.predict(X).shape == (60, 2)


def test_same_random_state_same_model():
    rng = np.random.default_rng(7)
    X, y = rng.integers(0, 15, (8, 10)), rng.integers(0, 2, 8)
    a, b = seed_lstm(), seed_lstm()
    a.fit(X, y, epochs=2, batch_size=3, random_state=11)
    b.fit(X, y, epochs=2, batch_size=3, random_state=11)
    for wa, wb in zip(a.weights, b.weights):
        np.testing.assert_array_equal(wa, wb)


def test_bad_uses():
    with pytest.raises(ValueError, match="input shape is unknown"):
        Sequential([Dense(3)]).summary()
    model = Sequential([Dense(2, activation="relu", input_shape=(3,))])
    with pytest.raises(ValueError, match="optimizer must be"):
        model.fit(np.ones((4, 3)), np.zeros(4), optimizer="rmsprop")
    with pytest.raises(ValueError, match="needs a softmax output"):
        model.fit(np.ones((4, 3)), np.zeros(4), loss="sparse_categorical_crossentropy")
    with pytest.raises(ValueError, match="4 samples but y has 3"):
        model.fit(np.ones((4, 3)), np.zeros(3))
    with pytest.raises(ValueError, match="no weights yet"):
        Sequential([Dense(2, input_shape=(3,))]).predict(np.ones((1, 3)))
    with pytest.raises(ValueError, match="activation must be"):
        Dense(2, activation="swish")


def test_add_names_layers_as_keras():
    model = Sequential([Dense(4, activation="relu", input_shape=(3,))])
    model.add(Dense(4, activation="relu"))
    model.add(Dense(1, activation="sigmoid"))
    assert [layer.name for layer in model.layers] == ["dense", "dense_1", "dense_2"]
    assert model.count_params() == 16 + 20 + 5
