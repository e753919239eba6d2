/* draw_timeline.c - the "who came to what, when" chart (see draw.h). */
#include "draw.h"

double coopnet_draw_timeline_default_height(const coopnet_bundle_t *bundle,
                                            const coopnet_render_options_t *options)
{
    return 540;
}

int coopnet_draw_timeline(cairo_t *cr, coopnet_rect_t rect, const coopnet_bundle_t *bundle,
                          const coopnet_render_options_t *options, coopnet_figure_layout_t *layout,
                          coopnet_error_t *err)
{
    return COOPNET_ERROR(err, COOPNET_EINVAL, "timeline not yet");
}
