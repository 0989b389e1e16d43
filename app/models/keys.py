# SPDX-License-Identifier: Apache-2.0
"""Signing keys and what travelled: the organizer key, every issued judge package, merged bundle bytes."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow


class OrganizerKey(Base):
    """The workspace's Ed25519 key; the private half is sealed under the organizer's passphrase."""

    __tablename__ = "organizer_key"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    sealed: Mapped[dict[str, Any]]  # docs/bundle-format.md §5.3
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class IssuedPackage(Base):
    """A judge package the organizer built: the judge's public key for it binds the bundles it returns."""

    __tablename__ = "issued_package"

    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[str] = mapped_column(String(32), unique=True)
    serial: Mapped[int] = mapped_column(unique=True)
    judge_id: Mapped[int] = mapped_column(ForeignKey("judge.id"), index=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id"), index=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    case_ids: Mapped[list[Any]] = mapped_column(default=list)
    file_name: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class BundleContent(Base):
    """A merged score bundle file, kept so every result can be recomputed from the bundles alone.

    ``data`` is the file zlib-compressed (RFC 1950): ``zlib.decompress(data)`` gives its exact bytes,
    whose SHA-256 is ``ImportedBundle.sha256``.
    """

    __tablename__ = "bundle_content"

    id: Mapped[int] = mapped_column(primary_key=True)
    imported_bundle_id: Mapped[int] = mapped_column(ForeignKey("imported_bundle.id"), unique=True)
    serial: Mapped[int]  # the package serial; with the revision it orders a judge's bundles
    data: Mapped[bytes] = mapped_column(LargeBinary)
