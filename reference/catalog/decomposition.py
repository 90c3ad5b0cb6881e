"""Catalog entries for decomposition (docs/concepts.md §8): `mathml.decomposition` vs
scikit-learn.

A PCA case is ``case(X, X_test, **hyperparameters)``. `run` fits on X and returns the
fitted attributes, ``fit_transform(X)`` (of a fresh estimator), ``transform(X_test)``,
its ``inverse_transform``, ``score_samples(X_test)``, ``score(X_test)``,
``get_covariance()``, ``get_precision()`` and ``get_feature_names_out()``. Reserved
keywords: ``outputs=(...)`` keeps only the named outputs (and computes only those);
``standardize=True`` first scales X and X_test by the same backend's
``preprocessing.StandardScaler`` (fitted on X), so that a seed's pipeline runs through
each backend whole; ``unfitted=True`` calls ``transform`` without ``fit``.
"""
from __future__ import annotations

import importlib

import numpy as np
from hypothesis import strategies as st

from ._core import Bench, Concept, bad, case

SEED = "002"  # np.random.seed(42); X = np.random.randn(100, 3); StandardScaler; PCA()

_ATTRIBUTES = ("components_", "explained_variance_", "explained_variance_ratio_",
               "singular_values_", "mean_", "noise_variance_", "n_components_",
               "n_samples_", "n_features_in_")
_METHODS = {
    "fit_transform": lambda m, X, T: m.fit_transform(X),
    "transform": lambda m, X, T: m.transform(T),
    "inverse_transform": lambda m, X, T: m.inverse_transform(m.transform(T)),
    "score_samples": lambda m, X, T: m.score_samples(T),
    "score": lambda m, X, T: m.score(T),
    "get_covariance": lambda m, X, T: m.get_covariance(),
    "get_precision": lambda m, X, T: m.get_precision(),
    "get_feature_names_out": lambda m, X, T: tuple(str(s) for s in m.get_feature_names_out()),
}
#: Outputs that are well defined when some variances are 0 up to rounding (a constant
#: feature, n < p): the precision, log-likelihoods and whitened scores divide by them.
_DETERMINED = _ATTRIBUTES + ("fit_transform", "transform", "inverse_transform",
                             "get_covariance", "get_feature_names_out")


def _run(cls, c):
    X, X_test = c.args
    params = dict(c.kwargs)
    outputs = params.pop("outputs", None) or _ATTRIBUTES + tuple(_METHODS)
    if params.pop("standardize", False):
        scaler = importlib.import_module(cls.__module__.split(".")[0]
                                         + ".preprocessing").StandardScaler().fit(X)
        X, X_test = scaler.transform(X), scaler.transform(X_test)
    if params.pop("unfitted", False):
        return cls(**params).transform(X_test)
    model = cls(**params).fit(X)
    out = {}
    for name in outputs:
        if name == "fit_transform":
            out[name] = cls(**params).fit_transform(X)
        elif name in _METHODS:
            out[name] = _METHODS[name](model, X, X_test)
        else:
            out[name] = getattr(model, name)
    return out


# --- inputs --------------------------------------------------------------------------------------

def _seed_data():
    """Seed 002: X = randn(100, 3) after np.random.seed(42); new rows from the same stream."""
    rs = np.random.RandomState(42)
    return rs.randn(100, 3), rs.randn(5, 3)


def _separated(seed: int, n: int = 40, p: int = 4, ratio: float = 0.6, scale: float = 3.0):
    """(X, X_test) with centred singular values s_j = scale·√(n−1)·ratio^j exactly (a
    relative gap of 1 − ratio between neighbours), built as μ + U diag(s) Vᵀ with U
    orthonormal and orthogonal to the ones vector, V orthogonal."""
    rng = np.random.default_rng(seed)
    k = min(n - 1, p)
    G = rng.standard_normal((n, k))
    U, _ = np.linalg.qr(G - G.mean(axis=0))
    V, _ = np.linalg.qr(rng.standard_normal((p, p)))
    s = scale * np.sqrt(n - 1) * ratio ** np.arange(k)
    mu = rng.uniform(-5, 5, p)
    X = mu + (U * s) @ V[:, :k].T
    return X, mu + rng.uniform(-4, 4, (6, p)) * scale


@st.composite
def _generated(draw):
    seed = draw(st.integers(0, 2 ** 31 - 1))
    p = draw(st.integers(1, 6))
    n = draw(st.integers(p + 2, 12 * p + 2))
    # neighbouring variances apart by ≥ 36% (the 'decomposition' tolerance's separated
    # spectrum) and λ₁/λ_min ≤ 100: the precision, the whitened scores and the log-likelihood
    # are as sensitive as cond(Σ) (λ₁²/λ_min² whitened, as scikit-learn models it)
    ratio = max(draw(st.floats(0.2, 0.8)), 0.1 ** (1 / max(min(n - 1, p) - 1, 1)))
    scale = draw(st.sampled_from([1e-3, 1.0, 1e3]))
    X, X_test = _separated(seed, n, p, ratio, scale)
    params = draw(st.fixed_dictionaries({}, optional={
        "n_components": st.one_of(st.none(), st.integers(0, p), st.floats(0.05, 0.95)),
        "whiten": st.booleans(),
        "svd_solver": st.sampled_from(["auto", "full", "covariance_eigh"])}))
    if params.get("n_components") == 0:  # inverse_transform refuses 0 columns, in both
        params["outputs"] = tuple(o for o in _ATTRIBUTES + tuple(_METHODS)
                                  if o != "inverse_transform")
    return case(X, X_test, **params)


def _constant_column():
    """Gaussian data with a constant third feature of four: after scaling it is 0, its
    variance 0 and its component e₃. (Not of three: two standardised features have the
    correlation matrix [[1, r], [r, 1]], whose eigenvectors (1, ±1)/√2 tie exactly in
    magnitude, so the sign rule would pick by rounding.)"""
    rs = np.random.RandomState(7)
    X, X_test = rs.randn(100, 4), rs.randn(5, 4)
    X[:, 2] = 7.0
    return X, X_test


def _wide():
    """n < p (5×8): the centred data have rank 4; the fifth component is any unit vector of
    the 4-dimensional null space, so only four are kept (the fifth variance, ~1e-32,
    enters the noise variance)."""
    X, X_test = _separated(3, n=5, p=8)
    return X, X_test[:, :8]


def _bench(n, rng):
    """n × min(50, n/2): 10000×50 at the benchmark size ('auto' → 'covariance_eigh')."""
    p = max(1, min(50, n // 2))
    X = rng.uniform(-1, 1, (n, p)) * np.linspace(1, 3, p)
    return case(X, X[:5], outputs=("components_", "explained_variance_"))


_X, _XT = _seed_data()
_CX, _CXT = _constant_column()
_WX, _WXT = _wide()
_SX, _SXT = _separated(0, n=30, p=5)


def _bad():
    Xnan = _SX.copy()
    Xnan[0, 0] = np.nan
    return (
        bad(Xnan, _SXT, raises=ValueError, match="Input X contains NaN", label="NaN in X"),
        bad(_SX[:, 0], _SXT, raises=ValueError, match="Expected 2D array", label="1-D X"),
        bad(np.empty((0, 3)), _SXT, raises=ValueError, match=r"Found array with 0 sample\(s\)",
            label="empty X"),
        bad(_SX, _SXT[:, :3], raises=ValueError,
            match="X has 3 features, but PCA is expecting 5 features as input",
            label="wrong feature count at transform"),
        bad(_SX, _SXT, raises=ValueError, match="not fitted yet",
            label="transform before fit (NotFittedError)", unfitted=True),
        bad(_SX[:10, :3], _SXT[:, :3], n_components=4, svd_solver="full", raises=ValueError,
            match=r"n_components=4 must be between 0 and min\(n_samples, n_features\)=3 "
                  r"with svd_solver='full'", label="n_components > min(n, p)"),
        bad(_SX, _SXT, n_components=6, raises=ValueError,
            match=r"n_components=6 must be between 0 and min\(n_samples, n_features\)=5 "
                  r"with svd_solver='full'", label="n_components > min(n, p), 'auto'"),
        bad(_SX, _SXT, n_components=-1, raises=ValueError,
            match="The 'n_components' parameter of PCA must be", label="n_components < 0"),
        bad(_SX, _SXT, n_components=1.5, raises=ValueError,
            match="The 'n_components' parameter of PCA must be", label="n_components 1.5"),
        bad(_SX, _SXT, svd_solver="arpack", raises=ValueError,
            match="The 'svd_solver' parameter of PCA must be", label="svd_solver='arpack'"),
        bad(_SX[:1], _SXT, outputs=("explained_variance_ratio_",), warns=RuntimeWarning,
            match="invalid value encountered",
            label="one sample: variance 0/0 = nan"),
        bad(np.full((20, 3), 4.0), _SXT[:, :3], outputs=("explained_variance_ratio_",),
            warns=RuntimeWarning, match="invalid value encountered",
            label="constant X: ratio 0/0 = nan"),
    )


CONCEPTS = (
    Concept(
        name="decomposition.PCA",
        reference_call="sklearn.decomposition.PCA",
        comparison="pca", tolerance="decomposition",
        cases=(
            case(_X, _XT, standardize=True, seed=SEED,
                 label="seed 002: StandardScaler then PCA() on randn(100, 3)"),
            case(_SX, _SXT, svd_solver="full", label="'full'"),
            case(_SX, _SXT, n_components=2, random_state=42, label="random_state (no effect)"),
            case(_SX, _SXT, svd_solver="covariance_eigh", label="'covariance_eigh'"),
            case(_SX, _SXT, label="'auto' (30×5: 'full')"),
            case(*_separated(1, n=80, p=5), label="'auto' (80×5: 'covariance_eigh')"),
            case(_SX, _SXT, n_components=2, label="n_components=2"),
            case(_SX, _SXT, n_components=0.8, label="n_components=0.8 (a fraction)"),
            # (inverse_transform refuses the 0-column scores, in both)
            case(_SX, _SXT, n_components=0,
                 outputs=tuple(o for o in _ATTRIBUTES + tuple(_METHODS)
                               if o != "inverse_transform"), label="n_components=0"),
            case(_SX, _SXT, whiten=True, n_components=3, label="whiten"),
            case(_SX, _SXT, whiten=True, svd_solver="covariance_eigh",
                 label="whiten, 'covariance_eigh'"),
            case(_WX, _WXT, n_components=4, outputs=_DETERMINED,
                 label="n < p (5×8), four components"),
            case(_CX, _CXT, standardize=True, outputs=_DETERMINED,
                 label="a constant feature (after scaling: variance 0, component e₃)"),
            case(_CX, _CXT, standardize=True, svd_solver="full", outputs=_DETERMINED,
                 label="a constant feature, 'full'"),
        ),
        strategy=lambda: _generated(),
        bad=_bad(),
        bench=Bench(10000, _bench),
        seeds=(SEED,),
        run=_run,
        note="the same solver and scikit-learn's sign rule in both, so components are "
             "compared as they are, not up to sign; where a variance is 0 up to rounding "
             "(n < p, a constant feature) the precision and log-likelihoods, which divide "
             "by it, are left out, and no case keeps such a component (it is any unit "
             "vector orthogonal to the others: each SVD picks its own). scikit-learn's "
             "'auto' can pick its randomized solver (max(n, p) > 500, not tall and "
             "narrow, 1 ≤ n_components < 0.8·min(n, p)); both backends run 'full' there."),
)
