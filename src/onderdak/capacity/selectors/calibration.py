"""The calibration of the flow model on the monthly figures (``engines/flow/calibration.py``),
as the calibration page shows it and as scenarios and the plan optimisation take their defaults
from it.

The register's history (``selectors/history.py``) goes to the engine twice: pooled per cell (the
facilities of one municipality and type, key ``GM0546/housing-first``) and pooled per type over
the region (key: the type's code), whose inflow per 10,000 inhabitants serves municipalities that
have no facility of the type yet. Three queries: the history, the types, the population.
"""

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field

from onderdak.capacity.models import FacilityType
from onderdak.capacity.selectors.history import FacilityRecord, facility_history
from onderdak.engines import flow
from onderdak.region.models import Region
from onderdak.region.selectors import municipality_list

Cell = tuple[str, str]  # (CBS code, type code)


@dataclass(frozen=True)
class CellEstimate:
    """What the figures of one municipality x type's facilities say (``None``: cannot tell)."""

    inflow: float | None  # newcomers a month
    mean_stay_months: float | None
    destinations: Mapping[str, float] | None


@dataclass(frozen=True)
class TypeEstimate:
    """A type's figures pooled over the region."""

    inflow_per_10000: float | None  # newcomers a month per 10,000 inhabitants of the region
    mean_stay_months: float | None
    destinations: Mapping[str, float] | None


@dataclass(frozen=True)
class Estimates:
    cells: Mapping[Cell, CellEstimate] = field(default_factory=dict)
    types: Mapping[str, TypeEstimate] = field(default_factory=dict)


@dataclass(frozen=True)
class RegionCalibration:
    """The engine's estimates per facility, per cell and per type, with what names them."""

    records: Mapping[str, FacilityRecord]  # facility key → its record
    cells: flow.Calibration  # per facility and per cell
    types: flow.Calibration  # per type, pooled over the region
    population: int
    type_labels: Mapping[str, str]
    municipality_names: Mapping[str, str]

    @property
    def has_figures(self) -> bool:
        return bool(self.records)

    def cell_label(self, key: str) -> str:
        cbs_code, _slash, code = key.partition("/")
        return (
            f"{self.municipality_names.get(cbs_code, cbs_code)}, {self.type_labels.get(code, code)}"
        )


def _history(record: FacilityRecord, cell: str, when_full: str) -> flow.FacilityHistory:
    months = tuple(
        flow.MonthFigures(
            month=m.month,
            places=m.places,
            occupied=m.occupied,
            waiting=m.waiting_list,
            inflow=m.inflow,
            outflow_contingent=m.outflow_contingent,
            outflow_housing=m.outflow_housing,
            outflow_institution=m.outflow_institution,
            outflow_unknown=m.outflow_unknown,
        )
        for m in record.months
    )
    return flow.FacilityHistory(record.key, cell, months, flow.WhenFull(when_full))


def region_calibration(*, region: Region) -> RegionCalibration:
    records = facility_history(region=region)
    types = {t.code: t for t in FacilityType.objects.all()}

    def histories(cell_of) -> list[flow.FacilityHistory]:
        return [_history(r, cell_of(r), types[r.facility_type].when_full) for r in records]

    municipalities = municipality_list(region=region).defer("boundary")
    return RegionCalibration(
        records={r.key: r for r in records},
        cells=flow.calibrate(histories(lambda r: f"{r.municipality}/{r.facility_type}")),
        types=flow.calibrate(histories(lambda r: r.facility_type)),
        population=sum(m.population or 0 for m in municipalities),
        type_labels={code: t.label for code, t in types.items()},
        municipality_names={m.cbs_code: m.name for m in municipalities},
    )


def _value(interval: flow.Interval | None) -> float | None:
    return None if interval is None else interval.estimate


def _shares(estimate: flow.Estimate) -> dict[str, float] | None:
    destinations = estimate.destinations()
    return None if destinations is None else asdict(destinations)


def estimates(*, region: Region) -> Estimates:
    """What scenarios and the optimisation take by default: per cell its own estimates, per type
    the region's pooled ones (inflow per 10,000 inhabitants)."""
    found = region_calibration(region=region)
    if not found.has_figures:
        return Estimates()
    cells = {
        tuple(key.split("/", 1)): CellEstimate(_value(e.inflow), _value(e.stay), _shares(e))
        for key, e in found.cells.cells.items()
    }
    per_10000 = 10_000 / found.population if found.population else None
    types = {
        code: TypeEstimate(
            None if e.inflow is None or per_10000 is None else e.inflow.estimate * per_10000,
            _value(e.stay),
            _shares(e),
        )
        for code, e in found.types.cells.items()
    }
    return Estimates(cells=cells, types=types)
