"""Platform adapters (console, Telegram, Slack) and the ``factbot`` command line."""
