"""Documents of a nomination (guidance plan, consent) in private storage.

Files are stored under a random name in the private media directory
(``ONDERDAK_PRIVATE_MEDIA_ROOT``), which is never served as static or media files: only a view
that checks the reader's rights hands a document out. The original file name is kept to offer
the download under it.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from onderdak.contingent.models.choices import DocumentKind
from onderdak.contingent.models.nominations import Nomination


def document_path(instance: "NominationDocument", filename: str) -> str:
    """A random name: the original may hold personal data."""
    return f"contingent/documents/{uuid.uuid4().hex}"


class NominationDocument(models.Model):
    nomination = models.ForeignKey(
        Nomination,
        on_delete=models.PROTECT,
        related_name="documents",
        verbose_name=_("nomination"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    file = models.FileField(_("file"), upload_to=document_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("file type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["nomination", "-uploaded_at"]

    def __str__(self) -> str:
        return self.original_name
