// OpenAIResponder: filled in by its issue.
