"""Descriptive statistics from scratch: location, spread, shape, association, histograms.

The counterparts of NumPy's ``mean``/``median``/``var``/``std``/``quantile``/``percentile``/
``cov``/``corrcoef``/``histogram`` and of ``scipy.stats``' ``mode``/``skew``/``kurtosis``/
``zscore``/``pearsonr``/``spearmanr``. Every reduction works along one ``axis`` (or the
flattened array for ``axis=None``) by moving that axis last and reducing over it.

Signatures keep the library's leading parameters with its names, order and defaults; the
parameters left out (``dtype``, ``out``, ``where``, ``nan_policy``, ``weights``) follow
a ``*`` so a call that works here works with the library too.

Small samples behave as in the libraries: an empty sample gives ``nan`` with NumPy's
``RuntimeWarning`` ("Mean of empty slice") in NumPy's statistics and with a
`SmallSampleWarning` in SciPy's; a sample too small for a statistic gives ``nan``. The one
exception is `quantile`/`percentile` of an empty sample, a ``ValueError`` (NumPy crashes
there with an ``IndexError``). Results have the libraries' floating types (float32 in,
float32 out), computed in float64 and rounded once.
"""
from __future__ import annotations

import math
import operator
import warnings
from typing import Any, NamedTuple, cast

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._docstrings import fill_doc
from .._result import ResultTuple
from .._validation import as_float_array
from ..exceptions import ConstantInputWarning, NearConstantInputWarning, SmallSampleWarning
from ..special import betainc

__all__ = ["mean", "median", "mode", "var", "std", "quantile", "percentile", "skew",
           "kurtosis", "zscore", "cov", "corrcoef", "pearsonr", "spearmanr", "histogram"]


class ModeResult(NamedTuple):
    """``scipy.stats.mode``'s result (a named tuple there too): the most frequent value
    and how often it occurs."""

    mode: np.ndarray
    count: np.ndarray  # type: ignore[assignment]  # SciPy's field name; shadows tuple.count


class PearsonRResult(ResultTuple):
    """``scipy.stats.pearsonr``'s result: ``r, p = pearsonr(x, y)`` (SciPy's also has a
    ``confidence_interval`` method, not reproduced)."""

    _fields = ("statistic", "pvalue")
    statistic: np.float64
    pvalue: np.float64


class SignificanceResult(ResultTuple):
    """``scipy.stats.spearmanr``'s result: ``rho, p = spearmanr(a, b)``."""

    _fields = ("statistic", "pvalue")
    statistic: np.float64
    pvalue: np.float64


# --- shared plumbing ----------------------------------------------------------------------------

def _sample(a: ArrayLike, name: str = "a", *, keep_dtype: bool = False,
            none: type[Exception] = TypeError, parse_text: bool = False) -> np.ndarray:
    """`a` as an array (float64 unless `keep_dtype`), or the library's exception: `none` for
    None, TypeError for text (NumPy's reductions), other objects and complex numbers. With
    `parse_text`, text is read as numbers as SciPy's functions that convert to float first
    do ("1.5" is 1.5), a ValueError where it is not a number."""
    try:
        x = np.asarray(a)
    except ValueError as exc:  # a ragged list
        raise ValueError(f"`{name}` is not a rectangular array of numbers: {exc}") from None
    if x.dtype.kind in "USV":
        if not parse_text:
            raise TypeError(f"`{name}` must be an array of numbers, got text (dtype {x.dtype})")
        try:
            return x.astype(np.float64)
        except ValueError as exc:
            raise ValueError(f"`{name}` must be an array of numbers: {exc}") from None
    if x.dtype == object:
        raise (none if a is None else TypeError)(
            f"`{name}` must be an array of numbers, got {type(a).__name__}"
            + ("" if a is None else " holding other objects"))
    if np.iscomplexobj(x):
        raise TypeError(f"`{name}`: complex input is not supported: pass a real array")
    return x if keep_dtype else x.astype(np.float64, copy=False)


def _float_type(a: ArrayLike) -> np.dtype:
    """The floating type NumPy and SciPy return for `a`: its own (float32 in, float32 out;
    mathml computes in float64 and rounds once at the end), float64 for integers."""
    dtype = np.asarray(a).dtype
    return dtype if dtype.kind == "f" else np.dtype(np.float64)


def _last(x: np.ndarray, axis: int | None) -> np.ndarray:
    """The reduction axis moved last (the flattened array for axis=None)."""
    if axis is None:
        return x.reshape(-1)
    try:
        k = operator.index(axis)
    except TypeError:  # NumPy's class for an axis that is no integer
        raise TypeError(f"`axis` must be an integer or None, got {axis!r}") from None
    return np.moveaxis(x, k, -1)


def _scipy_axis(axis: Any) -> None:
    """SciPy's check of `axis` (an AxisError, where NumPy raises TypeError)."""
    if axis is not None:
        try:
            operator.index(axis)
        except TypeError:
            raise np.exceptions.AxisError(
                "`axis` must be an integer, a tuple of integers, or `None`.") from None


def _restore(r: np.ndarray, x: np.ndarray, axis: int | None, keepdims: bool,
             dtype: np.dtype | None = None):
    """A reduction over the last axis of `_last(x, axis)`, shaped as NumPy returns it (and
    of the floating type `dtype`, where given)."""
    if dtype is not None:
        r = np.asarray(r).astype(dtype, copy=False)
    if keepdims:
        r = np.reshape(r, (1,) * x.ndim) if axis is None else np.expand_dims(r, axis)
    return r[()] if isinstance(r, np.ndarray) and r.ndim == 0 else r


def _central(x: np.ndarray, axis: int | None) -> tuple[np.ndarray, int]:
    """Deviations from the mean along the last axis of `_last(x, axis)`, and n."""
    y = _last(x, axis)
    n = y.shape[-1]
    with np.errstate(invalid="ignore", divide="ignore"):  # n = 0: the caller has warned
        return y - np.sum(y, axis=-1, keepdims=True) / n, n


def _empty_mean_warning(n: int) -> None:
    """NumPy's warning for the mean of no numbers (also from median, var, std, cov)."""
    if n == 0:
        warnings.warn("Mean of empty slice", RuntimeWarning, stacklevel=3)


def _too_small(y: np.ndarray, needed: int = 1) -> bool:
    """SciPy's small-sample rule for its reductions over the last axis of `y`:
    fewer than `needed` observations warn `SmallSampleWarning` and give nan; a result with
    no entries at all (no slices) is returned empty, without a warning. True: return nan."""
    if y.ndim > 1 and math.prod(y.shape[:-1]) == 0:
        return True  # no slices at all: an empty (float) result, no warning
    if y.shape[-1] >= needed:
        return False
    message = ("One or more sample arguments is too small; all returned values will be NaN."
               if y.ndim == 1 else
               "All axis-slices of one or more sample arguments are too small; all elements "
               "of returned arrays will be NaN.")
    warnings.warn(message + " See documentation for sample size requirements.",
                  SmallSampleWarning, stacklevel=3)
    return True


def _precision_warning(y: np.ndarray) -> None:
    """SciPy's warning when the deviations from the mean are all below 10·eps of it (a
    sample constant to rounding, n > 1): their moments are mostly rounding error."""
    if y.shape[-1] < 2 or y.size == 0:
        return
    with np.errstate(invalid="ignore", divide="ignore"):  # inf − inf, 0/0: no loss to report
        m = np.sum(y, axis=-1, keepdims=True) / y.shape[-1]
        rel = np.max(np.abs(y - m), axis=-1) / np.abs(m[..., 0])
    if np.any(rel < 10 * np.finfo(np.float64).eps):
        warnings.warn("Precision loss occurred in moment calculation due to catastrophic "
                      "cancellation. This occurs when the data are nearly identical. Results "
                      "may be unreliable.", RuntimeWarning, stacklevel=3)


# --- location ---------------------------------------------------------------------------------

def mean(a: ArrayLike, axis: int | None = None, *, keepdims: bool = False) -> NDArray[np.float64]:
    r"""Arithmetic mean along an axis.

    .. math:: \bar x = \frac{1}{n} \sum_{i=1}^{n} x_i

    Parameters
    ----------
    a : array_like
        The sample, any shape.
    axis : int or None
        Axis to average over; None averages the flattened array.
    keepdims : bool
        Keep the reduced axis with length 1.

    Returns
    -------
    ndarray or float
        `a`'s shape without `axis` (a float64 scalar for axis=None).

    Warns
    -----
    RuntimeWarning
        An empty sample ("Mean of empty slice", as NumPy): the mean is nan.

    Notes
    -----
    *Algorithm*: 1. sum along the axis (NumPy's pairwise summation); 2. divide by n.
    *Complexity*: O(n). *Numerical stability*: pairwise summation has error
    O(log n · eps · Σ|x_i|).

    References
    ----------
    Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., §4.2.

    Checked against ``reference.stats.mean`` → ``numpy.mean`` (the same sum and division:
    identical to the last bit).

    Examples
    --------
    >>> float(mean([1, 2, 3, 4, 5]))
    3.0
    """
    x = _sample(a)
    y = _last(x, axis)
    _empty_mean_warning(y.shape[-1])
    # Step 1-2: sum, then divide by the count (0/0 = nan for an empty sample)
    with np.errstate(invalid="ignore"):
        return _restore(np.sum(y, axis=-1) / y.shape[-1], x, axis, keepdims, _float_type(a))


def median(a: ArrayLike, axis: int | None = None, *,
           keepdims: bool = False) -> NDArray[np.float64]:
    r"""Median along an axis: the middle order statistic, or the mean of the two middle ones.

    .. math:: \operatorname{med}(x) = \tfrac12\left(x_{(\lfloor (n+1)/2 \rfloor)} +
              x_{(\lceil (n+1)/2 \rceil)}\right)

    Parameters
    ----------
    a : array_like
        The sample, any shape.
    axis : int or None
        Axis to reduce; None uses the flattened array.
    keepdims : bool
        Keep the reduced axis with length 1.

    Returns
    -------
    ndarray or float
        `a`'s shape without `axis`.

    Warns
    -----
    RuntimeWarning
        An empty sample, as NumPy: the median is nan.

    Notes
    -----
    *Algorithm*: 1. partition so the middle order statistics are in place;
    2. average the two middle values (the same one twice for odd n).
    *Complexity*: O(n) expected (introselect). *Numerical stability*: exact up to the one
    averaging, done as NumPy does (mean of the pair).

    References
    ----------
    Cormen et al., Introduction to Algorithms, 3rd ed., §9.2 (selection in expected linear time).

    Checked against ``reference.stats.median`` → ``numpy.median``.

    Examples
    --------
    >>> float(median([3, 1, 4, 1, 5, 9]))
    3.5
    """
    x = _sample(a)
    y = _last(x, axis)
    n = y.shape[-1]
    if n == 0:  # NumPy: the mean of the (empty) middle, nan
        _empty_mean_warning(n)
        return _restore(np.full(y.shape[:-1], np.nan), x, axis, keepdims, _float_type(a))
    k_lo, k_hi = (n - 1) // 2, n // 2
    # Step 1: only the middle order statistics need to be in place
    y = np.partition(y, (k_lo, k_hi), axis=-1)
    # Step 2: NumPy averages as a mean of the two (sum, then halve)
    m = (y[..., k_lo] + y[..., k_hi]) / 2.0
    # a NaN has no place among the order statistics: it propagates, as in NumPy
    m = np.where(np.isnan(y).any(axis=-1), np.nan, m)
    return _restore(m, x, axis, keepdims, _float_type(a))


def mode(a: ArrayLike, axis: int | None = 0, *, keepdims: bool = False) -> ModeResult:
    r"""The most frequent value along an axis (the smallest one on a tie), and its count.

    .. math:: \operatorname{mode}(x) = \min \arg\max_v \#\{i : x_i = v\}

    Parameters
    ----------
    a : array_like
        The sample, any shape; the dtype is kept (an integer sample gives an integer mode).
    axis : int or None
        Axis to reduce; None uses the flattened array.
    keepdims : bool
        Keep the reduced axis with length 1.

    Returns
    -------
    ModeResult(mode, count)
        Each of `a`'s shape without `axis`; ``count`` is an integer array.

    Raises
    ------
    ValueError
        `a` is None (SciPy's class).
    TypeError
        Text, booleans or complex numbers.

    Warns
    -----
    SmallSampleWarning
        An empty sample: mode nan and count 0.0, as SciPy.

    Notes
    -----
    *Algorithm*: 1. sort along the axis; 2. mark where runs of equal values start and end;
    3. the run length at each position is end − start + 1; 4. the first maximum is the
    smallest most frequent value (the sort puts it first).
    *Complexity*: O(n log n). *Numerical stability*: exact (comparisons only).

    References
    ----------
    Wasserman, All of Statistics, §20.1 (summaries of a sample).

    Checked against ``reference.stats.mode`` → ``scipy.stats.mode``.

    Examples
    --------
    >>> mode([1, 2, 2, 3, 3])
    ModeResult(mode=np.int64(2), count=np.int64(2))
    """
    # SciPy refuses None with ValueError, text and booleans with TypeError; a number is a
    # sample of one
    _scipy_axis(axis)
    x = np.atleast_1d(_sample(a, keep_dtype=True, none=ValueError))
    if x.dtype == bool:
        raise TypeError("`a` must be an array of numbers, got booleans: convert them first")
    y = _last(x, axis)
    if _too_small(y):  # SciPy's float nan for both the mode and its count
        ft = _float_type(a)
        return ModeResult(_restore(np.full(y.shape[:-1], np.nan), x, axis, keepdims, ft),
                          _restore(np.zeros(y.shape[:-1]), x, axis, keepdims, ft))
    # Step 1: equal values become runs
    s = np.sort(y, axis=-1)
    n = s.shape[-1]
    j = np.broadcast_to(np.arange(n), s.shape)
    # Step 2: run boundaries
    starts = np.ones(s.shape, dtype=bool)
    # NaNs are one value (sorted last), as SciPy's mode counts them: x != x marks a NaN
    both_nan = (s[..., 1:] != s[..., 1:]) & (s[..., :-1] != s[..., :-1])
    starts[..., 1:] = (s[..., 1:] != s[..., :-1]) & ~both_nan
    ends = np.ones(s.shape, dtype=bool)
    ends[..., :-1] = starts[..., 1:]
    # Step 3: carry each run's first index forward and its last index backward
    first = np.maximum.accumulate(np.where(starts, j, 0), axis=-1)
    last = n - 1 - np.maximum.accumulate(np.where(ends, n - 1 - j, 0)[..., ::-1], axis=-1)[..., ::-1]
    count = last - first + 1
    # Step 4: argmax returns the first (smallest) of the most frequent values
    k = np.argmax(count, axis=-1)[..., None]
    m = np.take_along_axis(s, k, axis=-1)[..., 0]
    c = np.take_along_axis(count, k, axis=-1)[..., 0].astype(np.int64)
    return ModeResult(_restore(m, x, axis, keepdims), _restore(c, x, axis, keepdims))


# --- spread -----------------------------------------------------------------------------------

def var(a: ArrayLike, axis: int | None = None, *, ddof: float = 0,
        keepdims: bool = False) -> NDArray[np.float64]:
    r"""Variance along an axis, with ``n − ddof`` in the denominator.

    .. math:: s^2 = \frac{1}{n - \mathrm{ddof}} \sum_{i=1}^{n} (x_i - \bar x)^2

    Parameters
    ----------
    a : array_like
        The sample, any shape.
    axis : int or None
        Axis to reduce; None uses the flattened array.
    ddof : float
        Delta degrees of freedom: 0 for the population (maximum-likelihood) variance,
        1 for the unbiased sample variance.
    keepdims : bool
        Keep the reduced axis with length 1.

    Returns
    -------
    ndarray or float
        `a`'s shape without `axis`.

    Warns
    -----
    RuntimeWarning
        n − ddof ≤ 0 ("Degrees of freedom <= 0 for slice", as NumPy): the variance is nan
        (0/0) or inf.

    Notes
    -----
    *Algorithm*: 1. subtract the mean (two-pass: the deviations are formed first);
    2. sum the squared deviations and divide by n − ddof.
    *Complexity*: O(n). *Numerical stability*: the two-pass formula has relative error
    O(n·eps) plus O(n²·eps²·κ²) — unlike the one-pass Σx² − n x̄², it does not cancel
    catastrophically (Chan, Golub & LeVeque).

    References
    ----------
    Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., §1.9;
    Chan, Golub & LeVeque, Algorithms for computing the sample variance (1983).

    Checked against ``reference.stats.var`` → ``numpy.var`` (the same two passes).

    Examples
    --------
    >>> float(var([1, 2, 3, 4, 5]))
    2.0
    >>> float(var([1, 2, 3, 4, 5], ddof=1))
    2.5
    """
    x = _sample(a)
    # Step 1: deviations from the mean
    d, n = _central(x, axis)
    if n - ddof <= 0:  # NumPy's warning; the division below gives nan (0/0) or inf
        warnings.warn("Degrees of freedom <= 0 for slice", RuntimeWarning, stacklevel=2)
    # Step 2: mean square deviation with n − ddof
    with np.errstate(invalid="ignore", divide="ignore"):
        s2 = np.sum(d * d, axis=-1) / max(n - ddof, 0)
    return _restore(s2, x, axis, keepdims, _float_type(a))


def std(a: ArrayLike, axis: int | None = None, *, ddof: float = 0,
        keepdims: bool = False) -> NDArray[np.float64]:
    r"""Standard deviation along an axis: the square root of `var`.

    .. math:: s = \sqrt{\frac{1}{n - \mathrm{ddof}} \sum_{i=1}^{n} (x_i - \bar x)^2}

    Parameters
    ----------
    a : array_like
        The sample, any shape.
    axis : int or None
        Axis to reduce; None uses the flattened array.
    ddof : float
        Delta degrees of freedom (see `var`).
    keepdims : bool
        Keep the reduced axis with length 1.

    Returns
    -------
    ndarray or float
        `a`'s shape without `axis`.

    Warns
    -----
    RuntimeWarning
        n − ddof ≤ 0, as `var`.

    Notes
    -----
    *Algorithm*: 1. the two-pass variance (`var`); 2. its square root.
    *Complexity*: O(n). *Numerical stability*: as `var`; the square root halves the
    relative error.

    References
    ----------
    Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., §1.9.

    Checked against ``reference.stats.std`` → ``numpy.std``.

    Examples
    --------
    >>> round(float(std([1, 2, 3, 4, 5])), 8)  # √2
    1.41421356
    """
    # Step 1-2
    return np.sqrt(var(a, axis, ddof=ddof, keepdims=keepdims))


def _probabilities(q: ArrayLike) -> np.ndarray:
    """q as a float array, refused as NumPy refuses it: None, text and complex numbers
    (TypeError), more than 2 dimensions (ValueError)."""
    p = np.asarray(q)
    if p.dtype.kind not in "biuf":
        raise TypeError(f"`q` must be a real number or an array of them, got {p.dtype}")
    if p.ndim > 2:
        raise ValueError("q must be a scalar or 1d")
    if p.size == 0 and p.ndim > 1:  # NumPy fails in its range check (a ValueError)
        raise ValueError(f"`q` of shape {p.shape} has no probability (an empty 1-D q "
                         f"gives an empty result)")
    return p.astype(np.float64)


def _quantile_type(a: ArrayLike, q: ArrayLike) -> np.dtype:
    """NumPy's type of a quantile: the sample's floating type, promoted by q unless q is a
    Python number (NumPy's weak scalars: quantile(float32 sample, 0.5) is float32)."""
    if isinstance(q, (int, float)):
        return _float_type(a)
    return np.result_type(_float_type(a), np.asarray(q).dtype)


def _lerp(lo: np.ndarray, hi: np.ndarray, t: np.ndarray) -> np.ndarray:
    """lo + t·(hi − lo), taken from the nearer end so that t = 1 returns hi exactly."""
    d = hi - lo
    return np.where(t >= 0.5, hi - d * (1 - t), lo + d * t)


def quantile(a: ArrayLike, q: ArrayLike, axis: int | None = None, *, method: str = "linear",
             keepdims: bool = False) -> NDArray[np.float64]:
    r"""The q-th quantile along an axis, linearly interpolated between order statistics.

    .. math:: Q(q) = x_{(k)} + \gamma\,(x_{(k+1)} - x_{(k)}), \quad
              h = (n-1)\,q,\ k = \lfloor h \rfloor,\ \gamma = h - k

    (order statistics counted from 0: Hyndman & Fan's definition 7, NumPy's 'linear').

    Parameters
    ----------
    a : array_like
        The sample, any shape.
    q : float or array_like
        Probabilities in [0, 1].
    axis : int or None
        Axis to reduce; None uses the flattened array.
    method : {'linear'}
        The interpolation rule; only NumPy's default, 'linear', is implemented.
    keepdims : bool
        Keep the reduced axis with length 1.

    Returns
    -------
    ndarray or float
        ``q.shape`` followed by `a`'s shape without `axis` (q's dimensions first, as NumPy).

    Raises
    ------
    ValueError
        q outside [0, 1] or of more than 2 dimensions; a method other than 'linear';
        an empty sample (NumPy crashes there with an IndexError).
    TypeError
        None, text or complex numbers, in `a` or `q`; booleans in `a`.

    Notes
    -----
    *Algorithm*: 1. virtual index h = (n − 1) q; 2. the order statistics k = ⌊h⌋ and
    k + 1 (clipped to n − 1) along the axis; 3. interpolate between them with weight h − k.
    Step 2 needs no full sort: a partition (introselect) puts the order statistics k and
    k + 1 of every q, and the largest entry, in their sorted places, which are all that
    steps 2–3 read (the largest is NaN if the sample has one: NumPy's sort order puts NaN
    last, and a NaN makes every quantile NaN).
    *Complexity*: O(n) expected per requested order statistic (a sort, O(n log n), when
    there are many). *Numerical stability*: the interpolation is computed from the
    nearer end (NumPy's ``_lerp``), exact at the order statistics.

    References
    ----------
    Hyndman & Fan, Sample quantiles in statistical packages, The American Statistician
    50(4), 1996, definition 7.

    Checked against ``reference.stats.quantile`` → ``numpy.quantile(method='linear')``.

    Examples
    --------
    >>> quantile([1, 2, 3, 4], [0.25, 0.5])
    array([1.75, 2.5 ])
    """
    if method != "linear":
        raise ValueError(f"method {method!r} is not implemented: use method='linear'")
    x = _sample(a)
    if np.asarray(a).dtype == bool:  # NumPy interpolates by subtraction, refused for booleans
        raise TypeError("`a` holds booleans, which have no quantiles: convert them to numbers")
    p = _probabilities(q)
    if np.any((p < 0) | (p > 1)) or np.isnan(p).any():
        raise ValueError("Quantiles must be in the range [0, 1]")
    y = _last(x, axis)
    n = y.shape[-1]
    if n == 0:  # contract: NumPy crashes here (IndexError)
        raise ValueError("the sample is empty: pass at least one observation")
    # Step 1: where each q falls among the order statistics (q flattened, reshaped at the end)
    h = (n - 1) * p.reshape(-1)
    k = np.floor(h).astype(np.intp)
    k1 = np.minimum(k + 1, n - 1)
    # Step 2: order statistics k and k + 1 of each q, and the last one (where a NaN goes)
    # in their sorted places: a partition on those positions, not a sort of them all
    kth = np.unique(np.concatenate((k, k1, [n - 1])))
    s = np.partition(y, kth, axis=-1) if kth.size < 64 else np.sort(y, axis=-1)
    # Step 3: one interpolation per q, q's axis first (NumPy puts q's dimensions first)
    lo, hi = np.moveaxis(s[..., k], -1, 0), np.moveaxis(s[..., k1], -1, 0)
    t = np.reshape(h - k, (-1,) + (1,) * (lo.ndim - 1))
    rest = y.shape[:-1]
    if keepdims:
        rest = (1,) * x.ndim if axis is None else \
            tuple(1 if i == axis % x.ndim else d for i, d in enumerate(x.shape))
    # a NaN in the sample makes every quantile NaN, as in NumPy (step 2 put it last)
    r = np.where(np.isnan(s[..., -1]), np.nan, _lerp(lo, hi, t))
    r = np.reshape(r, p.shape + rest).astype(_quantile_type(a, q), copy=False)
    return r[()] if r.ndim == 0 else r


def percentile(a: ArrayLike, q: ArrayLike, axis: int | None = None, *, method: str = "linear",
               keepdims: bool = False) -> NDArray[np.float64]:
    r"""The q-th percentile along an axis: `quantile` at q / 100.

    .. math:: P(q) = Q(q / 100)

    Parameters
    ----------
    a : array_like
        The sample, any shape.
    q : float or array_like
        Percentages in [0, 100].
    axis : int or None
        Axis to reduce; None uses the flattened array.
    method : {'linear'}
        The interpolation rule (see `quantile`).
    keepdims : bool
        Keep the reduced axis with length 1.

    Returns
    -------
    ndarray or float
        ``q.shape +`` `a`'s shape without `axis`.

    Raises
    ------
    ValueError
        q outside [0, 100] or of more than 2 dimensions; a method other than 'linear';
        an empty sample (NumPy crashes there with an IndexError).
    TypeError
        None, text or complex numbers, in `a` or `q`; booleans in `a`.

    Notes
    -----
    *Algorithm*: 1. check and rescale q to [0, 1]; 2. `quantile`.
    *Complexity*: O(n log n). *Numerical stability*: as `quantile`; q / 100 is rounded
    once, as in NumPy.

    References
    ----------
    Hyndman & Fan (1996), definition 7.

    Checked against ``reference.stats.percentile`` → ``numpy.percentile(method='linear')``.

    Examples
    --------
    >>> float(percentile([1, 2, 3, 4], 50))
    2.5
    """
    p = _probabilities(q)
    # Step 1: the range check is on the percentages, as NumPy words it
    if np.any((p < 0) | (p > 100)) or np.isnan(p).any():
        raise ValueError("Percentiles must be in the range [0, 100]")
    # Step 2
    r = np.asarray(quantile(a, p / 100, axis, method=method, keepdims=keepdims))
    r = r.astype(_quantile_type(a, q), copy=False)
    return r[()] if r.ndim == 0 else r


# --- shape ------------------------------------------------------------------------------------

def _moment_sample(a: ArrayLike, axis: int | None, keepdims: bool) -> tuple[np.ndarray, Any]:
    """The sample of `skew` and `kurtosis` (a number is a sample of one, as SciPy), and
    their nan result when it is empty (SmallSampleWarning), else None; SciPy's precision-loss
    warning for a sample constant to rounding."""
    _scipy_axis(axis)
    x = np.atleast_1d(_sample(a, none=ValueError))
    if _too_small(_last(x, axis)):
        return x, _restore(np.full(_last(x, axis).shape[:-1], np.nan), x, axis, keepdims,
                           _float_type(a))
    _precision_warning(_last(x, axis))
    return x, None


def _moments23(x: np.ndarray, axis: int | None) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """Biased central moments m2, m3, m4 along the axis, and n."""
    d, n = _central(x, axis)
    d2 = d * d
    return (np.sum(d2, axis=-1) / n, np.sum(d2 * d, axis=-1) / n,
            np.sum(d2 * d2, axis=-1) / n, n)


def _degenerate(x: np.ndarray, axis: int | None, m2: np.ndarray) -> np.ndarray:
    """Where the sample is constant to rounding (SciPy's test): shape is undefined there."""
    y = _last(x, axis)
    m = np.sum(y, axis=-1) / y.shape[-1]
    return m2 <= (np.finfo(np.float64).eps * m) ** 2


#: The Raises and Warns sections of `skew` and `kurtosis`, SciPy's rules for both.
_MOMENT_RAISES_WARNS = """
    Raises
    ------
    ValueError
        `a` is None (SciPy's class).
    TypeError
        Text or complex numbers.

    Warns
    -----
    SmallSampleWarning
        An empty sample: nan, as SciPy.
    RuntimeWarning
        A sample constant to rounding (SciPy's "Precision loss occurred in moment
        calculation"): nan.
"""


@fill_doc(raises_warns=_MOMENT_RAISES_WARNS)
def skew(a: ArrayLike, axis: int | None = 0, bias: bool = True, *,
         keepdims: bool = False) -> NDArray[np.float64]:
    r"""Sample skewness: the third standardised central moment.

    .. math:: g_1 = \frac{m_3}{m_2^{3/2}}, \quad m_k = \frac1n \sum_i (x_i - \bar x)^k;
              \qquad G_1 = \frac{\sqrt{n(n-1)}}{n-2}\, g_1 \ (\text{bias=False})

    Parameters
    ----------
    a : array_like
        The sample, any shape.
    axis : int or None
        Axis to reduce (default 0, as SciPy); None uses the flattened array.
    bias : bool
        False applies the adjustment G₁ for statistical bias (needs n > 2).
    keepdims : bool
        Keep the reduced axis with length 1.

    Returns
    -------
    ndarray or float
        `a`'s shape without `axis`; nan where the sample is constant.

    {raises_warns}

    Notes
    -----
    *Algorithm*: 1. central moments m₂, m₃ from the deviations (two-pass);
    2. g₁ = m₃ / m₂^{3/2}; 3. the bias adjustment where asked and n > 2; nan where
    m₂ ≤ (eps·x̄)², a sample constant to rounding (SciPy's rule).
    *Complexity*: O(n). *Numerical stability*: m₃ sums terms of both signs: near 0 the
    absolute error is ≈ n·eps·mean|z|³ ≤ n^{3/2}·eps (z standardised).

    References
    ----------
    Joanes & Gill, Comparing measures of sample skewness and kurtosis, JRSS D 47(1), 1998.

    Checked against ``reference.stats.skew`` → ``scipy.stats.skew`` (SciPy powers the
    deviations by repeated squaring: last-bit differences, relevant only near 0).

    Examples
    --------
    >>> round(float(skew([1, 2, 3, 10])), 6)
    1.018234
    """
    x, empty = _moment_sample(a, axis, keepdims)
    if empty is not None:
        return empty
    # Step 1
    m2, m3, _, n = _moments23(x, axis)
    # Step 2
    with np.errstate(divide="ignore", invalid="ignore"):
        g = m3 / m2 ** 1.5
    # Step 3
    if not bias and n > 2:
        g = np.sqrt((n - 1.0) * n) / (n - 2.0) * g
    g = np.where(_degenerate(x, axis, m2), np.nan, g)
    return _restore(np.asarray(g), x, axis, keepdims, _float_type(a))


@fill_doc(raises_warns=_MOMENT_RAISES_WARNS)
def kurtosis(a: ArrayLike, axis: int | None = 0, fisher: bool = True, bias: bool = True, *,
             keepdims: bool = False) -> NDArray[np.float64]:
    r"""Sample kurtosis: the fourth standardised central moment (minus 3 for Fisher's).

    .. math:: g_2 = \frac{m_4}{m_2^2} - 3; \qquad
              G_2 = \frac{(n^2-1)\, m_4/m_2^2 - 3(n-1)^2}{(n-2)(n-3)} \ (\text{bias=False})

    Parameters
    ----------
    a : array_like
        The sample, any shape.
    axis : int or None
        Axis to reduce (default 0, as SciPy); None uses the flattened array.
    fisher : bool
        True subtracts 3 (the normal distribution has excess kurtosis 0); False gives
        Pearson's m₄/m₂².
    bias : bool
        False applies the bias adjustment G₂ (needs n > 3).
    keepdims : bool
        Keep the reduced axis with length 1.

    Returns
    -------
    ndarray or float
        `a`'s shape without `axis`; nan where the sample is constant.

    {raises_warns}

    Notes
    -----
    *Algorithm*: 1. central moments m₂, m₄ (two-pass); 2. m₄/m₂²; 3. the bias adjustment
    where asked and n > 3; nan for a sample constant to rounding; 4. −3 for Fisher's.
    *Complexity*: O(n). *Numerical stability*: all terms are positive: relative error
    O(n·eps).

    References
    ----------
    Joanes & Gill (1998), JRSS D 47(1).

    Checked against ``reference.stats.kurtosis`` → ``scipy.stats.kurtosis``.

    Examples
    --------
    >>> round(float(kurtosis([1, 2, 3, 4, 5])), 6)
    -1.3
    """
    x, empty = _moment_sample(a, axis, keepdims)
    if empty is not None:
        return empty
    # Step 1
    m2, _, m4, n = _moments23(x, axis)
    # Step 2
    with np.errstate(divide="ignore", invalid="ignore"):
        b2 = m4 / m2 ** 2.0
    # Step 3
    if not bias and n > 3:
        b2 = 1.0 / (n - 2) / (n - 3) * ((n ** 2 - 1.0) * b2 - 3 * (n - 1) ** 2.0) + 3.0
    b2 = np.where(_degenerate(x, axis, m2), np.nan, b2)
    # Step 4
    return _restore(np.asarray(b2 - 3 if fisher else b2), x, axis, keepdims, _float_type(a))


def zscore(a: ArrayLike, axis: int | None = 0, ddof: int = 0) -> NDArray[np.float64]:
    r"""Standard scores: each value's distance from the mean in standard deviations.

    .. math:: z_i = \frac{x_i - \bar x}{s}, \quad s = \sqrt{\tfrac{1}{n-\mathrm{ddof}}
              \textstyle\sum_j (x_j - \bar x)^2}

    Parameters
    ----------
    a : array_like
        The sample, any shape.
    axis : int or None
        Axis along which mean and s are computed (default 0, as SciPy); None uses the
        whole array.
    ddof : int
        Delta degrees of freedom of s.

    Returns
    -------
    ndarray
        Same shape as `a`.

    Raises
    ------
    ValueError
        Text (SciPy converts to float first).
    TypeError
        None or complex numbers.

    Warns
    -----
    RuntimeWarning
        A sample constant to rounding (SciPy's "Precision loss occurred in moment
        calculation"): nan.

    Notes
    -----
    *Algorithm*: 1. the deviations from the mean and s along the axis (moved last);
    2. (x − x̄) / s, moved back. An empty array is returned as it is.
    *Complexity*: O(n). *Numerical stability*: as `var`.

    References
    ----------
    Wasserman, All of Statistics, §3.3.

    Checked against ``reference.stats.zscore`` → ``scipy.stats.zscore``.

    Examples
    --------
    >>> np.round(zscore([1, 2, 3]), 6)
    array([-1.224745,  0.      ,  1.224745])
    """
    x = _sample(a, parse_text=True)  # SciPy converts to float first
    if x.size == 0:  # SciPy: an empty array back, no warning
        return x.astype(_float_type(a))
    _precision_warning(_last(x, axis))
    # Step 1: deviations d = x − x̄ and s along the axis (moved last)
    d, n = _central(x, axis)
    with np.errstate(divide="ignore", invalid="ignore"):
        s = np.sqrt(np.sum(d * d, axis=-1, keepdims=True) / max(n - ddof, 0))
        # Step 2
        z = d / s
    z = z.astype(_float_type(a), copy=False)
    return z.reshape(x.shape) if axis is None else np.moveaxis(z, -1, axis)


# --- association ------------------------------------------------------------------------------

def _variables(m: ArrayLike, y: ArrayLike | None, rowvar: bool) -> np.ndarray:
    """The observations as rows of variables (NumPy's cov conventions)."""
    X = np.atleast_2d(_sample(m, "m"))
    if X.ndim > 2:
        raise ValueError("m has more than 2 dimensions")
    if not rowvar and X.shape[0] != 1:
        X = X.T
    if y is not None:
        Y = np.atleast_2d(_sample(y, "y"))
        if not rowvar and Y.shape[0] != 1:
            Y = Y.T
        if Y.shape[1] != X.shape[1]:
            raise ValueError(f"all the input array dimensions except for the concatenation axis "
                             f"must match: m has {X.shape[1]} observations, y has {Y.shape[1]}")
        X = np.concatenate((X, Y), axis=0)
    return X


def cov(m: ArrayLike, y: ArrayLike | None = None, rowvar: bool = True, bias: bool = False,
        ddof: int | None = None) -> NDArray[np.float64]:
    r"""Covariance matrix of variables observed together.

    .. math:: C_{jk} = \frac{1}{N - \mathrm{ddof}} \sum_{i=1}^{N}
              (x_{ji} - \bar x_j)(x_{ki} - \bar x_k), \qquad C = \frac{X_c X_c^\top}{N-\mathrm{ddof}}

    Parameters
    ----------
    m : array_like, shape (n_variables, N) or (N,)
        Each row a variable, each column an observation (columns as variables when
        ``rowvar=False``).
    y : array_like, optional
        More variables, appended as rows.
    rowvar : bool
        Whether rows are variables (NumPy's default).
    bias : bool
        False normalises by N − 1, True by N (when ddof is None).
    ddof : int, optional
        Overrides `bias`: the denominator is N − ddof.

    Returns
    -------
    ndarray, shape (n_variables, n_variables)
        A 0-d array for a single variable, as NumPy.

    Raises
    ------
    ValueError
        More than two dimensions, observation counts that differ.
    TypeError
        None, text or complex numbers.

    Warns
    -----
    RuntimeWarning
        No observations, or N − ddof ≤ 0 (NumPy's warnings): nan or inf entries.

    Notes
    -----
    *Algorithm*: 1. arrange variables as rows; 2. centre each row; 3. X_c X_cᵀ times
    1 / (N − ddof) (NumPy multiplies by the reciprocal).
    *Complexity*: O(p² N). *Numerical stability*: centring first avoids the cancellation
    of E[xy] − E[x]E[y].

    References
    ----------
    Hastie, Tibshirani & Friedman, The Elements of Statistical Learning, 2nd ed., §3.5.1;
    Chan, Golub & LeVeque (1983).

    Checked against ``reference.stats.cov`` → ``numpy.cov`` (the same product; BLAS may sum
    in another order).

    Examples
    --------
    >>> cov([[0, 1, 2], [2, 1, 0]])
    array([[ 1., -1.],
           [-1.,  1.]])
    """
    # Step 1
    X = _variables(m, y, rowvar)
    N = X.shape[1]
    if ddof is None:
        ddof = 0 if bias else 1
    _empty_mean_warning(N)
    if N - ddof <= 0:  # NumPy's warning; 1/0 below makes the entries inf or nan
        warnings.warn("Degrees of freedom <= 0 for slice", RuntimeWarning, stacklevel=2)
    # Step 2
    with np.errstate(divide="ignore", invalid="ignore"):
        Xc = X - (np.sum(X, axis=1) / N)[:, None]
        # Step 3
        C = (Xc @ Xc.T) * np.true_divide(1.0, max(N - ddof, 0))
    return C.squeeze()


def corrcoef(x: ArrayLike, y: ArrayLike | None = None,
             rowvar: bool = True) -> NDArray[np.float64]:
    r"""Pearson correlation matrix of variables observed together.

    .. math:: R_{jk} = \frac{C_{jk}}{\sqrt{C_{jj}\, C_{kk}}}

    Parameters
    ----------
    x : array_like, shape (n_variables, N) or (N,)
        Each row a variable (columns with ``rowvar=False``).
    y : array_like, optional
        More variables, appended as rows.
    rowvar : bool
        Whether rows are variables.

    Returns
    -------
    ndarray, shape (n_variables, n_variables)
        Entries clipped to [−1, 1]; 1.0 (a scalar) for a single variable, as NumPy.

    Raises
    ------
    ValueError
        As `cov`.

    Notes
    -----
    *Algorithm*: 1. the covariance matrix (`cov`); 2. divide rows and columns by the
    standard deviations √C_jj; 3. clip rounding excursions beyond ±1.
    *Complexity*: O(p² N). *Numerical stability*: the normalisation is done after
    centring; a constant variable gives nan (0/0), as NumPy.

    References
    ----------
    Wasserman, All of Statistics, §3.3.

    Checked against ``reference.stats.corrcoef`` → ``numpy.corrcoef``.

    Examples
    --------
    >>> corrcoef([[0, 1, 2], [2, 1, 0]])
    array([[ 1., -1.],
           [-1.,  1.]])
    """
    # Step 1
    C = cov(x, y, rowvar)
    if C.ndim == 0:
        with np.errstate(invalid="ignore"):  # nan / nan: NumPy is silent here too
            return C / C
    # Step 2 (a constant variable: 0/0, with NumPy's "invalid value" warning)
    s = np.sqrt(np.diagonal(C))
    R = C / s[:, None] / s[None, :]
    # Step 3
    return np.clip(R, -1, 1)


def _pair(x: ArrayLike, y: ArrayLike, names: tuple[str, str],
          none: type[Exception]) -> tuple[np.ndarray, np.ndarray]:
    """Two paired samples, 1-D and of one length (SciPy converts to float first: text is a
    ValueError)."""
    X, Y = _sample(x, names[0], none=none, parse_text=True), \
        _sample(y, names[1], none=none, parse_text=True)
    if X.ndim != 1 or Y.ndim != 1:
        raise ValueError("x and y must be one-dimensional")
    if X.shape != Y.shape:
        raise ValueError(f"x and y must have the same length: got {X.shape[0]} and {Y.shape[0]}")
    return X, Y


_CONSTANT = "An input array is constant; the correlation coefficient is not defined."


def _is_constant(v: np.ndarray) -> bool:
    return bool(np.all(v == v[0]))


def _centred(v: np.ndarray) -> tuple[np.ndarray, float, float]:
    """v − v̄, its norm ‖v − v̄‖ and v̄. The deviations are scaled by the largest first, so
    that the norm cannot overflow (as SciPy, with the same operations: the same rounding)."""
    v_bar = np.sum(v) / v.shape[0]
    d = v - v_bar
    with np.errstate(divide="ignore", invalid="ignore"):
        d_max = np.max(np.abs(d))
        s = d / d_max
        return d, float(d_max * np.sqrt(s @ s)), float(v_bar)


#: SciPy's threshold for a nearly constant sample: ‖x − x̄‖ < eps^(3/4)·|x̄|.
_NEAR_CONSTANT = float(np.finfo(np.float64).eps) ** 0.75


def _near_constant_warning(*norms_and_means: tuple[float, float]) -> None:
    """SciPy's warning when a sample's deviations from its mean have a norm below
    eps^(3/4)·|mean|: rounding in x − x̄ may dominate r."""
    if any(norm < _NEAR_CONSTANT * abs(m) for norm, m in norms_and_means):
        warnings.warn("An input array is nearly constant; the computed correlation "
                      "coefficient may be inaccurate.", NearConstantInputWarning, stacklevel=3)


def _pearson_r(X: np.ndarray, Y: np.ndarray) -> float:
    """r = ⟨x_c/‖x_c‖, y_c/‖y_c‖⟩ of the deviation vectors (see `_centred`)."""
    xm, nx, _ = _centred(X)
    ym, ny, _ = _centred(Y)
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(np.clip((xm / nx) @ (ym / ny), -1.0, 1.0))


#: Stirling's series log Γ(z) = (z − ½) log z − z + ½ log 2π + S(z) with
#: S(z) = Σ_k B_2k / (2k(2k − 1) z^{2k−1}): eight terms leave < 1e-17 for z ≥ 10.
_STIRLING_S = (1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156,
               -3617 / 122400)
#: Lentz's stand-in for a zero denominator, the fraction's convergence test and its limit
#: (as ``special.betainc``: nan where it does not converge, a ≳ 1e8 near the peak).
_TINY, _EPS, _MAX_TERMS = 1e-300, float(np.finfo(np.float64).eps), 10_000


def _stirling_S(z: float) -> float:
    w, S = 1.0 / (z * z), 0.0
    for c in reversed(_STIRLING_S):
        S = S * w + c
    return S / z


def _log_gamma_half_ratio(a: float) -> float:
    """log G(a), G(a) = Γ(a + ½)/Γ(a), for a = ½, 1, 3/2, … (a half-integer).

    Below 10 by G(½) = 1/√π, G(1) = √π/2 and G(a + 1) = G(a)·(a + ½)/a (≤ 9 products of
    exact arguments); from 10 by Stirling's series for both, the terms of order a log a
    cancelled analytically: log G(a) = ½ log a + (a log1p(1/(2a)) − ½) + S(a + ½) − S(a),
    absolute error ~eps."""
    if a < 10:
        g, k = (1 / math.sqrt(math.pi), 0.5) if a % 1 else (math.sqrt(math.pi) / 2, 1.0)
        while k < a:
            g *= (k + 0.5) / k
            k += 1.0
        return math.log(g)
    return (0.5 * math.log(a) + (a * math.log1p(0.5 / a) - 0.5)
            + _stirling_S(a + 0.5) - _stirling_S(a))


def _null_pvalue(r: float, n: int) -> float:
    """p = 2·I_x(a, a), x = (1 − |r|)/2, a = n/2 − 1 (n ≥ 3): both tails of R ~ Beta(a, a)
    on [−1, 1] beyond ±|r|.

    x ≤ ½ = (a + 1)/(2a + 2), where the continued fraction (DLMF 8.17.22) converges fast:
        I_x(a, a) = x^a (1 − x)^a / (a B(a, a)) · 1/(1 + d₁/(1 + d₂/(1 + …))),
        d_{2m+1} = −(a + m)(2a + m) x / ((a + 2m)(a + 2m + 1)),
        d_{2m} = m (a − m) x / ((a + 2m − 1)(a + 2m)).
    Legendre's duplication Γ(2a) = 2^{2a−1} Γ(a) Γ(a + ½)/√π turns the prefactor into
    x^a (1 − x)^a / B(a, a) = (1 − r²)^a · G(a)/(2√π), G(a) = Γ(a + ½)/Γ(a): its logarithm
    has no terms of order a log a to cancel. The value of ``special.betainc(a, a, x)``, by a
    loop over Python floats: betainc's fraction is vectorised over arrays, at ~50× the cost
    per term for a single entry (its 344 terms at n = 10⁵ took 20 ms)."""
    s = abs(r)
    if s == 1.0 or r != r:  # x = 0: p = 0; a NaN: nan
        return 0.0 if s == 1.0 else math.nan
    a, x = n / 2 - 1, (1.0 - s) / 2
    # log(1 − r²): log1p(−r²) where 1 − r² does not cancel, else from the exact 1 − |r|
    log_1_minus_r2 = math.log1p(-s * s) if s < 0.5 else math.log1p(-s) + math.log1p(s)
    u = a * log_1_minus_r2 + _log_gamma_half_ratio(a) - math.log(2 * math.sqrt(math.pi))
    f, C, D = 1.0, 1.0, 0.0  # the modified Lentz method (Numerical Recipes §5.2)
    for k in range(1, _MAX_TERMS):
        m = k // 2
        if k % 2:
            d_k = -((a + m) / (a + 2 * m)) * ((2 * a + m) / (a + 2 * m + 1)) * x
        else:
            d_k = (m / (a + 2 * m - 1)) * ((a - m) / (a + 2 * m)) * x
        D = 1.0 / ((1.0 + d_k * D) or _TINY)
        C = (1.0 + d_k / C) or _TINY
        f *= C * D
        if abs(C * D - 1.0) <= _EPS:
            break
    else:
        return math.nan
    return min(2.0 * math.exp(u) / (a * f), 1.0)


def _t_two_sided(t: float, df: float) -> float:
    """P(|T| ≥ |t|) for Student's t with df degrees of freedom: I_{df/(df+t²)}(df/2, 1/2)."""
    return float(betainc(df / 2, 0.5, df / (df + t * t))) if np.isfinite(t) else 0.0


def pearsonr(x: ArrayLike, y: ArrayLike) -> PearsonRResult:
    r"""Pearson's correlation coefficient and the two-sided p-value for no correlation.

    .. math:: r = \frac{\sum_i (x_i-\bar x)(y_i-\bar y)}{\sqrt{\sum_i (x_i-\bar x)^2
              \sum_i (y_i-\bar y)^2}}, \qquad
              p = 2\,P(R \ge |r|) = 2\, I_{(1-|r|)/2}\!\left(\tfrac n2 - 1, \tfrac n2 - 1\right)

    Under independent normal x, y the statistic R is Beta(n/2 − 1, n/2 − 1) on [−1, 1];
    by that distribution's symmetry the upper tail at |r| is the lower tail at −|r|.

    Parameters
    ----------
    x, y : array_like, shape (n,)
        Paired observations, n ≥ 2.

    Returns
    -------
    PearsonRResult(statistic, pvalue)
        A pair of floats (``r, p = pearsonr(x, y)``); r = ±1 exactly and p = 1 for n = 2,
        as SciPy.

    Raises
    ------
    ValueError
        Not 1-D, lengths that differ, n < 2, text.
    TypeError
        None or complex numbers.

    Warns
    -----
    ConstantInputWarning
        A constant sample: r and p are nan.
    NearConstantInputWarning
        A sample constant to rounding (‖x − x̄‖ < eps^(3/4)·|x̄|): r may be inaccurate.

    Notes
    -----
    *Algorithm*: 1. r from the normalised deviation vectors (`_centred`); 2. the exact
    null p-value, the regularised incomplete beta function I_x(a, a) by its continued
    fraction (`_null_pvalue`: ``special.betainc``'s method for one scalar, with the
    prefactor simplified by Legendre's duplication formula).
    *Complexity*: O(n), and O(√n) fraction terms. *Numerical stability*: the lower-tail
    form I_{(1−|r|)/2} keeps full relative accuracy for tiny p-values (no 1 − F
    cancellation); measured against mpmath ≤ 1e-13 relative for n ≤ 10⁶.

    References
    ----------
    Kendall & Stuart, The Advanced Theory of Statistics, vol. 2, §16.24 (the null
    distribution of r).

    Checked against ``reference.stats.pearsonr`` → ``scipy.stats.pearsonr`` (statistic,
    pvalue; SciPy's result also offers a confidence interval, not reproduced here).

    Examples
    --------
    >>> res = pearsonr([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])
    >>> r, p = res
    >>> round(float(r), 6), round(float(p), 6)
    (0.774597, 0.124027)
    """
    X, Y = _pair(x, y, ("x", "y"), none=TypeError)
    ft = np.result_type(_float_type(x), _float_type(y)).type  # float32 in, float32 out
    n = X.shape[0]
    if n < 2:
        raise ValueError("`x` and `y` must have length at least 2.")
    if _is_constant(X) or _is_constant(Y):
        warnings.warn(_CONSTANT, ConstantInputWarning, stacklevel=2)
        return PearsonRResult(ft(np.nan), ft(np.nan))
    # Step 1
    xm, nx, x_bar = _centred(X)
    ym, ny, y_bar = _centred(Y)
    _near_constant_warning((nx, x_bar), (ny, y_bar))
    with np.errstate(divide="ignore", invalid="ignore"):
        r = float(np.clip((xm / nx) @ (ym / ny), -1.0, 1.0))
    if n == 2:  # r = ±1 (nan from a NaN or an infinity), p = 1 (nan)
        return PearsonRResult(ft(np.round(r)), ft(1.0 if r == r else np.nan))
    # Step 2: p = 2·I_{(1-|r|)/2}(a, a), a = n/2 − 1
    return PearsonRResult(ft(r), ft(_null_pvalue(r, n)))


def _rank(v: np.ndarray) -> np.ndarray:
    """Ranks 1..n with ties given their average rank (``scipy.stats.rankdata``)."""
    order = np.argsort(v, kind="mergesort")
    s = v[order]
    starts = np.concatenate(([True], s[1:] != s[:-1]))
    run = np.cumsum(starts) - 1
    first = np.flatnonzero(starts)
    last = np.concatenate((first[1:], [v.shape[0]])) - 1
    ranks = np.empty(v.shape[0])
    ranks[order] = (first[run] + last[run]) / 2.0 + 1.0
    return ranks


def spearmanr(a: ArrayLike, b: ArrayLike) -> SignificanceResult:
    r"""Spearman's rank correlation and the two-sided p-value for no association.

    .. math:: \rho = r(\operatorname{rank} x, \operatorname{rank} y), \qquad
              t = \rho \sqrt{\frac{n-2}{1-\rho^2}}, \quad
              p = 2\,P(T_{n-2} \ge |t|) = I_{(n-2)/(n-2+t^2)}\!\left(\tfrac{n-2}{2}, \tfrac12\right)

    Parameters
    ----------
    a, b : array_like, shape (n,)
        Paired observations, n ≥ 2.

    Returns
    -------
    SignificanceResult(statistic, pvalue)
        A pair of floats (``rho, p = spearmanr(a, b)``); nan for n < 2, as SciPy.

    Raises
    ------
    ValueError
        Not 1-D, lengths that differ, None or text.
    TypeError
        Complex numbers.

    Warns
    -----
    ConstantInputWarning
        A constant sample (all values tied): rho and p are nan.

    Notes
    -----
    *Algorithm*: 1. rank each sample (ties get their average rank); 2. Pearson's r of
    the ranks; 3. the t approximation of its null distribution, tail through
    ``special.betainc``.
    *Complexity*: O(n log n). *Numerical stability*: the t tail is evaluated as a lower
    incomplete beta, accurate for small p.

    References
    ----------
    Kendall & Gibbons, Rank Correlation Methods, 5th ed., ch. 2.

    Checked against ``reference.stats.spearmanr`` → ``scipy.stats.spearmanr`` (two 1-D
    samples; SciPy's 2-D and ``axis`` forms are not reproduced).

    Examples
    --------
    >>> res = spearmanr([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])
    >>> r, p = res
    >>> round(float(r), 6), round(float(p), 6)
    (0.820783, 0.088587)
    """
    for v, name in ((a, "a"), (b, "b")):  # SciPy would rank text: numbers only here
        if np.asarray(v).dtype.kind in "USV":
            raise ValueError(f"`{name}` must be an array of numbers, got text")
    # SciPy: a number is a sample of one; None is refused with ValueError
    X, Y = _pair(np.atleast_1d(_sample(a, "a", none=ValueError)),
                 np.atleast_1d(_sample(b, "b", none=ValueError)), ("a", "b"), none=ValueError)
    n = X.shape[0]
    if n < 2:  # no correlation from fewer than two pairs: nan, as SciPy (no warning)
        return SignificanceResult(math.nan, math.nan)
    if _is_constant(X) or _is_constant(Y):  # ties throughout: no ranks to correlate
        warnings.warn(_CONSTANT, ConstantInputWarning, stacklevel=2)
        return SignificanceResult(math.nan, math.nan)
    if np.isnan(X).any() or np.isnan(Y).any():  # SciPy's nan_policy='propagate'
        return SignificanceResult(math.nan, math.nan)
    # Step 1-2
    rho = np.float64(_pearson_r(_rank(X), _rank(Y)))
    # Step 3: SciPy's t form, with t = ±inf at |rho| = 1
    df = n - 2
    if df == 0:
        return SignificanceResult(rho, np.float64(np.nan))
    with np.errstate(divide="ignore", invalid="ignore"):
        t = rho * np.sqrt(df / ((rho + 1.0) * (1.0 - rho)))
    p = _t_two_sided(float(t), df) if not np.isnan(t) else math.nan
    return SignificanceResult(rho, np.float64(p))


# --- histogram --------------------------------------------------------------------------------

#: NumPy's rules for the number of equal-width bins, by name
_BIN_RULES = ("auto", "fd", "doane", "scott", "stone", "rice", "sturges", "sqrt")


def _estimated_bin_count(sample: np.ndarray, rule: str, lo: Any, hi: Any, integer: bool) -> int:
    """The number of equal bins over [lo, hi] that a bin-width rule gives for the part of
    `sample` inside [lo, hi], ⌈(hi − lo) / h⌉ (1 where h is 0 or the part is empty).

    Each width h is computed as NumPy computes it, in the sample's own floating type
    (float64 for integers, whose width is at least 1), so that the count is NumPy's.
    """
    x = sample[(sample >= lo) & (sample <= hi)]
    n = x.size
    if n == 0:
        return 1
    ptp = x.max() - x.min()

    def spread() -> Any:
        # the standard deviation summed as NumPy's `std` sums, in the sample's own type
        # (not `std` above, which computes in float64: a float32 width one ulp apart can
        # change ⌈(hi − lo)/h⌉)
        d = x - np.sum(x) / n
        return np.sqrt(np.sum(d * d) / n)

    def sturges() -> Any:  # log2(n) + 1 bins (a binomial approximation of the normal)
        return ptp / (np.log2(n) + 1.0)

    def sqrt() -> Any:  # √n bins
        return ptp / np.sqrt(n)

    def fd() -> Any:  # Freedman–Diaconis: 2·IQR·n^(−1/3)
        q75, q25 = percentile(x, [75, 25])
        return 2.0 * (q75 - q25) * n ** (-1.0 / 3.0)

    def doane() -> Any:  # Sturges corrected by the sample's skewness g₁
        if n <= 2:
            return 0.0
        s = spread()
        if not s > 0.0:
            return 0.0
        g1 = np.sum(((x - np.sum(x) / n) / s) ** 3) / n
        sg1 = np.sqrt(6.0 * (n - 2) / ((n + 1.0) * (n + 3)))
        return ptp / (1.0 + np.log2(n) + np.log2(1.0 + np.absolute(g1) / sg1))

    def stone() -> Any:  # minimise the cross-validated integrated squared error over 1..K bins
        if n <= 1 or ptp == 0:
            return 0
        most = max(100, int(np.sqrt(n)))
        x64, best, best_risk = x.astype(np.float64), 1, math.inf
        for m in range(1, most + 1):  # the first best, as Python's `min` picks it
            p = _count_uniform(x64, np.linspace(lo, hi, m + 1, dtype=x.dtype).astype(np.float64),
                               m) / n  # the share of the sample in each of m bins
            risk = (2 - (n + 1) * (p @ p)) / (ptp / m)
            if risk < best_risk:
                best, best_risk = m, risk
        if best == most:
            warnings.warn("The number of bins estimated may be suboptimal.", RuntimeWarning,
                          stacklevel=4)
        return ptp / best

    rules = {"sturges": sturges, "sqrt": sqrt, "fd": fd, "doane": doane, "stone": stone,
             "rice": lambda: ptp / (2.0 * n ** (1.0 / 3)),  # 2·n^(1/3) bins
             "scott": lambda: (24.0 * np.pi ** 0.5 / n) ** (1.0 / 3.0) * spread(),
             # the smaller of Sturges' and FD's widths, FD's held to at least half of √n's
             "auto": lambda: min(max(fd(), sqrt() / 2), sturges())}
    h = rules[rule]()
    if not h:
        return 1
    if integer and h < 1:  # integers: no bin narrower than 1
        h = 1
    return int(np.ceil((hi - lo) / h))


def _edges(x: np.ndarray, bins: int | str | ArrayLike, range: tuple[float, float] | None,
           ft: np.dtype, sample: np.ndarray) -> tuple[np.ndarray, bool]:
    """Bin edges, and whether they are equally spaced (NumPy's rules; equal-width edges of
    the sample's floating type `ft`, spaced in its arithmetic as NumPy does). `sample` is the
    flattened sample in its own type, for the bin-width rules."""
    if isinstance(bins, str) and bins not in _BIN_RULES:
        raise ValueError(f"{bins!r} is not a valid estimator for `bins`: one of "
                         f"{', '.join(map(repr, _BIN_RULES))}, a number of bins or their edges")
    if isinstance(bins, str) or np.ndim(bins) == 0:
        if not isinstance(bins, str):
            try:  # an integer (NumPy refuses 3.0, nan and inf alike)
                n_bins = operator.index(cast(int, bins))
            except TypeError:
                raise TypeError("`bins` must be an integer, a string, or an array") from None
            if n_bins < 1:
                raise ValueError("`bins` must be positive, when an integer")
        if range is not None:
            lo, hi = range  # NumPy unpacks it too: a ValueError or TypeError otherwise
            if np.ndim(lo) or np.ndim(hi) or np.iscomplexobj(lo) or np.iscomplexobj(hi):
                raise ValueError("`range` must be a pair of real numbers (min, max)")
            lo, hi = float(lo), float(hi)
            kind = "supplied"
        else:  # the sample's extent, of its type ([0, 1] for an empty sample, as NumPy)
            lo, hi = (ft.type(np.min(x)), ft.type(np.max(x))) if x.size else (0.0, 1.0)
            kind = "autodetected"
        if not (math.isfinite(lo) and math.isfinite(hi)):  # a NaN or inf has no bin
            raise ValueError(f"{kind} range of [{float(lo)}, {float(hi)}] is not finite")
        if lo > hi:
            raise ValueError("max must be larger than min in range parameter.")
        if lo == hi:
            lo, hi = lo - 0.5, hi + 0.5
        if isinstance(bins, str):
            n_bins = _estimated_bin_count(x if sample.dtype.kind != "f" else sample, bins, lo,
                                          hi, sample.dtype.kind in "iub")
        e = np.linspace(lo, hi, n_bins + 1, dtype=ft)
        if np.any(e[:-1] >= e[1:]):  # more bins than numbers of `ft` in the range
            raise ValueError(f"Too many bins for data range. Cannot create {n_bins} "
                             f"finite-sized bins.")
        return e, True
    e = as_float_array(bins).astype(_float_type(bins))  # the edges keep their floating type
    if e.ndim != 1 or np.any(e[:-1] > e[1:]):
        raise ValueError("`bins` must increase monotonically, when an array")
    return e, False


def histogram(a: ArrayLike, bins: int | ArrayLike = 10,
              range: tuple[float, float] | None = None,
              density: bool | None = None) -> tuple[NDArray, NDArray[np.float64]]:
    r"""Counts of a sample in consecutive bins (half-open, the last one closed).

    .. math:: h_k = \#\{i : e_k \le x_i < e_{k+1}\}, \ k < K-1;\quad
              h_{K-1} = \#\{i : e_{K-1} \le x_i \le e_K\}

    With ``density=True`` the counts become h_k / (n_in · (e_{k+1} − e_k)), a density that
    integrates to 1 over the bins.

    Parameters
    ----------
    a : array_like
        The sample (flattened).
    bins : int, str or array_like
        The number of equal-width bins over `range`, the edges (increasing), or the name of
        a rule for the bin width h (NumPy's), giving ⌈(max − min) / h⌉ equal bins:
        'sqrt' (√n bins), 'sturges' (log₂ n + 1), 'rice' (2·n^(1/3)), 'scott'
        (h = (24√π / n)^(1/3)·σ), 'fd' (Freedman–Diaconis, h = 2·IQR·n^(−1/3)), 'doane'
        (Sturges corrected by the skewness), 'stone' (the number of bins up to
        max(100, √n) that minimises a cross-validated squared error) or 'auto' (the smaller
        of the 'sturges' and 'fd' widths, 'fd' held to at least half the 'sqrt' width).
    range : (float, float), optional
        Lower and upper edge for integer `bins` (default: the sample's min and max);
        values outside are ignored.
    density : bool, optional
        Return a probability density instead of counts.

    Returns
    -------
    hist : ndarray, shape (K,)
        int64 counts (float64 with density).
    bin_edges : ndarray, shape (K + 1,)

    Raises
    ------
    ValueError
        A bin count below 1, decreasing edges, min > max in `range`, an unknown rule, more
        bins than the range holds floating point numbers.
    TypeError
        A bin count that is not an integer (3.0, nan); None, text or complex numbers.

    Notes
    -----
    *Algorithm*: 1. the edges (equal width: ``linspace``, widened by ±0.5 for a constant
    sample; for a rule, its width h from the sample inside the range); 2. equal width: the
    bin index ⌊(x − e₀)·K/(e_K − e₀)⌋, corrected by one where rounding put x on the wrong side
    of an edge (NumPy's rule); given edges: binary search; 3. count per bin; 4. normalise for
    a density.
    *Complexity*: O(n) for equal bins (O(n log n) for 'fd' and 'auto', O(n·max(100, √n))
    for 'stone'), O(n log K) for edges. *Numerical stability*: the
    edge correction makes each count agree with the comparison x < e_{k+1} exactly.

    References
    ----------
    Scott, Multivariate Density Estimation, 2nd ed., §3.1 (the histogram).

    Checked against ``reference.stats.histogram`` → ``numpy.histogram``.

    Examples
    --------
    >>> histogram([1, 2, 2, 3, 3, 3], bins=3)
    (array([1, 2, 3]), array([1.        , 1.66666667, 2.33333333, 3.        ]))
    """
    x = _sample(a).reshape(-1)
    # Step 1
    e, uniform = _edges(x, bins, range, _float_type(a), np.asarray(a).reshape(-1))
    K = e.shape[0] - 1
    # Step 2-3 (counted against the edges returned, in float64)
    e64 = e.astype(np.float64, copy=False)
    h = _count_uniform(x, e64, K) if uniform else _count_edges(x, e64)
    # Step 4
    if density:
        return h / np.diff(e64) / np.sum(h), e
    return h, e


def _count_uniform(x: np.ndarray, e: np.ndarray, K: int) -> np.ndarray:
    x = x[(x >= e[0]) & (x <= e[-1])]
    k = ((x - e[0]) * (K / (e[-1] - e[0]))).astype(np.intp)
    k[k == K] -= 1
    # rounding in the scaled index can land one bin off: compare with the edges themselves
    k[x < e[k]] -= 1
    k[(x >= e[k + 1]) & (k != K - 1)] += 1
    return np.bincount(k, minlength=K).astype(np.int64)


def _count_edges(x: np.ndarray, e: np.ndarray) -> np.ndarray:
    s = np.sort(x)
    cum = np.concatenate((np.searchsorted(s, e[:-1], "left"), np.searchsorted(s, e[-1:], "right")))
    return np.diff(cum).astype(np.int64)
