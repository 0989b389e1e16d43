# SPDX-License-Identifier: Apache-2.0
"""Judging: rosters, conflicts of interest, assignment, rubric and scores."""

#: How many judges score each case when a round's assignment is made round-robin.
DEFAULT_JUDGES_PER_CASE = 3
