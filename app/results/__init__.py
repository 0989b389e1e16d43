# SPDX-License-Identifier: Apache-2.0
"""Results: from merged, submitted scores to ranked groups, the season's awards, judge consistency, the
cusp list, public votes, exports, and a verification that recomputes everything from the signed bundles.

For the GUI (every call one user action, plain frozen values back — ``app.results.types``):

- ``service.result_rounds(ws)`` → the rounds with results; ``service.round_results(ws, key)`` →
  ``RoundResults`` (groups of ``RankedCase`` with marks, awards and tie notes, ``counts`` incl. drafts,
  ``consistency.chart`` for the chart, ``cusp``, ``pending`` draws, ``overrides``, ``draws``);
  ``service.season_awards(ws)`` → hospital awards;
- ``service.set_method``, ``service.record_draws``, ``service.override_award``; ``votes.import_votes``;
- ``exports.export_round(ws, key, xlsx=…, pdf=…, certificates=…)``; ``verify.verify_workspace(ws)``;
- ``text``: award / method names, tie notes, count lines as every surface words them.

The engine itself is pure (``scoring``, ``ranking``, ``awards``, ``consistency``, ``compute``); ``frame``
reads a round from the workspace.
"""
