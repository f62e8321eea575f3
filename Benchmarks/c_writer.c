/* Baseline for the writer benchmark: a plain C program that only writes, with libxlsxwriter in
 * constant-memory mode, the workbook chitieu wrote — the same sheets, cells, strings, formulas with
 * their cached results, formats, merged ranges, row heights, column widths, conditional formats,
 * validations, print set-up and charts — from the list workbook_dump.py made of chitieu's file.
 * No loading, validation or evaluation: the values come from the list, read a line at a time.
 * With --dry it reads and splits the list without writing anything, so that run.sh can take the
 * reading out of the C writer's time (the writer alone is the baseline).
 *
 *   cc -O2 c_writer.c -o c_writer $(pkg-config --cflags --libs xlsxwriter)
 *   ./c_writer OUT.xlsx LIST.txt [--dry]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#define MAX_FIELDS 16
#define MAX_SHEETS 64

/* Splits a line at tabs in place and undoes the list's escapes (\\, \t, \n). */
static int split(char *line, char **fields) {
    int n = 0;
    char *w = line, *r = line;
    fields[n++] = w;
    for (; *r && *r != '\n'; r++) {
        if (*r == '\t') { *w++ = 0; if (n < MAX_FIELDS) fields[n++] = w; continue; }
        if (*r == '\\' && r[1]) { r++; *w++ = *r == 't' ? '\t' : *r == 'n' ? '\n' : *r; continue; }
        *w++ = *r;
    }
    *w = 0;
    return n;
}

/* Strings libxlsxwriter keeps by pointer until the workbook is closed (chart titles, names). */
static char *keep(const char *s) { return strdup(s); }

#define MAX_FORMATS 4096
static char **spec[MAX_FORMATS];      /* each format's fields from its F line */
static lxw_format *formats[MAX_FORMATS];

/* The format of index i: index bold italic size name colour fill numfmt box under halign valign wrap indent unlocked. */
static lxw_format *format(lxw_workbook *wb, int i) {
    if (i < 0 || i >= MAX_FORMATS || !spec[i]) return NULL;
    if (formats[i]) return formats[i];
    char **f = spec[i];
    lxw_format *x = workbook_add_format(wb);
    formats[i] = x;
    if (i == 0) return x; /* the default, for blank cells (which need a format) */
    if (atoi(f[2])) format_set_bold(x);
    if (atoi(f[3])) format_set_italic(x);
    if (strcmp(f[4], "11") != 0) format_set_font_size(x, atof(f[4]));
    if (strcmp(f[5], "Calibri") != 0) format_set_font_name(x, f[5]);
    if (f[6][0] != '-') format_set_font_color(x, (lxw_color_t)atol(f[6]));
    if (f[7][0] != '-') format_set_bg_color(x, (lxw_color_t)atol(f[7]));
    if (f[8][0] != '-' || f[8][1]) format_set_num_format(x, f[8]);
    if (atoi(f[9])) format_set_border(x, LXW_BORDER_THIN);
    if (atoi(f[10])) format_set_bottom(x, LXW_BORDER_THIN);
    if (!strcmp(f[11], "left")) format_set_align(x, LXW_ALIGN_LEFT);
    if (!strcmp(f[11], "center")) format_set_align(x, LXW_ALIGN_CENTER);
    if (!strcmp(f[11], "right")) format_set_align(x, LXW_ALIGN_RIGHT);
    if (!strcmp(f[12], "top")) format_set_align(x, LXW_ALIGN_VERTICAL_TOP);
    if (!strcmp(f[12], "center")) format_set_align(x, LXW_ALIGN_VERTICAL_CENTER);
    if (atoi(f[13])) format_set_text_wrap(x);
    if (atoi(f[14])) format_set_indent(x, (uint8_t)atoi(f[14]));
    if (atoi(f[15])) format_set_unlocked(x);
    return x;
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: c_writer OUT.xlsx LIST.txt [--dry]\n"); return 2; }
    int dry = argc > 3 && strcmp(argv[3], "--dry") == 0;
    FILE *in = fopen(argv[2], "r");
    if (!in) { perror(argv[2]); return 1; }
    lxw_workbook *wb = NULL;
    lxw_format *colours[MAX_FORMATS] = {0};
    lxw_worksheet *sheets[MAX_SHEETS] = {0};
    int nsheets = 0;
    lxw_worksheet *ws = NULL;
    lxw_chart *chart = NULL;
    /* A chart is inserted once its series are added (the next chart, sheet or the end). */
    lxw_worksheet *chart_sheet = NULL;
    lxw_row_t chart_row = 0;
    lxw_col_t chart_col = 0;
    lxw_chart_options chart_options = {0};
#define INSERT_CHART() do { if (chart) worksheet_insert_chart_opt(chart_sheet, chart_row, chart_col, chart, &chart_options); chart = NULL; } while (0)
    lxw_doc_properties props = {0};
    size_t cap = 1 << 16;
    char *line = malloc(cap), *f[MAX_FIELDS];
    long lines = 0;
    while (1) {
        /* getline-like, for lines longer than any buffer guess */
        size_t len = 0;
        int ch = 0;
        while ((ch = getc_unlocked(in)) != EOF) {
            if (len + 2 > cap) { cap *= 2; line = realloc(line, cap); }
            line[len++] = (char)ch;
            if (ch == '\n') break;
        }
        if (len == 0) break;
        line[len] = 0;
        lines++;
        int n = split(line, f);
        if (dry) continue;
        char k = f[0][0];
        lxw_format *fmt = NULL;
        switch (k) {
        case 'O': { /* constant-memory mode or not, as chitieu chose */
            lxw_workbook_options options = {.constant_memory = (uint8_t)atoi(f[1])};
            wb = workbook_new_opt(argv[1], &options);
            break;
        }
        case 'X': { /* a conditional format's colours: index fill font */
            int i = atoi(f[1]);
            if (i < 0 || i >= MAX_FORMATS) break;
            colours[i] = workbook_add_format(wb);
            if (f[2][0] != '-') format_set_bg_color(colours[i], (lxw_color_t)atol(f[2]));
            if (f[3][0] != '-') format_set_font_color(colours[i], (lxw_color_t)atol(f[3]));
            if (atoi(f[4])) format_set_bold(colours[i]);
            break;
        }
        case 'T':
            props.title = keep(f[1]); props.subject = keep(f[2]); props.author = keep(f[3]); props.keywords = keep(f[4]);
            props.created = 1609372800;
            workbook_set_properties(wb, &props);
            break;
        case 'F': { /* kept, and made into a format where first used: libxlsxwriter numbers formats in that order */
            int i = atoi(f[1]);
            if (i < 0 || i >= MAX_FORMATS) break;
            spec[i] = malloc(sizeof(char *) * 16);
            for (int j = 0; j < 16 && j < n; j++) spec[i][j] = keep(f[j]);
            break;
        }
        case 'N': if (nsheets < MAX_SHEETS) sheets[nsheets++] = workbook_add_worksheet(wb, f[1]); break;
        case 'Q': { int i = atoi(f[1]); if (i < nsheets) worksheet_print_area(sheets[i], atoi(f[2]), atoi(f[3]), atoi(f[4]), atoi(f[5])); break; }
        case 'R': { int i = atoi(f[1]); if (i < nsheets) worksheet_repeat_rows(sheets[i], atoi(f[2]), atoi(f[3])); break; }
        case 'S': INSERT_CHART(); ws = workbook_get_worksheet_by_name(wb, f[1]); break;
        case 'W': worksheet_set_column(ws, atoi(f[1]), atoi(f[2]), atof(f[3]), NULL); break;
        case 'P': worksheet_freeze_panes(ws, atoi(f[1]), atoi(f[2])); break;
        case 'L': worksheet_protect(ws, NULL, NULL); break;
        case 'H': worksheet_set_row(ws, atoi(f[1]), atof(f[2]), NULL); break;
        case 'C': {
            lxw_row_t r = atoi(f[1]); lxw_col_t c = atoi(f[2]);
            int s = atoi(f[3]);
            fmt = s > 0 || f[4][0] == 'b' ? format(wb, s) : NULL;
            const char *kind = f[4];
            if (kind[0] == 's') worksheet_write_string(ws, r, c, f[5], fmt);
            else if (kind[0] == 'n') worksheet_write_number(ws, r, c, atof(f[5]), fmt);
            else if (kind[0] == 'b') worksheet_write_blank(ws, r, c, fmt);
            else if (kind[1] == 's') worksheet_write_formula_str(ws, r, c, f[6], fmt, f[5]);
            else worksheet_write_formula_num(ws, r, c, f[6], fmt, atof(f[5]));
            break;
        }
        case 'M': {
            int s = atoi(f[5]);
            worksheet_merge_range(ws, atoi(f[1]), atoi(f[2]), atoi(f[3]), atoi(f[4]), f[6], s > 0 ? format(wb, s) : NULL);
            break;
        }
        case 'A': worksheet_autofilter(ws, atoi(f[1]), atoi(f[2]), atoi(f[3]), atoi(f[4])); break;
        case 'K': { /* r0 c0 r1 c1 type operator dxf formula */
            lxw_conditional_format cf = {0};
            int d = atoi(f[7]);
            cf.format = d >= 0 && d < MAX_FORMATS ? colours[d] : NULL;
            if (!strcmp(f[5], "cellIs")) {
                cf.type = LXW_CONDITIONAL_TYPE_CELL;
                cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
                cf.value_string = keep(f[8]);
            } else {
                cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
                cf.value_string = keep(f[8]);
            }
            worksheet_conditional_format_range(ws, atoi(f[1]), atoi(f[2]), atoi(f[3]), atoi(f[4]), &cf);
            break;
        }
        case 'V': { /* r0 c0 r1 c1 type operator formula1 error-title error */
            lxw_data_validation v = {0};
            if (!strcmp(f[5], "decimal") || !strcmp(f[5], "whole")) {
                v.validate = !strcmp(f[5], "whole") ? LXW_VALIDATION_TYPE_INTEGER : LXW_VALIDATION_TYPE_DECIMAL;
                v.criteria = !strcmp(f[6], "greaterThanOrEqual") ? LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO : LXW_VALIDATION_CRITERIA_BETWEEN;
                v.value_number = atof(f[7]);
                v.minimum_number = atof(f[7]);
                v.maximum_number = 1e15;
            } else if (!strcmp(f[5], "list")) {
                v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
                v.value_formula = keep(f[7]);
            } else {
                v.validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA;
                v.value_formula = keep(f[7]);
            }
            if (f[8][0] != '-') v.error_title = keep(f[8]);
            if (f[9][0] != '-') v.error_message = keep(f[9]);
            if (n > 10 && f[10][0] != '-') v.input_title = keep(f[10]);
            if (n > 11 && f[11][0] != '-') v.input_message = keep(f[11]);
            worksheet_data_validation_range(ws, atoi(f[1]), atoi(f[2]), atoi(f[3]), atoi(f[4]), &v);
            break;
        }
        case 'G': /* paper orientation fit|scale header footer */
            worksheet_set_paper(ws, atoi(f[1]));
            if (!strcmp(f[2], "landscape")) worksheet_set_landscape(ws);
            if (!strcmp(f[3], "fit")) worksheet_fit_to_pages(ws, 1, 0);
            else if (f[3][0] != '-') worksheet_set_print_scale(ws, atoi(f[3]));
            if (n > 4 && f[4][0] == '=') worksheet_set_header(ws, f[4] + 1);
            if (n > 5 && f[5][0] == '=') worksheet_set_footer(ws, f[5] + 1);
            break;
        case 'Y': worksheet_set_margins(ws, atof(f[1]), atof(f[2]), atof(f[3]), atof(f[4])); break;
        case 'B': {
            lxw_row_t *breaks = calloc(1024, sizeof *breaks);
            int count = 0;
            for (char *p = strtok(f[1], " "); p && count < 1023; p = strtok(NULL, " ")) breaks[count++] = atoi(p);
            worksheet_set_h_pagebreaks(ws, breaks); /* kept until the workbook is closed */
            break;
        }
        case 'D': { /* row col kind xscale yscale title legend axis-format series */
            INSERT_CHART();
            chart = workbook_add_chart(wb, !strcmp(f[3], "line") ? LXW_CHART_LINE : LXW_CHART_COLUMN);
            chart_title_set_name(chart, keep(f[6]));
            if (!strcmp(f[7], "b")) chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
            else if (!strcmp(f[7], "none")) chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
            chart_axis_set_min(chart->y_axis, 0);
            if (f[8][0] != '-') chart_axis_set_num_format(chart->y_axis, keep(f[8]));
            chart_options = (lxw_chart_options){.x_scale = atof(f[4]), .y_scale = atof(f[5])};
            chart_sheet = ws; chart_row = atoi(f[1]); chart_col = atoi(f[2]);
            break;
        }
        case 'E': { /* name categories values marker labels */
            char *cat = malloc(strlen(f[2]) + 2), *val = malloc(strlen(f[3]) + 2);
            sprintf(cat, "=%s", f[2]);
            sprintf(val, "=%s", f[3]);
            lxw_chart_series *s = chart_add_series(chart, cat, val);
            chart_series_set_name(s, keep(f[1]));
            if (!strcmp(f[4], "circle")) chart_series_set_marker_type(s, LXW_CHART_MARKER_CIRCLE);
            if (!strcmp(f[4], "square")) chart_series_set_marker_type(s, LXW_CHART_MARKER_SQUARE);
            if (atoi(f[5])) chart_series_set_labels(s);
            break;
        }
        }
    }
    fclose(in);
    INSERT_CHART();
    if (dry) { fprintf(stderr, "read %ld lines\n", lines); return 0; }
    lxw_error e = workbook_close(wb);
    if (e != LXW_NO_ERROR) { fprintf(stderr, "%s\n", lxw_strerror(e)); return 1; }
    return 0;
}
