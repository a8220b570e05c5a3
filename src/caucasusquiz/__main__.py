"""`python -m caucasusquiz` runs the same command line as the `caucasusquiz` script."""

from __future__ import annotations

import sys

from caucasusquiz.cli import main

sys.exit(main())
