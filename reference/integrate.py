"""Integration through SciPy: the reference for `mathml.integrate`.

Thin wrappers with the signatures of `mathml.integrate`. Where SciPy's behaviour differs
from the contract (docs/contract.md §3) a wrapper says so in one comment and adjusts:

- Sampled data (`trapezoid`, `simpson`): an `x` that does not fit `y` makes SciPy raise
  NumPy's broadcasting error or a message without the shapes, so the wrappers check first
  and name both shapes; complex samples are refused (TypeError) because `mathml` integrates
  real data; `simpson` of no samples raises IndexError in SciPy, ValueError here.
- `quad` exposes SciPy's first nine parameters only (no weight functions), the subset
  `mathml.quad` implements; otherwise it is ``scipy.integrate.quad`` itself, except that
  a NaN upper limit is passed first (SciPy's min/max ordering of the limits would drop it
  and return 0; a NaN lower limit gives its (nan, nan) with the roundoff warning).
- The limits of `quad` and `fixed_quad` must be real numbers, checked first (SciPy's
  errors are accidents: "The truth value of an array … is ambiguous" for an array, a
  complex integral from `fixed_quad` for a complex limit): TypeError for None, a string or
  a complex number, ValueError for an array, naming the limit.
- `monte_carlo` has no SciPy twin with this API: it runs ``scipy.integrate.qmc_quad``
  (randomised quasi–Monte Carlo, 16 independently scrambled Halton sequences seeded from
  `random_state`, about n points in all) on the same bounds, and returns its estimate and
  standard error — an independent estimator, compared statistically.
"""
from __future__ import annotations

import math
import operator
import warnings
from typing import Any, NamedTuple
from collections.abc import Callable

import numpy as np
import scipy.integrate
import scipy.stats
from numpy.typing import ArrayLike, NDArray
from scipy.integrate import IntegrationWarning

from .optimize._inputs import real_array, real_number

__all__ = ["trapezoid", "simpson", "fixed_quad", "quad", "monte_carlo"]

#: The number of independent randomised-QMC estimates `monte_carlo` averages: its
#: standard error has N_ESTIMATES − 1 degrees of freedom (a t distribution).
N_ESTIMATES = 16


class MonteCarloResult(NamedTuple):
    """The estimate and its standard error (the fields of SciPy's ``QMCQuadResult``)."""

    integral: float
    standard_error: float


def _samples(y: ArrayLike, x: ArrayLike | None, axis: int) -> tuple[NDArray, NDArray | None]:
    """The contract's checks on sampled data, before SciPy sees it (see the module docstring)."""
    y = np.asarray(y)
    x = None if x is None else np.asarray(x)
    if any(np.iscomplexobj(v) for v in (y, x) if v is not None):
        raise TypeError("complex input is not supported: pass a real array")
    if y.ndim == 0:
        raise ValueError("y must be an array of samples with at least one dimension, "
                         "got a scalar (shape ())")
    N = np.moveaxis(y, axis, -1).shape[-1]
    if x is None or (x.ndim == 1 and x.shape[0] == N):
        return y, x
    fits = x.ndim > 1 and _broadcasts(x.shape, y.shape)
    if not fits:
        raise ValueError(f"x of shape {x.shape} does not fit y of shape {y.shape}: pass x "
                         f"1-D with y.shape[axis] = {N} entries, or with a shape that "
                         f"broadcasts to y's")
    # SciPy's simpson wants x with y's number of dimensions: give it the broadcast x.
    return y, np.broadcast_to(x, y.shape)


def _broadcasts(shape: tuple[int, ...], target: tuple[int, ...]) -> bool:
    try:
        return np.broadcast_shapes(shape, target) == target
    except ValueError:
        return False


def trapezoid(y: ArrayLike, x: ArrayLike | None = None, dx: float = 1.0,
              axis: int = -1) -> np.float64 | NDArray[np.float64]:
    y, x = _samples(y, x, axis)
    return scipy.integrate.trapezoid(y, x, dx, axis)


def simpson(y: ArrayLike, x: ArrayLike | None = None, *, dx: float = 1.0,
            axis: int = -1) -> np.float64 | NDArray[np.float64]:
    y, x = _samples(y, x, axis)
    if np.moveaxis(y, axis, -1).shape[-1] == 0:
        # SciPy raises IndexError (it indexes the last sample): the contract's ValueError.
        raise ValueError(f"simpson needs at least one sample along axis {axis}; "
                         f"y has shape {y.shape}")
    return scipy.integrate.simpson(y, x=x, dx=dx, axis=axis)


def fixed_quad(func: Callable[..., Any], a: float, b: float, args: tuple = (),
               n: int = 5) -> tuple[Any, None]:
    real_number(a, "a", "fixed_quad"), real_number(b, "b", "fixed_quad")
    return scipy.integrate.fixed_quad(func, a, b, args, n)


def quad(func: Callable[..., Any], a: float, b: float, args: tuple = (),
         full_output: int = 0, epsabs: float = 1.49e-8, epsrel: float = 1.49e-8,
         limit: int = 50, points: ArrayLike | None = None) -> tuple:
    real_number(a, "a", "quad"), real_number(b, "b", "quad")
    if np.isnan(b) and not np.isnan(a):
        # SciPy orders the limits with min/max, which drop a NaN upper limit (quad(f, 0, nan)
        # is 0); a NaN limit is no interval: pass it first, SciPy's (nan, nan) with a warning.
        a, b = b, a
    return scipy.integrate.quad(func, a, b, args, full_output, epsabs, epsrel, limit, points)


def monte_carlo(func: Callable[[NDArray], ArrayLike], a: ArrayLike, b: ArrayLike,
                n: int = 10_000, random_state: int | np.random.Generator | None = None
                ) -> MonteCarloResult:
    # None would become NaN and a complex bound lose its imaginary part: refused first.
    a = np.asarray(real_array(a, "a", "monte_carlo"), dtype=float)
    b = np.asarray(real_array(b, "b", "monte_carlo"), dtype=float)
    # qmc_quad broadcasts bounds of different shapes and accepts infinite ones (returning
    # nan); the contract asks for a ValueError naming the problem.
    if a.shape != b.shape or a.ndim > 1:
        raise ValueError(f"a and b must both be numbers (an interval) or both 1-D arrays "
                         f"of the same length (a box); got shapes {a.shape} and {b.shape}")
    if not (np.isfinite(a).all() and np.isfinite(b).all()):
        raise ValueError("monte_carlo needs finite bounds: map an infinite range to a "
                         "finite one first (e.g. x = t/(1 − t))")
    n = operator.index(n)  # a float n is a TypeError in mathml (n counts points)
    if n < 2:
        raise ValueError(f"monte_carlo needs n ≥ 2 points to estimate its standard error, "
                         f"got n={n}")
    rng = np.random.default_rng(random_state)
    interval = a.ndim == 0
    _check_values(func, np.stack([a, b], axis=-1))
    qrng = scipy.stats.qmc.Halton(1 if interval else a.size, scramble=True, rng=rng)

    def f(x: NDArray) -> NDArray:
        # qmc_quad passes points as (d, n) always, where an interval's func takes (n,); and
        # it would sum a constant func's single number once instead of n times.
        fx = np.asarray(func(x[0] if interval else x), dtype=float)
        return np.broadcast_to(fx, x.shape[1:]) if fx.ndim == 0 else fx

    result = scipy.integrate.qmc_quad(f, np.atleast_1d(a), np.atleast_1d(b),
                                      n_estimates=N_ESTIMATES,
                                      n_points=max(n // N_ESTIMATES, 1), qrng=qrng)
    if not math.isfinite(result.integral):
        # qmc_quad returns nan silently; mathml warns, as quad does on a NaN integrand.
        warnings.warn("func returned NaN or inf at some points: the estimate is not finite",
                      IntegrationWarning, stacklevel=2)
    return MonteCarloResult(float(result.integral), float(result.standard_error))


def _check_values(func: Callable, x: NDArray) -> None:
    """qmc_quad sums whatever func returns, so a result of the wrong shape would give a
    wrong answer instead of an error: try func on two points (the corners a, b) first."""
    fx = np.asarray(func(x), dtype=float)
    if fx.ndim != 0 and fx.shape != (2,):
        raise ValueError(f"func must return 2 values, one per point (shape (2,)); it "
                         f"returned shape {fx.shape} for points of shape {x.shape}")
