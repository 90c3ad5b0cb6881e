"""The gallery of the seeds' examples (examples/plot_seed_*.py): every script runs to the end
through both backends (each raises when an output drifts from the seed's numbers or the two
backends disagree), and each says which seed file its examples come from."""
import ast
import runpy
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
# the seed files live beside the repository (../shared/seeds), or in the shared specification
SEED_DIRS = [EXAMPLES.parent.parent / "shared" / "seeds", Path("/work/shared/seeds")]
SCRIPTS = sorted(EXAMPLES.glob("plot_seed_*.py"))
# the scripts that train forests or SVMs on hundreds of points many times (several seconds)
SLOW = {"plot_seed_random_forest_confusion_matrix.py", "plot_seed_random_forest_learning_curve.py",
        "plot_seed_svm_learning_curve.py"}
SEED_FILES = ("000_dd9bfe186c948157.txt", "001_45b6499136769c0a.txt", "002_4b7009893bf14dc2.txt",
              "003_48c0add073702cea.txt", "004_c46c1fe91adcd628.txt")


def _param(path):
    marks = [pytest.mark.slow] if path.name in SLOW else []
    return pytest.param(path, id=path.stem, marks=marks)


def test_there_are_scripts():
    assert len(SCRIPTS) >= 16


@pytest.mark.parametrize("path", [_param(p) for p in SCRIPTS])
def test_script_runs(path, monkeypatch):
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    monkeypatch.chdir(path.parent)
    try:
        runpy.run_path(str(path), run_name="__main__")
        assert plt.get_fignums(), f"{path.name} draws no figure"
    finally:
        plt.close("all")


@pytest.mark.parametrize("path", [_param(p) for p in SCRIPTS])
def test_script_names_its_seed_and_has_a_title(path):
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert docstring, f"{path.name} has no module docstring"
    lines = docstring.splitlines()
    # sphinx-gallery's title: the first line, underlined with '=' of at least its length
    assert len(lines) > 1 and set(lines[1]) == {"="} and len(lines[1]) >= len(lines[0]), \
        f"{path.name}: the docstring does not open with an RST title"
    named = [seed for seed in SEED_FILES if seed in docstring]
    assert named, f"{path.name} does not name the seed file its examples come from"
    seeds = next((d for d in SEED_DIRS if d.is_dir()), None)
    if seeds is not None:                  # in a clone without the specification, the names
        assert all((seeds / seed).is_file() for seed in named)
