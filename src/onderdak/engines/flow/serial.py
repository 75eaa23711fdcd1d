"""Inputs and results as plain dictionaries of lists, numbers and strings, for storing as JSON
(a run keeps the input it was simulated with and its result) and reading back."""

from dataclasses import asdict
from typing import Any

from .errors import FlowError
from .model import (
    Band,
    Cell,
    Destinations,
    FlowInput,
    FlowResult,
    Stay,
    StayFit,
    StayKind,
    WhenFull,
)


def input_to_dict(data: FlowInput) -> dict[str, Any]:
    return _plain(asdict(data))


def result_to_dict(result: FlowResult) -> dict[str, Any]:
    return _plain(asdict(result))


def _plain(value: Any) -> Any:
    """Tuples as lists and enums as their values: what JSON gives back."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, StayKind | WhenFull):
        return value.value
    return value


def input_from_dict(data: dict[str, Any]) -> FlowInput:
    """The input stored by :func:`input_to_dict` (raises :class:`FlowError` when malformed;
    :func:`~onderdak.engines.flow.simulate` validates the values)."""
    try:
        return FlowInput(
            cells=tuple(_cell(cell) for cell in data["cells"]),
            months=data["months"],
            contingent={area: tuple(series) for area, series in data["contingent"].items()},
            groups={name: tuple(keys) for name, keys in data["groups"].items()},
            runs=data["runs"],
            seed=data["seed"],
            steps_per_month=data.get("steps_per_month"),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise FlowError(f"The stored input cannot be read: {error!r}.", "input") from error


def _cell(cell: dict[str, Any]) -> Cell:
    stay = cell["stay"]
    return Cell(
        key=cell["key"],
        area=cell["area"],
        capacity=tuple(cell["capacity"]),
        inflow=cell["inflow"],
        stay=Stay(StayKind(stay["kind"]), stay["mean_months"], stay["spread_months"]),
        destinations=Destinations(**cell["destinations"]),
        when_full=WhenFull(cell["when_full"]),
        tariff_per_day=cell["tariff_per_day"],
        occupied=cell["occupied"],
        waiting=cell["waiting"],
    )


def result_from_dict(data: dict[str, Any]) -> FlowResult:
    """The result stored by :func:`result_to_dict` (raises :class:`FlowError` when malformed)."""
    try:
        return FlowResult(
            months=data["months"],
            runs=data["runs"],
            seed=data["seed"],
            cells=_band_sets(data["cells"]),
            groups=_band_sets(data["groups"]),
            checks=dict(data["checks"]),
            steps_per_month=data["steps_per_month"],
            stays={key: StayFit(**fit) for key, fit in data["stays"].items()},
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise FlowError(f"The stored result cannot be read: {error!r}.", "result") from error


def _band_sets(sets: dict[str, dict[str, dict]]) -> dict[str, dict[str, Band]]:
    return {
        name: {
            measure: Band(**{part: tuple(values) for part, values in band.items()})
            for measure, band in bands.items()
        }
        for name, bands in sets.items()
    }
