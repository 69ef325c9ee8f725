"""Search that works in Chinese: jieba segmentation inside Wagtail's database search backend
(``backend``), its dictionary kept in step with the glossary and people's names
(``dictionary``), and the public search page with highlighted excerpts (``views``)."""
