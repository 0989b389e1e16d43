# SPDX-License-Identifier: Apache-2.0
"""Where a judge's signing key is kept between sessions: the operating system's credential store, or
nowhere (it stays sealed under the access code and the code is asked again).

``judge.db`` never holds the key in clear: its only copy there is the one the organizer sealed into the
package's manifest (scrypt + AES-256-GCM under the judge's access code, bundle-format.md §5.3). When the
``keyring`` library finds a real store — Windows Credential Locker, the macOS Keychain, a Secret Service
such as GNOME Keyring or KWallet — the unsealed key is kept there, bound to the user's login, so the
judge is not asked for the code again on this computer. Where there is none (a headless Linux, a
locked-down laptop), nothing is stored: the judge types the access code again when the home is reopened.

``LEITAI_KEY_STORE=os|sealed`` forces the choice (tests use ``sealed`` so they never touch a real store).
"""

from __future__ import annotations

import base64
import binascii
import logging
import os
from typing import Any, Protocol

log = logging.getLogger(__name__)

#: Environment variable that forces the store: ``os`` (the credential store) or ``sealed`` (none).
ENV_KEY_STORE = "LEITAI_KEY_STORE"
#: The service name the keys are filed under in the credential store.
SERVICE = "Leitai judge key"


class KeyStore(Protocol):
    """Keeps a judge's 32-byte Ed25519 seed per package; ``name`` says which store it is."""

    name: str

    def load(self, account: str) -> bytes | None: ...

    def save(self, account: str, seed: bytes) -> bool: ...

    def delete(self, account: str) -> None: ...


class SealedOnly:
    """No store: the key lives only sealed under the access code (asked again on every reopening)."""

    name = "sealed"

    def load(self, account: str) -> bytes | None:
        return None

    def save(self, account: str, seed: bytes) -> bool:
        return False

    def delete(self, account: str) -> None:
        return None


class OsKeyStore:
    """The operating system's credential store through ``keyring`` (a failure there is never fatal:
    the key is still sealed under the access code)."""

    name = "os"

    def __init__(self, backend: Any = None) -> None:
        import keyring  # loaded only when a judge's home is opened (it probes the desktop's services)

        self._backend: Any = backend if backend is not None else keyring.get_keyring()

    def load(self, account: str) -> bytes | None:
        try:
            text = self._backend.get_password(SERVICE, account)
        except Exception as exc:  # a locked or broken store: the access code still opens the key
            log.warning("credential store unreadable: %s", exc)
            return None
        if not text:
            return None
        try:
            seed = base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            return None
        return seed if len(seed) == 32 else None

    def save(self, account: str, seed: bytes) -> bool:
        try:
            self._backend.set_password(SERVICE, account, base64.b64encode(seed).decode("ascii"))
        except Exception as exc:  # refused by the user or the store: stay sealed-only
            log.warning("credential store refused the judge key: %s", exc)
            return False
        return True

    def delete(self, account: str) -> None:
        try:
            self._backend.delete_password(SERVICE, account)
        except Exception:  # nothing stored, or the store is gone: nothing to remove
            return


def os_store_available() -> bool:
    """True when ``keyring`` finds a real credential store on this computer (not its fail/null ones)."""
    try:
        import keyring
        from keyring.backends import chainer, fail, null
    except ImportError:
        return False
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring configuration counts as none
        return False
    if isinstance(backend, fail.Keyring | null.Keyring):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        return bool(backend.backends)
    return True


def default_key_store() -> KeyStore:
    """The OS credential store where there is one (or ``LEITAI_KEY_STORE`` says so), else sealed-only."""
    choice = os.environ.get(ENV_KEY_STORE, "").strip().lower()
    if choice == "sealed":
        return SealedOnly()
    if choice == "os" or os_store_available():
        return OsKeyStore()
    return SealedOnly()
