"""Support vector machines beyond the catalog (reference/catalog/svm.py compares every case
bitwise): the seed's learning curve, the textbook SMO against the libsvm one, shrinking over
many rounds, the random draw, warnings and the conventions of the binary case."""
from __future__ import annotations

import warnings

import numpy as np
import pytest
from sklearn.datasets import make_classification
from sklearn.exceptions import ConvergenceWarning as SklearnConvergenceWarning

import mathml.model_selection as ml_ms
import mathml.svm as ml
import reference.model_selection as ref_ms
import reference.svm as ref
from mathml.exceptions import ConvergenceWarning
from mathml.svm._classes import _textbook_SVC
from reference.catalog.svm import blobs, circle_data, regression


def _same_fit(a, b, attributes=("support_", "n_support_", "dual_coef_", "intercept_",
                                "n_iter_", "fit_status_")):
    for name in attributes:
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name), err_msg=name)


def test_seed_002_learning_curve_is_reproduced():
    """Seed 002's call (n_jobs=-1 accepted by mathml, sequential; scikit-learn's would
    start a process pool for the same fits): 10 sizes × 5 folds, the same scores."""
    X, y = make_classification(n_samples=1000, n_features=20, n_informative=2,
                               n_redundant=10, random_state=42)
    sizes = np.linspace(0.1, 1.0, 10)
    got = ml_ms.learning_curve(ml.SVC(kernel="rbf", random_state=42), X, y, cv=5, n_jobs=-1,
                               train_sizes=sizes)
    expected = ref_ms.learning_curve(ref.SVC(kernel="rbf", random_state=42), X, y, cv=5,
                                     train_sizes=sizes)
    for a, b in zip(got, expected):
        np.testing.assert_array_equal(a, b)
    assert got[0].tolist() == list(range(80, 801, 80))


def test_textbook_smo_reaches_the_same_optimum():
    """The textbook SMO (float64 Gram matrix, plain loops) and SVC on the same kernel.
    Integer features with a linear kernel give an integer Gram matrix, exact in float32,
    so both solve the same problem; at tol 1e-12 on the maximal KKT violation both are
    within ~1e-12·n of the optimum's decision values (the problem is strictly convex in the
    decision function), hence the 1e-9 below."""
    rng = np.random.default_rng(3)
    X = rng.integers(-3, 4, (40, 2)).astype(float)
    y = np.where(X[:, 0] + 0.5 * X[:, 1] + rng.normal(0, 1.0, 40) > 0, 1, -1)
    K = X @ X.T
    alpha, b = _textbook_SVC(K, y.astype(float), C=1.0, tol=1e-12)
    model = ml.SVC(kernel="precomputed", C=1.0, tol=1e-12).fit(K, y)
    f_textbook = K @ (alpha * y) + b
    np.testing.assert_allclose(model.decision_function(K), f_textbook, rtol=0, atol=1e-9)


def test_shrinking_over_many_rounds():
    """An SVR with thousands of iterations on 2·150 variables: shrinking runs every 300
    iterations, unshrinks once near the optimum and rebuilds the gradient; the same
    iterations and coefficients as libsvm."""
    X, y, X_test = regression(5, n=150)
    kw = dict(C=30.0, epsilon=0.01)
    a, b = ml.SVR(**kw).fit(X, y), ref.SVR(**kw).fit(X, y)
    assert a.n_iter_ == b.n_iter_ > 1000
    _same_fit(a, b)
    np.testing.assert_array_equal(a.predict(X_test), b.predict(X_test))


def test_one_randint_is_drawn_from_the_estimator_state():
    """fit draws randint(iinfo('i').max) from its RandomState (the global one for
    random_state=None, and always for SVR), as scikit-learn."""
    X, y, _ = blobs(0, n=20)
    after = []
    for module in (ml, ref):
        np.random.seed(7)  # noqa: NPY002  (the global generator is what is tested)
        module.SVC().fit(X, y)
        module.SVR().fit(X, y.astype(float))
        after.append(np.random.randint(1 << 30))  # noqa: NPY002
    assert after[0] == after[1]
    rs = [np.random.RandomState(3), np.random.RandomState(3)]
    ml.SVC(random_state=rs[0]).fit(X, y)
    ref.SVC(random_state=rs[1]).fit(X, y)
    assert rs[0].randint(1 << 30) == rs[1].randint(1 << 30)


@pytest.mark.parametrize("probability", [False, True])
def test_probability_is_deprecated_as_in_scikit_learn_1_9(probability):
    X, y, _ = blobs(1, n=20)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ml.SVC().fit(X, y)                       # the default warns nothing
    with pytest.warns(FutureWarning, match="The `probability` parameter was deprecated"):
        try:
            ml.SVC(probability=probability).fit(X, y)
        except NotImplementedError:
            assert probability                   # no Platt scaling in mathml
    with pytest.warns(FutureWarning, match="The `probability` parameter was deprecated"):
        ref.SVC(probability=probability).fit(X, y)


def test_max_iter_warns_and_sets_fit_status():
    X, y, _ = blobs(2, n=60, spread=2.5)
    for module, category in ((ml, ConvergenceWarning), (ref, SklearnConvergenceWarning)):
        with pytest.warns(category, match=r"Solver terminated early \(max_iter=5\)"):
            model = module.SVC(max_iter=5).fit(X, y)
        assert model.fit_status_ == 1 and model.n_iter_.tolist() == [5]


def test_binary_signs_and_votes():
    """Two classes: positive decision means classes_[1], dual_coef_ and intercept_ are
    libsvm's negated; a decision of exactly 0 votes for classes_[1]."""
    X, y, X_test = blobs(3, n=40)
    labels = np.array([5, -2])[y]
    model = ml.SVC(kernel="linear").fit(X, labels)
    f = model.decision_function(X_test)
    np.testing.assert_array_equal(model.predict(X_test), np.where(f > 0, 5, -2))
    np.testing.assert_array_equal(model.dual_coef_, -model._dual_coef_)
    constant = ml.SVC().fit(np.ones((4, 1)), [0, 1, 1, 0])
    assert constant.predict([[1.0]]).tolist() == [1]
    assert np.signbit(constant.intercept_[0]) and constant.intercept_[0] == 0


def test_multiclass_layout_on_the_seed_circle_split():
    """Three classes from the seed's circle data (rings): support vectors grouped by class,
    dual_coef_ of shape (n_classes − 1, n_SV), votes and the ovr transform as scikit-learn."""
    X, _, X_test, _ = circle_data()
    r = np.hypot(X[:, 0], X[:, 1])
    y = np.digitize(r, [0.8, 1.4])
    a, b = ml.SVC(C=3.0).fit(X, y), ref.SVC(C=3.0).fit(X, y)
    _same_fit(a, b)
    assert a.dual_coef_.shape == (2, a.support_.size)
    np.testing.assert_array_equal(a.decision_function(X_test), b.decision_function(X_test))
    np.testing.assert_array_equal(a.predict(X_test), b.predict(X_test))
