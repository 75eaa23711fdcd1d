"""One row of the project's rights table (``tests/test_rights.py``), for the apps' own parts."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Case:
    """One way to call a URL: ``method`` with ``data``; ``allowed`` roles get ``ok``."""

    allowed: frozenset
    method: str = "get"
    ok: int = 200
    data: dict = field(default_factory=dict)
    api: bool = False
    public: bool = False
