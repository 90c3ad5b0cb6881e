"""Result objects and small samples of `stats` as SciPy has them (issue 16).

The catalog compares the numbers; here the objects themselves are held against SciPy's:
what unpacking, indexing, ``len`` and ``repr`` see, and which fields are attributes only.
Then the issue's reproducers, each on both backends: the warning classes are each
backend's own (mathml's twins of SciPy's classes), compared by name.
"""
import math
import pickle
import warnings

import numpy as np
import pytest
import scipy.stats

import mathml.exceptions
import mathml.stats as ms
import reference.exceptions
import reference.stats as rs
from reference import catalog
from reference.catalog.stats._descriptive import SMALL_SAMPLES as _DESCRIPTIVE_SMALL
from reference.catalog.stats._tests import SMALL_SAMPLES as _TESTS_SMALL
from reference.fuzz import as_float32, floating_types
from reference.runner import run_case

BACKENDS = [pytest.param((ms, mathml.exceptions), id="mathml"),
            pytest.param((rs, reference.exceptions), id="reference")]

_A, _B = np.array([1.0, 2.0, 3.0, 7.0]), np.array([2.0, 3.0, 5.0, 1.0])

#: (call on a stats module, the SciPy call, the attributes outside the tuple)
RESULTS = {
    "ttest_1samp": (lambda m: m.ttest_1samp(_A, 1.0), lambda: scipy.stats.ttest_1samp(_A, 1.0),
                    ("df",)),
    "ttest_ind": (lambda m: m.ttest_ind(_A, _B), lambda: scipy.stats.ttest_ind(_A, _B), ("df",)),
    "ttest_ind Welch": (lambda m: m.ttest_ind(_A, _B, equal_var=False),
                        lambda: scipy.stats.ttest_ind(_A, _B, equal_var=False), ("df",)),
    "chi2_contingency": (lambda m: m.chi2_contingency([[10, 20], [30, 25]]),
                         lambda: scipy.stats.chi2_contingency([[10, 20], [30, 25]]), ()),
    "mode": (lambda m: m.mode(np.array([1, 2, 2])), lambda: scipy.stats.mode([1, 2, 2]), ()),
    "pearsonr": (lambda m: m.pearsonr(_A, _B), lambda: scipy.stats.pearsonr(_A, _B), ()),
    "spearmanr": (lambda m: m.spearmanr(_A, _B), lambda: scipy.stats.spearmanr(_A, _B), ()),
}


@pytest.mark.parametrize("name", RESULTS)
def test_result_objects_are_scipys(name):
    ours_call, scipy_call, extra = RESULTS[name]
    ours, theirs = ours_call(ms), scipy_call()
    assert type(ours).__name__ == type(theirs).__name__
    assert isinstance(ours, tuple) and len(ours) == len(theirs)
    assert ours._fields == theirs._fields
    for got, expected in zip(tuple(ours), tuple(theirs)):  # the same values, the same types
        np.testing.assert_allclose(got, expected, rtol=1e-12)
        assert type(got) is type(expected)
    for field in ours._fields + extra:  # every field is an attribute
        np.testing.assert_allclose(getattr(ours, field), getattr(theirs, field), rtol=1e-12)
        assert type(getattr(ours, field)) is type(getattr(theirs, field))
    for field in extra:  # ... and the extra ones only attributes
        assert not any(v is getattr(ours, field) for v in ours)
    assert ours[-1] is tuple(ours)[-1] and ours[:1] == tuple(ours)[:1]
    # repr: the class name and every field, tuple and extra, with NumPy's scalar reprs
    assert repr(ours).split("=")[0] == repr(theirs).split("=")[0]
    assert repr(ours).count("=") == repr(theirs).count("=")
    assert repr(ours).count("np.float64(") == repr(theirs).count("np.float64(")


@pytest.mark.parametrize("name", RESULTS)
def test_result_objects_pickle_and_replace(name):
    res = RESULTS[name][0](ms)
    again = pickle.loads(pickle.dumps(res))
    assert repr(again) == repr(res)
    first = res._fields[0]
    assert getattr(res._replace(**{first: 0.5}), first) == 0.5


def test_result_fields_are_read_only_and_extras_are_not():
    res = ms.ttest_ind(_A, _B)
    with pytest.raises(AttributeError):
        res.statistic = 1.0  # type: ignore[misc]
    res.df = 3.0  # as SciPy's: the extra fields are plain attributes
    assert res.df == 3.0


@pytest.mark.parametrize("backend", BACKENDS)
def test_ttest_unpacks_to_statistic_and_pvalue(backend):
    stats, _ = backend
    t, p = stats.ttest_ind([1, 2, 3.0], [2, 3, 5.0])  # the reproducer
    res = stats.ttest_ind([1, 2, 3.0], [2, 3, 5.0])
    assert (t, p) == (res.statistic, res.pvalue) and res.df == 4.0
    t, p = stats.ttest_1samp([1, 2, 3.0], 1.0)
    r, p = stats.pearsonr([1, 2, 3.0], [1, 3, 2.0])
    rho, p = stats.spearmanr([1, 2, 3.0], [1, 3, 2.0])
    m, c = stats.mode(np.array([1, 2, 2]))
    X2, p, dof, E = stats.chi2_contingency([[10, 20], [30, 25]])


def _warned(call):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = call()
    return result, [type(w.message) for w in caught]


@pytest.mark.parametrize("backend", BACKENDS)
def test_empty_samples_give_nan_and_a_small_sample_warning(backend):
    stats, exc = backend
    for call in (lambda: stats.ttest_ind([], []), lambda: stats.ttest_1samp([], 0.0),
                 lambda: stats.ttest_ind([1.0, 2.0], []), lambda: stats.skew([]),
                 lambda: stats.kurtosis([]), lambda: stats.mode(np.array([]))):
        res, classes = _warned(call)
        assert classes and classes[0] is exc.SmallSampleWarning
        assert all(math.isnan(v) for v in np.ravel(res if np.ndim(res) == 0 else res[0]))
    res, classes = _warned(lambda: stats.ttest_ind([], []))
    assert math.isnan(res.df)


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_number_is_a_sample_of_one(backend):
    stats, _ = backend
    for f in (stats.skew, stats.kurtosis):
        res, classes = _warned(lambda: f(3.0))  # the reproducer: no AxisError
        assert math.isnan(res) and not classes
    res, _ = _warned(lambda: stats.ttest_1samp(3.0, 0.0))
    assert math.isnan(res.statistic) and res.df == 0


@pytest.mark.parametrize("backend", BACKENDS)
def test_numpy_statistics_of_an_empty_sample(backend):
    stats, _ = backend
    for f, message in ((stats.mean, "Mean of empty slice"), (stats.median, "Mean of empty slice"),
                       (stats.var, "Degrees of freedom"), (stats.std, "Degrees of freedom")):
        with pytest.warns(RuntimeWarning, match=message):
            assert math.isnan(f([]))
    with pytest.raises(ValueError, match="empty"):  # contract: NumPy crashes (IndexError)
        stats.quantile([], 0.5)


@pytest.mark.parametrize("backend", BACKENDS)
def test_constant_samples_warn_precision_loss(backend):
    stats, _ = backend
    x = np.full(5, 0.1)
    for f in (stats.skew, stats.kurtosis, stats.zscore):
        with pytest.warns(RuntimeWarning, match="Precision loss"):
            assert np.isnan(f(x)).all()
    with warnings.catch_warnings():  # a constant 0 is exact: SciPy's rule is relative
        warnings.simplefilter("error")
        assert math.isnan(stats.skew(np.zeros(4)))


@pytest.mark.parametrize("backend", BACKENDS)
def test_constant_input_warning_in_correlations(backend):
    stats, exc = backend
    for f in (stats.pearsonr, stats.spearmanr):
        res, classes = _warned(lambda: f([1.0, 2.0, 3.0], [2.0, 2.0, 2.0]))
        assert classes == [exc.ConstantInputWarning]
        assert math.isnan(res[0]) and math.isnan(res[1])
    # ties that leave the ranks varying are no warning (SciPy: only a constant input)
    res, classes = _warned(lambda: stats.spearmanr([1.0, 1.0, 2.0, 3.0], [1.0, 2.0, 3.0, 4.0]))
    assert not classes and 0 < res[0] < 1
    assert issubclass(exc.ConstantInputWarning, exc.DegenerateDataWarning)
    assert issubclass(exc.SmallSampleWarning, RuntimeWarning)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("bad, raises", [(None, TypeError), ("abc", TypeError),
                                         ([[1.0, 2.0], [3.0]], ValueError)])
def test_not_numbers_are_refused_naming_the_argument(backend, bad, raises):
    stats, _ = backend
    with pytest.raises(raises) as info:
        stats.mean(bad)
    if backend[0] is ms:  # mathml's messages name the argument
        assert "`a`" in str(info.value)


SMALL = [pytest.param(name, c, id=f"{name}-{c.label}")
         for name, cases in {**_DESCRIPTIVE_SMALL, **_TESTS_SMALL}.items() for c in cases]


@pytest.mark.parametrize("name, c", SMALL)
def test_small_samples_agree(name, c):
    """The catalog's empty, 0-d and one-observation samples, compared as its cases are."""
    result = run_case(catalog.get(name), c)
    assert result.ok, result.explain()


_DESCRIPTIVE_AND_TESTS = [c for c in catalog.all_concepts(["stats"])
                          if c.name in {f"stats.{n}" for n in ms._descriptive.__all__
                                        + ms._tests.__all__}]
FLOAT32 = [pytest.param(concept, c, id=f"{concept.name}-{c.label}")
           for concept in _DESCRIPTIVE_AND_TESTS
           for c in concept.cases + _DESCRIPTIVE_SMALL.get(concept.name, ())
           + _TESTS_SMALL.get(concept.name, ())
           if as_float32(c) is not None]


@pytest.mark.parametrize("concept, c", FLOAT32)
def test_float32_in_the_libraries_types_out(concept, c):
    """The dtype rule on every example (tests/test_fuzz.py checks each concept's first):
    float32 in gives the floating types NumPy and SciPy give."""
    c32 = as_float32(c)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ours = concept.apply(concept.mathml, c32)
        theirs = concept.apply(concept.reference, c32)
    assert floating_types(ours) == floating_types(theirs)


def test_histogram_of_float32_samples_is_numpys():
    """Equal-width edges spaced in the sample's own arithmetic, as NumPy spaces them: the
    same edges to the bit, hence the same counts (float64 edges rounded to float32 would be
    an ulp off in places, and the counts near them could differ)."""
    rng = np.random.default_rng(0)
    for _ in range(100):
        x = (rng.integers(-50, 50, rng.integers(1, 40)) / 7).astype(np.float32)
        bins = int(rng.integers(1, 12))
        (h, e), (h_np, e_np) = ms.histogram(x, bins), np.histogram(x, bins)
        assert np.array_equal(h, h_np) and np.array_equal(e, e_np) and e.dtype == e_np.dtype
