"""
A function and its derivative, from both backends
=================================================

The seeds start calculus with :math:`f(x) = x^2` and its derivative :math:`f'(x) = 2x`.
``derivative`` estimates the slope by finite differences (Richardson extrapolation); here
``mathml``'s and ``reference``'s estimates (SciPy's ``scipy.differentiate.derivative``) are
drawn over the exact line, and their largest difference is printed.
"""
import matplotlib.pyplot as plt
import numpy as np

import mathml
import reference

# %%
# Both backends estimate the slope at 41 points
# ---------------------------------------------

x = np.linspace(-2.0, 2.0, 41)
slopes = {name: backend.differentiate.derivative(lambda t: t ** 2, x).df
          for name, backend in (("mathml", mathml), ("reference", reference))}
print(f"largest difference between the backends: "
      f"{np.max(np.abs(slopes['mathml'] - slopes['reference'])):.2g}")
print(f"largest error against 2x: {np.max(np.abs(slopes['mathml'] - 2 * x)):.2g}")

# %%
# The estimates over the exact derivative
# ---------------------------------------

fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(x, x ** 2, color="0.6", label="f(x) = x²")
ax.plot(x, 2 * x, color="k", lw=1, label="f'(x) = 2x")
ax.plot(x, slopes["mathml"], "o", mfc="none", label="mathml derivative")
ax.plot(x, slopes["reference"], "+", label="reference derivative")
ax.set_xlabel("x")
ax.legend()
plt.show()
