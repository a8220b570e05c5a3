"""The study engine: scheduling, answer checking, queues and sessions (no Textual here)."""

from __future__ import annotations
