"""The random numbers of a simulation, drawn apart from the model that uses them.

Every cell has its own streams, one per purpose, seeded from ``(seed, cell key, purpose)``
(numpy's ``SeedSequence`` with a spawn key): the same input gives the same numbers bit for bit,
adding or changing one cell leaves the numbers of the others alone (so two scenarios compare on
common random numbers), and :func:`~onderdak.engines.flow.simulate` and
:func:`~onderdak.engines.flow.simulate_loop` read the very same numbers.

- ``arrivals``: newcomers per step and run, Poisson, by table from uniforms;
- ``stays``: one uniform per phase, step and run, for the number leaving the phase
  (drawn in blocks of steps, so memory does not grow with the horizon);
- ``destinations``: per run a fixed sequence of bits, one per person in the order in which
  stays end: 1 sends that person to a contingent dwelling (chance: the contingent share);
- ``branches``: per run a fixed sequence of bits, one per person in the order of admission:
  1 enters the first entry phase (chance: the fit's ``first``);
- ``start``: the split of the people present at the start over the phases (multinomial).

A bit sequence is long enough for every person who could possibly pass (everyone present or
waiting at the start plus every newcomer drawn), packed 64 to a word with the running count of
ones, so the number of ones among the first ``n`` people is two lookups and a popcount.
"""

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from .plan import Plan

PURPOSES = {"arrivals": 0, "stays": 1, "destinations": 2, "branches": 3, "start": 4}
BLOCK_STEPS = 16
WORD = 64


def stream(seed: int, key: str, purpose: str) -> np.random.Generator:
    key_number = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "little")
    sequence = np.random.SeedSequence(seed, spawn_key=(key_number, PURPOSES[purpose]))
    return np.random.Generator(np.random.PCG64(sequence))


@dataclass(frozen=True)
class BitSequences:
    """Per (cell, run) a sequence of bits; :meth:`ones` counts the ones among the first ``n``."""

    words: np.ndarray  # (cells, runs, words) uint64, bit i of word w is person 64 w + i
    counts: np.ndarray  # (cells, runs, words + 1) int32: ones before each word

    def ones(self, n: np.ndarray) -> np.ndarray:
        """The ones among the first ``n[c, r]`` bits of each sequence (``n`` is (cells, runs))."""
        cells, runs, width = self.words.shape
        base = np.arange(cells * runs).reshape(cells, runs)
        word = n >> 6
        bits = self.words.ravel().take(base * width + word)
        below = (np.uint64(1) << (n & 63).astype(np.uint64)) - np.uint64(1)
        before = self.counts.ravel().take(base * (width + 1) + word)
        return before + np.bitwise_count(bits & below)

    def bit(self, cell: int, run: int, person: int) -> bool:
        """One bit, for the plain loop."""
        return bool((int(self.words[cell, run, person >> 6]) >> (person & 63)) & 1)


def bit_sequences(streams: list[np.random.Generator], chances, lengths, runs: int) -> BitSequences:
    """Bits with the given chance of a one, at least ``lengths[c]`` per run of cell ``c``."""
    width = max((int(length) // WORD + 1 for length in lengths), default=1)
    words = np.zeros((len(streams), runs, width), np.uint64)
    for c, (rng, chance, length) in enumerate(zip(streams, chances, lengths, strict=True)):
        own = int(length) // WORD + 1
        words[c, :, :own] = _words(rng, chance, runs, own)
    counts = np.zeros((len(streams), runs, width + 1), np.int32)
    np.cumsum(np.bitwise_count(words), axis=2, out=counts[:, :, 1:])
    return BitSequences(words, counts)


def _words(rng: np.random.Generator, chance: float, runs: int, words: int) -> np.ndarray:
    """Bits that are 1 with ``chance`` (to within 2^-33: a 32-bit uniform below the threshold)."""
    if chance <= 0:
        return np.zeros((runs, words), np.uint64)
    if chance >= 1:
        return np.full((runs, words), np.iinfo(np.uint64).max, np.uint64)
    uniform = rng.bit_generator.random_raw(runs * words * WORD // 2).view(np.uint32)
    bits = uniform.reshape(runs, words * WORD) < np.uint64(round(chance * 2**32))
    return np.packbits(bits, axis=1, bitorder="little").view("<u8")


@dataclass(frozen=True)
class Draws:
    """Everything random about one simulation (the stays' uniforms come per block of steps)."""

    arrivals: np.ndarray  # (cells, steps, runs) int32
    start: np.ndarray  # (slots, runs) int32: people in each phase at the start
    destinations: BitSequences  # per cell
    branches: BitSequences  # per cell with two entry phases (Plan.branching)
    seed: int

    def stay_uniforms(self, plan: Plan) -> Iterator[np.ndarray]:
        """Per step, the ``(slots, runs)`` uniforms of the phases (drawn per block of steps)."""
        streams = [stream(self.seed, key, "stays") for key in plan.keys]
        runs = self.arrivals.shape[2]
        for first in range(0, plan.steps, BLOCK_STEPS):
            block = np.empty((min(BLOCK_STEPS, plan.steps - first), plan.slots, runs))
            for c, rng in enumerate(streams):
                low, high = plan.slot_range(c)
                block[:, low:high] = rng.random((len(block), high - low, runs))
            yield from block


def draw(plan: Plan, seed: int, runs: int) -> Draws:
    arrivals = _arrivals(plan, seed, runs)
    most = arrivals.sum(axis=1).max(axis=1)
    present = plan.occupied + plan.waiting
    return Draws(
        arrivals=arrivals,
        start=_start(plan, seed, runs),
        destinations=bit_sequences(
            [stream(seed, key, "destinations") for key in plan.keys],
            plan.contingent_share,
            present + most,
            runs,
        ),
        branches=bit_sequences(
            [stream(seed, plan.keys[c], "branches") for c in plan.branching],
            plan.first[plan.branching],
            (plan.waiting + most)[plan.branching],
            runs,
        ),
        seed=seed,
    )


def _arrivals(plan: Plan, seed: int, runs: int) -> np.ndarray:
    arrivals = np.empty((len(plan.keys), plan.steps, runs), np.int32)
    for c, key in enumerate(plan.keys):
        u = stream(seed, key, "arrivals").random((plan.steps, runs))
        arrivals[c] = plan.arrival_table.lookup(np.full(u.shape, c), u)
    return arrivals


def _start(plan: Plan, seed: int, runs: int) -> np.ndarray:
    start = np.zeros((plan.slots, runs), np.int32)
    for c, key in enumerate(plan.keys):
        low, high = plan.slot_range(c)
        split = stream(seed, key, "start").multinomial(plan.occupied[c], plan.start[low:high], runs)
        start[low:high] = split.T
    return start
