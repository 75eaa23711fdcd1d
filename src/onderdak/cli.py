"""The ``onderdak`` command: Django's management commands with Onderdak's settings preset.

``onderdak demo`` switches demo mode on (unless the environment says otherwise) before the
settings are read, so a new user needs no configuration at all.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] == "demo":
        os.environ.setdefault("ONDERDAK_DEMO", "true")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "onderdak.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
