"""The `mathml` command: list, show, report and bench run and say what they should."""
import subprocess
import sys
from pathlib import Path

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
    assert svd.compared_by == "sign: svd, sign: svd (dtype)"  # float32 cases: dtypes too
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


def test_report_names_the_case_that_disagrees(monkeypatch, capsys):
    import mathml.linalg
    monkeypatch.setattr(mathml.linalg, "trace", lambda a, offset=0, axis1=0, axis2=1: 0.0)
    main(["report", "linalg"])
    row = next(r for r in capsys.readouterr().out.splitlines() if r.startswith("linalg.trace"))
    n = len(catalog.get("linalg.trace").cases)
    assert row.endswith(f"DISAGREES on case 1 of {n}")


def test_an_infinite_relative_error_beside_agrees_says_why():
    from reference.cli import _verdict
    from reference.runner import run_concept
    result = run_concept(catalog.get("special.erfc"))  # erfc(large) = 0 exactly in SciPy
    assert result.ok and result.worst.max_rel == float("inf")
    assert _verdict(result).startswith("agrees (rel error inf: an exact 0")


# --- misuse: one line on stderr saying what to type instead, exit status 2 ------------------

MINE = """\
import numpy as np
from helper import total     # a sibling module: the file's folder is on the import path


def my_trace(a, offset=0, axis1=0, axis2=1):
    return np.trace(a, offset, axis1, axis2)


def sigmoid(x):
    return 1 / (1 + np.exp(-np.asarray(x, dtype=float)))   # overflows for x < -709
"""


@pytest.fixture
def mine(tmp_path, monkeypatch):
    (tmp_path / "helper.py").write_text("def total(v):\n    return sum(v)\n")
    (tmp_path / "mine.py").write_text(MINE)
    monkeypatch.chdir(tmp_path)
    return tmp_path / "mine.py"


def _one_line(capsys, *words):
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    for w in words:
        assert w in lines[0], (w, lines[0])
    return lines[0]


@pytest.mark.parametrize("argv, words", [
    (["list", "astrology"], ["no area 'astrology'", "linalg"]),
    (["list", "linalgg"], ["did you mean linalg?"]),
    (["show", "inv"], ["did you mean linalg.inv?"]),
    (["show", "linalg"], ["is an area", "mathml list linalg"]),
    (["report", "linalg.inv"], ["is a concept", "mathml show linalg.inv"]),
    (["bench", "--concept", "inv"], ["did you mean linalg.inv?"]),
    (["check", "mine.py", "linalg.trace"], ["FILE.py:FUNCTION"]),
    (["check", "nope.py:f", "linalg.trace"], ["no file 'nope.py'"]),
    (["check", "mine.py:my_trac", "linalg.trace"],
     ["no function 'my_trac'", "my_trace, sigmoid", "did you mean my_trace?"]),
    (["check", "mine.py:my_trace", "trace"], ["did you mean linalg.trace?"]),
    (["check", "mine.py:my_trace"], ["required: AREA.NAME", "mathml check --help"]),
    (["shwo", "linalg.inv"], ["invalid choice: 'shwo'"]),
    (["exercise"], ["mathml exercise --list linalg"]),
])
def test_misuse_is_one_line_and_exit_status_2(argv, words, mine, capsys):
    assert main(argv) == 2
    _one_line(capsys, *words)


def test_a_file_that_fails_to_load_is_one_line(tmp_path, capsys):
    bad = tmp_path / "broken.py"
    bad.write_text("def f(:\n")
    assert main(["check", f"{bad}:f", "linalg.trace"]) == 2
    _one_line(capsys, "broken.py (line 1) failed to load: SyntaxError")


def test_check_loads_a_file_that_imports_its_sibling(mine, capsys):
    assert main(["check", "mine.py:my_trace", "linalg.trace", "--examples", "5"]) == 0
    assert "agrees" in capsys.readouterr().out


def test_check_counts_repeated_warnings_instead_of_printing_them(mine, capsys):
    assert main(["check", "mine.py:sigmoid", "special.expit", "--examples", "30"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    counted = [line for line in captured.out.splitlines() if line.startswith("warned")]
    assert len(counted) == 1 and "(mine.py:10): RuntimeWarning: overflow encountered in exp" \
        in counted[0] and "times" in counted[0]


def test_a_closed_pipe_is_quiet():
    """`mathml list | head -1`: no traceback, no 'Exception ignored' at exit."""
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.Popen([sys.executable, "-m", "reference.cli", "list"], cwd=root,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # before the command has printed anything: its first write fails
    assert proc.stderr.read() == b""
    assert proc.wait(timeout=60) in (0, 141)
