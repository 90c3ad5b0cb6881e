"""`lagrange`: an equality-constrained quadratic programme solved through its KKT system."""
from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._validation import as_float_array, as_matrix, as_square_matrix, check_finite
from ..linalg import solve

__all__ = ["lagrange", "LagrangeResult"]


class LagrangeResult(NamedTuple):
    """The minimiser ``x`` and the Lagrange multipliers ``multipliers`` (one per row of A)."""

    x: NDArray[np.float64]
    multipliers: NDArray[np.float64]


def lagrange(Q: ArrayLike, c: ArrayLike, A: ArrayLike, b: ArrayLike) -> LagrangeResult:
    r"""Minimise a quadratic subject to linear equations, through the KKT system.

    .. math::

        \min_x \tfrac12 x^\top Q x + c^\top x \quad\text{s.t.}\quad A x = b,
        \qquad
        \begin{bmatrix} Q & A^\top \\ A & 0 \end{bmatrix}
        \begin{bmatrix} x \\ \lambda \end{bmatrix} =
        \begin{bmatrix} -c \\ b \end{bmatrix}

    the stationarity of the Lagrangian :math:`L(x, \lambda) = \tfrac12 x^\top Q x + c^\top x
    + \lambda^\top (A x - b)`: :math:`\nabla_x L = Qx + c + A^\top\lambda = 0`,
    :math:`\nabla_\lambda L = Ax - b = 0`.

    Parameters
    ----------
    Q : array_like, shape (n, n)
        The Hessian of the objective; only its symmetric part ½(Q + Qᵀ) defines
        the quadratic form, and that is what is used.
    c : array_like, shape (n,)
        The linear term.
    A : array_like, shape (m, n)
        The constraint matrix (m ≤ n linearly independent rows).
    b : array_like, shape (m,)
        The right-hand side.

    Returns
    -------
    LagrangeResult
        ``x`` (shape (n,)), the stationary point, and ``multipliers`` (shape (m,)), λ with the
        sign of the Lagrangian above (``+λᵀ(Ax − b)``): at the optimum ``∇f(x) = −Aᵀλ``.

    Raises
    ------
    LinAlgError
        Q or A not two-dimensional, Q not square, or the KKT matrix singular (A's rows
        dependent, or Q singular on the null space of A).
    ValueError
        Shapes that do not fit together (the message names them), NaN or inf.

    Notes
    -----
    *Algorithm*

    1. Symmetrise Q (a quadratic form only sees ½(Q + Qᵀ)).
    2. Assemble the (n + m) × (n + m) KKT matrix K and the right-hand side [−c; b].
    3. Solve K [x; λ] = [−c; b] by LU with partial pivoting (`mathml.linalg.solve`).

    When Q is positive definite on the null space of A, x is the unique minimiser; otherwise
    it is the unique stationary point (a saddle) if K is nonsingular.

    *Complexity*: O((n + m)³) for the LU factorisation.

    *Numerical stability*: LU with partial pivoting is backward stable on the indefinite K,
    so ‖δ[x; λ]‖ / ‖[x; λ]‖ ≲ c·cond(K)·eps. A null-space or range-space method (Nocedal &
    Wright §16.2) is preferable when K is large and sparse or very ill-conditioned.

    References
    ----------
    Nocedal & Wright, Numerical Optimization, 2nd ed., §16.1 (equality-constrained QP, the
    KKT system (16.4)) and §12.3 (Lagrange multipliers).

    Checked against ``reference.optimize.lagrange`` →
    ``sympy.linsolve(∇L = 0), L = ½xᵀQx + cᵀx + λᵀ(Ax − b)``: the linear system solved in
    exact rational arithmetic, rounded to floats. The two agree within
    c·cond(K)·eps. Another sign convention, ``L = f − λᵀ(Ax − b)`` (Nocedal & Wright's),
    gives the multipliers with the opposite sign.

    Examples
    --------
    The seed's problem, minimise x² + y² subject to x + y = 1:

    >>> import numpy as np
    >>> x, lam = lagrange(2 * np.eye(2), [0, 0], [[1, 1]], [1])
    >>> print(np.round(x, 12), np.round(lam, 12))
    [0.5 0.5] [-1.]
    """
    # Step 1: validate; a quadratic form only sees the symmetric part of Q
    Q, c, A, b = _validated(Q, c, A, b)
    Q = (Q + Q.T) / 2
    n, m = Q.shape[0], A.shape[0]
    # Step 2: the KKT matrix is symmetric indefinite: LU with pivoting, not Cholesky
    K = np.block([[Q, A.T], [A, np.zeros((m, m))]])
    rhs = np.concatenate([-c, b])
    # Step 3: one solve gives x and λ together
    z = solve(K, rhs)
    return LagrangeResult(z[:n], z[n:])


def _validated(Q: ArrayLike, c: ArrayLike, A: ArrayLike, b: ArrayLike
               ) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64],
                          NDArray[np.float64]]:
    Q = as_square_matrix(Q)
    A = as_matrix(A)
    c, b = check_finite(as_float_array(c)), check_finite(as_float_array(b))
    n = Q.shape[0]
    if c.shape != (n,) or A.shape[1:] != (n,) or b.shape != (A.shape[0],):
        raise ValueError(f"shapes do not fit: Q {Q.shape} needs c ({n},) and A (m, {n}) with "
                         f"b (m,); got c {c.shape}, A {A.shape}, b {b.shape}")
    return Q, c, A, b
