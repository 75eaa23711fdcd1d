"""A framework with something in every part of its document, for the documents tests: actions at
the three levels and one without, an indicator with targets, and input with and without a
response."""

import datetime
from decimal import Decimal

from onderdak.framework.models import (
    ActionIndicator,
    ActionTarget,
    Framework,
    InputItem,
    ParticipationSession,
    PolicyDomain,
    ResponseKind,
    Stakeholder,
    StakeholderKind,
)
from onderdak.region.models import Organisation, OrganisationKind
from tests.framework.factories import (
    ActionFactory,
    AmbitionFactory,
    FrameworkFactory,
    ThemeFactory,
)


def stakeholder(framework: Framework, name: str = "Ervaringsdeskundigen") -> Stakeholder:
    return Stakeholder.objects.create(
        framework=framework, kind=StakeholderKind.LIVED_EXPERIENCE, name=name
    )


def input_item(framework: Framework, *, answered: bool = False, **fields) -> InputItem:
    fields.setdefault("stakeholder", stakeholder(framework))
    fields.setdefault("received_on", datetime.date(2025, 5, 1))
    fields.setdefault("text", "<p>Meer aandacht voor preventie.</p>")
    if answered:
        fields.update(response=ResponseKind.ADOPTED, response_text="Opgenomen als actie.")
    return InputItem.objects.create(framework=framework, **fields)


def full_framework(**fields) -> Framework:
    """A framework with one theme, its actions at every level, an indicator and input."""
    framework = FrameworkFactory(
        title="Beleidskader Maatschappelijke Zorg",
        vision="<p>Iedereen een thuis.</p><ul><li>Preventie eerst</li><li>Wonen</li></ul>",
        **fields,
    )
    theme = ThemeFactory(framework=framework, title="Dakloosheid")
    ambition = AmbitionFactory(theme=theme, title="Niemand slaapt buiten")
    local = ActionFactory(ambition=ambition, title="Lokale toegang verbeteren")
    local.partners.add(Organisation.objects.filter(kind=OrganisationKind.CARE_PROVIDER).first())
    local.policy_domains.add(PolicyDomain.objects.get(code="wonen"))
    ActionFactory(ambition=ambition, subregional=True, title="Subregionale daklozenopvang")
    ActionFactory(ambition=ambition, regional=True, title="Regionale crisisopvang")
    ActionFactory(ambition=ambition, unowned=True, title="Nog te verdelen taak")
    indicator = ActionIndicator.objects.create(action=local, indicator_code="dakloos-per-10000")
    ActionTarget.objects.create(indicator=indicator, year=2027, value=Decimal("8.5"))
    session = ParticipationSession.objects.create(
        framework=framework, title="Werksessie preventie", held_on=datetime.date(2025, 4, 10)
    )
    input_item(framework, theme=theme, session=session, answered=True, response_action=local)
    input_item(framework, action=local, text="<p>Betrek woningcorporaties.</p>")
    input_item(framework, text="<p>Algemene opmerking.</p>")
    return framework
