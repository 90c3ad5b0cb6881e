"""First-order update rules of deep learning: SGD with momentum (and Nesterov's) and Adam.

The rules are classes with an in-place ``update(params, grads)`` (what a network's training
loop calls once per minibatch) and functions `sgd` and `adam` that run a rule over a given
sequence of gradients and return the whole trajectory (what a learner plots and what the
catalog compares with scikit-learn's ``SGDOptimizer`` and ``AdamOptimizer``).
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._validation import as_float_array

__all__ = ["sgd", "adam"]


def sgd(params: Sequence[ArrayLike], grads: Sequence[Sequence[ArrayLike]],
        learning_rate_init: float = 0.1, momentum: float = 0.9,
        nesterov: bool = True) -> list[NDArray[np.float64]]:
    r"""Stochastic gradient descent with momentum on a given sequence of gradients.

    .. math::

        v_t = \mu\, v_{t-1} - \eta\, g_t, \qquad
        \theta_t = \theta_{t-1} + \begin{cases} \mu\, v_t - \eta\, g_t & \text{Nesterov}\\
                                               v_t & \text{classical momentum}\end{cases}

    with :math:`v_0 = 0`; :math:`\mu = 0` is plain gradient descent,
    :math:`\theta_t = \theta_{t-1} - \eta g_t`.

    Parameters
    ----------
    params : sequence of array_like, each of any shape
        The initial parameters θ₀ (a network's weight matrices and bias vectors).
    grads : sequence of T sequences of array_like
        The gradients g₁, …, g_T, each a list shaped like `params`.
    learning_rate_init : float, default 0.1
        The step size η > 0.
    momentum : float, default 0.9
        The momentum μ ∈ [0, 1].
    nesterov : bool, default True
        Nesterov's momentum (the update looks ahead along the new velocity).

    Returns
    -------
    trajectory : list of ndarray, one per parameter, shape (T + 1, *param.shape)
        ``trajectory[i][t]`` is parameter i after t updates (t = 0: the initial value).

    Raises
    ------
    ValueError
        A gradient list of another length than `params`, a gradient of another shape than
        its parameter (both shapes named), or a hyperparameter out of range.

    Notes
    -----
    *Algorithm*:

    1. The velocities start at zero, one per parameter.
    2. For each gradient list: the velocity update, then the parameter update (the
       formula above), applied to every parameter array at once.
    3. The parameters after each step are stacked into the trajectory.

    *Complexity*: O(T·P) for P parameters in all.

    *Numerical stability*: only scaled additions: the operations of scikit-learn's
    ``SGDOptimizer`` in the same order, so the two trajectories are equal to the last bit.

    The learning rate is constant here; schedules (scikit-learn's ``'invscaling'`` and
    ``'adaptive'``) belong to the training loop, which sets ``learning_rate`` between
    calls of the in-place rule.

    References
    ----------
    Goodfellow, Bengio & Courville, Deep Learning (2016), §8.3.1–8.3.3; Sutskever et al.,
    "On the importance of initialization and momentum in deep learning", ICML 2013.

    Checked against ``reference.optimize.sgd`` →
    ``sklearn.neural_network._stochastic_optimizers.SGDOptimizer(...).update_params``
    per step, the optimizer built as ``SGDOptimizer(params, learning_rate_init,
    'constant', momentum, nesterov)``: the same trajectory.

    Examples
    --------
    >>> import numpy as np
    >>> w = [np.array([1.0, -1.0])]
    >>> g = [[np.array([0.5, 1.0])], [np.array([0.5, 1.0])]]
    >>> np.round(sgd(w, g, learning_rate_init=0.1, momentum=0.5, nesterov=False)[0], 4)
    array([[ 1.   , -1.   ],
           [ 0.95 , -1.1  ],
           [ 0.875, -1.25 ]])
    """
    _check_range("learning_rate_init", learning_rate_init, 0.0, np.inf, closed=(False, False))
    _check_range("momentum", momentum, 0.0, 1.0, closed=(True, True))
    theta, g = _validate(params, grads)
    rule = _SGD(theta, learning_rate_init, momentum, nesterov)
    return _trajectory(rule, theta, g)


def adam(params: Sequence[ArrayLike], grads: Sequence[Sequence[ArrayLike]],
         learning_rate_init: float = 0.001, beta_1: float = 0.9, beta_2: float = 0.999,
         epsilon: float = 1e-8) -> list[NDArray[np.float64]]:
    r"""Adam (adaptive moment estimation) on a given sequence of gradients.

    .. math::

        m_t = \beta_1 m_{t-1} + (1-\beta_1)\, g_t, \qquad
        v_t = \beta_2 v_{t-1} + (1-\beta_2)\, g_t^2, \\
        \eta_t = \eta\, \frac{\sqrt{1-\beta_2^t}}{1-\beta_1^t}, \qquad
        \theta_t = \theta_{t-1} - \eta_t\, \frac{m_t}{\sqrt{v_t} + \epsilon},

    with :math:`m_0 = v_0 = 0`; the factor in :math:`\eta_t` corrects the bias of the
    moment estimates towards their zero start.

    Parameters
    ----------
    params : sequence of array_like, each of any shape
        The initial parameters θ₀.
    grads : sequence of T sequences of array_like
        The gradients g₁, …, g_T, each a list shaped like `params`.
    learning_rate_init : float, default 0.001
        The step size η > 0.
    beta_1, beta_2 : float, default 0.9 and 0.999
        Decay rates of the first and second moment estimates, in [0, 1).
    epsilon : float, default 1e-8
        Added to √v_t so that a zero gradient history does not divide by zero; > 0.

    Returns
    -------
    trajectory : list of ndarray, one per parameter, shape (T + 1, *param.shape)
        ``trajectory[i][t]`` is parameter i after t updates (t = 0: the initial value).

    Raises
    ------
    ValueError
        A gradient list of another length than `params`, a gradient of another shape than
        its parameter (both shapes named), or a hyperparameter out of range.

    Notes
    -----
    *Algorithm*:

    1. The moment estimates m and v start at zero, one pair per parameter.
    2. For each gradient list: update m and v, the bias-corrected step η_t, then the
       parameters (the formulas above).
    3. The parameters after each step are stacked into the trajectory.

    *Complexity*: O(T·P) for P parameters in all.

    *Numerical stability*: the step is bounded by about η_t in each coordinate whatever
    the scale of g (the ratio m/√v), which is Adam's point; ε keeps it finite where
    v = 0. The bias correction is folded into η_t as scikit-learn (and Kingma & Ba's
    §2) do, with its operations in the same order, so the trajectories are equal to the
    last bit.

    References
    ----------
    Kingma & Ba, "Adam: A method for stochastic optimization", ICLR 2015, Algorithm 1 and
    §2; Goodfellow, Bengio & Courville, Deep Learning (2016), §8.5.3.

    Checked against ``reference.optimize.adam`` →
    ``sklearn.neural_network._stochastic_optimizers.AdamOptimizer(...).update_params``
    per step, the optimizer built as ``AdamOptimizer(params, learning_rate_init, beta_1,
    beta_2, epsilon)``: the same trajectory.

    Examples
    --------
    >>> import numpy as np
    >>> w = [np.array([1.0, -1.0])]
    >>> g = [[np.array([0.5, -2.0])], [np.array([0.5, -2.0])]]
    >>> np.round(adam(w, g, learning_rate_init=0.1)[0], 4)    # steps of about η per coordinate
    array([[ 1. , -1. ],
           [ 0.9, -0.9],
           [ 0.8, -0.8]])
    """
    _check_range("learning_rate_init", learning_rate_init, 0.0, np.inf, closed=(False, False))
    _check_range("beta_1", beta_1, 0.0, 1.0, closed=(True, False))
    _check_range("beta_2", beta_2, 0.0, 1.0, closed=(True, False))
    _check_range("epsilon", epsilon, 0.0, np.inf, closed=(False, False))
    theta, g = _validate(params, grads)
    rule = _Adam(theta, learning_rate_init, beta_1, beta_2, epsilon)
    return _trajectory(rule, theta, g)


# --- the rules, in place: what a training loop calls once per minibatch --------------------------

class _SGD:
    """Momentum SGD: ``update(params, grads)`` adds the step to each array of `params`.
    ``learning_rate`` may be changed between calls (a schedule)."""

    def __init__(self, params, learning_rate_init=0.1, momentum=0.9, nesterov=True):
        self.learning_rate = float(learning_rate_init)
        self.momentum, self.nesterov = momentum, nesterov
        self.velocities = [np.zeros_like(theta) for theta in params]  # Step 1

    def update(self, params, grads) -> None:
        mu, eta = self.momentum, self.learning_rate
        # Step 2: v ← μv − ηg; Nesterov steps by μv − ηg with the *new* v (a look-ahead)
        self.velocities = [mu * v - eta * g for v, g in zip(self.velocities, grads)]
        steps = ([mu * v - eta * g for v, g in zip(self.velocities, grads)]
                 if self.nesterov else self.velocities)
        for theta, step in zip(params, steps):
            theta += step


class _Adam:
    """Adam: ``update(params, grads)`` adds the step to each array of `params`."""

    def __init__(self, params, learning_rate_init=0.001, beta_1=0.9, beta_2=0.999,
                 epsilon=1e-8):
        self.learning_rate_init = learning_rate_init
        self.learning_rate = float(learning_rate_init)
        self.beta_1, self.beta_2, self.epsilon = beta_1, beta_2, epsilon
        self.t = 0
        self.ms = [np.zeros_like(theta) for theta in params]  # Step 1
        self.vs = [np.zeros_like(theta) for theta in params]

    def update(self, params, grads) -> None:
        b1, b2 = self.beta_1, self.beta_2
        # Step 2: moment estimates, then η_t = η·√(1 − β₂ᵗ)/(1 − β₁ᵗ) (the bias correction)
        self.t += 1
        self.ms = [b1 * m + (1 - b1) * g for m, g in zip(self.ms, grads)]
        self.vs = [b2 * v + (1 - b2) * (g ** 2) for v, g in zip(self.vs, grads)]
        self.learning_rate = (self.learning_rate_init * np.sqrt(1 - b2 ** self.t)
                              / (1 - b1 ** self.t))
        for theta, m, v in zip(params, self.ms, self.vs):
            theta += -self.learning_rate * m / (np.sqrt(v) + self.epsilon)


def _trajectory(rule, theta: list[NDArray], grads: list[list[NDArray]]) -> list[NDArray]:
    """Run `rule` over the gradients; Step 3: stack the parameters after each step."""
    theta = [t.copy() for t in theta]
    history = [[t.copy()] for t in theta]
    for g in grads:
        rule.update(theta, g)
        for h, t in zip(history, theta):
            h.append(t.copy())
    return [np.stack(h) for h in history]


# --- input checks --------------------------------------------------------------------------------

def _validate(params, grads) -> tuple[list[NDArray], list[list[NDArray]]]:
    theta = [as_float_array(p) for p in params]
    g = [[as_float_array(gi) for gi in step] for step in grads]
    for t, step in enumerate(g):
        if len(step) != len(theta):
            raise ValueError(f"grads[{t}] has {len(step)} arrays but params has "
                             f"{len(theta)}: each gradient list must match params")
        for i, (gi, p) in enumerate(zip(step, theta)):
            if gi.shape != p.shape:
                raise ValueError(f"grads[{t}][{i}] has shape {gi.shape} but params[{i}] "
                                 f"has shape {p.shape}: a gradient has its parameter's shape")
    return theta, g


def _check_range(name: str, value: float, lo: float, hi: float,
                 closed: tuple[bool, bool]) -> None:
    """scikit-learn's interval constraint on an MLP hyperparameter, with its wording."""
    real = isinstance(value, (int, float, np.integer, np.floating)) \
        and not isinstance(value, bool)
    inside = real and (value >= lo if closed[0] else value > lo) \
        and (value <= hi if closed[1] else value < hi)
    if not inside:
        interval = f"{'[' if closed[0] else '('}{lo}, {hi}{']' if closed[1] else ')'}"
        raise ValueError(f"The '{name}' parameter must be a float in the range {interval}. "
                         f"Got {value!r} instead.")
