"""Model evaluation: regression errors, classification scores, ROC analysis, clustering
scores.

Every metric compares true targets with predictions (or scores) sample by sample and
averages, optionally with sample weights. Inputs are validated as scikit-learn validates
them, with its messages, so that both backends refuse the same inputs the same way.

Checked against ``reference.metrics`` → ``sklearn.metrics``. Multilabel indicator targets
(2-D 0/1 arrays) are outside mathml's scope: the classification metrics refuse them.
"""
from __future__ import annotations

import warnings
from itertools import combinations
from collections.abc import Sized
from numbers import Integral, Real
from typing import overload

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._docstrings import fill_doc
from .._param_validation import Hidden, Interval, Options, StrOptions, validate_params
from .._validation import (FLOAT_DTYPES, check_array, check_consistent_length,
                          check_random_state, check_X_y, column_or_1d, float_dtype_of,
                          type_of_target)
from ..exceptions import UndefinedMetricWarning

__all__ = ["mean_squared_error", "mean_absolute_error", "r2_score", "accuracy_score",
           "precision_score", "recall_score", "f1_score", "confusion_matrix", "log_loss",
           "roc_curve", "roc_auc_score", "silhouette_samples", "silhouette_score",
           "calinski_harabasz_score", "davies_bouldin_score", "adjusted_rand_score"]


# --- shared checks ------------------------------------------------------------------------------

@overload
def _sample_weight(sample_weight: None, n: int) -> None: ...
@overload
def _sample_weight(sample_weight: ArrayLike, n: int) -> NDArray[np.float64]: ...
def _sample_weight(sample_weight: ArrayLike | None, n: int) -> NDArray[np.float64] | None:
    if sample_weight is None:
        return None
    w = check_array(sample_weight, ensure_2d=False, input_name="sample_weight")
    if w.ndim != 1 or w.shape[0] != n:
        raise ValueError(f"sample_weight.shape == {w.shape}, expected ({n},)!")
    if (w == 0).all():
        raise ValueError("Sample weights must contain at least one non-zero number.")
    return w


def _regression_targets(y_true, y_pred, sample_weight, multioutput):
    """(y_true, y_pred, w, multioutput): the targets as (n, n_outputs) float arrays, the
    weights, and custom output weights (an array-like `multioutput`) as an array."""
    check_consistent_length(y_true, y_pred, sample_weight)
    # converted at once, as scikit-learn (a string: NumPy's "could not convert")
    y_true = check_array(y_true, ensure_2d=False, dtype=FLOAT_DTYPES)
    y_pred = check_array(y_pred, ensure_2d=False, dtype=FLOAT_DTYPES)
    y_true = y_true.reshape(-1, 1) if y_true.ndim == 1 else y_true
    y_pred = y_pred.reshape(-1, 1) if y_pred.ndim == 1 else y_pred
    if y_true.shape[1] != y_pred.shape[1]:
        raise ValueError("y_true and y_pred have different number of output "
                         f"({y_true.shape[1]}!={y_pred.shape[1]})")
    if multioutput is not None and not isinstance(multioutput, str):
        multioutput = check_array(multioutput, ensure_2d=False)
        if y_true.shape[1] == 1:
            raise ValueError("Custom weights are useful only in multi-output cases.")
        if y_true.shape[1] != len(multioutput):
            raise ValueError(f"There must be equally many custom weights ({len(multioutput)}) "
                             f"as outputs ({y_true.shape[1]}).")
    return y_true, y_pred, _sample_weight(sample_weight, y_true.shape[0]), multioutput


def _average_outputs(errors: NDArray[np.float64], multioutput: str | NDArray[np.float64]):
    """Per-output values as they are ('raw_values'), or averaged to one float: uniformly,
    or with the custom output weights `multioutput` (an array)."""
    if isinstance(multioutput, str) and multioutput == "raw_values":
        return errors
    weights = None if isinstance(multioutput, str) else multioutput
    return float(np.average(errors, weights=weights))


def _unique_labels(*ys) -> np.ndarray:
    """The sorted union of the labels; strings and numbers must not mix (a list is read
    value by value, as scikit-learn's ``unique_labels``)."""
    values = set()
    for y in ys:
        values |= set(np.unique(y).tolist()) if hasattr(y, "__array__") else set(y)
    if len({isinstance(v, str) for v in values}) > 1:
        shown = " and ".join(str(np.unique(np.asarray(y))) for y in ys)
        raise ValueError(f"Mix of label input types (string and number); Got {shown}.")
    return np.unique(np.concatenate([np.asarray(y).ravel() for y in ys]))


def _check_targets(y_true, y_pred, sample_weight=None):
    """The type of a classification task ('binary' or 'multiclass'), its labels and the
    targets as 1-D arrays, or scikit-learn's ValueError."""
    check_consistent_length(y_true, y_pred, sample_weight)
    type_true = type_of_target(y_true, input_name="y_true")
    type_pred = type_of_target(y_pred, input_name="y_pred")
    if min(len(y_true), len(y_pred)) < 1:
        raise ValueError("Found empty input array (e.g., `y_true` or `y_pred`) while a "
                         "minimum of 1 sample is required.")
    y_type = {type_true, type_pred}
    if y_type == {"binary", "multiclass"}:
        y_type = {"multiclass"}
    if len(y_type) > 1:
        raise ValueError(f"Classification metrics can't handle a mix of {type_true} and "
                         f"{type_pred} targets")
    (y_type,) = y_type
    if y_type not in ("binary", "multiclass"):
        raise ValueError(f"{y_type} is not supported")
    y_true = column_or_1d(y_true, input_name="y_true")
    y_pred = column_or_1d(y_pred, input_name="y_pred")
    labels = _unique_labels(y_true, y_pred)
    if y_type == "binary" and labels.shape[0] > 2:
        y_type = "multiclass"
    return y_type, labels, y_true, y_pred


# --- regression ---------------------------------------------------------------------------------

_REGRESSION_CONSTRAINTS: dict[str, list] = {
    "y_true": ["array-like"], "y_pred": ["array-like"], "sample_weight": ["array-like", None],
    "multioutput": [StrOptions({"raw_values", "uniform_average"}), "array-like"]}


@validate_params(_REGRESSION_CONSTRAINTS)
def mean_squared_error(y_true: ArrayLike, y_pred: ArrayLike, *,
                       sample_weight: ArrayLike | None = None,
                       multioutput: str = "uniform_average") -> float | NDArray[np.float64]:
    r"""Mean squared error of a regression.

    .. math::

        \mathrm{MSE} = \frac{\sum_i w_i (y_i - \hat y_i)^2}{\sum_i w_i}

    Parameters
    ----------
    y_true, y_pred : array-like of shape (n_samples,) or (n_samples, n_outputs)
    sample_weight : array-like of shape (n_samples,), optional
        :math:`w` (all ones by default).
    multioutput : {'uniform_average', 'raw_values'} or array-like of shape (n_outputs,)
        Average over outputs (uniformly, or with these weights), or one value per output.

    Returns
    -------
    float, or ndarray of shape (n_outputs,) for 'raw_values'

    Raises
    ------
    ValueError
        Different numbers of samples or outputs; NaN or inf.

    Notes
    -----
    *Algorithm*

    1. Validate and reshape the targets to (n_samples, n_outputs).
    2. The weighted mean of the squared residuals per output, then over outputs.

    *Complexity*: O(n·k).

    *Numerical stability*: a sum of non-negative terms, relative error ≤ n·ε.

    References
    ----------
    Hastie, Tibshirani & Friedman, The Elements of Statistical Learning, 2nd ed., §2.4.

    Checked against ``reference.metrics.mean_squared_error`` →
    ``sklearn.metrics.mean_squared_error``.

    Examples
    --------
    >>> mean_squared_error([3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0])
    0.375
    """
    # Step 1: validation.
    y, y_hat, w, multioutput = _regression_targets(y_true, y_pred, sample_weight, multioutput)
    # Step 2: weighted means.
    return _average_outputs(np.average((y - y_hat) ** 2, axis=0, weights=w), multioutput)


@validate_params(_REGRESSION_CONSTRAINTS)
def mean_absolute_error(y_true: ArrayLike, y_pred: ArrayLike, *,
                        sample_weight: ArrayLike | None = None,
                        multioutput: str = "uniform_average") -> float | NDArray[np.float64]:
    r"""Mean absolute error of a regression.

    .. math::

        \mathrm{MAE} = \frac{\sum_i w_i |y_i - \hat y_i|}{\sum_i w_i}

    Parameters
    ----------
    y_true, y_pred : array-like of shape (n_samples,) or (n_samples, n_outputs)
    sample_weight : array-like of shape (n_samples,), optional
    multioutput : {'uniform_average', 'raw_values'} or array-like of shape (n_outputs,)

    Returns
    -------
    float, or ndarray of shape (n_outputs,) for 'raw_values'

    Raises
    ------
    ValueError
        Different numbers of samples or outputs; NaN or inf.

    Notes
    -----
    *Algorithm*

    1. Validate and reshape the targets to (n_samples, n_outputs).
    2. The weighted mean of the absolute residuals per output, then over outputs.

    *Complexity*: O(n·k).

    *Numerical stability*: a sum of non-negative terms, relative error ≤ n·ε.

    References
    ----------
    Hastie, Tibshirani & Friedman, The Elements of Statistical Learning, 2nd ed., §10.6.

    Checked against ``reference.metrics.mean_absolute_error`` →
    ``sklearn.metrics.mean_absolute_error``.

    Examples
    --------
    >>> mean_absolute_error([3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0])
    0.5
    """
    # Step 1: validation.
    y, y_hat, w, multioutput = _regression_targets(y_true, y_pred, sample_weight, multioutput)
    # Step 2: weighted means.
    return _average_outputs(np.average(np.abs(y_hat - y), axis=0, weights=w), multioutput)


@validate_params({**_REGRESSION_CONSTRAINTS, "multioutput": [
    StrOptions({"raw_values", "uniform_average", "variance_weighted"}), "array-like", None],
    "force_finite": ["boolean"]})
def r2_score(y_true: ArrayLike, y_pred: ArrayLike, *, sample_weight: ArrayLike | None = None,
             multioutput: str = "uniform_average",
             force_finite: bool = True) -> float | NDArray[np.float64]:
    r"""Coefficient of determination :math:`R^2` of a regression.

    .. math::

        R^2 = 1 - \frac{\sum_i w_i (y_i - \hat y_i)^2}{\sum_i w_i (y_i - \bar y_w)^2},
        \qquad \bar y_w = \frac{\sum_i w_i y_i}{\sum_i w_i}

    Parameters
    ----------
    y_true, y_pred : array-like of shape (n_samples,) or (n_samples, n_outputs)
    sample_weight : array-like of shape (n_samples,), optional
    multioutput : {'uniform_average', 'raw_values', 'variance_weighted'}, array-like or None
        'variance_weighted' weights each output by its denominator (uniformly when all
        are 0); an array of shape (n_outputs,) gives each output's weight in the average;
        None (kept by scikit-learn for compatibility) is 'uniform_average'.
    force_finite : bool, default=True
        A constant y_true (zero denominator) gives 1 for a perfect fit and 0 otherwise,
        instead of nan / -inf.

    Returns
    -------
    float, or ndarray of shape (n_outputs,) for 'raw_values'
        nan (with UndefinedMetricWarning) for fewer than two samples.

    Raises
    ------
    ValueError
        Different numbers of samples or outputs; NaN or inf.

    Notes
    -----
    *Algorithm*

    1. Validate; fewer than two samples: nan.
    2. Numerator and denominator per output (weighted sums of squares).
    3. The ratio, with the ``force_finite`` convention where a sum is zero.
    4. Average over outputs.

    *Complexity*: O(n·k).

    *Numerical stability*: the denominator is formed about the mean (two passes), not as
    :math:`\sum y^2 - n\bar y^2`.

    References
    ----------
    James, Witten, Hastie & Tibshirani, An Introduction to Statistical Learning, §3.1.3.

    Checked against ``reference.metrics.r2_score`` → ``sklearn.metrics.r2_score``.

    Examples
    --------
    >>> r2_score([3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0])
    0.9486081370449679
    """
    # Step 1: validation (None, kept by scikit-learn for compatibility, averages uniformly).
    multioutput = "uniform_average" if multioutput is None else multioutput
    y, y_hat, w, multioutput = _regression_targets(y_true, y_pred, sample_weight, multioutput)
    if y.shape[0] < 2:
        warnings.warn("R^2 score is not well-defined with less than two samples.",
                      UndefinedMetricWarning, stacklevel=2)
        return float("nan")
    # Step 2: the two weighted sums of squares.
    weight = 1.0 if w is None else w[:, None]
    numerator = (weight * (y - y_hat) ** 2).sum(axis=0)
    denominator = (weight * (y - np.average(y, axis=0, weights=w)) ** 2).sum(axis=0)
    # Step 3: the ratio and the conventions for zero sums.
    scores = _r2_ratio(numerator, denominator, force_finite)
    # Step 4: average.
    if isinstance(multioutput, str) and multioutput == "variance_weighted":
        # every denominator 0 (constant y_true): no variance to weigh by, a uniform mean
        weights = denominator if (denominator != 0).any() else None
        return float(np.average(scores, weights=weights))
    return _average_outputs(scores, multioutput)


def _r2_ratio(numerator, denominator, force_finite: bool) -> NDArray[np.float64]:
    if not force_finite:
        with np.errstate(divide="ignore", invalid="ignore"):
            return 1 - numerator / denominator
    valid = (denominator != 0) & (numerator != 0)
    scores = np.ones(numerator.shape[0])
    scores[valid] = 1 - numerator[valid] / denominator[valid]
    scores[(numerator != 0) & (denominator == 0)] = 0.0
    return scores


# --- classification -----------------------------------------------------------------------------

_LABELS = ["array-like", "sparse matrix"]  # scikit-learn's; sparse is then refused as data


@validate_params({"y_true": _LABELS, "y_pred": _LABELS, "normalize": ["boolean"],
                  "sample_weight": ["array-like", None]})
def accuracy_score(y_true: ArrayLike, y_pred: ArrayLike, *, normalize: bool = True,
                   sample_weight: ArrayLike | None = None) -> float:
    r"""Fraction (or weighted count) of correct predictions.

    .. math::

        \mathrm{accuracy} = \frac{\sum_i w_i [\hat y_i = y_i]}{\sum_i w_i}

    Parameters
    ----------
    y_true, y_pred : array-like of shape (n_samples,)
        Class labels.
    normalize : bool, default=True
        False: the (weighted) number of correct predictions instead of the fraction.
    sample_weight : array-like of shape (n_samples,), optional

    Returns
    -------
    float

    Raises
    ------
    ValueError
        Continuous targets ("Classification metrics can't handle a mix of …"), NaN,
        different lengths, empty input.

    Notes
    -----
    *Algorithm*

    1. Check both targets are class labels of one task.
    2. The (weighted) mean or sum of the indicator of agreement.

    *Complexity*: O(n).

    *Numerical stability*: exact for unit weights up to the final division.

    References
    ----------
    Murphy, Machine Learning: A Probabilistic Perspective, §5.7.2.

    Checked against ``reference.metrics.accuracy_score`` → ``sklearn.metrics.accuracy_score``.

    Examples
    --------
    >>> accuracy_score([0, 1, 2, 3], [0, 2, 1, 3])
    0.5
    """
    # Step 1: validation.
    _, _, y, y_hat = _check_targets(y_true, y_pred, sample_weight)
    w = _sample_weight(sample_weight, y.shape[0])
    # Step 2: agreement.
    correct = (y == y_hat).astype(np.float64)
    if normalize:
        return float(np.average(correct, weights=w))
    return float(correct.sum() if w is None else correct @ w)


@validate_params({"y_true": ["array-like"], "y_pred": ["array-like"],
                  "labels": ["array-like", None], "sample_weight": ["array-like", None],
                  "normalize": [StrOptions({"true", "pred", "all"}), None]})
def confusion_matrix(y_true: ArrayLike, y_pred: ArrayLike, *, labels: ArrayLike | None = None,
                     sample_weight: ArrayLike | None = None,
                     normalize: str | None = None) -> NDArray:
    r"""Confusion matrix: :math:`C_{jk}` = (weighted) number of samples of true class j
    predicted as class k.

    .. math::

        C_{jk} = \sum_i w_i\,[y_i = \ell_j]\,[\hat y_i = \ell_k]

    Parameters
    ----------
    y_true, y_pred : array-like of shape (n_samples,)
    labels : array-like of shape (n_classes,), optional
        The labels :math:`\ell` indexing the rows and columns (default: the sorted labels
        present); samples with other labels are left out.
    sample_weight : array-like of shape (n_samples,), optional
    normalize : {'true', 'pred', 'all'} or None
        Divide by the row sums, column sums or the total (0 where a sum is 0).

    Returns
    -------
    ndarray of shape (n_classes, n_classes)
        int64 counts without weights or with integer weights (summed in int64, as
        scikit-learn), float64 with float weights or normalisation.

    Raises
    ------
    ValueError
        Continuous targets, NaN, different lengths; ``labels`` empty or none of them in y_true.

    Notes
    -----
    *Algorithm*

    1. Check the targets; map each label to its index in ``labels`` (searchsorted on the
       sorted labels).
    2. Accumulate the weights at (true index, predicted index) with ``np.add.at``.
    3. Normalise when asked.

    *Complexity*: O(n log c + c²).

    *Numerical stability*: exact counts.

    References
    ----------
    Fawcett, "An introduction to ROC analysis", Pattern Recognition Letters 27, 2006, §2.

    Checked against ``reference.metrics.confusion_matrix`` → ``sklearn.metrics.confusion_matrix``.

    Examples
    --------
    >>> confusion_matrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2])
    array([[2, 0, 0],
           [0, 0, 1],
           [1, 0, 2]])
    """
    # Step 1: validation and label indices (both as arrays first, as scikit-learn: a ragged
    # list or a 3-D array fails there).
    y_true, y_pred = (check_array(y, dtype=None, ensure_2d=False, ensure_all_finite=False,
                                  ensure_min_samples=0) for y in (y_true, y_pred))
    # scikit-learn checks the lengths with a vector of unit weights when none is given
    ones = None if sample_weight is not None or not isinstance(y_true, Sized) \
        else np.ones(len(y_true))
    _, present, y, y_hat = _check_targets(y_true, y_pred,
                                          sample_weight if ones is None else ones)
    classes = present if labels is None else np.asarray(labels)
    if classes.size == 0:
        raise ValueError("'labels' should contain at least one label.")
    if np.intersect1d(y, classes).size == 0:
        raise ValueError("At least one label specified must be in y_true")
    w = (np.ones(y.shape[0]) if sample_weight is None
         else _sample_weight(sample_weight, y.shape[0]))
    # integer weights give integer counts, as scikit-learn: summed in int64, not through
    # float64 (which rounds weights beyond 2⁵³ and overflows the cast back near 2⁶³)
    integral = sample_weight is None or np.asarray(sample_weight).dtype.kind in "iub"
    if integral:
        w = np.ones(y.shape[0], dtype=np.int64) if sample_weight is None \
            else np.asarray(sample_weight).astype(np.int64)
    j, known_true = _label_index(y, classes)
    k, known_pred = _label_index(y_hat, classes)
    keep = known_true & known_pred
    # Step 2: accumulate.
    C = np.zeros((classes.size, classes.size), dtype=w.dtype)
    np.add.at(C, (j[keep], k[keep]), w[keep])
    if C.shape == (1, 1):
        warnings.warn("A single label was found in 'y_true' and 'y_pred'. For the confusion "
                      "matrix to have the correct shape, use the 'labels' parameter to pass "
                      "all known labels.", UserWarning, stacklevel=2)
    # Step 3: normalise.
    return C if normalize is None else _normalize_counts(C, normalize)


def _label_index(y: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Index of each y in `labels` (any order), and whether y is among them."""
    order = np.argsort(labels, kind="stable")
    pos = np.searchsorted(labels[order], y).clip(0, labels.size - 1)
    return order[pos], labels[order][pos] == y


def _normalize_counts(C: NDArray, normalize: str) -> NDArray[np.float64]:
    total = {"true": C.sum(axis=1, keepdims=True), "pred": C.sum(axis=0, keepdims=True),
             "all": C.sum()}[normalize]
    with np.errstate(all="ignore"):
        return np.nan_to_num(C / total)


def _check_zero_division(zero_division) -> float:
    return 0.0 if isinstance(zero_division, str) else float(zero_division)


_PRF_CONSTRAINTS: dict[str, list] = {
    "y_true": _LABELS, "y_pred": _LABELS, "labels": ["array-like", None],
    "pos_label": [Real, str, "boolean", None],
    # 'samples' is for multilabel targets, which mathml refuses: accepted here, then
    # refused with scikit-learn's message for the other kinds of target
    "average": [StrOptions({"micro", "macro", "samples", "weighted", "binary"}), None],
    "sample_weight": ["array-like", None],
    "zero_division": [Options(Real, {0.0, 1.0}), "nan", StrOptions({"warn"})],
}


def _prf_divide(numerator, denominator, metric: str, modifier: str, zero_division) -> NDArray:
    """numerator / denominator with ``zero_division`` where the denominator is 0."""
    zero = denominator == 0
    result = numerator / np.where(zero, 1.0, denominator)
    if zero.any():
        result[zero] = _check_zero_division(zero_division)
        if isinstance(zero_division, str):
            where = "due to" if result.shape[0] == 1 else "in labels with"
            warnings.warn(f"{metric} is ill-defined and being set to 0.0 {where} no "
                          f"{modifier} samples. Use `zero_division` parameter to control "
                          "this behavior.", UndefinedMetricWarning, stacklevel=3)
    return result


def _prf_counts(y_true, y_pred, labels, pos_label, average, sample_weight):
    """True positives, predicted and true counts per label (summed for 'micro')."""
    y_type, present, y, y_hat = _check_targets(y_true, y_pred, sample_weight)
    if average == "samples":
        raise ValueError("Samplewise metrics are not available outside of multilabel "
                         "classification.")
    if average == "binary":
        if y_type != "binary":
            raise ValueError(f"Target is {y_type} but average='binary'. Please choose another "
                             "average setting, one of [None, 'micro', 'macro', 'weighted'].")
        if pos_label not in present and len(present) >= 2:
            raise ValueError(f"pos_label={pos_label} is not a valid label. It should be one "
                             f"of {present}")
        labels = [pos_label]
    elif pos_label not in (None, 1):
        warnings.warn(f"Note that pos_label (set to {pos_label!r}) is ignored when average != "
                      f"'binary' (got {average!r}). You may use labels=[pos_label] to specify "
                      "a single positive class.", UserWarning, stacklevel=3)
    labels = present if labels is None else np.asarray(labels)
    w = np.ones(y.shape[0]) if sample_weight is None else _sample_weight(sample_weight,
                                                                          y.shape[0])
    # one-hot indicators (n_samples, n_labels): per-label sums are matrix products
    T = (y[:, None] == labels[None, :]).astype(np.float64)
    P = (y_hat[:, None] == labels[None, :]).astype(np.float64)
    tp, pred, true = w @ (T * P), w @ P, w @ T
    if average == "micro":
        tp, pred, true = (np.array([v.sum()]) for v in (tp, pred, true))
    return tp, pred, true


def _nanaverage(a: NDArray, weights: NDArray | None) -> float:
    """Average ignoring NaN (zero_division=nan); equal weights if the weights sum to 0."""
    keep = ~np.isnan(a)
    if a.shape[0] == 0 or not keep.any():
        return float("nan")
    if weights is None or weights[keep].sum() == 0:
        return float(np.mean(a[keep]))
    return float(np.average(a[keep], weights=weights[keep]))


def _prf(y_true, y_pred, labels, pos_label, average, sample_weight, zero_division, which):
    """Precision, recall or F1 per label, then averaged as asked."""
    # Step 1: counts per label.
    tp, pred, true = _prf_counts(y_true, y_pred, labels, pos_label, average, sample_weight)
    # Step 2: the ratio per label.
    if which == "precision":
        score = _prf_divide(tp, pred, "Precision", "predicted", zero_division)
    elif which == "recall":
        score = _prf_divide(tp, true, "Recall", "true", zero_division)
    else:
        score = _prf_divide(2 * tp, true + pred, "F-score", "true nor predicted", zero_division)
    # Step 3: the average.
    if average is None:
        return score
    return _nanaverage(score, true if average == "weighted" else None)


_PRF_DOC = r"""{summary}

    .. math::

        {formula}

    per label :math:`\ell`, with tp, fp, fn the (weighted) counts of true positives, false
    positives and false negatives of :math:`\ell` against the rest.

    Parameters
    ----------
    y_true, y_pred : array-like of shape (n_samples,)
    labels : array-like, optional
        The labels to score (default: all present), in the order of the result.
    pos_label : int, float, bool or str, default=1
        The positive class for ``average='binary'``.
    average : {'binary', 'micro', 'macro', 'weighted'} or None, default='binary'
        'binary': the score of ``pos_label``; 'micro': of the summed counts; 'macro': the
        mean over labels; 'weighted': the mean weighted by the true count of each label;
        None: the score per label. ('samples' is for multilabel targets, which mathml does
        not take: it is refused with scikit-learn's message.)
    sample_weight : array-like of shape (n_samples,), optional
    zero_division : 'warn', 0.0, 1.0 or np.nan, default='warn'
        The value of a 0/0 ratio ('warn': 0 with an UndefinedMetricWarning); NaN values
        are left out of the averages.

    Returns
    -------
    float, or ndarray of shape (n_labels,) when ``average`` is None

    Raises
    ------
    ValueError
        Continuous targets, NaN, different lengths; multiclass targets with
        ``average='binary'``; a ``pos_label`` not among the labels.

    Notes
    -----
    *Algorithm*

    1. Per label: tp = wᵀ(T∘P), predicted = wᵀP, true = wᵀT from the one-hot indicator
       matrices T (true) and P (predicted) — one matrix product each.
    2. The ratio per label, ``zero_division`` where its denominator is 0.
    3. The average.

    *Complexity*: O(n·c) for c labels.

    *Numerical stability*: counts are exact; one division per label.

    References
    ----------
    Manning, Raghavan & Schütze, Introduction to Information Retrieval, §8.3 and §13.6
    (micro/macro averaging).

    Checked against ``reference.metrics.{name}`` → ``sklearn.metrics.{name}``.

    Examples
    --------
    >>> {name}([0, 1, 1, 0, 1], [0, 1, 0, 1, 1])
    {example}
    """


@validate_params(_PRF_CONSTRAINTS)
@fill_doc(_PRF_DOC, summary="Precision: the fraction of predicted positives that are positive.",
          formula=r"P_\ell = \frac{tp}{tp + fp}", name="precision_score",
          example="0.6666666666666666")
def precision_score(y_true: ArrayLike, y_pred: ArrayLike, *, labels: ArrayLike | None = None,
                    pos_label: object = 1, average: str | None = "binary",
                    sample_weight: ArrayLike | None = None,
                    zero_division: str | float = "warn") -> float | NDArray[np.float64]:
    return _prf(y_true, y_pred, labels, pos_label, average, sample_weight, zero_division,
                "precision")


@validate_params(_PRF_CONSTRAINTS)
@fill_doc(_PRF_DOC, summary="Recall: the fraction of positives predicted positive.",
          formula=r"R_\ell = \frac{tp}{tp + fn}", name="recall_score",
          example="0.6666666666666666")
def recall_score(y_true: ArrayLike, y_pred: ArrayLike, *, labels: ArrayLike | None = None,
                 pos_label: object = 1, average: str | None = "binary",
                 sample_weight: ArrayLike | None = None,
                 zero_division: str | float = "warn") -> float | NDArray[np.float64]:
    return _prf(y_true, y_pred, labels, pos_label, average, sample_weight, zero_division,
                "recall")


@validate_params(_PRF_CONSTRAINTS)
@fill_doc(_PRF_DOC, summary="F1 score: the harmonic mean of precision and recall.",
          formula=(r"F_\ell = \frac{2\,tp}{2\,tp + fp + fn}"
                   r" = \frac{2 P_\ell R_\ell}{P_\ell + R_\ell}"),
          name="f1_score", example="0.6666666666666666")
def f1_score(y_true: ArrayLike, y_pred: ArrayLike, *, labels: ArrayLike | None = None,
             pos_label: object = 1, average: str | None = "binary",
             sample_weight: ArrayLike | None = None,
             zero_division: str | float = "warn") -> float | NDArray[np.float64]:
    return _prf(y_true, y_pred, labels, pos_label, average, sample_weight, zero_division,
                "f1")


# --- probabilistic classification ---------------------------------------------------------------

# None passes (hidden: scikit-learn's deprecated y_pred spelling) and fails as NaN below
@validate_params({"y_true": ["array-like"], "y_proba": ["array-like", Hidden(None)],
                  "normalize": ["boolean"],
                  "sample_weight": ["array-like", None], "labels": ["array-like", None]})
def log_loss(y_true: ArrayLike, y_proba: ArrayLike, *, normalize: bool = True,
             sample_weight: ArrayLike | None = None, labels: ArrayLike | None = None) -> float:
    r"""Cross-entropy (logistic loss) of predicted class probabilities.

    .. math::

        L = -\frac{1}{\sum_i w_i}\sum_i w_i \sum_k [y_i = \ell_k]\,
            \log \operatorname{clip}(p_{ik}, \varepsilon, 1 - \varepsilon)

    with :math:`\varepsilon` the machine epsilon of float64 (scikit-learn ≥ 1.5; no ``eps``
    argument).

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
    y_proba : array-like of shape (n_samples, n_classes) or (n_samples,)
        Probabilities of the sorted classes; 1-D: the probability of the greater class.
    normalize : bool, default=True
        False: the (weighted) sum instead of the mean.
    sample_weight : array-like of shape (n_samples,), optional
    labels : array-like, optional
        All classes, when y_true does not contain them all.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        Probabilities outside [0, 1], NaN, different lengths, a single class without
        ``labels``, a number of columns unlike the number of classes.

    Notes
    -----
    Rows not summing to 1 (relative tolerance √ε) give a UserWarning and are used as they
    are, as scikit-learn.

    *Algorithm*

    1. Validate; the one-hot matrix Y of y_true over the classes.
    2. Clip the probabilities to [ε, 1 − ε] (so log never sees 0).
    3. :math:`-\sum_k Y_{ik}\log p_{ik}` per sample, then the weighted mean (or sum).

    *Complexity*: O(n·c).

    *Numerical stability*: the clipping bounds each term by −log ε ≈ 36.

    References
    ----------
    Bishop, Pattern Recognition and Machine Learning, §4.3.4.

    Checked against ``reference.metrics.log_loss`` → ``sklearn.metrics.log_loss``.

    Examples
    --------
    >>> round(log_loss(["spam", "ham", "ham", "spam"],
    ...                [[.1, .9], [.9, .1], [.8, .2], [.35, .65]]), 5)
    0.21616
    """
    # Step 1: validation and one-hot targets.
    P = check_array(y_proba, ensure_2d=False, dtype=FLOAT_DTYPES)
    Y, P = _one_hot_and_probabilities(y_true, P, sample_weight, labels)
    w = _sample_weight(sample_weight, P.shape[0])
    # Step 2: keep log away from 0.
    eps = np.finfo(P.dtype).eps
    P = np.clip(P, eps, 1 - eps)
    # Step 3: cross-entropy per sample, then averaged.
    loss = -(Y * np.log(P)).sum(axis=1)
    if normalize:
        return float(np.average(loss, weights=w))
    return float(loss.sum() if w is None else loss @ w)


def _one_hot_and_probabilities(y_true, P, sample_weight, labels):
    if P.max() > 1:
        raise ValueError(f"y_prob contains values greater than 1: {P.max()}")
    if P.min() < 0:
        raise ValueError(f"y_prob contains values lower than 0: {P.min()}")
    check_consistent_length(P, y_true, sample_weight)
    # scikit-learn's LabelBinarizer reads the targets first (its errors: NaN, bytes, a
    # sequence of sequences, objects that are not labels)
    kind = type_of_target(y_true if labels is None else labels, input_name="y")
    if kind == "unknown":
        raise ValueError(f"Unknown label type: {(y_true if labels is None else labels,)!r}")
    if labels is None:
        _unique_labels(y_true)
    y = column_or_1d(y_true, input_name="y_true")
    classes = _unique_labels(y) if labels is None else _unique_labels(np.asarray(labels))
    if labels is not None and not np.isin(y, classes).all():
        raise ValueError(f"y_true contains values {set(y) - set(np.asarray(labels))} not "
                         f"belonging to the passed labels {labels}.")
    if classes.shape[0] == 1:
        raise ValueError(f"y_true contains only one label ({classes[0]}). Please provide the "
                         "list of all expected class labels explicitly through the labels "
                         "argument." if labels is None else "The labels array needs to "
                         "contain at least two labels for log_loss, got "
                         f"{np.asarray(labels)}.")
    Y = (y[:, None] == classes[None, :]).astype(np.float64)
    P = P[:, None] if P.ndim == 1 else P
    P = np.hstack([1 - P, P]) if P.shape[1] == 1 else P
    if not np.isclose(P.sum(axis=1), 1, rtol=np.sqrt(np.finfo(P.dtype).eps)).all():
        warnings.warn("The y_prob values do not sum to one. Make sure to pass probabilities.",
                      UserWarning, stacklevel=3)
    if classes.shape[0] != P.shape[1]:
        if labels is None:
            raise ValueError(f"y_true and y_prob contain different number of classes: "
                             f"{classes.shape[0]} vs {P.shape[1]}. Please provide the true "
                             "labels explicitly through the labels argument. Classes found in "
                             f"y_true: {classes}")
        raise ValueError("The number of classes in labels is different from that in y_prob. "
                         f"Classes found in labels: {classes}")
    return Y, P


# --- ROC analysis -------------------------------------------------------------------------------

def _pos_label(pos_label, y: np.ndarray):
    """scikit-learn's rule: without pos_label, the labels must be {0, 1} or {-1, 1}."""
    if pos_label is not None:
        return pos_label
    classes = np.unique(y)
    allowed = ([0, 1], [-1, 1], [0], [-1], [1])
    if classes.dtype.kind in "OUS" or not any(classes.tolist() == a for a in allowed):
        shown = ", ".join(repr(c) for c in classes.tolist())
        raise ValueError(f"y_true takes value in {{{shown}}} and pos_label is not specified: "
                         "either make y_true take value in {0, 1} or {-1, 1} or pass "
                         "pos_label explicitly.")
    return 1


def _binary_clf_curve(y_true, y_score, pos_label, sample_weight):
    """False and true positive counts at each distinct score, scores decreasing."""
    y_type = type_of_target(y_true, input_name="y_true")
    if not (y_type == "binary" or (y_type == "multiclass" and pos_label is not None)):
        raise ValueError(f"{y_type} format is not supported")
    check_consistent_length(y_true, y_score, sample_weight)
    y = column_or_1d(y_true)
    s = column_or_1d(check_array(y_score, ensure_2d=False, ensure_min_samples=0))
    positive = (y == _pos_label(pos_label, y)).astype(np.float64)
    w = _sample_weight(sample_weight, y.shape[0])
    if w is not None:  # zero-weight samples would add thresholds without moving the curve
        positive, s, w = positive[w != 0], s[w != 0], w[w != 0]
    # decreasing scores, tied scores kept in their input order (a stable descending sort):
    # the order in which the weights of a tie are added decides the rounding of the sums
    order = s.shape[0] - 1 - np.argsort(s[::-1], kind="stable")[::-1]
    s, positive = s[order], positive[order]
    w = 1.0 if w is None else w[order]
    # the last index of each run of equal scores: a threshold between distinct scores
    last = np.r_[np.flatnonzero(np.diff(s)), s.shape[0] - 1]
    tps = np.cumsum(positive * w)[last]
    fps = (1 + last - tps) if sample_weight is None else np.cumsum((1 - positive) * w)[last]
    return fps, tps, s[last]


@validate_params({"y_true": ["array-like"], "y_score": ["array-like"],
                  "pos_label": [Real, str, "boolean", None], "sample_weight": ["array-like", None],
                  "drop_intermediate": ["boolean"]})
def roc_curve(y_true: ArrayLike, y_score: ArrayLike, *, pos_label: object = None,
              sample_weight: ArrayLike | None = None, drop_intermediate: bool = True,
              ) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    r"""Receiver operating characteristic: false and true positive rates at each threshold.

    .. math::

        \mathrm{FPR}(t) = \frac{\sum_i w_i [s_i \ge t][y_i \ne +]}{\sum_i w_i [y_i \ne +]},
        \qquad
        \mathrm{TPR}(t) = \frac{\sum_i w_i [s_i \ge t][y_i = +]}{\sum_i w_i [y_i = +]}

    for the thresholds t = ∞ (the point (0, 0)) and each distinct score, decreasing.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Binary labels ({0, 1} or {-1, 1} unless ``pos_label`` is given).
    y_score : array-like of shape (n_samples,)
        Scores, larger meaning more positive.
    pos_label : int, float, bool or str, optional
    sample_weight : array-like of shape (n_samples,), optional
    drop_intermediate : bool, default=True
        Leave out thresholds whose point lies on a straight segment of the curve.

    Returns
    -------
    fpr, tpr, thresholds : ndarray of shape (n_thresholds,)

    Raises
    ------
    ValueError
        Multiclass y_true without pos_label, labels other than {0,1}/{-1,1} without
        pos_label, NaN, different lengths.

    Notes
    -----
    With no negative (positive) samples, fpr (tpr) is NaN with an UndefinedMetricWarning.

    *Algorithm*

    1. Sort by decreasing score; cumulative (weighted) positives and negatives at the last
       sample of each run of equal scores.
    2. With ``drop_intermediate``, keep the points where the second difference of fps or
       tps is nonzero (corners), and the two ends.
    3. Prepend (0, 0) with threshold ∞; divide by the totals.

    *Complexity*: O(n log n).

    *Numerical stability*: counts are exact without weights.

    References
    ----------
    Fawcett, "An introduction to ROC analysis", Pattern Recognition Letters 27, 2006,
    Algorithm 2.

    Checked against ``reference.metrics.roc_curve`` → ``sklearn.metrics.roc_curve``.

    Examples
    --------
    >>> fpr, tpr, thresholds = roc_curve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    >>> fpr, tpr, thresholds
    (array([0. , 0. , 0.5, 0.5, 1. ]), array([0. , 0.5, 0.5, 1. , 1. ]),
     array([ inf, 0.8 , 0.4 , 0.35, 0.1 ]))
    """
    # Step 1: counts at the thresholds.
    fps, tps, thresholds = _binary_clf_curve(y_true, y_score, pos_label, sample_weight)
    # Step 2: only the corners.
    if drop_intermediate and fps.shape[0] > 2:
        corner = np.r_[True, (np.diff(fps, 2) != 0) | (np.diff(tps, 2) != 0), True]
        fps, tps, thresholds = fps[corner], tps[corner], thresholds[corner]
    # Step 3: start at (0, 0) and normalise.
    fps, tps = np.r_[0.0, fps], np.r_[0.0, tps]
    thresholds = np.r_[np.inf, thresholds]
    return _rate(fps, "negative", "false"), _rate(tps, "positive", "true"), thresholds


def _rate(counts: NDArray, kind: str, which: str) -> NDArray[np.float64]:
    if counts[-1] <= 0:
        warnings.warn(f"No {kind} samples in y_true, {which} positive value should be "
                      "meaningless", UndefinedMetricWarning, stacklevel=3)
        return np.full(counts.shape, np.nan)
    return counts / counts[-1]


def _auc(x: NDArray, y: NDArray) -> float:
    """Trapezoidal area under y(x), x monotonic."""
    dx = np.diff(x)
    return float((dx * (y[1:] + y[:-1]) / 2.0).sum())


def _binary_roc_auc(y_true, y_score, sample_weight) -> float:
    if np.unique(y_true).shape[0] != 2:
        warnings.warn("Only one class is present in y_true. ROC AUC score is not defined in "
                      "that case.", UndefinedMetricWarning, stacklevel=3)
        return float("nan")
    fpr, tpr, _ = roc_curve(y_true, y_score, sample_weight=sample_weight)
    return _auc(fpr, tpr)


@validate_params({"y_true": ["array-like"], "y_score": ["array-like"],
                  "average": [StrOptions({"micro", "macro", "samples", "weighted"}), None],
                  "sample_weight": ["array-like", None],
                  "multi_class": [StrOptions({"raise", "ovr", "ovo"})],
                  "labels": ["array-like", None]})
def roc_auc_score(y_true: ArrayLike, y_score: ArrayLike, *, average: str = "macro",
                  sample_weight: ArrayLike | None = None, multi_class: str = "raise",
                  labels: ArrayLike | None = None) -> float:
    r"""Area under the ROC curve: binary, or multiclass one-vs-rest or one-vs-one.

    .. math::

        \mathrm{AUC} = \int_0^1 \mathrm{TPR}\, d\,\mathrm{FPR}
        \quad(\text{trapezoidal over the ROC points}), \qquad
        \mathrm{AUC}_{\text{ovr}} = \sum_k a_k\,\mathrm{AUC}(y = \ell_k \text{ vs rest},\, s_{\cdot k}),
        \qquad
        \mathrm{AUC}_{\text{ovo}} = \sum_{j<k} b_{jk}\,\tfrac12\bigl(\mathrm{AUC}(j \mid k)
            + \mathrm{AUC}(k \mid j)\bigr)

    with :math:`a_k = 1/c` ('macro') or proportional to the (weighted) count of class k
    ('weighted'); :math:`\mathrm{AUC}(j \mid k)` is the AUC of class j against class k on
    their samples with the score of j, and :math:`b_{jk}` is uniform ('macro') or the share
    of the samples in j or k ('weighted').

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
    y_score : array-like of shape (n_samples,) (binary) or (n_samples, n_classes)
        Binary: the score of the greater label. Multiclass: probabilities (rows sum to 1)
        of the sorted classes (or of ``labels``).
    average : {'macro', 'weighted', 'micro'} or None, default='macro'
        The average of the per-class (or per-pair) scores (multiclass): 'micro' (ovr
        only) pools every (sample, class) decision into one binary AUC; None (ovr only)
        returns the score of each class. ('samples' is for multilabel targets, which
        mathml does not take: refused with scikit-learn's message.) Ignored for binary
        targets.
    sample_weight : array-like of shape (n_samples,), optional
        Not with 'ovo'.
    multi_class : {'raise', 'ovr', 'ovo'}, default='raise'
        Multiclass targets need 'ovr' (one-vs-rest) or 'ovo' (one-vs-one, Hand & Till).
    labels : array-like, optional
        The classes indexing the columns of y_score (sorted).

    Returns
    -------
    float (nan with UndefinedMetricWarning if y_true holds one class), or ndarray of shape
    (n_classes,) for 'ovr' with ``average=None``

    Raises
    ------
    ValueError
        Multiclass without multi_class; scores not summing to 1; a number of columns
        unlike the number of classes; an average the multiclass method lacks; 'ovo' with
        sample weights; NaN; different lengths.
    NotImplementedError
        'ovo' with ``average=None`` (as scikit-learn).

    Notes
    -----
    *Algorithm*

    1. Binary: :func:`roc_curve`, then the trapezoidal rule.
    2. Multiclass 'ovr': the binary AUC of each class against the rest with its score
       column, averaged with the weights above. 'ovo': for each pair of classes, the two
       binary AUCs on the pair's samples, their mean, averaged over the pairs.

    *Complexity*: O(c · n log n) ('ovr'), O(c · n log n) summed over the c(c − 1)/2 pairs
    on their samples ('ovo').

    *Numerical stability*: a sum of at most n trapezoids of the unit square.

    References
    ----------
    Hand & Till, "A simple generalisation of the area under the ROC curve for multiple
    class classification problems", Machine Learning 45, 2001; Fawcett 2006, §7 and §10.

    Checked against ``reference.metrics.roc_auc_score`` → ``sklearn.metrics.roc_auc_score``.

    Examples
    --------
    >>> roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    0.75
    """
    y_type = type_of_target(y_true, input_name="y_true")
    y = check_array(y_true, ensure_2d=False, dtype=None)
    S = check_array(y_score, ensure_2d=False)
    w = None if sample_weight is None else column_or_1d(sample_weight)
    if y_type == "multiclass" or (y_type == "binary" and S.ndim == 2 and S.shape[1] > 2):
        if multi_class == "raise":
            raise ValueError("multi_class must be in ('ovo', 'ovr')")
        return _multiclass_roc_auc(y, S, labels, multi_class, average, w)
    if y_type != "binary":
        raise ValueError(f"{y_type} format is not supported")
    # Step 1: binary, positive = the greater label.
    return _binary_roc_auc((y == np.unique(y)[-1]).astype(np.int64), S, w)


def _multiclass_roc_auc(y, S, labels, multi_class, average, w):
    """The multiclass AUC, 'ovr' or 'ovo', with scikit-learn's checks in its order."""
    if S.ndim != 2:
        raise ValueError("`y_score` needs to be of shape `(n_samples, n_classes)`, since "
                         f"`y_true` contains multiple classes. Got `y_score.shape={S.shape}`.")
    if not np.allclose(1, S.sum(axis=1)):
        raise ValueError("Target scores need to be probabilities for multiclass roc_auc, "
                         "i.e. they should sum up to 1.0 over classes")
    options = ("micro", "macro", "weighted", None) if multi_class == "ovr" else (
        "macro", "weighted", None)
    if average not in options:
        raise ValueError(f"average must be one of {options} for multiclass problems")
    if average is None and multi_class == "ovo":
        raise NotImplementedError("average=None is not implemented for multi_class='ovo'.")
    classes = _ovr_classes(y, S, labels)
    if multi_class == "ovo":
        if w is not None:
            raise ValueError("sample_weight is not supported for multiclass one-vs-one ROC "
                             "AUC, 'sample_weight' must be None in this case.")
        return _ovo_roc_auc(np.searchsorted(classes, y), S, average)
    check_consistent_length(y, S, w)
    # Step 2: each class against the rest, then the average.
    Y = (y[:, None] == classes[None, :]).astype(np.int64)
    if average == "micro":  # every (sample, class) pair is one binary decision
        return _binary_roc_auc(Y.ravel(), S.ravel(),
                               None if w is None else np.repeat(w, classes.size))
    scores = np.array([_binary_roc_auc(Y[:, k], S[:, k], w) for k in range(classes.size)])
    if average is None:
        return scores
    if average == "weighted":
        a = Y.sum(axis=0) if w is None else w @ Y
        if np.isclose(a.sum(), 0):
            return 0.0
        return float(np.average(scores, weights=a))
    return float(np.average(scores))


def _ovo_roc_auc(c: NDArray[np.intp], S: NDArray, average: str) -> float:
    """Hand & Till's one-vs-one AUC: for each pair of classes (a, b), on the samples of a
    or b, the mean of AUC(a vs b, score of a) and AUC(b vs a, score of b); the mean over
    pairs ('macro') or weighted by the pair's share of the samples ('weighted')."""
    pairs = list(combinations(range(np.unique(c).size), 2))
    scores, share = np.empty(len(pairs)), np.empty(len(pairs))
    for i, (a, b) in enumerate(pairs):
        ab = (c == a) | (c == b)
        share[i] = ab.mean()
        scores[i] = (_binary_roc_auc((c[ab] == a).astype(np.int64), S[ab, a], None)
                     + _binary_roc_auc((c[ab] == b).astype(np.int64), S[ab, b], None)) / 2
    return float(np.average(scores, weights=share if average == "weighted" else None))


def _ovr_classes(y, S, labels) -> np.ndarray:
    if labels is None:
        classes = np.unique(y)
        if classes.size != S.shape[1]:
            raise ValueError("Number of classes in y_true not equal to the number of columns "
                             "in 'y_score'")
        return classes
    labels = column_or_1d(labels)
    classes = np.unique(labels)
    if classes.size != labels.size:
        raise ValueError("Parameter 'labels' must be unique")
    if not np.array_equal(classes, labels):
        raise ValueError("Parameter 'labels' must be ordered")
    if classes.size != S.shape[1]:
        raise ValueError(f"Number of given labels, {classes.size}, not equal to the number of "
                         f"columns in 'y_score', {S.shape[1]}")
    if np.setdiff1d(y, classes).size:
        raise ValueError("'y_true' contains labels not in parameter 'labels'")
    return classes


# --- clustering ---------------------------------------------------------------------------------

def _check_number_of_labels(n_labels: int, n_samples: int) -> None:
    """A clustering score compares clusters with each other: 2 ≤ k ≤ n − 1."""
    if not 1 < n_labels < n_samples:
        raise ValueError(f"Number of labels is {n_labels}. Valid values are 2 to "
                         "n_samples - 1 (inclusive)")


def _encode_clusters(X: ArrayLike, labels: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.intp], int]:
    """(X, labels as 0..k−1, k), validated as scikit-learn validates them."""
    X_arr, y = check_X_y(X, labels)
    classes, codes = np.unique(y, return_inverse=True)
    _check_number_of_labels(len(classes), X_arr.shape[0])
    return X_arr, codes.reshape(-1), len(classes)


def _euclidean_distances(A: NDArray[np.float64], B: NDArray[np.float64]) -> NDArray[np.float64]:
    """‖a_i − b_j‖ for all pairs by ‖a‖² − 2aᵀb + ‖b‖² (one matrix product), clipped at 0:
    scikit-learn's ``euclidean_distances``, term for term, so that the scores below agree
    with it to the last bit."""
    D2 = -2 * (A @ B.T)
    D2 += np.einsum("ij,ij->i", A, A)[:, None]
    D2 += np.einsum("ij,ij->i", B, B)[None, :]
    np.maximum(D2, 0, out=D2)
    if A is B:
        np.fill_diagonal(D2, 0.0)  # exactly 0, whatever the rounding of the expansion
    return np.sqrt(D2)


# scikit-learn takes every metric of pairwise_distances (and callables); mathml the two its
# silhouette computes: the message lists these two
_SILHOUETTE_CONSTRAINTS: dict[str, list] = {"X": ["array-like", "sparse matrix"], "labels": ["array-like"],
                           "metric": [StrOptions({"euclidean", "precomputed"})]}


@validate_params(_SILHOUETTE_CONSTRAINTS)
def silhouette_samples(X: ArrayLike, labels: ArrayLike, *,
                       metric: str = "euclidean") -> NDArray[np.float64]:
    r"""The silhouette coefficient of each sample.

    .. math::

        a_i = \frac{1}{|C_i| - 1} \sum_{j \in C_i} d(x_i, x_j), \qquad
        b_i = \min_{C \ne C_i} \frac{1}{|C|} \sum_{j \in C} d(x_i, x_j), \qquad
        s_i = \frac{b_i - a_i}{\max(a_i, b_i)},

    and :math:`s_i = 0` when :math:`x_i` is alone in its cluster.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features), or (n_samples, n_samples)
        The samples, or with ``metric='precomputed'`` their distance matrix.
    labels : array-like of shape (n_samples,)
        The cluster of each sample (any labels; 2 to n_samples − 1 distinct).
    metric : {'euclidean', 'precomputed'}, default='euclidean'

    Returns
    -------
    ndarray of shape (n_samples,)
        :math:`s_i \in [-1, 1]`: near 1, well inside its cluster; near −1, closer to
        another cluster.

    Raises
    ------
    ValueError
        Fewer than 2 or as many labels as samples ("Number of labels is k. Valid values are
        2 to n_samples - 1 (inclusive)"); a precomputed matrix with a non-zero diagonal;
        NaN; different lengths.

    Notes
    -----
    *Algorithm*

    1. Encode the labels as 0..k−1; count each cluster's size :math:`|C|`.
    2. The distance matrix D (n×n), by the expansion
       :math:`\lVert x\rVert^2 - 2x^\mathsf{T}y + \lVert y\rVert^2`.
    3. The sum of each row of D over each cluster: an n×k table S (each sum taken in
       sample order, as scikit-learn's per-row ``bincount``).
    4. :math:`a_i = S_{i,C_i}/(|C_i| - 1)`; :math:`b_i` the smallest
       :math:`S_{i,C}/|C|` over the other clusters.
    5. :math:`s_i = (b_i - a_i)/\max(a_i, b_i)`, with 0 for singletons (0/0).

    *Complexity*: O(n² p) time for D, O(n²) memory.

    *Numerical stability*: the expansion loses accuracy for points much closer together
    than their distance to the origin (relative error ~eps·‖x‖²/d²); it is used because
    it is scikit-learn's and a single matrix product.

    References
    ----------
    Rousseeuw, "Silhouettes: a graphical aid to the interpretation and validation of
    cluster analysis", J. Comput. Appl. Math. 20, 1987.

    Checked against ``reference.metrics.silhouette_samples`` →
    ``sklearn.metrics.silhouette_samples``.

    Examples
    --------
    >>> X = np.array([[0.0], [1.0], [10.0], [11.0]])
    >>> np.round(silhouette_samples(X, [0, 0, 1, 1]), 4)
    array([0.9048, 0.8947, 0.8947, 0.9048])
    """
    # Step 1: labels and cluster sizes.
    X_arr, c, k = _encode_clusters(X, labels)
    n = c.shape[0]
    sizes = np.bincount(c, minlength=k)
    # Step 2: distances.
    if metric == "precomputed":
        D = X_arr
        if np.any(np.abs(np.diagonal(D)) > 100 * np.finfo(np.float64).eps):
            raise ValueError("The precomputed distance matrix contains non-zero elements on "
                             "the diagonal. Use np.fill_diagonal(X, 0).")
    else:
        D = _euclidean_distances(X_arr, X_arr)
    # Step 3: S[i, C] = Σ_{j ∈ C} D[i, j], one bincount over (row, cluster) pairs.
    cell = (np.arange(n)[:, None] * k + c[None, :]).ravel()
    S = np.bincount(cell, weights=D.ravel(), minlength=n * k).reshape(n, k)
    # Step 4: a (own cluster, without the point itself) and b (nearest other cluster).
    rows = np.arange(n)
    with np.errstate(divide="ignore", invalid="ignore"):
        a = S[rows, c] / (sizes - 1)[c]
        S[rows, c] = np.inf
        b = (S / sizes).min(axis=1)
        # Step 5: the coefficient; a singleton's 0/0 becomes 0.
        s = (b - a) / np.maximum(a, b)
    # float32 data gives float32 coefficients, as scikit-learn (computed in float64)
    return np.nan_to_num(s).astype(float_dtype_of(X), copy=False)


@validate_params({**_SILHOUETTE_CONSTRAINTS,
                  "sample_size": [Interval(Integral, 1, None, closed="left"), None],
                  "random_state": ["random_state"]})
def silhouette_score(X: ArrayLike, labels: ArrayLike, *, metric: str = "euclidean",
                     sample_size: int | None = None, random_state: object = None) -> float:
    r"""The mean silhouette coefficient of the samples.

    .. math::

        S = \frac1n \sum_i s_i, \qquad s_i = \frac{b_i - a_i}{\max(a_i, b_i)}

    (see `silhouette_samples`).

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features), or (n_samples, n_samples)
        The samples, or with ``metric='precomputed'`` their distance matrix.
    labels : array-like of shape (n_samples,)
    metric : {'euclidean', 'precomputed'}, default='euclidean'
    sample_size : int or None, default=None
        Score a random subset of this many samples instead (drawn as scikit-learn draws
        it: the first `sample_size` of ``random_state.permutation(n_samples)``).
    random_state : None, int or numpy.random.RandomState

    Returns
    -------
    float in [-1, 1]

    Raises
    ------
    ValueError
        As `silhouette_samples`.

    Notes
    -----
    *Algorithm*: (optionally draw the subset, then) the mean of `silhouette_samples`.

    *Complexity*: O(n² p) time, O(n²) memory (n the subset's size).

    References
    ----------
    Rousseeuw (1987), as `silhouette_samples`.

    Checked against ``reference.metrics.silhouette_score`` →
    ``sklearn.metrics.silhouette_score``.

    Examples
    --------
    >>> X = np.array([[0.0], [1.0], [10.0], [11.0]])
    >>> round(silhouette_score(X, [0, 0, 1, 1]), 4)
    0.8997
    """
    if sample_size is not None:
        X_arr, y = check_X_y(X, labels)
        idx = check_random_state(random_state).permutation(X_arr.shape[0])[:sample_size]
        X = X_arr[idx][:, idx] if metric == "precomputed" else X_arr[idx]
        labels = y[idx]
    return float(silhouette_samples(X, labels, metric=metric).mean())


@validate_params({"X": ["array-like"], "labels": ["array-like"]})
def calinski_harabasz_score(X: ArrayLike, labels: ArrayLike) -> float:
    r"""The variance ratio criterion: dispersion between clusters over dispersion within.

    .. math::

        \mathrm{CH} = \frac{B / (k - 1)}{W / (n - k)}, \qquad
        B = \sum_{c} n_c \lVert \mu_c - \mu \rVert^2, \qquad
        W = \sum_{c} \sum_{i \in C_c} \lVert x_i - \mu_c \rVert^2,

    and 1 when W = 0.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
    labels : array-like of shape (n_samples,)
        2 to n_samples − 1 distinct labels.

    Returns
    -------
    float
        Higher for dense, well separated clusters.

    Raises
    ------
    ValueError
        A wrong number of labels ("Number of labels is k. …"), NaN, different lengths.

    Notes
    -----
    *Algorithm*

    1. Encode the labels as 0..k−1; the indicator matrix :math:`Y_{ic} = [c_i = c]`.
    2. The centroids :math:`\mu_c = (Y^\mathsf{T}X)_c / n_c` and the overall mean μ.
    3. B and W from their definitions; their ratio scaled by (n − k)/(k − 1).

    *Complexity*: O(n p k) for the centroids, O(n p) for the dispersions.

    *Numerical stability*: B and W are sums of squares (no cancellation); the ratio is
    relatively accurate to a few eps.

    References
    ----------
    Caliński & Harabasz, "A dendrite method for cluster analysis", Communications in
    Statistics 3(1), 1974.

    Checked against ``reference.metrics.calinski_harabasz_score`` →
    ``sklearn.metrics.calinski_harabasz_score``.

    Examples
    --------
    >>> X = np.array([[0.0], [1.0], [10.0], [11.0]])
    >>> calinski_harabasz_score(X, [0, 0, 1, 1])
    200.0
    """
    # Step 1: labels and their indicator matrix.
    X_arr, c, k = _encode_clusters(X, labels)
    n = X_arr.shape[0]
    Y = np.eye(k)[c]
    sizes = Y.sum(axis=0)
    # Step 2: centroids and the overall mean.
    mu_c = (Y.T @ X_arr) / sizes[:, None]
    mu = X_arr.sum(axis=0) / n
    # Step 3: between- and within-cluster dispersion.
    B = float(sizes @ ((mu_c - mu) ** 2).sum(axis=1))
    W = float(((X_arr - mu_c[c]) ** 2).sum())
    return 1.0 if W == 0.0 else B * (n - k) / (W * (k - 1.0))


@validate_params({"X": ["array-like"], "labels": ["array-like"]})
def davies_bouldin_score(X: ArrayLike, labels: ArrayLike) -> float:
    r"""The mean, over clusters, of the worst ratio of spreads to separation.

    .. math::

        s_c = \frac{1}{n_c}\sum_{i \in C_c} \lVert x_i - \mu_c\rVert, \qquad
        \mathrm{DB} = \frac1k \sum_{c} \max_{c' \ne c}
        \frac{s_c + s_{c'}}{\lVert \mu_c - \mu_{c'}\rVert},

    and 0 when every spread or every separation is 0 (to 1e-8).

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
    labels : array-like of shape (n_samples,)
        2 to n_samples − 1 distinct labels.

    Returns
    -------
    float
        Lower for compact, well separated clusters (0 is the minimum).

    Raises
    ------
    ValueError
        A wrong number of labels ("Number of labels is k. …"), NaN, different lengths.

    Notes
    -----
    *Algorithm*

    1. Encode the labels as 0..k−1; the centroids :math:`\mu_c`.
    2. Each cluster's spread :math:`s_c`, the mean distance of its points to
       :math:`\mu_c`, and the distances between centroids (both by the expansion
       :math:`\lVert x\rVert^2 - 2x^\mathsf{T}y + \lVert y\rVert^2`, as scikit-learn).
    3. If all spreads or all separations are 0 (|·| ≤ 1e-8, scikit-learn's
       ``isclose(·, 0)``), the score is 0. Otherwise coinciding centroids count as
       infinitely far apart (a 0 separation would divide by 0), and the score is the
       mean over c of :math:`\max_{c'} (s_c + s_{c'})/d(\mu_c, \mu_{c'})`.

    *Complexity*: O(n p k) for the centroids and spreads, O(k² p) for the separations.

    References
    ----------
    Davies & Bouldin, "A cluster separation measure", IEEE PAMI 1(2), 1979.

    Checked against ``reference.metrics.davies_bouldin_score`` →
    ``sklearn.metrics.davies_bouldin_score``.

    Examples
    --------
    >>> X = np.array([[0.0], [1.0], [10.0], [11.0]])
    >>> davies_bouldin_score(X, [0, 0, 1, 1])
    0.1
    """
    X_arr, c, k = _encode_clusters(X, labels)
    # Steps 1–2, cluster by cluster (as scikit-learn: the expansion of a distance to a
    # centroid cancels for tight clusters far from the origin, so the centroid must be
    # rounded as the reference rounds it for the spreads to agree to the last bits).
    mu_c = np.empty((k, X_arr.shape[1]))
    spread = np.empty(k)
    for j in range(k):
        X_j = X_arr[c == j]
        mu_c[j] = X_j.sum(axis=0) / X_j.shape[0]
        spread[j] = _euclidean_distances(X_j, mu_c[j:j + 1]).sum() / X_j.shape[0]
    separation = _euclidean_distances(mu_c, mu_c)
    # Step 3: the worst ratio per cluster, averaged.
    if np.all(np.abs(spread) <= 1e-8) or np.all(np.abs(separation) <= 1e-8):
        return 0.0
    separation[separation == 0] = np.inf
    R = (spread[:, None] + spread[None, :]) / separation
    return float(R.max(axis=1).mean())


@validate_params({"labels_true": ["array-like"], "labels_pred": ["array-like"]})
def adjusted_rand_score(labels_true: ArrayLike, labels_pred: ArrayLike) -> float:
    r"""The Rand index of two clusterings, adjusted for chance (Hubert & Arabie).

    With the contingency table :math:`n_{ij}` (samples in class i and cluster j), its row
    sums :math:`a_i` and column sums :math:`b_j`,

    .. math::

        \mathrm{ARI} = \frac{\sum_{ij}\binom{n_{ij}}{2}
            - \sum_i\binom{a_i}{2}\sum_j\binom{b_j}{2} \big/ \binom{n}{2}}
          {\tfrac12\big(\sum_i\binom{a_i}{2} + \sum_j\binom{b_j}{2}\big)
            - \sum_i\binom{a_i}{2}\sum_j\binom{b_j}{2} \big/ \binom{n}{2}} ,

    the pair-counting agreement minus its expectation under random labellings with the
    same cluster sizes, over its maximum minus that expectation. 1 for identical
    partitions (whatever the label names); about 0 for independent ones.

    Parameters
    ----------
    labels_true, labels_pred : array-like of shape (n_samples,)
        Two clusterings of the same samples (any labels).

    Returns
    -------
    float in [-0.5, 1]

    Raises
    ------
    ValueError
        Labels that are not 1-D ("labels_true must be 1D: shape is …"), different lengths.

    Warns
    -----
    UserWarning
        Continuous (non-integer float) labels.

    Notes
    -----
    *Algorithm*

    1. Encode both labellings as integers; the contingency table by one ``bincount``
       over the pairs (class, cluster).
    2. The pair counts :math:`\sum\binom{m}{2} = \sum m(m-1)/2` of the table, its row and
       column sums, and :math:`\binom{n}{2}`, all integers.
    3. Multiply numerator and denominator by :math:`2\binom{n}{2}` and compute both in
       exact integer arithmetic (Python ints do not overflow); one division at the end.
       Identical partitions (all three pair counts equal) give 1, also when the
       denominator is 0 (n ≤ 1, all singletons, one cluster).

    *Complexity*: O(n + r·c) for r classes and c clusters.

    *Numerical stability*: exact up to the final division, so correctly rounded.

    References
    ----------
    Hubert & Arabie, "Comparing partitions", Journal of Classification 2, 1985.

    Checked against ``reference.metrics.adjusted_rand_score`` →
    ``sklearn.metrics.adjusted_rand_score``.

    Examples
    --------
    >>> adjusted_rand_score([0, 0, 1, 1], [1, 1, 0, 0])
    1.0
    >>> round(adjusted_rand_score([0, 0, 1, 2], [0, 0, 1, 1]), 4)
    0.5714
    """
    # Step 1: encode, and count the table.
    u, v = _check_clusterings(labels_true, labels_pred)
    classes, i = np.unique(u, return_inverse=True)
    clusters, j = np.unique(v, return_inverse=True)
    r, s = len(classes), len(clusters)
    N = np.bincount(i.reshape(-1) * s + j.reshape(-1), minlength=r * s).reshape(r, s)
    # Step 2: pair counts, as Python integers.
    def pairs(m: NDArray[np.int64]) -> int:
        return int((m * (m - 1) // 2).sum())
    n = u.shape[0]
    index, sum_a, sum_b = pairs(N), pairs(N.sum(axis=1)), pairs(N.sum(axis=0))
    total = n * (n - 1) // 2
    # Step 3: the ratio, exactly up to one division.
    if index == sum_a == sum_b:
        return 1.0
    return 2 * (total * index - sum_a * sum_b) / (total * (sum_a + sum_b) - 2 * sum_a * sum_b)


def _check_clusterings(labels_true: ArrayLike, labels_pred: ArrayLike
                       ) -> tuple[np.ndarray, np.ndarray]:
    """Both labellings as 1-D arrays of the same length (scikit-learn's checks and
    messages); continuous labels warn."""
    u = check_array(labels_true, ensure_2d=False, ensure_min_samples=0, dtype=None)
    v = check_array(labels_pred, ensure_2d=False, ensure_min_samples=0, dtype=None)
    kinds = (type_of_target(u), type_of_target(v))
    if "continuous" in kinds:
        warnings.warn("Clustering metrics expects discrete values but received "
                      f"{kinds[0]} values for label, and {kinds[1]} values for target",
                      UserWarning, stacklevel=3)
    if u.ndim != 1:
        raise ValueError(f"labels_true must be 1D: shape is {u.shape!r}")
    if v.ndim != 1:
        raise ValueError(f"labels_pred must be 1D: shape is {v.shape!r}")
    check_consistent_length(u, v)
    return u, v
