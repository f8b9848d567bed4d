"""Normalize stage: the `PageResult`s of one API folder to one `ApiModel`."""

from generator.normalize.merge import build_model

__all__ = ["build_model"]
