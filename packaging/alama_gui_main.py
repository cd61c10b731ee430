"""The `alama-gui` program of the packaged build: the window, no console on Windows or macOS."""

from alama.gui.app import main

main()
