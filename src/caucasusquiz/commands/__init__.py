"""One module per subcommand; each exposes `run(args) -> exit status`. They stay thin."""

from __future__ import annotations
