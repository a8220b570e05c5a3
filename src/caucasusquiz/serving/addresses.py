"""The addresses students type: a server on 0.0.0.0 listens on every interface, but
"http://0.0.0.0:8765" is not an address a browser can open (new-user trial 6: the teacher
had to find the machine's LAN address elsewhere).

Found without network traffic: a UDP socket "connected" to a documentation address
(192.0.2.1, TEST-NET-1) sends no packet but makes the system choose the interface it would
route through, and the host name's own addresses add any others.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
from collections.abc import Callable, Iterable

WILDCARDS = frozenset({"", "0.0.0.0", "::", "[::]"})
_NO_PACKET_SENT_TO = "192.0.2.1"  # TEST-NET-1: never routed, nothing leaves the machine


def _routed_address() -> Iterable[str]:
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect((_NO_PACKET_SENT_TO, 9))  # UDP connect: a route lookup, no packet
        yield str(probe.getsockname()[0])


def _host_name_addresses() -> Iterable[str]:
    with contextlib.suppress(OSError, UnicodeError):
        for *_rest, sockaddr in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            yield str(sockaddr[0])


FINDERS: tuple[Callable[[], Iterable[str]], ...] = (_routed_address, _host_name_addresses)


Finders = Iterable[Callable[[], Iterable[str]]]


def lan_addresses(finders: Finders | None = None) -> list[str]:
    """This machine's IPv4 addresses that another machine could reach, best first."""
    found: list[str] = []
    for finder in FINDERS if finders is None else finders:
        for address in finder():
            try:
                ip = ipaddress.ip_address(address)
            except ValueError:
                continue
            if not (ip.is_loopback or ip.is_unspecified or ip.is_link_local) and address not in found:
                found.append(address)
    return found


def student_urls(host: str, port: int, finders: Finders | None = None) -> list[str]:
    """What students type in their browsers: the address given, or for a wildcard host the
    machine's LAN addresses (empty when none can be found)."""
    if host not in WILDCARDS:
        return [f"http://{host}:{port}"]
    return [f"http://{address}:{port}" for address in lan_addresses(finders)]
