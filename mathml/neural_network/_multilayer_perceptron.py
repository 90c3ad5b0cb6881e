r"""Multilayer perceptrons trained by backpropagation: `MLPClassifier` and `MLPRegressor`.

A multilayer perceptron with layers ℓ = 0, …, L maps a row x to an output by alternating
affine maps and elementwise nonlinearities. Write A₀ = X (a minibatch of n rows) and

    Z_ℓ = A_{ℓ−1} W_ℓ + 1 b_ℓᵀ,      A_ℓ = f(Z_ℓ)   (ℓ = 1, …, L−1, the hidden layers)
    Z_L = A_{L−1} W_L + 1 b_Lᵀ,      A_L = g(Z_L)   (the output layer),

with f the hidden activation (identity, logistic, tanh or relu) and g the output activation
that goes with the loss. Training minimises the mean loss plus an L2 penalty,

    J(W, b) = (1/n) Σ_i ℓ(y_i, a_i) + (α / 2n) Σ_ℓ ‖W_ℓ‖²_F,

by minibatch stochastic gradient descent (with momentum) or Adam.

**Backpropagation** is the chain rule applied layer by layer, from the output back. Let
δ_ℓ = n ∂J/∂Z_ℓ (an n × units matrix: the error signal at layer ℓ's pre-activations).

1. *Output.* Each loss is paired with its canonical output activation, for which
   δ_L = A_L − Y:
   squared error ½‖y − z‖² with g = identity (∂/∂z = z − y); half the Poisson deviance
   y log(y/μ) − y + μ with μ = e^z (∂/∂z = μ − y); binary cross-entropy with the logistic
   σ (∂/∂z of −y log σ(z) − (1−y) log(1 − σ(z)) is σ(z) − y, using σ' = σ(1 − σ));
   categorical cross-entropy −Σ_k y_k log softmax(z)_k with the softmax (∂/∂z_k =
   softmax(z)_k − y_k, since Σ_k y_k = 1).
2. *Backwards through a layer.* Z_ℓ = A_{ℓ−1} W_ℓ + b_ℓ, so the signal reaching A_{ℓ−1} is
   δ_ℓ W_ℓᵀ, and through the elementwise A_{ℓ−1} = f(Z_{ℓ−1}):
   δ_{ℓ−1} = (δ_ℓ W_ℓᵀ) ⊙ f'(Z_{ℓ−1}), where f' is read off the activation's output a:
   1 (identity), a(1 − a) (logistic), 1 − a² (tanh), [a > 0] (relu).
3. *Gradients.* ∂J/∂W_ℓ = (A_{ℓ−1}ᵀ δ_ℓ + α W_ℓ)/n and ∂J/∂b_ℓ = (1ᵀ δ_ℓ)/n: the sum over
   the minibatch of outer products (input activation × error), plus the penalty's α W_ℓ.

One forward pass stores every A_ℓ; one backward pass computes every δ_ℓ and gradient, at
the cost of about two forward passes: O(n Σ_ℓ u_{ℓ−1} u_ℓ) for layer widths u_ℓ.

The module opens with ``_textbook_MLPClassifier``: one hidden layer, full-batch gradient
descent, those three steps in a dozen lines. The estimators are the same mathematics in
scikit-learn's order of operations: the same Glorot-uniform draws, early-stopping split and
per-epoch shuffles from the same ``RandomState``, the same minibatches (a last, smaller
one), the same losses and updates (the in-place rules of `mathml.optimize._first_order`),
so that ``coefs_``, ``intercepts_`` and ``loss_curve_`` are bitwise equal to
``sklearn.neural_network``'s (BLAS's matrix products being the same ``@``).
"""
from __future__ import annotations

import warnings
from numbers import Integral, Real
from typing import Any, ClassVar

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._validation import (check_random_state, check_sample_weight, column_or_1d,
                           type_of_target, validate_data)
from ..base import (BaseEstimator, ClassifierMixin, Interval, RegressorMixin, StrOptions,
                    check_is_fitted)
from ..exceptions import ConvergenceWarning
from ..metrics import accuracy_score, r2_score
from ..model_selection import train_test_split
from ..optimize._first_order import _SGD, _Adam
from ._base import ACTIVATIONS, DERIVATIVES, LOSS_FUNCTIONS

__all__ = ["MLPClassifier", "MLPRegressor"]

_STOCHASTIC_SOLVERS = ("sgd", "adam")


def _in_precision(A: NDArray, X: ArrayLike) -> NDArray:
    """The validated array `A` (float64) back in float32 when the input `X` was float32:
    scikit-learn's MLP validates with ``dtype=(np.float64, np.float32)`` and computes in
    that precision (weights, activations, losses); any other input is float64. The cast
    is exact: A holds X's float32 values."""
    return A.astype(np.float32) if getattr(X, "dtype", None) == np.float32 else A


def _textbook_MLPClassifier(X: ArrayLike, y: ArrayLike, n_hidden: int = 10,
                            learning_rate: float = 0.5, n_epochs: int = 500,
                            random_state: int = 0) -> tuple[list[NDArray], list[float]]:
    """A one-hidden-layer classifier trained by full-batch gradient descent, as a textbook
    writes it: forward, δ at the output, δ backwards, gradients, step.

    tanh hidden units, a softmax output, the mean cross-entropy. Returns the parameters
    [W1, b1, W2, b2] and the loss after each epoch. `MLPClassifier` is the same computation
    with minibatches, an L2 penalty, momentum or Adam, and several hidden layers.
    """
    X = np.asarray(X, dtype=float)
    classes, labels = np.unique(y, return_inverse=True)
    Y = np.eye(len(classes))[labels]                     # one-hot targets, n × K
    n, d = X.shape
    rng = np.random.RandomState(random_state)
    r1, r2 = np.sqrt(6 / (d + n_hidden)), np.sqrt(6 / (n_hidden + len(classes)))
    W1 = rng.uniform(-r1, r1, (d, n_hidden))             # Glorot-uniform weights and biases
    b1 = rng.uniform(-r1, r1, n_hidden)
    W2 = rng.uniform(-r2, r2, (n_hidden, len(classes)))
    b2 = rng.uniform(-r2, r2, len(classes))
    losses = []
    for _ in range(n_epochs):
        A1 = np.tanh(X @ W1 + b1)                        # forward: hidden layer
        Z2 = A1 @ W2 + b2                                # output pre-activations
        P = np.exp(Z2 - Z2.max(axis=1, keepdims=True))
        P /= P.sum(axis=1, keepdims=True)                # softmax
        losses.append(float(-np.mean(np.sum(Y * np.log(P), axis=1))))
        delta2 = P - Y                                   # δ at the output (softmax + CE)
        delta1 = (delta2 @ W2.T) * (1 - A1 ** 2)         # δ backwards through tanh
        W2 -= learning_rate * (A1.T @ delta2) / n        # gradients (Aᵀδ)/n, then a step
        b2 -= learning_rate * delta2.sum(axis=0) / n
        W1 -= learning_rate * (X.T @ delta1) / n
        b1 -= learning_rate * delta1.sum(axis=0) / n
    return [W1, b1, W2, b2], losses


class _InfOrInt:
    """scikit-learn's constraint on ``n_iter_no_change``: an int ≥ 1 or the float inf."""

    _int = Interval(Integral, 1, None, closed="left")

    def is_satisfied_by(self, value: Any) -> bool:
        return self._int.is_satisfied_by(value) or (
            isinstance(value, Real) and not isinstance(value, Integral) and value == np.inf)

    def __str__(self) -> str:
        return f"{self._int} or a float among {{inf}}"


class _LabelBinarizer:
    """Class labels ↔ the network's targets (scikit-learn's ``LabelBinarizer``): one column
    of 0/1 for two classes (or one), one-hot columns for more, a multilabel indicator
    matrix as it is; back again by thresholding at ½ or by the largest output."""

    def fit(self, y: NDArray) -> _LabelBinarizer:
        self.y_type_ = type_of_target(y, input_name="y")
        if "multioutput" in self.y_type_:
            raise ValueError("Multioutput target data is not supported with label "
                             "binarization")
        if self.y_type_ == "multilabel-indicator":
            self.classes_ = np.arange(y.shape[1])
        elif self.y_type_ in ("binary", "multiclass"):
            self.classes_ = np.unique(y)
        else:
            raise ValueError(f"Unknown label type: {(y,)!r}")
        return self

    def transform(self, y: NDArray) -> NDArray:
        if self.y_type_ == "multilabel-indicator":
            return np.asarray(y)
        one_hot = (np.asarray(y)[:, np.newaxis] == self.classes_).astype(int)
        if len(self.classes_) == 1:
            return np.zeros((len(y), 1), dtype=int)
        return one_hot[:, -1:] if len(self.classes_) == 2 else one_hot

    def inverse_transform(self, Y: NDArray) -> NDArray:
        if self.y_type_ == "multiclass":
            return self.classes_.take(Y.argmax(axis=1), mode="clip")
        on = np.asarray(Y > 0.5, dtype=int)
        if self.y_type_ == "multilabel-indicator":
            return on
        if len(self.classes_) == 1:
            return np.repeat(self.classes_[0], len(on))
        return self.classes_[on.ravel()]


class BaseMultilayerPerceptron(BaseEstimator):
    """What the classifier and the regressor share: the network, backpropagation, the
    stochastic training loop (see the module docstring for the mathematics)."""

    _parameter_constraints: dict = {
        "hidden_layer_sizes": ["array-like", Interval(Integral, 1, None, closed="left")],
        "activation": [StrOptions({"identity", "logistic", "tanh", "relu"})],
        "solver": [StrOptions({"lbfgs", "sgd", "adam"})],
        "alpha": [Interval(Real, 0, None, closed="left")],
        "batch_size": [StrOptions({"auto"}), Interval(Integral, 1, None, closed="left")],
        "learning_rate": [StrOptions({"constant", "invscaling", "adaptive"})],
        "learning_rate_init": [Interval(Real, 0, None, closed="neither")],
        "power_t": [Interval(Real, 0, None, closed="left")],
        "max_iter": [Interval(Integral, 1, None, closed="left")],
        "shuffle": ["boolean"],
        "random_state": ["random_state"],
        "tol": [Interval(Real, 0, None, closed="left")],
        "verbose": ["verbose"],
        "warm_start": ["boolean"],
        "momentum": [Interval(Real, 0, 1, closed="both")],
        "nesterovs_momentum": ["boolean"],
        "early_stopping": ["boolean"],
        "validation_fraction": [Interval(Real, 0, 1, closed="left")],
        "beta_1": [Interval(Real, 0, 1, closed="left")],
        "beta_2": [Interval(Real, 0, 1, closed="left")],
        "epsilon": [Interval(Real, 0, None, closed="neither")],
        "n_iter_no_change": [_InfOrInt()],
        "max_fun": [Interval(Integral, 1, None, closed="left")],
    }

    _is_classifier = False
    # hyperparameters (stored by the subclasses' __init__)
    hidden_layer_sizes: Any
    activation: str
    solver: str
    alpha: float
    batch_size: Any
    learning_rate: str
    learning_rate_init: float
    power_t: float
    max_iter: int
    loss: str
    shuffle: bool
    random_state: Any
    tol: float
    verbose: Any
    warm_start: bool
    momentum: float
    nesterovs_momentum: bool
    early_stopping: bool
    validation_fraction: float
    beta_1: float
    beta_2: float
    epsilon: float
    n_iter_no_change: Any
    max_fun: int
    # fitted
    coefs_: list[NDArray[np.float64]]
    intercepts_: list[NDArray[np.float64]]
    n_layers_: int
    out_activation_: str
    loss_curve_: list
    validation_scores_: list | None
    best_loss_: Any
    best_validation_score_: Any
    _label_binarizer: _LabelBinarizer

    # --- the network: forward and backward ----------------------------------------------------

    def _forward_pass(self, activations: list) -> list:
        """A_ℓ = f(A_{ℓ−1} W_ℓ + b_ℓ) for every layer, the output with g; `activations[0]`
        holds the minibatch and every A_ℓ is kept for the backward pass."""
        f = ACTIVATIONS[self.activation]
        L = self.n_layers_ - 1
        for ell in range(L):
            activations[ell + 1] = activations[ell] @ self.coefs_[ell]
            activations[ell + 1] += self.intercepts_[ell]
            if ell + 1 != L:
                f(activations[ell + 1])
        ACTIVATIONS[self.out_activation_](activations[L])
        return activations

    def _forward_pass_fast(self, X: ArrayLike, check_input: bool = True) -> NDArray:
        """The output A_L for X, keeping no intermediate layer."""
        if check_input:
            X = _in_precision(validate_data(self, X, reset=False), X)
        A = np.asarray(X)
        f = ACTIVATIONS[self.activation]
        for ell in range(self.n_layers_ - 1):
            A = A @ self.coefs_[ell]
            A += self.intercepts_[ell]
            if ell != self.n_layers_ - 2:
                f(A)
        ACTIVATIONS[self.out_activation_](A)
        return A

    def _backprop(self, X: NDArray, Y: NDArray, sample_weight: NDArray | None,
                  activations: list) -> tuple[float, list[NDArray], list[NDArray]]:
        """The loss J of the minibatch and its gradients ∂J/∂W_ℓ, ∂J/∂b_ℓ (module
        docstring, steps 1–3)."""
        n = X.shape[0]
        activations = self._forward_pass(activations)
        loss_name = self.loss
        if loss_name == "log_loss" and self.out_activation_ == "logistic":
            loss_name = "binary_log_loss"
        loss = LOSS_FUNCTIONS[loss_name](Y, activations[-1], sample_weight)
        # the penalty (α/2n) Σ‖W_ℓ‖², n the (weighted) size of the minibatch
        squares = 0
        for W in self.coefs_:
            w = W.ravel()
            squares += np.dot(w, w)
        n_eff = n if sample_weight is None else sample_weight.sum()
        loss += (0.5 * self.alpha) * squares / n_eff

        last = self.n_layers_ - 2
        L = last + 1
        coef_grads: list[Any] = [None] * L
        intercept_grads: list[Any] = [None] * L
        # Step 1: δ_L = A_L − Y for every canonical (loss, output activation) pair
        delta = activations[-1] - Y
        if sample_weight is not None:
            delta *= sample_weight.reshape(-1, 1)
        self._gradients(last, n_eff, activations, delta, coef_grads, intercept_grads)
        f_prime = DERIVATIVES[self.activation]
        for ell in range(last, 0, -1):
            # Step 2: δ_{ℓ−1} = (δ_ℓ W_ℓᵀ) ⊙ f'(Z_{ℓ−1}), f' read off A_{ℓ−1}
            delta = delta @ self.coefs_[ell].T
            f_prime(activations[ell], delta)
            self._gradients(ell - 1, n_eff, activations, delta, coef_grads, intercept_grads)
        return loss, coef_grads, intercept_grads

    def _gradients(self, ell: int, n: float, activations: list, delta: NDArray,
                   coef_grads: list, intercept_grads: list) -> None:
        """Step 3: ∂J/∂W = (Aᵀδ + αW)/n and ∂J/∂b = (1ᵀδ)/n for the layer `ell`."""
        coef_grads[ell] = activations[ell].T @ delta
        coef_grads[ell] += self.alpha * self.coefs_[ell]
        coef_grads[ell] /= n
        intercept_grads[ell] = np.sum(delta, axis=0) / n

    # --- initialisation ---------------------------------------------------------------------

    def _initialize(self, Y: NDArray, layer_units: list[int], dtype: np.dtype) -> None:
        self.n_iter_ = 0
        self.t_ = 0
        self.n_outputs_ = Y.shape[1]
        self.n_layers_ = len(layer_units)
        if not self._is_classifier:
            self.out_activation_ = "exp" if self.loss == "poisson" else "identity"
        elif self._label_binarizer.y_type_ == "multiclass":
            self.out_activation_ = "softmax"
        else:  # two classes, or several labels each yes/no
            self.out_activation_ = "logistic"
        self.coefs_, self.intercepts_ = [], []
        for fan_in, fan_out in zip(layer_units[:-1], layer_units[1:]):
            W, b = self._init_coef(fan_in, fan_out, dtype)
            self.coefs_.append(W)
            self.intercepts_.append(b)
        self._best_coefs = [W.copy() for W in self.coefs_]
        self._best_intercepts = [b.copy() for b in self.intercepts_]
        if self.solver in _STOCHASTIC_SOLVERS:
            self.loss_curve_ = []
            self._no_improvement_count = 0
            if self.early_stopping:
                self.validation_scores_ = []
                self.best_validation_score_ = -np.inf
                self.best_loss_ = None
            else:
                self.best_loss_ = np.inf
                self.validation_scores_ = None
                self.best_validation_score_ = None

    def _init_coef(self, fan_in: int, fan_out: int, dtype: np.dtype
                   ) -> tuple[NDArray, NDArray]:
        """Glorot & Bengio's uniform initialisation: W and b uniform on [−r, r] with
        r = √(6/(fan_in + fan_out)) (√(2/…) for the logistic), W drawn first; in the
        data's precision."""
        factor = 2.0 if self.activation == "logistic" else 6.0
        r = np.sqrt(factor / (fan_in + fan_out))
        W = self._random_state.uniform(-r, r, (fan_in, fan_out))
        b = self._random_state.uniform(-r, r, fan_out)
        return W.astype(dtype, copy=False), b.astype(dtype, copy=False)

    # --- training ---------------------------------------------------------------------------

    def _fit(self, X: ArrayLike, y: ArrayLike, sample_weight: ArrayLike | None = None,
             incremental: bool = False) -> BaseMultilayerPerceptron:
        self._validate_hyperparameters()
        hidden = self.hidden_layer_sizes
        hidden = list(hidden) if hasattr(hidden, "__iter__") else [hidden]
        if np.any(np.array(hidden) <= 0):
            raise ValueError(f"hidden_layer_sizes must be > 0, got {hidden}.")
        if self.solver == "lbfgs":
            raise NotImplementedError(
                "solver='lbfgs' is not implemented in mathml: scikit-learn runs SciPy's "
                "L-BFGS-B, which mathml does not reproduce; use solver='adam' or 'sgd'.")
        first_pass = not hasattr(self, "coefs_") or (not self.warm_start and not incremental)
        X_, Y = self._validate_input(X, y, incremental, reset=first_pass)
        X_ = _in_precision(X_, X)  # float32 data: trained in float32, as scikit-learn
        sw = None if sample_weight is None else check_sample_weight(
            sample_weight, X_.shape[0]).astype(X_.dtype, copy=False)
        if Y.ndim == 1:
            Y = Y.reshape((-1, 1))
        self.n_outputs_ = Y.shape[1]
        layer_units = [X_.shape[1], *hidden, self.n_outputs_]
        self._random_state = check_random_state(self.random_state)
        if first_pass:
            self._initialize(Y, layer_units, X_.dtype)
        self._fit_stochastic(X_, Y, sw, incremental)
        if not all(np.isfinite(P).all() for P in self.coefs_ + self.intercepts_):
            raise ValueError("Solver produced non-finite parameter weights. The input data "
                             "may contain large values and need to be preprocessed.")
        return self

    def _optimizer_for(self, params: list[NDArray]) -> _SGD | _Adam:
        if self.solver == "sgd":
            return _SGD(params, self.learning_rate_init, self.momentum,
                        self.nesterovs_momentum)
        return _Adam(params, self.learning_rate_init, self.beta_1, self.beta_2, self.epsilon)

    def _split_validation(self, X: NDArray, Y: NDArray, sw: NDArray | None):
        """Early stopping's held-out fraction: scikit-learn's train_test_split from the same
        RandomState, stratified for one output (a 0/1 column: its order is False < True)."""
        stratify = Y[:, 0] if self._is_classifier and self.n_outputs_ == 1 else None
        arrays = (X, Y) if sw is None else (X, Y, sw)
        parts = train_test_split(*arrays, random_state=self._random_state,
                                 test_size=self.validation_fraction, stratify=stratify)
        X_train, X_val, Y_train, Y_val = parts[:4]
        sw_train, sw_val = parts[4:] if sw is not None else (None, None)
        if X_val.shape[0] < 2:
            raise ValueError("The validation set is too small. Increase "
                             "'validation_fraction' or the size of your dataset.")
        y_val = self._label_binarizer.inverse_transform(Y_val) if self._is_classifier else Y_val
        return X_train, Y_train, sw_train, X_val, y_val, sw_val

    def _fit_stochastic(self, X: NDArray, Y: NDArray, sw: NDArray | None,
                        incremental: bool) -> None:
        params = self.coefs_ + self.intercepts_
        if not incremental or not hasattr(self, "_optimizer"):
            self._optimizer = self._optimizer_for(params)
        if self.early_stopping and incremental:
            raise ValueError("partial_fit does not support early_stopping=True")
        if self.early_stopping:
            X_train, Y_train, sw_train, X_val, y_val, sw_val = self._split_validation(X, Y, sw)
        else:
            X_train, Y_train, sw_train, X_val, y_val, sw_val = X, Y, sw, None, None, None
        n = X_train.shape[0]
        if self.batch_size == "auto":
            batch_size = min(200, n)
        else:
            if self.batch_size > n:
                warnings.warn("Got `batch_size` less than 1 or larger than sample size. It "
                              "is going to be clipped", stacklevel=4)
            batch_size = np.clip(self.batch_size, 1, n)
        # scikit-learn counts a minibatch's rows in batch_size's integer type: a Python int
        # for 'auto', a NumPy integer (np.clip's) for a given size, and a float32 loss times
        # a NumPy integer is float64: so are loss_ and loss_curve_ then (NumPy's promotion)
        count = type(batch_size)
        order = np.arange(n, dtype=int)
        activations: list[Any] = [X_train] + [None] * (self.n_layers_ - 1)
        try:
            self.n_iter_ = 0
            for _ in range(self.max_iter):
                if self.shuffle:  # a new permutation applied on top of the last one
                    permutation = np.arange(n)
                    self._random_state.shuffle(permutation)
                    order = order[permutation]
                total = 0.0
                for start in range(0, n, batch_size):  # full batches, then the remainder
                    rows = slice(start, min(start + batch_size, n))
                    batch = order[rows] if self.shuffle else rows
                    X_batch = activations[0] = X_train[batch]
                    batch_loss, coef_grads, intercept_grads = self._backprop(
                        X_batch, Y_train[batch],
                        None if sw_train is None else sw_train[batch], activations)
                    total += batch_loss * count(rows.stop - rows.start)
                    self._optimizer.update(params, coef_grads + intercept_grads)
                if self._end_epoch(total / n, n, X_val, y_val, sw_val, incremental):
                    break
        except KeyboardInterrupt:
            warnings.warn("Training interrupted by user.", stacklevel=4)
        if self.early_stopping:  # the weights of the best validation score
            self.coefs_, self.intercepts_ = self._best_coefs, self._best_intercepts

    def _end_epoch(self, loss: float, n: int, X_val, y_val, sw_val, incremental: bool) -> bool:
        """Record the epoch, update the stopping counter and the learning rate; True to stop."""
        self.n_iter_ += 1
        self.loss_ = loss
        self.t_ += n
        self.loss_curve_.append(loss)
        if self.verbose:
            print(f"Iteration {self.n_iter_}, loss = {loss:.8f}")
        self._update_no_improvement_count(X_val, y_val, sw_val)
        if self.solver == "sgd" and self.learning_rate == "invscaling":
            # η_t = η₀ / (t + 1)^power_t, t the number of samples seen
            self._optimizer.learning_rate = (float(self.learning_rate_init)
                                             / (self.t_ + 1) ** self.power_t)
        if self._no_improvement_count > self.n_iter_no_change:
            what = ("Validation score did not improve more than" if self.early_stopping
                    else "Training loss did not improve more than")
            message = (f"{what} tol={self.tol:f} for {self.n_iter_no_change} consecutive "
                       "epochs.")
            if self._stops(message):
                return True
            self._no_improvement_count = 0
        if incremental:
            return True
        if self.n_iter_ == self.max_iter:
            warnings.warn(f"Stochastic Optimizer: Maximum iterations ({self.max_iter}) "
                          "reached and the optimization hasn't converged yet.",
                          ConvergenceWarning, stacklevel=5)
        return False

    def _stops(self, message: str) -> bool:
        """No progress: stop, except with SGD's 'adaptive' rate, which is divided by 5
        first (until it falls to 1e-6)."""
        if self.solver != "sgd" or self.learning_rate != "adaptive":
            if self.verbose:
                print(message + " Stopping.")
            return True
        if self._optimizer.learning_rate <= 1e-6:
            if self.verbose:
                print(message + " Learning rate too small. Stopping.")
            return True
        self._optimizer.learning_rate /= 5.0
        if self.verbose:
            print(message + f" Setting learning rate to {self._optimizer.learning_rate:f}")
        return False

    def _update_no_improvement_count(self, X_val, y_val, sw_val) -> None:
        """Count the epochs in a row that failed to improve by `tol`: the validation score
        (early stopping, keeping the best weights) or the training loss."""
        if self.early_stopping:
            assert self.validation_scores_ is not None
            score = self._score(X_val, y_val, sw_val)
            self.validation_scores_.append(score)
            if self.verbose:
                print(f"Validation score: {score:f}")
            if score < self.best_validation_score_ + self.tol:
                self._no_improvement_count += 1
            else:
                self._no_improvement_count = 0
            if score > self.best_validation_score_:
                self.best_validation_score_ = score
                self._best_coefs = [W.copy() for W in self.coefs_]
                self._best_intercepts = [b.copy() for b in self.intercepts_]
        else:
            if self.loss_curve_[-1] > self.best_loss_ - self.tol:
                self._no_improvement_count += 1
            else:
                self._no_improvement_count = 0
            if self.loss_curve_[-1] < self.best_loss_:
                self.best_loss_ = self.loss_curve_[-1]

    def _score_with_function(self, X, y, sample_weight, score_function) -> float:
        y_pred = self._predict(X, check_input=False)
        if np.issubdtype(y_pred.dtype, np.floating) and not np.isfinite(y_pred).all():
            return np.nan
        return score_function(y, y_pred, sample_weight=sample_weight)

    def fit(self, X: ArrayLike, y: ArrayLike, sample_weight: ArrayLike | None = None
            ) -> BaseMultilayerPerceptron:
        """Train on (X, y) for up to `max_iter` epochs (from the current weights with
        `warm_start`); returns self."""
        return self._fit(X, y, sample_weight=sample_weight, incremental=False)

    # subclass hooks
    def _validate_input(self, X, y, incremental: bool, reset: bool
                        ) -> tuple[NDArray, NDArray]:
        raise NotImplementedError

    def _predict(self, X, check_input: bool = True) -> NDArray:
        raise NotImplementedError

    def _score(self, X, y, sample_weight=None) -> float:
        raise NotImplementedError


_PARAMETERS = """
    hidden_layer_sizes : int or sequence of int, default (100,)
        The number of units of each hidden layer.
    activation : {'identity', 'logistic', 'tanh', 'relu'}, default 'relu'
        The hidden activation f.
    solver : {'adam', 'sgd'}, default 'adam'
        Adam or SGD with momentum (`mathml.optimize.adam`, `mathml.optimize.sgd`).
        'lbfgs' raises NotImplementedError (scikit-learn's calls SciPy's L-BFGS-B).
    alpha : float ≥ 0, default 1e-4
        The L2 penalty α.
    batch_size : int or 'auto', default 'auto'
        Rows per minibatch ('auto': min(200, n)); the last minibatch holds the rest.
    learning_rate : {'constant', 'invscaling', 'adaptive'}, default 'constant'
        SGD's schedule: η₀; η₀/(t + 1)^power_t after each epoch (t samples seen); or η
        divided by 5 each time the loss (validation score) stalls.
    learning_rate_init : float > 0, default 0.001
        η₀.
    power_t : float ≥ 0, default 0.5
    max_iter : int ≥ 1, default 200
        The number of epochs at most.
    shuffle : bool, default True
        Shuffle the rows before each epoch.
    random_state : None, int or RandomState
        The initial weights, the early-stopping split and the shuffles.
    tol : float ≥ 0, default 1e-4
        An epoch improves if it lowers the loss (raises the validation score) by more.
    verbose : bool or int, default False
    warm_start : bool, default False
        `fit` continues from the current weights.
    momentum : float in [0, 1], default 0.9
    nesterovs_momentum : bool, default True
    early_stopping : bool, default False
        Hold out `validation_fraction` of the rows and stop on their score (accuracy or
        R²), keeping the best weights.
    validation_fraction : float in [0, 1), default 0.1
    beta_1, beta_2 : float in [0, 1), default 0.9 and 0.999
        Adam's moment decay rates.
    epsilon : float > 0, default 1e-8
        Adam's ε.
    n_iter_no_change : int ≥ 1 or inf, default 10
        Stop after more than this many epochs in a row without improvement.
    max_fun : int ≥ 1, default 15000
        Used by 'lbfgs' only (kept for scikit-learn's signature).
"""

_ATTRIBUTES = """
    coefs_ : list of ndarray, the ℓ-th of shape (u_ℓ, u_{ℓ+1})
        The weight matrices W, float32 for float32 X (trained in float32 then, as
        scikit-learn's), float64 otherwise; likewise the intercepts and predictions.
    intercepts_ : list of ndarray, the ℓ-th of shape (u_{ℓ+1},)
        The bias vectors b.
    loss_ : float
        The mean loss of the last epoch (penalty included).
    loss_curve_ : list of float
        The loss of each epoch.
    best_loss_ : float or None
        The smallest loss so far (None with early stopping).
    validation_scores_ : list of float or None
        The held-out score of each epoch (early stopping only).
    best_validation_score_ : float or None
    n_iter_ : int
        Epochs run by the last call (1 after `partial_fit`).
    t_ : int
        Training samples seen in all.
    n_layers_, n_outputs_, n_features_in_ : int
    out_activation_ : str
        The output activation g.
"""


class MLPClassifier(ClassifierMixin, BaseMultilayerPerceptron):
    __doc__ = r"""A multilayer perceptron classifier trained by backpropagation.

    .. math::

        \hat P(y = k \mid x) = g(z_L)_k, \quad z_\ell = a_{\ell-1} W_\ell + b_\ell, \quad
        a_\ell = f(z_\ell), \qquad
        J = -\frac1n \sum_i \sum_k y_{ik} \log \hat P_{ik}
            + \frac{\alpha}{2n} \sum_\ell \lVert W_\ell \rVert_F^2,

    g the softmax for three classes or more, the logistic (one output) for two classes and
    for each label of a multilabel problem (binary cross-entropy then). Backpropagation:
    δ_L = P̂ − Y, δ_{ℓ−1} = (δ_ℓ W_ℓᵀ) ⊙ f'(z_{ℓ−1}), ∂J/∂W_ℓ = (a_{ℓ−1}ᵀ δ_ℓ + α W_ℓ)/n
    (derived in the module docstring).

    Parameters
    ----------""" + _PARAMETERS + """
    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)""" + _ATTRIBUTES + r"""
    Raises
    ------
    InvalidParameterError
        A hyperparameter out of its range (scikit-learn's wording).
    ValueError
        NaN or infinite X, a continuous y, X with another number of features than in fit,
        too small a validation set, `partial_fit` without `classes` on its first call.
    NotImplementedError
        solver='lbfgs'.

    Notes
    -----
    *Algorithm*:

    1. Binarise y (one 0/1 column for two classes, one-hot columns for more); draw each
       layer's W then b uniformly on ±√(6/(fan_in + fan_out)) (Glorot & Bengio).
    2. With early stopping, hold out a stratified `validation_fraction` of the rows.
    3. Each epoch: shuffle the rows; for each minibatch, the forward pass, the loss, the
       backward pass and one SGD or Adam update of every W and b.
    4. After each epoch: the loss (the minibatch losses weighted by their sizes), the
       stopping counter (and SGD's learning-rate schedule); stop after more than
       `n_iter_no_change` epochs without a `tol` improvement, or at `max_iter` (a
       ConvergenceWarning).

    *Complexity*: O(max_iter · n · Σ_ℓ u_ℓ u_{ℓ+1}) time, O(n_batch · Σ_ℓ u_ℓ + Σ_ℓ
    u_ℓ u_{ℓ+1}) memory.

    *Numerical stability*: the softmax subtracts the row maximum; the probabilities in the
    log loss are clipped to [eps, 1 − eps]; the logistic is 1/(1 + e^{−z}), which saturates
    to 0 or 1 without overflow warnings.

    References
    ----------
    Goodfellow, Bengio & Courville, Deep Learning (2016), §6.5 (back-propagation) and §8.5;
    Bishop, Pattern Recognition and Machine Learning (2006), §5.3; Glorot & Bengio,
    "Understanding the difficulty of training deep feedforward neural networks", AISTATS
    2010.

    Checked against ``reference.neural_network.MLPClassifier`` →
    ``sklearn.neural_network.MLPClassifier``: with the same random_state, bitwise equal
    coefs_, intercepts_, loss_curve_ and predictions for every activation (the logistic and
    the logarithms through C's exp and log, as SciPy's ``expit`` and ``xlogy``).

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[0., 0.], [0., 1.], [1., 0.], [1., 1.]] * 5)
    >>> y = np.array([0, 1, 1, 0] * 5)
    >>> clf = MLPClassifier(hidden_layer_sizes=(8,), activation="tanh", solver="sgd",
    ...                     learning_rate_init=0.5, max_iter=500, random_state=0).fit(X, y)
    >>> clf.predict([[0., 1.], [1., 1.]]).tolist()
    [1, 0]
    """

    # the tags scikit-learn declares for its MLPClassifier
    _sklearn_tags: ClassVar[dict[str, object]] = {"classifier_tags.multi_label": True}

    _is_classifier = True

    def __init__(self, hidden_layer_sizes=(100,), activation="relu", *, solver="adam",
                 alpha=0.0001, batch_size="auto", learning_rate="constant",
                 learning_rate_init=0.001, power_t=0.5, max_iter=200, shuffle=True,
                 random_state=None, tol=1e-4, verbose=False, warm_start=False, momentum=0.9,
                 nesterovs_momentum=True, early_stopping=False, validation_fraction=0.1,
                 beta_1=0.9, beta_2=0.999, epsilon=1e-8, n_iter_no_change=10, max_fun=15000):
        self.hidden_layer_sizes = hidden_layer_sizes
        self.activation = activation
        self.solver = solver
        self.alpha = alpha
        self.batch_size = batch_size
        self.learning_rate = learning_rate
        self.learning_rate_init = learning_rate_init
        self.power_t = power_t
        self.max_iter = max_iter
        self.shuffle = shuffle
        self.random_state = random_state
        self.tol = tol
        self.verbose = verbose
        self.warm_start = warm_start
        self.momentum = momentum
        self.nesterovs_momentum = nesterovs_momentum
        self.early_stopping = early_stopping
        self.validation_fraction = validation_fraction
        self.beta_1 = beta_1
        self.beta_2 = beta_2
        self.epsilon = epsilon
        self.n_iter_no_change = n_iter_no_change
        self.max_fun = max_fun

    loss = "log_loss"  # not a hyperparameter of the classifier

    def _validate_input(self, X, y, incremental: bool, reset: bool):
        X, y = validate_data(self, X, y, multi_output=True, reset=reset)
        if y.ndim == 2 and y.shape[1] == 1:
            y = column_or_1d(y, warn=True)
        if not hasattr(self, "classes_") or (not self.warm_start and not incremental):
            self._label_binarizer = _LabelBinarizer().fit(y)
            self.classes_ = self._label_binarizer.classes_
        else:
            classes = _unique_labels(y)
            if self.warm_start:
                if set(classes) != set(self.classes_):
                    raise ValueError(
                        "warm_start can only be used where `y` has the same classes as in "
                        f"the previous call to fit. Previously got {self.classes_}, `y` "
                        f"has {classes}")
            elif len(np.setdiff1d(classes, self.classes_, assume_unique=True)):
                raise ValueError(f"`y` has classes not in `self.classes_`. `self.classes_` "
                                 f"has {self.classes_}. 'y' has {classes}.")
        return X, self._label_binarizer.transform(y).astype(bool)

    def predict(self, X: ArrayLike) -> NDArray:
        """The class of each row of X (the most probable one; each label > ½ if
        multilabel)."""
        check_is_fitted(self)
        return self._predict(X)

    def _predict(self, X, check_input: bool = True) -> NDArray:
        P = self._forward_pass_fast(X, check_input=check_input)
        if self.n_outputs_ == 1:
            P = P.ravel()
        return self._label_binarizer.inverse_transform(P)

    def _score(self, X, y, sample_weight=None) -> float:
        return self._score_with_function(X, y, sample_weight, accuracy_score)

    def partial_fit(self, X: ArrayLike, y: ArrayLike, sample_weight: ArrayLike | None = None,
                    classes: ArrayLike | None = None) -> MLPClassifier:
        """One epoch over (X, y) from the current weights; `classes` (every label of the
        whole data) is required on the first call."""
        if self.solver not in _STOCHASTIC_SOLVERS:
            raise AttributeError("partial_fit is only available for stochastic optimizers. "
                                 f"{self.solver} is not stochastic.")
        if getattr(self, "classes_", None) is None and classes is None:
            raise ValueError("classes must be passed on the first call to partial_fit.")
        if classes is not None:
            if getattr(self, "classes_", None) is not None:
                if not np.array_equal(self.classes_, _unique_labels(classes)):
                    raise ValueError(f"`classes={classes!r}` is not the same as on last call "
                                     f"to partial_fit, was: {self.classes_!r}")
            else:
                self.classes_ = _unique_labels(classes)
                multilabel = type_of_target(y).startswith("multilabel")
                self._label_binarizer = _LabelBinarizer().fit(
                    np.asarray(y) if multilabel else np.asarray(classes))
        self._fit(X, y, sample_weight=sample_weight, incremental=True)
        return self

    def predict_proba(self, X: ArrayLike) -> NDArray[np.float64]:
        """P̂(class | x), shape (n_samples, n_classes) (two columns for two classes or one)."""
        check_is_fitted(self)
        P = self._forward_pass_fast(X)
        if self.n_outputs_ == 1:
            P = P.ravel()
        return np.vstack([1 - P, P]).T if P.ndim == 1 else P

    def predict_log_proba(self, X: ArrayLike) -> NDArray[np.float64]:
        """log P̂(class | x) (NumPy's log of `predict_proba`, as scikit-learn)."""
        P = self.predict_proba(X)
        return np.log(P, out=P)


def _unique_labels(y: ArrayLike) -> NDArray:
    y = np.asarray(y)
    if type_of_target(y) == "multilabel-indicator":
        return np.arange(y.shape[1])
    return np.unique(y)


class MLPRegressor(RegressorMixin, BaseMultilayerPerceptron):
    __doc__ = r"""A multilayer perceptron regressor trained by backpropagation.

    .. math::

        \hat y = g(z_L), \quad z_\ell = a_{\ell-1} W_\ell + b_\ell, \quad
        a_\ell = f(z_\ell), \qquad
        J = \frac{1}{2n} \sum_i \frac{1}{m} \lVert y_i - \hat y_i \rVert^2
            + \frac{\alpha}{2n} \sum_\ell \lVert W_\ell \rVert_F^2

    for m outputs, g the identity (loss='squared_error'); with loss='poisson', g = exp and
    the data term is half the Poisson deviance (1/n) Σ_i Σ_j [y log(y/ŷ) − y + ŷ]. Both
    give δ_L = ŷ − Y at the output (for several outputs the loss is averaged over them but
    the gradient is not, as scikit-learn's); backpropagation as in `MLPClassifier`.

    Parameters
    ----------
    loss : {'squared_error', 'poisson'}, default 'squared_error'
        The first positional parameter (scikit-learn's order).""" + _PARAMETERS + """
    Attributes
    ----------""" + _ATTRIBUTES + r"""
    Raises
    ------
    InvalidParameterError
        A hyperparameter out of its range (``MLPRegressor(100)`` sets ``loss=100``).
    ValueError
        NaN or infinite X or y, X with another number of features than in fit, too small
        a validation set.
    NotImplementedError
        solver='lbfgs'.

    Notes
    -----
    *Algorithm*:

    1. Draw each layer's W then b uniformly on ±√(6/(fan_in + fan_out)).
    2. With early stopping, hold out a random `validation_fraction` of the rows.
    3. Each epoch: shuffle; for each minibatch the forward pass, the loss, the backward
       pass, one SGD or Adam update.
    4. After each epoch: the loss, the stopping counter and SGD's schedule; stop after more
       than `n_iter_no_change` epochs without a `tol` improvement, or at `max_iter`.

    *Complexity*: O(max_iter · n · Σ_ℓ u_ℓ u_{ℓ+1}) time.

    *Numerical stability*: a Poisson output e^z can overflow for large inputs; scikit-learn
    then refuses the non-finite weights, and so does this class.

    References
    ----------
    Goodfellow, Bengio & Courville, Deep Learning (2016), §6.2.2 and §6.5; Bishop, Pattern
    Recognition and Machine Learning (2006), §5.2–5.3.

    Checked against ``reference.neural_network.MLPRegressor`` →
    ``sklearn.neural_network.MLPRegressor``: with the same random_state, bitwise equal
    coefs_, intercepts_, loss_curve_ and predictions.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.linspace(-1, 1, 40).reshape(-1, 1)
    >>> reg = MLPRegressor(hidden_layer_sizes=(20,), activation="tanh", solver="adam",
    ...                    learning_rate_init=0.05, max_iter=300, random_state=0)
    >>> bool(reg.fit(X, X.ravel() ** 2).loss_ < 0.01)
    True
    """

    def __init__(self, loss="squared_error", hidden_layer_sizes=(100,), activation="relu", *,
                 solver="adam", alpha=0.0001, batch_size="auto", learning_rate="constant",
                 learning_rate_init=0.001, power_t=0.5, max_iter=200, shuffle=True,
                 random_state=None, tol=1e-4, verbose=False, warm_start=False, momentum=0.9,
                 nesterovs_momentum=True, early_stopping=False, validation_fraction=0.1,
                 beta_1=0.9, beta_2=0.999, epsilon=1e-8, n_iter_no_change=10, max_fun=15000):
        self.loss = loss
        self.hidden_layer_sizes = hidden_layer_sizes
        self.activation = activation
        self.solver = solver
        self.alpha = alpha
        self.batch_size = batch_size
        self.learning_rate = learning_rate
        self.learning_rate_init = learning_rate_init
        self.power_t = power_t
        self.max_iter = max_iter
        self.shuffle = shuffle
        self.random_state = random_state
        self.tol = tol
        self.verbose = verbose
        self.warm_start = warm_start
        self.momentum = momentum
        self.nesterovs_momentum = nesterovs_momentum
        self.early_stopping = early_stopping
        self.validation_fraction = validation_fraction
        self.beta_1 = beta_1
        self.beta_2 = beta_2
        self.epsilon = epsilon
        self.n_iter_no_change = n_iter_no_change
        self.max_fun = max_fun

    _parameter_constraints: dict = {
        **BaseMultilayerPerceptron._parameter_constraints,
        "loss": [StrOptions({"squared_error", "poisson"})],
    }

    def _validate_input(self, X, y, incremental: bool, reset: bool):
        X, y = validate_data(self, X, y, multi_output=True, y_numeric=True, reset=reset)
        if y.ndim == 2 and y.shape[1] == 1:
            y = column_or_1d(y, warn=True)
        return X, y

    def predict(self, X: ArrayLike) -> NDArray[np.float64]:
        """ŷ for each row of X, shape (n_samples,) or (n_samples, n_outputs)."""
        check_is_fitted(self)
        return self._predict(X)

    def _predict(self, X, check_input: bool = True) -> NDArray:
        y_pred = self._forward_pass_fast(X, check_input=check_input)
        return y_pred.ravel() if y_pred.shape[1] == 1 else y_pred

    def _score(self, X, y, sample_weight=None) -> float:
        return self._score_with_function(X, y, sample_weight, r2_score)

    def partial_fit(self, X: ArrayLike, y: ArrayLike, sample_weight: ArrayLike | None = None
                    ) -> MLPRegressor:
        """One epoch over (X, y) from the current weights (the first call initialises)."""
        self._fit(X, y, sample_weight=sample_weight, incremental=True)
        return self
