"""Catalog entries for nearest neighbours (docs/concepts.md §7): `mathml.neighbors` vs sklearn."""
from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from ._core import Bench, Concept, bad, case
from ._estimators import (classification_data, estimator_bad, estimator_run, regression_data,
                          seeded)

NOTE = ("brute force reproduces scikit-learn's order among tied distances (its heaps and "
        "introsort replayed for tied rows; cosine: numpy's order in both); the k-d tree takes "
        "the lower training index first, scikit-learn's tree its own order (not reproduced), "
        "so the tree cases have continuous inputs. "
        "kneighbors_graph is dense in mathml, compared with scikit-learn's .toarray()")
VARIANTS = ((3, "uniform", 2), (5, "distance", 2), (4, "uniform", 1), (2, "distance", 3))


def _knn_run(attributes, methods):
    """estimator_run plus the neighbour queries: ``kneighbors()`` of the training points
    (each without itself), and the k-neighbours graph of X_test in both modes (dense: mathml
    has no sparse matrices, the reference gives scikit-learn's ``.toarray()``)."""
    fitted = estimator_run(attributes, methods)

    def run(cls, c):
        out = fitted(cls, c)
        X, y, X_test = c.args
        params = {k: v for k, v in c.kwargs.items() if k != "outputs"}
        model = cls(**params).fit(X, y)
        out["kneighbors_of_training_points"] = model.kneighbors()
        out["kneighbors_graph"] = model.kneighbors_graph(X_test)
        out["kneighbors_graph_distance"] = model.kneighbors_graph(X_test, mode="distance")
        out["fit_method"] = model._fit_method  # 'auto' chooses as scikit-learn
        return out
    return run


def _metric_cases(make):
    """The metrics and algorithms of issue 14 (continuous data: no tied distances)."""
    return (case(*make(10), n_neighbors=4, metric="manhattan", label="metric='manhattan'"),
            case(*make(11), n_neighbors=3, metric="chebyshev", weights="distance",
                 label="metric='chebyshev', distance weights"),
            case(*make(12), n_neighbors=5, metric="cosine", label="metric='cosine' (brute)"),
            case(*make(13), n_neighbors=4, metric="euclidean", algorithm="brute",
                 label="metric='euclidean', brute force"),
            case(*make(14), n_neighbors=3, metric="minkowski", p=1.5, algorithm="kd_tree",
                 leaf_size=3, label="minkowski p=1.5, kd_tree"),
            case(*make(15), n_neighbors=3, metric="minkowski", p=4, algorithm="brute",
                 label="minkowski p=4, brute force"),
            case(*make(16), n_neighbors=4, metric="l1", algorithm="kd_tree", leaf_size=2,
                 label="metric='l1', kd_tree"),
            case(*make(17, n=12), n_neighbors=6, metric="manhattan",
                 label="n_neighbors ≥ n // 2: 'auto' takes brute force"),
            case(*make(18, p=17), n_neighbors=3, label="17 features: 'auto' takes brute force"),
            case(*_tied(make(19)), n_neighbors=5, metric="manhattan", algorithm="brute",
                 label="tied distances (integer points), brute force: scikit-learn's order"),
            case(*_tied(make(20)), n_neighbors=4, metric="euclidean", algorithm="brute",
                 weights="distance", label="tied distances, euclidean brute force"))


def _tied(data):
    """The case's data rounded to integers: many equal distances."""
    X, y, X_test = data
    return np.round(X), y, np.round(X_test)


def _metric_bad(X, y, X_test):
    return (bad(X, y, X_test, metric="cosine", algorithm="kd_tree", raises=ValueError,
                match=r"Metric 'cosine' not valid\. Use sorted\(sklearn\.neighbors\."
                      r"VALID_METRICS\['kd_tree'\]\)", label="cosine with the k-d tree"),
            bad(X, y, X_test, metric="infinity", algorithm="brute", raises=ValueError,
                match="Metric 'infinity' not valid", label="'infinity' with brute force"),
            bad(X, y, X_test, p=0.5, algorithm="kd_tree", raises=ValueError,
                match='algorithm="kd_tree" does not support 0 < p < 1',
                label="p < 1 with the k-d tree"),
            bad(X, np.array(y[0]), X_test, raises=TypeError,
                match=r"Input should have at least 1 dimension i.e. satisfy `len\(x.shape\) > "
                      r"0`, got scalar `array\(",
                label="0-d y: no samples (after X's checks)"),
            bad(X, y, X_test, n_neighbors=None, raises=TypeError,
                match="'>' not supported between instances of 'NoneType' and 'int'",
                label="n_neighbors None: accepted by fit, refused at the query"))


def _bench(make):
    # 50 features, as users fit: 'auto' is brute force there (more than 15) in both. The run
    # also asks every training point's neighbours, an n × n search: n = 2000 keeps a call
    # under a second (10000 takes many seconds a call, on both sides)
    return Bench(2000, lambda n, rng: case(*make(int(rng.integers(1 << 30)), n=max(n, 8),
                                                 p=50)))


def _tree_data(seed: int, n: int = 60, d: int = 3, m: int = 9):
    """Continuous training and query points (no tied distances)."""
    rng = np.random.default_rng(seed)
    return rng.normal(size=(n, d)), rng.normal(size=(m, d))


def _tree_run(cls, c):
    """Build the tree on X, query X_query: the k nearest (distances, indices); with `r`, the
    radius query sorted by distance, the counts and the unsorted index sets (sorted here:
    their order is each library's own)."""
    X, X_query = c.args
    params = dict(c.kwargs)
    k, r = params.pop("k", 1), params.pop("r", None)
    tree = cls(X, **params)
    dist, ind = tree.query(X_query, k=k)
    out = {"data": np.asarray(tree.data), "distances": dist, "indices": ind}
    if r is not None:
        ind_r, dist_r = tree.query_radius(X_query, r, return_distance=True, sort_results=True)
        out["radius_indices"], out["radius_distances"] = tuple(ind_r), tuple(dist_r)
        out["radius_counts"] = tree.query_radius(X_query, r, count_only=True)
        out["radius_sets"] = tuple(np.sort(a) for a in tree.query_radius(X_query, r))
    return out


def _tree_bad():
    X, Xq = _tree_data(0)
    Xnan = X.copy()
    Xnan[3, 1] = np.nan
    return (bad(Xnan, Xq, k=2, raises=ValueError, match="Input contains NaN", label="NaN in X"),
            bad(X[:, 0], Xq, raises=ValueError, match="Expected 2D array", label="1-D X"),
            bad(X, Xq[:, :2], raises=ValueError,
                match="query data dimension must match training data dimension",
                label="wrong feature count at query"),
            bad(X, Xq, k=61, raises=ValueError,
                match="k must be less than or equal to the number of training points",
                label="k > n"),
            bad(X, Xq, leaf_size=0, raises=ValueError,
                match="leaf_size must be greater than or equal to 1", label="leaf_size 0"),
            bad(X, Xq, leaf_size=np.nan, raises=TypeError,
                match="'float' object cannot be interpreted as an integer",
                label="leaf_size NaN (not an integer)"),
            bad(X, Xq, leaf_size=np.array(2.0), raises=TypeError,
                match="only integer scalar arrays can be converted to a scalar index",
                label="leaf_size a 0-d float array"),
            bad(X, Xq, k=2.0, raises=TypeError,
                match="'float' object cannot be interpreted as an integer",
                label="k = 2.0 (not an integer)"),
            bad(X, Xq, metric="cosine", raises=ValueError, match="Unrecognized metric 'cosine'",
                label="unknown metric"))


TREE_NOTE = ("continuous inputs; distances are ρ = Σ|x_j − z_j|^p summed in feature order as "
             "scikit-learn, so identical for p = 1, 2, ∞; for another p numpy's vectorised "
             "pow differs from libm's in the last bit (compared at 'exact'); among tied "
             "distances mathml takes the lower index first, scikit-learn's heap promises no "
             "order; the unsorted radius sets are compared as sets")


def _gaussian_weights(dist):
    """A callable ``weights``: exp(−d²) of each neighbour's distance."""
    return np.exp(-dist ** 2)


CONCEPTS = (
    Concept(
        name="neighbors.KDTree",
        reference_call="sklearn.neighbors.KDTree",
        comparison="exact", tolerance="identical",
        cases=(case(*_tree_data(0), k=3, r=0.9, label="k=3, default leaf size (one leaf)"),
               case(*_tree_data(1, n=200), k=5, r=0.6, leaf_size=4, label="leaf_size=4"),
               case(*_tree_data(2, n=150, d=2), k=1, r=0.3, leaf_size=2, metric="manhattan",
                    label="manhattan"),
               case(*_tree_data(3, n=120, d=4), k=7, r=1.2, leaf_size=5, metric="chebyshev",
                    label="chebyshev"),
               case(*_tree_data(4, n=90), k=4, r=1.0, leaf_size=3, metric="minkowski", p=3,
                    label="minkowski p=3").compared("exact", "exact"),
               case(*_tree_data(5, n=50, d=1), k=50, r=0.5, leaf_size=6, label="k = n, 1-D"),
               case(np.array([[0.0, 0.0], [3.0, 4.0], [6.0, 8.0], [0.0, 5.0]]),
                    np.array([[0.0, 0.0]]), k=2, r=5.0, leaf_size=1,
                    label="points exactly at r are inside")),
        strategy=lambda: st.integers(0, 2 ** 31 - 1).map(
            lambda s: case(*_tree_data(s, n=40 + s % 80, d=1 + s % 4), k=1 + s % 6,
                           r=0.5, leaf_size=1 + s % 9)),
        bad=_tree_bad(),
        bench=Bench(10000, lambda n, rng: case(rng.normal(size=(n, 3)), rng.normal(size=(n, 3)),
                                               k=5)),
        run=_tree_run,
        note=TREE_NOTE),
    Concept(
        name="neighbors.KNeighborsClassifier",
        reference_call="sklearn.neighbors.KNeighborsClassifier",
        comparison="exact", tolerance="estimator_closed_form",
        cases=tuple(case(*classification_data(s, k=2 + s % 2), n_neighbors=k, weights=w, p=p,
                         label=f"k={k}, {w}, p={p}")
                    for s, (k, w, p) in enumerate(VARIANTS))
        + (case(*classification_data(7), n_neighbors=6, algorithm="kd_tree", leaf_size=2,
                label="kd_tree, leaf_size=2, k above the leaf size"),
           case(*classification_data(8), n_neighbors=3, weights="distance", algorithm="brute",
                label="brute force"))
        + _metric_cases(classification_data),
        strategy=seeded(classification_data, weights="distance"),
        bad=estimator_bad(*classification_data(0), classifier=True,
                          invalid={"weights": "nearest"})
        + _metric_bad(*classification_data(0)),
        bench=_bench(classification_data),
        run=_knn_run(("classes_", "n_features_in_", "effective_metric_",
                      "effective_metric_params_"),
                     ("predict", "predict_proba", "kneighbors", "score")),
        note=NOTE),
    Concept(
        name="neighbors.KNeighborsRegressor",
        reference_call="sklearn.neighbors.KNeighborsRegressor",
        comparison="exact", tolerance="estimator_closed_form",
        cases=tuple(case(*regression_data(s), n_neighbors=k, weights=w, p=p,
                         label=f"k={k}, {w}, p={p}") for s, (k, w, p) in enumerate(VARIANTS))
        + (case(*regression_data(7), n_neighbors=6, algorithm="kd_tree", leaf_size=2,
                label="kd_tree, leaf_size=2, k above the leaf size"),
           case(*regression_data(8), n_neighbors=3, weights="distance", algorithm="brute",
                label="brute force"),
           case(*regression_data(9), n_neighbors=4, weights=None, label="weights=None: uniform"),
           case(*regression_data(10), n_neighbors=4, weights=_gaussian_weights,
                label="weights a callable of the distances"))
        + _metric_cases(regression_data),
        strategy=seeded(regression_data, weights="distance"),
        bad=estimator_bad(*regression_data(0), classifier=False, invalid={"n_neighbors": 0})
        + _metric_bad(*regression_data(0)),
        bench=_bench(regression_data),
        run=_knn_run(("n_features_in_", "effective_metric_", "effective_metric_params_"),
                     ("predict", "kneighbors", "score")),
        note=NOTE),
)
