"""Agreement of the two backends on every concept of the catalog.

Test ids are concept names, then for each case how it is compared (the kind of its strategy,
the vocabulary of ``mathml list``) and its label, so ``pytest -k linalg.inv`` runs everything
about `inv`, ``pytest -k "linalg and sign"`` the sign-canonicalised factorisations and
``pytest -k "stats.norm and ppf"`` the normal distribution's quantiles.
"""
import numpy as np
import pytest
from hypothesis import given, strategies as st

from reference import catalog
from reference.runner import run_bad, run_case

CONCEPTS = catalog.all_concepts()
EXAMPLES = [pytest.param(c, k, id=f"{c.name}-{c.strategy_of(k).kind}-{k.label or i}")
            for c in CONCEPTS for i, k in enumerate(c.cases)]
BAD = [pytest.param(c, b, id=f"{c.name}-{b.case.label or i}")
       for c in CONCEPTS for i, b in enumerate(c.bad)]
BY_NAME = [pytest.param(c, id=c.name) for c in CONCEPTS]


@pytest.mark.parametrize("concept, case", EXAMPLES)
def test_example_agrees(concept, case):
    result = run_case(concept, case)
    assert result.ok, result.explain()


@pytest.mark.parametrize("concept", BY_NAME)
@given(data=st.data())
def test_generated_input_agrees(concept, data):
    case = data.draw(concept.strategy(), label="case")
    result = run_case(concept, case)
    assert result.ok, f"{concept.name}({case.describe()}): {result.explain()}"


@pytest.mark.parametrize("concept, bad", BAD)
def test_bad_input_fails_the_same_way(concept, bad):
    result = run_bad(concept, bad)
    assert result.ok, result.detail


@pytest.mark.parametrize("concept", BY_NAME)
def test_entry_is_complete(concept):
    """Every concept declares what docs/concepts.md asks: cases (a seed's first), a generator
    of inputs, bad inputs and a benchmark size (its comparison strategy, tolerance and
    property set are checked when the entry is built)."""
    assert concept.bad and concept.bench.size > 0
    assert concept.strategy() is not None
    if any(c.seed for c in concept.cases):
        assert concept.cases[0].seed, "a seed's example must come first"
    assert callable(concept.mathml) and callable(concept.reference)


@pytest.mark.parametrize("concept", BY_NAME)
def test_benchmark_input_runs(concept):
    """The benchmark maker builds a valid input (at a small size, to stay quick)."""
    small = concept.bench.make(min(concept.bench.size, 8), np.random.default_rng(0))
    result = run_case(concept, small)
    assert result.ok, result.explain()
