"""The Textual user interface. Only this package imports Textual."""

from __future__ import annotations
