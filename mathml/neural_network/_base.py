"""The pieces of a multilayer perceptron: activations, their derivatives, the losses.

Each activation works in place on the layer's array (scikit-learn's memory layout, and the
same rounding: every value below is computed by the same floating-point operations as
``sklearn.neural_network._base``). Each derivative multiplies the back-propagated signal δ
by f'(z), written through the activation's *output* a = f(z), which is all the backward
pass keeps:

====================  ======================  ==========================
activation            a = f(z)                f'(z) in terms of a
====================  ======================  ==========================
identity              z                       1
logistic              1 / (1 + e^{−z})        a (1 − a)
tanh                  tanh z                  1 − a²
relu                  max(z, 0)               1 if a > 0 else 0
====================  ======================  ==========================

The output layer pairs each loss with its *canonical* activation, for which the gradient
of the loss with respect to the output pre-activation is simply a − y (see
`_multilayer_perceptron`): squared error with the identity, Poisson deviance with exp, binary
cross-entropy with the logistic, categorical cross-entropy with the softmax.

Two functions come from the C library, as SciPy's do: the logistic is 1/(1 + exp(−z)) with
C's ``exp`` (``scipy.special.expit``), and the logarithms of the losses use C's ``log``
(``scipy.special.xlogy``); NumPy's vectorised ``np.exp`` and ``np.log`` differ from them in
the last bit on a few percent of arguments. `math.log` over the flat array gives C's log
(as `mathml.datasets` does for its normal draws), NumPy's complex exp C's exp (`_c_exp`).
"""
from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

__all__: list[str] = []

#: Beyond this |t| the C library's complex exp scales its result (glibc's cexp for t > 709
#: multiplies two exponentials), and math.exp overflows: such entries take `math.exp`.
_CEXP_SAFE = 708.0


def _c_exp(t: NDArray) -> NDArray[np.float64]:
    """exp elementwise with C's ``exp`` (what SciPy's ufuncs call), 0 and inf at the ends.

    NumPy's complex exp calls the C library's ``cexp``, whose real part at t + 0i is
    exp(t)·cos 0 = exp(t) with C's exp, bit for bit, at a tenth of the cost of calling
    `math.exp` once per entry (NumPy's own vectorised real exp rounds differently on a few
    percent of arguments).
    """
    flat = np.ravel(t)
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(flat.astype(np.complex128)).real
    far = ~(np.abs(flat) <= _CEXP_SAFE)  # beyond the safe range, or NaN
    if far.any():
        e[far] = [_exp_or_inf(v) for v in flat[far].tolist()]
    return e.reshape(np.shape(t))


def _exp_or_inf(v: float) -> float:
    try:
        return math.exp(v)
    except OverflowError:
        return math.inf


def _c_log(t: NDArray) -> NDArray[np.float64]:
    """log elementwise with C's ``log`` (arguments here are in [eps, ∞) or NaN)."""
    flat = np.ravel(t)
    return np.fromiter(map(math.log, flat.tolist()), np.float64, flat.size).reshape(np.shape(t))


# --- activations, in place ----------------------------------------------------------------------

def _identity(Z: NDArray) -> None:
    """a = z: nothing to do."""


def _logistic(Z: NDArray) -> None:
    """a = 1/(1 + e^{−z}), in that form (SciPy's ``expit``), with C's exp."""
    Z[...] = 1.0 / (1.0 + _c_exp(-Z))


def _tanh(Z: NDArray) -> None:
    np.tanh(Z, out=Z)


def _relu(Z: NDArray) -> None:
    np.maximum(Z, 0, out=Z)


def _exp(Z: NDArray) -> None:
    """The Poisson regressor's output, a = e^z (NumPy's exp, as scikit-learn's)."""
    np.exp(Z, out=Z)


def _softmax(Z: NDArray) -> None:
    """a_k = e^{z_k − max z} / Σ_j e^{z_j − max z}: shifting by the row maximum keeps every
    exponent ≤ 0, so nothing overflows and the largest term is 1."""
    shifted = Z - Z.max(axis=1)[:, np.newaxis]
    np.exp(shifted, out=Z)
    Z /= Z.sum(axis=1)[:, np.newaxis]


ACTIVATIONS = {"identity": _identity, "logistic": _logistic, "tanh": _tanh, "relu": _relu,
               "exp": _exp, "softmax": _softmax}


# --- derivatives: δ ← δ ⊙ f'(z), with f'(z) written through a = f(z) ------------------------

def _identity_derivative(A: NDArray, delta: NDArray) -> None:
    """f' = 1."""


def _logistic_derivative(A: NDArray, delta: NDArray) -> None:
    """f' = a (1 − a)."""
    delta *= A
    delta *= 1 - A


def _tanh_derivative(A: NDArray, delta: NDArray) -> None:
    """f' = 1 − a²."""
    delta *= 1 - A ** 2


def _relu_derivative(A: NDArray, delta: NDArray) -> None:
    """f' = 0 where the unit is off (a = 0), 1 elsewhere."""
    delta[A == 0] = 0


DERIVATIVES = {"identity": _identity_derivative, "logistic": _logistic_derivative,
               "tanh": _tanh_derivative, "relu": _relu_derivative}


# --- losses: the mean over samples (weighted), summed or averaged over outputs ------------------

def _mean_over_samples(L: NDArray, sample_weight: NDArray | None) -> NDArray:
    """Σ_i w_i L_i / Σ_i w_i per column (the plain mean without weights), as np.average."""
    if sample_weight is None:
        return L.mean(axis=0)
    return (L * sample_weight[:, np.newaxis]).sum(axis=0) / sample_weight.sum()


def squared_loss(y: NDArray, y_pred: NDArray, sample_weight: NDArray | None = None) -> float:
    """½ (1/n) Σ_i ‖y_i − ŷ_i‖², averaged over the outputs."""
    return 0.5 * _mean_over_samples((y - y_pred) ** 2, sample_weight).mean()


def poisson_loss(y: NDArray, y_pred: NDArray, sample_weight: NDArray | None = None) -> float:
    """Half the Poisson deviance, (1/n) Σ_i [y log(y/ŷ) − y + ŷ], summed over the outputs
    (y log(y/ŷ) = 0 where y = 0)."""
    ratio = y / y_pred
    ylogy = np.zeros_like(ratio)  # in the data's precision (float32 stays float32)
    ylogy[np.isnan(ratio)] = np.nan
    nonzero = y != 0
    ylogy[nonzero] = y[nonzero] * _c_log(ratio[nonzero])
    return _mean_over_samples(ylogy - y + y_pred, sample_weight).sum()


def _clipped(y_prob: NDArray) -> NDArray:
    """Probabilities clipped to [eps, 1 − eps], so that every log is finite."""
    eps = np.finfo(y_prob.dtype).eps
    return np.clip(y_prob, eps, 1 - eps)


def log_loss(y: NDArray, y_prob: NDArray, sample_weight: NDArray | None = None) -> float:
    """Categorical cross-entropy −(1/n) Σ_i Σ_k y_ik log p_ik, y one-hot."""
    p = _clipped(y_prob)
    ylogp = np.zeros(p.shape)
    ylogp[y] = _c_log(p[y])
    return -_mean_over_samples(ylogp, sample_weight).sum()


def binary_log_loss(y: NDArray, y_prob: NDArray, sample_weight: NDArray | None = None
                    ) -> float:
    """Binary cross-entropy −(1/n) Σ_i [y log p + (1 − y) log(1 − p)], summed over the
    columns (one column per label)."""
    p = _clipped(y_prob)
    terms = np.empty(p.shape)
    terms[y] = _c_log(p[y])
    terms[~y] = _c_log(1 - p[~y])
    return -_mean_over_samples(terms, sample_weight).sum()


LOSS_FUNCTIONS = {"squared_error": squared_loss, "poisson": poisson_loss,
                  "log_loss": log_loss, "binary_log_loss": binary_log_loss}
