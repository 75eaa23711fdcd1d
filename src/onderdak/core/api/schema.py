"""OpenAPI generation: every operation documents the one error shape for its error responses."""

from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Machine-readable error code, e.g. `invalid`.")
    message = serializers.CharField(help_text="A readable message in the request's language.")
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Field errors: field name (dotted for nested fields) → messages.",
    )


ERROR = OpenApiResponse(ErrorSerializer, description="Error in the one error shape.")
WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


class AutoSchema(SpectacularAutoSchema):
    """Adds the error responses every operation can give, all in the one error shape."""

    def _error_codes(self) -> list[str]:
        codes = ["400", "401", "403"]
        if not self._is_list_view() or self.method in WRITE_METHODS:
            codes.append("404")
        if self.method in WRITE_METHODS:
            codes.append("409")
        return codes

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code in self._error_codes():
            responses.setdefault(code, self._get_response_for_code(ERROR, code))
        return responses
