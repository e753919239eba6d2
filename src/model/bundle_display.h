/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bundle_display.h - a bundle as figures and the report show it: every name, event title, place
 * and source title longer than COOPNET_TEXT_MAX_NAME characters ellipsised (coopnet/text.h), so
 * that a 10 MB name costs no more to lay out than a short one. Not installed. */
#ifndef COOPNET_BUNDLE_DISPLAY_H
#define COOPNET_BUNDLE_DISPLAY_H

#include "coopnet/bundle.h"

/* Sets *display to bundle itself when no text in it is too long (the usual case, O(text) to
 * check), otherwise to a shallow copy whose actors, events and sources arrays are copies with
 * the long texts ellipsised; ids, indices and everything else are shared with bundle, so ids
 * are found as in bundle (coopnet_bundle_find_actor) and the copy must not outlive it. Returns
 * COOPNET_OK or COOPNET_ENOMEM (*display NULL). O(actors + events + sources + length of the
 * texts checked); the copies cost O(actors + events + sources). */
int coopnet_i_bundle_display_alloc(const coopnet_bundle_t *bundle,
                                   const coopnet_bundle_t **display);

/* Frees what coopnet_i_bundle_display_alloc made for bundle (nothing when display is bundle);
 * accepts NULL. */
void coopnet_i_bundle_display_free(const coopnet_bundle_t *display, const coopnet_bundle_t *bundle);

#endif
