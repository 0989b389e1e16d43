# SPDX-License-Identifier: Apache-2.0
"""The organizer's judging desk (issue 10): rounds, the judge roster, the assignment matrix, packages
and access codes, merging score bundles and following each judge's progress — all on ``app`` services."""
