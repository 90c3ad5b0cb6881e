"""Catalog entries for `mathml.kernel_ridge` vs `sklearn.kernel_ridge`.

A case is ``case(X, y, X_test, **hyperparameters)``, with ``sample_weight=`` passed to
``fit``. Both build the same kernel matrix (bitwise: `metrics.pairwise`); the solve is
mathml's Cholesky against LAPACK's potrf/potrs, so the dual coefficients and predictions
agree to rounding, amplified by κ(K + αI): the cases keep κ ≤ ~10³ (α ≥ 0.1 on kernels of
bounded entries, measured), where 'estimator_closed_form' holds with a margin ≥ 10.
"""
from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from ._core import Bench, Concept, bad, case
from ._estimators import estimator_bad, regression_data
from .metrics._pairwise import intersection

#: scikit-learn's check_array counting the samples of a 0-d y (after X's checks)
NO_SAMPLES = (r"Input should have at least 1 dimension i.e. satisfy `len\(x.shape\) > 0`, "
              r"got scalar `array\(")

ATTRIBUTES = ("dual_coef_", "X_fit_", "n_features_in_")


def _run(cls, c):
    X, y, X_test = c.args
    params = dict(c.kwargs)
    sample_weight = params.pop("sample_weight", None)
    model = cls(**params).fit(X, y, sample_weight=sample_weight)
    out = {a: getattr(model, a) for a in ATTRIBUTES}
    out["predict"] = model.predict(X_test)
    out["score"] = model.score(X, y)
    return out


X, y, X_TEST = regression_data(0)
Y2 = np.c_[y, np.sin(y)]
W = np.random.default_rng(7).uniform(0.2, 3.0, len(y))
# Two equal samples and no penalty: K + αI = K is singular (its Cholesky pivot is exactly 0)
XS, YS, XS_TEST = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]]), np.array([1.0, 2.0, 3.0]), \
    np.array([[0.5, 0.5], [2.0, -1.0]])


def _generated():
    @st.composite
    def draw(draw_):
        seed = draw_(st.integers(0, 2 ** 31 - 1))
        kernel = draw_(st.sampled_from(["linear", "poly", "rbf", "cosine", "sigmoid"]))
        # the cosine kernel of one feature is sign(x)·sign(z), rank 1: every prediction is
        # ±Σ a_i sign(x_i), a sum that cancels to ~1e-3 of its terms on this data (y > 0
        # fitted by c·sign(x)), so its rounding is not relative to the result; from p = 2 on
        # the kernel varies continuously
        p = draw_(st.integers(2 if kernel == "cosine" else 1, 5))
        Xg, yg, Xg_test = regression_data(seed, n=draw_(st.integers(2, 40)), p=p)
        # α ≥ 1 keeps κ(K + αI) ≤ ~10³ for these kernels on [−2, 2]^p; the sigmoid kernel
        # is indefinite, so it gets α = 10
        alpha = 10.0 if kernel == "sigmoid" else draw_(st.sampled_from([1.0, 10.0]))
        kwargs = {}
        if draw_(st.booleans()):
            kwargs["sample_weight"] = np.random.default_rng(seed).uniform(0.5, 2.0, len(yg))
        return case(Xg, yg, Xg_test, alpha=alpha, kernel=kernel, **kwargs)
    return draw()


def _bench(n, rng):
    Xb, yb, Xb_test = regression_data(int(rng.integers(1 << 30)), n=n, p=10)
    return case(Xb, yb, Xb_test, alpha=1.0, kernel="rbf")


CONCEPTS = (
    Concept(
        name="kernel_ridge.KernelRidge",
        reference_call="sklearn.kernel_ridge.KernelRidge",
        comparison="exact", tolerance="estimator_closed_form",
        cases=(
            case(X, y, X_TEST, label="defaults: linear kernel, α = 1"),
            *(case(X, y, X_TEST, kernel=k, label=f"kernel='{k}'")
              for k in ("poly", "polynomial", "rbf", "sigmoid", "cosine")),
            case(X, y, X_TEST, kernel="rbf", gamma=0.5, alpha=0.1, label="rbf, γ = 0.5, α = 0.1"),
            case(X, y, X_TEST, kernel="poly", degree=2, gamma=0.5, coef0=0.0, alpha=10.0,
                 label="poly, degree 2, coef0 = 0"),
            case(X, y, X_TEST, kernel="sigmoid", gamma=0.1, coef0=-0.5, alpha=2.0,
                 label="sigmoid, γ = 0.1, coef0 = −0.5"),
            case(X, Y2, X_TEST, kernel="rbf", label="two targets"),
            case(X, Y2, X_TEST, kernel="rbf", alpha=[0.5, 2.0], label="one α per target"),
            case(X, Y2, X_TEST, kernel="rbf", alpha=[0.5, 0.5], label="two equal α: one solve"),
            case(X, y[:, None], X_TEST, kernel="rbf", label="y a column: dual_coef_ (n, 1)"),
            case(X, y, X_TEST, kernel="rbf", sample_weight=W, label="sample weights"),
            case(X, Y2, X_TEST, kernel="rbf", alpha=[0.5, 2.0], sample_weight=W,
                 label="sample weights, one α per target"),
            case(X, y, X_TEST, kernel="rbf", sample_weight=2.0,
                 label="a float sample weight: every sample"),
            case(X @ X.T, y, X_TEST @ X.T, kernel="precomputed",
                 label="precomputed linear kernel"),
            case(X, y, X_TEST, kernel=intersection, label="a callable kernel"),
            case(X, y, X_TEST, kernel=intersection, kernel_params={"scale": 0.5},
                 label="a callable kernel with kernel_params"),
            case(X[:, :1], y, X_TEST[:, :1], kernel="rbf", label="one feature"),
            case(X[:1], y[:1], X_TEST, kernel="rbf", label="one sample: a division"),
            case(XS, YS, XS_TEST, alpha=0.0,
                 label="α = 0, K singular: the least-squares solution, with a warning"),
        ),
        strategy=_generated,
        bad=estimator_bad(X, y, X_TEST, classifier=False, invalid={"alpha": -1.0}) + (
            bad(X, y, X_TEST, kernel="laplacian", raises=ValueError,
                match="The 'kernel' parameter of KernelRidge must be a str among",
                label="a kernel outside mathml's (InvalidParameterError)"),
            bad(X, y, X_TEST, kernel="rbf", gamma=-1.0, raises=ValueError,
                match=r"The 'gamma' parameter of KernelRidge must be a float in the range "
                      r"\[0.0, inf\) or None", label="gamma < 0 (InvalidParameterError)"),
            bad(X, y, X_TEST, kernel_params=[1], raises=ValueError,
                match="The 'kernel_params' parameter of KernelRidge must be an instance of "
                      "'dict' or None", label="kernel_params not a dict"),
            bad(XS, YS, XS_TEST, alpha=0.0, warns=UserWarning,
                match="Singular matrix in solving dual problem. Using least-squares solution "
                      "instead.", label="singular K + αI: least squares, UserWarning"),
            bad(XS, np.c_[YS, YS], XS_TEST, alpha=[0.0, 1.0], raises=np.linalg.LinAlgError,
                label="singular K + αI with one α per target: LinAlgError"),
            bad(X, y, X_TEST, kernel="rbf", sample_weight=np.ones(3), raises=ValueError,
                match=r"sample_weight.shape == \(3,\), expected \(30,\)!",
                label="sample_weight of the wrong length"),
            bad(X @ X.T, y, X_TEST, kernel="precomputed", raises=ValueError,
                match="X has 3 features, but KernelRidge is expecting 30 features as input",
                label="precomputed: predict with features, not kernel values"),
            bad(X, "abc", X_TEST, raises=TypeError, match=NO_SAMPLES,
                label="y a string (no samples, before y is made numeric)"),
        ),
        bench=Bench(2000, _bench),
        run=_run,
        note="the kernel matrix is scikit-learn's to the last bit; (K + αI) a = y is solved by "
             "mathml's Cholesky (the upper triangle, as SciPy's solve(assume_a='pos')) "
             "against LAPACK's, so dual_coef_ and predict agree to κ(K + αI)·eps. SciPy's "
             "LinAlgWarning for an ill-conditioned K + αI (its rcond estimate) has no "
             "counterpart in mathml."),
)
