"""Neural-network layers, forward and backward, and a small `Sequential` container
(issue 13).

The layers are functions on NumPy arrays, batches first, images in PyTorch's NCHW layout
(``x[n, c, i, j]``; convolution weights ``w[out, in, kh, kw]``). One scheme for every layer:

- ``y = layer(x, *params, **hyper)`` is the forward pass;
- ``layer_backward(dy, x, *params, **hyper)`` is the backward pass: the adjoint
  ``dy = ∂L/∂y`` followed by *the same arguments as the forward*, returning the
  vector–Jacobian products of the differentiable arguments in their order — one array for a
  one-input layer (``dx = relu_backward(dy, x)``), a tuple otherwise
  (``dx, dw, db = conv2d_backward(dy, x, w, b, stride=2)``); data arguments (labels,
  targets) and hyperparameters get none;
- given `mathml.autodiff.Tensor` arguments, ``layer`` returns a Tensor whose backward rule is
  ``layer_backward``, so ``autodiff.grad`` differentiates a network built from layers.

The ``*_backward`` functions are importable from here but are not separate concepts: the
concept ``nn.<layer>`` checks the forward and the backward pass together.
"""
from __future__ import annotations

from ._layers import (avg_pool2d, avg_pool2d_backward, binary_cross_entropy,  # noqa: F401
                      binary_cross_entropy_backward, conv2d, conv2d_backward, dropout,
                      dropout_backward, flatten, flatten_backward, linear, linear_backward,
                      log_softmax, log_softmax_backward, max_pool2d, max_pool2d_backward,
                      relu, relu_backward, sigmoid, sigmoid_backward, softmax,
                      softmax_backward, softmax_cross_entropy,
                      softmax_cross_entropy_backward, tanh, tanh_backward)
from ._layers import __all__ as _layers_all
from ._recurrent import (embedding, embedding_backward, lstm, lstm_backward,  # noqa: F401
                         lstm_cell, lstm_cell_backward)
from ._recurrent import __all__ as _recurrent_all
# the model container: importable, not a concept (no reference to check it against; its
# layers are concepts), so not in __all__ — see mathml/nn/_sequential.py
from ._sequential import (LSTM, Activation, Conv2D, Dense, Embedding, Flatten,  # noqa: F401
                          History, MaxPooling2D, Sequential)

__all__: list[str] = [*_layers_all, *_recurrent_all]
