"""The one error type of the plan optimisation engine."""


class PlanError(ValueError):
    """Input the plan optimisation cannot work with.

    ``message`` is a clear English sentence that names the offending item; ``field`` names the
    input it belongs to (``"years"``, ``"budget"``, ``"demand"``, ...) and ``cell`` the key of the
    cell at fault, if one is.
    """

    def __init__(self, message: str, field: str | None = None, cell: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.cell = cell
