from auditlog.models import LogEntry
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from onderdak.audit.selectors import TrailFilter
from onderdak.core.forms import Form

KINDS = {
    "": (_("All entries"), None),
    "wijzigingen": (_("All changes"), None),
    "aanmaken": (_("Created"), LogEntry.Action.CREATE),
    "bijwerken": (_("Changed"), LogEntry.Action.UPDATE),
    "verwijderen": (_("Deleted"), LogEntry.Action.DELETE),
    "inzage": (_("Reads of personal data"), LogEntry.Action.ACCESS),
}


#: Names of the actions in the user's language (django-auditlog has no Dutch catalogue).
ACTION_LABELS = {
    LogEntry.Action.CREATE: _("created"),
    LogEntry.Action.UPDATE: _("changed"),
    LogEntry.Action.DELETE: _("deleted"),
    LogEntry.Action.ACCESS: _("read"),
}


class RecordKindField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return capfirst(obj.name)


class TrailFilterForm(Form):
    gebruiker = forms.CharField(label=_("User (username)"), required=False, max_length=150)
    objecttype = RecordKindField(
        label=_("Kind of record"), required=False, queryset=ContentType.objects.none()
    )
    object_id = forms.CharField(label=_("Record number"), required=False, max_length=40)
    soort = forms.ChoiceField(
        label=_("Kind of entry"), required=False, choices=[(k, v[0]) for k, v in KINDS.items()]
    )
    van = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    tot = forms.DateField(
        label=_("Up to and including"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, content_types, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objecttype"].queryset = content_types

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["van"] > data["tot"]:
            self.add_error("tot", _("The end date lies before the start date."))
        return data

    def to_filter(self) -> TrailFilter:
        data = self.cleaned_data
        kind = data.get("soort") or ""
        content_type = data.get("objecttype")
        return TrailFilter(
            actor=data.get("gebruiker", ""),
            content_type=content_type.pk if content_type else None,
            object_id=data.get("object_id", ""),
            action=KINDS[kind][1],
            changes_only=kind == "wijzigingen",
            date_from=data.get("van"),
            date_to=data.get("tot"),
        )
