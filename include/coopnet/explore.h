/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/explore.h - the interactive explorer: one self-contained HTML page of a bundle.
 *
 * coopnet_explore_write writes one HTML file that opens offline in a browser, with no server: the
 * data as JSON inside the page, the page's own code and the D3 library (Debian's libjs-d3, read
 * at run time from COOPNET_EXPLORE_D3_PATH) inline. The network view places every actor where
 * coopnet_render_network places it (the same layout, seed, canvas, colours and labels as the PNG,
 * PDF and SVG figures); hovering shows an actor's level, country, type, degree and betweenness,
 * clicking an actor or a link shows the events and ties behind it, each with its source (document
 * and quote) and its date as written. Filters (level, country, layer, name, "without" an actor
 * and the events it convened, as coopnet/whatif.h withdraws it), a map (the geo layout's
 * positions on the geo figure's land and borders, from the same map data, when some actor can be
 * placed), a timeline of who came to what, sortable tables
 * and CSV downloads of the current filter run in the page.
 *
 * Every link of the page is an edge of the cooperation graph built under options->render.graph,
 * with the events and ties that make it (docs/explore.md): the page filters that evidence and
 * never invents a link. Text from the data reaches the page only as JSON inside a <script>
 * element, with '<', '>', '&', U+2028 and U+2029 escaped, so no name can close the element; the
 * page puts it in the document as text, never as markup.
 */
#ifndef COOPNET_EXPLORE_H
#define COOPNET_EXPLORE_H

#include "coopnet/api.h"

#include "coopnet/bundle.h"
#include "coopnet/error.h"
#include "coopnet/render.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Where Debian's libjs-d3 (3.5.17 in Debian 12) installs the minified library. */
#define COOPNET_EXPLORE_D3_PATH "/usr/share/javascript/d3/d3.min.js"

typedef struct coopnet_explore_options {
    /* the network view as coopnet_render_network draws it: layout (a force layout, geo or
     * circle), seed, title, caption, the graph options (which actors, events and ties the page
     * holds) */
    coopnet_render_options_t render;
    const char *d3_path; /* the D3 3.x library to inline; NULL: COOPNET_EXPLORE_D3_PATH */
} coopnet_explore_options_t;

/* Defaults: coopnet_render_options_init's, D3 from COOPNET_EXPLORE_D3_PATH. */
COOPNET_API void coopnet_explore_options_init(coopnet_explore_options_t *options);

/* Writes the explorer page of bundle under options to path ("-" or NULL: standard output)
 * atomically (coopnet/output.h). Fails with EIO when the D3 library cannot be read (the message
 * names the file and Debian's libjs-d3) or path cannot be written, EDATA when the library file
 * holds "</script" or "<!--" (it could not be inlined safely), EINVAL as coopnet_render_network
 * (bipartite and timeline layouts have no position per actor), ENOMEM; the destination is then
 * untouched. Map data that cannot be read is no failure: the page's map then has no land and
 * says why. Cost: the network figure's layout and the geo layout (coopnet_render_network), the
 * map data's countries around the map read and simplified (about 0.3 s, 0.2 MB of page), exact
 * betweenness O(V E), O(sum over events of size^2 log V) to list each link's shared events, and
 * output linear in the bundle plus the links' evidence. */
COOPNET_API int coopnet_explore_write(const coopnet_bundle_t *bundle,
                                      const coopnet_explore_options_t *options, const char *path,
                                      coopnet_error_t *err);

#ifdef __cplusplus
}
#endif
#endif
