"""
Gradient descent, Newton's method and the Rosenbrock function
=============================================================

Seed file: ``000_dd9bfe186c948157.txt`` (seed 000), "Optimization" (under Calculus, and
again under Optimization Theory): a gradient-descent loop ``x -= learning_rate *
compute_gradient(x)`` (100 steps of 0.1 from 0), Newton's method ``opt.newton(function, 0)``
for x² + 2x + 1, and the Rosenbrock function as "an objective function to minimise".

The seed never defines ``compute_gradient``; the catalog's case takes f(x) = (x − 3)², whose
gradient 2(x − 3) makes every step shrink the distance to 3 by the factor 0.8, so after 100
steps x = 3(1 − 0.8¹⁰⁰). ``ml.optimize.gradient_descent`` is that loop; SciPy has no gradient
descent, so the reference returns the minimiser found by BFGS, and the two are compared as
optima. ``ml.optimize.newton`` without a derivative is the secant method, as SciPy's;
``ml.optimize.rosen`` is the seed's ``rosenbrock_function`` on a point (x, y), and
``ml.optimize.minimize`` (BFGS by default, as SciPy) finds its minimum at (1, 1).
"""
import matplotlib.pyplot as plt
import numpy as np

import mathml
import reference
from reference.compare import TOLERANCES, agree

BACKENDS = {"mathml": mathml, "reference": reference}


def agreeing(what, got, expected, tolerance):
    """Raise if two answers differ beyond the named entry of the catalog's tolerance table."""
    verdict = agree(got, expected, tolerance)
    if not verdict.ok:
        raise AssertionError(f"{what} beyond the '{tolerance}' tolerance: {verdict.detail}")


# %%
# Gradient descent: 100 steps of 0.1 from 0
# -----------------------------------------
# Seed value (the seed prints nothing; its loop, worked out): x₁₀₀ = 3(1 − 0.8¹⁰⁰) =
# 2.99999999939 and f(x₁₀₀) = 3.73e-19.

SEED_X = 3.0 * (1.0 - 0.8**100)


def f(x):
    return (x[0] - 3.0) ** 2


def compute_gradient(x):
    return 2.0 * (x - 3.0)


descent = {}
for name, ml in BACKENDS.items():
    result = ml.optimize.gradient_descent(f, 0.0, jac=compute_gradient, learning_rate=0.1,
                                          max_iter=100)
    descent[name] = result
    print(f"--- import {name} as ml")
    print(f"x = {float(result.x[0])!r}, f(x) = {result.fun:.3g}, {result.nit} iterations, "
          f"success {result.success}")
np.testing.assert_allclose(descent["mathml"].x, [SEED_X], rtol=TOLERANCES["exact"].rtol,
                           err_msg="mathml's 100 steps drifted from 3(1 − 0.8^100)")
agreeing("gradient descent's minimiser vs BFGS's", descent["mathml"].x, descent["reference"].x,
         "optimum")

# %%
# Newton's method on x² + 2x + 1 from 0
# -------------------------------------
# x² + 2x + 1 = (x + 1)² has a double root at −1, where the secant method converges only
# linearly and stops when its step falls below tol = 1.48e-8.
# Seed value (the catalog's, from SciPy): −0.9999999852953906, within √eps of −1.

SEED_ROOT = -0.9999999852953906


def function(x):
    return x**2 + 2 * x + 1


roots = {}
for name, ml in BACKENDS.items():
    roots[name] = ml.optimize.newton(function, 0)
    print(f"{name}: newton(x² + 2x + 1, 0) = {float(roots[name])!r}")
    agreeing(f"{name}.optimize.newton vs the seed's root", roots[name], SEED_ROOT, "root_newton")

# %%
# The Rosenbrock function, minimised
# ----------------------------------
# Seed value (the catalog's): rosen(−1.2, 1) = 24.2, the classic starting point; the
# minimum is rosen(1, 1) = 0.

paths = {}
for name, ml in BACKENDS.items():
    start = np.array([-1.2, 1.0])
    value = ml.optimize.rosen(start)
    path = [start]
    result = ml.optimize.minimize(ml.optimize.rosen, start, jac=ml.optimize.rosen_der,
                                  callback=lambda xk, path=path: path.append(np.copy(xk)))
    paths[name] = np.array(path)
    print(f"{name}: rosen(-1.2, 1) = {value:.10g}; minimize → x = {result.x}, "
          f"{result.nit} iterations")
    np.testing.assert_allclose(value, 24.2, rtol=TOLERANCES["exact"].rtol,
                               err_msg=f"{name}.optimize.rosen drifted from 24.2")
    agreeing(f"{name}.optimize.minimize vs the minimum (1, 1)", result.x, np.ones(2), "optimum")

# %%
# Both backends on one figure
# ---------------------------
# Left: gradient descent's iterates (mathml, 100 fixed steps) and BFGS's (reference) on
# f(x) = (x − 3)². Middle: x² + 2x + 1 and the root each backend finds. Right: the BFGS
# paths of both backends on the Rosenbrock function's contours.

fig, axes = plt.subplots(1, 3, figsize=(15, 4.4), layout="constrained")
ax = axes[0]
grid = np.linspace(-0.5, 4, 200)
ax.plot(grid, (grid - 3) ** 2, "k", lw=1)
for name, ml, style, method in (("mathml", mathml, "o-", "gradient descent"),
                                ("reference", reference, "s--", "BFGS")):
    xs = [0.0] + [ml.optimize.gradient_descent(f, 0.0, jac=compute_gradient, learning_rate=0.1,
                                               max_iter=k).x[0] for k in range(1, 16)]
    xs = np.array(xs)
    ax.plot(xs, (xs - 3) ** 2, style, ms=4, label=f"{name} ({method}): iterates 0–15")
ax.set_title("Seed 000: gradient descent on (x − 3)²")
ax.legend(fontsize=8)
ax = axes[1]
grid = np.linspace(-2.5, 0.5, 200)
ax.plot(grid, function(grid), "k", lw=1, label="x² + 2x + 1")
ax.plot(roots["mathml"], 0, "o", ms=10, label=f"mathml root {float(roots['mathml']):.8f}")
ax.plot(roots["reference"], 0, "kx", ms=10, label=f"reference root {float(roots['reference']):.8f}")
ax.set_title("Seed 000: Newton's (secant) method from 0")
ax.legend(fontsize=8)
ax = axes[2]
gx, gy = np.meshgrid(np.linspace(-2, 2, 200), np.linspace(-1, 3, 200))
ax.contour(gx, gy, mathml.optimize.rosen(np.array([gx, gy])), levels=np.geomspace(0.1, 2000, 15),
           cmap="viridis", linewidths=0.8)
ax.plot(*paths["mathml"].T, "o-", color="C3", ms=3, label=f"mathml ({len(paths['mathml']) - 1} steps)")
ax.plot(*paths["reference"].T, "k.--", ms=3, label=f"reference ({len(paths['reference']) - 1} steps)")
ax.plot(1, 1, "*", color="gold", ms=15, mec="k")
ax.set_title("Seed 000: minimize(rosen) from (−1.2, 1)")
ax.legend(fontsize=8)
