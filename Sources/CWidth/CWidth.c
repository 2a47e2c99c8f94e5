#define _XOPEN_SOURCE 700
#include <wchar.h>
#include "CWidth.h"

int cwidth_wcwidth(uint32_t scalar) {
    return wcwidth((wchar_t)scalar);
}
