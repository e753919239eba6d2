/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_explore.c - the explorer page (coopnet/explore.h): the data escaped for <script>, each
 * link's evidence on a bundle worked by hand, the roles that convene, every error path. A stand-in
 * D3 file is written here, so the test does not need libjs-d3 (tests/explore_cli.sh and
 * tests/explore_browser.py use the real one). */
#include "analysis_fixtures.h"
#include "testing.h"

#include <stdlib.h>
#include <unistd.h>

/* Four actors; a's name would end a <script> element and open a comment, b's holds the line
 * separator U+2028 and an ampersand.
 *
 *   e1 (a host): a b c      links a-b, a-c, b-c
 *   e2:          a b        a-b again: a-b has two events, weight 2
 *   tie c-d (mou, directed) link c-d, its evidence the tie alone */
static const char actors[] = "id,name,level,country,lat,lon\n"
                             "a,</script><!--,local,MA,34.0,-6.8\n"
                             "b,Line\xe2\x80\xa8sep & co,national,MA,,\n"
                             "c,\"\"\"onmouseover=x\",local,TN,36.8,10.2\n"
                             "d,D,international,,,\n";
static const char events[] = "id,title,date,source\n"
                             "e1,<b>Workshop</b>,2024-03,\"doc: \"\"</script>\"\"\"\n"
                             "e2,Meeting,2024-05-02,\n";
static const char participation[] = "event,actor,role\n"
                                    "e1,a,host\ne1,b,participant\ne1,c,participant\n"
                                    "e2,a,participant\ne2,b,participant\n";
static const char ties[] = "from,to,type,start,directed\nc,d,mou,2024,true\n";

static char work[] = "/tmp/coopnet-test-explore-XXXXXX";
static char d3_path[sizeof work + 16];

static char *read_all(const char *path)
{
    FILE *file = fopen(path, "rb");
    if (file == NULL)
        return NULL;
    char *text = calloc(1, 1 << 20);
    size_t n = text ? fread(text, 1, (1 << 20) - 1, file) : 0;
    (void)n;
    fclose(file);
    return text;
}

static void write_text(const char *path, const char *text)
{
    FILE *file = fopen(path, "wb");
    if (file != NULL) {
        fputs(text, file);
        fclose(file);
    }
}

static coopnet_bundle_t *bundle_of_hand(void)
{
    return fixture_bundle(actors, events, participation, ties);
}

static void test_page(void)
{
    coopnet_bundle_t *bundle = bundle_of_hand();
    CHECK(bundle != NULL);
    if (bundle == NULL)
        return;
    coopnet_explore_options_t options;
    coopnet_explore_options_init(&options);
    options.d3_path = d3_path;
    char path[sizeof work + 16];
    snprintf(path, sizeof path, "%s/page.html", work);
    coopnet_error_t err;
    CHECK_INT(coopnet_explore_write(bundle, &options, path, &err), COOPNET_OK);
    char *page = read_all(path);
    CHECK(page != NULL);
    if (page != NULL) {
        CHECK_CONTAINS(page, "var d3 = {version: \"stand-in\"};");
        const char *open = strstr(page, "<script type=\"application/json\" id=\"coopnet-data\">");
        CHECK(open != NULL);
        if (open != NULL) {
            const char *data = strchr(open, '>') + 1, *close = strstr(data, "</script>");
            CHECK(close != NULL);
            size_t length = close ? (size_t)(close - data) : 0;
            /* nothing in the data that HTML or old JavaScript would read */
            for (size_t i = 0; i < length; i++) {
                CHECK(data[i] != '<' && data[i] != '>' && data[i] != '&');
                CHECK(
                    !(i + 2 < length && (unsigned char)data[i] == 0xE2 &&
                      (unsigned char)data[i + 1] == 0x80 &&
                      ((unsigned char)data[i + 2] == 0xA8 || (unsigned char)data[i + 2] == 0xA9)));
            }
            char *json = strndup(data, length);
            CHECK_CONTAINS(json, "\"name\":\"\\u003c/script\\u003e\\u003c!--\"");
            CHECK_CONTAINS(json, "\"name\":\"Line\\u2028sep \\u0026 co\"");
            CHECK_CONTAINS(json, "\"name\":\"\\\"onmouseover=x\"");
            CHECK_CONTAINS(json, "\"title\":\"\\u003cb\\u003eWorkshop\\u003c/b\\u003e\"");
            /* dates as written with their bounds (2024-03: 19783 to 19813) */
            CHECK_CONTAINS(json, "\"date\":\"2024-03\",\"date_bounds\":[19783,19813]");
            /* the roles that convene are coopnet whatif's */
            CHECK_CONTAINS(json, "{\"name\":\"host\",\"convenes\":true}");
            CHECK_CONTAINS(json, "{\"name\":\"participant\",\"convenes\":false}");
            CHECK_CONTAINS(json, "{\"name\":\"facilitator\",\"convenes\":true}");
            /* each link with its events and ties, by hand (igraph writes an undirected edge
             * with the higher vertex first) */
            CHECK_CONTAINS(json, "[1,0,2,[0,1],[]]");
            CHECK_CONTAINS(json, "[2,0,1,[0],[]]");
            CHECK_CONTAINS(json, "[2,1,1,[0],[]]");
            CHECK_CONTAINS(json, "[3,2,1,[],[0]]");
            /* a, c are located: a map with a fitted projection */
            CHECK_CONTAINS(json, "\"map\":true,\"projection\":{");
            free(json);
        }
        int scripts = 0;
        for (const char *p = page; (p = strstr(p, "<script")) != NULL; p++)
            scripts++;
        CHECK_INT(scripts, 4);
    }
    free(page);

    /* the same bytes again */
    char again[sizeof work + 16];
    snprintf(again, sizeof again, "%s/again.html", work);
    CHECK_INT(coopnet_explore_write(bundle, &options, again, &err), COOPNET_OK);
    char *first = read_all(path), *second = read_all(again);
    CHECK(first && second && strcmp(first, second) == 0);
    free(first);
    free(second);
    coopnet_bundle_free(bundle);
}

/* With a backbone of pairs sharing two events, only a-b keeps its events; c-d its tie. */
static void test_backbone(void)
{
    coopnet_bundle_t *bundle = bundle_of_hand();
    CHECK(bundle != NULL);
    if (bundle == NULL)
        return;
    coopnet_explore_options_t options;
    coopnet_explore_options_init(&options);
    options.d3_path = d3_path;
    options.render.graph.backbone.kind = COOPNET_GRAPH_BACKBONE_MIN_SHARED;
    options.render.graph.backbone.min_shared = 2;
    char path[sizeof work + 16];
    snprintf(path, sizeof path, "%s/backbone.html", work);
    coopnet_error_t err;
    CHECK_INT(coopnet_explore_write(bundle, &options, path, &err), COOPNET_OK);
    char *page = read_all(path);
    CHECK_CONTAINS(page, "\"links\":[[1,0,2,[0,1],[]],[3,2,1,[],[0]]]");
    free(page);
    coopnet_bundle_free(bundle);
}

static void test_errors(void)
{
    coopnet_bundle_t *bundle = bundle_of_hand();
    CHECK(bundle != NULL);
    if (bundle == NULL)
        return;
    coopnet_explore_options_t options;
    coopnet_explore_options_init(&options);
    coopnet_error_t err;
    char path[sizeof work + 32], missing[sizeof work + 32], unsafe[sizeof work + 32];
    snprintf(path, sizeof path, "%s/kept.html", work);
    snprintf(missing, sizeof missing, "%s/no-d3.js", work);
    snprintf(unsafe, sizeof unsafe, "%s/unsafe-d3.js", work);
    write_text(path, "kept");

    options.d3_path = missing; /* the library missing: EIO naming the package */
    CHECK_INT(coopnet_explore_write(bundle, &options, path, &err), COOPNET_EIO);
    CHECK_CONTAINS(err.message, "(install Debian's libjs-d3)");

    write_text(unsafe, "var d3 = '<!-- ';");
    options.d3_path = unsafe; /* it would open a comment in the page: EDATA */
    CHECK_INT(coopnet_explore_write(bundle, &options, path, &err), COOPNET_EDATA);
    CHECK_CONTAINS(err.message, "holds '</script' or '<!--' at byte 10");

    options.d3_path = d3_path;
    options.render.layout = COOPNET_LAYOUT_BIPARTITE; /* no position per actor */
    CHECK_INT(coopnet_explore_write(bundle, &options, path, &err), COOPNET_EINVAL);
    options.render.layout = COOPNET_LAYOUT_TIMELINE;
    CHECK_INT(coopnet_explore_write(bundle, &options, path, &err), COOPNET_EINVAL);
    options.render.layout = COOPNET_LAYOUT_AUTO;

    const char *exclude[] = {"nobody"}; /* the graph's own errors come through */
    options.render.graph.exclude = exclude;
    options.render.graph.n_exclude = 1;
    CHECK_INT(coopnet_explore_write(bundle, &options, path, &err), COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "nobody");
    options.render.graph.n_exclude = 0;

    char *kept = read_all(path); /* every failure left the page as it was */
    CHECK_STR(kept, "kept");
    free(kept);

    char unwritable[sizeof work + 32];
    snprintf(unwritable, sizeof unwritable, "%s/no-such-dir/page.html", work);
    CHECK_INT(coopnet_explore_write(bundle, &options, unwritable, &err), COOPNET_EIO);
    coopnet_bundle_free(bundle);
}

static void test_roles(void)
{
    CHECK(coopnet_whatif_role_convenes(COOPNET_ROLE_HOST));
    CHECK(coopnet_whatif_role_convenes(COOPNET_ROLE_ORGANISER));
    CHECK(coopnet_whatif_role_convenes(COOPNET_ROLE_FACILITATOR));
    CHECK(!coopnet_whatif_role_convenes(COOPNET_ROLE_PARTICIPANT));
    CHECK(!coopnet_whatif_role_convenes(COOPNET_ROLE_PRESENTER));
    CHECK(!coopnet_whatif_role_convenes(COOPNET_ROLE_LEARNER));
    CHECK(!coopnet_whatif_role_convenes(COOPNET_ROLE_FUNDER));
}

int main(void)
{
    if (mkdtemp(work) == NULL) {
        perror("mkdtemp");
        return 1;
    }
    snprintf(d3_path, sizeof d3_path, "%s/d3.js", work);
    write_text(d3_path, "var d3 = {version: \"stand-in\"};");
    TEST_RUN(test_page);
    TEST_RUN(test_backbone);
    TEST_RUN(test_errors);
    TEST_RUN(test_roles);
    char command[sizeof work + 16];
    snprintf(command, sizeof command, "rm -rf %s", work);
    if (system(command) != 0)
        fprintf(stderr, "could not remove %s\n", work);
    return TEST_DONE();
}
