"""
Principal component analysis of standardised data
=================================================

Seed file: ``002_4b7009893bf14dc2.txt`` (seed 002), "Informed Decision-Making": 100 samples
of 3 independent standard normal features, standardised with ``StandardScaler``, then
``PCA()``, drawn as a bar chart of ``explained_variance_ratio_``.

``ml.preprocessing.StandardScaler`` and ``ml.decomposition.PCA`` are mathml's from-scratch
versions and scikit-learn's behind the same names; for 100 rows of 3 features PCA's
``svd_solver='auto'`` picks, in both, the eigen-decomposition of the covariance matrix
(mathml's own ``eigh``). Three independent features have no direction that explains much
more than a third of the variance: the bars are nearly level, which is what the seed's
picture teaches.
"""
import matplotlib.pyplot as plt
import numpy as np

import mathml
import reference
from reference.compare import agree

BACKENDS = {"mathml": mathml, "reference": reference}


def agreeing(what, got, expected, tolerance):
    """Raise if two answers differ beyond the named entry of the catalog's tolerance table."""
    verdict = agree(got, expected, tolerance)
    if not verdict.ok:
        raise AssertionError(f"{what} beyond the '{tolerance}' tolerance: {verdict.detail}")


def fix_signs(scores):
    """Each component's sign is a convention (v and −v are both eigenvectors): make each
    column's largest entry positive before comparing."""
    columns = np.argmax(np.abs(scores), axis=0)
    return scores * np.sign(scores[columns, np.arange(scores.shape[1])])


# %%
# The seed's example, through each backend
# ----------------------------------------
# The seed prints nothing; the two backends are compared with the catalog's
# 'decomposition' tolerance (1e-9 normwise, for separated singular values), the scores
# after fixing each component's sign. The ratios always sum to 1.

rng = np.random.RandomState(42)      # the seed's np.random.seed(42), without the global state
X = rng.randn(100, 3)
fitted = {}
for name, ml in BACKENDS.items():
    scaler = ml.preprocessing.StandardScaler()
    X_scaled = scaler.fit_transform(X)
    pca = ml.decomposition.PCA()
    X_pca = pca.fit_transform(X_scaled)
    fitted[name] = pca.explained_variance_ratio_, fix_signs(X_pca)
    print(f"--- import {name} as ml")
    print("explained_variance_ratio_:", pca.explained_variance_ratio_)
    np.testing.assert_allclose(pca.explained_variance_ratio_.sum(), 1.0, rtol=1e-12)
agreeing("explained variance ratios", fitted["mathml"][0], fitted["reference"][0], "decomposition")
agreeing("principal component scores", fitted["mathml"][1], fitted["reference"][1], "decomposition")

# %%
# Both backends on one figure
# ---------------------------
# Left: the seed's bar chart, mathml's and reference's bars side by side. Right: the data
# projected on the first two components by each backend (after fixing signs): the circles
# (mathml) and crosses (reference) coincide.

fig, axes = plt.subplots(1, 2, figsize=(11, 4.3), layout="constrained")
ax = axes[0]
for k, name in enumerate(BACKENDS):
    ax.bar(np.arange(1, 4) + 0.4 * k - 0.2, fitted[name][0], width=0.4, label=name)
ax.axhline(1 / 3, color="k", ls=":", label="1/3: no preferred direction")
ax.set_xticks([1, 2, 3])
ax.set_xlabel("Principal Component")
ax.set_ylabel("Explained Variance Ratio")
ax.set_title("Seed 002: explained variance ratio by principal component")
ax.legend(fontsize=8)
ax = axes[1]
ax.scatter(*fitted["mathml"][1][:, :2].T, s=40, facecolors="none", edgecolors="C0", label="mathml")
ax.scatter(*fitted["reference"][1][:, :2].T, s=12, marker="x", color="k", label="reference")
ax.set_xlabel("PC 1")
ax.set_ylabel("PC 2")
ax.set_title("The standardised data on the first two components")
ax.legend(fontsize=8)
