# SPDX-License-Identifier: Apache-2.0
"""The audit log: every change an organizer makes is written in the same transaction as the change."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.models import AuditEvent


def record(session: Session, action: str, target: str = "", actor: str = "organizer", **detail: Any) -> None:
    """Add an audit event to ``session``; it commits (or rolls back) with the change it describes."""
    session.add(AuditEvent(action=action, target=target, actor=actor, detail=detail))
