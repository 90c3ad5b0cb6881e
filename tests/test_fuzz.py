"""Bad input at the edges, for every concept (issue 16): no hang, no crash, the reference's
error or the reference's value; and the dtype rule: float32 in, the reference's floating
types out.

`reference.fuzz` replaces one argument of each concept's smallest example at a time by NaN,
inf, an empty array, a 0-d array, a 3-D array, a ragged list, a string, None or a complex
value and compares what the two backends do (see its docstring for the verdict). The run is
deterministic (the examples are fixed, the replacements too) and bounded (a time limit per
call); it takes about a minute on one core.

`OPEN` lists the mutants where mathml still differs from its reference: defects of issue 16
being fixed, not accepted differences. The test fails both on a new difference and on a
listed one that has gone, so the table shrinks as they are fixed: remove the labels you fix.
A difference kept on purpose (backed by CONTRACT.md) goes into `DELIBERATE` with its reason.
"""
import pytest

from reference import catalog
from reference.fuzz import dtype_difference, fuzz_concept

#: concept -> the labels (argument:replacement) of its mutants that still differ.
OPEN: dict[str, str] = {}

#: concept -> {label: why mathml deliberately does not do what the reference does}.
DELIBERATE: dict[str, dict[str, str]] = {
    "integrate.quad": {
        "arg1:inf": "∫ x² over [inf, 1] diverges: both warn IntegrationWarning and return "
                    "an estimate (CONTRACT.md §3); SciPy's 1/3 is as meaningless as mathml's",
        "arg2:inf": "∫ x² over [0, inf] diverges: both warn IntegrationWarning and return "
                    "an estimate (CONTRACT.md §3); SciPy's −0.33 is as meaningless as mathml's",
    },
    "optimize.minimize": {
        "options.gtol:0-d": "gtol = 1 (the 0-d replacement) is a valid, loose tolerance: both "
                            "stop early, far from the minimum, at points their different "
                            "line searches reach; the comparison is by optimum",
    },
    "optimize.gradient_descent": {
        "arg1:inf": "x0 = inf: both fail (success False); SciPy has no gradient descent and "
                    "its stand-in BFGS reports its line search (2), gradient descent the NaN "
                    "it meets (3, SciPy's code for it)",
    },
    "decomposition.PCA": {
        "n_components:None": "the example has n = 5 < p = 8, so all five components keep "
                             "the fifth, of variance 0 up to rounding: any unit vector "
                             "orthogonal to the other four (a 4-dimensional choice), which "
                             "mathml's SVD and LAPACK's pick differently; its transform "
                             "column and the reconstructions follow (CONTRACT.md: answers "
                             "that are not unique are not compared entry by entry)"},
}

#: concepts whose float32 input still comes back with other floating types than the
#: reference's (issue 16's dtype rule).
DTYPE_OPEN: set[str] = set()

CONCEPTS = [pytest.param(c, id=c.name) for c in catalog.all_concepts()]


def test_tables_name_concepts():
    names = {c.name for c in catalog.all_concepts()}
    assert not (set(OPEN) | set(DELIBERATE) | DTYPE_OPEN) - names


@pytest.mark.parametrize("concept", CONCEPTS)
def test_hostile_input_behaves_as_the_reference(concept):
    found = fuzz_concept(concept)
    expected = set(OPEN.get(concept.name, "").split()) | set(DELIBERATE.get(concept.name, {}))
    new = {label: problem for label, problem in found.items() if label not in expected}
    gone = sorted(expected - set(found))
    message = [f"{label}: {problem}" for label, problem in sorted(new.items())]
    if gone:
        message.append(f"now as the reference, remove from OPEN: {' '.join(gone)}")
    assert not message, "\n".join(message)


@pytest.mark.parametrize("concept", CONCEPTS)
def test_float32_input_keeps_the_reference_types(concept):
    difference = dtype_difference(concept)
    if concept.name in DTYPE_OPEN:
        assert difference, "now as the reference: remove it from DTYPE_OPEN"
    else:
        assert not difference, difference
