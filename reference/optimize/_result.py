"""SciPy's `OptimizeResult`, the result of every solver of `reference.optimize`."""
from scipy.optimize import OptimizeResult

__all__ = ["OptimizeResult"]
