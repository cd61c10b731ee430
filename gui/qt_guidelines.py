"""F2: the project's annotation guidelines (Markdown), right to left, beside the work.

A window of its own (not modal: one reads it while labelling), read again each time F2 brings it
up, and closed with Esc. Arabic paragraphs read right to left and everything is aligned right;
a paragraph that starts with a Latin letter keeps its left-to-right order, so an English line
or a label key reads as written.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextBlockFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import QDialog, QLabel, QTextBrowser, QVBoxLayout, QWidget

from alama.core.errors import AlamaError
from alama.core.store import Store
from alama.gui.i18n import error_text


class GuidelinesWindow(QDialog):
    """The guidelines of one project, or a line saying there are none and where to add them."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.markdown: str | None = None  # the guidelines shown
        self.setWindowTitle(self.tr("Annotation guidelines"))
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.setModal(False)
        self.resize(720, 760)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        font = self.browser.font()  # Naskh reads better a little larger than the menus
        font.setPointSize(max(font.pointSize() + 2, 13))
        self.browser.setFont(font)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMargin(24)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.empty, 1)
        # Esc closes it even while the text has the focus (QDialog's own Esc needs the dialog).
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        if not self.reload():
            self.resize(560, 260)  # a few lines to say there are none

    def reload(self) -> bool:
        """Read the guidelines again; False (and a line saying so) when there are none. The
        same text as shown is left alone, where the reader is in it."""
        try:
            text = self.store.guidelines()
        except AlamaError as error:
            text, problem = None, error_text(error)
        else:
            problem = ""
            if text is not None and text == self.markdown:
                return True
        self.markdown = text
        self.browser.setVisible(bool(text))
        self.empty.setVisible(not text)
        if not text:
            self.empty.setText(
                problem
                or self.tr(
                    "This project has no annotation guidelines yet.\n\nThe lead adds them with "
                    "Team ▸ Import guidelines… (a Markdown file); handed-out copies carry them."
                )
            )
            return False
        self.browser.setMarkdown(text)
        align_right(self.browser)
        return True

    def text(self) -> str:
        """The guidelines as shown (plain text), for tests."""
        return self.browser.toPlainText() if self.browser.isVisible() else self.empty.text()


def align_right(browser: QTextBrowser) -> None:
    """Every paragraph aligned right, its direction from its own first letter (Arabic right to
    left, a Latin line left to right)."""
    document = browser.document()
    option = document.defaultTextOption()
    option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)  # each block's own
    option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    document.setDefaultTextOption(option)
    cursor = QTextCursor(document)
    block = document.begin()
    while block.isValid():
        cursor.setPosition(block.position())
        shape = QTextBlockFormat(block.blockFormat())
        shape.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        shape.setLayoutDirection(Qt.LayoutDirection.LayoutDirectionAuto)
        cursor.setBlockFormat(shape)
        block = block.next()
