"""
Probability, distributions and summary statistics
=================================================

Seed file: ``000_dd9bfe186c948157.txt`` (seed 000), "3. Probability and Statistics": a joint
probability of independent events, a conditional probability, 1000 samples of the normal
distribution and of the Bernoulli distribution with their histograms, the mean and the
standard deviation of [1, 2, 3, 4, 5].

The seed multiplies probabilities by hand and draws with ``np.random``; here the
products are the concepts ``ml.probability.joint_independent`` and
``ml.probability.chain_rule``, the draws ``ml.stats.norm.rvs`` and ``ml.stats.binom.rvs``
(``np.random.binomial(1, p)`` is a binomial with one trial), the histogram
``ml.stats.histogram`` and the statistics ``ml.stats.mean`` and ``ml.stats.std``. The two
backends draw from different generators (mathml's own normal sampler), so their samples
differ; both are checked against the distribution they sample, within a stated number of
standard errors, and the figure overlays both histograms on the density.
"""
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
# Probabilities and summary statistics
# ------------------------------------
# Seed values (the seed computes without printing; worked out by hand):
# P(A and B) = 0.4 × 0.6 = 0.24 for independent A, B; P(A and B) = P(A) P(B | A) =
# 0.4 × 0.8 = 0.32; mean([1, 2, 3, 4, 5]) = 3; std([1, 2, 3, 4, 5]) = √2 = 1.41421356
# (NumPy's default: the population standard deviation, ddof = 0).

data = np.array([1, 2, 3, 4, 5])
for name, ml in BACKENDS.items():
    joint = ml.probability.joint_independent(0.4, 0.6)
    chained = ml.probability.chain_rule([0.4, 0.8])
    mean_value = ml.stats.mean(data)
    std_dev = ml.stats.std(data)
    print(f"--- import {name} as ml")
    print(f"P(A and B), independent: {joint:.10g}; P(A) P(B | A): {chained:.10g}")
    print(f"mean: {mean_value}, std: {std_dev}")
    for what, got, seed_value in (("joint", joint, 0.24), ("chain rule", chained, 0.32),
                                  ("mean", mean_value, 3.0), ("std", std_dev, np.sqrt(2))):
        check_printed(f"{name} {what}", got, seed_value)

# %%
# 1000 normal and 1000 Bernoulli samples
# --------------------------------------
# The seed draws unseeded samples and prints nothing: the numbers to keep are the
# distributions' own. Each sample mean must lie within 4 standard errors of the true mean
# (σ/√n = 0.0316 for N(0, 1), √(p(1 − p)/n) = 0.0145 for Bernoulli(0.7)), and the normal
# sample's standard deviation within 4 of its standard errors (≈ σ/√(2n) = 0.0224) of 1: a
# correct sampler fails this about once in 16 000 seeds, and this one is seeded.
#
# The seed bins with ``bins='auto'``, one of NumPy's bin-width rules; mathml's histogram
# takes a count or the edges, so the edges come from NumPy's rule and both backends bin with
# them.

mu, sigma, p, n = 0.0, 1.0, 0.7, 1000
draws = {}
for name, ml in BACKENDS.items():
    samples = ml.stats.norm.rvs(mu, sigma, size=n, random_state=0)
    coins = ml.stats.binom.rvs(1, p, size=n, random_state=0)
    edges = np.histogram_bin_edges(samples, bins="auto")
    counts, _ = ml.stats.histogram(samples, bins=edges)
    draws[name] = samples, coins, edges, counts
    print(f"{name}: normal sample mean {ml.stats.mean(samples):+.4f}, std "
          f"{ml.stats.std(samples):.4f}; {len(counts)} bins; Bernoulli mean {ml.stats.mean(coins):.3f}")
    checks = (("normal mean", ml.stats.mean(samples), mu, sigma / np.sqrt(n)),
              ("normal std", ml.stats.std(samples), sigma, sigma / np.sqrt(2 * n)),
              ("Bernoulli mean", ml.stats.mean(coins), p, np.sqrt(p * (1 - p) / n)))
    for what, got, true, standard_error in checks:
        if abs(got - true) > 4 * standard_error:
            raise AssertionError(f"{name} {what} {got:.4f} is more than 4 standard errors "
                                 f"({4 * standard_error:.4f}) from {true}")
    if counts.sum() != n or set(np.unique(coins)) - {0, 1}:
        raise AssertionError(f"{name}: the histogram lost samples, or a coin is not 0 or 1")

# %%
# Both backends on one figure
# ---------------------------
# Left: the two normal histograms (as densities) over ``ml.stats.norm.pdf`` from each
# backend. Right: the two Bernoulli samples' counts of 0 and 1, beside the expected 300
# and 700.

fig, axes = plt.subplots(1, 2, figsize=(11, 4.2), layout="constrained")
ax = axes[0]
for name, style in (("mathml", {"alpha": 0.5}), ("reference", {"histtype": "step", "color": "k"})):
    samples, _, edges, _ = draws[name]
    ax.hist(samples, bins=edges, density=True, label=f"{name}: 1000 samples", **style)
grid = np.linspace(-4, 4, 200)
ax.plot(grid, mathml.stats.norm.pdf(grid, mu, sigma), "C3", lw=2, label="mathml: pdf")
ax.plot(grid, reference.stats.norm.pdf(grid, mu, sigma), "k:", lw=2, label="reference: pdf")
ax.set_title("Seed 000: normal distribution, μ = 0, σ = 1")
ax.legend(fontsize=8)
ax = axes[1]
for k, name in enumerate(BACKENDS):
    coins = draws[name][1]
    ax.bar(np.array([0, 1]) + 0.4 * k - 0.2, [np.sum(coins == 0), np.sum(coins == 1)], width=0.4,
           label=name, color=f"C{k}")
ax.hlines([n * (1 - p), n * p], [-0.45, 0.55], [0.45, 1.45], colors="k", linestyles="--",
          label="expected: 300, 700")
ax.set_xticks([0, 1])
ax.set_title("Seed 000: Bernoulli distribution, p = 0.7 (1000 draws)")
ax.legend(fontsize=8)
