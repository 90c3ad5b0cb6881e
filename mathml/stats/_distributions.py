"""Probability distributions with SciPy's API: `norm`, `uniform`, `expon`, `gamma`, `beta`,
`bernoulli`, `binom`, `poisson`, `multivariate_normal`.

How it is built (SciPy's design, ``scipy.stats._distn_infrastructure``):

- Each distribution is a subclass implementing the *standardised* distribution only —
  ``_logpdf(z)`` (or ``_logpmf(k)``), ``_cdf``, ``_sf``, ``_ppf``, ``_isf``, ``_stats``
  (mean, variance), ``_entropy``, ``_rvs`` — for loc = 0, scale = 1. The base classes
  `_Continuous` and `_Discrete` derive the located and scaled versions *once*:
  z = (x − loc)/scale, pdf(x) = exp(logpdf(x)), logpdf(x) = _logpdf(z) − log(scale),
  cdf(x) = _cdf(z), ppf(q) = loc + scale·_ppf(q), mean = loc + scale·m, var = scale²·v,
  entropy = h + log(scale). Discrete distributions have loc only.
- The public names are instances, used as SciPy's are: ``norm(loc=1, scale=2)`` returns a
  *frozen* distribution with methods ``pdf(x)``, ``cdf(x)``, …, ``rvs(size, random_state)``;
  ``norm.pdf(x, loc=1, scale=2)`` is the same call unfrozen (it freezes, then calls).
  ``norm.fit(data)`` returns the maximum-likelihood parameters as SciPy's ``fit`` does.
- Invalid parameters (scale ≤ 0, p ∉ [0, 1], a ≤ 0, a non-integer n): every method returns
  nan, as SciPy; `rvs` raises ValueError (scale = 0 is allowed there: the variates are loc).
  loc is not checked, as in SciPy: an infinite loc moves every point to one end of the
  support (``norm(loc=inf).pdf(0)`` = 0), a NaN loc gives nan; an infinite scale is valid.
  The masks are SciPy's, method by method (which end of the support gives 0 or 1, where
  nan wins); shape computations never run on invalid shapes (a stand-in is masked).
- ``random_state``: SciPy's convention — None is NumPy's global RandomState, an int seeds a
  new ``numpy.random.RandomState``, a RandomState or a ``Generator`` is used as is.
  Variates come from its uniform draws only (see `_sampling`): for uniform, expon and
  bernoulli these are NumPy's own samplers, so a seed gives SciPy's very numbers; the
  other distributions are compared with SciPy statistically. ``size`` is checked as NumPy
  checks it (a float or bool size is a TypeError); one discrete variate is a Python int.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .. import special
from .._docstrings import fill_doc
from .._validation import as_float_array
from ..exceptions import LinAlgError
from ..linalg import cholesky, eigh
from ..special import _erfinv_core, _log_erfc
from ..special import _incomplete_gamma
from ..special import _log_beta as _special_log_beta
from . import _sampling

__all__ = ["norm", "uniform", "expon", "gamma", "beta", "bernoulli", "binom", "poisson",
           "multivariate_normal"]

EPS = float(np.finfo(np.float64).eps)
LOG_SQRT_2PI = 0.5 * math.log(2.0 * math.pi)
SQRT2 = math.sqrt(2.0)
MAX_NEWTON = 100
POISSON_LAM_MAX = 9.223372006484771e18  # NumPy's: 2⁶³ − 10·√(2⁶³), so rvs fit an int64
#: From this mean on, Poisson variates by PTRS: the sequential search needs F(k₀) from the
#: incomplete gamma function, whose cost and error grow with its arguments.
PTRS_MIN = 1e4
MAX_DOUBLINGS = 1100  # 2·hi + 1 overflows a float after ~1024 doublings


def _out(y: Any) -> Any:
    y = np.asarray(y)
    return y[()] if y.ndim == 0 else y


def _real(v: Any, name: str) -> NDArray[np.float64]:
    """`v` as a float64 array. Strings, None and other objects raise TypeError (SciPy's
    arithmetic raises its UFuncTypeError, a TypeError, on them); so does complex input,
    which SciPy silently evaluates on (the reference wrapper refuses it as mathml does);
    a ragged list raises NumPy's ValueError."""
    arr = np.asarray(v)
    if arr.dtype.kind in "USO" or arr.dtype.kind == "V":
        raise TypeError(f"{name} must be numeric (an array of numbers), got "
                        f"{type(v).__name__} {v!r:.40}")
    if arr.dtype.kind == "c":
        raise TypeError(f"complex input is not supported: pass a real array for {name}")
    return arr.astype(np.float64, copy=False)


def _domain_error(name: str) -> ValueError:
    return ValueError("Domain error in arguments. The `scale` parameter must be positive for "
                      "all distributions, and many distributions have restrictions on shape "
                      f"parameters. Please see the `mathml.stats.{name}` docstring for details.")


# ---------------------------------------------------------------------------------------
# The sections every distribution's docstring shares (filled in by `fill_doc`)
# ---------------------------------------------------------------------------------------

_RETURNS_CONTINUOUS = """
    Returns
    -------
    rv_frozen
        The frozen distribution; its methods take x (or q) array_like of any shape
        broadcasting with the parameters and return float64 (a scalar for scalar input);
        ``rvs`` returns float64 variates of shape `size` (the parameters' shape when None).
    """

_RAISES_CONTINUOUS = """
    Raises
    ------
    ValueError
        From ``rvs`` with invalid parameters (other methods return nan instead); from
        ``fit`` on an empty sample, non-finite data or data outside the support.
    TypeError
        For complex input.
    """

_RETURNS_DISCRETE = """
    Returns
    -------
    rv_frozen
        The frozen distribution; its methods take k (or q) array_like of any shape
        broadcasting with the parameters and return float64 (a scalar for scalar input);
        ``rvs`` returns int64 variates of shape `size` (the parameters' shape when None).
    """

_RAISES_DISCRETE = """
    Raises
    ------
    ValueError
        From ``rvs`` with invalid parameters (other methods return nan instead).
    TypeError
        For complex input.
    """


# ---------------------------------------------------------------------------------------
# The frozen distribution and the two base classes
# ---------------------------------------------------------------------------------------

class rv_frozen:
    """A distribution with its parameters fixed: ``norm(loc=1, scale=2)``.

    Methods as SciPy's frozen distributions: ``pdf``/``pmf``, ``logpdf``/``logpmf``,
    ``cdf``, ``logcdf``, ``sf``, ``ppf``, ``isf``, ``mean``, ``var``, ``std``,
    ``entropy``, ``rvs(size=None, random_state=None)``.
    """

    def __init__(self, dist: _Distribution, shapes: tuple, loc: Any, scale: Any):
        self.dist, self.shapes, self.loc, self.scale = dist, shapes, loc, scale

    def __repr__(self) -> str:
        return f"<mathml.stats.{self.dist.name} frozen: shapes={self.shapes}, " \
               f"loc={self.loc}, scale={self.scale}>"

    def _call(self, method: str, *args: Any) -> Any:
        return getattr(self.dist, method)(self.shapes, self.loc, self.scale, *args)

    def logpdf(self, x: ArrayLike) -> Any:
        """log f(x), the log-density (log-pmf for a discrete distribution) at `x`."""
        return self._call("_located_logpdf", x)

    def pdf(self, x: ArrayLike) -> Any:
        """f(x), the density (the pmf P(X = k) for a discrete distribution) at `x`."""
        return self._call("_located_pdf", x)

    logpmf, pmf = logpdf, pdf

    def cdf(self, x: ArrayLike) -> Any:
        """F(x) = P(X ≤ x)."""
        return self._call("_located_cdf", x)

    def logcdf(self, x: ArrayLike) -> Any:
        """log F(x) (as log1p(−sf) where F > 1/2, so no rounding of F to 1)."""
        return self._call("_located_logcdf", x)

    def sf(self, x: ArrayLike) -> Any:
        """The survival function P(X > x) = 1 − F(x)."""
        return self._call("_located_sf", x)

    def ppf(self, q: ArrayLike) -> Any:
        """The quantile function F⁻¹(q): the smallest x with F(x) ≥ q."""
        return self._call("_located_ppf", q)

    def isf(self, q: ArrayLike) -> Any:
        """The inverse survival function sf⁻¹(q), the quantile of the upper tail."""
        return self._call("_located_isf", q)

    def mean(self) -> Any:
        """The mean E[X]."""
        return self._call("_located_moments")[0]

    def var(self) -> Any:
        """The variance Var[X]."""
        return self._call("_located_moments")[1]

    def std(self) -> Any:
        """The standard deviation √Var[X]."""
        return _out(np.sqrt(self._call("_located_moments")[1]))

    def entropy(self) -> Any:
        """The differential entropy (the Shannon entropy, in nats, for a discrete distribution)."""
        return self._call("_located_entropy")

    def rvs(self, size: int | tuple[int, ...] | None = None, random_state: Any = None) -> Any:
        """Variates of shape `size` (the parameters' shape when None), drawn from uniform variates
        of `random_state` (None, an int seed or a numpy Generator)."""
        return self._call("_located_rvs", size, random_state)


class _SourceOfInstance:
    """``instance.__wrapped__`` is the instance's class (and the class itself has no
    ``__wrapped__``), so that ``inspect.unwrap`` — used by ``mathml show`` to print a
    concept's source — leads from the public object ``norm`` to the code of ``norm_gen``."""

    def __get__(self, obj: Any, objtype: Any = None) -> type:
        if obj is None:
            raise AttributeError("__wrapped__")
        return type(obj)


class _Distribution:
    """What continuous and discrete distributions share: parameter checks, broadcasting,
    the unfrozen calls (``norm.pdf(x, loc, scale)`` = ``norm(loc, scale).pdf(x)``)."""

    __wrapped__ = _SourceOfInstance()

    name = ""
    n_shapes = 0

    # Defined by every distribution: the call that freezes it, and on the standardised
    # variable (loc = 0, scale = 1) its moments and variates.
    __call__: Callable[..., rv_frozen]
    _stats: Callable[..., tuple[Any, Any]]
    _entropy: Callable[..., NDArray]
    _rvs: Callable[..., NDArray]
    _cdf: Callable[..., NDArray]
    _sf: Callable[..., NDArray]
    _locate_variates: Callable[..., NDArray]

    def _freeze(self, *shapes: Any, loc: Any = 0.0, scale: Any = 1.0) -> rv_frozen:
        return rv_frozen(self, tuple(shapes), loc, scale)

    # The unfrozen forms: the method's argument, then the parameters as in the call;
    # each is ``dist(*params).<method>(argument)``.
    def logpdf(self, x: ArrayLike, *args: Any, **kwds: Any) -> Any:
        """log f(x) (log-pmf when discrete), unfrozen: ``dist.logpdf(x, *params)``."""
        return self(*args, **kwds).logpdf(x)

    def pdf(self, x: ArrayLike, *args: Any, **kwds: Any) -> Any:
        """The density f(x) (pmf when discrete), unfrozen: ``dist.pdf(x, *params)``."""
        return self(*args, **kwds).pdf(x)

    def cdf(self, x: ArrayLike, *args: Any, **kwds: Any) -> Any:
        """F(x) = P(X ≤ x), unfrozen: ``dist.cdf(x, *params)``."""
        return self(*args, **kwds).cdf(x)

    def logcdf(self, x: ArrayLike, *args: Any, **kwds: Any) -> Any:
        """log F(x), unfrozen: ``dist.logcdf(x, *params)``."""
        return self(*args, **kwds).logcdf(x)

    def sf(self, x: ArrayLike, *args: Any, **kwds: Any) -> Any:
        """The survival function P(X > x), unfrozen: ``dist.sf(x, *params)``."""
        return self(*args, **kwds).sf(x)

    def ppf(self, q: ArrayLike, *args: Any, **kwds: Any) -> Any:
        """The quantile F⁻¹(q), unfrozen: ``dist.ppf(q, *params)``."""
        return self(*args, **kwds).ppf(q)

    def isf(self, q: ArrayLike, *args: Any, **kwds: Any) -> Any:
        """The upper quantile sf⁻¹(q), unfrozen: ``dist.isf(q, *params)``."""
        return self(*args, **kwds).isf(q)

    def mean(self, *args: Any, **kwds: Any) -> Any:
        """E[X], unfrozen: ``dist.mean(*params)``."""
        return self(*args, **kwds).mean()

    def var(self, *args: Any, **kwds: Any) -> Any:
        """Var[X], unfrozen: ``dist.var(*params)``."""
        return self(*args, **kwds)._call("_located_moments")[1]

    def std(self, *args: Any, **kwds: Any) -> Any:
        """√Var[X], unfrozen: ``dist.std(*params)``."""
        return _out(np.sqrt(self(*args, **kwds)._call("_located_moments")[1]))

    def entropy(self, *args: Any, **kwds: Any) -> Any:
        """The entropy in nats, unfrozen: ``dist.entropy(*params)``."""
        return self(*args, **kwds).entropy()

    def rvs(self, *args: Any, size: Any = None, random_state: Any = None, **kwds: Any) -> Any:
        """Variates, unfrozen: ``dist.rvs(*params, size=None, random_state=None)``."""
        return self(*args, **kwds).rvs(size=size, random_state=random_state)

    # Parameter handling, once for all distributions.
    shape_names: tuple[str, ...] = ()

    def _argcheck(self, *shapes: NDArray) -> NDArray:
        return np.asarray(True)

    def _params(self, shapes: tuple, loc: Any, scale: Any, *xs: Any) -> tuple:
        """Shapes, loc, scale and the arguments as float arrays broadcast together, and the
        mask of valid parameters: the shapes in range and scale > 0, as SciPy — loc is not
        checked (an infinite loc moves every point to one end of the support, a NaN loc
        makes z NaN), and an infinite scale is valid (z = x/∞ = 0)."""
        names = (*self.shape_names, "loc", "scale", *("x" for _ in xs))
        assert len(names) == len(shapes) + 2 + len(xs)
        arrays = np.broadcast_arrays(*(_real(v, n) for v, n in
                                       zip((*shapes, loc, scale, *xs), names)))
        *sh, loc, scale = arrays[:len(shapes) + 2]
        valid = self._argcheck(*sh) & (scale > 0)
        return sh, loc, scale, arrays[len(shapes) + 2:], valid

    def _stand_in(self, i: int) -> float:
        """A valid value of shape parameter i, computed with in place of an invalid one
        (whose result is masked to nan): no special function or search ever runs on an
        invalid shape, where it could fail or not terminate."""
        return 1.0 if i == 0 else 0.5

    def _safe(self, sh: list, valid: NDArray) -> list:
        return [np.where(valid, s, self._stand_in(i)) for i, s in enumerate(sh)]

    def _shapes_only(self, shapes: tuple, loc: Any, scale: Any) -> tuple:
        """As `_params`, for the moments, the entropy and the quantiles, where SciPy also
        asks loc == loc (a NaN loc: nan)."""
        sh, loc, scale, _, valid = self._params(shapes, loc, scale)
        return sh, loc, scale, valid & ~np.isnan(loc)

    def _located_moments(self, shapes: tuple, loc: Any, scale: Any) -> tuple:
        sh, loc, scale, valid = self._shapes_only(shapes, loc, scale)
        with np.errstate(all="ignore"):
            m, v = self._stats(*sh)
            mean = np.where(valid, m * scale + loc, np.nan)
            var = np.where(valid, v * scale * scale, np.nan)
        return _out(mean), _out(var)

    def _located_rvs(self, shapes: tuple, loc: Any, scale: Any, size: Any,
                     random_state: Any) -> Any:
        # SciPy's rules: the shapes in range and scale ≥ 0 (a scale of 0 gives loc itself).
        self._check_rvs_types(*shapes)
        sh, loc, scale, _, _ = self._params(shapes, loc, scale)
        if not np.all(self._argcheck(*sh) & (scale >= 0)):
            raise _domain_error(self.name)
        shape = np.shape(loc) if size is None else _sampling.shape_of_size(size)
        loc, scale = np.broadcast_to(loc, shape), np.broadcast_to(scale, shape)
        if np.all(scale == 0):  # no randomness: no draw (SciPy: loc·ones(size))
            return self._typed_variates(np.array(loc * np.ones(shape)), size)
        rng = _sampling.generator(random_state)
        z = self._rvs(rng, shape, *(np.broadcast_to(s, shape) for s in sh))
        with np.errstate(invalid="ignore"):
            return self._typed_variates(self._locate_variates(z, loc, scale), size)

    def _check_rvs_types(self, *shapes: Any) -> None:
        """Shape parameters that SciPy's sampler refuses by type (binom: a float n)."""

    def _typed_variates(self, x: NDArray, size: Any) -> Any:
        """Variates as SciPy returns them: a numpy float64 scalar for one continuous
        variate, a numpy array otherwise."""
        return _out(x)


class _Continuous(_Distribution):
    """A continuous distribution from its standardised _logpdf, _cdf, _sf, _ppf, _isf,
    _stats, _entropy, _rvs (loc = 0, scale = 1) and its support [_a, _b]."""

    _logpdf: Callable[..., NDArray]
    _ppf: Callable[..., NDArray]
    _isf: Callable[..., NDArray]
    _fit: Callable[[NDArray], tuple]

    def _support(self, *shapes: NDArray) -> tuple[float, float]:
        return -np.inf, np.inf

    def _locate_variates(self, z: NDArray, loc: NDArray, scale: NDArray) -> NDArray:
        return loc + scale * z

    def _standardise(self, shapes, loc, scale, x):
        """z = (x − loc)/scale and the masks SciPy's methods use: `valid` parameters, `bad`
        entries (invalid parameters or a NaN z: nan out)."""
        sh, loc, scale, (x,), valid = self._params(shapes, loc, scale, x)
        sh = self._safe(sh, valid)
        a, b = self._support(*sh)
        with np.errstate(all="ignore"):
            z = (x - loc) / scale
        return sh, z, scale, valid, ~valid | np.isnan(z), a, b

    def _located_logpdf(self, shapes, loc, scale, x) -> Any:
        sh, z, scale, valid, bad, a, b = self._standardise(shapes, loc, scale, x)
        inside = valid & (z >= a) & (z <= b)  # the closed support: the density at its ends
        with np.errstate(all="ignore"):
            logp = self._logpdf(np.where(inside, z, (a + b) / 2 if np.isfinite(a + b) else 0.0),
                                *sh) - np.log(scale)
        return _out(np.where(bad, np.nan, np.where(inside, logp, -np.inf)))

    def _located_pdf(self, shapes, loc, scale, x) -> Any:
        # pdf = exp(logpdf): one formula, the log-density, for both.
        return _out(np.exp(self._located_logpdf(shapes, loc, scale, x)))

    def _located_cdf(self, shapes, loc, scale, x) -> Any:
        return self._tail(shapes, loc, scale, x, self._cdf, 0.0, 1.0)

    def _located_sf(self, shapes, loc, scale, x) -> Any:
        return self._tail(shapes, loc, scale, x, self._sf, 1.0, 0.0)

    def _located_logcdf(self, shapes, loc, scale, x) -> Any:
        return self._tail(shapes, loc, scale, x, self._logcdf, -np.inf, 0.0)

    def _logcdf(self, z: NDArray, *shapes: NDArray) -> NDArray:
        # Where F > 1/2, log F = log1p(−S): no rounding of F to 1 in the upper tail.
        F = self._cdf(z, *shapes)
        return np.where(F > 0.5, np.log1p(-self._sf(z, *shapes)), np.log(F))

    def _tail(self, shapes, loc, scale, x, f, below, above) -> Any:
        """A tail function f of z inside the open support (a, b), its limits `below` at
        z ≤ a and `above` at z ≥ b (SciPy's masks)."""
        sh, z, scale, valid, bad, a, b = self._standardise(shapes, loc, scale, x)
        inner = valid & (z > a) & (z < b)
        with np.errstate(all="ignore"):
            y = f(np.where(inner, z, (a + b) / 2 if np.isfinite(a + b) else 0.0), *sh)
        out = np.where(z <= a, below, np.where(z >= b, above, y))
        return _out(np.where(bad, np.nan, out))

    def _located_ppf(self, shapes, loc, scale, q) -> Any:
        return self._quantile(shapes, loc, scale, q, self._ppf, lower_end=True)

    def _located_isf(self, shapes, loc, scale, q) -> Any:
        return self._quantile(shapes, loc, scale, q, self._isf, lower_end=False)

    def _quantile(self, shapes, loc, scale, q, f, lower_end: bool) -> Any:
        sh, loc, scale, (q,), valid = self._params(shapes, loc, scale, q)
        valid = valid & ~np.isnan(loc)
        sh = self._safe(sh, valid)
        a, b = self._support(*sh)
        inner = (q > 0) & (q < 1) & valid
        with np.errstate(all="ignore"):
            z = f(np.where(inner, q, 0.5), *sh)
            z = np.where(q == 0, a if lower_end else b, np.where(q == 1, b if lower_end else a, z))
            x = z * scale + loc
        ok = valid & (q >= 0) & (q <= 1)
        return _out(np.where(ok, x, np.nan))

    def _located_entropy(self, shapes, loc, scale) -> Any:
        sh, loc, scale, valid = self._shapes_only(shapes, loc, scale)
        sh = self._safe(sh, valid)
        with np.errstate(all="ignore"):
            h = self._entropy(*sh) + np.log(scale)
        return _out(np.where(valid, h, np.nan))

    def fit(self, data: ArrayLike) -> tuple:
        """Maximum-likelihood parameters for `data` (1-D, finite, non-empty), in the order
        of the call's parameters; see each distribution's docstring for what is fixed."""
        x = _real(data, "data").ravel()
        if x.size == 0:
            raise ValueError("fit needs at least one observation: data is empty")
        if not np.isfinite(x).all():
            raise ValueError("data must not contain infs or NaNs")
        return self._fit(x)


class _Discrete(_Distribution):
    """A distribution on the integers from its standardised _logpmf, _cdf (at integer k),
    _sf, _stats, _entropy, _rvs and support {_a, …, _b}; loc shifts, there is no scale."""

    _logpmf: Callable[..., NDArray]

    def _freeze(self, *shapes: Any, loc: Any = 0.0, scale: Any = 1.0) -> rv_frozen:
        return rv_frozen(self, tuple(shapes), loc, 1.0)

    def pmf(self, k: ArrayLike, *args: Any, **kwds: Any) -> Any:
        """P(X = k), unfrozen: ``dist.pmf(k, *params)``."""
        return self(*args, **kwds).pmf(k)

    def logpmf(self, k: ArrayLike, *args: Any, **kwds: Any) -> Any:
        """log P(X = k), unfrozen: ``dist.logpmf(k, *params)``."""
        return self(*args, **kwds).logpmf(k)

    def _support(self, *shapes: NDArray) -> tuple[NDArray, NDArray]:
        return np.zeros_like(shapes[0]), np.full_like(shapes[0], np.inf)

    def _locate_variates(self, k: NDArray, loc: NDArray, scale: NDArray) -> NDArray:
        return k + loc

    def _typed_variates(self, x: NDArray, size: Any) -> Any:
        """Variates as SciPy returns them: a Python int for one variate (shape ()), an
        int64 array otherwise (an infinite or NaN variate: Python's OverflowError or
        ValueError from int(), as SciPy's)."""
        if np.shape(x) == ():
            return int(x)
        with np.errstate(invalid="ignore"):
            return np.asarray(x).astype(np.int64)

    def _integer_point(self, shapes, loc, x):
        sh, loc, _, (x,), valid = self._params(shapes, loc, 1.0, x)
        a, b = self._support(*sh)  # of the parameters as given (SciPy's masks use it)
        sh = self._safe(sh, valid)
        k = x - loc
        return sh, k, valid, a, b

    def _located_logpdf(self, shapes, loc, scale, x) -> Any:
        sh, k, valid, a, b = self._integer_point(shapes, loc, x)
        on = valid & (k >= a) & (k <= b) & (np.floor(k) == k)
        with np.errstate(all="ignore"):
            logp = self._logpmf(np.where(on, k, a), *sh)
        return _out(np.where(~valid | np.isnan(k), np.nan, np.where(on, logp, -np.inf)))

    def _located_pdf(self, shapes, loc, scale, x) -> Any:
        return _out(np.exp(self._located_logpdf(shapes, loc, scale, x)))

    def _located_cdf(self, shapes, loc, scale, x) -> Any:
        return self._step(shapes, loc, x, self._cdf, 0.0, 1.0)

    def _located_sf(self, shapes, loc, scale, x) -> Any:
        return self._step(shapes, loc, x, self._sf, 1.0, 0.0)

    def _located_logcdf(self, shapes, loc, scale, x) -> Any:
        sh, k, valid, a, b = self._integer_point(shapes, loc, x)
        k = np.floor(k)
        inner = valid & (k >= a) & (k < b)
        with np.errstate(all="ignore"):
            kk = np.where(inner, k, a)
            F, S = self._cdf(kk, *sh), self._sf(kk, *sh)
            # Where F > 1/2, log F = log1p(−S): no rounding of F to 1 in the upper tail.
            y = np.where(F > 0.5, np.log1p(-S), np.log(F))
        out = np.where(~valid | np.isnan(k), np.nan, np.where(inner, y, -np.inf))
        # SciPy sets log F = 0 at k ≥ b after its nan mask, so even for invalid
        # parameters (poisson(-1).logcdf(inf) = 0, where its cdf is nan): followed.
        return _out(np.where(k >= b, 0.0, out))

    def _step(self, shapes, loc, x, f, below, above) -> Any:
        """The cdf or sf, a step function: f(⌊k⌋) for a ≤ k < b, `below` under the support
        (k = −∞ included), `above` at k ≥ b (k = +∞ when b is)."""
        sh, k, valid, a, b = self._integer_point(shapes, loc, x)
        k = np.floor(k)
        inner = valid & (k >= a) & (k < b) & np.isfinite(k)
        with np.errstate(all="ignore"):
            y = f(np.where(inner, k, a), *sh)
        out = np.where(k < a, below, np.where(k >= b, above, y))
        return _out(np.where(~valid | np.isnan(k), np.nan, out))

    def _located_ppf(self, shapes, loc, scale, q) -> Any:
        """The smallest k with F(k) ≥ q (SciPy's definition); ppf(0) = a − 1, ppf(1) = b."""
        return self._quantile(shapes, loc, q, upper=False)

    def _located_isf(self, shapes, loc, scale, q) -> Any:
        """The smallest k with S(k) ≤ q; isf(0) = b, isf(1) = a − 1."""
        return self._quantile(shapes, loc, q, upper=True)

    def _quantile(self, shapes, loc, q, upper: bool) -> Any:
        sh, loc, _, (q,), valid = self._params(shapes, loc, 1.0, q)
        valid = valid & ~np.isnan(loc)
        a, b = self._support(*sh)
        with np.errstate(all="ignore"):
            m, v = self._stats(*sh)
        # Search only where the parameters are valid and the bulk is finite (an infinite
        # mean, as poisson(inf) or binom(inf, p), has no inner quantile: nan, as SciPy);
        # elsewhere search a harmless stand-in and mask the result afterwards.
        inner = (q > 0) & (q < 1) & valid & np.isfinite(m) & np.isfinite(v)
        safe = [np.where(inner, s, self._stand_in(i)) for i, s in enumerate(sh)]
        sa, sb = self._support(*safe)
        k = self._search(np.where(inner, q, 0.5), safe, sa, sb, upper)
        k = np.where(inner, k, np.nan)
        k = np.where(q == 0, b if upper else a - 1, np.where(q == 1, a - 1 if upper else b, k))
        ok = valid & (q >= 0) & (q <= 1)
        return _out(np.where(ok, k + loc, np.nan))

    def _search(self, q: NDArray, sh: list, a: NDArray, b: NDArray, upper: bool) -> NDArray:
        """Bisection on the integers for the smallest k with F(k) ≥ q (or S(k) ≤ q):
        the condition is monotone in k, so ~log2(b − a) halvings of [lo, hi]. Both loops
        are capped: the bracket doubles at most MAX_DOUBLINGS times (past it the quantile
        is beyond every float: inf, as SciPy), and bisection stops when no integer lies
        strictly between lo and hi (above 2⁵³ the floats are sparser than the integers)."""
        def reached(k):
            with np.errstate(all="ignore"):
                return self._sf(k, *sh) <= q if upper else self._cdf(k, *sh) >= q
        lo = a - 1.0  # the condition fails at lo, holds at hi
        m, v = self._stats(*sh)
        hi = np.where(np.isfinite(b), b, np.ceil(m + 10.0 * np.sqrt(v) + 10.0))
        grow = ~reached(hi) & ~np.isfinite(b)
        for _ in range(MAX_DOUBLINGS):  # an unbounded support: double the bracket
            if not grow.any():
                break
            with np.errstate(over="ignore"):
                hi = np.where(grow, 2.0 * hi + 1.0, hi)
            grow = grow & ~reached(hi) & np.isfinite(hi)
        hi = np.where(grow, np.inf, hi)
        lo = np.where(grow, np.inf, lo)
        for _ in range(MAX_DOUBLINGS + 64):  # ≤ log2(hi − lo) halvings
            mid = np.floor((lo + hi) / 2.0)
            open_ = (hi - lo > 1) & (mid > lo) & (mid < hi)
            if not open_.any():
                break
            ok = reached(mid)
            hi = np.where(open_ & ok, mid, hi)
            lo = np.where(open_ & ~ok, mid, lo)
        return hi

    def _located_entropy(self, shapes, loc, scale) -> Any:
        sh, loc, _, valid = self._shapes_only(shapes, loc, 1.0)
        # invalid parameters are summed as a stand-in and masked: no support to sum over
        sh = [np.where(valid, s, self._stand_in(i)) for i, s in enumerate(sh)]
        with np.errstate(all="ignore"):
            h = self._entropy(*sh)
        return _out(np.where(valid, h, np.nan))

    def _entropy_by_sum(self, lo: NDArray, hi: NDArray, *sh: NDArray) -> NDArray:
        """H = −Σ p(k) log p(k) over k = lo…hi (the whole support, or where p > 1e-300)."""
        flat = [np.ravel(s) for s in np.broadcast_arrays(lo, hi, *sh)]
        H = np.empty(flat[0].shape)
        for i in range(H.size):  # per parameter set: a sum over its own support
            k = np.arange(flat[0][i], flat[1][i] + 1.0)
            p = np.exp(self._logpmf(k, *(f[i] for f in flat[2:])))
            H[i] = -np.sum(special.xlogy(p, p))
        return H.reshape(np.broadcast(lo, hi, *sh).shape)


# ---------------------------------------------------------------------------------------
# Continuous distributions
# ---------------------------------------------------------------------------------------

def _ndtri(q: NDArray) -> NDArray:
    """Φ⁻¹(q) = −√2 erfcinv(2q), relatively accurate in both tails: for q < 1/2 the
    argument 2q of erfcinv is exact, for q > 1/2 so is 2(1 − q) (Sterbenz)."""
    lower = q < 0.5
    c = np.where(lower, 2.0 * q, 2.0 * (1.0 - q))  # erfc(x) = c, c ∈ (0, 1]
    x = _erfinv_core(1.0 - c, c)
    return np.where(lower, -SQRT2 * x, SQRT2 * x)


@fill_doc(returns=_RETURNS_CONTINUOUS, raises=_RAISES_CONTINUOUS)
class norm_gen(_Continuous):
    """The normal distribution N(loc, scale²).

    .. math:: f(x) = \\frac{1}{\\sigma\\sqrt{2\\pi}} e^{-(x-\\mu)^2/(2\\sigma^2)},\\qquad
              \\mu = \\text{loc},\\ \\sigma = \\text{scale} > 0

    Call ``norm(loc=0.0, scale=1.0)`` for a frozen distribution (methods pdf, logpdf, cdf,
    logcdf, sf, ppf, isf, mean, var, std, entropy, rvs) or use the methods unfrozen:
    ``norm.cdf(x, loc, scale)``; ``norm.fit(data)`` returns the MLE ``(loc, scale)``.

    Parameters
    ----------
    loc : array_like, the mean μ (default 0).
    scale : array_like, the standard deviation σ > 0 (default 1).

    {returns}

    {raises}

    Notes
    -----
    *Algorithm*

    1. log f(z) = −z²/2 − log √(2π) on the standardised z = (x − loc)/scale.
    2. Φ(z) = erfc(−z/√2)/2 (relatively accurate in the left tail), sf = erfc(z/√2)/2;
       log Φ(z) for z < −1 as −z²/2 + log erfc's continued fraction (no underflow).
    3. Φ⁻¹(q) = −√2 erfcinv(2q) through `special`'s erfinv machinery, exact argument in
       both tails.
    4. Variates: Box–Muller on uniform draws. MLE: the mean and the root of the biased
       variance (closed form).

    *Complexity*: O(1) special-function calls per entry.

    *Numerical stability*: pdf = exp(logpdf); cdf/sf relatively accurate in their small
    tails to ~1e-14 (measured vs SciPy on z ∈ [−37, 37]), ppf to ~1e-15 on q ∈ [1e-300, 1).

    References
    ----------
    Casella & Berger, Statistical Inference, 2nd ed., §3.3; Devroye, Non-Uniform Random
    Variate Generation, §V.4.1 (Box–Muller).

    Checked against ``reference.stats.norm`` → ``scipy.stats.norm``; `rvs` statistically
    (SciPy draws with a different algorithm: the numbers differ, the distribution not).

    Examples
    --------
    >>> from mathml.stats import norm
    >>> print(round(float(norm.cdf(1.96)), 6), round(float(norm(loc=1, scale=2).ppf(0.5)), 6))
    0.975002 1.0
    """

    name = "norm"

    def __call__(self, loc: float = 0.0, scale: float = 1.0) -> rv_frozen:
        return self._freeze(loc=loc, scale=scale)

    def _logpdf(self, z):
        # Step 1: the log-density.
        return -0.5 * z * z - LOG_SQRT_2PI

    def _cdf(self, z):
        # Step 2: through erfc, accurate in the left tail.
        return 0.5 * special.erfc(-z / SQRT2)

    def _sf(self, z):
        return 0.5 * special.erfc(z / SQRT2)

    def _logcdf(self, z):
        w = -z / SQRT2
        with np.errstate(all="ignore"):
            tail = _log_erfc(np.where(w > 1, w, 1.0)) - math.log(2.0)
            return np.where(w > 1, tail, np.where(z > 0, np.log1p(-self._sf(z)),
                                                  np.log(self._cdf(z))))

    def _ppf(self, q):
        # Step 3: the inverse through erfcinv.
        return _ndtri(q)

    def _isf(self, q):
        return -_ndtri(q)

    def _stats(self):
        return 0.0, 1.0

    def _entropy(self):
        return 0.5 * math.log(2.0 * math.pi * math.e)

    def _rvs(self, rng, shape):
        # Step 4: Box–Muller.
        return _sampling.standard_normal(rng, shape)

    def _fit(self, x):
        mu = np.mean(x)
        return mu, np.sqrt(np.mean((x - mu) ** 2))


@fill_doc(returns=_RETURNS_CONTINUOUS, raises=_RAISES_CONTINUOUS)
class uniform_gen(_Continuous):
    """The continuous uniform distribution on [loc, loc + scale].

    .. math:: f(x) = \\frac{1}{\\text{scale}},\\quad \\text{loc} \\le x \\le \\text{loc} + \\text{scale}

    ``uniform(loc=0.0, scale=1.0)`` freezes; ``uniform.fit(data)`` returns the MLE
    ``(min, max − min)``.

    Parameters
    ----------
    loc : array_like, the left end (default 0).
    scale : array_like, the width > 0 (default 1).

    {returns}

    {raises}

    Notes
    -----
    *Algorithm*

    1. Standardised: log f = 0 on [0, 1]; F(z) = z; F⁻¹(q) = q; mean 1/2, var 1/12,
       entropy 0 (then log scale).
    2. Variates by definition: loc + scale·U.

    *Complexity*: O(1) per entry. *Numerical stability*: exact up to the rounding of
    loc + scale·z.

    References
    ----------
    Casella & Berger, Statistical Inference, 2nd ed., §3.3.

    Checked against ``reference.stats.uniform`` → ``scipy.stats.uniform``.

    Examples
    --------
    >>> from mathml.stats import uniform
    >>> print(float(uniform(loc=2, scale=4).cdf(3.0)), float(uniform.var(scale=6)))
    0.25 3.0
    """

    name = "uniform"

    def __call__(self, loc: float = 0.0, scale: float = 1.0) -> rv_frozen:
        return self._freeze(loc=loc, scale=scale)

    def _support(self):
        return 0.0, 1.0

    def _logpdf(self, z):
        # Step 1: the standardised formulas.
        return np.zeros_like(z)

    def _cdf(self, z):
        return z

    def _sf(self, z):
        return 1.0 - z

    def _ppf(self, q):
        return q

    def _isf(self, q):
        return 1.0 - q

    def _stats(self):
        return 0.5, 1.0 / 12.0

    def _entropy(self):
        return 0.0

    def _rvs(self, rng, shape):
        # Step 2: inversion is the identity.
        return rng.random(shape)

    def _fit(self, x):
        lo = np.min(x)
        return lo, np.max(x) - lo


@fill_doc(returns=_RETURNS_CONTINUOUS, raises=_RAISES_CONTINUOUS)
class expon_gen(_Continuous):
    """The exponential distribution with rate 1/scale, shifted by loc.

    .. math:: f(x) = \\frac{1}{\\text{scale}} e^{-(x-\\text{loc})/\\text{scale}},\\quad x \\ge \\text{loc}

    ``expon(loc=0.0, scale=1.0)`` freezes; ``expon.fit(data)`` returns the MLE
    ``(min, mean − min)``.

    Parameters
    ----------
    loc : array_like, the shift (default 0).
    scale : array_like, the mean 1/λ > 0 (default 1).

    {returns}

    {raises}

    Notes
    -----
    *Algorithm*

    1. Standardised: log f = −z; F = −expm1(−z) (accurate for small z); S = e^{−z};
       F⁻¹(q) = −log1p(−q); S⁻¹(q) = −log q; mean 1, var 1, entropy 1.
    2. Variates by inversion: −log(U) with U uniform on (0, 1].

    *Complexity*: O(1) per entry. *Numerical stability*: expm1/log1p keep relative
    accuracy near 0.

    References
    ----------
    Casella & Berger, §3.3; Devroye, §II.2 (inversion).

    Checked against ``reference.stats.expon`` → ``scipy.stats.expon``.

    Examples
    --------
    >>> from mathml.stats import expon
    >>> print(round(float(expon.sf(1.0)), 8), round(float(expon(scale=2).mean()), 8))
    0.36787944 2.0
    """

    name = "expon"

    def __call__(self, loc: float = 0.0, scale: float = 1.0) -> rv_frozen:
        return self._freeze(loc=loc, scale=scale)

    def _support(self):
        return 0.0, np.inf

    def _logpdf(self, z):
        # Step 1: the standardised formulas.
        return -z

    def _cdf(self, z):
        return -np.expm1(-z)

    def _sf(self, z):
        return np.exp(-z)

    def _ppf(self, q):
        return -np.log1p(-q)

    def _isf(self, q):
        return -np.log(q)

    def _stats(self):
        return 1.0, 1.0

    def _entropy(self):
        return 1.0

    def _rvs(self, rng, shape):
        # Step 2: inversion.
        return -np.log(_sampling.uniform_open(rng, shape))

    def _fit(self, x):
        lo = np.min(x)
        return lo, np.mean(x) - lo


def _cornish_fisher(U: NDArray, mean: NDArray, sd: NDArray, skew: NDArray, lower: Any,
                    upper: Any) -> NDArray:
    """The Cornish–Fisher approximation of a discrete quantile, mean + sd·(z + γ(z² − 1)/6)
    with z = Φ⁻¹(U) and skewness γ, rounded and clipped into the support: where the
    sequential search of `rvs` starts, O(1) steps from the answer."""
    z = _ndtri(np.clip(U, 1e-300, 1.0 - 1e-16))
    k = np.floor(mean + sd * (z + skew * (z * z - 1.0) / 6.0) + 0.5)
    return np.clip(np.nan_to_num(k, nan=0.0), lower, upper)


def _digamma(x: NDArray) -> NDArray:
    """ψ(x) for x > 0: recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 10, then the asymptotic
    series log x − 1/(2x) − Σ B_2k/(2k x^{2k}) (A&S 6.3.5, 6.3.18)."""
    x = np.where(np.asarray(x, dtype=float) > 0, x, np.nan)  # outside x > 0: nan
    shift = np.zeros_like(x)
    for _ in range(11):  # 0 < x < 10 reaches 10 in at most 10 steps (x ≤ 0 is masked)
        small = x < 10.0
        if not small.any():
            break
        shift = shift - np.where(small, 1.0 / x, 0.0)
        x = np.where(small, x + 1.0, x)
    w = 1.0 / (x * x)
    series = w * (1 / 12 - w * (1 / 120 - w * (1 / 252 - w * (1 / 240 - w * (1 / 132)))))
    return shift + np.log(x) - 0.5 / x - series


def _trigamma(x: NDArray) -> NDArray:
    """ψ'(x) for x > 0: ψ'(x) = ψ'(x + 1) + 1/x² up to x ≥ 10, then
    1/x + 1/(2x²) + Σ B_2k / x^{2k+1} (A&S 6.4.12)."""
    x = np.where(np.asarray(x, dtype=float) > 0, x, np.nan)  # outside x > 0: nan
    shift = np.zeros_like(x)
    for _ in range(11):  # 0 < x < 10 reaches 10 in at most 10 steps (x ≤ 0 is masked)
        small = x < 10.0
        if not small.any():
            break
        shift = shift + np.where(small, 1.0 / (x * x), 0.0)
        x = np.where(small, x + 1.0, x)
    w = 1.0 / (x * x)
    series = (1 / 6 - w * (1 / 30 - w * (1 / 42 - w * (1 / 30 - w * 5 / 66)))) / (x * x * x)
    return shift + 1.0 / x + 0.5 * w + series


#: Where the asymptotic (Stirling) series below are used: their first omitted term is
#: ≲ 1/(1680 x⁷) < 1e-17 relative for x ≥ 100.
ASYMPTOTIC_MIN = 100.0


def _stirling_r(x: NDArray) -> NDArray:
    """r(x) = log Γ(x) − [(x − ½) log x − x + ½ log 2π] = 1/(12x) − 1/(360x³) + 1/(1260x⁵) − …
    (A&S 6.1.41), for x ≥ ASYMPTOTIC_MIN."""
    w = 1.0 / (x * x)
    return (1 / 12 - w * (1 / 360 - w * (1 / 1260 - w / 1680))) / x


def _stirling_t(x: NDArray) -> NDArray:
    """t(x) = log x − 1/(2x) − ψ(x) = 1/(12x²) − 1/(120x⁴) + 1/(252x⁶) − … (A&S 6.3.18)."""
    w = 1.0 / (x * x)
    return w * (1 / 12 - w * (1 / 120 - w * (1 / 252 - w / 240)))


def _log_gamma_ratio(b: NDArray, a: NDArray) -> NDArray:
    """D₁ = log Γ(b + a) − log Γ(b) for b ≥ ASYMPTOTIC_MIN by Stirling's series, the large
    terms grouped so that nothing cancels: (b − ½) log1p(a/b) + a log(b + a) − a + r(b + a) − r(b).
    (log Γ(b + a) and log Γ(b) are each ~b log b: their plain difference loses every digit
    when b ≫ a.)"""
    return (b - 0.5) * np.log1p(a / b) + a * np.log(b + a) - a + (_stirling_r(b + a) - _stirling_r(b))


def _digamma_difference(b: NDArray, a: NDArray) -> NDArray:
    """D₂ = ψ(b + a) − ψ(b) for b ≥ ASYMPTOTIC_MIN: log1p(a/b) + a/(2b(b + a)) + t(b) − t(b + a)."""
    return np.log1p(a / b) + a / (2.0 * b * (b + a)) + (_stirling_t(b) - _stirling_t(b + a))


def _log_beta(a: NDArray, b: NDArray) -> NDArray:
    """log B(a, b) without underflow or cancellation: `special`'s grouped Stirling form when
    both shapes are large; log Γ(a) − D₁(b, a) when one is below ASYMPTOTIC_MIN and the other
    above it (plain log Γ sums would cancel ~b log b to leave ~a log b)."""
    a, b = np.broadcast_arrays(np.asarray(a, dtype=float), np.asarray(b, dtype=float))
    small, large = np.minimum(a, b), np.maximum(a, b)
    mixed = (small < ASYMPTOTIC_MIN) & (large >= ASYMPTOTIC_MIN)
    with np.errstate(all="ignore"):
        lopsided = special.gammaln(small) - _log_gamma_ratio(np.where(mixed, large, 1e3), small)
        return np.where(mixed, lopsided, _special_log_beta(a, b))


def _invert_in_logs(G, g, phi, dphi, log_t: NDArray, u0: NDArray,
                    rising: NDArray | bool = True, positive: NDArray | bool = False,
                    negative: NDArray | bool = False, params: tuple = ()) -> NDArray:
    """Solve G(z) = t for a monotone tail function G (a cdf or an sf) with density ±g,
    by Newton's method on h(u) = log G(φ(u)) − log t in a log variable z = φ(u)
    (z = e^u near 0, z = 1 − e^u near 1). A tail behaves like c·z^a there, so h is nearly
    linear in u and Newton converges from a rough guess — where Newton on G(z) − t in z
    would crawl across tens of orders of magnitude. Where G underflows to 0 (a guess far
    out in the tail) the step is a halving towards the bulk instead: `rising` says whether
    G grows with u. Where `positive`, u is z itself (φ = identity, for an upper tail
    like e^{−z}, which is linear in z rather than in log z) and is kept above 0 by halving;
    where `negative`, u is kept below 0 the same way (z = e^u < 1, or z = 1 − e^u > 0, for
    a support [0, 1]). An entry stops when its step is below 4 eps relative, when the
    step no longer changes z, or when a step already below 1e-8 relative fails to shrink:
    there G's rounding (e.g. of 1 − z in an sf near z = 1) is the noise Newton chases, and
    z is as good as G allows. At most MAX_NEWTON steps.

    G, g, φ and φ' are called as ``f(z or u, *params)`` with the `params` (arrays of u0's
    shape) of the entries still iterating only: the stopped ones cost nothing more."""
    shape = np.shape(u0)

    def flat(v: ArrayLike) -> NDArray:
        return np.broadcast_to(v, shape).ravel()

    u = flat(u0).copy()
    flags = [flat(v) for v in (log_t, rising, positive, negative)]
    params = tuple(flat(p) for p in params)
    prev = np.full(u.shape, np.inf)
    live = np.arange(u.size)  # the entries still iterating
    for _ in range(MAX_NEWTON):
        p = tuple(v.take(live) for v in params)
        u_l = u.take(live)
        log_t_l, rising_l, positive_l, negative_l = (v.take(live) for v in flags)
        with np.errstate(all="ignore"):
            z = phi(u_l, *p)
            Gz = G(z, *p)
            step = (np.log(Gz) - log_t_l) / (g(z, *p) * dphi(u_l, *p) / Gz)
            back = np.where(positive_l, u_l / 2.0,
                            np.where(rising_l, -math.log(2.0), math.log(2.0)))
            step = np.where(Gz == 0, back, np.where(np.isfinite(step), step, 0.0))
            step = np.clip(step, -30.0, 30.0)
        u_new = u_l - step
        u_new = np.where(positive_l & (u_new <= 0), u_l / 2.0, u_new)
        u_new = np.where(negative_l & (u_new >= 0), u_l / 2.0, u_new)
        size = np.abs(step) / np.maximum(np.abs(u_new), 1.0)
        with np.errstate(all="ignore"):
            still = phi(u_new, *p) == z
        stop = (size <= 4 * EPS) | still | ((size < 1e-8) & (np.abs(step) >= prev.take(live)))
        u.put(live, u_new)
        prev.put(live, np.abs(step))
        live = live[~stop]
        if not live.size:
            break
    return phi(u, *params).reshape(shape)


def _tail_target(q: NDArray, upper: bool) -> tuple[NDArray, NDArray]:
    """Which tail function to invert for ppf (upper=False) or isf (upper=True) at q:
    the one whose target is ≤ 1/2 (so that the target is exact: 1 − q is exact for
    q ≥ 1/2). Returns (use the sf?, the target)."""
    use_sf = (q > 0.5) if not upper else (q <= 0.5)
    target = np.where(use_sf == upper, q, 1.0 - q)
    return use_sf, target


@fill_doc(returns=_RETURNS_CONTINUOUS, raises=_RAISES_CONTINUOUS)
class gamma_gen(_Continuous):
    """The gamma distribution with shape a > 0 and scale θ (rate 1/θ).

    .. math:: f(x) = \\frac{x^{a-1} e^{-x/\\theta}}{\\Gamma(a)\\,\\theta^a},\\quad x \\ge 0
              \\ (\\text{before the shift by loc})

    ``gamma(a, loc=0.0, scale=1.0)`` freezes. ``gamma.fit(data)`` returns the MLE
    ``(a, 0.0, scale)`` *with loc fixed at 0* (SciPy fits loc too unless ``floc=0``; the
    reference passes ``floc=0``): log a − ψ(a) = log x̄ − mean(log x) solved by Newton,
    then scale = x̄/a.

    Parameters
    ----------
    a : array_like, the shape > 0.
    loc : array_like, the shift (default 0).
    scale : array_like, θ > 0 (default 1).

    {returns}

    {raises}

    Notes
    -----
    *Algorithm*

    1. log f(z) = (a − 1) log z − z − log Γ(a) (xlogy: z = 0 handled as SciPy).
    2. F = P(a, z) = `special.gammainc`, S = Q(a, z) = `special.gammaincc`.
    3. F⁻¹ and S⁻¹: Newton on log P in the variable log z, or on log Q in z (whichever
       target is ≤ 1/2; `_invert_in_logs`), from the Wilson–Hilferty first guess.
    4. Variates: Marsaglia–Tsang (boost U^{1/a} for a < 1), from uniform draws.
    5. MLE: Newton on g(a) = log a − ψ(a) − s with g' = 1/a − ψ'(a), from Minka's
       initial value a₀ = (3 − s + √((s − 3)² + 24 s))/(12 s).

    *Complexity*: as the incomplete gamma function per entry; the quantile ~5–10 of them.

    *Numerical stability*: as `special.gammainc` (relative error ≲ 1e-13 for a ≤ 100).

    References
    ----------
    Casella & Berger §3.3; Marsaglia & Tsang, ACM TOMS 26 (2000); T. Minka, "Estimating a
    Gamma distribution" (2002).

    Checked against ``reference.stats.gamma`` → ``scipy.stats.gamma``.

    Examples
    --------
    >>> from mathml.stats import gamma
    >>> print(round(float(gamma(2.0).cdf(2.0)), 8), round(float(gamma.mean(3.0, scale=2.0)), 8))
    0.59399415 6.0
    """

    name = "gamma"
    n_shapes = 1
    shape_names = ("a",)

    def __call__(self, a: float, loc: float = 0.0, scale: float = 1.0) -> rv_frozen:
        return self._freeze(a, loc=loc, scale=scale)

    def _argcheck(self, a):
        return a > 0

    def _support(self, a):
        return 0.0, np.inf

    def _logpdf(self, z, a):
        # Step 1: the log-density.
        return special.xlogy(a - 1.0, z) - z - special.gammaln(a)

    def _cdf(self, z, a):
        # Step 2: the regularised incomplete gamma functions.
        return special.gammainc(a, z)

    def _sf(self, z, a):
        return special.gammaincc(a, z)

    def _guess(self, q, a, upper):
        """Wilson–Hilferty: (X/a)^{1/3} ≈ normal with mean 1 − 1/(9a), var 1/(9a)."""
        zq = np.where(upper, -_ndtri(q), _ndtri(q))
        t = 1.0 - 1.0 / (9.0 * a) + zq / (3.0 * np.sqrt(a))
        wh = a * np.maximum(t, 1e-3) ** 3
        # Small a: invert the leading term P ≈ z^a / Γ(a + 1) of the lower tail.
        p = np.where(upper, 1.0 - q, q)
        small = np.exp((np.log(np.maximum(p, 1e-300)) + special.gammaln(a + 1.0)) / a)
        return np.where((a < 1) & (p < 0.5), small, np.maximum(wh, 1e-300))

    def _ppf(self, q, a):
        # Step 3: Newton on P(a, z) = q (on Q for q > 1/2, where P is close to 1).
        return self._invert(q, a, upper=False)

    def _isf(self, q, a):
        return self._invert(q, a, upper=True)

    def _invert(self, q, a, upper: bool):
        # a = ∞ has no finite inner quantile: nan, as SciPy (Newton would run off to ∞)
        finite = np.isfinite(a)
        a = np.where(finite, a, 1.0)
        return np.where(finite, self._invert_finite(q, a, upper), np.nan)

    def _invert_finite(self, q, a, upper: bool):
        use_sf, t = _tail_target(q, upper)

        def G(z, use_sf, a):  # P or Q, both from one pass of the incomplete gamma function
            P, Q = _incomplete_gamma(a, z)
            return np.where(use_sf, Q, P)

        def g(z, use_sf, a):
            return np.where(use_sf, -1.0, 1.0) * np.exp(self._logpdf(z, a))

        x0 = self._guess(q, a, upper)
        # log z for the lower tail (P ≈ c z^a), z itself for the upper one (Q ≈ c e^{−z}).
        phi = lambda u, use_sf, a: np.where(use_sf, u, np.exp(u))  # noqa: E731
        dphi = lambda u, use_sf, a: np.where(use_sf, 1.0, np.exp(u))  # noqa: E731
        u0 = np.where(use_sf, x0, np.log(x0))
        return _invert_in_logs(G, g, phi, dphi, np.log(t), u0, rising=~use_sf,
                               positive=use_sf, params=(use_sf, a))

    def _stats(self, a):
        return a, a

    def _entropy(self, a):
        # h = a + log Γ(a) + (1 − a) ψ(a); for large a its terms (~a log a) cancel to leave
        # ~½ log a, so from a = 300 on the series ½ log(2πe a) − 1/(3a) − 1/(12a²)
        # − 1/(90a³) + 1/(120a⁴) (Stirling's series for log Γ and ψ; next term O(a⁻⁵)).
        big = a >= 300.0  # the series' error there: ≲ 1e-15 relative (vs mpmath)
        A = np.where(big, a, 1.0)
        series = (0.5 * np.log(2.0 * math.pi * math.e * A)
                  - (1 / 3 + (1 / 12 + (1 / 90 - 1 / (120 * A)) / A) / A) / A)
        A = np.where(big, 1.0, a)
        exact = A + special.gammaln(A) + (1.0 - A) * _digamma(A)
        return np.where(big, series, exact)

    def _rvs(self, rng, shape, a):
        # Step 4: Marsaglia–Tsang.
        return _sampling.standard_gamma(rng, a, shape)

    def _fit(self, x):
        if np.any(x <= 0):
            raise ValueError("gamma.fit with loc fixed at 0 needs positive data")
        # Step 5: Newton on log a − ψ(a) = s.
        s = math.log(np.mean(x)) - np.mean(np.log(x))
        if s <= 0:  # all observations equal: the likelihood grows without bound in a
            raise ValueError("gamma.fit needs data that are not all equal")
        a = np.array((3.0 - s + math.sqrt((s - 3.0) ** 2 + 24.0 * s)) / (12.0 * s))
        for _ in range(MAX_NEWTON):
            g = np.log(a) - _digamma(a) - s
            a_new = a - g / (1.0 / a - _trigamma(a))
            a_new = np.where(a_new <= 0, a / 2.0, a_new)
            if abs(a_new - a) <= 4 * EPS * a_new:
                a = a_new
                break
            a = a_new
        return float(a), 0.0, float(np.mean(x) / a)


@fill_doc(returns=_RETURNS_CONTINUOUS, raises=_RAISES_CONTINUOUS)
class beta_gen(_Continuous):
    """The beta distribution with shapes a, b > 0 on [0, 1] (then loc, scale).

    .. math:: f(x) = \\frac{x^{a-1}(1-x)^{b-1}}{B(a, b)},\\quad 0 \\le x \\le 1

    ``beta(a, b, loc=0.0, scale=1.0)`` freezes. ``beta.fit(data)`` returns the MLE
    ``(a, b, 0.0, 1.0)`` *with loc = 0 and scale = 1 fixed* (the reference passes
    ``floc=0, fscale=1``): Newton on the two score equations ψ(a) − ψ(a + b) = mean log x,
    ψ(b) − ψ(a + b) = mean log(1 − x).

    Parameters
    ----------
    a, b : array_like, the shapes > 0.
    loc : array_like, the shift (default 0).
    scale : array_like, the width > 0 (default 1).

    {returns}

    {raises}

    Notes
    -----
    *Algorithm*

    1. log f(z) = (a − 1) log z + (b − 1) log1p(−z) − log B(a, b).
    2. F = I_z(a, b) = `special.betainc`; S = 1 − F where F ≤ 1/2, else I_{1−z}(b, a).
    3. F⁻¹, S⁻¹: Newton on log I_z(a, b) in log z, or on log I_{1−z}(b, a) in log(1 − z)
       (whichever target is ≤ 1/2; `_invert_in_logs`), from the normal-approximation guess
       a/(a + b) + z_q·sd, clipped into (0, 1).
    4. Variates: X/(X + Y) with X ~ Gamma(a), Y ~ Gamma(b) (Marsaglia–Tsang), formed as
       expit(log X − log Y) from log-gamma variates, so that tiny shapes (where both
       variates underflow) still give a ratio.
    5. MLE: two-dimensional Newton with the trigamma Hessian, from the method of moments.

    *Complexity*: as `special.betainc` per entry; the quantile ~10 of them.

    *Numerical stability*: as `special.betainc` (≲ 1e-13 relative for a, b ≤ 100).

    References
    ----------
    Casella & Berger §3.3; Devroye §IX.4 (beta from gammas); Johnson, Kotz & Balakrishnan,
    Continuous Univariate Distributions, vol. 2, §25.4 (maximum likelihood).

    Checked against ``reference.stats.beta`` → ``scipy.stats.beta``.

    Examples
    --------
    >>> from mathml.stats import beta
    >>> print(round(float(beta(2.0, 3.0).cdf(0.4)), 8), round(float(beta.mean(2.0, 3.0)), 8))
    0.5248 0.4
    """

    name = "beta"
    n_shapes = 2
    shape_names = ("a", "b")

    def __call__(self, a: float, b: float, loc: float = 0.0, scale: float = 1.0) -> rv_frozen:
        return self._freeze(a, b, loc=loc, scale=scale)

    def _argcheck(self, a, b):
        return (a > 0) & (b > 0)

    def _support(self, a, b):
        return 0.0, 1.0

    def _logpdf(self, z, a, b):
        # Step 1: the log-density (xlogy: the ends z = 0, 1 as SciPy); log B(a, b) directly,
        # as B underflows for large shapes (B(1e10, 1e10) = e^(−1.4e10)).
        return special.xlogy(a - 1.0, z) + special.xlogy(b - 1.0, 1.0 - z) - _log_beta(a, b)

    def _cdf(self, z, a, b):
        # Step 2: the regularised incomplete beta function; a = b = ∞ (a point mass at an
        # undetermined place) is nan inside (0, 1), as SciPy.
        both = np.isinf(a) & np.isinf(b)
        return np.where(both, np.nan, special.betainc(a, b, z))

    def _sf(self, z, a, b):
        # I_{1−z}(b, a) forms 1 − z, which loses the low bits of a small z (relative
        # ~eps/z); where F ≤ 1/2, 1 − F is as accurate and needs no 1 − z.
        F = self._cdf(z, a, b)
        return np.where(np.isnan(F) | (F <= 0.5), 1.0 - F, special.betainc(b, a, 1.0 - z))

    def _ppf(self, q, a, b):
        # Step 3: Newton on I_z(a, b) = q, or on the complement for q > 1/2.
        return self._invert(q, a, b, upper=False)

    def _isf(self, q, a, b):
        return self._invert(q, a, b, upper=True)

    def _invert(self, q, a, b, upper: bool):
        use_sf, t = _tail_target(q, upper)

        def G(z, use_sf, a, b):  # as _cdf and _sf, with I_{1−z}(b, a) only where needed
            F = self._cdf(z, a, b)
            out = np.where(use_sf, 1.0 - F, F)
            i = np.flatnonzero(use_sf & (F > 0.5))
            if i.size:
                out.put(i, special.betainc(b.take(i), a.take(i), 1.0 - z.take(i)))
            return out

        def g(z, use_sf, a, b):
            return np.where(use_sf, -1.0, 1.0) * np.exp(self._logpdf(z, a, b))

        # z = e^u for the lower tail, z = 1 − e^u for the upper one.
        phi = lambda u, use_sf, a, b: np.where(use_sf, -np.expm1(u), np.exp(u))  # noqa: E731
        dphi = lambda u, use_sf, a, b: np.where(use_sf, -np.exp(u), np.exp(u))  # noqa: E731
        m, v = self._stats(a, b)
        zq = np.where(upper, -_ndtri(q), _ndtri(q))
        x0 = np.clip(m + zq * np.sqrt(v), 0.01 * m, 1.0 - 0.01 * (1.0 - m))
        u0 = np.where(use_sf, np.log1p(-x0), np.log(x0))
        return _invert_in_logs(G, g, phi, dphi, np.log(t), u0, negative=True,
                               params=(use_sf, a, b))

    def _stats(self, a, b):
        s = a + b
        return a / s, a * b / (s * s * (s + 1.0))

    def _entropy(self, a, b):
        """h = log B(a, b) − (a − 1)ψ(a) − (b − 1)ψ(b) + (a + b − 2)ψ(a + b), whose terms
        cancel catastrophically for large shapes (beta(5, 1e50): h = −113 from terms of
        ~1e52). Three regimes, by Stirling's series (r, t the remainders of log Γ and ψ):

        - both ≥ ASYMPTOTIC_MIN: h = ½ log(2π ab/s³) + ½ − 1/(2a) − 1/(2b) + 1/s
          + r(a) + r(b) − r(s) + (a − 1)t(a) + (b − 1)t(b) − (s − 2)t(s), s = a + b,
          every term O(1) or smaller;
        - a small, b large (or the reverse, h being symmetric): h = log Γ(a)
          − (a − 1)(ψ(a) − ψ(s)) + (b − 1)D₂ − D₁ with D₁ = log Γ(s) − log Γ(b) and
          D₂ = ψ(s) − ψ(b) in grouped form (`_log_gamma_ratio`, `_digamma_difference`);
        - both small: the formula as written.
        """
        small, large = np.minimum(a, b), np.maximum(a, b)
        both = small >= ASYMPTOTIC_MIN
        mixed = (small < ASYMPTOTIC_MIN) & (large >= ASYMPTOTIC_MIN)
        with np.errstate(all="ignore"):
            A, B = np.where(both, small, 1e3), np.where(both, large, 1e3)
            S = A + B
            h_both = (0.5 * np.log(2.0 * math.pi * (A / S) * (B / S) / S) + 0.5
                      - 0.5 / A - 0.5 / B + 1.0 / S
                      + _stirling_r(A) + _stirling_r(B) - _stirling_r(S)
                      + (A - 1.0) * _stirling_t(A) + (B - 1.0) * _stirling_t(B)
                      - (S - 2.0) * _stirling_t(S))
            A, B = np.where(mixed, small, 1.0), np.where(mixed, large, 1e3)
            S = A + B
            h_mixed = (special.gammaln(A) - (A - 1.0) * (_digamma(A) - _digamma(S))
                       + (B - 1.0) * _digamma_difference(B, A) - _log_gamma_ratio(B, A))
            A, B = np.where(both | mixed, 1.0, a), np.where(both | mixed, 1.0, b)
            S = A + B
            h_plain = (np.log(special.beta(A, B)) - (A - 1.0) * _digamma(A)
                       - (B - 1.0) * _digamma(B) + (S - 2.0) * _digamma(S))
        return np.where(both, h_both, np.where(mixed, h_mixed, h_plain))

    def _rvs(self, rng, shape, a, b):
        # Step 4: a ratio of gammas.
        # X/(X + Y) = expit(log X − log Y): no 0/0 when both underflow (small a, b).
        log_X = _sampling.log_standard_gamma(rng, a, shape)
        log_Y = _sampling.log_standard_gamma(rng, b, shape)
        with np.errstate(invalid="ignore"):  # an infinite shape: ∞/(∞ + Y) is nan (NumPy)
            return np.where((log_X == np.inf) | (log_Y == np.inf), np.nan,
                            special.expit(log_X - log_Y))

    def _fit(self, x):
        if np.any((x <= 0) | (x >= 1)):
            raise ValueError("beta.fit with loc=0, scale=1 fixed needs data inside (0, 1)")
        # Step 5: Newton on the score, from the method of moments.
        g = np.array([np.mean(np.log(x)), np.mean(np.log1p(-x))])
        m = np.mean(x)
        v = np.mean((x - m) ** 2)
        if v <= 0:
            raise ValueError("beta.fit needs data that are not all equal")
        common = max(m * (1.0 - m) / v - 1.0, 1e-3)
        theta = np.array([m * common, (1.0 - m) * common])
        for _ in range(MAX_NEWTON):
            score = _digamma(theta) - _digamma(theta.sum()) - g
            t_ab = _trigamma(theta.sum())
            H = np.diag(_trigamma(theta)) - t_ab
            det = H[0, 0] * H[1, 1] - H[0, 1] * H[1, 0]
            step = np.array([H[1, 1] * score[0] - H[0, 1] * score[1],
                             H[0, 0] * score[1] - H[1, 0] * score[0]]) / det
            new = theta - step
            new = np.where(new <= 0, theta / 2.0, new)
            converged = np.all(np.abs(new - theta) <= 4 * EPS * new)
            theta = new
            if converged:
                break
        return float(theta[0]), float(theta[1]), 0.0, 1.0


# ---------------------------------------------------------------------------------------
# Discrete distributions
# ---------------------------------------------------------------------------------------

@fill_doc(returns=_RETURNS_DISCRETE, raises=_RAISES_DISCRETE)
class bernoulli_gen(_Discrete):
    """The Bernoulli distribution: 1 with probability p, 0 with probability 1 − p.

    .. math:: P(X = k) = p^k (1-p)^{1-k},\\quad k \\in \\{0, 1\\}

    ``bernoulli(p, loc=0)`` freezes (methods pmf, logpmf, cdf, logcdf, sf, ppf, isf, mean,
    var, std, entropy, rvs).

    Parameters
    ----------
    p : array_like, the probability of 1, in [0, 1].
    loc : int, the shift (default 0).

    {returns}

    {raises}

    Notes
    -----
    *Algorithm*

    1. log pmf = xlogy(k, p) + xlogy(1 − k, 1 − p); F(0) = 1 − p.
    2. Variates by inversion: 1 when U > 1 − p for p ≤ 1/2, when U ≤ p otherwise (U
       uniform on [0, 1); NumPy's inversion for binomial(1, p), so a seed gives SciPy's
       numbers).

    *Complexity*: O(1). *Numerical stability*: exact formulas.

    References
    ----------
    Casella & Berger §3.2.

    Checked against ``reference.stats.bernoulli`` → ``scipy.stats.bernoulli``.

    Examples
    --------
    >>> from mathml.stats import bernoulli
    >>> print(float(bernoulli(0.7).pmf(1)), float(bernoulli.var(0.5)))
    0.7 0.25
    """

    name = "bernoulli"
    n_shapes = 1
    shape_names = ("p",)

    def __call__(self, p: float, loc: int = 0) -> rv_frozen:
        return self._freeze(p, loc=loc)

    def _argcheck(self, p):
        return (p >= 0) & (p <= 1)

    def _support(self, p):
        return np.zeros_like(p), np.ones_like(p)

    def _logpmf(self, k, p):
        # Step 1: the log-pmf.
        return special.xlogy(k, p) + special.xlogy(1.0 - k, 1.0 - p)

    def _cdf(self, k, p):
        return np.where(k >= 1, 1.0, 1.0 - p)

    def _sf(self, k, p):
        return np.where(k >= 1, 0.0, p)

    def _stats(self, p):
        return p, p * (1.0 - p)

    def _entropy(self, p):
        return -special.xlogy(p, p) - special.xlogy(1.0 - p, 1.0 - p)

    def _rvs(self, rng, shape, p):
        # Step 2: inversion, as NumPy's binomial(1, p) inverts (so a RandomState seed gives
        # SciPy's very variates): for p ≤ 1/2, 1 when U > 1 − p; else 1 when U ≤ p.
        U = rng.random(shape)
        return np.where(p <= 0.5, U > 1.0 - p, U <= p).astype(float)


@fill_doc(returns=_RETURNS_DISCRETE, raises=_RAISES_DISCRETE)
class binom_gen(_Discrete):
    """The binomial distribution: successes in n independent trials of probability p.

    .. math:: P(X = k) = \\binom{n}{k} p^k (1-p)^{n-k},\\quad k = 0, \\dots, n

    ``binom(n, p, loc=0)`` freezes; n must be a non-negative integer (else nan, as SciPy).

    Parameters
    ----------
    n : array_like, the number of trials (a non-negative integer).
    p : array_like, the success probability in [0, 1].
    loc : int, the shift (default 0).

    {returns}

    {raises}

    Notes
    -----
    *Algorithm*

    1. log pmf = log Γ(n+1) − log Γ(k+1) − log Γ(n−k+1) + xlogy(k, p) + xlogy(n−k, 1−p).
    2. F(k) = I_{1−p}(n − k, k + 1), S(k) = I_p(k + 1, n − k) (`special.betainc`).
    3. Quantiles by bisection on the integers with F (or S).
    4. Variates: inversion by sequential search from the Cornish–Fisher quantile, the pmf
       carried by its ratio (n − k)/(k + 1)·p/(1 − p) — exact in distribution, O(1) steps
       (capped; bisection finishes what the cap leaves).
    5. Entropy: −Σ p log p over np ± (40σ + 40), or the asymptotic series for npq > 1e5.

    *Complexity*: O(log n) incomplete-beta evaluations per quantile; entropy O(min(σ, 1e3)).

    *Numerical stability*: as `special.betainc` (≲ 1e-13 relative for n ≤ 200).

    References
    ----------
    Casella & Berger §3.2; Devroye §X.4 (binomial by inversion).

    Checked against ``reference.stats.binom`` → ``scipy.stats.binom``.

    Examples
    --------
    >>> from mathml.stats import binom
    >>> print(round(float(binom(10, 0.3).pmf(3)), 8), float(binom.ppf(0.5, 10, 0.3)))
    0.26682793 3.0
    """

    name = "binom"
    n_shapes = 2
    shape_names = ("n", "p")

    def __call__(self, n: int, p: float, loc: int = 0) -> rv_frozen:
        return self._freeze(n, p, loc=loc)

    def _argcheck(self, n, p):
        return (n >= 0) & (np.floor(n) == n) & (p >= 0) & (p <= 1)

    def _support(self, n, p):
        return np.zeros_like(n), n

    def _logpmf(self, k, n, p):
        # Step 1: the log-pmf.
        log_choose = special.gammaln(n + 1.0) - special.gammaln(k + 1.0) \
            - special.gammaln(n - k + 1.0)
        return log_choose + special.xlogy(k, p) + special.xlogy(n - k, 1.0 - p)

    def _cdf(self, k, n, p):
        # Step 2: through the incomplete beta function (k < n here); n = inf has no
        # finite-trial distribution: nan, as SciPy.
        return np.where(np.isfinite(n), special.betainc(n - k, k + 1.0, 1.0 - p), np.nan)

    def _sf(self, k, n, p):
        return np.where(np.isfinite(n), special.betainc(k + 1.0, n - k, p), np.nan)

    def _stats(self, n, p):
        return n * p, n * p * (1.0 - p)

    def _entropy(self, n, p):
        # A sum over the bulk, np ± (40σ + 40), clipped to {0, …, n}: the terms outside it
        # are below e^(−800). Up to σ² = npq = 1e5 (≤ 25,400 terms); beyond, the asymptotic
        # ½ log(2πe npq) − (1 − 4pq)/(12 npq) (the Edgeworth expansion's first correction,
        # which is −γ₁²/12 with γ₁ the skewness; the next is O((npq)⁻²) ≲ 1e-11).
        v = n * p * (1.0 - p)
        big = v > 1e5
        V = np.where(big, v, 1e5)
        pq = p * (1.0 - p)
        series = 0.5 * np.log(2.0 * math.pi * math.e * V) - (1.0 - 4.0 * pq) / (12.0 * V)
        n_, p_ = np.where(big, 1.0, n), np.where(big, 0.5, p)
        spread = 40.0 * np.sqrt(n_ * p_ * (1.0 - p_)) + 40.0
        lo = np.maximum(np.floor(n_ * p_ - spread), 0.0)
        hi = np.minimum(np.ceil(n_ * p_ + spread), n_)
        summed = self._entropy_by_sum(lo, hi, n_, p_)
        return np.where(big, series, summed)

    def _check_rvs_types(self, n, p):
        # NumPy's sampler casts n to int64 under the 'safe' rule: a float n, even 10.0 or
        # inf, is SciPy's TypeError (the other methods take a float n that is an integer).
        if np.asarray(n).dtype.kind == "f":
            raise TypeError("Cannot cast scalar from dtype('float64') to dtype('int64') "
                            "according to the rule 'safe'")

    def _rvs(self, rng, shape, n, p):
        # Step 4: sequential search from the normal approximation's quantile.
        U = rng.random(shape)
        with np.errstate(all="ignore"):
            sd = np.sqrt(n * p * (1.0 - p))
            skew = np.where(sd > 0, (1.0 - 2.0 * p) / sd, 0.0)
            start = _cornish_fisher(U, n * p, sd, skew, 0.0, n)
            return _sampling.discrete_inversion(
                U, start, lambda k: np.where(k >= n, 1.0, self._cdf(k, n, p)),
                lambda k: np.exp(self._logpmf(k, n, p)),
                lambda k: (n - k) / (k + 1.0) * p / (1.0 - p),
                lambda k: k / (n - k + 1.0) * (1.0 - p) / p, n,
                lambda U, m: self._search(U[m], [n[m], p[m]], np.zeros(int(m.sum())), n[m],
                                          upper=False))


@fill_doc(returns=_RETURNS_DISCRETE, raises=_RAISES_DISCRETE)
class poisson_gen(_Discrete):
    """The Poisson distribution with mean mu ≥ 0.

    .. math:: P(X = k) = \\frac{\\mu^k e^{-\\mu}}{k!},\\quad k = 0, 1, \\dots

    ``poisson(mu, loc=0)`` freezes.

    Parameters
    ----------
    mu : array_like, the mean ≥ 0.
    loc : int, the shift (default 0).

    {returns}

    {raises}

    Notes
    -----
    *Algorithm*

    1. log pmf = xlogy(k, μ) − μ − log Γ(k + 1).
    2. F(k) = Q(k + 1, μ) = `special.gammaincc`, S(k) = P(k + 1, μ).
    3. Quantiles by bisection on the integers (the bracket doubled until it holds).
    4. Variates: inversion by sequential search from the Cornish–Fisher quantile, the pmf
       carried by its ratio μ/(k + 1) — exact in distribution, O(1) steps (the chop-down
       search from 0 would take O(μ)); b. for μ ≥ 1e4 Hörmann's PTRS (NumPy's method),
       a rejection from uniform draws with O(1) work whatever μ.
    5. Entropy: −Σ p log p over the k where p is not negligible (μ ± 40√μ + 40) up to
       μ = 1e4, the asymptotic series beyond (bounded work, ∞ at μ = ∞).

    *Complexity*: O(log μ) incomplete-gamma evaluations per quantile.

    *Numerical stability*: as `special.gammainc` (≲ 1e-13 relative for μ ≤ 100).

    References
    ----------
    Casella & Berger §3.2; Devroye §X.3 (Poisson by inversion).

    Checked against ``reference.stats.poisson`` → ``scipy.stats.poisson``.

    Examples
    --------
    >>> from mathml.stats import poisson
    >>> print(round(float(poisson(3.0).pmf(2)), 8), round(float(poisson.cdf(2, 3.0)), 8))
    0.22404181 0.42319008
    """

    name = "poisson"
    n_shapes = 1
    shape_names = ("mu",)

    def __call__(self, mu: float, loc: int = 0) -> rv_frozen:
        return self._freeze(mu, loc=loc)

    def _argcheck(self, mu):
        return mu >= 0

    def _logpmf(self, k, mu):
        # Step 1: the log-pmf.
        return special.xlogy(k, mu) - mu - special.gammaln(k + 1.0)

    def _cdf(self, k, mu):
        # Step 2: through the incomplete gamma function.
        return np.where(mu == 0, 1.0, special.gammaincc(k + 1.0, mu))

    def _sf(self, k, mu):
        return np.where(mu == 0, 0.0, special.gammainc(k + 1.0, mu))

    def _stats(self, mu):
        return mu, mu

    def _entropy(self, mu):
        # Step 5: a sum over the bulk of the support up to μ = 1e4 (≤ 8,100 terms); beyond,
        # the asymptotic series ½ log(2πeμ) − 1/(12μ) − 1/(24μ²) − 19/(360μ³) (its next
        # term is O(μ⁻⁴) < 1e-16), so the work no longer grows with μ; μ = ∞ gives ∞.
        big = mu > 1e4
        M = np.where(big, mu, 1e4)
        series = 0.5 * np.log(2.0 * math.pi * math.e * M) - (1 / 12 + (1 / 24 + 19 / (360 * M)) / M) / M
        m = np.where(big, 1.0, mu)
        spread = 40.0 * np.sqrt(m) + 40.0
        summed = self._entropy_by_sum(np.maximum(np.floor(m - spread), 0.0), np.ceil(m + spread), m)
        return np.where(big, series, summed)

    def _rvs(self, rng, shape, mu):
        if np.any(mu > POISSON_LAM_MAX):  # NumPy's bound (variates must fit an int64)
            raise ValueError("lam value too large")
        big = mu >= PTRS_MIN
        if big.any():  # Step 4b: transformed rejection, O(1) work per variate
            k = np.empty(shape)
            k[big] = _sampling.poisson_ptrs(rng, mu[big], lambda k: special.gammaln(k + 1.0))
            if not big.all():
                k[~big] = self._rvs(rng, (int((~big).sum()),), mu[~big])
            return k
        # Step 4: sequential search from the normal approximation's quantile.
        U = rng.random(shape)
        with np.errstate(all="ignore"):
            sd = np.sqrt(mu)
            start = _cornish_fisher(U, mu, sd, np.where(sd > 0, 1.0 / sd, 0.0), 0.0, np.inf)
            return _sampling.discrete_inversion(
                U, start, lambda k: self._cdf(k, mu), lambda k: np.exp(self._logpmf(k, mu)),
                lambda k: mu / (k + 1.0), lambda k: k / mu, np.full(shape, np.inf),
                lambda U, m: self._search(U[m], [mu[m]], np.zeros(int(m.sum())),
                                          np.full(int(m.sum()), np.inf), upper=False))


# ---------------------------------------------------------------------------------------
# The multivariate normal distribution
# ---------------------------------------------------------------------------------------

class multivariate_normal_frozen:
    """N(mean, cov) with its factor computed once: pdf, logpdf, rvs, mean, cov, entropy.

    Σ = A Aᵀ with A the Cholesky factor L (d × d); with ``allow_singular=True`` A = U_r S_r^½
    from the eigenvectors of the r eigenvalues above SciPy's cutoff 1e6·eps·max|λ| (a
    density on the r-dimensional support μ + range(Σ), zero off it)."""

    def __init__(self, mean: Any, cov: Any, allow_singular: bool = False):
        self.mean, self.cov = _mvn_parameters(mean, cov)
        self.dim = self.mean.shape[0]
        self.allow_singular = bool(allow_singular)
        self._L: NDArray | None
        self._null: NDArray | None
        if self.allow_singular:
            self._A, self._null, self._log_det = _mvn_eigen_factor(self.cov)
            self._L = None
        else:
            self._L = _mvn_cholesky(self.cov)
            self._A, self._null = self._L, None
            self._log_det = 2.0 * float(np.sum(np.log(np.diag(self._L))))
        self.rank = self._A.shape[1]

    def _mahalanobis(self, D: NDArray) -> NDArray:
        """‖A⁺(x − μ)‖² for the rows of D = x − μ: a triangular solve with L, or the
        projection on the scaled eigenvectors (A⁺ = S_r^{−½} U_rᵀ)."""
        if self._L is not None:
            Z = _forward_substitution(self._L, D.T)
            return np.sum(Z * Z, axis=0)
        Z = D @ (self._A / np.sum(self._A * self._A, axis=0))
        return np.sum(Z * Z, axis=1)

    def logpdf(self, x: ArrayLike) -> Any:
        """log f(x) at each point of `x`, whose last axis holds the d coordinates (SciPy's
        shapes: x of shape (d,) gives a scalar, (..., d) an array of shape (...))."""
        X = _mvn_quantiles(x, self.dim)
        D = (X - self.mean).reshape(-1, self.dim)
        with np.errstate(invalid="ignore", over="ignore"):
            maha = self._mahalanobis(D)
            out = -0.5 * (self.rank * math.log(2.0 * math.pi) + self._log_det + maha)
            if self._null is not None and self._null.shape[1]:
                off = np.sqrt(np.sum((D @ self._null) ** 2, axis=1)) >= self._cutoff()
                out = np.where(off, -np.inf, out)
        out = out.reshape(X.shape[:-1])
        return _out(np.squeeze(out))

    def _cutoff(self) -> float:
        return 1e6 * EPS * float(np.max(np.abs(np.sum(self._A * self._A, axis=0)), initial=0.0))

    def pdf(self, x: ArrayLike) -> Any:
        """f(x) at each point of `x` (shapes as `logpdf`)."""
        return _out(np.exp(self.logpdf(x)))

    def cdf(self, x: ArrayLike) -> Any:
        """F(x) = P(X ≤ x coordinatewise) at each point of `x` (shapes as `logpdf`): exact
        through `norm` for d = 1, else Genz's quasi-Monte Carlo integration (`_genz_cdf`),
        to an absolute error below ~1e-6 (3 standard errors over random lattice shifts)."""
        X = _mvn_quantiles(x, self.dim)
        B = (X - self.mean).reshape(-1, self.dim)
        if self.dim == 1:
            F = norm.cdf(B[:, 0] / math.sqrt(self.cov[0, 0]))
        else:
            if self._L is None:
                if self.rank < self.dim:
                    raise ValueError("cdf of a singular multivariate normal (rank "
                                     f"{self.rank} < {self.dim}) is not implemented")
                L = _mvn_cholesky(self.cov)
            else:
                L = self._L
            F = np.array([_genz_cdf(b, L) for b in B])
        return _out(np.squeeze(np.asarray(F).reshape(X.shape[:-1])))

    def logcdf(self, x: ArrayLike) -> Any:
        """log F(x) (the log of `cdf`'s estimate, as SciPy)."""
        with np.errstate(divide="ignore"):
            return _out(np.log(self.cdf(x)))

    def entropy(self) -> float:
        """The differential entropy ½ (r (1 + log 2π) + log det Σ), in nats (r = d unless
        singular: the entropy on the support, with the pseudo-determinant)."""
        return float(0.5 * (self.rank * (1.0 + math.log(2.0 * math.pi)) + self._log_det))

    def rvs(self, size: int | tuple[int, ...] | None = None, random_state: Any = None) -> Any:
        """Variates of shape size + (d,) (squeezed as SciPy), from `random_state`."""
        shape = () if size is None else _sampling.shape_of_size(size)
        rng = _sampling.generator(random_state)
        Z = _sampling.standard_normal(rng, shape + (self.rank,))
        X = self.mean + Z @ self._A.T
        # SciPy squeezes: size=None gives one vector; a 1-D distribution gives scalars.
        return _out(np.squeeze(X, axis=-1) if self.dim == 1 else X)


#: Genz's integration: lattice points per shift and per dimension, and random shifts.
GENZ_POINTS, GENZ_SHIFTS = 10_000, 10
_RICHTMYER = np.sqrt(np.array([2.0, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53,
                               59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113]))


def _genz_cdf(b: NDArray, L: NDArray) -> float:
    """P(X ≤ μ + b) for X ~ N(μ, L Lᵀ) by Genz's separation of variables (Genz 1992; Genz &
    Bretz, *Computation of Multivariate Normal and t Probabilities*, 2009, §4.1.1): with
    X − μ = L y, y standard normal, the probability is the integral over the unit cube
    [0, 1]^{d−1} of f(w) = e₁ e₂ ⋯ e_d, where

        e₁ = Φ(b₁/l₁₁),  y_{i−1} = Φ⁻¹(w_{i−1} e_{i−1}),
        e_i = Φ((b_i − Σ_{j<i} l_ij y_j)/l_ii)   (i = 2, …, d).

    Step 1: the integrand is smooth and the cube of dimension d − 1, so a randomly shifted
    Richtmyer lattice w_k = frac(k √p + Δ) (p the first primes) with the baker's transform
    |2w − 1| integrates it with error ~1/n rather than Monte Carlo's 1/√n.
    Step 2: the mean over GENZ_SHIFTS independent shifts Δ (uniform draws of a fixed-seed
    Generator: the result is deterministic); their spread estimates the error (≲ 1e-6)."""
    d = b.shape[0]
    if d - 1 > _RICHTMYER.size:
        raise ValueError(f"cdf is implemented up to dimension {_RICHTMYER.size + 1}")
    if np.any(np.isnan(b)):
        return float("nan")
    rng = np.random.default_rng(0)
    k = np.arange(1, GENZ_POINTS + 1, dtype=float)[:, None]
    # Step 1: all shifted lattices at once (rows: shift-major), periodised by the baker's
    # transform.
    shifts = rng.random((GENZ_SHIFTS, 1, d - 1))
    w = np.abs(2.0 * ((k * _RICHTMYER[:d - 1] + shifts) % 1.0) - 1.0).reshape(-1, d - 1)
    n = w.shape[0]
    e = np.full(n, 0.5 * special.erfc(-b[0] / L[0, 0] / SQRT2))
    f = e.copy()
    y = np.zeros((n, d - 1))
    with np.errstate(all="ignore"):
        for i in range(1, d):
            y[:, i - 1] = _ndtri(np.clip(w[:, i - 1] * e, 1e-300, 1.0 - 1e-16))
            e = 0.5 * special.erfc(-(b[i] - y[:, :i] @ L[i, :i]) / L[i, i] / SQRT2)
            f = f * e
    # Step 2: the mean of the shifts' means.
    return float(np.mean(f.reshape(GENZ_SHIFTS, GENZ_POINTS)))


def _mvn_quantiles(x: Any, d: int) -> NDArray:
    """The points as SciPy reads them (``_process_quantiles``): float conversion (None is
    nan, a string that is not a number ValueError), a scalar or a length-1 vector repeated
    over the d coordinates, a vector of length d one point; the last axis must have length
    d (or 1, broadcast): an empty x is SciPy's ValueError, not an IndexError."""
    if np.iscomplexobj(x):
        raise TypeError("complex input is not supported: pass a real array")
    X = np.asarray(x, dtype=float)
    if X.ndim == 0:
        X = X[np.newaxis]
    elif X.ndim == 1:
        X = X[:, np.newaxis] if d == 1 else X[np.newaxis, :]
    if X.shape[-1] not in (d, 1):
        raise ValueError(f"operands could not be broadcast together: x of shape {X.shape} "
                         f"against a mean of shape ({d},); the last axis of x holds the "
                         f"{d} coordinates")
    return np.broadcast_to(X, X.shape[:-1] + (d,))


def _mvn_eigen_factor(C: NDArray) -> tuple[NDArray, NDArray, float]:
    """A = U_r S_r^½ (Σ = A Aᵀ), the null-space eigenvectors and log pdet Σ, as SciPy's
    ``_PSD``: eigenvalues ≤ 1e6·eps·max|λ| are zero, below its negative a ValueError."""
    if not np.allclose(C, C.T, rtol=1e-12, atol=1e-14):
        raise ValueError("the covariance matrix must be symmetric positive semidefinite")
    lam, U = eigh(C)
    cut = 1e6 * EPS * float(np.max(np.abs(lam)))
    if np.min(lam) < -cut:
        raise ValueError("the input matrix must be positive semidefinite")
    keep = lam > cut
    return U[:, keep] * np.sqrt(lam[keep]), U[:, ~keep], float(np.sum(np.log(lam[keep])))


def _forward_substitution(L: NDArray, B: NDArray) -> NDArray:
    """Z = L⁻¹ B for lower-triangular L, row by row (a loop over pivots, vectorised over
    the columns of B)."""
    Z = np.empty_like(B)
    for i in range(L.shape[0]):
        Z[i] = (B[i] - L[i, :i] @ Z[:i]) / L[i, i]
    return Z


def _mvn_parameters(mean: Any, cov: Any) -> tuple[NDArray, NDArray]:
    cov = 1.0 if cov is None else cov  # SciPy's default, also when given as None
    mu = np.atleast_1d(as_float_array(0.0 if mean is None else mean))
    if mu.ndim != 1:
        raise ValueError(f"mean must be 1-D, got shape {mu.shape}")
    C = as_float_array(cov)
    d = mu.shape[0] if mean is not None else (C.shape[0] if C.ndim == 2 else max(C.size, 1))
    mu = np.broadcast_to(mu, (d,)).copy()
    if C.ndim == 0:
        C = C * np.eye(d)
    elif C.ndim == 1:
        C = np.diag(C)
    if C.shape != (d, d):
        raise ValueError(f"Array 'cov' must be of shape {(d, d)} to match mean of "
                         f"shape {mu.shape}, got {C.shape}")
    # An infinite or NaN mean gives densities 0 or nan as SciPy; the covariance is factored
    if not np.isfinite(C).all():
        raise ValueError("array must not contain infs or NaNs")
    return mu, C


def _mvn_cholesky(C: NDArray) -> NDArray:
    """The lower Cholesky factor, or SciPy's error for a covariance that is not
    symmetric positive definite (SciPy raises ValueError — its LinAlgError subclass for
    a singular matrix, ValueError with "not positive semidefinite" for an indefinite one)."""
    if not np.allclose(C, C.T, rtol=1e-12, atol=1e-14):
        raise ValueError("the covariance matrix must be symmetric positive definite")
    try:
        return cholesky(C)
    except LinAlgError:
        raise ValueError("the input matrix must be symmetric positive definite (the "
                         "covariance is singular or not positive semidefinite)") from None


class multivariate_normal_gen:
    """The multivariate normal distribution N(mean, cov) of dimension d.

    .. math:: f(x) = (2\\pi)^{-d/2} \\det(\\Sigma)^{-1/2}
              \\exp\\bigl(-\\tfrac12 (x-\\mu)^\\top \\Sigma^{-1} (x-\\mu)\\bigr)

    ``multivariate_normal(mean=None, cov=1.0, allow_singular=False)`` freezes (cov a
    scalar, a vector of variances or a d×d matrix, as SciPy); methods ``logpdf(x)``,
    ``pdf(x)``, ``cdf(x)``, ``logcdf(x)`` (x of shape (d,) or (..., d)), ``entropy()``,
    ``rvs(size, random_state)``; attributes ``mean``, ``cov``. Unfrozen:
    ``multivariate_normal.pdf(x, mean, cov)``. The cdf is Genz's numerical integration,
    as SciPy's (an estimate within ~1e-5, not a closed form).

    Parameters
    ----------
    mean : array_like of shape (d,), default 0 (then d from `cov`); an infinite or NaN
        mean gives densities 0 or nan, as SciPy.
    cov : scalar, array_like of shape (d,) (variances) or (d, d), default 1.
    allow_singular : bool, default False
        Allow a singular Σ: the density on its support μ + range(Σ) (rank r), with the
        pseudo-determinant, and 0 off it — SciPy's eigenvalue cutoff 1e6·eps·max|λ|.

    Returns
    -------
    multivariate_normal_frozen
        ``pdf``/``logpdf`` of x with shape (d,) (a float64) or (n, d) (shape (n,));
        ``rvs(size)`` of shape size + (d,) (squeezed as SciPy: (d,) for size None, and
        no trailing axis when d = 1); ``entropy()`` a float.

    Raises
    ------
    ValueError
        A covariance that is not symmetric positive definite (semidefinite with
        ``allow_singular``), shapes that differ, or points whose last axis is not d.

    Notes
    -----
    *Algorithm*

    1. Σ = L Lᵀ by `mathml.linalg.cholesky`, once; a Σ that is not symmetric positive
       definite raises ValueError (SciPy raises ValueError, or its LinAlgError subclass of
       ValueError, for singular Σ with ``allow_singular=False``).
    2. log f = −½ (d log 2π + log det Σ + ‖L⁻¹(x − μ)‖²), log det Σ = 2 Σ log L_ii.
    3. Variates: μ + L z with z standard normal (Box–Muller).
    4. ``allow_singular``: Σ = U Λ Uᵀ (`mathml.linalg.eigh`); A = U_r Λ_r^½ replaces L,
       log det becomes the log pseudo-determinant, d becomes r in the constant.
    5. cdf: Genz's separation of variables on a randomly shifted Richtmyer lattice
       (`_genz_cdf`); d = 1 exactly through `norm`.

    *Complexity*: O(d³) once, then O(d²) per point.

    *Numerical stability*: the triangular solve is backward stable; no inverse of Σ is
    formed.

    References
    ----------
    Bishop, Pattern Recognition and Machine Learning, §2.3; Golub & Van Loan, Matrix
    Computations, 4th ed., §4.2 (Cholesky).

    Checked against ``reference.stats.multivariate_normal`` → ``scipy.stats.multivariate_normal``
    (SciPy uses an eigendecomposition; the values agree to rounding for well-conditioned Σ).

    Examples
    --------
    >>> from mathml.stats import multivariate_normal
    >>> mvn = multivariate_normal([0.0, 0.0], [[1.0, 0.0], [0.0, 1.0]])
    >>> print(round(float(mvn.pdf([0.0, 0.0])), 8))
    0.15915494
    """

    __wrapped__ = _SourceOfInstance()
    name = "multivariate_normal"

    def __call__(self, mean: Any = None, cov: Any = 1.0,
                 allow_singular: bool = False) -> multivariate_normal_frozen:
        return multivariate_normal_frozen(mean, cov, allow_singular)

    def logpdf(self, x: ArrayLike, mean: Any = None, cov: Any = 1.0,
               allow_singular: bool = False) -> Any:
        """log f(x), unfrozen: ``multivariate_normal.logpdf(x, mean, cov)``."""
        return self(mean, cov, allow_singular).logpdf(x)

    def pdf(self, x: ArrayLike, mean: Any = None, cov: Any = 1.0,
            allow_singular: bool = False) -> Any:
        """The density f(x), unfrozen: ``multivariate_normal.pdf(x, mean, cov)``."""
        return self(mean, cov, allow_singular).pdf(x)

    def cdf(self, x: ArrayLike, mean: Any = None, cov: Any = 1.0,
            allow_singular: bool = False) -> Any:
        """F(x), unfrozen: ``multivariate_normal.cdf(x, mean, cov)``."""
        return self(mean, cov, allow_singular).cdf(x)

    def logcdf(self, x: ArrayLike, mean: Any = None, cov: Any = 1.0,
               allow_singular: bool = False) -> Any:
        """log F(x), unfrozen: ``multivariate_normal.logcdf(x, mean, cov)``."""
        return self(mean, cov, allow_singular).logcdf(x)

    def entropy(self, mean: Any = None, cov: Any = 1.0) -> float:
        """The entropy in nats, unfrozen: ``multivariate_normal.entropy(mean, cov)``."""
        return self(mean, cov).entropy()

    def rvs(self, mean: Any = None, cov: Any = 1.0, size: Any = None,
            random_state: Any = None) -> Any:
        """Variates, unfrozen: ``multivariate_normal.rvs(mean, cov, size, random_state)``."""
        return self(mean, cov).rvs(size=size, random_state=random_state)


norm = norm_gen()
uniform = uniform_gen()
expon = expon_gen()
gamma = gamma_gen()
beta = beta_gen()
bernoulli = bernoulli_gen()
binom = binom_gen()
poisson = poisson_gen()
multivariate_normal = multivariate_normal_gen()
