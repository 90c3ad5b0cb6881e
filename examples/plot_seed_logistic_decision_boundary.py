"""
The decision boundary of a logistic regression
==============================================

Seed file: ``002_4b7009893bf14dc2.txt`` (seed 002), "The Role of Mathematics in Model
Interpretability": a ``LogisticRegression()`` fitted on ``make_classification(n_samples=100,
n_features=2, n_informative=2, n_redundant=0, n_clusters_per_class=1, random_state=42)``,
its predictions on a grid of step 0.02 drawn with ``contourf`` under the data.

``ml.datasets.make_classification`` and ``ml.linear_model.LogisticRegression`` are mathml's
from scratch (L-BFGS on the penalised log-loss, as scikit-learn's default solver) and
scikit-learn's behind the same names. The boundary is the line where the fitted
log-odds w·x + b is 0: the model is linear in its features, which is what the picture
teaches.
"""
import matplotlib.pyplot as plt
import numpy as np

import mathml
import reference
from reference.compare import TOLERANCES, agree

BACKENDS = {"mathml": mathml, "reference": reference}

# %%
# The seed's example, through each backend
# ----------------------------------------
# The seed prints nothing. The fitted coefficients are compared with the catalog's
# 'estimator_optimum' tolerance (1e-6: two solvers stopping near the same minimiser), and
# the grid's predicted classes must be the same wherever the reference's log-odds is
# farther than that tolerance from 0 (nearer, either class is within rounding of right).

fits = {}
for name, ml in BACKENDS.items():
    X, y = ml.datasets.make_classification(n_samples=100, n_features=2, n_informative=2,
                                           n_redundant=0, n_clusters_per_class=1, random_state=42)
    model = ml.linear_model.LogisticRegression()
    model.fit(X, y)
    x_min, x_max = X[:, 0].min() - 0.5, X[:, 0].max() + 0.5
    y_min, y_max = X[:, 1].min() - 0.5, X[:, 1].max() + 0.5
    xx, yy = np.meshgrid(np.arange(x_min, x_max, 0.02), np.arange(y_min, y_max, 0.02))
    grid = np.c_[xx.ravel(), yy.ravel()]
    Z = model.predict(grid).reshape(xx.shape)
    fits[name] = X, y, xx, yy, Z, model.decision_function(grid).reshape(xx.shape), model
    print(f"--- import {name} as ml")
    print(f"coef_ {model.coef_}, intercept_ {model.intercept_}; {Z.size} grid points, "
          f"{int(Z.sum())} predicted as class 1")
np.testing.assert_array_equal(fits["mathml"][0], fits["reference"][0])     # the same data
m, r = fits["mathml"][6], fits["reference"][6]
verdict = agree((m.coef_, m.intercept_), (r.coef_, r.intercept_), "estimator_optimum")
if not verdict.ok:
    raise AssertionError(f"the two logistic regressions differ: {verdict.detail}")
differ = fits["mathml"][4] != fits["reference"][4]
if np.any(np.abs(fits["reference"][5][differ]) > TOLERANCES["estimator_optimum"].atol):
    raise AssertionError(f"{differ.sum()} grid points are classified differently away from "
                         "the boundary")

# %%
# Both backends on one figure
# ---------------------------
# Left and middle: the seed's picture from each backend. Right: both boundaries (the
# zero line of each model's log-odds) on one plot: they coincide.

fig, axes = plt.subplots(1, 3, figsize=(16, 4.6), layout="constrained")
for ax, name in zip(axes, BACKENDS):
    X, y, xx, yy, Z, _, _ = fits[name]
    ax.contourf(xx, yy, Z, alpha=0.4)
    ax.scatter(X[:, 0], X[:, 1], c=y, cmap="viridis")
    ax.set_xlabel("Feature 1")
    ax.set_ylabel("Feature 2")
    ax.set_title(f"{name}: Logistic Regression Decision Boundary")
ax = axes[2]
X, y = fits["mathml"][:2]
ax.scatter(X[:, 0], X[:, 1], c=y, cmap="viridis", alpha=0.5)
for name, color, style in (("mathml", "C3", "solid"), ("reference", "k", "dashed")):
    xx, yy, _, log_odds = fits[name][2:6]
    ax.contour(xx, yy, log_odds, levels=[0.0], colors=color, linestyles=style,
               linewidths=4 if name == "mathml" else 1.5)
    ax.plot([], [], color=color, linestyle=style, label=f"{name}: w·x + b = 0")
ax.legend()
ax.set_title("Both boundaries")
fig.suptitle("Seed 002: logistic regression on make_classification(random_state=42)")
