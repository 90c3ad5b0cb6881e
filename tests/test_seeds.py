"""The seeds' printed outputs (docs/concepts.md, "Where the concepts come from") reproduced
through both backends.

A seed's example is a catalog case whose ``expected`` is what the seed prints, as text, at the
seed's precision (``reference.printed``): ``"0.0065"`` from ``f"{mse:.4f}"`` stands for half a
unit of its 4th decimal, a NumPy array print for NumPy's 8 decimals, an integer for itself.
Where a seed computes without printing, ``expected`` is the value worked out by hand, compared
as NumPy would print it. Nothing is canonicalised here: the order, the signs and the dtype (an
integer prints without a decimal point) must be what the seed shows.
"""
import numpy as np
import pytest

from reference import catalog, printed

SEEDED = [pytest.param(c, k, backend, id=f"{c.name}-{backend}")
          for c in catalog.all_concepts() for k in c.cases if k.expected is not None
          for backend in ("mathml", "reference")]

def _texts(x):
    if isinstance(x, str):
        yield x
    elif isinstance(x, dict):
        for v in x.values():
            yield from _texts(v)
    elif isinstance(x, (tuple, list)):
        for v in x:
            yield from _texts(v)


TEXTS = sorted({t for c in catalog.all_concepts() for k in c.cases if k.seed
                for t in _texts(k.expected)})


def test_there_are_seed_cases():
    assert len(SEEDED) >= 2 * 8
    assert len(TEXTS) >= 8          # the seeds' printed outputs are stored as printed


@pytest.mark.parametrize("concept, case, backend", SEEDED)
def test_seed_output_is_reproduced(concept, case, backend):
    got = concept.apply(concept.implementation(backend), case)
    wrong = printed.mismatches(got, case.expected)
    assert not wrong, f"{backend}.{concept.name}({case.describe()}):\n" + "\n".join(wrong)


@pytest.mark.parametrize("text", TEXTS)
def test_a_wrong_last_digit_fails(text):
    """Each stored text accepts what rounds to it and nothing that rounds elsewhere."""
    value, decimals = printed.parse(text)
    assert not printed.mismatches(value, text)
    if decimals is None:                # integers: equal, and of integer dtype
        assert printed.mismatches(value + 1, text)
        assert printed.mismatches(value.astype(float), text)
        return
    unit = 10.0 ** -decimals
    assert not printed.mismatches(value + 0.49 * unit, text)
    assert not printed.mismatches(value - 0.49 * unit, text)
    assert printed.mismatches(value + 0.51 * unit, text)
    assert printed.mismatches(value - 0.51 * unit, text)
    assert printed.mismatches(value + unit, text)      # the next digit


def test_the_precision_comes_from_the_text():
    assert printed.parse("0.0065")[1] == 4
    assert printed.parse("2.20")[1] == 2
    assert printed.parse("[3. 1.]")[1] == printed.NUMPY_DECIMALS    # NumPy drops zeros
    assert printed.parse("32")[1] is None
    assert not printed.mismatches(0.006536995137170029, "0.0065")
    assert printed.mismatches(0.00656, "0.0065")
    assert printed.mismatches(np.array([3.0, 1.0]), "[1. 3.]")     # order is not canonicalised
    assert printed.mismatches(np.array([3.0, 1.0, 0.0]), "[3. 1.]")
    assert printed.mismatches(np.array([3, 1]), "[3. 1.]")          # a float print, an int
    assert printed.mismatches({"a": 1.0}, {"b": "1.0"})
    with pytest.raises(ValueError):
        printed.parse("Slope: 0.60")
