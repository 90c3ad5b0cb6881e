"""Descriptive statistics and tests drawn on their sample: the centre and spread over a
histogram, the quantile function over the empirical cdf, the shape of three samples, the
covariance ellipse, and a test's statistic on its null distribution with the p-value shaded.
Each backend's numbers are in the legend, its lines overlaid on the other's."""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ._common import BACKENDS, LINE, POINTS, Hook, member, new_figure

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

FIGURES: dict[str, Hook] = {}


def skewed_sample(n: int = 400, seed: int = 0) -> np.ndarray:
    """A right-skewed sample (lognormal): its mean, median and mode are apart."""
    return np.exp(np.random.default_rng(seed).normal(0.0, 0.6, n))


def _finish(ax: Axes, title: str, xlabel: str, ylabel: str, loc: str = "upper right",
            small_title: bool = False) -> None:
    ax.set(title=title, xlabel=xlabel, ylabel=ylabel)
    ax.legend(fontsize="x-small", loc=loc)
    ax.grid(alpha=0.3)
    if small_title:
        ax.title.set_fontsize("small")


def _centre(name: str) -> Figure:
    fig, (ax,) = new_figure(1, width=6.0)
    if name == "stats.mode":  # a sample of whole numbers: the most frequent one
        x = np.random.default_rng(0).poisson(3.5, 300).astype(float)
        ax.hist(x, bins=np.arange(x.max() + 2) - 0.5, color="0.85", label="300 counts")
    else:
        x = skewed_sample()
        ax.hist(x, bins=40, color="0.85", label=f"{x.size} draws of a lognormal")
    for b in BACKENDS:
        value = member(b, name)(x)
        value = float(value[0] if name == "stats.mode" else value)
        ax.axvline(value, label=f"{b}: {name.split('.')[1]} = {value:.6f}", **LINE[b])
    _finish(ax, "the centre of a skewed sample", "x", "count")
    fig.suptitle(name)
    return fig


def _spread(name: str) -> Figure:
    x = skewed_sample()
    fig, (ax,) = new_figure(1, width=6.0)
    ax.hist(x, bins=40, color="0.85", label=f"{x.size} draws of a lognormal")
    mean = float(np.mean(x))
    for b in BACKENDS:
        value = float(member(b, name)(x))
        sd = np.sqrt(value) if name == "stats.var" else value
        ax.axvspan(mean - sd, mean + sd, color=LINE[b]["color"], alpha=0.08)
        for edge in (mean - sd, mean + sd):
            ax.axvline(edge, **LINE[b])
        ax.plot([], [], label=f"{b}: {name.split('.')[1]} = {value:.6f}", **LINE[b])
    ax.axvline(mean, color="k", linewidth=0.8, label=f"mean = {mean:.4f}")
    _finish(ax, "mean ± one standard deviation", "x", "count")
    fig.suptitle(name)
    return fig


def _quantile(name: str) -> Figure:
    x = skewed_sample(60)
    s = np.sort(x)
    fig, (ax,) = new_figure(1, width=6.0)
    ax.step(s, np.arange(1, s.size + 1) / s.size, where="post", color="0.6",
            label=f"empirical cdf of {s.size} draws")
    q = np.linspace(0.0, 1.0, 101)
    for b in BACKENDS:
        value = member(b, name)(x, q * 100 if name == "stats.percentile" else q)
        ax.plot(value, q, label=f"{b}: {name.split('.')[1]}s, median = "
                f"{np.interp(0.5, q, value):.5f}", **LINE[b])
    _finish(ax, "the quantile function: the cdf read backwards, linear between order "
            "statistics", "x", "q (the probability below)", loc="lower right", small_title=True)
    fig.suptitle(name)
    return fig


def _shape(name: str) -> Figure:
    rng = np.random.default_rng(0)
    samples = {"normal": rng.normal(size=500), "lognormal": rng.lognormal(0.0, 0.5, 500),
               "Student t, 3 dof": rng.standard_t(3, 500)}
    fig, axes = new_figure(3, width=3.4, height=3.2)
    for ax, (label, x) in zip(axes, samples.items()):
        ax.hist(x, bins=40, color="0.85")
        for b in BACKENDS:
            ax.plot([], [], label=f"{b}: {float(member(b, name)(x)):.4f}", **LINE[b])
        _finish(ax, label, "x", "count")
    what = "skewness (asymmetry)" if name == "stats.skew" else "excess kurtosis (tails)"
    fig.suptitle(f"{name}: the {what} of three samples")
    return fig


def correlated_sample(n: int = 200, seed: int = 0) -> np.ndarray:
    """n points of two correlated features (ρ = 0.8), one per row."""
    C = np.array([[1.0, 0.8], [0.8, 1.0]]) * np.array([[1.0], [1.5]]) * np.array([1.0, 1.5])
    return np.random.default_rng(seed).multivariate_normal([0.0, 1.0], C, n)


def _covariance(name: str) -> Figure:
    X = correlated_sample()
    fig, (ax,) = new_figure(1, width=5.2, height=4.6)
    ax.scatter(X[:, 0], X[:, 1], s=8, color="0.6", label=f"{len(X)} points")
    t = np.linspace(0.0, 2.0 * np.pi, 200)
    circle = np.stack([np.cos(t), np.sin(t)])
    centre = X.mean(axis=0)[:, None]
    for b in BACKENDS:
        C = np.asarray(member(b, name)(X.T))
        if name == "stats.corrcoef":  # the ellipse of the standardised features
            sd = X.std(axis=0, ddof=1)[:, None]
            text = f"r = {C[0, 1]:.5f}"
            C = C * sd * sd.T
        else:
            text = f"C = [[{C[0, 0]:.3f}, {C[0, 1]:.3f}], [{C[1, 0]:.3f}, {C[1, 1]:.3f}]]"
        w, V = np.linalg.eigh(C)
        ax.plot(*(centre + 2 * V @ (np.sqrt(w)[:, None] * circle)), label=f"{b}: {text}",
                **LINE[b])
    ax.set(aspect="equal")
    _finish(ax, "the ellipse (x − m)ᵀC⁻¹(x − m) = 4: two standard deviations around the "
            "mean m", "feature 1", "feature 2", loc="upper left", small_title=True)
    fig.suptitle(name)
    return fig


def _zscore(name: str) -> Figure:
    X = correlated_sample(60) * np.array([10.0, 1.0]) + np.array([50.0, 0.0])
    fig, (ax_x, ax_z) = new_figure(width=4.2)
    ax_x.scatter(X[:, 0], X[:, 1], s=12, color="0.4")
    ax_x.set(title="the data", xlabel="feature 1", ylabel="feature 2")
    ax_x.grid(alpha=0.3)
    for b in BACKENDS:
        Z = np.asarray(member(b, name)(X, axis=0))
        ax_z.scatter(Z[:, 0], Z[:, 1], label=b, **{**POINTS[b], "s": 24 if b == "mathml" else 12})
    _finish(ax_z, "z = (x − mean) / std, per column", "feature 1, z", "feature 2, z",
            loc="upper left")
    fig.suptitle(f"{name}(X, axis=0)")
    return fig


def _null_distribution(ax: Axes, density, statistic: float, pvalue: float, two_sided: bool,
                       backend: str, lo: float, hi: float) -> None:
    """The test's null density, its statistic and the tail(s) whose area is the p-value."""
    x = np.linspace(lo, hi, 400)
    if backend == BACKENDS[0]:
        ax.plot(x, density(x), color="k", linewidth=1, label="null density")
        tail = np.abs(x) >= abs(statistic) if two_sided else x >= statistic
        ax.fill_between(x, density(x), where=tail, color="C1", alpha=0.3,
                        label="p-value: the area beyond")
    ax.axvline(statistic, label=f"{backend}: statistic {statistic:.4f}, p = {pvalue:.5f}",
               **LINE[backend])
    if two_sided:
        ax.axvline(-statistic, **LINE[backend])


def _ttest(name: str) -> Figure:
    rng = np.random.default_rng(3)
    a = rng.normal(0.5, 1.0, 20)
    b_sample = rng.normal(0.0, 1.0, 25)
    fig, (ax_s, ax_t) = new_figure(width=4.6)
    if name == "stats.ttest_1samp":
        args: tuple = (a, 0.0)
        ax_s.hist(a, bins=10, color="0.8", label=f"{a.size} draws")
        ax_s.axvline(0.0, color="k", linewidth=0.8, label="μ₀ = 0")
        what = "is the mean 0?"
    else:
        args = (a, b_sample)
        ax_s.hist([a, b_sample], bins=10, color=["0.5", "0.8"],
                  label=[f"a: {a.size} draws", f"b: {b_sample.size} draws"])
        what = "have a and b the same mean?"
    _finish(ax_s, "the sample" + ("s" if name == "stats.ttest_ind" else ""), "x", "count")
    for b in BACKENDS:
        r = member(b, name)(*args)
        _null_distribution(ax_t, _t_density(float(r.df)), float(r.statistic), float(r.pvalue),
                           True, b, -4.5, 4.5)
    _finish(ax_t, f"Student's t with {float(r.df):.4g} degrees of freedom", "t", "density",
            loc="upper left")
    fig.suptitle(f"{name}: {what}")
    return fig


def _t_density(df: float):
    """Student's t density with `df` degrees of freedom (for the picture only)."""
    from math import gamma, pi, sqrt
    c = gamma((df + 1) / 2) / (sqrt(df * pi) * gamma(df / 2))
    return lambda t: c * (1 + t * t / df) ** (-(df + 1) / 2)


def _chi2(name: str) -> Figure:
    table = np.array([[18, 32, 10], [30, 25, 25]])
    fig, (ax_t, ax_c) = new_figure(width=4.6)
    ax_t.imshow(table, cmap="Blues")
    for (i, j), v in np.ndenumerate(table):
        ax_t.text(j, i, str(v), ha="center", va="center")
    ax_t.set(title="observed counts", xlabel="column (category of B)",
             ylabel="row (category of A)", xticks=range(3), yticks=range(2))
    for b in BACKENDS:
        r = member(b, name)(table)
        density = member(b, "stats.gamma")(a=r.dof / 2, scale=2.0).pdf  # χ²(k) = Γ(k/2, 2)
        _null_distribution(ax_c, density, float(r.statistic), float(r.pvalue), False, b,
                           0.0, 16.0)
    _finish(ax_c, f"χ² with {r.dof} degrees of freedom", "χ²", "density")
    fig.suptitle(f"{name}: are rows and columns independent?")
    return fig


FIGURES.update({"stats.mean": _centre, "stats.median": _centre, "stats.mode": _centre,
                "stats.var": _spread, "stats.std": _spread,
                "stats.quantile": _quantile, "stats.percentile": _quantile,
                "stats.skew": _shape, "stats.kurtosis": _shape,
                "stats.cov": _covariance, "stats.corrcoef": _covariance,
                "stats.zscore": _zscore,
                "stats.ttest_1samp": _ttest, "stats.ttest_ind": _ttest,
                "stats.chi2_contingency": _chi2})
