"""Settings package: ``base`` holds what every environment shares; ``dev``, ``test`` and
``production`` add to it. Choose one with ``DJANGO_SETTINGS_MODULE``."""
