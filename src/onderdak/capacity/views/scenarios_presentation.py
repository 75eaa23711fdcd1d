"""A scenario's parameters in words, for its page and its downloads."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from onderdak.capacity.models import FacilityType
from onderdak.capacity.selectors.calibration import Estimates, TypeEstimate
from onderdak.capacity.services.scenarios_parameters import (
    ChangeAction,
    PlanChange,
    ScenarioParameters,
    Split,
    StayKind,
    TypeSetting,
)
from onderdak.core.formatting import localized_number
from onderdak.region.models import Region


def _n(value: float, decimals: int = 2) -> str:
    """A number as the interface writes it, with at most ``decimals`` decimals and no trailing
    zeros: 1.000 and 0,25 in Dutch."""
    exact = Decimal(str(round(value, decimals))).normalize()
    return localized_number(exact, max(0, -exact.as_tuple().exponent), grouped=True)


@dataclass(frozen=True)
class Names:
    """What codes in the parameters are called: municipalities, subregions, types."""

    municipalities: dict[str, str]
    subregions: dict[str, str]
    types: dict[str, str]

    @classmethod
    def of(cls, region: Region) -> "Names":
        return cls(
            municipalities=dict(region.municipalities.values_list("cbs_code", "name")),
            subregions=dict(region.subregions.values_list("slug", "name")),
            types={t.code: t.label for t in FacilityType.objects.all()},
        )

    def area(self, change: PlanChange) -> str:
        if change.municipality:
            return self.municipalities.get(change.municipality, change.municipality)
        name = self.subregions.get(change.subregion, change.subregion)
        return _("subregion %(name)s") % {"name": name}


def parameter_summary(parameters: ScenarioParameters, region: Region) -> list[tuple[str, str]]:
    """(what, in words) for every parameter."""
    names = Names.of(region)
    p = parameters
    return [
        (_("Horizon"), _horizon(p)),
        (_("Runs"), _("%(runs)s runs, seed %(seed)s") % {"runs": _n(p.runs, 0), "seed": p.seed}),
        (_("Contingent"), _contingent(p)),
        (_("Inflow"), _multiplier(p.inflow_multiplier, _("as calibrated"))),
        (_("Length of stay"), _stay(p)),
        (
            _("Changes to the plan"),
            "; ".join(change_text(c, names) for c in p.plan_changes) or _("none"),
        ),
        (_("Places replaced"), _replaced(p)),
        (
            _("Settings per type"),
            "; ".join(type_text(names.types.get(code, code), s) for code, s in p.types.items())
            or _("the calibration's, for every type"),
        ),
    ]


def _horizon(p: ScenarioParameters) -> str:
    if p.start_month is None:
        return _("%(months)s months from the month after the latest monthly figures") % {
            "months": p.horizon_months
        }
    return _("%(months)s months from %(start)s") % {
        "months": p.horizon_months,
        "start": p.start_month.strftime("%m/%Y"),
    }


def _contingent(p: ScenarioParameters) -> str:
    split = (
        _("split by the year's spread targets, the rest by population")
        if p.contingent_split == Split.SPREAD_TARGETS
        else _("split by population")
    )
    if p.contingent_per_year is None:
        amount = _("the region's contingent years (else 250 dwellings a year)")
    else:
        amount = _("%(n)s dwellings a year") % {"n": _n(p.contingent_per_year, 0)}
    return f"{amount}, {split}"


def _multiplier(value: float, default: str) -> str:
    if value == 1:
        return default
    return _("%(factor)s times the calibration") % {"factor": _n(value)}


def _stay(p: ScenarioParameters) -> str:
    kind = (
        _("lognormal, spread %(spread)s times the mean") % {"spread": _n(p.stay_spread)}
        if p.stay_distribution == StayKind.LOGNORMAL
        else _("exponential")
    )
    return f"{_multiplier(p.stay_multiplier, _('as calibrated'))}, {kind}"


def _replaced(p: ScenarioParameters) -> str:
    if not p.plan_places:
        return _("none")
    return _("the plan's places in %(n)s municipality and type combinations") % {
        "n": len(p.plan_places)
    }


def change_text(change: PlanChange, names: Names) -> str:
    kind = names.types.get(change.facility_type, change.facility_type)
    area = names.area(change)
    if change.action == ChangeAction.PACE:
        return _("%(type)s in %(area)s: build-up or phase-down %(factor)s times as fast") % {
            "type": kind,
            "area": area,
            "factor": _n(change.factor),
        }
    numbers = {"places": f"{change.places:+d}", "type": kind, "area": area}
    if change.from_year is None:
        return _("%(places)s places %(type)s in %(area)s") % numbers
    return _("%(places)s places %(type)s in %(area)s from %(year)s") % {
        **numbers,
        "year": change.from_year,
    }


def type_text(label: str, setting: TypeSetting) -> str:
    parts = []
    if setting.inflow_per_10000 is not None:
        parts.append(
            _("%(n)s newcomers a month per 10,000 inhabitants")
            % {"n": _n(setting.inflow_per_10000)}
        )
    if setting.mean_stay_months is not None:
        parts.append(_("mean stay %(n)s months") % {"n": _n(setting.mean_stay_months)})
    if setting.tariff_per_day is not None:
        parts.append(_("tariff € %(n)s a day") % {"n": _n(setting.tariff_per_day)})
    if setting.destinations is not None:
        shares = setting.destinations
        parts.append(
            _(
                "%(c)s %% to a contingent dwelling, %(h)s %% other housing, %(i)s %% another "
                "institution, %(u)s %% unknown"
            )
            % {k[0]: _n(v * 100, 1) for k, v in shares.items()}
        )
    return f"{label}: {', '.join(parts)}"


def calibrated_texts(found: Estimates) -> dict[str, str]:
    """Per type what the calibration gives a scenario by default, in words."""
    return {code: _calibrated(estimate) for code, estimate in found.types.items()}


def _calibrated(estimate: TypeEstimate) -> str:
    parts = []
    if estimate.inflow_per_10000 is not None:
        parts.append(_("%(n)s a month per 10,000") % {"n": _n(estimate.inflow_per_10000)})
    if estimate.mean_stay_months is not None:
        parts.append(_("%(n)s months") % {"n": _n(estimate.mean_stay_months, 1)})
    if estimate.destinations is not None:
        shares = "/".join(_n(v * 100, 0) for v in estimate.destinations.values())
        parts.append(_("%(shares)s %% by destination") % {"shares": shares})
    return "; ".join(parts) or _("too few figures")
