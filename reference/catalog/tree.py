"""Catalog entries for decision trees (docs/concepts.md §9): `mathml.tree` vs scikit-learn.

A case is ``case(X, y, X_test, **hyperparameters)``; `run` fits and returns the fitted tree's
arrays (structure, thresholds, values, impurities, sample counts), the fitted attributes and
every prediction method on X_test. The trees must be the same node for node: the one seed
draw, the xorshift feature order, the float32 thresholds, the sums in scikit-learn's order.
"""
from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from ._core import Bench, Concept, bad, case
from ._estimators import estimator_bad

#: scikit-learn's check_array counting the samples of a 0-d y (after X's checks)
NO_SAMPLES = (r"Input should have at least 1 dimension i.e. satisfy `len\(x.shape\) > 0`, "
              r"got scalar `array\(")

TREE_ARRAYS = ("children_left", "children_right", "feature", "threshold", "value", "impurity",
               "n_node_samples", "weighted_n_node_samples", "node_count", "max_depth")
NOTE = ("the same tree node for node: scikit-learn's seed draw and xorshift feature order, "
        "float32 thresholds (midpoints in float64), the 1e-7 feature threshold, the first "
        "best split kept on ties, sums in its order (introsort's order of tied samples, the "
        "partition's swaps), so every float is bitwise equal; decision_path is dense in both")


def _run(attributes, methods):
    def run(cls, c):
        X, y, X_test = c.args
        params = dict(c.kwargs)
        sample_weight = params.pop("sample_weight", None)
        model = cls(**params).fit(X, y, sample_weight=sample_weight)
        out = {f"tree_.{a}": np.asarray(getattr(model.tree_, a)) for a in TREE_ARRAYS}
        out.update((a, getattr(model, a)) for a in attributes)
        for m in methods:
            result = getattr(model, m)(X_test)
            out[m] = tuple(result) if isinstance(result, list) else result
        out["get_depth"], out["get_n_leaves"] = model.get_depth(), model.get_n_leaves()
        return out
    return run


def tree_data(seed: int, n: int = 80, p: int = 4, kind: str = "continuous", k: int = 2,
              regression: bool = False, outputs: int = 1):
    """Training data by construction: 'continuous' (normal), 'ties' (integer-valued features
    in 0..3, so many tied values), 'constant' (one constant column and one duplicated);
    labels from the first feature with 30 % noise (k classes) or a noisy linear target."""
    rng = np.random.default_rng(seed)
    if kind == "ties":
        X = rng.integers(0, 4, (n, p)).astype(float)
    else:
        X = rng.normal(size=(n, p))
    if kind == "constant":
        X[:, 1] = 2.5
        X[:, -1] = X[:, 0]
    X_test = np.vstack((X[:5], rng.normal(size=(6, p))))
    ys = []
    for _ in range(outputs):
        if regression:
            ys.append(2.0 * X[:, 0] - X[:, -1] + rng.normal(size=n))
        else:
            noise = rng.random(n) < 0.3
            ys.append(np.where(noise, rng.integers(0, k, n), (X[:, 0] > 0) + (X[:, -1] > 1))
                      % k)
    y = ys[0] if outputs == 1 else np.column_stack(ys)
    return X, y, X_test


def _seed_data():
    """The seeds' classification data: make_classification(1000, 20, n_informative=2,
    n_redundant=10, random_state=42), tested on its last 200 rows."""
    from mathml.datasets import make_classification
    X, y = make_classification(n_samples=1000, n_features=20, n_informative=2,
                               n_redundant=10, random_state=42)
    return X, y, X[800:]


CLASSIFIER_CASES = (
    case(*_seed_data(), random_state=42, label="the seeds' data, full depth"),
    case(*tree_data(0), random_state=0, label="continuous, gini"),
    case(*tree_data(1, kind="ties"), random_state=1, label="tied features"),
    case(*tree_data(2, kind="constant"), random_state=2, max_features=2,
         label="a constant and a duplicated feature, max_features=2"),
    case(*tree_data(3, k=3), criterion="entropy", random_state=3, label="entropy, 3 classes"),
    case(*tree_data(4, kind="ties", k=3), criterion="log_loss", max_features="sqrt",
         random_state=4, label="log_loss, max_features='sqrt', ties"),
    case(*tree_data(5, p=8), max_features="log2", random_state=5, label="max_features='log2'"),
    case(*tree_data(6, p=6), max_features=0.5, random_state=6, label="max_features=0.5"),
    case(*tree_data(7, p=5), max_features=1, random_state=7, label="max_features=1"),
    case(*tree_data(8, n=120), max_depth=3, min_samples_leaf=5, min_samples_split=12,
         random_state=8, label="max_depth=3, min_samples_leaf=5, min_samples_split=12"),
    case(*tree_data(9), min_weight_fraction_leaf=0.1, min_impurity_decrease=0.01,
         random_state=9, label="min_weight_fraction_leaf, min_impurity_decrease"),
    case(*tree_data(10, kind="ties"), class_weight="balanced", random_state=10,
         label="class_weight='balanced', ties (fractional weights: introsort's order)"),
    case(*tree_data(11), class_weight={0: 1.0, 1: 2.5}, random_state=11,
         label="class_weight as a dict"),
    case(*tree_data(12, kind="ties"), random_state=12,
         sample_weight=np.random.default_rng(12).integers(0, 4, 80).astype(float),
         label="integer sample weights (bootstrap counts, zeros dropped)"),
    case(*tree_data(13), random_state=13,
         sample_weight=np.random.default_rng(13).uniform(0.1, 2.0, 80),
         label="fractional sample weights"),
    case(*tree_data(14, outputs=2, k=3), random_state=14, label="two outputs"),
    case(*tree_data(15, n=20, p=1), random_state=15, min_samples_leaf=0.1,
         min_samples_split=0.3, label="fractional min_samples_leaf and min_samples_split"),
    case(*tree_data(16, n=150), max_leaf_nodes=9, random_state=16,
         label="max_leaf_nodes=9 (best first: libstdc++'s heap order)"),
    case(*tree_data(17, kind="ties", k=3), splitter="random", max_features="sqrt",
         random_state=17, label="splitter='random' (thresholds drawn by the xorshift)"),
    case(*tree_data(18, n=120), ccp_alpha=0.01, random_state=18,
         label="ccp_alpha=0.01 (weakest-link pruning)"),
)

REGRESSOR_CASES = (
    case(*tree_data(20, regression=True), random_state=20, label="continuous"),
    case(*tree_data(21, kind="ties", regression=True), random_state=21,
         label="tied features (introsort's order of tied samples)"),
    case(*tree_data(22, kind="constant", regression=True), random_state=22,
         max_features="sqrt", label="constant and duplicated features, max_features='sqrt'"),
    case(*tree_data(23, regression=True, p=6), max_features=0.5, max_depth=4,
         min_samples_leaf=3, random_state=23, label="max_features=0.5, max_depth, leaves"),
    case(*tree_data(24, kind="ties", regression=True), random_state=24,
         sample_weight=np.random.default_rng(24).uniform(0.0, 2.0, 80),
         label="fractional sample weights, ties"),
    case(*tree_data(25, regression=True, outputs=3), random_state=25, max_features=2,
         label="three outputs"),
    case(*tree_data(26, regression=True), min_impurity_decrease=0.05,
         min_weight_fraction_leaf=0.05, random_state=26,
         label="min_impurity_decrease, min_weight_fraction_leaf"),
    case(*tree_data(27, n=150, regression=True), max_leaf_nodes=12, max_features=2,
         random_state=27, label="max_leaf_nodes=12, max_features=2"),
    case(*tree_data(28, regression=True), splitter="random", random_state=28,
         label="splitter='random'"),
    case(*tree_data(29, n=120, kind="ties", regression=True), ccp_alpha=0.05,
         random_state=29, label="ccp_alpha=0.05, ties"),
    case(*tree_data(30, n=50, regression=True), criterion="absolute_error", max_features=2,
         random_state=30, label="absolute_error (weighted medians by a Fenwick tree)"),
    case(*tree_data(31, n=40, kind="ties", regression=True, outputs=2),
         criterion="absolute_error", random_state=31,
         sample_weight=np.random.default_rng(31).integers(1, 4, 40).astype(float),
         label="absolute_error, two outputs, weights, ties"),
)


def _generated(regression: bool):
    """Drawn data (continuous, tied or with constant columns) and drawn hyperparameters."""
    @st.composite
    def draw(d):
        seed = d(st.integers(0, 2**31 - 1))
        kind = d(st.sampled_from(("continuous", "ties", "constant")))
        n, p = d(st.integers(8, 120)), d(st.integers(2, 6))
        params = dict(random_state=d(st.integers(0, 2**31 - 1)),
                      max_features=d(st.sampled_from((None, 1, 2, 0.5, "sqrt", "log2"))),
                      min_samples_leaf=d(st.integers(1, 4)),
                      max_depth=d(st.sampled_from((None, 1, 3, 6))))
        if not regression:
            params["criterion"] = d(st.sampled_from(("gini", "entropy")))
        X, y, X_test = tree_data(seed, n=n, p=p, kind=kind, regression=regression,
                                 k=d(st.integers(2, 3)))
        return case(X, y, X_test, **params)
    return draw


def _bad(regression: bool):
    X, y, X_test = tree_data(0, regression=regression)
    Xinf = X.copy()
    Xinf[2, 1] = np.inf
    common = tuple(b for b in estimator_bad(X, y, X_test, classifier=not regression,
                                            invalid={"max_depth": 0})
                   if b.case.label != "length mismatch")
    return common + (
        bad(X, y[:-1], X_test, raises=ValueError,
            match="Number of labels=79 does not match number of samples=80",
            label="length mismatch (X and y checked separately)"),
        bad(X, y, X_test, min_samples_split=1, raises=ValueError,
            match="The 'min_samples_split' parameter of \\w+ must be",
            label="min_samples_split=1"),
        bad(Xinf, y, X_test, raises=ValueError, match="Input X contains infinity",
            label="infinity in X"),
        bad(X, np.array(y[0]), X_test, raises=TypeError, match=NO_SAMPLES, label="0-d y"),
        bad(X, "abc", X_test, raises=TypeError, match=NO_SAMPLES, label="y a string"))


def _bench(regression: bool):
    def make(n, rng):
        X = rng.normal(size=(n, 10))
        y = X[:, 0] + X[:, 1] ** 2 + 0.5 * rng.normal(size=n)
        return case(X, y if regression else (y > 1).astype(int), X[:100], random_state=0)
    return Bench(2000, make)


def _export_run(export_text, c):
    """Fit the tree of the same backend as `export_text` (a user's function gets the
    reference's tree), then print it."""
    import importlib
    package = export_text.__module__.split(".")[0]
    package = package if package in ("mathml", "reference") else "reference"
    X, y, regression = c.args
    tree_module = importlib.import_module(f"{package}.tree")
    params = dict(c.kwargs)
    fit_params = {k: params.pop(k) for k in ("max_depth_fit", "random_state") if k in params}
    cls = tree_module.DecisionTreeRegressor if regression else tree_module.DecisionTreeClassifier
    model = cls(random_state=fit_params.get("random_state", 0),
                max_depth=fit_params.get("max_depth_fit")).fit(X, y)
    return export_text(model, **params)


def _export_cases():
    X, y, _ = _seed_data()
    Xr, yr, _ = tree_data(30, regression=True, outputs=2)
    Xc, yc, _ = tree_data(31, k=3)
    return (
        case(X, y, False, random_state=42, label="the seeds' data, defaults"),
        case(X, y, False, random_state=42, show_weights=True, max_depth=3,
             label="show_weights, max_depth=3 (truncated branches)"),
        case(X, y, False, random_state=42, decimals=4, spacing=2,
             feature_names=[f"x{j}" for j in range(20)], label="names, decimals, spacing"),
        case(Xc, yc, False, random_state=1, class_names=["a", "b", "c"], max_depth=0,
             label="class_names, max_depth=0"),
        case(Xr, yr, True, random_state=2, max_depth_fit=4, max_depth=2,
             label="a two-output regressor"),
    )


def _export_bad():
    X, y, _ = tree_data(31, k=3)
    return (bad(X, y, False, feature_names=["a"], raises=ValueError,
                match="feature_names must contain 4 elements, got 1", label="too few names"),
            bad(X, y, False, class_names=["a"], raises=ValueError,
                match="When `class_names` is an array", label="too few class names"),
            bad(X, y, False, spacing=0, raises=ValueError,
                match="The 'spacing' parameter of export_text must be", label="spacing=0"),
            bad(X, np.array(0), False, raises=TypeError, match=NO_SAMPLES,
                label="the tree fitted on a 0-d y"))


CONCEPTS = (
    Concept(
        name="tree.DecisionTreeClassifier",
        reference_call="sklearn.tree.DecisionTreeClassifier",
        comparison="exact", tolerance="bitwise",
        cases=CLASSIFIER_CASES,
        strategy=lambda: _generated(False)(),
        bad=_bad(False),
        bench=_bench(False),
        seeds=("004",),
        run=_run(("classes_", "n_classes_", "n_outputs_", "max_features_", "n_features_in_",
                  "feature_importances_"),
                 ("predict", "predict_proba", "predict_log_proba", "apply",
                  "decision_path")),
        note=NOTE),
    Concept(
        name="tree.DecisionTreeRegressor",
        reference_call="sklearn.tree.DecisionTreeRegressor",
        comparison="exact", tolerance="bitwise",
        cases=REGRESSOR_CASES,
        strategy=lambda: _generated(True)(),
        bad=_bad(True),
        bench=_bench(True),
        run=_run(("n_outputs_", "max_features_", "n_features_in_", "feature_importances_"),
                 ("predict", "apply", "decision_path")),
        note=NOTE),
    Concept(
        name="tree.export_text",
        reference_call="sklearn.tree.export_text",
        comparison="exact", tolerance="identical",
        cases=_export_cases(),
        strategy=lambda: st.integers(0, 2**31 - 1).map(
            lambda s: case(*tree_data(s, n=60, kind=("continuous", "ties")[s % 2])[:2], False,
                           random_state=s, max_depth=s % 5, show_weights=bool(s % 3))),
        bad=_export_bad(),
        bench=Bench(1000, lambda n, rng: case(*tree_data(int(rng.integers(1 << 30)), n=n,
                                                         p=10)[:2], False, random_state=0)),
        run=_export_run,
        note="the same text, character for character, from the same tree"),
)
