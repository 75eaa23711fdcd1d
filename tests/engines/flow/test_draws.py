"""The random numbers: fixed bit sequences per cell and run, counted in any prefix."""

import numpy as np
import pytest

from onderdak.engines.flow.draws import bit_sequences, stream


def sequences(chances=(0.3, 0.0, 1.0, 0.999), lengths=(500, 70, 64, 1_000), runs=7):
    streams = [stream(5, f"cell{c}", "destinations") for c in range(len(chances))]
    return bit_sequences(streams, np.array(chances), np.array(lengths), runs)


def test_the_ones_in_a_prefix_are_counted_bit_by_bit():
    bits = sequences()
    rng = np.random.default_rng(0)
    for _ in range(20):
        n = np.column_stack([rng.integers(0, length + 1, 7) for length in (500, 70, 64, 1_000)]).T
        counted = bits.ones(n)
        for c in range(4):
            for r in range(7):
                assert counted[c, r] == sum(bits.bit(c, r, i) for i in range(n[c, r]))


def test_certain_and_impossible_chances_need_no_drawing():
    bits = sequences()
    n = np.array([[0] * 7, [70] * 7, [64] * 7, [0] * 7])
    assert (bits.ones(n)[1] == 0).all()
    assert (bits.ones(n)[2] == 64).all()


@pytest.mark.parametrize("chance", [0.3, 0.5, 1 / 256 + 1e-6, 0.999])
def test_bits_are_one_with_their_chance(chance):
    bits = bit_sequences([stream(1, "x", "destinations")], np.array([chance]), [10**6], 4)
    ones = int(np.bitwise_count(bits.words).sum())
    total = bits.words.size * 64
    assert abs(ones / total - chance) < 5 * np.sqrt(chance * (1 - chance) / total)


def test_the_streams_depend_on_seed_cell_and_purpose_only():
    first = stream(3, "GM0546/bw", "stays").random(4)
    assert (first == stream(3, "GM0546/bw", "stays").random(4)).all()
    for other in (stream(4, "GM0546/bw", "stays"), stream(3, "GM0547/bw", "stays")):
        assert (other.random(4) != first).all()
    assert (stream(3, "GM0546/bw", "arrivals").random(4) != first).all()
