"""Each distribution's density (or mass) function and its cdf from both backends, with a
histogram of 2000 variates drawn by each backend's ``rvs`` under the density: the curves
agree to rounding, the samples only in distribution (each backend draws its own stream)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from ._common import BACKENDS, LINE, POINTS, Hook, member, new_figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FIGURES: dict[str, Hook] = {}

N_SAMPLES = 2000
#: the parameters drawn: the seeds' where a seed has an example (seed 000's standard
#: normal and Bernoulli(0.7)), otherwise the catalog's examples or a shape that shows the
#: family (a skewed beta, a gamma with a mode away from 0)
PARAMETERS: dict[str, dict[str, Any]] = {
    "stats.norm": {"loc": 0.0, "scale": 1.0},
    "stats.uniform": {"loc": -1.0, "scale": 3.0},
    "stats.expon": {"scale": 1.5},
    "stats.gamma": {"a": 3.0, "scale": 1.0},
    "stats.beta": {"a": 2.0, "b": 5.0},
    "stats.bernoulli": {"p": 0.7},
    "stats.binom": {"n": 20, "p": 0.3},
    "stats.poisson": {"mu": 4.5},
}
DISCRETE = ("stats.bernoulli", "stats.binom", "stats.poisson")


def _describe(params: dict[str, Any]) -> str:
    return ", ".join(f"{k}={v:g}" for k, v in params.items())


def _distribution(name: str) -> Figure:
    params = PARAMETERS[name]
    discrete = name in DISCRETE
    fig, (ax_f, ax_c) = new_figure()
    ref_dist = member("reference", name)(**params)
    lo, hi = ref_dist.ppf(0.001), ref_dist.ppf(0.999)
    x = np.arange(lo, hi + 1) if discrete else np.linspace(lo, hi, 301)
    edges: Any = np.arange(lo, hi + 2) - 0.5 if discrete else np.linspace(lo, hi, 41)
    for b in BACKENDS:
        dist = member(b, name)(**params)
        sample = dist.rvs(size=N_SAMPLES, random_state=0)
        ax_f.hist(sample, bins=edges, density=True, histtype="step", alpha=0.8,
                  color=LINE[b]["color"], linestyle=LINE[b]["linestyle"],
                  label=f"{b}: histogram of rvs")
        if discrete:
            ax_f.scatter(x, dist.pmf(x), label=f"{b}: pmf", zorder=3, **POINTS[b])
            k = np.arange(lo - 1, hi + 2)  # a step beyond each end: the jumps show
            ax_c.step(k, dist.cdf(k), where="post", label=b, **LINE[b])
        else:
            ax_f.plot(x, dist.pdf(x), label=f"{b}: pdf", **LINE[b])
            ax_c.plot(x, dist.cdf(x), label=b, **LINE[b])
    ax_f.set(title=f"{'pmf' if discrete else 'pdf'} and {N_SAMPLES} variates", xlabel="x",
             ylabel="P(X = x)" if discrete else "density")
    ax_c.set(title="cdf", xlabel="x", ylabel="P(X ≤ x)")
    for ax in (ax_f, ax_c):
        ax.legend(fontsize="small")
        ax.grid(alpha=0.3)
    fig.suptitle(f"{name}({_describe(params)})")
    return fig


MEAN = np.array([1.0, -0.5])
COV = np.array([[2.0, 0.8], [0.8, 1.0]])


def _multivariate_normal(name: str) -> Figure:
    """The density's contours from each backend, and each backend's sample."""
    g1, g2 = np.linspace(-4, 6, 121), np.linspace(-4, 3, 101)
    grid = np.stack(np.meshgrid(g1, g2), axis=-1)
    fig, (ax_f, ax_s) = new_figure()
    for b in BACKENDS:
        dist = member(b, name)(mean=MEAN, cov=COV)
        ax_f.contour(g1, g2, dist.pdf(grid), levels=6, colors=LINE[b]["color"],
                     linestyles=LINE[b]["linestyle"], linewidths=LINE[b]["linewidth"] * 0.6)
        ax_f.plot([], [], label=f"{b}: pdf contours", **LINE[b])  # the legend's handle
        sample = dist.rvs(size=500, random_state=0)
        ax_s.scatter(sample[:, 0], sample[:, 1], label=f"{b}: rvs", alpha=0.6,
                     **{**POINTS[b], "s": 10})
    ax_f.set(title="pdf", xlabel="x₁", ylabel="x₂")
    ax_s.set(title="500 variates from each backend", xlabel="x₁", ylabel="x₂",
             xlim=ax_f.get_xlim(), ylim=ax_f.get_ylim())
    for ax in (ax_f, ax_s):
        ax.legend(fontsize="small")
        ax.grid(alpha=0.3)
    fig.suptitle(f"{name}(mean={MEAN.tolist()}, cov={COV.tolist()})")
    return fig


for concept in PARAMETERS:
    FIGURES[concept] = _distribution
FIGURES["stats.multivariate_normal"] = _multivariate_normal
