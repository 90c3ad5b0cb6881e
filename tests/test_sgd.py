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


def test_dot_products_are_summed_left_to_right():
    """`_row_dots` on `_backwards` rows is scikit-learn's loop s ← s + xⱼvⱼ from s = 0, row by
    row and for one row, on rows where BLAS's interleaved sums give other bits."""
    rng = np.random.default_rng(3)
    rows = rng.normal(size=(40, 57)) * 10.0 ** rng.integers(-9, 10, (40, 57))
    v = rng.normal(size=57)
    expected = []
    for row in rows.tolist():
        total = 0.0
        for a, b in zip(row, v.tolist()):
            total += a * b
        expected.append(total)
    assert sgd._SEQUENTIAL_VECDOT  # numpy's own loop on negative strides (checked at import)
    assert sgd._row_dots(sgd._backwards(rows), v).tolist() == expected
    assert float(sgd._row_dots(sgd._backwards(rows)[7], v)) == expected[7]
    assert (rows @ v).tolist() != expected  # BLAS: the check above can fail


def _larger(kind, seed=5, n=700, p=12):
    rng = np.random.default_rng(seed)
    X = rng.uniform(-2, 2, (n, p))
    X[rng.uniform(size=X.shape) < 0.2] = 0.0
    y = X @ rng.normal(size=p) + 0.3 * rng.normal(size=n)
    return X, (y if kind == "regressor" else (y > 0).astype(int) + (y > 1))


_LARGER_CASES = [
    ("regressor", {}), ("regressor", {"penalty": None, "learning_rate": "constant"}),
    ("regressor", {"loss": "epsilon_insensitive", "epsilon": 0.5}),
    ("regressor", {"loss": "huber", "epsilon": 0.3, "penalty": "l2", "alpha": 0.01}),
    ("regressor", {"alpha": 0.5, "learning_rate": "constant", "eta0": 0.05}),  # rescaled
    ("classifier", {}), ("classifier", {"loss": "squared_hinge", "alpha": 0.01}),
    ("classifier", {"loss": "log_loss", "learning_rate": "invscaling", "eta0": 0.1}),
    ("classifier", {"loss": "perceptron", "penalty": None, "fit_intercept": False}),
    ("classifier", {"class_weight": "balanced", "loss": "modified_huber"}),
]


@pytest.mark.filterwarnings("ignore:Maximum number of iteration")
@pytest.mark.parametrize("sequential_vecdot", [True, False])
@pytest.mark.parametrize("kind, params", _LARGER_CASES)
def test_plain_loops_on_larger_data(monkeypatch, kind, params, sequential_vecdot):
    """The plain loops (blocks of many steps, runs looked for _AHEAD steps ahead, single
    steps' numbers read one by one, sample weights with zeros: a step with L' ≠ 0 and no
    update), and the general loop they fall back to without a sequential vecdot: both
    scikit-learn's fit to the bit, on more samples than the catalog's cases."""
    monkeypatch.setattr(sgd, "_SEQUENTIAL_VECDOT", sequential_vecdot)
    data, target = _larger(kind)
    weight = np.random.default_rng(6).uniform(0.5, 2.0, len(target))
    weight[::17] = 0.0
    ours, theirs = (SGDRegressor, sk.SGDRegressor) if kind == "regressor" else \
        (SGDClassifier, sk.SGDClassifier)
    fits = [cls(random_state=8, max_iter=40, **params).fit(data, target, sample_weight=weight)
            for cls in (ours, theirs)]
    _same_fit(*fits)


def test_epoch_permutation_is_the_shuffle():
    """Every epoch applies the permutation one shuffle from the seed makes (seed 0 is 1)."""
    for n, seed in [(1, 3), (2, 0), (31, 1), (500, 2 ** 31 - 2)]:
        index = list(range(n))
        sgd._shuffle(index, seed)
        assert sgd._epoch_permutation(n, seed).tolist() == index
    zero, one = list(range(20)), list(range(20))
    sgd._shuffle(zero, 0)
    sgd._shuffle(one, 1)
    assert zero == one


_LIST_CASES = [
    ("regressor", {}), ("regressor", {"penalty": None, "learning_rate": "constant"}),
    ("regressor", {"loss": "huber", "epsilon": 0.3, "alpha": 0.01}),
    ("regressor", {"alpha": 0.5, "learning_rate": "constant", "eta0": 0.05}),  # rescaled
    ("regressor", {"average": 20}), ("regressor", {"penalty": "elasticnet", "l1_ratio": 0.4}),
    ("regressor", {"loss": "epsilon_insensitive", "learning_rate": "pa2", "average": True}),
    ("classifier", {}), ("classifier", {"average": True, "alpha": 0.5}),  # rescaled, averaged
    ("classifier", {"loss": "log_loss", "penalty": "l1", "alpha": 0.001}),
    ("classifier", {"learning_rate": "pa1", "eta0": 0.3, "penalty": "elasticnet"}),
    ("classifier", {"loss": "squared_hinge", "alpha": 0.5, "learning_rate": "constant",
                    "eta0": 0.1}),  # rescaled in runs
    ("classifier", {"loss": "perceptron", "penalty": None, "fit_intercept": False}),
]


@pytest.mark.filterwarnings("ignore:Maximum number of iteration")
@pytest.mark.parametrize("kind, params", _LIST_CASES)
def test_steps_on_lists(monkeypatch, kind, params):
    """The loops on lists of Python floats (taken for few features), here on 12 features
    and more samples: scikit-learn's fit to the bit (zero weights and zero entries too)."""
    for name in ("_FEW_FEATURES", "_FEW_FEATURES_PLAIN", "_FEW_FEATURES_GENERAL",
                 "_FEW_FEATURES_L1", "_UPDATES_ON_LISTS"):
        monkeypatch.setattr(sgd, name, 100)  # (the plain loop: lists while 1% update)
    data, target = _larger(kind)
    data[11] = 0.0  # a zero row (pa1 skips it)
    weight = np.random.default_rng(6).uniform(0.5, 2.0, len(target))
    weight[::17] = 0.0
    ours, theirs = (SGDRegressor, sk.SGDRegressor) if kind == "regressor" else \
        (SGDClassifier, sk.SGDClassifier)
    fits = [cls(random_state=8, max_iter=40, **params).fit(data, target, sample_weight=weight)
            for cls in (ours, theirs)]
    _same_fit(*fits)
