#ifndef CHITIEU_CXLSXWRITER_SHIM_H
#define CHITIEU_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
