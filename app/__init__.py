# SPDX-License-Identifier: Apache-2.0
"""Leitai's domain and services. Nothing below this package imports Qt (see tests/app/test_no_qt.py)."""

__version__ = "0.1.0"
