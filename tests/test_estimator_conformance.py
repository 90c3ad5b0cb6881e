"""The estimators as scikit-learn's, beyond the numbers (issue 16): the type, dtype and shape
of every fitted attribute, and ``InvalidParameterError`` for exactly the hyperparameter
values scikit-learn refuses.

Each mathml estimator that has a scikit-learn namesake is fitted next to it on the same data;
the fitted attributes both have (public, ending in ``_``) must agree in type, and arrays in
dtype and shape. Attributes listed in ``ATTRIBUTE_EXCEPTIONS`` differ on purpose (reason given).
"""
from __future__ import annotations

import importlib
import inspect
import re
import warnings

import numpy as np
import pytest
from sklearn.utils._param_validation import InvalidParameterError as SKInvalidParameterError

from mathml.exceptions import InvalidParameterError as MLInvalidParameterError

MODULES = {
    "linear_model": ("LinearRegression", "Ridge", "Lasso", "ElasticNet", "SGDRegressor",
                     "SGDClassifier", "LogisticRegression"),
    "preprocessing": ("StandardScaler", "MinMaxScaler", "PolynomialFeatures", "OneHotEncoder"),
    "naive_bayes": ("GaussianNB", "MultinomialNB", "BernoulliNB"),
    "neighbors": ("KNeighborsClassifier", "KNeighborsRegressor"),
    "tree": ("DecisionTreeClassifier", "DecisionTreeRegressor"),
    "ensemble": ("RandomForestClassifier", "RandomForestRegressor", "GradientBoostingClassifier",
                 "GradientBoostingRegressor", "AdaBoostClassifier"),
    "svm": ("SVC", "SVR"),
    "cluster": ("KMeans", "AgglomerativeClustering", "DBSCAN"),
    "decomposition": ("PCA",),
    "mixture": ("GaussianMixture",),
    "neural_network": ("MLPClassifier", "MLPRegressor"),
    "kernel_ridge": ("KernelRidge",),
}
ESTIMATORS = [(module, name) for module, names in MODULES.items() for name in names]

#: Fitted attributes whose type differs from scikit-learn's on purpose.
ATTRIBUTE_EXCEPTIONS = {
    # scikit-learn's initial model is a DummyClassifier/DummyRegressor, estimators mathml
    # does not have: mathml's is a small private class with the same predictions
    ("GradientBoostingClassifier", "init_"), ("GradientBoostingRegressor", "init_"),
}


def _data():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 3))
    y_continuous = X @ np.array([1.0, 2.0, -1.0]) + rng.normal(size=40)
    y_binary = (X[:, 0] + X[:, 1] > 0).astype(int)
    return X, y_continuous, {"int": y_binary, "str": np.array(["a", "b"])[y_binary],
                             "3 classes": np.digitize(X[:, 0], [-0.5, 0.5])}


def _fit_args(module: str, name: str):
    """(label, fit arguments) for the kinds of target the estimator takes."""
    X, y_continuous, targets = _data()
    counts = np.abs(np.round(3 * X))
    if module in ("cluster", "decomposition", "mixture") or name in (
            "StandardScaler", "MinMaxScaler", "PolynomialFeatures"):
        return [("X", (X,))]
    if name == "OneHotEncoder":
        strings = np.array(["b", "a", "c"])[counts[:, :2].astype(int) % 3]
        return [("counts", (counts,)), ("an array of str", (strings,)),
                ("a list of str", (strings.tolist(),)),
                ("objects with None", (np.where(strings == "c", None, strings),))]
    if name == "MultinomialNB":
        return [("counts", (counts, targets["int"]))]
    if name.endswith("Classifier") or name in ("LogisticRegression", "GaussianNB", "BernoulliNB",
                                               "SVC"):
        return [(label, (X, y)) for label, y in targets.items()]
    return [("continuous y", (X, y_continuous))]


def _describe(value):
    """type, and for arrays dtype and shape; a list by its length and first element."""
    if isinstance(value, np.ndarray):
        return type(value).__name__, str(value.dtype), value.shape
    if isinstance(value, (list, tuple)):
        return type(value).__name__, len(value), _describe(value[0]) if value else None
    if isinstance(value, np.generic):
        return type(value).__name__, str(value.dtype)
    return (type(value).__name__,)


def _pair(module: str, name: str):
    ours = getattr(importlib.import_module(f"mathml.{module}"), name)
    theirs = getattr(importlib.import_module(f"sklearn.{module}"), name)
    return ours, theirs


@pytest.mark.parametrize(("module", "name"), ESTIMATORS, ids=[n for _, n in ESTIMATORS])
def test_fitted_attribute_types(module, name):
    ours, theirs = _pair(module, name)
    params = {"random_state": 0} if "random_state" in ours().get_params() else {}
    for label, args in _fit_args(module, name):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            a, b = vars(ours(**params).fit(*args)), vars(theirs(**params).fit(*args))
        differences = {
            key: (_describe(a[key]), _describe(b[key])) for key in a.keys() & b.keys()
            if key.endswith("_") and not key.startswith("_")
            and (name, key) not in ATTRIBUTE_EXCEPTIONS
            and _describe(a[key]) != _describe(b[key])}
        missing = {key for key in b if key.endswith("_") and not key.startswith("_")
                   and key not in a}
        assert not differences, f"{name} on {label}: (mathml, scikit-learn) {differences}"
        assert not missing, f"{name} on {label}: fitted attributes mathml lacks: {missing}"


# --- InvalidParameterError for exactly the values scikit-learn refuses ----------------------------
#
# For every parameter scikit-learn validates (its ``_parameter_constraints``, or the
# constraints of a function's ``validate_params``) that the mathml namesake also has, each value
# below is tried in both: both must raise InvalidParameterError with the same message (the
# options of a set compared sorted: scikit-learn prints a set in hash order), or neither.

INVALID = ("bogus", -1, 0, 0.5, 1.5, -0.5, None, True, np.nan, np.inf, [1], (1, 2), object(),
           1j, [[1, 2], [3]])

#: (name, parameter): mathml implements a subset of scikit-learn's options. Both must refuse
#: the same values, but mathml's message lists only its own options.
SUBSET_OPTIONS = {
    ("KNeighborsClassifier", "algorithm"): "no ball tree in mathml",
    ("KNeighborsRegressor", "algorithm"): "no ball tree in mathml",
    ("DBSCAN", "algorithm"): "no ball tree in mathml",
    ("KNeighborsClassifier", "metric"): "the Minkowski metrics and cosine only",
    ("KNeighborsRegressor", "metric"): "the Minkowski metrics and cosine only",
    ("DBSCAN", "metric"): "the Minkowski metrics only",
    ("AgglomerativeClustering", "metric"): "the Minkowski metrics and precomputed only",
    ("DecisionTreeRegressor", "criterion"): "no Poisson criterion",
    ("RandomForestRegressor", "criterion"): "no Poisson criterion",
    ("KMeans", "algorithm"): "Lloyd's algorithm only (no Elkan)",
    ("PCA", "n_components"): "no 'mle' (Minka's choice of dimension)",
    ("PCA", "svd_solver"): "exact solvers only (no ARPACK, no randomized SVD)",
    ("KernelRidge", "kernel"): "the kernels of mathml.metrics.pairwise only",
    ("SVC", "probability"): "mathml lists its hidden 'deprecated' default",
    ("silhouette_samples", "metric"): "euclidean and precomputed only",
    ("silhouette_score", "metric"): "euclidean and precomputed only",
    ("pairwise_distances", "metric"): "scikit-learn's own metrics only (none of SciPy's)",
    ("pairwise_kernels", "metric"): "no additive/exponential chi², no Laplacian kernel",
}


def _normalised(message: str) -> str:
    """The message with each {a, b, c} set sorted, and each library's classes by one name."""
    message = message.replace("'mathml.", "'sklearn.")
    return re.sub(r"\{([^{}]*)\}",
                  lambda m: "{" + ", ".join(sorted(m.group(1).split(", "))) + "}", message)


def _refusal(call) -> str | None:
    """The message of the InvalidParameterError `call` raises, or None (another exception,
    or none: parameter validation is not what fails)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            call()
    except (MLInvalidParameterError, SKInvalidParameterError) as exc:
        return _normalised(str(exc))
    except Exception:  # noqa: BLE001 (a later check; not parameter validation)
        return None
    return None


def _differences(name: str, parameters, ours, theirs) -> list[str]:
    """Each (parameter, value) where the two refusals differ; also fails when scikit-learn
    refused nothing (a comparison that cannot fail)."""
    out, refused = [], 0
    for parameter in parameters:
        for value in INVALID:
            a, b = _refusal(lambda: ours(parameter, value)), _refusal(lambda: theirs(parameter, value))
            refused += b is not None
            if (name, parameter) in SUBSET_OPTIONS:
                a, b = a is None, b is None
            if a != b:
                out.append(f"{parameter}={value!r}: mathml {a!r}, scikit-learn {b!r}")
    return out if refused else ["scikit-learn refused none of the values: nothing compared"]


@pytest.mark.parametrize(("module", "name"), ESTIMATORS, ids=[n for _, n in ESTIMATORS])
def test_invalid_hyperparameters_as_scikit_learn(module, name):
    ours, theirs = _pair(module, name)
    args = _fit_args(module, name)[0][1]
    # a few iterations, trees or units: only the parameter checks matter here
    small = {k: v for k, v in {"n_estimators": 3, "max_iter": 5, "hidden_layer_sizes": (4,)}.items()
             if k in ours().get_params()}
    parameters = [p for p in theirs._parameter_constraints if p in ours().get_params()]

    def fit(cls):
        return lambda parameter, value: cls(**{**small, parameter: value}).fit(*args)
    assert not _differences(name, parameters, fit(ours), fit(theirs))


def _function_calls():
    """(module, name, positional arguments, keyword arguments) of a valid call of each public
    function with a scikit-learn namesake; "estimator" and "tree" stand for a fitted
    estimator of the function's own library."""
    rng = np.random.default_rng(0)
    X = rng.normal(size=(20, 3))
    y_binary, y = np.arange(20) % 2, X[:, 0] + 0.1 * rng.normal(size=20)
    labels = np.arange(20) % 3
    p = np.linspace(0.1, 0.9, 20)
    proba = np.c_[p, 1 - p]
    regression, classification = (y, y + 0.1), (y_binary, y_binary[::-1])
    return [
        *(("metrics", n, regression, {}) for n in ("mean_squared_error", "mean_absolute_error",
                                                     "r2_score")),
        *(("metrics", n, classification, {}) for n in ("accuracy_score", "precision_score",
                                                         "recall_score", "f1_score",
                                                         "confusion_matrix")),
        ("metrics", "log_loss", (y_binary, proba), {}),
        ("metrics", "roc_curve", (y_binary, p), {}),
        ("metrics", "roc_auc_score", (y_binary, p), {}),
        *(("metrics", n, (X, labels), {}) for n in ("silhouette_samples", "silhouette_score",
                                                      "calinski_harabasz_score",
                                                      "davies_bouldin_score")),
        ("metrics", "adjusted_rand_score", (labels, y_binary), {}),
        *(("linear_model", n, (X, y), {"alphas": [1.0, 0.1]}) for n in ("lasso_path",
                                                                          "enet_path")),
        *(("metrics.pairwise", n, (X,), {}) for n in (
            "euclidean_distances", "manhattan_distances", "linear_kernel", "polynomial_kernel",
            "rbf_kernel", "sigmoid_kernel", "cosine_similarity", "pairwise_distances",
            "pairwise_kernels")),
        ("model_selection", "train_test_split", (X, y_binary), {}),
        ("model_selection", "cross_val_score", ("estimator", X, y), {}),
        ("model_selection", "learning_curve", ("estimator", X, y),
         {"train_sizes": [0.5, 1.0], "cv": 2}),
        ("datasets", "make_blobs", (), {"n_samples": 20}),
        ("datasets", "make_regression", (), {"n_samples": 20, "n_features": 5}),
        ("datasets", "make_classification", (), {"n_samples": 20}),
        ("cluster", "kmeans_plusplus", (X, 3), {}),
        ("tree", "export_text", ("tree",), {}),
    ]


FUNCTIONS = _function_calls()

#: Functions whose parameter checks still differ (issue 16; mathml/model_selection.py was
#: outside the estimators-and-metrics task that wrote this test). Strict: a fix must remove
#: its line.
FUNCTION_DIFFERENCES = {
    "model_selection.train_test_split": "test_size/train_size=True: scikit-learn's Interval "
                                        "takes a bool as the int 1 (then ValueError); mathml "
                                        "refuses bools with InvalidParameterError",
    "model_selection.cross_val_score": "X lacks 'or a sparse array or matrix'; scoring: mathml's "
                                       "four scorer names, 'of cross_val_score' missing from the "
                                       "message, a list or dict gives TypeError (unhashable)",
    "model_selection.learning_curve": "as cross_val_score",
}


def _stand_in(arg, library: str, X, y):
    if isinstance(arg, str) and arg == "estimator":
        return importlib.import_module(f"{library}.linear_model").LinearRegression()
    if isinstance(arg, str) and arg == "tree":
        tree = importlib.import_module(f"{library}.tree").DecisionTreeClassifier
        return tree(max_depth=2).fit(X, (y > 0).astype(int))
    return arg


@pytest.mark.parametrize(("module", "name", "args", "kwargs"), [
    pytest.param(*f, marks=pytest.mark.xfail(reason=FUNCTION_DIFFERENCES[f"{f[0]}.{f[1]}"],
                                             strict=True))
    if f"{f[0]}.{f[1]}" in FUNCTION_DIFFERENCES else f for f in FUNCTIONS],
    ids=[f"{m}.{n}" for m, n, _, _ in FUNCTIONS])
def test_invalid_function_arguments_as_scikit_learn(module, name, args, kwargs):
    ours = getattr(importlib.import_module(f"mathml.{module}"), name)
    theirs = getattr(importlib.import_module(f"sklearn.{module}"), name)
    signature = inspect.signature(ours)
    names = list(signature.parameters)
    X = np.random.default_rng(0).normal(size=(20, 3))

    def call(function, library):
        def run(parameter, value):
            positional = [_stand_in(a, library, X, X[:, 0]) for a in args]
            keywords = dict(kwargs)
            position = names.index(parameter)
            if position < len(positional):
                positional[position] = value
            else:
                keywords[parameter] = value
            return function(*positional, **keywords)
        return run
    parameters = [p for p in theirs._skl_parameter_constraints if p in signature.parameters]
    assert not _differences(name, parameters, call(ours, "mathml"), call(theirs, "sklearn"))
