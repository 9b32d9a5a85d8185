"""The national and Shanghai forms rendered by the real producers (松岭县 is fictional)."""
from decimal import Decimal as D
from samplegen.templates import fund_rows
from cases.base import _nat, _sh, _total


def national_p1():
    funds, fs = fund_rows([
        ("年度资金总额", "total", D("860.00"), D("920.00"), D("874.37")),
        ("其中：当年财政拨款", "current_appropriation", D("800.00"), D("860.00"), D("818.37")),
        ("上年结转资金", "carryover", D("60.00"), D("60.00"), D("56.00")),
        ("其他资金", "other", D("0.00"), D("0.00"), D("0.00")),
    ], 10)
    inds = [
        ("产出指标", "数量指标", "改造农村供水管网长度", "≥42公里", "43.5公里", "15", "15", ""),
        ("产出指标", "数量指标", "新建集中供水站数量", "=6座", "6座", "10", "10", ""),
        ("产出指标", "质量指标", "出厂水水质达标率", "≥98%", "99.2%", "10", "10", ""),
        ("产出指标", "时效指标", "工程完工时间", "2023年11月底前", "2023年11月", "10", "10", ""),
        ("产出指标", "成本指标", "每公里管网改造成本", "≤18万元", "17.6万元", "5", "5", ""),
        ("效益指标", "社会效益指标", "受益农村人口", "≥2.8万人", "2.6万人", "15", "13.93",
         "两个行政村管网接入延至次年，受益人口少于计划；已列入下年度实施计划。"),
        ("效益指标", "可持续影响指标", "供水设施管护制度", "健全", "健全", "10", "10", ""),
        ("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "94.5%", "15", "15", ""),
    ]
    return _nat(2023,
                project_name="松岭县农村供水保障工程",
                department="松岭县水利局", implementer="松岭县农村供水管理站",
                funds=funds, fund_score=fs,
                goals=("改造农村供水管网42公里以上，新建集中供水站6座，出厂水水质达标率98%以上，"
                       "保障2.8万农村人口饮水安全。",
                       "完成管网改造43.5公里，新建供水站6座并投入运行，水质达标率99.2%，"
                       "受益人口2.6万人，群众满意度94.5%。"),
                indicators=inds, total_score=_total(fs, inds))


def shanghai_p2():
    funds, fs = fund_rows([
        ("年度资金总额:", "total", D("415.00"), D("415.00"), D("398.32")),
        ("其中:当年财政拨款", "current_appropriation", D("415.00"), D("415.00"), D("398.32")),
        ("上年结转资金", "carryover", D("0.00"), D("0.00"), D("0.00")),
        ("其他资金", "other", D("0.00"), D("0.00"), D("0.00")),
    ], "10.00", sub_weight="-", sub_score="-", zero_rate="0.00")
    inds = [
        ("成本指标", "经济成本指标", "预算执行率", "≥95.00(%)", "95.98(%)", "5.00", "5.00", ""),
        ("产出指标", "数量指标", "新增公共阅读空间", "≥12.00(个)", "12.00(个)", "15.00", "15.00", ""),
        ("产出指标", "数量指标", "举办全民阅读活动场次", "≥150.00(场)", "138.00(场)", "10.00", "9.20",
         "受场馆改造影响，下半年部分活动合并举办"),
        ("产出指标", "质量指标", "图书配送准确率", "≥99.00(%)", "99.60(%)", "10.00", "10.00", ""),
        ("产出指标", "时效指标", "阅读空间开放时间", "按期", "达成指标", "10.00", "10.00", ""),
        ("效益指标", "社会效益指标", "年度到馆读者人次", "≥36.00(万人次)", "38.20(万人次)", "15.00", "15.00", ""),
        ("效益指标", "可持续影响指标", "社会力量参与运营机制", "建立", "达成指标", "10.00", "10.00", ""),
        ("满意度指标", "服务对象满意度指标", "读者满意度", "≥92.00(%)", "95.10(%)", "15.00", "15.00", ""),
    ]
    return _sh(2024, "优",
               project_name="全民阅读推广及公共阅读空间建设",
               department="上海市静安区文化旅游局", implementer="上海市静安区图书馆",
               funds=funds, fund_score=fs,
               goals=("新增公共阅读空间12个以上，全年举办全民阅读活动150场以上，"
                      "到馆读者36万人次以上，读者满意度92%以上。",
                      "新增公共阅读空间12个，举办阅读活动138场，到馆读者38.2万人次，"
                      "读者满意度95.1%。"),
               indicators=inds, total_score=_total(fs, inds))


def forms():
    """The two forms, in the order every producer sample prints them."""
    return [national_p1(), shanghai_p2()]


# name -> how its PDF is made: `source` (html, xlsx, docx, tex, or samplegen's own
# layout) written with `options`, then `render`, then an optional second pass
# `then`; `producer` is what its grid.json names.
RECIPES = {
    "producer_01_weasyprint": dict(source="html", options=dict(letter_spaced=True), render="weasyprint",
                                   producer="WeasyPrint"),
    "producer_02_wkhtmltopdf": dict(source="html", render="wkhtmltopdf", producer="wkhtmltopdf"),
    "producer_03_gs_calc": dict(source="xlsx", render="soffice", then="ghostscript",
                                producer="LibreOffice Calc → pdftocairo -ps → ps2pdf"),
    "producer_04_gs_writer": dict(source="docx", render="soffice", then="ghostscript",
                                  producer="LibreOffice Writer → pdftocairo -ps → ps2pdf"),
    "producer_05_gs_html": dict(source="html", options=dict(letter_spaced=True), render="wkhtmltopdf",
                                then="ghostscript", producer="wkhtmltopdf → pdftocairo -ps → ps2pdf"),
    "producer_06_xelatex": dict(source="tex", options=dict(rules=True), render="xelatex",
                                producer="XeLaTeX (xeCJK, longtable, multirow)"),
    "producer_07_xelatex_norules": dict(source="tex", options=dict(rules=False), render="xelatex",
                                        producer="XeLaTeX, no rules, left-aligned"),
    "producer_08_cid_norules": dict(source="samplegen", options=dict(align="l"),
                                    producer="samplegen cid style, no rules, left-aligned"),
    "producer_09_writer_noborders": dict(source="docx", options=dict(borders=False), render="soffice",
                                         producer="LibreOffice Writer, table without borders"),
}
