"""The platform-neutral conversation: message types, commands, roles and the core."""
