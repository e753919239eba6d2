/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_progress.c - the progress display of the command-line tool (see cli.h). */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define BAR_WIDTH 28
#define REDRAW_SECONDS 0.1
/* without a terminal (a log, cron): a line when a stage starts, then one every LOG_SECONDS while
 * it runs, and one when a stage that ran that long ends */
#define LOG_SECONDS 10.0
#define STAGE_NAME_SIZE 64

typedef struct progress_state {
    int enabled; /* -1: not decided yet */
    bool terminal;
    bool line_open; /* a bar is drawn and not ended by a newline */
    char stage[STAGE_NAME_SIZE];
    double stage_start, last_draw;
} progress_state_t;

static progress_state_t state = {-1, false, false, "", 0, 0};

static double now_seconds(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec + (double)now.tv_nsec * 1e-9;
}

static void format_duration(double seconds, char *buffer, size_t size)
{
    long whole = (long)(seconds + 0.5);
    if (whole >= 3600)
        snprintf(buffer, size, "%ld:%02ld:%02ld", whole / 3600, whole / 60 % 60, whole % 60);
    else
        snprintf(buffer, size, "%ld:%02ld", whole / 60, whole % 60);
}

static void draw_bar(uint64_t done, uint64_t total, double now)
{
    char bar[BAR_WIDTH + 1], time_text[32], when[48];
    double elapsed = now - state.stage_start;
    if (total == 0) {
        /* unknown amount of work: a moving block and the elapsed time */
        int position = (int)(elapsed / REDRAW_SECONDS) % BAR_WIDTH;
        for (int i = 0; i < BAR_WIDTH; i++)
            bar[i] = (i >= position && i < position + 4) ? '=' : ' ';
        bar[BAR_WIDTH] = '\0';
        format_duration(elapsed, time_text, sizeof time_text);
        fprintf(stderr, "\r%-24.24s [%s]       %s\033[K", state.stage, bar, time_text);
        state.line_open = true;
        return;
    }
    if (done > total)
        done = total;
    int filled = (int)((double)BAR_WIDTH * (double)done / (double)total);
    for (int i = 0; i < BAR_WIDTH; i++)
        bar[i] = i < filled ? '=' : (i == filled ? '>' : ' ');
    bar[BAR_WIDTH] = '\0';
    if (done == total) {
        format_duration(elapsed, time_text, sizeof time_text);
        snprintf(when, sizeof when, "done in %s", time_text);
    } else if (done > 0 && elapsed > 0.5) {
        format_duration(elapsed * (double)(total - done) / (double)done, time_text,
                        sizeof time_text);
        snprintf(when, sizeof when, "%s left", time_text);
    } else {
        snprintf(when, sizeof when, "estimating");
    }
    fprintf(stderr, "\r%-24.24s [%s] %3d%%  %s\033[K", state.stage, bar,
            (int)(100.0 * (double)done / (double)total), when);
    state.line_open = true;
    if (done == total) {
        fputc('\n', stderr);
        state.line_open = false;
    }
}

/* The line a log gets while a stage runs: done of total with the time left, or the elapsed
 * time of a stage of unknown length. */
static void log_line(uint64_t done, uint64_t total, double now)
{
    char time_text[32];
    double elapsed = now - state.stage_start;
    if (total == 0) {
        format_duration(elapsed, time_text, sizeof time_text);
        fprintf(stderr, "coopnet: %s: %s so far\n", state.stage, time_text);
    } else if (done >= total) {
        format_duration(elapsed, time_text, sizeof time_text);
        fprintf(stderr, "coopnet: %s: done in %s\n", state.stage, time_text);
    } else if (done > 0) {
        format_duration(elapsed * (double)(total - done) / (double)done, time_text,
                        sizeof time_text);
        fprintf(stderr, "coopnet: %s: %d%%, %s left\n", state.stage,
                (int)(100.0 * (double)done / (double)total), time_text);
    } else {
        format_duration(elapsed, time_text, sizeof time_text);
        fprintf(stderr, "coopnet: %s: started %s ago\n", state.stage, time_text);
    }
}

static void on_progress(void *data, const char *stage, uint64_t done, uint64_t total)
{
    double now = now_seconds();
    bool new_stage = strncmp(stage, state.stage, STAGE_NAME_SIZE - 1) != 0;
    if (new_stage) {
        cli_progress_finish();
        snprintf(state.stage, sizeof state.stage, "%s", stage);
        state.stage_start = now;
        state.last_draw = now;
        if (!state.terminal)
            fprintf(stderr, "coopnet: %s...\n", stage);
    }
    bool finished = total > 0 && done >= total;
    if (!state.terminal) {
        /* a stage that ended within LOG_SECONDS keeps its one line */
        if (!new_stage && now - state.last_draw >= LOG_SECONDS) {
            state.last_draw = now;
            log_line(done, total, now);
        } else if (finished && now - state.stage_start >= LOG_SECONDS) {
            log_line(done, total, now);
        }
        if (finished)
            state.stage[0] = '\0';
        return;
    }
    if (!new_stage && !finished && now - state.last_draw < REDRAW_SECONDS)
        return;
    state.last_draw = now;
    draw_bar(done, total, now);
    if (finished)
        state.stage[0] = '\0'; /* the same stage name again starts a new line */
}

coopnet_progress_t cli_progress(void)
{
    coopnet_progress_t progress = {NULL, NULL};
    if (state.enabled < 0) {
        const char *setting = getenv("COOPNET_PROGRESS");
        state.enabled = setting == NULL || strcmp(setting, "off") != 0;
        state.terminal = isatty(STDERR_FILENO) == 1;
    }
    if (state.enabled && !cli_quiet)
        progress.callback = on_progress;
    return progress;
}

void cli_progress_finish(void)
{
    if (state.line_open) {
        fputc('\n', stderr);
        state.line_open = false;
    }
}
