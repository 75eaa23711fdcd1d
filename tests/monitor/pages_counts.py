"""The monitor's counts pages for the page-by-page browser check."""

PAGES: list = []
