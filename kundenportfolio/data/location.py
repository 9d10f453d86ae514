"""Is the database on a network drive or in a synced cloud folder? (corruption risk)

SQLite's locking is unreliable over SMB/NFS, and sync clients (OneDrive, Dropbox, Google
Drive, iCloud) copy the main file and its -wal at different moments, which can produce a
damaged or stale copy. `classify_location` is pure apart from its injectable probes, so every
case can be tested on any platform.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping, Sequence
from enum import StrEnum
from pathlib import PurePath, PurePosixPath, PureWindowsPath


class LocationRisk(StrEnum):
    UNC = "unc"  # \\server\share\...
    NETWORK_DRIVE = "network_drive"  # a mapped drive letter (Windows)
    NETWORK_MOUNT = "network_mount"  # NFS/SMB mount (Linux, macOS)
    ONEDRIVE = "onedrive"
    DROPBOX = "dropbox"
    GOOGLE_DRIVE = "google_drive"
    ICLOUD = "icloud"


DRIVE_REMOTE = 4  # GetDriveTypeW result for network drives
NETWORK_FS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "afpfs", "fuse.sshfs", "davfs",
              "fuse.davfs2", "9p", "ceph", "glusterfs"}
_SYNC_NAMES: list[tuple[LocationRisk, Callable[[str], bool]]] = [
    (LocationRisk.ONEDRIVE, lambda n: n == "onedrive" or n.startswith("onedrive - ")),
    (LocationRisk.DROPBOX, lambda n: n == "dropbox" or n.startswith("dropbox (")),
    (LocationRisk.GOOGLE_DRIVE, lambda n: n in ("google drive", "googledrive", "my drive",
                                                "meine ablage", "mein drive")),
    (LocationRisk.ICLOUD, lambda n: n in ("icloud drive", "iclouddrive", "mobile documents")),
]
_ONEDRIVE_ENV = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")


def _windows_drive_type(root: str) -> int:
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]


def _proc_mounts() -> list[tuple[str, str]]:
    try:
        with open("/proc/mounts", encoding="utf-8") as fh:
            return [(parts[1], parts[2]) for parts in (line.split() for line in fh)
                    if len(parts) >= 3]
    except OSError:
        return []


def _is_under(path: PurePath, folder: PurePath) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True


def classify_location(
    path: str | os.PathLike[str],
    *,
    windows: bool | None = None,
    env: Mapping[str, str] | None = None,
    drive_type: Callable[[str], int] | None = None,
    mounts: Sequence[tuple[str, str]] | None = None,
) -> LocationRisk | None:
    """The risk of keeping a database at `path` (absolute), or None for a local folder.

    `windows`, `env`, `drive_type` (GetDriveTypeW of "X:\\") and `mounts` ((mount point,
    fs type) pairs) default to the running system.
    """
    windows = sys.platform == "win32" if windows is None else windows
    env = os.environ if env is None else env
    text = os.fspath(path)
    pure: PurePath
    if windows:
        pure = PureWindowsPath(text)
        if pure.drive.startswith(("\\\\", "//")) and not pure.drive.startswith("\\\\?\\"):
            return LocationRisk.UNC
        if text.upper().startswith("\\\\?\\UNC\\"):
            return LocationRisk.UNC
        letter = pure.drive[-2:] if pure.drive.endswith(":") else ""
        if letter:
            probe = drive_type or (_windows_drive_type if sys.platform == "win32" else None)
            if probe is not None and probe(letter + "\\") == DRIVE_REMOTE:
                return LocationRisk.NETWORK_DRIVE
    else:
        pure = PurePosixPath(text)
        found = _proc_mounts() if mounts is None else mounts
        best = max((m for m in found if _is_under(pure, PurePosixPath(m[0]))),
                   key=lambda m: len(m[0]), default=None)  # the innermost mount wins
        if best is not None and best[1].lower() in NETWORK_FS:
            return LocationRisk.NETWORK_MOUNT
    for name in _ONEDRIVE_ENV:
        folder = env.get(name)
        if folder and _is_under(type(pure)(text.lower()), type(pure)(folder.lower())):
            return LocationRisk.ONEDRIVE
    for part in pure.parts[:-1]:
        lowered = part.lower()
        for risk, matches in _SYNC_NAMES:
            if matches(lowered):
                return risk
    return None


_WHERE = {
    LocationRisk.UNC: "auf einem Netzlaufwerk",
    LocationRisk.NETWORK_DRIVE: "auf einem Netzlaufwerk",
    LocationRisk.NETWORK_MOUNT: "auf einem Netzlaufwerk",
    LocationRisk.ONEDRIVE: "in einem OneDrive-Ordner",
    LocationRisk.DROPBOX: "in einem Dropbox-Ordner",
    LocationRisk.GOOGLE_DRIVE: "in einem Google-Drive-Ordner",
    LocationRisk.ICLOUD: "in einem iCloud-Ordner",
}


def location_warning(risk: LocationRisk, file_name: str) -> str:
    """German explanation of the risk, for the warning dialog and the CLI."""
    if risk in (LocationRisk.UNC, LocationRisk.NETWORK_DRIVE, LocationRisk.NETWORK_MOUNT):
        why = ("Über das Netzwerk funktioniert die Sperre der Datenbank nicht zuverlässig; "
               "bei Verbindungsabbrüchen oder gleichzeitigem Zugriff kann die Datei "
               "beschädigt werden.")
    else:
        why = ("Das Synchronisationsprogramm kopiert die Datenbank und ihre Begleitdateien "
               "(-wal) zu verschiedenen Zeitpunkten; so können beschädigte oder veraltete "
               "Kopien entstehen und Änderungen verloren gehen.")
    return (f"Die Datenbank «{file_name}» liegt {_WHERE[risk]}. {why} "
            "Empfehlung: die Datenbank in einen lokalen Ordner verschieben und nur die "
            "Sicherungen in den Netzwerk- oder Cloud-Ordner legen.")
