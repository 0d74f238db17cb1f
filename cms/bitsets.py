"""Sets of rows as Python integers, bit ``i`` standing for row ``i`` of a list kept beside them.

The listings' facet indexes (``offers.offer_index``) answer a query with a few ``&`` and ``int.bit_count()``
over these: both run in C over 64 rows a word, where a set of ten thousand ids costs a Python step per id. The
conversions go through a string of binary digits, which CPython reads and writes in linear time.
"""

from itertools import compress

_TO_FLAGS = bytes.maketrans(b"01", b"\x00\x01")
_TO_DIGITS = bytes.maketrans(b"\x00\x01", b"01")


def from_flags(flags):
    """The set of the rows whose flag (a byte, 0 or 1) is 1 in ``flags``."""
    if not flags:
        return 0
    return int(bytes(flags).translate(_TO_DIGITS)[::-1], 2)


def from_positions(positions, size):
    """The set of the rows at ``positions`` (each below ``size``)."""
    flags = bytearray(size)
    for position in positions:
        flags[position] = 1
    return from_flags(flags)


def full(size):
    """Every one of ``size`` rows."""
    return (1 << size) - 1


def flags(rows, size):
    """One byte per row, 1 for the rows of ``rows``, in row order (for ``itertools.compress``)."""
    if not size:
        return b""
    return format(rows, f"0{size}b").encode()[::-1].translate(_TO_FLAGS)


def members(rows, items):
    """The items (a list in row order) of the rows of ``rows``, in that order."""
    return list(compress(items, flags(rows, len(items))))
