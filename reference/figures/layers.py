"""Neural-network layers that are not images, and the k-d tree's query, from both backends:
an LSTM cell run over a sequence, dropout's mask, an embedding's lookup, a linear layer
acting on a cloud of points, and a query's nearest neighbours."""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ._common import BACKENDS, LINE, POINTS, Hook, member, new_figure

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

FIGURES: dict[str, Hook] = {}


def _finish(ax: Axes, title: str, xlabel: str, ylabel: str, legend: bool = True) -> None:
    ax.set(title=title, xlabel=xlabel, ylabel=ylabel)
    if legend:
        ax.legend(fontsize="x-small", loc="upper right")
    ax.grid(alpha=0.3)


def _lstm_cell(name: str) -> Figure:
    """The cell stepped over a sine wave: its hidden and cell states, step by step."""
    rng = np.random.default_rng(0)
    units, steps = 2, 80
    W, U, bias = (rng.uniform(-1, 1, s) for s in ((1, 4 * units), (units, 4 * units),
                                                  (4 * units,)))
    t = np.arange(steps)
    xs = np.sin(t / 6.0)[:, None, None]  # (steps, batch 1, 1 input)
    fig, (ax_h, ax_c) = new_figure(width=4.6)
    for b in BACKENDS:
        cell = member(b, name)
        h = c = np.zeros((1, units))
        hs, cs = [], []
        for x in xs:
            h, c = (np.asarray(v) for v in cell(x, h, c, W, U, bias))
            hs.append(h[0])
            cs.append(c[0])
        for k in range(units):
            style = {**LINE[b], "color": f"C{2 * k}" if b == "mathml" else f"C{2 * k + 1}"}
            ax_h.plot(t, [v[k] for v in hs], label=f"{b}: unit {k}", **style)
            ax_c.plot(t, [v[k] for v in cs], label=f"{b}: unit {k}", **style)
    ax_h.plot(t, xs[:, 0, 0], color="0.7", linewidth=0.8, label="input x_t = sin(t/6)")
    _finish(ax_h, "hidden state h_t = o ⊙ tanh(c_t)", "step t", "h")
    _finish(ax_c, "cell state c_t = f ⊙ c_(t−1) + i ⊙ g", "step t", "c")
    fig.suptitle(f"{name} stepped over a sequence of {steps} inputs, {units} units")
    return fig


def _dropout(name: str) -> Figure:
    rate = 0.3
    x = np.ones((12, 24))
    fig, axes = new_figure(width=4.4, height=2.8)
    for ax, b in zip(axes, BACKENDS):
        y = np.asarray(member(b, name)(x, rate, random_state=0))
        ax.imshow(y, cmap="Greys", vmin=0.0, vmax=1.0 / (1.0 - rate))
        kept = np.mean(y != 0)
        ax.set(title=f"{b}: {kept:.0%} kept, each scaled to {y.max():.4g}", xlabel="column",
               ylabel="row")
    fig.suptitle(f"{name}(ones, rate={rate}, random_state=0): zero a share `rate`, scale the "
                 f"rest by 1/(1 − rate)", fontsize="medium")
    return fig


def _embedding(name: str) -> Figure:
    rng = np.random.default_rng(0)
    E = rng.uniform(-1, 1, (8, 5))
    ids = np.array([[3, 1, 4, 1, 5, 2]])
    fig, axes = new_figure(3, width=3.2, height=3.2)
    axes[0].imshow(E, cmap="RdBu", vmin=-1, vmax=1)
    axes[0].set(title="the table: a row per word", xlabel="dimension", ylabel="word id")
    for ax, b in zip(axes[1:], BACKENDS):
        out = np.asarray(member(b, name)(ids, E))[0]
        ax.imshow(out, cmap="RdBu", vmin=-1, vmax=1)
        ax.set(title=f"{b}: rows {ids[0].tolist()}", xlabel="dimension",
               ylabel="position in the sentence")
    fig.suptitle(f"{name}: a sentence's ids look up their rows")
    return fig


def _linear(name: str) -> Figure:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(150, 2)) * np.array([1.0, 0.4])
    W = np.array([[1.0, 0.8], [-0.6, 1.2]])
    bias = np.array([2.0, -1.0])
    fig, (ax_x, ax_y) = new_figure(width=4.2)
    ax_x.scatter(x[:, 0], x[:, 1], s=8, color="0.4")
    _finish(ax_x, "inputs x", "x₁", "x₂", legend=False)
    for b in BACKENDS:
        y = np.asarray(member(b, name)(x, W, bias))
        ax_y.scatter(y[:, 0], y[:, 1], label=b, **{**POINTS[b], "s": 16 if b == "mathml" else 8})
    _finish(ax_y, "outputs x W + b", "y₁", "y₂")
    for ax in (ax_x, ax_y):
        ax.set_aspect("equal")
    fig.suptitle(f"{name}(x, W = {W.tolist()}, b = {bias.tolist()})")
    return fig


def _kdtree(name: str) -> Figure:
    X = np.random.default_rng(0).uniform(0, 1, (120, 2))
    q = np.array([[0.45, 0.55]])
    k = 7
    fig, (ax,) = new_figure(1, width=5.2, height=5.0)
    ax.scatter(X[:, 0], X[:, 1], s=8, color="0.6", label="120 points")
    ax.plot(*q[0], "*", color="k", markersize=10, label="the query")
    for b in BACKENDS:
        dist, ind = member(b, name)(X, leaf_size=10).query(q, k=k)
        ax.scatter(X[ind[0], 0], X[ind[0], 1], label=f"{b}: its {k} nearest", **POINTS[b])
        t = np.linspace(0, 2 * np.pi, 200)
        ax.plot(q[0, 0] + dist[0, -1] * np.cos(t), q[0, 1] + dist[0, -1] * np.sin(t),
                label=f"{b}: radius {dist[0, -1]:.5f}", **LINE[b])
    ax.set(aspect="equal", xlim=(0, 1), ylim=(0, 1))
    _finish(ax, "the k nearest neighbours, found by descending the tree", "x₁", "x₂")
    fig.suptitle(f"{name}(X, leaf_size=10).query(q, k={k})")
    return fig


FIGURES.update({"nn.lstm_cell": _lstm_cell, "nn.dropout": _dropout, "nn.embedding": _embedding,
                "nn.linear": _linear, "neighbors.KDTree": _kdtree})
