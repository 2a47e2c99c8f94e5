// WaymarkStore: filled in by its issue.
