"""Permissions of the accounts app, per action."""

import rules

from onderdak.accounts.predicates import is_administrator, is_member

rules.add_perm("accounts", is_administrator)
rules.add_perm("accounts.view_own_profile", is_member)
rules.add_perm("accounts.view_user", is_administrator)
rules.add_perm("accounts.add_user", is_administrator)
rules.add_perm("accounts.change_user", is_administrator)
rules.add_perm("accounts.view_membership", is_administrator)
rules.add_perm("accounts.add_membership", is_administrator)
rules.add_perm("accounts.change_membership", is_administrator)

# A lost authenticator app: the administrator removes the device; at the next login the user
# links a new one. Removal is in the audit trail like any other change.
rules.add_perm("otp_totp", is_administrator)
rules.add_perm("otp_totp.view_totpdevice", is_administrator)
rules.add_perm("otp_totp.delete_totpdevice", is_administrator)

# Login attempts (django-axes): the administrator sees them and can lift a lock-out.
rules.add_perm("axes", is_administrator)
for model in ("accessattempt", "accesslog", "accessfailurelog"):
    rules.add_perm(f"axes.view_{model}", is_administrator)
rules.add_perm("axes.delete_accessattempt", is_administrator)
