"""Numerical differentiation through SciPy: the reference for `mathml.differentiate`.

Thin wrappers with the signatures of `mathml.differentiate`. `derivative`, `jacobian` and
`hessian` are ``scipy.differentiate``'s, returning its ``_RichResult`` (the same field
names as `mathml`'s `DerivativeResult`). `partial`, `gradient` and
`directional_derivative` have no SciPy function of their own: they are built on
``scipy.differentiate`` straight from their definitions and return plain arrays, as in
`mathml`. Where SciPy's behaviour differs from the contract (docs/contract.md §3) a wrapper says
so in one comment and adjusts:

- Inputs are converted to float64 first: SciPy would keep float32 in float32, `mathml`
  computes in float64.
- ``step_factor=1`` makes SciPy fail inside ``numpy.linalg.solve`` with "Singular matrix"
  (a `LinAlgError`); the wrappers check first and say what is wrong.
"""
from __future__ import annotations

import operator
from typing import Any
from collections.abc import Callable

import numpy as np
import scipy.differentiate
from numpy.typing import ArrayLike, NDArray

__all__ = ["derivative", "partial", "gradient", "jacobian", "hessian",
           "directional_derivative"]


def _check_step_factor(step_factor: float) -> None:
    # SciPy: LinAlgError("Singular matrix") from its weights; say what is wrong instead.
    if np.ndim(step_factor) == 0 and step_factor == 1:
        raise ValueError("`step_factor` must not be 1: the steps of successive iterations "
                         "would coincide")


def _float(x: ArrayLike) -> Any:
    x = np.asarray(x)
    return x if np.iscomplexobj(x) else x.astype(np.float64)


def _check_step_direction(step_direction: ArrayLike) -> None:
    # A complex direction has no sign to choose a stencil by; SciPy would take the sign of
    # the complex number and go on. Refused as mathml refuses it.
    if np.iscomplexobj(step_direction):
        raise ValueError("`step_direction` must be real: its sign chooses the stencil "
                         "(central, forward or backward)")


def derivative(f: Callable, x: ArrayLike, *, args: tuple = (), tolerances: dict | None = None,
               maxiter: int = 10, order: int = 8, initial_step: ArrayLike = 0.5,
               step_factor: float = 2.0, step_direction: ArrayLike = 0,
               preserve_shape: bool = False, callback: Callable | None = None) -> Any:
    _check_step_factor(step_factor)
    _check_step_direction(step_direction)
    return scipy.differentiate.derivative(
        f, _float(x), args=args, tolerances=tolerances, maxiter=maxiter, order=order,
        initial_step=initial_step, step_factor=step_factor, step_direction=step_direction,
        preserve_shape=preserve_shape, callback=callback)


def jacobian(f: Callable, x: ArrayLike, *, tolerances: dict | None = None, maxiter: int = 10,
             order: int = 8, initial_step: ArrayLike = 0.5, step_factor: float = 2.0,
             step_direction: ArrayLike = 0) -> Any:
    _check_step_factor(step_factor)
    _check_step_direction(step_direction)
    return scipy.differentiate.jacobian(
        f, _float(x), tolerances=tolerances, maxiter=maxiter, order=order,
        initial_step=initial_step, step_factor=step_factor, step_direction=step_direction)


def hessian(f: Callable, x: ArrayLike, *, tolerances: dict | None = None, maxiter: int = 10,
            order: int = 8, initial_step: ArrayLike = 0.5, step_factor: float = 2.0) -> Any:
    _check_step_factor(step_factor)
    return scipy.differentiate.hessian(
        f, _float(x), tolerances=tolerances, maxiter=maxiter, order=order,
        initial_step=initial_step, step_factor=step_factor)


def partial(f: Callable, x: ArrayLike, i: int, *, tolerances: dict | None = None,
            maxiter: int = 10, order: int = 8, initial_step: ArrayLike = 0.5,
            step_factor: float = 2.0, step_direction: ArrayLike = 0) -> NDArray:
    x = _points(x)
    i = operator.index(i)
    if not -x.shape[0] <= i < x.shape[0]:
        raise IndexError(f"index {i} is out of bounds for axis 0 with size {x.shape[0]}")
    # SciPy has no partial derivative: entry i of the gradient is one.
    return gradient(f, x, tolerances=tolerances, maxiter=maxiter, order=order,
                    initial_step=initial_step, step_factor=step_factor,
                    step_direction=step_direction)[i]


def gradient(f: Callable, x: ArrayLike, *, tolerances: dict | None = None, maxiter: int = 10,
             order: int = 8, initial_step: ArrayLike = 0.5, step_factor: float = 2.0,
             step_direction: ArrayLike = 0) -> NDArray:
    x = _points(x)
    df = jacobian(f, x, tolerances=tolerances, maxiter=maxiter, order=order,
                  initial_step=initial_step, step_factor=step_factor,
                  step_direction=step_direction).df
    # SciPy returns the Jacobian of a vector-valued f without comment; a gradient needs a
    # scalar function, so its extra leading axis is refused.
    if np.shape(df) != x.shape:
        raise ValueError(f"f must return one number per point: its derivative has shape "
                         f"{np.shape(df)} where {x.shape} was expected; use jacobian for a "
                         f"vector-valued f")
    return df


def directional_derivative(f: Callable, x: ArrayLike, u: ArrayLike, *,
                           tolerances: dict | None = None, maxiter: int = 10, order: int = 8,
                           initial_step: ArrayLike = 0.5, step_factor: float = 2.0,
                           step_direction: ArrayLike = 0) -> NDArray:
    x = _points(x)
    u = np.asarray(u, dtype=np.float64)
    if u.shape != x.shape[:1]:
        raise ValueError(f"u has shape {u.shape} but x has shape {x.shape}: u needs one entry "
                         f"per coordinate of x")
    # The definition d/dt f(x + t û) at t = 0, with u normalised to the unit vector û.
    length = np.sqrt(np.sum(u * u))
    if not length > 0:
        raise ValueError("u must be a nonzero vector: the zero vector has no direction")
    u_hat = u / length

    def along_u(t: NDArray) -> Any:
        # x + t û, with t's axis of abscissae (if any) trailing
        points = x.reshape(x.shape + (1,) * (t.ndim - x.ndim + 1))
        return f(points + u_hat.reshape((-1,) + (1,) * t.ndim) * t)

    return derivative(along_u, np.zeros(x.shape[1:]), tolerances=tolerances, maxiter=maxiter,
                      order=order, initial_step=initial_step, step_factor=step_factor,
                      step_direction=step_direction, preserve_shape=True).df


def _points(x: ArrayLike) -> NDArray:
    x = np.asarray(x)
    if np.iscomplexobj(x):
        raise ValueError("Abscissae and function output must be real numbers.")
    if x.ndim < 1:
        raise ValueError("Argument `x` must be at least 1-D.")
    return x.astype(np.float64)
