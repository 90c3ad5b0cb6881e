"""Specifics of `SGDRegressor` and `SGDClassifier` beyond the catalog's bitwise agreement:
the pieces of scikit-learn's loop reproduced one by one, the textbook form, the API."""
import numpy as np
import pytest
import sklearn.linear_model as sk
from scipy.linalg.blas import daxpy
from sklearn.utils._seq_dataset import ArrayDataset64

from mathml.linear_model import SGDClassifier, SGDRegressor
from mathml.linear_model import _stochastic_gradient as sgd

RNG = np.random.default_rng(0)
X = RNG.uniform(-2, 2, (40, 3))
Y = X @ [1.0, -2.0, 0.5] + 1.0 + 0.1 * RNG.normal(size=40)
LABELS = np.array(["cat", "dog", "emu"])[(X[:, 0] > 0).astype(int) + (X[:, 1] > 1)]


def _same_fit(a, b):
    for name in ("coef_", "intercept_", "n_iter_", "t_"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name), err_msg=name)


@pytest.mark.parametrize("seed", [1, 12345, 2 ** 31 - 2])
def test_shuffle_is_scikit_learns(seed):
    """Fisher–Yates with our_rand_r, twice from the same seed (it is passed by value)."""
    n = 17
    data = ArrayDataset64(np.zeros((n, 1)), np.zeros(n), np.ones(n), seed=1)
    index = list(range(n))
    for _ in range(2):
        data._shuffle_py(seed)
        sgd._shuffle(index, seed)
        order = [data._next_py()[3] for _ in range(n)]
        assert order == index


def test_fused_multiply_add_is_blas_axpy():
    """The averaged weights' final axpy: BLAS fuses the multiply and the add (one rounding)."""
    rng = np.random.default_rng(1)
    x, y, a = rng.normal(size=200), rng.normal(size=200), 0.37158
    np.testing.assert_array_equal(sgd._fused_multiply_add(a, x, y), daxpy(x, y.copy(), a=a))


_BLOCK_CASES = [
    ("regressor", {}), ("regressor", {"penalty": "elasticnet", "l1_ratio": 0.3}),
    ("regressor", {"average": 10}), ("regressor", {"loss": "huber", "learning_rate": "adaptive"}),
    ("regressor", {"loss": "epsilon_insensitive", "learning_rate": "pa1"}),
    ("classifier", {}), ("classifier", {"loss": "log_loss", "penalty": "l1", "average": True}),
    ("classifier", {"learning_rate": "pa1", "eta0": 0.5}),
    ("classifier", {"loss": "modified_huber", "early_stopping": True}),
    ("classifier", {"loss": "squared_hinge", "alpha": 2.0, "learning_rate": "constant",
                    "eta0": 0.1}),  # the scale falls below 1e-9 inside runs: rescaled
]


@pytest.mark.filterwarnings("ignore:Maximum number of iteration")
@pytest.mark.parametrize("kind, params", _BLOCK_CASES)
def test_blocks_of_steps_change_nothing(monkeypatch, kind, params):
    """The loop prepares its steps (rows, step sizes, the objective's sums) in blocks and
    takes runs of steps without an update together: blocks of 7 steps, which end inside
    epochs, and runs cut at 3 steps still give scikit-learn's fit bit for bit (a zero row
    too: a pa1 step skips it)."""
    monkeypatch.setattr(sgd, "_BLOCK", 7)
    monkeypatch.setattr(sgd, "_AHEAD", 3)
    rows = X.copy()
    rows[5] = 0.0
    weight = np.random.default_rng(2).uniform(0.5, 2.0, len(rows))
    ours, theirs = (SGDRegressor, sk.SGDRegressor) if kind == "regressor" else \
        (SGDClassifier, sk.SGDClassifier)
    target = Y if kind == "regressor" else LABELS
    fits = [cls(random_state=4, max_iter=30, tol=1e-4, **params).fit(rows, target,
                                                                       sample_weight=weight)
            for cls in (ours, theirs)]
    _same_fit(*fits)


def test_textbook_form_is_the_same_algorithm():
    """Without shuffling, the textbook loop and SGDRegressor take the same steps (the
    estimator stores w as scale × vector: rounding only)."""
    model = SGDRegressor(shuffle=False, tol=None, max_iter=5, alpha=0.01).fit(X, Y)
    w, b = sgd._textbook_SGDRegressor(X, Y, alpha=0.01, n_epochs=5, seed=None)
    np.testing.assert_allclose(model.coef_, w, rtol=1e-12)  # 200 steps' roundings
    np.testing.assert_allclose(model.intercept_[0], b, rtol=1e-12)  # as above


def test_string_labels_and_a_random_state_instance():
    """One-vs-all on string labels; a RandomState instance is drawn from in scikit-learn's
    order (the per-class seeds, then each problem's draws)."""
    ours = SGDClassifier(loss="log_loss", random_state=np.random.RandomState(3)).fit(X, LABELS)
    theirs = sk.SGDClassifier(loss="log_loss",
                              random_state=np.random.RandomState(3)).fit(X, LABELS)
    _same_fit(ours, theirs)
    assert ours.predict(X).tolist() == theirs.predict(X).tolist()
    np.testing.assert_array_equal(ours.predict_proba(X), theirs.predict_proba(X))


def test_regressor_random_state_instance_and_early_stopping():
    rs = [np.random.RandomState(7) for _ in range(2)]
    ours = SGDRegressor(early_stopping=True, random_state=rs[0]).fit(X, Y)
    theirs = sk.SGDRegressor(early_stopping=True, random_state=rs[1]).fit(X, Y)
    _same_fit(ours, theirs)


def test_partial_fit_is_one_epoch_of_fit():
    a = SGDRegressor(random_state=0).partial_fit(X, Y)
    b = SGDRegressor(random_state=0, max_iter=1, tol=None).fit(X, Y)
    _same_fit(a, b)


def test_partial_fit_needs_the_classes_first():
    with pytest.raises(ValueError, match="classes must be passed on the first call"):
        SGDClassifier().partial_fit(X, LABELS)
    model = SGDClassifier().partial_fit(X, LABELS, classes=["cat", "dog", "emu"])
    with pytest.raises(ValueError, match="is not the same as on last call to partial_fit"):
        model.partial_fit(X, LABELS, classes=["cat", "dog"])


def test_probabilities_only_for_log_loss_and_modified_huber():
    assert not hasattr(SGDClassifier(loss="hinge").fit(X, LABELS), "predict_proba")
    for loss in ("log_loss", "modified_huber"):
        model = SGDClassifier(loss=loss, random_state=0).fit(X, LABELS)
        np.testing.assert_allclose(model.predict_proba(X).sum(axis=1), 1.0, rtol=1e-15)
        with np.errstate(divide="ignore"):  # modified_huber gives probabilities 0
            np.testing.assert_array_equal(model.predict_log_proba(X),
                                          np.log(model.predict_proba(X)))


def test_warm_start_and_coef_init():
    first = SGDRegressor(random_state=0).fit(X, Y)
    warm = SGDRegressor(random_state=0, warm_start=True)
    warm.fit(X, Y)
    warm.fit(X, Y)
    init = SGDRegressor(random_state=0).fit(X, Y, coef_init=first.coef_,
                                            intercept_init=first.intercept_)
    _same_fit(warm, init)
    with pytest.raises(ValueError, match="Provided coef_init does not match dataset"):
        SGDRegressor().fit(X, Y, coef_init=np.zeros(5))


def test_l1_penalty_gives_exact_zeros():
    """The cumulative penalty clips at zero: an irrelevant feature's weight is exactly 0."""
    Z = np.column_stack([X, RNG.uniform(-2, 2, 40)])
    model = SGDRegressor(penalty="l1", alpha=0.05, random_state=0).fit(Z, Y)
    assert model.coef_[3] == 0.0 and np.all(model.coef_[:3] != 0.0)
