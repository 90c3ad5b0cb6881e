"""Catalog entries for multilayer perceptrons (issue 13): `mathml.neural_network` vs
scikit-learn, compared bit for bit.

A case is ``case(X, y, X_test, **hyperparameters)``; reserved keywords: ``sample_weight=``
goes to ``fit``; ``partial_fit=k`` trains by k calls of ``partial_fit`` (with ``classes=``
for the classifier) instead of ``fit``; ``positional=(...)`` are positional arguments of the
constructor; ``quiet=False`` keeps the max_iter ConvergenceWarning (silenced otherwise).
`run` returns the weights, the loss curve and every other fitted attribute, and every
prediction method on X_test. The cases are small (a few ms each) and cover both
solvers, every activation, the three learning-rate schedules, Nesterov's momentum on and
off, early stopping, a remainder minibatch and tol-based stopping.
"""
from __future__ import annotations

import warnings

import numpy as np
from hypothesis import strategies as st

from ._core import Bench, Concept, bad, case
from ._estimators import estimator_bad

NOTE = ("the same Glorot-uniform draws, early-stopping split and per-epoch shuffles from the "
        "same RandomState, the same minibatches (the last one smaller), the losses and "
        "updates in scikit-learn's order; the logistic is 1/(1 + exp(−z)) and the losses' "
        "logarithms are C's log (math.exp, math.log), as SciPy's expit and xlogy, so every "
        "weight and loss is bitwise equal; solver='lbfgs' is not compared (mathml refuses it). "
        "float32 data is trained in float32, as scikit-learn's, with its types (tests/"
        "test_mlp.py compares those within float32 rounding; these cases are float64)")

ATTRIBUTES = ("coefs_", "intercepts_", "loss_", "loss_curve_", "best_loss_",
              "validation_scores_", "best_validation_score_", "n_iter_", "t_", "n_layers_",
              "n_outputs_", "out_activation_", "n_features_in_")


def _run(attributes: tuple[str, ...], methods: tuple[str, ...]):
    def run(cls, c):
        X, y, X_test = c.args
        params = dict(c.kwargs)
        sample_weight = params.pop("sample_weight", None)
        calls = params.pop("partial_fit", 0)
        fit_params = {"classes": params.pop("classes")} if "classes" in params else {}
        quiet = params.pop("quiet", True)
        model = cls(*params.pop("positional", ()), **params)
        with warnings.catch_warnings():  # max_iter reached: bad cases check the warning
            if quiet:
                warnings.filterwarnings("ignore", message="Stochastic Optimizer: Maximum")
            if calls:
                for _ in range(calls):
                    model.partial_fit(X, y, sample_weight=sample_weight, **fit_params)
            else:
                model.fit(X, y, sample_weight=sample_weight)
        out = {}
        for a in attributes:
            value = getattr(model, a)
            out[a] = tuple(np.asarray(v) for v in value) if isinstance(value, list) else value
        out.update((m, getattr(model, m)(X_test)) for m in methods)
        out["score"] = model.score(X, y)
        return out
    return run


def mlp_data(seed: int, n: int = 50, p: int = 4, k: int = 2, regression: bool = False,
             outputs: int = 1, labels=None):
    """Uniform X on [−2, 2]^p; classes from bands of the first feature with 20 % flipped
    (k classes; `labels` renames them), or a noisy linear target with `outputs` columns."""
    rng = np.random.default_rng(seed)
    X = rng.uniform(-2, 2, (n, p))
    X_test = rng.uniform(-2.5, 2.5, (7, p))
    if regression:
        y = X @ rng.uniform(-1, 1, (p, outputs)) + 0.2 * rng.uniform(-1, 1, (n, outputs))
        return X, (y[:, 0] if outputs == 1 else y), X_test
    y = (np.floor((X[:, 0] + 2) * k / 4).astype(int) + (rng.random(n) < 0.2)) % k
    return X, (y if labels is None else np.asarray(labels)[y]), X_test


_C2, _C3 = mlp_data(0), mlp_data(1, n=57, k=3)
_SMALL = dict(hidden_layer_sizes=(6,), max_iter=5)

CLASSIFIER_CASES = (
    case(*_C2, **_SMALL, random_state=0, label="binary, relu, adam"),
    case(*_C3, hidden_layer_sizes=(6, 5), activation="tanh", solver="sgd", batch_size=20,
         learning_rate_init=0.05, max_iter=6, random_state=1,
         label="3 classes, tanh, sgd with Nesterov, two hidden layers, a remainder batch (57 = 2·20 + 17)"),
    case(*_C3, **_SMALL, activation="logistic", solver="sgd", nesterovs_momentum=False,
         momentum=0.5, learning_rate="invscaling", learning_rate_init=0.2, batch_size=10,
         random_state=2, label="3 classes, logistic, sgd classical momentum, invscaling"),
    case(*_C2, hidden_layer_sizes=(5,), activation="identity", solver="sgd",
         learning_rate="adaptive", tol=0.5, n_iter_no_change=1, max_iter=15, batch_size=25,
         random_state=3, label="identity, sgd 'adaptive' (the rate divided by 5 until 1e-6)"),
    case(*_C2, **_SMALL, solver="sgd", learning_rate="constant", learning_rate_init=0.1,
         momentum=0.0, random_state=4, label="plain sgd (momentum 0), constant rate"),
    case(*mlp_data(5, n=80), hidden_layer_sizes=(8,), early_stopping=True,
         validation_fraction=0.2, learning_rate_init=0.05, max_iter=12, random_state=5,
         label="binary, early stopping (stratified split, best weights restored)"),
    case(*mlp_data(6, n=90, k=3), hidden_layer_sizes=(8,), activation="tanh",
         early_stopping=True, n_iter_no_change=2, learning_rate_init=0.05, max_iter=20,
         random_state=6, label="3 classes, early stopping (no stratification: 3 outputs)"),
    case(*_C3, hidden_layer_sizes=(10,), learning_rate_init=0.05, tol=0.05,
         n_iter_no_change=2, max_iter=100, random_state=7,
         label="stopped by tol after n_iter_no_change + 1 epochs"),
    case(*mlp_data(8, k=3, labels=[-3, 5, 11]), **_SMALL, alpha=0.1, random_state=8,
         label="labels -3, 5, 11, alpha=0.1"),
    case(_C2[0], np.zeros(50, dtype=int), _C2[2], **_SMALL, random_state=10,
         label="one class: a single logistic output, predict_proba with two columns"),
    case(*_C3, **_SMALL, random_state=11,
         sample_weight=np.random.default_rng(11).uniform(0.2, 2.0, 57),
         label="sample weights"),
    case(*_C3, hidden_layer_sizes=(6,), batch_size=16, random_state=12, partial_fit=3,
         classes=np.array([0, 1, 2]), label="three calls of partial_fit"),
    case(*_C2, **_SMALL, shuffle=False, batch_size=15, n_iter_no_change=np.inf,
         random_state=13, label="no shuffling, n_iter_no_change=inf"),
)

_R1, _R2 = mlp_data(20, regression=True), mlp_data(21, n=45, p=3, regression=True, outputs=2)

REGRESSOR_CASES = (
    case(*_R1, hidden_layer_sizes=(8,), max_iter=5, random_state=20,
         label="one output, relu, adam"),
    case(*_R2, hidden_layer_sizes=(8,), activation="tanh", solver="sgd", batch_size=10,
         learning_rate="invscaling", learning_rate_init=0.02, max_iter=6, random_state=21,
         label="two outputs, tanh, sgd invscaling, a remainder batch (45 = 4·10 + 5)"),
    case(*_R1, hidden_layer_sizes=(6, 4), activation="identity", solver="sgd",
         nesterovs_momentum=False, learning_rate="adaptive", learning_rate_init=0.005,
         tol=0.1, n_iter_no_change=2, max_iter=30, random_state=22,
         label="identity, two hidden layers, sgd 'adaptive', classical momentum"),
    case(*_R2, hidden_layer_sizes=(8,), activation="logistic", learning_rate_init=0.02,
         max_iter=6, random_state=23, label="two outputs, logistic, adam"),
    case(*mlp_data(24, n=80, regression=True), hidden_layer_sizes=(8,), early_stopping=True,
         learning_rate_init=0.02, n_iter_no_change=3, max_iter=20, random_state=24,
         label="early stopping on R²"),
    case(*_R1, hidden_layer_sizes=(8,), learning_rate_init=0.01, tol=0.1,
         n_iter_no_change=3, max_iter=100, random_state=25, label="stopped by tol"),
    case(_R1[0], np.abs(_R1[1]), _R1[2], loss="poisson", hidden_layer_sizes=(8,),
         max_iter=5, random_state=26, label="poisson loss (exp output)"),
    case(*_R2, hidden_layer_sizes=(8,), max_iter=5, random_state=27,
         sample_weight=np.random.default_rng(27).uniform(0.2, 2.0, 45),
         label="two outputs, sample weights"),
    case(*_R1, hidden_layer_sizes=(8,), solver="sgd", learning_rate_init=0.01,
         batch_size=16, partial_fit=3, random_state=28, label="three calls of partial_fit"),
)


def _generated(regression: bool):
    """Drawn data and hyperparameters (a few epochs, small layers)."""
    @st.composite
    def draw(d):
        seed = d(st.integers(0, 2**31 - 1))
        n, p = d(st.integers(12, 70)), d(st.integers(1, 5))
        params = dict(
            random_state=d(st.integers(0, 2**31 - 1)),
            hidden_layer_sizes=tuple(d(st.lists(st.integers(1, 8), min_size=1, max_size=2))),
            activation=d(st.sampled_from(("identity", "logistic", "tanh", "relu"))),
            solver=d(st.sampled_from(("sgd", "adam"))),
            learning_rate=d(st.sampled_from(("constant", "invscaling", "adaptive"))),
            batch_size=d(st.sampled_from(("auto", 2, 7, 16))),
            nesterovs_momentum=d(st.booleans()),
            alpha=d(st.sampled_from((0.0, 1e-4, 0.1))),
            # larger SGD steps can diverge (both refuse the non-finite weights alike)
            learning_rate_init=d(st.sampled_from((0.001, 0.005, 0.02))),
            max_iter=d(st.integers(1, 4)))
        if n >= 40 and d(st.booleans()):
            params["early_stopping"] = True
        if regression:
            X, y, X_test = mlp_data(seed, n=n, p=p, regression=True,
                                    outputs=d(st.integers(1, 2)))
        else:
            X, y, X_test = mlp_data(seed, n=n, p=p, k=d(st.integers(2, 3)))
        return case(X, y, X_test, **params)
    return draw


def _bad(regression: bool):
    X, y, X_test = _R1 if regression else _C2
    out = estimator_bad(X, y, X_test, classifier=not regression, invalid={"n_iter_no_change": 0})
    name = "MLPRegressor" if regression else "MLPClassifier"
    out += (
        bad(X, y, X_test, hidden_layer_sizes=(3, 0), raises=ValueError,
            match=r"hidden_layer_sizes must be > 0, got \[3, 0\]\.",
            label="a hidden layer of 0 units"),
        bad(X, y, X_test, **_SMALL, random_state=0, quiet=False, warns=UserWarning,
            match=r"Stochastic Optimizer: Maximum iterations \(5\) reached",
            label="max_iter reached: ConvergenceWarning"),
        bad(X, y, X_test, hidden_layer_sizes=(6,), batch_size=80, random_state=0,
            warns=UserWarning,
            match="Got `batch_size` less than 1 or larger than sample size",
            label="batch_size > n_samples (clipped, with a warning)"),
        bad(X, y, X_test, solver="newton", raises=ValueError,
            match=f"The 'solver' parameter of {name} must be a str among",
            label="unknown solver"),
        bad(X, y, X_test, early_stopping=True, partial_fit=1,
            **({} if regression else {"classes": np.array([0, 1])}), raises=ValueError,
            match="partial_fit does not support early_stopping=True",
            label="partial_fit with early stopping"))
    if regression:
        yinf = y.copy()
        yinf[3] = np.inf
        out += (
            bad(X, y, X_test, positional=(100,), raises=ValueError,
                match="The 'loss' parameter of MLPRegressor must be a str among",
                label="MLPRegressor(100): the first positional parameter is loss"),
            bad(X, yinf, X_test, raises=ValueError, match="Input y contains infinity",
                label="infinity in y"),
            bad(X, y, X_test, early_stopping=True, validation_fraction=0.02, raises=ValueError,
                match="The validation set is too small",
                label="early stopping with one validation row"))
    else:
        out += (
            bad(X, y, X_test, partial_fit=1, raises=ValueError,
                match="classes must be passed on the first call to partial_fit",
                label="partial_fit without classes"),
            bad(X, y, X_test, early_stopping=True, validation_fraction=0.02,
                raises=ValueError,
                match="The test_size = 1 should be greater or equal to the number of "
                      "classes = 2", label="early stopping: fewer validation rows than classes"))
    return out


def _bench(regression: bool, epochs: int):
    """10000 × 50, one hidden layer of 100 relu units, adam, `epochs` epochs."""
    def make(n, rng):
        X = rng.normal(size=(n, 50))
        y = X[:, 0] - 2 * X[:, 1] + 0.5 * rng.normal(size=n)
        return case(X, y if regression else (y > 0).astype(int), X[:100],
                    hidden_layer_sizes=(100,), max_iter=epochs, random_state=0)
    return Bench(10000, make)


CONCEPTS = (
    Concept(
        name="neural_network.MLPClassifier",
        reference_call="sklearn.neural_network.MLPClassifier",
        comparison="exact", tolerance="bitwise",
        cases=CLASSIFIER_CASES,
        strategy=lambda: _generated(False)(),
        bad=_bad(False),
        bench=_bench(False, 10),
        run=_run(ATTRIBUTES + ("classes_",),
                 ("predict", "predict_proba", "predict_log_proba")),
        note=NOTE),
    Concept(
        name="neural_network.MLPRegressor",
        reference_call="sklearn.neural_network.MLPRegressor",
        comparison="exact", tolerance="bitwise",
        cases=REGRESSOR_CASES,
        strategy=lambda: _generated(True)(),
        bad=_bad(True),
        bench=_bench(True, 1),
        run=_run(ATTRIBUTES, ("predict",)),
        note=NOTE),
)
