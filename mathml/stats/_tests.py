"""Hypothesis tests from scratch: Student's t-tests and the chi-square test of independence.

The counterparts of ``scipy.stats.ttest_1samp``, ``ttest_ind`` and ``chi2_contingency``.
The p-values come from the t and chi-square distributions' tails written through the
regularised incomplete beta and gamma functions of `mathml.special`:

    P(|T_ν| ≥ |t|) = I_{ν/(ν+t²)}(ν/2, 1/2),        P(χ²_k ≥ x) = Q(k/2, x/2),

both evaluated as the small tail itself (never 1 − F), so tiny p-values keep their
relative accuracy.
"""
from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._result import ResultTuple
from ..special import betainc, gammaincc
from ._descriptive import (_float_type, _last, _precision_warning, _quantile_type, _sample,
                           _scipy_axis, _too_small)

__all__ = ["ttest_1samp", "ttest_ind", "chi2_contingency"]

_ALTERNATIVES = ("two-sided", "less", "greater")


class TtestResult(ResultTuple):
    """``scipy.stats``' t-test result: ``t, p = ttest_ind(a, b)``, and the degrees of
    freedom as the attribute ``df`` (SciPy's also has a ``confidence_interval`` method,
    not reproduced)."""

    _fields = ("statistic", "pvalue")
    _extra_fields = ("df",)
    statistic: Any
    pvalue: Any
    df: Any


class Chi2ContingencyResult(ResultTuple):
    """``scipy.stats.chi2_contingency``'s result: four fields, all in the tuple."""

    _fields = ("statistic", "pvalue", "dof", "expected_freq")
    statistic: Any
    pvalue: Any
    dof: int
    expected_freq: NDArray[np.float64]


def _t_pvalue(t: NDArray, df: NDArray, alternative: str) -> NDArray:
    """The p-value of t under Student's t with df degrees of freedom."""
    if alternative not in _ALTERNATIVES:
        raise ValueError(f"alternative must be one of {_ALTERNATIVES}, got {alternative!r}")
    with np.errstate(divide="ignore", invalid="ignore"):
        # P(|T| ≥ |t|) through the incomplete beta; t = ±inf gives x = 0, p = 0
        both = betainc(df / 2, 0.5, np.where(np.isinf(t), 0.0, df / (df + t * t)))
    if alternative == "two-sided":
        return np.minimum(both, 1.0)
    upper = np.where(t > 0, both / 2, 1 - both / 2)  # P(T ≥ t)
    return upper if alternative == "greater" else np.where(t < 0, both / 2, 1 - both / 2)


def _scalar(x, dtype: Any = None):
    """`x` of floating type `dtype` (where given), a NumPy scalar when 0-d."""
    x = np.asarray(x) if dtype is None else np.asarray(x).astype(dtype)
    return x[()] if x.ndim == 0 else x


def _moments(x: np.ndarray, axis: int | None) -> tuple[np.ndarray, np.ndarray, int]:
    """Mean and unbiased variance (ddof 1, two-pass) along the axis, and n."""
    y = _last(x, axis)
    n = y.shape[-1]
    _precision_warning(y)
    # n = 1: no variance, nan as SciPy; an infinity: inf − inf, nan as SciPy
    with np.errstate(invalid="ignore", divide="ignore"):
        m = np.sum(y, axis=-1) / n
        d = y - m[..., None]
        return m, np.sum(d * d, axis=-1) / (n - 1), n


def ttest_1samp(a: ArrayLike, popmean: ArrayLike, axis: int | None = 0, *,
                alternative: str = "two-sided") -> TtestResult:
    r"""One-sample t-test: is the mean of `a` equal to `popmean`?

    .. math:: t = \frac{\bar x - \mu_0}{s/\sqrt n}, \quad s^2 = \frac{1}{n-1}\sum_i
              (x_i - \bar x)^2, \quad \nu = n - 1, \quad
              p = P(|T_\nu| \ge |t|) = I_{\nu/(\nu+t^2)}\!\left(\tfrac\nu2, \tfrac12\right)

    Parameters
    ----------
    a : array_like
        The sample, any shape.
    popmean : float or array_like
        The mean under the null hypothesis (broadcast against the reduced shape).
    axis : int or None
        Axis of the observations (default 0); None uses the flattened array.
    alternative : {'two-sided', 'less', 'greater'}
        The alternative hypothesis about the mean.

    Returns
    -------
    TtestResult(statistic, pvalue, df=df)
        ``t, p = ttest_1samp(a, popmean)``; ``df`` is an attribute. Each of `a`'s shape
        without `axis` (scalars for 1-D input); df is an integer (nan where a NaN
        propagates). One observation: t and p are nan, df is 0, as SciPy.

    Raises
    ------
    ValueError
        An unknown alternative.
    TypeError
        None, text or complex numbers.

    Warns
    -----
    SmallSampleWarning
        No observations: t, p and df are nan, as SciPy.
    RuntimeWarning
        A sample constant to rounding (SciPy's "Precision loss occurred in moment
        calculation").

    Notes
    -----
    *Algorithm*: 1. mean and unbiased variance (two-pass); 2. t = (x̄ − μ₀)/√(s²/n);
    3. the tail of Student's t through ``special.betainc`` (one-sided: half of it, or its
    complement).
    *Complexity*: O(n). *Numerical stability*: the two-sided tail is the incomplete beta
    itself, accurate for p down to the underflow threshold.

    References
    ----------
    Casella & Berger, Statistical Inference, 2nd ed., §8.2 and §5.3 (Student's t);
    Abramowitz & Stegun 26.7.1 (the t tail as an incomplete beta).

    Checked against ``reference.stats.ttest_1samp`` → ``scipy.stats.ttest_1samp``
    (statistic, pvalue, df; SciPy's confidence interval is not reproduced).

    Examples
    --------
    >>> res = ttest_1samp([1.0, 2.0, 3.0, 5.0], 2.0)
    >>> round(float(res.statistic), 6), round(float(res.pvalue), 6), int(res.df)
    (0.87831, 0.444438, 3)
    """
    _scipy_axis(axis)
    x, mu = _aligned(np.atleast_1d(_sample(a)), _sample(popmean, "popmean", parse_text=True), axis)
    if alternative not in _ALTERNATIVES:
        raise ValueError(f"alternative must be one of {_ALTERNATIVES}, got {alternative!r}")
    ft = _quantile_type(a, popmean)  # SciPy's floating type: float32 in, float32 out
    if _too_small(_last(x, axis)) or (mu.size == 0 and _too_small(mu.reshape(-1))):
        nan = _scalar(np.full(_last(x, axis).shape[:-1], np.nan), ft)  # as SciPy
        return TtestResult(nan, nan, df=nan)
    mu = _squeezed(mu, axis)
    # Step 1
    m, s2, n = _moments(x, axis)
    # Step 2 (n = 1: s² is nan, and so are t and p; df = 0 as SciPy)
    with np.errstate(divide="ignore", invalid="ignore"):
        t = (m - mu) / np.sqrt(s2 / n)
    df = _df_nan_where_nan(np.full(np.shape(t), n - 1, dtype=np.int64), axis, x, popmean=mu)
    # Step 3
    p = _t_pvalue(t, df.astype(np.float64), alternative)
    # df: an integer, or of the floating type where a NaN made it nan
    return TtestResult(_scalar(t, ft), _scalar(p, ft),
                       df=_scalar(df, None if df.dtype.kind == "i" else ft))


def _aligned(x: np.ndarray, y: np.ndarray,
             axis: int | None) -> tuple[np.ndarray, np.ndarray]:
    """SciPy's alignment of two samples: both flattened for axis=None, else ones prepended
    to the shorter shape, and the shapes without `axis` broadcastable."""
    if axis is None:
        return x.reshape(-1), y.reshape(-1)
    ndim = max(x.ndim, y.ndim)
    x, y = (v.reshape((1,) * (ndim - v.ndim) + v.shape) for v in (x, y))
    try:
        np.broadcast_shapes(np.delete(x.shape, axis), np.delete(y.shape, axis))
    except ValueError:
        raise ValueError("Array shapes are incompatible for broadcasting.") from None
    return x, y


def _squeezed(mu: np.ndarray, axis: int | None) -> np.ndarray:
    """popmean without its (aligned) axis, which must have length 1, as SciPy's."""
    if mu.ndim and (mu.shape[-1 if axis is None else axis] != 1):
        raise ValueError("`popmean.shape[axis]` must equal 1.")
    return mu.reshape(()) if axis is None else np.squeeze(mu, axis)


def _df_nan_where_nan(df: np.ndarray, axis: int | None, *samples: np.ndarray,
                      popmean: np.ndarray | None = None) -> np.ndarray:
    """SciPy propagates a NaN (observation or popmean) to every output, df too."""
    has_nan = np.zeros(df.shape, dtype=bool) if popmean is None else \
        np.broadcast_to(np.isnan(popmean), df.shape)
    for x in samples:
        has_nan = has_nan | np.isnan(_last(x, axis)).any(axis=-1)
    return np.where(has_nan, np.nan, df) if has_nan.any() else df


def ttest_ind(a: ArrayLike, b: ArrayLike, *, axis: int | None = 0, equal_var: bool = True,
              alternative: str = "two-sided") -> TtestResult:
    r"""Two-sample t-test: do two independent samples have the same mean?

    .. math:: t = \frac{\bar x_1 - \bar x_2}{\sqrt{s_p^2 (1/n_1 + 1/n_2)}},\
              s_p^2 = \frac{(n_1-1)s_1^2 + (n_2-1)s_2^2}{n_1+n_2-2},\ \nu = n_1 + n_2 - 2

    and with ``equal_var=False`` (Welch):

    .. math:: t = \frac{\bar x_1 - \bar x_2}{\sqrt{v_1 + v_2}},\ v_i = s_i^2/n_i,\quad
              \nu = \frac{(v_1 + v_2)^2}{v_1^2/(n_1-1) + v_2^2/(n_2-1)}
              \ \text{(Welch–Satterthwaite)}

    Parameters
    ----------
    a, b : array_like
        The two samples; equal shapes except along `axis`.
    axis : int or None
        Axis of the observations (default 0); None flattens both.
    equal_var : bool
        True: pooled variance (Student); False: Welch's test.
    alternative : {'two-sided', 'less', 'greater'}
        The alternative about mean(a) − mean(b).

    Returns
    -------
    TtestResult(statistic, pvalue, df=df)
        ``t, p = ttest_ind(a, b)``; ``df`` is an attribute. Each of the reduced shape
        (scalars for 1-D input); df is a float, as SciPy. Too few observations for the
        variances (pooled: n₁ + n₂ < 3; Welch: a sample of one) give nan t and p.

    Raises
    ------
    ValueError
        An unknown alternative; text (SciPy converts to float first).
    TypeError
        None or complex numbers.

    Warns
    -----
    SmallSampleWarning
        An empty sample: t, p and df are nan, as SciPy.
    RuntimeWarning
        A sample constant to rounding, as `ttest_1samp`.

    Notes
    -----
    *Algorithm*: 1. means and unbiased variances of each sample; 2. the pooled or Welch
    standard error and degrees of freedom; 3. t and its tail through ``special.betainc``
    (non-integer ν is fine there).
    *Complexity*: O(n₁ + n₂). *Numerical stability*: two-pass variances; the tail as in
    `ttest_1samp`.

    References
    ----------
    Casella & Berger, Statistical Inference, 2nd ed., §8.3 (and exercise 8.42, Welch);
    Welch, Biometrika 34 (1947).

    Checked against ``reference.stats.ttest_ind`` → ``scipy.stats.ttest_ind``.

    Examples
    --------
    >>> res = ttest_ind([1.0, 2.0, 3.0, 5.0], [2.0, 4.0, 6.0], equal_var=False)
    >>> round(float(res.statistic), 6), round(float(res.pvalue), 6), round(float(res.df), 6)
    (-0.870388, 0.43332, 3.990094)
    """
    _scipy_axis(axis)
    x1, x2 = _aligned(np.atleast_1d(_sample(a, parse_text=True)),  # SciPy: text to float
                      np.atleast_1d(_sample(b, "b", parse_text=True)), axis)
    if alternative not in _ALTERNATIVES:
        raise ValueError(f"alternative must be one of {_ALTERNATIVES}, got {alternative!r}")
    y1, y2 = _last(x1, axis), _last(x2, axis)
    ft = np.result_type(_float_type(a), _float_type(b))  # float32 in, float32 out
    if y1.shape[-1] == 0 or y2.shape[-1] == 0:  # an empty sample: nan, as SciPy
        _too_small(y1 if y1.shape[-1] == 0 else y2)
        nan = _scalar(np.full(np.broadcast_shapes(y1.shape[:-1], y2.shape[:-1]), np.nan), ft)
        return TtestResult(nan, nan, df=nan)
    # Step 1
    m1, s1, n1 = _moments(x1, axis)
    m2, s2, n2 = _moments(x2, axis)
    # Step 2 (too few observations for a variance: t, p nan, as SciPy)
    with np.errstate(divide="ignore", invalid="ignore"):
        if equal_var:
            df = np.asarray(n1 + n2 - 2.0)
            # a sample of one has no variance (0/0) and adds nothing to the pooled one
            s1, s2 = (np.zeros_like(s) if k == 1 else s for s, k in ((s1, n1), (s2, n2)))
            sp2 = ((n1 - 1) * s1 + (n2 - 1) * s2) / df
            se = np.sqrt(sp2 * (1.0 / n1 + 1.0 / n2))
        else:
            v1, v2 = s1 / n1, s2 / n2
            df = (v1 + v2) ** 2 / (v1 ** 2 / (n1 - 1) + v2 ** 2 / (n2 - 1))
            # both variances 0: df is 0/0, but t is ±inf or nan whatever df is; SciPy sets 1
            df = np.where(np.isnan(df), 1.0, df)
            se = np.sqrt(v1 + v2)
        # Step 3
        t = (m1 - m2) / se
    df = _df_nan_where_nan(np.broadcast_to(df, np.shape(t)).astype(np.float64), axis, x1, x2)
    p = _t_pvalue(t, df, alternative)
    return TtestResult(_scalar(t, ft), _scalar(p, ft), df=_scalar(df, ft))


def chi2_contingency(observed: ArrayLike, correction: bool = True) -> Chi2ContingencyResult:
    r"""Chi-square test of independence of the variables of a contingency table.

    .. math:: E = \frac{\prod_k O_{\cdot k}}{N^{d-1}} \ (\text{products of the marginal
              sums}),\quad X^2 = \sum \frac{(O - E)^2}{E},\quad
              k = \prod_i r_i - \sum_i r_i + d - 1,\quad p = Q(k/2, X^2/2)

    For one degree of freedom with ``correction=True``, Yates' continuity correction
    first moves each O toward E by min(0.5, |O − E|).

    Parameters
    ----------
    observed : array_like, shape (r_1, ..., r_d)
        Observed frequencies (nonnegative), one axis per variable.
    correction : bool
        Apply Yates' correction when the degrees of freedom are 1.

    Returns
    -------
    Chi2ContingencyResult(statistic, pvalue, dof, expected_freq)
        X², its p-value, the degrees of freedom (int) and the expected frequencies
        (float array of `observed`'s shape). With dof = 0: statistic 0, p-value 1.

    Raises
    ------
    ValueError
        A negative entry; an empty table; a zero expected frequency (an empty row or
        column).

    Notes
    -----
    *Algorithm*: 1. the marginal sums along every axis and the expected frequencies as
    their broadcast product over N^{d−1}; 2. the degrees of freedom; 3. Yates' correction
    where it applies; 4. Pearson's X²; 5. the chi-square upper tail through
    ``special.gammaincc`` (the regularised upper incomplete gamma, accurate in the tail).
    *Complexity*: O(size). *Numerical stability*: the tail is computed directly (no 1 − P).

    References
    ----------
    Agresti, Categorical Data Analysis, 3rd ed., §3.2 (X² and its degrees of freedom)
    and §3.5 (Yates); Abramowitz & Stegun 26.4.19 (the chi-square tail as Q(k/2, x/2)).

    Checked against ``reference.stats.chi2_contingency`` → ``scipy.stats.chi2_contingency``
    (Pearson's statistic; SciPy's ``lambda_`` family is not reproduced).

    Examples
    --------
    >>> res = chi2_contingency([[10, 20], [30, 25]])
    >>> round(float(res.statistic), 6), round(float(res.pvalue), 6), res.dof
    (2.706155, 0.099962, 1)
    """
    O = _sample(observed, "observed")
    if O.ndim == 0:  # SciPy fails with a TypeError too (no axis to sum over)
        raise TypeError("`observed` must be a table: an array of at least one dimension")
    if O.size == 0:
        raise ValueError("No data; `observed` has size 0.")
    if np.any(O < 0):
        raise ValueError("All values in `observed` must be nonnegative.")
    # Step 1
    E = _expected_freq(O)
    if np.any(E == 0):
        where = tuple(int(i) for i in np.argwhere(E == 0)[0])
        raise ValueError(f"The internally computed table of expected frequencies has a zero "
                         f"element at {where}.")
    # Step 2
    dof = int(O.size - sum(O.shape) + O.ndim - 1)
    if dof == 0:  # Python floats here, as SciPy
        return Chi2ContingencyResult(0.0, 1.0, 0, E)
    # Step 3
    if dof == 1 and correction:
        O = O + np.minimum(0.5, np.abs(E - O)) * np.sign(E - O)
    # Step 4
    X2 = np.sum((O - E) ** 2 / E)
    # Step 5
    return Chi2ContingencyResult(X2, np.float64(gammaincc(dof / 2, X2 / 2)), dof, E)


def _expected_freq(O: np.ndarray) -> np.ndarray:
    """Product of the marginal sums (each broadcast along its own axis) over N^(d−1)."""
    N = np.sum(O)
    E = np.ones(O.shape)
    for k in range(O.ndim):
        others = tuple(j for j in range(O.ndim) if j != k)
        E = E * np.sum(O, axis=others, keepdims=True)
    return E / N ** (O.ndim - 1)
