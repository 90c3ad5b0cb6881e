"""Shared docstring sections: the one way `mathml` writes a section once and uses it twice.

A docstring names a shared part by a placeholder ``{name}``; the decorator `fill_doc`
replaces it with the text given for ``name`` when the function or class is defined. The
result is a plain ``__doc__`` string, so ``help``, ``inspect.getdoc``, doctest and numpydoc
read it like any other::

    _NOTES = '''
        *Algorithm* ...
        '''

    @fill_doc(notes=_NOTES)
    def gammainc(a, x):
        '''The regularised lower incomplete gamma function.
        ...
        Notes
        -----
        {notes}
        '''

A docstring shared whole (a template for several functions) is passed first:
``@fill_doc(_TEMPLATE, name="recall_score", ...)``.

Only the names given are replaced, so the braces of LaTeX (``e^{x}``, ``\\frac{1}{x}``)
stay as they are. A block value (one that starts with a newline, as a triple-quoted section
does) is dedented and indented as the placeholder's line; a one-line value is inserted as
written. A name given but absent from the docstring raises, so a typo cannot drop a section.
"""
from __future__ import annotations

import re
import textwrap
from typing import TypeVar
from collections.abc import Callable

__all__: list[str] = []

T = TypeVar("T")

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill_doc(template: str | None = None, /, **values: str) -> Callable[[T], T]:
    """A decorator setting ``obj.__doc__`` to `template` (default: the object's own
    docstring) with each ``{name}`` of `values` replaced by its text."""
    def decorate(obj: T) -> T:
        doc = obj.__doc__ if template is None else template
        if doc is None:          # docstrings stripped (python -OO): nothing to fill
            return obj
        obj.__doc__ = fill(doc, **values)
        return obj
    return decorate


def fill(doc: str, /, **values: str) -> str:
    """`doc` with each ``{name}`` of `values` replaced (see the module docstring)."""
    missing = [name for name in values if "{" + name + "}" not in doc]
    if missing:
        raise ValueError(f"no placeholder for {missing} in the docstring {doc[:60]!r}...")

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in values:
            return match.group(0)
        text = values[name]
        if not text.startswith("\n"):
            return text
        line_start = doc.rfind("\n", 0, match.start()) + 1
        line = doc[line_start:match.start()]
        indent = line[:len(line) - len(line.lstrip())]
        block = textwrap.dedent(text).strip("\n").splitlines()
        return "\n".join([block[0]] + [indent + line if line.strip() else ""
                                       for line in block[1:]])

    return _PLACEHOLDER.sub(replace, doc)
