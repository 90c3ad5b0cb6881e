"""partial_fit of the naive Bayes classifiers: scikit-learn's rules for `classes` and its
messages (the numbers themselves are catalog cases)."""
import numpy as np
import pytest
import sklearn.naive_bayes as sk

import mathml.naive_bayes as ml

X = np.abs(np.random.default_rng(0).normal(size=(12, 3)))
y = np.arange(12) % 3
NAMES = ("GaussianNB", "MultinomialNB", "BernoulliNB")


def _error(make):
    with pytest.raises(ValueError) as info:
        make()
    return str(info.value)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("misuse", [
    lambda C: C().partial_fit(X, y),                                   # no classes at first
    lambda C: C().partial_fit(X, y, classes=[0, 1, 2]).partial_fit(X, y, classes=[0, 1, 5]),
    lambda C: C().partial_fit(X[:, :2], y, classes=[0, 1, 2]).partial_fit(X, y),
], ids=["classes required first", "classes changed", "features changed"])
def test_partial_fit_misuse_raises_as_scikit_learn(name, misuse):
    ours = _error(lambda: misuse(getattr(ml, name)))
    theirs = _error(lambda: misuse(getattr(sk, name)))
    assert ours == theirs


def test_gaussian_label_outside_classes():
    make = lambda C: C().partial_fit(X, y, classes=[0, 1])  # noqa: E731
    assert _error(lambda: make(ml.GaussianNB)) == _error(lambda: make(sk.GaussianNB))


@pytest.mark.parametrize("name", NAMES)
def test_fit_after_partial_fit_starts_over(name):
    model = getattr(ml, name)().partial_fit(X[:6], y[:6], classes=[0, 1, 2, 3])
    model.fit(X, y)
    assert model.classes_.tolist() == [0, 1, 2]
    np.testing.assert_array_equal(model.class_count_, [4.0, 4.0, 4.0])


@pytest.mark.parametrize("name", ["MultinomialNB", "BernoulliNB"])
@pytest.mark.parametrize("classes", [[0, 1], [0, 1, 2]])
def test_counting_labels_outside_classes_count_for_none(name, classes):
    """scikit-learn's binarizer gives such a row no class (no error for the counting
    classifiers): the same counts."""
    labels = np.array([0, 1, 5, 1, 0, 7, 0, 1, 2, 0, 1, 9])
    ours = getattr(ml, name)().partial_fit(X, labels, classes=classes)
    theirs = getattr(sk, name)().partial_fit(X, labels, classes=classes)
    np.testing.assert_array_equal(ours.class_count_, theirs.class_count_)
    np.testing.assert_array_equal(ours.feature_count_, theirs.feature_count_)
