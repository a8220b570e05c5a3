"""Reusable widgets and renderers for the study app."""

from __future__ import annotations
