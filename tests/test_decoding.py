"""Decoding scripts saved by Japanese tools in any of the usual encodings."""

from __future__ import annotations

import pytest

from jargonlint.decoding import BinaryFileError, InputError, decode

TEXT = "OP：ｽﾏｰﾄﾒｰﾀｰの交換は無料です。\r\n客：ありがとう。"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("cp932"), "cp932"),
        (TEXT.encode("euc_jp"), "euc_jp"),
    ],
)
def test_detects_japanese_encodings(data: bytes, encoding: str) -> None:
    decoded = decode(data)
    assert decoded.encoding == encoding
    assert decoded.text == TEXT


def test_cp932_only_characters() -> None:
    text = "①お客様の㈱名義でのご契約です"  # NEC special characters exist only in CP932
    assert decode(text.encode("cp932")).text == text


def test_forced_encoding() -> None:
    assert decode(TEXT.encode("cp932"), "cp932").text == TEXT


def test_forced_encoding_that_does_not_fit() -> None:
    with pytest.raises(InputError, match="cannot decode as utf-8"):
        decode(TEXT.encode("cp932"), "utf-8")


def test_unknown_forced_encoding() -> None:
    with pytest.raises(InputError, match="unknown encoding"):
        decode(b"abc", "klingon")


def test_binary_is_its_own_error() -> None:
    with pytest.raises(BinaryFileError):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_undecodable_bytes() -> None:
    with pytest.raises(InputError, match="cannot detect the encoding"):
        decode(b"\x81\x7f\xff\xfe\xa0\xfd")
