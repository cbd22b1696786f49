"""The steps of the demo loader, run in the order of `loader.STEPS`."""
