"""Round 3 case list: the forms of each variant3_NN sample and its layout options."""
from decimal import Decimal as D
from samplegen.templates import ALLCOLS, NT, funds, partial, total_of
from samplegen.truth import grade_of
from samplegen.build import case


def form(**kw):
    f = dict(title_truth=NT, fund_unit="万元", total_weight="100", grade=None, grade_label="评分等级",
             fund_cols=ALLCOLS, year=2023)
    f.update(kw)
    return f


# ------------------------------------------------------------------ form data
def form_two_row():
    fl, fs = funds([
        ("年度资金总额", "total", D("420.00"), D("436.50"), D("411.27")),
        ("其中：当年财政拨款", "current_appropriation", D("400.00"), D("400.00"), D("380.17")),
        ("上年结转资金", "carryover", D("20.00"), D("36.50"), D("31.10")),
        ("其他资金", "other", D("0.00"), D("0.00"), D("0.00")),
    ], 10)
    inds = [
        ("产出指标", "数量指标", "新建村级综合服务站", "≥18个", "18个", "10", "10", ""),
        ("产出指标", "数量指标", "培训村级服务站管理员", "≥90人", "84人", "10", "9.33",
         "部分村推荐人选调整，6人延至次年一季度参训。"),
        ("产出指标", "质量指标", "服务站验收合格率", "=100%", "100%", "10", "10", ""),
        ("产出指标", "时效指标", "服务站建成时间", "10月底前", "10月底前", "10", "10", ""),
        ("效益指标", "社会效益指标", "群众办事平均往返次数", "≤1.5次", "1.3次", "10", "10", ""),
        ("效益指标", "社会效益指标", "村级代办事项覆盖率", "≥80%", "76%", "15", "14.25",
         "部分事项需部门系统授权，下一步协调开通村级受理权限。"),
        ("效益指标", "可持续影响指标", "服务站运行管理制度", "健全", "健全", "10", "10", ""),
        ("满意度指标", "服务对象满意度指标", "办事群众满意度", "≥90%", "93.2%", "15", "15", ""),
    ]
    tot = total_of(fs, inds)
    return form(t8=True, header="national8", fund_layout="tworow", ind_head="tworow",
                project_name="临江县村级便民服务站标准化建设", department="临江县政务服务管理局",
                implementer="临江县便民服务中心", funds=fl, fund_score=fs, fund_blocks=[[1, 2, 3]],
                goals=("新建村级综合服务站18个，培训管理员90人，村级代办事项覆盖率达到80%以上，群众满意度达到90%以上。",
                       "建成村级综合服务站18个，培训管理员84人，村级代办事项覆盖率76%，群众满意度93.2%。"),
                indicators=inds, total_score=tot, grade=grade_of(tot))


def form_nat(name, dept, impl, rows, weight, inds, goals, year=2023, **kw):
    fl, fs = funds(rows, weight)
    tot = total_of(fs, inds)
    n = len(rows)
    return form(year=year, project_name=name, department=dept, implementer=impl, funds=fl, fund_score=fs,
                fund_blocks=[list(range(1, n))] if n > 1 else [], goals=goals, indicators=inds,
                total_score=tot, grade=grade_of(tot), **kw)


def forms_gap():
    f1 = form_nat(
        "石桥市城市内涝治理（排水管网改造）", "石桥市住房和城乡建设局", "石桥市排水管理处",
        [("年度资金总额", "total", D("1280.00"), D("1280.00"), D("1196.80")),
         ("其中：当年财政拨款", "current_appropriation", D("1080.00"), D("1080.00"), D("1010.40")),
         ("上年结转资金", "carryover", D("200.00"), D("200.00"), D("186.40")),
         ("其他资金", "other", D("0.00"), D("0.00"), D("0.00"))], 10,
        [("产出指标", "数量指标", "改造雨污分流管网", "≥32公里", "33.6公里", "8", "8", ""),
         ("产出指标", "数量指标", "新建排涝泵站", "≥2座", "2座", "8", "8", ""),
         ("产出指标", "数量指标", "清淤疏浚排水管渠", "≥120公里", "126公里", "6", "6", ""),
         ("产出指标", "数量指标", "整治易涝积水点", "≥15处", "13处", "8", "6.93",
          "2处积水点涉及铁路下穿通道，需与铁路部门协调施工窗口期，已列入次年计划。"),
         ("产出指标", "质量指标", "管网工程验收合格率", "=100%", "100%", "6", "6", ""),
         ("产出指标", "质量指标", "泵站设备完好率", "≥95%", "97%", "7", "7", ""),
         ("产出指标", "时效指标", "汛期前完成主体工程", "5月31日前", "5月31日前", "6", "6", ""),
         ("产出指标", "成本指标", "管网改造单位造价", "≤280万元/公里", "268万元/公里", "6", "6", ""),
         ("效益指标", "社会效益指标", "主城区内涝积水点消除率", "≥90%", "86.7%", "10", "9.63",
          "剩余积水点治理工程受协调因素影响顺延；汛期安排移动泵车值守。"),
         ("效益指标", "生态效益指标", "污水集中收集率", "≥70%", "72.4%", "8", "8", ""),
         ("效益指标", "可持续影响指标", "排水设施长效管护机制", "建立", "已建立", "7", "7", ""),
         ("满意度指标", "服务对象满意度指标", "沿线居民满意度", "≥90%", "91.5%", "10", "10", "")],
        ("改造雨污分流管网32公里，新建排涝泵站2座，整治易涝积水点15处，主城区内涝积水点消除率达到90%以上。",
         "改造管网33.6公里，新建排涝泵站2座，整治易涝积水点13处，主城区内涝积水点消除率86.7%。"))
    f2 = form_nat(
        "石桥市老旧小区二次供水设施改造", "石桥市住房和城乡建设局", "石桥市供水有限公司",
        [("年度资金总额", "total", D("360.00"), D("360.00"), D("348.12")),
         ("其中：当年财政拨款", "current_appropriation", D("300.00"), D("300.00"), D("291.30")),
         ("其他资金", "other", D("60.00"), D("60.00"), D("56.82"))], 10,
        [("产出指标", "数量指标", "改造二次供水泵房", "≥24座", "24座", "15", "15", ""),
         ("产出指标", "质量指标", "改造后水质检测合格率", "=100%", "100%", "15", "15", ""),
         ("产出指标", "时效指标", "改造完工时间", "11月底前", "12月中旬", "10", "8",
          "冬季施工条件受限，3座泵房完工时间推迟半个月。"),
         ("效益指标", "社会效益指标", "受益居民户数", "≥9600户", "9874户", "30", "30", ""),
         ("满意度指标", "服务对象满意度指标", "小区居民满意度", "≥90%", "95%", "20", "20", "")],
        ("改造老旧小区二次供水泵房24座，水质检测合格率100%，惠及居民9600户以上。",
         "完成二次供水泵房改造24座，水质检测全部合格，惠及居民9874户。"))
    # form 1: the indicator table is a second table 16pt below the funds/goals table
    # and runs on to page 2 (no title there); form 2: its indicator table starts page 3
    f1["gaps"] = {2 + 1 + 4 + 2: 16.0}
    f1["breaks"] = {2 + 1 + 4 + 2 + 1 + 8}     # at 效益指标
    f2["breaks"] = {2 + 1 + 3 + 2}
    return [f1, f2]


def forms_headers():
    f1 = form_nat(
        "青川县中小学校舍维修改造", "青川县教育局", "",
        [("年度资金总额", "total", D("540.00"), D("540.00"), D("528.66")),
         ("其中：当年财政拨款", "current_appropriation", D("540.00"), D("540.00"), D("528.66")),
         ("上年结转资金", "carryover", D("0.00"), D("0.00"), D("0.00")),
         ("其他资金", "other", D("0.00"), D("0.00"), D("0.00"))], 10,
        [("产出指标", "数量指标", "维修改造校舍面积", "≥2.4万平方米", "2.46万平方米", "20", "20", ""),
         ("产出指标", "质量指标", "工程验收合格率", "=100%", "100%", "20", "20", ""),
         ("产出指标", "时效指标", "暑期完工率", "≥90%", "95%", "10", "10", ""),
         ("效益指标", "社会效益指标", "消除校舍安全隐患", "全部消除", "全部消除", "20", "20", ""),
         ("满意度指标", "服务对象满意度指标", "师生满意度", "≥90%", "96%", "20", "20", "")],
        ("完成全县中小学校舍维修改造2.4万平方米，消除校舍安全隐患。",
         "完成校舍维修改造2.46万平方米，工程全部验收合格，校舍安全隐患全部消除。"),
        t8=True, header="dept_only")
    f2 = form_nat(
        "青川县2023年度农村义务教育阶段学生营养改善计划膳食补助及学校食堂设施设备购置和从业人员培训项目",
        "青川县教育局", "青川县学生资助管理中心（青川县各农村义务教育学校）",
        [("年度资金总额", "total", D("1626.00"), D("1626.00"), D("1601.61")),
         ("其中：当年财政拨款", "current_appropriation", D("1626.00"), D("1626.00"), D("1601.61")),
         ("上年结转资金", "carryover", D("0.00"), D("0.00"), D("0.00")),
         ("其他资金", "other", D("0.00"), D("0.00"), D("0.00"))], 10,
        [("产出指标", "数量指标", "享受膳食补助学生人数", "≥31000人", "31286人", "15", "15", ""),
         ("产出指标", "数量指标", "购置食堂设施设备", "≥48台（套）", "48台（套）", "10", "10", ""),
         ("产出指标", "质量指标", "食品安全事故", "=0起", "0起", "15", "15", ""),
         ("产出指标", "成本指标", "膳食补助标准", "=5元/生/天", "5元/生/天", "10", "10", ""),
         ("效益指标", "社会效益指标", "学生营养健康状况", "有效改善", "有效改善", "20", "20", ""),
         ("满意度指标", "服务对象满意度指标", "学生家长满意度", "≥90%", "94.3%", "20", "20", "")],
        ("为31000名农村义务教育阶段学生提供膳食补助，购置食堂设施设备48台（套），确保不发生食品安全事故。",
         "为31286名学生提供膳食补助，购置设施设备48台（套），全年未发生食品安全事故。"),
        t8=True, header="wide3")
    return [f1, f2]


def short_form(name, dept, impl, total, executed, inds, goals, year=2023, **kw):
    fl, fs = funds([("年度资金总额", "total", total, total, executed),
                    ("其中：当年财政拨款", "current_appropriation", total, total, executed)], 10)
    tot = total_of(fs, inds)
    return form(year=year, project_name=name, department=dept, implementer=impl, funds=fl, fund_score=fs,
                fund_blocks=[[1]], goals=goals, goal_layout="merged", indicators=inds, total_score=tot,
                grade=grade_of(tot), total_layout="same_row", **kw)


def forms_three_per_page():
    a = short_form("岚山区社区老年食堂运营补贴", "岚山区民政局", "岚山区养老服务指导中心", D("48.00"), D("46.56"),
                   [("产出指标", "数量指标", "补贴社区老年食堂", "≥12家", "12家", "30", "30", ""),
                    ("效益指标", "社会效益指标", "日均就餐老人", "≥600人次", "652人次", "30", "30", ""),
                    ("满意度指标", "服务对象满意度指标", "就餐老人满意度", "≥90%", "95%", "30", "30", "")],
                   ("补贴社区老年食堂12家，日均服务老人600人次以上。", None))
    b = short_form("岚山区公共法律服务站点建设", "岚山区司法局", "岚山区公共法律服务中心", D("26.00"), D("26.00"),
                   [("产出指标", "数量指标", "建成村（社区）法律服务站点", "≥40个", "42个", "30", "30", ""),
                    ("效益指标", "社会效益指标", "法律咨询服务人次", "≥3000人次", "3315人次", "30", "30", ""),
                    ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "92%", "30", "30", "")],
                   ("建成法律服务站点40个，全年提供法律咨询3000人次以上。", None))
    c = short_form("岚山区农贸市场食品快检", "岚山区市场监督管理局", "岚山区食品药品检验所", D("35.00"), D("31.50"),
                   [("产出指标", "数量指标", "完成食品快速检测批次", "≥8000批次", "7600批次", "30", "28.5",
                     "快检试剂采购延迟一个月，下一步提前组织采购。"),
                    ("效益指标", "社会效益指标", "不合格食品处置率", "=100%", "100%", "30", "30", ""),
                    ("满意度指标", "服务对象满意度指标", "市场经营户满意度", "≥85%", "88%", "30", "30", "")],
                   ("全年完成农贸市场食品快速检测8000批次，不合格食品全部依法处置。", None))
    d = short_form("岚山区背街小巷路灯更新", "岚山区城市管理局", "岚山区市政设施维护所", D("64.00"), D("62.40"),
                   [("产出指标", "数量指标", "更新LED路灯", "≥1500盏", "1532盏", "20", "20", ""),
                    ("产出指标", "质量指标", "路灯亮灯率", "≥98%", "99.2%", "20", "20", ""),
                    ("产出指标", "时效指标", "完工时间", "9月底前", "9月底前", "10", "10", ""),
                    ("效益指标", "社会效益指标", "夜间出行安全状况", "明显改善", "明显改善", "20", "20", ""),
                    ("满意度指标", "服务对象满意度指标", "沿街居民满意度", "≥90%", "93%", "20", "20", "")],
                   ("更新背街小巷LED路灯1500盏，亮灯率达到98%以上。", None))
    for f in (a, b, c, d):
        f["goals"] = (f["goals"][0], "")
        f["heads"] = [(NT, 13, "c"), ("（2023年度）", 9, "c")]
    # d: 总分 row + 评分等级 row forced to the top of the next page
    d["total_layout"] = "row"
    d["breaks"] = {2 + 1 + 2 + 1 + 1 + 5}
    return [a, b, c, d]


def form_numbers():
    fl, fs = funds([
        ("年度资金总额", "total", D("1,260.00".replace(",", "")), D("1310.00"), D("1256.29")),
        ("其中：当年财政拨款", "current_appropriation", D("1200.00"), D("1200.00"), D("1151.49")),
        ("上年结转资金", "carryover", D("60.00"), D("110.00"), D("104.80")),
        ("其他资金", "other", D("0.00"), D("0.00"), D("0.00")),
    ], "10.00", amt_fmt="{:,.2f}")
    inds = [
        ("产出指标", "数量指标", "开展职业技能培训", "≥1,200人次", "1,150人次", "7.5",
         partial("1150", "1200", "7.5"), "部分企业订单班开班时间推迟，50人次顺延至次年一季度。"),
        ("产出指标", "数量指标", "新建实训基地", "≥3个", "3个", "7.5", "7.50", ""),
        ("产出指标", "质量指标", "培训合格率", "≥85%", "88.40%", "10", "10.00", ""),
        ("产出指标", "质量指标", "培训资金违规使用率", "≤0.5%", "0.00%", "7.5", "7.50", ""),
        ("产出指标", "时效指标", "补贴资金发放", "完成", "完成", "7.5", "7.50", ""),
        ("产出指标", "成本指标", "人均培训成本", "≤3,500元", "3,426元", "10", "10.00", ""),
        ("效益指标", "社会效益指标", "培训后就业率", "≥70%", "67.3%", "10", partial("67.3", "70", "10"),
         "部分学员选择继续升学或自主创业未计入就业；下一步加强就业跟踪服务。"),
        ("效益指标", "可持续影响指标", "校企合作长效机制", "建立", "已建立", "10", "10.00", ""),
        ("满意度指标", "服务对象满意度指标", "参训学员满意度", "≥90%", "—", "10", "8.00",
         "年度满意度调查未按期开展，按80%计分；下一步委托第三方开展调查。"),
        ("满意度指标", "服务对象满意度指标", "用人单位满意度", "≥85%", "91.25%", "10", "10.00", ""),
    ]
    tot = total_of(fs, inds)
    return form(year=2024, project_name="临江县职业技能提升行动（2024年）", department="临江县人力资源和社会保障局",
                implementer="临江县就业服务中心", funds=fl, fund_score=fs, fund_blocks=[[1, 2, 3]],
                goals=("开展职业技能培训1,200人次以上，新建实训基地3个，培训合格率85%以上，培训后就业率70%以上。",
                       "开展培训1,150人次，新建实训基地3个，培训合格率88.40%，培训后就业率67.3%。"),
                indicators=inds, total_score=tot, grade=grade_of(tot), total_weight="100.00")


def form_base(actual_98="98.6%"):
    """one-page national form reused by the damaged-file samples"""
    return form_nat(
        "临江县农村饮水安全巩固提升工程", "临江县水利局", "临江县农村供水管理站",
        [("年度资金总额", "total", D("690.00"), D("690.00"), D("652.05")),
         ("其中：当年财政拨款", "current_appropriation", D("600.00"), D("600.00"), D("570.30")),
         ("上年结转资金", "carryover", D("90.00"), D("90.00"), D("81.75")),
         ("其他资金", "other", D("0.00"), D("0.00"), D("0.00"))], 10,
        [("产出指标", "数量指标", "新建改造集中供水工程", "≥26处", "26处", "10", "10", ""),
         ("产出指标", "数量指标", "更新改造供水管网", "≥85公里", "79公里", "10", "9.29",
          "部分管网穿越基本农田，选线调整后工程量减少；剩余6公里纳入次年计划。"),
         ("产出指标", "质量指标", "水质达标率", "≥95%", actual_98, "10", "10", ""),
         ("产出指标", "时效指标", "工程完工时间", "11月底前", "11月底前", "10", "10", ""),
         ("效益指标", "社会效益指标", "农村自来水普及率", "≥92%", "93.1%", "20", "20", ""),
         ("效益指标", "可持续影响指标", "工程运行管护制度", "健全", "健全", "10", "10", ""),
         ("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "88%", "20", "19.56",
          "部分村停水检修未提前告知；下一步建立停水信息发布制度。")],
        ("新建改造集中供水工程26处，更新改造管网85公里，农村自来水普及率达到92%以上，水质达标率95%以上。",
         "新建改造集中供水工程26处，更新改造管网79公里，农村自来水普及率93.1%，受益群众满意度88%。"))


def forms_two_pages():
    """two one-page forms (for the object-stream and linearized samples)"""
    f2 = form_nat(
        "临江县河道综合治理", "临江县水利局", "临江县河道管理所",
        [("年度资金总额", "total", D("310.00"), D("310.00"), D("298.22")),
         ("其中：当年财政拨款", "current_appropriation", D("310.00"), D("310.00"), D("298.22")),
         ("上年结转资金", "carryover", D("0.00"), D("0.00"), D("0.00")),
         ("其他资金", "other", D("0.00"), D("0.00"), D("0.00"))], 10,
        [("产出指标", "数量指标", "治理河道长度", "≥12公里", "12.4公里", "20", "20", ""),
         ("产出指标", "质量指标", "堤防工程验收合格率", "=100%", "100%", "20", "20", ""),
         ("效益指标", "生态效益指标", "河道水质达标率", "≥90%", "86%", "20", "19.11",
          "上游来水水质波动，个别断面月度超标；下一步加强上下游联防联治。"),
         ("满意度指标", "服务对象满意度指标", "沿河群众满意度", "≥90%", "92%", "30", "30", "")],
        ("治理河道12公里，堤防工程全部验收合格，河道水质达标率90%以上。",
         "治理河道12.4公里，堤防工程全部验收合格，河道水质达标率86%。"))
    return [form_base(), f2]


def s01():
    return case("variant3_01_two_row_headers", [form_two_row()],
                  "8 columns; 项目资金（万元） on its own full-width row above the fund column names; "
                  "indicator head on two rows (绩效指标 over 一级/二级/三级, the rest merged down)",
                  ["fund_head_two_rows", "indicator_head_two_rows", "eight_columns", "grade_row"], pages=1)


def s02():
    return case("variant3_02_indicator_table_after_gap", forms_gap(),
                  "funds/goals drawn as one table, the indicators as a second table: form 1 16pt below on the "
                  "same page, continuing title-less on page 2; form 2's indicator table starts page 3",
                  ["separate_indicator_table_gap", "title_less_continuation", "indicator_table_next_page"],
                  flow=True, pages=3, form_pages=[[1, 2], [2, 3]])


def s03():
    return case("variant3_03_header_no_implementer_wide_values", forms_headers(),
                  "form 1: no 实施单位 (主管部门 value over 6 columns); form 2: labels one column wide, "
                  "主管部门/实施单位 values over 3 columns each, 项目名称 wrapping to 2 lines",
                  ["no_implementer", "header_values_3_cols", "long_project_name_2_lines", "fund_head_inline"],
                  pages=2)


def s04():
    return case("variant3_04_three_forms_one_page_total_next_page", forms_three_per_page(),
                  "three short forms on page 1 (goal as one merged cell, grade in the 总分 row); "
                  "form 4 on page 2 with its 总分 and 评分等级 rows alone at the top of page 3",
                  ["three_forms_one_page", "goal_merged", "grade_in_total_row", "total_rows_alone_next_page"],
                  flow=True, doc=dict(size=7.5, leading=9.0, min_row=14.0, margin_t=36.0, margin_b=36.0), pages=3, form_pages=[[1], [1], [1], [2, 3]])


def s05():
    return case("variant3_05_number_formats", [form_numbers()],
                  "weights 7.5, scores with two decimals, 总分 100.00, targets ≥1,200人次 ≤0.5% ≤3,500元 完成, "
                  "an actual —, amounts with thousands separators",
                  ["weight_7_5", "two_decimal_scores", "thousands_in_targets", "le_0_5_pct", "actual_dash"], pages=1)


def s06():
    return case("variant3_06_xref_offsets_off", [form_base()], "every xref offset wrong by +2/-3 bytes",
                ["xref_offsets_wrong"], pages=1, xref_off=True)


def s07():
    return case("variant3_07_incremental_update", [form_base("99.1%")],
                "incremental update replacing page 1's content stream: 水质达标率 actual 98.6% -> 99.1% (truth: 99.1%)",
                ["incremental_update", "value_changed"], pages=1, update=dict(old="98.6%", new="99.1%"))


def s08():
    return case("variant3_08_object_streams_xref_stream", forms_two_pages(),
                "saved by qpdf with object streams and a cross-reference stream (PDF 1.5)",
                ["object_streams", "xref_stream"], pages=2, form_pages=[[1], [2]],
                qpdf=dict(object_stream_mode="generate", min_version="1.5"))


def s09():
    return case("variant3_09_linearized", forms_two_pages(),
                "linearized by qpdf (first-page xref + hint stream, main xref at the end)",
                ["linearized"], pages=2, form_pages=[[1], [2]], qpdf=dict(linearize=True))


def s10():
    return case("variant3_10_cut_stream_notes_page", [form_base()],
                "page 2 (填报说明, not a form) has its FlateDecode content stream cut to 55% (Length matches the cut data)",
                ["cut_content_stream", "non_form_page"], pages=1, notes_page=True, cut=dict(page=1, keep=0.55))


# tests/hostile-extra/: page 2 (a form) cut in half; its truth is form 1's alone
HOSTILE = case("cut_stream_form_page", forms_two_pages(), "page 2 content stream cut", [], pages=2,
               cut=dict(page=1, keep=0.5))


# ------------------------------------------------------------------ text dump
# variant3_05's form exported by another tool (templates.txt_collapsed): UTF-8 BOM,
# CRLF, only real cells written, trailing spaces, full-width spaces inside labels
TXT = dict(name="variant3_11_txt_bom_crlf_collapsed", form=form_numbers(),
           spaced={"项目名称": "项目　名称", "主管部门": "主管　部门", "实施单位": "实施　单位",
                   "年度总体目标": "年度总体　目标", "三级指标": "三级　指标"})


CASES = [s01(), s02(), s03(), s04(), s05(), s06(), s07(), s08(), s09(), s10()]
