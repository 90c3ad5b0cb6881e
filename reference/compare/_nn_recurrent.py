"""The comparison of recurrent layers (`nn.embedding`, `nn.lstm_cell`, `nn.lstm`): the forward
pass and the backward pass of one case, each by its own rule."""
from __future__ import annotations

import numpy as np

from ._agree import Agreement, agree
from ._strategy import strategy
from ._tolerances import TOLERANCES, Tolerance


@strategy("forward_numerical_backward", "exact")
def _forward_numerical_backward(got, expected, c, tol, concept):
    """A layer's result is {"forward": y, "backward": (x̄, W̄, …)}. The forward passes are the
    same closed forms with their sums in another order (BLAS against einsum), and those sums
    cancel (z = xW + hU + b, c' = f⊙c + i⊙g), so their error is absolute, a few ulps of the
    largest entry: compared normwise per output at 'exact''s 1e-12. The reference's backward is a
    numerical derivative (scipy.differentiate.jacobian of the scalar ⟨ȳ, y⟩ with respect to
    every argument at once), whose error is absolute in the units of that scalar, the same
    for every entry: so each gradient entry is compared within the concept's tolerance times
    the largest reference gradient entry over all arguments (one scale for the whole
    vector–Jacobian product; a gradient that is exactly 0, ∂L/∂U with one step from h₀ = 0,
    is then compared with that absolute bound)."""
    exact = TOLERANCES["exact"]
    verdict = agree(got["forward"], expected["forward"],
                    Tolerance(exact.rtol, exact.atol, exact.reason, normwise=True))
    if "backward" not in expected:
        return verdict
    scale = max((float(np.max(np.abs(e), initial=0.0)) for e in expected["backward"]),
                default=0.0)
    bound = Tolerance(0.0, tol.rtol * scale, tol.reason)
    for k, (g, e) in enumerate(zip(got["backward"], expected["backward"], strict=True)):
        a = agree(g, e, bound)
        verdict = verdict.worse(Agreement(a.ok, a.max_abs, a.max_abs / scale if scale else 0.0,
                                          tol.rtol, 0.0,
                                          a.detail.replace("result", f"backward[{k}]")))
    return verdict

