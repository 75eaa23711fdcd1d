"""The framework module's pages for the page-by-page browser check, gathered from its parts
(``pages_<part>.py``, each a list ``PAGES`` of ``tests.browser.webpage.WebPage``)."""

from tests.framework import (
    pages_documents,
    pages_frameworks,
    pages_participation,
    pages_project,
    pages_route,
    pages_tree,
)

PAGES = [
    *pages_frameworks.PAGES,
    *pages_tree.PAGES,
    *pages_participation.PAGES,
    *pages_route.PAGES,
    *pages_project.PAGES,
    *pages_documents.PAGES,
]
