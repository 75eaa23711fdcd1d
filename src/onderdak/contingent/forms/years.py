"""Forms of the year pages. They collect input; the services validate and save it.

The key, the split and the spread are grids (``contingent/years/grid_form.html``): one table,
a row per corporation or municipality. They build on the funding app's ``GridForm``, which puts
a service's error about one row (``stocks.2.dwellings``) on the input it was typed in.
"""

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms import BoundField
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from onderdak.contingent.models import ContingentYear, DeclineReason, Stream
from onderdak.contingent.models.base import REASON_LENGTH
from onderdak.contingent.models.years import MAX_DWELLINGS
from onderdak.contingent.selectors.years import SplitRow
from onderdak.core.api.exceptions import NON_FIELD
from onderdak.core.errors import DomainError
from onderdak.core.forms import Form, ModelForm
from onderdak.funding.forms import GridForm, ServiceErrorsMixin, source_field

POLICY_FIELDS = [
    "refusals_before_closing",
    "review_days",
    "answer_days",
    "placement_days",
    "evaluation_months",
]


class MonthsField(forms.CharField):
    """Whole months typed as a list, ``3, 6, 12``; the model checks they rise from 1 to 60."""

    def __init__(self, *, encoder=None, decoder=None, **kwargs):
        super().__init__(**kwargs)  # the model's JSON field offers its encoder; text needs none

    def prepare_value(self, value):
        if isinstance(value, list):
            return ", ".join(str(month) for month in value)
        return value

    def to_python(self, value) -> list[int]:
        text = super().to_python(value)
        parts = [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]
        if not all(part.isdigit() for part in parts):
            raise ValidationError(_("Give whole months separated by commas, e.g. 3, 6, 12."))
        return [int(part) for part in parts]


def confirm_field() -> forms.BooleanField:
    return forms.BooleanField(
        label=gettext_lazy("Discard the targets changed by hand"),
        required=False,
        help_text=gettext_lazy(
            "The split is computed again by the key; every target changed by hand, with its "
            "reason, is replaced by the share the key gives."
        ),
    )


class VersionMixin:
    """The version of the year the user read, sent back with the form (optimistic locking)."""

    def add_version(self, version: int) -> None:
        self.fields["version"] = forms.IntegerField(widget=forms.HiddenInput, initial=version)


class ContingentYearForm(ServiceErrorsMixin, VersionMixin, ModelForm):
    """A year's targets, the source of its key, and its policy.

    ``manual_changes``: how many targets were changed by hand; a new stream target recomputes the
    split, so the form then asks to confirm that those changes are discarded.
    """

    class Meta:
        model = ContingentYear
        fields = [
            "year",
            "total",
            "outflow_target",
            "prevention_target",
            "key_source",
            *POLICY_FIELDS,
        ]
        field_classes = {"evaluation_months": MonthsField}
        widgets = {"key_source": forms.TextInput(attrs={"class": "input--wide"})}
        help_texts = {
            "total": gettext_lazy("The targets per stream add up to this total."),
            "evaluation_months": gettext_lazy("Whole months after the lease start, e.g. 3, 6, 12."),
        }

    def __init__(self, *args, manual_changes: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["year"]
            self.add_version(self.instance.version)
            if manual_changes:
                self.fields["confirm_recompute"] = confirm_field()

    def changes(self) -> dict[str, Any]:
        """The changed fields, as the service takes them."""
        names = [name for name in self.changed_data if name in self.Meta.fields]
        return {name: self.cleaned_data[name] for name in names}


@dataclass(frozen=True)
class Cell:
    """A cell of a grid that shows a value rather than an input (e.g. the key's share)."""

    value: Any
    numeric: bool = False


@dataclass(frozen=True)
class Row:
    """A row of a grid: its header, cells that show a value, then its inputs."""

    label: str
    fields: list[BoundField]
    texts: Sequence[Cell] = field(default_factory=list)


class YearGridForm(VersionMixin, GridForm):
    """A grid about one year; each row kept for the service has its index in ``entry_fields``.

    Subclasses add their rows in ``add_rows()``.
    """

    add_rows: Callable[[], None]

    def __init__(self, *args, version: int, **kwargs):
        self.version = version
        super().__init__(*args, **kwargs)

    def add_fields(self) -> None:
        self.add_version(self.version)
        self.add_rows()

    def grid(self) -> list[Row]:
        return [Row(row.label, row.fields) for row in super().grid()]

    def keep(self, entry: dict, fields: dict[str, str], entries: list) -> None:
        """Add ``entry`` for the service; its errors go to ``fields`` (``""``: the row's)."""
        self.entry_fields[str(len(entries))] = fields
        entries.append(entry)


class StocksForm(YearGridForm):
    """The key: every corporation's social rental stock, with one source."""

    shared_fields = ("key_source",)
    row_header = gettext_lazy("Corporation")

    def __init__(self, *args, corporations, stocks: dict[int, int], source: str, confirm, **kwargs):
        self.corporations, self.stocks, self.source = list(corporations), stocks, source
        self.confirm = confirm
        super().__init__(*args, **kwargs)

    def add_rows(self) -> None:
        self.columns = [_("Social rental dwellings")]
        for corporation in self.corporations:
            name = f"dwellings_{corporation.pk}"
            self.fields[name] = forms.IntegerField(
                label=_("%(corporation)s: social rental dwellings")
                % {"corporation": corporation.name},
                min_value=0,
                max_value=10_000_000,
                initial=self.stocks.get(corporation.pk),
            )
            self.rows.append((corporation.name, [name]))
        self.fields["key_source"] = source_field(_("Source of the figures"))
        self.fields["key_source"].initial = self.source
        if self.confirm:
            self.fields["confirm_recompute"] = confirm_field()
            self.shared_fields = ("key_source", "confirm_recompute")

    def stock_rows(self) -> list[dict]:
        entries: list[dict] = []
        for corporation in self.corporations:
            name = f"dwellings_{corporation.pk}"
            entry = {"corporation": corporation, "dwellings": self.cleaned_data[name]}
            self.keep(entry, {"": name, "dwellings": name}, entries)
        return entries


class TargetsForm(YearGridForm):
    """The split by hand: per corporation and stream the target, and why it differs from the
    share the key gives."""

    row_header = gettext_lazy("Corporation")

    def __init__(self, *args, rows: Sequence[SplitRow], **kwargs):
        self.split_rows = [
            row for row in rows if any(s.computed is not None for s in row.shares.values())
        ]
        self.texts: list[list[Cell]] = []
        super().__init__(*args, **kwargs)

    def add_rows(self) -> None:
        self.columns = [_("Stream"), _("Share by the key"), _("Target"), _("Reason for the change")]
        for row in self.split_rows:
            for share in row.shares.values():
                self._add_share(row.corporation, share)

    def _add_share(self, corporation, share) -> None:
        key = f"{corporation.pk}_{share.stream}"
        what = f"{corporation.name}, {share.stream_label}"
        self.fields[f"target_{key}"] = forms.IntegerField(
            label=_("%(what)s: target") % {"what": what},
            min_value=0,
            max_value=MAX_DWELLINGS,
            initial=share.target,
        )
        self.fields[f"reason_{key}"] = forms.CharField(
            label=_("%(what)s: reason for the change") % {"what": what},
            max_length=REASON_LENGTH,
            required=False,
            initial=share.change_reason,
            widget=forms.TextInput(attrs={"class": "input--wide"}),
        )
        self.rows.append((corporation.name, [f"target_{key}", f"reason_{key}"]))
        self.texts.append([Cell(capfirst(share.stream_label)), Cell(share.computed, numeric=True)])

    def grid(self) -> list[Row]:
        rows = super().grid()
        return [Row(r.label, r.fields, texts) for r, texts in zip(rows, self.texts, strict=True)]

    def target_rows(self) -> list[dict]:
        entries: list[dict] = []
        for row in self.split_rows:
            for stream in row.shares:
                key = f"{row.corporation.pk}_{stream}"
                entry = {
                    "corporation": row.corporation,
                    "stream": stream,
                    "target": self.cleaned_data[f"target_{key}"],
                    "change_reason": self.cleaned_data[f"reason_{key}"],
                }
                fields = {"": f"target_{key}", "change_reason": f"reason_{key}"}
                self.keep(entry, fields, entries)
        return entries


class SpreadForm(YearGridForm):
    """Optional targets per municipality; an empty one means no target there."""

    row_header = gettext_lazy("Municipality")

    def __init__(self, *args, municipalities, targets: dict[int, int], **kwargs):
        self.municipalities, self.targets = list(municipalities), targets
        super().__init__(*args, **kwargs)

    def add_rows(self) -> None:
        self.columns = [_("Target")]
        for municipality in self.municipalities:
            name = f"target_{municipality.pk}"
            self.fields[name] = forms.IntegerField(
                label=_("%(municipality)s: target") % {"municipality": municipality.name},
                min_value=0,
                max_value=MAX_DWELLINGS,
                required=False,
                initial=self.targets.get(municipality.pk),
            )
            self.rows.append((municipality.name, [name]))

    def spread_rows(self) -> list[dict]:
        entries: list[dict] = []
        for municipality in self.municipalities:
            name = f"target_{municipality.pk}"
            if self.cleaned_data[name] is not None:
                entry = {"municipality": municipality, "target": self.cleaned_data[name]}
                self.keep(entry, {"": name}, entries)
        return entries


class CriteriaForm(VersionMixin, Form):
    """Each stream's eligibility checklist, one criterion per line."""

    def __init__(self, *args, criteria: dict[str, list[str]], version: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_version(version)
        for stream, label in Stream.choices:
            self.fields[f"criteria_{stream}"] = forms.CharField(
                label=_("Criteria for %(stream)s") % {"stream": label},
                required=False,
                initial="\n".join(criteria.get(stream, [])),
                help_text=_("One criterion per line, in the order of the checklist."),
                widget=forms.Textarea(attrs={"rows": 6}),
            )

    def texts(self, stream: str) -> list[str]:
        lines = self.cleaned_data[f"criteria_{stream}"].splitlines()
        return [line.strip() for line in lines if line.strip()]

    @contextmanager
    def errors_of(self, stream: str) -> Iterator[None]:
        """A service's errors about one stream's list, on that stream's field."""
        try:
            yield
        except DomainError as error:
            messages = [m for name, ms in error.fields.items() if name != NON_FIELD for m in ms]
            fields = {f"criteria_{stream}": messages} if messages else {}
            raise DomainError(error.message, code=error.code, fields=fields) from error


class DeclineReasonForm(ServiceErrorsMixin, ModelForm):
    class Meta:
        model = DeclineReason
        fields = ["label", "party", "is_valid", "is_active", "position"]
        widgets = {"label": forms.TextInput(attrs={"class": "input--wide"})}
        help_texts = {
            "is_active": gettext_lazy(
                "A reason out of use is no longer offered; earlier refusals keep it."
            ),
            "position": gettext_lazy("Reasons are offered in this order."),
        }
