// WaymarkReview: filled in by its issue.
