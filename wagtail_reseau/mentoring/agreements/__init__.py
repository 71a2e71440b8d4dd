"""Mentoring in operation: answers and requests sent by visitors (moderated),
suggested pairs, agreements with their lifecycle, closing reports and reminders
(docs/mentoring.md). Holds personal data: app label ``reseau_mentoring``."""
