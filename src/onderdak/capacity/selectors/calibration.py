"""The calibration of the flow model on the monthly figures (``engines/flow/calibration.py``),
as the calibration page shows it and as scenarios and the plan optimisation take their defaults
from it.

The register's history (``selectors/history.py``) goes to the engine twice: pooled per cell (the
facilities of one municipality and type, key ``GM0546/housing-first``) and pooled per type over
the region (key: the type's code), whose inflow per 10,000 inhabitants serves municipalities that
have no facility of the type yet.
"""

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace

from onderdak.capacity.models import Facility, FacilityType
from onderdak.capacity.selectors.history import facility_history
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

    facility_names: Mapping[str, str]  # facility key → its name, for those with figures
    cells: flow.Calibration  # per facility and per cell
    types: flow.Calibration  # per type, pooled over the region
    population: int
    type_labels: Mapping[str, str]
    municipality_names: Mapping[str, str]

    @property
    def has_figures(self) -> bool:
        return bool(self.facility_names)

    def cell_label(self, key: str) -> str:
        cbs_code, _slash, code = key.partition("/")
        municipality = self.municipality_names.get(cbs_code, cbs_code)
        return f"{municipality}, {self.type_labels.get(code, code)}"


def region_calibration(*, region: Region) -> RegionCalibration:
    """Four queries: the history, the facilities' names, the types, the population."""
    history = facility_history(region=region)
    names = Facility.objects.filter(pk__in=[int(h.key) for h in history]).values_list("pk", "name")
    municipalities = municipality_list(region=region).defer("boundary")
    return RegionCalibration(
        facility_names={str(pk): name for pk, name in names},
        cells=flow.calibrate(history),
        types=flow.calibrate([replace(h, cell=h.cell.partition("/")[2]) for h in history]),
        population=sum(m.population or 0 for m in municipalities),
        type_labels={t.code: t.label for t in FacilityType.objects.all()},
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
