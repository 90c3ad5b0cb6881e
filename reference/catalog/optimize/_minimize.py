"""Catalog entries for unconstrained and bound-constrained minimisation: `rosen`,
`rosen_der`, `rosen_hess`, `OptimizeResult`, `line_search`, `gradient_descent` and
`minimize` (BFGS, L-BFGS-B, CG, Newton-CG, Nelder-Mead) against ``scipy.optimize``.

Minimisers are compared by optimum (`same_optimum`): the same success, then the same
minimiser (tolerance 'optimum', normwise) and the same minimum, or, when both fail, the
same status. Both run at tight tolerances. Objectives are `Objective`s: plain NumPy
functions with a readable repr and, where known in closed form, their minimiser, which
each backend must also reach (an invariant).
"""
from __future__ import annotations

from typing import Any
from collections.abc import Callable

import numpy as np
from hypothesis import strategies as st

from .._core import Bench, Concept, bad, case
from ._constrained import SLSQP_CASES

SEED = "000"

#: the objective's agreement beyond the minimiser's (docs/contract.md §2: rtol ~1e-9); the floor
#: covers minima at 0, where two points δ ≤ 1e-6 apart differ by ≤ ½·λ_max·δ² in f


class Objective:
    """f with its gradient, Hessian and (if known) minimiser; its repr is its formula."""

    #: whether `minimiser` is the minimiser within a case's bounds (else: unconstrained)
    minimiser_in_bounds = False

    def __init__(self, name: str, f: Callable, grad: Callable | None = None,
                 hess: Callable | None = None, minimiser: Any = None) -> None:
        self.name, self.f, self.grad, self.hess = name, f, grad, hess
        self.minimiser = None if minimiser is None else np.asarray(minimiser, dtype=float)

    def __call__(self, x: Any, *args: Any) -> Any:
        return self.f(x, *args)

    def hessp(self, x: Any, p: Any, *args: Any) -> Any:
        return self.hess(x, *args) @ p

    def __repr__(self) -> str:
        return self.name


def _rosen(x):
    x = np.asarray(x, dtype=float)
    return np.sum(100.0 * (x[1:] - x[:-1] ** 2) ** 2 + (1.0 - x[:-1]) ** 2, axis=0)


def _rosen_der(x):
    import scipy.optimize
    return scipy.optimize.rosen_der(x)


def _rosen_hess(x):
    import scipy.optimize
    return scipy.optimize.rosen_hess(x)


#: the seed's ``rosenbrock_function(x, y) = (1 - x)**2 + 100 * (y - x**2)**2``, in N-D
ROSEN = Objective("rosen", _rosen, _rosen_der, _rosen_hess)
#: in 2-D the minimiser is unique, (1, 1) (for N ≥ 4 there is a second local one)
ROSEN_2D = Objective("rosen", _rosen, _rosen_der, _rosen_hess, minimiser=[1.0, 1.0])
ROSEN_AND_DER = Objective("lambda x: (rosen(x), rosen_der(x))",
                          lambda x: (_rosen(x), _rosen_der(x)))
NAN = Objective("lambda x: nan", lambda x: np.nan)


def quadratic(A: Any, b: Any) -> Objective:
    """f(x) = ½ xᵀAx − bᵀx, A symmetric positive definite: minimiser A⁻¹b."""
    A, b = np.asarray(A, dtype=float), np.asarray(b, dtype=float)
    return Objective(f"quadratic(A={A.tolist()}, b={b.tolist()})",
                     lambda x: 0.5 * x @ A @ x - b @ x, lambda x: A @ x - b,
                     lambda x: A, np.linalg.solve(A, b))


def centred_quadratic(A: Any, xstar: Any) -> Objective:
    """f(x) = ½ (x − x*)ᵀA(x − x*): minimum 0 at x*, and f's rounding error shrinks with
    f, so a sufficient-decrease test stays decidable down to tiny gradients (with
    ½xᵀAx − bᵀx it drowns in the rounding of f* ≠ 0 once ‖∇f‖² < eps·|f*|)."""
    A, xstar = np.asarray(A, dtype=float), np.asarray(xstar, dtype=float)
    return Objective(f"centred_quadratic(A={A.tolist()}, xstar={xstar.tolist()})",
                     lambda x: 0.5 * (x - xstar) @ A @ (x - xstar), lambda x: A @ (x - xstar),
                     lambda x: A, xstar)


def boxed_quadratic(A: Any, xstar: Any, g: Any) -> Objective:
    """f(x) = ½ (x − x*)ᵀA(x − x*) + gᵀ(x − x*) for a box on whose boundary x* satisfies the
    KKT conditions: g_i > 0 where x*_i sits at its lower bound, g_i < 0 at its upper bound,
    g_i = 0 where it is free. f is convex and ∇f(x*)ᵀd = gᵀd ≥ 0 along every feasible
    direction d, so x* is the box's minimiser, with f* = 0 (centred, for the reason of
    `centred_quadratic`: a minimum f* ≠ 0 at the boundary asks a tight ftol for decreases
    below the rounding of f, where L-BFGS-B's line search fails in SciPy)."""
    A, xstar, g = (np.asarray(v, dtype=float) for v in (A, xstar, g))
    f = Objective(f"boxed_quadratic(A={A.tolist()}, xstar={xstar.tolist()}, g={g.tolist()})",
                  lambda x: 0.5 * (x - xstar) @ A @ (x - xstar) + g @ (x - xstar),
                  lambda x: A @ (x - xstar) + g, lambda x: A, xstar)
    f.minimiser_in_bounds = True
    return f


def _seed_gd():
    """The seed's loop ``x -= 0.1 * compute_gradient(x)`` from 0, for f(x) = (x − 3)²."""
    return Objective("lambda x: (x[0] - 3)**2", lambda x: (x[0] - 3.0) ** 2,
                     lambda x: 2.0 * (x - 3.0), lambda x: np.array([[2.0]]), [3.0])


SEED_GD = _seed_gd()
#: x_k = 3(1 − 0.8^k): after 100 steps, and f there
SEED_GD_X = 3.0 * (1.0 - 0.8 ** 100)
SEED_GD_F = (SEED_GD_X - 3.0) ** 2

# Seed 002's CustomLinearRegression objective: J(w, b) = (1/2n) Σ (w x_i + b − y_i)², whose
# gradient is the seed's (dw, db); its minimiser is least squares: slope 0.6, intercept 2.2.
_X002, _Y002 = np.array([1.0, 2, 3, 4, 5]), np.array([2.0, 4, 5, 4, 5])
REGRESSION = Objective(
    "lambda wb: mean((wb[0]*X + wb[1] - y)**2) / 2 with seed 002's X, y",
    lambda wb: np.mean((wb[0] * _X002 + wb[1] - _Y002) ** 2) / 2,
    lambda wb: np.array([np.mean((wb[0] * _X002 + wb[1] - _Y002) * _X002),
                         np.mean(wb[0] * _X002 + wb[1] - _Y002)]),
    None, [0.6, 2.2])


# --- generated problems -------------------------------------------------------------------

def _spd(draw, n: int, low: float, high: float) -> np.ndarray:
    """Q diag(λ) Qᵀ with λ in [low, high] and Q from a QR of a seeded matrix: SPD by
    construction, condition ≤ high/low."""
    seed = draw(st.integers(0, 2 ** 32 - 1))
    rng = np.random.default_rng(seed)
    Q, _ = np.linalg.qr(rng.uniform(-1, 1, (n, n)))
    lam = np.round(rng.uniform(low, high, n), 3)
    return np.round(Q * lam @ Q.T, 12)


@st.composite
def _quadratic_problem(draw, max_n: int = 5, low: float = 1.0, high: float = 10.0):
    n = draw(st.integers(1, max_n))
    A = _spd(draw, n, low, high)
    A = (A + A.T) / 2
    b = np.array(draw(st.lists(st.integers(-20, 20), min_size=n, max_size=n)), float) / 4
    x0 = np.array(draw(st.lists(st.integers(-12, 12), min_size=n, max_size=n)), float) / 4
    return quadratic(A, b), x0


_TIGHT = {"BFGS": {"gtol": 1e-10}, "CG": {"gtol": 1e-10},
          "L-BFGS-B": {"gtol": 1e-10, "ftol": 1e-15}, "Newton-CG": {"xtol": 1e-12},
          "Nelder-Mead": {"xatol": 1e-10, "fatol": 1e-14, "maxiter": 20000, "maxfev": 20000}}


def _minimize_cases():
    @st.composite
    def build(draw):
        # centred: at gtol = 1e-10, ½xᵀAx − bᵀx with f* ≠ 0 asks for decreases below the
        # rounding of f, where a line search may fail in one backend and not the other
        f, x0 = draw(_quadratic_problem())
        f = centred_quadratic(f.hess(x0), f.minimiser)
        method = draw(st.sampled_from(["BFGS", "CG", "L-BFGS-B", "Newton-CG", "Nelder-Mead"]))
        kwargs: dict = {"method": method, "options": dict(_TIGHT[method])}
        if method == "L-BFGS-B" and draw(st.booleans()):
            # the box x0 ± 1, each coordinate of the minimiser free inside it or held at a
            # bound by a gradient pointing out of the box (active bounds)
            n = len(x0)
            side = np.array(draw(st.lists(st.sampled_from([-1, 0, 1]), min_size=n, max_size=n)))
            inside = np.array(draw(st.lists(st.integers(-3, 3), min_size=n, max_size=n))) / 4
            push = np.array(draw(st.lists(st.integers(1, 8), min_size=n, max_size=n))) / 4
            f = boxed_quadratic(f.hess(x0), np.where(side == 0, x0 + inside, x0 + side),
                                -side * push)
            kwargs["bounds"] = [(float(v) - 1.0, float(v) + 1.0) for v in x0]
        if method != "Nelder-Mead":
            kwargs["jac"] = f.grad
        if method == "Newton-CG":
            which = draw(st.sampled_from(["hess", "hessp"]))
            kwargs[which] = f.hess if which == "hess" else f.hessp
        return case(f, x0, **kwargs)
    return build()


def _gd_cases():
    """Centred quadratics (f* = 0, see `centred_quadratic`). A fixed step 1/8 contracts
    by ≤ 7/8 for λ ∈ [1, 4]; Armijo from α = 1 accepts α = 1 for λ ≤ 1.5 (α ≤ 2(1 −
    c1)/R, R the Rayleigh quotient of ∇f) and contracts by ≤ 0.7. (With λ up to 2/α the
    accepted step can sit at the stability limit along the top eigenvector, where gradient
    descent with Armijo steps crawls: correct, but not in 5000 steps.)"""
    @st.composite
    def build(draw):
        if draw(st.booleans()):
            f, x0 = draw(_quadratic_problem(max_n=4, low=0.3, high=1.5))
            f = centred_quadratic(f.hess(x0), f.minimiser)
            return case(f, x0, jac=f.grad, line_search="armijo", max_iter=5000, tol=1e-10)
        f, x0 = draw(_quadratic_problem(max_n=4, low=1.0, high=4.0))
        f = centred_quadratic(f.hess(x0), f.minimiser)
        return case(f, x0, jac=f.grad, learning_rate=0.125, max_iter=5000, tol=1e-10)
    return build()


# --- line search --------------------------------------------------------------------------------

def _line_search_cases():
    @st.composite
    def build(draw):
        f, x = draw(_quadratic_problem(max_n=4, low=0.1, high=10.0))
        g = f.grad(x)
        if not np.any(g):
            g = np.ones_like(x)
            x = x + np.linalg.solve(f.hess(x), g)   # move off the minimiser
            g = f.grad(x)
        scale = draw(st.sampled_from([1.0, 0.1, 10.0, 100.0]))
        c2 = draw(st.sampled_from([0.9, 0.4, 0.1]))
        return case(f, f.grad, x, -scale * g, c2=c2)
    return build()


def _rosen_line(x0):
    x0 = np.asarray(x0, float)
    return case(ROSEN, ROSEN.grad, x0, -ROSEN.grad(x0), label=f"Rosenbrock at {x0.tolist()}: zoom")


# --- OptimizeResult ----------------------------------------------------------------------------

def _read_fields(cls: Callable, c: Any) -> list:
    """Build a result from the case's keywords and read the names in args[0] by attribute
    and by key."""
    res = cls(**c.kwargs)
    return [(getattr(res, name), res[name]) for name in c.args[0]] + [sorted(res.keys())]


def _result_cases():
    @st.composite
    def build(draw):
        n = draw(st.integers(1, 4))
        x = np.array(draw(st.lists(st.floats(-1e3, 1e3), min_size=n, max_size=n)))
        fields = dict(x=x, fun=draw(st.floats(-1e3, 1e3)), nit=draw(st.integers(0, 500)),
                      success=draw(st.booleans()), status=draw(st.integers(0, 3)),
                      message=draw(st.sampled_from(["Optimization terminated successfully.",
                                                    "NaN result encountered."])))
        return case(tuple(fields), **fields)
    return build()


# --- rosen ---------------------------------------------------------------------------------------

def _points(min_n: int = 2):
    @st.composite
    def build(draw):
        n = draw(st.integers(min_n, 8))
        return case(np.array(draw(st.lists(st.floats(-2, 2), min_size=n, max_size=n))))
    return build()


def _bench_point(n, rng):
    return case(rng.uniform(-2, 2, n))


def _bench_rosen10(n, rng):
    return case(ROSEN, np.tile([-1.2, 1.0], max(n // 2, 1)), jac=ROSEN.grad, method="BFGS")


def _optimum_fields(func: Callable, c: Any) -> dict:
    """gradient_descent's answer: what is compared (and what the seed implies)."""
    res = c.call(func)
    return {"x": np.asarray(res["x"]), "fun": float(res["fun"]), "success": bool(res["success"]),
            "status": int(res["status"])}


_X0_2D = np.array([-1.2, 1.0])
_X0_10D = np.tile(_X0_2D, 5)
_Q3 = quadratic([[4.0, 1.0, 0.0], [1.0, 3.0, 0.5], [0.0, 0.5, 2.0]], [1.0, -2.0, 0.5])
_Q_ILL = quadratic([[100.0, 0.0], [0.0, 1.0]], [100.0, -1.0])
_Q10 = centred_quadratic([[10.0, 3.0], [3.0, 2.0]], [0.5, -1.5])
_BOX = [(-2.0, 0.5), (-2.0, 2.0)]

CONCEPTS = (
    Concept(
        "optimize.rosen", "scipy.optimize.rosen", "exact", "exact",
        cases=(case(np.array([-1.2, 1.0]), seed=SEED, expected=24.2,
                    label="seed: (1 − x)² + 100(y − x²)² at (−1.2, 1)"),
               case(np.ones(5), label="the minimum, 5-D"),
               case(np.array([[-1.2, 0.0, 1.0], [1.0, 0.5, 1.0], [0.3, 2.0, 1.0]]),
                    label="several points: axis 0 the coordinates"),
               case(np.array([-1.2, 1.0], dtype=np.float32),
                    label="float32: the result float32, as SciPy").compared("single_precision"),
               case(np.array([1.0 + 1.0j, 2.0]),
                    label="complex: the polynomial in complex arithmetic, as SciPy"),
               case(np.zeros(0), label="no coordinates: the empty sum 0, as SciPy"),
               case(np.array([np.nan, 1.0]), label="NaN in, NaN out")),
        strategy=_points,
        bad=(bad(1.0, raises=IndexError, label="a scalar: no coordinates"),
             bad(None, raises=TypeError, match="x must be an array of numbers",
                 label="None"),
             bad(np.array([1.0, None], dtype=object), raises=TypeError,
                 match="x must be an array of numbers", label="an object array holding None"),
             bad("abc", raises=ValueError, match="could not convert string",
                 label="a string"),
             bad([[1.0, 2.0], [3.0]], raises=ValueError, label="a ragged list")),
        bench=Bench(1000, _bench_point), seeds=(SEED,),
        note="The same formula; equal to rounding."),
    Concept(
        "optimize.rosen_der", "scipy.optimize.rosen_der", "exact", "exact",
        cases=(case(np.array([-1.2, 1.0]), label="(−1.2, 1)"),
               case(np.ones(4), label="the minimum: zero gradient"),
               case(np.array([-1.2, 1.0], dtype=np.float32), label="float32 in, float32 out")
               .compared("single_precision"),
               case(np.array([1.0 + 1.0j, 2.0]), label="complex, as SciPy")),
        strategy=_points,
        bad=(bad(np.array([1.0]), raises=IndexError, label="one coordinate"),
             bad(np.zeros(0), raises=IndexError, label="empty"),
             bad(None, raises=TypeError, match="x must be an array of numbers",
                 label="None")),
        bench=Bench(1000, _bench_point)),
    Concept(
        "optimize.rosen_hess", "scipy.optimize.rosen_hess", "exact", "exact",
        cases=(case(np.array([-1.2, 1.0]), label="(−1.2, 1)"),
               case(np.ones(4), label="the minimum: positive definite"),
               case(np.array([-1.2, 1.0], dtype=np.float32), label="float32 in, float32 out")
               .compared("single_precision"),
               case(np.array([1.0 + 1.0j, 2.0]), label="complex, as SciPy")),
        strategy=_points,
        bad=(bad(np.array([1.0]), raises=IndexError, label="one coordinate"),
             bad(np.float64(2.0), raises=IndexError, label="0-d"),
             bad(np.ones((3, 2)), raises=ValueError, label="several points (2-D)"),
             bad(None, raises=TypeError, match="x must be an array of numbers",
                 label="None")),
        bench=Bench(200, _bench_point)),
    Concept(
        "optimize.OptimizeResult", "scipy.optimize.OptimizeResult", "exact", "exact",
        cases=(case(("x", "fun", "success", "nit"), x=np.array([1.0, 1.0]), fun=0.0,
                    success=True, nit=3, label="fields by attribute and by key"),),
        strategy=_result_cases,
        bad=(bad(("nfev",), x=np.zeros(1), raises=AttributeError,
                 label="a field never set"),),
        bench=Bench(1, lambda n, rng: case(("x",), x=rng.uniform(size=3))),
        run=_read_fields,
        note="A dict whose keys are also attributes; a missing one raises AttributeError."),
    Concept(
        "optimize.line_search", "scipy.optimize.line_search", "wolfe_step", "exact",
        cases=(case(Objective("lambda x: x @ x", lambda x: x @ x, lambda x: 2 * x),
                    lambda x: 2 * x, np.array([1.8, 1.7]), np.array([-1.0, -1.0]),
                    label="SciPy's example: step 1 accepted, the same step").compared("exact"),
               case(_Q3, _Q3.grad, np.zeros(3), -_Q3.grad(np.zeros(3)),
                    label="quadratic, steepest descent, the same step").compared("exact"),
               case(_Q_ILL, _Q_ILL.grad, np.zeros(2), -_Q_ILL.grad(np.zeros(2)),
                    label="ill-conditioned quadratic: zoom, the same step").compared("exact"),
               _rosen_line([-1.2, 1.0]), _rosen_line([0.0, 0.0]),
               case(_Q3, _Q3.grad, np.zeros(3), -_Q3.grad(np.zeros(3)), c2=0.1,
                    old_old_fval=1.0, label="c2 = 0.1, a previous value"),
               case(_Q3, _Q3.grad, np.zeros(3), -_Q3.grad(np.zeros(3)), amax=0.05,
                    label="amax below the Wolfe steps: none found")),
        strategy=_line_search_cases,
        bad=(bad(_Q3, _Q3.grad, np.zeros(3), -_Q3.grad(np.zeros(3)), c1=0.5, c2=0.4,
                 raises=ValueError, match="c1", label="c1 > c2"),
             bad(_Q3, _Q3.grad, np.zeros(3), _Q3.grad(np.zeros(3)), warns=RuntimeWarning,
                 match="did not converge", label="an ascent direction: warns, None"),
             bad(_Q3, _Q3.grad, None, np.ones(3), raises=TypeError, match="xk",
                 label="xk None"),
             bad(_Q3, _Q3.grad, np.zeros(3), np.array([1j, 0.0, 0.0]), raises=TypeError,
                 match="pk must be real", label="pk complex"),
             bad(_Q3, _Q3.grad, np.zeros((3, 3)), np.ones(3), raises=ValueError,
                 match="xk must be 1-D", label="xk 2-D")),
        bench=Bench(1, lambda n, rng: _rosen_line(rng.uniform(-1, 1, 2))),
        properties="line_search",
        note="Both steps satisfy the strong Wolfe conditions for the same c1, c2 (checked as "
             "invariants). mathml runs the same algorithm as SciPy (Nocedal & Wright 3.5/3.6 "
             "with SciPy's interpolation safeguards), so steps agree where compared."),
    Concept(
        "optimize.gradient_descent", "scipy.optimize.minimize(method='BFGS')", "optimum",
        "optimum",
        cases=(case(SEED_GD, 0.0, jac=SEED_GD.grad, seed=SEED,
                    expected={"x": np.array([SEED_GD_X]), "fun": SEED_GD_F, "success": True,
                              "status": 0},
                    label="seed: x ← x − 0.1·f'(x), 100 steps from 0, f = (x − 3)²"),
               case(REGRESSION, np.zeros(2), jac=REGRESSION.grad, learning_rate=0.1,
                    max_iter=5000, tol=1e-10,
                    label="seed 002: linear regression by gradient descent, to convergence"),
               case(_Q3, np.zeros(3), jac=_Q3.grad, learning_rate=0.2, max_iter=5000, tol=1e-10,
                    label="quadratic, fixed step"),
               case(_Q10, np.zeros(2), jac=_Q10.grad, line_search="armijo", max_iter=5000,
                    tol=1e-10, label="quadratic, condition 11, Armijo"),
               case(_Q3, np.zeros(3), learning_rate=0.2, max_iter=5000, tol=1e-7,
                    label="central-difference gradient"),
               case(NAN, np.zeros(2), label="objective NaN: success False, status 3")),
        strategy=_gd_cases,
        bad=(bad(SEED_GD, np.zeros((1, 1)), raises=ValueError, match="x0",
                 label="x0 not 1-D"),
             bad(SEED_GD, 0.0, learning_rate=0.0, raises=ValueError, match="learning_rate",
                 label="learning_rate 0"),
             bad(SEED_GD, 0.0, line_search="wolfe", raises=ValueError, match="line_search",
                 label="unknown line search"),
             bad(SEED_GD, 0.0, max_iter=-1, raises=ValueError, match="max_iter",
                 label="negative max_iter"),
             bad(SEED_GD, None, raises=TypeError, match="x0", label="x0 None"),
             bad(SEED_GD, 1.0 + 1.0j, raises=TypeError, match="x0 must be real",
                 label="x0 complex"),
             bad(SEED_GD, np.zeros(0), raises=ValueError, match="at least one entry",
                 label="x0 empty")),
        bench=Bench(1, lambda n, rng: case(_Q3, rng.uniform(-1, 1, 3), jac=_Q3.grad,
                                           learning_rate=0.2, max_iter=5000, tol=1e-10)),
        seeds=(SEED, "002"), run=_optimum_fields,
        properties="minimize",
        note="SciPy has no gradient descent: the reference is the minimiser found by BFGS. "
             "Run to convergence (tol), gradient descent reaches the same point; the seed's "
             "fixed 100 steps reach 3(1 − 0.8¹⁰⁰) = 3 − 6.1e-10, within the comparison "
             "tolerance. Paths and counts differ by design."),
    Concept(
        "optimize.minimize", "scipy.optimize.minimize", "optimum", "optimum",
        cases=(case(ROSEN_2D, _X0_2D, jac=ROSEN.grad, options={"gtol": 1e-10}, seed=SEED,
                    label="seed: Rosenbrock from (−1.2, 1), default method (BFGS)"),
               case(_Q3, np.zeros(3), method="BFGS", tol=1e-7,
                    label="BFGS, finite-difference gradient"),
               case(ROSEN_AND_DER, _X0_2D, jac=True, method="BFGS", tol=1e-10,
                    label="BFGS, jac=True"),
               case(ROSEN, _X0_10D, jac=ROSEN.grad, method="BFGS",
                    label="BFGS, 10-D Rosenbrock: the local minimum near (−1, 1, …, 1)"),
               case(ROSEN, _X0_10D, jac=ROSEN.grad, method="L-BFGS-B",
                    options={"gtol": 1e-10, "ftol": 1e-15}, label="L-BFGS-B, 10-D Rosenbrock"),
               case(ROSEN, _X0_2D, jac=ROSEN.grad, bounds=_BOX,
                    options={"gtol": 1e-10, "ftol": 1e-15},
                    label="bounds: default method (L-BFGS-B), x = 0.5 active"),
               case(ROSEN, _X0_2D, method="L-BFGS-B", options={"maxls": 1},
                    label="L-BFGS-B, maxls 1: the first line search needs a second trial, "
                          "'ABNORMAL' (status 2) at nit 0 as SciPy"),
               case(ROSEN, np.linspace(-1.0, 1.0, 5), jac=ROSEN.grad, method="L-BFGS-B",
                    options={"maxls": 1},
                    label="L-BFGS-B, maxls 1, 5-D: 11 iterations, then 'ABNORMAL' as SciPy"),
               case(_Q3, np.zeros(3), jac=_Q3.grad, method="L-BFGS-B",
                    bounds=[(None, 0.0), (0.0, None), (-0.1, 0.1)],
                    options={"gtol": 1e-10, "ftol": 1e-15},
                    label="quadratic in a box, bounds active"),
               case(ROSEN, _X0_10D, jac=ROSEN.grad, method="CG", options={"gtol": 1e-10},
                    label="CG (Polak–Ribière+), 10-D Rosenbrock"),
               case(_Q3, np.ones(3), jac=_Q3.grad, method="CG", tol=1e-10,
                    label="CG on a quadratic"),
               case(ROSEN_2D, _X0_2D, jac=ROSEN.grad, hess=ROSEN.hess, method="Newton-CG",
                    options={"xtol": 1e-12}, label="Newton-CG with the Hessian"),
               case(ROSEN, _X0_10D, jac=ROSEN.grad, hessp=ROSEN.hessp, method="newton-cg",
                    options={"xtol": 1e-12}, label="Newton-CG with products, lower case"),
               case(_Q3, np.zeros(3), jac=_Q3.grad, method="Newton-CG",
                    options={"xtol": 1e-12}, label="Newton-CG, finite-difference products"),
               case(ROSEN_2D, _X0_2D, method="Nelder-Mead", tol=1e-10,
                    label="Nelder-Mead: the same simplex steps as SciPy"),
               case(ROSEN, _X0_2D, method="Nelder-Mead", bounds=_BOX,
                    options={"xatol": 1e-10, "fatol": 1e-14}, label="Nelder-Mead with bounds"),
               case(Objective("lambda x, a: sum((x - a)**2)", lambda x, a: np.sum((x - a) ** 2),
                              lambda x, a: 2 * (x - a)), np.zeros(2),
                    args=(np.array([1.0, -2.0]),), jac=lambda x, a: 2 * (x - a), tol=1e-10,
                    label="args passed to fun and jac"),
               case(SEED_GD, 0.5, jac=SEED_GD.grad, method="BFGS", tol=1e-10,
                    label="scalar x0: one variable"),
               *(case(NAN, np.zeros(2), method=m,
                      jac=(lambda x: np.zeros_like(x)) if m == "Newton-CG" else None,
                      label=f"{m}: objective NaN, success False")
                 for m in ("BFGS", "L-BFGS-B", "CG", "Newton-CG", "Nelder-Mead")),
               *SLSQP_CASES),
        strategy=_minimize_cases,
        bad=(bad(ROSEN, np.zeros((2, 2)), raises=ValueError, match="x0",
                 label="x0 not 1-D"),
             bad(ROSEN, np.array([1.0 + 1.0j, 0.0]), raises=TypeError, match="x0 must be real",
                 label="x0 complex (SciPy would iterate in complex arithmetic)"),
             bad(ROSEN, _X0_2D, method="Newton", raises=ValueError, match="Newton",
                 label="unknown method"),
             bad(ROSEN, _X0_2D, bounds=[(0.0, 1.0)], raises=ValueError, match="bounds",
                 label="bounds of the wrong length"),
             bad(ROSEN, _X0_2D, bounds=[(1.0, 0.0), (0.0, 1.0)], raises=ValueError,
                 match="upper bound", label="a lower bound above its upper bound"),
             bad(ROSEN, _X0_2D, method="Newton-CG", raises=ValueError, match="Jacobian",
                 label="Newton-CG without jac"),
             bad(ROSEN, _X0_2D, method="L-BFGS-B", options={"maxls": 0}, raises=ValueError,
                 match="maxls must be positive", label="L-BFGS-B, maxls 0"),
             bad(ROSEN, _X0_2D, options={"gtol": 1e-8 + 1e-9j}, raises=TypeError,
                 match="gtol must be a real number",
                 label="a complex gtol (SciPy compares it as if real)"),
             bad(ROSEN, _X0_2D, options={"gtol": [[1e-8, 1e-9], [1e-8]]}, raises=ValueError,
                 label="a ragged gtol"),
             bad(ROSEN, _X0_2D, method="Nelder-Mead", jac=ROSEN.grad, warns=RuntimeWarning,
                 match="does not use gradient", label="Nelder-Mead given jac: warned"),
             bad(ROSEN, _X0_2D, method="CG", bounds=_BOX, warns=RuntimeWarning,
                 match="cannot handle bounds", label="CG given bounds: warned")),
        bench=Bench(10, _bench_rosen10), seeds=(SEED,),
        properties="minimize",
        note="Compared by optimum: same success, same minimiser (rtol 1e-6 normwise), same "
             "minimum; both failing, the same status. nit/nfev are shown, not compared: "
             "BFGS, CG and Newton-CG follow SciPy's iteration but SciPy tries MINPACK's "
             "line search (Moré–Thuente) before the Nocedal–Wright one mathml uses, so paths "
             "differ slightly (where the Nocedal–Wright search fails, mathml's BFGS and CG "
             "restart along −∇f, where SciPy has the other search); mathml's L-BFGS-B is a "
             "projected L-BFGS, not Byrd–Lu–"
             "Nocedal–Zhu's generalized-Cauchy-point code; Nelder-Mead takes SciPy's steps "
             "exactly. On 10-D Rosenbrock from (−1.2, 1, …) BFGS in both backends stops at "
             "the other local minimum near (−1, 1, …, 1), f ≈ 3.99, while CG, L-BFGS-B and "
             "Newton-CG reach (1, …, 1). L-BFGS-B's maxls bounds the evaluations of one "
             "line search in both (maxls ≤ 0 refused as SciPy); with maxls 1 both stop "
             "'ABNORMAL' at the same iteration, with maxls 2 the verdicts can differ (SciPy's "
             "Moré–Thuente search also uses the derivative at each trial step). The result "
             "types are SciPy's (a float32 x0 gives a float32 x in Nelder-Mead and "
             "Newton-CG, float64 in BFGS and CG once they step, and in L-BFGS-B and SLSQP), "
             "but mathml computes in float64 where SciPy evaluates in float32."),
)
