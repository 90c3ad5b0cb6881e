"""Optimisers on the Rosenbrock function (their paths over its contours, from each
backend), root finders on Newton's own example x³ − 2x − 5, and the update rules of deep
learning (`optimize.sgd`, `optimize.adam`) on one fixed sequence of gradients."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from ._common import BACKENDS, LINE, Hook, member, new_figure

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

FIGURES: dict[str, Hook] = {}

X0 = np.array([-1.2, 1.0])  # Rosenbrock's own starting point
METHODS = ("Nelder-Mead", "CG", "BFGS", "Newton-CG")


def _contours(ax: Axes, backend: str = "reference", **style: Any) -> None:
    """The Rosenbrock function's level sets (logarithmically spaced) and its minimum (1, 1)."""
    g1, g2 = np.linspace(-2, 2, 161), np.linspace(-1, 3, 161)
    Z = member(backend, "optimize.rosen")(np.stack(np.meshgrid(g1, g2)))
    default: dict[str, Any] = {"colors": "0.7", "linewidths": 0.8}
    ax.contour(g1, g2, Z, levels=np.logspace(-1, 3.5, 12), **(default | style))
    ax.plot(1, 1, marker="*", color="k", markersize=12, linestyle="none")
    ax.set(xlabel="x₁", ylabel="x₂")


def _path(ax: Axes, path: np.ndarray, backend: str, label: str) -> None:
    ax.plot(path[:, 0], path[:, 1], marker="o" if backend == "mathml" else "x",
            markersize=3, label=label, **LINE[backend])


def _minimize(name: str) -> Figure:
    fig, axes = new_figure(2, 2, height=3.4)
    for ax, method in zip(axes, METHODS):
        _contours(ax)
        for b in BACKENDS:
            path = [X0]
            options = {"jac": member(b, "optimize.rosen_der")} if method != "Nelder-Mead" else {}
            if method == "Newton-CG":
                options["hess"] = member(b, "optimize.rosen_hess")
            res = member(b, name)(member(b, "optimize.rosen"), X0, method=method,
                                  callback=lambda xk, p=path: p.append(np.copy(xk)), **options)
            _path(ax, np.array(path), b, f"{b}: {res.nit} iterations")
        ax.set_title(f"method={method!r}")
        ax.legend(fontsize="small", loc="lower right")
    fig.suptitle(f"{name} on the Rosenbrock function from (−1.2, 1): each iterate")
    return fig


def _recorded(f: Callable, points: list) -> Callable:
    """`f`, recording each point it is evaluated at."""
    def g(x: np.ndarray, *args: Any) -> Any:
        points.append(np.array(x, dtype=float))
        return f(x, *args)
    return g


def _gradient_descent(name: str) -> Figure:
    """mathml's fixed-step descent zigzags down the valley; reference's counterpart is the
    minimiser SciPy finds (BFGS), which the catalog compares it with."""
    fig, (ax, ax_f) = new_figure()
    _contours(ax)
    for b in BACKENDS:
        rosen = member(b, "optimize.rosen")
        points: list[np.ndarray] = [X0]
        res = member(b, name)(rosen, X0, jac=_recorded(member(b, "optimize.rosen_der"), points),
                              learning_rate=0.002, max_iter=3000)
        path = np.array(points)
        what = "fixed step 0.002" if b == "mathml" else "SciPy's BFGS"
        _path(ax, path, b, f"{b} ({what}): {res.nit} iterations")
        ax_f.semilogy(np.arange(len(path)), rosen(path.T), label=b, **LINE[b])
    ax.set_title("the points where the gradient was taken")
    ax.legend(fontsize="small", loc="lower right")
    ax_f.set(title="convergence", xlabel="gradient evaluations", ylabel="f(x)")
    ax_f.legend()
    ax_f.grid(alpha=0.3)
    fig.suptitle(f"{name} on the Rosenbrock function, learning_rate=0.002")
    return fig


def _rosen(name: str) -> Figure:
    fig, (ax,) = new_figure(1, width=5.4)
    for b in BACKENDS:
        _contours(ax, b, colors=LINE[b]["color"], linestyles=LINE[b]["linestyle"],
                  linewidths=1.2)
        ax.plot([], [], label=f"{b}: level sets", **LINE[b])
    ax.set_title("f(x) = 100 (x₂ − x₁²)² + (1 − x₁)², levels 0.1 … 3000")
    ax.title.set_fontsize("small")
    ax.legend(fontsize="small", loc="lower right")
    fig.suptitle(name)
    return fig


def _rosen_der(name: str) -> Figure:
    fig, (ax,) = new_figure(1, width=5.4)
    _contours(ax)
    g1, g2 = np.linspace(-1.8, 1.8, 13), np.linspace(-0.8, 2.8, 13)
    P = np.stack(np.meshgrid(g1, g2))
    for b in BACKENDS:
        G = member(b, name)(P)
        G = G / np.hypot(G[0], G[1])  # directions: the norms span five orders of magnitude
        ax.quiver(P[0], P[1], -G[0], -G[1], color=LINE[b]["color"], label=f"{b}: −∇f/‖∇f‖",
                  width=0.006 if b == "mathml" else 0.003, angles="xy")
    ax.set_title("the descent direction at each point")
    ax.legend(fontsize="small", loc="lower right")
    fig.suptitle(name)
    return fig


def _cubic(x: Any) -> Any:
    return x ** 3 - 2 * x - 5


def _root_finder(name: str) -> Figure:
    root = 2.0945514815423265
    fig, (ax, ax_e) = new_figure()
    x = np.linspace(1, 3, 200)
    ax.plot(x, _cubic(x), color="0.4", linewidth=1, label="f(x) = x³ − 2x − 5")
    ax.axhline(0, color="0.7", linewidth=0.8)
    for b in BACKENDS:
        points: list[np.ndarray] = []
        f = _recorded(_cubic, points)
        solver = member(b, name)
        if name == "optimize.newton":
            solver(f, 1.2, fprime=lambda t: 3 * t ** 2 - 2)
        else:
            solver(f, 1.0, 3.0)
        xs = np.array(points, dtype=float).ravel()
        ax.plot(xs, _cubic(xs), marker="o" if b == "mathml" else "x", markersize=5,
                label=f"{b}: {len(xs)} evaluations", **{**LINE[b], "linewidth": 0.8})
        ax_e.semilogy(np.arange(1, len(xs) + 1), np.maximum(np.abs(xs - root), 1e-17),
                      marker=".", label=b, **LINE[b])
    start = "from x₀ = 1.2" if name == "optimize.newton" else "on the bracket [1, 3]"
    ax.set(title=f"where f was evaluated, {start}", xlabel="x", ylabel="f(x)")
    ax_e.set(title="error of each evaluation point", xlabel="evaluation",
             ylabel="|x − root|")
    for a in (ax, ax_e):
        a.legend(fontsize="small")
        a.grid(alpha=0.3)
    fig.suptitle(name)
    return fig


#: gradients of one parameter θ ∈ ℝ², a fixed sequence: a constant pull plus a slow wobble
T = 60
GRADS = [[np.array([1.0, 0.3]) + np.array([0.0, 1.0]) * np.sin(t / 4)] for t in range(T)]


def _update_rule(name: str) -> Figure:
    fig, (ax, ax_s) = new_figure()
    rule = name.split(".")[1]
    lr = {"sgd": 0.05, "adam": 0.1}[rule]
    for b in BACKENDS:
        (theta,) = member(b, name)([np.zeros(2)], GRADS, learning_rate_init=lr)
        ax.plot(theta[:, 0], theta[:, 1], marker=".", label=b, **LINE[b])
        ax_s.plot(np.arange(1, T + 1), np.linalg.norm(np.diff(theta, axis=0), axis=1),
                  label=b, **LINE[b])
    ax.set(title="θ_t from θ₀ = 0", xlabel="θ₁", ylabel="θ₂")
    ax_s.set(title="step length ‖θ_t − θ_{t−1}‖", xlabel="t", ylabel="step")
    for a in (ax, ax_s):
        a.legend(fontsize="small")
        a.grid(alpha=0.3)
    fig.suptitle(f"{name}(learning_rate_init={lr}) on g_t = (1, 0.3 + sin(t/4)), "
                 f"t = 0…{T - 1}")
    return fig


def _line_search(name: str) -> Figure:
    """φ(α) = f(x₀ + α p) along steepest descent from Rosenbrock's start, the sufficient
    decrease line, and the step each backend accepts (with the steps it tried)."""
    rosen, rosen_der = member("reference", "optimize.rosen"), member("reference",
                                                                     "optimize.rosen_der")
    p = -rosen_der(X0)
    alpha = np.logspace(-5, 0, 300)
    phi = rosen(X0[:, None] + np.outer(p, alpha))
    phi0, slope = rosen(X0), rosen_der(X0) @ p
    fig, (ax,) = new_figure(1, width=6.0)
    ax.loglog(alpha, phi, color="k", linewidth=1, label="φ(α) = f(x₀ + α p)")
    ax.loglog(alpha, phi0 + 1e-4 * alpha * slope, color="0.6", linestyle=":",
              label="sufficient decrease: φ(0) + c₁ α φ′(0)")
    for b in BACKENDS:
        tried: list[np.ndarray] = []
        step = member(b, name)(_recorded(member(b, "optimize.rosen"), tried),
                               member(b, "optimize.rosen_der"), X0, p)[0]
        steps = np.array([(t - X0) @ p / (p @ p) for t in tried])
        steps = steps[steps > 0]  # α = 0 is φ(0), off a logarithmic axis
        ax.plot(steps, rosen(X0[:, None] + np.outer(p, steps)), linestyle="none",
                marker="o" if b == "mathml" else "x", color=LINE[b]["color"],
                markerfacecolor="none", label=f"{b}: steps tried")
        ax.axvline(step, label=f"{b}: accepted α = {step:.3g}", **LINE[b])
    ax.set(title="a Wolfe step along p = −∇f(x₀), x₀ = (−1.2, 1), on Rosenbrock",
           xlabel="α", ylabel="φ(α)")
    ax.legend(fontsize="small")
    ax.grid(alpha=0.3)
    fig.suptitle(name)
    return fig


#: maximise x₁ + 2x₂ subject to x₁ + x₂ ≤ 4, x₁ + 3x₂ ≤ 6, x₁ ≤ 3, x ≥ 0
C = np.array([-1.0, -2.0])
A_UB = np.array([[1.0, 1.0], [1.0, 3.0], [1.0, 0.0]])
B_UB = np.array([4.0, 6.0, 3.0])


def _linprog(name: str) -> Figure:
    g = np.linspace(-0.3, 4.3, 231)
    X1, X2 = np.meshgrid(g, g)
    P = np.stack([X1.ravel(), X2.ravel()])
    feasible = np.all(A_UB @ P <= B_UB[:, None], axis=0) & np.all(P >= 0, axis=0)
    fig, (ax,) = new_figure(1, width=5.2, height=4.6)
    ax.contourf(g, g, feasible.reshape(X1.shape), levels=[0.5, 1.5], colors=["C2"],
                alpha=0.2)
    ax.contour(g, g, (-C @ P).reshape(X1.shape), levels=8, colors="0.7", linewidths=0.7)
    for b, marker in zip(BACKENDS, ("o", "x")):
        res = member(b, name)(C, A_ub=A_UB, b_ub=B_UB)
        ax.plot(*res.x, marker=marker, markersize=14 if b == "mathml" else 10,
                markerfacecolor="none", markeredgewidth=2, color=LINE[b]["color"],
                linestyle="none", label=f"{b}: x = ({res.x[0]:.3g}, {res.x[1]:.3g}), "
                                        f"value {-res.fun:.4g}")
    ax.set(title="the feasible polygon (green), level sets of x₁ + 2x₂", xlabel="x₁",
           ylabel="x₂")
    ax.legend(fontsize="small", loc="upper right")
    fig.suptitle(f"{name}: maximise x₁ + 2x₂\nsubject to x₁ + x₂ ≤ 4, x₁ + 3x₂ ≤ 6, "
                 "x₁ ≤ 3, x ≥ 0", fontsize="medium")
    return fig


def _constrained(name: str) -> Figure:
    """The seed's problem (the catalog's first case: min x² + y² subject to x + y = 1, or
    x + y ≥ 1): mathml's outer iterates (the answer after 1, 2, … outer iterations; the
    penalty method approaches from outside the feasible set, the barrier from inside) and
    reference's answer (SciPy's SLSQP)."""
    from .. import catalog
    case = catalog.get(name).cases[0]
    f, x0 = case.args
    constraint = case.kwargs["constraints"]
    g = np.linspace(-0.3, 1.3, 161)
    P = np.stack(np.meshgrid(g, g))
    fig, (ax, ax_e) = new_figure()
    ax.contour(g, g, f(P), levels=10, colors="0.7", linewidths=0.8)
    if constraint["type"] == "ineq":
        ax.contourf(g, g, constraint["fun"](P), levels=[0, np.inf], colors=["C2"], alpha=0.15)
    ax.contour(g, g, constraint["fun"](P), levels=[0], colors="C2", linewidths=1.5)
    outer = np.arange(1, 9)
    optimum = np.array([0.5, 0.5])
    for b in BACKENDS:
        solve = member(b, name)
        path = np.array([solve(f, x0, **{**case.kwargs, "maxiter": int(k)}).x for k in outer])
        final = solve(f, x0, **case.kwargs)
        if b == "mathml":
            path = np.vstack([x0, path])
            ax.plot(path[:, 0], path[:, 1], marker="o", markersize=4, label=f"{b}: outer "
                    "iterates", **LINE[b])
            ax_e.semilogy(outer, np.linalg.norm(path[1:] - optimum, axis=1), marker="o",
                          label=b, **LINE[b])
        ax.plot(*final.x, marker="*" if b == "mathml" else "x", markersize=12,
                color=LINE[b]["color"], linestyle="none",
                label=f"{b}: x = ({final.x[0]:.6f}, {final.x[1]:.6f})")
        if b == "reference":
            ax_e.axhline(max(np.linalg.norm(final.x - optimum), 1e-17), label=f"{b} (SLSQP)",
                         **LINE[b])
    relation = "=" if constraint["type"] == "eq" else "≥"
    ax.set(title=f"min x² + y² subject to x + y {relation} 1 (green), from {list(x0)}",
           xlabel="x", ylabel="y", aspect="equal")
    ax.title.set_fontsize("small")
    ax.legend(fontsize="x-small", loc="upper right")
    ax_e.set(title="distance to the optimum (0.5, 0.5)", xlabel="outer iterations (maxiter)",
             ylabel="‖x − x*‖")
    ax_e.legend()
    ax_e.grid(alpha=0.3)
    fig.suptitle(f"{name}: seed 000's constrained problem")
    return fig


def _lagrange(name: str) -> Figure:
    """The seed's problem min x² + y² s.t. x + y = 1 as ½xᵀQx + cᵀx, A x = b: the solution
    of each backend, where ∇f is parallel to the constraint's normal (∇f = −λ Aᵀ)."""
    Q, c, A, b_eq = np.eye(2) * 2, np.zeros(2), np.array([[1.0, 1.0]]), np.array([1.0])
    g = np.linspace(-0.3, 1.3, 161)
    P = np.stack(np.meshgrid(g, g))
    fig, (ax,) = new_figure(1, width=5.2, height=4.8)
    ax.contour(g, g, P[0] ** 2 + P[1] ** 2, levels=10, colors="0.7", linewidths=0.8)
    ax.plot(g, 1 - g, color="C2", label="x + y = 1")
    for b in BACKENDS:
        res = member(b, name)(Q, c, A, b_eq)
        grad = Q @ res.x + c
        ax.annotate("", xy=tuple(res.x + 0.25 * grad), xytext=tuple(res.x),
                    arrowprops={"arrowstyle": "->", "color": LINE[b]["color"],
                                "linewidth": LINE[b]["linewidth"]})
        ax.plot(*res.x, marker="o" if b == "mathml" else "x", markersize=10,
                markerfacecolor="none", color=LINE[b]["color"], linestyle="none",
                label=f"{b}: x = ({res.x[0]:.3g}, {res.x[1]:.3g}), λ = {res.multipliers[0]:.3g}")
    ax.set(title="the solution and ∇f there (arrows): normal to the constraint",
           xlabel="x", ylabel="y", aspect="equal", xlim=(-0.3, 1.3), ylim=(-0.3, 1.3))
    ax.title.set_fontsize("small")
    ax.legend(fontsize="small", loc="upper right")
    fig.suptitle(f"{name}: seed 000's min x² + y² subject to x + y = 1")
    return fig


FIGURES.update({"optimize.minimize": _minimize, "optimize.gradient_descent": _gradient_descent,
                "optimize.rosen": _rosen, "optimize.rosen_der": _rosen_der,
                "optimize.newton": _root_finder, "optimize.bisect": _root_finder,
                "optimize.brentq": _root_finder, "optimize.sgd": _update_rule,
                "optimize.adam": _update_rule, "optimize.line_search": _line_search,
                "optimize.linprog": _linprog, "optimize.penalty": _constrained,
                "optimize.barrier": _constrained, "optimize.lagrange": _lagrange})
