"""Catalog entries for linear models (docs/concepts.md §7): `mathml.linear_model` vs sklearn."""
from __future__ import annotations

import numpy as np
import sklearn.datasets
import sklearn.model_selection
from hypothesis import strategies as st

from .._core import Bench, Concept, bad, case
from .._estimators import (classification_data, estimator_bad, estimator_run, regression_data,
                          seeded)

SEED = "002"  # LinearRegression's slope and intercept; the logistic decision boundary
X5, Y5 = np.array([[1], [2], [3], [4], [5]]), np.array([2, 4, 5, 4, 5])
REGRESSOR = ("predict", "score")
CLASSIFIER = ("predict", "predict_proba", "predict_log_proba", "decision_function", "score")
TIGHT = dict(tol=1e-12, max_iter=100000)


def _regression_cases(**params):
    return tuple(case(*regression_data(s, n=n, p=p), label=f"n={n}, p={p}, seed {s}", **params)
                 for s, n, p in ((0, 30, 3), (1, 12, 5), (2, 60, 1)))


def _bench_regression(**params):
    # 10000×50, what users fit (p = n/4 below 200 samples: a small input stays determined)
    return Bench(10000, lambda n, rng: case(*regression_data(int(rng.integers(1 << 30)), n=n,
                                                             p=min(max(n // 4, 1), 50)),
                                          **params))


def _bad_regression(invalid):
    return estimator_bad(*regression_data(0), classifier=False, invalid=invalid)


def _near_collinear(seed: int):
    """Regression data whose third column is the first plus 1e-8 noise: κ(X) ≈ 1e8."""
    X, y, X_test = regression_data(seed)
    X[:, 2] = X[:, 0] + 1e-8 * np.random.default_rng(seed).uniform(-1, 1, len(y))
    return X, y, X_test


def _two_targets(seed: int):
    """Regression data with a second target, 2·y − 1 plus noise: y of shape (n, 2)."""
    X, y, X_test = regression_data(seed)
    noise = np.random.default_rng(seed + 100).uniform(-1, 1, len(y))
    return X, np.c_[y, 2 * y - 1 + noise], X_test


def _iterative_ridge_cases():
    """Each iterative solver at tol=1e-10, compared by optimum: one target, p > n, and two
    targets with a penalty each; positive=True (L-BFGS-B) on signs that make bounds bind."""
    out = []
    for solver in ("lsqr", "sparse_cg", "sag", "saga"):
        params = dict(solver=solver, tol=1e-10, random_state=0)
        out += [case(*regression_data(11), alpha=2.0, label=f"solver={solver!r}", **params),
                case(*regression_data(12, n=8, p=12), alpha=0.5,
                     label=f"solver={solver!r}, p > n", **params),
                case(*_two_targets(13), alpha=[1.0, 3.0],
                     label=f"solver={solver!r}, alpha per target", **params)]
    out += [case(*regression_data(14, p=5), alpha=1.0, positive=True, tol=1e-10,
                 label="positive=True (lbfgs)"),
            case(*regression_data(15, p=4), alpha=0.1, positive=True, solver="lbfgs",
                 fit_intercept=False, tol=1e-10, label="positive=True, no intercept")]
    return tuple(c.compared("fitted_optimum", "estimator_optimum") for c in out)


def _logistic_solver_cases():
    """Each solver, penalty and weighting at tol=1e-10 (binary and 3 classes)."""
    tight = dict(tol=1e-10, max_iter=10000, random_state=0)
    out = []
    for solver in ("lbfgs", "newton-cg", "newton-cholesky", "sag", "saga"):
        out += [case(*classification_data(20, k=2), solver=solver, C=0.5,
                     label=f"solver={solver!r}, 2 classes", **tight),
                case(*classification_data(21, k=3), solver=solver,
                     label=f"solver={solver!r}, 3 classes", **tight)]
    out += [case(*classification_data(22, k=3), class_weight="balanced",
                 label="class_weight='balanced', 3 classes", **tight),
            case(*classification_data(23, k=2), class_weight={0: 3.0}, solver="newton-cg",
                 label="class_weight={0: 3}, newton-cg", **tight),
            case(*classification_data(24, k=3), class_weight={0: 0.5, 1: 2.0, 2: 1.0},
                 solver="sag", label="class_weight dict, sag", **tight),
            case(*classification_data(25, k=2), l1_ratio=1.0, C=0.3, solver="saga",
                 label="L1 (l1_ratio=1), saga", **tight),
            case(*classification_data(26, k=3), l1_ratio=1.0, C=0.3, solver="saga",
                 label="L1, saga, 3 classes", **tight),
            case(*classification_data(27, k=3), l1_ratio=0.4, C=0.5, solver="saga",
                 label="elastic net (l1_ratio=0.4), saga", **tight),
            case(*classification_data(28, k=2), solver="liblinear",
                 label="liblinear (L2, intercept penalised)", **tight),
            case(*classification_data(29, k=2), solver="liblinear", intercept_scaling=3.0,
                 C=0.5, label="liblinear, intercept_scaling=3", **tight),
            case(*classification_data(30, k=2), solver="liblinear", l1_ratio=1.0, C=0.5,
                 label="liblinear, L1", **tight),
            case(*classification_data(31, k=2), warm_start=True,
                 label="warm_start=True (a first fit starts from 0)", **tight)]
    return tuple(out)


def _logistic_bad_cases():
    """scikit-learn's solver/penalty checks and the deprecation of `penalty`."""
    data2, data3 = classification_data(0), classification_data(0, k=3)
    return (bad(*data2, l1_ratio=1.0, raises=ValueError,
                match="Solver lbfgs supports only 'l2' or None penalties, got l1 penalty",
                label="L1 with lbfgs"),
            bad(*data2, l1_ratio=0.5, solver="liblinear", raises=ValueError,
                match="Only 'saga' solver supports elasticnet penalty", label="elastic net "
                "with liblinear"),
            bad(*data3, solver="liblinear", raises=ValueError,
                match="The 'liblinear' solver does not support multiclass",
                label="liblinear with 3 classes"),
            bad(*data2, solver="liblinear", C=np.inf, raises=ValueError,
                match="C=np.inf as well as penalty=None is not supported",
                label="liblinear without a penalty"),
            bad(*data2, class_weight={0: 1.0, 7: 2.0}, raises=ValueError,
                match="The classes, \\[1\\], are not in class_weight",
                label="class_weight names an absent class"),
            bad(*data2, solver="qr", raises=ValueError,
                match="The 'solver' parameter of \\w+ must be", label="unknown solver"),
            bad(*data2, penalty="l2", warns=FutureWarning, label="penalty is deprecated"),
            bad(*data2, penalty="l3", raises=ValueError,
                match="The 'penalty' parameter of \\w+ must be a str among", label="unknown "
                "penalty (the hidden default 'deprecated' not named)"),
            bad(*data2, l1_ratio=None, warns=FutureWarning, label="l1_ratio=None deprecated"))


def _coordinate_descent_cases(**params):
    """The parameters of issue 14 at tol=1e-12: positive, precompute (True and a Gram
    matrix), selection='random' with a seed, two targets, warm_start."""
    tight = dict(params, **TIGHT)
    Xc, yc, Xc_test = regression_data(40, p=4)
    Xc = Xc - Xc.mean(axis=0)          # centred: a given Gram matrix is then used as is
    return (case(*regression_data(41, p=5), positive=True, label="positive=True", **tight),
            case(*regression_data(42, p=4), precompute=True, label="precompute=True",
                 **tight),
            case(Xc, yc, Xc_test, precompute=Xc.T @ Xc, fit_intercept=False,
                 label="precompute=XᵀX given", **tight),
            case(*regression_data(43, p=6), selection="random", random_state=0,
                 label="selection='random', random_state=0", **tight),
            case(*regression_data(44, n=20, p=8), selection="random", random_state=5,
                 positive=True, label="random selection, positive", **tight),
            case(*_two_targets(45), label="two targets", **tight),
            case(*_two_targets(46), positive=True, precompute=True,
                 label="two targets, positive, Gram", **tight),
            case(*regression_data(47), warm_start=True,
                 label="warm_start=True (a first fit starts from 0)", **tight))


def _path_run(f, c):
    """The grid and the coefficients; the dual gaps measure where each run stopped."""
    alphas, coefs, *_ = f(*c.args, **c.kwargs)
    return alphas, coefs


def _path_data(seed: int, n: int = 30, p: int = 4):
    X, y, _ = regression_data(seed, n=n, p=p)
    return X - X.mean(axis=0), y - y.mean()


def _path_cases(l1_ratio: float | None):
    ratio = {} if l1_ratio is None else {"l1_ratio": l1_ratio}
    tight = dict(ratio, tol=1e-12, max_iter=100000)
    return (case(*_path_data(50), alphas=8, label="a grid of 8 from α_max", **tight),
            case(*_path_data(51, n=20, p=8), alphas=6, eps=1e-2, label="p = 8, eps = 1e-2",
                 **tight),
            case(*_path_data(52), alphas=[0.5, 0.05, 0.2], label="given alphas (sorted)",
                 **tight),
            case(*_path_data(53), alphas=5, positive=True, label="positive", **tight),
            case(*_path_data(54), alphas=5, precompute=False, label="no Gram matrix",
                 **tight),
            case(*_path_data(55), alphas=5, selection="random", random_state=2,
                 label="random selection", **tight),
            case(*_path_data(57), alphas=5, tol=1.0, label="tol = 1: every warm start already "
                 "meets the gap, no sweep at all", **ratio))


def _path_bad(f_kwargs):
    X, y = _path_data(0)
    return (bad(X, y, alphas=3, tolerance=1e-3, raises=ValueError,
                match="Unexpected parameters in params", label="an unknown keyword", **f_kwargs),
            bad(X, y, alphas=3, selection="shuffled", raises=ValueError,
                match="selection should be either random or cyclic", label="bad selection",
                **f_kwargs),
            bad(X, np.c_[y, y], alphas=3, raises=ValueError, match="y must be 1-D",
                label="2-D y (the multi-task problem)", **f_kwargs),
            bad(X, y, n_alphas=3, warns=FutureWarning, label="n_alphas is deprecated",
                **f_kwargs),
            bad(X, y, alphas=None, warns=FutureWarning, label="alphas=None is deprecated",
                **f_kwargs))


def _bench_path(n, rng):
    """n samples, p = n/4 ≤ 10 features (a unique solution on the whole path), 20 alphas."""
    return case(*_path_data(int(rng.integers(1 << 30)), n=n, p=max(1, min(10, n // 4))),
                alphas=20, tol=1e-10, max_iter=100000)


def _stops_early(data, **params):
    """max_iter too small for the tolerance: both warn ConvergenceWarning (each library's own
    class, both UserWarnings) and return the unfinished fit."""
    return bad(*data, warns=UserWarning, label="max_iter reached: ConvergenceWarning",
               **params)


def _seed_split():
    """Seed 002's pipeline: its data split by train_test_split(test_size=0.2, random_state=42)
    (the split itself is model_selection's concept; here the reference library makes it)."""
    rs = np.random.RandomState(42)
    X = rs.rand(100, 1)
    y = 2 * X + 1 + rs.randn(100, 1) * 0.1
    X_train, X_test, y_train, _ = sklearn.model_selection.train_test_split(
        X, y, test_size=0.2, random_state=42)
    return X_train, y_train, X_test


_seed_X, _seed_y = sklearn.datasets.make_classification(
    n_samples=100, n_features=2, n_informative=2, n_redundant=0, n_clusters_per_class=1,
    random_state=42)
_grid = np.c_[np.linspace(-3, 3, 7), np.linspace(3, -3, 7)]

CONCEPTS = (
    Concept(
        name="linear_model.LinearRegression",
        reference_call="sklearn.linear_model.LinearRegression",
        comparison="exact", tolerance="least_squares",
        cases=(case(X5, Y5, X5, outputs=("coef_", "intercept_"), seed=SEED,
                    expected={"coef_": ["0.60"], "intercept_": "2.20"},
                    label="seed 002: slope 0.60, intercept 2.20"),
               case(X5, Y5, X5, label="seed 002 data, all outputs"),
               case(*_seed_split(), label="seed 002: fit on the train_test_split, a column y"),
               *_regression_cases(),
               case(*regression_data(3), fit_intercept=False, label="no intercept"),
               case(*_near_collinear(10), label="κ(X) ≈ 1e8: σ below 1e-6·σ₁ counts as zero"),
               case(*regression_data(11, n=5, p=8), label="p > n: minimum norm, rank n − 1")),
        strategy=seeded(regression_data),
        bad=_bad_regression({"fit_intercept": "yes"}) + (
            bad(np.ones((3, 2)), np.float64(1.0), np.ones((2, 2)), raises=TypeError,
                match="Input should have at least 1 dimension", label="a 0-d y"),
            bad("abc", [1.0], np.ones((2, 2)), raises=ValueError,
                match="Expected 2D array, got scalar array instead",
                label="a string as X (numeric: the shape is checked first)"),
            bad([[1.0, 2.0], [3.0]], [1.0, 2.0], np.ones((2, 2)), raises=ValueError,
                match="inhomogeneous shape", label="a ragged X")),
        bench=_bench_regression(),
        seeds=(SEED,),
        # rank_ and singular_ are compared in tests/test_linear_model.py: a learner's own
        # LinearRegression checked against this concept need not have them
        run=estimator_run(("coef_", "intercept_", "n_features_in_"), REGRESSOR),
        note="mathml: Householder QR (SVD minimum norm when rank deficient); scikit-learn: "
             "LAPACK gelsd (SVD). Same least-squares solution within κ²·eps; both count "
             "σ ≤ 1e-6·σ₁ as zero (scikit-learn's default tol), so nearly collinear columns "
             "give the same truncated solution."),
    Concept(
        name="linear_model.Ridge",
        reference_call="sklearn.linear_model.Ridge",
        comparison="exact", tolerance="least_squares",
        cases=(*_regression_cases(alpha=2.0),
               case(*regression_data(4, n=8, p=12), alpha=0.5, label="p > n"),
               case(*regression_data(5), alpha=1.0, fit_intercept=False, label="no intercept"),
               *(case(*regression_data(s, n=n, p=p), alpha=1.5, solver="svd",
                      label=f"solver='svd', n={n}, p={p}") for s, n, p in ((7, 30, 4), (8, 8, 12))),
               case(*_two_targets(9), alpha=[0.5, 4.0], label="alpha per target, cholesky"),
               case(*_two_targets(10), alpha=[0.5, 4.0], solver="svd",
                    label="alpha per target, svd"),
               *_iterative_ridge_cases()),
        strategy=seeded(regression_data, alpha=1.0),
        bad=_bad_regression({"alpha": -1.0}) + (
            bad([["a", "b"], ["c", "d"]], [1.0, 2.0], np.ones((2, 2)), raises=ValueError,
                match="could not convert string to float: 'a'",
                label="strings in X (converted to float at once, as scikit-learn's Ridge)"),
            bad(*regression_data(0), alpha=1.0, solver="qr", raises=ValueError,
                match="The 'solver' parameter of \\w+ must be", label="unknown solver"),
            bad(*_two_targets(0), alpha=[1.0, 2.0, 3.0], raises=ValueError,
                match="Number of targets and number of penalties do not correspond: 3 != 2",
                label="3 penalties for 2 targets"),
            bad(*regression_data(0), solver="lbfgs", raises=ValueError,
                match="'lbfgs' solver can be used only when positive=True",
                label="lbfgs without positive"),
            bad(*regression_data(0), solver="svd", positive=True, raises=ValueError,
                match="solver='svd' does not support positive fitting",
                label="positive with svd"),
            _stops_early(regression_data(0), solver="sag", max_iter=1, tol=1e-12)),
        bench=_bench_regression(alpha=1.0),
        run=estimator_run(("coef_", "intercept_", "n_features_in_"), REGRESSOR),
        note="every solver in both on centred data (the intercept is not penalised); 'auto' "
             "is 'cholesky' for dense input (the n × n dual when p > n). The direct solvers "
             "('cholesky', 'svd') within the least-squares bound; the iterative ones ('lsqr', "
             "'sparse_cg', 'sag', 'saga', 'lbfgs' for positive=True) by optimum at tol=1e-10. "
             "SAG/SAGA reproduce scikit-learn's step size, sample draws and stopping rule "
             "(n_iter_ equal, tests/test_linear_model.py); its lazy updates round differently."),
    Concept(
        name="linear_model.Lasso",
        reference_call="sklearn.linear_model.Lasso",
        comparison="fitted_optimum", tolerance="estimator_optimum",
        cases=_regression_cases(alpha=0.1, **TIGHT) + (
            case(*regression_data(6, n=20, p=8), alpha=0.5, label="sparse solution", **TIGHT),
            case(*regression_data(0), alpha=1e308,
                 label="alpha=1e308: w = 0 (n·alpha overflows to inf; inf·0 made NaN)"),
            *_coordinate_descent_cases(alpha=0.3)),
        strategy=seeded(regression_data, alpha=0.1, **TIGHT),
        bad=_bad_regression({"alpha": -1.0}) + (
            _stops_early(regression_data(0), alpha=1e-3, max_iter=1, tol=1e-12),
            bad(*regression_data(0), selection="shuffled", raises=ValueError,
                match="The 'selection' parameter of \\w+ must be", label="unknown selection"),
            bad(*regression_data(0), fit_intercept=False, precompute=np.eye(3), raises=ValueError,
                match="Gram matrix passed in via 'precompute' parameter did not pass "
                      "validation", label="a wrong Gram matrix"),
            bad(*regression_data(0), precompute=np.eye(3), warns=UserWarning,
                label="a Gram matrix with an intercept: recomputed on the centred X"),
            bad(*regression_data(0), alpha=0.0, warns=UserWarning,
                label="alpha=0: use LinearRegression"),
            bad(*regression_data(0), max_iter=None, raises=TypeError,
                match="an integer is required",
                label="max_iter=None passes the constraint, then fails"),
            bad(*regression_data(0), precompute=[[1.0, 0.0], [0.0, 1.0]], raises=ValueError,
                match="Precompute should be one of True, False, 'auto' or array-like",
                label="a Gram matrix as a list")),
        bench=_bench_regression(alpha=0.1),
        run=estimator_run(("coef_", "intercept_", "n_features_in_"), REGRESSOR),
        note="coordinate descent in both (on the residual, or the Gram matrix with "
             "precompute), stopped by the same duality gap; compared at tol=1e-12 (n_iter_ and "
             "dual_gap_ are not compared: they depend on rounding). selection='random' draws "
             "scikit-learn's coordinates (its xorshift stream); scikit-learn ≥ 1.8 also "
             "screens out coordinates the gap proves zero and then draws among the rest, so "
             "the orders agree only until its first screening: compared by optimum."),
    Concept(
        name="linear_model.ElasticNet",
        reference_call="sklearn.linear_model.ElasticNet",
        comparison="fitted_optimum", tolerance="estimator_optimum",
        cases=_regression_cases(alpha=0.1, l1_ratio=0.3, **TIGHT) + _coordinate_descent_cases(
            alpha=0.2, l1_ratio=0.6) + (
            case(*regression_data(0), alpha=1e308, l1_ratio=0.5,
                 label="alpha=1e308: w = 0 (both penalty weights overflow to inf)"),),
        strategy=seeded(regression_data, alpha=0.2, l1_ratio=0.7, **TIGHT),
        bad=_bad_regression({"l1_ratio": 2.0}) + (
            _stops_early(regression_data(0), alpha=1e-3, max_iter=1, tol=1e-12),),
        bench=_bench_regression(alpha=0.1, l1_ratio=0.5),
        run=estimator_run(("coef_", "intercept_", "n_features_in_"), REGRESSOR),
        note="as Lasso, with the L2 part α(1−ρ)/2‖w‖²."),
    Concept(
        name="linear_model.GradientDescentRegressor",
        reference_call="sklearn.linear_model.Ridge / LinearRegression (the minimiser)",
        comparison="fitted_optimum", tolerance="estimator_optimum",
        cases=(case(X5, Y5, X5, seed=SEED, label="seed 002's data, run to convergence"),
               *_regression_cases(), *_regression_cases(alpha=0.1)),
        strategy=seeded(regression_data),
        bad=_bad_regression({"eta0": -0.1}),
        bench=_bench_regression(),
        seeds=(SEED,),
        run=estimator_run(("coef_", "intercept_", "n_features_in_"), REGRESSOR),
        note="full-batch gradient descent (the seeds' algorithm) compared with the exact "
             "minimiser it converges to; scikit-learn's stochastic SGDRegressor is not the "
             "reference. The seed's own 1000 steps at η = 0.01 (not converged) are checked in "
             "tests/test_linear_model.py against the seed's loop."),
    Concept(
        name="linear_model.LogisticRegression",
        reference_call="sklearn.linear_model.LogisticRegression",
        comparison="fitted_optimum", tolerance="estimator_optimum",
        cases=(case(_seed_X, _seed_y, _grid, tol=1e-10, max_iter=10000, seed=SEED,
                    label="seed 002: make_classification(random_state=42), decision boundary"),
               *(case(*classification_data(s, k=k), C=C, label=f"{k} classes, C={C}",
                      tol=1e-10, max_iter=10000)
                 for s, k, C in ((0, 2, 1.0), (1, 2, 0.1), (2, 3, 1.0), (3, 4, 10.0))),
               case(*classification_data(4, k=3), C=np.inf, tol=1e-10, max_iter=10000,
                    label="no penalty (C=inf), 3 classes"),
               *(case(*classification_data(s, k=k), C=1e308, tol=1e-10, max_iter=10000,
                      label=f"C=1e308 (C·Σs overflows; the problem divided by C), {k} classes")
                 for s, k in ((0, 2), (4, 3))),
               *_logistic_solver_cases()),
        strategy=seeded(classification_data, tol=1e-10, max_iter=10000),
        bad=estimator_bad(*classification_data(0), classifier=True, invalid={"C": -1.0}) + (
            _stops_early(classification_data(0), max_iter=1, tol=1e-12),
            _stops_early(classification_data(0), solver="saga", max_iter=1, tol=1e-12),
            *_logistic_bad_cases()),
        bench=Bench(10000, lambda n, rng: case(*classification_data(
            int(rng.integers(1 << 30)), n=n, p=min(max(n // 4, 1), 50)), tol=1e-10,
            max_iter=10000)),
        seeds=(SEED,),
        run=estimator_run(("classes_", "coef_", "intercept_", "n_features_in_"), CLASSIFIER),
        note="every solver name in both (mathml's own algorithm for each, said in its "
             "docstring), at tol=1e-10: the same minimiser; n_iter_ not compared. The "
             "intercept is unpenalised except by 'liblinear' (a feature of value "
             "intercept_scaling). SAG/SAGA reproduce scikit-learn's draws and steps."),
    Concept(
        name="linear_model.enet_path",
        reference_call="sklearn.linear_model.enet_path",
        comparison="fitted_optimum", tolerance="estimator_optimum",
        cases=_path_cases(0.5) + (
            case(*_path_data(56), l1_ratio=0.2, alphas=[1.0, 0.1], tol=1e-12, max_iter=100000,
                 label="l1_ratio=0.2, given alphas"),),
        strategy=lambda: st.integers(0, 2 ** 31 - 1).map(
            lambda s: case(*_path_data(s), alphas=4, tol=1e-12, max_iter=100000)),
        bad=_path_bad({}) + (
            bad(*_path_data(0), l1_ratio=0.0, alphas=3, raises=ValueError,
                match="Automatic alpha grid generation is not supported for l1_ratio=0",
                label="l1_ratio=0 with a generated grid"),),
        bench=Bench(500, _bench_path),
        run=_path_run,
        note="coordinate descent warm-started along a decreasing geometric grid from α_max "
             "(no intercept); the grid and coefficients compared (by optimum, tol=1e-12), "
             "the dual gaps not (they say where each run stopped)."),
    Concept(
        name="linear_model.lasso_path",
        reference_call="sklearn.linear_model.lasso_path",
        comparison="fitted_optimum", tolerance="estimator_optimum",
        cases=_path_cases(None),
        strategy=lambda: st.integers(0, 2 ** 31 - 1).map(
            lambda s: case(*_path_data(s), alphas=4, tol=1e-12, max_iter=100000)),
        bad=_path_bad({}),
        bench=Bench(500, _bench_path),
        run=_path_run,
        note="enet_path with l1_ratio = 1."),
)
