"""The generated problems: reproducible, of a region's shape, and feasible."""

from dataclasses import replace

from onderdak.engines.capacity_plan import optimise
from onderdak.engines.capacity_plan.generate import problem


def test_the_same_seed_gives_the_same_problem_and_another_seed_another():
    assert problem(7) == problem(7)
    assert problem(7) != problem(8)


def test_a_region_has_a_cell_per_municipality_and_type_in_three_subregions():
    region = problem(3, municipalities=5, types=4, years=6, first_year=2030)
    assert len(region.cells) == 20
    assert region.years == tuple(range(2030, 2036))
    assert {cell.group for cell in region.cells} == {"noord", "midden", "zuid"}
    assert all(len(cell.demand) == len(cell.entered) == 6 for cell in region.cells)


def test_a_generated_problem_has_a_plan_and_its_budget_binds():
    region = problem(5, budget_share=0.8)
    solution = optimise(replace(region, integer=False))
    assert solution.status == "optimal"
    assert solution.findings[0].kind == "budget"
    assert solution.objective > 0
