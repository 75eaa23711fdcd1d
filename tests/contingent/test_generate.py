"""``onderdak generate --scale N``: N times the demo volume, only where it cannot mix with real
cases."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from onderdak.contingent.demo import load_demo
from onderdak.contingent.models import Client, ContingentYear, Nomination

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_mode(settings):
    settings.DEMO = True


def _generate(*options: str) -> str:
    out = StringIO()
    call_command("generate", *options, stdout=out)
    return out.getvalue()


def _volume_at_scale_one(region) -> int:
    """Nominations of the demo at scale 1 without the examples, rolled back afterwards."""
    with transaction.atomic():
        load_demo(region=region)
        count = Nomination.objects.count()
        transaction.set_rollback(True)
    return count


def test_scale_two_doubles_the_volume(region, demo_mode):
    once = _volume_at_scale_one(region)
    out = _generate("--scale", "2")
    examples = 6  # the demo users' example cases come once, whatever the scale
    assert abs(Nomination.objects.count() - examples - 2 * once) <= 3  # rounding per year
    assert ContingentYear.objects.filter(region=region).count() == 3
    assert "Added fictitious contingent data at scale 2" in out


def test_refuses_to_mix_with_existing_years_unless_forced(region, demo_mode):
    _generate("--scale", "1")
    before = Nomination.objects.count()
    with pytest.raises(CommandError, match="--force"):
        _generate("--scale", "1")
    assert Nomination.objects.count() == before
    _generate("--scale", "1", "--force")
    assert Nomination.objects.count() > 1.8 * before
    assert Client.objects.values("client_number").distinct().count() == Client.objects.count()


def test_refuses_outside_demo_mode(region):
    with pytest.raises(CommandError, match="Demo mode is off"):
        _generate("--scale", "1")
    assert not ContingentYear.objects.exists()


def test_refuses_a_region_that_is_not_loaded(demo_mode):
    with pytest.raises(CommandError, match="not loaded"):
        _generate("--region", "nowhere")


@pytest.mark.parametrize("scale", ["0", "-1", "many"])
def test_scale_must_be_a_whole_number_of_at_least_one(region, demo_mode, scale):
    with pytest.raises(CommandError):
        _generate("--scale", scale)
