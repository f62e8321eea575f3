#!/usr/bin/env python3
"""Opens the built site in headless Chromium from file:// and checks it as a reader sees it.

Usage: site_check.py SITE_DIR OUT_DIR

For the index, a body page and a comparison page, at desktop (1280 px) and phone (390 px)
widths: a full-page screenshot (OUT_DIR/*.png) and the DOM after the scripts ran
(OUT_DIR/*.dom.html). Then asserts on the DOM: the 868 row and the headline of the Lạng Sơn
bloc's 2015-2020 page, a chart's SVG with its title, the lang attributes, and that pressing a
sort button (a click, then Enter from the keyboard) changes the rows' order and sets aria-sort,
and that no page scrolls sideways at either width (wide tables scroll inside their box).
Prints one line per finding; exits 1 if an assertion fails.
"""
import json
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

site, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
failures = []
report = {}


def check(ok, what):
    print(("ok: " if ok else "FAIL: ") + what)
    if not ok:
        failures.append(what)


options = webdriver.ChromeOptions()
for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
            "--force-device-scale-factor=1", "--lang=vi"]:
    options.add_argument(arg)
binary = next((b for b in ["/usr/bin/chromium", "/usr/bin/chromium-browser"] if os.path.exists(b)), None)
if binary:
    options.binary_location = binary
driver_path = next((d for d in ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"] if os.path.exists(d)), None)
driver = webdriver.Chrome(service=Service(driver_path) if driver_path else Service(), options=options)

pages = {
    "index": "index.html",
    "body": "lang-son-khoi-cac-co-quan-2015-2020.html",
    "facts": "quang-ninh-khoi-cac-co-quan-so-lieu.html",
    "compare": "so-sanh-1.html",
    "body-en": "lang-son-khoi-cac-co-quan-2015-2020.en.html",
}


def url(name):
    return "file://" + os.path.abspath(os.path.join(site, name))


def shoot(key, width):
    driver.set_window_size(width, 900)
    driver.get(url(pages[key]))
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(width, min(max(height, 600), 12000))
    overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    report[f"{key}-{width}-overflow"] = overflow
    driver.save_screenshot(os.path.join(out, f"{key}-{width}.png"))
    with open(os.path.join(out, f"{key}-{width}.dom.html"), "w", encoding="utf-8") as f:
        f.write(driver.page_source)
    return overflow


try:
    for key in pages:
        for width in (1280, 390):
            overflow = shoot(key, width)
            check(overflow <= 0, f"{key} at {width} px: no horizontal overflow ({overflow} px)")

    # The body page: headline, the 868 row, a chart with its title, the language.
    driver.set_window_size(1280, 900)
    driver.get(url(pages["body"]))
    check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "vi", "the Vietnamese page says lang=vi")
    headline = driver.find_element(By.CSS_SELECTOR, "p.headline").text
    check(headline.startswith("Có 1/17 chỉ tiêu đạt và vượt"), f"the headline is shown: {headline!r}")
    rows = [r.text for r in driver.find_elements(By.CSS_SELECTOR, "table.targets tbody tr")]
    row868 = [r for r in rows if "868" in r and "115,7 %" in r]
    check(len(row868) == 1 and "vượt" in row868[0], f"the 868 row shows 115,7 % and vượt: {row868!r}")
    titles = [t.get_attribute("textContent") for t in driver.find_elements(By.CSS_SELECTOR, "svg.chart title")]
    check(any(t.strip() for t in titles), f"a chart's SVG has a title: {titles[:2]!r}")
    details = driver.find_elements(By.CSS_SELECTOR, "details summary")
    check(any(d.text == "Cách tính" for d in details), "Cách tính is a <details> on demand")
    landmarks = [len(driver.find_elements(By.TAG_NAME, t)) for t in ("header", "nav", "main", "footer")]
    check(all(n >= 1 for n in landmarks), f"landmarks header, nav, main, footer: {landmarks}")

    driver.get(url(pages["body-en"]))
    check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en", "the English page says lang=en")
    check("115.7%" in driver.find_element(By.TAG_NAME, "main").text, "English numbers: 115.7%")

    # The comparison page: sorting by click and by Enter.
    driver.get(url(pages["compare"]))
    table = driver.find_element(By.CSS_SELECTOR, "table.sortable")

    def order():
        return [r.find_elements(By.TAG_NAME, "td")[0].text for r in table.find_elements(By.CSS_SELECTOR, "tbody tr")]

    before = order()
    buttons = table.find_elements(By.CSS_SELECTOR, "th button")
    figure_button = buttons[3]
    figure_button.click()
    after_click = order()
    th = figure_button.find_element(By.XPATH, "..")
    check(after_click != before, f"clicking the figure column's button reorders the rows: {before} -> {after_click}")
    check(th.get_attribute("aria-sort") in ("ascending", "descending"), f"aria-sort is set: {th.get_attribute('aria-sort')!r}")
    figure_button.send_keys(Keys.ENTER)
    after_enter = order()
    check(after_enter == list(reversed(after_click)) or after_enter != after_click,
          f"pressing Enter on it sorts the other way: {after_click} -> {after_enter}")
    check(th.get_attribute("aria-sort") == "descending", f"aria-sort after Enter: {th.get_attribute('aria-sort')!r}")
    bars = driver.find_elements(By.CSS_SELECTOR, "svg.bars title")
    check(len(bars) > 0, "the comparison has a bar chart with a title")
finally:
    driver.quit()

print(json.dumps(report, sort_keys=True))
sys.exit(1 if failures else 0)
