"""The workloads a learner would pick a from-scratch library for, timed against
scikit-learn in one run: ``python benchmarks/peers.py [--rounds 5] [--scale 1.0]``.

Each workload fits (and, where it is part of the job, predicts with) the same estimator of
both libraries on the same data. The two run alternately, round after round, on one BLAS
thread, and the table shows each side's median and their ratio (mathml / scikit-learn):
the interleaving puts both under the same load, so the ratio is fair even on a busy
machine where the absolute times are not. Nothing here is a test; `docs/benchmarks.md`
keeps the table.
"""
from __future__ import annotations

import argparse
import statistics
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from threadpoolctl import threadpool_limits

import mathml.cluster
import mathml.decomposition
import mathml.linear_model
import mathml.naive_bayes
import mathml.neighbors
import mathml.neural_network
import mathml.svm
import mathml.tree
import sklearn.cluster
import sklearn.decomposition
import sklearn.linear_model
import sklearn.naive_bayes
import sklearn.neighbors
import sklearn.neural_network
import sklearn.svm
import sklearn.tree


@dataclass(frozen=True)
class Workload:
    """One job, done with mathml's estimator and with scikit-learn's."""

    name: str
    size: str
    mathml: Callable[[], object]
    sklearn: Callable[[], object]


def _data(n: int, p: int, seed: int = 0, classes: int = 2) -> tuple[np.ndarray, np.ndarray]:
    """n × p Gaussian features and a target from a noisy linear score: `classes` labels cut
    at its quantiles, or the score itself for classes=0."""
    rng = np.random.RandomState(seed)
    X = rng.standard_normal((n, p))
    score = X @ rng.standard_normal(p) + 0.5 * rng.standard_normal(n)
    if classes == 0:
        return X, score
    edges = np.quantile(score, np.linspace(0, 1, classes + 1)[1:-1])
    return X, np.searchsorted(edges, score)


_AREAS = ("linear_model", "cluster", "decomposition", "tree", "neighbors", "naive_bayes",
          "neural_network", "svm")
_LIBRARIES = {"mathml": {a: getattr(mathml, a) for a in _AREAS},
              "sklearn": {a: getattr(sklearn, a) for a in _AREAS}}


def _job(library: str, area: str, name: str, params: dict, X: np.ndarray,
         y: np.ndarray | None) -> Callable[[], object]:
    """Fit the estimator on (X, y) and predict X (fit alone for a transformer)."""
    estimator = getattr(_LIBRARIES[library][area], name)

    def job() -> object:
        model = estimator(**params)
        model.fit(X) if y is None else model.fit(X, y)
        return model.predict(X) if hasattr(model, "predict") else model
    return job


def workloads(scale: float) -> list[Workload]:
    def n(size: int) -> int:
        return max(50, int(size * scale))

    Xr, yr = _data(n(10_000), 50, classes=0)
    Xc, yc = _data(n(10_000), 50)
    X3, y3 = _data(n(10_000), 20, classes=3)
    Xs, ys = _data(n(2_000), 10)
    Xk, yk = _data(n(10_000), 5)
    jobs = [
        ("LinearRegression", Xr, yr, "linear_model", "LinearRegression", {}),
        ("Ridge", Xr, yr, "linear_model", "Ridge", {"alpha": 1.0}),
        ("LogisticRegression", Xc, yc, "linear_model", "LogisticRegression", {}),
        ("KMeans (k = 8)", Xc, None, "cluster", "KMeans",
         {"n_clusters": 8, "n_init": 1, "random_state": 0}),
        ("PCA (10 components)", Xc, None, "decomposition", "PCA", {"n_components": 10}),
        ("DecisionTreeClassifier", X3, y3, "tree", "DecisionTreeClassifier",
         {"random_state": 0}),
        ("KNeighborsClassifier", Xk, yk, "neighbors", "KNeighborsClassifier", {}),
        ("GaussianNB", X3, y3, "naive_bayes", "GaussianNB", {}),
        ("MLPClassifier, one epoch", Xc, yc, "neural_network", "MLPClassifier",
         {"hidden_layer_sizes": (100,), "max_iter": 1, "random_state": 0}),
        ("SVC (rbf)", Xs, ys, "svm", "SVC", {}),
    ]
    return [Workload(name, f"{X.shape[0]}×{X.shape[1]}",
                     _job("mathml", area, cls, params, X, y),
                     _job("sklearn", area, cls, params, X, y))
            for name, X, y, area, cls, params in jobs]


def _seconds(job: Callable[[], object]) -> float:
    start = time.perf_counter()
    job()
    return time.perf_counter() - start


def _readable(seconds: float) -> str:
    for unit, factor in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if seconds >= factor:
            return f"{seconds / factor:.3g} {unit}"
    return f"{seconds * 1e9:.3g} ns"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (median)")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="multiply the numbers of samples (0.1 for a quick look)")
    args = parser.parse_args()
    warnings.simplefilter("ignore")  # convergence warnings of the one-epoch MLP
    rows = []
    with threadpool_limits(limits=1):
        for w in workloads(args.scale):
            w.mathml(), w.sklearn()  # warm-up: imports, caches
            mine, theirs = [], []
            for _ in range(args.rounds):
                mine.append(_seconds(w.mathml))
                theirs.append(_seconds(w.sklearn))
            m, s = statistics.median(mine), statistics.median(theirs)
            rows.append((w.name, w.size, _readable(m), _readable(s), f"{m / s:.2f}×"))
            print(f"{w.name:26s} {w.size:>10s} {rows[-1][2]:>10s} {rows[-1][3]:>10s} "
                  f"{rows[-1][4]:>8s}", flush=True)
    print()
    print("| workload | data | mathml | scikit-learn | ratio |")
    print("|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
