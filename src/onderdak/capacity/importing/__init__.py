"""Checking the capacity module's import files (monthly figures), plain Python over a table read
by ``onderdak.imports.files``; the services hand in the lookups as dictionaries."""
