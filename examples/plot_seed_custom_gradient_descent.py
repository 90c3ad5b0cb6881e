"""
A linear regression trained by gradient descent
===============================================

Seed file: ``002_4b7009893bf14dc2.txt`` (seed 002), "Flexibility in Model Development": a
``CustomLinearRegression`` that fits y ≈ w x + b on five points by 1000 steps of full-batch
gradient descent with learning rate 0.01, and prints its weights and bias.

mathml has that model: ``ml.linear_model.GradientDescentRegressor(eta0=0.01,
max_iter=1000, tol=None)`` takes the seed's steps (its loss is ½·mean((Xw + b − y)²),
whose gradient is the seed's (dw, db)). scikit-learn has no full-batch gradient descent, so
``reference.linear_model.GradientDescentRegressor`` returns where gradient descent is going:
the exact least-squares minimiser (slope 0.60, intercept 2.20, as the seed's
LinearRegression prints). The figure shows how far 1000 steps of 0.01 are from there.
"""
import matplotlib.pyplot as plt
import numpy as np

import mathml
import reference
from reference import printed
from reference.compare import agree

BACKENDS = {"mathml": mathml, "reference": reference}

X = np.array([[1], [2], [3], [4], [5]])
y = np.array([2, 4, 5, 4, 5])


def seed_gradient_descent(X, y, learning_rate=0.01, n_iterations=1000):
    """The seed's CustomLinearRegression.fit, keeping every (w, b) on the way."""
    n_samples, n_features = X.shape
    weights, bias = np.zeros(n_features), 0.0
    path = [(weights[0], bias)]
    for _ in range(n_iterations):
        y_predicted = np.dot(X, weights) + bias
        dw = (1 / n_samples) * np.dot(X.T, (y_predicted - y))
        db = (1 / n_samples) * np.sum(y_predicted - y)
        weights = weights - learning_rate * dw
        bias = bias - learning_rate * db
        path.append((weights[0], bias))
    return weights, bias, np.array(path)


# %%
# The seed's 1000 steps, and where they lead
# ------------------------------------------
# The seed prints ``Weights: [...], Bias: ...`` without stating the numbers. mathml's 1000
# steps must be the seed's own loop (the same sums in another order: the catalog's 'exact'
# tolerance, 1e-12 relative). Run to convergence (the defaults), mathml must reach the
# reference's minimiser within the catalog's 'estimator_optimum' tolerance (1e-6), and the
# minimiser must print as the seed's LinearRegression does: ``Slope: 0.60``,
# ``Intercept: 2.20``.

seed_weights, seed_bias, path = seed_gradient_descent(X, y)
print(f"the seed's loop: Weights: {seed_weights}, Bias: {seed_bias}")
fits = {}
for name, ml in BACKENDS.items():
    model = ml.linear_model.GradientDescentRegressor(eta0=0.01, max_iter=1000, tol=None)
    model.fit(X, y)
    converged = ml.linear_model.GradientDescentRegressor().fit(X, y)
    fits[name] = model, converged
    print(f"--- import {name} as ml")
    print(f"1000 steps of 0.01: Weights: {model.coef_}, Bias: {model.intercept_}")
    print(f"to convergence:     Weights: {converged.coef_}, Bias: {converged.intercept_}")
model, converged = fits["mathml"]
np.testing.assert_allclose(model.coef_, seed_weights, rtol=1e-12,
                           err_msg="mathml's 1000 steps left the seed's path")
np.testing.assert_allclose(model.intercept_, seed_bias, rtol=1e-12,
                           err_msg="mathml's 1000 steps left the seed's path")
limit = fits["reference"][0]
verdict = agree((converged.coef_, converged.intercept_), (limit.coef_, limit.intercept_),
                "estimator_optimum")
if not verdict.ok:
    raise AssertionError(f"gradient descent run to convergence misses the minimiser: {verdict.detail}")
wrong = printed.mismatches(limit.coef_[0], "0.60") + printed.mismatches(limit.intercept_, "2.20")
if wrong:
    raise AssertionError("the least-squares minimiser drifted from the seed's: " + "; ".join(wrong))

# %%
# Both backends on one figure
# ---------------------------
# Left: the five points and three lines: the seed's 1000 steps (= mathml's, thick),
# mathml run to convergence, and the reference's exact minimiser (dashed). Right: the path
# of (w, b) over the loss's contours: the steps race down the steep direction, then crawl
# along the valley towards the minimum.

fig, axes = plt.subplots(1, 2, figsize=(12, 4.6), layout="constrained")
ax = axes[0]
ax.scatter(X, y, color="C0", zorder=3, label="the seed's five points")
grid = np.array([[0.5], [5.5]])
ax.plot(grid, fits["mathml"][0].predict(grid), color="C1", lw=4, alpha=0.6,
        label="mathml: 1000 steps of 0.01 (the seed's)")
ax.plot(grid, fits["mathml"][1].predict(grid), color="C2", lw=2, label="mathml: to convergence")
ax.plot(grid, fits["reference"][0].predict(grid), "k--", label="reference: the minimiser")
ax.set_title("Seed 002: CustomLinearRegression")
ax.legend(fontsize=8)
ax = axes[1]
gw, gb = np.meshgrid(np.linspace(-0.2, 1.6, 200), np.linspace(-0.5, 2.8, 200))
loss = np.mean((gw[..., None] * X[:, 0] + gb[..., None] - y) ** 2, axis=-1) / 2
ax.contour(gw, gb, loss, levels=np.geomspace(0.2, 12, 14), cmap="viridis", linewidths=0.8)
ax.plot(*path[::10].T, ".-", color="C1", ms=3, label="the seed's path (every 10th step)")
ax.plot(fits["mathml"][0].coef_[0], fits["mathml"][0].intercept_, "o", color="C1", ms=10,
        label="mathml: after 1000 steps")
ax.plot(fits["mathml"][1].coef_[0], fits["mathml"][1].intercept_, "o", color="C2", ms=10,
        label="mathml: converged")
ax.plot(fits["reference"][0].coef_[0], fits["reference"][0].intercept_, "k*", ms=12,
        label="reference: minimiser (0.60, 2.20)")
ax.set_xlabel("w")
ax.set_ylabel("b")
ax.set_title("½·mean((w x + b − y)²) and gradient descent's path")
ax.legend(fontsize=8)
