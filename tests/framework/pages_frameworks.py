"""The framework module's frameworks pages for the page-by-page browser check."""

PAGES: list = []
