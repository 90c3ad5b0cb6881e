"""The exception and warning classes of the contract between the two backends.

`mathml` defines scikit-learn's and SciPy's classes itself (same names, same bases) so that
it never imports those libraries. `LinAlgError` is NumPy's own class, re-exported: it is the
one name `mathml` takes from `numpy.linalg`.
"""
from numpy.linalg import LinAlgError

__all__ = [
    "LinAlgError",
    "NotFittedError",
    "InvalidParameterError",
    "ConvergenceWarning",
    "IntegrationWarning",
    "DataConversionWarning",
    "UndefinedMetricWarning",
    "ClusterWarning",
    "FitFailedWarning",
    "DegenerateDataWarning",
    "ConstantInputWarning",
    "NearConstantInputWarning",
    "SmallSampleWarning",
]


class NotFittedError(ValueError, AttributeError):
    """An estimator was used before `fit` (scikit-learn's `NotFittedError`)."""


class InvalidParameterError(ValueError, TypeError):
    """A hyperparameter has a wrong type or value (scikit-learn's `InvalidParameterError`)."""


class ConvergenceWarning(UserWarning):
    """An iterative method stopped before meeting its tolerance."""


class IntegrationWarning(UserWarning):
    """`quad` could not reach the requested accuracy (SciPy's `IntegrationWarning`)."""


class DataConversionWarning(UserWarning):
    """Input data was converted, e.g. a column-vector y raveled (scikit-learn's warning)."""


class UndefinedMetricWarning(UserWarning):
    """A metric is ill-defined for the input (no positive samples, one class, …) and was
    set by convention (scikit-learn's ``UndefinedMetricWarning``)."""


class ClusterWarning(UserWarning):
    """`linkage` was given what looks like a square distance matrix (SciPy's warning)."""


class FitFailedWarning(RuntimeWarning):
    """Some fits of a cross-validation failed and scored ``error_score`` (scikit-learn's
    ``FitFailedWarning``)."""


class DegenerateDataWarning(RuntimeWarning):
    """The data make a statistic undefined or unreliable (SciPy's ``scipy.stats`` warning)."""


class ConstantInputWarning(DegenerateDataWarning):
    """An input is constant: a correlation is undefined, returned as nan (SciPy's warning)."""


class NearConstantInputWarning(DegenerateDataWarning):
    """An input is constant to rounding: a correlation may be inaccurate (SciPy's warning)."""


class SmallSampleWarning(RuntimeWarning):
    """A sample is too small for the statistic (empty, or fewer observations than it
    needs); the result is nan (SciPy's ``scipy.stats`` warning)."""
