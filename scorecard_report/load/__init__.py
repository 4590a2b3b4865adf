"""Loading: turn the catalogue, values and commentary files into typed objects, or say what is wrong."""
