"""The documentation site's generator (`reference.docs`), without running Sphinx: a page for
every concept with every section, the area pages and the tolerance table from the catalog,
the agreement measured on the page, the figure included where `reference.figures` draws one,
the docstrings' prose made valid reStructuredText, and `mathml bench --record`."""
from __future__ import annotations

import inspect
import json
import re
import sys

import pytest

from reference import catalog, compare, docs
from reference.cli import main

#: the pages issue 18 names: math, both sources, agreement and a figure
SHOWCASE = ("linalg.svd", "optimize.minimize", "stats.norm", "linear_model.LogisticRegression")


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """Every page, generated as the site's build does but without the measurement and the
    figures (drawn in the build and in test_the_figure_hook_is_drawn_into_the_page)."""
    out = tmp_path_factory.mktemp("api")
    docs.generate(out, measure=False, figures=False, log=lambda *a: None)
    return out


def test_every_concept_has_a_page_with_every_section(pages):
    for c in catalog.all_concepts():
        text = (pages / f"{c.name}.rst").read_text(encoding="utf-8")
        assert text.startswith(f".. _{docs.label(c.name)}:"), c.name
        for section in docs.SECTIONS:
            assert f"\n{section}\n{'-' * len(section)}\n" in text, (c.name, section)
        assert ".. auto" in text and f"mathml.{c.name}\n" in text, c.name
        assert text.count(".. container:: mathml-source\n") == 2, c.name
        assert f"**mathml.{c.name}**" in text and f"**reference.{c.name}**" in text
        assert f"``{c.reference_call}``" in text
        for t in c.tolerances.split(", "):
            assert f"<{docs._slug('tolerance', t)}>" in text, c.name


def test_the_areas_list_their_concepts_and_the_index_every_area(pages):
    index = (pages / "index.rst").read_text(encoding="utf-8")
    for area in catalog.AREAS:
        assert f"<area-{area}>" in index and f"\n   {area}\n" in index
        text = (pages / f"{area}.rst").read_text(encoding="utf-8")
        for c in catalog.all_concepts([area]):
            assert f"<{docs.label(c.name)}>" in text and f"\n   {c.name}\n" in text
    pages_written = {p.stem for p in pages.glob("*.rst")}
    assert pages_written == ({c.name for c in catalog.all_concepts()} | set(catalog.AREAS)
                             | {"index", "tolerances"})


def test_the_tolerance_page_has_every_tolerance_and_strategy_with_its_reason(pages):
    text = (pages / "tolerances.rst").read_text(encoding="utf-8")
    for name, t in compare.TOLERANCES.items():
        assert f".. _{docs._slug('tolerance', name)}:" in text
        assert docs.rst_text(t.reason) in text
    for name in compare.STRATEGIES:
        assert f".. _{docs._slug('strategy', name)}:" in text


def test_the_labels_of_tolerances_and_strategies_are_distinct_and_plain():
    for kind, names in (("tolerance", compare.TOLERANCES), ("strategy", compare.STRATEGIES)):
        slugs = [docs._slug(kind, n) for n in names]
        assert len(set(slugs)) == len(slugs)
        assert all(re.fullmatch(r"[a-z]+(-[a-z0-9]+)+", s) for s in slugs), slugs


def test_a_stale_page_is_removed(tmp_path):
    (tmp_path / "linalg.gone.rst").write_text("old")
    docs.generate(tmp_path, ["linalg.inv"], measure=False, figures=False, log=lambda *a: None)
    assert sorted(p.name for p in tmp_path.glob("*.rst")) == [
        "index.rst", "linalg.inv.rst", "linalg.rst", "tolerances.rst"]


@pytest.mark.parametrize("name", SHOWCASE)
def test_the_showcase_pages_have_math_sources_and_measured_agreement(name, tmp_path):
    c = catalog.get(name)
    doc = inspect.getdoc(c.mathml)
    assert ".. math::" in doc or ":math:`" in doc          # autodoc renders it on the page
    page = docs._page_of(name, tmp_path, True, docs.Versions("2000-01-01", "libs"),
                         {name: {"ratio": 1.5, "size": "n=10", "rounds": 7, "seconds": 0.05,
                                 "date": "1999-12-31"}}, figures=False)
    assert "Measured when this page was built (2000-01-01; libs)" in page
    assert "both backends agree on every case" in page
    assert page.count("     - agrees\n") >= 1 and "disagrees" not in page
    assert "1.50×" in page and "1999-12-31" in page
    sources = page.split("The two sources\n", 1)[1]
    assert "def " in sources.split("**reference.", 1)[0]    # mathml's code
    assert "def " in sources.split("**reference.", 1)[1]    # and the reference's


@pytest.mark.parametrize("name", SHOWCASE)
def test_the_showcase_concepts_have_a_figure(name):
    from reference import figures
    assert figures.has_figure(name)      # drawn onto the page by the build


def test_a_disagreement_is_shown_on_the_page():
    c = catalog.get("linalg.trace")
    result = docs.show._run(c, None)
    result.cases[0].agreement = compare.Agreement(False, 1.0, 1.0, detail="off by one")
    page = docs.concept_page(c, result, docs.Versions("d", "l"))
    assert "**a disagreement**" in page and "**disagrees**: off by one" in page


def test_a_page_without_measurement_or_bench_says_so():
    page = docs.concept_page(catalog.get("linalg.trace"), None, docs.Versions("d", "l"))
    assert "Not measured in this build" in page and "No ratio recorded yet" in page
    assert "Figure\n------" not in page


def test_the_figure_hook_is_drawn_into_the_page(tmp_path):
    pytest.importorskip("matplotlib")      # the docs extra's, not the tests'
    assert docs._figure("linalg.svd", tmp_path) == "figures/linalg.svd.png"
    assert (tmp_path / "figures" / "linalg.svd.png").read_bytes()[:4] == b"\x89PNG"
    page = docs.concept_page(catalog.get("linalg.svd"), None, docs.Versions("d", "l"),
                             figure="figures/linalg.svd.png")
    assert "Figure\n------\n" in page and ".. figure:: figures/linalg.svd.png" in page


def test_a_concept_without_a_figure_hook_gets_no_figure(tmp_path):
    from reference import figures
    name = next(c.name for c in catalog.all_concepts() if not figures.has_figure(c.name))
    assert docs._figure(name, tmp_path) is None
    assert not (tmp_path / "figures").exists()


def test_importing_the_generator_imports_neither_sphinx_nor_matplotlib():
    import subprocess
    code = ("import sys, reference.docs; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sphinx', 'matplotlib')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- the docstrings' prose as reStructuredText ------------------------------------------------

def test_prose_escapes_absolute_values_attributes_and_lone_stars():
    lines = ["The largest |a_ij| and coef_ after fit; `x_` and ``coef_ |x|`` stay;",
             "shape (*batch, d); **bold** and *emphasis* stay; see [1]_.",
             ":math:`|x|_2` stays, so does https://en.wikipedia.org/wiki/Singular_value"]
    docs.prose_as_rst(lines)
    assert lines == [
        r"The largest \|a_ij\| and coef\_ after fit; `x_` and ``coef_ |x|`` stay;",
        r"shape (\*batch, d); **bold** and *emphasis* stay; see [1]_.",
        ":math:`|x|_2` stays, so does https://en.wikipedia.org/wiki/Singular_value"]


def test_prose_leaves_math_code_and_doctests_alone():
    lines = [".. math:: |x| = x_", "   + |y|", "", "Example::", "", "    z_ = |w|", "",
             ">>> abs_ = |1|", "array_ |2|", "", "after |3|"]
    docs.prose_as_rst(lines)
    assert lines[:10] == [".. math:: |x| = x_", "   + |y|", "", "Example::", "",
                          "    z_ = |w|", "", ">>> abs_ = |1|", "array_ |2|", ""]
    assert lines[10] == r"after \|3\|"


def test_prose_is_valid_restructuredtext_for_every_concept():
    core = pytest.importorskip("docutils.core")
    numpydoc = pytest.importorskip("numpydoc.docscrape_sphinx")
    bad = {}
    for c in catalog.all_concepts():
        lines = str(numpydoc.get_doc_object(c.mathml)).splitlines()
        docs.prose_as_rst(lines)
        text = "\n".join(line for line in lines if not line.lstrip().startswith(
            (".. rubric::", ".. only::", ".. index::", ".. autosummary::")))
        errors = []
        core.publish_doctree(text, settings_overrides={
            "report_level": 2, "halt_level": 5, "warning_stream": _Collect(errors)})
        errors = [e for e in errors if "Unknown interpreted text role" not in e
                  and 'Unknown directive type' not in e and "math" not in e]
        if errors:
            bad[c.name] = errors
    assert not bad


class _Collect:
    def __init__(self, into: list):
        self.into = into

    def write(self, text: str) -> None:
        if text.strip():
            self.into.append(text.strip())


def test_rst_text_keeps_literals_and_math_and_escapes_the_rest():
    assert docs.rst_text("a ``b_`` `\\alpha` `name` *x |y| z_") == \
        r"a ``b_`` :math:`\alpha` ``name`` \*x \|y\| z\_"


# --- mathml bench --record ---------------------------------------------------------------------

def test_bench_record_writes_and_merges_the_ratios(tmp_path, capsys):
    path = tmp_path / "bench.json"
    path.write_text(json.dumps({"linalg.inv": {"ratio": 9.0, "date": "1999-01-01"}}))
    assert main(["bench", "--concept", "linalg.trace", "--seconds", "0.01",
                 "--record", str(path)]) == 0
    data = json.loads(path.read_text())
    assert data["linalg.inv"] == {"ratio": 9.0, "date": "1999-01-01"}   # kept
    entry = data["linalg.trace"]
    assert entry["ratio"] > 0 and entry["rounds"] >= 1 and entry["seconds"] == 0.01
    assert entry["size"] and len(entry["date"]) == 10
    assert "recorded 1 ratio in" in capsys.readouterr().out


def test_bench_record_refuses_scale(capsys):
    assert main(["bench", "--scale", "linalg.trace", "--record", "x.json"]) == 2


def test_the_recorded_bench_has_the_showcase_and_valid_entries():
    recorded = docs.load_bench()      # a concept added since the last record says so
    assert set(recorded) >= set(SHOWCASE)
    assert all(r["ratio"] > 0 and len(r["date"]) == 10 and r["rounds"] >= 1
               for r in recorded.values())
