"""Demo content for Duizhao: one bilingual article, as plain Python data.

An essay on the early history of deep learning and the people in it, written for this
project by a fictional author (Tobias Wren, a Person record below; his blog lives on an
example.com domain), with its Chinese translation section by section: an editor's lead and a
translator's note with no English source ("added"), full sections, abridged sections with a note
on what was cut, and one omitted section. Real people are described from public facts; their
quotes are short, widely reported remarks with a source URL. Only the fictional author is quoted
from invented sources.

Plain dicts, lists and strings only, so that loaders, fixtures and tests can use it without a
database. Keys:

- TOPICS: {slug, name_en, name_zh}
- PEOPLE: {key, name_en, name_zh, aliases, misspellings, role_*, affiliation_*, bio_*, links}
- QUOTES: {key, speaker (person key), text_*, source_url, said_on ("YYYY-MM-DD" or None),
  context_*}
- TERMS: glossary {english, chinese, notes, case_sensitive, forbidden}
- ARTICLE: page fields plus "sections", each {heading_*, body_*, ai_draft_zh, status, note,
  quote (quote key or None)}; a section's quote is shown after its body, which introduces it.
"""

TOPICS = [
    {
        "slug": "deep-learning",
        "name_en": "Deep learning",
        "name_zh": "深度学习",
    },
    {
        "slug": "ai-history",
        "name_en": "History of AI",
        "name_zh": "人工智能史",
    },
    {
        "slug": "computer-vision",
        "name_en": "Computer vision",
        "name_zh": "计算机视觉",
    },
]

PEOPLE = [
    {
        "key": "tobias_wren",
        "name_en": "Tobias Wren",
        "name_zh": "托比亚斯·雷恩",
        "aliases": ["Toby Wren", "雷恩"],
        "misspellings": ["Tobias Wrenn", "Tobais Wren", "托比亚斯·任"],
        "role_en": "Technology writer; editor of the Slow Gradient newsletter",
        "role_zh": "科技作者，Slow Gradient 通讯主编",
        "affiliation_en": "Slow Gradient (independent newsletter)",
        "affiliation_zh": "Slow Gradient（独立通讯）",
        "bio_en": (
            "Tobias Wren is an Edinburgh-based technology writer and former software engineer. "
            "Since 2018 he has written Slow Gradient, a newsletter about the history of computing "
            "and the people behind it."
        ),
        "bio_zh": (
            "托比亚斯·雷恩是常驻爱丁堡的科技作者，曾任软件工程师。自 2018 年起主笔通讯 Slow "
            "Gradient，专写计算机技术的历史及其背后的人物。"
        ),
        "links": ["https://slowgradient.example.com/about"],
    },
    {
        "key": "geoffrey_hinton",
        "name_en": "Geoffrey Hinton",
        "name_zh": "杰弗里·辛顿",
        "aliases": [
            "Geoff Hinton",
            "Geoffrey E. Hinton",
            "Geoffrey Everest Hinton",
            "欣顿",
            "辛顿",
        ],
        "misspellings": ["Geoffery Hinton", "Jeffrey Hinton", "Geoffrey Hindon", "杰佛里·辛顿"],
        "role_en": "Computer scientist and cognitive psychologist; professor emeritus",
        "role_zh": "计算机科学家、认知心理学家，荣休教授",
        "affiliation_en": "University of Toronto",
        "affiliation_zh": "多伦多大学",
        "bio_en": (
            "Born in London in 1947, Hinton studied experimental psychology at Cambridge and "
            "received a PhD in artificial intelligence from the University of Edinburgh in 1978. "
            "He co-authored the 1986 Nature paper that popularised backpropagation, moved to the "
            "University of Toronto in 1987 and worked part-time at Google from 2013 until May "
            "2023. He shared the 2018 Turing Award with Yoshua Bengio and Yann LeCun, and the "
            "2024 Nobel Prize in Physics with John Hopfield."
        ),
        "bio_zh": (
            "1947 年生于伦敦，在剑桥大学学习实验心理学，1978 年获爱丁堡大学人工智能博士学位。他是 "
            "1986 年那篇让反向传播广为人知的《自然》论文的作者之一，1987 年转到多伦多大学，2013 "
            "年至 2023 年 5 月在谷歌兼职。他与约书亚·本吉奥、杨立昆共同获得 2018 年度图灵奖，"
            "并与约翰·霍普菲尔德共同获得 2024 年诺贝尔物理学奖。"
        ),
        "links": [
            "https://en.wikipedia.org/wiki/Geoffrey_Hinton",
            "https://www.cs.toronto.edu/~hinton/",
        ],
    },
    {
        "key": "yann_lecun",
        "name_en": "Yann LeCun",
        "name_zh": "杨立昆",
        "aliases": ["Yann André LeCun", "Yann Le Cun", "杨乐昆", "扬·勒丘恩"],
        "misspellings": ["Yann Lecun", "Yan LeCun", "Yann LeCunn", "杨立坤"],
        "role_en": "Computer scientist; professor",
        "role_zh": "计算机科学家、教授",
        "affiliation_en": "New York University",
        "affiliation_zh": "纽约大学",
        "bio_en": (
            "Born in France in 1960, LeCun received his PhD in Paris in 1987, spent a year as a "
            "postdoctoral researcher with Geoffrey Hinton in Toronto and joined AT&T Bell Labs in "
            "1988, where he developed convolutional neural networks for reading handwriting. He "
            "has been a professor at New York University since 2003; in 2013 he founded "
            "Facebook's AI research lab and later became Meta's chief AI scientist. He shared the "
            "2018 Turing Award."
        ),
        "bio_zh": (
            "1960 年生于法国，1987 年在巴黎获博士学位，随后在多伦多跟随杰弗里·辛顿做了一年博士后，"
            "1988 年加入 AT&T 贝尔实验室，在那里开发了用于识别手写体的卷积神经网络。2003 "
            "年起任纽约大学教授；2013 年创建 Facebook 人工智能研究院，后任 Meta "
            "首席人工智能科学家。2018 年度图灵奖得主之一。"
        ),
        "links": ["https://en.wikipedia.org/wiki/Yann_LeCun", "http://yann.lecun.com/"],
    },
    {
        "key": "yoshua_bengio",
        "name_en": "Yoshua Bengio",
        "name_zh": "约书亚·本吉奥",
        "aliases": ["Bengio", "本吉奥", "约书亚·本希奥"],
        "misspellings": ["Joshua Bengio", "Yoshua Benjio", "约书亚·本吉欧"],
        "role_en": "Computer scientist; full professor",
        "role_zh": "计算机科学家、正教授",
        "affiliation_en": "Université de Montréal; Mila – Quebec AI Institute",
        "affiliation_zh": "蒙特利尔大学；Mila 魁北克人工智能研究所",
        "bio_en": (
            "Born in Paris in 1964 and raised in Montreal, Bengio received his PhD from McGill "
            "University in 1991 and has taught at the Université de Montréal since 1993. He "
            "founded the lab that became Mila, worked on the difficulty of learning long-term "
            "dependencies and on neural language models, and shared the 2018 Turing Award. In "
            "recent years he has been a prominent voice on AI safety."
        ),
        "bio_zh": (
            "1964 年生于巴黎，在蒙特利尔长大，1991 年获麦吉尔大学博士学位，1993 "
            "年起在蒙特利尔大学任教。他创建了后来发展为 Mila 的实验室，研究过长期依赖难以学习的问"
            "题和神经语言模型，是 2018 年度图灵奖得主之一。近年来，他是人工智能安全议题上最受关注"
            "的声音之一。"
        ),
        "links": ["https://en.wikipedia.org/wiki/Yoshua_Bengio", "https://yoshuabengio.org/"],
    },
    {
        "key": "fei_fei_li",
        "name_en": "Fei-Fei Li",
        "name_zh": "李飞飞",
        "aliases": ["Li Fei-Fei", "Feifei Li", "Fei Fei Li"],
        "misspellings": ["Fei-Fei Lee", "Fei Fei Lee", "Fei-Fie Li", "李菲菲"],
        "role_en": "Computer scientist; professor of computer science",
        "role_zh": "计算机科学家、计算机科学教授",
        "affiliation_en": "Stanford University",
        "affiliation_zh": "斯坦福大学",
        "bio_en": (
            "Born in Beijing in 1976 and raised in Chengdu, Li moved to the United States as a "
            "teenager, studied physics at Princeton and received her PhD from Caltech in 2005. "
            "She led the creation of ImageNet, published in 2009, moved to Stanford the same year "
            "and became co-director of the Stanford Institute for Human-Centered AI in 2019. Her "
            "memoir, The Worlds I See, appeared in 2023."
        ),
        "bio_zh": (
            "1976 年生于北京，在成都长大，十几岁时移居美国，在普林斯顿大学学习物理，2005 "
            "年获加州理工学院博士学位。她主导创建了 2009 年发布的 ImageNet，同年转到斯坦福大学，"
            "2019 年出任斯坦福以人为本人工智能研究院（HAI）联合院长。2023 "
            "年出版回忆录《我看见的世界》（The Worlds I See）。"
        ),
        "links": [
            "https://en.wikipedia.org/wiki/Fei-Fei_Li",
            "https://profiles.stanford.edu/fei-fei-li",
        ],
    },
    {
        "key": "ilya_sutskever",
        "name_en": "Ilya Sutskever",
        "name_zh": "伊利亚·苏茨克维",
        "aliases": ["Ilya", "伊尔亚·苏茨克维", "苏茨克维"],
        "misspellings": ["IIya Sutskever", "Ilya Sutskiver", "Ilya Sutskevar", "伊利亚·苏兹克维"],
        "role_en": "Computer scientist; co-founder and chief scientist",
        "role_zh": "计算机科学家，联合创始人、首席科学家",
        "affiliation_en": "Safe Superintelligence Inc.",
        "affiliation_zh": "Safe Superintelligence 公司",
        "bio_en": (
            "Born in 1986 in what was then the Soviet Union, Sutskever grew up in Israel and "
            "moved to Canada as a teenager. He did his PhD with Geoffrey Hinton in Toronto, "
            "co-authored AlexNet in 2012, worked at Google Brain and in 2015 co-founded OpenAI, "
            "where he later served as chief scientist. He left OpenAI in May 2024 and co-founded "
            "Safe Superintelligence Inc. the following month."
        ),
        "bio_zh": (
            "1986 年生于当时的苏联，在以色列长大，少年时移居加拿大。他在多伦多师从杰弗里·辛顿攻读"
            "博士，2012 年是 AlexNet 的作者之一，之后加入谷歌大脑，2015 年参与创办 OpenAI，"
            "后任首席科学家。2024 年 5 月离开 OpenAI，次月参与创办 Safe Superintelligence 公司。"
        ),
        "links": ["https://en.wikipedia.org/wiki/Ilya_Sutskever"],
    },
    {
        "key": "alex_krizhevsky",
        "name_en": "Alex Krizhevsky",
        "name_zh": "亚历克斯·克里泽夫斯基",
        "aliases": ["Krizhevsky", "克里泽夫斯基"],
        "misspellings": [
            "Alex Krizhevksy",
            "Alex Krizhevski",
            "Alex Krizhevskiy",
            "亚历克斯·克里兹夫斯基",
        ],
        "role_en": "Computer scientist; lead author of AlexNet",
        "role_zh": "计算机科学家，AlexNet 第一作者",
        "affiliation_en": "University of Toronto (graduate studies); formerly Google",
        "affiliation_zh": "多伦多大学（研究生阶段）；曾任职于谷歌",
        "bio_en": (
            "A graduate student of Geoffrey Hinton at the University of Toronto, Krizhevsky wrote "
            "the fast GPU code behind AlexNet, the convolutional network that won the 2012 "
            "ImageNet challenge. He joined Google when it acquired DNNresearch in 2013 and has "
            "kept a low public profile since leaving a few years later."
        ),
        "bio_zh": (
            "多伦多大学杰弗里·辛顿门下的研究生，编写了 AlexNet 背后的高速 GPU 代码，"
            "这一卷积网络赢得了 2012 年 ImageNet 挑战赛。2013 年谷歌收购 DNNresearch 后加入谷歌，"
            "几年后离开，此后一直保持低调。"
        ),
        "links": ["https://en.wikipedia.org/wiki/Alex_Krizhevsky"],
    },
    {
        "key": "frank_rosenblatt",
        "name_en": "Frank Rosenblatt",
        "name_zh": "弗兰克·罗森布拉特",
        "aliases": ["Rosenblatt", "罗森布拉特"],
        "misspellings": ["Frank Rosenbladt", "Frank Rossenblatt", "弗兰克·罗森布莱特"],
        "role_en": "Psychologist; inventor of the perceptron",
        "role_zh": "心理学家，感知机的发明者",
        "affiliation_en": "Cornell Aeronautical Laboratory; Cornell University",
        "affiliation_zh": "康奈尔航空实验室；康奈尔大学",
        "bio_en": (
            "Rosenblatt (1928–1971) proposed the perceptron in 1958 while at the Cornell "
            "Aeronautical Laboratory in Buffalo, built the Mark I Perceptron around 1960 and "
            "described multi-layer networks in Principles of Neurodynamics (1962). He died in a "
            "boating accident on his 43rd birthday."
        ),
        "bio_zh": (
            "罗森布拉特（1928—1971）于 1958 年在布法罗的康奈尔航空实验室提出感知机，约 1960 "
            "年建成 Mark I 感知机，并在 1962 年的《神经动力学原理》中讨论了多层网络。他在 43 "
            "岁生日当天死于一次划船事故。"
        ),
        "links": ["https://en.wikipedia.org/wiki/Frank_Rosenblatt"],
    },
    {
        "key": "marvin_minsky",
        "name_en": "Marvin Minsky",
        "name_zh": "马文·明斯基",
        "aliases": ["Marvin Lee Minsky", "明斯基"],
        "misspellings": ["Marvin Minksy", "Marvin Minski", "马文·明斯奇"],
        "role_en": "Computer scientist; co-founder of the MIT AI Laboratory",
        "role_zh": "计算机科学家，麻省理工学院人工智能实验室联合创始人",
        "affiliation_en": "Massachusetts Institute of Technology",
        "affiliation_zh": "麻省理工学院",
        "bio_en": (
            "Minsky (1927–2016) built SNARC, one of the first neural-network learning machines, "
            "in 1951, co-founded the MIT AI lab and received the Turing Award in 1969, the year "
            "he and Seymour Papert published Perceptrons."
        ),
        "bio_zh": (
            "明斯基（1927—2016）于 1951 年造出最早的神经网络学习机器之一 SNARC，"
            "与人共同创建麻省理工学院人工智能实验室，1969 年获图灵奖；同年，"
            "他与西摩·佩珀特出版了《感知机》一书。"
        ),
        "links": ["https://en.wikipedia.org/wiki/Marvin_Minsky"],
    },
    {
        "key": "seymour_papert",
        "name_en": "Seymour Papert",
        "name_zh": "西摩·佩珀特",
        "aliases": ["Papert", "佩珀特", "西摩尔·派珀特"],
        "misspellings": ["Seymour Pappert", "Seymore Papert"],
        "role_en": "Mathematician, computer scientist and educator",
        "role_zh": "数学家、计算机科学家、教育家",
        "affiliation_en": "Massachusetts Institute of Technology",
        "affiliation_zh": "麻省理工学院",
        "bio_en": (
            "Born in Pretoria, South Africa, Papert (1928–2016) co-wrote Perceptrons (1969) with "
            "Marvin Minsky, created the Logo programming language for children with colleagues "
            "and was a founding faculty member of the MIT Media Lab."
        ),
        "bio_zh": (
            "佩珀特（1928—2016）生于南非比勒陀利亚，1969 年与马文·明斯基合著《感知机》，"
            "与同事一起创造了面向儿童的 Logo 编程语言，也是麻省理工学院媒体实验室的创始教员之一。"
        ),
        "links": ["https://en.wikipedia.org/wiki/Seymour_Papert"],
    },
    {
        "key": "david_rumelhart",
        "name_en": "David Rumelhart",
        "name_zh": "大卫·鲁梅尔哈特",
        "aliases": ["David E. Rumelhart", "鲁梅尔哈特"],
        "misspellings": ["David Rummelhart", "David Rumelheart", "大卫·鲁姆哈特"],
        "role_en": "Cognitive psychologist",
        "role_zh": "认知心理学家",
        "affiliation_en": "University of California, San Diego; Stanford University",
        "affiliation_zh": "加州大学圣迭戈分校；斯坦福大学",
        "bio_en": (
            "Rumelhart (1942–2011) was first author of the 1986 Nature paper on learning "
            "representations by back-propagating errors and co-edited the two-volume Parallel "
            "Distributed Processing (1986). The Rumelhart Prize in cognitive science is named "
            "after him."
        ),
        "bio_zh": (
            "鲁梅尔哈特（1942—2011）是 1986 年那篇关于通过反向传播误差学习表示的《自然》"
            "论文的第一作者，并与人合编了两卷本的《并行分布式处理》（1986）。"
            "认知科学领域的鲁梅尔哈特奖以他的名字命名。"
        ),
        "links": ["https://en.wikipedia.org/wiki/David_Rumelhart"],
    },
    {
        "key": "sepp_hochreiter",
        "name_en": "Sepp Hochreiter",
        "name_zh": "塞普·霍克赖特",
        "aliases": ["Josef Hochreiter", "霍克赖特"],
        "misspellings": ["Sepp Hochrieter", "Sepp Hochreitter", "塞普·霍赫赖特"],
        "role_en": "Computer scientist; professor",
        "role_zh": "计算机科学家、教授",
        "affiliation_en": "Johannes Kepler University Linz",
        "affiliation_zh": "林茨大学（约翰·开普勒大学）",
        "bio_en": (
            "Born in Germany in 1967, Hochreiter analysed the vanishing gradient problem in his "
            "1991 diploma thesis at the Technical University of Munich and, with Jürgen "
            "Schmidhuber, introduced long short-term memory (LSTM) in 1997. He heads the "
            "Institute for Machine Learning at Johannes Kepler University Linz."
        ),
        "bio_zh": (
            "1967 年生于德国，1991 年在慕尼黑工业大学的毕业论文中分析了梯度消失问题，1997 "
            "年与于尔根·施密德胡伯共同提出长短期记忆网络（LSTM）。现任林茨大学机器学习研究所负责人"
            "。"
        ),
        "links": ["https://en.wikipedia.org/wiki/Sepp_Hochreiter"],
    },
    {
        "key": "juergen_schmidhuber",
        "name_en": "Jürgen Schmidhuber",
        "name_zh": "于尔根·施密德胡伯",
        "aliases": ["Juergen Schmidhuber", "Jurgen Schmidhuber", "施密德胡伯"],
        "misspellings": ["Jürgen Schmidthuber", "Jurgen Schmiduber", "于尔根·施米德胡贝"],
        "role_en": "Computer scientist; scientific director",
        "role_zh": "计算机科学家、科学主任",
        "affiliation_en": "IDSIA (Lugano); King Abdullah University of Science and Technology",
        "affiliation_zh": "瑞士 IDSIA 研究所（卢加诺）；阿卜杜拉国王科技大学",
        "bio_en": (
            "Born in Munich in 1963, Schmidhuber supervised Sepp Hochreiter's 1991 thesis and "
            "co-authored the 1997 LSTM paper. His lab at IDSIA in Lugano built GPU-trained "
            "networks that won pattern-recognition contests around 2011. He has argued at length "
            "that popular accounts of deep learning under-credit earlier work."
        ),
        "bio_zh": (
            "1963 年生于慕尼黑，指导了塞普·霍克赖特 1991 年的毕业论文，并合著了 1997 年的 LSTM "
            "论文。他在卢加诺 IDSIA 的实验室用 GPU 训练的网络在 2011 年前后赢得多项模式识别比赛。"
            "他曾长篇撰文，认为关于深度学习的通俗叙述低估了早期工作的贡献。"
        ),
        "links": ["https://en.wikipedia.org/wiki/J%C3%BCrgen_Schmidhuber"],
    },
    {
        "key": "john_hopfield",
        "name_en": "John Hopfield",
        "name_zh": "约翰·霍普菲尔德",
        "aliases": ["John J. Hopfield", "霍普菲尔德"],
        "misspellings": ["John Hopfeld", "John Hopefield", "约翰·霍普费尔德"],
        "role_en": "Physicist; professor emeritus",
        "role_zh": "物理学家，荣休教授",
        "affiliation_en": "Princeton University",
        "affiliation_zh": "普林斯顿大学",
        "bio_en": (
            "Born in Chicago in 1933, Hopfield described in 1982 the recurrent network now named "
            "after him, which stores patterns as stable states and recalls them from partial "
            "input. He shared the 2024 Nobel Prize in Physics with Geoffrey Hinton."
        ),
        "bio_zh": (
            "1933 年生于芝加哥，1982 年提出了如今以他命名的循环网络：它把模式存储为稳定状态，"
            "并能根据不完整的输入把模式回想起来。他与杰弗里·辛顿共同获得 2024 年诺贝尔物理学奖。"
        ),
        "links": ["https://en.wikipedia.org/wiki/John_Hopfield"],
    },
]

QUOTES = [
    {
        "key": "hinton-nobel-flabbergasted",
        "speaker": "geoffrey_hinton",
        "text_en": "I am flabbergasted, I had no idea this would happen, I am very surprised.",
        "text_zh": "我简直惊呆了，完全没想到会这样，非常意外。",
        "source_url": (
            "https://www.dw.com/en/john-hopfield-and-geoffrey-hinton-win-nobel-physics-award/a-703"
            "74538"
        ),
        "said_on": "2024-10-08",
        "context_en": (
            "Speaking by telephone to the press conference at the Royal Swedish Academy of "
            "Sciences in Stockholm, shortly after the 2024 Nobel Prize in Physics was announced."
        ),
        "context_zh": (
            "2024 年诺贝尔物理学奖公布后不久，辛顿通过电话接入瑞典皇家科学院在斯德哥尔摩举行的新闻"
            "发布会时所说。"
        ),
    },
    {
        "key": "hinton-normal-excuse",
        "speaker": "geoffrey_hinton",
        "text_en": (
            "I console myself with the normal excuse: If I hadn't done it, somebody else would "
            "have."
        ),
        "text_zh": "我用那个常见的借口安慰自己：就算我没做，别人也会做。",
        "source_url": (
            "https://www.nytimes.com/2023/05/01/technology/ai-google-chatbot-engineer-quits-hinton"
            ".html"
        ),
        "said_on": None,
        "context_en": (
            "Interview with Cade Metz of The New York Times, published on 1 May 2023, after "
            "Hinton left Google to speak more freely about the risks of AI."
        ),
        "context_zh": (
            "出自《纽约时报》记者凯德·梅茨的采访，该文于 2023 年 5 月 1 日刊出，"
            "当时辛顿刚离开谷歌，以便更自由地谈论人工智能的风险。"
        ),
    },
    {
        "key": "li-internet-treasure-trove",
        "speaker": "fei_fei_li",
        "text_en": (
            "We went to the Internet, the biggest treasure trove of pictures that humans have "
            "ever created."
        ),
        "text_zh": "我们求助于互联网——人类有史以来创造的最大的图片宝库。",
        "source_url": (
            "https://www.ted.com/talks/fei_fei_li_how_we_re_teaching_computers_to_understand_pictu"
            "res"
        ),
        "said_on": None,
        "context_en": (
            'TED2015 talk "How we\'re teaching computers to understand pictures" (March 2015), '
            "describing how the ImageNet team collected candidate images."
        ),
        "context_zh": (
            "出自 2015 年 3 月的 TED2015 演讲《我们如何教计算机看懂图片》，讲述 ImageNet "
            "团队如何收集候选图片。"
        ),
    },
    {
        "key": "wren-backprop-rediscovered",
        "speaker": "tobias_wren",
        "text_en": (
            "Nobody invented backpropagation. Several people kept rediscovering it until the rest "
            "of us were finally ready to listen."
        ),
        "text_zh": (
            "反向传播不是哪一个人发明的。好几个人一次又一次地重新发现它，"
            "直到我们其他人终于愿意听进去。"
        ),
        "source_url": "https://slowgradient.example.com/talks/2019-backprop-for-engineers",
        "said_on": "2019-03-14",
        "context_en": (
            'From Wren\'s talk "Backprop for people who ship software" at an Edinburgh '
            "engineering meetup, March 2019."
        ),
        "context_zh": (
            "出自雷恩 2019 年 3 月在爱丁堡一场工程师技术聚会上的演讲《写给做软件的人的反向传播》。"
        ),
    },
    {
        "key": "wren-unfashionable-years",
        "speaker": "tobias_wren",
        "text_en": (
            "The unfashionable years were not wasted years. They were the years in which the "
            "tools were sharpened and the students were trained."
        ),
        "text_zh": (
            "不合时宜的那些年并不是虚度的年月。正是在那些年里，工具被磨快了，学生被培养出来了。"
        ),
        "source_url": "https://slowgradient.example.com/2021/06/the-quiet-decade",
        "said_on": "2021-06-18",
        "context_en": (
            'From "The Quiet Decade", Wren\'s 2021 Slow Gradient essay on neural network '
            "research between 1995 and 2005."
        ),
        "context_zh": (
            "出自雷恩 2021 年发表在 Slow Gradient 上的文章《安静的十年》，该文回顾了 1995 年至 "
            "2005 年间的神经网络研究。"
        ),
    },
]

TERMS = [
    {
        "english": "perceptron",
        "chinese": "感知机",
        "notes": "Rosenblatt 1958 年提出的模型。本站统一译作“感知机”，不用“感知器”。",
        "case_sensitive": False,
        "forbidden": ["感知器"],
    },
    {
        "english": "neural network",
        "chinese": "神经网络",
        "notes": "不用台湾地区的“类神经网络”。“artificial neural network”译作“人工神经网络”。",
        "case_sensitive": False,
        "forbidden": ["类神经网络"],
    },
    {
        "english": "convolutional neural network",
        "chinese": "卷积神经网络",
        "notes": "缩写 CNN 可保留；“convolutional network”可简译为“卷积网络”。",
        "case_sensitive": False,
        "forbidden": ["摺积神经网络", "卷积类神经网络"],
    },
    {
        "english": "backpropagation",
        "chinese": "反向传播",
        "notes": "算法名。“back-propagating errors”译作“反向传播误差”。",
        "case_sensitive": False,
        "forbidden": ["倒传递", "逆传播"],
    },
    {
        "english": "deep learning",
        "chinese": "深度学习",
        "notes": "",
        "case_sensitive": False,
        "forbidden": ["深层学习"],
    },
    {
        "english": "machine learning",
        "chinese": "机器学习",
        "notes": "",
        "case_sensitive": False,
        "forbidden": ["机械学习"],
    },
    {
        "english": "gradient",
        "chinese": "梯度",
        "notes": "“gradient descent”译作“梯度下降”。",
        "case_sensitive": False,
        "forbidden": [],
    },
    {
        "english": "vanishing gradient",
        "chinese": "梯度消失",
        "notes": "本站统一用“梯度消失”，不用“梯度弥散”。",
        "case_sensitive": False,
        "forbidden": ["梯度弥散"],
    },
    {
        "english": "long short-term memory",
        "chinese": "长短期记忆",
        "notes": "网络名可作“长短期记忆网络（LSTM）”，不用“长短时记忆”。",
        "case_sensitive": False,
        "forbidden": ["长短时记忆"],
    },
    {
        "english": "deep belief net",
        "chinese": "深度信念网络",
        "notes": (
            "也写作 deep belief network。文献中“深度置信网络”亦常见，本站统一用“深度信念网络”。"
        ),
        "case_sensitive": False,
        "forbidden": ["深度置信网络"],
    },
    {
        "english": "dataset",
        "chinese": "数据集",
        "notes": "不用台湾地区的“资料集”。",
        "case_sensitive": False,
        "forbidden": ["资料集"],
    },
    {
        "english": "GPU",
        "chinese": "GPU",
        "notes": "保留英文缩写；需要解释时写作“图形处理器（GPU）”。",
        "case_sensitive": True,
        "forbidden": ["图像处理器"],
    },
    {
        "english": "AI winter",
        "chinese": "人工智能寒冬",
        "notes": "“the first AI winter”译作“第一次人工智能寒冬”。",
        "case_sensitive": True,
        "forbidden": ["AI 冬天", "AI冬天"],
    },
    {
        "english": "Turing Award",
        "chinese": "图灵奖",
        "notes": (
            "全称 ACM A.M. Turing Award；年度以颁奖所属年份计，如“2018 年度图灵奖”于 2019 年公布。"
        ),
        "case_sensitive": True,
        "forbidden": [],
    },
    {
        "english": "computer vision",
        "chinese": "计算机视觉",
        "notes": "",
        "case_sensitive": False,
        "forbidden": ["电脑视觉"],
    },
]

ARTICLE = {
    "slug": "before-the-spring-deep-learning-pioneers",
    "title": "从感知机到 AlexNet：让神经网络熬过寒冬的那些人",
    "headline_en": "Before the Spring: The People Who Kept Neural Networks Alive",
    "headline_zh": "春天到来之前：让神经网络熬过寒冬的那些人",
    "summary_en": (
        "Written after the 2024 Nobel Prize in Physics, a history of the researchers who kept "
        "working on neural networks through two AI winters, from Rosenblatt's perceptron in 1958 "
        "to AlexNet in 2012."
    ),
    "summary_zh": (
        "2024 年诺贝尔物理学奖公布后，科技作者托比亚斯·雷恩回望神经网络的两次寒冬：从 1958 "
        "年罗森布拉特的感知机到 2012 年的 AlexNet，那些坚持下来的人是谁，最终又是什么改变了局面。"
    ),
    "seo_description_en": (
        "From the 1958 perceptron to AlexNet in 2012: Rosenblatt, Minsky, Hinton, LeCun, Bengio, "
        "Hochreiter, Fei-Fei Li and the long road to deep learning."
    ),
    "seo_description_zh": (
        "从 1958 年的感知机到 2012 年的 AlexNet：罗森布拉特、辛顿、杨立昆、本吉奥、"
        "李飞飞等人与深度学习的漫长来路。"
    ),
    "original_url": "https://slowgradient.example.com/2024/10/before-the-spring",
    "original_title": "Before the Spring: The People Who Kept Neural Networks Alive",
    "original_author": "tobias_wren",
    "original_published": "2024-10-14",
    "platform": "blog",
    "licence": "permission",
    "show_original": True,
    "translation_method": "ai_assisted",
    "ai_model": "gpt-4o-2024-08-06",
    "disclosure_zh": (
        "本文由 AI（GPT-4o）生成初稿，经译者逐段对照原文校订；译文略有删减，删节 3 处、略去 1 节，"
        "均已在文中标注。"
    ),
    "publisher_credit": "对照编辑部编译；原文作者托比亚斯·雷恩授权翻译发布",
    "topics": ["deep-learning", "ai-history", "computer-vision"],
    "people_mentioned": [
        "geoffrey_hinton",
        "john_hopfield",
        "frank_rosenblatt",
        "marvin_minsky",
        "seymour_papert",
        "david_rumelhart",
        "yann_lecun",
        "yoshua_bengio",
        "sepp_hochreiter",
        "juergen_schmidhuber",
        "fei_fei_li",
        "alex_krizhevsky",
        "ilya_sutskever",
    ],
    "sections": [
        {
            "heading_en": "",
            "heading_zh": "编者按",
            "body_en": "",
            "body_zh": (
                "<p>2024 年 10 月 8 日，瑞典皇家科学院宣布，将当年的诺贝尔物理学奖授予美国科学家约"
                "翰·霍普菲尔德（John Hopfield）和英裔加拿大科学家杰弗里·辛顿（Geoffrey Hinton），"
                "表彰他们“为利用人工神经网络实现机器学习奠定基础的发现和发明”。第二天，"
                "诺贝尔化学奖的一半又颁给了 Google DeepMind 的戴密斯·哈萨比斯（Demis Hassabis）"
                "和约翰·江珀（John Jumper），以表彰他们在蛋白质结构预测上的工作。一周之内，"
                "两项诺贝尔科学奖都与神经网络有关，在学界内外引发了热烈讨论。</p>"
                "<p>距离辛顿与约书亚·本吉奥、杨立昆分享 2018 年度图灵奖，不过 5 年多时间；"
                "而在此之前的几十年里，神经网络曾长期被视为一条走不通的路。"
                "常驻爱丁堡的科技作者托比亚斯·雷恩（Tobias Wren）在诺奖公布后写下一篇长文，从 "
                "1958 年的感知机一路讲到 2012 年的 AlexNet，讲技术，更讲那些在冷门岁月里坚持下来的"
                "人。经作者授权，我们将全文编译如下。</p>"
            ),
            "ai_draft_zh": "",
            "status": "added",
            "note": "编者撰写的导语，原文无对应内容。",
            "quote": None,
        },
        {
            "heading_en": "",
            "heading_zh": "译者说明",
            "body_en": "",
            "body_zh": (
                "<p>本文借助 AI 的能力做了一下编译：先由模型生成初稿，再由译者逐段对照原文校订。"
                "为照顾中文读者，我们略微做了一点删减：原文中讲梯度消失数学原理的一节整节略去，"
                "另有三处与主线关系不大的个人回忆和旁枝内容做了删节，删减之处均在文中标出，"
                "并可切换查看英文原文。</p>"
                "<p>人名首次出现时附英文原名，术语译法以本站术语表为准。原文标题为“Before the "
                "Spring: The People Who Kept Neural Networks Alive”，发表于作者的个人通讯 Slow "
                "Gradient。原文链接：<a "
                'href="https://slowgradient.example.com/2024/10/before-the-spring">'
                "https://slowgradient.example.com/2024/10/before-the-spring</a></p>"
            ),
            "ai_draft_zh": "",
            "status": "added",
            "note": "译者说明，原文无对应内容。",
            "quote": None,
        },
        {
            "heading_en": "1. A phone call from Stockholm",
            "heading_zh": "一、来自斯德哥尔摩的电话",
            "body_en": (
                "<p>On the morning of 8 October 2024, the Royal Swedish Academy of Sciences got "
                "through to a 76-year-old computer scientist staying in a cheap hotel in "
                "California, one with a poor internet connection and worse phone reception. "
                "Geoffrey Hinton had just been named a winner of the Nobel Prize in Physics. He "
                "shared it with John Hopfield, a 91-year-old physicist at Princeton whose 1982 "
                "paper showed how a network of simple, interconnected units could store memories "
                "and recall them from incomplete clues.</p>"
                "<p>The committee's citation honoured \"foundational discoveries and inventions "
                'that enable machine learning with artificial neural networks". Plenty of '
                "physicists grumbled that this was not physics at all. I understand the "
                "complaint, but I think it misses what made the moment remarkable. For most of "
                "the half-century before 2012, the idea being honoured was regarded, by a large "
                "part of computer science, as a respectable way to waste a career.</p>"
                "<p>This essay is about that half-century. It is not a complete history; those "
                "exist, and some of them are excellent. It is a story about a handful of people "
                "who kept working on neural networks after the funding, the conferences and the "
                "fashion had all moved elsewhere, and about what finally changed. It begins with "
                "a psychologist in Buffalo and ends, more or less, with a graduate student's code "
                "running on two gaming graphics cards in a Toronto bedroom.</p>"
                "<p>Asked by the press conference in Stockholm how he felt, Hinton said:</p>"
            ),
            "body_zh": (
                "<p>2024 年 10 月 8 日上午，瑞典皇家科学院打通了一位 76 岁计算机科学家的电话。"
                "他当时住在加利福尼亚一家廉价旅馆里，网络很差，手机信号更差。"
                "杰弗里·辛顿刚刚获得诺贝尔物理学奖。与他分享这一奖项的，是 91 "
                "岁的普林斯顿大学物理学家约翰·霍普菲尔德。霍普菲尔德在 1982 年的论文中展示了："
                "由简单单元相互连接而成的网络，能够存储记忆，并根据不完整的线索把记忆回想起来。"
                "</p>"
                "<p>诺贝尔委员会的颁奖词表彰的是“为利用人工神经网络实现机器学习奠定基础的发现和发"
                "明”。不少物理学家抱怨这根本不算物理学。我能理解这种不满，"
                "但我认为它没有抓住这一刻真正不同寻常的地方：在 2012 年之前的大半个世纪里，"
                "计算机科学界相当多的人都把这个如今获奖的想法，看作一种“体面地浪费职业生涯”"
                "的方式。</p>"
                "<p>这篇文章讲的就是那半个世纪。它不是一部完整的历史——那样的著作已经有了，"
                "其中一些写得非常好。它讲的是少数几个人：经费、会议和潮流都转向别处之后，"
                "他们仍然坚持研究神经网络；它也讲最终是什么改变了局面。故事从布法罗的一位心理学家"
                "讲起，大致结束于多伦多的一间卧室——一名研究生的代码在两块游戏显卡上运行。</p>"
                "<p>在斯德哥尔摩的新闻发布会上，被问到此刻有何感受时，辛顿说：</p>"
            ),
            "ai_draft_zh": (
                "<p>2024 年 10 月 8 日早上，瑞典皇家科学院联系上了一位 76 岁的计算机科学家，"
                "他正住在加利福尼亚的一家便宜的酒店里，那里的互联网连接很差，电话接收更差。"
                "杰弗里·辛顿刚刚被任命为诺贝尔物理学奖的获得者。他与约翰·霍普菲尔德分享了该奖项，"
                "后者是一位 91 岁的普林斯顿物理学家，他 1982 年的论文展示了一个由简单的、"
                "相互连接的单元组成的网络如何能够存储记忆并从不完整的线索中回忆起它们。</p>"
                "<p>委员会的引文表彰了“使人工神经网络的机器学习成为可能的基础性发现和发明”。"
                "很多物理学家抱怨这根本不是物理学。我理解这种抱怨，但我认为它错过了使这一时刻非凡"
                "的东西。在 2012 年之前的半个世纪的大部分时间里，被表彰的这个想法被计算机科学的很"
                "大一部分人视为一种浪费职业生涯的体面方式。</p>"
                "<p>这篇文章是关于那半个世纪的。它不是一部完整的历史；那些已经存在，"
                "其中一些非常出色。它是一个关于少数几个人的故事，他们在资金、"
                "会议和时尚都转移到别处之后继续研究神经网络，也是关于最终改变了什么的故事。"
                "它从布法罗的一位心理学家开始，或多或少地以一名研究生的代码在多伦多一间卧室里的两"
                "块游戏显卡上运行而结束。</p>"
                "<p>当斯德哥尔摩的新闻发布会问他感觉如何时，辛顿说：</p>"
            ),
            "status": "full",
            "note": "",
            "quote": "hinton-nobel-flabbergasted",
        },
        {
            "heading_en": "2. The machine that would walk, talk and see",
            "heading_zh": "二、据说能走路、说话、看东西的机器",
            "body_en": (
                "<p>In July 1958 the US Office of Naval Research invited reporters to Washington "
                "to watch a demonstration. Frank Rosenblatt, a psychologist at the Cornell "
                "Aeronautical Laboratory in Buffalo, New York, had programmed an IBM 704, a "
                "mainframe that filled a room, to simulate what he called a perceptron. According "
                "to the press accounts, the program was fed punched cards marked on either the "
                "left or the right and, after about 50 trials, learned to tell the two apart. The "
                "New York Times reported that the Navy expected the device's descendants to walk, "
                "talk, see, write, reproduce themselves and be conscious of their own "
                "existence.</p>"
                "<p>The claim was absurd, and Rosenblatt bore some of the blame for the hype, but "
                "the idea underneath it was sound and genuinely new. A perceptron takes a set of "
                "inputs, multiplies each by a weight, adds them up and fires if the total crosses "
                "a threshold. When it gets an answer wrong, the weights are nudged towards the "
                "right one. Rosenblatt and others soon proved that if a set of weights that "
                "solves the problem exists, this simple rule is guaranteed to find it. He called "
                "the process learning, and he meant it literally: nobody told the machine the "
                "rule; it was shown examples.</p>"
                "<p>Then he built the idea in hardware. The Mark I Perceptron, completed around "
                "1960, had a camera of 400 photocells arranged in a 20-by-20 grid, wired to a "
                "layer of units whose weights were stored in potentiometers turned by electric "
                "motors. It could learn to recognise simple letters and shapes. In his 1962 book, "
                "<em>Principles of Neurodynamics</em>, Rosenblatt also explored networks with "
                "more layers, though he had no good way to train them. That gap would matter for "
                "a very long time.</p>"
            ),
            "body_zh": (
                "<p>1958 年 7 月，美国海军研究办公室邀请记者到华盛顿观看一场演示。"
                "纽约州布法罗康奈尔航空实验室的心理学家弗兰克·罗森布拉特（Frank Rosenblatt）"
                "在一台占满整个房间的 IBM 704 大型计算机上编写程序，模拟他所说的“感知机”。"
                "据当时的报道，研究人员向程序输入左侧或右侧带有标记的穿孔卡片，大约试了 50 "
                "次之后，程序就学会了区分两者。《纽约时报》报道称，海军期待这种装置的后代能够走路"
                "、说话、看东西、写字、自我复制，并意识到自身的存在。</p>"
                "<p>这种说法荒诞不经，罗森布拉特本人对这番炒作也负有一定责任。"
                "但炒作之下的想法本身是站得住脚的，而且确实是全新的。感知机接收一组输入，"
                "把每个输入乘以一个权重后求和，总和超过阈值就“激发”。一旦答错，"
                "就把权重朝正确答案的方向微调一点。罗森布拉特和其他研究者很快证明："
                "只要存在一组能解决问题的权重，这条简单的规则就一定能找到它。"
                "他把这个过程称为“学习”，而且是字面意义上的学习——没有人告诉机器规则，"
                "只是给它看例子。</p>"
                "<p>随后，他把这个想法做成了硬件。约在 1960 年建成的 Mark I 感知机装有一台由 400 "
                "个光电管组成的“相机”，光电管排成 20×20 的阵列，连接到一层计算单元上，"
                "单元的权重存储在由电机转动的电位器里。它能学会识别简单的字母和形状。在 1962 "
                "年出版的《神经动力学原理》（<em>Principles of Neurodynamics</em>）一书中，"
                "罗森布拉特还探讨了层数更多的网络，只是当时他并没有训练这类网络的好办法。"
                "这个缺口此后影响了很长时间。</p>"
            ),
            "ai_draft_zh": (
                "<p>1958 年 7 月，美国海军研究办公室邀请记者到华盛顿观看一场演示。"
                "来自纽约布法罗康奈尔航空实验室的心理学家弗兰克·罗森布拉特对一台充满一个房间的大型"
                "机 IBM 704 进行了编程，以模拟他所谓的感知器。根据新闻报道，"
                "该程序被输入在左侧或右侧标记的穿孔卡片，并在大约 50 次试验后学会了区分两者。"
                "《纽约时报》报道称，海军期望该设备的后代能够走路、说话、看、写、"
                "自我复制并意识到自己的存在。</p>"
                "<p>这种说法是荒谬的，罗森布拉特对炒作负有部分责任，但其背后的想法是合理的，"
                "而且是真正新颖的。感知器接受一组输入，将每个输入乘以一个权重，将它们相加，"
                "如果总数超过阈值就会激发。当它得到错误的答案时，权重会被推向正确的答案。"
                "罗森布拉特和其他人很快证明，如果存在一组解决问题的权重，"
                "这个简单的规则保证能找到它。他称这个过程为学习，而且他是字面意思："
                "没有人告诉机器规则；它被展示了例子。</p>"
                "<p>然后他用硬件实现了这个想法。大约在 1960 年完成的 Mark I 感知器有一个由 400 "
                "个光电管组成的相机，排列成 20×20 的网格，连接到一层单元，"
                "其权重存储在由电动机转动的电位器中。它可以学会识别简单的字母和形状。在他 1962 "
                "年出版的《神经动力学原理》一书中，罗森布拉特还探索了具有更多层的网络，"
                "尽管他没有训练它们的好方法。这个差距将在很长一段时间内都很重要。</p>"
            ),
            "status": "full",
            "note": "",
            "quote": None,
        },
        {
            "heading_en": "3. Minsky, Papert and the first winter",
            "heading_zh": "三、明斯基、佩珀特与第一次寒冬",
            "body_en": (
                "<p>Rosenblatt's most formidable critic had gone to the same high school in the "
                "Bronx. Marvin Minsky had built one of the first neural-network learning "
                "machines, SNARC, as a graduate student in 1951, but by the 1960s he was a "
                "leading advocate of symbolic AI at MIT. In 1969 he and his colleague Seymour "
                "Papert published <em>Perceptrons</em>, a careful mathematical study of what "
                "single-layer perceptrons can and cannot compute. Among other results, they "
                "showed that such a network cannot compute XOR (the function that is true when "
                "exactly one of two inputs is true), and that no perceptron whose units each see "
                "only a small part of a picture can tell whether a figure in it is connected.</p>"
                "<p>A personal aside. I first read <em>Perceptrons</em> in its expanded 1988 "
                "edition, in a university library in Glasgow, with a pencil in my hand and a "
                "growing sense of injustice on Rosenblatt's behalf. Rereading it now, I think my "
                "younger self was unfair. The book is rigorous and often witty, and its new "
                "epilogue, written after backpropagation had arrived, defends its case without "
                'apology. Whether it "killed" neural networks is a question historians still '
                "argue about. My own view is that the funding climate would have turned anyway, "
                "and the book gave people a citation for a decision they were already making.</p>"
                "<p>None of the mathematics was wrong, and the authors knew that networks with "
                "hidden layers could in principle do more. But nobody knew how to train such "
                "networks, and the book's tone left many readers with the impression that the "
                "whole approach was a dead end. Funding agencies, already impatient, moved their "
                "money to symbolic systems. In Britain, the Lighthill report of 1973 delivered a "
                "broader verdict against AI research. The lean years that followed are now called "
                "the first AI winter.</p>"
                "<p>Rosenblatt did not live to see the thaw. He died in a boating accident on "
                "Chesapeake Bay on 11 July 1971, his 43rd birthday.</p>"
            ),
            "body_zh": (
                "<p>罗森布拉特最强劲的批评者，和他上过布朗克斯区的同一所高中。马文·明斯基（Marvin "
                "Minsky）1951 年还在读研究生时，就造出了最早的神经网络学习机器之一 SNARC；到了 20 "
                "世纪 60 年代，他已是麻省理工学院符号主义人工智能的领军人物。1969 年，"
                "他和同事西摩·佩珀特（Seymour Papert）出版了《感知机》（<em>Perceptrons</em>）"
                "一书，用严谨的数学分析了单层感知机能计算什么、不能计算什么。书中证明，"
                "这样的网络无法计算异或（XOR，即两个输入中恰好一个为真时输出为真）；"
                "而如果每个单元只能看到图像的一小块，任何感知机都无法判断图中的图形是否连通。</p>"
                "<p>这些数学结论都没有错，两位作者也知道，带隐藏层的网络原则上能做更多的事。"
                "但当时没有人知道如何训练这样的网络，而全书的语气让许多读者觉得整条路线都走不通。"
                "本就失去耐心的资助机构把钱转向了符号系统。在英国，1973 "
                "年的莱特希尔报告（Lighthill report）对人工智能研究作出了更全面的否定。"
                "随后的艰难岁月，如今被称为第一次“人工智能寒冬”。</p>"
                "<p>罗森布拉特没能等到解冻。1971 年 7 月 11 日，也就是他 43 岁生日那天，"
                "他在切萨皮克湾的一次划船事故中去世。</p>"
            ),
            "ai_draft_zh": (
                "<p>罗森布拉特最强大的批评者曾就读于布朗克斯的同一所高中。马文·明斯基在 1951 "
                "年作为研究生时建造了最早的神经网络学习机器之一 SNARC，但到了 20 世纪 60 年代，"
                "他已成为麻省理工学院符号人工智能的主要倡导者。1969 年，他和他的同事西摩·佩珀特出"
                "版了《感知机》，这是一项关于单层感知机能够计算和不能计算什么的仔细的数学研究。"
                "在其他结果中，他们证明了这样的网络无法计算 XOR（当两个输入中恰好有一个为真时为真"
                "的函数），并且没有一个每个单元只看到图片一小部分的感知机能够判断其中的图形是否连"
                "通。</p>"
                "<p>一个个人的题外话。我第一次读《感知机》是在格拉斯哥的一个大学图书馆里，读的是 "
                "1988 年的扩展版，手里拿着一支铅笔，对罗森布拉特的不公平感越来越强。现在重读，"
                "我认为年轻时的我是不公平的。这本书严谨而且常常很机智，它的新后记写于反向传播出现"
                "之后，毫无歉意地为其观点辩护。它是否“杀死”了神经网络是历史学家仍在争论的问题。"
                "我自己的观点是，资金环境无论如何都会转向，而这本书为人们已经在做的决定提供了一个"
                "引用。</p>"
                "<p>数学上没有任何错误，作者们也知道具有隐藏层的网络原则上可以做更多的事情。"
                "但没有人知道如何训练这样的网络，而这本书的语气给许多读者留下了整个方法是死胡同的"
                "印象。已经不耐烦的资助机构把他们的钱转移到了符号系统。在英国，1973 "
                "年的莱特希尔报告对人工智能研究作出了更广泛的否定判决。随后的艰难岁月现在被称为第"
                "一次 AI 冬天。</p>"
                "<p>罗森布拉特没有活着看到解冻。他于 1971 年 7 月 11 日，即他 43 岁生日那天，"
                "在切萨皮克湾的一次划船事故中去世。</p>"
            ),
            "status": "abridged",
            "note": (
                "删去了作者在格拉斯哥的大学图书馆初读《感知机》（1988 年增订版）的个人回忆，"
                "以及他对该书是否“扼杀”了神经网络研究的个人看法（英文第 2 段），与主线关系不大。"
            ),
            "quote": None,
        },
        {
            "heading_en": "4. Backpropagation, an idea with many parents",
            "heading_zh": "四、反向传播：一个有许多“父母”的想法",
            "body_en": (
                "<p>The missing piece was a way to train networks with hidden layers: to work "
                "out, for every weight buried deep inside, how much it had contributed to the "
                "final error. The mathematics needed is the chain rule from calculus, applied "
                "systematically from the output back towards the input. That is all "
                "backpropagation is, and it was discovered more than once. The Finnish "
                "mathematician Seppo Linnainmaa described the general method for computing such "
                "derivatives efficiently in his 1970 master's thesis. Paul Werbos proposed using "
                "it to train neural networks in his 1974 Harvard PhD thesis and published a "
                "clearer account in 1982. Others found versions of it independently in the "
                "mid-1980s, among them Yann LeCun, then a student in Paris.</p>"
                "<p>What made the 1986 version different was who published it, where, and what it "
                "showed. In a four-page letter to <em>Nature</em> that October, David Rumelhart, "
                "Geoffrey Hinton and Ronald Williams demonstrated that a network trained this way "
                "learns useful internal representations on its own. In one experiment the network "
                "was given the relationships within two families, one English and one Italian, "
                "with identical structure, and its hidden units came to encode features such as "
                "nationality and generation that nobody had programmed in. The same year, "
                "Rumelhart and James McClelland edited the two-volume <em>Parallel Distributed "
                "Processing</em>, which gave the approach a name, a manifesto and a generation of "
                "readers.</p>"
                "<p>Backpropagation did not end the winter. Networks trained with it were slow, "
                "fiddly and hard to make deep, and the computers of the 1980s were small. But it "
                'changed the question from "can multi-layer networks learn?" to "how do we '
                'make them learn better?" I once summed up the episode like this, in a talk to a '
                "room of rather sceptical software engineers:</p>"
            ),
            "body_zh": (
                "<p>缺少的那一块，是训练带隐藏层网络的方法：对于埋藏在网络深处的每一个权重，"
                "算出它对最终误差贡献了多少。所需的数学工具就是微积分里的链式法则，"
                "从输出端一层层系统地推回输入端。反向传播说穿了就是这么回事，"
                "而它被发现过不止一次。芬兰数学家塞波·林纳因马（Seppo Linnainmaa）在 1970 "
                "年的硕士论文中描述了高效计算这类导数的一般方法。保罗·韦尔博斯（Paul Werbos）在 "
                "1974 年的哈佛大学博士论文中提出用它来训练神经网络，并在 1982 "
                "年发表了更清晰的阐述。20 世纪 80 年代中期，还有人各自独立地找到了它的不同版本，"
                "其中包括当时还在巴黎读书的杨立昆（Yann LeCun）。</p>"
                "<p>1986 年的版本之所以与众不同，在于发表它的人、发表的地方，以及它所展示的东西。"
                "当年 10 月，大卫·鲁梅尔哈特（David Rumelhart）、杰弗里·辛顿和罗纳德·威廉姆斯（"
                "Ronald Williams）在《自然》（<em>Nature</em>）杂志上发表了一篇 4 页的短文，"
                "证明用这种方法训练的网络能够自己学到有用的内部表示。在其中一个实验里，"
                "研究者把两个结构完全相同的家族（一个英国家族、一个意大利家族）"
                "的亲属关系输入网络，网络的隐藏单元逐渐编码出国籍、辈分等特征，"
                "而这些都不是人为编写进去的。同一年，鲁梅尔哈特和詹姆斯·麦克莱兰（James "
                "McClelland）主编了两卷本的《并行分布式处理》（<em>Parallel Distributed "
                "Processing</em>），为这一路线提供了名称、宣言，以及整整一代读者。</p>"
                "<p>反向传播并没有终结寒冬。用它训练的网络速度慢、难调试，也很难做深，而 20 世纪 "
                "80 年代的计算机又很小。但它把问题从“多层网络能不能学习？”"
                "变成了“怎样让它们学得更好？”。有一次，我面对满屋子颇为怀疑的软件工程师做演讲，"
                "是这样总结这段往事的：</p>"
            ),
            "ai_draft_zh": (
                "<p>缺失的部分是一种训练具有隐藏层的网络的方法：为埋藏在深处的每个权重计算出它对最"
                "终误差贡献了多少。所需的数学是微积分中的链式法则，从输出系统地应用回输入。"
                "这就是反向传播的全部，而且它被发现了不止一次。芬兰数学家塞波·林纳因马在他 1970 "
                "年的硕士论文中描述了有效计算此类导数的一般方法。保罗·韦尔博斯在他 1974 "
                "年的哈佛博士论文中提出用它来训练神经网络，并在 1982 年发表了更清晰的描述。"
                "其他人在 20 世纪 80 年代中期独立地发现了它的版本，其中包括当时在巴黎读书的学生杨"
                "立昆。</p>"
                "<p>使 1986 年版本与众不同的是谁发表了它、在哪里发表，以及它展示了什么。那年 10 "
                "月，在给《自然》的一封四页信中，大卫·鲁梅尔哈特、杰弗里·辛顿和罗纳德·威廉姆斯证明"
                "了以这种方式训练的网络可以自己学习有用的内部表示。在一个实验中，"
                "网络被给予了两个家庭内部的关系，一个英国家庭和一个意大利家庭，具有相同的结构，"
                "其隐藏单元开始编码诸如国籍和世代等没有人编程进去的特征。同年，"
                "鲁梅尔哈特和詹姆斯·麦克莱兰编辑了两卷本的《并行分布式处理》，"
                "为这种方法提供了一个名字、一份宣言和一代读者。</p>"
                "<p>反向传播并没有结束冬天。用它训练的网络速度慢、繁琐且难以做深，而 20 世纪 80 "
                "年代的计算机很小。但它把问题从“多层网络能学习吗？”变成了“我们如何让它们学得更好？"
                "”我曾经在对一屋子相当怀疑的软件工程师的演讲中这样总结这一事件：</p>"
            ),
            "status": "full",
            "note": "",
            "quote": "wren-backprop-rediscovered",
        },
        {
            "heading_en": "5. Why Toronto?",
            "heading_zh": "五、为什么是多伦多？",
            "body_en": (
                "<p>Hinton's own route to that paper was unusual. Born in London in 1947, he "
                "studied experimental psychology at Cambridge, graduating in 1970, and worked for "
                "a while as a carpenter before starting a PhD in artificial intelligence at "
                "Edinburgh, which he completed in 1978. His supervisor, Christopher "
                "Longuet-Higgins, had by then lost faith in neural networks; Hinton stuck with "
                "them anyway. After postdoctoral posts in Britain and in California, where he met "
                "Rumelhart, he joined Carnegie Mellon University in 1982.</p>"
                "<p>In 1987 he moved to the University of Toronto. He has said that part of the "
                "reason was that most AI research in the United States was paid for by the "
                "military, and he did not want to take defence money. Canada offered an "
                "alternative: the Canadian Institute for Advanced Research, or CIFAR, which "
                "existed to fund long, unfashionable bets and took him on as a fellow. The "
                "decision had consequences for the whole field. Over the next 25 years Toronto "
                "became the place where neural networks were kept alive, and a steady stream of "
                "students passed through Hinton's group.</p>"
                "<p>One of his early visitors was a young Frenchman. Yann LeCun, who had found "
                "his own way to backpropagation, spent a year as a postdoctoral researcher with "
                "Hinton in 1987 and 1988 before being hired by AT&amp;T Bell Laboratories in New "
                "Jersey. Their paths would keep crossing for the next three decades.</p>"
            ),
            "body_zh": (
                "<p>辛顿本人走向那篇论文的道路颇不寻常。他 1947 年生于伦敦，"
                "在剑桥大学学习实验心理学，1970 年毕业，之后还当过一阵子木匠，"
                "才去爱丁堡大学攻读人工智能博士学位，并于 1978 年毕业。他的导师克里斯托弗·朗格-希"
                "金斯（Christopher Longuet-Higgins）那时已经对神经网络失去了信心，辛顿却依然坚持。"
                "先后在英国和加利福尼亚做过博士后（他在加州结识了鲁梅尔哈特）之后，他于 1982 "
                "年加入卡内基梅隆大学。</p>"
                "<p>1987 年，他转到多伦多大学。他说过，原因之一是美国的人工智能研究大多由军方出钱"
                "，而他不想拿国防经费。加拿大提供了另一种选择：加拿大高等研究院（CIFAR）"
                "的宗旨正是资助那些周期长、不合潮流的冒险，它聘请辛顿为研究员。"
                "这个决定影响了整个领域。此后 25 年里，多伦多成了让神经网络得以延续的地方，"
                "一批又一批学生从辛顿的研究组走出来。</p>"
                "<p>他早期的访客中有一位法国年轻人。自己摸索出反向传播的杨立昆，在 1987 年至 1988 "
                "年间跟随辛顿做了一年博士后，随后被新泽西州的 AT&amp;T 贝尔实验室聘用。此后 30 "
                "年间，两人的道路不断交汇。</p>"
            ),
            "ai_draft_zh": (
                "<p>欣顿自己通往那篇论文的道路是不寻常的。他 1947 年出生于伦敦，"
                "在剑桥学习实验心理学，1970 年毕业，在爱丁堡开始人工智能博士学位之前当了一段时间的"
                "木匠，并于 1978 年完成学位。他的导师克里斯托弗·朗格-希金斯当时已经对神经网络失去"
                "了信心；欣顿无论如何都坚持了下来。在英国和加利福尼亚担任博士后职位（他在加利福尼"
                "亚遇到了鲁梅尔哈特）之后，他于 1982 年加入卡内基梅隆大学。</p>"
                "<p>1987 年，他搬到了多伦多大学。他曾说过，部分原因是美国的大多数人工智能研究都是"
                "由军方支付的，而他不想拿国防的钱。加拿大提供了一个替代方案：加拿大高级研究所，即 "
                "CIFAR，它的存在是为了资助长期的、不时髦的赌注，并接纳他为研究员。"
                "这个决定对整个领域产生了影响。在接下来的 25 年里，多伦多成为神经网络得以存活的地"
                "方，源源不断的学生通过了欣顿的小组。</p>"
                "<p>他早期的访客之一是一位年轻的法国人。已经独立找到反向传播的杨乐昆于 1987 年和 "
                "1988 年在欣顿那里做了一年博士后研究员，然后被新泽西的 AT&amp;T 贝尔实验室聘用。"
                "在接下来的三十年里，他们的道路将不断交叉。</p>"
            ),
            "status": "full",
            "note": "",
            "quote": None,
        },
        {
            "heading_en": "6. Reading the post",
            "heading_zh": "六、读懂信封上的数字",
            "body_en": (
                "<p>At Bell Labs, LeCun went after a problem with obvious commercial value: "
                "reading handwritten digits. His 1989 paper in <em>Neural Computation</em>, "
                '"Backpropagation Applied to Handwritten Zip Code Recognition", trained a '
                "network on digits taken from real US mail. The key idea was to build knowledge "
                "about images into the architecture itself. Instead of connecting every input "
                "pixel to every unit, each unit looked at a small patch, and the same small set "
                "of weights was reused across the whole image, so a feature detector learned in "
                "one corner worked everywhere. This is the convolutional neural network. Kunihiko "
                "Fukushima's neocognitron, published in 1980, had a similar layered structure, "
                "but it was not trained end to end with backpropagation.</p>"
                "<p>Over the following decade the design was refined into a family of networks "
                "that became known as LeNet. The best-known version, LeNet-5, was described in a "
                "long 1998 paper in the <em>Proceedings of the IEEE</em> by LeCun, Léon Bottou, "
                "Yoshua Bengio and Patrick Haffner. LeCun and his colleagues also released MNIST, "
                "a collection of 70,000 small images of handwritten digits (60,000 for training "
                'and 10,000 for testing), which became the "hello, world" of machine learning '
                "for a generation of students.</p>"
                "<p>This was not a toy. A cheque-reading system built on these networks and "
                "deployed by NCR was, by the late 1990s, processing more than 10% of all cheques "
                "written in the United States. And yet the wider research community was largely "
                "unmoved. The networks were hard to train, demanded a kind of expertise that "
                "looked like black magic, and did not obviously beat simpler methods on most "
                "problems. LeCun moved to New York University in 2003 and kept going.</p>"
            ),
            "body_zh": (
                "<p>在贝尔实验室，杨立昆瞄准了一个商业价值显而易见的问题：识别手写数字。他 1989 "
                "年发表在《神经计算》（<em>Neural Computation</em>）上的论文《反向传播应用于手写邮"
                "政编码识别》，用取自美国真实邮件的数字来训练网络。核心思想是把关于图像的知识直接"
                "写进网络结构：不再让每个输入像素连接到每个单元，而是让每个单元只看一小块区域，"
                "并在整幅图像上重复使用同一小组权重，这样在一个角落学到的特征检测器，"
                "放到任何位置都能用。这就是卷积神经网络。福岛邦彦（Kunihiko Fukushima）1980 "
                "年发表的“新认知机”（neocognitron）已经有类似的分层结构，"
                "但它并不是用反向传播进行端到端训练的。</p>"
                "<p>随后 10 年间，这一设计不断改进，形成了后来被称为 LeNet 的一系列网络。"
                "其中最有名的 LeNet-5，出自杨立昆、莱昂·博图（Léon Bottou）、"
                "约书亚·本吉奥（Yoshua Bengio）和帕特里克·哈夫纳（Patrick Haffner）1998 "
                "年发表在《IEEE 会刊》（<em>Proceedings of the IEEE</em>）上的一篇长文。"
                "杨立昆和同事还发布了 MNIST，其中包含 70,000 张手写数字小图（60,000 张用于训练，"
                "10,000 张用于测试），它成了一代学生入门机器学习时的“Hello, World”。</p>"
                "<p>这可不是玩具。基于这些网络、由 NCR 公司部署的支票识别系统，到 20 世纪 90 "
                "年代末已经在处理全美 10% 以上的支票。然而，更广泛的研究界大体上无动于衷："
                "这类网络难以训练，所需的经验技巧看上去像“黑魔法”，在大多数问题上也没有明显胜过更"
                "简单的方法。2003 年，杨立昆转到纽约大学，继续坚持这条路。</p>"
            ),
            "ai_draft_zh": (
                "<p>在贝尔实验室，杨乐昆着手解决一个具有明显商业价值的问题：阅读手写数字。他 1989 "
                "年发表在《神经计算》上的论文“反向传播应用于手写邮政编码识别”"
                "在取自真实美国邮件的数字上训练了一个网络。关键的想法是将关于图像的知识构建到架构"
                "本身中。不是将每个输入像素连接到每个单元，而是每个单元查看一个小块，"
                "并且相同的一小组权重在整个图像中被重复使用，因此在一个角落学到的特征检测器在任何"
                "地方都有效。这就是卷积神经网络。福岛邦彦 1980 年发表的新认知机具有类似的分层结构"
                "，但它没有通过反向传播进行端到端的训练。</p>"
                "<p>在接下来的十年里，该设计被改进为一个被称为 LeNet 的网络家族。最著名的版本 "
                "LeNet-5 在 1998 年由杨乐昆、莱昂·博图、约书亚·本吉奥和帕特里克·哈夫纳发表在《"
                "IEEE 会刊》上的一篇长论文中进行了描述。杨乐昆和他的同事还发布了 MNIST，"
                "这是一个包含 70,000 张手写数字小图像的集合（60,000 张用于训练，10,000 "
                "张用于测试），它成为一代学生机器学习的“hello, world”。</p>"
                "<p>这不是一个玩具。一个基于这些网络并由 NCR 部署的支票阅读系统，到 20 世纪 90 "
                "年代后期，正在处理美国所有支票的 10% 以上。然而，更广泛的研究界基本上无动于衷。"
                "这些网络很难训练，需要一种看起来像黑魔法的专业知识，并且在大多数问题上并没有明显"
                "击败更简单的方法。杨乐昆在 2003 年搬到了纽约大学并继续前进。</p>"
            ),
            "status": "full",
            "note": "",
            "quote": None,
        },
        {
            "heading_en": "7. A network that remembers",
            "heading_zh": "七、记得住的网络",
            "body_en": (
                "<p>While LeCun was teaching networks to see, others were trying to teach them to "
                "remember. Recurrent networks, which feed their own output back in as input, are "
                "the natural tool for sequences such as speech or text, and in principle they can "
                "carry information across many time steps. In practice, as Sepp Hochreiter showed "
                "in his 1991 diploma thesis at the Technical University of Munich, the error "
                "signals used to train them either shrink towards zero or blow up as they are "
                "passed back through time. Yoshua Bengio, Patrice Simard and Paolo Frasconi "
                "reached a similar conclusion in a 1994 paper. This is the vanishing gradient "
                "problem, and for a while it looked like a fundamental limit.</p>"
                "<p>Hochreiter and his former supervisor, Jürgen Schmidhuber, published their "
                "answer in 1997: long short-term memory, or LSTM. The trick was a memory cell "
                'whose contents are carried forward unchanged unless learned "gates" decide to '
                "write to it or read from it, so that error can flow back across hundreds or even "
                'thousands of steps without fading. A "forget gate", added by Felix Gers, '
                "Schmidhuber and Fred Cummins in 2000, let the cell clear its own memory, and it "
                "is part of most versions in use today.</p>"
                "<p>LSTM took years to catch on, but when it did, it was everywhere. In the late "
                "2000s LSTM networks won handwriting recognition competitions; by the middle of "
                "the following decade they were doing speech recognition on smartphones and, from "
                "2016, translation in Google's neural machine translation system. For roughly ten "
                "years, until the Transformer arrived in 2017, a neural network that processed "
                "language was quite likely to be an LSTM.</p>"
            ),
            "body_zh": (
                "<p>杨立昆教网络“看”的同时，另一些人在尝试教网络“记”。循环网络会把自己的输出再作为"
                "输入送回去，是处理语音、文本这类序列的天然工具，原则上能把信息传过许多个时间步。"
                "但实际上，正如塞普·霍克赖特（Sepp Hochreiter）1991 年在慕尼黑工业大学的毕业论文中"
                "所指出的，用来训练网络的误差信号沿时间往回传时，要么缩小到接近于零，"
                "要么急剧膨胀。约书亚·本吉奥、帕特里斯·西马德（Patrice Simard）"
                "和保罗·弗拉斯科尼（Paolo Frasconi）在 1994 年的一篇论文中也得出了类似结论。"
                "这就是梯度消失问题，一度看起来像是无法逾越的根本局限。</p>"
                "<p>1997 年，霍克赖特和他从前的导师于尔根·施密德胡伯（Jürgen Schmidhuber）"
                "发表了他们的答案：长短期记忆网络（LSTM）。诀窍在于一个记忆单元："
                "除非经过学习的“门”决定写入或读取，单元里的内容会原封不动地向前传递，"
                "这样误差就能往回流过几百甚至几千个时间步而不衰减。2000 年，费利克斯·格斯（Felix "
                "Gers）、施密德胡伯和弗雷德·康明斯（Fred Cummins）又加入了“遗忘门”，"
                "让记忆单元可以清空自己的记忆；如今使用的大多数版本都带有遗忘门。</p>"
                "<p>LSTM 过了好些年才流行起来，可一旦流行，就无处不在。2000 年代后期，LSTM "
                "网络在手写识别比赛中屡屡夺冠；到下一个十年的中期，它们在智能手机上承担语音识别，"
                "并从 2016 年起在谷歌神经机器翻译系统中负责翻译。在大约 10 年里，直到 2017 年 "
                "Transformer 出现之前，处理语言的神经网络很可能就是一个 LSTM。</p>"
            ),
            "ai_draft_zh": (
                "<p>杨立昆教网络“看”的同时，另一些人在尝试教网络“记”。循环网络会把自己的输出再作为"
                "输入送回去，是处理语音、文本这类序列的天然工具，原则上能把信息传过许多个时间步。"
                "但实际上，正如塞普·霍克赖特（Sepp Hochreiter）1991 年在慕尼黑工业大学的毕业论文中"
                "所指出的，用来训练网络的误差信号沿时间往回传时，要么缩小到接近于零，"
                "要么急剧膨胀。约书亚·本吉奥、帕特里斯·西马德（Patrice Simard）"
                "和保罗·弗拉斯科尼（Paolo Frasconi）在 1994 年的一篇论文中也得出了类似结论。"
                "这就是梯度消失问题，一度看起来像是无法逾越的根本局限。</p>"
                "<p>1997 年，霍克赖特和他从前的导师于尔根·施密德胡伯（Jürgen Schmidhuber）"
                "发表了他们的答案：长短期记忆网络（LSTM）。诀窍在于一个记忆单元："
                "除非经过学习的“门”决定写入或读取，单元里的内容会原封不动地向前传递，"
                "这样误差就能往回流过几百甚至几千个时间步而不衰减。2000 年，费利克斯·格斯（Felix "
                "Gers）、施密德胡伯和弗雷德·康明斯（Fred Cummins）又加入了“遗忘门”，"
                "让记忆单元可以清空自己的记忆；如今使用的大多数版本都带有遗忘门。</p>"
                "<p>LSTM 过了好些年才流行起来，可一旦流行，就无处不在。2000 年代后期，LSTM "
                "网络在手写识别比赛中屡屡夺冠；到下一个十年的中期，它们在智能手机上承担语音识别，"
                "并从 2016 年起在谷歌神经机器翻译系统中负责翻译。在大约 10 年里，直到 2017 年 "
                "Transformer 出现之前，处理语言的神经网络很可能就是一个 LSTM。</p>"
            ),
            "status": "full",
            "note": "",
            "quote": None,
        },
        {
            "heading_en": "Aside: why gradients vanish",
            "heading_zh": "插曲：梯度为什么会消失",
            "body_en": (
                "<p>For readers who want the mechanics, here is the short version. "
                "Backpropagation computes the gradient of the error with respect to an early "
                "weight as a product of many factors, one for each layer (or, in a recurrent "
                "network, each time step) between that weight and the output. Each factor "
                "includes the derivative of a layer's activation function and the weights "
                "connecting it to the next layer.</p>"
                "<p>The logistic sigmoid, the standard activation function of the 1980s and "
                "1990s, has a derivative that never exceeds 0.25. Multiply ten such factors "
                "together and, unless the weights are large, the result can be smaller than one "
                "millionth: 0.25 to the power of 10 is about 0.00000095. The early layers "
                "therefore receive almost no learning signal while the late layers train "
                "normally. If the weights are large instead, the product can grow exponentially "
                "and the gradients explode. Four remedies eventually worked:</p>"
                "<ul>"
                "<li>Layer-by-layer pre-training (2006) side-stepped the problem by giving the "
                "early layers a sensible starting point.</li>"
                "<li>The rectified linear unit, whose derivative is exactly 1 for positive "
                "inputs, greatly reduced it in feed-forward networks.</li>"
                "<li>Careful initialisation (Glorot and Bengio, 2010) and, later, residual "
                "connections and normalisation layers (both 2015) made very deep networks "
                "trainable.</li>"
                "<li>The gated memory cell of LSTM addressed it for recurrent networks, as "
                "described above.</li>"
                "</ul>"
            ),
            "body_zh": "",
            "ai_draft_zh": "",
            "status": "omitted",
            "note": (
                "整节略去。本节是梯度消失问题的数学推导和几种缓解方法的列表，"
                "中文读者可以找到大量相关资料，且与本文的人物主线关系不大；"
                "感兴趣的读者可切换查看英文原文。"
            ),
            "quote": None,
        },
        {
            "heading_en": "8. The quiet years",
            "heading_zh": "八、坐冷板凳的年月",
            "body_en": (
                "<p>If the 1970s were the first winter, the late 1990s and early 2000s were a "
                "second, quieter one. The fashionable methods in machine learning were now "
                "support vector machines, introduced in their modern form by Corinna Cortes and "
                "Vladimir Vapnik in 1995, and other kernel methods. They came with elegant theory "
                "and dependable results on the small datasets of the day. Neural networks had "
                "neither. People who worked on them in those years describe papers rejected "
                'because the word "neural" was in the title, and students being steered towards '
                "safer topics.</p>"
                "<p>I was an undergraduate then, and I can report the mood from the bottom of the "
                "food chain. In 2003 I took a machine learning course in Glasgow whose lecturer "
                "spent one week on neural networks, most of it explaining why we need not bother "
                "with them. I wrote my final project on support vector machines, got a good mark, "
                "and did not think about neural networks again for nearly ten years. I mention "
                "this not to mock the lecturer, who was teaching the consensus of the time, but "
                "because it shows how complete that consensus was.</p>"
                "<p>What kept the field alive was a small network of people and one patient "
                "funder. In 2004 CIFAR launched a programme called Neural Computation and "
                "Adaptive Perception, with Hinton as its director and LeCun and Bengio among its "
                "members. The money was modest by later standards, but it paid for workshops "
                "where a few dozen people who believed in the same unfashionable idea could meet, "
                "argue and swap students. Bengio, a professor at the Université de Montréal since "
                "1993, was building the lab that would later become Mila. His 2003 paper on a "
                "neural probabilistic language model, which learned a vector for each word as a "
                "by-product of predicting the next one, looks in hindsight like a sketch of "
                "today's language models.</p>"
                "<p>Looking back on that decade in an earlier essay for this newsletter, I put it "
                "this way:</p>"
            ),
            "body_zh": (
                "<p>如果说 20 世纪 70 年代是第一次寒冬，那么 20 世纪 90 年代末到 21 "
                "世纪初就是第二次，只是更安静一些。机器学习领域流行的方法变成了支持向量机（1995 "
                "年由科琳娜·科尔特斯和弗拉基米尔·瓦普尼克以现代形式提出）以及其他核方法。"
                "它们有优雅的理论，在当时的小型数据集上效果也稳定可靠。神经网络两样都没有。"
                "据那些年的亲历者回忆，论文标题里只要有“神经”二字就可能被拒，"
                "学生也常被劝去选更稳妥的方向。</p>"
                "<p>让这个领域延续下来的，是一个小小的人际网络和一家有耐心的资助机构。2004 年，"
                "CIFAR 启动了“神经计算与自适应感知”项目，由辛顿担任负责人，"
                "杨立昆和本吉奥都是成员。按后来的标准，这笔钱并不多，但足以支付一次次研讨会的开销"
                "，让几十位信奉同一个冷门想法的人聚在一起，交流、争论、互相输送学生。本吉奥自 "
                "1993 年起在蒙特利尔大学任教，此时正在建设后来发展为 Mila 的实验室。他 2003 "
                "年关于神经概率语言模型的论文，在预测下一个词的过程中顺带为每个词学到一个向量，"
                "如今回头看，简直就是当今语言模型的草图。</p>"
                "<p>我在早先为这份通讯写的一篇文章里，这样回顾那十年：</p>"
            ),
            "ai_draft_zh": (
                "<p>如果说 20 世纪 70 年代是第一个冬天，那么 20 世纪 90 年代末和 21 "
                "世纪初就是第二个更安静的冬天。机器学习中的时髦方法现在是支持向量机（由科琳娜·科尔"
                "特斯和弗拉基米尔·瓦普尼克在 1995 年以其现代形式引入）和其他核方法。"
                "它们带有优雅的理论，并在当时的小数据集上有可靠的结果。神经网络两者都没有。"
                "那些年研究它们的人描述了论文因为标题中有“神经”一词而被拒绝，"
                "学生被引导到更安全的主题。</p>"
                "<p>那时我是一名本科生，我可以从食物链的底部报告当时的情绪。2003 年，"
                "我在格拉斯哥上了一门机器学习课程，讲师在神经网络上花了一周时间，"
                "其中大部分时间在解释为什么我们不需要理会它们。我的期末项目写的是支持向量机，"
                "得了一个好分数，并且在近十年里没有再想过神经网络。我提到这一点不是为了嘲笑讲师，"
                "他教的是当时的共识，而是因为它表明了这种共识是多么完整。</p>"
                "<p>使该领域保持活力的是一个小小的人际网络和一个有耐心的资助者。2004 年，CIFAR "
                "启动了一个名为“神经计算与自适应感知”的项目，辛顿担任主任，"
                "杨立昆和本吉奥是其成员。按照后来的标准，这笔钱并不多，但它支付了研讨会的费用，"
                "在那里，几十个相信同一个不时髦想法的人可以见面、争论和交换学生。本吉奥自 1993 "
                "年以来一直是蒙特利尔大学的教授，他正在建立后来成为 Mila 的实验室。他 2003 "
                "年关于神经概率语言模型的论文，作为预测下一个词的副产品为每个词学习了一个向量，"
                "事后看来就像是今天语言模型的草图。</p>"
                "<p>在为这份通讯撰写的一篇早期文章中回顾那十年时，我是这样说的：</p>"
            ),
            "status": "abridged",
            "note": (
                "删去了作者回忆 2003 年在格拉斯哥上本科机器学习课、讲师劝学生不必学神经网络的个人"
                "经历（英文第 2 段），与主线关系不大。"
            ),
            "quote": "wren-unfashionable-years",
        },
        {
            "heading_en": "9. 2006: depth becomes respectable",
            "heading_zh": "九、2006 年：“深度”重新变得体面",
            "body_en": (
                "<p>The turn, when it came, was partly technique and partly branding. In 2006 "
                'Hinton, Simon Osindero and Yee-Whye Teh published "A fast learning algorithm '
                'for deep belief nets" in <em>Neural Computation</em>. Their insight was that a '
                "deep network need not be trained all at once. It could be trained one layer at a "
                "time, each layer learning to model the one below it without labels, using "
                "restricted Boltzmann machines, and the whole stack could then be fine-tuned with "
                "backpropagation. The same year, Hinton and Ruslan Salakhutdinov showed in "
                "<em>Science</em> that deep autoencoders trained in this way compressed images "
                "and documents far better than the standard linear method, principal component "
                "analysis. Bengio's group in Montreal and LeCun's in New York published closely "
                "related work within months.</p>"
                '<p>Just as important, the work came with a new name. "Deep learning" sounded '
                "like progress rather than a rerun of the 1980s, and it stuck. Layer-by-layer "
                "pre-training was soon overtaken by simpler methods, but the name, and the "
                "renewed confidence, survived.</p>"
                "<p>A second ingredient was graphics processors. Chips designed to draw video "
                "games turned out to be very good at the large matrix multiplications that neural "
                "networks need. In 2009 Rajat Raina, Anand Madhavan and Andrew Ng reported that "
                "training on a GPU could be tens of times faster than on a conventional "
                "processor. Hinton's students took the new tools to speech recognition. "
                "Abdel-rahman Mohamed and George Dahl showed that deep networks could beat the "
                "best acoustic models on a standard benchmark, and in 2012 researchers from "
                "Toronto, Microsoft, Google and IBM published a joint paper reporting the same "
                "result across four groups. Within a couple of years deep networks were behind "
                "the voice search on millions of phones.</p>"
            ),
            "body_zh": (
                "<p>转折到来时，一半靠技术，一半靠“品牌”。2006 年，辛顿与西蒙·奥辛德罗（Simon "
                "Osindero）、Yee-Whye Teh 在《神经计算》上发表了《深度信念网络的一种快速学习算法》"
                "。他们的洞见是：深层网络不必一次性整体训练，可以借助受限玻尔兹曼机一层一层地训练"
                "，每一层在没有标签的情况下学习为下面一层建模，然后再用反向传播对整个网络进行微调"
                "。同一年，辛顿与鲁斯兰·萨拉赫丁诺夫（Ruslan Salakhutdinov）在《科学》"
                "（<em>Science</em>）杂志上证明，用这种方法训练的深度自编码器压缩图像和文档的效果"
                "，远好于标准的线性方法——主成分分析。本吉奥在蒙特利尔的团队和杨立昆在纽约的团队，"
                "也在几个月内发表了密切相关的成果。</p>"
                "<p>同样重要的是，这项工作带来了一个新名字。“深度学习”听上去像是进步，而不是 20 "
                "世纪 80 年代的老调重弹，于是这个名字就此流传开来。逐层预训练很快被更简单的方法取"
                "代，但这个名字以及重新燃起的信心留了下来。</p>"
                "<p>第二种要素是图形处理器（GPU）。为渲染电子游戏而设计的芯片，"
                "恰好非常擅长神经网络所需的大规模矩阵乘法。2009 年，拉贾特·雷纳（Rajat Raina）、"
                "阿南德·马德哈万（Anand Madhavan）和吴恩达（Andrew Ng）报告说，在 GPU "
                "上训练可以比在普通处理器上快几十倍。辛顿的学生把这些新工具用到了语音识别上。"
                "阿卜杜勒-拉赫曼·穆罕默德（Abdel-rahman Mohamed）和乔治·达尔（George Dahl）证明，"
                "深度网络能在一个标准基准上击败最好的声学模型；2012 年，来自多伦多大学、微软、"
                "谷歌和 IBM 的研究人员联合发表论文，报告了 4 个研究组得出的同样结果。"
                "短短两三年内，数以百万计手机上的语音搜索背后就都是深度网络了。</p>"
            ),
            "ai_draft_zh": (
                "<p>当转折到来时，它部分是技术，部分是品牌。2006 年，辛顿、西蒙·奥辛德罗和 "
                "Yee-Whye Teh 在《神经计算》上发表了“深度置信网络的快速学习算法”。他们的洞见是，"
                "深度网络不需要一次全部训练。它可以一次训练一层，每一层使用受限玻尔兹曼机在没有标"
                "签的情况下学习对其下方的层进行建模，然后整个堆栈可以用反向传播进行微调。同年，"
                "辛顿和鲁斯兰·萨拉赫丁诺夫在《科学》杂志上表明，以这种方式训练的深度自动编码器压缩"
                "图像和文档的效果远远好于标准的线性方法，即主成分分析。本吉奥在蒙特利尔的小组和杨"
                "立昆在纽约的小组在几个月内发表了密切相关的工作。</p>"
                "<p>同样重要的是，这项工作带来了一个新名字。“深度学习”听起来像是进步，而不是 20 "
                "世纪 80 年代的重播，它被保留了下来。逐层预训练很快被更简单的方法超越，"
                "但这个名字和重新获得的信心幸存了下来。</p>"
                "<p>第二个成分是图形处理单元。为绘制视频游戏而设计的芯片被证明非常擅长神经网络所需"
                "的大型矩阵乘法。2009 年，拉贾特·雷纳、阿南德·马德哈万和吴恩达报告说，在 GPU "
                "上训练可能比在传统处理器上快几十倍。辛顿的学生将新工具带到了语音识别中。"
                "阿卜杜勒-拉赫曼·穆罕默德和乔治·达尔证明了深度网络可以在标准基准上击败最好的声学模"
                "型，2012 年，来自多伦多、微软、谷歌和 IBM 的研究人员发表了一篇联合论文，"
                "报告了四个小组的相同结果。在几年之内，深度网络就支撑着数百万部手机上的语音搜索。"
                "</p>"
            ),
            "status": "full",
            "note": "",
            "quote": None,
        },
        {
            "heading_en": "10. Fei-Fei Li bets on data",
            "heading_zh": "十、李飞飞押注数据",
            "body_en": (
                "<p>Algorithms and hardware were two legs of the stool. The third came from "
                "someone who was not a neural network researcher at all. Fei-Fei Li, born in "
                "Beijing and raised in Chengdu before her family emigrated to New Jersey when she "
                "was a teenager, had studied physics at Princeton and earned her PhD at Caltech. "
                "As a young professor, first at the University of Illinois and then back at "
                "Princeton, she became convinced that computer vision was held back less by its "
                "algorithms than by its data. The standard benchmarks of the mid-2000s covered "
                "somewhere between twenty and a couple of hundred object categories, with a few "
                "thousand images, or at most a few tens of thousands. A child, she liked to point "
                "out, sees far more than that.</p>"
                "<p>In 2007 she and her collaborators at Princeton, including the computer "
                "scientist Kai Li and a PhD student, Jia Deng, set out to attach up to a thousand "
                "pictures to each of the tens of thousands of nouns in WordNet, a lexical "
                "database built at Princeton under the psychologist George Miller. Doing that "
                "with paid students would have taken decades. The team turned instead to Amazon "
                "Mechanical Turk, the crowdsourcing marketplace launched in 2005, and paid "
                "workers around the world to check candidate images downloaded from the web.</p>"
                "<p>The first version was presented as a poster at the CVPR conference in Miami "
                "in 2009, with 3.2 million images, and attracted little attention. The dataset "
                "eventually grew to more than 14 million images in about 22,000 categories, and "
                "from 2010 a subset of about 1.2 million training images in 1,000 categories "
                "became the basis of an annual contest, the ImageNet Large Scale Visual "
                "Recognition Challenge. In its first two years the winning entries got roughly "
                "28% and 26% of test images wrong, counting an answer as right if the correct "
                "label was among their top five guesses. Describing where the pictures came from, "
                "Li later said in a TED talk:</p>"
            ),
            "body_zh": (
                "<p>算法和硬件是凳子的两条腿，第三条腿来自一位根本不做神经网络研究的人。"
                "李飞飞（Fei-Fei Li）生于北京，在成都长大，十几岁时随家人移民美国新泽西州。"
                "她在普林斯顿大学读物理，又在加州理工学院获得博士学位。作为一名年轻教授，"
                "她先在伊利诺伊大学、后回到普林斯顿任教，逐渐确信：拖累计算机视觉的与其说是算法，"
                "不如说是数据。2000 年代中期的标准基准只涵盖二十个到一两百个物体类别，"
                "图像不过几千张，最多几万张。她常说，一个孩子看到的要比这多得多。</p>"
                "<p>2007 年，她和普林斯顿的合作者——包括计算机科学家李凯（Kai Li）"
                "和博士生邓嘉（Jia Deng）——着手为 WordNet 中数以万计的名词各配上多达上千张图片。"
                "WordNet 是在心理学家乔治·米勒（George Miller）主持下于普林斯顿建立的词汇数据库。"
                "如果雇学生手工完成，这项工作要花上几十年。于是团队转向了 2005 "
                "年上线的众包平台“亚马逊土耳其机器人”（Amazon Mechanical Turk），"
                "付费请世界各地的工作者审核从网上下载的候选图片。</p>"
                "<p>第一个版本于 2009 年在迈阿密举行的 CVPR 会议上以海报形式亮相，包含 320 "
                "万张图片，几乎无人关注。这个数据集后来扩充到超过 1400 万张图片、约 22,000 "
                "个类别；从 2010 年起，其中约 120 万张训练图片、1,000 个类别构成的子集，"
                "成为一项年度竞赛——ImageNet 大规模视觉识别挑战赛（ILSVRC）——的基础。"
                "在前两届比赛中，冠军作品在测试图片上的错误率分别约为 28% 和 "
                "26%（只要正确标签出现在模型给出的前五个猜测中，就算答对）。谈到这些图片从何而来，"
                "李飞飞后来在一次 TED 演讲中说：</p>"
            ),
            "ai_draft_zh": (
                "<p>算法和硬件是凳子的两条腿。第三条腿来自一个根本不是神经网络研究人员的人。"
                "李飞飞出生于北京，在成都长大，在她十几岁时全家移民到新泽西，"
                "她在普林斯顿学习物理，并在加州理工学院获得博士学位。作为一名年轻的教授，"
                "先是在伊利诺伊大学，然后回到普林斯顿，她开始相信计算机视觉受到的阻碍与其说来自算"
                "法，不如说来自数据。2000 年代中期的标准基准涵盖了二十到几百个物体类别，"
                "有几千张图像，最多几万张。她喜欢指出，一个孩子看到的远不止这些。</p>"
                "<p>2007 年，她和她在普林斯顿的合作者，包括计算机科学家李凯和博士生邓嘉，着手为 "
                "WordNet 中数以万计的名词中的每一个附上多达一千张图片，WordNet "
                "是在心理学家乔治·米勒领导下在普林斯顿建立的词汇数据库。用付费学生来做这件事需要几"
                "十年。团队转而求助于 2005 年推出的众包市场亚马逊 Mechanical Turk，"
                "并付钱给世界各地的工作者来检查从网上下载的候选图像。</p>"
                "<p>第一个版本于 2009 年在迈阿密的 CVPR 会议上作为海报展示，有 320 万张图像，"
                "几乎没有引起注意。该资料集最终增长到超过 1400 万张图像，约 22,000 个类别，从 "
                "2010 年开始，一个包含 1,000 个类别中约 120 万张训练图像的子集成为年度竞赛"
                "ImageNet 大规模视觉识别挑战赛的基础。在前两年，获胜作品大约有 28% 和 26% "
                "的测试图像出错，如果正确标签在其前五个猜测中，则答案被视为正确。"
                "在描述图片来自哪里时，李飞飞后来在 TED 演讲中说：</p>"
            ),
            "status": "full",
            "note": "",
            "quote": "li-internet-treasure-trove",
        },
        {
            "heading_en": "11. Two graphics cards in a bedroom",
            "heading_zh": "十一、卧室里的两块显卡",
            "body_en": (
                "<p>In 2012 three people from Toronto entered the contest: Alex Krizhevsky, a "
                "graduate student who was unusually good at writing fast code for graphics cards; "
                "Ilya Sutskever, another of Hinton's students, who by several accounts was the "
                "one most convinced that ImageNet was the right target; and Hinton himself. "
                "Krizhevsky trained their network on two NVIDIA GTX 580 cards, each with 3 GB of "
                "memory, in his bedroom at his parents' house. Training took five to six days.</p>"
                "<p>The network, which everyone soon called AlexNet, was a convolutional neural "
                "network in the LeNet tradition, scaled up: five convolutional layers and three "
                "fully connected ones, some 60 million parameters and 650,000 neurons. Several "
                "choices that now look obvious were unusual at the time. It used rectified linear "
                "units instead of sigmoids, which made training several times faster; it used "
                '"dropout", randomly silencing half of the units in the fully connected layers '
                "during training, to stop the network memorising its training data; and it "
                "enlarged the training set by cropping and flipping the images.</p>"
                "<p>The results were announced in October 2012 at a workshop in Florence. "
                "AlexNet's top-five error on the test set was 15.3%. The runner-up, a strong "
                "system built on hand-designed features, scored 26.2%. In a field used to gains "
                "of a point or two a year, a gap of more than ten points was a shock. For LeCun, "
                "who had spent two decades arguing for exactly this kind of network, it was a "
                "vindication that had been a long time coming. Within two years nearly every "
                "serious entry in the contest was a deep convolutional network.</p>"
            ),
            "body_zh": (
                "<p>2012 年，多伦多的三个人报名参加了这项比赛：亚历克斯·克里泽夫斯基（Alex "
                "Krizhevsky），一位特别擅长为显卡编写高速代码的研究生；伊利亚·苏茨克维（Ilya "
                "Sutskever），辛顿的另一名学生，据多方讲述，正是他最坚信 ImageNet "
                "就是该攻克的目标；还有辛顿本人。克里泽夫斯基在父母家自己的卧室里，用两块各带 3 "
                "GB 显存的英伟达 GTX 580 显卡训练他们的网络，训练花了 5 到 6 天。</p>"
                "<p>这个很快被大家称为 AlexNet 的网络，是一个沿袭 LeNet 传统、"
                "规模放大了的卷积神经网络：5 个卷积层加 3 个全连接层，约 6000 万个参数、65 "
                "万个神经元。它的几项选择如今看来理所当然，在当时却并不常见："
                "用修正线性单元（ReLU）取代 sigmoid 函数，训练因此快了好几倍；使用 dropout，"
                "在训练时随机让全连接层中一半的单元“沉默”，防止网络死记硬背训练数据；"
                "还通过裁剪和翻转图像来扩充训练集。</p>"
                "<p>比赛结果于 2012 年 10 月在佛罗伦萨的一场研讨会上公布。AlexNet "
                "在测试集上的前五错误率为 15.3%，而第二名——一个基于人工设计特征的强大系统——是 "
                "26.2%。在一个习惯了每年进步一两个百分点的领域，超过 10 个百分点的差距令人震惊。"
                "对花了 20 年为这类网络据理力争的杨立昆来说，这是一次迟来已久的正名。不到两年，"
                "这项比赛中几乎所有像样的参赛作品都成了深度卷积网络。</p>"
            ),
            "ai_draft_zh": (
                "<p>2012 年，来自多伦多的三个人参加了比赛：亚历克斯·克里泽夫斯基，"
                "一名特别擅长为显卡编写快速代码的研究生；伊利亚·苏茨克维，辛顿的另一名学生，"
                "据几种说法，他是最确信 ImageNet 是正确目标的人；以及辛顿本人。"
                "克里泽夫斯基在他父母家的卧室里用两块 NVIDIA GTX 580 卡训练了他们的网络，每块卡有 "
                "3 GB 内存。训练花了五到六天。</p>"
                "<p>这个很快被每个人称为 AlexNet 的网络是 LeNet 传统中的一个卷积神经网络，"
                "经过了放大：五个卷积层和三个全连接层，大约 6000 万个参数和 65 万个神经元。"
                "一些现在看起来显而易见的选择在当时是不寻常的。它使用修正线性单元而不是 sigmoid，"
                "这使训练快了好几倍；它使用了“dropout”，在训练期间随机让全连接层中一半的单元沉默，"
                "以阻止网络记住其训练数据；它通过裁剪和翻转图像来扩大训练集。</p>"
                "<p>结果于 2012 年 10 月在佛罗伦萨的一个研讨会上公布。AlexNet "
                "在测试集上的前五错误率为 15.3%。第二名是一个建立在手工设计特征上的强大系统，"
                "得分为 26.2%。在一个习惯于每年提高一两个点的领域，超过十个点的差距是一个冲击。"
                "对于花了二十年时间为这种网络辩护的杨立昆来说，这是一个姗姗来迟的证明。在两年内，"
                "比赛中几乎每个认真的参赛作品都是深度卷积网络。</p>"
            ),
            "status": "full",
            "note": "",
            "quote": None,
        },
        {
            "heading_en": "12. An auction at Lake Tahoe",
            "heading_zh": "十二、太浩湖畔的拍卖",
            "body_en": (
                "<p>Industry noticed faster than academia did. That autumn Hinton, Krizhevsky and "
                "Sutskever formed a tiny company, DNNresearch, whose main assets were the three "
                "of them. In December 2012, during the NIPS conference at Lake Tahoe, they "
                "auctioned it from a hotel room. Baidu, Google, Microsoft and DeepMind, then a "
                "small London start-up, were among the bidders. According to Cade Metz's book "
                "<em>Genius Makers</em>, Google won at $44 million, and the deal was announced in "
                "March 2013. Hinton began dividing his time between Google and Toronto.</p>"
                "<p>The rest of the decade moved quickly. Facebook hired LeCun at the end of 2013 "
                "to set up its AI research lab. Sutskever joined Google Brain, where he co-wrote "
                "an influential 2014 paper on sequence-to-sequence learning, and in 2015 left to "
                "co-found OpenAI as its research director. Krizhevsky stayed at Google for a few "
                "years and then largely stepped out of public view. By the middle of the decade, "
                '"deep learning" had moved from conference programmes to quarterly earnings '
                "calls.</p>"
                "<p>It is tempting, and I have seen it done, to read the later and far more "
                "public chapters of Sutskever's career back into this story: the ChatGPT years, "
                "the boardroom crisis at OpenAI in November 2023, his departure in May 2024 to "
                "start a company called Safe Superintelligence. I will resist, partly because "
                "those events deserve an essay of their own and partly because none of them was "
                "visible from a hotel room in Lake Tahoe in 2012.</p>"
            ),
            "body_zh": (
                "<p>产业界比学术界反应更快。那年秋天，辛顿、克里泽夫斯基和苏茨克维成立了一家小公司"
                " DNNresearch，公司的主要资产就是他们三个人。2012 年 12 月，NIPS "
                "会议在太浩湖召开期间，他们在一间酒店客房里主持了对这家公司的拍卖。"
                "竞拍者包括百度、谷歌、微软，以及当时还是伦敦一家小型初创公司的 DeepMind。"
                "据凯德·梅茨（Cade Metz）在《深度学习革命》（<em>Genius Makers</em>）"
                "一书中的记述，谷歌以 4400 万美元胜出，交易于 2013 年 3 月宣布。此后，"
                "辛顿开始在谷歌和多伦多两边分配时间。</p>"
                "<p>此后几年，一切都发展得飞快。2013 年底，Facebook 聘请杨立昆组建其人工智能研究实"
                "验室。苏茨克维加入谷歌大脑，2014 年与人合写了一篇影响深远的序列到序列学习论文；"
                "2015 年，他离开谷歌，参与创办 OpenAI 并出任研究总监。克里泽夫斯基在谷歌工作了几年"
                "，之后基本淡出了公众视野。到这个十年的中期，“深度学习”已经从学术会议的日程表走进"
                "了上市公司的季度财报电话会。</p>"
            ),
            "ai_draft_zh": (
                "<p>工业界比学术界更快地注意到了。那年秋天，辛顿、克里泽夫斯基和苏茨克维成立了一家"
                "小公司 DNNresearch，其主要资产就是他们三个人。2012 年 12 月，在太浩湖举行的 NIPS "
                "会议期间，他们在一个酒店房间里拍卖了它。百度、谷歌、微软和当时还是伦敦一家小型创"
                "业公司的 DeepMind 都在竞标者之列。根据凯德·梅茨的书《天才制造者》，谷歌以 4400 "
                "万美元获胜，交易于 2013 年 3 月宣布。辛顿开始在谷歌和多伦多之间分配时间。</p>"
                "<p>这十年的剩余时间进展迅速。Facebook 在 2013 年底聘请杨立昆建立其人工智能研究实"
                "验室。苏茨克维加入了谷歌大脑，在那里他与人合著了一篇 2014 "
                "年关于序列到序列学习的有影响力的论文，并于 2015 年离开，作为研究总监共同创立了 "
                "OpenAI。克里泽夫斯基在谷歌呆了几年，然后基本上退出了公众视野。到了这十年的中期，"
                "“深度学习”已经从会议议程转移到了季度财报电话会议。</p>"
                "<p>把苏茨克维职业生涯中后来的、更加公开的篇章读回到这个故事中是很诱人的，"
                "我也见过有人这样做：ChatGPT 的岁月，2023 年 11 月 OpenAI 的董事会危机，他在 2024 "
                "年 5 月离开去创办一家名为 Safe Superintelligence 的公司。我会抵制这种诱惑，"
                "部分原因是这些事件值得单独写一篇文章，部分原因是在 2012 "
                "年太浩湖的一个酒店房间里，这些都是看不到的。</p>"
            ),
            "status": "abridged",
            "note": (
                "删去了作者对苏茨克维此后经历（2023 年 11 月 OpenAI 董事会风波、2024 年 5 "
                "月离职创办 Safe Superintelligence）的简短评述（英文第 3 段）。"
                "作者本人也说明这些事不在本文范围内，删去不影响理解。"
            ),
            "quote": None,
        },
        {
            "heading_en": "13. Three names, one prize",
            "heading_zh": "十三、三个名字，一个奖",
            "body_en": (
                "<p>On 27 March 2019 the Association for Computing Machinery announced that "
                "Yoshua Bengio, Geoffrey Hinton and Yann LeCun would share the 2018 Turing Award, "
                'often described as the Nobel Prize of computing, "for conceptual and '
                "engineering breakthroughs that have made deep neural networks a critical "
                'component of computing". The award carried $1 million, with financial support '
                "from Google, and was presented in San Francisco on 15 June 2019.</p>"
                "<p>The choice of three names was both fair and incomplete, as any such choice "
                "is. Each of the three had spent the unfashionable years building something "
                "specific: Hinton the learning algorithms and the Toronto school, LeCun the "
                "convolutional networks that made machine vision work, Bengio the theory of "
                "sequence and language models and a generation of Montreal students. But the "
                "story above has many other people in it: Rosenblatt, who died long before any of "
                "this; Hochreiter and Schmidhuber, whose LSTM carried much of the language work "
                "of the 2010s; Fei-Fei Li, without whose dataset AlexNet would have had nothing "
                "to win; Krizhevsky and Sutskever, who actually built the network. Schmidhuber in "
                "particular has argued publicly and at length that the award, and the popular "
                "history around it, gives too little credit to earlier work, including that of "
                "his own lab.</p>"
                "<p>I do not think prizes are the right instrument for settling questions of "
                "credit, and I suspect most of the laureates would agree. What prizes do well is "
                "mark a moment. By 2019 nobody serious was asking whether deep learning worked. "
                "The question had become what it would do to everything else.</p>"
            ),
            "body_zh": (
                "<p>2019 年 3 月 27 日，美国计算机协会（ACM）宣布，约书亚·本吉奥、"
                "杰弗里·辛顿和杨立昆共同获得 2018 年度图灵奖。这一奖项常被称为“计算机界的诺贝尔奖”"
                "，三人的获奖理由是“在概念和工程上取得突破，使深度神经网络成为计算的关键组成部分”"
                "。奖金 100 万美元，由谷歌提供资金支持，颁奖典礼于 2019 年 6 月 15 "
                "日在旧金山举行。</p>"
                "<p>选出这三个名字，既公平，也不完整——任何此类选择都是如此。"
                "在那些坐冷板凳的年月里，三人各自建起了具体的东西：辛顿是学习算法和多伦多学派，"
                "杨立昆是让机器视觉真正奏效的卷积网络，本吉奥则是序列与语言模型的理论，"
                "以及蒙特利尔的一代学生。但上文的故事里还有许多人：早在这一切发生之前就已去世的罗"
                "森布拉特；霍克赖特和施密德胡伯，他们的 LSTM 承担了 2010 "
                "年代语言任务的大部分工作；李飞飞，没有她的数据集，AlexNet 将无从胜出；"
                "还有克里泽夫斯基和苏茨克维，是他们亲手搭建了那个网络。施密德胡伯尤其公开而详尽地"
                "指出，这一奖项以及围绕它形成的通俗历史叙事，对早期工作（包括他自己实验室的工作）"
                "认可不足。</p>"
                "<p>我不认为奖项是解决功劳归属问题的合适工具，我猜大多数获奖者也会同意这一点。"
                "奖项擅长的是为一个时刻做标记。到 2019 年，已经没有哪个严肃的人还在问深度学习是否"
                "有效，问题变成了：它会给其他一切带来什么。</p>"
            ),
            "ai_draft_zh": (
                "<p>2019 年 3 月 27 日，美国计算机协会（ACM）宣布，约书亚·本吉奥、"
                "杰弗里·辛顿和杨立昆共同获得 2018 年度图灵奖。这一奖项常被称为“计算机界的诺贝尔奖”"
                "，三人的获奖理由是“在概念和工程上取得突破，使深度神经网络成为计算的关键组成部分”"
                "。奖金 100 万美元，由谷歌提供资金支持，颁奖典礼于 2019 年 6 月 15 "
                "日在旧金山举行。</p>"
                "<p>选出这三个名字，既公平，也不完整——任何此类选择都是如此。"
                "在那些坐冷板凳的年月里，三人各自建起了具体的东西：辛顿是学习算法和多伦多学派，"
                "杨立昆是让机器视觉真正奏效的卷积网络，本吉奥则是序列与语言模型的理论，"
                "以及蒙特利尔的一代学生。但上文的故事里还有许多人：早在这一切发生之前就已去世的罗"
                "森布拉特；霍克赖特和施密德胡伯，他们的 LSTM 承担了 2010 "
                "年代语言任务的大部分工作；李飞飞，没有她的数据集，AlexNet 将无从胜出；"
                "还有克里泽夫斯基和苏茨克维，是他们亲手搭建了那个网络。施密德胡伯尤其公开而详尽地"
                "指出，这一奖项以及围绕它形成的通俗历史叙事，对早期工作（包括他自己实验室的工作）"
                "认可不足。</p>"
                "<p>我不认为奖项是解决功劳归属问题的合适工具，我猜大多数获奖者也会同意这一点。"
                "奖项擅长的是为一个时刻做标记。到 2019 年，已经没有哪个严肃的人还在问深度学习是否"
                "有效，问题变成了：它会给其他一切带来什么。</p>"
            ),
            "status": "full",
            "note": "",
            "quote": None,
        },
        {
            "heading_en": "14. What the long winter teaches",
            "heading_zh": "十四、漫长寒冬的启示",
            "body_en": (
                "<p>It would be easy to turn this history into a parable about lonely geniuses "
                "proved right. I do not think that is the lesson. Most of the ideas that won in "
                "2012 were old: convolution from the 1980s, backpropagation from the 1970s and "
                "1980s, the basic unit of the perceptron from 1958. What changed was everything "
                "around them: a dataset of the right size, graphics cards cheap enough for a "
                "student, software fast enough to use them, and a community small but stubborn "
                "enough to be ready when all of that arrived at once. Persistence mattered, but "
                "so did timing, luck and money from a Canadian institute that was willing to "
                "wait.</p>"
                "<p>There is a strange comfort in that. The ideas were in the air for decades, "
                "waiting for the world to catch up with them, which suggests that what we now "
                "call a breakthrough is often just the moment when the surroundings finally allow "
                "an old idea to work.</p>"
                "<p>The last lesson is that the people who built the field do not agree about "
                "where it is going. LeCun argues that today's systems are still far from "
                "human-level intelligence and that fears of catastrophe are overblown. Bengio has "
                "become one of the most prominent voices calling for stronger safety research and "
                "regulation. Hinton left Google in May 2023 so that he could talk about the risks "
                "of AI without having to consider how his words affected the company. In an "
                "interview with The New York Times published that month, he said that a part of "
                "him now regretted his life's work, and added:</p>"
            ),
            "body_zh": (
                "<p>把这段历史讲成“孤独天才终被证明正确”的寓言很容易，但我不认为这是它真正的教训。"
                "2012 年胜出的想法大多是旧的：卷积来自 20 世纪 80 年代，反向传播来自 20 世纪 70 "
                "年代和 80 年代，感知机的基本单元则来自 1958 年。改变的是它们周围的一切："
                "规模合适的数据集，便宜到学生也买得起的显卡，快到足以驾驭这些显卡的软件，"
                "以及一个规模虽小、却足够执着的群体——当这一切同时到来时，他们已经做好了准备。"
                "坚持固然重要，时机、运气，以及一家愿意等待的加拿大研究机构提供的经费，"
                "也同样重要。</p>"
                "<p>这其中有一种奇特的安慰。这些想法在空气中飘荡了几十年，等着世界赶上它们。"
                "这说明，我们如今所说的“突破”，往往只是周围的条件终于让一个老想法得以奏效的那一刻"
                "。</p>"
                "<p>最后一个教训是，建立这个领域的人，对它将走向何方并没有共识。杨立昆认为，"
                "今天的系统离人类水平的智能还很远，对灾难的担忧言过其实。"
                "本吉奥已成为呼吁加强安全研究和监管的最知名人士之一。辛顿则在 2023 年 5 "
                "月离开谷歌，以便谈论人工智能的风险时不必顾虑对公司的影响。"
                "在当月刊出的《纽约时报》采访中，他说自己内心有一部分如今后悔毕生的工作，"
                "接着又说：</p>"
            ),
            "ai_draft_zh": (
                "<p>很容易把这段历史变成一个关于孤独的天才被证明是正确的寓言。我不认为这是教训。"
                "在 2012 年获胜的大多数想法都是旧的：卷积来自 20 世纪 80 年代，反向传播来自 20 "
                "世纪 70 年代和 80 年代，感知机的基本单元来自 1958 年。改变的是它们周围的一切："
                "一个合适大小的数据集，便宜到学生也能买得起的显卡，足够快来使用它们的软件，"
                "以及一个小而足够顽固的社区，当所有这些同时到来时已经准备好了。坚持很重要，"
                "但时机、运气和一个愿意等待的加拿大研究所的资金也很重要。</p>"
                "<p>这其中有一种奇怪的安慰。这些想法在空气中存在了几十年，等待世界赶上它们，"
                "这表明我们现在所说的突破往往只是周围环境终于允许一个旧想法起作用的时刻。</p>"
                "<p>最后一个教训是，建立这个领域的人对它的发展方向意见不一。杨立昆认为，"
                "今天的系统离人类水平的智能还很远，对灾难的担忧被夸大了。"
                "本吉奥已经成为呼吁加强安全研究和监管的最突出的声音之一。辛顿在 2023 年 5 "
                "月离开了谷歌，这样他就可以谈论人工智能的风险，而不必考虑他的话对公司的影响。"
                "在当月发表的《纽约时报》采访中，他说他的一部分现在后悔他一生的工作，并补充说："
                "</p>"
            ),
            "status": "full",
            "note": "",
            "quote": "hinton-normal-excuse",
        },
    ],
}
