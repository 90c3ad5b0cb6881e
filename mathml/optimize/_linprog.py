"""Linear programming from scratch: the two-phase tableau simplex method with Bland's rule."""
from __future__ import annotations

from typing import Any
from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._result import OptimizeResult

__all__ = ["linprog"]

_MAXITER = 5000  # the default of SciPy's former simplex solver
_TOL = 1e-9      # pivot and reduced-cost tolerance (SciPy's former simplex)
#: feasibility tolerance: an equation may be violated by this much (HiGHS's default
#: primal_feasibility_tolerance, so that both call the same problems feasible)
_FEAS_TOL = 1e-7

_MESSAGES = {
    0: "Optimization terminated successfully.",
    1: "The iteration limit was reached before the problem was solved.",
    2: "The problem is infeasible: phase 1 of the simplex method ended with an "
       "artificial variable above the feasibility tolerance.",
    3: "The problem is unbounded: an improving column of the tableau has no positive entry.",
}
_INFEASIBLE_BOUNDS = ("The problem is infeasible: a lower bound exceeds its upper bound, or "
                      "is +inf, or an upper bound is -inf.")


def linprog(c: ArrayLike, A_ub: ArrayLike | None = None, b_ub: ArrayLike | None = None,
            A_eq: ArrayLike | None = None, b_eq: ArrayLike | None = None,
            bounds: Any = (0, None), method: str = "simplex", callback: Callable | None = None,
            options: dict | None = None, x0: ArrayLike | None = None,
            integrality: ArrayLike | None = None) -> OptimizeResult:
    r"""Minimise a linear objective subject to linear constraints and bounds.

    .. math::

        \min_x \; c^\top x \quad\text{subject to}\quad
        A_{ub}\,x \le b_{ub},\quad A_{eq}\,x = b_{eq},\quad l \le x \le u.

    Parameters
    ----------
    c : array_like, shape (n,)
        The coefficients of the objective.
    A_ub : array_like, shape (m_ub, n), optional
        The inequality constraint matrix.
    b_ub : array_like, shape (m_ub,), optional
        The inequality right-hand side.
    A_eq : array_like, shape (m_eq, n), optional
        The equality constraint matrix.
    b_eq : array_like, shape (m_eq,), optional
        The equality right-hand side.
    bounds : (l, u) or sequence of n pairs (l, u), optional
        Bounds of the variables; ``None`` is no bound. One pair applies to every
        variable. Default ``(0, None)``: x ≥ 0.
    method : {'simplex'}, optional
        The two-phase tableau simplex method with Bland's rule, the only method.
    callback : None
        Not supported (as SciPy's HiGHS methods): must be None.
    options : dict, optional
        ``{'maxiter': int}``: the limit on pivots, both phases together (default 5000).
    x0 : array_like, optional
        Accepted for SciPy's signature and not used: the simplex starts at the basis
        phase 1 builds.
    integrality : array_like, optional
        None or all zeros: the problem is continuous (no integer variables).

    Returns
    -------
    res : OptimizeResult
        ``x`` (n,), ``fun``, ``slack`` (m_ub,) = b_ub − A_ub x, ``con`` (m_eq,) =
        b_eq − A_eq x, ``success``, ``status`` (0 optimal, 1 iteration limit, 2
        infeasible, 3 unbounded, SciPy's codes), ``message`` and ``nit`` (pivots). When
        no optimum was found ``x``, ``fun``, ``slack`` and ``con`` are None, as SciPy.

    Raises
    ------
    ValueError
        Arrays of the wrong shape (the message names the shapes), NaN or inf in the data,
        an unknown method or option, integer variables.
    NotImplementedError
        A callback.

    Notes
    -----
    *Algorithm*: every variable is first written through nonnegative ones,
    :math:`x = d + T y,\ y \ge 0`: a finite lower bound is shifted away
    (:math:`x_j = l_j + y_j`), a variable with only an upper bound is mirrored
    (:math:`x_j = u_j - y_j`), a free variable is split (:math:`x_j = y_j^+ - y_j^-`), and
    an upper bound next to a lower one becomes an extra row :math:`y_j \le u_j - l_j`.

    1. Standard form: slack variables turn the rows into equalities :math:`Ay = b`,
       each row is negated where :math:`b_i < 0` so that :math:`b \ge 0`.
    2. Phase 1: an artificial variable is added in every row without a +1 slack, and
       their sum is minimised from the basis of slacks and artificials. An artificial
       left above 1e-7 (HiGHS's feasibility tolerance) means the problem is infeasible
       (status 2); one at or below it is the data's rounding and is set to 0. Bounds
       that no x meets (l > u, l = +inf, u = −inf) are infeasible before any pivot.
    3. Artificial variables still basic at level 0 are pivoted out; a row where that is
       impossible is a redundant equation and is removed.
    4. Phase 2: the objective is minimised from the feasible basis phase 1 found. An
       improving column without a positive entry proves unboundedness (status 3).
    5. The basic solution is mapped back, :math:`x = d + T y`.

    Each pivot is *Bland's rule*: the entering column is the first with a negative
    reduced cost, the leaving row the one with the smallest ratio :math:`b_i / a_{is}`,
    ties going to the basic variable of smallest index. It never cycles, so the method
    terminates on degenerate problems too, where the largest-coefficient rule can cycle
    (Beale's example).

    *Complexity*: a pivot is one rank-one update of the m × N tableau, O(mN); the number
    of pivots is usually a small multiple of m, exponential in the worst case (Klee–Minty).

    *Numerical stability*: the tableau is updated in place, so rounding errors accumulate
    over the pivots (a revised simplex would refactorise the basis); entries below 1e-9
    count as zero, equations violated by at most 1e-7 as met. Fine for small, well-scaled
    problems; not for large or badly scaled ones.

    References
    ----------
    Nocedal & Wright, Numerical Optimization, 2nd ed., §13.3 (the simplex method) and
    §13.5 (phase 1); Bland, "New finite pivoting rules for the simplex method",
    Math. Oper. Res. 2 (1977); Chvátal, Linear Programming (1983), ch. 3 (Beale's example).

    Checked against ``reference.optimize.linprog`` →
    ``scipy.optimize.linprog(method='highs')``: the same optimal value, the same ``x`` where
    the optimum is unique, the same status for infeasible and unbounded problems. ``nit``
    and ``message`` differ (HiGHS
    counts its own iterations), and where the optimum is not unique the two may return
    different optimal vertices.

    Examples
    --------
    >>> import numpy as np
    >>> res = linprog([-1, -2], A_ub=[[1, 1]], b_ub=[4], bounds=[(0, 3), (0, 3)])
    >>> res.status, float(res.fun), res.x
    (0, -7.0, array([1., 3.]))
    >>> linprog([1, 1], A_ub=[[1, 1]], b_ub=[-1]).status      # x ≥ 0 and x1 + x2 ≤ -1
    2
    """
    c, A_ub, b_ub, A_eq, b_eq = _validate(c, A_ub, b_ub, A_eq, b_eq)
    lo, hi = _parse_bounds(bounds, c.shape[0])
    maxiter = _check_options(method, callback, options, integrality)
    # Bounds no x can meet: l > u, l = +inf or u = -inf (SciPy: status 2 before any pivot).
    if np.any((lo > hi) | (lo == np.inf) | (hi == -np.inf)):
        return _result(2, 0, None, c, A_ub, b_ub, A_eq, b_eq, _INFEASIBLE_BOUNDS)
    # Step 1: x = d + T y with y ≥ 0, and the equality system [A | slack] y = b, b ≥ 0.
    d, Tmap, A, b, slack_rows, n_y = _standard_form(c, A_ub, b_ub, A_eq, b_eq, lo, hi)
    cost = np.concatenate([Tmap.T @ c, np.zeros(A.shape[1] - n_y)])
    # Steps 2–4: the two phases.
    status, y, nit = _two_phase(A, b, cost, slack_rows, n_y, maxiter)
    # Step 5: back to the original variables.
    x = None if y is None else d + Tmap @ y[:n_y]
    return _result(status, nit, x, c, A_ub, b_ub, A_eq, b_eq)


# --- input checks (SciPy's wording, plus the shapes) ------------------------------------------

def _validate(c: ArrayLike, A_ub: ArrayLike | None, b_ub: ArrayLike | None,
              A_eq: ArrayLike | None, b_eq: ArrayLike | None
              ) -> tuple[NDArray, NDArray, NDArray, NDArray, NDArray]:
    if c is None:  # SciPy's TypeError (np.array(None) would be a NaN)
        raise TypeError("Invalid input for linprog: c must be a 1-D array of numerical "
                        "coefficients, not None")
    c = _numbers("c", c, "a 1-D array of numerical coefficients")
    if c.size == 0 or np.count_nonzero(np.array(c.shape) > 1) > 1:
        raise ValueError("Invalid input for linprog: c must be a 1-D array and must not have "
                         f"more than one non-singleton dimension; c has shape {c.shape}")
    c = c.reshape(-1)  # as SciPy: a scalar, a row or a column of coefficients
    _finite("c", c)
    n = c.shape[0]
    A_ub, b_ub = _rows("ub", A_ub, b_ub, n)
    A_eq, b_eq = _rows("eq", A_eq, b_eq, n)
    return c, A_ub, b_ub, A_eq, b_eq


def _rows(kind: str, A: ArrayLike | None, b: ArrayLike | None, n: int
          ) -> tuple[NDArray, NDArray]:
    A = np.zeros((0, n)) if A is None else _numbers(f"A_{kind}", A,
                                                    "a 2-D array of numerical values")
    if A.ndim != 2 or A.shape[1] != n:
        raise ValueError(f"Invalid input for linprog: A_{kind} must have exactly two "
                         f"dimensions, and the number of columns in A_{kind} must be equal "
                         f"to the size of c; A_{kind} has shape {A.shape}, c has shape ({n},)")
    b = np.zeros(0) if b is None else _numbers(f"b_{kind}", b,
                                               "a 1-D array of numerical values").reshape(-1)
    if b.shape[0] != A.shape[0]:
        raise ValueError(f"Invalid input for linprog: b_{kind} must be a 1-D array and the "
                         f"number of rows in A_{kind} must equal the number of values in "
                         f"b_{kind}; A_{kind} has shape {A.shape}, b_{kind} has shape {b.shape}")
    _finite(f"A_{kind}", A)
    _finite(f"b_{kind}", b)
    return A, b


def _numbers(name: str, value: Any, what: str) -> NDArray[np.float64]:
    """`value` as a float64 array, or SciPy's TypeError for what is not numbers (strings,
    ragged sequences) and for complex numbers (which SciPy would silently make real)."""
    try:
        arr = np.asarray(value)
    except ValueError:
        raise TypeError(f"Invalid input for linprog: {name} must be {what}") from None
    if np.iscomplexobj(arr):
        raise TypeError(f"Invalid input for linprog: {name} must be real; complex input is "
                        "not supported")
    try:
        return arr.astype(np.float64)
    except (TypeError, ValueError):
        raise TypeError(f"Invalid input for linprog: {name} must be {what}") from None


def _finite(name: str, a: NDArray) -> None:
    if not np.isfinite(a).all():
        raise ValueError(f"Invalid input for linprog: {name} must not contain values inf, "
                         "nan, or None")


def _parse_bounds(bounds: Any, n: int) -> tuple[NDArray, NDArray]:
    """(l, u) arrays of length n from SciPy's forms. As SciPy: None or an empty sequence is
    the default x ≥ 0, and None or NaN in a pair is no bound on that side."""
    B = np.array((0, None) if bounds is None else bounds, dtype=object)
    if any(isinstance(v, (complex, np.complexfloating)) for v in B.flat):
        raise TypeError("Invalid input for linprog: bounds must be real; complex input is "
                        "not supported")
    if B.size == 0:
        B = np.array((0, None), dtype=object)
    if B.shape in ((2,), (1, 2)):
        B = np.tile(B.reshape(1, 2), (n, 1))
    if B.shape != (n, 2):
        raise ValueError("Invalid input for linprog: unable to interpret bounds with this "
                         f"dimension tuple: {B.shape}; bounds must be one pair (l, u) or {n} "
                         "pairs, one for each variable")
    none = np.equal(B, None)  # type: ignore[call-overload]  # numpy stubs: None is an object operand
    try:
        L = np.where(none, np.nan, B).astype(np.float64)
    except ValueError as err:  # strings: SciPy's class and wording
        raise ValueError("Invalid input for linprog: unable to interpret bounds, check "
                         f"values and dimensions: {err}") from None
    except TypeError as err:
        raise TypeError("Invalid input for linprog: unable to interpret bounds, check values "
                        f"and dimensions: {err}") from None
    L[:, 0] = np.where(np.isnan(L[:, 0]), -np.inf, L[:, 0])
    L[:, 1] = np.where(np.isnan(L[:, 1]), np.inf, L[:, 1])
    return L[:, 0], L[:, 1]


def _check_options(method, callback, options, integrality) -> int:
    if method != "simplex":
        raise ValueError(f"Unknown solver {method!r}: linprog's only method is 'simplex'")
    if callback is not None:
        raise NotImplementedError("linprog does not support the callback interface")
    if integrality is not None and np.any(np.asarray(integrality) != 0):
        raise ValueError("integrality: linprog solves continuous problems only; pass None "
                         "or zeros")
    options = dict(options or {})
    unknown = set(options) - {"maxiter"}
    if unknown:
        raise ValueError(f"Unknown options {sorted(unknown)}: linprog accepts 'maxiter' only")
    maxiter = options.get("maxiter", _MAXITER)
    if not isinstance(maxiter, (int, np.integer)) or maxiter < 0:
        raise ValueError(f"options['maxiter'] must be a nonnegative integer; got {maxiter!r}")
    return int(maxiter)


# --- standard form -------------------------------------------------------------------------------

def _standard_form(c, A_ub, b_ub, A_eq, b_eq, lo, hi):
    """x = d + T y (y ≥ 0) and the rows [A_y | S] [y; s] = b with b ≥ 0.

    Returns d, T, A (rows × (n_y + slacks)), b, the rows whose slack enters with +1 (a
    ready basic variable), and n_y."""
    n = c.shape[0]
    shift, mirror = np.isfinite(lo), ~np.isfinite(lo) & np.isfinite(hi)
    free = ~shift & ~mirror
    # x_j = l_j + y_j, x_j = u_j − y_j, or x_j = y_j⁺ − y_j⁻ (the extra columns)
    Tmap = np.hstack([np.diag(np.where(mirror, -1.0, 1.0)), -np.eye(n)[:, free]])
    d = np.where(shift, lo, np.where(mirror, hi, 0.0))
    boxed = shift & np.isfinite(hi)
    upper = np.eye(n, Tmap.shape[1])[boxed]          # rows y_j ≤ u_j − l_j
    G = np.vstack([A_ub @ Tmap, upper])
    h = np.concatenate([b_ub - A_ub @ d, (hi - lo)[boxed]])
    m_ub, m_eq = G.shape[0], A_eq.shape[0]
    A = np.block([[G, np.eye(m_ub)], [A_eq @ Tmap, np.zeros((m_eq, m_ub))]])
    b = np.concatenate([h, b_eq - A_eq @ d])
    sign = np.where(b < 0, -1.0, 1.0)
    slack_rows = np.flatnonzero(sign[:m_ub] > 0)
    return d, Tmap, A * sign[:, None], b * sign, slack_rows, Tmap.shape[1]


# --- the two phases ------------------------------------------------------------------------------

def _two_phase(A, b, cost, slack_rows, n_y, maxiter):
    """(status, y, pivots) of min cost·y subject to A y = b, y ≥ 0 (b ≥ 0)."""
    m, N = A.shape
    art_rows = np.setdiff1d(np.arange(m), slack_rows)
    k = art_rows.shape[0]
    # Step 2: the tableau [A | artificials | b]; basis: slack of a slack row, else artificial.
    T = np.hstack([A, np.eye(m)[:, art_rows], b[:, None]])
    basis = np.empty(m, dtype=np.intp)
    basis[slack_rows] = n_y + slack_rows
    basis[art_rows] = N + np.arange(k)
    w = np.concatenate([np.zeros(N), np.ones(k), [0.0]])
    z = w - T[art_rows].sum(axis=0)   # reduced costs of the sum of artificials
    status, nit = _simplex(T, z, basis, N + k, maxiter)
    if status == 1:
        return 1, None, nit
    # Infeasible when an equation stays violated by more than the feasibility tolerance;
    # violations within it are rounding (fixed bounds, decimal data) and are set to 0.
    artificial = basis >= N
    if np.max(T[artificial, -1], initial=0.0) > _FEAS_TOL:
        return 2, None, nit
    T[artificial, -1] = 0.0
    # Step 3: the artificials leave the basis, redundant equations leave the tableau.
    T, basis = _drive_out_artificials(T, basis, N)
    T = np.delete(T, np.s_[N:N + k], axis=1)
    # Step 4: phase 2 from the feasible basis, with reduced costs c − c_Bᵀ T.
    full = np.concatenate([cost, [0.0]])
    z = full - cost[basis] @ T
    status, nit2 = _simplex(T, z, basis, N, maxiter - nit)
    if status != 0:
        return status, None, nit + nit2
    y = np.zeros(N)
    y[basis] = T[:, -1]
    return 0, y, nit + nit2


def _simplex(T, z, basis, columns: int, maxiter: int) -> tuple[int, int]:
    """Pivot by Bland's rule until no reduced cost among the first `columns` is negative.
    Updates T, z and basis in place; returns (status, pivots)."""
    for nit in range(maxiter + 1):
        improving = np.flatnonzero(z[:columns] < -_TOL)
        if improving.size == 0:
            return 0, nit
        if nit == maxiter:
            return 1, nit
        s = improving[0]                 # Bland: the first improving column
        a = T[:, s]
        positive = a > _TOL
        if not positive.any():
            return 3, nit
        ratios = np.full(a.shape, np.inf)
        ratios[positive] = T[positive, -1] / a[positive]
        ties = np.flatnonzero(ratios <= ratios.min() + _TOL)
        r = ties[np.argmin(basis[ties])]  # Bland: the smallest basic index among the ties
        _pivot(T, z, basis, r, s)
    return 1, maxiter


def _pivot(T, z, basis, r: int | np.integer, s: int | np.integer) -> None:
    """Make column s basic in row r: one rank-one update of the tableau."""
    T[r] /= T[r, s]
    factor = T[:, s].copy()
    factor[r] = 0.0
    T -= factor[:, None] * T[r]
    z -= z[s] * T[r]
    basis[r] = s


def _drive_out_artificials(T, basis, N: int):
    """Pivot each artificial still basic (at level 0) onto a real column of its row; a row
    with no such column is a linear combination of the others and is dropped."""
    keep = np.ones(T.shape[0], dtype=bool)
    z = np.zeros(T.shape[1])  # phase 1 is over: its reduced costs are no longer needed
    for r in np.flatnonzero(basis >= N):
        candidates = np.flatnonzero(np.abs(T[r, :N]) > _TOL)
        if candidates.size:
            _pivot(T, z, basis, r, candidates[0])
        else:
            keep[r] = False
    return T[keep], basis[keep]


def _result(status, nit, x, c, A_ub, b_ub, A_eq, b_eq, message=None) -> OptimizeResult:
    found = x is not None
    return OptimizeResult(
        x=x, fun=float(c @ x) if found else None,
        slack=b_ub - A_ub @ x if found else None, con=b_eq - A_eq @ x if found else None,
        success=status == 0, status=status, message=message or _MESSAGES[status], nit=nit)
