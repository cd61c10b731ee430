"""How the command line talks: one-line errors, a progress bar on a terminal, aligned tables.

Every failure is one line on stderr and a non-zero exit; the project is left as it was.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import wraps
from typing import Any, TypeVar

import click

from alama.core.errors import AlamaError

F = TypeVar("F", bound=Callable[..., Any])


def friendly(func: F) -> F:
    """Turn Alama's errors (and SQLite's, and a server's) into click's one-line 'Error: …' and
    exit status 1."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except BrokenPipeError:
            # `alama export … | head`: the reader has what it wanted; say nothing more.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)
        except AlamaError as error:
            raise click.ClickException(str(error)) from None
        except MemoryError:
            raise click.ClickException(
                "not enough memory to finish; nothing was changed or written "
                "(close other programs, or export a part at a time with --annotator or --labels)"
            ) from None
        except sqlite3.DatabaseError as error:
            raise click.ClickException(f"the project file could not be used: {error}") from None
        except OSError as error:
            name = f"{error.filename}: " if error.filename else ""
            raise click.ClickException(f"{name}{error.strerror or error}") from None
        except Exception as error:
            if not type(error).__module__.startswith("psycopg"):
                raise
            # An answer of the server the store did not put in words: its first line.
            text = str(error).strip()
            reason = text.splitlines()[0] if text else type(error).__name__
            raise click.ClickException(f"the server refused: {reason}") from None

    return wrapper  # type: ignore[return-value]


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr when it is a terminal; nothing otherwise."""
    if not sys.stderr.isatty():
        yield lambda done, total: None
        return
    bar: Any = None
    shown = 0

    def update(done: int, total: int) -> None:
        nonlocal bar, shown
        if bar is None:
            bar = click.progressbar(length=total, label=label, file=sys.stderr)
            bar.__enter__()
        bar.update(done - shown)
        shown = done

    try:
        yield update
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)


def names_list(value: str | None) -> list[str] | None:
    """A comma-separated option (``--labels ACTOR,PLACE``) as a list; None when not given."""
    return [part.strip() for part in value.split(",") if part.strip()] if value else None


def aligned(rows: Sequence[Sequence[object]]) -> list[str]:
    """Rows as lines of columns two spaces apart: the first column to the left, numbers (every
    other column) to the right."""
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(
            str(cell).rjust(width) if i else str(cell).ljust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        )
        for row in rows
    ]
