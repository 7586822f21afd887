"""Progress of a long job, as its generator yields it (architecture pattern 5).

A long job (an agenda pack, an export) is a generator of ``Progress``; the caller shows it
(a progress dialog in the GUI, nothing on the command line) and cancels by closing the
generator, which runs the job's clean-up as ``GeneratorExit`` passes through it.
"""

from __future__ import annotations

from typing import NamedTuple


class Progress(NamedTuple):
    done: int
    total: int
    label: str


def run_to_end(steps):
    """Run a job with nobody watching its progress (the command line); its return value."""
    try:
        while True:
            next(steps)
    except StopIteration as finished:
        return finished.value
