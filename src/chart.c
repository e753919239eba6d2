/* chart.c - charts (see coopnet/chart.h). */
#include "coopnet/chart.h"
#include "draw.h"
