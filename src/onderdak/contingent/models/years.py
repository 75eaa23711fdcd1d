"""The contingent of a year: its targets, their split over the corporations, and its policy."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from onderdak.contingent.models.base import SOURCE_LENGTH, reason_field, year_validators
from onderdak.contingent.models.choices import DeclineParty, Stream
from onderdak.region.models import Municipality, Organisation, OrganisationKind, Region

MAX_DWELLINGS = 100_000
dwelling_count_validators = [MaxValueValidator(MAX_DWELLINGS)]


#: Days before a step counts as stalled: at most a year. An explicit maximum also keeps the API
#: schema the same on every database (Django's own limit of a small integer depends on it).
DAY_COUNT = [MinValueValidator(1), MaxValueValidator(365)]
POSITION = [MaxValueValidator(1000)]


def default_evaluation_months() -> list[int]:
    return [3, 6, 12]


class ContingentYear(models.Model):
    """The dwellings the corporations make available in a year, with the target per stream.

    Also the year's policy: when a step counts as stalled, when evaluations are due, and how many
    refusals without a valid reason close a nomination.
    """

    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="contingent_years", verbose_name=_("region")
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=year_validators)
    total = models.PositiveIntegerField(_("total dwellings"), validators=dwelling_count_validators)
    outflow_target = models.PositiveIntegerField(
        _("target outflow (uitstroom)"), validators=dwelling_count_validators
    )
    prevention_target = models.PositiveIntegerField(
        _("target prevention (preventie)"), validators=dwelling_count_validators
    )
    key_source = models.CharField(
        _("source of the key"),
        max_length=SOURCE_LENGTH,
        blank=True,
        help_text=_("Where the corporations' social rental stock figures come from."),
    )
    refusals_before_closing = models.PositiveSmallIntegerField(
        _("refusals before closing"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text=_(
            "After this many refusals without a valid reason a nomination is closed; empty: never."
        ),
    )
    review_days = models.PositiveSmallIntegerField(
        _("days for a review"), default=10, validators=DAY_COUNT
    )
    answer_days = models.PositiveSmallIntegerField(
        _("days for an answer to a proposal"), default=10, validators=DAY_COUNT
    )
    placement_days = models.PositiveSmallIntegerField(
        _("days from acceptance to lease start"), default=30, validators=DAY_COUNT
    )
    evaluation_months = models.JSONField(
        _("evaluation moments (months after the lease start)"),
        default=default_evaluation_months,
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("contingent year")
        verbose_name_plural = _("contingent years")
        ordering = ["region", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "year"],
                name="contingent_year_unique",
                violation_error_message=_("There is already a contingent for this year."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.year)

    def stream_target(self, stream: str) -> int:
        return self.outflow_target if stream == Stream.OUTFLOW else self.prevention_target

    def clean(self) -> None:
        errors = {}
        if None not in (self.total, self.outflow_target, self.prevention_target):
            parts = self.outflow_target + self.prevention_target
            if parts != self.total:
                errors["total"] = _(
                    "The targets per stream add up to %(parts)d (%(outflow)d + %(prevention)d), "
                    "not to the total of %(total)d."
                ) % {
                    "parts": parts,
                    "outflow": self.outflow_target,
                    "prevention": self.prevention_target,
                    "total": self.total,
                }
        if not _valid_months(self.evaluation_months):
            errors["evaluation_months"] = _(
                "Give the evaluation moments as rising whole months from 1 to 60, e.g. 3, 6, 12."
            )
        if errors:
            raise ValidationError(errors)


def _valid_months(months) -> bool:
    if not isinstance(months, list) or not months:
        return False
    if not all(type(m) is int and 1 <= m <= 60 for m in months):
        return False
    return months == sorted(set(months))


class CorporationStock(models.Model):
    """A corporation's social rental stock in a year: its weight in the split of the contingent."""

    contingent_year = models.ForeignKey(
        ContingentYear, on_delete=models.CASCADE, related_name="stocks", verbose_name=_("year")
    )
    corporation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="contingent_stocks",
        verbose_name=_("corporation"),
        limit_choices_to={"kind": OrganisationKind.HOUSING_CORPORATION},
    )
    dwellings = models.PositiveIntegerField(
        _("social rental dwellings"), validators=[MaxValueValidator(10_000_000)]
    )

    class Meta:
        verbose_name = _("social rental stock")
        verbose_name_plural = _("social rental stock")
        ordering = ["contingent_year", "corporation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["contingent_year", "corporation"],
                name="contingent_stock_unique",
                violation_error_message=_("This corporation's stock is already entered."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.contingent_year} {self.corporation}: {self.dwellings}"

    def clean(self) -> None:
        _check_corporation(self.corporation_id and self.corporation, self.contingent_year)


def _check_corporation(corporation, contingent_year) -> None:
    if not corporation:
        return
    if corporation.kind != OrganisationKind.HOUSING_CORPORATION:
        raise ValidationError({"corporation": _("Choose a housing corporation.")})
    if contingent_year and corporation.region_id != contingent_year.region_id:
        raise ValidationError({"corporation": _("This corporation is not part of the region.")})


class CorporationTarget(models.Model):
    """A corporation's share of a stream's target: computed from the key, changed with a reason."""

    contingent_year = models.ForeignKey(
        ContingentYear, on_delete=models.CASCADE, related_name="targets", verbose_name=_("year")
    )
    corporation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="contingent_targets",
        verbose_name=_("corporation"),
    )
    stream = models.CharField(_("stream"), max_length=20, choices=Stream.choices)
    computed = models.PositiveIntegerField(_("share by the key"))
    target = models.PositiveIntegerField(_("target"), validators=dwelling_count_validators)
    change_reason = reason_field(_("reason for the change"))

    class Meta:
        verbose_name = _("corporation target")
        verbose_name_plural = _("corporation targets")
        ordering = ["contingent_year", "corporation__name", "stream"]
        constraints = [
            models.UniqueConstraint(
                fields=["contingent_year", "corporation", "stream"],
                name="contingent_target_unique",
                violation_error_message=_("This corporation already has a target for the stream."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.contingent_year} {self.corporation} {self.stream}: {self.target}"

    def clean(self) -> None:
        if self.target is not None and self.target != self.computed and not self.change_reason:
            raise ValidationError(
                {"change_reason": _("Give a reason for changing the share the key gives.")}
            )


class SpreadTarget(models.Model):
    """An optional target of dwellings in a municipality, for the spread over the region."""

    contingent_year = models.ForeignKey(
        ContingentYear,
        on_delete=models.CASCADE,
        related_name="spread_targets",
        verbose_name=_("year"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="spread_targets",
        verbose_name=_("municipality"),
    )
    target = models.PositiveIntegerField(_("target"), validators=dwelling_count_validators)

    class Meta:
        verbose_name = _("spread target")
        verbose_name_plural = _("spread targets")
        ordering = ["contingent_year", "municipality__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["contingent_year", "municipality"],
                name="contingent_spread_unique",
                violation_error_message=_("This municipality already has a target."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.contingent_year} {self.municipality}: {self.target}"


class EligibilityCriterion(models.Model):
    """A criterion of a stream's eligibility checklist in a year."""

    contingent_year = models.ForeignKey(
        ContingentYear, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("year")
    )
    stream = models.CharField(_("stream"), max_length=20, choices=Stream.choices)
    text = models.CharField(_("criterion"), max_length=300)
    position = models.PositiveSmallIntegerField(_("position"), default=0, validators=POSITION)

    class Meta:
        verbose_name = _("eligibility criterion")
        verbose_name_plural = _("eligibility criteria")
        ordering = ["contingent_year", "stream", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["contingent_year", "stream", "text"],
                name="contingent_criterion_unique",
                violation_error_message=_("This criterion is already on the list."),
            ),
        ]

    def __str__(self) -> str:
        return self.text


class DeclineReason(models.Model):
    """A reason to decline a proposal, from a list the coordinator keeps.

    A reason that is not ``valid`` counts towards closing a nomination after repeated refusals.
    """

    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="decline_reasons", verbose_name=_("region")
    )
    label = models.CharField(_("reason"), max_length=200)
    party = models.CharField(
        _("for"), max_length=20, choices=DeclineParty.choices, default=DeclineParty.BOTH
    )
    is_valid = models.BooleanField(
        _("valid reason"),
        default=True,
        help_text=_("A refusal for a reason that is not valid counts towards closing."),
    )
    is_active = models.BooleanField(_("in use"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0, validators=POSITION)

    class Meta:
        verbose_name = _("reason to decline")
        verbose_name_plural = _("reasons to decline")
        ordering = ["region", "position", "label"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "label"],
                name="decline_reason_unique",
                violation_error_message=_("This reason is already on the list."),
            ),
        ]

    def __str__(self) -> str:
        return self.label
