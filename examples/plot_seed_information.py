"""
Entropy, mutual information and the Kullback–Leibler divergence
===============================================================

Seed file: ``000_dd9bfe186c948157.txt`` (seed 000), "6. Information Theory": the entropy of
a binary variable with p = (0.6, 0.4) in bits, the mutual information of two binary
variables with joint probabilities [[0.3, 0.1], [0.2, 0.4]], and the KL divergence of
P = (0.3, 0.7) from Q = (0.5, 0.5).

The seed calls ``stats.entropy`` from SciPy for the entropy and the divergence, and
``stats.mutual_info_score``, which SciPy does not have (it is scikit-learn's
``metrics.mutual_info_score``, whose ``contingency`` argument the seed passes). Here they are
``ml.information.entropy`` (SciPy's signature: with a second distribution it is the
divergence), ``ml.information.kl_divergence`` and ``ml.information.mutual_info_score``.
"""
import math

import matplotlib.pyplot as plt
import numpy as np

import mathml
import reference
from reference import printed

BACKENDS = {"mathml": mathml, "reference": reference}


def check_printed(what, got, seed_value):
    """Raise if `got` does not print (to NumPy's 8 decimals) as the seed's value."""
    wrong = printed.mismatches(got, seed_value)
    if wrong:
        raise AssertionError(f"{what} drifted from the seed's value:\n" + "\n".join(wrong))


# %%
# The seed's three quantities, through each backend
# -------------------------------------------------
# Seed values (the seed prints nothing; worked out by hand, as the catalog does):
#
# - H(0.6, 0.4) = −0.6 log₂ 0.6 − 0.4 log₂ 0.4 = 0.97095059 bits
# - I(X; Y) = Σ p(x, y) ln(p(x, y) / (p(x) p(y))) = 0.08630462 nats, marginals (0.4, 0.6)
#   and (0.5, 0.5)
# - KL(P ‖ Q) = 0.3 ln(0.3/0.5) + 0.7 ln(0.7/0.5) = 0.08228288 nats

joint_probs = [[0.3, 0.1], [0.2, 0.4]]
SEED_ENTROPY = -(0.6 * math.log2(0.6) + 0.4 * math.log2(0.4))
SEED_MI = sum(p * math.log(p / (px * py))
              for row, px in zip(joint_probs, (0.4, 0.6)) for p, py in zip(row, (0.5, 0.5)))
SEED_KL = 0.3 * math.log(0.3 / 0.5) + 0.7 * math.log(0.7 / 0.5)

for name, ml in BACKENDS.items():
    entropy = ml.information.entropy([0.6, 0.4], base=2)
    mutual_info = ml.information.mutual_info_score(None, None, contingency=joint_probs)
    kl_divergence = ml.information.entropy([0.3, 0.7], [0.5, 0.5])
    kl_named = ml.information.kl_divergence([0.3, 0.7], [0.5, 0.5])
    print(f"--- import {name} as ml")
    print(f"entropy: {entropy:.10f} bits")
    print(f"mutual information: {mutual_info:.10f} nats")
    print(f"KL divergence: {kl_divergence:.10f} nats (kl_divergence: {kl_named:.10f})")
    check_printed(f"{name} entropy", entropy, SEED_ENTROPY)
    check_printed(f"{name} mutual information", mutual_info, SEED_MI)
    check_printed(f"{name} KL divergence", kl_divergence, SEED_KL)
    check_printed(f"{name} kl_divergence", kl_named, SEED_KL)

# %%
# Both backends on one figure
# ---------------------------
# Left: the binary entropy H(p, 1 − p) in bits, maximal (1 bit) at p = ½; the seed's p = 0.6
# marked. Middle: KL((p, 1 − p) ‖ (½, ½)) in nats, zero only at p = ½; the seed's P marked.
# Right: the seed's joint distribution next to the product of its marginals, which it would
# equal if X and Y were independent (then the mutual information would be 0).

p = np.linspace(0.001, 0.999, 300)
pairs = np.vstack([p, 1 - p])                # one distribution per column (axis 0)
fig, axes = plt.subplots(1, 3, figsize=(15, 4.2), layout="constrained")
for name, ml, style in (("mathml", mathml, "-"), ("reference", reference, "k--")):
    axes[0].plot(p, ml.information.entropy(pairs, base=2), style, lw=2 if name == "mathml" else 1,
                 label=f"{name}: entropy")
    axes[1].plot(p, ml.information.kl_divergence(pairs, np.full_like(pairs, 0.5)), style,
                 lw=2 if name == "mathml" else 1, label=f"{name}: KL(P ‖ uniform)")
axes[0].plot(0.6, mathml.information.entropy([0.6, 0.4], base=2), "o", color="C3",
             label=f"seed: H(0.6, 0.4) = {SEED_ENTROPY:.4f}")
axes[0].set_xlabel("p")
axes[0].set_title("Seed 000: the entropy of a binary variable")
axes[1].plot(0.3, mathml.information.kl_divergence([0.3, 0.7], [0.5, 0.5]), "o", color="C3",
             label=f"seed: KL((0.3, 0.7) ‖ (0.5, 0.5)) = {SEED_KL:.4f}")
axes[1].set_xlabel("p")
axes[1].set_title("Seed 000: Kullback–Leibler divergence")
for ax in axes[:2]:
    ax.legend(fontsize=8)
    ax.grid(True)
joint = np.array(joint_probs)
independent = np.outer(joint.sum(axis=1), joint.sum(axis=0))
both = np.hstack([joint, np.full((2, 1), np.nan), independent])
ax = axes[2]
ax.imshow(both, cmap="Blues", vmin=0, vmax=0.5)
for (i, j), v in np.ndenumerate(both):
    if not np.isnan(v):
        ax.text(j, i, f"{v:.2f}", ha="center", va="center")
ax.set_xticks([0.5, 3.5], ["p(x, y)", "p(x) p(y)"])
ax.set_yticks([])
mi = {name: ml.information.mutual_info_score(None, None, contingency=joint_probs)
      for name, ml in BACKENDS.items()}
ax.set_title(f"Seed 000: I(X; Y) = {mi['mathml']:.6f} (mathml), {mi['reference']:.6f} (reference)",
             fontsize=10)
