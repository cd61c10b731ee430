"""Render Alama's SVG icon to the formats each system wants: PNG sizes for Linux's icon theme,
.ico for Windows and .icns for macOS. Qt draws and writes all of them, so no other tool is needed.

    python packaging/icons.py build/icons
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SVG = Path(__file__).resolve().parent.parent / "resources" / "icons" / "alama.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main(target: Path) -> None:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        sys.exit(f"cannot read the icon {SVG}")
    target.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        image = render(renderer, size)
        if not image.save(str(target / f"alama-{size}.png")):
            sys.exit(f"cannot write {target / f'alama-{size}.png'}")
    # Windows reads the 256 px frame; macOS's .icns holds 512 px (Qt's plugins write both).
    for name, size in (("alama.ico", 256), ("alama.icns", 512)):
        if not render(renderer, size).save(str(target / name)):
            sys.exit(f"cannot write {target / name}: Qt's image format plugin is missing")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("build/icons"))
