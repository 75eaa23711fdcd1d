"""Forms of the proposal pages: the list filters, a proposal by hand, and the answers."""

from dateutil.relativedelta import relativedelta
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from onderdak.contingent.forms.dwellings import DATE, CaseFilterForm, StepWithFieldsForm
from onderdak.contingent.models import (
    DeclineParty,
    DeclineReason,
    LeaseType,
    ProposalStatus,
)
from onderdak.contingent.models.base import REASON_LENGTH
from onderdak.core.forms import Form

#: A guidance agreement lasts a year unless the corporation says otherwise.
DEFAULT_GUIDANCE = relativedelta(months=12)


def reason_widget() -> forms.Textarea:
    return forms.Textarea(attrs={"rows": 4})


class ProposalFilterForm(CaseFilterForm):
    statuses = ProposalStatus.choices


class NominationChoiceField(forms.ModelChoiceField):
    """A nomination in the pool, as the coordinator knows it: number, client and stream."""

    def label_from_instance(self, obj) -> str:
        return _("%(nomination)s: %(client)s, %(stream)s, %(rooms)d room(s)") % {
            "nomination": obj,
            "client": obj.client.name,
            "stream": obj.get_stream_display(),
            "rooms": obj.rooms_needed,
        }


class DwellingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return _("%(address)s (%(municipality)s), %(rooms)d room(s), %(corporation)s") % {
            "address": obj,
            "municipality": obj.municipality.name,
            "rooms": obj.rooms,
            "corporation": obj.corporation.name,
        }


class NominationPickForm(Form):
    """Step 1 of a proposal by hand: which nomination of the pool (sent as ``?aanmelding=``)."""

    aanmelding = NominationChoiceField(label=_("Nomination"), queryset=None)

    def __init__(self, *args, pool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aanmelding"].queryset = pool


class ProposalForm(Form):
    """Step 2: a dwelling that fits the nomination, and the reason for proposing it by hand."""

    dwelling = DwellingChoiceField(label=_("Dwelling"), queryset=None)
    reason = forms.CharField(
        label=_("Reason for the proposal"), max_length=REASON_LENGTH, widget=reason_widget()
    )

    def __init__(self, *args, dwellings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dwelling"].queryset = dwellings


class DeclineForm(StepWithFieldsForm):
    """Declining: a reason from the region's list for this party, and an explanation."""

    extra = ("note",)

    reason = forms.ModelChoiceField(label=_("Reason"), queryset=DeclineReason.objects.none())
    note = forms.CharField(
        label=_("Explanation"), required=False, max_length=REASON_LENGTH, widget=reason_widget()
    )

    def __init__(self, *args, party: str, region_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].queryset = DeclineReason.objects.filter(
            region=region_id, is_active=True, party__in=(party, DeclineParty.BOTH)
        )


class CorporationAcceptForm(StepWithFieldsForm):
    """The corporation accepts: the lease and the guidance agreement's end."""

    extra = ("lease_type", "lease_start", "guidance_end")

    lease_type = forms.ChoiceField(label=_("Lease"), choices=LeaseType.choices)
    lease_start = forms.DateField(label=_("Lease start"), widget=DATE)
    guidance_end = forms.DateField(
        label=_("End of the guidance agreement"),
        widget=DATE,
        help_text=_("Typically one to two years after the lease start."),
    )

    @staticmethod
    def initial_for(proposal) -> dict:
        """The lease starts when the dwelling is available (today at the earliest); the
        guidance agreement lasts a year."""
        start = max(proposal.dwelling.available_from, timezone.localdate())
        return {"lease_start": start, "guidance_end": start + DEFAULT_GUIDANCE}
