"""Distributions through ``scipy.stats``: the reference for `mathml.stats`' distributions.

Thin wrappers with the signatures of `mathml.stats`: each public name is an object whose
call freezes SciPy's distribution (``norm(loc, scale)`` → ``scipy.stats.norm(loc, scale)``)
and whose methods are the unfrozen calls. Where SciPy's behaviour differs from the contract
(docs/contract.md §3) or from `mathml`'s documented choices, a wrapper says so and adjusts:

- ``fit``: `gamma.fit` fixes loc = 0 and `beta.fit` fixes loc = 0, scale = 1 (mathml's
  documented MLE), so the wrappers pass ``floc=0`` (and ``fscale=1``); the fixed values come
  back from SciPy as the ints 0 and 1, returned here as floats like the fitted ones. An
  empty sample makes SciPy return nan with a warning and data outside the support raise
  SciPy's FitDataError: the wrappers check first and raise ValueError (the contract).
- `multivariate_normal` with a covariance that is not positive definite: SciPy raises
  ValueError when it is indefinite and its LinAlgError (a ValueError subclass) when it is
  singular; the contract has one class for both, ValueError, so the wrapper re-raises.
- ``random_state``: passed through; mathml follows SciPy's convention (None: NumPy's global
  RandomState, an int: a new RandomState, a RandomState or Generator as is). uniform, expon
  and bernoulli draw SciPy's very numbers; the others are compared statistically.
- Complex parameters: SciPy evaluates its formulas on them (``bernoulli(1j).pmf`` returns
  numbers); mathml's distributions are real, so `_real` refuses complex parameters with
  TypeError, as mathml does.
- Where mathml deliberately differs (its docstrings say why): ``poisson.entropy`` for
  μ ≳ 1e5 (SciPy's generic sum stops after 1000 terms: 2.77 at μ = 1e6 where the entropy
  is 8.33, 0.0 at μ = 1e12 and ∞; mathml's asymptotic series gives 8.33 and ∞), and
  ``binom(n=inf).var()`` (SciPy's n·p − n·p² is ∞ − ∞ = nan; mathml's n·p·(1 − p) is ∞),
  and ``binom.entropy`` at an infinite or NaN n (SciPy sums over ``np.r_[0:n + 1]`` and
  raises "arange: cannot compute length"; mathml: nan for invalid parameters as the
  contract says, ∞ for n = ∞).
"""
from __future__ import annotations

from typing import Any

import numpy as np
import scipy.stats
from numpy.typing import ArrayLike

__all__ = ["norm", "uniform", "expon", "gamma", "beta", "bernoulli", "binom", "poisson",
           "multivariate_normal"]


def _real(*values: Any) -> None:
    """Refuse complex parameters (see the module docstring)."""
    for v in values:
        if np.iscomplexobj(v):
            raise TypeError("complex input is not supported: pass a real array")


class _SourceOfInstance:
    """``instance.__wrapped__`` is the instance's class, so that ``inspect.unwrap`` (used by
    ``mathml show``) leads from the public object to the wrapper's code."""

    def __get__(self, obj: Any, objtype: Any = None) -> type:
        if obj is None:
            raise AttributeError("__wrapped__")
        return type(obj)


class _Wrapped:
    """The unfrozen calls of a SciPy distribution, through this wrapper's own call."""

    __wrapped__ = _SourceOfInstance()

    def _frozen(self, *args: Any, **kwds: Any) -> Any:
        return self(*args, **kwds)

    def logpdf(self, x: ArrayLike, *args: Any, **kwds: Any) -> Any:
        return self(*args, **kwds).logpdf(x)

    def pdf(self, x: ArrayLike, *args: Any, **kwds: Any) -> Any:
        return self(*args, **kwds).pdf(x)

    def cdf(self, x: ArrayLike, *args: Any, **kwds: Any) -> Any:
        return self(*args, **kwds).cdf(x)

    def logcdf(self, x: ArrayLike, *args: Any, **kwds: Any) -> Any:
        return self(*args, **kwds).logcdf(x)

    def sf(self, x: ArrayLike, *args: Any, **kwds: Any) -> Any:
        return self(*args, **kwds).sf(x)

    def ppf(self, q: ArrayLike, *args: Any, **kwds: Any) -> Any:
        return self(*args, **kwds).ppf(q)

    def isf(self, q: ArrayLike, *args: Any, **kwds: Any) -> Any:
        return self(*args, **kwds).isf(q)

    def mean(self, *args: Any, **kwds: Any) -> Any:
        return self(*args, **kwds).mean()

    def var(self, *args: Any, **kwds: Any) -> Any:
        return self(*args, **kwds).var()

    def std(self, *args: Any, **kwds: Any) -> Any:
        return self(*args, **kwds).std()

    def entropy(self, *args: Any, **kwds: Any) -> Any:
        return self(*args, **kwds).entropy()

    def rvs(self, *args: Any, size: Any = None, random_state: Any = None, **kwds: Any) -> Any:
        return self(*args, **kwds).rvs(size=size, random_state=random_state)


class _Discrete(_Wrapped):
    """Discrete distributions name their methods pmf/logpmf as well (SciPy's names)."""

    def pmf(self, k: ArrayLike, *args: Any, **kwds: Any) -> Any:
        return self(*args, **kwds).pmf(k)

    def logpmf(self, k: ArrayLike, *args: Any, **kwds: Any) -> Any:
        return self(*args, **kwds).logpmf(k)


def _sample(data: ArrayLike, low: float | None = None, high: float | None = None) -> np.ndarray:
    """The contract's checks before SciPy's fit (see the module docstring)."""
    x = np.asarray(data)
    if x.dtype.kind not in "biuf":  # SciPy: TypeError from isfinite; complex refused
        raise TypeError(f"data must be numeric (an array of numbers), got {type(data).__name__}")
    x = x.astype(float).ravel()
    if x.size == 0:
        raise ValueError("fit needs at least one observation: data is empty")
    if not np.isfinite(x).all():
        raise ValueError("data must not contain infs or NaNs")
    if (low is not None and np.any(x <= low)) or (high is not None and np.any(x >= high)):
        raise ValueError(f"data must lie inside ({low}, {high}) for this fit")
    return x


class norm_gen(_Wrapped):
    def __call__(self, loc: float = 0.0, scale: float = 1.0) -> Any:
        _real(loc, scale)
        return scipy.stats.norm(loc=loc, scale=scale)

    def fit(self, data: ArrayLike) -> tuple:
        return scipy.stats.norm.fit(_sample(data))


class uniform_gen(_Wrapped):
    def __call__(self, loc: float = 0.0, scale: float = 1.0) -> Any:
        _real(loc, scale)
        return scipy.stats.uniform(loc=loc, scale=scale)

    def fit(self, data: ArrayLike) -> tuple:
        return tuple(float(v) for v in scipy.stats.uniform.fit(_sample(data)))


class expon_gen(_Wrapped):
    def __call__(self, loc: float = 0.0, scale: float = 1.0) -> Any:
        _real(loc, scale)
        return scipy.stats.expon(loc=loc, scale=scale)

    def fit(self, data: ArrayLike) -> tuple:
        return tuple(float(v) for v in scipy.stats.expon.fit(_sample(data)))


class gamma_gen(_Wrapped):
    def __call__(self, a: float, loc: float = 0.0, scale: float = 1.0) -> Any:
        _real(a, loc, scale)
        return scipy.stats.gamma(a, loc=loc, scale=scale)

    def fit(self, data: ArrayLike) -> tuple:
        # loc fixed at 0 (mathml's documented MLE); SciPy returns the fixed 0 as an int.
        return tuple(float(v) for v in scipy.stats.gamma.fit(_sample(data, low=0.0), floc=0))


class beta_gen(_Wrapped):
    def __call__(self, a: float, b: float, loc: float = 0.0, scale: float = 1.0) -> Any:
        _real(a, b, loc, scale)
        return scipy.stats.beta(a, b, loc=loc, scale=scale)

    def fit(self, data: ArrayLike) -> tuple:
        # loc = 0, scale = 1 fixed (mathml's documented MLE).
        x = _sample(data, low=0.0, high=1.0)
        return tuple(float(v) for v in scipy.stats.beta.fit(x, floc=0, fscale=1))


class bernoulli_gen(_Discrete):
    def __call__(self, p: float, loc: int = 0) -> Any:
        _real(p, loc)
        return scipy.stats.bernoulli(p, loc=loc)


class binom_gen(_Discrete):
    def __call__(self, n: int, p: float, loc: int = 0) -> Any:
        _real(n, p, loc)
        return scipy.stats.binom(n, p, loc=loc)


class poisson_gen(_Discrete):
    def __call__(self, mu: float, loc: int = 0) -> Any:
        _real(mu, loc)
        return scipy.stats.poisson(mu, loc=loc)


class multivariate_normal_gen:
    __wrapped__ = _SourceOfInstance()

    def __call__(self, mean: Any = None, cov: Any = 1.0, allow_singular: bool = False) -> Any:
        _real(mean, cov)
        try:
            return scipy.stats.multivariate_normal(mean, cov, allow_singular=allow_singular)
        except np.linalg.LinAlgError as exc:
            # A singular covariance: SciPy's LinAlgError, the contract's ValueError.
            raise ValueError(str(exc)) from None

    def logpdf(self, x: ArrayLike, mean: Any = None, cov: Any = 1.0,
               allow_singular: bool = False) -> Any:
        _real(x)
        return self(mean, cov, allow_singular).logpdf(x)

    def pdf(self, x: ArrayLike, mean: Any = None, cov: Any = 1.0,
            allow_singular: bool = False) -> Any:
        _real(x)
        return self(mean, cov, allow_singular).pdf(x)

    def cdf(self, x: ArrayLike, mean: Any = None, cov: Any = 1.0,
            allow_singular: bool = False) -> Any:
        _real(x)
        return self(mean, cov, allow_singular).cdf(x)

    def logcdf(self, x: ArrayLike, mean: Any = None, cov: Any = 1.0,
               allow_singular: bool = False) -> Any:
        _real(x)
        return self(mean, cov, allow_singular).logcdf(x)

    def entropy(self, mean: Any = None, cov: Any = 1.0) -> float:
        return self(mean, cov).entropy()

    def rvs(self, mean: Any = None, cov: Any = 1.0, size: Any = None,
            random_state: Any = None) -> Any:
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
