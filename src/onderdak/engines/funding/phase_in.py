"""Phase-in: how far a year has moved from the historical key to the objective key."""

from dataclasses import dataclass
from decimal import Decimal, localcontext

from .errors import FundingError
from .money import check_decimal

_FIELD = "phase_in"


def _is_year(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True)
class PhaseIn:
    """The objective key's weight per year; the historical key has the rest.

    Linear (no ``steps``): the weight grows by ``1 / years`` a year from ``start_year`` and is 1
    from ``start_year + years - 1`` on. With ``steps``: an explicit ``(year, weight)`` per step,
    years ascending, weights never decreasing and the last exactly 1; a year between steps keeps
    the previous step's weight. Before ``start_year`` (and before the first step) the weight is 0.
    """

    start_year: int
    years: int = 1
    steps: tuple[tuple[int, Decimal], ...] = ()

    @property
    def end_year(self) -> int:
        """The first year in which the objective key holds fully."""
        return self.steps[-1][0] if self.steps else self.start_year + self.years - 1

    def objective_weight(self, year: int) -> Decimal:
        """The objective key's weight in ``year``, from 0 (historical) to 1 (objective)."""
        if year < self.start_year:
            return Decimal(0)
        if self.steps:
            return self._step_weight(year)
        done = year - self.start_year + 1
        if done >= self.years:
            return Decimal(1)
        with localcontext() as context:  # fixed precision, whatever the caller's context
            context.prec = 28
            return Decimal(done) / Decimal(self.years)

    def _step_weight(self, year: int) -> Decimal:
        weight = Decimal(0)
        for step_year, step_weight in self.steps:
            if step_year > year:
                break
            weight = step_weight
        return weight

    def validate(self) -> None:
        """Raise FundingError (field ``"phase_in"``) unless this phase-in makes sense."""
        if not _is_year(self.start_year):
            raise FundingError("The phase-in's start year must be a whole year.", _FIELD)
        if self.steps:
            self._validate_steps()
        elif not _is_year(self.years) or self.years < 1:
            message = f"The phase-in must last at least one year, not {self.years}."
            raise FundingError(message, _FIELD)

    def _validate_steps(self) -> None:
        previous_year, previous_weight = self.start_year - 1, Decimal(0)
        for step in self.steps:
            year, weight = self._checked_step(step)
            if year < self.start_year:
                message = f"Phase-in step {year} lies before the start year {self.start_year}."
                raise FundingError(message, _FIELD)
            if year <= previous_year:
                message = f"Phase-in step {year} must come after {previous_year}, in order."
                raise FundingError(message, _FIELD)
            if weight < previous_weight:
                message = f"The phase-in decreases in {year} ({weight} after {previous_weight})."
                raise FundingError(message, _FIELD)
            previous_year, previous_weight = year, weight
        if previous_weight != 1:
            message = (
                f"The phase-in must end at exactly 1, not {previous_weight} in {previous_year}."
            )
            raise FundingError(message, _FIELD)

    @staticmethod
    def _checked_step(step: object) -> tuple[int, Decimal]:
        if not isinstance(step, tuple) or len(step) != 2 or not _is_year(step[0]):
            raise FundingError(f"A phase-in step must be (year, weight), not {step!r}.", _FIELD)
        weight = check_decimal(step[1], what=f"The phase-in weight of {step[0]}", field=_FIELD)
        if not 0 <= weight <= 1:
            message = f"The phase-in weight of {step[0]} must lie between 0 and 1, not {weight}."
            raise FundingError(message, _FIELD)
        return step[0], weight
