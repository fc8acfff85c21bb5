"""Intake: a conversational, multilingual intake assistant that screens for ill health or
disability and writes a Swedish referral summary for the caseworker."""

__version__ = "0.1.0"
