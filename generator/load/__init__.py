"""Load stage: files on disk to `Page` objects (text lines with line numbers, embedded specs)."""

from generator.load.files import PAGE_SUFFIXES, load_page
from generator.load.walk import page_files

__all__ = ["PAGE_SUFFIXES", "load_page", "page_files"]
