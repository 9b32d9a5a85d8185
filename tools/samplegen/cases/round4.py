"""Round 4 case list: the forms of each variant4_NN sample and its layout options."""
from decimal import Decimal as D
import hashlib
from samplegen.templates import NT, W8, mkform, partial, pct_trim, table4, total_row, txt_dump
from samplegen.build import render_r4 as render, simple_r4 as simple
from cases.round3 import form_base, forms_two_pages
from samplegen.layout import A4
from samplegen.fonts import CIDFontUCS2
from samplegen.pdf import Name, PDF, Stream
from samplegen.truth import check4, grid_doc4, record4
from samplegen.producers import rasterise
from samplegen.assemble import build_pdf3


# ------------------------------------------------------------------ 01 numbered level labels
def forms_numbered():
    f1 = mkform(
        "松陵县农村公路安全生命防护工程", "松陵县交通运输局", "松陵县农村公路管理所",
        [("年度资金总额", "total", D("860.00"), D("860.00"), D("842.28")),
         ("其中：当年财政拨款", "current_appropriation", D("800.00"), D("800.00"), D("785.10")),
         ("上年结转资金", "carryover", D("60.00"), D("60.00"), D("57.18")),
         ("其他资金", "other", D("0.00"), D("0.00"), D("0.00"))], 10,
        [("一、产出指标", "（一）数量指标", "指标1：实施安全生命防护工程里程", "≥120公里", "126.5公里", "10", "10", ""),
         ("一、产出指标", "（一）数量指标", "指标2：设置波形护栏", "≥45公里", "41.2公里", "10", partial("41.2", "45", "10"),
          "部分路段涉及征地协调，3.8公里护栏顺延至次年实施。"),
         ("一、产出指标", "（二）质量指标", "指标3：工程交工验收合格率", "=100%", "100%", "10", "10", ""),
         ("一、产出指标", "（三）时效指标", "指标4：工程完工时间", "11月30日前", "11月30日前", "10", "10", ""),
         ("一、产出指标", "（四）成本指标", "指标5：每公里综合造价", "≤7万元", "6.68万元", "10", "10", ""),
         ("二、效益指标", "（一）社会效益指标", "指标6：农村公路交通事故起数同比下降", "≥10%", "12.4%", "15", "15", ""),
         ("二、效益指标", "（二）可持续影响指标", "指标7：防护设施管护责任落实率", "=100%", "100%", "10", "10", ""),
         ("三、满意度指标", "（一）服务对象满意度指标", "指标8：沿线群众满意度", "≥90%", "92.6%", "15", "15", "")],
        ("对全县120公里临水临崖、急弯陡坡路段实施安全生命防护工程，设置波形护栏45公里，降低农村公路交通事故发生率。",
         "完成安全生命防护工程126.5公里，设置波形护栏41.2公里，农村公路交通事故起数同比下降12.4%。"))
    f2 = mkform(
        "松陵县义务教育阶段学校课后服务补助", "松陵县教育局", "松陵县教育局基础教育股",
        [("年度资金总额", "total", D("245.00"), D("245.00"), D("238.16")),
         ("其中：当年财政拨款", "current_appropriation", D("245.00"), D("245.00"), D("238.16")),
         ("上年结转资金", "carryover", D("0.00"), D("0.00"), D("0.00")),
         ("其他资金", "other", D("0.00"), D("0.00"), D("0.00"))], 10,
        [("产出指标（50分）", "1.数量指标", "（1）开展课后服务学校数", "≥36所", "36所", "20", "20", ""),
         ("产出指标（50分）", "1.数量指标", "（2）参与课后服务学生人数", "≥2.1万人", "1.96万人", "10",
          partial("1.96", "2.1", "10"), "部分学生家长选择自行接送，参与人数略低于预期；下一步丰富课后服务内容。"),
         ("产出指标（50分）", "2.质量指标", "（3）课后服务学校覆盖率", "=100%", "100%", "10", "10", ""),
         ("产出指标（50分）", "3.时效指标", "（4）补助资金发放及时率", "=100%", "100%", "10", "10", ""),
         ("效益指标（30分）", "1.社会效益指标", "（5）学生家长接送负担", "有效减轻", "有效减轻", "15", "15", ""),
         ("效益指标（30分）", "1.社会效益指标", "（6）教师参与课后服务积极性", "明显提高", "有所提高", "15", "12",
          "课后服务补助标准偏低，教师参与积极性提升有限；下一步完善补助分配办法。"),
         ("满意度指标（10分）", "1.服务对象满意度指标", "（7）学生家长满意度", "≥90%", "95.1%", "10", "10", "")],
        ("全县36所义务教育学校全部开展课后服务，参与学生2.1万人以上，有效减轻家长接送负担。",
         "36所学校全部开展课后服务，参与学生1.96万人，家长满意度95.1%。"),
        national=False, widths=W8, header_rows=lambda f, n: [
            [("项目名称", 2), (f["project_name"], 6, "l")],
            [("主管部门", 2), (f["department"], 2, "l"), ("实施单位", 1), (f["implementer"], 3, "l")]],
        goal_split=3)
    return [f1, f2]


def s01():
    return simple("variant4_01_numbered_level_labels", forms_numbered(),
                  "form 1 national: 一级 一、产出指标 / 二、效益指标, 二级 （一）数量指标, names 指标1：…; "
                  "form 2 8 columns: 一级 产出指标（50分）, 二级 1.数量指标, names （1）…",
                  ["numbered_level1", "numbered_level2", "name_prefix_指标N", "level1_with_points"], pages=2)


# ------------------------------------------------------------------ 02 indicator header wording
def forms_headwords():
    f1 = mkform(
        "柏溪市城市公共自行车系统运营维护", "柏溪市交通运输局", "柏溪市公共交通服务中心",
        [("年度资金总额", "total", D("318.00"), D("318.00"), D("309.46")),
         ("其中：当年财政拨款", "current_appropriation", D("318.00"), D("318.00"), D("309.46")),
         ("上年结转资金", "carryover", D("0.00"), D("0.00"), D("0.00")),
         ("其他资金", "other", D("0.00"), D("0.00"), D("0.00"))], 10,
        [("产出指标", "数量指标", "投放公共自行车", "≥3000辆", "3000辆", "10", "10", ""),
         ("产出指标", "数量指标", "维护服务站点", "≥120个", "112个", "10", partial("112", "120", "10"),
          ("部分站点因道路改造临时撤除。", "道路改造完成后恢复设站，并增设临时站点。")),
         ("产出指标", "质量指标", "车辆完好率", "≥95%", "96.3%", "10", "10", ""),
         ("产出指标", "时效指标", "故障车辆24小时修复率", "≥90%", "85%", "10", partial("85", "90", "10"),
          ("维修配件采购周期较长。", "")),
         ("产出指标", "成本指标", "单车年均运维成本", "≤650元", "638元", "10", "10", ""),
         ("效益指标", "社会效益指标", "日均骑行人次", "≥1.2万人次", "1.26万人次", "15", "15", ""),
         ("效益指标", "可持续影响指标", "运营管理制度", "健全", "健全", "10", "10", ""),
         ("满意度指标", "服务对象满意度指标", "市民满意度", "≥85%", "83%", "15", partial("83", "85", "15"),
          ("", "下一步优化站点布局，缩短高峰期调度时间。"))],
        ("投放公共自行车3000辆，维护服务站点120个，车辆完好率95%以上，日均骑行1.2万人次以上。",
         "投放公共自行车3000辆，维护服务站点112个，车辆完好率96.3%，日均骑行1.26万人次。"),
        national=False, widths=[44, 52, 86, 58, 58, 40, 40, 70, 67],
        ind_cols=["l1", "l2", "name", "tgt", "act", "w", "sc", "devr", "devm"],
        ind_heads={"tgt": "预期指标值", "act": "全年实际值", "w": "权重(%)", "sc": "评分"},
        fund_heads={"weight": "权重(%)"},
        header_rows=lambda f, n: [
            [("项目名称", 2), (f["project_name"], n - 2, "l")],
            [("主管部门", 2), (f["department"], 3, "l"), ("实施单位", 2), (f["implementer"], 2, "l")]],
        goal_split=4)
    f2 = mkform(
        "柏溪市老年人助餐服务补贴", "柏溪市民政局", "柏溪市养老服务指导中心",
        [("年度资金总额", "total", D("180.00"), D("192.00"), D("188.35")),
         ("其中：当年财政拨款", "current_appropriation", D("180.00"), D("180.00"), D("177.15")),
         ("上年结转资金", "carryover", D("0.00"), D("12.00"), D("11.20")),
         ("其他资金", "other", D("0.00"), D("0.00"), D("0.00"))], 10,
        [("产出指标", "数量指标", "老年助餐点建设", "≥40个", "42个", "15", "15", ""),
         ("产出指标", "数量指标", "助餐服务人次", "≥18万人次", "17.1万人次", "15", partial("17.1", "18", "15"),
          "部分助餐点开业时间推迟，服务人次未达预期；下一步加大宣传力度。"),
         ("产出指标", "质量指标", "食品安全抽检合格率", "=100%", "100%", "10", "10", ""),
         ("产出指标", "时效指标", "补贴发放时间", "按季度发放", "按季度发放", "10", "10", ""),
         ("效益指标", "社会效益指标", "老年人就餐便利度", "明显提高", "明显提高", "20", "20", ""),
         ("满意度指标", "服务对象满意度指标", "助餐老人满意度", "≥90%", "94.5%", "20", "20", "")],
        ("新建老年助餐点40个，全年提供助餐服务18万人次以上，食品安全抽检合格率100%。",
         "建成老年助餐点42个，提供助餐服务17.1万人次，食品安全抽检全部合格。"),
        ind_heads={"tgt": "目标值", "act": "实际值", "w": "指标分值", "sc": "自评得分", "dev": "原因分析及改进措施"},
        fund_heads={"weight": "权重", "score": "自评得分"})
    return [f1, f2]


def s02():
    return simple("variant4_02_indicator_header_wording", forms_headwords(),
                  "form 1 (9 columns, no 绩效指标 column): 预期指标值 / 全年实际值 / 权重(%) / 评分 / 偏差原因 + 改进措施 "
                  "in two columns; form 2 national: 目标值 / 实际值 / 指标分值 / 自评得分 / 原因分析及改进措施, fund "
                  "columns 权重 / 自评得分",
                  ["header_预期指标值", "header_全年实际值", "header_权重", "header_评分", "deviation_two_columns",
                   "header_目标值_实际值", "header_指标分值_自评得分"], pages=2)


# ------------------------------------------------------------------ 03 funds wording
def forms_funds():
    f1 = mkform(
        "鹤鸣区老旧小区既有住宅加装电梯补助", "鹤鸣区住房和城乡建设局", "鹤鸣区房屋安全管理中心",
        [("年度资金总额", "total", D("520.00"), D("520.00"), D("512.20")),      # 年初 not printed
         ("其中：上级补助", "unknown", D("300.00"), D("300.00"), D("300.00")),
         ("本级财政资金", "current_appropriation", D("220.00"), D("220.00"), D("212.20"))], 10,
        [("产出指标", "数量指标", "加装电梯台数", "≥65台", "68台", "15", "15", ""),
         ("产出指标", "质量指标", "电梯验收合格率", "=100%", "100%", "15", "15", ""),
         ("产出指标", "时效指标", "补助资金拨付时间", "验收后30日内", "验收后30日内", "10", "10", ""),
         ("产出指标", "成本指标", "单台补助标准", "≤8万元", "8万元", "10", "10", ""),
         ("效益指标", "社会效益指标", "受益居民户数", "≥1500户", "1612户", "20", "20", ""),
         ("满意度指标", "服务对象满意度指标", "加装小区居民满意度", "≥90%", "88%", "20", partial("88", "90", "20"),
          "个别小区低层住户对噪音和采光影响有意见；下一步加强施工前协商。")],
        ("完成既有住宅加装电梯65台以上，补助资金验收后30日内拨付，惠及居民1500户以上。",
         "完成加装电梯68台，补助资金全部按期拨付，惠及居民1612户。"),
        rate_fmt=pct_trim, fund_cols=["annual", "executed", "weight", "rate", "score"],
        fund_head="预算执行情况（万元）",
        fund_heads={"annual": "调整后预算数（A）", "executed": "全年执行数（B）", "rate": "执行率（B/A）"},
        widths=[38, 52, 58, 96, 56, 56, 50, 42, 67])
    f2 = mkform(
        "鹤鸣区农村生活污水治理", "鹤鸣区生态环境分局", "鹤鸣区农村污水治理中心",
        [("年度资金总额", "total", D("1450.00"), D("1450.00"), D("1380.40")),
         ("其中：中央补助", "central", D("800.00"), D("800.00"), D("780.40")),
         ("地方资金", "local", D("650.00"), D("650.00"), D("600.00"))], 10,
        [("产出指标", "数量指标", "新建污水处理设施", "≥12座", "12座", "15", "15", ""),
         ("产出指标", "数量指标", "铺设污水收集管网", "≥46公里", "43.5公里", "15", partial("43.5", "46", "15"),
          "部分管网路由需穿越河道，审批时间较长；剩余工程量纳入次年计划。"),
         ("产出指标", "质量指标", "出水水质达标率", "≥95%", "97.2%", "10", "10", ""),
         ("产出指标", "时效指标", "项目完工时间", "12月底前", "12月底前", "10", "10", ""),
         ("效益指标", "生态效益指标", "农村生活污水治理率", "≥60%", "62.5%", "20", "20", ""),
         ("满意度指标", "服务对象满意度指标", "受益农户满意度", "≥90%", "91%", "20", "20", "")],
        ("新建农村污水处理设施12座，铺设收集管网46公里，农村生活污水治理率达到60%以上。",
         "新建污水处理设施12座，铺设收集管网43.5公里，农村生活污水治理率62.5%。"),
        rate_fmt=lambda r: f"{r:.2f}%", amt_fmt=lambda v: f"{v:,.2f}", fund_label_head="资金来源",
        fund_heads={"annual": "全年预算数（A）", "executed": "全年执行数（B）", "rate": "执行率（B/A）"})
    return [f1, f2]


def s03():
    return simple("variant4_03_funds_wording", forms_funds(),
                  "form 1: fund block 预算执行情况（万元）, columns 调整后预算数（A） / 全年执行数（B） / 分值 / 执行率（B/A） "
                  "/ 得分 (no 年初预算数), rates 98.5%, 其中：上级补助 (unknown) / 本级财政资金; form 2: 资金来源 in the "
                  "label header cell, rates 95.20%, amounts 1,450.00",
                  ["fund_head_预算执行情况", "调整后预算数", "no_initial_budget", "rate_pct_trimmed",
                   "上级补助_unknown", "label_header_资金来源"], pages=2)


def s10():
    f = forms_funds()[0]
    f = dict(f, project_name="鹤鸣区老旧小区既有住宅加装电梯补助（续建）", fund_head="项目资金（万元）",
             fund_cols=["annual", "executed", "rate", "score"], fund_weight_row=True)
    return simple("variant4_10_fund_weight_row", [f],
                  "standard fund block 项目资金（万元） without a 分值 column: the fund weight printed in its own row "
                  "分值 | 10 under the fund rows (value over the four value columns); no 年初预算数; rates 98.5%",
                  ["fund_weight_row", "no_initial_budget", "rate_pct_trimmed"], pages=1)


# ------------------------------------------------------------------ 04 header block wording
def forms_header():
    f1 = mkform(
        "清源县高标准农田建设", "清源县农业农村局", "清源县农田建设管理站",
        [("年度资金总额", "total", D("2360.00"), D("2360.00"), D("2298.46")),
         ("其中：当年财政拨款", "current_appropriation", D("2000.00"), D("2000.00"), D("1950.26")),
         ("上年结转资金", "carryover", D("360.00"), D("360.00"), D("348.20")),
         ("其他资金", "other", D("0.00"), D("0.00"), D("0.00"))], 10,
        [("产出指标", "数量指标", "新建高标准农田面积", "≥2.6万亩", "2.6万亩", "15", "15", ""),
         ("产出指标", "质量指标", "耕地质量等级提升", "≥0.5等", "0.5等", "15", "15", ""),
         ("产出指标", "时效指标", "工程竣工验收时间", "次年3月底前", "次年3月底前", "10", "10", ""),
         ("产出指标", "成本指标", "亩均财政投入", "≤3000元", "907元", "10", "10", ""),
         ("效益指标", "经济效益指标", "亩均粮食产能提升", "≥100斤", "96斤", "15", partial("96", "100", "15"),
          "部分项目区当年受旱，产能提升未完全显现；下一步完善灌排设施。"),
         ("效益指标", "可持续影响指标", "工程管护机制", "建立", "已建立", "10", "10", ""),
         ("满意度指标", "服务对象满意度指标", "项目区农户满意度", "≥90%", "93%", "15", "15", "")],
        ("新建高标准农田2.6万亩，耕地质量等级提升0.5等以上，亩均粮食产能提升100斤以上。",
         "建成高标准农田2.6万亩，耕地质量等级提升0.5等，亩均粮食产能提升96斤。"),
        amt_fmt=lambda v: f"{v:,.2f}",
        header_rows=lambda f, n: [
            [("项目名称", 2), (f["project_name"], 3, "l"), ("项目编号", 1), ("530621-2023-0117", 3, "l")],
            [("主管部门（单位）", 2), (f["department"], 3, "l"), ("项目实施单位", 1), (f["implementer"], 3, "l")],
            [("项目类别", 2), ("专项业务类", 3, "l"), ("项目属性", 1), ("经常性项目", 3, "l")]])
    f2 = mkform(
        "清源县乡村医生岗位补助", "清源县卫生健康局", "清源县基层卫生服务中心",
        [("年度资金总额", "total", D("96.00"), D("96.00"), D("96.00")),
         ("其中：当年财政拨款", "current_appropriation", D("96.00"), D("96.00"), D("96.00")),
         ("上年结转资金", "carryover", D("0.00"), D("0.00"), D("0.00")),
         ("其他资金", "other", D("0.00"), D("0.00"), D("0.00"))], 10,
        [("产出指标", "数量指标", "补助乡村医生人数", "≥320人", "320人", "20", "20", ""),
         ("产出指标", "质量指标", "乡村医生在岗率", "≥95%", "97.5%", "15", "15", ""),
         ("产出指标", "时效指标", "补助发放及时率", "=100%", "100%", "15", "15", ""),
         ("效益指标", "社会效益指标", "村卫生室服务覆盖率", "=100%", "98.8%", "20", partial("98.8", "100", "20"),
          "2个偏远村卫生室乡村医生退休后暂未补充；下一步通过县招乡用补足。"),
         ("满意度指标", "服务对象满意度指标", "村民满意度", "≥90%", "92%", "20", "20", "")],
        ("为全县320名在岗乡村医生发放岗位补助，保障村卫生室正常运转。",
         "为320名乡村医生足额发放岗位补助，村卫生室服务覆盖率98.8%。"),
        national=False, widths=W8, goal_split=3,
        header_rows=lambda f, n: [
            [("项目名称", 1), (f["project_name"], 3, "l"), ("项目类别", 1), ("一次性项目", 3, "l")],
            [("主管部门（单位）", 1), (f["department"], 7, "l")],
            [("项目实施单位", 1), (f["implementer"], 7, "l")],
            [("项目负责人", 1), ("周明远", 3, "l"), ("联系电话", 1), ("0871-6521 4408", 3, "l")]])
    return [f1, f2]


def s04():
    return simple("variant4_04_header_block_wording", forms_header(),
                  "form 1 national: 项目名称 | name | 项目编号 | code on one row, 主管部门（单位）, 项目实施单位, a 项目类别 / "
                  "项目属性 row; form 2 8 columns: labels one column wide (wrapping), 项目名称 | name | 项目类别 | value, "
                  "主管部门（单位） and 项目实施单位 rows, 项目负责人 / 联系电话 row",
                  ["项目编号_on_name_row", "主管部门（单位）", "项目实施单位", "项目类别_row", "labels_wrap"], pages=2)


# ------------------------------------------------------------------ 05 total / grade rows
def forms_totals():
    pe = lambda a, b: [("年度资金总额", "total", D(a), D(a), D(b)),
                       ("其中：当年财政拨款", "current_appropriation", D(a), D(a), D(b)),
                       ("上年结转资金", "carryover", D("0.00"), D("0.00"), D("0.00")),
                       ("其他资金", "other", D("0.00"), D("0.00"), D("0.00"))]
    # A: 总  分 (spaces), grade as one full-width cell 自评等级：优秀
    a = mkform(
        "鹤鸣区社区养老服务驿站运营补贴", "鹤鸣区民政局", "鹤鸣区养老服务中心", pe("150.00", "147.30"), 10,
        [("产出指标", "数量指标", "运营养老服务驿站", "≥15个", "15个", "20", "20", ""),
         ("产出指标", "质量指标", "服务规范达标率", "≥95%", "96%", "20", "20", ""),
         ("产出指标", "时效指标", "补贴拨付时间", "按季度拨付", "按季度拨付", "10", "10", ""),
         ("效益指标", "社会效益指标", "服务老年人人次", "≥3.6万人次", "3.82万人次", "20", "20", ""),
         ("满意度指标", "服务对象满意度指标", "老年人满意度", "≥90%", "95%", "20", "20", "")],
        ("支持15个社区养老服务驿站运营，全年服务老年人3.6万人次以上。",
         "15个驿站正常运营，全年服务老年人3.82万人次，老年人满意度95%。"),
        grade="优秀",
        tail=total_row("总  分", lambda f, n: [[("自评等级：优秀", n)]]))
    # B: 综合得分, a 绩效评价结论 text row (ignored), 评分等级 良
    b = mkform(
        "鹤鸣区智慧社区建设", "鹤鸣区政务服务数据管理局", "鹤鸣区大数据中心", pe("400.00", "352.00"), 10,
        [("产出指标", "数量指标", "建成智慧社区", "≥10个", "8个", "20", "16",
          "2个社区改造方案调整，年内未完成建设；已列入次年计划。"),
         ("产出指标", "质量指标", "系统验收合格率", "=100%", "100%", "20", "20", ""),
         ("产出指标", "时效指标", "建设完成时间", "10月底前", "12月底前", "10", "7", "设备到货延迟，建设完成时间推迟两个月。"),
         ("效益指标", "社会效益指标", "社区事务线上办理率", "≥60%", "52%", "20", partial("52", "60", "20"),
          "线上办理事项宣传不足，老年居民使用率低；下一步开展上门指导。"),
         ("满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "86%", "20", partial("86", "90", "20"),
          "部分居民反映系统操作复杂；下一步优化界面。")],
        ("建成智慧社区10个，系统验收合格率100%，社区事务线上办理率达到60%以上。",
         "建成智慧社区8个，系统全部验收合格，社区事务线上办理率52%。"),
        tail=total_row("综合得分", lambda f, n: [
            [("绩效评价结论", 3), ("项目总体完成较好，部分社区建设进度滞后，线上办理率未达预期，评价等级为良。", n - 3, "l")],
            [("评分等级", 3), (f["grade"], n - 3)]]))
    # C: 合计 row, a 自评结论 text row, no grade
    c = mkform(
        "鹤鸣区公共文化场馆免费开放", "鹤鸣区文化和旅游局", "鹤鸣区文化馆", pe("88.00", "86.24"), 10,
        [("产出指标", "数量指标", "免费开放场馆", "≥6个", "6个", "20", "20", ""),
         ("产出指标", "数量指标", "举办公益性文化活动", "≥120场", "126场", "20", "20", ""),
         ("产出指标", "质量指标", "场馆安全责任事故", "=0起", "0起", "10", "10", ""),
         ("效益指标", "社会效益指标", "年接待群众人次", "≥25万人次", "23.5万人次", "20", partial("23.5", "25", "20"),
          "上半年场馆维修闭馆一个月，接待人次减少；下一步错峰安排维修。"),
         ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93%", "20", "20", "")],
        ("全区6个公共文化场馆免费开放，举办公益性文化活动120场以上，年接待群众25万人次以上。",
         "6个场馆全部免费开放，举办公益性文化活动126场，接待群众23.5万人次。"),
        grade=None,
        tail=total_row("合计", lambda f, n: [
            [("自评结论", 3), ("项目实施情况良好，基本达到预期目标。", n - 3, "l")]]))
    # D: no total row and no grade at all
    d = mkform(
        "鹤鸣区儿童青少年近视防控", "鹤鸣区教育局", "鹤鸣区中小学卫生保健所", pe("60.00", "58.50"), 10,
        [("产出指标", "数量指标", "视力筛查学生人数", "≥4.2万人", "4.26万人", "20", "20", ""),
         ("产出指标", "质量指标", "视力筛查覆盖率", "=100%", "100%", "20", "20", ""),
         ("产出指标", "时效指标", "筛查完成时间", "11月底前", "11月底前", "10", "10", ""),
         ("效益指标", "社会效益指标", "近视防控知识知晓率", "≥90%", "92%", "20", "20", ""),
         ("满意度指标", "服务对象满意度指标", "学生家长满意度", "≥90%", "91%", "20", "20", "")],
        ("完成全区中小学生视力筛查4.2万人以上，近视防控知识知晓率达到90%以上。",
         "完成视力筛查4.26万人，近视防控知识知晓率92%。"),
        grade=None, total_weight=None, total_score=None, tail=lambda f, pos, n: [])
    return [a, b, c, d]


def s05():
    return simple("variant4_05_total_grade_rows", forms_totals(),
                  "four forms: 总  分 row + one full-width cell 自评等级：优秀 (grade 优秀); 综合得分 row + 绩效评价结论 "
                  "text row + 评分等级 良; 合计 row + 自评结论 text row, no grade; no total row at all (total null)",
                  ["total_总__分", "grade_自评等级：优秀", "total_综合得分", "绩效评价结论_row", "total_合计",
                   "自评结论_row", "no_total_row"], pages=4)


# ------------------------------------------------------------------ 06 OCR'd scan
def forms_ocr():
    f = form_base()
    g = mkform(f["project_name"], f["department"], f["implementer"],
               [(fr["label"], fr["category"], D(fr["init"]), D(fr["annual"]), D(fr["executed"])) for fr in f["funds"]],
               10, f["indicators"], f["goals"])
    f2 = forms_two_pages()[1]
    g2 = mkform(f2["project_name"], f2["department"], f2["implementer"],
                [(fr["label"], fr["category"], D(fr["init"]), D(fr["annual"]), D(fr["executed"])) for fr in f2["funds"]],
                10, f2["indicators"], f2["goals"])
    return [g, g2]


def s06():
    name = "variant4_06_ocr_scan_invisible_text"
    what = ("OCR'd scan: each page is a 150 dpi grey image of the form with an invisible text layer (3 Tr) exactly "
            "over it; no vector rulings at all (truth: the records, the text layer is complete)")
    spec = dict(name=name, forms=forms_ocr(), pages=2, form_pages=[[1], [2]])
    doc, grids, truth, _ = render(spec)
    visible = build_pdf3(doc.contents(), id_seed=name.encode(), producer=b"raster source")
    images = rasterise(visible)
    doc.ocr = True
    for ops in doc.pages:
        ops[:] = [op for op in ops if op[0] == "T"]
    texts = doc.contents()
    pdf = PDF()
    fonts = {"F1": CIDFontUCS2().make(pdf)}
    pages_ref = pdf.reserve()
    kids = []
    for i, (im, txt) in enumerate(zip(images, texts)):
        img = pdf.add(Stream(im.tobytes(), {"Type": Name("XObject"), "Subtype": Name("Image"), "Width": im.width,
                                            "Height": im.height, "ColorSpace": Name("DeviceGray"),
                                            "BitsPerComponent": 8}))
        content = f"q {A4[0]} 0 0 {A4[1]} 0 0 cm /Im0 Do Q\n".encode() + txt
        c = pdf.add(Stream(content))
        kids.append(pdf.add({"Type": Name("Page"), "Parent": pages_ref, "MediaBox": [0, 0, A4[0], A4[1]],
                             "Resources": {"Font": fonts, "XObject": {"Im0": img},
                                           "ProcSet": [Name("PDF"), Name("Text"), Name("ImageB")]},
                             "Contents": c}))
    pdf.set(pages_ref, {"Type": Name("Pages"), "Kids": kids, "Count": len(kids)})
    root = pdf.add({"Type": Name("Catalog"), "Pages": pages_ref})
    info = pdf.add({"Producer": what.encode(), "Creator": b"tools/samplegen/gen_variants4.py"})
    data = pdf.write(root, info, hashlib.md5(name.encode() + b"".join(texts)).digest())
    return name, data, truth, grid_doc4(name, data, what, ["image_page", "invisible_text_3Tr", "no_rulings"],
                                        grids, len(texts))


# ------------------------------------------------------------------ 07 a page with only a running head
def s07():
    fs = forms_ocr()
    fs = [dict(fs[0], project_name="临江县农村饮水安全巩固提升工程（二期）"), fs[1]]
    return simple("variant4_07_running_head_only_page_between_forms", fs,
                  "form 1 on page 1, page 2 holds only the running head (with its rule) and the page number, form 2 on "
                  "page 3",
                  ["empty_page_with_running_head", "page_numbers"],
                  doc=dict(running_head="临江县财政局 2023年度项目支出绩效自评结果公开", page_num="第 {n} 页 共 {total} 页"),
                  blank_before=(1,), pages=3, form_pages=[[1], [3]])


# ------------------------------------------------------------------ 08 goals
def forms_goals():
    base = forms_ocr()
    f1 = dict(base[0], project_name="临江县农村饮水安全巩固提升工程（三期）",
              goals=("目标1：新建改造集中供水工程26处，更新改造供水管网85公里。\n"
                     "目标2：农村自来水普及率达到92%以上，水质达标率95%以上。\n"
                     "目标3：建立健全工程运行管护制度。",
                     "目标1完成情况：新建改造集中供水工程26处，更新改造管网79公里。\n"
                     "目标2完成情况：农村自来水普及率93.1%，水质达标率98.6%。\n"
                     "目标3完成情况：工程运行管护制度已健全。"))
    f2 = dict(base[1], project_name="临江县河道综合治理（二期）", goal_layout="merged",
              goals=("1. 治理河道12公里;\n2. 堤防工程验收合格率100%;\n3. 河道水质达标率90%以上。",))
    f3 = dict(base[0], project_name="临江县农村饮水安全巩固提升工程（四期）", goal_layout="multirow",
              goals=[("目标1：新建改造集中供水工程26处，更新改造管网85公里。", "完成集中供水工程26处，更新改造管网79公里。"),
                     ("目标2：农村自来水普及率达到92%以上。", "农村自来水普及率93.1%。"),
                     ("目标3：受益群众满意度达到90%以上。", "受益群众满意度88%。")])
    return [f1, f2, f3]


def s08():
    return simple("variant4_08_goals_numbered_multiline_multirow", forms_goals(),
                  "form 1: 预期目标 / 实际完成情况 cells holding numbered lists 目标1：… one per line; form 2: one merged "
                  "goal cell 1. …;\\n2. …; (ASCII semicolons: the line break becomes a space); form 3: 年度总体目标 over "
                  "four rows, one numbered goal per row (truth: the rows joined)",
                  ["goals_numbered_lines", "goal_merged_ascii_semicolons", "goals_one_per_row"], pages=3)


# ------------------------------------------------------------------ 09 text dump
def s09_txt():
    fs = [forms_numbered()[0], forms_headwords()[0]]
    lines = []
    for i, f in enumerate(fs):
        check4(f)
        t = table4(f)
        if i:
            lines.append("")
        lines += [NT, f"（{f['year']}年度）", ""]
        for cells in txt_dump(f, t, NT, ""):
            lines.append("\t".join(cells))
    return "variant4_09_txt_numbered_levels_split_deviation", "\n".join(lines) + "\n", [record4(f) for f in fs]


# ------------------------------------------------------------------ 11 level labels without 指标
def form_short_levels():
    f = mkform(
        "柏溪市城区道路桥梁养护维修", "柏溪市城市管理局", "柏溪市市政设施养护中心",
        [("年度资金总额", "total", D("1180.00"), D("1240.00"), D("1203.55")),
         ("其中：当年财政拨款", "current_appropriation", D("1100.00"), D("1100.00"), D("1069.35")),
         ("上年结转资金", "carryover", D("80.00"), D("140.00"), D("134.20")),
         ("其他资金", "other", D("0.00"), D("0.00"), D("0.00"))], 10,
        [("产出指标", "数量", "维修城市道路面积", "≥18万平方米", "18.6万平方米", "8", "8", ""),
         ("产出指标", "数量", "维修加固桥梁", "≥12座", "12座", "8", "8", ""),
         ("产出指标", "数量", "更换破损井盖", "≥900套", "836套", "6", partial("836", "900", "6"),
          "部分井盖权属单位未及时确认，更换数量减少；下一步建立井盖权属台账。"),
         ("产出指标", "数量", "修复人行道", "≥35公里", "35.8公里", "6", "6", ""),
         ("产出指标", "质量", "维修工程验收合格率", "=100%", "100%", "8", "8", ""),
         ("产出指标", "质量", "桥梁技术状况评定一、二类比例", "≥90%", "91.7%", "8", "8", ""),
         ("产出指标", "时效", "道路病害处置时限", "≤48小时", "≤48小时", "8", "8", ""),
         ("产出指标", "成本", "道路维修单位成本", "≤260元/平方米", "248元/平方米", "8", "8", ""),
         ("效益指标", "社会效益", "道路完好率", "≥95%", "96.4%", "10", "10", ""),
         ("效益指标", "可持续影响", "养护管理长效机制", "健全", "健全", "10", "10", ""),
         ("满意度指标", "服务对象满意度", "市民满意度", "≥85%", "88.2%", "10", "10", "")],
        ("维修城市道路18万平方米、桥梁12座，更换破损井盖900套，道路完好率保持在95%以上。",
         "维修城市道路18.6万平方米、桥梁12座，更换井盖836套，道路完好率96.4%。"))
    first = 2 + 5 + 2 + 1
    f["breaks_fn"] = lambda f: {first + 2}     # cuts 产出指标 and 数量 (drawn on page 1, the larger piece is on page 2)
    return f


def s11():
    return simple("variant4_11_level2_labels_without_zhibiao", [form_short_levels()],
                  "二级 labels printed without 指标 (数量 / 质量 / 时效 / 成本 / 社会效益 / 可持续影响 / 服务对象满意度); "
                  "a page break after the 2nd indicator cuts the merged 产出指标 and 数量 cells",
                  ["level2_without_指标", "merged_cut_by_break"], pages=2, form_pages=[[1, 2]])


# ------------------------------------------------------------------ 12 filing lines, year in the title line
def forms_filing():
    base = forms_ocr()
    f1 = dict(base[0], project_name="临江县农村饮水安全巩固提升工程（五期）",
              heads=[("项目支出绩效自评表（2023年度）", 16, "c"),
                     ("填报单位（盖章）：临江县水利局　　　　填报日期：2024年3月18日", 9, "l")])
    f2 = dict(base[1], project_name="临江县河道综合治理（三期）",
              heads=[("项目支出绩效自评表", 16, "c"), ("（2023年度）", 11, "c")],
              after_lines=[("单位负责人：李建平　　财务负责人：王芳　　填表人：赵磊　　联系电话：0871-6352 1187　　"
                            "填报日期：2024年3月20日", 8, "l")])
    return [f1, f2]


def s12():
    return simple("variant4_12_filing_date_lines", forms_filing(),
                  "form 1: title and year on one line 项目支出绩效自评表（2023年度）, then a line 填报单位（盖章）：… "
                  "填报日期：2024年3月18日; form 2: a signature line under the table (单位负责人 / 填表人 / 联系电话 / "
                  "填报日期：2024年3月20日). Truth year 2023 for both",
                  ["title_year_one_line", "填报日期_line", "signature_line_under_table"], pages=2)


# ------------------------------------------------------------------ 13 weights and scores printed with 分
def form_fen():
    f = forms_ocr()[0]
    inds = [i[:5] + (i[5] + "分", i[6] + "分", i[7]) for i in f["indicators"]]
    fl = [dict(fr, weight=fr["weight"] + "分" if fr["weight"] != "—" else "—") for fr in f["funds"]]
    return dict(f, project_name="临江县农村饮水安全巩固提升工程（六期）", indicators=inds, funds=fl,
                total_weight="100分", total_score=f["total_score"] + "分")


def s13():
    return simple("variant4_13_weights_scores_with_fen", [form_fen()],
                  "weights and scores printed with the unit 分: 10分, 9.29分, 19.56分, fund weight 10分, 总分 100分 / "
                  "98.30分 (truth: the numbers)",
                  ["weight_unit_分", "score_unit_分"], pages=1)


ALL = [s01, s02, s03, s04, s05, s06, s07, s08, s10, s11, s12, s13]
