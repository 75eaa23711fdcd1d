"""Checking the monitor's import files: counts and indicators, plain Python over a table.

``counts.check_count_rows`` and ``indicators.check_indicator_rows`` turn a table (read by
``onderdak.imports.files``) into checked rows or the complete list of errors. Nothing here touches
the database: the services hand in the lookups (municipalities, breakdown values, indicators) as
dictionaries.
"""
