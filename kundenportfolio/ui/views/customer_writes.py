"""Every write the customer screens make, with Undo/Redo (QUndoStack) and a `changed` signal.

A write happens first (so a ValidationError reaches the dialog that caused it), then an
already-done command is pushed; the stack's first redo() is skipped for that reason.
After each write `changed(customer_id)` lets the views update Kundenwert, rank and group.

Adding, editing and deleting a contact, order or cost are all undoable. Undoing a delete (or
redoing an add) inserts the same values again; the database gives the row a new id, so every
command refers to its record through a `_Ref` that follows the record to its new id. An order
takes its «Bestellung» contact along when deleted (ON DELETE CASCADE) and gets it back, with
the same texts, when restored; a contact a campaign participation pointed to is linked again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox

from kundenportfolio.core.errors import NotFoundError, ValidationError
from kundenportfolio.core.models import CampaignParticipant, Contact, Cost, Customer, Order
from kundenportfolio.data.repository import Repository

translate = QCoreApplication.translate


class _DoneCommand(QUndoCommand):
    """A command whose first redo() is the write that already happened.

    If undo or redo cannot be done any more (e.g. the order number was given to another order
    meanwhile), the user is told why and the command leaves the stack (obsolete)."""

    def __init__(self, text: str, undo: Callable[[], None], redo: Callable[[], None],
                 after: Callable[[], None]) -> None:
        super().__init__(text)
        self._undo, self._redo, self._after = undo, redo, after
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(self._redo, translate("CustomerWriter", "Cannot redo"),
                  translate("CustomerWriter", "«%1» could not be redone: %2"))

    def undo(self) -> None:
        self._run(self._undo, translate("CustomerWriter", "Cannot undo"),
                  translate("CustomerWriter", "«%1» could not be undone: %2"))

    def _run(self, action: Callable[[], None], title: str, text: str) -> None:
        try:
            action()
        except (ValidationError, NotFoundError) as exc:
            self.setObsolete(True)  # the stack drops it: trying again would fail again
            message = "\n".join(exc.fields.values()) if isinstance(exc, ValidationError) else str(exc)
            QMessageBox.warning(QApplication.activeWindow(), title,
                                text.replace("%1", self.text()).replace("%2", message))
        self._after()


class _Ref:
    """Where a record is now: its id, None while it is deleted (until an undo restores it)."""

    __slots__ = ("id",)

    def __init__(self, record_id: int | None) -> None:
        self.id = record_id


@dataclasses.dataclass
class _SavedContact:
    contact: Contact
    order: _Ref | None  # the order the contact was recorded with
    participations: list[CampaignParticipant]  # campaign participations that pointed to it


@dataclasses.dataclass
class _SavedOrder:
    order: Order
    contacts: list[tuple[_Ref, _SavedContact]]  # its «Bestellung» contact(s)


class CustomerWriter(QObject):
    changed = Signal(int)  # customer id whose data changed
    removed = Signal(int)  # customer id that no longer exists

    def __init__(self, repository: Repository, undo_stack: QUndoStack | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.repository = repository
        self.undo_stack = undo_stack or QUndoStack(self)
        self._refs: dict[tuple[type, int], _Ref] = {}

    # ---- customers -------------------------------------------------------------------

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
            translate("CustomerWriter", "Edit customer %1").replace("%1", customer.number),
            undo=lambda: self.repository.update_customer(dataclasses.replace(before)),
            redo=lambda: self.repository.update_customer(dataclasses.replace(after)),
            after=lambda: self.changed.emit(cid)))
        self.changed.emit(cid)

    def delete_customer(self, customer_id: int) -> None:
        self.repository.delete_customer(customer_id)
        self.undo_stack.clear()  # older commands may refer to the deleted customer
        self._refs.clear()
        self.removed.emit(customer_id)

    # ---- contacts, orders, costs: the public writes ------------------------------------

    def add_contact(self, contact: Contact) -> None:
        """Log a new contact; one with an id is an edit (the dialogs call this for both)."""
        if contact.id is not None:
            self.update_contact(contact)
            return
        self.repository.add_contact(contact)
        self._added(translate("CustomerWriter", "Log contact"), Contact, contact,
                    self._take_contact, self._put_contact)

    def update_contact(self, contact: Contact) -> None:
        def keep_links(before: Contact, record_id: int) -> Contact:
            # the order/campaign link is not the dialog's to change, and the order may have
            # been restored under another id meanwhile: keep what the database has now
            now = self.repository.get_contact(record_id)
            return dataclasses.replace(before, id=record_id, order_id=now.order_id,
                                       campaign_id=now.campaign_id)

        self._updated(translate("CustomerWriter", "Edit contact"), contact, self.repository.get_contact,
                      self.repository.update_contact, keep_links)

    def delete_contact(self, contact: Contact) -> None:
        self._deleted(translate("CustomerWriter", "Delete contact"), Contact, contact, self._take_contact,
                      self._put_contact)

    def record_order(self, order: Order) -> None:
        """Record a new order (with its Bestellung contact); one with an id is an edit."""
        if order.id is not None:
            self.update_order(order)
            return
        self.repository.record_order(order)
        self._added(translate("CustomerWriter", "Record order"), Order, order,
                    self._take_order, self._put_order)

    def update_order(self, order: Order) -> None:
        self._updated(translate("CustomerWriter", "Edit order"), order, self.repository.get_order,
                      self.repository.update_order)

    def delete_order(self, order: Order) -> None:
        """Delete the order; its Bestellung contact goes with it (and comes back on undo)."""
        self._deleted(translate("CustomerWriter", "Delete order"), Order, order,
                      self._take_order, self._put_order)

    def add_cost(self, cost: Cost) -> None:
        """Record a new relationship cost; one with an id is an edit."""
        if cost.id is not None:
            self.update_cost(cost)
            return
        self.repository.add_cost(cost)
        self._added(translate("CustomerWriter", "Record cost"), Cost, cost, self._take_cost, self._put_cost)

    def update_cost(self, cost: Cost) -> None:
        self._updated(translate("CustomerWriter", "Edit cost"), cost, self.repository.get_cost,
                      self.repository.update_cost)

    def delete_cost(self, cost: Cost) -> None:
        self._deleted(translate("CustomerWriter", "Delete cost"), Cost, cost, self._take_cost, self._put_cost)

    # ---- the commands ------------------------------------------------------------------

    def _push(self, text: str, customer_id: int, undo: Callable[[], None],
              redo: Callable[[], None]) -> None:
        self.undo_stack.push(_DoneCommand(text, undo, redo, lambda: self.changed.emit(customer_id)))
        self.changed.emit(customer_id)

    def _added(self, text: str, kind: type, record: Any, take: Callable[[_Ref], Any],
               put: Callable[[Any, _Ref], None]) -> None:
        """Push the undo of an add that happened: undo takes the record out, redo puts it back."""
        ref = self._ref(kind, record.id)
        saved: list[Any] = []

        def undo() -> None:
            saved[:] = [take(ref)]

        self._push(text, record.customer_id, undo, lambda: put(saved[0], ref))

    def _deleted(self, text: str, kind: type, record: Any, take: Callable[[_Ref], Any],
                 put: Callable[[Any, _Ref], None]) -> None:
        """Delete now; undo puts the same values back, redo deletes again."""
        assert record.id is not None
        ref = self._ref(kind, record.id)
        saved = [take(ref)]

        def redo() -> None:
            saved[:] = [take(ref)]

        self._push(text, record.customer_id, lambda: put(saved[0], ref), redo)

    def _updated(self, text: str, record: Any, get: Callable[[int], Any],
                 update: Callable[[Any], None],
                 prepare: Callable[[Any, int], Any] | None = None) -> None:
        """Write the edit now; undo writes the values from before, redo the edited ones."""
        assert record.id is not None
        before = get(record.id)
        update(record)
        after = dataclasses.replace(record)
        ref = self._ref(type(record), record.id)

        def write(values: Any) -> None:
            if ref.id is None:
                raise NotFoundError(translate("CustomerWriter", "The record no longer exists."))
            update(prepare(values, ref.id) if prepare else dataclasses.replace(values, id=ref.id))

        self._push(text, record.customer_id, lambda: write(before), lambda: write(after))

    # ---- where a record is: ids that change when undo re-inserts a record ---------------

    def _ref(self, kind: type, record_id: int) -> _Ref:
        return self._refs.setdefault((kind, record_id), _Ref(record_id))

    def _gone(self, kind: type, ref: _Ref) -> None:
        """The record was deleted: its id may be given to a new record, which is another one."""
        if ref.id is not None and self._refs.get((kind, ref.id)) is ref:
            del self._refs[(kind, ref.id)]
        ref.id = None

    def _back(self, kind: type, ref: _Ref, record_id: int) -> None:
        ref.id = record_id
        self._refs[(kind, record_id)] = ref

    @staticmethod
    def _existing(ref: _Ref) -> int:
        if ref.id is None:
            raise NotFoundError(translate("CustomerWriter", "The record no longer exists."))
        return ref.id

    # ---- taking records out and putting them back ------------------------------------

    def _save_contact(self, contact: Contact) -> _SavedContact:
        participations = []
        if contact.campaign_id is not None:
            participations = [p for p in self.repository.list_participants(contact.campaign_id)
                              if p.contact_id == contact.id]
        order = None if contact.order_id is None else self._ref(Order, contact.order_id)
        return _SavedContact(dataclasses.replace(contact), order, participations)

    def _take_contact(self, ref: _Ref) -> _SavedContact:
        saved = self._save_contact(self.repository.get_contact(self._existing(ref)))
        self.repository.delete_contact(self._existing(ref))
        self._gone(Contact, ref)
        return saved

    def _put_contact(self, saved: _SavedContact, ref: _Ref) -> None:
        contact = dataclasses.replace(
            saved.contact, id=None,
            order_id=None if saved.order is None else self._existing(saved.order))
        self.repository.add_contact(contact)
        assert contact.id is not None
        self._relink(saved, contact.id)
        self._back(Contact, ref, contact.id)

    def _relink(self, saved: _SavedContact, contact_id: int) -> None:
        for participation in saved.participations:
            self.repository.update_participant(
                dataclasses.replace(participation, contact_id=contact_id))

    def _take_order(self, ref: _Ref) -> _SavedOrder:
        order = self.repository.get_order(self._existing(ref))
        linked = [c for c in self.repository.list_contacts(order.customer_id)
                  if c.order_id == order.id]
        saved = _SavedOrder(dataclasses.replace(order),
                            [(self._ref(Contact, c.id), self._save_contact(c))
                             for c in linked if c.id is not None])
        self.repository.delete_order(self._existing(ref))  # its contacts go along (cascade)
        for contact_ref, _ in saved.contacts:
            self._gone(Contact, contact_ref)
        self._gone(Order, ref)
        return saved

    def _put_order(self, saved: _SavedOrder, ref: _Ref) -> None:
        order = dataclasses.replace(saved.order, id=None)
        first = saved.contacts[0][1].contact if saved.contacts else None
        if first is None:
            self.repository.record_order(order)
        else:
            self.repository.record_order(order, staff_id=first.staff_id, direction=first.direction)
        assert order.id is not None
        self._back(Order, ref, order.id)
        # record_order logged a fresh Bestellung contact: give it the texts it had, or take
        # it out again if the order had none
        fresh = [c for c in self.repository.list_contacts(order.customer_id)
                 if c.order_id == order.id]
        for contact in fresh[1:] if saved.contacts else fresh:
            assert contact.id is not None
            self.repository.delete_contact(contact.id)
        for number, (contact_ref, before) in enumerate(saved.contacts):
            values = dataclasses.replace(before.contact, order_id=order.id)
            if number == 0 and fresh and fresh[0].id is not None:
                values.id = fresh[0].id
                self.repository.update_contact(values)
            else:
                values.id = None
                self.repository.add_contact(values)
            assert values.id is not None
            self._relink(before, values.id)
            self._back(Contact, contact_ref, values.id)

    def _take_cost(self, ref: _Ref) -> Cost:
        cost = self.repository.get_cost(self._existing(ref))
        self.repository.delete_cost(self._existing(ref))
        self._gone(Cost, ref)
        return cost

    def _put_cost(self, saved: Cost, ref: _Ref) -> None:
        cost = dataclasses.replace(saved, id=None)
        self.repository.add_cost(cost)
        assert cost.id is not None
        self._back(Cost, ref, cost.id)
