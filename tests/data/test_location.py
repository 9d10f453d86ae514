"""Network drive and sync folder detection on every platform (probes injected)."""

from __future__ import annotations

import pytest

from kundenportfolio.data.location import (
    DRIVE_REMOTE,
    LocationRisk,
    classify_location,
    location_warning,
)

LOCAL_DRIVE = 3  # DRIVE_FIXED


def win(path: str, *, env: dict[str, str] | None = None, remote: str = "") -> LocationRisk | None:
    return classify_location(path, windows=True, env=env or {},
                             drive_type=lambda root: DRIVE_REMOTE if root[0] in remote
                             else LOCAL_DRIVE)


@pytest.mark.parametrize(("path", "expected"), [
    (r"C:\Users\anna\AppData\Local\Kundenportfolio\k.sqlite3", None),
    (r"\\server\daten\k.sqlite3", LocationRisk.UNC),
    (r"\\?\UNC\server\daten\k.sqlite3", LocationRisk.UNC),
    (r"\\?\C:\lang\k.sqlite3", None),  # long-path prefix on a local drive
    (r"C:\Users\anna\OneDrive\Firma\k.sqlite3", LocationRisk.ONEDRIVE),
    (r"C:\Users\anna\OneDrive - Müller AG\k.sqlite3", LocationRisk.ONEDRIVE),
    (r"D:\Dropbox\k.sqlite3", LocationRisk.DROPBOX),
    (r"D:\Dropbox (Firma)\k.sqlite3", LocationRisk.DROPBOX),
    (r"G:\Meine Ablage\k.sqlite3", LocationRisk.GOOGLE_DRIVE),
    (r"C:\Users\anna\iCloudDrive\k.sqlite3", LocationRisk.ICLOUD),
    (r"C:\Daten\onedrive.sqlite3", None),  # only folders count, not the file name
])
def test_windows_paths(path: str, expected: LocationRisk | None) -> None:
    assert win(path) == expected


def test_mapped_network_drive() -> None:
    assert win(r"Z:\Kunden\k.sqlite3", remote="Z") == LocationRisk.NETWORK_DRIVE
    assert win(r"C:\Kunden\k.sqlite3", remote="Z") is None


def test_onedrive_folder_from_environment_with_any_name() -> None:
    env = {"OneDriveCommercial": r"C:\Users\anna\Firmenablage"}
    assert win(r"C:\Users\anna\firmenablage\x\k.sqlite3", env=env) == LocationRisk.ONEDRIVE
    assert win(r"C:\Users\anna\Dokumente\k.sqlite3", env=env) is None


def test_posix_network_mounts_innermost_wins() -> None:
    mounts = [("/", "ext4"), ("/mnt/nas", "cifs"), ("/mnt/nas/lokal", "ext4"),
              ("/home/anna/nfs", "nfs4")]

    def posix(path: str) -> LocationRisk | None:
        return classify_location(path, windows=False, env={}, mounts=mounts)

    assert posix("/mnt/nas/k.sqlite3") == LocationRisk.NETWORK_MOUNT
    assert posix("/mnt/nas/lokal/k.sqlite3") is None
    assert posix("/home/anna/nfs/k.sqlite3") == LocationRisk.NETWORK_MOUNT
    assert posix("/home/anna/k.sqlite3") is None
    assert posix("/home/anna/Dropbox/k.sqlite3") == LocationRisk.DROPBOX
    assert posix("/Users/anna/Library/Mobile Documents/k.sqlite3") == LocationRisk.ICLOUD


def test_warning_texts_are_german_and_name_the_file() -> None:
    text = location_warning(LocationRisk.ONEDRIVE, "k.sqlite3")
    assert text.startswith("Die Datenbank «k.sqlite3» liegt in einem OneDrive-Ordner.")
    assert "lokalen Ordner verschieben" in text
    assert "auf einem Netzlaufwerk" in location_warning(LocationRisk.UNC, "k.sqlite3")
