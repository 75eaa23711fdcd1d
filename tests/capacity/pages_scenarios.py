"""The capacity module's scenarios pages for the page-by-page browser check."""

PAGES: list = []
