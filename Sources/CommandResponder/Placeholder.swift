// CommandResponder: filled in by its issue.
