"""The store's errors: each message is one line meant for the user (the CLI prints it and exits 2)."""

from __future__ import annotations

from reader.core.errors import ReaderError
from reader.store.atomic import LockTimeoutError, SaveFailedError
from reader.store.names import InvalidNameError


class StoreError(ReaderError):
    """Base of the store's errors; each message is one line meant for the user."""


class NotFoundError(StoreError):
    """No saved comparison under that name."""


class NameTakenError(StoreError):
    """Saving under a new name that another saved comparison already uses."""


class ConflictError(StoreError):
    """The file changed on disk since it was loaded (another reader instance saved it)."""


class CorruptFileError(StoreError):
    """The file is not a readable saved comparison (truncated, damaged, another version, unknown fields)."""


__all__ = [
    "ConflictError",
    "CorruptFileError",
    "InvalidNameError",
    "LockTimeoutError",
    "NameTakenError",
    "NotFoundError",
    "SaveFailedError",
    "StoreError",
]
