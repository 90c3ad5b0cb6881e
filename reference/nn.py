"""The reference for `mathml.nn`: each layer's forward pass through SciPy, its backward pass
through SciPy's closed forms (or an explicitly formed Jacobian).

Every ``<layer>_backward`` takes the adjoint dy and then the forward's arguments, as in
`mathml.nn`; the catalog runs the two passes together.

SciPy checks nothing here, so the wrappers check for it, with mathml's wording: complex
input and None (or any array of objects; NumPy would turn None into NaN) are a TypeError;
NaN is a ValueError, and so is ±inf in the LSTM's arrays (the numerical backward is NaN or
garbage around an infinite entry, and no gradient there is worth returning); a softmax of
a 0-d array is NumPy's AxisError with NumPy's wording (SciPy's says "source: axis ..."). An
empty batch gives an empty result, as PyTorch's layers do.
"""
from __future__ import annotations

import numpy as np
import scipy.differentiate
from numpy.lib.array_utils import normalize_axis_index
from scipy import ndimage, signal, special

__all__: list[str] = []

# --- feed-forward layers (issue 13): forward through SciPy, backward in closed form -------------

__all__ += ["linear", "conv2d", "max_pool2d", "avg_pool2d", "flatten", "relu", "tanh",
            "sigmoid", "softmax", "log_softmax", "softmax_cross_entropy",
            "binary_cross_entropy", "dropout"]

_NAN = "array must not contain infs or NaNs"


def _float(a):
    A = np.asarray(a)
    if np.iscomplexobj(A):  # NumPy would drop the imaginary part with a warning
        raise TypeError("complex input is not supported: pass a real array")
    if A.dtype == object:  # None would become NaN, a quiet NaN out of tanh or dropout
        raise TypeError("input must be a numeric array, not an array of objects")
    return A.astype(np.float64)


def _array(a, name, ndim=None, what=""):
    x = _float(a)
    if ndim is not None and x.ndim != ndim:
        raise ValueError(f"{name} must be {ndim}-dimensional {what}, got shape {x.shape}")
    if np.isnan(x).any():
        raise ValueError(f"{name}: {_NAN}")
    return x


def _positive_int(value, name):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return int(value)


def linear(x, W, b=None):
    x, W, b = _check_linear(x, W, b)
    return x @ W + (b if b is not None else 0.0)


def linear_backward(dy, x, W, b=None):
    x, W, b = _check_linear(x, W, b)
    dy = _float(dy)
    return dy @ W.T, x.T @ dy, dy.sum(axis=0)


def _check_linear(x, W, b):
    x, W = _array(x, "x", 2, "(n_samples, n_in)"), _array(W, "W", 2, "(n_in, n_out)")
    if x.shape[1] != W.shape[0]:
        raise ValueError(f"shapes do not fit: x has shape {x.shape} but W has shape {W.shape}")
    if b is not None:
        b = _array(b, "b", 1)
        if b.shape != (W.shape[1],):
            raise ValueError(f"shapes do not fit: b has shape {b.shape} but W has shape "
                             f"{W.shape}")
    return x, W, b


def conv2d(x, w, b=None, *, stride=1, padding="valid"):
    xp, w, b, stride, _ = _check_conv(x, w, b, stride, padding)
    (N, C), (O, _, kh, kw) = xp.shape[:2], w.shape
    y = np.zeros((N, O, (xp.shape[2] - kh) // stride + 1, (xp.shape[3] - kw) // stride + 1))
    for n in range(N):  # an empty batch: an empty result (as PyTorch)
        for o in range(O):
            # SciPy's correlate2d is the layer's cross-correlation (convolve2d would flip
            # the kernel); 'valid' multiplies only entries the window covers
            y[n, o] = sum(signal.correlate2d(xp[n, c], w[o, c], "valid")
                          for c in range(C))[::stride, ::stride]
    return y + b[:, None, None] if b is not None else y


def conv2d_backward(dy, x, w, b=None, *, stride=1, padding="valid"):
    xp, w, b, stride, (top, bottom, left, right) = _check_conv(x, w, b, stride, padding)
    (N, C), (O, _, kh, kw) = xp.shape[:2], w.shape
    dy = _float(dy)
    Ho, Wo = dy.shape[2:]
    # By phases: kernel rows p = s·m + a meet input rows s·(i + m) + a only, so with
    # w_ad = w[.., a::s, d::s] and x_ad = xp[.., a::s, d::s] the strided layer is the sum
    # over (a, d) of stride-1 correlations of x_ad with w_ad, whose adjoints are SciPy's
    # closed forms: x̄_ad = convolve2d(w_ad, ȳ, 'full'), w̄_ad = correlate2d(x_ad, ȳ, 'valid').
    # (Dilating ȳ with zeros instead would multiply those zeros by an infinite weight or
    # input, NaN where the gradient is finite; so would zero fill around the weights, which
    # is why w_ad is convolve2d's first argument, the one it pads.)
    dxp, dw = np.zeros(xp.shape), np.zeros(w.shape)
    for a in range(min(stride, kh)):
        for d in range(min(stride, kw)):
            wa, xa = w[:, :, a::stride, d::stride], xp[:, :, a::stride, d::stride]
            mh, mw = wa.shape[2:]
            for n in range(N):
                for c in range(C):
                    dxp[n, c, a::stride, d::stride][:Ho + mh - 1, :Wo + mw - 1] += sum(
                        signal.convolve2d(wa[o, c], dy[n, o], "full") for o in range(O))
            for o in range(O):
                for c in range(C):
                    dw[o, c, a::stride, d::stride] = sum(
                        (signal.correlate2d(xa[n, c], dy[n, o], "valid")[:mh, :mw]
                         for n in range(N)), np.zeros((mh, mw)))
    dx = dxp[:, :, top:xp.shape[2] - bottom, left:xp.shape[3] - right]
    return dx, dw, dy.sum(axis=(0, 2, 3))


def _check_conv(x, w, b, stride, padding):
    x = _array(x, "x", 4, "(N, C, H, W)")
    w = _array(w, "w", 4, "(out_channels, in_channels, kh, kw)")
    if x.shape[1] != w.shape[1]:
        raise ValueError(f"channels do not fit: x has shape {x.shape} ({x.shape[1]} "
                         f"channels) but w has shape {w.shape} ({w.shape[1]} channels)")
    if b is not None:
        b = _array(b, "b", 1)
        if b.shape != (w.shape[0],):
            raise ValueError(f"shapes do not fit: b has shape {b.shape} but w has shape "
                             f"{w.shape}")
    stride = _positive_int(stride, "stride")
    kh, kw = w.shape[2:]
    if isinstance(padding, str) and padding == "valid":
        pads = (0, 0, 0, 0)
    elif isinstance(padding, str) and padding == "same":
        if stride != 1:
            raise ValueError("padding='same' needs stride=1 (as PyTorch)")
        pads = ((kh - 1) // 2, kh // 2, (kw - 1) // 2, kw // 2)  # PyTorch: the extra at the end
    elif isinstance(padding, (int, np.integer)) and not isinstance(padding, bool) \
            and padding >= 0:
        pads = (int(padding),) * 4
    else:
        raise ValueError(f"padding must be 'valid', 'same' or a non-negative int, "
                         f"got {padding!r}")
    xp = np.pad(x, ((0, 0), (0, 0), pads[:2], pads[2:]))
    if kh > xp.shape[2] or kw > xp.shape[3]:
        raise ValueError(f"the kernel {(kh, kw)} is larger than the (padded) input "
                         f"{xp.shape[2:]}")
    return xp, w, b, stride, pads


def _check_pool(x, size, stride):
    x = _array(x, "x", 4, "(N, C, H, W)")
    size = _positive_int(size, "size")
    stride = size if stride is None else _positive_int(stride, "stride")
    if size > x.shape[2] or size > x.shape[3]:
        raise ValueError(f"the pooling window {(size, size)} is larger than the (padded) "
                         f"input {x.shape[2:]}")
    Ho, Wo = (x.shape[2] - size) // stride + 1, (x.shape[3] - size) // stride + 1
    return x, size, stride, Ho, Wo


def _corners(filtered, stride, Ho, Wo):
    """The filter's value at each window's top-left corner."""
    return filtered[:, :, :stride * (Ho - 1) + 1:stride, :stride * (Wo - 1) + 1:stride]


def max_pool2d(x, size=2, *, stride=None):
    x, size, stride, Ho, Wo = _check_pool(x, size, stride)
    # ndimage centres a window of size k on i (covering i − k//2 ...); origin −k//2 moves it
    # to start at i, so the filter at a window's corner is that window's maximum
    k = -(size // 2)
    return _corners(ndimage.maximum_filter(x, (1, 1, size, size), origin=(0, 0, k, k)),
                    stride, Ho, Wo)


def max_pool2d_backward(dy, x, size=2, *, stride=None):
    x, size, stride, Ho, Wo = _check_pool(x, size, stride)
    dx = np.zeros_like(x)
    N, C = x.shape[:2]
    n, c = np.meshgrid(np.arange(N), np.arange(C), indexing="ij")
    for i in range(Ho):
        for j in range(Wo):
            window = x[:, :, stride * i:stride * i + size, stride * j:stride * j + size]
            first = np.argmax(window.reshape(N, C, size * size), axis=-1)  # the first maximum
            dx[n, c, stride * i + first // size, stride * j + first % size] += dy[:, :, i, j]
    return dx


def avg_pool2d(x, size=2, *, stride=None):
    x, size, stride, Ho, Wo = _check_pool(x, size, stride)
    k = -(size // 2)
    # correlate with the box of 1/k², a direct sum per window: uniform_filter's running sums
    # would carry an infinite entry into the next windows as inf − inf = NaN
    box = np.full((1, 1, size, size), 1.0 / size ** 2)
    return _corners(ndimage.correlate(x, box, origin=(0, 0, k, k)), stride, Ho, Wo)


def avg_pool2d_backward(dy, x, size=2, *, stride=None):
    x, size, stride, Ho, Wo = _check_pool(x, size, stride)
    N, C, H, W = x.shape
    # the adjoint of "box mean, then keep the corners": ȳ at the corners, zeros between,
    # fully convolved with the k×k box of 1/k²
    dyd = np.zeros((N, C, stride * (Ho - 1) + 1, stride * (Wo - 1) + 1))
    dyd[:, :, ::stride, ::stride] = dy
    box = np.full((size, size), 1.0 / size ** 2)
    dx = np.zeros_like(x)
    for n in range(N):
        for c in range(C):
            full = signal.convolve2d(dyd[n, c], box, "full")
            dx[n, c, :full.shape[0], :full.shape[1]] = full
    return dx


def flatten(x):
    x = _float(x)
    if x.ndim == 0:
        raise ValueError("x must be at least 1-dimensional (the batch axis first)")
    return np.reshape(x, (x.shape[0], -1))


def flatten_backward(dy, x):
    return np.reshape(dy, np.shape(x))


def relu(x):
    return np.maximum(_float(x), 0.0)


def relu_backward(dy, x):
    return _float(dy) * np.heaviside(x, 0.0)  # relu'(0) = 0


def tanh(x):
    return np.tanh(_float(x))


def tanh_backward(dy, x):
    return _float(dy) / np.cosh(_float(x)) ** 2


def sigmoid(x):
    return special.expit(_float(x))


def sigmoid_backward(dy, x):
    x = _float(x)
    return _float(dy) * special.expit(x) * special.expit(-x)


def _classes(x, axis):
    """x as float64, with `axis` one of its axes: SciPy moves `axis` last and fails with
    "source: axis ..."; NumPy's reductions take axis -1 of a 0-d array. Both backends
    refuse it with NumPy's AxisError and its wording."""
    x = _float(x)
    normalize_axis_index(axis, x.ndim)
    return x


def softmax(x, axis=-1):
    return special.softmax(_classes(x, axis), axis=axis)


def softmax_backward(dy, x, axis=-1):
    # the Jacobian diag(s) − s sᵀ formed explicitly along `axis`, then applied to ȳ
    s = np.moveaxis(softmax(x, axis), axis, -1)
    J = s[..., :, None] * np.eye(s.shape[-1]) - s[..., :, None] * s[..., None, :]
    g = np.moveaxis(_float(dy), axis, -1)
    return np.moveaxis(np.einsum("...ij,...i->...j", J, g), -1, axis)


def log_softmax(x, axis=-1):
    return special.log_softmax(_classes(x, axis), axis=axis)


def log_softmax_backward(dy, x, axis=-1):
    # the Jacobian I − 1 sᵀ (row k: e_k − s) formed explicitly, then applied to ȳ
    s = np.moveaxis(softmax(x, axis), axis, -1)
    J = np.eye(s.shape[-1]) - s[..., None, :]
    g = np.moveaxis(_float(dy), axis, -1)
    return np.moveaxis(np.einsum("...ij,...i->...j", J, g), -1, axis)


def _check_labels(logits, labels):
    z = _array(logits, "logits", 2, "(n_samples, n_classes)")
    t = np.asarray(labels)
    if t.shape != (z.shape[0],):
        raise ValueError(f"shapes do not fit: labels has shape {t.shape} but logits has "
                         f"shape {z.shape}")
    if t.size and (t.dtype.kind not in "iu" or t.min() < 0 or t.max() >= z.shape[1]):
        raise ValueError(f"labels must be integers in [0, {z.shape[1]})")
    return z, t


def softmax_cross_entropy(logits, labels):
    z, t = _check_labels(logits, labels)
    return np.asarray(-np.mean(special.log_softmax(z, axis=1)[np.arange(len(t)), t]))


def softmax_cross_entropy_backward(dL, logits, labels):
    z, t = _check_labels(logits, labels)
    onehot = np.eye(z.shape[1])[t]
    return _float(dL) * (special.softmax(z, axis=1) - onehot) / len(t)


def _check_probabilities(p, y):
    p, y = _array(p, "p"), _array(y, "y")
    if p.shape != y.shape:
        raise ValueError(f"shapes do not fit: p has shape {p.shape} but y has shape {y.shape}")
    for name, v in (("p", p), ("y", y)):
        if v.size and (v.min() < 0 or v.max() > 1):
            raise ValueError(f"{name} must lie in [0, 1]")
    return p, y


def binary_cross_entropy(p, y):
    p, y = _check_probabilities(p, y)
    # xlogy(0, 0) = 0: a term of weight 0 costs nothing even where its log is −inf
    return np.asarray(-np.mean(special.xlogy(y, p) + special.xlog1py(1.0 - y, -p)))


def binary_cross_entropy_backward(dL, p, y):
    p, y = _check_probabilities(p, y)
    # d/dp of xlogy(y, p) is y/p, and 0 where y = 0 (the term is identically 0 there)
    with np.errstate(divide="ignore"):
        dp = -np.divide(y, p, out=np.zeros_like(p), where=y != 0) + np.divide(
            1.0 - y, 1.0 - p, out=np.zeros_like(p), where=y != 1)
    return _float(dL) * dp / p.size


def _keep(shape, rate, random_state):
    if isinstance(rate, bool) or not isinstance(rate, (int, float, np.floating, np.integer)) \
            or not 0 <= rate < 1:
        raise ValueError(f"rate must be a probability in [0, 1), got {rate!r}")
    if random_state is None:
        rng = np.random.mtrand._rand
    elif isinstance(random_state, np.random.RandomState):
        rng = random_state
    elif isinstance(random_state, (int, np.integer)) and not isinstance(random_state, bool):
        rng = np.random.RandomState(random_state)
    else:
        raise ValueError(f"{random_state!r} cannot be used to seed a "
                         f"numpy.random.RandomState instance")
    return rng.uniform(size=shape) >= rate  # uniform(0, 1) is random_sample, bit for bit


def dropout(x, rate=0.5, *, random_state=None):
    x = _float(x)
    return np.where(_keep(x.shape, rate, random_state), x / (1.0 - rate), 0.0)


def dropout_backward(dy, x, rate=0.5, *, random_state=None):
    keep = _keep(np.shape(x), rate, random_state)
    return np.where(keep, _float(dy) / (1.0 - rate), 0.0)

# --- end of the feed-forward layers --------------------------------------------------------------


# --- recurrent layers (embedding, lstm_cell, lstm): forward by SciPy's expit and numpy's tanh,
# written as plain loops over time; backward by scipy.differentiate.jacobian of ⟨upstream,
# output⟩ (the embedding's by its closed form, the one-hot product as weighted counts) -----------

__all__ += ["embedding", "lstm_cell", "lstm"]


def embedding(indices, weights):
    k, E = _rnn_check_embedding(indices, weights)
    return np.take(E, k, axis=0)


def embedding_backward(dy, indices, weights):
    # ∂L/∂E = onehot(k)ᵀ ∂L/∂y (the lookup is a product with one-hot rows): row v sums the
    # upstream rows of the positions holding v, by numpy.bincount's weighted counts, one
    # column at a time (the product itself would multiply an infinite ȳ by the zeros)
    k, E = _rnn_check_embedding(indices, weights)
    dy = _rnn_upstream(dy, k.shape + E.shape[1:], "embedding", finite=False)
    V, d = E.shape
    dY = dy.reshape(-1, d)
    dE = np.zeros((V, d))
    for j in range(d):
        dE[:, j] = np.bincount(k.ravel(), weights=dY[:, j], minlength=V)
    return dE


def lstm_cell(x, h, c, kernel, recurrent_kernel, bias):
    x, h, c, W, U, b = _rnn_check_cell(x, h, c, kernel, recurrent_kernel, bias)
    return _rnn_step(x, h, c, W, U, b)


def lstm_cell_backward(dy, x, h, c, kernel, recurrent_kernel, bias):
    args = _rnn_check_cell(x, h, c, kernel, recurrent_kernel, bias)
    dh_new, dc_new = dy
    upstream = (_rnn_upstream(dh_new, args[1].shape, "lstm_cell (h_new)"),
                _rnn_upstream(dc_new, args[2].shape, "lstm_cell (c_new)"))
    return _rnn_vjp(_rnn_step, args, upstream)


def lstm(X, kernel, recurrent_kernel, bias, *, return_sequences=False):
    args = _rnn_check_sequence(X, kernel, recurrent_kernel, bias)
    return _rnn_sequence(*args, return_sequences=return_sequences)


def lstm_backward(dy, X, kernel, recurrent_kernel, bias, *, return_sequences=False):
    args = _rnn_check_sequence(X, kernel, recurrent_kernel, bias)
    n, T, _ = args[0].shape
    u = args[2].shape[0]
    dH = _rnn_upstream(dy, (n, T, u) if return_sequences else (n, u), "lstm")
    def forward(X, W, U, b):  # noqa: E306
        return (_rnn_sequence(X, W, U, b, return_sequences=return_sequences),)
    return _rnn_vjp(forward, args, (dH,))


def _rnn_step(x, h, c, W, U, b):
    """One LSTM step, Keras's gate order i, f, c, o; every argument may carry trailing axes
    (the points at which scipy.differentiate evaluates it)."""
    u = U.shape[0]
    z = np.einsum("ni...,ig...->ng...", x, W) + np.einsum("nj...,jg...->ng...", h, U) + b[None]
    i = special.expit(z[:, :u])
    f = special.expit(z[:, u:2 * u])
    g = np.tanh(z[:, 2 * u:3 * u])
    o = special.expit(z[:, 3 * u:])
    c_new = f * c + i * g
    return o * np.tanh(c_new), c_new


def _rnn_sequence(X, W, U, b, return_sequences=False):
    n, T = X.shape[:2]
    trailing = np.broadcast_shapes(X.shape[3:], W.shape[2:], U.shape[2:], b.shape[1:])
    h = c = np.zeros((n, U.shape[0]) + trailing)
    hs = []
    for t in range(T):
        h, c = _rnn_step(X[:, t], h, c, W, U, b)
        hs.append(h)
    return np.stack(hs, axis=1) if return_sequences else h


def _rnn_vjp(forward, args, upstream):
    """The gradient of ⟨upstream, forward(*args)⟩ with respect to every argument, by
    scipy.differentiate.jacobian of that scalar over all the arguments' entries at once."""
    shapes = [a.shape for a in args]
    ends = np.cumsum([a.size for a in args])[:-1]

    def loss(theta):  # theta: (m, ...) → (1, ...)
        trailing = theta.shape[1:]
        parts = [p.reshape(s + trailing) for p, s in zip(np.split(theta, ends), shapes)]
        outs = forward(*parts)
        return sum(np.sum(d.reshape(d.shape + (1,) * len(trailing)) * y,
                          axis=tuple(range(d.ndim)))
                   for d, y in zip(upstream, outs))[None]

    theta = np.concatenate([a.ravel() for a in args])
    # a first step of 0.1 (SciPy's default 0.5 is coarse for the gates' curvature): the
    # extrapolation meets SciPy's default rtol √eps within 2–3 halvings, at ~1e-12 accuracy
    res = scipy.differentiate.jacobian(loss, theta, initial_step=0.1)
    return tuple(g.reshape(s) for g, s in zip(np.split(res.df[0], ends), shapes))


def _rnn_array(a, name, ndim, finite=False):
    # NumPy would propagate NaN and accept any shape its broadcasting allows: the contract
    # asks for the checks, so the wrapper makes them with mathml's wording. The LSTM's
    # arrays must be finite too (`finite`): the numerical backward of an infinite entry is
    # NaN or garbage (the steps around inf), and no gradient of inf is worth returning
    A = _float(a)
    if A.ndim != ndim:
        raise ValueError(f"{name} must be {ndim}-D, got shape {A.shape}")
    if (np.isnan(A).any() if not finite else not np.isfinite(A).all()):
        raise ValueError(f"{name}: array must not contain infs or NaNs")
    return A


def _rnn_check_weights(x_name, x_shape, kernel, recurrent_kernel, bias):
    W = _rnn_array(kernel, "kernel", 2, finite=True)
    U = _rnn_array(recurrent_kernel, "recurrent_kernel", 2, finite=True)
    b = _rnn_array(bias, "bias", 1, finite=True)
    u = U.shape[0]
    if U.shape[1] != 4 * u or u == 0:
        raise ValueError(f"recurrent_kernel has shape {U.shape}: it must be (u, 4u)")
    if W.shape[1] != 4 * u:
        raise ValueError(f"kernel has shape {W.shape} but recurrent_kernel has shape "
                         f"{U.shape}: both need 4u columns")
    if b.shape != (4 * u,):
        raise ValueError(f"bias has shape {b.shape} but recurrent_kernel has shape "
                         f"{U.shape}: bias must have 4u entries")
    if W.shape[0] != x_shape[-1]:
        raise ValueError(f"{x_name} has shape {x_shape} but kernel has shape {W.shape}")
    return W, U, b


def _rnn_check_cell(x, h, c, kernel, recurrent_kernel, bias):
    x, h, c = (_rnn_array(a, name, 2, finite=True) for a, name in ((x, "x"), (h, "h"), (c, "c")))
    W, U, b = _rnn_check_weights("x", x.shape, kernel, recurrent_kernel, bias)
    for name, s in (("h", h), ("c", c)):
        if s.shape != (x.shape[0], U.shape[0]):
            raise ValueError(f"{name} has shape {s.shape} but x has shape {x.shape} and "
                             f"recurrent_kernel {U.shape}")
    return x, h, c, W, U, b


def _rnn_check_sequence(X, kernel, recurrent_kernel, bias):
    X = _rnn_array(X, "X", 3, finite=True)
    if X.shape[1] == 0:
        raise ValueError(f"X has shape {X.shape}: a sequence needs at least one step")
    return (X,) + _rnn_check_weights("X", X.shape, kernel, recurrent_kernel, bias)


def _rnn_check_embedding(indices, weights):
    E = _rnn_array(weights, "weights", 2)
    k = np.asarray(indices)
    integral = k.dtype.kind in "iu" or (k.dtype.kind == "f" and bool(
        np.isfinite(k).all() and (k == np.round(k)).all()))
    if not integral:
        raise ValueError(f"indices must be integer token ids, got dtype {k.dtype}")
    k = k.astype(np.intp)
    # np.take wraps negative indices and raises IndexError past the end: the contract asks
    # for an error on both sides, with the vocabulary named
    if k.size and (k.min() < 0 or k.max() >= E.shape[0]):
        bad = int(k.min()) if k.min() < 0 else int(k.max())
        raise IndexError(f"index {bad} is out of the vocabulary [0, {E.shape[0]}) of weights "
                         f"with shape {E.shape}")
    return k, E


def _rnn_upstream(d, shape, layer, finite=True):
    D = _rnn_array(d, "dy", np.ndim(d), finite)
    if D.shape != shape:
        raise ValueError(f"the upstream gradient has shape {D.shape} but {layer}'s output "
                         f"has shape {shape}")
    return D
