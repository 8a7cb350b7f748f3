"""The few errors the pipeline raises, each handled at one edge."""
from __future__ import annotations


def os_reason(error: OSError) -> str:
    """The reason an OSError gives, with the file it is about: the operator must know which file to move."""
    reason = error.strerror or str(error)
    return f"{reason}: {error.filename}" if error.filename else reason


class PipelineError(Exception):
    """Base class: the CLI turns any of these into one clean line and a non-zero exit."""

    exit_code = 1


class SkipInput(PipelineError):
    """A raw file that cannot be used (empty, binary, too large): logged, counted, skipped."""

    def __init__(self, path: str, reason: str, *, retry: bool = False) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.retry = retry  # an I/O failure, not a property of the bytes: try again on the next run


class ConfigError(PipelineError):
    """A missing directory, an unknown model, a bad option: the run cannot start."""

    exit_code = 2


class OutputError(PipelineError):
    """The dataset could not be written; the previously published dataset is untouched."""

    exit_code = 3


class DatasetError(PipelineError):
    """A table in the output directory is damaged or was not written by this pipeline: named, never overwritten."""

    exit_code = 3  # like OutputError: a file in the way, to move aside


class LockedError(PipelineError):
    """Another writer holds the output directory's lock."""

    exit_code = 75  # EX_TEMPFAIL: try again later


class StalledError(PipelineError):
    """A run went on past the run timeout: this one stopped itself, or the one holding the lock is stalled.
    Unlike a busy lock (75), a failure: the nightly job must not go quiet for good."""

    exit_code = 1
