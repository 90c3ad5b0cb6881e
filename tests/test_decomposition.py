"""PCA beyond the catalog: its defining properties, the seed's pipeline, the solver rule."""
import numpy as np
import pytest

import mathml.decomposition as ml
import reference.decomposition as ref
from reference.catalog.decomposition import _separated
from reference.compare import EPS, TOLERANCES

SOLVERS = ("full", "covariance_eigh")
# 'decomposition' and 'spectrum' tolerances of the table, for the invariants below
DECOMPOSITION = TOLERANCES["decomposition"].rtol
SPECTRUM = TOLERANCES["spectrum"].rtol


@pytest.fixture(params=[(40, 5), (12, 3), (200, 6)], ids=lambda s: f"{s[0]}x{s[1]}")
def data(request):
    n, p = request.param
    return _separated(n + p, n=n, p=p)[0]


@pytest.mark.parametrize("solver", SOLVERS)
def test_components_are_orthonormal(data, solver):
    V = ml.PCA(svd_solver=solver).fit(data).components_
    # ‖VVᵀ − I‖ of a backward-stable eigen/SVD solver: a small multiple of p·eps
    assert np.abs(V @ V.T - np.eye(V.shape[0])).max() < 100 * data.shape[1] * EPS


@pytest.mark.parametrize("solver", SOLVERS)
def test_full_pca_reconstructs_the_data(data, solver):
    pca = ml.PCA(svd_solver=solver).fit(data)
    X_back = pca.inverse_transform(pca.transform(data))
    scale = np.abs(data).max()
    assert np.abs(X_back - data).max() <= DECOMPOSITION * scale


@pytest.mark.parametrize("solver", SOLVERS)
def test_explained_variance_sums_to_the_total_variance(data, solver):
    pca = ml.PCA(svd_solver=solver).fit(data)
    D = data - data.mean(axis=0)
    total = (D ** 2).sum() / (data.shape[0] - 1)   # trace of the sample covariance
    assert abs(pca.explained_variance_.sum() - total) <= SPECTRUM * total
    assert abs(pca.explained_variance_ratio_.sum() - 1) <= SPECTRUM
    assert np.all(np.diff(pca.explained_variance_) <= 0)


def test_the_solvers_agree(data):
    full, cov = (ml.PCA(svd_solver=s).fit(data) for s in SOLVERS)
    lam = full.explained_variance_
    assert np.abs(full.explained_variance_ - cov.explained_variance_).max() <= SPECTRUM * lam[0]
    # the same sign rule on both: the same vectors, not only the same lines
    assert np.abs(full.components_ - cov.components_).max() <= DECOMPOSITION


def test_scores_are_uncorrelated_with_the_explained_variances(data):
    Z = ml.PCA(svd_solver="full").fit_transform(data)
    C = Z.T @ Z / (data.shape[0] - 1)
    lam = ml.PCA(svd_solver="full").fit(data).explained_variance_
    assert np.abs(C - np.diag(lam)).max() <= DECOMPOSITION * lam[0]


def test_whitened_scores_have_unit_variance(data):
    Z = ml.PCA(whiten=True, svd_solver="full").fit_transform(data)
    C = Z.T @ Z / (data.shape[0] - 1)
    assert np.abs(C - np.eye(C.shape[0])).max() <= DECOMPOSITION


def test_fit_transform_is_transform(data):
    pca = ml.PCA(n_components=2)
    Z = pca.fit_transform(data)
    assert np.abs(Z - pca.transform(data)).max() <= DECOMPOSITION * np.abs(Z).max()


def test_precision_is_the_inverse_covariance_and_score_the_mean(data):
    pca = ml.PCA(n_components=2).fit(data)
    P, C = pca.get_precision(), pca.get_covariance()
    assert np.abs(P @ C - np.eye(C.shape[0])).max() <= DECOMPOSITION
    assert pca.score(data) == pytest.approx(pca.score_samples(data).mean(), rel=1e-15)


def test_the_log_likelihood_is_the_gaussian_of_the_model_covariance(data):
    """score_samples = log N(x; x̄, Σ) with Σ = get_covariance(), written out directly."""
    pca = ml.PCA(n_components=2).fit(data)
    Sigma = pca.get_covariance()
    D = data - pca.mean_
    _, logdet = np.linalg.slogdet(Sigma)
    p = data.shape[1]
    expected = -0.5 * (np.einsum("ij,ij->i", D, np.linalg.solve(Sigma, D.T).T)
                       + p * np.log(2 * np.pi) + logdet)
    assert np.abs(pca.score_samples(data) - expected).max() <= DECOMPOSITION * np.abs(expected).max()


def test_fraction_keeps_the_fewest_components_above_it():
    X = _separated(0, n=50, p=5, ratio=0.5)[0]
    pca = ml.PCA(n_components=0.9).fit(X)
    ratio = ml.PCA().fit(X).explained_variance_ratio_
    k = pca.n_components_
    assert ratio[:k].sum() > 0.9 >= ratio[:k - 1].sum()
    assert pca.noise_variance_ == pytest.approx(ml.PCA().fit(X).explained_variance_[k:].mean())


# --- the seed ----------------------------------------------------------------------------------

def _seed_pipeline(backend):
    X = np.random.RandomState(42).randn(100, 3)   # the seed's np.random.seed(42); randn
    pre = __import__(f"{backend}.preprocessing", fromlist=["StandardScaler"])
    dec = __import__(f"{backend}.decomposition", fromlist=["PCA"])
    X_scaled = pre.StandardScaler().fit_transform(X)
    pca = dec.PCA()
    pca.fit_transform(X_scaled)
    return pca


def test_seed_002_explained_variance_ratio_through_both_backends():
    mine, theirs = _seed_pipeline("mathml"), _seed_pipeline("reference")
    assert mine._fit_svd_solver == theirs._fit_svd_solver == "covariance_eigh"
    np.testing.assert_allclose(mine.explained_variance_ratio_, theirs.explained_variance_ratio_,
                               rtol=SPECTRUM, atol=0)
    # three standardised features: the variances sum to 3·n/(n − 1) (ddof 1 of ddof-0 data)
    assert mine.explained_variance_.sum() == pytest.approx(3 * 100 / 99, rel=SPECTRUM)
    np.testing.assert_allclose(mine.components_, theirs.components_, rtol=0,
                               atol=DECOMPOSITION)


# --- the solver rule and the hard cases -----------------------------------------------------------

@pytest.mark.parametrize("shape, k, solver", [
    ((100, 3), None, "covariance_eigh"),     # tall and narrow
    ((30, 5), None, "full"),                 # small
    ((600, 100), 10, "full"),                # scikit-learn: 'randomized'; both run 'full'
    ((600, 100), 90, "full"),
])
def test_auto_chooses_as_the_reference(shape, k, solver):
    X = np.random.default_rng(0).uniform(-1, 1, shape)
    mine, theirs = ml.PCA(n_components=k).fit(X), ref.PCA(n_components=k).fit(X)
    assert mine._fit_svd_solver == theirs._fit_svd_solver == solver
    assert theirs.svd_solver == "auto"         # the wrapper restores the hyperparameter
    np.testing.assert_allclose(mine.components_, theirs.components_, rtol=0,
                               atol=DECOMPOSITION)


def test_one_sample_gives_nan_with_a_warning():
    with pytest.warns(RuntimeWarning, match="invalid value encountered"):
        pca = ml.PCA().fit(np.array([[1.0, 2.0, 3.0]]))
    assert np.isnan(pca.explained_variance_ratio_).all()


def test_n_components_out_of_range_names_the_solver():
    X = np.random.default_rng(1).uniform(size=(10, 3))
    with pytest.raises(ValueError, match=r"n_components=4 must be between 0 and "
                                         r"min\(n_samples, n_features\)=3 with svd_solver='full'"):
        ml.PCA(n_components=4).fit(X)


def test_feature_names_out():
    X = np.random.default_rng(2).uniform(size=(10, 3))
    names = ml.PCA(n_components=2).fit(X).get_feature_names_out()
    assert list(names) == list(ref.PCA(n_components=2).fit(X).get_feature_names_out())



def test_feature_names_out_checks_the_input_names():
    X = np.random.default_rng(2).uniform(size=(10, 3))
    for cls in (ml.PCA, ref.PCA):
        with pytest.raises(ValueError, match=r"input_features should have length equal to "
                                             r"number of features \(3\), got 2"):
            cls(n_components=2).fit(X).get_feature_names_out(["a", "b"])


def test_constant_data_give_nan_ratios_and_the_same_basis_in_both():
    X = np.full((20, 3), 4.0)
    for solver in SOLVERS:
        with pytest.warns(RuntimeWarning):
            mine = ml.PCA(svd_solver=solver).fit(X)
        with pytest.warns(RuntimeWarning):
            theirs = ref.PCA(svd_solver=solver).fit(X)
        assert np.isnan(mine.explained_variance_ratio_).all()
        assert np.isnan(theirs.explained_variance_ratio_).all()
        np.testing.assert_array_equal(mine.components_, theirs.components_)


@pytest.mark.parametrize("k", [1, 3])
def test_textbook_pca_is_the_same_algorithm(data, k):
    """`mathml show decomposition.PCA` opens with `_textbook_PCA` (centre, covariance, eigh,
    project): PCA with the covariance solver computes the same, to the decomposition
    tolerance."""
    components, variances, scores = ml._textbook_PCA(data, k)
    pca = ml.PCA(k, svd_solver="covariance_eigh").fit(data)
    scale = np.abs(data).max()
    np.testing.assert_allclose(components, pca.components_, rtol=0, atol=DECOMPOSITION)
    np.testing.assert_allclose(variances, pca.explained_variance_, rtol=SPECTRUM,
                               atol=SPECTRUM * variances.max())
    np.testing.assert_allclose(scores, pca.transform(data), rtol=0, atol=DECOMPOSITION * scale)
