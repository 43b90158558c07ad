"""Reading articles from files and folders, and the one-line reasons for bad ones."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from storyline.errors import ConfigError, InputError
from storyline.ingest.files import ReadOptions, iso_date, read_inputs, read_text_article

SEED = Path("/work/shared/corpus/jlr-chery")
PARA = (
    "JLR (Jaguar Land Rover) is in discussions with Chery centred around producing the Chinese "
    "automaker\u2019s vehicles at one of its plants in the UK.\n"
    "According to the Financial Times, the two firms are in the early discussions, which are being "
    "facilitated by the British government.\n"
)
PARA2 = (
    "Chery has announced plans to establish a European headquarters in Liverpool, supporting its "
    "growing Omoda and Jaecoo brands.\n"
)
PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Chery in talks to build cars at JLR plant | Motor Daily</title>
<meta property="og:site_name" content="Motor Daily">
<meta property="article:published_time" content="2026-01-28T09:15:00+00:00">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/reviews">Car reviews</a></li>
<li><a href="/subscribe">Subscribe to our newsletter</a></li></ul></nav></header>
<main><article>
<h1>Chery in talks to build cars at JLR plant</h1>
<p>JLR (Jaguar Land Rover) is in discussions with Chery centred around producing the Chinese
automaker's vehicles at one of its plants in the UK.</p>
<p>According to the Financial Times, the two firms are in the early discussions, which are being
facilitated by the British government. Members of the government, including Prime Minister Keir
Starmer, are currently in China for a series of wide-ranging trade negotiations.</p>
</article>
<aside class="advert"><p>Advertisement: get 0% finance on the new Omoda 5 this weekend only!</p>
</aside>
<section id="comments" class="comments"><h2>Comments</h2>
<div class="comment"><p>Reader42: This deal will never happen, mark my words.</p></div></section>
</main><footer><p>&copy; 2026 Motor Daily. All rights reserved.</p></footer></body></html>
"""


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def articles(outcomes):
    return [a for o in outcomes for a in o.articles]


def errors(outcomes):
    return [o.error for o in outcomes if not o.ok]


def test_header_block_is_parsed_into_metadata(tmp_path):
    header = "Outlet: CarExpert\nURL: https://example.com/chery-jlr\n"
    header += "Published: 2026-01-28T10:00:00Z\n"
    text = header + "Tags: cars\n---\n\n" + PARA
    [article] = articles(read_inputs([write(tmp_path / "a.txt", text)]))
    assert (article.source, article.url) == ("CarExpert", "https://example.com/chery-jlr")
    assert article.date == "2026-01-28"
    assert article.text == PARA


def test_text_without_header_is_kept_whole(tmp_path):
    [article] = articles(read_inputs([write(tmp_path / "a.txt", PARA)]))
    assert article.text == PARA and article.source is None and article.date is None


def test_colon_lines_without_closing_rule_are_text():
    text = "Context: The Evolving UK-China Automotive Relationship\n" + PARA
    assert read_text_article(text, "a.txt").text == text


def test_front_matter_opened_by_a_rule_is_a_header():
    article = read_text_article("---\ntitle: Chery and JLR in talks\n---\n" + PARA, "a.txt")
    assert (article.title, article.text) == ("Chery and JLR in talks", PARA)


def test_header_date_in_rfc_2822_is_normalised():
    article = read_text_article("date: Wed, 28 Jan 2026 09:15:00 +0000\n---\n" + PARA, "a.txt")
    assert article.date == "2026-01-28"


def test_crlf_and_utf8_bom_are_normalised(tmp_path):
    path = write(tmp_path / "a.txt", b"\xef\xbb\xbf" + PARA.replace("\n", "\r\n").encode("utf-8"))
    assert articles(read_inputs([path]))[0].text == PARA


def test_utf16_with_bom_is_read(tmp_path):
    path = write(tmp_path / "a.txt", PARA.encode("utf-16"))
    assert articles(read_inputs([path]))[0].text == PARA


def test_seed_folder_reads_three_articles_and_ignores_gold():
    outcomes = read_inputs([SEED])
    assert errors(outcomes) == []
    assert [a.id for a in articles(outcomes)] == sorted(p.name for p in SEED.glob("*.txt"))


def test_folder_skips_hidden_and_readme_files(tmp_path):
    write(tmp_path / "README.txt", "How these articles were collected.")
    write(tmp_path / ".draft.txt", PARA2)
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "b.txt", PARA2)
    write(tmp_path / "a.txt", PARA)
    assert [a.id for a in articles(read_inputs([tmp_path]))] == ["a.txt", "b.txt"]
    top_only = read_inputs([tmp_path], ReadOptions(recursive=False))
    assert [a.id for a in articles(top_only)] == ["a.txt"]


def test_file_named_explicitly_is_read_whatever_its_suffix(tmp_path):
    [article] = articles(read_inputs([write(tmp_path / "notes.md", PARA)]))
    assert article.text == PARA


def test_html_article_is_extracted_without_nav_advert_or_comments(tmp_path):
    [article] = articles(read_inputs([write(tmp_path / "page.html", PAGE)]))
    assert "in discussions with Chery centred around" in article.text
    assert "wide-ranging trade negotiations." in article.text
    for left_out in ("Subscribe to our newsletter", "Car reviews", "0% finance", "Reader42"):
        assert left_out not in article.text
    assert (article.source, article.date) == ("Motor Daily", "2026-01-28")
    assert "\nAccording to the Financial Times" in article.text  # paragraphs stay apart


BAD_INPUTS = {
    "empty": (b"", "empty file"),
    "whitespace": (b" \n\t\n", "empty file"),
    "binary": (b"\x00\x01\x02\x03" * 64, "binary"),
    "control-chars": (b"\x01\x02\x03\x1b[0m" * 64 + PARA.encode(), "control characters"),
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    "latin1": (("Caf\u00e9 owners say " + PARA).encode("latin-1", "replace"), "as UTF-8"),
    "utf16-no-bom": (PARA.encode("utf-16-le"), "UTF-16 without a byte-order mark"),
    "too-large": (PARA.encode() * 200, "over the"),
}


@pytest.mark.parametrize("kind", sorted(BAD_INPUTS))
def test_bad_text_file_gives_one_error_and_neighbour_is_read(tmp_path, kind):
    content, words = BAD_INPUTS[kind]
    bad = write(tmp_path / "bad.txt", content)
    write(tmp_path / "good.txt", PARA)
    outcomes = read_inputs([tmp_path], ReadOptions(max_bytes=20_000))
    [error] = errors(outcomes)
    assert error.startswith(f"{bad}: ") and words in error and "\n" not in error
    assert [a.id for a in articles(outcomes)] == ["good.txt"]


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        (
            "nav.html",
            "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            "<footer>&copy; 2026 Motor Daily</footer></body></html>",
            "no article text",
        ),
        (
            "cookies.html",
            "<html><head><title>Page not found</title></head><body><div id='cookie'>"
            "We use cookies to improve your experience on our site. Accept all cookies</div>"
            "</body></html>",
            "no article text",
        ),
        (
            "broken.json",
            '{"text": "a story" "title": "x"}',
            "not valid JSON (Expecting ',' delimiter",
        ),
        (
            "notext.json",
            '{"title": "Chery and JLR", "url": "https://example.com"}',
            'no "text" or "html"',
        ),
        ("number.json", "42", "expected an article object"),
    ],
)
def test_bad_html_or_json_gives_one_error_naming_it(tmp_path, name, content, words):
    write(tmp_path / name, content)
    write(tmp_path / "good.txt", PARA)
    outcomes = read_inputs([tmp_path])
    [error] = errors(outcomes)
    assert error.startswith(str(tmp_path / name)) and words in error
    assert len(articles(outcomes)) == 1


def test_missing_path_is_an_error_and_reading_goes_on(tmp_path):
    good = write(tmp_path / "good.txt", PARA)
    outcomes = read_inputs([tmp_path / "gone.txt", good])
    assert errors(outcomes) == [f"{tmp_path / 'gone.txt'}: no such file or folder"]
    assert len(articles(outcomes)) == 1


def test_jsonl_with_a_broken_line_keeps_the_good_records(tmp_path):
    lines = [
        json.dumps({"text": PARA, "source": "CarExpert", "date": "2026-01-28"}),
        '{"text": "half a record", ',
        "",
        json.dumps({"id": "x-2", "html": PAGE}),
    ]
    path = write(tmp_path / "news.jsonl", "\n".join(lines) + "\n")
    outcomes = read_inputs([path])
    problem = "not valid JSON (Expecting property name enclosed in double quotes)"
    assert errors(outcomes) == [f"{path}:2: {problem}"]
    first, second = articles(outcomes)
    assert (first.id, first.source, first.date) == ("news.jsonl#1", "CarExpert", "2026-01-28")
    assert first.text == PARA
    assert second.id == "x-2" and "wide-ranging trade negotiations" in second.text


def test_utf16_json_lines_is_one_error(tmp_path):
    path = write(tmp_path / "news.jsonl", (json.dumps({"text": PARA}) + "\n").encode("utf-16") * 3)
    assert errors(read_inputs([path])) == [f"{path}: JSON Lines must be UTF-8; re-save it as UTF-8"]


def test_json_list_reports_the_bad_record_by_position(tmp_path):
    path = write(tmp_path / "news.json", json.dumps([{"text": PARA}, {"text": 7}, {"text": PARA2}]))
    outcomes = read_inputs([path])
    assert errors(outcomes) == [f'{path}#2: "text" is a number, not a string']
    assert [a.id for a in articles(outcomes)] == ["news.json#1", "news.json#3"]


def test_gzip_is_read_by_its_inner_suffix(tmp_path):
    write(tmp_path / "a.txt.gz", gzip.compress(PARA.encode()))
    write(tmp_path / "b.jsonl.gz", gzip.compress(json.dumps({"text": PARA2}).encode()))
    outcomes = read_inputs([tmp_path])
    expected = [("a.txt.gz", PARA), ("b.jsonl.gz#1", PARA2)]
    assert [(a.id, a.text) for a in articles(outcomes)] == expected


def test_gzip_bomb_stops_at_the_limit(tmp_path):
    path = write(tmp_path / "big.txt.gz", gzip.compress(b"a" * 50_000))
    [outcome] = read_inputs([path], ReadOptions(max_bytes=10_000))
    limit = "the limit of 10,000 bytes (ReadOptions.max_bytes)"
    assert outcome.error == f"{path}: decompresses to over {limit}"


def test_duplicate_basenames_get_unique_ids(tmp_path):
    for folder, text in (("carexpert", PARA), ("jaguar-world", PARA2)):
        (tmp_path / folder).mkdir()
        write(tmp_path / folder / "story.txt", text)
    ids = [a.id for a in articles(read_inputs([tmp_path / "carexpert", tmp_path / "jaguar-world"]))]
    assert ids == ["story.txt", "jaguar-world/story.txt"]


def test_same_file_twice_is_read_once(tmp_path):
    path = write(tmp_path / "a.txt", PARA)
    assert len(articles(read_inputs([path, tmp_path]))) == 1


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-01-28T09:15:00-05:00", "2026-01-28"),
        ("Wed, 28 Jan 2026 09:15:00 GMT", "2026-01-28"),
        ("28 January 2026", "2026-01-28"),
        ("2026-01", "2026-01"),
        ("01/02/2026", None),
        ("last week", None),
        ("2026-02-30", None),
    ],
)
def test_iso_date(value, expected):
    assert iso_date(value) == expected


def test_options_refuse_a_zero_limit():
    with pytest.raises(ConfigError, match="max_bytes"):
        ReadOptions(max_bytes=0)


def test_input_error_is_one_line():
    error = InputError("news.txt", "not UTF-8 text\n(byte 0xe9)")
    assert (str(error), error.input) == ("news.txt: not UTF-8 text (byte 0xe9)", "news.txt")
