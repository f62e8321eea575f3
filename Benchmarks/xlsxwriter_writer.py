#!/usr/bin/env python3
"""Baseline: Python XlsxWriter writing the same workbook as c_writer.c (and chitieu) for the
SYNTHETIC ledger of generate.py, in constant-memory mode; compare_cells.py checks it.

    xlsxwriter_writer.py OUT.xlsx [ORGS=4000] [INDICATORS=10] [DATA_FILE_NAME_FOR_THE_FOOTER]
"""
import datetime
import sys

import xlsxwriter

from generate import YEARS, figures, vn

NAMES = ["Kết nạp đảng viên mới", "Số đảng viên", "Tổ chức cơ sở đảng trực thuộc", "Đảng bộ cơ sở", "Chi bộ cơ sở",
         "Tổ chức đảng dưới cơ sở", "Tổ chức đảng được cấp ủy cấp trên kiểm tra trong năm",
         "Tổ chức đảng được giám sát chuyên đề trong năm", "Văn bản Đảng ủy ban hành", "Quyết định về công tác đảng viên"]
NOUNS = ["đảng viên", "đảng viên", "tổ chức", "đảng bộ", "chi bộ", "tổ chức", "tổ chức", "tổ chức", "văn bản", "quyết định"]
TERM = "Đại hội lần thứ XIII, nhiệm kỳ 2015–2020"
BODY = "Đảng bộ Khối giả định (SỐ LIỆU TỔNG HỢP GIẢ ĐỊNH)"
TITLE = "Kết quả thực hiện chỉ tiêu nghị quyết đại hội — %s — %s" % (BODY, TERM)
WORDS = ["vượt", "đạt", "không đạt", "chưa có số liệu", "đúng tiến độ", "có nguy cơ không đạt",
         "chậm hơn tiến độ", "đáng lo ngại", "đúng hướng, đủ nhanh", "tiến bộ vừa phải", "tiến bộ hạn chế", "đi xa chỉ tiêu"]


def verdict(v, t):
    return "vượt" if v > t else "đạt" if v == t else "không đạt"


def lines(text, width):
    """Lines of a text wrapped at spaces, as chitieu counts them."""
    room = max(1, int(width * 0.95) - 1)
    if len(text) <= room:
        return 1
    count, current = 1, 0
    for word in text.split():
        w = len(word)
        if current == 0:
            current = w
        elif current + 1 + w <= room:
            current += 1 + w
        else:
            count, current = count + 1, w
        while current > room:
            count, current = count + 1, current - room
    return count


def height(cells, widths):
    return 15.0 * max(lines(c, w) for c, w in zip(cells, widths))


def term_formulas(first, last):
    rng = "'Theo năm'!$H$%d:$H$%d" % (first + 1, last + 1)
    tally = ('=IF(COUNTIF(%s,"chưa có số liệu")=5,"chưa có số liệu",(COUNTIF(%s,"vượt")+COUNTIF(%s,"đạt"))&"/5 năm đạt")'
             % (rng, rng, rng))
    judged = ('=IF(COUNTIF(%s,"không đạt")>0,"không đạt",IF(COUNTIF(%s,"chưa có số liệu")>0,"chưa có số liệu",'
              'IF(COUNTIF(%s,"vượt")=5,"vượt","đạt")))' % (rng, rng, rng))
    return tally, judged


def judged_row(r):
    n = r + 1
    return ('=IF(ISNUMBER(E%d),E%d/D%d,"")' % (n, n, n), '=IF(ISNUMBER(E%d),(E%d-D%d),"")' % (n, n, n),
            '=IF(E%d="","chưa có số liệu",IF(E%d>D%d,"vượt",IF(E%d=D%d,"đạt","không đạt")))' % (n, n, n, n, n))


def main():
    out = sys.argv[1]
    orgs = int(sys.argv[2]) if len(sys.argv) > 2 else 4000
    inds = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    data_file = sys.argv[4] if len(sys.argv) > 4 else "synthetic.yaml"
    wb = xlsxwriter.Workbook(out, {"constant_memory": True})
    wb.set_properties({"title": TITLE, "subject": "Báo cáo kết quả thực hiện chỉ tiêu, đánh giá tại năm 2026", "author": "chitieu",
                       "keywords": "chỉ tiêu, nghị quyết đại hội, Giả định, XIII", "created": datetime.datetime(2020, 12, 31)})
    summary, by, src = wb.add_worksheet("Tổng hợp"), wb.add_worksheet("Theo năm"), wb.add_worksheet("Nguồn")
    header, footer = "&L%s&R%s" % (BODY, TERM), "&LChitieu — %s&CTrang &P/&N" % data_file
    f_title = wb.add_format({"bold": True, "font_size": 14})
    f_header = wb.add_format({"bold": True, "text_wrap": True, "bg_color": "#D9E2F3", "border": 1, "align": "center", "valign": "top"})
    plain = wb.add_format({"border": 1, "valign": "top"})
    text = wb.add_format({"text_wrap": True, "border": 1, "valign": "top"})
    count = wb.add_format({"num_format": "#,##0", "border": 1, "valign": "top"})
    pct = wb.add_format({"num_format": "0.0%", "border": 1, "valign": "top"})
    gap = wb.add_format({"num_format": "+#,##0;-#,##0;0", "border": 1, "valign": "top"})
    bold = wb.add_format({"bold": True, "text_wrap": True, "border": 1, "valign": "top"})
    met = wb.add_format({"bg_color": "#C6EFCE", "font_color": "#006100"})
    not_met = wb.add_format({"bg_color": "#FFC7CE", "font_color": "#9C0006"})
    at_risk = wb.add_format({"bg_color": "#FFEB9C", "font_color": "#9C5700"})
    behind = wb.add_format({"bg_color": "#FFF2CC", "font_color": "#7F6000"})
    colours = [wb.add_format({"bg_color": "#63BE7B", "font_color": "#0B3D17"}), met, not_met,
               wb.add_format({"bg_color": "#EDEDED", "font_color": "#595959"}), met, at_risk,
               behind, not_met, met, behind, at_risk, not_met]

    def finish(ws, first, last, column, repeat):
        for word, f in zip(WORDS, colours):
            ws.conditional_format(first, column, last, column, {"type": "cell", "criteria": "equal to", "value": '"%s"' % word, "format": f})

    def setup(ws, repeat):
        ws.set_landscape()
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        if repeat:
            ws.repeat_rows(3, 3)
        ws.set_header(header)
        ws.set_footer(footer)

    by.write_string(0, 0, TITLE, f_title)
    by.write_string(1, 0, "Chỉ tiêu hằng năm: từng năm, cả nhiệm kỳ và cộng dồn.")
    for c, t in enumerate(["STT", "Chỉ tiêu", "Năm", "Mức chỉ tiêu", "Kết quả", "Tỷ lệ đạt", "Chênh lệch", "Đánh giá"]):
        by.write_string(3, c, t, f_header)
    for c, w in enumerate([6, 46, 14, 13, 16, 11, 14, 18]):
        by.set_column(c, c, w)
    r, charts = 4, 0
    for o in range(orgs):
        for k in range(inds):
            t, v = figures(o, k)
            words = "Tổ chức %05d: hằng năm đạt từ %s trở lên" % (o, vn(t))
            label = str(o * inds + k + 1)
            h = height([words], [46])
            first = r
            for y in range(len(YEARS)):
                by.write_string(r, 0, label, plain)
                by.write_string(r, 1, words, text)
                by.write_number(r, 2, YEARS[y], plain)
                by.set_row(r, h)
                by.write_number(r, 3, t, count)
                by.write_number(r, 4, v[y], count)
                f1, f2, f3 = judged_row(r)
                by.write_formula(r, 5, f1, pct, v[y] / t)
                by.write_formula(r, 6, f2, gap, v[y] - t)
                by.write_formula(r, 7, f3, plain, verdict(v[y], t))
                r += 1
            last = r - 1
            met_years = sum(1 for x in v if x >= t)
            tally, judged = term_formulas(first, last)
            by.write_string(r, 0, label, bold)
            by.write_string(r, 1, words, bold)
            by.write_string(r, 2, "Cả nhiệm kỳ", bold)
            by.set_row(r, h)
            by.write_number(r, 3, t, count)
            by.write_formula(r, 4, tally, bold, "%d/5 năm đạt" % met_years)
            by.write_blank(r, 5, None, plain)
            by.write_blank(r, 6, None, plain)
            by.write_formula(r, 7, judged, bold, "không đạt" if met_years < 5 else "vượt" if all(x > t for x in v) else "đạt")
            r += 1
            by.write_string(r, 0, label, plain)
            by.write_string(r, 1, words, text)
            by.write_string(r, 2, "Cộng 5 năm", plain)
            by.write_number(r, 3, t * 5, count)
            by.write_formula(r, 4, '=IF(COUNT(E%d:E%d)=5,SUM(E%d:E%d),"")' % (first + 1, last + 1, first + 1, last + 1), count, sum(v))
            f1, f2, f3 = judged_row(r)
            by.write_formula(r, 5, f1, pct, sum(v) / (t * 5))
            by.write_formula(r, 6, f2, gap, sum(v) - t * 5)
            by.write_formula(r, 7, f3, plain, verdict(sum(v), t * 5))
            by.set_row(r, h)
            r += 1
            if charts < 100:
                chart = wb.add_chart({"type": "line"})
                chart.set_title({"name": "%s. %s" % (label, NAMES[k % 10])})
                chart.add_series({"name": "Kết quả", "categories": ["Theo năm", first, 2, last, 2], "values": ["Theo năm", first, 4, last, 4]})
                chart.add_series({"name": "Chỉ tiêu", "categories": ["Theo năm", first, 2, last, 2], "values": ["Theo năm", first, 3, last, 3]})
                chart.set_legend({"position": "bottom"})
                by.insert_chart(3 + charts * 16, 9, chart)
                charts += 1
    finish(by, 4, r - 1, 7, True)
    by.freeze_panes(4, 2)
    by.autofilter(3, 0, r - 1, 7)
    setup(by, True)

    summary.write_string(0, 0, TITLE, f_title)
    summary.write_string(1, 0, "Đánh giá tại năm 2026 (chọn bằng --as-of): nhiệm kỳ kết thúc năm 2020, đã kết thúc. Tỷ lệ đạt, chênh lệch và đánh giá là công thức: sửa kết quả thì tự tính lại.")
    # The headline counts: a yearly target is met when every year is, exceeded when every year is beyond.
    met_n = exceeded_n = 0
    for o in range(orgs):
        for k in range(inds):
            t, v = figures(o, k)
            if all(x >= t for x in v):
                met_n += 1
                exceeded_n += all(x > t for x in v)
    total = orgs * inds
    headline = "Có %s/%s chỉ tiêu đạt và vượt" % (vn(met_n), vn(total))
    if exceeded_n:
        headline += " (trong đó %s chỉ tiêu vượt)" % vn(exceeded_n)
    if total - met_n:
        headline += "; %s chỉ tiêu không đạt" % vn(total - met_n)
    summary.write_string(2, 0, headline + ".", wb.add_format({"bold": True}))
    for c, t in enumerate(["STT", "Chỉ tiêu (nguyên văn)", "Chỉ số", "Quy tắc", "Kỳ đánh giá", "Mức chỉ tiêu", "Kết quả", "Tỷ lệ đạt", "Chênh lệch", "Đánh giá", "Nguồn", "Đánh giá thủ công"]):
        summary.write_string(3, c, t, f_header)
    for c, w in enumerate([6, 52, 30, 24, 14, 13, 16, 11, 14, 18, 16, 40]):
        summary.set_column(c, c, w)
    r = 4
    for o in range(orgs):
        for k in range(inds):
            t, v = figures(o, k)
            i = o * inds + k
            first = 4 + i * 7
            last, cumulative = first + 4, first + 6
            words = "Tổ chức %05d: hằng năm đạt từ %s trở lên" % (o, vn(t))
            rule = "từ %s %s trở lên" % (vn(t), NOUNS[k % 10])
            met_years = sum(1 for x in v if x >= t)
            tally_text = "%d/5 năm đạt" % met_years
            summary.write_string(r, 0, str(i + 1), plain)
            summary.write_string(r, 1, words, text)
            summary.write_string(r, 2, NAMES[k % 10], text)
            summary.write_string(r, 3, rule, text)
            summary.write_string(r, 4, "mỗi năm", text)
            summary.write_string(r, 10, "[gd]", text)
            summary.write_blank(r, 11, None, text)  # no manual verdict
            summary.set_row(r, height([words, NAMES[k % 10], rule, "mỗi năm", "[gd]", tally_text], [52, 30, 24, 14, 16, 16]))
            summary.write_number(r, 5, t, count)
            tally, judged = term_formulas(first, last)
            summary.write_formula(r, 6, tally, plain, tally_text)
            summary.write_formula(r, 7, "='Theo năm'!$F$%d" % (cumulative + 1), pct, sum(v) / (t * 5))
            summary.write_formula(r, 8, "='Theo năm'!$G$%d" % (cumulative + 1), gap, sum(v) - t * 5)
            summary.write_formula(r, 9, judged, plain, "không đạt" if met_years < 5 else "vượt" if all(x > t for x in v) else "đạt")
            r += 1
    finish(summary, 4, r - 1, 9, True)
    summary.freeze_panes(4, 2)
    summary.autofilter(3, 0, r - 1, 11)
    setup(summary, True)

    widths = [12, 60, 30, 16, 70, 12, 8]
    src.write_string(0, 0, "Nguồn và trích dẫn nguyên văn", f_title)
    for c, w in enumerate(widths):
        src.set_column(c, c, w)
    for c, t in enumerate(["Mã", "Tên bài", "Nơi đăng", "Ngày", "Bản lưu"]):
        src.write_string(2, c, t, f_header)
    source = ["gd", "Số liệu giả định cho đo tốc độ", "chitieu", "31/12/2020", ""]
    for c, s in enumerate(source):
        src.write_string(3, c, s, text)
    src.set_row(3, height(source, widths))
    for c, t in enumerate(["STT / loại", "Chỉ tiêu hoặc chỉ số", "Kỳ", "Số liệu", "Trích dẫn nguyên văn", "Nguồn", "Dòng"]):
        src.write_string(5, c, t, f_header)
    r = 6
    for i in range(orgs * inds):
        o, k = divmod(i, inds)
        t, v = figures(o, k)
        cells = [str(i + 1), NAMES[k % 10], "mỗi năm", "từ %s trở lên" % vn(t), "Tổ chức %05d: hằng năm đạt từ %s trở lên" % (o, vn(t)), "gd"]
        for c, s in enumerate(cells):
            src.write_string(r, c, s, text)
        src.set_row(r, height(cells, widths))
        src.write_blank(r, 6, None, plain)
        r += 1
    for i in range(orgs * inds):
        o, k = divmod(i, inds)
        t, v = figures(o, k)
        for y in range(len(YEARS)):
            cells = ["kết quả", NAMES[k % 10], "năm %d" % YEARS[y], vn(v[y]), "năm %d: %s" % (YEARS[y], vn(v[y])), "gd"]
            for c, s in enumerate(cells):
                src.write_string(r, c, s, text)
            src.set_row(r, height(cells, widths))
            src.write_blank(r, 6, None, plain)
            r += 1
    src.freeze_panes(6, 0)
    setup(src, False)
    wb.close()


if __name__ == "__main__":
    main()
