"""One module per page type; each holds the page and its JSON twin (datasette's views/)."""
