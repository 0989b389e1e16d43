# SPDX-License-Identifier: Apache-2.0
"""Rounds of a season: their cases (who admitted them and why), judges, settings and state, and the
advance of cases from one round to the next by the season's rule (a proposal the organizer adjusts)."""
