"""Catalog entries for mixture (docs/concepts.md §8): `mathml.mixture` vs scikit-learn.

A case is ``case(X, None, X_test, **hyperparameters)``: `run` fits on X and returns the
fitted parameters, the EM bookkeeping (iterations, convergence, lower bounds), the labels of
``fit_predict`` and every method on X_test.
"""
from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from ._core import Bench, Concept, bad, case

COVARIANCE_TYPES = ("full", "tied", "diag", "spherical")
INITS = ("kmeans", "k-means++", "random", "random_from_data")
ATTRIBUTES = ("weights_", "means_", "covariances_", "precisions_", "precisions_cholesky_",
              "converged_", "n_iter_", "lower_bound_", "lower_bounds_", "n_features_in_")
METHODS = ("predict", "predict_proba", "score_samples", "score", "bic", "aic")


def blobs(seed: int, n: int = 150, p: int = 3, K: int = 3, spread: float = 10.0):
    """K separated Gaussian blobs of unequal sizes and widths (by construction: centres
    uniform in a box of half-width `spread`, then n/K samples each), and 7 test points."""
    rng = np.random.default_rng(seed)
    centres = rng.uniform(-spread, spread, (K, p))
    widths = rng.uniform(0.5, 2.0, (K, p))
    y = np.arange(n) % K
    X = centres[y] + widths[y] * rng.standard_normal((n, p))
    return X, None, rng.uniform(-spread, spread, (7, p))


def run(cls, c):
    X, _, X_test = c.args
    model = cls(**c.kwargs)
    labels = model.fit_predict(X)
    out = {a: getattr(model, a) for a in ATTRIBUTES}
    out["lower_bounds_"] = np.asarray(out["lower_bounds_"], dtype=float)
    out["fit_predict"] = labels
    out.update((m, getattr(model, m)(X_test)) for m in METHODS)
    return out


def _blob_case(seed: int, covariance_type: str, init_params: str, K: int = 3, p: int = 3,
               **kw):
    return case(*blobs(seed, K=K, p=p), n_components=K, covariance_type=covariance_type,
                init_params=init_params, random_state=seed, **kw,
                label=f"{covariance_type}, {init_params}" + "".join(f", {k}={v}"
                                                                    for k, v in kw.items()))


def _initial_parameters():
    X, _, X_test = blobs(7, K=2, p=2)
    return case(X, None, X_test, n_components=2, weights_init=[0.3, 0.7],
                means_init=[[0.0, 0.0], [5.0, 5.0]],
                precisions_init=[[[1.0, 0.2], [0.2, 2.0]], [[0.5, 0.0], [0.0, 0.5]]],
                label="weights_init, means_init, precisions_init")


CASES = (
    case(np.array([[1.0, 2], [1, 4], [1, 0], [10, 2], [10, 4], [10, 0]]), None,
         np.array([[0.0, 0], [12, 3]]), n_components=2, random_state=0,
         label="scikit-learn's example"),
    *(_blob_case(s, t, i) for s, (t, i) in enumerate(zip(COVARIANCE_TYPES, INITS))),
    *(_blob_case(s + 4, t, "kmeans") for s, t in enumerate(COVARIANCE_TYPES)),
    _blob_case(11, "full", "random", n_init=4),
    _blob_case(12, "diag", "random_from_data", n_init=3),
    _blob_case(13, "tied", "kmeans", reg_covar=0.5),
    _blob_case(14, "full", "random", tol=1e-8, max_iter=4),
    _blob_case(15, "spherical", "random", K=4, p=1, tol=1e-8),
    _initial_parameters(),
)


def _generated():
    """Blobs of drawn shape, one drawn covariance type and initialisation (n_init = 1: two
    initialisations that reach the same optimum tie to rounding, see the 'em' tolerance)."""
    @st.composite
    def draw(d):
        seed = d(st.integers(0, 2**31 - 1))
        K, p = d(st.integers(1, 4)), d(st.integers(1, 4))
        n = d(st.integers(20 * K * p, 40 * K * p))
        X, _, X_test = blobs(seed, n=n, p=p, K=K)
        return case(X, None, X_test, n_components=K,
                    covariance_type=d(st.sampled_from(COVARIANCE_TYPES)),
                    init_params=d(st.sampled_from(INITS)), random_state=seed % 1000,
                    tol=d(st.sampled_from((1e-3, 1e-6))))
    return draw()


def _bad():
    X, _, X_test = blobs(0, n=20)
    Xnan = X.copy()
    Xnan[3, 1] = np.nan
    return (
        bad(X[:2], None, X_test, n_components=3, raises=ValueError,
            match="Expected n_samples >= n_components but got n_components = 3, n_samples = 2",
            label="n_samples < n_components"),
        bad(X[:1], None, X_test, raises=ValueError, match="Found array with 1 sample",
            label="one sample"),
        bad(Xnan, None, X_test, raises=ValueError, match="Input X contains NaN",
            label="NaN in X"),
        bad(X[:, 0], None, X_test, raises=ValueError, match="Expected 2D array",
            label="1-D X"),
        bad(X, None, X_test[:, :-1], raises=ValueError,
            match="X has 2 features, but GaussianMixture is expecting 3 features as input",
            label="wrong feature count at predict"),
        bad(X, None, X_test, covariance_type="banana", raises=ValueError,
            match="The 'covariance_type' parameter of GaussianMixture must be",
            label="invalid hyperparameter"),
        bad(X, None, X_test, n_components=2, weights_init=[0.5, 0.6], raises=ValueError,
            match="The parameter 'weights' should be normalized", label="weights_init not "
            "normalised"),
        bad(X, None, X_test, n_components=2, covariance_type="diag",
            precisions_init=[[1.0, 1, 1], [1, -1, 1]], raises=ValueError,
            match="'diag precision' should be positive", label="negative precision"),
        bad(np.ones((10, 2)), None, np.ones((2, 2)), n_components=2, reg_covar=0.0,
            init_params="random", random_state=0, raises=ValueError,
            match="ill-defined empirical covariance", label="collapsed samples"),
        bad(*blobs(14), n_components=3, init_params="random", tol=1e-8, max_iter=4,
            random_state=14,
            warns=UserWarning, label="max_iter reached: ConvergenceWarning"),
    )


def _bench(n, rng):
    return case(*blobs(int(rng.integers(1 << 30)), n=n, p=5, K=4), n_components=4,
                random_state=0)


CONCEPTS = (
    Concept(
        name="mixture.GaussianMixture",
        reference_call="sklearn.mixture.GaussianMixture",
        comparison="em_iterates", tolerance="em",
        cases=CASES, strategy=_generated, bad=_bad(), bench=Bench(5000, _bench), run=run,
        note="the same random_state and init_params give the same EM iterates: the same "
             "initial responsibilities from the same RandomState draws (k-means bit for "
             "bit), the same E and M steps in the same order; only the Cholesky factors "
             "round differently. `sample` draws from the same mixture with other random "
             "numbers (tests/test_mixture.py compares it statistically)"),
)
