"""Stays as phases: the mean and spread of the fitted distribution, computed independently from
its phases (the absorbing chain's fundamental matrix), match the input's."""

import math

import numpy as np
import pytest

from onderdak.engines.flow import FlowError, Stay, StayKind
from onderdak.engines.flow.stays import MAX_PHASES, Phases, fit, steps_per_month

from .cases import cell


def moments(phases: Phases) -> tuple[float, float, np.ndarray]:
    """Mean and variance of the steps a person is counted, and the expected steps per phase.

    Each step a person in phase i stays with chance 1 - h_i or moves on (``T``); the steps
    counted are the steps before the stay ends, ``P(X > k) = a T^k 1``.
    """
    size = len(phases.hazards)
    moves = np.diag(1 - np.array(phases.hazards))
    for i, following in enumerate(phases.next):
        if following >= 0:
            moves[i, following] += phases.hazards[i]
    entry = np.zeros(size)
    entry[phases.entry[0]] += phases.first
    entry[phases.entry[1]] += 1 - phases.first
    fundamental = np.linalg.inv(np.eye(size) - moves)
    ones = np.ones(size)
    mean = entry @ fundamental @ ones
    second = entry @ fundamental @ (np.eye(size) + moves) @ fundamental @ ones
    return mean, second - mean * mean, entry @ fundamental


@pytest.mark.parametrize(
    ("kind", "mean", "spread", "family"),
    [
        (StayKind.EXPONENTIAL, 12.0, 0.0, "geometric"),
        (StayKind.EXPONENTIAL, 2.0, 0.0, "geometric"),
        (StayKind.LOGNORMAL, 12.0, 30.0, "hyper_geometric"),
        (StayKind.LOGNORMAL, 3.0, 3.0, "hyper_geometric"),
        (StayKind.LOGNORMAL, 12.0, math.sqrt(12 * 12 - 12), "geometric"),
        (StayKind.LOGNORMAL, 12.0, 9.0, "mixed_negative_binomial"),
        (StayKind.LOGNORMAL, 24.0, 8.0, "mixed_negative_binomial"),
        (StayKind.LOGNORMAL, 40.0, 14.0, "mixed_negative_binomial"),
    ],
)
def test_the_fit_has_the_mean_and_spread_asked_for(kind, mean, spread, family):
    phases = fit(kind, mean, spread)
    fitted_mean, fitted_var, _ = moments(phases)
    assert phases.family == family
    assert fitted_mean == pytest.approx(mean, rel=1e-9)
    assert phases.mean_steps == pytest.approx(fitted_mean, rel=1e-9)
    assert phases.var_steps == pytest.approx(fitted_var, rel=1e-9)
    expected = mean * mean - mean if kind == StayKind.EXPONENTIAL else spread * spread
    assert fitted_var == pytest.approx(expected, rel=1e-9)
    assert all(0 < h <= 1 for h in phases.hazards)


def test_a_spread_too_small_for_the_phases_keeps_the_mean_and_says_so():
    phases = fit(StayKind.LOGNORMAL, 24.0, 2.0)
    fitted_mean, fitted_var, _ = moments(phases)
    assert len(phases.hazards) == MAX_PHASES
    assert fitted_mean == pytest.approx(24.0)
    assert fitted_var == pytest.approx(24 * 24 / MAX_PHASES - 24)  # the least eight phases give
    assert phases.fit(1).spread_months == pytest.approx(math.sqrt(fitted_var))


@pytest.mark.parametrize(
    ("kind", "mean", "spread"),
    [
        (StayKind.EXPONENTIAL, 6.0, 0.0),
        (StayKind.LOGNORMAL, 12.0, 30.0),
        (StayKind.LOGNORMAL, 24.0, 8.0),
    ],
)
def test_people_present_at_the_start_are_spread_as_in_a_steady_state(kind, mean, spread):
    """In a steady state the people present are in each phase in proportion to the time a stay
    spends there."""
    phases = fit(kind, mean, spread)
    _, _, time_in_phase = moments(phases)
    assert phases.start == pytest.approx(tuple(time_in_phase / time_in_phase.sum()))


@pytest.mark.parametrize(
    ("stays", "steps"),
    [
        ((Stay(StayKind.EXPONENTIAL, 2.0), Stay(StayKind.EXPONENTIAL, 24.0)), 1),
        ((Stay(StayKind.EXPONENTIAL, 1.0),), 2),
        ((Stay(StayKind.EXPONENTIAL, 0.25),), 8),
        # three phases for so small a spread, more than the 2.5 steps a month gives
        ((Stay(StayKind.LOGNORMAL, 2.5, 0.2),), 2),
    ],
)
def test_the_engine_chooses_the_fewest_steps_that_fit_every_stay(stays, steps):
    cells = [cell(f"A/{i}", stay=stay) for i, stay in enumerate(stays)]
    assert steps_per_month(cells, None) == steps


def test_chosen_steps_are_kept_when_every_stay_is_a_step_or_longer():
    cells = [cell(stay=Stay(StayKind.EXPONENTIAL, 1.0))]
    assert steps_per_month(cells, 1) == 1
    with pytest.raises(FlowError, match="shorter than a step"):
        steps_per_month([cell(stay=Stay(StayKind.EXPONENTIAL, 0.9))], 1)
