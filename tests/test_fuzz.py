"""Bad input at the edges, for every concept (issue 16): no hang, no crash, the reference's
error or the reference's value; and the dtype rule: float32 in, the reference's floating
types out.

`reference.fuzz` replaces one argument of each concept's smallest example at a time by NaN,
inf, an empty array, a 0-d array, a 3-D array, a ragged list, a string, None or a complex
value and compares what the two backends do (see its docstring for the verdict). The run is
deterministic (the examples are fixed, the replacements too) and bounded (a time limit per
call); it takes about a minute on one core.

`OPEN` lists the mutants where mathml still differs from its reference: defects of issue 16
being fixed, not accepted differences. The test fails both on a new difference and on a
listed one that has gone, so the table shrinks as they are fixed: remove the labels you fix.
A difference kept on purpose (backed by CONTRACT.md) goes into `DELIBERATE` with its reason.
"""
import pytest

from reference import catalog
from reference.fuzz import dtype_difference, fuzz_concept

#: concept -> the labels (argument:replacement) of its mutants that still differ.
OPEN: dict[str, str] = {
    # linalg

    # differentiate
    "differentiate.derivative": "step_direction:complex",

    # integrate
    "integrate.fixed_quad": (
        "arg1:3-D arg1:complex arg1:empty arg1:nan arg1:ragged arg2:3-D "
        "arg2:complex arg2:empty arg2:nan arg2:ragged"
    ),
    "integrate.quad": "arg1:3-D arg1:empty arg1:inf arg2:3-D arg2:empty arg2:inf arg2:ragged",
    "integrate.monte_carlo": "arg1:None arg2:None",

    # optimize
    "optimize.bisect": (
        "arg1:3-D arg1:None arg1:complex arg1:empty arg1:ragged arg1:string "
        "arg2:3-D arg2:None arg2:complex arg2:empty arg2:ragged arg2:string"
    ),
    "optimize.brentq": (
        "arg1:3-D arg1:None arg1:complex arg1:empty arg1:ragged arg1:string "
        "arg2:3-D arg2:None arg2:complex arg2:empty arg2:ragged arg2:string"
    ),
    "optimize.linprog": (
        "arg0:complex arg0:ragged arg0:string bounds:complex bounds:empty "
        "bounds:nan"
    ),
    "optimize.adam": "arg0:complex arg1:complex",
    "optimize.barrier": "arg1:3-D",
    "optimize.lagrange": (
        "arg0:None arg0:complex arg1:None arg1:complex arg2:None arg2:complex "
        "arg3:None arg3:complex"
    ),
    "optimize.rosen": "arg0:None arg0:complex",
    "optimize.rosen_der": "arg0:None arg0:complex",
    "optimize.rosen_hess": "arg0:3-D arg0:None arg0:complex",
    "optimize.line_search": "arg2:3-D arg2:None arg2:complex arg2:string arg3:None arg3:string",
    "optimize.gradient_descent": "arg1:complex arg1:inf",
    "optimize.minimize": "arg1:complex options.gtol:0-d options.gtol:complex options.gtol:ragged",

    # special
    "special.beta": "arg0:inf arg1:inf",
    "special.softmax": "arg0:inf",

    # stats
    "stats.mean": "arg0:string",
    "stats.median": "arg0:string",
    "stats.mode": "arg0:0-d arg0:None arg0:string",
    "stats.var": "arg0:None",
    "stats.std": "arg0:None",
    "stats.quantile": "arg0:None arg1:3-D arg1:complex arg1:string",
    "stats.percentile": "arg0:None arg1:3-D arg1:string",
    "stats.skew": "arg0:0-d arg0:None",
    "stats.kurtosis": "arg0:0-d arg0:None",
    "stats.zscore": "arg0:None",
    "stats.cov": "arg0:string",
    "stats.corrcoef": "arg0:string",
    "stats.pearsonr": (
        "arg0:None arg0:complex arg0:inf arg0:nan arg1:None arg1:complex "
        "arg1:inf arg1:nan"
    ),
    "stats.spearmanr": "arg0:None arg0:complex arg1:None arg1:complex",
    "stats.histogram": "arg0:complex arg0:string arg1:0-d arg1:inf arg1:nan",
    "stats.ttest_1samp": "arg0:0-d arg0:None arg0:nan arg1:3-D arg1:empty arg1:nan",
    "stats.ttest_ind": (
        "arg0:0-d arg0:None arg0:inf arg0:nan arg0:string arg1:0-d arg1:3-D "
        "arg1:None arg1:nan arg1:string"
    ),
    "stats.chi2_contingency": "arg0:0-d arg0:complex arg0:string",
    "stats.multivariate_normal": "arg2:None",

    # probability
    "probability.marginal": "axis:0-d",

    # metrics
    "metrics.mean_squared_error": "arg0:None arg0:string arg1:None arg1:string",
    "metrics.mean_absolute_error": "arg0:None arg0:string arg1:None arg1:string",
    "metrics.r2_score": "arg0:None arg0:string arg1:None arg1:string",
    "metrics.precision_score": "arg0:None arg0:string arg1:None arg1:string",
    "metrics.recall_score": "arg0:None arg0:string arg1:None arg1:string",
    "metrics.log_loss": "arg0:None arg0:inf arg0:nan arg0:string arg1:string",
    "metrics.roc_curve": "arg0:None arg0:string arg1:None arg1:string",
    "metrics.roc_auc_score": "arg0:0-d arg0:None arg0:string arg1:None arg1:string",
    "metrics.silhouette_samples": "arg0:None arg0:string arg1:None arg1:string",
    "metrics.silhouette_score": "arg0:None arg0:string arg1:None arg1:string",
    "metrics.calinski_harabasz_score": "arg0:None arg0:complex arg0:string arg1:None arg1:string",
    "metrics.davies_bouldin_score": "arg0:None arg0:string arg1:None arg1:string",
    "metrics.pairwise.euclidean_distances": "arg0:None arg0:string arg1:string",
    "metrics.pairwise.manhattan_distances": "arg0:None arg0:string arg1:string",
    "metrics.pairwise.linear_kernel": "arg0:None arg0:string arg1:string",
    "metrics.pairwise.polynomial_kernel": "arg0:None arg0:string arg1:string",
    "metrics.pairwise.rbf_kernel": "arg0:None arg0:string arg1:string",
    "metrics.pairwise.sigmoid_kernel": "arg0:None arg0:string arg1:string",
    "metrics.pairwise.cosine_similarity": "arg0:None arg0:string arg1:string",
    "metrics.pairwise.pairwise_distances": "arg0:0-d arg0:None arg0:string",
    "metrics.pairwise.pairwise_kernels": "arg0:0-d arg0:None arg0:string",

    # model_selection
    "model_selection.KFold": "arg0:string",
    "model_selection.StratifiedKFold": "arg0:string",
    "model_selection.cross_val_score": "arg0:inf arg0:nan arg1:inf arg1:nan cv:3-D cv:empty cv:ragged",
    "model_selection.learning_curve": "arg0:inf arg0:nan arg1:inf arg1:nan cv:ragged train_sizes:0-d",

    # linear_model
    "linear_model.LinearRegression": "arg1:string",
    "linear_model.Ridge": "arg1:string",
    "linear_model.Lasso": "alpha:3-D alpha:empty arg1:string max_iter:None",
    "linear_model.ElasticNet": "alpha:3-D alpha:empty arg1:string max_iter:None",
    "linear_model.GradientDescentRegressor": "arg0:0-d arg0:None arg0:string arg1:0-d arg1:string",
    "linear_model.enet_path": (
        "alphas:0-d alphas:3-D alphas:complex alphas:inf alphas:nan "
        "alphas:string arg0:None arg0:string l1_ratio:0-d l1_ratio:3-D "
        "l1_ratio:None l1_ratio:complex l1_ratio:empty l1_ratio:inf "
        "l1_ratio:nan l1_ratio:ragged l1_ratio:string max_iter:0-d max_iter:inf "
        "max_iter:nan tol:0-d tol:3-D tol:empty tol:inf tol:nan"
    ),
    "linear_model.lasso_path": (
        "alphas:0-d alphas:3-D alphas:complex alphas:inf alphas:nan "
        "alphas:string arg0:None arg0:string max_iter:0-d max_iter:inf "
        "max_iter:nan tol:0-d tol:3-D tol:empty tol:inf tol:nan"
    ),

    # neighbors
    "neighbors.KDTree": "k:nan leaf_size:0-d leaf_size:inf leaf_size:nan",
    "neighbors.KNeighborsClassifier": "arg1:0-d arg1:string n_neighbors:None",
    "neighbors.KNeighborsRegressor": "arg1:0-d arg1:string n_neighbors:None",

    # cluster
    "cluster.kmeans_plusplus": "arg0:None arg0:string",
    "cluster.inconsistent": "arg1:3-D arg1:empty arg1:ragged",

    # decomposition
    "decomposition.PCA": "n_components:None",

    # tree
    "tree.DecisionTreeClassifier": "arg1:0-d arg1:string",
    "tree.DecisionTreeRegressor": "arg1:0-d arg1:string",
    "tree.export_text": "arg1:0-d arg1:string",

    # ensemble
    "ensemble.GradientBoostingRegressor": "arg1:0-d arg1:string",
    "ensemble.GradientBoostingClassifier": "arg1:0-d arg1:string",

    # kernel_ridge
    "kernel_ridge.KernelRidge": "arg1:string",

    # neural_network
    "neural_network.MLPRegressor": "arg1:string",
}

#: concept -> {label: why mathml deliberately does not do what the reference does}.
DELIBERATE: dict[str, dict[str, str]] = {}

#: concepts whose float32 input still comes back with other floating types than the
#: reference's (issue 16's dtype rule).
DTYPE_OPEN: set[str] = {
    # linalg

    # integrate
    "integrate.trapezoid",

    # optimize
    "optimize.penalty",
    "optimize.barrier",
    "optimize.rosen",
    "optimize.rosen_der",
    "optimize.rosen_hess",
    "optimize.line_search",
    "optimize.minimize",

    # stats
    "stats.mean",
    "stats.median",
    "stats.histogram",

    # preprocessing
    "preprocessing.StandardScaler",
    "preprocessing.MinMaxScaler",
    "preprocessing.PolynomialFeatures",

    # metrics
    "metrics.silhouette_samples",

    # linear_model
    "linear_model.LinearRegression",
    "linear_model.Ridge",
    "linear_model.Lasso",
    "linear_model.ElasticNet",
    "linear_model.GradientDescentRegressor",
    "linear_model.LogisticRegression",
    "linear_model.enet_path",
    "linear_model.lasso_path",
    "linear_model.SGDRegressor",
    "linear_model.SGDClassifier",

    # naive_bayes
    "naive_bayes.GaussianNB",

    # neighbors
    "neighbors.KNeighborsRegressor",

    # cluster
    "cluster.KMeans",
    "cluster.kmeans_plusplus",
    "cluster.DBSCAN",

    # decomposition
    "decomposition.PCA",

    # mixture
    "mixture.GaussianMixture",

    # kernel_ridge
    "kernel_ridge.KernelRidge",

}

CONCEPTS = [pytest.param(c, id=c.name) for c in catalog.all_concepts()]


def test_tables_name_concepts():
    names = {c.name for c in catalog.all_concepts()}
    assert not (set(OPEN) | set(DELIBERATE) | DTYPE_OPEN) - names


@pytest.mark.parametrize("concept", CONCEPTS)
def test_hostile_input_behaves_as_the_reference(concept):
    found = fuzz_concept(concept)
    expected = set(OPEN.get(concept.name, "").split()) | set(DELIBERATE.get(concept.name, {}))
    new = {label: problem for label, problem in found.items() if label not in expected}
    gone = sorted(expected - set(found))
    message = [f"{label}: {problem}" for label, problem in sorted(new.items())]
    if gone:
        message.append(f"now as the reference, remove from OPEN: {' '.join(gone)}")
    assert not message, "\n".join(message)


@pytest.mark.parametrize("concept", CONCEPTS)
def test_float32_input_keeps_the_reference_types(concept):
    difference = dtype_difference(concept)
    if concept.name in DTYPE_OPEN:
        assert difference, "now as the reference: remove it from DTYPE_OPEN"
    else:
        assert not difference, difference
