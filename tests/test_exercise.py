"""`mathml exercise`: a stub to fill in, graded by `mathml check` — the learner's path."""
import inspect
import warnings

import pytest

from reference import catalog, exercise
from reference.cli import main

CORRECT = """\
    a = np.asarray(a, dtype=float)
    n = a.size if axis is None else a.shape[axis]
    return np.sum(a, axis=axis, keepdims=keepdims) / n
"""
# the classic mistake: len(a) counts the rows, not the entries averaged along `axis`
DIVIDES_BY_LEN = """\
    a = np.asarray(a, dtype=float)
    return np.sum(a, axis=axis, keepdims=keepdims) / len(a)
"""


def _answer(stub: str, body: str) -> str:
    assert stub.count("    raise NotImplementedError\n") == 1
    return stub.replace("    raise NotImplementedError\n", body)


def test_the_learner_path_stub_then_answer_then_mistake(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["exercise", "stats.mean", "-o", "mean.py"]) == 0
    assert "mathml check mean.py:mean stats.mean" in capsys.readouterr().out
    stub = (tmp_path / "mean.py").read_text()
    assert "def mean(" in stub and "keepdims: bool = False" in stub
    assert "Arithmetic mean" in stub and "mathml check mean.py:mean stats.mean" in stub

    assert main(["check", "mean.py:mean", "stats.mean", "--examples", "20"]) == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and "not implemented" in out[0]

    (tmp_path / "right.py").write_text(_answer(stub, CORRECT))
    assert main(["check", "right.py:mean", "stats.mean", "--examples", "20"]) == 0
    assert "agrees" in capsys.readouterr().out

    (tmp_path / "wrong.py").write_text(_answer(stub, DIVIDES_BY_LEN))
    assert main(["check", "wrong.py:mean", "stats.mean", "--examples", "20"]) == 1
    assert "DISAGREES" in capsys.readouterr().out


def test_an_exercise_never_overwrites_the_learners_work(tmp_path, capsys):
    mine = tmp_path / "dot.py"
    mine.write_text("my work")
    assert main(["exercise", "linalg.dot", "-o", str(mine)]) == 2
    assert "--force" in capsys.readouterr().err and mine.read_text() == "my work"


def test_every_function_and_class_stub_is_valid_python():
    for c in catalog.all_concepts():
        if inspect.isfunction(c.mathml) or inspect.isclass(c.mathml):  # not distributions
            with warnings.catch_warnings():
                warnings.simplefilter("error")  # an invalid escape in the LaTeX, too
                compile(exercise.stub(c), c.name, "exec")


def test_the_order_puts_vectors_before_matrices_before_least_squares(capsys):
    assert main(["exercise", "--list", "linalg"]) == 0
    out = capsys.readouterr().out
    assert out.index("linalg.dot") < out.index("linalg.matmul") < out.index("linalg.lu") \
        < out.index("linalg.lstsq")


@pytest.mark.parametrize("area", list(exercise.ORDER))
def test_the_order_table_names_concepts_of_its_area(area):
    names = {c.function_name for c in catalog.all_concepts([area])}
    assert set(exercise.ORDER[area]) <= names
    assert [c.function_name for c in exercise.order(area)][:len(exercise.ORDER[area])] \
        == list(exercise.ORDER[area])
