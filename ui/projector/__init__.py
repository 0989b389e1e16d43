# SPDX-License-Identifier: Apache-2.0
"""The live semifinal in the hall: the projector window, the operator console and their shared model."""
