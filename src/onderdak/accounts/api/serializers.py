from rest_framework import serializers

from onderdak.accounts.models import Membership, Role


class TokenRequestSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=128, style={"input_type": "password"})
    otp_token = serializers.CharField(
        max_length=8, required=False, allow_blank=True, help_text="TOTP code, where 2FA is on."
    )


class TokenResponseSerializer(serializers.Serializer):
    token = serializers.CharField()
    expiry = serializers.DateTimeField()


class MembershipSerializer(serializers.ModelSerializer):
    role = serializers.ChoiceField(choices=Role.choices)
    organisation = serializers.CharField(source="organisation.name")
    organisation_id = serializers.IntegerField()
    organisation_kind = serializers.CharField(source="organisation.kind")

    class Meta:
        model = Membership
        fields = ["role", "organisation_id", "organisation", "organisation_kind"]


class MeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    username = serializers.CharField()
    first_name = serializers.CharField()
    last_name = serializers.CharField()
    email = serializers.EmailField()
    memberships = MembershipSerializer(many=True, source="active_memberships")
    permissions = serializers.ListField(child=serializers.CharField())
