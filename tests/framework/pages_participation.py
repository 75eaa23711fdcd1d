"""The framework module's participation pages for the page-by-page browser check."""

PAGES: list = []
