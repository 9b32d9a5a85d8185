"""Template families (A2 … D3 of REAL_TEMPLATES.md): each family's title lines,
rows of cells C(text, colspan, rowspan) and hand-written record."""
import re
from samplegen.truth import normalise, parse_number, parse_value


def C(text, cs=1, rs=1):
    return (text, cs, rs)


# ------------------------------------------------------------ truth helpers
LEVEL1_CLASS = [("产出", "output"), ("项目完成", "output"), ("效益", "benefit"), ("效果", "benefit"),
                ("满意度", "satisfaction"), ("成本", "cost"), ("决策", "decision"),
                ("管理", "management"), ("过程", "management")]


def points(label):
    m = re.search(r"[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]\s*$", label or "")
    return float(m.group(1)) if m else None


def level1_class(label):
    if label is None:
        return None
    for word, cls in LEVEL1_CLASS:
        if word in label:
            return cls
    return "other"


def fund(label, category, initial, annual, executed, weight, rate, score, reason=None):
    n = lambda v: None if v is None else parse_number(v)
    return dict(label=normalise(label).rstrip(":："), category=category, initial_budget=n(initial),
                annual_budget=n(annual), executed=n(executed), weight=n(weight),
                execution_rate=n(rate), score=n(score), reason=reason)


def ind(l1, l2, name, target, actual, weight, score, deviation=None, **more):
    t, a = parse_value(target or ""), parse_value(actual or "")
    if more.get("unit"):
        for v in (t, a):
            if v["value"] is not None and v["unit"] is None:
                v["unit"] = more["unit"]
    if more.get("nature") in ("≥", "≤", "=", ">", "<"):
        op = {"≥": ">=", "≤": "<=", "=": "=", ">": ">", "<": "<"}[more["nature"]]
        if t["value"] is not None and t["op"] is None:
            t["op"] = op
    n = lambda v: None if v in (None, "") else parse_number(v)
    # No target or actual column (rubric forms): text "" and nothing parsed
    # (docs/SCHEMA.md §3), one shape for every template.
    out = dict(level1=l1, level2=l2, name=name, target=t, actual=a, weight=n(weight), score=n(score),
               deviation=deviation, level1_weight=points(l1), level2_weight=points(l2),
               level1_class=level1_class(l1), nature=more.get("nature"),
               review_score=n(more.get("review")), criteria=more.get("criteria"),
               explanation=more.get("explanation"), core=more.get("core"))
    return out


def record(**kw):
    base = dict(schema_version=1, kind="project", title=None, year=None, project_name=None,
                department=None, implementer=None, fund_unit=None, funds=[],
                goals=dict(expected=None, achieved=None), indicators=[], total_weight=None,
                total_score=None, grade=None, review_score=None, conclusion=None,
                problems=None, measures=None, extra=[])
    base.update(kw)
    return base


def ex(label, value):
    return dict(label=label, value=value)


# ------------------------------------------------------------ the families
def a2():
    """Sichuan 2023: year on the title line, 报表编号, 预算执行情况(10分) with
    five fund rows and a 原因 column, 项目基本情况 goals, 绩效指标(90分) with
    the target split over 指标性质 | 指标值 | 度量单位, 合计, footer rows."""
    inds = [("产出指标", "数量指标", "道路养护里程", "≥", "120", "公里", "126", "30", "30", ""),
            ("产出指标", "质量指标", "养护工程合格率", "=", "100", "%", "100", "20", "20", ""),
            ("产出指标", "经济成本指标", "每公里养护成本", "≤", "4.5", "万元", "3.92", "10", "10", ""),
            ("效益指标", "社会效益指标", "群众出行条件", "定性", "明显改善", "", "明显改善", "20", "20", ""),
            ("满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥", "90", "%", "92", "10", "10", "")]
    rows = [
        [C("项目名称", 2), C("51000021R000000019951-青禾县乡村道路养护", 9)],
        [C("主管部门", 2), C("青禾县交通运输局本级", 4), C("实施单位(盖章)", 2), C("青禾县公路养护中心", 3)],
        [C("预算执行情况(10分)", 1, 6), C("", 2), C("年初预算"), C("调整后预算数"), C("预算执行数"),
         C("预算执行率"), C("权重"), C("得分"), C("原因", 2)],
        [C("总额", 2), C("500.00"), C("520.00"), C("494.00"), C("95.00%"), C("10"), C("9.50"),
         C("部分工程款按合同约定年后支付", 2)],
        [C("其中:财政资金", 2), C("500.00"), C("520.00"), C("494.00"), C("95.00%"), C("/"), C("/"), C("", 2)],
        [C("财政专户管理资金", 2), C("0.00"), C("0.00"), C("0.00"), C("0.00%"), C("/"), C("/"), C("", 2)],
        [C("单位资金", 2), C("0.00"), C("0.00"), C("0.00"), C("0.00%"), C("/"), C("/"), C("", 2)],
        [C("其他资金", 2), C("0.00"), C("0.00"), C("0.00"), C("0.00%"), C("/"), C("/"), C("", 2)],
        [C("项目基本情况", 1, 2), C("项目年度目标", 5), C("年度目标完成情况", 5)],
        [C("完成乡村道路养护120公里，养护合格率100%", 5), C("完成养护126公里，养护工程全部合格", 5)],
        [C("绩效指标(90分)", 1, 6), C("一级指标"), C("二级指标"), C("三级指标"), C("指标性质"),
         C("指标值"), C("度量单位"), C("完成值"), C("权重"), C("得分"), C("未完成原因分析")],
    ] + [[C(c) for c in i[:9]] + [C(i[9])] for i in inds] + [
        [C("合计", 8), C("100"), C("99.50"), C("")],
        [C("评价结论", 2), C("项目总体完成较好，自评等级为优。", 9)],
        [C("存在问题", 2), C("个别路段养护进度滞后于计划。", 9)],
        [C("改进措施", 2), C("加强施工组织，合理安排养护工期。", 9)],
        [C("项目负责人:张三", 6), C("财务负责人:李四", 5)],
    ]
    truth = record(
        title="部门预算项目支出绩效自评表", year=2023,
        project_name="51000021R000000019951-青禾县乡村道路养护", department="青禾县交通运输局本级",
        implementer="青禾县公路养护中心",
        funds=[fund("总额", "total", "500.00", "520.00", "494.00", "10", "95.00%", "9.50",
                    "部分工程款按合同约定年后支付"),
               fund("其中:财政资金", "current_appropriation", "500.00", "520.00", "494.00", None, "95.00%", None),
               fund("财政专户管理资金", "special_account", "0.00", "0.00", "0.00", None, "0.00%", None),
               fund("单位资金", "unit", "0.00", "0.00", "0.00", None, "0.00%", None),
               fund("其他资金", "other", "0.00", "0.00", "0.00", None, "0.00%", None)],
        goals=dict(expected="完成乡村道路养护120公里，养护合格率100%", achieved="完成养护126公里，养护工程全部合格"),
        indicators=[ind(i[0], i[1], i[2], i[4], i[6], i[7], i[8], None, nature=i[3], unit=i[5] or None)
                    for i in inds],
        total_weight=100.0, total_score=99.5, conclusion="项目总体完成较好，自评等级为优。",
        problems="个别路段养护进度滞后于计划。", measures="加强施工组织，合理安排养护工期。",
        extra=[ex("报表编号", "510000_0013zp"), ex("项目负责人", "张三"), ex("财务负责人", "李四")])
    return dict(name="a2", head=["部门预算项目支出绩效自评表(2023年度)", "报表编号:510000_0013zp"],
                rows=rows, foot=[], truth=[truth])


def a3():
    """衔接资金 form: 项目负责人及电话, no 年初预算数, 分值 before 年度指标值,
    level-1 labels with their points, a 注: footnote under the table."""
    inds = [("产出指标(70分)", "数量指标", "建设产业基地数量", "30", "≥2个", "2个", "30"),
            ("产出指标(70分)", "质量指标", "基地验收合格率", "20", "=100%", "100%", "20"),
            ("产出指标(70分)", "时效指标", "项目完成时间", "20", "2022年12月底前", "2022年11月", "20"),
            ("效益指标(20分)", "经济效益指标", "带动脱贫户增收户数", "20", "≥400户", "420户", "20"),
            ("满意度指标(10分)", "服务对象满意度指标", "受益群众满意度", "10", "≥90%", "95%", "10")]
    rows = [
        [C("项目名称", 2), C("青禾县2022年衔接资金产业发展项目", 7)],
        [C("主管部门", 2), C("青禾县乡村振兴局", 3), C("实施单位", 2), C("青禾县农业发展中心", 2)],
        [C("项目负责人及电话", 2), C("王五 0000-1234567", 7)],
        [C("资金情况(万元)", 2, 5), C("", 2), C("全年预算数(A)"), C("全年执行数(B)"), C("分值"),
         C("执行率(B/A)"), C("得分")],
        [C("年度资金总额:", 2), C("300.00"), C("288.00"), C("10"), C("96.00%"), C("9.60")],
        [C("其中:本年财政拨款", 2), C("300.00"), C("288.00"), C("-"), C("96.00%"), C("-")],
        [C("上年结转资金", 2), C("0.00"), C("0.00"), C("-"), C("-"), C("-")],
        [C("其他资金", 2), C("0.00"), C("0.00"), C("-"), C("-"), C("-")],
        [C("年度总体目标", 1, 2), C("年初设定目标", 4), C("年度总体目标完成情况综述", 4)],
        [C("建设产业基地2个，带动脱贫户增收", 4), C("建成产业基地2个，带动420户增收", 4)],
        [C("绩效指标", 1, 6), C("一级指标"), C("二级指标"), C("三级指标"), C("分值"), C("年度指标值"),
         C("全年实际值"), C("得分"), C("未完成原因及拟采取的改进措施")],
        [C(inds[0][0], 1, 3)] + [C(c) for c in inds[0][1:]] + [C("")],
        [C(c) for c in inds[1][1:]] + [C("")],
        [C(c) for c in inds[2][1:]] + [C("")],
        [C(c) for c in inds[3]] + [C("")],
        [C(c) for c in inds[4]] + [C("")],
        [C("总分", 4), C("100"), C(""), C(""), C("99.60"), C("")],
    ]
    # 总分 100 / 99.60 where the fund block adds 10 more: a real form's own
    # arithmetic (REAL_TEMPLATES §H, ZJ); the checks report it.
    truth = record(
        title="绩效目标自评表", year=2022, project_name="青禾县2022年衔接资金产业发展项目",
        department="青禾县乡村振兴局", implementer="青禾县农业发展中心", fund_unit="万元",
        funds=[fund("年度资金总额:", "total", None, "300.00", "288.00", "10", "96.00%", "9.60"),
               fund("其中:本年财政拨款", "current_appropriation", None, "300.00", "288.00", None, "96.00%", None),
               fund("上年结转资金", "carryover", None, "0.00", "0.00", None, None, None),
               fund("其他资金", "other", None, "0.00", "0.00", None, None, None)],
        goals=dict(expected="建设产业基地2个，带动脱贫户增收", achieved="建成产业基地2个，带动420户增收"),
        indicators=[ind(i[0], i[1], i[2], i[4], i[5], i[3], i[6]) for i in inds],
        total_weight=100.0, total_score=99.6,
        extra=[ex("项目负责人及电话", "王五0000-1234567"),
               ex("注", "1.一级指标分值统一设置为产出指标70分、效益指标20分、满意度指标10分。")])
    return dict(name="a3", head=["绩效目标自评表(2022年度)"], rows=rows,
                foot=["注:1.一级指标分值统一设置为产出指标70分、效益指标20分、满意度指标10分。"],
                truth=[truth])


def a4():
    """Transfer-payment target form without any 分值/得分: 资金使用单位 and
    县级主管部门, 全年预算数(A) | 全年执行数(B) | 执行率(B/A), a 说明 row."""
    inds = [("产出指标", "数量指标", "维修供水工程数量", "≥15处", "16处"),
            ("产出指标", "质量指标", "工程验收合格率", "100%", "100%"),
            ("效益指标", "社会效益指标", "受益人口", "≥1.2万人", "1.25万人"),
            ("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "93%")]
    rows = [
        [C("项目名称", 2), C("青禾县农村饮水安全维修养护", 5)],
        [C("资金使用单位", 2), C("青禾县供水管理站", 2), C("县级主管部门"), C("青禾县水务局", 2)],
        [C("资金情况(万元)", 2), C("全年预算数(A)", 2), C("全年执行数(B)", 2), C("执行率(B/A)")],
        [C("年度资金总额", 2), C("80.00", 2), C("78.40", 2), C("98.00%")],
        [C("其中:中央补助", 2), C("50.00", 2), C("50.00", 2), C("100.00%")],
        [C("地方资金", 2), C("30.00", 2), C("28.40", 2), C("94.67%")],
        [C("其他资金", 2), C("0.00", 2), C("0.00", 2), C("0.00%")],
        [C("总体目标完成情况", 1, 2), C("总体目标", 3), C("全年实际完成情况", 3)],
        [C("维修农村供水工程15处", 3), C("完成维修16处", 3)],
        [C("绩效指标", 1, 5), C("一级指标"), C("二级指标"), C("三级指标"), C("指标值"), C("全年完成值"),
         C("未完成原因和改进措施")],
        [C("产出指标", 1, 2)] + [C(c) for c in inds[0][1:]] + [C("")],
        [C(c) for c in inds[1][1:]] + [C("")],
        [C(c) for c in inds[2]] + [C("")],
        [C(c) for c in inds[3]] + [C("")],
        [C("说明", 2), C("无", 5)],
    ]
    truth = record(
        title="县级专项资金绩效目标自评表", year=2021, project_name="青禾县农村饮水安全维修养护",
        department="青禾县水务局", implementer="青禾县供水管理站", fund_unit="万元",
        funds=[fund("年度资金总额", "total", None, "80.00", "78.40", None, "98.00%", None),
               fund("其中:中央补助", "central", None, "50.00", "50.00", None, "100.00%", None),
               fund("地方资金", "local", None, "30.00", "28.40", None, "94.67%", None),
               fund("其他资金", "other", None, "0.00", "0.00", None, "0.00%", None)],
        goals=dict(expected="维修农村供水工程15处", achieved="完成维修16处"),
        indicators=[ind(*i, None, None) for i in inds], extra=[ex("说明", "无")])
    return dict(name="a4", head=["2021年度县级专项资金绩效目标自评表"], rows=rows, foot=[],
                truth=[truth])


def a7():
    """Ningxia rubric: (2021年) without 度, 自评得分 and 财政审核评分 in the
    header, no fund weight, 参考分值 before 指标值(A), rubric level-1 labels
    with points, 合计."""
    inds = [("项目决策(10分)", "项目立项", "立项规范性", "10", "规范", "规范", "10", ""),
            ("项目管理(25分)", "资金管理", "资金到位率", "25", "100%", "100%", "25", ""),
            ("项目产出(30分)", "数量指标(10分)", "维护路灯数量", "10", "≥12000盏", "12500盏", "10", ""),
            ("项目产出(30分)", "质量指标(20分)", "亮灯率", "20", "≥98%", "97.5%", "19.5", "部分线路老化，已列入改造计划"),
            ("项目效益(35分)", "社会效益指标", "夜间出行安全", "35", "明显改善", "有所改善", "31", "部分老旧路段灯具待更换")]
    rows = [
        [C("项目名称", 2), C("银川市城市道路照明维护", 2), C("自评得分"), C("95.5"), C("财政审核评分"), C("94")],
        [C("主管部门", 2), C("银川市市政管理局", 2), C("实施单位"), C("银川市路灯管理所", 3)],
        [C("项目资金(万元)", 1, 3), C(""), C("年初预算数"), C("调整预算数(A)"), C("全年执行数(B)"),
         C("执行率(B/A)", 3)],
        [C("年度资金总额"), C("400.00"), C("420.00"), C("411.60"), C("98.00%", 3)],
        [C("其中:财政资金"), C("400.00"), C("420.00"), C("411.60"), C("98.00%", 3)],
        [C("一级指标"), C("二级指标"), C("三级指标"), C("参考分值"), C("指标值(A)"), C("全年实际值(B)"),
         C("得分"), C("未完成原因分析及改进措施")],
        [C(c) for c in inds[0]],
        [C(c) for c in inds[1]],
        [C(inds[2][0], 1, 2)] + [C(c) for c in inds[2][1:]],
        [C(c) for c in inds[3][1:]],
        [C(c) for c in inds[4]],
        [C("合计", 3), C("100"), C(""), C(""), C("95.5"), C("")],
    ]
    truth = record(
        title="银川市本级部门项目支出绩效自评表", year=2021, project_name="银川市城市道路照明维护",
        department="银川市市政管理局", implementer="银川市路灯管理所", fund_unit="万元",
        funds=[fund("年度资金总额", "total", "400.00", "420.00", "411.60", None, "98.00%", None),
               fund("其中:财政资金", "current_appropriation", "400.00", "420.00", "411.60", None, "98.00%", None)],
        indicators=[ind(i[0], i[1], i[2], i[4], i[5], i[3], i[6], i[7] or None) for i in inds],
        total_weight=100.0, total_score=95.5, review_score=94.0)
    return dict(name="a7", head=["银川市本级部门项目支出绩效自评表(2021年)"], rows=rows, foot=[],
                truth=[truth])


def d2():
    """Chongqing department form: 财政处室 / 自评总分(分) / 部门联系人 in the
    header, 部门预算执行情况 with 执行率权重 and 执行率得分, an indicator
    table without level columns, with 计量单位, 指标性质, 调整指标值, 得分系数
    and 是否核心指标."""
    inds = [("统计调查项目数", "项", "≥", "12", "12", "13", "100", "30", "30", "是"),
            ("数据上报及时率", "%", "=", "100", "100", "100", "100", "30", "30", "是"),
            ("统计信息公开数量", "条", "≥", "50", "50", "52", "100", "20", "20", "否"),
            ("社会公众满意度", "%", "≥", "90", "90", "93", "100", "10", "10", "否")]
    rows = [
        [C("部门名称", 2), C("重庆市某区统计局", 3), C("主管部门", 2), C("重庆市某区人民政府", 3)],
        [C("财政处室", 2), C("行政政法科"), C("自评总分(分)", 2), C("99.8"), C("部门联系人", 2), C("赵六", 2)],
        [C("联系电话", 2), C("023-00000000", 8)],
        [C("部门预算执行情况(万元)", 4), C("年初预算数"), C("全年(调整)预算数"), C("全年执行数"),
         C("执行率(%)"), C("执行率权重"), C("执行率得分(分)")],
        [C("年度资金总额", 4), C("800.00"), C("850.00"), C("833.00"), C("98.00%"), C("10"), C("9.8")],
        [C("指标名称"), C("计量单位"), C("指标性质"), C("年初指标值"), C("调整指标值"), C("全年完成值"),
         C("得分系数(%)"), C("指标权重(分)"), C("指标得分(分)"), C("是否核心指标")],
    ] + [[C(c) for c in i] for i in inds]
    truth = record(
        kind="department", title="部门整体绩效自评表", department="重庆市某区统计局", fund_unit="万元",
        funds=[fund("年度资金总额", "total", "800.00", "850.00", "833.00", "10", "98.00%", "9.8")],
        indicators=[ind(None, None, i[0], i[3], i[5], i[7], i[8], None, nature=i[2], unit=i[1],
                        core=(i[9] == "是")) for i in inds],
        total_score=99.8,
        extra=[ex("财政处室", "行政政法科"), ex("部门联系人", "赵六"), ex("联系电话", "023-00000000")]
        + [e for k, i in enumerate(inds)
           for e in (ex(f"indicators[{k}].调整指标值", i[4]), ex(f"indicators[{k}].得分系数(%)", i[6]))])
    return dict(name="d2", head=["部门整体绩效自评表"], rows=rows, foot=[], truth=[truth])


def d3():
    """Anhui department rubric: 序号 | 一级 | 二级 | 三级 | 指标分值 | 指标解释 |
    指标说明及评分标准 | 自评得分, labels with points, no funds block."""
    inds = [("投入(20分)", "预算编制(10分)", "预算编制准确率", "5", "反映预算编制的准确程度", "≥95%得满分", "5"),
            ("投入(20分)", "预算编制(10分)", "“三公经费”变动率", "5", "反映三公经费变动", "≤0得满分", "5"),
            ("投入(20分)", "预算执行(10分)", "预算执行率", "10", "反映预算执行进度", "≥98%得满分", "9.6"),
            ("过程(30分)", "规划(15分)", "中长期规划完善性", "15", "反映规划制定情况", "完善得满分", "15"),
            ("过程(30分)", "管理(15分)", "内控制度健全性", "15", "反映内控制度建设", "健全得满分", "14"),
            ("产出(30分)", "审计项目(30分)", "审计项目完成率", "30", "反映计划完成", "≥100%得满分", "30"),
            ("效果(20分)", "满意度(20分)", "被审计单位满意度", "20", "反映满意程度", "≥90%得满分", "18")]
    rows = [
        [C("部门(单位)名称", 2), C("某县审计局", 6)],
        [C("序号"), C("一级指标"), C("二级指标"), C("三级指标"), C("指标分值"), C("指标解释"),
         C("指标说明及评分标准"), C("自评得分")],
        [C("1"), C(inds[0][0], 1, 3), C(inds[0][1], 1, 2)] + [C(c) for c in inds[0][2:]],
        [C("2")] + [C(c) for c in inds[1][2:]],
        [C("3"), C(inds[2][1])] + [C(c) for c in inds[2][2:]],
        [C("4"), C(inds[3][0], 1, 2), C(inds[3][1])] + [C(c) for c in inds[3][2:]],
        [C("5"), C(inds[4][1])] + [C(c) for c in inds[4][2:]],
        [C("6")] + [C(c) for c in inds[5]],
        [C("7")] + [C(c) for c in inds[6]],
        [C("合计", 4), C("100"), C(""), C(""), C("96.6")],
    ]
    truth = record(
        kind="department", title="部门整体支出绩效评价自评表", year=2023, department="某县审计局",
        indicators=[ind(i[0], i[1], i[2], None, None, i[3], i[6], None, explanation=i[4],
                        criteria=i[5]) for i in inds],
        total_weight=100.0, total_score=96.6)
    return dict(name="d3", head=["2023年度部门整体支出绩效评价自评表"], rows=rows, foot=[],
                truth=[truth])


def a5():
    """Yunnan 2020: year before the title, the A1 funds block, a two-row
    indicator header where 年度指标值 spans 指标性质 | 指标值 | 度量单位."""
    inds = [("产出指标", "数量指标", "绿地养护面积", "≥", "120", "万平方米", "122", "30.00", "30.00"),
            ("产出指标", "质量指标", "苗木成活率", "≥", "95", "%", "96", "20.00", "20.00"),
            ("效益指标", "生态效益指标", "城区绿化覆盖率", "≥", "40", "%", "40.5", "30.00", "30.00"),
            ("满意度指标", "服务对象满意度指标", "市民满意度", "≥", "90", "%", "91", "10.00", "10.00")]
    rows = [
        [C("项目名称", 2), C("云溪市城区绿化养护项目", 8)],
        [C("主管部门", 2), C("云溪市住房和城乡建设局", 3), C("实施单位", 2), C("云溪市园林绿化中心", 3)],
        [C("项目资金(万元)", 2, 5), C("", 2), C("年初预算数"), C("全年预算数"), C("全年执行数"), C("分值"),
         C("执行率"), C("得分")],
        [C("年度资金总额", 2), C("200.00"), C("210.00"), C("205.80"), C("10"), C("98.00%"), C("9.80")],
        [C("其中:当年财政拨款", 2), C("200.00"), C("210.00"), C("205.80"), C("—"), C("98.00%"), C("—")],
        [C("上年结转资金", 2), C("0.00"), C("0.00"), C("0.00"), C("—"), C("—"), C("—")],
        [C("其他资金", 2), C("0.00"), C("0.00"), C("0.00"), C("—"), C("—"), C("—")],
        [C("年度总体目标", 1, 2), C("预期目标", 4), C("实际完成情况", 5)],
        [C("完成城区绿地养护120万平方米", 4), C("完成养护122万平方米，苗木成活率96%", 5)],
        [C("绩效指标", 3), C("年度指标值", 3), C("实际完成值", 1, 2), C("分值", 1, 2), C("得分", 1, 2),
         C("偏差原因分析及改进措施", 1, 2)],
        [C("一级指标"), C("二级指标"), C("三级指标"), C("指标性质"), C("指标值"), C("度量单位")],
        [C("产出指标", 1, 2)] + [C(c) for c in inds[0][1:]] + [C("")],
        [C(c) for c in inds[1][1:]] + [C("")],
        [C(c) for c in inds[2]] + [C("")],
        [C(c) for c in inds[3]] + [C("")],
        [C("总分", 7), C("100.00"), C("99.80"), C("")],
    ]
    truth = record(
        title="项目支出绩效自评表", year=2020, project_name="云溪市城区绿化养护项目",
        department="云溪市住房和城乡建设局", implementer="云溪市园林绿化中心", fund_unit="万元",
        funds=[fund("年度资金总额", "total", "200.00", "210.00", "205.80", "10", "98.00%", "9.80"),
               fund("其中:当年财政拨款", "current_appropriation", "200.00", "210.00", "205.80", None, "98.00%", None),
               fund("上年结转资金", "carryover", "0.00", "0.00", "0.00", None, None, None),
               fund("其他资金", "other", "0.00", "0.00", "0.00", None, None, None)],
        goals=dict(expected="完成城区绿地养护120万平方米", achieved="完成养护122万平方米，苗木成活率96%"),
        indicators=[ind(i[0], i[1], i[2], i[4], i[6], i[7], i[8], None, nature=i[3], unit=i[5])
                    for i in inds],
        total_weight=100.0, total_score=99.8)
    return dict(name="a5", head=["2020年度项目支出绩效自评表"], rows=rows, foot=[], truth=[truth])


def a6():
    """Hubei rubric: 自评总分 in the header, 项目属性 checkboxes, 填报日期, a
    sources funds layout (中央 | 省、地 | 本级 | 其他 | 合计 | 执行数 | 执行率),
    rubric levels with points, 年初指标值 | 年终完成值 | 自评分 | 复核分 | 评价标准
    and no 分值 column."""
    inds = [("项目决策(20分)", "项目立项(10分)", "立项依据充分性", "充分", "充分", "10", "10", "依据充分得10分"),
            ("项目决策(20分)", "绩效目标(10分)", "绩效目标明确性", "明确", "明确", "10", "10", "目标明确得10分"),
            ("项目管理(20分)", "资金管理(20分)", "资金使用合规性", "合规", "合规", "20", "18", "合规得20分"),
            ("项目绩效(60分)", "产出指标(40分)", "资助学生人数", "≥1200人", "1250人", "40", "40", "完成得40分"),
            ("项目绩效(60分)", "效益指标(20分)", "困难学生资助覆盖率", "100%", "100%", "18", "16", "按比例得分")]
    rows = [
        [C("项目名称", 2), C("学生资助补助项目", 4), C("自评总分"), C("98")],
        [C("项目主管单位", 2), C("广水市教育局", 2), C("项目实施单位", 2), C("广水市学生资助中心", 2)],
        [C("项目属性", 2), C("1、常年性☑ 2、延续性□ 3、一次性□ 4、新增性□", 6)],
        [C("填报日期", 2), C("2023年2月10日", 6)],
        [C("资金情况(万元)"), C("中央"), C("省、地"), C("本级"), C("其他"), C("合计"), C("执行数"), C("执行率")],
        [C("年度资金总额"), C("60.00"), C("20.00"), C("20.00"), C("0.00"), C("100.00"), C("98.00"), C("98.00%")],
        [C("一级指标"), C("二级指标"), C("指标名称(三级指标)"), C("年初指标值"), C("年终完成值"), C("自评分"),
         C("复核分"), C("评价标准")],
        [C(inds[0][0], 1, 2)] + [C(c) for c in inds[0][1:]],
        [C(c) for c in inds[1][1:]],
        [C(c) for c in inds[2]],
        [C(inds[3][0], 1, 2)] + [C(c) for c in inds[3][1:]],
        [C(c) for c in inds[4][1:]],
    ]
    truth = record(
        title="广水市财政预算支出项目绩效目标自评表", project_name="学生资助补助项目",
        department="广水市教育局", implementer="广水市学生资助中心", fund_unit="万元",
        funds=[fund("年度资金总额", "total", None, "100.00", "98.00", None, "98.00%", None)],
        indicators=[ind(i[0], i[1], i[2], i[3], i[4], None, i[5], None, review=i[6], criteria=i[7])
                    for i in inds],
        total_score=98.0,
        extra=[ex("项目属性", "1、常年性☑ 2、延续性□ 3、一次性□ 4、新增性□"), ex("填报日期", "2023年2月10日"),
               ex("funds[0].中央", "60.00"), ex("funds[0].省、地", "20.00"), ex("funds[0].本级", "20.00"),
               ex("funds[0].其他", "0.00")])
    return dict(name="a6", head=["广水市财政预算支出项目绩效目标自评表"], rows=rows, foot=[],
                truth=[truth])


def d1():
    """Hunan department form after a 基础数据表: 预算部门, a 年度预算申请 block
    whose 按收入性质分 / 按支出性质分 rows print label and amount in one cell,
    and a 年度主要任务 block (into extra)."""
    inds = [("产出指标", "数量指标", "不动产登记办件量", "≥8000件", "8600件", "30", "30"),
            ("产出指标", "质量指标", "登记差错率", "≤1%", "0.5%", "20", "20"),
            ("效益指标", "社会效益指标", "群众办事便利度", "明显提升", "明显提升", "30", "30"),
            ("满意度指标", "服务对象满意度指标", "办事群众满意度", "≥90%", "95%", "10", "10")]
    rows = [
        [C("预算部门", 2), C("某县自然资源局", 6)],
        [C("年度预算申请(万元)", 2, 4), C("年初预算数"), C("全年预算数"), C("全年执行数"), C("分值"),
         C("执行率"), C("自评得分")],
        [C("年度资金总额", 2), C("1,500.00"), C("1,600.00"), C("1,568.00"), C("10"), C("98.00%"), C("9.8")],
        [C("其中:一般公共预算:1,400.00", 3), C("其中:基本支出:900.00", 3)],
        [C("政府性基金拨款:200.00", 3), C("项目支出:700.00", 3)],
        [C("年度主要任务", 2, 3), C("任务名称", 2), C("主要内容", 3), C("预算数")],
        [C("不动产登记", 2), C("全年办理不动产登记8000件以上", 3), C("600.00")],
        [C("耕地保护", 2), C("完成耕地保护督查全覆盖", 3), C("400.00")],
        [C("一级指标", 2), C("二级指标"), C("三级指标"), C("年度指标值"), C("实际完成值"), C("分值"), C("得分")],
        [C("产出指标", 2, 2)] + [C(c) for c in inds[0][1:]],
        [C(c) for c in inds[1][1:]],
        [C(inds[2][0], 2)] + [C(c) for c in inds[2][1:]],
        [C(inds[3][0], 2)] + [C(c) for c in inds[3][1:]],
        [C("总分", 6), C("100"), C("99.8")],
    ]
    truth = record(
        kind="department", title="部门整体支出绩效自评表", year=2023, department="某县自然资源局",
        fund_unit="万元",
        funds=[fund("年度资金总额", "total", "1,500.00", "1,600.00", "1,568.00", "10", "98.00%", "9.8")],
        indicators=[ind(*i) for i in inds], total_weight=100.0, total_score=99.8,
        extra=[ex("其中:一般公共预算", "1,400.00"), ex("其中:基本支出", "900.00"),
               ex("政府性基金拨款", "200.00"), ex("项目支出", "700.00"),
               ex("年度主要任务[0].任务名称", "不动产登记"),
               ex("年度主要任务[0].主要内容", "全年办理不动产登记8000件以上"),
               ex("年度主要任务[0].预算数", "600.00"), ex("年度主要任务[1].任务名称", "耕地保护"),
               ex("年度主要任务[1].主要内容", "完成耕地保护督查全覆盖"), ex("年度主要任务[1].预算数", "400.00")])
    return dict(name="d1", head=["附件二", "2023年度部门整体支出绩效自评表"], rows=rows, foot=[],
                truth=[truth])


FAMILIES = [a2, a3, a4, a5, a6, a7, d1, d2, d3]
