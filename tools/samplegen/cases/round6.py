"""Round 6 case list: the forms of each variant6_NN sample and its layout options."""
from decimal import Decimal as D
from samplegen.templates import DT, heads_for, mkform
from cases.round5 import E, frows, ind, inds_clean, inds_partial, ssum, wsum


GOALS = ("按计划完成年度重点任务，资金按进度拨付，服务对象满意度达到90%以上。",
         "年度重点任务全部完成，资金按进度拨付，服务对象满意度93%。")


W8N = [38, 60, 130, 62, 62, 36, 40, 90]


def F(name, fund_rows, inds, *, dept="澄川县财政局", impl=None, weight=10, goals=GOALS, **kw):
    return mkform(name, dept, impl or dept, fund_rows, weight, inds, goals, **kw)


# ------------------------------------------------------------------ department form + 年度主要任务 block
def dept_form(dept, fund_rows, inds, tasks, **kw):
    f = F("", fund_rows, inds, dept=dept, **kw)
    f.update(kind="department", title_truth=DT, tasks=tasks, fund_head="年度预算资金（万元）",
             header_rows=[[("部门（单位）名称", 2), ("{department}", -2, "l")]],
             heads=heads_for(f["year"], DT))
    return f


# ------------------------------------------------------------------ data
TASKS_A = [("国土空间规划编制", "完成县级国土空间总体规划编制并报批，开展3个乡镇详细规划编制", "320.00", "312.50"),
           ("耕地保护与占补平衡", "落实耕地保护目标责任，新增耕地260亩，开展违法占地整治", "1,150.00", "1,126.80"),
           ("不动产登记服务", "推进不动产登记“一窗受理”，办理时限压缩至3个工作日", "86.00", "84.30")]


TASKS_B = [("河湖长制工作", "落实县乡村三级河湖长巡河制度，完成8条河道清障", "210.00", "205.60"),
           ("农村饮水安全巩固", "完成12处集中供水工程维修养护，水质检测全覆盖", "460.00", "452.10")]


def dept_inds():
    P, Q, S = "产出指标", "效益指标", "满意度指标"
    return [ind(P, "数量指标", "完成乡镇详细规划编制", "≥3个", "3个", 15, 15),
            ind(P, "数量指标", "新增耕地面积", "≥260亩", "268亩", 15, 15),
            ind(P, "质量指标", "耕地保有量完成率", "=100%", "100%", 10, 10),
            ind(P, "时效指标", "不动产登记办理时限", "≤3个工作日", "3个工作日", 10, 10),
            ind(Q, "社会效益指标", "违法占地案件查处率", "≥95%", "96.4%", 15, 15),
            ind(Q, "可持续影响指标", "耕地保护长效机制", "健全", "健全", 10, 10),
            ind(S, "服务对象满意度指标", "办事群众满意度", "≥90%", "93%", 15, 15)]


def f_dept1():
    return dept_form("澄川县自然资源局",
                     frows("1,556.00".replace(",", ""), "1523.60", "120.00", "118.40", "36.00", "35.20"),
                     dept_inds(), TASKS_A, amt_fmt="{:,.2f}")


def f_dept2():
    P, Q, S = "产出指标", "效益指标", "满意度指标"
    inds = [ind(P, "数量指标", "河道清障条数", "≥8条", "8条", 20, 20),
            ind(P, "质量指标", "集中供水水质达标率", "≥95%", "97.2%", 20, 20),
            ind(Q, "社会效益指标", "农村供水保障人口", "≥3.2万人", "3.3万人", 25, 25),
            ind(S, "服务对象满意度指标", "受益群众满意度", "≥90%", "92%", 25, 25)]
    return dept_form("柳湾市水利局", frows("670.00", "657.70", "40.00", "39.10"), inds, TASKS_B)


def no_l2_inds(empty_group=True):
    """满意度指标 (and 效益指标) groups printed with an empty 二级 cell"""
    P, Q, S = "产出指标", "效益指标", "满意度指标"
    return [ind(P, "数量指标", "改造老旧供水管网长度", "≥18公里", "18.6公里", 20, 20),
            ind(P, "质量指标", "管网漏损率", "≤10%", "8.7%", 15, 15),
            ind(P, "时效指标", "工程完工时间", "11月底前", "11月底前", 10, 10),
            ind(Q, "" if empty_group else "社会效益指标", "受益居民户数", "≥4,200户", "4,350户", 15, 15),
            ind(Q, "" if empty_group else "可持续影响指标", "管网设计使用年限", "≥30年", "30年", 10, 10),
            ind(S, "", "居民满意度", "≥90%", "94%", 10, 10),
            ind(S, "", "施工扰民投诉办结率", "=100%", "100%", 10, 10)]


def f_nol2():
    return F("澄川县城区老旧供水管网改造", frows("880.00", "866.70", "80.00", "78.50"), no_l2_inds(),
             dept="澄川县住房和城乡建设局", impl="澄川县自来水公司")


def f_l1l3():
    P, Q, S = "产出指标", "效益指标", "满意度指标"
    inds = [ind(P, "", "新建智慧停车泊位", "≥1,200个", "1,236个", 20, 20),
            ind(P, "", "停车诱导屏安装", "=24块", "24块", 15, 15),
            ind(P, "", "系统上线时间", "10月底前", "10月底前", 10, 10),
            ind(Q, "", "主城区路内停车周转率提升", "≥15%", "17.8%", 20, 20),
            ind(S, "", "驾驶人满意度", "≥85%", "89%", 25, 25)]
    return F("柳湾市主城区智慧停车系统建设", frows("460.00", "451.26"), inds, dept="柳湾市城市管理局",
             impl="柳湾市停车管理中心", widths=W8N, ind_cols=["l1", "name", "tgt", "act", "w", "sc", "dev"],
             ind_heads={"name": "指标名称"})


def signed_inds():
    P, Q, S = "产出指标", "效益指标", "满意度指标"
    return [ind(P, "数量指标", "完成节能改造公共机构", "≥36家", "38家", 20, 20),
            ind(P, "质量指标", "单位建筑面积能耗同比变化率", "≤0%", "-2.5%", 15, 15),
            ind(P, "成本指标", "改造成本较概算变化", "≤+3%", "-1.8%", 10, 10),
            ind(Q, "经济效益指标", "年节约电费同比增长", "≥+5%", "+6.3%", 15, 15),
            ind(Q, "生态效益指标", "碳排放量同比变化率", "≤-2%", "-2.4%", 20, 20),
            ind(S, "服务对象满意度指标", "使用单位满意度", "≥90%", "92%", 10, 10)]


def f_signed():
    return F("北塘区公共机构节能改造", frows("540.00", "531.90", "60.00", "59.40"), signed_inds(),
             dept="北塘区机关事务管理局")


def f_plain(name, dept, ann, exe, **kw):
    return F(name, frows(ann, exe), inds_clean(), dept=dept, **kw)


# ------------------------------------------------------------------ samples (PDF)
def s01():
    return ("variant6_01_department_tasks_block", [f_dept1(), f_dept2()], {},
            "部门整体支出绩效自评表 (部门（单位）名称 row, 年度预算资金（万元）) with a 年度主要任务 block "
            "(任务名称 | 主要内容 | 预算数 | 执行数, 3 and 2 rows) between the funds and 年度总体目标; amounts "
            "1,556.00 in form 1. The task rows are neither funds nor indicators (truth: left out).",
            ["department", "tasks_block"])


def s02():
    return ("variant6_02_no_level2_l1_l3_columns", [f_nol2(), f_l1l3()], {},
            "form 1: 效益指标 and 满意度指标 groups with an EMPTY merged 二级 cell (level2 null); form 2: no 二级 "
            "column at all, indicator head 一级指标 | 指标名称 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差… "
            "(8 columns, level2 null)", ["empty_level2", "no_level2_column"])


def s03():
    return ("variant6_03_excel_gap_borders_double_frame",
            [f_plain("北塘区社区卫生服务中心设备更新", "北塘区卫生健康委员会", "386.00", "379.82"), f_signed()],
            dict(ruling="gapcells", doc_kw=dict(outer_lw=0.75)),
            "Excel-like rulings: every cell side drawn as its own 0.4pt line, 0.5-1pt short of both corners "
            "(no line touches another); outer frame as a double line (two 0.3pt lines 1pt apart)",
            ["ruling_gaps_at_corners", "double_outer_frame"])


def s04():
    return ("variant6_04_dashed_dotted_rulings",
            [f_plain("北塘区老年助餐服务点建设", "北塘区民政局", "148.00", "146.52"),
             f_plain("北塘区背街小巷路灯改造", "北塘区城市管理局", "92.00", "90.16")],
            dict(ruling="dashed_dotted"),
            "rulings drawn as many short stroked segments: form 1 (page 1) dashed 3pt on / 1.5pt off, form 2 "
            "(page 2) dotted 0.6pt on / 1pt off", ["dashed_rulings", "dotted_rulings"])


def s05():
    return ("variant6_05_glyph_positioned_signed_numbers", [f_signed(), f_plain(
        "北塘区中小学食堂明厨亮灶改造", "北塘区教育局", "212.00", "208.18")],
            dict(glyphs="abs_bt_tm"),
            "text drawn glyph by glyph with absolute positions: form 1 every glyph in its own BT x y Td (g) Tj ET, "
            "form 2 one BT per line with a Tm per glyph (spaces not drawn); signed actuals/targets -2.5%, +6.3%, "
            "≤+3%, ≤-2%", ["glyph_by_glyph_td", "glyph_by_glyph_tm", "signed_numbers"])


def s06():
    return ("variant6_06_negative_char_spacing",
            [f_plain("柳湾市农贸市场标准化改造", "柳湾市商务局", "356.00", "349.24"), f_nol2()],
            dict(glyphs="negtc"),
            "all text drawn with -0.6 Tc (glyphs 0.6pt closer than their advance, lines shorter than measured)",
            ["negative_char_spacing"])


def s07():
    f0 = f_plain("", "澄川县农业农村局", "265.00", "260.23", impl="澄川县农技推广中心")
    f0["heads"] = [("澄川县高标准农田建设项目绩效自评表", 16, "c"), ("（2023年度）", 11, "c")]
    f0["title_truth"] = "澄川县高标准农田建设项目绩效自评表"
    f1 = f_plain("澄川县乡村公益性岗位补贴", "澄川县人力资源和社会保障局", "180.00", "177.48")
    f1["heads"] = []
    return ("variant6_07_title_holds_name_no_title", [f0, f1], {},
            "form 1: title line 澄川县高标准农田建设项目绩效自评表 (the project name in the title), 项目名称 value cell "
            "empty (truth: title as printed, project_name null); form 2: no title line and no year line at all "
            "(title/year null), the table starts at the top of page 2", ["title_with_project_name",
                                                                        "empty_project_name", "no_title_line"])


# ------------------------------------------------------------------ audit samples
def s09():
    f0 = dept_form("北塘区教育局", frows("2400.00", "2400.00", "200.00", "200.00"),
                   inds_clean((20, 18, 10, 20, 20)), TASKS_B)
    assert wsum(f0) == 98
    f1 = dept_form("北塘区文化和旅游局", frows("500.00", "500.00"), inds_partial("70"), [])
    f1["grade"] = "中"
    f2 = dept_form("北塘区体育局", frows("500.00", "500.00"), inds_partial("69.99"), [])
    f2["grade"] = "良"
    f3 = dept_form("北塘区科学技术局", frows("500.00", "500.00"), inds_partial("70"), [])
    f4 = dept_form("北塘区档案馆", frows("500.00", "500.00"), inds_partial("69.99"), [])
    want = [("98.00", "优"), ("80.00", "中"), ("79.99", "良"), ("80.00", "良"), ("79.99", "中")]
    got = [(f["total_score"], f["grade"]) for f in (f0, f1, f2, f3, f4)]
    assert got == want, got
    for f in (f0, f1, f2, f3, f4):
        assert ssum(f) == D(f["total_score"])
    exp = [E(0, "weights_sum", "error", "total_weight", "fund 10 + indicators 88 = 98, form says 100"),
           E(1, "grade", "error", "grade", "total 80.00 earns 良, form says 中 (one step low at the boundary)"),
           E(2, "grade", "error", "grade", "total 79.99 earns 中, form says 良 (one step high at the boundary)")]
    return ("variant6_09_audit_department_weights_grades", [f0, f1, f2, f3, f4], {},
            "five 部门整体 forms (no 项目名称 / 实施单位: project_name/implementer null are correct, not missing): "
            "0 weights 10 + 88 = 98 printed 100 (with a 年度主要任务 block); 1 80.00 中 (wrong), 2 79.99 良 (wrong); "
            "controls 3 80.00 良, 4 79.99 中", ["deliberate_inconsistencies", "department"], exp)


def s10():
    P, Q, S = "产出指标", "效益指标", "满意度指标"
    base = [ind(P, "数量指标", "完成节能改造公共机构", "≥36家", "38家", 20, 20),
            ind(S, "服务对象满意度指标", "使用单位满意度", "≥90%", "92%", 10, 10)]
    f0 = F("北塘区公共机构节能改造（二期）", frows("540.00", "531.90"), base[:1] + [
        ind(P, "质量指标", "单位建筑面积能耗同比变化率", "≤0%", "-2.5%", 20, 20),
        ind(Q, "生态效益指标", "碳排放量同比变化率", "≤-3%", "-2.5%", 20, 20),
        ind(Q, "经济效益指标", "年节约电费同比增长", "≥+5%", "+6.3%", 20, 20)] + base[1:],
        dept="北塘区机关事务管理局")
    f1 = F("北塘区夜间经济集聚区培育", frows("300.00", "296.40"), base[:1] + [
        ind(Q, "经济效益指标", "集聚区营业额同比增长", "≥0%", "-1.2%", 20, 20),
        ind(Q, "社会效益指标", "夜间客流量同比增长", "≥+10%", "+12.5%", 20, 20),
        ind(Q, "可持续影响指标", "商户空置率变化", "≤-1%", "-1.6%", 20, 20)] + base[1:],
        dept="北塘区商务委员会")
    for f in (f0, f1):
        assert wsum(f) == 100 and ssum(f) == D(f["total_score"])
    exp = [E(0, "target_not_met", "warning", "indicators[2].score",
             "≤-3% and -2.5% is above it (missed), full 20"),
           E(0, "rescore_differs", "info", "indicators[2].score",
             "the rule target/actual × weight gives -3/-2.5 × 20 = 24 > weight: a validator may cap it or skip it",
             optional=True),
           E(1, "target_not_met", "warning", "indicators[1].score", "≥0% and -1.2% (missed), full 20"),
           E(1, "rescore_differs", "info", "indicators[1].score",
             "actual/target = -1.2/0: undefined; the validator must not crash or print NaN/inf", optional=True)]
    return ("variant6_10_audit_signed_targets", [f0, f1], {},
            "signed targets and actuals: form 0 ≤0% / -2.5% (met, control), ≤-3% / -2.5% full marks (missed), "
            "≥+5% / +6.3% (met); form 1 ≥0% / -1.2% full marks (missed; target 0), ≥+10% / +12.5%, ≤-1% / -1.6% "
            "(met, controls)", ["deliberate_inconsistencies", "signed_numbers"], exp)


# ------------------------------------------------------------------ text dump
TXT = dict(name="variant6_08_txt_department_tasks_no_level2", forms=[f_dept1(), f_nol2()])


CASES = [s01(), s02(), s03(), s04(), s05(), s06(), s07(), s09(), s10()]
