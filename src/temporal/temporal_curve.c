/* SPDX-License-Identifier: GPL-3.0-or-later */
/* temporal_curve.c - cumulative reach by month, quarter or year. */
#include "coopnet/temporal.h"

#include "core/internal.h"
#include "temporal/temporal_internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

void coopnet_temporal_curve_destroy(coopnet_temporal_curve_t *curve)
{
    if (curve == NULL)
        return;
    free(curve->day);
    free(curve->reached);
    free(curve->ratio);
    free(curve->mean_reach);
    memset(curve, 0, sizeof *curve);
}

/* Allocates the steps from the period of since to the period of the last contact day. */
static int curve_steps(const coopnet_temporal_network_t *network, coopnet_period_t period,
                       coopnet_temporal_curve_t *curve, coopnet_error_t *err)
{
    memset(curve, 0, sizeof *curve);
    int32_t last = network->n_days ? network->day_list[network->n_days - 1] : network->since_day;
    size_t n = 0;
    for (int32_t end = coopnet_period_end(network->since_day, period);;
         end = coopnet_period_end(end + 1, period)) {
        n++;
        if (end >= last)
            break;
    }
    curve->day = coopnet_i_alloc_array(n, sizeof *curve->day);
    curve->reached = calloc(n, sizeof *curve->reached);
    curve->ratio = coopnet_i_alloc_array(n, sizeof *curve->ratio);
    curve->mean_reach = coopnet_i_alloc_array(n, sizeof *curve->mean_reach);
    if (!curve->day || !curve->reached || !curve->ratio || !curve->mean_reach) {
        coopnet_temporal_curve_destroy(curve);
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory computing a reach curve");
    }
    curve->n_steps = n;
    int32_t end = coopnet_period_end(network->since_day, period);
    for (size_t s = 0; s < n; s++, end = coopnet_period_end(end + 1, period))
        curve->day[s] = end;
    return COOPNET_OK;
}

/* The step holding day (steps ascending; day <= the last step's end). */
static size_t step_of(const coopnet_temporal_curve_t *curve, int32_t day)
{
    size_t low = 0, high = curve->n_steps - 1;
    while (low < high) {
        size_t middle = (low + high) / 2;
        if (curve->day[middle] < day)
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}

int coopnet_temporal_curve_source(const coopnet_temporal_network_t *network,
                                  const coopnet_temporal_reach_t *reach, coopnet_period_t period,
                                  coopnet_temporal_curve_t *curve, coopnet_error_t *err)
{
    int status = curve_steps(network, period, curve, err);
    if (status != COOPNET_OK)
        return status;
    for (size_t a = 0; a < reach->n_actors; a++)
        if (reach->day[a] != COOPNET_TEMPORAL_NEVER)
            curve->reached[step_of(curve, reach->day[a])]++;
    double others = network->n_kept > 1 ? (double)(network->n_kept - 1) : 1.0;
    for (size_t s = 0; s < curve->n_steps; s++) {
        if (s > 0)
            curve->reached[s] += curve->reached[s - 1];
        curve->ratio[s] = (double)curve->reached[s] / others;
        curve->mean_reach[s] = (double)curve->reached[s];
    }
    return COOPNET_OK;
}

int coopnet_temporal_curve_all(const coopnet_temporal_network_t *network,
                               const coopnet_temporal_all_t *all, coopnet_period_t period,
                               coopnet_temporal_curve_t *curve, coopnet_error_t *err)
{
    int status = curve_steps(network, period, curve, err);
    if (status != COOPNET_OK)
        return status;
    for (size_t k = 0; k < all->n_days; k++)
        curve->reached[step_of(curve, all->days[k])] += all->new_pairs[k];
    double n = (double)all->n_kept;
    for (size_t s = 0; s < curve->n_steps; s++) {
        if (s > 0)
            curve->reached[s] += curve->reached[s - 1];
        curve->ratio[s] = n > 1 ? (double)curve->reached[s] / (n * (n - 1)) : 0.0;
        curve->mean_reach[s] = n > 0 ? (double)curve->reached[s] / n : 0.0;
    }
    return COOPNET_OK;
}
