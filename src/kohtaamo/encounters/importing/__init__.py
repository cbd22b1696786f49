"""Importing encounters and customers from CSV or JSON Lines.

The pieces, in the order a row meets them:

- `formats`: reads a file row by row (CSV with or without a BOM, JSON Lines);
- `validation`, `encounter_rows`, `customer_rows`: turn a row into a record
  ready for the database, or into errors with row number, column and message;
- `staging` (any database) and `postgres` (PostgreSQL's COPY): stage the
  records in a temporary table and write them to the real one in a single
  transaction;
- `runner`: drives the above with bounded memory and reports progress;
- `cli`: the `kohtaamo import` command.

The rules themselves are called through `kohtaamo.encounters.services`
(`encounters_import`, `customers_import`), so that the command line, the web
upload and the REST API all import the same way.
"""
