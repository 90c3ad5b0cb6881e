"""
Linear regression by gradient descent on standardised data
==========================================================

Seed file: ``002_4b7009893bf14dc2.txt`` (seed 002), "Bridging Theory and Practice": 1000
points y = 2x + 1 + noise with x in [0, 10), an 80/20 split, the feature standardised, a
slope m and intercept b fitted by 1000 steps of gradient descent on the mean squared error
(learning rate 0.01), its test MSE printed and the predictions drawn over the test points.

The seed's hand-written ``gradient_descent`` is ``ml.linear_model.GradientDescentRegressor``:
its loss is ½·mean((m x + b − y)²), half the seed's, so the seed's learning rate 0.01 is
``eta0=0.02`` there, and the 1000 steps are the seed's steps. ``train_test_split``,
``StandardScaler`` and ``mean_squared_error`` map to ``ml.model_selection``,
``ml.preprocessing`` and ``ml.metrics``. scikit-learn has no full-batch gradient descent, so
the reference returns its limit, the least-squares line. On standardised data the loss is
round and gradient descent converges fast: after 1000 steps the two lines agree to about
8 significant digits (compare the unscaled data of plot_seed_custom_gradient_descent.py).
"""
import matplotlib.pyplot as plt
import numpy as np

import mathml
import reference
from reference.compare import TOLERANCES, agree

BACKENDS = {"mathml": mathml, "reference": reference}

rng = np.random.RandomState(42)       # the seed's np.random.seed(42), without the global state
X = rng.rand(1000, 1) * 10
y = 2 * X + 1 + rng.randn(1000, 1)


def seed_gradient_descent(X, y, learning_rate=0.01, n_iterations=1000):
    """The seed's loop: gradient descent on mean((y − (m x + b))²)."""
    m, b = 0.0, 0.0
    for _ in range(n_iterations):
        y_pred = m * X + b
        dm = -(2 / len(X)) * np.sum(X * (y - y_pred))
        db = -(2 / len(X)) * np.sum(y - y_pred)
        m -= learning_rate * dm
        b -= learning_rate * db
    return m, b


# %%
# The seed's example, through each backend
# ----------------------------------------
# The seed prints ``Mean Squared Error: ...`` without stating the number. mathml's 1000
# steps must be the seed's loop (the catalog's 'exact' rtol, 1e-12: the same sums in
# another order); the reference's limit must match them within the catalog's
# 'estimator_optimum' tolerance (1e-6), and so must the two test MSEs.

runs = {}
for name, ml in BACKENDS.items():
    X_train, X_test, y_train, y_test = ml.model_selection.train_test_split(
        X, y, test_size=0.2, random_state=42)
    scaler = ml.preprocessing.StandardScaler()
    X_train_scaled = scaler.fit_transform(X_train)
    X_test_scaled = scaler.transform(X_test)
    model = ml.linear_model.GradientDescentRegressor(eta0=0.02, max_iter=1000, tol=None)
    model.fit(X_train_scaled, y_train.ravel())
    y_pred = model.predict(X_test_scaled)
    mse = ml.metrics.mean_squared_error(y_test.ravel(), y_pred)
    runs[name] = model, X_train_scaled, y_train, X_test, y_test, y_pred, mse
    print(f"--- import {name} as ml")
    print(f"m = {model.coef_[0]:.8f}, b = {model.intercept_:.8f}")
    print(f"Mean Squared Error: {mse:.4f}")
model, X_train_scaled, y_train = runs["mathml"][:3]
m, b = seed_gradient_descent(X_train_scaled, y_train)
print(f"the seed's loop: m = {m:.8f}, b = {b:.8f}")
np.testing.assert_allclose([model.coef_[0], model.intercept_], [m, b],
                           rtol=TOLERANCES["exact"].rtol, err_msg="mathml left the seed's path")
limit = runs["reference"][0]
verdict = agree((model.coef_, model.intercept_), (limit.coef_, limit.intercept_),
                "estimator_optimum")
if not verdict.ok:
    raise AssertionError(f"1000 steps on standardised data miss the minimiser: {verdict.detail}")
np.testing.assert_allclose(runs["mathml"][6], runs["reference"][6],
                           rtol=TOLERANCES["estimator_optimum"].rtol, err_msg="the test MSEs differ")

# %%
# Both backends on one figure
# ---------------------------
# The seed's picture: the test points and the predictions, mathml's line (thick red) and
# reference's (dashed black).

fig, ax = plt.subplots(figsize=(9, 5.5), layout="constrained")
X_test, y_test = runs["mathml"][3:5]
ax.scatter(X_test, y_test, color="blue", alpha=0.5, label="Actual")
order = np.argsort(X_test[:, 0])
ax.plot(X_test[order], runs["mathml"][5][order], color="red", lw=4, alpha=0.6,
        label=f"mathml: Predicted (MSE {runs['mathml'][6]:.4f})")
ax.plot(X_test[order], runs["reference"][5][order], "k--",
        label=f"reference: Predicted (MSE {runs['reference'][6]:.4f})")
ax.set_xlabel("X")
ax.set_ylabel("y")
ax.set_title("Seed 002: Linear Regression: Actual vs Predicted")
ax.legend()
