"""The web app end to end, in a real headless browser: Debian's Chromium driven
by Selenium through the system chromedriver (installed by .ci/run).

The app runs with uvicorn on a free loopback port over a real SQLite store
holding the seed story. A screenshot of the story page is written to
tests/_output/story.png to be looked at.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.web_support import NEW_ARTICLE, SCRIPT_ARTICLE, live_server, seed_store

CHROMIUM = os.environ.get("STORYLINE_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("STORYLINE_CHROMEDRIVER", "/usr/bin/chromedriver")
OUTPUT = Path(__file__).resolve().parent / "_output"
WAIT_S = 60  # adding an article parses it with spaCy: seconds on a slow machine


def _driver(profile: str):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--window-size=1280,900",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


@pytest.fixture(scope="module")
def browser():
    """A headless Chromium; skipped where it cannot start, except in CI, where it must."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SE_OFFLINE", "true")  # Selenium Manager must never try to download a driver
        yield from _browser()


def _browser():
    profile = tempfile.mkdtemp(prefix="storyline-chromium-")
    try:
        if not (os.access(CHROMIUM, os.X_OK) and os.access(CHROMEDRIVER, os.X_OK)):
            raise RuntimeError(
                f"{CHROMIUM} or {CHROMEDRIVER} is missing "
                "(apt-get install chromium chromium-driver)"
            )
        driver = _driver(profile)
    except Exception as e:  # noqa: BLE001 - any failure to start means no browser here
        shutil.rmtree(profile, ignore_errors=True)
        if os.environ.get("CI"):
            raise
        pytest.skip(f"headless Chromium cannot be started here: {e}")
    driver.set_page_load_timeout(WAIT_S)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """(base URL, story id) of the app serving a store that holds the seed story."""
    from storyline.web import create_app, open_source

    db = tmp_path_factory.mktemp("browser") / "stories.db"
    story = seed_store(db)
    source = open_source(db)
    app = create_app(source)
    with live_server(app) as base:
        yield base, story
    app.state.jobs.close()
    source.close()


def _wait(driver, condition, timeout: float = WAIT_S):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition)


def _css(driver, selector: str):
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, selector)


def _all(root, selector: str):
    from selenium.webdriver.common.by import By

    return root.find_elements(By.CSS_SELECTOR, selector)


def _screenshot(driver, path: Path, height: int = 2600) -> None:
    """The top of the page, ``height`` pixels of it (a whole story page is too long to look at)."""
    driver.execute_script("window.scrollTo(0, 0)")
    full = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, min(full, height))
    path.parent.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(path))
    driver.set_window_size(1280, 900)


def test_clicking_the_disputed_claim_shows_both_sides_highlighted(browser, site):
    base, story = site
    browser.get(f"{base}/story/{story}")
    section = _css(browser, "#key-claims")
    claim = next(
        c
        for c in _all(section, "details.claim")
        if _all(c, "mark.certain") and _all(c, "mark.negated")
    )
    marks = _all(claim, "mark")
    assert not any(m.is_displayed() for m in marks)  # closed until clicked
    _css(claim, "summary").click()
    affirm = [m for m in _all(claim, "mark.certain") if m.is_displayed()]
    deny = [m for m in _all(claim, "mark.negated") if m.is_displayed()]
    assert affirm and deny
    outlets = {e.text for e in _all(claim, ".outlet")}
    assert "Jaguar Enthusiast Magazine" in outlets and len(outlets) >= 2
    assert "no deal has been announced" in " ".join(m.text for m in deny)
    _screenshot(browser, OUTPUT / "story.png")

    words = deny[0].text
    deny[0].click()  # the words link to the article, scrolled to them
    focus = _wait(browser, lambda d: _all(d, "#focus"))[0]
    assert focus.text.startswith(words)
    assert browser.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return r.top >= 0 && r.bottom <= innerHeight;",
        focus,
    )
    assert _css(focus, "mark").value_of_css_property("outline-style") == "solid"
    _screenshot(browser, OUTPUT / "article.png", 1400)


def test_an_article_added_through_the_page_updates_the_story(browser, site):
    base, story = site
    browser.get(f"{base}/story/{story}")
    before = len(_all(browser, "#articles li"))
    form = _css(browser, "#add form")
    browser.execute_script("arguments[0].value = arguments[1]", _css(form, "textarea"), NEW_ARTICLE)
    _css(form, "button[type=submit]").click()
    progress = _css(form, ".progress")  # shown by the script at once: reading takes a while
    assert progress.is_displayed() and _css(progress, ".status").text
    # the script polls the job, then goes to the story
    _wait(browser, lambda d: "job=" in d.current_url)
    assert "1 article added" in _css(browser, "#added").text
    titles = [e.text for e in _all(browser, "#articles li")]
    assert len(titles) == before + 1 and any(
        "JLR and Chery stay quiet on Halewood" in t for t in titles
    )
    assert "4 articles" in _css(browser, ".lede").text


def test_a_script_inside_an_article_is_shown_as_text(browser, site):
    base, story = site
    browser.get(f"{base}/story/{story}")
    form = _css(browser, "#add form")
    browser.execute_script(
        "arguments[0].value = arguments[1]", _css(form, "textarea"), SCRIPT_ARTICLE
    )
    _css(form, "button[type=submit]").click()
    _wait(browser, lambda d: "job=" in d.current_url)
    link = next(a for a in _all(browser, "#added a") if a.text.startswith("pasted-"))
    link.click()
    _wait(browser, lambda d: _all(d, "article.doc"))
    text = _css(browser, "article.doc .text").text
    assert (
        "<script>window.__pwned=1</script>" in text
        and '<img src=x onerror="window.__pwned=2">' in text
    )
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    assert "<b>Bold</b>" in _css(browser, "h1").text
    browser.get(f"{base}/story/{story}")
    assert browser.execute_script("return typeof window.__pwned") == "undefined"


def test_a_claim_links_to_its_origins_words(browser, site):
    base, story = site
    browser.get(f"{base}/story/{story}")
    found = [
        c
        for c in _all(browser, "details.claim")
        # Whatever else the story has added, the Financial Times stays an origin.
        if re.search(r"independent sources? \([^)]*Financial Times", c.get_attribute("textContent"))
    ]
    assert found
    claim = next((c for c in found if c.is_displayed()), found[0])
    if not claim.is_displayed():  # in the long tail: open it first, as a reader would
        _css(browser, "details.tail > summary").click()
    _css(claim, "summary").click()
    origin = next(a for a in _all(claim, "a.origin") if "Financial Times" in a.text)
    assert origin.is_displayed() and "According to the Financial Times" in origin.text
    origin.click()  # to the words that name the origin, in the relaying article
    focus = _wait(browser, lambda d: _all(d, "#focus"))[0]
    assert focus.text.startswith("According to the Financial Times")
    assert "CarExpert" in _css(browser, "h1").text or "CarExpert" in browser.page_source
