// WaymarkConfig: filled in by its issue.
