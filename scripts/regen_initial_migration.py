# SPDX-License-Identifier: Apache-2.0
"""Regenerate migration 0001 from the models. Only valid until the first release ships a workspace.

After that, every schema change is a new revision (``alembic revision --autogenerate``) instead.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from alembic import command

from app.db import MIGRATIONS_DIR, alembic_config, make_engine

for old in (MIGRATIONS_DIR / "versions").glob("0001_*.py"):
    old.unlink()
with tempfile.TemporaryDirectory() as tmp:
    engine = make_engine(Path(tmp) / "empty.db")
    command.revision(alembic_config(engine), message="initial schema", autogenerate=True, rev_id="0001")
print("regenerated", *(MIGRATIONS_DIR / "versions").glob("0001_*.py"))
subprocess.run([sys.executable, "-m", "ruff", "format", "-q", str(MIGRATIONS_DIR / "versions")], check=False)
