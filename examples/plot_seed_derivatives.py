"""
Derivatives: gradients, partial derivatives, directional derivatives, Hessians
==============================================================================

Seed files: ``000_dd9bfe186c948157.txt`` (seed 000: "Differentiation", "Multivariable
Calculus"), ``001_45b6499136769c0a.txt`` (seed 001: "Calculating Gradients", "Hessian Matrix
Computation") and ``002_4b7009893bf14dc2.txt`` (seed 002: the quadratic and the sigmoid).

Seed 000 differentiates with SymPy (``sp.diff``, ``sp.hessian``): symbolic derivatives
that it never evaluates. mathml has no computer algebra; it differentiates numbers, in two
ways: reverse-mode automatic differentiation (``ml.autodiff.grad``, exact to rounding) and
extrapolated finite differences (``ml.differentiate.gradient``, ``partial``,
``directional_derivative``, ``hessian``). Each seed example is evaluated at the point the
catalog uses, (x, y) = (1, 2), and checked against the hand-worked value of the seed's
symbolic answer. Seed 001's numerical gradient of a mean squared error and the Hessian it
only sketches become ``ml.differentiate.gradient`` and ``ml.differentiate.hessian`` of that
loss. Seed 002 plots the quadratic x² and the sigmoid; here each is drawn with its derivative
from both backends.
"""
import matplotlib.pyplot as plt
import numpy as np

import mathml
import reference
from reference.compare import TOLERANCES

BACKENDS = {"mathml": mathml, "reference": reference}
# the catalog's tolerances: finite differences stop at √eps relative (2√eps between two);
# autodiff is exact to rounding (1e-12 normwise)
FD_RTOL = TOLERANCES["finite_difference"].rtol
AD_RTOL = TOLERANCES["autodiff"].rtol


def close(what, got, exact, rtol, atol=0.0):
    """Raise if `got` is not `exact` within the stated tolerance."""
    np.testing.assert_allclose(got, exact, rtol=rtol, atol=atol, err_msg=what)


# %%
# Seed 000: the gradient, partial derivatives and the Hessian of x² + 2xy + y²
# ----------------------------------------------------------------------------
# SymPy's answers are ∂f/∂x = ∂f/∂y = 2x + 2y and the Hessian [[2, 2], [2, 2]]; at (1, 2)
# the gradient is (6, 6). The directional derivative along the seed's u = (1, 1) is
# ∇f·u = 12; ``ml.differentiate.directional_derivative`` normalises u (the slope per unit
# length), 12/√2. For x² + y² + z² the gradient (2x, 2y, 2z) is (2, 4, 6) at (1, 2, 3).
#
# Seed values (worked out from the seed's symbolic results):
# gradient (6, 6); ∂f/∂x = 6, ∂f/∂y = 6; ∇f·(1, 1) = 12; Hessian [[2, 2], [2, 2]];
# ∇(x² + y² + z²) at (1, 2, 3) = (2, 4, 6).


def f(p):                       # f(x, y) = x² + 2xy + y², on a point p = (x, y)
    x, y = p
    return x**2 + 2 * x * y + y**2


def g(p):                       # g(x, y, z) = x² + y² + z²
    x, y, z = p
    return x**2 + y**2 + z**2


point, point3 = np.array([1.0, 2.0]), np.array([1.0, 2.0, 3.0])
for name, ml in BACKENDS.items():
    print(f"--- import {name} as ml")
    # autodiff: f written as a function of its scalar arguments
    ad_gradient = ml.autodiff.grad(lambda x, y: x**2 + 2 * x * y + y**2, argnums=(0, 1))(1.0, 2.0)
    fd_gradient = ml.differentiate.gradient(f, point)
    df_dx = ml.differentiate.partial(f, point, 0)
    df_dy = ml.differentiate.partial(f, point, 1)
    along = ml.differentiate.directional_derivative(f, point, np.array([1.0, 1.0]))
    hessian = ml.differentiate.hessian(f, point).ddf
    gradient3 = ml.differentiate.gradient(g, point3)
    print("autodiff gradient at (1, 2):", ad_gradient)
    print("finite-difference gradient at (1, 2):", fd_gradient)
    print("partials:", df_dx, df_dy)
    print("directional derivative along (1, 1)/√2:", along, "  × √2 =", along * np.sqrt(2))
    print("Hessian:\n", hessian, sep="")
    print("gradient of x² + y² + z² at (1, 2, 3):", gradient3)
    close(f"{name} autodiff gradient", ad_gradient, [6.0, 6.0], AD_RTOL)
    close(f"{name} gradient", fd_gradient, [6.0, 6.0], FD_RTOL)
    close(f"{name} partials", [df_dx, df_dy], [6.0, 6.0], FD_RTOL)
    close(f"{name} directional derivative", along * np.sqrt(2), 12.0, FD_RTOL)
    # the Hessian's exact entries are 2; its inner differences stop at rtol/100 (SciPy's),
    # and a difference of differences of an exact quadratic leaves rounding only
    close(f"{name} Hessian", hessian, [[2.0, 2.0], [2.0, 2.0]], FD_RTOL)
    close(f"{name} gradient of x²+y²+z²", gradient3, [2.0, 4.0, 6.0], FD_RTOL)

# %%
# Seed 001: the gradient of a mean squared error, numerically, and its Hessian
# ----------------------------------------------------------------------------
# The seed's loss is mean((X w − y)²) and its ``gradient`` is 2 Xᵀ(X w − y): the gradient of
# the *sum* of squares, n = 100 times the gradient of the mean it defines. The numerical
# gradient of the loss itself (``ml.differentiate.gradient``) is 2 Xᵀ(X w − y) / n; the
# Hessian, which the seed only sketches (an identity plus noise), is 2 XᵀX / n for every w.
# The seed draws unseeded random data; this example seeds it (no printed number to keep).

rng = np.random.default_rng(0)
weights_init = rng.random(10)
X = rng.random((100, 10))
y = rng.random(100)


def loss_function(w):
    """mean((X w − y)²); w has the 10 weights on its first axis (and any points after)."""
    predictions = np.moveaxis(w, 0, -1) @ X.T
    return np.mean((predictions - y) ** 2, axis=-1)


seed_gradient = 2 * np.dot(X.T, (np.dot(X, weights_init) - y))     # the seed's formula
exact_hessian = 2 * X.T @ X / len(X)
seed001 = {}
for name, ml in BACKENDS.items():
    grad_num = ml.differentiate.gradient(loss_function, weights_init)
    hess = ml.differentiate.hessian(loss_function, weights_init).ddf
    seed001[name] = grad_num, hess
    print(f"--- import {name} as ml")
    print("n · numerical gradient:", np.round(len(X) * grad_num, 6))
    print("the seed's 2 Xᵀ(Xw − y): ", np.round(seed_gradient, 6))
    close(f"{name} gradient of the loss", len(X) * grad_num, seed_gradient, FD_RTOL)
    # a 10×10 Hessian from nested differences: the same rtol, relative to its largest entry
    close(f"{name} Hessian of the loss", hess, exact_hessian, 0.0,
          atol=FD_RTOL * np.abs(exact_hessian).max())
close("numerical gradients, mathml vs reference", seed001["mathml"][0], seed001["reference"][0],
      FD_RTOL)

# %%
# Seed 002: the quadratic and the sigmoid, with their derivatives
# ---------------------------------------------------------------
# Seed 002 plots f(x) = x² and sigmoid(x) = 1/(1 + e⁻ˣ) on ``np.linspace(-10, 10, 100)``.
# ``ml.special.expit`` is the sigmoid; ``ml.autodiff.grad`` of the sum of f over the grid
# is f' at every grid point (each term depends on one point only): 2x and σ(1 − σ).

x = np.linspace(-10, 10, 100)
curves = {}
for name, ml in BACKENDS.items():
    ad = ml.autodiff
    quadratic_slope = ad.grad(lambda t: ad.sum(t**2))(x)
    sigmoid = ml.special.expit(x)
    sigmoid_slope = ad.grad(lambda t: ad.sum(ad.sigmoid(t)))(x)
    curves[name] = quadratic_slope, sigmoid, sigmoid_slope
    close(f"{name} (x²)'", quadratic_slope, 2 * x, AD_RTOL)
    close(f"{name} sigmoid", sigmoid, 1 / (1 + np.exp(-x)), TOLERANCES["exact"].rtol)
    close(f"{name} sigmoid'", sigmoid_slope, sigmoid * (1 - sigmoid), AD_RTOL,
          atol=TOLERANCES["autodiff"].atol)
    print(f"{name}: sigmoid(0) = {ml.special.expit(0.0)}, max sigmoid' = {sigmoid_slope.max():.6f}")

# %%
# Both backends on one figure
# ---------------------------
# Solid lines are mathml, dashed black lines reference; they coincide.

fig, axes = plt.subplots(1, 3, figsize=(14, 4.2), layout="constrained")
ax = axes[0]
ax.plot(x, x**2, color="C0", label="f(x) = x²")
ax.plot(x, curves["mathml"][0], color="C1", label="mathml: f'(x) (autodiff)")
ax.plot(x, curves["reference"][0], "k--", label="reference: f'(x)")
ax.set_title("Seed 002: the quadratic and its derivative")
ax.legend(fontsize=8)
ax.grid(True)
ax = axes[1]
ax.plot(x, curves["mathml"][1], color="C0", label="mathml: sigmoid(x)")
ax.plot(x, curves["mathml"][2], color="C1", label="mathml: sigmoid'(x)")
ax.plot(x, curves["reference"][1], "k--", label="reference")
ax.plot(x, curves["reference"][2], "k--")
ax.set_title("Seed 002: the sigmoid and its derivative")
ax.legend(fontsize=8)
ax.grid(True)
ax = axes[2]
grid = np.linspace(-3, 3, 61)
gx, gy = np.meshgrid(grid, grid)
ax.contour(gx, gy, f(np.array([gx, gy])), levels=15, cmap="viridis")
arrows = np.array([[-2.0, 1.0], [1.0, -2.5], [-1.0, -1.0], [1.0, 2.0]])
for name, ml, style in (("mathml", mathml, "C3"), ("reference", reference, "k")):
    slopes = ml.differentiate.gradient(f, arrows.T).T        # four points at once
    ax.quiver(arrows[:, 0], arrows[:, 1], slopes[:, 0], slopes[:, 1], color=style,
              angles="xy", scale_units="xy", scale=8, width=0.012 if name == "mathml" else 0.005,
              label=f"{name}: ∇f / 8")
ax.set_title("Seed 000: ∇(x² + 2xy + y²) on its contours")
ax.set_aspect("equal")
ax.legend(fontsize=8, loc="lower right")
