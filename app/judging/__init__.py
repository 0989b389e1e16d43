# SPDX-License-Identifier: Apache-2.0
"""Judging: rosters, conflicts of interest, assignment, rubric and scores."""
