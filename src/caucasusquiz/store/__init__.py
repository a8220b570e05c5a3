"""Progress storage: one SQLite file per data folder (no Textual here)."""

from __future__ import annotations
