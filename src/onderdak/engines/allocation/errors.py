"""The one error type of the allocation engine."""


class AllocationError(ValueError):
    """Input the allocation engine cannot work with.

    ``message`` is a clear English sentence that names the offending item; ``field`` names the
    input it belongs to (``"candidates"``, ``"quotas"``, ``"weights"``, ...).
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
