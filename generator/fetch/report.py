"""What a `docs2sdk fetch` run found: files new, changed, unchanged and gone, specs, and
problems (one line each, `URL: level: message`)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Report:
    api: str
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)
    """Files whose URL now answers 404/410: reported, kept on disk and in sources.toml."""
    specs: list[str] = field(default_factory=list)
    """Files (among the above) that are OpenAPI/Swagger documents."""
    skipped: int = 0
    """Pages fetched that hold no operation (not saved)."""
    problems: list[str] = field(default_factory=list)
    requests: int = 0

    @property
    def any_change(self) -> bool:
        return bool(self.new or self.changed or self.gone)

    def problem(self, url: str, message: str, level: str = "warning") -> None:
        self.problems.append(f"{url}: {level}: {message}")

    def summary(self) -> str:
        lines = [
            f"docs2sdk fetch: {self.api}: {len(self.new)} new, {len(self.changed)} changed, "
            f"{len(self.unchanged)} unchanged, {len(self.gone)} gone "
            f"({len(self.specs)} spec(s), {self.skipped} page(s) without an operation not "
            f"saved, {self.requests} requests)"
        ]
        for label, names in (("new", self.new), ("changed", self.changed), ("gone", self.gone)):
            lines += [f"  {label:<7} {name}" for name in sorted(names)]
        return "\n".join(lines) + "\n"
