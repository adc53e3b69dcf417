"""The stages of the flow, one module each: read, clean, date, parse, actors, events, time."""
