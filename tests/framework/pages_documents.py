"""The framework module's documents pages for the page-by-page browser check."""

PAGES: list = []
