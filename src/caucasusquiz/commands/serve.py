"""`caucasusquiz serve`: the app in a class's browsers, one app process per tab, with textual-serve.

Loopback only by default. On any other address a class code must be entered before
anything is shown (printed at start, or --code). See docs/classroom.md for what a
student can and cannot reach.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import shlex
import sys

from caucasusquiz import paths, profiles
from caucasusquiz.errors import UserError
from caucasusquiz.serving.addresses import student_urls
from caucasusquiz.serving.gate import CodeGate, new_code
from caucasusquiz.serving.mode import ENV_SERVED


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def app_command(args: argparse.Namespace) -> str:
    """The command each tab runs: this Python, this package, the same decks and data folder."""
    argv = [sys.executable, "-m", "caucasusquiz"]
    if args.decks:
        argv += ["--decks", str(paths.resolve(decks=args.decks).decks.resolve())]
    if args.data_dir:
        argv += ["--data-dir", str(os.path.abspath(args.data_dir))]
    return shlex.join(argv)


def run(args: argparse.Namespace) -> int:
    try:
        from caucasusquiz.serving.web import ClassServer
    except ImportError:  # pragma: no cover - textual-serve is a dependency
        raise UserError("serving needs textual-serve", "pip install textual-serve") from None
    if not 0 < args.port < 65536:
        raise UserError(f"port {args.port} is not a port number", "use 1024 to 65535, e.g. --port 8000")
    locations = paths.resolve(decks=args.decks, data_dir=args.data_dir)
    if not locations.decks.is_dir():
        raise UserError(f"decks folder {locations.decks} does not exist", "give one with --decks DIR")
    code = args.code
    if code is None and not is_loopback(args.host):
        code = new_code()
    if code is not None and not code.strip():
        raise UserError("the class code is empty", "give a code with --code, e.g. --code 4711")
    # Every tab's app process inherits this environment: it is served, and each student
    # picks their own profile (the teacher's CAUCASUSQUIZ_PROFILE must not apply to them).
    os.environ[ENV_SERVED] = "1"
    os.environ.pop(profiles.ENV_PROFILE, None)
    gate = CodeGate(code.strip()) if code else None
    where = f"http://{args.host}:{args.port}"
    print(f"caucasusquiz serving {locations.decks} on {where}")
    print(f"Progress is kept in {locations.data_dir}, one profile per student.")
    if gate is not None:
        print(f"Class code: {gate.code}  (students enter it before anything is shown)")
        urls = student_urls(args.host, args.port)
        if urls:
            print(f"Students open: {'  or  '.join(urls)}")
        else:
            where = f"http://<this machine's address>:{args.port}"
            print(f"Students open {where} (`ip addr` or `ipconfig` shows the address).")
    else:
        print("Only this machine can connect (loopback). Use --host 0.0.0.0 for the classroom network.")
    ClassServer(app_command(args), host=args.host, port=args.port, gate=gate).serve()
    return 0
