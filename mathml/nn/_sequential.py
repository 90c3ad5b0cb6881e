"""A small Keras-style model container: layer objects, `Sequential`, its `summary()` and `fit`.

The layer objects hold parameters and call the functional layers of `mathml.nn` (each
forward and its ``_backward``); `Sequential` chains them, prints Keras's summary, and trains
them by mini-batch gradient descent with the in-place update rules of
`mathml.optimize` (SGD with momentum, Adam).

**Shapes: Keras's outside, NCHW inside.** Models are written and fed as in Keras: images
``(n, height, width, channels)`` and ``input_shape=(28, 28, 1)``, and `summary()` prints
Keras's channels-last output shapes, so the seed's ``model.summary()`` reads the same. The
convolution functions compute in PyTorch's NCHW layout (`mathml.nn.conv2d`), so a model
whose first layer is an image layer transposes its input to NCHW once on entry; convolution
kernels are stored as (filters, channels, kh, kw) (Keras stores (kh, kw, channels, filters)),
and `Flatten` orders features channel first (Keras: channel last) — a permutation of the
next Dense layer's rows, the same model.

**Initialisation**: Glorot (Xavier) uniform for every kernel, U(−√(6/(fan_in + fan_out)),
+√(…)) drawn with ``RandomState.uniform``, zero biases, the LSTM's forget-gate bias 1
(Keras's ``unit_forget_bias``) and embeddings U(−0.05, 0.05) (Keras's default). Keras
initialises an LSTM's recurrent kernel orthogonally; here it is Glorot uniform too.

The container is not a concept of the catalog (there is no Keras in the reference
environment to check it against, and a reference built from our own container would check
nothing): its parts are — every layer function is — and tests/test_nn_sequential.py checks the
container itself (parameter counts, gradients against finite differences of the loss, a
decreasing loss).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._validation import check_random_state
from ..optimize._first_order import _SGD, _Adam
from . import _layers as F
from . import _recurrent as R

__all__ = ["Sequential", "Dense", "Conv2D", "MaxPooling2D", "Flatten", "Embedding", "LSTM",
           "Activation", "History"]

Array = NDArray[np.float64]
Shape = tuple  # a Keras shape without the batch axis; None for an unknown length

_ACTIVATIONS = {"relu": (F.relu, F.relu_backward), "tanh": (F.tanh, F.tanh_backward),
                "sigmoid": (F.sigmoid, F.sigmoid_backward),
                "softmax": (F.softmax, F.softmax_backward)}


def _activation(name: str | None) -> str | None:
    if name in (None, "linear"):
        return None
    if name not in _ACTIVATIONS:
        raise ValueError(f"activation must be one of {sorted(_ACTIVATIONS)} or None, "
                         f"got {name!r}")
    return name


def _glorot(rng: np.random.RandomState, shape: tuple, fan_in: int, fan_out: int) -> Array:
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, shape)


def _pair(v: Any, name: str) -> int:
    """Keras's int-or-(k, k) sizes; the functional layers take square windows."""
    if isinstance(v, (tuple, list)):
        if len(v) != 2 or v[0] != v[1]:
            raise ValueError(f"{name} must be an int or a square (k, k), got {v!r}")
        v = v[0]
    return int(v)


# --- layers ------------------------------------------------------------------------------------

class Layer:
    """A layer object: ``build`` its parameters for an input shape, ``forward`` a batch
    (keeping what ``backward`` needs), ``backward`` the adjoint of its output into the
    adjoint of its input, leaving the parameters' gradients in ``grads``."""

    kind = "layer"
    images = False  # an image layer (takes NHWC input in a model, computes NCHW)

    def __init__(self, input_shape: Sequence[int] | None = None) -> None:
        self.input_shape = tuple(input_shape) if input_shape is not None else None
        self.params: list[Array] = []
        self.grads: list[Array] = []
        self.name = ""

    def output_shape(self, shape: Shape) -> Shape:
        return shape

    def count_params(self, shape: Shape) -> int:
        return 0

    def build(self, shape: Shape, rng: np.random.RandomState) -> None:
        self.params = []

    def forward(self, x: Array) -> Array:
        raise NotImplementedError

    def backward(self, dy: Array) -> Array:
        raise NotImplementedError


class _Activated(Layer):
    """A layer with an optional activation after its affine part: y = act(z)."""

    def __init__(self, activation: str | None, input_shape: Sequence[int] | None) -> None:
        super().__init__(input_shape)
        self.activation = _activation(activation)

    def _activate(self, z: Array) -> Array:
        self._z = z
        return _ACTIVATIONS[self.activation][0](z) if self.activation else z

    def _deactivate(self, dy: Array, fused: bool) -> Array:
        """dz from dy; `fused`: dy is already ∂L/∂z (the loss was taken on the logits)."""
        if self.activation is None or fused:
            return dy
        return _ACTIVATIONS[self.activation][1](dy, self._z)


class Dense(_Activated):
    """A fully connected layer, ``Dense(units, activation=None)``: y = act(x W + b), on the
    last axis; W (n_in, units) as Keras's kernel."""

    kind = "Dense"

    def __init__(self, units: int, activation: str | None = None,
                 input_shape: Sequence[int] | None = None) -> None:
        super().__init__(activation, input_shape)
        self.units = int(units)

    def output_shape(self, shape: Shape) -> Shape:
        return shape[:-1] + (self.units,)

    def count_params(self, shape: Shape) -> int:
        return shape[-1] * self.units + self.units

    def build(self, shape: Shape, rng: np.random.RandomState) -> None:
        n_in = shape[-1]
        self.params = [_glorot(rng, (n_in, self.units), n_in, self.units), np.zeros(self.units)]

    def forward(self, x: Array) -> Array:
        self._x = x.reshape(-1, x.shape[-1])
        z = F.linear(self._x, *self.params)
        return self._activate(z).reshape(x.shape[:-1] + (self.units,))

    def backward(self, dy: Array, fused: bool = False) -> Array:
        dz = self._deactivate(dy.reshape(-1, self.units), fused)
        dx, dW, db = F.linear_backward(dz, self._x, *self.params)
        self.grads = [dW, db]
        return dx.reshape(dy.shape[:-1] + (self._x.shape[-1],))


class Conv2D(_Activated):
    """``Conv2D(filters, kernel_size, strides=1, padding='valid', activation=None,
    input_shape=None)``: y = act(conv2d(x, w) + b); `stride` is accepted for `strides`."""

    kind = "Conv2D"
    images = True

    def __init__(self, filters: int, kernel_size: int | tuple[int, int],
                 strides: int | tuple[int, int] = 1, padding: str = "valid",
                 activation: str | None = None, input_shape: Sequence[int] | None = None,
                 stride: int | None = None) -> None:
        super().__init__(activation, input_shape)
        self.filters = int(filters)
        self.kernel_size = _pair(kernel_size, "kernel_size")
        self.stride = _pair(strides if stride is None else stride, "strides")
        if padding not in ("valid", "same"):
            raise ValueError(f"padding must be 'valid' or 'same', got {padding!r}")
        self.padding = padding

    def output_shape(self, shape: Shape) -> Shape:
        H, W, _ = shape
        k, s = self.kernel_size, self.stride
        if self.padding == "same":
            return (-(-H // s), -(-W // s), self.filters)
        return ((H - k) // s + 1, (W - k) // s + 1, self.filters)

    def count_params(self, shape: Shape) -> int:
        return self.kernel_size ** 2 * shape[-1] * self.filters + self.filters

    def build(self, shape: Shape, rng: np.random.RandomState) -> None:
        k, c = self.kernel_size, shape[-1]
        self.params = [_glorot(rng, (self.filters, c, k, k), k * k * c, k * k * self.filters),
                       np.zeros(self.filters)]

    def forward(self, x: Array) -> Array:  # x in NCHW
        self._x = x
        z = F.conv2d(x, *self.params, stride=self.stride, padding=self.padding)
        return self._activate(z)

    def backward(self, dy: Array, fused: bool = False) -> Array:
        dz = self._deactivate(dy, fused)
        dx, dw, db = F.conv2d_backward(dz, self._x, *self.params, stride=self.stride,
                                       padding=self.padding)
        self.grads = [dw, db]
        return dx


class MaxPooling2D(Layer):
    """``MaxPooling2D(pool_size=2, strides=None)``: the maximum of each window."""

    kind = "MaxPooling2D"
    images = True

    def __init__(self, pool_size: int | tuple[int, int] = 2,
                 strides: int | tuple[int, int] | None = None,
                 input_shape: Sequence[int] | None = None) -> None:
        super().__init__(input_shape)
        self.size = _pair(pool_size, "pool_size")
        self.stride = self.size if strides is None else _pair(strides, "strides")

    def output_shape(self, shape: Shape) -> Shape:
        H, W, C = shape
        return ((H - self.size) // self.stride + 1, (W - self.size) // self.stride + 1, C)

    def forward(self, x: Array) -> Array:
        self._x = x
        return F.max_pool2d(x, self.size, stride=self.stride)

    def backward(self, dy: Array) -> Array:
        return F.max_pool2d_backward(dy, self._x, self.size, stride=self.stride)


class Flatten(Layer):
    """``Flatten()``: each sample as one vector (channel first after image layers)."""

    kind = "Flatten"

    def output_shape(self, shape: Shape) -> Shape:
        return (int(np.prod(shape)),)

    def forward(self, x: Array) -> Array:
        self._x = x
        return F.flatten(x)

    def backward(self, dy: Array) -> Array:
        return F.flatten_backward(dy, self._x)


class Activation(_Activated):
    """``Activation('relu')`` (or 'tanh', 'sigmoid', 'softmax'), as a layer of its own."""

    kind = "Activation"

    def __init__(self, activation: str, input_shape: Sequence[int] | None = None) -> None:
        super().__init__(activation, input_shape)

    def forward(self, x: Array) -> Array:
        return self._activate(x)

    def backward(self, dy: Array, fused: bool = False) -> Array:
        return self._deactivate(dy, fused)


class Embedding(Layer):
    """``Embedding(input_dim, output_dim, input_length=None)``: token ids (n, T) to vectors
    (n, T, output_dim); weights (input_dim, output_dim), U(−0.05, 0.05) initially."""

    kind = "Embedding"

    def __init__(self, input_dim: int, output_dim: int, input_length: int | None = None,
                 input_shape: Sequence[int] | None = None) -> None:
        super().__init__(input_shape if input_shape is not None
                         else (input_length,) if input_length is not None else None)
        self.input_dim, self.output_dim = int(input_dim), int(output_dim)

    def output_shape(self, shape: Shape) -> Shape:
        return tuple(shape) + (self.output_dim,)

    def count_params(self, shape: Shape) -> int:
        return self.input_dim * self.output_dim

    def build(self, shape: Shape, rng: np.random.RandomState) -> None:
        self.params = [rng.uniform(-0.05, 0.05, (self.input_dim, self.output_dim))]

    def forward(self, x: Array) -> Array:
        self._k = x.astype(np.intp)
        return R.embedding(self._k, self.params[0])

    def backward(self, dy: Array) -> Array:
        self.grads = [R.embedding_backward(dy, self._k, self.params[0])]
        return np.zeros(self._k.shape)  # token ids have no gradient


class LSTM(Layer):
    """``LSTM(units, return_sequences=False)`` over (n, T, features); Keras's weight layout
    (kernel, recurrent_kernel, bias; gates i, f, c, o)."""

    kind = "LSTM"

    def __init__(self, units: int, return_sequences: bool = False,
                 input_shape: Sequence[int] | None = None) -> None:
        super().__init__(input_shape)
        self.units, self.return_sequences = int(units), bool(return_sequences)

    def output_shape(self, shape: Shape) -> Shape:
        return (shape[0], self.units) if self.return_sequences else (self.units,)

    def count_params(self, shape: Shape) -> int:
        u = self.units
        return 4 * (u * (shape[-1] + u) + u)

    def build(self, shape: Shape, rng: np.random.RandomState) -> None:
        d, u = shape[-1], self.units
        bias = np.zeros(4 * u)
        bias[u:2 * u] = 1.0  # unit_forget_bias: start by remembering
        self.params = [_glorot(rng, (d, 4 * u), d, 4 * u), _glorot(rng, (u, 4 * u), u, 4 * u),
                       bias]

    def forward(self, x: Array) -> Array:
        self._x = x
        return R.lstm(x, *self.params, return_sequences=self.return_sequences)

    def backward(self, dy: Array) -> Array:
        dx, *self.grads = R.lstm_backward(dy, self._x, *self.params,
                                          return_sequences=self.return_sequences)
        return dx


# --- the model -----------------------------------------------------------------------------------

class History:
    """What `Sequential.fit` returns, as Keras: ``history.history["loss"]``, one mean
    training loss per epoch, and ``history.epoch``."""

    def __init__(self) -> None:
        self.history: dict[str, list[float]] = {"loss": []}
        self.epoch: list[int] = []


_LOSSES = ("sparse_categorical_crossentropy", "categorical_crossentropy", "binary_crossentropy",
           "mse", "mean_squared_error")
_NAMES = {"Conv2D": "conv2d", "MaxPooling2D": "max_pooling2d", "Flatten": "flatten",
          "Dense": "dense", "Embedding": "embedding", "LSTM": "lstm",
          "Activation": "activation"}


class Sequential:
    r"""A stack of layers, each feeding the next, trained by mini-batch gradient descent.

    .. math::

        \hat y = f_L(\cdots f_2(f_1(x; \theta_1); \theta_2) \cdots; \theta_L), \qquad
        \bar a_{l-1} = \bar a_l \,\frac{\partial f_l}{\partial a_{l-1}}, \quad
        \nabla_{\theta_l} L = \bar a_l \,\frac{\partial f_l}{\partial \theta_l}

    (backpropagation: the adjoint of each layer's output, from the loss down, turned by
    each layer's backward pass into the adjoint of its input and its parameters' gradient).

    Parameters
    ----------
    layers : sequence of layer objects
        `Conv2D`, `MaxPooling2D`, `Flatten`, `Dense`, `Embedding`, `LSTM`, `Activation`;
        the first one carries ``input_shape`` (or ``input_length`` for `Embedding`) for
        `summary` before training.
    name : str, default "sequential"

    Attributes
    ----------
    history : History
        The training loss per epoch, after `fit`.

    Notes
    -----
    *Algorithm* (`fit`): draw the initial weights (Glorot uniform, seeded); then for each
    epoch shuffle the samples, and for each mini-batch run the forward pass, the loss, the
    backward pass through every layer, and one update of every parameter by the optimizer
    (``'adam'`` or ``'sgd'``, the in-place rules of `mathml.optimize`).

    The last layer's activation and the loss are differentiated together where they cancel:
    softmax with cross-entropy gives ∂L/∂z = (softmax(z) − onehot(y))/n, sigmoid with binary
    cross-entropy (p − y)/n, which is exact and never divides by p(1 − p).

    *Complexity*: per epoch, a forward and a backward pass over every sample (about three
    times the forward's cost).
    """

    def __init__(self, layers: Sequence[Layer] = (), name: str = "sequential") -> None:
        self.layers = list(layers)
        self.name = name
        self.built = False
        self.history = History()
        self._counts: dict[str, int] = {}
        for layer in self.layers:
            self._name(layer)

    def _name(self, layer: Layer) -> None:
        """Keras's layer names: the type in snake case, numbered from the second on."""
        base = _NAMES.get(layer.kind, layer.kind.lower())
        n = self._counts.get(base, 0)
        layer.name = base if n == 0 else f"{base}_{n}"
        self._counts[base] = n + 1

    def add(self, layer: Layer) -> None:
        """Append a layer (before the model is built)."""
        if self.built:
            raise ValueError("the model is built: add layers before fit or build")
        self._name(layer)
        self.layers.append(layer)

    # --- shapes and parameter counts (no weights needed) ---------------------------------------

    def _shapes(self, input_shape: Shape | None = None) -> list[Shape]:
        """The Keras input shape (batch axis omitted), then each layer's output shape."""
        shape = input_shape or (self.layers[0].input_shape if self.layers else None)
        if shape is None:
            raise ValueError("the model's input shape is unknown: give the first layer "
                             "input_shape=... (or input_length=... for Embedding), or fit first")
        shapes = [tuple(shape)]
        for layer in self.layers:
            shapes.append(layer.output_shape(shapes[-1]))
        return shapes

    def count_params(self) -> int:
        shapes = self._shapes(getattr(self, "_input_shape", None))
        return sum(layer.count_params(s) for layer, s in zip(self.layers, shapes))

    def summary(self, print_fn=print) -> None:
        """Print Keras's table: each layer's name (type), output shape and parameter count,
        then the totals (all parameters here are trainable)."""
        shapes = self._shapes(getattr(self, "_input_shape", None))
        rule, positions = "_" * 65, (29, 55, 65)

        def row(*cells: str) -> str:
            # Keras's print_row: each field cut at its column's end, one space before the next
            line = ""
            for i, cell in enumerate(cells):
                line = (line[:-1] + " " if i else line) + cell
                line = line[:positions[i]].ljust(positions[i])
            return line.rstrip()
        lines = [f'Model: "{self.name}"', rule, row("Layer (type)", "Output Shape", "Param #"),
                 "=" * 65]
        total = 0
        for i, (layer, s_in, s_out) in enumerate(zip(self.layers, shapes, shapes[1:])):
            n = layer.count_params(s_in)
            total += n
            out = "(None, " + ", ".join("None" if d is None else str(d) for d in s_out) + ")"
            lines.append(row(f"{layer.name} ({layer.kind})", out, str(n)))
            lines.append("=" * 65 if i == len(self.layers) - 1 else rule)
        lines += [f"Total params: {total:,}", f"Trainable params: {total:,}",
                  "Non-trainable params: 0", rule]
        print_fn("\n".join(lines))

    # --- weights ---------------------------------------------------------------------------------

    def build(self, input_shape: Shape | None = None, random_state: Any = None) -> None:
        """Draw every layer's initial parameters (Glorot uniform, seeded)."""
        rng = check_random_state(random_state)
        shapes = self._shapes(input_shape)
        self._input_shape = shapes[0]
        for layer, shape in zip(self.layers, shapes):
            layer.build(shape, rng)
        self.built = True

    @property
    def weights(self) -> list[Array]:
        """Every parameter array, layer by layer (the arrays themselves: `fit` updates them
        in place)."""
        return [p for layer in self.layers for p in layer.params]

    def get_weights(self) -> list[Array]:
        return [p.copy() for p in self.weights]

    def set_weights(self, weights: Sequence[ArrayLike]) -> None:
        for p, w in zip(self.weights, weights, strict=True):
            p[...] = w

    # --- forward, loss, backward -------------------------------------------------------------

    def _forward(self, X: Array) -> Array:
        a = X.transpose(0, 3, 1, 2) if self.layers[0].images else X  # NHWC → NCHW once
        for layer in self.layers:
            a = layer.forward(a)
        return a

    def predict(self, X: ArrayLike, batch_size: int | None = None) -> Array:
        """The model's output for every sample (in batches of `batch_size`, default all)."""
        X = np.asarray(X, dtype=float)
        if not self.built:
            raise ValueError("the model has no weights yet: call build or fit first")
        step = batch_size or max(len(X), 1)
        return np.concatenate([self._forward(X[i:i + step]) for i in range(0, len(X), step)])

    def _loss_name(self, loss: str | None) -> str:
        if loss is None:  # what the output layer suggests
            last = getattr(self.layers[-1], "activation", None)
            loss = {"softmax": "sparse_categorical_crossentropy",
                    "sigmoid": "binary_crossentropy"}.get(last or "", "mse")
        if loss not in _LOSSES:
            raise ValueError(f"loss must be one of {list(_LOSSES)}, got {loss!r}")
        return loss

    def loss_and_gradients(self, X: ArrayLike, y: ArrayLike, loss: str | None = None
                           ) -> tuple[float, list[Array]]:
        """The mean loss on (X, y) and its gradient with respect to every weight (the
        order of `weights`): one forward and one backward pass."""
        X, y = np.asarray(X, dtype=float), np.asarray(y)
        loss = self._loss_name(loss)
        last: Any = self.layers[-1]
        out = self._forward(X)
        value, dout, fused = self._loss(loss, out, y, getattr(last, "activation", None))
        d = last.backward(dout, fused=True) if fused else last.backward(dout)
        for layer in reversed(self.layers[:-1]):
            d = layer.backward(d)
        return value, [g for layer in self.layers for g in layer.grads]

    def _loss(self, loss: str, out: Array, y: Array, activation: str | None
              ) -> tuple[float, Array, bool]:
        """(L, ∂L/∂(output or logits), fused)."""
        last: Any = self.layers[-1]  # an activated layer: it kept its logits z
        if loss in ("sparse_categorical_crossentropy", "categorical_crossentropy"):
            if activation != "softmax":
                raise ValueError(f"{loss} needs a softmax output layer")
            labels = y.argmax(axis=1) if loss == "categorical_crossentropy" else \
                y.astype(np.intp).ravel()
            z = last._z
            return (float(F.softmax_cross_entropy(z, labels)),
                    F.softmax_cross_entropy_backward(1.0, z, labels), True)
        if loss == "binary_crossentropy":
            if activation != "sigmoid":
                raise ValueError("binary_crossentropy needs a sigmoid output layer")
            z, t = last._z, y.reshape(out.shape).astype(float)
            # −[t log σ(z) + (1 − t) log σ(−z)] = max(z, 0) − t z + log(1 + e^{−|z|})
            value = np.mean(np.maximum(z, 0) - t * z + np.log1p(np.exp(-np.abs(z))))
            return float(value), (out - t) / out.size, True
        t = y.reshape(out.shape).astype(float)
        return float(np.mean((out - t) ** 2)), 2.0 * (out - t) / out.size, False

    # --- training ----------------------------------------------------------------------------------

    def fit(self, X: ArrayLike, y: ArrayLike, epochs: int = 1, batch_size: int = 32,
            optimizer: str = "adam", learning_rate: float | None = None,
            random_state: Any = None, loss: str | None = None, shuffle: bool = True,
            verbose: bool = False) -> History:
        """Train by mini-batch gradient descent; returns (and keeps) the `History`.

        `optimizer` 'adam' (default learning rate 0.001, Keras's) or 'sgd' (0.01, momentum 0
        as Keras's SGD); `loss` as Keras names it, by default from the output layer (softmax:
        sparse categorical cross-entropy, sigmoid: binary cross-entropy, else mean squared
        error). The first call draws the initial weights from `random_state`, which also
        shuffles the samples each epoch; a later call continues from the current weights."""
        X, y = np.asarray(X, dtype=float), np.asarray(y)
        if len(X) != len(y):
            raise ValueError(f"X has {len(X)} samples but y has {len(y)}")
        rng = check_random_state(random_state)
        if not self.built:
            self.build(X.shape[1:], rng)
        if optimizer == "adam":
            rule: Any = _Adam(self.weights, learning_rate or 0.001)
        elif optimizer == "sgd":
            rule = _SGD(self.weights, learning_rate or 0.01, momentum=0.0, nesterov=False)
        else:
            raise ValueError(f"optimizer must be 'adam' or 'sgd', got {optimizer!r}")
        for epoch in range(int(epochs)):
            order = rng.permutation(len(X)) if shuffle else np.arange(len(X))
            total = 0.0
            for start in range(0, len(X), batch_size):
                batch = order[start:start + batch_size]
                value, grads = self.loss_and_gradients(X[batch], y[batch], loss)
                rule.update(self.weights, grads)
                total += value * len(batch)
            self.history.history["loss"].append(total / len(X))
            self.history.epoch.append(epoch)
            if verbose:
                print(f"epoch {epoch + 1}/{epochs}: loss {total / len(X):.4f}")
        return self.history
