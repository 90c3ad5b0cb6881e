"""
The definite integral of x² on [0, 1]
=====================================

Seed file: ``000_dd9bfe186c948157.txt`` (seed 000), "Integration": the definite integral
``sp.integrate(x**2, (x, 0, 1))``, which SymPy gives exactly as 1/3.

mathml integrates numbers, not formulas: adaptive Gauss–Kronrod quadrature
(``ml.integrate.quad``, as SciPy's), Gauss–Legendre with a fixed number of nodes
(``ml.integrate.fixed_quad``: two nodes integrate a cubic exactly) and rules on samples
(``ml.integrate.trapezoid`` and ``ml.integrate.simpson``). Each is run through both backends
and checked against the seed's 1/3; the figure shows the area and how fast the trapezoid
rule's error falls with the number of samples (as 1/n²), for both backends.
"""
import matplotlib.pyplot as plt
import numpy as np

import mathml
import reference
from reference.compare import TOLERANCES

BACKENDS = {"mathml": mathml, "reference": reference}
SEED_VALUE = 1 / 3          # sp.integrate(x**2, (x, 0, 1)) = 1/3 (seed 000)


def f(x):
    return x**2


# %%
# The seed's integral, four ways, through each backend
# ----------------------------------------------------
# ``quad`` meets its requested tolerance (1.49e-8, the catalog's 'quadrature' entry);
# ``fixed_quad`` with two nodes and ``simpson`` are exact for x² up to rounding (the
# catalog's 'exact' rtol, 1e-12); the trapezoid rule overestimates x² on each interval of
# width h by exactly h³/6, so on n samples its error is h²/6 = 1/(6 (n − 1)²): 1/(6·49²) here.

samples = np.linspace(0.0, 1.0, 50)
trapezoid_error = 1 / (6 * 49**2)
results = {}
for name, ml in BACKENDS.items():
    value, error_estimate = ml.integrate.quad(f, 0.0, 1.0)
    gauss, _ = ml.integrate.fixed_quad(f, 0.0, 1.0, n=2)
    simpson = ml.integrate.simpson(f(samples), x=samples)
    trapezoid = ml.integrate.trapezoid(f(samples), x=samples)
    results[name] = value, gauss, simpson, trapezoid
    print(f"--- import {name} as ml")
    print(f"quad: {float(value)!r} (error estimate {error_estimate:.1e})")
    print(f"fixed_quad, 2 nodes: {float(gauss)!r}")
    print(f"simpson, 50 samples: {float(simpson)!r}")
    print(f"trapezoid, 50 samples: {float(trapezoid)!r} (exact error {trapezoid_error:.3e})")
    quadrature = TOLERANCES["quadrature"]
    np.testing.assert_allclose(value, SEED_VALUE, rtol=quadrature.rtol / 2, atol=quadrature.atol / 2,
                               err_msg=f"{name} quad drifted from 1/3")
    for label, got in (("fixed_quad", gauss), ("simpson", simpson),
                       ("trapezoid minus its error", trapezoid - trapezoid_error)):
        np.testing.assert_allclose(got, SEED_VALUE, rtol=TOLERANCES["exact"].rtol,
                                   err_msg=f"{name} {label} drifted from 1/3")

# %%
# Both backends on one figure
# ---------------------------
# Left: the area the seed computes, and the 5-sample trapezoids. Right: the trapezoid
# rule's error against the number of samples, mathml (dots) and reference (line).

fig, axes = plt.subplots(1, 2, figsize=(11, 4.2), layout="constrained")
ax = axes[0]
fine = np.linspace(0, 1, 200)
ax.fill_between(fine, f(fine), alpha=0.3, label=f"∫₀¹ x² dx = 1/3 (quad: {results['mathml'][0]:.6f})")
ax.plot(fine, f(fine), "k")
coarse = np.linspace(0, 1, 5)
ax.plot(coarse, f(coarse), "o-", color="C3", label="trapezoids on 5 samples")
ax.vlines(coarse, 0, f(coarse), color="C3")
ax.set_title("Seed 000: the definite integral of x² on [0, 1]")
ax.legend(fontsize=8)
ax = axes[1]
counts = np.unique(np.geomspace(3, 2000, 15).astype(int))
for name, ml, style in (("mathml", mathml, "o"), ("reference", reference, "k-")):
    errors = [abs(ml.integrate.trapezoid(f(np.linspace(0, 1, n)), x=np.linspace(0, 1, n))
                  - SEED_VALUE) for n in counts]
    ax.loglog(counts, errors, style, label=f"{name}: |trapezoid − 1/3|")
ax.loglog(counts, 1 / (6 * (counts - 1.0) ** 2), ":", color="0.5", label="1 / (6 (n − 1)²)")
ax.set_xlabel("number of samples n")
ax.set_title("The trapezoid rule's error falls as 1/n²")
ax.legend(fontsize=8)
