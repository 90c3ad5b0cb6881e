"""Catalog entries for information theory (docs/concepts.md §5): `mathml.information` vs SciPy and
scikit-learn.

The seed (000) computes, with ``scipy.stats``: the entropy of (0.6, 0.4) in bits, the KL
divergence ``entropy([0.3, 0.7], [0.5, 0.5])`` and the mutual information of the joint
table [[0.3, 0.1], [0.2, 0.4]] (through scikit-learn's ``mutual_info_score(None, None,
contingency=...)``, which the seed attributes to scipy.stats). Their ``expected`` values are
the closed forms, computed here with `math` — not either backend's output.

Probability vectors are built by normalising small integer weights (so zeros occur, and
the KL divergence can be +inf); joint tables likewise; labels are small integers.
"""
from __future__ import annotations

import math

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from ._core import Bench, Concept, bad, case

SEED = "000"

#: H(0.6, 0.4) in bits
SEED_ENTROPY = -(0.6 * math.log2(0.6) + 0.4 * math.log2(0.4))
#: D((0.3, 0.7) ‖ (0.5, 0.5)) in nats
SEED_KL = 0.3 * math.log(0.3 / 0.5) + 0.7 * math.log(0.7 / 0.5)
_JOINT = [[0.3, 0.1], [0.2, 0.4]]
#: Σ p(x, y) log(p(x, y) / (p(x) p(y))) with p(x) = (0.4, 0.6), p(y) = (0.5, 0.5)
SEED_MI = sum(p * math.log(p / (px * py))
              for row, px in zip(_JOINT, (0.4, 0.6)) for p, py in zip(row, (0.5, 0.5)))

_WEIGHTS = st.integers(0, 20)


def _normalise(w: np.ndarray, axis: int | None = 0) -> np.ndarray:
    w = w.astype(np.float64)
    w[(0,) * w.ndim] += 1.0  # at least one positive weight in each column/vector
    if w.ndim == 2 and axis == 0:
        w[0, :] += 1.0
    return w / np.sum(w, axis=axis, keepdims=True)


@st.composite
def _vector_pair(draw, second: bool = True, normalise: bool = True):
    """p (and q) of the same shape: vectors, or 2-D with the outcomes along axis 0."""
    shape = draw(st.sampled_from([(2,), (3,), (5,), (12,), (4, 3)]))
    p = draw(arrays(np.int64, shape, elements=_WEIGHTS))
    q = draw(arrays(np.int64, shape, elements=_WEIGHTS))
    if normalise:
        p, q = _normalise(p), _normalise(q)
    else:
        p, q = _normalise(p) * 3.0, q.astype(float) + 0.5
    return (p, q) if second else (p,)


def _divergence_cases(**fixed):
    @st.composite
    def build(draw):
        p, q = draw(_vector_pair())
        return case(p, q, base=draw(st.sampled_from([None, 2.0])), **fixed)
    return build


@st.composite
def _entropy_cases(draw):
    with_q = draw(st.booleans())
    args = draw(_vector_pair(second=with_q, normalise=False))
    return case(*args, base=draw(st.sampled_from([None, 2.0, 10.0])))


@st.composite
def _joint_tables(draw):
    shape = (draw(st.integers(1, 6)), draw(st.integers(1, 6)))
    w = draw(arrays(np.int64, shape, elements=_WEIGHTS)).astype(np.float64)
    w[0, 0] += 1.0
    return case(w / w.sum(), base=draw(st.sampled_from([None, 2.0])))


@st.composite
def _label_pairs(draw, k_max: int = 4):
    n = draw(st.integers(1, 40))
    a = draw(arrays(np.int64, (n,), elements=st.integers(0, k_max)))
    b = draw(arrays(np.int64, (n,), elements=st.integers(0, k_max)))
    return a, b


@st.composite
def _mi_cases(draw):
    if draw(st.booleans()):
        return case(*draw(_label_pairs()))
    shape = (draw(st.integers(1, 5)), draw(st.integers(1, 5)))
    N = draw(arrays(np.int64, shape, elements=st.integers(0, 30)))
    N[0, 0] += 1
    table = N if draw(st.booleans()) else np.round(N / N.sum(), 2)  # counts or probabilities
    return case(None, None, contingency=table)


_P, _Q = np.array([0.1, 0.2, 0.3, 0.4]), np.array([0.25, 0.25, 0.25, 0.25])
_Q0 = np.array([0.5, 0.5, 0.0, 0.0])
_BASE_MESSAGE = r"`base` must be a positive number or `None`\."


def _base_bad(*args):
    """A base ≤ 0: scipy.stats.entropy's ValueError (issue 16: -2 gave nan, 0 gave -0.0)."""
    return tuple(bad(*args, base=b, raises=ValueError, match=_BASE_MESSAGE,
                     label=f"base={b}") for b in (-2.0, 0.0))


_DISTRIBUTION_BAD = _base_bad(np.array([0.5, 0.5]), np.array([0.2, 0.8])) + (
    bad(np.array([0.5, 0.6, -0.1]), np.array([0.2, 0.3, 0.5]), raises=ValueError,
        match="negative", label="negative entry"),
    bad(np.array([]), np.array([]), raises=ValueError, match="empty", label="empty"),
    bad(np.array([0.5, 0.5]), np.array([0.2, 0.3, 0.5]), raises=ValueError, match="shapes",
        label="lengths differ"),
    bad(np.array([0.5, 0.6]), np.array([0.5, 0.5]), raises=ValueError, match="sum to 1",
        label="does not sum to 1"))
_JOINT_BAD = _base_bad(np.full((2, 2), 0.25)) + (
    bad(np.array([[0.5, 0.6], [0.0, -0.1]]), raises=ValueError, match="negative",
        label="negative entry"),
    bad(np.array([[0.5, 0.6], [0.1, 0.1]]), raises=ValueError, match="sum to 1",
        label="does not sum to 1"),
    bad(np.array([0.5, 0.5]), raises=ValueError, match="2-D", label="1-D"))
_LABEL_BAD = (bad(np.array([0, 1, 1]), np.array([0, 1]), raises=ValueError,
                  match="inconsistent", label="lengths differ"),
              bad(np.array([0.0, np.nan, 1.0, 1.0]), np.array([0, 0, 1, 1]), raises=ValueError,
                  match="Input contains NaN", label="NaN label"),
              bad(np.array([0, 0, 1, 1]), np.array([0.0, np.inf, 1.0, 1.0]), raises=ValueError,
                  match="Input contains infinity", label="infinite label"),
              bad(np.array([0, 1 + 1j]), np.array([0, 1]), raises=ValueError,
                  match="Complex data not supported", label="complex labels"))


def _bench_pair(n, rng):
    p, q = rng.uniform(size=n), rng.uniform(size=n)
    return case(p / p.sum(), q / q.sum())


def _bench_joint(n, rng):
    w = rng.uniform(size=(n, n))
    return case(w / w.sum())


def _bench_labels(n, rng):
    return case(rng.integers(0, 10, n), rng.integers(0, 10, n))


CONCEPTS = (
    Concept(
        "information.entropy", "scipy.stats.entropy", "exact", "divergence",
        cases=(case([0.6, 0.4], base=2, seed=SEED, expected=SEED_ENTROPY,
                    label="seed: entropy of (0.6, 0.4) in bits"),
               case([0.3, 0.7], [0.5, 0.5], seed=SEED, expected=SEED_KL,
                    label="seed: KL divergence through qk"),
               case(np.array([1, 2, 3, 0]), label="unnormalised counts, a zero"),
               case(_P, _Q0, label="qk misses mass of pk: +inf"),
               case(np.array([[1.0, 2.0], [3.0, 4.0], [0.0, 1.0]]), axis=1, base=2.0,
                    label="rows as distributions")),
        strategy=lambda: _entropy_cases(),
        bad=(*_base_bad(np.array([0.5, 0.5])),
             bad(np.array([0.5, -0.5, 1.0]), raises=ValueError, match="negative",
                 label="negative entry"),
             bad(np.array([]), raises=ValueError, match="empty", label="empty"),
             bad(np.array([0.5, 0.5]), np.array([0.2, 0.3, 0.5]), raises=ValueError,
                 match="shapes", label="lengths differ")),
        bench=Bench(1_000_000, _bench_pair), seeds=(SEED,),
        note="Normalises its input, as SciPy; with qk it is the KL divergence."),
    Concept(
        "information.kl_divergence", "sum(scipy.special.rel_entr(p, q))", "exact", "divergence",
        cases=(case([0.3, 0.7], [0.5, 0.5], seed=SEED, expected=SEED_KL,
                    label="seed: D((0.3, 0.7) ‖ (0.5, 0.5))"),
               case(_P, _Q, base=2.0, label="bits"),
               case(_Q, _Q0, label="q misses mass of p: +inf"),
               case(_Q0, _Q, label="p with zeros: 0·log 0 = 0")),
        strategy=_divergence_cases(), bad=_DISTRIBUTION_BAD,
        bench=Bench(1_000_000, _bench_pair), seeds=(SEED,)),
    Concept(
        "information.cross_entropy", "scipy.stats.entropy(p) + scipy.stats.entropy(p, q)",
        "exact", "divergence",
        cases=(case([0.5, 0.5], [0.25, 0.75], base=2.0, label="bits"),
               case(_P, _P, label="H(p, p) = H(p)"), case(_Q, _Q0, label="+inf")),
        strategy=_divergence_cases(), bad=_DISTRIBUTION_BAD,
        bench=Bench(1_000_000, _bench_pair),
        note="The reference adds H(p) and D(p‖q): the identity, not the same sum."),
    Concept(
        "information.js_divergence", "scipy.spatial.distance.jensenshannon(p, q) ** 2",
        "exact", "divergence",
        cases=(case([1.0, 0.0], [0.0, 1.0], base=2.0, label="disjoint supports: 1 bit"),
               case(_P, _Q, label="nats"), case(_P, _P, label="equal: 0")),
        strategy=_divergence_cases(), bad=_DISTRIBUTION_BAD,
        bench=Bench(1_000_000, _bench_pair)),
    Concept(
        "information.jensenshannon_distance", "scipy.spatial.distance.jensenshannon",
        "squared", "divergence",
        cases=(case([1.0, 0.0], [0.5, 0.5], base=2.0, label="bits"),
               case(_P, _Q, label="nats"), case(_P, _P, label="equal: 0")),
        strategy=_divergence_cases(), bad=_DISTRIBUTION_BAD,
        bench=Bench(1_000_000, _bench_pair),
        note="SciPy's `jensenshannon` (a distance: the square root of the divergence); "
             "compared through its square."),
    Concept(
        "information.joint_entropy", "scipy.stats.entropy(joint.ravel())", "exact", "divergence",
        cases=(case(_JOINT, base=2.0, label="the seed's joint table, bits"),
               case(np.full((2, 2), 0.25), label="uniform: log 4")),
        strategy=lambda: _joint_tables(), bad=_JOINT_BAD, bench=Bench(1000, _bench_joint)),
    Concept(
        "information.conditional_entropy",
        "scipy.stats.entropy(joint.ravel()) - scipy.stats.entropy(joint.sum(axis=1))",
        "exact", "divergence",
        cases=(case(_JOINT, label="the seed's joint table"),
               case(np.array([[0.5, 0.0], [0.0, 0.5]]), label="Y determined by X: 0"),
               case(np.full((2, 3), 1 / 6), base=2.0, label="independent: H(Y) = log2 3")),
        strategy=lambda: _joint_tables(), bad=_JOINT_BAD, bench=Bench(1000, _bench_joint),
        note="mathml sums −p log(p/p(x)) (no cancellation); the reference uses the chain "
             "rule H(X,Y) − H(X)."),
    Concept(
        "information.information_gain", "sklearn.metrics.mutual_info_score(labels, feature)",
        "exact", "divergence",
        cases=(case(np.array([0, 0, 1, 1]), np.array(["a", "a", "b", "b"]), base=2.0,
                    label="a perfect split: 1 bit"),
               case(np.array([0, 1, 0, 1, 1, 1]), np.array([0, 0, 1, 1, 2, 2]),
                    label="a partial split"),
               case(np.array([1, 1, 1]), np.array([0, 1, 2]), label="pure labels: 0")),
        strategy=lambda: _label_pairs().map(lambda ab: case(*ab)),
        bad=_LABEL_BAD + _base_bad(np.array([0, 0, 1, 1]), np.array([0, 1, 1, 1])) + (
            bad(np.array([], dtype=int), np.array([], dtype=int),
                raises=ValueError, match="empty", label="empty"),),
        bench=Bench(100_000, _bench_labels),
        note="IG(Y; X) = H(Y) − Σ_v (n_v/n) H(Y | X = v) equals I(X; Y): the reference is "
             "scikit-learn's mutual information."),
    Concept(
        "information.mutual_info_score", "sklearn.metrics.mutual_info_score", "exact",
        "divergence",
        cases=(case(None, None, contingency=_JOINT, seed=SEED, expected=SEED_MI,
                    label="seed: joint probability table via contingency="),
               case(np.array([0, 0, 1, 1]), np.array([1, 1, 0, 0]), label="relabelled: log 2"),
               case(None, None, contingency=np.array([[5, 0, 1], [2, 3, 0]]), label="counts"),
               case(np.array([0, 0, 0]), np.array([0, 1, 2]), label="one class: 0")),
        strategy=lambda: _mi_cases(),
        bad=_LABEL_BAD + (bad(None, None, contingency=np.array([[1, -1], [2, 3]]),
                              raises=ValueError, match="negative", label="negative count"),
                          bad(np.array([], dtype=int), np.array([], dtype=int),
                              raises=ValueError, match="empty", label="empty")),
        bench=Bench(100_000, _bench_labels), seeds=(SEED,),
        note="scikit-learn takes integer counts only: the reference scales a probability "
             "table to counts (×10⁹, exact for up to 9 decimals)."),
    Concept(
        "information.normalized_mutual_info_score",
        "sklearn.metrics.normalized_mutual_info_score", "exact", "divergence",
        cases=(case(np.array([0, 0, 1, 1]), np.array([0, 0, 1, 2]), label="arithmetic"),
               case(np.array([0, 0, 1, 1, 2]), np.array([0, 1, 1, 2, 2]),
                    average_method="geometric", label="geometric"),
               case(np.array([3, 3]), np.array([1, 1]), label="single classes: 1"),
               case(np.array([0, 0, 0, 0]), np.array([0, 1, 2, 3]), label="I = 0: 0")),
        strategy=lambda: st.tuples(_label_pairs(), st.sampled_from(
            ["arithmetic", "geometric", "min", "max"])).map(
                lambda t: case(*t[0], average_method=t[1])),
        bad=_LABEL_BAD + (bad(np.array([0, 1]), np.array([0, 1]), average_method="median",
                              raises=ValueError, match="average_method",
                              label="unknown average_method"),),
        bench=Bench(100_000, _bench_labels)),
)
