# SPDX-License-Identifier: Apache-2.0
"""The judge's workspace: open a package, read and watch each case, score it, export the signed bundle."""
