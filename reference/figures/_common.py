"""What every figure shares: the two backends, their styles, and a new figure."""
from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

#: A hook draws the figure of the concept it is given by name.
Hook = Callable[[str], "Figure"]

BACKENDS = ("mathml", "reference")
#: mathml a solid line under reference's dashed one: where the two agree both show, where
#: they differ the dashes leave the solid line.
LINE: dict[str, dict[str, Any]] = {
    "mathml": {"color": "C0", "linestyle": "-", "linewidth": 2.4},
    "reference": {"color": "C3", "linestyle": "--", "linewidth": 1.6}}
#: points: mathml's open circles around reference's crosses
POINTS: dict[str, dict[str, Any]] = {
    "mathml": {"marker": "o", "facecolors": "none", "edgecolors": "C0", "s": 36},
    "reference": {"marker": "x", "color": "C3", "s": 18}}
INSTALL = ("mathml plot needs matplotlib: pip install matplotlib (or the docs extra: "
           "pip install -e '.[docs]')")


class MatplotlibMissing(ImportError):
    """matplotlib is not installed: the message says how to install it."""


def require_matplotlib() -> None:
    try:
        importlib.import_module("matplotlib.figure")
    except ImportError:
        raise MatplotlibMissing(INSTALL) from None


def backends() -> Iterator[tuple[str, ModuleType]]:
    """("mathml", the mathml package), ("reference", the reference package)."""
    for b in BACKENDS:
        yield b, importlib.import_module(b)


def member(backend: str, name: str) -> Any:
    """The backend's object called `name` ("linear_model.Ridge", "metrics.pairwise.rbf_kernel")."""
    area, *rest = name.split(".")
    return functools.reduce(getattr, rest, importlib.import_module(f"{backend}.{area}"))


def new_figure(ncols: int = 2, nrows: int = 1, *, width: float = 4.4,
               height: float = 3.6) -> tuple[Figure, list[Axes]]:
    """A figure of ncols × nrows panels (each `width` × `height` inches), laid out by
    matplotlib's constrained layout; no pyplot, so nothing global is kept."""
    from matplotlib.figure import Figure
    fig = Figure(figsize=(width * ncols, height * nrows), layout="constrained")
    axes = fig.subplots(nrows, ncols, squeeze=False).ravel().tolist()
    return fig, axes


def register(table: dict[str, Hook], names: Any, hook: Hook) -> None:
    """``table[name] = hook`` for each of `names`."""
    for name in names:
        table[name] = hook
