"""What an article without metadata says about itself."""

from __future__ import annotations

from storyline.article.boilerplate import find_skipped
from storyline.article.infer import infer_outlet, infer_year
from storyline.article.nlp import parse


def test_outlet_from_its_own_promotion(seed_dir):
    text = (seed_dir / "000_64c66f37abeed904.txt").read_text(encoding="utf-8")
    assert infer_outlet(text, find_skipped("a", text)).value == "CarExpert"


def test_outlet_from_a_masthead_in_a_first_person_sentence(seed_dir):
    text = (seed_dir / "002_50c374e0f5b8e657.txt").read_text(encoding="utf-8")
    assert infer_outlet(text, find_skipped("a", text)).value == "Jaguar Enthusiast Magazine"


def test_outlet_from_a_wire_dateline():
    text = "LONDON (Reuters) - The company said on Tuesday it would cut 500 jobs."
    assert infer_outlet(text, ()).value == "Reuters"


def test_no_outlet_where_the_article_never_names_itself(seed_dir):
    text = (seed_dir / "001_82b79b81d5b37816.txt").read_text(encoding="utf-8")
    assert infer_outlet(text, find_skipped("a", text)) is None


def test_year_after_the_latest_past_year_when_text_says_last_year():
    doc = parse("The company suffered a blow in 2025. The brand sold 5,500 cars last year.")
    assert infer_year(doc).value == "2026"


def test_no_year_without_a_relative_year():
    assert infer_year(parse("The two companies have operated a venture since 2012.")) is None


def test_future_targets_do_not_date_the_article():
    doc = parse(
        "The government wants 1.3 million cars a year by 2035. Makers built 738,000 last year."
    )
    assert infer_year(doc) is None


def test_date_from_a_byline_near_the_top():
    from storyline.article.infer import infer_date

    doc = parse(
        "Steelmaker in rescue talks\nPublished 4 March 2026\n"
        "The company said on Tuesday it was in talks."
    )
    assert infer_date(doc).value == "2026-03-04"


def test_a_date_deep_in_the_text_is_no_byline():
    from storyline.article.infer import infer_date

    lines = "\n".join(f"Paragraph {i} of the story says little." for i in range(10))
    assert infer_date(parse(lines + "\n4 March 2026")) is None
