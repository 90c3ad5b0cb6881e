"""The Rosenbrock function in N dimensions, its gradient and its Hessian: the classic test
problem of unconstrained minimisation (a curved, narrow valley with its minimum at 1)."""
from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = ["rosen", "rosen_der", "rosen_hess"]


def _as_point(x: ArrayLike, function: str, at_least: int) -> tuple[NDArray, np.dtype]:
    """(x in the working type, the type of the result), as SciPy's: a floating or complex
    x keeps its type (float32 in, float32 out; complex evaluates the polynomial in complex
    arithmetic), anything else becomes float64; float16 and float32 are evaluated in float64
    and rounded once at the end. At least `at_least` coordinates along axis 0: fewer is
    SciPy's IndexError; None or non-numbers are its TypeError/ValueError, naming x."""
    if x is None:
        raise TypeError(f"{function}: x must be an array of numbers, not None")
    x = np.asarray(x)
    if x.dtype == object and any(v is None for v in x.flat):  # astype would make it NaN
        raise TypeError(f"{function}: x must be an array of numbers; it holds None")
    if not (np.issubdtype(x.dtype, np.number) or x.dtype == np.bool_):
        try:
            x = x.astype(np.float64)
        except TypeError as err:
            raise TypeError(f"{function}: x must be an array of numbers ({err})") from None
        except ValueError as err:
            raise ValueError(f"{function}: x must be an array of numbers ({err})") from None
    out = x.dtype if np.issubdtype(x.dtype, np.inexact) else np.dtype(np.float64)
    if x.ndim == 0:
        raise IndexError(f"{function}: x must have at least one dimension (axis 0 holds the "
                         "coordinates); got a 0-d array")
    if x.shape[0] < at_least:
        raise IndexError(f"{function}: x needs at least {at_least} coordinate"
                         f"{'s' if at_least > 1 else ''} along axis 0; got shape {x.shape}")
    return x.astype(np.result_type(out, np.float64)), out


def rosen(x: ArrayLike) -> np.float64 | NDArray[np.float64]:
    r"""The Rosenbrock function of N variables.

    .. math::

        f(x) = \sum_{i=1}^{N-1} 100\,(x_{i+1} - x_i^2)^2 + (1 - x_i)^2

    Parameters
    ----------
    x : array_like, shape (N, ...)
        The point; axis 0 holds the coordinates, further axes evaluate many points at once.

    Returns
    -------
    f : float or ndarray, shape x.shape[1:]
        The function value(s).

    Notes
    -----
    *Algorithm*: the sum of the N − 1 terms, as one array expression along axis 0.
    *Complexity*: O(N) per point. *Numerical stability*: a sum of nonnegative terms, so the
    relative rounding error is a few eps.

    The minimum is f(1, …, 1) = 0. For N = 2 this is the seed's
    ``rosenbrock_function(x, y) = (1 - x)**2 + 100 * (y - x**2)**2``.

    References
    ----------
    H. H. Rosenbrock, "An automatic method for finding the greatest or least value of a
    function", The Computer Journal 3 (1960); Nocedal & Wright, Numerical Optimization,
    2nd ed., Exercise 2.1.

    Checked against ``reference.optimize.rosen`` → ``scipy.optimize.rosen``: the same
    formula, equal to rounding.

    Examples
    --------
    >>> from mathml.optimize import rosen
    >>> float(rosen([1.0, 1.0, 1.0])), float(rosen([-1.2, 1.0]))
    (0.0, 24.199999999999996)
    """
    x, out = _as_point(x, "rosen", 0)
    f = np.sum(100.0 * (x[1:] - x[:-1] ** 2) ** 2 + (1.0 - x[:-1]) ** 2, axis=0)
    return f.astype(out) if isinstance(f, np.ndarray) else out.type(f)


def rosen_der(x: ArrayLike) -> NDArray[np.float64]:
    r"""The gradient of the Rosenbrock function.

    .. math::

        \frac{\partial f}{\partial x_j} = 200\,(x_j - x_{j-1}^2)
            - 400\,x_j\,(x_{j+1} - x_j^2) - 2\,(1 - x_j),

    where terms with an index outside 1…N are left out.

    Parameters
    ----------
    x : array_like, shape (N,)
        The point.

    Returns
    -------
    g : ndarray, shape (N,)
        The gradient.

    Notes
    -----
    *Algorithm*: each coordinate appears in term j − 1 (as x_{i+1}) and in term j (as x_i);
    both contributions are array expressions over the interior, the two ends separately.
    *Complexity*: O(N). *Numerical stability*: exact formula, a few eps relative to the
    largest term.

    References
    ----------
    Nocedal & Wright, Numerical Optimization, 2nd ed., Exercise 2.1.

    Checked against ``reference.optimize.rosen_der`` → ``scipy.optimize.rosen_der``.

    Examples
    --------
    >>> from mathml.optimize import rosen_der
    >>> print(rosen_der([-1.2, 1.0]))
    [-215.6  -88. ]
    """
    x, out = _as_point(x, "rosen_der", 2)
    g = np.zeros_like(x)
    xm, xm_m1, xm_p1 = x[1:-1], x[:-2], x[2:]
    g[1:-1] = 200 * (xm - xm_m1 ** 2) - 400 * (xm_p1 - xm ** 2) * xm - 2 * (1 - xm)
    g[0] = -400 * x[0] * (x[1] - x[0] ** 2) - 2 * (1 - x[0])
    g[-1] = 200 * (x[-1] - x[-2] ** 2)
    return g.astype(out, copy=False)


def rosen_hess(x: ArrayLike) -> NDArray[np.float64]:
    r"""The Hessian of the Rosenbrock function: a tridiagonal matrix.

    .. math::

        \frac{\partial^2 f}{\partial x_j^2} = 200 + 1200\,x_j^2 - 400\,x_{j+1} + 2,
        \qquad \frac{\partial^2 f}{\partial x_j \partial x_{j+1}} = -400\,x_j,

    with the first diagonal entry ``1200 x_1² − 400 x_2 + 2`` and the last ``200``.

    Parameters
    ----------
    x : array_like, shape (N,)
        The point.

    Returns
    -------
    H : ndarray, shape (N, N)
        The Hessian, symmetric.

    Notes
    -----
    *Algorithm*: fill the off-diagonals and the diagonal from the formulas above.
    *Complexity*: O(N²) memory for the dense matrix, O(N) work for the nonzeros.
    *Numerical stability*: exact formula.

    References
    ----------
    Nocedal & Wright, Numerical Optimization, 2nd ed., Exercise 2.1.

    Checked against ``reference.optimize.rosen_hess`` → ``scipy.optimize.rosen_hess``.

    Examples
    --------
    >>> from mathml.optimize import rosen_hess
    >>> print(rosen_hess([1.0, 1.0]))
    [[ 802. -400.]
     [-400.  200.]]
    """
    x, out = _as_point(np.atleast_1d(np.asarray(x)) if x is not None else x, "rosen_hess", 2)
    if x.ndim != 1:
        raise ValueError(f"rosen_hess: x must be 1-D (one point); got shape {x.shape}")
    n = x.size
    H = np.zeros((n, n), dtype=x.dtype)
    off = -400 * x[:-1]
    index = np.arange(n - 1)
    H[index, index + 1] = off
    H[index + 1, index] = off
    diagonal = np.zeros(n, dtype=x.dtype)
    diagonal[0] = 1200 * x[0] ** 2 - 400 * x[1] + 2
    diagonal[-1] = 200
    diagonal[1:-1] = 202 + 1200 * x[1:-1] ** 2 - 400 * x[2:]
    H[np.arange(n), np.arange(n)] = diagonal
    return H.astype(out, copy=False)
