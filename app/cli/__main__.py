# SPDX-License-Identifier: Apache-2.0
import sys

from app.cli import main

sys.exit(main())
