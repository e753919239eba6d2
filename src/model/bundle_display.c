/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bundle_display.c - long texts ellipsised for drawing (see model/bundle_display.h). */
#include "model/bundle_display.h"

#include "coopnet/error.h"
#include "coopnet/text.h"

#include <stdlib.h>
#include <string.h>

static bool too_long(const char *text)
{
    bool shortened;
    coopnet_text_cut(text ? text : "", COOPNET_TEXT_MAX_NAME, &shortened);
    return shortened;
}

/* Replaces *text by an ellipsised copy when it is too long; false when memory ran out. */
static bool shorten(const char **text)
{
    if (!too_long(*text))
        return true;
    char *copy = coopnet_text_ellipsize(*text, COOPNET_TEXT_MAX_NAME);
    if (copy == NULL)
        return false;
    *text = copy;
    return true;
}

/* Frees *copy's text when it is not original's (an ellipsised copy). */
static void free_copy(const char *copy, const char *original)
{
    if (copy != original)
        free((char *)copy);
}

void coopnet_i_bundle_display_free(const coopnet_bundle_t *display, const coopnet_bundle_t *bundle)
{
    if (display == NULL || display == bundle)
        return;
    for (size_t a = 0; display->actors != bundle->actors && a < bundle->n_actors; a++) {
        free_copy(display->actors[a].name, bundle->actors[a].name);
        free_copy(display->actors[a].name_ar, bundle->actors[a].name_ar);
        free_copy(display->actors[a].name_fr, bundle->actors[a].name_fr);
    }
    for (size_t e = 0; display->events != bundle->events && e < bundle->n_events; e++) {
        free_copy(display->events[e].title, bundle->events[e].title);
        free_copy(display->events[e].place, bundle->events[e].place);
    }
    for (size_t s = 0; display->sources != bundle->sources && s < bundle->n_sources; s++) {
        free_copy(display->sources[s].title, bundle->sources[s].title);
        free_copy(display->sources[s].publisher, bundle->sources[s].publisher);
    }
    if (display->actors != bundle->actors)
        free(display->actors);
    if (display->events != bundle->events)
        free(display->events);
    if (display->sources != bundle->sources)
        free(display->sources);
    free((coopnet_bundle_t *)display);
}

int coopnet_i_bundle_display_alloc(const coopnet_bundle_t *bundle, const coopnet_bundle_t **display)
{
    *display = bundle;
    bool long_actors = false, long_events = false, long_sources = false;
    for (size_t a = 0; a < bundle->n_actors && !long_actors; a++)
        long_actors = too_long(bundle->actors[a].name) || too_long(bundle->actors[a].name_ar) ||
                      too_long(bundle->actors[a].name_fr);
    for (size_t e = 0; e < bundle->n_events && !long_events; e++)
        long_events = too_long(bundle->events[e].title) || too_long(bundle->events[e].place);
    for (size_t s = 0; s < bundle->n_sources && !long_sources; s++)
        long_sources = too_long(bundle->sources[s].title) || too_long(bundle->sources[s].publisher);
    if (!long_actors && !long_events && !long_sources)
        return COOPNET_OK;

    coopnet_bundle_t *copy = malloc(sizeof *copy);
    if (copy == NULL)
        return COOPNET_ENOMEM;
    *copy = *bundle;
    bool ok = true;
    if (long_actors) {
        copy->actors = malloc((bundle->n_actors ? bundle->n_actors : 1) * sizeof *copy->actors);
        ok = copy->actors != NULL;
        if (ok)
            memcpy(copy->actors, bundle->actors, bundle->n_actors * sizeof *copy->actors);
        for (size_t a = 0; ok && a < bundle->n_actors; a++)
            ok = shorten(&copy->actors[a].name) && shorten(&copy->actors[a].name_ar) &&
                 shorten(&copy->actors[a].name_fr);
    }
    if (ok && long_events) {
        copy->events = malloc((bundle->n_events ? bundle->n_events : 1) * sizeof *copy->events);
        ok = copy->events != NULL;
        if (ok)
            memcpy(copy->events, bundle->events, bundle->n_events * sizeof *copy->events);
        for (size_t e = 0; ok && e < bundle->n_events; e++)
            ok = shorten(&copy->events[e].title) && shorten(&copy->events[e].place);
    }
    if (ok && long_sources) {
        copy->sources = malloc((bundle->n_sources ? bundle->n_sources : 1) * sizeof *copy->sources);
        ok = copy->sources != NULL;
        if (ok)
            memcpy(copy->sources, bundle->sources, bundle->n_sources * sizeof *copy->sources);
        for (size_t s = 0; ok && s < bundle->n_sources; s++)
            ok = shorten(&copy->sources[s].title) && shorten(&copy->sources[s].publisher);
    }
    if (!ok) {
        /* arrays that failed to allocate are NULL: point them back so that free skips them */
        if (copy->actors == NULL)
            copy->actors = bundle->actors;
        if (copy->events == NULL)
            copy->events = bundle->events;
        if (copy->sources == NULL)
            copy->sources = bundle->sources;
        coopnet_i_bundle_display_free(copy, bundle);
        *display = NULL;
        return COOPNET_ENOMEM;
    }
    *display = copy;
    return COOPNET_OK;
}
