# SPDX-License-Identifier: Apache-2.0
"""The organizer's views: case table, filters, details (and, later, import and screening)."""
