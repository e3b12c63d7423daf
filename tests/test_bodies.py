from kg.ner.bodies import with_bodies, with_ministries, with_numbered_congresses


def texts(text, ents=()):
    return [(text[start:end], label) for start, end, label in with_bodies(text, list(ents))]


def test_bodies_named_by_level_alone_are_organisations():
    assert texts("省工信厅日前印发通知,在县委有关部门支持下") == [("省工信厅", "ORG"), ("县委", "ORG")]
    assert texts("襄垣县委、县政府紧扣", [(0, 4, "ORG")]) == [("襄垣县委", "ORG"), ("县政府", "ORG")]
    assert texts("省高院、市中院") == [("省高院", "ORG"), ("市中院", "ORG")]
    assert texts("1月4日,市医保中心传来消息,县疾控中心提醒") == [("市医保中心", "ORG"), ("县疾控中心", "ORG")]
    assert texts("市商务局、市投资促进中心和县投促中心") == [("市商务局", "ORG"), ("市投资促进中心", "ORG"), ("县投促中心", "ORG")]
    assert texts("近年来,市中心医院牵头") == [("市中心医院", "ORG")]  # not the city centre's hospital
    assert texts("市农业农村局会同市供销社、县气象局") == [("市农业农村局", "ORG"), ("市供销社", "ORG"), ("县气象局", "ORG")]
    assert texts("县公安局、县消防救援大队和市交警支队") == [("县公安局", "ORG"), ("县消防救援大队", "ORG"), ("市交警支队", "ORG")]
    assert texts("入选省工信厅公布的名单,主动对接省能源局") == [("省工信厅", "ORG"), ("省能源局", "ORG")]  # after a verb
    assert texts("协调市发展改革委、市财政局") == [("市发展改革委", "ORG"), ("市财政局", "ORG")]
    assert texts("积极争取省水利厅支持,已列入省发展改革委重点工程,听取市政府汇报") == [
        ("省水利厅", "ORG"), ("省发展改革委", "ORG"), ("市政府", "ORG")]
    assert texts("市自然资源和规划局、区教科局和市食安办,县综治中心,县文化馆联合市公交公司") == [
        ("市自然资源和规划局", "ORG"), ("区教科局", "ORG"), ("市食安办", "ORG"), ("县综治中心", "ORG"),
        ("县文化馆", "ORG"), ("市公交公司", "ORG")]


def test_a_level_character_inside_a_word_is_not_a_body():
    assert texts("城市政府职能转变,社区委员会,超市政府采购") == []
    assert texts("县委托第三方评估,市委员会") == []


def test_a_place_ending_in_the_level_character_joins_the_body():
    assert texts("长治市政府召开会议", [(0, 3, "PLACE")]) == [("长治市政府", "ORG")]
    assert texts("和山西省人民政府共同主办,省发展改革委负责同志", [(1, 4, "PLACE")]) == [
        ("山西省人民政府", "ORG"), ("省发展改革委", "ORG")]
    # and takes in what the model found in the rest of it
    assert texts("山西省水利厅召开会议", [(0, 3, "PLACE"), (3, 6, "PLACE")]) == [("山西省水利厅", "ORG")]
    # a place that ends elsewhere is left alone, and so is the body
    assert texts("长治大市委", [(0, 2, "PLACE")]) == [("长治", "PLACE")]


def test_spans_found_already_win():
    assert texts("市委经济工作会议", [(0, 8, "EVENT")]) == [("市委经济工作会议", "EVENT")]
    assert texts("县委书记", [(1, 4, "PERSON")]) == [("委书记", "PERSON")]  # crossing it: the model's


def test_a_body_replaces_what_the_model_found_inside_it():
    assert texts("市人社局聚力", [(0, 3, "ORG")]) == [("市人社局", "ORG")]
    assert texts("市文物局走在前", [(1, 4, "PLACE")]) == [("市文物局", "ORG")]


def test_a_verb_of_government_news_ends_before_the_body():
    assert texts("认真贯彻落实市委决策部署,不折不扣落实好市委各项部署") == [("市委", "ORG"), ("市委", "ORG")]
    # the model took the verb in: the body is what follows it
    assert texts("代表市委向大家表示感谢", [(0, 4, "ORG")]) == [("市委", "ORG")]
    assert texts("希望市农业农村局把项目多向山区倾斜,紧扣市委中心工作") == [("市农业农村局", "ORG"), ("市委", "ORG")]
    assert texts("并联合县市场监管局开展检查") == [("县市场监管局", "ORG")]
    assert texts("确保完成省委、省政府下达的任务,以优异成绩迎接省委考核") == [("省委", "ORG"), ("省政府", "ORG"), ("省委", "ORG")]
    assert texts("他叮嘱县住建局严格落实", [(1, 4, "ORG")]) == [("县住建局", "ORG")]  # the model's 叮嘱县
    # any other word keeps the level character (城市政府) and the model's span (共青团市委)
    assert texts("共青团市委", [(0, 5, "ORG")]) == [("共青团市委", "ORG")]


def test_a_body_named_by_its_work():
    text = "市安全生产工作专班消息,市非煤矿山安全委员会表示,县防汛抗旱指挥部要求"
    assert texts(text) == [("市安全生产工作专班", "ORG"), ("市非煤矿山安全委员会", "ORG"), ("县防汛抗旱指挥部", "ORG")]
    # a centre or company named by its work
    text = "联合市公安局反诈中心,县农业技术推广中心专家,市国投公司介绍"
    assert texts(text) == [("市公安局反诈中心", "ORG"), ("县农业技术推广中心", "ORG"), ("市国投公司", "ORG")]
    # not inside a word, nor across a verb or a function character, nor after a word a level starts
    assert texts("城市防汛指挥部,市里成立了工作专班,县委员会,市民可下载国家反诈中心") == []


def test_the_centre_listed_with_the_levels():
    assert texts("学习贯彻中央、省委、市委决策部署") == [("中央", "ORG"), ("省委", "ORG"), ("市委", "ORG")]
    assert texts("中央电视台") == []


def test_a_township_names_its_own_government():
    assert texts("端氏镇政府组织检查,胡会乡人民政府", [(0, 3, "PLACE"), (10, 13, "PLACE")]) == [
        ("端氏镇政府", "ORG"), ("胡会乡人民政府", "ORG")]
    assert texts("乡镇政府") == []  # any township's
    assert texts("推动枝柯镇卫生院、巴公镇中心学校", [(2, 5, "PLACE"), (9, 12, "PLACE")]) == [
        ("枝柯镇卫生院", "ORG"), ("巴公镇中心学校", "ORG")]
    assert texts("乡镇卫生院") == []
    # a township's government and committee named bare are the page's own; not a word's end (乡镇党委)
    assert texts("松烟镇党委、镇政府依据规划,集中到镇政府一楼,各乡镇党委书记", [(0, 5, "ORG")]) == [
        ("松烟镇党委", "ORG"), ("镇政府", "ORG"), ("镇政府", "ORG")]


def test_an_org_does_not_start_with_the_verb_before_a_league_committee():
    from kg.ner.bodies import without_verbs_before_bodies

    assert without_verbs_before_bodies("要联合团市委、市妇联", [(1, 6, "ORG")]) == [(3, 6, "ORG")]


def test_ministries_are_one_org_wherever_named():
    def ministries(text, ents=()):
        return [(text[start:end], label) for start, end, label in with_ministries(text, list(ents))]

    # the model reads 和 as "and" and tags a piece
    assert ministries("近日,工业和信息化部公布名单", [(5, 9, "ORG")]) == [("工业和信息化部", "ORG")]
    assert ministries("对接国家发展改革委、水利部") == [("国家发展改革委", "ORG"), ("水利部", "ORG")]
    assert ministries("入选最高检典型案例") == [("最高检", "ORG")]
    # a name around it stands; 教育部门 is the authorities, not the ministry
    assert ministries("中国外交部发言人", [(0, 5, "ORG")]) == [("中国外交部", "ORG")]
    assert ministries("教育部门和公安部门") == []
    # with a place and a head after it, the body's office there
    assert ministries("会同国家矿山安全监察局山西局驻地执法处") == [("国家矿山安全监察局山西局", "ORG")]
    assert ministries("国家税务总局太原市税务局、国家统计局山西调查总队") == [
        ("国家税务总局太原市税务局", "ORG"), ("国家统计局山西调查总队", "ORG")]
    assert ministries("国家统计局山西发布") == [("国家统计局", "ORG")]


def test_a_congress_named_by_its_term_is_one_body():
    def congresses(text, ents=()):
        return [(text[start:end], label) for start, end, label in with_numbered_congresses(text, list(ents))]

    # the model found a piece of it, or nothing
    assert congresses("选举第九届全国人民代表大会代表", [(3, 11, "ORG")]) == [("第九届全国人民代表大会", "ORG")]
    assert congresses("十四届全国人大代表") == [("十四届全国人大", "ORG")]
    # a national committee takes the body whose committee it is
    assert congresses("政协第八届全国委员会常务委员会", [(0, 2, "ORG")]) == [("政协第八届全国委员会常务委员会", "ORG")]
    # a longer name the model found stands; a term alone (本届) is no name
    assert congresses("香港特别行政区第九届全国人大代表选举会议", [(0, 14, "ORG")]) == [("香港特别行政区第九届全国人大", "ORG")]
    assert congresses("本届全国人大代表") == []


def test_the_verb_before_a_body_is_no_part_of_it():
    from kg.ner.bodies import without_verbs_before_bodies

    text = "联合国家金融监督管理总局阳泉监管分局,联合共青团临汾市委,联合国教科文组织,联合太原理工大学,支持太原理工大学"
    ents = [(0, 18, "ORG"), (19, 28, "ORG"), (29, 37, "ORG"), (38, 46, "ORG"), (47, 55, "ORG")]
    assert [text[s:e] for s, e, _ in without_verbs_before_bodies(text, ents)] == [
        "国家金融监督管理总局阳泉监管分局", "共青团临汾市委", "联合国教科文组织", "太原理工大学", "支持太原理工大学"]
    text = "医院将依托省人民医院的学科优势"
    assert [text[s:e] for s, e, _ in without_verbs_before_bodies(text, [(3, 10, "ORG")])] == ["省人民医院"]


def test_a_subdistrict_and_its_party_working_committee_are_one_body():
    assert texts("西铭街道党工委书记郭海涛", [(0, 4, "PLACE")]) == [("西铭街道党工委", "ORG")]


def test_a_level_s_congress_by_its_term_is_a_body():
    text = "市十六届人大常委会举行第二十三次会议"
    assert [(text[s:e], label) for s, e, label in with_numbered_congresses(text, [(3, 9, "ORG")])] == [
        ("市十六届人大常委会", "ORG")]


def test_a_body_the_model_started_late_is_named_whole():
    assert texts("市文化和旅游局党组书记", [(4, 9, "ORG")]) == [("市文化和旅游局党组", "ORG")]
    text = "山西省地方金融管理局、焦作市文化广电和旅游局"
    assert texts(text, [(0, 3, "PLACE"), (11, 14, "PLACE")]) == [("山西省地方金融管理局", "ORG"), ("焦作市文化广电和旅游局", "ORG")]


def test_a_provincial_group_is_a_body_wherever_named_but_not_inside_its_subsidiary():
    from kg.ner.bodies import with_ministries

    text = "太钢相关负责人表示,晋能控股集团有限公司,太钢集团炼钢二厂"
    assert with_ministries(text, [(0, 2, "PLACE")]) == [(0, 2, "ORG"), (10, 20, "ORG")]
    # the groups' subsidiaries the papers name, and the institute of coal chemistry by its short form
    text = "晋能控股煤业集团塔山煤矿,与煤化所合作"
    assert [text[s:e] for s, e, _ in with_ministries(text, [])] == ["晋能控股煤业集团", "煤化所"]
    # a short name that is also a phrase only where the phrase cannot be (太重 of 太重视, 负担太重，)
    text = "太钢、太重的专家,不太重视,太重要了,负担太重，"
    assert [text[s:e] for s, e, _ in with_ministries(text, [])] == ["太钢", "太重"]


def test_the_time_before_a_body_is_no_part_of_it():
    from kg.ner.bodies import without_verbs_before_bodies

    assert without_verbs_before_bodies("今年县文物局还联合高校", [(0, 6, "ORG")]) == [(2, 6, "ORG")]
    assert without_verbs_before_bodies("整合县法院、县司法局", [(0, 5, "ORG")]) == [(2, 5, "ORG")]
    assert without_verbs_before_bodies("组建由隰县人民医院牵头", [(2, 9, "ORG")]) == [(3, 9, "ORG")]  # nor 由


def test_a_party_committees_finance_office_is_a_body_and_a_verb_ends_a_task_force():
    assert texts("跨过融资门槛。”市委金融办副主任说", []) == [("市委金融办", "ORG")]
    assert texts("担任链长,市工信局牵头组建产业链工作专班", []) == [("市工信局", "ORG")]
