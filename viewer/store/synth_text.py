"""The words a synthetic database is made of, in several scripts.

Latin with diacritics, Arabic, Hebrew, Cyrillic and CJK, so that search,
sorting and display meet the names and titles real users keep. Templates
take ``{party}``, ``{accord}``, ``{city}`` and ``{other}``.
"""

from __future__ import annotations

# The parties an accord's data is about: named first, so that they collect
# the most events (picks are skewed towards the front of the list).
CORE_STATES = ("IL", "US", "AE", "BH", "MA", "SD", "KZ", "EG", "JO", "SA")

# Some states under their own name in their own script.
NATIVE_NAMES = {
    "IL": "ישראל",
    "AE": "الإمارات العربية المتحدة",
    "BH": "البحرين",
    "MA": "المغرب",
    "SD": "السودان",
    "EG": "مصر",
    "JO": "الأردن",
    "SA": "المملكة العربية السعودية",
    "KZ": "Қазақстан",
    "RU": "Россия",
    "UA": "Україна",
    "BG": "България",
    "RS": "Србија",
    "BY": "Беларусь",
    "CN": "中国",
    "JP": "日本",
    "TW": "臺灣",
    "KR": "대한민국",
    "TR": "Türkiye",
    "ES": "España",
    "MX": "México",
    "PE": "Perú",
    "IS": "Ísland",
    "CZ": "Česko",
    "VN": "Việt Nam",
}

# States that no longer exist have no current ISO 3166-1 code.
FORMER_STATES = (
    "Союз Советских Социалистических Республик",
    "Југославија",
    "Československá socialistická republika",
    "Deutsche Demokratische Republik",
    "الجمهورية العربية المتحدة",
    "Việt Nam Cộng hòa",
)

ORGANISATION_PATTERNS = (
    "{body} for {topic} in {region}",
    "Organisation {region_fr} pour {topic_fr}",
    "Comisión {region_es} de {topic_es}",
    "{body_ar} {topic_ar} {region_ar}",
    "ארגון {topic_he} {region_he}",
    "{body_ru} по {topic_ru} {region_ru}",
    "{region_zh}{topic_zh}{body_zh}",
)
ORGANISATION_WORDS: dict[str, tuple[str, ...]] = {
    "body": ("Council", "Commission", "Forum", "Union", "Organisation", "Alliance"),
    "topic": (
        "Economic Co-operation",
        "Water Security",
        "Maritime Trade",
        "Peace and Dialogue",
        "Energy Transition",
        "Cultural Exchange",
        "Food Security",
        "Aviation Safety",
    ),
    "region": ("the Gulf", "the Levant", "Central Asia", "the Maghreb", "the Red Sea", "Eurasia"),
    "region_fr": ("méditerranéenne", "africaine", "européenne", "sahélienne", "atlantique"),
    "topic_fr": (
        "la coopération économique",
        "la sécurité de l'eau",
        "le développement durable",
        "l'éducation et la culture",
        "la santé publique",
        "les échanges énergétiques",
    ),
    "region_es": ("Andina", "Iberoamericana", "Caribeña", "Atlántica", "del Río de la Plata"),
    "topic_es": (
        "Cooperación Económica",
        "Energía y Minería",
        "Pesca y Océanos",
        "Derechos Humanos",
        "Comercio Exterior",
    ),
    "body_ar": ("مجلس", "منظمة", "اتحاد", "هيئة", "منتدى"),
    "topic_ar": (
        "التعاون الاقتصادي",
        "الأمن المائي",
        "التنمية المستدامة",
        "الطاقة المتجددة",
        "التجارة البحرية",
        "الحوار الثقافي",
    ),
    "region_ar": ("الخليجي", "العربي", "المغاربي", "الإقليمي", "المتوسطي"),
    "topic_he": (
        "לשיתוף פעולה כלכלי",
        "לביטחון מים",
        "לחקלאות וחדשנות",
        "לתרבות וחינוך",
        "לאנרגיה מתחדשת",
    ),
    "region_he": ("אזורי", "ים תיכוני", "בינלאומי", "מזרח תיכוני"),
    "body_ru": ("Совет", "Комиссия", "Организация", "Форум", "Союз"),
    "topic_ru": (
        "экономическому сотрудничеству",
        "энергетической безопасности",
        "транспорту и логистике",
        "культурному обмену",
        "водным ресурсам",
    ),
    "region_ru": ("Евразии", "Каспийского региона", "Центральной Азии", "Причерноморья"),
    "region_zh": ("亚洲", "东亚", "中亚", "太平洋", "丝绸之路"),
    "topic_zh": ("经济合作", "能源安全", "海洋事务", "文化交流", "粮食安全"),
    "body_zh": ("组织", "委员会", "论坛", "联盟"),
}

# Given and family names of each script: (given names, family names, joiner).
PERSON_NAMES: tuple[tuple[tuple[str, ...], tuple[str, ...], str], ...] = (
    (
        ("José", "Zoë", "François", "Łukasz", "Søren", "Ana", "Müge", "Ömer", "Inès", "Renée"),
        (
            "Álvarez",
            "Müller",
            "Lefèvre",
            "Wójcik",
            "Ørsted",
            "Núñez",
            "Şahin",
            "Dvořák",
            "Sørensen",
        ),
        " ",
    ),
    (
        ("John", "Mary", "David", "Sarah", "Michael", "Laura", "Steven", "Emma", "Robert"),
        ("Smith", "Carter", "Walker", "Nguyen", "Okafor", "Patel", "Fischer", "Kowalski"),
        " ",
    ),
    (
        ("محمد", "عبد الله", "فاطمة", "خالد", "ليلى", "يوسف", "نورة", "عمر", "سلمى"),
        ("بن زايد", "الخليفة", "العتيبي", "بوريطة", "الصفدي", "الحسيني", "المنصوري"),
        " ",
    ),
    (
        ("יוסי", "מיכל", "אבי", "נועה", "דוד", "רותם", "יעקב", "שירה"),
        ("כהן", "לוי", "מזרחי", "פרץ", "ביטון", "אברהם", "פרידמן"),
        " ",
    ),
    (
        ("Сергей", "Анна", "Қасым-Жомарт", "Мария", "Дмитрий", "Ольга", "Ерлан", "Тетяна"),
        ("Иванов", "Петрова", "Тоқаев", "Смирнов", "Кузнецова", "Нұрланов", "Шевченко"),
        " ",
    ),
    (
        ("毅", "文雄", "美玲", "伟", "明", "秀英", "健太"),
        ("王", "岸田", "李", "张", "陈", "佐藤"),
        "",
    ),
    (("정숙", "민준", "서연", "지훈"), ("김", "이", "박", "최"), ""),
)

STATE_OFFICES = (
    "President",
    "Prime Minister",
    "Minister of Foreign Affairs",
    "Ambassador to the United Nations",
    "Special Envoy",
    "National Security Adviser",
    "Ministre des Affaires étrangères",
    "وزير الخارجية",
    "שר החוץ",
    "Министр иностранных дел",
    "外交部长",
    "内閣総理大臣",
)
ORGANISATION_OFFICES = (
    "Secretary-General",
    "Director-General",
    "Chair of the Council",
    "Spokesperson",
    "Secrétaire général",
    "الأمين العام",
    "Генеральный секретарь",
    "秘书长",
)

ACCORDS: tuple[tuple[str, str, str, str], ...] = (
    # key, name, first signed, description
    (
        "abraham-accords",
        "Abraham Accords",
        "2020-09-15",
        "Normalisation agreements between Israel and Arab states, first signed at the White House.",
    ),
    (
        "camp-david-accords",
        "Camp David Accords",
        "1978-09-17",
        "Framework agreements between Egypt and Israel, witnessed by the United States.",
    ),
    (
        "oslo-i-accord",
        "Oslo I Accord",
        "1993-09-13",
        "Declaration of Principles on Interim Self-Government Arrangements.",
    ),
    (
        "accords-d-evian",
        "Accords d'Évian",
        "1962-03-18",
        "Accords mettant fin à la guerre d'Algérie, signés à Évian-les-Bains.",
    ),
    (
        "collective-security-treaty",
        "Договор о коллективной безопасности",
        "1992-05~",
        "Договор государств Содружества, подписанный в Ташкенте.",
    ),
    (
        "japan-china-peace-treaty",
        "日中平和友好条約",
        "1978-08-12",
        "日本国と中華人民共和国との間の平和友好条約。",
    ),
    ("taif-agreement", "اتفاق الطائف", "1989-10-22", "اتفاق أنهى الحرب الأهلية اللبنانية."),
    (
        "israel-jordan-peace-treaty",
        "הסכם השלום בין ישראל לירדן",
        "1994-10-26",
        "הסכם השלום שנחתם במעבר הערבה.",
    ),
)

CITIES = (
    "Washington, D.C.",
    "Genève",
    "Zürich",
    "São Paulo",
    "Bogotá",
    "Reykjavík",
    "Abu Dhabi",
    "Manama",
    "Rabat",
    "الرباط",
    "الرياض",
    "القاهرة",
    "ירושלים",
    "תל אביב",
    "Москва",
    "Алматы",
    "Астана",
    "北京",
    "東京",
    "서울",
)

EVENT_TITLES: dict[str, tuple[str, ...]] = {
    "signing_ceremony": (
        "Signing ceremony of the {accord} in {city}",
        "Signature de l'accord entre {party} et {other} à {city}",
        "توقيع {accord} في {city}",
        "טקס החתימה על {accord} ב{city}",
        "Церемония подписания: {accord}, {city}",
        "{accord}签字仪式（{city}）",
    ),
    "declaration": (
        "{party} signs a declaration on the {accord}",
        "Déclaration commune de {party} et {other}",
        "إعلان مشترك بين {party} و{other}",
        "Совместное заявление: {party} и {other}",
    ),
    "announcement": (
        "{party} announces it will join the {accord}",
        "{party} anuncia su adhesión a {accord}",
        "הודעה: {party} מצטרפת ל{accord}",
        "{party}宣布加入{accord}",
    ),
    "meeting": (
        "Meeting of the foreign ministers of {party} and {other}",
        "Réunion bilatérale à {city}: {party} et {other}",
        "اجتماع وزراء خارجية {party} و{other}",
        "Встреча делегаций {party} и {other} в {city}",
        "{party}与{other}外长会谈",
    ),
    "visit": (
        "State visit of {party} to {other}",
        "Visite officielle à {city}",
        "ביקור רשמי של {party} ב{city}",
        "{city}訪問",
    ),
    "summit": (
        "{city} summit on the {accord}",
        "Sommet de {city}",
        "قمة {city}",
        "Саммит в {city}",
        "{city}峰会",
    ),
    "remarks": (
        "Remarks by {party} on the {accord}",
        "Observaciones de {party} sobre {accord}",
        "Заявление для прессы: {party}",
    ),
    "interview": (
        "Interview on the future of the {accord}",
        "Entretien exclusif sur {accord}",
        "مقابلة حول {accord}",
        "ראיון על {accord}",
        "独占インタビュー：{accord}",
    ),
}

SUMMARIES = (
    "Delegations of {party} and {other} met in {city} to discuss the {accord}.",
    "Les délégations de {party} et {other} se sont réunies à {city}; la presse n'a pas été admise.",
    "بحث الطرفان {party} و{other} سبل تعزيز التعاون في إطار {accord}.",
    "הצדדים {party} ו{other} דנו בהרחבת {accord}.",
    "Стороны {party} и {other} обсудили расширение {accord}.",
    "{party}和{other}在{city}讨论了{accord}的进展。",
    "The source gives only the month; the exact day is not reported.",
)

STATUS_NOTES = (
    "Reported by officials speaking on condition of anonymity.",
    "Confirmed in a joint statement.",
    "Selon le communiqué officiel.",
    "بحسب بيان وزارة الخارجية.",
    "לפי הודעת משרד החוץ.",
    "По данным МИД.",
    "据官方声明。",
)

PARTY_NOTES = (
    "Appears in the accord's records from its first year.",
    "Membre observateur selon plusieurs sources.",
    "ورد اسمها في عدة بيانات رسمية.",
    "Упоминается в официальных документах.",
)

PUBLISHERS: dict[str, tuple[tuple[str, str], ...]] = {
    # source kind: (publisher, web site)
    "news_article": (
        ("Reuters", "www.reuters.com"),
        ("Agence France-Presse", "www.afp.com"),
        ("Le Monde", "www.lemonde.fr"),
        ("El País", "elpais.com"),
        ("Süddeutsche Zeitung", "www.sueddeutsche.de"),
        ("الشرق الأوسط", "aawsat.com"),
        ("הארץ", "www.haaretz.co.il"),
        ("Коммерсантъ", "www.kommersant.ru"),
        ("新华社", "www.news.cn"),
        ("朝日新聞", "www.asahi.com"),
        ("Fox News", "www.foxnews.com"),
    ),
    "official_document": (
        ("United Nations Treaty Collection", "treaties.un.org"),
        ("Ministère de l'Europe et des Affaires étrangères", "www.diplomatie.gouv.fr"),
        ("U.S. Department of State", "www.state.gov"),
        ("وزارة الخارجية", "www.mofa.gov.ae"),
        ("Министерство иностранных дел", "www.mid.ru"),
    ),
    "treaty": (
        ("United Nations Treaty Series", "treaties.un.org"),
        ("Recueil des traités", "www.diplomatie.gouv.fr"),
    ),
    "web_page": (
        ("The White House", "www.whitehouse.gov"),
        ("وكالة أنباء الإمارات", "www.wam.ae"),
        ("Gov.il", "www.gov.il"),
    ),
    "interview": (
        ("Al Jazeera", "www.aljazeera.com"),
        ("Der Spiegel", "www.spiegel.de"),
        ("Известия", "iz.ru"),
    ),
    "report": (
        ("Chatham House", "www.chathamhouse.org"),
        ("Institut français des relations internationales", "www.ifri.org"),
        ("Carnegie Endowment", "carnegieendowment.org"),
        ("معهد الدراسات", "www.example-institute.org"),
    ),
    "broadcast": (
        ("BBC World Service", "www.bbc.co.uk"),
        ("France 24", "www.france24.com"),
        ("כאן חדשות", "www.kan.org.il"),
        ("Первый канал", "www.1tv.ru"),
    ),
    "other": (("Wikipedia", "en.wikipedia.org"), ("Personal archive", "")),
}

SOURCE_TITLES = (
    "{party} joining {accord}, official confirms",
    "{party} and {other} sign agreement in {city}",
    "Le {accord}: ce que change l'adhésion de {party}",
    "{party} firma el acuerdo con {other}",
    "{party} تنضم إلى {accord}",
    "{party} מצטרפת ל{accord}",
    "{party} присоединяется к «{accord}»",
    "{party}加入{accord}",
    "Annual report on the {accord}",
)

LOCATORS = (
    "para. {n}",
    "p. {n}",
    "§ {n}",
    "article {n}",
    "section {n}.{m}",
    "00:{n:02d}:{m:02d}",
    "photo caption {n}",
    "headline",
)

QUOTES = (
    "formalized normalization agreements",
    "a historic step towards peace",
    "signed the declaration without completing the process",
    "a signé la déclaration commune",
    "وقّع الطرفان على الاتفاق",
    "חתמו על ההסכם",
    "подписали соглашение о сотрудничестве",
    "双方签署了协议",
)

CITATION_NOTES = (
    "Translated from Arabic.",
    "Date inferred from the dateline.",
    "Paraphrased: the source names no official.",
    "Traduit du français.",
    "Перевод с русского.",
)
