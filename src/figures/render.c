/* SPDX-License-Identifier: GPL-3.0-or-later */
/* render.c - the network figure to a file: coopnet_render_network (see coopnet/render.h), a thin
 * entry point over figures/draw_network.c and figures/draw_timeline.c. */
#include "coopnet/render.h"
#include "figures/draw.h"
#include "core/internal.h"

#include <stdlib.h>

typedef struct network_job {
    const coopnet_bundle_t *bundle;
    const coopnet_render_options_t *options;
    coopnet_figure_layout_t *layout;
} network_job_t;

static int draw_network_job(cairo_t *cr, coopnet_rect_t canvas, void *data, coopnet_error_t *err)
{
    network_job_t *job = data;
    return coopnet_i_draw_network(cr, canvas, job->bundle, job->options, job->layout, err);
}

int coopnet_render_network(const coopnet_bundle_t *bundle, const coopnet_render_options_t *options,
                           const char *path, coopnet_figure_layout_t **layout, coopnet_error_t *err)
{
    network_job_t job = {bundle, options, NULL};
    if (layout != NULL) {
        *layout = NULL;
        job.layout = calloc(1, sizeof *job.layout);
        if (job.layout == NULL)
            return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    }
    double width = 720, height = 540;
    if (options->layout == COOPNET_LAYOUT_TIMELINE)
        height = coopnet_i_draw_timeline_default_height(bundle, options);
    int status =
        coopnet_i_figure_write(path, &options->figure, width, height, draw_network_job, &job, err);
    if (status != COOPNET_OK || layout == NULL) {
        coopnet_figure_layout_free(job.layout);
        return status;
    }
    *layout = job.layout;
    return COOPNET_OK;
}
