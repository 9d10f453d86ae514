"""Every write the customer screens make, with Undo/Redo (QUndoStack) and a `changed` signal.

A write happens first (so a ValidationError reaches the dialog that caused it), then an
already-done command is pushed; the stack's first redo() is skipped for that reason.
After each write `changed(customer_id)` lets the views update Kundenwert, rank and group.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from kundenportfolio.core.models import Contact, Cost, Customer, Order
from kundenportfolio.data.repository import Repository


class _DoneCommand(QUndoCommand):
    """A command whose first redo() is the write that already happened."""

    def __init__(self, text: str, undo: Callable[[], None], redo: Callable[[], None],
                 after: Callable[[], None]) -> None:
        super().__init__(text)
        self._undo, self._redo, self._after = undo, redo, after
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._redo()
        self._after()

    def undo(self) -> None:
        self._undo()
        self._after()


class CustomerWriter(QObject):
    changed = Signal(int)  # customer id whose data changed
    removed = Signal(int)  # customer id that no longer exists

    def __init__(self, repository: Repository, undo_stack: QUndoStack | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.repository = repository
        self.undo_stack = undo_stack or QUndoStack(self)

    def add_customer(self, customer: Customer) -> None:
        # not undoable: undo would have to delete a customer later commands may refer to
        self.repository.add_customer(customer)
        assert customer.id is not None
        self.changed.emit(customer.id)

    def update_customer(self, customer: Customer) -> None:
        assert customer.id is not None
        before = self.repository.get_customer(customer.id)
        after = dataclasses.replace(customer)
        self.repository.update_customer(customer)
        cid = customer.id
        self.undo_stack.push(_DoneCommand(
            QCoreApplication.translate("CustomerWriter", "Edit customer %1").replace("%1", customer.number),
            undo=lambda: self.repository.update_customer(dataclasses.replace(before)),
            redo=lambda: self.repository.update_customer(dataclasses.replace(after)),
            after=lambda: self.changed.emit(cid)))
        self.changed.emit(cid)

    def delete_customer(self, customer_id: int) -> None:
        self.repository.delete_customer(customer_id)
        self.undo_stack.clear()  # older commands may refer to the deleted customer
        self.removed.emit(customer_id)

    def _child(self, text: str, record: Contact | Order | Cost, add: Callable[[], None],
               delete: Callable[[int], None]) -> None:
        add()
        cid = record.customer_id

        def redo() -> None:
            record.id = None
            add()

        def undo() -> None:
            assert record.id is not None
            delete(record.id)

        self.undo_stack.push(_DoneCommand(text, undo, redo, lambda: self.changed.emit(cid)))
        self.changed.emit(cid)

    def add_contact(self, contact: Contact) -> None:
        if contact.id is not None:
            self.repository.update_contact(contact)
            self.changed.emit(contact.customer_id)
            return
        text = QCoreApplication.translate("CustomerWriter", "Log contact")
        self._child(text, contact, lambda: self.repository.add_contact(contact),
                    self.repository.delete_contact)

    def record_order(self, order: Order) -> None:
        if order.id is not None:
            self.repository.update_order(order)
            self.changed.emit(order.customer_id)
            return
        text = QCoreApplication.translate("CustomerWriter", "Record order")
        self._child(text, order, lambda: self.repository.record_order(order), self.repository.delete_order)

    def add_cost(self, cost: Cost) -> None:
        if cost.id is not None:
            self.repository.update_cost(cost)
            self.changed.emit(cost.customer_id)
            return
        text = QCoreApplication.translate("CustomerWriter", "Record cost")
        self._child(text, cost, lambda: self.repository.add_cost(cost), self.repository.delete_cost)
