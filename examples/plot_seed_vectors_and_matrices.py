"""
Vectors and matrices
====================

Seed file: ``000_dd9bfe186c948157.txt`` (seed 000), "1. Linear Algebra": vector addition,
scalar multiplication, the dot product, the matrix product, the transpose and the inverse.

The seed writes each with NumPy (``vector1 + vector2``, ``np.dot``, ``np.matmul``,
``np.transpose``, ``np.linalg.inv``); here each is the concept of ``mathml.linalg`` of the same
name (``add``, ``scale``, ``dot``, ``matmul``, ``transpose``, ``inv``), run once with
``import mathml as ml`` (written from scratch) and once with ``import reference as ml``
(NumPy behind the same names). Every output the seed prints is checked, to the digits it
prints, for both: the script stops if either drifts.
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
# The seed's examples, through each backend
# ------------------------------------------
# What the seed prints (seed 000), kept here as the numbers to reproduce:
#
# - vector addition ``[1 2 3] + [4 5 6]``: ``[5 7 9]``
# - scalar multiplication ``2 * [1 2 3]``: ``[2 4 6]``
# - dot product ``[1 2 3] · [4 5 6]``: ``32``
# - matrix product ``[[1 2] [3 4]] @ [[5 6] [7 8]]``: ``[[19 22] [43 50]]``
# - transpose of ``[[1 2] [3 4]]``: ``[[1 3] [2 4]]``
# - inverse of ``[[1 2] [3 4]]``: ``[[-2. 1.] [1.5 -0.5]]``
#
# Integers print without a decimal point: the integer examples must stay integers.

SEED_PRINTS = {
    "add": "[5 7 9]",
    "scale": "[2 4 6]",
    "dot": "32",
    "matmul": "[[19 22]\n [43 50]]",
    "transpose": "[[1 3]\n [2 4]]",
    "inv": "[[-2.   1. ]\n [ 1.5 -0.5]]",
}


def seed_examples(ml):
    vector1, vector2 = np.array([1, 2, 3]), np.array([4, 5, 6])
    matrix1, matrix2 = np.array([[1, 2], [3, 4]]), np.array([[5, 6], [7, 8]])
    return {
        "add": ml.linalg.add(vector1, vector2),            # vector1 + vector2
        "scale": ml.linalg.scale(2, vector1),              # scalar * vector
        "dot": ml.linalg.dot(vector1, vector2),            # np.dot(vector1, vector2)
        "matmul": ml.linalg.matmul(matrix1, matrix2),      # np.matmul(matrix1, matrix2)
        "transpose": ml.linalg.transpose(matrix1),         # np.transpose(matrix)
        "inv": ml.linalg.inv(matrix1),                     # np.linalg.inv(matrix)
    }


results = {}
for name, ml in BACKENDS.items():
    results[name] = seed_examples(ml)
    print(f"--- import {name} as ml")
    for what, value in results[name].items():
        print(f"{what}:\n{value}")
        check_printed(f"{name}.linalg.{what}", value, SEED_PRINTS[what])

# %%
# Both backends on one figure
# ---------------------------
# Left: the three vector results, one bar per entry, mathml's and reference's side by side.
# Right: the three matrix results as heat maps with their entries, one row per backend.

fig = plt.figure(figsize=(11, 5), layout="constrained")
grid = fig.add_gridspec(2, 4, width_ratios=[1.6, 1, 1, 1])
ax = fig.add_subplot(grid[:, 0])
labels = ["add", "scale"]
x = np.arange(3)
for k, (name, hatch) in enumerate((("mathml", ""), ("reference", "//"))):
    for j, what in enumerate(labels):
        ax.bar(x + 4 * j + 0.4 * k - 0.2, results[name][what], width=0.4, hatch=hatch,
               color=f"C{j}", edgecolor="k", label=f"{what} ({name})")
ax.set_xticks([0, 1, 2, 4, 5, 6], ["[0]", "[1]", "[2]"] * 2)
ax.set_title(f"vector results; dot = {results['mathml']['dot']} (mathml), "
             f"{results['reference']['dot']} (reference)", fontsize=9)
ax.legend(fontsize=8)
for row, name in enumerate(BACKENDS):
    for col, what in enumerate(("matmul", "transpose", "inv")):
        m = np.asarray(results[name][what], dtype=float)
        a = fig.add_subplot(grid[row, col + 1])
        a.imshow(m, cmap="coolwarm")
        for (i, j), v in np.ndenumerate(m):
            a.text(j, i, f"{v:g}", ha="center", va="center")
        a.set_xticks([])
        a.set_yticks([])
        a.set_title(f"{name}: {what}", fontsize=9)
fig.suptitle("Seed 000: vectors and matrices through mathml and reference")
