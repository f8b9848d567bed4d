"""Load stage: files on disk to `Page` objects (text lines with line numbers, embedded specs)."""

from generator.load.files import PAGE_SUFFIXES, collect_pages, load_page, skipped_files

__all__ = ["PAGE_SUFFIXES", "collect_pages", "load_page", "skipped_files"]
