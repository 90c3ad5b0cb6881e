"""Catalog entries for model evaluation (docs/concepts.md §6): `mathml.metrics` vs scikit-learn.

The seed's examples score scikit-learn's own models (a LinearRegression, an SVC) on the
seed's data: the predictions are inputs here, computed by the reference library, and the
expected values are what scikit-learn's metric returns for them (the seed prints them
rounded).
"""
from __future__ import annotations

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

from .._core import Bench, Concept, bad, case
from ..strategies import reals

SEED = "002"  # the seed file whose examples open these cases


# --- the seed's examples -------------------------------------------------------------------------

def _seed_regression():
    """Seed 002, 'Overcoming Overconfidence': y = 2X + 1 + 0.1·noise, a LinearRegression
    fitted on 80% and evaluated on the other 20% (the seed prints the MSE to 4 decimals)."""
    rng = np.random.RandomState(42)
    X = rng.rand(100, 1)
    y = 2 * X + 1 + rng.randn(100, 1) * 0.1
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)
    return y_test, LinearRegression().fit(X_train, y_train).predict(X_test)


def _seed_classification():
    """Seed 002, 'Balancing Theory and Practice': points inside/outside the unit circle,
    an RBF SVC on standardised features (the seed prints accuracy and confusion matrix)."""
    rng = np.random.RandomState(42)
    X = rng.randn(1000, 2)
    y = (X[:, 0] ** 2 + X[:, 1] ** 2 > 1).astype(int)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)
    scaler = StandardScaler().fit(X_train)
    model = SVC(kernel="rbf", random_state=42).fit(scaler.transform(X_train), y_train)
    return y_test, model.predict(scaler.transform(X_test))


SEED_Y_TEST, SEED_Y_PRED = _seed_regression()
SEED_LABELS, SEED_PREDICTED = _seed_classification()

Y_TRUE = np.array([3.0, -0.5, 2.0, 7.0])
Y_PRED = np.array([2.5, 0.0, 2.0, 8.0])
W = np.array([1.0, 2.0, 0.5, 1.5])
Y2_TRUE = np.array([[0.5, 1.0], [-1.0, 1.0], [7.0, -6.0]])
Y2_PRED = np.array([[0.0, 2.0], [-1.0, 2.0], [8.0, -5.0]])
C_TRUE = np.array([0, 1, 2, 0, 1, 2, 2, 1])
C_PRED = np.array([0, 2, 1, 0, 0, 2, 2, 1])
B_TRUE = np.array([0, 1, 1, 0, 1, 1, 0, 0])
B_PRED = np.array([0, 1, 0, 1, 1, 1, 0, 0])
B_SCORE = np.array([0.1, 0.8, 0.35, 0.4, 0.9, 0.65, 0.2, 0.4])
# Two tied pairs whose weights, added in another order, round differently: 0.1 + 0.3 vs 0.3 +
# 0.1 decides whether the second difference of the cumulative counts is exactly 0 (the point
# dropped as collinear) or 1e-17 (kept)
TIE_TRUE, TIE_SCORE = np.array([0, 0, 1, 0, 0, 1]), np.array([0.25, 0.25, 0.75, 0.5, 0.25, 0.75])
TIE_WEIGHT = np.array([0.1, 0.3, 0.2, 0.7, 0.3, 0.2])
PROBA3 = np.array([[0.7, 0.2, 0.1], [0.2, 0.5, 0.3], [0.1, 0.3, 0.6], [0.5, 0.4, 0.1],
                   [0.3, 0.3, 0.4], [0.2, 0.2, 0.6], [0.25, 0.25, 0.5], [0.1, 0.8, 0.1]])


# --- generated inputs ----------------------------------------------------------------------------

_N = st.integers(1, 30)


def _weights(n):
    return arrays(np.float64, (n,), elements=st.floats(0.0, 3.0))


@st.composite
def _regression(draw, outputs=True):
    n = draw(st.integers(2, 30))
    k = draw(st.sampled_from([0, 1, 3])) if outputs else 0
    shape = (n,) if k == 0 else (n, k)
    y = draw(arrays(np.float64, shape, elements=reals()))
    y_hat = draw(arrays(np.float64, shape, elements=reals()))
    kwargs = {}
    if draw(st.booleans()):
        kwargs["sample_weight"] = draw(_weights(n)) + 0.1
    if k and draw(st.booleans()):
        kwargs["multioutput"] = "raw_values"
    return case(y, y_hat, **kwargs)


@st.composite
def _labels(draw, classes=3, weights=True):
    n = draw(_N)
    c = draw(st.integers(2, classes))
    y = draw(arrays(np.int64, (n,), elements=st.integers(0, c - 1)))
    y_hat = draw(arrays(np.int64, (n,), elements=st.integers(0, c - 1)))
    kwargs = {}
    if weights and draw(st.booleans()):
        kwargs["sample_weight"] = draw(_weights(n))
        kwargs["sample_weight"][0] += 1.0  # zeros allowed, but not all (a bad input)
    return y, y_hat, kwargs


def _accuracy_cases():
    return _labels(4).flatmap(lambda d: st.fixed_dictionaries(
        {}, optional={"normalize": st.booleans()}).map(lambda o: case(d[0], d[1], **d[2], **o)))


def _prf_cases():
    @st.composite
    def draw(draw_):
        average = draw_(st.sampled_from(["binary", "micro", "macro", "weighted", None]))
        y, y_hat, kwargs = draw_(_labels(2 if average == "binary" else 4))
        kwargs["average"] = average
        kwargs["zero_division"] = draw_(st.sampled_from(["warn", 0.0, 1.0, np.nan]))
        if average not in ("binary",) and draw_(st.booleans()):
            kwargs["labels"] = draw_(st.lists(st.integers(0, 4), min_size=1, max_size=3,
                                              unique=True))
        return case(y, y_hat, **kwargs)
    return draw()


def _confusion_cases():
    @st.composite
    def draw(draw_):
        y, y_hat, kwargs = draw_(_labels(4))
        kwargs["normalize"] = draw_(st.sampled_from([None, "true", "pred", "all"]))
        if draw_(st.booleans()):
            kwargs["labels"] = np.r_[y[0], draw_(st.lists(st.integers(0, 5), max_size=3))]
            kwargs["labels"] = np.unique(kwargs["labels"])[::-1]  # any order, y_true's first
        return case(y, y_hat, **kwargs)
    return draw()


@st.composite
def _probabilities(draw):
    n, c = draw(st.integers(2, 20)), draw(st.integers(2, 4))
    y = np.r_[np.arange(c), draw(arrays(np.int64, (n,), elements=st.integers(0, c - 1)))]
    raw = draw(arrays(np.float64, (n + c, c), elements=st.floats(0.01, 1.0)))
    P = raw / raw.sum(axis=1, keepdims=True)
    kwargs = {"sample_weight": draw(_weights(n + c)) + 0.1} if draw(st.booleans()) else {}
    if c == 2 and draw(st.booleans()):
        return case(y, P[:, 1], **kwargs)  # binary: the probability of the greater class
    return case(y, P, **kwargs)


@st.composite
def _binary_scores(draw, auc=False):
    n = draw(st.integers(2, 30))
    y = np.r_[0, 1, draw(arrays(np.int64, (n,), elements=st.integers(0, 1)))]
    # scores on a coarse grid: ties between samples, as real classifiers produce
    s = draw(arrays(np.float64, (n + 2,), elements=st.integers(0, 10).map(lambda k: k / 10)))
    kwargs = {"sample_weight": draw(_weights(n + 2)) + 0.1} if draw(st.booleans()) else {}
    if not auc:
        kwargs["drop_intermediate"] = draw(st.booleans())
    return case(y, s, **kwargs)


@st.composite
def _auc_cases(draw):
    if draw(st.booleans()):
        return draw(_binary_scores(auc=True))
    c, n = draw(st.integers(3, 4)), draw(st.integers(2, 20))
    y = np.r_[np.arange(c), draw(arrays(np.int64, (n,), elements=st.integers(0, c - 1)))]
    raw = draw(arrays(np.float64, (n + c, c), elements=st.integers(1, 10).map(float)))
    return case(y, raw / raw.sum(axis=1, keepdims=True), multi_class="ovr",
                average=draw(st.sampled_from(["macro", "weighted"])))


# --- bad inputs ----------------------------------------------------------------------------------

_MISMATCH = "Found input variables with inconsistent numbers of samples: \\[3, 4"


def _regression_bad():
    return (
        bad([1.0, 2.0, 3.0], [1.0, 2.0, 3.0, 4.0], raises=ValueError, match=_MISMATCH,
            label="length mismatch"),
        bad([1.0, np.nan], [1.0, 2.0], raises=ValueError, match="Input contains NaN",
            label="NaN in y_true"),
        bad([1.0, 2.0], [np.inf, 2.0], raises=ValueError, match="Input contains infinity",
            label="inf in y_pred"),
        bad(Y2_TRUE, Y2_PRED[:, :1], raises=ValueError,
            match="y_true and y_pred have different number of output", label="outputs differ"),
        bad(None, [1.0], raises=ValueError,
            match="The 'y_true' parameter of \\w+ must be an array-like. Got None instead.",
            label="y_true None (InvalidParameterError)"),
        bad([1.0, 2.0], "ab", raises=ValueError,
            match="The 'y_pred' parameter of \\w+ must be an array-like. Got 'ab' instead.",
            label="y_pred a string (InvalidParameterError)"),
        bad(Y2_TRUE, Y2_PRED, multioutput=[1.0, 2.0, 3.0], raises=ValueError,
            match="There must be equally many custom weights \\(3\\) as outputs \\(2\\)",
            label="custom output weights, one too many"),
        bad(Y_TRUE, Y_PRED, multioutput=[1.0], raises=ValueError,
            match="Custom weights are useful only in multi-output cases",
            label="custom output weights for one output"),
        bad(["a", "b", "c"], [1.0, 2.0, 3.0], raises=ValueError,
            match="could not convert string to float: 'a'", label="strings as targets"),
        bad([[1.0, 2.0], [3.0], [4.0]], [1.0, 2.0, 3.0], raises=ValueError,
            match="inhomogeneous shape", label="a ragged list"),
    )


def _classification_bad():
    return (
        bad(None, [1], raises=ValueError,
            match="The 'y_true' parameter of \\w+ must be an array-like( or a sparse array or "
                  "matrix)?. Got None instead.", label="y_true None (InvalidParameterError)"),
        bad([0, 1], 1, raises=ValueError,
            match="The 'y_pred' parameter of \\w+ must be an array-like( or a sparse array or "
                  "matrix)?. Got 1 instead.", label="y_pred a number (InvalidParameterError)"),
        bad([0, 1, 1], [0, 1, 1, 0], raises=ValueError, match=_MISMATCH,
            label="length mismatch"),
        bad([0.5, 1.2, 3.3], [0, 1, 1], raises=ValueError,
            match="Classification metrics can't handle a mix of continuous and",
            label="continuous y_true"),
        bad([0.0, np.nan, 1.0], [0, 1, 1], raises=ValueError, match="Input y_true contains NaN",
            label="NaN in y_true"),
        bad([], [], raises=ValueError, match="Found empty input array", label="empty"),
        bad([0, 1], [0, 1], sample_weight=[0.0, 0.0], raises=ValueError,
            match="Sample weights must contain at least one non-zero number",
            label="all weights zero"),
        bad([[0, 1], [1], [0]], [0, 1, 0], raises=ValueError,
            match="(You appear to be using a legacy multi-label data representation|"
                  "inhomogeneous shape)",
            label="a ragged list (confusion_matrix makes it an array first)"),
        bad([b"a", b"b", b"a"], [b"a", b"b", b"b"], raises=TypeError,
            match="Support for labels represented as bytes is not supported",
            label="bytes labels"),
        bad([0, None, 1], [0, 1, 1], raises=ValueError,
            match="Classification metrics can't handle a mix of unknown and binary targets",
            label="objects that are not labels (None)"),
        bad(["a", "b", "a"], [0, 1, 0], raises=ValueError,
            match=r"Mix of label input types \(string and number\); Got \['a' 'b'\] and "
                  r"\[0 1\]", label="strings against numbers"),
    )


def _prf_bad(name):
    return _classification_bad() + (
        bad(C_TRUE, C_PRED, raises=ValueError, match="Target is multiclass but average='binary'",
            label="multiclass with average='binary'"),
        bad(B_TRUE, B_PRED, pos_label=3, raises=ValueError,
            match="pos_label=3 is not a valid label", label="pos_label not a label"),
        bad(B_TRUE, B_PRED, average="mean", raises=ValueError,
            match=f"The 'average' parameter of {name} must be",
            label="invalid average (InvalidParameterError)"),
        bad(B_TRUE, B_PRED, zero_division=0.5, raises=ValueError,
            match=f"The 'zero_division' parameter of {name} must be a float among",
            label="zero_division=0.5: only 0.0, 1.0, nan or 'warn'"),
        bad(C_TRUE, C_PRED, average="samples", raises=ValueError,
            match="Samplewise metrics are not available outside of multilabel classification",
            label="average='samples' on multiclass targets"),
    )


def _roc_bad():
    return (
        bad([0, 1, 1], None, raises=ValueError,
            match="The 'y_score' parameter of \\w+ must be an array-like. Got None instead.",
            label="y_score None (InvalidParameterError)"),
        bad([0, 1, 1], [0.1, 0.2, 0.3, 0.4], raises=ValueError, match=_MISMATCH,
            label="length mismatch"),
        bad([0, 1, 2], [0.1, 0.2, 0.3], raises=ValueError,
            match="multiclass format is not supported", label="multiclass y_true"),
        bad([0, 1, 1], [0.1, np.nan, 0.3], raises=ValueError, match="Input contains NaN",
            label="NaN in y_score"),
        bad([0.5, 1.5, 2.5], [0.1, 0.2, 0.3], raises=ValueError,
            match="continuous format is not supported", label="continuous y_true"),
    )


# --- benchmarks ----------------------------------------------------------------------------------

def _bench_regression(n, rng):
    return case(rng.uniform(-10, 10, n), rng.uniform(-10, 10, n))


def _bench_labels(n, rng):
    return case(rng.integers(0, 2, n), rng.integers(0, 2, n))


def _bench_scores(n, rng):
    return case(np.r_[0, 1, rng.integers(0, 2, n)], rng.random(n + 2).round(3))


def _bench_proba(n, rng):
    P = rng.uniform(0.01, 1, (n, 3))
    return case(np.r_[0, 1, 2, rng.integers(0, 3, n - 3)], P / P.sum(axis=1, keepdims=True))


_MULTI = dict(multi_class="ovr")


CONCEPTS = (
    Concept(
        name="metrics.mean_squared_error",
        reference_call="sklearn.metrics.mean_squared_error",
        comparison="exact", tolerance="exact",
        cases=(
            case(SEED_Y_TEST, SEED_Y_PRED, seed=SEED, expected="0.0065",
                 label="seed 002: MSE of a LinearRegression on a 20% test split (0.0065)"),
            case(Y_TRUE, Y_PRED, label="4 samples"),
            case(Y_TRUE, Y_PRED, sample_weight=W, label="weighted"),
            case(Y2_TRUE, Y2_PRED, multioutput="raw_values", label="2 outputs, raw"),
            case(Y2_TRUE, Y2_PRED, label="2 outputs, averaged"),
            case(Y2_TRUE, Y2_PRED, multioutput=[1.0, 3.0], label="2 outputs, custom weights"),
        ),
        strategy=_regression,
        bad=_regression_bad() + (
            bad(Y_TRUE, Y_PRED, multioutput="mean", raises=ValueError,
                match="The 'multioutput' parameter of mean_squared_error must be",
                label="invalid multioutput (InvalidParameterError)"),),
        bench=Bench(1_000_000, _bench_regression),
        seeds=(SEED,),
    ),
    Concept(
        name="metrics.mean_absolute_error",
        reference_call="sklearn.metrics.mean_absolute_error",
        comparison="exact", tolerance="exact",
        cases=(
            case(Y_TRUE, Y_PRED, label="4 samples"),
            case(Y_TRUE, Y_PRED, sample_weight=W, label="weighted"),
            case(Y2_TRUE, Y2_PRED, multioutput="raw_values", label="2 outputs, raw"),
        ),
        strategy=_regression,
        bad=_regression_bad(),
        bench=Bench(1_000_000, _bench_regression),
    ),
    Concept(
        name="metrics.r2_score",
        reference_call="sklearn.metrics.r2_score",
        comparison="exact", tolerance="exact",
        cases=(
            case(Y_TRUE, Y_PRED, label="4 samples"),
            case(Y_TRUE, Y_PRED, sample_weight=W, label="weighted"),
            case(Y2_TRUE, Y2_PRED, multioutput="raw_values", label="2 outputs, raw"),
            case(Y2_TRUE, Y2_PRED, multioutput="variance_weighted", label="variance weighted"),
            case([2.0, 2.0, 2.0], [2.0, 2.0, 2.0], label="constant y, perfect fit: 1"),
            case([2.0, 2.0, 2.0], [2.0, 2.5, 2.0], label="constant y, imperfect fit: 0"),
            case([2.0, 2.0, 2.0], [2.0, 2.5, 2.0], force_finite=False,
                 label="constant y, force_finite=False: -inf"),
            case(Y2_TRUE, Y2_PRED, multioutput=None, label="multioutput=None: uniform average"),
            case(Y2_TRUE, Y2_PRED, multioutput=[2.0, 1.0], label="custom output weights"),
            case([[2.0, 1.0], [2.0, 1.0], [2.0, 1.0]], [[2.0, 1.0], [2.5, 1.0], [2.0, 1.0]],
                 multioutput="variance_weighted",
                 label="variance weighted, every output constant: the uniform mean, 0.5"),
            case([[2.0, 1.0], [2.0, 1.0], [2.0, 1.0]], [[2.0, 1.0], [2.5, 1.0], [2.0, 1.0]],
                 multioutput="variance_weighted", force_finite=False,
                 label="variance weighted, every output constant, force_finite=False: nan"),
        ),
        strategy=_regression,
        bad=_regression_bad() + (
            bad([1.0], [2.0], warns=UserWarning, match="not well-defined with less than two",
                label="one sample: nan with UndefinedMetricWarning"),),
        bench=Bench(1_000_000, _bench_regression),
    ),
    Concept(
        name="metrics.accuracy_score",
        reference_call="sklearn.metrics.accuracy_score",
        comparison="exact", tolerance="exact",
        cases=(
            case(SEED_LABELS, SEED_PREDICTED, seed=SEED, expected="0.9900",
                 label="seed 002: accuracy of an RBF SVC on the unit-circle data (0.9900)"),
            case(C_TRUE, C_PRED, label="3 classes"),
            case(C_TRUE, C_PRED, normalize=False, label="count"),
            case(C_TRUE, C_PRED, sample_weight=np.arange(1.0, 9.0), label="weighted"),
            case(np.array(["cat", "dog", "cat"]), np.array(["cat", "cat", "cat"]),
                 label="string labels"),
        ),
        strategy=_accuracy_cases,
        bad=_classification_bad(),
        bench=Bench(1_000_000, _bench_labels),
        seeds=(SEED,),
    ),
    Concept(
        name="metrics.precision_score",
        reference_call="sklearn.metrics.precision_score",
        comparison="exact", tolerance="exact",
        cases=(
            case(B_TRUE, B_PRED, label="binary"),
            case(C_TRUE, C_PRED, average="macro", label="macro"),
            case(C_TRUE, C_PRED, average="micro", label="micro"),
            case(C_TRUE, C_PRED, average="weighted", label="weighted average"),
            case(C_TRUE, C_PRED, average=None, label="per class"),
            case(C_TRUE, C_PRED, average="macro", labels=[2, 0], label="labels subset"),
            case(B_TRUE, np.zeros(8, dtype=int), zero_division=1.0,
                 label="no predicted positives, zero_division=1"),
            case(B_TRUE, B_PRED, pos_label=0, sample_weight=W.repeat(2),
                 label="pos_label=0, weighted"),
        ),
        strategy=_prf_cases,
        bad=_prf_bad("precision_score") + (
            bad(B_TRUE, np.zeros(8, dtype=int), warns=UserWarning, match="ill-defined",
                label="0/0: 0.0 with UndefinedMetricWarning"),),
        bench=Bench(1_000_000, _bench_labels),
    ),
    Concept(
        name="metrics.recall_score",
        reference_call="sklearn.metrics.recall_score",
        comparison="exact", tolerance="exact",
        cases=(
            case(B_TRUE, B_PRED, label="binary"),
            case(C_TRUE, C_PRED, average="macro", label="macro"),
            case(C_TRUE, C_PRED, average="weighted", label="weighted average"),
            case(C_TRUE, C_PRED, average=None, labels=[0, 1, 2, 3], zero_division=np.nan,
                 label="an absent label, zero_division=nan"),
        ),
        strategy=_prf_cases,
        bad=_prf_bad("recall_score"),
        bench=Bench(1_000_000, _bench_labels),
    ),
    Concept(
        name="metrics.f1_score",
        reference_call="sklearn.metrics.f1_score",
        comparison="exact", tolerance="exact",
        cases=(
            case(B_TRUE, B_PRED, label="binary"),
            case(C_TRUE, C_PRED, average="macro", label="macro"),
            case(C_TRUE, C_PRED, average="micro", label="micro"),
            case(C_TRUE, C_PRED, average="weighted", label="weighted average"),
            case(np.array(["a", "b", "a", "a"]), np.array(["a", "b", "b", "a"]), pos_label="a",
                 label="string labels, pos_label='a'"),
        ),
        strategy=_prf_cases,
        bad=_prf_bad("f1_score"),
        bench=Bench(1_000_000, _bench_labels),
    ),
    Concept(
        name="metrics.confusion_matrix",
        reference_call="sklearn.metrics.confusion_matrix",
        comparison="exact", tolerance="exact",
        cases=(
            case(SEED_LABELS, SEED_PREDICTED, seed=SEED, expected=np.array([[80, 1], [1, 118]]),
                 label="seed 002: confusion matrix of the RBF SVC"),
            case(C_TRUE, C_PRED, label="3 classes"),
            case(C_TRUE, C_PRED, labels=[2, 0], label="labels subset, reordered"),
            case(C_TRUE, C_PRED, sample_weight=np.arange(1.0, 9.0), label="weighted"),
            case(C_TRUE, C_PRED, sample_weight=np.arange(1, 9), label="integer weights"),
            case(np.array([0, 1]), np.array([0, 1]), sample_weight=np.array([2**63 - 1, 2**53 + 1]),
                 expected=np.array([[2**63 - 1, 0], [0, 2**53 + 1]]),
                 label="integer weights beyond 2⁵³ stay exact (int64 sums, not float64)"),
            case(C_TRUE, C_PRED, normalize="true", label="rows normalised"),
            case(C_TRUE, C_PRED, normalize="pred", label="columns normalised"),
            case(C_TRUE, C_PRED, normalize="all", label="total normalised"),
            case(np.array(["b", "a", "b"]), np.array(["a", "a", "b"]), label="string labels"),
        ),
        strategy=_confusion_cases,
        bad=_classification_bad() + (
            bad(C_TRUE, C_PRED, labels=[7, 8], raises=ValueError,
                match="At least one label specified must be in y_true",
                label="no label in y_true"),
            bad([1, 1], [1, 1], warns=UserWarning, match="A single label was found",
                label="a single label: 1×1 with a UserWarning"),
            bad(None, [0, 1], raises=ValueError,
                match="The 'y_true' parameter of confusion_matrix must be an array-like",
                label="y_true None (InvalidParameterError)"),
            bad([0, 1], np.float64(1.0), raises=ValueError,
                match="The 'y_pred' parameter of confusion_matrix must be an array-like",
                label="y_pred a scalar (InvalidParameterError)"),
            bad([0, 1], [0, 1], sample_weight=2.0, raises=ValueError,
                match="The 'sample_weight' parameter of confusion_matrix must be an array-like",
                label="sample_weight a scalar (InvalidParameterError)"),),
        bench=Bench(1_000_000, _bench_labels),
        seeds=(SEED,),
    ),
    Concept(
        name="metrics.log_loss",
        reference_call="sklearn.metrics.log_loss",
        comparison="exact", tolerance="exact",
        cases=(
            case(["spam", "ham", "ham", "spam"], [[.1, .9], [.9, .1], [.8, .2], [.35, .65]],
                 label="scikit-learn's example"),
            case(B_TRUE, B_SCORE, label="binary: probability of class 1"),
            case(C_TRUE, PROBA3, label="3 classes"),
            case(C_TRUE, PROBA3, normalize=False, sample_weight=np.arange(1.0, 9.0),
                 label="weighted sum"),
            case([0, 1], [[1.0, 0.0], [1.0, 0.0]], label="a certain mistake: clipped at eps"),
            case([1, 1], [0.3, 0.8], labels=[0, 1], label="one class present, labels given"),
        ),
        strategy=_probabilities,
        bad=(
            bad([0, 1, 1], [0.1, 0.2, 0.3, 0.4], raises=ValueError,
                match=_MISMATCH.replace("3, 4", "4, 3"), label="length mismatch"),
            bad([0, 1], [0.2, np.nan], raises=ValueError, match="Input contains NaN",
                label="NaN in y_proba"),
            bad([0, 1], [0.2, 1.3], raises=ValueError,
                match="y_prob contains values greater than 1", label="probability above 1"),
            bad([1, 1], [0.2, 0.3], raises=ValueError, match="y_true contains only one label",
                label="one class"),
            bad(C_TRUE, PROBA3[:, :2], raises=ValueError,
                match="y_true and y_prob contain different number of classes",
                label="columns unlike classes"),
            bad([0.0, np.nan, 1.0], [0.2, 0.3, 0.9], raises=ValueError,
                match="Input y contains NaN", label="NaN in y_true"),
            bad([0, None, 1], [0.2, 0.3, 0.9], raises=ValueError,
                match="Unknown label type", label="None among the labels"),
            bad(["a", 1, "a"], [0.2, 0.3, 0.9], raises=ValueError,
                match=r"Mix of label input types \(string and number\)",
                label="a list of strings and numbers"),
            bad([0, 1, 1], ["a", "b", "c"], raises=ValueError,
                match="could not convert string to float", label="strings as probabilities"),
        ),
        bench=Bench(1_000_000, _bench_proba),
        note="scikit-learn ≥ 1.5 clips probabilities to [eps, 1 − eps] with eps of the "
             "input's float type and has no eps argument; mathml does the same.",
    ),
    Concept(
        name="metrics.roc_curve",
        reference_call="sklearn.metrics.roc_curve",
        comparison="exact", tolerance="exact",
        cases=(
            case([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], label="scikit-learn's example"),
            case(B_TRUE, B_SCORE, label="tied scores"),
            case(B_TRUE, B_SCORE, drop_intermediate=False, label="every threshold"),
            case(B_TRUE, B_SCORE, sample_weight=W.repeat(2), label="weighted"),
            case(B_TRUE * 2 + 1, B_SCORE, pos_label=3, label="labels {1, 3}, pos_label=3"),
            case(TIE_TRUE, TIE_SCORE, sample_weight=TIE_WEIGHT,
                 label="tied weighted scores: the order in which a tie's weights are added "
                 "decides which points are collinear"),
        ),
        strategy=_binary_scores,
        bad=_roc_bad() + (
            bad([1, 2, 2], [0.1, 0.2, 0.3], raises=ValueError,
                match="pos_label is not specified", label="labels {1, 2} without pos_label"),
            bad([1, 1, 1], [0.1, 0.2, 0.3], warns=UserWarning, match="No negative samples",
                label="no negatives: fpr nan with UndefinedMetricWarning"),
        ),
        bench=Bench(1_000_000, _bench_scores),
    ),
    Concept(
        name="metrics.roc_auc_score",
        reference_call="sklearn.metrics.roc_auc_score",
        comparison="exact", tolerance="exact",
        cases=(
            case([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], label="scikit-learn's example"),
            case(B_TRUE, B_SCORE, label="tied scores"),
            case(B_TRUE, B_SCORE, sample_weight=W.repeat(2), label="weighted"),
            case(C_TRUE, PROBA3, **_MULTI, label="3 classes, one-vs-rest macro"),
            case(C_TRUE, PROBA3, **_MULTI, average="weighted",
                 label="3 classes, one-vs-rest weighted"),
            case(np.array(["x", "y", "z", "x", "y", "z", "z", "y"]), PROBA3, **_MULTI,
                 labels=["x", "y", "z"], label="string classes, labels given"),
            case(C_TRUE, PROBA3, **_MULTI, average="micro", label="one-vs-rest micro"),
            case(C_TRUE, PROBA3, **_MULTI, average="micro", sample_weight=W.repeat(2),
                 label="one-vs-rest micro, weighted"),
            case(C_TRUE, PROBA3, **_MULTI, average=None, label="one-vs-rest, per class"),
            case(C_TRUE, PROBA3, multi_class="ovo", label="one-vs-one (Hand & Till) macro"),
            case(C_TRUE, PROBA3, multi_class="ovo", average="weighted",
                 label="one-vs-one weighted by the pairs' shares"),
            case(B_TRUE, B_SCORE, average=None, label="binary: average ignored"),
        ),
        strategy=_auc_cases,
        bad=_roc_bad()[:2] + _roc_bad()[3:] + (
            bad(C_TRUE, PROBA3, raises=ValueError, match="multi_class must be in",
                label="multiclass without multi_class='ovr'"),
            bad(C_TRUE, PROBA3 * 2, **_MULTI, raises=ValueError,
                match="Target scores need to be probabilities", label="scores not summing to 1"),
            bad([1, 1, 1], [0.1, 0.2, 0.3], warns=UserWarning, match="Only one class",
                label="one class: nan with UndefinedMetricWarning"),
            bad(C_TRUE, PROBA3, multi_class="ovo", sample_weight=W.repeat(2), raises=ValueError,
                match="sample_weight is not supported for multiclass one-vs-one ROC AUC",
                label="one-vs-one with sample weights"),
            bad(C_TRUE, PROBA3, multi_class="ovo", average=None, raises=NotImplementedError,
                match="average=None is not implemented for multi_class='ovo'",
                label="one-vs-one, per pair"),
            bad(C_TRUE, PROBA3, multi_class="ovo", average="micro", raises=ValueError,
                match="average must be one of \\('macro', 'weighted', None\\) for multiclass",
                label="one-vs-one micro"),
            bad(C_TRUE, PROBA3, **_MULTI, average="samples", raises=ValueError,
                match="average must be one of \\('micro', 'macro', 'weighted', None\\)",
                label="'samples' is for multilabel targets"),
            bad(C_TRUE, PROBA3, multi_class="ovx", raises=ValueError,
                match="The 'multi_class' parameter of roc_auc_score must be",
                label="unknown multi_class (InvalidParameterError)"),
        ),
        bench=Bench(1_000_000, _bench_scores),
        note="max_fpr (the partial AUC) is outside mathml's scope.",
    ),
)


# --- clustering scores ---------------------------------------------------------------------------

def _blobs(seed: int, n: int = 30, p: int = 2, k: int = 3, spread: float = 1.0):
    """(X, labels): k uniform blobs around random centres, every cluster non-empty (labels
    cycle through 0..k−1 in a shuffled order), continuous coordinates."""
    rng = np.random.default_rng(seed)
    labels = rng.permutation(np.arange(n) % k)
    centres = rng.uniform(-5, 5, (k, p))
    return centres[labels] + spread * rng.uniform(-1, 1, (n, p)), labels


@st.composite
def _cluster_cases(draw, sample_size=False):
    n = draw(st.integers(3, 40))
    k = draw(st.integers(2, n - 1))
    X, labels = _blobs(draw(st.integers(0, 2 ** 31 - 1)), n, draw(st.integers(1, 4)), k,
                       draw(st.sampled_from([0.1, 1.0, 5.0])))
    kwargs = {}
    if sample_size and draw(st.booleans()):
        # the subset must keep 2..size−1 labels: a permutation draw may not, so only
        # sizes that cannot lose a cluster below 2 are drawn (size ≥ n − n//k + 2)
        kwargs = {"sample_size": draw(st.integers(min(n, n - n // k + 2), n)),
                  "random_state": draw(st.integers(0, 1000))}
        if kwargs["sample_size"] >= n:
            kwargs["sample_size"] = n
    return case(X, labels, **kwargs)


@st.composite
def _clusterings(draw):
    n = draw(st.integers(0, 60))
    a = draw(arrays(np.int64, (n,), elements=st.integers(0, draw(st.integers(0, 6)))))
    b = draw(arrays(np.int64, (n,), elements=st.integers(0, draw(st.integers(0, 6)))))
    return case(a, b)


_BX, _BL = _blobs(0)
_SINGLETON_X = np.array([[0.0, 0.0], [0.5, 0.2], [4.0, 4.0], [4.2, 3.9], [9.0, 0.0]])
_SINGLETON_L = np.array([0, 0, 1, 1, 2])
_D = np.abs(np.subtract.outer(np.arange(6.0), np.arange(6.0))) ** 1.5  # a distance matrix
_SAME_POINTS = np.array([[1.0, 2.0], [1.0, 2.0], [3.0, 0.0], [3.0, 0.0]])


def _cluster_score_bad(name, precomputed=False):
    nan = _BX.copy()
    nan[0, 0] = np.nan
    out = (
        bad(_BX, np.zeros(30, dtype=int), raises=ValueError,
            match=r"Number of labels is 1. Valid values are 2 to n_samples - 1 \(inclusive\)",
            label="one label"),
        bad(_BX[:4], np.arange(4), raises=ValueError, match="Number of labels is 4. Valid",
            label="as many labels as samples"),
        bad(nan, _BL, raises=ValueError, match="Input X contains NaN", label="NaN in X"),
        bad(_BX, _BL[:-1], raises=ValueError, match="inconsistent numbers of samples",
            label="length mismatch"),
        bad(_BX[:, 0], _BL, raises=ValueError, match="Expected 2D array", label="1-D X"),
    )
    if precomputed:
        D = _D.copy()
        D[1, 1] = 1.0
        out += (
            bad(D, [0, 0, 0, 1, 1, 1], metric="precomputed", raises=ValueError,
                match="The precomputed distance matrix contains non-zero elements on the "
                      "diagonal", label="precomputed, non-zero diagonal"),
            bad(_BX, _BL, metric="manhattan", raises=ValueError,
                match=f"The 'metric' parameter of {name} must be a str among",
                label="metric outside mathml's (InvalidParameterError)"),
        )
    return out


def _bench_blobs(n, rng):
    return case(*_blobs(int(rng.integers(1 << 30)), max(n, 8), p=10, k=5))


def _bench_clusterings(n, rng):
    return case(rng.integers(0, 10, n), rng.integers(0, 12, n))


_SILHOUETTE_CASES = (
    case(_BX, _BL, label="3 blobs"),
    case(*_blobs(1, n=50, p=3, k=4, spread=4.0), label="4 overlapping blobs"),
    case(_SINGLETON_X, _SINGLETON_L, label="a singleton cluster (s = 0)"),
    case(_D, [0, 0, 0, 1, 1, 1], metric="precomputed", label="precomputed distances"),
    case(_BX, np.array(["a", "b", "c"])[_BL], label="string labels"),
    case(_SAME_POINTS, [0, 0, 1, 1], label="duplicate points"),
)

CONCEPTS += (
    Concept(
        name="metrics.silhouette_samples",
        reference_call="sklearn.metrics.silhouette_samples",
        comparison="exact", tolerance="exact",
        cases=_SILHOUETTE_CASES,
        strategy=_cluster_cases,
        bad=_cluster_score_bad("silhouette_samples", precomputed=True),
        bench=Bench(2000, _bench_blobs),
        note="distances by scikit-learn's expansion ‖x‖² − 2xᵀy + ‖y‖² and per-cluster "
             "sums in sample order: the same numbers to the last bit.",
    ),
    Concept(
        name="metrics.silhouette_score",
        reference_call="sklearn.metrics.silhouette_score",
        comparison="exact", tolerance="exact",
        cases=_SILHOUETTE_CASES + (
            case(*_blobs(2, n=60), sample_size=40, random_state=0,
                 label="sample_size=40: the same random subset"),),
        strategy=lambda: _cluster_cases(sample_size=True),
        bad=_cluster_score_bad("silhouette_score", precomputed=True) + (
            bad(_BX, _BL, sample_size=0, raises=ValueError,
                match="The 'sample_size' parameter of silhouette_score must be",
                label="sample_size=0"),),
        bench=Bench(2000, _bench_blobs),
    ),
    Concept(
        name="metrics.calinski_harabasz_score",
        reference_call="sklearn.metrics.calinski_harabasz_score",
        comparison="exact", tolerance="exact",
        cases=(
            case(_BX, _BL, label="3 blobs"),
            case(*_blobs(1, n=50, p=3, k=4, spread=4.0), label="4 overlapping blobs"),
            case(_SAME_POINTS, [0, 0, 1, 1], label="no dispersion within clusters: 1"),
            case(_BX, np.array(["a", "b", "c"])[_BL], label="string labels"),
        ),
        strategy=_cluster_cases,
        bad=_cluster_score_bad("calinski_harabasz_score"),
        bench=Bench(1_000_000, _bench_blobs),
    ),
    Concept(
        name="metrics.davies_bouldin_score",
        reference_call="sklearn.metrics.davies_bouldin_score",
        comparison="exact", tolerance="exact",
        cases=(
            case(_BX, _BL, label="3 blobs"),
            case(*_blobs(1, n=50, p=3, k=4, spread=4.0), label="4 overlapping blobs"),
            case(_SAME_POINTS, [0, 0, 1, 1], label="no spread: 0"),
            case(np.array([[0.0], [2.0], [1.0], [1.0], [5.0], [6.0]]), [0, 0, 1, 1, 2, 2],
                 label="two clusters with the same centroid"),
        ),
        strategy=_cluster_cases,
        bad=_cluster_score_bad("davies_bouldin_score"),
        bench=Bench(1_000_000, _bench_blobs),
    ),
    Concept(
        name="metrics.adjusted_rand_score",
        reference_call="sklearn.metrics.adjusted_rand_score",
        comparison="exact", tolerance="exact",
        cases=(
            case([0, 0, 1, 1], [1, 1, 0, 0], label="the same partition, renamed: 1"),
            case([0, 0, 1, 2], [0, 0, 1, 1], label="a split cluster"),
            case([0, 0, 0, 0], [0, 1, 2, 3], label="one cluster vs singletons: 0"),
            case([0, 1, 2, 3], [0, 1, 2, 3], label="all singletons: 1"),
            case(["a", "a", "b", "b", "c"], [1, 1, 1, 2, 2], label="string labels"),
            case([], [], label="empty: 1"),
            case(*(np.random.default_rng(0).integers(0, 4, (2, 200))),
                 label="independent labellings: near 0"),
        ),
        strategy=_clusterings,
        bad=(
            bad([[0, 1], [1, 0]], [0, 1], raises=ValueError,
                match=r"labels_true must be 1D: shape is \(2, 2\)", label="2-D labels_true"),
            bad([0, 1, 1], [0, 1], raises=ValueError, match="inconsistent numbers of samples",
                label="length mismatch"),
            bad([0.5, 1.5, 0.5], [0, 1, 0], warns=UserWarning,
                match="Clustering metrics expects discrete values",
                label="continuous labels warn"),
        ),
        bench=Bench(1_000_000, _bench_clusterings),
        note="pair counts in exact integer arithmetic (mathml: the Hubert–Arabie formula on "
             "the contingency table; scikit-learn: the pair confusion matrix), one division.",
    ),
)
