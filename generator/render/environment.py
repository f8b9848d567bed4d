"""The one Jinja environment (STYLE.md points 4, 7): strict, whitespace-tidy, overridable.

Templates live in the project's top-level `templates/` folder (installed beside the package
as `generator/templates`). A user folder given as `override` wins file by file. Filters are
the escaping functions of `names`; `layout` lays out lines that may be long as black would.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

from generator.render.layout import import_from, names_list, parameter, statement
from generator.render.names import comment, docstring, docstring_block, pystr, tomlstr

SDK_DEPENDENCIES = ("httpx>=0.25,<1", "pydantic>=2.7,<3")
"""What a generated SDK needs at run time. The lower bounds are the oldest releases its tests
pass with (`bash .ci/sdk-floor`: pydantic 2.7 brought the `Field(deprecated=...)` the models
use); the upper ones are the next major releases, as openai-python bounds them."""


def templates_dir() -> Path:
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / "sdk").is_dir():
            return candidate
    raise FileNotFoundError("docs2sdk templates folder not found (broken installation)")


@cache
def environment(override: Path | None = None) -> Environment:
    loaders = [FileSystemLoader(str(override))] if override else []
    loaders.append(FileSystemLoader(str(templates_dir())))
    env = Environment(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["pystr"] = pystr
    env.filters["docstring"] = docstring
    env.filters["docstring_block"] = docstring_block
    env.filters["comment"] = comment
    env.filters["tomlstr"] = tomlstr
    env.filters["parameter"] = parameter
    env.filters["statement"] = statement
    env.globals["import_from"] = import_from
    env.globals["names_list"] = names_list
    env.globals["sdk_dependencies"] = SDK_DEPENDENCIES
    return env
