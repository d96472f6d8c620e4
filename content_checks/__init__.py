"""Content checks for the Ketamine Treatment Guide.

One small package used in two places: the MkDocs build (a hook that only
validates and logs) and the test suite. Every problem it reports names the
file, the line, what is wrong and what a correct version looks like, because
the people fixing them are clinic staff, not programmers.
"""
