"""The random numbers of a simulation, drawn apart from the model that uses them.

Every cell has its own streams, one per purpose, seeded from ``(seed, cell key, purpose)``
(numpy's ``SeedSequence`` with a spawn key): the same input gives the same numbers bit for bit,
adding or changing one cell leaves the numbers of the others alone (so two scenarios compare on
common random numbers), and :func:`~onderdak.engines.flow.simulate` and
:func:`~onderdak.engines.flow.simulate_loop` read the very same numbers.

- ``arrivals``: newcomers per step and run, Poisson, by table from 64 random bits (a uniform,
  :mod:`~onderdak.engines.flow.tables`);
- ``stays``: 64 random bits per phase, step and run, for the number leaving the phase
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
#: BELOW[i]: the bits below bit i.
BELOW = (np.uint64(1) << np.arange(WORD, dtype=np.uint64)) - np.uint64(1)


def stream(seed: int, key: str, purpose: str) -> np.random.Generator:
    key_number = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "little")
    sequence = np.random.SeedSequence(seed, spawn_key=(key_number, PURPOSES[purpose]))
    return np.random.Generator(np.random.PCG64(sequence))


@dataclass(frozen=True)
class BitSequences:
    """Per (cell, run) a sequence of bits; :meth:`ones` counts the ones among the first ``n``.

    Stored word-major, ``(cells, words, runs)``, so that the runs of a cell, which progress
    alike, read neighbouring memory.
    """

    words: np.ndarray  # (cells, words, runs) uint64: bit i of word w is person 64 w + i
    counts: np.ndarray  # (cells, words, runs) int32: ones before each word

    def __post_init__(self) -> None:
        cells, width, runs = self.words.shape
        base = np.arange(cells)[:, None] * (width * runs) + np.arange(runs)
        object.__setattr__(self, "_base", base)

    def ones(self, n: np.ndarray) -> np.ndarray:
        """The ones among the first ``n[c, r]`` bits of each sequence (``n`` is (cells, runs);
        never past the sequence's length)."""
        at = self._base + (n >> 6) * self.words.shape[2]
        bits = self.words.ravel().take(at) & BELOW.take(n & 63)
        return self.counts.ravel().take(at) + np.bitwise_count(bits)

    def bit(self, cell: int, run: int, person: int) -> bool:
        """One bit, for the plain loop."""
        return bool((int(self.words[cell, person >> 6, run]) >> (person & 63)) & 1)


def bit_sequences(streams: list[np.random.Generator], chances, lengths, runs: int) -> BitSequences:
    """Bits with the given chance of a one, at least ``lengths[c]`` per run of cell ``c``."""
    width = max((int(length) // WORD + 1 for length in lengths), default=1)
    words = np.zeros((len(streams), width, runs), np.uint64)
    for c, (rng, chance, length) in enumerate(zip(streams, chances, lengths, strict=True)):
        own = int(length) // WORD + 1
        words[c, :own] = _words(rng, chance, runs, own)
    counts = np.zeros((len(streams), width, runs), np.int32)
    np.cumsum(np.bitwise_count(words[:, :-1]), axis=1, out=counts[:, 1:])
    return BitSequences(words, counts)


def _words(rng: np.random.Generator, chance: float, runs: int, words: int) -> np.ndarray:
    """``(words, runs)`` words of bits that are 1 with ``chance``, to within 2^-33.

    A bit is 1 when a 32-bit uniform lies below ``round(chance * 2^32)``. The uniform's top
    8 bits decide all but one bit in 256; only for those are the other 24 bits drawn.
    """
    if chance <= 0:
        return np.zeros((words, runs), np.uint64)
    if chance >= 1:
        return np.full((words, runs), np.iinfo(np.uint64).max, np.uint64)
    threshold = round(chance * 2**32)
    high, low = np.uint8(threshold >> 24), threshold & 0xFFFFFF
    top = rng.bit_generator.random_raw(words * runs * WORD // 8).view(np.uint8)
    bits = top < high
    tied = np.flatnonzero(top == high)
    rest = rng.bit_generator.random_raw(tied.size).astype(np.uint32) & np.uint32(0xFFFFFF)
    bits[tied] = rest < low
    packed = np.packbits(bits.reshape(words, runs, WORD), axis=2, bitorder="little")
    return packed.view("<u8").reshape(words, runs)


@dataclass(frozen=True)
class Draws:
    """Everything random about one simulation (the stays' bits come per block of steps)."""

    arrivals: np.ndarray  # (cells, steps, runs) int32
    start: np.ndarray  # (slots, runs) int32: people in each phase at the start
    destinations: BitSequences  # per cell
    branches: BitSequences  # per cell with two entry phases (Plan.branching)
    seed: int
    most_people: int  # in one cell and run: everyone present or waiting at the start or arriving

    def stay_bits(self, plan: Plan) -> Iterator[np.ndarray]:
        """Per step, the ``(slots, runs)`` random bits of the phases, drawn per cell in blocks of
        :data:`BLOCK_STEPS` steps (phase by phase, step by step, run by run)."""
        streams = [stream(self.seed, key, "stays") for key in plan.keys]
        block = np.empty((plan.slots, BLOCK_STEPS, self.arrivals.shape[2]), np.uint64)
        for first in range(0, plan.steps, BLOCK_STEPS):
            for c, rng in enumerate(streams):
                low, high = plan.slot_range(c)
                block[low:high] = rng.bit_generator.random_raw(block[low:high].shape)
            for step in range(min(BLOCK_STEPS, plan.steps - first)):
                yield block[:, step]


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
        most_people=int((present + most).max()),
    )


def _arrivals(plan: Plan, seed: int, runs: int) -> np.ndarray:
    arrivals = np.empty((len(plan.keys), plan.steps, runs), np.int32)
    for c, key in enumerate(plan.keys):
        bits = stream(seed, key, "arrivals").bit_generator.random_raw((plan.steps, runs))
        arrivals[c] = plan.arrival_table.lookup(c, bits)
    return arrivals


def _start(plan: Plan, seed: int, runs: int) -> np.ndarray:
    start = np.zeros((plan.slots, runs), np.int32)
    for c, key in enumerate(plan.keys):
        low, high = plan.slot_range(c)
        split = stream(seed, key, "start").multinomial(plan.occupied[c], plan.start[low:high], runs)
        start[low:high] = split.T
    return start
