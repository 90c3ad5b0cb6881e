"""Catalog entries for the feed-forward layers of `mathml.nn`: each forward pass *and* its
backward pass against SciPy.

A run calls the layer, then ``<layer>_backward`` of the same module with a fixed adjoint dy
(uniform in [−1, 1), seeded, the shape of y) and the same arguments, and returns
``{"y": y, "dx": ..., "dw": ..., "db": ...}`` (the gradients the layer has). Both backends
get the same dy, so the dictionaries compare leaf by leaf.

Seed 002 builds a CNN in Keras (``Conv2D(32, (3, 3), relu)`` on 28×28×1 images,
``MaxPooling2D((2, 2))``, ..., ``Flatten``, ``Dense(64, relu)``, ``Dense(10, softmax)``) and
prints only its summary; the seed's cases run its layers at its shapes (channels first here).
Layers whose sums run in another order than SciPy's (convolution, dense, pooling, softmax
backward) are compared with the 'products' tolerance (normwise); elementwise ones 'exact'.
"""
from __future__ import annotations

import functools
import sys
from typing import Any
from collections.abc import Callable

import numpy as np
from hypothesis import strategies as st
from numpy.exceptions import AxisError

from .._core import Bench, Case, Concept, bad, case

SEED = "002"


# --- running forward and backward -----------------------------------------------------------------

@functools.lru_cache(maxsize=16)
def adjoint(shape: tuple[int, ...]) -> np.ndarray:
    """The fixed ȳ both backends receive: uniform in [−1, 1), seeded by nothing but the shape
    (cached and read-only, so a benchmark times the layers, not the draws)."""
    dy = np.random.default_rng(len(shape) + 7 * int(np.prod(shape))).uniform(-1, 1, shape)
    dy.flags.writeable = False
    return dy


def _forward_backward(*gradients: str) -> Callable[[Callable, Case], dict]:
    """A run: y = layer(*args), then ``layer_backward(ȳ, *args)`` named `gradients`."""
    def run(layer: Callable, c: Case) -> dict[str, Any]:
        y = c.call(layer)
        backward = getattr(sys.modules[layer.__module__], f"{layer.__name__}_backward")
        grads = backward(adjoint(tuple(np.shape(y))), *c.args, **c.kwargs)
        grads = grads if isinstance(grads, tuple) else (grads,)
        return {"y": y, **dict(zip(gradients, grads))}
    return run


# --- inputs ----------------------------------------------------------------------------------------

def _rng(seed: int) -> np.random.Generator:
    return np.random.default_rng(seed)


def _images(rng: np.random.Generator, shape: tuple[int, ...], ties: bool = False) -> np.ndarray:
    """Standard normal entries, or small integers (many ties, for the pooling rules)."""
    return rng.integers(-2, 3, shape).astype(float) if ties else rng.standard_normal(shape)


@st.composite
def _conv_cases(draw) -> Case:
    """Batches of 1–2 images, 1–3 channels, kernels 1–3 (not square), stride 1–3, padding
    'valid', 'same' (stride 1) or 0–2 zeros; the input at least as large as the kernel."""
    N, C, O = draw(st.integers(1, 2)), draw(st.integers(1, 3)), draw(st.integers(1, 3))
    kh, kw = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    stride = draw(st.integers(1, 3))
    padding = draw(st.sampled_from(["valid", 0, 1, 2] + (["same"] if stride == 1 else [])))
    H, W = draw(st.integers(kh, 7)), draw(st.integers(kw, 7))
    rng = _rng(draw(st.integers(0, 2**32 - 1)))
    bias = rng.standard_normal(O) if draw(st.booleans()) else None
    return case(_images(rng, (N, C, H, W)), rng.standard_normal((O, C, kh, kw)), bias,
                stride=stride, padding=padding)


@st.composite
def _pool_cases(draw) -> Case:
    """Windows 1–3, stride 1–3 (overlapping, adjacent or with gaps), ties half the time."""
    N, C = draw(st.integers(1, 2)), draw(st.integers(1, 2))
    size = draw(st.integers(1, 3))
    H, W = draw(st.integers(size, 7)), draw(st.integers(size, 7))
    stride = draw(st.sampled_from([None, 1, 2, 3]))
    rng = _rng(draw(st.integers(0, 2**32 - 1)))
    return case(_images(rng, (N, C, H, W), ties=draw(st.booleans())), size, stride=stride)


@st.composite
def _linear_cases(draw) -> Case:
    n, d, k = draw(st.integers(1, 5)), draw(st.integers(1, 6)), draw(st.integers(1, 4))
    rng = _rng(draw(st.integers(0, 2**32 - 1)))
    b = rng.standard_normal(k) if draw(st.booleans()) else None
    return case(rng.standard_normal((n, d)), rng.standard_normal((d, k)), b)


@st.composite
def _arrays(draw, scale: float = 3.0) -> np.ndarray:
    shape = draw(st.sampled_from([(1,), (5,), (2, 3), (2, 3, 4), (1, 2, 2, 3)]))
    return scale * _rng(draw(st.integers(0, 2**32 - 1))).standard_normal(shape)


def _elementwise_cases(scale: float) -> Callable[[], st.SearchStrategy[Case]]:
    return lambda: _arrays(scale).map(case)


@st.composite
def _softmax_cases(draw) -> Case:
    x = draw(_arrays(5.0))
    return case(x, axis=draw(st.integers(-x.ndim, x.ndim - 1)))


@st.composite
def _labelled_cases(draw) -> Case:
    N, K = draw(st.integers(1, 6)), draw(st.integers(1, 5))
    rng = _rng(draw(st.integers(0, 2**32 - 1)))
    return case(4.0 * rng.standard_normal((N, K)), rng.integers(0, K, N))


@st.composite
def _probability_cases(draw) -> Case:
    """p strictly inside (0, 1); targets 0/1 labels or soft targets, with some p = y exact
    0 or 1 when hard (a term of weight 0 at log 0)."""
    shape = draw(st.sampled_from([(1,), (4,), (3, 2)]))
    rng = _rng(draw(st.integers(0, 2**32 - 1)))
    p = rng.uniform(0.01, 0.99, shape)
    if draw(st.booleans()):
        y = rng.integers(0, 2, shape).astype(float)
        if draw(st.booleans()):
            p.flat[0] = y.flat[0]
    else:
        y = rng.uniform(0, 1, shape)
    return case(p, y)


@st.composite
def _dropout_cases(draw) -> Case:
    x = draw(_arrays())
    return case(x, draw(st.sampled_from([0.0, 0.1, 0.5, 0.9])),
                random_state=draw(st.integers(0, 2**31 - 1)))


# --- benchmarks -------------------------------------------------------------------------------------

def _bench_conv(n: int, rng: np.random.Generator) -> Case:
    """The seed's first layer on a batch: n×1×28×28 images, 32 filters 3×3."""
    return case(rng.standard_normal((n, 1, 28, 28)), rng.standard_normal((32, 1, 3, 3)),
                rng.standard_normal(32))


def _bench_pool(n: int, rng: np.random.Generator) -> Case:
    """The seed's first pooling: n×32×26×26 (after the first convolution), 2×2."""
    return case(rng.standard_normal((n, 32, 26, 26)), 2)


def _bench_linear(n: int, rng: np.random.Generator) -> Case:
    """The seed's Dense(64) after Flatten: n×576 → 64."""
    return case(rng.standard_normal((n, 576)), rng.standard_normal((576, 64)),
                rng.standard_normal(64))


def _bench_array(n: int, rng: np.random.Generator) -> Case:
    return case(rng.standard_normal((n, 32, 26, 26)))


def _bench_logits(n: int, rng: np.random.Generator) -> Case:
    return case(rng.standard_normal((n, 10)), rng.integers(0, 10, n))


def _bench_softmax(n: int, rng: np.random.Generator) -> Case:
    return case(rng.standard_normal((n, 10)))


def _bench_probabilities(n: int, rng: np.random.Generator) -> Case:
    return case(rng.uniform(0.01, 0.99, n), rng.integers(0, 2, n).astype(float))


def _bench_dropout(n: int, rng: np.random.Generator) -> Case:
    return case(rng.standard_normal((n, 576)), 0.5, random_state=0)


# --- fixed cases and bad inputs -----------------------------------------------------------------

R = np.random.default_rng(2026)
DIGIT = R.standard_normal((1, 1, 28, 28))             # one image at the seed's size
FILTERS, BIAS = R.standard_normal((32, 1, 3, 3)) / 3, R.standard_normal(32)
X = R.standard_normal((2, 3, 6, 5))
W3 = R.standard_normal((4, 3, 3, 3))
TIES = np.array([[[[1.0, 1.0, 0.0, 2.0], [1.0, 0.0, 2.0, 2.0],
                   [3.0, 3.0, 3.0, 3.0], [3.0, 3.0, 3.0, 3.0]]]])
NAN_X = X.copy()
NAN_X[0, 1, 2, 3] = np.nan
INF_W = W3[:, :, :1, :1].copy()   # an infinite weight of a 1×1 kernel
INF_W[0, 0, 0, 0] = np.inf
INF_X = X[:1, :1].copy()
INF_X[0, 0, 0, 0] = np.inf
LOGITS = np.array([[2.0, 1.0, 0.1], [0.5, 2.5, -1.0], [-1.0, 0.0, 3.0], [1.0, 1.0, 1.0]])
LABELS = np.array([0, 1, 2, 1])


def _shape_bad(*args: Any, match: str, label: str, **kwargs: Any):
    return bad(*args, raises=ValueError, match=match, label=label, **kwargs)


CONV_BAD = (
    _shape_bad(X, R.standard_normal((4, 2, 3, 3)), match=r"x has shape \(2, 3, 6, 5\).*w has "
               r"shape \(4, 2, 3, 3\)", label="channels differ: both shapes named"),
    _shape_bad(X[0], W3, match=r"4-dimensional.*\(3, 6, 5\)", label="x not a batch (3-D)"),
    _shape_bad(X, R.standard_normal((4, 3, 7, 3)), match=r"kernel \(7, 3\) is larger than",
               label="kernel larger than the input"),
    _shape_bad(X, W3, R.standard_normal(3), match=r"b has shape \(3,\).*w has shape",
               label="one bias too few"),
    _shape_bad(NAN_X, W3, match="NaN", label="NaN in x"),
    _shape_bad(X, W3, stride=2, padding="same", match="'same' needs stride=1",
               label="'same' with a stride"),
    _shape_bad(X, W3, padding="full", match="padding must be", label="unknown padding"),
    _shape_bad(X, W3, stride=0, match="stride must be a positive integer", label="stride 0"),
)

POOL_BAD = (
    _shape_bad(X, 7, match=r"window \(7, 7\) is larger than", label="window larger than input"),
    _shape_bad(X[0], 2, match="4-dimensional", label="x not a batch (3-D)"),
    _shape_bad(NAN_X, 2, match="NaN", label="NaN in x"),
    _shape_bad(X, 0, match="size must be a positive integer", label="size 0"),
    _shape_bad(X, 2, stride=-1, match="stride must be a positive integer", label="stride −1"),
)


def _concept(name: str, call: str, tolerance: str, cases: tuple, strategy: Callable,
             bad_inputs: tuple, bench: Bench, gradients: tuple[str, ...] = ("dx",),
             seeded: bool = False, note: str = "") -> Concept:
    return Concept(f"nn.{name}", call, "exact", tolerance, cases=cases, strategy=strategy,
                   bad=bad_inputs, bench=bench, seeds=(SEED,) if seeded else (),
                   run=_forward_backward(*gradients), note=note)


_ADJOINT_NOTE = ("Compared: y and the backward pass's gradients for a fixed seeded ȳ "
                 "(reference.catalog.nn._layers.adjoint).")

CONCEPTS = (
    _concept(
        "conv2d", "scipy.signal.correlate2d, convolve2d", "products",
        (case(DIGIT, FILTERS, BIAS, seed=SEED,
              label="seed 002: Conv2D(32, (3, 3)) on one 28×28×1 image"),
         case(X, W3, label="2 images, 3 channels, 4 filters, no bias"),
         case(X, W3, R.standard_normal(4), stride=2, padding=1, label="stride 2, padding 1"),
         case(X, R.standard_normal((2, 3, 2, 4)), padding="same",
              label="'same' with an even kernel: the extra zeros at the bottom and right"),
         case(X[:1], W3[:, :, :1, :1], stride=3, label="1×1 kernel, stride 3, batch of 1"),
         case(X, R.standard_normal((1, 3, 6, 5)), label="kernel as large as the input"),
         case(X[:1], INF_W, stride=3,
              label="an infinite weight at stride 3: x̄ is 0 where no window reaches, not "
                    "0·inf = NaN")),
        _conv_cases, CONV_BAD, Bench(64, _bench_conv), ("dx", "dw", "db"), seeded=True,
        note="Cross-correlation (no kernel flip), NCHW, weights (out, in, kh, kw). "
             + _ADJOINT_NOTE + " Sums over channels and kernel entries run in BLAS's order "
             "here and SciPy's there: 'products'. The bench (size = batch) is forward plus "
             "backward of the seed's first layer; the reference loops correlate2d."),
    _concept(
        "max_pool2d", "scipy.ndimage.maximum_filter", "products",
        (case(R.standard_normal((1, 32, 26, 26)), 2, seed=SEED,
              label="seed 002: MaxPooling2D((2, 2)) after the first convolution"),
         case(TIES, 2, label="ties: the gradient goes to the first maximum (row-major)"),
         case(TIES, 2, stride=1, label="overlapping windows with ties: contributions add"),
         case(X, 3, stride=2, label="3×3 windows, stride 2, a row and column left over"),
         case(X[:1, :1], 1, label="1×1 windows: the identity")),
        _pool_cases, POOL_BAD, Bench(64, _bench_pool), seeded=True,
        note="The gradient of a window goes to its first maximum in row-major order "
             "(PyTorch's rule). " + _ADJOINT_NOTE + " Overlapping windows add their "
             "gradients in another order: 'products'."),
    _concept(
        "avg_pool2d", "scipy.ndimage.correlate", "vjp",
        (case(X, 2, label="2×2, stride 2"),
         case(X, 3, stride=1, label="3×3 overlapping"),
         case(X[:1, :1], 2, stride=3, label="gaps between windows, batch of 1"),
         case(INF_X, 2, label="an infinite entry: its window's mean is inf, the others "
                              "finite (no running sum carries it on)")),
        _pool_cases, POOL_BAD, Bench(64, _bench_pool),
        note="The reference correlates with the box of 1/k² (ndimage.correlate, a direct sum "
             "per window; uniform_filter's running sums would turn an inf into NaN in the "
             "next windows): other sums than mathml's mean, 'vjp'. " + _ADJOINT_NOTE),
    _concept(
        "linear", "numpy.matmul", "products",
        (case(R.standard_normal((3, 576)), R.standard_normal((576, 64)) / 24,
              R.standard_normal(64), seed=SEED, label="seed 002: Dense(64) after Flatten"),
         case(np.array([[1.0, 2.0]]), np.array([[1.0], [1.0]]), np.array([0.5]),
              label="one sample"),
         case(R.standard_normal((4, 3)), R.standard_normal((3, 2)), label="no bias")),
        _linear_cases,
        (_shape_bad(np.ones((2, 3)), np.ones((4, 2)), match=r"x has shape \(2, 3\) but W has "
                    r"shape \(4, 2\)", label="x's columns ≠ W's rows: both shapes named"),
         _shape_bad(np.ones((2, 3)), np.ones((3, 2)), np.ones(3),
                    match=r"b has shape \(3,\) but W has shape \(3, 2\)",
                    label="bias of the wrong length"),
         _shape_bad(np.ones(3), np.ones((3, 2)), match="2-dimensional", label="x 1-D"),
         _shape_bad(np.array([[np.nan, 1.0]]), np.ones((2, 2)), match="NaN",
                    label="NaN in x"),
         bad(np.ones((2, 3)), None, raises=TypeError, match="not an array of objects",
             label="W None")),
        Bench(64, _bench_linear), ("dx", "dW", "db"), seeded=True, note=_ADJOINT_NOTE),
    _concept(
        "flatten", "numpy.reshape", "exact",
        (case(R.standard_normal((2, 64, 3, 3)), seed=SEED,
              label="seed 002: Flatten of the last convolution's 64×3×3"),
         case(np.arange(6.0).reshape(1, 2, 3), label="batch of 1"),
         case(np.arange(4.0), label="1-D: one feature per sample")),
        lambda: _arrays().map(case),
        (_shape_bad(np.float64(1.0), match="at least 1-dimensional", label="a scalar"),
         bad(np.array([1j]), raises=TypeError, match="complex", label="complex")),
        Bench(64, _bench_array), seeded=True, note=_ADJOINT_NOTE),
    _concept(
        "relu", "numpy.maximum", "exact",
        (case(R.standard_normal((2, 3, 4, 4)), seed=SEED, label="seed 002: after Conv2D"),
         case(np.array([-1.0, 0.0, 2.0]), label="relu'(0) = 0")),
        _elementwise_cases(3.0),
        (bad(np.array([1j]), raises=TypeError, match="complex", label="complex"),),
        Bench(64, _bench_array), seeded=True, note="relu'(0) = 0 (PyTorch, JAX). " + _ADJOINT_NOTE),
    _concept(
        "tanh", "numpy.tanh", "exact",
        (case(np.array([-30.0, -5.0, 0.0, 0.5, 19.0, 25.0]),
              label="large |x|: sech² kept to full relative accuracy"),),
        _elementwise_cases(6.0),
        (bad(np.array([1j]), raises=TypeError, match="complex", label="complex"),
         bad(None, raises=TypeError, match="not an array of objects",
             label="None (NumPy would make it NaN)")),
        Bench(64, _bench_array),
        note="The reference's backward is 1/cosh²x; mathml's 4z/(1+z)², z = e^(−2|x|): "
             "the same sech²x, both accurate to a few ulps. " + _ADJOINT_NOTE),
    _concept(
        "sigmoid", "scipy.special.expit", "exact",
        (case(np.array([-800.0, -30.0, 0.0, 1.0, 30.0, 800.0]), label="both tails"),),
        _elementwise_cases(10.0),
        (bad(np.array([1j]), raises=TypeError, match="complex", label="complex"),),
        Bench(64, _bench_array), note=_ADJOINT_NOTE),
    _concept(
        "softmax", "scipy.special.softmax", "vjp",
        (case(LOGITS, seed=SEED, label="seed 002: Dense(10, softmax)-like rows"),
         case(np.array([1000.0, 0.0, -1000.0]), label="no overflow"),
         case(LOGITS, axis=0, label="along axis 0")),
        _softmax_cases,
        (bad(np.array([1j]), raises=TypeError, match="complex", label="complex"),
         bad(np.array(1.0), raises=AxisError,
             match="axis -1 is out of bounds for array of dimension 0",
             label="0-d: no axis of classes")),
        Bench(64, _bench_softmax), seeded=True,
        note="The reference applies the Jacobian diag(s) − s sᵀ, formed; mathml its closed "
             "form s ⊙ (ȳ − ⟨ȳ, s⟩): other sums, 'vjp'. " + _ADJOINT_NOTE),
    _concept(
        "log_softmax", "scipy.special.log_softmax", "vjp",
        (case(LOGITS, label="rows of logits"),
         case(np.array([1000.0, 0.0, -1000.0]), label="no overflow, −2000 exactly"),
         case(np.array([np.inf, 1.0, 2.0]),
              label="+inf: NaN there, −inf at the finite entries (SciPy's rule)")),
        _softmax_cases,
        (bad(np.array([1j]), raises=TypeError, match="complex", label="complex"),
         bad(np.array(1.0), axis=-1, raises=AxisError,
             match="axis -1 is out of bounds for array of dimension 0",
             label="0-d: no axis of classes")),
        Bench(64, _bench_softmax),
        note="The reference applies the Jacobian I − 1 sᵀ, formed: 'vjp'. " + _ADJOINT_NOTE),
    _concept(
        "softmax_cross_entropy", "scipy.special.log_softmax", "exact",
        (case(LOGITS, LABELS, seed=SEED,
              label="seed 002: the loss of a Dense(10, softmax) output"),
         case(np.array([[1000.0, 0.0]]), np.array([1]), label="a confident wrong answer"),
         case(np.zeros((1, 1)), np.array([0]), label="one class: loss 0")),
        _labelled_cases,
        (_shape_bad(LOGITS, LABELS[:3], match=r"labels has shape \(3,\) but logits has shape "
                    r"\(4, 3\)", label="one label too few: both shapes named"),
         _shape_bad(LOGITS, np.array([0, 1, 3, 1]), match=r"labels must be integers in \[0, 3\)",
                    label="a label out of range"),
         _shape_bad(LOGITS, LABELS.astype(float), match="labels must be integers",
                    label="float labels"),
         _shape_bad(np.where(LOGITS > 2, np.nan, LOGITS), LABELS, match="NaN",
                    label="NaN in the logits")),
        Bench(64, _bench_logits), seeded=True,
        note="The mean over the batch of −log softmax(z)[label]; the gradient of the logits. "
             + _ADJOINT_NOTE),
    _concept(
        "binary_cross_entropy", "scipy.special.xlogy, xlog1py", "exact",
        (case(np.array([0.9, 0.2, 0.6]), np.array([1.0, 0.0, 1.0]), label="hard targets"),
         case(np.array([0.0, 1.0, 0.3]), np.array([0.0, 1.0, 0.5]),
              label="p = y ∈ {0, 1}: weight 0 at log 0 costs nothing"),
         case(np.array([[0.25, 0.75]]), np.array([[0.5, 0.5]]), label="soft targets")),
        _probability_cases,
        (_shape_bad(np.ones(3) / 2, np.ones(2), match=r"p has shape \(3,\) but y has shape "
                    r"\(2,\)", label="shapes differ: both named"),
         _shape_bad(np.array([1.5]), np.array([1.0]), match=r"p must lie in \[0, 1\]",
                    label="p > 1"),
         _shape_bad(np.array([np.nan]), np.array([1.0]), match="NaN", label="NaN in p")),
        Bench(4096, _bench_probabilities),
        note="Probabilities in, as Keras's and PyTorch's binary_cross_entropy, without their "
             "clipping. " + _ADJOINT_NOTE),
    _concept(
        "dropout", "numpy.random.RandomState.uniform", "exact",
        (case(np.ones((2, 5)), 0.5, random_state=0, label="rate 0.5, seed 0"),
         case(np.arange(6.0), 0.0, random_state=1, label="rate 0: the identity")),
        _dropout_cases,
        (_shape_bad(np.ones(3), 1.0, random_state=0, match=r"rate must be a probability",
                    label="rate 1"),
         _shape_bad(np.ones(3), 0.5, random_state="seed", match="cannot be used to seed",
                    label="a string seed")),
        Bench(64, _bench_dropout),
        note="Inverted dropout: keep u ≥ rate, u from RandomState(random_state) in row-major "
             "order, scale 1/(1 − rate). " + _ADJOINT_NOTE),
)
