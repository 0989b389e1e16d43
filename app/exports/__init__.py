# SPDX-License-Identifier: Apache-2.0
"""Files the app writes for people to open elsewhere (workbooks, reports); every export goes through here."""
