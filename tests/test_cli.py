"""The `mathml` command: list, show, report and bench run and say what they should."""
import subprocess
import sys
from pathlib import Path

import numpy as np
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


def test_bench_shows_the_size_rounds_and_spread_of_each_side(capsys):
    assert main(["bench", "--concept", "linalg.add", "--concept", "linalg.trace",
                 "--seconds", "0.01"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["concept", "size", "rounds", "mathml", "median", "(min–max)",
                                "reference", "median", "(min–max)", "ratio"]
    add = next(r for r in lines if r.startswith("linalg.add"))
    assert "n=1000000" in add
    trace = next(r for r in lines if r.startswith("linalg.trace"))
    assert "n=1000 (1000×1000)" in trace
    for row in (add, trace):
        assert row.count("(") - row.count("(1000×") == 2 and row.count("–") == 2, row
        assert "e+" not in row and "e-" not in row, row
    assert lines[-1].startswith("2 concepts in ") and "(budget 20.0 ms)" in lines[-1]


def test_bench_says_which_concepts_ran_fewer_rounds(monkeypatch, capsys):
    from reference import bench
    monkeypatch.setattr(bench, "FULL_ROUNDS", bench.MAX_ROUNDS + 1)  # every concept is short
    assert main(["bench", "--concept", "linalg.trace", "--seconds", "0.01"]) == 0
    out = capsys.readouterr().out
    assert "Fewer than 201 rounds" in out and "linalg.trace (" in out


def test_bench_markdown_has_one_row_per_concept(capsys):
    assert main(["bench", "--concept", "linalg.add", "--seconds", "0.01", "--markdown"]) == 0
    rows = [r for r in capsys.readouterr().out.splitlines() if r.startswith("|")]
    assert len(rows) == 3 and rows[2].startswith("| linalg.add | n=1000000 |")


class _FakeClock:
    """A clock that moves only when a fake call says it took time."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def call(self, seconds: float, log: list[str], name: str):
        def f() -> None:
            log.append(name)
            self.now += seconds
        return f


@pytest.mark.parametrize("call_seconds, budget, rounds", [
    (0.3, 1.0, 1),      # warm-up alone is 0.6 s: one round, over the budget rather than none
    (5.0, 1.0, 1),      # a call far slower than the budget: still one time of each
    (0.01, 1.005, 49),  # warm-up 0.02 s, then as many 0.02 s rounds as fit: 0.02 + 49 × 0.02
    (1e-6, 1.0, 200),   # fast calls stop at MAX_ROUNDS
])
def test_bench_budget_cuts_rounds_but_keeps_one(call_seconds, budget, rounds):
    from reference import bench
    clock, log = _FakeClock(), []
    t = bench.time_pair(clock.call(call_seconds, log, "m"), clock.call(call_seconds, log, "r"),
                        budget, clock=clock)
    assert t.rounds == len(t.mathml) == len(t.reference) == rounds
    assert all(x == pytest.approx(call_seconds) for x in t.mathml + t.reference)
    if rounds > 1:
        assert t.elapsed <= budget + 1e-12
    # a warm-up call of each, then rounds alternating which side goes first
    assert log[:2] == ["m", "r"]
    assert log[2:8] == ["m", "r", "r", "m", "m", "r"][:len(log) - 2]


@pytest.mark.parametrize("seconds, text", [
    (1.2149, "1.21 s"), (340e-6, "340 µs"), (0.0121, "12.1 ms"), (0.01, "10.0 ms"),
    (0.99996, "1.00 s"), (1210.0, "1210 s"), (5e-9, "5.00 ns"), (0.0, "0 ns"),
])
def test_bench_times_read_in_a_unit_without_exponent(seconds, text):
    from reference import bench
    assert bench.format_time(seconds) == text


def test_bench_size_says_what_it_means():
    import numpy as np

    from reference import bench
    case = catalog.Case
    assert bench.describe_size(500, case((np.ones((500, 500)),))) == "n=500 (500×500)"
    assert bench.describe_size(10000, case((np.ones((10000, 50)), np.ones(10000)))) == "10000×50"
    assert bench.describe_size(10, case((np.ones(10), np.ones(10)))) == "n=10"
    assert bench.describe_size(1, case((sum, 0.0, 1.0))) == "n=1"
    assert bench.describe_size(4, case((), {"a": np.ones((4, 4, 3))})) == "n=4 (4×4×3)"


def test_bench_growth_exponent_is_the_least_squares_slope():
    from reference import bench
    sizes = [50, 100, 200, 400]
    assert bench.growth_exponent(sizes, [2e-9 * n ** 3 for n in sizes]) == pytest.approx(3.0)
    assert bench.growth_exponent(sizes, [1e-3 * n ** 0.5 for n in sizes]) == pytest.approx(0.5)
    # two lines of slope 1 and 3 averaged in the log: the least-squares slope of the mix
    times = [n if i % 2 else n ** 3 for i, n in enumerate(sizes)]
    assert bench.growth_exponent(sizes, times) == pytest.approx(
        np.polyfit(np.log(sizes), np.log(times), 1)[0])


def test_bench_scale_runs_n_over_4_to_n_at_least_and_prints_both_exponents(capsys):
    assert main(["bench", "--scale", "linalg.trace", "--seconds", "0.001"]) == 0
    out = capsys.readouterr().out
    rows = [r.split()[0] for r in out.splitlines() if r[:1].isdigit() and "n=" in r]
    assert rows == ["250", "500", "1000"]  # the budget is spent: nothing beyond n
    assert "n=250 (250×250)" in out
    exponents = [r.split() for r in out.splitlines() if "k = " in r]
    assert [e[0] for e in exponents] == ["mathml", "reference"]
    assert all(e[1:3] == ["k", "="] and float(e[3]) == float(e[3]) for e in exponents)


def test_bench_scale_grows_while_the_budget_lasts():
    from reference import bench
    assert bench.scale_sizes(200) == [50, 100, 200, 400, 800, 1600, 3200]
    assert bench.scale_sizes(2) == [1, 2, 4, 8, 16, 32]
    s = bench.scale_concept(catalog.get("optimize.rosen"), 1.0)  # µs a call at n = 1000
    assert len(s.sizes) > 3 and s.sizes == tuple(bench.scale_sizes(1000)[:len(s.sizes)])


def test_bench_scale_stops_before_an_input_too_large(monkeypatch):
    from reference import bench
    monkeypatch.setattr(bench, "MAX_BYTES", 3 * 1000 ** 2 * 8)  # n×n at 2n is 4 × n×n
    s = bench.scale_concept(catalog.get("linalg.trace"), 100.0)
    assert s.sizes == (250, 500, 1000)


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
    (["bench", "--scale", "svd"], ["did you mean linalg.svd?"]),
    (["bench", "linalg", "--scale", "linalg.svd"], ["--scale times one concept"]),
    (["bench", "--seconds", "0", "linalg"], ["--seconds must be positive"]),
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
