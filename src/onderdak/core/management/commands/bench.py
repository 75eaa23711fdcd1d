"""``onderdak bench <benchmark>``: the command line of ``onderdak.core.bench``."""

from django.core.management.base import BaseCommand, CommandError

from onderdak.core.bench import BENCHMARKS
from onderdak.core.bench.options import whole_number
from onderdak.core.bench.report import format_json_lines, format_table


class Command(BaseCommand):
    help = (
        "Run a benchmark and print its figures as a table (or JSON lines); exits with an error "
        "when something failed. "
        + " ".join(f"'{name}': {benchmark.HELP}" for name, benchmark in BENCHMARKS.items())
    )

    def add_arguments(self, parser):
        parser.add_argument("benchmark", choices=BENCHMARKS, help="Which benchmark to run.")
        parser.add_argument(
            "--repeat",
            type=whole_number(1),
            default=30,
            help="Measured repetitions per item, after one warm-up (default 30).",
        )
        parser.add_argument("--json", action="store_true", help="One JSON object per line.")
        for name, benchmark in BENCHMARKS.items():
            benchmark.add_arguments(
                parser.add_argument_group(f"options of '{name}'", benchmark.DESCRIPTION)
            )

    def handle(self, *args, benchmark: str, json: bool, **options):
        self.verbosity = options["verbosity"]
        report = BENCHMARKS[benchmark].run(log=self._log, **options)
        self.stdout.write(format_json_lines(report) if json else format_table(report))
        if report.failures:
            raise CommandError("; ".join(report.failures))

    def _log(self, message: str) -> None:
        """Progress goes to stderr so that ``--json`` output stays clean."""
        if self.verbosity >= 1:
            self.stderr.write(message)
