"""The one error type of the funding engine."""


class FundingError(ValueError):
    """Input the funding model cannot work with.

    ``message`` is a clear English sentence that names the offending item; ``field`` names the
    input it belongs to (``"historical_key"``, ``"phase_in"``, ``"budget"``, ...) or is ``None``
    when the error comes from a stand-alone helper such as :func:`split_cents`.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
