"""Catalog entries for the recurrent layers of `mathml.nn`: `embedding`, `lstm_cell`, `lstm`.

A case holds the forward's arguments and, as ``dy``, the adjoint ȳ = ∂L/∂y of its output;
`_forward_backward` runs the layer and its ``<layer>_backward`` on it, so one concept checks
both passes. The references: the embedding as ``numpy.take`` and its backward as the one-hot
matrix product onehot(k)ᵀ·ȳ, summed by ``numpy.bincount`` with weights; the LSTM as a plain
loop over time with SciPy's ``expit`` and numpy's ``tanh``, its backward as
``scipy.differentiate.jacobian`` of ⟨ȳ, y⟩ with respect to every argument (strategy
'forward_numerical_backward', tolerance 'numerical_vjp').

The seed's case (seed 002, Keras's text model): three sentences tokenised by Keras's
``Tokenizer(oov_token="<OOV>")`` — ids by decreasing word count, ties in order of first
appearance, 1 for the OOV token — and padded at the end to length 10, a vocabulary of 15
ids (0 the padding), embedded in 16 dimensions and read by an LSTM of 32 units.
"""
from __future__ import annotations

import importlib

import numpy as np
from hypothesis import strategies as st

from .._core import Bench, Concept, bad, case

SEED = "002"

#: the seed's texts as Keras's Tokenizer numbers them (<OOV> 1, learning 2, machine 3, is 4,
#: i 5, love 6, natural 7, language 8, processing 9, fascinating 10, deep 11, a 12,
#: subset 13, of 14), padded with 0 after the text ("post") to maxlen 10
SEED_IDS = np.array([[5, 6, 3, 2, 0, 0, 0, 0, 0, 0],
                     [7, 8, 9, 4, 10, 0, 0, 0, 0, 0],
                     [11, 2, 4, 12, 13, 14, 3, 2, 0, 0]])
VOCAB, EMBED, UNITS = 15, 16, 32


def _forward_backward(func, c) -> dict:
    """{"forward": layer(*args), "backward": the tuple layer_backward(dy, *args)}; the
    backward is found beside the forward (``mathml.nn._recurrent`` or ``reference.nn``),
    and left out where the case gives no adjoint (the benchmark times the forward)."""
    kwargs = dict(c.kwargs)
    dy = kwargs.pop("dy", None)
    out = {"forward": func(*c.args, **kwargs)}
    if dy is not None:
        backward = getattr(importlib.import_module(func.__module__), f"{func.__name__}_backward")
        grads = backward(dy, *c.args, **kwargs)
        out["backward"] = grads if isinstance(grads, tuple) else (grads,)
    return out


def _weights(rng, n_in: int, u: int, scale: float = 1.0):
    """Keras's layout: kernel (n_in, 4u), recurrent_kernel (u, 4u), bias (4u,)."""
    return (rng.uniform(-scale, scale, (n_in, 4 * u)), rng.uniform(-scale, scale, (u, 4 * u)),
            rng.uniform(-scale, scale, 4 * u))


# --- embedding --------------------------------------------------------------------------------

def _embedding_case(seed: int) -> object:
    rng = np.random.default_rng(seed)
    V, d = int(rng.integers(1, 8)), int(rng.integers(1, 5))
    shape = tuple(int(s) for s in rng.integers(1, 5, size=int(rng.integers(1, 3))))
    k = rng.integers(0, V, size=shape)
    return case(k, rng.uniform(-2, 2, (V, d)), dy=rng.uniform(-2, 2, shape + (d,)))


def _embedding_cases():
    rng = np.random.default_rng(0)
    E = rng.uniform(-1, 1, (VOCAB, EMBED))
    return (case(SEED_IDS, E, dy=rng.uniform(-1, 1, (3, 10, EMBED)), seed=SEED,
                 label="seed 002: the three padded sentences, vocabulary 15, dimension 16"),
            case(np.array([[2, 2, 2]]), np.arange(6.0).reshape(3, 2), dy=np.ones((1, 3, 2)),
                 label="one word three times: its gradient row is the sum, 3"),
            case(np.array([0]), np.array([[1.5, -2.0]]), dy=np.array([[1.0, 1.0]]),
                 label="batch 1, vocabulary 1"),
            case(np.array([[1.0, 0.0]]), np.eye(2), dy=np.ones((1, 2, 2)),
                 label="ids given as floats holding integers (as Keras accepts them)"),
            case(np.array([[2, 0]]), np.arange(6.0).reshape(3, 2),
                 dy=np.array([[[np.inf, 1.0], [2.0, -np.inf]]]),
                 label="an infinite adjoint reaches only its word's row (row 1 stays 0)"))


def _embedding_bad():
    E = np.ones((4, 2))
    return (bad(np.array([[1, 4]]), E, raises=IndexError, match=r"index 4 .*\[0, 4\)",
                label="an index out of the vocabulary"),
            bad(np.array([-1]), E, raises=IndexError, match=r"index -1 .*\[0, 4\)",
                label="a negative index (numpy would wrap it)"),
            bad(np.array([0.5]), E, raises=ValueError, match="integer",
                label="a fractional index"),
            bad(np.array([1]), np.ones(4), raises=ValueError, match=r"\(4,\)",
                label="1-D weights"),
            bad(np.array([1]), np.array([[1.0, np.nan]]), raises=ValueError,
                match="must not contain infs or NaNs", label="NaN in the weights"),
            bad(np.array([[0, 1]]), E, dy=np.ones((1, 3, 2)), raises=ValueError,
                match=r"\(1, 3, 2\).*\(1, 2, 2\)", label="an adjoint of the wrong shape"),
            bad(np.array([1]), E + 1j, raises=TypeError, match="complex",
                label="complex weights (NumPy would drop the imaginary part)"),
            bad(np.array([1]), None, raises=TypeError, match="not an array of objects",
                label="weights None (NumPy would make it NaN)"))


# --- one LSTM step ----------------------------------------------------------------------------

def _cell_case(seed: int, n: int | None = None, n_in: int | None = None,
               u: int | None = None, label: str = "") -> object:
    rng = np.random.default_rng(seed)
    n, n_in, u = (v if v is not None else int(rng.integers(1, 4)) for v in (n, n_in, u))
    x, h, c = (rng.uniform(-2, 2, s) for s in ((n, n_in), (n, u), (n, u)))
    dy = (rng.uniform(-1, 1, (n, u)), rng.uniform(-1, 1, (n, u)))
    return case(x, h, c, *_weights(rng, n_in, u), dy=dy, label=label)


def _cell_cases():
    rng = np.random.default_rng(1)
    W, U, b = _weights(rng, 2, 1)
    return (_cell_case(0, 3, 16, 4, label="batch 3, 16 inputs (the seed's embedding), 4 units"),
            _cell_case(1, 1, 1, 1, label="batch 1, one input, one unit"),
            case(np.ones((1, 2)), np.zeros((1, 1)), np.ones((1, 1)), np.zeros((2, 4)),
                 np.zeros((1, 4)), np.zeros(4), dy=(np.ones((1, 1)), np.zeros((1, 1))),
                 label="zero weights: every gate 1/2, c' = c/2, h' = tanh(1/2)/2"),
            case(np.array([[30.0, -30.0]]), np.array([[0.5]]), np.array([[-1.0]]), 10 * W, U,
                 b, dy=(np.ones((1, 1)), np.ones((1, 1))),
                 label="saturated gates (|z| up to 600): the sigmoid's both branches"))


def _cell_bad():
    rng = np.random.default_rng(2)
    W, U, b = _weights(rng, 3, 2)
    x, s = np.ones((2, 3)), np.zeros((2, 2))
    return (bad(np.ones((2, 4)), s, s, W, U, b, raises=ValueError,
                match=r"\(2, 4\).*\(3, 8\)", label="x's features ≠ the kernel's rows"),
            bad(x, np.zeros((2, 3)), s, W, U, b, raises=ValueError,
                match=r"\(2, 3\).*\(2, 3\)", label="h of the wrong width"),
            bad(x, s, s, W[:, :6], U, b, raises=ValueError, match=r"\(3, 6\).*\(2, 8\)",
                label="kernel without 4u columns"),
            bad(x, s, s, W, U, b[:6], raises=ValueError, match=r"\(6,\).*\(2, 8\)",
                label="bias without 4u entries"),
            bad(x, s, s, W, np.zeros((2, 6)), b, raises=ValueError, match=r"\(2, 6\)",
                label="recurrent_kernel not (u, 4u)"),
            bad(np.ones(3), s, s, W, U, b, raises=ValueError, match=r"\(3,\)",
                label="x 1-D"),
            bad(np.array([[1.0, np.nan, 0.0], [0.0, 0.0, 0.0]]), s, s, W, U, b,
                raises=ValueError, match="must not contain infs or NaNs", label="NaN in x"),
            bad(x, s, s, W, U, b, dy=(np.ones((2, 3)), s), raises=ValueError,
                match=r"\(2, 3\).*\(2, 2\)", label="an adjoint of the wrong shape"),
            bad(x, s, s, np.where(W > 0.5, np.inf, W), U, b, raises=ValueError,
                match="kernel: array must not contain infs or NaNs",
                label="inf in the kernel (the gradient of an infinite input means nothing)"),
            bad(x, s, s, W, U, b, dy=(np.full((2, 2), -np.inf), s), raises=ValueError,
                match="dy: array must not contain infs or NaNs", label="inf in the adjoint"),
            bad(x, s + 1j, s, W, U, b, raises=TypeError, match="complex", label="complex h"),
            bad(x, s, None, W, U, b, raises=TypeError, match="not an array of objects",
                label="c None"))


# --- an LSTM over a sequence ------------------------------------------------------------------

def _lstm_case(seed: int, n: int | None = None, T: int | None = None, n_in: int | None = None,
               u: int | None = None, return_sequences: bool | None = None,
               label: str = "") -> object:
    rng = np.random.default_rng(seed)
    n, T, n_in, u = (v if v is not None else int(rng.integers(1, 4 if k != 1 else 6))
                     for k, v in enumerate((n, T, n_in, u)))
    seq = bool(rng.integers(2)) if return_sequences is None else return_sequences
    X = rng.uniform(-2, 2, (n, T, n_in))
    dy = rng.uniform(-1, 1, (n, T, u) if seq else (n, u))
    return case(X, *_weights(rng, n_in, u), return_sequences=seq, dy=dy, label=label)


def _lstm_cases():
    rng = np.random.default_rng(3)
    X = rng.uniform(-0.05, 0.05, (VOCAB, EMBED))[SEED_IDS]  # the seed's sentences, embedded
    W, U, b = _weights(rng, EMBED, UNITS, scale=0.25)
    return (case(X[:, :4], W[:, :32], U[:8, :32], b[:32], dy=rng.uniform(-1, 1, (3, 8)),
                 seed=SEED, label="seed 002: the embedded sentences' first 4 words, 8 units "
                                  "(the full 10 × 32 is the forward-only case below)"),
            case(X, W, U, b, seed=SEED,
                 label="seed 002: the embedded sentences, LSTM(32), forward only"),
            _lstm_case(4, 1, 1, 1, 1, False, label="batch 1, one step, one unit (∂L/∂U = 0)"),
            _lstm_case(5, 1, 6, 2, 3, True, label="batch 1, 6 steps, return_sequences"),
            _lstm_case(6, 3, 5, 3, 2, False, label="batch 3, 5 steps, last state only"))


def _bench_lstm(size: int, rng) -> object:
    """The issue's benchmark: `size` sequences of 20 steps of 16 features (the seed's
    embedding) through 32 units, forward only (the reference's numerical backward would
    differentiate with respect to ~10⁴ arguments)."""
    return case(rng.uniform(-1, 1, (size, 20, EMBED)), *_weights(rng, EMBED, UNITS, 0.2),
                label=f"{size} sequences of length 20, 32 units")


def _lstm_bad():
    rng = np.random.default_rng(4)
    W, U, b = _weights(rng, 3, 2)
    X = np.ones((2, 4, 3))
    return (bad(np.ones((2, 4, 5)), W, U, b, raises=ValueError, match=r"\(2, 4, 5\).*\(3, 8\)",
                label="X's features ≠ the kernel's rows"),
            bad(np.ones((2, 3)), W, U, b, raises=ValueError, match=r"\(2, 3\)",
                label="X 2-D (no time axis)"),
            bad(np.ones((2, 0, 3)), W, U, b, raises=ValueError, match=r"\(2, 0, 3\)",
                label="an empty sequence"),
            bad(X, W, np.zeros((3, 8)), b, raises=ValueError, match=r"\(3, 8\)",
                label="recurrent_kernel not (u, 4u)"),
            bad(np.full((2, 4, 3), np.nan), W, U, b, raises=ValueError,
                match="must not contain infs or NaNs", label="NaN in X"),
            bad(X, W, U, b, dy=np.ones((2, 4, 2)), raises=ValueError,
                match=r"\(2, 4, 2\).*\(2, 2\)",
                label="an adjoint of the sequence for the last state only"),
            bad(np.full((2, 4, 3), np.inf), W, U, b, raises=ValueError,
                match="X: array must not contain infs or NaNs", label="inf in X"),
            bad(X, W, U, b + 1j, raises=TypeError, match="complex", label="complex bias"))


_NOTE = ("One case checks both passes: the forward against the reference's (exact), then "
         "`<layer>_backward` on the case's adjoint dy against the reference's numerical "
         "derivative. The LSTM's weights are in Keras's layout, gate order i, f, c, o. "
         "Both refuse NaN, None and complex arrays; the LSTM's also ±inf (its gradient at an "
         "infinite input means nothing, and the reference's numerical one is NaN there).")

CONCEPTS = (
    Concept(
        "nn.embedding", "numpy.take(weights, indices, axis=0)", "exact", "products",
        cases=_embedding_cases(),
        strategy=lambda: st.integers(0, 2 ** 31 - 1).map(_embedding_case),
        bad=_embedding_bad(),
        bench=Bench(64, lambda n, rng: case(rng.integers(0, 1000, (n, 20)),
                                            rng.uniform(-1, 1, (1000, 16)),
                                            dy=rng.uniform(-1, 1, (n, 20, 16)))),
        seeds=(SEED,), run=_forward_backward,
        note="The forward is a gather (bitwise the same rows); the backward adds each "
             "upstream row into its word's row, np.add.at in mathml, the one-hot product "
             "onehot(k)ᵀ·ȳ in the reference as numpy.bincount's weighted counts (a formed "
             "product would make 0·inf = NaN of an infinite ȳ): the same sums ('products'). "
             + _NOTE),
    Concept(
        "nn.lstm_cell", "scipy.special.expit, numpy.tanh; scipy.differentiate.jacobian",
        "forward_numerical_backward", "numerical_vjp",
        cases=_cell_cases(),
        strategy=lambda: st.integers(0, 2 ** 31 - 1).map(_cell_case),
        bad=_cell_bad(),
        bench=Bench(64, lambda n, rng: case(rng.uniform(-1, 1, (n, EMBED)),
                                            rng.uniform(-1, 1, (n, UNITS)),
                                            rng.uniform(-1, 1, (n, UNITS)),
                                            *_weights(rng, EMBED, UNITS, 0.2))),
        seeds=(SEED,), run=_forward_backward, note=_NOTE),
    Concept(
        "nn.lstm", "scipy.special.expit, numpy.tanh; scipy.differentiate.jacobian",
        "forward_numerical_backward", "numerical_vjp",
        cases=_lstm_cases(),
        strategy=lambda: st.integers(0, 2 ** 31 - 1).map(_lstm_case),
        bad=_lstm_bad(),
        bench=Bench(64, _bench_lstm),
        seeds=(SEED,), run=_forward_backward,
        note="The reference is a plain loop over time of one cell step; mathml computes the "
             "input part XW + b of every step in one product first. " + _NOTE),
)
