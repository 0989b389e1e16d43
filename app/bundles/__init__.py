# SPDX-License-Identifier: Apache-2.0
"""Judge packages and signed score bundles: format, keys, build, verify, merge (docs/bundle-format.md)."""
