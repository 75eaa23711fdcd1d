"""An example framework for the rights and page tables: a theme, an ambition, a local action of
the municipality the tables' municipality officer works for (with a comment and an indicator),
a subregional and a regional action, and a version put out for consultation."""

from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.framework.models import ActionComment, ActionIndicator, Framework
from onderdak.framework.services.reference import policy_domains_load
from onderdak.framework.services.versions import version_create, version_transition
from onderdak.region.models import Municipality
from tests.factories import member
from tests.framework.factories import ActionFactory, AmbitionFactory, FrameworkFactory

OWN_MUNICIPALITY = "GM0484"  # the first municipality organisation's: the officer's own
TITLE = "Voorbeeldkader"


def example_framework() -> Framework:
    """The example, made once per test."""
    framework = Framework.objects.filter(title=TITLE).first()
    if framework:
        return framework
    policy_domains_load()
    framework = FrameworkFactory(title=TITLE)
    ambition = AmbitionFactory(theme__framework=framework, title="Niemand slaapt buiten")
    action = ActionFactory(
        ambition=ambition,
        title="Lokaal loket",
        owner_municipality=Municipality.objects.get(cbs_code=OWN_MUNICIPALITY),
    )
    ActionFactory(ambition=ambition, title="Crisisopvang", subregional=True)
    ActionFactory(ambition=ambition, title="Lokaal loket!", regional=True)
    leader = member(Role.POLICY_OFFICER)
    ActionComment.objects.create(action=action, kind="comment", text="<p>Graag</p>", author=leader)
    ActionIndicator.objects.create(action=action, indicator_code="ethos-people")
    version_create(framework=framework, user=leader, label="Concept")
    version_transition(
        version=version_create(framework=framework, user=leader, label="Voor inspraak"),
        action="consult",
    )
    return framework


def example_action():
    return example_ambition().actions.get(title="Lokaal loket")


def put_version():
    """The version in consultation (every reader sees it)."""
    return example_framework().versions.get(number=2)


def at(name: str, find=lambda: example_framework()):
    """The path of ``name`` for the object ``find`` gives."""

    def path(*_args):
        return reverse(name, args=[find().pk])

    return path


def example_theme():
    return example_framework().themes.order_by("pk").first()


def example_ambition():
    return example_theme().ambitions.order_by("pk").first()


def example_comment():
    return example_action().comments.get()


def example_indicator():
    return example_action().indicators.get()


def draft_version():
    return example_framework().versions.get(number=1)


def api_at(name: str, find=lambda: example_framework()):
    """The path of the API endpoint ``name`` for the object ``find`` gives."""

    def path(*_args):
        return reverse(name, kwargs={"pk": find().pk})

    return path
