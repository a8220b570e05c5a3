"""Where things live: the decks to study, the seed documents, and the learner's data.

Every location can be overridden (a flag, then an environment variable), which is how the
tests keep away from a real learner's data. Nothing is created at import time.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from caucasusquiz import files
from caucasusquiz.errors import UserError

APP_NAME = "caucasusquiz"
ENV_DECKS = "CAUCASUSQUIZ_DECKS"
ENV_DATA_DIR = "CAUCASUSQUIZ_DATA_DIR"
ENV_SEEDS = "CAUCASUSQUIZ_SEEDS"
ENV_CONFIG = "CAUCASUSQUIZ_CONFIG"

_PACKAGE_DIR = Path(__file__).resolve().parent
_SOURCE_ROOT = _PACKAGE_DIR.parent.parent  # the checkout, when running from source


def bundled_dir(name: str) -> Path | None:
    """The decks or seeds shipped with the app: inside the wheel, or the checkout's own folder."""
    installed = files.INSTALLED_BUNDLE / name
    if installed.is_dir():
        return installed
    checkout = _SOURCE_ROOT / name
    if checkout.is_dir() and (_SOURCE_ROOT / "pyproject.toml").is_file():
        return checkout
    return None


is_installed_bundle = files.is_installed_bundle  # the one test, beside the write guard


def writable_decks(folder: Path) -> Path:
    """`folder`, when its deck files may be changed (by `generate`, `check --fix`, the author
    screen, the editor, a deck setting); InstalledFilesReadOnly, whose message names
    `caucasusquiz copy-decks`, when it is the installed decks folder."""
    files.refuse_installed_bundle(folder)
    return folder


def _choose(flag: str | os.PathLike[str] | None, env: str) -> Path | None:
    if flag:
        return Path(flag).expanduser()
    value = os.environ.get(env)
    return Path(value).expanduser() if value else None


@dataclass(frozen=True)
class Locations:
    decks: Path
    data_dir: Path
    seeds: Path | None
    config_file: Path
    cache_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "progress.sqlite3"


def user_settings_file() -> Path:
    """settings.toml in the user's config folder (~/.config/caucasusquiz/ on Linux)."""
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "settings.toml"


def resolve(
    decks: str | os.PathLike[str] | None = None,
    data_dir: str | os.PathLike[str] | None = None,
    seeds: str | os.PathLike[str] | None = None,
    config: str | os.PathLike[str] | None = None,
) -> Locations:
    """Work out every location from flags, environment and platform defaults."""
    chosen_decks = _choose(decks, ENV_DECKS)
    bundled = bundled_dir("decks")
    deck_dir = chosen_decks or bundled or Path("decks")

    chosen_data = _choose(data_dir, ENV_DATA_DIR)
    if chosen_data is not None:
        # An explicit data dir keeps progress and cache together (a stick, a class share, the
        # tests). Settings follow it when it has its own settings.toml; else the user's usual
        # settings file still applies, as the README says (it used to be silently ignored).
        data, cache = chosen_data, chosen_data / "cache"
        carried = chosen_data / "settings.toml"
        config_default = carried if carried.exists() else user_settings_file()
    else:
        import platformdirs  # deferred: only needed when no data dir is given

        data = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
        cache = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
        config_default = user_settings_file()

    seed_dir = _choose(seeds, ENV_SEEDS)
    if seed_dir is None:
        sibling = deck_dir.parent / "seeds"
        seed_dir = sibling if sibling.is_dir() else bundled_dir("seeds")

    chosen_config = _choose(config, ENV_CONFIG)
    if chosen_config is not None and not chosen_config.exists():
        # A settings file named on purpose that is not there is a mistake, never ignored.
        raise UserError(
            f"settings file {chosen_config} (from {ENV_CONFIG}) does not exist",
            f"create it (see `caucasusquiz docs settings`) or unset {ENV_CONFIG}",
        )

    return Locations(
        decks=deck_dir,
        data_dir=data,
        seeds=seed_dir,
        config_file=chosen_config or config_default,
        cache_dir=cache,
    )
