"""Writes to funding scenarios. Every write validates and runs in one transaction: a bad row
anywhere leaves nothing half-saved.

Inputs are replaced as a whole per kind (all budget lines of a scenario, one key, ...), as they are
entered and published together. Every saved or deleted row leaves its entry in the audit trail.
"""

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from onderdak.accounts.models import User
from onderdak.core.api.exceptions import NON_FIELD
from onderdak.core.errors import DomainError
from onderdak.core.validation import save_validated
from onderdak.engines.funding import FundingError, PhaseIn, validate_key
from onderdak.funding.models import (
    HUNDRED,
    INPUT_MODELS,
    ONE,
    BudgetLine,
    FundingScenario,
    IndicatorWeight,
    KeyKind,
    KeyShare,
    ObjectiveMethod,
    PhaseInStep,
    PlannedCost,
    RegionalCost,
    ScenarioInput,
    SubregionalPool,
)
from onderdak.region.models import Municipality, Region

Row = Mapping[str, Any]

#: Scenario fields a user may change; ``region``, ``is_demo`` and ``created_by`` are fixed.
EDITABLE_FIELDS = frozenset(
    {
        "name",
        "description",
        "first_year",
        "last_year",
        "phase_in_start_year",
        "phase_in_years",
        "cap_percent",
        "objective_method",
        "solidarity_population_weight",
    }
)


# --- Scenarios -----------------------------------------------------------------------------------


@transaction.atomic
def scenario_create(
    *,
    region: Region,
    name: str,
    first_year: int,
    last_year: int,
    phase_in_start_year: int | None = None,
    phase_in_years: int = 1,
    cap_percent: Decimal | None = None,
    objective_method: str = ObjectiveMethod.ENTERED,
    solidarity_population_weight: Decimal = ONE,
    description: str = "",
    is_demo: bool = False,
    created_by: User | None = None,
) -> FundingScenario:
    """A new, empty scenario; the phase-in starts in the first year unless said otherwise."""
    scenario = FundingScenario(
        region=region,
        name=name,
        description=description,
        first_year=first_year,
        last_year=last_year,
        phase_in_start_year=phase_in_start_year or first_year,
        phase_in_years=phase_in_years,
        cap_percent=cap_percent,
        objective_method=objective_method,
        solidarity_population_weight=solidarity_population_weight,
        is_demo=is_demo,
        created_by=created_by,
    )
    return _save_scenario(scenario)


@transaction.atomic
def scenario_update(*, scenario: FundingScenario, **changes) -> FundingScenario:
    """Change a scenario's settings. Narrowing its years is refused while inputs lie outside."""
    scenario = _locked(scenario)
    _set_fields(scenario, changes)
    scenario = _save_scenario(scenario)
    _check_inputs_fit(scenario)
    steps = list(scenario.phase_in_steps.all())
    if steps:
        _check_phase_in(scenario.phase_in_start_year, steps, field="phase_in_start_year")
    return scenario


@transaction.atomic
def scenario_delete(*, scenario: FundingScenario) -> None:
    """Delete a scenario with everything entered for it."""
    _locked(scenario).delete()


@transaction.atomic
def scenario_copy(
    *, scenario: FundingScenario, name: str, created_by: User | None = None, **changes
) -> FundingScenario:
    """A copy of ``scenario`` with all its inputs, named ``name``: the start of a variant.

    ``changes`` sets scenario fields of the copy, e.g. ``phase_in_years=10``. A copy of demo
    figures is marked as demo too.
    """
    source = FundingScenario.objects.prefetch_related(*_copy_prefetches()).get(pk=scenario.pk)
    copy = FundingScenario.objects.get(pk=scenario.pk)
    copy.pk = None
    copy.created_by = created_by
    _set_fields(copy, {"name": name, **changes})
    copy = _save_scenario(copy)
    for related_name in INPUT_MODELS:
        rows = getattr(source, related_name).all()
        _save_rows((_copied(row, copy) for row in rows), related_name)
    return copy


def _copy_prefetches() -> list[str]:
    """Each input with the municipality or subregion its region check reads."""
    return [
        *INPUT_MODELS,
        "key_shares__municipality",
        "planned_costs__municipality",
        "subregional_pools__subregion",
    ]


def _copied(row: ScenarioInput, scenario: FundingScenario) -> ScenarioInput:
    row.pk = None
    row.scenario = scenario
    return row


def _locked(scenario: FundingScenario) -> FundingScenario:
    return FundingScenario.objects.select_for_update().select_related("region").get(pk=scenario.pk)


def _set_fields(scenario: FundingScenario, changes: Mapping[str, Any]) -> None:
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"Not an editable scenario field: {', '.join(sorted(unknown))}")
    for field, value in changes.items():
        setattr(scenario, field, value)


def _save_scenario(scenario: FundingScenario) -> FundingScenario:
    """Validate and save; a duplicate name is reported on the name field, where it is typed."""
    taken = FundingScenario.objects.filter(region=scenario.region_id, name=scenario.name)
    if scenario.pk:
        taken = taken.exclude(pk=scenario.pk)
    if taken.exists():
        raise DomainError(
            _("The input is not valid."),
            fields={"name": [_("A scenario with this name already exists.")]},
        )
    return save_validated(scenario)


def _check_inputs_fit(scenario: FundingScenario) -> None:
    """Refuse years that would leave entered amounts outside the scenario."""
    for model in INPUT_MODELS.values():
        if not any(field.name == "year" for field in model._meta.fields):
            continue
        entered = model.objects.filter(scenario=scenario)
        if entered.exclude(year__range=(scenario.first_year, scenario.last_year)).exists():
            message = _("Figures are entered for years outside this range; remove them first.")
            raise DomainError(
                _("The input is not valid."),
                fields={"first_year": [message], "last_year": [message]},
            )


# --- Inputs --------------------------------------------------------------------------------------


@transaction.atomic
def budget_lines_replace(*, scenario: FundingScenario, lines: Iterable[Row]) -> list[BudgetLine]:
    """Replace the budget: per year, an amount per funding source, each with its source."""
    return _replace(scenario, BudgetLine, lines, "lines")


@transaction.atomic
def regional_costs_replace(
    *, scenario: FundingScenario, costs: Iterable[Row]
) -> list[RegionalCost]:
    """Replace the yearly costs of regional specialist care that all municipalities share."""
    return _replace(scenario, RegionalCost, costs, "costs")


@transaction.atomic
def subregional_pools_replace(
    *, scenario: FundingScenario, pools: Iterable[Row]
) -> list[SubregionalPool]:
    """Replace the yearly costs each subregion shares among its municipalities."""
    return _replace(scenario, SubregionalPool, pools, "pools")


@transaction.atomic
def planned_costs_replace(*, scenario: FundingScenario, costs: Iterable[Row]) -> list[PlannedCost]:
    """Replace what each municipality plans to spend per year."""
    return _replace(scenario, PlannedCost, costs, "costs")


@transaction.atomic
def phase_in_steps_replace(*, scenario: FundingScenario, steps: Iterable[Row]) -> list[PhaseInStep]:
    """Replace the phase-in path per year; no steps means equal steps over the phase-in years."""
    saved = _replace(scenario, PhaseInStep, steps, "steps")
    if saved:
        _check_phase_in(saved[0].scenario.phase_in_start_year, saved)
    return saved


def _check_phase_in(start_year: int, steps: list[PhaseInStep], field: str = "steps") -> None:
    """The engine's check of a phase-in path, with a message in the user's language."""
    path = tuple(sorted((step.year, step.objective_weight) for step in steps))
    try:
        PhaseIn(start_year=start_year, steps=path).validate()
    except FundingError as error:
        message = _(
            "From the phase-in start year on, the weight of the objective key may only grow, "
            "and it ends at exactly 1."
        )
        raise DomainError(_("The input is not valid."), fields={field: [message]}) from error


@transaction.atomic
def indicator_weights_replace(
    *, scenario: FundingScenario, weights: Iterable[Row]
) -> list[IndicatorWeight]:
    """Replace the indicator weights of a computed objective key; together they weigh 1."""
    saved = _replace(scenario, IndicatorWeight, weights, "weights")
    total = sum((weight.weight for weight in saved), Decimal(0))
    if saved and total != ONE:
        raise DomainError(
            _("The input is not valid."),
            fields={
                "weights": [
                    _("The weights add up to %(total)s; they must add up to 1.") % {"total": total}
                ]
            },
        )
    return saved


@transaction.atomic
def key_shares_replace(
    *,
    scenario: FundingScenario,
    kind: str,
    shares: Mapping[Municipality, Decimal],
    source: str,
) -> list[KeyShare]:
    """Replace one key: every municipality of the region with its share, together 100 %."""
    scenario = _locked(scenario)
    _check_kind(kind)
    codes = _check_municipalities(scenario.region, shares)
    KeyShare.objects.filter(scenario=scenario, kind=kind).delete()
    rows = (
        KeyShare(scenario=scenario, kind=kind, municipality=m, share_percent=share, source=source)
        for m, share in shares.items()
    )
    saved = _save_rows(rows, "shares", key=lambda row: row.municipality.cbs_code)
    _check_key(saved, codes, f"{kind}_key")
    _touch(scenario)
    return saved


def _check_kind(kind: str) -> None:
    if kind not in KeyKind.values:
        raise DomainError(
            _("The input is not valid."), fields={"kind": [_("This is not a known key.")]}
        )


def _check_municipalities(region: Region, shares: Mapping[Municipality, Decimal]) -> set[str]:
    """The region's CBS codes; refuses municipalities of another region and missing ones."""
    codes = set(region.municipalities.values_list("cbs_code", flat=True))
    given = {municipality.cbs_code for municipality in shares}
    foreign, missing = sorted(given - codes), sorted(codes - given)
    if foreign:
        message = _("Not part of the region: %(codes)s.") % {"codes": ", ".join(foreign)}
    elif missing:
        message = _("Every municipality needs a share (0 is allowed); missing: %(codes)s.") % {
            "codes": ", ".join(missing)
        }
    else:
        return codes
    raise DomainError(_("The input is not valid."), fields={"shares": [message]})


def _check_key(saved: list[KeyShare], codes: set[str], name: str) -> None:
    """The engine's check that a key adds up to 100 %, with a message in the user's language."""
    key = {row.municipality.cbs_code: row.share_percent / HUNDRED for row in saved}
    try:
        validate_key(key, codes=codes, name=name)
    except FundingError as error:
        total = sum((row.share_percent for row in saved), Decimal(0))
        message = _("The shares add up to %(total)s %%; a key adds up to 100 %%.") % {
            "total": total
        }
        raise DomainError(_("The input is not valid."), fields={"shares": [message]}) from error


def _replace(
    scenario: FundingScenario, model: type[ScenarioInput], rows: Iterable[Row], collection: str
) -> list:
    """Delete what was entered of ``model`` and save ``rows`` in its place, all or nothing."""
    scenario = _locked(scenario)
    model.objects.filter(scenario=scenario).delete()
    saved = _save_rows((model(scenario=scenario, **row) for row in rows), collection)
    _touch(scenario)
    return saved


def _save_rows(instances: Iterable[Model], collection: str, key=None) -> list:
    """Save each row validated; an error names the row: ``lines.2.amount``, ``shares.GM0546``.

    Shared fields (the one ``source`` of a key) keep their own name.
    """
    saved = []
    for index, instance in enumerate(instances):
        row = key(instance) if key else str(index)
        try:
            saved.append(save_validated(instance))
        except DomainError as error:
            fields = _row_fields(error.fields, collection, row, keyed=key is not None)
            raise DomainError(error.message, fields=fields) from error
    return saved


def _row_fields(fields: Mapping, collection: str, row: str, *, keyed: bool) -> dict:
    prefixed = {}
    for name, messages in fields.items():
        if keyed and name == "source":
            prefixed["source"] = messages
        elif keyed or name == NON_FIELD:
            prefixed[f"{collection}.{row}"] = messages
        else:
            prefixed[f"{collection}.{row}.{name}"] = messages
    return prefixed


def _touch(scenario: FundingScenario) -> None:
    """Mark the scenario changed without an audit entry of its own (its inputs have theirs)."""
    FundingScenario.objects.filter(pk=scenario.pk).update(updated_at=timezone.now())
