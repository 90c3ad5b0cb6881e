"""Catalog entry for linear programming: `mathml.optimize.linprog` (two-phase tableau
simplex, Bland's rule) vs ``scipy.optimize.linprog`` (HiGHS).

Compared by optimum: the same status, the same optimal value, and where the optimum is
unique the same x, slack and con. Generated problems have a unique optimum by
construction: n linearly independent active constraints (general rows whose restriction to
the variables not at a bound is a nonsingular integer matrix, plus bounds) and c = −Σ λᵢ aᵢ
with every inequality multiplier λᵢ > 0 (strict complementarity), so x* satisfies the KKT
conditions and any other optimum would have to satisfy the same n independent equations.
All data are small integers, so x* is an integer vertex both solvers hit to rounding.
Problems whose optimum is not unique carry "optimum not unique" in their label and are
compared on status and optimal value only.
"""
from __future__ import annotations


import numpy as np
from hypothesis import strategies as st

from .._core import Bench, Concept, bad, case
from ..strategies import integer_nonsingular

# --- generated problems with a unique optimum (or infeasible, or unbounded) ---------------------

_INT = st.integers(-3, 3)


@st.composite
def _unique_optimum(draw):
    """(c, A_ub, b_ub, A_eq, b_eq, bounds) with the unique optimum x*, by the KKT construction
    of the module docstring."""
    n = draw(st.integers(1, 4))
    at_bound = np.array(draw(st.lists(st.booleans(), min_size=n, max_size=n)))
    q = n - int(at_bound.sum())                      # general active rows
    G = np.zeros((q, n), dtype=np.int64)
    if q:
        G[:, ~at_bound] = draw(integer_nonsingular(q, entries=2))
        G[:, at_bound] = np.array(draw(st.lists(st.lists(_INT, min_size=n, max_size=n),
                                                min_size=q, max_size=q)))[:, at_bound]
    x = np.array(draw(st.lists(_INT, min_size=n, max_size=n)))
    # bounds: a variable at a bound has that bound finite; the others hold x strictly inside
    upper_active = np.array(draw(st.lists(st.booleans(), min_size=n, max_size=n))) & at_bound
    gaps = np.array(draw(st.lists(st.sampled_from([None, 1, 2]), min_size=2 * n,
                                  max_size=2 * n)), dtype=object).reshape(n, 2)
    bounds = [(None if gl is None else int(xj - gl), None if gu is None else int(xj + gu))
              for xj, (gl, gu) in zip(x, gaps)]
    bounds = [(int(xj), hi) if at and not up else (lo, int(xj)) if at else (lo, hi)
              for xj, (lo, hi), at, up in zip(x, bounds, at_bound, upper_active)]
    k_eq = draw(st.integers(0, q))
    lam = np.array(draw(st.lists(st.integers(1, 3), min_size=q, max_size=q)))
    lam[:k_eq] *= np.array(draw(st.lists(st.sampled_from([-1, 0, 1]), min_size=k_eq,
                                         max_size=k_eq)), dtype=np.int64)
    nu = np.array(draw(st.lists(st.integers(1, 3), min_size=n, max_size=n))) * at_bound
    # KKT: c + Gᵀλ + Σ ν_j (±e_j) = 0, +e_j for an active upper bound, −e_j for a lower one
    c = -(G.T @ lam) - nu * np.where(upper_active, 1, -1)
    inactive = np.array(draw(st.lists(st.lists(_INT, min_size=n, max_size=n),
                                      max_size=3)), dtype=np.int64).reshape(-1, n)
    slack = np.array(draw(st.lists(st.integers(1, 3), min_size=inactive.shape[0],
                                   max_size=inactive.shape[0])), dtype=np.int64)
    A_ub = np.vstack([G[k_eq:], inactive])
    b_ub = np.concatenate([G[k_eq:] @ x, inactive @ x + slack])
    A_eq, b_eq = G[:k_eq], G[:k_eq] @ x
    return c, A_ub, b_ub, A_eq, b_eq, bounds


def _linprog_cases():
    @st.composite
    def build(draw):
        c, A_ub, b_ub, A_eq, b_eq, bounds = draw(_unique_optimum())
        n = c.shape[0]
        variant = draw(st.sampled_from(["optimum"] * 4 + ["infeasible", "unbounded"]))
        if variant == "infeasible":  # a·x ≤ β and a·x ≥ β + 1
            a = np.array(draw(st.lists(st.integers(1, 3), min_size=n, max_size=n)))
            beta = draw(st.integers(-5, 5))
            A_ub, b_ub = np.vstack([A_ub, a, -a]), np.concatenate([b_ub, [beta, -beta - 1]])
        elif variant == "unbounded":  # a new variable ≥ 0 with c < 0 that only loosens rows
            c = np.concatenate([c, [-draw(st.integers(1, 3))]])
            A_ub = np.hstack([A_ub, -np.array(draw(st.lists(
                st.integers(0, 2), min_size=A_ub.shape[0], max_size=A_ub.shape[0])),
                dtype=np.int64).reshape(-1, 1)])
            A_eq = np.hstack([A_eq, np.zeros((A_eq.shape[0], 1), dtype=np.int64)])
            bounds = bounds + [(0, None)]
        kwargs = {"A_ub": A_ub, "b_ub": b_ub} if A_ub.shape[0] else {}
        if A_eq.shape[0]:
            kwargs.update(A_eq=A_eq, b_eq=b_eq)
        return case(c, bounds=bounds, label=variant, **kwargs)
    return build()


# --- benchmark: a bounded maximisation with positive data -----------------------------------

def _bench(size, rng):
    """size//2 constraints × size variables: max Σ cⱼxⱼ s.t. A x ≤ b, x ≥ 0, A > 0."""
    m = max(size // 2, 1)
    A = np.round(rng.uniform(0.0, 1.0, (m, size)), 3)
    return case(-np.round(rng.uniform(0.1, 1.0, size), 3), A_ub=A,
                b_ub=np.round(rng.uniform(1.0, 2.0, m), 3),
                label=f"{m} constraints × {size} variables")


BEALE = dict(c=[-0.75, 20, -0.5, 6], A_ub=[[0.25, -8, -1, 9], [0.5, -12, -0.5, 3], [0, 0, 1, 0]],
             b_ub=[0, 0, 1])

CONCEPTS = (
    Concept(
        "optimize.linprog", "scipy.optimize.linprog(method='highs')", "linprog", "linprog",
        cases=(case([-1, -2], A_ub=[[1, 1]], b_ub=[4], bounds=[(0, 3), (0, 3)],
                    label="max x + 2y in a box cut by x + y ≤ 4: vertex (1, 3)"),
               case(BEALE["c"], A_ub=BEALE["A_ub"], b_ub=BEALE["b_ub"],
                    label="Beale's example: degenerate, cycles under the largest-coefficient "
                          "rule; Bland's rule ends at (1, 0, 1, 0)"),
               case([1, -1, 0.5], A_ub=[[1, -1, 0]], b_ub=[1], A_eq=[[1, 1, 1]], b_eq=[2],
                    bounds=[(None, None), (None, 4), (-1, 1)],
                    label="a free, an upper-bounded and a boxed variable, one equation"),
               case([1, 2], A_eq=[[1, 1], [2, 2]], b_eq=[2, 4],
                    label="a redundant equation (phase 1 drops its row)"),
               case([2, -1], A_ub=[[-1, 1]], b_ub=[2], bounds=[(-3, None), (None, 5)],
                    label="negative right-hand side after the shift of the bounds"),
               case([-1, -1], A_ub=[[1, 1]], b_ub=[1],
                    label="the edge x + y = 1 is optimal: the optimum is not unique")
               .compared("linprog_value"),
               case([1, 1], A_ub=[[1, 1]], b_ub=[-1], label="infeasible: status 2"),
               case([-1, 0], A_ub=[[0, 1]], b_ub=[1], label="unbounded: status 3"),
               case([-2, 0, 2, 1, -2],
                    A_ub=[[-1, -2, 0, -2, -1], [0, 0, 0, -1, -1], [1, -1, 0, -1, -2],
                          [-2, -2, 1, 0, 0], [-1, 2, -2, -1, 0]], b_ub=[3, -1, 2, 1, 1],
                    A_eq=[[0, 0, 2, 0, -1], [0, 0, 4, 0, -2]], b_eq=[-4, -8],
                    bounds=[(-1, None), (0, 2), (0, None), (-1, 1), (None, None)],
                    label="unbounded (feasible: x = (−0.5, 0, 0, 1, 4)), which HiGHS's "
                          "presolve calls infeasible: status 3"),
               case([1, 1], bounds=[(2, 1), (0, 1)], label="a lower bound above its upper "
                                                           "bound: infeasible"),
               case([1, 1], bounds=[(np.inf, None), (0, 1)],
                    label="a lower bound of +inf: infeasible, status 2 (was unbounded, 3)"),
               case([-1, 1], bounds=[(0, 1), (None, -np.inf)],
                    label="an upper bound of −inf: infeasible, status 2"),
               case([1, 2], bounds=[(1, 1), (2, 2)], label="every variable fixed: status 0"),
               case([1, 1], A_eq=[[3, 1]], b_eq=[1], bounds=[(0.33333333, 0.33333333), (0, 0)],
                    label="fixed bounds whose equation holds to 1e-8 (the data's rounding): "
                          "feasible within the 1e-7 tolerance, status 0 (was 2)"),
               case([1, -1], A_ub=[[3, 0], [-3, 0]], b_ub=[1, -1],
                    bounds=[(0.33333333, 0.33333333), (0, 1)],
                    label="a fixed variable between two inequalities 1e-8 apart: status 0"),
               case([1, 1], A_eq=[[3, 1]], b_eq=[1], bounds=[(0.333333, 0.333333), (0, 0)],
                    label="fixed bounds 1e-6 off the equation: infeasible, status 2"),
               case([1, -1], A_ub=[[1, 0]], b_ub=[2],
                    label="a zero column whose cost improves without limit: unbounded"),
               case([1, 1], A_ub=[[1, 0]], b_ub=[2], bounds=[(None, None), (0, None)],
                    label="a zero column at its bound, a free variable in the row: unbounded"),
               case([1, 1], A_ub=[[0, 0], [1, 1]], b_ub=[1, 4], label="a zero row 0 ≤ 1"),
               case([1, 1], A_ub=[[0, 0]], b_ub=[-1], label="a zero row 0 ≤ −1: infeasible"),
               case([1, 1], A_eq=[[0, 0]], b_eq=[0], label="a zero equation 0 = 0"),
               case([1, 1], A_eq=[[0, 0]], b_eq=[1], label="a zero equation 0 = 1: infeasible"),
               case([1, 1], A_eq=[[1, 0]], b_eq=[2], label="a singleton equation x₁ = 2"),
               case([1, 1], A_eq=[[1, 0]], b_eq=[-2],
                    label="a singleton equation x₁ = −2 below the bound: infeasible"),
               case([-1, 1], A_ub=[[1, 0]], b_ub=[2], label="a singleton inequality x₁ ≤ 2"),
               case([-1, 1], A_ub=[[1, 0]], b_ub=[-2],
                    label="a singleton inequality x₁ ≤ −2 below the bound: infeasible"),
               case([-1, 1], label="no constraints, c₁ < 0: unbounded, x None (as SciPy)"),
               case([1], bounds=(None, None), label="one free variable: unbounded"),
               case([-1, 1], A_ub=[[0, 0]], b_ub=[1], label="only a zero row: unbounded"),
               case(-np.ones(10), A_ub=_bench(10, np.random.default_rng(0)).kwargs["A_ub"],
                    b_ub=np.ones(5), options={"maxiter": 1},
                    label="maxiter 1 on a problem needing more pivots (HiGHS 5, mathml 9): "
                          "status 1"),
               case([[1, -1]], bounds=(-1, 2), label="c a row (1, 2), as SciPy: raveled"),
               case([1, -1], bounds=[(np.nan, 1), (0, np.nan)],
                    label="NaN bounds are no bounds, as SciPy: unbounded"),
               case([1, 1], A_ub=[[-1, -1]], b_ub=[-1], bounds=[],
                    label="empty bounds: the default x ≥ 0, as SciPy"),
               case([1, 1], integrality=[0, 0], x0=[5, 5],
                    label="integrality zeros and x0 (unused) accepted")),
        strategy=_linprog_cases,
        bad=(bad([np.nan, 1.0], raises=ValueError, match="c must not contain",
                 label="NaN in c"),
             bad([], raises=ValueError, match="c must be a 1-D array", label="empty c"),
             bad([[1, 2], [3, 4]], raises=ValueError, match="c must be a 1-D array",
                 label="c a 2×2 matrix"),
             bad([1, 1], A_ub=[[1, 1, 1]], b_ub=[1], raises=ValueError, match="A_ub",
                 label="A_ub with 3 columns for 2 variables"),
             bad([1, 1], A_ub=[[1, 1]], b_ub=[1, 2], raises=ValueError, match="b_ub",
                 label="b_ub of length 2 for 1 row"),
             bad([1, 1], A_eq=[[1, 1]], raises=ValueError, match="b_eq",
                 label="A_eq without b_eq"),
             bad([1, 1], A_ub=[[np.inf, 1]], b_ub=[1], raises=ValueError,
                 match="A_ub must not contain", label="inf in A_ub"),
             bad([1, 1], bounds=[(0, 1)] * 3, raises=ValueError, match="bounds",
                 label="3 bounds for 2 variables"),
             bad([1, 1], method="interior-point", raises=ValueError, match="Unknown solver",
                 label="unknown method"),
             bad([1, 1], options={"tol": 1e-3}, raises=ValueError, match="Unknown option",
                 label="unknown option"),
             bad([1, 1], integrality=[1, 0], raises=ValueError, match="integrality",
                 label="integer variables"),
             bad([1, 1], callback=print, raises=NotImplementedError,
                 match="support the callback", label="a callback"),
             bad(None, raises=TypeError, match="c must be", label="c None"),
             bad(["a", "b"], raises=TypeError, match="numerical coefficients",
                 label="c strings"),
             bad([[1.0, 2.0], [3.0]], raises=TypeError, match="numerical coefficients",
                 label="c ragged"),
             bad([1 + 1j, 1.0], raises=TypeError, match="complex",
                 label="c complex (SciPy would drop the imaginary parts)"),
             bad([1, 1], A_ub=2.0, b_ub=[1], raises=ValueError, match="two dimensions",
                 label="A_ub 0-d"),
             bad([1, 1], bounds=[(0, 1 + 1j), (0, 1)], raises=TypeError, match="complex",
                 label="a complex bound"),
             bad([1, 1], bounds=[(0, "x"), (0, 1)], raises=ValueError,
                 match="unable to interpret bounds", label="a string bound")),
        bench=Bench(100, _bench), properties="linprog",
        note="mathml runs the textbook two-phase tableau simplex with Bland's rule; SciPy "
             "(≥ 1.11) has only HiGHS, a dual revised simplex with presolve. Both find the "
             "same optimal value, the same vertex where the optimum is unique, the same "
             "status (2 infeasible, 3 unbounded). Where the optimum is not unique they may "
             "return different optimal vertices; nit counts different iterations and the "
             "messages differ (shown, not compared). Shared options: 'maxiter' only. HiGHS's "
             "presolve occasionally declares a feasible, unbounded problem infeasible "
             "(HiGHS issues #1530, #2511; the case above): the reference confirms an "
             "'infeasible' verdict by solving again without presolve. Feasibility is "
             "judged as HiGHS does, each equation to within 1e-7 (its default "
             "primal_feasibility_tolerance): fixed bounds whose equations hold only to "
             "the data's rounding are feasible. A bound of +inf below or −inf above is "
             "infeasible (status 2), as SciPy reports it."),
)
