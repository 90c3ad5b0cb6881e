"""No stray warnings: on the catalog's regular cases, mathml warns only where the reference
warns too (a warning that is the contract's is checked by a bad-input case)."""
import warnings

import pytest

from reference import catalog

# the concepts whose cases once warned in mathml alone (∞ · 0 in erfc's continued fraction,
# 0/0 in a variance of one sample and in a discarded branch of a where)
QUIETED = ["special.erf", "special.erfc", "stats.ttest_ind", "nn.binary_cross_entropy"]


def _warnings(concept, backend, c):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        concept.apply(concept.implementation(backend), c)
    return {(w.category, str(w.message)) for w in caught}


@pytest.mark.parametrize("name", QUIETED)
def test_mathml_warns_only_where_the_reference_does(name):
    concept = catalog.get(name)
    for c in concept.cases:
        if _warnings(concept, "reference", c):
            continue
        assert not _warnings(concept, "mathml", c), (name, c.label)
