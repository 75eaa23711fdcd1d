"""The capacity module's plans pages for the page-by-page browser check."""

PAGES: list = []
