# SPDX-License-Identifier: Apache-2.0
"""Leitai's Qt interface: widgets and models that call ``app`` services.

This package file must not import Qt: the ``leitai`` console entry (``ui.launch``) lives here and runs
headless commands without loading PySide6. Qt is imported by the modules below it, never here.
"""
