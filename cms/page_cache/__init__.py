"""The whole-page cache for anonymous readers, and the HTTP caching headers of public pages.

``middleware.PageCacheMiddleware`` sits just inside the security and CSP middlewares, so a page
answered from the cache still gets every security header and the (nonce-free) content policy,
and sessions, authentication and the view never run for it. ``requests`` decides which
requests may be answered from the cache and under which key; ``responses`` which responses
may be kept and shared, with their ``ETag``, ``Last-Modified`` and ``Cache-Control``.
docs/caching.md describes it for operators.
"""
