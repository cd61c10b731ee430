"""The `alama` program of the packaged build: the command line (the window with no command)."""

from alama.core.cli import main

main()
