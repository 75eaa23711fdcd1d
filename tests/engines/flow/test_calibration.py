"""Calibration: estimates recover the parameters of generated histories, their 90 % intervals
cover the truth about 90 % of the time, the fitted path follows the figures, and too little data
gives reasons instead of figures."""

from dataclasses import replace
from datetime import date

import numpy as np
import pytest

from onderdak.engines.flow import (
    Destinations,
    FacilityHistory,
    FlowError,
    MonthFigures,
    StayKind,
    WhenFull,
    calibrate,
)
from onderdak.engines.flow.calibration import DESTINATIONS
from onderdak.engines.flow.generate import facility_months

SHARES = (0.3, 0.4, 0.2, 0.1)
UNSHELTERED = WhenFull.UNSHELTERED


def month(index: int) -> date:
    return date(2022 + index // 12, index % 12 + 1, 1)


def generated(
    seed: int, months: int = 36, rate: float = 3.0, stay: float = 8.0, places: int = 40
) -> tuple[MonthFigures, ...]:
    rng = np.random.default_rng(seed)
    return facility_months(rng, months, rate, stay, places, SHARES)


def history(key: str = "f1", cell: str = "GM0546/bw", **options) -> FacilityHistory:
    return FacilityHistory(key, cell, generated(int(key[1:]), **options))


def test_the_estimates_recover_the_parameters():
    facility = FacilityHistory("big", "c", generated(1, months=600, rate=5.0, stay=10.0, places=80))
    result = calibrate([facility]).facilities["big"]
    assert result.complete
    assert result.inflow.estimate == pytest.approx(5.0, rel=0.05)
    assert result.stay.estimate == pytest.approx(10.0, rel=0.05)
    for destination, share in zip(DESTINATIONS, SHARES, strict=True):
        assert result.shares[destination].estimate == pytest.approx(share, abs=0.02)
    assert result.stay_model().kind == StayKind.EXPONENTIAL
    assert isinstance(result.destinations(), Destinations)


def test_the_intervals_cover_the_truth_about_nine_times_in_ten():
    estimates = [
        calibrate([FacilityHistory("f", "c", generated(seed))]).facilities["f"]
        for seed in range(300)
    ]
    covered = {
        "inflow": np.mean([e.inflow.low <= 3.0 <= e.inflow.high for e in estimates]),
        "stay": np.mean([e.stay.low <= 8.0 <= e.stay.high for e in estimates]),
        "contingent": np.mean(
            [e.shares["contingent"].low <= 0.3 <= e.shares["contingent"].high for e in estimates]
        ),
    }
    for name, share in covered.items():
        assert 0.84 <= share <= 0.97, name


def test_the_fitted_path_of_a_steady_facility_is_its_history():
    steady = tuple(MonthFigures(month(i), 30, 24, 0, 3, 1, 1, 1, 0) for i in range(12))
    fit = calibrate([FacilityHistory("f", "c", steady)]).facilities["f"].fit
    assert fit.fitted_occupied == pytest.approx((24.0,) * 12)
    assert fit.occupied_error == pytest.approx(0.0)
    assert fit.months == tuple(month(i) for i in range(12))


def test_the_fitted_path_follows_a_generated_history():
    fit = calibrate([history(months=60)]).facilities["f1"].fit
    assert len(fit.fitted_occupied) == 60
    assert np.mean(fit.fitted_occupied) == pytest.approx(np.mean(fit.occupied), rel=0.1)
    assert fit.relative_error < 0.25
    assert fit.waiting_error >= 0


def test_a_cell_pools_its_facilities_over_the_months_they_share():
    first = history("f1")
    second = replace(history("f2"), months=history("f2").months[6:])
    result = calibrate([first, second])
    cell = result.cells["GM0546/bw"]
    assert cell.facilities == ("f1", "f2")
    assert cell.months == 30
    rate = sum(result.facilities[key].inflow.estimate for key in ("f1", "f2"))
    assert cell.inflow.estimate == pytest.approx(rate, rel=0.25)


def test_too_few_months_give_a_reason_instead_of_figures():
    result = calibrate([replace(history(), months=history().months[:5])]).facilities["f1"]
    assert not result.complete
    assert [p.code for p in result.problems] == ["too_few_months"]
    assert result.inflow is None
    assert result.stay is None
    assert result.fit is None


def test_months_that_do_not_follow_each_other_do_not_pair():
    every_other = history().months[::2]
    result = calibrate([replace(history(), months=every_other)]).facilities["f1"]
    assert [p.code for p in result.problems] == ["too_few_months"]
    assert "18 months, 0 of them following the month before" in result.problems[0].message


def test_nobody_leaving_gives_no_stay_and_no_shares():
    quiet = tuple(MonthFigures(month(i), 10, 5, 0, 0, 0, 0, 0, 0) for i in range(8))
    result = calibrate([FacilityHistory("f", "c", quiet)]).facilities["f"]
    assert [p.code for p in result.problems] == ["no_outflow"]
    assert result.inflow.estimate == 0
    assert result.inflow.high > 0
    assert result.stay is None
    assert result.shares is None


def test_a_cell_whose_facilities_share_too_few_months_is_not_estimated():
    late = replace(history("f2"), months=history("f2").months[32:])
    result = calibrate([history("f1"), late])
    assert [p.code for p in result.cells["GM0546/bw"].problems] == ["no_common_months"]


def test_an_often_full_unsheltered_facility_gets_a_note_on_its_inflow():
    months = facility_months(np.random.default_rng(3), 36, 3.0, 8.0, 20, SHARES, UNSHELTERED)
    full = FacilityHistory("f1", "c", months, UNSHELTERED)
    notes = calibrate([full]).facilities["f1"].notes
    assert "often_full" in [n.code for n in notes]


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"month": date(2022, 1, 15)}, "a month is given by its first day"),
        ({"occupied": -1}, "occupied must be a whole number of 0 or more, not -1"),
        ({"inflow": 2.5}, "inflow must be a whole number"),
    ],
)
def test_malformed_figures_are_refused(change, fragment):
    months = (replace(history().months[0], **change), *history().months[1:])
    with pytest.raises(FlowError, match=fragment):
        calibrate([replace(history(), months=months)])


def test_a_month_given_twice_is_refused():
    months = history().months
    with pytest.raises(FlowError, match="are given twice"):
        calibrate([replace(history(), months=(*months, months[3]))])
