"""The seeds' printed outputs (../shared/seeds) reproduced through both backends.

A seed's example is a catalog case with ``expected`` set to what the seed prints. Nothing is
canonicalised here: the order, the signs and the dtype (an integer prints without a
decimal point) must be what the seed shows, to the 8 decimals NumPy prints.
"""
import pytest

from reference import catalog, compare

SEEDED = [pytest.param(c, k, backend, id=f"{c.name}-{backend}")
          for c in catalog.all_concepts() for k in c.cases if k.expected is not None
          for backend in ("mathml", "reference")]


def test_there_are_seed_cases():
    assert len(SEEDED) >= 2 * 8


@pytest.mark.parametrize("concept, case, backend", SEEDED)
def test_seed_output_is_reproduced(concept, case, backend):
    got = concept.apply(concept.implementation(backend), case)
    verdict = compare.agree(got, case.expected, "printed")
    assert verdict.ok, f"{backend}.{concept.name}({case.describe()}): {verdict.detail}"
