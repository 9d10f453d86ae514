"""Record dialogs show a validation message at its field in full: it wraps, the dialog grows."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from kundenportfolio.data.repository import Repository
from kundenportfolio.ui.dialogs.cost_dialog import CostDialog
from kundenportfolio.ui.dialogs.order_dialog import OrderDialog


def _fits(label: QLabel) -> bool:
    """The label got the room its text asks for: not cut off."""
    rect = label.geometry()
    return (label.isVisible() and label.wordWrap() and rect.width() >= label.sizeHint().width()
            and rect.height() >= label.heightForWidth(rect.width()))


@pytest.mark.parametrize("text", ["1.000,50", "12,345,67"])
def test_order_amount_message_is_shown_in_full(qtbot, shop: Repository, tmp_path: Path,
                                               text: str) -> None:
    dialog = OrderDialog(shop, 1, writer=lambda _order: None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    size = dialog.size()
    dialog.amount.setText(text)
    dialog.save()
    label = dialog.form.errors["amount_cents"]
    assert label.text()
    qtbot.waitUntil(lambda: _fits(label), timeout=1000)
    # the message gets the width it asks for (a few lines), not the line edit's 125 px
    assert label.geometry().width() >= label.sizeHint().width()
    assert label.geometry().height() >= label.sizeHint().height()
    assert dialog.width() >= size.width() and dialog.height() > size.height()
    dialog.grab().save(str(tmp_path / f"order_error_{text}.png"))


def test_dialog_the_user_made_larger_does_not_shrink(qtbot, shop: Repository) -> None:
    dialog = CostDialog(shop, 1, writer=lambda _cost: None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.resize(900, 500)
    dialog.amount.setText("abc")
    dialog.save()
    assert dialog.form.error_text("amount_cents")
    assert dialog.width() == 900 and dialog.height() == 500
    assert _fits(dialog.form.errors["amount_cents"])
