"""The plan of approach: phases, milestones, the project group and working groups."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from onderdak.framework.models.frameworks import LONG_TEXT, Framework
from onderdak.framework.models.reference import TITLE_LENGTH
from onderdak.region.models import Organisation


class ProjectPhase(models.Model):
    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="phases", verbose_name=_("framework")
    )
    name = models.CharField(_("name"), max_length=TITLE_LENGTH)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    description = models.TextField(_("description"), blank=True, validators=LONG_TEXT)

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["framework", "starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="framework_phase_dates_order",
                violation_error_message=_("A phase cannot end before it starts."),
            )
        ]

    def __str__(self) -> str:
        return self.name


class Milestone(models.Model):
    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="milestones", verbose_name=_("framework")
    )
    phase = models.ForeignKey(
        ProjectPhase,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="milestones",
        verbose_name=_("phase"),
    )
    name = models.CharField(_("name"), max_length=TITLE_LENGTH)
    due_on = models.DateField(_("due on"))
    reached_on = models.DateField(_("reached on"), null=True, blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["framework", "due_on", "pk"]

    def __str__(self) -> str:
        return self.name


class WorkingGroup(models.Model):
    """The project group or a working group, with its members from the registry."""

    framework = models.ForeignKey(
        Framework,
        on_delete=models.CASCADE,
        related_name="working_groups",
        verbose_name=_("framework"),
    )
    name = models.CharField(_("name"), max_length=TITLE_LENGTH)
    is_project_group = models.BooleanField(_("the project group"), default=False)
    purpose = models.TextField(_("purpose"), blank=True, validators=LONG_TEXT)

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        ordering = ["framework", "-is_project_group", "name"]

    def __str__(self) -> str:
        return self.name


class GroupMember(models.Model):
    """An organisation's seat in a group and the function it is taken in — no personal names."""

    group = models.ForeignKey(
        WorkingGroup, on_delete=models.CASCADE, related_name="members", verbose_name=_("group")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="framework_group_seats",
        verbose_name=_("organisation"),
    )
    function = models.CharField(_("function"), max_length=TITLE_LENGTH, blank=True)

    class Meta:
        verbose_name = _("group member")
        verbose_name_plural = _("group members")
        ordering = ["group", "organisation__name", "pk"]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.function})" if self.function else str(self.organisation)
