"""Fixed data the demo draws from: names, the organisation, topics, the
rhythm of each kind of team and the words of conversations."""
