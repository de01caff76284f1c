"""The steps of the meeting wizard, one module per step."""
