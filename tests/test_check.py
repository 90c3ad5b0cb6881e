"""`reference.check` and `reference.assert_agrees`: checking a learner's own code."""
import dataclasses

import numpy as np
import pytest

import reference
from reference import catalog
from reference.cli import main


def inverse_without_pivoting(a):
    """Gauss–Jordan elimination that divides by whatever stands on the diagonal: the
    classic learner's inverse, right on most matrices, wrong when a pivot is zero."""
    A = np.array(a, dtype=float)
    n = A.shape[0]
    M = np.hstack([A, np.eye(n)])
    with np.errstate(divide="ignore", invalid="ignore"):
        for k in range(n):
            M[k] = M[k] / M[k, k]
            others = np.arange(n) != k
            M[others] -= np.outer(M[others, k], M[k])
    return M[:, n:]


def test_a_correct_function_agrees():
    report = reference.check(np.linalg.inv, "linalg.inv", max_examples=30)
    assert report.ok and report.failure is None
    assert report.cases_run == len(catalog.get("linalg.inv").cases) + 30
    assert "agrees" in str(report)


def test_catches_an_inverse_without_pivoting():
    report = reference.check(inverse_without_pivoting, "linalg.inv")
    assert not report.ok
    text = str(report)
    # the readable report: which input, what was expected, what came back, where
    assert "zero leading entry" in text
    assert "np.array([[0.0, 1.0], [1.0, 1.0]])" in text
    assert "expected (reference)" in text and "got:" in text
    assert "where they differ: result: at (0, 0)" in text


def test_generated_inputs_find_and_shrink_the_failure():
    """Without the example cases, the generated inputs find a matrix needing a row
    exchange (a leading principal minor is zero, so some pivot is zero without one) and
    shrink it to a small one."""
    only_seed = dataclasses.replace(catalog.get("linalg.inv"),
                                    cases=catalog.get("linalg.inv").cases[:1])
    report = reference.check(inverse_without_pivoting, only_seed, max_examples=200)
    assert not report.ok
    A = np.asarray(report.failure.case.args[0])
    minors = [np.linalg.det(A[:k, :k]) for k in range(1, A.shape[0] + 1)]
    assert np.isclose(minors, 0).any() and A.shape[0] <= 3, A
    assert "smallest failing" in str(report)


def test_assert_agrees_raises_with_the_report():
    with pytest.raises(AssertionError, match="zero leading entry"):
        reference.assert_agrees(inverse_without_pivoting, "linalg.inv")
    assert reference.assert_agrees(np.linalg.inv, "linalg.inv", max_examples=5).ok


def test_a_function_that_raises_is_reported():
    def broken(a):
        raise RuntimeError("not written yet")
    report = reference.check(broken, "linalg.det")
    assert not report.ok and "raised RuntimeError: not written yet" in str(report)


def test_wrong_shape_is_reported():
    report = reference.check(lambda a: np.linalg.inv(a).ravel(), "linalg.inv", max_examples=5)
    assert not report.ok and "shape" in report.failure.agreement.detail


def test_check_command(tmp_path, capsys):
    mine = tmp_path / "mine.py"
    mine.write_text("import numpy as np\n\ndef my_det(a):\n    return np.linalg.det(a)\n\n"
                    "def my_bad_det(a):\n    return np.prod(np.diag(a))\n")
    assert main(["check", f"{mine}:my_det", "linalg.det", "--examples", "10"]) == 0
    assert main(["check", f"{mine}:my_bad_det", "linalg.det", "--examples", "10"]) == 1
    assert "DISAGREES" in capsys.readouterr().out


def test_unknown_concept_is_a_clear_error():
    with pytest.raises(KeyError, match="no concept 'linalg.invert'.*linalg.inv"):
        reference.check(np.linalg.inv, "linalg.invert")


def test_a_large_input_is_summarised_in_the_report():
    """An input of 1000 entries: its shape, dtype, first entries and range, not 1000 numbers."""
    concept = dataclasses.replace(catalog.get("stats.mean"),
                                  cases=(catalog.case(np.arange(1000.0), label="0..999"),))
    report = reference.check(lambda a: np.sum(a) / (len(a) - 1), concept, max_examples=1)
    text = str(report)
    assert not report.ok and len(text.splitlines()) <= 12, text
    assert "array of shape (1000,), float64: [0., 1., 2., 3., …]; min 0, max 999" in text
    assert "where they differ: result: expected 499.5, got 500.0" in text


def test_the_headline_names_the_output_and_the_worst_entry():
    from reference.check import _headline
    assert _headline("result['coef_'][0, 3]: expected 0.52, got 0.49 (|diff| 0.03 > allowed 0)") \
        == "coef_ differs: worst at [0, 3], expected 0.52, got 0.49 (|diff| 0.03 > allowed 0)"
    assert _headline("result['score']: expected 1.0, got 0.5") == "score differs: expected 1.0, got 0.5"
    assert _headline("result[0, 1]: expected 1.0, got 0.5") == ""  # one answer: no name to give
