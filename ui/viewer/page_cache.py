# SPDX-License-Identifier: Apache-2.0
"""Thread-safe LRU of rendered page images, bounded by bytes: memory stays flat however far a judge reads."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import NamedTuple

from PySide6.QtGui import QImage


class PageKey(NamedTuple):
    """What one cached image shows: ``tile`` is -1 for a whole page, else the index of a tile row."""

    doc: int
    page: int
    width_px: int
    tile: int = -1


class PageCache:
    """Images keyed by :class:`PageKey`; the least recently used go first once ``max_bytes`` is passed.

    The render thread puts, the GUI thread gets: a QImage is never modified after it is put, and QImage's
    implicit sharing is thread-safe, so handing one across is safe.
    """

    def __init__(self, max_bytes: int) -> None:
        self._lock = threading.Lock()
        self._items: OrderedDict[PageKey, QImage] = OrderedDict()
        self._bytes = 0
        self.max_bytes = max_bytes

    @property
    def bytes(self) -> int:
        """Bytes held now (image buffers only)."""
        return self._bytes

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        with self._lock:
            return key in self._items

    def get(self, key: PageKey) -> QImage | None:
        """The image for ``key`` (now the most recently used), or None."""
        with self._lock:
            image = self._items.get(key)
            if image is not None:
                self._items.move_to_end(key)
            return image

    def put(self, key: PageKey, image: QImage) -> None:
        """Keep ``image``; evict the least recently used until the budget holds (the new one stays)."""
        size = image.sizeInBytes()
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= old.sizeInBytes()
            self._items[key] = image
            self._bytes += size
            self._evict_locked(keep=key)

    def touch(self, key: PageKey) -> bool:
        """Mark ``key`` as just used (so a page about to be shown is not evicted); False if absent."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return True
            return False

    def best_for(self, doc: int, page: int) -> QImage | None:
        """The sharpest whole-page image of a page at any size, to stand in while the right size renders."""
        with self._lock:
            best: QImage | None = None
            for key, image in self._items.items():
                if (
                    key.doc == doc
                    and key.page == page
                    and key.tile == -1
                    and (best is None or image.width() > best.width())
                ):
                    best = image
            return best

    def drop_doc(self, doc: int) -> None:
        """Forget every image of a closed document."""
        with self._lock:
            for key in [k for k in self._items if k.doc == doc]:
                self._bytes -= self._items.pop(key).sizeInBytes()

    def set_budget(self, max_bytes: int) -> None:
        """Change the budget, evicting at once if it shrank."""
        with self._lock:
            self.max_bytes = max_bytes
            self._evict_locked(keep=None)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0

    def _evict_locked(self, keep: PageKey | None) -> None:
        while self._bytes > self.max_bytes and len(self._items) > (1 if keep is not None else 0):
            key, image = next(iter(self._items.items()))
            if key == keep:
                self._items.move_to_end(key)
                continue
            del self._items[key]
            self._bytes -= image.sizeInBytes()
