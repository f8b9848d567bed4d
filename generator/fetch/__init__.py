"""`docs2sdk fetch`: crawl a documentation site into `input/<api>/` (see `run.fetch_api`).

Modules: `http` (polite, bounded HTTP), `links` (links, sitemaps, llms.txt, spec links),
`pages` (what a body is; whether a page holds an operation), `crawl` (the walk),
`state` (sources.toml and safe file names), `save` (writing what changed), `report`.
"""

from generator.fetch.http import Politeness
from generator.fetch.report import Report
from generator.fetch.run import FetchOptions, fetch_api, user_agent

__all__ = ["FetchOptions", "Politeness", "Report", "fetch_api", "user_agent"]
