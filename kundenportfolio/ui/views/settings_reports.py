"""Settings tab «Berichte»: company name and logo printed in the header of every report.

The logo is optional (setting `company_logo_path`, read by reports/pdf.py, which leaves out a
missing or unreadable file). A newly chosen file must be a readable image; a stored file that
has disappeared since is only pointed out, so it does not block saving other settings.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDir, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kundenportfolio.ui.views.settings_pages import SettingsPage, hint

IMAGE_PATTERNS = "*.png *.jpg *.jpeg *.bmp *.gif"
# The header of a report gives the logo at most 27 × 9 mm (reports/pdf.py): a 3:1 preview.
PREVIEW_WIDTH, PREVIEW_HEIGHT = 216, 72


class ReportsPage(SettingsPage):
    KEYS = ("company_name", "company_logo_path")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loaded_logo = ""
        self._images: dict[tuple[str, float], QImage] = {}
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)

        self.company_name = QLineEdit(self)
        self.company_name.setMinimumWidth(360)
        self.company_name.setMaxLength(120)
        self.add_row(form, "company_name", self.tr("Company name:"), self.company_name)
        form.addRow("", hint(self.tr("Printed at the top of every list, customer sheet and "
                                     "privacy report."), self))

        self.logo_path = QLineEdit(self)
        self.logo_path.setReadOnly(True)
        self.logo_path.setMinimumWidth(360)
        self.logo_path.setPlaceholderText(self.tr("No logo"))
        self.browse_button = QPushButton(self.tr("Browse…"), self)
        self.clear_button = QPushButton(self.tr("Remove logo"), self)
        self.preview = QLabel(self)
        self.preview.setObjectName("logo_preview")
        self.preview.setFixedSize(PREVIEW_WIDTH + 8, PREVIEW_HEIGHT + 8)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.logo_path, 1)
        row.addWidget(self.browse_button)
        row.addWidget(self.clear_button)
        logo = QWidget(self)
        column = QVBoxLayout(logo)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.preview)
        self.add_row(form, "company_logo_path", self.tr("Logo:"), logo)
        form.addRow("", hint(self.tr(
            "Optional. Printed at the top left of every page, at most 27 × 9 mm, next to the "
            "company name; wide logos fit best. Image files: PNG, JPG, BMP or GIF."), self))

        self.company_name.textChanged.connect(self._emit_changed)
        self.browse_button.clicked.connect(self.choose_logo)
        self.clear_button.clicked.connect(lambda: self.set_logo(""))
        self._show_preview()

    # ---- SettingsPage --------------------------------------------------------------------

    def load(self, stored: Mapping[str, Any]) -> None:
        self.company_name.setText(str(stored.get("company_name") or ""))
        self._loaded_logo = str(stored.get("company_logo_path") or "")
        self._images.clear()  # the file may have been replaced meanwhile
        self.set_logo(self._loaded_logo)

    def values(self) -> dict[str, Any]:
        return {"company_name": self.company_name.text().strip(),
                "company_logo_path": self.logo_path.text().strip()}

    def field_names(self) -> dict[str, str]:
        return {"company_name": self.tr("Company name"), "company_logo_path": self.tr("Logo")}

    def check(self, values: Mapping[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
        path = str(values.get("company_logo_path") or "")
        problem = self._logo_problem(path) if path else None
        if problem is None:
            return {}, {}
        if path != self._loaded_logo:  # just chosen: not stored like that
            return {"company_logo_path": problem}, {}
        return {}, {"company_logo_path": problem + " " + self.tr(
            "Reports are printed without a logo until you choose another file or remove it.")}

    # ---- logo ----------------------------------------------------------------------------

    def choose_logo(self) -> None:
        current = self.logo_path.text().strip()
        start = str(Path(current).parent) if current else QDir.homePath()
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose logo"), start,
            self.tr("Images (%1)").replace("%1", IMAGE_PATTERNS))
        if chosen:
            self.set_logo(str(Path(chosen)))

    def set_logo(self, path: str) -> None:
        if path == self.logo_path.text():
            self._show_preview()
            return
        self.logo_path.setText(path)  # the view validates on `changed`
        self._show_preview()
        self._emit_changed()

    def _image(self, path: str) -> QImage | None:
        """The image of `path`, or None if the file is missing or not an image (cached)."""
        file = Path(path)
        try:
            stamp = file.stat().st_mtime if file.is_file() else -1.0
        except OSError:
            stamp = -1.0
        if stamp < 0:
            return None
        key = (path, stamp)
        if key not in self._images:
            self._images[key] = QImage(path)
        image = self._images[key]
        return None if image.isNull() else image

    def _logo_problem(self, path: str) -> str | None:
        name = Path(path).name
        if not Path(path).is_file():
            return self.tr("The file «%1» cannot be found.").replace("%1", name)
        if self._image(path) is None:
            return self.tr("The file «%1» cannot be read as an image (PNG, JPG, BMP or GIF)."
                           ).replace("%1", name)
        return None

    def _show_preview(self) -> None:
        path = self.logo_path.text().strip()
        image = self._image(path) if path else None
        self.clear_button.setEnabled(bool(path))
        if image is None:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("No logo") if not path else self.tr("(not readable)"))
            return
        scaled = image.scaled(PREVIEW_WIDTH, PREVIEW_HEIGHT, Qt.AspectRatioMode.KeepAspectRatio,
                              Qt.TransformationMode.SmoothTransformation)
        self.preview.setPixmap(QPixmap.fromImage(scaled))
