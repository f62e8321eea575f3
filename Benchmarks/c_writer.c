/* Baseline for the writer benchmark: a plain C program that only writes, with libxlsxwriter, the
 * workbook chitieu writes for the SYNTHETIC ledger of generate.py: the same sheets, rows, cells,
 * formulas, cached values, formats, row heights, conditional formats, charts, print set-up and
 * document properties, in constant-memory mode, with no loading, validation or evaluation (the
 * figures come from the generator's formula). compare_cells.py checks that the worksheets match.
 *
 *   cc -O2 c_writer.c -o c_writer $(pkg-config --cflags --libs xlsxwriter)
 *   ./c_writer OUT.xlsx [ORGS=4000] [INDICATORS=10] [DATA_FILE_NAME_FOR_THE_FOOTER]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#define YEARS 5
#define FIRST_YEAR 2016
#define MAX_CHARTS 100

/* The ten count indicators generate.py cycles through: name and noun from Targets/indicators.yaml. */
static const char *NAMES[] = {"Kết nạp đảng viên mới", "Số đảng viên", "Tổ chức cơ sở đảng trực thuộc", "Đảng bộ cơ sở",
                              "Chi bộ cơ sở", "Tổ chức đảng dưới cơ sở", "Tổ chức đảng được cấp ủy cấp trên kiểm tra trong năm",
                              "Tổ chức đảng được giám sát chuyên đề trong năm", "Văn bản Đảng ủy ban hành", "Quyết định về công tác đảng viên"};
static const char *NOUNS[] = {"đảng viên", "đảng viên", "tổ chức", "đảng bộ", "chi bộ", "tổ chức", "tổ chức", "tổ chức", "văn bản", "quyết định"};

static void figures(int org, int k, int *target, int values[YEARS]) {
    *target = 10 + (org * 7 + k * 13) % 190;
    for (int y = 0; y < YEARS; y++) values[y] = *target - 5 + (org * 31 + k * 17 + y * 11) % 25;
}

static const char *verdict(long v, long t) { return v > t ? "vượt" : v == t ? "đạt" : "không đạt"; }

/* 4294 as "4.294". */
static void vn(char *out, size_t size, long n) {
    if (n < 1000) { snprintf(out, size, "%ld", n); return; }
    char rest[24];
    vn(rest, sizeof rest, n / 1000);
    snprintf(out, size, "%s.%03ld", rest, n % 1000);
}

static int chars(const char *s, size_t n) { int c = 0; for (size_t i = 0; i < n; i++) c += ((unsigned char)s[i] & 0xC0) != 0x80; return c; }

/* Lines of a text wrapped at spaces in a column of `width` characters, as chitieu counts them. */
static int lines(const char *text, double width) {
    int room = (int)(width * 0.95) - 1;
    if (room < 1) room = 1;
    if (chars(text, strlen(text)) <= room) return 1;
    int count = 1, current = 0;
    for (const char *p = text; *p;) {
        while (*p == ' ') p++;
        if (!*p) break;
        const char *end = strchr(p, ' ');
        if (!end) end = p + strlen(p);
        int w = chars(p, end - p);
        if (current == 0) current = w;
        else if (current + 1 + w <= room) current += 1 + w;
        else { count++; current = w; }
        while (current > room) { count++; current -= room; }
        p = end;
    }
    return count;
}

static double height(int n, const char **texts, const double *widths) {
    int most = 1;
    for (int i = 0; i < n; i++) { int l = lines(texts[i], widths[i]); if (l > most) most = l; }
    return 15.0 * most;
}

static lxw_format *format(lxw_workbook *wb, int bold, const char *num, int wrap, int bg, int border, int center, int top, double size) {
    lxw_format *f = workbook_add_format(wb);
    if (bold) format_set_bold(f);
    if (num) format_set_num_format(f, num);
    if (wrap) format_set_text_wrap(f);
    if (bg) format_set_bg_color(f, bg);
    if (border) format_set_border(f, LXW_BORDER_THIN);
    if (center) format_set_align(f, LXW_ALIGN_CENTER);
    if (top) format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (size) format_set_font_size(f, size);
    return f;
}

static lxw_format *colour(lxw_workbook *wb, int bg, int font) {
    lxw_format *f = workbook_add_format(wb);
    format_set_bg_color(f, bg);
    format_set_font_color(f, font);
    return f;
}

static void highlight(lxw_worksheet *ws, lxw_format **colours, int first, int last, int column) {
    static const char *words[] = {"\"vượt\"", "\"đạt\"", "\"không đạt\"", "\"chưa có số liệu\"", "\"đúng tiến độ\"", "\"có nguy cơ không đạt\"",
                                  "\"chậm hơn tiến độ\"", "\"đáng lo ngại\"", "\"đúng hướng, đủ nhanh\"", "\"tiến bộ vừa phải\"",
                                  "\"tiến bộ hạn chế\"", "\"đi xa chỉ tiêu\""};
    for (int i = 0; i < 12; i++) {
        lxw_conditional_format cf = {.type = LXW_CONDITIONAL_TYPE_CELL, .criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO,
                                     .value_string = (char *)words[i], .format = colours[i]};
        worksheet_conditional_format_range(ws, first, column, last, column, &cf);
    }
}

static void print_setup(lxw_worksheet *ws, int repeat, const char *header, const char *footer) {
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 0);
    if (repeat) worksheet_repeat_rows(ws, 3, 3);
    worksheet_set_header(ws, header);
    worksheet_set_footer(ws, footer);
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: c_writer OUT.xlsx [ORGS] [INDICATORS] [DATA_FILE]\n"); return 2; }
    int orgs = argc > 2 ? atoi(argv[2]) : 4000, inds = argc > 3 ? atoi(argv[3]) : 10;
    const char *file = argc > 4 ? argv[4] : "synthetic.yaml";
    int n = orgs * inds;
    lxw_workbook_options options = {.constant_memory = LXW_TRUE};
    lxw_workbook *wb = workbook_new_opt(argv[1], &options);
    const char *term = "Đại hội lần thứ XIII, nhiệm kỳ 2015–2020";
    const char *body = "Đảng bộ Khối giả định (SỐ LIỆU TỔNG HỢP GIẢ ĐỊNH)";
    char title[512], header[512], footer[1024], buf[512], f1[512], f2[512], f3[512], label[16], range[64], num[32];
    snprintf(title, sizeof title, "Kết quả thực hiện chỉ tiêu nghị quyết đại hội — %s — %s", body, term);
    lxw_doc_properties props = {.title = title, .subject = "Báo cáo kết quả thực hiện chỉ tiêu, đánh giá tại năm 2026",
                                .author = "chitieu", .keywords = "chỉ tiêu, nghị quyết đại hội, Giả định, XIII", .created = 1609372800};
    workbook_set_properties(wb, &props);
    lxw_worksheet *sum = workbook_add_worksheet(wb, "Tổng hợp");
    lxw_worksheet *by = workbook_add_worksheet(wb, "Theo năm");
    lxw_worksheet *src = workbook_add_worksheet(wb, "Nguồn");
    snprintf(header, sizeof header, "&L%s&R%s", body, term);
    snprintf(footer, sizeof footer, "&LChitieu — %s&CTrang &P/&N", file);

    lxw_format *ftitle = format(wb, 1, NULL, 0, 0, 0, 0, 0, 14);
    lxw_format *fheader = format(wb, 1, NULL, 1, 0xD9E2F3, 1, 1, 1, 0);
    lxw_format *plain = format(wb, 0, NULL, 0, 0, 1, 0, 1, 0);
    lxw_format *text = format(wb, 0, NULL, 1, 0, 1, 0, 1, 0);
    lxw_format *count = format(wb, 0, "#,##0", 0, 0, 1, 0, 1, 0);
    lxw_format *pct = format(wb, 0, "0.0%", 0, 0, 1, 0, 1, 0);
    lxw_format *gap = format(wb, 0, "+#,##0;-#,##0;0", 0, 0, 1, 0, 1, 0);
    lxw_format *bold = format(wb, 1, NULL, 1, 0, 1, 0, 1, 0);
    lxw_format *fheadline = format(wb, 1, NULL, 0, 0, 0, 0, 0, 0);
    lxw_format *met = colour(wb, 0xC6EFCE, 0x006100);
    lxw_format *not_met = colour(wb, 0xFFC7CE, 0x9C0006), *at_risk = colour(wb, 0xFFEB9C, 0x9C5700);
    lxw_format *colours[12] = {colour(wb, 0x63BE7B, 0x0B3D17), met, not_met, colour(wb, 0xEDEDED, 0x595959), met, at_risk, NULL, not_met,
                               met, NULL, at_risk, not_met};
    colours[6] = colours[9] = colour(wb, 0xFFF2CC, 0x7F6000); /* slightly behind, moderate progress */

    /* Theo năm: per target five year rows, the term row and the cumulative row; charts for the first targets. */
    worksheet_write_string(by, 0, 0, title, ftitle);
    worksheet_write_string(by, 1, 0, "Chỉ tiêu hằng năm: từng năm, cả nhiệm kỳ và cộng dồn.", NULL);
    const char *by_titles[] = {"STT", "Chỉ tiêu", "Năm", "Mức chỉ tiêu", "Kết quả", "Tỷ lệ đạt", "Chênh lệch", "Đánh giá"};
    for (int c = 0; c < 8; c++) worksheet_write_string(by, 3, c, by_titles[c], fheader);
    const double by_widths[] = {6, 46, 14, 13, 16, 11, 14, 18};
    for (int c = 0; c < 8; c++) worksheet_set_column(by, c, c, by_widths[c], NULL);
    lxw_row_t r = 4;
    int charts = 0;
    for (int o = 0; o < orgs; o++) for (int k = 0; k < inds; k++) {
        int t, v[YEARS], met_years = 0, all_exceeded = 1; long total = 0;
        figures(o, k, &t, v);
        vn(num, sizeof num, t);
        snprintf(buf, sizeof buf, "Tổ chức %05d: hằng năm đạt từ %s trở lên", o, num);
        snprintf(label, sizeof label, "%d", o * inds + k + 1);
        double h = height(1, (const char *[]){buf}, (double[]){46});
        lxw_row_t first = r;
        for (int y = 0; y < YEARS; y++, r++) {
            worksheet_write_string(by, r, 0, label, plain);
            worksheet_write_string(by, r, 1, buf, text);
            worksheet_write_number(by, r, 2, FIRST_YEAR + y, plain);
            worksheet_set_row(by, r, h, NULL);
            worksheet_write_number(by, r, 3, t, count);
            worksheet_write_number(by, r, 4, v[y], count);
            snprintf(f1, sizeof f1, "=IF(ISNUMBER(E%u),E%u/D%u,\"\")", r + 1, r + 1, r + 1);
            snprintf(f2, sizeof f2, "=IF(ISNUMBER(E%u),(E%u-D%u),\"\")", r + 1, r + 1, r + 1);
            snprintf(f3, sizeof f3, "=IF(E%u=\"\",\"chưa có số liệu\",IF(E%u>D%u,\"vượt\",IF(E%u=D%u,\"đạt\",\"không đạt\")))", r + 1, r + 1, r + 1, r + 1, r + 1);
            worksheet_write_formula_num(by, r, 5, f1, pct, (double)v[y] / t);
            worksheet_write_formula_num(by, r, 6, f2, gap, v[y] - t);
            worksheet_write_formula_str(by, r, 7, f3, plain, verdict(v[y], t));
            met_years += v[y] >= t; all_exceeded &= v[y] > t; total += v[y];
        }
        lxw_row_t last = r - 1;
        snprintf(range, sizeof range, "'Theo năm'!$H$%u:$H$%u", first + 1, last + 1);
        char tally[600], term_verdict[600], tally_text[32];
        snprintf(tally, sizeof tally, "=IF(COUNTIF(%s,\"chưa có số liệu\")=5,\"chưa có số liệu\",(COUNTIF(%s,\"vượt\")+COUNTIF(%s,\"đạt\"))&\"/5 năm đạt\")", range, range, range);
        snprintf(term_verdict, sizeof term_verdict, "=IF(COUNTIF(%s,\"không đạt\")>0,\"không đạt\",IF(COUNTIF(%s,\"chưa có số liệu\")>0,\"chưa có số liệu\",IF(COUNTIF(%s,\"vượt\")=5,\"vượt\",\"đạt\")))", range, range, range);
        snprintf(tally_text, sizeof tally_text, "%d/5 năm đạt", met_years);
        const char *term_word = met_years < YEARS ? "không đạt" : all_exceeded ? "vượt" : "đạt";
        worksheet_write_string(by, r, 0, label, bold);
        worksheet_write_string(by, r, 1, buf, bold);
        worksheet_write_string(by, r, 2, "Cả nhiệm kỳ", bold);
        worksheet_set_row(by, r, h, NULL);
        worksheet_write_number(by, r, 3, t, count);
        worksheet_write_formula_str(by, r, 4, tally, bold, tally_text);
        worksheet_write_blank(by, r, 5, plain);
        worksheet_write_blank(by, r, 6, plain);
        worksheet_write_formula_str(by, r, 7, term_verdict, bold, term_word);
        r++;
        lxw_row_t cumulative = r;
        worksheet_write_string(by, r, 0, label, plain);
        worksheet_write_string(by, r, 1, buf, text);
        worksheet_write_string(by, r, 2, "Cộng 5 năm", plain);
        worksheet_write_number(by, r, 3, t * YEARS, count);
        snprintf(f1, sizeof f1, "=IF(COUNT(E%u:E%u)=5,SUM(E%u:E%u),\"\")", first + 1, last + 1, first + 1, last + 1);
        worksheet_write_formula_num(by, r, 4, f1, count, total);
        snprintf(f1, sizeof f1, "=IF(ISNUMBER(E%u),E%u/D%u,\"\")", r + 1, r + 1, r + 1);
        snprintf(f2, sizeof f2, "=IF(ISNUMBER(E%u),(E%u-D%u),\"\")", r + 1, r + 1, r + 1);
        snprintf(f3, sizeof f3, "=IF(E%u=\"\",\"chưa có số liệu\",IF(E%u>D%u,\"vượt\",IF(E%u=D%u,\"đạt\",\"không đạt\")))", r + 1, r + 1, r + 1, r + 1, r + 1);
        worksheet_write_formula_num(by, r, 5, f1, pct, (double)total / (t * YEARS));
        worksheet_write_formula_num(by, r, 6, f2, gap, total - t * YEARS);
        worksheet_write_formula_str(by, r, 7, f3, plain, verdict(total, t * YEARS));
        worksheet_set_row(by, r, h, NULL);
        r++;
        (void)cumulative;
        if (charts < MAX_CHARTS) {
            lxw_chart *chart = workbook_add_chart(wb, LXW_CHART_LINE);
            char *chart_title = malloc(256); /* libxlsxwriter keeps the pointer until the workbook is closed */
            snprintf(chart_title, 256, "%s. %s", label, NAMES[k % 10]);
            chart_title_set_name(chart, chart_title);
            lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
            chart_series_set_categories(s, "Theo năm", first, 2, last, 2);
            chart_series_set_values(s, "Theo năm", first, 4, last, 4);
            chart_series_set_name(s, "Kết quả");
            s = chart_add_series(chart, NULL, NULL);
            chart_series_set_categories(s, "Theo năm", first, 2, last, 2);
            chart_series_set_values(s, "Theo năm", first, 3, last, 3);
            chart_series_set_name(s, "Chỉ tiêu");
            chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
            worksheet_insert_chart(by, 3 + charts * 16, 9, chart);
            charts++;
        }
    }
    highlight(by, colours, 4, r - 1, 7);
    worksheet_freeze_panes(by, 4, 2);
    worksheet_autofilter(by, 3, 0, r - 1, 7);
    print_setup(by, 1, header, footer);

    /* Tổng hợp: one row per target, referring to its rows on "Theo năm". */
    worksheet_write_string(sum, 0, 0, title, ftitle);
    worksheet_write_string(sum, 1, 0, "Đánh giá tại năm 2026 (chọn bằng --as-of): nhiệm kỳ kết thúc năm 2020, đã kết thúc. Tỷ lệ đạt, chênh lệch và đánh giá là công thức: sửa kết quả thì tự tính lại.", NULL);
    /* The headline counts: a yearly target is met when every year is, exceeded when every year is beyond. */
    int met_targets = 0, exceeded_targets = 0;
    for (int o = 0; o < orgs; o++) for (int k = 0; k < inds; k++) {
        int t, v[YEARS], met_years = 0, all_exceeded = 1;
        figures(o, k, &t, v);
        for (int y = 0; y < YEARS; y++) { met_years += v[y] >= t; all_exceeded &= v[y] > t; }
        if (met_years == YEARS) { met_targets++; exceeded_targets += all_exceeded; }
    }
    char headline[512], n1[32], n2[32], n3[32], n4[32];
    vn(n1, sizeof n1, met_targets); vn(n2, sizeof n2, n); vn(n3, sizeof n3, exceeded_targets); vn(n4, sizeof n4, n - met_targets);
    int at = snprintf(headline, sizeof headline, "Có %s/%s chỉ tiêu đạt và vượt", n1, n2);
    if (exceeded_targets) at += snprintf(headline + at, sizeof headline - at, " (trong đó %s chỉ tiêu vượt)", n3);
    if (n - met_targets) at += snprintf(headline + at, sizeof headline - at, "; %s chỉ tiêu không đạt", n4);
    snprintf(headline + at, sizeof headline - at, ".");
    worksheet_write_string(sum, 2, 0, headline, fheadline);
    const char *sum_titles[] = {"STT", "Chỉ tiêu (nguyên văn)", "Chỉ số", "Quy tắc", "Kỳ đánh giá", "Mức chỉ tiêu", "Kết quả", "Tỷ lệ đạt", "Chênh lệch", "Đánh giá", "Nguồn", "Đánh giá thủ công"};
    for (int c = 0; c < 12; c++) worksheet_write_string(sum, 3, c, sum_titles[c], fheader);
    const double sum_widths[] = {6, 52, 30, 24, 14, 13, 16, 11, 14, 18, 16, 40};
    for (int c = 0; c < 12; c++) worksheet_set_column(sum, c, c, sum_widths[c], NULL);
    r = 4;
    for (int o = 0; o < orgs; o++) for (int k = 0; k < inds; k++, r++) {
        int t, v[YEARS], met_years = 0, all_exceeded = 1; long total = 0;
        figures(o, k, &t, v);
        for (int y = 0; y < YEARS; y++) { met_years += v[y] >= t; all_exceeded &= v[y] > t; total += v[y]; }
        int i = o * inds + k;
        lxw_row_t first = 4 + i * (YEARS + 2), last = first + YEARS - 1, cumulative = last + 2;
        vn(num, sizeof num, t);
        snprintf(buf, sizeof buf, "Tổ chức %05d: hằng năm đạt từ %s trở lên", o, num);
        snprintf(label, sizeof label, "%d", i + 1);
        char rule[128], tally_text[32], tally[600], term_verdict[600];
        snprintf(rule, sizeof rule, "từ %s %s trở lên", num, NOUNS[k % 10]);
        snprintf(tally_text, sizeof tally_text, "%d/5 năm đạt", met_years);
        worksheet_write_string(sum, r, 0, label, plain);
        worksheet_write_string(sum, r, 1, buf, text);
        worksheet_write_string(sum, r, 2, NAMES[k % 10], text);
        worksheet_write_string(sum, r, 3, rule, text);
        worksheet_write_string(sum, r, 4, "mỗi năm", text);
        worksheet_write_string(sum, r, 10, "[gd]", text);
        worksheet_write_blank(sum, r, 11, text); /* no manual verdict */
        const char *texts[] = {buf, NAMES[k % 10], rule, "mỗi năm", "[gd]", tally_text};
        worksheet_set_row(sum, r, height(6, texts, (double[]){52, 30, 24, 14, 16, 16}), NULL);
        worksheet_write_number(sum, r, 5, t, count);
        snprintf(range, sizeof range, "'Theo năm'!$H$%u:$H$%u", first + 1, last + 1);
        snprintf(tally, sizeof tally, "=IF(COUNTIF(%s,\"chưa có số liệu\")=5,\"chưa có số liệu\",(COUNTIF(%s,\"vượt\")+COUNTIF(%s,\"đạt\"))&\"/5 năm đạt\")", range, range, range);
        snprintf(term_verdict, sizeof term_verdict, "=IF(COUNTIF(%s,\"không đạt\")>0,\"không đạt\",IF(COUNTIF(%s,\"chưa có số liệu\")>0,\"chưa có số liệu\",IF(COUNTIF(%s,\"vượt\")=5,\"vượt\",\"đạt\")))", range, range, range);
        worksheet_write_formula_str(sum, r, 6, tally, plain, tally_text);
        snprintf(f1, sizeof f1, "='Theo năm'!$F$%u", cumulative + 1);
        snprintf(f2, sizeof f2, "='Theo năm'!$G$%u", cumulative + 1);
        worksheet_write_formula_num(sum, r, 7, f1, pct, (double)total / (t * YEARS));
        worksheet_write_formula_num(sum, r, 8, f2, gap, total - t * YEARS);
        worksheet_write_formula_str(sum, r, 9, term_verdict, plain, met_years < YEARS ? "không đạt" : all_exceeded ? "vượt" : "đạt");
    }
    highlight(sum, colours, 4, r - 1, 9);
    worksheet_freeze_panes(sum, 4, 2);
    worksheet_autofilter(sum, 3, 0, r - 1, 11);
    print_setup(sum, 1, header, footer);

    /* Nguồn: the source, every target's words, then every outcome's quote. */
    worksheet_write_string(src, 0, 0, "Nguồn và trích dẫn nguyên văn", ftitle);
    const double src_widths[] = {12, 60, 30, 16, 70, 12, 8};
    for (int c = 0; c < 7; c++) worksheet_set_column(src, c, c, src_widths[c], NULL);
    const char *source_titles[] = {"Mã", "Tên bài", "Nơi đăng", "Ngày", "Bản lưu"};
    for (int c = 0; c < 5; c++) worksheet_write_string(src, 2, c, source_titles[c], fheader);
    const char *source[] = {"gd", "Số liệu giả định cho đo tốc độ", "chitieu", "31/12/2020", ""};
    for (int c = 0; c < 5; c++) worksheet_write_string(src, 3, c, source[c], text);
    worksheet_set_row(src, 3, height(5, source, src_widths), NULL);
    const char *quote_titles[] = {"STT / loại", "Chỉ tiêu hoặc chỉ số", "Kỳ", "Số liệu", "Trích dẫn nguyên văn", "Nguồn", "Dòng"};
    for (int c = 0; c < 7; c++) worksheet_write_string(src, 5, c, quote_titles[c], fheader);
    r = 6;
    for (int i = 0; i < n; i++, r++) {
        int o = i / inds, k = i % inds, t, v[YEARS];
        figures(o, k, &t, v);
        vn(num, sizeof num, t);
        snprintf(buf, sizeof buf, "Tổ chức %05d: hằng năm đạt từ %s trở lên", o, num);
        snprintf(label, sizeof label, "%d", i + 1);
        char rule[128];
        snprintf(rule, sizeof rule, "từ %s trở lên", num);
        const char *cells[] = {label, NAMES[k % 10], "mỗi năm", rule, buf, "gd"};
        for (int c = 0; c < 6; c++) worksheet_write_string(src, r, c, cells[c], text);
        worksheet_set_row(src, r, height(6, cells, src_widths), NULL);
        worksheet_write_blank(src, r, 6, plain);
    }
    for (int i = 0; i < n; i++) {
        int o = i / inds, k = i % inds, t, v[YEARS];
        figures(o, k, &t, v);
        for (int y = 0; y < YEARS; y++, r++) {
            char period[32], value[32];
            snprintf(period, sizeof period, "năm %d", FIRST_YEAR + y);
            vn(value, sizeof value, v[y]);
            snprintf(buf, sizeof buf, "năm %d: %s", FIRST_YEAR + y, value);
            const char *cells[] = {"kết quả", NAMES[k % 10], period, value, buf, "gd"};
            for (int c = 0; c < 6; c++) worksheet_write_string(src, r, c, cells[c], text);
            worksheet_set_row(src, r, height(6, cells, src_widths), NULL);
            worksheet_write_blank(src, r, 6, plain);
        }
    }
    worksheet_freeze_panes(src, 6, 0);
    print_setup(src, 0, header, footer);

    lxw_error e = workbook_close(wb);
    if (e != LXW_NO_ERROR) { fprintf(stderr, "%s\n", lxw_strerror(e)); return 1; }
    return 0;
}
