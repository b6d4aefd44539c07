"""crimebot: a Community Safety Partnership's crime and disorder figures, asked in plain words."""

__version__ = "0.1.0"
