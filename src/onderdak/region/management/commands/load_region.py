from pathlib import Path

from django.core.management.base import BaseCommand

from onderdak.region.services import DATA_DIR, region_load


class Command(BaseCommand):
    help = "Load or refresh a region's reference data (idempotent). Default: the bundled region."

    def add_arguments(self, parser):
        parser.add_argument(
            "directory",
            nargs="?",
            default=str(DATA_DIR / "holland-rijnland"),
            help="Folder with region.json, municipalities.csv, boundaries-2024.geojson, "
            "organisations.csv and governance.json.",
        )

    def handle(self, *args, directory, **options):
        report = region_load(directory=Path(directory))
        self.stdout.write(
            f"{report.region.name}: {report.municipalities} municipalities, "
            f"{report.organisations} organisations, {report.governance_bodies} governance bodies."
        )
