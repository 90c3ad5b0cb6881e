"""
A random forest's confusion matrix
==================================

Seed file: ``002_4b7009893bf14dc2.txt`` (seed 002), "Gaining Deeper Insights": a
``RandomForestClassifier(n_estimators=100, random_state=42)`` trained on 80% of
``make_classification(n_samples=1000, n_features=20, n_informative=2, n_redundant=10,
random_state=42)``, its confusion matrix on the other 20% drawn as a heat map.

Every name maps to mathml's: ``ml.datasets.make_classification``,
``ml.model_selection.train_test_split``, ``ml.ensemble.RandomForestClassifier`` and
``ml.metrics.confusion_matrix``. mathml's forest reproduces scikit-learn's random draws
(bootstrap samples and feature subsets from the same RandomState stream) and its trees'
split rules, so the two backends must agree exactly: same data, same trees, same
predictions, same matrix. The seed's heat map comes from seaborn; here it is matplotlib's
``imshow`` with the counts written in.
"""
import matplotlib.pyplot as plt
import numpy as np

import mathml
import reference

BACKENDS = {"mathml": mathml, "reference": reference}

# %%
# The seed's example, through each backend
# ----------------------------------------
# The seed prints nothing; the two confusion matrices are compared exactly (the catalog's
# 'bitwise' tolerance for the forest: the same floating-point operations as scikit-learn).

matrices, predictions = {}, {}
for name, ml in BACKENDS.items():
    X, y = ml.datasets.make_classification(n_samples=1000, n_features=20, n_informative=2,
                                           n_redundant=10, random_state=42)
    X_train, X_test, y_train, y_test = ml.model_selection.train_test_split(
        X, y, test_size=0.2, random_state=42)
    rf = ml.ensemble.RandomForestClassifier(n_estimators=100, random_state=42)
    rf.fit(X_train, y_train)
    y_pred = rf.predict(X_test)
    cm = ml.metrics.confusion_matrix(y_test, y_pred)
    matrices[name], predictions[name] = cm, y_pred
    print(f"--- import {name} as ml")
    print("confusion matrix:\n", cm, sep="")
    print(f"accuracy: {ml.metrics.accuracy_score(y_test, y_pred):.4f}")
np.testing.assert_array_equal(predictions["mathml"], predictions["reference"],
                              err_msg="the two forests' predictions differ")
np.testing.assert_array_equal(matrices["mathml"], matrices["reference"],
                              err_msg="the two forests' confusion matrices differ")

# %%
# Both backends on one figure
# ---------------------------

fig, axes = plt.subplots(1, 2, figsize=(10, 4.3), layout="constrained")
for ax, (name, cm) in zip(axes, matrices.items()):
    ax.imshow(cm, cmap="Blues")
    for (i, j), count in np.ndenumerate(cm):
        ax.text(j, i, str(count), ha="center", va="center",
                color="white" if count > cm.max() / 2 else "black", fontsize=14)
    ax.set_xticks([0, 1])
    ax.set_yticks([0, 1])
    ax.set_xlabel("Predicted")
    ax.set_ylabel("Actual")
    ax.set_title(f"{name}: Confusion Matrix")
fig.suptitle("Seed 002: random forest (100 trees) on make_classification, 20% test split")
