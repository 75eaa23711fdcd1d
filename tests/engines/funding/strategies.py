"""Hypothesis strategies for the funding engine: amounts, keys and whole funding inputs.

Keys are built here independently of the engine (whole percentages with four decimals, the
residue on the first non-zero share), so the tests do not lean on the code they test.
"""

from decimal import Decimal

from hypothesis import strategies as st

from onderdak.engines.funding import FundingInput, PhaseIn

CODES = tuple(f"GM{number:04d}" for number in range(1, 14))
SUBREGIONS = ("noord", "midden", "zuid")
UNITS = 1_000_000  # a share entered as a percentage with four decimals


def cents_to_decimal(cents: int) -> Decimal:
    return Decimal(cents).scaleb(-2)


def amounts(max_cents: int = 10**10) -> st.SearchStrategy[Decimal]:
    """Non-negative amounts in whole cents."""
    return st.integers(0, max_cents).map(cents_to_decimal)


def weights() -> st.SearchStrategy[Decimal]:
    """Non-negative Decimal weights with up to four decimals."""
    return st.decimals(min_value=0, max_value=10**6, places=4, allow_nan=False)


@st.composite
def keys(draw: st.DrawFn, codes: tuple[str, ...]) -> dict[str, Decimal]:
    """A key over ``codes`` whose shares have six decimals and add up to exactly 1."""
    raw = draw(st.lists(st.integers(0, 1000), min_size=len(codes), max_size=len(codes)))
    if not any(raw):
        raw[0] = 1
    units = [UNITS * r // sum(raw) for r in raw]
    first = next(i for i, r in enumerate(raw) if r)
    units[first] += UNITS - sum(units)
    return {code: Decimal(unit).scaleb(-6) for code, unit in zip(codes, units, strict=True)}


@st.composite
def municipalities(draw: st.DrawFn) -> tuple[tuple[str, str], ...]:
    codes = draw(st.lists(st.sampled_from(CODES), min_size=1, max_size=len(CODES), unique=True))
    return tuple((code, draw(st.sampled_from(SUBREGIONS))) for code in codes)


@st.composite
def phase_ins(draw: st.DrawFn, years: tuple[int, ...]) -> PhaseIn:
    start = draw(st.integers(years[0] - 2, years[-1] + 1))
    if draw(st.booleans()):
        return PhaseIn(start_year=start, years=draw(st.integers(1, 6)))
    count = draw(st.integers(1, 4))
    raw = sorted(draw(st.lists(st.integers(0, 100), min_size=count - 1, max_size=count - 1)))
    weights = [Decimal(r) / 100 for r in raw] + [Decimal(1)]
    return PhaseIn(
        start_year=start, steps=tuple(zip(range(start, start + count), weights, strict=True))
    )


@st.composite
def budgets(draw: st.DrawFn, years: tuple[int, ...]) -> dict[int, Decimal]:
    """Budgets that move a little or a lot from year to year (or are zero)."""
    base = draw(st.integers(0, 10**9))
    spread = draw(st.sampled_from([0, 2, 10, 25]))  # percent: steady, cap-sized, beyond a cap
    moves = st.integers(-spread, spread)
    return {year: cents_to_decimal(base * (100 + draw(moves)) // 100) for year in years}


@st.composite
def funding_inputs(draw: st.DrawFn, *, cap: bool | None = None) -> FundingInput:
    """A valid FundingInput; ``cap`` True or False forces a cap or none, None lets it vary."""
    places = draw(municipalities())
    codes = tuple(code for code, _ in places)
    slugs = sorted({slug for _, slug in places})
    first = draw(st.integers(2020, 2030))
    years = tuple(range(first, first + draw(st.integers(1, 6))))
    with_cap = draw(st.booleans()) if cap is None else cap
    regional = draw(st.dictionaries(st.sampled_from(years), amounts(10**8)))
    return FundingInput(
        years=years,
        municipalities=places,
        budget=draw(budgets(years)),
        historical_key=draw(keys(codes)),
        objective_key=draw(keys(codes)),
        phase_in=draw(phase_ins(years)),
        cap=draw(st.decimals(0, Decimal("0.3"), places=3)) if with_cap else None,
        regional_costs=regional,
        solidarity_key=draw(keys(codes)),
        subregional_costs=draw(
            st.dictionaries(st.tuples(st.sampled_from(slugs), st.sampled_from(years)), amounts())
        ),
        subregional_key={code: draw(weights()) + 1 for code in codes},
        planned_costs=draw(
            st.dictionaries(st.tuples(st.sampled_from(codes), st.sampled_from(years)), amounts())
        ),
    )
