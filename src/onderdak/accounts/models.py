"""Users and memberships: a membership joins a user, an organisation and a role (DESIGN.md §3)."""

from functools import cached_property

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from onderdak.region.models import Organisation, OrganisationKind


class Role(models.TextChoices):
    REGIONAL_COORDINATOR = "regional_coordinator", _("regional coordinator")
    MUNICIPALITY_OFFICER = "municipality_officer", _("municipality officer")
    CARE_WORKER = "care_worker", _("care worker")
    CORPORATION_OFFICER = "corporation_officer", _("corporation officer")
    POLICY_OFFICER = "policy_officer", _("policy officer")
    GOVERNANCE_READER = "governance_reader", _("governance reader")
    ADMINISTRATOR = "administrator", _("administrator")


#: The kind of organisation a membership with this role must belong to.
ROLE_ORGANISATION_KINDS: dict[str, frozenset[str]] = {
    Role.REGIONAL_COORDINATOR: frozenset({OrganisationKind.REGIONAL_BODY}),
    Role.MUNICIPALITY_OFFICER: frozenset({OrganisationKind.MUNICIPALITY}),
    Role.CARE_WORKER: frozenset({OrganisationKind.CARE_PROVIDER}),
    Role.CORPORATION_OFFICER: frozenset({OrganisationKind.HOUSING_CORPORATION}),
    Role.POLICY_OFFICER: frozenset({OrganisationKind.REGIONAL_BODY, OrganisationKind.MUNICIPALITY}),
    Role.GOVERNANCE_READER: frozenset(
        {OrganisationKind.REGIONAL_BODY, OrganisationKind.MUNICIPALITY}
    ),
    Role.ADMINISTRATOR: frozenset({OrganisationKind.REGIONAL_BODY}),
}

#: Roles that can see personal data (of clients or of users): these must use two factors.
PERSONAL_DATA_ROLES: frozenset[str] = frozenset(
    {
        Role.REGIONAL_COORDINATOR,
        Role.MUNICIPALITY_OFFICER,
        Role.CARE_WORKER,
        Role.CORPORATION_OFFICER,
        Role.ADMINISTRATOR,
    }
)


class User(AbstractUser):
    """A person who logs in. Demo users can only log in while the installation is in demo mode."""

    is_demo = models.BooleanField(_("demo account"), default=False)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["username"]

    @cached_property
    def active_memberships(self) -> list["Membership"]:
        """The user's active memberships, loaded once per request."""
        return list(
            self.memberships.filter(is_active=True, organisation__is_active=True).select_related(
                "organisation"
            )
        )

    @cached_property
    def roles(self) -> frozenset[str]:
        return frozenset(m.role for m in self.active_memberships)

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))

    def organisations_for(self, *roles: str) -> list[Organisation]:
        return [m.organisation for m in self.active_memberships if m.role in roles]

    @property
    def needs_second_factor(self) -> bool:
        return self.is_superuser or bool(self.roles & PERSONAL_DATA_ROLES)


class Membership(models.Model):
    user = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("user")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["user", "organisation", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"],
                name="membership_unique_role",
                violation_error_message=_("This user already has this role here."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.organisation}"

    def clean(self) -> None:
        """A role belongs to a kind of organisation, e.g. a care worker to a care provider."""
        allowed = ROLE_ORGANISATION_KINDS.get(self.role, frozenset())
        if self.organisation_id and self.organisation.kind not in allowed:
            raise ValidationError(
                {
                    "organisation": _("A %(role)s cannot belong to a %(kind)s.")
                    % {
                        "role": self.get_role_display(),
                        "kind": self.organisation.get_kind_display(),
                    }
                }
            )
