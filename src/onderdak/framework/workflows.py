"""The transition table of a framework version (DESIGN.md §4.2): draft → consultation → proposed
→ adopted, and back to draft to rework it. ``services.versions`` takes the steps; the decision
route (``services.route``) takes ``rework`` when a body sends the version back and ``adopt`` when
the last step of the route agreed."""

from django.utils.translation import gettext_lazy as _

from onderdak.core.workflow import Transition, Workflow
from onderdak.framework.models import FrameworkVersion
from onderdak.framework.models import VersionStatus as S

CHANGE = "framework.change_frameworkversion"

VERSION_WORKFLOW = Workflow(
    FrameworkVersion,
    [
        Transition("consult", (S.DRAFT,), S.CONSULTATION, CHANGE, _("put out for consultation")),
        Transition("propose", (S.DRAFT, S.CONSULTATION), S.PROPOSED, CHANGE, _("propose")),
        Transition("rework", (S.CONSULTATION, S.PROPOSED), S.DRAFT, CHANGE, _("take back")),
        Transition("adopt", (S.PROPOSED,), S.ADOPTED, None, _("adopt")),
    ],
)
