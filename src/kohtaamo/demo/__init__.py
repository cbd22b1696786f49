"""Demo data: the Aurora hotel and spa chain, loaded by `kohtaamo demo`."""
