"""The one error the importer raises for input it cannot use."""


class ImportInputError(ValueError):
    """Input that cannot be imported; ``message`` is plain words an editor can act on."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
