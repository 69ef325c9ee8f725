"""Import: ``engine`` (decode, clean, section, align, propose; plain values, no models),
``adapter`` (plans and creates articles with the models) and ``screen`` (the admin page)."""
