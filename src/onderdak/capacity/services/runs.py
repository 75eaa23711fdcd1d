"""Runs of the flow simulation (``engines/flow``): start, solve inline or in the background, store.

A run stores the whole engine input it was built with (with the months, labels and notes the
pages need), the engine's version and the seed; its result is the bands of the region, each
subregion and each type, per measure and month, rounded as stored. The same input gives the
same stored result (:func:`simulation_run_replay` checks it).

Small runs are simulated in the request; larger ones in a background thread started after the
commit, which stores its progress on the run (decision 0011, as allocation runs; a production
setup would hand them to a task queue). Whatever goes wrong, a run ends as failed with a message,
never stays "running".
"""

import dataclasses
import datetime
import logging
import threading
from collections.abc import Callable, Mapping

from django.db import close_old_connections, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from onderdak.accounts.models import User
from onderdak.capacity.models import RunStatus, Scenario, SimulationRun
from onderdak.capacity.models.scenarios import Run
from onderdak.capacity.selectors.scenarios_input import ScenarioInput, flow_input, region_data
from onderdak.capacity.services.scenarios_parameters import scenario_parameters
from onderdak.core.errors import DomainError
from onderdak.engines import flow
from onderdak.engines.flow.validation import MAX_CELL_MONTH_RUNS

logger = logging.getLogger(__name__)

#: Runs x cells x months simulated in the request (well under a second); more in the background.
INLINE_WORK = 2_000_000
#: Decimals stored: people to the hundredth (percentiles of counts are whole or halves), euro whole.
DECIMALS = {"cost": 0, "capacity_cost": 0}
PEOPLE_DECIMALS = 2


# --- The stored input ----------------------------------------------------------------------------


def input_json(scenario_input: ScenarioInput) -> dict:
    """The run's input as stored: the engine's input, and what reading the result needs."""
    return {
        "engine": dataclasses.asdict(scenario_input.engine),
        "months": [m.strftime("%Y-%m") for m in scenario_input.months],
        "labels": dict(scenario_input.labels),
        "cells": {key: list(cell) for key, cell in scenario_input.cells.items()},
        "notes": list(scenario_input.notes),
    }


def engine_input(stored: Mapping) -> flow.FlowInput:
    """The engine's input, back from its stored JSON."""
    data = stored["engine"]
    return flow.FlowInput(
        cells=tuple(_cell(cell) for cell in data["cells"]),
        months=data["months"],
        contingent={area: tuple(v) for area, v in data["contingent"].items()},
        groups={name: tuple(keys) for name, keys in data["groups"].items()},
        runs=data["runs"],
        seed=data["seed"],
        steps_per_month=data.get("steps_per_month"),
    )


def _cell(data: Mapping) -> flow.Cell:
    stay = data["stay"]
    return flow.Cell(
        **{
            **data,
            "capacity": tuple(data["capacity"]),
            "stay": flow.Stay(
                flow.StayKind(stay["kind"]), stay["mean_months"], stay["spread_months"]
            ),
            "destinations": flow.Destinations(**data["destinations"]),
            "when_full": flow.WhenFull(data["when_full"]),
        }
    )


# --- The stored result ---------------------------------------------------------------------------


def _rounded(measure: str, values) -> list[float]:
    decimals = DECIMALS.get(measure, PEOPLE_DECIMALS)
    return [round(float(v), decimals) for v in values]


def _band_json(measure: str, band: flow.Band) -> dict[str, list[float]]:
    return {q: _rounded(measure, getattr(band, q)) for q in ("p10", "p50", "p90", "mean")}


def result_json(result: flow.FlowResult) -> dict:
    """The groups' bands per measure, the engine's checks and how it stepped."""
    return {
        "groups": {
            name: {measure: _band_json(measure, band) for measure, band in bands.items()}
            for name, bands in result.groups.items()
        },
        "checks": {name: float(value) for name, value in result.checks.items()},
        "steps_per_month": result.steps_per_month,
    }


# --- Starting and running ------------------------------------------------------------------------


def work(data: flow.FlowInput) -> int:
    return data.runs * len(data.cells) * data.months


def _check_size(data: flow.FlowInput) -> None:
    if work(data) > MAX_CELL_MONTH_RUNS:
        most = max(1, MAX_CELL_MONTH_RUNS // (len(data.cells) * data.months))
        message = _(
            "%(runs)s runs of %(cells)s municipality and type combinations over %(months)s months "
            "is more than the simulation can hold; choose at most %(most)s runs or a shorter "
            "horizon."
        ) % {"runs": data.runs, "cells": len(data.cells), "months": data.months, "most": most}
        raise DomainError(message, fields={"runs": [message]})


@transaction.atomic
def simulation_run_start(
    *, scenario: Scenario, by: User, today: datetime.date | None = None
) -> SimulationRun:
    """Build the scenario's input from the region's data now and store it with the run; simulate
    a small run at once, a large one in the background after the commit."""
    parameters = scenario_parameters(scenario.parameters, region=scenario.region)
    built = flow_input(
        parameters=parameters,
        data=region_data(region=scenario.region),
        today=today or timezone.localdate(),
    )
    _check_size(built.engine)
    run = SimulationRun.objects.create(
        scenario=scenario,
        runs=built.engine.runs,
        months=built.engine.months,
        seed=built.engine.seed,
        input=input_json(built),
        engine_version=flow.ENGINE_VERSION,
        created_by=by,
    )
    if work(built.engine) <= INLINE_WORK:
        _simulate(run, built.engine)
    else:
        transaction.on_commit(lambda: start_in_background(_background, SimulationRun, run.pk))
    return run


def _simulate(run: SimulationRun, data: flow.FlowInput) -> None:
    reporter = progress_reporter(run)
    execute(run, lambda: result_json(flow.simulate(data, progress=reporter)), flow.FlowError)


def progress_reporter(run: Run) -> Callable[[float], None]:
    """Stores the share of the months done as the run's progress (10 to 95 %), in steps of a
    tenth, so a long run writes its progress some ten times."""
    shown = [10]  # where a run starts

    def report(share: float) -> None:
        percent = 10 + int(share * 10) * 85 // 10
        if percent > shown[0]:
            shown[0] = percent
            set_progress(run, RunStatus.RUNNING, percent)

    return report


def _background(run_id: int) -> None:
    run = SimulationRun.objects.get(pk=run_id)
    _simulate(run, engine_input(run.input))


def simulation_run_replay(*, run: SimulationRun) -> bool:
    """Whether the engine gives the stored result again on the stored input (same input, same
    output); the run itself is not changed."""
    if run.status != RunStatus.DONE:
        raise DomainError(_("Only a finished run can be replayed."), code="run_not_done")
    return result_json(flow.simulate(engine_input(run.input))) == run.result


# --- What simulation and optimisation runs share -------------------------------------------------


def start_in_background(target: Callable[[int], None], model: type[Run], run_id: int) -> None:
    threading.Thread(target=guarded, args=(target, model, run_id), daemon=True).start()


def guarded(target: Callable[[int], None], model: type[Run], run_id: int) -> None:
    """A run in its own thread: whatever goes wrong, the run ends as failed, never "running"."""
    try:
        target(run_id)
    except Exception:
        logger.exception("Run %s stopped unexpectedly", run_id)
        run = model.objects.filter(pk=run_id).first()
        if run is not None:
            fail(run, _("The run stopped unexpectedly; start it again."))
    finally:
        close_old_connections()


def execute(run: Run, compute: Callable[[], dict], refused: type[Exception]) -> None:
    """Compute and store a run's result; an input the engine refuses (``refused``, with its
    ``message``) ends the run as failed with the engine's reason."""
    set_progress(run, RunStatus.RUNNING, 10)
    try:
        run.result = compute()
    except refused as error:
        logger.warning("Run %s refused: %s", run.pk, error)
        fail(run, _("The engine refused its input: %(error)s") % {"error": error.message})
        return
    finish(run)


def set_progress(run: Run, status: str, progress: int) -> None:
    run.status, run.progress = status, progress
    type(run).objects.filter(pk=run.pk).update(status=status, progress=progress)


def fail(run: Run, message: str) -> None:
    run.status, run.error, run.progress = RunStatus.FAILED, message[:500], 100
    run.finished_at = timezone.now()
    run.save()


def finish(run: Run) -> None:
    run.status, run.progress, run.finished_at = RunStatus.DONE, 100, timezone.now()
    run.save()
