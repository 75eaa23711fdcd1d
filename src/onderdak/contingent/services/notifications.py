"""E-mail to the party whose turn it is, after each step (called in ``transaction.on_commit``).

Contract for every service of the scheme: after a step on a case commits, call
``step_taken(case=<Nomination|Dwelling|Proposal|Placement>, action=<the workflow action>)``, or
``case_created(case=...)`` for a new case that waits for someone (a submitted nomination is a
step; a new proposal is a case). The messages name the case by number and link to it; they never
hold personal data: no client's name, date of birth, client number or address, and no reason
typed by a user (which may hold any of these).

Who is told is the table ``NOTICES``: per case type and step, the subject and the parties, each
party being the members of one organisation in the role that acts next. Every recipient gets a
message of their own, so no one sees another's address. Mails are written in the installation's
language (``LANGUAGE_CODE``), whoever took the step.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from onderdak.accounts.models import Membership, Role
from onderdak.contingent.models import (
    Dwelling,
    Evaluation,
    Nomination,
    NominationStatus,
    Placement,
    Proposal,
)
from onderdak.contingent.selectors import stalled
from onderdak.region.models import OrganisationKind

# --- The parties: members of one organisation in one role, found from the case ------------------


def _nomination(case) -> Nomination:
    return case if isinstance(case, Nomination) else case.nomination


def _region_id(case) -> int:
    year = case.contingent_year if hasattr(case, "contingent_year_id") else None
    return (year or _nomination(case).contingent_year).region_id


def tie_municipality(case) -> Q:
    """Officers of the municipality the client has regional ties with."""
    return Q(
        role=Role.MUNICIPALITY_OFFICER,
        organisation__kind=OrganisationKind.MUNICIPALITY,
        organisation__municipality=_nomination(case).tie_municipality_id,
    )


def coordinator(case) -> Q:
    """The regional coordinators of the case's region."""
    return Q(role=Role.REGIONAL_COORDINATOR, organisation__region=_region_id(case))


def provider(case) -> Q:
    """Care workers of the nominating care provider."""
    return Q(role=Role.CARE_WORKER, organisation=_nomination(case).provider_id)


def corporation(case) -> Q:
    """Officers of the corporation that owns the dwelling."""
    dwelling = case if isinstance(case, Dwelling) else case.dwelling
    return Q(role=Role.CORPORATION_OFFICER, organisation=dwelling.corporation_id)


Party = Callable[[object], Q]


@dataclass(frozen=True)
class Notice:
    subject: str  # a msgid with %(item)s, the case's name ("Nomination 12")
    parties: tuple[Party, ...]


#: (model, action) → what to say and to whom. ``created`` is a new case.
NOTICES: dict[tuple[type, str], Notice] = {
    (Nomination, "submit"): Notice(
        gettext_lazy("%(item)s has been submitted and awaits review"),
        (tie_municipality, coordinator),
    ),
    (Nomination, "approve"): Notice(
        gettext_lazy("%(item)s has been approved and is in the pool"), (provider,)
    ),
    (Nomination, "reject"): Notice(gettext_lazy("%(item)s has been rejected"), (provider,)),
    (Nomination, "request_info"): Notice(
        gettext_lazy("More information is needed about %(item)s"), (provider,)
    ),
    (Nomination, "withdraw"): Notice(
        gettext_lazy("%(item)s has been withdrawn"), (tie_municipality, coordinator)
    ),
    (Nomination, "close"): Notice(
        gettext_lazy("%(item)s has been closed after refusals"), (provider, coordinator)
    ),
    (Dwelling, "created"): Notice(
        gettext_lazy("%(item)s is offered for the contingent"), (coordinator,)
    ),
    (Dwelling, "withdraw"): Notice(gettext_lazy("%(item)s has been withdrawn"), (coordinator,)),
    (Proposal, "created"): Notice(
        gettext_lazy("%(item)s awaits the care provider's answer"), (provider,)
    ),
    (Proposal, "provider_accept"): Notice(
        gettext_lazy("%(item)s was accepted by the care provider and awaits the corporation"),
        (corporation,),
    ),
    (Proposal, "provider_decline"): Notice(
        gettext_lazy("%(item)s was declined by the care provider"), (coordinator,)
    ),
    (Proposal, "corporation_accept"): Notice(
        gettext_lazy("%(item)s was accepted by the corporation"), (provider, coordinator)
    ),
    (Proposal, "corporation_decline"): Notice(
        gettext_lazy("%(item)s was declined by the corporation"), (provider, coordinator)
    ),
    (Proposal, "cancel"): Notice(
        gettext_lazy("%(item)s has been cancelled"), (provider, corporation)
    ),
    (Placement, "created"): Notice(
        gettext_lazy("%(item)s has been recorded: the lease has a start date"),
        (provider, coordinator),
    ),
    (Placement, "extend"): Notice(
        gettext_lazy("The guidance period of %(item)s has been extended"),
        (corporation, coordinator),
    ),
    (Placement, "transfer"): Notice(
        gettext_lazy("The lease of %(item)s has been transferred to the tenant"),
        (provider, coordinator),
    ),
    (Placement, "end"): Notice(
        gettext_lazy("%(item)s has ended"), (provider, corporation, coordinator)
    ),
}


def step_taken(*, case, action: str) -> None:
    """Tell the party whose turn it is now that ``action`` was taken on ``case``."""
    notice = NOTICES.get((type(case), action))
    if notice:
        _send(case, notice)


def case_created(*, case) -> None:
    """Tell the party that must act on a new ``case`` (e.g. the care provider of a proposal).

    A nomination created as submitted (through the API in one go) waits for its review.
    """
    if isinstance(case, Nomination):
        if case.status == NominationStatus.SUBMITTED:
            step_taken(case=case, action="submit")
        return
    notice = NOTICES.get((type(case), "created"))
    if notice:
        _send(case, notice)


# --- Writing and sending ------------------------------------------------------------------------


def recipients(parties: Iterable[Q]) -> list[str]:
    """The e-mail addresses of active members in any of ``parties``, once each (one query)."""
    condition = Q(pk__in=[])
    for party in parties:
        condition |= party
    addresses = (
        Membership.objects.filter(condition, is_active=True, organisation__is_active=True)
        .filter(user__is_active=True)
        .exclude(user__email="")
        .values_list("user__email", flat=True)
        .distinct()
    )
    return sorted(addresses)


def case_name(case) -> str:
    """The case by its number; a dwelling's own name is its address, which stays out."""
    if isinstance(case, Dwelling):
        return _("Dwelling %(number)s") % {"number": case.pk}
    return str(case)


def absolute_url(path: str) -> str:
    return settings.ONDERDAK_BASE_URL + path


def _send(case, notice: Notice) -> None:
    addresses = recipients(party(case) for party in notice.parties)
    if not addresses:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = str(notice.subject) % {"item": case_name(case)}
        body = message_body(subject, absolute_url(case.get_absolute_url()))
    send_messages(subject, body, addresses)


def message_body(summary: str, url: str) -> str:
    """Plain text in the active language: what happened, where to look, why you got it."""
    return "\n\n".join(
        [
            _("%(summary)s.") % {"summary": summary},
            _("Open it in Onderdak: %(url)s") % {"url": url},
            _(
                "You receive this e-mail because it is your organisation's turn in the "
                "contingent scheme. For privacy reasons it holds no personal data; log in to "
                "see the case."
            ),
        ]
    )


def send_messages(subject: str, body: str, addresses: Iterable[str]) -> int:
    """One message per recipient, all over one connection."""
    prefixed = f"[Onderdak] {subject}"
    datatuple = [(prefixed, body, settings.DEFAULT_FROM_EMAIL, [a]) for a in addresses]
    return send_mass_mail(datatuple, fail_silently=False)


# --- The daily digest of stalled steps ------------------------------------------------------------

#: How each kind of stalled step is named in the digest.
DIGEST_KINDS = {
    "reviews": gettext_lazy("Nominations awaiting review longer than the policy allows"),
    "provider_answers": gettext_lazy("Proposals awaiting the care provider's answer too long"),
    "corporation_answers": gettext_lazy("Proposals awaiting the corporation's answer too long"),
    "lease_starts": gettext_lazy("Accepted proposals whose lease has not started in time"),
    "evaluations": gettext_lazy("Evaluations past their due date"),
}
#: At most this many cases are listed per kind; the overview page has them all.
DIGEST_LIST_LIMIT = 25


@dataclass(frozen=True)
class Digest:
    """The stalled steps of one organisation in one role, and who gets them."""

    organisation: object
    role: str
    cases: dict[str, list]  # kind → the first cases of that kind
    counts: dict[str, int]
    addresses: list[str]


def stalled_digests(*, now=None) -> list[Digest]:
    """Per organisation and acting role with stalled steps: the digest and its recipients."""
    digests = []
    for (organisation, role), addresses in _acting_members().items():
        steps = stalled.stalled_for_organisation(organisation, role, now=now)
        counts = {kind: n for kind, n in steps.counts().items() if n}
        if counts:
            cases = {k: list(getattr(steps, k).order_by("pk")[:DIGEST_LIST_LIMIT]) for k in counts}
            digests.append(Digest(organisation, role, cases, counts, addresses))
    return digests


def _acting_members() -> dict[tuple, list[str]]:
    """(organisation, role) → addresses of its active members in a role that acts on cases."""
    memberships = (
        Membership.objects.filter(
            role__in=stalled.ROLE_KINDS,
            is_active=True,
            organisation__is_active=True,
            user__is_active=True,
        )
        .exclude(user__email="")
        .select_related("organisation", "user")
        .order_by("organisation__name", "role", "user__email")
    )
    members: dict[tuple, list[str]] = {}
    for membership in memberships:
        addresses = members.setdefault((membership.organisation, membership.role), [])
        if membership.user.email not in addresses:
            addresses.append(membership.user.email)
    return members


def send_stalled_digests(*, now=None) -> list[Digest]:
    """Send each digest to its organisation's members in the acting role; returns the digests."""
    digests = stalled_digests(now=now)
    with translation.override(settings.LANGUAGE_CODE):
        for digest in digests:
            subject = _("Stalled steps in the contingent scheme: %(count)d") % {
                "count": sum(digest.counts.values())
            }
            send_messages(subject, digest_body(digest), digest.addresses)
    return digests


def digest_body(digest: Digest) -> str:
    """Plain text: per kind the number of stalled steps and the first cases, by number."""
    parts = [
        _(
            "These steps of the contingent scheme wait for %(organisation)s longer than the year's "
            "policy allows."
        )
        % {"organisation": digest.organisation.name}
    ]
    for kind, count in digest.counts.items():
        lines = [f"{DIGEST_KINDS[kind]}: {count}"]
        lines += [
            f"- {_digest_case(case)}: {absolute_url(_digest_url(case))}"
            for case in digest.cases[kind]
        ]
        if count > len(digest.cases[kind]):
            lines.append(_("and %(more)d more") % {"more": count - len(digest.cases[kind])})
        parts.append("\n".join(lines))
    parts.append(
        _("The overview shows every stalled step: %(url)s")
        % {"url": absolute_url(reverse("contingent:overview"))}
    )
    parts.append(
        _(
            "You receive this daily e-mail as a member of %(organisation)s. For privacy reasons "
            "it holds no personal data; log in to see the cases."
        )
        % {"organisation": digest.organisation.name}
    )
    return "\n\n".join(parts)


def _digest_case(case) -> str:
    """An evaluation is named by its placement's number: it has no page of its own."""
    if isinstance(case, Evaluation):
        return _("%(placement)s, evaluation after %(month)d months") % {
            "placement": case_name(case.placement),
            "month": case.month,
        }
    return case_name(case)


def _digest_url(case) -> str:
    return (case.placement if isinstance(case, Evaluation) else case).get_absolute_url()
