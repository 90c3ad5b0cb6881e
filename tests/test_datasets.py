"""Specifics of `mathml.datasets`: the polar-method normals are NumPy's own (to an ulp)."""
import numpy as np
import pytest

from mathml.datasets import _standard_normal


@pytest.mark.parametrize("seed", [0, 1, 42, 2 ** 31 - 1])
def test_polar_method_reproduces_randomstate(seed):
    """Interleaved normal and uniform draws of odd and even sizes: the cached second value
    and the uniform stream stay in step with RandomState.standard_normal. The uniform draws
    and the accepted pairs are identical; a value may differ by an ulp because NumPy's
    vectorised log (SIMD) need not round as the C library's log that RandomState calls
    (observed: 2 values in 1000, 1 ulp), hence rtol = 4·eps rather than equality."""
    ours, numpys = np.random.RandomState(seed), np.random.RandomState(seed)
    for size in (5, 3, 1, 0, (7, 3), 1000, 2, 1):
        np.testing.assert_allclose(_standard_normal(ours, size), numpys.standard_normal(size),
                                   rtol=4 * np.finfo(float).eps, atol=0)  # 1-ulp logs: above
        np.testing.assert_array_equal(ours.uniform(size=3), numpys.uniform(size=3))
    assert ours.get_state()[3:] == numpys.get_state()[3:]
