"""The framework module's project pages for the page-by-page browser check."""

PAGES: list = []
