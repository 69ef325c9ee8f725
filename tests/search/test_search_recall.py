"""Readers find the demo article by the words they would type: Chinese words, people's names
in Chinese and English, glossary terms and parts of words, through the public search page.
Run on SQLite by default and on PostgreSQL with DATABASE_URL set (README, "Search")."""

import re

import pytest

pytestmark = pytest.mark.django_db

# (query, what it is). Every one occurs in the demo article's Chinese or its English original.
QUERIES = [
    ("神经网络", "Chinese word"),
    ("反向传播", "Chinese word, glossary term"),
    ("寒冬", "Chinese word"),
    ("感知机", "glossary term"),
    ("深度学习", "glossary term"),
    ("图灵奖", "glossary term"),
    ("卷积神经网络", "glossary term containing another"),
    ("梯度消失", "glossary term"),
    ("长短期记忆", "glossary term"),
    ("人工智能寒冬", "glossary term"),
    ("诺贝尔物理学奖", "Chinese word"),
    ("机器学习", "glossary term"),
    ("数据集", "glossary term"),
    ("支持向量机", "Chinese word"),
    ("显卡", "Chinese word"),
    ("辛顿", "name in Chinese"),
    ("杰弗里·辛顿", "full name in Chinese"),
    ("杨立昆", "name in Chinese"),
    ("本吉奥", "name in Chinese"),
    ("李飞飞", "name in Chinese"),
    ("罗森布拉特", "name in Chinese"),
    ("施密德胡伯", "name in Chinese"),
    ("苏茨克维", "name in Chinese"),
    ("克里泽夫斯基", "name in Chinese"),
    ("Hinton", "name in English"),
    ("Geoffrey Hinton", "full name in English"),
    ("LeCun", "name in English"),
    ("Bengio", "name in English"),
    ("Fei-Fei Li", "name in English"),
    ("Rosenblatt", "name in English"),
    ("Krizhevsky", "name in English"),
    ("hochreiter", "name in English, lower case"),
    ("backpropagation", "English term"),
    ("perceptron", "English term"),
    ("AlexNet", "name of a network"),
    ("ImageNet", "name of a data set"),
    ("GPU", "English term"),
    ("神经网", "part of a word"),
    ("反向", "part of a word"),
    ("感知", "part of a word"),
    ("卷积", "part of a word"),
    ("Hint", "part of a name"),
    ("backprop", "part of a word"),
    ("Rosenbl", "part of a name"),
    ("辛顿 反向传播", "two words"),
    ("Hinton 神经网络", "English and Chinese"),
]
# Words of the demo article's title and headline, for which it must come first.
TITLE_QUERIES = ["神经网络", "寒冬", "感知机", "AlexNet", "熬过寒冬", "春天"]
RECALL = 0.95


def result_links(client, query: str) -> list[str]:
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200, query
    return re.findall(
        r'<li class="search-result">\s*<h2><a href="([^"]+)"', response.content.decode()
    )


def test_the_query_set_finds_the_demo_article(client, search_demo, passing_mention):
    assert len(QUERIES) >= 30
    url = search_demo.article.url
    missed = [query for query, _ in QUERIES if url not in result_links(client, query)]
    recall = 1 - len(missed) / len(QUERIES)
    assert recall >= RECALL, f"recall {recall:.3f}, missed {missed}"


@pytest.mark.parametrize("query", TITLE_QUERIES)
def test_the_demo_article_comes_first_for_its_title_words(
    client, search_demo, passing_mention, query
):
    links = result_links(client, query)
    assert links[0] == search_demo.article.url
    if query in {"神经网络", "寒冬", "感知机"}:
        assert passing_mention.url in links  # the other article is found too, but after it
