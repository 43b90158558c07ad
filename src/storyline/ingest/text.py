"""Bytes to text, strictly: UTF-8, or UTF-8/16/32 with a byte-order mark.

No encoding is guessed: a guess that is wrong turns a name or a figure into
other characters without a word, so a file that is not UTF-8 is refused with
a reason and the fix (re-save it as UTF-8). Binary files are told apart first
so they get a reason of their own.
"""

from __future__ import annotations

import codecs
import re

from storyline.errors import InputError

__all__ = ["SNIFF_BYTES", "bom_encoding", "check_text_head", "decode_text"]

SNIFF_BYTES = 8192  # how much of a file is looked at to tell text from binary
# Control characters (other than whitespace) in decoded text: 0 in every
# article seen; ~11 % in random bytes. Above this share it is not text.
MAX_CONTROL_SHARE = 0.05
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # category Cc, less \t \n \v \f \r
# UTF-32 LE before UTF-16 LE: its mark begins with UTF-16 LE's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Signatures of the binary files people most often pass by mistake.
_MAGIC = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP or Office document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x1f\x8b", "gzip data"),
    (b"{\\rtf", "RTF document"),
    (b"\xd0\xcf\x11\xe0", "old Office document"),
)


def bom_encoding(data: bytes) -> str | None:
    """The codec named by the byte-order mark ``data`` starts with, if any."""
    return next((encoding for mark, encoding in _BOMS if data.startswith(mark)), None)


def check_text_head(name: str, head: bytes) -> None:
    """Raise InputError where the first bytes of ``name`` are plainly not text."""
    if bom_encoding(head):
        return
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise InputError(name, f"binary file ({what}), not text")
    if b"\x00" in head:
        # UTF-16 without a mark: one byte of each pair is NUL for Latin text.
        if max(head[0::2].count(0), head[1::2].count(0)) > len(head) // 4:
            problem = "looks like UTF-16 without a byte-order mark; re-save it as UTF-8"
            raise InputError(name, problem)
        raise InputError(name, "binary file (NUL bytes), not text")


def decode_text(name: str, data: bytes) -> str:
    """The text of ``data``; InputError, one line, where it is binary or not UTF-8."""
    check_text_head(name, data[:SNIFF_BYTES])
    encoding = bom_encoding(data) or "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        label = encoding.upper().removesuffix("-SIG")
        raise InputError(
            name,
            f"not {label} text (byte 0x{data[e.start]:02x} on line {line}); re-save it as UTF-8",
        ) from None
    head = text[:SNIFF_BYTES]
    if len(_CONTROL.findall(head)) > MAX_CONTROL_SHARE * len(head):
        raise InputError(name, "binary file (mostly control characters), not text")
    return text
