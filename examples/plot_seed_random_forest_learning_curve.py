"""
The learning curve of a random forest regressor
===============================================

Seed file: ``002_4b7009893bf14dc2.txt`` (seed 002), "Continuous Learning and Improvement":
``learning_curve`` of ``RandomForestRegressor(n_estimators=100, random_state=42)`` on
``make_regression(n_samples=1000, n_features=10, noise=0.1, random_state=42)``, 5-fold
cross-validation scored by the (negated) mean squared error, drawn with ±1 standard
deviation bands.

``ml.model_selection.learning_curve``, ``ml.ensemble.RandomForestRegressor`` and
``ml.datasets.make_regression`` are mathml's from scratch and scikit-learn's behind the same
names. mathml's trees are grown in NumPy, one node at a time, ten to twenty times slower than
scikit-learn's compiled ones: the seed's call (100 trees, 10 training sizes, 5 folds: 5000
trees) would take minutes, so this gallery grows 5 trees per forest at 5 training sizes.
The forests are the same forests in both backends, tree for tree (the catalog compares them
bitwise), so the curves must be identical; ``tests/test_forest.py`` runs the seed's whole
call through both (about 4 minutes, with ``MATHML_SLOW=1``).
"""
import matplotlib.pyplot as plt
import numpy as np

import mathml
import reference

BACKENDS = {"mathml": mathml, "reference": reference}
N_ESTIMATORS = 5                                  # the seed's 100, scaled down (see above)
TRAIN_SIZES = np.linspace(0.1, 1.0, 5)            # the seed's np.linspace(0.1, 1.0, 10)

# %%
# The seed's example, through each backend
# ----------------------------------------
# The seed prints nothing; the two backends must give the same training sizes and the same
# fold scores, exactly (the catalog's 'bitwise' tolerance for the forests). The seed's
# ``n_jobs=-1`` is left out: worker processes cost more than they save here.

curves = {}
for name, ml in BACKENDS.items():
    X, y = ml.datasets.make_regression(n_samples=1000, n_features=10, noise=0.1, random_state=42)
    model = ml.ensemble.RandomForestRegressor(n_estimators=N_ESTIMATORS, random_state=42)
    train_sizes, train_scores, test_scores = ml.model_selection.learning_curve(
        model, X, y, cv=5, train_sizes=TRAIN_SIZES, scoring="neg_mean_squared_error")
    train_scores_mean = -ml.stats.mean(train_scores, axis=1)
    train_scores_std = ml.stats.std(train_scores, axis=1)
    test_scores_mean = -ml.stats.mean(test_scores, axis=1)
    test_scores_std = ml.stats.std(test_scores, axis=1)
    curves[name] = train_sizes, train_scores_mean, train_scores_std, test_scores_mean, test_scores_std
    print(f"--- import {name} as ml")
    print("training sizes:           ", train_sizes)
    print("training MSE:             ", np.round(train_scores_mean, 1))
    print("cross-validation MSE:     ", np.round(test_scores_mean, 1))
for a, b in zip(curves["mathml"], curves["reference"]):
    np.testing.assert_array_equal(a, b, err_msg="the two learning curves differ")

# %%
# Both backends on one figure
# ---------------------------
# mathml's curves (red and green, with their bands, as the seed draws them) and reference's
# (black, dashed) on top.

fig, ax = plt.subplots(figsize=(9, 5.5), layout="constrained")
sizes, train_mean, train_std, test_mean, test_std = curves["mathml"]
ax.fill_between(sizes, train_mean - train_std, train_mean + train_std, alpha=0.1, color="r")
ax.fill_between(sizes, test_mean - test_std, test_mean + test_std, alpha=0.1, color="g")
ax.plot(sizes, train_mean, "o-", color="r", lw=3, label="mathml: Training score")
ax.plot(sizes, test_mean, "o-", color="g", lw=3, label="mathml: Cross-validation score")
sizes, train_mean, _, test_mean, _ = curves["reference"]
ax.plot(sizes, train_mean, "kx--", lw=1, label="reference: Training score")
ax.plot(sizes, test_mean, "k+:", lw=1, label="reference: Cross-validation score")
ax.set_title(f"Seed 002: Learning Curve ({N_ESTIMATORS} trees per forest)")
ax.set_xlabel("Training examples")
ax.set_ylabel("Mean Squared Error")
ax.grid()
ax.legend(loc="best")
