"""The one exception type a user sees: a one-line message, never a traceback."""


class AlamaError(Exception):
    """A problem with the user's input or project, explained in one line.

    The command line prints ``str(error)`` and exits with status 1; the GUI shows it in a dialog.
    Whatever raised it has left the project unchanged.
    """


class ProjectError(AlamaError):
    """The file is missing, is not an Alama project, or was written by a newer Alama."""


class InputError(AlamaError):
    """An input file is malformed; the message names the file and, where known, the line."""


class ProjectBusy(ProjectError):
    """Another program holds the project's write lock for longer than this connection waits.

    Nothing was written: the action can be tried again once the other program has finished.
    """


class ProjectExists(ProjectError):
    """A new project was to be made where a file already is (perhaps made a moment ago by
    another program making the same project)."""
