# SPDX-License-Identifier: Apache-2.0
"""A live round's session (no Qt): setup and draw, timers, scenes as plain state, scores as they land,
and the LAN receiver judges post their bundles to."""
