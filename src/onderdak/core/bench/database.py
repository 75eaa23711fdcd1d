"""Where a benchmark writes its data: never into the installation's own database.

``throwaway_database`` creates a fresh, migrated database next to the configured one with Django's
test-database machinery (so every backend Django supports works) and destroys it afterwards.
``rolled_back`` runs on the current database inside one transaction that is always rolled back;
it exists for the test suite, which already runs on a test database of its own.
"""

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from django.db import connection, transaction


def throwaway_name(vendor: str, name: str, directory: Path) -> str:
    """The name of the throwaway database.

    SQLite: a file in a temporary directory (a file, not memory, so timings resemble a real
    installation; the directory also takes the WAL files). Other backends: a database on the same
    server, named after the process so two runs do not clobber each other (63 characters at most,
    PostgreSQL's limit).
    """
    if vendor == "sqlite":
        return str(directory / "bench.sqlite3")
    return f"test_bench_{os.getpid()}_{name}"[:63]


@contextmanager
def throwaway_database(*, verbosity: int = 0) -> Iterator[str]:
    """Point the default connection at a new empty database for the duration of the block.

    On PostgreSQL the role in ``DATABASE_URL`` needs the CREATEDB privilege, as for the tests.
    """
    test_settings = connection.settings_dict.setdefault("TEST", {})
    saved_test_name = test_settings.get("NAME")
    old_name = connection.settings_dict["NAME"]
    with tempfile.TemporaryDirectory(prefix="onderdak-bench-") as directory:
        name = throwaway_name(connection.vendor, str(old_name), Path(directory))
        test_settings["NAME"] = name
        try:
            yield connection.creation.create_test_db(
                verbosity=verbosity, autoclobber=True, serialize=False
            )
        finally:
            # Django destroys whatever the connection points at; make sure that is ours (it is
            # not when creating failed before switching over).
            if connection.settings_dict["NAME"] == name:
                connection.creation.destroy_test_db(old_name, verbosity=verbosity)
            test_settings["NAME"] = saved_test_name


@contextmanager
def rolled_back() -> Iterator[None]:
    """Run the block in one transaction on the current database and always roll it back."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def bench_database(
    *, use_current_db: bool, verbosity: int, log: Callable[[str], None]
) -> AbstractContextManager:
    """The database a benchmark that writes data runs on, per its ``--use-current-db`` option."""
    if use_current_db:
        log("Using the current database; everything is rolled back afterwards.")
        return rolled_back()
    log("Creating a throwaway database…")
    return throwaway_database(verbosity=max(verbosity - 1, 0))
