"""Round 2 case list: the forms of each variant2_NN sample and its layout options."""
from decimal import Decimal as D
from samplegen.templates import DT, NT, form_v as form, funds, heading_row, total_of


# ------------------------------------------------------------------ 01
def v01():
    """National template: 绩效指标 column, 产出指标 merged over 12 rows and
    cut by a forced page break (2 rows on page 1, 10 on page 2), the merged
    labels printed in their LARGER piece (page 2); headers 年度指标值（A）/
    实际完成值（B）; funds 其中：中央补助 / 地方资金 with 执行率（B/A）;
    总分 | 100 | 92.35 without grade; targets ≥98%, ≤15天, ＞0, =0起, 100%,
    按期完成; running head with a rule, page numbers '- 1 -'."""
    fl, fs = funds([
        ("年度资金总额", "total", D("860.00"), D("900.00"), D("865.00")),
        ("其中：中央补助", "central", D("600.00"), D("600.00"), D("586.20")),
        ("地方资金", "local", D("260.00"), D("300.00"), D("278.80")),
    ], 10)
    assert f"{fs:.2f}" == "9.61", fs
    d1 = "部分乡镇农户申报材料不完整，核查时间较长；下一步简化申报流程，推行线上申报。"
    inds = [
        ("产出指标", "数量指标", "改造农村户用卫生厕所", "≥1200户", "1236户", "4", "4", ""),
        ("产出指标", "数量指标", "新建农村公共厕所", "≥24座", "22座", "4", "3.67",
         "2座公共厕所选址调整，已完成主体施工，预计次年3月投入使用。"),
        ("产出指标", "数量指标", "配置粪污清运车辆", "＞0", "6辆", "4", "4", ""),
        ("产出指标", "数量指标", "建立管护制度的行政村", "100%", "92%", "4", "3.68", d1),
        ("产出指标", "质量指标", "改厕质量验收合格率", "≥98%", "98.6%", "4", "4", ""),
        ("产出指标", "质量指标", "问题厕所整改率", "100%", "100%", "4", "4", ""),
        ("产出指标", "质量指标", "重大质量安全事故", "=0起", "0起", "4", "4", ""),
        ("产出指标", "时效指标", "改厕任务完成时间", "按期完成", "按期完成", "4", "4", ""),
        ("产出指标", "时效指标", "补助资金兑付时限", "≤15天", "12天", "4", "4", ""),
        ("产出指标", "成本指标", "户厕改造补助标准", "≤1500元/户", "1500元/户", "4", "4", ""),
        ("产出指标", "成本指标", "公共厕所建设单价", "≤12万元/座", "11.6万元/座", "4", "4", ""),
        ("产出指标", "成本指标", "项目预算控制率", "≤100%", "96.11%", "4", "4", ""),
        ("效益指标", "社会效益指标", "农村卫生厕所普及率", "≥90%", "87.5%", "10", "9.72",
         "部分山区农户居住分散，受地形条件限制改厕难度大；下一步因地制宜推广三格式、双瓮式等多种模式。"),
        ("效益指标", "生态效益指标", "厕所粪污资源化利用率", "≥60%", "48%", "10", "8",
         "粪污收集转运体系尚不完善，资源化利用设施建设滞后；下一步加快建设粪污处理站点。"),
        ("效益指标", "可持续影响指标", "长效管护机制", "健全", "基本健全", "7", "4",
         "个别村管护人员不稳定；下一步落实管护经费，明确管护责任人。"),
        ("满意度指标", "服务对象满意度指标", "改厕农户满意度", "≥90%", "82%", "15", "13.67",
         "部分农户对厕所后续清掏服务不满意；下一步建立清掏服务队伍，实行预约上门服务。"),
    ]
    tot = total_of(fs, inds)
    assert tot == "92.35", tot
    f = form(year=2023, project_name="梧桐县农村人居环境整治（农村厕所革命整村推进）",
             department="梧桐县农业农村局", implementer="梧桐县农村社会事业促进中心",
             funds=fl, fund_score=fs, fund_cols=["init", "annual", "executed", "weight", "rate", "score"],
             fund_heads={"annual": "全年预算数（A）", "executed": "全年执行数（B）", "rate": "执行率（B/A）"},
             ind_heads={"tgt": "年度指标值（A）", "act": "实际完成值（B）"},
             fund_blocks=[[1, 2]],
             goals=("完成农村户用卫生厕所改造1200户，新建农村公共厕所24座，建立健全农村厕所长效管护机制，农村卫生厕所普及率达到90%以上。",
                    "完成农村户用卫生厕所改造1236户，新建公共厕所22座，农村卫生厕所普及率87.5%，改厕农户满意度82%。"),
             indicators=inds, total_score=tot)
    # rows: 0-1 header, 2 fund head, 3-5 funds, 6-7 goals, 8 indicator head, 9.. indicators
    heads = [(NT, 16, "c"), ("（2023年度）", 11, "c")]
    return dict(name="variant2_01_national_l1_span_break_central_local", forms=[f], heads=[heads],
                font="ucs2", doc=dict(force_breaks=[9 + 2], label_piece="largest",
                                      running_head="梧桐县财政局 2024年绩效自评", page_num="- {n} -"),
                pages=2, producer="national template; merged labels drawn in their larger piece",
                options=["national_template", "level1_merged_12_rows_across_break", "label_in_larger_piece",
                         "funds_central_local", "headers_A_B", "total_row_no_grade", "targets_ops_gt0_eq0",
                         "running_head_rule", "page_numbers_dash"])


# ------------------------------------------------------------------ 02
def v02():
    """部门整体支出绩效自评表: 部门（单位）名称 row, funds block
    年度预算资金（万元） with label-only sub-heads 按收入性质分： /
    按支出性质分： and rows 其中：财政拨款 / 其他资金 / 基本支出 / 项目支出;
    grade row 自评等级."""
    fl, fs = funds([
        ("年度资金总额", "total", D("5320.00"), D("5684.30"), D("5512.76")),
        ("其中：财政拨款", "current_appropriation", D("5120.00"), D("5434.30"), D("5290.16")),
        ("其他资金", "other", D("200.00"), D("250.00"), D("222.60")),
        ("基本支出", "unknown", D("3480.00"), D("3526.80"), D("3518.42")),
        ("项目支出", "unknown", D("1840.00"), D("2157.50"), D("1994.34")),
    ], 10, rate_fmt="{:.2f}%")
    fl = [fl[0], heading_row("按收入性质分："), fl[1], fl[2], heading_row("按支出性质分："), fl[3], fl[4]]
    inds = [
        ("产出指标", "数量指标", "完成国土空间总体规划编制", "=1项", "1项", "10", "10", ""),
        ("产出指标", "数量指标", "完成不动产登记业务量", "≥42000件", "45316件", "10", "10", ""),
        ("产出指标", "质量指标", "耕地保有量", "≥186.5万亩", "186.9万亩", "10", "10", ""),
        ("产出指标", "质量指标", "违法用地案件查处率", "=100%", "100%", "10", "10", ""),
        ("产出指标", "时效指标", "不动产一般登记办理时限", "≤5个工作日", "3个工作日", "10", "10", ""),
        ("效益指标", "社会效益指标", "地质灾害隐患点监测覆盖率", "=100%", "100%", "10", "10", ""),
        ("效益指标", "生态效益指标", "完成国土绿化面积", "≥3.2万亩", "2.9万亩", "10", "9.06",
         "部分造林地块土地权属争议未解决，延期至次年春季实施。"),
        ("满意度指标", "服务对象满意度指标", "办事企业和群众满意度", "≥90%", "94.6%", "20", "20", ""),
    ]
    tot = total_of(fs, inds)
    f = form(kind="department", title_truth=DT, year=2023, project_name="", department="南屏市自然资源和规划局",
             implementer="", funds=fl, fund_score=fs,
             fund_cols=["init", "annual", "executed", "weight", "rate", "score"],
             fund_head="年度预算资金（万元）", fund_blocks=[[2, 3], [5, 6]],
             goals=("保障机关正常运转，完成国土空间总体规划编制，做好不动产登记、耕地保护、地质灾害防治和国土绿化等重点工作。",
                    "全年机关运转正常，国土空间总体规划通过审查，办理不动产登记45316件，耕地保有量186.9万亩，完成国土绿化2.9万亩。"),
             indicators=inds, total_score=tot, grade="优", grade_label="自评等级")
    heads = [(DT, 16, "c"), ("（2023年度）", 11, "c")]
    return dict(name="variant2_02_department_funds_blocks", forms=[f], heads=[heads], font="ucs2", dept=True,
                doc=dict(), producer="department-wide template",
                options=["department_form", "unit_name_row", "fund_head_年度预算资金", "label_only_fund_rows",
                         "basic_and_project_expenditure_rows", "rate_pct", "grade_row_自评等级"])


# ------------------------------------------------------------------ 03
def v03():
    """Wrapped text everywhere, 3 pages: a narrow 三级指标 column (names
    wrap to 3 lines), targets like ≥95%（省定标准） wrapping, deviation cells
    with two paragraphs, and a row that BREAKS ACROSS the page (its long
    deviation text continues at the top of page 2; the row is drawn open at
    the break)."""
    fl, fs = funds([
        ("年度资金总额", "total", D("2450.00"), D("2450.00"), D("2298.60")),
        ("其中：当年财政拨款", "current_appropriation", D("2300.00"), D("2300.00"), D("2160.40")),
        ("上年结转资金", "carryover", D("150.00"), D("150.00"), D("138.20")),
        ("其他资金", "other", D("0.00"), D("0.00"), D("0.00")),
    ], 10)
    big = ("一、偏差原因：受年初新冠肺炎疫情反复影响，部分乡镇卫生院改扩建工程开工时间推迟两个多月；"
           "同时建筑材料价格上涨，施工单位资金周转困难，部分设备采购流标后重新组织招标，"
           "导致项目建设进度和资金支付进度均未达到年初预期目标，全年仅完成计划任务的百分之八十左右。\n"
           "二、改进措施：一是建立项目推进周调度、月通报制度，对进度滞后的项目实行挂牌督办；"
           "二是提前做好项目前期工作，合理编制招标文件，避免因技术参数设置不当导致流标；"
           "三是加强与施工单位沟通，督促其增加施工力量，确保剩余工程于次年上半年全部完工并投入使用；"
           "四是强化资金监管，严格按照工程进度拨付资金，提高资金使用效益。\n"
           "三、下一步工作：对已建成的卫生院组织开展运行情况评估，总结经验做法，形成可复制推广的建设模式，"
           "并将项目实施情况纳入对乡镇卫生院的年度绩效考核。")
    d2 = ("一、原因：部分村卫生室乡村医生年龄偏大，信息化操作能力不足。\n"
          "二、措施：分批次开展信息系统操作培训，并安排县级技术人员驻点指导。")
    d2x = ("一、原因：2所卫生院因用地手续调整延迟开工。\n"
           "二、措施：加快手续办理，顺延工程于2024年6月前完工。")
    d3 = ("一、原因：群众健康意识有待提高，部分慢病患者规范管理依从性较差。\n"
          "二、措施：加强家庭医生签约随访，将规范管理情况纳入绩效考核。")
    inds = [
        ("产出指标", "数量指标", "完成乡镇卫生院标准化改扩建并通过验收的数量", "≥12所", "10所", "6", "5",
         d2x),
        ("产出指标", "数量指标", "为村卫生室配备智能健康一体机及配套信息化设备", "≥180台（套）", "180台（套）", "5", "5", ""),
        ("产出指标", "数量指标", "组织基层卫生技术人员参加县级以上业务培训人次", "≥600人次", "642人次", "5", "5", ""),
        ("产出指标", "质量指标", "乡镇卫生院服务能力达到国家推荐标准的比例", "≥40%（省定标准）", "41.7%", "6", "6", ""),
        ("产出指标", "质量指标", "村卫生室信息系统上线使用率", "≥95%（省定标准）", "91.2%", "5", "4.8", big),
        ("产出指标", "质量指标", "基本公共卫生服务项目考核合格率", "≥90%", "93.5%", "5", "5", ""),
        ("产出指标", "时效指标", "改扩建工程完工时间", "2023年12月底前", "部分工程顺延至2024年6月", "5", "3",
         "同上。已督促施工单位倒排工期，确保顺延工程按期完工。"),
        ("产出指标", "时效指标", "设备采购及安装调试完成时限", "2023年10月底前", "2023年10月", "4", "4", ""),
        ("产出指标", "成本指标", "乡镇卫生院改扩建工程单位面积造价", "≤3200元/平方米", "3086元/平方米", "2", "2", ""),
        ("产出指标", "成本指标", "村卫生室智能健康一体机单台采购价格", "≤2.8万元/台", "2.65万元/台", "2", "2", ""),
        ("效益指标", "社会效益指标", "县域内住院率", "≥90%（国家县域医共体建设标准）", "88.6%", "8", "7.88",
         "部分疑难重症患者仍选择外转就医；下一步通过对口帮扶提升县级医院诊疗能力。"),
        ("效益指标", "社会效益指标", "高血压、糖尿病患者规范管理率", "≥70%", "66.4%", "8", "7.59", d3),
        ("效益指标", "社会效益指标", "基层医疗卫生机构诊疗量占比", "≥65%", "67.3%", "3", "3", ""),
        ("效益指标", "社会效益指标", "家庭医生签约服务重点人群覆盖率", "≥75%（省定标准）", "76.8%", "3", "3", ""),
        ("效益指标", "可持续影响指标", "基层医疗卫生服务体系运行长效机制", "逐步健全", "逐步健全", "4", "4", ""),
        ("效益指标", "可持续影响指标", "县乡村一体化管理及人才柔性流动机制", "建立并运行", "已建立，部分乡镇运行不畅", "4", "3",
         "一、原因：部分乡镇卫生院人员编制紧张，县级医院下派人员积极性不高。\n"
         "二、措施：完善下派人员激励政策，将基层服务经历与职称晋升挂钩。\n"
         "三、下一步将该项工作纳入医共体年度考核。"),
        ("满意度指标", "服务对象满意度指标", "基层就诊患者对医疗服务的满意度", "≥90%", "92.4%", "7", "7", ""),
        ("满意度指标", "服务对象满意度指标", "乡村医生对信息系统使用便捷性的满意度", "≥80%", "85%", "3", "3", ""),
        ("满意度指标", "服务对象满意度指标", "基层医务人员对工作条件改善的满意度", "≥85%", "89%", "5", "5", ""),
    ]
    tot = total_of(fs, inds)
    f = form(year=2023, project_name="白沙县基层医疗卫生服务能力提升工程（乡镇卫生院标准化建设及村卫生室信息化建设）",
             department="白沙县卫生健康委员会", implementer="白沙县卫生健康委员会、各乡镇卫生院",
             funds=fl, fund_score=fs, fund_cols=["init", "annual", "executed", "weight", "rate", "score"],
             fund_blocks=[[1, 2, 3]],
             widths=[30, 44, 50, 62, 66, 62, 32, 32, 137],
             goals=("完成12所乡镇卫生院标准化改扩建，为全县村卫生室配备智能健康一体机180台（套），开展基层卫生技术人员培训600人次，"
                    "乡镇卫生院服务能力达到国家推荐标准的比例达到40%以上，县域内住院率达到90%以上。\n"
                    "同时建立健全基层医疗卫生服务体系运行长效机制，群众就医满意度达到90%以上。",
                    "完成10所乡镇卫生院改扩建并通过验收，其余2所顺延至2024年6月；配备智能健康一体机180台（套），"
                    "培训基层卫生技术人员642人次，县域内住院率88.6%，基层就诊患者满意度92.4%。"),
             indicators=inds, total_score=tot, grade="优", grade_label="评分等级")
    heads = [(NT, 16, "c"), ("（2023年度）", 11, "c")]
    return dict(name="variant2_03_wrapped_text_row_split_3pages", forms=[f], heads=[heads], font="ucs2",
                doc=dict(split_rows=True, min_row=20.0, ), pages=3, expect_split=True,
                producer="Word style: rows allowed to break across pages",
                options=["names_wrap_3_lines", "targets_wrap", "deviation_paragraphs", "row_split_across_pages",
                         "three_pages"])


# ------------------------------------------------------------------ 04
def v04():
    """Running head with a rule on every page, page numbers '- 1 -', a
    diagonal watermark (rotated text matrix, light grey) across the table;
    an unscored qualitative indicator with 分值 and 得分 '—'; scores with one
    decimal ('9.5'); empty 偏差 cells; 2 pages."""
    fl, fs = funds([
        ("年度资金总额", "total", D("318.00"), D("318.00"), D("305.28")),
        ("其中：当年财政拨款", "current_appropriation", D("318.00"), D("318.00"), D("305.28")),
        ("上年结转资金", "carryover", D("0.00"), D("0.00"), D("0.00")),
        ("其他资金", "other", D("0.00"), D("0.00"), D("0.00")),
    ], 10)
    inds = [
        ("产出指标", "数量指标", "城乡居民养老保险参保人数", "≥18.5万人", "18.9万人", "10", "10", ""),
        ("产出指标", "数量指标", "开展政策宣传活动", "≥40场", "38场", "10", "9.5",
         "受汛期影响，部分乡镇宣传活动取消，下一步利用新媒体开展线上宣传。"),
        ("产出指标", "质量指标", "待遇发放准确率", "=100%", "100%", "10", "10", ""),
        ("产出指标", "质量指标", "经办服务规范化水平", "规范", "规范", "—", "—",
         "该指标为观察指标，不计分。"),
        ("产出指标", "时效指标", "养老金按月足额发放", "按月发放", "按月发放", "10", "10", ""),
        ("效益指标", "社会效益指标", "适龄参保率", "≥95%", "96.1%", "15", "15", ""),
        ("效益指标", "社会效益指标", "困难群体代缴覆盖率", "=100%", "100%", "10", "10", ""),
        ("效益指标", "可持续影响指标", "基金运行安全", "安全平稳", "安全平稳", "10", "10", ""),
        ("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%", "88%", "15", "14.7",
         "个别经办网点窗口少、等候时间长，下一步增设自助服务终端。"),
    ]
    tot = total_of(fs, inds)
    f = form(year=2024, year_line="（2024年度）", project_name="城乡居民基本养老保险经办服务能力提升",
             department="云岭市人力资源和社会保障局", implementer="云岭市社会保险事业管理中心",
             funds=fl, fund_score=fs, fund_cols=["init", "annual", "executed", "weight", "rate", "score"],
             fund_blocks=[[1, 2, 3]],
             goals=("确保城乡居民养老保险待遇按月足额发放，适龄参保率达到95%以上，提升经办服务规范化、便民化水平。",
                    "全年参保人数18.9万人，待遇按月足额发放，适龄参保率96.1%，参保群众满意度88%。"),
             indicators=inds, total_score=tot, grade="优", grade_label="评分等级")
    heads = [(NT, 16, "c"), ("（2024年度）", 11, "c")]
    return dict(name="variant2_04_watermark_running_head_dash_score", forms=[f], heads=[heads], font="ucs2",
                doc=dict(running_head="云岭市财政局 2024年绩效自评", page_num="- {n} -",
                         watermark=("云岭市财政局内部资料", 44), force_breaks=[9 + 5 + 1]),
                pages=2, producer="running head, page numbers, diagonal watermark",
                options=["running_head_rule", "page_numbers_dash", "watermark_rotated_text", "dash_score_unscored_row",
                         "one_decimal_scores", "empty_deviation_cells"])


# ------------------------------------------------------------------ 05
def v05():
    """Fonts: CJK in STSong-Light /UniGB-UTF16-H, digits and ASCII in the
    Type1 standard font Helvetica (WinAnsiEncoding), font switches inside
    BT; rates like 100.00 and 87.35; amounts in 元 with separators."""
    fl, fs = funds([
        ("年度资金总额", "total", D("2680000.00"), D("2680000.00"), D("2341180.00")),
        ("其中：当年财政拨款", "current_appropriation", D("2680000.00"), D("2680000.00"), D("2341180.00")),
        ("上年结转资金", "carryover", D("0.00"), D("0.00"), D("0.00")),
        ("其他资金", "other", D("0.00"), D("0.00"), D("0.00")),
    ], 20, amt_fmt="{:,.2f}")
    inds = [
        ("产出指标", "数量指标", "新增公共充电桩", "≥260个", "248个", "10", "9.54",
         "部分点位电力增容手续办理较慢，12个充电桩顺延至次年一季度建成。"),
        ("产出指标", "数量指标", "更新新能源公交车", "=40辆", "40辆", "10", "10", ""),
        ("产出指标", "质量指标", "充电设施验收合格率", "=100%", "100%", "10", "10", ""),
        ("产出指标", "时效指标", "车辆上线运营时间", "2023年9月底前", "2023年9月", "10", "10", ""),
        ("效益指标", "生态效益指标", "年减少CO2排放", "≥3500吨", "3120吨", "10", "8.91",
         "部分新能源车辆上线时间晚于计划，全年运营里程不足。"),
        ("效益指标", "社会效益指标", "公交线路新能源化率", "≥85%", "78.2%", "10", "9.2",
         "部分郊区线路充电条件不足，仍使用柴油车辆；下一步加快郊区场站充电设施建设。"),
        ("效益指标", "可持续影响指标", "充电设施运营维护机制", "建立", "未建立", "10", "5",
         "运维单位招标未完成，暂由公交集团代管；下一步明确运维主体并制定管理办法。"),
        ("满意度指标", "服务对象满意度指标", "乘客满意度", "≥90%", "84.5%", "10", "9.39",
         "高峰时段车辆满载率高，乘客体验不佳；下一步优化线路排班。"),
    ]
    tot = total_of(fs, inds)
    f = form(year=2023, year_line="（2023年度）", project_name="南屏市新能源公交车及充电基础设施建设（EV-2023-07）",
             department="南屏市交通运输局", implementer="南屏市公共交通集团有限公司", fund_unit="元",
             fund_head="项目资金（元）", funds=fl, fund_score=fs,
             fund_cols=["init", "annual", "executed", "weight", "rate", "score"], fund_blocks=[[1, 2, 3]],
             goals=("新增公共充电桩260个，更新新能源公交车40辆，公交线路新能源化率达到85%以上，年减少CO2排放3500吨。",
                    "建成公共充电桩248个，更新新能源公交车40辆并全部上线运营，公交线路新能源化率78.2%。"),
             indicators=inds, total_score=tot, grade="良", grade_label="评分等级",
             widths=[38, 52, 58, 86, 76, 62, 36, 40, 67])
    heads = [(NT, 16, "c"), ("（2023年度）", 11, "c")]
    return dict(name="variant2_05_type1_helvetica_utf16", forms=[f], heads=[heads], font="utf16",
                doc=dict(font_mode="type1mixed"), producer="CJK UniGB-UTF16-H + Type1 Helvetica WinAnsi",
                options=["cid_unigb_utf16_h", "type1_standard_font_winansi", "font_switch_in_bt", "yuan_amounts",
                         "fund_weight_20", "grade_良"])


# ------------------------------------------------------------------ 06
def v06():
    """Simple (one-byte) TrueType fonts, not embedded, no /ToUnicode, whose
    /Encoding is WinAnsi + a /Differences array naming every CJK glyph
    uniXXXX; 3 such fonts (F1..F3) because one byte holds ~129 glyphs, the
    font switching inside words."""
    fl, fs = funds([
        ("年度资金总额", "total", D("126.00"), D("138.00"), D("131.22")),
        ("其中：当年财政拨款", "current_appropriation", D("126.00"), D("126.00"), D("120.06")),
        ("上年结转资金", "carryover", D("0.00"), D("12.00"), D("11.16")),
        ("其他资金", "other", D("0.00"), D("0.00"), D("0.00")),
    ], 10)
    inds = [
        ("产出指标", "数量指标", "完成古树名木普查建档", "≥1800株", "1826株", "15", "15", ""),
        ("产出指标", "数量指标", "实施古树复壮保护工程", "≥60株", "52株", "10", "8.67",
         "部分古树位于私人宅基地内，权属协调困难；下一步联合乡镇逐户沟通，签订管护协议。"),
        ("产出指标", "质量指标", "复壮古树成活率", "≥95%", "98%", "10", "10", ""),
        ("产出指标", "时效指标", "普查数据入库时间", "11月底前", "11月底前", "10", "10", ""),
        ("效益指标", "生态效益指标", "古树名木保护率", "=100%", "100%", "15", "15", ""),
        ("效益指标", "社会效益指标", "古树挂牌公示率", "≥90%", "94.5%", "10", "10", ""),
        ("满意度指标", "服务对象满意度指标", "周边村民满意度", "≥85%", "90.6%", "20", "20", ""),
    ]
    tot = total_of(fs, inds)
    f = form(year=2023, year_line="（2023年度）", project_name="云岭市古树名木保护与复壮工程",
             department="云岭市林业局", implementer="云岭市林业科学研究所",
             funds=fl, fund_score=fs, fund_cols=["init", "annual", "executed", "weight", "rate", "score"],
             fund_blocks=[[1, 2, 3]],
             goals=("完成全市古树名木普查建档1800株，对60株衰弱古树实施复壮保护，古树名木保护率达到100%。",
                    "完成普查建档1826株，实施复壮52株，复壮古树成活率98%，古树名木保护率100%。"),
             indicators=inds, total_score=tot, grade="优", grade_label="评分等级")
    heads = [(NT, 16, "c"), ("（2023年度）", 11, "c")]
    return dict(name="variant2_06_truetype_differences_uni_names", forms=[f], heads=[heads], font="diff",
                doc=dict(font_mode="diff"), producer="simple TrueType fonts, /Differences with uniXXXX names",
                options=["simple_truetype_not_embedded", "differences_uniXXXX", "no_tounicode", "three_fonts"])


# ------------------------------------------------------------------ 08
def v08():
    """Merged 一级/二级 cells cut by a page break with their label REPEATED
    on both pieces (as some report generators print it); executed above the
    annual budget (执行率 104.13%, fund score capped at its weight); a
    zero-budget 其他资金 row with 执行率 '—'."""
    fl, fs = funds([
        ("年度资金总额", "total", D("300.00"), D("300.00"), D("312.40")),
        ("其中：当年财政拨款", "current_appropriation", D("300.00"), D("300.00"), D("312.40")),
        ("上年结转资金", "carryover", D("0.00"), D("0.00"), D("0.00")),
        ("其他资金", "other", D("0.00"), D("0.00"), D("0.00")),
    ], 10, rate_fmt="{:.2f}%")
    assert fl[0]["rate"] == "104.13%" and fs == 10, (fl[0], fs)
    dv = ("部分监测点位设备老化，数据传输中断时间较长；下一步将设备更新纳入下年度预算，"
          "并与运维单位签订服务协议，明确故障响应时限。")
    inds = [
        ("产出指标", "数量指标", "建设森林防火视频监控点", "≥36个", "36个", "6", "6", ""),
        ("产出指标", "数量指标", "新建生物防火隔离带", "≥45公里", "47.5公里", "6", "6", ""),
        ("产出指标", "数量指标", "购置扑火机具", "≥300台（套）", "312台（套）", "6", "6", ""),
        ("产出指标", "数量指标", "组织扑火队伍实战演练", "≥12次", "12次", "6", "6", ""),
        ("产出指标", "数量指标", "开展防火宣传进村入户", "≥200场", "226场", "6", "6", ""),
        ("产出指标", "质量指标", "视频监控数据在线率", "≥95%", "92.3%", "6", "5.83", dv),
        ("产出指标", "质量指标", "防火隔离带建设验收合格率", "=100%", "100%", "6", "6", ""),
        ("产出指标", "时效指标", "防火期前完成建设任务", "按期完成", "按期完成", "6", "6", ""),
        ("效益指标", "社会效益指标", "森林火灾受害率", "≤0.9‰", "0.12‰", "10", "10", ""),
        ("效益指标", "生态效益指标", "森林覆盖率", "≥68.5%", "68.9%", "10", "10", ""),
        ("效益指标", "可持续影响指标", "森林防火联防联控机制", "健全", "健全", "10", "10", ""),
        ("满意度指标", "服务对象满意度指标", "林区群众满意度", "≥90%", "95%", "12", "12", ""),
    ]
    tot = total_of(fs, inds)
    f = form(year=2023, year_line="（2023年度）", project_name="云岭市森林防火基础设施建设",
             department="云岭市林业局", implementer="云岭市森林消防大队",
             funds=fl, fund_score=fs, fund_cols=["init", "annual", "executed", "weight", "rate", "score"],
             fund_blocks=[[1, 2, 3]],
             goals=("建设森林防火视频监控点36个，新建生物防火隔离带45公里，购置扑火机具300台（套），森林火灾受害率控制在0.9‰以内。",
                    "建成视频监控点36个、生物防火隔离带47.5公里，购置扑火机具312台（套），全年森林火灾受害率0.12‰。"),
             indicators=inds, total_score=tot, grade="优", grade_label="评分等级")
    heads = [(NT, 16, "c"), ("（2023年度）", 11, "c")]
    # rows: 0-1 header, 2 fund head, 3-6 funds, 7-8 goals, 9 indicator head, 10.. indicators
    return dict(name="variant2_08_repeated_labels_rate_over_100", forms=[f], heads=[heads], font="ucs2",
                doc=dict(force_breaks=[10 + 3], label_piece="repeat", page_num="第 {n} 页"), pages=2,
                producer="merged labels repeated on every piece of a cell cut by a page break",
                options=["merged_label_repeated_after_break", "rate_over_100", "fund_score_capped",
                         "page_numbers_第n页"])


# variant2_01's form as a tab-separated text dump (templates.txt_edited): the
# title lines, a blank line for the page break before indicator row 3, the
# 二级 label 服务对象满意度指标 cut by a page break ('服务对象满意度指' ... blank
# ... '标'), two indicator rows shifted one cell to the left (their empty
# merged cells collapsed) and the 生态效益指标 row shifted right (an extra
# leading tab).
FIRST_IND = 9
TXT = dict(name="variant2_07_txt_dump_shifted_rows", form=v01()["forms"][0], year_line="（2023年度）",
           shift_left=[FIRST_IND + 1, FIRST_IND + 2], shift_right=(FIRST_IND + 13, "生态效益指标"),
           cut=dict(row=FIRST_IND + 15, col=2, keep="服务对象满意度指", rest="标"), blank_before=FIRST_IND + 2)


CASES = [v01(), v02(), v03(), v04(), v05(), v06(), v08()]
