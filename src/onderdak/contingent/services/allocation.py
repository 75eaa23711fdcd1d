"""Writes of allocation: the rent limits of passend toewijzen, and the allocation runs.

A run takes the pool of a contingent year (approved nominations, available dwellings, narrowed
by the run's filters) to the engine (``onderdak.engines.allocation``), with the year's targets
as quotas, the pairs proposed before as declined pairs and the year's rent limits. Its input and
results are stored as JSON, so a run can be replayed and explained; the coordinator changes
assignments by hand (checked against the engine's hard rules) and publishes them as proposals.
"""

import csv
import dataclasses
import datetime
import json
import logging
import threading
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from django.core.serializers.json import DjangoJSONEncoder
from django.db import close_old_connections, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from onderdak.accounts.models import User
from onderdak.contingent.models import (
    AffordabilityLimit,
    AllocationRun,
    ContingentYear,
    Dwelling,
    DwellingStatus,
    IncomeBand,
    Nomination,
    NominationStatus,
    Proposal,
    ProposalOrigin,
    ProposalStatus,
    RunMode,
    RunStatus,
)
from onderdak.contingent.models.dwellings import MAX_RENT
from onderdak.contingent.services.proposals import proposal_create
from onderdak.core.api.exceptions import NON_FIELD
from onderdak.core.errors import Conflict, DomainError
from onderdak.engines import allocation as engine
from onderdak.region.models import Region

logger = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parent.parent / "data" / "passend-toewijzen-2024.csv"
#: Runs with at most this many pairs (candidates x dwellings) run inline; larger ones in the
#: background. A region's round (hundreds by hundreds) finishes well within a second.
INLINE_PAIRS = 250_000
DEFAULT_WEIGHTS = {
    "preferred_area": 3,
    "waiting_time": 4,
    "guidance_nearby": 2,
    "household_fit": 2,
    "urgency": 5,
}
#: Proposals in these states made the pair's outcome known: it is never proposed again.
DECIDED = (
    ProposalStatus.DECLINED_BY_PROVIDER,
    ProposalStatus.DECLINED_BY_CORPORATION,
    ProposalStatus.CANCELLED,
)


# --- Rent limits ---------------------------------------------------------------------------------


def limits_from_csv(path: Path = DATA) -> list[dict]:
    """The rows of the national table: one per household size (the rent limit does not depend
    on the age group), for the income band at or below the limit."""
    rows: dict[int, dict] = {}
    with path.open(encoding="utf-8") as handle:
        for line in csv.DictReader(handle):
            size = int(line["household"].split()[0])
            rows[size] = {
                "household_from": size,
                "household_to": None if "more" in line["household"] else size,
                "max_rent": Decimal(line["rent_limit_eur"]),
                "source": _("%(url)s (figures of %(year)s)")
                % {"url": line["source_url"], "year": line["year"]},
            }
    return [rows[size] for size in sorted(rows)]


@transaction.atomic
def affordability_limits_load(*, region: Region, year: int, path: Path = DATA) -> int:
    """Fill a year's rent limits from the national table, unless the year has them already
    (the coordinator's changes are kept); the number of rows added."""
    if AffordabilityLimit.objects.filter(region=region, year=year).exists():
        return 0
    rows = [
        AffordabilityLimit(region=region, year=year, income_band=IncomeBand.WITHIN_LIMIT, **row)
        for row in limits_from_csv(path)
    ]
    for row in rows:
        row.full_clean()
        row.save()
    return len(rows)


@transaction.atomic
def affordability_limit_update(
    *, limit: AffordabilityLimit, max_rent: Decimal, source: str, by: User
) -> AffordabilityLimit:
    """Change a rent limit; the source says where the new figure comes from."""
    if not source.strip():
        raise DomainError(
            _("Give the source of the figure."),
            fields={"source": [_("Give the source of the figure.")]},
        )
    limit.max_rent, limit.source = max_rent, source.strip()
    limit.full_clean()
    limit.save()
    return limit


def engine_limits(*, region_id: int, year: int) -> tuple[engine.AffordabilityLimit, ...]:
    """The year's limits for the engine; the band above the income limit gets the highest
    plausible rent, because passend toewijzen sets it no limit."""
    rows = AffordabilityLimit.objects.filter(region_id=region_id, year=year)
    limits = [
        engine.AffordabilityLimit(row.income_band, row.household_from, row.max_rent, row.source)
        for row in rows
    ]
    if not limits:
        raise DomainError(
            _("There are no rent limits for %(year)s; enter them first.") % {"year": year},
            code="no_rent_limits",
        )
    no_limit = _("no rent limit above the income limit of passend toewijzen")
    limits.append(engine.AffordabilityLimit(IncomeBand.ABOVE_LIMIT, 1, MAX_RENT, no_limit))
    return tuple(limits)


# --- Building the input --------------------------------------------------------------------------


def pool(run: AllocationRun) -> tuple[list[Nomination], list[Dwelling]]:
    """The run's pool: approved nominations and available dwellings of the year, by filter."""
    nominations = Nomination.objects.filter(
        contingent_year=run.contingent_year, status=NominationStatus.APPROVED
    )
    dwellings = Dwelling.objects.filter(
        contingent_year=run.contingent_year, status=DwellingStatus.AVAILABLE
    )
    if run.stream:
        nominations = nominations.filter(stream=run.stream)
        dwellings = dwellings.filter(stream__in=(run.stream, "either"))
    if run.subregion_id:
        nominations = nominations.filter(tie_municipality__subregion=run.subregion_id)
        dwellings = dwellings.filter(municipality__subregion=run.subregion_id)
    if run.approved_from:
        nominations = nominations.filter(approved_at__date__gte=run.approved_from)
    if run.approved_to:
        nominations = nominations.filter(approved_at__date__lte=run.approved_to)
    nominations = nominations.select_related(
        "tie_municipality", "guidance_provider__municipality"
    ).prefetch_related("preferred_municipalities", "exclusions__municipality")
    dwellings = dwellings.select_related("municipality", "corporation")
    return list(nominations.order_by("pk")), list(dwellings.order_by("pk"))


def _candidate(nomination: Nomination) -> engine.Candidate:
    guidance = nomination.guidance_provider.municipality
    return engine.Candidate(
        id=str(nomination.pk),
        stream=nomination.stream,
        income_band=nomination.income_band,
        approved_on=timezone.localdate(nomination.approved_at or nomination.created_at),
        tie_municipality=nomination.tie_municipality.cbs_code,
        household_adults=nomination.household_adults,
        household_children=nomination.household_children,
        rooms_needed=nomination.rooms_needed,
        needs_ground_floor_or_lift=nomination.needs_ground_floor_or_lift,
        needs_wheelchair_access=nomination.needs_wheelchair_access,
        urgent=nomination.urgent,
        guidance_subregion=str(guidance.subregion_id) if guidance else "",
        preferred_municipalities=tuple(
            sorted(m.cbs_code for m in nomination.preferred_municipalities.all())
        ),
        excluded_municipalities=tuple(
            sorted(e.municipality.cbs_code for e in nomination.exclusions.all())
        ),
    )


def _dwelling(dwelling: Dwelling) -> engine.Dwelling:
    return engine.Dwelling(
        id=str(dwelling.pk),
        corporation=str(dwelling.corporation_id),
        municipality=dwelling.municipality.cbs_code,
        rooms=dwelling.rooms,
        rent=dwelling.rent,
        stream=dwelling.stream,
        floor=dwelling.floor,
        has_lift=dwelling.has_lift,
        wheelchair_accessible=dwelling.wheelchair_accessible,
    )


def quotas(
    year: ContingentYear, nominations: Sequence[Nomination], dwellings: Sequence[Dwelling]
) -> tuple[engine.Quota, ...]:
    """Per corporation and stream the year's target less what is let already; per municipality
    its spread target less what is let there."""
    let = Proposal.objects.filter(
        dwelling__contingent_year=year, status=ProposalStatus.ACCEPTED
    ).values_list("dwelling__corporation_id", "nomination__stream", "dwelling__municipality_id")
    let_by_target = Counter((corp, stream) for corp, stream, _m in let)
    let_by_municipality = Counter(municipality for _c, _s, municipality in let)
    result = []
    for target in year.targets.all():
        members = [str(d.pk) for d in dwellings if d.corporation_id == target.corporation_id]
        candidates = [str(n.pk) for n in nominations if n.stream == target.stream]
        if members and candidates:
            left = max(0, target.target - let_by_target[(target.corporation_id, target.stream)])
            result.append(
                engine.Quota(
                    f"target:{target.corporation_id}:{target.stream}",
                    left,
                    tuple(members),
                    tuple(candidates),
                )
            )
    for spread in year.spread_targets.select_related("municipality"):
        members = [str(d.pk) for d in dwellings if d.municipality_id == spread.municipality_id]
        if members:
            left = max(0, spread.target - let_by_municipality[spread.municipality_id])
            result.append(
                engine.Quota(f"spread:{spread.municipality.cbs_code}", left, tuple(members))
            )
    return tuple(result)


def declined_pairs(
    nominations: Sequence[Nomination], dwellings: Sequence[Dwelling]
) -> tuple[tuple[str, str], ...]:
    """Pairs of the pool proposed before and declined or cancelled: a pair is never proposed
    twice. A dwelling declined before and let or withdrawn since is not in the pool, and neither
    is its pair."""
    pairs = Proposal.objects.filter(
        nomination__in=nominations, dwelling__in=dwellings, status__in=DECIDED
    ).values_list("nomination_id", "dwelling_id")
    return tuple(sorted((str(n), str(d)) for n, d in pairs))


def build_input(run: AllocationRun) -> engine.AllocationInput:
    year = run.contingent_year
    nominations, dwellings = pool(run)
    municipalities = year.region.municipalities.all()
    return engine.AllocationInput(
        candidates=tuple(_candidate(n) for n in nominations),
        dwellings=tuple(_dwelling(d) for d in dwellings),
        municipalities={m.cbs_code: str(m.subregion_id) for m in municipalities},
        reference_date=timezone.localdate(),
        affordability=engine_limits(region_id=year.region_id, year=year.year),
        quotas=quotas(year, nominations, dwellings),
        declined=declined_pairs(nominations, dwellings),
        weights=dict(run.weights),
        mode=run.mode,
    )


# --- JSON both ways ------------------------------------------------------------------------------


def to_json(value) -> dict:
    """A dataclass of the engine as JSON data (decimals and dates as text), as stored."""
    data = dataclasses.asdict(value)
    data.pop("input", None)
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def input_from_json(data: dict) -> engine.AllocationInput:
    def candidate(c: dict) -> engine.Candidate:
        return engine.Candidate(
            **{
                **c,
                "approved_on": datetime.date.fromisoformat(c["approved_on"]),
                "preferred_municipalities": tuple(c["preferred_municipalities"]),
                "excluded_municipalities": tuple(c["excluded_municipalities"]),
            }
        )

    return engine.AllocationInput(
        candidates=tuple(candidate(c) for c in data["candidates"]),
        dwellings=tuple(
            engine.Dwelling(**{**d, "rent": Decimal(str(d["rent"]))}) for d in data["dwellings"]
        ),
        municipalities=data["municipalities"],
        reference_date=datetime.date.fromisoformat(data["reference_date"]),
        affordability=tuple(
            engine.AffordabilityLimit(**{**a, "max_rent": Decimal(str(a["max_rent"]))})
            for a in data["affordability"]
        ),
        quotas=tuple(
            engine.Quota(q["id"], q["limit"], tuple(q["dwellings"]), tuple(q["candidates"]))
            for q in data["quotas"]
        ),
        declined=tuple(tuple(pair) for pair in data["declined"]),
        weights=data["weights"],
        rules=None if data["rules"] is None else tuple(data["rules"]),
        mode=data["mode"],
        solver=data["solver"],
        time_limit=data["time_limit"],
    )


# --- Runs ----------------------------------------------------------------------------------------


def _check_weights(weights: dict) -> dict:
    known = set(engine.CRITERIA.ids())
    unknown = sorted(set(weights) - known)
    bad = [name for name, w in weights.items() if type(w) is not int or not 0 <= w <= 100]
    if unknown or bad:
        message = _("Give a whole weight from 0 to 100 for each known criterion.")
        raise DomainError(message, fields={"weights": [message]})
    return {name: weights.get(name, 0) for name in engine.CRITERIA.ids()}


@transaction.atomic
def allocation_run_start(
    *,
    contingent_year: ContingentYear,
    by: User,
    stream: str = "",
    subregion=None,
    approved_from: datetime.date | None = None,
    approved_to: datetime.date | None = None,
    weights: dict | None = None,
    mode: str = RunMode.HOUSED_THEN_SCORE,
) -> AllocationRun:
    """Start a run on the year's pool: its input is built and stored now; a small run is solved
    at once, a large one in a background thread started after the commit, which stores its
    progress on the run. (A production setup would hand that to a task queue, e.g. Celery or
    Django's tasks, so a restart of the web server does not lose a run.)"""
    if subregion is not None and subregion.region_id != contingent_year.region_id:
        raise DomainError(
            _("This subregion is not part of the region."),
            fields={"subregion": [_("This subregion is not part of the region.")]},
        )
    if approved_from and approved_to and approved_from > approved_to:
        message = _("The first day comes after the last day.")
        raise DomainError(message, fields={"approved_to": [message]})
    run = AllocationRun(
        region_id=contingent_year.region_id,
        contingent_year=contingent_year,
        stream=stream or "",
        subregion=subregion,
        approved_from=approved_from,
        approved_to=approved_to,
        weights=_check_weights(DEFAULT_WEIGHTS if weights is None else weights),
        mode=mode,
        created_by=by,
    )
    run.full_clean(exclude=["input", "result", "baseline", "changes", "weights"])
    data = build_input(run)
    run.input = to_json(data)
    run.save()
    if len(data.candidates) * len(data.dwellings) <= INLINE_PAIRS:
        _execute(run, data)
    else:
        transaction.on_commit(lambda: _start_thread(run.pk))
    return run


def _start_thread(run_id: int) -> None:
    threading.Thread(target=_background, args=(run_id,), daemon=True).start()


def _background(run_id: int) -> None:
    """A run in its own thread: whatever goes wrong, the run ends as failed, never "running"."""
    try:
        run = AllocationRun.objects.get(pk=run_id)
        try:
            _execute(run, input_from_json(run.input))
        except Exception:
            logger.exception("Allocation run %s stopped unexpectedly", run_id)
            _fail(run, _("The run stopped unexpectedly; start it again."))
    finally:
        close_old_connections()


def _fail(run: AllocationRun, message: str) -> None:
    run.status, run.error, run.progress = RunStatus.FAILED, message, 100
    run.finished_at = timezone.now()
    run.save()


def _progress(run: AllocationRun, status: str, progress: int) -> None:
    run.status, run.progress = status, progress
    AllocationRun.objects.filter(pk=run.pk).update(status=status, progress=progress)


def _execute(run: AllocationRun, data: engine.AllocationInput) -> None:
    """Solve the optimum and the greedy baseline; a failure is stored on the run."""
    _progress(run, RunStatus.RUNNING, 10)
    try:
        result = engine.allocate(data)
        _progress(run, RunStatus.RUNNING, 70)
        baseline = engine.allocate(dataclasses.replace(data, solver="greedy"))
    except engine.AllocationError as error:
        logger.warning("Allocation run %s failed: %s", run.pk, error)
        _fail(run, str(error))
        return
    run.result, run.baseline = to_json(result), to_json(baseline)
    run.result["original"] = _answer(run.result)  # the engine's own answer, before hand changes
    run.status, run.progress = RunStatus.DONE, 100
    run.finished_at = timezone.now()
    run.save()


def _locked(run: AllocationRun, *, statuses=(RunStatus.DONE,)) -> AllocationRun:
    fresh = AllocationRun.objects.select_for_update().get(pk=run.pk)
    if fresh.status not in statuses:
        raise Conflict(
            _("This run is “%(status)s”; this step is not possible now.")
            % {"status": fresh.get_status_display()},
            code="run_not_done",
        )
    return fresh


def _fit(data: engine.AllocationInput, candidate: str, dwelling: str) -> engine.Assignment:
    """The pair as the engine would assign it, with its score; refused when a hard rule fails."""
    pair = engine.allocate(
        dataclasses.replace(
            data,
            candidates=tuple(c for c in data.candidates if c.id == candidate),
            dwellings=tuple(d for d in data.dwellings if d.id == dwelling),
            quotas=(),
            solver="auto",
        )
    )
    if not pair.assignments:
        rules = ", ".join(rule for rule, _count in pair.unmatched[0].excluded_by)
        message = _("This dwelling does not pass the hard rules: %(rules)s.") % {"rules": rules}
        raise DomainError(message, code="no_fit", fields={"dwelling": [message]})
    return pair.assignments[0]


def _quota_counts(quotas, pairs) -> dict[str, int]:
    counts = {}
    for quota in quotas:
        counts[quota["id"]] = sum(
            1
            for candidate, dwelling in pairs
            if (not quota["candidates"] or candidate in quota["candidates"])
            and (not quota["dwellings"] or dwelling in quota["dwellings"])
        )
    return counts


def _check_quotas(run: AllocationRun, before: list, after: list) -> None:
    """Refuse a change that takes a quota of the run's input over its limit (a quota that was
    over it already may not grow)."""
    quotas = run.input["quotas"]
    old, new = _quota_counts(quotas, before), _quota_counts(quotas, after)
    for quota in quotas:
        count = new[quota["id"]]
        if count > quota["limit"] and count > old[quota["id"]]:
            message = _(
                "This change would exceed the quota %(quota)s: at most %(limit)s assignments."
            ) % {"quota": quota["id"], "limit": quota["limit"]}
            raise DomainError(message, code="quota_full", fields={"dwelling": [message]})


def _by_hand(key: str, value: str, reason: str) -> dict:
    """An explanation of a nomination or dwelling left without a partner by a change by hand."""
    other = "taken_by" if key == "candidate" else "placed_elsewhere"
    return {key: value, "reason": reason, "excluded_by": [], other: [], "full_quotas": []}


@transaction.atomic
def allocation_run_change(
    *,
    run: AllocationRun,
    nomination_id: int,
    dwelling_id: int | None,
    reason: str,
    by: User,
) -> AllocationRun:
    """Change the run's answer by hand, with a reason: give the nomination of an assignment
    another unused dwelling of the run, give an unmatched nomination of the run an unused
    dwelling, or (``dwelling_id`` ``None``) take an assignment out. A new pair must pass every
    hard rule of the engine and no quota of the run may go over its limit; the score is
    computed with the run's weights."""
    if not reason.strip():
        message = _("Give the reason for this change.")
        raise DomainError(message, fields={"reason": [message]})
    run = _locked(run)
    result = run.result
    candidate = str(nomination_id)
    dwelling = None if dwelling_id is None else str(dwelling_id)
    assignment = next((a for a in result["assignments"] if a["candidate"] == candidate), None)
    unmatched = any(u["candidate"] == candidate for u in result["unmatched"])
    if assignment is None and not unmatched:
        message = _("This nomination is not part of this run.")
        raise DomainError(message, fields={"nomination": [message]})
    if dwelling is None and assignment is None:
        message = _("This nomination has no assignment to take out; choose a dwelling.")
        raise DomainError(message, fields={"dwelling": [message]})
    if dwelling is not None and dwelling not in {u["dwelling"] for u in result["unused"]}:
        message = _("Choose a dwelling of this run that is not assigned.")
        raise DomainError(message, fields={"dwelling": [message]})
    new = None if dwelling is None else _fit(input_from_json(run.input), candidate, dwelling)
    before = [(a["candidate"], a["dwelling"]) for a in result["assignments"]]
    after = [pair for pair in before if pair[0] != candidate]
    if dwelling is not None:
        after.append((candidate, dwelling))
    _check_quotas(run, before, after)
    old_dwelling = assignment["dwelling"] if assignment else None
    place = len(result["assignments"])
    if assignment is not None:
        place = result["assignments"].index(assignment)
        result["assignments"].remove(assignment)
        result["total_score"] -= assignment["score"]
        result["unused"].append(
            _by_hand(
                "dwelling",
                old_dwelling,
                "changed_by_hand" if dwelling is not None else "removed_by_hand",
            )
        )
    else:
        result["unmatched"] = [u for u in result["unmatched"] if u["candidate"] != candidate]
    if new is None:
        result["unmatched"].append(_by_hand("candidate", candidate, "removed_by_hand"))
    else:
        result["unused"] = [u for u in result["unused"] if u["dwelling"] != dwelling]
        result["assignments"].insert(
            place,
            {
                "candidate": candidate,
                "dwelling": dwelling,
                "score": new.score,
                "points": [list(p) for p in new.points],
            },
        )
        result["total_score"] += new.score
    result["housed"] = len(result["assignments"])
    run.changes = [
        *run.changes,
        {
            "candidate": candidate,
            "from": old_dwelling,
            "to": dwelling,
            "reason": reason.strip(),
            "by": by.pk,
            "at": timezone.now().isoformat(),
        },
    ]
    run.save()
    return run


def _answer(result: dict) -> dict:
    return {
        "pairs": sorted([a["candidate"], a["dwelling"]] for a in result["assignments"]),
        "housed": result["housed"],
        "total_score": result["total_score"],
    }


@dataclasses.dataclass(frozen=True)
class Replay:
    """The outcome of solving a run's stored input again: ``same`` when the engine's answer
    equals the run's original answer (before any change by hand)."""

    same: bool
    housed: int
    total_score: int
    original_housed: int
    original_total_score: int | None


def _undone(result: dict, changes: list) -> dict:
    """The original answer of a run stored before ``result["original"]`` was kept: its changes
    by hand undone (their scores are not kept, so the total score is unknown then)."""
    pairs = {(a["candidate"], a["dwelling"]) for a in result["assignments"]}
    for change in reversed(changes):
        pairs.discard((change["candidate"], change["to"]))
        if change["from"] is not None:
            pairs.add((change["candidate"], change["from"]))
    return {
        "pairs": sorted(list(p) for p in pairs),
        "housed": len(pairs),
        "total_score": None if changes else result["total_score"],
    }


@transaction.atomic
def allocation_run_replay(*, run: AllocationRun) -> Replay:
    """Solve the run's stored input again with the rules and criteria it used, and compare the
    answer with the run's original one. Refused when a rule or criterion has another version
    now: the answer could then differ for a reason the stored run cannot show."""
    run = _locked(run, statuses=(RunStatus.DONE, RunStatus.PUBLISHED))
    stored = run.result
    used = {
        "rules": tuple(engine.PluginUse(**p) for p in stored["rules"]),
        "criteria": tuple(engine.PluginUse(**p) for p in stored["criteria"]),
    }
    try:
        answer = engine.replay(
            engine.AllocationResult(
                assignments=(),
                unmatched=(),
                unused=(),
                housed=stored["housed"],
                total_score=stored["total_score"],
                feasible_pairs=stored["feasible_pairs"],
                status=stored["status"],
                gap=stored["gap"],
                solver=stored["solver"],
                seconds=stored["seconds"],
                input=input_from_json(run.input),
                **used,
            )
        )
    except engine.AllocationError as error:
        message = _("This run cannot be replayed: %(error)s") % {"error": error.message}
        raise Conflict(message, code="replay_refused") from error
    original = stored.get("original") or _undone(stored, run.changes)
    replayed = _answer(to_json(answer))
    return Replay(
        same=all(replayed[k] == original[k] for k in original if original[k] is not None),
        housed=replayed["housed"],
        total_score=replayed["total_score"],
        original_housed=original["housed"],
        original_total_score=original["total_score"],
    )


@transaction.atomic
def allocation_run_publish(*, run: AllocationRun, by: User) -> list[Proposal]:
    """Make a proposal of every assignment, all or none: a nomination or dwelling that changed
    since the run makes the whole publication fail, naming the assignment."""
    run = _locked(run)
    nominations = Nomination.objects.in_bulk(
        [int(a["candidate"]) for a in run.result["assignments"]]
    )
    dwellings = Dwelling.objects.in_bulk([int(a["dwelling"]) for a in run.result["assignments"]])
    proposals = []
    for assignment in run.result["assignments"]:
        nomination = nominations.get(int(assignment["candidate"]))
        dwelling = dwellings.get(int(assignment["dwelling"]))
        reason = _("Allocation run %(run)s: score %(score)s.") % {
            "run": run.pk,
            "score": assignment["score"],
        }
        try:
            if nomination is None or dwelling is None:
                raise Conflict(_("The nomination or the dwelling no longer exists."))
            proposals.append(
                proposal_create(
                    nomination=nomination,
                    dwelling=dwelling,
                    reason=reason,
                    by=by,
                    origin=ProposalOrigin.ALLOCATION,
                )
            )
        except DomainError as error:
            message = _(
                "Nothing was published: nomination %(nomination)s with dwelling %(dwelling)s: "
                "%(error)s"
            ) % {
                "nomination": assignment["candidate"],
                "dwelling": assignment["dwelling"],
                "error": error.message,
            }
            raise Conflict(message, code="publish_failed", fields={NON_FIELD: [message]}) from error
    run.status, run.published_by, run.published_at = RunStatus.PUBLISHED, by, timezone.now()
    run.save()
    return proposals


@transaction.atomic
def affordability_limits_update(
    *, rows: Sequence[tuple[AffordabilityLimit, Decimal]], source: str, by: User
) -> None:
    """Change several rent limits with one source: all of them, or none."""
    for limit, max_rent in rows:
        affordability_limit_update(limit=limit, max_rent=max_rent, source=source, by=by)
