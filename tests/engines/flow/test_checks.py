"""The independent checks of issue 7: Little's law, Erlang C and monotonicity in the contingent.

Conservation (inflow = outflow + change in stock, every month and run) is in ``checks`` of every
result; the engine tests assert it on random inputs.
"""

import math
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import binom, poisson

from onderdak.engines.flow import Destinations, Stay, StayKind, simulate_paths

from .cases import cell, flow_input
from .strategies import flow_inputs

HOUSING = Destinations(contingent=0.0, housing=1.0, institution=0.0, unknown=0.0)


# Little's law -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "stay",
    [
        Stay(StayKind.EXPONENTIAL, 9.0),
        Stay(StayKind.LOGNORMAL, 9.0, 20.0),  # hyper-geometric
        Stay(StayKind.LOGNORMAL, 9.0, 4.0),  # mixed negative binomial
        Stay(StayKind.EXPONENTIAL, 0.5),  # four steps a month
    ],
)
def test_littles_law_holds_in_a_steady_state(stay):
    """L = lambda W: with room for everyone and no wait for a dwelling, the mean number present
    at the month ends is the inflow rate times the mean stay (the stay counted in month ends,
    as the engine counts it). Tolerance: 4 standard errors of the mean over independent runs
    (each run's average over months 60-240), 1 to 2 % of L here."""
    rate, months, runs = 3.0, 240, 400
    steady = round(rate * stay.mean_months)
    data = flow_input(
        cell(
            capacity=(1_000,) * months,
            inflow=rate,
            stay=stay,
            destinations=HOUSING,
            occupied=steady,
            waiting=0,
            months=months,
        ),
        months=months,
        runs=runs,
    )
    _, paths = simulate_paths(data)
    per_run = paths.occupied[60:, 0].mean(axis=0)
    error = per_run.std(ddof=1) / math.sqrt(runs)
    assert abs(per_run.mean() - rate * stay.mean_months) < 4 * error
    assert (paths.waiting == 0).all()


# Erlang C ---------------------------------------------------------------------------------------


def erlang_c(places: int, load: float) -> float:
    """The probability of having to wait in an M/M/c queue with ``load = lambda x mean stay``."""
    top = load**places / math.factorial(places) * places / (places - load)
    return top / (sum(load**k / math.factorial(k) for k in range(places)) + top)


def discrete_wait(places: int, mean_steps: float, rate: float, cut: int = 400) -> float:
    """The same probability in the engine's model, exactly: the stationary distribution of the
    number present or waiting at step ends (a Markov chain: ``Bin(present, 1 / mean)`` leave,
    ``Poisson(rate)`` arrive, places are refilled after leaving), and the share of arrivals
    still waiting at the end of their step (the newest wait, first come first served)."""
    hazard, top = 1 / mean_steps, places + cut
    arrivals = np.arange(int(rate + 20 * math.sqrt(rate) + 20))
    p_arrivals = poisson.pmf(arrivals, rate)
    moves = np.zeros((top + 1, top + 1))
    waited = np.zeros(top + 1)
    for n in range(top + 1):
        present = min(n, places)
        leaving = np.arange(present + 1)[:, None]
        chance = binom.pmf(leaving, present, hazard) * p_arrivals  # (leaving, arrivals)
        np.add.at(moves[n], np.minimum(n - leaving + arrivals, top), chance)
        waiting = np.maximum(n - leaving + arrivals - places, 0)
        waited[n] = (chance * np.minimum(arrivals, waiting)).sum()
    balance = moves.T - np.eye(top + 1)
    balance[-1] = 1  # the probabilities add up to 1, in place of one (redundant) balance
    stationary = np.linalg.solve(balance, np.eye(top + 1)[-1])
    return float(stationary @ waited / rate)


PLACES, MEAN, RATE = 20, 12.0, 1.4  # load 16.8, 84 % of the places


def simulated_wait(mean_months: float, rate: float, months: int = 600, runs: int = 800):
    """The share of arrivals who wait, and its standard error (a ratio of sums over independent
    runs, by the delta method). Runs start near the steady state (17 present, 2 waiting) and
    settle for ten mean stays: a queue this busy forgets its start only slowly (its relaxation
    time is about seven mean stays), and counting from five stays on read 3 % too low."""
    data = flow_input(
        cell(
            capacity=(PLACES,) * months,
            inflow=rate,
            stay=Stay(StayKind.EXPONENTIAL, mean_months),
            destinations=HOUSING,
            occupied=17,
            waiting=2,
            months=months,
        ),
        months=months,
        runs=runs,
        steps_per_month=1,
    )
    _, paths = simulate_paths(data)
    settled = round(10 * mean_months)
    arrivals = paths.arrivals[settled:, 0].sum(axis=0)
    waited = np.minimum(paths.arrivals, paths.waiting)[settled:, 0].sum(axis=0)
    share = waited.sum() / arrivals.sum()
    error = (waited - share * arrivals).std(ddof=1) / arrivals.mean() / math.sqrt(runs)
    return share, error


def test_the_discretisation_error_of_the_monthly_step_is_first_order():
    """Erlang C against the exact value of the engine's discrete model, with months cut into 1, 2
    and 4 steps: the model lets places freed during a step take that step's newcomers, so it
    understates waiting by about 0.54 x (step / mean stay): 4.5 points at monthly steps for a
    12-month stay, halving with every halving of the step."""
    exact = erlang_c(PLACES, RATE * MEAN)
    errors = [exact - discrete_wait(PLACES, MEAN * s, RATE / s) for s in (1, 2, 4)]
    assert exact == pytest.approx(0.3564, abs=1e-4)
    assert errors[0] == pytest.approx(0.54 / MEAN, rel=0.1)
    assert errors[1] / errors[0] == pytest.approx(0.5, abs=0.03)
    assert errors[2] / errors[1] == pytest.approx(0.5, abs=0.03)


@pytest.mark.parametrize("steps", [1, 2])
def test_the_probability_of_waiting_is_erlang_c_within_the_step_error(steps):
    """One facility, Poisson inflow, exponential stays: the simulated share of arrivals who wait
    equals the discrete model's exact value within 4 standard errors (4 x 0.005 at monthly
    steps: 800 runs of 40 years), and Erlang C within that plus the step's error (previous
    test, with 10 % to spare). Cutting months into ``steps`` steps is the same model as months
    of ``steps`` times the stay and 1 / ``steps`` times the inflow, which is how the share per
    step is read here."""
    share, error = simulated_wait(MEAN * steps, RATE / steps)
    assert error < 0.008
    assert abs(share - discrete_wait(PLACES, MEAN * steps, RATE / steps)) < 4 * error
    step_error = 0.54 / (MEAN * steps) * 1.1
    assert abs(share - erlang_c(PLACES, RATE * MEAN)) < step_error + 4 * error


# Monotonicity -----------------------------------------------------------------------------------


@st.composite
def more_dwellings(draw: st.DrawFn):
    """An input, and the same with at least as many contingent dwellings in every month."""
    data = draw(flow_inputs(max_months=18, max_runs=8))
    extra = st.lists(
        st.sampled_from((0.0, 0.0, 0.1, 0.5, 1.0, 3.0)), min_size=data.months, max_size=data.months
    )
    more = {
        area: tuple(a + b for a, b in zip(series, draw(extra), strict=True))
        for area, series in data.contingent.items()
    }
    return data, replace(data, contingent=more)


@settings(max_examples=150, deadline=None)
@given(more_dwellings())
def test_more_dwellings_never_lengthen_a_waiting_list(pair):
    """With the same seed, in every cell, month and run (the proof is in engine.py)."""
    fewer, more = (simulate_paths(data)[1] for data in pair)
    assert (more.waiting <= fewer.waiting).all()
    assert (np.cumsum(more.unsheltered, 0) <= np.cumsum(fewer.unsheltered, 0)).all()
    assert (np.cumsum(more.outflow, 0) >= np.cumsum(fewer.outflow, 0)).all()
