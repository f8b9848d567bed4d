"""Diff two API versions: what changed, and what of it breaks callers.

Pipeline: `inputs` (a spec file, or pages scraped on the fly, to an OpenAPI document) ->
`document` (both upgraded to 3.1; API-wide rules, then operations) -> `operations` ->
`schemas` (recursive rule generators over `schema.Shape`s, the canonical form in which
equivalent spellings read the same) -> `model.DiffReport` -> `formats` (Markdown, text,
JSON). Rule ids and their severities are listed once, in `rules`.

>>> report = diff_documents(old_doc, new_doc, old_label="v1", new_label="v2")  # doctest: +SKIP
>>> print(to_markdown(report))                                                # doctest: +SKIP
"""

from generator.diff.document import diff_documents, find_breaking_changes
from generator.diff.formats import FORMATS, render, to_json, to_markdown, to_text
from generator.diff.inputs import ApiInput, DiffInputError, load_input
from generator.diff.model import Change, DiffReport, Severity
from generator.diff.rules import RULES, Rule

__all__ = [
    "FORMATS",
    "RULES",
    "ApiInput",
    "Change",
    "DiffInputError",
    "DiffReport",
    "Rule",
    "Severity",
    "diff_documents",
    "find_breaking_changes",
    "load_input",
    "render",
    "to_json",
    "to_markdown",
    "to_text",
]
