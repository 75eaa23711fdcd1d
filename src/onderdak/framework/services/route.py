"""Writes of the decision route: the steps a framework version takes, their outcomes and papers.

Rules (issue 5):

- Steps follow each other: a step planned or held before the step before it (or after the step
  after it) is refused, naming that step.
- A municipal college or council is a municipality's (of the framework's region); the regional
  bodies are not.
- An outcome is recorded with the date the body met, and only while the version is before the
  bodies: in consultation or proposed. A draft is first put out for consultation or proposed
  (``services.versions``); an adopted version's route is closed. Recording an outcome again
  replaces it (a body that sent the version back may agree to the reworked one).
- "Sent back" takes the version back to draft (``rework``). When a proposed version's every step
  is agreed (with or without changes), the outcome that completes the route adopts it.
- Papers are PDF, Word (DOCX) or OpenDocument (ODT) files of at most ``MAX_PAPER_SIZE``, their
  type read from their content as for the contingent's documents.
- A step is changed or deleted only while it has no outcome (and its version is not adopted); the
  dates of a changed step are checked against its neighbours as on creation. A step with papers
  is deleted after its papers; a paper of a step with an outcome stays (it is what the body
  decided on).
"""

import datetime

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from onderdak.contingent.services.documents import OPEN_DOCUMENT, PDF, WORD, detect_type
from onderdak.core.errors import Conflict, DomainError
from onderdak.core.validation import save_validated
from onderdak.framework.models import (
    DecisionBody,
    DecisionPaper,
    DecisionStep,
    FrameworkVersion,
    Outcome,
    VersionStatus,
)
from onderdak.framework.models.route import MAX_PAPER_SIZE
from onderdak.framework.services.process import cleaned, locked, refuse, refuse_delete, require
from onderdak.framework.services.versions import version_transition
from onderdak.framework.workflows import VERSION_WORKFLOW
from onderdak.region.models import Municipality

CHANGE = "framework.change_decisionstep"
MUNICIPAL_BODIES = (DecisionBody.COLLEGE, DecisionBody.COUNCIL)
#: The versions whose steps may get an outcome: those before the bodies.
BEFORE_THE_BODIES = (VersionStatus.CONSULTATION, VersionStatus.PROPOSED)
AGREED = (Outcome.AGREED, Outcome.AGREED_WITH_CHANGES)
PAPER_TYPES = (PDF, WORD, OPEN_DOCUMENT)


@transaction.atomic
def step_create(
    *,
    version: FrameworkVersion,
    user,
    body: str,
    planned_on: datetime.date,
    municipality: Municipality | None = None,
    held_on: datetime.date | None = None,
    note: str = "",
) -> DecisionStep:
    """The next step of the version's route (after its last step)."""
    require(user, CHANGE)
    version = VERSION_WORKFLOW.lock(version)
    _refuse_closed(version)
    last = version.steps.aggregate(n=Max("position"))["n"] or 0
    step = DecisionStep(
        version=version,
        position=last + 1,
        body=body,
        municipality=municipality,
        planned_on=planned_on,
        held_on=held_on,
        note=cleaned(note),
    )
    refuse({**_body_errors(step), **_order_errors(step)})
    return save_validated(step)


def _refuse_closed(version: FrameworkVersion) -> None:
    if version.status == VersionStatus.ADOPTED:
        raise Conflict(_("The route of an adopted version is closed."), code="adopted")


def _open_step(step: DecisionStep) -> DecisionStep:
    """The step locked for a change, refused once its outcome is recorded."""
    _refuse_closed(VERSION_WORKFLOW.lock(step.version))
    step = locked(step)
    if step.outcome != Outcome.PENDING:
        raise Conflict(
            _("The outcome of this step is recorded: the step can no longer be changed."),
            code="decided",
        )
    return step


@transaction.atomic
def step_update(
    *,
    step: DecisionStep,
    user,
    body: str,
    planned_on: datetime.date,
    municipality: Municipality | None = None,
    held_on: datetime.date | None = None,
    note: str = "",
) -> DecisionStep:
    """The step's body, dates and note, while it has no outcome; its place on the route stays."""
    require(user, CHANGE)
    step = _open_step(step)
    step.body = body
    step.municipality = municipality
    step.planned_on = planned_on
    step.held_on = held_on
    step.note = cleaned(note)
    refuse({**_body_errors(step), **_order_errors(step)})
    return save_validated(step)


@transaction.atomic
def step_delete(*, step: DecisionStep, user) -> None:
    """A step without outcome and without papers leaves the route (the others keep their
    order)."""
    require(user, CHANGE)
    step = _open_step(step)
    refuse_delete(
        step, {_("papers were uploaded for this step. Delete them first."): step.papers.exists()}
    )
    step.delete()


@transaction.atomic
def step_record_outcome(
    *,
    step: DecisionStep,
    user,
    outcome: str,
    held_on: datetime.date | None = None,
    note: str | None = None,
) -> DecisionStep:
    """The body's decision on the date it met; moves the version as the rules above say."""
    require(user, CHANGE)
    version = VERSION_WORKFLOW.lock(step.version)
    step = DecisionStep.objects.select_for_update().get(pk=step.pk)
    if version.status not in BEFORE_THE_BODIES:
        raise Conflict(
            _(
                "An outcome can only be recorded while the version is in consultation or "
                "proposed; this version is “%(status)s”."
            )
            % {"status": version.get_status_display()},
            code="invalid_transition",
        )
    step.held_on = held_on or step.held_on
    if note is not None:
        step.note = cleaned(note)
    errors = _order_errors(step)
    if outcome not in AGREED and outcome != Outcome.SENT_BACK:
        errors["outcome"] = [_("Choose the outcome: agreed, agreed with changes or sent back.")]
    if not step.held_on:
        errors["held_on"] = [
            _("Enter the date of the meeting at which the body decided: an outcome needs it.")
        ]
    refuse(errors)
    step.outcome = outcome
    step = save_validated(step)
    _move_version(version, outcome)
    return step


def _move_version(version: FrameworkVersion, outcome: str) -> None:
    """The version's next state after ``outcome`` (an earlier step sent back and since agreed
    again does not hold it up: only the outcomes as they stand count)."""
    if outcome == Outcome.SENT_BACK:
        version_transition(version=version, action="rework")
        return
    outcomes = version.steps.values_list("outcome", flat=True)
    if version.status == VersionStatus.PROPOSED and all(o in AGREED for o in outcomes):
        version_transition(version=version, action="adopt")


def _body_errors(step: DecisionStep) -> dict[str, list[str]]:
    if step.body in MUNICIPAL_BODIES:
        if step.municipality is None:
            return {
                "municipality": [_("Choose the municipality whose college or council this is.")]
            }
        if step.municipality.region_id != step.version.framework.region_id:
            return {"municipality": [_("Choose a municipality of the framework's region.")]}
    elif step.municipality is not None:
        return {
            "municipality": [
                _("Only a municipal college or council belongs to a municipality; leave it empty.")
            ]
        }
    return {}


def _order_errors(step: DecisionStep) -> dict[str, list[str]]:
    """The step's dates against the steps before and after it on the route."""
    others = DecisionStep.objects.filter(version=step.version_id).exclude(pk=step.pk)
    before = others.filter(position__lt=step.position).order_by("-position").first()
    after = others.filter(position__gt=step.position).order_by("position").first()
    errors: dict[str, list[str]] = {}
    for name in ("planned_on", "held_on"):
        mine = getattr(step, name)
        if mine and before and getattr(before, name) and mine < getattr(before, name):
            errors[name] = [_step_message(True, before, getattr(before, name))]
        elif mine and after and getattr(after, name) and mine > getattr(after, name):
            errors[name] = [_step_message(False, after, getattr(after, name))]
    return errors


def _step_message(earlier: bool, other: DecisionStep, date: datetime.date) -> str:
    if earlier:
        text = _("This date is before that of the step before it: %(step)s on %(date)s.")
    else:
        text = _("This date is after that of the step after it: %(step)s on %(date)s.")
    return text % {"step": str(other), "date": date_format(date, "j F Y")}


@transaction.atomic
def paper_upload(
    *, step: DecisionStep, user, title: str, uploaded_file: UploadedFile
) -> DecisionPaper:
    """A paper put to the body with the step: a PDF, DOCX or ODT file checked by its content."""
    require(user, CHANGE)
    content_type = _paper_type(uploaded_file)
    paper = DecisionPaper(
        step=step,
        title=(title or "").strip(),
        content_type=content_type,
        size=uploaded_file.size,
        uploaded_by=user,
    )
    paper.file.save(uploaded_file.name or "paper", uploaded_file, save=False)
    try:
        return save_validated(paper)
    except Exception:
        paper.file.delete(save=False)
        raise


def _paper_type(uploaded_file: UploadedFile) -> str:
    if uploaded_file.size > MAX_PAPER_SIZE:
        raise _file_error(
            _("The file is larger than %(mb)s MB.") % {"mb": MAX_PAPER_SIZE // (1024 * 1024)}
        )
    if not uploaded_file.size:
        raise _file_error(_("The file is empty."))
    found = detect_type(uploaded_file)
    name = (uploaded_file.name or "").lower()
    if found not in PAPER_TYPES or not name.endswith(found.extensions):
        raise _file_error(_("Upload a PDF, Word (DOCX) or OpenDocument (ODT) file."))
    return found.content_type


def _file_error(message: str) -> DomainError:
    return DomainError(message, fields={"file": [message]})


@transaction.atomic
def paper_delete(*, paper: DecisionPaper, user) -> None:
    """A paper of a step without outcome; its file is removed once the deletion is committed."""
    require(user, CHANGE)
    _open_step(paper.step)  # the version and the step first, as every change of the route
    paper = locked(paper)
    file_name, storage = paper.file.name, paper.file.storage
    paper.delete()
    transaction.on_commit(lambda: storage.delete(file_name))
