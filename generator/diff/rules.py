"""The rule catalogue: every change id the diff can report, with its fixed severity.

Ids are stable (tools and CI filters depend on them). Request-side and response-side rules
are separate ids because the same edit breaks in one direction only: a request that gains a
required field breaks callers, a response that gains one does not; a response field that
becomes optional (or nullable, or gains an enum value) breaks readers, a request field that
does the same does not.

"Added" constraints and enums (`*-constraint-added`, `request-enum-added`) are kept apart
from "tightened" ones: docs often state a bound only in the newer version, and a fact that
an older page did not state is unknown rather than unbounded.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.diff.model import Severity

B, W, N = Severity.BREAKING, Severity.WARNING, Severity.INFO  # N: notice (info)


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    severity: Severity
    summary: str


_TABLE: tuple[tuple[str, Severity, str], ...] = (
    # the API as a whole
    ("server-url-changed", B, "the server URL changed"),
    ("server-removed", B, "a server URL is gone"),
    ("server-added", N, "a server URL was added"),
    ("default-header-changed", B, "a header every request must send changed value"),
    ("default-header-added", B, "every request must now send a new header"),
    ("default-header-removed", N, "a header is no longer required on every request"),
    ("auth-scheme-changed", B, "a security scheme changed how credentials are sent"),
    ("auth-scheme-removed", W, "a security scheme is gone"),
    ("auth-scheme-added", N, "a security scheme was added"),
    ("auth-requirement-changed", B, "the credentials an operation accepts changed"),
    ("auth-requirement-removed", B, "a way to authenticate is no longer accepted"),
    ("auth-requirement-added", N, "a new way to authenticate is accepted"),
    # operations
    ("operation-removed", B, "an operation is gone"),
    ("operation-added", N, "an operation was added"),
    ("operation-deprecated", W, "an operation is now deprecated"),
    # parameters
    ("parameter-removed", B, "a parameter is gone"),
    ("parameter-added-required", B, "a new required parameter"),
    ("parameter-added", N, "a new optional parameter"),
    ("parameter-became-required", B, "an optional parameter is now required"),
    ("parameter-became-optional", N, "a required parameter is now optional"),
    ("parameter-deprecated", W, "a parameter is now deprecated"),
    # bodies and responses
    ("request-body-removed", B, "the operation no longer takes a body"),
    ("request-body-added-required", B, "the operation now requires a body"),
    ("request-body-added", N, "the operation now takes an optional body"),
    ("request-body-became-required", B, "the request body is now required"),
    ("request-body-became-optional", N, "the request body is now optional"),
    ("request-media-type-removed", B, "a request content type is no longer accepted"),
    ("request-media-type-added", N, "a request content type is now accepted"),
    ("response-success-status-removed", B, "a success status is no longer returned"),
    ("response-status-removed", N, "an error status is no longer documented"),
    ("response-status-added", N, "a new response status"),
    ("response-media-type-removed", B, "a response content type is gone"),
    ("response-media-type-added", N, "a new response content type"),
    # schema fields, request side
    ("request-property-removed", B, "a request field is gone"),
    ("request-property-added-required", B, "a new required request field"),
    ("request-property-added", N, "a new optional request field"),
    ("request-property-became-required", B, "an optional request field is now required"),
    ("request-property-became-optional", N, "a required request field is now optional"),
    ("request-deprecated", W, "a request field or object is now deprecated"),
    ("request-type-changed", B, "a request field takes another type"),
    ("request-type-widened", N, "a request field accepts more types"),
    ("request-format-changed", W, "a request field's format changed"),
    ("request-nullable-removed", B, "a request field no longer accepts null"),
    ("request-nullable-added", N, "a request field now accepts null"),
    ("request-enum-value-removed", B, "a request value is no longer accepted"),
    ("request-enum-value-added", N, "a request field accepts a new value"),
    ("request-enum-added", W, "a request field is now limited to listed values"),
    ("request-enum-removed", N, "a request field is no longer limited to listed values"),
    ("request-constraint-tightened", B, "a request bound got stricter"),
    ("request-constraint-added", W, "a request field has a new bound"),
    ("request-constraint-loosened", N, "a request bound got looser or was dropped"),
    ("request-default-changed", W, "a request default changed or was dropped"),
    ("request-default-added", N, "a request field has a new default"),
    ("request-variant-removed", B, "a request union lost a member"),
    ("request-variant-added", N, "a request union gained a member"),
    # schema fields, response side
    ("response-property-removed", B, "a response field is gone"),
    ("response-property-added", N, "a new response field"),
    ("response-property-became-optional", B, "a response field may now be missing"),
    ("response-property-became-required", N, "a response field is now always present"),
    ("response-deprecated", W, "a response field or object is now deprecated"),
    ("response-type-changed", B, "a response field has another type"),
    ("response-type-narrowed", N, "a response field has fewer possible types"),
    ("response-format-changed", W, "a response field's format changed"),
    ("response-nullable-added", B, "a response field may now be null"),
    ("response-nullable-removed", N, "a response field is no longer null"),
    ("response-enum-value-added", W, "a response field has a new value"),
    ("response-enum-value-removed", N, "a response value is no longer returned"),
    ("response-enum-added", N, "a response field is now limited to listed values"),
    ("response-enum-removed", W, "a response field is no longer limited to listed values"),
    ("response-constraint-tightened", N, "a response bound got stricter"),
    ("response-constraint-added", N, "a response field has a new bound"),
    ("response-constraint-loosened", W, "a response bound got looser or was dropped"),
    ("response-default-changed", N, "a response default changed"),
    ("response-variant-added", W, "a response union gained a member"),
    ("response-variant-removed", N, "a response union lost a member"),
)

RULES: dict[str, Rule] = {rid: Rule(rid, severity, text) for rid, severity, text in _TABLE}


def severity_of(rule: str) -> Severity:
    """The fixed severity of a rule id (a KeyError is a bug: every id is in `_TABLE`)."""
    return RULES[rule].severity
