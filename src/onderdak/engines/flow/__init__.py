"""The flow engine: inflow, stay and outflow of shelter and protected-housing places, month by
month, with the contingent as the outflow valve; Monte Carlo bands; calibration on history.

Plain Python and numpy (no Django): a :class:`FlowInput` in, a :class:`FlowResult` out.
Modules: ``model`` (the dataclasses and the definitions of the measures), ``validation``,
``stays`` (lengths of stay as phases), ``tables`` (exact draws by inverse distribution
functions), ``contingent`` (the contingent's split over cells), ``plan`` (the input as arrays),
``draws`` (the random numbers), ``engine`` (the vectorised simulation, and why it is monotone in
the contingent), ``loop`` (the same model as a plain loop), ``bands`` and ``results`` (the
percentile bands), ``calibration`` (estimates from monthly figures), ``serial`` (inputs and
results as JSON-ready dictionaries), ``generate`` (synthetic inputs for tests and benchmarks).
Decision 0014 explains the choices.
"""

from collections.abc import Callable, Iterator

from .calibration import (
    Calibration,
    Estimate,
    FacilityHistory,
    FittedPath,
    Interval,
    MonthFigures,
    Note,
    calibrate,
)
from .engine import Paths, prepare, run, simulate_paths
from .errors import FlowError
from .loop import simulate_loop
from .model import (
    ALL_MEASURES,
    DAYS_PER_MONTH,
    EXTRA_MEASURES,
    MEASURES,
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
from .results import summarise
from .serial import input_from_dict, input_to_dict, result_from_dict, result_to_dict

#: Stored with a run, so a result can be traced to the model that made it.
ENGINE_VERSION = "flow-1"


def simulate(data: FlowInput, progress: Callable[[float], None] | None = None) -> FlowResult:
    """Simulate ``data.runs`` runs, vectorised over runs and cells; same input, same output.

    ``progress``, if given, is called with the share of the months done after each month (for a
    progress bar of a background run).
    """
    plan, draws = prepare(data)
    months = run(plan, draws)
    if progress is not None:
        months = _reporting(months, data.months, progress)
    return summarise(data, plan, months, draws.most_people)


def _reporting(months: Iterator[dict], total: int, progress: Callable[[float], None]) -> Iterator:
    for done, values in enumerate(months, start=1):
        yield values
        progress(done / total)


__all__ = [
    "ALL_MEASURES",
    "DAYS_PER_MONTH",
    "ENGINE_VERSION",
    "EXTRA_MEASURES",
    "MEASURES",
    "Band",
    "Calibration",
    "Cell",
    "Destinations",
    "Estimate",
    "FacilityHistory",
    "FittedPath",
    "FlowError",
    "FlowInput",
    "FlowResult",
    "Interval",
    "MonthFigures",
    "Note",
    "Paths",
    "Stay",
    "StayFit",
    "StayKind",
    "WhenFull",
    "calibrate",
    "input_from_dict",
    "input_to_dict",
    "result_from_dict",
    "result_to_dict",
    "simulate",
    "simulate_loop",
    "simulate_paths",
]
