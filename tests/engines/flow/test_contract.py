"""The public contract: simulate runs, gives every measure for every cell and group, and the same
input gives the same output."""

from onderdak.engines.flow import ALL_MEASURES, MEASURES, Stay, StayKind, simulate

from .cases import cell, flow_input


def test_every_cell_and_group_has_a_band_per_month_for_every_measure():
    data = flow_input(cell("A/bw"), cell("A/mo", stay=Stay(StayKind.LOGNORMAL, 4.0, 5.0)))
    result = simulate(data)
    assert set(MEASURES) <= set(ALL_MEASURES)
    for bands in (*result.cells.values(), *result.groups.values()):
        assert set(bands) == set(ALL_MEASURES)
        for band in bands.values():
            assert len(band.p10) == len(band.p50) == len(band.p90) == len(band.mean) == 24
            assert all(a <= b <= c for a, b, c in zip(band.p10, band.p50, band.p90, strict=True))
    assert result.checks == {"conservation_places": 0.0, "conservation_demand": 0.0}


def test_the_same_input_gives_the_same_output():
    data = flow_input(cell("A/bw"), cell("B/bw", area="B"))
    assert simulate(data) == simulate(data)


def test_progress_is_reported_after_every_month():
    seen = []
    result = simulate(flow_input(months=5), progress=seen.append)
    assert seen == [0.2, 0.4, 0.6, 0.8, 1.0]
    assert result == simulate(flow_input(months=5))
