"""The capacity module's facilities pages for the page-by-page browser check."""

PAGES: list = []
