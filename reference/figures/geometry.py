"""Linear algebra and preprocessing as geometry, from both backends: what a matrix does to
the unit circle (its singular vectors and values, its eigenvectors), what a scaler does to
a cloud of points, and the quadrature rules' pieces under a curve."""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ._common import BACKENDS, LINE, POINTS, Hook, member, new_figure

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

FIGURES: dict[str, Hook] = {}

A = np.array([[2.0, 1.0], [0.5, 1.5]])
S = np.array([[2.0, 0.8], [0.8, 1.0]])
_T = np.linspace(0, 2 * np.pi, 200)
CIRCLE = np.stack([np.cos(_T), np.sin(_T)])


def _arrow(ax: Axes, v: np.ndarray, backend: str, label: str | None) -> None:
    style = LINE[backend]
    ax.annotate("", xy=(v[0], v[1]), xytext=(0, 0),
                arrowprops={"arrowstyle": "->", "color": style["color"],
                            "linestyle": style["linestyle"], "linewidth": style["linewidth"]})
    ax.plot([], [], label=label, **style)  # the legend's handle


def _plane(ax: Axes, title: str, lim: float) -> None:
    ax.set(title=title, xlabel="x₁", ylabel="x₂", xlim=(-lim, lim), ylim=(-lim, lim),
           aspect="equal")
    ax.legend(fontsize="x-small", loc="lower right")
    ax.grid(alpha=0.3)


def _svd(name: str) -> Figure:
    fig, (ax_v, ax_u) = new_figure(width=4.2, height=4.2)
    ax_v.plot(*CIRCLE, color="0.6")
    ax_u.plot(*(A @ CIRCLE), color="0.6")
    for b in BACKENDS:
        U, s, Vt = member(b, name)(A)
        for i in range(2):
            _arrow(ax_v, Vt[i], b, f"{b}: v{'₁₂'[i]}")
            _arrow(ax_u, s[i] * U[:, i], b, f"{b}: σ{'₁₂'[i]}u{'₁₂'[i]} = {s[i]:.3f}u{'₁₂'[i]}")
    _plane(ax_v, "right singular vectors on the unit circle", 1.5)
    _plane(ax_u, "A maps them to the ellipse's semi-axes", 3.2)
    fig.suptitle(f"{name} of A = {A.tolist()}: A vᵢ = σᵢ uᵢ (a vector's sign is arbitrary)",
                 fontsize="medium")
    return fig


def _circle_and_image(M: np.ndarray, label: str) -> tuple[Figure, Axes]:
    """One panel with the unit circle and its image under the matrix M (called `label`)."""
    fig, (ax,) = new_figure(1, width=5.0, height=4.6)
    ax.plot(*CIRCLE, color="0.8", label="unit circle")
    ax.plot(*(M @ CIRCLE), color="0.5", label=f"{label} × unit circle")
    return fig, ax


def _eigh(name: str) -> Figure:
    fig, ax = _circle_and_image(S, "S")
    for b in BACKENDS:
        w, V = member(b, name)(S)
        for i in range(2):
            _arrow(ax, w[i] * V[:, i], b, f"{b}: λ{'₁₂'[i]}q{'₁₂'[i]}, λ{'₁₂'[i]} = {w[i]:.3f}")
    _plane(ax, "eigenvectors scaled by their eigenvalues: the ellipse's axes", 2.8)
    ax.title.set_fontsize("small")
    fig.suptitle(f"{name} of S = {S.tolist()}")
    return fig


def scaler_data(seed: int = 0) -> np.ndarray:
    """Two features on different scales and centres."""
    rng = np.random.default_rng(seed)
    return rng.normal([50.0, 2.0], [15.0, 0.5], (60, 2))


def _scaler(name: str) -> Figure:
    X = scaler_data()
    fig, (ax_x, ax_s) = new_figure(width=4.2)
    ax_x.scatter(X[:, 0], X[:, 1], s=12, color="0.4")
    ax_x.set(title="the data", xlabel="feature 1", ylabel="feature 2")
    for b in BACKENDS:
        Z = member(b, name)().fit_transform(X)
        ax_s.scatter(Z[:, 0], Z[:, 1], label=b, **{**POINTS[b], "s": 24 if b == "mathml" else 12})
    ax_s.set(title="transformed", xlabel="feature 1, scaled", ylabel="feature 2, scaled")
    ax_s.legend(fontsize="small")
    for ax in (ax_x, ax_s):
        ax.grid(alpha=0.3)
    fig.suptitle(f"{name}().fit_transform(X)")
    return fig


def _f(x: np.ndarray) -> np.ndarray:
    return 1 + np.exp(-x / 2) * np.sin(2 * x)


def _quadrature(name: str) -> Figure:
    x = np.linspace(0, 4, 7)
    fine = np.linspace(0, 4, 400)
    fig, (ax,) = new_figure(1, width=6.0)
    ax.plot(fine, _f(fine), color="k", linewidth=1, label="f(x) = 1 + e^(−x/2) sin 2x")
    if name == "integrate.trapezoid":
        ax.fill_between(x, _f(x), color="C0", alpha=0.2, label="the trapezoids")
    else:  # Simpson: the parabola through each pair of panels
        for i in range(0, len(x) - 2, 2):
            t = np.linspace(x[i], x[i + 2], 50)
            p = np.polyfit(x[i:i + 3], _f(x[i:i + 3]), 2)
            ax.fill_between(t, np.polyval(p, t), color="C0", alpha=0.2,
                            label="the parabolas" if i == 0 else None)
    ax.plot(x, _f(x), "o", color="k", markersize=4)
    for b in BACKENDS:
        ax.plot([], [], label=f"{b}: ∫ ≈ {member(b, name)(_f(x), x=x):.12f}", **LINE[b])
    ax.set(title="7 equally spaced samples of f on [0, 4]", xlabel="x", ylabel="f(x)")
    ax.legend(fontsize="small", loc="upper right")
    ax.grid(alpha=0.3)
    fig.suptitle(name)
    return fig


def _eig(name: str) -> Figure:
    fig, ax = _circle_and_image(A, "A")
    for b in BACKENDS:
        w, V = member(b, name)(A)
        for i in range(2):
            v = np.real(V[:, i])
            ax.plot(*np.stack([-2.8 * v, 2.8 * v], axis=1), color="0.85", linewidth=0.8)
            _arrow(ax, np.real(w[i]) * v, b,
                   f"{b}: λ{'₁₂'[i]}v{'₁₂'[i]}, λ{'₁₂'[i]} = {np.real(w[i]):.3f}")
    _plane(ax, "A v = λ v: the directions A only stretches\n(A ≠ Aᵀ: they are not orthogonal)",
           2.8)
    ax.title.set_fontsize("small")
    fig.suptitle(f"{name} of A = {A.tolist()}", fontsize="medium")
    return fig


def _eigvals(name: str) -> Figure:
    n = 80
    G = np.random.default_rng(0).normal(size=(n, n)) / np.sqrt(n)
    fig, (ax,) = new_figure(1, width=5.0, height=4.8)
    ax.plot(*CIRCLE, color="0.6", label="unit circle")
    for b in BACKENDS:
        w = member(b, name)(G)
        ax.scatter(np.real(w), np.imag(w), label=f"{b}: {np.sum(np.imag(w) != 0)} complex, "
                   f"{np.sum(np.imag(w) == 0)} real", **POINTS[b])
    ax.set(title="the circular law: eigenvalues of G/√n fill the unit disc",
           xlabel="real part", ylabel="imaginary part", aspect="equal")
    ax.legend(fontsize="x-small", loc="lower right")
    ax.grid(alpha=0.3)
    fig.suptitle(f"{name} of an {n} × {n} matrix of N(0, 1/{n}) entries")
    return fig


def _det(name: str) -> Figure:
    square = np.array([[0.0, 1.0, 1.0, 0.0, 0.0], [0.0, 0.0, 1.0, 1.0, 0.0]])
    fig, (ax,) = new_figure(1, width=5.0, height=4.6)
    ax.fill(*square, color="0.85", label="unit square, area 1")
    ax.fill(*(A @ square), color="C0", alpha=0.15, label="A × unit square")
    for b in BACKENDS:
        d = member(b, name)(A)
        area = d[0] * np.exp(d[1]) if name == "linalg.slogdet" else d
        text = (f"sign {d[0]:+.0f}, log|det| = {d[1]:.6f}" if name == "linalg.slogdet"
                else f"det A = {d:.6f}")
        ax.plot(*(A @ square), label=f"{b}: {text} (area {area:.4f})", **LINE[b])
    ax.set(title="det A is the area of the unit square's image (signed: orientation)",
           xlabel="x₁", ylabel="x₂", xlim=(-0.5, 3.5), ylim=(-0.5, 2.5), aspect="equal")
    ax.title.set_fontsize("small")
    ax.legend(fontsize="x-small", loc="upper left")
    ax.grid(alpha=0.3)
    fig.suptitle(f"{name} of A = {A.tolist()}")
    return fig


def _solve(name: str) -> Figure:
    b_vec = np.array([1.0, 2.0])
    fig, ax = _circle_and_image(A, "A")
    ax.annotate("", xy=tuple(b_vec), xytext=(0, 0),
                arrowprops={"arrowstyle": "->", "color": "k", "linewidth": 1})
    ax.plot([], [], color="k", linewidth=1, label=f"b = {b_vec.tolist()}")
    for b in BACKENDS:
        x = (member(b, name)(A, b_vec) if name == "linalg.solve"
             else member(b, name)(A) @ b_vec)
        _arrow(ax, x, b, f"{b}: x = [{x[0]:.4f}, {x[1]:.4f}]")
    _plane(ax, "the x that A maps onto b: A x = b", 2.6)
    ax.title.set_fontsize("small")
    how = "solve(A, b)" if name == "linalg.solve" else "inv(A) @ b"
    fig.suptitle(f"{name}: x = {how} for A = {A.tolist()}", fontsize="medium")
    return fig


def _qr(name: str) -> Figure:
    fig, (ax,) = new_figure(1, width=5.0, height=4.6)
    for j in range(2):
        ax.annotate("", xy=tuple(A[:, j]), xytext=(0, 0),
                    arrowprops={"arrowstyle": "->", "color": "0.5", "linewidth": 1})
    ax.plot([], [], color="0.5", linewidth=1, label="the columns a₁, a₂ of A")
    for b in BACKENDS:
        Q, R = member(b, name)(A)
        for j in range(2):
            _arrow(ax, Q[:, j], b, f"{b}: q{'₁₂'[j]}, r{'₁₂'[j]}{'₁₂'[j]} = {R[j, j]:.3f}")
    ax.plot(*CIRCLE, color="0.85")
    _plane(ax, "orthonormal q₁ ∥ a₁, then q₂ ⊥ q₁: a₂ = r₁₂q₁ + r₂₂q₂\n(a sign is arbitrary: "
           "LAPACK's r₁₁ < 0 here)", 2.4)
    ax.title.set_fontsize("small")
    fig.suptitle(f"{name} of A = {A.tolist()}: A = QR", fontsize="medium")
    return fig


def _lstsq(name: str) -> Figure:
    rng = np.random.default_rng(1)
    t = np.sort(rng.uniform(0, 4, 25))
    y = 0.8 + 0.6 * t + rng.normal(0, 0.35, t.size)
    X = np.stack([np.ones_like(t), t], axis=1)
    fig, (ax,) = new_figure(1, width=6.0)
    ax.scatter(t, y, s=14, color="0.4", label="25 points (t, y)")
    for b in BACKENDS:
        c = member(b, name)(X, y, rcond=None)[0]
        ax.plot(t, X @ c, label=f"{b}: y ≈ {c[0]:.4f} + {c[1]:.4f} t", **LINE[b])
    ax.vlines(t, y, X @ member("reference", name)(X, y, rcond=None)[0], color="0.7",
              linewidth=0.8, label="residuals (their squares summed: least)")
    ax.set(title="min ‖X c − y‖² over c, X = [1, t]", xlabel="t", ylabel="y")
    ax.legend(fontsize="small", loc="upper left")
    ax.grid(alpha=0.3)
    fig.suptitle(f"{name}: a straight line through noisy points")
    return fig


FIGURES.update({"linalg.eig": _eig, "linalg.eigvals": _eigvals, "linalg.det": _det,
                "linalg.slogdet": _det, "linalg.solve": _solve, "linalg.inv": _solve,
                "linalg.qr": _qr, "linalg.lstsq": _lstsq})


FIGURES.update({"linalg.svd": _svd, "linalg.eigh": _eigh,
                "preprocessing.StandardScaler": _scaler,
                "preprocessing.MinMaxScaler": _scaler,
                "integrate.trapezoid": _quadrature, "integrate.simpson": _quadrature})


def image(n: int = 16) -> np.ndarray:
    """A 1 × 1 × n × n image (batch, channel, rows, columns): a bright square and a
    diagonal stroke on a dark ground."""
    x = np.zeros((n, n))
    x[3:9, 3:9] = 1.0
    x[np.arange(n), np.arange(n)[::-1]] = 0.6
    return x[None, None]


#: a vertical-edge detector (Sobel)
SOBEL = np.array([[[[1.0, 0.0, -1.0], [2.0, 0.0, -2.0], [1.0, 0.0, -1.0]]]])


def _image_layer(name: str) -> Figure:
    x = image()
    fig, axes = new_figure(3, width=3.4, height=3.4)
    axes[0].imshow(x[0, 0], cmap="gray")
    axes[0].set(title="input, 16 × 16", xlabel="column", ylabel="row")
    layer = name.split(".")[1]
    for ax, b in zip(axes[1:], BACKENDS):
        out = np.asarray(member(b, name)(x, SOBEL) if layer == "conv2d"
                         else member(b, name)(x, 2))[0, 0]
        ax.imshow(out, cmap="RdBu" if layer == "conv2d" else "gray")
        ax.set(title=f"{b}: output, {out.shape[0]} × {out.shape[1]}", xlabel="column",
               ylabel="row")
    how = "with a Sobel filter (vertical edges)" if layer == "conv2d" else "size 2"
    fig.suptitle(f"{name} {how}")
    return fig


def _points_evaluated(name: str) -> Figure:
    """The adaptive (quad) or fixed (fixed_quad) points where each backend evaluates f."""
    fine = np.linspace(0, 4, 400)
    fig, (ax,) = new_figure(1, width=6.0)
    ax.plot(fine, _f(fine), color="k", linewidth=1, label="f(x) = 1 + e^(−x/2) sin 2x")
    for row, b in enumerate(BACKENDS):
        seen: list[np.ndarray] = []

        def f(x: np.ndarray, seen: list = seen) -> np.ndarray:
            seen.append(np.ravel(np.asarray(x, dtype=float)).copy())  # a point or a batch
            return _f(x)

        value = member(b, name)(f, 0.0, 4.0)[0]
        xs = np.concatenate(seen)
        ax.plot(xs, np.full(len(xs), -0.1 - 0.12 * row), linestyle="none", marker="|",
                markersize=9, color=LINE[b]["color"],
                label=f"{b}: {len(xs)} evaluations, ∫ ≈ {value:.12f}")
    ax.set(title="where each backend evaluates f on [0, 4]", xlabel="x", ylabel="f(x)")
    ax.legend(fontsize="small", loc="upper right")
    ax.grid(alpha=0.3)
    fig.suptitle(name)
    return fig


FIGURES.update({"nn.conv2d": _image_layer, "nn.max_pool2d": _image_layer,
                "nn.avg_pool2d": _image_layer, "integrate.quad": _points_evaluated,
                "integrate.fixed_quad": _points_evaluated})
