"""OpenAPI documents: reading any 3.0/3.1 (or Swagger 2.0) file, writing 3.1 YAML."""
