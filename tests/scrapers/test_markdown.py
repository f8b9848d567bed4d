"""Markdown exports (and Markdown saved as text): pages in their shapes, scored fact by fact."""

from tests.scrapers.pages import family_tests

test_there_are_enough_pages, test_page_is_scraped_faithfully, test_family_is_detected = (
    family_tests("markdown", detected="markdown", floor=0.95)
)
