"""Hypothesis profiles (docs/contract.md, "Hypothesis profiles"): `dev` by default, `ci` in
.ci/run, `deep` on demand.

Choose one with the environment variable HYPOTHESIS_PROFILE, e.g.
``HYPOTHESIS_PROFILE=deep pytest -k linalg.eig``.
"""
import os

from hypothesis import HealthCheck, settings
from threadpoolctl import threadpool_limits

# One BLAS thread per test process: the tests run in parallel processes on 2 cores, and a
# multithreaded BLAS in each (scikit-learn's lbfgs, NumPy's LAPACK calls) oversubscribes
# them — 20× slower under load. Correctness does not depend on the thread count.
threadpool_limits(1)

# Inputs are built by construction, so no health check about filtering should fire; the
# data-too-large check can, for the larger matrices, and is not a problem here.
_common = dict(deadline=None, suppress_health_check=[HealthCheck.data_too_large,
                                                     HealthCheck.too_slow])
settings.register_profile("dev", max_examples=25, **_common)
settings.register_profile("ci", max_examples=40, derandomize=True, database=None,
                          print_blob=True, **_common)
settings.register_profile("deep", max_examples=2000, **_common)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
