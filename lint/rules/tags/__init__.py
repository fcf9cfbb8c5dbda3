"""Tag rules (FM2xx): the tag lists in front matter."""
