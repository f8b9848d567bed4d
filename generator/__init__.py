"""docs2sdk: API documentation pages to a normalized OpenAPI 3.1 model and a typed SDK.

The pipeline, one typed object per stage boundary::

    files --load--> Page --scrape--> PageResult --normalize--> ApiModel --emit--> OpenAPI dict

`generator.api` holds the library entry points that the command line also calls.
"""

__version__ = "0.1.0"
