"""The cube builder and the seeded dashboard-shaped instance."""

from onderdak.engines.suppression import suppress
from onderdak.engines.suppression.generate import Dimension, cube, ethos_like, flat

from .tables import assert_protected


def test_a_cube_has_every_cell_and_a_group_per_total_and_breakdown():
    places = Dimension((("north", ("a", "b")), ("region", ("north", "c"))))
    values, groups = cube((places, flat("all", ("x", "y"))), {("a", "x"): 1, ("c", "y"): 4})
    assert len(values) == 5 * 3
    assert values[("north", "all")] == 1
    assert values[("region", "all")] == 5
    assert len(groups) == 2 * 3 + 5  # north and region per column, a total per place
    for group in groups:
        assert values[group.total] == sum(values[part] for part in group.parts)


def test_the_dashboard_instance_is_reproducible_and_protected():
    values, groups = ethos_like(seed=7)
    assert (values, groups) == ethos_like(seed=7)
    assert len(values) == 833
    assert len(groups) == 459
    assert values[("region", "all categories", "all ages")] == 900  # people counted
    assert_protected(values, groups, suppress(values, groups))
