# SPDX-License-Identifier: Apache-2.0
"""Viewers a judge reads and watches cases with: the PDF reader and the video player."""
