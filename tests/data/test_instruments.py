"""The default instrument catalogue (migration m003) and its editing rules."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from kundenportfolio.core.errors import ValidationError
from kundenportfolio.core.models import Campaign, Group, Instrument, InstrumentScope
from kundenportfolio.data.campaign_data import save_instrument
from kundenportfolio.data.database import open_database
from kundenportfolio.data.migrations import MIGRATION_NAMES
from kundenportfolio.data.repository import Repository

ALL = {Group.STAR, Group.ERTRAG, Group.FRAGEZEICHEN, Group.MITNAHME}


def by_code(repo: Repository) -> dict[str, Instrument]:
    return {i.code: i for i in repo.list_instruments(include_retired=True)}


def test_default_catalogue_present_after_migration(repo: Repository) -> None:
    assert "m003_instrument_catalogue" in MIGRATION_NAMES
    catalogue = by_code(repo)
    assert len(catalogue) == 17  # 4 for all + 4 Star/Ertrag + 3 individual + 3 + 3
    names = {i.name for i in catalogue.values()}
    assert {"Newsletter", "Kundenmagazin", "Website/Social Media", "Saisonales Mailing",
            "Jahresgespräch", "Persönlicher Besuch", "Exklusive Angebote", "Prioritätsservice",
            "Messe-/Event-Einladung", "Individuelles Werbegeschenk", "Incentive",
            "Bedarfsanalyse", "Probeangebot", "Cross-Selling", "Online-Bestellung",
            "Standardangebote", "Mindestbestellwert"} == names
    assert all(i.description for i in catalogue.values())


def test_default_catalogue_scopes_groups_and_advertising(repo: Repository) -> None:
    c = by_code(repo)
    assert c["newsletter"].scope == InstrumentScope.ALL and set(c["newsletter"].groups) == ALL
    assert c["prioritaetsservice"].scope == InstrumentScope.STAR_ERTRAG
    assert set(c["persoenlicher_besuch"].groups) == {Group.STAR, Group.ERTRAG}
    assert c["incentive"].scope == InstrumentScope.INDIVIDUAL
    assert c["cross_selling"].groups == [Group.FRAGEZEICHEN]
    assert c["mindestbestellwert"].groups == [Group.MITNAHME]
    service = {code for code, i in c.items() if not i.is_advertising}
    assert service == {"jahresgespraech", "prioritaetsservice", "bedarfsanalyse",
                       "online_bestellung", "mindestbestellwert"}
    assert all(i.cost_per_participant_cents is None for i in c.values())


def test_catalogue_on_a_file_database_survives_reopen(tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite3"
    db = open_database(path)
    Repository(db).add_instrument(Instrument(code="eigenes", name="Eigenes Instrument"))
    db.close()
    db = open_database(path)
    try:
        assert len(Repository(db).list_instruments()) == 18  # migration not run twice
    finally:
        db.close()


def test_edit_and_retire(repo: Repository) -> None:
    newsletter = by_code(repo)["newsletter"]
    newsletter.cost_per_participant_cents = 35
    repo.update_instrument(newsletter)
    assert newsletter.id is not None
    assert repo.get_instrument(newsletter.id).cost_per_participant_cents == 35
    repo.retire_instrument(newsletter.id, dt.date(2026, 1, 1))
    assert "newsletter" not in {i.code for i in repo.list_instruments()}
    assert repo.get_instrument(newsletter.id).retired_at == dt.date(2026, 1, 1)


def test_instrument_used_by_a_campaign_cannot_be_deleted(repo: Repository) -> None:
    event = by_code(repo)["messe_event_einladung"]
    gift = by_code(repo)["individuelles_werbegeschenk"]
    assert event.id is not None and gift.id is not None
    repo.add_campaign(Campaign(name="Messe 2026", instrument_id=event.id,
                               start_date=dt.date(2026, 3, 1), end_date=dt.date(2026, 3, 3)))
    with pytest.raises(ValidationError) as info:
        repo.delete_instrument(event.id)
    assert "Kampagne" in str(info.value) and "ausmustern" in str(info.value)
    # the schema itself refuses too (ON DELETE RESTRICT)
    with pytest.raises(sqlite3.IntegrityError):
        repo.db.execute("DELETE FROM instruments WHERE id = ?", [event.id])
    assert event.id in {i.id for i in repo.list_instruments()}
    repo.delete_instrument(gift.id)  # unused: deleted
    assert "individuelles_werbegeschenk" not in by_code(repo)


def test_save_new_instrument_gets_unique_code_and_scope_groups(repo: Repository) -> None:
    first = save_instrument(repo, Instrument(code="", name="Kunden-Event Süd",
                                             scope=InstrumentScope.STAR_ERTRAG,
                                             cost_per_participant_cents=45_00))
    second = save_instrument(repo, Instrument(code="", name="Kunden-Event Süd",
                                              scope=InstrumentScope.ALL))
    assert (first.code, second.code) == ("kunden_event_sued", "kunden_event_sued_2")
    assert set(repo.get_instrument(first.id or 0).groups) == {Group.STAR, Group.ERTRAG}
    assert set(repo.get_instrument(second.id or 0).groups) == ALL
    assert repo.get_instrument(first.id or 0).cost_per_participant_cents == 45_00


def test_save_instrument_refuses_bad_input_and_writes_nothing(repo: Repository) -> None:
    before = len(repo.list_instruments(include_retired=True))
    with pytest.raises(ValidationError) as info:
        save_instrument(repo, Instrument(code="", name="  ", scope=InstrumentScope.GROUP,
                                         cost_per_participant_cents=-1))
    assert set(info.value.fields) == {"name", "groups", "cost_per_participant_cents"}
    assert len(repo.list_instruments(include_retired=True)) == before
    flyer = by_code(repo)["probeangebot"]
    flyer.name = "Probeangebot Frühling"
    save_instrument(repo, flyer)
    assert repo.get_instrument(flyer.id or 0).name == "Probeangebot Frühling"
    assert by_code(repo)["probeangebot"].groups == [Group.FRAGEZEICHEN]
