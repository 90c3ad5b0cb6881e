"""
Linear regression, a train/test split and the mean squared error
================================================================

Seed files: ``002_4b7009893bf14dc2.txt`` (seed 002: "Quick Wins vs. Deep Understanding",
the slope and intercept of a LinearRegression on five points; "Overcoming Overconfidence",
a LinearRegression on an 80/20 train/test split scored by its mean squared error) and
``003_48c0add073702cea.txt`` (seed 003: a LinearRegression on y = 3 + 4x + noise, drawn as
a regression line over the data).

``from sklearn.linear_model import LinearRegression`` becomes ``ml.linear_model.
LinearRegression``, ``train_test_split`` ``ml.model_selection.train_test_split`` and
``mean_squared_error`` ``ml.metrics.mean_squared_error``; mathml fits by least squares
through Householder QR (from scratch), the reference is scikit-learn. The printed numbers of
seed 002 are checked to the digits the seed prints.
"""
import matplotlib.pyplot as plt
import numpy as np

import mathml
import reference
from reference import printed
from reference.compare import agree

BACKENDS = {"mathml": mathml, "reference": reference}


def check_printed(what, got, seed_prints):
    """Raise if `got` does not print as the seed's output (to the seed's digits)."""
    wrong = printed.mismatches(got, seed_prints)
    if wrong:
        raise AssertionError(f"{what} drifted from the seed's output:\n" + "\n".join(wrong))


# %%
# Seed 002: slope and intercept on five points
# --------------------------------------------
# The seed prints (seed 002): ``Slope: 0.60`` and ``Intercept: 2.20``.

X5 = np.array([[1], [2], [3], [4], [5]])
y5 = np.array([2, 4, 5, 4, 5])
five = {}
for name, ml in BACKENDS.items():
    model = ml.linear_model.LinearRegression()
    model.fit(X5, y5)
    five[name] = model
    print(f"--- import {name} as ml")
    print(f"Slope: {model.coef_[0]:.2f}")
    print(f"Intercept: {model.intercept_:.2f}")
    check_printed(f"{name} slope", model.coef_[0], "0.60")
    check_printed(f"{name} intercept", model.intercept_, "2.20")

# %%
# Seed 002: fitted on 80%, scored on 20%
# --------------------------------------
# The seed prints (seed 002): ``Mean Squared Error: 0.0065``. Its data come from
# ``np.random.seed(42)``: the legacy generator, reproduced here with ``RandomState(42)``.

rng = np.random.RandomState(42)
X = rng.rand(100, 1)
y = 2 * X + 1 + rng.randn(100, 1) * 0.1
split = {}
for name, ml in BACKENDS.items():
    X_train, X_test, y_train, y_test = ml.model_selection.train_test_split(
        X, y, test_size=0.2, random_state=42)
    model = ml.linear_model.LinearRegression()
    model.fit(X_train, y_train)
    y_pred = model.predict(X_test)
    mse = ml.metrics.mean_squared_error(y_test, y_pred)
    split[name] = X_train, X_test, y_train, y_test, y_pred
    print(f"{name}: Mean Squared Error: {mse:.4f}")
    check_printed(f"{name} mean squared error", mse, "0.0065")
# both backends split the rows identically (the same permutation of RandomState(42))
for a, b in zip(split["mathml"][:4], split["reference"][:4]):
    np.testing.assert_array_equal(a, b)

# %%
# Seed 003: a regression line over y = 3 + 4x + noise
# ---------------------------------------------------
# The seed's data are unseeded and it prints nothing; here they are seeded, and the two
# backends' lines are compared under the catalog's least-squares tolerance (which grows
# with cond(X)², the sensitivity of least squares).

rng = np.random.RandomState(0)
X3 = 2 * rng.rand(100, 1)
y3 = 3 + 4 * X3 + rng.randn(100, 1)
X_new = np.array([[0], [2]])
lines = {}
for name, ml in BACKENDS.items():
    model = ml.linear_model.LinearRegression()
    model.fit(X3, y3)
    lines[name] = model.predict(X_new)
    print(f"{name}: y = {model.intercept_[0]:.4f} + {model.coef_[0, 0]:.4f} x")
verdict = agree(lines["mathml"], lines["reference"], "least_squares", args=(np.c_[np.ones(100), X3],))
if not verdict.ok:
    raise AssertionError(f"seed 003's regression lines disagree: {verdict.detail}")

# %%
# Both backends on one figure
# ---------------------------
# Each panel: the data, mathml's fitted line (thick) and reference's (dashed black).

fig, axes = plt.subplots(1, 3, figsize=(15, 4.3), layout="constrained")
ax = axes[0]
ax.scatter(X5, y5, color="C0", label="the seed's five points")
grid = np.array([[0.5], [5.5]])
for name, style in (("mathml", {"color": "C3", "lw": 4, "alpha": 0.6}),
                    ("reference", {"color": "k", "ls": "--"})):
    m = five[name]
    ax.plot(grid, m.predict(grid), label=f"{name}: {m.intercept_:.2f} + {m.coef_[0]:.2f} x", **style)
ax.set_title("Seed 002: slope 0.60, intercept 2.20")
ax.legend(fontsize=8)
ax = axes[1]
X_train, X_test, y_train, y_test, _ = split["mathml"]
ax.scatter(X_train, y_train, s=12, color="0.6", label="train (80)")
ax.scatter(X_test, y_test, s=20, color="C0", label="test (20)")
for name, style in (("mathml", {"color": "C3", "marker": "o", "s": 60, "alpha": 0.5}),
                    ("reference", {"color": "k", "marker": "x", "s": 25})):
    ax.scatter(split[name][1], split[name][4], label=f"{name}: predictions", **style)
ax.set_title("Seed 002: train/test split, test MSE 0.0065")
ax.legend(fontsize=8)
ax = axes[2]
ax.scatter(X3, y3, s=12, color="C0", label="data")
ax.plot(X_new, lines["mathml"], color="C3", lw=4, alpha=0.6, label="mathml: regression line")
ax.plot(X_new, lines["reference"], "k--", label="reference: regression line")
ax.set_title("Seed 003: y = 3 + 4x + noise")
ax.legend(fontsize=8)
