"""Round 7 case list: text dumps of single forms, tab-separated as a PDF
viewer's or pdftotext-like copy prints them (templates.txt_copy), each with
the dump quirk it exercises.

Data only. A form holds the strings printed (amounts, rates and scores as
printed, not computed: the truth is parsed from them); a line break in a
cell ("\\n") is where the copy wrapped it, and is printed as a row of its
own. The layout (header rows, fund / goal / indicator heads, tail) is the
template's; a case adds the quirks: `merged` ("bottom": merged labels in the
last row they span), `cuts` (a merged label cut by a page break, the rest in
another column), `new_page` (a page break with the title repeated)."""
from samplegen.templates import fullwidth_digits


def fund(label, category, init, annual, executed, weight, rate, score):
    return dict(label=label, category=category, init=init, annual=annual, executed=executed,
                weight=weight, rate=rate, score=score)


def ind(l1, l2, name, tgt, act, w, sc, dev=""):
    return (l1, l2, name, tgt, act, w, sc, dev)


# ------------------------------------------------------------------ the two templates
# 财预〔2020〕10号 项目支出绩效自评表, 9 columns; the fund values leave the last column empty.
NATIONAL = dict(
    title="项目支出绩效自评表", fund_unit="万元",
    header_rows=[[("项目名称", 2), ("{project_name}", 7)],
                 [("主管部门", 2), ("{department}", 3), ("实施单位", 1), ("{implementer}", 3)]],
    fund_head="项目资金（万元）", fund_pad=1,
    fund_heads=["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    goal_label="年度总体目标", goal_heads=[("预期目标", 4), ("实际完成情况", 4)], goal_spans=(4, 4),
    ind_label="绩效指标",
    ind_heads=["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
               "偏差原因分析及改进措施"],
    tail=dict(total="总分", after="grade"))

# The Shanghai 财政项目支出绩效自评表, 8 columns, as its copies come: the 主管部门 row
# has 7 cells, the goal text row 9 (预期目标 over 4 columns).
SHANGHAI = dict(
    title="财政项目支出绩效自评表", year=2024, fund_unit="万元",
    head_lines=["{title}", "", "({year}年度)", ""],
    header_rows=[[("项目名称", 2), ("{project_name}", 6)],
                 [("主管部门", 1), ("{department}", 3), ("实施单位", 1), ("{implementer}", 2)]],
    fund_head="项目资金 (万元)", fund_pad=0,
    fund_heads=["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    goal_label="年度 总体 目标", goal_heads=[("预期目标", 3), ("实际完成情况", 4)], goal_spans=(4, 4),
    ind_label=None,
    ind_heads=["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
               "偏差原因分析及改进措施"],
    tail=dict(total="总分", after=[[("评分等级", 1), ("{grade}", -1)]]))


def national(**kw):
    return dict(NATIONAL, **kw)


def shanghai(**kw):
    return dict(SHANGHAI, **kw)


def sh_funds(total, current, carry=("0.00", "0.00", "0.00", "0.00"), other=("0.00", "0.00", "0.00", "0.00")):
    """the four Shanghai fund rows: the total (init, annual, executed, weight, rate, score),
    the others (init, annual, executed, rate)"""
    return [fund("年度资金总额:", "total", *total),
            fund("其中:当年财政拨款", "current_appropriation", *current[:3], "-", current[3], "-"),
            fund("上年结转资金", "carryover", *carry[:3], "-", carry[3], "-"),
            fund("其他资金", "other", *other[:3], "-", other[3], "-")]


P, Q, S = "产出 指标", "效益 指标", "满意度 指标"
SAT = "服务对象满意度 指标"

# ------------------------------------------------------------------ 01 national template, 中央补助 / 地方资金
F01 = national(
    year=2023, head_lines=["附件2", "{title}", "（{year}年度）"],
    fund_heads=["年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"],
    ind_heads=["一级指标", "二级指标", "三级指标", "年度指标值（A）", "实际完成值（B）", "分值", "得分",
               "偏差原因分析及改进措施"],
    project_name="云岭县农村饮水安全巩固提升工程", department="云岭县水务局", implementer="云岭县农村供水管理站",
    funds=[fund("年度资金总额", "total", "500.00", "620.00", "601.40", "10", "97.00%", "9.70"),
           fund("其中：中央补助", "central", "400.00", "400.00", "400.00", "—", "100.00%", "—"),
           fund("地方资金", "local", "100.00", "220.00", "201.40", "—", "91.55%", "—")],
    goals=("新建改造农村集中供水工程12处，巩固提升1.8万农村人口供水保障水平，农村自来水普及率达到85%以上。",
           "建成集中供水工程12处，巩固提升1.86万人供水保障水平，农村自来水普及率达到86.5%。"),
    indicators=[ind("产出指标", "数量指标", "新建改造供水工程", "≥12处", "12处", "20", "20"),
                ind("产出指标", "数量指标", "巩固提升受益人口", "≥1.8万人", "1.86万人", "15", "15"),
                ind("产出指标", "质量指标", "农村集中供水率", "≥88%", "89.2%", "15", "15"),
                ind("产出指标", "时效指标", "工程完工及时率", "=100%", "92%", "10", "9.2",
                    "2处工程因雨季施工延期，已于次年3月完工。"),
                ind("效益指标", "社会效益指标", "农村自来水普及率", "≥85%", "86.5%", "15", "15"),
                ind("效益指标", "可持续影响指标", "工程长效运行管护机制", "健全", "健全", "5", "5"),
                ind("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "93%", "10", "10")],
    total_weight="100", total_score="98.9", grade=None)

# ------------------------------------------------------------------ 02 merged labels in the last row they span
F02 = shanghai(
    project_name="普陀区就业困难人员公益性岗位补贴", department="上海市普陀区人力资源和社会保障局",
    implementer="上海市普陀区就业促进中心",
    funds=sh_funds(("180.00", "180.00", "172.80", "10.00", "96.00", "9.60"), ("180.00", "180.00", "172.80", "96.00")),
    goal_spans=(3, 4),
    goals=("按规定为就业困难人员开发公益性岗位并按月发放岗位补贴,帮助困难人员稳定就业。",
           "全年开发公益性岗位312个,发放补贴1265人,困难人员稳定就业率82.3%。"),
    indicators=[ind(P, "数量 指标", "补贴发放人数", "≥1200(人)", "1265(人)", "15.00", "15.00"),
                ind(P, "数量 指标", "公益性岗位开发数量", "≥300(个)", "312(个)", "10.00", "10.00"),
                ind(P, "质量 指标", "补贴发放准确率", "=100(%)", "100(%)", "15.00", "15.00"),
                ind(P, "时效 指标", "补贴按月发放及时率", "≥95(%)", "97.5(%)", "10.00", "10.00"),
                ind(P, "成本 指标", "人均补贴标准执行率", "=100(%)", "100(%)", "10.00", "10.00"),
                ind(Q, "社会效益 指标", "困难人员稳定就业率", "≥85(%)", "82.3(%)", "10.00", "9.68",
                    "部分人员因健康原因退岗,下一步加强岗位跟踪服务"),
                ind(Q, "社会效益 指标", "公益性岗位社会知晓度", "有效提升", "达成指标", "10.00", "10.00"),
                ind(S, SAT, "补贴对象满意度", "≥90(%)", "94.2(%)", "10.00", "10.00")],
    total_weight="100.00", total_score="99.28", grade="优")

# ------------------------------------------------------------------ 03 labels cut by page breaks, the rest in the next column
F03 = shanghai(
    project_name="普陀区社区养老服务设施运营补贴", department="上海市普陀区民政局",
    implementer="上海市普陀区养老服务指导中心",
    funds=sh_funds(("240.00", "236.00", "229.50", "10.00", "97.24", "9.72"), ("240.00", "236.00", "229.50", "97.24")),
    goals=("对全区18家社区长者照护之家和42家老年人日间照料中心给予运营补贴,提升社区养老服务能力。",
           "按季度拨付18家长者照护之家和42家日间照料中心运营补贴,服务老年人4.6万人次。"),
    ind_heads=["一级 指标", "二级 指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
               "偏差原因分析及改进措施"],
    indicators=[ind(P, "数量 指标", "补贴长者照护之家数量", "=18(家)", "18(家)", "10.00", "10.00"),
                ind(P, "数量 指标", "补贴日间照料中心数量", "=42(家)", "42(家)", "10.00", "10.00"),
                ind(P, "质量 指标", "补贴资金审核准确率", "=100(%)", "100(%)", "10.00", "10.00"),
                ind(P, "时效 指标", "补贴按季度拨付及时率", "≥95(%)", "100(%)", "10.00", "10.00"),
                ind(Q, "社会效益 指标", "社区养老服务人次", "≥4.5(万人次)", "4.6(万人次)", "15.00", "15.00"),
                ind(Q, "可持续影响指标", "养老服务设施运营管理制度", "健全", "健全", "10.00", "10.00"),
                ind(Q, "可持续影响指标", "养老服务机构星级评定达标率", "≥80(%)", "76(%)", "10.00", "9.50",
                    "2家机构因场地改造暂缓评定,下一年度完成评定"),
                ind("满意度指标", SAT, "服务对象满意度", "≥90(%)", "95.3(%)", "10.00", "10.00"),
                ind("满意度指标", SAT, "家属满意度", "≥85(%)", "91(%)", "5.00", "5.00")],
    total_weight="100.00", total_score="99.22", grade="优")

# ------------------------------------------------------------------ 04 national template, wrapped cells printed as rows
F04 = national(
    year=2023, head_lines=["{title}", "（{year}年度）", ""],
    project_name="松陵县“四好农村路”养护提升\n工程", department="松陵县交通运输局",
    implementer="松陵县农村公路管理\n所",
    funds=[fund("年度资金总额", "total", "420.00", "420.00", "405.30", "10", "96.50", "9.65"),
           fund("其中：当年财政\n拨款", "current_appropriation", "380.00", "380.00", "370.30", "—", "97.45", "—"),
           fund("上年结转资金", "carryover", "40.00", "40.00", "35.00", "—", "87.50", "—"),
           fund("其他资金", "other", "0.00", "0.00", "0.00", "—", "—", "—")],
    goals=("完成全县农村公路日常养护，养护\n覆盖所有行政村，实施路面修复\n18万平方米。",
           "完成农村公路日常养护1236公里，\n覆盖全部行政村，修复路面18.2万\n平方米。"),
    indicators=[ind("一、产出指标", "（一）数量指标", "指标1：农村公路养护覆盖\n行政村", "=100%", "100%", "15", "15"),
                ind("一、产出指标", "（一）数量指标", "指标2：路面修复面积", "≥18万平方米", "18.2万平方米", "15", "15"),
                ind("一、产出指标", "（二）质量指标", "指标3：养护路段优良路率", "≥75%", "71%", "15", "14.2",
                    "部分路段重载车辆通行频繁，\n路面病害反复出现；下一步加强\n超限治理和预防性养护。"),
                ind("二、效益指标", "（一）社会效益指标", "指标4：农村公路交通事故\n起数同比下降", "≥5%", "8.3%",
                    "15", "15"),
                ind("二、效益指标", "（二）可持续影响\n指标", "指标5：路长制养护责任\n落实机制", "健全", "健全",
                    "10", "10"),
                ind("三、满意度指标", "（一）服务对象满意\n度指标", "指标6：沿线群众满意度", "≥90%", "94%", "20", "20")],
    total_weight="100", total_score="98.85", grade="优")

# ------------------------------------------------------------------ 05 thousands grouped by spaces
F05 = shanghai(
    head_lines=["{title}", "({year}年度)"],
    project_name="普陀区职业技能提升补贴", department="上海市普陀区人力资源和社会保障局",
    implementer="上海市普陀区职业能力建设指导中心",
    funds=sh_funds(("1 200.00", "1 350.00", "1 296.50", "10.00", "96.03", "9.60"),
                   ("1 000.00", "1 150.00", "1 100.00", "95.65"), ("200.00", "200.00", "196.50", "98.25")),
    goals=("全年开展职业技能培训12 000人次,按规定发放技能提升补贴。", "全年开展职业技能培训12 480人次,补贴按规定足额发放。"),
    indicators=[ind("产出指标", "数量指标", "职业技能培训人次", "≥12 000(人次)", "12 480(人次)", "30.00", "30.00"),
                ind("产出指标", "质量指标", "补贴发放准确率", "=100(%)", "100(%)", "20.00", "20.00"),
                ind("效益指标", "社会效益指标", "培训后取证人数", "≥8 000(人)", "7 650(人)", "20.00", "19.13",
                    "部分培训项目取证考试延至次年,下一步加强考培衔接"),
                ind("满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90(%)", "93.5(%)", "20.00", "20.00")],
    total_weight="100.00", total_score="98.73", grade="优")

# ------------------------------------------------------------------ 06 full-width digits
F06 = fullwidth_digits(shanghai(
    head_lines=["{title}", "({year}年度)"],
    project_name="普陀区创业带动就业专项经费", department="上海市普陀区人力资源和社会保障局",
    implementer="上海市普陀区就业促进中心",
    funds=sh_funds(("86.52", "86.52", "81.73", "10.00", "94.46", "9.45"), ("86.52", "86.52", "81.73", "94.46")),
    goals=("扶持创业组织200户,带动就业600人。", "扶持创业组织212户,带动就业648人。"),
    indicators=[ind("产出指标", "数量指标", "扶持创业组织数", "≥200(户)", "212(户)", "30.00", "30.00"),
                ind("产出指标", "质量指标", "创业组织存活率", "≥80(%)", "85.2(%)", "20.00", "20.00"),
                ind("效益指标", "社会效益指标", "带动就业人数", "≥600(人)", "648(人)", "20.00", "20.00"),
                ind("满意度指标", "服务对象满意度指标", "创业者满意度", "≥90(%)", "92(%)", "20.00", "20.00")],
    total_weight="100.00", total_score="99.45", grade="优"))

# ------------------------------------------------------------------ 07 title repeated mid-form, then a fragment in the name column
F07 = shanghai(
    project_name="普陀区公共法律服务体系建设", department="上海市普陀区司法局",
    implementer="上海市普陀区公共法律服务中心",
    funds=sh_funds(("150.00", "150.00", "147.00", "10.00", "98.00", "9.80"), ("150.00", "150.00", "147.00", "98.00")),
    goals=("建设街镇公共法律服务工作站10个,全年提供法律咨询2万人次。",
           "建成街镇公共法律服务工作站10个,全年提供法律咨询2.3万人次。"),
    indicators=[ind(P, "数量 指标", "街镇公共法律服务工作站", "=10(个)", "10(个)", "10.00", "10.00"),
                ind(P, "数量 指标", "法律咨询服务人次", "≥2(万人次)", "2.3(万人次)", "10.00", "10.00"),
                ind(P, "质量 指标", "法律援助案件质量\n评查合格率", "≥95(%)", "97(%)", "10.00", "10.00"),
                ind(P, "质量 指标", "人民调解协议\n履行率", "≥98(%)", "99.1(%)", "10.00", "10.00"),
                ind(P, "时效 指标", "法律援助申请审查办结及时率", "=100(%)", "100(%)", "10.00", "10.00"),
                ind(Q, "社会效益 指标", "群众法治意识", "有效提升", "达成指标", "10.00", "10.00"),
                ind(Q, "可持续影响指标", "公共法律服务工作机制", "健全", "健全", "10.00", "10.00"),
                ind(Q, "可持续影响指标", "矛盾纠纷调解成功率", "≥90(%)", "88(%)", "10.00", "9.78",
                    "部分纠纷涉及历史遗留问题,下一步加强多元联动调解"),
                ind(S, SAT, "服务对象满意度", "≥90(%)", "96(%)", "10.00", "10.00")],
    total_weight="100.00", total_score="99.58", grade="优")


# ------------------------------------------------------------------ samples
CASES = [
    dict(name="variant7_01_txt_national_template_central_local", form=F01,
         what="national template: 附件2 line, fund heads (A)/(B)/(B/A), 中央补助/地方资金 rows, no grade row"),
    dict(name="variant7_02_txt_bottom_aligned_merged_labels", form=F02, merged="bottom",
         what="merged labels (项目资金, 年度总体目标, 一级/二级 runs) printed in the last row they span"),
    dict(name="variant7_03_txt_page_break_fragments_wrong_column", form=F03,
         cuts=[dict(text="可持续影响指标", keep="可持续影响", to_col=0),
               dict(text="满意度指标", keep="满意", to_col=1)],
         what="二级 and 一级 labels cut by page breaks: the rest after a blank line, one column off"),
    dict(name="variant7_04_txt_wrapped_lines_as_rows", form=F04,
         what="national template: wrapped cell lines printed as rows of their own"),
    dict(name="variant7_05_txt_space_grouped_thousands", form=F05,
         what="amounts and targets with thousands grouped by spaces (1 200.00, 12 000)"),
    dict(name="variant7_06_txt_fullwidth_digits", form=F06,
         what="every number printed with full-width digits"),
    dict(name="variant7_07_txt_fragment_in_name_column_after_repeated_title", form=F07,
         cuts=[dict(text="可持续影响指标", keep="可持续影响", to_col=2)],
         new_page=dict(before="人民调解协议", lines=["", "# {title}", "", "({year}年度)", ""]),
         what="wrapped names as rows, the title repeated mid-form (page 2), "
              "then the rest of a cut 二级 label in the name column"),
]
