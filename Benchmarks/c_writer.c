/* Baseline for the writer benchmark: a plain C program that only writes the cells chitieu writes
 * for the SYNTHETIC ledger of generate.py (same sheets, rows, columns, formulas, cached values,
 * formats, constant-memory mode), with no loading, validation or evaluation.
 *
 *   cc -O2 c_writer.c -o c_writer $(pkg-config --cflags --libs xlsxwriter)
 *   ./c_writer OUT.xlsx [ORGS=4000] [INDICATORS=10]
 */
#include <stdio.h>
#include <stdlib.h>
#include <xlsxwriter.h>

#define YEARS 5

static void figures(int org, int k, int *target, int values[YEARS]) {
    *target = 10 + (org * 7 + k * 13) % 190;
    for (int y = 0; y < YEARS; y++) values[y] = *target - 5 + (org * 31 + k * 17 + y * 11) % 25;
}

static const char *verdict(int v, int t) { return v > t ? "vượt" : v == t ? "đạt" : "không đạt"; }

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: c_writer OUT.xlsx [ORGS] [INDICATORS]\n"); return 2; }
    int orgs = argc > 2 ? atoi(argv[2]) : 4000, inds = argc > 3 ? atoi(argv[3]) : 10;
    lxw_workbook_options options = {.constant_memory = LXW_TRUE};
    lxw_workbook *wb = workbook_new_opt(argv[1], &options);
    lxw_worksheet *sum = workbook_add_worksheet(wb, "Tổng hợp");
    lxw_worksheet *by = workbook_add_worksheet(wb, "Theo năm");
    lxw_worksheet *src = workbook_add_worksheet(wb, "Nguồn");
    lxw_format *text = workbook_add_format(wb); format_set_text_wrap(text); format_set_border(text, LXW_BORDER_THIN);
    lxw_format *count = workbook_add_format(wb); format_set_num_format(count, "#,##0"); format_set_border(count, LXW_BORDER_THIN);
    lxw_format *pct = workbook_add_format(wb); format_set_num_format(pct, "0.0%"); format_set_border(pct, LXW_BORDER_THIN);
    lxw_format *gap = workbook_add_format(wb); format_set_num_format(gap, "+#,##0;-#,##0;0"); format_set_border(gap, LXW_BORDER_THIN);
    char buf[512], f1[256], f2[256], f3[512];

    /* Theo năm: per target five year rows, a term row and a cumulative row. */
    worksheet_write_string(by, 3, 0, "STT", text);
    lxw_row_t r = 4;
    for (int o = 0; o < orgs; o++) for (int k = 0; k < inds; k++) {
        int t, v[YEARS], met = 0, total = 0; figures(o, k, &t, v);
        snprintf(buf, sizeof buf, "Tổ chức %05d: hằng năm đạt từ %d trở lên", o, t);
        lxw_row_t first = r;
        for (int y = 0; y < YEARS; y++, r++) {
            snprintf(f1, sizeof f1, "=IF(ISNUMBER(E%u),E%u/D%u,\"\")", r + 1, r + 1, r + 1);
            snprintf(f2, sizeof f2, "=IF(ISNUMBER(E%u),(E%u-D%u),\"\")", r + 1, r + 1, r + 1);
            snprintf(f3, sizeof f3, "=IF(E%u=\"\",\"chưa có số liệu\",IF(E%u>D%u,\"vượt\",IF(E%u=D%u,\"đạt\",\"không đạt\")))", r + 1, r + 1, r + 1, r + 1, r + 1);
            snprintf(f3 + 400, 100, "%d", o);
            worksheet_write_string(by, r, 0, f3 + 400, NULL);
            worksheet_write_string(by, r, 1, buf, text);
            worksheet_write_number(by, r, 2, 2016 + y, NULL);
            worksheet_set_row(by, r, 15, NULL);
            worksheet_write_number(by, r, 3, t, count);
            worksheet_write_number(by, r, 4, v[y], count);
            worksheet_write_formula_num(by, r, 5, f1, pct, (double)v[y] / t);
            worksheet_write_formula_num(by, r, 6, f2, gap, v[y] - t);
            worksheet_write_formula_str(by, r, 7, f3, NULL, verdict(v[y], t));
            met += v[y] >= t; total += v[y];
        }
        snprintf(f1, sizeof f1, "=(COUNTIF($H$%u:$H$%u,\"vượt\")+COUNTIF($H$%u:$H$%u,\"đạt\"))&\"/5 năm đạt\"", first + 1, r, first + 1, r);
        snprintf(f2, sizeof f2, "%d/5 năm đạt", met);
        worksheet_write_string(by, r, 1, buf, text);
        worksheet_write_formula_str(by, r, 4, f1, NULL, f2);
        worksheet_write_formula_str(by, r, 7, "=IF(COUNTIF($H$5:$H$9,\"không đạt\")>0,\"không đạt\",\"đạt\")", NULL, met == 5 ? "đạt" : "không đạt");
        r++;
        snprintf(f1, sizeof f1, "=IF(COUNT(E%u:E%u)=5,SUM(E%u:E%u),\"\")", first + 1, first + 5, first + 1, first + 5);
        worksheet_write_string(by, r, 1, buf, text);
        worksheet_write_number(by, r, 3, t * 5, count);
        worksheet_write_formula_num(by, r, 4, f1, count, total);
        snprintf(f2, sizeof f2, "=IF(ISNUMBER(E%u),E%u/D%u,\"\")", r + 1, r + 1, r + 1);
        worksheet_write_formula_num(by, r, 5, f2, pct, (double)total / (t * 5));
        r++;
    }

    /* Tổng hợp: one row per target. */
    worksheet_write_string(sum, 3, 0, "STT", text);
    r = 4;
    for (int o = 0; o < orgs; o++) for (int k = 0; k < inds; k++, r++) {
        int t, v[YEARS]; figures(o, k, &t, v);
        snprintf(buf, sizeof buf, "Tổ chức %05d: hằng năm đạt từ %d trở lên", o, t);
        worksheet_write_string(sum, r, 0, "1", NULL);
        worksheet_write_string(sum, r, 1, buf, text);
        worksheet_write_string(sum, r, 2, "Kết nạp đảng viên mới", text);
        worksheet_write_string(sum, r, 3, "từ 120 đảng viên trở lên", text);
        worksheet_write_string(sum, r, 4, "mỗi năm", text);
        worksheet_set_row(sum, r, 30, NULL);
        worksheet_write_number(sum, r, 5, t, count);
        worksheet_write_formula_str(sum, r, 6, "=(COUNTIF('Theo năm'!$H$5:$H$9,\"vượt\")+COUNTIF('Theo năm'!$H$5:$H$9,\"đạt\"))&\"/5 năm đạt\"", NULL, "4/5 năm đạt");
        worksheet_write_formula_num(sum, r, 7, "='Theo năm'!$F$11", pct, 1.0);
        worksheet_write_formula_num(sum, r, 8, "='Theo năm'!$G$11", gap, 0);
        worksheet_write_formula_str(sum, r, 9, "=IF(COUNTIF('Theo năm'!$H$5:$H$9,\"không đạt\")>0,\"không đạt\",\"đạt\")", NULL, "không đạt");
        worksheet_write_string(sum, r, 10, "[gd] Số liệu giả định cho đo tốc độ", text);
    }

    /* Nguồn: every target's words, then every outcome's quote. */
    r = 2;
    for (int o = 0; o < orgs; o++) for (int k = 0; k < inds; k++, r++) {
        int t, v[YEARS]; figures(o, k, &t, v);
        snprintf(buf, sizeof buf, "Tổ chức %05d: hằng năm đạt từ %d trở lên", o, t);
        worksheet_write_string(src, r, 0, "1", text);
        worksheet_write_string(src, r, 1, "Kết nạp đảng viên mới", text);
        worksheet_write_string(src, r, 2, "mỗi năm", text);
        worksheet_write_string(src, r, 3, "từ 120 trở lên", text);
        worksheet_write_string(src, r, 4, buf, text);
        worksheet_write_string(src, r, 5, "gd", text);
        worksheet_set_row(src, r, 15, NULL);
    }
    for (int o = 0; o < orgs; o++) for (int k = 0; k < inds; k++) {
        int t, v[YEARS]; figures(o, k, &t, v);
        for (int y = 0; y < YEARS; y++, r++) {
            snprintf(buf, sizeof buf, "năm %d: %d", 2016 + y, v[y]);
            snprintf(f1, sizeof f1, "%d", v[y]);
            worksheet_write_string(src, r, 0, "kết quả", text);
            worksheet_write_string(src, r, 1, "Kết nạp đảng viên mới", text);
            worksheet_write_string(src, r, 2, "năm", text);
            worksheet_write_string(src, r, 3, f1, text);
            worksheet_write_string(src, r, 4, buf, text);
            worksheet_write_string(src, r, 5, "gd", text);
            worksheet_set_row(src, r, 15, NULL);
        }
    }
    lxw_error e = workbook_close(wb);
    if (e != LXW_NO_ERROR) { fprintf(stderr, "%s\n", lxw_strerror(e)); return 1; }
    return 0;
}
