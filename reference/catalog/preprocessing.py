"""Catalog entries for data preparation (docs/concepts.md §6): `mathml.preprocessing` vs
scikit-learn.

An estimator concept runs ``fit`` on a case's first argument with the case's keyword
arguments as hyperparameters and returns its fitted attributes, ``transform`` of the second
argument and ``inverse_transform`` of that (where the transformer has one), so that every
method is compared. The bad inputs are docs/contract.md §3's estimator row, each raised with
scikit-learn's class and wording by both backends.
"""
from __future__ import annotations

import numpy as np
import scipy.sparse
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from sklearn.model_selection import train_test_split

from ._core import Bench, Concept, bad, case
from .strategies import reals

SEED = "002"  # the seed file whose examples open these cases
UNFITTED = "_unfitted"  # a case keyword: call transform without fit
BATCHES = "_batches"  # a case keyword: fit by partial_fit on this many consecutive row blocks


# --- running an estimator ------------------------------------------------------------------------

def _comparable(value):
    """Arrays of strings or objects (categories, decoded rows) as their dtype's kind and
    nested tuples of str, which the comparison matches exactly (so '<U5' against object
    is a difference); everything else as it is."""
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    if isinstance(value, np.ndarray) and value.dtype.kind in "OUS":
        return (value.dtype.kind, tuple(_comparable(v)[1] for v in value) if value.ndim > 1
                else tuple(str(v) for v in value))
    return value


def _runner(attributes: tuple[str, ...], inverse: bool = True):
    """run(cls, case): fit on args[0], transform args[1], and return every result."""
    def run(cls, c):
        params = {k: v for k, v in c.kwargs.items() if k not in (UNFITTED, BATCHES)}
        args = params.pop("args", ())
        estimator = cls(*args, **params)
        X, X_new = c.args
        if c.kwargs.get(UNFITTED):
            return estimator.transform(X_new)
        if c.kwargs.get(BATCHES):
            for block in np.array_split(X, c.kwargs[BATCHES]):
                estimator.partial_fit(block)
        else:
            estimator.fit(X)
        out = {name: _comparable(getattr(estimator, name)) for name in attributes}
        Z = estimator.transform(X_new)
        out["transform"] = Z
        # no column left (an encoder's single categories all dropped): scikit-learn's
        # check_array refuses to invert 0 features, and so does mathml (tests/test_preprocessing.py)
        if inverse and Z.shape[1]:
            out["inverse_transform"] = _comparable(estimator.inverse_transform(Z))
        return out
    return run


# --- inputs --------------------------------------------------------------------------------------

def _seed_split():
    """Seed 002: X = 10·U(0, 1) of shape (1000, 1) after np.random.seed(42), split 80/20 by
    scikit-learn's train_test_split(test_size=0.2, random_state=42)."""
    X = np.random.RandomState(42).rand(1000, 1) * 10
    X_train, X_test = train_test_split(X, test_size=0.2, random_state=42)
    return X_train, X_test


def _data(min_rows: int = 1):
    """(X, X_new): real matrices with the same number of columns; a column may be constant."""
    @st.composite
    def draw(draw_):
        n, m, p = draw_(st.integers(min_rows, 8)), draw_(st.integers(1, 5)), draw_(st.integers(1, 4))
        X = draw_(arrays(np.float64, (n, p), elements=reals()))
        if draw_(st.booleans()):
            X[:, 0] = X[0, 0]  # a constant feature: scale 1 by convention
        return X, draw_(arrays(np.float64, (m, p), elements=reals()))
    return draw()


def _with(params):
    return lambda: st.tuples(_data(), params).map(lambda d: case(*d[0], **d[1]))


def _bench(n, rng, p=8):
    return case(rng.uniform(-10, 10, (n, p)), rng.uniform(-10, 10, (n, p)))


def _bench_scaler(n, rng):
    """10000×50 (fit, then transform of as many new rows): what a scaler meets."""
    return _bench(n, rng, p=50)


_X3 = np.array([[1.0, 2.0, 0.5], [3.0, -1.0, 2.5], [0.0, 4.0, -1.0], [2.0, 2.0, 1.0]])
_X3_NEW = np.array([[0.5, 1.0, 0.0], [4.0, -2.0, 3.0]])


def _estimator_bad(name: str, invalid: dict, X_ok=_X3):
    """docs/contract.md §3, the estimator row, for a transformer named `name`."""
    nan, inf, cplx = X_ok.copy(), X_ok.copy(), X_ok.astype(complex)
    nan[0, 0], inf[1, 1], cplx[0, 0] = np.nan, np.inf, 1 + 2j
    return (
        bad(nan, _X3_NEW, raises=ValueError, match="Input X contains NaN", label="NaN in X"),
        bad(inf, _X3_NEW, raises=ValueError, match="Input X contains infinity",
            label="inf in X"),
        bad(X_ok[:, 0], _X3_NEW, raises=ValueError,
            match=r"Expected 2D array, got 1D array instead:[\s\S]*Reshape your data", label="1-D X"),
        bad(np.empty((0, 3)), _X3_NEW, raises=ValueError,
            match=r"Found array with 0 sample\(s\)", label="empty X"),
        bad(cplx, _X3_NEW, raises=ValueError, match="Complex data not supported",
            label="complex X"),
        bad(scipy.sparse.csr_matrix(X_ok), _X3_NEW, raises=TypeError,
            match="Sparse data was passed for X, but dense data is required",
            label="sparse X"),
        bad(X_ok, _X3_NEW[:, :2], raises=ValueError,
            match=f"X has 2 features, but {name} is expecting 3 features as input",
            label="wrong number of features in transform"),
        bad(X_ok, _X3_NEW, raises=ValueError, match="not fitted yet",
            label="transform before fit (NotFittedError)", **{UNFITTED: True}),
        bad(X_ok, _X3_NEW, raises=ValueError, match=f"parameter of {name} must be",
            label="invalid hyperparameter (InvalidParameterError)", **invalid),
    )


# eleven rows for the partial_fit cases (np.array_split: batches of unequal sizes)
_STREAM = np.random.default_rng(14).normal(size=(11, 3)) * [1.0, 50.0, 1e-3] + [0.0, 3.0, -7.0]

_SCALER_ATTRS = ("mean_", "var_", "scale_", "n_samples_seen_", "n_features_in_")
_MINMAX_ATTRS = ("data_min_", "data_max_", "data_range_", "scale_", "min_",
                 "n_samples_seen_", "n_features_in_")

_CATEGORIES = np.array([["red", "S"], ["green", "M"], ["red", "L"], ["blue", "M"]])
_CATEGORIES_NEW = np.array([["green", "L"], ["blue", "S"]])


def _encoder_run(cls, c):
    """The transformer's run, plus the output column names and (when pooling is on) the
    infrequent categories of each feature."""
    out = _runner(("categories_", "drop_idx_", "n_features_in_"))(cls, c)
    if isinstance(out, dict):
        params = {k: v for k, v in c.kwargs.items() if k not in (UNFITTED, BATCHES)}
        encoder = cls(**params).fit(c.args[0])
        out["get_feature_names_out"] = _comparable(encoder.get_feature_names_out())
        if params.get("min_frequency") is not None or params.get("max_categories") is not None:
            out["infrequent_categories_"] = [None if v is None else _comparable(v)
                                             for v in encoder.infrequent_categories_]
    return out


# a feature with rare categories (a: 4, b: 1, c: 2, d: 1) and one without (x: 3, y: 5)
_RARE = np.array([["a", "x"], ["a", "y"], ["a", "y"], ["b", "y"], ["c", "y"], ["c", "x"],
                  ["d", "y"], ["a", "x"]])
_RARE_NEW = np.array([["a", "x"], ["d", "y"], ["e", "y"], ["c", "w"]])
_WITH_NONE = np.array([["a", None], [None, "x"], ["b", "x"], ["a", "y"], [None, "y"]],
                      dtype=object)


def _categorical(params):
    @st.composite
    def draw(draw_):
        n, p = draw_(st.integers(2, 8)), draw_(st.integers(1, 3))
        pool = ["a", "b", "c", "d"] if draw_(st.booleans()) else [0.0, 1.5, -2.0, 7.0]
        values = st.sampled_from(pool)
        X = np.array(draw_(st.lists(st.lists(values, min_size=p, max_size=p),
                                    min_size=n, max_size=n)))
        # two categories at least per feature: drop='first' must leave a column
        X[0], X[1] = pool[0], pool[1]
        # new rows reuse seen values (unknown ones only where handle_unknown='ignore')
        kwargs = draw_(params)
        if kwargs.get("handle_unknown") == "ignore":
            X_new = np.array(draw_(st.lists(st.lists(values, min_size=p, max_size=p),
                                            min_size=1, max_size=4)))
        else:
            rows = draw_(st.lists(st.integers(0, n - 1), min_size=1, max_size=4))
            X_new = X[rows]
        return case(X, X_new, **kwargs)
    return draw()


CONCEPTS = (
    Concept(
        name="preprocessing.StandardScaler",
        reference_call="sklearn.preprocessing.StandardScaler",
        comparison="exact", tolerance="exact",
        cases=(
            case(*_seed_split(), seed=SEED,
                 label="seed 002: StandardScaler on 10·U(0,1), train/test split 80/20"),
            case(_X3, _X3_NEW, label="3 features"),
            case(_X3, _X3_NEW, with_mean=False, label="with_mean=False"),
            case(_X3, _X3_NEW, with_std=False, label="with_std=False"),
            case(_X3, _X3_NEW, with_mean=False, with_std=False, label="identity"),
            case(np.array([[5.0, 1.0], [5.0, 2.0]]), _X3_NEW[:, :2],
                 label="a constant feature: scale 1"),
            case(np.array([[1e8 + 1, 0.0], [1e8 + 2, 1.0], [1e8 + 3, 2.0]]), _X3_NEW[:, :2],
                 label="large mean: the corrected two-pass variance"),
            case(_STREAM, _X3_NEW, _batches=4,
                 label="partial_fit on 4 batches (Chan et al.'s pooled update)"),
            case(_STREAM + [1e6, 0.0, 0.0], _X3_NEW, _batches=7,
                 label="partial_fit on 7 batches of 1 to 2 rows, a large mean"),
            case(_STREAM, _X3_NEW, _batches=3, with_mean=False, label="partial_fit, with_mean=False"),
            case(_STREAM, _X3_NEW, _batches=3, with_std=False, label="partial_fit, with_std=False"),
            case(_STREAM, _X3_NEW, _batches=3, with_mean=False, with_std=False,
                 label="partial_fit, identity: an integer count"),
        ),
        strategy=_with(st.fixed_dictionaries({}, optional={"with_mean": st.booleans(),
                                                           "with_std": st.booleans()})),
        bad=_estimator_bad("StandardScaler", {"with_mean": "yes"}),
        bench=Bench(10000, _bench_scaler),
        seeds=(SEED,),
        run=_runner(_SCALER_ATTRS),
        note="fitted attributes, transform of new data and inverse_transform are compared; "
             "n_samples_seen_ is a float as in scikit-learn (its running-mean routine "
             "counts in floating point). scikit-learn treats NaN as missing; the contract "
             "refuses it (the reference wrapper checks first).",
    ),
    Concept(
        name="preprocessing.MinMaxScaler",
        reference_call="sklearn.preprocessing.MinMaxScaler",
        comparison="exact", tolerance="exact",
        cases=(
            case(_X3, _X3_NEW, label="default range (0, 1)"),
            case(_X3, _X3_NEW, feature_range=(-1, 3), label="range (-1, 3)"),
            case(_X3, _X3_NEW, clip=True, label="clip new data to the range"),
            case(np.array([[5.0, 1.0], [5.0, 2.0]]), _X3_NEW[:, :2],
                 label="a constant feature: range 1"),
            case(_STREAM, _X3_NEW, _batches=4, feature_range=(-1, 3),
                 label="partial_fit on 4 batches"),
        ),
        strategy=_with(st.fixed_dictionaries({}, optional={
            "feature_range": st.sampled_from([(0, 1), (-1, 1), (-5.0, 2.5)]),
            "clip": st.booleans()})),
        bad=_estimator_bad("MinMaxScaler", {"clip": "no"}) + (
            bad(_X3, _X3_NEW, feature_range=(1, 0), raises=ValueError,
                match="Minimum of desired feature range must be smaller than maximum",
                label="feature_range reversed"),),
        bench=Bench(10000, _bench_scaler),
        run=_runner(_MINMAX_ATTRS),
        note="scikit-learn treats NaN as missing; the contract refuses it (the reference "
             "wrapper checks first).",
    ),
    Concept(
        name="preprocessing.PolynomialFeatures",
        reference_call="sklearn.preprocessing.PolynomialFeatures",
        comparison="exact", tolerance="exact",
        cases=(
            case(np.array([[2.0, 3.0]]), np.array([[2.0, 3.0], [-1.0, 0.5]]),
                 label="degree 2: 1, a, b, a², ab, b²"),
            case(_X3, _X3_NEW, degree=3, label="degree 3, 3 features"),
            case(_X3, _X3_NEW, degree=3, interaction_only=True, label="interactions only"),
            case(_X3, _X3_NEW, include_bias=False, label="no bias column"),
            case(_X3, _X3_NEW, degree=0, label="degree 0: the bias column only"),
            case(_X3, _X3_NEW, args=(3,), label="PolynomialFeatures(3): a positional degree"),
            case(_X3, _X3_NEW, degree=(2, 3), label="degree=(2, 3): degrees 2 and 3 (and bias)"),
            case(_X3, _X3_NEW, degree=(2, 4), include_bias=False, interaction_only=True,
                 label="degree=(2, 4), interactions only, no bias"),
            case(_X3, _X3_NEW, degree=(0, 0), label="degree=(0, 0): the bias column only"),
            case(_X3, _X3_NEW, degree=(1, 2), order="F", label="order='F'"),
        ),
        strategy=_with(st.fixed_dictionaries({}, optional={
            "degree": st.integers(1, 3), "interaction_only": st.booleans(),
            "include_bias": st.booleans()})),
        bad=_estimator_bad("PolynomialFeatures", {"degree": -1}) + (
            bad(_X3, _X3_NEW, degree=0, include_bias=False, raises=ValueError,
                match="empty output array", label="degree 0 without bias"),
            bad(_X3, _X3_NEW, degree=(3, 2), raises=ValueError,
                match=r"degree=\(min_degree, max_degree\) must be non-negative integers",
                label="degree=(3, 2)"),
            bad(_X3, _X3_NEW, degree=(0, 0), include_bias=False, raises=ValueError,
                match="Setting both min_degree and max_degree to zero",
                label="degree=(0, 0) without bias"),
            bad(_X3, _X3_NEW, degree=(1, 2, 3), raises=ValueError,
                match="degree must be a non-negative int or tuple", label="three degrees"),),
        bench=Bench(20_000, _bench),
        run=_runner(("powers_", "n_output_features_", "n_features_in_"), inverse=False),
        note="the columns come in scikit-learn's order (by degree, then "
             "combinations_with_replacement).",
    ),
    Concept(
        name="preprocessing.OneHotEncoder",
        reference_call="sklearn.preprocessing.OneHotEncoder(sparse_output=False)",
        comparison="exact", tolerance="identical",
        cases=(
            case(_CATEGORIES, _CATEGORIES_NEW, label="two string features"),
            case(_CATEGORIES, _CATEGORIES_NEW, drop="first", label="drop='first'"),
            case(_CATEGORIES, _CATEGORIES_NEW, drop="if_binary", label="drop='if_binary'"),
            case(_CATEGORIES, np.array([["purple", "M"]]), handle_unknown="ignore",
                 label="an unknown category, ignored: zeros"),
            case(_X3, _X3, label="numeric categories"),
            case(_CATEGORIES, _CATEGORIES_NEW,
                 categories=[["red", "green", "blue", "white"], ["S", "M", "L"]],
                 label="given categories, in the given order"),
            case(_CATEGORIES, _CATEGORIES_NEW, drop=["green", "M"], label="drop an array"),
            case(_RARE, _RARE[:3], min_frequency=2, label="min_frequency=2: b, d pooled"),
            case(_RARE, _RARE[:3], min_frequency=0.3, label="min_frequency=0.3 (a fraction)"),
            case(_RARE, _RARE_NEW, max_categories=3, handle_unknown="infrequent_if_exist",
                 label="max_categories=3, unknown values to the infrequent column"),
            case(_RARE, _RARE_NEW, max_categories=2, min_frequency=2, handle_unknown="ignore",
                 label="max_categories and min_frequency, unknown ignored"),
            case(_RARE, _RARE_NEW, max_categories=1, handle_unknown="infrequent_if_exist",
                 label="max_categories=1: everything infrequent"),
            case(_RARE, _RARE_NEW, min_frequency=2, handle_unknown="warn",
                 label="handle_unknown='warn' (scikit-learn 1.9): infrequent, with a warning"),
            case(_RARE, _RARE_NEW, min_frequency=2, drop="first",
                 handle_unknown="infrequent_if_exist", label="drop='first' after pooling"),
            case(_RARE, _RARE_NEW, min_frequency=3, drop="if_binary",
                 handle_unknown="infrequent_if_exist",
                 label="drop='if_binary' counts the pooled columns"),
            case(_RARE, _RARE[:4], min_frequency=2, drop=["c", "y"],
                 label="drop an array with pooling: a frequent category's column"),
            case(_RARE, _RARE_NEW, max_categories=1, drop="first",
                 handle_unknown="infrequent_if_exist",
                 label="everything infrequent, drop='first': no column left"),
            case(_WITH_NONE, _WITH_NONE, label="object categories with None (sorted last)"),
            case(_WITH_NONE, np.array([["z", None], ["a", "q"]], dtype=object),
                 drop=[None, "x"], handle_unknown="ignore", label="drop None; unknown ignored"),
            case(_WITH_NONE, _WITH_NONE, min_frequency=2, label="None among rare categories"),
            case(_X3, _X3, dtype=np.float32, label="dtype=float32"),
            case(_CATEGORIES.tolist(), _CATEGORIES_NEW.tolist(),
                 label="a list of strings: object categories (an array of str keeps <U)"),
            case([["a", 1], ["b", 2], ["a", 2]], [["b", 1]],
                 label="a list of strings and ints: each column keeps its values' type"),
        ),
        strategy=lambda: _categorical(st.fixed_dictionaries({}, optional={
            "drop": st.sampled_from([None, "first", "if_binary"]),
            "handle_unknown": st.sampled_from(["error", "ignore", "infrequent_if_exist"]),
            "min_frequency": st.sampled_from([None, 2, 0.25]),
            "max_categories": st.sampled_from([None, 1, 2, 3])})),
        bad=_estimator_bad("OneHotEncoder", {"handle_unknown": "bogus"}) + (
            bad(_CATEGORIES, np.array([["purple", "M"]]), raises=ValueError,
                match="Found unknown categories", label="unknown category in transform"),
            bad(_RARE, _RARE, min_frequency=2, drop=["d", "x"], raises=ValueError,
                match="Unable to drop category 'd' from feature 0 because it is infrequent",
                label="drop an infrequent category"),
            bad(_CATEGORIES, _CATEGORIES, drop=["purple", "M"], raises=ValueError,
                match="were supposed to be dropped, but were not found",
                label="drop a category not seen"),
            bad(_CATEGORIES, _CATEGORIES, drop=["red"], raises=ValueError,
                match=r"`drop` should have length equal to the number of features \(2\)",
                label="drop of the wrong length"),
            bad(_X3, _X3, categories=[[2.0, 1.0, 0.0, 3.0], [2.0, -1.0, 4.0],
                                      [0.5, 2.5, -1.0, 1.0]], raises=ValueError,
                match="Unsorted categories are not supported", label="unsorted numbers"),
            bad(_RARE, _RARE, min_frequency=1.5, raises=ValueError,
                match="The 'min_frequency' parameter of OneHotEncoder must be",
                label="min_frequency a float ≥ 1"),
            bad(_RARE, _RARE, sparse_output=True, raises=ValueError,
                match="sparse_output=True is not supported: mathml has no sparse matrices",
                label="sparse_output=True (dense only)"),
            bad(_RARE, _RARE_NEW, min_frequency=2, handle_unknown="warn", warns=UserWarning,
                match="Found unknown categories",
                label="handle_unknown='warn': the warning of the case above"),),
        bench=Bench(20_000, lambda n, rng: case(*[rng.integers(0, 10, (n, 4)).astype(float)] * 2)),
        run=_encoder_run,
        note="dense output only: sparse_output defaults to False in both, True is refused "
             "(scikit-learn's own default is True, a CSR matrix). scikit-learn "
             "makes NaN a category of its own; the contract refuses it (the reference "
             "wrapper checks first).",
    ),
)
