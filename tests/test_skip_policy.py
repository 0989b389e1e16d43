# SPDX-License-Identifier: Apache-2.0
"""A skipped test fails the run unless its reason cannot hold in CI (tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["pytester"]


def test_a_skip_fails_unless_its_reason_cannot_hold_in_ci(pytester: pytest.Pytester) -> None:
    pytester.makeconftest((Path(__file__).parent / "conftest.py").read_text(encoding="utf-8"))
    pytester.makepyfile(
        """
        import pytest

        def test_skips_at_run_time():
            pytest.skip("the fixture data is not there")

        @pytest.mark.skipif(True, reason="needs a tool")
        def test_skips_when_set_up():
            pass

        @pytest.mark.skipif(True, reason="the CI machine builds the Linux bundle")
        def test_skips_for_an_allowed_reason():
            pass

        @pytest.mark.xfail(reason="a known bug", strict=True)
        def test_expected_to_fail():
            assert False

        def test_runs():
            pass
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1, errors=1, skipped=1, xfailed=1)
    result.stdout.fnmatch_lines(["*skipped (the fixture data is not there): a skip is a failure*"])
