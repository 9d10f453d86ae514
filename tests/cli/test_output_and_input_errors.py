"""Files the commands write and read: German messages instead of tracebacks, no half files,
no empty database from a mistyped --db, a closed pipe ends quietly."""

from __future__ import annotations

import datetime as dt
import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kundenportfolio.cli import main
from kundenportfolio.core.models import Customer, Order
from kundenportfolio.data.database import open_database
from kundenportfolio.data.repository import Repository

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Two customers with an order each in 2025 and one campaign (id 1)."""
    path = tmp_path / "kp.sqlite3"
    db = open_database(path)
    repo = Repository(db)
    for number, name in (("10001", "Bäckerei Müller"), ("10002", "Café Zürcher")):
        customer = repo.add_customer(Customer(number=number, name=name))
        assert customer.id
        repo.record_order(Order(customer_id=customer.id, order_date=dt.date(2025, 3, 1),
                                amount_cents=100_000))
    db.close()
    assert main(["--db", str(path), "campaign", "create", "--name", "Messe", "--instrument",
                 "messe_event_einladung", "--from", "2026-01-10", "--to", "2026-01-11"]) == 0
    return path


WRITING_COMMANDS = {
    "portfolio": ["portfolio", "--period", "2025", "--out", "{out}.csv"],
    "portfolio xlsx": ["portfolio", "--period", "2025", "--out", "{out}.xlsx"],
    "forecast": ["forecast", "--as-of", "2025-12-31", "--out", "{out}.csv"],
    "forecast plan": ["forecast", "--as-of", "2025-12-31", "--plan", "--out", "{out}.xlsx"],
    "suggestions": ["suggestions", "--out", "{out}.csv"],
    "campaign export": ["campaign", "export", "1", "--out", "{out}.xlsx"],
    "export": ["export", "orders", "--out", "{out}.csv"],
    "report": ["report", "values", "--period", "2025", "--pdf", "{out}.pdf"],
    "privacy export": ["privacy", "export", "10001", "--out", "{out}.json"],
    "privacy text": ["privacy", "export", "10001", "--out", "{folder}/a.json", "--out",
                     "{out}.txt"],
    "privacy pdf": ["privacy", "export", "10001", "--out", "{folder}/a.json", "--out",
                    "{out}.pdf"],
}


def run(db_path: Path, template: list[str], out: Path, folder: Path) -> int:
    args = [a.format(out=out, folder=folder) for a in template]
    return main(["--db", str(db_path), *args])


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("template", WRITING_COMMANDS.values(), ids=WRITING_COMMANDS.keys())
def test_missing_output_folder_is_a_german_message(
        template: list[str], db_path: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "gibts-nicht"
    assert run(db_path, template, missing / "ausgabe", tmp_path) == 1
    err = capsys.readouterr().err
    assert f"Die Datei «{missing / 'ausgabe'}." in err and "kann nicht geschrieben werden" in err
    assert f"Den Ordner «{missing}» gibt es nicht" in err
    assert not missing.exists()  # the PDF writers used to create the folder


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("template", WRITING_COMMANDS.values(), ids=WRITING_COMMANDS.keys())
def test_output_written_complete_and_no_temporary_file_left(
        template: list[str], db_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "aus"
    folder.mkdir()
    assert run(db_path, template, folder / "ausgabe", tmp_path) == 0
    written = list(folder.iterdir())
    assert [p.name.split(".")[0] for p in written] == ["ausgabe"]
    assert written[0].stat().st_size > 0


def test_interrupted_write_keeps_the_old_file(db_path: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    import csv

    out = tmp_path / "portfolio.csv"
    out.write_text("alter Stand", encoding="utf-8")

    class FullDisk:
        def __init__(self, handle: object) -> None:
            self.handle = handle

        def writerow(self, row: list[str]) -> None:
            self.handle.write(",".join(row) + "\n")  # type: ignore[attr-defined]

        def writerows(self, rows: object) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(csv, "writer", FullDisk)
    assert main(["portfolio", "--db", str(db_path), "--period", "2025", "--out", str(out)]) == 1
    assert "Der Speicherplatz ist voll" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "alter Stand"
    assert sorted(p.name for p in tmp_path.iterdir() if "portfolio" in p.name) == ["portfolio.csv"]


def test_output_is_a_folder(db_path: Path, tmp_path: Path,
                            capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "ordner.csv").mkdir()
    assert main(["portfolio", "--db", str(db_path), "--out", str(tmp_path / "ordner.csv")]) == 1
    assert "Das ist ein Ordner" in capsys.readouterr().err


@pytest.mark.parametrize("command", [
    ["ranking"], ["portfolio"], ["portfolio", "--out", "{folder}/p.csv"], ["suggestions"],
    ["forecast"], ["backtest"], ["export", "customers", "--out", "{folder}/k.csv"],
    ["campaign", "list"], ["privacy", "export", "10001", "--out", "{folder}/a.json"],
])
@pytest.mark.parametrize("db_name", ["tippfehler.sqlite3", "gibts-nicht/kp.sqlite3"])
def test_reading_command_refuses_missing_database(
        command: list[str], db_name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    before = sorted(tmp_path.rglob("*"))
    assert main([*[a.format(folder=tmp_path) for a in command], "--db", db_name]) == 1
    assert f"Die Datenbank «{db_name}» gibt es nicht." in capsys.readouterr().err
    assert sorted(tmp_path.rglob("*")) == before  # no database, no lock file, no folder


def test_writing_command_still_creates_the_database(tmp_path: Path) -> None:
    new = tmp_path / "neu.sqlite3"
    assert main(["--db", str(new), "campaign", "create", "--name", "Messe", "--instrument",
                 "messe_event_einladung", "--from", "2026-01-10", "--to", "2026-01-11"]) == 0
    assert new.exists()


def test_closed_pipe_ends_quietly(db_path: Path) -> None:
    """`kundenportfolio ranking | head -1`: the reader is gone before the output is written."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "kundenportfolio", "ranking", "--db", str(db_path),
             "--period", "2025"], stdout=write_end, stderr=subprocess.PIPE, text=True, cwd=ROOT,
            timeout=120)
    finally:
        os.close(write_end)
    assert result.stderr == ""
    assert result.returncode == 1
