"""caucasusquiz: study Azerbaijan–United States relations with spaced repetition."""

from __future__ import annotations

__version__ = "0.1.0"
