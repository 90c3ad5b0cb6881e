"""`reference.check` on a learner's estimator class, and on a function whose signature is
smaller than the concept's: what the concept compares is said up front, what a class lacks
is listed in one message, reports stay short, and cases a function cannot take are
skipped and counted."""
import dataclasses

import numpy as np
import pytest

import reference
from reference import catalog
from reference.catalog import Concept, case
from reference.cli import main
from reference.compare import agree

SCALER = "preprocessing.StandardScaler"


class Scaler:
    """Standardisation written from scratch: the mean, the population variance (ddof=0)
    by the corrected two-pass formula, and scale 1 for a constant feature. The count is
    an int (scikit-learn stores a float): equal numbers, a note and not a failure."""

    def __init__(self, with_mean=True, with_std=True):
        self.with_mean, self.with_std = with_mean, with_std

    def fit(self, X, y=None):
        X = np.asarray(X, dtype=float)
        n = X.shape[0]
        self.n_features_in_, self.n_samples_seen_ = X.shape[1], n
        self.mean_ = self.var_ = self.scale_ = None
        if self.with_mean or self.with_std:
            self.mean_ = X.sum(axis=0) / n
        if self.with_std:
            d = X - self.mean_
            self.var_ = self._variance(d, n)
            scale = np.sqrt(self.var_)
            # a feature constant up to rounding has scale 1, as in scikit-learn
            tiny = (scale == 0) | (scale < 10 * np.finfo(float).eps * np.abs(self.mean_))
            self.scale_ = np.where(tiny, 1.0, scale)
        return self

    @staticmethod
    def _variance(d, n):
        return (d ** 2).sum(axis=0) / n - (d.sum(axis=0) / n) ** 2

    def transform(self, X):
        X = np.asarray(X, dtype=float)
        if self.with_mean:
            X = X - self.mean_
        return X / self.scale_ if self.with_std else X

    def inverse_transform(self, Z):
        Z = np.asarray(Z, dtype=float)
        if self.with_std:
            Z = Z * self.scale_
        return Z + self.mean_ if self.with_mean else Z


class ScalerDdof1(Scaler):
    """The classic slip: the sample variance (divide by n - 1)."""

    @staticmethod
    def _variance(d, n):
        return (d ** 2).sum(axis=0) / (n - 1)


class MeanOnly:
    """A first draft: fit stores the mean, transform centres; the rest is missing."""

    def __init__(self, with_mean=True, with_std=True):
        self.with_mean, self.with_std = with_mean, with_std

    def fit(self, X, y=None):
        self.mean_ = np.mean(X, axis=0)
        return self

    def transform(self, X):
        return X - self.mean_


class LinearRegressionNoReturn:
    """Least squares on centred data, complete but for fit's `return self` (the catalog's
    estimators are used as ``cls(**params).fit(X, y).predict(...)``)."""

    def __init__(self, fit_intercept=True):
        self.fit_intercept = fit_intercept

    def fit(self, X, y):
        X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
        self.n_features_in_ = X.shape[1]
        x_mean = X.mean(axis=0) if self.fit_intercept else np.zeros(X.shape[1])
        y_mean = y.mean(axis=0) if self.fit_intercept else 0.0
        w = np.linalg.lstsq(X - x_mean, y - y_mean, rcond=None)[0]
        self.coef_, self.intercept_ = w.T, y_mean - x_mean @ w

    def predict(self, X):
        return np.asarray(X) @ self.coef_.T + self.intercept_

    def score(self, X, y):
        residual = ((y - self.predict(X)) ** 2).sum()
        return 1 - residual / ((y - y.mean(axis=0)) ** 2).sum()


def test_a_correct_class_written_from_scratch_passes():
    report = reference.check(Scaler, SCALER, max_examples=10)
    assert report.ok, report
    text = str(report)
    # said up front: what the concept compares
    assert ("compares the fitted attributes mean_, var_, scale_, n_samples_seen_, "
            "n_features_in_ and the methods fit, transform, inverse_transform") in text
    # no partial_fit: those cases are skipped and counted, not failed
    assert "skipped 5 cases that call partial_fit, which Scaler lacks" in text
    # n_samples_seen_ int where scikit-learn stores float64: a note
    assert "note: n_samples_seen_: dtype int64 (integer) where the reference has float64" in text


def test_one_wrong_attribute_gives_a_short_report_naming_it():
    report = reference.check(ScalerDdof1, SCALER, max_examples=10)
    assert not report.ok
    text = str(report)
    assert len(text.splitlines()) <= 40, text
    assert "var_ differs: worst at [" in text
    assert "these differ: var_, scale_, transform" in text
    # the smallest example runs first
    smallest = min(catalog.get(SCALER).cases, key=lambda c: sum(np.size(a) for a in c.args))
    assert report.failure.case is smallest


def test_a_large_failing_case_is_summarised_not_dumped():
    """The seed's 800×1 / 200×1 split alone: shape, dtype, a few entries and the range."""
    concept = catalog.get(SCALER)
    report = reference.check(ScalerDdof1, dataclasses.replace(concept, cases=concept.cases[:1]),
                             max_examples=1)
    text = str(report)
    assert len(text.splitlines()) <= 40 and len(text) < 3000, text
    assert "array of shape (800, 1), float64: [" in text
    assert "transform: array of shape (200, 1), float64:" in text
    assert "var_ differs: worst at [0], expected 8.56" in text


def test_missing_attributes_and_methods_are_listed_in_one_message():
    report = reference.check(MeanOnly, SCALER)
    assert not report.ok and report.failure is None
    text = str(report)
    assert "the class lacks what the concept compares" in text
    assert (" ".join(report.lacking.split()).startswith(
        "MeanOnly lacks the fitted attributes var_, scale_, n_samples_seen_, n_features_in_ "
        "and the method inverse_transform"))
    assert len(text.splitlines()) <= 6, text


def test_a_linear_regression_lacking_attributes_gets_them_in_one_message():
    class Bare(LinearRegressionNoReturn):
        def fit(self, X, y):
            super().fit(X, y)
            del self.n_features_in_
            return self
    Bare.score = None
    text = str(reference.check(Bare, "linear_model.LinearRegression"))
    assert "compares the fitted attributes coef_, intercept_, n_features_in_" in text
    assert "Bare lacks the fitted attribute n_features_in_ and the method score" in text


def test_fit_without_return_self_gets_a_hint():
    text = str(reference.check(LinearRegressionNoReturn, "linear_model.LinearRegression",
                               max_examples=1))
    assert "'NoneType' object has no attribute" in text and "return self" in text


def test_the_class_check_from_the_command_line(tmp_path, capsys):
    mine = tmp_path / "mine.py"
    mine.write_text("import numpy as np\n\n"
                    "class Centre:\n"
                    "    def __init__(self, with_mean=True, with_std=True):\n"
                    "        self.with_mean, self.with_std = with_mean, with_std\n\n"
                    "    def fit(self, X, y=None):\n"
                    "        self.mean_ = np.mean(X, axis=0)\n"
                    "        return self\n")
    assert main(["check", f"{mine}:Centre", SCALER, "--examples", "5"]) == 1
    out = capsys.readouterr().out
    assert "Centre lacks the fitted attributes var_, scale_" in out
    assert "transform, inverse_transform" in out and "Traceback" not in out


# --- signatures ------------------------------------------------------------------------------------

def plain_var(x):
    """The population variance of all the entries: no axis, no ddof."""
    x = np.asarray(x, dtype=float)
    return ((x - x.mean()) ** 2).mean()


def test_a_plain_var_is_checked_on_the_cases_it_can_take():
    report = reference.check(plain_var, "stats.var", max_examples=100)
    assert report.ok, report
    text = str(report)
    assert "signature: expected (a, axis=None, *, ddof=0, keepdims=False); yours (x)" in text
    # the examples with ddof (their number follows the catalog)
    n_ddof = sum("ddof" in c.kwargs for c in catalog.get("stats.var").cases)
    assert f"skipped {n_ddof} examples and" in text and "which yours does not take" in text
    # the first example, and the generated inputs at the defaults (axis=None, keepdims=False)
    assert report.cases_run > 1


def test_a_wrong_plain_var_is_still_caught():
    report = reference.check(lambda x: plain_var(x) * 1.01, "stats.var", max_examples=5)
    assert not report.ok and "population variance of 1..5" in str(report)


def test_a_matching_signature_is_not_mentioned():
    report = reference.check(reference.stats.var, "stats.var", max_examples=5)
    assert report.ok and "signature" not in str(report) and "skipped" not in str(report)


def test_a_class_without_a_hyperparameter_skips_its_cases():
    class NoOptions(Scaler):
        def __init__(self):
            super().__init__()
    report = reference.check(NoOptions, SCALER, max_examples=10)
    text = str(report)
    assert report.ok, text
    assert "signature: expected (*, with_mean=True, with_std=True); yours ()" in text
    assert "they pass with_mean, with_std, which yours does not take" in text


def test_nothing_compared_is_not_agreement():
    report = reference.check(lambda: 0.0, "stats.var", max_examples=5)
    assert not report.ok and "nothing compared" in str(report)


# --- dtypes: the values first ------------------------------------------------------------------------

def test_equal_values_of_another_dtype_kind_are_noted_not_failed_by_the_checker():
    report = reference.check(lambda a: float(np.linalg.matrix_rank(a)), "linalg.matrix_rank",
                             max_examples=5)
    assert report.ok, report
    assert "note: the result: dtype float64 (float) where the reference has int64" in str(report)


def test_a_case_that_asks_for_a_dtype_keeps_it_strict():
    concept = Concept("linalg.matrix_rank", "numpy.linalg.matrix_rank", "exact", "identical",
                      cases=(case(np.eye(2), dtype="int"),), strategy=lambda: None, bad=(),
                      bench=catalog.get("linalg.matrix_rank").bench,
                      run=lambda f, c: f(*c.args))
    report = reference.check(lambda a: float(np.linalg.matrix_rank(a)), concept, max_examples=0)
    assert not report.ok and "equal values" in report.failure.agreement.detail


def test_agree_compares_values_first_and_keeps_the_contract_strict():
    same = agree(np.array([3, 4]), np.array([3.0, 4.0]), "identical")
    assert not same.ok and same.kinds_only and same.values_agree and same.notes
    different = agree(np.array([3, 5]), np.array([3.0, 4.0]), "identical")
    assert not different.values_agree and "expected 4.0, got 5.0" in different.detail
    assert "dtype int64" in different.detail
    both = agree({"a": np.array([1]), "b": np.array([2.0])},
                 {"a": np.array([1.0]), "b": np.array([2.5])}, "exact")
    assert not both.values_agree and "result['b']" in both.detail and both.notes


def test_the_backends_tests_still_fail_on_a_dtype_kind():
    from reference.runner import CaseResult
    verdict = agree(np.array(2), np.array(2.0), "identical")
    assert not CaseResult(case(), verdict).ok


@pytest.mark.parametrize("func", [Scaler, ScalerDdof1, MeanOnly])
def test_assert_agrees_carries_the_class_report(func):
    if func is Scaler:
        assert reference.assert_agrees(func, SCALER, max_examples=3).ok
    else:
        with pytest.raises(AssertionError, match="var_"):
            reference.assert_agrees(func, SCALER, max_examples=3)


def test_a_long_signature_is_summarised_by_what_differs():
    class TinyMLP:
        def __init__(self, hidden_layer_sizes=(100,), learning_rate_init=0.01):
            self.hidden_layer_sizes = hidden_layer_sizes
    report = reference.check(TinyMLP, "neural_network.MLPRegressor", max_examples=2)
    text = str(report)
    assert not report.ok and "nothing compared: every case was skipped" in text
    assert "signature differs from the concept's: yours lacks loss, activation, solver" in text
    assert "other defaults: learning_rate_init=0.01 (expected 0.001)" in text
