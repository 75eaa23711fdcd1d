"""The region registry: the region is data, not code (DESIGN.md §4.13).

A ``Region`` row owns its subregions, municipalities, organisations and governance bodies, so
other regions can later run on the same installation.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import npgettext

cbs_code_validator = RegexValidator(
    r"^GM\d{4}$", _("A CBS municipality code is GM followed by four digits, e.g. GM0546.")
)


class Region(models.Model):
    name = models.CharField(
        _("name"),
        max_length=100,
        unique=True,
        error_messages={"unique": _("A region with this name already exists.")},
    )
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        error_messages={"unique": _("A region with this slug already exists.")},
    )
    source_note = models.TextField(_("source note"), blank=True)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Subregion(models.Model):
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="subregions", verbose_name=_("region")
    )
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)
    colour = models.CharField(
        _("map colour"),
        max_length=7,
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Use a colour such as #1f5fa8."))],
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("subregion")
        verbose_name_plural = _("subregions")
        ordering = ["region", "position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "slug"],
                name="subregion_unique_slug",
                violation_error_message=_("A subregion with this slug already exists."),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Municipality(models.Model):
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("region")
    )
    subregion = models.ForeignKey(
        Subregion,
        on_delete=models.PROTECT,
        related_name="municipalities",
        verbose_name=_("subregion"),
    )
    cbs_code = models.CharField(
        _("CBS code"),
        max_length=6,
        unique=True,
        validators=[cbs_code_validator],
        error_messages={"unique": _("A municipality with this CBS code already exists.")},
    )
    name = models.CharField(_("name"), max_length=100)
    boundary = models.JSONField(
        _("boundary"), null=True, blank=True, help_text=_("GeoJSON geometry in WGS84 (lon/lat).")
    )
    boundary_source = models.TextField(_("boundary source"), blank=True)

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PopulationFigure(models.Model):
    """Population of a municipality on a date, with its source: never more exact than it is."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="population_figures",
        verbose_name=_("municipality"),
    )
    reference_date = models.DateField(_("reference date"))
    population = models.PositiveIntegerField(_("population"), validators=[MinValueValidator(1)])
    source_url = models.URLField(_("source"), max_length=500)
    source_note = models.CharField(_("source note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("population figure")
        verbose_name_plural = _("population figures")
        ordering = ["municipality", "-reference_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "reference_date"],
                name="population_one_per_date",
                violation_error_message=_("There is already a figure for this date."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.municipality} {self.reference_date:%Y-%m-%d}: {self.population}"


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("municipality")
    CARE_PROVIDER = "care_provider", _("care provider")
    HOUSING_CORPORATION = "housing_corporation", _("housing corporation")
    REGIONAL_BODY = "regional_body", _("regional body")

    @classmethod
    def counted(cls, kind: str, n: int) -> str:
        """The kind's name to follow a count: "1 gemeente", "13 gemeenten"."""
        return _COUNTED[kind](n)


_COUNTED = {
    OrganisationKind.MUNICIPALITY: lambda n: npgettext(
        "number of organisations", "municipality", "municipalities", n
    ),
    OrganisationKind.CARE_PROVIDER: lambda n: npgettext(
        "number of organisations", "care provider", "care providers", n
    ),
    OrganisationKind.HOUSING_CORPORATION: lambda n: npgettext(
        "number of organisations", "housing corporation", "housing corporations", n
    ),
    OrganisationKind.REGIONAL_BODY: lambda n: npgettext(
        "number of organisations", "regional body", "regional bodies", n
    ),
}


class Organisation(models.Model):
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="organisations", verbose_name=_("region")
    )
    kind = models.CharField(_("kind"), max_length=30, choices=OrganisationKind.choices)
    name = models.CharField(_("name"), max_length=150)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("municipality"),
        help_text=_("For a municipality: the municipality itself; otherwise where it is based."),
    )
    website = models.URLField(_("website"), max_length=300, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "name"],
                name="organisation_unique_name",
                violation_error_message=_("An organisation with this name already exists."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """An organisation's municipality lies in its own region (for every entry point)."""
        if self.municipality_id and self.municipality.region_id != self.region_id:
            raise ValidationError(
                {"municipality": _("This municipality is not part of the region.")}
            )


class Level(models.TextChoices):
    """Who is responsible for a task or a facility: one municipality, a subregion or the region
    (the three levels the policy framework must tell apart sharply)."""

    LOCAL = "local", _("local")
    SUBREGIONAL = "subregional", _("subregional")
    REGIONAL = "regional", _("regional")


class GovernanceLevel(models.TextChoices):
    ADMINISTRATIVE = "administrative", _("administrative (bestuurlijk)")
    CIVIL_SERVICE = "civil_service", _("civil service (ambtelijk)")
    PROJECT = "project", _("project")


class GovernanceBody(models.Model):
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="governance_bodies",
        verbose_name=_("region"),
    )
    name = models.CharField(_("name"), max_length=150)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    level = models.CharField(_("level"), max_length=20, choices=GovernanceLevel.choices)
    mandate = models.TextField(_("mandate"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("governance body")
        verbose_name_plural = _("governance bodies")
        ordering = ["region", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "name"],
                name="governance_unique_name",
                violation_error_message=_("A governance body with this name already exists."),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class GovernanceRole(models.Model):
    """A seat or function in a governance body, e.g. the chair or the regional programme manager."""

    body = models.ForeignKey(
        GovernanceBody, on_delete=models.CASCADE, related_name="roles", verbose_name=_("body")
    )
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    seats = models.PositiveSmallIntegerField(_("seats"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("governance role")
        verbose_name_plural = _("governance roles")
        ordering = ["body", "position"]

    def __str__(self) -> str:
        return f"{self.body}: {self.title}"
