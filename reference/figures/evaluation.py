"""Pictures of fitted models and their evaluation, from both backends: PCA's explained
variance and projected data, learning curves with their bands, cross-validation splits and
scores, confusion matrices, ROC curves, silhouettes, regularisation paths, generated
datasets and histograms."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from ._common import BACKENDS, LINE, POINTS, Hook, member, new_figure
from .clustering import blobs
from .estimators import moons

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

FIGURES: dict[str, Hook] = {}


def _finish(ax: Axes, title: str, xlabel: str, ylabel: str, legend: bool = True) -> None:
    ax.set(title=title, xlabel=xlabel, ylabel=ylabel)
    if legend:
        ax.legend(fontsize="small")
    ax.grid(alpha=0.3)


def factor_data(n: int = 150, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Five correlated features driven by two hidden factors, in three groups: nearly all
    the variance lies in a plane."""
    rng = np.random.default_rng(seed)
    group = np.arange(n) % 3
    factors = np.array([[0.0, 0.0], [3.0, 1.0], [1.0, 3.5]])[group] + rng.normal(0, 0.7, (n, 2))
    loadings = rng.normal(0, 1, (2, 5))
    return factors @ loadings + rng.normal(0, 0.3, (n, 5)), group


def _pca(name: str) -> Figure:
    X, group = factor_data()
    fig, (ax_v, ax_p) = new_figure()
    k = np.arange(1, X.shape[1] + 1)
    for offset, b in zip((-0.2, 0.2), BACKENDS):
        pca = member(b, name)().fit(X)
        ax_v.bar(k + offset, pca.explained_variance_ratio_, width=0.4,
                 color=LINE[b]["color"], alpha=0.7, label=f"{b}: ratio")
        ax_v.plot(k, np.cumsum(pca.explained_variance_ratio_), marker=".",
                  label=f"{b}: cumulative", **LINE[b])
        Z = pca.transform(X)[:, :2]
        ax_p.scatter(Z[:, 0], Z[:, 1], label=b, **{**POINTS[b], "s": 20 if b == "mathml" else 12})
    _finish(ax_v, "explained variance ratio", "component", "fraction of the variance")
    _finish(ax_p, "the data projected on the first two components", "component 1",
            "component 2")
    fig.suptitle(f"{name} of 150 points in ℝ⁵ (a component's sign is arbitrary: a flip "
                 "mirrors the projection)", fontsize="medium")
    return fig


def _learning_curve(name: str) -> Figure:
    X, y = moons(200, noise=0.3)
    fig, (ax_t, ax_v) = new_figure()
    for b in BACKENDS:
        model = member(b, "tree.DecisionTreeClassifier")(max_depth=4, random_state=0)
        sizes, train, valid = member(b, name)(model, X, y, cv=5)
        for ax, scores in ((ax_t, train), (ax_v, valid)):
            mean, std = scores.mean(axis=1), scores.std(axis=1)
            ax.plot(sizes, mean, marker="o", label=f"{b}: mean ± std", **LINE[b])
            ax.fill_between(sizes, mean - std, mean + std, color=LINE[b]["color"], alpha=0.15)
    _finish(ax_t, "training score", "training examples", "accuracy")
    _finish(ax_v, "cross-validation score (5 folds)", "training examples", "accuracy")
    fig.suptitle(f"{name} of DecisionTreeClassifier(max_depth=4) on 200 points")
    return fig


def _cross_val_score(name: str) -> Figure:
    X, y = moons(200, noise=0.3)
    fig, (ax,) = new_figure(1, width=5.4)
    folds = np.arange(1, 6)
    for offset, b in zip((-0.2, 0.2), BACKENDS):
        model = member(b, "linear_model.LogisticRegression")()
        scores = member(b, name)(model, X, y, cv=5)
        ax.bar(folds + offset, scores, width=0.4, color=LINE[b]["color"], alpha=0.7,
               label=f"{b}: mean {scores.mean():.3f}")
    _finish(ax, "accuracy on each held-out fold", "fold", "accuracy")
    ax.set_ylim(0.5, 1.0)
    fig.suptitle(f"{name}(LogisticRegression(), X, y, cv=5)")
    return fig


#: 20 samples, classes unbalanced and in order (12 of class 0, then 8 of class 1)
Y_SPLIT = np.r_[np.zeros(12, int), np.ones(8, int)]


def _splitter(name: str) -> Figure:
    fig, axes = new_figure(2, width=4.4, height=3.0)
    X = np.zeros((len(Y_SPLIT), 1))
    for ax, b in zip(axes, BACKENDS):
        splitter = member(b, name)(n_splits=4)
        for row, (_, test) in enumerate(splitter.split(X, Y_SPLIT)):
            is_test = np.isin(np.arange(len(X)), test)
            ax.scatter(np.arange(len(X)), np.full(len(X), row), marker="s", s=60,
                       c=np.where(is_test, "C3", "C0"))
        ax.scatter(np.arange(len(X)), np.full(len(X), 4.3), marker="s", s=60,
                   c=np.where(Y_SPLIT == 1, "0.2", "0.8"))
        ax.set_yticks(range(5), [f"split {i + 1}" for i in range(4)] + ["class"])
        ax.set_ylim(4.8, -0.6)
        ax.set(title=f"{b}: test samples in red", xlabel="sample index", ylabel="split")
    fig.suptitle(f"{name}(n_splits=4) of 20 samples (12 of class 0, then 8 of class 1)")
    return fig


def _train_test_split(name: str) -> Figure:
    X = blobs()
    fig, axes = new_figure(2, width=4.0)
    for ax, b in zip(axes, BACKENDS):
        train, test = member(b, name)(X, test_size=0.25, random_state=0)
        ax.scatter(train[:, 0], train[:, 1], s=14, color="C0", label=f"train ({len(train)})")
        ax.scatter(test[:, 0], test[:, 1], s=30, marker="x", color="C3",
                   label=f"test ({len(test)})")
        _finish(ax, b, "x₁", "x₂")
    fig.suptitle(f"{name}(X, test_size=0.25, random_state=0)")
    return fig


def _confusion_matrix(name: str) -> Figure:
    rng = np.random.default_rng(0)
    y_true = np.arange(60) % 3
    y_pred = np.where(rng.uniform(size=60) < 0.75, y_true, rng.integers(0, 3, 60))
    fig, axes = new_figure(2, width=3.8)
    for ax, b in zip(axes, BACKENDS):
        C = np.asarray(member(b, name)(y_true, y_pred))
        ax.imshow(C, cmap="Blues")
        for (i, j), count in np.ndenumerate(C):
            ax.text(j, i, str(count), ha="center", va="center",
                    color="white" if count > C.max() / 2 else "black")
        ax.set_xticks(range(3))
        ax.set_yticks(range(3))
        ax.set(title=b, xlabel="predicted class", ylabel="true class")
    fig.suptitle(f"{name} of 60 predictions of three classes")
    return fig


def _scores(seed: int = 0, n: int = 80) -> tuple[np.ndarray, np.ndarray]:
    """Labels and a classifier's scores that separate them imperfectly."""
    rng = np.random.default_rng(seed)
    y = np.arange(n) % 2
    return y, y + rng.normal(0, 0.8, n)


def _roc(name: str) -> Figure:
    y, score = _scores()
    fig, (ax,) = new_figure(1, width=5.0, height=4.4)
    for b in BACKENDS:
        fpr, tpr, _ = member(b, "metrics.roc_curve")(y, score)
        auc = member(b, "metrics.roc_auc_score")(y, score)
        ax.plot(fpr, tpr, drawstyle="steps-post", label=f"{b}: AUC = {auc:.4f}", **LINE[b])
        if name == "metrics.roc_auc_score" and b == "reference":
            ax.fill_between(fpr, tpr, step="post", color="0.85", label="the area")
    ax.plot([0, 1], [0, 1], color="0.6", linewidth=0.8, linestyle=":")
    _finish(ax, "ROC curve of 80 scores", "false positive rate", "true positive rate")
    fig.suptitle(name)
    return fig


def _silhouette(name: str) -> Figure:
    X = blobs()
    labels = np.repeat(np.arange(3), 30)
    fig, axes = new_figure(2, width=4.0)
    for ax, b in zip(axes, BACKENDS):
        s = np.asarray(member(b, name)(X, labels))
        bottom = 0
        for k in range(3):
            values = np.sort(s[labels == k])
            ax.fill_betweenx(np.arange(bottom, bottom + len(values)), 0, values,
                             color=f"C{k}", label=f"cluster {k}")
            bottom += len(values) + 3
        ax.axvline(s.mean(), color="k", linestyle=":", label=f"mean {s.mean():.3f}")
        ax.set_xlim(min(-0.1, s.min() - 0.05), 1.3)  # room on the right for the legend
        _finish(ax, b, "silhouette s(i)", "samples, sorted in each cluster", legend=False)
        ax.legend(fontsize="small", loc="center right")
    fig.suptitle(f"{name} of three blobs")
    return fig


def path_data(seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = rng.normal(0, 1, (50, 5))
    return X, X @ np.array([3.0, -2.0, 0.0, 1.0, 0.5]) + rng.normal(0, 0.5, 50)


def _path(name: str) -> Figure:
    X, y = path_data()
    alphas = np.logspace(-2, 0.6, 40)
    fig, (ax,) = new_figure(1, width=6.4)
    for b in BACKENDS:
        got_alphas, coefs, _ = member(b, name)(X, y, alphas=alphas)
        for j, coef in enumerate(coefs):
            ax.plot(got_alphas, coef, label=b if j == 0 else None,
                    **{**LINE[b], "color": f"C{j}", "alpha": 1.0 if b == "mathml" else 0.9,
                       "linewidth": 2.4 if b == "mathml" else 1.2,
                       "linestyle": "-" if b == "mathml" else "--"})
    ax.set_xscale("log")
    _finish(ax, "each coefficient as the penalty grows (solid mathml, dashed reference)",
            "alpha", "coefficient")
    ax.title.set_fontsize("small")
    fig.suptitle(f"{name}: 50 samples, true coefficients (3, −2, 0, 1, 0.5)")
    return fig


#: generator → keyword arguments
GENERATORS: dict[str, dict[str, Any]] = {
    "datasets.make_blobs": {"n_samples": 150, "centers": 3, "random_state": 0},
    "datasets.make_classification": {"n_samples": 150, "n_features": 2, "n_informative": 2,
                                     "n_redundant": 0, "n_clusters_per_class": 1,
                                     "random_state": 0},
    "datasets.make_regression": {"n_samples": 100, "n_features": 1, "noise": 10.0,
                                 "random_state": 0},
}


def _generator(name: str) -> Figure:
    params = GENERATORS[name]
    fig, axes = new_figure(2, width=4.0)
    for ax, b in zip(axes, BACKENDS):
        X, y = member(b, name)(**params)
        if name == "datasets.make_regression":
            ax.scatter(X[:, 0], y, s=12)
            _finish(ax, b, "x", "y", legend=False)
        else:
            for k in np.unique(y):
                ax.scatter(X[y == k][:, 0], X[y == k][:, 1], s=12, color=f"C{k}",
                           label=f"class {k}")
            _finish(ax, b, "x₁", "x₂")
    fig.suptitle(f"{name}({', '.join(f'{k}={v!r}' for k, v in params.items())})",
                 fontsize="medium")
    return fig


def _histogram(name: str) -> Figure:
    sample = np.random.default_rng(0).normal(0, 1, 500)
    fig, (ax,) = new_figure(1, width=5.4)
    for b in BACKENDS:
        counts, edges = member(b, name)(sample, bins=15)
        ax.stairs(counts, edges, label=b, **LINE[b])
    _finish(ax, "counts in 15 equal bins of 500 normal variates", "x", "count")
    fig.suptitle(name)
    return fig


def _threshold_scores(name: str) -> Figure:
    """A classification score of `score > t` against the threshold t."""
    y, score = _scores()
    t = np.linspace(-1.5, 2.5, 81)
    fig, (ax_s, ax_m) = new_figure(width=4.6)
    for k in (0, 1):
        ax_s.hist(score[y == k], bins=np.linspace(-2.5, 3.5, 25), alpha=0.5, color=f"C{k + 1}",
                  label=f"class {k}")
    _finish(ax_s, "the classifier's scores", "score", "count")
    for b in BACKENDS:
        metric = member(b, name)
        values = [float(metric(y, (score > ti).astype(int))) for ti in t]
        best = int(np.argmax(values))
        ax_m.plot(t, values, label=f"{b}: best {values[best]:.4f} at t = {t[best]:.2f}",
                  **LINE[b])
    _finish(ax_m, "predict 1 where score > t", "threshold t", name.split(".")[1])
    fig.suptitle(f"{name} of the predictions at each threshold (80 labels)")
    return fig


def _regression_error(name: str) -> Figure:
    """A regression metric of the predictions a·x against the slope a: the loss's shape."""
    rng = np.random.default_rng(0)
    x = rng.uniform(0, 3, 30)
    y = 1.5 * x + rng.normal(0, 0.4, 30)
    y[np.argmax(x)] += 4.0  # one outlier: MSE follows it more than MAE does
    slopes = np.linspace(0.5, 2.5, 201)
    fig, (ax_d, ax_m) = new_figure(width=4.6)
    ax_d.scatter(x, y, s=12, color="0.4", label="30 points, one outlier")
    _finish(ax_d, "the data", "x", "y")
    for b in BACKENDS:
        metric = member(b, name)
        values = np.array([float(metric(y, a * x)) for a in slopes])
        best = int(np.argmax(values) if name == "metrics.r2_score" else np.argmin(values))
        ax_m.plot(slopes, values, label=f"{b}: best a = {slopes[best]:.2f}", **LINE[b])
        ax_d.plot(x, slopes[best] * x, linewidth=1, color=LINE[b]["color"],
                  linestyle=LINE[b]["linestyle"], label=f"{b}: the best line")
    ax_d.legend(fontsize="small")
    _finish(ax_m, "the predictions ŷ = a·x for each slope a", "slope a", name.split(".")[1])
    fig.suptitle(f"{name}(y, a·x): the shape of the loss")
    return fig


def _log_loss(name: str) -> Figure:
    """The log loss of a constant prediction p when 30 % of the labels are 1: least at 0.3."""
    y = (np.arange(100) < 30).astype(int)
    p = np.linspace(0.02, 0.98, 97)
    fig, (ax,) = new_figure(1, width=6.0)
    for b in BACKENDS:
        values = np.array([float(member(b, name)(y, np.full(y.size, pi), labels=[0, 1]))
                           for pi in p])
        ax.plot(p, values, label=f"{b}: least {values.min():.4f} at p = {p[np.argmin(values)]:.2f}",
                **LINE[b])
    ax.axvline(0.3, color="0.5", linewidth=0.8, label="the share of 1s: 0.3")
    _finish(ax, "every sample predicted P(1) = p, 30 of 100 labels 1", "p", "log loss")
    fig.suptitle(f"{name}: the right probability scores best")
    return fig


def _cluster_quality(name: str) -> Figure:
    """A clustering score of k-means' labels for k = 2..7 on three blobs."""
    from sklearn.cluster import KMeans
    X = blobs()
    ks = list(range(2, 8))
    labels = [KMeans(k, n_init=4, random_state=0).fit_predict(X) for k in ks]
    fig, (ax,) = new_figure(1, width=5.6)
    for b in BACKENDS:
        values = [float(member(b, name)(X, lab)) for lab in labels]
        ax.plot(ks, values, marker="o", label=b, **LINE[b])
    better = "lower" if name == "metrics.davies_bouldin_score" else "higher"
    _finish(ax, f"three blobs clustered by k-means into k clusters ({better} is better)",
            "k", name.split(".")[1])
    ax.title.set_fontsize("small")
    fig.suptitle(f"{name}: choosing the number of clusters")
    return fig


def _agreement(name: str) -> Figure:
    """Adjusted Rand index between the true labels and labels with a share of them shuffled."""
    rng = np.random.default_rng(0)
    truth = np.repeat(np.arange(3), 40)
    shares = np.linspace(0.0, 1.0, 21)
    fig, (ax,) = new_figure(1, width=5.6)
    noisy = []
    for share in shares:
        labels = truth.copy()
        pick = rng.uniform(size=truth.size) < share
        labels[pick] = rng.integers(0, 3, pick.sum())
        noisy.append(labels)
    for b in BACKENDS:
        ax.plot(shares, [float(member(b, name)(truth, lab)) for lab in noisy], marker="o",
                markersize=3, label=b, **LINE[b])
    ax.axhline(0.0, color="0.5", linewidth=0.8)
    _finish(ax, "1 for the same partition, ≈ 0 for a random one", "share of labels redrawn",
            "ARI")
    fig.suptitle(f"{name}: 120 labels, some redrawn")
    return fig


FIGURES.update({
    "metrics.accuracy_score": _threshold_scores, "metrics.precision_score": _threshold_scores,
    "metrics.recall_score": _threshold_scores, "metrics.f1_score": _threshold_scores,
    "metrics.mean_squared_error": _regression_error,
    "metrics.mean_absolute_error": _regression_error, "metrics.r2_score": _regression_error,
    "metrics.log_loss": _log_loss, "metrics.silhouette_score": _cluster_quality,
    "metrics.calinski_harabasz_score": _cluster_quality,
    "metrics.davies_bouldin_score": _cluster_quality, "metrics.adjusted_rand_score": _agreement})

FIGURES.update({
    "decomposition.PCA": _pca, "model_selection.learning_curve": _learning_curve,
    "model_selection.cross_val_score": _cross_val_score,
    "model_selection.KFold": _splitter, "model_selection.StratifiedKFold": _splitter,
    "model_selection.train_test_split": _train_test_split,
    "metrics.confusion_matrix": _confusion_matrix, "metrics.roc_curve": _roc,
    "metrics.roc_auc_score": _roc, "metrics.silhouette_samples": _silhouette,
    "linear_model.lasso_path": _path, "linear_model.enet_path": _path,
    "stats.histogram": _histogram})
for concept in GENERATORS:
    FIGURES[concept] = _generator


#: pairwise function → keyword arguments
PAIRWISE: dict[str, dict[str, Any]] = {
    "metrics.pairwise.euclidean_distances": {},
    "metrics.pairwise.manhattan_distances": {},
    "metrics.pairwise.cosine_similarity": {},
    "metrics.pairwise.linear_kernel": {},
    "metrics.pairwise.polynomial_kernel": {"degree": 2},
    "metrics.pairwise.rbf_kernel": {"gamma": 0.2},
    "metrics.pairwise.sigmoid_kernel": {"gamma": 0.05},
    "metrics.pairwise.pairwise_distances": {"metric": "euclidean"},
    "metrics.pairwise.pairwise_kernels": {"metric": "rbf", "gamma": 0.2},
}


def _pairwise(name: str) -> Figure:
    X = blobs(30)  # ten points of each blob, in order: the blocks are the clusters
    params = PAIRWISE[name]
    fig, axes = new_figure(2, width=3.9)
    matrices = {b: np.asarray(member(b, name)(X, **params)) for b in BACKENDS}
    lo, hi = min(m.min() for m in matrices.values()), max(m.max() for m in matrices.values())
    for ax, (b, M) in zip(axes, matrices.items()):
        ax.imshow(M, cmap="viridis", vmin=lo, vmax=hi)
        ax.set(title=b, xlabel="point j", ylabel="point i")
    worst = float(np.max(np.abs(matrices["mathml"] - matrices["reference"])))
    args = "".join(f", {k}={v!r}" for k, v in params.items())
    fig.suptitle(f"{name}(X{args}) of three blobs of 10 points\nvalues {lo:.3g} (dark) "
                 f"to {hi:.3g} (light); largest difference {worst:.2g}", fontsize="medium")
    return fig


def _correlation(name: str) -> Figure:
    rng = np.random.default_rng(0)
    x = rng.uniform(0, 3, 60)
    y = np.exp(x) + rng.normal(0, 1.5, 60)  # monotone, far from a line
    fig, (ax,) = new_figure(1, width=5.4)
    ax.scatter(x, y, s=14, color="0.4", label="y = eˣ + noise")
    for b in BACKENDS:
        r = member(b, name)(x, y)
        ax.plot([], [], label=f"{b}: statistic {r.statistic:.6f}, p-value {r.pvalue:.2g}",
                **LINE[b])
    kind = "Pearson (linear)" if name == "stats.pearsonr" else "Spearman (rank)"
    _finish(ax, f"{kind} correlation of 60 points", "x", "y")
    fig.suptitle(name)
    return fig


for concept in PAIRWISE:
    FIGURES[concept] = _pairwise
FIGURES.update({"stats.pearsonr": _correlation, "stats.spearmanr": _correlation})
