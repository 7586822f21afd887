"""One module per schema step; the order lives in clerkdesk/store/migrations.py."""
