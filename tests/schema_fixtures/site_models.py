"""A pydantic model of the test site's posts, named in config as `site_models:Post`."""

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError


class Author(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    url: str | None = None


class Post(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=3, max_length=40)
    date: datetime | date | None = None
    tags: list[str] = Field(default=[], max_length=5)
    categories: list[Literal["economy", "markets", "politics"]] = []
    draft: bool = False
    weight: int = Field(default=0, ge=0, le=100)
    permalink: str = Field(default="/", pattern="^/")
    author: Author | None = None

    @field_validator("tags")
    @classmethod
    def unique(cls, tags: list[str]) -> list[str]:
        seen: dict[str, int] = {}
        for index, tag in enumerate(tags):
            if tag.casefold() in seen:
                first = seen[tag.casefold()]
                raise PydanticCustomError(
                    "duplicate_item",
                    "tag {index} repeats tag {first}",
                    {"index": index, "first": first, "first_value": tags[first], "value": tag},
                )
            seen[tag.casefold()] = index
        return tags
