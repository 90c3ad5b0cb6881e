"""
Constrained optimisation: x² + y² on the line x + y = 1
=======================================================

Seed file: ``000_dd9bfe186c948157.txt`` (seed 000), "Constraints" and "Constrained
Optimization": the constraint ``x + y - 1`` and ``opt.minimize(objective_function, x0=[0, 0],
constraints={'type': 'eq', 'fun': constraint})``, which minimises x² + y² subject to
x + y = 1.

``ml.optimize.minimize`` with constraints runs SLSQP (sequential quadratic programming), as
SciPy does. The seed also names the methods behind it: Lagrange multipliers
(``ml.optimize.lagrange`` solves the KKT system of an equality-constrained quadratic
programme), penalty methods (``ml.optimize.penalty``) and interior-point (barrier) methods
(``ml.optimize.barrier``, for the inequality x + y ≥ 1 from a feasible start). All of them,
through both backends, find the point of the line closest to the origin.
"""
import matplotlib.pyplot as plt
import numpy as np

import mathml
import reference
from reference import printed
from reference.compare import agree

BACKENDS = {"mathml": mathml, "reference": reference}


def agreeing(what, got, expected, tolerance):
    """Raise if two answers differ beyond the named entry of the catalog's tolerance table."""
    verdict = agree(got, expected, tolerance)
    if not verdict.ok:
        raise AssertionError(f"{what} beyond the '{tolerance}' tolerance: {verdict.detail}")


# %%
# The seed's problem, through each backend
# ----------------------------------------
# Seed value (the seed prints nothing; the catalog's hand-worked optimum): x = (0.5, 0.5),
# f = 0.5, success True; the Lagrange multiplier of x + y = 1 is −1 (∇f = (1, 1) = −λ ∇c).
# SLSQP's answer is checked to NumPy's 8 printed decimals.

SEED_X, SEED_FUN = "[0.5 0.5]", 0.5


def objective_function(x):
    return x[0] ** 2 + x[1] ** 2


def constraint(x):
    return x[0] + x[1] - 1


found = {}
for name, ml in BACKENDS.items():
    slsqp = ml.optimize.minimize(objective_function, x0=[0, 0],
                                 constraints={"type": "eq", "fun": constraint})
    by_penalty = ml.optimize.penalty(objective_function, [0, 0],
                                     constraints={"type": "eq", "fun": constraint}, tol=1e-10)
    by_barrier = ml.optimize.barrier(objective_function, [1, 1],
                                     constraints={"type": "ineq", "fun": constraint})
    # ½xᵀQx + cᵀx subject to A x = b: Q = 2I, c = 0, A = [1 1], b = 1
    by_lagrange = ml.optimize.lagrange(2 * np.eye(2), [0.0, 0.0], [[1.0, 1.0]], [1.0])
    found[name] = {"SLSQP": slsqp.x, "penalty": by_penalty.x, "barrier": by_barrier.x,
                   "Lagrange": by_lagrange.x}
    print(f"--- import {name} as ml")
    print(f"minimize (SLSQP): x = {slsqp.x}, f = {slsqp.fun:.10f}, success {slsqp.success}")
    print(f"penalty:  x = {by_penalty.x}, f = {by_penalty.fun:.10f}")
    print(f"barrier:  x = {by_barrier.x}, f = {by_barrier.fun:.10f}")
    print(f"lagrange: x = {by_lagrange.x}, multiplier {by_lagrange.multipliers}")
    wrong = printed.mismatches(slsqp.x, SEED_X) + printed.mismatches(slsqp.fun, SEED_FUN)
    if wrong or not slsqp.success:
        raise AssertionError(f"{name} SLSQP drifted from the seed's optimum: {wrong}")
    for label, result in (("penalty", by_penalty), ("barrier", by_barrier)):
        agreeing(f"{name} {label} vs the optimum", result.x, np.array([0.5, 0.5]),
                 "penalty_barrier")
    agreeing(f"{name} lagrange", (by_lagrange.x, by_lagrange.multipliers),
             (np.array([0.5, 0.5]), np.array([-1.0])), "exact")

# %%
# Both backends on one figure
# ---------------------------
# The contours of x² + y², the constraint line x + y = 1 (the barrier method keeps to the
# side x + y ≥ 1), and the point each method returns: mathml's as large coloured markers,
# reference's as small black ones on top.

fig, ax = plt.subplots(figsize=(6.5, 6), layout="constrained")
gx, gy = np.meshgrid(np.linspace(-0.5, 1.5, 200), np.linspace(-0.5, 1.5, 200))
ax.contour(gx, gy, gx**2 + gy**2, levels=12, cmap="viridis", linewidths=0.8)
line = np.linspace(-0.5, 1.5, 2)
ax.plot(line, 1 - line, "k", lw=2, label="x + y = 1")
ax.fill_between(line, 1 - line, 1.5, color="0.85", alpha=0.5, label="x + y ≥ 1")
markers = {"SLSQP": "o", "penalty": "s", "barrier": "^", "Lagrange": "D"}
for k, (method, marker) in enumerate(markers.items()):
    ax.plot(*found["mathml"][method], marker, ms=22 - 4 * k, color=f"C{k}", alpha=0.6,
            label=f"mathml: {method}")
    ax.plot(*found["reference"][method], marker, ms=4, color="k")
ax.plot([], [], "ko", ms=5, label="reference (each method)")
ax.set_xlim(-0.5, 1.5)
ax.set_ylim(-0.5, 1.5)
ax.set_aspect("equal")
ax.legend(fontsize=8, loc="lower left")
ax.set_title("Seed 000: min x² + y² subject to x + y = 1")
