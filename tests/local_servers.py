"""The fake servers' loops (AI services, web pages, purge endpoint), each in a thread of its own.

``shutdown()`` returns once the loop next looks whether it was asked to stop, and the loop
looks once per poll interval. The tests with a server waited out a good part of it as they
finished (half a second by default, 50 ms in the AI and web servers): together about a third
of the time the suite's tests spent waiting rather than working (32 worker-seconds, now 21)."""

import threading
from socketserver import BaseServer

POLL_SECONDS = 0.005


def serve_in_thread(server: BaseServer) -> threading.Thread:
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": POLL_SECONDS}, daemon=True
    )
    thread.start()
    return thread
