"""Reading and checking import files (CSV and XLSX) for the monitor: plain Python over bytes.

``files.read_table`` turns a file's bytes into a :class:`~.problems.Table` or raises
:class:`~.problems.ReadError`; ``counts.check_count_rows`` and ``indicators.check_indicator_rows``
turn a table into checked rows or the complete list of errors. Nothing here touches the database:
the services hand in the lookups (municipalities, breakdown values, indicators) as dictionaries.
"""
