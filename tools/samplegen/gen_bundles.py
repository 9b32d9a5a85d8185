#!/usr/bin/env python3
"""Forms inside documents, and documents without forms (SCHEMA §1c).

- bundle_report_01.pdf: a 自评报告 whose first pages are a contents page
  (naming 项目支出绩效自评表, as 决算 packages do), prose, and a ruled
  收入支出决算总表; the two national forms of national_02 follow. Truth: those
  two forms, nothing else.
- bundle_report_02.txt: a text dump of a department form preceded by its
  附件一 基础数据表 and a prose line; truth: the department form.
- notaform_01.pdf: a user manual with prose and a ruled parameter table.
- notaform_02.txt: a text dump of a 收支总表 alone.

The non-forms must fail with no_form_found. Truth and grids come from the
data drawn here (data.py's forms), never from jixiao.

    python3 tools/samplegen/gen_bundles.py
"""
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
SAMPLES = os.path.join(ROOT, "samples")

import data  # noqa: E402
from forms import national_table, check_form, record  # noqa: E402
from layout import Cell, Doc, Table, wrap, PAGE_W, MARGIN_L  # noqa: E402
from pdfwriter import CIDFontUCS2, build_pdf  # noqa: E402

CONTENTS = ["目  录", "一、部门概况", "二、部门决算表", "三、收入支出决算总表", "四、项目支出绩效自评表"]
PROSE = [
    "一、部门概况",
    "本部门主要职责是贯彻落实国家和省市关于交通运输工作的方针政策，负责辖区公路、水路交通行业管理。"
    "2023年度部门决算收入合计5,120.36万元，支出合计4,986.21万元。",
    "二、绩效自评工作开展情况",
    "按照财政部门统一部署，本部门对2023年度实施的项目开展了绩效自评，自评结果见附表。",
]
SUMMARY = [["项目", "本年收入", "本年支出", "年末结转"],
           ["一般公共预算财政拨款", "4,620.36", "4,512.08", "108.28"],
           ["政府性基金预算财政拨款", "500.00", "474.13", "25.87"],
           ["合计", "5,120.36", "4,986.21", "134.15"]]
MANUAL = ["jixiao 使用说明", "本工具读取绩效自评表，输出结构化记录。",
          "运行 jixiao extract 文件名 即可得到 JSON 记录；参数说明见下表。"]
PARAMS = [["参数", "说明", "默认值"], ["--out", "输出目录", "无"], ["-j", "并行任务数", "核数"]]


def prose(doc, lines, first_size=16.0):
    """Lines of free text (a heading, then wrapped paragraphs), top-down."""
    doc.new_page()
    doc.centred(lines[0], first_size)
    width = PAGE_W - 2 * MARGIN_L
    for para in lines[1:]:
        for ln in wrap(para, width, doc.font, doc.size):
            doc.text(MARGIN_L, doc.y + doc.size * 0.88, ln)
            doc.y += doc.leading
        doc.y += doc.leading / 2


def simple_table(rows, widths):
    return Table(widths, [Cell(r, k, t) for r, row in enumerate(rows) for k, t in enumerate(row)])


def write_json(path, obj):
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(obj, fh, ensure_ascii=False, indent=1)
        fh.write("\n")


def emit_pdf(name, doc, font, forms, grids, producer, expect="tables"):
    pdf = build_pdf(doc.contents(), font, id_seed=name.encode())
    with open(os.path.join(SAMPLES, name + ".pdf"), "wb") as fh:
        fh.write(pdf)
    sha = hashlib.sha256(pdf).hexdigest()
    if forms:
        write_json(os.path.join(SAMPLES, name + ".truth.json"), [record(f) for f in forms])
    write_json(os.path.join(SAMPLES, name + ".grid.json"),
               {"source": {"file": name + ".pdf", "sha256": sha}, "producer": producer,
                "expect": expect, "n_pages": len(doc.pages), "tables": grids})
    print(f"{name}.pdf  {len(pdf)} bytes  {len(doc.pages)} pages  {len(forms)} forms")


def bundle_report_01(font):
    doc = Doc(font)
    prose(doc, CONTENTS)
    prose(doc, ["某县交通运输局2023年度部门决算及绩效自评报告"] + PROSE)
    doc.place_form("收入支出决算总表", "（2023年度）", simple_table(SUMMARY, [200, 100, 100, 100]))
    forms, grids = data.national_02(), []
    for f in forms:
        check_form(f, f["fund_score"])
        _, grid = doc.place_form(f["title"], f["year_line"], national_table(f))
        grids.append(grid)
    emit_pdf("bundle_report_01", doc, font, forms, grids,
             {"style": "samplegen", "template": "national", "font": "STSong-Light UniGB-UCS2-H",
              "options": ["contents_page", "prose", "other_table", "two_forms"]})


def notaform_01(font):
    doc = Doc(font)
    prose(doc, MANUAL)
    doc.place_form("参数表", None, simple_table(PARAMS, [120, 200, 100]), new_page=False)
    emit_pdf("notaform_01", doc, font, [], [],
             {"style": "samplegen", "font": "STSong-Light UniGB-UCS2-H", "options": ["not_a_form"]},
             expect="no_form_found")


def text_dumps():
    dept = open(os.path.join(SAMPLES, "department-2023.txt"), encoding="utf-8").read()
    basis = ("附件一\n部门整体支出绩效评价基础数据表\n"
             "财政供养人员情况\t编制数\t实有人数\n\t120\t116\n"
             "三公经费\t预算数\t决算数\n\t12.00\t10.50\n"
             "附件二\n")
    with open(os.path.join(SAMPLES, "bundle_report_02.txt"), "w", encoding="utf-8") as fh:
        fh.write(basis + dept)
    truth = json.load(open(os.path.join(SAMPLES, "department-2023.truth.json"), encoding="utf-8"))
    write_json(os.path.join(SAMPLES, "bundle_report_02.truth.json"), truth)
    with open(os.path.join(SAMPLES, "notaform_02.txt"), "w", encoding="utf-8") as fh:
        fh.write("收入支出决算总表\n（2023年度）\n" + "".join("\t".join(r) + "\n" for r in SUMMARY))
    print("bundle_report_02.txt, notaform_02.txt")


def main():
    font = CIDFontUCS2()
    bundle_report_01(font)
    notaform_01(font)
    text_dumps()


if __name__ == "__main__":
    main()
