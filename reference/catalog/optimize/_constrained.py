"""Catalog entries for constrained optimisation (docs/concepts.md §3): `penalty`, `barrier` and
`lagrange`, and `SLSQP_CASES`, the constrained cases of `optimize.minimize`.

`penalty` and `barrier` are compared by optimum with SciPy's SLSQP on the same problem: the
same success and, where both succeed, the same minimiser and minimum within the methods' own
accuracy (the tolerance 'penalty_barrier'). Problems are built so that the optimum is
unique and non-degenerate: a strictly convex objective Σ wᵢ(xᵢ − aᵢ)² and constraints whose
multipliers are either clearly positive or zero (aᵢ at least 0.1 away from each boundary),
so that x(μ) approaches x* at the rate O(1/μ) (penalty) or O(μ) (barrier) of the theory.

`lagrange` is compared with SymPy's exact solution of the Lagrangian's stationarity
conditions, by the rule of a backward-stable direct method on the KKT matrix K.
"""
from __future__ import annotations


import numpy as np
from hypothesis import strategies as st

from .._core import Bench, Concept, bad, case
from ..differentiate import sym

SEED = "000"
_ROUND = 3


class Quadratic:
    """f(x) = Σ wᵢ(xᵢ − aᵢ)², with its gradient: the generated problems' objective (plain
    NumPy, ~100× faster than a lambdified SymPy function in the inner loops of a penalty)."""

    def __init__(self, a, w) -> None:
        self.a, self.w = np.asarray(a, dtype=float), np.asarray(w, dtype=float)

    def __call__(self, x):
        return float(self.w @ (np.asarray(x) - self.a) ** 2)

    def jacobian(self, x):
        return 2 * self.w * (np.asarray(x) - self.a)

    def __repr__(self) -> str:
        return f"Quadratic(a={self.a.tolist()}, w={self.w.tolist()})"


class HalfSpace:
    """c(x) = b − gᵀx (≥ 0: gᵀx ≤ b), with its gradient −g."""

    def __init__(self, g, b) -> None:
        self.g, self.b = np.asarray(g, dtype=float), float(b)

    def __call__(self, x):
        return self.b - float(self.g @ np.asarray(x))

    def jacobian(self, x):
        return -self.g

    def __repr__(self) -> str:
        return f"HalfSpace(g={self.g.tolist()}, b={self.b!r})"


class Ball:
    """c(x) = r² − ‖x‖² (≥ 0: the ball of radius r), with its gradient −2x."""

    def __init__(self, r) -> None:
        self.r = float(r)

    def __call__(self, x):
        x = np.asarray(x)
        return self.r**2 - float(x @ x)

    def jacobian(self, x):
        return -2 * np.asarray(x, dtype=float)

    def __repr__(self) -> str:
        return f"Ball(r={self.r!r})"


def _quadratic(a, w) -> Quadratic:
    return Quadratic(a, w)


def _linear(g, b) -> HalfSpace:
    return HalfSpace(g, b)


# --- the seed's problem and fixed cases ----------------------------------------------------------

XY = "x y"
SEED_F = sym("x**2 + y**2", variables=XY)               # the seed's objective_function
SEED_C = sym("x + y - 1", variables=XY)                 # the seed's constraint
SEED_EQ = {"type": "eq", "fun": SEED_C}
SEED_OPTIMUM = {"x": np.array([0.5, 0.5]), "fun": 0.5, "success": True}
LE_ONE = sym("1 - x - y", variables=XY)                 # the seed's "x + y ≤ 1"
SHIFTED = sym("(x - 1)**2 + (y - 2.5)**2", variables=XY)
HALF_PLANES = [{"type": "ineq", "fun": sym("x - 2*y + 2", variables=XY)},
               {"type": "ineq", "fun": sym("-x - 2*y + 6", variables=XY)},
               {"type": "ineq", "fun": sym("-x + 2*y + 2", variables=XY)}]
DISK = {"type": "ineq", "fun": sym("1 - x**2 - y**2", variables=XY)}
ROSEN = sym("(1 - x)**2 + 100*(y - x**2)**2", variables=XY)
CIRCLE = {"type": "eq", "fun": sym("x**2 + y**2 - 1", variables=XY)}
EXP = sym("exp(x) + y**2 + x*y", variables=XY)
INFEASIBLE = [{"type": "ineq", "fun": sym("x - 2", variables=XY)},
              {"type": "ineq", "fun": sym("1 - x", variables=XY)}]
#: Hock & Schittkowski's problem 71 (SciPy's test suite): x₁x₄(x₁+x₂+x₃)+x₃, a product ≥ 25,
#: a sphere of radius √40 and the box 1 ≤ x ≤ 5; optimum ≈ (1, 4.743, 3.821, 1.379).
HS71 = sym("x1*x4*(x1 + x2 + x3) + x3", variables="x1 x2 x3 x4")
HS71_CONSTRAINTS = [{"type": "ineq", "fun": sym("x1*x2*x3*x4 - 25", variables="x1 x2 x3 x4")},
                    {"type": "eq", "fun": sym("x1**2 + x2**2 + x3**2 + x4**2 - 40",
                                              variables="x1 x2 x3 x4")}]

#: Constrained cases of ``optimize.minimize`` (method SLSQP, or None with constraints, which
#: SciPy and mathml both resolve to SLSQP), for the minimize concept to include: compared by
#: optimum, run at ftol = 1e-12 where both succeed, by success alone where both fail.
_SOLVED = (
    case(SEED_F, [0, 0], constraints=SEED_EQ,
         label="seed 000: x²+y² s.t. x+y = 1 from (0, 0), method None → SLSQP: (0.5, 0.5)"),
    case(SEED_F, [0, 0], method="SLSQP", constraints={"type": "ineq", "fun": SEED_C},
         options={"ftol": 1e-12}, label="SLSQP: x²+y² s.t. x+y−1 ≥ 0: (0.5, 0.5)"),
    case(SEED_F, [0.2, 0.1], method="SLSQP", constraints={"type": "ineq", "fun": LE_ONE},
         options={"ftol": 1e-12}, label="SLSQP: the seed's x+y ≤ 1, inactive: (0, 0)"),
    case(SHIFTED, [2, 0], method="SLSQP", constraints=HALF_PLANES,
         bounds=[(0, None), (0, None)], options={"ftol": 1e-12},
         label="SLSQP: three half-planes and x ≥ 0: (1.4, 1.7)"),
    case(ROSEN, [-0.5, 0.5], method="SLSQP", jac=ROSEN.jacobian, constraints=DISK,
         options={"ftol": 1e-12}, label="SLSQP: Rosenbrock in the unit disk, exact gradient"),
    case(EXP, [1.0, 1.0], method="SLSQP", constraints=CIRCLE, options={"ftol": 1e-12},
         label="SLSQP: exp(x)+y²+xy on the unit circle (nonlinear equality)"),
    case(HS71, [1, 5, 5, 1], method="SLSQP", constraints=HS71_CONSTRAINTS,
         bounds=[(1, 5)] * 4, options={"ftol": 1e-10},
         label="SLSQP: Hock–Schittkowski 71 (bounds, inequality, equality); at ftol 1e-12 "
               "both end with status 8 at the optimum"),
)
#: the solved problems are compared by their counts too: SLSQP evaluates as SciPy's does
#: (gradients at the accepted iterates only), so nit, nfev and njev are SciPy's
SLSQP_CASES = tuple(c.compared("slsqp_counts") for c in _SOLVED) + (
    case(SEED_F, [0, 0], method="SLSQP", constraints=INFEASIBLE,
         label="SLSQP: infeasible (x ≥ 2 and x ≤ 1): success False, not raised"),
    case(SEED_F, [0, 0], method="SLSQP", constraints={"type": "ineq", "fun": sym("x - 2",
                                                                              variables=XY)},
         bounds=[(None, 1), (None, None)],
         label="SLSQP: infeasible with a bound (x ≥ 2, x ≤ 1): success False"),
)


# --- comparison: the same optimum ----------------------------------------------------------------

def _optimum(func, c) -> dict:
    """What is compared of a result: the minimiser, the minimum and the verdict (counts and
    paths differ between the methods and are not compared)."""
    res = c.call(func)
    return {"x": np.asarray(res.x, dtype=float), "fun": float(res.fun),
            "success": bool(res.success)}


# --- generated problems ------------------------------------------------------------------------

def _coef(lo: float, hi: float):
    return st.floats(lo, hi, allow_nan=False).map(lambda v: round(v, _ROUND))


@st.composite
def _problem(draw, active: bool | None):
    """(f, g, b, a): f = Σ wᵢ(xᵢ − aᵢ)², the half-space gᵀx ≤ b (b > 0, so 0 is interior),
    with a at least 0.1·‖g‖ inside it, outside it, or on a random side (active None)."""
    n = draw(st.integers(2, 3))
    g = np.array([draw(_coef(-2.0, 2.0)) for _ in range(n)])
    g[0] = draw(st.sampled_from([1.0, -1.0])) * max(abs(g[0]), 0.5)  # g ≠ 0
    b = draw(_coef(0.5, 2.0))
    a = np.array([draw(_coef(-2.0, 2.0)) for _ in range(n)])
    side = draw(st.booleans()) if active is None else active
    # move a along g to signed distance s ∈ ±[0.2, 1.5]·‖g‖ from the boundary gᵀx = b
    s = draw(_coef(0.2, 1.5)) * (1 if side else -1)
    a = np.round(a + (b + s * (g @ g) - g @ a) / (g @ g) * g, _ROUND)
    w = np.array([draw(_coef(0.5, 3.0)) for _ in range(n)])
    return _quadratic(a, w), g, b, a


def _with_jac(f) -> dict:
    """A constraint or objective's exact gradient (SymPy's): generated problems give both
    backends exact derivatives, so that SLSQP (the reference) reaches the optimum reliably
    (with forward differences it ends with a spurious failure in ~0.1% of problems at ftol
    1e-14); the fixed cases exercise the finite differences."""
    return {"jac": f.jacobian}


def _penalty_cases():
    @st.composite
    def build(draw):
        f, g, b, a = draw(_problem(None))
        c = _linear(g, b)
        kind = draw(st.sampled_from(["eq", "ineq"]))
        return case(f, np.zeros(g.size), constraints={"type": kind, "fun": c, **_with_jac(c)},
                    **_with_jac(f))
    return build()


@st.composite
def _ball_problem(draw):
    """(f, c): f = Σ wᵢ(xᵢ − aᵢ)² and the ball r² − ‖x‖² ≥ 0, with ‖a‖ at least 0.2 from r
    (inside: inactive; outside: active with a multiplier bounded away from 0)."""
    n = draw(st.integers(2, 3))
    r = draw(_coef(1.0, 3.0))
    direction = np.array([draw(_coef(-1.0, 1.0)) for _ in range(n)])
    direction[0] = max(abs(direction[0]), 0.5)
    radius = r + draw(_coef(0.2, 1.5)) * draw(st.sampled_from([1.0, -1.0]))
    a = np.round(direction / np.sqrt(direction @ direction) * max(radius, 0.0), _ROUND)
    w = np.array([draw(_coef(0.5, 3.0)) for _ in range(n)])
    return _quadratic(a, w), Ball(r)


def _barrier_cases():
    @st.composite
    def build(draw):
        # one constraint, linear or a ball: with a single constraint the optimum is
        # non-degenerate by construction (two could meet with a zero multiplier)
        if draw(st.booleans()):
            f, g, b, a = draw(_problem(None))
            c = _linear(g, b)
        else:
            f, c = draw(_ball_problem())
        x0 = np.zeros(f.a.size)
        return case(f, x0, constraints=[{"type": "ineq", "fun": c, **_with_jac(c)}],
                    **_with_jac(f))
    return build()


def _bench_penalty(n, rng):
    a = np.round(rng.uniform(-2, 2, n), _ROUND)
    f = _quadratic(a, np.round(rng.uniform(0.5, 3.0, n), _ROUND))
    g = np.round(rng.uniform(0.5, 1.5, n), _ROUND)
    c = _linear(g, float(g @ a) + 1.0)
    return case(f, np.zeros(n), constraints={"type": "eq", "fun": c, **_with_jac(c)},
                **_with_jac(f))


def _bench_barrier(n, rng):
    a = np.round(rng.uniform(0.5, 2, n), _ROUND)
    f = _quadratic(a, np.round(rng.uniform(0.5, 3.0, n), _ROUND))
    g = np.round(rng.uniform(0.5, 1.5, n), _ROUND)
    c = _linear(g, float(g @ a) / 2)
    return case(f, np.zeros(n), constraints={"type": "ineq", "fun": c, **_with_jac(c)},
                **_with_jac(f))


# --- lagrange ---------------------------------------------------------------------------------

def _lagrange_cases():
    @st.composite
    def build(draw):
        n = draw(st.integers(1, 4))
        m = draw(st.integers(1, min(n, 2)))
        ints = lambda shape, lo, hi: np.array(  # noqa: E731
            draw(st.lists(st.integers(lo, hi), min_size=int(np.prod(shape)),
                          max_size=int(np.prod(shape)))), dtype=float).reshape(shape)
        B = ints((n, n), -3, 3)
        Q = B.T @ B + np.eye(n)                       # SPD by construction
        A = np.hstack([np.eye(m), ints((m, n - m), -3, 3)])[:, draw(st.permutations(range(n)))]
        return case(Q, ints((n,), -5, 5), A, ints((m,), -5, 5))  # A has full row rank
    return build()


def _bench_lagrange(n, rng):
    m = max(1, n // 2)
    B = rng.integers(-3, 4, (n, n)).astype(float)
    A = np.hstack([np.eye(m), rng.integers(-3, 4, (m, n - m))]).astype(float)
    return case(B.T @ B + np.eye(n), rng.integers(-5, 6, n).astype(float), A,
                rng.integers(-5, 6, m).astype(float))


_NOTE_OPTIMUM = (
    "SciPy has no {0} method: the reference is SLSQP (ftol 1e-14) on the same problem. "
    "Compared: the same success; where both succeed, the minimiser and the minimum within "
    "the 'penalty_barrier' tolerance (1e-6, the method's O({1}) accuracy at its stopping "
    "rule, not SQP's). Iterations and evaluations are not compared: a sequence of "
    "unconstrained BFGS solves costs hundreds of evaluations where SQP needs tens.")

CONCEPTS = (
    Concept(
        "optimize.penalty", "scipy.optimize.minimize(method='SLSQP')", "constrained_optimum",
        "penalty_barrier",
        cases=(case(SEED_F, [0, 0], constraints=SEED_EQ, tol=1e-10, seed=SEED,
                    expected=SEED_OPTIMUM,
                    label="seed 000: x²+y² s.t. x+y = 1: (0.5, 0.5) (tol 1e-10: the O(1/μ) "
                          "error below the 8 printed decimals)"),
               case(SEED_F, [0, 0], constraints={"type": "ineq", "fun": SEED_C},
                    label="x²+y² s.t. x+y−1 ≥ 0 (infeasible start)"),
               case(SHIFTED, [0.0, 0.0], constraints=HALF_PLANES, label="three half-planes"),
               case(ROSEN, [-0.5, 0.5], jac=ROSEN.jacobian, constraints=DISK,
                    label="Rosenbrock in the unit disk"),
               case(EXP, [1.0, 1.0], constraints=CIRCLE,
                    label="exp(x)+y²+xy on the unit circle"),
               case(SEED_F, [0, 0], constraints=INFEASIBLE, maxiter=12,
                    label="infeasible: both report failure, neither raises"),
               case(sym("sqrt(x - 2) + y", variables=XY), [0, 0], constraints=SEED_EQ,
                    label="objective NaN at x0: both report failure, neither raises")),
        strategy=_penalty_cases,
        bad=(bad(SEED_F, [0, 0], constraints={"type": "equality", "fun": SEED_C},
                 raises=ValueError, match="Unknown constraint type", label="unknown type"),
             bad(SEED_F, [[0, 0]], constraints=SEED_EQ, raises=ValueError,
                 match="one dimension", label="2-D x0"),
             bad(SEED_F, [], constraints=SEED_EQ, raises=ValueError,
                 match="at least one entry", label="empty x0"),
             bad(SEED_F, [1j, 0], constraints=SEED_EQ, raises=TypeError,
                 match="x0 must be real", label="complex x0")),
        bench=Bench(10, _bench_penalty), seeds=(SEED,), run=_optimum,

        note=_NOTE_OPTIMUM.format("quadratic-penalty", "1/μ") + " At the end −μ·c(x) is the "
             "multiplier estimate (N&W Thm 17.2): the violation is |λ*|/μ ≤ tol = 1e-8."),
    Concept(
        "optimize.barrier", "scipy.optimize.minimize(method='SLSQP')", "constrained_optimum",
        "penalty_barrier",
        cases=(case(SEED_F, [1, 1], constraints={"type": "ineq", "fun": SEED_C}, seed=SEED,
                    expected=SEED_OPTIMUM,
                    label="seed 000: x²+y² s.t. x+y−1 ≥ 0 from the interior (1, 1): (0.5, 0.5)"),
               case(SEED_F, [0.2, 0.1], constraints={"type": "ineq", "fun": LE_ONE},
                    label="the seed's x+y ≤ 1 (1−x−y ≥ 0), inactive: (0, 0)"),
               case(SHIFTED, [0.5, 0.5], constraints=HALF_PLANES, label="three half-planes"),
               case(ROSEN, [-0.5, 0.5], jac=ROSEN.jacobian, constraints=DISK,
                    label="Rosenbrock in the unit disk")),
        strategy=_barrier_cases,
        bad=(bad(SEED_F, [0, 0], constraints=SEED_EQ, raises=ValueError,
                 match="inequality constraints only", label="an equality constraint"),
             bad(SEED_F, [0, 0], constraints={"type": "ineq", "fun": SEED_C},
                 raises=ValueError, match="strictly feasible", label="x0 not interior"),
             bad(SEED_F, [1, 1], constraints={"type": "bigger", "fun": SEED_C},
                 raises=ValueError, match="Unknown constraint type", label="unknown type"),
             bad(SEED_F, None, constraints={"type": "ineq", "fun": SEED_C}, raises=TypeError,
                 match="x0", label="x0 None")),
        bench=Bench(10, _bench_barrier), seeds=(SEED,), run=_optimum,

        note=_NOTE_OPTIMUM.format("log-barrier", "μ") + " The reference wrapper refuses "
             "equality constraints and an x0 outside the interior first, as mathml does; "
             "SLSQP itself would accept both."),
    Concept(
        "optimize.lagrange", "sympy.linsolve(∇L = 0), L = ½xᵀQx + cᵀx + λᵀ(Ax − b)", "kkt",
        "direct",
        cases=(case(2 * np.eye(2), [0.0, 0.0], [[1.0, 1.0]], [1.0], seed=SEED,
                    expected=(np.array([0.5, 0.5]), np.array([-1.0])),
                    label="seed 000: x²+y² s.t. x+y = 1: x = (0.5, 0.5), λ = −1"),
               case(np.array([[4.0, 1.0], [1.0, 2.0]]), [1.0, 1.0], [[1.0, 1.0]], [1.0],
                    label="Nocedal & Wright-style 2×2"),
               case(np.array([[6.0, 2.0, 1.0], [2.0, 5.0, 2.0], [1.0, 2.0, 4.0]]),
                    [-8.0, -3.0, -3.0], [[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]], [3.0, 0.0],
                    label="N&W Example 16.2: x = (2, −1, 1), λ = (−3, 2) in this sign"),
               case(np.array([[1.0, 2.0], [0.0, 1.0]]), [0.0, 1.0], [[1.0, -1.0]], [0.5],
                    label="nonsymmetric Q: only ½(Q + Qᵀ) counts"),
               case(np.array([[1.0, 0.0], [0.0, -1.0]]), [0.0, 0.0], [[1.0, 0.0]], [2.0],
                    label="indefinite on null(A): the stationary saddle")),
        strategy=_lagrange_cases,
        bad=(bad(2 * np.eye(2), [0.0, 0.0], [[1.0, 1.0], [2.0, 2.0]], [1.0, 2.0],
                 raises=np.linalg.LinAlgError, label="A rank-deficient: singular KKT"),
             bad(None, [0.0, 0.0], [[1.0, 1.0]], [1.0], raises=TypeError,
                 label="Q None (NumPy would make it a NaN)"),
             bad(2 * np.eye(2), [1j, 0.0], [[1.0, 1.0]], [1.0], raises=TypeError,
                 match="complex", label="c complex"),
             bad(np.zeros((2, 2)), [0.0, 0.0], [[1.0, 0.0]], [1.0],
                 raises=np.linalg.LinAlgError, label="Q singular on null(A)"),
             bad(2 * np.eye(2), [0.0, 0.0, 0.0], [[1.0, 1.0]], [1.0], raises=ValueError,
                 match=r"c \(3,\)", label="c of the wrong length"),
             bad(2 * np.eye(2), [0.0, 0.0], [[1.0, 1.0, 1.0]], [1.0], raises=ValueError,
                 match=r"A \(1, 3\)", label="A of the wrong width"),
             bad(2 * np.eye(2), [0.0, 0.0], [[1.0, 1.0]], [1.0, 2.0], raises=ValueError,
                 match=r"b \(2,\)", label="b of the wrong length"),
             bad(np.ones((2, 3)), [0.0, 0.0], [[1.0, 1.0]], [1.0],
                 raises=np.linalg.LinAlgError, match="square", label="Q not square"),
             bad(np.array([[np.nan, 0.0], [0.0, 1.0]]), [0.0, 0.0], [[1.0, 1.0]], [1.0],
                 raises=ValueError, match="infs or NaNs", label="NaN in Q")),
        bench=Bench(6, _bench_lagrange), seeds=(SEED,),
        properties="kkt",
        note="Sign convention: L = f + λᵀ(Ax − b), so ∇f(x*) = −Aᵀλ (the seed's λ = −1); "
             "Nocedal & Wright write L = f − λᵀ(Ax − b) and get +1. Exact rational "
             "arithmetic (SymPy) against LU with partial pivoting on the indefinite KKT "
             "matrix: [x; λ] agree normwise within 50·cond(K)·eps."),
)
