"""Expected failures, each with a message a clerk can act on.

Anything raised as a ``ClerkError`` is shown to the clerk as its message (one line on the
command line, a dialog in the GUI). Anything else is a bug and goes to the crash handler.
"""

from __future__ import annotations


class ClerkError(Exception):
    """An expected failure with a clerk-readable message."""

    exit_code = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationError(ClerkError):
    """One or more values a clerk entered break a rule.

    ``problems`` lists every problem found (not only the first), so a dialog or an import
    can report them all at once.
    """

    exit_code = 2

    def __init__(self, problems: str | list[str]):
        if isinstance(problems, str):
            problems = [problems]
        self.problems = list(problems)
        super().__init__("; ".join(self.problems))


class NotFoundError(ClerkError):
    """A record the clerk referred to does not exist."""

    exit_code = 3


class DatabaseError(ClerkError):
    """The database file cannot be used (not SQLite, corrupt, locked, read-only, newer)."""

    exit_code = 4


class LockedError(ClerkError):
    """A record that may no longer change (approved minutes, a publication) was edited."""

    exit_code = 5
