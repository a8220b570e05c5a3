"""Is this app process a browser tab served by `caucasusquiz serve`?

The server sets CAUCASUSQUIZ_SERVED for the app processes it starts. A served tab is a
student at someone else's machine, so: no editor (an editor is a shell), deck files are
never written, the source viewer opens only documents inside the seeds folder, and
profiles are not listed, renamed or deleted from a tab.
"""

from __future__ import annotations

import os

ENV_SERVED = "CAUCASUSQUIZ_SERVED"


def is_served() -> bool:
    return os.environ.get(ENV_SERVED) == "1"
