"""ClerkDesk: an offline desktop tool for democratic services clerks."""

__version__ = "0.1.0"
