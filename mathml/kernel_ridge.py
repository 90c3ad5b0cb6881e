"""Kernel ridge regression: ridge regression in the feature space of a kernel.

Ridge regression without an intercept minimises ‖y − Φw‖² + α‖w‖² over w, where the rows
of Φ are the features φ(x_i) of the samples. Its minimiser is a combination of those
rows: setting the gradient to 0 gives α w = Φᵀ(y − Φw), so w = Φᵀa with
a = (y − Φw)/α. This is the *representer theorem* in its simplest case: the solution
lies in the span of the training features, w = Σ_i a_i φ(x_i). Substituting w = Φᵀa,

    (ΦΦᵀ + αI) a = y,   f(x) = φ(x)ᵀw = Σ_i a_i φ(x)ᵀφ(x_i),

and Φ appears only through inner products. Replace them by a kernel,
K_ij = k(x_i, x_j) = ⟨φ(x_i), φ(x_j)⟩, and the same two lines fit and evaluate a linear
model in a feature space that is never built (of the monomials of degree ≤ d for the
polynomial kernel, infinite-dimensional for the RBF kernel): the *dual form* of ridge
regression, one n × n linear system instead of a p × p one.

The module opens with ``_textbook_KernelRidge``, those two lines. `KernelRidge` computes the
same with scikit-learn's conventions: sample weights, several targets, one penalty per
target, and the least-squares solution when K + αI is singular.
"""
from __future__ import annotations

import warnings
from numbers import Real
from typing import Any, ClassVar

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validation import check_sample_weight, float_dtype_of, refuse_scalar_y, validate_data
from .base import BaseEstimator, Interval, RegressorMixin, StrOptions, check_is_fitted
from .exceptions import LinAlgError
from .linalg import cholesky, lstsq, solve
from .linalg._lu import _solve_triangular
from .metrics.pairwise import _KERNEL_FUNCTIONS, pairwise_kernels

__all__ = ["KernelRidge"]

EPS = float(np.finfo(np.float64).eps)


def _textbook_KernelRidge(X: ArrayLike, y: ArrayLike, X_test: ArrayLike, alpha: float = 1.0,
                          kernel=lambda x, z: float(x @ z)) -> NDArray[np.float64]:
    r"""Kernel ridge regression as a textbook writes it: solve (K + αI) a = y, then
    f(x) = Σ_i a_i k(x, x_i).

    .. math::

        K_{ij} = k(x_i, x_j), \qquad a = (K + \alpha I)^{-1} y, \qquad
        f(x) = \sum_{i=1}^{n} a_i\, k(x, x_i)

    `kernel` is a function of two samples (the inner product by default: ridge regression
    without intercept). Returns f at the rows of `X_test`. `KernelRidge` computes the
    same (tests/test_kernel_ridge.py compares them) with the matrix kernels of
    `mathml.metrics.pairwise` and a Cholesky solve.
    """
    X, X_test = np.asarray(X, dtype=float), np.asarray(X_test, dtype=float)
    n = X.shape[0]
    K = np.array([[kernel(X[i], X[j]) for j in range(n)] for i in range(n)])
    a = solve(K + alpha * np.eye(n), np.asarray(y, dtype=float))
    return np.array([sum(a[i] * kernel(x, X[i]) for i in range(n)) for x in X_test])


class KernelRidge(RegressorMixin, BaseEstimator):
    r"""Kernel ridge regression: ridge regression in a kernel's feature space, in dual form.

    .. math::

        \min_{f \in \mathcal{H}} \sum_{i=1}^{n} s_i \big(y_i - f(x_i)\big)^2
            + \alpha \lVert f \rVert_{\mathcal{H}}^2
        \quad\Longrightarrow\quad
        f(x) = \sum_{i=1}^{n} a_i\, k(x, x_i), \qquad
        (K + \alpha S^{-1}) a = y

    with K_ij = k(x_i, x_j) and S = diag(s) the sample weights (S = I without weights).
    By the representer theorem the minimiser over the whole feature space
    :math:`\mathcal{H}` is a combination of the kernel at the training points, and its
    coefficients a (``dual_coef_``) solve an n × n linear system. With the linear kernel
    this is ridge regression without intercept, w = Xᵀa.

    Parameters
    ----------
    alpha : float ≥ 0 or array-like of shape (n_targets,), default=1
        The penalty α; one per target when an array.
    kernel : str or callable, default='linear'
        'linear', 'poly', 'polynomial', 'rbf', 'sigmoid', 'cosine' (the kernels of
        `mathml.metrics.pairwise`), 'precomputed' (X is then the kernel matrix), or a
        function of two samples returning their kernel value.
    gamma : float ≥ 0, default=None
        γ of the 'poly', 'rbf' and 'sigmoid' kernels; None means 1 / n_features.
    degree : float ≥ 0, default=3
        Degree of the polynomial kernel.
    coef0 : float, default=1
        c₀ of the polynomial and sigmoid kernels.
    kernel_params : dict, default=None
        Keyword arguments of a callable kernel.

    Attributes
    ----------
    dual_coef_ : ndarray of shape (n_samples,) or (n_samples, n_targets)
        The coefficients a of the kernel at the training points.
    X_fit_ : ndarray of shape (n_samples, n_features)
        The training samples (the training kernel matrix for 'precomputed'): prediction
        needs them.
    n_features_in_ : int

    Raises
    ------
    InvalidParameterError
        alpha < 0, an unknown kernel, gamma < 0, degree < 0, coef0 not finite, a
        kernel_params that is not a dict.
    ValueError
        scikit-learn's input checks (NaN, 1-D X, wrong feature count at predict, lengths,
        sample weights); penalties of another number than the targets.
    numpy.linalg.LinAlgError
        K + αI not positive definite with one penalty per target (with one penalty, the
        least-squares solution is used instead, with a warning).

    Warns
    -----
    UserWarning
        "Singular matrix in solving dual problem. Using least-squares solution instead."
        when the Cholesky factorisation fails (one penalty).

    Notes
    -----
    *Algorithm* (``fit``):

    1. The kernel matrix K = k(X, X) by `mathml.metrics.pairwise.pairwise_kernels`.
    2. Sample weights: the rows and columns of K and the rows of y scaled by √s_i, so that
       the system is symmetric: (√S K √S + αI) b = √S y, then a = √S b.
    3. One penalty: K + αI = UᵀU by Cholesky (the upper triangle of K, as LAPACK's
       potrf is called) and two triangular solves, for every target at once; if the
       factorisation fails (K + αI singular or indefinite, e.g. α = 0 with fewer
       features than samples), the minimum-norm least-squares solution from the SVD.
    4. One penalty per target: step 3 for each target with its own α.

    ``predict`` evaluates f(x) = Σ_i a_i k(x, x_i): the kernel between the new samples and
    the training ones, times ``dual_coef_``.

    *Complexity*: O(n² p) for the kernel matrix, n³/3 for the Cholesky factor, O(n² t)
    for t targets; prediction O(m n p). The dual form pays off when the feature space
    is larger than n (always for the RBF kernel).

    *Numerical stability*: the penalty bounds the condition number,
    κ(K + αI) ≤ (λ_max(K) + α)/α for a positive semi-definite K, and Cholesky is backward
    stable; a sigmoid kernel may be indefinite, and then K + αI may not factor.

    References
    ----------
    Murphy, *Machine Learning: A Probabilistic Perspective*, 2012, §14.4.3;
    Schölkopf & Smola, *Learning with Kernels*, 2002, §4.2 (the representer theorem);
    Hastie, Tibshirani & Friedman, *The Elements of Statistical Learning*, 2nd ed., §5.8.

    Checked against ``reference.kernel_ridge.KernelRidge`` →
    ``sklearn.kernel_ridge.KernelRidge``: the same kernel matrix bitwise; the Cholesky
    solve is mathml's against LAPACK's, equal to rounding.

    Examples
    --------
    >>> X = np.array([[0.0], [1.0], [2.0], [3.0]]); y = np.array([0.0, 1.0, 4.0, 9.0])
    >>> model = KernelRidge(alpha=0.1, kernel="poly", degree=2, gamma=1.0, coef0=0.0)
    >>> np.round(model.fit(X, y).predict([[1.5], [4.0]]), 4)
    array([ 2.2477, 15.9837])
    """

    # the tags scikit-learn declares for its KernelRidge
    _sklearn_tags: ClassVar[dict[str, object]] = {"target_tags.multi_output": True}

    _parameter_constraints = {
        "alpha": [Interval(Real, 0, None, closed="left"), "array-like"],
        "kernel": [StrOptions(set(_KERNEL_FUNCTIONS) | {"precomputed"}), callable],
        "gamma": [Interval(Real, 0, None, closed="left"), None],
        "degree": [Interval(Real, 0, None, closed="left")],
        "coef0": [Interval(Real, None, None, closed="neither")],
        "kernel_params": [dict, None],
    }

    def __init__(self, alpha: Any = 1, *, kernel: Any = "linear", gamma: float | None = None,
                 degree: float = 3, coef0: float = 1, kernel_params: dict | None = None) -> None:
        self.alpha = alpha
        self.kernel = kernel
        self.gamma = gamma
        self.degree = degree
        self.coef0 = coef0
        self.kernel_params = kernel_params

    def _get_kernel(self, X: np.ndarray, Y: np.ndarray | None = None) -> np.ndarray:
        """k(X, Y): a named kernel with the parameters it takes, or the callable with
        `kernel_params`."""
        if callable(self.kernel):
            params = self.kernel_params or {}
        else:
            params = {"gamma": self.gamma, "degree": self.degree, "coef0": self.coef0}
        return pairwise_kernels(X, Y, metric=self.kernel, filter_params=True, **params)

    def fit(self, X: ArrayLike, y: ArrayLike, sample_weight: Any = None) -> KernelRidge:
        """Solve for the dual coefficients; returns self."""
        self._validate_hyperparameters()
        refuse_scalar_y(self, X, y)
        X_type, y_type = float_dtype_of(X), float_dtype_of(y)
        X, y = validate_data(self, X, y, multi_output=True, y_numeric=True)
        if sample_weight is not None and not isinstance(sample_weight, float):
            sample_weight = check_sample_weight(sample_weight, X.shape[0])
        # Step 1: the kernel matrix (a fresh array, so the solve may change it in place).
        K = self._get_kernel(X)
        if self.kernel == "precomputed":
            K = K.copy()
        alpha = np.atleast_1d(self.alpha)
        Y = y.reshape(-1, 1) if y.ndim == 1 else y
        # Steps 2–4.
        dual_coef = _solve_cholesky_kernel(K, Y, alpha, sample_weight)
        # Computed in float64, returned in scikit-learn's types: X_fit_ as X; the
        # coefficients in the type of K and y (one penalty) or of K (one per target), K
        # being float32 for float32 X.
        dual_type = X_type if alpha.size > 1 else np.result_type(X_type, y_type)
        self.dual_coef_ = (dual_coef.ravel() if y.ndim == 1 else dual_coef).astype(dual_type)
        self.X_fit_: np.ndarray = X.astype(X_type)
        return self

    def predict(self, X: ArrayLike) -> NDArray[np.float64]:
        """f(x) = Σ_i a_i k(x, x_i) for each row of X (for 'precomputed', X is the kernel
        between the new samples and the training ones, shape (n_samples, n_samples_fit))."""
        check_is_fitted(self)
        X_type = float_dtype_of(X)
        X = validate_data(self, X, reset=False)
        K = self._get_kernel(X, self.X_fit_.astype(np.float64))
        # float64 arithmetic; the result in scikit-learn's type: that of K (float32 when
        # both X and X_fit_ are) times dual_coef_
        K_type = np.result_type(X_type, self.X_fit_.dtype)
        return np.dot(K, self.dual_coef_.astype(np.float64)).astype(
            np.result_type(K_type, self.dual_coef_.dtype))


def _solve_cholesky_kernel(K: np.ndarray, y: np.ndarray, alpha: np.ndarray,
                           sample_weight: Any = None) -> np.ndarray:
    """a = (K + αI)⁻¹ y for every column of y (steps 2–4 of `KernelRidge`); K is changed
    in place."""
    n, n_targets = K.shape[0], y.shape[1]
    has_sw = isinstance(sample_weight, np.ndarray) or sample_weight not in (1.0, None)
    # Step 2: √S K √S and √S y.
    if has_sw:
        sw = np.sqrt(np.atleast_1d(sample_weight))
        y = y * sw[:, np.newaxis]
        K *= sw[:, np.newaxis] * sw[np.newaxis, :]
    if (alpha == alpha[0]).all():
        # Step 3: one penalty, all targets in one solve.
        K.flat[::n + 1] += alpha[0]
        try:
            dual_coef = _solve_positive_definite(K, y)
        except LinAlgError:
            warnings.warn("Singular matrix in solving dual problem. Using least-squares "
                          "solution instead.", UserWarning, stacklevel=3)
            dual_coef = lstsq(K, y, rcond=EPS)[0]  # SciPy's default cutoff: eps·σ_max
        if has_sw:
            dual_coef *= sw[:, np.newaxis]
        return dual_coef
    # Step 4: one penalty per target.
    if len(alpha) < n_targets:  # scikit-learn leaves such targets' coefficients unset
        raise ValueError("Number of targets and number of penalties do not correspond: "
                         f"{n_targets} != {len(alpha)}")
    dual_coefs = np.empty((n_targets, n))
    for dual_coef, target, current_alpha in zip(dual_coefs, y.T, alpha):
        K.flat[::n + 1] += current_alpha
        dual_coef[:] = _solve_positive_definite(K, target)
        K.flat[::n + 1] -= current_alpha  # as scikit-learn: the next α is added to this
    if has_sw:
        dual_coefs *= sw[np.newaxis, :]
    return dual_coefs.T


def _solve_positive_definite(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """A X = B for symmetric positive definite A, from its upper triangle: A = UᵀU, then
    Uᵀ Z = B and U X = Z. A 1 × 1 system is a division (as SciPy's ``solve`` does it)."""
    if A.shape[0] == 1:
        if A[0, 0] == 0:
            raise LinAlgError("A singular matrix detected.")
        return B / A[0, 0]
    U = cholesky(A, upper=True)
    return _solve_triangular(U, _solve_triangular(U.T, B, lower=True), lower=False)
