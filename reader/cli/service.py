"""`python -m reader.cli.service`: the analysis service the command line starts first, before Textual.

It loads and segments the articles named on the command line while the app imports Textual (so the app's
process never imports the loading stage), hands them over, then analyses them (`reader.core.service_loop`).
The load runs the same code as the in-process path, so its errors are the same one-line messages.
"""

from __future__ import annotations

from reader.core.errors import ReaderError
from reader.core.parse_service import read_frame, write_frame
from reader.core.service_loop import channel, phase, serve, yield_to_the_app


def main() -> None:
    phase("service started")
    stdin, stdout = channel()
    try:
        request = read_frame(stdin)
    except (EOFError, OSError):
        return
    if not (isinstance(request, tuple) and len(request) == 2 and request[0] == "launch"):
        return
    from reader.cli.inputs import app_inputs
    from reader.core.load.inputs import load_inputs

    try:
        loaded = load_inputs(app_inputs(list(request[1])))
    except ReaderError as error:
        write_frame(stdout, ("load-failed", str(error)))
        return
    write_frame(stdout, ("loaded", loaded.articles, loaded.warnings))  # records only: unpickling `Loaded` would
    # import the loading stage into the app's process
    phase("articles sent")
    yield_to_the_app()  # the app has what its first paint waits for; the rest is not
    serve(stdin, stdout, first=loaded.articles)


if __name__ == "__main__":
    main()
