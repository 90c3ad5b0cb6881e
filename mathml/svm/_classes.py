"""Support vector classification and regression: `SVC` and `SVR` on libsvm's SMO solver.

The module opens with the soft-margin SVM as a textbook solves it (`_textbook_SVC`); the
estimators run the same mathematics in libsvm's order (`._smo`), so that they take
libsvm's iterations and find its support vectors.
"""
from __future__ import annotations

import math
import warnings
from numbers import Integral, Real
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._validation import (check_array, check_classification_targets, check_consistent_length,
                           check_random_state, column_or_1d, validate_data, FLOAT_DTYPES)
from ..base import (BaseEstimator, ClassifierMixin, Interval, RegressorMixin, StrOptions,
                    check_is_fitted)
from ..exceptions import ConvergenceWarning
from ._smo import TAU, solve

__all__ = ["SVC", "SVR"]


def _textbook_SVC(K: NDArray, y: NDArray, C: float = 1.0, tol: float = 1e-3,
                  max_iter: int = 100_000) -> tuple[NDArray, float]:
    """The soft-margin SVM dual solved by SMO, as a textbook writes it.

    Primal: min ½‖w‖² + C Σ ξ_i  s.t.  y_i (w·φ(x_i) + b) ≥ 1 − ξ_i, ξ_i ≥ 0.
    The Lagrangian with multipliers α_i, μ_i ≥ 0 is
    L = ½‖w‖² + C Σ ξ_i − Σ α_i [y_i (w·φ(x_i) + b) − 1 + ξ_i] − Σ μ_i ξ_i;
    ∂L/∂w = 0 gives w = Σ α_i y_i φ(x_i), ∂L/∂b = 0 gives Σ α_i y_i = 0, ∂L/∂ξ_i = 0 gives
    α_i = C − μ_i ∈ [0, C]. Substituting, the dual is
    min_α ½ αᵀQα − Σ α_i  s.t.  yᵀα = 0, 0 ≤ α ≤ C,  Q_ij = y_i y_j K(x_i, x_j).
    SMO: repeat — G = Qα − 1; i = argmax of −y_t G_t over I_up, j = the index of I_low whose
    step decreases the dual most (WSS3); minimise along (α_i, α_j) keeping yᵀα fixed, clip
    to the box — until max_{I_up} −y G − min_{I_low} −y G < tol. Then b is the mean of
    −y_t G_t over the free α_t (0 < α_t < C), and f(x) = Σ α_i y_i K(x_i, x) + b.
    Labels y are ±1, K the Gram matrix; returns (α, b).
    """
    # Primal  min ½‖w‖² + C Σ ξ_i  s.t.  y_i (w·φ(x_i) + b) ≥ 1 − ξ_i, ξ_i ≥ 0.
    # Lagrangian L = ½‖w‖² + CΣξ − Σα_i[y_i(w·φ(x_i) + b) − 1 + ξ_i] − Σμ_iξ_i, stationary at
    # w = Σα_i y_i φ(x_i), Σα_i y_i = 0, α_i = C − μ_i; so the dual over the box [0, C]:
    #     min_α ½αᵀQα − 1ᵀα  s.t.  yᵀα = 0,  Q_ij = y_i y_j K(x_i, x_j).
    # KKT: α_i = 0 ⇒ y_i f(x_i) ≥ 1; 0 < α_i < C ⇒ y_i f(x_i) = 1; α_i = C ⇒ y_i f(x_i) ≤ 1,
    # i.e. max over I_up of −y G ≤ min over I_low of −y G, with G = Qα − 1 the gradient.
    n = len(y)
    Q = y[:, None] * y[None, :] * K
    alpha = np.zeros(n)
    for _ in range(max_iter):
        G = Q @ alpha - 1.0
        up = ((y > 0) & (alpha < C)) | ((y < 0) & (alpha > 0))    # y_t α_t may grow
        low = ((y > 0) & (alpha > 0)) | ((y < 0) & (alpha < C))   # y_t α_t may shrink
        score = -y * G
        # i: the most violating index (first order)
        i = np.flatnonzero(up)[np.argmax(score[up])]
        if score[i] - score[low].min() < tol:                     # KKT to within tol
            break
        # j: the largest decrease of the dual, b²/(2a), along the pair (second order, WSS3)
        b = score[i] - score                          # > 0 for a violating j
        a = np.maximum(K[i, i] + np.diag(K) - 2 * K[i], TAU)
        j = np.flatnonzero(low & (b > 0))[np.argmax((b * b / a)[low & (b > 0)])]
        # step t along d (d_i = y_i, d_j = −y_j): α_i += y_i t, α_j −= y_j t, clipped
        t = b[j] / a[j]
        t_max_i = C - alpha[i] if y[i] > 0 else alpha[i]
        t_max_j = alpha[j] if y[j] > 0 else C - alpha[j]
        t = min(t, t_max_i, t_max_j)
        alpha[i] += y[i] * t
        alpha[j] -= y[j] * t
    G = Q @ alpha - 1.0
    free = (alpha > 0) & (alpha < C)
    b = float(np.mean(-y[free] * G[free])) if free.any() else 0.0
    return alpha, b


# --- kernels, as libsvm computes them ---------------------------------------------------------

def _rowwise_dot(A: NDArray, B: NDArray) -> NDArray[np.float64]:
    """a_k · b_k for each pair of rows (broadcast), each a BLAS ``ddot`` as libsvm's
    (a stacked matmul of 1×d by d×1 calls it per pair; ``A @ b`` would use ``dgemv``,
    whose summation order differs in the last bit)."""
    return np.matmul(A[..., None, :], B[..., :, None])[..., 0, 0]


def _powi(base: NDArray, degree: int) -> NDArray:
    """base**degree by repeated squaring, libsvm's ``powi`` (its products, its order)."""
    result, square = np.ones_like(base), base.copy()
    t = degree
    while t > 0:
        if t % 2 == 1:
            result = result * square
        square = square * square
        t //= 2
    return result


def _kernel_from_dots(dots: NDArray, kernel: str, gamma: float, coef0: float,
                      degree: int) -> NDArray:
    if kernel == "linear":
        return dots
    if kernel == "poly":
        return _powi(gamma * dots + coef0, degree)
    return np.tanh(gamma * dots + coef0)                   # sigmoid


class _TrainingKernel:
    """Columns K[:, t] of the training kernel as libsvm's ``Kernel::kernel_*`` computes
    them (RBF through ‖x_i‖² + ‖x_j‖² − 2x_i·x_j), rounded to float32 (``Qfloat``), kept
    in a cache of ``cache_size`` MB shared by the one-vs-one subproblems."""

    def __init__(self, X: NDArray, kernel: str, gamma: float, coef0: float, degree: int,
                 cache_size: float) -> None:
        self.X, self.kernel, self.gamma, self.coef0, self.degree = X, kernel, gamma, coef0, degree
        n = X.shape[0]
        if kernel != "precomputed":
            self.x_square = _rowwise_dot(X, X)
        self.capacity = max(2, int(cache_size * (1 << 20) / (4 * max(n, 1))))
        self.cache: dict[int, NDArray[np.float32]] = {}

    def diagonal(self) -> NDArray[np.float64]:
        """K(x_t, x_t) in float64 (libsvm's ``QD``)."""
        if self.kernel == "precomputed":
            return np.diagonal(self.X).astype(np.float64)
        if self.kernel == "rbf":
            return _libm(math.exp,
                         -self.gamma * (self.x_square + self.x_square - 2 * self.x_square))
        if self.kernel == "sigmoid":        # kept in float64: libm's tanh, to the last bit
            return _libm(math.tanh, self.gamma * self.x_square + self.coef0)
        return _kernel_from_dots(self.x_square, self.kernel, self.gamma, self.coef0,
                                 self.degree)

    def column(self, t: int) -> NDArray[np.float32]:
        K_t = self.cache.get(t)
        if K_t is None:
            if self.kernel == "precomputed":
                values = self.X[t]                       # libsvm reads row t
            else:
                dots = _rowwise_dot(self.X, self.X[t])
                if self.kernel == "rbf":
                    values = _float32_of_libm(
                        math.exp, np.exp, -self.gamma * ((self.x_square[t] + self.x_square)
                                                         - 2 * dots))
                elif self.kernel == "sigmoid":
                    values = _float32_of_libm(math.tanh, np.tanh,
                                              self.gamma * dots + self.coef0)
                else:
                    values = _kernel_from_dots(dots, self.kernel, self.gamma, self.coef0,
                                               self.degree)
            K_t = values.astype(np.float32)
            if len(self.cache) >= self.capacity:
                del self.cache[next(iter(self.cache))]   # oldest first
            self.cache[t] = K_t
        return K_t


def _libm(function, values: NDArray) -> NDArray[np.float64]:
    """C's exp or tanh elementwise (``math``'s are libm's, as libsvm calls them; NumPy's
    own SIMD versions differ in the last bit for ~2% of arguments)."""
    return np.fromiter(map(function, values.ravel().tolist()), np.float64,
                       values.size).reshape(values.shape)


def _float32_of_libm(function, vectorised, x: NDArray) -> NDArray[np.float64]:
    """libm's function of x, as far as its float32 rounding goes: NumPy's vectorised value,
    recomputed with libm's where it lies within 8 ulps of a float32 rounding boundary (the
    only places where NumPy's last-bit difference could change the float32 value)."""
    v = vectorised(x)
    slack = 8 * np.finfo(np.float64).eps
    near = (v * (1 - slack)).astype(np.float32) != (v * (1 + slack)).astype(np.float32)
    if near.any():
        v[near] = _libm(function, x[near])
    return v


def _prediction_kernel(X: NDArray, SV: NDArray, kernel: str, gamma: float, coef0: float,
                       degree: int) -> NDArray[np.float64]:
    """K(x, sv) for every row of X and every support vector, libsvm's ``k_function``:
    RBF through ‖x − sv‖² (one ``ddot`` of the difference), the others through x·sv; exp
    and tanh are libm's, so the decision values are libsvm's to the last bit. (Training
    uses NumPy's: its kernel values are rounded to float32, which hides the last bit.)"""
    out = np.empty((X.shape[0], SV.shape[0]))
    rows = max(1, (1 << 22) // max(1, SV.shape[0] * max(1, X.shape[1])))
    for start in range(0, X.shape[0], rows):
        block = X[start:start + rows, None, :]
        if kernel == "rbf":
            diff = block - SV[None, :, :]
            out[start:start + rows] = _libm(math.exp, -gamma * _rowwise_dot(diff, diff))
        elif kernel == "sigmoid":
            out[start:start + rows] = _libm(math.tanh, gamma * _rowwise_dot(block, SV[None])
                                            + coef0)
        else:
            out[start:start + rows] = _kernel_from_dots(
                _rowwise_dot(block, SV[None, :, :]), kernel, gamma, coef0, degree)
    return out


def _sequential_sum(terms: NDArray) -> NDArray[np.float64]:
    """Row sums accumulated left to right from 0, as libsvm's loops (a cumulative sum is
    sequential; ``sum`` would be pairwise)."""
    padded = np.concatenate((np.zeros((terms.shape[0], 1)), terms), axis=1)
    return np.cumsum(padded, axis=1)[:, -1]


# --- the estimators ------------------------------------------------------------------------

class _BaseLibSVM(BaseEstimator):
    """Validation, γ, the kernel and the fitted-attribute layout shared by SVC and SVR."""

    _parameter_constraints: dict = {
        "kernel": [StrOptions({"linear", "poly", "rbf", "sigmoid", "precomputed"}), callable],
        "degree": [Interval(Integral, 0, None, closed="left")],
        "gamma": [StrOptions({"scale", "auto"}), Interval(Real, 0.0, None, closed="left")],
        "coef0": [Interval(Real, None, None, closed="neither")],
        "tol": [Interval(Real, 0.0, None, closed="neither")],
        "C": [Interval(Real, 0.0, None, closed="right")],
        "shrinking": ["boolean"],
        "cache_size": [Interval(Real, 0, None, closed="neither")],
        "verbose": ["verbose"],
        "max_iter": [Interval(Integral, -1, None, closed="left")],
    }
    _random_state: Any = None
    # hyperparameters and fitted attributes the subclasses set
    kernel: Any
    degree: int
    gamma: Any
    coef0: float
    tol: float
    C: float
    shrinking: bool
    cache_size: float
    max_iter: int
    _intercept_: NDArray[np.float64]
    _dual_coef_: NDArray[np.float64]
    dual_coef_: NDArray[np.float64]
    support_vectors_: NDArray[np.float64]
    _n_support: NDArray[np.int32]
    fit_status_: int

    def _validate_targets(self, y) -> NDArray[np.float64]:
        raise NotImplementedError

    def _fit_kernel_input(self, X, y):
        """(X or its kernel matrix, y) validated as scikit-learn's ``BaseLibSVM.fit``."""
        if callable(self.kernel):
            check_consistent_length(X, y)
            self._X_fit = X
            K = np.asarray(self.kernel(X, X), dtype=np.float64)
            if K.shape[0] != K.shape[1]:
                raise ValueError("X.shape[0] should be equal to X.shape[1]")
            return X, K, y
        X, y = validate_data(self, X, y, dtype=FLOAT_DTYPES)
        return X, X, y

    def _set_gamma(self, X: NDArray) -> None:
        if self.kernel == "precomputed" or callable(self.kernel):
            self._gamma = 0.0
        elif self.gamma == "scale":
            # X.var() as NumPy computes it: the mean, then the mean squared deviation
            mean = X.sum(keepdims=True) / X.size
            deviation = X - mean
            X_var = (deviation * deviation).sum() / X.size
            self._gamma = 1.0 / (X.shape[1] * X_var) if X_var != 0 else 1.0
        elif self.gamma == "auto":
            self._gamma = 1.0 / X.shape[1]
        else:
            self._gamma = self.gamma

    def _kernel_name(self) -> str:
        return "precomputed" if callable(self.kernel) else self.kernel

    def _check_weights(self, sample_weight, X) -> NDArray[np.float64]:
        n_samples = len(X)
        w = np.asarray([] if sample_weight is None else sample_weight, dtype=np.float64)
        if w.shape[0] > 0 and w.shape[0] != n_samples:
            raise ValueError("sample_weight and X have incompatible shapes: "
                             f"{w.shape!r} vs {np.shape(X)!r}\n"
                             "Note: Sparse matrices cannot be indexed w/boolean masks "
                             "(use `indices=True` in CV).")
        if w.ndim != 1:     # libsvm's buffer is 1-D (scikit-learn's Cython message)
            raise ValueError(f"Buffer has wrong number of dimensions (expected 1, got {w.ndim})")
        return np.ones(n_samples) if w.shape[0] == 0 else w

    def _prepare(self, X, y, sample_weight) -> tuple[NDArray, NDArray, NDArray]:
        """Validation, the seed draw, γ; returns (X, kernel input, y, weights)."""
        self._validate_hyperparameters()
        rnd = check_random_state(self._random_state)
        X, K, y = self._fit_kernel_input(X, y)
        y = self._validate_targets(y)
        n_samples = K.shape[0]
        if self._kernel_name() == "precomputed" and K.shape[0] != K.shape[1]:
            raise ValueError("Precomputed matrix must be a square matrix. Input is a "
                             f"{K.shape[0]}x{K.shape[1]} matrix.")
        w = self._check_weights(sample_weight, X)
        self._set_gamma(K)
        # drawn as scikit-learn does (only its probability estimates use it)
        rnd.randint(np.iinfo("i").max)
        self.shape_fit_ = X.shape if hasattr(X, "shape") else (n_samples,)
        return K, y, w

    def _drop_unweighted(self, K, y, w, classification: bool):
        """libsvm drops the samples of weight ≤ 0 first (support_ then indexes the rest)."""
        keep = np.flatnonzero(w > 0)
        if keep.size == 0:
            raise ValueError("Invalid input - all samples have zero or negative weights.")
        if classification and keep.size != len(w) and np.unique(y[keep]).size == 1:
            raise ValueError("Invalid input - all samples with positive weights belong to "
                             "the same class.")
        K = K[np.ix_(keep, keep)] if self._kernel_name() == "precomputed" else K[keep]
        return K, y[keep], w[keep]

    def _training_kernel(self, K: NDArray) -> _TrainingKernel:
        return _TrainingKernel(K, self._kernel_name(), self._gamma, self.coef0, self.degree,
                               self.cache_size)

    def _finish(self) -> None:
        if not (np.isfinite(self._intercept_).all() and np.isfinite(self._dual_coef_).all()):
            raise ValueError("The dual coefficients or intercepts are not finite. The input "
                             "data may contain large values and need to be preprocessed.")
        if self.fit_status_ == 1:
            warnings.warn(f"Solver terminated early (max_iter={self.max_iter}).  Consider "
                          "pre-processing your data with StandardScaler or MinMaxScaler.",
                          ConvergenceWarning, stacklevel=3)

    def _solve(self, kernel: _TrainingKernel, index: NDArray, p, y, C):
        """One libsvm problem on the training rows `index` (y ±1, bounds C)."""
        sign = y.astype(np.float32)

        def column(t: int) -> NDArray[np.float32]:
            # Q_tu = y_t y_u K_tu: the signs are exact in float32
            return kernel.column(int(index[t]))[index] * (sign[t] * sign)

        QD = kernel.diagonal()[index]
        capacity = max(2, int(self.cache_size * (1 << 20) / (8 * len(index))))
        return solve(p, y, C, QD, column, tol=self.tol, shrinking=self.shrinking,
                     max_iter=self.max_iter, capacity=capacity)

    def _kernel_values(self, X) -> NDArray[np.float64]:
        """K(x, sv) for the rows of X: the kernel of libsvm's prediction."""
        check_is_fitted(self)
        if callable(self.kernel):
            K = np.asarray(self.kernel(X, self._X_fit), dtype=np.float64)
            if K.ndim == 1:
                K = check_array(K)
            if K.shape[1] != self.shape_fit_[0]:
                raise ValueError(f"X.shape[1] = {K.shape[1]} should be equal to "
                                 f"{self.shape_fit_[0]}, the number of samples at training "
                                 "time")
            return K[:, self.support_]
        X = validate_data(self, X, reset=False, dtype=FLOAT_DTYPES)
        if self.kernel == "precomputed":
            if X.shape[1] != self.shape_fit_[0]:
                raise ValueError(f"X.shape[1] = {X.shape[1]} should be equal to "
                                 f"{self.shape_fit_[0]}, the number of samples at training "
                                 "time")
            return X[:, self.support_]
        return _prediction_kernel(X, self.support_vectors_, self.kernel, self._gamma,
                                  self.coef0, self.degree)

    @property
    def coef_(self) -> NDArray[np.float64]:
        """w = Σ_i y_i α_i x_i for the linear kernel, one row per one-vs-one problem
        (read-only)."""
        if self.kernel != "linear":
            raise AttributeError("coef_ is only available when using a linear kernel")
        check_is_fitted(self)
        if self.dual_coef_.shape[0] == 1:
            coef = self.dual_coef_ @ self.support_vectors_
        else:
            # problem (c1, c2): class c1's support vectors with row c2 − 1, c2's with row c1
            bounds = np.concatenate(([0], np.cumsum(self._n_support)))
            rows = []
            for c1 in range(len(bounds) - 1):
                for c2 in range(c1 + 1, len(bounds) - 1):
                    s1, s2 = slice(bounds[c1], bounds[c1 + 1]), slice(bounds[c2], bounds[c2 + 1])
                    rows.append(self.dual_coef_[c2 - 1, s1] @ self.support_vectors_[s1]
                                + self.dual_coef_[c1, s2] @ self.support_vectors_[s2])
            coef = np.vstack(rows)
        coef.flags.writeable = False
        return coef

    def _store_support(self, K: NDArray, support: NDArray) -> None:
        self.support_ = support.astype(np.int32)
        self.support_vectors_ = (np.empty((0, 0)) if self._kernel_name() == "precomputed"
                                 else K[support])


class SVC(ClassifierMixin, _BaseLibSVM):
    """C-support vector classification: the soft-margin SVM dual by libsvm's SMO.

    Several classes are trained one-vs-one (a binary problem per pair of classes).

    .. math::

        \\min_{w, b, \\xi} \\tfrac12 \\|w\\|^2 + C \\sum_i \\xi_i \\quad\\text{s.t.}\\quad
        y_i (w^\\top \\phi(x_i) + b) \\ge 1 - \\xi_i, \\; \\xi_i \\ge 0
        \\quad\\Longleftrightarrow\\quad
        \\min_{0 \\le \\alpha \\le C,\\; y^\\top \\alpha = 0}
        \\tfrac12 \\alpha^\\top Q \\alpha - \\mathbf 1^\\top \\alpha,
        \\quad Q_{ij} = y_i y_j K(x_i, x_j)

    The Lagrangian L = ½‖w‖² + CΣξ_i − Σα_i[y_i(w·φ(x_i) + b) − 1 + ξ_i] − Σμ_iξ_i is
    stationary at w = Σ α_i y_i φ(x_i), Σ α_i y_i = 0 and α_i + μ_i = C; substituting gives
    the dual above, and the decision function f(x) = Σ α_i y_i K(x_i, x) + b. The KKT
    conditions say which points are support vectors: α_i = 0 where y_i f(x_i) > 1,
    0 < α_i < C where y_i f(x_i) = 1 (on the margin: these fix b), α_i = C where
    y_i f(x_i) < 1 (inside the margin or misclassified).

    Parameters
    ----------
    C : float > 0, default 1.0
        Penalty of the slack: the box 0 ≤ α_i ≤ C·class_weight·sample_weight.
    kernel, degree, gamma, coef0, shrinking, tol, cache_size, verbose, max_iter
        As `SVR`.
    probability : 'deprecated' or bool, default 'deprecated'
        Only False: mathml has no Platt scaling. Passing it at all warns, as scikit-learn
        1.9 (FutureWarning).
    class_weight : dict, 'balanced' or None, default None
        C of class c becomes C·w_c ('balanced': w_c = n / (n_classes · n_c)).
    decision_function_shape : {'ovr', 'ovo'}, default 'ovr'
        The one-vs-one values, or votes plus a monotone transform of the summed
        confidences (scikit-learn's one-vs-rest shape).
    break_ties : bool, default False
        With 'ovr' and more than two classes, predict the argmax of the decision function
        instead of libsvm's vote (ties to the lowest class).
    random_state : int, RandomState or None, default None
        One ``randint`` is drawn in ``fit``, as scikit-learn (its probability estimates use
        it); nothing here depends on it.

    Attributes
    ----------
    support_ : ndarray of shape (n_SV,), int32
        Indices of the support vectors, grouped by class, then by index.
    support_vectors_ : ndarray of shape (n_SV, n_features)
    n_support_ : ndarray of shape (n_classes,), int32
    dual_coef_ : ndarray of shape (n_classes − 1, n_SV)
        y_i α_i of each support vector in the one-vs-one problems it belongs to (libsvm's
        layout); for two classes the sign is flipped so that positive means ``classes_[1]``.
    intercept_ : ndarray of shape (n_classes·(n_classes − 1)/2,)
        b = −ρ of each problem (sign-flipped for two classes).
    classes_, class_weight_ : ndarray of shape (n_classes,)
    fit_status_ : int
        0, or 1 if ``max_iter`` stopped the solver.
    n_iter_ : ndarray of shape (n_classes·(n_classes − 1)/2,), int32
    shape_fit_ : tuple
    n_features_in_ : int

    Raises
    ------
    ValueError
        One class ("The number of classes has to be greater than one; got 1 class"), NaN or
        infinity, the wrong number of features, an invalid hyperparameter, a non-square
        precomputed kernel.

    Notes
    -----
    *Algorithm*: 1. classes sorted, the samples grouped by class (stable); 2. for each pair
    of classes i < j, the binary dual with class i as +1 solved by SMO (`mathml.svm._smo`):
    each iteration WSS3 picks i, the index violating the KKT conditions most, and j, the
    partner whose two-variable step decreases the dual the most by the second-order model
    b_ij²/a_ij (twice the decrease of the unclipped step, so fewer iterations than pairing
    the two most violating indices), the pair is optimised in closed form, shrinking sets
    aside bounded variables, and the loop stops when the maximal violation is < tol;
    3. ρ from the free support vectors (else the midpoint of the bounded ones' range);
    4. a sample is a support vector if α ≠ 0 in any problem; 5. prediction: each pair votes
    (f > 0 for i, else j), the most votes wins (the lowest class on ties).
    *Complexity*: per SMO iteration O(l) for the selection and the gradient update, plus
    O(l·d) for each kernel column not yet cached; typically O(l) to O(l²) iterations.
    Prediction O(m·n_SV·d).
    *Numerical stability*: the kernel columns are float32 as libsvm's cache, so α is
    libsvm's, not the float64 optimum (they differ by ~1e-7 relatively at tight tol).

    References
    ----------
    Fan, Chen & Lin, "Working set selection using second order information for training
    support vector machines", JMLR 6 (2005); Chang & Lin, "LIBSVM: a library for support
    vector machines" (2011), §4; Bishop, Pattern Recognition and Machine Learning, §7.1.

    Checked against ``reference.svm.SVC`` → ``sklearn.svm.SVC``: the same support vectors
    and predictions; dual coefficients, intercepts and decision values to libsvm's own
    rounding (its iterations reproduced: see the catalog's comparison).

    Examples
    --------
    >>> X = np.array([[0.0, 0.0], [1.0, 1.0], [1.0, 0.0], [0.0, 1.0]])
    >>> SVC(kernel="linear").fit(X, [0, 1, 1, 0]).predict([[0.9, 0.2]]).tolist()
    [1]
    """

    _parameter_constraints: dict = {
        **_BaseLibSVM._parameter_constraints,
        "probability": ["boolean", StrOptions({"deprecated"})],
        "class_weight": [StrOptions({"balanced"}), dict, None],
        "decision_function_shape": [StrOptions({"ovr", "ovo"})],
        "break_ties": ["boolean"],
        "random_state": ["random_state"],
    }

    def __init__(self, *, C: float = 1.0, kernel: Any = "rbf", degree: int = 3,
                 gamma: Any = "scale", coef0: float = 0.0, shrinking: bool = True,
                 probability: Any = "deprecated", tol: float = 1e-3,
                 cache_size: float = 200, class_weight: Any = None, verbose: bool = False,
                 max_iter: int = -1, decision_function_shape: str = "ovr",
                 break_ties: bool = False, random_state: Any = None) -> None:
        self.C = C
        self.kernel = kernel
        self.degree = degree
        self.gamma = gamma
        self.coef0 = coef0
        self.shrinking = shrinking
        self.probability = probability
        self.tol = tol
        self.cache_size = cache_size
        self.class_weight = class_weight
        self.verbose = verbose
        self.max_iter = max_iter
        self.decision_function_shape = decision_function_shape
        self.break_ties = break_ties
        self.random_state = random_state

    @property
    def _random_state(self) -> Any:
        return self.random_state

    def _validate_targets(self, y) -> NDArray[np.float64]:
        y_ = column_or_1d(y, warn=True)
        check_classification_targets(y)
        classes, y_index = np.unique(y_, return_inverse=True)
        self.class_weight_ = _class_weight(self.class_weight, classes, y_)
        if len(classes) < 2:
            raise ValueError("The number of classes has to be greater than one; got "
                             f"{len(classes)} class")
        self.classes_ = classes
        return y_index.astype(np.float64)

    def fit(self, X: ArrayLike, y: ArrayLike, sample_weight: ArrayLike | None = None) -> SVC:
        """Solve the one-vs-one duals; returns self."""
        K, target, w = self._prepare(X, y, sample_weight)
        if self.probability != "deprecated":
            warnings.warn("The `probability` parameter was deprecated in 1.9 and will be "
                          "removed in version 1.11. Use `CalibratedClassifierCV(SVC(), "
                          "ensemble=False)` instead of `SVC(probability=True)`", FutureWarning,
                          stacklevel=2)
            if self.probability:
                raise NotImplementedError("mathml's SVC has no probability estimates "
                                          "(Platt scaling); use probability=False")
        K, target, w = self._drop_unweighted(K, target, w, classification=True)
        # Step 1: group by class (stable), libsvm's order (the classes left after dropping).
        present, labels = np.unique(target.astype(np.intp), return_inverse=True)
        n_class = len(present)
        perm = np.argsort(labels, kind="stable")
        count = np.bincount(labels, minlength=n_class)
        start = np.concatenate(([0], np.cumsum(count)[:-1]))
        weighted_C = self.C * self.class_weight_[present]
        kernel = self._training_kernel(K)
        # Step 2–3: one binary problem per pair of classes i < j, class i as +1.
        n_pairs = n_class * (n_class - 1) // 2
        alphas, rho = [], np.empty(n_pairs)
        self.n_iter_ = np.empty(max(1, n_pairs), dtype=np.intc)
        nonzero = np.zeros(len(labels), dtype=bool)
        status, pair = 0, 0
        for i in range(n_class):
            for j in range(i + 1, n_class):
                rows_i = perm[start[i]:start[i] + count[i]]
                rows_j = perm[start[j]:start[j] + count[j]]
                index = np.concatenate((rows_i, rows_j))
                y_pm = np.concatenate((np.ones(count[i]), -np.ones(count[j])))
                C = np.concatenate((w[rows_i] * weighted_C[i], w[rows_j] * weighted_C[j]))
                sol = self._solve(kernel, index, -np.ones(len(index)), y_pm, C)
                alpha = sol.alpha * y_pm
                alphas.append(alpha)
                rho[pair], self.n_iter_[pair] = sol.rho, sol.n_iter
                status |= sol.timed_out
                nonzero[start[i]:start[i] + count[i]] |= np.abs(alpha[:count[i]]) > 0
                nonzero[start[j]:start[j] + count[j]] |= np.abs(alpha[count[i]:]) > 0
                pair += 1
        # Step 4: the support vectors, grouped by class, and libsvm's coefficient layout.
        self._n_support = np.array([nonzero[start[c]:start[c] + count[c]].sum()
                                    for c in range(n_class)], dtype=np.int32)
        self.n_support_ = self._n_support
        sv_start = np.concatenate(([0], np.cumsum(self._n_support)[:-1]))
        dual = np.zeros((n_class - 1, int(self._n_support.sum())))
        pair = 0
        for i in range(n_class):
            for j in range(i + 1, n_class):
                alpha = alphas[pair]
                a_i = alpha[:count[i]][nonzero[start[i]:start[i] + count[i]]]
                a_j = alpha[count[i]:][nonzero[start[j]:start[j] + count[j]]]
                dual[j - 1, sv_start[i]:sv_start[i] + len(a_i)] = a_i
                dual[i, sv_start[j]:sv_start[j] + len(a_j)] = a_j
                pair += 1
        self._store_support(K, perm[nonzero])
        self._dual_coef_ = dual
        self._intercept_ = np.where(rho != 0, -rho, 0.0)      # libsvm avoids −0.0
        self.fit_status_ = int(status)
        self.dual_coef_, self.intercept_ = dual, self._intercept_.copy()
        if len(self.classes_) == 2:      # positive means classes_[1]
            self.dual_coef_, self.intercept_ = -dual, -self._intercept_
        self._finish()
        return self

    def _ovo_decision(self, X) -> NDArray[np.float64]:
        """libsvm's one-vs-one decision values f_ij(x) = Σ coef·K(sv, x) − ρ_ij, each a
        sequential sum over class i's support vectors, then class j's."""
        K = self._kernel_values(X)
        n_class = len(self.classes_)
        sv_start = np.concatenate(([0], np.cumsum(self._n_support)))
        rho = -self._intercept_
        out = np.empty((K.shape[0], n_class * (n_class - 1) // 2))
        pair = 0
        for i in range(n_class):
            for j in range(i + 1, n_class):
                si, sj = slice(sv_start[i], sv_start[i + 1]), slice(sv_start[j], sv_start[j + 1])
                terms = np.concatenate((self._dual_coef_[j - 1, si] * K[:, si],
                                        self._dual_coef_[i, sj] * K[:, sj]), axis=1)
                out[:, pair] = _sequential_sum(terms) - rho[pair]
                pair += 1
        return out

    def decision_function(self, X: ArrayLike) -> NDArray[np.float64]:
        """f(x): shape (m,) for two classes (positive: ``classes_[1]``), (m, n_classes) for
        'ovr', (m, n_classes·(n_classes − 1)/2) for 'ovo'."""
        dec = self._ovo_decision(X)
        if len(self.classes_) == 2:
            return -dec.ravel()
        if self.decision_function_shape == "ovr":
            return _ovr_decision_function(dec < 0, -dec, len(self.classes_))
        return dec

    def predict(self, X: ArrayLike) -> NDArray:
        """libsvm's vote: f_ij > 0 votes for i, otherwise for j; the first class with the
        most votes (or, with ``break_ties``, the argmax of the 'ovr' decision)."""
        check_is_fitted(self)
        if self.break_ties and self.decision_function_shape == "ovo":
            raise ValueError("break_ties must be False when decision_function_shape is 'ovo'")
        n_class = len(self.classes_)
        if self.break_ties and self.decision_function_shape == "ovr" and n_class > 2:
            return self.classes_.take(np.argmax(self.decision_function(X), axis=1))
        dec = self._ovo_decision(X)
        votes = np.zeros((dec.shape[0], n_class), dtype=np.intp)
        pair = 0
        for i in range(n_class):
            for j in range(i + 1, n_class):
                votes[:, i] += dec[:, pair] > 0
                votes[:, j] += ~(dec[:, pair] > 0)
                pair += 1
        return self.classes_.take(np.argmax(votes, axis=1))


def _class_weight(class_weight: Any, classes: NDArray, y: NDArray) -> NDArray[np.float64]:
    """scikit-learn's ``compute_class_weight``: ones, n / (n_classes·n_c), or the dict's."""
    if class_weight is None or len(class_weight) == 0:
        return np.ones(len(classes))
    if class_weight == "balanced":
        _, y_index = np.unique(y, return_inverse=True)
        counts = np.bincount(y_index).astype(np.float64)
        return counts.sum() / (len(classes) * counts)
    weight = np.ones(len(classes))
    unweighted = []
    for k, c in enumerate(classes):
        try:
            c = int(c)
        except ValueError:
            c = str(c)
        if c in class_weight:
            weight[k] = class_weight[c]
        else:
            unweighted.append(c)
    if unweighted and len(classes) - len(unweighted) != len(class_weight):
        raise ValueError(f"The classes, {np.array(unweighted).tolist()}, are not in "
                         "class_weight")
    return weight


def _ovr_decision_function(predictions: NDArray, confidences: NDArray,
                           n_classes: int) -> NDArray[np.float64]:
    """One-vs-rest values from one-vs-one ones: the votes, plus the summed confidences
    squashed by s ↦ s / (3(|s| + 1)) into (−1/3, 1/3), so they break ties between equal
    vote counts without overturning a vote (scikit-learn's transform)."""
    votes = np.zeros((predictions.shape[0], n_classes))
    confidence = np.zeros((predictions.shape[0], n_classes))
    k = 0
    for i in range(n_classes):
        for j in range(i + 1, n_classes):
            confidence[:, i] -= confidences[:, k]
            confidence[:, j] += confidences[:, k]
            votes[predictions[:, k] == 0, i] += 1
            votes[predictions[:, k] == 1, j] += 1
            k += 1
    return votes + confidence / (3 * (np.abs(confidence) + 1))


class SVR(RegressorMixin, _BaseLibSVM):
    """ε-support vector regression: a tube of half-width ε around f, linear loss outside.

    .. math::

        \\min_{w, b, \\xi, \\xi^*} \\tfrac12 \\|w\\|^2 + C \\sum_i (\\xi_i + \\xi_i^*)
        \\;\\text{s.t.}\\; y_i - f(x_i) \\le \\varepsilon + \\xi_i,\\;
        f(x_i) - y_i \\le \\varepsilon + \\xi_i^*,\\; \\xi, \\xi^* \\ge 0

    With multipliers α, α* for the two constraints, the Lagrangian is stationary at
    w = Σ (α_i − α_i*) φ(x_i), Σ (α_i − α_i*) = 0 and 0 ≤ α, α* ≤ C; the dual is
    min ½(α − α*)ᵀK(α − α*) + ε Σ(α_i + α_i*) − Σ y_i(α_i − α_i*), which is libsvm's
    problem over the 2l-vector (α, α*) with labels (+1…, −1…), linear term
    p = (ε − y, ε + y) and Q = [[K, −K], [−K, K]]. f(x) = Σ (α_i − α_i*) K(x_i, x) + b;
    KKT: points strictly inside the tube have α = α* = 0, points on its edge 0 < α < C
    (these fix b), points outside α = C.

    Parameters
    ----------
    kernel : {'linear', 'poly', 'rbf', 'sigmoid', 'precomputed'} or callable, default 'rbf'
        K(x, z) = x·z, (γ x·z + coef0)^degree, exp(−γ‖x − z‖²), tanh(γ x·z + coef0), a
        given Gram matrix, or a function returning the Gram matrix of two arrays.
    degree : int ≥ 0, default 3
    gamma : {'scale', 'auto'} or float ≥ 0, default 'scale'
        'scale': 1 / (n_features · X.var()) (1 if the variance is 0); 'auto': 1/n_features.
    coef0 : float, default 0.0
    tol : float > 0, default 1e-3
        Stop when the maximal KKT violation falls below it.
    C : float > 0, default 1.0
    epsilon : float ≥ 0, default 0.1
        Half-width of the tube in which errors cost nothing.
    shrinking : bool, default True
    cache_size : float > 0, default 200
        MB of float32 kernel columns kept.
    verbose : bool, default False
        Accepted; mathml prints nothing.
    max_iter : int ≥ −1, default −1

    Attributes
    ----------
    support_, support_vectors_ : the support vectors (α ≠ α*) and their indices
    dual_coef_ : ndarray of shape (1, n_SV)
        α_i − α_i*.
    intercept_ : ndarray of shape (1,)
    n_support_ : ndarray of shape (1,), int32
    fit_status_, n_iter_ : int
    shape_fit_ : tuple
    n_features_in_ : int

    Raises
    ------
    ValueError
        NaN or infinity, the wrong number of features, an invalid hyperparameter.

    Notes
    -----
    *Algorithm*: 1. the 2l-variable problem above; 2. SMO as for `SVC` (its kernel columns
    are K's, signed); 3. ρ from the free variables; 4. α − α*, the support vectors where it
    is non-zero.
    *Complexity*: as `SVC` with 2l variables but l kernel columns.
    *Numerical stability*: float32 kernel columns, as libsvm.

    References
    ----------
    Smola & Schölkopf, "A tutorial on support vector regression", Statistics and
    Computing 14 (2004); Chang & Lin, LIBSVM (2011), §4.

    Checked against ``reference.svm.SVR`` → ``sklearn.svm.SVR``: the same support vectors,
    coefficients and predictions to libsvm's rounding.

    Examples
    --------
    >>> X = np.arange(6.0).reshape(-1, 1)
    >>> SVR(kernel="linear", C=10.0, epsilon=0.1).fit(X, 2 * X.ravel()).predict([[2.5]]).round(2)
    array([5.])
    """

    _parameter_constraints: dict = {
        **_BaseLibSVM._parameter_constraints,
        "epsilon": [Interval(Real, 0.0, None, closed="left")],
    }

    def __init__(self, *, kernel: Any = "rbf", degree: int = 3, gamma: Any = "scale",
                 coef0: float = 0.0, tol: float = 1e-3, C: float = 1.0, epsilon: float = 0.1,
                 shrinking: bool = True, cache_size: float = 200, verbose: bool = False,
                 max_iter: int = -1) -> None:
        self.kernel = kernel
        self.degree = degree
        self.gamma = gamma
        self.coef0 = coef0
        self.tol = tol
        self.C = C
        self.epsilon = epsilon
        self.shrinking = shrinking
        self.cache_size = cache_size
        self.verbose = verbose
        self.max_iter = max_iter

    def _validate_targets(self, y) -> NDArray[np.float64]:
        return column_or_1d(y, warn=True).astype(np.float64)

    def fit(self, X: ArrayLike, y: ArrayLike, sample_weight: ArrayLike | None = None) -> SVR:
        """Solve the ε-SVR dual; returns self."""
        K, target, w = self._prepare(X, y, sample_weight)
        K, target, w = self._drop_unweighted(K, target, w, classification=False)
        l = len(target)
        kernel = self._training_kernel(K)
        # Step 1: variables (α, α*): labels (+1, −1), p = (ε − y, ε + y), Q = ±K.
        index = np.concatenate((np.arange(l), np.arange(l)))
        y_pm = np.concatenate((np.ones(l), -np.ones(l)))
        p = np.concatenate((self.epsilon - target, self.epsilon + target))
        C = np.concatenate((w * self.C, w * self.C))
        # Step 2–3
        sol = self._solve(kernel, index, p, y_pm, C)
        # Step 4
        beta = sol.alpha[:l] - sol.alpha[l:]
        support = np.flatnonzero(np.abs(beta) > 0)
        self._store_support(K, support)
        self._n_support = np.array([len(support), len(support)], dtype=np.int32)
        self.n_support_ = self._n_support[:1]
        self._dual_coef_ = self.dual_coef_ = beta[support][None, :]
        self._intercept_ = np.array([-sol.rho if sol.rho != 0 else 0.0])
        self.intercept_ = self._intercept_.copy()
        self.fit_status_ = int(sol.timed_out)
        self.n_iter_ = sol.n_iter
        self._finish()
        return self

    def predict(self, X: ArrayLike) -> NDArray[np.float64]:
        """f(x) = Σ (α_i − α_i*) K(x_i, x) + b, summed in libsvm's order."""
        K = self._kernel_values(X)
        return _sequential_sum(self._dual_coef_[0] * K) + self._intercept_[0]
