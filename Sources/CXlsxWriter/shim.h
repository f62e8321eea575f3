#ifndef CHITIEU_CXLSXWRITER_SHIM_H
#define CHITIEU_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>

/* Names the calling thread for the system's tools (top, perf, /proc/self/task/N/comm): the
   workbook's writer thread. Swift's Glibc module leaves out the GNU-only pthread_setname_np and
   Foundation's Thread.name does not reach the system, hence this declaration here. */
extern int pthread_setname_np(unsigned long thread, const char *name);
extern unsigned long pthread_self(void);
static inline void chitieu_name_this_thread(const char *name) {
    (void)pthread_setname_np(pthread_self(), name);
}
#endif
