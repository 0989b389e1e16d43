# SPDX-License-Identifier: Apache-2.0
"""Results: from merged, submitted scores to ranked groups, the season's awards, judge consistency, the
cusp list, public votes, exports, and a verification that recomputes everything from the signed bundles.

- ``types``: the frozen values that go in and come out (the GUI builds on these).
- ``scoring``, ``ranking``, ``awards``, ``consistency``, ``compute``: the pure engine.
- ``service``: reads a round from the workspace and computes it; settings, draws and overrides.
- ``votes``, ``verify``, ``export_xlsx``, ``export_pdf``, ``certificates``: the rest of issue #11.
"""
