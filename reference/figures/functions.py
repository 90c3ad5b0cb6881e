"""A function and its derivative, from each backend: the special functions (derivative by
each backend's `differentiate.derivative`), the neural-network activations (derivative by
each backend's ``*_backward``), the elementary functions of `autodiff` (derivative by each
backend's `autodiff.grad`), and the information measures of a two-outcome distribution."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ._common import LINE, Hook, backends, new_figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FIGURES: dict[str, Hook] = {}


@dataclass(frozen=True)
class Curve:
    """A real function of one variable, built from a backend: ``make(backend)`` returns
    the vectorised function; `label` is its formula, `domain` the interval drawn."""

    label: str
    domain: tuple[float, float]
    make: Callable[[Any], Callable[[np.ndarray], np.ndarray]]


def _pair(s: Any, f: str) -> Callable[[np.ndarray], np.ndarray]:
    """x ↦ f((x, 0)) along the first axis, first component: a function of a vector seen
    along one coordinate (softmax((x, 0))₀ is the sigmoid, logsumexp((x, 0)) the softplus)."""
    def g(x: np.ndarray) -> np.ndarray:
        z = np.stack([x, np.zeros_like(x)])
        out = getattr(s, f)(z, axis=0)
        return out if f == "logsumexp" else out[0]
    return g


SPECIAL: dict[str, Curve] = {
    "special.erf": Curve("erf(x)", (-3, 3), lambda b: b.special.erf),
    "special.erfc": Curve("erfc(x)", (-3, 3), lambda b: b.special.erfc),
    "special.erfinv": Curve("erf⁻¹(x)", (-0.98, 0.98), lambda b: b.special.erfinv),
    "special.gamma": Curve("Γ(x)", (0.15, 4.5), lambda b: b.special.gamma),
    "special.gammaln": Curve("log Γ(x)", (0.1, 8), lambda b: b.special.gammaln),
    "special.beta": Curve("B(x, 2)", (0.3, 4), lambda b: lambda x: b.special.beta(x, 2.0)),
    "special.gammainc": Curve("P(2, x)", (0.05, 8),
                              lambda b: lambda x: b.special.gammainc(2.0, x)),
    "special.gammaincc": Curve("Q(2, x)", (0.05, 8),
                               lambda b: lambda x: b.special.gammaincc(2.0, x)),
    "special.betainc": Curve("I_x(2, 3)", (0.02, 0.98),
                             lambda b: lambda x: b.special.betainc(2.0, 3.0, x)),
    "special.expit": Curve("expit(x) = 1/(1 + e⁻ˣ)", (-8, 8), lambda b: b.special.expit),
    "special.logit": Curve("logit(x) = log(x/(1 − x))", (0.02, 0.98),
                           lambda b: b.special.logit),
    "special.xlogy": Curve("xlogy(x, x) = x log x", (0.02, 2),
                           lambda b: lambda x: b.special.xlogy(x, x)),
    "special.logsumexp": Curve("logsumexp((x, 0)) = log(eˣ + 1)", (-6, 6),
                               lambda b: _pair(b.special, "logsumexp")),
    "special.softmax": Curve("softmax((x, 0))₀", (-6, 6),
                             lambda b: _pair(b.special, "softmax")),
    "special.log_softmax": Curve("log_softmax((x, 0))₀", (-6, 6),
                                 lambda b: _pair(b.special, "log_softmax")),
}


def _special(name: str) -> Figure:
    curve = SPECIAL[name]
    lo, hi = curve.domain
    x = np.linspace(lo, hi, 241)
    h = (hi - lo) / 100  # a first step inside the domain from every point drawn
    fig, (ax_f, ax_d) = new_figure()
    for b, module in backends():
        f = curve.make(module)
        ax_f.plot(x, f(x), label=b, **LINE[b])
        df = module.differentiate.derivative(f, x, initial_step=h).df
        ax_d.plot(x, df, label=b, **LINE[b])
    _label(fig, ax_f, ax_d, name, curve.label, "each backend's differentiate.derivative")
    return fig


def _label(fig: Figure, ax_f: Any, ax_d: Any, name: str, formula: str, how: str) -> None:
    ax_f.set(title=formula, xlabel="x", ylabel="f(x)")
    ax_d.set(title=f"the derivative, by {how}", xlabel="x", ylabel="f′(x)")
    ax_d.title.set_fontsize("small")
    for ax in (ax_f, ax_d):
        ax.legend()
        ax.grid(alpha=0.3)
    fig.suptitle(name)


#: the activations: name → (formula, domain)
ACTIVATIONS = {"nn.relu": ("relu(x) = max(x, 0)", (-3, 3)),
               "nn.tanh": ("tanh(x)", (-4, 4)),
               "nn.sigmoid": ("σ(x) = 1/(1 + e⁻ˣ)", (-8, 8)),
               "nn.softmax": ("softmax((x, 0))₀", (-6, 6)),
               "nn.log_softmax": ("log_softmax((x, 0))₀", (-6, 6))}


def _activation(name: str) -> Figure:
    formula, (lo, hi) = ACTIVATIONS[name]
    x = np.linspace(lo, hi, 241)
    layer = name.split(".")[1]
    vector = layer in ("softmax", "log_softmax")
    z = np.stack([x, np.zeros_like(x)], axis=1) if vector else x  # rows (x, 0)
    dy = np.stack([np.ones_like(x), np.zeros_like(x)], axis=1) if vector else np.ones_like(x)
    fig, (ax_f, ax_d) = new_figure()
    for b, module in backends():
        y = np.asarray(getattr(module.nn, layer)(z))
        dx = np.asarray(getattr(module.nn, f"{layer}_backward")(dy, z))
        ax_f.plot(x, y[:, 0] if vector else y, label=b, **LINE[b])
        ax_d.plot(x, dx[:, 0] if vector else dx, label=b, **LINE[b])
    _label(fig, ax_f, ax_d, name, formula, f"nn.{layer}_backward(1, x)")
    return fig


#: the elementary functions of autodiff: name → (formula, domain)
ELEMENTARY = {"autodiff.exp": ("exp(x)", (-2, 2)), "autodiff.log": ("log(x)", (0.1, 4)),
              "autodiff.sin": ("sin(x)", (-np.pi, np.pi)),
              "autodiff.cos": ("cos(x)", (-np.pi, np.pi)),
              "autodiff.tanh": ("tanh(x)", (-3, 3)),
              "autodiff.sigmoid": ("σ(x)", (-6, 6)),
              "autodiff.relu": ("relu(x)", (-2, 2))}


def _elementary(name: str) -> Figure:
    formula, (lo, hi) = ELEMENTARY[name]
    # reference's autodiff differentiates by SymPy, one symbol per entry: 41 points keep it
    # well under a second
    x = np.linspace(lo, hi, 41)
    op = name.split(".")[1]
    fig, (ax_f, ax_d) = new_figure()
    for b, module in backends():
        f = getattr(module.autodiff, op)
        ax_f.plot(x, f(x).value, label=b, marker="." if b == "reference" else None, **LINE[b])
        dfdx = module.autodiff.grad(lambda t, f=f, ad=module.autodiff: ad.sum(f(t)))(x)
        ax_d.plot(x, dfdx, label=b, marker="." if b == "reference" else None, **LINE[b])
    _label(fig, ax_f, ax_d, name, formula, "autodiff.grad of Σ f(xᵢ)")
    return fig


def _derivative(name: str) -> Figure:
    """differentiate.derivative of a fixed function, against its closed-form derivative."""
    x = np.linspace(-4, 4, 161)
    fig, (ax_f, ax_d) = new_figure()

    def f(t: np.ndarray) -> np.ndarray:
        return np.sin(2 * t) * np.exp(-t ** 2 / 8)

    ax_f.plot(x, f(x), color="0.3", label="f")
    ax_d.plot(x, (2 * np.cos(2 * x) - x / 4 * np.sin(2 * x)) * np.exp(-x ** 2 / 8),
              color="0.75", linewidth=6, label="exact f′")
    for b, module in backends():
        ax_d.plot(x, module.differentiate.derivative(f, x).df, label=b, **LINE[b])
    _label(fig, ax_f, ax_d, name, "f(x) = sin(2x) exp(−x²/8)",
           "differentiate.derivative")
    return fig


def _bernoulli(p: np.ndarray) -> np.ndarray:
    """The two-outcome distributions (p, 1 − p), one per column (the measures' axis 0)."""
    return np.stack([p, 1 - p])


#: the information measures of the two-outcome distribution (p, 1 − p)
INFORMATION = {
    "information.entropy": ("H(p) = −p log₂ p − (1 − p) log₂(1 − p)",
                            lambda i, p: i.entropy(_bernoulli(p), base=2)),
    "information.kl_divergence": ("KL((p, 1 − p) ‖ (0.3, 0.7)) in bits",
                                  lambda i, p: i.kl_divergence(
                                      _bernoulli(p), _bernoulli(np.full_like(p, 0.3)), base=2)),
    "information.cross_entropy": ("cross-entropy of (0.3, 0.7) under (p, 1 − p), bits",
                                  lambda i, p: i.cross_entropy(
                                      _bernoulli(np.full_like(p, 0.3)), _bernoulli(p), base=2)),
    "information.js_divergence": ("JS((p, 1 − p), (0.3, 0.7)) in bits",
                                  lambda i, p: i.js_divergence(
                                      _bernoulli(p), _bernoulli(np.full_like(p, 0.3)), base=2)),
}


def _information(name: str) -> Figure:
    formula, measure = INFORMATION[name]
    p = np.linspace(0.005, 0.995, 199)
    fig, (ax,) = new_figure(1, width=5.6)
    for b, module in backends():
        ax.plot(p, measure(module.information, p), label=b, **LINE[b])
    ax.set(title=formula, xlabel="p", ylabel="bits")
    ax.title.set_fontsize("small")
    ax.legend()
    ax.grid(alpha=0.3)
    fig.suptitle(name)
    return fig


for table, hook in ((SPECIAL, _special), (ACTIVATIONS, _activation),
                    (ELEMENTARY, _elementary), (INFORMATION, _information)):
    for concept in table:
        FIGURES[concept] = hook
FIGURES["differentiate.derivative"] = _derivative


#: the losses: name → (formula, domain, the loss of one point as (layer, its inputs))
LOSSES = {
    "nn.binary_cross_entropy": ("BCE(p, y = 1) = −log p", (0.02, 0.98)),
    "nn.softmax_cross_entropy": ("softmax cross-entropy of logits (x, 0), label 0", (-6, 6)),
}


def _loss(name: str) -> Figure:
    """A loss of one example as its input varies, and its derivative by ``*_backward``."""
    formula, (lo, hi) = LOSSES[name]
    x = np.linspace(lo, hi, 121)
    layer = name.split(".")[1]
    fig, (ax_f, ax_d) = new_figure()
    for b, module in backends():
        forward, backward = getattr(module.nn, layer), getattr(module.nn, f"{layer}_backward")
        if layer == "binary_cross_entropy":
            y = np.ones(1)
            values = [forward(np.array([xi]), y) for xi in x]
            slopes = [backward(1.0, np.array([xi]), y)[0] for xi in x]
        else:
            label = np.array([0])
            values = [forward(np.array([[xi, 0.0]]), label) for xi in x]
            slopes = [backward(1.0, np.array([[xi, 0.0]]), label)[0, 0] for xi in x]
        ax_f.plot(x, np.ravel(values), label=b, **LINE[b])
        ax_d.plot(x, np.ravel(slopes), label=b, **LINE[b])
    _label(fig, ax_f, ax_d, name, formula, f"nn.{layer}_backward(1, …)")
    ax_f.set_xlabel("p" if layer == "binary_cross_entropy" else "x")
    ax_f.set_ylabel("loss")
    ax_d.set_xlabel(ax_f.get_xlabel())
    ax_d.set_ylabel("∂loss/∂" + ax_f.get_xlabel())
    return fig


for concept in LOSSES:
    FIGURES[concept] = _loss


def _autodiff_grad(name: str) -> Figure:
    """grad (or value_and_grad) of f(x) = x² sin x, traced through autodiff's operations
    elementwise, against the closed form 2x sin x + x² cos x."""
    x = np.linspace(-3, 5, 41)
    fig, (ax_f, ax_d) = new_figure()
    ax_f.plot(x, x ** 2 * np.sin(x), color="0.3", label="f")
    ax_d.plot(x, 2 * x * np.sin(x) + x ** 2 * np.cos(x), color="0.75", linewidth=6,
              label="exact f′")
    for b, module in backends():
        ad = module.autodiff

        def total(t: Any, ad: Any = ad) -> Any:  # Σ f(xᵢ): its gradient is f′ at each xᵢ
            return ad.sum(ad.sin(t) * t * t)

        dfdx = getattr(ad, name.split(".")[1])(total)(x)
        if name == "autodiff.value_and_grad":
            value, dfdx = dfdx
            ax_f.axhline(value / len(x), label=f"{b}: value / n = {value / len(x):.6f}",
                         **LINE[b])
        ax_d.plot(x, dfdx, label=b, marker="." if b == "reference" else None, **LINE[b])
    _label(fig, ax_f, ax_d, name, "f(x) = x² sin x", f"{name} of Σ f(xᵢ)")
    return fig


def _gradient_field(name: str) -> Figure:
    """differentiate.gradient of f(x) = sin x₁ cos x₂ + x₁²/4 on a grid, over its contours."""
    def f(x: np.ndarray) -> np.ndarray:
        return np.sin(x[0]) * np.cos(x[1]) + x[0] ** 2 / 4

    g = np.linspace(-3, 3, 121)
    fig, (ax,) = new_figure(1, width=5.4, height=4.8)
    ax.contour(g, g, f(np.stack(np.meshgrid(g, g))), levels=12, colors="0.7",
               linewidths=0.8)
    P = np.stack(np.meshgrid(np.linspace(-2.7, 2.7, 11), np.linspace(-2.7, 2.7, 11)))
    for b, module in backends():
        G = module.differentiate.gradient(f, P)
        ax.quiver(P[0], P[1], G[0], G[1], color=LINE[b]["color"], label=f"{b}: ∇f",
                  width=0.007 if b == "mathml" else 0.003, angles="xy")
    ax.set(title="f(x) = sin x₁ cos x₂ + x₁²/4: its level sets and gradient",
           xlabel="x₁", ylabel="x₂", aspect="equal")
    ax.title.set_fontsize("small")
    ax.legend(fontsize="small", loc="upper right")
    fig.suptitle(name)
    return fig


def _lstm(name: str) -> Figure:
    """The hidden state of an LSTM of 3 units, random fixed weights, reading a sine."""
    rng = np.random.default_rng(0)
    units, T = 3, 40
    t = np.linspace(0, 4 * np.pi, T)
    X = np.sin(t)[None, :, None]  # (batch, time, features)
    kernel, recurrent = rng.normal(0, 1, (1, 4 * units)), rng.normal(0, 0.5, (units, 4 * units))
    bias = np.zeros(4 * units)
    fig, (ax_x, ax_h) = new_figure()
    ax_x.plot(np.arange(T), X[0, :, 0], color="0.3")
    ax_x.set(title="the input sequence x_t = sin t", xlabel="time step t", ylabel="x_t")
    for b, module in backends():
        H = np.asarray(module.nn.lstm(X, kernel, recurrent, bias, return_sequences=True))[0]
        for j in range(units):
            ax_h.plot(np.arange(T), H[:, j], label=b if j == 0 else None,
                      **{**LINE[b], "color": f"C{j}" if b == "mathml" else "k"})
    ax_h.set(title="each unit's hidden state h_t (colours mathml, black reference)",
             xlabel="time step t", ylabel="h_t")
    ax_h.title.set_fontsize("small")
    ax_h.legend()
    for ax in (ax_x, ax_h):
        ax.grid(alpha=0.3)
    fig.suptitle(f"{name}(X, kernel, recurrent_kernel, bias, return_sequences=True), "
                 f"{units} units", fontsize="medium")
    return fig


FIGURES.update({"autodiff.grad": _autodiff_grad, "autodiff.value_and_grad": _autodiff_grad,
                "differentiate.gradient": _gradient_field, "nn.lstm": _lstm})
