"""Pairwise distances and kernels between the rows of two matrices.

Every function here takes X of shape (n, p) and Y of shape (m, p) (Y = X when omitted) and
returns the n × m matrix of one quantity for each pair of rows: a *distance* d(x, y)
(euclidean, manhattan, cosine) or a *kernel* k(x, y), an inner product in some feature
space, k(x, y) = ⟨φ(x), φ(y)⟩ (linear, polynomial, RBF, sigmoid, cosine similarity).

A kernel is what lets a linear method work in a feature space it never builds: an
algorithm that touches the data only through inner products ⟨x_i, x_j⟩ (ridge regression
in its dual form, the SVM's dual) runs unchanged on K_ij = k(x_i, x_j), and so fits a
linear function of φ(x), a non-linear function of x. The polynomial kernel of degree d
is the inner product of all monomials of degree ≤ d; the RBF kernel that of an
infinite-dimensional φ.

Each function is scikit-learn's formula with scikit-learn's order of operations (the
squared euclidean distance as ‖x‖² − 2x·y + ‖y‖² from one matrix product, clipped at 0;
gamma = 1/p by default; float32 inputs kept in float32 where scikit-learn keeps them), so
that both give the same numbers to the last bit.
"""
from __future__ import annotations

import contextvars
import itertools
import math
from collections.abc import Callable
from functools import partial
from numbers import Integral, Real
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._param_validation import Interval, StrOptions, _validate_parameter_constraints
from .._validation import check_array

__all__ = ["euclidean_distances", "manhattan_distances", "linear_kernel", "polynomial_kernel",
           "rbf_kernel", "sigmoid_kernel", "cosine_similarity", "pairwise_distances",
           "pairwise_kernels"]

#: X and Y of every function here: scikit-learn refuses None for X, and a string for both,
#: before looking at the data.
_XY: dict[str, list] = {"X": ["array-like", "sparse matrix"],
                        "Y": ["array-like", "sparse matrix", None]}
_GAMMA = [Interval(Real, 0, None, closed="left"), None]
_COEF0 = [Interval(Real, None, None, closed="neither")]


# --- input checks (scikit-learn's check_pairwise_arrays) -----------------------------------------

def _float_dtype(X: Any, Y: Any) -> type:
    """float32 when both inputs are float32, float64 otherwise (scikit-learn's rule)."""
    Y_dtype = X.dtype if Y is None else Y.dtype
    return np.float32 if X.dtype == Y_dtype == np.float32 else np.float64


def _as_arrays(X: Any, Y: Any) -> tuple[np.ndarray, np.ndarray | None]:
    """X and Y as arrays; a given ndarray is kept as the same object, so that ``Y is X``
    still says whether the two are one matrix (then the diagonal is known: d(x, x) = 0)."""
    X = X if isinstance(X, np.ndarray) else np.asarray(X)
    if Y is not None and not isinstance(Y, np.ndarray):
        Y = np.asarray(Y)
    return X, Y


def _check_pairwise_arrays(X: Any, Y: Any, *, precomputed: bool = False,
                           dtype: Any = "infer_float", ensure_all_finite: bool | str = True,
                           ensure_2d: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """(X, Y) as 2-D arrays of one floating type, Y the same object as X when omitted;
    scikit-learn's checks and messages."""
    X, Y = _as_arrays(X, Y)
    if dtype == "infer_float":
        dtype = _float_dtype(X, Y)

    def check(A: np.ndarray) -> np.ndarray:
        # without ensure_2d a 0-d array is check_array's TypeError (it counts the samples)
        return check_array(A, dtype=dtype, ensure_all_finite=ensure_all_finite,
                           estimator="check_pairwise_arrays", ensure_2d=ensure_2d)

    if Y is None or Y is X:
        X = Y = check(X)
    else:
        X, Y = check(X), check(Y)
    if precomputed:
        if X.shape[1] != Y.shape[0]:
            raise ValueError(f"Precomputed metric requires shape (n_queries, n_indexed). Got "
                             f"({X.shape[0]}, {X.shape[1]}) for {Y.shape[0]} indexed.")
    elif ensure_2d and X.shape[1] != Y.shape[1]:
        raise ValueError("Incompatible dimension for X and Y matrices: "
                         f"X.shape[1] == {X.shape[1]} while Y.shape[1] == {Y.shape[1]}")
    return X, Y


def _squared_row_norms(X: np.ndarray) -> np.ndarray:
    """‖x_i‖² for every row, as scikit-learn's ``row_norms`` sums them (one einsum)."""
    return np.einsum("ij,ij->i", X, X)


def _gamma_or_default(gamma: Any, X: np.ndarray) -> Any:
    """gamma = 1/p when not given: the kernel then sees the average of the p products."""
    return 1.0 / X.shape[1] if gamma is None else gamma


#: True while a dispatcher (`pairwise_distances`, `pairwise_kernels`) runs: scikit-learn
#: validates the parameters of the outer call only, and passes **kwds on unchecked.
_NESTED = contextvars.ContextVar("_NESTED", default=False)


def _validate(constraints: dict[str, list], params: dict[str, Any], caller: str) -> None:
    """The parameter checks of scikit-learn's ``validate_params`` (X and Y's first); gamma
    may also be an array (a constraint scikit-learn keeps hidden from its messages)."""
    if _NESTED.get():
        return
    if isinstance(params.get("gamma"), np.ndarray):
        params = {k: v for k, v in params.items() if k != "gamma"}
    _validate_parameter_constraints({**_XY, **constraints}, params, caller)


# --- distances -----------------------------------------------------------------------------------

def euclidean_distances(X: ArrayLike, Y: ArrayLike | None = None, *,
                        Y_norm_squared: ArrayLike | None = None, squared: bool = False,
                        X_norm_squared: ArrayLike | None = None) -> NDArray[np.floating]:
    r"""Euclidean distances between the rows of X and the rows of Y.

    .. math::

        D_{ij} = \lVert x_i - y_j \rVert_2
               = \sqrt{\lVert x_i \rVert^2 - 2\, x_i^\mathsf{T} y_j + \lVert y_j \rVert^2}

    Parameters
    ----------
    X : array-like of shape (n_samples_X, n_features)
    Y : array-like of shape (n_samples_Y, n_features), default=None
        None means Y = X.
    Y_norm_squared : array-like of shape (n_samples_Y,), (n_samples_Y, 1) or (1, n_samples_Y), default=None
        Precomputed ‖y_j‖² (ignored when float32, recomputed from Y for accuracy).
    squared : bool, default=False
        Return the squared distances.
    X_norm_squared : array-like of shape (n_samples_X,), (n_samples_X, 1) or (1, n_samples_X), default=None
        Precomputed ‖x_i‖² (as Y_norm_squared).

    Returns
    -------
    D : ndarray of shape (n_samples_X, n_samples_Y)
        float32 when X and Y are both float32, float64 otherwise. With Y omitted (or Y the
        same array as X) the diagonal is exactly 0.

    Raises
    ------
    ValueError
        Different numbers of features ("Incompatible dimension for X and Y matrices:
        X.shape[1] == 3 while Y.shape[1] == 2"); NaN or infinity; norms of the wrong shape.
    InvalidParameterError
        `squared` not a bool.

    Notes
    -----
    *Algorithm*:

    1. The squared norms ‖x_i‖², ‖y_j‖² (the ones given, unless float32).
    2. ``D² = −2 X Yᵀ + ‖x‖² + ‖y‖²``: one matrix product carries all the work. For float32
       input the same is done in float64, on blocks of rows that bound the extra memory
       (scikit-learn's blocks, so that the results agree bitwise), then rounded to float32.
    3. Clip at 0: rounding can make the difference of nearly equal numbers negative.
    4. Y = X: the diagonal is set to 0, whatever the rounding.
    5. The square root, unless `squared`.

    *Complexity*: O(n·m·p) for the product, O(n·m) memory.

    *Numerical stability*: the expansion cancels catastrophically for points close to each
    other and far from the origin (absolute error ≈ eps·‖x‖², so a relative error
    eps·‖x‖²/d² in d²); it is used because it is one matrix product, and it is
    scikit-learn's.

    References
    ----------
    Hastie, Tibshirani & Friedman, *The Elements of Statistical Learning*, 2nd ed., §14.3.2.

    Checked against ``reference.metrics.pairwise.euclidean_distances`` →
    ``sklearn.metrics.pairwise.euclidean_distances``: bitwise.

    Examples
    --------
    >>> euclidean_distances([[0, 1], [1, 1]], [[0, 0]])
    array([[1.        ],
           [1.41421356]])
    """
    _validate({"Y_norm_squared": ["array-like", None], "squared": ["boolean"],
               "X_norm_squared": ["array-like", None]},
              {"X": X, "Y": Y, "Y_norm_squared": Y_norm_squared, "squared": squared,
               "X_norm_squared": X_norm_squared}, "euclidean_distances")
    X, Y = _check_pairwise_arrays(X, Y)
    XX = _given_norms(X_norm_squared, X, "X", column=True)
    YY = _given_norms(Y_norm_squared, Y, "Y", column=False)
    return _euclidean_distances(X, Y, XX, YY, squared)


def _given_norms(norms: Any, A: np.ndarray, name: str, *, column: bool) -> np.ndarray | None:
    """Precomputed squared norms as a column (X) or a row (Y), or scikit-learn's error."""
    if norms is None:
        return None
    N = check_array(norms, ensure_2d=False, dtype=None)
    original_shape, n = N.shape, A.shape[0]
    wanted, transposed = ((n, 1), (1, n)) if column else ((1, n), (n, 1))
    if N.shape == (n,):
        N = N.reshape(wanted)
    if N.shape == transposed:
        N = N.T
    if N.shape != wanted:
        raise ValueError(f"Incompatible dimensions for {name} of shape {A.shape} and "
                         f"{name}_norm_squared of shape {original_shape}.")
    return N


def _euclidean_distances(X: np.ndarray, Y: np.ndarray, XX: np.ndarray | None = None,
                         YY: np.ndarray | None = None, squared: bool = False) -> np.ndarray:
    """The computation of `euclidean_distances` on checked arrays (steps 1–5)."""
    # Step 1: squared norms; float32 ones are not trusted, float32 data gets them in float64.
    if XX is not None and XX.dtype != np.float32:
        XX = XX.reshape(-1, 1)
    elif X.dtype != np.float32:
        XX = _squared_row_norms(X)[:, None]
    else:
        XX = None
    if Y is X:
        YY = None if XX is None else XX.T
    elif YY is not None and YY.dtype != np.float32:
        YY = YY.reshape(1, -1)
    elif Y.dtype != np.float32:
        YY = _squared_row_norms(Y)[None, :]
    else:
        YY = None
    # Step 2: ‖x‖² − 2 xᵀy + ‖y‖².
    if X.dtype == np.float32 or Y.dtype == np.float32:
        D = _euclidean_distances_upcast(X, XX, Y, YY)
    else:
        D = -2 * (X @ Y.T)
        D += XX
        D += YY
    # Step 3: rounding may leave tiny negative squares.
    np.maximum(D, 0, out=D)
    # Step 4: d(x, x) = 0 exactly.
    if X is Y:
        np.fill_diagonal(D, 0)
    # Step 5.
    return D if squared else np.sqrt(D, out=D)


def _euclidean_distances_upcast(X: np.ndarray, XX: np.ndarray | None, Y: np.ndarray,
                                YY: np.ndarray | None) -> np.ndarray:
    """Squared distances of float32 data computed in float64 on square blocks of rows,
    rounded to float32 block by block.

    The block size b solves b² + 2bp = M for M ≈ a tenth of the memory X, Y and D take
    (at least 10 MiB in 8-byte words), scikit-learn's choice: the same blocks give the
    same matrix products, hence the same roundings.
    """
    n, m, p = X.shape[0], Y.shape[0], X.shape[1]
    D = np.empty((n, m), dtype=np.float32)
    maxmem = max(((n + m) * p + n * m) / 10, 10 * 2 ** 17)
    b = max(int((-2 * p + math.sqrt((2 * p) ** 2 + 4 * maxmem)) / 2), 1)
    for i, rows in enumerate(_batches(n, b)):
        X_block = X[rows].astype(np.float64)
        XX_block = _squared_row_norms(X_block)[:, None] if XX is None else XX[rows]
        for j, cols in enumerate(_batches(m, b)):
            d: np.ndarray
            if X is Y and j < i:  # symmetric: that block is already known
                d = D[cols, rows].T
            else:
                Y_block = Y[cols].astype(np.float64)
                YY_block = _squared_row_norms(Y_block)[None, :] if YY is None else YY[:, cols]
                d = -2 * (X_block @ Y_block.T)
                d += XX_block
                d += YY_block
            D[rows, cols] = d.astype(np.float32, copy=False)
    return D


def _batches(n: int, size: int) -> list[slice]:
    """Consecutive slices of `size` covering range(n), the last one shorter."""
    return [slice(start, min(start + size, n)) for start in range(0, n, size)]


#: Entries of a block of D that stay in cache while the p terms are added to it.
_CACHE_ENTRIES = 32768


def manhattan_distances(X: ArrayLike, Y: ArrayLike | None = None) -> NDArray[np.float64]:
    r"""Manhattan (L1, city-block) distances between the rows of X and the rows of Y.

    .. math::

        D_{ij} = \lVert x_i - y_j \rVert_1 = \sum_{k=1}^{p} |x_{ik} - y_{jk}|

    Parameters
    ----------
    X : array-like of shape (n_samples_X, n_features)
    Y : array-like of shape (n_samples_Y, n_features), default=None
        None means Y = X.

    Returns
    -------
    D : ndarray of shape (n_samples_X, n_samples_Y), float64
        (float64 even for float32 input, as SciPy's ``cdist`` which scikit-learn calls.)

    Raises
    ------
    ValueError
        Different numbers of features; NaN or infinity.

    Notes
    -----
    *Algorithm*: the sum over features, taken feature by feature in order (the order of
    SciPy's loop, so the same roundings): ``D += |x_k − y_k|`` for k = 1, …, p, on blocks of
    rows of D small enough to stay in cache while their p terms are added.

    *Complexity*: O(n·m·p) time, O(n·m) memory.

    References
    ----------
    Deza & Deza, *Encyclopedia of Distances*, 4th ed., §1.2 (the ℓ1 metric).

    Checked against ``reference.metrics.pairwise.manhattan_distances`` →
    ``sklearn.metrics.pairwise.manhattan_distances``: bitwise.

    Examples
    --------
    >>> manhattan_distances([[1, 2], [3, 4]], [[1, 2], [0, 3]])
    array([[0., 2.],
           [4., 4.]])
    """
    _validate({}, {"X": X, "Y": Y}, "manhattan_distances")
    X, Y = _check_pairwise_arrays(X, Y)
    X, Y = X.astype(np.float64, copy=False), Y.astype(np.float64, copy=False)
    n, m = X.shape[0], Y.shape[0]
    D = np.zeros((n, m))
    Y_columns = np.ascontiguousarray(Y.T)
    rows_per_block = max(1, _CACHE_ENTRIES // m)
    term = np.empty((rows_per_block, m))
    for rows in _batches(n, rows_per_block):
        D_block, term_block = D[rows], term[:rows.stop - rows.start]
        for k in range(X.shape[1]):
            np.subtract(X[rows, k, None], Y_columns[k], out=term_block)
            D_block += np.abs(term_block, out=term_block)
    return D


def _cosine_distances(X: ArrayLike, Y: ArrayLike | None = None) -> np.ndarray:
    """1 − cosine similarity, clipped to [0, 2], with a zero diagonal when Y is X."""
    S = cosine_similarity(X, Y)
    S *= -1
    S += 1
    S = np.clip(S, 0.0, 2.0)
    if X is Y or Y is None:
        np.fill_diagonal(S, 0.0)
    return S


# --- kernels -------------------------------------------------------------------------------------

def linear_kernel(X: ArrayLike, Y: ArrayLike | None = None,
                  dense_output: bool = True) -> NDArray[np.floating]:
    r"""The linear kernel: the inner products of the rows of X with the rows of Y.

    .. math::

        K_{ij} = k(x_i, y_j) = x_i^\mathsf{T} y_j, \qquad K = X Y^\mathsf{T}

    Parameters
    ----------
    X : array-like of shape (n_samples_X, n_features)
    Y : array-like of shape (n_samples_Y, n_features), default=None
        None means Y = X (then K is the Gram matrix XXᵀ).
    dense_output : bool, default=True
        Kept for scikit-learn's signature: mathml's inputs and outputs are always dense.

    Returns
    -------
    K : ndarray of shape (n_samples_X, n_samples_Y)
        float32 when X and Y are both float32, float64 otherwise.

    Raises
    ------
    ValueError
        Different numbers of features; NaN or infinity.

    Notes
    -----
    *Algorithm*: one matrix product.

    *Complexity*: O(n·m·p).

    References
    ----------
    Schölkopf & Smola, *Learning with Kernels*, 2002, §2.1.

    Checked against ``reference.metrics.pairwise.linear_kernel`` →
    ``sklearn.metrics.pairwise.linear_kernel``: bitwise.

    Examples
    --------
    >>> linear_kernel([[0, 0, 0], [1, 1, 1]], [[1, 0, 0], [1, 1, 0]])
    array([[0., 0.],
           [1., 2.]])
    """
    _validate({"dense_output": ["boolean"]}, {"X": X, "Y": Y, "dense_output": dense_output},
              "linear_kernel")
    X, Y = _check_pairwise_arrays(X, Y)
    return X @ Y.T


def polynomial_kernel(X: ArrayLike, Y: ArrayLike | None = None, degree: float = 3,
                      gamma: float | None = None, coef0: float = 1) -> NDArray[np.floating]:
    r"""The polynomial kernel.

    .. math::

        K_{ij} = (\gamma\, x_i^\mathsf{T} y_j + c_0)^d

    For integer d and c₀ > 0 it is the inner product of the feature vectors of all
    monomials of degree ≤ d (each scaled): a linear model on K fits a polynomial of x.

    Parameters
    ----------
    X : array-like of shape (n_samples_X, n_features)
    Y : array-like of shape (n_samples_Y, n_features), default=None
        None means Y = X.
    degree : float ≥ 1, default=3
        d.
    gamma : float ≥ 0, default=None
        γ; None means 1 / n_features.
    coef0 : float, default=1
        c₀.

    Returns
    -------
    K : ndarray of shape (n_samples_X, n_samples_Y)

    Raises
    ------
    ValueError
        Different numbers of features; NaN or infinity.
    InvalidParameterError
        degree < 1, gamma < 0, a coef0 that is not a finite number.

    Notes
    -----
    *Algorithm*: ``K = X Yᵀ``, then in place ``K *= γ``, ``K += c₀``, ``K **= d``.

    *Complexity*: O(n·m·p).

    References
    ----------
    Schölkopf & Smola, *Learning with Kernels*, 2002, §2.1 (polynomial kernels).

    Checked against ``reference.metrics.pairwise.polynomial_kernel`` →
    ``sklearn.metrics.pairwise.polynomial_kernel``: bitwise.

    Examples
    --------
    >>> polynomial_kernel([[0, 0, 0], [1, 1, 1]], [[1, 0, 0], [1, 1, 0]], degree=2)
    array([[1.        , 1.        ],
           [1.77777778, 2.77777778]])
    """
    _validate({"degree": [Interval(Real, 1, None, closed="left")], "gamma": _GAMMA,
               "coef0": _COEF0}, {"X": X, "Y": Y, "degree": degree, "gamma": gamma,
                                  "coef0": coef0},
              "polynomial_kernel")
    X, Y = _check_pairwise_arrays(X, Y)
    gamma = _gamma_or_default(gamma, X)
    K = X @ Y.T
    K *= gamma
    K += coef0
    K **= degree
    return K


def rbf_kernel(X: ArrayLike, Y: ArrayLike | None = None,
               gamma: float | None = None) -> NDArray[np.floating]:
    r"""The RBF (Gaussian) kernel.

    .. math::

        K_{ij} = \exp\!\big(-\gamma\, \lVert x_i - y_j \rVert^2\big)

    The inner product of an infinite-dimensional feature map; 1 on the diagonal, near 0 for
    points farther apart than about 1/√γ.

    Parameters
    ----------
    X : array-like of shape (n_samples_X, n_features)
    Y : array-like of shape (n_samples_Y, n_features), default=None
        None means Y = X.
    gamma : float ≥ 0, default=None
        γ; None means 1 / n_features.

    Returns
    -------
    K : ndarray of shape (n_samples_X, n_samples_Y)

    Raises
    ------
    ValueError
        Different numbers of features; NaN or infinity.
    InvalidParameterError
        gamma < 0.

    Notes
    -----
    *Algorithm*:

    1. The squared distances by `euclidean_distances` (``‖x‖² − 2xᵀy + ‖y‖²``, clipped at
       0, a zero diagonal when Y = X).
    2. ``K *= −γ``, then exp in place.

    *Complexity*: O(n·m·p) for the distances, O(n·m) exponentials.

    *Numerical stability*: exp of a non-positive number lies in [0, 1]: no overflow.

    References
    ----------
    Schölkopf & Smola, *Learning with Kernels*, 2002, §2.3; Rasmussen & Williams,
    *Gaussian Processes for Machine Learning*, §4.2.1.

    Checked against ``reference.metrics.pairwise.rbf_kernel`` →
    ``sklearn.metrics.pairwise.rbf_kernel``: bitwise.

    Examples
    --------
    >>> rbf_kernel([[0, 0, 0], [1, 1, 1]], [[1, 0, 0], [1, 1, 0]]).round(4)
    array([[0.7165, 0.5134],
           [0.5134, 0.7165]])
    """
    _validate({"gamma": _GAMMA}, {"X": X, "Y": Y, "gamma": gamma}, "rbf_kernel")
    X, Y = _check_pairwise_arrays(X, Y)
    gamma = _gamma_or_default(gamma, X)
    # Step 1.
    K = _euclidean_distances(X, Y, squared=True)
    # Step 2.
    K *= -gamma
    return np.exp(K, out=K)


def sigmoid_kernel(X: ArrayLike, Y: ArrayLike | None = None, gamma: float | None = None,
                   coef0: float = 1) -> NDArray[np.floating]:
    r"""The sigmoid (hyperbolic tangent) kernel.

    .. math::

        K_{ij} = \tanh(\gamma\, x_i^\mathsf{T} y_j + c_0)

    A neural network's unit as a kernel; not positive semi-definite for every γ, c₀.

    Parameters
    ----------
    X : array-like of shape (n_samples_X, n_features)
    Y : array-like of shape (n_samples_Y, n_features), default=None
        None means Y = X.
    gamma : float ≥ 0, default=None
        γ; None means 1 / n_features.
    coef0 : float, default=1
        c₀.

    Returns
    -------
    K : ndarray of shape (n_samples_X, n_samples_Y)

    Raises
    ------
    ValueError
        Different numbers of features; NaN or infinity.
    InvalidParameterError
        gamma < 0, a coef0 that is not a finite number.

    Notes
    -----
    *Algorithm*: ``K = X Yᵀ``, then in place ``K *= γ``, ``K += c₀``, tanh.

    *Complexity*: O(n·m·p).

    References
    ----------
    Schölkopf & Smola, *Learning with Kernels*, 2002, §2.3 (the sigmoid kernel and when it
    is not a kernel).

    Checked against ``reference.metrics.pairwise.sigmoid_kernel`` →
    ``sklearn.metrics.pairwise.sigmoid_kernel``: bitwise.

    Examples
    --------
    >>> sigmoid_kernel([[0, 0, 0], [1, 1, 1]], [[1, 0, 0], [1, 1, 0]]).round(4)
    array([[0.7616, 0.7616],
           [0.8701, 0.9311]])
    """
    _validate({"gamma": _GAMMA, "coef0": _COEF0}, {"X": X, "Y": Y, "gamma": gamma,
                                                    "coef0": coef0}, "sigmoid_kernel")
    X, Y = _check_pairwise_arrays(X, Y)
    gamma = _gamma_or_default(gamma, X)
    K = X @ Y.T
    K *= gamma
    K += coef0
    return np.tanh(K, out=K)


def cosine_similarity(X: ArrayLike, Y: ArrayLike | None = None,
                      dense_output: bool = True) -> NDArray[np.floating]:
    r"""Cosine similarity: the inner products of the rows scaled to unit length.

    .. math::

        K_{ij} = \frac{x_i^\mathsf{T} y_j}{\lVert x_i \rVert\, \lVert y_j \rVert}

    (a row of zeros keeps its zeros: its similarity to everything is 0).

    Parameters
    ----------
    X : array-like of shape (n_samples_X, n_features)
    Y : array-like of shape (n_samples_Y, n_features), default=None
        None means Y = X.
    dense_output : bool, default=True
        Kept for scikit-learn's signature: mathml's outputs are always dense.

    Returns
    -------
    K : ndarray of shape (n_samples_X, n_samples_Y), entries in [−1, 1] up to rounding.

    Raises
    ------
    ValueError
        Different numbers of features; NaN or infinity.

    Notes
    -----
    *Algorithm*:

    1. Divide each row of X (and of Y) by its euclidean norm; a norm below 10·eps is taken
       as 1 (scikit-learn's ``normalize``), so a zero row stays zero.
    2. One matrix product of the normalised rows.

    *Complexity*: O(n·m·p).

    References
    ----------
    Manning, Raghavan & Schütze, *Introduction to Information Retrieval*, §6.3.1.

    Checked against ``reference.metrics.pairwise.cosine_similarity`` →
    ``sklearn.metrics.pairwise.cosine_similarity``: bitwise.

    Examples
    --------
    >>> cosine_similarity([[0, 0, 0], [1, 1, 1]], [[1, 0, 0], [1, 1, 0]]).round(4)
    array([[0.    , 0.    ],
           [0.5774, 0.8165]])
    """
    _validate({"dense_output": ["boolean"]}, {"X": X, "Y": Y, "dense_output": dense_output},
              "cosine_similarity")
    X, Y = _check_pairwise_arrays(X, Y)
    # Step 1.
    X_normalized = _normalize_rows(X)
    Y_normalized = X_normalized if X is Y else _normalize_rows(Y)
    # Step 2.
    return X_normalized @ Y_normalized.T


def _normalize_rows(X: np.ndarray) -> np.ndarray:
    """Rows scaled to unit euclidean norm; norms below 10·eps count as 1."""
    norms = np.sqrt(_squared_row_norms(X))
    norms[norms < 10 * np.finfo(norms.dtype).eps] = 1.0
    return X / norms[:, None]


# --- the dispatchers -----------------------------------------------------------------------------

_DISTANCE_FUNCTIONS: dict[str, Callable[..., np.ndarray]] = {
    "cityblock": manhattan_distances, "cosine": _cosine_distances,
    "euclidean": euclidean_distances, "l2": euclidean_distances, "l1": manhattan_distances,
    "manhattan": manhattan_distances}

_KERNEL_FUNCTIONS: dict[str, Callable[..., np.ndarray]] = {
    "linear": linear_kernel, "polynomial": polynomial_kernel, "poly": polynomial_kernel,
    "rbf": rbf_kernel, "sigmoid": sigmoid_kernel, "cosine": cosine_similarity}

#: The keyword arguments each kernel takes (what ``filter_params`` keeps).
KERNEL_PARAMS: dict[str, frozenset[str]] = {
    "cosine": frozenset(), "linear": frozenset(),
    "poly": frozenset(["gamma", "degree", "coef0"]),
    "polynomial": frozenset(["gamma", "degree", "coef0"]),
    "rbf": frozenset(["gamma"]), "sigmoid": frozenset(["gamma", "coef0"])}


def _pairwise(X: Any, Y: Any, func: Callable[..., np.ndarray], **kwds: Any) -> np.ndarray:
    """func(X, Y) with Y = X (the same array) when omitted; func's own parameter checks
    are skipped, as scikit-learn skips nested validation."""
    X, Y = _as_arrays(X, Y)
    token = _NESTED.set(True)
    try:
        return func(X, X if Y is None else Y, **kwds)
    finally:
        _NESTED.reset(token)


def _pairwise_callable(X: Any, Y: Any, metric: Callable[..., float],
                       ensure_all_finite: bool | str = True, **kwds: Any) -> np.ndarray:
    """metric(x_i, y_j, **kwds) for every pair of rows; for Y = X only the upper triangle
    and the diagonal are evaluated (the matrix is taken to be symmetric)."""
    X, Y = _check_pairwise_arrays(X, Y, dtype=None, ensure_all_finite=ensure_all_finite,
                                  ensure_2d=False)
    dtype = _float_dtype(X, Y)
    n, m = X.shape[0], Y.shape[0]
    if X is Y:
        out = np.zeros((n, n), dtype=dtype)
        for i, j in itertools.combinations(range(n), 2):
            out[i, j] = metric(X[i], Y[j], **kwds)
        out = out + out.T
        for i in range(n):
            out[i, i] = metric(X[i], X[i], **kwds)
        return out
    out = np.empty((n, m), dtype=dtype)
    for i, j in itertools.product(range(n), range(m)):
        out[i, j] = metric(X[i], Y[j], **kwds)
    return out


def pairwise_distances(X: ArrayLike, Y: ArrayLike | None = None,
                       metric: str | Callable[..., float] = "euclidean", *,
                       n_jobs: int | None = None, ensure_all_finite: bool | str = True,
                       **kwds: Any) -> NDArray[np.floating]:
    r"""The distance matrix between the rows of X and the rows of Y, for a named metric
    or a function of two rows.

    .. math::

        D_{ij} = d(x_i, y_j), \qquad
        d \in \{\lVert x - y \rVert_2,\; \lVert x - y \rVert_1,\;
        1 - \tfrac{x^\mathsf{T} y}{\lVert x \rVert \lVert y \rVert},\; \text{a callable}\}

    Parameters
    ----------
    X : array-like of shape (n_samples_X, n_features), or (n_samples_X, n_samples_Y)
        The samples, or with ``metric='precomputed'`` their distances (returned as they are,
        once checked).
    Y : array-like of shape (n_samples_Y, n_features), default=None
        None means Y = X.
    metric : str or callable, default='euclidean'
        One of 'euclidean', 'l2', 'manhattan', 'cityblock', 'l1', 'cosine', 'precomputed'.
        'euclidean'/'l2': `euclidean_distances`; 'manhattan'/'cityblock'/'l1':
        `manhattan_distances`; 'cosine': 1 − `cosine_similarity`, clipped to [0, 2] with a
        zero diagonal when Y = X. A callable is called on each pair of rows and returns
        their distance.
    n_jobs : int, default=None
        Accepted for scikit-learn's signature; mathml computes in one process.
    ensure_all_finite : bool or 'allow-nan', default=True
        For a callable or 'precomputed': whether NaN and infinity are refused.
    **kwds
        Passed to the distance function (``squared=True`` for 'euclidean', say).

    Returns
    -------
    D : ndarray of shape (n_samples_X, n_samples_Y)

    Raises
    ------
    ValueError
        Different numbers of features; NaN or infinity; a precomputed matrix with negative
        entries or of the wrong shape.
    InvalidParameterError
        A metric that is neither one of the names above nor callable.

    Notes
    -----
    *Algorithm*: dispatch on the metric. A named metric calls its vectorised function on
    the whole matrices. A callable is evaluated pair by pair (a Python loop): for Y = X only
    for i < j, the matrix then symmetrised, and on the diagonal.

    *Complexity*: O(n·m·p) for the named metrics; n·m calls of a callable (n(n+1)/2 when
    Y = X).

    References
    ----------
    Hastie, Tibshirani & Friedman, *The Elements of Statistical Learning*, 2nd ed., §14.3.2
    (dissimilarities).

    Checked against ``reference.metrics.pairwise.pairwise_distances`` →
    ``sklearn.metrics.pairwise.pairwise_distances``: bitwise (at n_jobs=None).

    Examples
    --------
    >>> pairwise_distances([[0, 0], [3, 4]], metric="manhattan")
    array([[0., 7.],
           [7., 0.]])
    """
    _validate({"metric": [StrOptions(set(_DISTANCE_FUNCTIONS) | {"precomputed"}), callable],
               "n_jobs": [Integral, None],
               "ensure_all_finite": ["boolean", StrOptions({"allow-nan"})]},
              {"X": X, "Y": Y, "metric": metric, "n_jobs": n_jobs,
               "ensure_all_finite": ensure_all_finite},
              "pairwise_distances")
    if isinstance(metric, str) and metric == "precomputed":
        D, _ = _check_pairwise_arrays(X, Y, precomputed=True,
                                      ensure_all_finite=ensure_all_finite)
        if D.min() < 0:
            raise ValueError("Negative values in data passed to `pairwise_distances`. "
                             "Precomputed distance  need to have non-negative values..")
        return D
    if isinstance(metric, str):
        func = _DISTANCE_FUNCTIONS[metric]
    else:
        func = partial(_pairwise_callable, metric=metric, ensure_all_finite=ensure_all_finite,
                       **kwds)
    return _pairwise(X, Y, func, **kwds)


def pairwise_kernels(X: ArrayLike, Y: ArrayLike | None = None,
                     metric: str | Callable[..., float] = "linear", *,
                     filter_params: bool = False, n_jobs: int | None = None,
                     **kwds: Any) -> NDArray[np.floating]:
    r"""The kernel matrix between the rows of X and the rows of Y, for a named kernel or a
    function of two rows.

    .. math::

        K_{ij} = k(x_i, y_j) = \langle \varphi(x_i), \varphi(y_j) \rangle

    Parameters
    ----------
    X : array-like of shape (n_samples_X, n_features), or (n_samples_X, n_samples_Y)
        The samples, or with ``metric='precomputed'`` their kernel matrix (returned as it
        is, once checked).
    Y : array-like of shape (n_samples_Y, n_features), default=None
        None means Y = X.
    metric : str or callable, default='linear'
        One of 'linear', 'poly', 'polynomial', 'rbf', 'sigmoid', 'cosine', 'precomputed':
        the kernel functions of this module; a callable is called on each pair of rows and
        returns their kernel value.
    filter_params : bool, default=False
        Drop the keyword arguments the named kernel does not take (so that one set
        ``gamma, degree, coef0`` serves every kernel).
    n_jobs : int, default=None
        Accepted for scikit-learn's signature; mathml computes in one process.
    **kwds
        Passed to the kernel function (``gamma``, ``degree``, ``coef0``).

    Returns
    -------
    K : ndarray of shape (n_samples_X, n_samples_Y)

    Raises
    ------
    ValueError
        Different numbers of features; NaN or infinity; a precomputed matrix of the wrong
        shape.
    InvalidParameterError
        A metric that is neither one of the names above nor callable; invalid kernel
        parameters.

    Notes
    -----
    *Algorithm*: dispatch on the metric, as `pairwise_distances`; a callable is evaluated
    pair by pair, for Y = X on the upper triangle and the diagonal only.

    *Complexity*: that of the kernel, O(n·m·p) for the named ones.

    References
    ----------
    Schölkopf & Smola, *Learning with Kernels*, 2002, ch. 2.

    Checked against ``reference.metrics.pairwise.pairwise_kernels`` →
    ``sklearn.metrics.pairwise.pairwise_kernels``: bitwise (at n_jobs=None).

    Examples
    --------
    >>> pairwise_kernels([[0, 0, 0], [1, 1, 1]], [[1, 0, 0], [1, 1, 0]], metric="linear")
    array([[0., 0.],
           [1., 2.]])
    """
    _validate({"metric": [StrOptions(set(_KERNEL_FUNCTIONS) | {"precomputed"}), callable],
               "filter_params": ["boolean"], "n_jobs": [Integral, None]},
              {"X": X, "Y": Y, "metric": metric, "filter_params": filter_params,
               "n_jobs": n_jobs},
              "pairwise_kernels")
    if isinstance(metric, str) and metric == "precomputed":
        K, _ = _check_pairwise_arrays(X, Y, precomputed=True)
        return K
    if isinstance(metric, str):
        if filter_params:
            kwds = {k: v for k, v in kwds.items() if k in KERNEL_PARAMS[metric]}
        func = _KERNEL_FUNCTIONS[metric]
    else:
        func = partial(_pairwise_callable, metric=metric, **kwds)
    return _pairwise(X, Y, func, **kwds)
