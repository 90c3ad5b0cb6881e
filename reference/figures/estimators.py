"""Estimators from both backends on one small fixed dataset: each classifier's decision
regions (mathml's and reference's side by side, and how many grid points they classify
differently), each regressor's fitted curve over the data, and where a model records one,
its loss per iteration (an MLP's ``loss_curve_``, boosting's ``train_score_``)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from ._common import BACKENDS, LINE, Hook, member, new_figure

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

FIGURES: dict[str, Hook] = {}


def moons(n: int = 100, noise: float = 0.2, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaved half-circles (class 0 above, class 1 below), moved into the
    positive quadrant so that every classifier, multinomial naive Bayes included, takes
    them."""
    rng = np.random.default_rng(seed)
    y = np.arange(n) % 2
    t = rng.uniform(0, np.pi, n)
    X = np.c_[np.cos(t) + y, np.where(y == 0, np.sin(t), 0.4 - np.sin(t))]
    return X + rng.normal(0, noise, (n, 2)) + 2.5, y


#: the hyperparameters drawn: small models, fixed seeds
CLASSIFIERS: dict[str, dict[str, Any]] = {
    "linear_model.LogisticRegression": {},
    "linear_model.SGDClassifier": {"random_state": 0},
    "naive_bayes.GaussianNB": {},
    "naive_bayes.MultinomialNB": {},
    "naive_bayes.BernoulliNB": {"binarize": 3.0},
    "neighbors.KNeighborsClassifier": {"n_neighbors": 5},
    "tree.DecisionTreeClassifier": {"max_depth": 5, "random_state": 0},
    "ensemble.RandomForestClassifier": {"n_estimators": 25, "max_depth": 5, "random_state": 0},
    "ensemble.GradientBoostingClassifier": {"n_estimators": 40, "max_depth": 2,
                                            "random_state": 0},
    "ensemble.AdaBoostClassifier": {"n_estimators": 30, "random_state": 0},
    "svm.SVC": {"C": 1.0, "gamma": 1.0},
    "neural_network.MLPClassifier": {"hidden_layer_sizes": (16,), "learning_rate_init": 0.02,
                                     "max_iter": 400, "random_state": 0},
}


def _describe(params: dict[str, Any]) -> str:
    return ", ".join(f"{k}={v!r}" for k, v in params.items())


def _history(model: Any) -> tuple[np.ndarray, str] | None:
    """The model's loss per iteration, where it records one."""
    if hasattr(model, "loss_curve_"):
        return np.asarray(model.loss_curve_), "epoch"
    if hasattr(model, "train_score_"):
        return np.asarray(model.train_score_), "boosting stage"
    return None


def _plot_history(ax: Axes, histories: dict[str, tuple[np.ndarray, str]]) -> None:
    for b, (loss, unit) in histories.items():
        ax.plot(np.arange(1, len(loss) + 1), loss, label=b, **LINE[b])
        ax.set(title="training loss per iteration", xlabel=unit, ylabel="loss")
    ax.legend()
    ax.grid(alpha=0.3)


def _classifier(name: str) -> Figure:
    params = CLASSIFIERS[name]
    X, y = moons()
    g1, g2 = np.linspace(1.0, 5.0, 101), np.linspace(1.2, 4.4, 81)
    grid = np.stack(np.meshgrid(g1, g2), axis=-1).reshape(-1, 2)
    models = {b: member(b, name)(**params).fit(X, y) for b in BACKENDS}
    histories = {b: h for b, m in models.items() if (h := _history(m)) is not None}
    fig, axes = new_figure(3 if histories else 2, width=4.0)
    predicted = {}
    for ax, (b, model) in zip(axes, models.items()):
        predicted[b] = model.predict(grid).reshape(len(g2), len(g1))
        ax.contourf(g1, g2, predicted[b], levels=[-0.5, 0.5, 1.5], colors=["C0", "C1"],
                    alpha=0.25)
        ax.contour(g1, g2, predicted[b], levels=[0.5], colors="k", linewidths=1)
        for k, marker in ((0, "o"), (1, "s")):
            ax.scatter(X[y == k][:, 0], X[y == k][:, 1], c=f"C{k}", marker=marker, s=14,
                       edgecolors="k", linewidths=0.3, label=f"class {k}")
        ax.set(title=f"{b}: training accuracy {model.score(X, y):.2f}", xlabel="x₁",
               ylabel="x₂")
        ax.legend(fontsize="small", loc="upper right")
    if histories:
        _plot_history(axes[2], histories)
    differ = int(np.sum(predicted["mathml"] != predicted["reference"]))
    fig.suptitle(f"{name}({_describe(params)})\ndecision regions: the backends classify "
                 f"{differ} of {predicted['mathml'].size} grid points differently",
                 fontsize="medium")
    return fig


def line_data(seed: int = 0, n: int = 40) -> tuple[np.ndarray, np.ndarray]:
    """A noisy line, y = 1.5 x + 1 + noise, x ∈ [−2, 2]."""
    rng = np.random.default_rng(seed)
    x = np.sort(rng.uniform(-2, 2, n))
    return x[:, None], 1.5 * x + 1 + rng.normal(0, 0.6, n)


def wave_data(seed: int = 0, n: int = 80) -> tuple[np.ndarray, np.ndarray]:
    """A noisy wave, y = sin(2x) + x/2 + noise, x ∈ [−2.5, 2.5]: a curve a linear model
    cannot follow."""
    rng = np.random.default_rng(seed)
    x = np.sort(rng.uniform(-2.5, 2.5, n))
    return x[:, None], np.sin(2 * x) + x / 2 + rng.normal(0, 0.2, n)


#: regressor → (hyperparameters, dataset)
REGRESSORS: dict[str, tuple[dict[str, Any], Any]] = {
    "linear_model.LinearRegression": ({}, line_data),
    "linear_model.Ridge": ({"alpha": 10.0}, line_data),
    "linear_model.Lasso": ({"alpha": 0.5}, line_data),
    "linear_model.ElasticNet": ({"alpha": 0.5, "l1_ratio": 0.5}, line_data),
    "linear_model.GradientDescentRegressor": ({}, line_data),
    "linear_model.SGDRegressor": ({"random_state": 0}, line_data),
    "neighbors.KNeighborsRegressor": ({"n_neighbors": 5}, wave_data),
    "tree.DecisionTreeRegressor": ({"max_depth": 3, "random_state": 0}, wave_data),
    "ensemble.RandomForestRegressor": ({"n_estimators": 25, "max_depth": 4,
                                        "random_state": 0}, wave_data),
    "ensemble.GradientBoostingRegressor": ({"n_estimators": 50, "max_depth": 2,
                                            "random_state": 0}, wave_data),
    "svm.SVR": ({"C": 3.0, "gamma": 1.0}, wave_data),
    "kernel_ridge.KernelRidge": ({"alpha": 0.1, "kernel": "rbf", "gamma": 1.0}, wave_data),
    "neural_network.MLPRegressor": ({"hidden_layer_sizes": (32,), "learning_rate_init": 0.02,
                                     "max_iter": 500, "random_state": 0}, wave_data),
}


def _regressor(name: str) -> Figure:
    params, data = REGRESSORS[name]
    X, y = data()
    x = np.linspace(X.min(), X.max(), 300)[:, None]
    models = {b: member(b, name)(**params).fit(X, y) for b in BACKENDS}
    histories = {b: h for b, m in models.items() if (h := _history(m)) is not None}
    fig, axes = new_figure(2 if histories else 1, width=5.2)
    ax = axes[0]
    ax.scatter(X[:, 0], y, s=12, color="0.5", label="data")
    for b, model in models.items():
        ax.plot(x[:, 0], model.predict(x), label=f"{b}: R² = {model.score(X, y):.3f}",
                **LINE[b])
    ax.set(title="the fitted curve", xlabel="x", ylabel="y")
    ax.legend(fontsize="small")
    ax.grid(alpha=0.3)
    if histories:
        _plot_history(axes[1], histories)
    fig.suptitle(f"{name}({_describe(params)})", fontsize="medium")
    return fig


for concept in CLASSIFIERS:
    FIGURES[concept] = _classifier
for concept in REGRESSORS:
    FIGURES[concept] = _regressor
