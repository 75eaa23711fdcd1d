"""Database triggers that make the audit trail append-only, for SQLite and PostgreSQL.

Even the administrator (or a bug) cannot change or delete an entry: the database refuses. Used by
this app's migration; the test suite also uses ``drop`` on SQLite before flushing a test database.
"""

TABLE = "auditlog_logentry"
MESSAGE = "the audit trail is append-only"

_SQLITE_CREATE = [
    f"CREATE TRIGGER IF NOT EXISTS {TABLE}_no_{op.lower()} BEFORE {op} ON {TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;"
    for op in ("UPDATE", "DELETE")
]
_SQLITE_DROP = [f"DROP TRIGGER IF EXISTS {TABLE}_no_{op};" for op in ("update", "delete")]

_POSTGRES_CREATE = [
    f"""CREATE OR REPLACE FUNCTION {TABLE}_append_only() RETURNS trigger AS $$
    BEGIN RAISE EXCEPTION '{MESSAGE}'; END; $$ LANGUAGE plpgsql;""",
    f"DROP TRIGGER IF EXISTS {TABLE}_append_only ON {TABLE};",
    f"""CREATE TRIGGER {TABLE}_append_only BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION {TABLE}_append_only();""",
]
_POSTGRES_DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_append_only ON {TABLE};",
    f"DROP FUNCTION IF EXISTS {TABLE}_append_only();",
]

STATEMENTS = {
    "sqlite": (_SQLITE_CREATE, _SQLITE_DROP),
    "postgresql": (_POSTGRES_CREATE, _POSTGRES_DROP),
}


def _run(connection, statements: list[str]) -> None:
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def create(connection) -> None:
    _run(connection, STATEMENTS[connection.vendor][0])


def drop(connection) -> None:
    _run(connection, STATEMENTS[connection.vendor][1])
