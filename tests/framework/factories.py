"""Frameworks with a tree, for the framework tests (shared by every part: add traits)."""

import datetime

import factory

from onderdak.framework.models import Action, Ambition, Framework, Theme
from onderdak.region.models import Level, Municipality, Region


def first_region() -> Region:
    return Region.objects.order_by("pk").first()


class FrameworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Framework

    region = factory.LazyFunction(first_region)
    title = factory.Sequence(lambda n: f"Beleidskader {n}")
    first_year = 2026
    last_year = 2031
    vision = "<p>Iedereen heeft een thuis.</p>"


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    framework = factory.SubFactory(FrameworkFactory)
    title = factory.Sequence(lambda n: f"Thema {n}")
    position = factory.Sequence(lambda n: n)


class AmbitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ambition

    theme = factory.SubFactory(ThemeFactory)
    title = factory.Sequence(lambda n: f"Ambitie {n}")
    position = factory.Sequence(lambda n: n)


class ActionFactory(factory.django.DjangoModelFactory):
    """A local action of Leiden inside the period; traits for the other levels."""

    class Meta:
        model = Action

    ambition = factory.SubFactory(AmbitionFactory)
    title = factory.Sequence(lambda n: f"Actie {n}")
    position = factory.Sequence(lambda n: n)
    level = Level.LOCAL
    owner_municipality = factory.LazyFunction(lambda: Municipality.objects.get(cbs_code="GM0546"))
    starts_on = datetime.date(2026, 1, 1)
    ends_on = datetime.date(2027, 12, 31)

    class Params:
        subregional = factory.Trait(
            level=Level.SUBREGIONAL,
            owner_municipality=None,
            owner_subregion=factory.LazyAttribute(
                lambda a: a.ambition.theme.framework.region.subregions.order_by("pk").first()
            ),
        )
        regional = factory.Trait(
            level=Level.REGIONAL, owner_municipality=None, owned_by_region=True
        )
        unowned = factory.Trait(level="", owner_municipality=None)
