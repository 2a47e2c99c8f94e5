#ifndef CWIDTH_H
#define CWIDTH_H
#include <stdint.h>

/* wcwidth(3) for one Unicode scalar. Swift's Glibc module hides wcwidth
 * (guarded by __USE_XOPEN), so it is reached through this tiny C target. */
int cwidth_wcwidth(uint32_t scalar);

#endif
