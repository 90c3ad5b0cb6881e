"""The reference for `mathml.nn` (being built)."""
from __future__ import annotations

import numpy as np
import scipy.differentiate
import scipy.special

__all__: list[str] = []

# --- recurrent layers (embedding, lstm_cell, lstm): forward by SciPy's expit and numpy's tanh,
# written as plain loops over time; backward by scipy.differentiate.jacobian of ⟨upstream,
# output⟩ (the embedding's by its closed form, a one-hot matrix product) --------------------------

__all__ += ["embedding", "lstm_cell", "lstm"]


def embedding(indices, weights):
    k, E = _rnn_check_embedding(indices, weights)
    return np.take(E, k, axis=0)


def embedding_backward(dy, indices, weights):
    # ∂L/∂E = onehot(k)ᵀ ∂L/∂y: the lookup is a product with one-hot rows
    k, E = _rnn_check_embedding(indices, weights)
    dy = _rnn_upstream(dy, k.shape + E.shape[1:], "embedding")
    onehot = (k.reshape(-1, 1) == np.arange(E.shape[0])).astype(float)
    return onehot.T @ dy.reshape(-1, E.shape[1])


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
    i = scipy.special.expit(z[:, :u])
    f = scipy.special.expit(z[:, u:2 * u])
    g = np.tanh(z[:, 2 * u:3 * u])
    o = scipy.special.expit(z[:, 3 * u:])
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


def _rnn_array(a, name, ndim):
    # NumPy would propagate NaN and accept any shape its broadcasting allows: the contract
    # asks for the checks, so the wrapper makes them with mathml's wording
    A = np.asarray(a, dtype=float)
    if np.isnan(A).any():
        raise ValueError(f"{name}: array must not contain infs or NaNs")
    if A.ndim != ndim:
        raise ValueError(f"{name} must be {ndim}-D, got shape {A.shape}")
    return A


def _rnn_check_weights(x_name, x_shape, kernel, recurrent_kernel, bias):
    W = _rnn_array(kernel, "kernel", 2)
    U = _rnn_array(recurrent_kernel, "recurrent_kernel", 2)
    b = _rnn_array(bias, "bias", 1)
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
    x, h, c = _rnn_array(x, "x", 2), _rnn_array(h, "h", 2), _rnn_array(c, "c", 2)
    W, U, b = _rnn_check_weights("x", x.shape, kernel, recurrent_kernel, bias)
    for name, s in (("h", h), ("c", c)):
        if s.shape != (x.shape[0], U.shape[0]):
            raise ValueError(f"{name} has shape {s.shape} but x has shape {x.shape} and "
                             f"recurrent_kernel {U.shape}")
    return x, h, c, W, U, b


def _rnn_check_sequence(X, kernel, recurrent_kernel, bias):
    X = _rnn_array(X, "X", 3)
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


def _rnn_upstream(d, shape, layer):
    D = _rnn_array(d, "dy", np.ndim(d))
    if D.shape != shape:
        raise ValueError(f"the upstream gradient has shape {D.shape} but {layer}'s output "
                         f"has shape {shape}")
    return D
