"""The `mathml` command: list, show, report and bench run and say what they should."""
import pytest

from reference import catalog
from reference.cli import main


def test_list_names_every_concept_of_an_area(capsys):
    assert main(["list", "linalg"]) == 0
    out = capsys.readouterr().out
    for c in catalog.all_concepts(["linalg"]):
        assert c.name in out and c.reference_call in out


def test_show_gives_the_math_both_sources_and_the_errors(capsys):
    assert main(["show", "linalg.svd", "--width", "160"]) == 0
    out = capsys.readouterr().out
    assert "mathml.linalg.svd" in out and "reference.linalg.svd" in out
    assert "def svd(" in out and "np.linalg.svd" in out
    assert "max abs error" in out and "agrees" in out


@pytest.mark.parametrize("name", ["lu", "cholesky", "qr", "eigh", "eig", "svd"])
def test_show_opens_with_the_textbook_algorithm(name, capsys):
    assert main(["show", f"linalg.{name}", "--width", "120"]) == 0
    out = capsys.readouterr().out
    textbook = out.index(f"def _textbook_{name}(")
    # below 140 columns the two sources are stacked: mathml's title on a line of its own
    assert textbook < out.index("The fast path") < out.index(f"mathml.linalg.{name}\n")


def test_list_report_and_show_use_one_vocabulary(capsys):
    """The comparison is named the same way everywhere: the strategy's label."""
    svd = catalog.get("linalg.svd")
    assert svd.compared_by == "sign: svd"
    # show fits the terminal: at a known width, so that its first line is not wrapped
    for command in (["list", "linalg"], ["report", "linalg"],
                    ["show", "linalg.svd", "--width", "160"]):
        main(command)
        line = next(row for row in capsys.readouterr().out.splitlines()
                    if row.startswith("linalg.svd"))
        assert "sign: svd" in line and "decomposition" in line, (command, line)


def test_show_names_each_case_strategy_of_a_distribution(capsys):
    assert main(["show", "stats.norm", "--width", "160"]) == 0
    rows = capsys.readouterr().out.split("Agreement on the example cases:")[1].splitlines()
    ppf = next(r for r in rows if r.startswith("ppf"))
    rvs = next(r for r in rows if r.startswith("rvs"))
    assert "exact: quantile" in ppf and "stat: sampling" in rvs


def test_report_agrees_and_exits_zero(capsys):
    assert main(["report", "linalg"]) == 0
    out = capsys.readouterr().out
    assert "0 disagree" in out


def test_report_exits_nonzero_on_a_disagreement(monkeypatch, capsys):
    import mathml.linalg
    monkeypatch.setattr(mathml.linalg, "trace", lambda a, offset=0, axis1=0, axis2=1: 0.0)
    assert main(["report", "linalg"]) == 1
    assert "linalg.trace" in capsys.readouterr().out.split("disagree")[-1]


def test_bench_prints_a_ratio(capsys):
    assert main(["bench", "--concept", "linalg.add", "--seconds", "0.01"]) == 0
    assert "×" in capsys.readouterr().out


def test_unknown_area_is_a_clear_error(capsys):
    assert main(["list", "astrology"]) == 2
    assert "unknown area" in capsys.readouterr().err
