"""Derivatives of functions of several variables and Monte Carlo integration, from both
backends: a partial or directional derivative as the slope of a tangent, the Jacobian as
the linear map that a small circle's image approaches, the Hessian as the curvature of the
quadratic model, and a Monte Carlo estimate converging with its error band."""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ._common import BACKENDS, LINE, Hook, member, new_figure

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

FIGURES: dict[str, Hook] = {}

#: the point where the derivatives are taken
P = np.array([0.5, 1.0])
_GRID = np.meshgrid(np.linspace(-1.5, 2.5, 121), np.linspace(-1.0, 3.0, 121))


def f(x: np.ndarray) -> np.ndarray:
    """f(x, y) = sin x · cos y + 0.3 x², of points along the first axis (SciPy's convention)."""
    return np.sin(x[0]) * np.cos(x[1]) + 0.3 * x[0] ** 2


def gradient(x: np.ndarray) -> np.ndarray:
    """∇f, by hand."""
    return np.array([np.cos(x[0]) * np.cos(x[1]) + 0.6 * x[0], -np.sin(x[0]) * np.sin(x[1])])


def _contours(ax: Axes) -> None:
    ax.contour(*_GRID, f(np.stack(_GRID)), levels=14, colors="0.75", linewidths=0.8)
    ax.plot(*P, "o", color="k", markersize=4)
    ax.set(xlabel="x", ylabel="y", aspect="equal")


def _finish(ax: Axes, title: str, loc: str = "upper left") -> None:
    ax.set_title(title, fontsize="small")
    ax.legend(fontsize="x-small", loc=loc)
    ax.grid(alpha=0.3)


def _slope(name: str) -> Figure:
    """∂f/∂x (partial, i = 0) or the derivative along u (directional) as a tangent's slope."""
    u = np.array([1.0, 0.0]) if name == "differentiate.partial" else np.array([0.6, 0.8])
    s = np.linspace(-1.2, 1.2, 200)
    fig, (ax_c, ax_s) = new_figure(width=4.4)
    _contours(ax_c)
    ax_c.plot(*(P[:, None] + np.outer(u, s)), color="k", linewidth=1,
              label=f"the line P + s·u, u = {u.tolist()}")
    _finish(ax_c, f"contours of f(x, y) = sin x cos y + 0.3x², P = {P.tolist()}")
    ax_s.plot(s, f(P[:, None] + np.outer(u, s)), color="k", linewidth=1, label="f(P + s·u)")
    for b in BACKENDS:
        d = float(member(b, name)(f, P, 0) if name == "differentiate.partial"
                  else member(b, name)(f, P, u))
        ax_s.plot(s, f(P) + d * s, label=f"{b}: slope {d:.10f}", **LINE[b])
    ax_s.set(xlabel="s", ylabel="f", ylim=(-1.0, 1.5))
    what = "∂f/∂x at P" if name == "differentiate.partial" else "∇f(P)·u"
    _finish(ax_s, f"the tangent at s = 0 has slope {what}")
    fig.suptitle(name)
    return fig


def g(x: np.ndarray) -> np.ndarray:
    """g(x, y) = (x² − y, x·y): a map of the plane."""
    return np.stack([x[0] ** 2 - x[1], x[0] * x[1]])


def _jacobian(name: str) -> Figure:
    t = np.linspace(0.0, 2.0 * np.pi, 200)
    fig, axes = new_figure(width=4.4)
    for ax, r in zip(axes, (0.5, 0.1)):
        circle = np.stack([np.cos(t), np.sin(t)]) * r
        image = g(P[:, None] + circle)
        ax.plot(*image, color="k", linewidth=1, label="g(P + circle)")
        for b in BACKENDS:
            J = np.asarray(member(b, name)(g, P).df)
            ax.plot(*(g(P)[:, None] + J @ circle), label=f"{b}: g(P) + J·circle", **LINE[b])
        ax.plot(*g(P), "o", color="k", markersize=3)
        ax.set(xlabel="g₁ = x² − y", ylabel="g₂ = x·y", aspect="equal")
        _finish(ax, f"a circle of radius {r} around P = {P.tolist()}, mapped")
    J = np.asarray(member("reference", name)(g, P).df)
    fig.suptitle(f"{name}: near P, g is its linear map J = {np.round(J, 6).tolist()}")
    return fig


def _hessian(name: str) -> Figure:
    fig, axes = new_figure(width=4.4)
    grid = np.stack(np.meshgrid(np.linspace(-0.5, 1.5, 101), np.linspace(0.0, 2.0, 101)))
    D = grid - P[:, None, None]
    levels = f(P) + np.linspace(-0.6, 0.6, 13)  # the same levels for f and its model
    for ax, b in zip(axes, BACKENDS):
        H = np.asarray(member(b, name)(f, P).ddf)
        model = f(P) + np.tensordot(gradient(P), D, 1) + 0.5 * np.einsum("iab,ij,jab->ab", D, H, D)
        ax.contour(*grid, f(grid), levels=levels, colors="0.6", linewidths=0.8)
        ax.contour(*grid, model, levels=levels, colors=LINE[b]["color"], linewidths=1.0,
                   linestyles=LINE[b]["linestyle"])
        ax.plot(*P, "o", color="k", markersize=4)
        ax.plot([], [], label=f"{b}: f(P) + ∇f·d + ½dᵀHd", **LINE[b])
        ax.plot([], [], color="0.6", label="f, the same levels")
        ax.set(xlabel="x", ylabel="y", aspect="equal")
        _finish(ax, f"{b}: H = {np.round(H, 5).tolist()}", loc="lower left")
    fig.suptitle(f"{name}: the quadratic model at P = {P.tolist()} matches f's curvature there")
    return fig


def _monte_carlo(name: str) -> Figure:
    exact = 0.882081390762421  # ∫₀² e^(−x²) dx = (√π / 2) erf(2)
    sizes = np.unique(np.geomspace(10, 20_000, 25).astype(int))
    fig, (ax,) = new_figure(1, width=6.4)
    for b in BACKENDS:
        runs = [member(b, name)(lambda x: np.exp(-x ** 2), 0.0, 2.0, n=int(n), random_state=0)
                for n in sizes]
        est = np.array([r.integral for r in runs])
        se = np.array([r.standard_error for r in runs])
        ax.fill_between(sizes, est - 2 * se, est + 2 * se, color=LINE[b]["color"], alpha=0.12)
        ax.plot(sizes, est, label=f"{b}: estimate ± 2 standard errors (at n = {sizes[-1]}: "
                f"{est[-1]:.5f} ± {2 * se[-1]:.5f})", **LINE[b])
    ax.axhline(exact, color="k", linewidth=0.8, label=f"exact: {exact:.6f}")
    ax.set(xscale="log", xlabel="n (points)", ylabel="∫₀² e^(−x²) dx", ylim=(0.7, 1.05))
    _finish(ax, "mathml: plain Monte Carlo, error ∝ n^(−1/2)\nreference (SciPy's qmc_quad): "
            "scrambled Halton points, a smaller error", loc="upper right")
    fig.suptitle(f"{name}(e^(−x²), 0, 2, n)")
    return fig


FIGURES.update({"differentiate.partial": _slope, "differentiate.directional_derivative": _slope,
                "differentiate.jacobian": _jacobian, "differentiate.hessian": _hessian,
                "integrate.monte_carlo": _monte_carlo})
