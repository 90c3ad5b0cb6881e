"""Information theory beyond the catalog's comparisons: the seed's three numbers from their
closed forms (not from either backend), and the identities tying the measures together."""
import math

import numpy as np
import pytest

import mathml.information as mi
import reference.information as ri
from reference.compare import TOLERANCES

BACKENDS = [pytest.param(mi, id="mathml"), pytest.param(ri, id="reference")]
TOL = TOLERANCES["divergence"]


def close(got, exact) -> bool:
    return abs(got - exact) <= TOL.atol + TOL.rtol * abs(exact)


@pytest.mark.parametrize("backend", BACKENDS)
def test_seed_values_from_closed_forms(backend):
    assert close(backend.entropy([0.6, 0.4], base=2),
                 -(0.6 * math.log2(0.6) + 0.4 * math.log2(0.4)))
    kl = 0.3 * math.log(0.3 / 0.5) + 0.7 * math.log(0.7 / 0.5)
    assert close(backend.entropy([0.3, 0.7], [0.5, 0.5]), kl)
    assert close(backend.kl_divergence([0.3, 0.7], [0.5, 0.5]), kl)
    joint = [[0.3, 0.1], [0.2, 0.4]]
    p_x, p_y = [0.4, 0.6], [0.5, 0.5]
    mi_exact = sum(joint[i][j] * math.log(joint[i][j] / (p_x[i] * p_y[j]))
                   for i in range(2) for j in range(2))
    assert close(backend.mutual_info_score(None, None, contingency=joint), mi_exact)
    # the same table as counts (scikit-learn's own input) gives the same number
    assert close(backend.mutual_info_score(None, None, contingency=[[3, 1], [2, 4]]), mi_exact)


@pytest.mark.parametrize("backend", BACKENDS)
def test_identities(backend):
    rng = np.random.default_rng(7)
    for _ in range(20):
        w = rng.uniform(size=(3, 4))
        P = w / w.sum()
        p, q = P.sum(axis=1), rng.dirichlet(np.ones(3))
        # H(p, q) = H(p) + D(p‖q)
        assert close(backend.cross_entropy(p, q),
                     backend.entropy(p) + backend.kl_divergence(p, q))
        # H(Y | X) = H(X, Y) − H(X); 0 ≤ JSD ≤ log 2 and symmetric; d_JS² = JSD
        assert close(backend.conditional_entropy(P),
                     backend.joint_entropy(P) - backend.entropy(P.sum(axis=1)))
        jsd = backend.js_divergence(p, q)
        assert 0 <= jsd <= math.log(2) and close(jsd, backend.js_divergence(q, p))
        assert close(backend.jensenshannon_distance(p, q) ** 2, jsd)


@pytest.mark.parametrize("backend", BACKENDS)
def test_information_gain_by_hand(backend):
    # H(Y) = 1 bit; X = a holds labels (0, 0, 1), X = b holds (1, 1, 0)
    y = np.array([0, 0, 1, 1, 1, 0])
    x = np.array(["a", "a", "a", "b", "b", "b"])
    h = lambda *ps: -sum(p * math.log2(p) for p in ps if p)  # noqa: E731
    expected = h(0.5, 0.5) - (0.5 * h(2 / 3, 1 / 3) + 0.5 * h(1 / 3, 2 / 3))
    assert close(backend.information_gain(y, x, base=2), expected)


@pytest.mark.parametrize("backend", BACKENDS)
def test_nmi_arithmetic(backend):
    a, b = np.array([0, 0, 1, 1]), np.array([0, 0, 1, 2])
    # I = log 2 (b determines a), H(a) = log 2, H(b) = 1.5 log 2: NMI = 1 / 1.25
    assert close(backend.normalized_mutual_info_score(a, b), 0.8)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("call", [
    lambda b: b.entropy([0.5, -0.1, 0.6]), lambda b: b.entropy([]),
    lambda b: b.kl_divergence([0.5, 0.5], [1.0]), lambda b: b.js_divergence([0.5, 0.6], [0.5, 0.5]),
    lambda b: b.mutual_info_score([0, 1], [0, 1, 1])],
    ids=["negative", "empty", "lengths", "sum", "labels"])
def test_bad_input_raises_value_error(backend, call):
    with pytest.raises(ValueError):
        call(backend)
