"""The figures of both backends (`reference.figures`), the catalog's hook to them and
`mathml plot`."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reference import catalog, figures
from reference.cli import main
from reference.figures import _registry

ROOT = Path(__file__).resolve().parents[1]


def test_every_figure_is_a_catalog_concept():
    concepts = {c.name for c in catalog.all_concepts()}
    assert set(_registry()) <= concepts, sorted(set(_registry()) - concepts)
    assert sorted(figures.names()) == sorted(_registry())


def test_the_catalog_hook_is_the_registry():
    for c in catalog.all_concepts():
        assert (c.figure is not None) == figures.has_figure(c.name), c.name
    assert not figures.has_figure("linalg.add") and catalog.get("linalg.add").figure is None


def test_matplotlib_is_imported_only_to_draw():
    """`import mathml`, `import reference`, the catalog's hook and the registry's questions
    leave matplotlib unimported: it is an optional dependency."""
    code = ("import sys, mathml, reference\n"
            "from reference import catalog, figures\n"
            "assert figures.names() and figures.has_figure('special.erf')\n"
            "assert catalog.get('special.erf').figure is not None\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'matplotlib'))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout
    assert out.strip() == "[]"


def _one_per_hook() -> list[str]:
    """A concept of each hook (each kind of picture): the first registered."""
    first: dict[object, str] = {}
    for name, hook in _registry().items():
        first.setdefault(hook, name)
    return sorted(first.values())


def _texts(fig) -> list[str]:
    texts = [fig._suptitle.get_text()] if fig._suptitle is not None else []
    for ax in fig.axes:
        texts += [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
        legend = ax.get_legend()
        if legend is not None:
            texts += [t.get_text() for t in legend.get_texts()]
    return texts


@pytest.mark.parametrize("name", _one_per_hook())
def test_a_figure_of_each_kind_shows_both_backends(name, tmp_path):
    pytest.importorskip("matplotlib")
    from matplotlib.figure import Figure
    fig = figures.draw(name)
    assert isinstance(fig, Figure)
    texts = _texts(fig)
    assert any(name in t for t in texts), f"no title names {name}: {texts}"
    for backend in ("mathml", "reference"):  # a legend entry or a panel's title
        assert any(backend in t for t in texts), f"{backend} is not in {texts}"
    drawn = [ax for ax in fig.axes if ax.has_data()]
    assert drawn, "nothing is drawn"
    for ax in drawn:
        assert ax.get_xlabel() and ax.get_ylabel(), f"unlabelled axes {ax.get_title()!r}"
    fig.savefig(tmp_path / "f.png", dpi=30)  # renders without a display (Agg)
    assert (tmp_path / "f.png").read_bytes()[:4] == b"\x89PNG"


def test_draw_of_a_concept_without_a_figure_says_where_to_look():
    with pytest.raises(KeyError, match="mathml plot --list"):
        figures.draw("linalg.add")


# --- mathml plot -----------------------------------------------------------------------------

def test_plot_writes_the_figure(tmp_path, capsys):
    pytest.importorskip("matplotlib")
    out = tmp_path / "erf.png"
    assert main(["plot", "special.erf", "-o", str(out), "--dpi", "30"]) == 0
    assert out.read_bytes()[:4] == b"\x89PNG"
    assert str(out) in capsys.readouterr().out


def test_plot_without_o_writes_area_name_png_here(tmp_path, monkeypatch):
    pytest.importorskip("matplotlib")
    monkeypatch.chdir(tmp_path)
    assert main(["plot", "nn.relu", "--dpi", "30"]) == 0
    assert (tmp_path / "nn.relu.png").is_file()


def test_plot_of_a_concept_without_a_figure(capsys):
    assert main(["plot", "linalg.add"]) == 2
    err = capsys.readouterr().err
    assert "linalg.add has no figure" in err and "mathml plot --list" in err


def test_plot_of_an_unknown_name_suggests_the_concept(capsys):
    assert main(["plot", "erff"]) == 2
    assert "special.erf" in capsys.readouterr().err


def test_plot_list_names_the_concepts_with_a_figure(capsys):
    assert main(["plot", "--list"]) == 0
    out = capsys.readouterr().out
    assert "erf" in out and "norm" in out and f"{len(figures.names())} concepts" in out


def test_plot_without_a_name(capsys):
    assert main(["plot"]) == 2
    assert "mathml plot --list" in capsys.readouterr().err


def test_plot_without_matplotlib_says_how_to_install_it(monkeypatch, tmp_path, capsys):
    # None in sys.modules makes `import matplotlib...` raise ImportError, as when absent
    for module in ("matplotlib", "matplotlib.figure"):
        monkeypatch.setitem(sys.modules, module, None)
    assert main(["plot", "special.erf", "-o", str(tmp_path / "f.png")]) == 2
    err = capsys.readouterr().err
    assert "mathml plot needs matplotlib: pip install matplotlib" in err
    assert not (tmp_path / "f.png").exists()


def test_plot_to_an_unknown_format(tmp_path, capsys):
    pytest.importorskip("matplotlib")
    assert main(["plot", "special.erf", "-o", str(tmp_path / "f.xyz")]) == 2
    assert "not supported" in capsys.readouterr().err


def test_plot_into_a_missing_folder(tmp_path, capsys):
    pytest.importorskip("matplotlib")
    assert main(["plot", "special.erf", "-o", str(tmp_path / "no" / "f.png")]) == 2
    assert "cannot write" in capsys.readouterr().err
