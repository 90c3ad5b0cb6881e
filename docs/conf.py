"""Sphinx configuration of the mathml site: ``python -m reference.docs`` builds it (or
``sphinx-build -W --keep-going -b html docs docs/_build/html``; the pages of the concepts are
generated from the catalog by ``reference.docs.generate`` while this file is read).

Environment (``python -m reference.docs --help`` sets these from its options):
MATHML_DOCS_CONCEPTS=a.b,c.d  only these concept pages; MATHML_DOCS_AGREEMENT=0  do not
measure the agreement; MATHML_DOCS_JOBS=N  processes that measure it.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's mathml and reference, not an installed copy
os.environ.setdefault("MPLBACKEND", "Agg")

from reference import docs as _docs  # noqa: E402

project = "mathml"
author = "the mathml developers"
copyright = "the mathml developers (BSD-3-Clause)"
release = version = "0.1.0"

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.mathjax",
    "numpydoc",
    "myst_parser",
    "sphinx_gallery.gen_gallery",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store", "**/GALLERY_HEADER.rst",
                    "auto_examples/*.ipynb", "auto_examples/*.py", "auto_examples/*.zip"]
templates_path: list[str] = []
nitpicky = False
default_role = "literal"

# --- the concept pages, generated from the catalog ---------------------------------------------
_names = [n for n in os.environ.get("MATHML_DOCS_CONCEPTS", "").split(",") if n]
_docs.generate(_docs.API, _names or None,
               measure=os.environ.get("MATHML_DOCS_AGREEMENT", "1") != "0",
               jobs=int(os.environ.get("MATHML_DOCS_JOBS", "2")))
if _names:  # a quick look at a few pages: the links to the others cannot resolve
    suppress_warnings = ["ref.ref"]

# --- autodoc and numpydoc: the docstrings are numpydoc with reStructuredText math ------------
autodoc_default_options = {"member-order": "bysource"}
autodoc_typehints = "none"            # the docstrings' Parameters say the types
numpydoc_show_class_members = False   # the concept pages document the class, not each method
numpydoc_class_members_toctree = False
numpydoc_xref_param_type = False
numpydoc_validation_checks: set[str] = set()

# --- Markdown pages (docs/*.md, the README's Quick start) --------------------------------------
myst_heading_anchors = 3              # contract.md#2-same-numbers-... links as on GitHub
myst_enable_extensions = ["dollarmath"]

# --- the gallery -------------------------------------------------------------------------------
sphinx_gallery_conf = {
    "examples_dirs": str(ROOT / "examples"),
    "gallery_dirs": "auto_examples",
    "filename_pattern": r"\.py$",      # run every example: its figures and printed output
    "abort_on_example_error": True,     # a failing example fails the build
    "only_warn_on_example_error": False,
    "download_all_examples": False,
    "write_computation_times": False,
    "reset_modules": ("matplotlib",),
    "matplotlib_animations": False,
    "remove_config_comments": True,
}

# --- HTML --------------------------------------------------------------------------------------
html_theme = "alabaster"
html_title = "mathml"
html_static_path = ["_static"]
html_css_files = ["mathml.css"]
html_theme_options = {
    "page_width": "1240px",            # below it, alabaster's one-column layout
    "body_max_width": "none",          # the two sources need the width
    "sidebar_width": "230px",
    "description": "The mathematics of machine learning from scratch, checked against "
                   "NumPy, SciPy, scikit-learn and SymPy.",
    "fixed_sidebar": False,
}
html_sidebars = {"**": ["about.html", "navigation.html", "relations.html", "searchbox.html"]}
html_show_sourcelink = False


def _repository_links(app, docname, source):
    """contract.md links CONTRIBUTING.md at the repository's root; on the site it is the
    page ``contributing`` (which includes it)."""
    source[0] = source[0].replace("](../CONTRIBUTING.md)", "](contributing.md)")


def setup(app):
    app.connect("source-read", _repository_links)
    # after numpydoc (priority 500): its output's prose as reStructuredText (|x|, coef_)
    app.connect("autodoc-process-docstring",
                lambda app, what, name, obj, options, lines: _docs.prose_as_rst(lines),
                priority=600)
