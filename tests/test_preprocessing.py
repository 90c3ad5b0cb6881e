"""Specifics of `mathml.preprocessing` beyond the catalog's cases: the warnings and errors of
OneHotEncoder's unknown and infrequent categories, and the types of partial_fit's count, each
against scikit-learn."""
import warnings

import numpy as np
import pytest
import sklearn.preprocessing as sk

import mathml.preprocessing as ml

RARE = np.array([["a", "x"], ["a", "y"], ["a", "y"], ["b", "y"], ["c", "y"], ["c", "x"],
                 ["d", "y"], ["a", "x"]])
NEW = np.array([["e", "y"], ["a", "w"]])


def _outcome(make):
    """(result or exception text, warning texts) of make()."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = make()
        except (ValueError, TypeError) as error:
            result = f"{type(error).__name__}: {error}"
    return result, [str(w.message) for w in caught]


@pytest.mark.parametrize("params", [
    dict(handle_unknown="warn"), dict(handle_unknown="warn", min_frequency=2),
    dict(handle_unknown="ignore", drop="first"),
    dict(handle_unknown="infrequent_if_exist", drop="if_binary", max_categories=2),
], ids=str)
def test_unknown_categories_warn_as_scikit_learn(params):
    ours = _outcome(lambda: ml.OneHotEncoder(**params).fit(RARE).transform(NEW).tolist())
    theirs = _outcome(lambda: sk.OneHotEncoder(**params, sparse_output=False).fit(RARE)
                      .transform(NEW).tolist())
    assert ours == theirs
    assert ours[1], "each of these warns"


def test_no_column_left_cannot_be_inverted_as_in_scikit_learn():
    X = np.array([["a"], ["b"]])
    make = lambda mod, **kw: mod.OneHotEncoder(max_categories=1, drop="first", **kw).fit(X)  # noqa: E731
    ours, theirs = make(ml), make(sk, sparse_output=False)
    assert ours.transform(X).shape == theirs.transform(X).shape == (2, 0)
    assert _outcome(lambda: ours.inverse_transform(np.zeros((2, 0)))) == \
        _outcome(lambda: theirs.inverse_transform(np.zeros((2, 0))))


def test_infrequent_feature_names_and_attribute():
    ours = ml.OneHotEncoder(min_frequency=2).fit(RARE)
    theirs = sk.OneHotEncoder(min_frequency=2).fit(RARE)
    assert ours.get_feature_names_out(["colour", "size"]).tolist() == \
        theirs.get_feature_names_out(["colour", "size"]).tolist()
    assert [c.tolist() if c is not None else None for c in ours.infrequent_categories_] == \
        [c.tolist() if c is not None else None for c in theirs.infrequent_categories_]
    with pytest.raises(AttributeError):
        ml.OneHotEncoder().fit(RARE).infrequent_categories_  # noqa: B018


def test_strings_mixed_with_none_and_numbers():
    mixed = np.array([["a"], [1], [None]], dtype=object)
    assert _outcome(lambda: ml.OneHotEncoder().fit(mixed)) == \
        _outcome(lambda: sk.OneHotEncoder().fit(mixed))


@pytest.mark.parametrize("with_mean, with_std", [(True, True), (False, True), (True, False),
                                                 (False, False)])
def test_partial_fit_count_is_typed_as_scikit_learn(with_mean, with_std):
    rng = np.random.default_rng(0)
    ours = ml.StandardScaler(with_mean=with_mean, with_std=with_std)
    theirs = sk.StandardScaler(with_mean=with_mean, with_std=with_std)
    for n in (3, 4, 1):
        X = rng.normal(size=(n, 2))
        ours.partial_fit(X)
        theirs.partial_fit(X)
        assert type(ours.n_samples_seen_) is type(theirs.n_samples_seen_)
        assert ours.n_samples_seen_ == theirs.n_samples_seen_


def test_fit_after_partial_fit_starts_over():
    X = np.arange(12.0).reshape(6, 2)
    for cls in (ml.StandardScaler, ml.MinMaxScaler):
        scaler = cls().partial_fit(X[:3] * 100).fit(X)
        assert scaler.n_samples_seen_ == 6
        np.testing.assert_array_equal(scaler.transform(X), cls().fit(X).transform(X))
