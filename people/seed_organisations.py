"""Well-known organisations and their usual Chinese names, seeded into the organisations list
(``people.Organisation``) that editors extend: (English name, Chinese name, aliases)."""

ORGANISATIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Massachusetts Institute of Technology", "麻省理工学院", ("MIT", "麻省理工")),
    ("New York University", "纽约大学", ("NYU",)),
    ("Stanford University", "斯坦福大学", ("Stanford", "斯坦福")),
    ("Harvard University", "哈佛大学", ("Harvard", "哈佛")),
    ("Carnegie Mellon University", "卡内基梅隆大学", ("CMU", "卡耐基梅隆大学")),
    ("University of Toronto", "多伦多大学", ()),
    ("Bell Labs", "贝尔实验室", ("Bell Laboratories", "AT&T Bell Labs")),
    ("Google", "谷歌", ()),
    ("Microsoft", "微软", ()),
    ("OpenAI", "OpenAI", ()),
)
