"""``onderdak generate --scale N``: N times the contingent demo volume, for benchmarks."""

import json
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from onderdak.contingent.demo import DEFAULT_SEED, demo_homes, load_demo
from onderdak.contingent.models import ContingentYear
from onderdak.core.bench.options import whole_number
from onderdak.region.models import Region
from onderdak.region.services import DATA_DIR


class Command(BaseCommand):
    help = (
        "Add N times the contingent demo volume (three years, about 350 fictitious nominations "
        "a year with their dwellings, proposals, placements and evaluations) to a loaded region. "
        "Only in demo mode. Refuses when the region has contingent years, unless --force: then "
        "the volume is added to those years."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=whole_number(1),
            default=1,
            help="Times the demo volume (20: a country).",
        )
        parser.add_argument("--region", default="holland-rijnland", help="Slug of a loaded region.")
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="Random seed.")
        parser.add_argument(
            "--force", action="store_true", help="Add to the region's existing contingent years."
        )

    def handle(self, *args, scale: int, region: str, seed: int, force: bool, **options):
        if not settings.DEMO:
            raise CommandError("Demo mode is off (ONDERDAK_DEMO=false): refusing fictitious cases.")
        loaded = Region.objects.filter(slug=region).first()
        if not loaded:
            raise CommandError(
                f"Region {region!r} is not loaded: run `onderdak load_region` first."
            )
        existing = ContingentYear.objects.filter(region=loaded).exists()
        if existing and not force:
            raise CommandError(
                "The region has contingent years already; add --force to add to them."
            )
        started = time.perf_counter()
        added = load_demo(
            region=loaded,
            scale=scale,
            seed=seed,
            homes=None if existing else demo_homes(region=loaded, entries=_entries(region)),
        )
        seconds = time.perf_counter() - started
        for model, count in added.items():
            self.stdout.write(f"{model._meta.verbose_name_plural}: {count}")
        self.stdout.write(f"Added fictitious contingent data at scale {scale} in {seconds:.1f} s.")


def _entries(slug: str) -> list[dict]:
    """The bundled demo users of the region, whose organisations get the example cases."""
    path = DATA_DIR / slug / "demo-users.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
