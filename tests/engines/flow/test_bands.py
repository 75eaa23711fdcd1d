"""Bands by radix sort equal numpy's quantiles (linear method) to the last bit."""

import numpy as np
import pytest

from onderdak.engines.flow.bands import band_arrays
from onderdak.engines.flow.loop import quantile_bands


@pytest.mark.parametrize(
    ("low", "high", "runs"),
    [(0, 5, 1000), (0, 200, 999), (0, 30_000, 1000), (0, 10**6, 1000), (0, 3, 1), (0, 9, 2)],
)
def test_whole_numbers(low, high, runs):
    values = np.random.default_rng(high).integers(low, high + 1, (7, 5, runs))
    assert np.array_equal(band_arrays(values), quantile_bands(values))


def test_fractions():
    values = np.random.default_rng(0).normal(100, 30, (3, 4, 1000))
    assert np.array_equal(band_arrays(values), quantile_bands(values))
