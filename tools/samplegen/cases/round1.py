"""Round 1 case list: the forms of each variant_NN sample and its layout options."""
from decimal import Decimal as D
from samplegen.templates import NT, form_v as form, funds, pct_trim, total_of_v as total_of
from samplegen.layout import A4


# ------------------------------------------------------------------ 01
def v01():
    """WPS-style borders as thin filled rectangles; funds 年度资金总额 /
    其中：财政拨款 / 其他资金; 执行率 printed as 96.5%; targets with
    ≥ ≤ = and spaced '≥ 85 分', qualitative targets."""
    fl, fs = funds([
        ("年度资金总额", "total", D("480.00"), D("520.00"), D("501.80")),
        ("其中：财政拨款", "current_appropriation", D("480.00"), D("500.00"), D("482.50")),
        ("其他资金", "other", D("0.00"), D("20.00"), D("19.30")),
    ], 10, rate_fmt=pct_trim)
    assert fl[0]["rate"] == "96.5%" and fl[1]["rate"] == "96.5%", fl
    inds = [
        ("产出指标", "数量指标", "政务服务事项网上可办率", "≥95%", "97.2%", "10", "10", ""),
        ("产出指标", "数量指标", "新增自助服务终端", "=30台", "30台", "10", "10", ""),
        ("产出指标", "质量指标", "系统全年可用率", "100%", "100%", "10", "10", ""),
        ("产出指标", "时效指标", "企业开办办理时限", "≤3个工作日", "2个工作日", "10", "10", ""),
        ("产出指标", "时效指标", "系统升级完成时间", "及时", "及时", "10", "10", ""),
        ("产出指标", "成本指标", "单台终端采购成本", "≤4.5万元", "4.32万元", "5", "5", ""),
        ("效益指标", "社会效益指标", "群众办事便利度", "明显提升", "明显提升", "15", "15", ""),
        ("效益指标", "可持续影响指标", "数据共享接口建设", "=1项", "1项", "10", "10", ""),
        ("满意度指标", "服务对象满意度指标", "办事群众满意度", "≥ 85 分", "91.4 分", "10", "10", ""),
    ]
    fsum = total_of(fs, inds)
    f = form(year=2023, year_line="（2023年度）", project_name="松川县“一网通办”政务服务能力提升项目",
             department="松川县人民政府办公室", implementer="松川县政务服务和大数据管理中心",
             funds=fl, fund_score=fs, fund_cols=["init", "annual", "executed", "weight", "rate", "score"],
             fund_heads={"annual": "全年预算数（A）", "executed": "全年执行数（B）", "rate": "执行率（B/A）"},
             goals=("建成覆盖县乡村三级的政务服务网上办理体系，政务服务事项网上可办率达到95%以上，新增自助服务终端30台，企业开办时间压缩至3个工作日以内。",
                    "全县政务服务事项网上可办率达到97.2%，新增自助服务终端30台并全部投入使用，企业开办平均用时2个工作日，办事群众满意度91.4分。"),
             indicators=inds, total_score=fsum)
    heads = [(NT, 16, "c"), ("（2023年度）", 11, "c")]
    return dict(name="variant_01_wps_rects_funds3", forms=[f], heads=[heads], font="ucs2",
                doc=dict(border="rects", lw=0.6), producer="WPS-style: borders as filled rectangles",
                options=["borders_as_rects", "funds_total_appropriation_other", "rate_pct_trimmed",
                         "targets_ops_spaced_units"])


# ------------------------------------------------------------------ 02
def v02():
    """Header block on separate rows (项目名称 / 项目编码 / 主管部门 /
    实施单位, then 项目负责人 + 联系电话 side by side, to be ignored);
    附件2 cover line, 单位：万元 line under the year line, fund head
    '项目资金' without unit; 自评等级 row; thick outer border."""
    fl, fs = funds([
        ("年度资金总额", "total", D("236.00"), D("236.00"), D("221.84")),
        ("其中：当年财政拨款", "current_appropriation", D("236.00"), D("236.00"), D("221.84")),
        ("上年结转资金", "carryover", D("0.00"), D("0.00"), D("0.00")),
        ("其他资金", "other", D("0.00"), D("0.00"), D("0.00")),
    ], 10)
    inds = [
        ("产出指标", "数量指标", "开展老年人健康体检人数", "≥12000人", "12480人", "15", "15", ""),
        ("产出指标", "数量指标", "家庭医生签约服务老年人数", "≥8000人", "7620人", "10", "9.53",
         "部分老年人长期在外地居住，未能完成签约；下一步通过线上签约方式扩大覆盖。"),
        ("产出指标", "质量指标", "体检结果反馈率", "=100%", "100%", "10", "10", ""),
        ("产出指标", "时效指标", "体检工作完成时间", "10月底前", "10月底前", "10", "10", ""),
        ("效益指标", "社会效益指标", "老年人健康管理率", "≥70%", "72.6%", "15", "15", ""),
        ("效益指标", "可持续影响指标", "健康档案动态更新机制", "建立", "已建立", "10", "10", ""),
        ("满意度指标", "服务对象满意度指标", "体检老年人满意度", "≥90%", "95.3%", "20", "20", ""),
    ]
    tot = total_of(fs, inds)
    f = form(year=2023, project_name="临江市明湖区老年人健康体检及健康管理服务", code="33010823000112",
             department="临江市明湖区卫生健康局", implementer="临江市明湖区社区卫生服务中心",
             leader="周敏", phone="0571-86123456", header="rows", fund_head="项目资金",
             funds=fl, fund_score=fs, fund_cols=["init", "annual", "executed", "weight", "rate", "score"],
             goals=("为辖区65周岁及以上老年人提供免费健康体检12000人以上，家庭医生签约服务8000人以上，老年人健康管理率达到70%。",
                    "全年完成老年人健康体检12480人，家庭医生签约7620人，体检结果全部反馈，老年人健康管理率72.6%。"),
             indicators=inds, total_score=tot, grade="优", grade_label="自评等级")
    heads = [("附件2", 12, "l"), (NT, 16, "c"), ("（2023年度）", 11, "c"), ("单位：万元", 10, "r")]
    return dict(name="variant_02_header_rows_unitline", forms=[f], heads=[heads], font="ucs2",
                doc=dict(border="lines", lw=0.5, outer_lw=1.5), producer="Word-style: thick outer border",
                options=["header_block_rows", "project_code_leader_phone_rows", "cover_line_附件2",
                         "unit_line_under_title", "grade_row_自评等级"])


# ------------------------------------------------------------------ 03
def v03():
    """Two forms on one page; title on one line '2023年度项目支出绩效自评表'
    (no year line); form 1: 年度总体目标 as one merged content cell
    (achieved null); form 2: 预期目标 and 实际完成情况 as two rows.
    Text in TJ arrays with kerning."""
    fl, fs = funds([
        ("年度资金总额", "total", D("45.00"), D("45.00"), D("43.20")),
        ("其中：当年财政拨款", "current_appropriation", D("45.00"), D("45.00"), D("43.20")),
        ("上年结转资金", "carryover", D("0.00"), D("0.00"), D("0.00")),
        ("其他资金", "other", D("0.00"), D("0.00"), D("0.00")),
    ], 10)
    inds = [
        ("产出指标", "数量指标", "举办农村实用技术培训班", "≥20期", "22期", "20", "20", ""),
        ("产出指标", "质量指标", "培训合格率", "≥90%", "94%", "20", "20", ""),
        ("效益指标", "社会效益指标", "参训农民增收技能掌握率", "≥80%", "85%", "30", "30", ""),
        ("满意度指标", "服务对象满意度指标", "参训农民满意度", "≥90%", "96%", "20", "20", ""),
    ]
    f1 = form(year=2023, project_name="北溪县高素质农民培育项目", department="北溪县农业农村局",
              implementer="北溪县农业技术推广中心", funds=fl, fund_score=fs,
              fund_cols=["init", "annual", "executed", "weight", "rate", "score"], goal_layout="merged",
              goals=("全年举办农村实用技术培训班20期以上，培训高素质农民1000人次，参训农民满意度达到90%以上。", None),
              indicators=inds, total_score=total_of(fs, inds))
    fl, fs = funds([
        ("年度资金总额", "total", D("30.00"), D("32.00"), D("28.80")),
        ("其中：当年财政拨款", "current_appropriation", D("30.00"), D("30.00"), D("27.00")),
        ("上年结转资金", "carryover", D("0.00"), D("2.00"), D("1.80")),
        ("其他资金", "other", D("0.00"), D("0.00"), D("0.00")),
    ], 10)
    inds = [
        ("产出指标", "数量指标", "农村公益电影放映场次", "≥480场", "480场", "25", "25", ""),
        ("产出指标", "时效指标", "月均放映覆盖行政村", "=100%", "100%", "20", "20", ""),
        ("效益指标", "社会效益指标", "观影群众人次", "≥3万人次", "2.7万人次", "25", "22.5",
         "受夏季高温影响部分场次观影人数偏少，下一步调整放映时段。"),
        ("满意度指标", "服务对象满意度指标", "观影群众满意度", "≥85%", "91%", "20", "20", ""),
    ]
    f2 = form(year=2023, project_name="北溪县农村公益电影放映", department="北溪县文化和旅游局",
              implementer="北溪县电影发行放映公司", funds=fl, fund_score=fs,
              fund_cols=["init", "annual", "executed", "weight", "rate", "score"], goal_layout="rows",
              goals=("全年在全县240个行政村放映公益电影480场，每村每月放映一场。",
                     "全年放映公益电影480场，覆盖全部行政村，观影群众2.7万人次。"),
              indicators=inds, total_score=total_of(fs, inds))
    heads = [("2023年度" + NT, 15, "c")]
    return dict(name="variant_03_goal_layouts_two_per_page", forms=[f1, f2], heads=[heads, heads], font="ucs2",
                flow=True, doc=dict(text_mode="TJ", kern=12), one_page=True,
                producer="Word-style: TJ arrays with kerning",
                options=["two_forms_one_page", "title_one_line_with_year", "goal_single_merged_cell",
                         "goal_rows", "tj_kerning"])


# ------------------------------------------------------------------ 04
def v04():
    """A 3-page form: 28 indicators, 一级/二级 merged cells cut by both page
    breaks, deviation texts wrapping 4-5 lines; embedded TrueType subset
    with /ToUnicode; each text line drawn as two separate runs."""
    fl, fs = funds([
        ("年度资金总额", "total", D("3260.00"), D("3412.60"), D("3185.42")),
        ("其中：当年财政拨款", "current_appropriation", D("3000.00"), D("3000.00"), D("2830.12")),
        ("上年结转资金", "carryover", D("260.00"), D("412.60"), D("355.30")),
        ("其他资金", "other", D("0.00"), D("0.00"), D("0.00")),
    ], 10)
    longdev = ("受汛期连续强降雨影响，部分路段路基施工被迫停工累计四十余天，同时沿线管线迁改涉及电力、通信等多家产权单位，"
               "协调周期较长，导致该项指标未按计划完成；下一步将建立周调度机制，倒排工期、挂图作战，"
               "督促施工单位增加作业面和施工人员，确保剩余工程于次年汛期前全部完工并组织交工验收。")
    dev2 = ("养护资金到位时间较晚，部分日常养护项目招标推迟，影响全年养护计划执行进度；同时个别乡镇对养护工作重视不够，"
            "巡查频次不足。下一步将提前启动养护项目招标，强化考核，将考核结果与养护资金分配挂钩。")
    dev3 = ("部分偏远村组道路沿线人口外流，客运需求不足，客运班线开通后运营效益较差，经营企业积极性不高；"
            "下一步将推行预约响应式客运服务，统筹城乡客运资源，并研究落实农村客运运营补贴政策，提高通客车率。")
    inds = [
        ("产出指标", "数量指标", "新改建农村公路里程", "≥120公里", "108公里", "4", "3.6", longdev),
        ("产出指标", "数量指标", "危桥改造座数", "≥15座", "15座", "3", "3", ""),
        ("产出指标", "数量指标", "安全生命防护工程实施里程", "≥200公里", "212公里", "3", "3", ""),
        ("产出指标", "数量指标", "新建港湾式候车亭", "≥40个", "42个", "2", "2", ""),
        ("产出指标", "数量指标", "农村公路日常养护里程", "≥2600公里", "2418公里", "3", "2.79", dev2),
        ("产出指标", "数量指标", "县级农村公路管理站标准化建设", "=3个", "3个", "2", "2", ""),
        ("产出指标", "数量指标", "路域环境整治里程", "≥300公里", "326公里", "2", "2", ""),
        ("产出指标", "质量指标", "新改建工程交工验收合格率", "=100%", "100%", "6", "6", ""),
        ("产出指标", "质量指标", "危桥改造工程质量合格率", "=100%", "100%", "3", "3", ""),
        ("产出指标", "质量指标", "农村公路优良中等路率", "≥85%", "86.7%", "3", "3", ""),
        ("产出指标", "质量指标", "养护工程抽检合格率", "≥95%", "97.1%", "2", "2", ""),
        ("产出指标", "时效指标", "年度建设任务完成及时率", "≥95%", "90%", "3", "2.84",
         "受征地拆迁和强降雨影响，部分路段未能按期完工；下一步提前开展前期工作，合理安排施工计划。"),
        ("产出指标", "时效指标", "危桥改造完工时间", "11月底前", "11月底前", "2", "2", ""),
        ("产出指标", "时效指标", "资金拨付及时率", "≥95%", "98%", "2", "2", ""),
        ("产出指标", "成本指标", "四级公路单位造价", "≤95万元/公里", "92.6万元/公里", "3", "3", ""),
        ("产出指标", "成本指标", "日常养护单位成本", "≤0.7万元/公里", "0.68万元/公里", "2", "2", ""),
        ("效益指标", "经济效益指标", "沿线农产品运输成本降低", "≥10%", "12%", "4", "4", ""),
        ("效益指标", "经济效益指标", "带动沿线群众务工增收", "≥800万元", "860万元", "3", "3", ""),
        ("效益指标", "社会效益指标", "具备条件的建制村通客车率", "=100%", "96.5%", "4", "3.86", dev3),
        ("效益指标", "社会效益指标", "农村公路安全事故发生率", "同比下降", "同比下降8.2%", "3", "3", ""),
        ("效益指标", "社会效益指标", "新增通硬化路自然村", "≥60个", "64个", "3", "3", ""),
        ("效益指标", "生态效益指标", "公路绿化率", "≥80%", "82.4%", "3", "3", ""),
        ("效益指标", "生态效益指标", "施工扬尘投诉", "≤5件", "3件", "2", "2", ""),
        ("效益指标", "可持续影响指标", "农村公路管养长效机制", "健全", "基本健全", "4", "3",
         "“路长制”在部分乡镇尚未落实到村一级，村级养护队伍不稳定；下一步出台考核办法，"
         "落实县乡村三级路长责任，并通过购买服务稳定村级养护力量。"),
        ("效益指标", "可持续影响指标", "公路设施使用年限", "≥15年", "15年", "5", "5", ""),
        ("满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "92.8%", "8", "8", ""),
        ("满意度指标", "服务对象满意度指标", "客运经营者满意度", "≥85%", "88%", "3", "3", ""),
        ("满意度指标", "服务对象满意度指标", "养护从业人员满意度", "≥85%", "86%", "3", "3", ""),
    ]
    assert sum(D(i[5]) for i in inds) == 90
    f = form(year=2023, project_name="岚山市2023年农村公路建设及养护工程（“四好农村路”示范创建）",
             department="岚山市交通运输局", implementer="岚山市农村公路管理中心",
             funds=fl, fund_score=fs, fund_cols=["init", "annual", "executed", "weight", "rate", "score"],
             goals=("新改建农村公路120公里，改造危桥15座，实施安全生命防护工程200公里，完成农村公路日常养护2600公里，"
                    "农村公路优良中等路率达到85%以上，具备条件的建制村100%通客车，建立健全农村公路管养长效机制。",
                    "完成新改建农村公路108公里、危桥改造15座、安全生命防护工程212公里、日常养护2418公里，"
                    "优良中等路率86.7%，建制村通客车率96.5%，沿线群众满意度92.8%。"),
             indicators=inds, total_score=total_of(fs, inds), grade="优", grade_label="评分等级")
    heads = [(NT, 16, "c"), ("（2023年度）", 11, "c")]
    return dict(name="variant_04_three_pages_ttf_tounicode", forms=[f], heads=[heads], font="ttf",
                doc=dict(text_mode="runs"), pages=3,
                producer="embedded TrueType subset with ToUnicode, lines as two runs",
                options=["three_page_form", "merged_level_cells_across_two_breaks", "long_deviations",
                         "ttf_tounicode", "text_runs"])


# ------------------------------------------------------------------ 05
def v05():
    """A landscape form drawn on portrait pages with /Rotate 90; indicator
    columns ordered 三级指标 | 分值 | 年度指标值 | 实际完成值 | 得分 | 偏差;
    no grade row (总分 row only), total weight printed '100.00'."""
    fl, fs = funds([
        ("年度资金总额", "total", D("85.60"), D("85.60"), D("80.12")),
        ("其中：当年财政拨款", "current_appropriation", D("85.60"), D("85.60"), D("80.12")),
        ("上年结转资金", "carryover", D("0.00"), D("0.00"), D("0.00")),
        ("其他资金", "other", D("0.00"), D("0.00"), D("0.00")),
    ], "10.00")
    inds = [
        ("产出指标", "数量指标", "开展法律援助案件数", "≥600件", "648件", "15.00", "15.00", ""),
        ("产出指标", "数量指标", "公共法律服务工作站覆盖村（社区）", "=100%", "100%", "10.00", "10.00", ""),
        ("产出指标", "质量指标", "法律援助案件质量评估合格率", "≥95%", "93%", "10.00", "9.79",
         "个别承办律师案卷归档不规范，已组织专项培训并纳入年度考核。"),
        ("产出指标", "时效指标", "法律援助申请审查时限", "≤7日", "5日", "10.00", "10.00", ""),
        ("效益指标", "社会效益指标", "为受援人挽回经济损失", "≥1500万元", "1720万元", "20.00", "20.00", ""),
        ("效益指标", "可持续影响指标", "公共法律服务体系", "持续完善", "持续完善", "10.00", "10.00", ""),
        ("满意度指标", "服务对象满意度指标", "受援人满意度", "≥95%", "97.5%", "15.00", "15.00", ""),
    ]
    f = form(year=2022, year_line="（2022年度）", project_name="临江市明湖区法律援助及公共法律服务体系建设",
             department="临江市明湖区司法局", implementer="临江市明湖区法律援助中心", total_weight="100.00",
             funds=fl, fund_score=fs, fund_cols=["init", "annual", "executed", "weight", "rate", "score"],
             ind_order=["name", "w", "tgt", "act", "sc", "dev"], total_layout="row_split",
             widths=[48, 70, 86, 150, 50, 90, 90, 50, 128],
             goals=("全年办理法律援助案件600件以上，实现村（社区）公共法律服务工作站全覆盖，受援人满意度95%以上。",
                    "全年办理法律援助案件648件，挽回经济损失1720万元，公共法律服务工作站实现全覆盖，受援人满意度97.5%。"),
             indicators=inds, total_score=total_of(fs, inds))
    heads = [(NT, 16, "c"), ("（2022年度）", 11, "c")]
    return dict(name="variant_05_rotate90_landscape_indorder", forms=[f], heads=[heads], font="ucs2",
                doc=dict(page=(A4[1], A4[0]), left=60.0), rotate=90,
                producer="landscape content under /Rotate 90",
                options=["rotate_90", "landscape", "indicator_columns_weight_before_target", "no_grade_row"])


# ------------------------------------------------------------------ 06
def v06():
    """MediaBox larger than the CropBox (offset origin) with printer's crop
    marks outside the CropBox; fund columns without 年初预算数 and with
    执行率 before 分值; STSong-Light GBK-EUC-H; 总分 row carrying the
    grade in its last cell ('评价等级：良')."""
    fl, fs = funds([
        ("年度资金总额", "total", None, D("150.00"), D("126.30")),
        ("其中：财政拨款", "current_appropriation", None, D("150.00"), D("126.30")),
        ("其他资金", "other", None, D("0.00"), D("0.00")),
    ], 10)
    inds = [
        ("产出指标", "数量指标", "完成历史文化街区修缮面积", "≥6000平方米", "5100平方米", "15", "12.75",
         "部分建筑产权关系复杂，修缮方案协商时间较长，剩余900平方米转入下年度实施。"),
        ("产出指标", "质量指标", "修缮工程验收合格率", "=100%", "100%", "20", "20", ""),
        ("产出指标", "时效指标", "修缮工程完成时间", "12月底前", "未完成", "10", "6",
         "同上，已调整实施计划，预计次年6月底前完成。"),
        ("效益指标", "社会效益指标", "街区游客接待量增长", "≥10%", "11.5%", "15", "15", ""),
        ("效益指标", "可持续影响指标", "街区长效管护机制", "建立", "部分建立", "10", "6",
         "街区管护公约已起草，物业化管护队伍尚未组建；下一步由街道牵头落实管护主体。"),
        ("满意度指标", "服务对象满意度指标", "街区居民满意度", "≥85%", "80%", "20", "18.82",
         "修缮施工期间对居民出行造成一定影响，下一步优化施工组织并加强沟通。"),
    ]
    tot = total_of(fs, inds)
    f = form(year=2023, year_line="（2023年度）", project_name="松川县老城历史文化街区保护修缮",
             department="松川县住房和城乡建设局", implementer="松川县历史文化街区保护中心",
             funds=fl, fund_score=fs, fund_cols=["annual", "executed", "rate", "weight", "score"],
             fund_heads={"rate": "执行率（%）"},
             goals=("完成老城历史文化街区6000平方米建筑修缮，改善街区风貌，带动街区游客接待量增长10%以上。",
                    "完成建筑修缮5100平方米，街区风貌明显改善，游客接待量同比增长11.5%。"),
             indicators=inds, total_score=tot, grade="良", grade_label="评价等级", total_layout="same_row")
    assert tot == "86.99", tot
    heads = [(NT, 16, "c"), ("（2023年度）", 11, "c")]
    return dict(name="variant_06_cropbox_gbk_fundcols", forms=[f], heads=[heads], font="gbk",
                doc=dict(), media=[0, 0, 680, 930], crop=[40, 50, 40 + A4[0], 50 + A4[1]], shift=(40, 50),
                producer="print PDF: CropBox offset, crop marks",
                options=["cropbox_offset", "crop_marks", "gbk_euc_h", "fund_cols_no_initial_rate_before_weight",
                         "grade_in_total_row"])


# ------------------------------------------------------------------ 07
def v07():
    """Two pages; every cell stroked as its own rectangle (re S, shared
    edges drawn twice); text as a 1pt font scaled by the text matrix;
    page footers '第 1 页 共 2 页'; funds split 中央财政资金 / 省级资金 /
    市县资金 (central / local / local); 评分等级 row."""
    fl, fs = funds([
        ("年度资金总额", "total", D("1850.00"), D("1850.00"), D("1762.40")),
        ("其中：中央财政资金", "central", D("1200.00"), D("1200.00"), D("1155.60")),
        ("省级资金", "local", D("400.00"), D("400.00"), D("382.50")),
        ("市县资金", "local", D("250.00"), D("250.00"), D("224.30")),
    ], 10)
    d1 = ("部分县区配套资金到位较晚，设备采购招标推迟，导致监测站点建成时间滞后；下一步将加强资金调度，"
          "对配套资金未及时到位的县区进行约谈，并将项目进度纳入年度目标考核。")
    inds = [
        ("产出指标", "数量指标", "新建空气质量自动监测站", "≥24个", "22个", "8", "7.33", d1),
        ("产出指标", "数量指标", "更新水质自动监测设备", "≥36台（套）", "36台（套）", "6", "6", ""),
        ("产出指标", "数量指标", "开展土壤污染状况详查点位", "≥1200个", "1260个", "6", "6", ""),
        ("产出指标", "数量指标", "组织生态环境执法检查", "≥800家次", "912家次", "5", "5", ""),
        ("产出指标", "质量指标", "监测数据有效率", "≥90%", "94.6%", "6", "6", ""),
        ("产出指标", "质量指标", "监测站点运维合格率", "≥95%", "96.2%", "5", "5", ""),
        ("产出指标", "时效指标", "监测数据上传及时率", "≥95%", "98.1%", "5", "5", ""),
        ("产出指标", "时效指标", "项目完成时限", "2023年12月底前", "部分站点顺延至2024年3月", "4", "3",
         "同上。已督促承建单位倒排工期，顺延站点已于2024年3月全部建成联网。"),
        ("产出指标", "成本指标", "单个空气自动监测站建设成本", "≤38万元", "36.5万元", "5", "5", ""),
        ("效益指标", "社会效益指标", "城市空气质量优良天数比率", "≥85%", "87.4%", "8", "8", ""),
        ("效益指标", "社会效益指标", "地表水国考断面水质优良比例", "≥80%", "83.3%", "8", "8", ""),
        ("效益指标", "生态效益指标", "重点建设用地安全利用率", "≥90%", "100%", "6", "6", ""),
        ("效益指标", "可持续影响指标", "生态环境监测网络运行机制", "健全", "健全", "6", "6", ""),
        ("满意度指标", "服务对象满意度指标", "公众对生态环境质量满意度", "≥85%", "88.9%", "12", "12", ""),
    ]
    tot = total_of(fs, inds)
    f = form(year=2023, year_line="（2023年度）", project_name="省级生态环境监测网络能力建设（中央生态环境资金）",
             department="岚山市生态环境局", implementer="岚山市生态环境监测站",
             funds=fl, fund_score=fs, fund_cols=["init", "annual", "executed", "weight", "rate", "score"],
             goals=("新建空气质量自动监测站24个，更新水质自动监测设备36台（套），完成土壤污染状况详查点位1200个，"
                    "监测数据有效率达到90%以上，全面提升全市生态环境监测能力和执法监管水平。",
                    "建成空气质量自动监测站22个，更新水质自动监测设备36台（套），完成土壤详查点位1260个，"
                    "监测数据有效率94.6%，城市空气质量优良天数比率87.4%。"),
             indicators=inds, total_score=tot, grade="优", grade_label="评分等级")
    heads = [(NT, 16, "c"), ("（2023年度）", 11, "c")]
    return dict(name="variant_07_cellrects_scaledtext_central_local", forms=[f], heads=[heads], font="ucs2",
                doc=dict(border="cellrects", lw=0.5, text_mode="scaled", footer="第 {n} 页 共 {total} 页",
                         size=10.0, leading=13.0, min_row=22.0),
                pages=2, producer="Excel/Word style: per-cell stroked rectangles, scaled 1pt text, footers",
                options=["cell_rectangles", "text_matrix_scaled", "page_footers", "funds_central_provincial_county",
                         "grade_row_评分等级"])


# ------------------------------------------------------------------ 08
def v08():
    """Amounts in 元 ('项目资金（元）', thousands separators); weights and
    scores with one decimal ('10.0'); title '部门项目支出绩效自评表' and year
    line with half-width parentheses and a space '(2024 年度)'; text with
    85% horizontal scaling and 0.3 Tc; inner lines 0.25, outer 1.0."""
    fl, fs = funds([
        ("年度资金总额", "total", D("1286400.00"), D("1326400.00"), D("1248612.50")),
        ("其中：当年财政拨款", "current_appropriation", D("1286400.00"), D("1286400.00"), D("1210812.50")),
        ("上年结转资金", "carryover", D("0.00"), D("40000.00"), D("37800.00")),
        ("其他资金", "other", D("0.00"), D("0.00"), D("0.00")),
    ], "10.0", amt_fmt="{:,.2f}")
    inds = [
        ("产出指标", "数量指标", "培训基层农技人员", "≥300人次", "315人次", "15.0", "15.0", ""),
        ("产出指标", "数量指标", "建设农业科技示范基地", "≥5个", "5个", "10.0", "10.0", ""),
        ("产出指标", "质量指标", "主推技术到位率", "≥95%", "95.8%", "10.0", "10.0", ""),
        ("产出指标", "时效指标", "培训任务完成时间", "10月底前", "11月中旬", "10.0", "8.0",
         "受秋收农忙影响，第四期培训推迟至11月中旬举办；下一年度将培训安排前移至农闲时段。"),
        ("效益指标", "经济效益指标", "示范基地亩均节本增效", "≥200元", "236元", "15.0", "15.0", ""),
        ("效益指标", "社会效益指标", "新技术推广覆盖农户", "≥2000户", "2150户", "10.0", "10.0", ""),
        ("效益指标", "可持续影响指标", "基层农技推广队伍稳定性", "稳定", "稳定", "10.0", "10.0", ""),
        ("满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%", "93.5%", "10.0", "10.0", ""),
    ]
    tot = total_of(fs, inds)
    title = "部门项目支出绩效自评表"
    f = form(year=2024, title_truth=title, fund_unit="元", project_name="基层农技推广体系改革与建设补助项目",
             department="北溪县农业农村局", implementer="北溪县农业技术推广中心", fund_head="项目资金（元）",
             funds=fl, fund_score=fs, fund_cols=["init", "annual", "executed", "weight", "rate", "score"],
             total_weight="100.0",
             goals=("培训基层农技人员300人次以上，建设农业科技示范基地5个，主推技术到位率95%以上。",
                    "培训基层农技人员315人次，建成示范基地5个，主推技术到位率95.8%，示范基地亩均节本增效236元。"),
             indicators=inds, total_score=tot, grade="优", grade_label="评分等级")
    heads = [(title, 16, "c"), ("(2024 年度)", 11, "c")]
    return dict(name="variant_08_yuan_units_tz_text", forms=[f], heads=[heads], font="ucs2",
                doc=dict(border="lines", lw=0.25, outer_lw=1.0, text_mode="tz"),
                producer="Excel style: Tz 85 / Tc 0.3 text, 0.25 inner and 1.0 outer lines",
                options=["fund_unit_yuan", "thousands_separators", "one_decimal_weights", "title_部门项目",
                         "year_line_halfwidth_space", "horizontal_scaling"])


# ------------------------------------------------------------------ 09
def v09():
    """Word style mixed fonts: every Latin run (digits, '.', '%', '—',
    ASCII letters) in a non-embedded simple TrueType font with
    WinAnsiEncoding (em dash is byte 0x97), CJK runs in STSong-Light;
    rates printed with '%' (2 decimals); an indicator named with ASCII
    ('PM2.5 年均浓度')."""
    fl, fs = funds([
        ("年度资金总额", "total", D("620.00"), D("655.00"), D("612.40")),
        ("其中：当年财政拨款", "current_appropriation", D("620.00"), D("620.00"), D("579.90")),
        ("上年结转资金", "carryover", D("0.00"), D("35.00"), D("32.50")),
        ("其他资金", "other", D("0.00"), D("0.00"), D("0.00")),
    ], 10, rate_fmt="{:.2f}%")
    inds = [
        ("产出指标", "数量指标", "完成餐饮油烟在线监控安装", "≥450家", "468家", "15", "15", ""),
        ("产出指标", "数量指标", "淘汰老旧柴油货车", "≥300辆", "276辆", "10", "9.2",
         "部分车主对补贴政策存在观望情绪，淘汰进度滞后；下一步加大宣传，延长补贴申报期限。"),
        ("产出指标", "质量指标", "监控设备联网率", "≥98%", "99.1%", "10", "10", ""),
        ("产出指标", "时效指标", "补贴资金兑付时限", "≤30日", "21日", "10", "10", ""),
        ("效益指标", "生态效益指标", "PM2.5 年均浓度", "≤35微克/立方米", "33微克/立方米", "20", "20", ""),
        ("效益指标", "社会效益指标", "大气污染信访投诉下降率", "≥10%", "14.2%", "10", "10", ""),
        ("满意度指标", "服务对象满意度指标", "群众对大气环境满意度", "≥85%", "89.7%", "15", "15", ""),
    ]
    f = form(year=2023, year_line="（2023年度）", project_name="临江市明湖区大气污染防治专项（PM2.5 与臭氧协同控制）",
             department="临江市明湖区生态环境分局", implementer="临江市明湖区环境监察大队",
             funds=fl, fund_score=fs, fund_cols=["init", "annual", "executed", "weight", "rate", "score"],
             goals=("完成450家餐饮单位油烟在线监控安装，淘汰老旧柴油货车300辆，PM2.5年均浓度控制在35微克/立方米以内。",
                    "完成468家餐饮单位油烟在线监控安装，淘汰老旧柴油货车276辆，PM2.5年均浓度33微克/立方米。"),
             indicators=inds, total_score=total_of(fs, inds), grade="优", grade_label="评分等级")
    heads = [(NT, 16, "c"), ("（2023年度）", 11, "c")]
    return dict(name="variant_09_mixed_fonts_winansi", forms=[f], heads=[heads], font="ucs2",
                doc=dict(text_mode="mixed"),
                producer="Word style: Latin runs in a WinAnsi TrueType font, CJK in a CID font",
                options=["mixed_fonts", "winansi_em_dash", "rate_pct", "ascii_in_names"])


CASES = [v01(), v02(), v03(), v04(), v05(), v06(), v07(), v08(), v09()]
