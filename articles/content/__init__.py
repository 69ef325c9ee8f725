"""What readers get: the page cache, the licence rule on originals, the translation
disclosure and the API's section fields."""
