"""``onderdak notify-stalled``: the daily digest of stalled steps, per organisation (cron)."""

from django.core.management.base import BaseCommand

from onderdak.contingent.services import notifications


class Command(BaseCommand):
    help = (
        "Mail every organisation's members in the acting role a digest of the steps that wait "
        "longer than the year's policy allows. Run it once a working day, e.g. from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Say what would be sent (organisations, roles, numbers), without sending.",
        )

    def handle(self, *args, dry_run: bool, **options):
        if dry_run:
            digests = notifications.stalled_digests()
        else:
            digests = notifications.send_stalled_digests()
        for digest in digests:
            self.stdout.write(self._line(digest, dry_run))
        if not digests:
            self.stdout.write("No stalled steps.")

    @staticmethod
    def _line(digest, dry_run: bool) -> str:
        """Organisation, role and numbers only: no addresses or personal data in the output."""
        verb = "would mail" if dry_run else "mailed"
        counts = ", ".join(f"{kind} {n}" for kind, n in digest.counts.items())
        return (
            f"{digest.organisation.name} ({digest.role}): {counts}; "
            f"{verb} {len(digest.addresses)} member(s)"
        )
