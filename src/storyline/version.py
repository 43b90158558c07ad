"""The analyser's version: stored with every dossier, since it changes output."""

__version__ = "0.1.0"
