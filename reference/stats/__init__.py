"""Statistics through SciPy and NumPy: the reference for `mathml.stats`, one private module
per family as there (each adds its names below)."""
__all__: list[str] = []

from ._descriptive import (corrcoef, cov, histogram, kurtosis, mean, median, mode,
                           pearsonr, percentile, quantile, skew, spearmanr, std, var, zscore)

__all__ += ["mean", "median", "mode", "var", "std", "quantile", "percentile", "skew",
            "kurtosis", "zscore", "cov", "corrcoef", "pearsonr", "spearmanr", "histogram"]

from ._tests import chi2_contingency, ttest_1samp, ttest_ind

__all__ += ["ttest_1samp", "ttest_ind", "chi2_contingency"]

from ._distributions import (bernoulli, beta, binom, expon, gamma, multivariate_normal, norm,
                             poisson, uniform)

__all__ += ["norm", "uniform", "expon", "gamma", "beta", "bernoulli", "binom", "poisson",
            "multivariate_normal"]

# scipy.stats' warning classes, importable from here as from there (classes, not concepts:
# outside __all__; SmallSampleWarning is in `exceptions`, SciPy does not export it)
from scipy.stats import ConstantInputWarning, DegenerateDataWarning, NearConstantInputWarning  # noqa: E402,F401
