# SPDX-License-Identifier: Apache-2.0
"""Judge packages and signed score bundles: format, keys, build, verify, merge (docs/bundle-format.md)."""

# Names the command line shows in its help: kept here, in the package's light __init__, so building
# the parser need not import cryptography or SQLAlchemy (tests/app/test_cli_startup.py).

#: Organizer passphrase of every demo workspace (documented in the README and --help).
DEMO_PASSPHRASE = "leitai-demo"
#: Environment variable a headless command reads the organizer passphrase from.
PASSPHRASE_ENV = "LEITAI_PASSPHRASE"
#: Shortest organizer passphrase a new workspace accepts: it protects every package's signature.
MIN_PASSPHRASE = 8
#: File name suffix of a judge package (here, not in package.py, so the GUI's start page can accept a
#: dropped package without importing the package code).
PACKAGE_SUFFIX = ".leitai-pkg"
