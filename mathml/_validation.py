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
from collections.abc import Sequence  # noqa: E402

from .exceptions import DataConversionWarning  # noqa: E402

__all__ += ["float_dtype_of", "check_array", "check_sample_weight", "check_X_y",
            "check_consistent_length", "column_or_1d",
            "validate_data", "check_n_features", "type_of_target",
            "check_classification_targets", "check_random_state", "is_sparse"]

#: scikit-learn's ``dtype=[np.float64, np.float32]`` of the estimators that convert their
#: data at once (a string then fails as NumPy's "could not convert string to float").
FLOAT_DTYPES = [np.float64, np.float32]

def float_dtype_of(X: object) -> type:
    """The floating type scikit-learn returns for data `X`: float32 stays float32 (mathml
    computes in float64 and rounds the results once), anything else gives float64."""
    return np.float32 if getattr(X, "dtype", None) == np.float32 else np.float64


_RESHAPE_HINT = ("Reshape your data either using array.reshape(-1, 1) if your data has a "
                 "single feature or array.reshape(1, -1) if it contains a single sample.")


def is_sparse(X) -> bool:
    """Whether `X` is a SciPy sparse matrix or array, recognised without importing SciPy."""
    return hasattr(X, "toarray") and hasattr(X, "format") and hasattr(X, "nnz")


def _num_samples(x) -> int:
    """The number of samples (rows) of `x`, with scikit-learn's TypeErrors for an
    estimator, a scalar, a 0-d array or an object without a length."""
    message = f"Expected sequence or array-like, got {type(x)}"
    if hasattr(x, "fit") and callable(x.fit):
        raise TypeError(message)
    if not hasattr(x, "__len__") and not hasattr(x, "shape"):
        if not hasattr(x, "__array__"):
            raise TypeError(message)
        x = np.asarray(x)
    if getattr(x, "shape", None) is not None:
        if len(x.shape) == 0:
            raise TypeError("Input should have at least 1 dimension i.e. satisfy "
                            f"`len(x.shape) > 0`, got scalar `{x!r}` instead.")
        if isinstance(x.shape[0], numbers.Integral):
            return int(x.shape[0])
    try:
        return len(x)
    except TypeError as error:
        raise TypeError(message) from error


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
    """np.asarray as scikit-learn's ``check_array`` converts: sparse and complex refused;
    for ``dtype="numeric"`` an object array becomes float64 at once and anything else
    keeps its dtype (strings are refused after the shape checks, by `check_array`); an
    explicit dtype (a float type, or a list of them: the first) converts at once, so that
    a string fails with NumPy's "could not convert string to float"."""
    if is_sparse(X):
        padded = f" for {input_name}" if input_name else ""
        raise TypeError(f"Sparse data was passed{padded}, but dense data is required. "
                        "Use '.toarray()' to convert to a dense numpy array.")
    original = getattr(X, "dtype", None)
    if isinstance(dtype, (list, tuple)):
        dtype = None if original in dtype else dtype[0]
    elif isinstance(dtype, str) and dtype == "numeric":
        dtype = np.float64 if getattr(original, "kind", "") == "O" else None
    if dtype is not None and getattr(original, "kind", "") == "c":  # before NumPy drops .imag
        raise ValueError(f"Complex data not supported\n{X}\n")
    A = np.asarray(X, dtype=dtype)
    if np.iscomplexobj(A) or (A.dtype == object and any(isinstance(v, complex) for v in A.flat)):
        raise ValueError(f"Complex data not supported\n{A}\n")
    return A


def check_array(X: ArrayLike, *, ensure_2d: bool = True, allow_nd: bool = False,
                dtype: object = "numeric", ensure_min_samples: int = 1,
                ensure_min_features: int = 1, ensure_all_finite: bool | str = True,
                estimator: object = None, input_name: str = "") -> np.ndarray:
    """`X` as an array, or the ValueError/TypeError scikit-learn's ``check_array`` raises.

    ``dtype="numeric"`` gives float64 (mathml's one working precision); so does a list of
    float types, scikit-learn's ``[np.float64, np.float32]`` (then strings fail in the
    conversion, with NumPy's message, as there); ``dtype=None`` keeps the input's dtype
    (categorical data, labels); a dtype converts to it.
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
    numeric = isinstance(dtype, str) and dtype == "numeric"
    if numeric and A.dtype.kind in "USV":
        raise ValueError("dtype='numeric' is not compatible with arrays of bytes/strings."
                         "Convert your data to numeric values explicitly instead.")
    if numeric or isinstance(dtype, (list, tuple)):
        # mathml computes in float64 throughout: every numeric input is converted once here
        A = A.astype(np.float64)
    if not allow_nd and A.ndim >= 3:
        raise ValueError(f"Found array with dim {A.ndim}, while dim <= 2 is required{context}.")
    if ensure_all_finite:
        _assert_all_finite(A, allow_nan=ensure_all_finite == "allow-nan",
                           input_name=input_name, estimator_name=estimator_name)
    if ensure_min_samples > 0 and _num_samples(A) < ensure_min_samples:  # a 0-d A: TypeError
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
    y = check_array(y, ensure_2d=False, dtype=dtype, input_name=input_name,
                    ensure_all_finite=False, ensure_min_samples=0)  # 3-D: "dim <= 2"
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
        # at least one sample: a 0-d y fails in _num_samples, scikit-learn's TypeError
        y = check_array(y, ensure_2d=False, dtype=None, input_name="y", estimator=estimator)
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


def _as_target_array(y) -> np.ndarray:
    """`y` as an array, or an array of objects when NumPy cannot make it rectangular
    (scikit-learn's fallback); complex refused."""
    try:
        A = np.asarray(y)
    except ValueError:  # ragged: sequences of different lengths
        A = np.asarray(y, dtype=object)
    if np.iscomplexobj(A):
        raise ValueError(f"Complex data not supported\n{A}\n")
    return A


def _is_multilabel(y: np.ndarray) -> bool:
    """2-D, several columns, at most two distinct integer values (scikit-learn's rule)."""
    if not (y.ndim == 2 and y.shape[1] > 1) or y.dtype.kind not in "biuf":
        return False
    values = np.unique(y)
    return values.shape[0] < 3 and (y.dtype.kind in "biu" or _is_integral(values))


def type_of_target(y: ArrayLike, input_name: str = "") -> str:
    """The kind of target, as scikit-learn names it: 'continuous', 'binary', 'multiclass',
    'continuous-multioutput', 'multiclass-multioutput', 'multilabel-indicator', 'unknown';
    scikit-learn's errors for a string, bytes labels, sequences of sequences, NaN."""
    valid = (isinstance(y, Sequence) or is_sparse(y) or hasattr(y, "__array__")) \
        and not isinstance(y, str)
    if not valid:
        raise ValueError(f"Expected array-like (array or non-string sequence), got {y!r}")
    if is_sparse(y):
        raise TypeError("Sparse data was passed, but dense data is required. "
                        "Use '.toarray()' to convert to a dense numpy array.")
    A = _as_target_array(y)
    if _is_multilabel(A):
        return "multilabel-indicator"
    if A.ndim >= 1 and A.shape[0] > 0:
        first = A[0]
        if isinstance(first, bytes):
            raise TypeError("Support for labels represented as bytes is not supported. Convert "
                            "the labels to a string or integer format.")
        if not hasattr(first, "__array__") and isinstance(first, Sequence) \
                and not isinstance(first, str):
            raise ValueError("You appear to be using a legacy multi-label data representation. "
                             "Sequence of sequences are no longer supported; use a binary array"
                             " or sparse matrix instead - the MultiLabelBinarizer transformer "
                             "can convert to this format.")
    if A.ndim not in (1, 2):
        return "unknown"
    if not min(A.shape):
        return "binary" if A.ndim == 1 else "unknown"  # [] is 'binary', as scikit-learn
    if A.dtype == object and not isinstance(A.flat[0], str):
        return "unknown"
    suffix = "-multioutput" if A.ndim == 2 and A.shape[1] > 1 else ""
    if A.dtype.kind == "f" and not (np.isfinite(A).all() and _is_integral(A)):
        _assert_all_finite(A, allow_nan=False, input_name=input_name, estimator_name=None)
        return "continuous" + suffix
    values = np.unique(A) if A.dtype != object else np.array(sorted(set(A.ravel())),
                                                              dtype=object)
    if values.shape[0] > 2 or (A.ndim == 2 and A.shape[1] > 1):
        return "multiclass" + suffix
    return "binary"


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


def refuse_scalar_y(estimator: object, X: ArrayLike, y: object, **check_params: Any) -> None:
    """The TypeError of a y without samples (a number, a string, a 0-d array), raised after
    X's checks: the order of the estimators that scikit-learn checks y for as multi-output
    after X (kernel ridge, the ensembles)."""
    if np.isscalar(y) or (isinstance(y, np.ndarray) and y.ndim == 0):
        validate_data(estimator, X, **check_params)
        _num_samples(np.asarray(y))
