"""Exact draws by table: the inverse distribution functions agree with scipy's, and the binomial
draws are coupled: for the same random bits, one more person adds 0 or 1 leaver."""

import numpy as np
import pytest
from scipy.stats import binom, poisson

from onderdak.engines.flow.tables import (
    GRID,
    QuantileTable,
    binomial_cdf,
    poisson_cdf,
    stacked,
    uniform,
)

HAZARDS = (1 / 12, 0.3, 0.5, 0.97, 1.0)


def random_bits(count: int, seed: int = 1) -> np.ndarray:
    return np.random.PCG64(seed).random_raw(count)


@pytest.mark.parametrize("chance", HAZARDS)
def test_the_binomial_rows_are_scipys_distribution_functions(chance):
    cdf = binomial_cdf(80, chance)
    for n in range(81):
        expected = binom.cdf(np.arange(cdf.shape[1]), n, chance)
        assert cdf[n] == pytest.approx(expected, abs=1e-12)
    assert (cdf[:, -1] == 1).all()


def test_long_rows_are_cut_where_the_rest_is_negligible():
    cdf = binomial_cdf(2_000, 0.05)
    assert cdf.shape == (2_001, 230)  # 100 expected, 12 standard deviations (9.7) and 12 more
    assert binom.sf(229, 2_000, 0.05) < 1e-30


def test_the_uniform_is_numpys_own():
    assert uniform(random_bits(5, seed=3)) == pytest.approx(
        np.random.Generator(np.random.PCG64(3)).random(5), abs=0
    )


def exact_inverse(cdf: np.ndarray, u: np.ndarray) -> np.ndarray:
    """The smallest k with cdf[k] >= u: the number of k with cdf[k] < u."""
    return (cdf < u[:, None]).sum(axis=1)


@pytest.mark.parametrize("chance", HAZARDS)
def test_a_binomial_lookup_is_the_exact_inverse(chance):
    cdf = binomial_cdf(60, chance)
    table = QuantileTable.from_cdf(cdf)
    bits = random_bits(200_000)
    people = np.random.default_rng(2).integers(0, 61, bits.size)
    drawn = table.lookup(people, bits)
    u = uniform(bits)
    assert (drawn == exact_inverse(cdf[people], u)).all()
    far = np.abs(binom.cdf(drawn, people, chance) - u) > 1e-9  # off the jumps of the cdf
    assert (drawn[far] == binom.ppf(u[far], people[far], chance)).all()


def test_slices_holding_a_jump_of_the_cdf_are_scanned():
    """A slice of the uniform's range that holds a jump is marked, and its draws scanned."""
    cdf = binomial_cdf(30, 0.3)
    table = QuantileTable.from_cdf(cdf)
    marked = table.start < 0
    assert 0 < marked.mean() < 0.1
    slices = np.arange(GRID, dtype=np.uint64) << np.uint64(54)  # the lowest bits of each slice
    for n in (0, 1, 15, 30):
        drawn = table.lookup(n, slices)
        assert (drawn == exact_inverse(np.repeat(cdf[n : n + 1], GRID, 0), uniform(slices))).all()


@pytest.mark.parametrize("chance", HAZARDS)
def test_one_more_person_adds_no_leaver_or_one(chance):
    """The coupling the monotonicity rests on (decision 0014)."""
    table = QuantileTable.from_cdf(binomial_cdf(100, chance))
    bits = random_bits(20_000)
    drawn = np.array([table.lookup(n, bits) for n in range(101)])
    assert set(np.unique(np.diff(drawn, axis=0))) <= {0, 1}


@pytest.mark.parametrize("mean", [0.0, 0.3, 2.5, 40.0, 900.0])
def test_a_poisson_lookup_is_the_exact_inverse(mean):
    cdf = poisson_cdf(mean)
    assert cdf[-1] == 1
    table = stacked([cdf])
    bits = random_bits(100_000)
    drawn = table.lookup(0, bits)
    u = uniform(bits)
    far = np.abs(poisson.cdf(drawn, mean) - u) > 1e-9
    assert (drawn[far] == poisson.ppf(u[far], mean)).all()
    assert drawn.mean() == pytest.approx(mean, abs=5 * np.sqrt(max(mean, 1e-9) / bits.size))


def test_stacked_rows_of_different_lengths_are_padded_with_ones():
    table = stacked([poisson_cdf(1.0), binomial_cdf(3, 0.5)])
    assert table.cdf.shape[0] == 5
    assert (table.cdf[1:, 4:] == 1).all()
    assert table.lookup(np.array([4]), np.array([np.iinfo(np.uint64).max], np.uint64))[0] == 3
