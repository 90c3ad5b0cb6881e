"""The update rules of scikit-learn's multilayer perceptron: the reference for
`mathml.optimize.sgd` and `mathml.optimize.adam`.

``SGDOptimizer`` and ``AdamOptimizer`` (``sklearn.neural_network._stochastic_optimizers``)
are driven step by step with the given gradients, recording the parameters after each
``update_params``. scikit-learn checks the hyperparameters in ``MLPClassifier``, not in the
optimisers, and never checks the gradients' shapes (NumPy would broadcast a wrong one):
the wrapper checks both first, with the ranges ``MLPClassifier`` declares.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike, NDArray
from sklearn.neural_network._stochastic_optimizers import AdamOptimizer, SGDOptimizer

__all__ = ["sgd", "adam"]


def sgd(params: Sequence[ArrayLike], grads: Sequence[Sequence[ArrayLike]],
        learning_rate_init: float = 0.1, momentum: float = 0.9,
        nesterov: bool = True) -> list[NDArray[np.float64]]:
    _check_range("learning_rate_init", learning_rate_init, 0.0, np.inf, (False, False))
    _check_range("momentum", momentum, 0.0, 1.0, (True, True))
    theta, g = _validate(params, grads)
    optimizer = SGDOptimizer(theta, learning_rate_init=learning_rate_init,
                             lr_schedule="constant", momentum=momentum, nesterov=nesterov)
    return _trajectory(optimizer, theta, g)


def adam(params: Sequence[ArrayLike], grads: Sequence[Sequence[ArrayLike]],
         learning_rate_init: float = 0.001, beta_1: float = 0.9, beta_2: float = 0.999,
         epsilon: float = 1e-8) -> list[NDArray[np.float64]]:
    _check_range("learning_rate_init", learning_rate_init, 0.0, np.inf, (False, False))
    _check_range("beta_1", beta_1, 0.0, 1.0, (True, False))
    _check_range("beta_2", beta_2, 0.0, 1.0, (True, False))
    _check_range("epsilon", epsilon, 0.0, np.inf, (False, False))
    theta, g = _validate(params, grads)
    optimizer = AdamOptimizer(theta, learning_rate_init=learning_rate_init, beta_1=beta_1,
                              beta_2=beta_2, epsilon=epsilon)
    return _trajectory(optimizer, theta, g)


def _trajectory(optimizer, theta, grads) -> list[NDArray[np.float64]]:
    history = [[t.copy()] for t in theta]
    for g in grads:
        optimizer.update_params(theta, g)  # in place, as MLPClassifier calls it
        for h, t in zip(history, theta):
            h.append(t.copy())
    return [np.stack(h) for h in history]


def _validate(params, grads):
    # None (NaN once converted) and complex data (its imaginary part dropped) are refused
    # first, with mathml's TypeErrors.
    for value in [*params, *(gi for step in grads for gi in step)]:
        a = np.asarray(value)
        if np.iscomplexobj(a):
            raise TypeError("complex input is not supported: pass a real array")
        if a.dtype == object:
            raise TypeError("input must be a numeric array, not an array of objects")
    # Copies: update_params works in place, and the caller's arrays must not change.
    theta = [np.array(p, dtype=np.float64) for p in params]
    g = [[np.asarray(gi, dtype=np.float64) for gi in step] for step in grads]
    for t, step in enumerate(g):
        if len(step) != len(theta):
            raise ValueError(f"grads[{t}] has {len(step)} arrays but params has "
                             f"{len(theta)}: each gradient list must match params")
        for i, (gi, p) in enumerate(zip(step, theta)):
            if gi.shape != p.shape:
                raise ValueError(f"grads[{t}][{i}] has shape {gi.shape} but params[{i}] "
                                 f"has shape {p.shape}: a gradient has its parameter's shape")
    return theta, g


def _check_range(name, value, lo, hi, closed) -> None:
    real = isinstance(value, (int, float, np.integer, np.floating)) \
        and not isinstance(value, bool)
    inside = real and (value >= lo if closed[0] else value > lo) \
        and (value <= hi if closed[1] else value < hi)
    if not inside:
        interval = f"{'[' if closed[0] else '('}{lo}, {hi}{']' if closed[1] else ')'}"
        raise ValueError(f"The '{name}' parameter must be a float in the range {interval}. "
                         f"Got {value!r} instead.")
