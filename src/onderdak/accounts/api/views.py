"""Authentication endpoints of the API and ``me``."""

import rules
from drf_spectacular.utils import extend_schema
from knox.models import AuthToken
from rest_framework import status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from onderdak.accounts import services
from onderdak.accounts.api import serializers
from onderdak.accounts.api.authentication import TokenAuthentication


class TokenView(APIView):
    """``POST`` username, password and (where 2FA is on) the TOTP code for an expiring token;
    ``DELETE`` with the token to revoke it."""

    authentication_classes = [TokenAuthentication]

    def get_permissions(self):
        if self.request.method == "POST":
            return [AllowAny()]
        return [IsAuthenticated()]

    @extend_schema(
        request=serializers.TokenRequestSerializer,
        responses={201: serializers.TokenResponseSerializer},
        auth=[],
    )
    def post(self, request):
        data = serializers.TokenRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        token, expiry = services.api_token_issue(request=request._request, **data.validated_data)
        body = serializers.TokenResponseSerializer({"token": token, "expiry": expiry}).data
        return Response(body, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={204: None})
    def delete(self, request):
        if isinstance(request.auth, AuthToken):
            request.auth.delete()
        return Response(status=status.HTTP_204_NO_CONTENT)


class MeView(APIView):
    """The calling user, their active memberships and the permissions they hold."""

    permission_rules = {"get": "accounts.view_own_profile"}

    @extend_schema(responses=serializers.MeSerializer)
    def get(self, request):
        user = request.user
        held = sorted(name for name in rules.permissions.permissions if user.has_perm(name))
        body = serializers.MeSerializer({**_user_fields(user), "permissions": held}).data
        return Response(body)


def _user_fields(user) -> dict:
    return {
        "id": user.pk,
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "active_memberships": user.active_memberships,
    }
