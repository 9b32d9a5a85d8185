"""Round 5 case list: the forms of each variant5_NN sample and its layout options."""
from decimal import Decimal as D
from samplegen.templates import mkform, round2, trunc2
from samplegen.truth import grade_of


GOALS = ("按计划完成年度建设任务，资金按进度拨付，服务对象满意度达到90%以上。",
         "年度建设任务基本完成，资金按进度拨付，服务对象满意度较高。")


def frows(ann, exe, ann_c="0.00", exe_c="0.00", ann_o="0.00", exe_o="0.00"):
    """total / 当年财政拨款 / 上年结转资金 / 其他资金; the sub-rows add up to the total"""
    ann, exe, ann_c, exe_c, ann_o, exe_o = map(D, (ann, exe, ann_c, exe_c, ann_o, exe_o))
    return [("年度资金总额", "total", ann, ann, exe),
            ("其中：当年财政拨款", "current_appropriation", ann - ann_c - ann_o, ann - ann_c - ann_o,
             exe - exe_c - exe_o),
            ("上年结转资金", "carryover", ann_c, ann_c, exe_c),
            ("其他资金", "other", ann_o, ann_o, exe_o)]


def ind(l1, l2, name, tgt, act, w, sc, dev=""):
    return (l1, l2, name, tgt, act, str(w), str(sc), dev)


def F(name, fund_rows, inds, *, dept="南枫县财政局", impl=None, weight=10, goals=GOALS, **kw):
    return mkform(name, dept, impl or dept, fund_rows, weight, inds, goals, **kw)


def retotal(f, grade=True):
    """total_score = the printed fund score + the printed indicator scores"""
    t = D(f["funds"][0]["score"]) + sum(D(i[6]) for i in f["indicators"])
    f["total_score"] = f"{t:.2f}"
    if grade and f.get("grade"):
        f["grade"] = grade_of(t)
    return f


def wsum(f):
    return D(f["funds"][0]["weight"]) + sum(D(i[5]) for i in f["indicators"])


def ssum(f):
    return D(f["funds"][0]["score"]) + sum(D(i[6]) for i in f["indicators"])


def E(form, code, severity, path, why, optional=False):
    e = {"form": form, "code": code, "severity": severity, "path": path, "why": why}
    if optional:
        e["optional"] = True
    return e


# ------------------------------------------------------------------ indicator sets (all consistent)
def inds_clean(w=(20, 20, 10, 20, 20)):
    """5 indicators, all met, full scores; weights default to 90"""
    return [ind("产出指标", "数量指标", "新建社区服务站", "≥12个", "12个", w[0], w[0]),
            ind("产出指标", "质量指标", "工程验收合格率", "=100%", "100%", w[1], w[1]),
            ind("产出指标", "时效指标", "项目完成时间", "11月底前", "11月底前", w[2], w[2]),
            ind("效益指标", "社会效益指标", "服务居民人次", "≥5万人次", "5.3万人次", w[3], w[3]),
            ind("满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "93%", w[4], w[4])]


def inds_partial(target_sum):
    """qualitative partial scores (no rescore) with deviations: weights 20/20/10/20/20 = 90,
    scores adding up to target_sum"""
    ws = [20, 20, 10, 20, 20]
    loss = D(90) - D(target_sum)
    # take the loss off the two qualitative rows (效益 and 可持续), at most 20 each, then 管理
    cut = [D(0)] * 5
    for k in (3, 4, 2, 1):
        c = min(loss, D(ws[k]) - D(1))
        cut[k] = c
        loss -= c
        if loss == 0:
            break
    assert loss == 0
    rows = [("产出指标", "质量指标", "工程质量", "优良", "合格"),
            ("产出指标", "时效指标", "工程进度", "按计划推进", "部分滞后"),
            ("产出指标", "成本指标", "成本控制", "控制在预算内", "基本控制"),
            ("效益指标", "社会效益指标", "群众生活条件", "明显改善", "有所改善"),
            ("效益指标", "可持续影响指标", "长效管护机制", "健全", "初步建立")]
    out = []
    for (l1, l2, n, t, a), w, c in zip(rows, ws, cut):
        sc = D(w) - c
        dev = f"{n}未完全达到预期，扣{c}分；下一步加强督导。" if c else ""
        out.append(ind(l1, l2, n, t, a if c else t, w, f"{sc:g}" if sc == sc.to_integral() else sc, dev))
    assert sum(D(i[6]) for i in out) == D(target_sum), (target_sum, out)
    return out


# ------------------------------------------------------------------ 01 weights_sum
def s01():
    f0 = F("南枫县农村道路提档升级工程", frows("500.00", "500.00", "60.00", "60.00"),
           inds_clean((20, 15, 10, 20, 20)), impl="南枫县交通运输局")
    assert wsum(f0) == 95
    f1 = F("南枫县城乡供水一体化管网改造", frows("820.00", "820.00"),
           inds_clean((20, 20, 15, 20, 20)), impl="南枫县水利局")
    assert wsum(f1) == 105
    f2 = F("南枫县公共法律服务体系建设", frows("120.00", "120.00"),
           inds_clean((17.5, 17.5, 10, 22.5, 22.5)), impl="南枫县司法局")
    assert wsum(f2) == 100
    exp = [E(0, "weights_sum", "error", "total_weight", "fund 10 + indicators 85 = 95, form says 100"),
           E(1, "weights_sum", "error", "total_weight", "fund 10 + indicators 95 = 105, form says 100"),
           E(1, "score_exceeds_weight", "error", "total_score",
             "total score 105 of total weight 100 (a consequence of the weights; not required)", optional=True)]
    return ("variant5_01_weights_sum_95_105", [f0, f1, f2], exp,
            "form 0: weights add up to 95 (total printed 100); form 1: 105; form 2 control with 17.5/22.5 weights "
            "adding up to 100. Scores always add up to the printed total.")


# ------------------------------------------------------------------ 02 scores_sum, score_exceeds_weight
def s02():
    f0 = F("东禾市老旧小区改造配套设施", frows("1260.00", "1218.42", "160.00", "152.30"),
           inds_partial("84"), dept="东禾市住房和城乡建设局")
    s = ssum(f0)
    f0["total_score"] = f"{s - D('0.3'):.2f}"
    f0["grade"] = grade_of(D(f0["total_score"]))
    f1 = F("东禾市中小学校园安全防范建设", frows("360.00", "354.60"),
           inds_clean()[:4] + [ind("满意度指标", "服务对象满意度指标", "师生安全感", "明显增强", "明显增强", 20, 22)],
           dept="东禾市教育局")
    retotal(f1)
    f2 = F("东禾市流动人口服务管理", frows("96.00", "93.12"),
           inds_clean()[:4] + [ind("满意度指标", "服务对象满意度指标", "流动人口满意度", "≥85%", "88%", 20, 20)],
           dept="东禾市公安局")
    # control: a score 0.01 short of the sum is within the 0.011 rounding tolerance
    s2 = ssum(f2)
    f2["total_score"] = f"{s2 - D('0.01'):.2f}"
    exp = [E(0, "scores_sum", "error", "total_score",
             f"scores add up to {s:.2f}, form says {f0['total_score']} (0.30 more than printed)"),
           E(1, "score_exceeds_weight", "error", "indicators[4].score", "师生安全感 scores 22 of weight 20")]
    return ("variant5_02_scores_sum_exceeds_weight", [f0, f1, f2], exp,
            "form 0: scores add up to 0.30 more than the printed total; form 1: a qualitative indicator scores 22 of "
            "20 (total includes the 22); form 2 control: total printed 0.01 below the sum (within 0.011).")


# ------------------------------------------------------------------ 03 execution_rate
def s03():
    # 567.41 / 600 = 94.56833: truncated 94.56, rounded 94.57
    ex = D("567.41") / D("600.00") * 100
    assert trunc2(ex) == D("94.56") and round2(ex) == D("94.57")
    bud = ind("产出指标", "成本指标", "预算执行率", "≥90%", "94.57%", 10, 10)
    base = inds_clean((20, 20, 10, 20, 10))
    f0 = F("岚桥区河道保洁养护", frows("600.00", "567.41", "80.00", "75.20"), base + [bud],
           dept="岚桥区水务局")
    f0["funds"][0]["rate"] = "94.57"          # rounded (the generator truncates by default)
    retotal(f0)
    f1 = F("岚桥区河道保洁养护（二标段）", frows("600.00", "567.41", "80.00", "75.20"),
           base + [ind("产出指标", "成本指标", "预算执行率", "≥90%", "94.57%", 10, 10)], dept="岚桥区水务局")
    assert f1["funds"][0]["rate"] == "94.56"  # truncated; the indicator prints the rounded 94.57
    f2 = F("岚桥区排水管网清疏", frows("600.00", "567.41", "80.00", "75.20"), inds_clean((20, 20, 10, 20, 20)),
           dept="岚桥区水务局")
    f2["funds"][0]["rate"] = "94.58"          # one unit above the rounded rate
    f2["funds"][0]["score"] = f"{round2(D('94.58') * 10 / 100):.2f}"
    retotal(f2)
    sub = D(f2["funds"][1]["executed"]) / D(f2["funds"][1]["annual"]) * 100
    f2["funds"][1]["rate"] = "95.62"          # 当年财政拨款: 492.21/520 = 94.655…
    f3 = F("岚桥区排水管网清疏（二期）", frows("600.00", "567.41", "80.00", "75.20", "0.30", "0.29"),
           base + [ind("产出指标", "成本指标", "预算执行率", "≥90%", "100%", 10, 10)], dept="岚桥区水务局")
    # 其他资金 0.29 / 0.30 = 96.67; 98.00 lies within what 0.285…0.295 / 0.295…0.305 allow
    f3["funds"][3]["rate"] = "98.00"
    exp = [E(2, "execution_rate", "error", "funds[0].execution_rate",
             "567.41/600.00 = 94.5683 (rounded 94.57, truncated 94.56), form says 94.58"),
           E(2, "execution_rate", "error", "funds[1].execution_rate",
             f"当年财政拨款 {sub:.4f} (rounded {round2(sub)}, truncated {trunc2(sub)}), form says 95.62"),
           E(3, "execution_rate", "warning", "indicators[5].actual",
             "预算执行率 indicator says 100%, funds block says 94.56")]
    return ("variant5_03_execution_rate_rounded_truncated", [f0, f1, f2, f3], exp,
            "567.41/600.00 = 94.5683: form 0 prints the rounded 94.57 and a 预算执行率 indicator 94.57% (controls); "
            "form 1 prints the truncated 94.56 and the indicator the rounded 94.57% (control: 0.01 apart); form 2 "
            "prints 94.58 (one unit above the rounded rate; fund score from it) and 95.62 for 当年财政拨款 "
            "(exact 94.66); form 3: indicator 预算执行率 100% against the funds' 94.56, and 其他资金 0.29/0.30 "
            "printed 98.00 (exact 96.67, but within the half-unit bounds of 2-decimal amounts: not required)")


# ------------------------------------------------------------------ 04 fund_score
def s04():
    f0 = F("南枫县基层医疗机构设备购置", frows("450.00", "425.25", "50.00", "47.10"), inds_partial("86"),
           dept="南枫县卫生健康委员会")
    assert f0["funds"][0]["rate"] == "94.50" and f0["funds"][0]["score"] == "9.45"
    f0["funds"][0]["score"] = "9.00"          # house rule "whole points", not the form's rule
    retotal(f0)
    # executed over the budget: 249.91 / 240 = 104.129 -> 104.12; fund score capped at 10
    f1 = F("南枫县防汛物资储备", frows("240.00", "249.91", "40.00", "41.20"), inds_clean(),
           dept="南枫县应急管理局")
    assert f1["funds"][0]["rate"] == "104.12" and f1["funds"][0]["score"] == "10.00"
    f2 = F("南枫县防汛物资储备（应急补充）", frows("240.00", "249.91", "40.00", "41.20"), inds_partial("85"),
           dept="南枫县应急管理局")
    f2["funds"][0]["score"] = "10.41"         # uncapped 104.12 × 10 / 100
    retotal(f2)
    # fund weight 20: 96.35 x 20 / 100 = 19.27
    f3 = F("南枫县城区绿化养护", frows("820.00", "790.07"), inds_clean((20, 20, 10, 10, 20)), weight=20,
           dept="南枫县城市管理局")
    assert f3["funds"][0]["rate"] == "96.35" and f3["funds"][0]["score"] == "19.27", f3["funds"][0]
    exp = [E(0, "fund_score", "error", "funds[0].score", "min(94.50,100) x 10 / 100 = 9.45, form says 9.00"),
           E(2, "fund_score", "error", "funds[0].score", "min(104.12,100) x 10 / 100 = 10.00, form says 10.41"),
           E(2, "score_exceeds_weight", "error", "funds[0].score", "fund score 10.41 of weight 10")]
    return ("variant5_04_fund_score_cap", [f0, f1, f2, f3], exp,
            "form 0: rate 94.50, fund score printed 9.00 (should be 9.45); form 1 control: executed over budget "
            "(104.12%), score capped at 10.00; form 2: the same rate scored uncapped 10.41; form 3 control: fund "
            "weight 20, 96.35% -> 19.27. Totals add up to the printed scores.")


# ------------------------------------------------------------------ 05 grades
def s05():
    def g(name, exe, target, grade=None, label="评分等级"):
        f = F(name, frows("300.00", exe), inds_partial(target), dept="东禾市农业农村局")
        retotal(f)
        if grade:
            f["grade"] = grade
        return f
    f0 = g("东禾市高标准农田建设（一期）", "300.00", "81", grade="良")
    assert f0["total_score"] == "91.00"
    f1 = g("东禾市高标准农田建设（二期）", "300.00", "80")
    f2 = g("东禾市高标准农田建设（三期）", "299.70", "80")
    f3 = g("东禾市高标准农田建设（四期）", "300.00", "70")
    f4 = g("东禾市高标准农田建设（五期）", "300.00", "50")
    f5 = g("东禾市高标准农田建设（六期）", "300.00", "78", grade="优秀")
    want = [("91.00", "良"), ("90.00", "优"), ("89.99", "良"), ("80.00", "良"), ("60.00", "中"), ("88.00", "优秀")]
    assert [(f["total_score"], f["grade"]) for f in (f0, f1, f2, f3, f4, f5)] == want, \
        [(f["total_score"], f["grade"]) for f in (f0, f1, f2, f3, f4, f5)]
    exp = [E(0, "grade", "error", "grade", "total 91.00 earns 优, form says 良"),
           E(5, "grade", "error", "grade", "total 88.00 earns 良, form says 优秀")]
    return ("variant5_05_grade_boundaries", [f0, f1, f2, f3, f4, f5], exp,
            "six forms: 91.00 良 (wrong), boundary controls 90.00 优, 89.99 良 (fund 99.90% -> 9.99), 80.00 良, "
            "60.00 中, and 88.00 优秀 (wrong). Partial scores are on qualitative indicators with deviations.")


# ------------------------------------------------------------------ 06 target_not_met
def s06():
    P, Q, S = "产出指标", "效益指标", "满意度指标"
    f0 = F("岚桥区就业技能培训补贴", frows("210.00", "210.00"), [
        ind(P, "数量指标", "培训结业率", "≥95%", "93%", 10, 10),
        ind(P, "时效指标", "补贴审核办结时限", "≤3天", "2天", 10, 10),
        ind(P, "数量指标", "取证人员比例", "≥95%", "93人", 20, 20),
        ind(P, "质量指标", "培训质量", "优良", "优良", 20, 20),
        ind(Q, "社会效益指标", "培训后就业率", "≥60%", "60%", 15, 15),
        ind(S, "服务对象满意度指标", "学员满意度", "≥90%", "96%", 15, 15)], dept="岚桥区人力资源和社会保障局")
    f1 = F("岚桥区政务服务窗口提质", frows("150.00", "150.00"), [
        ind(P, "数量指标", "进驻事项", "≥800项", "812项", 20, 20),
        ind(P, "时效指标", "即办件办结时限", "≤5天", "7天", 10, 10),
        ind(P, "质量指标", "办件差错率", "≤1%", "0.6%", 10, 10),
        ind(Q, "社会效益指标", "一网通办率", "=100%", "98%", 20, 20),
        ind(S, "服务对象满意度指标", "办事群众满意度", "≥90%", "80%", 30, 30)], dept="岚桥区政务服务管理局")
    exp = [E(0, "target_not_met", "warning", "indicators[0].score", "93% misses ≥95%, full 10 of 10"),
           E(1, "target_not_met", "warning", "indicators[1].score", "7天 misses ≤5天, full 10 of 10"),
           E(1, "rescore_differs", "info", "indicators[1].score", "rescored 5/7 x 10 = 7.14"),
           E(1, "target_not_met", "warning", "indicators[3].score", "98% misses =100%, full 20 of 20"),
           E(1, "target_not_met", "warning", "indicators[4].score", "80% misses ≥90%, full 30 of 30"),
           E(1, "rescore_differs", "info", "indicators[4].score", "rescored 80/90 x 30 = 26.67")]
    return ("variant5_06_target_not_met_units", [f0, f1], exp,
            "form 0: ≥95% / 93% full marks (target_not_met; rescored 9.79, gap 0.21: no rescore_differs), controls "
            "≤3天 / 2天, ≥95% / 93人 (units differ), ≥60% / 60%; form 1: ≤5天 / 7天, =100% / 98% (rescored 19.60, "
            "gap 0.40), ≥90% / 80% of weight 30, all full marks")


# ------------------------------------------------------------------ 07 deviation_missing
def s07():
    P, Q, S = "产出指标", "效益指标", "满意度指标"
    w112 = f"{round2(D(112) / D(120) * 10):.2f}"
    f0 = F("南枫县农村人居环境整治", frows("380.00", "380.00"), [
        ind(P, "数量指标", "建设垃圾收集点", "≥120个", "112个", 10, w112),
        ind(P, "数量指标", "改造农村户厕", "≥900户", "846户", 20, f"{round2(D(846) / D(900) * 20):.2f}",
            "部分农户外出务工未能施工，剩余54户纳入次年计划。"),
        ind(P, "质量指标", "户厕改造验收合格率", "=100%", "100%", 10, 10),
        ind(Q, "社会效益指标", "村容村貌", "明显改善", "有所改善", 15, 12, "部分村庄保洁不到位；下一步落实保洁责任。"),
        ind(Q, "可持续影响指标", "长效管护机制", "建立", "建立", 15, 15),
        ind(S, "服务对象满意度指标", "村民满意度", "≥90%", "92%", 20, 20)], dept="南枫县农业农村局")
    retotal(f0)
    f1 = F("南枫县乡村文化振兴", frows("90.00", "90.00"), [
        ind(P, "数量指标", "送戏下乡场次", "≥60场", "64场", 20, 20),
        ind(P, "质量指标", "演出安全事故", "=0起", "0起", 10, 10),
        ind(P, "时效指标", "活动开展及时性", "及时", "基本及时", 10, 8),
        ind(Q, "社会效益指标", "群众参与率", "≥70%", "72%", 20, 19, "个别场次观众较少；下一步优化场次安排。"),
        ind(S, "服务对象满意度指标", "群众满意度", "≥90%", "94%", 30, 30)], dept="南枫县文化和旅游局")
    retotal(f1)
    exp = [E(0, "deviation_missing", "warning", "indicators[0].deviation", f"score {w112} < 10, no deviation"),
           E(1, "deviation_missing", "warning", "indicators[2].deviation", "qualitative 8 of 10, no deviation"),
           E(1, "rescore_differs", "info", "indicators[3].score", "72% meets ≥70%: rescored 20, printed 19")]
    return ("variant5_07_deviation_missing", [f0, f1], exp,
            "form 0: 112 of ≥120个 scored 9.33 with no deviation; 846 of ≥900户 scored 18.80 with one (control); "
            "qualitative 12 of 15 with one (control); form 1: qualitative 8 of 10 without deviation; a met target "
            "(72% of ≥70%) scored 19 of 20 with a deviation (rescore_differs only)")


# ------------------------------------------------------------------ 08 missing fields
def s08():
    f0 = F("", frows("75.00", "72.30"), inds_clean(), dept="岚桥区民政局", impl="岚桥区社会救助管理站")
    f1 = F("岚桥区困难群众临时救助", frows("75.00", "72.30"), inds_clean(), dept="岚桥区民政局",
           impl="岚桥区社会救助管理站", grade=None, total_weight=None, total_score=None,
           tail=None)
    f2 = F("岚桥区社区养老服务补贴", frows("128.00", "128.00"), inds_clean(), dept="岚桥区民政局",
           impl="岚桥区养老服务指导中心")
    exp = [E(0, "missing_field", "error", "project_name", "项目名称 printed empty"),
           E(1, "missing_field", "error", "total_score", "no 总分 row"),
           E(1, "missing_field", "warning", "total_weight", "no 总分 row")]
    return ("variant5_08_missing_fields", [f0, f1, f2], exp,
            "form 0: 项目名称 row with an empty value cell (project_name null); form 1: no 总分 row and no grade "
            "(total_weight/total_score null); form 2 control")


# ------------------------------------------------------------------ 09 text dump
def s09():
    f0 = F("东禾市城市照明设施维护", frows("265.00", "262.36"), inds_partial("88.5"), dept="东禾市城市管理局")
    s = ssum(f0)
    f0["total_score"] = f"{s + D('0.02'):.2f}"
    f1 = F("东禾市城市照明设施维护（节能改造）", frows("265.00", "262.36"),
           inds_clean((20, 20, 10, 20, 10)) + [ind("产出指标", "成本指标", "预算执行率", "≥95%", "99.00%", 10, 10)],
           dept="东禾市城市管理局")
    # 262.36 / 265 = 99.0037...: rate 99.00 either way; total 0.01 under the sum (tolerated)
    f1["total_score"] = f"{ssum(f1) - D('0.01'):.2f}"
    f2 = F("东禾市城市照明设施维护（智慧路灯）", frows("265.00", "262.36"),
           inds_clean((20, 20, 10, 20, 10)) + [ind("产出指标", "成本指标", "预算执行率", "=100%", "99.00%", 10, 10)],
           dept="东禾市城市管理局")
    exp = [E(0, "scores_sum", "error", "total_score", f"scores add up to {s:.2f}, form says {f0['total_score']}"),
           E(2, "target_not_met", "warning", "indicators[5].score", "预算执行率 99% misses =100%, full 10")]
    return ("variant5_09_txt_scores_rounding", [f0, f1, f2], exp,
            "text dump, three forms: total 0.02 above the sum (fires, beyond 0.011); total 0.01 below the sum "
            "(tolerated) and 预算执行率 99.00% = the funds' 99.00; 预算执行率 =100% target with 99.00% and full marks")


# ------------------------------------------------------------------ 10 real-form wording of misses
def s10():
    P, Q, S = "产出指标", "效益指标", "满意度指标"
    f0 = F("南枫县公共机构节能设备运维", frows("64.00", "64.00"), [
        ind(P, "质量指标", "设备完好率", "100%", "95%", 20, 20),
        ind(P, "数量指标", "巡检次数", "≥24次", "22次", 10, f"{round2(D(22) / D(24) * 10):.2f}", "无"),
        ind(P, "时效指标", "维修响应时间", "≤2小时", "1.5小时", 20, 20),
        ind(Q, "社会效益指标", "设施运行保障", "有效保障", "有效保障", 20, 20, "无"),
        ind(S, "服务对象满意度指标", "使用单位满意度", "≥90%", "92%", 20, 20)], dept="南枫县机关事务管理局")
    retotal(f0)
    f1 = F("南枫县建筑施工安全监管", frows("48.00", "48.00"), [
        ind(P, "质量指标", "安全生产事故", "=0起", "1起", 10, 10),
        ind(P, "数量指标", "在建工地检查覆盖率", "≥95％", "93%", 20, 20),
        ind(P, "时效指标", "隐患整改完成时间", "10月底前", "10月底前", 20, 20),
        ind(Q, "社会效益指标", "施工安全形势", "持续稳定", "持续稳定", 20, 20),
        ind(S, "服务对象满意度指标", "周边群众满意度", "≥90%", "91%", 20, 20)], dept="南枫县住房和城乡建设局")
    f2 = F("南枫县基层干部能力提升培训", frows("36.00", "36.00"), [
        ind(P, "数量指标", "培训人次", "≥500人次", "520人次", 10, "9.5", "培训组织工作存在不足，酌情扣0.5分。"),
        ind(P, "数量指标", "发放培训手册", "≥2000册", "2100册", 10, "9.49", "手册印制存在质量问题，酌情扣分。"),
        ind(P, "质量指标", "培训质量", "良好", "良好", 10, "10.01"),
        ind(P, "时效指标", "培训完成时间", "11月底前", "11月底前", 20, 20),
        ind(Q, "社会效益指标", "干部履职能力", "有效提升", "有效提升", 20, 20),
        ind(S, "服务对象满意度指标", "参训人员满意度", "≥90%", "95%", 20, 20)], dept="南枫县委组织部")
    retotal(f2)
    exp = [E(0, "target_not_met", "warning", "indicators[0].score",
             "target 100% (no operator: the usual reading is =/≥100%), actual 95%, full 20 of 20; SCHEMA: 'a "
             "quantitative actual misses its target'"),
           E(0, "deviation_missing", "warning", "indicators[1].deviation",
             "score 9.17 of 10 with deviation cell 无 (none): no reason is given"),
           E(1, "target_not_met", "warning", "indicators[0].score", "1起 misses =0起, full 10"),
           E(1, "rescore_differs", "info", "indicators[0].score", "=0 missed by 1: rescored 0/1 x 10 = 0.00"),
           E(1, "target_not_met", "warning", "indicators[1].score", "93% misses ≥95％ (full-width %), full 20"),
           E(2, "rescore_differs", "info", "indicators[1].score", "met target, printed 9.49, rescored 10 (gap 0.51)"),
           E(2, "score_exceeds_weight", "error", "indicators[2].score", "10.01 of weight 10")]
    return ("variant5_10_real_wording_of_misses", [f0, f1, f2], exp,
            "form 0: target 100% printed without operator, 95% actual, full marks; 9.17 of 10 with deviation 无; "
            "a full score with deviation 无 (control); form 1: =0起 / 1起 full marks, ≥95％ (full-width) / 93% full "
            "marks; form 2: a met target printed 9.5 (gap 0.50, no rescore_differs) and 9.49 (gap 0.51), a "
            "qualitative score 10.01 of 10")


# ------------------------------------------------------------------ 11 printed precision
def s11():
    f0 = F("岚桥区街巷环境综合提升", frows("300.00", "300.00"), inds_partial("83.67"), dept="岚桥区城市管理局")
    assert ssum(f0) == D("93.67")
    f0["total_score"] = "93.7"                 # the total printed with one decimal
    f1 = F("岚桥区街巷环境综合提升（二期）", frows("600.00", "567.41", "80.00", "75.20"), inds_clean(),
           dept="岚桥区城市管理局")
    for fr in f1["funds"][:3]:                 # rates printed with one decimal, rounded
        fr["rate"] = f"{(D(fr['executed']) / D(fr['annual']) * 100).quantize(D('0.1'), rounding='ROUND_HALF_UP')}%"
    assert [fr["rate"] for fr in f1["funds"][:3]] == ["94.6%", "94.7%", "94.0%"], f1["funds"]
    assert f1["funds"][0]["score"] == "9.46"
    f2 = F("岚桥区街巷环境综合提升（三期）", frows("600.00", "567.41", "80.00", "75.20"),
           inds_clean((20, 20, 10, 20, 10)) + [ind("产出指标", "成本指标", "预算执行率", "≥90%", "94.6%", 10, 10)],
           dept="岚桥区城市管理局")
    f3 = F("岚桥区防汛排涝设施应急抢修", frows("240.00", "249.91", "40.00", "41.20"), inds_clean(),
           dept="岚桥区城市管理局")
    f3["funds"][0]["rate"] = "100.00"          # the over-spent rate printed capped at 100
    exp = [E(3, "execution_rate", "error", "funds[0].execution_rate",
             "249.91/240.00 = 104.13, form prints the capped 100.00")]
    return ("variant5_11_printed_precision", [f0, f1, f2, f3], exp,
            "form 0: scores add up to 93.67, total printed 93.7 (one decimal, correctly rounded); form 1: rates "
            "printed with one decimal 94.6% / 94.7% / 94.0% (exact 94.568 / 94.656 / 94.0); form 2: 预算执行率 "
            "indicator 94.6% against the funds' 94.56; form 3: executed over budget, rate printed capped 100.00 "
            "(exact 104.13). Expectations for forms 0-2 (nothing fires) go beyond SCHEMA's 2-decimal tolerances "
            "on purpose: see README.")


TXT = {"variant5_09"}


CASES = [s01(), s02(), s03(), s04(), s05(), s06(), s07(), s08(), s09(), s10(), s11()]
