# SPDX-License-Identifier: Apache-2.0
"""What helps when something goes wrong on a user's computer, without Qt: the self-test
(``selftest``), the rotating log (``logs``) and the diagnostics report (``report``)."""
