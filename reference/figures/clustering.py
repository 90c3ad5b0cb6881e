"""Clusterings from both backends side by side on small fixed data (blobs; moons with
noise for DBSCAN), k-means' inertia per iteration, k-means++'s chosen centres, and the
dendrogram of a hierarchical clustering drawn from each backend's linkage matrix Z."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from ._common import BACKENDS, LINE, Hook, member, new_figure
from .estimators import moons

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

FIGURES: dict[str, Hook] = {}

CENTRES = np.array([[0.0, 0.0], [4.0, 1.0], [1.5, 4.0]])


def blobs(n: int = 90, seed: int = 0) -> np.ndarray:
    """Three round clusters of n/3 points around `CENTRES`."""
    rng = np.random.default_rng(seed)
    return np.repeat(CENTRES, n // 3, axis=0) + rng.normal(0, 0.8, (n // 3 * 3, 2))


def noisy_moons() -> np.ndarray:
    """The moons of `estimators.moons` and ten scattered points of noise."""
    X, _ = moons(120, noise=0.1)
    return np.vstack([X, np.random.default_rng(1).uniform(1.0, 4.8, (10, 2))])


def _matched(labels: np.ndarray, to: np.ndarray) -> np.ndarray:
    """`labels` renamed so that each cluster takes the label of `to` most of its points
    have (noise, −1, stays −1): cluster numbers are arbitrary, the partition is not."""
    out = labels.copy()
    for k in np.unique(labels[labels >= 0]):
        values, counts = np.unique(to[labels == k], return_counts=True)
        out[labels == k] = values[np.argmax(counts)]
    return out


def _scatter_labels(ax: Axes, X: np.ndarray, labels: np.ndarray) -> None:
    for k in np.unique(labels):
        style: dict[str, Any] = {"color": "0.6", "marker": "x", "label": "noise"} if k < 0 \
            else {"color": f"C{k % 10}", "marker": "o", "label": f"cluster {k}"}
        ax.scatter(X[labels == k][:, 0], X[labels == k][:, 1], s=16, **style)
    ax.set(xlabel="x₁", ylabel="x₂")
    ax.legend(fontsize="x-small", loc="upper left")


#: clusterer → (hyperparameters, data)
CLUSTERERS: dict[str, tuple[dict[str, Any], Any]] = {
    "cluster.KMeans": ({"n_clusters": 3, "n_init": 1, "random_state": 0}, blobs),
    "cluster.DBSCAN": ({"eps": 0.3, "min_samples": 5}, noisy_moons),
    "cluster.AgglomerativeClustering": ({"n_clusters": 3, "linkage": "ward"}, blobs),
    "mixture.GaussianMixture": ({"n_components": 3, "random_state": 0}, blobs),
}


def _labels(model: Any, X: np.ndarray) -> np.ndarray:
    return np.asarray(model.fit_predict(X) if hasattr(model, "fit_predict")
                      else model.fit(X).predict(X))


def _clusterer(name: str) -> Figure:
    params, data = CLUSTERERS[name]
    X = data()
    labels = {b: _labels(member(b, name)(**params), X) for b in BACKENDS}
    labels["mathml"] = _matched(labels["mathml"], labels["reference"])
    kmeans = name == "cluster.KMeans"
    fig, axes = new_figure(3 if kmeans else 2, width=4.0)
    for ax, b in zip(axes, BACKENDS):
        _scatter_labels(ax, X, labels[b])
        ax.set_title(f"{b}: {len(set(labels[b]) - {-1})} clusters")
    if kmeans:
        _inertia(axes[2], X)
    same = int(np.sum(labels["mathml"] == labels["reference"]))
    params_text = ", ".join(f"{k}={v!r}" for k, v in params.items())
    fig.suptitle(f"{name}({params_text})\nthe two partitions agree on {same} of {len(X)} "
                 "points (cluster numbers matched)", fontsize="medium")
    return fig


def _inertia(ax: Axes, X: np.ndarray) -> None:
    """Lloyd's iterations from one fixed start: the inertia after 1, 2, … iterations."""
    start = X[[0, 1, 2]]  # three points of the first cluster: a poor start, a visible descent
    iterations = np.arange(1, 9)
    for b in BACKENDS:
        inertia = [member(b, "cluster.KMeans")(n_clusters=3, init=start, n_init=1,
                                                max_iter=int(i), tol=0.0).fit(X).inertia_
                   for i in iterations]
        ax.plot(iterations, inertia, marker=".", label=b, **LINE[b])
    ax.set(title="inertia after each iteration (one start)", xlabel="iteration",
           ylabel="inertia")
    ax.legend()
    ax.grid(alpha=0.3)


def _kmeans_plusplus(name: str) -> Figure:
    X = blobs()
    fig, (ax,) = new_figure(1, width=5.2)
    ax.scatter(X[:, 0], X[:, 1], s=10, color="0.6", label="data")
    for b, marker in zip(BACKENDS, ("o", "X")):
        centres, _ = member(b, name)(X, 3, random_state=0)
        ax.scatter(centres[:, 0], centres[:, 1], s=140, marker=marker,
                   facecolors="none" if b == "mathml" else LINE[b]["color"],
                   edgecolors=LINE[b]["color"], linewidths=2, label=f"{b}: chosen centres")
    ax.set(title="three centres seeded by k-means++ (random_state=0)", xlabel="x₁",
           ylabel="x₂")
    ax.legend(fontsize="small")
    fig.suptitle(name)
    return fig


POINTS_12 = blobs(12, seed=3)


def dendrogram(ax: Axes, Z: np.ndarray, **style: Any) -> None:
    """Draw the dendrogram of the linkage matrix `Z` (SciPy's layout: leaves at x = 5, 15,
    25, …, in the order a depth-first walk of the tree meets them, each merge a ∩ at its
    distance)."""
    n = len(Z) + 1
    order: list[int] = []

    def walk(node: int) -> None:
        if node < n:
            order.append(node)
        else:
            walk(int(Z[node - n, 0]))
            walk(int(Z[node - n, 1]))

    walk(2 * n - 2)
    x = {leaf: 10.0 * i + 5 for i, leaf in enumerate(order)}
    height = dict.fromkeys(range(n), 0.0)
    for i, (a, b, distance, _) in enumerate(Z):
        a, b = int(a), int(b)
        ax.plot([x[a], x[a], x[b], x[b]], [height[a], distance, distance, height[b]], **style)
        x[n + i], height[n + i] = (x[a] + x[b]) / 2, distance
    ax.set_xticks([x[leaf] for leaf in order], [str(leaf) for leaf in order])


def _linkage(name: str) -> Figure:
    fig, axes = new_figure(2, width=4.4)
    for ax, b in zip(axes, BACKENDS):
        Z = member(b, name)(POINTS_12, method="ward")
        dendrogram(ax, Z, color=LINE[b]["color"], linewidth=1.5)
        ax.set(title=f"{b}: dendrogram of its Z", xlabel="point", ylabel="merge distance")
    fig.suptitle(f"{name}(X, method='ward') of 12 points")
    return fig


def _fcluster(name: str) -> Figure:
    X = blobs()
    fig, axes = new_figure(2, width=4.0)
    labels = {b: np.asarray(member(b, name)(member(b, "cluster.linkage")(X, method="ward"),
                                            t=3, criterion="maxclust")) for b in BACKENDS}
    for ax, b in zip(axes, BACKENDS):
        _scatter_labels(ax, X, labels[b])
        ax.set_title(f"{b}: flat clusters")
    fig.suptitle(f"{name}(linkage(X, 'ward'), t=3, criterion='maxclust')")
    return fig


for concept in CLUSTERERS:
    FIGURES[concept] = _clusterer
FIGURES.update({"cluster.kmeans_plusplus": _kmeans_plusplus, "cluster.linkage": _linkage,
                "cluster.fcluster": _fcluster})
