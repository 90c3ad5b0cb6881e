"""The contract's exception classes as the reference libraries define them.

Each has the same name and the same bases as its `mathml.exceptions` twin, so
``except ValueError`` (or ``except LinAlgError``) catches both backends alike.
"""
from numpy.linalg import LinAlgError
from scipy.cluster.hierarchy import ClusterWarning
from scipy.integrate import IntegrationWarning
from scipy.stats import ConstantInputWarning, DegenerateDataWarning, NearConstantInputWarning
from scipy.stats._axis_nan_policy import SmallSampleWarning  # not exported by scipy.stats
from sklearn.exceptions import (ConvergenceWarning, DataConversionWarning, FitFailedWarning,
                                NotFittedError, UndefinedMetricWarning)
from sklearn.utils._param_validation import InvalidParameterError

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
