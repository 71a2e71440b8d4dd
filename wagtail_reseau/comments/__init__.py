"""Comments on news items and forum reports: held for moderation, threaded one
level, the e-mail address never shown (docs/comments.md)."""
