r"""Feed-forward layers as functions: each forward pass and its backward pass side by side.

A layer is a function ``y = layer(x, *params, **hyper)``; its backward pass is the function
``layer_backward(dy, x, *params, **hyper)``, called with the adjoint
:math:`\bar y = \partial L/\partial y` followed by *the same arguments as the forward*, and
returning the vector–Jacobian products :math:`\bar x = \bar y\,\partial y/\partial x` of the
differentiable arguments in their order: one array for a one-input layer (``relu``), a tuple
otherwise (``conv2d`` → ``(dx, dw, db)``). Given Tensors of `mathml.autodiff`, a layer
returns a Tensor whose backward rule is that function, so ``autodiff.grad`` differentiates
any network written with them.

Images are batches in PyTorch's NCHW layout: ``x[n, c, i, j]`` is sample n, channel c,
row i, column j; convolution weights are ``w[o, c, p, q]`` (out channel, in channel, kernel
row, kernel column). ``flatten`` therefore orders features channel first (PyTorch's order,
not Keras's channels-last one).
"""
from __future__ import annotations

import functools
import inspect
import sys
from typing import Any
from collections.abc import Callable

import numpy as np
from numpy.lib.array_utils import normalize_axis_index
from numpy.lib.stride_tricks import sliding_window_view
from numpy.typing import ArrayLike, NDArray

from .._validation import FINITE_MESSAGE, as_float_array, check_random_state
from ..autodiff import Tensor, _node, _sigmoid_pair

__all__ = ["linear", "conv2d", "max_pool2d", "avg_pool2d", "flatten", "relu", "tanh",
           "sigmoid", "softmax", "log_softmax", "softmax_cross_entropy",
           "binary_cross_entropy", "dropout"]

Array = NDArray[np.float64]


# --- layers as autodiff operations --------------------------------------------------------------

def _layer(*differentiable: str) -> Callable[[Callable], Callable]:
    """Make a forward function an autodiff operation too: when one of its `differentiable`
    arguments is a Tensor, the forward runs on the values and the result is a node whose
    rule for each Tensor argument is the matching output of ``<layer>_backward``, found
    beside the forward in its module (computed once per adjoint, shared by the arguments).
    Any layer module of `mathml.nn` can use it: ``@_layer("x", "w")`` over ``def f(x, w)``
    with ``def f_backward(dy, x, w) -> (dx, dw)`` in the same module."""
    def decorate(forward: Callable) -> Callable:
        signature = inspect.signature(forward)

        @functools.wraps(forward)
        def layer(*args: Any, **kwargs: Any) -> Any:
            bound = signature.bind(*args, **kwargs)
            tensors = [name for name in differentiable
                       if isinstance(bound.arguments.get(name), Tensor)]
            if not tensors:
                return forward(*args, **kwargs)
            values = {name: v.value if isinstance(v, Tensor) else v
                      for name, v in bound.arguments.items()}
            y = forward(**values)
            backward = getattr(sys.modules[forward.__module__], f"{forward.__name__}_backward")
            memo: dict[str, Any] = {}

            def gradients(ybar: Array) -> tuple:
                if memo.get("ybar") is not ybar:  # one backward call serves every argument
                    grads = backward(ybar, **values)
                    memo.update(ybar=ybar, grads=grads if isinstance(grads, tuple) else (grads,))
                return memo["grads"]

            def rule(k: int) -> Callable[[Array], Array]:
                return lambda ybar: gradients(ybar)[k]
            return _node(y, *((bound.arguments[name], rule(differentiable.index(name)))
                              for name in tensors))
        return layer
    return decorate


# --- input checks ---------------------------------------------------------------------------------

def _array(a: ArrayLike, name: str, ndim: int | None = None, what: str = "",
           finite: bool = False) -> Array:
    """`a` as float64, with `ndim` dimensions, without NaN (nor ±inf if `finite`)."""
    x = as_float_array(a)
    if ndim is not None and x.ndim != ndim:
        raise ValueError(f"{name} must be {ndim}-dimensional {what}, got shape {x.shape}")
    if finite:
        if not np.isfinite(x).all():
            raise ValueError(f"{name}: {FINITE_MESSAGE}")
    elif np.isnan(x.sum()) and np.isnan(x).any():  # the cheap sum first; inf − inf ≠ NaN
        raise ValueError(f"{name}: {FINITE_MESSAGE}")
    return x


def _classes(a: ArrayLike, axis: Any) -> Array:
    """`a` as float64, `axis` one of its axes (the classes'): NumPy's AxisError otherwise,
    also for a 0-d array, whose axis -1 NumPy's reductions would quietly accept."""
    x = as_float_array(a)
    normalize_axis_index(axis, x.ndim)
    return x


def _positive_int(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return int(value)


def _padding(padding: Any, stride: int, kernel: tuple[int, int]) -> tuple[int, int, int, int]:
    """(top, bottom, left, right) zeros: 'valid' none, 'same' what keeps H×W at stride 1
    (an even kernel puts the extra row and column at the bottom and right, as PyTorch),
    an int that many on every side."""
    if isinstance(padding, str) and padding == "valid":
        return 0, 0, 0, 0
    if isinstance(padding, str) and padding == "same":
        if stride != 1:
            raise ValueError("padding='same' needs stride=1 (as PyTorch); pad with an int")
        (kh, kw) = kernel
        return (kh - 1) // 2, kh // 2, (kw - 1) // 2, kw // 2
    if isinstance(padding, (int, np.integer)) and not isinstance(padding, bool) and padding >= 0:
        return (int(padding),) * 4
    raise ValueError(f"padding must be 'valid', 'same' or a non-negative int, got {padding!r}")


def _check_window(shape: tuple[int, ...], window: tuple[int, int], what: str) -> None:
    if window[0] > shape[0] or window[1] > shape[1]:
        raise ValueError(f"the {what} {window} is larger than the (padded) input {shape}")


# --- linear -----------------------------------------------------------------------------------------

@_layer("x", "W", "b")
def linear(x: ArrayLike, W: ArrayLike, b: ArrayLike | None = None) -> Array:
    r"""A fully connected (dense) layer: an affine map of every sample.

    .. math::
        y = x W + b, \qquad
        \bar x = \bar y\, W^\top, \quad \bar W = x^\top \bar y, \quad
        \bar b = \textstyle\sum_n \bar y_{n\cdot}

    Parameters
    ----------
    x : array_like, shape (n_samples, n_in)
    W : array_like, shape (n_in, n_out)
        Keras's ``Dense`` kernel layout (PyTorch's ``Linear`` stores Wᵀ).
    b : array_like, shape (n_out,), optional

    Returns
    -------
    y : ndarray, shape (n_samples, n_out)

    Raises
    ------
    ValueError
        If the shapes do not fit (the message names both), or an input holds NaN.

    Notes
    -----
    *Algorithm*: one matrix product; ``linear_backward(dy, x, W, b)`` returns
    ``(dx, dW, db)``, three more products/sums (db is returned also when b is None: it is
    what a bias would receive). *Complexity*: O(n·n_in·n_out) each way.

    References: Goodfellow, Bengio & Courville, *Deep Learning*, §6.5.

    Checked against ``reference.nn.linear`` → ``numpy.matmul``, backward in closed form.

    Examples
    --------
    >>> linear(np.array([[1.0, 2.0]]), np.array([[1.0], [1.0]]), np.array([0.5]))
    array([[3.5]])
    """
    x, W, b = _check_linear(x, W, b)
    y = x @ W
    return y + b if b is not None else y


def linear_backward(dy: ArrayLike, x: ArrayLike, W: ArrayLike,
                    b: ArrayLike | None = None) -> tuple[Array, Array, Array]:
    r"""The backward pass of `linear`: :math:`(\bar y W^\top,\ x^\top \bar y,\ \sum_n \bar y_n)`."""
    x, W, b = _check_linear(x, W, b)
    dy = _array(dy, "dy", 2)
    return dy @ W.T, x.T @ dy, dy.sum(axis=0)


def _check_linear(x: ArrayLike, W: ArrayLike,
                  b: ArrayLike | None) -> tuple[Array, Array, Array | None]:
    x, W = _array(x, "x", 2, "(n_samples, n_in)"), _array(W, "W", 2, "(n_in, n_out)")
    if x.shape[1] != W.shape[0]:
        raise ValueError(f"shapes do not fit: x has shape {x.shape} but W has shape "
                         f"{W.shape} (x's columns must equal W's rows)")
    if b is not None:
        b = _array(b, "b", 1)
        if b.shape != (W.shape[1],):
            raise ValueError(f"shapes do not fit: b has shape {b.shape} but W has shape "
                             f"{W.shape} (one bias per output)")
    return x, W, b


# --- convolution ------------------------------------------------------------------------------------

def _textbook_conv2d(x: Array, w: Array, b: Array | None, stride: int) -> Array:
    """y[n, o, i, j] = b[o] + Σ_{c,p,q} w[o, c, p, q] x[n, c, s·i+p, s·j+q], loop by loop.

    The definition on an unpadded input; a test keeps `conv2d` equal to it."""
    N, C, H, W_ = x.shape
    O, _, kh, kw = w.shape
    Ho, Wo = (H - kh) // stride + 1, (W_ - kw) // stride + 1
    y = np.zeros((N, O, Ho, Wo))
    for n in range(N):
        for o in range(O):
            for i in range(Ho):
                for j in range(Wo):
                    patch = x[n, :, stride * i:stride * i + kh, stride * j:stride * j + kw]
                    y[n, o, i, j] = (w[o] * patch).sum() + (b[o] if b is not None else 0.0)
    return y


@_layer("x", "w", "b")
def conv2d(x: ArrayLike, w: ArrayLike, b: ArrayLike | None = None, *, stride: int = 1,
           padding: str | int = "valid") -> Array:
    r"""A 2-D convolution layer (a cross-correlation, as every deep-learning library).

    The forward pass (stride s), then the backward pass from the adjoint
    :math:`\bar y = \partial L/\partial y`:

    .. math::
        y_{n,o,i,j} = b_o + \sum_{c}\sum_{p,q} w_{o,c,p,q}\; x_{n,c,\,s i + p,\, s j + q}

        \bar w_{o,c,p,q} = \sum_{n,i,j} \bar y_{n,o,i,j}\, x_{n,c,\,s i+p,\, s j+q}, \qquad
        \bar b_o = \sum_{n,i,j} \bar y_{n,o,i,j}

        \bar x_{n,c,\,s i+p,\, s j+q} \mathrel{+}= \sum_o \bar y_{n,o,i,j}\, w_{o,c,p,q}
        \quad\text{for every } (i, j, p, q)

    At stride 1, :math:`\bar x_{n,c}` is the *full convolution* (kernel flipped) of
    :math:`\bar y_{n,o}` with :math:`w_{o,c}`, summed over o, and
    :math:`\bar w_{o,c}` the valid cross-correlation of :math:`x_{n,c}` with
    :math:`\bar y_{n,o}`, summed over n.

    Parameters
    ----------
    x : array_like, shape (N, C, H, W)
        A batch of images, channels first (PyTorch's NCHW).
    w : array_like, shape (O, C, kh, kw)
        O filters over the C input channels (PyTorch's layout).
    b : array_like, shape (O,), optional
    stride : int, default 1
        The step of the window in both directions.
    padding : 'valid', 'same' or int, default 'valid'
        'valid' adds nothing; 'same' adds the zeros that keep H×W (stride 1 only; an even
        kernel gets its extra row and column at the bottom and right, as PyTorch); an int
        that many zeros on every side.

    Returns
    -------
    y : ndarray, shape (N, O, Ho, Wo)
        Ho = ⌊(H + pads − kh)/s⌋ + 1, and likewise Wo.

    Raises
    ------
    ValueError
        Wrong dimensions or channel counts (the message names both shapes), a kernel
        larger than the padded input, a bad stride or padding, NaN in an input.

    Notes
    -----
    *Algorithm* (im2col): every output position (i, j) of image n sees one window
    x[n, :, si:si+kh, sj:sj+kw]; laid out as a column of C·kh·kw numbers, the windows of
    image n form a matrix X̂ₙ of shape (C·kh·kw, Ho·Wo), the filters laid out as rows form
    Ŵ = w.reshape(O, C·kh·kw), and the layer is one matrix product per image::

        filters Ŵ (O × C·kh·kw)      windows X̂ₙ (C·kh·kw × Ho·Wo)
        ┌ w[0] flattened ┐         ┌ x[n,:,0:3,0:3] │ x[n,:,0:3,1:4] │ … ┐
        │ w[1] flattened │    @    │   flattened    │   flattened    │   │  =  yₙ (O × Ho·Wo)
        └ …              ┘         └                │                │   ┘

    1. Pad x with zeros.
    2. im2col: the windows as a strided view (no copy) of shape (N, C, kh, kw, Ho, Wo),
       copied once into X̂ of shape (N, C·kh·kw, Ho·Wo).
    3. yₙ = Ŵ X̂ₙ + b for every n (one batched ``@``), reshaped to (N, O, Ho, Wo).

    ``conv2d_backward(dy, x, w, b, stride=, padding=)`` returns ``(dx, dw, db)``:
    :math:`\bar W = \sum_n \bar y_n \hat X_n^\top`, :math:`\bar{\hat X}_n = \hat W^\top \bar y_n`,
    and col2im adds each window's column back where the window came from: one strided
    slice per kernel offset (p, q), so kh·kw additions; then the padding is cut off.
    db is returned also when b is None.

    *Complexity*: O(N·Ho·Wo·C·kh·kw·O) time each way, O(N·Ho·Wo·C·kh·kw) memory for X̂.

    References: Goodfellow, Bengio & Courville, *Deep Learning*, §9.1–9.5; Chellapilla,
    Puri & Simard, "High performance convolutional neural networks for document
    processing" (2006), for im2col.

    Checked against ``reference.nn.conv2d`` → ``scipy.signal.correlate2d``,
    ``convolve2d``: a loop over (n, o, c) of ``correlate2d(x, w, 'valid')``; backward by
    ``convolve2d(w, dy, 'full')`` and ``correlate2d(x, dy, 'valid')`` per stride phase
    (the kernel's and the input's rows and columns p ≡ a mod s). The sums run in another
    order: equal to rounding.

    Examples
    --------
    >>> x = np.arange(16.0).reshape(1, 1, 4, 4)
    >>> conv2d(x, np.ones((1, 1, 2, 2)), stride=2)
    array([[[[10., 18.],
             [42., 50.]]]])
    """
    x, w, b, stride, pads = _check_conv(x, w, b, stride, padding)
    # Steps 1–2: X̂ (N, C·kh·kw, Ho·Wo), column (i, j) of X̂ₙ the window at (si, sj)
    X, (Ho, Wo) = _im2col(np.pad(x, ((0, 0), (0, 0), pads[:2], pads[2:])), w.shape[2:], stride)
    # Step 3: yₙ = Ŵ X̂ₙ, Ŵ = w as (O, C·kh·kw)
    y = (w.reshape(w.shape[0], X.shape[1]) @ X).reshape(x.shape[0], w.shape[0], Ho, Wo)
    if b is not None:
        y += b[:, None, None]
    return y


def conv2d_backward(dy: ArrayLike, x: ArrayLike, w: ArrayLike, b: ArrayLike | None = None, *,
                    stride: int = 1,
                    padding: str | int = "valid") -> tuple[Array, Array, Array]:
    r"""The backward pass of `conv2d`: ``(dx, dw, db)`` (see `conv2d`'s docstring)."""
    x, w, b, stride, (top, bottom, left, right) = _check_conv(x, w, b, stride, padding)
    xp = np.pad(x, ((0, 0), (0, 0), (top, bottom), (left, right)))
    (N, C), (O, _, kh, kw) = x.shape[:2], w.shape
    X, (Ho, Wo) = _im2col(xp, (kh, kw), stride)
    dy = _array(dy, "dy", 4)
    if dy.shape != (N, O, Ho, Wo):
        raise ValueError(f"dy has shape {dy.shape} but y has shape {(N, O, Ho, Wo)}")
    dY = dy.reshape(N, O, Ho * Wo)
    dw = (dY @ X.transpose(0, 2, 1)).sum(axis=0).reshape(w.shape)  # w̄ = Σₙ ȳₙ X̂ₙᵀ
    db = dY.sum(axis=(0, 2))                                        # b̄ = Σ ȳ
    dX = (w.reshape(O, X.shape[1]).T @ dY).reshape(N, C, kh, kw, Ho, Wo)    # X̂̄ₙ = Ŵᵀ ȳₙ
    dxp = np.zeros_like(xp)
    for p in range(kh):          # col2im: window offset (p, q) came from x[.., s·i+p, s·j+q]
        for q in range(kw):
            dxp[:, :, p:p + stride * Ho:stride, q:q + stride * Wo:stride] += dX[:, :, p, q]
    return dxp[:, :, top:xp.shape[2] - bottom, left:xp.shape[3] - right].copy(), dw, db


def _im2col(xp: Array, kernel: tuple[int, int], stride: int) -> tuple[Array, tuple[int, int]]:
    """Step 2: X̂ of shape (N, C·kh·kw, Ho·Wo), rows in w's (c, p, q) order, and (Ho, Wo)."""
    windows = sliding_window_view(xp, kernel, axis=(2, 3))[:, :, ::stride, ::stride]
    N, C, Ho, Wo, kh, kw = windows.shape
    return windows.transpose(0, 1, 4, 5, 2, 3).reshape(N, C * kh * kw, Ho * Wo), (Ho, Wo)


def _check_conv(x: ArrayLike, w: ArrayLike, b: ArrayLike | None, stride: Any,
                padding: Any) -> tuple[Array, Array, Array | None, int, tuple[int, ...]]:
    x = _array(x, "x", 4, "(N, C, H, W)")
    w = _array(w, "w", 4, "(out_channels, in_channels, kh, kw)")
    if x.shape[1] != w.shape[1]:
        raise ValueError(f"channels do not fit: x has shape {x.shape} ({x.shape[1]} "
                         f"channels) but w has shape {w.shape} ({w.shape[1]} channels)")
    if b is not None:
        b = _array(b, "b", 1)
        if b.shape != (w.shape[0],):
            raise ValueError(f"shapes do not fit: b has shape {b.shape} but w has shape "
                             f"{w.shape} (one bias per filter)")
    stride = _positive_int(stride, "stride")
    pads = _padding(padding, stride, w.shape[2:])
    padded = (x.shape[2] + pads[0] + pads[1], x.shape[3] + pads[2] + pads[3])
    _check_window(padded, w.shape[2:], "kernel")
    return x, w, b, stride, pads


# --- pooling ----------------------------------------------------------------------------------------

def _pool_views(x: Array, size: int, stride: int) -> list[tuple[tuple[int, int], Array]]:
    """The kh·kw strided slices x[:, :, p::s, q::s] (each (N, C, Ho, Wo)): slice (p, q)
    holds, at (i, j), the entry at offset (p, q) of window (i, j)."""
    Ho, Wo = (x.shape[2] - size) // stride + 1, (x.shape[3] - size) // stride + 1
    return [((p, q), x[:, :, p:p + stride * Ho:stride, q:q + stride * Wo:stride])
            for p in range(size) for q in range(size)]


def _check_pool(x: ArrayLike, size: Any, stride: Any) -> tuple[Array, int, int]:
    x = _array(x, "x", 4, "(N, C, H, W)")
    size = _positive_int(size, "size")
    stride = size if stride is None else _positive_int(stride, "stride")
    _check_window(x.shape[2:], (size, size), "pooling window")
    return x, size, stride


@_layer("x")
def max_pool2d(x: ArrayLike, size: int = 2, *, stride: int | None = None) -> Array:
    r"""Max pooling: the largest entry of each size×size window.

    .. math::
        y_{n,c,i,j} = \max_{0 \le p,q < k} x_{n,c,\,s i+p,\, s j+q}, \qquad
        \bar x_{n,c,\,s i+p^*,\, s j+q^*} \mathrel{+}= \bar y_{n,c,i,j}

    where :math:`(p^*, q^*)` is the position of the maximum in window (i, j): the whole
    adjoint goes to the winner. At a tie it goes to the *first* maximum in row-major order
    (PyTorch's rule; JAX and TensorFlow split or pick differently).

    Parameters
    ----------
    x : array_like, shape (N, C, H, W)
    size : int, default 2
        The window is size×size.
    stride : int, optional
        Defaults to `size` (windows side by side, as Keras's ``MaxPooling2D(2)``).

    Returns
    -------
    y : ndarray, shape (N, C, ⌊(H − k)/s⌋ + 1, ⌊(W − k)/s⌋ + 1)
        Rows and columns that do not fill a window are dropped (no padding).

    Raises
    ------
    ValueError
        A window larger than the input, bad size or stride, not 4-D, NaN.

    Notes
    -----
    *Algorithm*: one strided slice of x per window offset (p, q) (k² slices, each
    (N, C, Ho, Wo)); the running maximum over them is y. ``max_pool2d_backward(dy, x,
    size, stride=)`` keeps the offset of the running maximum, replacing it only on a
    strictly larger value (so the first maximum wins), and adds ȳ into the slice of the
    winning offset. *Complexity*: O(N·C·Ho·Wo·k²) each way.

    References: Goodfellow, Bengio & Courville, *Deep Learning*, §9.3.

    Checked against ``reference.nn.max_pool2d`` → ``scipy.ndimage.maximum_filter``,
    sampled at the window corners (``origin`` shifted so that a window starts at its
    corner); backward by the first ``argmax`` of each window.

    Examples
    --------
    >>> max_pool2d(np.arange(16.0).reshape(1, 1, 4, 4))
    array([[[[ 5.,  7.],
             [13., 15.]]]])
    """
    x, size, stride = _check_pool(x, size, stride)
    views = [xs for _, xs in _pool_views(x, size, stride)]
    y = views[0].copy()
    for xs in views[1:]:
        np.maximum(y, xs, out=y)
    return y


def max_pool2d_backward(dy: ArrayLike, x: ArrayLike, size: int = 2, *,
                        stride: int | None = None) -> Array:
    r"""The backward pass of `max_pool2d`: ȳ to the first maximum of each window."""
    x, size, stride = _check_pool(x, size, stride)
    views = _pool_views(x, size, stride)
    best, winner = views[0][1], np.zeros(views[0][1].shape, dtype=np.intp)
    for k, (_, xs) in enumerate(views[1:], start=1):
        larger = xs > best            # strictly: a tie keeps the earlier offset
        best = np.where(larger, xs, best)
        winner[larger] = k
    dy = _array(dy, "dy", 4)
    dx = np.zeros_like(x)
    Ho, Wo = best.shape[2:]
    for k, ((p, q), _) in enumerate(views):
        dx[:, :, p:p + stride * Ho:stride, q:q + stride * Wo:stride] += np.where(
            winner == k, dy, 0.0)
    return dx


@_layer("x")
def avg_pool2d(x: ArrayLike, size: int = 2, *, stride: int | None = None) -> Array:
    r"""Average pooling: the mean of each size×size window.

    .. math::
        y_{n,c,i,j} = \frac{1}{k^2} \sum_{0 \le p,q < k} x_{n,c,\,s i+p,\, s j+q}, \qquad
        \bar x_{n,c,\,s i+p,\, s j+q} \mathrel{+}= \frac{\bar y_{n,c,i,j}}{k^2}

    Parameters
    ----------
    x : array_like, shape (N, C, H, W)
    size : int, default 2
    stride : int, optional
        Defaults to `size`.

    Returns
    -------
    y : ndarray, shape (N, C, ⌊(H − k)/s⌋ + 1, ⌊(W − k)/s⌋ + 1)

    Raises
    ------
    ValueError
        A window larger than the input, bad size or stride, not 4-D, NaN.

    Notes
    -----
    *Algorithm*: the sum of the k² strided slices (one per window offset), divided by k²;
    ``avg_pool2d_backward(dy, x, size, stride=)`` adds ȳ/k² into every slice.
    *Complexity*: O(N·C·Ho·Wo·k²) each way.

    References: Goodfellow, Bengio & Courville, *Deep Learning*, §9.3.

    Checked against ``reference.nn.avg_pool2d`` → ``scipy.ndimage.correlate`` with the box,
    sampled at the window corners; backward by ``scipy.signal.convolve2d`` of the
    dilated ȳ with the k×k box. The sums run in another order: equal to rounding.

    Examples
    --------
    >>> avg_pool2d(np.arange(16.0).reshape(1, 1, 4, 4))
    array([[[[ 2.5,  4.5],
             [10.5, 12.5]]]])
    """
    x, size, stride = _check_pool(x, size, stride)
    views = [xs for _, xs in _pool_views(x, size, stride)]
    total = views[0].copy()
    for xs in views[1:]:
        total += xs
    return total / size ** 2


def avg_pool2d_backward(dy: ArrayLike, x: ArrayLike, size: int = 2, *,
                        stride: int | None = None) -> Array:
    r"""The backward pass of `avg_pool2d`: ȳ/k² to every entry of each window."""
    x, size, stride = _check_pool(x, size, stride)
    share = _array(dy, "dy", 4) / size ** 2
    dx = np.zeros_like(x)
    Ho, Wo = share.shape[2:]
    for p in range(size):
        for q in range(size):
            dx[:, :, p:p + stride * Ho:stride, q:q + stride * Wo:stride] += share
    return dx


# --- reshaping --------------------------------------------------------------------------------------

@_layer("x")
def flatten(x: ArrayLike) -> Array:
    r"""Flatten every sample into one row: (N, d₁, d₂, …) → (N, d₁·d₂·…).

    .. math::
        y_{n,\ \mathrm{flat}(c,i,j)} = x_{n,c,i,j}, \qquad \bar x = \bar y
        \text{ reshaped back to the shape of } x

    Parameters
    ----------
    x : array_like, shape (N, ...)
        At least 1-D; the first axis is the batch.

    Returns
    -------
    y : ndarray, shape (N, prod of the other dimensions)
        Row-major order: for NCHW images channel first (PyTorch's ``nn.Flatten``; Keras
        flattens its channels-last images pixel first, so its Dense weights after a
        Flatten are a permutation of ours).

    Raises
    ------
    ValueError
        For a 0-d input (NaN passes through, as in every elementwise layer).

    Notes
    -----
    *Algorithm*: a reshape (a view, no copy); ``flatten_backward(dy, x)`` reshapes back.
    *Complexity*: O(1) (a view).

    References: Goodfellow, Bengio & Courville, *Deep Learning*, §9 (a convolutional
    network's features flattened for its dense layers).

    Checked against ``reference.nn.flatten`` → ``numpy.reshape``.

    Examples
    --------
    >>> flatten(np.zeros((2, 3, 4, 4))).shape
    (2, 48)
    """
    x = as_float_array(x)                                    # a reshape: NaN passes through
    if x.ndim == 0:
        raise ValueError("x must be at least 1-dimensional (the batch axis first), got a scalar")
    return x.reshape(x.shape[0], -1)


def flatten_backward(dy: ArrayLike, x: ArrayLike) -> Array:
    r"""The backward pass of `flatten`: ȳ reshaped to the shape of x."""
    return as_float_array(dy).reshape(np.shape(x))


# --- activations ------------------------------------------------------------------------------------



@_layer("x")
def relu(x: ArrayLike) -> Array:
    r"""The rectifier, elementwise.

    .. math:: y = \max(x, 0), \qquad \bar x = \bar y \cdot [x > 0]

    Parameters
    ----------
    x : array_like, any shape

    Returns
    -------
    y : ndarray, the shape of x

    Raises
    ------
    TypeError
        For complex input.

    Notes
    -----
    *Algorithm*: ``np.maximum(x, 0)``; ``relu_backward(dy, x)`` is ȳ where x > 0 and 0
    elsewhere: relu'(0) = 0, the subgradient PyTorch and JAX use. *Complexity*: O(n) each
    way. NaN propagates (as NumPy).

    References: Goodfellow, Bengio & Courville, *Deep Learning*, §6.3.1.

    Checked against ``reference.nn.relu`` → ``numpy.maximum``.

    Examples
    --------
    >>> relu(np.array([-1.0, 0.0, 2.0]))
    array([0., 0., 2.])
    """
    return np.maximum(as_float_array(x), 0.0)


def relu_backward(dy: ArrayLike, x: ArrayLike) -> Array:
    r"""The backward pass of `relu`: :math:`\bar x = \bar y\,[x > 0]`."""
    return as_float_array(dy) * np.heaviside(as_float_array(x), 0.0)  # H(0) = 0; NaN stays


@_layer("x")
def tanh(x: ArrayLike) -> Array:
    r"""The hyperbolic tangent, elementwise.

    .. math:: y = \tanh x, \qquad \bar x = \bar y\,(1 - y^2)

    Parameters
    ----------
    x : array_like, any shape

    Returns
    -------
    y : ndarray, the shape of x

    Raises
    ------
    TypeError
        For complex input.

    Notes
    -----
    *Algorithm*: ``np.tanh``; ``tanh_backward(dy, x)`` evaluates 1 − tanh²x = sech²x as
    4z/(1 + z)² with z = e^{−2|x|} ≤ 1. *Complexity*: O(n) each way. NaN propagates (as
    NumPy). *Numerical stability*: 1 − y² with the rounded y cancels for |x| ≳ 5 (y rounds
    towards ±1) and is 0 from |x| ≈ 19 on, where sech²x is still ~1e-16; the z form
    keeps full relative accuracy and never overflows.

    References: Goodfellow, Bengio & Courville, *Deep Learning*, §6.3.2.

    Checked against ``reference.nn.tanh`` → ``numpy.tanh``.

    Examples
    --------
    >>> tanh(np.array([0.0]))
    array([0.])
    """
    return np.tanh(as_float_array(x))


def tanh_backward(dy: ArrayLike, x: ArrayLike) -> Array:
    r"""The backward pass of `tanh`: :math:`\bar x = \bar y\,(1 - \tanh^2 x)`."""
    z = np.exp(-2.0 * np.abs(as_float_array(x)))
    return as_float_array(dy) * (4.0 * z / (1.0 + z) ** 2)     # 1 − tanh²x = sech²x


@_layer("x")
def sigmoid(x: ArrayLike) -> Array:
    r"""The logistic sigmoid, elementwise, stable for both signs of x.

    .. math:: y = \sigma(x) = \frac{1}{1 + e^{-x}}, \qquad
              \bar x = \bar y\,\sigma(x)\,\sigma(-x)

    Parameters
    ----------
    x : array_like, any shape

    Returns
    -------
    y : ndarray, the shape of x

    Raises
    ------
    TypeError
        For complex input.

    Notes
    -----
    *Algorithm*: with z = e^{−|x|} ≤ 1 (never overflows), σ(|x|) = 1/(1 + z) and
    σ(−|x|) = z·σ(|x|); the sign of x picks which is y. ``sigmoid_backward(dy, x)``
    multiplies the two, which does not cancel where σ(1 − σ) would.
    *Complexity*: O(n) each way. NaN propagates.

    References: Goodfellow, Bengio & Courville, *Deep Learning*, §3.10.

    Checked against ``reference.nn.sigmoid`` → ``scipy.special.expit``: equal to a few ulps
    (SciPy evaluates 1/(1 + e^{−x}) directly).

    Examples
    --------
    >>> sigmoid(np.array([0.0, -800.0]))
    array([0.5, 0. ])
    """
    x = as_float_array(x)
    z = np.exp(-np.abs(x))                                    # e^{−|x|} ≤ 1: no overflow
    r = 1.0 / (1.0 + z)                                       # σ(|x|)
    return np.where(x >= 0, r, z * r)                         # σ(−|x|) = z σ(|x|)


def sigmoid_backward(dy: ArrayLike, x: ArrayLike) -> Array:
    r"""The backward pass of `sigmoid`: :math:`\bar x = \bar y\,\sigma(x)\,\sigma(-x)`."""
    s, s_minus = _sigmoid_pair(as_float_array(x))
    return as_float_array(dy) * s * s_minus


@_layer("x")
def log_softmax(x: ArrayLike, axis: int = -1) -> Array:
    r"""The logarithm of the softmax along `axis`, through the log-sum-exp.

    .. math::
        y_k = x_k - \log \sum_j e^{x_j}, \qquad
        \bar x = \bar y - \mathrm{softmax}(x) \sum_k \bar y_k

    Parameters
    ----------
    x : array_like, any shape
    axis : int, default -1
        The axis of the classes.

    Returns
    -------
    y : ndarray, the shape of x

    Raises
    ------
    TypeError
        For complex input.
    numpy.exceptions.AxisError
        If `axis` is not an axis of x (a 0-d x has none).

    Notes
    -----
    *Algorithm*: shift by the maximum m (so every exponent is ≤ 0 and nothing overflows),
    y = (x − m) − log Σ e^{x−m}. ``log_softmax_backward(dy, x, axis)`` is the closed form
    above. *Complexity*: O(n) each way. *Numerical stability*: the shift makes the largest
    term e⁰ = 1, so the sum is ≥ 1 and its logarithm never −∞. A maximum of ±inf is not
    subtracted (SciPy's rule): a row holding +inf gives NaN there and −inf elsewhere.

    References: Goodfellow, Bengio & Courville, *Deep Learning*, §4.1 and §6.2.2.3.

    Checked against ``reference.nn.log_softmax`` → ``scipy.special.log_softmax``.

    Examples
    --------
    >>> np.round(log_softmax(np.array([0.0, 0.0])), 6)
    array([-0.693147, -0.693147])
    """
    x = _classes(x, axis)
    m = np.max(x, axis=axis, keepdims=True)
    m[~np.isfinite(m)] = 0.0  # a maximum of ±inf is not subtracted (as SciPy): a row with
    shifted = x - m           # +inf gives NaN there (inf − inf) and −inf at its finite entries
    return shifted - np.log(np.sum(np.exp(shifted), axis=axis, keepdims=True))


def log_softmax_backward(dy: ArrayLike, x: ArrayLike, axis: int = -1) -> Array:
    r"""The backward pass of `log_softmax`: :math:`\bar y - \mathrm{softmax}(x)\sum_k \bar y_k`."""
    dy = as_float_array(dy)
    return dy - softmax(x, axis) * np.sum(dy, axis=axis, keepdims=True)


@_layer("x")
def softmax(x: ArrayLike, axis: int = -1) -> Array:
    r"""The softmax along `axis`: exponentials normalised to sum to 1.

    .. math::
        y_k = \frac{e^{x_k}}{\sum_j e^{x_j}}, \qquad
        \bar x = y \odot \Bigl(\bar y - \sum_k \bar y_k\, y_k\Bigr)

    Parameters
    ----------
    x : array_like, any shape
    axis : int, default -1
        The axis of the classes.

    Returns
    -------
    y : ndarray, the shape of x
        Positive, summing to 1 along `axis`.

    Raises
    ------
    TypeError
        For complex input.
    numpy.exceptions.AxisError
        If `axis` is not an axis of x (a 0-d x has none).

    Notes
    -----
    *Algorithm*: shift by the maximum, exponentiate, divide by the sum (the shift cancels
    in the ratio and keeps every exponent ≤ 0). ``softmax_backward(dy, x, axis)`` is the
    closed form above (the Jacobian diag(y) − y yᵀ applied to ȳ without forming it).
    *Complexity*: O(n) each way.

    References: Goodfellow, Bengio & Courville, *Deep Learning*, §6.2.2.3.

    Checked against ``reference.nn.softmax`` → ``scipy.special.softmax``.

    Examples
    --------
    >>> softmax(np.array([0.0, 0.0]))
    array([0.5, 0.5])
    """
    x = _classes(x, axis)
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


def softmax_backward(dy: ArrayLike, x: ArrayLike, axis: int = -1) -> Array:
    r"""The backward pass of `softmax`: :math:`y \odot (\bar y - \langle \bar y, y\rangle)`."""
    y, dy = softmax(x, axis), as_float_array(dy)
    return y * (dy - np.sum(dy * y, axis=axis, keepdims=True))


# --- losses ----------------------------------------------------------------------------------------

@_layer("logits")
def softmax_cross_entropy(logits: ArrayLike, labels: ArrayLike) -> Array:
    r"""The cross-entropy of the softmax of `logits` with integer labels, averaged over
    the batch.

    .. math::
        L = \frac1N \sum_{n} \Bigl(\log \sum_k e^{z_{nk}} - z_{n, t_n}\Bigr), \qquad
        \bar z = \frac{\bar L}{N}\bigl(\mathrm{softmax}(z) - \mathrm{onehot}(t)\bigr)

    Parameters
    ----------
    logits : array_like, shape (N, K)
        Scores z, one row per sample (before any softmax).
    labels : array_like of int, shape (N,)
        The class t_n ∈ {0, …, K − 1} of each sample.

    Returns
    -------
    L : ndarray, shape ()
        The mean loss (a 0-d array).

    Raises
    ------
    ValueError
        If the shapes do not fit (the message names both), a label is not an integer in
        [0, K), or the logits hold NaN.

    Notes
    -----
    *Algorithm*: L = −mean of ``log_softmax(z)[n, t_n]``.
    ``softmax_cross_entropy_backward(dL, logits, labels)`` returns the gradient of the
    logits only (labels are data). *Complexity*: O(N·K) each way. *Numerical stability*:
    through the log-sum-exp, never log of a rounded-to-zero probability.

    References: Goodfellow, Bengio & Courville, *Deep Learning*, §6.2.2.3.

    Checked against ``reference.nn.softmax_cross_entropy`` → ``scipy.special.log_softmax``.

    Examples
    --------
    >>> float(softmax_cross_entropy(np.array([[0.0, 0.0]]), np.array([1])))
    0.6931471805599453
    """
    z, t = _check_labels(logits, labels)
    return np.asarray(-np.mean(log_softmax(z)[np.arange(len(t)), t]))


def softmax_cross_entropy_backward(dL: ArrayLike, logits: ArrayLike,
                                   labels: ArrayLike) -> Array:
    r"""The backward pass of `softmax_cross_entropy`: :math:`\frac{\bar L}{N}(\mathrm{softmax}(z) - \mathrm{onehot}(t))`."""  # noqa: E501
    z, t = _check_labels(logits, labels)
    dz = softmax(z)
    dz[np.arange(len(t)), t] -= 1.0
    return as_float_array(dL) * dz / len(t)


def _check_labels(logits: ArrayLike, labels: ArrayLike) -> tuple[Array, NDArray[np.intp]]:
    z = _array(logits, "logits", 2, "(n_samples, n_classes)")
    t = np.asarray(labels)
    if t.shape != (z.shape[0],):
        raise ValueError(f"shapes do not fit: labels has shape {t.shape} but logits has "
                         f"shape {z.shape} (one label per row)")
    if t.size and (t.dtype.kind not in "iu" or t.min() < 0 or t.max() >= z.shape[1]):
        raise ValueError(f"labels must be integers in [0, {z.shape[1]}) (one per class of "
                         f"logits), got {t.dtype} values from {t.min()} to {t.max()}")
    return z, t.astype(np.intp)


@_layer("p")
def binary_cross_entropy(p: ArrayLike, y: ArrayLike) -> Array:
    r"""The binary cross-entropy of probabilities `p` against targets `y`, averaged over
    every entry.

    .. math::
        L = -\frac1n \sum_i \bigl(y_i \log p_i + (1 - y_i) \log(1 - p_i)\bigr), \qquad
        \bar p_i = \frac{\bar L}{n}\Bigl(-\frac{y_i}{p_i} + \frac{1 - y_i}{1 - p_i}\Bigr)

    A term whose weight y_i (or 1 − y_i) is 0 counts 0 even where its logarithm is −∞
    (``scipy.special.xlogy``'s convention), so p = y ∈ {0, 1} costs nothing.

    Parameters
    ----------
    p : array_like, any shape
        Predicted probabilities in [0, 1] (a sigmoid's output).
    y : array_like, the shape of p
        Targets in [0, 1].

    Returns
    -------
    L : ndarray, shape ()

    Raises
    ------
    ValueError
        If the shapes differ (the message names both), p or y lies outside [0, 1], or NaN.

    Notes
    -----
    *Algorithm*: the mean of the two weighted logarithms, a term with weight 0 dropped.
    ``binary_cross_entropy_backward(dL, p, y)`` returns the gradient of p (targets are
    data). *Complexity*: O(n) each way. *Numerical stability*: a confident wrong
    prediction (p = 0 where y = 1) costs +∞ and its gradient −∞ (no clipping: Keras clips p
    to [1e-7, 1 − 1e-7], PyTorch the logarithms at −100); from logits, sigmoid followed by
    this loss loses accuracy where σ rounds to 0 or 1.

    References: Goodfellow, Bengio & Courville, *Deep Learning*, §6.2.2.2.

    Checked against ``reference.nn.binary_cross_entropy`` → ``scipy.special.xlogy``,
    ``xlog1py``.

    Examples
    --------
    >>> float(binary_cross_entropy(np.array([0.5, 1.0]), np.array([1.0, 1.0])))
    0.34657359027997264
    """
    p, y = _check_probabilities(p, y)
    terms = np.where(y != 0, y * np.log(np.where(y != 0, p, 1.0)), 0.0) + np.where(
        y != 1, (1.0 - y) * np.log1p(-np.where(y != 1, p, 0.0)), 0.0)
    return np.asarray(-np.mean(terms))


def binary_cross_entropy_backward(dL: ArrayLike, p: ArrayLike, y: ArrayLike) -> Array:
    r"""The backward pass of `binary_cross_entropy`:
    :math:`\frac{\bar L}{n}(\frac{1-y}{1-p} - \frac{y}{p})`."""
    p, y = _check_probabilities(p, y)
    # a confident wrong p: ±inf, as the loss; the 0/0 at p = y discarded by the where
    with np.errstate(divide="ignore", invalid="ignore"):
        dp = np.where(y != 0, -y / p, 0.0) + np.where(y != 1, (1.0 - y) / (1.0 - p), 0.0)
    return as_float_array(dL) * dp / p.size


def _check_probabilities(p: ArrayLike, y: ArrayLike) -> tuple[Array, Array]:
    p, y = _array(p, "p"), _array(y, "y")
    if p.shape != y.shape:
        raise ValueError(f"shapes do not fit: p has shape {p.shape} but y has shape {y.shape}")
    for name, v in (("p", p), ("y", y)):
        if v.size and (v.min() < 0 or v.max() > 1):
            raise ValueError(f"{name} must lie in [0, 1], got values from {v.min()} to "
                             f"{v.max()}")
    return p, y


# --- dropout ---------------------------------------------------------------------------------------

def dropout(x: ArrayLike, rate: float = 0.5, *, random_state: Any = None) -> Any:
    r"""Inverted dropout: zero each entry with probability `rate`, scale the rest by
    1/(1 − rate) so that the expectation is unchanged.

    .. math::
        m_i = [u_i \ge r],\ u_i \sim U[0, 1), \qquad
        y = \frac{m \odot x}{1 - r}, \qquad \bar x = \frac{m \odot \bar y}{1 - r}

    Parameters
    ----------
    x : array_like, any shape
    rate : float in [0, 1), default 0.5
        The probability r of dropping an entry.
    random_state : None, int or numpy.random.RandomState
        The source of the uniform draws u (``RandomState.random_sample(x.shape)``, one per
        entry in row-major order). Training only: at test time do not call dropout.

    Returns
    -------
    y : ndarray, the shape of x

    Raises
    ------
    ValueError
        If rate is not in [0, 1) or random_state is not a seed.

    Notes
    -----
    *Algorithm*: draw u, keep u ≥ r (probability 1 − r), scale by 1/(1 − r).
    ``dropout_backward(dy, x, rate, random_state=seed)`` draws the same mask again, so it
    needs the same *integer* seed (a RandomState would have moved on); as an autodiff
    operation the mask of the forward pass is kept. *Complexity*: O(n) each way.

    References: Srivastava et al., "Dropout", JMLR 15 (2014); Goodfellow, Bengio &
    Courville, *Deep Learning*, §7.12.

    Checked against ``reference.nn.dropout`` → ``numpy.random.RandomState.uniform``: the same
    stream, so the same mask bit for bit.

    Examples
    --------
    >>> dropout(np.ones(4), 0.5, random_state=0)
    array([2., 2., 2., 2.])
    """
    keep, q = _dropout_mask(np.shape(x.value if isinstance(x, Tensor) else x), rate,
                            random_state)
    if isinstance(x, Tensor):  # the mask of this forward pass, kept for the backward one
        return _node(np.where(keep, x.value / q, 0.0),
                     (x, lambda ybar: np.where(keep, ybar / q, 0.0)))
    return np.where(keep, as_float_array(x) / q, 0.0)          # y = m ⊙ x / (1 − r)


def dropout_backward(dy: ArrayLike, x: ArrayLike, rate: float = 0.5, *,
                     random_state: Any = None) -> Array:
    r"""The backward pass of `dropout`: :math:`\bar x = m \odot \bar y / (1 - r)`, the mask
    drawn again from the same integer seed."""
    keep, q = _dropout_mask(np.shape(x), rate, random_state)
    return np.where(keep, as_float_array(dy) / q, 0.0)         # x̄ = m ⊙ ȳ / (1 − r)


def _dropout_mask(shape: tuple[int, ...], rate: Any,
                  random_state: Any) -> tuple[NDArray[np.bool_], float]:
    if isinstance(rate, bool) or not isinstance(rate, (int, float, np.floating, np.integer)) \
            or not 0 <= rate < 1:
        raise ValueError(f"rate must be a probability in [0, 1), got {rate!r}")
    u = check_random_state(random_state).random_sample(shape)
    return u >= rate, 1.0 - float(rate)                        # m = [u ≥ r], and 1 − r
