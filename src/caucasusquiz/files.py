"""Reading and writing the user's files safely: regular files only, bounded, written atomically.

A deck named `x.yaml` may be a symlink to /dev/zero (an endless read) or a FIFO (a read
that never returns, and the app then ignores Ctrl+C). Everything that reads a user's file
goes through `read_regular_file`, which refuses anything but a regular file of bounded
size, without blocking on it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from caucasusquiz.errors import InstalledFilesReadOnly

# The decks, seeds and guides a wheel carries (see pyproject.toml). They exist only in an
# installed copy; a checkout studies its own tracked decks/ instead, which may be edited.
INSTALLED_BUNDLE = Path(__file__).resolve().parent / "bundled"


class UnreadableFile(Exception):
    """The path is not a regular file of acceptable size, or cannot be read; `reason` says why."""

    def __init__(self, reason: str, missing: bool = False, size: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.missing = missing  # there is no file at all
        self.size = size  # set when the file is too large: its size in bytes


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of `path`, which must be a regular file of at most `limit` bytes."""
    try:
        # O_NONBLOCK: opening a FIFO with no writer would otherwise wait for ever.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except IsADirectoryError:
        raise UnreadableFile("is a folder, not a file") from None
    except FileNotFoundError:
        raise UnreadableFile("no such file", missing=True) from None
    except OSError as exc:
        raise UnreadableFile(f"cannot read the file: {exc.strerror or exc}") from None
    info = os.fstat(fd)
    if stat.S_ISDIR(info.st_mode):  # on Linux a folder opens read-only; os.fdopen then raises
        os.close(fd)
        raise UnreadableFile("is a folder, not a file")
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile("is not a regular file (a device, a pipe or a socket)")
        if info.st_size > limit:
            raise UnreadableFile(
                f"file is {info.st_size / 1024 / 1024:.1f} MiB; the limit is {_mib(limit)}", size=info.st_size
            )
        try:
            data = handle.read(limit + 1)  # the file may have grown since fstat
        except OSError as exc:
            raise UnreadableFile(f"cannot read the file: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise UnreadableFile(f"file is larger than {_mib(limit)}", size=len(data))
    return data


def _mib(size: int) -> str:
    return f"{size / 1024 / 1024:g} MiB"


def write_atomically(path: Path, text: str, *, durable: bool = False, into_special: bool = False) -> None:
    """Replace `path` with `text` (UTF-8, line endings as given) so that a reader, a crash or a
    full disk never leaves half a file; `durable`: on disk before this returns; `into_special`:
    see `replace_atomically`."""

    def write(temporary: str) -> None:
        with open(temporary, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)

    replace_atomically(path, write, durable=durable, into_special=into_special)


def is_installed_bundle(path: Path) -> bool:
    """True when `path` is (inside) the decks, seeds or guides installed with the package:
    they are read, never written."""
    try:
        return path.resolve().is_relative_to(INSTALLED_BUNDLE)
    except OSError:
        return False


def refuse_installed_bundle(path: Path) -> None:
    """Raise InstalledFilesReadOnly when `path` lies inside the installed bundle: every write
    of a deck file goes through here, so no screen or command can edit site-packages."""
    if is_installed_bundle(path):
        raise InstalledFilesReadOnly(path)


def new_file_mode(path: Path) -> int:
    """The permissions `path` should get: its own if it exists, else what a plain open()
    gives (0666 less the umask). A temporary file from mkstemp is 0600 until told otherwise."""
    if path.exists():
        return path.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def replace_atomically(
    path: Path, write: Callable[[str], object], *, durable: bool = False, into_special: bool = False
) -> None:
    """Call `write(temporary_path)` on a fresh file beside `path`, then move it over `path`.

    For writers that want a file name (genanki, openpyxl) as well as for text. With
    `durable`, the file and the rename are flushed to disk (fsync) before this returns: an
    author's decision must survive a power cut, a cache file need not.

    A symlink to a file is followed, so the linked file is updated and the link stays. With
    `into_special` (an output the user named: `--output /dev/null`, `/dev/stdout`, a FIFO), a
    device or pipe is written into. Otherwise a device is refused and a pipe or a link to one
    is replaced, as before: the app's own files (a cache entry) must never block on a pipe,
    and renaming a file over /dev/null as root would leave the machine without one."""
    if path.is_symlink():
        resolved = Path(os.path.realpath(path))
        if _special_kind(resolved) is None:
            path = resolved
        elif into_special:
            _write_into(path, write)
            return
    else:
        kind = _special_kind(path)
        if kind is not None and into_special:
            _write_into(path, write)
            return
        if kind == "device":
            raise OSError(errno.EINVAL, "is a device, not a file")
    refuse_installed_bundle(path)
    mode = new_file_mode(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        write(tmp)
        os.chmod(tmp, mode)
        if durable:
            _fsync(tmp, os.O_RDONLY)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if durable:
        with contextlib.suppress(OSError):  # some systems cannot open a folder; the rename stands
            _fsync(folder, os.O_RDONLY)


def _special_kind(path: Path) -> str | None:
    """ "device", "pipe" (a FIFO or a socket), or None for a regular file, a folder or nothing."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
        return "pipe"
    return None


def _write_into(path: Path, write: Callable[[str], object]) -> None:
    """Let `write` fill a temporary file (writers such as genanki need a file name), then copy
    its bytes into `path` without replacing it."""
    fd, tmp = tempfile.mkstemp(prefix="caucasusquiz-", suffix=".tmp")
    os.close(fd)
    try:
        write(tmp)
        with open(tmp, "rb") as source, open(path, "wb") as target:
            shutil.copyfileobj(source, target)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _fsync(path: str | Path, flags: int) -> None:
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
