"""One JSON error shape for every API error: ``{"code", "message", "fields"}`` (DESIGN.md §3c)."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from onderdak.core.errors import DomainError

NON_FIELD = "non_field_errors"


def error_body(code: str, message: str, fields: dict | None = None) -> dict:
    return {"code": code, "message": str(message), "fields": fields or {}}


def _flatten(detail) -> dict[str, list[str]]:
    """Turn DRF's nested error detail into ``{field: [message, ...]}`` with dotted paths."""
    if isinstance(detail, dict):
        flat: dict[str, list[str]] = {}
        for name, value in detail.items():
            for sub, messages in _flatten(value).items():
                key = name if sub == NON_FIELD else f"{name}.{sub}"
                flat.setdefault(key, []).extend(messages)
        return flat
    if isinstance(detail, list):
        if all(not isinstance(item, dict | list) for item in detail):
            return {NON_FIELD: [str(item) for item in detail]}
        flat = {}
        for index, item in enumerate(detail):
            for sub, messages in _flatten(item).items():
                key = str(index) if sub == NON_FIELD else f"{index}.{sub}"
                flat.setdefault(key, []).extend(messages)
        return flat
    return {NON_FIELD: [str(detail)]}


def _as_drf(exc):
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied()
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {NON_FIELD: exc.messages}
        )
    return exc


def exception_handler(exc, context):
    if isinstance(exc, DomainError):
        body = error_body(exc.code, exc.message, exc.fields)
        return Response(body, status=exc.status_code)
    exc = _as_drf(exc)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        response.data = error_body("invalid", _("The input is not valid."), _flatten(exc.detail))
    else:
        detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
        code = exc.get_codes() if isinstance(exc, exceptions.APIException) else "error"
        response.data = error_body(code if isinstance(code, str) else "error", detail)
    if response.status_code == status.HTTP_401_UNAUTHORIZED:
        response["WWW-Authenticate"] = 'Token realm="api"'
    return response
