"""Recurrent layers: the embedding lookup, one LSTM step and an LSTM over a sequence.

The scheme of `mathml.nn` (its docstring): ``y = layer(x, *params, **hyper)`` is the
forward pass and ``layer_backward(dy, x, *params, **hyper)``, the adjoint ∂L/∂y followed by
the forward's arguments, returns the vector–Jacobian products of the differentiable arguments
in their order. The backward recomputes what it needs of the forward (no hidden cache), so
each pair reads on its own. `embedding` and `lstm` are also `mathml.autodiff` operations;
`lstm_cell` returns a pair (h', c') and is not (a node of the graph holds one array).

The LSTM's parameters are laid out as Keras's ``LSTM`` stores them, so weights move between
the two unchanged: ``kernel`` (n_in, 4u) acts on the input, ``recurrent_kernel`` (u, 4u) on
the previous hidden state and ``bias`` (4u,), each split into four blocks of u columns in
Keras's gate order **i, f, c, o** (input gate, forget gate, candidate cell, output gate).
Sequences are batch-major as in Keras: ``X`` has shape (batch, timesteps, n_in).
"""
from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._layers import _array, _layer

__all__ = ["embedding", "lstm_cell", "lstm"]

Array = NDArray[np.float64]


# --- embedding --------------------------------------------------------------------------------

@_layer("weights")
def embedding(indices: ArrayLike, weights: ArrayLike) -> NDArray[np.float64]:
    r"""Embedding lookup: row :math:`k` of the weight matrix for each index :math:`k`.

    .. math::

        y_{n,t,:} = E_{k_{n,t},\,:} \qquad\text{forward (a one-hot row times } E),

        \frac{\partial L}{\partial E_{v,:}} = \sum_{(n,t)\,:\,k_{n,t} = v}
            \frac{\partial L}{\partial y_{n,t,:}} \qquad\text{backward (a scatter-add)}.

    Parameters
    ----------
    indices : array_like of int, any shape, e.g. (batch, timesteps)
        Token ids k, each in [0, V).
    weights : array_like, shape (V, d)
        The embedding matrix E, one d-vector per word of a vocabulary of V words (Keras's
        ``Embedding(input_dim=V, output_dim=d)`` ``embeddings``).

    Returns
    -------
    y : ndarray, shape (*indices.shape, d)
        The rows of E picked out by the indices.

    Raises
    ------
    IndexError
        An index outside [0, V) (negative ones too: no wrap-around), naming V.
    ValueError
        `weights` not 2-D, `indices` not integral, or a NaN in `weights`.

    Notes
    -----
    *Algorithm*: the forward is one fancy-indexing gather ``E[k]``; `embedding_backward`
    adds each upstream row into the row of its index with ``np.add.at`` (an unbuffered
    add, so an index that appears twice receives both contributions).

    *Complexity*: O(N·d) for N indices, forward and backward; no arithmetic in the forward.

    The lookup equals the product of one-hot rows with E, which is why its gradient is the
    transposed product: the upstream rows summed per index.

    References
    ----------
    Goodfellow, Bengio & Courville, Deep Learning (2016), §12.4.2.

    Checked against ``reference.nn.embedding`` → ``numpy.take(weights, indices, axis=0)``:
    forward the same rows, backward the same sums.

    Examples
    --------
    >>> import numpy as np
    >>> E = np.arange(6.0).reshape(3, 2)
    >>> embedding([[2, 0]], E)
    array([[[4., 5.],
            [0., 1.]]])
    >>> embedding_backward(np.ones((1, 2, 2)), [[2, 2]], E)
    array([[0., 0.],
           [0., 0.],
           [2., 2.]])
    """
    k, E = _check_embedding(indices, weights)
    return E[k]


def embedding_backward(dy: ArrayLike, indices: ArrayLike,
                       weights: ArrayLike) -> NDArray[np.float64]:
    """The gradient of the loss with respect to the embedding matrix (see `embedding`).

    Parameters
    ----------
    dy : array_like, shape (*indices.shape, d)
        ∂L/∂y, the upstream gradient.
    indices, weights : as `embedding`.

    Returns
    -------
    dweights : ndarray, shape (V, d)
        ∂L/∂E: zero rows for words that do not occur.
    """
    k, E = _check_embedding(indices, weights)
    dY = _upstream(dy, k.shape + E.shape[1:], "embedding", finite=False)
    dE = np.zeros_like(E)
    np.add.at(dE, k, dY)  # ∂L/∂E_v = Σ over the positions holding v
    return dE


# --- one LSTM step ----------------------------------------------------------------------------

def _textbook_lstm_cell(x, h, c, W, U, b, dh_new, dc_new):
    """One LSTM step forward and backward as a textbook writes it: one weight block per gate
    (Keras's order i, f, c, o), every line a line of the math. `lstm_cell` and
    `lstm_cell_backward` are the same formulas on the stacked blocks (one product for all
    four gates); a test keeps the two in agreement."""
    W_i, W_f, W_g, W_o = np.split(W, 4, axis=1)
    U_i, U_f, U_g, U_o = np.split(U, 4, axis=1)
    b_i, b_f, b_g, b_o = np.split(b, 4)
    sigmoid = lambda z: 1.0 / (1.0 + np.exp(-z))  # noqa: E731
    # forward
    i = sigmoid(x @ W_i + h @ U_i + b_i)          # input gate: how much to write
    f = sigmoid(x @ W_f + h @ U_f + b_f)          # forget gate: how much to keep
    g = np.tanh(x @ W_g + h @ U_g + b_g)          # candidate cell
    o = sigmoid(x @ W_o + h @ U_o + b_o)          # output gate: how much to read out
    c_new = f * c + i * g
    h_new = o * np.tanh(c_new)
    # backward: the gradient reaching c' directly and through h' = o tanh(c')
    dc_total = dc_new + dh_new * o * (1 - np.tanh(c_new) ** 2)
    dz_i = dc_total * g * i * (1 - i)             # σ' = σ(1 − σ)
    dz_f = dc_total * c * f * (1 - f)
    dz_g = dc_total * i * (1 - g ** 2)            # tanh' = 1 − tanh²
    dz_o = dh_new * np.tanh(c_new) * o * (1 - o)
    dz = np.hstack([dz_i, dz_f, dz_g, dz_o])
    grads = (dz @ W.T, dz @ U.T, dc_total * f, x.T @ dz, h.T @ dz, dz.sum(axis=0))
    return (h_new, c_new), grads



def lstm_cell(x: ArrayLike, h: ArrayLike, c: ArrayLike, kernel: ArrayLike,
              recurrent_kernel: ArrayLike, bias: ArrayLike
              ) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    r"""One step of a long short-term memory cell: the four gates, the new cell and state.

    .. math::

        z = x W + h U + b = [\,z_i \mid z_f \mid z_g \mid z_o\,], \quad
        i = \sigma(z_i),\; f = \sigma(z_f),\; g = \tanh(z_g),\; o = \sigma(z_o),

        c' = f \odot c + i \odot g, \qquad h' = o \odot \tanh(c')
        \qquad\text{(forward)};

        \bar c = \bar c' + \bar h' \odot o \odot (1 - \tanh^2 c'), \quad
        \bar z_i = \bar c \odot g \odot i(1-i), \quad
        \bar z_f = \bar c \odot c \odot f(1-f),

        \bar z_g = \bar c \odot i \odot (1-g^2), \quad
        \bar z_o = \bar h' \odot \tanh(c') \odot o(1-o),

        \bar x = \bar z W^\top,\; \bar h = \bar z U^\top,\; \bar c_{\text{prev}} = \bar c
        \odot f,\; \bar W = x^\top \bar z,\; \bar U = h^\top \bar z,\;
        \bar b = \textstyle\sum_n \bar z_n \qquad\text{(backward)},

    where :math:`\bar v = \partial L / \partial v` and :math:`\sigma` is the logistic
    sigmoid.

    Parameters
    ----------
    x : array_like, shape (batch, n_in)
        The input at this step.
    h, c : array_like, shape (batch, u)
        The previous hidden state and cell state.
    kernel : array_like, shape (n_in, 4u)
        W, Keras's ``kernel``: blocks of u columns for the gates in the order i, f, c (= g,
        the candidate), o.
    recurrent_kernel : array_like, shape (u, 4u)
        U, Keras's ``recurrent_kernel``, the same blocks.
    bias : array_like, shape (4u,)
        b, Keras's ``bias``, the same blocks.

    Returns
    -------
    h_new, c_new : ndarray, shape (batch, u)
        h' and c'.

    Raises
    ------
    ValueError
        Shapes that do not fit together (both shapes named), or a NaN or ±inf in an
        argument or the upstream gradient (no gradient of an infinite input is meaningful).

    Notes
    -----
    *Algorithm* (forward):

    1. The pre-activations of all four gates from one product each: z = xW + hU + b.
    2. The gates: sigmoids for i, f, o, tanh for the candidate g.
    3. The new cell c' = f⊙c + i⊙g (forget some memory, write some new) and the new state
       h' = o⊙tanh(c') (read some of it out).

    `lstm_cell_backward` runs the chain rule through the same steps in reverse: the
    gradient reaching c' (directly and through h'), then each gate's pre-activation
    gradient by its local derivative (σ' = σ(1−σ), tanh' = 1 − tanh²), then the three
    products of step 1 transposed.

    *Complexity*: O(batch·(n_in + u)·4u) for the two products, forward and backward alike.

    *Numerical stability*: the sigmoid branches on the sign of z (never exp of a large
    positive number); the forget gate's product f⊙c is what lets gradients flow over many
    steps without the repeated squashing of a plain recurrent network.

    The recurrent activation is the logistic sigmoid (Keras's default since 2.3, not the
    older ``hard_sigmoid``); there are no peephole connections.

    References
    ----------
    Hochreiter & Schmidhuber, "Long short-term memory", Neural Computation 9 (1997); Gers,
    Schmidhuber & Cummins (2000) for the forget gate; Goodfellow, Bengio & Courville, Deep
    Learning (2016), §10.10.1.

    Checked against ``reference.nn.lstm_cell`` → ``scipy.special.expit, numpy.tanh;
    scipy.differentiate.jacobian``: the forward with SciPy's sigmoid, the backward against
    a numerical derivative of the loss ⟨h̄', h'⟩ + ⟨c̄', c'⟩.

    Examples
    --------
    >>> import numpy as np
    >>> u = 1
    >>> W, U, b = np.zeros((2, 4 * u)), np.zeros((u, 4 * u)), np.zeros(4 * u)
    >>> h, c = lstm_cell(np.ones((1, 2)), np.zeros((1, u)), np.ones((1, u)), W, U, b)
    >>> float(c[0, 0]), bool(h[0, 0] == 0.5 * np.tanh(0.5))    # f = 1/2 keeps half of c
    (0.5, True)
    """
    x, h, c, W, U, b = _check_cell(x, h, c, kernel, recurrent_kernel, bias)
    i, f, g, o = _gates(x, h, W, U, b)                      # Steps 1–2
    c_new = f * c + i * g                                   # Step 3
    return o * np.tanh(c_new), c_new


def lstm_cell_backward(dy: tuple[ArrayLike, ArrayLike], x: ArrayLike, h: ArrayLike,
                       c: ArrayLike, kernel: ArrayLike, recurrent_kernel: ArrayLike,
                       bias: ArrayLike) -> tuple[NDArray[np.float64], ...]:
    """The backward pass of `lstm_cell` (its formulas are there).

    Parameters
    ----------
    dy : pair of array_like, each of shape (batch, u)
        (∂L/∂h', ∂L/∂c'), the adjoints of the two outputs.
    x, h, c, kernel, recurrent_kernel, bias : as `lstm_cell`.

    Returns
    -------
    dx, dh, dc, dkernel, drecurrent_kernel, dbias : ndarray
        The gradients of L with respect to each argument of `lstm_cell`, each of its shape.
    """
    x, h, c, W, U, b = _check_cell(x, h, c, kernel, recurrent_kernel, bias)
    dh_new, dc_new = dy
    dh_new = _upstream(dh_new, h.shape, "lstm_cell (h_new)")
    dc_new = _upstream(dc_new, c.shape, "lstm_cell (c_new)")
    gates = _gates(x, h, W, U, b)
    dz, dc = _cell_backward(dh_new, dc_new, c, gates)
    return dz @ W.T, dz @ U.T, dc, x.T @ dz, h.T @ dz, dz.sum(axis=0)


# --- an LSTM over a sequence ------------------------------------------------------------------

@_layer("X", "kernel", "recurrent_kernel", "bias")
def lstm(X: ArrayLike, kernel: ArrayLike, recurrent_kernel: ArrayLike, bias: ArrayLike, *,
         return_sequences: bool = False) -> NDArray[np.float64]:
    r"""An LSTM run over a sequence from zero states: `lstm_cell` at every step.

    .. math::

        (h_t, c_t) = \operatorname{cell}(x_t, h_{t-1}, c_{t-1}; W, U, b), \quad
        h_0 = c_0 = 0, \quad t = 1, \dots, T;

        \bar h_{t-1} = \bar h^{\text{out}}_{t-1} + \bar z_t U^\top, \quad
        \bar c_{t-1} = \bar c_t \odot f_t, \quad
        \bar W = \textstyle\sum_t x_t^\top \bar z_t, \;
        \bar U = \sum_t h_{t-1}^\top \bar z_t, \; \bar b = \sum_{t,n} \bar z_{t,n}
        \quad\text{(backpropagation through time)}.

    Parameters
    ----------
    X : array_like, shape (batch, T, n_in)
        The input sequences, batch-major as Keras.
    kernel, recurrent_kernel, bias : array_like
        As `lstm_cell`: shapes (n_in, 4u), (u, 4u), (4u,), gate order i, f, c, o.
    return_sequences : bool, default False
        Return every h_t (Keras's ``return_sequences=True``) or only the last.

    Returns
    -------
    H : ndarray, shape (batch, u), or (batch, T, u) with `return_sequences`
        h_T, or h_1, …, h_T.

    Raises
    ------
    ValueError
        Shapes that do not fit together (both shapes named), an empty sequence, or a NaN
        or ±inf in an argument or the upstream gradient.

    Notes
    -----
    *Algorithm*:

    1. The input part of every step's pre-activation at once, X W + b (one product over
       all steps: it does not depend on the state).
    2. For t = 1 … T: add h_{t−1}U and take one cell step (the gates, c_t, h_t).
    3. Return h_T, or all h_t.

    `lstm_backward` (backpropagation through time) reruns the forward keeping each step's
    gates, then walks back from t = T: the gradient reaching h_t (from the output and from
    step t+1) and c_t gives z̄_t by `lstm_cell`'s formulas; z̄_t U^T passes to h_{t−1} and
    c̄_t⊙f_t to c_{t−1}; the parameter gradients are summed over the steps (one product
    each over the stacked z̄).

    *Complexity*: O(T·batch·(n_in + u)·4u) time, O(T·batch·u) memory for the backward.

    *Numerical stability*: as `lstm_cell`; the loop over time is inherent (each step needs
    the previous state), everything inside a step is vectorised over the batch.

    References
    ----------
    Hochreiter & Schmidhuber (1997); Werbos, "Backpropagation through time: what it does
    and how to do it", Proc. IEEE 78 (1990); Goodfellow, Bengio & Courville, Deep Learning
    (2016), §10.2.2 and §10.10.1.

    Checked against ``reference.nn.lstm`` → ``scipy.special.expit, numpy.tanh;
    scipy.differentiate.jacobian``: a plain loop over time with SciPy's sigmoid, the
    backward against a numerical derivative of ⟨H̄, H⟩.

    Examples
    --------
    >>> import numpy as np
    >>> rng = np.random.default_rng(0)
    >>> W, U, b = rng.normal(size=(3, 8)), rng.normal(size=(2, 8)), np.zeros(8)
    >>> lstm(rng.normal(size=(4, 5, 3)), W, U, b).shape
    (4, 2)
    >>> lstm(np.zeros((4, 5, 3)), W, U, b, return_sequences=True).shape
    (4, 5, 2)
    """
    X, W, U, b = _check_sequence(X, kernel, recurrent_kernel, bias)
    Hs, _, _ = _lstm_forward(X, W, U, b)                    # time-major: (T + 1, n, u)
    return Hs[1:].transpose(1, 0, 2) if return_sequences else Hs[-1]


def lstm_backward(dy: ArrayLike, X: ArrayLike, kernel: ArrayLike, recurrent_kernel: ArrayLike,
                  bias: ArrayLike, *, return_sequences: bool = False
                  ) -> tuple[NDArray[np.float64], ...]:
    """The backward pass of `lstm`, backpropagation through time (formulas there).

    Parameters
    ----------
    dy : array_like, shape (batch, u), or (batch, T, u) with `return_sequences`
        ∂L/∂H, the upstream gradient of `lstm`'s output.
    X, kernel, recurrent_kernel, bias, return_sequences : as `lstm`.

    Returns
    -------
    dX, dkernel, drecurrent_kernel, dbias : ndarray
        The gradients of L with respect to X, W, U and b, each of its shape.
    """
    X, W, U, b = _check_sequence(X, kernel, recurrent_kernel, bias)
    n, T, _ = X.shape
    u = U.shape[0]
    dH = _upstream(dy, (n, T, u) if return_sequences else (n, u), "lstm")
    Hs, Cs, gates = _lstm_forward(X, W, U, b)               # time-major: (T + 1, n, u)
    dZ = np.empty((T, n, 4 * u))
    dh, dc = np.zeros((n, u)), np.zeros((n, u))
    for t in range(T - 1, -1, -1):
        # the gradient reaching h_t: from the output at t, and from step t+1 through U
        dh = dh + (dH[:, t] if return_sequences else (dH if t == T - 1 else 0.0))
        dZ[t], dc = _cell_backward(dh, dc, Cs[t], gates[t])
        dh = dZ[t] @ U.T
    dZ2 = dZ.reshape(T * n, 4 * u)                           # the steps stacked: one product each
    dX = (dZ @ W.T).transpose(1, 0, 2)
    dW = X.transpose(1, 0, 2).reshape(T * n, -1).T @ dZ2
    dU = Hs[:-1].reshape(T * n, u).T @ dZ2
    return dX, dW, dU, dZ2.sum(axis=0)


# --- the shared steps -------------------------------------------------------------------------

def _sigmoid(z: Array) -> Array:
    """σ(z) = 1/(1 + e^{−z}), branching on the sign of z so that exp never overflows."""
    e = np.exp(-np.abs(z))
    r = 1.0 / (1.0 + e)
    return np.where(z >= 0, r, e * r)


def _activate(z: Array, u: int) -> tuple[Array, Array, Array, Array]:
    """Step 2: the gates from their pre-activations, blocks in Keras's order i, f, c, o."""
    i = _sigmoid(z[:, :u])
    f = _sigmoid(z[:, u:2 * u])
    g = np.tanh(z[:, 2 * u:3 * u])
    o = _sigmoid(z[:, 3 * u:])
    return i, f, g, o


def _gates(x: Array, h: Array, W: Array, U: Array, b: Array) -> tuple[Array, ...]:
    """Steps 1–2 of `lstm_cell`: z = xW + hU + b, then the four gates."""
    return _activate(x @ W + h @ U + b, U.shape[0])


def _cell_backward(dh_new: Array, dc_new: Array, c: Array, gates: tuple[Array, ...]
                   ) -> tuple[Array, Array]:
    """One cell's backward: z̄ = [z̄_i | z̄_f | z̄_g | z̄_o] and c̄ for the previous cell."""
    i, f, g, o = gates
    tanh_c = np.tanh(f * c + i * g)
    dc = dc_new + dh_new * o * (1.0 - tanh_c ** 2)    # c' reaches L directly and through h'
    dz = np.concatenate([dc * g * i * (1.0 - i),       # z̄_i
                         dc * c * f * (1.0 - f),       # z̄_f
                         dc * i * (1.0 - g ** 2),      # z̄_g
                         dh_new * tanh_c * o * (1.0 - o)], axis=1)  # z̄_o
    return dz, dc * f


def _lstm_forward(X: Array, W: Array, U: Array, b: Array
                  ) -> tuple[Array, Array, list[tuple[Array, ...]]]:
    """Steps 1–2 of `lstm`, keeping what the backward needs: the states H (T+1, n, u) and
    C (T+1, n, u), time-major (each step's block contiguous) with the zero initial ones
    first, and each step's gates."""
    n, T, _ = X.shape
    u = U.shape[0]
    XW = X.transpose(1, 0, 2) @ W + b                       # Step 1: (T, n, 4u)
    Hs, Cs = np.zeros((T + 1, n, u)), np.zeros((T + 1, n, u))
    gates: list[tuple[Array, ...]] = []
    for t in range(T):                                      # Step 2
        i, f, g, o = _activate(XW[t] + Hs[t] @ U, u)
        Cs[t + 1] = f * Cs[t] + i * g
        Hs[t + 1] = o * np.tanh(Cs[t + 1])
        gates.append((i, f, g, o))
    return Hs, Cs, gates


# --- input checks ------------------------------------------------------------------------------

def _check_weights(n_in: int, x_name: str, x_shape: tuple, kernel: ArrayLike,
                   recurrent_kernel: ArrayLike, bias: ArrayLike) -> tuple[Array, Array, Array]:
    """kernel (n_in, 4u), recurrent_kernel (u, 4u), bias (4u,): each mismatch names both
    shapes."""
    W = _array(kernel, "kernel", 2, finite=True)
    U = _array(recurrent_kernel, "recurrent_kernel", 2, finite=True)
    b = _array(bias, "bias", 1, finite=True)
    u = U.shape[0]
    if U.shape[1] != 4 * u or u == 0:
        raise ValueError(f"recurrent_kernel has shape {U.shape}: it must be (u, 4u) "
                         f"(gate blocks i, f, c, o)")
    if W.shape[1] != 4 * u:
        raise ValueError(f"kernel has shape {W.shape} but recurrent_kernel has shape "
                         f"{U.shape}: both need 4u = {4 * u} columns")
    if b.shape != (4 * u,):
        raise ValueError(f"bias has shape {b.shape} but recurrent_kernel has shape "
                         f"{U.shape}: bias must have 4u = {4 * u} entries")
    if W.shape[0] != n_in:
        raise ValueError(f"{x_name} has shape {x_shape} but kernel has shape {W.shape}: "
                         f"{x_name}'s last axis must match kernel's first")
    return W, U, b


def _check_cell(x: ArrayLike, h: ArrayLike, c: ArrayLike, kernel: ArrayLike,
                recurrent_kernel: ArrayLike, bias: ArrayLike) -> tuple[Array, ...]:
    x, h, c = (_array(a, name, 2, finite=True) for a, name in ((x, "x"), (h, "h"), (c, "c")))
    W, U, b = _check_weights(x.shape[1], "x", x.shape, kernel, recurrent_kernel, bias)
    for name, s in (("h", h), ("c", c)):
        if s.shape != (x.shape[0], U.shape[0]):
            raise ValueError(f"{name} has shape {s.shape} but x has shape {x.shape} and "
                             f"recurrent_kernel {U.shape}: {name} must be (batch, u) = "
                             f"{(x.shape[0], U.shape[0])}")
    return x, h, c, W, U, b


def _check_sequence(X: ArrayLike, kernel: ArrayLike, recurrent_kernel: ArrayLike,
                    bias: ArrayLike) -> tuple[Array, Array, Array, Array]:
    X = _array(X, "X", 3, finite=True)
    if X.shape[1] == 0:
        raise ValueError(f"X has shape {X.shape}: a sequence needs at least one step")
    W, U, b = _check_weights(X.shape[2], "X", X.shape, kernel, recurrent_kernel, bias)
    return X, W, U, b


def _check_embedding(indices: ArrayLike, weights: ArrayLike) -> tuple[NDArray[np.intp], Array]:
    E = _array(weights, "weights", 2)
    k = np.asarray(indices)
    # integer ids, or floats holding integers (as Keras accepts them)
    integral = k.dtype.kind in "iu" or (k.dtype.kind == "f" and bool(
        np.isfinite(k).all() and (k == np.round(k)).all()))
    if not integral:
        raise ValueError(f"indices must be integer token ids, got dtype {k.dtype}")
    k = k.astype(np.intp, copy=False)
    V = E.shape[0]
    if k.size and (k.min() < 0 or k.max() >= V):
        bad = int(k.min()) if k.min() < 0 else int(k.max())
        raise IndexError(f"index {bad} is out of the vocabulary [0, {V}) of weights "
                         f"with shape {E.shape}")
    return k, E


def _upstream(d: ArrayLike, shape: tuple, layer: str, finite: bool = True
              ) -> NDArray[np.float64]:
    D = _array(d, "dy", finite=finite)
    if D.shape != shape:
        raise ValueError(f"the upstream gradient has shape {D.shape} but {layer}'s output "
                         f"has shape {shape}")
    return D

