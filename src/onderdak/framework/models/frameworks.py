"""The framework, its versions and its tree: themes → ambitions → actions.

The tree is the live working copy of one framework. A version is a frozen copy of it (``content``,
made by ``services.versions``) with a status on the route draft → consultation → proposed →
adopted; two versions, or a version and the working copy, are compared from their contents.
"""

from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from onderdak.framework.models.reference import (
    TEXT_LENGTH,
    TITLE_LENGTH,
    ActionStatus,
    CommentKind,
    CommentStatus,
    PolicyDomain,
    VersionStatus,
)
from onderdak.region.models import Level, Municipality, Organisation, Region, Subregion

MIN_YEAR, MAX_YEAR = 2000, 2100
YEAR = [MinValueValidator(MIN_YEAR), MaxValueValidator(MAX_YEAR)]
LONG_TEXT = [MaxLengthValidator(TEXT_LENGTH)]


class Framework(models.Model):
    """A regional policy framework for a period of years (e.g. 2026 to 2031)."""

    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="frameworks", verbose_name=_("region")
    )
    title = models.CharField(pgettext_lazy("heading of a text", "title"), max_length=TITLE_LENGTH)
    first_year = models.PositiveSmallIntegerField(_("first year"), validators=YEAR)
    last_year = models.PositiveSmallIntegerField(_("last year"), validators=YEAR)
    vision = models.TextField(_("vision"), blank=True, validators=LONG_TEXT)
    is_demo = models.BooleanField(_("fictitious demo content"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("policy framework")
        verbose_name_plural = _("policy frameworks")
        ordering = ["region", "-first_year", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(last_year__gte=models.F("first_year")),
                name="framework_year_order",
                violation_error_message=_("The last year cannot come before the first year."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} {self.first_year}-{self.last_year}"


class FrameworkVersion(models.Model):
    """A numbered, frozen copy of the framework, put through the decision route."""

    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="versions", verbose_name=_("framework")
    )
    number = models.PositiveIntegerField(_("number"))
    label = models.CharField(_("label"), max_length=TITLE_LENGTH, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    status_changed_at = models.DateTimeField(_("status changed at"), null=True, blank=True)
    version = models.PositiveIntegerField(_("revision"), default=0)
    content = models.JSONField(_("content"), default=dict)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("framework version")
        verbose_name_plural = _("framework versions")
        ordering = ["framework", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "number"],
                name="framework_version_unique",
                violation_error_message=_("This framework already has a version with this number."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.framework.title} v{self.number}"


class TreeItem(models.Model):
    """What themes, ambitions and actions share: a title, a text and a place among siblings."""

    title = models.CharField(pgettext_lazy("heading of a text", "title"), max_length=TITLE_LENGTH)
    description = models.TextField(_("description"), blank=True, validators=LONG_TEXT)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class Theme(TreeItem):
    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="themes", verbose_name=_("framework")
    )

    class Meta(TreeItem.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class Ambition(TreeItem):
    theme = models.ForeignKey(
        Theme, on_delete=models.CASCADE, related_name="ambitions", verbose_name=_("theme")
    )

    class Meta(TreeItem.Meta):
        verbose_name = _("ambition")
        verbose_name_plural = _("ambitions")


class Action(TreeItem):
    """A task of the framework: at which level it sits and who owns it.

    The owner follows the level: a municipality for a local task, a subregion for a subregional
    one, the region itself for a regional one. A draft action may lack both; the matrix flags it.
    """

    ambition = models.ForeignKey(
        Ambition, on_delete=models.CASCADE, related_name="actions", verbose_name=_("ambition")
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, blank=True)
    owner_municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="framework_actions",
        verbose_name=_("owning municipality"),
    )
    owner_subregion = models.ForeignKey(
        Subregion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="framework_actions",
        verbose_name=_("owning subregion"),
    )
    owned_by_region = models.BooleanField(_("owned by the region"), default=False)
    partners = models.ManyToManyField(
        Organisation, blank=True, related_name="framework_actions", verbose_name=_("partners")
    )
    policy_domains = models.ManyToManyField(
        PolicyDomain, blank=True, related_name="actions", verbose_name=_("policy domains")
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.PLANNED
    )

    class Meta(TreeItem.Meta):
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="framework_action_dates_order",
                violation_error_message=_("An action cannot end before it starts."),
            )
        ]


class ActionIndicator(models.Model):
    """A monitor indicator that shows an action's progress, by its code in the monitor's
    catalogue (built-in or imported), with target values per year."""

    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("action")
    )
    indicator_code = models.SlugField(_("indicator"), max_length=60)

    class Meta:
        verbose_name = _("action indicator")
        verbose_name_plural = _("action indicators")
        ordering = ["action", "indicator_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["action", "indicator_code"],
                name="framework_action_indicator_unique",
                violation_error_message=_("This indicator is already linked to the action."),
            )
        ]

    def __str__(self) -> str:
        return self.indicator_code


class ActionTarget(models.Model):
    """The value an action's indicator should reach in a year of the framework's period."""

    indicator = models.ForeignKey(
        ActionIndicator,
        on_delete=models.CASCADE,
        related_name="targets",
        verbose_name=_("indicator"),
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR)
    value = models.DecimalField(_("target value"), max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = _("target value")
        verbose_name_plural = _("target values")
        ordering = ["indicator", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year"],
                name="framework_target_unique",
                violation_error_message=_("This indicator already has a target for this year."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year}: {self.value}"


class ActionComment(models.Model):
    """A municipality officer's comment on, or proposed change to, an action their municipality
    owns; the project leader accepts or declines it."""

    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="comments", verbose_name=_("action")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=CommentKind.choices)
    text = models.TextField(_("text"), validators=LONG_TEXT)
    status = models.CharField(
        _("status"), max_length=20, choices=CommentStatus.choices, default=CommentStatus.OPEN
    )
    answer = models.TextField(_("answer"), blank=True, validators=LONG_TEXT)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="framework_comments",
        verbose_name=_("author"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("comment on an action")
        verbose_name_plural = _("comments on actions")
        ordering = ["action", "-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.action}"
