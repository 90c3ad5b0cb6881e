"""Input checks shared by every `mathml` module.

Each check raises the exception the contract (docs/contract.md §3) names for it, with NumPy's
wording where NumPy has one, so that both backends fail the same way.
"""
from __future__ import annotations

from typing import Any, overload

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .exceptions import LinAlgError

__all__ = ["as_float_array", "check_finite", "as_matrix", "as_square_matrix"]

FINITE_MESSAGE = "array must not contain infs or NaNs"


def as_float_array(a: ArrayLike) -> NDArray[np.float64]:
    """Return `a` as a float64 array; complex input is refused rather than truncated."""
    arr = np.asarray(a)
    if np.iscomplexobj(arr):
        raise TypeError("complex input is not supported: pass a real array")
    if arr.dtype == object:
        raise TypeError("input must be a numeric array, not an array of objects")
    return arr.astype(np.float64, copy=False)


def check_finite(a: NDArray) -> NDArray:
    """Raise ValueError if `a` holds a NaN or an infinity (NumPy's `asarray_chkfinite` wording)."""
    if not np.isfinite(a).all():
        raise ValueError(FINITE_MESSAGE)
    return a


def as_matrix(a: ArrayLike, *, finite: bool = True) -> NDArray[np.float64]:
    """Return `a` as a 2-D float64 array, or raise `LinAlgError` as NumPy does."""
    A = as_float_array(a)
    if A.ndim != 2:
        raise LinAlgError(
            f"{A.ndim}-dimensional array given. Array must be two-dimensional")
    if finite:
        check_finite(A)
    return A


def as_square_matrix(a: ArrayLike, *, finite: bool = True) -> NDArray[np.float64]:
    """Return `a` as a square 2-D float64 array, or raise `LinAlgError` as NumPy does."""
    A = as_matrix(a, finite=finite)
    if A.shape[0] != A.shape[1]:
        raise LinAlgError("Last 2 dimensions of the array must be square")
    return A


# --- estimator input checks (scikit-learn's sklearn.utils.validation, its wording) -------------
#
# Estimators check their data the way scikit-learn's do, so that both backends refuse the
# same inputs with the same exception class and message (docs/contract.md §3, the estimator row).

import numbers  # noqa: E402
import warnings  # noqa: E402

from .exceptions import DataConversionWarning  # noqa: E402

__all__ += ["check_array", "check_sample_weight", "check_X_y", "check_consistent_length", "column_or_1d",
            "validate_data", "check_n_features", "type_of_target",
            "check_classification_targets", "check_random_state", "is_sparse"]

_RESHAPE_HINT = ("Reshape your data either using array.reshape(-1, 1) if your data has a "
                 "single feature or array.reshape(1, -1) if it contains a single sample.")


def is_sparse(X) -> bool:
    """Whether `X` is a SciPy sparse matrix or array, recognised without importing SciPy."""
    return hasattr(X, "toarray") and hasattr(X, "format") and hasattr(X, "nnz")


def _num_samples(x) -> int:
    if hasattr(x, "shape") and len(x.shape) > 0:
        return int(x.shape[0])
    if hasattr(x, "__len__"):
        return len(x)
    raise TypeError(f"Expected sequence or array-like, got {type(x)}")


def check_consistent_length(*arrays) -> None:
    """ValueError unless every non-None argument has the same number of samples."""
    lengths = [_num_samples(a) for a in arrays if a is not None]
    if len(set(lengths)) > 1:
        raise ValueError("Found input variables with inconsistent numbers of samples: "
                         f"{[int(n) for n in lengths]!r}")


def _assert_all_finite(A: np.ndarray, *, allow_nan: bool, input_name: str,
                       estimator_name: str | None) -> None:
    if A.dtype.kind not in "fc" or np.isfinite(A).all():
        return
    has_nan = bool(np.isnan(A).any())
    if has_nan and allow_nan and not np.isinf(A).any():
        return
    what = "NaN" if has_nan and not allow_nan else f"infinity or a value too large for {A.dtype!r}"
    padded = f"{input_name} " if input_name else ""
    message = f"Input {padded}contains {what}."
    if estimator_name and input_name == "X" and has_nan and not allow_nan:
        message += (f"\n{estimator_name} does not accept missing values encoded as NaN "
                    "natively: remove those samples or impute them before fitting.")
    raise ValueError(message)


def _as_array(X, dtype, input_name: str) -> np.ndarray:
    """np.asarray with scikit-learn's refusals: sparse, complex, strings for numeric dtype."""
    if is_sparse(X):
        padded = f" for {input_name}" if input_name else ""
        raise TypeError(f"Sparse data was passed{padded}, but dense data is required. "
                        "Use '.toarray()' to convert to a dense numpy array.")
    A = np.asarray(X, dtype=object) if dtype is object else np.asarray(X)
    if np.iscomplexobj(A) or (A.dtype == object and any(isinstance(v, complex) for v in A.flat)):
        raise ValueError(f"Complex data not supported\n{A}\n")
    if dtype == "numeric":
        if A.dtype.kind in "USV":
            raise ValueError("dtype='numeric' is not compatible with arrays of bytes/strings."
                             "Convert your data to numeric values explicitly instead.")
        # mathml computes in float64 throughout: every numeric input is converted once here
        return A.astype(np.float64)
    return A if dtype is None else A.astype(dtype)


def check_array(X: ArrayLike, *, ensure_2d: bool = True, allow_nd: bool = False,
                dtype: object = "numeric", ensure_min_samples: int = 1,
                ensure_min_features: int = 1, ensure_all_finite: bool | str = True,
                estimator: object = None, input_name: str = "") -> np.ndarray:
    """`X` as an array, or the ValueError/TypeError scikit-learn's ``check_array`` raises.

    ``dtype="numeric"`` gives float64 (mathml's one working precision); ``dtype=None``
    keeps the input's dtype (categorical data, labels).
    """
    estimator_name = (estimator if isinstance(estimator, str) else type(estimator).__name__) \
        if estimator is not None else None
    context = f" by {estimator_name}" if estimator_name else ""
    A = _as_array(X, dtype, input_name)
    if ensure_2d and A.ndim == 0:
        raise ValueError(f"Expected 2D array, got scalar array instead:\narray={A}.\n"
                         + _RESHAPE_HINT)
    if ensure_2d and A.ndim == 1:
        raise ValueError(f"Expected 2D array, got 1D array instead:\narray={A}.\n"
                         + _RESHAPE_HINT)
    if not allow_nd and A.ndim >= 3:
        raise ValueError(f"Found array with dim {A.ndim}, while dim <= 2 is required{context}.")
    if ensure_all_finite:
        _assert_all_finite(A, allow_nan=ensure_all_finite == "allow-nan",
                           input_name=input_name, estimator_name=estimator_name)
    if ensure_min_samples > 0 and A.ndim >= 1 and A.shape[0] < ensure_min_samples:
        raise ValueError(f"Found array with {A.shape[0]} sample(s) (shape={A.shape}) while "
                         f"a minimum of {ensure_min_samples} is required{context}.")
    if ensure_min_features > 0 and A.ndim == 2 and A.shape[1] < ensure_min_features:
        raise ValueError(f"Found array with {A.shape[1]} feature(s) (shape={A.shape}) while "
                         f"a minimum of {ensure_min_features} is required{context}.")
    return A


def column_or_1d(y: ArrayLike, *, dtype: object = None, warn: bool = False,
                 input_name: str = "y") -> np.ndarray:
    """`y` raveled to 1-D; a column vector is accepted (with DataConversionWarning when
    `warn`), any other shape is a ValueError."""
    y = _as_array(y, dtype, input_name)
    if y.ndim == 2 and y.shape[1] == 1:
        if warn:
            warnings.warn("A column-vector y was passed when a 1d array was expected. Please "
                          "change the shape of y to (n_samples, ), for example using ravel().",
                          DataConversionWarning, stacklevel=3)
        return y.ravel()
    if y.ndim != 1:
        raise ValueError(f"y should be a 1d array, got an array of shape {y.shape} instead.")
    return y


def check_X_y(X: ArrayLike, y: ArrayLike, *, multi_output: bool = False,
              y_numeric: bool = False, estimator: object = None, dtype: object = "numeric",
              ensure_min_samples: int = 1, ensure_all_finite: bool | str = True,
              ) -> tuple[np.ndarray, np.ndarray]:
    """(X, y) validated together, as scikit-learn's ``check_X_y``: X by `check_array`,
    y 1-D (a column vector warns and is raveled) and finite, the same number of samples."""
    if y is None:
        name = f"{type(estimator).__name__} estimator" if estimator is not None else "estimator"
        raise ValueError(f"This {name} requires y to be passed, but the target y is None.")
    X = check_array(X, dtype=dtype, estimator=estimator, input_name="X",
                    ensure_min_samples=ensure_min_samples, ensure_all_finite=ensure_all_finite)
    if multi_output:
        y = check_array(y, ensure_2d=False, dtype=None, input_name="y",
                        ensure_min_samples=0, ensure_all_finite=False)
    else:
        y = column_or_1d(y, warn=True)
    _assert_all_finite(y, allow_nan=False, input_name="y", estimator_name=None)
    if y_numeric and y.dtype.kind != "f":
        y = y.astype(np.float64)
    check_consistent_length(X, y)
    return X, y


def check_n_features(estimator: Any, X: np.ndarray, *, reset: bool) -> None:
    """Record ``n_features_in_`` (``reset``) or check `X` has that many columns."""
    n_features = X.shape[1]
    if reset:
        estimator.n_features_in_ = n_features
        return
    expected = getattr(estimator, "n_features_in_", None)
    if expected is not None and n_features != expected:
        raise ValueError(f"X has {n_features} features, but {type(estimator).__name__} "
                         f"is expecting {expected} features as input.")


@overload
def validate_data(estimator: object, X: ArrayLike, *, reset: bool = True,
                  **check_params: Any) -> np.ndarray: ...
@overload
def validate_data(estimator: object, X: ArrayLike, y: ArrayLike, *, reset: bool = True,
                  **check_params: Any) -> tuple[np.ndarray, np.ndarray]: ...
def validate_data(estimator: object, X: ArrayLike = "no_validation",
                  y: ArrayLike = "no_validation", *, reset: bool = True,
                  **check_params) -> np.ndarray | tuple[np.ndarray, np.ndarray]:
    """Validate X (and y), then set (``reset``, in ``fit``) or check (in ``predict``,
    ``transform``) ``n_features_in_``; returns X, y or (X, y) as given."""
    no_y = isinstance(y, str) and y == "no_validation"
    out: np.ndarray | tuple[np.ndarray, np.ndarray]
    if no_y:
        out = X = check_array(X, estimator=estimator, input_name="X", **check_params)
    else:
        X, y = out = check_X_y(X, y, estimator=estimator, **check_params)
    if X.ndim == 2:
        check_n_features(estimator, X, reset=reset)
    return out


def _is_integral(values: np.ndarray) -> bool:
    return values.dtype.kind in "biu" or (
        values.dtype.kind == "f" and bool(np.all(values == np.round(values))))


def type_of_target(y: ArrayLike, input_name: str = "") -> str:
    """The kind of target, as scikit-learn names it: 'continuous', 'binary', 'multiclass',
    'continuous-multioutput', 'multiclass-multioutput', 'multilabel-indicator', 'unknown'."""
    if is_sparse(y):
        raise TypeError("Sparse data was passed, but dense data is required. "
                        "Use '.toarray()' to convert to a dense numpy array.")
    y = np.asarray(y)
    if np.iscomplexobj(y):
        raise ValueError(f"Complex data not supported\n{y}\n")
    if y.ndim > 2 or y.size == 0 or (y.dtype == object and y.ndim == 2) or y.ndim == 0:
        return "unknown"
    if y.dtype.kind == "f":
        _assert_all_finite(y, allow_nan=False, input_name=input_name, estimator_name=None)
    suffix = "-multioutput" if y.ndim == 2 and y.shape[1] > 1 else ""
    values = np.unique(y) if y.dtype != object else np.array(sorted(set(y.ravel())),
                                                                dtype=object)
    if suffix and y.dtype.kind in "biuf" and _is_integral(values) and \
            set(values.tolist()) <= {0, 1}:
        return "multilabel-indicator"
    if y.dtype.kind == "f" and not _is_integral(values):
        return "continuous" + suffix
    if suffix:
        return "multiclass" + suffix
    return "multiclass" if values.shape[0] > 2 else "binary"


def check_classification_targets(y: ArrayLike) -> None:
    """ValueError("Unknown label type: ...") for a regression target given to a classifier."""
    y_type = type_of_target(y, input_name="y")
    if y_type not in ("binary", "multiclass", "multiclass-multioutput",
                      "multilabel-indicator"):
        raise ValueError(f"Unknown label type: {y_type}. Maybe you are trying to fit a "
                         "classifier, which expects discrete classes on a regression target "
                         "with continuous values.")


def check_random_state(seed: object) -> np.random.RandomState:
    """A ``np.random.RandomState`` from None, an int or an existing RandomState.

    RandomState, not Generator: scikit-learn draws from RandomState, and reproducing its
    splits and data sets needs the same stream. Only its uniform-based methods
    (``rand``, ``randint``, ``permutation``, ``shuffle``, ``choice`` without ``p``) are used.
    """
    if seed is None or seed is np.random:
        return np.random.mtrand._rand
    if isinstance(seed, numbers.Integral):  # a bool too, as scikit-learn (True seeds 1)
        return np.random.RandomState(int(seed))
    if isinstance(seed, np.random.RandomState):
        return seed
    raise ValueError(f"{seed!r} cannot be used to seed a numpy.random.RandomState instance")


def check_sample_weight(sample_weight: ArrayLike | None, n_samples: int) -> NDArray[np.float64]:
    """Weights of the samples: ones for None, a scalar for every sample, or a 1-D array of
    n_samples finite weights, not all zero (scikit-learn's checks and messages)."""
    if sample_weight is None:
        return np.ones(n_samples)
    if isinstance(sample_weight, numbers.Real):
        w = np.full(n_samples, float(sample_weight))
    else:
        w = check_array(sample_weight, ensure_2d=False, input_name="sample_weight")
        if w.ndim != 1:
            raise ValueError(f"Sample weights must be 1D array or scalar, got {w.ndim}D array. "
                             "Expected either a scalar value or a 1D array of length "
                             f"{n_samples}.")
        if w.shape != (n_samples,):
            raise ValueError(f"sample_weight.shape == {w.shape}, expected {(n_samples,)}!")
    if np.all(w == 0):
        raise ValueError("Sample weights must contain at least one non-zero number.")
    return w
