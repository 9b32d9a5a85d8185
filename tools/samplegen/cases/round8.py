"""Round 8 case list: the forms of each variant8_NN sample and its layout options."""
from cases.round6 import F, f_nol2, f_signed
from cases.round5 import frows, ind, inds_clean
from samplegen.templates import WSIDE


# ------------------------------------------------------------------ data
P, Q, S = "产出指标", "效益指标", "满意度指标"


def f_a():
    inds = [ind(P, "数量指标", "改造农村户厕", "≥1,800户", "1,826户", 20, 20),
            ind(P, "质量指标", "户厕改造验收合格率", "≥95%", "97.3%", 15, 15),
            ind(P, "时效指标", "改造任务完成时间", "10月底前", "10月底前", 10, 10),
            ind(P, "成本指标", "户均改造补助标准", "≤3,000元", "2,950元", 10, 10),
            ind(Q, "生态效益指标", "粪污无害化处理率", "≥90%", "88%", 15, "14.67",
                "部分山区村组粪污收运车辆未到位，收运频次不足；下一步增配收运车辆2台。"),
            ind(S, "服务对象满意度指标", "农户满意度", "≥90%", "94%", 20, 20)]
    return F("潆州市农村人居环境整治户厕改造", frows("540.00", "528.36", "40.00", "39.10"), inds,
             dept="潆州市农业农村局", impl="潆州市农村社会事业促进中心")


def f_b():
    return F("潆州市城区公共自行车系统运维", frows("236.00", "231.52"), inds_clean(),
             dept="潆州市交通运输局", impl="潆州市公共交通服务中心")


LONG_DEV = ("受汛期持续降雨影响，部分标段土方开挖和管道铺设工期顺延约45天，第三季度完成投资低于计划进度。"
            "项目单位已于9月调整施工组织方案，增加两个作业班组并实行分段流水作业，同时协调供电部门保障施工用电。"
            "截至年底尚有1.2公里管网未完成闭水试验，已列入次年一季度重点任务清单，由区水务局按周调度推进。"
            "下一步将完善汛期施工应急预案，提前储备排水设备和防汛物资，并在招标文件中明确雨季施工措施费用，"
            "避免同类因素再次影响工程进度；同时加强对施工单位的履约考核，将进度滞后情况纳入信用评价。"
            "对已完工段落，组织第三方检测机构开展管道内窥检测，发现的3处渗漏点已督促施工单位完成修复。")


def f_long():
    inds = [ind(P, "数量指标", "新建雨污分流管网长度", "≥8.5公里", "7.3公里", 15, "12.88", LONG_DEV),
            ind(P, "数量指标", "改造老旧小区排水户数", "≥2,600户", "2,640户", 10, 10),
            ind(P, "质量指标", "管网闭水试验合格率", "=100%", "100%", 10, 10),
            ind(P, "时效指标", "主体工程完工时间", "12月底前", "12月底前", 10, 10),
            ind(P, "成本指标", "每公里综合造价", "≤320万元", "316万元", 10, 10),
            ind(Q, "社会效益指标", "城区内涝积水点消除数", "≥12处", "12处", 10, 10),
            ind(Q, "生态效益指标", "污水集中收集率", "≥75%", "76.2%", 10, 10),
            ind(Q, "可持续影响指标", "管网运维责任落实率", "=100%", "100%", 5, 5),
            ind(S, "服务对象满意度指标", "沿线居民满意度", "≥85%", "88%", 10, 10)]
    return F("石渠县城区雨污分流改造", frows("2860.00", "2790.40", "300.00", "286.50"), inds,
             dept="石渠县住房和城乡建设局", impl="石渠县城市建设投资有限公司", amt_fmt="{:,.2f}")


# ------------------------------------------------------------------ samples
def side(f):
    f["widths"] = WSIDE
    return f


CASES = [
    ("variant8_01_grey_shading_coloured_borders", [f_a(), f_b()], dict(mode="shade"),
     "grey cell shading drawn before the rulings and text: every label/header cell filled 0.88 g as its own "
     "rectangle, the fund column-name row and the indicator head row filled 0.78 g as ONE rectangle across the "
     "whole table width; all rulings stroked in blue (0.25 0.4 0.7 RG)", ["cell_shading", "row_shading", "coloured_rulings"]),
    ("variant8_02_white_lines_through_merged_cells", [f_a(), f_nol2()], dict(mode="white"),
     "rulings dark blue; WHITE 0.6pt lines drawn (after the rulings) along every row/column boundary crossing a "
     "merged cell (年度资金 label, 一级/二级 labels, 项目名称 value, goals, ...) - invisible on paper. Truth grid: "
     "what a reader sees (merged cells stay merged)", ["white_lines_in_merged_cells", "coloured_rulings"]),
    ("variant8_03_three_line_table", [f_a(), f_b()], dict(mode="threeline"),
     "三线表: no vertical lines and no inner rules; only a 1pt rule at the top and bottom of each table and a 0.5pt "
     "rule under the indicator head row (一级指标 | 二级指标 | ...)", ["three_line_table"]),
    ("variant8_04_repeat_header_row_split_row", [f_long()], dict(repeat=True, doc_kw=dict(split_rows=True)),
     "Word 'repeat header row': the indicator head row (一级指标 ... 偏差原因分析及改进措施) drawn again at the top of "
     "every continuation page; the first indicator row (26-line deviation) is allowed to break across pages "
     "(cells open at the break, text flowing on). Grid: the logical table, head row once", ["repeat_header_row", "row_split_across_pages"]),
    ("variant8_05_type3_fonts_tounicode", [f_a(), f_signed()], dict(mode="type3"),
     "all text (ASCII too) in Type3 fonts (F1..F3, codes 1..255, glyph names /gFFCCC meaningless, every glyph a "
     "box drawn by a CharProc with d1) with a /ToUnicode CMap - the only way to the text; strings written as hex "
     "(codes 0x0A/0x0D would be EOLs in literal strings)", ["type3_fonts", "tounicode_only"]),
    ("variant8_06_fake_bold_clipped_cells", [f_a(), f_b()], dict(mode="fakebold"),
     "every text run drawn with 2 Tr (fill + stroke, 0.35 w: fake bold) inside q ... re W n ... Q clipping it to "
     "its cell (clip rectangles 0.5pt inside the rulings, never painted)", ["render_mode_2", "clip_path_per_cell"]),
    ("variant8_07_two_forms_side_by_side_landscape", [side(f_a()), side(f_b()), side(f_nol2()),
                                                              side(f_signed())], dict(side_by_side=True),
     "landscape A4 pages, each with TWO forms side by side (left form at x=22, right form at x=430, tops aligned, "
     "each with its own title and year line; 7pt text, 9 columns 390pt wide); 4 forms on 2 pages; reading order "
     "left form then right form", ["two_forms_side_by_side", "landscape"]),
]
