# SPDX-License-Identifier: Apache-2.0
"""The organizer's results page (issue 11): rankings, judge consistency, the cusp list, draws, overrides,
votes, exports and verification — a page of the main window, reached from the organizer's toolbar."""
