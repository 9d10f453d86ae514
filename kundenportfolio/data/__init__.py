"""Persistence: the SQLite file, its migrations and the repository. No Qt."""
