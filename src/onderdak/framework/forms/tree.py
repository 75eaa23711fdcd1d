"""Forms of the tree: a theme or ambition, an action, an indicator with its targets, a comment and
its answer. They collect input; ``services.tree`` and ``services.comments`` check and save.

An action's owner is one choice (the region, a subregion or a municipality of the framework's
region), split by the form into the three fields the service takes.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from onderdak.core.forms import Form
from onderdak.framework.models import (
    ActionStatus,
    Ambition,
    CommentKind,
    CommentStatus,
    Framework,
    PolicyDomain,
    Theme,
)
from onderdak.framework.models.reference import TEXT_LENGTH, TITLE_LENGTH
from onderdak.framework.services.tree import owner_kind
from onderdak.region.models import Level, Municipality, Organisation, Subregion

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
REGION = "region"
TEXT_HINT = _("Pasted text keeps its paragraphs, lists and emphasis; other markup is removed.")


def _text(label) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=TEXT_HINT,
    )


class ItemForm(Form):
    """A theme's or ambition's title and description."""

    title = forms.CharField(label=_("Title"), max_length=TITLE_LENGTH)
    description = _text(_("Description"))

    def __init__(self, *args, framework: Framework | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.framework = framework

    def to_service(self) -> dict:
        return dict(self.cleaned_data)


class AmbitionForm(ItemForm):
    """An ambition; changing it can hang it under another theme of the framework."""

    theme = forms.ModelChoiceField(label=_("Theme"), queryset=Theme.objects.none())

    def __init__(self, *args, framework: Framework, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = framework.themes.all()


def owner_choices(framework: Framework) -> list:
    region = framework.region
    subregions = Subregion.objects.filter(region=region).order_by("position", "name")
    municipalities = Municipality.objects.filter(region=region).only("pk", "name").order_by("name")
    return [
        ("", _("no owner yet")),
        (REGION, _("the region (%(name)s)") % {"name": region.name}),
        (_("Subregions"), [(f"s{s.pk}", s.name) for s in subregions]),
        (_("Municipalities"), [(f"m{m.pk}", m.name) for m in municipalities]),
    ]


def owner_value(action) -> str:
    kind = owner_kind(action)
    if kind == "municipality":
        return f"m{action.owner_municipality_id}"
    if kind == "subregion":
        return f"s{action.owner_subregion_id}"
    return REGION if kind == "region" else ""


class ActionForm(ItemForm):
    ambition = forms.ModelChoiceField(label=_("Ambition"), queryset=Ambition.objects.none())
    level = forms.ChoiceField(
        label=_("Level"), required=False, choices=[("", _("no level yet")), *Level.choices]
    )
    owner = forms.ChoiceField(
        label=_("Owner"),
        required=False,
        help_text=_(
            "A municipality for a local action, a subregion for a subregional one, the region for "
            "a regional one."
        ),
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Partners"), required=False, queryset=Organisation.objects.none()
    )
    policy_domains = forms.ModelMultipleChoiceField(
        label=_("Adjacent policy domains"), required=False, queryset=PolicyDomain.objects.all()
    )
    starts_on = forms.DateField(label=_("Starts on"), required=False, widget=DATE)
    ends_on = forms.DateField(label=_("Ends on"), required=False, widget=DATE)
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)

    def __init__(self, *args, framework: Framework, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ambition"].queryset = Ambition.objects.filter(
            theme__framework=framework
        ).select_related("theme")
        self.fields["ambition"].label_from_instance = lambda a: f"{a.theme.title} — {a.title}"
        self.fields["owner"].choices = owner_choices(framework)
        self.fields["partners"].queryset = Organisation.objects.filter(
            region=framework.region, is_active=True
        ).order_by("name")
        self.fields["partners"].widget.attrs["size"] = 8

    def to_service(self) -> dict:
        """The cleaned data as the service takes it: the owner split into its three fields."""
        data = dict(self.cleaned_data)
        owner = data.pop("owner")
        data["owner_municipality"] = (
            Municipality.objects.get(pk=owner[1:]) if owner.startswith("m") else None
        )
        data["owner_subregion"] = (
            Subregion.objects.get(pk=owner[1:]) if owner.startswith("s") else None
        )
        data["owned_by_region"] = owner == REGION
        return data


class IndicatorForm(Form):
    """A monitor indicator linked to an action, with a target value per year of the period."""

    code = forms.ChoiceField(label=_("Indicator"))

    def __init__(self, *args, framework: Framework, catalogue, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].choices = [("", "")] + [(i.code, i.name) for i in catalogue]
        self.years = list(range(framework.first_year, framework.last_year + 1))
        for year in self.years:
            self.fields[f"target_{year}"] = forms.DecimalField(
                label=_("Target %(year)s") % {"year": year},
                required=False,
                max_digits=14,
                decimal_places=2,
                localize=True,  # "12,5" in Dutch
            )

    def targets(self) -> dict:
        return {year: self.cleaned_data.get(f"target_{year}") for year in self.years}


class CommentForm(Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=CommentKind.choices)
    text = forms.CharField(
        label=_("Your comment or proposed change"),
        max_length=TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class AnswerForm(Form):
    status = forms.ChoiceField(
        label=_("Decision"),
        choices=[(CommentStatus.ACCEPTED, _("accept")), (CommentStatus.DECLINED, _("decline"))],
    )
    answer = _text(_("Answer"))


class VersionForm(Form):
    label = forms.CharField(
        label=_("Label (optional)"),
        required=False,
        max_length=TITLE_LENGTH,
        help_text=_("For example: draft for the programme team."),
    )
