"""The Slack front door: a thin bolt app over the same Service the command line uses."""
