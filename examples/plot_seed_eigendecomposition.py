"""
Eigenvalues and eigenvectors
============================

Seed file: ``000_dd9bfe186c948157.txt`` (seed 000), "Eigenvalues and Eigenvectors": the
eigenvalues and the eigenvectors of the symmetric matrix ``[[2, 1], [1, 2]]`` with
``np.linalg.eig``.

Here ``ml.linalg.eig`` (mathml: Hessenberg reduction and shifted QR, from scratch; reference:
NumPy's LAPACK) returns both, as NumPy does. An eigenvector v of A is a direction A only
stretches, A v = λ v: the figure draws the unit circle, its image under A (an ellipse) and
each backend's eigenvectors scaled by their eigenvalues, which land on the ellipse's axes.
"""
import matplotlib.pyplot as plt
import numpy as np

import mathml
import reference
from reference import printed

BACKENDS = {"mathml": mathml, "reference": reference}


def check_printed(what, got, seed_prints):
    """Raise if `got` does not print as the seed's output (to the seed's digits)."""
    wrong = printed.mismatches(got, seed_prints)
    if wrong:
        raise AssertionError(f"{what} drifted from the seed's output:\n" + "\n".join(wrong))


# %%
# The seed's example, through each backend
# -----------------------------------------
# The seed prints (seed 000):
#
# - eigenvalues: ``[3. 1.]``
# - eigenvectors: ``[[ 0.70710678 -0.70710678] [ 0.70710678  0.70710678]]``
#
# Both are checked to NumPy's 8 printed decimals, order and signs included (the seed's
# output fixes NumPy's conventions, which mathml follows).

SEED_EIGENVALUES = "[3. 1.]"
SEED_EIGENVECTORS = "[[ 0.70710678 -0.70710678]\n [ 0.70710678  0.70710678]]"
matrix = np.array([[2, 1], [1, 2]])

results = {}
for name, ml in BACKENDS.items():
    eigenvalues, eigenvectors = ml.linalg.eig(matrix)
    results[name] = eigenvalues, eigenvectors
    print(f"--- import {name} as ml")
    print("eigenvalues:", eigenvalues)
    print("eigenvectors:\n", eigenvectors, sep="")
    check_printed(f"{name}.linalg.eig eigenvalues", eigenvalues, SEED_EIGENVALUES)
    check_printed(f"{name}.linalg.eig eigenvectors", eigenvectors, SEED_EIGENVECTORS)
    # and what they mean: A v = λ v for each column
    np.testing.assert_allclose(matrix @ eigenvectors, eigenvectors * eigenvalues, atol=1e-12)

# %%
# Both backends on one figure
# ---------------------------
# The unit circle (grey) and its image under A (black); each eigenvector v scaled by its
# eigenvalue λ: mathml's as solid arrows, reference's as dashed ones on top.

t = np.linspace(0, 2 * np.pi, 200)
circle = np.vstack([np.cos(t), np.sin(t)])
ellipse = matrix @ circle
fig, ax = plt.subplots(figsize=(6, 6), layout="constrained")
ax.plot(*circle, color="0.7", label="unit circle")
ax.plot(*ellipse, color="k", label="A · unit circle")
for name, style in (("mathml", "-"), ("reference", "--")):
    eigenvalues, eigenvectors = results[name]
    for k in range(2):
        tip = eigenvalues[k] * eigenvectors[:, k]
        color = f"C{k}" if name == "mathml" else "k"
        ax.annotate("", xy=tip, xytext=(0, 0),
                    arrowprops={"arrowstyle": "->", "linestyle": style, "lw": 2, "color": color})
        ax.plot([], [], style, color=color, label=f"{name}: λ = {eigenvalues[k]:.0f} · v")
ax.set_aspect("equal")
ax.grid(True)
ax.legend(loc="lower right", fontsize=8)
ax.set_title("Seed 000: eig([[2, 1], [1, 2]]), mathml and reference")
