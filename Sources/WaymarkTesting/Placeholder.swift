// WaymarkTesting: filled in by its issue.
