"""Builds tests/data/resolve/004.json: the first five articles of seed 004 annotated by GUIDELINES.md."""
import json
text = open("seeds/004_0c6182936a4192fd.txt", encoding="utf-8").read()
END = text.index("近日,交城县山西利虎")
ARTICLES = ["市政协召开反映", "我市加速推进非煤", "柳林县\n\n全力推动", "交城县\n\n科技赋能", "全市重大动物疫病防控工作会议召开"]
L, C = "吕梁市", None
SPANS = [
 ("市政协", "ORG", "吕梁市政协"), ("李亚芝", "PERSON", C), ("市政协", "ORG", "吕梁市政协"), ("市政协", "ORG", "吕梁市政协"),
 ("王阳平", "PERSON", C), ("市政协", "ORG", "吕梁市政协"), ("任勤顺", "PERSON", C), ("全市", "REF", L),
 ("市政协", "ORG", "吕梁市政协"), ("汾阳市政协", "ORG", C), ("民盟吕梁市委员会", "ORG", C), ("高侯平", "PERSON", C),
 ("王阳平", "PERSON", C), ("我市", "REF", L),
 ("我市", "REF", L), ("张娟娟", "PERSON", C), ("我市", "REF", L), ("市应急管理局", "ORG", "吕梁市应急管理局"),
 ("我市", "REF", L), ("中国铝业股份有限公司兴县奥家湾铝矿", "ORG", C), ("山西北晟铝业有限公司", "ORG", C),
 ("湖北", "PLACE", "湖北省"), ("黄石", "PLACE", "黄石市"), ("黄石铜山口铜矿", "ORG", C), ("我市", "REF", L),
 ("我市", "REF", L), ("市非煤矿山安全委员会", "ORG", "吕梁市非煤矿山安全委员会"),
 ("柳林县", "PLACE", C), ("高茜", "PERSON", C), ("柳林县", "PLACE", C), ("柳林大剧院", "PLACE", C), ("柳林大剧院", "PLACE", C),
 ("全县", "REF", "柳林县"), ("全县", "REF", "柳林县"), ("重大项目建设年推进会", "EVENT", C), ("全县", "REF", "柳林县"),
 ("重大项目建设年", "PROJECT", C), ("全县", "REF", "柳林县"), ("柳林县", "PLACE", C), ("市委", "ORG", "吕梁市委"),
 ("县委", "ORG", "柳林县委"), ("重大项目建设年", "PROJECT", C),
 ("交城县", "PLACE", C), ("刘少伟", "PERSON", C), ("交城县", "PLACE", C), ("夏家营镇", "PLACE", C), ("大辛村", "PLACE", C),
 ("诚信种业", "ORG", "山西诚信种业有限公司"), ("金兰化工", "ORG", "山西金兰化工有限公司"), ("大辛村", "PLACE", C),
 ("全县", "REF", "交城县"), ("大辛村", "PLACE", C), ("大辛村股份经济合作社", "ORG", C), ("山西诚信种业有限公司", "ORG", C),
 ("山西金兰化工有限公司", "ORG", C), ("金兰化工", "ORG", "山西金兰化工有限公司"), ("大辛村", "PLACE", C),
 ("全市重大动物疫病防控工作会议", "EVENT", C), ("刘丽霞", "PERSON", C), ("全市2025年重大动物疫病防控工作会议", "EVENT", C),
 ("省重大动物疫病防控工作会议", "EVENT", C), ("孝义市", "PLACE", C), ("汾阳市", "PLACE", C), ("柳林县", "PLACE", C),
 ("非洲猪瘟疫情应急实施方案(第六版)", "DOC", C), ("我市", "REF", L),
]
entities, at = [], text.index(ARTICLES[0])
for surface, label, canonical in SPANS:
    start = text.index(surface, at)
    assert start < END, surface
    entities.append({"start": start, "end": start + len(surface), "text": surface, "label": label,
                     "canonical": canonical or surface})
    at = start + len(surface)
out = {"text": text, "entities": entities, "article_starts": [text.index(a) for a in ARTICLES],
       "annotated_end": END, "source": "seeds/004_0c6182936a4192fd.txt (first five articles)"}
json.dump(out, open("tests/data/resolve/004.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
print(len(entities))
