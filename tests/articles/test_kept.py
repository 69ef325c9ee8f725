"""Values kept by key (articles.kept): the last ones asked for, the least recent let go."""

from articles.kept import Kept


def test_the_value_asked_for_least_recently_is_let_go_past_the_limit():
    made = []

    def make(key: str):
        def value() -> str:
            made.append(key)
            return key.upper()

        return value

    kept = Kept(2)
    assert [kept.get(k, make(k)) for k in ("a", "b", "a", "c", "a", "b")] == list("ABACAB")
    # "b" was let go when "c" came, "a" was asked for again in between and stayed.
    assert made == ["a", "b", "c", "b"]
    kept.clear()
    assert kept.get("a", make("a")) == "A"
    assert made[-1] == "a"
