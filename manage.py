#!/usr/bin/env python
"""Same as the ``onderdak`` command, for those used to ``manage.py``."""

from onderdak.cli import main

if __name__ == "__main__":
    main()
