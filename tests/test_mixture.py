"""GaussianMixture beyond the catalog: the textbook form, fit_predict, warm starts, max_iter=0,
given precisions of every shape, verbose output, and `sample`, compared statistically."""
from __future__ import annotations

import re
import warnings

import numpy as np
import pytest
from scipy import stats

import mathml.mixture as mm
import reference.mixture as rm
from mathml.exceptions import NotFittedError
from reference.catalog.mixture import blobs
from reference.compare import EPS, TOLERANCES
from reference.compare._mixture import mahalanobis_scale

COVARIANCE_TYPES = ("full", "tied", "diag", "spherical")
PARAMS = ("weights_", "means_", "covariances_", "precisions_cholesky_")


def _em_tolerance(X, covariances, covariance_type):
    """The 'em' tolerance's bound c·s·eps for this fit (reference/compare/_tolerances.py)."""
    tol = TOLERANCES["em"]
    bound = max(tol.rtol, tol.cond_factor * mahalanobis_scale(X, covariances, covariance_type)
                * EPS)
    return dict(rtol=bound, atol=bound)


def _assert_same_fit(a, b, X, covariance_type):
    assert (a.n_iter_, a.converged_) == (b.n_iter_, b.converged_)
    kw = _em_tolerance(X, b.covariances_, covariance_type)
    for name in PARAMS + ("lower_bound_",):
        np.testing.assert_allclose(getattr(a, name), getattr(b, name), **kw, err_msg=name)


def _fit(module, X, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # ConvergenceWarning, tested in the catalog
        return module.GaussianMixture(**kw).fit(X)


@pytest.mark.parametrize("seed", range(4))
def test_textbook_em_is_the_same_mathematics(seed):
    X, _, _ = blobs(seed, n=120, p=2, K=3)
    pi, mu, Sigma, n_iter = mm._textbook_GaussianMixture(X, 3, random_state=seed, tol=1e-6)
    fast = _fit(mm, X, n_components=3, init_params="random", random_state=seed, tol=1e-6)
    assert fast.n_iter_ == n_iter
    # the same formulas rounded differently (no 10·eps in N_k, a triangular solve per
    # E-step instead of the stored precision factor): the 'em' bound of this fit
    kw = _em_tolerance(X, Sigma, "full")
    for got, want in ((fast.weights_, pi), (fast.means_, mu), (fast.covariances_, Sigma)):
        np.testing.assert_allclose(got, want, **kw)


@pytest.mark.parametrize("covariance_type", COVARIANCE_TYPES)
@pytest.mark.parametrize("max_iter", (1, 2, 100))
def test_fit_predict_equals_predict_after_fit(covariance_type, max_iter):
    X, _, _ = blobs(3, n=90)
    kw = dict(n_components=3, covariance_type=covariance_type, init_params="random",
              random_state=0, max_iter=max_iter)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        labels = mm.GaussianMixture(**kw).fit_predict(X)
        model = mm.GaussianMixture(**kw).fit(X)
    np.testing.assert_array_equal(labels, model.predict(X))


@pytest.mark.parametrize("covariance_type", COVARIANCE_TYPES)
def test_warm_start_continues_as_scikit_learn(covariance_type):
    X, _, _ = blobs(5, n=120)
    models = []
    for module in (mm, rm):
        g = module.GaussianMixture(3, covariance_type=covariance_type, init_params="random",
                                   random_state=5, warm_start=True, max_iter=2, tol=1e-9)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            g.fit(X)
            g.fit(X)  # continues from the first fit's parameters and lower bound
        models.append(g)
    _assert_same_fit(*models, X, covariance_type)
    np.testing.assert_allclose(models[0].lower_bounds_, models[1].lower_bounds_,
                               **_em_tolerance(X, models[1].covariances_, covariance_type))


@pytest.mark.parametrize("covariance_type", COVARIANCE_TYPES)
def test_max_iter_0_keeps_the_initial_parameters(covariance_type):
    X, _, _ = blobs(6, n=60)
    a, b = (module.GaussianMixture(3, covariance_type=covariance_type, init_params="random",
                                   random_state=6, max_iter=0) for module in (mm, rm))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no ConvergenceWarning when max_iter = 0
        a.fit(X)
        b.fit(X)
    assert (a.n_iter_, a.converged_, a.lower_bound_, a.lower_bounds_) == (0, False, -np.inf, [])
    _assert_same_fit(a, b, X, covariance_type)


@pytest.mark.parametrize("covariance_type", COVARIANCE_TYPES)
def test_given_precisions_of_every_shape(covariance_type):
    X, _, _ = blobs(8, n=90, p=2, K=2)
    precisions = {"full": [[[1.0, 0.3], [0.3, 2.0]], [[0.5, -0.1], [-0.1, 0.4]]],
                  "tied": [[1.0, 0.3], [0.3, 2.0]], "diag": [[1.0, 2.0], [0.5, 0.4]],
                  "spherical": [1.0, 0.5]}[covariance_type]
    kw = dict(n_components=2, covariance_type=covariance_type, precisions_init=precisions,
              means_init=[[0.0, 0.0], [3.0, 3.0]], weights_init=[0.4, 0.6])
    a, b = _fit(mm, X, **kw), _fit(rm, X, **kw)
    _assert_same_fit(a, b, X, covariance_type)
    np.testing.assert_array_equal(a.predict(X), b.predict(X))


@pytest.mark.parametrize("verbose", (1, 2))
def test_verbose_output_is_scikit_learn_s(verbose, capsys):
    X, _, _ = blobs(9, n=60)
    out = []
    for module in (mm, rm):
        _fit(module, X, n_components=3, init_params="random", random_state=9, n_init=2,
             verbose=verbose, verbose_interval=2)
        out.append(capsys.readouterr().out)
    # times differ: compare the lines with every number after "lapse" masked
    masked = [re.sub(r"lapse [0-9.]+s", "lapse ?s", o) for o in out]
    assert masked[0] == masked[1]
    assert "Initialization 1" in out[0]


def test_methods_before_fit_raise_not_fitted():
    with pytest.raises(NotFittedError, match="not fitted yet"):
        mm.GaussianMixture().predict([[0.0]])
    with pytest.raises(NotFittedError, match="not fitted yet"):
        mm.GaussianMixture().sample(3)


# --- sample: the same distribution, other draws --------------------------------------------

@pytest.mark.parametrize("covariance_type", COVARIANCE_TYPES)
@pytest.mark.parametrize("module", (mm, rm), ids=("mathml", "reference"))
def test_sample_draws_from_the_fitted_mixture(module, covariance_type):
    """scikit-learn samples with RandomState's multinomial and multivariate_normal, which the
    from-scratch rule forbids (scratch_audit's BANNED_SAMPLERS), and reproducing their
    algorithms (BTPE binomials, an SVD factor) bit for bit is out of scope: both backends
    are tested against the fitted mixture instead, each with a false-alarm rate ≤ 1e-6 per
    check (the 'sampling' tolerance's threshold)."""
    threshold = TOLERANCES["sampling"].rtol
    X, _, _ = blobs(10, n=150, p=2, K=3)
    g = _fit(module, X, n_components=3, covariance_type=covariance_type, random_state=10)
    n = 20000
    S, y = g.sample(n)
    assert S.shape == (n, 2) and S.dtype == np.float64 and y.dtype == np.int64
    assert (np.diff(y) >= 0).all()  # grouped by component, as scikit-learn does
    counts = np.bincount(y, minlength=3)
    assert stats.chisquare(counts, n * g.weights_).pvalue > threshold
    full = {"full": lambda k: g.covariances_[k], "tied": lambda k: g.covariances_,
            "diag": lambda k: np.diag(g.covariances_[k]),
            "spherical": lambda k: g.covariances_[k] * np.eye(2)}[covariance_type]
    for k in range(3):
        L = np.linalg.cholesky(full(k))
        Z = np.linalg.solve(L, (S[y == k] - g.means_[k]).T)  # whitened: i.i.d. N(0, 1)
        for z in Z:
            assert stats.kstest(z, "norm").pvalue > threshold
        # uncorrelated after whitening: the correlation of the two coordinates
        assert stats.pearsonr(*Z).pvalue > threshold


def test_sample_is_reproducible_and_refuses_zero():
    X, _, _ = blobs(11, n=60)
    g = _fit(mm, X, n_components=3, random_state=11)
    np.testing.assert_array_equal(g.sample(50)[0], g.sample(50)[0])
    for module in (mm, rm):
        h = _fit(module, X, n_components=3, random_state=11)
        with pytest.raises(ValueError, match="Invalid value for 'n_samples': 3 . The sampling "
                                             "requires at least one sample."):
            h.sample(0)


@pytest.mark.parametrize("n_samples", [2.0, np.array(3.0), np.nan, np.inf])
def test_sample_count_taken_as_scikit_learn_takes_it(n_samples):
    """A float count is truncated (RandomState.multinomial's conversion in scikit-learn);
    NaN and infinity are the errors of that conversion."""
    X = blobs(0, 40, 2, 2)[0]
    outcomes = []
    for module in (mm, rm):
        model = module.GaussianMixture(2, random_state=0).fit(X)
        try:
            outcomes.append(model.sample(n_samples)[0].shape)
        except (ValueError, OverflowError) as exc:
            outcomes.append(type(exc))
    assert outcomes[0] == outcomes[1]
