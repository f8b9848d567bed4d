"""The redoc family: pages in its shape, scored fact by fact against their expectations."""

from tests.scrapers.pages import family_tests

test_there_are_enough_pages, test_page_is_scraped_faithfully, test_family_is_detected = (
    family_tests("redoc", detected="redoc", floor=0.95)
)
