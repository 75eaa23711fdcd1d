import json

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from onderdak.accounts.models import Role, User
from onderdak.accounts.services import demo_users_load
from onderdak.capacity.demo import load_demo as load_capacity_demo
from onderdak.capacity.demo_plans import load_demo as load_plan_demo
from onderdak.contingent.demo import demo_homes
from onderdak.contingent.demo import load_demo as load_contingent_demo
from onderdak.contingent.models import ContingentYear, Dwelling, Nomination, Placement
from onderdak.framework.demo import load_demo as load_framework_demo
from onderdak.funding.demo import load_demo as load_funding_demo
from onderdak.monitor.demo import load_demo as load_monitor_demo
from onderdak.monitor.services.reference import reference_values_load
from onderdak.region.models import Region
from onderdak.region.services import DATA_DIR


class Command(BaseCommand):
    help = (
        "Set up the demo: migrate the database, load the region and one demo user per role, "
        "then serve on 127.0.0.1:$PORT (default 8000)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true", help="Do everything but serve.")
        parser.add_argument("--region", default="holland-rijnland", help="Bundled region folder.")

    def handle(self, *args, no_serve: bool, region: str, **options):
        if not settings.DEMO:
            raise CommandError("Demo mode is off (ONDERDAK_DEMO=false): refusing demo accounts.")
        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        settings.STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise expects it
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_region", str(DATA_DIR / region), stdout=self.stdout)
        entries = json.loads((DATA_DIR / region / "demo-users.json").read_text(encoding="utf-8"))
        accounts = demo_users_load(entries=entries, password=settings.DEMO_PASSWORD)
        self._print_accounts(accounts)
        self._load_scenarios(region)
        self._load_contingent(region, entries)
        self._load_monitor(region, entries)
        self._load_facilities(region, entries)
        self._load_plan(region, entries)
        self._load_framework(region, entries)
        if not no_serve:
            address = f"127.0.0.1:{settings.DEMO_PORT}"
            self.stdout.write(f"Onderdak (demo) on http://{address}/ — stop with Ctrl+C.")
            call_command("runserver", address, use_reloader=False)

    def _load_scenarios(self, folder: str) -> None:
        """Demo data of the modules, clearly labelled as fictitious."""
        meta = json.loads((DATA_DIR / folder / "region.json").read_text(encoding="utf-8"))
        scenarios = load_funding_demo(region=Region.objects.get(slug=meta["slug"]))
        names = ", ".join(scenario.name for scenario in scenarios)
        self.stdout.write(f"Funding scenarios with fictitious figures: {names}.")

    def _load_contingent(self, folder: str, entries: list[dict]) -> None:
        """Three years of fictitious contingent cases, once: a second run adds none."""
        meta = json.loads((DATA_DIR / folder / "region.json").read_text(encoding="utf-8"))
        region = Region.objects.get(slug=meta["slug"])
        if ContingentYear.objects.filter(region=region).exists():
            self.stdout.write("Contingent: the region has contingent years already; none added.")
            return
        added = load_contingent_demo(
            region=region, homes=demo_homes(region=region, entries=entries)
        )
        years = ContingentYear.objects.filter(region=region).order_by("year")
        self.stdout.write(
            f"Contingent demo data, all fictitious (clients marked 'fictief'): years "
            f"{', '.join(str(y) for y in years)}, {added[Nomination]} nominations, "
            f"{added[Dwelling]} dwellings, {added[Placement]} placements."
        )

    def _load_monitor(self, folder: str, entries: list[dict]) -> None:
        """Two fictitious counts and a fictitious indicator, imported by the demo policy officer
        through the import pipeline; a second run adds nothing."""
        meta = json.loads((DATA_DIR / folder / "region.json").read_text(encoding="utf-8"))
        region = Region.objects.get(slug=meta["slug"])
        officer = next(e["username"] for e in entries if e["role"] == Role.POLICY_OFFICER)
        reference_values_load()
        result = load_monitor_demo(region=region, by=User.objects.get(username=officer))
        titles = ", ".join(count.title for count in result.counts)
        self.stdout.write(
            f"Monitor demo data, all fictitious: counts {titles}; indicator "
            f"'{result.indicator.name}'; {len(result.jobs)} file(s) imported now."
        )

    def _load_facilities(self, folder: str, entries: list[dict]) -> None:
        """Fictitious facilities and three years of their monthly figures, imported by the demo
        policy officer through the import pipeline; a second run adds nothing."""
        meta = json.loads((DATA_DIR / folder / "region.json").read_text(encoding="utf-8"))
        region = Region.objects.get(slug=meta["slug"])
        officer = next(e["username"] for e in entries if e["role"] == Role.POLICY_OFFICER)
        result = load_capacity_demo(region=region, by=User.objects.get(username=officer))
        self.stdout.write(
            f"Capacity demo data, all fictitious: {result.facilities} facilities of "
            f"{result.providers} care providers and {result.types} types, monthly figures "
            f"{result.first_month:%Y-%m} to {result.last_month:%Y-%m}"
            f"{' imported now' if result.imported else ' (present already)'}."
        )

    def _load_plan(self, folder: str, entries: list[dict]) -> None:
        """A fictitious op- en afbouw plan from the demo facilities and the issue's scenarios,
        made by the demo policy officer; a second run adds nothing. No run is stored."""
        meta = json.loads((DATA_DIR / folder / "region.json").read_text(encoding="utf-8"))
        region = Region.objects.get(slug=meta["slug"])
        officer = next(e["username"] for e in entries if e["role"] == Role.POLICY_OFFICER)
        result = load_plan_demo(region=region, by=User.objects.get(username=officer))
        names = ", ".join(scenario.name for scenario in result.scenarios)
        self.stdout.write(
            f"Capacity plan {result.plan.first_year}-{result.plan.last_year}, fictitious: "
            f"{result.lines} lines{' made now' if result.created else ' (present already)'}; "
            f"scenarios: {names}."
        )

    def _load_framework(self, folder: str, entries: list[dict]) -> None:
        """A fictitious draft policy framework built from the assignment's words, made by the
        demo policy officer; a second run adds nothing."""
        meta = json.loads((DATA_DIR / folder / "region.json").read_text(encoding="utf-8"))
        region = Region.objects.get(slug=meta["slug"])
        officer = next(e["username"] for e in entries if e["role"] == Role.POLICY_OFFICER)
        result = load_framework_demo(region=region, by=User.objects.get(username=officer))
        self.stdout.write(
            f"Policy framework '{result.framework.title}', fictitious: {result.actions} actions, "
            f"{result.input_items} input items, version {result.version.number} "
            f"({result.version.get_status_display()})"
            f"{' made now' if result.created else ' (present already)'}."
        )

    def _print_accounts(self, accounts) -> None:
        self.stdout.write(
            f"Demo accounts (fictitious people; password for all: {settings.DEMO_PASSWORD}):"
        )
        for account in accounts:
            role = Role(account.role).label
            self.stdout.write(f"  {account.username:<18} {role} — {account.organisation}")
