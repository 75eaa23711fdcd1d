"""Reading and checking import files (CSV and XLSX): plain Python over bytes, for every module.

``reading.read_table`` turns a file's bytes into a :class:`~.problems.Table` or raises
:class:`~.problems.ReadError`; a module's checks (``checking.check_table`` with a
:class:`~.checking.RowChecker` of its own, reading cells with ``cells``) turn a table into checked
rows or the complete list of errors; ``templates`` writes the files users fill in. Nothing here
touches the database: the services hand in the lookups as dictionaries.
"""
