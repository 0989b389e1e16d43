# SPDX-License-Identifier: Apache-2.0
"""Keys: the organizer's sealed Ed25519 key, per-package judge keys, access codes (bundle-format.md §5)."""

from __future__ import annotations

import hashlib
import os
import secrets
import sys
import unicodedata
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.bundles import MIN_PASSPHRASE, PASSPHRASE_ENV
from app.bundles.canonical import FormatError, b64, unb64
from app.errors import DomainError
from app.glossary.cli import PROMPTS
from app.models import OrganizerKey

#: scrypt cost (RFC 7914): ~32 MiB and ~0.1 s per try, so guessing a 60-bit access code is hopeless.
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
#: Crockford's base32 alphabet: no I, L, O, U, so codes read out by phone are not misheard.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 12
#: DER prefix of an Ed25519 SubjectPublicKeyInfo; + 32 raw bytes = the key as OpenSSL reads it.
SPKI_PREFIX = bytes.fromhex("302a300506032b6570032100")


def new_access_code() -> str:
    """A fresh access code, 60 random bits, written ``XXXX-XXXX-XXXX``."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def normalise_code(code: str) -> str:
    """Read a code the way people type it: spaces and dashes dropped, O as 0, I and L as 1."""
    text = "".join(code.split()).replace("-", "").upper()
    text = text.replace("O", "0").replace("I", "1").replace("L", "1")
    if len(text) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in text):
        raise DomainError("access_code_format", length=CODE_LENGTH)
    return text


def _kdf(password: bytes, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(password)


def seal(secret: bytes, password: bytes, aad: bytes) -> dict[str, Any]:
    """Encrypt ``secret`` under a password: scrypt → AES-256-GCM with associated data (§5.3)."""
    salt = os.urandom(16)
    nonce = os.urandom(12)
    key = _kdf(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return {
        "aead": "AES-256-GCM",
        "ciphertext": b64(AESGCM(key).encrypt(nonce, secret, aad)),
        "kdf": "scrypt",
        "n": SCRYPT_N,
        "nonce": b64(nonce),
        "p": SCRYPT_P,
        "r": SCRYPT_R,
        "salt": b64(salt),
    }


def check_sealed(sealed: Any) -> None:
    """Refuse a sealed-key object with the wrong shape (FormatError)."""
    if not isinstance(sealed, dict) or set(sealed) != {
        "aead",
        "ciphertext",
        "kdf",
        "n",
        "nonce",
        "p",
        "r",
        "salt",
    }:
        raise FormatError("sealed key: wrong fields")
    if sealed["aead"] != "AES-256-GCM" or sealed["kdf"] != "scrypt":
        raise FormatError("sealed key: unknown algorithm")
    for name, low, high in (("n", 2**10, 2**20), ("r", 1, 32), ("p", 1, 16)):
        value = sealed[name]
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise FormatError(f"sealed key: {name} out of range")
    if sealed["n"] & (sealed["n"] - 1):
        raise FormatError("sealed key: n must be a power of two")
    unb64(sealed["salt"], 16, "salt")
    unb64(sealed["nonce"], 12, "nonce")
    unb64(sealed["ciphertext"], 48, "ciphertext")


def unseal(sealed: dict[str, Any], password: bytes, aad: bytes) -> bytes | None:
    """The sealed secret, or None when the password (or the associated data) is wrong."""
    check_sealed(sealed)
    key = _kdf(password, unb64(sealed["salt"]), sealed["n"], sealed["r"], sealed["p"])
    try:
        return AESGCM(key).decrypt(unb64(sealed["nonce"]), unb64(sealed["ciphertext"]), aad)
    except InvalidTag:
        return None


def raw_private(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def raw_public(key: Ed25519PrivateKey | Ed25519PublicKey) -> bytes:
    pub = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def verify(public_key: bytes, signature: bytes, payload: bytes) -> bool:
    """Plain Ed25519 (RFC 8032) over ``payload``: what ``openssl pkeyutl -verify -rawin`` checks."""
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, payload)
    except (InvalidSignature, ValueError):
        return False
    return True


def public_pem(public_key: bytes) -> bytes:
    """A raw public key as PEM SubjectPublicKeyInfo, for ``openssl pkeyutl -inkey``."""
    key = Ed25519PublicKey.from_public_bytes(public_key)
    return key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def fingerprint(public_key: bytes) -> str:
    """What people compare by phone: the first 16 hex digits of SHA-256 of the key, in four groups."""
    digest = hashlib.sha256(public_key).hexdigest()[:16]
    return " ".join(digest[i : i + 4] for i in range(0, 16, 4))


def judge_key_aad(competition_uid: str, package_id: str, judge_code: str, organizer_key: bytes) -> bytes:
    return f"leitai-judge-key/1|{competition_uid}|{package_id}|{judge_code}|{b64(organizer_key)}".encode()


def _organizer_aad(competition_uid: str) -> bytes:
    return f"leitai-organizer-key/1|{competition_uid}".encode()


def _passphrase_bytes(passphrase: str) -> bytes:
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def organizer_public_key(s: Session) -> bytes | None:
    """The workspace's organizer public key, or None before it has one."""
    row = s.scalars(select(OrganizerKey).order_by(OrganizerKey.id)).first()
    return row.public_key if row else None


def ensure_organizer_key(s: Session, competition_uid: str, passphrase: str) -> Ed25519PrivateKey:
    """The organizer's signing key, unlocked; made (and sealed under ``passphrase``) if there is none."""
    row = s.scalars(select(OrganizerKey).order_by(OrganizerKey.id)).first()
    if row is None:
        if len(passphrase) < MIN_PASSPHRASE:
            raise DomainError("weak_passphrase", min_length=MIN_PASSPHRASE)
        key = Ed25519PrivateKey.generate()
        s.add(
            OrganizerKey(
                public_key=raw_public(key),
                sealed=seal(raw_private(key), _passphrase_bytes(passphrase), _organizer_aad(competition_uid)),
            )
        )
        audit.record(s, "organizer_key.create", fingerprint(raw_public(key)))
        return key
    seed = unseal(row.sealed, _passphrase_bytes(passphrase), _organizer_aad(competition_uid))
    if seed is None:
        raise DomainError("bad_passphrase")
    return Ed25519PrivateKey.from_private_bytes(seed)


def read_passphrase(passphrase_file: Path | None, prompt: str | None = None) -> str:
    """The organizer passphrase for a headless command: ``--passphrase-file``, then ``$LEITAI_PASSPHRASE``,
    then a no-echo prompt when stdin is a terminal; otherwise ``passphrase_required``."""
    if passphrase_file is not None:
        try:
            text = passphrase_file.read_text(encoding="utf-8")
        except OSError as exc:
            raise DomainError(
                "passphrase_file", path=str(passphrase_file), reason=exc.strerror or str(exc)
            ) from exc
        lines = text.splitlines()
        return lines[0] if lines else ""
    env = os.environ.get(PASSPHRASE_ENV)
    if env is not None:
        return env
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        return getpass.getpass(prompt if prompt is not None else PROMPTS["passphrase"].text())
    raise DomainError("passphrase_required", env=PASSPHRASE_ENV)
