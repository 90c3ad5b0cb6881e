"""Catalog entries for the update rules of deep learning: `mathml.optimize.sgd` and
`mathml.optimize.adam` vs scikit-learn's ``SGDOptimizer`` and ``AdamOptimizer``
(``sklearn.neural_network._stochastic_optimizers``), the rules its MLP trains with.

Both backends start from the same parameters (a list of arrays, like an MLP's coefs_ and
intercepts_) and apply the same sequence of gradients; the whole trajectory is compared.
The arithmetic is the same, operation for operation, so the tolerance is 'exact'. The
first cases are small enough to check by hand: plain gradient descent (momentum 0) is
θ_t = θ₀ − η Σ g, and Adam's first step is −η·sign(g)·|g|/(|g| + ε) per coordinate.
"""
from __future__ import annotations

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from .._core import Bench, Concept, bad, case
from ..strategies import reals

_W = np.array([[0.5, -1.0], [2.0, 0.25], [-0.75, 1.5]])
_B = np.array([0.1, -0.2])
_STEPS = [[np.array([[1.0, -2.0], [0.5, 0.0], [-1.0, 3.0]]), np.array([0.5, -0.5])],
          [np.array([[0.5, -1.0], [1.0, 0.5], [-2.0, 1.0]]), np.array([-1.0, 0.25])],
          [np.array([[-0.5, 1.0], [0.0, -0.5], [1.0, -1.0]]), np.array([0.25, 1.0])]]
_ONE = [np.array([1.0, -1.0])]
_G = [[np.array([0.5, 1.0])], [np.array([0.5, 1.0])]]


@st.composite
def _params_and_grads(draw):
    shapes = draw(st.lists(st.sampled_from([(3,), (1,), (2, 3), (4, 1), (2, 2)]),
                           min_size=1, max_size=3))
    params = [draw(arrays(np.float64, s, elements=reals(-5.0, 5.0))) for s in shapes]
    T = draw(st.integers(0, 8))
    grads = [[draw(arrays(np.float64, s, elements=reals(-10.0, 10.0))) for s in shapes]
             for _ in range(T)]
    return params, grads


def _sgd_cases():
    @st.composite
    def build(draw):
        params, grads = draw(_params_and_grads())
        return case(params, grads, learning_rate_init=draw(reals(1e-4, 1.0)),
                    momentum=draw(reals(0.0, 1.0)), nesterov=draw(st.booleans()))
    return build()


def _adam_cases():
    @st.composite
    def build(draw):
        params, grads = draw(_params_and_grads())
        return case(params, grads, learning_rate_init=draw(reals(1e-4, 1.0)),
                    beta_1=draw(reals(0.0, 0.99)), beta_2=draw(reals(0.0, 0.9999)),
                    epsilon=draw(st.sampled_from([1e-8, 1e-12, 1e-4, 0.5])))
    return build()


def _bench(size, rng):
    """One dense layer of a network: weights (size, size) and biases (size,), 10 steps."""
    shapes = [(size, size), (size,)]
    return case([rng.uniform(-1, 1, s) for s in shapes],
                [[rng.uniform(-1, 1, s) for s in shapes] for _ in range(10)],
                label=f"{size}×{size} weights and {size} biases, 10 steps")


def _shape_bad():
    return (bad(_ONE, [[np.array([1.0, 2.0, 3.0])]], raises=ValueError, match=r"\(3,\).*\(2,\)",
                label="a gradient of another shape than its parameter"),
            bad(_ONE, [[np.array([1.0, 2.0]), np.array([1.0])]], raises=ValueError,
                match="2 arrays but params has 1", label="a gradient list too long"),
            bad([None], _G, raises=TypeError, match="numeric array",
                label="a parameter None (scikit-learn would make it NaN)"),
            bad([np.array([1.0 + 1.0j, 2.0])], _G, raises=TypeError, match="complex",
                label="a complex parameter"))


CONCEPTS = (
    Concept(
        "optimize.sgd",
        "sklearn.neural_network._stochastic_optimizers.SGDOptimizer(...).update_params",
        "exact", "exact",
        cases=(case(_ONE, _G, learning_rate_init=0.1, momentum=0.5, nesterov=False,
                    label="classical momentum, by hand: 1, 0.95, 0.875"),
               case([_W, _B], _STEPS, momentum=0.0,
                    label="momentum 0: plain gradient descent θ₀ − η Σ g"),
               case([_W, _B], _STEPS, label="defaults: η 0.1, Nesterov momentum 0.9"),
               case([_W, _B], _STEPS, learning_rate_init=0.01, momentum=1.0, nesterov=False,
                    label="momentum 1: no damping"),
               case([_W, _B], [], label="no gradients: the initial parameters"),
               case([np.array([3, -2])], [[np.array([1, 1])]] * 3,
                    label="integer parameters and gradients")),
        strategy=_sgd_cases,
        bad=_shape_bad() + (
            bad(_ONE, _G, learning_rate_init=-0.1, raises=ValueError,
                match="learning_rate_init", label="negative learning rate"),
            bad(_ONE, _G, learning_rate_init=0.0, raises=ValueError,
                match="learning_rate_init", label="zero learning rate"),
            bad(_ONE, _G, momentum=1.5, raises=ValueError, match="momentum",
                label="momentum above 1")),
        bench=Bench(200, _bench), seeds=("004",),
        note="The same operations as scikit-learn's SGDOptimizer in the same order, so the "
             "trajectories agree to the last bit. The learning rate is constant: "
             "scikit-learn's 'invscaling' and 'adaptive' schedules are applied by its MLP "
             "between steps, not by the rule. scikit-learn checks hyperparameters in the "
             "MLP only; both backends here check them with the MLP's ranges (η > 0, "
             "μ ∈ [0, 1])."),
    Concept(
        "optimize.adam",
        "sklearn.neural_network._stochastic_optimizers.AdamOptimizer(...).update_params",
        "exact", "exact",
        cases=(case(_ONE, [[np.array([0.5, -2.0])]] * 2, learning_rate_init=0.1,
                    label="steps of about η per coordinate, whatever |g|"),
               case([_W, _B], _STEPS, label="defaults: η 0.001, β (0.9, 0.999), ε 1e-8"),
               case([_W, _B], _STEPS, learning_rate_init=0.1, beta_1=0.0, beta_2=0.0,
                    label="β₁ = β₂ = 0: sign-like steps η·g/(|g| + ε)"),
               case([_W, _B], [[np.zeros((3, 2)), np.zeros(2)]] * 2,
                    label="zero gradients: ε keeps the step 0, not NaN"),
               case([_W, _B], [], label="no gradients: the initial parameters")),
        strategy=_adam_cases,
        bad=_shape_bad() + (
            bad(_ONE, _G, learning_rate_init=-1e-3, raises=ValueError,
                match="learning_rate_init", label="negative learning rate"),
            bad(_ONE, _G, beta_1=1.0, raises=ValueError, match="beta_1", label="beta_1 = 1"),
            bad(_ONE, _G, beta_2=-0.1, raises=ValueError, match="beta_2",
                label="negative beta_2"),
            bad(_ONE, _G, epsilon=0.0, raises=ValueError, match="epsilon",
                label="epsilon 0")),
        bench=Bench(200, _bench), seeds=("004",),
        note="The same operations as scikit-learn's AdamOptimizer in the same order (the "
             "bias correction folded into the step size η_t = η√(1 − β₂ᵗ)/(1 − β₁ᵗ)), so "
             "the trajectories agree to the last bit. Hyperparameters are checked with "
             "scikit-learn's MLP ranges (η > 0, β₁, β₂ ∈ [0, 1), ε > 0) in both backends."),
)
