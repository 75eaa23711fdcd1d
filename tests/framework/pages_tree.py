"""The framework module's tree pages for the page-by-page browser check."""

PAGES: list = []
