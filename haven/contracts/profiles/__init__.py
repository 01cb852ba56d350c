"""Contract profiles: one YAML file per commissioned service, its schema and its validator."""
