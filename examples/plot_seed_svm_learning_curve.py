"""
The learning curve of a support vector machine
==============================================

Seed file: ``002_4b7009893bf14dc2.txt`` (seed 002), "Long-Term Success in Machine
Learning": ``learning_curve`` of ``SVC(kernel='rbf', random_state=42)`` on
``make_classification(n_samples=1000, n_features=20, n_informative=2, n_redundant=10,
random_state=42)``, 5-fold cross-validation at ten training sizes from 10% to 100%, drawn as
the mean training and cross-validation accuracy with ±1 standard deviation bands.

``ml.model_selection.learning_curve``, ``ml.svm.SVC`` and ``ml.datasets.make_classification``
are mathml's from scratch (the SVC reproduces libsvm's SMO iterations) and scikit-learn's
behind the same names; ``np.mean``/``np.std`` over the folds become ``ml.stats.mean`` and
``ml.stats.std``. A learning curve reads as: the training score falls and the validation
score rises as the model sees more data; the gap between them is what more data could
still close.
"""
import matplotlib.pyplot as plt
import numpy as np

import mathml
import reference

BACKENDS = {"mathml": mathml, "reference": reference}

# %%
# The seed's example, through each backend
# ----------------------------------------
# The seed prints nothing; the two backends must give the same training sizes and the same
# scores, exactly (the catalog compares SVC with scikit-learn 'bitwise': the same
# floating-point operations, so every fold's accuracy is the same number). The seed's
# ``n_jobs=-1`` (folds fitted in parallel processes) is left out: on this small problem
# starting the worker processes costs more than it saves, and the scores do not depend on it.

curves = {}
for name, ml in BACKENDS.items():
    X, y = ml.datasets.make_classification(n_samples=1000, n_features=20, n_informative=2,
                                           n_redundant=10, random_state=42)
    model = ml.svm.SVC(kernel="rbf", random_state=42)
    train_sizes, train_scores, test_scores = ml.model_selection.learning_curve(
        model, X, y, cv=5, train_sizes=np.linspace(0.1, 1.0, 10))
    train_mean = ml.stats.mean(train_scores, axis=1)
    train_std = ml.stats.std(train_scores, axis=1)
    test_mean = ml.stats.mean(test_scores, axis=1)
    test_std = ml.stats.std(test_scores, axis=1)
    curves[name] = train_sizes, train_mean, train_std, test_mean, test_std
    print(f"--- import {name} as ml")
    print("training sizes:          ", train_sizes)
    print("mean training score:     ", np.round(train_mean, 4))
    print("mean cross-validation:   ", np.round(test_mean, 4))
for a, b in zip(curves["mathml"], curves["reference"]):
    np.testing.assert_array_equal(a, b, err_msg="the two learning curves differ")

# %%
# Both backends on one figure
# ---------------------------
# mathml's curves as thick coloured lines with their bands, reference's as black dashed
# lines on top.

fig, ax = plt.subplots(figsize=(9, 5.5), layout="constrained")
sizes, train_mean, train_std, test_mean, test_std = curves["mathml"]
ax.plot(sizes, train_mean, lw=3, label="mathml: Training score")
ax.plot(sizes, test_mean, lw=3, label="mathml: Cross-validation score")
ax.fill_between(sizes, train_mean - train_std, train_mean + train_std, alpha=0.1)
ax.fill_between(sizes, test_mean - test_std, test_mean + test_std, alpha=0.1)
sizes, train_mean, train_std, test_mean, test_std = curves["reference"]
ax.plot(sizes, train_mean, "k--", lw=1, label="reference: Training score")
ax.plot(sizes, test_mean, "k:", lw=1, label="reference: Cross-validation score")
ax.set_xlabel("Number of training examples")
ax.set_ylabel("Score")
ax.set_title("Seed 002: Learning Curve for SVM")
ax.legend()
