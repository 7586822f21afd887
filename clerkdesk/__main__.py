from clerkdesk.cli import run

run()
