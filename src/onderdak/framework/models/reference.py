"""Reference data of the framework module: the adjacent policy domains (editable, loaded from
``framework/data/policy-domains.csv``) and the fixed lists (statuses, the participation ladder)."""

from django.db import models
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

#: The longest title of a tree item, stakeholder, session or paper.
TITLE_LENGTH = 200
#: The longest free text (a vision, a description, an input item, a response).
TEXT_LENGTH = 20_000


class PolicyDomain(models.Model):
    """An adjacent policy domain an action touches: Work & income, Housing, Youth, Safety, Care."""

    code = models.SlugField(
        _("code"),
        max_length=40,
        unique=True,
        error_messages={"unique": _("A policy domain with this code already exists.")},
    )
    name = models.CharField(_("name (Dutch)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("policy domain")
        verbose_name_plural = _("policy domains")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        if (get_language() or "nl").startswith("en") and self.name_en:
            return self.name_en
        return self.name


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    CONSULTATION = "consultation", _("consultation")
    PROPOSED = "proposed", _("proposed")
    ADOPTED = "adopted", _("adopted")


class ActionStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", pgettext_lazy("action status", "done")
    POSTPONED = "postponed", _("postponed")
    STOPPED = "stopped", _("stopped")


class Ladder(models.TextChoices):
    """The participation ladder, from least to most influence (the order is the ladder's)."""

    INFORM = "inform", _("inform")
    CONSULT = "consult", _("consult")
    ADVISE = "advise", _("advise")
    COPRODUCE = "coproduce", _("co-produce")
    CODECIDE = "codecide", _("co-decide")


class StakeholderKind(models.TextChoices):
    ORGANISATION = "organisation", _("organisation")
    LIVED_EXPERIENCE = "lived_experience", _("experts by experience")
    RESIDENTS = "residents", _("residents")
    CLIENT_COUNCIL = "client_council", _("client council")
    ADJACENT_DOMAIN = "adjacent_domain", _("adjacent policy domain")
    OTHER = "other", _("other group")


class ResponseKind(models.TextChoices):
    """What was done with a contribution."""

    OPEN = "open", _("no response yet")
    ADOPTED = "adopted", pgettext_lazy("input taken up", "adopted")
    PARTLY = "partly", _("partly adopted")
    NOT_ADOPTED = "not_adopted", _("not adopted")
    NOTED = "noted", _("noted, no change needed")


class DecisionBody(models.TextChoices):
    """The bodies a framework version passes, in the order of the route."""

    PROJECT_GROUP = "project_group", _("project group")
    PROGRAMME_TEAM = "programme_team", _("programme team MZ HR")
    DIRECTORS = "directors", _("directors' meeting")
    COMMITTEE = "committee", _("governing committee Maatschappij")
    COLLEGE = "college", _("municipal executive (college)")
    COUNCIL = "council", _("municipal council")


class Outcome(models.TextChoices):
    PENDING = "pending", _("not yet decided")
    AGREED = "agreed", _("agreed")
    AGREED_WITH_CHANGES = "agreed_with_changes", _("agreed with changes")
    SENT_BACK = "sent_back", _("sent back")


class CommentKind(models.TextChoices):
    COMMENT = "comment", _("comment")
    PROPOSAL = "proposal", _("proposed change")


class CommentStatus(models.TextChoices):
    OPEN = "open", _("open")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")
