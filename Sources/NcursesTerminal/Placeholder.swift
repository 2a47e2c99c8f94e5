// NcursesTerminal: filled in by its issue.
